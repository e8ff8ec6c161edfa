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

pub use matrix::{Judgement, Method, Priorities};

use crate::appraisal::Context;
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
        .unwrap_or_else(|| default_hierarchy(study.project.sector.class(), study.project.region.is_capital_region()))
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
    /// The sentence for the evaluator.
    pub message: String,
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
    /// Source of the ranges.
    pub source: String,
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
    pub notes: Vec<String>,
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

/// Moves weights into [lo, hi] per criterion keeping the sum 1: out-of-range weights are
/// clamped and the rest rescaled in proportion, repeated until all fit.
pub fn clamp_to_ranges(w: &[f64], ranges: &[[f64; 2]]) -> Vec<f64> {
    let n = w.len();
    let mut fixed: Vec<Option<f64>> = vec![None; n];
    for _ in 0..=n {
        let fixed_sum: f64 = fixed.iter().flatten().sum();
        let free_sum: f64 = (0..n).filter(|&i| fixed[i].is_none()).map(|i| w[i]).sum();
        let scale = if free_sum > 0.0 { (1.0 - fixed_sum) / free_sum } else { 0.0 };
        let cur: Vec<f64> = (0..n).map(|i| fixed[i].unwrap_or(w[i] * scale)).collect();
        let mut changed = false;
        for i in 0..n {
            if fixed[i].is_none() {
                if cur[i] < ranges[i][0] {
                    fixed[i] = Some(ranges[i][0]);
                    changed = true;
                } else if cur[i] > ranges[i][1] {
                    fixed[i] = Some(ranges[i][1]);
                    changed = true;
                }
            }
        }
        if !changed {
            return cur;
        }
    }
    (0..n).map(|i| fixed[i].unwrap_or(0.0)).collect()
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
fn applied_range(rules: &AhpRules, study: &Study, top_ids: &[String]) -> Result<AppliedRange, String> {
    let class = study.project.sector.class();
    let capital = study.project.region.is_capital_region();
    let rule: &WeightRangeRule = rules
        .weight_ranges
        .value
        .iter()
        .find(|r| r.class == class && r.capital_region.is_none_or(|c| c == capital))
        .ok_or_else(|| "the rule set has no weight range for this kind of project".to_owned())?;
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
        return Err(format!(
            "the rule set's ranges ({}) do not match the hierarchy's top-level criteria ({})",
            ranges.keys().cloned().collect::<Vec<_>>().join(", "),
            top_ids.join(", ")
        ));
    }
    Ok(AppliedRange {
        rule: rule.name.clone(),
        ranges,
        population_decline_shift: shifted,
        source: rules.weight_ranges.source.clone(),
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
        notes.push(format!(
            "rule set {} has no AHP stage; Saaty's RI table and CR cut-off of {} are used, without weight ranges",
            cx.rules.set.id,
            crate::rules::DEFAULT_RULE_SET
        ));
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
    mut notes: Vec<String>,
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
        applied_range(rules, study, &top_ids)
    } else {
        Err("no weight ranges in the rule set".into())
    };
    if let Err(why) = &range {
        notes.push(format!("weight ranges not applied: {why}"));
    }
    let range = range.ok();
    for (ev, ms) in section.evaluators.iter().zip(&all) {
        let mut local = BTreeMap::new();
        let mut crs = BTreeMap::new();
        let mut hints = Vec::new();
        for (key, children) in &nodes {
            let Some(m) = ms.get(key) else { continue };
            let p = matrix::priorities(m, section.method, ri, cutoff);
            if !p.completed.is_empty() {
                notes.push(format!(
                    "{}: {} blank judgement(s) in \"{key}\" completed by Harker's method",
                    ev.name,
                    p.completed.len()
                ));
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
                    message: format!(
                        "CR {:.2} > {cutoff:.2} in \"{key}\": reconsider ({row}, {col}): {} given, about {} would fit the other judgements",
                        p.cr,
                        matrix::saaty_text(h.given),
                        h.suggested
                    ),
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

    // The panel.
    let panel = match section.aggregation {
        Aggregation::Aij => {
            let mut local = BTreeMap::new();
            for (key, _) in &nodes {
                let ms: Vec<Vec<Vec<Option<f64>>>> = all.iter().filter_map(|m| m.get(key).cloned()).collect();
                if ms.is_empty() {
                    continue;
                }
                let g = matrix::geometric_mean_of(&ms);
                local.insert(key.clone(), matrix::priorities(&g, section.method, ri, cutoff).weights);
            }
            let mut implement = BTreeMap::new();
            for l in leaves_of(&top) {
                let vals: Vec<f64> =
                    section.evaluators.iter().filter_map(|e| e.alternatives.get(&l).and_then(|j| j.0)).collect();
                if !vals.is_empty() {
                    let g = (vals.iter().map(|v| v.ln()).sum::<f64>() / vals.len() as f64).exp();
                    implement.insert(l, implement_priority(g));
                }
            }
            Judged { local, implement }
        }
        Aggregation::Aip => {
            let n = individual.len().max(1) as f64;
            let mut local: BTreeMap<String, Vec<f64>> = BTreeMap::new();
            let mut implement: BTreeMap<String, f64> = BTreeMap::new();
            for j in &individual {
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
    };
    let s = criterion_scores(&top, &panel);
    let w_raw = panel.local.get(GOAL).cloned().unwrap_or_default();
    let bounds: Option<Vec<[f64; 2]>> =
        range.as_ref().map(|r| top_ids.iter().map(|id| r.ranges.get(id).copied().unwrap_or([0.0, 1.0])).collect());
    let w = match &bounds {
        Some(b) => clamp_to_ranges(&w_raw, b),
        None => w_raw.clone(),
    };
    let score: f64 = w.iter().zip(&s).map(|(w, s)| w * s).sum();
    let score_unconstrained: f64 = w_raw.iter().zip(&s).map(|(w, s)| w * s).sum();
    let score_range = match &bounds {
        Some(b) => score_range(&s, b).unwrap_or([score, score]),
        None => [score, score],
    };
    let threshold = rules.score_threshold.value;
    let implement = score >= threshold;
    let robust = (score_range[0] >= threshold) == (score_range[1] >= threshold);

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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand calculation: weights (0.5, 0.3, 0.2) in [0.30, 0.45] × [0.25, 0.40] × [0.30, 0.40]:
    /// economic is cut to 0.45 and regional lifted to 0.30, leaving 0.25 for policy, its floor.
    #[test]
    fn clamping_keeps_the_sum_and_the_bounds() {
        let w = clamp_to_ranges(&[0.5, 0.3, 0.2], &[[0.30, 0.45], [0.25, 0.40], [0.30, 0.40]]);
        assert!((w[0] - 0.45).abs() < 1e-12 && (w[1] - 0.25).abs() < 1e-12 && (w[2] - 0.30).abs() < 1e-12, "{w:?}");
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
