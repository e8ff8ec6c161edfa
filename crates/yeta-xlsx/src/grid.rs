//! A sheet as a grid of cells, read from CSV or XLSX, that names its cells the way a spreadsheet
//! user would look for them.

use crate::Error;
use calamine::{Data, Reader};
use rust_decimal::Decimal;
use std::fmt;
use std::io::Cursor;
use std::str::FromStr;

/// One cell's content, before any meaning is given to it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Int(i64),
    /// A date, a boolean or an error value: never an amount; the string says which.
    Other(String),
}

impl Cell {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user sees it, for messages.
    pub(crate) fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(f) => format!("{f}"),
            Cell::Int(i) => i.to_string(),
            Cell::Other(s) => s.clone(),
        }
    }

    /// Parses an amount exactly. Text: a plain decimal, optionally with thousands commas
    /// (`12,500,000` as Excel's CSV export writes a formatted cell). Number: through the shortest
    /// decimal string that reads back as the same double (`{}` of f64 never uses an exponent),
    /// which is the number the user typed whenever it had at most 15 significant digits.
    pub(crate) fn decimal(&self) -> Result<Option<Decimal>, String> {
        let not_a_number = || format!("\"{}\" is not a number", self.shown());
        match self {
            c if c.is_empty() => Ok(None),
            Cell::Int(i) => Ok(Some(Decimal::from(*i))),
            Cell::Number(f) if f.is_finite() => Decimal::from_str(&format!("{f}"))
                .map(Some)
                .map_err(|_| format!("{f} is out of the range of a decimal amount")),
            Cell::Text(t) => {
                let t = t.trim();
                let plain = if grouped(t) { t.replace(',', "") } else { t.to_owned() };
                yeta_core::study::money::parse_decimal(&plain).map(Some).map_err(|_| not_a_number())
            }
            _ => Err(not_a_number()),
        }
    }

    /// A whole number such as a year: an integer cell, an integral number cell or digits.
    pub(crate) fn integer(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e9 => Some(*f as i64),
            Cell::Text(t) => t.trim().parse().ok(),
            _ => None,
        }
    }
}

/// `1,234,567.5`: commas only between groups of three digits.
fn grouped(t: &str) -> bool {
    let body = t.strip_prefix('-').unwrap_or(t);
    let int = body.split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split(',').collect();
    groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// Where a grid came from: decides how a cell is named.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    /// A CSV file, by the name the caller gave.
    Csv(String),
    /// A worksheet, by its name.
    Sheet(String),
}

/// A rectangle of cells from A1, rows of equal length.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grid {
    pub source: Source,
    pub cells: Vec<Vec<Cell>>,
}

/// A problem at one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The cell as Excel names it (`Sheet1!D7`, `costs.csv row 7, column D`).
    pub at: String,
    /// What is wrong, with the cell's content.
    pub message: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub(crate) fn column_name(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

impl Grid {
    pub(crate) fn rows(&self) -> usize {
        self.cells.len()
    }

    pub(crate) fn cols(&self) -> usize {
        self.cells.first().map_or(0, Vec::len)
    }

    pub(crate) fn get(&self, row: usize, col: usize) -> &Cell {
        self.cells.get(row).and_then(|r| r.get(col)).unwrap_or(&Cell::Empty)
    }

    /// The name of a 0-based cell: `Sheet1!D7`, `'Cash flow'!A1`, `costs.csv row 7, column D`.
    pub(crate) fn name(&self, row: usize, col: usize) -> String {
        match &self.source {
            Source::Csv(file) => format!("{file} row {}, column {}", row + 1, column_name(col)),
            Source::Sheet(s) if s.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                format!("{s}!{}{}", column_name(col), row + 1)
            }
            Source::Sheet(s) => format!("'{}'!{}{}", s.replace('\'', "''"), column_name(col), row + 1),
        }
    }

    pub(crate) fn error(&self, row: usize, col: usize, message: impl Into<String>) -> CellError {
        CellError { at: self.name(row, col), message: message.into() }
    }

    fn padded(source: Source, mut cells: Vec<Vec<Cell>>) -> Grid {
        // Trailing empty rows and columns carry nothing; drop them so "the last column" is real.
        while cells.last().is_some_and(|r| r.iter().all(Cell::is_empty)) {
            cells.pop();
        }
        let width = cells.iter().map(|r| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1)).max().unwrap_or(0);
        for r in &mut cells {
            r.resize(width, Cell::Empty);
        }
        Grid { source, cells }
    }

    /// Reads a CSV (UTF-8, a leading byte-order mark allowed). Comma-separated, unless the first
    /// line has no comma but semicolons or tabs, as Excel writes CSV in locales whose decimal
    /// mark is a comma. `file` names it in messages.
    pub(crate) fn from_csv(bytes: &[u8], file: &str) -> Result<Grid, Error> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let delimiter = match (first.contains(&b','), first.contains(&b';'), first.contains(&b'\t')) {
            (false, true, _) => b';',
            (false, false, true) => b'\t',
            _ => b',',
        };
        let mut reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(bytes);
        let mut cells = Vec::new();
        for (i, rec) in reader.byte_records().enumerate() {
            let rec = rec.map_err(|e| Error::Read(format!("{file}: {e}")))?;
            let row = rec
                .iter()
                .enumerate()
                .map(|(j, field)| match std::str::from_utf8(field) {
                    Ok(t) if t.trim().is_empty() => Ok(Cell::Empty),
                    // Where `;` separates, a comma may be the decimal mark: "1,500" could be 1.5,
                    // so such a field is never read as a number (as a name it still reads).
                    Ok(t) if delimiter != b',' && t.contains(',') => Ok(Cell::Other(t.to_owned())),
                    Ok(t) => Ok(Cell::Text(t.to_owned())),
                    Err(_) => Err(Error::Read(format!(
                        "{file} row {}, column {}: not UTF-8 text; save the sheet as \"CSV UTF-8\" (Excel) or \
                         choose UTF-8 as the character set",
                        i + 1,
                        column_name(j)
                    ))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            cells.push(row);
        }
        Ok(Grid::padded(Source::Csv(file.to_owned()), cells))
    }

    /// Reads one worksheet of a workbook (XLSX, XLSM, XLSB, XLS or ODS, told from its bytes): the
    /// one named, else a sheet called `Lines` (what Yeta's export writes), else the first.
    pub(crate) fn from_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, Error> {
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|e| Error::Read(format!("not a workbook Yeta can read (XLSX, XLSM, XLSB, XLS or ODS): {e}")))?;
        let names = book.sheet_names();
        let name = match sheet {
            Some(s) => names.iter().find(|n| n.as_str() == s).cloned().ok_or_else(|| {
                Error::Read(format!("no sheet \"{s}\" in the workbook; its sheets are: {}", names.join(", ")))
            })?,
            None => names
                .iter()
                .find(|n| n.as_str() == crate::export::LINES_SHEET)
                .or_else(|| names.first())
                .cloned()
                .ok_or_else(|| Error::Read("the workbook has no sheets".into()))?,
        };
        let range = book.worksheet_range(&name).map_err(|e| Error::Read(format!("sheet \"{name}\": {e}")))?;
        // A range starts at its first used cell, not at A1: place it where Excel shows it.
        let (r0, c0) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut cells = vec![Vec::new(); r0];
        for row in range.rows() {
            let mut out = vec![Cell::Empty; c0];
            out.extend(row.iter().map(|d| match d {
                Data::Empty => Cell::Empty,
                Data::String(s) => Cell::Text(s.clone()),
                Data::Float(f) => Cell::Number(*f),
                Data::Int(i) => Cell::Int(*i),
                Data::Bool(b) => Cell::Other(format!("{} (a boolean)", if *b { "TRUE" } else { "FALSE" })),
                Data::DateTime(_) | Data::DateTimeIso(_) => Cell::Other(format!("{d} (a date)")),
                Data::DurationIso(_) => Cell::Other(format!("{d} (a duration)")),
                Data::Error(e) => Cell::Other(format!("{e} (an error value)")),
            }));
            cells.push(out);
        }
        Ok(Grid::padded(Source::Sheet(name), cells))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_like_excel() {
        let names: Vec<String> = [0, 3, 25, 26, 27, 51, 52, 701, 702].iter().map(|&c| column_name(c)).collect();
        assert_eq!(names, ["A", "D", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn amounts_parse_exactly_and_junk_is_named() {
        let d = |s: &str| Decimal::from_str(s).ok();
        assert_eq!(Cell::Number(0.1).decimal(), Ok(d("0.1")));
        assert_eq!(Cell::Number(12_500_000_000.0).decimal(), Ok(d("12500000000")));
        assert_eq!(Cell::Text(" 12,500,000.5 ".into()).decimal(), Ok(d("12500000.5")));
        assert_eq!(Cell::Text("-1,000".into()).decimal(), Ok(d("-1000")));
        assert_eq!(Cell::Empty.decimal(), Ok(None));
        assert_eq!(Cell::Text("12a".into()).decimal(), Err("\"12a\" is not a number".into()));
        assert_eq!(Cell::Text("1,23".into()).decimal(), Err("\"1,23\" is not a number".into()));
        assert!(Cell::Other("TRUE (a boolean)".into()).decimal().is_err());
    }

    #[test]
    fn semicolons_and_tabs_separate_when_the_header_has_no_comma() {
        for text in ["section;name;kind;2026\ncost;A;capex;1\n", "section\tname\tkind\t2026\ncost\tA\tcapex\t1\n"] {
            let g = Grid::from_csv(text.as_bytes(), "x.csv").expect("reads");
            assert_eq!((g.rows(), g.cols()), (2, 4), "{text:?}");
            assert_eq!(g.get(1, 3), &Cell::Text("1".into()));
        }
        let g = Grid::from_csv("section;name;kind;2026\ncost;A, B;capex;1,500\n".as_bytes(), "x.csv").expect("reads");
        assert_eq!(g.get(1, 1).shown(), "A, B");
        assert_eq!(g.get(1, 3).decimal(), Err("\"1,500\" is not a number".into()));
    }

    #[test]
    fn sheet_names_with_spaces_are_quoted() {
        let g = Grid { source: Source::Sheet("Cash flow".into()), cells: vec![] };
        assert_eq!(g.name(6, 3), "'Cash flow'!D7");
        let g = Grid { source: Source::Csv("costs.csv".into()), cells: vec![] };
        assert_eq!(g.name(0, 4), "costs.csv row 1, column E");
    }
}
