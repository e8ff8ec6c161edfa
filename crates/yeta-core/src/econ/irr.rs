//! Internal rate of return (내부수익률): every rate in a stated range at which the net flow's NPV
//! is zero, or an honest "none" or "several".
//!
//! IRR is a root of a polynomial, so it is computed on `f64` (the one place the economic analysis
//! leaves decimals). With v = 1/(1+r), NPV(r) = v^t0 · Σ c_i v^i, so the roots do not depend on
//! where the flows start. Descartes' rule of signs bounds the number of roots by the number of
//! sign changes of the flows: one change means exactly one root in r > −1, found by bracketing;
//! more changes mean a scan of the whole range for every sign change of NPV.

use serde::Serialize;

/// Rates searched, as fractions: −99 % to +1000 %.
pub const SEARCH_RANGE: (f64, f64) = (-0.99, 10.0);
/// Grid points of the scan used when the flows change sign more than once.
const SCAN_POINTS: usize = 4000;

/// What the search found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IrrStatus {
    /// Exactly one rate in the range.
    Unique,
    /// No rate in the range makes NPV zero.
    None,
    /// Several rates do; IRR is not a meaningful summary of this project.
    Multiple,
}

/// The IRR and how it was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Irr {
    /// Unique, none or multiple.
    pub status: IrrStatus,
    /// The IRR when unique.
    pub value: Option<f64>,
    /// Every root found in the range, ascending.
    pub roots: Vec<f64>,
    /// Sign changes of the yearly net flows: an upper bound on the number of roots (Descartes).
    pub sign_changes: usize,
    /// The range searched.
    pub range: [f64; 2],
}

/// NPV of `flows` (index = years after the first flow) at rate r, up to the positive factor
/// v^t0; evaluated so that no power overflows: in v = 1/(1+r) when r ≥ 0, in 1+r when r < 0.
fn scaled_npv(flows: &[f64], r: f64) -> f64 {
    let x = 1.0 + r;
    if x >= 1.0 {
        let v = 1.0 / x;
        flows.iter().rev().fold(0.0, |acc, c| acc * v + c)
    } else {
        // Σ c_i v^i = v^n Σ c_i x^(n−i): same sign, Horner in x from c_0.
        flows.iter().fold(0.0, |acc, c| acc * x + c)
    }
}

/// NPV of flows where `flows[i]` falls `t0 + i` years after the base year.
pub fn npv_f64(rate: f64, t0: i32, flows: &[f64]) -> f64 {
    let v = 1.0 / (1.0 + rate);
    v.powi(t0) * flows.iter().rev().fold(0.0, |acc, c| acc * v + c)
}

/// Finds every IRR of the yearly net flows in [`SEARCH_RANGE`].
pub fn irr(flows: &[f64]) -> Irr {
    let (lo, hi) = SEARCH_RANGE;
    let range = [lo, hi];
    let nonzero: Vec<f64> = flows.iter().copied().filter(|c| *c != 0.0 && c.is_finite()).collect();
    let sign_changes = nonzero.windows(2).filter(|w| (w[0] < 0.0) != (w[1] < 0.0)).count();
    if sign_changes == 0 {
        return Irr { status: IrrStatus::None, value: None, roots: vec![], sign_changes, range };
    }
    let f = |r: f64| scaled_npv(flows, r);
    let roots = if sign_changes == 1 {
        // Exactly one root in r > −1; it is in the range iff NPV changes sign across it.
        let (fl, fh) = (f(lo), f(hi));
        if fl == 0.0 {
            vec![lo]
        } else if fh == 0.0 {
            vec![hi]
        } else if (fl < 0.0) != (fh < 0.0) {
            vec![refine(&f, lo, hi, fl)]
        } else {
            vec![]
        }
    } else {
        scan(&f, lo, hi)
    };
    let (status, value) = match roots.as_slice() {
        [] => (IrrStatus::None, None),
        [r] => (IrrStatus::Unique, Some(*r)),
        _ => (IrrStatus::Multiple, None),
    };
    Irr { status, value, roots, sign_changes, range }
}

/// Every sign change of `f` on a grid even in ln(1+r), each refined.
fn scan(f: &impl Fn(f64) -> f64, lo: f64, hi: f64) -> Vec<f64> {
    // The grid is the same for every flow of the search range: computed once, not 4000 `exp`s per
    // call (the sensitivity table asks for eleven IRRs per appraisal).
    static GRID: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    let points = if (lo, hi) == SEARCH_RANGE {
        GRID.get_or_init(|| grid(SEARCH_RANGE.0, SEARCH_RANGE.1)).as_slice()
    } else {
        &grid(lo, hi)
    };
    let at = |i: usize| points[i];
    let mut roots = Vec::new();
    let mut prev = (lo, f(lo));
    if prev.1 == 0.0 {
        roots.push(lo);
    }
    for i in 1..=SCAN_POINTS {
        let r = if i == SCAN_POINTS { hi } else { at(i) };
        let fr = f(r);
        if fr == 0.0 {
            roots.push(r);
        } else if prev.1 != 0.0 && (prev.1 < 0.0) != (fr < 0.0) {
            roots.push(refine(f, prev.0, r, prev.1));
        }
        prev = (r, fr);
    }
    roots
}

/// Bisection on a bracket [a, b] with f(a) = fa ≠ 0 and a sign change: slow but certain, and to
/// full double precision in about 60 steps.
/// Scan points evenly spaced in ln(1 + r), so low rates, where roots usually are, get more.
fn grid(lo: f64, hi: f64) -> Vec<f64> {
    let (a, b) = ((1.0 + lo).ln(), (1.0 + hi).ln());
    (0..=SCAN_POINTS).map(|i| (a + (b - a) * i as f64 / SCAN_POINTS as f64).exp() - 1.0).collect()
}

fn refine(f: &impl Fn(f64) -> f64, mut a: f64, mut b: f64, mut fa: f64) -> f64 {
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        if m <= a || m >= b {
            break;
        }
        let fm = f(m);
        if fm == 0.0 {
            return m;
        }
        if (fm < 0.0) == (fa < 0.0) {
            a = m;
            fa = fm;
        } else {
            b = m;
        }
    }
    0.5 * (a + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// numpy-financial 1.0.0: `npf.irr([-100, 39, 59, 55, 20])` = 0.28094842115996 (its docs'
    /// own example).
    #[test]
    fn numpy_financial_docs_example() {
        let r = irr(&[-100.0, 39.0, 59.0, 55.0, 20.0]);
        assert_eq!(r.status, IrrStatus::Unique);
        let v = r.value.expect("unique");
        assert!((v - 0.28094842115996).abs() < 1e-9, "{v}");
    }

    /// Hand calculation: −1, +5, −6 has NPV (v−2)(v−3)... in x = 1+r: −x² + 5x − 6 = 0 → x = 2, 3,
    /// so r = 100 % and 200 %.
    #[test]
    fn two_roots_are_both_reported() {
        let r = irr(&[-1.0, 5.0, -6.0]);
        assert_eq!(r.status, IrrStatus::Multiple);
        assert_eq!(r.roots.len(), 2);
        assert!((r.roots[0] - 1.0).abs() < 1e-12 && (r.roots[1] - 2.0).abs() < 1e-12, "{:?}", r.roots);
        assert!(r.value.is_none());
    }

    #[test]
    fn all_positive_flows_have_no_irr() {
        let r = irr(&[0.0, 5.0, 6.0]);
        assert_eq!(r.status, IrrStatus::None);
        assert_eq!(r.sign_changes, 0);
    }

    /// −100, +1 over one year: IRR = −99 %... just at the edge; −100, +0.5: −99.5 %, outside.
    #[test]
    fn a_root_outside_the_range_is_none_not_a_wrong_answer() {
        let r = irr(&[-100.0, 0.5]);
        assert_eq!(r.status, IrrStatus::None);
        assert!(r.roots.is_empty() && r.range[0] == -0.99, "{r:?}");
    }

    #[test]
    fn long_flows_do_not_overflow_at_the_range_ends() {
        let mut flows = vec![-1.0e12; 5];
        flows.extend(vec![1.0e11; 395]);
        let r = irr(&flows);
        assert_eq!(r.status, IrrStatus::Unique);
        let v = r.value.expect("unique");
        assert!(npv_f64(v, 0, &flows).abs() < 1e-3 * 1.0e12, "{v}");
    }
}
