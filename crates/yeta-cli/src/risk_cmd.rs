//! `yeta risk STUDY --draws N --seed S`: the Monte Carlo risk analysis.

use crate::Lang;
use anyhow::{Result, anyhow};
use std::io::{IsTerminal, Write};
use std::sync::atomic::AtomicBool;
use yeta_core::risk::{self, Options, RiskResult};

/// Runs the simulation; a progress bar on a terminal for long runs.
pub fn run(text: &str, opts: Options) -> Result<RiskResult> {
    let study = yeta_core::Study::from_json(text).map_err(|e| anyhow!("{e}"))?;
    let show = std::io::stderr().is_terminal() && opts.draws >= 50_000;
    let progress = |done: usize, total: usize| {
        if show {
            let w = 40 * done / total.max(1);
            let mut e = std::io::stderr().lock();
            let _ = write!(e, "\r  [{}{}] {done}/{total}", "#".repeat(w), " ".repeat(40 - w));
            if done == total {
                let _ = writeln!(e);
            }
        }
    };
    let cancel = AtomicBool::new(false);
    risk::simulate_study(&study, opts, &progress, &cancel).map_err(|e| anyhow!("{e}"))
}

/// The terminal table, every word from the catalog (`cli-risk-*`).
pub fn table(r: &RiskResult, lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    let cat = yeta_i18n::catalog(if ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
    let m = |id: &str| cat.text(id);
    let bn = |x: &risk::Money| {
        let v: f64 = x.0.to_string().parse().unwrap_or(f64::NAN);
        if ko { format!("{:.1}억원", v / 1e8) } else { format!("KRW {:.2} bn", v / 1e9) }
    };
    let mut o = String::new();
    o.push_str(&format!("■ {}\n", m("cli-risk-title")));
    o.push_str(&format!(
        "  {}\n",
        cat.format("cli-risk-draws", &[("draws", r.draws.to_string()), ("seed", r.seed.to_string())])
    ));
    o.push_str(&format!("  {:<10} {:>18} {:>18} {:>18} {:>18}\n", "", "P10", "P50", "P90", m("cli-risk-mean")));
    o.push_str(&format!(
        "  {:<10} {:>18} {:>18} {:>18} {:>18}\n",
        "NPV",
        bn(&r.npv.p10),
        bn(&r.npv.p50),
        bn(&r.npv.p90),
        bn(&r.npv.mean)
    ));
    o.push_str(&format!(
        "  {:<10} {:>18.3} {:>18.3} {:>18.3} {:>18.3}\n",
        "B/C", r.bc_ratio.p10, r.bc_ratio.p50, r.bc_ratio.p90, r.bc_ratio.mean
    ));
    o.push_str(&format!("  P(B/C ≥ 1) = {:.1} %\n", r.prob_bc_ge_1 * 100.0));
    if !r.critical_variables.is_empty() {
        o.push_str(&format!("  {}\n", m("cli-risk-critical")));
        for c in &r.critical_variables {
            let name = match c.variable {
                yeta_core::risk::Variable::DiscountRate => m("cli-risk-discount-rate"),
                yeta_core::risk::Variable::Line { .. } => c.name.clone(),
            };
            let note = if c.uncertain { String::new() } else { format!("  ({})", m("cli-risk-no-uncertainty")) };
            o.push_str(&format!("    {:<48} {} {:>7.2}{note}\n", name, m("cli-risk-elasticity"), c.elasticity));
        }
    }
    o
}
