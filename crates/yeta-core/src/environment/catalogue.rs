//! Structured compliance (준수 점검): catalogues as versioned data — RGESN eco-design criteria,
//! the EU green public procurement criteria for data centres, server rooms and cloud services,
//! and the Korean obligations of a public ICT project — with the study's status and evidence per
//! item, a score per catalogue and the items not met.

use super::Compliance;
use crate::rules::Status;
use crate::study::ValidationError;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The built-in catalogues: id and JSON text.
pub const BUILTIN: [(&str, &str); 3] = [
    ("rgesn-2024", include_str!("../../../../fixtures/environment/rgesn-2024.json")),
    ("eu-gpp-data-centres-2020", include_str!("../../../../fixtures/environment/eu-gpp-data-centres-2020.json")),
    ("kr-obligations-2026", include_str!("../../../../fixtures/environment/kr-obligations-2026.json")),
];

/// A text in both report languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Korean.
    pub ko: String,
}

/// An item of a catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id within the catalogue.
    pub id: String,
    /// The catalogue's family (e.g. `hosting`).
    pub family: String,
    /// What the item asks.
    pub title: Bilingual,
}

/// A catalogue file (`yeta-env-catalogue/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Always `yeta-env-catalogue/1`.
    pub format: String,
    /// Id with its version, e.g. `rgesn-2024`.
    pub id: String,
    /// Title.
    pub title: Bilingual,
    /// Version of the source text.
    pub version: String,
    /// How firmly the selection is established.
    pub status: Status,
    /// The source text.
    pub source: String,
    /// Items.
    pub items: Vec<Item>,
}

impl Catalogue {
    /// A built-in catalogue by id.
    pub fn builtin(id: &str) -> Option<Catalogue> {
        BUILTIN.iter().find(|(i, _)| *i == id).and_then(|(_, t)| serde_json::from_str(t).ok())
    }
}

/// The study's answer to one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The item's id.
    pub item: String,
    /// Status.
    pub status: Compliance,
    /// Evidence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// The study's answers to a catalogue (`environment.catalogues[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// The catalogue's id.
    pub catalogue: String,
    /// Answers; an item without one counts as not met.
    #[serde(default)]
    pub answers: Vec<Answer>,
}

/// An item the project does not (fully) meet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The item.
    pub item: Item,
    /// Its status (not met, partial, or not answered = not met).
    pub status: Compliance,
    /// Evidence given.
    pub evidence: String,
    /// No answer was given.
    pub unanswered: bool,
}

/// A catalogue's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Catalogue id.
    pub id: String,
    /// Title.
    pub title: Bilingual,
    /// Version.
    pub version: String,
    /// Items that apply (all but not applicable).
    pub applicable: usize,
    /// Met.
    pub met: usize,
    /// Partly met.
    pub partial: usize,
    /// (met + ½ partial) ÷ applicable, 0–1; `None` when nothing applies.
    pub score: Option<f64>,
    /// Items not met or partly met, in catalogue order.
    pub gaps: Vec<Gap>,
}

/// Checks the answers: a known catalogue, known items, each answered once.
pub fn validate(all: &[Answers], v: &mut Vec<ValidationError>) {
    for (i, a) in all.iter().enumerate() {
        let at = format!("environment.catalogues[{i}]");
        let Some(c) = Catalogue::builtin(&a.catalogue) else {
            let known: Vec<&str> = BUILTIN.iter().map(|(i, _)| *i).collect();
            v.push(ValidationError::new(
                format!("{at}.catalogue"),
                format!("\"{}\" is not a catalogue Yeta ships ({})", a.catalogue, known.join(", ")),
            ));
            continue;
        };
        for (j, x) in a.answers.iter().enumerate() {
            if !c.items.iter().any(|it| it.id == x.item) {
                v.push(ValidationError::new(
                    format!("{at}.answers[{j}].item"),
                    format!("\"{}\" is not an item of {}", x.item, c.id),
                ));
            }
            if a.answers[..j].iter().any(|y| y.item == x.item) {
                v.push(ValidationError::new(
                    format!("{at}.answers[{j}].item"),
                    format!("\"{}\" is answered twice", x.item),
                ));
            }
        }
    }
}

/// Scores each catalogue.
pub fn score(all: &[Answers]) -> Vec<Score> {
    all.iter()
        .filter_map(|a| {
            let c = Catalogue::builtin(&a.catalogue)?;
            let (mut met, mut partial, mut applicable, mut gaps) = (0, 0, 0, Vec::new());
            for it in &c.items {
                let ans = a.answers.iter().find(|x| x.item == it.id);
                let status = ans.map_or(Compliance::NotMet, |x| x.status);
                match status {
                    Compliance::NotApplicable => continue,
                    Compliance::Met => met += 1,
                    Compliance::Partial => partial += 1,
                    Compliance::NotMet => {}
                }
                applicable += 1;
                if matches!(status, Compliance::NotMet | Compliance::Partial) {
                    gaps.push(Gap {
                        item: it.clone(),
                        status,
                        evidence: ans.map(|x| x.evidence.clone()).unwrap_or_default(),
                        unanswered: ans.is_none(),
                    });
                }
            }
            let score = (applicable > 0).then(|| (met as f64 + 0.5 * partial as f64) / applicable as f64);
            Some(Score { id: c.id, title: c.title, version: c.version, applicable, met, partial, score, gaps })
        })
        .collect()
}
