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
use yeta_core::study::names::{self, Name};
use yeta_core::study::{BenefitKind, CostKind, Flow, LISTS, Line, RevenueKind, Unit};

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
        match names::find(&LISTS, s)?.code {
            "costs" => Some(Section::Cost),
            "benefits" => Some(Section::Benefit),
            "revenues" => Some(Section::Revenue),
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
    /// The money unit the sheet declares (a `(단위: 백만원)` cell above or in the header row), and
    /// the cell that says so.
    pub unit: Option<(Unit, String)>,
    /// The row (0-based) of the header: rows above it are titles.
    pub header_row: usize,
}

/// The header labels, in English and Korean.
const LABELS: [Name<'static>; 4] = [
    Name::with("section", "구분", "section", &["list", "부문"]),
    Name::with("name", "항목", "name", &["항목명", "세부항목", "line"]),
    Name::with("kind", "유형", "kind", &["종류", "분류"]),
    Name::with("year", "연도", "year", &["년도"]),
];

fn label(c: &Cell) -> Option<&'static str> {
    match c {
        Cell::Text(t) => names::find(&LABELS, t).map(|n| n.code),
        _ => None,
    }
}

/// The money unit a cell declares: `(단위: 백만원)`, `단위 : 억원`, `(unit: KRW million)`.
fn declared_unit(c: &Cell) -> Option<Unit> {
    let Cell::Text(t) = c else { return None };
    let lower = t.to_lowercase();
    let i = lower.find("단위").map(|i| i + "단위".len()).or_else(|| lower.find("unit").map(|i| i + 4))?;
    let rest = t[i..].trim_start_matches([':', '：', ' ', '=']);
    let word: String = rest.chars().take_while(|c| !matches!(c, ')' | ',' | ';' | '/' | '(')).collect();
    Unit::from_name(word.trim())
}

/// How many rows above the header may hold titles (`(단위: 백만원)`, the project's name).
const TITLE_ROWS: usize = 10;

/// The header row and the layout its first cell announces: `section`/`name`/`kind` (구분, 항목,
/// 유형) → a year per column, `year` (연도) → a year per row. Title rows above it are skipped.
fn detect(g: &Grid) -> Option<(usize, Orientation)> {
    (0..g.rows().min(TITLE_ROWS + 1)).find_map(|r| match label(g.get(r, 0)) {
        Some("year") => Some((r, Orientation::Rows)),
        Some(_) => Some((r, Orientation::Columns)),
        None => None,
    })
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
/// `off` title rows above the header are skipped.
struct View<'a> {
    g: &'a Grid,
    transposed: bool,
    off: usize,
}

impl View<'_> {
    fn get(&self, r: usize, c: usize) -> &Cell {
        if self.transposed { self.g.get(c + self.off, r) } else { self.g.get(r + self.off, c) }
    }
    fn err(&self, r: usize, c: usize, m: impl Into<String>) -> CellError {
        if self.transposed { self.g.error(c + self.off, r, m) } else { self.g.error(r + self.off, c, m) }
    }
    fn lines(&self) -> usize {
        if self.transposed { self.g.cols() } else { self.g.rows().saturating_sub(self.off) }
    }
    fn width(&self) -> usize {
        if self.transposed { self.g.rows().saturating_sub(self.off) } else { self.g.cols() }
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
    let found = detect(g);
    let detected = found.map(|(_, o)| o);
    let header_row = found.map_or(0, |(r, _)| r);
    let orientation = orientation.or(detected).ok_or_else(|| {
        Error::Cells(vec![g.error(
            0,
            0,
            format!(
                "cannot tell the layout from \"{}\": A1 (or the first cell of the header row, under any title rows) \
                 should be \"section\"/\"구분\" (a year per column) or \"year\"/\"연도\" (a year per row); or give the \
                 orientation",
                g.get(0, 0).brief()
            ),
        )])
    })?;
    // The unit: a cell of a title row, or of the header row, that says `단위`.
    let mut unit: Option<(Unit, String)> = None;
    for r in 0..=header_row {
        for c in 0..g.cols() {
            if unit.is_none()
                && let Some(u) = declared_unit(g.get(r, c))
            {
                unit = Some((u, g.error(r, c, "").at));
            }
        }
    }
    let v = View { g, transposed: orientation == Orientation::Rows, off: header_row };
    let along = if v.transposed { "row" } else { "column" };
    let mut errors = Vec::new();

    // The labels: which logical column holds section, name and kind (any order, as many of the
    // first three cells as are labels).
    let mut slots: BTreeMap<&str, usize> = BTreeMap::new();
    let mut first_year_col = 0;
    for c in 0..3 {
        let key = match label(v.get(0, c)) {
            Some("year") if v.transposed => "name",
            Some("year") | None => break,
            Some(k) => k,
        };
        if slots.insert(key, c).is_some() {
            errors.push(v.err(0, c, format!("\"{}\" is given twice", v.get(0, c).brief())));
        }
        first_year_col = c + 1;
    }
    for (key, ko) in [("section", "구분"), ("name", "항목"), ("kind", "유형")] {
        if !slots.contains_key(key) {
            let (what, where_) = if v.transposed && key == "name" {
                ("no \"year\" (\"연도\") label heading the line names".to_owned(), "in row 1 after it")
            } else if v.transposed {
                (format!("no {key} row (\"{key}\" or \"{ko}\")"), "in column A above the years")
            } else {
                (format!("no {key} column (\"{key}\" or \"{ko}\")"), "before the year columns")
            };
            let at = first_year_col.min(2);
            errors.push(v.err(
                0,
                at,
                format!(
                    "{what}: the header has {} here; give each line's {key} {where_}{}",
                    if slots.is_empty() {
                        "no labels".to_owned()
                    } else {
                        slots.keys().copied().collect::<Vec<_>>().join(", ")
                    },
                    if key == "kind" { " (e.g. capex, 공사비, opex, travel_time, fare)" } else { "" }
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Cells(errors));
    }
    let (Some(&sc), Some(&nc), Some(&kc)) = (slots.get("section"), slots.get("name"), slots.get("kind")) else {
        return Err(Error::Cells(vec![v.err(0, 0, "the header lacks a label")]));
    };

    // Year headers: consecutive, no blanks, up to the last column that holds anything.
    let mut years: Vec<i32> = Vec::new();
    for c in 3..v.width() {
        let h = v.get(0, c);
        if declared_unit(h).is_some() {
            break; // a "(단위: 백만원)" cell after the years
        }
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
                format!("\"{}\" is not a section: cost, benefit or revenue (비용, 편익, 수입)", v.get(r, sc).brief()),
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
        Ok(Imported { orientation, detected, lines, year_cells, unit, header_row })
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

/// How the sheet's amounts are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The money unit of the sheet's amounts, given by the user (`--unit`): it wins over the
    /// sheet's own `(단위: …)` cell and turns off the check against the total cost.
    pub unit: Option<Unit>,
}

/// The unit the amounts are read in, and what says so.
pub fn unit_of(imported: &Imported, opts: &Options) -> (Unit, String) {
    match (opts.unit, &imported.unit) {
        (Some(u), _) => (u, "--unit".to_owned()),
        (None, Some((u, at))) => (*u, at.clone()),
        (None, None) => (Unit::Won, "no unit in the sheet: won".to_owned()),
    }
}

/// Whether the sheet's yearly amounts are those the line's flows expand to, up to the rounding
/// of a double (the sheet's cells): then the line is kept exactly as the study has it, ranged
/// flows, growth and all.
fn same_amounts<K>(old: &Line<K>, amounts: &[(i32, Decimal)], first: i32, last: i32) -> bool {
    let own = Line {
        name: String::new(),
        kind: (),
        source: None,
        quantity_unit: None,
        unit_value: None,
        flows: old.flows.clone(),
        // A demand model's quantities are what the sheet shows for its line.
        demand: old.demand.clone(),
        uncertainty: None,
    };
    let Ok(expanded) = yeta_core::study::flows::expand(&own, first, last) else { return false };
    let mut sheet = vec![Decimal::ZERO; expanded.len()];
    for &(y, a) in amounts {
        let Some(slot) = usize::try_from(i64::from(y) - i64::from(first)).ok().and_then(|i| sheet.get_mut(i)) else {
            return false;
        };
        *slot += a;
    }
    // A double carries 15–17 significant digits: 10^-14 relative is well above its rounding and
    // below any edit a person makes.
    let tol = Decimal::new(1, 14);
    expanded.iter().zip(&sheet).all(|(x, y)| (x - y).abs() <= x.abs().max(y.abs()) * tol)
}

fn build<K: Clone + PartialEq + for<'a> Deserialize<'a>>(
    old: &[Line<K>],
    lines: &[&ImportedLine],
    factor: Decimal,
    (first, last): (i32, i32),
) -> Result<Vec<Line<K>>, String> {
    lines
        .iter()
        .map(|l| {
            let kind = K::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(l.kind.as_str()))
                .map_err(|e| e.to_string())?;
            let previous = old.iter().find(|o| o.name == l.name);
            // Money is read in the sheet's unit; a line with a unit value has quantities.
            let scale = if previous.is_some_and(|o| o.unit_value.is_some()) { Decimal::ONE } else { factor };
            let amounts: Vec<(i32, Decimal)> = l
                .amounts
                .iter()
                .map(|&(y, a)| {
                    a.checked_mul(scale).map(|x| (y, x)).ok_or_else(|| {
                        format!("line \"{}\": the amount in {y} is beyond the range of an amount in won", l.name)
                    })
                })
                .collect::<Result<_, _>>()?;
            Ok(match previous {
                // Unchanged: the study's own line, byte for byte when written back.
                Some(o) if o.kind == kind && same_amounts(o, &amounts, first, last) => o.clone(),
                // Keep what the sheet does not carry: source, unit value, uncertainty. Edited
                // quantities replace a demand model: the sheet's figures are the line's now.
                Some(o) => Line { kind, flows: flows(&amounts), demand: None, ..o.clone() },
                None => Line {
                    name: l.name.clone(),
                    kind,
                    source: None,
                    quantity_unit: None,
                    unit_value: None,
                    flows: flows(&amounts),
                    demand: None,
                    uncertainty: None,
                },
            })
        })
        .collect()
}

/// The study with its cost, benefit and revenue lines replaced by those read, amounts in won.
/// See [`apply_with`]; the unit is the sheet's own (`(단위: …)`), else won.
pub fn apply(study: &Study, imported: &Imported) -> Result<Study, Error> {
    apply_with(study, imported, &Options::default())
}

/// The study with its cost, benefit and revenue lines replaced by those read. A line whose name
/// the study already has in the same list keeps its source, unit value (so its amounts are
/// quantities, as Yeta exports them) and uncertainty — and when its amounts and kind are
/// unchanged, the line itself (ranged flows stay ranged). A list the sheet has no line of keeps
/// the study's lines (see [`kept_lists`]). Amounts in years outside the analysis period are
/// errors naming the year's header cell. When the unit is not given (`opts.unit`), capex and land
/// read an order of magnitude or more away from `project.total_cost` are refused, naming both.
/// The caller validates the result.
pub fn apply_with(study: &Study, imported: &Imported, opts: &Options) -> Result<Study, Error> {
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
    let (unit, said) = unit_of(imported, opts);
    let factor = unit.factor();
    let of = |s: Section| imported.lines.iter().filter(|l| l.section == s).collect::<Vec<_>>();
    let mut out = study.clone();
    let span = (first, last);
    let (costs, benefits, revenues) = (of(Section::Cost), of(Section::Benefit), of(Section::Revenue));
    if !costs.is_empty() || study.costs.is_empty() {
        out.costs = build(&study.costs, &costs, factor, span).map_err(Error::Read)?;
    }
    if !benefits.is_empty() || study.benefits.is_empty() {
        out.benefits = build(&study.benefits, &benefits, factor, span).map_err(Error::Read)?;
    }
    if !revenues.is_empty() || study.revenues.is_empty() {
        out.revenues = build(&study.revenues, &revenues, factor, span).map_err(Error::Read)?;
    }
    if opts.unit.is_none() {
        check_scale(&out, unit, &said)?;
    }
    Ok(out)
}

/// The lists (`costs`, `benefits`, `revenues`) the sheet has no line of, whose lines the study
/// keeps: the CLI says so, so no line disappears silently.
pub fn kept_lists(study: &Study, imported: &Imported) -> Vec<(&'static str, usize)> {
    let has = |s: Section| imported.lines.iter().any(|l| l.section == s);
    [
        ("costs", Section::Cost, study.costs.len()),
        ("benefits", Section::Benefit, study.benefits.len()),
        ("revenues", Section::Revenue, study.revenues.len()),
    ]
    .into_iter()
    .filter(|(_, s, n)| *n > 0 && !has(*s))
    .map(|(l, _, n)| (l, n))
    .collect()
}

/// Lines of the study the sheet does not have, by list and name (they are removed).
pub fn removed_lines(study: &Study, imported: &Imported) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let kept = kept_lists(study, imported);
    let names =
        |s: Section| imported.lines.iter().filter(|l| l.section == s).map(|l| l.name.as_str()).collect::<Vec<_>>();
    for (list, section, lines) in [
        ("costs", Section::Cost, study.costs.iter().map(|l| l.name.clone()).collect::<Vec<_>>()),
        ("benefits", Section::Benefit, study.benefits.iter().map(|l| l.name.clone()).collect()),
        ("revenues", Section::Revenue, study.revenues.iter().map(|l| l.name.clone()).collect()),
    ] {
        if kept.iter().any(|(l, _)| *l == list) {
            continue;
        }
        let sheet = names(section);
        out.extend(lines.into_iter().filter(|n| !sheet.contains(&n.as_str())).map(|n| (list, n)));
    }
    out
}

/// Refuses capex and land an order of magnitude or more away from the total cost: the sheet is
/// probably in another unit. Names both figures and the unit that would fit.
fn check_scale(study: &Study, unit: Unit, said: &str) -> Result<(), Error> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let capital: Decimal = study
        .costs
        .iter()
        .filter(|l| matches!(l.kind, CostKind::Capex | CostKind::Land))
        .filter_map(|l| yeta_core::study::flows::expand(l, first, last).ok())
        .flatten()
        .fold(Decimal::ZERO, |a, x| a.checked_add(x).unwrap_or(a));
    let total = study.project.total_cost;
    // No capex, or a negative one (validation names it), is not a question of unit.
    if capital <= Decimal::ZERO || total <= Decimal::ZERO {
        return Ok(());
    }
    let ten = Decimal::TEN;
    let ratio = capital.checked_div(total).unwrap_or(Decimal::MAX);
    if ratio < ten && ratio * ten > Decimal::ONE {
        return Ok(());
    }
    // The unit that brings the sheet's capex nearest the total cost.
    let in_sheet = capital.checked_div(unit.factor()).unwrap_or(capital);
    let fit = Unit::ALL.into_iter().min_by_key(|u| {
        let r = in_sheet.checked_mul(u.factor()).and_then(|x| x.checked_div(total)).unwrap_or(Decimal::MAX);
        let r = yeta_core::econ::to_f64(r);
        ((r.log10()).abs() * 1000.0) as i64
    });
    let won = |x: Decimal| format!("KRW {}", yeta_i18n::grouped(yeta_core::econ::to_f64(x.round()), 0));
    Err(Error::Scale(format!(
        "the sheet's capex and land lines add up to {} read in {} ({said}), {} project.total_cost {}; \
         the sheet is probably in another unit{}: give --unit (원, 천원, 백만원, 억원) or a \"(단위: 백만원)\" cell; nothing written",
        won(capital),
        unit.code(),
        if ratio >= ten {
            format!("{} times", yeta_i18n::grouped(yeta_core::econ::to_f64(ratio), 0))
        } else {
            format!("1/{} of", yeta_i18n::grouped(1.0 / yeta_core::econ::to_f64(ratio), 0))
        },
        won(total),
        fit.filter(|u| *u != unit).map_or(String::new(), |u| format!(
            " (in {} they would be {})",
            u.code(),
            won(in_sheet * u.factor())
        ))
    )))
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
