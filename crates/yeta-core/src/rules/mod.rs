//! Rule sets (적용 지침): the method's parameters as named, versioned data, each value with its
//! source. The rules changed in 2007, 2017, 2019 and 2026 and differ between countries, so they
//! are never constants in code: a study names its rule set and may override single values, and
//! the appraisal reports which rules it used.
//!
//! The rule sets shipped with Yeta live in `fixtures/rules/` and are compiled in; a user's own
//! rule set is read by the shell and passed in as text.

use crate::study::{DecimalString, Sector, SectorClass, StudyError, ValidationError, money, parse_json};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The rule set a study uses when it names none: the current Korean PFS rules.
pub const DEFAULT_RULE_SET: &str = "kr-pfs-2026";

/// The `format` of a rule-set file.
pub const FORMAT: &str = "yeta-rules/1";

/// The rule sets shipped with Yeta, by id.
pub const BUILTIN: [(&str, &str); 4] = [
    ("kr-pfs-2019", include_str!("../../../../fixtures/rules/kr-pfs-2019.json")),
    ("kr-pfs-2026", include_str!("../../../../fixtures/rules/kr-pfs-2026.json")),
    ("uk-green-book-2022", include_str!("../../../../fixtures/rules/uk-green-book-2022.json")),
    ("eu-cba-2014", include_str!("../../../../fixtures/rules/eu-cba-2014.json")),
];

/// How firmly a value is established (METHOD.md's [C] and [U]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Confirmed in a citable public source (document, article or section named).
    Confirmed,
    /// Reported by a secondary source (a review, an announcement, a study) and not checked
    /// against the official text.
    Reported,
    /// Common practice, not confirmed from the official text: visible and editable.
    #[default]
    Practice,
    /// Yeta's stated assumption where no source was found: replace it with the rule in force.
    Assumption,
}

/// Which economic analysis the economic criterion of the AHP rests on (경제성 분석 방법).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum EconomicAnalysis {
    /// Benefit–cost analysis (비용편익분석, B/C).
    #[default]
    Bc,
    /// Cost-effectiveness analysis (비용효과분석, E/C), when benefits cannot be monetised.
    Ec,
}

/// What the comprehensive evaluation does with an evaluator whose CR stays above the cut-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum InconsistentEvaluators {
    /// Kept in the panel; the appraisal reports the score without them too.
    #[default]
    Include,
    /// Left out of the panel; the appraisal reports the score with them too.
    Exclude,
}

/// A value with the source it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from: document, edition, section.
    pub source: String,
    /// Confirmed in a public source, or practice.
    #[serde(default)]
    pub status: Status,
}

/// One step of a rule set's discount schedule, in years after the base year: from year
/// `from_t` on, each year is discounted at `rate` (Green Book: 3.5 % for t = 1..30, 3.0 % from 31).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateStep {
    /// First year, counted from the base year (t = 1 is the year after it).
    pub from_t: u32,
    /// Real annual rate as a fraction.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub rate: Decimal,
}

/// An optional lower rate for long horizons (Korea: 3.5 % beyond year 30, practice, off by default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LongHorizon {
    /// The lower rate applies from year `after_t + 1` on.
    pub after_t: u32,
    /// The lower rate.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub rate: Decimal,
    /// Whether the rule set applies it unless a study says otherwise.
    pub enabled: bool,
}

/// The scale from which a project must go through the PFS (예타 대상 기준).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Sectors the threshold applies to; empty = every sector not named by another threshold.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// Minimum total cost, KRW.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub total_cost: Decimal,
    /// Minimum state funding, KRW.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub state_funding: Decimal,
}

/// A top-level AHP weight range rule (가중치 범위), chosen by hierarchy and capital-region status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeightRangeRule {
    /// Short name, e.g. `non-capital`.
    pub name: String,
    /// The hierarchy it applies to.
    pub class: SectorClass,
    /// Applies to capital-region projects (true), others (false), or both (absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital_region: Option<bool>,
    /// The economic analysis it applies to (B/C, or E/C); absent = B/C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<EconomicAnalysis>,
    /// Allowed [min, max] weight of each top-level criterion, e.g. `"economic": [0.30, 0.45]`.
    pub ranges: BTreeMap<String, [f64; 2]>,
    /// This rule's own source, when it differs from the section's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// This rule's own status, when it differs from the section's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// The 2026 adjustment for population-decline areas: weight moves from economic to regional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PopulationDeclineShift {
    /// Percentage points moved, as a fraction (0.05 = 5 pp).
    pub shift: f64,
    /// Criterion the weight moves from.
    pub from: String,
    /// Criterion it moves to.
    pub to: String,
    /// Cap on the receiving criterion's upper bound.
    pub cap: f64,
}

/// AHP parameters of the comprehensive evaluation (종합평가).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AhpRules {
    /// Score for "implement" from which the project is feasible (0.5).
    pub score_threshold: Sourced<f64>,
    /// Largest acceptable consistency ratio (0.1).
    pub cr_cutoff: Sourced<f64>,
    /// Saaty's random index for n = 1, 2, 3, …
    pub random_index: Sourced<Vec<f64>>,
    /// Allowed top-level weight ranges.
    pub weight_ranges: Sourced<Vec<WeightRangeRule>>,
    /// The population-decline-area adjustment, where the rules have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_decline: Option<Sourced<PopulationDeclineShift>>,
    /// Scores in this band are too close to call (e.g. 0.45–0.55): the verdict says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grey_zone: Option<Sourced<[f64; 2]>>,
    /// Whether evaluators above the CR cut-off stay in the panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inconsistent_evaluators: Option<Sourced<InconsistentEvaluators>>,
}

/// Thresholds of the plausibility warnings on a study's input (입력값 점검): values that are
/// legal but usually a mistake. Said, never refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plausibility {
    /// Yearly growth of a ranged flow from which it is warned about (0.2 = 20 %/yr).
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub high_growth: Decimal,
    /// A growth at or above this is more likely a percentage typed as a number (`"1"` meant as
    /// 1 %, read as +100 %/yr).
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub growth_as_percent: Decimal,
    /// A discount rate at or above this (but below 1, which is refused) is more likely a
    /// percentage.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub discount_as_percent: Decimal,
    /// Sectors whose benefits may start before the construction ends (a phased roll-out); in the
    /// others a benefit before the last capex year is warned about.
    #[serde(default)]
    pub benefits_during_capex: Vec<Sector>,
    /// Capex and land lines may differ from `project.total_cost` by this fraction before the
    /// total-cost mismatch warning (0.10).
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub total_cost_gap: Decimal,
    /// Capex and land over the total cost outside this range is far off: a line or the total in
    /// the wrong unit, or a line missing.
    #[schemars(with = "[DecimalString; 2]")]
    pub total_cost_ratio: [DecimalText; 2],
    /// A line's amount growing by more than this factor from one year to the next.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub jump_factor: Decimal,
}

/// A decimal written as a string inside a list (serde's `with` does not reach into arrays).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DecimalText(#[serde(with = "money")] pub Decimal);

impl Default for Plausibility {
    /// Yeta's own values (status `assumption`) for a rule set that gives none.
    fn default() -> Self {
        Self {
            high_growth: Decimal::new(2, 1),
            growth_as_percent: Decimal::new(5, 1),
            discount_as_percent: Decimal::new(2, 1),
            benefits_during_capex: vec![Sector::Ict, Sector::Rnd],
            total_cost_gap: Decimal::new(1, 1),
            total_cost_ratio: [DecimalText(Decimal::new(5, 1)), DecimalText(Decimal::TWO)],
            jump_factor: Decimal::TEN,
        }
    }
}

/// A whole rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Always `"yeta-rules/1"`.
    pub format: String,
    /// Id a study names, e.g. `kr-pfs-2026`.
    pub id: String,
    /// Title for the report.
    pub title: String,
    /// Version or date of the rules.
    pub version: String,
    /// Country or body the rules belong to.
    pub jurisdiction: String,
    /// What the rules are and what they are based on.
    pub description: String,
    /// The social discount schedule (사회적 할인율).
    pub social_discount: Sourced<Vec<RateStep>>,
    /// An optional lower long-horizon rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_horizon: Option<Sourced<LongHorizon>>,
    /// Rate for the financial analysis (재무적 할인율).
    #[schemars(with = "Sourced<DecimalString>")]
    pub financial_discount_rate: Sourced<Decimal>,
    /// B/C from which a project is economically feasible (1).
    #[schemars(with = "Sourced<DecimalString>")]
    pub bc_threshold: Sourced<Decimal>,
    /// PFS scale thresholds; absent for rule sets without such a gate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pfs_thresholds: Option<Sourced<Vec<Threshold>>>,
    /// Sectors no longer subject to the PFS under these rules (e.g. R&D since January 2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pfs_exempt_sectors: Option<Sourced<Vec<Sector>>>,
    /// Cost growth that triggers a re-study (타당성 재조사), as a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Sourced<DecimalString>>")]
    pub restudy_cost_growth: Option<Sourced<Decimal>>,
    /// AHP comprehensive evaluation parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahp: Option<AhpRules>,
    /// Thresholds of the plausibility warnings; Yeta's defaults when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plausibility: Option<Sourced<Plausibility>>,
    /// Rates of derived total-cost items (예비비 …) with their base classes and sources; kept in
    /// the applied rules only for a study with a cost build-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_rates: Option<Sourced<Vec<crate::buildup::CostRate>>>,
    /// Service lives (내용연수) by asset class for the residual value; kept in the applied rules
    /// only for a study with a residual-value section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_lives: Option<Sourced<Vec<crate::residual::ServiceLife>>>,
    /// Further sections used by later stages (carbon prices, optimism bias), keyed by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, Sourced<serde_json::Value>>,
}

/// Values a study replaces in its rule set, each with the reason the report will print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RuleOverrides {
    /// Turn the long-horizon rate on or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_horizon: Option<Override<bool>>,
    /// Another financial discount rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Override<DecimalString>>")]
    pub financial_discount_rate: Option<Override<Decimal>>,
    /// Another CR cut-off (some practice tolerates 0.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cr_cutoff: Option<Override<f64>>,
}

impl RuleOverrides {
    /// Nothing overridden.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// An overriding value and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Override<T> {
    /// The value used instead of the rule set's.
    pub value: T,
    /// Why: printed in the report's appendix.
    pub reason: String,
}

/// The rules an appraisal actually used: the rule set after the study's overrides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedRules {
    /// The rule set, overrides applied.
    #[serde(flatten)]
    pub set: RuleSet,
    /// What the study changed and why, e.g. `parameters.discount: study's own schedule`.
    pub overrides: Vec<AppliedOverride>,
}

/// One override as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedOverride {
    /// The rule-set field replaced.
    pub field: String,
    /// The new value, as text.
    pub value: String,
    /// The study's reason.
    pub reason: String,
}

impl RuleSet {
    /// Reads a rule set, with field-path errors.
    pub fn from_json(text: &str) -> Result<Self, StudyError> {
        let set: RuleSet = parse_json(text)?;
        let mut v = Vec::new();
        if set.format != FORMAT {
            v.push(ValidationError::new("format", format!("\"{}\" is not \"{FORMAT}\"", set.format)));
        }
        if set.social_discount.value.is_empty() {
            v.push(ValidationError::new("social_discount.value", "is empty"));
        }
        let mut prev = 0;
        for (i, s) in set.social_discount.value.iter().enumerate() {
            if (i == 0 && s.from_t > 1) || (i > 0 && s.from_t <= prev) {
                v.push(ValidationError::new(
                    format!("social_discount.value[{i}].from_t"),
                    format!("{} must start at 1 and increase", s.from_t),
                ));
            }
            if s.rate < Decimal::ZERO || s.rate >= Decimal::ONE {
                v.push(ValidationError::new(
                    format!("social_discount.value[{i}].rate"),
                    format!("{} is outside [0, 1)", s.rate),
                ));
            }
            prev = s.from_t;
        }
        let r = set.financial_discount_rate.value;
        if r < Decimal::ZERO || r >= Decimal::ONE {
            v.push(ValidationError::new("financial_discount_rate.value", format!("{r} is outside [0, 1)")));
        }
        if set.bc_threshold.value <= Decimal::ZERO || set.bc_threshold.value > Decimal::TEN {
            v.push(ValidationError::new(
                "bc_threshold.value",
                format!("{} is outside (0, 10]", set.bc_threshold.value),
            ));
        }
        if let Some(ahp) = &set.ahp {
            let t = ahp.score_threshold.value;
            if !(t > 0.0 && t < 1.0) {
                v.push(ValidationError::new("ahp.score_threshold.value", format!("{t} is outside (0, 1)")));
            }
            let c = ahp.cr_cutoff.value;
            if !(c > 0.0 && c <= 1.0) {
                v.push(ValidationError::new("ahp.cr_cutoff.value", format!("{c} is outside (0, 1]")));
            }
            for (i, x) in ahp.random_index.value.iter().enumerate() {
                if !(x.is_finite() && *x >= 0.0 && *x < 10.0) {
                    v.push(ValidationError::new(
                        format!("ahp.random_index.value[{i}]"),
                        format!("{x} is outside [0, 10)"),
                    ));
                }
            }
            for (i, rule) in ahp.weight_ranges.value.iter().enumerate() {
                let (mut lo, mut hi) = (0.0, 0.0);
                for (k, [a, b]) in &rule.ranges {
                    if !(a.is_finite() && b.is_finite() && 0.0 <= *a && a <= b && *b <= 1.0) {
                        v.push(ValidationError::new(
                            format!("ahp.weight_ranges.value[{i}].ranges.{k}"),
                            format!("[{a}, {b}] is not a range within [0, 1]"),
                        ));
                    }
                    lo += a;
                    hi += b;
                }
                if lo > 1.0 + 1e-9 || hi < 1.0 - 1e-9 {
                    v.push(ValidationError::new(
                        format!("ahp.weight_ranges.value[{i}].ranges"),
                        format!("the minimums add up to {lo:.2} and the maximums to {hi:.2}: no weighting sums to 1"),
                    ));
                }
            }
        }
        if let Some(p) = &set.plausibility {
            let p = &p.value;
            let [lo, hi] = p.total_cost_ratio.map(|x| x.0);
            if !(Decimal::ZERO < lo && lo <= Decimal::ONE && Decimal::ONE <= hi) {
                v.push(ValidationError::new(
                    "plausibility.value.total_cost_ratio",
                    format!("[{lo}, {hi}] must hold 1 and start above 0"),
                ));
            }
            for (name, x) in [
                ("high_growth", p.high_growth),
                ("growth_as_percent", p.growth_as_percent),
                ("discount_as_percent", p.discount_as_percent),
                ("total_cost_gap", p.total_cost_gap),
            ] {
                if x <= Decimal::ZERO {
                    v.push(ValidationError::new(format!("plausibility.value.{name}"), format!("{x} must be positive")));
                }
            }
            if p.jump_factor <= Decimal::ONE {
                v.push(ValidationError::new(
                    "plausibility.value.jump_factor",
                    format!("{} must be above 1", p.jump_factor),
                ));
            }
        }
        if v.is_empty() { Ok(set) } else { Err(StudyError::Invalid(v)) }
    }

    /// The plausibility thresholds: the rule set's, else Yeta's defaults.
    pub fn plausibility(&self) -> Plausibility {
        self.plausibility.as_ref().map(|p| p.value.clone()).unwrap_or_default()
    }

    /// A rule set shipped with Yeta.
    pub fn builtin(id: &str) -> Option<Self> {
        BUILTIN.iter().find(|(i, _)| *i == id).and_then(|(_, text)| Self::from_json(text).ok())
    }

    /// The PFS threshold for a sector: the one naming it, else the general one.
    pub fn threshold_for(&self, sector: Sector) -> Option<&Threshold> {
        let list = &self.pfs_thresholds.as_ref()?.value;
        list.iter().find(|t| t.sectors.contains(&sector)).or_else(|| list.iter().find(|t| t.sectors.is_empty()))
    }

    /// Applies a study's overrides.
    pub fn apply(mut self, o: &RuleOverrides) -> AppliedRules {
        let mut overrides = Vec::new();
        if let Some(x) = &o.long_horizon
            && let Some(lh) = &mut self.long_horizon
        {
            lh.value.enabled = x.value;
            overrides.push(AppliedOverride {
                field: "long_horizon.enabled".into(),
                value: x.value.to_string(),
                reason: x.reason.clone(),
            });
        }
        if let Some(x) = &o.financial_discount_rate {
            self.financial_discount_rate.value = x.value;
            overrides.push(AppliedOverride {
                field: "financial_discount_rate".into(),
                value: x.value.to_string(),
                reason: x.reason.clone(),
            });
        }
        if let Some(x) = &o.cr_cutoff
            && let Some(ahp) = &mut self.ahp
        {
            ahp.cr_cutoff.value = x.value;
            overrides.push(AppliedOverride {
                field: "ahp.cr_cutoff".into(),
                value: x.value.to_string(),
                reason: x.reason.clone(),
            });
        }
        AppliedRules { set: self, overrides }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rule_set_parses_and_is_named_by_its_file() {
        for (id, text) in BUILTIN {
            let set = RuleSet::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(set.id, id);
        }
    }

    #[test]
    fn korean_thresholds_pick_the_sector_rule() {
        let r26 = RuleSet::builtin("kr-pfs-2026").expect("builtin");
        let road = r26.threshold_for(Sector::Road).expect("road threshold");
        let ict = r26.threshold_for(Sector::Ict).expect("general threshold");
        assert_eq!(road.total_cost, Decimal::from(100_000_000_000_i64));
        assert_eq!(ict.total_cost, Decimal::from(50_000_000_000_i64));
        assert!(RuleSet::builtin("uk-green-book-2022").expect("builtin").threshold_for(Sector::Road).is_none());
    }
}
