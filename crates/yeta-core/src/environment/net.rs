//! Net emissions against the counterfactual (반사실 대비 순배출): the Green Book values the
//! *change* a project makes, so the do-nothing footprint (사업 미시행 시 배출: the legacy servers
//! and their PUE, paper, printing and postage, trips to offices) is netted off the project's own.
//! For most digital projects the sign of the net change is the whole question.
//!
//! Every tonne and every won here is a [`Decimal`] with checked arithmetic; a figure beyond the
//! representable range is an error naming the field, never a silent zero.

use super::{EnergySource, Factor};
use crate::econ::ExpandedLine;
use crate::study::{DecimalString, Flow, Line, Study, ValidationError, flows, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a non-energy activity is (비에너지 배출 활동).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Paper used, in sheets (종이 사용, 매).
    Paper,
    /// Printing, in pages (인쇄, 면).
    Printing,
    /// Postage, in items sent (우편 발송, 통).
    Postage,
    /// Trips to an office, in trips (방문 통행, 회); the factor is per passenger-km.
    Travel,
    /// Anything else, in the unit the factor states.
    Other,
}

/// How a trip is made (통행 수단): reported beside the factor the study states for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TravelMode {
    /// Car (승용차).
    Car,
    /// Bus (버스).
    Bus,
    /// Rail (철도).
    Rail,
    /// Subway (지하철).
    Subway,
    /// Taxi (택시).
    Taxi,
    /// A mix of modes (수단 혼합).
    Mixed,
}

/// A non-energy source of emissions: quantity by year × a stated factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Name, e.g. `Paper bid documents`.
    pub name: String,
    /// What it is.
    pub kind: ActivityKind,
    /// Quantity by year: sheets, pages, items or trips.
    pub flows: Vec<Flow>,
    /// Travel: kilometres per trip (there and back).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<Decimal>,
    /// Travel: the mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<TravelMode>,
    /// Emission factor in kgCO2e per unit (per passenger-km for travel), with its source.
    pub factor: Factor,
}

/// The do-nothing footprint (사업 미시행 대안의 배출): what runs if the project is not built.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counterfactual {
    /// Energy of the legacy system (IT load × PUE × hours, or kWh by year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub energy: Vec<EnergySource>,
    /// Paper, printing, postage and trips the project would avoid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Embodied emissions of the legacy system's own refreshes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embodied: Vec<super::Embodied>,
    /// What the counterfactual describes and where its figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Which side of the comparison a source is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The project (사업 시행).
    Project,
    /// The counterfactual (사업 미시행).
    Counterfactual,
}

/// What a source's emissions come from (배출원 구분).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Electricity at the grid factor.
    Electricity,
    /// Manufacture of equipment.
    Embodied,
    /// Paper.
    Paper,
    /// Printing.
    Printing,
    /// Postage.
    Postage,
    /// Travel.
    Travel,
    /// Other activity.
    Other,
}

impl From<ActivityKind> for SourceKind {
    fn from(k: ActivityKind) -> Self {
        match k {
            ActivityKind::Paper => SourceKind::Paper,
            ActivityKind::Printing => SourceKind::Printing,
            ActivityKind::Postage => SourceKind::Postage,
            ActivityKind::Travel => SourceKind::Travel,
            ActivityKind::Other => SourceKind::Other,
        }
    }
}

/// One source's emissions over the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceTotal {
    /// Its name as the study gives it.
    pub name: String,
    /// Project or counterfactual.
    pub side: Side,
    /// What the emissions come from.
    pub kind: SourceKind,
    /// kWh over the period (electricity).
    #[serde(serialize_with = "money::serialize_out")]
    pub kwh: Decimal,
    /// tCO2e over the period.
    #[serde(serialize_with = "money::serialize_out")]
    pub tco2e: Decimal,
}

/// One year of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetYear {
    /// Year.
    pub year: i32,
    /// Grid emission factor used, tCO2e/MWh.
    #[serde(serialize_with = "money::serialize_out")]
    pub grid_factor: Decimal,
    /// Project kWh.
    #[serde(serialize_with = "money::serialize_out")]
    pub project_kwh: Decimal,
    /// Counterfactual kWh.
    #[serde(serialize_with = "money::serialize_out")]
    pub counterfactual_kwh: Decimal,
    /// Project tCO2e (gross).
    #[serde(serialize_with = "money::serialize_out")]
    pub project_tco2e: Decimal,
    /// Counterfactual tCO2e.
    #[serde(serialize_with = "money::serialize_out")]
    pub counterfactual_tco2e: Decimal,
    /// Project − counterfactual; negative is a reduction.
    #[serde(serialize_with = "money::serialize_out")]
    pub net_tco2e: Decimal,
    /// Carbon value used, KRW/tCO2e (the central series).
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_price: Decimal,
    /// Net tCO2e × price, KRW (negative is a saving).
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_value: Decimal,
    /// The same under the low carbon series.
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_value_low: Decimal,
    /// The same under the high carbon series.
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_value_high: Decimal,
    /// Electricity value used, KRW/kWh (long-run variable cost; zero without factor paths).
    #[serde(serialize_with = "money::serialize_out")]
    pub electricity_value: Decimal,
    /// Net kWh that is valued (sources whose bill is not already in the study's lines).
    #[serde(serialize_with = "money::serialize_out")]
    pub valued_kwh: Decimal,
    /// Valued net kWh × electricity value, KRW (negative is a saving).
    #[serde(serialize_with = "money::serialize_out")]
    pub energy_value: Decimal,
}

/// Yearly figures of one source before totals.
pub(crate) struct SourceYears {
    pub name: String,
    pub side: Side,
    pub kind: SourceKind,
    pub kwh: Vec<Decimal>,
    pub tco2e: Vec<Decimal>,
    /// Electricity whose bill the study's lines do not hold: valued at the electricity value.
    pub valued: bool,
}

fn expand_quantity(name: &str, fl: &[Flow], at: &str, first: i32, last: i32) -> Result<Vec<Decimal>, ValidationError> {
    let line: Line<crate::study::CostKind> = Line {
        name: name.to_owned(),
        kind: crate::study::CostKind::Other,
        source: None,
        quantity_unit: None,
        unit_value: None,
        flows: fl.to_vec(),
        uncertainty: None,
        demand: None,
    };
    flows::expand(&line, first, last).map_err(|f| ValidationError::new(format!("{at}.flows[{}]", f.flow), f.message))
}

fn too_large(at: &str) -> ValidationError {
    ValidationError::new(at, "the emissions exceed the representable range; check the quantities and factors")
}

/// The yearly sources of one side: electricity (kWh × grid factor of the year), activities
/// (quantity × kg factor ÷ 1,000; trips × km × kg per passenger-km ÷ 1,000) and embodied.
#[allow(clippy::too_many_arguments)]
pub(crate) fn side_sources(
    side: Side,
    root: &str,
    energy: &[EnergySource],
    activities: &[Activity],
    embodied: &[super::Embodied],
    study: &Study,
    costs: &[ExpandedLine<'_>],
    grid: &[Decimal],
) -> Result<Vec<SourceYears>, ValidationError> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let thousand = Decimal::from(1000);
    let mut out = Vec::new();
    for (i, e) in energy.iter().enumerate() {
        let at = format!("{root}.energy[{i}]");
        let kwh = super::source_kwh(e, &at, study, costs)?;
        let tco2e = kwh
            .iter()
            .zip(grid)
            .map(|(k, g)| k.checked_div(thousand).and_then(|m| m.checked_mul(*g)).ok_or_else(|| too_large(&at)))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(SourceYears {
            name: e.name.clone(),
            side,
            kind: SourceKind::Electricity,
            kwh,
            tco2e,
            valued: !e.energy_in_costs,
        });
    }
    for (i, a) in activities.iter().enumerate() {
        let at = format!("{root}.activities[{i}]");
        let q = expand_quantity(&a.name, &a.flows, &at, first, last)?;
        let per = match a.kind {
            ActivityKind::Travel => a.distance_km.unwrap_or(Decimal::ZERO).checked_mul(a.factor.value),
            _ => Some(a.factor.value),
        }
        .ok_or_else(|| too_large(&at))?;
        let tco2e = q
            .iter()
            .map(|x| x.checked_mul(per).and_then(|kg| kg.checked_div(thousand)).ok_or_else(|| too_large(&at)))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(SourceYears {
            name: a.name.clone(),
            side,
            kind: a.kind.into(),
            kwh: vec![Decimal::ZERO; q.len()],
            tco2e,
            valued: false,
        });
    }
    let n = grid.len();
    for (i, e) in embodied.iter().enumerate() {
        let mut t = vec![Decimal::ZERO; n];
        if let Ok(k) = usize::try_from(e.year - first)
            && k < n
        {
            t[k] = e.tco2e;
        } else {
            return Err(ValidationError::new(format!("{root}.embodied[{i}].year"), "is outside the analysis period"));
        }
        out.push(SourceYears {
            name: e.name.clone(),
            side,
            kind: SourceKind::Embodied,
            kwh: vec![Decimal::ZERO; n],
            tco2e: t,
            valued: false,
        });
    }
    Ok(out)
}

/// Sums the sources of one side by year.
pub(crate) fn by_year(
    sources: &[SourceYears],
    side: Side,
    n: usize,
    kwh: bool,
) -> Result<Vec<Decimal>, ValidationError> {
    let mut out = vec![Decimal::ZERO; n];
    for s in sources.iter().filter(|s| s.side == side) {
        for (o, x) in out.iter_mut().zip(if kwh { &s.kwh } else { &s.tco2e }) {
            *o = o.checked_add(*x).ok_or_else(|| too_large("environment"))?;
        }
    }
    Ok(out)
}

/// Totals by source over the period.
pub(crate) fn totals(sources: &[SourceYears]) -> Result<Vec<SourceTotal>, ValidationError> {
    sources
        .iter()
        .map(|s| {
            let sum = |v: &[Decimal]| v.iter().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x));
            Ok(SourceTotal {
                name: s.name.clone(),
                side: s.side,
                kind: s.kind,
                kwh: sum(&s.kwh).ok_or_else(|| too_large("environment"))?,
                tco2e: sum(&s.tco2e).ok_or_else(|| too_large("environment"))?,
            })
        })
        .collect()
}

/// Validates the activities of one side.
pub(crate) fn validate_activities(root: &str, acts: &[Activity], study: &Study, v: &mut Vec<ValidationError>) {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    for (i, a) in acts.iter().enumerate() {
        let at = format!("{root}.activities[{i}]");
        if a.flows.is_empty() {
            v.push(ValidationError::new(format!("{at}.flows"), "is empty; give the quantity by year"));
        }
        for (j, f) in a.flows.iter().enumerate() {
            crate::study::validate_flow(&format!("{at}.flows[{j}]"), f, first, last, v);
        }
        if a.factor.value < Decimal::ZERO {
            v.push(ValidationError::new(format!("{at}.factor.value"), format!("{} is negative", a.factor.value)));
        }
        match (a.kind, a.distance_km) {
            (ActivityKind::Travel, None) => v.push(ValidationError::new(
                format!("{at}.distance_km"),
                "is missing; a trip needs its distance in km (there and back)",
            )),
            (ActivityKind::Travel, Some(d)) if d < Decimal::ZERO => {
                v.push(ValidationError::new(format!("{at}.distance_km"), format!("{d} is negative")))
            }
            (k, Some(_)) if k != ActivityKind::Travel => v.push(ValidationError::new(
                format!("{at}.distance_km"),
                "is given for an activity that is not travel; only trips have a distance",
            )),
            _ => {}
        }
    }
}

/// Device class of a hardware refresh (장비 유형).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeviceClass {
    /// Servers (서버).
    Servers,
    /// Storage (스토리지).
    Storage,
    /// Network equipment (네트워크 장비).
    Network,
    /// End-user devices: PCs, laptops, kiosks (사용자 단말).
    EndUser,
}

/// Embodied emissions and e-waste of a device class, driven by a refresh line the study already
/// has: the line's spending (× `share`) buys units at `unit_cost` (per unit) or is taken per KRW 1
/// million (per KRW); each unit or million carries its manufacturing footprint and its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceRefresh {
    /// The class.
    pub class: DeviceClass,
    /// The study's cost line that buys the devices (e.g. the hardware refresh).
    pub cost_line: String,
    /// Share of the line's spending on this class (default 1).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub share: Option<Decimal>,
    /// Per unit: the price of one unit, KRW (units = spending ÷ price).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub unit_cost: Option<Decimal>,
    /// Manufacturing footprint: kgCO2e per unit (per unit) or per KRW 1 million (without
    /// `unit_cost`), with its source.
    pub kgco2e: Factor,
    /// E-waste: kg per unit, or per KRW 1 million without `unit_cost`.
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub ewaste_kg: Option<Decimal>,
}

/// Embodied emissions and e-waste of one device entry over the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeviceTotal {
    /// The class.
    pub class: DeviceClass,
    /// The cost line.
    pub cost_line: String,
    /// Units bought (per unit), else none.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_opt")]
    pub units: Option<Decimal>,
    /// tCO2e.
    #[serde(serialize_with = "money::serialize_out")]
    pub tco2e: Decimal,
    /// E-waste, tonnes.
    #[serde(serialize_with = "money::serialize_out")]
    pub ewaste_tonnes: Decimal,
}

fn ser_opt<S: serde::Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => money::serialize_out(d, s),
        None => s.serialize_none(),
    }
}

/// Yearly (tCO2e, e-waste t, units) of a device entry from its cost line's spending by year.
pub(crate) fn device_years(
    d: &DeviceRefresh,
    at: &str,
    costs: &[ExpandedLine<'_>],
    n: usize,
) -> Result<(Vec<Decimal>, Vec<Decimal>, Decimal), ValidationError> {
    let err = || ValidationError::new(at, "the embodied emissions exceed the representable range");
    let line = costs
        .iter()
        .find(|c| matches!(c.origin, crate::econ::Origin::Study { .. }) && c.name == d.cost_line)
        .ok_or_else(|| {
            ValidationError::new(
                format!("{at}.cost_line"),
                format!("\"{}\" is not a cost line of the study", d.cost_line),
            )
        })?;
    let share = d.share.unwrap_or(Decimal::ONE);
    let (thousand, million) = (Decimal::from(1000), Decimal::from(1_000_000));
    let (mut t, mut w, mut units) = (vec![Decimal::ZERO; n], vec![Decimal::ZERO; n], Decimal::ZERO);
    for (i, a) in line.amounts.iter().enumerate().take(n) {
        let spend = a.checked_mul(share).ok_or_else(err)?;
        let q = match d.unit_cost {
            Some(u) => spend.checked_div(u).ok_or_else(err)?,
            None => spend.checked_div(million).ok_or_else(err)?,
        };
        if d.unit_cost.is_some() {
            units = units.checked_add(q).ok_or_else(err)?;
        }
        t[i] = q.checked_mul(d.kgco2e.value).and_then(|kg| kg.checked_div(thousand)).ok_or_else(err)?;
        w[i] = q
            .checked_mul(d.ewaste_kg.unwrap_or(Decimal::ZERO))
            .and_then(|kg| kg.checked_div(thousand))
            .ok_or_else(err)?;
    }
    Ok((t, w, units))
}

/// Checks the device entries.
pub(crate) fn validate_devices(devices: &[DeviceRefresh], study: &Study, v: &mut Vec<ValidationError>) {
    for (i, d) in devices.iter().enumerate() {
        let at = format!("environment.devices[{i}]");
        if !study.costs.iter().any(|c| c.name == d.cost_line) {
            v.push(ValidationError::new(
                format!("{at}.cost_line"),
                format!("\"{}\" is not a cost line of the study", d.cost_line),
            ));
        }
        if d.share.is_some_and(|s| s < Decimal::ZERO || s > Decimal::ONE) {
            v.push(ValidationError::new(
                format!("{at}.share"),
                format!("{} is outside 0..1", d.share.unwrap_or_default()),
            ));
        }
        if d.unit_cost.is_some_and(|u| u <= Decimal::ZERO) {
            v.push(ValidationError::new(format!("{at}.unit_cost"), "must be above zero"));
        }
        if d.kgco2e.value < Decimal::ZERO {
            v.push(ValidationError::new(format!("{at}.kgco2e.value"), format!("{} is negative", d.kgco2e.value)));
        }
        if d.ewaste_kg.is_some_and(|x| x < Decimal::ZERO) {
            v.push(ValidationError::new(format!("{at}.ewaste_kg"), "is negative"));
        }
    }
}
