//! A sheet as a grid of cells, read from CSV or XLSX, that names its cells the way a spreadsheet
//! user would look for them.

use crate::Error;
use crate::limits::{MAX_CELL_CHARS, MAX_COLS, MAX_FILE_BYTES, MAX_GRID_CELLS, MAX_PART_BYTES, MAX_ROWS, brief};
use calamine::{Data, DataRef, Reader};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{Cursor, Read};
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

    /// The cell for a message: at most [`crate::limits::SHOWN_CHARS`] characters, then `…`.
    pub(crate) fn brief(&self) -> String {
        brief(&self.shown())
    }

    /// Parses an amount exactly. Text: a plain decimal, optionally with thousands commas
    /// (`12,500,000` as Excel's CSV export writes a formatted cell). Number: through the shortest
    /// decimal string that reads back as the same double (`{}` of f64 never uses an exponent),
    /// which is the number the user typed whenever it had at most 15 significant digits.
    pub(crate) fn decimal(&self) -> Result<Option<Decimal>, String> {
        let not_a_number = || format!("\"{}\" is not a number", self.brief());
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
            Cell::Text(t) => {
                let t = t.trim();
                t.strip_suffix('년').unwrap_or(t).trim().parse().ok()
            }
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
    /// mark is a comma. `file` names it in messages. Refused past [`MAX_FILE_BYTES`], a row past
    /// [`MAX_ROWS`], a used field past [`MAX_COLS`], a field longer than [`MAX_CELL_CHARS`].
    pub(crate) fn from_csv(bytes: &[u8], file: &str) -> Result<Grid, Error> {
        check_size(file, bytes.len())?;
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
        let mut width = 0usize;
        for (i, rec) in reader.byte_records().enumerate() {
            let rec = rec.map_err(|e| Error::Read(brief_long(&format!("{file}: {e}"))))?;
            // Only fields up to the last one holding anything count (Excel pads rows with commas).
            let used = rec.iter().rposition(|f| !f.iter().all(u8::is_ascii_whitespace)).map_or(0, |j| j + 1);
            if used == 0 {
                cells.push(Vec::new());
                continue;
            }
            if i >= MAX_ROWS {
                return Err(Error::Limit(format!("{file} row {}: more than {MAX_ROWS} rows, the import limit", i + 1)));
            }
            if used > MAX_COLS {
                return Err(Error::Limit(format!(
                    "{file} row {}: a value in column {} ({used} fields), past the import limit of {MAX_COLS} columns",
                    i + 1,
                    column_name(used - 1)
                )));
            }
            width = width.max(used);
            if (i + 1).saturating_mul(width) > MAX_GRID_CELLS {
                return Err(Error::Limit(format!(
                    "{file} row {}: the sheet would be {} rows × {width} columns, more than the import limit of \
                     {MAX_GRID_CELLS} cells",
                    i + 1,
                    i + 1
                )));
            }
            let row = rec
                .iter()
                .take(used)
                .enumerate()
                .map(|(j, field)| match std::str::from_utf8(field) {
                    Ok(t) if t.chars().count() > MAX_CELL_CHARS => Err(Error::Limit(format!(
                        "{file} row {}, column {}: {} characters, more than the limit of {MAX_CELL_CHARS} for a cell \
                         (\"{}\")",
                        i + 1,
                        column_name(j),
                        t.chars().count(),
                        brief(t)
                    ))),
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
    ///
    /// The file is untrusted: it is refused past [`MAX_FILE_BYTES`]; a ZIP-based workbook (XLSX,
    /// XLSM, XLSB, ODS) also when any part unpacks to more than [`MAX_PART_BYTES`] (checked by
    /// unpacking, not by the sizes the archive claims). XLSX and XLSB sheets are streamed cell by
    /// cell, so a cell at XFD1048576 is refused before any grid is built; the declared
    /// `<dimension>` is not trusted. A formula cell without a cached value is an error naming it.
    pub(crate) fn from_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, Error> {
        check_size("the workbook", bytes.len())?;
        if bytes.starts_with(b"PK") {
            check_zip(bytes)?;
        }
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
            Error::Read(brief_long(&format!("not a workbook Yeta can read (XLSX, XLSM, XLSB, XLS or ODS): {e}")))
        })?;
        let names = book.sheet_names();
        let name = match sheet {
            Some(s) => names.iter().find(|n| n.as_str() == s).cloned().ok_or_else(|| {
                Error::Read(format!(
                    "no sheet \"{}\" in the workbook; its sheets are: {}",
                    brief(s),
                    brief_long(&names.join(", "))
                ))
            })?,
            None => names
                .iter()
                .find(|n| n.as_str() == crate::export::LINES_SHEET)
                .or_else(|| names.first())
                .cloned()
                .ok_or_else(|| Error::Read("the workbook has no sheets".into()))?,
        };
        let source = Source::Sheet(name.clone());
        let namer = Grid { source: source.clone(), cells: Vec::new() };
        let sheet_err = |e: &dyn fmt::Display| Error::Read(brief_long(&format!("sheet \"{}\": {e}", brief(&name))));
        let mut sparse = Sparse::new(&namer);
        match &mut book {
            calamine::Sheets::Xlsx(x) => {
                let mut rd = x.worksheet_cells_reader(&name).map_err(|e| sheet_err(&e))?;
                while let Some(c) = rd.next_cell_with_formula().map_err(|e| sheet_err(&e))? {
                    let (r, col) = (c.pos.0 as usize, c.pos.1 as usize);
                    if let (DataRef::Empty, Some(f)) = (&c.value, &c.formula)
                        && !f.trim().is_empty()
                    {
                        return Err(Error::Cells(vec![namer.error(
                            r,
                            col,
                            format!(
                                "formula ={} has no cached value; open and save the file in Excel or LibreOffice first",
                                brief(f)
                            ),
                        )]));
                    }
                    sparse.put(r, col, cell_of(&c.value))?;
                }
            }
            calamine::Sheets::Xlsb(x) => {
                let mut rd = x.worksheet_cells_reader(&name).map_err(|e| sheet_err(&e))?;
                while let Some(c) = rd.next_cell().map_err(|e| sheet_err(&e))? {
                    let (r, col) = c.get_position();
                    sparse.put(r as usize, col as usize, cell_of(c.get_value()))?;
                }
            }
            other => {
                // XLS and ODS: calamine builds the range while opening or reading; XLS is bounded
                // by its format (65,536 × 256), ODS by the unpacked-size check above.
                let range = other.worksheet_range(&name).map_err(|e| sheet_err(&e))?;
                let (r0, c0) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
                for (i, row) in range.rows().enumerate() {
                    for (j, d) in row.iter().enumerate() {
                        sparse.put(r0 + i, c0 + j, cell_of_data(d))?;
                    }
                }
            }
        }
        Ok(Grid::padded(source, sparse.dense()))
    }
}

/// Non-empty cells by position, checked against the limits as they arrive.
struct Sparse<'a> {
    namer: &'a Grid,
    cells: BTreeMap<(usize, usize), Cell>,
    rows: usize,
    cols: usize,
}

impl<'a> Sparse<'a> {
    fn new(namer: &'a Grid) -> Self {
        Sparse { namer, cells: BTreeMap::new(), rows: 0, cols: 0 }
    }

    fn put(&mut self, r: usize, c: usize, cell: Cell) -> Result<(), Error> {
        if cell.is_empty() {
            return Ok(()); // a formatted empty cell far out carries nothing
        }
        let limit = |m: String| Error::Limit(format!("{}: {m}", self.namer.name(r, c)));
        if r >= MAX_ROWS || c >= MAX_COLS {
            return Err(limit(format!(
                "a value beyond the import limit of {MAX_ROWS} rows × {MAX_COLS} columns (up to {})",
                self.namer.name(MAX_ROWS - 1, MAX_COLS - 1).rsplit('!').next().unwrap_or_default()
            )));
        }
        if let Cell::Text(t) | Cell::Other(t) = &cell {
            let n = t.chars().count();
            if n > MAX_CELL_CHARS {
                return Err(limit(format!(
                    "{n} characters, more than the limit of {MAX_CELL_CHARS} for a cell (\"{}\")",
                    brief(t)
                )));
            }
        }
        let (rows, cols) = (self.rows.max(r + 1), self.cols.max(c + 1));
        if rows.saturating_mul(cols) > MAX_GRID_CELLS {
            return Err(limit(format!(
                "the used range would be {rows} rows × {cols} columns, more than the import limit of \
                 {MAX_GRID_CELLS} cells"
            )));
        }
        (self.rows, self.cols) = (rows, cols);
        self.cells.insert((r, c), cell);
        Ok(())
    }

    fn dense(self) -> Vec<Vec<Cell>> {
        let mut out = vec![vec![Cell::Empty; self.cols]; self.rows];
        for ((r, c), cell) in self.cells {
            if let Some(slot) = out.get_mut(r).and_then(|row| row.get_mut(c)) {
                *slot = cell;
            }
        }
        out
    }
}

fn cell_of(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Bool(b) => Cell::Other(format!("{} (a boolean)", if *b { "TRUE" } else { "FALSE" })),
        other => cell_of_data(&Data::from(other.clone())),
    }
}

fn cell_of_data(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Int(*i),
        Data::Bool(b) => Cell::Other(format!("{} (a boolean)", if *b { "TRUE" } else { "FALSE" })),
        Data::DateTime(_) | Data::DateTimeIso(_) => Cell::Other(format!("{d} (a date)")),
        Data::DurationIso(_) => Cell::Other(format!("{d} (a duration)")),
        Data::Error(e) => Cell::Other(format!("{e} (an error value)")),
    }
}

fn check_size(what: &str, len: usize) -> Result<(), Error> {
    if len > MAX_FILE_BYTES {
        return Err(Error::Limit(format!("{what}: {len} bytes, more than the import limit of {MAX_FILE_BYTES} bytes")));
    }
    Ok(())
}

/// Unpacks every part of a ZIP (to nowhere), refusing one that grows past [`MAX_PART_BYTES`]:
/// a few kilobytes can claim, or hold, gigabytes.
fn check_zip(bytes: &[u8]) -> Result<(), Error> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not a ZIP after all: calamine says what it is not
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else { continue };
        let full = part.name().map(|n| n.into_owned()).unwrap_or_else(|_| format!("#{i}"));
        let name = brief(&full);
        let limit = MAX_PART_BYTES as u64;
        let bomb = |n: u64| {
            Error::Limit(format!(
                "the workbook's part {name} unpacks to {n} bytes or more, past the import limit of {limit} bytes"
            ))
        };
        if part.size() > limit {
            return Err(bomb(part.size()));
        }
        let xml = full.to_ascii_lowercase().ends_with(".xml");
        let mut body = Vec::new();
        let n = if xml {
            (&mut part).take(limit + 1).read_to_end(&mut body).map_or(body.len() as u64, |n| n as u64)
        } else {
            std::io::copy(&mut (&mut part).take(limit + 1), &mut std::io::sink()).unwrap_or(0)
        };
        if n > limit {
            return Err(bomb(n));
        }
        if xml {
            check_refs(&name, &body)?;
        }
        total += n;
        if total > 4 * limit {
            return Err(Error::Limit(format!(
                "the workbook unpacks to more than {} bytes in all, past the import limit",
                4 * limit
            )));
        }
    }
    Ok(())
}

/// Checks every `r="…"` and `ref="…"` attribute of an XML part (cells, rows, ranges) against
/// Excel's grid, A1 to XFD1048576, start before end: calamine's reference parser overflows on a
/// longer reference (a panic in a debug build, a wrapped and so wrong position in a release
/// build). Found by tests/mutate.rs.
fn check_refs(part: &str, xml: &[u8]) -> Result<(), Error> {
    let mut i = 0;
    while i + 3 < xml.len() {
        let name_len = if xml[i + 1..].starts_with(b"ref") {
            3
        } else if xml[i + 1] == b'r' {
            1
        } else {
            i += 1;
            continue;
        };
        if !xml[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1 + name_len;
        while j < xml.len() && xml[j].is_ascii_whitespace() {
            j += 1;
        }
        if xml.get(j) != Some(&b'=') {
            i += 1;
            continue;
        }
        j += 1;
        while j < xml.len() && xml[j].is_ascii_whitespace() {
            j += 1;
        }
        let Some(&quote) = xml.get(j).filter(|q| **q == b'"' || **q == b'\'') else {
            i += 1;
            continue;
        };
        let start = j + 1;
        let end = xml[start..].iter().position(|&b| b == quote).map_or(xml.len(), |k| start + k);
        let value = &xml[start..end];
        if !reference_fits(value) {
            return Err(Error::Read(format!(
                "the workbook's part {part}: \"{}\" is not a cell or range of Excel's grid (A1 to XFD1048576)",
                brief(&String::from_utf8_lossy(value))
            )));
        }
        i = end;
    }
    Ok(())
}

/// `A1`, `XFD1048576`, `5` (a row), `A1:C9`: letters (at most 3, up to XFD) then digits (row 1
/// to 1,048,576); a range's start not after its end. Other shapes are left to calamine, which
/// refuses them, as long as no run of letters or digits could overflow its arithmetic.
fn reference_fits(v: &[u8]) -> bool {
    let parts: Vec<&[u8]> = v.split(|&b| b == b':').collect();
    let mut cells = Vec::new();
    for p in &parts {
        let letters = p.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let digits = p[letters..].iter().take_while(|b| b.is_ascii_digit()).count();
        // Any run of letters or digits anywhere must stay short.
        let mut run = 0;
        let mut kind = 0u8;
        for &b in p.iter() {
            let k = if b.is_ascii_alphabetic() {
                1
            } else if b.is_ascii_digit() {
                2
            } else {
                0
            };
            run = if k == kind && k != 0 { run + 1 } else { 1 };
            kind = k;
            if (k == 1 && run > 3) || (k == 2 && run > 7) {
                return false;
            }
        }
        if letters + digits != p.len() {
            continue; // not a reference calamine reads: it says so itself
        }
        let col = p[..letters].iter().fold(0u32, |c, b| c * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1);
        let row = p[letters..].iter().fold(0u32, |r, b| r * 10 + u32::from(b - b'0'));
        if col > 16_384 || row > 1_048_576 || (digits > 0 && row == 0) {
            return false;
        }
        cells.push((row, col));
    }
    match cells.as_slice() {
        [a, b] if parts.len() == 2 => a.0 <= b.0 && a.1 <= b.1,
        _ => true,
    }
}

/// A long message (from a library, or a list of names) cut to a few lines' worth.
fn brief_long(s: &str) -> String {
    crate::limits::clip(s, 300)
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
