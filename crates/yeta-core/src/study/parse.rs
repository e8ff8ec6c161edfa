//! Reading a study: malformed JSON is reported by line and column, a wrong field by its path.

use super::{FORMAT, Study, ValidationError};
use serde_json::error::Category;
use thiserror::Error;

/// Why a study could not be read or is not valid.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum StudyError {
    /// The text is not JSON.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Malformed {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// A field is missing, of the wrong type, or holds an unknown code.
    #[error("{path}: {message} (line {line}, column {column})")]
    Field {
        /// Field path, e.g. `costs[2].flows[0].amount`.
        path: String,
        /// What is wrong with it.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The study parsed but breaks one or more rules; every problem is listed.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<ValidationError>),
}

impl StudyError {
    /// The problems as (path, message) pairs, e.g. for placing them beside fields in a form.
    pub fn problems(&self) -> Vec<ValidationError> {
        match self {
            StudyError::Malformed { .. } => vec![ValidationError::new("", self.to_string())],
            StudyError::Field { path, message, .. } => {
                vec![ValidationError::new(path.clone(), message.clone())]
            }
            StudyError::Invalid(v) => v.clone(),
        }
    }
}

pub(super) fn from_json(text: &str) -> Result<Study, StudyError> {
    let study: Study = match parse_json(text) {
        Ok(s) => s,
        // One type error found by the fast reader: look for all of them (the first keeps its
        // line and column when it is the only one).
        Err(StudyError::Field { path, message, line, column }) => {
            let (_, mut all) = super::check::read_all(text);
            return Err(match all.len() {
                0 => StudyError::Field { path, message, line, column },
                1 => {
                    let one = all.remove(0);
                    StudyError::Field { path: one.path, message: one.message, line, column }
                }
                _ => StudyError::Invalid(all),
            });
        }
        Err(e) => return Err(e),
    };
    // A study in a unit other than won: read again with its bare amounts scaled.
    let study = if study.unit.is_some_and(|u| u != super::Unit::Won) {
        match super::check::read_all(text) {
            (Some(s), e) if e.is_empty() => s,
            (_, e) => return Err(StudyError::Invalid(e)),
        }
    } else {
        study
    };
    if study.format != FORMAT {
        return Err(StudyError::Invalid(vec![ValidationError::new(
            "format",
            format!("\"{}\" is not a format this Yeta reads; expected \"{FORMAT}\"", study.format),
        )]));
    }
    Ok(study)
}

/// Reads any of Yeta's JSON documents with field-path errors.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StudyError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        match inner.classify() {
            Category::Syntax | Category::Eof | Category::Io => {
                StudyError::Malformed { line, column, message: strip_position(&inner.to_string()) }
            }
            Category::Data => StudyError::Field {
                path: if path == "." { "(top level)".to_owned() } else { path },
                message: strip_position(&inner.to_string()),
                line,
                column,
            },
        }
    })
}

/// serde_json appends " at line L column C"; we report the position ourselves.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}
