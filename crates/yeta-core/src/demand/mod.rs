//! Demand models (수요 추정): the yearly quantities of a benefit or revenue line priced by a unit
//! value (원단위), computed from a stated forecast instead of typed as flows.
//!
//! quantity(y) = forecast(y) × ramp-up share(y) × Π elasticity factor(y), for `from ≤ y ≤ to`:
//! - forecast: a base-year quantity growing geometrically, Q_b·(1+g)^(y−y_b), or a schedule of
//!   target-year quantities (목표연도 수요) interpolated linearly between the years and held flat
//!   before the first and after the last;
//! - ramp-up (수요 정착기간): the share of the forecast reached k = y − from years after opening,
//!   from `start_share` s₀ in the opening year to 1 after `years` n, either linear,
//!   s(k) = s₀ + (1 − s₀)·k/n, or the logistic S-curve rescaled to pass through s₀ at k = 0 and 1
//!   at k = n, s(k) = s₀ + (1 − s₀)·(L(k) − L(0))/(L(n) − L(0)) with
//!   L(x) = 1/(1 + e^(−a(x − n/2))), a the steepness;
//! - elasticity (수요탄력성) to a driver such as the fare: constant elasticity
//!   Q = Q₀·(D/D₀)^ε, D the driver's value in force that year, D₀ the value the forecast assumes.
//!
//! Quantities are [`Decimal`]; the S-curve and a non-integer power need `f64` and cross back at
//! one place ([`from_f64`]), rounded to 12 decimals, a non-finite value being an error. Every
//! parameter carries its source, so the report can cite it. In the Monte Carlo analysis the line's
//! own `uncertainty` is the multiplier of its quantities (the amounts are linear in them), so a
//! demand line varies like any line.

use crate::study::{DecimalString, ValidationError, money, year};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Decimals kept when a float factor (S-curve share, elasticity factor) becomes a [`Decimal`].
pub const FACTOR_DP: u32 = 12;

/// A parameter with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Param {
    /// The value.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub value: Decimal,
    /// Where it comes from (a demand study, a survey, a guideline).
    pub source: String,
}

/// A line's demand model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DemandModel {
    /// First year with demand (개통연도).
    #[serde(deserialize_with = "year::deserialize")]
    pub from: i32,
    /// Last year with demand.
    #[serde(deserialize_with = "year::deserialize")]
    pub to: i32,
    /// The forecast at full maturity.
    pub forecast: Forecast,
    /// The ramp-up to the forecast after opening; absent = the forecast from the opening year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ramp_up: Option<RampUp>,
    /// Elasticities to drivers whose values differ from the forecast's assumption.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elasticities: Vec<Elasticity>,
}

/// The forecast quantity by year before ramp-up and elasticities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Forecast {
    /// Base-year quantity with compound growth: Q(y) = Q_b·(1+g)^(y − y_b).
    Growth {
        /// The year of the base quantity.
        #[serde(deserialize_with = "year::deserialize")]
        base_year: i32,
        /// The quantity in `base_year`.
        base_quantity: Param,
        /// Yearly growth as a fraction (0.01 = 1 %).
        growth: Param,
    },
    /// Target-year quantities (목표연도별 수요), interpolated linearly, flat outside.
    Schedule {
        /// The target years, ascending.
        points: Vec<Point>,
        /// Where the schedule comes from.
        source: String,
    },
}

/// One target year of a schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The year.
    #[serde(deserialize_with = "year::deserialize")]
    pub year: i32,
    /// The quantity forecast for it.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub quantity: Decimal,
}

/// The shape of a ramp-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Curve {
    /// s(k) = s₀ + (1 − s₀)·k/n.
    Linear,
    /// The logistic S-curve through s₀ at k = 0 and 1 at k = n (see the module).
    SCurve,
}

/// The ramp-up (수요 정착기간) from the opening year to the full forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RampUp {
    /// Linear or S-curve.
    pub curve: Curve,
    /// Share of the forecast reached in the opening year, 0 ≤ s₀ ≤ 1.
    pub start_share: Param,
    /// Years after opening at which the full forecast is reached (n ≥ 1).
    pub years: u32,
    /// The S-curve's steepness a > 0 (per year); only for `s_curve`.
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub steepness: Option<Decimal>,
}

/// A constant elasticity to a driver: Q = Q₀·(D/D₀)^ε.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Elasticity {
    /// What drives demand, e.g. `fare`, `travel time`.
    pub driver: String,
    /// The driver's unit, e.g. `KRW per trip`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The elasticity ε (e.g. −0.3 for a fare).
    pub elasticity: Param,
    /// The driver's value the forecast assumes, D₀ > 0.
    pub base_value: Param,
    /// The driver's value from a year on; before the first step it is D₀.
    pub path: Vec<DriverStep>,
}

/// The driver's value from `from_year` until the next step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DriverStep {
    /// First year of the value.
    #[serde(deserialize_with = "year::deserialize")]
    pub from_year: i32,
    /// The value, > 0.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub value: Decimal,
}

/// One year of a demand model's computation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemandYear {
    /// Calendar year.
    pub year: i32,
    /// The forecast before ramp-up and elasticities.
    #[serde(serialize_with = "money::serialize_out")]
    pub forecast: Decimal,
    /// The ramp-up share (1 without a ramp-up).
    #[serde(serialize_with = "money::serialize_out")]
    pub ramp_share: Decimal,
    /// The product of the elasticity factors (1 without elasticities).
    #[serde(serialize_with = "money::serialize_out")]
    pub elasticity_factor: Decimal,
    /// forecast × ramp share × elasticity factor.
    #[serde(serialize_with = "money::serialize_out")]
    pub quantity: Decimal,
}

/// The one crossing from a float factor back to a [`Decimal`], rounded to [`FACTOR_DP`].
pub fn from_f64(x: f64) -> Result<Decimal, String> {
    if !x.is_finite() {
        return Err(format!("a demand factor is not finite ({x})"));
    }
    Decimal::from_f64(x).map(|d| d.round_dp(FACTOR_DP)).ok_or_else(|| format!("a demand factor ({x}) is out of range"))
}

fn f(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(f64::NAN)
}

fn overflow(year: i32) -> String {
    format!("the demand in {year} overflows; check the base quantity and growth")
}

impl Forecast {
    /// The forecast in `year`.
    pub fn at(&self, year: i32) -> Result<Decimal, String> {
        match self {
            Forecast::Growth { base_year, base_quantity, growth } => {
                let factor = Decimal::ONE + growth.value;
                let k = year - base_year;
                let step =
                    if k >= 0 { factor } else { Decimal::ONE.checked_div(factor).ok_or_else(|| overflow(year))? };
                let mut q = base_quantity.value;
                for _ in 0..k.unsigned_abs() {
                    q = q.checked_mul(step).ok_or_else(|| overflow(year))?;
                }
                Ok(q)
            }
            Forecast::Schedule { points, .. } => {
                let (Some(first), Some(last)) = (points.first(), points.last()) else {
                    return Err("the schedule has no points".to_owned());
                };
                if year <= first.year {
                    return Ok(first.quantity);
                }
                if year >= last.year {
                    return Ok(last.quantity);
                }
                let w = points.windows(2).find(|w| w[0].year <= year && year <= w[1].year);
                let Some([a, b]) = w else { return Err("the schedule's years are not ascending".to_owned()) };
                // q = q_a + (q_b − q_a)·(y − y_a)/(y_b − y_a), exact in decimals.
                let span = Decimal::from(b.year - a.year);
                let dq = (b.quantity - a.quantity)
                    .checked_mul(Decimal::from(year - a.year))
                    .and_then(|x| x.checked_div(span))
                    .ok_or_else(|| overflow(year))?;
                a.quantity.checked_add(dq).ok_or_else(|| overflow(year))
            }
        }
    }
}

impl RampUp {
    /// The share reached `k` years after opening.
    pub fn share(&self, k: i32) -> Result<Decimal, String> {
        let n = self.years.max(1);
        let s0 = self.start_share.value;
        if k < 0 {
            return Ok(Decimal::ZERO);
        }
        if k as u32 >= n {
            return Ok(Decimal::ONE);
        }
        match self.curve {
            Curve::Linear => Ok(s0 + (Decimal::ONE - s0) * Decimal::from(k) / Decimal::from(n)),
            Curve::SCurve => {
                let a = f(self.steepness.unwrap_or(Decimal::ONE));
                let mid = f64::from(n) / 2.0;
                let l = |x: f64| 1.0 / (1.0 + (-a * (x - mid)).exp());
                let (l0, ln) = (l(0.0), l(f64::from(n)));
                let frac = from_f64((l(f64::from(k)) - l0) / (ln - l0))?;
                Ok(s0 + (Decimal::ONE - s0) * frac)
            }
        }
    }
}

impl Elasticity {
    /// The driver's value in `year`.
    pub fn driver_at(&self, year: i32) -> Decimal {
        self.path.iter().rfind(|s| s.from_year <= year).map_or(self.base_value.value, |s| s.value)
    }

    /// (D/D₀)^ε in `year`; exactly 1 when D = D₀.
    pub fn factor(&self, year: i32) -> Result<Decimal, String> {
        let d = self.driver_at(year);
        if d == self.base_value.value || self.elasticity.value.is_zero() {
            return Ok(Decimal::ONE);
        }
        from_f64((f(d) / f(self.base_value.value)).powf(f(self.elasticity.value)))
    }
}

impl DemandModel {
    /// The model's computation year by year over `from..=to`.
    pub fn years(&self) -> Result<Vec<DemandYear>, String> {
        (self.from..=self.to)
            .map(|year| {
                let forecast = self.forecast.at(year)?;
                let ramp_share = self.ramp_up.as_ref().map_or(Ok(Decimal::ONE), |r| r.share(year - self.from))?;
                let mut elasticity_factor = Decimal::ONE;
                for e in &self.elasticities {
                    elasticity_factor = elasticity_factor.checked_mul(e.factor(year)?).ok_or_else(|| overflow(year))?;
                }
                let quantity = forecast
                    .checked_mul(ramp_share)
                    .and_then(|x| x.checked_mul(elasticity_factor))
                    .ok_or_else(|| overflow(year))?;
                Ok(DemandYear { year, forecast, ramp_share, elasticity_factor, quantity })
            })
            .collect()
    }

    /// Quantities by year of the analysis period `first..=last` (zero outside `from..=to`).
    pub fn quantities(&self, first: i32, last: i32) -> Result<Vec<Decimal>, String> {
        if self.from < first || self.to > last {
            return Err(format!(
                "demand years {}..{} fall outside the analysis period {first}..{last}",
                self.from, self.to
            ));
        }
        let n = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(0);
        let mut out = vec![Decimal::ZERO; n];
        for y in self.years()? {
            out[(y.year - first) as usize] = y.quantity;
        }
        Ok(out)
    }
}

/// Checks a demand model (`at` is the path of the line's `demand`).
pub fn validate(at: &str, m: &DemandModel, first: i32, last: i32, v: &mut Vec<ValidationError>) {
    let before = v.len();
    if m.to < m.from {
        v.push(ValidationError::new(format!("{at}.to"), format!("{} is before `from` {}", m.to, m.from)));
    }
    if m.from < first {
        v.push(ValidationError::new(
            format!("{at}.from"),
            format!("{} is before the analysis period's first year {first}", m.from),
        ));
    }
    if m.to > last {
        v.push(ValidationError::new(
            format!("{at}.to"),
            format!("{} is after the analysis period's last year {last}", m.to),
        ));
    }
    let source = |path: String, s: &str, v: &mut Vec<ValidationError>| {
        if s.trim().is_empty() {
            v.push(ValidationError::new(path, "is empty; say where the value comes from"));
        }
    };
    match &m.forecast {
        Forecast::Growth { base_quantity, growth, .. } => {
            if base_quantity.value < Decimal::ZERO {
                v.push(ValidationError::new(
                    format!("{at}.forecast.base_quantity.value"),
                    format!("{} is negative; a quantity is at least 0", base_quantity.value),
                ));
            }
            if growth.value <= -Decimal::ONE || growth.value > Decimal::ONE {
                v.push(ValidationError::new(
                    format!("{at}.forecast.growth.value"),
                    format!("{} is outside (−1, 1]; growth is a fraction (0.01 = 1 %)", growth.value),
                ));
            }
            source(format!("{at}.forecast.base_quantity.source"), &base_quantity.source, v);
            source(format!("{at}.forecast.growth.source"), &growth.source, v);
        }
        Forecast::Schedule { points, source: s } => {
            if points.is_empty() {
                v.push(ValidationError::new(
                    format!("{at}.forecast.points"),
                    "is empty; give at least one target year",
                ));
            }
            for (i, w) in points.windows(2).enumerate() {
                if w[1].year <= w[0].year {
                    v.push(ValidationError::new(
                        format!("{at}.forecast.points[{}].year", i + 1),
                        format!("{} is not after {}; target years ascend", w[1].year, w[0].year),
                    ));
                }
            }
            for (i, p) in points.iter().enumerate() {
                if p.quantity < Decimal::ZERO {
                    v.push(ValidationError::new(
                        format!("{at}.forecast.points[{i}].quantity"),
                        format!("{} is negative; a quantity is at least 0", p.quantity),
                    ));
                }
            }
            source(format!("{at}.forecast.source"), s, v);
        }
    }
    if let Some(r) = &m.ramp_up {
        let s0 = r.start_share.value;
        if s0 < Decimal::ZERO || s0 > Decimal::ONE {
            v.push(ValidationError::new(
                format!("{at}.ramp_up.start_share.value"),
                format!("{s0} is outside 0..1; the opening-year share is a fraction of the forecast"),
            ));
        }
        if r.years == 0 {
            v.push(ValidationError::new(format!("{at}.ramp_up.years"), "is 0; a ramp-up lasts at least one year"));
        }
        match (r.curve, r.steepness) {
            (Curve::SCurve, None) => v.push(ValidationError::new(
                format!("{at}.ramp_up.steepness"),
                "is missing; an S-curve needs its steepness a (per year, e.g. 1.5)",
            )),
            (Curve::SCurve, Some(a)) if a <= Decimal::ZERO || a > Decimal::ONE_HUNDRED => {
                v.push(ValidationError::new(format!("{at}.ramp_up.steepness"), format!("{a} is outside (0, 100]")))
            }
            (Curve::Linear, Some(_)) => v.push(ValidationError::new(
                format!("{at}.ramp_up.steepness"),
                "applies only to an S-curve (`curve`: `s_curve`)",
            )),
            _ => {}
        }
        source(format!("{at}.ramp_up.start_share.source"), &r.start_share.source, v);
    }
    for (i, e) in m.elasticities.iter().enumerate() {
        let ep = format!("{at}.elasticities[{i}]");
        if e.base_value.value <= Decimal::ZERO {
            v.push(ValidationError::new(
                format!("{ep}.base_value.value"),
                format!("{} is not positive; the driver's base value divides", e.base_value.value),
            ));
        }
        if e.elasticity.value.abs() > Decimal::TEN {
            v.push(ValidationError::new(
                format!("{ep}.elasticity.value"),
                format!("{} is beyond ±10; an elasticity is usually between −2 and 2", e.elasticity.value),
            ));
        }
        for (j, s) in e.path.iter().enumerate() {
            if s.value <= Decimal::ZERO {
                v.push(ValidationError::new(
                    format!("{ep}.path[{j}].value"),
                    format!("{} is not positive; a driver's value is above 0", s.value),
                ));
            }
            if j > 0 && s.from_year <= e.path[j - 1].from_year {
                v.push(ValidationError::new(
                    format!("{ep}.path[{j}].from_year"),
                    format!("{} is not after {}; steps ascend", s.from_year, e.path[j - 1].from_year),
                ));
            }
        }
        source(format!("{ep}.elasticity.source"), &e.elasticity.source, v);
        source(format!("{ep}.base_value.source"), &e.base_value.source, v);
    }
    if v.len() == before
        && let Err(e) = m.years()
    {
        v.push(ValidationError::new(at.to_owned(), e));
    }
}

/// A demand line in the appraisal: its model, unit value and the computation by year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemandLine {
    /// The line (`benefits[0]`, `revenues[0]`).
    pub origin: crate::econ::Origin,
    /// Its name.
    pub name: String,
    /// The quantity's unit.
    pub quantity_unit: Option<String>,
    /// The unit value, KRW per unit.
    #[serde(serialize_with = "money::serialize_out")]
    pub unit_value: Decimal,
    /// The unit value's unit and source.
    pub unit_value_unit: String,
    /// Where the unit value comes from.
    pub unit_value_source: String,
    /// The model as the study states it.
    pub model: DemandModel,
    /// The computation by year.
    pub years: Vec<DemandYearAmount>,
}

/// One year of a demand line: the model's figures and the amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemandYearAmount {
    /// The model's figures.
    #[serde(flatten)]
    pub demand: DemandYear,
    /// quantity × unit value, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub amount: Decimal,
}

/// The demand lines of a study (benefits, then revenues), for the appraisal.
pub fn lines(study: &crate::Study) -> Vec<DemandLine> {
    use crate::econ::{List, Origin};
    let mut out = Vec::new();
    let mut push = |list: List,
                    index: usize,
                    name: &str,
                    qu: &Option<String>,
                    uv: Option<&crate::study::UnitValue>,
                    m: Option<&DemandModel>| {
        let (Some(m), Some(uv)) = (m, uv) else { return };
        let Ok(years) = m.years() else { return };
        let years = years
            .into_iter()
            .map(|d| DemandYearAmount { amount: d.quantity.checked_mul(uv.value).unwrap_or_default(), demand: d })
            .collect();
        out.push(DemandLine {
            origin: Origin::Study { list, index },
            name: name.to_owned(),
            quantity_unit: qu.clone(),
            unit_value: uv.value,
            unit_value_unit: uv.unit.clone(),
            unit_value_source: uv.source.clone(),
            model: m.clone(),
            years,
        });
    };
    for (i, l) in study.benefits.iter().enumerate() {
        push(List::Benefits, i, &l.name, &l.quantity_unit, l.unit_value.as_ref(), l.demand.as_ref());
    }
    for (i, l) in study.revenues.iter().enumerate() {
        push(List::Revenues, i, &l.name, &l.quantity_unit, l.unit_value.as_ref(), l.demand.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn p(s: &str) -> Param {
        Param { value: d(s), source: "test".into() }
    }

    fn growth(base_year: i32, q: &str, g: &str) -> Forecast {
        Forecast::Growth { base_year, base_quantity: p(q), growth: p(g) }
    }

    #[test]
    fn linear_ramp_up_with_growth() {
        // Q_b = 1,000,000 in 2030 growing 2 %; linear ramp from s₀ = 0.6 over n = 4 years.
        // s(k) = 0.6 + 0.4·k/4 = 0.6, 0.7, 0.8, 0.9, 1, 1.
        // 2030: 1,000,000 × 0.6 = 600,000
        // 2031: 1,020,000 × 0.7 = 714,000
        // 2032: 1,040,400 × 0.8 = 832,320
        // 2033: 1,061,208 × 0.9 = 955,087.2
        // 2034: 1,082,432.16 × 1 = 1,082,432.16
        // 2035: 1,104,080.8032
        let m = DemandModel {
            from: 2030,
            to: 2035,
            forecast: growth(2030, "1000000", "0.02"),
            ramp_up: Some(RampUp { curve: Curve::Linear, start_share: p("0.6"), years: 4, steepness: None }),
            elasticities: vec![],
        };
        let q: Vec<Decimal> = m.years().expect("computes").into_iter().map(|y| y.quantity).collect();
        assert_eq!(q, vec![d("600000"), d("714000"), d("832320"), d("955087.2"), d("1082432.16"), d("1104080.8032")]);
    }

    #[test]
    fn s_curve_passes_through_its_ends_and_midpoint() {
        // n = 4, a = 1.5, s₀ = 0.5. L(x) = 1/(1+e^(−1.5(x−2))).
        // L(0) = 1/(1+e^3) = 0.0474258732, L(4) = 0.9525741268, L(2) = 0.5.
        // share(2) = 0.5 + 0.5·(0.5 − 0.0474258732)/(0.9525741268 − 0.0474258732) = 0.5 + 0.5·0.5 = 0.75
        // share(1): L(1) = 1/(1+e^1.5) = 0.1824255238;
        //   (0.1824255238 − 0.0474258732)/0.9051482536 = 0.1491464 → 0.5 + 0.5·0.1491464 = 0.5745732
        let r = RampUp { curve: Curve::SCurve, start_share: p("0.5"), years: 4, steepness: Some(d("1.5")) };
        assert_eq!(r.share(0).expect("share"), d("0.5"));
        assert_eq!(r.share(2).expect("share"), d("0.75"));
        let s1 = r.share(1).expect("share");
        assert!((s1 - d("0.5745732")).abs() < d("0.0000001"), "{s1}");
        assert_eq!(r.share(4).expect("share"), Decimal::ONE);
        assert_eq!(r.share(9).expect("share"), Decimal::ONE);
    }

    #[test]
    fn constant_elasticity_to_a_fare() {
        // D₀ = 1,450 KRW, fare 1,650 from 2034, ε = −0.3:
        // (1650/1450)^−0.3 = exp(−0.3 · ln 1.1379310) = exp(−0.3 · 0.1292117) = exp(−0.0387635) = 0.9619781
        // Q in 2034 = 10,000,000 × 0.9619781 = 9,619,781 (to the unit); 2033 is unaffected.
        let e = Elasticity {
            driver: "fare".into(),
            unit: None,
            elasticity: p("-0.3"),
            base_value: p("1450"),
            path: vec![DriverStep { from_year: 2034, value: d("1650") }],
        };
        let m = DemandModel {
            from: 2033,
            to: 2034,
            forecast: growth(2033, "10000000", "0"),
            ramp_up: None,
            elasticities: vec![e],
        };
        let y = m.years().expect("computes");
        assert_eq!(y[0].quantity, d("10000000"));
        assert!((y[1].quantity - d("9619781")).abs() < d("1"), "{}", y[1].quantity);
    }

    #[test]
    fn schedule_interpolates_between_target_years() {
        // 2030: 100, 2040: 200 → 2035: 150, 2031: 110; held at 200 after 2040, 100 before 2030.
        let f = Forecast::Schedule {
            points: vec![Point { year: 2030, quantity: d("100") }, Point { year: 2040, quantity: d("200") }],
            source: "test".into(),
        };
        assert_eq!(f.at(2035).expect("at"), d("150"));
        assert_eq!(f.at(2031).expect("at"), d("110"));
        assert_eq!(f.at(2045).expect("at"), d("200"));
        assert_eq!(f.at(2029).expect("at"), d("100"));
    }

    #[test]
    fn bad_models_name_the_field() {
        let m = DemandModel {
            from: 2030,
            to: 2029,
            forecast: growth(2030, "-1", "2"),
            ramp_up: Some(RampUp { curve: Curve::SCurve, start_share: p("1.5"), years: 0, steepness: None }),
            elasticities: vec![],
        };
        let mut v = Vec::new();
        validate("benefits[0].demand", &m, 2026, 2061, &mut v);
        let paths: Vec<&str> = v.iter().map(|e| e.path.as_str()).collect();
        for want in [
            "benefits[0].demand.to",
            "benefits[0].demand.forecast.base_quantity.value",
            "benefits[0].demand.forecast.growth.value",
            "benefits[0].demand.ramp_up.start_share.value",
            "benefits[0].demand.ramp_up.years",
            "benefits[0].demand.ramp_up.steepness",
        ] {
            assert!(paths.contains(&want), "{want} missing in {paths:?}");
        }
    }

    #[test]
    fn non_finite_factor_is_an_error() {
        assert!(from_f64(f64::NAN).is_err());
        assert!(from_f64(f64::INFINITY).is_err());
    }
}
