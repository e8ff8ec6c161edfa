//! Monte Carlo risk analysis: the simulated mean against the analytic expectation, seeds and
//! threads, validation.

use std::sync::atomic::AtomicBool;
use yeta_core::Study;
use yeta_core::risk::{self, Options};

fn study(name: &str) -> Study {
    let text =
        std::fs::read_to_string(format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    Study::from_json(&text).expect("parses")
}

fn f(m: &risk::Money) -> f64 {
    m.0.to_string().parse().expect("number")
}

fn run(s: &Study, draws: usize, seed: u64, threads: usize) -> risk::RiskResult {
    risk::simulate_study(s, Options { draws, seed, threads, bins: 30 }, &|_, _| {}, &AtomicBool::new(false))
        .expect("simulates")
}

/// With triangular multipliers only (the road fixture), E[NPV] = Σ sign · E[m] · PV(line), with
/// E[m] = (min + mode + max)/3 for a triangular. Computed by hand from the fixture's ranges and the
/// engine's deterministic PVs (checked against numpy-financial elsewhere), the simulated mean must
/// lie within 3 standard errors.
#[test]
fn triangular_mean_npv_matches_the_analytic_expectation() {
    let s = study("road-national-route.yeta.json");
    let a = yeta_core::appraise(&s, None).expect("appraises");
    let pv = |name: &str| -> f64 {
        let l = a.economic.lines.iter().find(|l| l.name == name).expect(name);
        l.pv.to_string().parse().expect("pv")
    };
    let tri = |a: f64, m: f64, b: f64| (a + m + b) / 3.0;
    let expected = -tri(0.95, 1.0, 1.35) * pv("Construction")
        - tri(0.9, 1.0, 1.5) * pv("Land compensation")
        - tri(0.9, 1.0, 1.2) * pv("Routine maintenance")
        - pv("Pavement overlay")
        + tri(0.7, 1.0, 1.15) * pv("Travel-time savings")
        + tri(0.7, 1.0, 1.15) * pv("Vehicle operating-cost savings")
        + tri(0.8, 1.0, 1.2) * pv("Accident reduction")
        + pv("Environmental cost reduction")
        + pv("Residual value of structures");
    let r = run(&s, 200_000, 11, 2);
    let (mean, se) = (f(&r.npv.mean), f(&r.npv.se));
    assert!((mean - expected).abs() < 3.0 * se, "simulated {mean} vs analytic {expected} (SE {se})");
    let analytic = f(r.npv_expected_analytic.as_ref().expect("fixed rate"));
    assert!((analytic - expected).abs() < 1.0, "engine's analytic {analytic} vs hand {expected}");
    // P(B/C ≥ 1) and P(NPV > 0) describe the same event.
    assert!((r.prob_bc_ge_1 - r.prob_npv_positive).abs() < 1e-4);
    assert!(f(&r.npv.p10) < f(&r.npv.p50) && f(&r.npv.p50) < f(&r.npv.p90));
    assert_eq!(r.histogram.iter().map(|b| b.count).sum::<usize>(), 200_000);
}

#[test]
fn same_seed_same_numbers_on_one_and_two_threads() {
    for name in ["rail-wide-area.yeta.json", "ict-e-procurement.yeta.json"] {
        let s = study(name);
        let one = run(&s, 20_000, 5, 1);
        let two = run(&s, 20_000, 5, 2);
        assert_eq!(one, two, "{name}");
        let other = run(&s, 20_000, 6, 2);
        assert_ne!(one.npv.mean, other.npv.mean);
    }
}

#[test]
fn cancel_stops_the_run() {
    let s = study("rail-wide-area.yeta.json");
    let cancel = AtomicBool::new(true);
    let e = risk::simulate_study(&s, Options { draws: 100_000, seed: 1, threads: 2, bins: 10 }, &|_, _| {}, &cancel);
    assert!(e.is_err());
}

#[test]
fn bad_uncertainty_names_the_field() {
    let text =
        std::fs::read_to_string(format!("{}/../../fixtures/road-national-route.yeta.json", env!("CARGO_MANIFEST_DIR")))
            .expect("fixture");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["costs"][0]["uncertainty"] = serde_json::json!({"dist": "triangular", "min": "1.2", "mode": "1.0", "max": "1.3"});
    v["benefits"][0]["uncertainty"] = serde_json::json!({"dist": "normal", "mean": "1", "sd": "-0.1"});
    v["costs"][1]["uncertainty"] = serde_json::json!({"dist": "uniform", "min": "0.9"});
    let err = yeta_core::appraise_json(&v.to_string(), None).expect_err("invalid").to_string();
    assert!(err.contains("costs[0].uncertainty.min: 1.2 is above the mode 1.0"), "{err}");
    assert!(err.contains("benefits[0].uncertainty.sd: -0.1 is negative"), "{err}");
    assert!(err.contains("costs[1].uncertainty.max: is missing"), "{err}");
}

#[test]
fn critical_variables_follow_the_eu_definition() {
    // A line is critical when |PV(line)| > |NPV| (a 1 % change moves NPV by more than 1 %).
    let s = study("road-national-route.yeta.json");
    let a = yeta_core::appraise(&s, None).expect("appraises");
    let npv: f64 = a.economic.npv.to_string().parse().expect("npv");
    let r = run(&s, 1000, 1, 1);
    for l in &a.economic.lines {
        let pv: f64 = l.pv.to_string().parse().expect("pv");
        let listed = r.critical_variables.iter().any(|c| c.name == l.name);
        assert_eq!(listed, pv.abs() > npv.abs(), "{}", l.name);
    }
}
