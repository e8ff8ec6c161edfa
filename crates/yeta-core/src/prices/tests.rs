use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test decimal")
}

/// A deflator 2020 = 100, 2021 = 102, 2022 = 105, then +2 % a year.
const DEFLATOR: &str = r#"{ "id": "test", "title": "t", "unit": "2020=100", "vintage": "2026", "source": "hand",
  "values": [ {"year": 2020, "value": "100"}, {"year": 2021, "value": "102"}, {"year": 2022, "value": "105"} ],
  "projection": { "growth": "0.02", "source": "hand" } }"#;

/// Base year 2022; capex 1,020 in 2021 and 1,092.42 in 2024 written in current prices; land 1,000
/// in 2023 written in 2020 prices; operation 100 a year 2025–2026 in base-year prices.
fn study(prices: &str) -> String {
    format!(
        r#"{{
  "format": "yeta-study/1",
  "project": {{ "name": "Prices", "sponsor": "Test", "sector": "road", "region": "KR-43",
               "total_cost": "3150", "state_funding": "1000" }},
  "parameters": {{ "base_year": 2022, "first_year": 2021, "last_year": 2026,
                  "discount": [ {{ "from_year": 2022, "rate": "0.1" }} ] }},
  "costs": [
    {{ "name": "Build", "kind": "capex", "flows": [ {{ "year": 2021, "amount": "1020" }}, {{ "year": 2024, "amount": "1092.42" }} ] }},
    {{ "name": "Land", "kind": "land", "flows": [ {{ "year": 2023, "amount": "1000" }} ] }},
    {{ "name": "Run", "kind": "opex", "flows": [ {{ "from": 2025, "to": 2026, "amount": "100" }} ] }}
  ],
  "benefits": [ {{ "name": "Time", "kind": "travel_time", "flows": [ {{ "from": 2025, "to": 2026, "amount": "2000" }} ] }} ],
  "prices": {prices}
}}"#
    )
}

const PRICED: &str = r#"{ "deflator": DEFL, "lines": [
    { "line": "Build", "basis": "current" },
    { "line": "Land", "basis": "constant", "price_year": 2020 } ] }"#;

#[test]
fn index_is_published_or_projected_by_hand() {
    let defl: Deflator = serde_json::from_str(DEFLATOR).expect("deflator");
    assert_eq!(defl.index(2021), Some(d("102")));
    // 105 × 1.02² = 105 × 1.0404 = 109.242.
    assert_eq!(defl.index(2024), Some(d("109.242")));
    assert_eq!(defl.index(2019), None, "before the first value: not covered");
}

#[test]
fn current_and_other_year_prices_restated_by_hand() {
    let text = study(&PRICED.replace("DEFL", DEFLATOR));
    let a = crate::appraise_json(&text, None).expect("appraises");
    let line = |name: &str| a.economic.lines.iter().find(|l| l.name == name).expect("line");
    // Build: 2021 is sunk (before the base year 2022): 1,020 × 105/102 = 1,050; 2024: 1,092.42 ×
    // 105/109.242 = 1,050. Land: 1,000 × 105/100 = 1,050 in 2023.
    assert_eq!(line("Build").nominal, d("1050"));
    assert_eq!(line("Build").sunk, d("1050"));
    assert_eq!(line("Land").nominal, d("1050"));
    assert_eq!(line("Run").nominal, d("200"), "a line in base-year prices is left alone");
    // PV(C) at 10 % from 2022: 1,050/1.1² (land 2023 → 1.1¹; build 2024 → 1.1²) ... by hand:
    // land 1,050/1.1 = 954.5455; build 1,050/1.21 = 867.7686; run 100/1.331 + 100/1.4641 =
    // 75.1315 + 68.3013 = 143.4328; PV(C) = 954.5455 + 867.7686 + 143.4328 = 1,965.7469.
    assert!((crate::econ::to_f64(a.economic.pv_costs) - 1965.7469).abs() < 1e-3, "{}", a.economic.pv_costs);
    let p = a.prices.expect("prices result");
    let build = p.lines.iter().find(|l| l.line == "Build").expect("build");
    assert_eq!(build.written, d("2112.42"));
    assert_eq!(build.restated, d("2100"));
    assert!((build.first_factor.expect("f") - 105.0 / 102.0).abs() < 1e-12);
    assert_eq!(p.deflator.expect("deflator").base_index.as_deref(), Some("105"));
}

#[test]
fn conversion_factors_lower_economic_costs_only_by_hand() {
    let own = r#"{ "conversion": { "id": "own", "title": "t", "source": "hand",
        "kinds": [ { "kind": "capex", "factor": "0.9", "source": "VAT" }, { "kind": "opex", "factor": "0.8", "source": "tax" } ] } }"#;
    let base = crate::appraise_json(&study("{}"), None).expect("appraises");
    let a = crate::appraise_json(&study(own), None).expect("appraises");
    // Build 1,092.42 in 2024 counted (2021 sunk): adjustment −0.1 × 1,092.42 = −109.242; Run 200 ×
    // −0.2 = −40; land factor 1 (none given): no line.
    let conv: Vec<_> = a.economic.lines.iter().filter(|l| matches!(l.origin, Origin::Conversion(_))).collect();
    assert_eq!(conv.len(), 2);
    let capex = conv.iter().find(|l| l.origin == Origin::Conversion(Group::Kind(CostKind::Capex))).expect("capex");
    assert_eq!(capex.nominal, d("-109.242"));
    let opex = conv.iter().find(|l| l.origin == Origin::Conversion(Group::Kind(CostKind::Opex))).expect("opex");
    assert_eq!(opex.nominal, d("-40"));
    // PV: −109.242/1.21 − 20/1.331 − 20/1.4641 = −90.2826 − 15.0263 − 13.6603 = −118.9692.
    let delta = crate::econ::to_f64(a.economic.pv_costs - base.economic.pv_costs);
    assert!((delta + 118.9692).abs() < 1e-3, "{delta}");
    // The financial analysis stays at market prices.
    assert_eq!(a.financial.pv_costs, base.financial.pv_costs);
    let r = a.prices.expect("prices");
    assert_eq!(r.conversions.len(), 2);
    let c = r.conversions.iter().find(|c| c.group == Group::Kind(CostKind::Capex)).expect("c");
    assert_eq!((c.market, c.adjustment, c.factor), (d("1092.42"), d("-109.242"), d("0.9")));
}

#[test]
fn shipped_tables_parse_and_remove_vat() {
    let defl = builtin_deflator("kr-gdp-deflator-illustrative").expect("shipped deflator");
    assert!(defl.illustrative && defl.problems("x").is_empty());
    let c = builtin_conversion("kr-conversion-vat-illustrative").expect("shipped conversion");
    // 1/1.1 to ten places.
    assert_eq!(factor_of(&c, Group::Class(CostClass::Construction)), d("0.9090909091"));
    assert_eq!(factor_of(&c, Group::Class(CostClass::Land)), Decimal::ONE);
}

#[test]
fn uncovered_years_unknown_lines_and_ids_are_named() {
    let short = r#"{ "id": "short", "title": "t", "unit": "2020=100", "vintage": "2026", "source": "hand",
      "values": [ {"year": 2020, "value": "100"}, {"year": 2021, "value": "102"}, {"year": 2022, "value": "105"} ] }"#;
    let text = study(&PRICED.replace("DEFL", short));
    let e = crate::appraise_json(&text, None).expect_err("2024 not covered").to_string();
    assert!(e.contains("prices.lines[0].line") && e.contains("2023"), "{e}");
    let text = study(r#"{ "deflator_id": "nope", "lines": [ { "line": "Bild", "basis": "current" } ] }"#);
    let e = crate::appraise_json(&text, None).expect_err("unknown").to_string();
    assert!(e.contains("prices.deflator_id") && e.contains("\"nope\""), "{e}");
    assert!(e.contains("prices.lines[0].line") && e.contains("\"Bild\""), "{e}");
    let text = study(
        r#"{ "deflator_id": "kr-gdp-deflator-illustrative", "lines": [ { "line": "Land", "basis": "constant" } ] }"#,
    );
    let e = crate::appraise_json(&text, None).expect_err("no price year").to_string();
    assert!(e.contains("prices.lines[0].price_year"), "{e}");
}

#[test]
fn a_study_without_the_section_is_unchanged() {
    let plain = crate::appraise_json(&crate::test_support::minimal_study_json(), None).expect("appraises");
    assert!(plain.prices.is_none());
    assert!(!plain.economic.lines.iter().any(|l| matches!(l.origin, Origin::Conversion(_))));
}
