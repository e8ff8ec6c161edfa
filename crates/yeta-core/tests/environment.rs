//! The environmental stage against hand calculations: a legacy-to-cloud migration netted against
//! its counterfactual, valued at stated prices (the arithmetic is in the comments).

use rust_decimal::Decimal;
use serde_json::{Value, json};

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

// A three-year study at 4.5 % (base year 2025): capex KRW 1,000 m in 2026 (build), benefits
// KRW 500 m a year in 2027–2028. Environment (2027–2028, after the cut-over; the legacy system's
// 2026 footprint is the same with and without the project and is left out of both sides):
// - project: cloud IT load 10 kW × PUE 1.2 × 8,760 h = 105,120 kWh a year; embodied 20 t in 2027;
// - counterfactual: legacy servers 40 kW × PUE 2.0 × 8,760 h = 700,800 kWh a year; paper
//   1,000,000 sheets × 0.005 kg = 5 t a year; 20,000 trips × 10 km × 0.2 kg/pkm = 40 t a year.
fn migration() -> Value {
    json!({
        "format": "yeta-study/1",
        "project": {
            "name": "Legacy-to-cloud migration", "sponsor": "Test", "sector": "ict", "region": "KR-11",
            "total_cost": "1000000000", "state_funding": "1000000000"
        },
        "rules": { "id": "kr-pfs-2026" },
        "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2028 },
        "costs": [{ "name": "Build", "kind": "capex", "flows": [{ "year": 2026, "amount": "1000000000" }] }],
        "benefits": [{ "name": "Time saved", "kind": "cost_saving", "flows": [{ "from": 2027, "to": 2028, "amount": "500000000" }] }],
        "environment": {
            "grid_factor": { "value": "0.5", "unit": "tCO2e/MWh", "source": "test" },
            "energy": [{ "name": "Cloud", "kind": "it_load", "pue": "1.2", "flows": [{ "from": 2027, "to": 2028, "amount": "10" }] }],
            "embodied": [{ "name": "Cloud share of servers", "year": 2027, "tco2e": "20" }],
            "carbon_price": { "path": [{ "year": 2027, "krw_per_tco2e": "100000" }], "source": "test" },
            "include_in_economics": true,
            "counterfactual": {
                "energy": [{ "name": "Legacy servers", "kind": "it_load", "pue": "2.0", "flows": [{ "from": 2027, "to": 2028, "amount": "40" }] }],
                "activities": [
                    { "name": "Paper forms", "kind": "paper", "flows": [{ "from": 2027, "to": 2028, "amount": "1000000" }],
                      "factor": { "value": "0.005", "unit": "kgCO2e/sheet", "source": "test" } },
                    { "name": "Visits to the office", "kind": "travel", "mode": "car", "distance_km": "10",
                      "flows": [{ "from": 2027, "to": 2028, "amount": "20000" }],
                      "factor": { "value": "0.2", "unit": "kgCO2e/pkm", "source": "test" } }
                ]
            }
        }
    })
}

fn appraise(v: &Value) -> yeta_core::Appraisal {
    yeta_core::appraise_json(&v.to_string(), None).expect("appraises")
}

// Net emissions at a constant grid factor of 0.5 tCO2e/MWh and KRW 100,000/tCO2e:
// - project 2027: 105.12 MWh × 0.5 = 52.56 t + 20 t embodied = 72.56 t; 2028: 52.56 t;
// - counterfactual each year: 700.8 MWh × 0.5 = 350.4 t + 5 t + 40 t = 395.4 t;
// - net 2027: 72.56 − 395.4 = −322.84 t; 2028: 52.56 − 395.4 = −342.84 t; total −665.68 t
//   (project 125.12 t, counterfactual 790.8 t);
// - value 2027: −32,284,000; 2028: −34,284,000 KRW;
//   PV = −32,284,000 / 1.045² − 34,284,000 / 1.045³
//      = −29,563,425.55 − 30,042,952.97 = −59,606,378.52 KRW (a saving).
// The saving is a benefit line: PV(B) = 500 m × (1/1.045² + 1/1.045³) + 59,606,378.52
// = 896,013,277.65 + 59,606,378.52 = 955,619,656.17; PV(C) = 1,000 m / 1.045 = 956,937,799.04;
// B/C = 0.998623 (0.936334 without the environment).
#[test]
fn legacy_to_cloud_net_emissions_at_a_constant_factor() {
    let a = appraise(&migration());
    let e = a.environment.as_ref().expect("env");
    let n = e.net.as_ref().expect("net");
    assert_eq!(n.project_tco2e, d("125.12"));
    assert_eq!(n.counterfactual_tco2e, d("790.8"));
    assert_eq!(n.net_tco2e, d("-665.68"));
    assert_eq!(n.years[1].net_tco2e, d("-322.84"));
    assert_eq!(n.years[2].net_tco2e, d("-342.84"));
    assert_eq!(n.years[1].carbon_value, d("-32284000"));
    assert!((n.carbon_pv - d("-59606378.52")).abs() < d("0.01"), "{}", n.carbon_pv);
    // By source: the legacy servers, paper and trips on the counterfactual side.
    let src = |name: &str| n.sources.iter().find(|s| s.name == name).expect(name).tco2e;
    assert_eq!(src("Legacy servers"), d("700.8"));
    assert_eq!(src("Paper forms"), d("10"));
    assert_eq!(src("Visits to the office"), d("80"));
    assert_eq!(src("Cloud"), d("105.12"));
    assert!((a.economic.pv_benefits - d("955619656.17")).abs() < d("0.01"), "{}", a.economic.pv_benefits);
    assert!((a.economic.pv_costs - d("956937799.04")).abs() < d("0.01"));
    assert!((a.economic.bc_ratio.expect("bc") - 0.998623).abs() < 1e-6);
    assert!((e.bc_without_carbon.expect("bc") - 0.936334).abs() < 1e-6);
    assert!(a.economic.lines.iter().any(|l| l.name == yeta_core::environment::CARBON_AVOIDED_LINE));
}

// Bad input names the field: a trip without a distance, a negative factor.
#[test]
fn counterfactual_errors_name_the_field() {
    let mut v = migration();
    v["environment"]["counterfactual"]["activities"][1].as_object_mut().expect("obj").remove("distance_km");
    v["environment"]["counterfactual"]["activities"][0]["factor"]["value"] = json!("-1");
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("environment.counterfactual.activities[1].distance_km"), "{err}");
    assert!(err.contains("environment.counterfactual.activities[0].factor.value"), "{err}");
}

// The Green Book method (`factors` given, counted by default): a decarbonising grid
// (0.6 tCO2e/MWh in 2026 → 0.4 in 2028, linear: 0.5 in 2027, 0.4 in 2028), electricity valued at
// KRW 100/kWh, carbon values low 50,000 / central 100,000 / high 150,000 KRW/t (flat).
// - project 2027: 105.12 MWh × 0.5 + 20 = 72.56 t; 2028: 105.12 × 0.4 = 42.048 t;
// - counterfactual 2027: 700.8 × 0.5 + 45 = 395.4 t; 2028: 700.8 × 0.4 + 45 = 325.32 t;
// - net 2027 −322.84 t, 2028 −283.272 t; total −606.112 t;
// - energy: (105,120 − 700,800) kWh = −595,680 kWh a year × 100 = −59,568,000 KRW a year;
//   PV = −59,568,000 × (0.91572995 + 0.87629660) = −106,747,437.85;
// - carbon PV (DF 2027 0.9157299512, 2028 0.8762966041):
//   low  −16,142,000 × DF27 − 14,163,600 × DF28 = −27,193,227.45
//   central −32,284,000 × DF27 − 28,327,200 × DF28 = −54,386,454.91
//   high −48,426,000 × DF27 − 42,490,800 × DF28 = −81,579,682.36
// - PV(B) without the environment 896,013,277.65, PV(C) 956,937,799.04 (NPV −60,924,521.40):
//   NPV low = −60,924,521.40 + 106,747,437.85 + 27,193,227.45 = 73,016,143.90 (B/C 1.076302)
//   NPV central = 100,209,371.36 (B/C 1.104719); NPV high = 127,402,598.81 (B/C 1.133136).
fn with_factors() -> Value {
    let mut v = migration();
    let env = v["environment"].as_object_mut().expect("env");
    env.remove("include_in_economics");
    let flat =
        |x: &str, unit: &str| json!({ "unit": unit, "vintage": "test", "points": [{ "year": 2026, "value": x }] });
    env.insert(
        "factors".into(),
        json!({
            "grid_factor": { "status": "assumption", "source": "test", "value": { "unit": "tCO2e/MWh", "vintage": "test",
                "points": [{ "year": 2026, "value": "0.6" }, { "year": 2028, "value": "0.4" }] } },
            "electricity_value": { "status": "assumption", "source": "test", "value": flat("100", "KRW/kWh") },
            "carbon_values": { "status": "assumption", "source": "test", "value": {
                "low": flat("50000", "KRW/tCO2e"), "central": flat("100000", "KRW/tCO2e"), "high": flat("150000", "KRW/tCO2e") } }
        }),
    );
    v
}

#[test]
fn decarbonising_grid_energy_value_and_three_carbon_series() {
    let a = appraise(&with_factors());
    let n = a.environment.as_ref().expect("env").net.as_ref().expect("net");
    assert!(n.counted, "counted by default with factor paths");
    assert_eq!(n.years[1].grid_factor, d("0.5"));
    assert_eq!(n.years[2].grid_factor, d("0.4"));
    assert_eq!(n.years[2].net_tco2e, d("-283.272"));
    assert_eq!(n.net_tco2e, d("-606.112"));
    assert_eq!(n.years[1].energy_value, d("-59568000"));
    let close = |x: Decimal, want: &str| assert!((x - d(want)).abs() < d("0.01"), "{x} vs {want}");
    close(n.energy_pv, "-106747437.85");
    let want = [
        ("-27193227.45", "73016143.90", 1.076302),
        ("-54386454.91", "100209371.36", 1.104719),
        ("-81579682.36", "127402598.81", 1.133136),
    ];
    for (r, (c, npv, bc)) in n.runs.iter().zip(want) {
        close(r.carbon_pv, c);
        close(r.npv, npv);
        assert!((r.bc_ratio.expect("bc") - bc).abs() < 1e-6, "{:?}", r.series);
    }
    close(n.npv_without, "-60924521.40");
    // The economic case counts the central series and the energy saved.
    close(a.economic.npv, "100209371.36");
    // The opt-out: the same figures shown, the economic case without them.
    let mut v = with_factors();
    v["environment"]["include_in_economics"] = json!(false);
    let b = appraise(&v);
    close(b.economic.npv, "-60924521.40");
    assert!(!b.environment.as_ref().expect("env").net.as_ref().expect("net").counted);
}

// The shipped set interpolates: 0.4173 in 2023, 0.24 in 2030 → 2026: 0.4173 − 3/7 × 0.1773 = 0.3413.
#[test]
fn the_shipped_grid_path_interpolates() {
    let set = yeta_core::environment::factors::FactorSet::builtin("kr-illustrative-2026").expect("set");
    assert_eq!(set.grid_factor.value.at(2026).expect("value").round_dp(4), d("0.3413"));
    assert_eq!(set.grid_factor.value.at(2060).expect("value"), d("0"));
    assert!(set.grid_factor.value.illustrative);
}

// Device classes driven by a refresh line: KRW 100 m of hardware in 2028.
// - servers: share 0.6 → KRW 60 m ÷ 10 m a unit = 6 units × 1,200 kgCO2e = 7.2 t; e-waste 6 × 25 kg = 0.15 t;
// - storage: share 0.4 → KRW 40 m = 40 millions × 50 kgCO2e = 2 t; e-waste 40 × 2 kg = 0.08 t.
// Embodied in 2028: 9.2 t; the net 2028 at the constant factor becomes −342.84 + 9.2 = −333.64 t.
#[test]
fn embodied_emissions_and_e_waste_by_device_class() {
    let mut v = migration();
    v["costs"].as_array_mut().expect("costs").push(json!({
        "name": "Hardware refresh", "kind": "reinvestment", "flows": [{ "year": 2028, "amount": "100000000" }]
    }));
    v["environment"]["devices"] = json!([
        { "class": "servers", "cost_line": "Hardware refresh", "share": "0.6", "unit_cost": "10000000",
          "kgco2e": { "value": "1200", "unit": "kgCO2e/unit", "source": "test" }, "ewaste_kg": "25" },
        { "class": "storage", "cost_line": "Hardware refresh", "share": "0.4",
          "kgco2e": { "value": "50", "unit": "kgCO2e per KRW 1 m", "source": "test" }, "ewaste_kg": "2" }
    ]);
    let a = appraise(&v);
    let e = a.environment.as_ref().expect("env");
    assert_eq!(e.devices[0].units, Some(d("6")));
    assert_eq!(e.devices[0].tco2e, d("7.2"));
    assert_eq!(e.devices[0].ewaste_tonnes, d("0.15"));
    assert_eq!(e.devices[1].tco2e, d("2"));
    assert_eq!(e.devices[1].ewaste_tonnes, d("0.08"));
    assert!((e.years[2].tco2e_embodied - 9.2).abs() < 1e-12);
    assert!((e.ewaste_tonnes - 0.23).abs() < 1e-12);
    assert_eq!(e.net.as_ref().expect("net").years[2].net_tco2e, d("-333.64"));
    // A class on a line the study does not have names the field.
    v["environment"]["devices"][1]["cost_line"] = json!("Nope");
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("environment.devices[1].cost_line"), "{err}");
}

// RGESN (8 items): 3 met, 2 partial, 1 not applicable, 1 not met, 1 unanswered (= not met):
// applicable 7, score (3 + ½ × 2) / 7 = 4/7 = 0.571429; gaps: 2 partial + 2 not met = 4.
#[test]
fn a_catalogue_scores_met_and_half_partial_over_applicable() {
    let mut v = migration();
    v["environment"]["catalogues"] = json!([{ "catalogue": "rgesn-2024", "answers": [
        { "item": "strategy-utility", "status": "met" },
        { "item": "strategy-referent", "status": "partial", "evidence": "named, not measured" },
        { "item": "specs-old-devices", "status": "met" },
        { "item": "ux-page-weight", "status": "partial" },
        { "item": "content-retention", "status": "not_met" },
        { "item": "backend-caching", "status": "met" },
        { "item": "hosting-efficiency", "status": "not_applicable" }
    ]}]);
    let a = appraise(&v);
    let c = &a.environment.as_ref().expect("env").catalogues[0];
    assert_eq!((c.applicable, c.met, c.partial), (7, 3, 2));
    assert!((c.score.expect("score") - 4.0 / 7.0).abs() < 1e-12);
    assert_eq!(c.gaps.len(), 4);
    assert!(c.gaps.last().expect("gap").unanswered);
    v["environment"]["catalogues"][0]["answers"][0]["item"] = json!("no-such-item");
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("environment.catalogues[0].answers[0].item"), "{err}");
}

// The Monte Carlo with uncertainty on the value factors (Green Book: carbon values and energy
// prices are uncertain): the carbon value × uniform(0.5, 2.5) (mean 1.5) and the electricity value
// × triangular(0.8, 1.0, 1.5) (mean 1.1), both on savings (benefits), nothing else uncertain.
// E[NPV] = NPV central + 0.5 × 54,386,454.91 + 0.1 × 106,747,437.85
//        = 100,209,371.36 + 27,193,227.455 + 10,674,743.785 = 138,077,342.60 KRW.
// Each draw's NPV lies within [NPV without + 0.5 × 54.39 m + 0.8 × 106.75 m,
//                               NPV without + 2.5 × 54.39 m + 1.5 × 106.75 m]
//   = [−60,924,521.40 + 27,193,227.46 + 85,397,950.28, −60,924,521.40 + 135,966,137.28 + 160,121,156.78]
//   = [51,666,656.34, 235,162,772.66].
#[test]
fn the_monte_carlo_varies_the_carbon_and_electricity_values() {
    let mut v = with_factors();
    v["environment"]["uncertainty"] = json!({
        "carbon_value": { "dist": "uniform", "min": "0.5", "max": "2.5", "source": "test" },
        "electricity_value": { "dist": "triangular", "min": "0.8", "mode": "1.0", "max": "1.5" }
    });
    let s = yeta_core::Study::from_json(&v.to_string()).expect("parses");
    let opts = yeta_core::risk::Options { draws: 20_000, seed: 7, threads: 1, bins: 10 };
    let r = yeta_core::risk::simulate_study(&s, opts, &|_, _| {}, &std::sync::atomic::AtomicBool::new(false))
        .expect("simulates");
    let analytic = r.npv_expected_analytic.as_ref().expect("analytic").0;
    assert!((analytic - d("138077342.60")).abs() < d("1"), "{analytic}");
    let num = |m: &yeta_core::risk::Money| -> f64 { m.0.to_string().parse().expect("number") };
    let (lo, hi) = (num(&r.npv.p5), num(&r.npv.p90));
    assert!(lo > 51_666_656.0 && hi < 235_162_773.0, "{lo} .. {hi}");
    // 20,000 draws: the simulated mean within 4 standard errors of the expectation.
    assert!((num(&r.npv.mean) - 138_077_342.60).abs() < 4.0 * num(&r.npv.se), "{:?}", r.npv);
    assert!(r.uncertain.iter().any(|n| n == yeta_core::environment::CARBON_AVOIDED_LINE), "{:?}", r.uncertain);
    assert!(r.uncertain.iter().any(|n| n == yeta_core::environment::ENERGY_SAVED_LINE), "{:?}", r.uncertain);
    assert!(r.held_fixed.is_empty(), "{:?}", r.held_fixed);
    // Without the uncertainty both lines are held at their values.
    let s = yeta_core::Study::from_json(&with_factors().to_string()).expect("parses");
    let r = yeta_core::risk::simulate_study(&s, opts, &|_, _| {}, &std::sync::atomic::AtomicBool::new(false))
        .expect("simulates");
    assert_eq!(r.held_fixed.len(), 2, "{:?}", r.held_fixed);
    // A bad range names its field.
    let mut v = with_factors();
    v["environment"]["uncertainty"] = json!({ "carbon_value": { "dist": "uniform", "min": "2", "max": "1" } });
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("environment.uncertainty.carbon_value"), "{err}");
}

// Suggested register entries by sector: an ICT study is offered the seven entries of the shipped
// list that name `ict` (flood, heat, battery fire, grid connection, GHG target, carbon price,
// e-waste); taking up the flood leaves six, highest starting score first: the battery fire
// 2 × 5 = 10, then the heatwave 3 × 3 = 9.
#[test]
fn the_register_is_offered_the_sectors_suggested_risks() {
    let mut v = migration();
    v["environment"]["risks"] = json!([{
        "title": "Server room flooding", "likelihood": 1, "impact": 5, "owner": "Facilities",
        "mitigation": "Moved to the second floor", "suggestion": "dc-flood"
    }]);
    let a = appraise(&v);
    let sg = a.environment.as_ref().expect("env").suggested_risks.as_ref().expect("suggestions");
    assert_eq!(sg.list, "kr-climate-risks-2026");
    assert_eq!((sg.for_sector, sg.taken_up, sg.open.len()), (7, 1, 6));
    assert_eq!(sg.open[0].entry.id, "dc-battery-fire");
    assert_eq!(sg.open[0].score, 10);
    assert_eq!(sg.open[1].entry.id, "dc-heat");
    assert!(sg.open.iter().all(|o| o.entry.id != "dc-flood"));
    // A rail study is offered the rail entries, not the data-centre ones.
    let mut r = migration();
    r["project"]["sector"] = json!("rail");
    let a = appraise(&r);
    let sg = a.environment.as_ref().expect("env").suggested_risks.as_ref().expect("suggestions");
    assert!(sg.open.iter().any(|o| o.entry.id == "heat-track"));
    assert!(sg.open.iter().all(|o| !o.entry.id.starts_with("dc-")));
    // An id the list does not have names its field.
    v["environment"]["risks"][0]["suggestion"] = json!("dc-tsunami");
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("environment.risks[0].suggestion"), "{err}");
}
