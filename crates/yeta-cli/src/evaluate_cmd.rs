//! `yeta evaluate` (사후평가) and `yeta library restudy` (타당성 재조사 점검): the shell over
//! [`yeta_core::expost`]; every word from the catalog (`locales/*-cli.ftl`).

use crate::Lang;
use anyhow::{Result, anyhow, bail};
use rust_decimal::Decimal;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use yeta_core::Study;
use yeta_core::expost::{self, ExPost, Part, restudy};
use yeta_store::Library;

/// Where the ex-ante (signed-off) study comes from.
pub struct ExAnte {
    /// A study file.
    pub file: Option<PathBuf>,
    /// A library and a study key: its signed-off revision.
    pub library: Option<PathBuf>,
    /// The key in the library.
    pub key: Option<String>,
    /// The revision (default: the latest signed-off one).
    pub revision: Option<i64>,
}

fn cat(lang: Lang) -> &'static yeta_i18n::Catalog {
    yeta_i18n::catalog(if lang == Lang::Ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En })
}

fn parse(text: &str, what: &str) -> Result<Study> {
    Study::from_json(text).map_err(|e| anyhow!("{what}: {e}"))
}

/// The signed-off revision `revision` of `key` (the latest signed-off one when `None`).
pub fn signed_off_revision(lib: &Library, key: &str, revision: Option<i64>) -> Result<(i64, String)> {
    let signed: Vec<i64> = lib
        .history(key)?
        .into_iter()
        .filter(|r| r.broken.is_none() && !r.signed_off_by.is_empty())
        .map(|r| r.number)
        .collect();
    let n = match revision {
        Some(n) if signed.contains(&n) => n,
        Some(n) => bail!("{key}: revision {n} is not signed off (signed off: {signed:?})"),
        None => *signed.last().ok_or_else(|| {
            anyhow!("{key}: no revision is signed off; sign the PFS revision off first or give --ex-ante FILE")
        })?,
    };
    Ok(lib.get(key, Some(n))?)
}

/// Runs `yeta evaluate`.
pub fn run(study: &Path, ex_ante: ExAnte, json: Option<&Path>, lang: Lang) -> Result<()> {
    let text = crate::read(study)?;
    let s = parse(&text, &study.display().to_string())?;
    let ante = match (&ex_ante.file, &ex_ante.key) {
        (Some(_), Some(_)) => bail!("give --ex-ante FILE or --key KEY (with --library), not both"),
        (Some(f), None) => Some(parse(&crate::read(f)?, &f.display().to_string())?),
        (None, Some(k)) => {
            let path = ex_ante.library.clone().unwrap_or_else(yeta_store::default_path);
            let lib = Library::open(&path)?;
            let (n, t) = signed_off_revision(&lib, k, ex_ante.revision)?;
            Some(parse(&t, &format!("{}: {k} revision {n}", path.display()))?)
        }
        (None, None) => None,
    };
    let x = expost::evaluate(&s, ante.as_ref(), None).map_err(|e| anyhow!("{}: {e}", study.display()))?;
    if json != Some(Path::new("-")) {
        crate::emit(&summary(&x, lang));
    }
    if let Some(out) = json {
        let text = x.to_json();
        if out == Path::new("-") {
            crate::emit(&text);
            crate::emit("\n");
        } else {
            yeta_service::fs::atomic_write(out, text.as_bytes())?;
        }
    }
    Ok(())
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// The terminal summary of an ex-post evaluation.
pub fn summary(x: &ExPost, lang: Lang) -> String {
    let c = cat(lang);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        c.format("cli-expost-title", &[("name", x.name.clone()), ("year", x.through_year.to_string())])
    );
    let _ = writeln!(
        o,
        "  {:<22} {:>18} {:>18} {:>18}",
        "",
        c.text("cli-expost-ex-ante"),
        c.text("cli-expost-forecast"),
        c.text("cli-expost-ex-post")
    );
    let row = |o: &mut String, label: String, f: &dyn Fn(&expost::Figures) -> String| {
        let _ = writeln!(o, "  {label:<22} {:>18} {:>18} {:>18}", f(&x.ex_ante), f(&x.forecast), f(&x.ex_post));
    };
    row(&mut o, "B/C".into(), &|f| opt(f.bc_ratio.map(|v| c.ratio(v))));
    row(&mut o, "NPV".into(), &|f| c.money(f.npv));
    row(&mut o, c.text("cli-expost-total-cost"), &|f| c.money(f.total_cost));
    row(&mut o, c.text("cli-expost-opening"), &|f| opt(f.opening_year));
    if let Some(g) = x.cost_growth {
        let _ = writeln!(o, "  {:<22} {:>18}", c.text("cli-expost-cost-growth"), c.percent(g));
    }
    let k = &x.decomposition;
    let _ = writeln!(o, "  {} {}", c.text("cli-expost-delta-npv"), c.money(k.delta_npv));
    for (p, v) in &k.parts {
        let label = match p {
            Part::ForecastRevision => c.text("cli-expost-part-forecast-revision"),
            Part::CostOverrun => c.text("cli-expost-part-cost-overrun"),
            Part::Delay => c.format("cli-expost-part-delay", &[("years", k.delay_years.to_string())]),
            Part::DemandShortfall => c.text("cli-expost-part-demand-shortfall"),
            Part::Interaction => c.text("cli-expost-part-interaction"),
        };
        let _ = writeln!(o, "    {label:<24} {:>18}", c.money(v.0));
    }
    let _ = writeln!(o, "  {}", c.text("cli-expost-order"));
    let _ = writeln!(o, "{}", c.text("cli-expost-realisation"));
    for r in &x.realisation {
        let qty = if r.has_actuals {
            format!(
                "{} / {} {} ({})",
                r.actual_to_date.normalize(),
                r.forecast_to_date.normalize(),
                r.unit.clone().unwrap_or_default(),
                opt(r.quantity_ratio.map(|v| c.percent(v)))
            )
        } else {
            c.text("cli-expost-no-actuals")
        };
        let _ = writeln!(
            o,
            "  {:<24} {qty}  PV {} / {} ({})",
            r.line,
            c.money(r.expost_pv),
            c.money(r.forecast_pv),
            opt(r.realisation_ratio.map(|v| c.percent(v)))
        );
    }
    if let Some(r) = &x.restudy {
        match r.diagnostic("outturn") {
            Some(d) => {
                let _ = writeln!(o, "▲ {}", c.diagnostic(&d));
            }
            None => {
                let _ = writeln!(
                    o,
                    "{}",
                    c.format(
                        "cli-expost-restudy-none",
                        &[("growth", c.percent(to_f64(r.growth))), ("threshold", c.percent(to_f64(r.threshold)))]
                    )
                );
            }
        }
        let _ = writeln!(o, "  {}", c.format("cli-expost-restudy-source", &[("source", r.source.clone())]));
    }
    if let Some(e) = &x.environment {
        environment(&mut o, e, c);
    }
    o
}

/// The environment after approval: metered energy and emissions against the forecast.
fn environment(o: &mut String, e: &expost::environment::EnvOutturn, c: &yeta_i18n::Catalog) {
    let num = |d: Decimal, dp: usize| yeta_i18n::grouped(to_f64(d), dp);
    let _ = writeln!(o, "{}", c.text("cli-expost-env"));
    let _ = writeln!(
        o,
        "  {}",
        c.format(
            "cli-expost-env-kwh",
            &[
                ("actual", num(e.actual_kwh, 0)),
                ("forecast", num(e.forecast_kwh, 0)),
                ("ratio", opt(e.kwh_ratio.map(|v| c.percent(v)))),
            ]
        )
    );
    let key = if e.reported_emissions { "cli-expost-env-tco2e-reported" } else { "cli-expost-env-tco2e-metered" };
    let _ = writeln!(
        o,
        "  {}",
        c.format(
            key,
            &[
                ("actual", num(e.actual_tco2e, 1)),
                ("forecast", num(e.forecast_tco2e, 1)),
                ("ratio", opt(e.tco2e_ratio.map(|v| c.percent(v)))),
            ]
        )
    );
    if let (Some(f), Some(a)) = (e.forecast_net_tco2e, e.actual_net_tco2e) {
        let _ = writeln!(o, "  {}", c.format("cli-expost-env-net", &[("actual", num(a, 1)), ("forecast", num(f, 1))]));
    }
    let _ = writeln!(o, "  {}", c.format("cli-expost-restudy-source", &[("source", e.source.clone())]));
}

fn to_f64(x: Decimal) -> f64 {
    yeta_core::econ::to_f64(x)
}

/// The re-study check across a study's revisions in the library: the baseline is the first
/// signed-off revision (the PFS), else revision 1; the rule set is the latest revision's.
pub fn restudy_history(lib: &Library, key: &str) -> Result<(i64, Vec<restudy::RevisionCheck>)> {
    let history = lib.history(key)?;
    let mut totals = Vec::new();
    let mut rules_id = None;
    for r in history.iter().filter(|r| r.broken.is_none()) {
        let (_, text) = lib.get(key, Some(r.number))?;
        let s = parse(&text, &format!("{key} revision {}", r.number))?;
        rules_id = Some(s.rules.id.clone());
        // A revision with actuals stands for its ex-post total cost net of land compensation
        // increases (derived from the actual capital spending when the outturn gives no total).
        let total = match &s.outturn {
            Some(_) => expost::evaluate(&s, None, None)
                .map_or_else(|_| restudy::total_cost(&s), |x| x.restudy.map_or(x.ex_post.total_cost, |r| r.current)),
            None => restudy::total_cost(&s),
        };
        totals.push((r.number, total));
    }
    let baseline_n = history
        .iter()
        .find(|r| r.broken.is_none() && !r.signed_off_by.is_empty())
        .or_else(|| history.iter().find(|r| r.broken.is_none()))
        .map(|r| r.number)
        .ok_or_else(|| anyhow!("{key}: no intact revision"))?;
    let id = rules_id.unwrap_or_else(|| yeta_core::rules::DEFAULT_RULE_SET.to_owned());
    let rules = yeta_core::RuleSet::builtin(&id).ok_or_else(|| anyhow!("{key}: rule set {id} is not built in"))?;
    let baseline = totals.iter().find(|(n, _)| *n == baseline_n).map_or(Decimal::ZERO, |t| t.1);
    Ok((baseline_n, restudy::across(&rules, (baseline_n, baseline), &totals)))
}

/// Prints `yeta library restudy KEY`.
pub fn print_restudy(lib: &Library, key: &str, lang: Lang) -> Result<()> {
    let c = cat(lang);
    let (baseline, rows) = restudy_history(lib, key)?;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        c.format("cli-restudy-title", &[("key", key.to_owned()), ("baseline", baseline.to_string())])
    );
    let mut source = None;
    for r in &rows {
        let (growth, mark) = match &r.check {
            Some(k) => {
                source = Some(k.source.clone());
                (c.percent(to_f64(k.growth)), if k.triggered { c.text("cli-restudy-marker") } else { String::new() })
            }
            None if r.revision == baseline => (c.text("cli-restudy-baseline"), String::new()),
            None => ("-".to_owned(), String::new()),
        };
        let _ = writeln!(o, "  {:>3}  {:>18}  {:>12}  {mark}", r.revision, c.money(r.total_cost), growth);
    }
    if let Some(s) = source {
        let _ = writeln!(o, "  {}", c.format("cli-expost-restudy-source", &[("source", s)]));
    }
    crate::emit(&o);
    Ok(())
}

/// The completed projects of a library (latest revision with an outturn whose schedule gives a
/// completion year), each evaluated against its first signed-off revision (else revision 1).
pub fn outcomes(lib: &Library) -> Result<Vec<(String, expost::reference::Outcome)>> {
    let mut out = Vec::new();
    for entry in lib.list()? {
        let history = lib.history(&entry.key)?;
        let intact: Vec<_> = history.iter().filter(|r| r.broken.is_none()).collect();
        let Some(latest) = intact.last() else { continue };
        let (_, text) = lib.get(&entry.key, Some(latest.number))?;
        let s = parse(&text, &format!("{} revision {}", entry.key, latest.number))?;
        let completed =
            s.outturn.as_ref().and_then(|o| o.schedule.as_ref()).is_some_and(|sc| sc.completion_year.is_some());
        if !completed {
            continue;
        }
        let base = intact.iter().find(|r| !r.signed_off_by.is_empty()).or(intact.first()).map(|r| r.number);
        let ante = match base {
            Some(n) if n != latest.number => Some(parse(&lib.get(&entry.key, Some(n))?.1, &entry.key)?),
            _ => None,
        };
        let x = expost::evaluate(&s, ante.as_ref(), None).map_err(|e| anyhow!("{}: {e}", entry.key))?;
        if let Some(o) = expost::reference::Outcome::of(s.project.sector, &x) {
            out.push((entry.key.clone(), o));
        }
    }
    Ok(out)
}

/// The reference class (참조 사업군) of a library's completed projects, for a study whose
/// optimism bias comes from the library (`yeta appraise --library DB`): the engine reads no
/// library, so the shell computes it here, as `yeta library reference-class` prints it.
pub fn reference_class(lib: &Library, path: &Path) -> Result<yeta_core::econ::optimism::ReferenceClass> {
    let outcomes: Vec<_> = outcomes(lib)?.into_iter().map(|(_, o)| o).collect();
    Ok(yeta_core::econ::optimism::ReferenceClass {
        classes: expost::reference::by_sector(&outcomes),
        source: format!("library {} ({} completed projects)", path.display(), outcomes.len()),
    })
}

/// Prints `yeta library reference-class`.
pub fn print_reference_class(lib: &Library, lang: Lang) -> Result<()> {
    let c = cat(lang);
    let outcomes: Vec<_> = outcomes(lib)?.into_iter().map(|(_, o)| o).collect();
    let classes = expost::reference::by_sector(&outcomes);
    let mut o = String::new();
    let _ = writeln!(o, "{}", c.format("cli-refclass-title", &[("count", outcomes.len().to_string())]));
    let _ = writeln!(o, "  {}", c.text("cli-refclass-method"));
    let _ = writeln!(
        o,
        "  {:<16} {:>28} {:>28}",
        "",
        c.text("cli-refclass-cost-overrun"),
        c.text("cli-refclass-demand-shortfall")
    );
    let cell = |s: &expost::reference::Spread| {
        let p = |x: Option<Decimal>| x.map_or_else(|| "-".to_owned(), |v| c.percent(to_f64(v)));
        c.format("cli-refclass-cell", &[("p50", p(s.p50)), ("p80", p(s.p80)), ("count", s.count.to_string())])
    };
    for k in &classes {
        let _ = writeln!(
            o,
            "  {:<16} {:>28} {:>28}",
            c.code("sector", k.sector.code()),
            cell(&k.cost_overrun),
            cell(&k.demand_shortfall)
        );
    }
    crate::emit(&o);
    Ok(())
}
