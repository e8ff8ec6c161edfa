//! Appendix A as a reviewer reads it: every rule of the applied rule set (적용 지침) with its name,
//! its value in the reader's words, how firmly it is established (근거 수준) and its source, and
//! the AHP weight ranges (가중치 범위) as a table of their own.

use crate::layout::{Align, Col, GREY, Writer};
use crate::render::T;
use serde_json::Value;

/// Keys of a rule set that are not rules.
const NOT_RULES: [&str; 7] = ["format", "id", "title", "version", "jurisdiction", "overrides", "description"];

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn plain(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => a.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m.iter().map(|(k, v)| format!("{k}: {}", plain(v))).collect::<Vec<_>>().join("; "),
    }
}

fn percent(v: &Value) -> String {
    num(v).map_or_else(|| plain(v), |x| format!("{:.1} %", x * 100.0))
}

fn range(v: &Value) -> String {
    match v.as_array().map(Vec::as_slice) {
        Some([a, b]) => match (num(a), num(b)) {
            (Some(a), Some(b)) => format!("{a:.2}–{b:.2}"),
            _ => plain(v),
        },
        _ => plain(v),
    }
}

fn money(v: &Value, t: &T) -> String {
    v.as_str().and_then(|s| s.parse::<rust_decimal::Decimal>().ok()).map_or_else(|| plain(v), |d| t.cat().money(d))
}

fn sectors(v: &Value, t: &T) -> String {
    let names: Vec<String> =
        v.as_array().into_iter().flatten().filter_map(Value::as_str).map(|s| t.cat().code("sector", s)).collect();
    if names.is_empty() { t.m("report-rule-other-sectors").to_owned() } else { names.join(", ") }
}

/// A rule's value in the reader's words.
fn value(path: &str, v: &Value, t: &T) -> String {
    match path {
        "ahp.grey_zone" => range(v),
        "ahp.inconsistent_evaluators" => t.cat().code("inconsistent", &plain(v)),
        "ahp.population_decline" => t.f(
            "report-rule-population-decline",
            &[
                ("shift", num(&v["shift"]).map_or_else(|| plain(&v["shift"]), |x| format!("{:.0}", x * 100.0))),
                ("from", t.cat().code("criterion", &plain(&v["from"]))),
                ("to", t.cat().code("criterion", &plain(&v["to"]))),
                ("cap", percent(&v["cap"])),
            ],
        ),
        "social_discount" => v
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| t.f("report-rule-rate-from", &[("year", plain(&s["from_t"])), ("rate", percent(&s["rate"]))]))
            .collect::<Vec<_>>()
            .join(", "),
        "long_horizon" => t.f(
            "report-rule-long-horizon",
            &[
                ("year", plain(&v["after_t"])),
                ("rate", percent(&v["rate"])),
                (
                    "applied",
                    t.m(if v["enabled"].as_bool() == Some(true) { "report-yes" } else { "report-no" }).to_owned(),
                ),
            ],
        ),
        "pfs_exempt_sectors" => sectors(v, t),
        "pfs_thresholds" => v
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                t.f(
                    "report-rule-threshold",
                    &[
                        ("sectors", sectors(&r["sectors"], t)),
                        ("total", money(&r["total_cost"], t)),
                        ("state", money(&r["state_funding"], t)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        "financial_discount_rate" | "restudy_cost_growth" => percent(v),
        "plausibility" => {
            let mut parts = Vec::new();
            let mut part = |id: &str, value: String| parts.push(t.f(id, &[("value", value)]));
            if !v["high_growth"].is_null() {
                part("report-plaus-high-growth", percent(&v["high_growth"]));
            }
            if !v["growth_as_percent"].is_null() {
                part("report-plaus-growth-as-percent", plain(&v["growth_as_percent"]));
            }
            if !v["discount_as_percent"].is_null() {
                part("report-plaus-discount-as-percent", plain(&v["discount_as_percent"]));
            }
            if !v["benefits_during_capex"].is_null() {
                part("report-plaus-benefits-during-capex", sectors(&v["benefits_during_capex"], t));
            }
            if !v["total_cost_gap"].is_null() {
                part("report-plaus-total-cost-gap", percent(&v["total_cost_gap"]));
            }
            if !v["total_cost_ratio"].is_null() {
                part("report-plaus-total-cost-ratio", range(&v["total_cost_ratio"]));
            }
            if !v["jump_factor"].is_null() {
                part("report-plaus-jump-factor", plain(&v["jump_factor"]));
            }
            parts.join("\n")
        }
        "extra.optimism_bias" => v
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                format!(
                    "{} {}",
                    t.cat().code("ob-type", &plain(&r["project_type"])),
                    num(&r["capex"]).map_or_else(|| plain(&r["capex"]), |x| format!("+{:.0} %", x * 100.0))
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => match v {
            Value::Array(a) if a.len() == 2 && a.iter().all(|x| num(x).is_some()) => range(v),
            _ => plain(v),
        },
    }
}

/// Appendix A's rule table and weight-range table from the applied rule set as JSON.
pub(crate) fn rules(w: &mut Writer<'_>, rules: &Value, t: &T) {
    let mut rows = Vec::new();
    let mut ranges: Option<&Value> = None;
    walk("", rules, &mut |path, obj| {
        if path == "ahp.weight_ranges" {
            ranges = Some(obj);
            return;
        }
        if path == "ahp.random_index" {
            // Shown with the AHP method in appendix B.
            return;
        }
        let label =
            t.cat().get(&format!("rule-{}", path.replace(['.', '_'], "-"))).map_or(path.to_owned(), str::to_owned);
        rows.push(vec![
            label,
            value(path, &obj["value"], t),
            t.cat().code("status", &plain(&obj["status"])),
            plain(&obj["source"]),
        ]);
    });
    let cols = [
        Col { head: t.m("report-parameter"), width: 22.0, align: Align::Left },
        Col { head: t.m("report-value"), width: 26.0, align: Align::Left },
        Col { head: t.m("report-status-2"), width: 11.0, align: Align::Left },
        Col { head: t.m("report-source-2"), width: 41.0, align: Align::Left },
    ];
    w.table(&cols, &rows, 7.3);
    let Some(obj) = ranges else { return };
    w.h2(t.m("report-weight-ranges"));
    let has = |k: &str| obj["value"].as_array().into_iter().flatten().any(|r| !r["ranges"][k].is_null());
    let mut cols = vec![Col { head: t.m("report-project-group"), width: 36.0, align: Align::Left }];
    let crits: Vec<&str> = ["economic", "policy", "regional", "technical"].into_iter().filter(|k| has(k)).collect();
    let heads: Vec<String> = crits.iter().map(|k| t.cat().code("criterion", k)).collect();
    for h in &heads {
        cols.push(Col { head: h, width: 13.0, align: Align::Right });
    }
    cols.push(Col { head: t.m("report-status-2"), width: 12.0, align: Align::Left });
    let mut sources: Vec<String> = Vec::new();
    let default_status = plain(&obj["status"]);
    let rows: Vec<Vec<String>> = obj["value"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let class = match r["class"].as_str() {
                Some("construction") => t.m("report-group-construction"),
                Some("ict") => t.m("report-group-ict"),
                _ => t.m("report-group-other"),
            };
            let mut group = class.to_owned();
            match r["capital_region"].as_bool() {
                Some(true) => group = format!("{group}, {}", t.m("report-capital-region")),
                Some(false) => group = format!("{group}, {}", t.m("report-non-capital-region")),
                None => {}
            }
            match r["analysis"].as_str() {
                Some("bc") => group = format!("{group}, {}", t.m("report-analysis-bc")),
                Some("ec") => group = format!("{group}, {}", t.m("report-analysis-ec")),
                _ => {}
            }
            let src = r["source"].as_str().map_or_else(|| plain(&obj["source"]), str::to_owned);
            if !sources.contains(&src) {
                sources.push(src);
            }
            let mut row = vec![group];
            row.extend(
                crits.iter().map(|k| if r["ranges"][k].is_null() { "—".into() } else { range(&r["ranges"][k]) }),
            );
            let status = r["status"].as_str().map_or(default_status.clone(), str::to_owned);
            row.push(t.cat().code("status", &status));
            row
        })
        .collect();
    w.table(&cols, &rows, 8.0);
    for (i, s) in sources.iter().enumerate() {
        w.para(&format!("{} {}: {s}", t.m("report-source-2"), i + 1), 7.5, GREY);
    }
}

/// Calls `f(path, object)` for every sourced rule (`{value, source, status}`).
fn walk<'v>(prefix: &str, v: &'v Value, f: &mut dyn FnMut(&str, &'v Value)) {
    let Value::Object(m) = v else { return };
    if m.contains_key("source") && m.contains_key("value") {
        f(prefix, v);
        return;
    }
    for (k, x) in m {
        if prefix.is_empty() && NOT_RULES.contains(&k.as_str()) {
            continue;
        }
        let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        walk(&p, x, f);
    }
}
