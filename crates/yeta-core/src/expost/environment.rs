//! The environment after approval (환경 성과 사후점검): metered energy and the emissions it gave,
//! against the forecast of the environmental stage, year by year to the outturn's year — the
//! OECD's finding that nothing follows a digital project's environmental impact during and after
//! delivery.
//!
//! Forecast energy is the project's energy sources (IT load × PUE × hours, kWh, or intensity ×
//! spending) and its operational emissions kWh ÷ 1,000 × the grid factor of the year. Actual
//! emissions are the agency's own figures when given (온실가스 명세서), else the metered kWh at
//! the same grid factor, so that the comparison shows the change in use and not a change of
//! factor. With a counterfactual the net effect to date is the forecast net plus the difference
//! in operational emissions: the counterfactual itself is not observed.

use crate::environment;
use crate::study::{Flow, Line, Study, StudyError, ValidationError, flows, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Actual energy and emissions of the project (`outturn.environment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActualEnvironment {
    /// Metered kWh by year (전력 사용량 실적), up to `outturn.through_year`.
    pub kwh: Vec<Flow>,
    /// Operational tCO2e by year as the agency reports them (온실가스 배출량 실적); when absent,
    /// the metered kWh at the forecast's grid factor. When given, it covers the years of `kwh`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tco2e: Vec<Flow>,
    /// Where the figures come from (전기요금 고지서, 온실가스 명세서).
    pub source: String,
}

/// One year of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnvYear {
    /// Year.
    pub year: i32,
    /// Forecast kWh.
    #[serde(serialize_with = "money::serialize_out")]
    pub forecast_kwh: Decimal,
    /// Metered kWh.
    #[serde(serialize_with = "money::serialize_out")]
    pub actual_kwh: Decimal,
    /// Forecast operational tCO2e.
    #[serde(serialize_with = "money::serialize_out")]
    pub forecast_tco2e: Decimal,
    /// Actual operational tCO2e.
    #[serde(serialize_with = "money::serialize_out")]
    pub actual_tco2e: Decimal,
}

/// The comparison to date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnvOutturn {
    /// By year, from the first year with a forecast or a metered figure to the outturn's year.
    pub years: Vec<EnvYear>,
    /// Forecast kWh to date.
    #[serde(serialize_with = "money::serialize_out")]
    pub forecast_kwh: Decimal,
    /// Metered kWh to date.
    #[serde(serialize_with = "money::serialize_out")]
    pub actual_kwh: Decimal,
    /// Metered ÷ forecast kWh.
    pub kwh_ratio: Option<f64>,
    /// Forecast operational tCO2e to date.
    #[serde(serialize_with = "money::serialize_out")]
    pub forecast_tco2e: Decimal,
    /// Actual operational tCO2e to date.
    #[serde(serialize_with = "money::serialize_out")]
    pub actual_tco2e: Decimal,
    /// Actual ÷ forecast tCO2e.
    pub tco2e_ratio: Option<f64>,
    /// Whether the actual emissions are the agency's figures (else metered kWh × grid factor).
    pub reported_emissions: bool,
    /// Forecast net tCO2e to date (project − counterfactual), when the study has one.
    #[serde(serialize_with = "money::option::serialize", skip_serializing_if = "Option::is_none")]
    pub forecast_net_tco2e: Option<Decimal>,
    /// The net effect to date with the actual operational emissions.
    #[serde(serialize_with = "money::option::serialize", skip_serializing_if = "Option::is_none")]
    pub actual_net_tco2e: Option<Decimal>,
    /// Where the actuals come from.
    pub source: String,
}

/// Checks `outturn.environment`: an environment section to compare with, flows up to the
/// outturn's year, a source.
pub(crate) fn validate(a: &ActualEnvironment, through: i32, s: &Study, v: &mut Vec<ValidationError>) {
    if s.environment.is_none() {
        v.push(ValidationError::new(
            "outturn.environment",
            "has nothing to compare with: the study has no environment section",
        ));
    }
    if a.kwh.is_empty() {
        v.push(ValidationError::new("outturn.environment.kwh", "is empty; give the metered kWh by year"));
    }
    let first = s.parameters.first_year;
    let last = through.min(s.parameters.last_year);
    for (name, list) in [("kwh", &a.kwh), ("tco2e", &a.tco2e)] {
        for (j, f) in list.iter().enumerate() {
            let at = format!("outturn.environment.{name}[{j}]");
            if crate::study::validate_flow(&at, f, first, last, v) && f.year.or(f.to).is_some_and(|y| y > through) {
                v.push(ValidationError::new(at, format!("is after outturn.through_year {through}")));
            }
        }
    }
    if a.source.trim().is_empty() {
        v.push(ValidationError::new("outturn.environment.source", "is empty; say where the figures come from"));
    }
}

fn invalid(path: &str, msg: impl Into<String>) -> StudyError {
    StudyError::Invalid(vec![ValidationError::new(path, msg)])
}

/// Flows as amounts by year over the period.
fn expand(fl: &[Flow], at: &str, first: i32, last: i32) -> Result<Vec<Decimal>, StudyError> {
    let probe = Line {
        name: String::new(),
        kind: (),
        source: None,
        quantity_unit: None,
        unit_value: None,
        flows: fl.to_vec(),
        uncertainty: None,
        demand: None,
    };
    flows::expand(&probe, first, last).map_err(|e| invalid(&format!("{at}[{}]", e.flow), e.message))
}

/// Compares the actuals of `study` with the environmental forecast of `basis` (the signed-off
/// study, or the study itself) through `through`; `None` when there is nothing to compare.
pub(crate) fn compare(a: &ActualEnvironment, basis: &Study, through: i32) -> Result<Option<EnvOutturn>, StudyError> {
    let Some(s) = &basis.environment else { return Ok(None) };
    let (first, last) = (basis.parameters.first_year, basis.parameters.last_year);
    let n = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(0);
    let upto = usize::try_from(i64::from(through) - i64::from(first) + 1).unwrap_or(0).min(n);
    let costs = environment::study_costs(basis);
    let mut fkwh = vec![Decimal::ZERO; n];
    for (i, e) in s.energy.iter().enumerate() {
        let k = environment::source_kwh(e, &format!("environment.energy[{i}]"), basis, &costs)
            .map_err(|e| StudyError::Invalid(vec![e]))?;
        for (x, y) in fkwh.iter_mut().zip(k) {
            *x = x.checked_add(y).ok_or_else(|| invalid("environment.energy", "the yearly energy use overflows"))?;
        }
    }
    let grid = environment::grid_by_year(s, first, n).map_err(|e| StudyError::Invalid(vec![e]))?;
    let akwh = expand(&a.kwh, "outturn.environment.kwh", first, last)?;
    let reported = !a.tco2e.is_empty();
    let at = if reported { Some(expand(&a.tco2e, "outturn.environment.tco2e", first, last)?) } else { None };
    let thousand = Decimal::from(1000);
    let of = |kwh: Decimal, g: Decimal| {
        kwh.checked_div(thousand)
            .and_then(|m| m.checked_mul(g))
            .ok_or_else(|| invalid("outturn.environment.kwh", "times the grid factor overflows"))
    };
    let start = (0..upto).find(|&y| !fkwh[y].is_zero() || !akwh[y].is_zero());
    let Some(start) = start else { return Ok(None) };
    let mut years = Vec::with_capacity(upto - start);
    for y in start..upto {
        let forecast_tco2e = of(fkwh[y], grid[y])?;
        let actual_tco2e = match &at {
            Some(t) => t[y],
            None => of(akwh[y], grid[y])?,
        };
        years.push(EnvYear {
            year: first + y as i32,
            forecast_kwh: fkwh[y],
            actual_kwh: akwh[y],
            forecast_tco2e,
            actual_tco2e,
        });
    }
    let total = |f: &dyn Fn(&EnvYear) -> Decimal| -> Result<Decimal, StudyError> {
        years
            .iter()
            .try_fold(Decimal::ZERO, |acc, y| acc.checked_add(f(y)))
            .ok_or_else(|| invalid("outturn.environment", "the sum overflows"))
    };
    let (forecast_kwh, actual_kwh) = (total(&|y| y.forecast_kwh)?, total(&|y| y.actual_kwh)?);
    let (forecast_tco2e, actual_tco2e) = (total(&|y| y.forecast_tco2e)?, total(&|y| y.actual_tco2e)?);
    let ratio = |x: Decimal, b: Decimal| (!b.is_zero()).then(|| crate::econ::to_f64(x) / crate::econ::to_f64(b));
    // The net effect to date, when the study has a counterfactual: the forecast's net over the
    // same years, moved by the difference in operational emissions.
    let forecast_net = if s.counterfactual.is_some() {
        match environment::net_yearly(s, basis, &costs).map_err(|e| StudyError::Invalid(vec![e]))? {
            Some((_, ny)) => Some(
                ny[start..upto]
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, y| acc.checked_add(y.net_tco2e))
                    .ok_or_else(|| invalid("environment", "the net emissions overflow"))?,
            ),
            None => None,
        }
    } else {
        None
    };
    let actual_net = match forecast_net {
        Some(f) => Some(
            actual_tco2e
                .checked_sub(forecast_tco2e)
                .and_then(|d| f.checked_add(d))
                .ok_or_else(|| invalid("outturn.environment", "the net emissions overflow"))?,
        ),
        None => None,
    };
    Ok(Some(EnvOutturn {
        years,
        forecast_kwh,
        actual_kwh,
        kwh_ratio: ratio(actual_kwh, forecast_kwh),
        forecast_tco2e,
        actual_tco2e,
        tco2e_ratio: ratio(actual_tco2e, forecast_tco2e),
        reported_emissions: reported,
        forecast_net_tco2e: forecast_net,
        actual_net_tco2e: actual_net,
        source: a.source.clone(),
    }))
}
