//! Validation: every rule a study must meet before it is appraised, each failure naming the
//! field path and the value, e.g. `costs[2].flows[0].year: 2101 is after the analysis period's
//! last year 2060`. All problems are collected, not just the first.

use super::{Flow, Line, Study, flows};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// One problem with a study: where and what.
///
/// `code` and `args` say it as data, for the shells to render from the catalog (`problem-<code>`
/// in `locales/{ko,en}.ftl`); `message` is the engine's own English sentence, kept for logs and
/// for the problems that have no code yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationError {
    /// Field path, e.g. `costs[2].flows[0].year`; empty for the whole file.
    pub path: String,
    /// What is wrong, naming the value.
    pub message: String,
    /// The kind of problem, when it has a catalog message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Problem>,
    /// The catalog message's arguments (values as the study wrote them).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub args: std::collections::BTreeMap<String, String>,
}

/// The kinds of study problem the catalog words in Korean and English (`problem-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    /// A required text or list is empty.
    Empty,
    /// `value` is below zero.
    Negative,
    /// `value` is zero or below where only a positive amount makes sense.
    NotPositive,
    /// `value` is beyond KRW 10^20, the largest amount Yeta holds.
    TooLarge,
    /// `value` (state funding) is more than `total`, the total cost.
    AboveTotalCost,
    /// A flow's `year` is before the analysis period's first year `first`.
    YearBeforePeriod,
    /// A flow's `year` is after the analysis period's last year `last`.
    YearAfterPeriod,
    /// The last year `value` is before the first year `first`.
    LastBeforeFirst,
    /// A line's name `value` is already the name of another line (`other`).
    NameTaken,
    /// A rate `value` outside [0, 1): a rate is a fraction (4.5 % is 0.045).
    RateOutOfRange,
    /// A yearly growth `value` outside (−1, 1].
    GrowthOutOfRange,
    /// `value` is not a date written YYYY-MM-DD.
    NotADate,
    /// `optimism_bias.source: "library"` but the shell gave no reference class (참조 사업군):
    /// appraise with the library (`yeta appraise --library DB`).
    ReferenceClassMissing,
    /// The library's reference class for `sector` has `count` completed projects, fewer than
    /// the `min` a percentile needs.
    ReferenceClassTooSmall,
}

impl Problem {
    /// Every kind, for the catalog test.
    pub const ALL: [Problem; 14] = [
        Problem::Empty,
        Problem::Negative,
        Problem::NotPositive,
        Problem::TooLarge,
        Problem::AboveTotalCost,
        Problem::YearBeforePeriod,
        Problem::YearAfterPeriod,
        Problem::LastBeforeFirst,
        Problem::NameTaken,
        Problem::RateOutOfRange,
        Problem::GrowthOutOfRange,
        Problem::NotADate,
        Problem::ReferenceClassMissing,
        Problem::ReferenceClassTooSmall,
    ];

    /// The catalog id: `year_before_period` → `problem-year-before-period`.
    pub fn message_id(self) -> String {
        let code = serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        format!("problem-{}", code.replace('_', "-"))
    }
}

impl ValidationError {
    /// A problem at `path`, in the engine's words only.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into(), code: None, args: Default::default() }
    }

    /// A problem at `path` with its kind and arguments for the catalog, and the English sentence.
    pub fn coded(path: impl Into<String>, code: Problem, args: &[(&str, String)], message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
            code: Some(code),
            args: args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() { f.write_str(&self.message) } else { write!(f, "{}: {}", self.path, self.message) }
    }
}

/// Earliest and latest base year Yeta accepts: wide, but it catches typos such as 20025.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1950..=2200;
/// Longest analysis period, in years after the base year (the Green Book's schedule runs to 300+).
pub const MAX_PERIOD_YEARS: i32 = 400;

/// Checks a parsed study; returns every problem found.
pub fn validate(study: &Study) -> Result<(), Vec<ValidationError>> {
    let mut v = Vec::new();
    project(study, &mut v);
    let period_ok = parameters(study, &mut v);
    if period_ok {
        lines("costs", &study.costs, study, &mut v);
        lines("benefits", &study.benefits, study, &mut v);
        lines("revenues", &study.revenues, study, &mut v);
    }
    financing(study, &mut v);
    if let Some(s) = &study.policy {
        crate::policy::validate(s, study, &mut v);
    }
    if let Some(s) = &study.regional {
        crate::regional::validate(s, study, &mut v);
    }
    if let Some(s) = &study.ahp {
        crate::ahp::validate(s, study, &mut v);
    }
    if let Some(s) = &study.environment {
        crate::environment::validate(s, study, &mut v);
    }
    if let Some(o) = &study.outturn {
        crate::expost::validate(o, study, &mut v);
    }
    if v.is_empty() { Ok(()) } else { Err(v) }
}

/// A calendar date `YYYY-MM-DD` (proleptic Gregorian), as the report's 작성일.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num =
        |r: std::ops::Range<usize>| s.get(r).filter(|x| x.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn project(study: &Study, v: &mut Vec<ValidationError>) {
    let p = &study.project;
    if let Some(d) = &p.report_date
        && !is_date(d)
    {
        v.push(ValidationError::coded(
            "project.report_date",
            Problem::NotADate,
            &[("value", short(d))],
            format!("\"{}\" is not a date written YYYY-MM-DD (e.g. 2026-12-02)", short(d)),
        ));
    }
    if let Some(m) = &p.municipality {
        if m.len() != 5 || !m.bytes().all(|b| b.is_ascii_digit()) {
            v.push(ValidationError::new(
                "project.municipality",
                format!("\"{}\" is not a five-digit KOSTAT code of a 시·군·구 (e.g. 28710)", short(m)),
            ));
        } else if !p.region.kostat_prefixes().iter().any(|x| m.starts_with(x)) {
            v.push(ValidationError::new(
                "project.municipality",
                format!(
                    "{m} is not in {} ({}): its codes start with {}",
                    p.region.name(false),
                    p.region.code(),
                    p.region.kostat_prefixes().join(" or ")
                ),
            ));
        }
    }
    for (name, x) in [("total_cost", p.total_cost), ("state_funding", p.state_funding)] {
        if x.abs() > flows::MAX_YEARLY_AMOUNT {
            v.push(ValidationError::coded(
                format!("project.{name}"),
                Problem::TooLarge,
                &[("value", x.to_string())],
                format!("{x} exceeds the limit of KRW 10^20"),
            ));
        }
    }
    if p.name.trim().is_empty() {
        v.push(ValidationError::coded("project.name", Problem::Empty, &[], "is empty; give the project's name"));
    }
    if p.sponsor.trim().is_empty() {
        v.push(ValidationError::coded(
            "project.sponsor",
            Problem::Empty,
            &[],
            "is empty; give the sponsoring ministry or agency",
        ));
    }
    if p.total_cost <= Decimal::ZERO {
        v.push(ValidationError::coded(
            "project.total_cost",
            Problem::NotPositive,
            &[("value", p.total_cost.to_string())],
            format!("{} must be positive", p.total_cost),
        ));
    }
    if p.state_funding < Decimal::ZERO {
        v.push(ValidationError::coded(
            "project.state_funding",
            Problem::Negative,
            &[("value", p.state_funding.to_string())],
            format!("{} is negative", p.state_funding),
        ));
    } else if p.state_funding > p.total_cost && p.total_cost > Decimal::ZERO {
        v.push(ValidationError::coded(
            "project.state_funding",
            Problem::AboveTotalCost,
            &[("value", p.state_funding.to_string()), ("total", p.total_cost.to_string())],
            format!("{} is more than the total cost {}", p.state_funding, p.total_cost),
        ));
    }
}

/// Returns whether the period is sound enough to check flows against.
fn parameters(study: &Study, v: &mut Vec<ValidationError>) -> bool {
    let p = &study.parameters;
    let before = v.len();
    if !YEAR_RANGE.contains(&p.base_year) {
        v.push(ValidationError::new(
            "parameters.base_year",
            format!("{} is outside {}..{}", p.base_year, YEAR_RANGE.start(), YEAR_RANGE.end()),
        ));
    }
    // Years before the base year are allowed: their flows are sunk costs (매몰비용), reported and
    // excluded from the economic analysis (a warning says how much), never compounded forward.
    if i64::from(p.base_year) - i64::from(p.first_year) > i64::from(MAX_PERIOD_YEARS) {
        v.push(ValidationError::new(
            "parameters.first_year",
            format!("{} is more than {MAX_PERIOD_YEARS} years before the base year {}", p.first_year, p.base_year),
        ));
    }
    if p.last_year < p.first_year {
        v.push(ValidationError::coded(
            "parameters.last_year",
            Problem::LastBeforeFirst,
            &[("value", p.last_year.to_string()), ("first", p.first_year.to_string())],
            format!("{} is before the first year {}", p.last_year, p.first_year),
        ));
    } else if i64::from(p.last_year) - i64::from(p.base_year) > i64::from(MAX_PERIOD_YEARS) {
        v.push(ValidationError::new(
            "parameters.last_year",
            format!("{} is more than {MAX_PERIOD_YEARS} years after the base year {}", p.last_year, p.base_year),
        ));
    }
    if let Some(u) = &p.discount_uncertainty {
        crate::risk::validate_uncertainty("parameters.discount_uncertainty", u, v);
    }
    if let Some(steps) = &p.discount {
        discount_steps("parameters.discount", steps.iter().map(|s| (s.from_year, s.rate)), p.base_year, v);
    }
    let period_ok = v.len() == before;
    if let Some(ob) = &p.optimism_bias {
        crate::econ::optimism::validate(ob, v);
    }
    period_ok
}

/// Checks a stepped discount schedule given as (first year, rate) pairs.
pub(crate) fn discount_steps(
    path: &str,
    steps: impl ExactSizeIterator<Item = (i32, Decimal)>,
    base_year: i32,
    v: &mut Vec<ValidationError>,
) {
    if steps.len() == 0 {
        v.push(ValidationError::new(
            path,
            "is empty; give at least one step, e.g. {\"from_year\": 2026, \"rate\": \"0.045\"}",
        ));
        return;
    }
    let mut prev: Option<i32> = None;
    let next = base_year.saturating_add(1);
    for (i, (from, rate)) in steps.enumerate() {
        if i == 0 && from > next {
            v.push(ValidationError::new(
                format!("{path}[0].from_year"),
                format!(
                    "{from} leaves the years {}..{} without a rate; the first step must start by {}",
                    next,
                    from - 1,
                    next
                ),
            ));
        }
        if let Some(p) = prev.filter(|&p| from <= p) {
            v.push(ValidationError::new(
                format!("{path}[{i}].from_year"),
                format!("{from} does not follow the previous step's {p}; steps must be in increasing years"),
            ));
        }
        prev = Some(from);
        if rate < Decimal::ZERO || rate >= Decimal::ONE {
            let hint = if rate >= Decimal::ONE {
                format!("; a rate is a fraction (write {} for {rate} %)", rate / Decimal::ONE_HUNDRED)
            } else {
                String::new()
            };
            v.push(ValidationError::coded(
                format!("{path}[{i}].rate"),
                Problem::RateOutOfRange,
                &[("value", rate.to_string())],
                format!("{rate} is outside [0, 1){hint}"),
            ));
        }
    }
}

fn lines<K>(list: &str, lines: &[Line<K>], study: &Study, v: &mut Vec<ValidationError>) {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        let at = format!("{list}[{i}]");
        let key = line.name.trim().to_lowercase();
        if key.is_empty() {
            v.push(ValidationError::coded(
                format!("{at}.name"),
                Problem::Empty,
                &[],
                "is empty; every line needs a name",
            ));
        } else if let Some(j) = seen.get(&key) {
            v.push(ValidationError::coded(
                format!("{at}.name"),
                Problem::NameTaken,
                &[("value", line.name.clone()), ("other", format!("{list}[{j}]"))],
                format!("\"{}\" is already the name of {list}[{j}]; line names must be unique", line.name),
            ));
        } else {
            seen.insert(key, i);
        }
        if let Some(u) = &line.unit_value {
            if u.value < Decimal::ZERO {
                v.push(ValidationError::coded(
                    format!("{at}.unit_value.value"),
                    Problem::Negative,
                    &[("value", u.value.to_string())],
                    format!("{} is negative", u.value),
                ));
            }
            if u.source.trim().is_empty() {
                v.push(ValidationError::new(
                    format!("{at}.unit_value.source"),
                    "is empty; say where the unit value comes from",
                ));
            }
        }
        if let Some(m) = &line.demand {
            if list == "costs" {
                v.push(ValidationError::new(
                    format!("{at}.demand"),
                    "a demand model gives the quantities of a benefit or revenue line, not of a cost line",
                ));
            }
            if line.unit_value.is_none() {
                v.push(ValidationError::new(
                    format!("{at}.unit_value"),
                    "is missing; a demand model gives quantities, and the unit value prices them",
                ));
            }
            if !line.flows.is_empty() {
                v.push(ValidationError::new(
                    format!("{at}.flows"),
                    "give either flows or a demand model, not both: the model computes the quantities",
                ));
            }
            let before = v.len();
            crate::demand::validate(&format!("{at}.demand"), m, first, last, v);
            if v.len() > before {
                continue;
            }
        } else if line.flows.is_empty() {
            v.push(ValidationError::coded(
                format!("{at}.flows"),
                Problem::Empty,
                &[],
                "is empty; give at least one flow",
            ));
        }
        let mut flows_ok = true;
        for (j, f) in line.flows.iter().enumerate() {
            flows_ok &= flow(&format!("{at}.flows[{j}]"), f, first, last, v);
        }
        if let Some(u) = &line.uncertainty {
            crate::risk::validate_uncertainty(&format!("{at}.uncertainty"), u, v);
        }
        if flows_ok && let Err(e) = flows::expand(line, first, last) {
            v.push(ValidationError::new(format!("{at}.flows[{}]", e.flow), e.message));
        }
    }
}

/// Checks one flow: its span, its years against the period, a non-negative amount, growth in
/// (−1, 1]. Cost lines and energy sources share it.
pub(crate) fn flow(at: &str, f: &Flow, first: i32, last: i32, v: &mut Vec<ValidationError>) -> bool {
    let before = v.len();
    match flows::span(f) {
        Err(msg) => v.push(ValidationError::new(at, msg)),
        Ok(_) => {
            let fields = [("year", f.year), ("from", f.from), ("to", f.to)];
            for (name, year) in fields.into_iter().filter_map(|(n, y)| y.map(|y| (n, y))) {
                if year < first {
                    v.push(ValidationError::coded(
                        format!("{at}.{name}"),
                        Problem::YearBeforePeriod,
                        &[("year", year.to_string()), ("first", first.to_string())],
                        format!("{year} is before the analysis period's first year {first}"),
                    ));
                } else if year > last {
                    v.push(ValidationError::coded(
                        format!("{at}.{name}"),
                        Problem::YearAfterPeriod,
                        &[("year", year.to_string()), ("last", last.to_string())],
                        format!("{year} is after the analysis period's last year {last}"),
                    ));
                }
            }
        }
    }
    if f.amount < Decimal::ZERO {
        v.push(ValidationError::new(
            format!("{at}.amount"),
            format!(
                "{} is negative; amounts are non-negative (a saving is a benefit line, a cost is a cost line)",
                f.amount
            ),
        ));
    }
    if let Some(g) = f.growth
        && (g <= -Decimal::ONE || g > Decimal::ONE)
    {
        v.push(ValidationError::coded(
            format!("{at}.growth"),
            Problem::GrowthOutOfRange,
            &[("value", g.to_string())],
            format!("{g} is outside (-1, 1]; growth is a yearly fraction, e.g. 0.012"),
        ));
    }
    v.len() == before
}

/// A value as an error message may quote it: at most 40 characters.
pub(crate) fn short(s: &str) -> String {
    if s.chars().count() > 40 { s.chars().take(40).collect::<String>() + "…" } else { s.to_owned() }
}

fn financing(study: &Study, v: &mut Vec<ValidationError>) {
    if let Some(o) = &study.rules.overrides.financial_discount_rate {
        // The same rule as the social rate: a negative rate compounds amounts up over a long
        // period (−1 divides by zero, −0.99 overflows), and 1 or more is a typo for a percentage.
        if o.value < Decimal::ZERO || o.value >= Decimal::ONE {
            v.push(ValidationError::new(
                "rules.overrides.financial_discount_rate.value",
                format!("{} is outside [0, 1); a rate is a fraction, e.g. 0.045", o.value),
            ));
        }
    }
    if let Some(o) = &study.rules.overrides.cr_cutoff
        && !(o.value > 0.0 && o.value <= 1.0)
    {
        v.push(ValidationError::new(
            "rules.overrides.cr_cutoff.value",
            format!("{} is outside (0, 1]; Saaty's cut-off is 0.1", o.value),
        ));
    }
    let Some(f) = &study.financing else { return };
    for (name, value) in [("state", f.state), ("local", f.local), ("private", f.private)] {
        if value < Decimal::ZERO {
            v.push(ValidationError::coded(
                format!("financing.{name}"),
                Problem::Negative,
                &[("value", value.to_string())],
                format!("{value} is negative"),
            ));
        } else if value > flows::MAX_YEARLY_AMOUNT {
            v.push(ValidationError::new(
                format!("financing.{name}"),
                format!("{value} exceeds the limit of KRW 10^20"),
            ));
        }
    }
    if let Some(s) = f.max_state_share
        && (s < Decimal::ZERO || s > Decimal::ONE)
    {
        v.push(ValidationError::new(
            "financing.max_state_share",
            format!("{s} is outside [0, 1]; a share is a fraction"),
        ));
    }
}
