//! Monte Carlo speed: 10k and 100k draws on the synthetic 50-year, 30-line study, on 1 and 2
//! threads.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::sync::atomic::AtomicBool;
use yeta_core::risk::{self, Options};

const SYNTHETIC: &str = include_str!("../../../fixtures/bench/synthetic-50y-30lines.yeta.json");

fn mc(c: &mut Criterion) {
    let study = yeta_core::Study::from_json(SYNTHETIC).expect("parses");
    let cancel = AtomicBool::new(false);
    let mut g = c.benchmark_group("monte carlo 50y x 30 lines");
    g.sample_size(10);
    for draws in [10_000, 100_000] {
        for threads in [1, 2] {
            g.bench_with_input(BenchmarkId::new(format!("{threads} threads"), draws), &draws, |b, &draws| {
                b.iter(|| {
                    risk::simulate_study(&study, Options { draws, seed: 1, threads, bins: 30 }, &|_, _| {}, &cancel)
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, mc);
criterion_main!(benches);
