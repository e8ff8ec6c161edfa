//! Time-varying factors as data (연도별 계수): the grid emission factor by year (the Green Book's
//! long-run marginal factor; Korea publishes an average factor and the power plan's path), the
//! long-run variable cost of electricity (장기 가변비용) that values the energy change, and the
//! carbon values (탄소가치) in a low, a central and a high series. Each series carries its unit,
//! vintage, source and status; a built-in set ships in `fixtures/environment/`, and a study can
//! replace any series with its own.

use crate::rules::Sourced;
use crate::study::{DecimalString, ValidationError, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The built-in factor sets: id and JSON text.
pub const BUILTIN: [(&str, &str); 1] =
    [("kr-illustrative-2026", include_str!("../../../../fixtures/environment/kr-illustrative-2026.json"))];

/// The set a study uses when it names none.
pub const DEFAULT_SET: &str = "kr-illustrative-2026";

/// A point of a path: linear in between, flat before the first and after the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Year.
    pub year: i32,
    /// Value in the path's unit.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub value: Decimal,
}

/// A path by year with its unit and vintage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Path {
    /// Unit, e.g. `tCO2e/MWh`, `KRW/kWh`, `KRW/tCO2e` (base-year prices).
    pub unit: String,
    /// When the figures were published or drawn up, e.g. `2025-12`.
    pub vintage: String,
    /// Illustrative figures, not a published series: the report says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    /// Points in increasing years.
    pub points: Vec<Point>,
}

impl Path {
    /// The value in `year` (exact, in Decimal); `None` when out of the decimal range.
    pub fn at(&self, year: i32) -> Option<Decimal> {
        let first = self.points.first()?;
        if year <= first.year {
            return Some(first.value);
        }
        for w in self.points.windows(2) {
            if year <= w[1].year {
                let t = Decimal::from(year - w[0].year).checked_div(Decimal::from(w[1].year - w[0].year))?;
                return w[1].value.checked_sub(w[0].value)?.checked_mul(t)?.checked_add(w[0].value);
            }
        }
        self.points.last().map(|p| p.value)
    }
}

/// The three carbon value series (Green Book: low, central, high).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CarbonValues {
    /// Low series.
    pub low: Path,
    /// Central series: the one the economic case counts.
    pub central: Path,
    /// High series.
    pub high: Path,
}

/// One of the three carbon value series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    /// Low.
    Low,
    /// Central.
    Central,
    /// High.
    High,
}

impl CarbonValues {
    /// The series' path.
    pub fn get(&self, s: Series) -> &Path {
        match s {
            Series::Low => &self.low,
            Series::Central => &self.central,
            Series::High => &self.high,
        }
    }
}

/// A factor set file (`yeta-env-factors/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactorSet {
    /// Always `yeta-env-factors/1`.
    pub format: String,
    /// Id, e.g. `kr-illustrative-2026`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Grid emission factor, tCO2e/MWh.
    pub grid_factor: Sourced<Path>,
    /// Long-run variable cost of electricity, KRW/kWh.
    pub electricity_value: Sourced<Path>,
    /// Carbon values, KRW/tCO2e.
    pub carbon_values: Sourced<CarbonValues>,
}

impl FactorSet {
    /// A built-in set by id.
    pub fn builtin(id: &str) -> Option<FactorSet> {
        BUILTIN.iter().find(|(i, _)| *i == id).and_then(|(_, t)| serde_json::from_str(t).ok())
    }
}

/// The study's choice of factors (`environment.factors`): a built-in set, and any series of its
/// own that replaces the set's. Giving this section turns on the Green Book method: factors by
/// year, energy valued, three carbon series, and the environment counted in the economic case
/// unless `include_in_economics` is false.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Factors {
    /// Built-in set (default `kr-illustrative-2026`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<String>,
    /// The study's own grid path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid_factor: Option<Sourced<Path>>,
    /// The study's own electricity value path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electricity_value: Option<Sourced<Path>>,
    /// The study's own carbon values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon_values: Option<Sourced<CarbonValues>>,
}

/// The factors in force: the set's, each replaced by the study's where it gives one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    /// The set's id.
    pub set: String,
    /// Grid emission factor path.
    pub grid_factor: Sourced<Path>,
    /// Electricity value path.
    pub electricity_value: Sourced<Path>,
    /// Carbon values.
    pub carbon_values: Sourced<CarbonValues>,
    /// Which of the three the study replaced (grid, electricity, carbon).
    pub replaced: [bool; 3],
}

/// Resolves the study's factors; `None` when the set is unknown (validation says so).
pub fn resolve(f: &Factors) -> Option<Resolved> {
    let id = f.set.clone().unwrap_or_else(|| DEFAULT_SET.to_owned());
    let set = FactorSet::builtin(&id)?;
    Some(Resolved {
        replaced: [f.grid_factor.is_some(), f.electricity_value.is_some(), f.carbon_values.is_some()],
        grid_factor: f.grid_factor.clone().unwrap_or(set.grid_factor),
        electricity_value: f.electricity_value.clone().unwrap_or(set.electricity_value),
        carbon_values: f.carbon_values.clone().unwrap_or(set.carbon_values),
        set: id,
    })
}

fn validate_path(at: &str, p: &Path, v: &mut Vec<ValidationError>) {
    if p.points.is_empty() {
        v.push(ValidationError::new(format!("{at}.points"), "is empty"));
    }
    for (i, q) in p.points.iter().enumerate() {
        if q.value < Decimal::ZERO {
            v.push(ValidationError::new(format!("{at}.points[{i}].value"), format!("{} is negative", q.value)));
        }
        if i > 0 && q.year <= p.points[i - 1].year {
            v.push(ValidationError::new(
                format!("{at}.points[{i}].year"),
                format!("{} does not follow {}", q.year, p.points[i - 1].year),
            ));
        }
    }
}

/// Checks the study's factors.
pub fn validate(f: &Factors, v: &mut Vec<ValidationError>) {
    if let Some(id) = &f.set
        && FactorSet::builtin(id).is_none()
    {
        let known: Vec<&str> = BUILTIN.iter().map(|(i, _)| *i).collect();
        v.push(ValidationError::new(
            "environment.factors.set",
            format!("\"{id}\" is not a factor set Yeta ships ({})", known.join(", ")),
        ));
    }
    if let Some(g) = &f.grid_factor {
        validate_path("environment.factors.grid_factor.value", &g.value, v);
    }
    if let Some(e) = &f.electricity_value {
        validate_path("environment.factors.electricity_value.value", &e.value, v);
    }
    if let Some(c) = &f.carbon_values {
        for (name, p) in [("low", &c.value.low), ("central", &c.value.central), ("high", &c.value.high)] {
            validate_path(&format!("environment.factors.carbon_values.value.{name}"), p, v);
        }
    }
}
