//! Traceable region tables (출처를 밝힌 지역 자료표): versioned CSV files in which every data column
//! names its source — table name and id, publisher, vintage — and its unit, in metadata rows.
//!
//! ```text
//! #yeta-table,sigungu-indicators,2026.1        kind and version
//! #status,illustrative                          or `cited`, with a `#citation,…` line
//! #title,<Korean title>,<English title>
//! code,name,name_en,population_growth_pct,…    the header
//! #unit,,,%,…                                   one metadata row per attribute, cell by column
//! #table,,,주민등록인구현황,…
//! #table_en,,,Resident registration population,…
//! #table_id,,,DT_…,…                            may be empty: the report then shows "—"
//! #publisher,,,행정안전부,…
//! #publisher_en,,,Ministry of the Interior and Safety,…
//! #vintage,,,2022,…
//! 43150,충청북도 제천시,Jecheon-si (Chungbuk),-0.8,…
//! ```
//!
//! The engine parses text ([`DataTable::parse`]); the shell reads the file. Every problem is a
//! [`Diagnostic`] naming the line and the column, rendered from the message catalog.

use crate::diag::{Code, Diagnostic};
use crate::study::Region;
use serde::Serialize;

/// The metadata rows every data column must fill.
pub const META: [&str; 7] = ["unit", "table", "table_en", "table_id", "publisher", "publisher_en", "vintage"];

/// Whether the values are published figures or stand-ins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Approximations of the right order of magnitude: shown as illustrative (예시 자료).
    Illustrative,
    /// Figures copied from the cited publication (`#citation`).
    Cited,
}

/// Where one data column comes from (출처).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnSource {
    /// Column id.
    pub column: String,
    /// Unit as the file declares it.
    pub unit: String,
    /// Source table, Korean name.
    pub table: String,
    /// Source table, English name.
    pub table_en: String,
    /// The publisher's table id (KOSIS/ECOS); may be empty.
    pub table_id: String,
    /// Publisher, Korean.
    pub publisher: String,
    /// Publisher, English.
    pub publisher_en: String,
    /// Reference year or release.
    pub vintage: String,
}

/// A table's identity and provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableInfo {
    /// Kind (`sigungu-indicators`, `io-two-region`, `cost-io-map`).
    pub kind: String,
    /// The file's version.
    pub version: String,
    /// Illustrative or cited.
    pub status: Status,
    /// The citation of a cited table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Korean title.
    pub title: String,
    /// English title.
    pub title_en: String,
    /// Shipped with Yeta (`true`) or the user's.
    pub builtin: bool,
    /// Sources of the data columns.
    pub sources: Vec<ColumnSource>,
}

/// What the code column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// A KOSTAT 시·군·구 code (행정구역분류, five digits).
    Sigungu,
    /// An ISO 3166-2:KR 시·도 code.
    Region,
    /// A total-cost class (비목) or an `unclassified_…` key of a cost map.
    CostClass,
}

/// One column a table kind requires: a data column has a unit, a text column none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSpec {
    /// Column id.
    pub id: String,
    /// The unit the method expects; `None` for a text column.
    pub unit: Option<String>,
}

/// What a table kind must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    /// Kind, as the file's first line names it.
    pub kind: &'static str,
    /// The column holding codes, and which codes.
    pub code: (&'static str, CodeKind),
    /// Columns whose values together must be unique in the table.
    pub key: Vec<&'static str>,
    /// Required columns besides the code column.
    pub columns: Vec<ColumnSpec>,
}

/// A parsed, checked table: the spec's columns in spec order.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    /// Provenance.
    pub info: TableInfo,
    /// Rows: the code, then the spec's columns' cells (text), in spec order.
    pub rows: Vec<Row>,
}

/// One row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Line in the file (1-based).
    pub line: usize,
    /// The code cell.
    pub code: String,
    /// The spec's columns' cells.
    pub cells: Vec<String>,
}

impl Row {
    /// A data cell as a number (checked at parse time).
    pub fn num(&self, j: usize) -> f64 {
        self.cells.get(j).and_then(|c| c.parse::<f64>().ok()).unwrap_or(f64::NAN)
    }

    /// A data cell as a Decimal (checked at parse time).
    pub fn dec(&self, j: usize) -> rust_decimal::Decimal {
        self.cells.get(j).and_then(|c| c.parse().ok()).unwrap_or_default()
    }
}

/// Splits one CSV line, honouring double quotes.
pub fn split_csv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|s| s.trim().to_owned()).collect()
}

/// A cell as a diagnostic may quote it: at most 40 characters.
fn short(s: &str) -> String {
    if s.chars().count() > 40 { s.chars().take(40).collect::<String>() + "…" } else { s.to_owned() }
}

/// A KOSTAT 시·군·구 code is well formed: five digits, the first two a 시·도 prefix, the last three
/// not `000` (that is the 시·도 itself). Returns the 시·도.
pub fn sigungu_region(code: &str) -> Option<Region> {
    if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) || code.ends_with("000") {
        return None;
    }
    Region::ALL.iter().copied().find(|r| r.kostat_prefixes().iter().any(|p| code.starts_with(p)))
}

fn missing(cell: &str) -> bool {
    matches!(cell, "" | "-" | "NA" | "N/A" | "…" | "..")
}

/// The kind and version a table's first line names (`#yeta-table,KIND,VERSION`).
pub fn kind_of(text: &str) -> Option<(String, String)> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    let c = split_csv(first);
    (c.first().map(String::as_str) == Some("#yeta-table"))
        .then(|| (c.get(1).cloned().unwrap_or_default(), c.get(2).cloned().unwrap_or_default()))
}

impl DataTable {
    /// Parses and checks a table against its spec. Every problem found is returned (not only the
    /// first), each naming its line and column; any problem refuses the table.
    pub fn parse(text: &str, spec: &TableSpec, builtin: bool) -> Result<Self, Vec<Diagnostic>> {
        let mut errs = Vec::new();
        let at = |code: Code, line: usize, column: &str| {
            Diagnostic::new(code, column.to_owned()).int("line", line as i64).text("column", column.to_owned())
        };
        let Some((kind, version)) = kind_of(text) else {
            return Err(vec![Diagnostic::new(Code::DataNotATable, "").text("want", spec.kind)]);
        };
        if kind != spec.kind {
            return Err(vec![
                Diagnostic::new(Code::DataWrongKind, "").text("value", short(&kind)).text("want", spec.kind),
            ]);
        }
        let mut status = Status::Illustrative;
        let mut citation = None;
        let (mut title, mut title_en) = (String::new(), String::new());
        let mut header: Option<(usize, Vec<String>)> = None;
        let mut meta: Vec<(usize, String, Vec<String>)> = Vec::new();
        let mut body: Vec<(usize, Vec<String>)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            if line.trim().is_empty() {
                continue;
            }
            let cells = split_csv(line);
            let first = cells.first().map(String::as_str).unwrap_or("");
            if let Some(key) = first.strip_prefix('#') {
                let val = |i: usize| cells.get(i).cloned().unwrap_or_default();
                match key {
                    "yeta-table" => {}
                    "status" => match val(1).as_str() {
                        "illustrative" => status = Status::Illustrative,
                        "cited" => status = Status::Cited,
                        other => errs.push(at(Code::DataBadStatus, n, "#status").text("value", short(other))),
                    },
                    "citation" => citation = Some(val(1)).filter(|s| !s.is_empty()),
                    "title" => (title, title_en) = (val(1), val(2)),
                    k if META.contains(&k) => meta.push((n, k.to_owned(), cells)),
                    _ => {} // a comment
                }
                continue;
            }
            if header.is_none() {
                header = Some((n, cells));
            } else {
                body.push((n, cells));
            }
        }
        if status == Status::Cited && citation.is_none() {
            errs.push(at(Code::DataNoCitation, 1, "#citation"));
        }
        let Some((hline, header)) = header else {
            errs.push(at(Code::DataMissingColumn, 1, spec.code.0));
            return Err(errs);
        };
        let find = |id: &str| header.iter().position(|h| h == id);
        let code_col = find(spec.code.0);
        if code_col.is_none() {
            errs.push(at(Code::DataMissingColumn, hline, spec.code.0));
        }
        let cols: Vec<Option<usize>> = spec
            .columns
            .iter()
            .map(|c| {
                let i = find(&c.id);
                if i.is_none() {
                    errs.push(at(Code::DataMissingColumn, hline, &c.id));
                }
                i
            })
            .collect();
        let Some(code_col) = code_col else { return Err(errs) };
        // Metadata of every data column: the unit must be the declared one, the source complete.
        let mut sources = Vec::new();
        for (c, i) in spec.columns.iter().zip(&cols) {
            let (Some(unit), Some(i)) = (&c.unit, i) else { continue };
            let mut src = ColumnSource {
                column: c.id.clone(),
                unit: String::new(),
                table: String::new(),
                table_en: String::new(),
                table_id: String::new(),
                publisher: String::new(),
                publisher_en: String::new(),
                vintage: String::new(),
            };
            for key in META {
                let row = meta.iter().find(|(_, k, _)| k == key);
                let cell = row.and_then(|(_, _, cells)| cells.get(*i)).cloned().unwrap_or_default();
                let line = row.map_or(hline, |(n, _, _)| *n);
                if cell.is_empty() && key != "table_id" {
                    errs.push(at(Code::DataMissingSource, line, &c.id).text("field", key));
                }
                match key {
                    "unit" => {
                        if !cell.is_empty() && cell != *unit {
                            errs.push(
                                at(Code::DataUnitMismatch, line, &c.id)
                                    .text("want", unit.clone())
                                    .text("value", short(&cell)),
                            );
                        }
                        src.unit = cell;
                    }
                    "table" => src.table = cell,
                    "table_en" => src.table_en = cell,
                    "table_id" => src.table_id = cell,
                    "publisher" => src.publisher = cell,
                    "publisher_en" => src.publisher_en = cell,
                    _ => src.vintage = cell,
                }
            }
            sources.push(src);
        }
        let mut rows: Vec<Row> = Vec::new();
        let key_idx: Vec<Option<usize>> =
            spec.key.iter().map(|k| if *k == spec.code.0 { Some(code_col) } else { find(k) }).collect();
        let mut seen: Vec<Vec<String>> = Vec::new();
        for (n, cells) in body {
            let get = |i: usize| cells.get(i).cloned().unwrap_or_default();
            let code = get(code_col);
            let ok = match spec.code.1 {
                CodeKind::Sigungu => sigungu_region(&code).is_some(),
                CodeKind::Region => Region::from_code(&code).is_some(),
                CodeKind::CostClass => super::io2::map_keys().contains(&code.as_str()),
            };
            if !ok {
                let c = match spec.code.1 {
                    CodeKind::Sigungu => Code::DataBadSigunguCode,
                    CodeKind::Region => Code::DataBadRegionCode,
                    CodeKind::CostClass => Code::DataBadCostClass,
                };
                errs.push(at(c, n, spec.code.0).text("value", short(&code)));
            }
            let key: Vec<String> = key_idx.iter().map(|i| i.map(get).unwrap_or_default()).collect();
            if seen.contains(&key) {
                errs.push(
                    at(Code::DataDuplicateKey, n, spec.key.first().copied().unwrap_or(""))
                        .text("value", short(&key.join(", "))),
                );
            } else {
                seen.push(key);
            }
            let mut out = Vec::with_capacity(cols.len());
            for (c, i) in spec.columns.iter().zip(&cols) {
                let cell = i.map(get).unwrap_or_default();
                if c.unit.is_some() {
                    if missing(&cell) {
                        errs.push(at(Code::DataMissingValue, n, &c.id));
                    } else if !cell.parse::<f64>().is_ok_and(f64::is_finite)
                        || cell.parse::<rust_decimal::Decimal>().is_err()
                    {
                        errs.push(at(Code::DataNotANumber, n, &c.id).text("value", short(&cell)));
                    }
                }
                out.push(cell);
            }
            rows.push(Row { line: n, code, cells: out });
        }
        if rows.is_empty() {
            errs.push(at(Code::DataNoRows, hline, spec.code.0));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Self { info: TableInfo { kind, version, status, citation, title, title_en, builtin, sources }, rows })
    }

    /// The index of a spec column.
    pub fn col(spec: &TableSpec, id: &str) -> Option<usize> {
        spec.columns.iter().position(|c| c.id == id)
    }
}

/// How much of the country a 시·군·구 table covers (수록 범위): rows by 시·도.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Rows in the table.
    pub rows: usize,
    /// Each 시·도 with rows, and how many.
    pub by_region: Vec<(Region, usize)>,
    /// The 시·도 without any row.
    pub missing: Vec<Region>,
}

/// The coverage of a 시·군·구 table.
pub fn coverage(t: &DataTable) -> Coverage {
    let mut by_region = Vec::new();
    let mut missing = Vec::new();
    for r in Region::ALL {
        let n = t.rows.iter().filter(|x| sigungu_region(&x.code) == Some(r)).count();
        if n == 0 { missing.push(r) } else { by_region.push((r, n)) }
    }
    Coverage { rows: t.rows.len(), by_region, missing }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> TableSpec {
        TableSpec {
            kind: "sigungu-indicators",
            code: ("code", CodeKind::Sigungu),
            key: vec!["code"],
            columns: vec![
                ColumnSpec { id: "name".into(), unit: None },
                ColumnSpec { id: "x".into(), unit: Some("%".into()) },
            ],
        }
    }

    const META_ROWS: &str =
        "#unit,,%\n#table,,T\n#table_en,,T\n#table_id,,\n#publisher,,P\n#publisher_en,,P\n#vintage,,2022\n";

    #[test]
    fn a_good_table_parses_with_its_sources() {
        let text = format!("#yeta-table,sigungu-indicators,1\ncode,name,x\n{META_ROWS}43150,제천시,1.5\n");
        let t = DataTable::parse(&text, &spec(), false).expect("parses");
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].num(1), 1.5);
        assert_eq!(t.info.sources[0].vintage, "2022");
        assert_eq!(t.info.status, Status::Illustrative);
    }

    /// A wrong code and a wrong unit are refused naming the line and the column.
    #[test]
    fn a_wrong_code_or_unit_is_refused_with_row_and_column() {
        let text = format!(
            "#yeta-table,sigungu-indicators,1\ncode,name,x\n{}43150,제천시,1.5\n99150,없음,2\n43000,충북,\n",
            META_ROWS.replace("#unit,,%", "#unit,,persons")
        );
        let e = DataTable::parse(&text, &spec(), false).expect_err("refused");
        let find = |c: Code| e.iter().find(|d| d.code == c).unwrap_or_else(|| panic!("{c:?} in {e:?}"));
        let unit = find(Code::DataUnitMismatch);
        assert_eq!(unit.get("line"), Some(&crate::diag::Arg::Integer(3)));
        assert_eq!(unit.get("column"), Some(&crate::diag::Arg::Text("x".into())));
        assert_eq!(unit.get("value"), Some(&crate::diag::Arg::Text("persons".into())));
        let bad: Vec<_> = e.iter().filter(|d| d.code == Code::DataBadSigunguCode).collect();
        assert_eq!(bad.len(), 2, "99150 (no such 시·도) and 43000 (the 시·도 itself)");
        assert_eq!(bad[0].get("line"), Some(&crate::diag::Arg::Integer(11)));
        assert_eq!(bad[0].get("column"), Some(&crate::diag::Arg::Text("code".into())));
        let miss = find(Code::DataMissingValue);
        assert_eq!(miss.get("line"), Some(&crate::diag::Arg::Integer(12)));
    }

    #[test]
    fn codes_are_checked_against_the_provinces() {
        assert_eq!(sigungu_region("43150"), Some(Region::Chungbuk));
        assert_eq!(sigungu_region("51750"), Some(Region::Gangwon));
        assert_eq!(sigungu_region("42750"), Some(Region::Gangwon), "the old Gangwon prefix");
        assert_eq!(sigungu_region("43000"), None);
        assert_eq!(sigungu_region("99110"), None);
        assert_eq!(sigungu_region("4315"), None);
    }

    #[test]
    fn csv_quotes() {
        assert_eq!(split_csv(r#"a,"b, c",d"#), vec!["a", "b, c", "d"]);
    }
}
