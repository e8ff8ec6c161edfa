//! The pipeline: Study → Appraisal, one stage per module.
//!
//! 1. validate the study ([`crate::study::validate`]) and resolve its rule set ([`crate::rules`]);
//! 2. expand every line into KRW by year ([`crate::study::flows`]);
//! 3. economic analysis ([`crate::econ`]) and financial analysis ([`crate::finance`]);
//! 4. policy, regional, environmental stages, then the AHP comprehensive evaluation;
//! 5. the verdict and the warnings a reviewer must see.

use crate::diag::{Code, Diagnostic};
use crate::econ::{self, Economic, ExpandedLine, Kind, List, Origin, Period, Schedule, Variation};
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
    /// The library's reference class, for `optimism_bias.source: "library"` (참조 사업군).
    pub reference_class: Option<&'a crate::econ::optimism::ReferenceClass>,
    /// A custom 시·군·구 indicator table (traceable CSV text, `regional::table`).
    pub sigungu: Option<&'a str>,
    /// A custom two-region input-output table (traceable CSV text).
    pub io2: Option<&'a str>,
    /// A custom cost-class → IO-sector map (traceable CSV text).
    pub cost_io_map: Option<&'a str>,
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
    /// Cost lines in KRW by year: the study's, then the lines stages add (optimism bias, carbon).
    pub costs: &'a [ExpandedLine<'a>],
    /// Benefit lines in KRW by year.
    pub benefits: &'a [ExpandedLine<'a>],
    /// Revenue lines in KRW by year.
    pub revenues: &'a [ExpandedLine<'a>],
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
    /// The unit of every money figure of the appraisal: always `KRW` (won).
    pub money_unit: &'static str,
    /// The unit the study's bare amounts were written in (`백만원`, …), converted to won; null
    /// for won.
    pub input_unit: Option<crate::study::Unit>,
}

/// Something the reader must not miss: a diagnostic the shells render from the catalog.
pub type Warning = crate::diag::Diagnostic;

/// What the verdict rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The AHP comprehensive evaluation (종합평가).
    Ahp,
    /// The economic analysis alone (no AHP evaluation in the study).
    Economic,
}

/// What the appraisal concludes, with every figure the verdict sentence needs; the shells
/// render the sentence from the catalog.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// B/C at or above the rule set's threshold.
    pub economically_feasible: bool,
    /// The B/C ratio.
    pub bc_ratio: Option<f64>,
    /// The rule set's B/C threshold.
    pub bc_threshold: f64,
    /// The AHP score for "implement", when the study has an AHP evaluation.
    pub ahp_score: Option<f64>,
    /// The AHP threshold (0.5).
    pub ahp_threshold: Option<f64>,
    /// The score's range over the allowed weights.
    pub score_range: Option<[f64; 2]>,
    /// The verdict is the same across that range.
    pub robust: Option<bool>,
    /// The rule set's grey zone, if any.
    pub grey_zone: Option<[f64; 2]>,
    /// The score lies in it.
    pub in_grey_zone: bool,
    /// Evaluators in the panel, and how many of all were above the CR cut-off.
    pub evaluators_included: Option<usize>,
    /// Evaluators above the CR cut-off.
    pub evaluators_inconsistent: Option<usize>,
    /// The score under the other treatment of inconsistent evaluators (see [`crate::ahp::AhpResult`]).
    pub score_other_policy: Option<f64>,
    /// The rule set's treatment of inconsistent evaluators.
    pub inconsistent_policy: Option<crate::rules::InconsistentEvaluators>,
    /// The decision the method gives: AHP ≥ threshold when there is an AHP evaluation, else
    /// the economic result alone.
    pub implement: bool,
    /// What the decision rests on.
    pub basis: Basis,
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
    /// Demand models (수요 추정): each demand line's computation by year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub demand: Vec<crate::demand::DemandLine>,
    /// The total-cost build-up (총사업비 산정), when the study has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_build_up: Option<crate::buildup::BuildUpResult>,
    /// The computed residual value (잔존가치), when the study has the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residual_value: Option<crate::residual::ResidualResult>,
    /// Prices (가격 기준): the deflator, the restated lines and the conversion to economic prices,
    /// when the study has the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<crate::prices::PricesResult>,
    /// Alternatives (대안 검토) compared against the do-minimum base, when the study has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<crate::alternatives::AlternativesResult>,
    /// Cost-effectiveness analysis (비용효과분석), when the study has the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_effectiveness: Option<crate::effectiveness::CostEffectivenessResult>,
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
            // Every shipped set by id and title, the nearest suggested.
            let sets: Vec<(String, String)> =
                BUILTIN.iter().filter_map(|(i, _)| RuleSet::builtin(i).map(|s| ((*i).to_owned(), s.title))).collect();
            let names: Vec<crate::study::names::Name<'_>> =
                sets.iter().map(|(i, t)| crate::study::names::Name::new(i, t, t)).collect();
            let msg = crate::study::names::unknown("a rule set Yeta ships", &names, id);
            StudyError::Invalid(vec![ValidationError::new(
                "rules.id",
                format!("{msg} (or pass your own with --rules FILE)"),
            )])
        })?,
    };
    let mut applied = set.apply(&study.rules.overrides);
    // The rules an appraisal used: the cost rates only where the study builds up its total cost.
    if study.cost_build_up.is_none() {
        applied.set.cost_rates = None;
    }
    if study.residual_value.is_none() {
        applied.set.service_lives = None;
    }
    Ok(applied)
}

/// Expands a study list into typed lines. Amounts in years before the base year are sunk
/// (매몰비용): moved out of the counted amounts into `sunk`, never compounded forward.
fn expand<'a, K: LineKind + Copy>(
    list: List,
    lines: &'a [Line<K>],
    study: &Study,
    kind: impl Fn(K) -> Kind,
) -> Result<Vec<ExpandedLine<'a>>, StudyError> {
    let p = &study.parameters;
    let (first, last) = (p.first_year, p.last_year);
    let sunk_years = usize::try_from(i64::from(p.base_year) - i64::from(first)).unwrap_or(0);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut amounts = flows::expand(l, first, last).map_err(|e| {
                StudyError::Invalid(vec![ValidationError::new(
                    format!("{}[{i}].flows[{}]", list.code(), e.flow),
                    e.message,
                )])
            })?;
            // Current or other years' prices to constant base-year prices (불변가격), before the
            // sunk years are set apart, so every later stage sees constant prices.
            crate::prices::restate(study, list, &l.name, &mut amounts).ok_or_else(|| {
                StudyError::Invalid(vec![ValidationError::new(
                    format!("{}[{i}].flows", list.code()),
                    "the amounts restated in base-year prices go beyond the representable range",
                )])
            })?;
            let mut sunk = Decimal::ZERO;
            for a in amounts.iter_mut().take(sunk_years) {
                sunk = sunk.checked_add(*a).ok_or_else(|| {
                    StudyError::Invalid(vec![ValidationError::new(
                        format!("{}[{i}].flows", list.code()),
                        "the amounts before the base year add up beyond the representable range",
                    )])
                })?;
                *a = Decimal::ZERO;
            }
            Ok(ExpandedLine {
                origin: Origin::Study { list, index: i },
                name: &l.name,
                kind: kind(l.kind),
                variation: l.uncertainty.as_ref().map_or(Variation::Fixed, Variation::Own),
                amounts,
                sunk,
            })
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
    if let Some(text) = inputs.multipliers {
        crate::regional::check_multipliers_csv(text)
            .map_err(|e| StudyError::Invalid(vec![ValidationError::new("inputs.multipliers", e)]))?;
    }
    let mut rules = resolve_rules(study, inputs.rules)?;
    if let Some(section) = &study.ahp {
        let ri_len = rules.set.ahp.as_ref().map_or(15, |a| a.random_index.value.len());
        let mut v = Vec::new();
        crate::ahp::check_sizes(section, study, ri_len, &mut v);
        if !v.is_empty() {
            return Err(StudyError::Invalid(v));
        }
    }
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
    let mut build_up_problems = crate::buildup::validate(study, &rules.set);
    build_up_problems.extend(crate::residual::validate(study, &rules.set));
    build_up_problems.extend(crate::alternatives::validate(study));
    build_up_problems.extend(crate::prices::validate(study));
    build_up_problems.extend(crate::effectiveness::validate(study));
    if !build_up_problems.is_empty() {
        return Err(StudyError::Invalid(build_up_problems));
    }
    let mut costs = expand(List::Costs, &study.costs, study, Kind::Cost)?;
    // The build-up's derived items (예비비 …) join the costs, each moving with the lines it rests on.
    let derived = crate::buildup::lines(study, &rules.set, &costs)?;
    costs.extend(derived);
    // The economic analysis at shadow prices: (conversion factor − 1) × each class's lines, as
    // lines of their own that the financial analysis (market prices) leaves out.
    let conversion = crate::prices::lines(study, &costs).ok_or_else(|| {
        StudyError::Invalid(vec![ValidationError::new(
            "prices.conversion",
            "the conversion adjustments go beyond the representable range",
        )])
    })?;
    costs.extend(conversion);
    // Optimism bias (Green Book) raises capex by its uplift, as a cost line of its own that moves
    // with the capex lines it derives from.
    if let Some(ob) = crate::econ::optimism::resolve(study, &rules.set, inputs.reference_class)? {
        let line = crate::econ::optimism::line(&ob, &costs, period.factors.len())?;
        costs.push(line);
    }
    // The environmental stage's value joins the economic analysis when the study counts it: a
    // carbon cost, or the emissions avoided against the counterfactual as a benefit.
    let env_lines = crate::environment::economic_lines(study, &costs, &period)?;
    let mut benefits = expand(List::Benefits, &study.benefits, study, Kind::Benefit)?;
    for l in env_lines {
        if l.list() == List::Benefits { benefits.push(l) } else { costs.push(l) }
    }
    // The computed residual value joins the benefits in the last year.
    if let Some(r) = crate::residual::result(study, &rules.set, &costs) {
        benefits.push(crate::residual::line(&r, period.factors.len()));
    }
    let revenues = expand(List::Revenues, &study.revenues, study, Kind::Revenue)?;
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
    let financial =
        finance::analyse(study, cx.rules.set.financial_discount_rate.value, cx.costs, cx.benefits, cx.revenues);
    let policy = crate::policy::appraise(cx);
    let regional = crate::regional::appraise(cx);
    let environment = crate::environment::appraise(cx);
    let ahp = crate::ahp::appraise(cx);
    let mut warnings = warnings(study, cx.rules, cx.economic, cx.costs);
    let build_up = crate::buildup::result(study, &cx.rules.set, cx.costs, p.first_year);
    if let Some(b) = &build_up {
        // The derived total replaces the capex-and-land plausibility check on the total cost.
        warnings.retain(|w| !matches!(w.code, Code::TotalCostMismatch | Code::CapexFarFromTotal));
        if !b.difference.is_zero() {
            warnings.push(
                Diagnostic::new(Code::BuildUpTotalMismatch, "project.total_cost")
                    .money("derived", b.total)
                    .money("total", b.project_total)
                    .money("difference", b.difference),
            );
        }
    }
    if let Some(a) = &ahp {
        ahp_warnings(a, &mut warnings);
    }
    let verdict = verdict(cx.economic, ahp.as_ref());
    let alternatives =
        crate::alternatives::appraise(study, cx.period, cx.costs, cx.benefits, cx.rules.set.bc_threshold.value);
    // The AHP's economic criterion rests on E/C, but the study states no effectiveness measure.
    if study.ahp.as_ref().is_some_and(|s| s.economic_analysis == crate::rules::EconomicAnalysis::Ec)
        && study.cost_effectiveness.is_none()
    {
        warnings.push(Diagnostic::new(Code::EcWithoutMeasures, "ahp.economic_analysis"));
    }
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
            capital_region: pj.is_capital_region(),
            total_cost: pj.total_cost,
            state_funding: pj.state_funding,
            base_year: p.base_year,
            first_year: p.first_year,
            last_year: p.last_year,
            money_unit: "KRW",
            input_unit: study.unit,
        },
        rules: cx.rules.clone(),
        economic: cx.economic.clone(),
        financial,
        policy,
        regional,
        ahp,
        environment,
        // Resolved once already in `with_context`, which refuses what would fail here.
        optimism_bias: crate::econ::optimism::resolve(study, &cx.rules.set, cx.inputs.reference_class).ok().flatten(),
        demand: crate::demand::lines(study),
        cost_build_up: build_up,
        residual_value: crate::residual::result(study, &cx.rules.set, cx.costs),
        prices: crate::prices::result(study, cx.costs),
        cost_effectiveness: crate::effectiveness::appraise(
            study,
            cx.period,
            cx.economic.pv_costs,
            alternatives.as_ref(),
        ),
        alternatives,
        verdict,
        warnings,
    }
}

fn verdict(e: &Economic, ahp: Option<&crate::ahp::AhpResult>) -> Verdict {
    let base = Verdict {
        economically_feasible: e.feasible,
        bc_ratio: e.bc_ratio,
        bc_threshold: e.bc_threshold,
        ahp_score: None,
        ahp_threshold: None,
        score_range: None,
        robust: None,
        grey_zone: None,
        in_grey_zone: false,
        evaluators_included: None,
        evaluators_inconsistent: None,
        score_other_policy: None,
        inconsistent_policy: None,
        implement: e.feasible,
        basis: Basis::Economic,
    };
    match ahp {
        Some(a) => Verdict {
            ahp_score: Some(a.score),
            ahp_threshold: Some(a.threshold),
            score_range: Some(a.score_range),
            robust: Some(a.robust),
            grey_zone: a.grey_zone,
            in_grey_zone: a.in_grey_zone,
            evaluators_included: Some(a.evaluators_included),
            evaluators_inconsistent: Some(a.evaluators_inconsistent),
            score_other_policy: a.score_other_policy,
            inconsistent_policy: Some(a.inconsistent_policy),
            implement: a.implement,
            basis: Basis::Ahp,
            ..base
        },
        None => base,
    }
}

fn ahp_warnings(a: &crate::ahp::AhpResult, w: &mut Vec<Warning>) {
    for (i, ev) in a.evaluators.iter().enumerate() {
        let at = format!("ahp.evaluators[{i}]");
        if !ev.consistent {
            w.push(
                Diagnostic::new(Code::AhpInconsistent, at.clone())
                    .text("evaluator", ev.name.clone())
                    .ratio("cr", ev.cr)
                    .ratio("cutoff", a.cr_cutoff),
            );
        }
        if !ev.outside_range.is_empty() {
            w.push(
                Diagnostic::new(Code::AhpWeightOutsideRange, at)
                    .text("evaluator", ev.name.clone())
                    .arg("criteria", crate::diag::Arg::Codes { kind: "criterion", codes: ev.outside_range.clone() }),
            );
        }
    }
    if !a.robust {
        w.push(
            Diagnostic::new(Code::AhpVerdictNotRobust, "ahp")
                .ratio("low", a.score_range[0])
                .ratio("high", a.score_range[1])
                .ratio("threshold", a.threshold),
        );
    }
    if let (true, Some([lo, hi])) = (a.in_grey_zone, a.grey_zone) {
        w.push(Diagnostic::new(Code::AhpGreyZone, "ahp").ratio("score", a.score).ratio("low", lo).ratio("high", hi));
    }
}

fn warnings(study: &Study, rules: &AppliedRules, e: &Economic, costs: &[ExpandedLine<'_>]) -> Vec<Warning> {
    let mut w = Vec::new();
    let pj = &study.project;
    if let Some(t) = rules.set.threshold_for(pj.sector)
        && (pj.total_cost < t.total_cost || pj.state_funding < t.state_funding)
    {
        w.push(
            Diagnostic::new(Code::BelowPfsThreshold, "project.total_cost")
                .text("rules", rules.set.id.clone())
                .code("sector", "sector", pj.sector.code())
                .money("min_total", t.total_cost)
                .money("min_state", t.state_funding)
                .money("total", pj.total_cost)
                .money("state", pj.state_funding),
        );
    }
    if let Some(x) = &rules.set.pfs_exempt_sectors
        && x.value.contains(&pj.sector)
    {
        w.push(Diagnostic::new(Code::PfsExemptSector, "project.sector").text("rules", rules.set.id.clone()).code(
            "sector",
            "sector",
            pj.sector.code(),
        ));
    }
    // Plausibility of the input: percentages typed as fractions, growth, jumps, total cost.
    w.extend(study::plausible::warnings(study, &rules.set));
    let sunk: Decimal = costs.iter().map(|l| l.sunk).sum();
    if !sunk.is_zero() {
        w.push(
            Diagnostic::new(Code::SunkCostsExcluded, "parameters.first_year")
                .money("amount", sunk)
                .int("base_year", i64::from(study.parameters.base_year)),
        );
    }
    if e.irr_detail.status != econ::IrrStatus::Unique {
        let code = match e.irr_detail.status {
            econ::IrrStatus::Multiple => Code::IrrMultiple,
            _ if e.irr_detail.sign_changes == 0 => Code::IrrNoSignChange,
            _ => Code::IrrNoRoot,
        };
        w.push(
            Diagnostic::new(Code::IrrNotUnique, "economic.irr")
                .code("reason", "irr", code.as_str())
                .int("roots", e.irr_detail.roots.len() as i64),
        );
    }
    if e.pv_costs.is_zero() {
        w.push(Diagnostic::new(Code::NoCosts, "costs"));
    }
    if e.pv_benefits.is_zero() {
        w.push(Diagnostic::new(Code::NoBenefits, "benefits"));
    }
    w
}
