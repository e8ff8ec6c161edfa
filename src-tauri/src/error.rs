//! The one error shape every command rejects with (명령 오류): a [`Code`] the UI renders from the
//! message catalog (`app-error-<code>`), the study field it concerns (so the UI can place it beside
//! the field), typed arguments for the message, and the raw text of an OS or library error shown
//! small after the catalog's sentence, never instead of it.

use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// What went wrong, as a stable snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// A file could not be read.
    IoRead,
    /// A file could not be written (nothing was changed).
    IoWrite,
    /// The study breaks the engine's rules; `args.count` problems.
    StudyInvalid,
    /// The text is not a study (not JSON, or a field of the wrong type).
    StudyParse,
    /// The Monte Carlo draw count is outside the engine's range.
    DrawsOutOfRange,
    /// A simulated figure left the decimal range (the study's ranges are too wide).
    RiskNotFinite,
    /// The job was cancelled.
    Cancelled,
    /// The file is not a PDF report Yeta can read or sign.
    PdfInvalid,
    /// The report carries no signature.
    PdfNotSigned,
    /// A signature does not hold, or the report changed after it.
    SignatureInvalid,
    /// The key file holds no usable key or certificate (or the password is wrong).
    KeyInvalid,
    /// The reviewer's name is not the certificate's subject.
    ReviewerMismatch,
    /// The embedded study is not the one the report's pages are stamped with.
    StudyMismatch,
    /// A path the web view named is not one the user picked before.
    NotInRecent,
    /// The budget is not an amount of money.
    BudgetInvalid,
    /// An AHP pairwise matrix is not reciprocal or not on the scale.
    MatrixInvalid,
    /// The study names a rule set Yeta does not have.
    RulesUnknown,
    /// The Portfolio view has no studies yet.
    NoStudiesChosen,
    /// No registry login yet.
    RegistryNotLoggedIn,
    /// The registry URL would send the token in clear (`args.url`).
    RegistryInsecureUrl,
    /// The registry cannot be reached (`args.url`): submissions wait in the outbox.
    RegistryUnreachable,
    /// The registry refused the request: `args.message` is its own catalog sentence in the UI's
    /// language, `args.code` its code, `path` the field.
    RegistryRefused,
    /// The registry's CA file cannot be used (`args.file`).
    RegistryCa,
    /// A study key the registry would refuse (`args.value`).
    RegistryKeyInvalid,
    /// Anything else (a bug): the detail says what.
    Internal,
}

#[cfg(test)]
impl Code {
    /// Every code, for the catalog test.
    pub const ALL: [Code; 25] = [
        Code::IoRead,
        Code::IoWrite,
        Code::StudyInvalid,
        Code::StudyParse,
        Code::DrawsOutOfRange,
        Code::RiskNotFinite,
        Code::Cancelled,
        Code::PdfInvalid,
        Code::PdfNotSigned,
        Code::SignatureInvalid,
        Code::KeyInvalid,
        Code::ReviewerMismatch,
        Code::StudyMismatch,
        Code::NotInRecent,
        Code::BudgetInvalid,
        Code::MatrixInvalid,
        Code::RulesUnknown,
        Code::NoStudiesChosen,
        Code::RegistryNotLoggedIn,
        Code::RegistryInsecureUrl,
        Code::RegistryUnreachable,
        Code::RegistryRefused,
        Code::RegistryCa,
        Code::RegistryKeyInvalid,
        Code::Internal,
    ];

    /// The catalog id of the code's message: `io_read` → `app-error-io-read`.
    pub fn message_id(self) -> String {
        let code = serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        format!("app-error-{}", code.replace('_', "-"))
    }
}

/// A message argument: text or a number.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(untagged)]
pub enum Arg {
    /// Text (a file name, a value as typed).
    Text(String),
    /// A number (a count, a limit).
    Number(f64),
}

/// The rejection of a command.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CmdError {
    /// What went wrong.
    pub code: Code,
    /// The study field it concerns (`costs[2].flows[0].amount`), if any.
    pub path: Option<String>,
    /// Arguments of the catalog message.
    pub args: BTreeMap<String, Arg>,
    /// The OS's or a library's own words, if any.
    pub detail: Option<String>,
}

impl CmdError {
    /// An error with no arguments.
    pub fn new(code: Code) -> Self {
        Self { code, path: None, args: BTreeMap::new(), detail: None }
    }

    /// With a text argument.
    pub fn arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.insert(name.to_owned(), Arg::Text(value.into()));
        self
    }

    /// With a number argument.
    pub fn num(mut self, name: &str, value: f64) -> Self {
        self.args.insert(name.to_owned(), Arg::Number(value));
        self
    }

    /// With the field it concerns.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// With the underlying error's own words.
    pub fn detail(mut self, d: impl ToString) -> Self {
        self.detail = Some(d.to_string());
        self
    }

    /// A bug or an unexpected runtime failure (a panicked task, a dialog that failed).
    pub fn internal(d: impl ToString) -> Self {
        Self::new(Code::Internal).detail(d)
    }

    /// Reading `file` failed.
    pub fn read(file: &std::path::Path, e: impl ToString) -> Self {
        Self::new(Code::IoRead).arg("file", file.display().to_string()).detail(e)
    }

    /// Writing `file` failed.
    pub fn write(file: &std::path::Path, e: impl ToString) -> Self {
        Self::new(Code::IoWrite).arg("file", file.display().to_string()).detail(e)
    }
}

impl From<yeta_core::StudyError> for CmdError {
    fn from(e: yeta_core::StudyError) -> Self {
        use yeta_core::StudyError as E;
        match &e {
            E::Malformed { line, column, .. } => {
                Self::new(Code::StudyParse).num("line", *line as f64).num("column", *column as f64).detail(&e)
            }
            E::Field { path, line, column, .. } => Self::new(Code::StudyParse)
                .at(path.clone())
                .num("line", *line as f64)
                .num("column", *column as f64)
                .detail(&e),
            E::Invalid(v) => {
                let first = v.first().map(|p| p.path.clone()).filter(|p| !p.is_empty());
                let mut err = Self::new(Code::StudyInvalid).num("count", v.len() as f64).detail(&e);
                err.path = first;
                err
            }
            _ => Self::new(Code::StudyInvalid).detail(&e),
        }
    }
}

/// The draw count the engine accepts, checked before a run so the refusal names the value.
pub fn check_draws(draws: usize) -> Result<(), CmdError> {
    let max = yeta_core::risk::MAX_DRAWS;
    if (2..=max).contains(&draws) {
        return Ok(());
    }
    Err(CmdError::new(Code::DrawsOutOfRange)
        .num("value", draws as f64)
        .num("min", 2.0)
        .num("max", max as f64)
        .at("draws"))
}

impl From<yeta_core::risk::RiskError> for CmdError {
    fn from(e: yeta_core::risk::RiskError) -> Self {
        use yeta_core::risk::RiskError as E;
        match &e {
            E::Cancelled => Self::new(Code::Cancelled),
            E::Options(_) => Self::new(Code::DrawsOutOfRange)
                .arg("value", "—")
                .num("min", 2.0)
                .num("max", yeta_core::risk::MAX_DRAWS as f64)
                .detail(&e),
            E::NotFinite(what) => Self::new(Code::RiskNotFinite).arg("figure", *what).detail(&e),
            _ => Self::internal(&e),
        }
    }
}

impl From<yeta_report::SignError> for CmdError {
    fn from(e: yeta_report::SignError) -> Self {
        use yeta_report::SignError as E;
        match &e {
            E::Key(_) | E::Certificate(_) => Self::new(Code::KeyInvalid).detail(&e),
            E::Pdf(_) => Self::new(Code::PdfInvalid).detail(&e),
            E::NotVerified(_) => Self::new(Code::SignatureInvalid).detail(&e),
            E::StudyMismatch { .. } => Self::new(Code::StudyMismatch).detail(&e),
            E::ReviewerMismatch { reviewer, subject } => {
                Self::new(Code::ReviewerMismatch).arg("reviewer", reviewer.clone()).arg("subject", subject.clone())
            }
            _ => Self::internal(&e),
        }
    }
}

impl From<yeta_report::VerifyError> for CmdError {
    fn from(e: yeta_report::VerifyError) -> Self {
        use yeta_report::VerifyError as E;
        match &e {
            E::Unsigned => Self::new(Code::PdfNotSigned),
            E::Structure(_) => Self::new(Code::PdfInvalid).detail(&e),
            E::Malformed { index, .. } | E::UnsignedTail { covered: index, .. } => {
                Self::new(Code::SignatureInvalid).num("index", *index as f64).detail(&e)
            }
            E::Invalid { index, signer, .. } | E::ChangedAfter { index, signer, .. } => {
                Self::new(Code::SignatureInvalid).num("index", *index as f64).arg("signer", signer.clone()).detail(&e)
            }
            _ => Self::new(Code::SignatureInvalid).detail(&e),
        }
    }
}

impl CmdError {
    /// A registry error in the UI's language `lang` (`"ko"` or `"en"`): the registry's own
    /// sentence for a refusal, so the app and the CLI say the same.
    pub fn registry(e: yeta_service::registry::RegistryError, lang: &str) -> Self {
        use yeta_service::registry::RegistryError as E;
        match &e {
            E::NotLoggedIn => Self::new(Code::RegistryNotLoggedIn),
            E::InsecureUrl { url } => Self::new(Code::RegistryInsecureUrl).arg("url", url.clone()).at("url"),
            E::Unreachable { url, detail } => {
                Self::new(Code::RegistryUnreachable).arg("url", url.clone()).detail(detail)
            }
            E::Refused { status, code, path, .. } => {
                let mut err = Self::new(Code::RegistryRefused)
                    .arg("message", e.message(lang))
                    .arg("code", code.clone())
                    .num("status", f64::from(*status));
                if !path.is_empty() {
                    err = err.at(path.clone());
                }
                err
            }
            E::CaFile { path, why } => Self::new(Code::RegistryCa).arg("file", path.clone()).detail(why),
            E::Fs(f) => Self::new(Code::IoWrite).arg("file", "").detail(f),
            _ => Self::internal(&e),
        }
    }
}
