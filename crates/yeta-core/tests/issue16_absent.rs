//! A study without the issue-16 sections (demand models, cost build-up, residual value)
//! appraises exactly as before: none of their keys appear in the appraisal JSON, and the rule
//! set's cost rates and service lives stay out of the applied rules.

#[test]
fn studies_without_the_new_sections_show_none_of_them() {
    for name in ["road-national-route", "ict-e-procurement"] {
        let path = format!("{}/../../fixtures/{name}.yeta.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("fixture");
        let a = yeta_core::appraise_json(&text, None).expect("appraises");
        let v: serde_json::Value = serde_json::from_str(&a.to_json()).expect("json");
        for key in ["demand", "cost_build_up", "residual_value"] {
            assert!(v.get(key).is_none(), "{name}: {key} in the appraisal");
        }
        for key in ["cost_rates", "service_lives"] {
            assert!(v["rules"].get(key).is_none(), "{name}: rules.{key} in the appraisal");
        }
        // And the study writes back without them.
        let s = yeta_core::Study::from_json(&text).expect("parses");
        assert!(!s.to_json().contains("\"demand\"") && !s.to_json().contains("cost_build_up"));
    }
}
