//! The report of every fixture in both languages, checked with poppler as an independent reader:
//! it opens, every page rasterises, the sections are there, the figures equal the Appraisal JSON,
//! the study is attached, the bytes are deterministic; a signed report passes `pdfsig`.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use yeta_report::{Lang, SignOff, extract, keygen, load_credentials, render, sign, verify};

const FIXTURES: [&str; 3] = ["ict-e-procurement", "road-national-route", "rail-wide-area"];

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../fixtures/{name}.yeta.json"));
    std::fs::read_to_string(p).unwrap()
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("yeta-report-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap();
    assert!(out.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The JSON money string in KRW million with thousands separators and one decimal, written out
/// here independently of the renderer.
fn million(s: &str) -> String {
    let v: f64 = s.parse::<f64>().unwrap() / 1e6;
    let r = format!("{:.1}", v.abs());
    let (int, frac) = r.split_once('.').unwrap();
    let mut out = String::new();
    for (i, c) in int.chars().rev().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let int: String = out.chars().rev().collect();
    format!("{}{int}.{frac}", if v < 0.0 && r != "0.0" { "-" } else { "" })
}

/// A number rounded to a whole and grouped by thousands, written here independently.
fn grouped(x: f64) -> String {
    let r = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in r.chars().rev().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{}{}", if x < 0.0 && r != "0" { "-" } else { "" }, out.chars().rev().collect::<String>())
}

#[test]
fn million_formatting_by_hand() {
    assert_eq!(grouped(379036.6), "379,037");
    assert_eq!(million("1248778409463.5587"), "1,248,778.4");
    assert_eq!(million("-286894769903.4504"), "-286,894.8");
    assert_eq!(million("0"), "0.0");
}

#[test]
fn every_fixture_in_both_languages() {
    let poppler = have("pdftotext") && have("pdftoppm") && have("pdfdetach");
    if !poppler {
        eprintln!("poppler-utils not installed: checking bytes only (scripts/setup.d/30-report.sh installs them)");
    }
    let dir = tmpdir("fixtures");
    for name in FIXTURES {
        let text = fixture(name);
        let a = yeta_core::appraise_json(&text, None).unwrap();
        let j: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
        for (lang, code) in [(Lang::En, "en"), (Lang::Ko, "ko")] {
            let pdf = render(&a, &text, lang).unwrap();
            assert_eq!(pdf, render(&a, &text, lang).unwrap(), "{name} {code}: not deterministic");
            assert!(pdf.len() < 2_000_000, "{name} {code}: {} bytes", pdf.len());
            assert_eq!(extract(&pdf).unwrap(), text, "{name} {code}: embedded study differs");
            if !poppler {
                continue;
            }
            let path = dir.join(format!("{name}-{code}.pdf"));
            std::fs::write(&path, &pdf).unwrap();
            let p = path.to_str().unwrap();
            let info = run("pdfinfo", &[p]);
            let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
            assert!(pages >= 8, "{name} {code}: only {pages} pages");
            let body = run("pdftotext", &["-layout", p, "-"]);
            let titles: &[&str] = match lang {
                Lang::En => &[
                    "Executive summary",
                    "Project overview",
                    "Economic analysis",
                    "Cash flow by year",
                    "Sensitivity analysis",
                    "Switching values",
                    "Financial analysis",
                    "Appendix A",
                    "Sign-off",
                ],
                Lang::Ko => &[
                    "요약",
                    "사업 개요",
                    "경제성 분석",
                    "연도별 현금흐름",
                    "민감도 분석",
                    "전환값",
                    "재무성 분석",
                    "부록 A",
                    "검토 서명",
                ],
            };
            for t in titles {
                assert!(body.contains(t), "{name} {code}: no section \"{t}\"");
            }
            let e = &j["economic"];
            let figures = [
                million(e["pv_benefits"].as_str().unwrap()),
                million(e["pv_costs"].as_str().unwrap()),
                million(e["npv"].as_str().unwrap()),
                format!("{:.2}", e["bc_ratio"].as_f64().unwrap()),
                million(j["financial"]["fnpv"].as_str().unwrap()),
            ];
            for f in figures.iter().chain(e["irr"].as_f64().map(|i| format!("{:.2} %", i * 100.0)).iter()) {
                assert!(body.contains(f.as_str()), "{name} {code}: figure {f} not in the text");
            }
            for row in e["cash_flow"].as_array().unwrap() {
                let year = row["year"].as_i64().unwrap().to_string();
                let net = million(row["net"].as_str().unwrap());
                assert!(
                    body.lines().any(|l| l.trim_start().starts_with(&year) && l.contains(&net)),
                    "{name} {code}: cash-flow row {year} with net {net} not found"
                );
            }
            // The stage sections show the engine's figures.
            let stage_titles: &[&str] = match lang {
                Lang::En => &[
                    "Policy analysis",
                    "Balanced regional development",
                    "Environmental risk",
                    "Compliance checklist",
                    "AHP comprehensive evaluation",
                    "Evaluators",
                    "Method notes",
                    "Provenance",
                ],
                Lang::Ko => &[
                    "정책성 분석",
                    "환경 위험 분석",
                    "법규·기준 준수 점검",
                    "AHP 종합평가",
                    "평가자",
                    "방법론",
                    "재현 정보",
                ],
            };
            for t in stage_titles {
                assert!(body.contains(t), "{name} {code}: no section \"{t}\"");
            }
            // From the typed result: serde_json's default float parsing is not exact to the last
            // bit, which can move a rounding tie.
            let ahp = a.ahp.as_ref().unwrap();
            let env = a.environment.as_ref().unwrap();
            let mut stage_figures = vec![
                format!("{:.3}", ahp.score),
                format!("{:.3}–{:.3}", ahp.score_range[0], ahp.score_range[1]),
                format!("{:.2}", a.policy.as_ref().unwrap().overall),
                grouped(env.total_tco2e),
            ];
            for ev in &ahp.evaluators {
                stage_figures.push(format!("{:.3}", ev.score));
                stage_figures.push(ev.name.clone());
            }
            if let Some(r) = &a.regional {
                match &r.sigungu {
                    // The 시·군·구 path shows the 시·군·구's index in place of the 17-region one.
                    Some(s) => {
                        stage_figures.push(format!("{} / {}", s.rank, s.of));
                        stage_figures.push(format!("{:+.3}", s.index));
                        stage_figures.push(format!("{:.1}", s.percentile));
                    }
                    None => {
                        stage_figures.push(format!("{} / {}", r.backwardness.rank, r.backwardness.of));
                        stage_figures.push(format!("{:.3}", r.backwardness.index));
                    }
                }
            }
            let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
            for f in &stage_figures {
                assert!(flat.contains(f.as_str()), "{name} {code}: stage figure {f} not in the text");
            }
            for r in &env.risks {
                let words: Vec<&str> = r.risk.title.split_whitespace().take(2).collect();
                assert!(flat.contains(&words.join(" ")), "{name} {code}: risk {:?} not in the register", r.risk.title);
            }
            assert!(run("pdfdetach", &["-list", p]).contains("study.yeta.json"));
            // Every page rasterises.
            let prefix = dir.join(format!("{name}-{code}"));
            run("pdftoppm", &["-png", "-r", "20", p, prefix.to_str().unwrap()]);
            let pngs = std::fs::read_dir(&dir)
                .unwrap()
                .filter(|e| {
                    let n = e.as_ref().unwrap().file_name().into_string().unwrap();
                    n.starts_with(&format!("{name}-{code}-")) && n.ends_with(".png")
                })
                .count();
            assert_eq!(pngs, pages, "{name} {code}: pdftoppm made {pngs} of {pages} pages");
        }
    }
}

#[test]
fn signed_report_passes_pdfsig_and_tampering_fails() {
    let text = fixture("road-national-route");
    let a = yeta_core::appraise_json(&text, None).unwrap();
    let pdf = render(&a, &text, Lang::Ko).unwrap();
    let t0 = 1_767_225_600;
    let c1 = load_credentials(&keygen("Kim Minsu", t0, [3u8; 32]).unwrap(), None).unwrap();
    let c2 = load_credentials(&keygen("Lee Jiyoung", t0, [4u8; 32]).unwrap(), None).unwrap();
    let s1 = sign(&pdf, &c1, &SignOff { reviewer: "Kim Minsu", role: "PFS reviewer", unix_time: t0 + 60 }).unwrap();
    let s2 = sign(&s1, &c2, &SignOff { reviewer: "Lee Jiyoung", role: "Budget officer", unix_time: t0 + 120 }).unwrap();
    assert_eq!(verify(&s2).unwrap().len(), 2);
    assert_eq!(extract(&s2).unwrap(), text, "the study survives signing");
    // Tampering anywhere, including inside the compressed embedded study, fails.
    let study_at = s2.windows(12).position(|w| w == b"EmbeddedFile").unwrap();
    for off in [0, 1000, study_at + 200, s2.len() / 3, s2.len() / 2, pdf.len() + 100, s2.len() - 5] {
        let mut t = s2.clone();
        t[off] ^= 0x04;
        assert!(verify(&t).is_err(), "tamper at {off} passed");
    }
    if have("pdfsig") {
        let dir = tmpdir("signed");
        let p = dir.join("signed.pdf");
        std::fs::write(&p, &s2).unwrap();
        let out = Command::new("pdfsig").arg(&p).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(text.matches("Signature is Valid.").count(), 2, "{text}");
    }
}

#[test]
fn monte_carlo_section_shows_the_simulation() {
    let text = fixture("ict-e-procurement");
    let a = yeta_core::appraise_json(&text, None).unwrap();
    let study = yeta_core::Study::from_json(&text).unwrap();
    let opts = yeta_core::risk::Options { draws: 4000, seed: 7, threads: 2, bins: 20 };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let r = yeta_core::risk::simulate_study(&study, opts, &|_, _| {}, &cancel).unwrap();
    let pdf = yeta_report::render_with_risk(&a, &text, Lang::En, Some(&r)).unwrap();
    assert_eq!(pdf, yeta_report::render_with_risk(&a, &text, Lang::En, Some(&r)).unwrap(), "not deterministic");
    assert_ne!(pdf, render(&a, &text, Lang::En).unwrap(), "the section changes the report");
    if !have("pdftotext") {
        return;
    }
    let dir = tmpdir("risk");
    let p = dir.join("risk.pdf");
    std::fs::write(&p, &pdf).unwrap();
    let flat = run("pdftotext", &[p.to_str().unwrap(), "-"]).split_whitespace().collect::<Vec<_>>().join(" ");
    for f in [
        "Risk analysis (Monte Carlo)".to_owned(),
        format!("P(B/C ≥ 1) = {:.1} %", r.prob_bc_ge_1 * 100.0),
        format!("{:.3}", r.bc_ratio.p50),
        format!("{:.3}", r.bc_ratio.p95),
        "4,000 draws with seed 7".to_owned(),
    ] {
        assert!(flat.contains(&f), "\"{f}\" not in the report");
    }
    for c in &r.critical_variables {
        assert!(flat.contains(&format!("{:+.2} %", c.elasticity)), "critical variable {} missing", c.name);
    }
}

/// Extremes a real study can reach: the largest amount validation allows, no benefits (no B/C,
/// no IRR), a very long bilingual name, no optional sections. Renders, deterministically, and
/// every page rasterises.
#[test]
fn extreme_study_renders() {
    let name = "A very long project name that goes on and on to test wrapping — 아주 긴 사업명 ".repeat(4);
    let text = format!(
        r#"{{
  "format": "yeta-study/1",
  "project": {{ "name": "{name}", "sponsor": "Test", "sector": "road", "region": "KR-43",
               "total_cost": "200", "state_funding": "100" }},
  "parameters": {{ "base_year": 2025, "first_year": 2026, "last_year": 2125 }},
  "costs": [ {{ "name": "Build", "kind": "capex", "flows": [ {{ "from": 2026, "to": 2027, "amount": "100000000000000000000" }} ] }} ],
  "benefits": [ {{ "name": "Time", "kind": "travel_time", "flows": [ {{ "from": 2028, "to": 2040, "amount": "0" }} ] }} ]
}}"#
    );
    let a = yeta_core::appraise_json(&text, None).unwrap();
    for lang in [Lang::En, Lang::Ko] {
        let pdf = render(&a, &text, lang).unwrap();
        assert_eq!(pdf, render(&a, &text, lang).unwrap());
        if have("pdftoppm") {
            let dir = tmpdir("extreme");
            let p = dir.join("x.pdf");
            std::fs::write(&p, &pdf).unwrap();
            run("pdftoppm", &["-png", "-r", "10", p.to_str().unwrap(), dir.join("x").to_str().unwrap()]);
        }
    }
}

/// The ex-post chapter (사후평가) of the admin-system example against its signed ex-ante study:
/// the figures as the engine's evaluation gives them, and the parts of ΔNPV written out here in
/// KRW million — −236.16 (forecast revision) − 240 (cost) − 400 (a year's delay) − 80 (demand)
/// + 16 (interaction) = −940.16 억원 = −94,016 백만원.
#[test]
fn expost_chapter_shows_the_decomposition() {
    let read = |n: &str| {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../fixtures/expost/{n}.yeta.json")),
        )
        .unwrap()
    };
    let (post, ante) = (read("admin-system-ex-post"), read("admin-system-ex-ante"));
    let study = yeta_core::Study::from_json(&post).unwrap();
    let before = yeta_core::Study::from_json(&ante).unwrap();
    let x = yeta_core::expost::evaluate(&study, Some(&before), None).unwrap();
    let a = yeta_core::appraise_json(&post, None).unwrap();
    let opts = yeta_report::Options { expost: Some(&x), ..yeta_report::Options::new(Lang::Ko) };
    let pdf = yeta_report::render_opts(&a, &post, &opts).unwrap();
    assert_ne!(pdf, render(&a, &post, Lang::Ko).unwrap(), "the chapter changes the report");
    if !have("pdftotext") {
        return;
    }
    let dir = tmpdir("expost");
    let p = dir.join("expost.pdf");
    std::fs::write(&p, &pdf).unwrap();
    let flat = run("pdftotext", &[p.to_str().unwrap(), "-"]).split_whitespace().collect::<Vec<_>>().join(" ");
    for f in [
        "사후평가",
        "-23,616.0",
        "-24,000.0",
        "-40,000.0",
        "-8,000.0",
        "1,600.0",
        "-94,016.0",
        "개통 지연 (1년)",
        "+30.0 %",
        "33.3 %",
    ] {
        assert!(flat.contains(f), "\"{f}\" not in the ex-post chapter");
    }
}

/// The environment after approval in the ex-post chapter: cloud IT load 10 kW × PUE 1.5 × 8,760 h
/// = 131,400 kWh a year from 2027 at 0.5 tCO2e/MWh = 65.7 t; metered 150,000 + 160,000 kWh through
/// 2028 = 310,000 kWh (118.0 % of 262,800) = 155.0 t (118.0 % of 131.4 t); legacy 20 kW × PUE 2 ×
/// 8,760 h = 175.2 t a year, so the net to date is −219.0 t forecast and −219.0 + 23.6 = −195.4 t.
#[test]
fn expost_chapter_compares_metered_energy_with_the_forecast() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/expost/admin-system-ex-post.yeta.json");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["environment"] = serde_json::json!({
        "grid_factor": {"value": "0.5", "unit": "tCO2e/MWh", "source": "test"},
        "energy": [{"name": "cloud", "kind": "it_load", "pue": "1.5", "flows": [{"from": 2027, "to": 2030, "amount": "10"}]}],
        "counterfactual": {"energy": [{"name": "legacy", "kind": "it_load", "pue": "2", "flows": [{"from": 2027, "to": 2030, "amount": "20"}]}]}
    });
    v["outturn"]["environment"] = serde_json::json!({
        "kwh": [{"year": 2027, "amount": "150000"}, {"year": 2028, "amount": "160000"}],
        "source": "전기요금 고지서"
    });
    let post = v.to_string();
    let study = yeta_core::Study::from_json(&post).unwrap();
    let x = yeta_core::expost::evaluate(&study, None, None).unwrap();
    let a = yeta_core::appraise_json(&post, None).unwrap();
    if !have("pdftotext") {
        return;
    }
    let dir = tmpdir("expost-env");
    for (lang, head, net) in
        [(Lang::Ko, "사업 후 환경 성과", "-195.4 tCO2e"), (Lang::En, "The environment after approval", "-195.4 tCO2e")]
    {
        let opts = yeta_report::Options { expost: Some(&x), ..yeta_report::Options::new(lang) };
        let pdf = yeta_report::render_opts(&a, &post, &opts).unwrap();
        let p = dir.join(format!("expost-env-{lang:?}.pdf"));
        std::fs::write(&p, &pdf).unwrap();
        let flat = run("pdftotext", &[p.to_str().unwrap(), "-"]).split_whitespace().collect::<Vec<_>>().join(" ");
        for f in [
            head,
            "131,400",
            "150,000",
            "262,800",
            "310,000 (118.0 %)",
            "131.4",
            "155.0 (118.0 %)",
            net,
            "-219.0 tCO2e",
        ] {
            assert!(flat.contains(f), "{lang:?}: \"{f}\" not in the ex-post chapter");
        }
    }
}
