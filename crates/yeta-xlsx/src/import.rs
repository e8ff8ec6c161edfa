//! Cost, benefit and revenue lines from a sheet, in either of two layouts.
//!
//! **A year per column** (what [`crate::export`] writes), A1 = `section`:
//! ```text
//! section  | name         | kind        | 2026 | 2027 | 2028 | …
//! cost     | Construction | capex       | 100  | 100  |      |
//! benefit  | Travel time  | travel_time |      |      | 30   | …
//! ```
//! **A year per row**, A1 = `year`: line names across row 1, then a `section` row and a `kind`
//! row, then one row per year:
//! ```text
//! year    | Construction | Travel time
//! section | cost         | benefit
//! kind    | capex        | travel_time
//! 2026    | 100          |
//! …
//! ```
//! The three label cells may come in any order. Years run one by one with no gap; an empty amount
//! is no flow that year. Amounts are in the line's own unit: KRW, or the quantity when the study
//! already has a line of that name with a unit value (see [`apply`]).

use crate::Error;
use crate::grid::{Cell, CellError, Grid};
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use std::collections::BTreeMap;
use std::fmt;
use yeta_core::Study;
use yeta_core::study::{BenefitKind, CostKind, Flow, Line, RevenueKind};

/// How years are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// A year per column; one line per row.
    Columns,
    /// A year per row; one line per column.
    Rows,
}

impl fmt::Display for Orientation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Orientation::Columns => "a year per column",
            Orientation::Rows => "a year per row",
        })
    }
}

/// Which list of the study a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// `costs`.
    Cost,
    /// `benefits`.
    Benefit,
    /// `revenues`.
    Revenue,
}

impl Section {
    /// The word in the `section` cell.
    pub fn code(self) -> &'static str {
        match self {
            Section::Cost => "cost",
            Section::Benefit => "benefit",
            Section::Revenue => "revenue",
        }
    }

    fn list(self) -> &'static str {
        match self {
            Section::Cost => "costs",
            Section::Benefit => "benefits",
            Section::Revenue => "revenues",
        }
    }

    fn parse(s: &str) -> Option<Section> {
        match s.trim().to_lowercase().as_str() {
            "cost" | "costs" => Some(Section::Cost),
            "benefit" | "benefits" => Some(Section::Benefit),
            "revenue" | "revenues" => Some(Section::Revenue),
            _ => None,
        }
    }
}

/// One line as read, with the cells it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedLine {
    /// Its list.
    pub section: Section,
    /// Its name.
    pub name: String,
    /// Its kind code, already checked against the section's kinds.
    pub kind: String,
    /// Amount by year, years ascending, empty cells left out.
    pub amounts: Vec<(i32, Decimal)>,
}

/// What a sheet held.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The layout used.
    pub orientation: Orientation,
    /// The layout A1 suggests, when it suggests one.
    pub detected: Option<Orientation>,
    /// The lines, in sheet order.
    pub lines: Vec<ImportedLine>,
    /// Each year with an amount, and the header cell naming it (for out-of-period errors).
    pub year_cells: BTreeMap<i32, String>,
}

/// The layout A1 announces: `section`/`name`/`kind` → a year per column, `year` → a year per row.
fn detect(g: &Grid) -> Option<Orientation> {
    match g.get(0, 0).shown().to_lowercase().as_str() {
        "section" | "name" | "kind" => Some(Orientation::Columns),
        "year" => Some(Orientation::Rows),
        _ => None,
    }
}

/// Reads lines from CSV bytes; `file` names the file in messages. `orientation` None = detect.
pub fn read_csv(bytes: &[u8], file: &str, orientation: Option<Orientation>) -> Result<Imported, Error> {
    read(&Grid::from_csv(bytes, file)?, orientation)
}

/// Reads lines from one sheet of a workbook, XLSX or any other format calamine reads (XLSM, XLSB,
/// XLS, ODS); default sheet: `Lines`, else the first.
pub fn read_workbook(bytes: &[u8], sheet: Option<&str>, orientation: Option<Orientation>) -> Result<Imported, Error> {
    read(&Grid::from_workbook(bytes, sheet)?, orientation)
}

/// A view that reads a year-per-row grid as if it were year-per-column: logical (r, c) is
/// physical (c, r), and errors still name the physical cell.
struct View<'a> {
    g: &'a Grid,
    transposed: bool,
}

impl View<'_> {
    fn get(&self, r: usize, c: usize) -> &Cell {
        if self.transposed { self.g.get(c, r) } else { self.g.get(r, c) }
    }
    fn err(&self, r: usize, c: usize, m: impl Into<String>) -> CellError {
        if self.transposed { self.g.error(c, r, m) } else { self.g.error(r, c, m) }
    }
    fn lines(&self) -> usize {
        if self.transposed { self.g.cols() } else { self.g.rows() }
    }
    fn width(&self) -> usize {
        if self.transposed { self.g.rows() } else { self.g.cols() }
    }
}

fn check_kind(section: Section, kind: &str) -> Result<(), String> {
    fn de<'a, K: Deserialize<'a>>(k: &'a str) -> Result<(), String> {
        K::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(k))
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    match section {
        Section::Cost => de::<CostKind>(kind),
        Section::Benefit => de::<BenefitKind>(kind),
        Section::Revenue => de::<RevenueKind>(kind),
    }
    .map_err(|e| {
        if kind.chars().count() > crate::limits::SHOWN_CHARS {
            format!("\"{}\" is not a {} kind", crate::limits::brief(kind), section.code())
        } else {
            format!("\"{kind}\" is not a {} kind: {e}", section.code())
        }
    })
}

/// Reads lines from a grid. Every problem found is reported, not just the first.
fn read(g: &Grid, orientation: Option<Orientation>) -> Result<Imported, Error> {
    let detected = detect(g);
    let orientation = orientation.or(detected).ok_or_else(|| {
        Error::Cells(vec![g.error(
            0,
            0,
            format!(
                "cannot tell the layout from \"{}\": A1 should be \"section\" (a year per column) or \"year\" (a \
                 year per row); or give the orientation",
                g.get(0, 0).brief()
            ),
        )])
    })?;
    let v = View { g, transposed: orientation == Orientation::Rows };
    let along = if v.transposed { "row" } else { "column" };
    let mut errors = Vec::new();

    // The three labels: which logical column holds section, name and kind.
    let mut slots: BTreeMap<&str, usize> = BTreeMap::new();
    for c in 0..3 {
        let label = v.get(0, c).shown().to_lowercase();
        let key = match label.as_str() {
            "section" => "section",
            "name" => "name",
            "year" if v.transposed => "name",
            "kind" => "kind",
            _ => {
                let want = if v.transposed {
                    "\"year\", \"section\" or \"kind\""
                } else {
                    "\"section\", \"name\" or \"kind\""
                };
                errors.push(v.err(0, c, format!("expected {want} here, found \"{}\"", v.get(0, c).brief())));
                continue;
            }
        };
        if slots.insert(key, c).is_some() {
            errors.push(v.err(0, c, format!("\"{label}\" is given twice")));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Cells(errors));
    }
    let (sc, nc, kc) = (slots["section"], slots["name"], slots["kind"]);

    // Year headers: consecutive, no blanks, up to the last column that holds anything.
    let mut years: Vec<i32> = Vec::new();
    for c in 3..v.width() {
        let h = v.get(0, c);
        let year = if h.is_empty() {
            Err(format!("year header is empty (one {along} per year, no gaps)"))
        } else {
            match h.integer().and_then(|y| i32::try_from(y).ok()).filter(|y| (1000..=9999).contains(y)) {
                None => Err(format!("\"{}\" is not a year", h.brief())),
                Some(y) => match years.last() {
                    Some(&p) if y == p + 1 => Ok(y),
                    Some(&p) if y > p + 1 => Err(format!(
                        "year {y} follows {p}: {} {} missing (one {along} per year, no gaps)",
                        if y == p + 2 { (p + 1).to_string() } else { format!("{}–{}", p + 1, y - 1) },
                        if y == p + 2 { "is" } else { "are" }
                    )),
                    Some(&p) => Err(format!("year {y} after {p}: years must increase one by one")),
                    None => Ok(y),
                },
            }
        };
        match year {
            Ok(y) => years.push(y),
            Err(m) => {
                errors.push(v.err(0, c, m));
                break; // the years after a bad header cannot be placed
            }
        }
    }
    if years.is_empty() && errors.is_empty() {
        errors.push(v.err(0, 3, format!("no year headers: the first year goes here, one {along} per year")));
    }

    let mut lines = Vec::new();
    let mut seen: BTreeMap<(Section, String), String> = BTreeMap::new();
    let mut year_cells = BTreeMap::new();
    for r in 1..v.lines() {
        if (0..v.width()).all(|c| v.get(r, c).is_empty()) {
            continue;
        }
        let section = Section::parse(&v.get(r, sc).shown());
        if section.is_none() {
            errors.push(v.err(
                r,
                sc,
                format!("\"{}\" is not a section: cost, benefit or revenue", v.get(r, sc).brief()),
            ));
        }
        let name = v.get(r, nc).shown();
        if name.is_empty() {
            errors.push(v.err(r, nc, "the line has no name"));
        }
        let kind = v.get(r, kc).shown();
        if let Some(s) = section {
            if let Err(m) = check_kind(s, &kind) {
                errors.push(v.err(r, kc, m));
            }
            let here = v.err(r, nc, "").at;
            match seen.get(&(s, name.clone())) {
                Some(first) if !name.is_empty() => errors.push(v.err(
                    r,
                    nc,
                    format!(
                        "line name \"{}\" is used twice (first at {first}); names must be unique within {}",
                        crate::limits::brief(&name),
                        s.list()
                    ),
                )),
                _ => {
                    seen.entry((s, name.clone())).or_insert(here);
                }
            }
        }
        let mut amounts = Vec::new();
        for (i, &y) in years.iter().enumerate() {
            match v.get(r, 3 + i).decimal() {
                Ok(Some(a)) => {
                    amounts.push((y, a));
                    year_cells.entry(y).or_insert_with(|| v.err(0, 3 + i, "").at);
                }
                Ok(None) => {}
                Err(m) => errors.push(v.err(r, 3 + i, m)),
            }
        }
        if amounts.is_empty() && !name.is_empty() && !years.is_empty() {
            errors.push(v.err(r, nc, format!("line \"{}\" has no amounts", crate::limits::brief(&name))));
        }
        if let Some(section) = section {
            lines.push(ImportedLine { section, name, kind, amounts });
        }
    }
    if errors.is_empty() && lines.is_empty() {
        errors.push(v.err(1, 0, "no lines: each line goes here and below"));
    }
    if errors.is_empty() {
        Ok(Imported { orientation, detected, lines, year_cells })
    } else {
        Err(Error::Cells(errors))
    }
}

/// Single-year flows, equal amounts in consecutive years merged into one ranged flow (`from`,
/// `to`, no growth): the study file stays as short as the sheet allows, and expands back to the
/// same amount in every year. Zero amounts are no flow (the same in the appraisal).
pub fn flows(amounts: &[(i32, Decimal)]) -> Vec<Flow> {
    let mut out: Vec<Flow> = Vec::new();
    let mut run: Option<(i32, i32, Decimal)> = None;
    let push = |(f, t, a): (i32, i32, Decimal), out: &mut Vec<Flow>| {
        let (year, from, to) = if f == t { (Some(f), None, None) } else { (None, Some(f), Some(t)) };
        out.push(Flow { year, from, to, amount: a.normalize(), growth: None });
    };
    for &(y, a) in amounts.iter().filter(|(_, a)| !a.is_zero()) {
        run = match run {
            Some((f, t, b)) if t + 1 == y && a == b => Some((f, y, b)),
            Some(r) => {
                push(r, &mut out);
                Some((y, y, a))
            }
            None => Some((y, y, a)),
        };
    }
    if let Some(r) = run {
        push(r, &mut out);
    }
    if out.is_empty() {
        // A line of zeros stays a line (validation wants a flow), worth nothing.
        if let Some(&(y, _)) = amounts.first() {
            out.push(Flow { year: Some(y), from: None, to: None, amount: Decimal::ZERO, growth: None });
        }
    }
    out
}

fn build<K: Clone + for<'a> Deserialize<'a>>(old: &[Line<K>], lines: &[&ImportedLine]) -> Result<Vec<Line<K>>, String> {
    lines
        .iter()
        .map(|l| {
            let kind = K::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(l.kind.as_str()))
                .map_err(|e| e.to_string())?;
            let flows = flows(&l.amounts);
            Ok(match old.iter().find(|o| o.name == l.name) {
                // Keep what the sheet does not carry: source, unit value, uncertainty.
                Some(o) => Line { kind, flows, ..o.clone() },
                None => Line {
                    name: l.name.clone(),
                    kind,
                    source: None,
                    quantity_unit: None,
                    unit_value: None,
                    flows,
                    uncertainty: None,
                },
            })
        })
        .collect()
}

/// The study with its cost, benefit and revenue lines replaced by those read. A line whose name
/// the study already has in the same list keeps its source, unit value (so its amounts are
/// quantities, as Yeta exports them) and uncertainty. Amounts in years outside the analysis
/// period are errors naming the year's header cell. The caller validates the result.
pub fn apply(study: &Study, imported: &Imported) -> Result<Study, Error> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let outside: Vec<CellError> = imported
        .year_cells
        .iter()
        .filter(|(y, _)| !(first..=last).contains(*y))
        .map(|(y, at)| CellError {
            at: at.clone(),
            message: format!("year {y} is outside the study's analysis period {first}–{last}"),
        })
        .collect();
    if !outside.is_empty() {
        return Err(Error::Cells(outside));
    }
    let of = |s: Section| imported.lines.iter().filter(|l| l.section == s).collect::<Vec<_>>();
    let mut out = study.clone();
    out.costs = build(&study.costs, &of(Section::Cost)).map_err(Error::Read)?;
    out.benefits = build(&study.benefits, &of(Section::Benefit)).map_err(Error::Read)?;
    out.revenues = build(&study.revenues, &of(Section::Revenue)).map_err(Error::Read)?;
    Ok(out)
}

/// Names of the imported lines that kept a unit value from the study (their amounts are read as
/// quantities): the CLI tells the user.
pub fn quantity_lines(study: &Study) -> Vec<String> {
    let q = |name: &str, has: bool| has.then(|| name.to_owned());
    study
        .costs
        .iter()
        .filter_map(|l| q(&l.name, l.unit_value.is_some()))
        .chain(study.benefits.iter().filter_map(|l| q(&l.name, l.unit_value.is_some())))
        .chain(study.revenues.iter().filter_map(|l| q(&l.name, l.unit_value.is_some())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    #[test]
    fn equal_consecutive_amounts_merge_into_ranges() {
        let a = [(2026, d("5")), (2027, d("5")), (2028, d("0")), (2029, d("5")), (2030, d("7")), (2031, d("7.0"))];
        let f = flows(&a);
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!((f[0].from, f[0].to, f[0].amount), (Some(2026), Some(2027), d("5")));
        assert_eq!((f[1].year, f[1].amount), (Some(2029), d("5")));
        assert_eq!((f[2].from, f[2].to, f[2].amount), (Some(2030), Some(2031), d("7")));
    }

    #[test]
    fn both_layouts_read_the_same_lines() {
        let cols = "section,name,kind,2026,2027,2028\ncost,Build,capex,100,100,\nbenefit,Time,travel_time,,,\"30.5\"\n";
        let rows = "year,Build,Time\nsection,cost,benefit\nkind,capex,travel_time\n2026,100,\n2027,100,\n2028,,30.5\n";
        let a = read_csv(cols.as_bytes(), "c.csv", None).expect("columns");
        let b = read_csv(rows.as_bytes(), "r.csv", None).expect("rows");
        assert_eq!((a.orientation, b.orientation), (Orientation::Columns, Orientation::Rows));
        assert_eq!(a.lines, b.lines);
        assert_eq!(a.lines[1].amounts, vec![(2028, d("30.5"))]);
    }

    #[test]
    fn every_bad_cell_is_named() {
        let csv = "section,name,kind,2026,2027\ncost,Build,capx,1,x\ncost,Build,capex,1,2\nfoo,,opex,1,1\n";
        let e = read_csv(csv.as_bytes(), "c.csv", None).expect_err("bad").to_string();
        for want in [
            "c.csv row 2, column C: \"capx\" is not a cost kind",
            "c.csv row 2, column E: \"x\" is not a number",
            "c.csv row 3, column B: line name \"Build\" is used twice (first at c.csv row 2, column B)",
            "c.csv row 4, column A: \"foo\" is not a section",
        ] {
            assert!(e.contains(want), "{want}\nnot in\n{e}");
        }
    }
}
