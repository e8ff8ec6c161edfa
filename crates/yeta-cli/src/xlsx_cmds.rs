//! Excel interop commands: `import` (study lines from CSV/XLSX) and `export` (lines and appraisal
//! tables to XLSX). Thin: read files, call yeta-xlsx and the engine, write files, print.

use anyhow::{Context as _, Result, anyhow, bail};
use clap::{Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yeta_core::{Study, StudyError};
use yeta_xlsx::Orientation;

/// How the sheet lays out years.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrientationArg {
    /// Tell from A1: `section` → a year per column, `year` → a year per row.
    Auto,
    /// A year per column, one line per row (what `yeta export` writes).
    Columns,
    /// A year per row, one line per column.
    Rows,
}

/// Import and export commands; `main` flattens these into its own.
#[derive(Subcommand)]
pub enum XlsxCmd {
    /// Replace a study's cost, benefit and revenue lines with those of a CSV or XLSX sheet.
    Import {
        /// The study file whose lines are replaced (it is not changed; see --out).
        study: PathBuf,
        /// The sheet: a .csv or .xlsx file (.xlsm, .xlsb, .xls and .ods are read too).
        #[arg(long)]
        lines: PathBuf,
        /// The worksheet to read (workbooks; default: `Lines`, else the first sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// How years are laid out; `auto` detects it and says what it found.
        #[arg(long, value_enum, default_value = "auto")]
        orientation: OrientationArg,
        /// Where to write the new study (written only when it validates).
        #[arg(long)]
        out: PathBuf,
        /// The money unit of the sheet's amounts (원, 천원, 만원, 백만원, 억원, 십억원), when the sheet
        /// has no "(단위: …)" cell or it is wrong; turns off the check against the total cost.
        #[arg(long)]
        unit: Option<String>,
    },
    /// Write the Korean sheet layout `import` reads — (단위: …) in A1, 구분/항목/유형 and the years,
    /// drop-downs for sections and kinds — empty with example lines, or holding a study's lines.
    Template {
        /// Where to write the workbook.
        #[arg(long)]
        xlsx: PathBuf,
        /// Fill it with this study's lines and years.
        #[arg(long)]
        study: Option<PathBuf>,
        /// First year (without --study).
        #[arg(long, default_value_t = 2026)]
        from: i32,
        /// Last year (without --study).
        #[arg(long, default_value_t = 2055)]
        to: i32,
        /// Money unit of the sheet (default: the study's, else 백만원).
        #[arg(long)]
        unit: Option<String>,
    },
    /// Export a study's lines and its appraisal (cash flow, sensitivity, switching values, AHP)
    /// to an XLSX workbook.
    Export {
        /// The study file.
        study: PathBuf,
        /// Where to write the workbook.
        #[arg(long)]
        xlsx: PathBuf,
        /// Language of the sheet names, headers and kinds: ko or en (import reads either).
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

fn read_study(path: &Path) -> Result<std::result::Result<(String, Study), StudyError>> {
    let text = crate::read(path)?;
    Ok(Study::from_json(&text).map(|s| (text, s)))
}

/// The lines that validation problems point at (`costs[2]…`), by name, so the user finds them in
/// the sheet: the paths are the new study's.
fn lines_named(study: &Study, e: &StudyError) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in e.problems() {
        for (list, names) in [
            ("costs", study.costs.iter().map(|l| l.name.as_str()).collect::<Vec<_>>()),
            ("benefits", study.benefits.iter().map(|l| l.name.as_str()).collect()),
            ("revenues", study.revenues.iter().map(|l| l.name.as_str()).collect()),
        ] {
            let Some(rest) = p.path.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else { continue };
            let Some(i) = rest.split(']').next().and_then(|i| i.parse::<usize>().ok()) else { continue };
            let path = format!("{list}[{i}]");
            if let Some(name) = names.get(i).filter(|_| !out.iter().any(|(q, _)| *q == path)) {
                out.push((path, (*name).to_owned()));
            }
        }
    }
    out
}

pub fn run(cmd: XlsxCmd) -> Result<ExitCode> {
    match cmd {
        XlsxCmd::Import { study, lines, sheet, orientation, out, unit } => {
            let unit = match unit.as_deref() {
                Some(u) => Some(
                    yeta_core::study::Unit::from_name(u)
                        .ok_or_else(|| anyhow!("--unit: {}", yeta_core::study::Unit::unknown(u)))?,
                ),
                None => None,
            };
            let (original, s) = match read_study(&study)? {
                Ok(x) => x,
                Err(e) => {
                    crate::report_problems(&study, &e);
                    return Ok(ExitCode::FAILURE);
                }
            };
            let size = std::fs::metadata(&lines).with_context(|| format!("cannot read {}", lines.display()))?.len();
            if size > yeta_xlsx::limits::MAX_FILE_BYTES as u64 {
                bail!(
                    "{}: {size} bytes, more than the import limit of {} bytes",
                    lines.display(),
                    yeta_xlsx::limits::MAX_FILE_BYTES
                );
            }
            let bytes = std::fs::read(&lines).with_context(|| format!("cannot read {}", lines.display()))?;
            let file = lines.file_name().map_or_else(|| lines.display().to_string(), |n| n.to_string_lossy().into());
            let given = match orientation {
                OrientationArg::Auto => None,
                OrientationArg::Columns => Some(Orientation::Columns),
                OrientationArg::Rows => Some(Orientation::Rows),
            };
            let ext = lines.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
            let imported = match ext.as_str() {
                "csv" => {
                    if sheet.is_some() {
                        bail!("--sheet applies to a workbook, not to {file}");
                    }
                    yeta_xlsx::import::read_csv(&bytes, &file, given)
                }
                "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => {
                    yeta_xlsx::import::read_workbook(&bytes, sheet.as_deref(), given)
                }
                _ => bail!("{file}: give a .csv, .xlsx (or .xlsm, .xlsb, .xls, .ods) file"),
            }
            .map_err(|e| anyhow!("{e}"))?;
            let how = match (given, imported.detected) {
                (None, _) => format!(
                    "detected from {}; --orientation columns|rows to override",
                    if imported.header_row == 0 {
                        "A1".to_owned()
                    } else {
                        format!("row {} under the title", imported.header_row + 1)
                    }
                ),
                (Some(g), Some(d)) if g != d => format!("as given, although A1 suggests {d}"),
                (Some(_), _) => "as given".to_owned(),
            };
            crate::emit(&format!("{file}: {} ({how})\n", imported.orientation));
            let count = |sec| imported.lines.iter().filter(|l| l.section == sec).count();
            let years: Vec<i32> = imported.year_cells.keys().copied().collect();
            let span = match (years.first(), years.last()) {
                (Some(a), Some(b)) => format!("with amounts in {a}–{b}"),
                _ => "with no yearly amounts".to_owned(),
            };
            crate::emit(&format!(
                "  read {} cost, {} benefit, {} revenue lines {span}\n",
                count(yeta_xlsx::Section::Cost),
                count(yeta_xlsx::Section::Benefit),
                count(yeta_xlsx::Section::Revenue),
            ));
            let opts = yeta_xlsx::Options { unit };
            let (u, said) = yeta_xlsx::import::unit_of(&imported, &opts);
            crate::emit(&format!("  amounts in {} ({said})\n", u.code()));
            let new = yeta_xlsx::import::apply_with(&s, &imported, &opts).map_err(|e| anyhow!("{e}"))?;
            for (list, n) in yeta_xlsx::import::kept_lists(&s, &imported) {
                crate::emit(&format!("  kept the study's {n} {list} line(s): the sheet has none\n"));
            }
            for (list, name) in yeta_xlsx::import::removed_lines(&s, &imported) {
                crate::emit(&format!("  removed {list} line \"{name}\": not in the sheet\n"));
            }
            let unchanged = new.costs.iter().filter(|l| s.costs.contains(l)).count()
                + new.benefits.iter().filter(|l| s.benefits.contains(l)).count()
                + new.revenues.iter().filter(|l| s.revenues.contains(l)).count();
            let total = new.costs.len() + new.benefits.len() + new.revenues.len();
            crate::emit(&format!("  {} of {total} lines changed\n", total - unchanged));
            let quantities = yeta_xlsx::import::quantity_lines(&new);
            if !quantities.is_empty() {
                crate::emit(&format!(
                    "  amounts read as quantities (the study's unit value kept): {}\n",
                    quantities.join(", ")
                ));
            }
            let before = yeta_core::appraise(&s, None).ok().and_then(|a| a.economic.bc_ratio);
            match yeta_core::appraise(&new, None) {
                Ok(a) => {
                    let bc = |x: Option<f64>| x.map_or("-".to_owned(), |b| format!("{b:.3}"));
                    let text = yeta_xlsx::splice::write_back(&original, &s, &new);
                    yeta_service::fs::atomic_write(&out, text.as_bytes())?;
                    crate::emit(&format!(
                        "  B/C {} → {}; wrote {}\n",
                        bc(before),
                        bc(a.economic.bc_ratio),
                        out.display()
                    ));
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("the study with the imported lines is not valid; nothing written");
                    crate::report_problems(&out, &e);
                    for (path, name) in lines_named(&new, &e) {
                        eprintln!("  ({path} is the sheet's line \"{name}\")");
                    }
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        XlsxCmd::Template { xlsx, study, from, to, unit } => {
            let s = match &study {
                Some(p) => match read_study(p)? {
                    Ok((_, s)) => Some(s),
                    Err(e) => {
                        crate::report_problems(p, &e);
                        return Ok(ExitCode::FAILURE);
                    }
                },
                None => None,
            };
            if s.is_none() && !(from <= to && to - from < 400) {
                bail!("--from {from} --to {to}: give a period of at most 400 years, first year first");
            }
            let unit = match unit.as_deref() {
                Some(u) => yeta_core::study::Unit::from_name(u)
                    .ok_or_else(|| anyhow!("--unit: {}", yeta_core::study::Unit::unknown(u)))?,
                None => s.as_ref().and_then(|s| s.unit).unwrap_or(yeta_core::study::Unit::Million),
            };
            let bytes =
                yeta_xlsx::export::template_workbook(s.as_ref(), from..=to, unit).map_err(|e| anyhow!("{e}"))?;
            yeta_service::fs::atomic_write(&xlsx, &bytes)?;
            crate::emit(&format!("wrote {} ({} bytes; amounts in {})\n", xlsx.display(), bytes.len(), unit.code()));
            Ok(ExitCode::SUCCESS)
        }
        XlsxCmd::Export { study, xlsx, lang } => {
            let lang = yeta_i18n::Lang::from_code(&lang);
            let (_, s) = match read_study(&study)? {
                Ok(x) => x,
                Err(e) => {
                    crate::report_problems(&study, &e);
                    return Ok(ExitCode::FAILURE);
                }
            };
            let a = match yeta_core::appraise(&s, None) {
                Ok(a) => a,
                Err(e) => {
                    crate::report_problems(&study, &e);
                    return Ok(ExitCode::FAILURE);
                }
            };
            let bytes = yeta_xlsx::export::study_workbook_in(&s, &a, lang).map_err(|e| anyhow!("{e}"))?;
            yeta_service::fs::atomic_write(&xlsx, &bytes)?;
            crate::emit(&format!("wrote {} ({} bytes)\n", xlsx.display(), bytes.len()));
            Ok(ExitCode::SUCCESS)
        }
    }
}
