//! The AHP comprehensive evaluation (종합평가): pairwise matrices, priorities, consistency and the PFS score.
//!
//! Placeholder until this stage lands: the section is kept as raw JSON so studies that carry it
//! still round-trip, and the stage contributes nothing to the appraisal.

use crate::appraisal::Context;
use crate::study::{Study, ValidationError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The study's `ahp` section (not yet interpreted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct AhpSection(pub serde_json::Value);

/// What this stage adds to the appraisal.
pub type AhpResult = serde_json::Value;

/// Checks the section.
pub fn validate(_section: &AhpSection, _study: &Study, _v: &mut Vec<ValidationError>) {}

/// Runs the stage.
pub fn appraise(_cx: &Context<'_>) -> Option<AhpResult> {
    None
}
