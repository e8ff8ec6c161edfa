//! Golden tests of what a person reads: for each fixture and language, the report's text as
//! `pdftotext -layout` extracts it and a coarse image of every page, compared with reviewed
//! snapshots in `tests/golden/`, so any change in the report shows up in review. Run with
//! `YETA_BLESS=1` to write new snapshots after reading the change (`git diff tests/golden`).
//!
//! Also: the Korean report holds no Latin word outside an allow-list (B/C, NPV, units, and the
//! proper names and sources the study and the rule set give in Latin), the English report no
//! Hangul outside the study's own names, every chapter of a KDI report is there, and the 목차's
//! page numbers point at the pages that hold the headings. poppler (`pdftotext`, `pdftoppm`) is the
//! judge; `scripts/setup.sh` installs it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use yeta_report::{Lang, Options};

const FIXTURES: [&str; 3] = ["ict-e-procurement", "rail-wide-area", "road-national-route"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn bless() -> bool {
    std::env::var_os("YETA_BLESS").is_some()
}

fn study_text(name: &str) -> String {
    std::fs::read_to_string(root().join(format!("fixtures/{name}.yeta.json"))).expect("fixture")
}

/// The report as `yeta report` makes it, with a smaller Monte Carlo section (2,000 draws, seed 1)
/// so the test stays quick in a debug build.
fn report(name: &str, lang: Lang) -> Vec<u8> {
    let text = study_text(name);
    let a = yeta_core::appraise_json(&text, None).expect("appraises");
    let study = yeta_core::Study::from_json(&text).expect("parses");
    let opts = yeta_core::risk::Options { draws: 2000, seed: 1, threads: 1, bins: 30 };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let risk =
        yeta_core::risk::simulate_study(&study, opts, &|_, _| {}, &cancel).ok().filter(|r| !r.uncertain.is_empty());
    yeta_report::render_opts(&a, &text, &Options { risk: risk.as_ref(), ..Options::new(lang) }).expect("renders")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yeta-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn poppler(tool: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: bash scripts/setup.sh installs it ({e})"))
}

fn pdftotext(pdf: &[u8], tag: &str, layout: bool) -> String {
    let path = tmp(&format!("{tag}.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");
    let p = path.to_string_lossy().into_owned();
    let mut args = vec![p.as_str(), "-"];
    if layout {
        args.insert(0, "-layout");
    }
    let out = poppler("pdftotext", &args);
    assert!(out.status.success(), "pdftotext failed on {tag}");
    String::from_utf8(out.stdout).expect("utf-8 text")
}

/// Every page as a grid of mean grey levels (12 × 17 blocks of a 24 dpi greyscale rendering):
/// coarse enough to ignore anti-aliasing, fine enough to see a moved table or chart.
fn page_signatures(pdf: &[u8], tag: &str) -> Vec<Vec<u8>> {
    let path = tmp(&format!("{tag}-img.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");
    let prefix = tmp(&format!("{tag}-page"));
    let out = poppler("pdftoppm", &["-r", "24", "-gray", &path.to_string_lossy(), &prefix.to_string_lossy()]);
    assert!(out.status.success(), "pdftoppm failed on {tag}");
    let dir = prefix.parent().expect("dir").to_owned();
    let stem = prefix.file_name().expect("name").to_string_lossy().into_owned();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&format!("{stem}-"))))
        .collect();
    files.sort();
    files.iter().map(|f| signature(&std::fs::read(f).expect("pgm"))).collect()
}

/// Block means of a binary PGM (P5) image.
fn signature(pgm: &[u8]) -> Vec<u8> {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        let s = i;
        while !pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[s..i]).into_owned());
    }
    assert_eq!(fields[0], "P5", "pdftoppm -gray writes binary PGM");
    let (w, h): (usize, usize) = (fields[1].parse().expect("width"), fields[2].parse().expect("height"));
    let px = &pgm[i + 1..];
    let (gx, gy) = (12, 17);
    let mut out = Vec::with_capacity(gx * gy);
    for by in 0..gy {
        for bx in 0..gx {
            let (x0, x1) = (bx * w / gx, (bx + 1) * w / gx);
            let (y0, y1) = (by * h / gy, (by + 1) * h / gy);
            let mut sum = 0u64;
            for y in y0..y1 {
                for x in x0..x1 {
                    sum += u64::from(px[y * w + x]);
                }
            }
            out.push((sum / ((x1 - x0) * (y1 - y0)).max(1) as u64) as u8);
        }
    }
    out
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    }
}

#[test]
fn reports_read_as_reviewed() {
    let mut changed = Vec::new();
    for name in FIXTURES {
        for lang in [Lang::Ko, Lang::En] {
            let tag = format!("{name}-{}", lang_code(lang));
            let pdf = report(name, lang);
            let text = pdftotext(&pdf, &tag, true);
            let path = golden_dir().join(format!("{tag}.txt"));
            if bless() {
                std::fs::create_dir_all(golden_dir()).expect("golden dir");
                std::fs::write(&path, &text).expect("write golden");
                continue;
            }
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("no snapshot {}: run with YETA_BLESS=1 and review it", path.display()));
            if want != text {
                let first = want.lines().zip(text.lines()).position(|(a, b)| a != b).unwrap_or(0);
                changed.push(format!(
                    "{tag}: line {}\n  reviewed: {}\n  now:      {}",
                    first + 1,
                    want.lines().nth(first).unwrap_or(""),
                    text.lines().nth(first).unwrap_or("")
                ));
            }
        }
    }
    assert!(changed.is_empty(), "the report's text changed (YETA_BLESS=1 after review):\n{}", changed.join("\n"));
}

#[test]
fn pages_look_as_reviewed() {
    let mut changed = Vec::new();
    for name in FIXTURES {
        for lang in [Lang::Ko, Lang::En] {
            let tag = format!("{name}-{}", lang_code(lang));
            let pages = page_signatures(&report(name, lang), &tag);
            let path = golden_dir().join(format!("{tag}.pages"));
            let hex: String =
                pages.iter().map(|p| p.iter().map(|b| format!("{b:02x}")).collect::<String>() + "\n").collect();
            if bless() {
                std::fs::create_dir_all(golden_dir()).expect("golden dir");
                std::fs::write(&path, hex).expect("write golden");
                continue;
            }
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("no snapshot {}: run with YETA_BLESS=1 and review it", path.display()));
            let want: Vec<Vec<u8>> = want
                .lines()
                .map(|l| (0..l.len() / 2).map(|i| u8::from_str_radix(&l[2 * i..2 * i + 2], 16).unwrap_or(0)).collect())
                .collect();
            if want.len() != pages.len() {
                changed.push(format!("{tag}: {} pages, reviewed {}", pages.len(), want.len()));
                continue;
            }
            for (k, (a, b)) in want.iter().zip(&pages).enumerate() {
                // Tolerance: a block may drift by 16 grey levels (anti-aliasing, a digit), the
                // page on average by 2.
                let worst = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0);
                let mean = a.iter().zip(b).map(|(x, y)| f64::from(x.abs_diff(*y))).sum::<f64>() / a.len().max(1) as f64;
                if worst > 16 || mean > 2.0 {
                    changed.push(format!("{tag}: page {} differs (worst block {worst}, mean {mean:.1})", k + 1));
                }
            }
        }
    }
    assert!(changed.is_empty(), "pages changed (YETA_BLESS=1 after review):\n{}", changed.join("\n"));
}

/// Words (runs of Latin letters and digits) of every string in a JSON value.
fn json_words(v: &serde_json::Value, out: &mut BTreeSet<String>, hangul: bool) {
    match v {
        serde_json::Value::String(s) => out.extend(words(s, hangul)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_words(x, out, hangul)),
        serde_json::Value::Object(m) => m.values().for_each(|x| json_words(x, out, hangul)),
        _ => {}
    }
}

fn words(s: &str, hangul: bool) -> Vec<String> {
    let is = |c: char| if hangul { ('\u{ac00}'..='\u{d7a3}').contains(&c) } else { c.is_ascii_alphanumeric() };
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if is(c) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if !hangul {
        out.retain(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()));
    }
    out
}

/// What the report may print in Latin letters in Korean: the method's abbreviations and units,
/// the formulas, and every word of the study and of the rule set's sources and titles (proper
/// names, citations, the analyst's own text).
fn latin_allowed(study: &str) -> BTreeSet<String> {
    let mut allow: BTreeSet<String> = [
        "B", "C", "NPV", "IRR", "FNPV", "FIRR", "AHP", "CR", "CI", "RI", "KRW", "PV", "DF", "PI", "PUE", "MWh", "kWh",
        "GWh", "tCO2e", "CO2e", "km", "Yeta", "SHA", "PDF", "JSON", "PAdES", "ICT", "R", "D", "E", "AIJ", "AIP", "P",
        "P5", "P10", "P50", "P90", "P95", "OECD", "EU", "KDI", "MOEF", "GBP", "p", "t", "A", "Saaty", "study", "yeta",
        "json",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    let v: serde_json::Value = serde_json::from_str(study).expect("study json");
    json_words(&v, &mut allow, false);
    // Hyphenated and dashed names may come out of pdftotext joined.
    let joined: Vec<String> = study
        .split(|c: char| c == '"' || c.is_whitespace())
        .filter(|w| w.contains(['-', '–']))
        .map(|w| w.chars().filter(char::is_ascii_alphanumeric).collect())
        .collect();
    allow.extend(joined);
    // The rule set's title (the cover and appendix A name it); its sources are cited in
    // appendix A only, which the scan leaves out.
    for f in std::fs::read_dir(root().join("fixtures/rules")).expect("rules") {
        let text = std::fs::read_to_string(f.expect("entry").path()).expect("rule set");
        let v: serde_json::Value = serde_json::from_str(&text).expect("rule json");
        json_words(&v["title"], &mut allow, false);
    }
    // The formulas of appendix B, their sub- and superscripts run together by pdftotext.
    for id in yeta_i18n::ids(yeta_i18n::Lang::Ko).filter(|id| id.starts_with("formula-")) {
        let f = yeta_i18n::catalog(yeta_i18n::Lang::Ko).get(id).unwrap_or("");
        let flat: String = f.chars().filter(|c| !matches!(c, '_' | '^' | '{' | '}')).collect();
        allow.extend(words(&flat, false));
        allow.extend(words(&f.replace(['_', '^', '{', '}'], " "), false));
    }
    allow
}

#[test]
fn the_korean_report_holds_no_latin_word_outside_the_allow_list() {
    let mut found = Vec::new();
    for name in FIXTURES {
        let study = study_text(name);
        let allow = latin_allowed(&study);
        let text = pdftotext(&report(name, Lang::Ko), &format!("{name}-latin"), false);
        // Appendix A cites the rule set's sources as their authors wrote them: left out.
        let mut scanned = String::new();
        let mut citing = false;
        for page in text.split('\u{c}') {
            if page.contains("부록 A. 적용 지침과 출처") {
                citing = true;
            }
            if citing && let Some(at) = page.find("부록 B. 방법론") {
                citing = false;
                scanned.push_str(&page[at..]);
                continue;
            }
            if !citing {
                scanned.push_str(page);
            }
        }
        for line in scanned.lines() {
            for w in words(line, false) {
                let hex = w.len() >= 8 && w.chars().all(|c| c.is_ascii_hexdigit());
                let risk_id = w.starts_with('R') && w[1..].chars().all(|c| c.is_ascii_digit()) && w.len() > 1;
                if !allow.contains(&w) && !hex && !risk_id {
                    found.push(format!("{name}: {w:?} in \"{}\"", line.trim()));
                }
            }
        }
    }
    found.dedup();
    assert!(found.is_empty(), "Latin words in the Korean report:\n{}", found.join("\n"));
}

#[test]
fn the_english_report_holds_no_hangul_outside_the_studys_own_names() {
    let mut found = Vec::new();
    for name in FIXTURES {
        let study = study_text(name);
        let mut allow = BTreeSet::new();
        json_words(&serde_json::from_str(&study).expect("json"), &mut allow, true);
        for f in std::fs::read_dir(root().join("fixtures/rules")).expect("rules") {
            let text = std::fs::read_to_string(f.expect("entry").path()).expect("rule set");
            json_words(&serde_json::from_str(&text).expect("rule json"), &mut allow, true);
        }
        let text = pdftotext(&report(name, Lang::En), &format!("{name}-hangul"), false);
        for line in text.lines() {
            for w in words(line, true) {
                // A name cut short in the running header ends in "…".
                let prefix = allow.iter().any(|a| a.starts_with(&w)) && line.contains('…');
                if !allow.contains(&w) && !prefix {
                    found.push(format!("{name}: {w:?} in \"{}\"", line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "Hangul in the English report:\n{}", found.join("\n"));
}

#[test]
fn every_chapter_of_a_kdi_report_is_there_and_the_contents_point_at_its_pages() {
    for name in FIXTURES {
        let pdf = report(name, Lang::Ko);
        let text = pdftotext(&pdf, &format!("{name}-toc"), true);
        let pages: Vec<&str> = text.split('\u{c}').collect();
        for want in [
            "목차",
            "요약",
            "사업 개요",
            "사업 배경 및 필요성",
            "총사업비와 연차별 투자계획",
            "연차별 투자계획",
            "수요 및 편익 추정",
            "경제성 분석",
            "재무성 분석",
            "정책성 분석",
            "환경 위험 분석",
            "AHP 종합평가",
            "결론 및 정책 제언",
            "정책 제언",
            "부록 A",
            "검토 서명",
        ] {
            assert!(text.contains(want), "{name}: the Korean report has no \"{want}\"");
        }
        // Each 목차 line "title ····· N": page N starts with (or holds) the title.
        let toc: Vec<&str> = pages.iter().take(3).flat_map(|p| p.lines()).filter(|l| l.contains("···")).collect();
        assert!(toc.len() >= 20, "{name}: the contents list {} entries", toc.len());
        for line in toc {
            let title = line.split('·').next().unwrap_or("").trim();
            let page: usize = line
                .split_whitespace()
                .last()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{name}: no page number in the contents line \"{line}\""));
            let on_page = pages.get(page - 1).is_some_and(|p| p.contains(title));
            assert!(on_page, "{name}: the contents say \"{title}\" is on page {page}, but it is not there");
        }
    }
}
