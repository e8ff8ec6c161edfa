//! Optimism bias (낙관편향 보정), HM Treasury Green Book: appraisers' capital cost estimates are
//! systematically low, so the Green Book raises capex by an uplift that depends on the project
//! type (Mott MacDonald 2002's upper bounds: 24 % for standard buildings … 200 % for equipment and
//! development), reduced as the project's risks are managed. Korea's PFS has no such step; a study
//! may opt in to see how much of its margin an outturn overrun would take.
//!
//! The uplift becomes a cost line of its own, uplift × the capex lines year by year, so the
//! cash-flow table, PVs, sensitivity and Monte Carlo all see it and it stays visible.
//!
//! A Korean uplift (참조 사업군 기반 보정): with `source: "library"` the uplift is the P50 or P80
//! cost overrun of the library's completed projects of the study's sector
//! ([`crate::expost::reference`]). The engine reads no library: the shell computes the reference
//! class and passes it in ([`ReferenceClass`], `appraisal::Inputs::reference_class`); without
//! it, or with fewer projects than the minimum, the study is refused with a coded problem.

use crate::econ::{ExpandedLine, Kind, Origin, Variation};
use crate::rules::RuleSet;
use crate::study::money::{self, DecimalString};
use crate::study::{CostKind, Problem, StudyError};
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
    /// Why this uplift: the mitigation evidence, or the table used. `"library"`: the uplift is
    /// the library's reference class for the study's sector (no `uplift` then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// With `source: "library"`, the percentile of the sector's cost overrun taken as the
    /// uplift: `p80` (default: the Green Book's and Flyvbjerg's 80 % confidence) or `p50`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentile: Option<Percentile>,
}

/// `source` value that asks for the library's reference class.
pub const LIBRARY: &str = "library";

/// Which percentile of the reference class's cost overrun is the uplift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Percentile {
    /// Median (P50): an even chance of a larger overrun.
    P50,
    /// 80th percentile (P80): a one-in-five chance of a larger overrun.
    #[default]
    P80,
}

impl Percentile {
    fn label(self) -> &'static str {
        match self {
            Self::P50 => "P50",
            Self::P80 => "P80",
        }
    }
}

/// Fewest completed projects a reference-class uplift rests on, unless the rule set sets
/// `reference_class_min_projects`. Yeta's assumption: below five, P80 is an interpolation
/// between one or two projects, not a distribution.
pub const MIN_PROJECTS: usize = 5;

/// The library's reference class (참조 사업군) as the shell computed it: the cost overrun and
/// demand shortfall of completed projects by sector, and where they come from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReferenceClass {
    /// By sector ([`crate::expost::reference::by_sector`]).
    pub classes: Vec<crate::expost::reference::SectorClass>,
    /// The library, as the shell names it (e.g. its file).
    pub source: String,
}

impl OptimismBias {
    /// The study asks for the library's reference class.
    pub fn from_library(&self) -> bool {
        self.source.as_deref() == Some(LIBRARY)
    }
}

/// The minimum number of projects under `rules`, with where it comes from.
fn min_projects(rules: &RuleSet) -> (usize, String) {
    rules
        .extra
        .get("reference_class_min_projects")
        .and_then(|m| Some((usize::try_from(m.value.as_u64()?).ok()?, format!("{}: {}", rules.id, m.source))))
        .unwrap_or_else(|| (MIN_PROJECTS, "Yeta's assumption".to_owned()))
}

/// The uplift from the library's reference class for the study's sector, or the coded problem
/// that refuses it.
fn from_library(
    study: &Study,
    ob: &OptimismBias,
    rules: &RuleSet,
    reference: Option<&ReferenceClass>,
) -> Result<(Decimal, String), ValidationError> {
    const AT: &str = "parameters.optimism_bias.source";
    let sector = study.project.sector;
    let Some(r) = reference else {
        return Err(ValidationError::coded(
            AT,
            Problem::ReferenceClassMissing,
            &[],
            "\"library\" needs the library's reference class: appraise with --library DB",
        ));
    };
    let (min, min_source) = min_projects(rules);
    let spread = r.classes.iter().find(|c| c.sector == sector).map(|c| &c.cost_overrun);
    let count = spread.map_or(0, |s| s.count);
    let pick = ob.percentile.unwrap_or_default();
    let value = spread.and_then(|s| match pick {
        Percentile::P50 => s.p50,
        Percentile::P80 => s.p80,
    });
    match value {
        Some(v) if count >= min => Ok((
            // A class whose projects came in under budget gives no negative uplift.
            v.max(Decimal::ZERO),
            format!(
                "library reference class, sector {}, {} of n={count} projects (minimum {min}, {min_source}): {}",
                sector.code(),
                pick.label(),
                r.source
            ),
        )),
        _ => Err(ValidationError::coded(
            AT,
            Problem::ReferenceClassTooSmall,
            &[("sector", sector.code().to_owned()), ("count", count.to_string()), ("min", min.to_string())],
            format!("the library has {count} completed {} projects; a reference class needs {min}", sector.code()),
        )),
    }
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

/// Checks the request: the uplift, when given, is a fraction between 0 and 10; a library uplift
/// has no uplift of its own, and a percentile only goes with the library.
pub fn validate(ob: &OptimismBias, v: &mut Vec<ValidationError>) {
    if ob.from_library() && ob.uplift.is_some() {
        v.push(ValidationError::new(
            "parameters.optimism_bias.uplift",
            "source \"library\" takes the uplift from the reference class; remove uplift",
        ));
    }
    if !ob.from_library() && ob.percentile.is_some() {
        v.push(ValidationError::new(
            "parameters.optimism_bias.percentile",
            "a percentile is for source \"library\" (the reference class)",
        ));
    }
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

/// The uplift to apply: the library's reference class when the study asks for it (refused
/// without one), else the study's own, else its rule set's table, else the Green Book's.
pub fn resolve(
    study: &Study,
    rules: &RuleSet,
    reference: Option<&ReferenceClass>,
) -> Result<Option<Applied>, StudyError> {
    let Some(ob) = study.parameters.optimism_bias.as_ref() else { return Ok(None) };
    let t = ob.project_type;
    let (uplift, source) = match ob.uplift {
        _ if ob.from_library() => {
            from_library(study, ob, rules, reference).map_err(|e| StudyError::Invalid(vec![e]))?
        }
        Some(u) => (u, ob.source.clone().unwrap_or_else(|| "the study's own uplift".into())),
        None => {
            let found = from_table(rules, t).or_else(|| {
                static GREEN_BOOK: std::sync::OnceLock<Option<RuleSet>> = std::sync::OnceLock::new();
                GREEN_BOOK
                    .get_or_init(|| RuleSet::builtin("uk-green-book-2022"))
                    .as_ref()
                    .and_then(|gb| from_table(gb, t))
            });
            match found {
                Some(x) => x,
                None => return Ok(None),
            }
        }
    };
    Ok(Some(Applied { project_type: t, applies_to: t.applies_to(), uplift, source }))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expost::reference::{SectorClass, Spread};
    use crate::study::Sector;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    /// The ex-ante fixture (ICT, capex 100,000 백만원 in 2026) asking for the library's uplift.
    fn study(percentile: Option<&str>) -> Study {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../../../fixtures/expost/admin-system-ex-ante.yeta.json"))
                .expect("json");
        v["parameters"]["optimism_bias"] =
            serde_json::json!({"project_type": "equipment_development", "source": "library"});
        if let Some(p) = percentile {
            v["parameters"]["optimism_bias"]["percentile"] = p.into();
        }
        Study::from_json(&v.to_string()).expect("study")
    }

    fn class(sector: Sector, count: usize, p50: &str, p80: &str) -> ReferenceClass {
        let s = Spread { count, p50: Some(d(p50)), p80: Some(d(p80)) };
        ReferenceClass {
            classes: vec![SectorClass { sector, cost_overrun: s.clone(), demand_shortfall: s }],
            source: "test library".into(),
        }
    }

    fn problem(e: StudyError) -> ValidationError {
        match e {
            StudyError::Invalid(v) => v.into_iter().next().expect("a problem"),
            e => panic!("{e}"),
        }
    }

    #[test]
    fn library_uplift_is_the_sectors_percentile_with_its_count() {
        let rules = RuleSet::builtin("kr-pfs-2026").expect("rules");
        let r = class(Sector::Ict, 7, "0.15", "0.37");
        let a = resolve(&study(None), &rules, Some(&r)).expect("resolves").expect("applied");
        assert_eq!(a.uplift, d("0.37"));
        assert!(a.source.starts_with("library reference class, sector ict, P80 of n=7 projects"), "{}", a.source);
        let a = resolve(&study(Some("p50")), &rules, Some(&r)).expect("resolves").expect("applied");
        assert_eq!(a.uplift, d("0.15"));
        // The uplift line: 0.37 × capex 100,000 (백만원 → won) in 2026, so the appraisal's PV
        // costs are 137,000 백만원.
        let inputs = crate::appraisal::Inputs { reference_class: Some(&r), ..Default::default() };
        let x = crate::appraisal::appraise_with(&study(None), &inputs).expect("appraises");
        assert_eq!(x.economic.pv_costs, d("137000000000"));
    }

    #[test]
    fn library_uplift_is_refused_without_a_class_or_with_too_few_projects() {
        let rules = RuleSet::builtin("kr-pfs-2026").expect("rules");
        let e = problem(resolve(&study(None), &rules, None).expect_err("no class"));
        assert_eq!(
            (e.path.as_str(), e.code),
            ("parameters.optimism_bias.source", Some(Problem::ReferenceClassMissing))
        );
        // Four ICT projects: below the minimum of 5.
        let e = problem(resolve(&study(None), &rules, Some(&class(Sector::Ict, 4, "0.1", "0.2"))).expect_err("small"));
        assert_eq!(e.code, Some(Problem::ReferenceClassTooSmall));
        assert_eq!((e.args["count"].as_str(), e.args["min"].as_str(), e.args["sector"].as_str()), ("4", "5", "ict"));
        // Another sector's class does not stand in for the study's.
        let e = problem(resolve(&study(None), &rules, Some(&class(Sector::Rail, 9, "0.1", "0.2"))).expect_err("rail"));
        assert_eq!((e.code, e.args["count"].as_str()), (Some(Problem::ReferenceClassTooSmall), "0"));
        // The appraisal refuses the same way.
        assert!(crate::appraisal::appraise(&study(None), None).is_err());
    }
}
