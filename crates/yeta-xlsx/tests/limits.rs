//! Hostile workbooks and CSVs (issue 19): each is refused with a one-line error naming the place,
//! quickly and without a large allocation.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};
use yeta_xlsx::import::{read_csv, read_workbook};
use yeta_xlsx::limits::{MAX_CELL_CHARS, MAX_COLS, SHOWN_CHARS};
use zip::write::SimpleFileOptions;

/// A minimal XLSX with one sheet called `Lines`, whose `<sheetData>` is `rows`.
pub fn xlsx(rows: &str, shared: &[&str]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut part = |name: &str, body: &str| {
        z.start_file(name, o).expect("start");
        z.write_all(body.as_bytes()).expect("write");
    };
    part(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
    );
    part(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    part(
        "xl/workbook.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lines" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    part(
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
    );
    let sst: String = shared.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    part(
        "xl/sharedStrings.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{sst}</sst>"#,
            shared.len()
        ),
    );
    part(
        "xl/worksheets/sheet1.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
        ),
    );
    z.finish().expect("finish").into_inner()
}

/// The header row and one cost line, as inline strings and numbers.
fn head(extra: &str) -> String {
    let s = |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
    format!(
        r#"<row r="1">{}{}{}<c r="D1"><v>2026</v></c></row><row r="2">{}{}{}<c r="D2"><v>100</v></c></row>{extra}"#,
        s("A1", "section"),
        s("B1", "name"),
        s("C1", "kind"),
        s("A2", "cost"),
        s("B2", "Build"),
        s("C2", "capex")
    )
}

fn refused(bytes: &[u8]) -> (String, Duration) {
    let t = Instant::now();
    let e = read_workbook(bytes, None, None).expect_err("must be refused").to_string();
    (e, t.elapsed())
}

#[test]
fn the_sheet_as_built_here_reads() {
    let got = read_workbook(&xlsx(&head(""), &[]), None, None).expect("reads");
    assert_eq!(got.lines.len(), 1);
}

#[test]
fn a_cell_at_the_last_excel_cell_is_refused_without_allocating_the_range() {
    let b = xlsx(&head(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#), &[]);
    assert!(b.len() < 8192, "{}", b.len());
    let (e, t) = refused(&b);
    assert!(e.starts_with("Lines!XFD1048576: a value beyond the import limit"), "{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(t < Duration::from_secs(2), "{t:?}");
    let (e, _) = refused(&xlsx(&head(r#"<row r="1048576"><c r="A1048576"><v>1</v></c></row>"#), &[]));
    assert!(e.starts_with("Lines!A1048576: a value beyond"), "{e}");
}

#[test]
fn a_declared_huge_dimension_alone_is_harmless() {
    // Excel's <dimension> is not trusted, nor needed: only real values count.
    let rows = head(r#"<row r="70000"><c r="XFD70000" s="1"/></row>"#);
    assert!(read_workbook(&xlsx(&rows, &[]), None, None).is_ok());
}

#[test]
fn a_huge_shared_string_is_refused_and_not_echoed() {
    let long = "y".repeat(MAX_CELL_CHARS + 10);
    let rows = head(r#"<row r="3"><c r="A3" t="s"><v>0</v></c></row>"#);
    let (e, _) = refused(&xlsx(&rows, &[&long]));
    assert!(e.starts_with("Lines!A3: 32777 characters, more than the limit"), "{e}");
    assert!(e.len() < 200 + SHOWN_CHARS, "{} bytes", e.len());
}

#[test]
fn a_part_that_unpacks_past_the_limit_is_refused() {
    // 70 MB of one string compresses to about 70 KB.
    let long = "z".repeat(70 * 1024 * 1024);
    let b = xlsx(&head(""), &[&long]);
    assert!(b.len() < 1024 * 1024, "{}", b.len());
    let (e, _) = refused(&b);
    assert!(e.contains("xl/sharedStrings.xml unpacks to") && e.contains("past the import limit"), "{e}");
    assert!(e.len() < 300, "{e}");
}

#[test]
fn a_formula_without_a_cached_value_names_its_cell() {
    let rows = head(r#"<row r="5"><c r="C5"><f>B5*2</f></c></row>"#);
    let (e, _) = refused(&xlsx(&rows, &[]));
    assert_eq!(e, "Lines!C5: formula =B5*2 has no cached value; open and save the file in Excel or LibreOffice first");
    // With a cached value it is the value.
    let rows = head(r#""#).replace(r#"<c r="D2"><v>100</v></c>"#, r#"<c r="D2"><f>50*2</f><v>100</v></c>"#);
    let got = read_workbook(&xlsx(&rows, &[]), None, None).expect("cached value reads");
    assert_eq!(got.lines[0].amounts[0].1, 100.into());
}

#[test]
fn a_csv_row_of_200000_commas() {
    let mut csv = "section,name,kind,2026\ncost,Build,capex,1\n".to_owned();
    csv.push_str(&",".repeat(200_000));
    csv.push('\n');
    // Trailing empty fields carry nothing: still the one line.
    assert!(read_csv(csv.as_bytes(), "w.csv", None).is_ok());
    csv.push_str(&",".repeat(200_000));
    csv.push_str("x\n");
    let t = Instant::now();
    let e = read_csv(csv.as_bytes(), "w.csv", None).expect_err("too wide").to_string();
    assert!(t.elapsed() < Duration::from_secs(2));
    assert_eq!(
        e,
        format!("w.csv row 4: a value in column KIVI (200001 fields), past the import limit of {MAX_COLS} columns")
    );
}

#[test]
fn a_csv_cell_longer_than_the_limit_is_not_echoed() {
    let csv = format!("section,name,kind,2026\ncost,{},capex,1\n", "n".repeat(1_000_000));
    let e = read_csv(csv.as_bytes(), "w.csv", None).expect_err("too long").to_string();
    assert!(e.starts_with("w.csv row 2, column B: 1000000 characters"), "{e}");
    assert!(e.len() < 200, "{e}");
}

#[test]
fn a_long_bad_kind_is_cut_in_the_message() {
    let csv = format!("section,name,kind,2026\ncost,A,{},1\n", "k".repeat(5000));
    let e = read_csv(csv.as_bytes(), "w.csv", None).expect_err("bad kind").to_string();
    assert!(e.len() < 200, "{e}");
    assert!(e.contains("…\" is not a cost kind"), "{e}");
}

#[test]
fn too_many_rows_and_too_large_a_file() {
    let mut csv = "section,name,kind,2026\n".to_owned();
    for i in 0..10_001 {
        csv.push_str(&format!("cost,L{i},capex,1\n"));
    }
    let e = read_csv(csv.as_bytes(), "r.csv", None).expect_err("rows").to_string();
    assert_eq!(e, "r.csv row 10001: more than 10000 rows, the import limit");
    let big = vec![b'a'; yeta_xlsx::limits::MAX_FILE_BYTES + 1];
    let e = read_csv(&big, "b.csv", None).expect_err("size").to_string();
    assert!(e.starts_with("b.csv: 33554433 bytes, more than the import limit"), "{e}");
}

/// Found by tests/mutate.rs: calamine's reference parser overflows on an over-long reference
/// (debug: a panic; release: a wrapped, wrong position), and on a range whose end is before its
/// start. Each is refused before calamine reads the sheet.
#[test]
fn overlong_and_reversed_references_are_refused() {
    for (rows, shown) in [
        (r#"<row r="3"><c r="A99999999999"><v>1</v></c></row>"#, "A99999999999"),
        (r#"<row r="3"><c r="AAAAAAAAAAAAA3"><v>1</v></c></row>"#, "AAAAAAAAAAAAA3"),
        (r#"<row r="42949672961"><c><v>1</v></c></row>"#, "42949672961"),
        (r#"<row r="3"><c r="XFE3"><v>1</v></c></row>"#, "XFE3"),
        (r#"<row r="3"><c r="C3"><f t="shared" ref="C9:C3" si="0">1</f><v>1</v></c></row>"#, "C9:C3"),
    ] {
        let (e, _) = refused(&xlsx(&head(rows), &[]));
        assert_eq!(
            e,
            format!(
                "the workbook's part xl/worksheets/sheet1.xml: \"{shown}\" is not a cell or range of Excel's grid (A1 to \
                 XFD1048576)"
            )
        );
    }
    let dim = head("").replace("<row r=\"1\">", "<row r=\"1\" spans=\"1:4\">");
    assert!(read_workbook(&xlsx(&dim, &[]), None, None).is_ok());
}
