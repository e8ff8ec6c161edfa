//! `yeta publish` (사업 정보 공개): an open-data package of a library's signed-off studies — JSON,
//! CSV and static, accessible HTML in Korean and English — so progress and results of projects
//! are open information (OECD Digital Government Review of Korea 2025, ch. 3).
//!
//! Only the latest signed-off revision of each study is published; drafts never. Names of
//! evaluators, reviewers, signers and authors, and the reasons recorded with revisions, are left
//! out (they may be personal data); the package says so. Deterministic: no clock is read, dates
//! come from the library's sign-off records, so the same library gives the same bytes.

use anyhow::{Context as _, Result, anyhow, bail};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;
use yeta_core::Study;
use yeta_core::expost::{self, Part, restudy};
use yeta_i18n::{Catalog, Lang};
use yeta_store::Library;

/// The published schema, also written into the package.
const SCHEMA: &str = include_str!("../../../docs/open-data/project.schema.json");

/// Where the project is in its life (사업 단계).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The preliminary feasibility study (예비타당성조사, ex ante).
    ExAnte,
    /// The revision records an outturn (사후평가, ex post).
    ExPost,
}

/// The project's status as the signed-off revision records it (사업 상태).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Appraised, no actuals recorded.
    Appraised,
    /// Actuals recorded, not completed.
    UnderWay,
    /// Completed, not yet open.
    Completed,
    /// Open: the actual opening year is within the actuals.
    InOperation,
}

impl Stage {
    fn code(self) -> &'static str {
        match self {
            Stage::ExAnte => "ex-ante",
            Stage::ExPost => "ex-post",
        }
    }
}

impl Status {
    fn code(self) -> &'static str {
        match self {
            Status::Appraised => "appraised",
            Status::UnderWay => "under-way",
            Status::Completed => "completed",
            Status::InOperation => "in-operation",
        }
    }
}

/// The ex-post result (사후평가 결과) of a published revision with an outturn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExPostRecord {
    /// Actuals known through this year.
    pub through_year: i32,
    /// The ex-ante revision compared against (the first signed-off one), or the study's own
    /// forecast when it is the same revision.
    pub ex_ante_revision: i64,
    /// Ex-ante B/C.
    pub ex_ante_bc_ratio: Option<f64>,
    /// Ex-ante NPV, whole won.
    pub ex_ante_npv_krw: i64,
    /// Ex-ante total cost, whole won.
    pub ex_ante_total_cost_krw: i64,
    /// Ex-post B/C.
    pub bc_ratio: Option<f64>,
    /// Ex-post NPV, whole won.
    pub npv_krw: i64,
    /// Ex-post total cost, whole won.
    pub total_cost_krw: i64,
    /// Actual opening year.
    pub opening_year: Option<i32>,
    /// Total cost growth over the ex-ante total cost, a fraction.
    pub cost_growth: Option<f64>,
    /// ΔNPV, whole won.
    pub delta_npv_krw: i64,
    /// The opening delay the decomposition used, years.
    pub delay_years: i32,
    /// ΔNPV by cause in the order computed: forecast revision, cost overrun, delay, demand
    /// shortfall, interaction; whole won.
    pub delta_npv_parts_krw: Vec<(Part, i64)>,
}

/// One published project (공개 사업 정보).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectRecord {
    /// The study key in the library.
    pub key: String,
    /// Project name.
    pub name: String,
    /// Sponsoring ministry or agency (an institution, not a person).
    pub sponsor: String,
    /// Stage.
    pub stage: Stage,
    /// Status.
    pub status: Status,
    /// Sector code.
    pub sector: String,
    /// ISO 3166-2:KR region code.
    pub region: String,
    /// Total cost (총사업비), whole won.
    pub total_cost_krw: i64,
    /// B/C.
    pub bc_ratio: Option<f64>,
    /// NPV, whole won.
    pub npv_krw: i64,
    /// IRR, a fraction.
    pub irr: Option<f64>,
    /// The verdict: `implement` or `do_not_implement`.
    pub verdict: String,
    /// AHP score.
    pub ahp_score: Option<f64>,
    /// AHP score range over the allowed weights.
    pub ahp_score_range: Option<[f64; 2]>,
    /// Greenhouse gas over the period, tCO2e.
    pub tco2e: Option<f64>,
    /// The ex-post result.
    pub ex_post: Option<ExPostRecord>,
    /// Total cost growth at or above the re-study threshold (타당성 재조사).
    pub restudy_triggered: bool,
    /// The total cost growth the re-study check measured, a fraction.
    pub restudy_growth: Option<f64>,
    /// The published revision.
    pub revision: i64,
    /// The date of its latest sign-off, `YYYY-MM-DD`, from the library's record.
    pub signed_off_date: String,
    /// SHA-256 of the revision's study JSON.
    pub study_sha256: String,
    #[serde(skip)]
    verdict_text: [String; 2],
}

fn won(x: Decimal, what: &str) -> Result<i64> {
    x.round().to_i64().ok_or_else(|| anyhow!("{what}: {x} won does not fit a 64-bit integer"))
}

fn parse(text: &str, what: &str) -> Result<Study> {
    Study::from_json(text).map_err(|e| anyhow!("{what}: {e}"))
}

/// The record of one study, or `None` when no intact revision is signed off.
fn record(lib: &Library, key: &str) -> Result<Option<ProjectRecord>> {
    let history = lib.history(key)?;
    let signoffs = lib.signoffs(key)?;
    let signed: Vec<i64> = history
        .iter()
        .filter(|r| r.broken.is_none() && signoffs.iter().any(|g| g.broken.is_none() && g.revision == r.number))
        .map(|r| r.number)
        .collect();
    let (Some(&n), Some(&first)) = (signed.last(), signed.first()) else { return Ok(None) };
    let (_, text) = lib.get(key, Some(n))?;
    let what = format!("{key} revision {n}");
    let s = parse(&text, &what)?;
    let a = yeta_core::appraise(&s, None).map_err(|e| anyhow!("{what}: {e}"))?;
    let date = signoffs
        .iter()
        .filter(|g| g.broken.is_none() && g.revision == n)
        .map(|g| g.time.chars().take(10).collect::<String>())
        .max()
        // `n` was chosen for an intact sign-off, so there is one; never a blank date.
        .ok_or_else(|| anyhow!("{what}: no intact sign-off"))?;
    let ante =
        if first == n { None } else { Some(parse(&lib.get(key, Some(first))?.1, &format!("{key} revision {first}"))?) };
    let x = match &s.outturn {
        Some(_) => Some(expost::evaluate(&s, ante.as_ref(), None).map_err(|e| anyhow!("{what}: {e}"))?),
        None => None,
    };
    let check = match &x {
        Some(x) => x.restudy.clone(),
        None => match &ante {
            Some(b) => yeta_core::RuleSet::builtin(&s.rules.id)
                .and_then(|r| restudy::check(&r, restudy::total_cost(b), restudy::total_cost(&s))),
            None => None,
        },
    };
    let status = match s.outturn.as_ref().map(|o| (o.through_year, o.schedule.as_ref())) {
        None => Status::Appraised,
        Some((through, Some(sc))) if sc.opening_year <= through => Status::InOperation,
        Some((_, Some(sc))) if sc.completion_year.is_some() => Status::Completed,
        Some(_) => Status::UnderWay,
    };
    let ex_post = match &x {
        Some(x) => Some(ExPostRecord {
            through_year: x.through_year,
            ex_ante_revision: first,
            ex_ante_bc_ratio: x.ex_ante.bc_ratio,
            ex_ante_npv_krw: won(x.ex_ante.npv, &what)?,
            ex_ante_total_cost_krw: won(x.ex_ante.total_cost, &what)?,
            bc_ratio: x.ex_post.bc_ratio,
            npv_krw: won(x.ex_post.npv, &what)?,
            total_cost_krw: won(x.ex_post.total_cost, &what)?,
            opening_year: x.schedule.actual_opening,
            cost_growth: x.cost_growth,
            delta_npv_krw: won(x.decomposition.delta_npv, &what)?,
            delay_years: x.decomposition.delay_years,
            delta_npv_parts_krw: x
                .decomposition
                .parts
                .iter()
                .map(|(p, v)| Ok((*p, won(v.0, &what)?)))
                .collect::<Result<_>>()?,
        }),
        None => None,
    };
    let verdict_text = [yeta_i18n::catalog(Lang::Ko).verdict(&a), yeta_i18n::catalog(Lang::En).verdict(&a)];
    Ok(Some(ProjectRecord {
        key: key.to_owned(),
        name: s.project.name.clone(),
        sponsor: s.project.sponsor.clone(),
        stage: if s.outturn.is_some() { Stage::ExPost } else { Stage::ExAnte },
        status,
        sector: s.project.sector.code().to_owned(),
        region: s.project.region.code().to_owned(),
        total_cost_krw: won(s.project.total_cost, &what)?,
        bc_ratio: a.economic.bc_ratio,
        npv_krw: won(a.economic.npv, &what)?,
        irr: a.economic.irr,
        verdict: if a.verdict.implement { "implement" } else { "do_not_implement" }.to_owned(),
        ahp_score: a.ahp.as_ref().map(|h| h.score),
        ahp_score_range: a.ahp.as_ref().map(|h| h.score_range),
        tco2e: a.environment.as_ref().map(|e| e.total_tco2e),
        ex_post,
        restudy_triggered: check.as_ref().is_some_and(|c| c.triggered),
        restudy_growth: check.as_ref().map(|c| yeta_core::econ::to_f64(c.growth)),
        revision: n,
        signed_off_date: date,
        study_sha256: yeta_store::sha256_hex(text.as_bytes()),
        verdict_text,
    }))
}

/// The published records of a library, in key order.
pub fn records(lib: &Library) -> Result<Vec<ProjectRecord>> {
    let mut keys: Vec<String> = lib.list()?.into_iter().map(|e| e.key).collect();
    keys.sort();
    let mut out = Vec::new();
    for k in keys {
        if let Some(r) = record(lib, &k)? {
            out.push(r);
        }
    }
    Ok(out)
}

/// A key as a file stem safe on every file system and in a URL: ASCII letters, digits and `-`
/// stay, every other byte is `_` and two hex digits (so no two keys share a stem).
pub fn file_stem(key: &str) -> String {
    let mut o = String::new();
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            o.push(char::from(b));
        } else {
            let _ = write!(o, "_{b:02X}");
        }
    }
    o
}

/// HTML text and attribute escaping.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(ch),
        }
    }
    o
}

/// A CSV field (RFC 4180); text that a spreadsheet would run as a formula gets a leading `'`.
fn csv_text(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map_or_else(String::new, |v| v.to_string())
}

const CSV_HEADER: &str = "key,name,sponsor,stage,status,sector,region,total_cost_krw,bc_ratio,npv_krw,irr,verdict,\
ahp_score,ahp_score_low,ahp_score_high,tco2e,expost_through_year,expost_bc_ratio,expost_npv_krw,\
expost_total_cost_krw,expost_opening_year,expost_delta_npv_krw,restudy_triggered,restudy_growth,revision,\
signed_off_date,study_sha256";

/// The CSV: UTF-8 with a byte-order mark (Excel then reads Korean correctly), CRLF rows.
pub fn csv(records: &[ProjectRecord]) -> String {
    let mut o = String::from("\u{feff}");
    o.push_str(CSV_HEADER);
    o.push_str("\r\n");
    for r in records {
        let e = r.ex_post.as_ref();
        let cells = [
            csv_text(&r.key),
            csv_text(&r.name),
            csv_text(&r.sponsor),
            r.stage.code().replace('-', "_"),
            r.status.code().replace('-', "_"),
            r.sector.clone(),
            r.region.clone(),
            r.total_cost_krw.to_string(),
            opt(r.bc_ratio),
            r.npv_krw.to_string(),
            opt(r.irr),
            r.verdict.clone(),
            opt(r.ahp_score),
            opt(r.ahp_score_range.map(|x| x[0])),
            opt(r.ahp_score_range.map(|x| x[1])),
            opt(r.tco2e),
            opt(e.map(|e| e.through_year)),
            opt(e.and_then(|e| e.bc_ratio)),
            opt(e.map(|e| e.npv_krw)),
            opt(e.map(|e| e.total_cost_krw)),
            opt(e.and_then(|e| e.opening_year)),
            opt(e.map(|e| e.delta_npv_krw)),
            r.restudy_triggered.to_string(),
            opt(r.restudy_growth),
            r.revision.to_string(),
            r.signed_off_date.clone(),
            r.study_sha256.clone(),
        ];
        o.push_str(&cells.join(","));
        o.push_str("\r\n");
    }
    o
}

/// Money for the page: 억원 in Korean, KRW bn in English, one decimal.
fn money(c: &Catalog, krw: i64) -> String {
    let v = krw as f64;
    match c.lang() {
        Lang::Ko => c.format("pub-money-eok", &[("x", yeta_i18n::grouped(v / 1e8, 1))]),
        Lang::En => c.format("pub-money-bn", &[("x", yeta_i18n::grouped(v / 1e9, 1))]),
    }
}

fn dash<T>(c: &Catalog, x: Option<T>, f: impl Fn(T) -> String) -> String {
    x.map_or_else(|| c.text("pub-none"), f)
}

/// The page's head and the language switch; `home` is the index in the page's language,
/// `other` the same page in the other language.
fn page(c: &Catalog, title: &str, home: &str, other: &str, body: &str) -> String {
    let (lang, other_lang) = match c.lang() {
        Lang::Ko => ("ko", "en"),
        Lang::En => ("en", "ko"),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n\
<link rel=\"alternate\" hreflang=\"{other_lang}\" href=\"{other}\">\n<style>\n\
body{{font-family:sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#111;background:#fff}}\n\
table{{border-collapse:collapse;margin:1rem 0}}caption{{text-align:left;font-weight:bold;padding:.25rem 0}}\n\
th,td{{border:1px solid #666;padding:.25rem .5rem;text-align:left;vertical-align:top}}td.n{{text-align:right}}\n\
a{{color:#0645ad}}a:focus{{outline:3px solid #f90}}\n</style>\n</head>\n<body>\n\
<nav aria-label=\"{nav}\"><a href=\"{home}\">{home_text}</a> · <a href=\"{other}\" hreflang=\"{other_lang}\" lang=\"{other_lang}\">{switch}</a></nav>\n\
<main>\n<h1>{t}</h1>\n{body}</main>\n</body>\n</html>\n",
        t = esc(title),
        nav = esc(&c.text("pub-nav")),
        home_text = esc(&c.text("pub-home")),
        switch = esc(&c.text("pub-other-language")),
    )
}

fn left_out(c: &Catalog) -> String {
    format!("<h2>{}</h2>\n<p>{}</p>\n", esc(&c.text("pub-left-out-title")), esc(&c.text("pub-left-out")))
}

fn stage_status(c: &Catalog, r: &ProjectRecord) -> (String, String) {
    (c.text(&format!("pub-stage-{}", r.stage.code())), c.text(&format!("pub-status-{}", r.status.code())))
}

fn verdict_short(c: &Catalog, r: &ProjectRecord) -> String {
    c.text(if r.verdict == "implement" { "pub-verdict-implement" } else { "pub-verdict-do-not-implement" })
}

fn restudy_text(c: &Catalog, r: &ProjectRecord) -> String {
    if r.restudy_triggered { c.text("pub-restudy-yes") } else { c.text("pub-restudy-no") }
}

/// The index page: every published project in one table.
fn index_html(c: &Catalog, records: &[ProjectRecord], root: &str, other: &str) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "<p>{}</p>", esc(&c.format("pub-intro", &[("count", records.len().to_string())])));
    let _ = writeln!(
        b,
        "<p>{} <a href=\"{root}projects.json\">projects.json</a> · <a href=\"{root}projects.csv\">projects.csv</a> · \
<a href=\"{root}project.schema.json\">project.schema.json</a> · <a href=\"{root}README.md\">README.md</a></p>",
        esc(&c.text("pub-downloads"))
    );
    let _ = writeln!(b, "<table>\n<caption>{}</caption>\n<thead><tr>", esc(&c.text("pub-index-caption")));
    for id in [
        "pub-col-name",
        "pub-col-sector",
        "pub-col-region",
        "pub-col-stage",
        "pub-col-status",
        "pub-col-total-cost",
        "pub-col-bc",
        "pub-col-ahp",
        "pub-col-verdict",
        "pub-col-restudy",
        "pub-col-signed-off",
    ] {
        let _ = write!(b, "<th scope=\"col\">{}</th>", esc(&c.text(id)));
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    let ko = c.lang() == Lang::Ko;
    for r in records {
        let (stage, status) = stage_status(c, r);
        let region =
            yeta_core::study::Region::from_code(&r.region).map_or_else(|| r.region.clone(), |g| g.name(ko).to_owned());
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\"><a href=\"p/{f}.html\">{name}</a></th><td>{sector}</td><td>{region}</td><td>{stage}</td>\
<td>{status}</td><td class=\"n\">{cost}</td><td class=\"n\">{bc}</td><td class=\"n\">{ahp}</td><td>{verdict}</td>\
<td>{restudy}</td><td>{date}</td></tr>",
            f = file_stem(&r.key),
            name = esc(&r.name),
            sector = esc(&c.code("sector", &r.sector)),
            region = esc(&region),
            stage = esc(&stage),
            status = esc(&status),
            cost = esc(&money(c, r.total_cost_krw)),
            bc = esc(&dash(c, r.bc_ratio, |v| format!("{v:.2}"))),
            ahp = esc(&dash(c, r.ahp_score, |v| format!("{v:.3}"))),
            verdict = esc(&verdict_short(c, r)),
            restudy = esc(&restudy_text(c, r)),
            date = esc(&r.signed_off_date),
        );
    }
    b.push_str("</tbody>\n</table>\n");
    b.push_str(&left_out(c));
    page(c, &c.text("pub-index-title"), "index.html", other, &b)
}

fn part_name(c: &Catalog, p: Part, years: i32) -> String {
    match p {
        Part::ForecastRevision => c.text("cli-expost-part-forecast-revision"),
        Part::CostOverrun => c.text("cli-expost-part-cost-overrun"),
        Part::Delay => c.format("cli-expost-part-delay", &[("years", years.to_string())]),
        Part::DemandShortfall => c.text("cli-expost-part-demand-shortfall"),
        Part::Interaction => c.text("cli-expost-part-interaction"),
    }
}

/// One project's page.
fn project_html(c: &Catalog, r: &ProjectRecord, other: &str) -> String {
    let ko = c.lang() == Lang::Ko;
    let (stage, status) = stage_status(c, r);
    let region =
        yeta_core::study::Region::from_code(&r.region).map_or_else(|| r.region.clone(), |g| g.name(ko).to_owned());
    let pct = |v: f64| c.percent(v);
    let rows: Vec<(String, String)> = vec![
        (c.text("pub-col-sponsor"), r.sponsor.clone()),
        (c.text("pub-col-sector"), c.code("sector", &r.sector)),
        (c.text("pub-col-region"), format!("{region} ({})", r.region)),
        (c.text("pub-col-stage"), stage),
        (c.text("pub-col-status"), status),
        (c.text("pub-col-total-cost"), money(c, r.total_cost_krw)),
        (c.text("pub-col-bc"), dash(c, r.bc_ratio, |v| format!("{v:.2}"))),
        (c.text("pub-col-npv"), money(c, r.npv_krw)),
        (c.text("pub-col-irr"), dash(c, r.irr, pct)),
        (c.text("pub-col-ahp"), dash(c, r.ahp_score, |v| format!("{v:.3}"))),
        (c.text("pub-col-ahp-range"), dash(c, r.ahp_score_range, |[lo, hi]| format!("{lo:.3}–{hi:.3}"))),
        (c.text("pub-col-verdict"), r.verdict_text[usize::from(!ko)].clone()),
        (c.text("pub-col-tco2e"), dash(c, r.tco2e, |v| c.format("pub-tco2e", &[("x", yeta_i18n::grouped(v, 0))]))),
        (
            c.text("pub-col-restudy"),
            match r.restudy_growth {
                Some(g) => c.format("pub-restudy-growth", &[("flag", restudy_text(c, r)), ("growth", pct(g))]),
                None => restudy_text(c, r),
            },
        ),
        (c.text("pub-col-revision"), r.revision.to_string()),
        (c.text("pub-col-signed-off"), r.signed_off_date.clone()),
        (c.text("pub-col-sha256"), r.study_sha256.clone()),
    ];
    let mut b = String::new();
    let _ = writeln!(b, "<table>\n<caption>{}</caption>\n<tbody>", esc(&c.text("pub-project-caption")));
    for (k, v) in &rows {
        let _ = writeln!(b, "<tr><th scope=\"row\">{}</th><td>{}</td></tr>", esc(k), esc(v));
    }
    b.push_str("</tbody>\n</table>\n");
    match &r.ex_post {
        Some(e) => {
            let _ = writeln!(
                b,
                "<table>\n<caption>{}</caption>\n<thead><tr><td></td><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                esc(&c.format(
                    "pub-expost-caption",
                    &[("year", e.through_year.to_string()), ("revision", e.ex_ante_revision.to_string())]
                )),
                esc(&c.text("cli-expost-ex-ante")),
                esc(&c.text("cli-expost-ex-post")),
            );
            let bc = |x: Option<f64>| dash(c, x, |v| format!("{v:.2}"));
            for (k, a, p) in [
                (c.text("pub-col-bc"), bc(e.ex_ante_bc_ratio), bc(e.bc_ratio)),
                (c.text("pub-col-npv"), money(c, e.ex_ante_npv_krw), money(c, e.npv_krw)),
                (c.text("pub-col-total-cost"), money(c, e.ex_ante_total_cost_krw), money(c, e.total_cost_krw)),
            ] {
                let _ = writeln!(
                    b,
                    "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                    esc(&k),
                    esc(&a),
                    esc(&p)
                );
            }
            b.push_str("</tbody>\n</table>\n");
            let _ = writeln!(
                b,
                "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                esc(&c.format("pub-delta-caption", &[("delta", money(c, e.delta_npv_krw))])),
                esc(&c.text("pub-col-cause")),
                esc(&c.text("pub-col-amount")),
            );
            for (p, v) in &e.delta_npv_parts_krw {
                let _ = writeln!(
                    b,
                    "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>",
                    esc(&part_name(c, *p, e.delay_years)),
                    esc(&money(c, *v))
                );
            }
            b.push_str("</tbody>\n</table>\n");
            let _ = writeln!(b, "<p>{}</p>", esc(&c.text("cli-expost-order")));
        }
        None => {
            let _ = writeln!(b, "<p>{}</p>", esc(&c.text("pub-no-expost")));
        }
    }
    b.push_str(&left_out(c));
    page(c, &r.name, "../index.html", other, &b)
}

/// The package README (Korean, then English): what is in it and what is left out.
fn readme(records: &[ProjectRecord]) -> String {
    let mut o = String::new();
    for l in [Lang::Ko, Lang::En] {
        let c = yeta_i18n::catalog(l);
        let _ = writeln!(o, "# {}\n", c.text("pub-index-title"));
        let _ = writeln!(o, "{}\n", c.format("pub-intro", &[("count", records.len().to_string())]));
        let _ = writeln!(o, "{}\n", c.text("pub-readme-files"));
        let _ = writeln!(o, "## {}\n", c.text("pub-left-out-title"));
        let _ = writeln!(o, "{}\n", c.text("pub-left-out"));
    }
    o
}

/// Runs `yeta publish --library DB --out DIR`.
pub fn run(db: &Path, out: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        bail!("--out {}: is a file, not a directory", out.display());
    }
    if !db.is_file() {
        bail!("--library {}: no such library file", db.display());
    }
    let lib = Library::open(db)?;
    let records = records(&lib)?;
    let mut json = serde_json::to_string_pretty(&records)?;
    json.push('\n');
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("projects.json".into(), json.into_bytes()),
        ("projects.csv".into(), csv(&records).into_bytes()),
        ("project.schema.json".into(), SCHEMA.as_bytes().to_vec()),
        ("README.md".into(), readme(&records).into_bytes()),
    ];
    let (ko, en) = (yeta_i18n::catalog(Lang::Ko), yeta_i18n::catalog(Lang::En));
    files.push(("index.html".into(), index_html(ko, &records, "", "en/index.html").into_bytes()));
    files.push(("en/index.html".into(), index_html(en, &records, "../", "../index.html").into_bytes()));
    for r in &records {
        let f = file_stem(&r.key);
        files.push((format!("p/{f}.html"), project_html(ko, r, &format!("../en/p/{f}.html")).into_bytes()));
        files.push((format!("en/p/{f}.html"), project_html(en, r, &format!("../../p/{f}.html")).into_bytes()));
    }
    for d in ["p", "en/p"] {
        let dir = out.join(d);
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    for (name, bytes) in &files {
        yeta_service::fs::atomic_write(&out.join(name), bytes)?;
    }
    crate::emit(&format!("{}: {} project(s) published to {}\n", db.display(), records.len(), out.display()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{csv_text, esc, file_stem};

    #[test]
    fn file_stems_are_safe_and_distinct() {
        assert_eq!(file_stem("road-38"), "road-38");
        // '/' 0x2F, ' ' 0x20, '_' 0x5F, '.' 0x2E; 도 (U+B3C4) is EB 8F 84 in UTF-8.
        assert_eq!(file_stem("a/b c"), "a_2Fb_20c");
        assert_eq!(file_stem("../x"), "_2E_2E_2Fx");
        assert_eq!(file_stem("도"), "_EB_8F_84");
        assert_ne!(file_stem("a_2F"), file_stem("a/"));
    }

    #[test]
    fn html_and_csv_escaping() {
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(csv_text("a,b"), "\"a,b\"");
        assert_eq!(csv_text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_text("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_text("plain 도로"), "plain 도로");
    }
}
