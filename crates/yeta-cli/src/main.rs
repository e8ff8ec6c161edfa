//! `yeta`: the command-line shell over yeta-core. Each subcommand reads files, calls the engine
//! and prints; no appraisal logic lives here.

mod ahp_cmd;
mod bench_cmd;
mod data_cmd;
mod diff_cmd;
mod evaluate_cmd;
mod library_cmds;
mod publish_cmd;
mod registry_cmds;
mod report_cmds;
mod risk_cmd;
mod summary;
mod summary_stages;
mod xlsx_cmds;

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yeta_core::{RuleSet, StudyError};

#[derive(Parser)]
#[command(
    name = "yeta",
    version,
    about = "Preliminary feasibility studies (예비타당성조사): appraise, validate, report"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Language of terminal output.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// 한국어
    Ko,
    /// English
    En,
}

#[derive(Subcommand)]
enum Command {
    #[command(flatten)]
    Report(report_cmds::ReportCmd),
    #[command(flatten)]
    Xlsx(xlsx_cmds::XlsxCmd),
    /// Region tables (시·군·구 indicators, two-region input-output, cost map): check one.
    Data {
        #[command(subcommand)]
        command: data_cmd::DataCmd,
    },
    /// A shared review registry (yeta-registry): log in, submit, list, pull, review, sign off.
    Registry {
        #[command(subcommand)]
        command: registry_cmds::RegistryCmd,
    },
    /// Appraise a study: summary table on the terminal, the whole appraisal as JSON.
    Appraise {
        /// The study file (.yeta.json).
        study: PathBuf,
        /// Write the appraisal as JSON to this file (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Language of the summary.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
        /// A rule-set file to use when the study names a rule set Yeta does not ship.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Also render the PDF appraisal report (in the `--lang` language) to this file.
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// Your own regional indicator table (CSV, the columns of fixtures/regions/kr-regions-2022.csv).
        #[arg(long)]
        regions: Option<PathBuf>,
        /// Your own input-output multipliers (CSV, the columns of fixtures/regions/io-multipliers.csv).
        #[arg(long)]
        multipliers: Option<PathBuf>,
        /// A study library whose completed projects give the reference class (참조 사업군) for
        /// `optimism_bias.source: "library"`.
        #[arg(long)]
        library: Option<PathBuf>,
        /// Your own 시·군·구 indicator table (see `yeta data check` and fixtures/regions/README.md).
        #[arg(long)]
        sigungu: Option<PathBuf>,
        /// Your own two-region input-output table (fixtures/regions/io-two-region.csv's form).
        #[arg(long)]
        io2: Option<PathBuf>,
        /// Your own cost-class → input-output sector map (fixtures/regions/cost-io-map.csv's form).
        #[arg(long)]
        cost_io_map: Option<PathBuf>,
    },
    /// Check a study and list every problem at once (type errors too), then the plausibility
    /// warnings, without appraising it.
    Validate {
        /// The study file.
        study: PathBuf,
        /// Language of the warnings.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
        /// A rule-set file to use when the study names a rule set Yeta does not ship.
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Write a new study for a sector: the PFS AHP hierarchy with its ids, an example line of
    /// every kind, the policy checklist and the environment section; valid as written.
    New {
        /// Sector: code or name (road, rail, port, airport, water, building, culture, ict, rnd,
        /// other; 도로, 철도, 정보화, …).
        #[arg(long)]
        sector: String,
        /// Region: ISO code or name (KR-27, 대구, 대구광역시, Daegu).
        #[arg(long)]
        region: String,
        /// Language of the names and notes; Korean also writes amounts in 백만원.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
        /// Where to write the study.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the JSON Schema of the study file format.
    Schema {
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Monte Carlo risk analysis: NPV and B/C distributions, P(B/C ≥ 1), critical variables.
    Risk {
        /// The study file.
        study: PathBuf,
        /// Number of draws.
        #[arg(long, default_value_t = 10_000)]
        draws: usize,
        /// Seed: the same seed gives the same numbers on any number of threads.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Threads to use (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Write the result as JSON to this file (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Language of the summary.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// Time the engine on the benchmark inputs (used by benches/compare.py); prints JSON.
    #[command(hide = true)]
    Bench {
        /// Threads for the Monte Carlo run.
        #[arg(long, default_value_t = 2)]
        threads: usize,
    },
    /// Priorities and consistency of one pairwise comparison matrix.
    Ahp {
        /// A file `{"items": ["A", "B", …], "matrix": [[1, 3, "1/5"], …]}`.
        matrix: PathBuf,
        /// Write the result as JSON to this file (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Rule set whose RI table and CR cut-off apply.
        #[arg(long, default_value = yeta_core::rules::DEFAULT_RULE_SET)]
        rules: String,
    },
    /// The study library: every revision of every study, and sign-off records.
    Library {
        /// The library file (default: $YETA_DATA_DIR/library.sqlite, else ~/.local/share/yeta).
        #[arg(long, global = true)]
        db: Option<PathBuf>,
        #[command(subcommand)]
        command: library_cmds::LibraryCommand,
    },
    /// Compare studies side by side and rank them for a budget (reviewer's view).
    Compare {
        /// Study files.
        #[arg(required = true)]
        studies: Vec<PathBuf>,
        /// Write the comparison as JSON (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Budget in KRW: marks which studies, in rank order, fit within it.
        #[arg(long)]
        budget: Option<f64>,
        /// Also write the comparison table to this XLSX workbook.
        #[arg(long)]
        xlsx: Option<PathBuf>,
    },
    /// What changed between two versions of a study, by meaning (notation, units and ranged
    /// flows do not count), grouped by stage and line; then B/C, NPV and AHP score.
    Diff {
        /// The earlier study.
        a: PathBuf,
        /// The later study.
        b: PathBuf,
        /// Write the diff as JSON (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Language of the text.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// Ex-post evaluation (사후평가) of a study with an outturn section: ex-ante vs ex-post
    /// B/C, NPV, total cost and opening year, ΔNPV by cause, benefits realisation, re-study check.
    Evaluate {
        /// The study file with `outturn`.
        study: PathBuf,
        /// The signed-off ex-ante study file (default: the study's own forecast).
        #[arg(long)]
        ex_ante: Option<PathBuf>,
        /// Or the ex-ante from this library's study `--key` (its latest signed-off revision).
        #[arg(long)]
        library: Option<PathBuf>,
        /// The study key in `--library`.
        #[arg(long)]
        key: Option<String>,
        /// The signed-off revision to use (with `--key`).
        #[arg(long)]
        revision: Option<i64>,
        /// Write the evaluation as JSON to this file (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Language of the summary.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// Open information (사업 정보 공개): the library's signed-off studies as an open-data
    /// package (JSON, CSV, static HTML in Korean and English); drafts and names left out.
    Publish {
        /// The study library.
        #[arg(long)]
        library: PathBuf,
        /// The output directory (created; files in it are replaced atomically).
        #[arg(long)]
        out: PathBuf,
    },
    /// List the built-in rule sets, or print one.
    Rules {
        /// Rule-set id, e.g. kr-pfs-2026.
        id: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Reads a text file; a leading byte-order mark is removed.
pub fn read(path: &Path) -> Result<String> {
    yeta_service::fs::read_text(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Refuses, before any work, an output that is an input or the default study library, two
/// outputs that are one file, or an output whose directory does not exist.
pub fn guard(inputs: &[&Path], outputs: &[Option<&Path>]) -> Result<()> {
    let library = yeta_store::default_path();
    let mut ins: Vec<&Path> = inputs.to_vec();
    ins.push(&library);
    let outs: Vec<&Path> = outputs.iter().flatten().copied().collect();
    yeta_service::fs::check_outputs(&ins, &outs)?;
    Ok(())
}

/// Prints to standard output; a closed pipe (`yeta … | head`) ends the output quietly.
pub fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn write_out(path: &Path, text: &str) -> Result<()> {
    if path == Path::new("-") {
        emit(text);
        emit("\n");
        return Ok(());
    }
    yeta_service::fs::atomic_write(path, text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))
}

/// Prints a study's problems, one per line, under the file name.
fn report_problems(path: &Path, e: &StudyError) {
    let problems = e.problems();
    eprintln!("{}: {} problem{}", path.display(), problems.len(), if problems.len() == 1 { "" } else { "s" });
    for p in problems {
        eprintln!("  {p}");
    }
}

/// Prints a list of problems under the file name.
pub fn report_list(path: &Path, problems: &[yeta_core::ValidationError]) {
    eprintln!("{}: {} problem{}", path.display(), problems.len(), if problems.len() == 1 { "" } else { "s" });
    for p in problems {
        eprintln!("  {p}");
    }
}

/// A code of a closed list (sector, region) from a command-line value, with the engine's message
/// (every allowed value, the nearest suggested) when it is none.
fn parse_code<T: serde::de::DeserializeOwned>(value: &str, flag: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).map_err(|e| anyhow::anyhow!("{flag}: {e}"))
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Appraise {
            study,
            json,
            lang,
            rules,
            pdf,
            regions,
            multipliers,
            library,
            sigungu,
            io2,
            cost_io_map,
        } => {
            let ins: Vec<&Path> = [
                Some(study.as_path()),
                rules.as_deref(),
                regions.as_deref(),
                multipliers.as_deref(),
                library.as_deref(),
                sigungu.as_deref(),
                io2.as_deref(),
                cost_io_map.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            guard(&ins, &[json.as_deref(), pdf.as_deref()])?;
            let text = read(&study)?;
            let custom = match &rules {
                Some(p) => Some(RuleSet::from_json(&read(p)?).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?),
                None => None,
            };
            let regions = match &regions {
                Some(p) => Some(
                    yeta_core::regional::RegionTable::from_csv(&read(p)?)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
                ),
                None => None,
            };
            let multipliers = match &multipliers {
                Some(p) => Some(read(p)?),
                None => None,
            };
            let reference = match &library {
                Some(p) if !p.is_file() => bail!("--library {}: no such library", p.display()),
                Some(p) => Some(evaluate_cmd::reference_class(&yeta_store::Library::open(p)?, p)?),
                None => None,
            };
            let table =
                |p: &Option<PathBuf>, kind: &str| p.as_deref().map(|p| data_cmd::read_table(p, kind)).transpose();
            let sigungu = table(&sigungu, "sigungu-indicators")?;
            let io2 = table(&io2, "io-two-region")?;
            let cost_io_map = table(&cost_io_map, "cost-io-map")?;
            let inputs = yeta_core::appraisal::Inputs {
                rules: custom.as_ref(),
                regions: regions.as_ref(),
                multipliers: multipliers.as_deref(),
                reference_class: reference.as_ref(),
                sigungu: sigungu.as_deref(),
                io2: io2.as_deref(),
                cost_io_map: cost_io_map.as_deref(),
            };
            let parsed = match yeta_core::study::check_with(&text, custom.as_ref()) {
                Ok(s) => s,
                Err(problems) => {
                    report_list(&study, &problems);
                    return Ok(ExitCode::FAILURE);
                }
            };
            let appraisal = match yeta_core::appraisal::appraise_with(&parsed, &inputs) {
                Ok(a) => a,
                Err(e) => {
                    report_problems(&study, &e);
                    return Ok(ExitCode::FAILURE);
                }
            };
            if let Some(out) = &json {
                let l = if lang == Lang::Ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En };
                write_out(out, &yeta_i18n::appraisal_json_text(&appraisal, l))?;
            }
            if json.as_deref() != Some(Path::new("-")) {
                emit(&summary::render(&appraisal, lang));
            }
            if let Some(p) = &pdf {
                let l: yeta_report::Lang =
                    (if lang == Lang::Ko { "ko" } else { "en" }).parse().map_err(anyhow::Error::msg)?;
                report_cmds::write_report(&appraisal, &text, p, l)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { study, lang, rules } => {
            let ins: Vec<&Path> = [Some(study.as_path()), rules.as_deref()].into_iter().flatten().collect();
            guard(&ins, &[])?;
            let text = read(&study)?;
            let custom = match &rules {
                Some(p) => Some(RuleSet::from_json(&read(p)?).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?),
                None => None,
            };
            match yeta_core::study::check_with(&text, custom.as_ref()) {
                Ok(s) => {
                    emit(&format!(
                        "{}: valid ({} cost, {} benefit, {} revenue lines; rules {}{})\n",
                        study.display(),
                        s.costs.len(),
                        s.benefits.len(),
                        s.revenues.len(),
                        s.rules.id,
                        s.unit.map_or(String::new(), |u| format!("; amounts in {}", u.code()))
                    ));
                    let set = custom
                        .filter(|c| c.id == s.rules.id)
                        .or_else(|| RuleSet::builtin(&s.rules.id))
                        .with_context(|| format!("rule set {} does not parse", s.rules.id))?;
                    let warnings = yeta_core::study::plausible::warnings(&s, &set);
                    let cat =
                        yeta_i18n::catalog(if lang == Lang::Ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
                    for w in &warnings {
                        emit(&format!("  warning: {}: {}\n", w.path, cat.diagnostic(w)));
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(problems) => {
                    report_list(&study, &problems);
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::New { sector, region, lang, out } => {
            guard(&[], &[Some(out.as_path())])?;
            let sector = parse_code::<yeta_core::study::Sector>(&sector, "--sector")?;
            let region = parse_code::<yeta_core::study::Region>(&region, "--region")?;
            let l = if lang == Lang::Ko {
                yeta_core::study::skeleton::Lang::Ko
            } else {
                yeta_core::study::skeleton::Lang::En
            };
            let s = yeta_core::study::skeleton::new_study(sector, region, l).map_err(|e| anyhow::anyhow!("{e}"))?;
            write_out(&out, &s.to_json())?;
            emit(&format!(
                "wrote {} ({} {}, {}; {} cost, {} benefit, {} revenue lines, AHP hierarchy {})\n",
                out.display(),
                sector.code(),
                sector.name(true),
                region.code(),
                s.costs.len(),
                s.benefits.len(),
                s.revenues.len(),
                yeta_core::ahp::default_hierarchy(sector.class(), region.is_capital_region())
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join("/")
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { out } => {
            guard(&[], &[out.as_deref()])?;
            let schema = yeta_core::study_schema();
            match out {
                Some(p) => write_out(&p, &schema)?,
                None => emit(&schema),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { threads } => {
            emit(&bench_cmd::run(Path::new("."), threads)?);
            emit("\n");
            Ok(ExitCode::SUCCESS)
        }
        Command::Risk { study, draws, seed, threads, json, lang } => {
            guard(&[&study], &[json.as_deref()])?;
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let opts = yeta_core::risk::Options { draws, seed, threads, bins: 30 };
            let r = risk_cmd::run(&read(&study)?, opts).map_err(|e| anyhow::anyhow!("{}: {e}", study.display()))?;
            if let Some(p) = &json {
                write_out(p, &serde_json::to_string_pretty(&r)?)?;
            }
            if json.as_deref() != Some(Path::new("-")) {
                emit(&risk_cmd::table(&r, lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Ahp { matrix, json, rules } => {
            guard(&[&matrix], &[json.as_deref()])?;
            let (out, table) =
                ahp_cmd::run(&read(&matrix)?, &rules).map_err(|e| anyhow::anyhow!("{}: {e}", matrix.display()))?;
            if let Some(p) = &json {
                write_out(p, &out)?;
            }
            if json.as_deref() != Some(Path::new("-")) {
                emit(&table);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Report(c) => {
            use report_cmds::ReportCmd as R;
            match &c {
                R::Report { study, pdf, .. } => guard(&[study], &[Some(pdf)])?,
                R::Keygen { out, .. } => guard(&[], &[Some(out)])?,
                // No --out replaces the PDF itself, as documented.
                R::Sign { pdf, key, cert, out, .. } => {
                    let ins: Vec<&Path> = [Some(key.as_path()), cert.as_deref()].into_iter().flatten().collect();
                    guard(&ins, &[Some(out.as_deref().unwrap_or(pdf))])?
                }
                R::Verify { .. } => {}
                R::Extract { pdf, out } => guard(&[pdf], &[Some(out)])?,
            }
            report_cmds::run(c)
        }
        Command::Data { command } => data_cmd::run(command),
        Command::Registry { command } => registry_cmds::run(command),
        Command::Xlsx(c) => {
            match &c {
                xlsx_cmds::XlsxCmd::Import { study, lines, out, .. } => guard(&[study, lines], &[Some(out)])?,
                xlsx_cmds::XlsxCmd::Export { study, xlsx, .. } => guard(&[study], &[Some(xlsx)])?,
                xlsx_cmds::XlsxCmd::Template { xlsx, study, .. } => {
                    guard(&study.iter().map(PathBuf::as_path).collect::<Vec<_>>(), &[Some(xlsx)])?
                }
            }
            xlsx_cmds::run(c)
        }
        Command::Library { db, command } => {
            library_cmds::run(command, db)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare { studies, json, budget, xlsx } => {
            let ins: Vec<&Path> = studies.iter().map(PathBuf::as_path).collect();
            guard(&ins, &[json.as_deref(), xlsx.as_deref()])?;
            let (table, j, ranked) = library_cmds::compare(&studies, budget)?;
            if let Some(p) = &json {
                write_out(p, &serde_json::to_string_pretty(&j)?)?;
            }
            if let Some(p) = &xlsx {
                let rows: Vec<yeta_xlsx::export::ComparisonRow<'_>> = ranked
                    .iter()
                    .map(|r| yeta_xlsx::export::ComparisonRow {
                        file: r.file.display().to_string(),
                        appraisal: &r.appraisal,
                        cumulative_cost: r.cumulative_cost,
                        fits_budget: r.fits_budget,
                    })
                    .collect();
                let bytes = yeta_xlsx::export::comparison_workbook(&rows).map_err(|e| anyhow::anyhow!("{e}"))?;
                yeta_service::fs::atomic_write(p, &bytes)?;
            }
            if json.as_deref() != Some(Path::new("-")) {
                emit(&table);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { a, b, json, lang } => {
            guard(&[&a, &b], &[json.as_deref()])?;
            let (table, j) = diff_cmd::diff(&a, &b, lang)?;
            if let Some(p) = &json {
                write_out(p, &serde_json::to_string_pretty(&j)?)?;
            }
            if json.as_deref() != Some(Path::new("-")) {
                emit(&table);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Evaluate { study, ex_ante, library, key, revision, json, lang } => {
            let ins: Vec<&Path> =
                [Some(study.as_path()), ex_ante.as_deref(), library.as_deref()].into_iter().flatten().collect();
            guard(&ins, &[json.as_deref()])?;
            let from = evaluate_cmd::ExAnte { file: ex_ante, library, key, revision };
            evaluate_cmd::run(&study, from, json.as_deref(), lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish { library, out } => {
            publish_cmd::run(&library, &out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { id } => {
            match id {
                None => {
                    for (id, _) in yeta_core::rules::BUILTIN {
                        let set =
                            RuleSet::builtin(id).with_context(|| format!("built-in rule set {id} does not parse"))?;
                        emit(&format!("{id:<20} {}\n", set.title));
                    }
                }
                Some(id) => match yeta_core::rules::BUILTIN.iter().find(|(i, _)| *i == id) {
                    Some((_, text)) => emit(text),
                    None => bail!("no built-in rule set \"{id}\"; `yeta rules` lists them"),
                },
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
