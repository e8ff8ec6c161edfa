//! Environmental risk (환경 위험): Yeta's addition to the PFS, after the OECD's finding that
//! Korea's appraisal of digital-government investment lacks it. Energy use by year, greenhouse-gas
//! emissions at a stated grid factor, embodied emissions of hardware refreshes, their value at a
//! stated carbon price path (optionally counted as a cost in the economic analysis), a risk
//! register (likelihood × impact) and a compliance checklist.

use crate::appraisal::Context;
use crate::econ::{ExpandedLine, Origin, to_f64};
use crate::study::flows::MAX_YEARLY_AMOUNT;
use crate::study::{DecimalString, Flow, Line, Study, ValidationError, flows, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub mod catalogue;
pub mod factors;
pub mod net;
pub mod suggest;

pub use net::{
    Activity, ActivityKind, Counterfactual, DeviceClass, DeviceRefresh, DeviceTotal, NetYear, Side, SourceKind,
    SourceTotal, TravelMode,
};

/// Name of the cost line the carbon value becomes when counted in the economic analysis.
pub const CARBON_LINE: &str = "Carbon cost (탄소비용)";

/// A value with its unit and source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// The value.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub value: Decimal,
    /// Its unit, e.g. `tCO2e/MWh`.
    pub unit: String,
    /// Where it comes from.
    pub source: String,
}

/// How an energy source is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EnergyKind {
    /// IT load in kW (servers, storage, network) by year; kWh = kW × PUE × hours.
    ItLoad,
    /// Energy intensity: kWh per KRW 1 million of the named cost lines' spending.
    Intensity,
    /// Energy in kWh by year, stated directly (e.g. traction power).
    Kwh,
}

/// One source of energy use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnergySource {
    /// Name.
    pub name: String,
    /// How it is given.
    pub kind: EnergyKind,
    /// kW (it_load) or kWh (kwh) by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flows: Vec<Flow>,
    /// Power usage effectiveness of the data centre (it_load), e.g. 1.4.
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub pue: Option<Decimal>,
    /// Hours a year the load runs (it_load; default 8,760).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    /// kWh per KRW 1 million (intensity).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub kwh_per_million_krw: Option<Decimal>,
    /// Cost lines whose spending the intensity applies to (intensity).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_lines: Vec<String>,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The electricity bill of this source is already in the study's cost or benefit lines (O&M,
    /// hosting, running cost avoided): its energy is not valued again, only its emissions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub energy_in_costs: bool,
}

/// Embodied emissions of an event, e.g. a hardware refresh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Embodied {
    /// What, e.g. `server refresh`.
    pub name: String,
    /// Year.
    pub year: i32,
    /// tCO2e.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub tco2e: Decimal,
    /// E-waste, tonnes (reported, not valued).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub ewaste_tonnes: Option<Decimal>,
    /// Source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A point of the carbon price path, KRW per tCO2e in base-year prices; linear in between.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PricePoint {
    /// Year.
    pub year: i32,
    /// KRW per tCO2e.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub krw_per_tco2e: Decimal,
}

/// The carbon price path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CarbonPrice {
    /// Points in increasing years; flat before the first and after the last.
    pub path: Vec<PricePoint>,
    /// Source.
    pub source: String,
}

/// An environmental risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The risk.
    pub title: String,
    /// Likelihood 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// Impact 1 (minor) to 5 (severe).
    pub impact: u8,
    /// Who manages it.
    pub owner: String,
    /// What reduces it.
    pub mitigation: String,
    /// The suggested entry (`suggest`) this one takes up, by id, e.g. `dc-flood`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// Compliance status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// Met.
    Met,
    /// Partly met.
    Partial,
    /// Not met.
    NotMet,
    /// Not applicable.
    NotApplicable,
}

/// A compliance checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// The requirement, e.g. `RGESN eco-design of the service`.
    pub requirement: String,
    /// The framework or law.
    pub framework: String,
    /// Status.
    pub status: Compliance,
    /// Evidence.
    #[serde(default)]
    pub evidence: String,
}

/// The study's `environment` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnvironmentSection {
    /// Grid emission factor, tCO2e per MWh.
    pub grid_factor: Factor,
    /// Energy sources.
    #[serde(default)]
    pub energy: Vec<EnergySource>,
    /// Embodied emissions.
    #[serde(default)]
    pub embodied: Vec<Embodied>,
    /// Carbon price path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon_price: Option<CarbonPrice>,
    /// Count the environment in the economic analysis. Absent: counted when the study uses the
    /// factor paths (`factors`, the Green Book method, which requires GHG effects in the economic
    /// case), not counted otherwise (studies written before keep their figures); `false` is the
    /// study's opt-out, which the report states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_in_economics: Option<bool>,
    /// Risk register.
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// Compliance checklist.
    #[serde(default)]
    pub compliance: Vec<Requirement>,
    /// The project's non-energy activities that remain (paper, printing, postage, trips).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// The do-nothing footprint (반사실): with it the stage reports net emissions, project minus
    /// counterfactual, and values the net change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterfactual: Option<Counterfactual>,
    /// Factors by year (grid path, electricity value, low/central/high carbon values): a built-in
    /// set, replaceable series by series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factors: Option<factors::Factors>,
    /// Embodied emissions and e-waste by device class, driven by the study's refresh lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<DeviceRefresh>,
    /// Answers to compliance catalogues (RGESN, EU GPP data centres, Korean obligations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catalogues: Vec<catalogue::Answers>,
    /// Uncertainty on the value factors in the Monte Carlo analysis (위험분석); absent, the
    /// environmental lines are held at their values in every draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<FactorUncertainty>,
}

/// Multiplier distributions on the factors that value the environmental change. Each moves the
/// whole of its line (the carbon value and the energy value are a quantity × a price by year, so
/// a multiplier on the price is exact); the grid-factor path is a plan path and stays fixed,
/// its alternatives being the low/central/high runs of the carbon series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactorUncertainty {
    /// Multiplier on the carbon value (탄소가치) of every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon_value: Option<crate::risk::Uncertainty>,
    /// Multiplier on the electricity value (전력 가치, long-run variable cost) of every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electricity_value: Option<crate::risk::Uncertainty>,
}

impl EnvironmentSection {
    /// Whether the environment counts in the economic analysis (see `include_in_economics`).
    pub fn counted(&self) -> bool {
        self.include_in_economics.unwrap_or(self.factors.is_some())
    }
}

/// Energy, emissions and carbon value of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearEnv {
    /// Year.
    pub year: i32,
    /// kWh.
    pub kwh: f64,
    /// Operational tCO2e.
    pub tco2e_operational: f64,
    /// Embodied tCO2e.
    pub tco2e_embodied: f64,
    /// Carbon price used, KRW/tCO2e.
    pub price: f64,
    /// Carbon value, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_value: Decimal,
}

/// A risk with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredRisk {
    /// The risk as entered.
    #[serde(flatten)]
    pub risk: Risk,
    /// likelihood × impact (1–25).
    pub score: u8,
    /// low (1–4), medium (5–9), high (10–16), very high (20–25).
    pub rating: &'static str,
}

/// The environmental-risk stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnvironmentResult {
    /// By year.
    pub years: Vec<YearEnv>,
    /// Total kWh.
    pub total_kwh: f64,
    /// Total tCO2e (operational + embodied).
    pub total_tco2e: f64,
    /// Total e-waste, tonnes.
    pub ewaste_tonnes: f64,
    /// Grid factor used, tCO2e/MWh.
    pub grid_factor: f64,
    /// PV of the carbon value, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_pv: Decimal,
    /// Whether the carbon value is a cost line of the economic analysis.
    pub included_in_economics: bool,
    /// B/C without the carbon cost.
    pub bc_without_carbon: Option<f64>,
    /// B/C with the carbon cost.
    pub bc_with_carbon: Option<f64>,
    /// Risk register with scores, highest first.
    pub risks: Vec<ScoredRisk>,
    /// Compliance checklist.
    pub compliance: Vec<Requirement>,
    /// Requirements not met or partly met.
    pub compliance_gaps: usize,
    /// Embodied emissions and e-waste by device class.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<DeviceTotal>,
    /// Score per compliance catalogue, with the items not met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub catalogues: Vec<catalogue::Score>,
    /// Net emissions against the counterfactual, when the study describes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net: Option<NetResult>,
    /// The sector's suggested register entries the register has not taken up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_risks: Option<suggest::Suggestions>,
}

/// The economic figures under one carbon series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CarbonRun {
    /// The series.
    pub series: factors::Series,
    /// PV of the net carbon value, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_pv: Decimal,
    /// NPV with the environment valued at this series, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub npv: Decimal,
    /// B/C likewise.
    pub bc_ratio: Option<f64>,
}

/// Net emissions against the counterfactual (순배출) and the value of the net change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetResult {
    /// Gross project tCO2e over the period.
    #[serde(serialize_with = "money::serialize_out")]
    pub project_tco2e: Decimal,
    /// Counterfactual tCO2e over the period.
    #[serde(serialize_with = "money::serialize_out")]
    pub counterfactual_tco2e: Decimal,
    /// Project − counterfactual over the period; negative: the project reduces emissions.
    #[serde(serialize_with = "money::serialize_out")]
    pub net_tco2e: Decimal,
    /// Net kWh over the period (project − counterfactual).
    #[serde(serialize_with = "money::serialize_out")]
    pub net_kwh: Decimal,
    /// PV of the net carbon value, KRW; negative is a saving (a benefit).
    #[serde(serialize_with = "money::serialize_out")]
    pub carbon_pv: Decimal,
    /// PV of the value of the net energy change at the electricity value, KRW (negative: saved).
    #[serde(serialize_with = "money::serialize_out")]
    pub energy_pv: Decimal,
    /// B/C and NPV under each carbon series, with the energy value (Green Book: low, central, high).
    pub runs: Vec<CarbonRun>,
    /// NPV without the environment, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub npv_without: Decimal,
    /// Whether the environment counts in the economic case (false: the study opted out).
    pub counted: bool,
    /// The factor paths used, with sources and status, when the study uses them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factors: Option<factors::Resolved>,
    /// Totals by source, project first.
    pub sources: Vec<SourceTotal>,
    /// By year.
    pub years: Vec<NetYear>,
}

/// Checks the section.
pub fn validate(s: &EnvironmentSection, study: &Study, v: &mut Vec<ValidationError>) {
    if s.grid_factor.value < Decimal::ZERO {
        v.push(ValidationError::new("environment.grid_factor.value", format!("{} is negative", s.grid_factor.value)));
    }
    validate_energy("environment", &s.energy, study, v);
    validate_embodied("environment", &s.embodied, study, v);
    net::validate_activities("environment", &s.activities, study, v);
    net::validate_devices(&s.devices, study, v);
    catalogue::validate(&s.catalogues, v);
    suggest::validate(&s.risks, v);
    if let Some(cf) = &s.counterfactual {
        validate_energy("environment.counterfactual", &cf.energy, study, v);
        validate_embodied("environment.counterfactual", &cf.embodied, study, v);
        net::validate_activities("environment.counterfactual", &cf.activities, study, v);
    }
    if let Some(f) = &s.factors {
        factors::validate(f, v);
    }
    if let Some(u) = &s.uncertainty {
        if let Some(c) = &u.carbon_value {
            crate::risk::validate_uncertainty("environment.uncertainty.carbon_value", c, v);
        }
        if let Some(e) = &u.electricity_value {
            crate::risk::validate_uncertainty("environment.uncertainty.electricity_value", e, v);
        }
    }
    if let Some(cp) = &s.carbon_price {
        if cp.path.is_empty() {
            v.push(ValidationError::new("environment.carbon_price.path", "is empty"));
        }
        for (i, p) in cp.path.iter().enumerate() {
            if p.krw_per_tco2e < Decimal::ZERO {
                v.push(ValidationError::new(
                    format!("environment.carbon_price.path[{i}].krw_per_tco2e"),
                    format!("{} is negative", p.krw_per_tco2e),
                ));
            }
            if i > 0 && p.year <= cp.path[i - 1].year {
                v.push(ValidationError::new(
                    format!("environment.carbon_price.path[{i}].year"),
                    format!("{} does not follow {}", p.year, cp.path[i - 1].year),
                ));
            }
        }
    } else if s.counted() && s.factors.is_none() {
        v.push(ValidationError::new(
            "environment.carbon_price",
            "is missing; counting carbon as a cost needs a price path",
        ));
    }
    // The figures themselves: too large for exact arithmetic is an error naming the field.
    if v.is_empty() {
        let costs = study_costs(study);
        if let Err(e) = yearly(s, study, &costs).and_then(|_| net_yearly(s, study, &costs)) {
            v.push(e);
        }
    }
    for (i, r) in s.risks.iter().enumerate() {
        for (name, x) in [("likelihood", r.likelihood), ("impact", r.impact)] {
            if !(1..=5).contains(&x) {
                v.push(ValidationError::new(
                    format!("environment.risks[{i}].{name}"),
                    format!("{x} is outside the 1–5 scale"),
                ));
            }
        }
    }
}

/// The study's own cost lines as written, expanded over the period (what intensity sources and
/// device classes read by name), for the checks and the ex-post comparison that run before, or
/// apart from, the appraisal. A line that does not expand is reported by the line checks
/// (`study::validate`); here it only has no energy to contribute.
pub(crate) fn study_costs(study: &Study) -> Vec<ExpandedLine<'_>> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    study
        .costs
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            Some(ExpandedLine {
                origin: Origin::Study { list: crate::econ::List::Costs, index: i },
                name: &l.name,
                kind: crate::econ::Kind::Cost(l.kind),
                variation: crate::econ::Variation::Fixed,
                amounts: flows::expand(l, first, last).ok()?,
                sunk: Decimal::ZERO,
            })
        })
        .collect()
}

/// Checks energy sources: flows, PUE, intensity and the cost lines it names, hours.
fn validate_energy(root: &str, energy: &[EnergySource], study: &Study, v: &mut Vec<ValidationError>) {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    for (i, e) in energy.iter().enumerate() {
        let at = format!("{root}.energy[{i}]");
        if e.kind != EnergyKind::Intensity && e.flows.is_empty() {
            v.push(ValidationError::new(format!("{at}.flows"), "is empty; give the load or energy by year"));
        }
        for (j, f) in e.flows.iter().enumerate() {
            // The same rules as a cost line's flows: span, years in the period, amount ≥ 0, growth.
            crate::study::validate_flow(&format!("{at}.flows[{j}]"), f, first, last, v);
        }
        match e.kind {
            EnergyKind::ItLoad => match e.pue {
                None => v.push(ValidationError::new(
                    format!("{at}.pue"),
                    "is missing; an IT load needs the data centre's PUE",
                )),
                Some(p) if p < Decimal::ONE => v.push(ValidationError::new(
                    format!("{at}.pue"),
                    format!("{p} is below 1; PUE is total energy over IT energy"),
                )),
                // The worst data centres measured stay below 3; 10 leaves room and catches typos.
                Some(p) if p > Decimal::TEN => v.push(ValidationError::new(
                    format!("{at}.pue"),
                    format!("{p} is above 10; PUE is total energy over IT energy, typically 1.1 to 2"),
                )),
                _ => {}
            },
            EnergyKind::Intensity => {
                if e.kwh_per_million_krw.is_none_or(|x| x < Decimal::ZERO) {
                    v.push(ValidationError::new(format!("{at}.kwh_per_million_krw"), "is missing or negative"));
                }
                for (j, name) in e.cost_lines.iter().enumerate() {
                    if !study.costs.iter().any(|c| &c.name == name) {
                        v.push(ValidationError::new(
                            format!("{at}.cost_lines[{j}]"),
                            format!("\"{name}\" is not a cost line of the study"),
                        ));
                    }
                }
            }
            EnergyKind::Kwh => {}
        }
        if let Some(h) = e.hours.filter(|h| *h > 8784) {
            v.push(ValidationError::new(format!("{at}.hours"), format!("{h} is more hours than a year has")));
        }
    }
}

/// Checks embodied emissions: tCO2e ≥ 0 and the year in the period.
fn validate_embodied(root: &str, embodied: &[Embodied], study: &Study, v: &mut Vec<ValidationError>) {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    for (i, e) in embodied.iter().enumerate() {
        if e.tco2e < Decimal::ZERO {
            v.push(ValidationError::new(format!("{root}.embodied[{i}].tco2e"), format!("{} is negative", e.tco2e)));
        }
        if e.year < first || e.year > last {
            v.push(ValidationError::new(
                format!("{root}.embodied[{i}].year"),
                format!("{} is outside the analysis period {first}..{last}", e.year),
            ));
        }
    }
}

/// Carbon price in a year: linear between points, flat outside (exact, in Decimal).
fn price_in(path: &[PricePoint], year: i32) -> Option<Decimal> {
    let Some(first) = path.first() else { return Some(Decimal::ZERO) };
    if year <= first.year {
        return Some(first.krw_per_tco2e);
    }
    for w in path.windows(2) {
        if year <= w[1].year {
            let (a, b) = (&w[0], &w[1]);
            let span = Decimal::from(b.year - a.year);
            let t = Decimal::from(year - a.year).checked_div(span)?;
            return b.krw_per_tco2e.checked_sub(a.krw_per_tco2e)?.checked_mul(t)?.checked_add(a.krw_per_tco2e);
        }
    }
    path.last().map(|p| p.krw_per_tco2e)
}

/// Hours in a year when an IT load gives none.
const HOURS_PER_YEAR: u32 = 8760;

/// kWh by year of one energy source: IT load × PUE × hours, kWh as stated, or kWh per KRW 1
/// million of the named cost lines' spending (`at` is the source's field path for errors).
pub(crate) fn source_kwh(
    e: &EnergySource,
    at: &str,
    study: &Study,
    costs: &[ExpandedLine<'_>],
) -> Result<Vec<Decimal>, ValidationError> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let n = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(0);
    let mut kwh = vec![Decimal::ZERO; n];
    let million = Decimal::from(1_000_000);
    let too_large = |what: &str| {
        ValidationError::new(at, format!("the {what} exceeds the representable range; check the flows, PUE and hours"))
    };
    let add = |k: &mut Decimal, x: Decimal| -> Result<(), ValidationError> {
        *k = k.checked_add(x).ok_or_else(|| too_large("yearly energy use"))?;
        Ok(())
    };
    match e.kind {
        EnergyKind::ItLoad | EnergyKind::Kwh => {
            let line: Line<crate::study::CostKind> = Line {
                name: e.name.clone(),
                kind: crate::study::CostKind::Other,
                source: None,
                quantity_unit: None,
                unit_value: None,
                flows: e.flows.clone(),
                uncertainty: None,
                demand: None,
            };
            let amounts = flows::expand(&line, first, last)
                .map_err(|f| ValidationError::new(format!("{at}.flows[{}]", f.flow), f.message))?;
            let factor = if e.kind == EnergyKind::ItLoad {
                e.pue
                    .unwrap_or(Decimal::ONE)
                    .checked_mul(Decimal::from(e.hours.unwrap_or(HOURS_PER_YEAR)))
                    .ok_or_else(|| too_large("PUE"))?
            } else {
                Decimal::ONE
            };
            for (k, a) in kwh.iter_mut().zip(amounts) {
                add(k, a.checked_mul(factor).ok_or_else(|| too_large("energy use"))?)?;
            }
        }
        EnergyKind::Intensity => {
            let per = e.kwh_per_million_krw.unwrap_or(Decimal::ZERO);
            let named = costs
                .iter()
                .filter(|c| matches!(c.origin, Origin::Study { .. }) && e.cost_lines.iter().any(|n| n == c.name));
            for c in named {
                for (k, a) in kwh.iter_mut().zip(&c.amounts) {
                    let x = a.checked_div(million).and_then(|m| m.checked_mul(per));
                    add(k, x.ok_or_else(|| too_large("energy use"))?)?;
                }
            }
        }
    }
    Ok(kwh)
}

/// Energy, emissions and carbon value by year over the analysis period (before discounting).
///
/// Every quantity that becomes money is a [`Decimal`] with checked arithmetic: a study whose
/// energy, factors or prices are too large gives an error naming the field and the limit
/// (a carbon value of at most KRW 10^20 a year), never a silent zero. `costs` are the study's
/// expanded cost lines (intensity sources read them by name); other lines are ignored.
pub fn yearly(
    s: &EnvironmentSection,
    study: &Study,
    costs: &[ExpandedLine<'_>],
) -> Result<Vec<YearEnv>, ValidationError> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let n = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(0);
    let mut kwh = vec![Decimal::ZERO; n];
    for (i, e) in s.energy.iter().enumerate() {
        let at = format!("environment.energy[{i}]");
        for (k, x) in kwh.iter_mut().zip(source_kwh(e, &at, study, costs)?) {
            *k = k.checked_add(x).ok_or_else(|| {
                ValidationError::new(
                    at.clone(),
                    "the yearly energy use exceeds the representable range; check the flows, PUE and hours",
                )
            })?;
        }
    }
    let grid_path = grid_by_year(s, first, n)?;
    let prices = price_by_year(s, first, n, factors::Series::Central)?;
    let mut device_t = vec![Decimal::ZERO; n];
    for (j, d) in s.devices.iter().enumerate() {
        let (t, _, _) = net::device_years(d, &format!("environment.devices[{j}]"), costs, n)?;
        for (a, b) in device_t.iter_mut().zip(t) {
            *a = a.checked_add(b).ok_or_else(|| ValidationError::new("environment.devices", "out of range"))?;
        }
    }
    let thousand = Decimal::from(1000);
    let mut out = Vec::with_capacity(n);
    for (i, k) in kwh.into_iter().enumerate() {
        let year = first + i as i32;
        let grid = grid_path[i];
        let op = k.checked_div(thousand).and_then(|mwh| mwh.checked_mul(grid)).ok_or_else(|| {
            ValidationError::new(
                "environment.grid_factor.value",
                "times the energy use exceeds the representable range",
            )
        })?;
        let mut emb = device_t[i];
        for (j, e) in s.embodied.iter().enumerate().filter(|(_, e)| e.year == year) {
            emb = emb.checked_add(e.tco2e).ok_or_else(|| {
                ValidationError::new(format!("environment.embodied[{j}].tco2e"), "exceeds the representable range")
            })?;
        }
        let price = prices[i];
        let value = op
            .checked_add(emb)
            .and_then(|t| t.checked_mul(price))
            .map(|v| v.round_dp(0))
            .filter(|v| v.abs() <= MAX_YEARLY_AMOUNT)
            .ok_or_else(|| {
                ValidationError::new(
                    "environment",
                    format!(
                        "the carbon value in {year} exceeds KRW 10^20 (emissions {} tCO2e at {} KRW/tCO2e); check the energy, factors and prices",
                        op.saturating_add(emb).round_dp(0),
                        price.round_dp(0)
                    ),
                )
            })?;
        out.push(YearEnv {
            year,
            kwh: to_f64(k),
            tco2e_operational: to_f64(op),
            tco2e_embodied: to_f64(emb),
            price: to_f64(price),
            carbon_value: value,
        });
    }
    Ok(out)
}

/// Name of the cost line of the net energy the project adds, at the electricity value.
pub const ENERGY_LINE: &str = "Energy used (에너지 비용)";
/// Name of the benefit line of the net energy the project saves, at the electricity value.
pub const ENERGY_SAVED_LINE: &str = "Energy saved (에너지 절감 편익)";

/// Name of the benefit line the avoided emissions become when counted in the economic analysis.
pub const CARBON_AVOIDED_LINE: &str = "Emissions avoided (탄소 감축 편익)";

/// The grid emission factor of each year of the period, tCO2e/MWh: the factor path when the
/// study uses one, else the stated constant.
pub(crate) fn grid_by_year(s: &EnvironmentSection, first: i32, n: usize) -> Result<Vec<Decimal>, ValidationError> {
    match s.factors.as_ref().map(factors::resolve) {
        None => Ok(vec![s.grid_factor.value; n]),
        Some(r) => {
            let r =
                r.ok_or_else(|| ValidationError::new("environment.factors.set", "is not a factor set Yeta ships"))?;
            path_by_year(&r.grid_factor.value, "environment.factors.grid_factor", first, n)
        }
    }
}

fn path_by_year(p: &factors::Path, at: &str, first: i32, n: usize) -> Result<Vec<Decimal>, ValidationError> {
    (0..n)
        .map(|i| {
            p.at(first + i as i32)
                .ok_or_else(|| ValidationError::new(at, "cannot be interpolated in the decimal range"))
        })
        .collect()
}

/// The carbon value of each year of the period, KRW/tCO2e, in `series` (zero without a price):
/// the study's carbon values or its set's when it uses factor paths, else its price path.
fn price_by_year(
    s: &EnvironmentSection,
    first: i32,
    n: usize,
    series: factors::Series,
) -> Result<Vec<Decimal>, ValidationError> {
    if let Some(r) = s.factors.as_ref().map(factors::resolve) {
        let r = r.ok_or_else(|| ValidationError::new("environment.factors.set", "is not a factor set Yeta ships"))?;
        return path_by_year(r.carbon_values.value.get(series), "environment.factors.carbon_values", first, n);
    }
    (0..n)
        .map(|i| match &s.carbon_price {
            Some(c) => price_in(&c.path, first + i as i32).ok_or_else(|| {
                ValidationError::new("environment.carbon_price.path", "cannot be interpolated in the decimal range")
            }),
            None => Ok(Decimal::ZERO),
        })
        .collect()
}

/// The value of electricity each year, KRW/kWh (the long-run variable cost; zero without factors).
fn energy_price_by_year(s: &EnvironmentSection, first: i32, n: usize) -> Result<Vec<Decimal>, ValidationError> {
    match s.factors.as_ref().map(factors::resolve) {
        None => Ok(vec![Decimal::ZERO; n]),
        Some(r) => {
            let r =
                r.ok_or_else(|| ValidationError::new("environment.factors.set", "is not a factor set Yeta ships"))?;
            path_by_year(&r.electricity_value.value, "environment.factors.electricity_value", first, n)
        }
    }
}

/// The yearly sources and the yearly comparison.
pub(crate) type NetYearly = (Vec<net::SourceYears>, Vec<NetYear>);

/// Yearly net emissions and their value, with the yearly sources: `None` without a counterfactual.
pub(crate) fn net_yearly(
    s: &EnvironmentSection,
    study: &Study,
    costs: &[ExpandedLine<'_>],
) -> Result<Option<NetYearly>, ValidationError> {
    // The factor paths without a counterfactual compare the project with nothing: net = gross.
    let none = Counterfactual::default();
    let cf = match (&s.counterfactual, &s.factors) {
        (Some(cf), _) => cf,
        (None, Some(_)) => &none,
        (None, None) => return Ok(None),
    };
    let first = study.parameters.first_year;
    let n = usize::try_from(i64::from(study.parameters.last_year) - i64::from(first) + 1).unwrap_or(0);
    let grid = grid_by_year(s, first, n)?;
    let price = price_by_year(s, first, n, factors::Series::Central)?;
    let (low, high) =
        (price_by_year(s, first, n, factors::Series::Low)?, price_by_year(s, first, n, factors::Series::High)?);
    let energy_price = energy_price_by_year(s, first, n)?;
    let mut sources =
        net::side_sources(Side::Project, "environment", &s.energy, &s.activities, &s.embodied, study, costs, &grid)?;
    for (j, d) in s.devices.iter().enumerate() {
        let (tco2e, _, _) = net::device_years(d, &format!("environment.devices[{j}]"), costs, n)?;
        sources.push(net::SourceYears {
            name: d.cost_line.clone(),
            side: Side::Project,
            kind: SourceKind::Embodied,
            kwh: vec![Decimal::ZERO; n],
            tco2e,
            valued: false,
        });
    }
    sources.extend(net::side_sources(
        Side::Counterfactual,
        "environment.counterfactual",
        &cf.energy,
        &cf.activities,
        &cf.embodied,
        study,
        costs,
        &grid,
    )?);
    let (pk, ck) =
        (net::by_year(&sources, Side::Project, n, true)?, net::by_year(&sources, Side::Counterfactual, n, true)?);
    let (pt, ct) =
        (net::by_year(&sources, Side::Project, n, false)?, net::by_year(&sources, Side::Counterfactual, n, false)?);
    // kWh valued at the electricity value: the sources whose bill is not in the study's lines.
    let mut valued = vec![Decimal::ZERO; n];
    for src in sources.iter().filter(|x| x.valued) {
        for (v, k) in valued.iter_mut().zip(&src.kwh) {
            let signed = if src.side == Side::Project { *k } else { -*k };
            *v = v.checked_add(signed).ok_or_else(|| ValidationError::new("environment", "net energy out of range"))?;
        }
    }
    let mut years = Vec::with_capacity(n);
    for i in 0..n {
        let year = first + i as i32;
        let at_price = |x: Decimal, p: Decimal| -> Result<Decimal, ValidationError> {
            x.checked_mul(p).map(|v| v.round_dp(0)).filter(|v| v.abs() <= MAX_YEARLY_AMOUNT).ok_or_else(|| {
                ValidationError::new(
                    "environment",
                    format!(
                        "the value of the net change in {year} exceeds KRW 10^20; check the energy, factors and prices"
                    ),
                )
            })
        };
        let net = pt[i]
            .checked_sub(ct[i])
            .ok_or_else(|| ValidationError::new("environment.counterfactual", "net emissions out of range"))?;
        let value = net
            .checked_mul(price[i])
            .map(|v| v.round_dp(0))
            .filter(|v| v.abs() <= MAX_YEARLY_AMOUNT)
            .ok_or_else(|| {
                ValidationError::new(
                    "environment",
                    format!("the carbon value of the net change in {year} exceeds KRW 10^20; check the energy, factors and prices"),
                )
            })?;
        years.push(NetYear {
            year,
            grid_factor: grid[i],
            project_kwh: pk[i],
            counterfactual_kwh: ck[i],
            project_tco2e: pt[i],
            counterfactual_tco2e: ct[i],
            net_tco2e: net,
            carbon_price: price[i],
            carbon_value: value,
            carbon_value_low: at_price(net, low[i])?,
            carbon_value_high: at_price(net, high[i])?,
            electricity_value: energy_price[i],
            valued_kwh: valued[i],
            energy_value: at_price(valued[i], energy_price[i])?,
        });
    }
    Ok(Some((sources, years)))
}

/// The lines the environmental stage adds to the economic analysis, when the study counts it:
/// without a counterfactual the gross carbon value as a cost (as before); with one, the value of
/// the net change — a benefit line of the emissions avoided when its PV is a saving, else a cost
/// line. Years of the other sign stay in the same line as negative amounts.
pub fn economic_lines<'a>(
    study: &'a Study,
    costs: &[ExpandedLine<'_>],
    period: &crate::econ::Period,
) -> Result<Vec<ExpandedLine<'a>>, crate::StudyError> {
    let Some(s) = study.environment.as_ref().filter(|s| s.counted()) else { return Ok(Vec::new()) };
    let invalid = |e| crate::StudyError::Invalid(vec![e]);
    // The factor's own distribution when the study gives one, else held at its value.
    let varies = |u: Option<&'a crate::risk::Uncertainty>| {
        u.map_or(crate::econ::Variation::HeldFixed, crate::econ::Variation::Own)
    };
    let unc = s.uncertainty.as_ref();
    let carbon_var = varies(unc.and_then(|u| u.carbon_value.as_ref()));
    let energy_var = varies(unc.and_then(|u| u.electricity_value.as_ref()));
    let carbon = |origin, name, amounts| ExpandedLine {
        origin,
        name,
        kind: crate::econ::Kind::CarbonValue,
        variation: carbon_var.clone(),
        amounts,
        sunk: Decimal::ZERO,
    };
    match net_yearly(s, study, costs).map_err(invalid)? {
        None => {
            let years = yearly(s, study, costs).map_err(invalid)?;
            Ok(vec![carbon(Origin::Carbon, CARBON_LINE, years.into_iter().map(|y| y.carbon_value).collect())])
        }
        Some((_, years)) => {
            let values: Vec<Decimal> = years.iter().map(|y| y.carbon_value).collect();
            let mut out = vec![if period.pv(&values) < Decimal::ZERO {
                carbon(Origin::CarbonAvoided, CARBON_AVOIDED_LINE, values.iter().map(|v| -*v).collect())
            } else {
                carbon(Origin::Carbon, CARBON_LINE, values)
            }];
            let energy: Vec<Decimal> = years.iter().map(|y| y.energy_value).collect();
            if energy.iter().any(|v| !v.is_zero()) {
                let saved = period.pv(&energy) < Decimal::ZERO;
                out.push(ExpandedLine {
                    origin: if saved { Origin::EnergySaved } else { Origin::Energy },
                    name: if saved { ENERGY_SAVED_LINE } else { ENERGY_LINE },
                    kind: crate::econ::Kind::EnergyValue,
                    variation: energy_var,
                    amounts: if saved { energy.iter().map(|v| -*v).collect() } else { energy },
                    sunk: Decimal::ZERO,
                });
            }
            Ok(out)
        }
    }
}

pub(crate) fn rating(score: u8) -> &'static str {
    match score {
        0..=4 => "low",
        5..=9 => "medium",
        10..=16 => "high",
        _ => "very high",
    }
}

/// Runs the stage.
pub fn appraise(cx: &Context<'_>) -> Option<EnvironmentResult> {
    let s = cx.study.environment.as_ref()?;
    // Validation has run `yearly` on this study already: an error here cannot happen, and would
    // leave the stage out rather than show a wrong figure.
    let years = yearly(s, cx.study, cx.costs).ok()?;
    let values: Vec<Decimal> = years.iter().map(|y| y.carbon_value).collect();
    let carbon_pv = cx.period.pv(&values);
    let e = cx.economic;
    let (pvb, pvc) = (e.pv_benefits, e.pv_costs);
    // The environmental lines in the economic analysis (carbon and energy), taken out to give the
    // figures without the environment; each series' values are then added back, a saving as a
    // benefit and a cost as a cost (the split the economic lines use).
    let pv_of = |lines: &[ExpandedLine<'_>]| -> Decimal {
        lines
            .iter()
            .filter(|l| {
                matches!(l.origin, Origin::Carbon | Origin::CarbonAvoided | Origin::Energy | Origin::EnergySaved)
            })
            .map(|l| cx.period.pv(&l.amounts))
            .sum()
    };
    let (env_c, env_b) = (pv_of(cx.costs), pv_of(cx.benefits));
    let (pvb0, pvc0) = (pvb - env_b, pvc - env_c);
    let add = |(b, c): (Decimal, Decimal), x: Decimal| if x < Decimal::ZERO { (b - x, c) } else { (b, c + x) };
    let bc = |(b, c): (Decimal, Decimal)| crate::econ::bc_ratio(b, c);
    let net = match net_yearly(s, cx.study, cx.costs) {
        Ok(Some((sources, ny))) => {
            let sum = |f: &dyn Fn(&NetYear) -> Decimal| ny.iter().map(f).sum::<Decimal>();
            let pv = |f: &dyn Fn(&NetYear) -> Decimal| cx.period.pv(&ny.iter().map(f).collect::<Vec<_>>());
            let energy_pv = pv(&|y| y.energy_value);
            let runs = [
                (factors::Series::Low, pv(&|y| y.carbon_value_low)),
                (factors::Series::Central, pv(&|y| y.carbon_value)),
                (factors::Series::High, pv(&|y| y.carbon_value_high)),
            ]
            .into_iter()
            .map(|(series, carbon_pv)| {
                let (b, c) = add(add((pvb0, pvc0), energy_pv), carbon_pv);
                CarbonRun { series, carbon_pv, npv: b - c, bc_ratio: bc((b, c)) }
            })
            .collect();
            Some(NetResult {
                project_tco2e: sum(&|y| y.project_tco2e),
                counterfactual_tco2e: sum(&|y| y.counterfactual_tco2e),
                net_tco2e: sum(&|y| y.net_tco2e),
                net_kwh: sum(&|y| y.project_kwh - y.counterfactual_kwh),
                carbon_pv: pv(&|y| y.carbon_value),
                energy_pv,
                runs,
                npv_without: pvb0 - pvc0,
                counted: s.counted(),
                factors: s.factors.as_ref().and_then(factors::resolve),
                sources: net::totals(&sources).ok()?,
                years: ny,
            })
        }
        Ok(None) => None,
        Err(_) => return None,
    };
    let n_years = years.len();
    let devices: Vec<DeviceTotal> = s
        .devices
        .iter()
        .enumerate()
        .filter_map(|(j, d)| {
            let (t, w, units) = net::device_years(d, &format!("environment.devices[{j}]"), cx.costs, n_years).ok()?;
            Some(DeviceTotal {
                class: d.class,
                cost_line: d.cost_line.clone(),
                units: d.unit_cost.map(|_| units),
                tco2e: t.iter().sum(),
                ewaste_tonnes: w.iter().sum(),
            })
        })
        .collect();
    let with = match &net {
        Some(n) => add(add((pvb0, pvc0), n.energy_pv), n.carbon_pv),
        None => add((pvb0, pvc0), carbon_pv),
    };
    let mut risks: Vec<ScoredRisk> = s
        .risks
        .iter()
        .map(|r| {
            let score = r.likelihood.saturating_mul(r.impact);
            ScoredRisk { risk: r.clone(), score, rating: rating(score) }
        })
        .collect();
    risks.sort_by_key(|r| std::cmp::Reverse(r.score));
    Some(EnvironmentResult {
        total_kwh: years.iter().map(|y| y.kwh).sum(),
        total_tco2e: years.iter().map(|y| y.tco2e_operational + y.tco2e_embodied).sum(),
        ewaste_tonnes: s.embodied.iter().filter_map(|e| e.ewaste_tonnes).map(to_f64).sum::<f64>()
            + devices.iter().map(|d| to_f64(d.ewaste_tonnes)).sum::<f64>(),
        devices,
        catalogues: catalogue::score(&s.catalogues),
        grid_factor: to_f64(s.grid_factor.value),
        carbon_pv,
        included_in_economics: s.counted(),
        bc_without_carbon: bc((pvb0, pvc0)),
        bc_with_carbon: bc(with),
        risks,
        compliance_gaps: s
            .compliance
            .iter()
            .filter(|c| matches!(c.status, Compliance::NotMet | Compliance::Partial))
            .count(),
        compliance: s.compliance.clone(),
        years,
        net,
        suggested_risks: suggest::suggest(cx.study.project.sector, &s.risks),
    })
}
