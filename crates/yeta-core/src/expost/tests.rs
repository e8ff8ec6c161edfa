//! Hand-calculated ex-post evaluation of a five-year study.
//!
//! Discount rate 25 % from the base year 2026, so the factors are exact decimals:
//! DF 2026 = 1, 2027 = 0.8, 2028 = 0.64, 2029 = 0.512, 2030 = 0.4096.
//!
//! Forecast: capex 100,000 in 2026; benefit 1,000 units a year 2027–2030 × 50 = 50,000 a year
//! (opening 2027). PV(B) = 50,000 × (0.8 + 0.64 + 0.512 + 0.4096) = 50,000 × 2.3616 = 118,080;
//! PV(C) = 100,000; NPV_F = 18,080.
//!
//! Outturn through 2028: capex 100,000 in 2026 and 30,000 in 2027; opening 2028 (delay d = 1);
//! 800 units in 2028.
//!
//! Ex-post: costs 100,000 + 30,000 × 0.8 = 124,000; benefits 2028 actual 800 × 50 = 40,000,
//! 2029–2030 the forecast shifted one year (50,000 each):
//! PV(B) = 40,000 × 0.64 + 50,000 × 0.512 + 50,000 × 0.4096 = 25,600 + 25,600 + 20,480 = 71,680;
//! NPV_X = 71,680 − 124,000 = −52,320; ΔNPV = −52,320 − 18,080 = −70,400.
//!
//! One group at a time from the forecast:
//! - cost: PV(C) 124,000 → NPV −5,920; part = −5,920 − 18,080 = −24,000;
//! - delay: benefits 2028–2030 at 50,000, PV(B) = 50,000 × 1.5616 = 78,080 → NPV −21,920;
//!   part = −40,000;
//! - demand: the actual of operating year 1 (40,000 in 2028) put in the forecast's operating
//!   year 1 (2027): PV(B) = 40,000 × 0.8 + 50,000 × 1.5616 = 110,080 → NPV 10,080; part = −8,000;
//! - interaction = −70,400 − (−24,000 − 40,000 − 8,000) = +1,600 (the 10,000 shortfall falls a
//!   year later than the demand part counts it: 10,000 × (0.8 − 0.64) = 1,600).

use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

pub(crate) const STUDY: &str = r#"{
  "format": "yeta-study/1",
  "project": {"name": "Ex-post test", "sponsor": "MOEF", "sector": "ict", "region": "KR-30",
              "total_cost": "100000", "state_funding": "100000"},
  "parameters": {"base_year": 2026, "first_year": 2026, "last_year": 2030,
                 "discount": [{"from_year": 2026, "rate": "0.25"}]},
  "costs": [{"name": "build", "kind": "capex", "flows": [{"year": 2026, "amount": "100000"}]}],
  "benefits": [{"name": "time saved", "kind": "cost_saving", "quantity_unit": "hours",
                "unit_value": {"value": "50", "unit": "KRW/hour", "source": "test"},
                "flows": [{"from": 2027, "to": 2030, "amount": "1000"}]}],
  "outturn": {
    "through_year": 2028,
    "schedule": {"start_year": 2026, "completion_year": 2027, "opening_year": 2028, "source": "completion report"},
    "costs": [{"line": "build", "source": "settled accounts",
               "flows": [{"year": 2026, "amount": "100000"}, {"year": 2027, "amount": "30000"}]}],
    "benefits": [{"line": "time saved", "source": "usage logs", "flows": [{"year": 2028, "amount": "800"}]}]
  }
}"#;

fn study() -> Study {
    Study::from_json(STUDY).expect("parses")
}

#[test]
fn decomposition_by_hand() {
    let x = evaluate(&study(), None, None).expect("evaluates");
    assert_eq!(x.forecast.npv, d("18080"));
    assert_eq!(x.ex_ante.npv, d("18080"));
    assert_eq!(x.ex_post.pv_costs, d("124000"));
    assert_eq!(x.ex_post.pv_benefits, d("71680"));
    assert_eq!(x.ex_post.npv, d("-52320"));
    let k = &x.decomposition;
    assert_eq!(k.delay_years, 1);
    assert_eq!(k.delta_npv, d("-70400"));
    assert_eq!(k.part(Part::CostOverrun), d("-24000"));
    assert_eq!(k.part(Part::Delay), d("-40000"));
    assert_eq!(k.part(Part::DemandShortfall), d("-8000"));
    assert_eq!(k.part(Part::Interaction), d("1600"));
    let total: Decimal = k.parts.iter().map(|(_, v)| v.0).sum();
    assert_eq!(total, k.delta_npv, "parts + interaction = ΔNPV exactly");
    // B/C: 118,080 / 100,000 = 1.1808 ex ante; 71,680 / 124,000 = 0.578064516… ex post.
    assert!((x.ex_ante.bc_ratio.expect("bc") - 1.1808).abs() < 1e-12);
    assert!((x.ex_post.bc_ratio.expect("bc") - 71_680.0 / 124_000.0).abs() < 1e-12);
    assert_eq!((x.ex_ante.opening_year, x.ex_post.opening_year), (Some(2027), Some(2028)));
}

#[test]
fn total_cost_restudy_and_realisation_by_hand() {
    let x = evaluate(&study(), None, None).expect("evaluates");
    // Total cost: 100,000 + (130,000 − 100,000) of capital spending = 130,000; growth 30 % ≥ 20 %.
    assert_eq!(x.ex_post.total_cost, d("130000"));
    let r = x.restudy.as_ref().expect("kr-pfs-2026 has a threshold");
    assert_eq!(r.growth, d("0.3"));
    assert!(r.triggered);
    assert_eq!(x.schedule.forecast_build, Some([2026, 2026]));
    assert_eq!(x.schedule.actual_build, [Some(2026), Some(2027)]);
    // Realisation to 2028: forecast 1,000 + 1,000 = 2,000 hours, actual 800 → 0.4;
    // PV 71,680 of 118,080 → 0.607046070…
    let b = &x.realisation[0];
    assert_eq!((b.forecast_to_date, b.actual_to_date), (d("2000"), d("800")));
    assert!((b.quantity_ratio.expect("ratio") - 0.4).abs() < 1e-12);
    assert_eq!((b.forecast_pv, b.expost_pv), (d("118080"), d("71680")));
    assert!((b.realisation_ratio.expect("ratio") - 71_680.0 / 118_080.0).abs() < 1e-12);
}

#[test]
fn signed_off_ex_ante_adds_the_forecast_revision() {
    // The signed-off forecast had 1,200 units a year: PV(B) = 60,000 × 2.3616 = 141,696,
    // NPV_A = 41,696. Revision = 18,080 − 41,696 = −23,616; ΔNPV = −52,320 − 41,696 = −94,016
    // = −23,616 − 24,000 − 40,000 − 8,000 + 1,600.
    let mut ante = study();
    ante.outturn = None;
    ante.benefits[0].flows[0].amount = d("1200");
    let x = evaluate(&study(), Some(&ante), None).expect("evaluates");
    let k = &x.decomposition;
    assert_eq!(x.ex_ante.npv, d("41696"));
    assert_eq!(k.part(Part::ForecastRevision), d("-23616"));
    assert_eq!(k.delta_npv, d("-94016"));
    assert_eq!(k.part(Part::Interaction), d("1600"));
    assert_eq!(k.parts.iter().map(|(_, v)| v.0).sum::<Decimal>(), d("-94016"));
    assert_eq!(x.realisation[0].forecast_pv, d("141696"));
    // Realisation against the signed-off forecast: 800 of 1,200 + 1,200 = 2,400 hours → 1/3.
    assert_eq!(x.realisation[0].forecast_to_date, d("2400"));
    assert!((x.realisation[0].quantity_ratio.expect("ratio") - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn outturn_is_optional_and_round_trips() {
    let mut s = study();
    s.outturn = None;
    assert!(!s.to_json().contains("outturn"));
    let back = Study::from_json(&study().to_json()).expect("round trip");
    assert_eq!(back, study());
    assert!(evaluate(&s, None, None).is_err(), "no outturn: an error, not a panic");
}

#[test]
fn outturn_in_a_unit_is_converted_to_won() {
    // In 천원 the capex actual 30 (thousand) is 30,000 won; priced benefit quantities are not scaled.
    let text = STUDY
        .replace("\"format\": \"yeta-study/1\",", "\"format\": \"yeta-study/1\", \"unit\": \"천원\",")
        .replace("\"100000\"", "\"100\"")
        .replace("\"30000\"", "\"30\"");
    let s = Study::from_json(&text).expect("parses");
    let o = s.outturn.as_ref().expect("outturn");
    assert_eq!(o.costs[0].flows[1].amount, d("30000"));
    assert_eq!(o.benefits[0].flows[0].amount, d("800"));
    assert!(s.to_json().contains("\"amount\": \"30\""));
}

#[test]
fn bad_outturn_names_the_field() {
    let text = STUDY
        .replace("\"line\": \"build\"", "\"line\": \"buld\"")
        .replace("\"through_year\": 2028", "\"through_year\": 2031");
    let e = evaluate(&Study::from_json(&text).expect("parses"), None, None).expect_err("invalid");
    let msg = e.to_string();
    assert!(msg.contains("outturn.costs[0].line") && msg.contains("buld"), "{msg}");
    assert!(msg.contains("outturn.through_year") && msg.contains("2031"), "{msg}");
}

#[test]
fn restudy_across_revisions_by_hand() {
    // PFS total 100; revisions at 110 (10 %), 119.99 (19.99 %), 120 (20 %: triggered), 150.
    let rules = RuleSet::builtin("kr-pfs-2026").expect("rules");
    let revs = [(1, d("100")), (2, d("110")), (3, d("119.99")), (4, d("120")), (5, d("150"))];
    let out = restudy::across(&rules, (1, d("100")), &revs);
    assert!(out[0].check.is_none());
    let trig: Vec<bool> = out[1..].iter().map(|r| r.check.as_ref().expect("check").triggered).collect();
    assert_eq!(trig, vec![false, false, true, true]);
    assert_eq!(out[2].check.as_ref().expect("check").growth, d("0.1999"));
}

#[test]
fn land_compensation_growth_is_left_out_of_the_restudy_growth() {
    // Add land: forecast 10,000 in 2026, actual 20,000. Total cost 100,000 + 30,000 (capex)
    // + 10,000 (land) = 140,000 (+40 %); the re-study growth leaves the land increase out:
    // 130,000 → 30 %.
    let text = STUDY
        .replace(
            r#"{"name": "build", "kind": "capex", "flows": [{"year": 2026, "amount": "100000"}]}"#,
            r#"{"name": "build", "kind": "capex", "flows": [{"year": 2026, "amount": "100000"}]},
               {"name": "land", "kind": "land", "flows": [{"year": 2026, "amount": "10000"}]}"#,
        )
        .replace(
            r#""costs": [{"line": "build","#,
            r#""costs": [{"line": "land", "source": "compensation ledger", "flows": [{"year": 2026, "amount": "20000"}]},
                        {"line": "build","#,
        );
    let x = evaluate(&Study::from_json(&text).expect("parses"), None, None).expect("evaluates");
    assert_eq!(x.ex_post.total_cost, d("140000"));
    let r = x.restudy.expect("check");
    assert_eq!((r.current, r.growth), (d("130000"), d("0.3")));
}

#[test]
fn optimism_bias_is_released_with_the_actual_costs() {
    // A 10 % uplift on capex: forecast PV(C) = 110,000, NPV_F = 118,080 − 110,000 = 8,080.
    // With the actual costs the uplift goes: cost part = (118,080 − 124,000) − 8,080 = −14,000;
    // ex post −52,320 as before, ΔNPV = −60,400; delay −40,000, demand −8,000, interaction 1,600.
    let text = STUDY.replace(
        r#""discount": [{"from_year": 2026, "rate": "0.25"}]"#,
        r#""discount": [{"from_year": 2026, "rate": "0.25"}],
           "optimism_bias": {"project_type": "equipment_development", "uplift": "0.1", "source": "test"}"#,
    );
    let x = evaluate(&Study::from_json(&text).expect("parses"), None, None).expect("evaluates");
    let k = &x.decomposition;
    assert_eq!((x.forecast.npv, x.ex_post.npv, k.delta_npv), (d("8080"), d("-52320"), d("-60400")));
    assert_eq!(k.part(Part::CostOverrun), d("-14000"));
    assert_eq!((k.part(Part::Delay), k.part(Part::DemandShortfall)), (d("-40000"), d("-8000")));
    assert_eq!(k.part(Part::Interaction), d("1600"));
}

/// The environment after approval, by hand. Forecast: cloud IT load 10 kW × PUE 1.5 × 8,760 h =
/// 131,400 kWh a year from 2027, at 0.5 tCO2e/MWh = 65.7 t; counterfactual legacy 20 kW × PUE 2 ×
/// 8,760 h = 350,400 kWh = 175.2 t a year, so the forecast net is −109.5 t a year.
/// Metered 150,000 kWh in 2027 and 160,000 in 2028 (through 2028):
/// - kWh to date: forecast 262,800, actual 310,000 (ratio 1.1796);
/// - tCO2e at the forecast's factor: forecast 131.4, actual 155.0;
/// - net to date: forecast −219.0, actual −219.0 + (155.0 − 131.4) = −195.4.
///
/// With the agency's reported 70 t and 72 t: actual 142, net −219.0 + 10.6 = −208.4.
#[test]
fn metered_energy_and_emissions_against_the_forecast() {
    let mut v: serde_json::Value = serde_json::from_str(STUDY).expect("json");
    v["environment"] = serde_json::json!({
        "grid_factor": {"value": "0.5", "unit": "tCO2e/MWh", "source": "test"},
        "energy": [{"name": "cloud", "kind": "it_load", "pue": "1.5", "flows": [{"from": 2027, "to": 2030, "amount": "10"}]}],
        "counterfactual": {"energy": [{"name": "legacy", "kind": "it_load", "pue": "2", "flows": [{"from": 2027, "to": 2030, "amount": "20"}]}]}
    });
    v["outturn"]["environment"] = serde_json::json!({
        "kwh": [{"year": 2027, "amount": "150000"}, {"year": 2028, "amount": "160000"}],
        "source": "electricity bills"
    });
    let s = Study::from_json(&v.to_string()).expect("parses");
    let x = evaluate(&s, None, None).expect("evaluates");
    let e = x.environment.as_ref().expect("environment compared");
    assert_eq!(e.years.len(), 2);
    assert_eq!(e.years[0].year, 2027);
    assert_eq!(e.years[0].forecast_kwh, d("131400"));
    assert_eq!(e.forecast_kwh, d("262800"));
    assert_eq!(e.actual_kwh, d("310000"));
    assert!((e.kwh_ratio.expect("ratio") - 310_000.0 / 262_800.0).abs() < 1e-12);
    assert_eq!(e.forecast_tco2e, d("131.4"));
    assert_eq!(e.actual_tco2e, d("155.0"));
    assert!(!e.reported_emissions);
    assert_eq!(e.forecast_net_tco2e, Some(d("-219.0")));
    assert_eq!(e.actual_net_tco2e, Some(d("-195.4")));
    // The NPV decomposition is untouched: the environment is not counted in this study.
    assert_eq!(x.decomposition.delta_npv, d("-70400"));

    v["outturn"]["environment"]["tco2e"] =
        serde_json::json!([{"year": 2027, "amount": "70"}, {"year": 2028, "amount": "72"}]);
    let s = Study::from_json(&v.to_string()).expect("parses");
    let e = evaluate(&s, None, None).expect("evaluates").environment.expect("environment");
    assert!(e.reported_emissions);
    assert_eq!(e.actual_tco2e, d("142"));
    assert_eq!(e.actual_net_tco2e, Some(d("-208.4")));

    // A metered year after the outturn's year, and no section to compare with, name the field.
    v["outturn"]["environment"]["kwh"][1]["year"] = serde_json::json!(2029);
    let err = evaluate(&Study::from_json(&v.to_string()).expect("parses"), None, None).expect_err("invalid");
    assert!(err.to_string().contains("outturn.environment.kwh[1]"), "{err}");
    let mut w: serde_json::Value = serde_json::from_str(STUDY).expect("json");
    w["outturn"]["environment"] = serde_json::json!({"kwh": [{"year": 2027, "amount": "1"}], "source": "bills"});
    let err = evaluate(&Study::from_json(&w.to_string()).expect("parses"), None, None).expect_err("invalid");
    assert!(err.to_string().contains("outturn.environment"), "{err}");
}
