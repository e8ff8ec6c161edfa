//! Terminal summary of the policy, regional and environmental stages.

use std::fmt::Write;
use yeta_core::Appraisal;

/// Appends the three stages' blocks, each only when the study has the section.
pub fn render(o: &mut String, a: &Appraisal, ko: bool) {
    let cat = yeta_i18n::catalog(if ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
    let m = |id: &str| -> &'static str { cat.get(id).unwrap_or("?") };
    if let Some(p) = &a.policy {
        let _ = writeln!(o, "{}", m("cli-policy-analysis-ratings-1-5"));
        for g in &p.groups {
            let cat = yeta_i18n::catalog(if ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
            let name = cat.code("group", &g.id);
            let _ = writeln!(o, "  {:<24} {:>5.2}  ({} {})", name, g.mean, g.items, m("cli-items"));
            for w in &g.weak {
                let _ = writeln!(o, "    {} {w}", m("cli-weak"));
            }
        }
        let _ = writeln!(o, "  {:<24} {:>5.2}", m("cli-overall"), p.overall);
        if let Some(t) = p.technical_overall {
            let _ = writeln!(
                o,
                "  {:<24} {:>5.2}  ({})",
                m("cli-technical-feasibility"),
                t,
                p.technical_groups.iter().map(|g| format!("{} {:.1}", g.id, g.mean)).collect::<Vec<_>>().join(", ")
            );
        }
        let _ = writeln!(o);
    }
    if let Some(r) = &a.regional {
        let b = &r.backwardness;
        let _ = writeln!(o, "{}", m("cli-balanced-regional-development"));
        let _ = writeln!(
            o,
            "  {} {:.3} · {} {}/{} ({} {}) · {}",
            m("cli-backwardness-index"),
            b.index,
            m("cli-rank"),
            b.rank,
            b.of,
            m("cli-quartile"),
            b.quartile,
            if r.capital_region { m("cli-capital-region") } else { m("cli-non-capital-region") }
        );
        let e = &r.effects;
        let bn = |x: &rust_decimal::Decimal| {
            let v = x.to_string().parse::<f64>().unwrap_or(f64::NAN);
            if ko { format!("{:.0}억원", v / 1e8) } else { format!("KRW {:.1} bn", v / 1e9) }
        };
        let _ = writeln!(
            o,
            "  {}: {} {} · {} {} · {} {:.0} {}",
            m("cli-regional-effects"),
            m("cli-production"),
            bn(&e.production),
            m("cli-value-added"),
            bn(&e.value_added),
            m("cli-jobs"),
            e.employment,
            m("cli-person-years")
        );
        let _ = writeln!(o, "  {}: {}", m("cli-data"), b.data);
        let illustrative = |s: yeta_core::regional::table::Status| match s {
            yeta_core::regional::table::Status::Illustrative => m("cli-sigungu-illustrative"),
            yeta_core::regional::table::Status::Cited => m("cli-sigungu-cited"),
        };
        if let Some(s) = &r.sigungu {
            let _ = writeln!(
                o,
                "  {} {} ({}): {} {:+.3} · {} {}/{} · {} {:.1} · {}",
                m("cli-sigungu"),
                if ko { &s.name } else { &s.name_en },
                s.code,
                m("cli-backwardness-index"),
                s.index,
                m("cli-rank"),
                s.rank,
                s.of,
                m("cli-sigungu-percentile"),
                s.percentile,
                illustrative(s.table.status)
            );
        }
        if let Some(e) = &r.two_region {
            let share = |x: &yeta_core::regional::io2::Split| {
                x.leak_share()
                    .map_or("—".into(), |v| format!("{:.1} %", v.to_string().parse::<f64>().unwrap_or(0.0) * 100.0))
            };
            let _ = writeln!(
                o,
                "  {}: {} {} / {} ({}) · {}",
                m("cli-two-region"),
                m("cli-production"),
                bn(&e.production.intra),
                bn(&e.production.leak),
                share(&e.production),
                illustrative(e.table.status)
            );
        }
        let _ = writeln!(o);
    }
    if let Some(e) = &a.environment {
        let _ = writeln!(o, "{}", m("cli-environmental-risk"));
        if let Some(n) = &e.net {
            let tonnes = n.net_tco2e.abs().round_dp(0);
            let v = n.carbon_pv.abs().to_string().parse::<f64>().unwrap_or(f64::NAN);
            let value = if ko { format!("{:.1}억원", v / 1e8) } else { format!("KRW {:.2} bn", v / 1e9) };
            let id = if n.net_tco2e < rust_decimal::Decimal::ZERO { "cli-env-net-reduces" } else { "cli-env-net-adds" };
            let _ = writeln!(o, "  {} {tonnes} tCO2e · {} {value}", m(id), m("cli-env-valued-at"));
            let runs: Vec<String> = n
                .runs
                .iter()
                .map(|r| {
                    let name = match r.series {
                        yeta_core::environment::factors::Series::Low => m("cli-env-series-low"),
                        yeta_core::environment::factors::Series::Central => m("cli-env-series-central"),
                        yeta_core::environment::factors::Series::High => m("cli-env-series-high"),
                    };
                    format!("{name} {:.3}", r.bc_ratio.unwrap_or(f64::NAN))
                })
                .collect();
            let _ = writeln!(
                o,
                "  B/C {} · {}",
                runs.join(" · "),
                if n.counted { m("cli-counted-in-the-economic-analysis") } else { m("cli-env-opted-out") }
            );
        }
        let _ = writeln!(
            o,
            "  {} {:.0} MWh · {} {:.0} tCO2e · {} {}",
            m("cli-energy"),
            e.total_kwh / 1000.0,
            m("cli-emissions"),
            e.total_tco2e,
            m("cli-pv-of-carbon-value"),
            {
                let v = e.carbon_pv.to_string().parse::<f64>().unwrap_or(f64::NAN);
                if ko { format!("{:.1}억원", v / 1e8) } else { format!("KRW {:.2} bn", v / 1e9) }
            }
        );
        let _ = writeln!(
            o,
            "  B/C {} {:.3} · {} {:.3}{}",
            m("cli-without-carbon"),
            e.bc_without_carbon.unwrap_or(f64::NAN),
            m("cli-with-carbon"),
            e.bc_with_carbon.unwrap_or(f64::NAN),
            if e.included_in_economics {
                format!(" {}", m("cli-counted-in-the-economic-analysis"))
            } else {
                String::new()
            }
        );
        let rating = |r: &str| match r {
            "low" => m("cli-rating-low"),
            "medium" => m("cli-rating-medium"),
            "high" => m("cli-rating-high"),
            _ => m("cli-rating-very-high"),
        };
        for r in e.risks.iter().take(3) {
            let _ = writeln!(o, "  {} {:>2} ({}): {}", m("cli-risk"), r.score, rating(r.rating), r.risk.title);
        }
        if let Some(sg) = e.suggested_risks.as_ref().filter(|sg| !sg.open.is_empty()) {
            let top: Vec<String> = sg
                .open
                .iter()
                .take(3)
                .map(|x| format!("{} ({})", if ko { &x.entry.title.ko } else { &x.entry.title.en }, x.score))
                .collect();
            let _ = writeln!(
                o,
                "  {} {} / {}: {}",
                m("cli-env-suggested-open"),
                sg.open.len(),
                sg.for_sector,
                top.join(" · ")
            );
        }
        let _ = writeln!(o, "  {}: {} / {}", m("cli-compliance-gaps"), e.compliance_gaps, e.compliance.len());
        let _ = writeln!(o);
    }
}
