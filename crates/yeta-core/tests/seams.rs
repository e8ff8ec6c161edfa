//! Issue 12: the figures where the stages meet. Every expected value is a hand calculation, a
//! finite difference or an invariant written here — never the engine's own earlier output.

use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};
use std::str::FromStr;
use std::sync::atomic::AtomicBool;
use yeta_core::ahp::{project_to_ranges, score_range};
use yeta_core::econ::{List, Origin};
use yeta_core::risk::{Options, Variable, simulate_study};
use yeta_core::{Study, appraise};

fn fixture(name: &str) -> Value {
    let p = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(p).expect("fixture")).expect("json")
}

fn study(v: &Value) -> Study {
    Study::from_json(&v.to_string()).expect("parses")
}

fn f(d: Decimal) -> f64 {
    d.to_f64().expect("finite")
}

fn money(v: &Value) -> f64 {
    v.as_str().and_then(|s| f64::from_str(s).ok()).expect("money string")
}

/// The rail study with symmetric uncertainty on every study line, the carbon cost counted, an
/// optimism-bias uplift on capex and no rate uncertainty: the analytic expectation of NPV must
/// be the deterministic NPV, carbon and uplift included.
fn symmetric_rail() -> Value {
    let mut v = fixture("rail-wide-area.yeta.json");
    for list in ["costs", "benefits"] {
        for (i, l) in v[list].as_array_mut().expect("list").iter_mut().enumerate() {
            l["uncertainty"] = if i % 2 == 0 {
                json!({"dist": "triangular", "min": "0.8", "mode": "1", "max": "1.2"})
            } else {
                json!({"dist": "uniform", "min": "0.9", "max": "1.1", "group": "shared"})
            };
        }
    }
    v["parameters"].as_object_mut().expect("parameters").remove("discount_uncertainty");
    v["parameters"]["optimism_bias"] = json!({"project_type": "standard_civil_engineering"});
    v["environment"]["include_in_economics"] = json!(true);
    v
}

#[test]
fn monte_carlo_simulates_the_appraised_case_carbon_and_uplift_included() {
    let v = symmetric_rail();
    let s = study(&v);
    let a = appraise(&s, None).expect("appraises");
    let origins: Vec<Origin> = a.economic.lines.iter().map(|l| l.origin).collect();
    assert!(origins.contains(&Origin::Carbon) && origins.contains(&Origin::OptimismBias), "{origins:?}");
    let npv = f(a.economic.npv);
    let r = simulate_study(
        &s,
        Options { draws: 20_000, seed: 7, threads: 1, bins: 20 },
        &|_, _| {},
        &AtomicBool::new(false),
    )
    .expect("simulates");
    // Symmetric multipliers with mean 1: E[NPV] = NPV exactly (up to the rounding to whole won).
    let analytic = f(r.npv_expected_analytic.expect("fixed rate").0);
    assert!((analytic - npv).abs() <= 1.0, "analytic {analytic} vs NPV {npv}");
    let (mean, se) = (f(r.npv.mean.0), f(r.npv.se.0));
    assert!((mean - npv).abs() <= 4.0 * se, "mean {mean} vs NPV {npv}, SE {se}");
    assert!(r.held_fixed.iter().any(|n| n == yeta_core::environment::CARBON_LINE), "{:?}", r.held_fixed);
    assert!(r.derived.iter().any(|n| n == yeta_core::econ::optimism::LINE), "{:?}", r.derived);
}

#[test]
fn every_critical_variable_carries_its_own_line() {
    let v = symmetric_rail();
    let s = study(&v);
    let a = appraise(&s, None).expect("appraises");
    let r = simulate_study(&s, Options::default(), &|_, _| {}, &AtomicBool::new(false)).expect("simulates");
    let npv = f(a.economic.npv).abs();
    let mut lines = 0;
    for c in &r.critical_variables {
        let Variable::Line { list, origin } = c.variable else { continue };
        lines += 1;
        let l = a.economic.lines.iter().find(|l| l.origin == origin).expect("the variable's own line");
        assert_eq!(l.name, c.name, "name and origin agree");
        let sign = if list == List::Costs { -1.0 } else { 1.0 };
        let want = sign * f(l.pv) / npv;
        assert!((c.elasticity - want).abs() < 1e-9, "{}: {} vs ±PV/NPV {want}", c.name, c.elasticity);
    }
    assert!(lines > 0, "the rail study has critical lines");
}

/// The discount-rate elasticity against a finite difference computed through the public
/// interface: the same study with every rate of its schedule 1 % higher.
#[test]
fn discount_rate_elasticity_is_the_finite_difference() {
    let mut v = fixture("road-national-route.yeta.json");
    v["parameters"]["discount"] = json!([{"from_year": 2026, "rate": "0.045"}]);
    let base = appraise(&study(&v), None).expect("appraises");
    let mut up = v.clone();
    up["parameters"]["discount"] = json!([{"from_year": 2026, "rate": "0.04545"}]);
    let higher = appraise(&study(&up), None).expect("appraises");
    let (n0, n1) = (f(base.economic.npv), f(higher.economic.npv));
    let fd = (n1 - n0) / n0.abs() * 100.0;
    let r = simulate_study(&study(&v), Options::default(), &|_, _| {}, &AtomicBool::new(false)).expect("simulates");
    let c = r.critical_variables.iter().find(|c| c.variable == Variable::DiscountRate);
    match c {
        Some(c) => assert!((c.elasticity - fd).abs() < 1e-9 * fd.abs().max(1.0), "{} vs {fd}", c.elasticity),
        None => assert!(fd.abs() <= 1.0, "not listed, so |FD| = {fd} must be at most 1 %"),
    }
    // A later benefit stream loses more to a higher rate than the earlier costs: NPV falls.
    assert!(fd < 0.0, "{fd}");
}

#[test]
fn financial_npv_is_at_market_prices_whatever_the_carbon_switch() {
    let mut v = fixture("rail-wide-area.yeta.json");
    v["environment"]["include_in_economics"] = json!(true);
    let with = appraise(&study(&v), None).expect("appraises");
    v["environment"]["include_in_economics"] = json!(false);
    let without = appraise(&study(&v), None).expect("appraises");
    assert_eq!(with.financial.fnpv, without.financial.fnpv);
    assert_eq!(with.financial.pv_costs, without.financial.pv_costs);
    assert_ne!(with.economic.pv_costs, without.economic.pv_costs, "the economic analysis does count it");
}

/// Box ∩ simplex: the nearest allowed weighting, by the projection's optimality condition
/// (w − p)·(v − p) ≤ 0 for every allowed v, here the polytope's vertices and random points.
fn ranges_and_weights() -> impl Strategy<Value = (Vec<f64>, Vec<[f64; 2]>)> {
    (2usize..6).prop_flat_map(|n| {
        (prop::collection::vec(0.001f64..1.0, n), prop::collection::vec((0.0f64..0.5, 0.0f64..0.6), n)).prop_filter_map(
            "box meets the simplex",
            |(w, r)| {
                let sum: f64 = w.iter().sum();
                let w: Vec<f64> = w.iter().map(|x| x / sum).collect();
                let ranges: Vec<[f64; 2]> = r.iter().map(|(lo, width)| [*lo, (lo + width).min(1.0)]).collect();
                let lo: f64 = ranges.iter().map(|r| r[0]).sum();
                let hi: f64 = ranges.iter().map(|r| r[1]).sum();
                (lo <= 1.0 && hi >= 1.0).then_some((w, ranges))
            },
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
    #[test]
    fn projection_lies_in_the_box_sums_to_one_and_is_nearest((w, ranges) in ranges_and_weights(),
                                                              scores in prop::collection::vec(0.0f64..1.0, 6),
                                                              t in prop::collection::vec(0.0f64..1.0, 6)) {
        let p = project_to_ranges(&w, &ranges).expect("feasible box");
        let sum: f64 = p.iter().sum();
        prop_assert!((sum - 1.0).abs() < 1e-12, "sum {sum}");
        for (x, r) in p.iter().zip(&ranges) {
            prop_assert!(*x >= r[0] - 1e-12 && *x <= r[1] + 1e-12, "{x} outside {r:?}");
        }
        // A random allowed point: the lower bounds plus the rest spread by `t`, capped.
        let mut v: Vec<f64> = ranges.iter().map(|r| r[0]).collect();
        let mut left = 1.0 - v.iter().sum::<f64>();
        for (k, r) in ranges.iter().enumerate() {
            let add = (left * t[k]).min(r[1] - r[0]);
            v[k] += add;
            left -= add;
        }
        for (k, r) in ranges.iter().enumerate() {
            let add = left.min(r[1] - v[k]);
            v[k] += add;
            left -= add;
        }
        let dot: f64 = (0..w.len()).map(|k| (w[k] - p[k]) * (v[k] - p[k])).sum();
        prop_assert!(dot <= 1e-9, "not the nearest point: {dot}");
        // The score at the projected weights lies within the range over the allowed weights.
        let s = &scores[..w.len()];
        let score: f64 = p.iter().zip(s).map(|(a, b)| a * b).sum();
        let [lo, hi] = score_range(s, &ranges).expect("feasible");
        prop_assert!(score >= lo - 1e-12 && score <= hi + 1e-12, "{score} outside {lo}..{hi}");
    }
}

/// A panel that puts every top-level weight out of range at once (economic 9 × policy and
/// regional): the weights the verdict uses still sum to 1, lie in the ranges, and give a score
/// inside the study's own score range.
#[test]
fn every_weight_out_of_range_still_gives_a_verdict_on_allowed_weights() {
    let mut v = fixture("road-national-route.yeta.json");
    for ev in v["ahp"]["evaluators"].as_array_mut().expect("panel") {
        ev["criteria"]["goal"] = json!([[1, 9, 9], ["1/9", 1, 1], ["1/9", 1, 1]]);
    }
    let a = appraise(&study(&v), None).expect("appraises");
    let h = a.ahp.expect("AHP");
    let raw: Vec<f64> = h.criteria.iter().map(|c| c.weight_unconstrained).collect();
    assert!(
        h.criteria.iter().all(|c| {
            let r = c.range.expect("range");
            c.weight_unconstrained < r[0] || c.weight_unconstrained > r[1]
        }),
        "every weight out of range: {raw:?}"
    );
    let sum: f64 = h.criteria.iter().map(|c| c.weight).sum();
    assert!((sum - 1.0).abs() < 1e-12, "{sum}");
    for c in &h.criteria {
        let r = c.range.expect("range");
        assert!(c.weight >= r[0] - 1e-12 && c.weight <= r[1] + 1e-12, "{}: {}", c.id, c.weight);
    }
    assert!(h.score >= h.score_range[0] - 1e-12 && h.score <= h.score_range[1] + 1e-12);
    // By hand: (0.818, 0.091, 0.091) − τ against [0.30, 0.45] × [0.25, 0.40] × [0.30, 0.40]:
    // economic at its cap 0.45, policy at its floor 0.25, regional at 0.30 (τ = 0.368).
    let w: Vec<f64> = h.criteria.iter().map(|c| c.weight).collect();
    assert!((w[0] - 0.45).abs() < 1e-12 && (w[1] - 0.25).abs() < 1e-12 && (w[2] - 0.30).abs() < 1e-12, "{w:?}");
}

#[test]
fn a_bad_multiplier_table_is_an_error_naming_row_and_column() {
    let s = study(&fixture("rail-wide-area.yeta.json"));
    let table = "sector,production,value_added,employment_per_krw_bn,source\nconstruction,2.1,0.8,9,x\nict,inf,0.9,8,x\nother,1.9,0.8,7,x\n";
    let inputs = yeta_core::appraisal::Inputs { multipliers: Some(table), ..Default::default() };
    let e = yeta_core::appraisal::appraise_with(&s, &inputs).expect_err("refused");
    let text = e.to_string();
    assert!(text.contains("inputs.multipliers") && text.contains("line 3, column production"), "{text}");
}

/// Flows before the base year are sunk: the appraisal equals that of the study without them,
/// and a warning says how much was left out.
#[test]
fn sunk_costs_are_excluded_not_compounded() {
    let v = fixture("road-national-route.yeta.json");
    let base = appraise(&study(&v), None).expect("appraises");
    let mut sunk = v.clone();
    let first = v["parameters"]["base_year"].as_i64().expect("year") - 2;
    sunk["parameters"]["first_year"] = json!(first);
    sunk["costs"][0]["flows"].as_array_mut().expect("flows").push(json!({"year": first, "amount": "7000000000"}));
    let a = appraise(&study(&sunk), None).expect("appraises");
    assert_eq!(a.economic.pv_costs, base.economic.pv_costs);
    assert_eq!(a.economic.npv, base.economic.npv);
    let w = a.warnings.iter().find(|w| w.code == yeta_core::diag::Code::SunkCostsExcluded).expect("warned");
    assert_eq!(w.get("amount"), Some(&yeta_core::diag::Arg::Money(Decimal::from(7_000_000_000_i64))));
}

#[test]
fn carbon_too_large_for_exact_arithmetic_is_a_validation_error() {
    for (field, value) in [("tco2e", "500000000000000000000000"), ("tco2e", "2000000000000000000000000")] {
        let mut v = fixture("rail-wide-area.yeta.json");
        v["environment"]["embodied"] = json!([{"name": "x", "year": 2030, field: value}]);
        let e = appraise(&study(&v), None).expect_err("refused");
        assert!(e.to_string().contains("environment"), "{e}");
    }
    let mut v = fixture("ict-e-procurement.yeta.json");
    if let Some(src) =
        v["environment"]["energy"].as_array_mut().and_then(|a| a.iter_mut().find(|e| e["kind"] == "it_load"))
    {
        src["pue"] = json!("100000000000000000000");
        let e = appraise(&study(&v), None).expect_err("refused");
        assert!(e.to_string().contains(".pue"), "{e}");
    }
}

#[test]
fn energy_flows_are_validated_like_cost_lines() {
    let base = fixture("rail-wide-area.yeta.json");
    let energy = base["environment"]["energy"].as_array().expect("energy").clone();
    let (i, _) = energy.iter().enumerate().find(|(_, e)| e.get("flows").is_some()).expect("a source with flows");
    for (flow, want) in [
        (json!({"from": 2030, "to": 2040, "amount": "5", "growth": "10"}), "growth"),
        (json!({"from": 2040, "to": 2030, "amount": "5"}), "before `from`"),
        (json!({"from": 2030, "to": 2040, "amount": "5", "growth": "79228162514264337593543950335"}), "growth"),
    ] {
        let mut v = base.clone();
        v["environment"]["energy"][i]["flows"] = json!([flow]);
        let e = appraise(&study(&v), None).expect_err("refused");
        let text = e.to_string();
        assert!(text.contains(&format!("environment.energy[{i}].flows[0]")) && text.contains(want), "{text}");
    }
}

#[test]
fn financial_inputs_are_validated() {
    for rate in ["-1", "-0.99999", "-100", "-0.01", "1"] {
        let mut v = fixture("rail-wide-area.yeta.json");
        v["rules"]["overrides"]["financial_discount_rate"] = json!({"value": rate, "reason": "test"});
        let e = appraise(&study(&v), None).expect_err(rate);
        assert!(e.to_string().contains("financial_discount_rate"), "{e}");
    }
    let mut v = fixture("rail-wide-area.yeta.json");
    v["financing"]["local"] = json!("79228162514264337593543950335");
    let e = appraise(&study(&v), None).expect_err("refused");
    assert!(e.to_string().contains("financing.local"), "{e}");
}

#[test]
fn fixtures_keep_money_sums_exact_between_lines_and_totals() {
    for name in ["rail-wide-area.yeta.json", "road-national-route.yeta.json", "ict-e-procurement.yeta.json"] {
        let a = appraise(&study(&fixture(name)), None).expect("appraises");
        let pv: Decimal = a.economic.lines.iter().filter(|l| l.list == List::Costs).map(|l| l.pv).sum();
        // Equal to the last of Decimal's 28 digits but for rounding: under a thousandth of a won.
        assert!((pv - a.economic.pv_costs).abs() < Decimal::new(1, 3), "{name}: {pv} vs {}", a.economic.pv_costs);
        let json: Value = serde_json::from_str(&a.to_json()).expect("json");
        assert!((money(&json["economic"]["npv"]) - f(a.economic.npv)).abs() < 1.0);
    }
}
