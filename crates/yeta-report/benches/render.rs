//! Rendering the largest fixture (the rail line, 36 years): the issue asks for < 0.1 s.
#![allow(clippy::unwrap_used)]
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/rail-wide-area.yeta.json");
    let text = std::fs::read_to_string(p).unwrap();
    let a = yeta_core::appraise_json(&text, None).unwrap();
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    g.bench_function("render rail-wide-area ko", |b| {
        b.iter(|| yeta_report::render(&a, &text, yeta_report::Lang::Ko).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
