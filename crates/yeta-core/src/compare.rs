//! Studies side by side: the reviewer's portfolio view, shared by `yeta compare` and the app.
//!
//! Ranked by AHP score (B/C when a study has no AHP evaluation), then B/C. With a budget, the
//! studies the method says to implement draw on it in rank order; a study fits when the
//! cumulative total cost up to and including it is within the budget.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::Appraisal;
use crate::study::{Region, Sector};

/// How the rows are ranked, as said in the output.
pub const RANKED_BY: &str = "AHP score (B/C when a study has no AHP evaluation)";

/// One study of a comparison, in rank order.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// 1-based rank.
    pub rank: usize,
    /// The label the shell gave the study (its file path).
    pub file: String,
    /// Project name.
    pub name: String,
    /// Sector.
    pub sector: Sector,
    /// Region.
    pub region: Region,
    /// Total project cost, KRW, whole won.
    pub total_cost: String,
    /// Economic B/C.
    pub bc_ratio: Option<f64>,
    /// Economic NPV, KRW, whole won.
    pub npv: String,
    /// Economic IRR.
    pub irr: Option<f64>,
    /// AHP score for "implement".
    pub ahp_score: Option<f64>,
    /// Lowest and highest AHP score over the weight range.
    pub ahp_score_range: Option<[f64; 2]>,
    /// The verdict is the same across the whole range.
    pub ahp_robust: Option<bool>,
    /// Each top-level criterion's weighted contribution; they sum to the AHP score.
    pub contributions: BTreeMap<String, f64>,
    /// Regional backwardness index of the study's region (시·도).
    pub backwardness_index: Option<f64>,
    /// The 시·군·구 the study names (KOSTAT code), when it names one.
    pub sigungu: Option<String>,
    /// Its backwardness index (지역낙후도, KDI 2013 factor form): finer than the 시·도 index and on
    /// its own scale, so kept apart from it.
    pub sigungu_index: Option<f64>,
    /// Total greenhouse-gas emissions, tCO2e.
    pub emissions_tco2e: Option<f64>,
    /// `implement` or `do not implement`.
    pub verdict: &'static str,
    /// KRW drawn by the studies to implement up to this one, whole won.
    pub cumulative_cost: String,
    /// With a budget and a study to implement: whether the cumulative cost is within it.
    pub fits_budget: Option<bool>,
    /// How far the AHP verdict is from flipping: the distance to the nearest allowed weights that
    /// flip it (`None`: none within the ranges, or no AHP evaluation).
    pub flip_distance: Option<f64>,
    /// The rank-reversal threshold with the next study down: the smallest common weight change
    /// within both studies' ranges that makes their scores equal (`None`: none, or not
    /// comparable — another hierarchy, no AHP, the last row).
    pub reversal_with_next: Option<f64>,
    /// The position of the row's study in the input (not serialised): the appraisal is the
    /// caller's, not copied, so a registry can rank thousands of cached appraisals cheaply.
    #[serde(skip)]
    pub index: usize,
    /// `cumulative_cost` as a number (not serialised).
    #[serde(skip)]
    pub cumulative: Decimal,
}

/// The comparison: rows in rank order.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Rows in rank order.
    pub ranking: Vec<Row>,
    /// How the rows are ranked.
    pub ranked_by: &'static str,
    /// The budget, KRW, if any.
    pub budget: Option<String>,
}

fn key(a: &Appraisal) -> f64 {
    a.ahp.as_ref().map_or(a.economic.bc_ratio.unwrap_or(0.0), |h| h.score)
}

/// Rank labelled appraisals and apply the budget cut.
pub fn compare<A: Borrow<Appraisal>>(studies: &[(String, A)], budget: Option<Decimal>) -> Comparison {
    let mut order: Vec<(usize, &String, &Appraisal)> =
        studies.iter().enumerate().map(|(i, (l, a))| (i, l, a.borrow())).collect();
    order.sort_by(|x, y| {
        key(y.2)
            .total_cmp(&key(x.2))
            .then_with(|| y.2.economic.bc_ratio.unwrap_or(0.0).total_cmp(&x.2.economic.bc_ratio.unwrap_or(0.0)))
    });
    let mut cumulative = Decimal::ZERO;
    let ranking = order
        .into_iter()
        .enumerate()
        .map(|(i, (index, label, a))| {
            // Only projects the method says to implement draw on the budget, in rank order.
            if a.verdict.implement {
                cumulative += a.study.total_cost;
            }
            let fits = budget.filter(|_| a.verdict.implement).map(|b| cumulative <= b);
            let h = a.ahp.as_ref();
            Row {
                rank: i + 1,
                file: label.clone(),
                name: a.study.name.clone(),
                sector: a.study.sector,
                region: a.study.region,
                total_cost: a.study.total_cost.round_dp(0).to_string(),
                bc_ratio: a.economic.bc_ratio,
                npv: a.economic.npv.round_dp(0).to_string(),
                irr: a.economic.irr,
                ahp_score: h.map(|h| h.score),
                ahp_score_range: h.map(|h| h.score_range),
                ahp_robust: h.map(|h| h.robust),
                contributions: h.map(|h| h.contributions.clone()).unwrap_or_default(),
                backwardness_index: a.regional.as_ref().map(|r| r.backwardness.index),
                sigungu: a.regional.as_ref().and_then(|r| r.sigungu.as_ref()).map(|s| s.code.clone()),
                sigungu_index: a.regional.as_ref().and_then(|r| r.sigungu.as_ref()).map(|s| s.index),
                emissions_tco2e: a.environment.as_ref().map(|e| e.total_tco2e),
                verdict: if a.verdict.implement { "implement" } else { "do not implement" },
                cumulative_cost: cumulative.round_dp(0).to_string(),
                fits_budget: fits,
                flip_distance: h.and_then(|h| h.panel.weight_switch.as_ref().map(|w| w.distance)),
                reversal_with_next: None,
                index,
                cumulative,
            }
        })
        .collect::<Vec<Row>>();
    let mut ranking = ranking;
    for i in 1..ranking.len() {
        let next = studies[ranking[i].index].1.borrow().ahp.clone();
        if let (Some(a), Some(b)) = (studies[ranking[i - 1].index].1.borrow().ahp.as_ref(), next.as_ref()) {
            ranking[i - 1].reversal_with_next = crate::ahp::panel::rank_reversal(a, b);
        }
    }
    Comparison { ranking, ranked_by: RANKED_BY, budget: budget.map(|b| b.round_dp(0).to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> (String, Appraisal) {
        let p = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&p).expect("fixture");
        (name.to_owned(), crate::appraise_json(&text, None).expect("appraise"))
    }

    fn three() -> Vec<(String, Appraisal)> {
        // Deliberately not in rank order.
        vec![
            fixture("rail-wide-area.yeta.json"),
            fixture("road-national-route.yeta.json"),
            fixture("ict-e-procurement.yeta.json"),
        ]
    }

    #[test]
    fn ranks_by_ahp_score_and_contributions_sum_to_it() {
        let c = compare(&three(), None);
        let files: Vec<&str> = c.ranking.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, ["ict-e-procurement.yeta.json", "road-national-route.yeta.json", "rail-wide-area.yeta.json"]);
        let scores: Vec<f64> = c.ranking.iter().map(|r| r.ahp_score.expect("score")).collect();
        // Rail and road as printed by `yeta compare --json` (0.580, 0.443). ICT by hand under the
        // 운용지침 art. 50 ranges (economic 0.40–0.50, policy 0.20–0.30, technical 0.30–0.40):
        // panel weights (0.4795, 0.3104, 0.2101) project with τ = 0.0449 to (0.4346, 0.2654,
        // 0.3000); with criterion scores (0.6538, 0.7155, 0.6717) the score is 0.6755.
        for (s, want) in scores.iter().zip([0.6755, 0.580, 0.443]) {
            assert!((s - want).abs() < 5e-4, "{s} vs {want}");
        }
        for r in &c.ranking {
            let sum: f64 = r.contributions.values().sum();
            assert_eq!(r.contributions.len(), 3);
            assert!((sum - r.ahp_score.expect("score")).abs() < 1e-12, "{}: {sum}", r.file);
            let [lo, hi] = r.ahp_score_range.expect("range");
            assert!(lo <= r.ahp_score.expect("score") + 1e-12 && r.ahp_score.expect("score") <= hi + 1e-12);
        }
        assert_eq!(c.ranking.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3]);
        // Only the road study names a 시·군·구 (제천시, 43150): the row carries the appraisal's
        // 시·군·구 index as it is, apart from the 시·도 index.
        let road = three().swap_remove(1).1;
        let own = road.regional.as_ref().and_then(|r| r.sigungu.as_ref()).map(|s| s.index);
        let sg: Vec<_> = c.ranking.iter().map(|r| (r.sigungu.as_deref(), r.sigungu_index)).collect();
        assert_eq!(sg, [(None, None), (Some("43150"), own), (None, None)]);
        assert!(own.is_some());
        assert_ne!(c.ranking[1].backwardness_index, c.ranking[1].sigungu_index);
        assert_eq!(c.ranking[2].verdict, "do not implement");
        assert!(c.ranking.iter().all(|r| r.fits_budget.is_none()));
        assert!(c.budget.is_none());
    }

    #[test]
    fn budget_cut_by_cumulative_cost_in_rank_order() {
        // Costs: ICT 95 bn, road 180 bn, rail 1,200 bn (not to implement: draws nothing).
        // Cumulative: 95 bn, 95 + 180 = 275 bn, still 275 bn.
        let bn = |x: i64| Decimal::from(x) * Decimal::from(1_000_000_000i64);
        let c = compare(&three(), Some(bn(200)));
        let cum: Vec<&str> = c.ranking.iter().map(|r| r.cumulative_cost.as_str()).collect();
        assert_eq!(cum, ["95000000000", "275000000000", "275000000000"]);
        let fits: Vec<Option<bool>> = c.ranking.iter().map(|r| r.fits_budget).collect();
        assert_eq!(fits, [Some(true), Some(false), None]);
        assert_eq!(c.budget.as_deref(), Some("200000000000"));
        // Exactly 275 bn: both fit (≤).
        let c = compare(&three(), Some(bn(275)));
        assert_eq!(c.ranking.iter().map(|r| r.fits_budget).collect::<Vec<_>>(), [Some(true), Some(true), None]);
        // 94 bn: nothing fits.
        let c = compare(&three(), Some(bn(94)));
        assert_eq!(c.ranking.iter().map(|r| r.fits_budget).collect::<Vec<_>>(), [Some(false), Some(false), None]);
    }

    #[test]
    fn serialises_like_the_cli() {
        let c = compare(&three(), Some(Decimal::from(1)));
        let v = serde_json::to_value(&c).expect("json");
        let r = &v["ranking"][0];
        for k in [
            "rank",
            "file",
            "name",
            "total_cost",
            "bc_ratio",
            "npv",
            "irr",
            "ahp_score",
            "ahp_score_range",
            "ahp_robust",
            "contributions",
            "backwardness_index",
            "sigungu",
            "sigungu_index",
            "emissions_tco2e",
            "verdict",
            "cumulative_cost",
            "fits_budget",
        ] {
            assert!(r.get(k).is_some(), "missing {k}");
        }
        assert!(r.get("appraisal").is_none() && r.get("cumulative").is_none());
        assert_eq!(r["total_cost"], "95000000000");
    }
}
