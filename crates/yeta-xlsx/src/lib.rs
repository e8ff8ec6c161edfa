//! # yeta-xlsx: Excel interop for Yeta
//!
//! Budget officers keep their cost and benefit forecasts in spreadsheets; reviewers read tables in
//! Excel. This crate moves study lines in and appraisal tables out, bytes in and bytes out (no file
//! I/O, so every path is testable; the `yeta` CLI reads and writes the files):
//! - [`import`]: cost, benefit and revenue lines from a CSV (the `csv` crate) or an XLSX sheet
//!   (`calamine`), a year per column or a year per row, with every error naming its cell
//!   (`Sheet1!D7: "12a" is not a number`);
//! - [`export`]: the study's lines in exactly the layout [`import`] reads, the appraisal's cash-flow,
//!   sensitivity, switching-value and AHP tables, and the reviewer's comparison, written with
//!   `rust_xlsxwriter` with number formats and a fixed creation date, so the same input gives the
//!   same bytes.
//!
//! Money stays [`rust_decimal::Decimal`]: a text cell is parsed exactly; a number cell (an IEEE
//! double, the only number type of XLSX) is converted through its shortest round-trip decimal
//! string, so `0.1` typed in Excel becomes exactly `0.1`, not 0.1000000000000000055….

pub mod export;
mod grid;
pub mod import;
pub mod limits;
pub mod splice;

pub use grid::CellError;
pub use import::{Imported, ImportedLine, Options, Orientation, Section};

use thiserror::Error;

/// Why an import or export failed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    /// The bytes are not a workbook or CSV Yeta can read, or the sheet asked for is missing.
    #[error("{0}")]
    Read(String),
    /// Cells that do not fit the layout, each named as Excel names it (`Sheet1!D7`).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Cells(Vec<CellError>),
    /// The file passes one of the [`limits`] on untrusted files: which one, and where.
    #[error("{0}")]
    Limit(String),
    /// The sheet's amounts are an order of magnitude or more away from the study's total cost:
    /// probably in another unit.
    #[error("{0}")]
    Scale(String),
    /// rust_xlsxwriter refused to write the workbook.
    #[error("cannot write the workbook: {0}")]
    Write(String),
}

impl From<rust_xlsxwriter::XlsxError> for Error {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        Error::Write(e.to_string())
    }
}
