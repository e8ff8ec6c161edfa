//! Cost-effectiveness analysis (비용효과분석, E/C): where benefits cannot be monetised (the
//! 운용지침 allows it for ICT and other fiscal projects), the options are compared on the cost of
//! one unit of effect.
//!
//! For each effectiveness measure (효과 지표) with its unit and source, and each option that states
//! it: PV(E) = Σ Eₜ·DFₜ (effects discounted at the study's schedule, as costs are — Green Book and
//! EU practice; `discount_effects: false` sums them undiscounted and the result says so), the cost
//! per unit C/E = PV(C)/PV(E) in KRW, the effect per KRW 100 million E/C = PV(E)/PV(C) × 10⁸, and
//! against the base the incremental cost-effectiveness ratio ΔPV(C)/ΔPV(E). The preferred option
//! of a measure is the one with the lowest cost per unit. PV(C) of each option is the one the
//! alternatives comparison computes ([`crate::alternatives`]); without alternatives only the
//! proposed option (the study's own lines) is shown.
//!
//! When the AHP rests on E/C (`ahp.economic_analysis: "ec"`), the rule set's E/C weight ranges apply
//! (see [`crate::ahp`]).

use crate::econ::Period;
use crate::study::{CostKind, Flow, Line, Study, ValidationError, flows, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The study's `cost_effectiveness` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CostEffectivenessSection {
    /// The effectiveness measures, with the proposed option's effects by year.
    pub measures: Vec<Measure>,
    /// Discount effects at the study's schedule (default true).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub discount_effects: bool,
    /// The effects of the base case and the other options (by the names the alternatives give).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionEffects>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// An effectiveness measure (효과 지표).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Its name, e.g. `민원 처리시간 단축`.
    pub name: String,
    /// Its unit, e.g. `hours saved`, `cases processed`.
    pub unit: String,
    /// Where the figures come from.
    pub source: String,
    /// The proposed option's effects by year, in the unit.
    pub flows: Vec<Flow>,
}

/// Another option's effects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionEffects {
    /// The option's name: the alternatives' base or one of its options.
    pub option: String,
    /// Its effects by measure.
    pub effects: Vec<EffectFlows>,
}

/// One measure's effects of an option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EffectFlows {
    /// The measure's name.
    pub measure: String,
    /// Effects by year, in the measure's unit.
    pub flows: Vec<Flow>,
}

/// An option's figures on one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionEc {
    /// Option name.
    pub option: String,
    /// Base, proposed or option.
    pub role: crate::alternatives::Role,
    /// PV of its costs, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_costs: Decimal,
    /// Σ effects, undiscounted.
    #[serde(serialize_with = "money::serialize_out")]
    pub effects: Decimal,
    /// PV(E) (Σ effects when not discounted).
    #[serde(serialize_with = "money::serialize_out")]
    pub pv_effects: Decimal,
    /// PV(C)/PV(E), KRW per unit; absent when PV(E) is not positive.
    pub cost_per_unit: Option<f64>,
    /// PV(E)/PV(C) × 10⁸: units per KRW 100 million (1억원); absent when PV(C) is zero.
    pub effect_per_100m_krw: Option<f64>,
    /// ΔPV(C)/ΔPV(E) against the base; absent for the base or when ΔPV(E) is zero.
    pub incremental_cost_per_unit: Option<f64>,
}

/// A measure's comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureResult {
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Source.
    pub source: String,
    /// The options that state this measure: base first, then proposed, then others.
    pub options: Vec<OptionEc>,
    /// The option with the lowest cost per unit.
    pub preferred: Option<String>,
}

/// The cost-effectiveness analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostEffectivenessResult {
    /// Effects were discounted.
    pub discounted: bool,
    /// The rule, as a code: `lowest_cost_per_unit_of_effect`.
    pub rule: &'static str,
    /// By measure.
    pub measures: Vec<MeasureResult>,
}

/// The preferred-option rule's code.
pub const RULE: &str = "lowest_cost_per_unit_of_effect";

fn effect_line(flows: &[Flow]) -> Line<CostKind> {
    Line {
        name: String::new(),
        kind: CostKind::Other,
        source: None,
        quantity_unit: None,
        unit_value: None,
        flows: flows.to_vec(),
        demand: None,
        uncertainty: None,
    }
}

/// Checks the section: measures named once with a unit and a source, flows in the period and not
/// negative, options and measures that exist.
pub fn validate(study: &Study) -> Vec<ValidationError> {
    let mut v = Vec::new();
    let Some(s) = &study.cost_effectiveness else { return v };
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    if s.measures.is_empty() {
        v.push(ValidationError::new("cost_effectiveness.measures", "give at least one effectiveness measure"));
    }
    let mut check_flows = |at: String, fl: &[Flow]| match flows::expand(&effect_line(fl), first, last) {
        Err(e) => v.push(ValidationError::new(format!("{at}.flows[{}]", e.flow), e.message)),
        Ok(a) => {
            if let Some((i, x)) = a.iter().enumerate().find(|(_, x)| x.is_sign_negative() && !x.is_zero()) {
                v.push(ValidationError::new(
                    format!("{at}.flows"),
                    format!("an effect cannot be negative: {x} in {}", first + i as i32),
                ));
            }
        }
    };
    for (i, m) in s.measures.iter().enumerate() {
        check_flows(format!("cost_effectiveness.measures[{i}]"), &m.flows);
    }
    let mut problems = Vec::new();
    for (i, m) in s.measures.iter().enumerate() {
        let at = format!("cost_effectiveness.measures[{i}]");
        if m.name.trim().is_empty() {
            problems.push(ValidationError::new(format!("{at}.name"), "a measure needs a name"));
        }
        if m.unit.trim().is_empty() {
            problems.push(ValidationError::new(format!("{at}.unit"), "a measure needs its unit"));
        }
        if m.source.trim().is_empty() {
            problems.push(ValidationError::new(format!("{at}.source"), "a measure needs its source"));
        }
        if s.measures[..i].iter().any(|x| x.name == m.name) {
            problems.push(ValidationError::new(format!("{at}.name"), format!("\"{}\" is named twice", m.name)));
        }
    }
    let names: Vec<&str> = match &study.alternatives {
        Some(a) => std::iter::once(a.base.name.as_str()).chain(a.options.iter().map(|o| o.name.as_str())).collect(),
        None => Vec::new(),
    };
    for (i, o) in s.options.iter().enumerate() {
        let at = format!("cost_effectiveness.options[{i}]");
        if !names.contains(&o.option.as_str()) {
            problems.push(ValidationError::new(
                format!("{at}.option"),
                format!(
                    "\"{}\" is not the base case or an option of the alternatives section{}",
                    o.option,
                    if names.is_empty() { String::new() } else { format!(" ({})", names.join(", ")) }
                ),
            ));
        }
        for (j, e) in o.effects.iter().enumerate() {
            if !s.measures.iter().any(|m| m.name == e.measure) {
                problems.push(ValidationError::new(
                    format!("{at}.effects[{j}].measure"),
                    format!("\"{}\" is not a measure of the section", e.measure),
                ));
            }
            check_flows(format!("{at}.effects[{j}]"), &e.flows);
        }
    }
    v.extend(problems);
    v
}

/// The analysis: `proposed_pv_costs` is the study's PV(C); `alternatives` gives the others'.
pub fn appraise(
    study: &Study,
    period: &Period,
    proposed_pv_costs: Decimal,
    alternatives: Option<&crate::alternatives::AlternativesResult>,
) -> Option<CostEffectivenessResult> {
    use crate::alternatives::Role;
    let s = study.cost_effectiveness.as_ref()?;
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let sunk_years = usize::try_from(i64::from(study.parameters.base_year) - i64::from(first)).unwrap_or(0);
    // Effects before the base year are past, like sunk costs: not counted.
    let totals = |fl: &[Flow]| -> Option<(Decimal, Decimal)> {
        let mut a = flows::expand(&effect_line(fl), first, last).ok()?;
        for x in a.iter_mut().take(sunk_years) {
            *x = Decimal::ZERO;
        }
        let sum = a.iter().try_fold(Decimal::ZERO, |t, x| t.checked_add(*x))?;
        Some((sum, if s.discount_effects { period.pv(&a) } else { sum }))
    };
    let options: Vec<(String, Role, Decimal)> = match alternatives {
        Some(a) => a.options.iter().map(|o| (o.name.clone(), o.role, o.pv_costs)).collect(),
        None => vec![(String::new(), Role::Proposed, proposed_pv_costs)],
    };
    let measures = s
        .measures
        .iter()
        .map(|m| {
            let mut rows: Vec<OptionEc> = Vec::new();
            for (name, role, pv_costs) in &options {
                let fl = if *role == Role::Proposed {
                    Some(m.flows.as_slice())
                } else {
                    s.options
                        .iter()
                        .find(|o| &o.option == name)
                        .and_then(|o| o.effects.iter().find(|e| e.measure == m.name))
                        .map(|e| e.flows.as_slice())
                };
                let Some((effects, pv_effects)) = fl.and_then(totals) else { continue };
                let ratio = |a: Decimal, b: Decimal| {
                    (b > Decimal::ZERO).then(|| a.checked_div(b)).flatten().map(crate::econ::to_f64)
                };
                rows.push(OptionEc {
                    option: name.clone(),
                    role: *role,
                    pv_costs: *pv_costs,
                    effects,
                    pv_effects,
                    cost_per_unit: ratio(*pv_costs, pv_effects),
                    effect_per_100m_krw: ratio(pv_effects, *pv_costs).map(|x| x * 1e8),
                    incremental_cost_per_unit: None,
                });
            }
            if let Some(base) = rows.iter().find(|r| r.role == Role::Base).map(|r| (r.pv_costs, r.pv_effects)) {
                for r in rows.iter_mut().filter(|r| r.role != Role::Base) {
                    let de = r.pv_effects - base.1;
                    r.incremental_cost_per_unit = (!de.is_zero())
                        .then(|| (r.pv_costs - base.0).checked_div(de))
                        .flatten()
                        .map(crate::econ::to_f64);
                }
            }
            let preferred = rows
                .iter()
                .filter_map(|r| r.cost_per_unit.map(|c| (c, &r.option)))
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, n)| n.clone());
            MeasureResult {
                name: m.name.clone(),
                unit: m.unit.clone(),
                source: m.source.clone(),
                options: rows,
                preferred,
            }
        })
        .collect();
    Some(CostEffectivenessResult { discounted: s.discount_effects, rule: RULE, measures })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    /// Rate 10 % from base year 2025; proposed costs 1,100 in 2026 (PV 1,000); the base case costs
    /// 220 in 2026 (PV 200); the option "Small" drops nothing and adds nothing (same cost).
    fn study(ec: &str) -> String {
        format!(
            r#"{{
  "format": "yeta-study/1",
  "project": {{ "name": "EC", "sponsor": "Test", "sector": "ict", "region": "KR-11",
               "total_cost": "1100", "state_funding": "1100" }},
  "parameters": {{ "base_year": 2025, "first_year": 2026, "last_year": 2028,
                  "discount": [ {{ "from_year": 2025, "rate": "0.1" }} ] }},
  "costs": [ {{ "name": "Build", "kind": "capex", "flows": [ {{ "year": 2026, "amount": "1100" }} ] }} ],
  "alternatives": {{ "proposed": "New system", "base": {{ "name": "Keep", "costs": [ {{ "name": "Patch", "kind": "capex",
      "flows": [ {{ "year": 2026, "amount": "220" }} ] }} ] }} }},
  "cost_effectiveness": {ec}
}}"#
        )
    }

    #[test]
    fn cost_per_unit_and_incremental_ratio_by_hand() {
        // Proposed: 121 hours in 2027 and 133.1 in 2028 → PV(E) = 121/1.21 + 133.1/1.331 = 100 + 100
        // = 200; C/E = 1,000/200 = 5 KRW per hour; E/C = 200/1,000 × 10⁸ = 2 × 10⁷ per 1억원.
        // Base: 60.5 in 2027 → PV(E) 50; C/E = 200/50 = 4; ICER = (1,000 − 200)/(200 − 50) = 5.3333.
        // The base case is cheaper per hour: it is preferred.
        let ec = r#"{ "measures": [ { "name": "Hours", "unit": "hours saved", "source": "hand",
            "flows": [ { "year": 2027, "amount": "121" }, { "year": 2028, "amount": "133.1" } ] } ],
          "options": [ { "option": "Keep", "effects": [ { "measure": "Hours", "flows": [ { "year": 2027, "amount": "60.5" } ] } ] } ] }"#;
        let a = crate::appraise_json(&study(ec), None).expect("appraises");
        let r = a.cost_effectiveness.expect("E/C");
        assert!(r.discounted);
        let m = &r.measures[0];
        let by = |n: &str| m.options.iter().find(|o| o.option == n).expect("option");
        let p = by("New system");
        assert_eq!(p.pv_effects.round_dp(10), d("200"));
        assert!((p.cost_per_unit.expect("c/e") - 5.0).abs() < 1e-9);
        assert!((p.effect_per_100m_krw.expect("e/c") - 2e7).abs() < 1e-3);
        assert!((p.incremental_cost_per_unit.expect("icer") - 800.0 / 150.0).abs() < 1e-9);
        let b = by("Keep");
        assert_eq!(b.pv_effects.round_dp(10), d("50"));
        assert!((b.cost_per_unit.expect("c/e") - 4.0).abs() < 1e-9);
        assert_eq!(m.preferred.as_deref(), Some("Keep"));
    }

    #[test]
    fn undiscounted_effects_when_asked() {
        let ec = r#"{ "discount_effects": false, "measures": [ { "name": "Hours", "unit": "h", "source": "hand",
            "flows": [ { "year": 2027, "amount": "121" }, { "year": 2028, "amount": "133.1" } ] } ] }"#;
        let a = crate::appraise_json(&study(ec), None).expect("appraises");
        let r = a.cost_effectiveness.expect("E/C");
        // Σ = 254.1, C/E = 1,000/254.1 = 3.935458.
        let p = &r.measures[0].options.iter().find(|o| o.option == "New system").expect("p");
        assert_eq!(p.pv_effects, d("254.1"));
        assert!((p.cost_per_unit.expect("c/e") - 1000.0 / 254.1).abs() < 1e-6);
    }

    #[test]
    fn unknown_options_measures_and_negative_effects_are_named() {
        let ec = r#"{ "measures": [ { "name": "Hours", "unit": "", "source": "hand",
            "flows": [ { "year": 2027, "amount": "-1" } ] } ],
          "options": [ { "option": "Kep", "effects": [ { "measure": "Hour", "flows": [] } ] } ] }"#;
        let e = crate::appraise_json(&study(ec), None).expect_err("refused").to_string();
        assert!(e.contains("cost_effectiveness.measures[0].unit"), "{e}");
        assert!(e.contains("cost_effectiveness.measures[0].flows") && e.contains("-1"), "{e}");
        assert!(e.contains("cost_effectiveness.options[0].option") && e.contains("\"Kep\""), "{e}");
        assert!(e.contains("cost_effectiveness.options[0].effects[0].measure"), "{e}");
    }
}
