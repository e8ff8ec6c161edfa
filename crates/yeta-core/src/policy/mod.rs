//! Policy analysis (정책성 분석) and technical feasibility (기술성): checklists whose items are
//! rated on a 1–5 scale with evidence and a source, summarised per group and overall. The groups
//! are the policy sub-criteria of the AHP hierarchy (and, for ICT projects, the technical ones),
//! so evaluators judge "implement vs. not" on the evidence summarised here.

use crate::appraisal::Context;
use crate::study::{Study, ValidationError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The rating scale: 1 (very weak) to 5 (very strong).
pub const SCALE: (u8, u8) = (1, 5);

/// Policy groups (the AHP policy sub-criteria).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PolicyGroup {
    /// Policy consistency and readiness (정책의 일관성 및 사업준비 정도).
    ConsistencyReadiness,
    /// Risks in implementation, including funding risk (사업 추진상의 위험요인).
    ImplementationRisk,
    /// Policy effects: quality jobs, living conditions, environment, safety (정책효과).
    PolicyEffects,
    /// Project-specific items, e.g. duplication and interoperability for ICT (사업별 특수평가 항목).
    SpecialItems,
}

/// Technical feasibility groups (the AHP technical sub-criteria of ICT projects; R&D items too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TechnicalGroup {
    /// Maturity of the technology (기술 성숙도).
    Maturity,
    /// Fit with government architecture and standards (표준·아키텍처 부합성).
    ArchitectureFit,
    /// Security (보안성).
    Security,
    /// Delivery capability (사업 수행역량).
    DeliveryCapability,
    /// R&D: need and urgency (필요성·시급성).
    RndNeed,
    /// R&D: fit for state support (국가 지원의 타당성).
    StateRole,
    /// R&D: differentiation from existing work (차별성).
    Differentiation,
    /// R&D: concreteness of the plan (계획의 구체성).
    PlanConcreteness,
}

/// A checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item<G> {
    /// The group (sub-criterion) it belongs to.
    pub group: G,
    /// What is assessed, e.g. "Consistency with the 2nd Digital Government Master Plan".
    pub name: String,
    /// Rating on the 1–5 scale (1 very weak … 5 very strong).
    pub rating: u8,
    /// The evidence for the rating.
    pub evidence: String,
    /// Where the evidence comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The study's `policy` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicySection {
    /// Policy checklist.
    pub items: Vec<Item<PolicyGroup>>,
    /// Technical feasibility checklist (ICT and R&D projects).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technical: Vec<Item<TechnicalGroup>>,
}

/// A group's summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSummary {
    /// Group id, the AHP sub-criterion id.
    pub id: String,
    /// Items in the group.
    pub items: usize,
    /// Mean rating.
    pub mean: f64,
    /// Lowest rating.
    pub min: u8,
    /// Names of items rated 1 or 2: the weak points a reviewer should read first.
    pub weak: Vec<String>,
}

/// The policy (and technical) analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyResult {
    /// The rating scale.
    pub scale: [u8; 2],
    /// Policy groups in AHP order.
    pub groups: Vec<GroupSummary>,
    /// Mean of all policy items.
    pub overall: f64,
    /// Technical groups (empty when none).
    pub technical_groups: Vec<GroupSummary>,
    /// Mean of all technical items.
    pub technical_overall: Option<f64>,
    /// Every item, as entered.
    pub items: Vec<Item<PolicyGroup>>,
    /// Every technical item.
    pub technical: Vec<Item<TechnicalGroup>>,
}

fn code<G: Serialize>(g: &G) -> String {
    serde_json::to_value(g).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Checks ratings and evidence.
pub fn validate(section: &PolicySection, _study: &Study, v: &mut Vec<ValidationError>) {
    fn items<G>(list: &str, items: &[Item<G>], v: &mut Vec<ValidationError>) {
        for (i, it) in items.iter().enumerate() {
            if !(SCALE.0..=SCALE.1).contains(&it.rating) {
                v.push(ValidationError::new(
                    format!("policy.{list}[{i}].rating"),
                    format!("{} is outside the {}–{} scale", it.rating, SCALE.0, SCALE.1),
                ));
            }
            if it.evidence.trim().is_empty() {
                v.push(ValidationError::new(
                    format!("policy.{list}[{i}].evidence"),
                    "is empty; a rating needs its evidence",
                ));
            }
            if it.name.trim().is_empty() {
                v.push(ValidationError::new(format!("policy.{list}[{i}].name"), "is empty"));
            }
        }
    }
    items("items", &section.items, v);
    items("technical", &section.technical, v);
}

fn summarise<G: Serialize + PartialEq + Copy>(items: &[Item<G>], order: &[G]) -> (Vec<GroupSummary>, Option<f64>) {
    let groups = order
        .iter()
        .filter_map(|g| {
            let of: Vec<&Item<G>> = items.iter().filter(|i| i.group == *g).collect();
            (!of.is_empty()).then(|| GroupSummary {
                id: code(g),
                items: of.len(),
                mean: of.iter().map(|i| f64::from(i.rating)).sum::<f64>() / of.len() as f64,
                min: of.iter().map(|i| i.rating).min().unwrap_or(0),
                weak: of.iter().filter(|i| i.rating <= 2).map(|i| i.name.clone()).collect(),
            })
        })
        .collect();
    let overall =
        (!items.is_empty()).then(|| items.iter().map(|i| f64::from(i.rating)).sum::<f64>() / items.len() as f64);
    (groups, overall)
}

/// Summarises the checklists.
pub fn appraise(cx: &Context<'_>) -> Option<PolicyResult> {
    let s = cx.study.policy.as_ref()?;
    use PolicyGroup as P;
    use TechnicalGroup as T;
    let (groups, overall) =
        summarise(&s.items, &[P::ConsistencyReadiness, P::ImplementationRisk, P::PolicyEffects, P::SpecialItems]);
    let (technical_groups, technical_overall) = summarise(
        &s.technical,
        &[
            T::Maturity,
            T::ArchitectureFit,
            T::Security,
            T::DeliveryCapability,
            T::RndNeed,
            T::StateRole,
            T::Differentiation,
            T::PlanConcreteness,
        ],
    );
    Some(PolicyResult {
        scale: [SCALE.0, SCALE.1],
        groups,
        overall: overall.unwrap_or(0.0),
        technical_groups,
        technical_overall,
        items: s.items.clone(),
        technical: s.technical.clone(),
    })
}
