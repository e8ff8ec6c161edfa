//! Appraisal speed: parse + validate + the whole economic and financial analysis of the largest
//! fixture (the rail line: 36 years, 15 cost and benefit lines, a stepped schedule, 11
//! sensitivity cases with IRR).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const RAIL: &str = include_str!("../../../fixtures/rail-wide-area.yeta.json");

fn appraise(c: &mut Criterion) {
    let study = yeta_core::Study::from_json(RAIL).expect("fixture parses");
    c.bench_function("appraise rail fixture (parsed)", |b| b.iter(|| yeta_core::appraise(black_box(&study), None)));
    c.bench_function("appraise rail fixture (from JSON text)", |b| {
        b.iter(|| yeta_core::appraise_json(black_box(RAIL), None))
    });
    let net: Vec<f64> = {
        let a = yeta_core::appraise(&study, None).expect("appraises");
        a.economic.cash_flow.iter().map(|r| yeta_core::econ::to_f64(r.net)).collect()
    };
    c.bench_function("irr rail net flow", |b| b.iter(|| yeta_core::econ::irr::irr(black_box(&net))));
}

criterion_group!(benches, appraise);
criterion_main!(benches);
