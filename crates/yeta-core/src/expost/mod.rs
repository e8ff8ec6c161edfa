//! Ex-post evaluation (사후평가): the study's outturn (실적) next to its forecast, the project
//! re-appraised with actuals where known and the forecast elsewhere, the change in NPV decomposed
//! into cost overrun (사업비 증가), delay (개통 지연) and demand shortfall (수요 미달), the
//! benefits-realisation table (편익 실현) and the re-study trigger (타당성 재조사).
//!
//! The re-study check follows 국가재정법 제50조② and its Enforcement Decree art. 22①3: total
//! cost growth, net of price escalation and land compensation increases, over the total cost
//! agreed with MOEF, at or above the rule set's threshold; see [`restudy`].
//!
//! Optimism bias, when the study applies one, stays on the forecast and is dropped with the
//! actual costs (it is a provision for the overrun the actuals now show).
//!
//! Method (EU CBA Guide 2014, ex-post evaluation; HM Treasury benefits realisation): the ex-post
//! NPV uses, for each line with actuals, the actual amount in every year up to
//! [`Outturn::through_year`] and the forecast after it, shifted by the opening delay for
//! operation-phase lines (benefits, O&M, reinvestment); capital lines keep their forecast timing.
//! The decomposition switches one input group at a time from the latest forecast, in the stated
//! order [cost, delay, demand]; what the one-at-a-time parts do not explain is the interaction
//! (교호작용) term, so that the parts add up exactly to ΔNPV.

pub mod environment;
pub mod reference;
pub mod restudy;

use crate::appraisal::{self, Appraisal};
use crate::econ::to_f64;
use crate::rules::RuleSet;
use crate::study::{
    self, CostKind, DecimalString, Flow, Line, Study, StudyError, UnitValue, ValidationError, flows, money, year,
};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `format` of an ex-post evaluation document.
pub const FORMAT: &str = "yeta-expost/1";

/// NPVs are rounded to this many decimals of a won before they are differenced, so every sum of
/// the decomposition is exact in [`Decimal`] (a present value carries ~28 significant digits).
pub const NPV_DP: u32 = 6;

/// The outturn section of a study (사업 실적): actual figures by year, each with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outturn {
    /// Actuals are known up to and including this year (실적 기준연도): for a line with actuals,
    /// every year up to it is actual (zero where no flow is given), later years are forecast.
    #[serde(deserialize_with = "year::deserialize")]
    pub through_year: i32,
    /// The date of the evaluation, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The actual schedule (실제 사업 일정).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ActualSchedule>,
    /// The actual or revised total cost (총사업비), when known apart from the cost lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<ActualAmount>,
    /// Actual amounts of cost lines (KRW), by the cost line's name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<ActualLine>,
    /// Actuals of benefit lines: quantities when the entry or the forecast line has a unit value
    /// (priced by the entry's, else the line's), else KRW.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<ActualLine>,
    /// Metered energy and reported emissions (에너지·온실가스 실적), compared with the
    /// environmental stage's forecast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<environment::ActualEnvironment>,
}

/// The actual schedule: construction start and completion, opening (개통·운영 개시).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActualSchedule {
    /// Year construction or the build started (착공).
    #[serde(default, deserialize_with = "year::option::deserialize", skip_serializing_if = "Option::is_none")]
    pub start_year: Option<i32>,
    /// Year construction was completed (준공).
    #[serde(default, deserialize_with = "year::option::deserialize", skip_serializing_if = "Option::is_none")]
    pub completion_year: Option<i32>,
    /// First year of operation (개통·운영 개시); the delay is this minus the forecast's.
    #[serde(deserialize_with = "year::deserialize")]
    pub opening_year: i32,
    /// Where the dates come from (준공 보고서, 개통 고시).
    pub source: String,
}

/// An actual amount with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActualAmount {
    /// KRW, constant base-year prices.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub value: Decimal,
    /// Where it comes from (총사업비 조정 협의 결과, 결산서).
    pub source: String,
}

/// The actuals of one forecast line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActualLine {
    /// The name of the cost or benefit line these are the actuals of.
    pub line: String,
    /// Actual amounts (or quantities) by year, up to `through_year`.
    pub flows: Vec<Flow>,
    /// The unit value the actual quantities are priced at, when it differs from the line's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_value: Option<UnitValue>,
    /// Where the actuals come from (결산서, 교통량 조사).
    pub source: String,
}

/// Checks the outturn section: years within the analysis period, lines that exist, sources given.
pub(crate) fn validate(o: &Outturn, s: &Study, v: &mut Vec<ValidationError>) {
    validate_environment(o, s, v);
    let (first, last) = (s.parameters.first_year, s.parameters.last_year);
    if o.through_year < first || o.through_year > last {
        v.push(ValidationError::new(
            "outturn.through_year",
            format!("{} is outside the analysis period {first}..{last}", o.through_year),
        ));
    }
    if let Some(d) = &o.as_of
        && !study::is_date(d)
    {
        v.push(ValidationError::new("outturn.as_of", format!("\"{d}\" is not a date YYYY-MM-DD")));
    }
    if let Some(sc) = &o.schedule {
        if sc.opening_year < first || sc.opening_year > last {
            v.push(ValidationError::new(
                "outturn.schedule.opening_year",
                format!("{} is outside the analysis period {first}..{last}", sc.opening_year),
            ));
        }
        if let (Some(a), Some(b)) = (sc.start_year, sc.completion_year)
            && b < a
        {
            v.push(ValidationError::new(
                "outturn.schedule.completion_year",
                format!("{b} is before the start year {a}"),
            ));
        }
        if sc.source.trim().is_empty() {
            v.push(ValidationError::new("outturn.schedule.source", "is empty; say where the dates come from"));
        }
    }
    if let Some(t) = &o.total_cost {
        if t.value <= Decimal::ZERO {
            v.push(ValidationError::new("outturn.total_cost.value", format!("{} is not positive", t.value)));
        }
        if t.source.trim().is_empty() {
            v.push(ValidationError::new("outturn.total_cost.source", "is empty; say where the figure comes from"));
        }
    }
    let names_c: Vec<&str> = s.costs.iter().map(|l| l.name.as_str()).collect();
    let names_b: Vec<&str> = s.benefits.iter().map(|l| l.name.as_str()).collect();
    for (list, actuals, names) in [("costs", &o.costs, names_c), ("benefits", &o.benefits, names_b)] {
        for (i, a) in actuals.iter().enumerate() {
            let at = format!("outturn.{list}[{i}]");
            if !names.contains(&a.line.as_str()) {
                v.push(ValidationError::new(
                    format!("{at}.line"),
                    format!("\"{}\" is not the name of a line in {list} (lines: {})", a.line, names.join(", ")),
                ));
            }
            if actuals[..i].iter().any(|b| b.line == a.line) {
                v.push(ValidationError::new(format!("{at}.line"), format!("\"{}\" has actuals twice", a.line)));
            }
            if a.source.trim().is_empty() {
                v.push(ValidationError::new(format!("{at}.source"), "is empty; say where the actuals come from"));
            }
            if let Some(u) = &a.unit_value
                && (u.value < Decimal::ZERO || u.source.trim().is_empty())
            {
                v.push(ValidationError::new(
                    format!("{at}.unit_value"),
                    format!("{} needs a non-negative value and a source", u.value),
                ));
            }
            if list == "costs" && a.unit_value.is_some() {
                v.push(ValidationError::new(format!("{at}.unit_value"), "actual costs are amounts in KRW"));
            }
            for (j, f) in a.flows.iter().enumerate() {
                let fat = format!("{at}.flows[{j}]");
                if study::validate_flow(&fat, f, first, o.through_year.min(last), v)
                    && f.year.or(f.to).is_some_and(|y| y > o.through_year)
                {
                    v.push(ValidationError::new(fat, format!("is after outturn.through_year {}", o.through_year)));
                }
            }
        }
    }
}

/// Checks the outturn's environmental actuals (see [`environment::validate`]).
fn validate_environment(o: &Outturn, s: &Study, v: &mut Vec<ValidationError>) {
    if let Some(a) = &o.environment {
        environment::validate(a, o.through_year, s, v);
    }
}

/// The figures the ex-ante and ex-post appraisals are compared on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// NPV (순현재가치), KRW, rounded to [`NPV_DP`] decimals.
    #[serde(serialize_with = "money::serialize_out")]
    pub npv: Decimal,
    /// PV of benefits, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_benefits: Decimal,
    /// PV of costs, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// B/C.
    pub bc_ratio: Option<f64>,
    /// Total cost (총사업비), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub total_cost: Decimal,
    /// First year with benefits (개통연도).
    pub opening_year: Option<i32>,
}

/// One part of the NPV change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The latest forecast against the signed-off ex-ante one (수요·비용 재추정).
    ForecastRevision,
    /// Actual costs in place of the forecast (사업비 증가).
    CostOverrun,
    /// The forecast's operation-phase lines shifted by the opening delay (개통 지연).
    Delay,
    /// Actual benefits in place of the forecast, aligned by year of operation (수요 미달).
    DemandShortfall,
    /// What the one-at-a-time parts do not explain (교호작용).
    Interaction,
}

/// The decomposition of ΔNPV, in the order the parts are computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decomposition {
    /// ΔNPV = ex-post NPV − ex-ante NPV, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub delta_npv: Decimal,
    /// The opening delay in years (actual − forecast opening year); 0 without a schedule.
    pub delay_years: i32,
    /// The parts in order; they add up exactly to `delta_npv`.
    pub parts: Vec<(Part, DecimalOut)>,
}

/// A KRW amount serialised as a string.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DecimalOut(#[serde(serialize_with = "money::serialize_out")] pub Decimal);

impl Decomposition {
    /// The amount of one part.
    pub fn part(&self, p: Part) -> Decimal {
        self.parts.iter().find(|(q, _)| *q == p).map_or(Decimal::ZERO, |(_, d)| d.0)
    }
}

/// One row of the benefits-realisation table (편익 실현 현황).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Realisation {
    /// The benefit line.
    pub line: String,
    /// The line has actuals.
    pub has_actuals: bool,
    /// The unit of the quantities (the line's `quantity_unit`, or KRW).
    pub unit: Option<String>,
    /// Forecast quantity (or KRW) from the first year to `through_year`.
    #[serde(serialize_with = "money::serialize_out")]
    pub forecast_to_date: Decimal,
    /// Actual quantity (or KRW) over the same years.
    #[serde(serialize_with = "money::serialize_out")]
    pub actual_to_date: Decimal,
    /// actual ÷ forecast to date.
    pub quantity_ratio: Option<f64>,
    /// PV of the line in the ex-ante appraisal, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub forecast_pv: Decimal,
    /// PV of the line in the ex-post appraisal, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub expost_pv: Decimal,
    /// ex-post PV ÷ forecast PV (편익 실현율).
    pub realisation_ratio: Option<f64>,
}

/// The forecast and actual schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleComparison {
    /// First and last year of capital spending in the forecast.
    pub forecast_build: Option<[i32; 2]>,
    /// Actual start and completion, as the outturn gives them.
    pub actual_build: [Option<i32>; 2],
    /// The forecast's first year with benefits.
    pub forecast_opening: Option<i32>,
    /// The actual opening year.
    pub actual_opening: Option<i32>,
}

/// The whole ex-post evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExPost {
    /// Always `"yeta-expost/1"`.
    pub format: &'static str,
    /// Project name.
    pub name: String,
    /// Actuals known through this year.
    pub through_year: i32,
    /// The ex-ante appraisal's figures (the signed-off forecast).
    pub ex_ante: Figures,
    /// The study's latest forecast without actuals.
    pub forecast: Figures,
    /// The ex-post appraisal's figures.
    pub ex_post: Figures,
    /// Total cost growth over the ex-ante total cost, as a fraction.
    pub cost_growth: Option<f64>,
    /// The schedule.
    pub schedule: ScheduleComparison,
    /// ΔNPV by cause.
    pub decomposition: Decomposition,
    /// Benefits realisation per benefit line.
    pub realisation: Vec<Realisation>,
    /// The re-study check.
    pub restudy: Option<restudy::RestudyCheck>,
    /// Metered energy and emissions against the environmental forecast, when the outturn has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<environment::EnvOutturn>,
}

impl ExPost {
    /// As pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn invalid(path: &str, msg: impl Into<String>) -> StudyError {
    StudyError::Invalid(vec![ValidationError::new(path, msg)])
}

/// Lines of the operation phase, which start with the opening and move with it.
fn operation_phase(k: CostKind) -> bool {
    matches!(k, CostKind::Opex | CostKind::Reinvestment)
}

/// `amounts` moved `d` years later over the same period (0 where nothing moves in; amounts moved
/// past the last year fall out of the period).
fn shifted(amounts: &[Decimal], d: i32) -> Vec<Decimal> {
    (0..amounts.len() as i64)
        .map(|i| {
            let j = i - i64::from(d);
            usize::try_from(j).ok().and_then(|j| amounts.get(j)).copied().unwrap_or(Decimal::ZERO)
        })
        .collect()
}

/// A line with the given KRW by year as single-year flows (no unit value).
fn with_amounts<K: Clone>(l: &Line<K>, amounts: &[Decimal], first: i32) -> Line<K> {
    let mut out = l.clone();
    out.unit_value = None;
    out.quantity_unit = None;
    // The amounts replace whatever gave them, a demand model (수요 추정) included.
    out.demand = None;
    out.flows = amounts
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.is_zero())
        .map(|(i, a)| Flow { year: Some(first + i as i32), from: None, to: None, amount: *a, growth: None })
        .collect();
    if out.flows.is_empty() {
        out.flows.push(Flow { year: Some(first), from: None, to: None, amount: Decimal::ZERO, growth: None });
    }
    out
}

/// A line's actuals in KRW by year (quantities priced), and in its own units, over the period.
struct Actual {
    money: Vec<Decimal>,
    units: Vec<Decimal>,
}

fn actual<K>(
    a: &ActualLine,
    forecast: &Line<K>,
    list: &str,
    i: usize,
    first: i32,
    last: i32,
) -> Result<Actual, StudyError> {
    let unit_value = a.unit_value.clone().or_else(|| forecast.unit_value.clone());
    let probe = |uv: Option<UnitValue>| Line {
        name: a.line.clone(),
        kind: (),
        source: None,
        quantity_unit: None,
        unit_value: uv,
        flows: a.flows.clone(),
        uncertainty: None,
        demand: None,
    };
    let err = |e: flows::FlowError| invalid(&format!("outturn.{list}[{i}].flows[{}]", e.flow), e.message);
    let money = flows::expand(&probe(unit_value), first, last).map_err(err)?;
    let units = flows::expand(&probe(None), first, last).map_err(err)?;
    Ok(Actual { money, units })
}

fn figures(a: &Appraisal, total_cost: Decimal) -> Figures {
    let e = &a.economic;
    Figures {
        npv: e.npv.round_dp(NPV_DP),
        pv_benefits: e.pv_benefits,
        pv_costs: e.pv_costs,
        bc_ratio: e.bc_ratio,
        total_cost,
        opening_year: e.cash_flow.iter().find(|r| !r.benefits.is_zero()).map(|r| r.year),
    }
}

fn first_nonzero(first: i32, v: &[Decimal]) -> Option<i32> {
    v.iter().position(|a| !a.is_zero()).map(|i| first + i as i32)
}

fn sum(v: &[Decimal]) -> Result<Decimal, StudyError> {
    v.iter().try_fold(Decimal::ZERO, |s, a| s.checked_add(*a)).ok_or_else(|| invalid("outturn", "the sum overflows"))
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal, StudyError> {
    a.checked_sub(b).ok_or_else(|| invalid("outturn", "the difference overflows"))
}

/// Evaluates a study's outturn against its ex-ante appraisal: `ex_ante` is the signed-off study
/// (its forecast, without outturn), or `None` for the study's own forecast.
pub fn evaluate(study: &Study, ex_ante: Option<&Study>, custom: Option<&RuleSet>) -> Result<ExPost, StudyError> {
    study::validate(study).map_err(StudyError::Invalid)?;
    let Some(o) = &study.outturn else {
        return Err(invalid("outturn", "the study has no outturn section; add the actuals first"));
    };
    let p = &study.parameters;
    let (first, last) = (p.first_year, p.last_year);
    let n = usize::try_from(last - first + 1).unwrap_or(0);
    let through = usize::try_from(o.through_year - first + 1).unwrap_or(0).min(n);
    let expand = |l: &Line<_>, list: &str, i: usize| {
        flows::expand(l, first, last).map_err(|e| invalid(&format!("{list}[{i}].flows[{}]", e.flow), e.message))
    };
    let fc: Vec<Vec<Decimal>> =
        study.costs.iter().enumerate().map(|(i, l)| expand(l, "costs", i)).collect::<Result<_, _>>()?;
    let fb: Vec<Vec<Decimal>> = study
        .benefits
        .iter()
        .enumerate()
        .map(|(i, l)| {
            flows::expand(l, first, last).map_err(|e| invalid(&format!("benefits[{i}].flows[{}]", e.flow), e.message))
        })
        .collect::<Result<_, _>>()?;
    let find = |list: &[ActualLine], name: &str| list.iter().position(|a| a.line == name);
    let ac: Vec<Option<Actual>> = study
        .costs
        .iter()
        .map(|l| find(&o.costs, &l.name).map(|i| actual(&o.costs[i], l, "costs", i, first, last)).transpose())
        .collect::<Result<_, _>>()?;
    let ab: Vec<Option<Actual>> = study
        .benefits
        .iter()
        .map(|l| find(&o.benefits, &l.name).map(|i| actual(&o.benefits[i], l, "benefits", i, first, last)).transpose())
        .collect::<Result<_, _>>()?;

    // The forecast opening: the first year any benefit line has a flow.
    let total_b: Vec<Decimal> = (0..n).map(|y| fb.iter().map(|v| v[y]).sum()).collect();
    let forecast_opening = first_nonzero(first, &total_b);
    let actual_opening = o.schedule.as_ref().map(|s| s.opening_year);
    let d = match (forecast_opening, actual_opening) {
        (Some(f), Some(a)) => a - f,
        _ => 0,
    };

    // Yearly amounts of each variant. `cost`, `delay`, `demand` switch their group on.
    let cost_line = |i: usize, cost: bool, delay: bool| -> Vec<Decimal> {
        let k = study.costs[i].kind;
        let base = if delay && operation_phase(k) { shifted(&fc[i], d) } else { fc[i].clone() };
        match (&ac[i], cost) {
            (Some(a), true) => (0..n).map(|y| if y < through { a.money[y] } else { base[y] }).collect(),
            _ => base,
        }
    };
    let benefit_line = |i: usize, delay: bool, demand: bool| -> Vec<Decimal> {
        let base = if delay { shifted(&fb[i], d) } else { fb[i].clone() };
        match (&ab[i], demand) {
            (Some(a), true) if delay => (0..n).map(|y| if y < through { a.money[y] } else { base[y] }).collect(),
            // Demand alone: the actual of operating year k replaces the forecast's operating
            // year k, i.e. actual(y + d) stands at y, for y + d up to through_year.
            (Some(a), true) => (0..n)
                .map(|y| {
                    let src = y as i64 + i64::from(d);
                    match usize::try_from(src) {
                        Ok(s) if s < through => a.money[s],
                        _ => base[y],
                    }
                })
                .collect(),
            _ => base,
        }
    };
    let mut plain = study.clone();
    plain.outturn = None;
    let variant = |cost: bool, delay: bool, demand: bool| -> Result<(Appraisal, Vec<Vec<Decimal>>), StudyError> {
        let mut s = plain.clone();
        // Optimism bias (낙관편향 보정) is a forecast's provision for overrun: with actual costs it
        // is dropped, so its release counts in the cost-overrun part.
        if cost {
            s.parameters.optimism_bias = None;
        }
        let costs: Vec<Vec<Decimal>> = (0..s.costs.len()).map(|i| cost_line(i, cost, delay)).collect();
        let bens: Vec<Vec<Decimal>> = (0..s.benefits.len()).map(|i| benefit_line(i, delay, demand)).collect();
        for (l, a) in s.costs.iter_mut().zip(&costs) {
            *l = with_amounts(l, a, first);
        }
        for (l, a) in s.benefits.iter_mut().zip(&bens) {
            *l = with_amounts(l, a, first);
        }
        Ok((appraisal::appraise(&s, custom)?, costs))
    };

    let ante_study = ex_ante.cloned().map(|mut s| {
        s.outturn = None;
        s
    });
    let ante = appraisal::appraise(ante_study.as_ref().unwrap_or(&plain), custom)?;
    let ante_total = ante_study.as_ref().unwrap_or(&plain).project.total_cost;
    let fore = appraisal::appraise(&plain, custom)?;
    let (cost_only, _) = variant(true, false, false)?;
    let (delay_only, _) = variant(false, true, false)?;
    let (demand_only, _) = variant(false, false, true)?;
    let (post, post_costs) = variant(true, true, true)?;

    // The ex-post total cost: the outturn's figure, else the ex-ante total plus the change in
    // capital spending (공사비·용지보상비) the actuals show, in constant prices.
    let of_kinds = |v: &[Vec<Decimal>], kinds: &[CostKind]| -> Result<Decimal, StudyError> {
        let mut t = Decimal::ZERO;
        for (i, a) in v.iter().enumerate() {
            if kinds.contains(&study.costs[i].kind) {
                t = t.checked_add(sum(a)?).ok_or_else(|| invalid("outturn", "the sum overflows"))?;
            }
        }
        Ok(t)
    };
    let post_total = match &o.total_cost {
        Some(t) => t.value,
        None => {
            let capital = [CostKind::Capex, CostKind::Land];
            let growth = sub(of_kinds(&post_costs, &capital)?, of_kinds(&fc, &capital)?)?;
            plain.project.total_cost.checked_add(growth).ok_or_else(|| invalid("outturn", "the sum overflows"))?
        }
    };
    let fa = figures(&ante, ante_total);
    let ff = figures(&fore, plain.project.total_cost);
    let fx = figures(&post, post_total);
    let npv = |a: &Appraisal| a.economic.npv.round_dp(NPV_DP);
    let revision = sub(ff.npv, fa.npv)?;
    let cost = sub(npv(&cost_only), ff.npv)?;
    let delay = sub(npv(&delay_only), ff.npv)?;
    let demand = sub(npv(&demand_only), ff.npv)?;
    let delta = sub(fx.npv, fa.npv)?;
    let explained = [revision, cost, delay, demand]
        .iter()
        .try_fold(Decimal::ZERO, |s, x| s.checked_add(*x))
        .ok_or_else(|| invalid("outturn", "the sum overflows"))?;
    let interaction = sub(delta, explained)?;
    let mut parts = Vec::new();
    if ex_ante.is_some() {
        parts.push((Part::ForecastRevision, DecimalOut(revision)));
    }
    parts.extend([
        (Part::CostOverrun, DecimalOut(cost)),
        (Part::Delay, DecimalOut(delay)),
        (Part::DemandShortfall, DecimalOut(demand)),
        (Part::Interaction, DecimalOut(interaction)),
    ]);

    let line_pv = |a: &Appraisal, i: usize| {
        a.economic
            .lines
            .iter()
            .find(|l| l.origin == crate::econ::Origin::Study { list: crate::econ::List::Benefits, index: i })
            .map_or(Decimal::ZERO, |l| l.pv)
    };
    let realisation = study
        .benefits
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // The forecast is the signed-off one when given (the same line by name), else the study's.
            let ante_line = ante_study.as_ref().and_then(|s| s.benefits.iter().find(|b| b.name == l.name));
            let fl = ante_line.unwrap_or(l);
            let units_fc = flows::expand(&Line { unit_value: None, ..fl.clone() }, first, last).unwrap_or_default();
            let forecast_to_date = sum(&units_fc[..through.min(units_fc.len())])?;
            let actual_to_date = match &ab[i] {
                Some(a) => sum(&a.units[..through])?,
                None => forecast_to_date,
            };
            // A line without a ex-ante counterpart by name (a new line) has forecast PV zero.
            let forecast_pv = match &ante_study {
                Some(s) => {
                    s.benefits.iter().position(|b| b.name == l.name).map_or(Decimal::ZERO, |j| line_pv(&ante, j))
                }
                None => line_pv(&ante, i),
            };
            let expost_pv = line_pv(&post, i);
            let ratio = |a: Decimal, b: Decimal| (!b.is_zero()).then(|| to_f64(a) / to_f64(b));
            Ok(Realisation {
                line: l.name.clone(),
                has_actuals: ab[i].is_some(),
                unit: if l.unit_value.is_some() { l.quantity_unit.clone() } else { Some("KRW".into()) },
                forecast_to_date,
                actual_to_date,
                quantity_ratio: ratio(actual_to_date, forecast_to_date),
                forecast_pv,
                expost_pv,
                realisation_ratio: ratio(expost_pv, forecast_pv),
            })
        })
        .collect::<Result<Vec<_>, StudyError>>()?;

    let cap_total: Vec<Decimal> = (0..n)
        .map(|y| {
            study
                .costs
                .iter()
                .zip(&fc)
                .filter(|(l, _)| crate::econ::Kind::Cost(l.kind).is_capital())
                .map(|(_, v)| v[y])
                .sum()
        })
        .collect();
    let forecast_build = first_nonzero(first, &cap_total)
        .zip(cap_total.iter().rposition(|a| !a.is_zero()).map(|i| first + i as i32))
        .map(|(a, b)| [a, b]);
    let cost_growth = (!fa.total_cost.is_zero()).then(|| to_f64(fx.total_cost - fa.total_cost) / to_f64(fa.total_cost));
    let rules = appraisal::resolve_rules(study, custom)?;
    // The re-study growth leaves out what 국가재정법 시행령 제22조 leaves out: price escalation
    // (already out: constant prices) and land compensation increases (손실보상비 증가분), here the
    // change in the land lines when the total is derived from the actuals.
    let restudy_current = match &o.total_cost {
        Some(t) => t.value,
        None => sub(fx.total_cost, sub(of_kinds(&post_costs, &[CostKind::Land])?, of_kinds(&fc, &[CostKind::Land])?)?)?,
    };
    let restudy = restudy::check(&rules.set, fa.total_cost, restudy_current);
    Ok(ExPost {
        format: FORMAT,
        name: study.project.name.clone(),
        through_year: o.through_year,
        ex_ante: fa,
        forecast: ff,
        ex_post: fx,
        cost_growth,
        schedule: ScheduleComparison {
            forecast_build,
            actual_build: o.schedule.as_ref().map_or([None, None], |s| [s.start_year, s.completion_year]),
            forecast_opening,
            actual_opening,
        },
        decomposition: Decomposition { delta_npv: delta, delay_years: d, parts },
        realisation,
        restudy,
        environment: match &o.environment {
            // The signed-off forecast's environment when it has one, else the study's.
            Some(a) => environment::compare(
                a,
                ante_study.as_ref().filter(|s| s.environment.is_some()).unwrap_or(study),
                o.through_year,
            )?,
            None => None,
        },
    })
}

#[cfg(test)]
mod tests;
