//! A reviewer's view of the comprehensive evaluation (종합평가 검토): how little it would take
//! to flip the verdict (판단 전환점) and whom the score rests on.
//!
//! - **Weight switching value**: the nearest top-level weights (Euclidean distance) inside the
//!   rule set's ranges at which the score equals the threshold, by Dykstra's alternating
//!   projections onto {Σw = 1, s·w = θ} and the box of ranges; none when θ lies outside the score
//!   range those weights allow.
//! - **Judgement switching values**: for each leaf, the panel's "implement vs not" judgement on
//!   Saaty's scale at which the score reaches the threshold, the others and the weights held:
//!   score = Σ g·p with g the leaf's global weight and p = a/(1+a), so p* = p + (θ − score)/g and
//!   a* = p*/(1 − p*); none when a* falls outside 1/9…9.
//! - **Leave-one-evaluator-out** scores, the spread of the evaluators' scores, and per node the
//!   panel's geometric dispersion (exp of the mean standard deviation of ln aᵢⱼ across
//!   evaluators; 1 = full agreement) with the evaluator farthest from the panel.
//! - **Coherence with the analysis**: an evaluator whose economic judgement favours
//!   "implement" while B/C < 1 − [`COHERENCE_MARGIN`], or "do not implement" while B/C > 1 +
//!   [`COHERENCE_MARGIN`].

use serde::Serialize;

/// A judgement matrix as the study gives it (blank cells `None`).
pub type Matrix = Vec<Vec<Option<f64>>>;

/// The B/C margin around 1 within which an evaluator's economic judgement is not flagged.
pub const COHERENCE_MARGIN: f64 = 0.1;

/// The nearest allowed weights at which the verdict flips.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightSwitch {
    /// The weights, by criterion id in hierarchy order.
    pub weights: Vec<(String, f64)>,
    /// Euclidean distance from the applied weights.
    pub distance: f64,
    /// The criterion whose weight changes most, and by how much (signed).
    pub largest_change: (String, f64),
}

/// The panel judgement at which one leaf flips the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeafSwitch {
    /// The leaf's id.
    pub leaf: String,
    /// The panel's judgement "implement vs not" (Saaty ratio).
    pub judgement: f64,
    /// The judgement at which the score reaches the threshold, when it lies on the scale.
    pub flip: Option<f64>,
}

/// The score without one evaluator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaveOneOut {
    /// The evaluator left out.
    pub evaluator: String,
    /// The panel's score without them.
    pub score: f64,
    /// The verdict without them.
    pub implement: bool,
}

/// How far the panel agrees at one node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consensus {
    /// The node's id (`goal`, a criterion, or `alternatives` for the leaves' "implement"
    /// judgements).
    pub node: String,
    /// Geometric dispersion: 1 when every evaluator gave the same judgements.
    pub dispersion: f64,
    /// The evaluator farthest from the panel at this node.
    pub farthest: Option<String>,
}

/// An evaluator whose economic judgement contradicts the B/C.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incoherent {
    /// The evaluator.
    pub evaluator: String,
    /// Their judgement "implement vs not" on the economic criterion.
    pub judgement: f64,
    /// The study's B/C.
    pub bc: f64,
}

/// How far the B/C an evaluator saw may be from the appraisal's before their judgements count as
/// made against other economic figures.
pub const STALE_BC: f64 = 0.005;

/// An evaluator who judged against economic figures that have since changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stale {
    /// The evaluator.
    pub evaluator: String,
    /// The B/C they were shown.
    pub bc_seen: f64,
    /// The B/C of this appraisal.
    pub bc: f64,
}

/// The reviewer's view of the panel.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct PanelAnalysis {
    /// The nearest weights within the ranges that flip the verdict; `None`: no allowed weights do.
    pub weight_switch: Option<WeightSwitch>,
    /// Per leaf, the judgement that flips the verdict.
    pub leaf_switches: Vec<LeafSwitch>,
    /// The score without each evaluator (empty for a panel of one).
    pub leave_one_out: Vec<LeaveOneOut>,
    /// The lowest and highest individual score.
    pub score_spread: Option<[f64; 2]>,
    /// Per node, the panel's agreement.
    pub consensus: Vec<Consensus>,
    /// Evaluators whose economic judgement contradicts the B/C.
    pub incoherent: Vec<Incoherent>,
    /// Evaluators who judged against a B/C that has changed since (`bc_seen`).
    pub stale: Vec<Stale>,
}

/// Projection onto {w : Σw = 1, s·w = θ}; `None` when s is constant (the plane is degenerate).
fn onto_plane(x: &[f64], s: &[f64], theta: f64) -> Option<Vec<f64>> {
    let n = x.len() as f64;
    let (ss, s2): (f64, f64) = (s.iter().sum(), s.iter().map(|v| v * v).sum());
    let det = n * s2 - ss * ss;
    if det.abs() < 1e-14 {
        return None;
    }
    let r1 = x.iter().sum::<f64>() - 1.0;
    let r2 = x.iter().zip(s).map(|(a, b)| a * b).sum::<f64>() - theta;
    // G λ = r with G = [[n, Σs], [Σs, Σs²]].
    let l1 = (s2 * r1 - ss * r2) / det;
    let l2 = (n * r2 - ss * r1) / det;
    Some(x.iter().zip(s).map(|(xi, si)| xi - l1 - l2 * si).collect())
}

/// The weights nearest to `w0` inside `bounds` (a box intersected with the simplex) at which
/// Σ w·s = `theta`, with their distance; `None` when no weights in the box reach `theta`.
pub fn weight_switch(w0: &[f64], s: &[f64], bounds: &[[f64; 2]], theta: f64) -> Option<(Vec<f64>, f64)> {
    let [lo, hi] = super::score_range(s, bounds)?;
    if theta < lo - 1e-12 || theta > hi + 1e-12 {
        return None;
    }
    let clamp = |y: &[f64]| -> Vec<f64> { y.iter().zip(bounds).map(|(v, b)| v.clamp(b[0], b[1])).collect() };
    let n = w0.len();
    let (mut x, mut p, mut q) = (w0.to_vec(), vec![0.0; n], vec![0.0; n]);
    for _ in 0..20_000 {
        let xp: Vec<f64> = x.iter().zip(&p).map(|(a, b)| a + b).collect();
        let y = onto_plane(&xp, s, theta)?;
        p = xp.iter().zip(&y).map(|(a, b)| a - b).collect();
        let yq: Vec<f64> = y.iter().zip(&q).map(|(a, b)| a + b).collect();
        let next = clamp(&yq);
        q = yq.iter().zip(&next).map(|(a, b)| a - b).collect();
        let moved = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        x = next;
        if moved < 1e-14 {
            break;
        }
    }
    let score: f64 = x.iter().zip(s).map(|(a, b)| a * b).sum();
    let total: f64 = x.iter().sum();
    if (score - theta).abs() > 1e-7 || (total - 1.0).abs() > 1e-7 || !x.iter().all(|v| v.is_finite()) {
        return None;
    }
    let d = x.iter().zip(w0).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt();
    Some((x, d))
}

/// The panel judgement on a leaf at which the score reaches `theta`, the rest held; `None` when
/// it lies outside Saaty's 1/9…9.
pub fn leaf_switch(global_weight: f64, priority: f64, score: f64, theta: f64) -> Option<f64> {
    if global_weight <= 1e-12 {
        return None;
    }
    let p = priority + (theta - score) / global_weight;
    (0.1 - 1e-12..=0.9 + 1e-12).contains(&p).then(|| p / (1.0 - p))
}

/// Geometric dispersion of judgement matrices and the evaluator farthest from the panel:
/// `mats[e]` is evaluator e's matrix (None where they left a cell blank).
pub fn dispersion(mats: &[&Matrix]) -> Option<(f64, usize)> {
    let n = mats.first()?.len();
    let mut sds = Vec::new();
    let mut far = vec![(0.0f64, 0usize); mats.len()];
    for i in 0..n {
        for j in i + 1..n {
            let logs: Vec<(usize, f64)> = mats
                .iter()
                .enumerate()
                .filter_map(|(e, m)| m.get(i).and_then(|r| r.get(j)).copied().flatten().map(|a| (e, a.ln())))
                .filter(|(_, l)| l.is_finite())
                .collect();
            if logs.len() < 2 {
                continue;
            }
            let mean = logs.iter().map(|(_, l)| l).sum::<f64>() / logs.len() as f64;
            let var = logs.iter().map(|(_, l)| (l - mean) * (l - mean)).sum::<f64>() / logs.len() as f64;
            sds.push(var.sqrt());
            for (e, l) in &logs {
                far[*e].0 += (l - mean).abs();
                far[*e].1 += 1;
            }
        }
    }
    if sds.is_empty() {
        return None;
    }
    let d = (sds.iter().sum::<f64>() / sds.len() as f64).exp();
    let farthest = far
        .iter()
        .enumerate()
        .filter(|(_, (_, k))| *k > 0)
        .max_by(|a, b| (a.1.0 / a.1.1 as f64).total_cmp(&(b.1.0 / b.1.1 as f64)))
        .map(|(e, _)| e)?;
    Some((d, farthest))
}

/// The rank-reversal threshold between two projects ranked by their AHP scores: the smallest
/// change δ of the top-level weights, the same for both and keeping each within its own ranges,
/// that makes their scores equal — ‖δ‖ with (s_A − s_B)·δ = −(score_A − score_B), Σδ = 0; `None`
/// when their hierarchies differ or no allowed change swaps them. With w = w_A + δ this is
/// [`weight_switch`] for the score difference.
pub fn rank_reversal(a: &super::AhpResult, b: &super::AhpResult) -> Option<f64> {
    let same = a.criteria.len() == b.criteria.len() && a.criteria.iter().zip(&b.criteria).all(|(x, y)| x.id == y.id);
    if !same || a.criteria.is_empty() {
        return None;
    }
    let wa: Vec<f64> = a.criteria.iter().map(|c| c.weight).collect();
    let d: Vec<f64> = a.criteria.iter().zip(&b.criteria).map(|(x, y)| x.score - y.score).collect();
    let gap = a.score - b.score;
    let theta = d.iter().zip(&wa).map(|(x, y)| x * y).sum::<f64>() - gap;
    let mut bounds = Vec::with_capacity(wa.len());
    for (x, y) in a.criteria.iter().zip(&b.criteria) {
        let (ra, rb) = (x.range.unwrap_or([0.0, 1.0]), y.range.unwrap_or([0.0, 1.0]));
        let shift = x.weight - y.weight;
        let (lo, hi) = (ra[0].max(rb[0] + shift), ra[1].min(rb[1] + shift));
        if lo > hi + 1e-12 {
            return None;
        }
        bounds.push([lo, hi.max(lo)]);
    }
    weight_switch(&wa, &d, &bounds, theta).map(|(_, dist)| dist)
}

/// Whether an economic judgement `a` (implement vs not) contradicts the B/C.
pub fn incoherent(a: f64, bc: f64) -> bool {
    (a > 1.0 && bc < 1.0 - COHERENCE_MARGIN) || (a < 1.0 && bc > 1.0 + COHERENCE_MARGIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// s = (0.2, 0.6, 0.7), w0 = (0.4, 0.3, 0.3): score 0.47. Moving along s − mean(s) =
    /// (−0.3, 0.1, 0.2) (|·|² = 0.14) by 0.03/0.14 gives (0.3357143, 0.3214286, 0.3428571), inside
    /// the ranges, at distance (0.03/0.14)·√0.14 = 0.0801784.
    #[test]
    fn the_nearest_flipping_weights_by_hand() {
        let b = [[0.3, 0.45], [0.25, 0.4], [0.3, 0.4]];
        let (w, d) = weight_switch(&[0.4, 0.3, 0.3], &[0.2, 0.6, 0.7], &b, 0.5).expect("reachable");
        let want = [0.3357142857, 0.3214285714, 0.3428571429];
        for (g, h) in w.iter().zip(want) {
            assert!((g - h).abs() < 1e-8, "{w:?}");
        }
        assert!((d - 0.0801783726).abs() < 1e-8, "{d}");
    }

    /// With the third weight capped at 0.33 the unconstrained point (0.343) is out of range: the
    /// cap binds, and w1 + w2 = 0.67, 0.2·w1 + 0.6·w2 = 0.5 − 0.7·0.33 give w2 = 0.3375,
    /// w1 = 0.3325; distance √(0.0675² + 0.0375² + 0.03²) = 0.0828402.
    #[test]
    fn a_binding_range_by_hand() {
        let b = [[0.3, 0.45], [0.25, 0.4], [0.3, 0.33]];
        let (w, d) = weight_switch(&[0.4, 0.3, 0.3], &[0.2, 0.6, 0.7], &b, 0.5).expect("reachable");
        for (g, h) in w.iter().zip([0.3325, 0.3375, 0.33]) {
            assert!((g - h).abs() < 1e-8, "{w:?}");
        }
        assert!((d - 0.0068625f64.sqrt()).abs() < 1e-8, "{d}");
    }

    /// The highest score the ranges allow is 0.3·0.2 + 0.3·0.6 + 0.4·0.7 = 0.52 (economic at its
    /// floor, the rest to the best-scoring criteria): 0.55 cannot be reached.
    #[test]
    fn an_unreachable_threshold() {
        let b = [[0.3, 0.45], [0.25, 0.4], [0.3, 0.4]];
        assert!(weight_switch(&[0.4, 0.3, 0.3], &[0.2, 0.6, 0.7], &b, 0.55).is_none());
        assert!(weight_switch(&[0.4, 0.3, 0.3], &[0.2, 0.6, 0.7], &b, 0.51).is_some());
    }

    /// A leaf of global weight 0.4 with priority 0.5 in a score of 0.58: p* = 0.5 − 0.08/0.4 =
    /// 0.3, a* = 0.3/0.7 = 3/7; one of weight 0.05 would need p* = −1.1: off the scale.
    #[test]
    fn judgement_switching_values_by_hand() {
        let a = leaf_switch(0.4, 0.5, 0.58, 0.5).expect("on the scale");
        assert!((a - 3.0 / 7.0).abs() < 1e-12);
        assert!(leaf_switch(0.05, 0.5, 0.58, 0.5).is_none());
    }

    /// Two projects with the same weights (0.4, 0.3, 0.3) and criterion scores (0.6, 0.5, 0.4) and
    /// (0.4, 0.6, 0.55): scores 0.51 and 0.505, gap 0.005, d = (0.2, −0.1, −0.15), mean −1/60,
    /// d − mean = (0.216667, −0.083333, −0.133333), |·|² = 0.0716667; the smallest δ with Σδ = 0
    /// and d·δ = −0.005 has length 0.005/√0.0716667 = 0.0186772.
    #[test]
    fn rank_reversal_by_hand() {
        let res = |s: [f64; 3]| -> crate::ahp::AhpResult {
            let text = include_str!("../../../../fixtures/road-national-route.yeta.json");
            let mut h = crate::appraise_json(text, None).expect("appraises").ahp.expect("ahp");
            for (k, c) in h.criteria.iter_mut().enumerate() {
                c.weight = [0.4, 0.3, 0.3][k];
                c.score = s[k];
                c.range = None;
            }
            h.score = h.criteria.iter().map(|c| c.weight * c.score).sum();
            h
        };
        let (a, b) = (res([0.6, 0.5, 0.4]), res([0.4, 0.6, 0.55]));
        assert!((a.score - 0.51).abs() < 1e-12 && (b.score - 0.505).abs() < 1e-12);
        let d = rank_reversal(&a, &b).expect("swappable");
        assert!((d - 0.005 / 0.0716666667f64.sqrt()).abs() < 1e-8, "{d}");
        // Ranges that keep the weights where they are: no swap is allowed.
        let mut a2 = a.clone();
        for c in &mut a2.criteria {
            c.range = Some([c.weight, c.weight]);
        }
        assert!(rank_reversal(&a2, &b).is_none());
    }

    /// Two evaluators: ln 2 and ln 8 on the one pair: sd = ln 2 (half their distance), so the
    /// dispersion is 2; with a third at 4 the farthest is either end (the first found: 0).
    #[test]
    fn dispersion_by_hand() {
        let m = |a: f64| vec![vec![Some(1.0), Some(a)], vec![Some(1.0 / a), Some(1.0)]];
        let (x, y) = (m(2.0), m(8.0));
        let (d, _) = dispersion(&[&x, &y]).expect("two");
        assert!((d - 2.0).abs() < 1e-12, "{d}");
        let z = m(4.0);
        let (_, far) = dispersion(&[&x, &z, &y]).expect("three");
        assert!(far == 0 || far == 2);
        assert!(incoherent(3.0, 0.8) && incoherent(0.5, 1.3) && !incoherent(3.0, 0.95) && !incoherent(1.0, 0.5));
    }
}
