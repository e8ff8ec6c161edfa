//! The pipeline: Study → Appraisal, one stage per module.
//!
//! 1. validate the study ([`crate::study::validate`]) and resolve its rule set ([`crate::rules`]);
//! 2. expand every line into KRW by year ([`crate::study::flows`]);
//! 3. economic analysis ([`crate::econ`]) and financial analysis ([`crate::finance`]);
//! 4. policy, regional, environmental stages, then the AHP comprehensive evaluation;
//! 5. the verdict and the warnings a reviewer must see.

use crate::econ::{self, Economic, Flows, Period, Schedule};
use crate::finance::{self, Financial};
use crate::rules::{AppliedRules, BUILTIN, RuleSet};
use crate::study::{
    self, Line, LineKind, Region, Sector, SectorClass, Study, StudyError, ValidationError, flows, money,
};
use rust_decimal::Decimal;
use serde::Serialize;

/// The `format` of an appraisal document.
pub const FORMAT: &str = "yeta-appraisal/1";

/// Data the shell passes in beside the study: a rule set the study names but Yeta does not ship,
/// and the user's own region tables (CSV text). `Default` uses what Yeta ships.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inputs<'a> {
    /// A custom rule set.
    pub rules: Option<&'a RuleSet>,
    /// A custom regional indicator table.
    pub regions: Option<&'a crate::regional::RegionTable>,
    /// A custom input-output multiplier table (CSV text).
    pub multipliers: Option<&'a str>,
}

/// Everything a stage may read: the study, the rules, the expanded lines and earlier results.
pub struct Context<'a> {
    /// What the shell passed in.
    pub inputs: &'a Inputs<'a>,
    /// The study.
    pub study: &'a Study,
    /// The rules in force.
    pub rules: &'a AppliedRules,
    /// Analysis period and discount factors.
    pub period: &'a Period,
    /// Cost lines in KRW by year.
    pub costs: &'a [Flows<'a>],
    /// Benefit lines in KRW by year.
    pub benefits: &'a [Flows<'a>],
    /// Revenue lines in KRW by year.
    pub revenues: &'a [Flows<'a>],
    /// The economic analysis.
    pub economic: &'a Economic,
}

/// The study's identity, as the report's cover shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudySummary {
    /// Project name.
    pub name: String,
    /// Sponsor.
    pub sponsor: String,
    /// Sector.
    pub sector: Sector,
    /// AHP hierarchy of the sector.
    pub sector_class: SectorClass,
    /// ISO 3166-2:KR code.
    pub region: Region,
    /// Region name in English.
    pub region_name: &'static str,
    /// In the capital region (수도권).
    pub capital_region: bool,
    /// Total cost, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub total_cost: Decimal,
    /// State funding, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub state_funding: Decimal,
    /// Base year.
    pub base_year: i32,
    /// First year.
    pub first_year: i32,
    /// Last year.
    pub last_year: i32,
}

/// Something the reader must not miss.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable code, e.g. `below_pfs_threshold`.
    pub code: &'static str,
    /// A sentence with the figures.
    pub message: String,
}

/// What the appraisal concludes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// B/C at or above the rule set's threshold.
    pub economically_feasible: bool,
    /// The AHP score for "implement", when the study has an AHP evaluation.
    pub ahp_score: Option<f64>,
    /// The decision the method gives: AHP ≥ threshold when there is an AHP evaluation, else
    /// the economic result alone.
    pub implement: bool,
    /// `ahp` or `economic`.
    pub basis: &'static str,
    /// One sentence.
    pub summary: String,
}

/// The whole appraisal of a study.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appraisal {
    /// Always `"yeta-appraisal/1"`.
    pub format: &'static str,
    /// The Yeta version that computed it.
    pub yeta_version: &'static str,
    /// The study appraised.
    pub study: StudySummary,
    /// The rules used, with sources and the study's overrides.
    pub rules: AppliedRules,
    /// Economic analysis.
    pub economic: Economic,
    /// Financial analysis.
    pub financial: Financial,
    /// Policy analysis.
    pub policy: Option<crate::policy::PolicyResult>,
    /// Balanced regional development.
    pub regional: Option<crate::regional::RegionalResult>,
    /// AHP comprehensive evaluation.
    pub ahp: Option<crate::ahp::AhpResult>,
    /// Environmental risk.
    pub environment: Option<crate::environment::EnvironmentResult>,
    /// The optimism-bias uplift applied to capex, when the study asks for one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optimism_bias: Option<crate::econ::optimism::Applied>,
    /// The verdict.
    pub verdict: Verdict,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

impl Appraisal {
    /// The appraisal as pretty JSON: money as strings, ratios as numbers.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Finds the rule set a study names among the built-in ones or the one given.
pub fn resolve_rules(study: &Study, custom: Option<&RuleSet>) -> Result<AppliedRules, StudyError> {
    let id = &study.rules.id;
    let set = match custom {
        Some(set) if &set.id == id => set.clone(),
        _ => RuleSet::builtin(id).ok_or_else(|| {
            let known: Vec<&str> = BUILTIN.iter().map(|(i, _)| *i).collect();
            StudyError::Invalid(vec![ValidationError::new(
                "rules.id",
                format!("\"{id}\" is not a rule set Yeta ships ({}) nor the one given", known.join(", ")),
            )])
        })?,
    };
    Ok(set.apply(&study.rules.overrides))
}

fn expand<'a, K: LineKind>(list: &str, lines: &'a [Line<K>], study: &Study) -> Result<Vec<Flows<'a>>, StudyError> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let amounts = flows::expand(l, first, last).map_err(|e| {
                StudyError::Invalid(vec![ValidationError::new(format!("{list}[{i}].flows[{}]", e.flow), e.message)])
            })?;
            Ok(Flows { name: &l.name, kind: l.kind.code(), amounts })
        })
        .collect()
}

/// Parses, validates and appraises a study under a built-in rule set (or `custom`).
pub fn appraise_json(text: &str, custom: Option<&RuleSet>) -> Result<Appraisal, StudyError> {
    let study = Study::from_json(text)?;
    appraise(&study, custom)
}

/// Validates a study, resolves its rules, expands its lines and runs the economic analysis, then
/// hands the [`Context`] to `f`: the common start of the appraisal and the risk analysis.
pub fn with_context<R>(study: &Study, inputs: &Inputs<'_>, f: impl FnOnce(&Context<'_>) -> R) -> Result<R, StudyError> {
    study::validate(study).map_err(StudyError::Invalid)?;
    let mut rules = resolve_rules(study, inputs.rules)?;
    let p = &study.parameters;
    let period = Period::new(Schedule::for_study(study, &rules.set), p.first_year, p.last_year);
    if study.parameters.discount.is_some() {
        rules.overrides.push(crate::rules::AppliedOverride {
            field: "social_discount".into(),
            value: period
                .schedule
                .steps
                .iter()
                .map(|s| format!("{}: {}", s.from_year, s.rate))
                .collect::<Vec<_>>()
                .join(", "),
            reason: "the study's own parameters.discount".into(),
        });
    }
    let mut costs = expand("costs", &study.costs, study)?;
    // The environmental stage's carbon value joins the costs when the study asks for it.
    if let Some(amounts) = crate::environment::carbon_cost_line(study, &costs) {
        costs.push(Flows { name: crate::environment::CARBON_LINE, kind: "other", amounts });
    }
    // Optimism bias (Green Book) raises capex by its uplift, also as a cost line of its own.
    if let Some(ob) = crate::econ::optimism::resolve(study, &rules.set) {
        let amounts = crate::econ::optimism::line(&ob, &costs, period.factors.len());
        costs.push(Flows { name: crate::econ::optimism::LINE, kind: "other", amounts });
    }
    let benefits = expand("benefits", &study.benefits, study)?;
    let revenues = expand("revenues", &study.revenues, study)?;
    let economic = econ::analyse(&period, &costs, &benefits, rules.set.bc_threshold.value);
    let cx = Context {
        inputs,
        study,
        rules: &rules,
        period: &period,
        costs: &costs,
        benefits: &benefits,
        revenues: &revenues,
        economic: &economic,
    };
    Ok(f(&cx))
}

/// Validates and appraises a parsed study under a built-in rule set (or `custom`).
pub fn appraise(study: &Study, custom: Option<&RuleSet>) -> Result<Appraisal, StudyError> {
    with_context(study, &Inputs { rules: custom, ..Inputs::default() }, build)
}

/// Validates and appraises a parsed study with the shell's inputs.
pub fn appraise_with(study: &Study, inputs: &Inputs<'_>) -> Result<Appraisal, StudyError> {
    with_context(study, inputs, build)
}

/// Runs the stages after the economic analysis and assembles the appraisal.
fn build(cx: &Context<'_>) -> Appraisal {
    let (study, p) = (cx.study, &cx.study.parameters);
    let financial = finance::analyse(study, cx.rules.set.financial_discount_rate.value, cx.costs, cx.revenues);
    let policy = crate::policy::appraise(cx);
    let regional = crate::regional::appraise(cx);
    let environment = crate::environment::appraise(cx);
    let ahp = crate::ahp::appraise(cx);
    let mut warnings = warnings(study, cx.rules, cx.economic, cx.costs);
    if let Some(a) = &ahp {
        ahp_warnings(a, &mut warnings);
    }
    let verdict = verdict(cx.economic, ahp.as_ref());
    let pj = &study.project;
    Appraisal {
        format: FORMAT,
        yeta_version: env!("CARGO_PKG_VERSION"),
        study: StudySummary {
            name: pj.name.clone(),
            sponsor: pj.sponsor.clone(),
            sector: pj.sector,
            sector_class: pj.sector.class(),
            region: pj.region,
            region_name: pj.region.name(false),
            capital_region: pj.region.is_capital_region(),
            total_cost: pj.total_cost,
            state_funding: pj.state_funding,
            base_year: p.base_year,
            first_year: p.first_year,
            last_year: p.last_year,
        },
        rules: cx.rules.clone(),
        economic: cx.economic.clone(),
        financial,
        policy,
        regional,
        ahp,
        environment,
        optimism_bias: crate::econ::optimism::resolve(study, &cx.rules.set),
        verdict,
        warnings,
    }
}

fn verdict(e: &Economic, ahp: Option<&crate::ahp::AhpResult>) -> Verdict {
    let bc = e.bc_ratio.map_or("n/a".to_owned(), |b| format!("{b:.2}"));
    match ahp {
        Some(a) => Verdict {
            economically_feasible: e.feasible,
            ahp_score: Some(a.score),
            implement: a.implement,
            basis: "ahp",
            summary: format!(
                "AHP score {:.3} {} {:.2}: {} (B/C {bc}; score range {:.3}–{:.3}, {})",
                a.score,
                if a.implement { "≥" } else { "<" },
                a.threshold,
                if a.implement { "implement" } else { "do not implement" },
                a.score_range[0],
                a.score_range[1],
                if a.robust {
                    "robust across the allowed weights"
                } else {
                    "the verdict changes within the allowed weights"
                }
            ),
        },
        None => Verdict {
            economically_feasible: e.feasible,
            ahp_score: None,
            implement: e.feasible,
            basis: "economic",
            summary: format!(
                "B/C {bc} {} {:.2}: {} (no AHP evaluation in the study)",
                if e.feasible { "≥" } else { "<" },
                e.bc_threshold,
                if e.feasible { "economically feasible" } else { "not economically feasible" }
            ),
        },
    }
}

fn ahp_warnings(a: &crate::ahp::AhpResult, w: &mut Vec<Warning>) {
    for ev in &a.evaluators {
        if !ev.consistent {
            w.push(Warning {
                code: "ahp_inconsistent",
                message: format!("evaluator {}: CR {:.3} above the cut-off {:.2}", ev.name, ev.cr, a.cr_cutoff),
            });
        }
        if !ev.outside_range.is_empty() {
            w.push(Warning {
                code: "ahp_weight_outside_range",
                message: format!(
                    "evaluator {}: weight of {} outside the rule set's range",
                    ev.name,
                    ev.outside_range.join(", ")
                ),
            });
        }
    }
    if !a.robust {
        w.push(Warning {
            code: "ahp_verdict_not_robust",
            message: format!(
                "the AHP verdict is not robust: the score ranges from {:.3} to {:.3} across the allowed weights, either side of {:.2}",
                a.score_range[0], a.score_range[1], a.threshold
            ),
        });
    }
}

fn warnings(study: &Study, rules: &AppliedRules, e: &Economic, costs: &[Flows<'_>]) -> Vec<Warning> {
    let mut w = Vec::new();
    let pj = &study.project;
    let bn = |x: Decimal| format!("KRW {:.1} bn", econ::to_f64(x) / 1e9);
    if let Some(t) = rules.set.threshold_for(pj.sector)
        && (pj.total_cost < t.total_cost || pj.state_funding < t.state_funding)
    {
        w.push(Warning {
                code: "below_pfs_threshold",
                message: format!(
                    "below the PFS thresholds of {} for {} projects (total cost ≥ {}, state funding ≥ {}): total cost {}, state funding {}; a PFS may not be required",
                    rules.set.id,
                    pj.sector.code(),
                    bn(t.total_cost),
                    bn(t.state_funding),
                    bn(pj.total_cost),
                    bn(pj.state_funding)
                ),
            });
    }
    if e.irr_detail.status != econ::IrrStatus::Unique {
        w.push(Warning { code: "irr_not_unique", message: e.irr_detail.message.clone() });
    }
    if e.pv_costs.is_zero() {
        w.push(Warning { code: "no_costs", message: "the study has no costs: B/C is undefined".into() });
    }
    if e.pv_benefits.is_zero() {
        w.push(Warning { code: "no_benefits", message: "the study has no benefits".into() });
    }
    // Total cost (총사업비) should match the capital lines; a large gap is usually a typo.
    let capital: Decimal =
        costs.iter().filter(|l| matches!(l.kind, "capex" | "land")).flat_map(|l| l.amounts.iter()).sum();
    if !capital.is_zero() && !pj.total_cost.is_zero() {
        let gap = econ::to_f64((capital - pj.total_cost) / pj.total_cost);
        if gap.abs() > 0.10 {
            w.push(Warning {
                code: "total_cost_mismatch",
                message: format!(
                    "capex and land lines add up to {} but project.total_cost is {} ({:+.0} %)",
                    bn(capital),
                    bn(pj.total_cost),
                    gap * 100.0
                ),
            });
        }
    }
    w
}
