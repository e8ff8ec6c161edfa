//! The 시·군·구 path of the regional stage (issue 22): the capital-region exemption by 시·군·구,
//! the road fixture located in 제천시 (43150) with the shipped tables, and the older 시·도 path
//! kept for studies without a 시·군·구.

use rust_decimal::Decimal;
use yeta_core::diag::Code;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

/// The road fixture moved to `region` / `municipality`, without its AHP section (whose hierarchy
/// depends on the capital-region status).
fn road_in(region: &str, municipality: Option<&str>) -> yeta_core::appraisal::Appraisal {
    let mut v: serde_json::Value = serde_json::from_str(&fixture("road-national-route.yeta.json")).expect("json");
    v["project"]["region"] = region.into();
    match municipality {
        Some(m) => v["project"]["municipality"] = m.into(),
        None => {
            v["project"].as_object_mut().expect("project").remove("municipality");
        }
    }
    v.as_object_mut().expect("study").remove("ahp");
    yeta_core::appraise_json(&v.to_string(), None).expect("appraises")
}

/// 강화군 (28710) lies in Incheon but is appraised as non-capital; 연수구 (28185) is capital.
/// The index is still computed for both: the 시·군·구 table holds them.
#[test]
fn the_capital_region_exemption_goes_by_the_sigungu() {
    let ganghwa = road_in("KR-28", Some("28710")).regional.expect("regional");
    assert!(!ganghwa.capital_region, "강화군 is appraised as non-capital");
    assert!(ganghwa.notes.iter().any(|n| n.code == Code::RegionalCapitalExempt));
    assert!(!ganghwa.notes.iter().any(|n| n.code == Code::RegionalCapitalNoCriterion));
    let s = ganghwa.sigungu.expect("강화군 is in the table");
    assert_eq!((s.code.as_str(), s.name.as_str()), ("28710", "인천광역시 강화군"));
    assert_eq!(s.province, yeta_core::study::Region::Incheon);
    assert_eq!(s.province_count, 3, "28185, 28710, 28720");

    let yeonsu = road_in("KR-28", Some("28185")).regional.expect("regional");
    assert!(yeonsu.capital_region);
    assert!(yeonsu.notes.iter().any(|n| n.code == Code::RegionalCapitalNoCriterion));
    assert!(!yeonsu.notes.iter().any(|n| n.code == Code::RegionalCapitalExempt));
    // 강화군 (ageing 520, fiscal self-reliance 15 %, urban land 4.5 %) is more backward than
    // 연수구 (90, 30 %, 55 %).
    assert!(s.index > yeonsu.sigungu.expect("연수구").index);

    // Without a 시·군·구 the province decides: Incheon is capital.
    let incheon = road_in("KR-28", None).regional.expect("regional");
    assert!(incheon.capital_region);
    assert!(incheon.sigungu.is_none() && incheon.two_region.is_none());
}

/// The road fixture in 제천시: all its investment spending (capex and overlays; land left out)
/// goes to construction, 80 % of it in 충북, at 충북's two-region construction coefficients
/// (production 1.42 in the region, 0.63 leaked; value added 0.58 / 0.21; jobs 8.1 / 2.6 per
/// KRW 1 bn). Leakage of production = 0.63 / (1.42 + 0.63) = 30.73 %.
#[test]
fn the_road_fixture_in_jecheon_with_the_shipped_tables() {
    let a = yeta_core::appraise_json(&fixture("road-national-route.yeta.json"), None).expect("appraises");
    let r = a.regional.expect("regional");
    let s = r.sigungu.as_ref().expect("제천시 is in the shipped table");
    assert_eq!(s.code, "43150");
    assert_eq!(s.of, 28);
    assert_eq!(s.province_count, 11, "the 11 시·군 of 충북");
    assert!(s.rank >= 1 && s.rank <= 28);
    assert!(r.notes.iter().any(|n| n.code == Code::RegionalEqualWeights));
    assert!(r.notes.iter().any(|n| n.code == Code::RegionalIllustrativeData));
    assert!(r.notes.iter().any(|n| n.code == Code::RegionalSigunguPartialTable));
    // Province mean of population growth over the 11 rows of 충북 typed out:
    // (0.4 − 0.2 − 0.8 − 1.3 − 1.0 − 1.2 + 0.0 + 1.8 − 1.4 + 0.3 − 1.6) / 11 = −5.0 / 11.
    let pop = s.indicators.iter().find(|i| i.id == "population_growth_pct").expect("indicator");
    assert!((pop.province_mean - -5.0 / 11.0).abs() < 1e-12, "{}", pop.province_mean);
    assert!((pop.value - -0.8).abs() < 1e-12);

    let e = r.two_region.as_ref().expect("충북 is in the two-region table");
    assert_eq!(e.sectors.iter().filter(|x| !x.spending.is_zero()).count(), 1, "construction only");
    let c = &e.sectors[0];
    assert_eq!(c.sector, "construction");
    let d = |s: &str| s.parse::<Decimal>().expect("decimal");
    assert_eq!(e.share_in_region, d("0.8"));
    assert_eq!(e.spending_in_region, (e.spending * d("0.8")).round_dp(0));
    assert_eq!(e.production.intra, (e.spending_in_region * d("1.42")).round_dp(0));
    assert_eq!(e.production.leak, (e.spending_in_region * d("0.63")).round_dp(0));
    assert_eq!(e.value_added.leak, (e.spending_in_region * d("0.21")).round_dp(0));
    assert_eq!(e.employment.intra, (e.spending_in_region / d("1000000000") * d("8.1")).round_dp(2));
    let leak = e.production.leak_share().expect("share");
    assert!((leak - d("0.3073")).abs() < d("0.0001"), "{leak}");
    // The spending counted is the old path's (capex and reinvestment, land left out).
    assert_eq!(e.spending, r.effects.spending);
}

/// A 시·군·구 the table lacks keeps the 시·도 path, with a note.
#[test]
fn a_sigungu_outside_the_table_keeps_the_province_path() {
    let r = road_in("KR-43", Some("43720")).regional.expect("regional");
    assert!(r.sigungu.is_some(), "보은군 is in the table");
    let r = road_in("KR-47", Some("47130")).regional.expect("regional");
    assert!(r.sigungu.is_none() && r.two_region.is_none());
    assert!(r.notes.iter().any(|n| n.code == Code::RegionalSigunguNotInTable));
}
