//! Import and export as a user would meet them: every fixture through XLSX and back, hand-made
//! sheets with bad cells, CSV in both layouts. Expected figures are computed independently (the
//! fixtures' own appraisal, or Python's decimal module where stated).

use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use yeta_core::Study;
use yeta_core::study::{Line, flows};
use yeta_xlsx::import::{apply, read_csv, read_workbook};
use yeta_xlsx::{Error, Orientation};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> Vec<(String, Study)> {
    let mut v: Vec<(String, Study)> = std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".yeta.json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (p.file_name().expect("name").to_string_lossy().into_owned(), Study::from_json(&text).expect("parses"))
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(v.len() >= 3, "fixtures missing");
    v
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

/// Yearly amounts of every line in its own unit, by list and name.
fn yearly(s: &Study) -> Vec<(String, Vec<Decimal>)> {
    fn of<K: Clone>(list: &str, lines: &[Line<K>], s: &Study, out: &mut Vec<(String, Vec<Decimal>)>) {
        for l in lines {
            let own = Line { unit_value: None, ..l.clone() };
            let a = flows::expand(&own, s.parameters.first_year, s.parameters.last_year).expect("expands");
            out.push((format!("{list}/{}", l.name), a));
        }
    }
    let mut out = Vec::new();
    of("costs", &s.costs, s, &mut out);
    of("benefits", &s.benefits, s, &mut out);
    of("revenues", &s.revenues, s, &mut out);
    out
}

fn small_study() -> Study {
    Study::from_json(
        r#"{
  "format": "yeta-study/1",
  "project": { "name": "Test", "sponsor": "Test ministry", "sector": "road", "region": "KR-43",
               "total_cost": "200", "state_funding": "100" },
  "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2040,
                  "discount": [ { "from_year": 2025, "rate": "0.045" } ] },
  "costs": [ { "name": "Old", "kind": "capex", "flows": [ { "year": 2026, "amount": "1" } ] } ]
}"#,
    )
    .expect("small study")
}

#[test]
fn every_fixture_survives_a_round_trip_through_xlsx() {
    for (name, study) in fixtures() {
        let before = yeta_core::appraise(&study, None).expect("fixture appraises");
        let start = std::time::Instant::now();
        let bytes = yeta_xlsx::export::lines_workbook(&study).expect("exports");
        let imported = read_workbook(&bytes, None, None).expect("reads back");
        let back = apply(&study, &imported).expect("applies");
        eprintln!("{name}: {} bytes, export + import {:?}", bytes.len(), start.elapsed());
        assert_eq!(imported.orientation, Orientation::Columns);
        let after = yeta_core::appraise(&back, None).expect("imported study appraises");

        // Amounts pass through a double: each year is within 1e-15 of the original, relatively
        // (exact for amounts with at most 15 significant digits).
        let (y0, y1) = (yearly(&study), yearly(&back));
        assert_eq!(y0.iter().map(|x| &x.0).collect::<Vec<_>>(), y1.iter().map(|x| &x.0).collect::<Vec<_>>(), "{name}");
        for ((line, a), (_, b)) in y0.iter().zip(&y1) {
            assert_eq!(a.len(), b.len());
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert!((x - y).abs() <= x.abs() * Decimal::new(1, 15), "{name} {line} year {i}: {x} became {y}");
            }
        }
        let (e0, e1) = (&before.economic, &after.economic);
        for (what, x, y) in [
            ("pv_benefits", e0.pv_benefits, e1.pv_benefits),
            ("pv_costs", e0.pv_costs, e1.pv_costs),
            ("npv", e0.npv, e1.npv),
        ] {
            assert!((x - y).abs() < d("0.01"), "{name} {what}: {x} became {y}");
        }
        let (b0, b1) = (e0.bc_ratio.expect("b/c"), e1.bc_ratio.expect("b/c"));
        assert!((b0 - b1).abs() < 1e-12, "{name} B/C {b0} became {b1}");
        let (f0, f1) = (before.financial.fnpv, after.financial.fnpv);
        assert!((f0 - f1).abs() < d("0.01"), "{name} FNPV {f0} became {f1}");

        // The second trip changes nothing at all: the importer reads exactly what it wrote.
        let again =
            apply(&back, &read_workbook(&yeta_xlsx::export::lines_workbook(&back).expect("x"), None, None).expect("r"))
                .expect("a");
        assert_eq!(again, back, "{name}: second round trip differs");
    }
}

#[test]
fn a_hand_made_sheet_names_the_bad_cell() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet(); // "Sheet1"
    for (c, h) in ["section", "name", "kind"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    ws.write_number(0, 3, 2026).expect("w");
    ws.write_number(0, 4, 2027).expect("w");
    for r in 1..7u32 {
        ws.write_string(r, 0, "cost").expect("w");
        ws.write_string(r, 1, format!("Line {r}")).expect("w");
        ws.write_string(r, 2, "capex").expect("w");
        ws.write_number(r, 3, 100.5).expect("w");
        ws.write_number(r, 4, 7).expect("w");
    }
    ws.write_string(6, 3, "12a").expect("w"); // D7
    ws.write_boolean(3, 4, true).expect("w"); // E4
    let bytes = wb.save_to_buffer().expect("save");
    let e = read_workbook(&bytes, None, None).expect_err("bad cells");
    let msg = e.to_string();
    assert!(msg.contains("Sheet1!D7: \"12a\" is not a number"), "{msg}");
    assert!(msg.contains("Sheet1!E4: \"TRUE (a boolean)\" is not a number"), "{msg}");
    assert!(matches!(e, Error::Cells(ref v) if v.len() == 2), "{e:?}");

    // Without the bad cells the same sheet reads, and 100.5 typed in Excel is exactly 100.5.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("My lines").expect("name");
    ws.write_string(0, 0, "section").expect("w");
    ws.write_string(0, 1, "name").expect("w");
    ws.write_string(0, 2, "kind").expect("w");
    ws.write_number(0, 3, 2026).expect("w");
    ws.write_string(1, 0, "cost").expect("w");
    ws.write_string(1, 1, "Build").expect("w");
    ws.write_string(1, 2, "capex").expect("w");
    ws.write_number(1, 3, 0.1).expect("w");
    let bytes = wb.save_to_buffer().expect("save");
    let ok = read_workbook(&bytes, Some("My lines"), None).expect("reads");
    assert_eq!(ok.lines[0].amounts, vec![(2026, d("0.1"))]);
    let e = read_workbook(&bytes, Some("Nope"), None).expect_err("no sheet").to_string();
    assert!(e.contains("no sheet \"Nope\"") && e.contains("My lines"), "{e}");
}

const COLUMNS: &str = "\u{feff}section,name,kind,2026,2027,2028,2029,2030\n\
    cost,Build,capex,100,100,,,\n\
    benefit,Time,travel_time,,,30.5,30.5,\"30.5\"\n\
    revenue,Tolls,toll,,,1,2,3\n";
const ROWS: &str = "year,Build,Time,Tolls\n\
    section,cost,benefit,revenue\n\
    kind,capex,travel_time,toll\n\
    2026,100,,\n2027,100,,\n2028,,30.5,1\n2029,,30.5,2\n2030,,30.5,3\n";

#[test]
fn csv_in_both_layouts_gives_the_same_study_and_the_expected_pv() {
    let study = small_study();
    let a = read_csv(COLUMNS.as_bytes(), "cols.csv", None).expect("columns");
    let b = read_csv(ROWS.as_bytes(), "rows.csv", None).expect("rows");
    assert_eq!((a.detected, b.detected), (Some(Orientation::Columns), Some(Orientation::Rows)));
    let (sa, sb) = (apply(&study, &a).expect("a"), apply(&study, &b).expect("b"));
    assert_eq!(sa, sb);
    assert_eq!(sa.costs.len(), 1, "the study's old lines are replaced");
    // Equal consecutive amounts become one ranged flow.
    assert_eq!((sa.costs[0].flows[0].from, sa.costs[0].flows[0].to), (Some(2026), Some(2027)));
    assert_eq!(sa.benefits[0].flows.len(), 1);
    assert_eq!(sa.revenues[0].flows.len(), 3);
    // Python decimal: 100/1.045 + 100/1.045^2 = 187.26677502804…;
    // Σ_{2028..2030} 30.5/1.045^(y-2025) = 76.777924321538…, B/C = 0.40999223866615….
    let e = yeta_core::appraise(&sa, None).expect("appraises").economic;
    assert_eq!(e.pv_costs.round_dp(6), d("187.266775"));
    assert_eq!(e.pv_benefits.round_dp(6), d("76.777924"));
    assert!((e.bc_ratio.expect("b/c") - 0.409_992_238_666_152_7).abs() < 1e-12);
    // A forced orientation that contradicts the sheet fails on its labels.
    let e = read_csv(ROWS.as_bytes(), "rows.csv", Some(Orientation::Columns)).expect_err("wrong way");
    assert!(e.to_string().contains("rows.csv row 1, column A: no section column"), "{e}");
}

#[test]
fn missing_and_gapped_years_are_named() {
    let missing = "section,name,kind,2026,,2028\ncost,Build,capex,1,2,3\n";
    let e = read_csv(missing.as_bytes(), "costs.csv", None).expect_err("missing").to_string();
    assert!(e.contains("costs.csv row 1, column E: year header is empty"), "{e}");
    let gap = "section,name,kind,2026,2027,2029\ncost,Build,capex,1,2,3\n";
    let e = read_csv(gap.as_bytes(), "costs.csv", None).expect_err("gap").to_string();
    assert!(e.contains("costs.csv row 1, column F: year 2029 follows 2027: 2028 is missing"), "{e}");
    let gap_rows = "year,Build\nsection,cost\nkind,capex\n2026,1\n2030,2\n";
    let e = read_csv(gap_rows.as_bytes(), "r.csv", None).expect_err("gap").to_string();
    assert!(
        e.contains("r.csv row 5, column A: year 2030 follows 2026: 2027–2029 are missing (one row per year"),
        "{e}"
    );
    let not_year = "section,name,kind,2026,total\ncost,Build,capex,1,2\n";
    let e = read_csv(not_year.as_bytes(), "c.csv", None).expect_err("text").to_string();
    assert!(e.contains("c.csv row 1, column E: \"total\" is not a year"), "{e}");
    // A trailing header with nothing below it is simply the end of the sheet.
    let fine = "section,name,kind,2026,2027,,\ncost,Build,capex,1,2,,\n";
    assert!(read_csv(fine.as_bytes(), "c.csv", None).is_ok());
}

#[test]
fn a_year_outside_the_analysis_period_is_named() {
    let csv = "section,name,kind,2039,2040,2041\ncost,Build,capex,1,2,3\n";
    let imported = read_csv(csv.as_bytes(), "c.csv", None).expect("reads");
    let e = apply(&small_study(), &imported).expect_err("outside").to_string();
    assert_eq!(e, "c.csv row 1, column F: year 2041 is outside the study's analysis period 2026–2040");
    // An empty column for such a year is harmless.
    let csv = "section,name,kind,2040,2041\ncost,Build,capex,150,\n";
    let imported = read_csv(csv.as_bytes(), "c.csv", None).expect("reads");
    assert!(apply(&small_study(), &imported).is_ok());
}

#[test]
fn unreadable_input_gets_a_plain_message() {
    let e = read_workbook(b"not a zip", None, None).expect_err("junk").to_string();
    assert!(e.starts_with("not a workbook Yeta can read"), "{e}");
    let e = read_csv(b"section,name,kind,2026\ncost,\xB0\xA1,capex,1\n", "k.csv", None).expect_err("cp949").to_string();
    assert!(e.contains("k.csv row 2, column B: not UTF-8"), "{e}");
    let e = read_csv(b"foo,bar\n", "f.csv", None).expect_err("layout").to_string();
    assert!(e.contains("f.csv row 1, column A: cannot tell the layout"), "{e}");
}

#[test]
fn the_appraisal_workbook_is_deterministic_and_holds_the_tables() {
    let (_, study) = fixtures().into_iter().find(|(n, _)| n.starts_with("ict")).expect("ict fixture");
    let a = yeta_core::appraise(&study, None).expect("appraises");
    let one = yeta_xlsx::export::study_workbook(&study, &a).expect("exports");
    // Past a second boundary: a workbook stamped with "now" would differ.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let two = yeta_xlsx::export::study_workbook(&study, &a).expect("exports");
    assert!(one == two, "two exports of the same study differ");

    use calamine::{Data, DataType as _, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(one)).expect("opens");
    let names = book.sheet_names();
    for want in ["Lines", "Summary", "Cash flow", "Sensitivity", "Switching values", "AHP"] {
        assert!(names.iter().any(|n| n == want), "{want} missing from {names:?}");
    }
    let cf = book.worksheet_range("Cash flow").expect("cash flow");
    let rows: Vec<&[Data]> = cf.rows().collect();
    assert_eq!(rows.len(), a.economic.cash_flow.len() + 1);
    let total: f64 = rows[1..].iter().map(|r| r[8].as_f64().expect("pv benefits")).sum();
    let expected = yeta_core::econ::to_f64(a.economic.pv_benefits) / 1e6;
    assert!((total - expected).abs() < 1e-6 * expected.abs().max(1.0), "{total} vs {expected}");
    let ahp = book.worksheet_range("AHP").expect("ahp");
    let score = ahp.get_value((0, 1)).and_then(Data::as_f64).expect("score");
    assert!((score - a.ahp.as_ref().expect("ahp").score).abs() < 1e-12);
}

/// A Korean workbook as an officer makes it: a title row with the unit, 구분/항목/유형 headers,
/// Korean section and kind names, years as numbers, amounts in 백만원.
#[test]
fn a_korean_workbook_in_million_won_reads_to_the_right_magnitude() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("사업비").expect("name");
    ws.write_string(0, 0, "OO 도로 건설사업 연차별 투자계획").expect("w");
    ws.write_string(0, 5, "(단위: 백만원)").expect("w");
    for (c, h) in ["구분", "항목", "유형"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).expect("w");
    }
    for (i, y) in (2026..=2028).enumerate() {
        ws.write_number(1, 3 + i as u16, y).expect("w");
    }
    let rows: [(&str, &str, &str, [f64; 3]); 3] = [
        ("비용", "공사비", "공사비", [60.0, 100.0, 0.0]),
        ("비용", "용지보상비", "보상비", [40.0, 0.0, 0.0]),
        ("편익", "통행시간 절감", "통행시간 절감", [0.0, 0.0, 12.5]),
    ];
    for (r, (sec, name, kind, v)) in rows.iter().enumerate() {
        let r = 2 + r as u32;
        ws.write_string(r, 0, *sec).expect("w");
        ws.write_string(r, 1, *name).expect("w");
        ws.write_string(r, 2, *kind).expect("w");
        for (i, x) in v.iter().enumerate().filter(|(_, x)| **x != 0.0) {
            ws.write_number(r, 3 + i as u16, *x).expect("w");
        }
    }
    let bytes = wb.save_to_buffer().expect("save");
    let imported = read_workbook(&bytes, None, None).expect("reads");
    assert_eq!(imported.header_row, 1);
    assert_eq!(imported.unit.as_ref().map(|(u, at)| (u.code(), at.as_str())), Some(("백만원", "사업비!F1")));
    // Total cost 200 백만원 = the capex and land read: 60 + 100 + 40.
    let mut study = small_study();
    study.project.total_cost = d("200000000");
    study.project.state_funding = d("100000000");
    let s = apply(&study, &imported).expect("applies");
    // 60 백만원 = 60,000,000 won; 12.5 백만원 = 12,500,000 won.
    assert_eq!((s.costs[0].flows[0].year, s.costs[0].flows[0].amount), (Some(2026), d("60000000")));
    assert_eq!(s.costs[1].kind, yeta_core::study::CostKind::Land);
    assert_eq!(
        (s.benefits[0].kind, s.benefits[0].flows[0].amount),
        (yeta_core::study::BenefitKind::TravelTime, d("12500000"))
    );
    // A unit the user gives (--unit 원) wins over the sheet's, and turns the total-cost check off.
    let forced = yeta_xlsx::import::apply_with(
        &study,
        &imported,
        &yeta_xlsx::Options { unit: Some(yeta_core::study::Unit::Won) },
    )
    .expect("the user's unit is taken");
    assert_eq!(forced.costs[0].flows[0].amount, d("60"));
}

/// The export shows one unit throughout: the study's (억원 here), in Lines!A1 and every money
/// label; the year columns are as wide as their numbers.
#[test]
fn the_workbook_is_in_the_studys_unit_with_columns_that_fit() {
    use calamine::{Data, Reader};
    let mut study = small_study();
    study.unit = Some(yeta_core::study::Unit::HundredMillion);
    study.project.total_cost = d("123456700000000"); // 1,234,567억원: a wide number
    study.project.state_funding = d("100");
    study.costs[0].flows[0].amount = d("123456700000000");
    let a = yeta_core::appraise(&study, None).expect("appraises");
    let bytes = yeta_xlsx::export::study_workbook(&study, &a).expect("exports");
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).expect("opens");
    let lines = wb.worksheet_range("Lines").expect("Lines");
    assert_eq!(lines.get_value((0, 0)), Some(&Data::String("(단위: 억원) (unit: KRW 100 million)".into())));
    // 123,456,700,000,000 won / 10^8 = 1,234,567 억원.
    assert_eq!(lines.get_value((2, 3)), Some(&Data::Float(1_234_567.0)));
    let summary = wb.worksheet_range("Summary").expect("Summary");
    assert_eq!(summary.get_value((3, 0)), Some(&Data::String("NPV (KRW 100 million)".into())));
    // Column D's width: "1,234,567" is 9 characters, so at least 9 (plus margin).
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet1"), &mut xml)
        .expect("read");
    let col = xml.split("<col ").find(|c| c.starts_with("min=\"4\"")).expect("column D has a width");
    let width: f64 =
        col.split("width=\"").nth(1).and_then(|w| w.split('"').next()).and_then(|w| w.parse().ok()).expect("width");
    assert!(width >= 9.0, "{col}");
    // And it reads back in 억원 to the same study.
    let back =
        apply(&study, &read_workbook(&yeta_xlsx::export::lines_workbook(&study).expect("x"), None, None).expect("r"))
            .expect("a");
    assert_eq!(back, study);
}

/// A Korean export: sheet names, headers, sections and kinds in Korean from the catalog (the
/// report's words), and importing it back gives every fixture's study unchanged.
#[test]
fn a_korean_export_speaks_the_catalog_and_reads_back_unchanged() {
    for (name, study) in fixtures() {
        let a = yeta_core::appraise(&study, None).expect("appraises");
        let bytes = yeta_xlsx::export::study_workbook_in(&study, &a, yeta_i18n::Lang::Ko).expect("exports");
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).expect("opens");
        use calamine::Reader as _;
        let names = book.sheet_names();
        assert_eq!(names[0], "비용편익", "{name}: {names:?}");
        for want in ["요약", "현금흐름", "민감도", "전환값", "안내"] {
            assert!(names.iter().any(|n| n == want), "{name}: no sheet {want} in {names:?}");
        }
        let lines = book.worksheet_range("비용편익").expect("lines sheet");
        let header: Vec<String> =
            (0..3).map(|c| lines.get_value((1, c)).map(|v| v.to_string()).unwrap_or_default()).collect();
        assert_eq!(header, ["구분", "항목", "유형"], "{name}");
        let summary = book.worksheet_range("요약").expect("summary");
        let first: String = summary.get_value((1, 0)).map(|v| v.to_string()).unwrap_or_default();
        assert_eq!(first, "편익 현재가치 (백만원)", "{name}");
        let imported = read_workbook(&bytes, None, None).expect("reads back");
        let back = apply(&study, &imported).expect("applies");
        assert_eq!(back, study, "{name}: the Korean export did not read back unchanged");
    }
}
