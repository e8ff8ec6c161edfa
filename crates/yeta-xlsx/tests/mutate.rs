//! A bounded, deterministic fuzz run of the spreadsheet import (issue 19), in CI on stable Rust:
//! seeded mutations of CSVs and XLSX workbooks made from the fixtures' exports. Each case must
//! return (Ok or an error) without a panic, within [`CASE_BUDGET`]; the whole run must stay under
//! [`MEMORY_BUDGET_KB`] of peak memory. Iteration counts are fixed so the run takes well under a
//! minute in a debug build; `YETA_FUZZ_SCALE=10` runs ten times as many.
//!
//! Findings so far are regression tests in tests/limits.rs (none of the mutations below has
//! panicked since the limits went in).

use std::io::{Cursor, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use yeta_xlsx::Orientation;
use yeta_xlsx::import::{read_csv, read_workbook};

/// Mutated CSVs per run (times `YETA_FUZZ_SCALE`).
const CSV_CASES: usize = 12_000;
/// Mutated workbooks per run: a part's XML mutated and re-zipped, or the ZIP's bytes mutated.
const XLSX_CASES: usize = 1_500;
/// The slowest one case may be.
const CASE_BUDGET: Duration = Duration::from_secs(3);
/// Peak resident memory of the whole test process (VmHWM), in KiB: 1 GiB.
const MEMORY_BUDGET_KB: u64 = 1024 * 1024;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Fragments that tend to reach edge cases: separators, quotes, number forms, years, huge and
/// far-out values, XML of cells and formulas.
const TOKENS: &[&str] = &[
    ",",
    ";",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\u{feff}",
    "-",
    ".",
    "e",
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "-0",
    "0.1",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "1,000",
    "12,34",
    "9999",
    "10000",
    "2026",
    "2025",
    "1000",
    "cost",
    "benefit",
    "revenue",
    "section",
    "year",
    "kind",
    "name",
    "capex",
    "opex",
    "travel_time",
    "\u{0}",
    "가",
    "\u{1F600}",
    " ",
    "ALL10000",
    "XFD1048576",
    "A1048576",
    "r=\"XFD1048576\"",
    "r=\"A9999\"",
    "r=\"ALL1\"",
    "t=\"s\"",
    "t=\"str\"",
    "t=\"e\"",
    "t=\"b\"",
    "t=\"inlineStr\"",
    "<f>B5*2</f>",
    "<v>",
    "</v>",
    "<v>1e999</v>",
    "<v>-</v>",
    "<v>4294967296</v>",
    "<c r=\"C5\"><f>1</f></c>",
    "<row r=\"0\">",
    "<row r=\"4294967295\">",
    "</row>",
    "<si><t>",
    "</t></si>",
    "&amp;",
    "&#0;",
    "&#xFFFF;",
    "<![CDATA[x]]>",
    "<dimension ref=\"A1:XFD1048576\"/>",
    "s=\"99999\"",
];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(8) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = rng.next() as u8;
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                data.splice(at..at, t.bytes());
            }
            3 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            4 if !data.is_empty() => {
                // Duplicate a slice (a row, a cell), sometimes many times.
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(200)).min(data.len());
                let piece = data[start..end].to_vec();
                let times = if rng.below(10) == 0 { 1 + rng.below(2000) } else { 1 };
                for _ in 0..times {
                    data.splice(at..at, piece.iter().copied());
                }
            }
            5 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                data.splice(at..at, t.repeat(1 + rng.below(5000)).bytes());
            }
            6 if data.len() > 2 => {
                // Truncate.
                data.truncate(rng.below(data.len()));
            }
            _ => {
                let n = rng.below(16);
                data.splice(at..at, (0..n).map(|_| rng.next() as u8));
            }
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Each fixture's `Lines` workbook (what `yeta export` writes) and the same lines as CSV in both
/// layouts.
fn seeds() -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let mut books = Vec::new();
    let mut csvs = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".yeta.json"))
        .collect();
    files.sort();
    for f in files {
        let study = yeta_core::Study::from_json(&std::fs::read_to_string(&f).expect("read")).expect("fixture");
        let a = yeta_core::appraise(&study, None).expect("appraises");
        let book = yeta_xlsx::export::study_workbook(&study, &a).expect("export");
        let lines = read_workbook(&book, None, None).expect("round trip");
        let years: Vec<i32> = lines.year_cells.keys().copied().collect();
        let mut cols = "section,name,kind".to_owned();
        for y in &years {
            cols.push_str(&format!(",{y}"));
        }
        cols.push('\n');
        for l in &lines.lines {
            cols.push_str(&format!("{},\"{}\",{}", l.section.code(), l.name.replace('"', "\"\""), l.kind));
            for y in &years {
                cols.push(',');
                if let Some((_, v)) = l.amounts.iter().find(|(yy, _)| yy == y) {
                    cols.push_str(&v.to_string());
                }
            }
            cols.push('\n');
        }
        let mut rows = "year".to_owned();
        for l in &lines.lines {
            rows.push_str(&format!(",\"{}\"", l.name.replace('"', "\"\"")));
        }
        rows.push_str("\nsection");
        for l in &lines.lines {
            rows.push_str(&format!(",{}", l.section.code()));
        }
        rows.push_str("\nkind");
        for l in &lines.lines {
            rows.push_str(&format!(",{}", l.kind));
        }
        rows.push('\n');
        for y in &years {
            rows.push_str(&y.to_string());
            for l in &lines.lines {
                rows.push(',');
                if let Some((_, v)) = l.amounts.iter().find(|(yy, _)| yy == y) {
                    rows.push_str(&v.to_string());
                }
            }
            rows.push('\n');
        }
        assert!(read_csv(cols.as_bytes(), "c.csv", None).is_ok(), "seed CSV reads");
        assert!(read_csv(rows.as_bytes(), "r.csv", None).is_ok(), "seed CSV reads");
        csvs.push(cols.into_bytes());
        csvs.push(rows.into_bytes());
        books.push(book);
    }
    (books, csvs)
}

/// The parts of a ZIP, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("part");
            let mut v = Vec::new();
            f.read_to_end(&mut v).expect("read part");
            (f.name().expect("name").into_owned(), v)
        })
        .collect()
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        z.start_file(name.as_str(), o).expect("start");
        z.write_all(data).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

fn peak_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

struct Tally {
    cases: usize,
    ok: usize,
    refused: usize,
    slowest: Duration,
    panics: Vec<String>,
}

fn run_case(t: &mut Tally, what: &str, f: impl FnOnce() -> Result<(), String>) {
    let start = Instant::now();
    let r = catch_unwind(AssertUnwindSafe(f));
    let took = start.elapsed();
    t.cases += 1;
    t.slowest = t.slowest.max(took);
    match r {
        Ok(Ok(())) => t.ok += 1,
        Ok(Err(msg)) => {
            t.refused += 1;
            // A breach message is one short line; a cell list has one line per cell.
            assert!(msg.lines().all(|l| l.chars().count() < 2_000), "{what}: an overlong error line");
        }
        Err(_) => t.panics.push(what.to_owned()),
    }
    assert!(took < CASE_BUDGET, "{what}: took {took:?}");
}

#[test]
fn mutated_csv_and_xlsx_never_panic_and_stay_bounded() {
    let scale: usize = std::env::var("YETA_FUZZ_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let (books, csvs) = seeds();
    let start = Instant::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut t = Tally { cases: 0, ok: 0, refused: 0, slowest: Duration::ZERO, panics: Vec::new() };
    let orientations = [None, Some(Orientation::Columns), Some(Orientation::Rows)];
    for i in 0..CSV_CASES * scale {
        let mut data = csvs[rng.below(csvs.len())].clone();
        mutate(&mut rng, &mut data);
        let o = orientations[rng.below(3)];
        run_case(&mut t, &format!("csv case {i}"), || {
            read_csv(&data, "f.csv", o).map(|_| ()).map_err(|e| e.to_string())
        });
    }
    let csv_time = start.elapsed();
    let unzipped: Vec<Vec<(String, Vec<u8>)>> = books.iter().map(|b| unzip(b)).collect();
    for i in 0..XLSX_CASES * scale {
        let k = rng.below(books.len());
        let data = if rng.below(5) == 0 {
            let mut raw = books[k].clone();
            mutate(&mut rng, &mut raw);
            raw
        } else {
            let mut parts = unzipped[k].clone();
            // Mostly the Lines sheet (sheet1) or the shared strings; sometimes any part.
            let pick = match rng.below(4) {
                0 | 1 => parts.iter().position(|(n, _)| n == "xl/worksheets/sheet1.xml"),
                2 => parts.iter().position(|(n, _)| n == "xl/sharedStrings.xml"),
                _ => None,
            }
            .unwrap_or_else(|| rng.below(parts.len()));
            for _ in 0..1 + rng.below(3) {
                mutate(&mut rng, &mut parts[pick].1);
            }
            rezip(&parts)
        };
        let o = orientations[rng.below(3)];
        run_case(&mut t, &format!("xlsx case {i}"), || {
            read_workbook(&data, None, o).map(|_| ()).map_err(|e| e.to_string())
        });
    }
    let peak = peak_kb();
    eprintln!(
        "fuzz: {} cases ({} CSV in {:.1} s, {} XLSX in {:.1} s): {} read, {} refused, {} panics; slowest case {:?}; \
         peak memory {} KiB",
        t.cases,
        CSV_CASES * scale,
        csv_time.as_secs_f64(),
        XLSX_CASES * scale,
        (start.elapsed() - csv_time).as_secs_f64(),
        t.ok,
        t.refused,
        t.panics.len(),
        t.slowest,
        peak.map_or("?".into(), |p| p.to_string())
    );
    assert!(t.panics.is_empty(), "panics: {:?}", t.panics);
    if let Some(p) = peak {
        assert!(p < MEMORY_BUDGET_KB, "peak memory {p} KiB");
    }
    assert!(t.refused > 0 && t.ok > 0, "the mutations should both keep and break files");
}
