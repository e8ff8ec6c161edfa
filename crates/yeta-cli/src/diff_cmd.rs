//! `yeta diff A B`: what changed between two versions of a study, by meaning, grouped by stage
//! and by line — the engine's comparison (`yeta_core::diff`) rendered from the message catalog.
//! The registry's `pull --diff` renders the server's comparison with the same function.

use crate::Lang;
use anyhow::{Result, anyhow};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::Path;
use yeta_core::Study;
use yeta_core::diff::{Presence, StudyDiff};

fn read(p: &Path) -> Result<(Study, yeta_core::Appraisal)> {
    let text = crate::read(p)?;
    let s = yeta_core::study::check(&text).map_err(|e| {
        anyhow!("{}: {}", p.display(), e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
    })?;
    let a = yeta_core::appraise(&s, None).map_err(|e| anyhow!("{}: {e}", p.display()))?;
    Ok((s, a))
}

/// A value as the study writes it, cut to 60 characters; absent is the catalog's "(none)".
fn shown(v: &Value, c: &yeta_i18n::Catalog) -> String {
    let s = match v {
        Value::Null => c.text("cli-diff-none"),
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    };
    if s.chars().count() > 60 { format!("{}…", s.chars().take(60).collect::<String>()) } else { s }
}

fn won(x: Decimal) -> String {
    let s = x.normalize().to_string();
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut g = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            g.push(',');
        }
        g.push(ch);
    }
    format!("{sign}{g}{}", frac.map(|f| format!(".{f}")).unwrap_or_default())
}

/// The comparison as text: changed inputs grouped by stage and line, then the figures.
pub fn render(d: &StudyDiff, lang: Lang) -> String {
    let c = yeta_i18n::catalog(if lang == Lang::Ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
    let mut t = c.format("cli-diff-inputs", &[("n", d.inputs.len().to_string())]);
    t.push('\n');
    let mut stage = "";
    for ch in &d.inputs {
        if ch.stage != stage {
            stage = &ch.stage;
            t.push_str(&format!("  {stage}\n"));
        }
        match &ch.line {
            Some(name) => {
                let what = match ch.presence {
                    Some(Presence::Added) => format!(" {}", c.text("cli-diff-added")),
                    Some(Presence::Removed) => format!(" {}", c.text("cli-diff-removed")),
                    _ => String::new(),
                };
                t.push_str(&format!("    \"{name}\" ({}){what}\n", ch.path));
                for f in &ch.fields {
                    t.push_str(&format!("      {}: {} → {}\n", f.path, shown(&f.old, c), shown(&f.new, c)));
                }
                for y in &ch.years {
                    t.push_str(&format!("      {}: {} → {}\n", y.year, won(y.old), won(y.new)));
                }
            }
            None => {
                for f in &ch.fields {
                    t.push_str(&format!("    {}: {} → {}\n", f.path, shown(&f.old, c), shown(&f.new, c)));
                }
            }
        }
    }
    let r = &d.results;
    let bn = |x: Decimal| yeta_core::econ::to_f64(x) / 1e9;
    let opt = |x: Option<f64>| x.map_or("-".into(), |s| format!("{s:.4}"));
    t.push_str(&format!("{}\n", c.text("cli-diff-results")));
    t.push_str(&format!("  {:<10} {:>10} → {:>10}\n", "B/C", opt(r.bc_ratio[0]), opt(r.bc_ratio[1])));
    t.push_str(&format!("  {:<10} {:>10.2} → {:>10.2}\n", c.text("cli-diff-npv-bn"), bn(r.npv[0]), bn(r.npv[1])));
    t.push_str(&format!(
        "  {:<10} {:>10} → {:>10}\n",
        c.text("cli-diff-ahp"),
        opt(r.ahp_score[0]),
        opt(r.ahp_score[1])
    ));
    let verdict = |i: bool| if i { c.text("cli-diff-implement") } else { c.text("cli-diff-not-implement") };
    t.push_str(&format!(
        "  {:<10} {} → {}\n",
        c.text("cli-diff-verdict"),
        verdict(r.implement[0]),
        verdict(r.implement[1])
    ));
    t
}

/// `yeta diff A B`: the text and the JSON of the comparison.
pub fn diff(a: &Path, b: &Path, lang: Lang) -> Result<(String, Value)> {
    let (sa, aa) = read(a)?;
    let (sb, ab) = read(b)?;
    let d = yeta_core::diff::diff(&sa, &aa, &sb, &ab);
    Ok((render(&d, lang), serde_json::to_value(&d)?))
}
