//! Terminal summary of the policy, regional and environmental stages.

use std::fmt::Write;
use yeta_core::Appraisal;

/// Appends the three stages' blocks, each only when the study has the section.
pub fn render(o: &mut String, a: &Appraisal, ko: bool) {
    let s = |k: &'static str, e: &'static str| if ko { k } else { e };
    if let Some(p) = &a.policy {
        let _ = writeln!(o, "{}", s("■ 정책성 분석 (1–5점)", "■ Policy analysis (ratings 1–5)"));
        for g in &p.groups {
            let cat = yeta_i18n::catalog(if ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
            let name = cat.code("group", &g.id);
            let _ = writeln!(o, "  {:<24} {:>5.2}  ({} {})", name, g.mean, g.items, s("개 항목", "items"));
            for w in &g.weak {
                let _ = writeln!(o, "    {} {w}", s("약점:", "weak:"));
            }
        }
        let _ = writeln!(o, "  {:<24} {:>5.2}", s("전체", "overall"), p.overall);
        if let Some(t) = p.technical_overall {
            let _ = writeln!(
                o,
                "  {:<24} {:>5.2}  ({})",
                s("기술성", "technical feasibility"),
                t,
                p.technical_groups.iter().map(|g| format!("{} {:.1}", g.id, g.mean)).collect::<Vec<_>>().join(", ")
            );
        }
        let _ = writeln!(o);
    }
    if let Some(r) = &a.regional {
        let b = &r.backwardness;
        let _ = writeln!(o, "{}", s("■ 지역균형발전 분석", "■ Balanced regional development"));
        let _ = writeln!(
            o,
            "  {} {:.3} · {} {}/{} ({} {}) · {}",
            s("낙후도 지수", "backwardness index"),
            b.index,
            s("순위", "rank"),
            b.rank,
            b.of,
            s("분위", "quartile"),
            b.quartile,
            if r.capital_region { s("수도권", "capital region") } else { s("비수도권", "non-capital region") }
        );
        let e = &r.effects;
        let bn = |x: &rust_decimal::Decimal| {
            let v = x.to_string().parse::<f64>().unwrap_or(f64::NAN);
            if ko { format!("{:.0}억원", v / 1e8) } else { format!("KRW {:.1} bn", v / 1e9) }
        };
        let _ = writeln!(
            o,
            "  {}: {} {} · {} {} · {} {:.0} {}",
            s("지역경제 파급효과", "regional effects"),
            s("생산유발", "production"),
            bn(&e.production),
            s("부가가치", "value added"),
            bn(&e.value_added),
            s("고용유발", "jobs"),
            e.employment,
            s("인·년", "person-years")
        );
        let _ = writeln!(o, "  {}: {}", s("자료", "data"), b.data);
        let _ = writeln!(o);
    }
    if let Some(e) = &a.environment {
        let _ = writeln!(o, "{}", s("■ 환경 위험", "■ Environmental risk"));
        let _ = writeln!(
            o,
            "  {} {:.0} MWh · {} {:.0} tCO2e · {} {}",
            s("에너지", "energy"),
            e.total_kwh / 1000.0,
            s("배출량", "emissions"),
            e.total_tco2e,
            s("탄소비용 현재가치", "PV of carbon value"),
            {
                let v = e.carbon_pv.to_string().parse::<f64>().unwrap_or(f64::NAN);
                if ko { format!("{:.1}억원", v / 1e8) } else { format!("KRW {:.2} bn", v / 1e9) }
            }
        );
        let _ = writeln!(
            o,
            "  B/C {} {:.3} · {} {:.3}{}",
            s("탄소비용 제외", "without carbon"),
            e.bc_without_carbon.unwrap_or(f64::NAN),
            s("포함", "with carbon"),
            e.bc_with_carbon.unwrap_or(f64::NAN),
            if e.included_in_economics {
                s(" (경제성 분석에 포함)", " (counted in the economic analysis)")
            } else {
                ""
            }
        );
        for r in e.risks.iter().take(3) {
            let _ = writeln!(o, "  {} {:>2} ({}): {}", s("위험", "risk"), r.score, r.rating, r.risk.title);
        }
        let _ =
            writeln!(o, "  {}: {} / {}", s("규정 준수 미흡", "compliance gaps"), e.compliance_gaps, e.compliance.len());
        let _ = writeln!(o);
    }
}
