//! AHP priorities and consistency for n = 3, 9, 15 (random reciprocal matrices on Saaty's scale).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use yeta_core::ahp::matrix::{self, Method};

const RI: [f64; 15] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
const SCALE: [f64; 9] = [1.0 / 9.0, 1.0 / 5.0, 1.0 / 3.0, 1.0, 2.0, 3.0, 5.0, 7.0, 9.0];

fn matrix_of(n: usize) -> Vec<Vec<Option<f64>>> {
    let mut seed = 7_u64;
    let mut a = vec![vec![Some(1.0); n]; n];
    for i in 0..n {
        for j in i + 1..n {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let v = SCALE[(seed >> 33) as usize % SCALE.len()];
            a[i][j] = Some(v);
            a[j][i] = Some(1.0 / v);
        }
    }
    a
}

fn ahp(c: &mut Criterion) {
    let mut g = c.benchmark_group("ahp priorities");
    for n in [3, 9, 15] {
        let a = matrix_of(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &a, |b, a| {
            b.iter(|| matrix::priorities(black_box(a), Method::Eigenvector, &RI, 0.1))
        });
    }
    g.finish();
}

criterion_group!(benches, ahp);
criterion_main!(benches);
