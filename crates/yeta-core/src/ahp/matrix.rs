//! Pairwise comparison matrices (쌍대비교 행렬): parsing on Saaty's 1–9 scale, priorities by the
//! principal right eigenvector or the geometric-mean (row) method, consistency (CI, CR), the
//! completion of matrices with blanks, and repair hints.
//!
//! AHP weights are not money: they are `f64` throughout, computed on nalgebra matrices.

use nalgebra::{DMatrix, DVector};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, de};
use std::fmt;

/// Largest judgement on Saaty's scale; the smallest is its reciprocal.
pub const SCALE_MAX: f64 = 9.0;
/// How far a_ij · a_ji may stray from 1 (relative) and still count as reciprocal: 1 % admits
/// entries written with three decimals, such as 0.333 for 1/3.
pub const RECIPROCAL_TOLERANCE: f64 = 0.01;
/// Power iteration stops when no weight moves by more than this.
const POWER_TOLERANCE: f64 = 1e-15;
const POWER_MAX_ITERATIONS: usize = 10_000;

/// One judgement: a number (`3`, `0.2`), a fraction as text (`"1/3"`), or `null` for a blank.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Judgement(#[schemars(with = "Option<JudgementText>")] pub Option<f64>);

/// Schema stand-in: a number or a string such as "1/3".
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum JudgementText {
    /// A number, e.g. 3 or 0.2.
    Number(f64),
    /// A fraction or number as text, e.g. "1/3".
    Text(String),
}

impl<'de> Deserialize<'de> for Judgement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Judgement;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a judgement: a number, a fraction such as \"1/3\", or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Judgement, E> {
                Ok(Judgement(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Judgement, E> {
                Ok(Judgement(None))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Judgement, E> {
                Ok(Judgement(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Judgement, E> {
                Ok(Judgement(Some(v as f64)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Judgement, E> {
                Ok(Judgement(Some(v as f64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Judgement, E> {
                parse_fraction(v)
                    .map(|x| Judgement(Some(x)))
                    .ok_or_else(|| E::custom(format!("\"{v}\" is not a number or a fraction such as \"1/3\"")))
            }
        }
        d.deserialize_any(V)
    }
}

/// `"3"`, `"0.2"`, `"1/3"`.
pub fn parse_fraction(s: &str) -> Option<f64> {
    let s = s.trim();
    let v = match s.split_once('/') {
        Some((a, b)) => a.trim().parse::<f64>().ok()? / b.trim().parse::<f64>().ok()?,
        None => s.parse::<f64>().ok()?,
    };
    v.is_finite().then_some(v)
}

/// How priorities are derived from a matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Saaty's principal right eigenvector (고유벡터법).
    #[default]
    Eigenvector,
    /// Normalised geometric means of the rows (기하평균법).
    GeometricMean,
}

/// A problem with one matrix, naming the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixError {
    /// Path below the matrix, e.g. `[0][2]`.
    pub cell: String,
    /// What is wrong.
    pub message: String,
}

/// Checks a matrix and returns it as f64 rows with `None` for blanks. Every problem is listed.
pub fn check(rows: &[Vec<Judgement>]) -> Result<Vec<Vec<Option<f64>>>, Vec<MatrixError>> {
    let n = rows.len();
    let mut errs = Vec::new();
    if n == 0 {
        errs.push(MatrixError { cell: String::new(), message: "is empty".into() });
        return Err(errs);
    }
    for (i, r) in rows.iter().enumerate() {
        if r.len() != n {
            errs.push(MatrixError {
                cell: format!("[{i}]"),
                message: format!("has {} entries; the matrix is {n}×{n} (it must be square)", r.len()),
            });
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let m: Vec<Vec<Option<f64>>> = rows.iter().map(|r| r.iter().map(|j| j.0).collect()).collect();
    for i in 0..n {
        for j in 0..n {
            let cell = format!("[{i}][{j}]");
            match (m[i][j], i == j) {
                (Some(v), true) if (v - 1.0).abs() > 1e-12 => {
                    errs.push(MatrixError { cell, message: format!("{v} is on the diagonal, which must be 1") })
                }
                (None, true) => errs.push(MatrixError { cell, message: "the diagonal must be 1, not blank".into() }),
                (Some(v), false) if !(v > 0.0) || !v.is_finite() => {
                    errs.push(MatrixError { cell, message: format!("{v} is not positive") })
                }
                (Some(v), false) if !(1.0 / SCALE_MAX - 1e-9..=SCALE_MAX + 1e-9).contains(&v) => errs.push(MatrixError {
                    cell,
                    message: format!("{v} is off Saaty's scale (1/9 to 9)"),
                }),
                (Some(v), false) if j > i => match m[j][i] {
                    Some(w) if w > 0.0 && ((v * w) - 1.0).abs() > RECIPROCAL_TOLERANCE => errs.push(MatrixError {
                        cell,
                        message: format!("{v} and its mirror [{j}][{i}] = {w} are not reciprocal (their product must be 1 within {RECIPROCAL_TOLERANCE})"),
                    }),
                    None => errs.push(MatrixError {
                        cell,
                        message: format!("{v} has a blank mirror [{j}][{i}]; leave both blank or give both"),
                    }),
                    _ => {}
                },
                _ => {}
            }
        }
    }
    // A blank must not cut the comparisons into separate groups (the matrix could not be completed).
    if errs.is_empty() && !connected(&m) {
        errs.push(MatrixError {
            cell: String::new(),
            message: "too many blanks: the items that are compared do not connect all items".into(),
        });
    }
    if errs.is_empty() { Ok(m) } else { Err(errs) }
}

fn connected(m: &[Vec<Option<f64>>]) -> bool {
    let n = m.len();
    let mut seen = vec![false; n];
    let mut stack = vec![0];
    seen[0] = true;
    while let Some(i) = stack.pop() {
        for j in 0..n {
            if !seen[j] && m[i][j].is_some() {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    seen.into_iter().all(|s| s)
}

/// A judgement the evaluator may want to reconsider.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hint {
    /// Row item index.
    pub i: usize,
    /// Column item index.
    pub j: usize,
    /// The judgement given, a_ij.
    pub given: f64,
    /// w_i / w_j: the value consistent with the current weights.
    pub consistent: f64,
    /// The nearest value on Saaty's scale (as text, e.g. "2" or "1/3").
    pub suggested: String,
    /// |ln(a_ij · w_j / w_i)|: how far the judgement is from the others.
    pub deviation: f64,
}

/// Priorities and consistency of one matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Priorities {
    /// Weights summing to 1, in item order.
    pub weights: Vec<f64>,
    /// Principal eigenvalue λmax (estimated as the mean of (Aw)_i / w_i for the geometric-mean method).
    pub lambda_max: f64,
    /// Consistency index CI = (λmax − n)/(n − 1).
    pub ci: f64,
    /// Consistency ratio CR = CI / RI(n); 0 for n ≤ 2.
    pub cr: f64,
    /// The random index used.
    pub ri: f64,
    /// CR at or below the cut-off.
    pub consistent: bool,
    /// The method used.
    pub method: Method,
    /// Cells that were blank and completed by Harker's method, as (row, column).
    pub completed: Vec<(usize, usize)>,
    /// The completed matrix (blanks filled with w_i/w_j).
    pub matrix: Vec<Vec<f64>>,
    /// When inconsistent, the judgements that contribute most, worst first.
    pub hints: Vec<Hint>,
}

/// Computes priorities of a checked matrix (see [`check`]); `ri` is the rule set's random-index
/// table for n = 1, 2, …
pub fn priorities(m: &[Vec<Option<f64>>], method: Method, ri_table: &[f64], cr_cutoff: f64) -> Priorities {
    let n = m.len();
    let blanks: Vec<(usize, usize)> =
        (0..n).flat_map(|i| (0..n).map(move |j| (i, j))).filter(|&(i, j)| m[i][j].is_none()).collect();
    // Harker (1987): a blank a_ij becomes 0 and the diagonal b_ii = 1 + (blanks in row i); the
    // principal eigenvector of that matrix gives the weights, and w_i/w_j fills the blank.
    let harker = if blanks.is_empty() {
        DMatrix::from_fn(n, n, |i, j| m[i][j].unwrap_or(0.0))
    } else {
        let missing: Vec<f64> = m.iter().map(|row| row.iter().filter(|x| x.is_none()).count() as f64).collect();
        DMatrix::from_fn(n, n, |i, j| m[i][j].unwrap_or(0.0) + if i == j { missing[i] } else { 0.0 })
    };
    let weights = match method {
        Method::Eigenvector => principal_eigenvector(&harker),
        Method::GeometricMean if blanks.is_empty() => geometric_mean(&harker),
        Method::GeometricMean => {
            // The row method needs a complete matrix: complete by Harker first.
            let w = principal_eigenvector(&harker);
            geometric_mean(&complete(m, &w))
        }
    };
    let full = if blanks.is_empty() { harker } else { complete(m, &weights) };
    let w = DVector::from_column_slice(&weights);
    let aw = &full * &w;
    let lambda_max = (0..n).map(|i| aw[i] / w[i]).sum::<f64>() / n as f64;
    let ri = if n >= 3 { ri_table.get(n - 1).copied().unwrap_or(f64::NAN) } else { 0.0 };
    let ci = if n >= 2 { ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0) } else { 0.0 };
    let cr = if n <= 2 || ri <= 0.0 { 0.0 } else { ci / ri };
    let consistent = cr <= cr_cutoff + 1e-12;
    // Beyond the RI table CR is undefined (NaN): no verdict on consistency, so no hints either;
    // callers refuse such matrices (see `ahp::check_sizes`).
    let hints = if consistent || !cr.is_finite() { Vec::new() } else { hints(m, &weights) };
    Priorities {
        weights,
        lambda_max,
        ci,
        cr,
        ri,
        consistent,
        method,
        completed: blanks.into_iter().filter(|(i, j)| i < j).collect(),
        matrix: (0..n).map(|i| (0..n).map(|j| full[(i, j)]).collect()).collect(),
        hints,
    }
}

/// Fills blanks with w_i / w_j.
fn complete(m: &[Vec<Option<f64>>], w: &[f64]) -> DMatrix<f64> {
    let n = m.len();
    DMatrix::from_fn(n, n, |i, j| m[i][j].unwrap_or(w[i] / w[j]))
}

/// Power iteration: for a positive (or Harker-completed, irreducible non-negative) matrix it
/// converges to the Perron vector. Normalised to sum 1 at each step.
pub fn principal_eigenvector(a: &DMatrix<f64>) -> Vec<f64> {
    let n = a.nrows();
    let mut w = DVector::from_element(n, 1.0 / n as f64);
    let mut next = DVector::zeros(n);
    for _ in 0..POWER_MAX_ITERATIONS {
        next.gemv(1.0, a, &w, 0.0);
        let s = next.sum();
        next /= s;
        let delta = next.iter().zip(w.iter()).fold(0.0_f64, |m, (x, y)| m.max((x - y).abs()));
        std::mem::swap(&mut w, &mut next);
        if delta < POWER_TOLERANCE {
            break;
        }
    }
    w.iter().copied().collect()
}

/// Row geometric means, normalised.
fn geometric_mean(a: &DMatrix<f64>) -> Vec<f64> {
    let n = a.nrows();
    let g: Vec<f64> = (0..n).map(|i| (0..n).map(|j| a[(i, j)].ln()).sum::<f64>() / n as f64).map(f64::exp).collect();
    let s: f64 = g.iter().sum();
    g.into_iter().map(|x| x / s).collect()
}

/// The judgements furthest from w_i/w_j (Saaty's ε_ij = a_ij w_j / w_i), worst first, at most three.
fn hints(m: &[Vec<Option<f64>>], w: &[f64]) -> Vec<Hint> {
    let n = m.len();
    // Rank every given judgement by how far it is from the weights' ratio; only the three worst
    // get the (allocating) suggested value, so a 15 × 15 matrix does 3 formats, not 105.
    let mut ranked: Vec<(f64, usize, usize, f64, f64)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter_map(|(i, j)| {
            let given = m[i][j]?;
            let consistent = w[i] / w[j];
            Some(((given / consistent).ln().abs(), i, j, given, consistent))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked
        .into_iter()
        // A hint whose Saaty value is the judgement already given would change nothing.
        .filter(|&(_, _, _, given, consistent)| (saaty_value(consistent) - given).abs() > 1e-9)
        .take(3)
        .map(|(deviation, i, j, given, consistent)| Hint {
            i,
            j,
            given,
            consistent,
            suggested: saaty_text(consistent),
            deviation,
        })
        .collect()
}

/// The nearest value on Saaty's scale as a number: 3.0, 0.2 (the value [`saaty_text`] names).
pub fn saaty_value(x: f64) -> f64 {
    if x >= 1.0 || (1.0 / x).round() <= 1.0 {
        x.round().clamp(1.0, SCALE_MAX)
    } else {
        1.0 / (1.0 / x).round().clamp(1.0, SCALE_MAX)
    }
}

/// The nearest value on Saaty's scale, as text: `"3"`, `"1/5"`.
pub fn saaty_text(x: f64) -> String {
    if x >= 1.0 || (1.0 / x).round() <= 1.0 {
        format!("{}", x.round().clamp(1.0, SCALE_MAX) as i64)
    } else {
        format!("1/{}", (1.0 / x).round().clamp(1.0, SCALE_MAX) as i64)
    }
}

/// Element-wise geometric mean of several complete matrices (AIJ aggregation).
pub fn geometric_mean_of(matrices: &[Vec<Vec<Option<f64>>>]) -> Vec<Vec<Option<f64>>> {
    let n = matrices.first().map_or(0, Vec::len);
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let vals: Vec<f64> = matrices.iter().filter_map(|m| m[i][j]).collect();
                    if vals.is_empty() {
                        None
                    } else {
                        Some((vals.iter().map(|v| v.ln()).sum::<f64>() / vals.len() as f64).exp())
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RI: [f64; 15] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    #[test]
    fn no_hint_repeats_the_judgement_already_given() {
        // A = 1 vs B, B = 2 vs C, A = 3 vs C: the weights' ratio w_A/w_B is about 1.2, whose
        // nearest Saaty value is 1, the judgement already given: suggesting "1" would change
        // nothing, so a_12 gets no hint even when it is among the most deviant cells.
        let m = vec![
            vec![Some(1.0), Some(1.0), Some(3.0)],
            vec![Some(1.0), Some(1.0), Some(2.0)],
            vec![Some(1.0 / 3.0), Some(0.5), Some(1.0)],
        ];
        let p = priorities(&m, Method::Eigenvector, &RI, 0.1);
        for h in &p.hints {
            assert!((saaty_value(h.consistent) - h.given).abs() > 1e-9, "no-op hint {h:?}");
        }
        assert_eq!(saaty_value(0.3), 1.0 / 3.0);
        assert_eq!(saaty_value(1.2), 1.0);
        assert_eq!(saaty_value(40.0), 9.0);
    }

    fn m(rows: &[&[f64]]) -> Vec<Vec<Option<f64>>> {
        rows.iter().map(|r| r.iter().map(|v| Some(*v)).collect()).collect()
    }

    /// METHOD.md: [[1,3,5],[1/3,1,3],[1/5,1/3,1]] → w (0.6370, 0.2583, 0.1047), λmax 3.03851, CR 0.0332.
    #[test]
    fn three_by_three_reference() {
        let p = priorities(
            &m(&[&[1.0, 3.0, 5.0], &[1.0 / 3.0, 1.0, 3.0], &[0.2, 1.0 / 3.0, 1.0]]),
            Method::Eigenvector,
            &RI,
            0.1,
        );
        let want = [0.6370, 0.2583, 0.1047];
        for (g, w) in p.weights.iter().zip(want) {
            assert!((g - w).abs() < 5e-5, "{:?}", p.weights);
        }
        assert!((p.lambda_max - 3.03851).abs() < 5e-6, "{}", p.lambda_max);
        assert!((p.cr - 0.0332).abs() < 5e-5, "{}", p.cr);
        assert!(p.consistent && p.hints.is_empty());
    }

    /// Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services
    /// Sciences 1(1), the drinks-consumption matrix: 0.177, 0.019, 0.042, 0.116, 0.190, 0.129,
    /// 0.327 and CR 0.022.
    #[test]
    fn saaty_drinks_example() {
        let t = 1.0 / 3.0;
        let a = m(&[
            &[1.0, 9.0, 5.0, 2.0, 1.0, 1.0, 0.5],
            &[1.0 / 9.0, 1.0, t, 1.0 / 9.0, 1.0 / 9.0, 1.0 / 9.0, 1.0 / 9.0],
            &[0.2, 3.0, 1.0, t, 0.25, t, 1.0 / 9.0],
            &[0.5, 9.0, 3.0, 1.0, 0.5, 1.0, t],
            &[1.0, 9.0, 4.0, 2.0, 1.0, 2.0, 0.5],
            &[1.0, 9.0, 3.0, 1.0, 0.5, 1.0, t],
            &[2.0, 9.0, 9.0, 3.0, 2.0, 3.0, 1.0],
        ]);
        let p = priorities(&a, Method::Eigenvector, &RI, 0.1);
        let want = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327];
        for (g, w) in p.weights.iter().zip(want) {
            assert!((g - w).abs() < 5e-4, "{:?}", p.weights);
        }
        assert!((p.cr - 0.022).abs() < 5e-4, "{}", p.cr);
    }

    #[test]
    fn saaty_text_rounds_to_the_scale() {
        assert_eq!(saaty_text(0.9), "1");
        assert_eq!(saaty_text(0.3), "1/3");
        assert_eq!(saaty_text(2.4), "2");
        assert_eq!(saaty_text(30.0), "9");
    }

    #[test]
    fn fractions_parse() {
        assert_eq!(parse_fraction("1/3"), Some(1.0 / 3.0));
        assert_eq!(parse_fraction(" 5 "), Some(5.0));
        assert_eq!(parse_fraction("1/0"), None);
        assert_eq!(parse_fraction("x"), None);
    }

    #[test]
    fn bad_cells_are_named() {
        let j = |v: f64| Judgement(Some(v));
        let rows =
            vec![vec![j(1.0), j(3.0), j(-3.0)], vec![j(1.0 / 3.0), j(2.0), j(3.0)], vec![j(5.0), j(1.0 / 3.0), j(1.0)]];
        let e = check(&rows).expect_err("bad");
        let cells: Vec<&str> = e.iter().map(|e| e.cell.as_str()).collect();
        assert!(cells.contains(&"[0][2]"), "{e:?}");
        assert!(cells.contains(&"[1][1]"), "{e:?}");
        let e = check(&[vec![j(1.0), j(2.0)]]).expect_err("not square");
        assert!(e[0].message.contains("square"));
        let e = check(&[vec![j(1.0), j(3.0)], vec![j(0.5), j(1.0)]]).expect_err("not reciprocal");
        assert!(e[0].message.contains("not reciprocal"), "{e:?}");
    }

    /// Harker's completion of a consistent matrix with one blank recovers the missing ratio:
    /// weights (4, 2, 1)/7 give a_13 = 4 when a_12 = 2 and a_23 = 2.
    #[test]
    fn harker_completes_a_blank() {
        let a = vec![
            vec![Some(1.0), Some(2.0), None],
            vec![Some(0.5), Some(1.0), Some(2.0)],
            vec![None, Some(0.5), Some(1.0)],
        ];
        let p = priorities(&a, Method::Eigenvector, &RI, 0.1);
        assert_eq!(p.completed, vec![(0, 2)]);
        assert!((p.matrix[0][2] - 4.0).abs() < 1e-9, "{:?}", p.matrix);
        assert!((p.weights[0] - 4.0 / 7.0).abs() < 1e-9);
        assert!(p.cr.abs() < 1e-9);
    }

    #[test]
    fn inconsistent_matrix_gets_a_hint_on_the_worst_judgement() {
        // weights about (4, 2, 1): a_12 = 2, a_23 = 2, but a_13 given as 1/4 (should be ≈ 4).
        let a = m(&[&[1.0, 2.0, 0.25], &[0.5, 1.0, 2.0], &[4.0, 0.5, 1.0]]);
        let p = priorities(&a, Method::Eigenvector, &RI, 0.1);
        assert!(!p.consistent, "CR {}", p.cr);
        assert!(!p.hints.is_empty());
    }
}
