//! The AHP comprehensive evaluation (종합평가, Analytic Hierarchy Process).
//!
//! A panel of evaluators weighs the top-level criteria (economic feasibility, policy analysis,
//! balanced regional development — or technical feasibility for ICT projects) and their
//! sub-criteria by pairwise comparison, then judges "implement" against "do not implement" at
//! each leaf. The score for "implement" is Σ (global leaf weight × priority of implement); the
//! project goes ahead when it is at least the rule set's threshold (0.5).
//!
//! The rule set bounds the top-level weights (가중치 범위). Yeta reports the score with the
//! panel's weights held to that range, flags evaluators outside it, and gives the lowest and
//! highest score any weights in the range could produce, so a reviewer sees at once whether the
//! verdict is robust.

pub mod matrix;
pub mod panel;

pub use matrix::{Judgement, Method, Priorities};

use crate::appraisal::Context;
use crate::diag::{Code, Diagnostic};
use crate::rules::{AhpRules, WeightRangeRule};
use crate::study::{SectorClass, Study, ValidationError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Key of the top-level matrix in an evaluator's `criteria`.
pub const GOAL: &str = "goal";

/// How individual judgements become the panel's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Aggregation of individual judgements: element-wise geometric mean of the matrices (AIJ).
    #[default]
    Aij,
    /// Aggregation of individual priorities: arithmetic mean of each evaluator's local
    /// priorities at every node (AIP).
    Aip,
}

/// A criterion of the hierarchy; a leaf has no children.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Id used as the key of judgements, e.g. `policy`, `consistency_readiness`.
    pub id: String,
    /// Name for the report; the id when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Sub-criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Criterion>,
}

/// One evaluator's judgements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluator {
    /// Name or code of the evaluator.
    pub name: String,
    /// Role or field, e.g. `transport economist`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A pairwise matrix for every criterion with children, keyed by its id (`goal` for the top
    /// level), rows and columns in the hierarchy's order. Blanks (`null`) are completed.
    pub criteria: BTreeMap<String, Vec<Vec<Judgement>>>,
    /// At each leaf, how strongly "implement" is preferred to "do not implement" on Saaty's
    /// scale (`3`: moderately; `"1/3"`: not implementing moderately preferred).
    pub alternatives: BTreeMap<String, Judgement>,
    /// The B/C the evaluator was shown when judging; the appraisal flags judgements made against
    /// economic figures that have changed since (more than 0.005 apart).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bc_seen: Option<f64>,
}

/// The study's `ahp` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AhpSection {
    /// AIJ (default) or AIP.
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Eigenvector (default) or geometric mean.
    #[serde(default)]
    pub method: Method,
    /// A custom hierarchy (top-level criteria); by default the PFS hierarchy of the sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hierarchy: Option<Vec<Criterion>>,
    /// The economic analysis the economic criterion rests on: B/C (default) or E/C
    /// (cost-effectiveness); decides which weight ranges apply.
    #[serde(default)]
    pub economic_analysis: crate::rules::EconomicAnalysis,
    /// The panel.
    pub evaluators: Vec<Evaluator>,
}

fn leaf(id: &str, name: &str) -> Criterion {
    Criterion { id: id.into(), name: Some(name.into()), children: vec![] }
}

fn node(id: &str, name: &str, children: Vec<Criterion>) -> Criterion {
    Criterion { id: id.into(), name: Some(name.into()), children }
}

/// The PFS hierarchy (METHOD.md): economic / policy / balanced regional development for
/// construction outside the capital region; no regional criterion inside it; technical
/// feasibility instead for ICT; economic / policy for other projects.
pub fn default_hierarchy(class: SectorClass, capital_region: bool) -> Vec<Criterion> {
    let policy = node(
        "policy",
        "Policy analysis (정책성)",
        vec![
            leaf("consistency_readiness", "Policy consistency and readiness (정책의 일관성 및 사업준비 정도)"),
            leaf("implementation_risk", "Implementation risks incl. funding (사업 추진상의 위험요인)"),
            leaf("policy_effects", "Policy effects: jobs, living conditions, environment, safety (정책효과)"),
            leaf("special_items", "Project-specific items (사업별 특수평가 항목)"),
        ],
    );
    let economic = leaf("economic", "Economic feasibility (경제성)");
    match class {
        SectorClass::Construction if !capital_region => vec![
            economic,
            policy,
            node(
                "regional",
                "Balanced regional development (지역균형발전)",
                vec![
                    leaf("backwardness", "Regional backwardness (지역낙후도)"),
                    leaf("regional_economy", "Regional economic effects (지역경제 파급효과)"),
                    leaf("employment", "Employment inducement (고용유발 효과)"),
                ],
            ),
        ],
        SectorClass::Ict => vec![
            economic,
            policy,
            node(
                "technical",
                "Technical feasibility (기술성)",
                vec![
                    leaf("maturity", "Technology maturity (기술 성숙도)"),
                    leaf("architecture_fit", "Fit with government architecture and standards (표준·아키텍처 부합성)"),
                    leaf("security", "Security (보안성)"),
                    leaf("delivery_capability", "Delivery capability (사업 수행역량)"),
                ],
            ),
        ],
        _ => vec![economic, policy],
    }
}

/// The hierarchy a study is evaluated with.
pub fn hierarchy_of(section: &AhpSection, study: &Study) -> Vec<Criterion> {
    section
        .hierarchy
        .clone()
        .unwrap_or_else(|| default_hierarchy(study.project.sector.class(), study.project.is_capital_region()))
}

/// Nodes with children as (key, child ids), top level first under the key `goal`.
fn inner_nodes(top: &[Criterion]) -> Vec<(String, Vec<String>)> {
    fn walk(c: &Criterion, out: &mut Vec<(String, Vec<String>)>) {
        if !c.children.is_empty() {
            out.push((c.id.clone(), c.children.iter().map(|c| c.id.clone()).collect()));
            for ch in &c.children {
                walk(ch, out);
            }
        }
    }
    let mut out = vec![(GOAL.to_owned(), top.iter().map(|c| c.id.clone()).collect())];
    for c in top {
        walk(c, &mut out);
    }
    out
}

/// Leaf ids in hierarchy order.
fn leaves_of(top: &[Criterion]) -> Vec<String> {
    fn walk(c: &Criterion, out: &mut Vec<String>) {
        if c.children.is_empty() {
            out.push(c.id.clone());
        }
        for ch in &c.children {
            walk(ch, out);
        }
    }
    let mut out = vec![];
    for c in top {
        walk(c, &mut out);
    }
    out
}

/// Checks that no matrix of the panel is larger than the rule set's random-index table: CR is
/// undefined beyond it (Saaty's table runs to n = 15), so such a matrix is refused, not scored.
pub fn check_sizes(section: &AhpSection, study: &Study, ri_len: usize, v: &mut Vec<ValidationError>) {
    let top = hierarchy_of(section, study);
    for (key, children) in &inner_nodes(&top) {
        if children.len() > ri_len {
            v.push(ValidationError::new(
                format!("ahp.hierarchy.{key}"),
                format!(
                    "compares {} items, more than the rule set's random-index table ({ri_len}); CR is undefined beyond it: group the items under sub-criteria, or use a rule set whose RI table is longer (with its source)",
                    children.len()
                ),
            ));
        }
    }
}

/// Checks the section: every matrix present, of the right size, positive, reciprocal, on scale.
pub fn validate(section: &AhpSection, study: &Study, v: &mut Vec<ValidationError>) {
    let top = hierarchy_of(section, study);
    let mut ids = std::collections::HashSet::new();
    let mut dup = Vec::new();
    fn collect<'a>(c: &'a Criterion, ids: &mut std::collections::HashSet<&'a str>, dup: &mut Vec<String>) {
        if !ids.insert(c.id.as_str()) {
            dup.push(c.id.clone());
        }
        for ch in &c.children {
            collect(ch, ids, dup);
        }
    }
    for c in &top {
        collect(c, &mut ids, &mut dup);
    }
    for d in dup {
        v.push(ValidationError::new("ahp.hierarchy", format!("criterion id \"{d}\" is used twice")));
    }
    if top.is_empty() {
        v.push(ValidationError::new("ahp.hierarchy", "is empty"));
        return;
    }
    if section.evaluators.is_empty() {
        v.push(ValidationError::new("ahp.evaluators", "is empty; the panel needs at least one evaluator"));
    }
    let nodes = inner_nodes(&top);
    let leaves = leaves_of(&top);
    for (e, ev) in section.evaluators.iter().enumerate() {
        let at = format!("ahp.evaluators[{e}]");
        for (key, children) in &nodes {
            let Some(rows) = ev.criteria.get(key) else {
                v.push(ValidationError::new(
                    format!("{at}.criteria"),
                    format!("missing the matrix \"{key}\" comparing {}", children.join(", ")),
                ));
                continue;
            };
            if rows.len() != children.len() {
                v.push(ValidationError::new(
                    format!("{at}.criteria.{key}"),
                    format!(
                        "has {} rows; \"{key}\" has {} sub-criteria ({})",
                        rows.len(),
                        children.len(),
                        children.join(", ")
                    ),
                ));
                continue;
            }
            if let Err(errs) = matrix::check(rows) {
                for err in errs {
                    v.push(ValidationError::new(format!("{at}.criteria.{key}{}", err.cell), err.message));
                }
            }
        }
        for key in ev.criteria.keys() {
            if !nodes.iter().any(|(k, _)| k == key) {
                v.push(ValidationError::new(
                    format!("{at}.criteria.{key}"),
                    "is not a criterion with sub-criteria in the hierarchy",
                ));
            }
        }
        for l in &leaves {
            match ev.alternatives.get(l).map(|j| j.0) {
                None | Some(None) => v.push(ValidationError::new(
                    format!("{at}.alternatives"),
                    format!("missing the judgement of implement vs. not at \"{l}\""),
                )),
                Some(Some(x)) if !(x > 0.0) || !(1.0 / 9.0 - 1e-9..=9.0 + 1e-9).contains(&x) => {
                    v.push(ValidationError::new(
                        format!("{at}.alternatives.{l}"),
                        format!("{x} is not on Saaty's scale (1/9 to 9)"),
                    ))
                }
                _ => {}
            }
        }
        for key in ev.alternatives.keys() {
            if !leaves.contains(key) {
                v.push(ValidationError::new(
                    format!("{at}.alternatives.{key}"),
                    "is not a leaf criterion of the hierarchy",
                ));
            }
        }
    }
}

/// A top-level criterion's part in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionResult {
    /// Criterion id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Panel weight after the rule set's range is applied.
    pub weight: f64,
    /// Panel weight as judged.
    pub weight_unconstrained: f64,
    /// Allowed range, if the rule set gives one.
    pub range: Option<[f64; 2]>,
    /// Priority of "implement" within this criterion (its sub-tree).
    pub score: f64,
    /// weight × score: the criterion's share of the final score.
    pub contribution: f64,
}

/// A leaf's part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeafResult {
    /// Leaf id.
    pub id: String,
    /// Ids from the top-level criterion down to the leaf.
    pub path: Vec<String>,
    /// Global weight (product of local weights, rule applied at the top).
    pub global_weight: f64,
    /// The panel's priority of "implement" at this leaf.
    pub implement_priority: f64,
}

/// A repair hint for an inconsistent matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeHint {
    /// The matrix (`goal` or a criterion id).
    pub node: String,
    /// Row item.
    pub row: String,
    /// Column item.
    pub column: String,
    /// Judgement given.
    pub given: f64,
    /// w_i / w_j.
    pub consistent: f64,
    /// Nearest Saaty value.
    pub suggested: String,
    /// The judgement given, on Saaty's scale as text (e.g. `1/3`).
    pub given_text: String,
    /// CR of the matrix.
    pub cr: f64,
}

/// One evaluator's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluatorResult {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Their own score for "implement" (their weights, unconstrained).
    pub score: f64,
    /// Largest CR of their matrices.
    pub cr: f64,
    /// CR of each matrix.
    pub crs: BTreeMap<String, f64>,
    /// Every CR at or below the cut-off.
    pub consistent: bool,
    /// Their top-level weights.
    pub weights: BTreeMap<String, f64>,
    /// Top-level criteria whose weight lies outside the rule set's range.
    pub outside_range: Vec<String>,
    /// Judgements to reconsider where a matrix is inconsistent.
    pub hints: Vec<NodeHint>,
}

/// The weight-range rule applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedRange {
    /// Rule name from the rule set.
    pub rule: String,
    /// Ranges after any population-decline shift.
    pub ranges: BTreeMap<String, [f64; 2]>,
    /// The 2026 population-decline shift was applied.
    pub population_decline_shift: bool,
    /// The economic analysis the ranges are for.
    pub analysis: crate::rules::EconomicAnalysis,
    /// Source of the ranges.
    pub source: String,
    /// How firmly the ranges are established.
    pub status: crate::rules::Status,
}

/// The comprehensive evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AhpResult {
    /// Final score for "implement", rule applied.
    pub score: f64,
    /// `implement` or `do_not_implement`.
    pub verdict: &'static str,
    /// score ≥ threshold.
    pub implement: bool,
    /// The rule set's threshold (0.5).
    pub threshold: f64,
    /// Score with the panel's weights as judged.
    pub score_unconstrained: f64,
    /// Lowest and highest score over every top-level weighting the range allows.
    pub score_range: [f64; 2],
    /// The verdict is the same across the whole range.
    pub robust: bool,
    /// The rule set's band of scores too close to call, if it has one (e.g. 0.45–0.55).
    pub grey_zone: Option<[f64; 2]>,
    /// The score lies in the grey zone.
    pub in_grey_zone: bool,
    /// What the rule set does with evaluators above the CR cut-off.
    pub inconsistent_policy: crate::rules::InconsistentEvaluators,
    /// Evaluators whose judgements make the panel's score.
    pub evaluators_included: usize,
    /// Evaluators above the CR cut-off.
    pub evaluators_inconsistent: usize,
    /// The score the other way round: without the inconsistent evaluators when the policy
    /// includes them, with them when it excludes them; absent when every evaluator is consistent.
    pub score_other_policy: Option<f64>,
    /// Top-level weights, rule applied, by id.
    pub weights: BTreeMap<String, f64>,
    /// weight × criterion score by id; sums to `score`.
    pub contributions: BTreeMap<String, f64>,
    /// Top-level criteria in hierarchy order.
    pub criteria: Vec<CriterionResult>,
    /// Leaves in hierarchy order.
    pub leaves: Vec<LeafResult>,
    /// Each evaluator.
    pub evaluators: Vec<EvaluatorResult>,
    /// AIJ or AIP.
    pub aggregation: Aggregation,
    /// Eigenvector or geometric mean.
    pub method: Method,
    /// CR cut-off used.
    pub cr_cutoff: f64,
    /// The weight range applied, if any.
    pub weight_range: Option<AppliedRange>,
    /// The study's B/C, shown to evaluators beside the economic judgement.
    pub economic_bc: Option<f64>,
    /// Anything the reader should know (completed blanks, ranges not applicable…).
    pub notes: Vec<Diagnostic>,
    /// The reviewer's view: switching values of the verdict, leave-one-out scores, agreement.
    pub panel: panel::PanelAnalysis,
}

/// Local priorities at every inner node and "implement" priorities at every leaf.
struct Judged {
    local: BTreeMap<String, Vec<f64>>,
    implement: BTreeMap<String, f64>,
}

/// Matrices of one evaluator, checked (validation has already passed).
fn matrices(ev: &Evaluator) -> BTreeMap<String, Vec<Vec<Option<f64>>>> {
    ev.criteria.iter().filter_map(|(k, rows)| matrix::check(rows).ok().map(|m| (k.clone(), m))).collect()
}

fn implement_priority(a: f64) -> f64 {
    a / (1.0 + a)
}

/// Score of each top-level criterion: Σ over its leaves of (local weights below it) × P(implement).
fn criterion_scores(top: &[Criterion], j: &Judged) -> Vec<f64> {
    fn score(c: &Criterion, j: &Judged) -> f64 {
        if c.children.is_empty() {
            return j.implement.get(&c.id).copied().unwrap_or(0.0);
        }
        let w = j.local.get(&c.id).cloned().unwrap_or_default();
        c.children.iter().zip(w).map(|(ch, w)| w * score(ch, j)).sum()
    }
    top.iter().map(|c| score(c, j)).collect()
}

/// The weights the verdict stands on: the Euclidean projection of the panel's weights onto the
/// allowed box ∩ simplex {w : lo_k ≤ w_k ≤ hi_k, Σ w_k = 1} — the nearest weighting the rule
/// set allows. The projection is w_k = clamp(w_k − τ, lo_k, hi_k) with the one τ that makes
/// the sum 1 (the sum is continuous and non-increasing in τ, so bisection finds it). `None` when
/// the box and the simplex do not meet (Σ lo > 1 or Σ hi < 1), or an input is not finite.
pub fn project_to_ranges(w: &[f64], ranges: &[[f64; 2]]) -> Option<Vec<f64>> {
    if w.len() != ranges.len() || w.iter().chain(ranges.iter().flatten()).any(|x| !x.is_finite()) {
        return None;
    }
    let lo_sum: f64 = ranges.iter().map(|r| r[0]).sum();
    let hi_sum: f64 = ranges.iter().map(|r| r[1]).sum();
    if ranges.iter().any(|r| r[0] > r[1]) || lo_sum > 1.0 + 1e-12 || hi_sum < 1.0 - 1e-12 {
        return None;
    }
    let at = |tau: f64| -> Vec<f64> { w.iter().zip(ranges).map(|(x, r)| (x - tau).clamp(r[0], r[1])).collect() };
    let sum = |tau: f64| at(tau).iter().sum::<f64>();
    // At τ = min(w − hi) every weight sits at its upper bound (sum ≥ 1); at max(w − lo), at its
    // lower bound (sum ≤ 1).
    let mut a = w.iter().zip(ranges).map(|(x, r)| x - r[1]).fold(f64::INFINITY, f64::min);
    let mut b = w.iter().zip(ranges).map(|(x, r)| x - r[0]).fold(f64::NEG_INFINITY, f64::max);
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        if sum(m) > 1.0 {
            a = m
        } else {
            b = m
        }
        if b - a <= f64::EPSILON * (1.0 + a.abs().max(b.abs())) {
            break;
        }
    }
    let mut out = at(0.5 * (a + b));
    // Put the last rounding error on a weight strictly inside its range, so Σ = 1 to the ulp.
    let err = 1.0 - out.iter().sum::<f64>();
    if let Some(k) = (0..out.len()).find(|&k| out[k] + err >= ranges[k][0] && out[k] + err <= ranges[k][1]) {
        out[k] += err;
    }
    Some(out)
}

/// Lowest and highest Σ w_k s_k over the box ∩ simplex: fill from the lower bounds, giving the
/// remaining weight to the best (or worst) criteria first — the optimum of a linear function
/// over this polytope is at such a vertex.
pub fn score_range(scores: &[f64], ranges: &[[f64; 2]]) -> Option<[f64; 2]> {
    let lo_sum: f64 = ranges.iter().map(|r| r[0]).sum();
    let hi_sum: f64 = ranges.iter().map(|r| r[1]).sum();
    if lo_sum > 1.0 + 1e-9 || hi_sum < 1.0 - 1e-9 {
        return None;
    }
    let extreme = |best_first: bool| {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(
            |&a, &b| {
                if best_first { scores[b].total_cmp(&scores[a]) } else { scores[a].total_cmp(&scores[b]) }
            },
        );
        let mut left = 1.0 - lo_sum;
        let mut total: f64 = ranges.iter().zip(scores).map(|(r, s)| r[0] * s).sum();
        for i in order {
            let add = left.min(ranges[i][1] - ranges[i][0]);
            total += add * scores[i];
            left -= add;
        }
        total
    };
    Some([extreme(false), extreme(true)])
}

/// The weight-range rule for this study, with the 2026 population-decline shift.
fn applied_range(
    rules: &AhpRules,
    study: &Study,
    analysis: crate::rules::EconomicAnalysis,
    top_ids: &[String],
) -> Result<AppliedRange, &'static str> {
    let class = study.project.sector.class();
    let capital = study.project.is_capital_region();
    let rule: &WeightRangeRule = rules
        .weight_ranges
        .value
        .iter()
        .find(|r| {
            r.class == class
                && r.capital_region.is_none_or(|c| c == capital)
                && r.analysis.unwrap_or_default() == analysis
        })
        .ok_or("no_rule_for_project")?;
    let mut ranges = rule.ranges.clone();
    let mut shifted = false;
    if study.project.population_decline_area
        && let Some(pd) = &rules.population_decline
    {
        let p = &pd.value;
        if ranges.contains_key(&p.from) && ranges.contains_key(&p.to) {
            if let Some(r) = ranges.get_mut(&p.from) {
                *r = [(r[0] - p.shift).max(0.0), (r[1] - p.shift).max(0.0)];
            }
            if let Some(r) = ranges.get_mut(&p.to) {
                *r = [(r[0] + p.shift).min(p.cap), (r[1] + p.shift).min(p.cap)];
            }
            shifted = true;
        }
    }
    let mut keys: Vec<&String> = ranges.keys().collect();
    keys.sort();
    let mut ids: Vec<&String> = top_ids.iter().collect();
    ids.sort();
    if keys != ids {
        return Err("hierarchy_mismatch");
    }
    Ok(AppliedRange {
        rule: rule.name.clone(),
        ranges,
        population_decline_shift: shifted,
        analysis,
        source: rule.source.clone().unwrap_or_else(|| rules.weight_ranges.source.clone()),
        status: rule.status.unwrap_or(rules.weight_ranges.status),
    })
}

/// Runs the comprehensive evaluation.
pub fn appraise(cx: &Context<'_>) -> Option<AhpResult> {
    let section = cx.study.ahp.as_ref()?;
    let default_rules;
    let rules = match &cx.rules.set.ahp {
        Some(r) => r,
        None => {
            default_rules = crate::rules::RuleSet::builtin(crate::rules::DEFAULT_RULE_SET)?.ahp?;
            &default_rules
        }
    };
    let mut notes = Vec::new();
    if cx.rules.set.ahp.is_none() {
        notes.push(
            Diagnostic::new(Code::AhpDefaultRules, "rules.id")
                .text("rules", cx.rules.set.id.clone())
                .text("default", crate::rules::DEFAULT_RULE_SET),
        );
    }
    Some(evaluate(section, cx.study, rules, cx.rules.set.ahp.is_some(), cx.economic.bc_ratio, notes))
}

/// The evaluation itself, for a study and an AHP rule section.
pub fn evaluate(
    section: &AhpSection,
    study: &Study,
    rules: &AhpRules,
    apply_ranges: bool,
    economic_bc: Option<f64>,
    mut notes: Vec<Diagnostic>,
) -> AhpResult {
    let top = hierarchy_of(section, study);
    let top_ids: Vec<String> = top.iter().map(|c| c.id.clone()).collect();
    let nodes = inner_nodes(&top);
    let ri = &rules.random_index.value;
    let cutoff = rules.cr_cutoff.value;
    let names: BTreeMap<String, String> = {
        fn walk(c: &Criterion, out: &mut BTreeMap<String, String>) {
            out.insert(c.id.clone(), c.name.clone().unwrap_or_else(|| c.id.clone()));
            for ch in &c.children {
                walk(ch, out);
            }
        }
        let mut out = BTreeMap::new();
        for c in &top {
            walk(c, &mut out);
        }
        out
    };

    // Each evaluator on their own.
    let all: Vec<BTreeMap<String, Vec<Vec<Option<f64>>>>> = section.evaluators.iter().map(matrices).collect();
    let mut individual: Vec<Judged> = Vec::new();
    let mut ev_results = Vec::new();
    let range = if apply_ranges {
        applied_range(rules, study, section.economic_analysis, &top_ids)
    } else {
        Err("no_ranges_in_rules")
    };
    if let Err(why) = &range {
        notes.push(Diagnostic::new(Code::AhpRangesNotApplied, "ahp").code("reason", "ranges", *why));
    }
    let range = range.ok();
    for (ev_index, (ev, ms)) in section.evaluators.iter().zip(&all).enumerate() {
        let mut local = BTreeMap::new();
        let mut crs = BTreeMap::new();
        let mut hints = Vec::new();
        for (key, children) in &nodes {
            let Some(m) = ms.get(key) else { continue };
            let p = matrix::priorities(m, section.method, ri, cutoff);
            if !p.completed.is_empty() {
                notes.push(
                    Diagnostic::new(Code::AhpBlanksCompleted, format!("ahp.evaluators[{ev_index}].criteria.{key}"))
                        .text("evaluator", ev.name.clone())
                        .int("count", p.completed.len() as i64)
                        .code("node", "criterion", key.clone()),
                );
            }
            for h in &p.hints {
                let (row, col) = (&children[h.i], &children[h.j]);
                hints.push(NodeHint {
                    node: key.clone(),
                    row: row.clone(),
                    column: col.clone(),
                    given: h.given,
                    consistent: h.consistent,
                    suggested: h.suggested.clone(),
                    given_text: matrix::saaty_text(h.given),
                    cr: p.cr,
                });
            }
            crs.insert(key.clone(), p.cr);
            local.insert(key.clone(), p.weights);
        }
        let implement =
            ev.alternatives.iter().filter_map(|(k, j)| j.0.map(|a| (k.clone(), implement_priority(a)))).collect();
        let j = Judged { local, implement };
        let s = criterion_scores(&top, &j);
        let w = j.local.get(GOAL).cloned().unwrap_or_default();
        let outside_range = match &range {
            Some(r) => top_ids
                .iter()
                .zip(&w)
                .filter(|(id, w)| r.ranges.get(*id).is_some_and(|b| **w < b[0] - 1e-9 || **w > b[1] + 1e-9))
                .map(|(id, _)| id.clone())
                .collect(),
            None => vec![],
        };
        let cr = crs.values().copied().fold(0.0, f64::max);
        ev_results.push(EvaluatorResult {
            name: ev.name.clone(),
            role: ev.role.clone(),
            score: w.iter().zip(&s).map(|(w, s)| w * s).sum(),
            cr,
            crs,
            consistent: cr <= cutoff + 1e-12,
            weights: top_ids.iter().cloned().zip(w.iter().copied()).collect(),
            outside_range,
            hints,
        });
        individual.push(j);
    }

    // The panel, over the evaluators `mask` keeps.
    let panel_of = |mask: &[bool]| -> Judged {
        match section.aggregation {
            Aggregation::Aij => {
                let mut local = BTreeMap::new();
                for (key, _) in &nodes {
                    let ms: Vec<Vec<Vec<Option<f64>>>> =
                        all.iter().zip(mask).filter(|(_, k)| **k).filter_map(|(m, _)| m.get(key).cloned()).collect();
                    if ms.is_empty() {
                        continue;
                    }
                    let g = matrix::geometric_mean_of(&ms);
                    local.insert(key.clone(), matrix::priorities(&g, section.method, ri, cutoff).weights);
                }
                let mut implement = BTreeMap::new();
                for l in leaves_of(&top) {
                    let vals: Vec<f64> = section
                        .evaluators
                        .iter()
                        .zip(mask)
                        .filter(|(_, k)| **k)
                        .filter_map(|(e, _)| e.alternatives.get(&l).and_then(|j| j.0))
                        .collect();
                    if !vals.is_empty() {
                        let g = (vals.iter().map(|v| v.ln()).sum::<f64>() / vals.len() as f64).exp();
                        implement.insert(l, implement_priority(g));
                    }
                }
                Judged { local, implement }
            }
            Aggregation::Aip => {
                let n = mask.iter().filter(|k| **k).count().max(1) as f64;
                let mut local: BTreeMap<String, Vec<f64>> = BTreeMap::new();
                let mut implement: BTreeMap<String, f64> = BTreeMap::new();
                for (j, _) in individual.iter().zip(mask).filter(|(_, k)| **k) {
                    for (k, w) in &j.local {
                        let e = local.entry(k.clone()).or_insert_with(|| vec![0.0; w.len()]);
                        for (a, b) in e.iter_mut().zip(w) {
                            *a += b / n;
                        }
                    }
                    for (k, p) in &j.implement {
                        *implement.entry(k.clone()).or_insert(0.0) += p / n;
                    }
                }
                Judged { local, implement }
            }
        }
    };
    let policy = rules.inconsistent_evaluators.as_ref().map(|p| p.value).unwrap_or_default();
    let consistent: Vec<bool> = ev_results.iter().map(|e| e.consistent).collect();
    let everyone = vec![true; consistent.len()];
    let n_inconsistent = consistent.iter().filter(|c| !**c).count();
    // Excluding everyone would leave no panel: then the policy cannot apply and all stay.
    let exclude = policy == crate::rules::InconsistentEvaluators::Exclude && n_inconsistent < consistent.len();
    let (mask, other) = if exclude { (&consistent, &everyone) } else { (&everyone, &consistent) };
    let panel = panel_of(mask);
    let evaluators_included = mask.iter().filter(|k| **k).count();
    let other_panel = (n_inconsistent > 0 && other.iter().any(|k| *k)).then(|| panel_of(other));
    let s = criterion_scores(&top, &panel);
    let w_raw = panel.local.get(GOAL).cloned().unwrap_or_default();
    let bounds: Option<Vec<[f64; 2]>> =
        range.as_ref().map(|r| top_ids.iter().map(|id| r.ranges.get(id).copied().unwrap_or([0.0, 1.0])).collect());
    let projected = bounds.as_ref().map(|b| project_to_ranges(&w_raw, b));
    if let Some(None) = projected {
        notes.push(Diagnostic::new(Code::AhpRangesInfeasible, "rules.ahp.weight_ranges"));
    }
    let bounds = bounds.filter(|_| matches!(projected, Some(Some(_))));
    let w = match projected.flatten() {
        Some(w) => w,
        None => w_raw.clone(),
    };
    let score: f64 = w.iter().zip(&s).map(|(w, s)| w * s).sum();
    let score_unconstrained: f64 = w_raw.iter().zip(&s).map(|(w, s)| w * s).sum();
    let score_range = match &bounds {
        Some(b) => score_range(&s, b).unwrap_or([score, score]),
        None => [score, score],
    };
    // The projected weights lie in the polytope, so the score lies in its range; rounding aside.
    let score_range = [score_range[0].min(score), score_range[1].max(score)];
    let threshold = rules.score_threshold.value;
    let implement = score >= threshold;
    let robust = (score_range[0] >= threshold) == (score_range[1] >= threshold);
    let grey_zone = rules.grey_zone.as_ref().map(|g| g.value);
    let in_grey_zone = grey_zone.is_some_and(|[a, b]| score >= a && score <= b);
    // The same steps for the other policy's panel: its weights projected the same way.
    let score_other_policy = other_panel.map(|p| {
        let s = criterion_scores(&top, &p);
        let w_raw = p.local.get(GOAL).cloned().unwrap_or_default();
        let w = bounds.as_ref().and_then(|b| project_to_ranges(&w_raw, b)).unwrap_or(w_raw);
        w.iter().zip(&s).map(|(w, s)| w * s).sum::<f64>()
    });

    // Leaves with global weights (rule applied at the top).
    let mut leaves = Vec::new();
    fn walk(c: &Criterion, path: &mut Vec<String>, weight: f64, j: &Judged, out: &mut Vec<LeafResult>) {
        path.push(c.id.clone());
        if c.children.is_empty() {
            out.push(LeafResult {
                id: c.id.clone(),
                path: path.clone(),
                global_weight: weight,
                implement_priority: j.implement.get(&c.id).copied().unwrap_or(0.0),
            });
        } else {
            let local = j.local.get(&c.id).cloned().unwrap_or_default();
            for (ch, lw) in c.children.iter().zip(local) {
                walk(ch, path, weight * lw, j, out);
            }
        }
        path.pop();
    }
    for (c, wk) in top.iter().zip(&w) {
        walk(c, &mut Vec::new(), *wk, &panel, &mut leaves);
    }

    let panel_analysis = {
        let n = w.len();
        let box_ = bounds.clone().unwrap_or_else(|| vec![[0.0, 1.0]; n]);
        let weight_switch = panel::weight_switch(&w, &s, &box_, threshold).map(|(ws, distance)| {
            let (k, change) = ws
                .iter()
                .zip(&w)
                .map(|(a, b)| a - b)
                .enumerate()
                .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
                .unwrap_or((0, 0.0));
            panel::WeightSwitch {
                weights: top_ids.iter().cloned().zip(ws).collect(),
                distance,
                largest_change: (top_ids.get(k).cloned().unwrap_or_default(), change),
            }
        });
        let leaf_switches = leaves
            .iter()
            .map(|l| panel::LeafSwitch {
                leaf: l.id.clone(),
                judgement: l.implement_priority / (1.0 - l.implement_priority).max(1e-12),
                flip: panel::leaf_switch(l.global_weight, l.implement_priority, score, threshold),
            })
            .collect();
        let score_of = |p: &Judged| {
            let s = criterion_scores(&top, p);
            let w_raw = p.local.get(GOAL).cloned().unwrap_or_default();
            let w = bounds.as_ref().and_then(|b| project_to_ranges(&w_raw, b)).unwrap_or(w_raw);
            w.iter().zip(&s).map(|(w, s)| w * s).sum::<f64>()
        };
        let leave_one_out = if mask.iter().filter(|k| **k).count() >= 2 {
            (0..mask.len())
                .filter(|&i| mask[i])
                .map(|i| {
                    let mut m = mask.clone();
                    m[i] = false;
                    let sc = score_of(&panel_of(&m));
                    panel::LeaveOneOut { evaluator: ev_results[i].name.clone(), score: sc, implement: sc >= threshold }
                })
                .collect()
        } else {
            Vec::new()
        };
        let scores: Vec<f64> = ev_results.iter().map(|e| e.score).collect();
        let score_spread = (!scores.is_empty()).then(|| {
            [scores.iter().copied().fold(f64::MAX, f64::min), scores.iter().copied().fold(f64::MIN, f64::max)]
        });
        let mut consensus = Vec::new();
        for (key, _) in &nodes {
            let (who, mats): (Vec<usize>, Vec<&panel::Matrix>) =
                all.iter().enumerate().filter_map(|(e, m)| m.get(key).map(|x| (e, x))).unzip();
            if let Some((d, far)) = panel::dispersion(&mats) {
                consensus.push(panel::Consensus {
                    node: key.clone(),
                    dispersion: d,
                    farthest: who.get(far).map(|&e| ev_results[e].name.clone()),
                });
            }
        }
        // The leaves' "implement vs not" judgements as the pairs (0, leaf) of one matrix.
        let leaf_ids = leaves_of(&top);
        let alt: Vec<Vec<Vec<Option<f64>>>> = section
            .evaluators
            .iter()
            .map(|e| {
                let mut m = vec![vec![None; leaf_ids.len() + 1]; leaf_ids.len() + 1];
                for (k, l) in leaf_ids.iter().enumerate() {
                    m[0][k + 1] = e.alternatives.get(l).and_then(|j| j.0);
                }
                m
            })
            .collect();
        if let Some((d, far)) = panel::dispersion(&alt.iter().collect::<Vec<_>>()) {
            consensus.push(panel::Consensus {
                node: "alternatives".into(),
                dispersion: d,
                farthest: ev_results.get(far).map(|e| e.name.clone()),
            });
        }
        let incoherent = match economic_bc {
            Some(bc) => section
                .evaluators
                .iter()
                .filter_map(|e| {
                    let a = e.alternatives.get("economic").and_then(|j| j.0)?;
                    panel::incoherent(a, bc).then(|| panel::Incoherent { evaluator: e.name.clone(), judgement: a, bc })
                })
                .collect(),
            None => Vec::new(),
        };
        let stale = match economic_bc {
            Some(bc) => section
                .evaluators
                .iter()
                .filter_map(|e| {
                    let seen = e.bc_seen?;
                    ((seen - bc).abs() > panel::STALE_BC).then(|| panel::Stale {
                        evaluator: e.name.clone(),
                        bc_seen: seen,
                        bc,
                    })
                })
                .collect(),
            None => Vec::new(),
        };
        panel::PanelAnalysis { weight_switch, leaf_switches, leave_one_out, score_spread, consensus, incoherent, stale }
    };

    let criteria: Vec<CriterionResult> = top
        .iter()
        .enumerate()
        .map(|(k, c)| CriterionResult {
            id: c.id.clone(),
            name: names.get(&c.id).cloned().unwrap_or_default(),
            weight: w[k],
            weight_unconstrained: w_raw[k],
            range: bounds.as_ref().map(|b| b[k]),
            score: s[k],
            contribution: w[k] * s[k],
        })
        .collect();
    AhpResult {
        score,
        verdict: if implement { "implement" } else { "do_not_implement" },
        implement,
        threshold,
        score_unconstrained,
        score_range,
        robust,
        grey_zone,
        in_grey_zone,
        inconsistent_policy: policy,
        evaluators_included,
        evaluators_inconsistent: n_inconsistent,
        score_other_policy,
        weights: criteria.iter().map(|c| (c.id.clone(), c.weight)).collect(),
        contributions: criteria.iter().map(|c| (c.id.clone(), c.contribution)).collect(),
        criteria,
        leaves,
        evaluators: ev_results,
        aggregation: section.aggregation,
        method: section.method,
        cr_cutoff: cutoff,
        weight_range: range,
        economic_bc,
        notes,
        panel: panel_analysis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand calculation: weights (0.5, 0.3, 0.2) in [0.30, 0.45] × [0.25, 0.40] × [0.30, 0.40]:
    /// with τ = 0.05, economic 0.5 − 0.05 = 0.45 (its cap), policy 0.3 − 0.05 = 0.25 (its floor),
    /// regional 0.2 − 0.05 = 0.15 lifted to 0.30: 0.45 + 0.25 + 0.30 = 1.
    #[test]
    fn clamping_keeps_the_sum_and_the_bounds() {
        let w = project_to_ranges(&[0.5, 0.3, 0.2], &[[0.30, 0.45], [0.25, 0.40], [0.30, 0.40]]).expect("feasible");
        assert!((w[0] - 0.45).abs() < 1e-12 && (w[1] - 0.25).abs() < 1e-12 && (w[2] - 0.30).abs() < 1e-12, "{w:?}");
    }

    /// The case of issue 12: every weight out of range at once (0.60, 0.15, 0.25 against
    /// [0.30, 0.45], [0.25, 0.40], [0.30, 0.40]). One-pass clamping gave 0.45 + 0.40 + 0.30 = 1.15.
    /// By hand: τ = 0.15 gives 0.45 (cap), 0.25 (0.00 lifted to the floor), 0.30 (0.10 lifted): 1.
    #[test]
    fn projection_when_every_weight_is_out_of_range() {
        let w = project_to_ranges(&[0.60, 0.15, 0.25], &[[0.30, 0.45], [0.25, 0.40], [0.30, 0.40]]).expect("feasible");
        assert!((w[0] - 0.45).abs() < 1e-12 && (w[1] - 0.25).abs() < 1e-12 && (w[2] - 0.30).abs() < 1e-12, "{w:?}");
        assert!(project_to_ranges(&[0.5, 0.5], &[[0.6, 0.7], [0.6, 0.7]]).is_none(), "infeasible box");
    }

    /// Hand calculation: scores (0.3, 0.8, 0.6), ranges as above. Max: lower bounds give
    /// 0.3·0.30 + 0.8·0.25 + 0.6·0.30 = 0.47 with 0.15 left; policy takes 0.15 (to 0.40): +0.12
    /// → 0.59. Min: economic takes 0.15 (to 0.45): +0.045 → 0.515.
    #[test]
    fn score_range_by_hand() {
        let r = score_range(&[0.3, 0.8, 0.6], &[[0.30, 0.45], [0.25, 0.40], [0.30, 0.40]]).expect("feasible");
        assert!((r[0] - 0.515).abs() < 1e-12 && (r[1] - 0.59).abs() < 1e-12, "{r:?}");
    }
}
