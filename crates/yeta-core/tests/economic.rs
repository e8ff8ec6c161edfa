//! Economic analysis against independent references: the worked example of METHOD.md computed
//! with numpy-financial (tests/reference/method_example.py prints every number used here), hand
//! calculations written out below, and property tests of the discounting identities.

use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use yeta_core::econ::{self, ExpandedLine, Kind, List, Origin, Period, Schedule, Variation, irr};
use yeta_core::study::{BenefitKind, CostKind};
use yeta_core::{Study, appraise};

fn rel(got: f64, want: f64) -> f64 {
    ((got - want) / want).abs()
}

fn f(x: Decimal) -> f64 {
    x.to_f64().expect("finite")
}

/// METHOD.md's example as a study: base year 2025 (t = 0), 4.5 %; costs 100 in 2025 and 2026,
/// then 10 a year 2027..2056; benefits 30 a year 2027..2056.
fn method_example() -> Study {
    Study::from_json(
        r#"{
  "format": "yeta-study/1",
  "project": { "name": "METHOD.md example", "sponsor": "test", "sector": "road", "region": "KR-43",
               "total_cost": "200", "state_funding": "100" },
  "rules": { "id": "kr-pfs-2019" },
  "parameters": { "base_year": 2025, "first_year": 2025, "last_year": 2056 },
  "costs": [
    { "name": "Build", "kind": "capex", "flows": [ { "year": 2025, "amount": "100" }, { "year": 2026, "amount": "100" } ] },
    { "name": "Run", "kind": "opex", "flows": [ { "from": 2027, "to": 2056, "amount": "10" } ] } ],
  "benefits": [ { "name": "Time", "kind": "travel_time", "flows": [ { "from": 2027, "to": 2056, "amount": "30" } ] } ]
}"#,
    )
    .expect("example parses")
}

// numpy-financial 1.0.0, tests/reference/method_example.py
const PV_B: f64 = 467.62359457288585;
const PV_C: f64 = 351.56831142860153;
const NPV: f64 = 116.05528314428432;
const BC: f64 = 1.330107348619369;
const IRR: f64 = 0.0881886639618783;
const BC_COSTS_PLUS_20: f64 = 1.108422790516141;
const NPV_RATE_PLUS_1PP: f64 = 80.73450561368864;
const NPV_RATE_MINUS_1PP: f64 = 158.78348620990982;

#[test]
fn method_example_matches_numpy_financial() {
    let a = appraise(&method_example(), None).expect("appraises");
    let e = &a.economic;
    assert!(rel(f(e.pv_benefits), PV_B) < 1e-9, "PV(B) {}", e.pv_benefits);
    assert!(rel(f(e.pv_costs), PV_C) < 1e-9, "PV(C) {}", e.pv_costs);
    assert!(rel(f(e.npv), NPV) < 1e-9, "NPV {}", e.npv);
    assert!(rel(e.bc_ratio.expect("costs"), BC) < 1e-9);
    assert!(rel(e.irr.expect("unique IRR"), IRR) < 1e-7, "IRR {:?}", e.irr);
    // and METHOD.md's rounded figures
    assert_eq!(format!("{:.4}", f(e.pv_benefits)), "467.6236");
    assert_eq!(format!("{:.2} %", e.irr.expect("irr") * 100.0), "8.82 %");
}

#[test]
fn method_example_sensitivity_and_switching_values() {
    let a = appraise(&method_example(), None).expect("appraises");
    let e = &a.economic;
    let row = |id: &str| e.sensitivity.iter().find(|r| r.case.code() == id).expect(id);
    assert!(rel(row("costs_plus_20").bc_ratio.expect("bc"), BC_COSTS_PLUS_20) < 1e-9);
    assert!(rel(f(row("rate_plus_1pp").npv), NPV_RATE_PLUS_1PP) < 1e-9);
    assert!(rel(f(row("rate_minus_1pp").npv), NPV_RATE_MINUS_1PP) < 1e-9);
    // Hand calculation: costs may rise by NPV / PV(C) = 116.0553 / 351.5683 = 33.011 % before
    // B/C reaches 1; benefits may fall by NPV / PV(B) = 116.0553 / 467.6236 = 24.818 %.
    let sv = &e.switching_values;
    assert!((sv.costs_pct.expect("sv") - 100.0 * NPV / PV_C).abs() < 1e-9);
    assert!((sv.benefits_pct.expect("sv") + 100.0 * NPV / PV_B).abs() < 1e-9);
    assert_eq!(format!("{:.2}", sv.costs_pct.expect("sv")), "33.01");
    // the switching value really is where B/C = 1
    let bc_at_switch = PV_B / (PV_C * (1.0 + sv.costs_pct.expect("sv") / 100.0));
    assert!((bc_at_switch - 1.0).abs() < 1e-12);
}

#[test]
fn cash_flow_table_and_payback_by_hand() {
    let a = appraise(&method_example(), None).expect("appraises");
    let rows = &a.economic.cash_flow;
    assert_eq!(rows.len(), 32);
    // 2025 is the base year: DF 1, PV = nominal.
    assert_eq!(rows[0].discount_factor, 1.0);
    assert_eq!(rows[0].pv_costs, Decimal::from(100));
    // 2027 (t = 2): DF = 1/1.045² = 0.915729...; net 30 − 10 = 20.
    assert!((rows[2].discount_factor - 1.0 / 1.045_f64.powi(2)).abs() < 1e-15);
    assert_eq!(rows[2].net, Decimal::from(20));
    // Cumulative PV of the net flow: −100 − 100/1.045 + Σ_{t=2..T} 20/1.045^t turns positive in
    // the first T where 20·(a_T − a_1) ≥ 100 + 100/1.045 = 195.6938, with the annuity factor
    // a_n = (1 − 1.045^−n)/0.045: T = 15 gives 20·(10.7395 − 0.9569) = 195.652 (just short),
    // T = 16 adds 20/1.045^16 = 9.890: payback in 2025 + 16 = 2041.
    assert_eq!(a.economic.payback_year, Some(2041));
    let last = rows.last().expect("rows");
    assert!(rel(f(last.cumulative_pv_net), NPV) < 1e-9);
}

#[test]
fn stepped_schedule_by_hand() {
    // 3.5 % for 2026..2030, then 3.0 %: a flow of 1000 in 2032 has
    // DF = 1/1.035^5 × 1/1.03^2 = 0.841973 × 0.942596 = 0.793640 (hand calculation).
    let s = Schedule {
        base_year: 2025,
        steps: vec![
            econ::discount::Step { from_year: 2026, rate: Decimal::new(35, 3) },
            econ::discount::Step { from_year: 2031, rate: Decimal::new(3, 2) },
        ],
        origin: econ::ScheduleOrigin::Study,
    };
    let p = Period::new(s, 2026, 2032);
    let pv = p.pv(&[
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::from(1000),
    ]);
    let want = 1000.0 / 1.035_f64.powi(5) / 1.03_f64.powi(2);
    assert!(rel(f(pv), want) < 1e-12, "{pv} vs {want}");
    assert_eq!(format!("{:.3}", f(pv)), "793.640");
}

#[test]
fn irr_none_and_multiple_are_reported_not_guessed() {
    // Benefits only: no rate makes NPV zero.
    let r = irr::irr(&[0.0, 10.0, 10.0]);
    assert_eq!(r.status, irr::IrrStatus::None);
    // −100, +230, −132: (x − 1.1)(x − 1.2) = 0 in x = 1 + r → 10 % and 20 % (hand calculation:
    // 100x² − 230x + 132 = 100(x² − 2.3x + 1.32)).
    let r = irr::irr(&[-100.0, 230.0, -132.0]);
    assert_eq!(r.status, irr::IrrStatus::Multiple);
    assert!((r.roots[0] - 0.1).abs() < 1e-10 && (r.roots[1] - 0.2).abs() < 1e-10, "{:?}", r.roots);
}

fn decimal(x: i64) -> Decimal {
    Decimal::from(x)
}

proptest! {
    /// One step: DF(t) = 1/(1+r)^t, the closed form.
    #[test]
    fn one_step_equals_closed_form(rate_bp in 0_i64..2000, t in 0_i32..120) {
        let r = Decimal::new(rate_bp, 4);
        let p = Period::new(Schedule::flat(2000, r), 2000, 2000 + t);
        let df = f(*p.factors.last().expect("factor"));
        let want = 1.0 / (1.0 + rate_bp as f64 / 10_000.0).powi(t);
        prop_assert!(rel(df, want) < 1e-12, "DF({t}) at {r}: {df} vs {want}");
    }

    /// NPV is linear in the flows: PV(a·x + y) = a·PV(x) + PV(y).
    #[test]
    fn npv_is_linear(xs in prop::collection::vec(-1_000_000_i64..1_000_000, 1..60),
                     ys in prop::collection::vec(-1_000_000_i64..1_000_000, 1..60),
                     a in -50_i64..50, rate_bp in 0_i64..1500) {
        let n = xs.len().min(ys.len());
        let p = Period::new(Schedule::flat(2020, Decimal::new(rate_bp, 4)), 2020, 2020 + n as i32 - 1);
        let x: Vec<Decimal> = xs[..n].iter().map(|v| decimal(*v)).collect();
        let y: Vec<Decimal> = ys[..n].iter().map(|v| decimal(*v)).collect();
        let combo: Vec<Decimal> = x.iter().zip(&y).map(|(x, y)| decimal(a) * x + y).collect();
        let lhs = p.pv(&combo);
        let rhs = decimal(a) * p.pv(&x) + p.pv(&y);
        prop_assert!((lhs - rhs).abs() <= Decimal::new(1, 12), "{lhs} vs {rhs}");
    }

    /// At the IRR the NPV is zero (relative to the size of the flows).
    #[test]
    fn npv_at_irr_is_zero(invest in 1_i64..1_000_000, years in 2_usize..60, yearly_pct in 1_i64..60) {
        let mut flows = vec![-(invest as f64)];
        flows.extend(std::iter::repeat_n(invest as f64 * yearly_pct as f64 / 100.0, years));
        let r = irr::irr(&flows);
        prop_assert_eq!(r.status, irr::IrrStatus::Unique);
        let v = r.value.expect("unique");
        let npv = irr::npv_f64(v, 0, &flows);
        prop_assert!(npv.abs() < 1e-7 * invest as f64, "NPV at IRR {v}: {npv}");
        // and the engine's decimal PV agrees at that rate
        let rate = Decimal::from_f64(v).expect("rate");
        if rate >= Decimal::ZERO {
            let p = Period::new(Schedule::flat(2000, rate), 2000, 2000 + years as i32);
            let d: Vec<Decimal> = flows.iter().map(|x| Decimal::from_f64(*x).expect("flow")).collect();
            prop_assert!(f(p.pv(&d)).abs() < 1e-6 * invest as f64);
        }
    }
}

#[test]
fn sensitivity_scales_pvs_exactly() {
    let period = Period::new(Schedule::flat(2025, Decimal::new(45, 3)), 2026, 2030);
    let costs = [ExpandedLine {
        origin: Origin::Study { list: List::Costs, index: 0 },
        name: "c",
        kind: Kind::Cost(CostKind::Capex),
        variation: Variation::Fixed,
        amounts: vec![decimal(100), decimal(0), decimal(0), decimal(0), decimal(0)],
        sunk: Decimal::ZERO,
    }];
    let benefits = [ExpandedLine {
        origin: Origin::Study { list: List::Benefits, index: 0 },
        name: "b",
        kind: Kind::Benefit(BenefitKind::Other),
        variation: Variation::Fixed,
        amounts: vec![decimal(0), decimal(30), decimal(30), decimal(30), decimal(30)],
        sunk: Decimal::ZERO,
    }];
    let e = econ::analyse(&period, &costs, &benefits, Decimal::ONE);
    for r in &e.sensitivity {
        if r.rate_shift_pp == 0.0 {
            assert_eq!(r.pv_costs, e.pv_costs * Decimal::from_f64(r.cost_factor).expect("factor"));
        }
    }
}

/// A study with capex 100 in 2026 and 2027, opex 5 a year 2028..2040, benefits 30 a year
/// 2028..2040, base year 2025, 4.5 %; `ob` is its `parameters.optimism_bias` (JSON) and `rules`
/// its rule set.
fn optimism_study(rules: &str, ob: &str) -> String {
    format!(
        r#"{{
  "format": "yeta-study/1",
  "project": {{ "name": "OB", "sponsor": "test", "sector": "road", "region": "KR-43",
               "total_cost": "200", "state_funding": "100" }},
  "rules": {{ "id": "{rules}" }},
  "parameters": {{ "base_year": 2025, "first_year": 2026, "last_year": 2040, "optimism_bias": {ob},
                  "discount": [ {{ "from_year": 2026, "rate": "0.045" }} ] }},
  "costs": [
    {{ "name": "Build", "kind": "capex", "flows": [ {{ "from": 2026, "to": 2027, "amount": "100" }} ] }},
    {{ "name": "Run", "kind": "opex", "flows": [ {{ "from": 2028, "to": 2040, "amount": "5" }} ] }} ],
  "benefits": [ {{ "name": "Time", "kind": "travel_time", "flows": [ {{ "from": 2028, "to": 2040, "amount": "30" }} ] }} ]
}}"#
    )
}

/// Green Book optimism bias by hand: the uplift multiplies capex only (not opex), so
/// PV(C) = (1 + u) × PV(capex) + PV(opex), with PV(capex) = 100/1.045 + 100/1.045².
#[test]
fn optimism_bias_uplifts_capex_only_by_hand() {
    let v = 1.0 / 1.045_f64;
    let pv_capex = 100.0 * v + 100.0 * v * v;
    let pv_opex: f64 = (3..=15).map(|t| 5.0 * v.powi(t)).sum();
    let pv_b: f64 = (3..=15).map(|t| 30.0 * v.powi(t)).sum();
    // Green Book table (upper bound, standard civil engineering): +44 %; the Korean rule set has
    // no table, so the Green Book's applies, and the appraisal says so.
    for (rules, ob, uplift, source) in [
        ("kr-pfs-2026", r#"{ "project_type": "standard_civil_engineering" }"#, 0.44, "uk-green-book-2022"),
        ("uk-green-book-2022", r#"{ "project_type": "equipment_development" }"#, 2.00, "uk-green-book-2022"),
        (
            "kr-pfs-2026",
            r#"{ "project_type": "standard_buildings", "uplift": "0.1", "source": "risks mitigated" }"#,
            0.10,
            "risks mitigated",
        ),
    ] {
        let s = Study::from_json(&optimism_study(rules, ob)).expect("parses");
        let a = appraise(&s, None).expect("appraises");
        let want_c = (1.0 + uplift) * pv_capex + pv_opex;
        assert!(rel(f(a.economic.pv_costs), want_c) < 1e-12, "{ob}: {} vs {want_c}", a.economic.pv_costs);
        assert!(rel(f(a.economic.pv_benefits), pv_b) < 1e-12);
        assert!(rel(a.economic.bc_ratio.expect("B/C"), pv_b / want_c) < 1e-12);
        let line = a.economic.lines.iter().find(|l| l.name == econ::optimism::LINE).expect("uplift line");
        assert!(rel(f(line.pv), uplift * pv_capex) < 1e-12);
        assert!(rel(f(line.nominal), uplift * 200.0) < 1e-12);
        let applied = a.optimism_bias.as_ref().expect("reported");
        assert!(applied.source.contains(source), "{}", applied.source);
    }
    // Without the option nothing changes.
    let plain = optimism_study("kr-pfs-2026", "null");
    let a = appraise(&Study::from_json(&plain).expect("parses"), None).expect("appraises");
    assert!(rel(f(a.economic.pv_costs), pv_capex + pv_opex) < 1e-12);
    assert!(a.optimism_bias.is_none());
}

#[test]
fn optimism_bias_errors_name_the_field() {
    let bad = optimism_study("kr-pfs-2026", r#"{ "project_type": "standard_buildings", "uplift": "-0.2" }"#);
    let err = appraise(&Study::from_json(&bad).expect("parses"), None).expect_err("rejected").to_string();
    assert!(err.contains("parameters.optimism_bias.uplift") && err.contains("-0.2"), "{err}");
    let unknown = optimism_study("kr-pfs-2026", r#"{ "project_type": "bridges" }"#);
    let err = Study::from_json(&unknown).expect_err("rejected").to_string();
    assert!(err.contains("parameters.optimism_bias.project_type") && err.contains("bridges"), "{err}");
}
