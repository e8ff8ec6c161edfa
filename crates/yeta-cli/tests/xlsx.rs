//! `yeta import`, `yeta export` and `yeta compare --xlsx` driven as a user would.

use calamine::{Data, DataType as _, Reader, Xlsx};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yeta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yeta")).args(args).current_dir(root()).output().expect("yeta runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("yeta-xlsx-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).expect("tmp dir");
    d
}

fn bc(study: &Path) -> f64 {
    let out = yeta(&["appraise", study.to_str().expect("path"), "--json", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    v["economic"]["bc_ratio"].as_f64().expect("b/c")
}

#[test]
fn export_then_import_gives_the_same_appraisal() {
    let d = tmp("round");
    let x = d.join("road.xlsx");
    let out = yeta(&["export", "fixtures/road-national-route.yeta.json", "--xlsx", x.to_str().expect("p")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let back = d.join("road.json");
    let out = yeta(&[
        "import",
        "fixtures/road-national-route.yeta.json",
        "--lines",
        x.to_str().expect("p"),
        "--out",
        back.to_str().expect("p"),
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("road.xlsx: a year per column (detected from row 2 under the title"), "{stdout}");
    let b0 = bc(&root().join("fixtures/road-national-route.yeta.json"));
    assert!((b0 - bc(&back)).abs() < 1e-12);
    // The workbook carries the appraisal's tables with their number formats' values.
    let mut book: Xlsx<_> = calamine::open_workbook(&x).expect("opens");
    let s = book.worksheet_range("Summary").expect("summary");
    assert_eq!(s.get_value((4, 0)), Some(&Data::String("B/C ratio".into())));
    assert!((s.get_value((4, 1)).and_then(|v| v.as_f64()).expect("b/c") - b0).abs() < 1e-12);
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn a_bad_cell_is_named_and_nothing_is_written() {
    let d = tmp("bad");
    let csv = d.join("costs.csv");
    std::fs::write(&csv, "section,name,kind,2026,2027,2028\ncost,Construction,capex,100,12a,5\n").expect("w");
    let out_file = d.join("new.json");
    let out = yeta(&[
        "import",
        "fixtures/road-national-route.yeta.json",
        "--lines",
        csv.to_str().expect("p"),
        "--out",
        out_file.to_str().expect("p"),
    ]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("costs.csv row 2, column E: \"12a\" is not a number"), "{err}");
    assert!(!out_file.exists());

    std::fs::write(&csv, "section,name,kind,2026,,2028\ncost,Construction,capex,100,1,5\n").expect("w");
    let out = yeta(&[
        "import",
        "fixtures/road-national-route.yeta.json",
        "--lines",
        csv.to_str().expect("p"),
        "--out",
        out_file.to_str().expect("p"),
    ]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("costs.csv row 1, column E: year header is empty"), "{err}");

    // The engine's own validation speaks in field paths of the new study.
    std::fs::write(&csv, "section,name,kind,2026\ncost,Construction,capex,-5\n").expect("w");
    let out = yeta(&[
        "import",
        "fixtures/road-national-route.yeta.json",
        "--lines",
        csv.to_str().expect("p"),
        "--out",
        out_file.to_str().expect("p"),
    ]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("costs[0].flows[0].amount: -5 is negative"), "{err}");
    assert!(err.contains("(costs[0] is the sheet's line \"Construction\")"), "{err}");
    assert!(!out_file.exists());
    assert!(!err.contains("panicked"), "{err}");
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn a_year_per_row_is_detected_and_the_flag_overrides() {
    let d = tmp("rows");
    let study = d.join("small.yeta.json");
    std::fs::write(
        &study,
        r#"{ "format": "yeta-study/1",
  "project": { "name": "Small", "sponsor": "Test", "sector": "road", "region": "KR-43",
               "total_cost": "200", "state_funding": "100" },
  "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2035,
                  "discount": [ { "from_year": 2025, "rate": "0.045" } ] },
  "costs": [ { "name": "Old", "kind": "capex", "flows": [ { "year": 2026, "amount": "1" } ] } ] }"#,
    )
    .expect("w");
    let csv = d.join("rows.csv");
    std::fs::write(
        &csv,
        "year,Build,Time\nsection,cost,benefit\nkind,capex,travel_time\n2026,100,\n2027,100,\n2028,,80\n2029,,80\n",
    )
    .expect("w");
    let out_file = d.join("new.json");
    let run = |o: &str| {
        yeta(&[
            "import",
            study.to_str().expect("p"),
            "--lines",
            csv.to_str().expect("p"),
            "--out",
            out_file.to_str().expect("p"),
            "--orientation",
            o,
        ])
    };
    let out = run("columns");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("rows.csv row 1, column A: no section column"), "{err}");
    let out = run("auto");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("rows.csv: a year per row (detected from A1"), "{stdout}");
    // Python decimal: (80/1.045^3 + 80/1.045^4) / (100/1.045 + 100/1.045^2) = 0.73258396098990…
    assert!((bc(&out_file) - 0.732_583_960_989_904).abs() < 1e-12);
    let out = run("rows");
    assert!(text(&out.stdout).contains("a year per row (as given)"), "{}", text(&out.stdout));
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn compare_writes_the_ranking_to_xlsx() {
    let d = tmp("cmp");
    let x = d.join("cmp.xlsx");
    let out = yeta(&[
        "compare",
        "fixtures/ict-e-procurement.yeta.json",
        "fixtures/rail-wide-area.yeta.json",
        "fixtures/road-national-route.yeta.json",
        "--xlsx",
        x.to_str().expect("p"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut book: Xlsx<_> = calamine::open_workbook(&x).expect("opens");
    let r = book.worksheet_range("Comparison").expect("sheet");
    let rows: Vec<&[Data]> = r.rows().collect();
    assert_eq!(rows.len(), 4);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    let contrib: Vec<usize> = (0..header.len()).filter(|&i| header[i].starts_with("contribution ")).collect();
    assert!(contrib.len() >= 3, "{header:?}");
    let mut last = f64::INFINITY;
    for row in &rows[1..] {
        let score = row[col("AHP score")].as_f64().expect("score");
        let sum: f64 = contrib.iter().filter_map(|&i| row[i].as_f64()).sum();
        assert!((sum - score).abs() < 1e-9, "contributions {sum} ≠ score {score}");
        assert!(score <= last, "ranked by AHP score");
        last = score;
    }
    // Only the road study names a 시·군·구 (제천시): its index in its own column, the 시·도 one apart.
    let sg: Vec<String> = rows[1..].iter().map(|r| r[col("si-gun-gu")].to_string()).collect();
    assert_eq!(sg.iter().filter(|s| s.as_str() == "43150 충청북도 제천시").count(), 1, "{sg:?}");
    let road = rows[1..].iter().find(|r| r[col("si-gun-gu")].to_string().starts_with("43150")).expect("road");
    let (sgg, sido) = (road[col("si-gun-gu backwardness index")].as_f64(), road[col("backwardness index")].as_f64());
    assert!(sgg.is_some() && sido.is_some() && sgg != sido, "{sgg:?} {sido:?}");
    std::fs::remove_dir_all(d).ok();
}
