//! Plausibility warnings, each from a hand-written study whose figures are worked out by hand
//! in the comments; thresholds are those of kr-pfs-2026's `plausibility` section (0.2, 0.5, 0.2,
//! ICT/R&D phased, 10 %, 0.5–2, 10×).

use serde_json::{Value, json};
use yeta_core::diag::{Arg, Code, Diagnostic};
use yeta_core::study::plausible::warnings;
use yeta_core::{RuleSet, Study};

/// Road, 2026–2040: capex 100 in 2026 and 2027 (= the total cost 200), opex 10 a year from
/// 2028, benefits 60 a year 2028–2040.
fn base() -> Value {
    json!({
        "format": "yeta-study/1",
        "project": { "name": "Test", "sponsor": "Test ministry", "sector": "road", "region": "KR-43",
                     "total_cost": "200", "state_funding": "100" },
        "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2040 },
        "costs": [
            { "name": "Build", "kind": "capex", "flows": [ { "from": 2026, "to": 2027, "amount": "100" } ] },
            { "name": "Run", "kind": "opex", "flows": [ { "from": 2028, "to": 2040, "amount": "10" } ] }
        ],
        "benefits": [ { "name": "Time", "kind": "travel_time", "flows": [ { "from": 2028, "to": 2040, "amount": "60" } ] } ]
    })
}

fn warn(v: &Value) -> Vec<Diagnostic> {
    let study = Study::from_json(&v.to_string()).expect("reads");
    yeta_core::study::validate(&study).expect("valid");
    warnings(&study, &RuleSet::builtin("kr-pfs-2026").expect("rules"))
}

fn codes(w: &[Diagnostic]) -> Vec<Code> {
    w.iter().map(|d| d.code).collect()
}

fn text(d: &Diagnostic, name: &str) -> String {
    match d.get(name) {
        Some(Arg::Text(s)) => s.clone(),
        Some(Arg::Integer(i)) => i.to_string(),
        Some(Arg::Ratio(x) | Arg::Percent(x)) => format!("{x:.6}"),
        Some(Arg::Money(m)) => m.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_plain_study_has_no_warning() {
    assert!(warn(&base()).is_empty(), "{:?}", warn(&base()));
}

#[test]
fn a_growth_of_one_is_a_percent_typed_as_a_fraction() {
    let mut v = base();
    v["benefits"][0]["flows"][0]["growth"] = json!("1"); // meant 1 %: read as +100 %/yr
    v["costs"][1]["flows"][0]["growth"] = json!("0.25"); // 25 %/yr: high, not a percent
    let w = warn(&v);
    let rate = w.iter().find(|d| d.code == Code::RateAsPercent).expect("rate as percent");
    assert_eq!(rate.path, "benefits[0].flows[0].growth");
    assert_eq!(
        (text(rate, "value"), text(rate, "percent"), text(rate, "suggest")),
        ("1".into(), "1.000000".into(), "0.01".into())
    );
    let high = w.iter().find(|d| d.code == Code::HighGrowth).expect("high growth");
    assert_eq!((high.path.as_str(), text(high, "growth")), ("costs[1].flows[0].growth", "0.250000".into()));
    assert_eq!(w.iter().filter(|d| d.code == Code::HighGrowth).count(), 1, "growth 1 is not also high growth: {w:?}");
}

#[test]
fn a_discount_rate_of_forty_five_percent_is_suspect_and_four_point_five_is_refused() {
    let mut v = base();
    v["parameters"]["discount"] = json!([{ "from_year": 2026, "rate": "0.45" }]);
    let w = warn(&v);
    let d = w.iter().find(|d| d.code == Code::RateAsPercent).expect("warned");
    assert_eq!((d.path.as_str(), text(d, "suggest")), ("parameters.discount[0].rate", "0.0045".into()));
    v["parameters"]["discount"] = json!([{ "from_year": 2026, "rate": "4.5" }]);
    let e =
        Study::from_json(&v.to_string()).map(|s| yeta_core::study::validate(&s)).expect("reads").expect_err("refused");
    assert!(e[0].to_string().contains("4.5 is outside [0, 1); a rate is a fraction (write 0.045 for 4.5 %)"), "{e:?}");
}

#[test]
fn benefits_before_construction_ends_outside_phased_sectors() {
    let mut v = base();
    // Capex to 2028, benefits from 2027: the first benefit is a year before the last capex.
    v["costs"][0]["flows"][0]["to"] = json!(2028);
    v["project"]["total_cost"] = json!("300");
    v["benefits"][0]["flows"][0]["from"] = json!(2027);
    let w = warn(&v);
    let d = w.iter().find(|d| d.code == Code::BenefitsBeforeCapexEnd).expect("warned");
    assert_eq!((text(d, "first_benefit"), text(d, "last_capex")), ("2027".into(), "2028".into()));
    // An ICT roll-out may overlap.
    v["project"]["sector"] = json!("ict");
    assert!(!codes(&warn(&v)).contains(&Code::BenefitsBeforeCapexEnd));
}

#[test]
fn a_reinvestment_in_the_last_year_wants_a_residual_value() {
    let mut v = base();
    v["costs"]
        .as_array_mut()
        .expect("costs")
        .push(json!({ "name": "Refresh", "kind": "재투자비", "flows": [ { "year": "2040년", "amount": "30" } ] }));
    let w = warn(&v);
    let d = w.iter().find(|d| d.code == Code::ReinvestmentWithoutResidual).expect("warned");
    assert_eq!((d.path.as_str(), text(d, "year"), text(d, "line")), ("costs[2]", "2040".into(), "Refresh".into()));
    v["benefits"]
        .as_array_mut()
        .expect("benefits")
        .push(json!({ "name": "Residual", "kind": "잔존가치", "flows": [ { "year": 2040, "amount": "15" } ] }));
    assert!(!codes(&warn(&v)).contains(&Code::ReinvestmentWithoutResidual));
}

#[test]
fn total_cost_far_from_capex_is_a_unit_question() {
    let mut v = base();
    // Capex 200 against a total of 200,000: ratio 0.001, outside 0.5–2.
    v["project"]["total_cost"] = json!("200000");
    v["project"]["state_funding"] = json!("100000");
    let w = warn(&v);
    let d = w.iter().find(|d| d.code == Code::CapexFarFromTotal).expect("far");
    assert_eq!(text(d, "ratio"), "0.001000");
    assert!(!codes(&w).contains(&Code::TotalCostMismatch), "the stronger warning only");
    // Capex 200 against 230: (200 − 230) / 230 = −13.04 %, beyond the 10 % gap but within 0.5–2.
    v["project"]["total_cost"] = json!("230");
    v["project"]["state_funding"] = json!("100");
    let w = warn(&v);
    let d = w.iter().find(|d| d.code == Code::TotalCostMismatch).expect("gap");
    assert_eq!(text(d, "gap"), "-0.130435");
    assert!(!codes(&w).contains(&Code::CapexFarFromTotal));
}

#[test]
fn a_tenfold_jump_in_a_year_is_named_with_its_years() {
    let mut v = base();
    // Opex 10 in 2028, 120 in 2029 (a digit too many): 12-fold.
    v["costs"][1]["flows"] = json!([{ "year": 2028, "amount": "10" }, { "from": 2029, "to": 2040, "amount": "120" }]);
    let w = warn(&v);
    let d = w.iter().find(|d| d.code == Code::AmountJump).expect("jump");
    assert_eq!(d.path, "costs[1]");
    assert_eq!(
        (text(d, "from_year"), text(d, "to_year"), text(d, "factor")),
        ("2028".into(), "2029".into(), "12.000000".into())
    );
    // Tenfold exactly is not more than tenfold.
    v["costs"][1]["flows"][1]["amount"] = json!("100");
    assert!(!codes(&warn(&v)).contains(&Code::AmountJump));
}

#[test]
fn the_thresholds_are_the_rule_sets() {
    for id in ["kr-pfs-2019", "kr-pfs-2026", "uk-green-book-2022", "eu-cba-2014"] {
        let set = RuleSet::builtin(id).expect("builtin");
        let p = set.plausibility.as_ref().expect("every shipped set has the section");
        assert_eq!(p.value.high_growth.to_string(), "0.2", "{id}");
        assert_eq!(p.value.jump_factor.to_string(), "10", "{id}");
        assert!(!p.source.is_empty());
    }
}
