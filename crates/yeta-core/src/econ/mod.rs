//! Economic feasibility (경제성 분석): present values under the stepped schedule, NPV, B/C, IRR,
//! discounted payback, the yearly cash-flow table, sensitivity and switching values.
//!
//! Money stays in [`Decimal`] throughout; `f64` appears only for the IRR's root finding and for
//! ratios in the output, converted by [`to_f64`].

pub mod discount;
pub mod irr;
pub mod line;
pub mod optimism;

pub use discount::{Schedule, ScheduleOrigin};
pub use irr::{Irr, IrrStatus};
pub use line::{ExpandedLine, Kind, List, Origin, Variation};

use crate::study::money;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

/// The one conversion from money to float: for IRR, ratios and charts.
pub fn to_f64(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(f64::NAN)
}

/// The analysis period and its discount factors.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// Base year (DF = 1).
    pub base_year: i32,
    /// First year of the period.
    pub first_year: i32,
    /// DF for each year of the period.
    pub factors: Vec<Decimal>,
    /// The schedule the factors come from.
    pub schedule: Schedule,
}

impl Period {
    /// Factors of `schedule` over `first..=last`.
    pub fn new(schedule: Schedule, first_year: i32, last_year: i32) -> Self {
        let factors = schedule.factors(first_year, last_year);
        Self { base_year: schedule.base_year, first_year, factors, schedule }
    }

    /// Present value of yearly amounts (index 0 = first year).
    pub fn pv(&self, amounts: &[Decimal]) -> Decimal {
        amounts.iter().zip(&self.factors).map(|(a, df)| a * df).sum()
    }

    /// Years after the base year of the first year (t of `amounts[0]`).
    pub fn t0(&self) -> i32 {
        self.first_year - self.base_year
    }
}

/// How flows are timed and discounted: printed with every result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Convention {
    /// The year discounted to; its flows have DF 1.
    pub base_year: i32,
    /// Prices: constant prices of the base year.
    pub prices: &'static str,
    /// Timing: flows fall at the end of their year.
    pub timing: &'static str,
    /// The formula, for the reader.
    pub discount_factor: &'static str,
}

impl Convention {
    fn new(base_year: i32) -> Self {
        Self {
            base_year,
            prices: "constant prices of the base year (real terms)",
            timing: "end of year",
            discount_factor: "DF(y) = product over k = base_year+1..y of 1/(1+r_k), r_k the rate of the step in force in year k",
        }
    }
}

/// A line's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinePv {
    /// Where the line comes from (a study line or the stage that made it).
    pub origin: Origin,
    /// `costs` or `benefits`.
    pub list: List,
    /// The line's name.
    pub name: String,
    /// The line's kind.
    pub kind: Kind,
    /// Amounts before the base year (매몰비용), not counted, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub sunk: Decimal,
    /// Undiscounted sum, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub nominal: Decimal,
    /// Present value, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv: Decimal,
}

/// One row of the yearly cash-flow table (연도별 현금흐름).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    /// Calendar year.
    pub year: i32,
    /// Years after the base year.
    pub t: i32,
    /// Costs, KRW, undiscounted.
    #[serde(serialize_with = "money::serialize_out")]
    pub costs: Decimal,
    /// Benefits, KRW, undiscounted.
    #[serde(serialize_with = "money::serialize_out")]
    pub benefits: Decimal,
    /// Benefits − costs.
    #[serde(serialize_with = "money::serialize_out")]
    pub net: Decimal,
    /// Rate in force in this year.
    pub rate: f64,
    /// Discount factor.
    pub discount_factor: f64,
    /// PV of costs.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// PV of benefits.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_benefits: Decimal,
    /// PV of the net flow.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_net: Decimal,
    /// Cumulative PV of the net flow up to this year.
    #[serde(serialize_with = "money::serialize_out")]
    pub cumulative_pv_net: Decimal,
}

/// A sensitivity case (민감도 분석 시나리오): what is changed, and by how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SensitivityCase {
    /// The appraisal as it stands.
    Base,
    /// Every cost × (1 + pct/100).
    Costs(i8),
    /// Every benefit × (1 + pct/100).
    Benefits(i8),
    /// Every discount rate + pp percentage points.
    Rate(i8),
}

impl SensitivityCase {
    /// The stable id, e.g. `base`, `costs_plus_10`, `benefits_minus_20`, `rate_minus_1pp`.
    pub fn code(self) -> String {
        let sign = |x: i8| if x >= 0 { "plus" } else { "minus" };
        match self {
            SensitivityCase::Base => "base".to_owned(),
            SensitivityCase::Costs(p) => format!("costs_{}_{}", sign(p), p.unsigned_abs()),
            SensitivityCase::Benefits(p) => format!("benefits_{}_{}", sign(p), p.unsigned_abs()),
            SensitivityCase::Rate(p) => format!("rate_{}_{}pp", sign(p), p.unsigned_abs()),
        }
    }
}

impl Serialize for SensitivityCase {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

/// One sensitivity case (민감도 분석).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivityRow {
    /// The case; serialised as its stable id, e.g. `costs_plus_10`, `rate_minus_1pp`.
    pub case: SensitivityCase,
    /// Multiplier on all costs.
    pub cost_factor: f64,
    /// Multiplier on all benefits.
    pub benefit_factor: f64,
    /// Shift of every discount rate, in percentage points.
    pub rate_shift_pp: f64,
    /// PV of benefits.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_benefits: Decimal,
    /// PV of costs.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// NPV.
    #[serde(serialize_with = "money::serialize_out")]
    pub npv: Decimal,
    /// B/C ratio.
    pub bc_ratio: Option<f64>,
    /// IRR when unique.
    pub irr: Option<f64>,
    /// B/C at or above the rule set's threshold.
    pub feasible: bool,
}

/// Switching values (전환값): the change that brings B/C to exactly 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwitchingValues {
    /// % change in the PV of costs (all years alike) at which B/C = 1; positive = increase.
    pub costs_pct: Option<f64>,
    /// % change in the PV of benefits at which B/C = 1; negative = decrease.
    pub benefits_pct: Option<f64>,
    /// The discount rate at which NPV = 0, i.e. the IRR when unique.
    pub discount_rate: Option<f64>,
}

/// The economic analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Economic {
    /// Timing and price convention.
    pub convention: Convention,
    /// The discount schedule used.
    pub discount_schedule: Schedule,
    /// PV of benefits (편익의 현재가치), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_benefits: Decimal,
    /// PV of costs (비용의 현재가치), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// NPV (순현재가치) = PV(B) − PV(C), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub npv: Decimal,
    /// B/C ratio (편익/비용 비율); absent when PV(C) is zero.
    pub bc_ratio: Option<f64>,
    /// The B/C from which the project is economically feasible (the rule set's, usually 1).
    pub bc_threshold: f64,
    /// B/C ≥ threshold.
    pub feasible: bool,
    /// IRR when unique (see `irr_detail`).
    pub irr: Option<f64>,
    /// Every root found, and why there is no single IRR when there is not.
    pub irr_detail: Irr,
    /// First year from which the cumulative discounted net flow stays non-negative (할인회수기간).
    pub payback_year: Option<i32>,
    /// Undiscounted totals, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub nominal_costs: Decimal,
    /// Undiscounted benefits, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub nominal_benefits: Decimal,
    /// PV by line.
    pub lines: Vec<LinePv>,
    /// The yearly cash-flow table.
    pub cash_flow: Vec<YearRow>,
    /// Sensitivity cases.
    pub sensitivity: Vec<SensitivityRow>,
    /// Switching values.
    pub switching_values: SwitchingValues,
}

/// Yearly sums of lines.
pub fn totals(lines: &[ExpandedLine<'_>], years: usize) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; years];
    for l in lines {
        for (o, a) in out.iter_mut().zip(&l.amounts) {
            *o += a;
        }
    }
    out
}

/// B/C as a number; `None` when there are no costs.
pub fn bc_ratio(pv_benefits: Decimal, pv_costs: Decimal) -> Option<f64> {
    if pv_costs.is_zero() { None } else { pv_benefits.checked_div(pv_costs).map(to_f64) }
}

/// IRR of yearly benefit and cost totals (already floats: IRR is root finding), each scaled.
fn irr_of(costs: &[f64], benefits: &[f64], cost_factor: f64, benefit_factor: f64) -> Irr {
    let net: Vec<f64> = costs.iter().zip(benefits).map(|(c, b)| b * benefit_factor - c * cost_factor).collect();
    irr::irr(&net)
}

/// Runs the economic analysis on expanded cost and benefit lines.
pub fn analyse(
    period: &Period,
    costs: &[ExpandedLine<'_>],
    benefits: &[ExpandedLine<'_>],
    bc_threshold: Decimal,
) -> Economic {
    let n = period.factors.len();
    let c = totals(costs, n);
    let b = totals(benefits, n);
    let pv_costs = period.pv(&c);
    let pv_benefits = period.pv(&b);
    let npv = pv_benefits - pv_costs;
    let bc = bc_ratio(pv_benefits, pv_costs);
    let feasible = pv_benefits >= pv_costs * bc_threshold && !pv_costs.is_zero();
    // The one crossing into floats for root finding.
    let (cf, bf): (Vec<f64>, Vec<f64>) =
        (c.iter().map(|x| to_f64(*x)).collect(), b.iter().map(|x| to_f64(*x)).collect());
    let irr_detail = irr_of(&cf, &bf, 1.0, 1.0);

    let mut lines = Vec::with_capacity(costs.len() + benefits.len());
    for group in [costs, benefits] {
        for l in group {
            lines.push(LinePv {
                origin: l.origin,
                list: l.list(),
                name: l.name.to_owned(),
                kind: l.kind,
                sunk: l.sunk,
                nominal: l.amounts.iter().sum(),
                pv: period.pv(&l.amounts),
            });
        }
    }

    let mut cash_flow = Vec::with_capacity(n);
    let mut cum = Decimal::ZERO;
    for i in 0..n {
        let year = period.first_year + i as i32;
        let df = period.factors[i];
        let (pc, pb) = (c[i] * df, b[i] * df);
        cum += pb - pc;
        cash_flow.push(YearRow {
            year,
            t: year - period.base_year,
            costs: c[i],
            benefits: b[i],
            net: b[i] - c[i],
            rate: to_f64(period.schedule.rate_in(year)),
            discount_factor: to_f64(df),
            pv_costs: pc,
            pv_benefits: pb,
            pv_net: pb - pc,
            cumulative_pv_net: cum,
        });
    }
    let payback_year = payback(&cash_flow);

    let sensitivity = sensitivity(period, (&c, &cf), (&b, &bf), pv_costs, pv_benefits, bc_threshold, irr_detail.value);
    let switching_values = SwitchingValues {
        costs_pct: if pv_costs.is_zero() { None } else { npv.checked_div(pv_costs).map(|x| to_f64(x) * 100.0) },
        benefits_pct: if pv_benefits.is_zero() {
            None
        } else {
            (-npv).checked_div(pv_benefits).map(|x| to_f64(x) * 100.0)
        },
        discount_rate: irr_detail.value,
    };

    Economic {
        convention: Convention::new(period.base_year),
        discount_schedule: period.schedule.clone(),
        pv_benefits,
        pv_costs,
        npv,
        bc_ratio: bc,
        bc_threshold: to_f64(bc_threshold),
        feasible,
        irr: irr_detail.value,
        irr_detail,
        payback_year,
        nominal_costs: c.iter().sum(),
        nominal_benefits: b.iter().sum(),
        lines,
        cash_flow,
        sensitivity,
        switching_values,
    }
}

/// First year after which the cumulative discounted net flow is non-negative for good.
fn payback(rows: &[YearRow]) -> Option<i32> {
    let last_negative = rows.iter().rposition(|r| r.cumulative_pv_net < Decimal::ZERO);
    let start = last_negative.map_or(0, |i| i + 1);
    // A period with nothing in it has no payback.
    let first_flow = rows.iter().position(|r| !r.costs.is_zero() || !r.benefits.is_zero())?;
    rows.get(start.max(first_flow)).map(|r| r.year)
}

/// Costs and benefits ±10/20 %, every rate ±1 percentage point.
fn sensitivity(
    period: &Period,
    (c, cf64): (&[Decimal], &[f64]),
    (b, bf64): (&[Decimal], &[f64]),
    pv_costs: Decimal,
    pv_benefits: Decimal,
    threshold: Decimal,
    base_irr: Option<f64>,
) -> Vec<SensitivityRow> {
    let pct = |p: i8| Decimal::ONE + Decimal::new(i64::from(p), 2);
    let mut cases: Vec<(SensitivityCase, Decimal, Decimal, i64)> =
        vec![(SensitivityCase::Base, Decimal::ONE, Decimal::ONE, 0)];
    for p in [10_i8, 20, -10, -20] {
        cases.push((SensitivityCase::Costs(p), pct(p), Decimal::ONE, 0));
    }
    for p in [10_i8, 20, -10, -20] {
        cases.push((SensitivityCase::Benefits(p), Decimal::ONE, pct(p), 0));
    }
    cases.push((SensitivityCase::Rate(1), Decimal::ONE, Decimal::ONE, 1));
    cases.push((SensitivityCase::Rate(-1), Decimal::ONE, Decimal::ONE, -1));
    cases
        .into_iter()
        .map(|(case, cf, bf, shift)| {
            let (pc, pb, irr) = if shift == 0 {
                (pv_costs * cf, pv_benefits * bf, irr_of(cf64, bf64, to_f64(cf), to_f64(bf)).value)
            } else {
                let p = Period::new(
                    period.schedule.shifted(Decimal::new(shift, 2)),
                    period.first_year,
                    period.first_year + c.len() as i32 - 1,
                );
                // IRR does not depend on the discount rate.
                (p.pv(c), p.pv(b), base_irr)
            };
            SensitivityRow {
                case,
                cost_factor: to_f64(cf),
                benefit_factor: to_f64(bf),
                rate_shift_pp: shift as f64,
                pv_benefits: pb,
                pv_costs: pc,
                npv: pb - pc,
                bc_ratio: bc_ratio(pb, pc),
                irr,
                feasible: !pc.is_zero() && pb >= pc * threshold,
            }
        })
        .collect()
}
