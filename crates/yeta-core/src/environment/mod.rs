//! Environmental risk (Yeta's addition to the PFS): energy, emissions, carbon value, risk register.
//!
//! Placeholder until this stage lands: the section is kept as raw JSON so studies that carry it
//! still round-trip, and the stage contributes nothing to the appraisal.

use crate::appraisal::Context;
use crate::study::{Study, ValidationError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The study's `environment` section (not yet interpreted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct EnvironmentSection(pub serde_json::Value);

/// What this stage adds to the appraisal.
pub type EnvironmentResult = serde_json::Value;

/// Checks the section.
pub fn validate(_section: &EnvironmentSection, _study: &Study, _v: &mut Vec<ValidationError>) {}

/// Runs the stage.
pub fn appraise(_cx: &Context<'_>) -> Option<EnvironmentResult> {
    None
}
