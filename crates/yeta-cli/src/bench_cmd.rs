//! `yeta bench`: times the engine in-process on the same inputs as the Python baselines in
//! `benches/`, and prints the timings as JSON (benches/compare.py computes the ratios).

use anyhow::{Result, anyhow};
use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::Instant;
use yeta_core::ahp::matrix::{self, Method};

/// Median seconds per call of `f` over `reps` calls.
fn time<F: FnMut()>(reps: usize, mut f: F) -> f64 {
    let mut v: Vec<f64> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The 15×15 matrix both sides use: a_ij for i < j from a fixed list on Saaty's scale.
pub fn ahp15() -> Vec<Vec<Option<f64>>> {
    const SCALE: [f64; 9] = [1.0 / 9.0, 1.0 / 5.0, 1.0 / 3.0, 1.0, 2.0, 3.0, 5.0, 7.0, 9.0];
    let n = 15;
    let mut a = vec![vec![Some(1.0); n]; n];
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            let v = SCALE[(i * 7 + j * 3 + k) % SCALE.len()];
            a[i][j] = Some(v);
            a[j][i] = Some(1.0 / v);
            k += 1;
        }
    }
    a
}

/// Runs the timings: appraise the largest fixture, 100k Monte Carlo draws, AHP 15×15.
pub fn run(root: &std::path::Path, threads: usize) -> Result<String> {
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| anyhow!("{p}: {e}"));
    let rail = yeta_core::Study::from_json(&read("fixtures/rail-wide-area.yeta.json")?).map_err(|e| anyhow!("{e}"))?;
    let syn = yeta_core::Study::from_json(&read("fixtures/bench/synthetic-50y-30lines.yeta.json")?)
        .map_err(|e| anyhow!("{e}"))?;
    let appraise = time(2000, || {
        black_box(yeta_core::appraise(black_box(&rail), None).ok());
    });
    // The baseline's scope: expand the lines and run the economic analysis (PVs, 11 sensitivity
    // cases, IRR); without the later stages (policy, regional, environment, AHP, finance).
    let inputs = yeta_core::appraisal::Inputs::default();
    let economic = time(2000, || {
        black_box(yeta_core::appraisal::with_context(black_box(&rail), &inputs, |cx| cx.economic.npv).ok());
    });
    let cancel = AtomicBool::new(false);
    let opts = yeta_core::risk::Options { draws: 100_000, seed: 1, threads, bins: 30 };
    let mc = time(7, || {
        black_box(yeta_core::risk::simulate_study(&syn, opts, &|_, _| {}, &cancel).ok());
    });
    let a = ahp15();
    let ri = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
    let ahp = time(2000, || {
        black_box(matrix::priorities(black_box(&a), Method::Eigenvector, &ri, 0.1));
    });
    let w = matrix::priorities(&a, Method::Eigenvector, &ri, 0.1).weights;
    // ahpy's scope: the eigenvector and CR only, without completion bookkeeping and repair hints.
    let dense = nalgebra::DMatrix::from_fn(15, 15, |i, j| a[i][j].unwrap_or(1.0));
    let ahp_core = time(2000, || {
        let w = matrix::principal_eigenvector(black_box(&dense));
        let aw = &dense * nalgebra::DVector::from_column_slice(&w);
        let lambda = (0..15).map(|i| aw[i] / w[i]).sum::<f64>() / 15.0;
        black_box((lambda - 15.0) / 14.0 / ri[14]);
    });
    Ok(serde_json::to_string_pretty(&serde_json::json!({
        "appraise_rail_s": appraise,
        "economic_rail_s": economic,
        "ahp_15_core_s": ahp_core,
        "monte_carlo_100k_s": mc,
        "monte_carlo_threads": threads,
        "ahp_15_s": ahp,
        "ahp_15_weights": w,
    }))?)
}
