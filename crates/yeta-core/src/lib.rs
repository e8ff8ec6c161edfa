//! # yeta-core: the appraisal engine of Yeta
//!
//! Korea's Preliminary Feasibility Study (예비타당성조사, PFS) in code. The engine is a pure
//! function from a study to an appraisal: no files, no clock, no network. The shells (the `yeta`
//! CLI, the desktop app) read files and pass text in.
//!
//! The pipeline, one module per stage of the method ([`appraisal`] runs them in order):
//! - [`study`]: the `yeta-study/1` file, parsing with field-path errors, validation, flows;
//! - [`rules`]: rule sets (discount schedules, thresholds, AHP ranges) as sourced data;
//! - [`econ`]: economic feasibility (경제성): PV, NPV, B/C, IRR, payback, sensitivity;
//! - [`finance`]: financial analysis (재무성): FNPV, PI, funding split, financing risk;
//! - [`policy`], [`regional`], [`environment`]: the non-monetised stages;
//! - [`ahp`]: the comprehensive evaluation (종합평가);
//! - [`risk`]: Monte Carlo risk analysis;
//! - [`compare`]: studies side by side (the reviewer's portfolio view).
//!
//! ```
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/road-national-route.yeta.json")).unwrap();
//! let appraisal = yeta_core::appraise_json(&text, None).unwrap();
//! assert!(appraisal.economic.bc_ratio.unwrap() > 0.0);
//! ```
#![deny(missing_docs)]

pub mod ahp;
pub mod alternatives;
pub mod appraisal;
pub mod buildup;
pub mod compare;
pub mod demand;
pub mod diag;
pub mod diff;
pub mod econ;
pub mod effectiveness;
pub mod environment;
pub mod expost;
pub mod finance;
pub mod policy;
pub mod prices;
pub mod regional;
pub mod residual;
pub mod risk;
pub mod rules;
pub mod study;

pub use appraisal::{Appraisal, appraise, appraise_json};
pub use rules::RuleSet;
pub use study::{Study, StudyError, ValidationError};

/// The JSON Schema of the study file, generated from the Rust types.
pub fn study_schema() -> String {
    let schema = schemars::schema_for!(Study);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
pub(crate) mod test_support {
    /// A small valid study: 100 in 2026 and 2027, benefits 30 a year 2028..2040.
    pub fn minimal_study_json() -> String {
        r#"{
  "format": "yeta-study/1",
  "project": { "name": "Test", "sponsor": "Test ministry", "sector": "road", "region": "KR-43",
               "total_cost": "200", "state_funding": "100" },
  "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2070 },
  "costs": [ { "name": "Build", "kind": "capex", "flows": [ { "from": 2026, "to": 2027, "amount": "100" } ] } ],
  "benefits": [ { "name": "Time", "kind": "travel_time", "flows": [ { "from": 2028, "to": 2040, "amount": "30" } ] } ]
}"#
        .to_owned()
    }
}
