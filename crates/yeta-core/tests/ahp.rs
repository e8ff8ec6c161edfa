//! AHP against independent references: numpy's eigen-decomposition of random reciprocal
//! matrices (tests/reference/ahp_numpy.py prints the table below), nalgebra's Schur eigenvalues,
//! property tests, and a 5-evaluator panel worked out by hand.

use nalgebra::DMatrix;
use proptest::prelude::*;
use yeta_core::ahp::matrix::{self, Method};

const RI: [f64; 15] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

/// (n, upper triangle row by row, numpy weights, numpy λmax, CR).
type NumpyCase = (usize, &'static [f64], &'static [f64], f64, f64);
#[rustfmt::skip]
const NUMPY: &[NumpyCase] = &[
    (2, &[0.2], &[0.166666666667, 0.833333333333], 2.000000000000, 0.000000000000),
    (3, &[0.25, 0.14285714285714285, 0.25], &[0.075429221181, 0.229047541194, 0.695523237625], 3.076414754986, 0.065874788781),
    (4, &[5.0, 0.14285714285714285, 9.0, 1.0, 9.0, 7.0], &[0.275574347739, 0.182574098118, 0.514123590474, 0.027727963668], 5.484700411904, 0.549889041446),
    (5, &[0.14285714285714285, 2.0, 0.14285714285714285, 0.5, 0.3333333333333333, 3.0, 2.0, 2.0, 0.2, 9.0], &[0.075047967005, 0.250923664345, 0.194390819117, 0.306354860185, 0.173282689349], 8.395725998319, 0.757974553196),
    (6, &[3.0, 4.0, 0.3333333333333333, 5.0, 4.0, 0.1111111111111111, 1.0, 4.0, 4.0, 1.0, 0.1111111111111111, 0.5, 3.0, 0.5, 0.1111111111111111], &[0.236919795098, 0.144335215844, 0.150869334284, 0.142791648996, 0.141560461405, 0.183523544374], 11.661737591288, 0.913183482466),
    (7, &[0.14285714285714285, 0.14285714285714285, 3.0, 9.0, 0.14285714285714285, 0.3333333333333333, 3.0, 0.2, 0.14285714285714285, 4.0, 4.0, 0.3333333333333333, 0.3333333333333333, 2.0, 9.0, 0.14285714285714285, 0.3333333333333333, 3.0, 9.0, 3.0, 0.1111111111111111], &[0.157689621181, 0.155695358173, 0.152396498629, 0.106436314959, 0.226592919585, 0.101324309188, 0.099864978284], 16.539523480390, 1.204485287928),
    (8, &[0.3333333333333333, 2.0, 7.0, 0.2, 0.25, 0.3333333333333333, 0.3333333333333333, 5.0, 9.0, 5.0, 7.0, 7.0, 0.1111111111111111, 2.0, 0.14285714285714285, 1.0, 7.0, 5.0, 4.0, 0.1111111111111111, 0.5, 0.2, 5.0, 3.0, 0.25, 0.5, 0.14285714285714285, 0.2], &[0.064353558972, 0.213624846968, 0.140585108674, 0.054439216991, 0.140230090858, 0.073273573211, 0.043648759143, 0.269844845183], 14.741513481286, 0.683030747851),
    (9, &[0.25, 0.14285714285714285, 4.0, 2.0, 0.2, 2.0, 9.0, 7.0, 1.0, 9.0, 0.25, 4.0, 2.0, 9.0, 7.0, 0.14285714285714285, 0.1111111111111111, 0.14285714285714285, 0.14285714285714285, 7.0, 9.0, 4.0, 0.14285714285714285, 4.0, 5.0, 5.0, 0.1111111111111111, 3.0, 3.0, 2.0, 0.25, 0.1111111111111111, 9.0, 0.25, 2.0, 3.0], &[0.105834344510, 0.183299235727, 0.097180509939, 0.114294150091, 0.121340306119, 0.172700399600, 0.085849157324, 0.107249026049, 0.012252870639], 20.056334541898, 0.953132288095),
    (10, &[7.0, 0.14285714285714285, 2.0, 3.0, 3.0, 2.0, 0.5, 0.1111111111111111, 7.0, 3.0, 3.0, 0.5, 0.25, 0.25, 0.14285714285714285, 0.5, 7.0, 0.14285714285714285, 1.0, 2.0, 4.0, 0.5, 0.1111111111111111, 3.0, 1.0, 0.25, 0.14285714285714285, 0.2, 3.0, 0.2, 7.0, 7.0, 0.25, 7.0, 5.0, 1.0, 2.0, 2.0, 0.25, 7.0, 0.1111111111111111, 0.14285714285714285, 5.0, 0.14285714285714285, 0.2], &[0.112887621593, 0.073580555557, 0.088572889785, 0.062276609558, 0.139084640623, 0.059817695770, 0.082914390964, 0.118858103006, 0.133634893330, 0.128372599815], 22.151050106995, 0.906118576211),
];

fn full(n: usize, upper: &[f64]) -> Vec<Vec<Option<f64>>> {
    let mut a = vec![vec![Some(1.0); n]; n];
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            a[i][j] = Some(upper[k]);
            a[j][i] = Some(1.0 / upper[k]);
            k += 1;
        }
    }
    a
}

#[test]
fn random_matrices_match_numpy_to_1e_6() {
    for (n, upper, w, lambda, cr) in NUMPY {
        let p = matrix::priorities(&full(*n, upper), Method::Eigenvector, &RI, 0.1);
        for (g, want) in p.weights.iter().zip(*w) {
            assert!((g - want).abs() < 1e-6, "n={n}: {:?} vs {w:?}", p.weights);
        }
        assert!((p.lambda_max - lambda).abs() < 1e-6, "n={n}: λ {} vs {lambda}", p.lambda_max);
        assert!((p.cr - cr).abs() < 1e-6, "n={n}: CR {} vs {cr}", p.cr);
    }
}

/// λmax from power iteration equals the largest real part among nalgebra's Schur eigenvalues.
#[test]
fn lambda_max_agrees_with_schur() {
    for (n, upper, _, _, _) in NUMPY {
        let a = full(*n, upper);
        let m = DMatrix::from_fn(*n, *n, |i, j| a[i][j].unwrap_or(1.0));
        let eig = m.clone().schur().complex_eigenvalues();
        let schur_max = eig.iter().map(|c| c.re).fold(f64::MIN, f64::max);
        let p = matrix::priorities(&a, Method::Eigenvector, &RI, 0.1);
        assert!((p.lambda_max - schur_max).abs() < 1e-9, "n={n}: {} vs {schur_max}", p.lambda_max);
    }
}

/// The geometric-mean method on a 3×3: row geometric means of [[1,3,5],[1/3,1,3],[1/5,1/3,1]]
/// are 15^(1/3) = 2.466212, 1, (1/15)^(1/3) = 0.405480; normalised: 0.636986, 0.258285, 0.104729
/// (hand calculation).
#[test]
fn geometric_mean_method_by_hand() {
    let a = full(3, &[3.0, 5.0, 3.0]);
    let p = matrix::priorities(&a, Method::GeometricMean, &RI, 0.1);
    let g = [15f64.cbrt(), 1.0, (1.0 / 15.0f64).cbrt()];
    let s: f64 = g.iter().sum();
    for (w, g) in p.weights.iter().zip(g) {
        assert!((w - g / s).abs() < 1e-12);
    }
}

proptest! {
    /// A consistent matrix a_ij = w_i/w_j gives back w to 1e-9 and CR 0, whatever the size.
    #[test]
    fn consistent_matrix_returns_its_weights(raw in prop::collection::vec(0.05_f64..1.0, 2..12)) {
        let s: f64 = raw.iter().sum();
        let w: Vec<f64> = raw.iter().map(|x| x / s).collect();
        let n = w.len();
        // keep the ratios on Saaty's scale
        prop_assume!(w.iter().all(|a| w.iter().all(|b| a / b <= 9.0)));
        let a: Vec<Vec<Option<f64>>> = (0..n).map(|i| (0..n).map(|j| Some(w[i] / w[j])).collect()).collect();
        for method in [Method::Eigenvector, Method::GeometricMean] {
            let p = matrix::priorities(&a, method, &RI, 0.1);
            for (g, want) in p.weights.iter().zip(&w) {
                prop_assert!((g - want).abs() < 1e-9, "{:?} vs {:?}", p.weights, w);
            }
            prop_assert!(p.cr.abs() < 1e-9, "CR {}", p.cr);
        }
    }

    /// Permuting the items permutes the weights.
    #[test]
    fn permutation_permutes_weights(upper in prop::collection::vec(prop::sample::select(vec![1.0/9.0, 1.0/5.0, 1.0/3.0, 1.0, 2.0, 3.0, 5.0, 9.0]), 10), rot in 1_usize..5) {
        let a = full(5, &upper);
        let perm: Vec<usize> = (0..5).map(|i| (i + rot) % 5).collect();
        let b: Vec<Vec<Option<f64>>> = (0..5).map(|i| (0..5).map(|j| a[perm[i]][perm[j]]).collect()).collect();
        let pa = matrix::priorities(&a, Method::Eigenvector, &RI, 0.1);
        let pb = matrix::priorities(&b, Method::Eigenvector, &RI, 0.1);
        for i in 0..5 {
            prop_assert!((pb.weights[i] - pa.weights[perm[i]]).abs() < 1e-9);
        }
        prop_assert!((pa.cr - pb.cr).abs() < 1e-9);
    }
}

/// The road fixture's 5-evaluator panel, aggregated by AIJ, worked out by hand.
///
/// Every evaluator's matrices are consistent, built from weight vectors, so the element-wise
/// geometric mean of the matrices is consistent too and its priorities are the normalised
/// geometric means G_i = (Π_e v_i^e)^(1/5) of the evaluators' vectors:
/// - top level (economic, policy, regional): A (4,3,3), B (3,3,4), C (5,3,2), D (7,6,7), E (8,5,7)
///   → G = (3360^⅕, 810^⅕, 1176^⅕) = (5.07287, 3.81682, 4.11226) → w = (0.390171, 0.293551, 0.316278),
///   inside the 2026 non-capital ranges [0.30,0.45] × [0.25,0.40] × [0.30,0.40]: no clamping;
/// - policy (consistency_readiness, implementation_risk, policy_effects, special_items):
///   A (2,1,1,1), B (2,1,1,1), C (3,1,1,1), D (2,2,1,1), E (1,1,1,1) → G = (24^⅕, 2^⅕, 1, 1)
///   → (0.374870, 0.228058, 0.198536, 0.198536);
/// - regional (backwardness, regional_economy, employment): all (2,2,1) → (0.4, 0.4, 0.2);
/// - implement vs not: economic 1, 2, 1/2, 1, 1 → geometric mean 1 → P = 1/(1+1) = 0.5;
///   the other leaves are judged alike by all: 3 → 0.75, 1 → 0.5, 2 → 2/3, 1/2 → 1/3,
///   3 → 0.75, 2 → 2/3, 1 → 0.5.
///
/// Criterion scores: economic 0.5; policy 0.374870·0.75 + 0.228058·0.5 + 0.198536·(2/3) +
/// 0.198536·(1/3) = 0.593718; regional 0.4·0.75 + 0.4·(2/3) + 0.2·0.5 = 0.666667.
/// Score = 0.390171·0.5 + 0.293551·0.593718 + 0.316278·0.666667 = 0.580224 ≥ 0.5: implement.
/// Range: lower bounds give 0.15 + 0.148429 + 0.2 = 0.498429 with 0.15 to place; the maximum
/// gives 0.10 to regional and 0.05 to policy: 0.594782; the minimum gives 0.15 to economic:
/// 0.573429. Both ≥ 0.5: robust.
#[test]
fn road_panel_by_hand() {
    let text = include_str!("../../../fixtures/road-national-route.yeta.json");
    let a = yeta_core::appraise_json(text, None).expect("appraises");
    let ahp = a.ahp.expect("ahp result");
    let g = [3360f64.powf(0.2), 810f64.powf(0.2), 1176f64.powf(0.2)];
    let w: Vec<f64> = g.iter().map(|x| x / g.iter().sum::<f64>()).collect();
    let pg = [24f64.powf(0.2), 2f64.powf(0.2), 1.0, 1.0];
    let p: Vec<f64> = pg.iter().map(|x| x / pg.iter().sum::<f64>()).collect();
    let s_policy = p[0] * 0.75 + p[1] * 0.5 + p[2] * (2.0 / 3.0) + p[3] * (1.0 / 3.0);
    let s_regional = 0.4 * 0.75 + 0.4 * (2.0 / 3.0) + 0.2 * 0.5;
    let score = w[0] * 0.5 + w[1] * s_policy + w[2] * s_regional;
    assert!((score - 0.580224).abs() < 1e-6, "hand arithmetic {score}");
    assert!((ahp.score - score).abs() < 1e-9, "engine {} vs hand {score}", ahp.score);
    for (k, id) in ["economic", "policy", "regional"].iter().enumerate() {
        assert!((ahp.weights[*id] - w[k]).abs() < 1e-9);
    }
    let contributions: f64 = ahp.contributions.values().sum();
    assert!((contributions - ahp.score).abs() < 1e-12, "contributions sum to the score");
    let lo = 0.30 * 0.5 + 0.25 * s_policy + 0.30 * s_regional;
    let max = lo + 0.10 * s_regional + 0.05 * s_policy;
    let min = lo + 0.15 * 0.5;
    assert!(
        (ahp.score_range[0] - min).abs() < 1e-9 && (ahp.score_range[1] - max).abs() < 1e-9,
        "{:?}",
        ahp.score_range
    );
    assert!(ahp.implement && ahp.robust && a.verdict.implement && a.verdict.basis == yeta_core::appraisal::Basis::Ahp);
    // Evaluator C (0.5, 0.3, 0.2) is outside the economic and regional ranges and is flagged.
    let c = &ahp.evaluators[2];
    assert_eq!(c.outside_range, vec!["economic".to_owned(), "regional".to_owned()]);
    assert_eq!(ahp.economic_bc, a.economic.bc_ratio);
}

/// Bad AHP input is rejected with the cell named, never a panic.
#[test]
fn bad_panel_names_the_cell() {
    let text = include_str!("../../../fixtures/road-national-route.yeta.json");
    let mut v: serde_json::Value = serde_json::from_str(text).expect("json");
    v["ahp"]["evaluators"][2]["criteria"]["policy"][0][2] = serde_json::json!(-3);
    v["ahp"]["evaluators"][0]["alternatives"]["economic"] = serde_json::json!(12);
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("ahp.evaluators[2].criteria.policy[0][2]: -3 is not positive"), "{err}");
    assert!(err.contains("ahp.evaluators[0].alternatives.economic: 12 is not on Saaty's scale"), "{err}");
    v["ahp"]["evaluators"][1]["criteria"]["goal"] = serde_json::json!([[1, 2], [0.5, 1]]);
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("ahp.evaluators[1].criteria.goal: has 2 rows"), "{err}");
}

/// The reviewer's view of the road panel (issue: how close the verdict is, and who it rests on).
/// The score range over the allowed weights, 0.573–0.595, does not reach 0.5: no weights within
/// the ranges flip the verdict. The economic leaf (global weight w₁ = 3360^0.2 / Σ, priority 0.5)
/// flips it at p* = 0.5 + (0.5 − score)/w₁, i.e. at the panel judgement a* = p*/(1 − p*).
#[test]
fn road_panel_switching_values_by_hand() {
    let text = include_str!("../../../fixtures/road-national-route.yeta.json");
    let ahp = yeta_core::appraise_json(text, None).expect("appraises").ahp.expect("ahp");
    assert!(ahp.panel.weight_switch.is_none(), "{:?}", ahp.panel.weight_switch);
    let g = [3360f64.powf(0.2), 810f64.powf(0.2), 1176f64.powf(0.2)];
    let w1 = g[0] / g.iter().sum::<f64>();
    let score = 0.580224;
    let p = 0.5 + (0.5 - score) / w1;
    let a = p / (1.0 - p);
    assert!((0.40..0.43).contains(&a), "hand arithmetic {a}");
    let econ = ahp.panel.leaf_switches.iter().find(|l| l.leaf == "economic").expect("economic leaf");
    assert!((econ.judgement - 1.0).abs() < 1e-9, "the panel's economic judgement is 1 (0.5)");
    let flip = econ.flip.expect("on the scale");
    assert!((flip - a).abs() < 2e-5, "engine {flip} vs hand {a}");
}

/// Leave-one-out against the whole engine: the score without evaluator i equals the appraisal of
/// the study with evaluator i deleted.
#[test]
fn leave_one_out_matches_the_study_without_the_evaluator() {
    let text = include_str!("../../../fixtures/road-national-route.yeta.json");
    let ahp = yeta_core::appraise_json(text, None).expect("appraises").ahp.expect("ahp");
    assert_eq!(ahp.panel.leave_one_out.len(), ahp.evaluators.len());
    for (i, loo) in ahp.panel.leave_one_out.iter().enumerate() {
        let mut v: serde_json::Value = serde_json::from_str(text).expect("json");
        let evs = v["ahp"]["evaluators"].as_array_mut().expect("evaluators");
        assert_eq!(evs[i]["name"], loo.evaluator.as_str());
        evs.remove(i);
        let without = yeta_core::appraise_json(&v.to_string(), None).expect("appraises").ahp.expect("ahp");
        assert!((without.score - loo.score).abs() < 1e-9, "{}: {} vs {}", loo.evaluator, without.score, loo.score);
        assert_eq!(loo.implement, without.implement);
    }
    let [lo, hi] = ahp.panel.score_spread.expect("spread");
    assert!(ahp.evaluators.iter().all(|e| e.score >= lo && e.score <= hi));
    assert!(ahp.panel.consensus.iter().all(|c| c.dispersion >= 1.0));
}

/// An evaluator who judged against another B/C is flagged; one who saw the current B/C is not.
#[test]
fn judgements_made_against_old_economic_figures_are_flagged() {
    let text = include_str!("../../../fixtures/road-national-route.yeta.json");
    let mut v: serde_json::Value = serde_json::from_str(text).expect("json");
    v["ahp"]["evaluators"][0]["bc_seen"] = serde_json::json!(1.10);
    v["ahp"]["evaluators"][1]["bc_seen"] = serde_json::json!(1.016);
    let a = yeta_core::appraise_json(&v.to_string(), None).expect("appraises");
    let ahp = a.ahp.expect("ahp");
    assert_eq!(ahp.panel.stale.len(), 1, "{:?}", ahp.panel.stale);
    assert_eq!(ahp.panel.stale[0].evaluator, v["ahp"]["evaluators"][0]["name"].as_str().unwrap_or(""));
    assert!((ahp.panel.stale[0].bc - a.economic.bc_ratio.unwrap_or(0.0)).abs() < 1e-12);
}
