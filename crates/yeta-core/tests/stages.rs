//! Policy, regional and environmental stages against hand calculations.

use rust_decimal::Decimal;
use yeta_core::Study;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn f(d: Decimal) -> f64 {
    d.to_string().parse().expect("number")
}

/// The shipped table, typed out here independently of the engine's CSV reader (columns:
/// population growth, manufacturing share, road density, cars/1000, ageing index, fiscal
/// self-reliance, urban land share, doctors/1000).
const TABLE: [(&str, [f64; 8]); 17] = [
    ("KR-11", [-0.9, 5.6, 13.4, 330.0, 168.0, 76.4, 60.1, 3.6]),
    ("KR-26", [-0.8, 12.8, 4.4, 420.0, 226.0, 49.1, 36.8, 2.7]),
    ("KR-27", [-0.9, 14.9, 3.4, 480.0, 180.0, 45.1, 22.3, 2.6]),
    ("KR-28", [0.5, 19.2, 2.9, 580.0, 141.0, 53.4, 21.9, 1.8]),
    ("KR-29", [-0.6, 13.9, 3.9, 470.0, 135.0, 42.0, 27.7, 2.6]),
    ("KR-30", [-0.8, 8.9, 3.9, 460.0, 147.0, 43.6, 28.1, 2.5]),
    ("KR-31", [-1.0, 30.1, 1.9, 490.0, 137.0, 54.7, 12.6, 1.6]),
    ("KR-50", [4.3, 7.5, 1.4, 470.0, 58.0, 62.9, 8.5, 1.0]),
    ("KR-41", [0.4, 21.7, 1.3, 460.0, 106.0, 58.0, 12.2, 1.7]),
    ("KR-51", [-0.1, 6.5, 0.6, 560.0, 239.0, 24.4, 2.3, 1.9]),
    ("KR-43", [0.2, 23.1, 0.9, 600.0, 182.0, 29.6, 4.2, 1.6]),
    ("KR-44", [0.3, 24.8, 1.0, 600.0, 176.0, 33.8, 4.9, 1.5]),
    ("KR-52", [-0.8, 13.2, 1.0, 570.0, 230.0, 23.5, 4.3, 2.0]),
    ("KR-46", [-0.7, 11.8, 0.9, 590.0, 275.0, 21.4, 3.4, 1.8]),
    ("KR-47", [-0.7, 19.8, 0.7, 590.0, 253.0, 25.5, 2.8, 1.4]),
    ("KR-48", [-0.6, 23.0, 1.2, 550.0, 178.0, 35.5, 5.0, 1.7]),
    ("KR-49", [0.2, 2.9, 1.8, 640.0, 137.0, 33.4, 6.6, 2.1]),
];

/// Index(region) = (1/8) Σ_j s_j (x_rj − mean_j) / sd_j, sd the population standard deviation,
/// s_j = +1 for the ageing index and −1 for the seven indicators where more is better off.
fn hand_index(code: &str) -> f64 {
    let sign = [-1.0, -1.0, -1.0, -1.0, 1.0, -1.0, -1.0, -1.0];
    let row = TABLE.iter().find(|r| r.0 == code).expect("region").1;
    let mut sum = 0.0;
    for j in 0..8 {
        let mean = TABLE.iter().map(|r| r.1[j]).sum::<f64>() / 17.0;
        let sd = (TABLE.iter().map(|r| (r.1[j] - mean).powi(2)).sum::<f64>() / 17.0).sqrt();
        sum += sign[j] * (row[j] - mean) / sd;
    }
    sum / 8.0
}

#[test]
fn backwardness_index_equals_the_hand_calculation_and_ranks_consistently() {
    // One indicator by hand: the ageing index has mean 2,968/17 = 174.588 and population sd
    // 54.672, so Jeonnam's 275 gives z = (275 − 174.588)/54.672 = +1.837 (more backward).
    let mean_age = TABLE.iter().map(|r| r.1[4]).sum::<f64>() / 17.0;
    assert!((mean_age - 2968.0 / 17.0).abs() < 1e-12, "{mean_age}");
    let sd_age = (TABLE.iter().map(|r| (r.1[4] - mean_age).powi(2)).sum::<f64>() / 17.0).sqrt();
    assert_eq!(format!("{:.3}", (275.0 - mean_age) / sd_age), "1.837");
    for (fixture_name, code) in [("road-national-route.yeta.json", "KR-43"), ("rail-wide-area.yeta.json", "KR-50")] {
        let a = yeta_core::appraise_json(&fixture(fixture_name), None).expect("appraises");
        let r = a.regional.expect("regional");
        assert!(
            (r.backwardness.index - hand_index(code)).abs() < 1e-12,
            "{code}: {} vs {}",
            r.backwardness.index,
            hand_index(code)
        );
        // The ranking is the order of the hand-computed indices.
        let mut hand: Vec<(&str, f64)> = TABLE.iter().map(|(c, _)| (*c, hand_index(c))).collect();
        hand.sort_by(|a, b| b.1.total_cmp(&a.1));
        let got: Vec<&str> = r.backwardness.ranking.iter().map(|(reg, _)| reg.code()).collect();
        let want: Vec<&str> = hand.iter().map(|(c, _)| *c).collect();
        assert_eq!(got, want);
        assert_eq!(r.backwardness.rank, want.iter().position(|c| *c == code).expect("ranked") + 1);
    }
}

/// ICT fixture, 2028: IT load 320 kW × PUE 1.4 × 8,760 h = 3,924,480 kWh; × 0.4173 tCO2e/MWh
/// = 1,637.686 tCO2e; the price path is 50,000 KRW in 2025 and 80,000 in 2030, so 2028 is
/// 50,000 + 3/5 × 30,000 = 68,000 KRW/t; carbon value 111,362,614 KRW (rounded to the won).
/// 2032 adds the refresh's 180 t embodied. (The gross method at the constant factor: the
/// fixture without its counterfactual and factor paths.)
#[test]
fn emissions_and_carbon_value_by_hand() {
    let mut v: serde_json::Value = serde_json::from_str(&fixture("ict-e-procurement.yeta.json")).expect("json");
    let env = v["environment"].as_object_mut().expect("env");
    for k in ["counterfactual", "activities", "factors", "include_in_economics", "devices"] {
        env.remove(k);
    }
    env.insert("embodied".into(), serde_json::json!([{ "name": "refresh", "year": 2032, "tco2e": "180" }]));
    env.insert(
        "carbon_price".into(),
        serde_json::json!({ "path": [{ "year": 2025, "krw_per_tco2e": "50000" }, { "year": 2030, "krw_per_tco2e": "80000" }, { "year": 2050, "krw_per_tco2e": "150000" }], "source": "test" }),
    );
    let a = yeta_core::appraise_json(&v.to_string(), None).expect("appraises");
    let e = a.environment.expect("environment");
    let y2028 = e.years.iter().find(|y| y.year == 2028).expect("2028");
    let kwh = 320.0 * 1.4 * 8760.0;
    assert!((y2028.kwh - kwh).abs() < 1e-6, "{}", y2028.kwh);
    let t = kwh / 1000.0 * 0.4173;
    assert!((y2028.tco2e_operational - t).abs() < 1e-9);
    assert!((y2028.price - 68_000.0).abs() < 1e-9);
    assert_eq!(y2028.carbon_value, Decimal::from((t * 68_000.0_f64).round() as i64));
    assert_eq!(format!("{:.3}", t), "1637.686");
    assert_eq!(y2028.carbon_value, Decimal::from(111_362_614));
    let y2032 = e.years.iter().find(|y| y.year == 2032).expect("2032");
    assert!((y2032.tco2e_embodied - 180.0).abs() < 1e-12);
    // B/C with the carbon cost = PV(B) / (PV(C) + PV(carbon)): lower by exactly its PV.
    let (pvb, pvc, cpv) = (f(a.economic.pv_benefits), f(a.economic.pv_costs), f(e.carbon_pv));
    assert!((e.bc_without_carbon.expect("bc") - pvb / pvc).abs() < 1e-12);
    assert!((e.bc_with_carbon.expect("bc") - pvb / (pvc + cpv)).abs() < 1e-12);
}

/// The rail fixture counts carbon as a cost line: its PV(C) exceeds the same study without the
/// carbon line by exactly the carbon PV.
#[test]
fn carbon_cost_line_adds_exactly_its_pv() {
    let text = fixture("rail-wide-area.yeta.json");
    let with = yeta_core::appraise_json(&text, None).expect("appraises");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["environment"]["include_in_economics"] = serde_json::json!(false);
    let without = yeta_core::appraise_json(&v.to_string(), None).expect("appraises");
    let carbon = with.environment.as_ref().expect("env").carbon_pv;
    // Equal to the limit of decimal arithmetic (28 significant digits).
    assert!((with.economic.pv_costs - without.economic.pv_costs - carbon).abs() < Decimal::new(1, 6));
    assert!(carbon > Decimal::ZERO);
    assert!(with.economic.bc_ratio < without.economic.bc_ratio);
    assert_eq!(with.environment.as_ref().expect("env").bc_without_carbon, without.economic.bc_ratio);
    assert!(with.economic.lines.iter().any(|l| l.name == yeta_core::environment::CARBON_LINE));
}

#[test]
fn policy_groups_average_their_ratings() {
    let a = yeta_core::appraise_json(&fixture("ict-e-procurement.yeta.json"), None).expect("appraises");
    let p = a.policy.expect("policy");
    // consistency_readiness: ratings 5 and 4 → 4.5; implementation_risk 4 and 3 → 3.5;
    // overall (5+4+4+3+4+3+4+4)/8 = 3.875; technical (4+4+3+3)/4 = 3.5.
    let g = |id: &str| p.groups.iter().find(|g| g.id == id).expect(id).mean;
    assert_eq!(g("consistency_readiness"), 4.5);
    assert_eq!(g("implementation_risk"), 3.5);
    assert_eq!(p.overall, 3.875);
    assert_eq!(p.technical_overall, Some(3.5));
}

#[test]
fn bad_stage_inputs_name_the_field() {
    let mut v: serde_json::Value = serde_json::from_str(&fixture("ict-e-procurement.yeta.json")).expect("json");
    v["policy"]["items"][1]["rating"] = serde_json::json!(6);
    v["environment"]["risks"][0]["likelihood"] = serde_json::json!(0);
    v["environment"]["risks"][1]["impact"] = serde_json::json!(6);
    v["environment"]["energy"][0]["flows"][0]["amount"] = serde_json::json!("-320");
    v["environment"]["energy"][0]["pue"] = serde_json::json!("0.9");
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    for want in [
        "policy.items[1].rating: 6 is outside the 1–5 scale",
        "environment.risks[0].likelihood: 0 is outside the 1–5 scale",
        "environment.risks[1].impact: 6 is outside the 1–5 scale",
        "environment.energy[0].flows[0].amount: -320 is negative",
        "environment.energy[0].pue: 0.9 is below 1",
    ] {
        assert!(err.contains(want), "missing «{want}» in:\n{err}");
    }
    let s = Study::from_json(&fixture("road-national-route.yeta.json")).expect("parses");
    assert!(s.regional.is_some());
}
