//! Study problems as data: the kind and its arguments, for the shells to word from the catalog.

use yeta_core::study::Problem;

fn road() -> serde_json::Value {
    let t =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/road-national-route.yeta.json"))
            .expect("fixture");
    serde_json::from_str(&t).expect("json")
}

#[test]
fn common_problems_carry_their_kind_and_values() {
    let mut s = road();
    s["project"]["name"] = "".into();
    s["project"]["state_funding"] = "-5".into();
    s["costs"][0]["flows"][0]["year"] = 2101.into();
    s["benefits"][1]["name"] = s["benefits"][0]["name"].clone();
    let problems = yeta_core::appraise_json(&s.to_string(), None).expect_err("invalid").problems();
    let find = |path: &str| problems.iter().find(|p| p.path == path).unwrap_or_else(|| panic!("{path}: {problems:?}"));
    let name = find("project.name");
    assert_eq!(name.code, Some(Problem::Empty));
    let sf = find("project.state_funding");
    assert_eq!(sf.code, Some(Problem::Negative));
    assert_eq!(sf.args["value"], "-5");
    let year = find("costs[0].flows[0].year");
    assert_eq!(year.code, Some(Problem::YearAfterPeriod));
    assert_eq!((year.args["year"].as_str(), year.args["last"].as_str()), ("2101", "2059"));
    let dup = find("benefits[1].name");
    assert_eq!(dup.code, Some(Problem::NameTaken));
    assert_eq!(dup.args["other"], "benefits[0]");
    // Serialised as the shells read it: `code` in snake_case beside the English message.
    let j = serde_json::to_value(year).expect("json");
    assert_eq!(j["code"], "year_after_period");
    assert!(j["message"].as_str().is_some_and(|m| m.contains("2101")));
}
