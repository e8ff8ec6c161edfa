//! Financial analysis (재무성 분석): revenues against costs at the financial discount rate, FNPV,
//! profitability index (PI = PV(revenues) / PV(costs)), FIRR, and the funding split with a plain
//! financing-risk flag.

use crate::econ::{self, Flows, Irr, Period, Schedule, to_f64};
use crate::study::{Study, money};
use rust_decimal::Decimal;
use serde::Serialize;

/// How much of the funding plan is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// No flag raised.
    Low,
    /// Inconsistencies worth a look.
    Medium,
    /// The plan does not hold together as written.
    High,
}

/// One financing-risk finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// Stable code, e.g. `state_share_above_plan`.
    pub code: &'static str,
    /// How serious.
    pub level: RiskLevel,
    /// A sentence with the figures.
    pub message: String,
}

/// The funding split (재원 분담).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funding {
    /// Total project cost, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub total_cost: Decimal,
    /// State (국비), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub state: Decimal,
    /// Local government (지방비), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub local: Decimal,
    /// Private (민자), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub private: Decimal,
    /// Total cost not covered by any source (negative when over-funded), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub unallocated: Decimal,
    /// State share of total cost.
    pub state_share: f64,
    /// Local share.
    pub local_share: f64,
    /// Private share.
    pub private_share: f64,
    /// The largest state share the plan supports, if the study states one.
    pub max_state_share: Option<f64>,
    /// Whether the study has a funding plan, or only `project.state_funding`.
    pub from_plan: bool,
}

/// The financial analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Financial {
    /// The study has revenue lines.
    pub applicable: bool,
    /// Financial discount rate used.
    pub discount_rate: f64,
    /// PV of revenues, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_revenues: Decimal,
    /// PV of costs at the financial rate, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// FNPV = PV(revenues) − PV(costs), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub fnpv: Decimal,
    /// PI = PV(revenues) / PV(costs).
    pub profitability_index: Option<f64>,
    /// FIRR when unique.
    pub firr: Option<f64>,
    /// FIRR search detail.
    pub firr_detail: Irr,
    /// Funding split.
    pub funding: Funding,
    /// The worst flag's level.
    pub financing_risk: RiskLevel,
    /// Every finding.
    pub flags: Vec<Flag>,
}

/// Runs the financial analysis.
pub fn analyse(study: &Study, rate: Decimal, costs: &[Flows<'_>], revenues: &[Flows<'_>]) -> Financial {
    let p = &study.parameters;
    let period = Period::new(Schedule::flat(p.base_year, rate), p.first_year, p.last_year);
    let n = period.factors.len();
    let c = econ::totals(costs, n);
    let r = econ::totals(revenues, n);
    let pv_costs = period.pv(&c);
    let pv_revenues = period.pv(&r);
    let fnpv = pv_revenues - pv_costs;
    let net: Vec<f64> = c.iter().zip(&r).map(|(c, r)| to_f64(r - c)).collect();
    let firr_detail = econ::irr::irr(&net);
    let funding = funding(study);
    let flags = flags(study, &funding, !revenues.is_empty(), fnpv);
    Financial {
        applicable: !revenues.is_empty(),
        discount_rate: to_f64(rate),
        pv_revenues,
        pv_costs,
        fnpv,
        profitability_index: econ::bc_ratio(pv_revenues, pv_costs),
        firr: firr_detail.value,
        firr_detail,
        financing_risk: flags.iter().map(|f| f.level).max().unwrap_or(RiskLevel::Low),
        flags,
        funding,
    }
}

fn share(part: Decimal, total: Decimal) -> f64 {
    if total.is_zero() { 0.0 } else { part.checked_div(total).map_or(0.0, to_f64) }
}

fn funding(study: &Study) -> Funding {
    let total = study.project.total_cost;
    let (state, local, private, max, from_plan) = match &study.financing {
        Some(f) => (f.state, f.local, f.private, f.max_state_share, true),
        None => (study.project.state_funding, Decimal::ZERO, Decimal::ZERO, None, false),
    };
    Funding {
        total_cost: total,
        state,
        local,
        private,
        unallocated: total - state - local - private,
        state_share: share(state, total),
        local_share: share(local, total),
        private_share: share(private, total),
        max_state_share: max.map(to_f64),
        from_plan,
    }
}

fn flags(study: &Study, f: &Funding, has_revenues: bool, fnpv: Decimal) -> Vec<Flag> {
    let mut out = Vec::new();
    let pct = |x: f64| format!("{:.1} %", x * 100.0);
    let bn = |x: Decimal| format!("KRW {:.1} bn", to_f64(x) / 1e9);
    if let Some(max) = f.max_state_share
        && f.state_share > max + 1e-12
    {
        out.push(Flag {
            code: "state_share_above_plan",
            level: RiskLevel::High,
            message: format!("state share {} exceeds the {} the funding plan supports", pct(f.state_share), pct(max)),
        });
    }
    if !f.from_plan {
        if f.unallocated > Decimal::ZERO {
            out.push(Flag {
                code: "no_funding_plan",
                level: RiskLevel::Medium,
                message: format!(
                    "no funding plan: {} of the total cost has no stated source beyond state funding",
                    bn(f.unallocated)
                ),
            });
        }
    } else if f.unallocated > Decimal::ZERO {
        out.push(Flag {
            code: "funding_gap",
            level: RiskLevel::High,
            message: format!("the funding plan leaves {} of the total cost unfunded", bn(f.unallocated)),
        });
    } else if f.unallocated < Decimal::ZERO {
        out.push(Flag {
            code: "funding_exceeds_cost",
            level: RiskLevel::Medium,
            message: format!("the funding plan exceeds the total cost by {}", bn(-f.unallocated)),
        });
    }
    if f.from_plan && f.state != study.project.state_funding {
        out.push(Flag {
            code: "state_funding_mismatch",
            level: RiskLevel::Medium,
            message: format!(
                "financing.state ({}) differs from project.state_funding ({})",
                bn(f.state),
                bn(study.project.state_funding)
            ),
        });
    }
    if f.private > Decimal::ZERO && (!has_revenues || fnpv < Decimal::ZERO) {
        out.push(Flag {
            code: "private_share_not_covered_by_revenue",
            level: RiskLevel::High,
            message: if has_revenues {
                format!("private funding of {} relies on revenues, but FNPV is negative ({})", bn(f.private), bn(fnpv))
            } else {
                format!("private funding of {} with no revenue lines to repay it", bn(f.private))
            },
        });
    }
    out
}
