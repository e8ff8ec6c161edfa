//! XLSX workbooks: the study's lines (the layout [`crate::import`] reads), the appraisal's tables
//! and the reviewer's comparison.
//!
//! Money is in one unit throughout a study's workbook — the study's own (`"unit"`), else KRW
//! millions (백만원, the unit PFS reports use) — shown as `#,##0`; ratios are `0.000`, rates and
//! percentages `0.00%`. The `Lines` sheet says its unit in row 1 (`(단위: 백만원)`, which the
//! importer reads) and keeps a line with a unit value in its quantities, so that importing it
//! gives the study back; its year columns are as wide as their largest number. The creation date is 1 January of the base year, like the PDF report's, so the
//! same study gives the same bytes.

use crate::Error;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::collections::BTreeSet;
use std::str::FromStr;
use yeta_core::study::{Line, LineKind, Unit, flows};
use yeta_core::{Appraisal, Study};

/// The sheet the importer reads by default.
pub const LINES_SHEET: &str = "Lines";

/// Number formats, as the PFS tables show them, and the one money unit of the workbook.
struct Formats {
    unit: Unit,
    /// The reader's language: sheet names, headers and notes from the catalog (`locales/*-xlsx.ftl`).
    lang: yeta_i18n::Lang,
    bold: Format,
    amount: Format,
    millions: Format,
    fraction: Format,
    ratio: Format,
    factor: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Self {
        Self::in_unit(Unit::Million, yeta_i18n::Lang::En)
    }

    fn in_unit(unit: Unit, lang: yeta_i18n::Lang) -> Self {
        Formats {
            unit,
            lang,
            bold: Format::new().set_bold(),
            amount: Format::new().set_num_format("#,##0"),
            millions: Format::new().set_num_format("#,##0"),
            fraction: Format::new().set_num_format("#,##0.0###"),
            ratio: Format::new().set_num_format("0.000"),
            factor: Format::new().set_num_format("0.000000"),
            percent: Format::new().set_num_format("0.00%"),
        }
    }

    /// A label: `@id` is the catalog's `xlsx-id` in the workbook's language, with its unit
    /// (`NPV (KRW million)`, `순현재가치 NPV (억원)`); anything else is shown as it is.
    fn label(&self, text: &str) -> String {
        match text.strip_prefix('@') {
            Some(id) => self.t(id, &[]),
            None => text.to_owned(),
        }
    }

    /// The catalog message `xlsx-id` with `{ $name }` filled (and `{ $unit }` the workbook's).
    fn t(&self, id: &str, args: &[(&str, String)]) -> String {
        let cat = yeta_i18n::catalog(self.lang);
        let id = format!("xlsx-{id}");
        let mut s = cat.get(&id).unwrap_or(&id).to_owned();
        s = s.replace("{ $unit }", self.unit_label());
        for (k, v) in args {
            s = s.replace(&format!("{{ ${k} }}"), v);
        }
        s
    }

    /// The unit's name in the workbook's language: `KRW million`, `백만원`.
    fn unit_label(&self) -> &'static str {
        match self.lang {
            yeta_i18n::Lang::Ko => self.unit.code(),
            yeta_i18n::Lang::En => unit_name(self.unit),
        }
    }

    /// An amount in the workbook's unit.
    fn money(&self, d: Decimal) -> f64 {
        to_cell(d.checked_div(self.unit.factor()).unwrap_or(d))
    }
}

/// The English name of a unit, as the sheets' labels use it (`KRW million`).
fn unit_name(u: Unit) -> &'static str {
    Unit::NAMES[u as usize].en
}

/// The unit a study's workbook shows money in: the study's own, else 백만원 (the PFS tables').
pub fn unit_of(study: &Study) -> Unit {
    study.unit.unwrap_or(Unit::Million)
}

/// A decimal as the nearest double (XLSX has no other number type). Through the decimal string,
/// because Rust's float parsing rounds correctly. Any amount of at most 15 significant digits reads
/// back exactly (the importer takes the shortest string that gives the same double); longer ones,
/// such as a grown amount, come back within half a unit in the 16th digit. No rounding to a number
/// of decimal places: a quantity times a large unit value would magnify it.
pub fn to_cell(d: Decimal) -> f64 {
    f64::from_str(&d.normalize().to_string()).unwrap_or(f64::NAN)
}

fn properties(title: &str, year: i32) -> Result<DocProperties, Error> {
    let y = u16::try_from(year.clamp(1900, 9999)).unwrap_or(2000);
    let date = ExcelDateTime::from_ymd(y, 1, 1)?;
    Ok(DocProperties::new().set_title(title).set_author("Yeta").set_creation_datetime(&date))
}

fn header(ws: &mut Worksheet, row: u32, names: &[&str], f: &Formats) -> Result<(), Error> {
    for (c, n) in names.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, f.label(n), &f.bold)?;
    }
    Ok(())
}

fn opt(ws: &mut Worksheet, r: u32, c: u16, v: Option<f64>, fmt: &Format) -> Result<(), Error> {
    match v.filter(|x| x.is_finite()) {
        Some(x) => ws.write_number_with_format(r, c, x, fmt)?,
        None => ws.write_string(r, c, "-")?,
    };
    Ok(())
}

/// The widest number of a year column as shown (`#,##0`), in characters.
fn shown_width(x: f64) -> usize {
    let digits = format!("{:.0}", x.abs()).len();
    digits + (digits - 1) / 3 + usize::from(x < 0.0) + if x.fract() == 0.0 { 0 } else { 4 }
}

fn line_rows<K: LineKind + Clone>(
    ws: &mut Worksheet,
    row: &mut u32,
    section: &str,
    lines: &[Line<K>],
    study: &Study,
    f: &Formats,
    widths: &mut [usize],
) -> Result<(), Error> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    for l in lines {
        // The line's own unit: a line with a unit value is exported as quantities, money in
        // the workbook's unit.
        let own = Line { unit_value: None, ..l.clone() };
        let amounts = flows::expand(&own, first, last)
            .map_err(|e| Error::Write(format!("line \"{}\": {e}; validate the study first", l.name)))?;
        ws.write_string(*row, 0, section)?;
        ws.write_string(*row, 1, &l.name)?;
        // The kind by its code, or by its Korean name in a Korean workbook (import reads both).
        let kind = match f.lang {
            yeta_i18n::Lang::Ko => yeta_i18n::catalog(f.lang).code("kind", l.kind.code()),
            yeta_i18n::Lang::En => l.kind.code().to_owned(),
        };
        ws.write_string(*row, 2, kind)?;
        for (i, a) in amounts.iter().enumerate() {
            if !a.is_zero() {
                let x = if l.unit_value.is_some() { to_cell(*a) } else { f.money(*a) };
                let fmt = if x.fract() == 0.0 { &f.amount } else { &f.fraction };
                ws.write_number_with_format(*row, 3 + i as u16, x, fmt)?;
                widths[i] = widths[i].max(shown_width(x));
            }
        }
        *row += 1;
    }
    Ok(())
}

fn lines_sheet(ws: &mut Worksheet, study: &Study, f: &Formats) -> Result<(), Error> {
    // The importer reads the sheet of this name, else the first: the lines come first.
    ws.set_name(f.label("@sheet-lines"))?;
    // Row 1 says the unit (the importer reads it); row 2 is the header.
    ws.write_string_with_format(0, 0, format!("(단위: {}) (unit: {})", f.unit.code(), unit_name(f.unit)), &f.bold)?;
    header(ws, 1, &["@section", "@line-name", "@kind"], f)?;
    let years: Vec<i32> = study.years().collect();
    for (i, y) in years.iter().enumerate() {
        ws.write_number_with_format(1, 3 + i as u16, *y, &f.bold)?;
    }
    let mut widths = vec![6usize; years.len()];
    let mut row = 2;
    line_rows(ws, &mut row, &f.label("@section-cost"), &study.costs, study, f, &mut widths)?;
    line_rows(ws, &mut row, &f.label("@section-benefit"), &study.benefits, study, f, &mut widths)?;
    line_rows(ws, &mut row, &f.label("@section-revenue"), &study.revenues, study, f, &mut widths)?;
    ws.set_column_width(0, 10)?;
    ws.set_column_width(1, 36)?;
    ws.set_column_width(2, 16)?;
    // Wide enough for the largest number shown in each year (and the header), so no `###`.
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(3 + i as u16, (*w + 3) as f64)?;
    }
    ws.set_freeze_panes(2, 3)?;
    Ok(())
}

fn about_sheet(ws: &mut Worksheet, study: &Study, f: &Formats) -> Result<(), Error> {
    ws.set_name(f.label("@sheet-about"))?;
    let p = &study.parameters;
    let text = [
        f.t("about-title", &[("name", study.project.name.clone()), ("version", env!("CARGO_PKG_VERSION").to_owned())]),
        f.t(
            "about-period",
            &[
                ("first", p.first_year.to_string()),
                ("last", p.last_year.to_string()),
                ("base", p.base_year.to_string()),
                ("code", f.unit.code().to_owned()),
            ],
        ),
        f.t("about-lines", &[("sheet", f.label("@sheet-lines"))]),
        f.t("about-import", &[]),
    ];
    for (r, t) in text.iter().enumerate() {
        if r == 0 {
            ws.write_string_with_format(r as u32, 0, t, &f.bold)?;
        } else {
            ws.write_string(r as u32, 0, t)?;
        }
    }
    Ok(())
}

fn summary_sheet(ws: &mut Worksheet, a: &Appraisal, f: &Formats) -> Result<(), Error> {
    ws.set_name(f.label("@sheet-summary"))?;
    let e = &a.economic;
    header(ws, 0, &["@figure", "@value"], f)?;
    let rows: [(&str, Option<f64>, &Format); 6] = [
        ("@pv-benefits", Some(f.money(e.pv_benefits)), &f.millions),
        ("@pv-costs", Some(f.money(e.pv_costs)), &f.millions),
        ("@npv", Some(f.money(e.npv)), &f.millions),
        ("@bc-ratio", e.bc_ratio, &f.ratio),
        ("@irr", e.irr, &f.percent),
        ("@ahp-score", a.ahp.as_ref().map(|h| h.score), &f.ratio),
    ];
    for (i, (label, v, fmt)) in rows.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, f.label(label))?;
        opt(ws, r, 1, *v, fmt)?;
    }
    ws.write_string(7, 0, f.label("@payback-year"))?;
    match e.payback_year {
        Some(y) => ws.write_number(7, 1, y)?,
        None => ws.write_string(7, 1, "-")?,
    };
    ws.write_string(8, 0, f.label("@verdict"))?;
    ws.write_string(8, 1, yeta_i18n::catalog(f.lang).verdict(a))?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 18)?;
    Ok(())
}

fn cash_flow_sheet(ws: &mut Worksheet, a: &Appraisal, f: &Formats) -> Result<(), Error> {
    ws.set_name(f.label("@sheet-cash-flow"))?;
    header(
        ws,
        0,
        &[
            "@year",
            "t",
            "@costs",
            "@benefits",
            "@net",
            "@discount-rate",
            "@discount-factor",
            "@pv-costs-short",
            "@pv-benefits-short",
            "@pv-net",
            "@cumulative-pv-net",
        ],
        f,
    )?;
    for (i, y) in a.economic.cash_flow.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_number(r, 0, y.year)?;
        ws.write_number(r, 1, y.t)?;
        for (c, m) in [(2, y.costs), (3, y.benefits), (4, y.net)] {
            ws.write_number_with_format(r, c, f.money(m), &f.millions)?;
        }
        ws.write_number_with_format(r, 5, y.rate, &f.percent)?;
        ws.write_number_with_format(r, 6, y.discount_factor, &f.factor)?;
        for (c, m) in [(7, y.pv_costs), (8, y.pv_benefits), (9, y.pv_net), (10, y.cumulative_pv_net)] {
            ws.write_number_with_format(r, c, f.money(m), &f.millions)?;
        }
    }
    ws.set_column_range_width(2, 10, 24)?;
    ws.set_column_range_width(5, 6, 14)?;
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}

fn sensitivity_sheet(ws: &mut Worksheet, a: &Appraisal, f: &Formats) -> Result<(), Error> {
    ws.set_name(f.label("@sheet-sensitivity"))?;
    header(
        ws,
        0,
        &[
            "@case",
            "@cost-factor",
            "@benefit-factor",
            "@rate-shift",
            "@pv-benefits-short",
            "@pv-costs-short",
            "@npv",
            "@bc",
            "@irr",
            "@feasible",
        ],
        f,
    )?;
    for (i, s) in a.economic.sensitivity.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, yeta_i18n::catalog(f.lang).sensitivity_case(s.case))?;
        ws.write_number_with_format(r, 1, s.cost_factor, &f.ratio)?;
        ws.write_number_with_format(r, 2, s.benefit_factor, &f.ratio)?;
        ws.write_number_with_format(r, 3, s.rate_shift_pp, &f.ratio)?;
        ws.write_number_with_format(r, 4, f.money(s.pv_benefits), &f.millions)?;
        ws.write_number_with_format(r, 5, f.money(s.pv_costs), &f.millions)?;
        ws.write_number_with_format(r, 6, f.money(s.npv), &f.millions)?;
        opt(ws, r, 7, s.bc_ratio, &f.ratio)?;
        opt(ws, r, 8, s.irr, &f.percent)?;
        ws.write_boolean(r, 9, s.feasible)?;
    }
    ws.set_column_width(0, 20)?;
    ws.set_column_range_width(1, 9, 14)?;
    ws.set_column_range_width(4, 6, 24)?;
    Ok(())
}

fn switching_sheet(ws: &mut Worksheet, a: &Appraisal, f: &Formats) -> Result<(), Error> {
    ws.set_name(f.label("@sheet-switching"))?;
    let s = &a.economic.switching_values;
    header(ws, 0, &["@switching-value", "@value"], f)?;
    // The engine gives the changes in percent; the cell holds the fraction, shown as 0.00 %.
    ws.write_string(1, 0, f.label("@change-in-costs"))?;
    opt(ws, 1, 1, s.costs_pct.map(|p| p / 100.0), &f.percent)?;
    ws.write_string(2, 0, f.label("@change-in-benefits"))?;
    opt(ws, 2, 1, s.benefits_pct.map(|p| p / 100.0), &f.percent)?;
    ws.write_string(3, 0, f.label("@discount-rate-npv-0"))?;
    opt(ws, 3, 1, s.discount_rate, &f.percent)?;
    ws.set_column_width(0, 28)?;
    Ok(())
}

fn ahp_sheet(ws: &mut Worksheet, h: &yeta_core::ahp::AhpResult, f: &Formats) -> Result<(), Error> {
    ws.set_name(f.label("@sheet-ahp"))?;
    let facts: [(&str, f64); 5] = [
        ("@score-implement", h.score),
        ("@threshold", h.threshold),
        ("@lowest-score", h.score_range[0]),
        ("@highest-score", h.score_range[1]),
        ("@score-unconstrained", h.score_unconstrained),
    ];
    for (i, (label, v)) in facts.iter().enumerate() {
        ws.write_string(i as u32, 0, f.label(label))?;
        ws.write_number_with_format(i as u32, 1, *v, &f.ratio)?;
    }
    ws.write_string(5, 0, f.label("@verdict-lower"))?;
    ws.write_string(5, 1, h.verdict)?;
    ws.write_string(6, 0, f.label("@robust"))?;
    ws.write_boolean(6, 1, h.robust)?;

    let mut r = 8;
    header(ws, r, &["@criterion", "@name", "@weight", "@range-low", "@range-high", "@score", "@contribution"], f)?;
    for c in &h.criteria {
        r += 1;
        ws.write_string(r, 0, &c.id)?;
        ws.write_string(r, 1, &c.name)?;
        ws.write_number_with_format(r, 2, c.weight, &f.ratio)?;
        opt(ws, r, 3, c.range.map(|x| x[0]), &f.ratio)?;
        opt(ws, r, 4, c.range.map(|x| x[1]), &f.ratio)?;
        ws.write_number_with_format(r, 5, c.score, &f.ratio)?;
        ws.write_number_with_format(r, 6, c.contribution, &f.ratio)?;
    }

    r += 2;
    let ids: Vec<&String> = h.criteria.iter().map(|c| &c.id).collect();
    let mut cols: Vec<String> =
        vec!["@evaluator".into(), "@role".into(), "@score".into(), "CR".into(), "@consistent".into()];
    cols.extend(
        ids.iter().map(|id| f.t("weight-of", &[("criterion", yeta_i18n::catalog(f.lang).code("criterion", id))])),
    );
    cols.push("@outside-range".into());
    let names: Vec<&str> = cols.iter().map(String::as_str).collect();
    header(ws, r, &names, f)?;
    for e in &h.evaluators {
        r += 1;
        ws.write_string(r, 0, &e.name)?;
        ws.write_string(r, 1, e.role.as_deref().unwrap_or(""))?;
        ws.write_number_with_format(r, 2, e.score, &f.ratio)?;
        ws.write_number_with_format(r, 3, e.cr, &f.ratio)?;
        ws.write_boolean(r, 4, e.consistent)?;
        for (j, id) in ids.iter().enumerate() {
            opt(ws, r, 5 + j as u16, e.weights.get(*id).copied(), &f.ratio)?;
        }
        ws.write_string(r, 5 + ids.len() as u16, e.outside_range.join(", "))?;
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_range_width(2, 5 + ids.len() as u16, 16)?;
    Ok(())
}

/// The study's lines alone (sheet `Lines`), for editing in Excel and importing back.
pub fn lines_workbook(study: &Study) -> Result<Vec<u8>, Error> {
    lines_workbook_in(study, yeta_i18n::Lang::En)
}

/// [`lines_workbook`] in the reader's language: sheet names, headers, sections and kinds in
/// Korean for a Korean officer (the importer reads either).
pub fn lines_workbook_in(study: &Study, lang: yeta_i18n::Lang) -> Result<Vec<u8>, Error> {
    let f = Formats::in_unit(unit_of(study), lang);
    let mut wb = Workbook::new();
    wb.set_properties(&properties(&study.project.name, study.parameters.base_year)?);
    lines_sheet(wb.add_worksheet(), study, &f)?;
    about_sheet(wb.add_worksheet(), study, &f)?;
    Ok(wb.save_to_buffer()?)
}

/// The study's lines and its appraisal: summary, yearly cash flow, sensitivity, switching values
/// and, when the study has one, the AHP evaluation.
pub fn study_workbook(study: &Study, a: &Appraisal) -> Result<Vec<u8>, Error> {
    study_workbook_in(study, a, yeta_i18n::Lang::En)
}

/// [`study_workbook`] in the reader's language, with the report's words (the same catalog).
pub fn study_workbook_in(study: &Study, a: &Appraisal, lang: yeta_i18n::Lang) -> Result<Vec<u8>, Error> {
    let f = Formats::in_unit(unit_of(study), lang);
    let mut wb = Workbook::new();
    wb.set_properties(&properties(&study.project.name, study.parameters.base_year)?);
    lines_sheet(wb.add_worksheet(), study, &f)?;
    summary_sheet(wb.add_worksheet(), a, &f)?;
    cash_flow_sheet(wb.add_worksheet(), a, &f)?;
    sensitivity_sheet(wb.add_worksheet(), a, &f)?;
    switching_sheet(wb.add_worksheet(), a, &f)?;
    if let Some(h) = &a.ahp {
        ahp_sheet(wb.add_worksheet(), h, &f)?;
    }
    about_sheet(wb.add_worksheet(), study, &f)?;
    Ok(wb.save_to_buffer()?)
}

/// One study in the reviewer's ranking, in rank order.
pub struct ComparisonRow<'a> {
    /// The study file, as given.
    pub file: String,
    /// Its appraisal.
    pub appraisal: &'a Appraisal,
    /// Total cost of the studies to implement up to this one, KRW.
    pub cumulative_cost: f64,
    /// Within the budget, when one was given and the study is to be implemented.
    pub fits_budget: Option<bool>,
}

/// `yeta compare --xlsx`: one row per study in rank order, each top-level criterion's weighted
/// contribution in its own column (they add up to the AHP score).
pub fn comparison_workbook(rows: &[ComparisonRow<'_>]) -> Result<Vec<u8>, Error> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let year = rows.iter().map(|r| r.appraisal.study.base_year).max().unwrap_or(2000);
    wb.set_properties(&properties("Yeta comparison", year)?);
    let ws = wb.add_worksheet();
    ws.set_name("Comparison")?;
    let criteria: BTreeSet<String> =
        rows.iter().filter_map(|r| r.appraisal.ahp.as_ref()).flat_map(|h| h.contributions.keys().cloned()).collect();
    let mut cols: Vec<String> = [
        "rank",
        "study",
        "file",
        "sector",
        "region",
        "total cost (KRW million)",
        "@bc",
        "@npv",
        "@irr",
        "@ahp-score",
        "AHP low",
        "AHP high",
        "robust",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    cols.extend(criteria.iter().map(|c| format!("contribution {c}")));
    cols.extend(
        [
            "backwardness index",
            "si-gun-gu",
            "si-gun-gu backwardness index",
            "emissions (tCO2e)",
            "@verdict-lower",
            "cumulative cost (KRW million)",
            "within budget",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    let names: Vec<&str> = cols.iter().map(String::as_str).collect();
    header(ws, 0, &names, &f)?;
    for (i, row) in rows.iter().enumerate() {
        let r = 1 + i as u32;
        let a = row.appraisal;
        let h = a.ahp.as_ref();
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, &a.study.name)?;
        ws.write_string(r, 2, &row.file)?;
        ws.write_string(r, 3, a.study.sector.code())?;
        ws.write_string(r, 4, a.study.region.code())?;
        ws.write_number_with_format(r, 5, f.money(a.study.total_cost), &f.millions)?;
        opt(ws, r, 6, a.economic.bc_ratio, &f.ratio)?;
        ws.write_number_with_format(r, 7, f.money(a.economic.npv), &f.millions)?;
        opt(ws, r, 8, a.economic.irr, &f.percent)?;
        opt(ws, r, 9, h.map(|h| h.score), &f.ratio)?;
        opt(ws, r, 10, h.map(|h| h.score_range[0]), &f.ratio)?;
        opt(ws, r, 11, h.map(|h| h.score_range[1]), &f.ratio)?;
        match h {
            Some(h) => ws.write_boolean(r, 12, h.robust)?,
            None => ws.write_string(r, 12, "-")?,
        };
        let mut c = 13u16;
        for id in &criteria {
            opt(ws, r, c, h.and_then(|h| h.contributions.get(id).copied()), &f.ratio)?;
            c += 1;
        }
        opt(ws, r, c, a.regional.as_ref().map(|x| x.backwardness.index), &f.ratio)?;
        // The 시·군·구 index is on its own scale: a column of its own, never mixed with the 시·도 one.
        let sg = a.regional.as_ref().and_then(|x| x.sigungu.as_ref());
        match sg {
            Some(s) => ws.write_string(r, c + 1, format!("{} {}", s.code, s.name))?,
            None => ws.write_string(r, c + 1, "-")?,
        };
        opt(ws, r, c + 2, sg.map(|s| s.index), &f.ratio)?;
        opt(ws, r, c + 3, a.environment.as_ref().map(|x| x.total_tco2e), &f.amount)?;
        ws.write_string(r, c + 4, if a.verdict.implement { "implement" } else { "do not implement" })?;
        ws.write_number_with_format(r, c + 5, row.cumulative_cost / 1e6, &f.millions)?;
        match row.fits_budget {
            Some(b) => ws.write_boolean(r, c + 6, b)?,
            None => ws.write_string(r, c + 6, "-")?,
        };
    }
    ws.set_column_range_width(0, names.len().saturating_sub(1) as u16, 22)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_width(2, 36)?;
    ws.set_freeze_panes(1, 2)?;
    Ok(wb.save_to_buffer()?)
}

/// The Korean sheet layout [`crate::import`] reads, for an officer to fill in (`yeta template`):
/// `(단위: …)` in A1, the header 구분 / 항목 / 유형 / years in row 2, drop-downs for the section
/// (비용, 편익, 수입) and the kind (every kind's Korean name; codes are accepted too, so the list
/// warns rather than stops). With a study, its lines and amounts in `unit`; without one, an
/// example line per section to overwrite.
pub fn template_workbook(
    study: Option<&Study>,
    years: std::ops::RangeInclusive<i32>,
    unit: Unit,
) -> Result<Vec<u8>, Error> {
    use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle};
    let f = Formats::in_unit(unit, yeta_i18n::Lang::Ko);
    let mut wb = Workbook::new();
    let year0 = study.map_or(*years.start(), |s| s.parameters.base_year);
    wb.set_properties(&properties(study.map_or("Yeta template", |s| s.project.name.as_str()), year0)?);
    let ws = wb.add_worksheet();
    ws.set_name(LINES_SHEET)?;
    ws.write_string_with_format(0, 0, format!("(단위: {})", unit.code()), &f.bold)?;
    for (c, h) in ["구분", "항목", "유형"].iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &f.bold)?;
    }
    let years: Vec<i32> = match study {
        Some(s) => s.years().collect(),
        None => years.collect(),
    };
    for (i, y) in years.iter().enumerate() {
        ws.write_number_with_format(1, 3 + i as u16, *y, &f.bold)?;
    }
    let mut widths = vec![6usize; years.len()];
    let mut row = 2u32;
    match study {
        Some(s) => {
            fn section(code: &'static str) -> &'static str {
                yeta_core::study::LISTS.iter().find(|n| n.code == code).map_or(code, |n| n.ko)
            }
            let f = Formats::in_unit(unit, yeta_i18n::Lang::Ko);
            line_rows(ws, &mut row, section("costs"), &s.costs, s, &f, &mut widths)?;
            line_rows(ws, &mut row, section("benefits"), &s.benefits, s, &f, &mut widths)?;
            line_rows(ws, &mut row, section("revenues"), &s.revenues, s, &f, &mut widths)?;
        }
        None => {
            for (sec, name, kind) in [
                ("비용", "(예시) 공사비", "공사비·구축비"),
                ("비용", "(예시) 운영비", "운영·유지관리비"),
                ("편익", "(예시) 통행시간 절감", "통행시간 절감"),
                ("수입", "(예시) 통행료", "통행료"),
            ] {
                ws.write_string(row, 0, sec)?;
                ws.write_string(row, 1, name)?;
                ws.write_string(row, 2, kind)?;
                row += 1;
            }
        }
    }
    // Drop-downs down to row 500 (more lines can be typed; the list only helps).
    let last = row.max(500);
    let sections = DataValidation::new()
        .allow_list_strings(&["비용", "편익", "수입"])?
        .set_error_style(DataValidationErrorStyle::Warning);
    ws.add_data_validation(2, 0, last, 0, &sections)?;
    let mut kinds: Vec<&str> = Vec::new();
    for n in yeta_core::study::CostKind::NAMES
        .iter()
        .chain(yeta_core::study::BenefitKind::NAMES)
        .chain(yeta_core::study::RevenueKind::NAMES)
    {
        if !kinds.contains(&n.ko) {
            kinds.push(n.ko);
        }
    }
    let kinds = DataValidation::new().allow_list_strings(&kinds)?.set_error_style(DataValidationErrorStyle::Warning);
    ws.add_data_validation(2, 2, last, 2, &kinds)?;
    ws.set_column_width(0, 10)?;
    ws.set_column_width(1, 36)?;
    ws.set_column_width(2, 18)?;
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(3 + i as u16, (*w + 3) as f64)?;
    }
    ws.set_freeze_panes(2, 3)?;
    let notes = wb.add_worksheet();
    notes.set_name("안내")?;
    for (r, t) in [
        format!("금액 단위: {} (A1의 단위를 바꾸면 그 단위로 읽습니다: 원, 천원, 백만원, 억원).", unit.code()),
        "구분: 비용, 편익, 수입. 유형: 목록의 한글 명칭 또는 코드(capex, opex, travel_time, …).".to_owned(),
        "연도는 빈칸 없이 한 열에 한 해씩; 빈 칸은 그해 금액 없음.".to_owned(),
        "읽기: yeta import STUDY --lines 이 파일 --out NEW.yeta.json".to_owned(),
    ]
    .iter()
    .enumerate()
    {
        notes.write_string(r as u32, 0, t)?;
    }
    Ok(wb.save_to_buffer()?)
}
