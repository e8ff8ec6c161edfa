//! `yeta data check FILE`: checks a region table a user supplies (시·군·구 indicators, a two-region
//! input-output table or a cost-class map) — its codes, units, sources and missing values — and
//! reports its coverage. Every problem names the line and the column, in the catalog's words.

use crate::Lang;
use anyhow::Result;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use yeta_core::diag::{Code, Diagnostic};
use yeta_core::regional::{io2, sigungu, table};

/// `yeta data …`.
#[derive(Subcommand)]
pub enum DataCmd {
    /// Check a region table (codes, units, sources, missing values) and report its coverage.
    Check {
        /// The table (CSV with `#yeta-table,KIND,VERSION` metadata rows; see fixtures/regions).
        file: PathBuf,
        /// Language of the report.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
}

/// The table kinds `check` knows.
pub const KINDS: &str = "sigungu-indicators, io-two-region, cost-io-map";

/// The spec of a table kind.
pub fn spec_of(kind: &str) -> Option<table::TableSpec> {
    match kind {
        "sigungu-indicators" => Some(sigungu::Method::builtin().spec()),
        "io-two-region" => Some(io2::io2_spec()),
        "cost-io-map" => Some(io2::map_spec()),
        _ => None,
    }
}

/// Parses a table of the kind `want` (or of the kind it names, when `want` is `None`) and runs the
/// checks beyond the parse (a map's shares).
pub fn parse(text: &str, want: Option<&str>) -> Result<table::DataTable, Vec<Diagnostic>> {
    let Some((kind, _)) = table::kind_of(text) else {
        return Err(vec![Diagnostic::new(Code::DataNotATable, "").text("want", want.unwrap_or(KINDS))]);
    };
    let kind = want.map_or(kind, str::to_owned);
    let Some(spec) = spec_of(&kind) else {
        return Err(vec![Diagnostic::new(Code::DataWrongKind, "").text("value", kind).text("want", KINDS)]);
    };
    let t = table::DataTable::parse(text, &spec, false)?;
    if t.info.kind == "cost-io-map" {
        let d = io2::check_map(&t);
        if !d.is_empty() {
            return Err(d);
        }
    }
    Ok(t)
}

/// The report of `check` and whether the table passed.
pub fn check(name: &str, text: &str, lang: Lang) -> (String, bool) {
    let cat = yeta_i18n::catalog(if lang == Lang::Ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
    let ko = lang == Lang::Ko;
    let mut o = String::new();
    let t = match parse(text, None) {
        Ok(t) => t,
        Err(errs) => {
            o.push_str(&cat.format("cli-data-refused", &[("file", name.to_owned()), ("n", errs.len().to_string())]));
            o.push('\n');
            for d in &errs {
                o.push_str(&format!("  {}\n", cat.diagnostic(d)));
            }
            return (o, false);
        }
    };
    o.push_str(&cat.format(
        "cli-data-valid",
        &[
            ("file", name.to_owned()),
            ("kind", t.info.kind.clone()),
            ("version", t.info.version.clone()),
            ("rows", t.rows.len().to_string()),
        ],
    ));
    o.push('\n');
    let title = if ko { &t.info.title } else { &t.info.title_en };
    if !title.is_empty() {
        o.push_str(&format!("  {title}\n"));
    }
    let status = match t.info.status {
        table::Status::Illustrative => Code::DataIllustrative,
        table::Status::Cited => Code::DataCited,
    };
    o.push_str(&format!("  {}\n", cat.diagnostic(&Diagnostic::new(status, ""))));
    if let Some(c) = &t.info.citation {
        o.push_str(&format!("  {c}\n"));
    }
    let region_name = |r: yeta_core::study::Region| cat.code("app-region", r.code());
    match t.info.kind.as_str() {
        "sigungu-indicators" => {
            let cov = table::coverage(&t);
            let d = Diagnostic::new(Code::DataCoverage, "")
                .int("rows", cov.rows as i64)
                .int("regions", cov.by_region.len() as i64);
            o.push_str(&format!("  {}\n", cat.diagnostic(&d)));
            for (r, n) in &cov.by_region {
                o.push_str(&format!("    {:<6} {:<20} {n:>4}\n", r.code(), region_name(*r)));
            }
            if !cov.missing.is_empty() {
                let names: Vec<String> = cov.missing.iter().map(|r| region_name(*r)).collect();
                o.push_str(&format!("  {}: {}\n", cat.text("cli-data-no-rows-for"), names.join(", ")));
            }
        }
        "io-two-region" => {
            let mut regions: Vec<String> = Vec::new();
            for r in &t.rows {
                if !regions.contains(&r.code) {
                    regions.push(r.code.clone());
                }
            }
            let names: Vec<String> =
                regions.iter().map(|c| yeta_core::study::Region::from_code(c).map_or(c.clone(), region_name)).collect();
            o.push_str(&format!("  {}: {}\n", cat.text("cli-data-regions"), names.join(", ")));
        }
        _ => {}
    }
    o.push_str(&format!("  {}\n", cat.text("cli-data-sources")));
    for s in &t.info.sources {
        let (table, publisher) = if ko { (&s.table, &s.publisher) } else { (&s.table_en, &s.publisher_en) };
        let id = if s.table_id.is_empty() { "—".to_owned() } else { s.table_id.clone() };
        o.push_str(&format!("    {}: {table} [{id}], {publisher}, {} ({})\n", s.column, s.vintage, s.unit));
    }
    (o, true)
}

/// Runs a `data` command.
pub fn run(cmd: DataCmd) -> Result<ExitCode> {
    match cmd {
        DataCmd::Check { file, lang } => {
            crate::guard(&[file.as_path()], &[])?;
            let text = crate::read(&file)?;
            let (out, ok) = check(&file.display().to_string(), &text, lang);
            crate::emit(&out);
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
    }
}

/// Reads a table for `yeta appraise --sigungu/--io2/--cost-io-map`: refused with every problem,
/// each naming line and column.
pub fn read_table(path: &std::path::Path, kind: &str) -> Result<String> {
    let text = crate::read(path)?;
    if let Err(errs) = parse(&text, Some(kind)) {
        let cat = yeta_i18n::catalog(yeta_i18n::Lang::En);
        let lines: Vec<String> = errs.iter().map(|d| format!("  {}", cat.diagnostic(d))).collect();
        anyhow::bail!("{}: the table is refused:\n{}", path.display(), lines.join("\n"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    #[test]
    fn the_shipped_tables_pass_with_their_coverage() {
        for f in ["kr-sigungu-indicators.csv", "io-two-region.csv", "cost-io-map.csv"] {
            let text = std::fs::read_to_string(root().join("fixtures/regions").join(f)).expect("table");
            let (out, ok) = check(f, &text, Lang::En);
            assert!(ok, "{out}");
            assert!(out.contains("illustrative"), "{out}");
        }
        let text = std::fs::read_to_string(root().join("fixtures/regions/kr-sigungu-indicators.csv")).expect("t");
        let (out, _) = check("t.csv", &text, Lang::En);
        assert!(out.contains("Coverage: 28 si-gun-gu in 8 provinces."), "{out}");
    }

    /// A user's table with a wrong code and a wrong unit is refused, naming the line and column.
    #[test]
    fn a_wrong_code_or_unit_is_refused_naming_row_and_column() {
        let good = std::fs::read_to_string(root().join("fixtures/regions/kr-sigungu-indicators.csv")).expect("t");
        let bad = good
            .replace("43150,충청북도 제천시", "43999x,충청북도 제천시")
            .replace("#unit,,,%,%,km/km2", "#unit,,,%,%,m/km2");
        let (out, ok) = check("user.csv", &bad, Lang::En);
        assert!(!ok);
        assert!(out.contains("user.csv: refused (2 problems)"), "{out}");
        assert!(
            out.contains(
                "Line 5, column road_density_km_per_km2: the unit \"m/km2\" is not the \"km/km2\" the method expects."
            ),
            "{out}"
        );
        assert!(out.contains("Line 24, column code: \"43999x\" is not a KOSTAT si-gun-gu code"), "{out}");
        let (ko, _) = check("user.csv", &bad, Lang::Ko);
        assert!(ko.contains("24행 code열: \"43999x\"은(는) 통계청 시·군·구 행정구역코드"), "{ko}");
    }
}
