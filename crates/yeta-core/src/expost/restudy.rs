//! The re-study trigger (타당성 재조사, 국가재정법 제50조②, 시행령 제22조①3): total cost growth over
//! the total cost the PFS appraised (the decree: the total agreed with MOEF)
//! at or above the rule set's `restudy_cost_growth` (20 % in the Korean rule sets).
//!
//! What the growth leaves out, as the decree words it (quoted in a National Assembly committee
//! record; the official text not checked here): price escalation (물가인상분) — out already, the
//! totals being in constant base-year prices — and land compensation increases (손실보상비
//! 증가분) — out when the ex-post total is derived from the actual land lines. A 2018-era
//! amendment was reported to make the threshold scale-dependent within 10–20 %; the Korean rule
//! sets keep 20 % (status `practice`).

use crate::diag::{Code, Diagnostic};
use crate::econ::to_f64;
use crate::rules::{RuleSet, Status};
use crate::study::money;
use rust_decimal::Decimal;
use serde::Serialize;

/// The re-study check of one total cost against the PFS total cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestudyCheck {
    /// The total cost the PFS appraised (예비타당성조사 총사업비), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub baseline: Decimal,
    /// The current total cost, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub current: Decimal,
    /// (current − baseline) ÷ baseline, exact.
    #[serde(serialize_with = "money::serialize_out")]
    pub growth: Decimal,
    /// The rule set's threshold, a fraction.
    #[serde(serialize_with = "money::serialize_out")]
    pub threshold: Decimal,
    /// growth ≥ threshold.
    pub triggered: bool,
    /// The threshold's source.
    pub source: String,
    /// How firmly the threshold is established.
    pub status: Status,
}

impl RestudyCheck {
    /// The diagnostic the shells show when the check is triggered.
    pub fn diagnostic(&self, path: &str) -> Option<Diagnostic> {
        self.triggered.then(|| {
            Diagnostic::new(Code::RestudyCostGrowth, path)
                .money("baseline", self.baseline)
                .money("current", self.current)
                .percent("growth", to_f64(self.growth))
                .percent("threshold", to_f64(self.threshold))
        })
    }
}

/// Checks `current` against `baseline` under the rule set's threshold; `None` when the rule set
/// has none or the baseline is not positive.
pub fn check(rules: &RuleSet, baseline: Decimal, current: Decimal) -> Option<RestudyCheck> {
    let t = rules.restudy_cost_growth.as_ref()?;
    if baseline <= Decimal::ZERO {
        return None;
    }
    let growth = current.checked_sub(baseline)?.checked_div(baseline)?;
    Some(RestudyCheck {
        baseline,
        current,
        growth,
        threshold: t.value,
        triggered: growth >= t.value,
        source: t.source.clone(),
        status: t.status,
    })
}

/// The total cost a study revision stands for: the outturn's total cost when it gives one, else
/// `project.total_cost`.
pub fn total_cost(study: &crate::study::Study) -> Decimal {
    study.outturn.as_ref().and_then(|o| o.total_cost.as_ref()).map_or(study.project.total_cost, |t| t.value)
}

/// One revision in the re-study history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevisionCheck {
    /// Revision number.
    pub revision: i64,
    /// Its total cost, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub total_cost: Decimal,
    /// The check against the baseline (absent for the baseline itself or without a threshold).
    pub check: Option<RestudyCheck>,
}

/// Checks every revision `(number, study)` against the baseline revision (the PFS one: the first
/// signed-off, chosen by the caller), in the order given.
pub fn across(rules: &RuleSet, baseline: (i64, Decimal), revisions: &[(i64, Decimal)]) -> Vec<RevisionCheck> {
    revisions
        .iter()
        .map(|&(revision, total_cost)| RevisionCheck {
            revision,
            total_cost,
            check: (revision != baseline.0).then(|| check(rules, baseline.1, total_cost)).flatten(),
        })
        .collect()
}
