//! `yeta diff A B`: what changed between two versions of a study, by meaning, grouped by stage
//! and by line. Both studies are read first, so notation does not count (`"240억"` =
//! `"24000000000"`, `2` = `2.0`, `"1/3"` = 0.333…, `"대구"` = `"KR-27"`, a study in 백만원 = its won
//! equivalent); a line's flows are compared as the yearly amounts they expand to, so a ranged
//! flow and the same amounts year by year are equal, and one edited cell is one change.

use anyhow::{Result, anyhow};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Value, json};
use std::path::Path;
use yeta_core::Study;
use yeta_core::study::{Line, flows};

/// One change: a field of a stage, or a line (its fields and the years whose amounts differ).
struct Change {
    stage: &'static str,
    path: String,
    line: Option<String>,
    fields: Vec<(String, String, String)>,
    years: Vec<(i32, Decimal, Decimal)>,
}

fn read(p: &Path) -> Result<(Study, yeta_core::Appraisal)> {
    let text = crate::read(p)?;
    let s = yeta_core::study::check(&text).map_err(|e| {
        anyhow!("{}: {}", p.display(), e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
    })?;
    let a = yeta_core::appraise(&s, None).map_err(|e| anyhow!("{}: {e}", p.display()))?;
    Ok((s, a))
}

/// Two JSON leaves mean the same: equal, or numbers (or decimal strings) equal to 1e-12.
fn same(a: &Value, b: &Value) -> bool {
    if a == b {
        return true;
    }
    let num = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<Decimal>().ok().map(yeta_core::econ::to_f64),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn shown(v: &Value) -> String {
    let s = match v {
        Value::Null => "(none)".to_owned(),
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    };
    if s.chars().count() > 60 { format!("{}…", s.chars().take(60).collect::<String>()) } else { s }
}

/// Leaf-level differences, as (path, old, new).
fn leaves(path: &str, a: &Value, b: &Value, out: &mut Vec<(String, String, String)>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                leaves(&p, x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let (p, q) = (x.get(i).unwrap_or(&Value::Null), y.get(i).unwrap_or(&Value::Null));
                leaves(&format!("{path}[{i}]"), p, q, out);
            }
        }
        _ if !same(a, b) => out.push((path.to_owned(), shown(a), shown(b))),
        _ => {}
    }
}

fn value<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// A line's yearly amounts in its own unit over `first..=last`, or why they cannot be had.
fn yearly<K: Clone>(l: &Line<K>, first: i32, last: i32) -> Result<Vec<Decimal>, flows::FlowError> {
    flows::expand(&Line { unit_value: None, ..l.clone() }, first, last)
}

fn lines<K: Clone + Serialize>(
    stage: &'static str,
    a: &[Line<K>],
    b: &[Line<K>],
    span: (i32, i32),
    out: &mut Vec<Change>,
) {
    let (first, last) = span;
    let mut names: Vec<&str> = a.iter().map(|l| l.name.as_str()).collect();
    names.extend(b.iter().map(|l| l.name.as_str()).filter(|n| !a.iter().any(|l| l.name == *n)));
    for name in names {
        let (i, x) = match a.iter().position(|l| l.name == name) {
            Some(i) => (Some(i), Some(&a[i])),
            None => (None, None),
        };
        let (j, y) = match b.iter().position(|l| l.name == name) {
            Some(j) => (Some(j), Some(&b[j])),
            None => (None, None),
        };
        // `name` comes from one side or the other, so one index is there: the new side's when both are.
        let path = format!("{stage}[{}]", j.or(i).unwrap_or(0));
        let mut c = Change { stage, path, line: Some(name.to_owned()), fields: Vec::new(), years: Vec::new() };
        match (x, y) {
            (Some(x), Some(y)) => {
                // Every field but the flows, then the flows as yearly amounts.
                let strip = |l: &Line<K>| {
                    let mut v = value(l);
                    if let Some(o) = v.as_object_mut() {
                        o.remove("flows");
                        o.remove("name");
                    }
                    v
                };
                leaves("", &strip(x), &strip(y), &mut c.fields);
                match (yearly(x, first, last), yearly(y, first, last)) {
                    (Ok(ax), Ok(ay)) => {
                        for (k, (p, q)) in ax.iter().zip(&ay).enumerate() {
                            if p != q {
                                c.years.push((first + k as i32, *p, *q));
                            }
                        }
                    }
                    // Flows that do not expand over the span are compared as written, so a
                    // change there is still reported rather than read as "no amounts".
                    _ => leaves("flows", &value(&x.flows), &value(&y.flows), &mut c.fields),
                }
            }
            (Some(_), None) => c.fields.push(("".into(), "(line)".into(), "(removed)".into())),
            (None, Some(_)) => c.fields.push(("".into(), "(none)".into(), "(added)".into())),
            (None, None) => {}
        }
        if !c.fields.is_empty() || !c.years.is_empty() {
            out.push(c);
        }
    }
}

/// Changes from `a` to `b`, stage by stage.
fn changes(a: &Study, b: &Study) -> Vec<Change> {
    let mut out = Vec::new();
    let stages: [(&'static str, Value, Value); 8] = [
        ("project", value(&a.project), value(&b.project)),
        ("rules", value(&a.rules), value(&b.rules)),
        ("parameters", value(&a.parameters), value(&b.parameters)),
        ("financing", value(&a.financing), value(&b.financing)),
        ("policy", value(&a.policy), value(&b.policy)),
        ("regional", value(&a.regional), value(&b.regional)),
        ("ahp", value(&a.ahp), value(&b.ahp)),
        ("environment", value(&a.environment), value(&b.environment)),
    ];
    for (stage, x, y) in stages {
        let mut f = Vec::new();
        leaves(stage, &x, &y, &mut f);
        for (path, old, new) in f {
            out.push(Change { stage, path: path.clone(), line: None, fields: vec![(path, old, new)], years: vec![] });
        }
    }
    let span =
        (a.parameters.first_year.min(b.parameters.first_year), a.parameters.last_year.max(b.parameters.last_year));
    lines("costs", &a.costs, &b.costs, span, &mut out);
    lines("benefits", &a.benefits, &b.benefits, span, &mut out);
    lines("revenues", &a.revenues, &b.revenues, span, &mut out);
    out
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

/// `yeta diff A B`: changed inputs grouped by stage and line, then the change in the results.
pub fn diff(a: &Path, b: &Path) -> Result<(String, Value)> {
    let (sa, aa) = read(a)?;
    let (sb, ab) = read(b)?;
    let cs = changes(&sa, &sb);
    let mut t = format!("inputs: {} change{}\n", cs.len(), if cs.len() == 1 { "" } else { "s" });
    let mut stage = "";
    for c in &cs {
        if c.stage != stage {
            stage = c.stage;
            t.push_str(&format!("  {stage}\n"));
        }
        match &c.line {
            Some(name) => {
                t.push_str(&format!("    \"{name}\" ({})\n", c.path));
                for (p, o, n) in &c.fields {
                    let p = if p.is_empty() { "line".to_owned() } else { p.clone() };
                    t.push_str(&format!("      {p}: {o} → {n}\n"));
                }
                for (y, o, n) in &c.years {
                    t.push_str(&format!("      {y}: {} → {}\n", won(*o), won(*n)));
                }
            }
            None => {
                for (p, o, n) in &c.fields {
                    t.push_str(&format!("    {p}: {o} → {n}\n"));
                }
            }
        }
    }
    let bc = |x: &yeta_core::Appraisal| x.economic.bc_ratio;
    let ahp = |x: &yeta_core::Appraisal| x.ahp.as_ref().map(|h| h.score);
    let bn = |x: Decimal| yeta_core::econ::to_f64(x) / 1e9;
    t.push_str("results:\n");
    t.push_str(&format!(
        "  B/C        {:>10.4} → {:>10.4}\n",
        bc(&aa).unwrap_or(f64::NAN),
        bc(&ab).unwrap_or(f64::NAN)
    ));
    t.push_str(&format!("  NPV (bn)   {:>10.2} → {:>10.2}\n", bn(aa.economic.npv), bn(ab.economic.npv)));
    t.push_str(&format!(
        "  AHP score  {:>10} → {:>10}\n",
        ahp(&aa).map_or("-".into(), |s| format!("{s:.4}")),
        ahp(&ab).map_or("-".into(), |s| format!("{s:.4}"))
    ));
    let verdict = |x: &yeta_core::Appraisal| if x.verdict.implement { "implement" } else { "do not implement" };
    t.push_str(&format!("  verdict    {} → {}\n", verdict(&aa), verdict(&ab)));
    let inputs: Vec<Value> = cs
        .iter()
        .map(|c| {
            json!({
                "stage": c.stage,
                "path": c.path,
                "line": c.line,
                "fields": c.fields.iter().map(|(p, o, n)| json!({"path": p, "old": o, "new": n})).collect::<Vec<_>>(),
                "years": c.years.iter().map(|(y, o, n)| json!({"year": y, "old": o.normalize().to_string(), "new": n.normalize().to_string()})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let j = json!({
        "inputs": inputs,
        "results": {
            "bc_ratio": [bc(&aa), bc(&ab)],
            "npv": [aa.economic.npv.round_dp(0).to_string(), ab.economic.npv.round_dp(0).to_string()],
            "ahp_score": [ahp(&aa), ahp(&ab)],
            "implement": [aa.verdict.implement, ab.verdict.implement],
        }
    });
    Ok((t, j))
}
