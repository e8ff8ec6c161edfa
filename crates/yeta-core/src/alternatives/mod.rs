//! Alternatives (대안 검토; Green Book short list, EU option analysis): a do-minimum base case and
//! options, each appraised on its own and incrementally against the base, and the preferred option
//! by a stated rule.
//!
//! The study's own lines are the proposed option. The base case (do-minimum, 최소투자대안) has its
//! own cost and benefit lines. Each further option is the proposed option with some study lines
//! removed and its own lines added. For every option: PV(B), PV(C), NPV, B/C; against the base:
//! ΔPV(C) = PV(C)ₒ − PV(C)_base, ΔPV(B), ΔNPV = ΔPV(B) − ΔPV(C), incremental B/C = ΔPV(B)/ΔPV(C).
//!
//! Preferred option (the rule, stated in the result): the highest NPV among the options whose own
//! B/C and incremental B/C against the base both reach the rule set's B/C threshold; none when no
//! option does (then the base case stands).

use crate::econ::{ExpandedLine, Period, bc_ratio};
use crate::study::{BenefitKind, CostKind, Line, Study, ValidationError, flows, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The study's alternatives section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlternativesSection {
    /// The name of the proposed option (the study's own lines).
    pub proposed: String,
    /// The base case (do-minimum).
    pub base: Case,
    /// Further options: the proposed lines with some removed and others added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionCase>,
}

/// The base case: its own lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Its name, e.g. `Do-minimum: bus priority on the existing road`.
    pub name: String,
    /// What it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Its cost lines.
    #[serde(default)]
    pub costs: Vec<Line<CostKind>>,
    /// Its benefit lines (against doing nothing).
    #[serde(default)]
    pub benefits: Vec<Line<BenefitKind>>,
}

/// An option derived from the proposed one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionCase {
    /// Its name.
    pub name: String,
    /// What it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Names of the study's cost or benefit lines it leaves out.
    #[serde(default)]
    pub remove: Vec<String>,
    /// Cost lines it adds.
    #[serde(default)]
    pub costs: Vec<Line<CostKind>>,
    /// Benefit lines it adds.
    #[serde(default)]
    pub benefits: Vec<Line<BenefitKind>>,
}

/// One option's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionResult {
    /// Name.
    pub name: String,
    /// `base`, `proposed` or `option`.
    pub role: Role,
    /// PV of benefits, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_benefits: Decimal,
    /// PV of costs, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// NPV, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub npv: Decimal,
    /// B/C.
    pub bc_ratio: Option<f64>,
    /// ΔPV(B) against the base, KRW (zero for the base).
    #[serde(serialize_with = "money::serialize_out")]
    pub delta_pv_benefits: Decimal,
    /// ΔPV(C) against the base, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub delta_pv_costs: Decimal,
    /// ΔNPV against the base, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub delta_npv: Decimal,
    /// ΔPV(B)/ΔPV(C); absent for the base or when ΔPV(C) is zero.
    pub incremental_bc: Option<f64>,
    /// Both B/C and incremental B/C reach the threshold.
    pub qualifies: bool,
}

/// An option's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The do-minimum base case.
    Base,
    /// The study's own lines.
    Proposed,
    /// A further option.
    Option,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlternativesResult {
    /// Base first, then the proposed option, then the others.
    pub options: Vec<OptionResult>,
    /// The rule, as a code: `highest_npv_with_bc_and_incremental_bc_at_threshold`.
    pub rule: &'static str,
    /// The threshold the rule uses (the rule set's B/C threshold).
    pub threshold: f64,
    /// The preferred option's name; absent when none qualifies (the base case stands).
    pub preferred: Option<String>,
}

/// The rule's code.
pub const RULE: &str = "highest_npv_with_bc_and_incremental_bc_at_threshold";

/// Checks the section's lines (flows within the period, names known).
pub fn validate(study: &Study) -> Vec<ValidationError> {
    let mut v = Vec::new();
    let Some(s) = &study.alternatives else { return v };
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let mut check = |at: String, flows_of: Result<Vec<Decimal>, flows::FlowError>| {
        if let Err(e) = flows_of {
            v.push(ValidationError::new(format!("{at}.flows[{}]", e.flow), e.message));
        }
    };
    for (i, l) in s.base.costs.iter().enumerate() {
        check(format!("alternatives.base.costs[{i}]"), flows::expand(l, first, last));
    }
    for (i, l) in s.base.benefits.iter().enumerate() {
        check(format!("alternatives.base.benefits[{i}]"), flows::expand(l, first, last));
    }
    for (k, o) in s.options.iter().enumerate() {
        for (i, l) in o.costs.iter().enumerate() {
            check(format!("alternatives.options[{k}].costs[{i}]"), flows::expand(l, first, last));
        }
        for (i, l) in o.benefits.iter().enumerate() {
            check(format!("alternatives.options[{k}].benefits[{i}]"), flows::expand(l, first, last));
        }
    }
    for (k, o) in s.options.iter().enumerate() {
        for (j, n) in o.remove.iter().enumerate() {
            if !study.costs.iter().any(|l| &l.name == n) && !study.benefits.iter().any(|l| &l.name == n) {
                v.push(ValidationError::new(
                    format!("alternatives.options[{k}].remove[{j}]"),
                    format!("\"{n}\" is not the name of a cost or benefit line of the study"),
                ));
            }
        }
    }
    v
}

fn pv_lines<K>(period: &Period, lines: &[Line<K>], first: i32, last: i32, sunk_years: usize) -> Decimal {
    lines
        .iter()
        .filter_map(|l| flows::expand(l, first, last).ok())
        .map(|mut a| {
            for x in a.iter_mut().take(sunk_years) {
                *x = Decimal::ZERO;
            }
            period.pv(&a)
        })
        .sum()
}

/// Appraises the options against the base (`costs`, `benefits`: the proposed case as expanded).
pub fn appraise(
    study: &Study,
    period: &Period,
    costs: &[ExpandedLine<'_>],
    benefits: &[ExpandedLine<'_>],
    threshold: Decimal,
) -> Option<AlternativesResult> {
    let s = study.alternatives.as_ref()?;
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let sunk_years = usize::try_from(i64::from(study.parameters.base_year) - i64::from(first)).unwrap_or(0);
    let pv_of = |ls: &[ExpandedLine<'_>], remove: &[String]| -> Decimal {
        ls.iter()
            .filter(|l| !(l.origin.path().is_some() && remove.iter().any(|n| n == l.name)))
            .map(|l| period.pv(&l.amounts))
            .sum()
    };
    let base_c = pv_lines(period, &s.base.costs, first, last, sunk_years);
    let base_b = pv_lines(period, &s.base.benefits, first, last, sunk_years);
    let row = |name: &str, role: Role, pb: Decimal, pc: Decimal| {
        let (db, dc) = (pb - base_b, pc - base_c);
        let bc = bc_ratio(pb, pc);
        let inc = if role == Role::Base || dc.is_zero() { None } else { bc_ratio(db, dc) };
        let qualifies = role != Role::Base
            && !pc.is_zero()
            && pb >= pc * threshold
            // An increment that saves cost needs no more benefit; one that adds cost needs ΔB/ΔC ≥ threshold.
            && ((dc <= Decimal::ZERO && db >= Decimal::ZERO) || (dc > Decimal::ZERO && db >= dc * threshold));
        OptionResult {
            name: name.to_owned(),
            role,
            pv_benefits: pb,
            pv_costs: pc,
            npv: pb - pc,
            bc_ratio: bc,
            delta_pv_benefits: db,
            delta_pv_costs: dc,
            delta_npv: db - dc,
            incremental_bc: inc,
            qualifies,
        }
    };
    let mut options = vec![row(&s.base.name, Role::Base, base_b, base_c)];
    options.push(row(&s.proposed, Role::Proposed, pv_of(benefits, &[]), pv_of(costs, &[])));
    for o in &s.options {
        let pb = pv_of(benefits, &o.remove) + pv_lines(period, &o.benefits, first, last, sunk_years);
        let pc = pv_of(costs, &o.remove) + pv_lines(period, &o.costs, first, last, sunk_years);
        options.push(row(&o.name, Role::Option, pb, pc));
    }
    let preferred = options.iter().filter(|o| o.qualifies).max_by(|a, b| a.npv.cmp(&b.npv)).map(|o| o.name.clone());
    Some(AlternativesResult { options, rule: RULE, threshold: crate::econ::to_f64(threshold), preferred })
}

#[cfg(test)]
mod tests {
    #[test]
    fn incremental_bc_of_two_options_by_hand() {
        // Rate 10 % flat (the study's own schedule), base year 2025, period 2026–2027:
        // DF(2026) = 1/1.1 = 0.9090909, DF(2027) = 1/1.21 = 0.8264463.
        // Base (do-minimum): cost 11 in 2026 → PV(C) 10; benefit 24.2 in 2027 → PV(B) 20.
        // Proposed: cost 110 in 2026 → PV(C) 100; benefit 242 in 2027 → PV(B) 200.
        //   NPV 100, B/C 2; ΔPV(C) 90, ΔPV(B) 180, ΔNPV 90, incremental B/C 2.
        // Option "Smaller": proposed minus its cost and benefit, plus cost 55 (PV 50) and
        //   benefit 77.44 (PV 77.44/1.21 = 64): NPV 14, B/C 1.28; ΔPV(C) 50 − 10 = 40,
        //   ΔPV(B) 64 − 20 = 44, ΔNPV 4, incremental B/C 44/40 = 1.1.
        // Both qualify (B/C and incremental B/C ≥ 1); preferred: highest NPV = Proposed.
        let text = r#"{
          "format": "yeta-study/1",
          "project": {"name": "t", "sponsor": "s", "sector": "road", "region": "KR-11",
                      "total_cost": "110", "state_funding": "50"},
          "parameters": {"base_year": 2025, "first_year": 2026, "last_year": 2027,
                         "discount": [{"from_year": 2026, "rate": "0.1"}]},
          "costs": [{"name": "Build", "kind": "capex", "flows": [{"year": 2026, "amount": "110"}]}],
          "benefits": [{"name": "Time", "kind": "travel_time", "flows": [{"year": 2027, "amount": "242"}]}],
          "alternatives": {
            "proposed": "Proposed",
            "base": {"name": "Do-minimum",
                     "costs": [{"name": "Patch", "kind": "capex", "flows": [{"year": 2026, "amount": "11"}]}],
                     "benefits": [{"name": "Some time", "kind": "travel_time", "flows": [{"year": 2027, "amount": "24.2"}]}]},
            "options": [{"name": "Smaller", "remove": ["Build", "Time"],
                         "costs": [{"name": "Small build", "kind": "capex", "flows": [{"year": 2026, "amount": "55"}]}],
                         "benefits": [{"name": "Less time", "kind": "travel_time", "flows": [{"year": 2027, "amount": "77.44"}]}]}]
          }
        }"#;
        let a = crate::appraise_json(text, None).expect("appraises");
        let r = a.alternatives.expect("alternatives");
        let close = |x: rust_decimal::Decimal, y: f64| (crate::econ::to_f64(x) - y).abs() < 1e-9;
        let (b, p, s) = (&r.options[0], &r.options[1], &r.options[2]);
        assert!(close(b.pv_costs, 10.0) && close(b.pv_benefits, 20.0));
        assert!(close(p.pv_costs, 100.0) && close(p.pv_benefits, 200.0) && close(p.npv, 100.0));
        assert!(close(p.delta_pv_costs, 90.0) && close(p.delta_pv_benefits, 180.0) && close(p.delta_npv, 90.0));
        assert!((p.incremental_bc.expect("inc") - 2.0).abs() < 1e-12);
        assert!(close(s.pv_costs, 50.0) && close(s.pv_benefits, 64.0) && close(s.npv, 14.0));
        assert!((s.bc_ratio.expect("bc") - 1.28).abs() < 1e-12);
        assert!(close(s.delta_pv_costs, 40.0) && close(s.delta_pv_benefits, 44.0) && close(s.delta_npv, 4.0));
        assert!((s.incremental_bc.expect("inc") - 1.1).abs() < 1e-12);
        assert!(p.qualifies && s.qualifies && !b.qualifies);
        assert_eq!(r.preferred.as_deref(), Some("Proposed"));
    }
}
