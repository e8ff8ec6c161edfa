//! Suggested register entries (권고 위험): the Korean physical climate risks (flood, heat, fire of a
//! data centre's batteries, slope failure, storm surge) and regulatory risks (grid impact
//! assessment, the carbon-neutrality act's targets, e-waste) that recur in the study's sector,
//! each with an owner and a mitigation, as versioned data. The appraisal lists those the study's
//! register has not taken up, so a reviewer sees what was left out rather than only what was
//! entered.

use super::catalogue::Bilingual;
use crate::rules::Status;
use crate::study::{Sector, ValidationError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The built-in list: id and JSON text.
pub const BUILTIN: (&str, &str) =
    ("kr-climate-risks-2026", include_str!("../../../../fixtures/environment/kr-climate-risks-2026.json"));

/// What kind of risk an entry is (TCFD's split of climate risks, with the regulatory part apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Physical climate risk (물리적 위험): flood, heat, storm, fire.
    Physical,
    /// A law or permit that applies (규제 위험).
    Regulatory,
    /// Transition risk (전환 위험): prices and markets moving with decarbonisation.
    Transition,
}

/// A suggested entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id; a register entry that takes it up names it in `suggestion`.
    pub id: String,
    /// Sectors it applies to.
    pub sectors: Vec<Sector>,
    /// Kind of risk.
    pub category: Category,
    /// The risk.
    pub title: Bilingual,
    /// Starting likelihood, 1–5, for a typical site.
    pub likelihood: u8,
    /// Starting impact, 1–5.
    pub impact: u8,
    /// Who usually manages it.
    pub owner: Bilingual,
    /// What usually reduces it.
    pub mitigation: Bilingual,
    /// The event or law behind it.
    pub source: Bilingual,
}

/// A list file (`yeta-env-risks/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskList {
    /// Always `yeta-env-risks/1`.
    pub format: String,
    /// Id with its version.
    pub id: String,
    /// Title.
    pub title: Bilingual,
    /// Version.
    pub version: String,
    /// How firmly the selection is established.
    pub status: Status,
    /// Where the selection comes from.
    pub source: Bilingual,
    /// Entries.
    pub entries: Vec<Entry>,
}

impl RiskList {
    /// The built-in list.
    pub fn builtin() -> Option<RiskList> {
        serde_json::from_str(BUILTIN.1).ok()
    }
}

/// An entry the register has not taken up, with its starting score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Open {
    /// The entry.
    #[serde(flatten)]
    pub entry: Entry,
    /// likelihood × impact at the starting values.
    pub score: u8,
    /// Its rating band (as the register's).
    pub rating: &'static str,
}

/// The suggestions for a study: the list's id and the entries for `sector` that no register
/// entry takes up, highest score first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestions {
    /// The list's id.
    pub list: String,
    /// Its status.
    pub status: Status,
    /// Where the selection comes from.
    pub source: Bilingual,
    /// Entries for the sector, in all.
    pub for_sector: usize,
    /// Entries the register takes up.
    pub taken_up: usize,
    /// Entries not taken up.
    pub open: Vec<Open>,
}

/// Checks each register entry's `suggestion` names an entry of the list, once.
pub fn validate(risks: &[super::Risk], v: &mut Vec<ValidationError>) {
    let Some(list) = RiskList::builtin() else { return };
    for (i, r) in risks.iter().enumerate() {
        let Some(id) = &r.suggestion else { continue };
        if !list.entries.iter().any(|e| &e.id == id) {
            v.push(ValidationError::new(
                format!("environment.risks[{i}].suggestion"),
                format!("\"{id}\" is not an entry of {}", list.id),
            ));
        } else if risks[..i].iter().any(|x| x.suggestion.as_ref() == Some(id)) {
            v.push(ValidationError::new(
                format!("environment.risks[{i}].suggestion"),
                format!("\"{id}\" is taken up twice"),
            ));
        }
    }
}

/// The suggestions for a study of `sector` with `risks` in its register.
pub fn suggest(sector: Sector, risks: &[super::Risk]) -> Option<Suggestions> {
    let list = RiskList::builtin()?;
    let for_sector: Vec<&Entry> = list.entries.iter().filter(|e| e.sectors.contains(&sector)).collect();
    let taken = |e: &Entry| risks.iter().any(|r| r.suggestion.as_deref() == Some(e.id.as_str()));
    let mut open: Vec<Open> = for_sector
        .iter()
        .filter(|e| !taken(e))
        .map(|e| {
            let score = e.likelihood.saturating_mul(e.impact);
            Open { entry: (*e).clone(), score, rating: super::rating(score) }
        })
        .collect();
    // Highest score first; the list's order among equals.
    open.sort_by_key(|o| std::cmp::Reverse(o.score));
    Some(Suggestions {
        list: list.id,
        status: list.status,
        source: list.source,
        for_sector: for_sector.len(),
        taken_up: for_sector.len() - open.len(),
        open,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_parses_and_scores_within_the_scale() {
        let list = RiskList::builtin().expect("parses");
        assert_eq!(list.format, "yeta-env-risks/1");
        for e in &list.entries {
            assert!((1..=5).contains(&e.likelihood) && (1..=5).contains(&e.impact), "{}", e.id);
            assert!(
                !e.sectors.is_empty() && !e.source.ko.trim().is_empty() && !e.source.en.trim().is_empty(),
                "{}",
                e.id
            );
            assert_eq!(list.entries.iter().filter(|x| x.id == e.id).count(), 1, "{} twice", e.id);
        }
    }
}
