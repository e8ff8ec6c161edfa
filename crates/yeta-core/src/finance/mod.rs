//! Financial analysis (재무성 분석): revenues against costs at the financial discount rate, FNPV,
//! profitability index (PI = PV(inflows) / PV(costs)), FIRR, and the funding split with a plain
//! financing-risk flag.
//!
//! The operator's cash flows at market prices, as the EU CBA guide (2014, §2.6 "Financial
//! analysis") sets them out: investment and operating costs (with the optimism-bias uplift, which
//! is an estimate of the same cash), revenues, and the residual value of the investment as an
//! inflow in the year the study places it. Shadow prices (잠재가격) such as the carbon value are
//! economic, not cash, and never enter the financial analysis, whatever
//! `environment.include_in_economics` says.

use crate::diag::{Code, Diagnostic};
use crate::econ::{self, ExpandedLine, Irr, Kind, Period, Schedule, to_f64};
use crate::study::BenefitKind;
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

/// One financing-risk finding: how serious, and the diagnostic the shells render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// How serious.
    pub level: RiskLevel,
    /// Code, field path and figures.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
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
    /// PV of the residual value counted as a financial inflow (EU CBA guide 2014, §2.6), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_residual_value: Decimal,
    /// PV of costs at the financial rate, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// FNPV = PV(revenues) + PV(residual value) − PV(costs), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub fnpv: Decimal,
    /// PI = PV(revenues + residual value) / PV(costs).
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

/// Runs the financial analysis on the appraisal's expanded lines: cash costs (shadow-priced lines
/// left out), revenues, and the residual-value benefit lines as inflows.
pub fn analyse(
    study: &Study,
    rate: Decimal,
    costs: &[ExpandedLine<'_>],
    benefits: &[ExpandedLine<'_>],
    revenues: &[ExpandedLine<'_>],
) -> Financial {
    let p = &study.parameters;
    let period = Period::new(Schedule::flat(p.base_year, rate), p.first_year, p.last_year);
    let n = period.factors.len();
    let cash_costs: Vec<ExpandedLine<'_>> = costs.iter().filter(|l| !l.kind.is_shadow_price()).cloned().collect();
    let residual: Vec<ExpandedLine<'_>> =
        benefits.iter().filter(|l| l.kind == Kind::Benefit(BenefitKind::ResidualValue)).cloned().collect();
    let c = econ::totals(&cash_costs, n);
    let r = econ::totals(revenues, n);
    let rv = econ::totals(&residual, n);
    let pv_costs = period.pv(&c);
    let pv_revenues = period.pv(&r);
    let pv_residual_value = period.pv(&rv);
    let inflows = pv_revenues + pv_residual_value;
    let fnpv = inflows - pv_costs;
    let net: Vec<f64> = c.iter().zip(&r).zip(&rv).map(|((c, r), v)| to_f64(r + v - c)).collect();
    let firr_detail = econ::irr::irr(&net);
    let funding = funding(study);
    let flags = flags(study, &funding, !revenues.is_empty(), fnpv);
    Financial {
        applicable: !revenues.is_empty(),
        discount_rate: to_f64(rate),
        pv_revenues,
        pv_residual_value,
        pv_costs,
        fnpv,
        profitability_index: econ::bc_ratio(inflows, pv_costs),
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
        // Validation bounds every amount by KRW 10^20, so this cannot overflow.
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
    let flag = |level, d| Flag { level, diagnostic: d };
    if let Some(max) = f.max_state_share
        && f.state_share > max + 1e-12
    {
        out.push(flag(
            RiskLevel::High,
            Diagnostic::new(Code::StateShareAbovePlan, "financing.state")
                .percent("share", f.state_share)
                .percent("max", max),
        ));
    }
    if !f.from_plan {
        if f.unallocated > Decimal::ZERO {
            out.push(flag(
                RiskLevel::Medium,
                Diagnostic::new(Code::NoFundingPlan, "financing").money("amount", f.unallocated),
            ));
        }
    } else if f.unallocated > Decimal::ZERO {
        out.push(flag(RiskLevel::High, Diagnostic::new(Code::FundingGap, "financing").money("amount", f.unallocated)));
    } else if f.unallocated < Decimal::ZERO {
        out.push(flag(
            RiskLevel::Medium,
            Diagnostic::new(Code::FundingExceedsCost, "financing").money("amount", -f.unallocated),
        ));
    }
    if f.from_plan && f.state != study.project.state_funding {
        out.push(flag(
            RiskLevel::Medium,
            Diagnostic::new(Code::StateFundingMismatch, "financing.state")
                .money("plan", f.state)
                .money("project", study.project.state_funding),
        ));
    }
    if f.private > Decimal::ZERO && (!has_revenues || fnpv < Decimal::ZERO) {
        out.push(flag(
            RiskLevel::High,
            if has_revenues {
                Diagnostic::new(Code::PrivateFnpvNegative, "financing.private")
                    .money("private", f.private)
                    .money("fnpv", fnpv)
            } else {
                Diagnostic::new(Code::PrivateWithoutRevenue, "financing.private").money("private", f.private)
            },
        ));
    }
    out
}
