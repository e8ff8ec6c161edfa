//! Monte Carlo risk analysis: uncertainty on lines and parameters, seeded and reproducible.
//!
//! Placeholder until this stage lands: a line's `uncertainty` is kept as raw JSON.

use crate::study::ValidationError;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Uncertainty of a whole line, as a multiplier distribution (not yet interpreted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Uncertainty(pub serde_json::Value);

/// Checks a line's uncertainty.
pub fn validate_uncertainty(_path: &str, _u: &Uncertainty, _v: &mut Vec<ValidationError>) {}
