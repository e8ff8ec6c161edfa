//! The terminal summary of an appraisal: verdict-relevant figures first, in Korean or English.

use crate::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::fmt::Write;
use yeta_core::Appraisal;

struct T {
    ko: bool,
}

impl T {
    /// The message catalog of the summary's language.
    fn cat(&self) -> &'static yeta_i18n::Catalog {
        yeta_i18n::catalog(if self.ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En })
    }

    /// The summary's message `id` (`locales/*-cli.ftl`); a test checks both catalogs hold it.
    fn m(&self, id: &str) -> &'static str {
        self.cat().get(id).unwrap_or("?")
    }

    /// KRW: 억원 (10^8) in Korean, billions in English.
    fn krw(&self, x: Decimal) -> String {
        let v = x.to_f64().unwrap_or(f64::NAN);
        if self.ko { format!("{}억원", group(v / 1e8, 1)) } else { format!("KRW {} bn", group(v / 1e9, 2)) }
    }

    fn pct(&self, x: Option<f64>) -> String {
        x.map_or_else(|| self.m("cli-none").to_owned(), |v| format!("{:.2} %", v * 100.0))
    }

    fn ratio(&self, x: Option<f64>) -> String {
        x.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}"))
    }
}

/// Digit grouping with a fixed number of decimals: 12,345.6.
fn group(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let sign = if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if frac.is_empty() { format!("{sign}{out}") } else { format!("{sign}{out}.{frac}") }
}

/// A sensitivity case id (`costs_plus_10`) as a label (`costs +10 %`).
fn case_label(t: &T, case: &yeta_core::econ::SensitivityCase) -> String {
    t.cat().sensitivity_case(*case)
}

/// The AHP block: score, range, weights and contributions, the panel's consistency.
fn ahp_section(o: &mut String, t: &T, h: &yeta_core::ahp::AhpResult) {
    let _ = writeln!(o, "{}", t.m("cli-ahp-comprehensive-evaluation"));
    let _ = writeln!(
        o,
        "  {} {:.3} ({} {:.2}) · {} {:.3}–{:.3} · {}",
        t.m("cli-score-for-implement"),
        h.score,
        t.m("cli-threshold"),
        h.threshold,
        t.m("cli-range-over-allowed-weights"),
        h.score_range[0],
        h.score_range[1],
        if h.robust { t.m("cli-verdict-robust") } else { t.m("cli-verdict-not-robust") }
    );
    let _ = writeln!(
        o,
        "  {:<16} {:>8} {:>13} {:>8} {:>12}",
        t.m("cli-criterion"),
        t.m("cli-weight"),
        t.m("cli-range"),
        t.m("cli-score"),
        t.m("cli-contribution")
    );
    for c in &h.criteria {
        let range = c.range.map_or("—".to_owned(), |r| format!("{:.2}–{:.2}", r[0], r[1]));
        let name = t.cat().code("criterion", &c.id);
        let _ = writeln!(o, "  {:<16} {:>8.3} {:>13} {:>8.3} {:>12.3}", name, c.weight, range, c.score, c.contribution);
    }
    let crs: Vec<String> = h.evaluators.iter().map(|e| format!("{} {:.3}", e.name, e.cr)).collect();
    let _ = writeln!(o, "  CR: {}", crs.join(", "));
    // What would flip the verdict, and whether one evaluator carries it.
    let p = &h.panel;
    match &p.weight_switch {
        None => {
            let _ = writeln!(o, "  {}", t.m("cli-weights-cannot-flip"));
        }
        Some(ws) => {
            let (id, change) = &ws.largest_change;
            let _ = writeln!(
                o,
                "  {} {:.3} ({} {:+.3})",
                t.m("cli-weights-flip-at"),
                ws.distance,
                t.cat().code("criterion", id),
                change
            );
        }
    }
    let flips: Vec<&str> =
        p.leave_one_out.iter().filter(|l| l.implement != h.implement).map(|l| l.evaluator.as_str()).collect();
    if !p.leave_one_out.is_empty() {
        if flips.is_empty() {
            let _ = writeln!(o, "  {}", t.m("cli-no-single-evaluator"));
        } else {
            let _ = writeln!(o, "  {}: {}", t.m("cli-verdict-rests-on"), flips.join(", "));
        }
    }
    for e in &h.evaluators {
        for hint in &e.hints {
            let _ = writeln!(o, "    {}: {}", e.name, t.cat().hint(hint, h.cr_cutoff));
        }
    }
    let _ = writeln!(o);
}

/// Renders the summary.
pub fn render(a: &Appraisal, lang: Lang) -> String {
    let t = T { ko: lang == Lang::Ko };
    let e = &a.economic;
    let f = &a.financial;
    let mut o = String::new();
    let st = &a.study;
    let _ = writeln!(o, "{} — {}", t.m("cli-yeta-appraisal"), st.name);
    let _ = writeln!(
        o,
        "  {}: {} · {} {} · {}–{} · {} {}",
        t.m("cli-project"),
        st.sponsor,
        st.region.code(),
        st.region.name(t.ko),
        st.first_year,
        st.last_year,
        t.m("cli-sector"),
        st.sector.name(t.ko)
    );
    let _ = writeln!(o, "  {}: {} ({})", t.m("cli-rules"), a.rules.set.id, a.rules.set.title);
    for ov in &a.rules.overrides {
        let _ = writeln!(o, "    {} {} = {} ({})", t.m("cli-override"), ov.field, ov.value, ov.reason);
    }
    if let Some(ob) = &a.optimism_bias {
        let _ = writeln!(
            o,
            "  {}: +{} % {} ({}; {})",
            t.m("cli-optimism-bias"),
            (ob.uplift * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
            t.m("cli-on-capex"),
            ob.project_type.code(),
            ob.source
        );
    }
    let _ = writeln!(
        o,
        "  {}",
        if t.ko {
            format!("{}년 불변가격, {}년 기준 할인, 연말 발생 가정", st.base_year, st.base_year)
        } else {
            format!("constant {} prices, discounted to {}, end-of-year flows", st.base_year, st.base_year)
        }
    );
    if let Some(u) = st.input_unit {
        let _ = writeln!(
            o,
            "  {}",
            if t.ko {
                format!("입력 금액 단위 {} (원으로 정확히 환산)", u.code())
            } else {
                format!(
                    "study amounts written in {} ({}), converted exactly to won",
                    u.code(),
                    yeta_core::study::Unit::NAMES[u as usize].en
                )
            }
        );
    }
    let rates: Vec<String> = e
        .discount_schedule
        .steps
        .iter()
        .map(|s| format!("{} % {} {}", (s.rate * Decimal::ONE_HUNDRED).normalize(), t.m("cli-from"), s.from_year))
        .collect();
    let _ = writeln!(o, "  {}: {}", t.m("cli-discount-rate"), rates.join(", "));
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", t.m("cli-verdict"));
    let verdict = t.cat().verdict(a);
    let _ = writeln!(o, "  {verdict}");
    let _ = writeln!(o);
    if let Some(h) = &a.ahp {
        ahp_section(&mut o, &t, h);
    }
    crate::summary_stages::render(&mut o, a, t.ko);
    let _ = writeln!(o, "{}", t.m("cli-economic-analysis"));
    let rows: Vec<(&str, String)> = vec![
        (t.m("cli-b-c-ratio"), t.ratio(e.bc_ratio)),
        (t.m("cli-npv"), t.krw(e.npv)),
        (t.m("cli-irr"), t.pct(e.irr)),
        (t.m("cli-pv-of-benefits"), t.krw(e.pv_benefits)),
        (t.m("cli-pv-of-costs"), t.krw(e.pv_costs)),
        (
            t.m("cli-discounted-payback"),
            e.payback_year.map_or_else(|| t.m("cli-not-within-the-period").to_owned(), |y| y.to_string()),
        ),
    ];
    for (k, v) in rows {
        let _ = writeln!(o, "  {:<22} {:>22}", k, v);
    }
    if e.irr.is_none() {
        let _ = writeln!(o, "  IRR: {}", t.cat().irr(&e.irr_detail));
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", t.m("cli-sensitivity"));
    let _ = writeln!(o, "  {:<18} {:>10} {:>22}", t.m("cli-case"), "B/C", "NPV");
    for r in &e.sensitivity {
        let _ = writeln!(o, "  {:<18} {:>10} {:>22}", case_label(&t, &r.case), t.ratio(r.bc_ratio), t.krw(r.npv));
    }
    let sv = &e.switching_values;
    let _ = writeln!(
        o,
        "  {}: {} {:+.1} %, {} {:+.1} %",
        t.m("cli-switching-values-b-c-1"),
        t.m("cli-costs"),
        sv.costs_pct.unwrap_or(f64::NAN),
        t.m("cli-benefits"),
        sv.benefits_pct.unwrap_or(f64::NAN)
    );
    let _ = writeln!(o);
    if let Some(x) = &a.alternatives {
        // 대안 검토: each option on its own and against the do-minimum base, and the choice.
        let _ = writeln!(o, "{}", t.m("cli-alternatives"));
        let _ = writeln!(
            o,
            "  {:<40} {:>8} {:>22} {:>22} {:>8}",
            t.m("cli-alternatives-option"),
            "B/C",
            "NPV",
            "ΔNPV",
            "ΔB/ΔC"
        );
        for r in &x.options {
            let _ = writeln!(
                o,
                "  {:<40} {:>8} {:>22} {:>22} {:>8}",
                r.name,
                t.ratio(r.bc_ratio),
                t.krw(r.npv),
                t.krw(r.delta_npv),
                t.ratio(r.incremental_bc)
            );
        }
        let _ = writeln!(o, "  {}", t.m("cli-alternatives-rule"));
        let _ = writeln!(
            o,
            "  {}: {}",
            t.m("cli-alternatives-preferred"),
            x.preferred.as_deref().unwrap_or(t.m("cli-alternatives-none"))
        );
        let _ = writeln!(o);
    }
    if let Some(x) = &a.cost_effectiveness {
        // 비용효과분석: cost per unit of effect, measure by measure, and the cheapest option.
        let _ = writeln!(o, "{}", t.m("cli-ec"));
        let num = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.0}"));
        for m in &x.measures {
            let _ = writeln!(o, "  {} ({})", m.name, m.unit);
            let _ = writeln!(
                o,
                "    {:<40} {:>16} {:>16} {:>16}",
                t.m("cli-alternatives-option"),
                t.m("cli-ec-pv-effects"),
                t.m("cli-ec-cost-per-unit"),
                t.m("cli-ec-incremental")
            );
            for r in &m.options {
                let name = if r.option.is_empty() { t.m("cli-ec-proposed") } else { r.option.as_str() };
                let pv = format!("{:.0}", yeta_core::econ::to_f64(r.pv_effects));
                let _ = writeln!(
                    o,
                    "    {:<40} {:>16} {:>16} {:>16}",
                    name,
                    pv,
                    num(r.cost_per_unit),
                    num(r.incremental_cost_per_unit)
                );
            }
            if let Some(p) = &m.preferred {
                let name = if p.is_empty() { t.m("cli-ec-proposed") } else { p.as_str() };
                let _ = writeln!(o, "    {}: {}", t.m("cli-ec-preferred"), name);
            }
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "{}", t.m("cli-financial-analysis"));
    if f.applicable {
        let _ = writeln!(o, "  {:<22} {:>22}", "FNPV", t.krw(f.fnpv));
        let _ = writeln!(o, "  {:<22} {:>22}", t.m("cli-profitability-index"), t.ratio(f.profitability_index));
        let _ = writeln!(o, "  {:<22} {:>22}", "FIRR", t.pct(f.firr));
    } else {
        let _ = writeln!(o, "  {}", t.m("cli-no-revenue-lines"));
    }
    let fu = &f.funding;
    let _ = writeln!(
        o,
        "  {}: {} {:.1} % · {} {:.1} % · {} {:.1} %",
        t.m("cli-funding"),
        t.m("cli-state"),
        fu.state_share * 100.0,
        t.m("cli-local"),
        fu.local_share * 100.0,
        t.m("cli-private"),
        fu.private_share * 100.0
    );
    let level = match f.financing_risk {
        yeta_core::finance::RiskLevel::Low => t.m("cli-low"),
        yeta_core::finance::RiskLevel::Medium => t.m("cli-medium"),
        yeta_core::finance::RiskLevel::High => t.m("cli-high"),
    };
    let _ = writeln!(o, "  {}: {level}", t.m("cli-financing-risk"));
    for fl in &f.flags {
        let _ = writeln!(o, "    - {}", t.cat().diagnostic(&fl.diagnostic));
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", t.m("cli-warnings"));
        for w in &a.warnings {
            let _ = writeln!(o, "  ! {}", t.cat().diagnostic(w));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn digit_grouping() {
        assert_eq!(group(1234567.891, 2), "1,234,567.89");
        assert_eq!(group(-1234.5, 1), "-1,234.5");
        assert_eq!(group(999.0, 0), "999");
        assert_eq!(group(-0.001, 1), "0.0");
    }
}

#[cfg(test)]
mod catalog_tests {
    /// Every message the summary prints is in both catalogs.
    #[test]
    fn every_summary_message_is_in_both_catalogs() {
        let mut n = 0;
        for src in [include_str!("summary.rs"), include_str!("summary_stages.rs")] {
            for part in src.split("m(\"cli-").skip(1) {
                let id = format!("cli-{}", part.split('"').next().unwrap_or(""));
                for lang in [yeta_i18n::Lang::Ko, yeta_i18n::Lang::En] {
                    assert!(yeta_i18n::catalog(lang).get(&id).is_some(), "{} catalog lacks {id}", lang.code());
                }
                n += 1;
            }
        }
        assert!(n > 60, "only {n} ids found: the scan is broken");
    }
}
