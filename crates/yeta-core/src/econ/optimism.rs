//! Optimism bias (낙관편향 보정), HM Treasury Green Book: appraisers' capital cost estimates are
//! systematically low, so the Green Book raises capex by an uplift that depends on the project
//! type (Mott MacDonald 2002's upper bounds: 24 % for standard buildings … 200 % for equipment and
//! development), reduced as the project's risks are managed. Korea's PFS has no such step; a study
//! may opt in to see how much of its margin an outturn overrun would take.
//!
//! The uplift becomes a cost line of its own, uplift × the capex lines year by year, so the
//! cash-flow table, PVs, sensitivity and Monte Carlo all see it and it stays visible.

use crate::econ::{ExpandedLine, Kind, Origin, Variation};
use crate::rules::RuleSet;
use crate::study::money::{self, DecimalString};
use crate::study::{CostKind, StudyError};
use crate::study::{Study, ValidationError};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Name of the cost line the uplift adds.
pub const LINE: &str = "Optimism bias uplift (낙관편향 보정)";

/// The Green Book's project types for optimism bias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectType {
    /// Standard buildings.
    StandardBuildings,
    /// Non-standard buildings.
    NonStandardBuildings,
    /// Standard civil engineering (roads, rail on known ground).
    StandardCivilEngineering,
    /// Non-standard civil engineering.
    NonStandardCivilEngineering,
    /// Equipment and development (IT systems among them).
    EquipmentDevelopment,
    /// Outsourcing.
    Outsourcing,
}

impl ProjectType {
    /// The code used in the study and in the rule set's table.
    pub fn code(self) -> &'static str {
        match self {
            Self::StandardBuildings => "standard_buildings",
            Self::NonStandardBuildings => "non_standard_buildings",
            Self::StandardCivilEngineering => "standard_civil_engineering",
            Self::NonStandardCivilEngineering => "non_standard_civil_engineering",
            Self::EquipmentDevelopment => "equipment_development",
            Self::Outsourcing => "outsourcing",
        }
    }
}

/// The study's request: `parameters.optimism_bias`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptimismBias {
    /// The project type whose uplift applies.
    pub project_type: ProjectType,
    /// The uplift on capex as a fraction (0.44 = +44 %), when the study sets its own (e.g. the
    /// upper bound reduced for risks already managed); otherwise the rule set's table, or the
    /// Green Book's.
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub uplift: Option<Decimal>,
    /// Why this uplift: the mitigation evidence, or the table used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ProjectType {
    /// The cost lines the uplift applies to: capital expenditure for works and equipment;
    /// operating expenditure for outsourcing, where Mott MacDonald (2002) gives no capex bound
    /// and an upper bound of 41 % on operating cost.
    pub fn applies_to(self) -> CostKind {
        match self {
            Self::Outsourcing => CostKind::Opex,
            _ => CostKind::Capex,
        }
    }
}

/// What the appraisal applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applied {
    /// Project type.
    pub project_type: ProjectType,
    /// The kind of cost line uplifted (`capex`, or `opex` for outsourcing).
    pub applies_to: CostKind,
    /// Uplift applied to those lines, a fraction.
    #[serde(serialize_with = "money::serialize_out")]
    pub uplift: Decimal,
    /// Where the uplift comes from.
    pub source: String,
}

/// Checks the request: the uplift, when given, is a fraction between 0 and 10.
pub fn validate(ob: &OptimismBias, v: &mut Vec<ValidationError>) {
    if let Some(u) = ob.uplift
        && (u < Decimal::ZERO || u > Decimal::TEN)
    {
        v.push(ValidationError::new(
            "parameters.optimism_bias.uplift",
            format!("{u} is outside 0 to 10 (a fraction: 0.44 means +44 % on capex)"),
        ));
    }
}

/// The uplift for `t` from a rule set's `optimism_bias` table, with the table's source.
fn from_table(rules: &RuleSet, t: ProjectType) -> Option<(Decimal, String)> {
    let table = rules.extra.get("optimism_bias")?;
    let row =
        table.value.as_array()?.iter().find(|r| r.get("project_type").and_then(|x| x.as_str()) == Some(t.code()))?;
    let column = match t.applies_to() {
        CostKind::Opex => "opex",
        _ => "capex",
    };
    let uplift = Decimal::from_str(row.get(column)?.as_str()?).ok()?;
    Some((uplift, format!("{} ({}, {column}): {}", rules.id, t.code(), table.source)))
}

/// The uplift to apply: the study's own, else its rule set's table, else the Green Book's.
pub fn resolve(study: &Study, rules: &RuleSet) -> Option<Applied> {
    let ob = study.parameters.optimism_bias.as_ref()?;
    let t = ob.project_type;
    let (uplift, source) = match ob.uplift {
        Some(u) => (u, ob.source.clone().unwrap_or_else(|| "the study's own uplift".into())),
        None => from_table(rules, t).or_else(|| {
            static GREEN_BOOK: std::sync::OnceLock<Option<RuleSet>> = std::sync::OnceLock::new();
            GREEN_BOOK.get_or_init(|| RuleSet::builtin("uk-green-book-2022")).as_ref().and_then(|gb| from_table(gb, t))
        })?,
    };
    Some(Applied { project_type: t, applies_to: t.applies_to(), uplift, source })
}

/// The uplift line: `uplift` × the study's lines of the uplifted kind, year by year; in the risk
/// analysis each part moves with the line it comes from.
pub fn line<'a>(applied: &Applied, costs: &[ExpandedLine<'a>], years: usize) -> Result<ExpandedLine<'a>, StudyError> {
    let mut out = vec![Decimal::ZERO; years];
    let mut parts = Vec::new();
    for (i, c) in costs.iter().enumerate() {
        if !matches!(c.origin, Origin::Study { .. }) || c.kind != Kind::Cost(applied.applies_to) {
            continue;
        }
        parts.push((i, applied.uplift));
        for (o, a) in out.iter_mut().zip(&c.amounts) {
            *o = a.checked_mul(applied.uplift).and_then(|x| o.checked_add(x)).ok_or_else(|| {
                StudyError::Invalid(vec![ValidationError::new(
                    "parameters.optimism_bias.uplift",
                    "the uplift makes a yearly cost beyond the representable range",
                )])
            })?;
        }
    }
    Ok(ExpandedLine {
        origin: Origin::OptimismBias,
        name: LINE,
        kind: Kind::OptimismBias,
        variation: Variation::Follows(parts),
        amounts: out,
        sunk: Decimal::ZERO,
    })
}
