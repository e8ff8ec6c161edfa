//! The commands the web view may call (each needs its `allow-…` permission in
//! `capabilities/default.json`). Each one parses its arguments, calls the engine crates through
//! the service layer and returns a typed value (its TypeScript twin is generated into
//! `ui/src/ipc.gen.ts` by the test `ipc_types_are_generated`); errors are [`CmdError`]s: a code
//! the UI renders from the message catalog, the field it concerns, the message's arguments.
//!
//! Files are chosen in native dialogs opened here, on the Rust side, so the web view never gets a
//! general file-system permission: it can only name a file the user picked before (the recent list).
//! Dialog titles come from the catalog in the language the UI set (`set_lang`), and each dialog
//! starts in the folder of the study being edited.

use crate::error::{CmdError, Code};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use ts_rs::TS;
use yeta_i18n::Lang;

/// How many recent studies the Recent list keeps.
const RECENT_MAX: usize = 8;

/// What a command gives back: its value, or a [`CmdError`] for the UI to place.
pub(crate) type Res<T> = Result<T, CmdError>;

/// What the app remembers between commands.
pub struct AppState {
    /// The study file given on the command line, read once by `startup`.
    initial: Mutex<Option<PathBuf>>,
    /// Where `save_study` writes without asking.
    pub(crate) current: Mutex<Option<PathBuf>>,
    /// Cancel flags of running jobs (Monte Carlo, PDF export), by the id the UI chose.
    jobs: Mutex<HashMap<u64, Arc<AtomicBool>>>,
    /// The studies last chosen for the Portfolio view, re-ranked when the budget changes.
    portfolio: Mutex<Vec<PathBuf>>,
    /// The UI's language: dialog titles and suggested file names follow it.
    pub(crate) lang: Mutex<Lang>,
    /// The signed-off ex-ante study (예비타당성조사 당시 연구) the user chose for the ex-post
    /// tab and the report's 사후평가 chapter; forgotten when another study is opened.
    pub(crate) ex_ante: Mutex<Option<PathBuf>>,
}

impl AppState {
    /// State for a session started with `initial` on the command line.
    pub fn new(initial: Option<PathBuf>) -> Self {
        Self {
            initial: Mutex::new(initial),
            current: Mutex::new(None),
            jobs: Mutex::new(HashMap::new()),
            portfolio: Mutex::new(Vec::new()),
            lang: Mutex::new(Lang::Ko),
            ex_ante: Mutex::new(None),
        }
    }

    /// A message of the app's catalog in the UI's language.
    fn text(&self, id: &str) -> String {
        yeta_i18n::catalog(*lock(&self.lang)).text(id)
    }

    /// The folder a dialog starts in: the current study's, else the most recent study's.
    fn folder(&self, recent: &[String]) -> Option<PathBuf> {
        let from = lock(&self.current).clone().or_else(|| recent.first().map(PathBuf::from))?;
        from.parent().filter(|d| d.is_dir()).map(Path::to_path_buf)
    }
}

/// Locks a mutex; a panic elsewhere while holding it leaves data that is still usable here.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A study as it comes back from a file: where, its text, and the recent list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Opened {
    /// The file, if the study has one.
    pub path: Option<String>,
    /// The study's text; none when there is nothing to open.
    pub text: Option<String>,
    /// True when the text is the autosave of a session that did not save.
    pub recovered: bool,
    /// Recent studies, most recent first.
    pub recent: Vec<String>,
}

/// Where a study was saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Saved {
    /// The file written.
    pub path: String,
    /// Recent studies, most recent first.
    pub recent: Vec<String>,
}

/// The appraisal (`yeta appraise --json`, diagnostics rendered in the UI's language), or every
/// problem of the study, each with its field path.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(untagged)]
pub enum Appraised {
    /// The engine's appraisal, money as strings.
    Appraisal {
        /// The appraisal JSON.
        appraisal: Value,
    },
    /// The study's problems.
    Problems {
        /// Each problem.
        problems: Vec<Problem>,
    },
}

/// One problem of a study: where and what.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Problem {
    /// Field path, e.g. `costs[2].flows[0].amount`; empty for the whole file.
    pub path: String,
    /// The engine's explanation, naming the value (English; for logs and uncoded problems).
    pub message: String,
    /// The kind of problem (`yeta_core::study::Problem`, snake_case), rendered from the catalog
    /// as `problem-<code>`.
    pub code: Option<String>,
    /// The catalog message's arguments.
    pub args: std::collections::BTreeMap<String, String>,
}

/// One judgement the repair hints suggest changing, on Saaty's scale.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Hint {
    /// Row item.
    pub i: usize,
    /// Column item.
    pub j: usize,
    /// The judgement given, a_ij.
    pub given: f64,
    /// The nearest value on Saaty's scale consistent with the other judgements ("2", "1/3").
    pub suggested: String,
    /// The matrix's CR with this one judgement changed to `suggested`.
    pub cr_after: f64,
}

/// Weights, consistency and repair hints of one pairwise matrix (쌍대비교 행렬).
#[derive(Debug, Clone, Serialize, TS)]
pub struct MatrixResult {
    /// Priorities summing to 1.
    pub weights: Vec<f64>,
    /// Consistency ratio (일관성 비율).
    pub cr: f64,
    /// CR at or below the cut-off.
    pub consistent: bool,
    /// The rule set's cut-off.
    pub cr_cutoff: f64,
    /// Blank cells completed by Harker's method, as (row, column).
    pub completed: Vec<(usize, usize)>,
    /// For each cell (row-major), |ln(a_ij · w_j / w_i)|: how far it is from the others.
    pub deviation: Vec<Vec<f64>>,
    /// Judgements to reconsider, the most inconsistent first; none that would not change a value.
    pub hints: Vec<Hint>,
}

/// A report written.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Exported {
    /// The file.
    pub path: String,
}

/// One signature of a report.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Signer {
    /// The certificate's subject.
    pub signer: String,
    /// The reviewer's name as signed.
    pub reviewer: Option<String>,
    /// The reviewer's role as signed.
    pub role: Option<String>,
    /// The signing time in PDF form (`D:YYYYMMDDHHmmSSZ`).
    pub date: Option<String>,
    /// The same time as ISO 8601 in UTC (`2026-12-01T19:26:08Z`), for the UI to show in KST.
    pub date_iso: Option<String>,
    /// SHA-256 of the signer's certificate.
    pub cert_sha256: String,
    /// Signature algorithm.
    pub algorithm: String,
}

/// A report signed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Signed {
    /// The signed report (a new `…-signed.pdf` unless the user chose to replace).
    pub path: String,
    /// Every signature it now carries.
    pub signers: Vec<Signer>,
}

/// The check of a signed report.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Verified {
    /// The report.
    pub path: String,
    /// Every signature holds and nothing changed after them but what signing allows.
    pub ok: bool,
    /// The signatures, when they hold.
    pub signers: Vec<Signer>,
    /// Why not, when they do not.
    pub error: Option<CmdError>,
}

/// The unit of money the officer chose for screens and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MoneyUnit {
    /// 원.
    Won,
    /// 천원.
    Thousand,
    /// 백만원 (KDI's tables).
    Million,
    /// 억원.
    Eok,
}

impl MoneyUnit {
    /// The report's unit: the report's tables are in 백만원 or 억원; a screen in 원 or 천원 gets
    /// the report in 백만원, the unit of KDI's PFS tables, which every table caption states.
    fn report(self) -> yeta_report::Unit {
        match self {
            MoneyUnit::Eok => yeta_report::Unit::Eok,
            _ => yeta_report::Unit::Million,
        }
    }
}

/// `$YETA_DATA_DIR` (as the CLI's library uses), else the platform's app data directory.
fn data_dir(app: &AppHandle) -> Res<PathBuf> {
    let dir = match std::env::var_os("YETA_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => app.path().app_data_dir().map_err(CmdError::internal)?,
    };
    std::fs::create_dir_all(&dir).map_err(|e| CmdError::write(&dir, e))?;
    Ok(dir)
}

/// A study or table as text, a leading byte-order mark removed (the CLI's read path).
fn read_text(p: &Path) -> Res<String> {
    yeta_service::fs::read_text(p).map_err(|e| CmdError::read(p, e))
}

/// The CLI's atomic write: temp file, fsync, rename, fsync of the directory.
fn write_atomic(p: &Path, bytes: &[u8]) -> Res<()> {
    yeta_service::fs::atomic_write(p, bytes).map_err(|e| CmdError::write(p, e))
}

fn recent_file(app: &AppHandle) -> Res<PathBuf> {
    Ok(data_dir(app)?.join("recent.json"))
}

/// The recent list, for the registry's commands.
pub(crate) fn recent_of(app: &AppHandle) -> Vec<String> {
    recent(app)
}

fn recent(app: &AppHandle) -> Vec<String> {
    recent_file(app)
        .ok()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// `path` first, without duplicates, at most [`RECENT_MAX`] entries.
fn push_recent(mut list: Vec<String>, path: String) -> Vec<String> {
    list.retain(|x| *x != path);
    list.insert(0, path);
    list.truncate(RECENT_MAX);
    list
}

/// Puts `p` first in the recent list and makes it the current file.
fn remember(app: &AppHandle, state: &AppState, p: &Path) -> Vec<String> {
    let list = push_recent(recent(app), p.display().to_string());
    if let Ok(f) = recent_file(app) {
        let _ = write_atomic(&f, serde_json::to_string_pretty(&list).unwrap_or_default().as_bytes());
    }
    *lock(&state.current) = Some(p.to_path_buf());
    list
}

/// A file dialog titled from the catalog (`title` is a message id), starting in the study's folder.
fn dialog(app: &AppHandle, state: &AppState, title: &str) -> FileDialogBuilder<tauri::Wry> {
    let mut d = app.dialog().file().set_title(state.text(title));
    if let Some(dir) = state.folder(&recent(app)) {
        d = d.set_directory(dir);
    }
    d
}

/// Runs a blocking dialog off the async runtime.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Res<T> {
    tauri::async_runtime::spawn_blocking(f).await.map_err(CmdError::internal)
}

fn into_path(f: tauri_plugin_dialog::FilePath) -> Res<PathBuf> {
    f.into_path().map_err(CmdError::internal)
}

/// A file name from a study's name that keeps its Korean: only what no file system accepts
/// (`/ \ : * ? " < > |`, control characters) becomes a space, runs of spaces one, at most 60
/// characters (whole characters, never a cut syllable), never empty.
pub fn file_stem(name: &str, fallback: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut stem = String::new();
    for w in words {
        let extra = usize::from(!stem.is_empty()) + w.chars().count();
        if stem.chars().count() + extra > 60 {
            if stem.is_empty() {
                stem = w.chars().take(60).collect();
            }
            break;
        }
        if !stem.is_empty() {
            stem.push(' ');
        }
        stem.push_str(w);
    }
    let stem = stem.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_owned();
    if stem.is_empty() { fallback.to_owned() } else { stem }
}

/// Where a signature goes when the report is not replaced: `보고서-signed.pdf` beside it, or
/// `-signed-2.pdf`, `-signed-3.pdf`… when that exists (a second signer's copy of a signed copy
/// is `보고서-signed-2.pdf`, not `보고서-signed-signed.pdf`).
pub fn signed_path(pdf: &Path) -> PathBuf {
    let dir = pdf.parent().unwrap_or(Path::new("."));
    let stem = pdf.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let base = match stem.rfind("-signed") {
        Some(i) if stem[i + 7..].chars().all(|c| c == '-' || c.is_ascii_digit()) => stem[..i].to_owned(),
        _ => stem,
    };
    let mut n = 1;
    loop {
        let name = if n == 1 { format!("{base}-signed.pdf") } else { format!("{base}-signed-{n}.pdf") };
        let p = dir.join(name);
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// The UI's language, for dialog titles and file names.
#[tauri::command]
pub fn set_lang(state: State<'_, AppState>, lang: String) {
    *lock(&state.lang) = Lang::from_code(&lang);
}

/// The first screen: the study named on the command line, else the autosave of an unsaved session.
#[tauri::command]
pub fn startup(app: AppHandle, state: State<'_, AppState>) -> Res<Opened> {
    if let Some(p) = lock(&state.initial).take() {
        let text = read_text(&p)?;
        let recent = remember(&app, &state, &p);
        return Ok(Opened { path: Some(p.display().to_string()), text: Some(text), recovered: false, recent });
    }
    let auto = data_dir(&app)?.join("autosave.json");
    let saved: Option<Value> = std::fs::read_to_string(auto).ok().and_then(|t| serde_json::from_str(&t).ok());
    let recent = recent(&app);
    Ok(match saved {
        Some(s) => {
            let path = s["path"].as_str().map(str::to_owned);
            if let Some(p) = &path {
                *lock(&state.current) = Some(PathBuf::from(p));
            }
            Opened { path, text: s["text"].as_str().map(str::to_owned), recovered: true, recent }
        }
        None => Opened { path: None, text: None, recovered: false, recent },
    })
}

/// Validates and appraises a study: the engine's appraisal JSON (money as strings, every
/// diagnostic's sentence rendered in `lang` from the message catalog, as `yeta appraise --json`
/// writes it), or every problem with its field path for the UI to place beside the fields.
#[tauri::command]
pub fn appraise(study: String, lang: Option<String>) -> Appraised {
    let lang = Lang::from_code(lang.as_deref().unwrap_or("ko"));
    match yeta_core::appraise_json(&study, None) {
        Ok(a) => Appraised::Appraisal { appraisal: yeta_i18n::appraisal_json(&a, lang) },
        Err(e) => Appraised::Problems {
            problems: e
                .problems()
                .into_iter()
                .map(|p| Problem {
                    path: p.path,
                    message: p.message,
                    code: p.code.and_then(|c| serde_json::to_value(c).ok()).and_then(|v| v.as_str().map(str::to_owned)),
                    args: p.args,
                })
                .collect(),
        },
    }
}

/// Weights, CR, each cell's deviation and the repair hints (with the CR each would give) of one
/// pairwise matrix under the study's rule set, as `yeta ahp` computes them: what the AHP panel
/// shows beside each matrix while it is edited.
#[tauri::command]
pub fn ahp_matrix(matrix: Vec<Vec<yeta_core::ahp::matrix::Judgement>>, rules: Option<String>) -> Res<MatrixResult> {
    use yeta_core::ahp::matrix;
    let m = matrix::check(&matrix).map_err(|errs| {
        let first = errs.first();
        let mut e = CmdError::new(Code::MatrixInvalid)
            .arg("cell", first.map(|e| e.cell.clone()).unwrap_or_default())
            .detail(errs.iter().map(|e| format!("{}: {}", e.cell, e.message)).collect::<Vec<_>>().join("; "));
        e.path = first.map(|e| format!("matrix{}", e.cell));
        e
    })?;
    let id = rules.unwrap_or_else(|| yeta_core::rules::DEFAULT_RULE_SET.to_owned());
    let unknown = || CmdError::new(Code::RulesUnknown).arg("rules", id.clone());
    let set = yeta_core::RuleSet::builtin(&id).ok_or_else(unknown)?;
    let ahp = set.ahp.ok_or_else(unknown)?;
    let (ri, cutoff) = (&ahp.random_index.value, ahp.cr_cutoff.value);
    let p = matrix::priorities(&m, matrix::Method::default(), ri, cutoff);
    let w = &p.weights;
    let deviation = (0..m.len())
        .map(|i| (0..m.len()).map(|j| m[i][j].map_or(0.0, |a| (a * w[j] / w[i]).ln().abs())).collect())
        .collect();
    let hints = p
        .hints
        .iter()
        .map(|h| {
            // The CR once this one judgement (and its reciprocal) takes the suggested value.
            let s = matrix::saaty_value(h.consistent);
            let mut fixed = m.clone();
            fixed[h.i][h.j] = Some(s);
            fixed[h.j][h.i] = Some(1.0 / s);
            let cr_after = matrix::priorities(&fixed, matrix::Method::default(), ri, cutoff).cr;
            Hint { i: h.i, j: h.j, given: h.given, suggested: h.suggested.clone(), cr_after }
        })
        .collect();
    Ok(MatrixResult {
        weights: p.weights.clone(),
        cr: p.cr,
        consistent: p.consistent,
        cr_cutoff: cutoff,
        completed: p.completed.clone(),
        deviation,
        hints,
    })
}

/// Opens a study: `path` must be one from the recent list; without it, a file dialog asks.
#[tauri::command]
pub async fn open_study(app: AppHandle, state: State<'_, AppState>, path: Option<String>) -> Res<Option<Opened>> {
    let p = match path {
        Some(p) if recent(&app).contains(&p) => PathBuf::from(p),
        Some(p) => return Err(CmdError::new(Code::NotInRecent).arg("file", p)),
        None => {
            let d = dialog(&app, &state, "dialog-open-study").add_filter(state.text("dialog-filter-study"), &["json"]);
            match blocking(move || d.blocking_pick_file()).await? {
                Some(f) => into_path(f)?,
                None => return Ok(None),
            }
        }
    };
    let text = read_text(&p)?;
    let recent = remember(&app, &state, &p);
    *lock(&state.ex_ante) = None;
    Ok(Some(Opened { path: Some(p.display().to_string()), text: Some(text), recovered: false, recent }))
}

/// The budget as typed in the Portfolio view, in whole won: digits with `,` `_` or spaces, or the
/// officer's notation (`1,800억`, `2조 5,000억`).
pub(crate) fn parse_budget(b: &str) -> Res<Option<rust_decimal::Decimal>> {
    let t = b.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || CmdError::new(Code::BudgetInvalid).arg("value", t);
    let d = yeta_core::study::money::parse_amount(t).map_err(|_| bad())?;
    if d.is_sign_negative() {
        return Err(bad());
    }
    Ok(Some(d))
}

/// The Portfolio view's numbers: `yeta_core::compare` on the studies in `paths` (ranked by AHP
/// score, then B/C) with the budget cut, as JSON (money as whole-won strings).
fn compare_files(paths: &[PathBuf], budget: Option<&str>) -> Res<Value> {
    let budget = match budget {
        Some(b) => parse_budget(b)?,
        None => None,
    };
    let mut studies = Vec::new();
    for p in paths {
        let a = yeta_core::appraise_json(&read_text(p)?, None)
            .map_err(|e| CmdError::from(e).arg("file", p.display().to_string()))?;
        studies.push((p.display().to_string(), a));
    }
    serde_json::to_value(yeta_core::compare::compare(&studies, budget)).map_err(CmdError::internal)
}

/// Studies side by side for the Portfolio view. With `pick`, a dialog asks for several study
/// files (null when cancelled); without, the studies chosen last are ranked again (for a new
/// `budget`).
#[tauri::command]
pub async fn compare_studies(
    app: AppHandle,
    state: State<'_, AppState>,
    pick: bool,
    budget: Option<String>,
) -> Res<Option<Value>> {
    if pick {
        let d = dialog(&app, &state, "dialog-compare").add_filter(state.text("dialog-filter-study"), &["json"]);
        let Some(files) = blocking(move || d.blocking_pick_files()).await? else { return Ok(None) };
        *lock(&state.portfolio) = files.into_iter().map(into_path).collect::<Res<Vec<_>>>()?;
    }
    let paths = lock(&state.portfolio).clone();
    if paths.is_empty() {
        return Err(CmdError::new(Code::NoStudiesChosen));
    }
    blocking(move || compare_files(&paths, budget.as_deref())).await?.map(Some)
}

/// The study's name, for suggested file names.
fn study_name(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v["project"]["name"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Saves the study atomically to the current file, or where a dialog says (`choose`, or no file
/// yet; the suggested name is the study's). Returns the path, or null when the dialog was
/// cancelled.
#[tauri::command]
pub async fn save_study(app: AppHandle, state: State<'_, AppState>, text: String, choose: bool) -> Res<Option<Saved>> {
    serde_json::from_str::<Value>(&text).map_err(|e| {
        CmdError::new(Code::StudyParse).num("line", e.line() as f64).num("column", e.column() as f64).detail(e)
    })?;
    let current = lock(&state.current).clone();
    let p = match current {
        Some(p) if !choose => p,
        _ => {
            let name = format!("{}.yeta.json", file_stem(&study_name(&text), &state.text("dialog-default-study")));
            let d = dialog(&app, &state, "dialog-save-study")
                .add_filter(state.text("dialog-filter-study"), &["json"])
                .set_file_name(name);
            match blocking(move || d.blocking_save_file()).await? {
                Some(f) => into_path(f)?,
                None => return Ok(None),
            }
        }
    };
    write_atomic(&p, text.as_bytes())?;
    let _ = std::fs::remove_file(data_dir(&app)?.join("autosave.json"));
    let recent = remember(&app, &state, &p);
    Ok(Some(Saved { path: p.display().to_string(), recent }))
}

/// Keeps the unsaved study in the app data directory (atomically), so a crash loses nothing.
#[tauri::command]
pub fn autosave(app: AppHandle, state: State<'_, AppState>, text: String) -> Res<()> {
    let path = lock(&state.current).as_ref().map(|p| p.display().to_string());
    let body = json!({ "path": path, "text": text });
    write_atomic(&data_dir(&app)?.join("autosave.json"), body.to_string().as_bytes())
}

/// Registers a job's cancel flag; the guard removes it when the job ends, however it ends.
struct Job<'a> {
    state: &'a AppState,
    id: u64,
    cancel: Arc<AtomicBool>,
}

impl<'a> Job<'a> {
    fn start(state: &'a AppState, id: u64) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        lock(&state.jobs).insert(id, cancel.clone());
        Self { state, id, cancel }
    }
}

impl Drop for Job<'_> {
    fn drop(&mut self) {
        lock(&self.state.jobs).remove(&self.id);
    }
}

/// Progress of a long job, for the UI's progress bar (`job-progress` events).
#[derive(Debug, Clone, Serialize, TS)]
pub struct Progress {
    /// The job's id, as the UI chose it.
    pub id: u64,
    /// Steps done.
    pub done: usize,
    /// Steps in all; `done == total` then `phase: "summarising"` while the results are computed.
    pub total: usize,
    /// What the job is doing: `running`, then `summarising` (sorting draws, percentiles).
    pub phase: Phase,
}

/// The phase of a long job.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Drawing or rendering.
    Running,
    /// All steps drawn; statistics being computed.
    Summarising,
}

fn progress(app: &AppHandle, id: u64, done: usize, total: usize) {
    let phase = if done >= total { Phase::Summarising } else { Phase::Running };
    let _ = app.emit("job-progress", Progress { id, done, total, phase });
}

/// Raises the cancel flag of a running job; the job stops at its next check.
#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>, job: u64) -> bool {
    lock(&state.jobs).get(&job).map(|c| c.store(true, Ordering::Relaxed)).is_some()
}

/// The Monte Carlo risk analysis on tokio's blocking pool, with progress events and cancel.
#[tauri::command]
pub async fn run_risk(
    app: AppHandle,
    state: State<'_, AppState>,
    job: u64,
    study: String,
    draws: usize,
    seed: u64,
) -> Res<Value> {
    crate::error::check_draws(draws)?;
    let study = yeta_core::Study::from_json(&study)?;
    let guard = Job::start(&state, job);
    let cancel = guard.cancel.clone();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let opts = yeta_core::risk::Options { draws, seed, threads, bins: 30 };
    let result = blocking(move || {
        let last = std::sync::atomic::AtomicUsize::new(usize::MAX);
        // One event per percent at most: the engine reports every chunk.
        let report = |done: usize, total: usize| {
            let pct = 100 * done / total.max(1);
            if last.swap(pct, Ordering::Relaxed) != pct {
                progress(&app, job, done, total);
            }
        };
        yeta_core::risk::simulate_study(&study, opts, &report, &cancel)
    })
    .await?;
    drop(guard);
    let r = result?;
    serde_json::to_value(&r).map_err(CmdError::internal)
}

/// Renders the PDF report in `lang` (`ko`/`en`) with money in `unit` and writes it where a save
/// dialog says (suggested: the study's name, in its folder); the rendering runs on the blocking
/// pool. Returns the path, or null if the dialog or the job was cancelled.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    job: u64,
    study: String,
    lang: String,
    unit: Option<MoneyUnit>,
) -> Res<Option<Exported>> {
    let l: yeta_report::Lang = if lang == "en" { yeta_report::Lang::En } else { yeta_report::Lang::Ko };
    let appraisal = yeta_core::appraise_json(&study, None)?;
    let name = format!("{}.pdf", file_stem(&appraisal.study.name, &state.text("dialog-default-report")));
    let d = dialog(&app, &state, "dialog-export-pdf").add_filter("PDF", &["pdf"]).set_file_name(name);
    let Some(path) = blocking(move || d.blocking_save_file()).await? else { return Ok(None) };
    let path = into_path(path)?;
    let guard = Job::start(&state, job);
    let cancel = guard.cancel.clone();
    let app2 = app.clone();
    let target = path.clone();
    let unit = unit.unwrap_or(MoneyUnit::Million).report();
    let chosen = lock(&state.ex_ante).clone();
    let written = blocking(move || {
        // 사후평가: a study with actuals gets the report's ex-post chapter, against the same
        // ex-ante study the ex-post tab shows (as `yeta report --ex-ante` does).
        let expost = expost_of(&study, chosen.as_deref(), &yeta_store::default_path())?;
        let x = expost.as_ref().map(|e| &e.0);
        write_report(&appraisal, &study, l, unit, x, &target, &cancel, &|d, t| progress(&app2, job, d, t))
    })
    .await??;
    drop(guard);
    Ok(written.then(|| Exported { path: path.display().to_string() }))
}

/// Renders the report as the CLI does (the service layer: Monte Carlo section with the same
/// draws and seed, the same bytes) and writes it atomically, unless cancelled; reports 3 steps.
#[allow(clippy::too_many_arguments)]
fn write_report(
    appraisal: &yeta_core::Appraisal,
    study: &str,
    lang: yeta_report::Lang,
    unit: yeta_report::Unit,
    expost: Option<&yeta_core::expost::ExPost>,
    path: &Path,
    cancel: &AtomicBool,
    progress: &dyn Fn(usize, usize),
) -> Res<bool> {
    let mut opts = yeta_report::Options::new(lang);
    opts.unit = unit;
    opts.expost = expost;
    let bytes = match yeta_service::report::report_pdf_with(appraisal, study, &opts, cancel, progress) {
        Ok(b) => b,
        Err(yeta_service::report::ReportError::Cancelled) => return Ok(false),
        Err(e) => return Err(CmdError::internal(e)),
    };
    if cancel.load(Ordering::Relaxed) {
        return Ok(false);
    }
    write_atomic(path, &bytes)?;
    progress(3, 3);
    Ok(true)
}

/// What the ex-post figures are compared with (사후평가의 비교 기준).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Against {
    /// The study's own forecast: no signed-off ex-ante study was chosen or found.
    Forecast,
    /// A study file the user chose as the signed-off ex-ante study.
    File {
        /// The file.
        path: String,
    },
    /// The first signed-off revision (the PFS) of the library's study of the same name.
    Library {
        /// The library database.
        library: String,
        /// The study's key in it.
        key: String,
        /// The revision.
        revision: i64,
    },
}

/// The ex-post tab's figures: the engine's evaluation (`yeta evaluate --json`, money as
/// strings) and what it was compared with.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Evaluated {
    /// The evaluation JSON (`yeta_core::expost::ExPost`).
    pub evaluation: Value,
    /// The ex-ante side of the comparison.
    pub against: Against,
}

/// The first signed-off revision (the PFS, as `yeta library restudy` takes it) of the library's
/// study named `name`: (key, revision, text). A library that does not exist is not created.
fn library_ex_ante(library: &Path, name: &str) -> Option<(String, i64, String)> {
    if std::fs::metadata(library).map_or(true, |m| m.len() == 0) {
        return None;
    }
    let lib = yeta_store::Library::open(library).ok()?;
    for e in lib.list().ok()? {
        if e.name != name || e.signed_off == 0 {
            continue;
        }
        let history = lib.history(&e.key).ok()?;
        let Some(r) = history.iter().find(|r| r.broken.is_none() && !r.signed_off_by.is_empty()) else { continue };
        let (n, text) = lib.get(&e.key, Some(r.number)).ok()?;
        return Some((e.key, n, text));
    }
    None
}

/// The signed-off ex-ante study to evaluate `study` against: the file the user chose, else the
/// library's signed-off revision of the same project, else none (the study's own forecast).
fn ex_ante_for(
    chosen: Option<&Path>,
    library: &Path,
    study: &yeta_core::Study,
) -> Res<(Option<yeta_core::Study>, Against)> {
    if let Some(p) = chosen {
        let s = yeta_core::Study::from_json(&read_text(p)?)
            .map_err(|e| CmdError::from(e).arg("file", p.display().to_string()))?;
        return Ok((Some(s), Against::File { path: p.display().to_string() }));
    }
    if let Some((key, revision, text)) = library_ex_ante(library, &study.project.name)
        && let Ok(s) = yeta_core::Study::from_json(&text)
    {
        return Ok((Some(s), Against::Library { library: library.display().to_string(), key, revision }));
    }
    Ok((None, Against::Forecast))
}

/// The ex-post evaluation of a study with an outturn section (none without one).
fn expost_of(study: &str, chosen: Option<&Path>, library: &Path) -> Res<Option<(yeta_core::expost::ExPost, Against)>> {
    let s = yeta_core::Study::from_json(study)?;
    if s.outturn.is_none() {
        return Ok(None);
    }
    let (ante, against) = ex_ante_for(chosen, library, &s)?;
    Ok(Some((yeta_core::expost::evaluate(&s, ante.as_ref(), None)?, against)))
}

/// The 사후평가 tab: the study's ex-post evaluation (`yeta evaluate`), against the signed-off
/// ex-ante study (with `pick`, one a dialog asks for; else the one chosen before, else the
/// library's) or the study's own forecast. Null when the dialog is cancelled or the study has no
/// outturn.
#[tauri::command]
pub async fn evaluate_study(
    app: AppHandle,
    state: State<'_, AppState>,
    study: String,
    pick: bool,
) -> Res<Option<Evaluated>> {
    if pick {
        let d = dialog(&app, &state, "dialog-ex-ante").add_filter(state.text("dialog-filter-study"), &["json"]);
        let Some(f) = blocking(move || d.blocking_pick_file()).await? else { return Ok(None) };
        *lock(&state.ex_ante) = Some(into_path(f)?);
    }
    let chosen = lock(&state.ex_ante).clone();
    let found = blocking(move || expost_of(&study, chosen.as_deref(), &yeta_store::default_path())).await??;
    found
        .map(|(x, against)| {
            Ok(Evaluated { evaluation: serde_json::to_value(&x).map_err(CmdError::internal)?, against })
        })
        .transpose()
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

async fn pick(
    app: &AppHandle,
    state: &AppState,
    title: &str,
    filter: (String, &'static [&'static str]),
) -> Res<Option<PathBuf>> {
    let d = dialog(app, state, title).add_filter(filter.0, filter.1);
    blocking(move || d.blocking_pick_file()).await?.map(into_path).transpose()
}

/// `D:20261201192608Z` (or with `+09'00'`) as ISO 8601 in UTC: `2026-12-01T19:26:08Z`.
pub fn pdf_date_iso(d: &str) -> Option<String> {
    let s = d.strip_prefix("D:")?;
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 14 {
        return None;
    }
    let n = |a: usize, b: usize| digits[a..b].parse::<i64>().ok();
    let (y, mo, da, h, mi, se) = (n(0, 4)?, n(4, 6)?, n(6, 8)?, n(8, 10)?, n(10, 12)?, n(12, 14)?);
    // The offset after the digits: Z, or +HH'mm' / -HH'mm'.
    let rest = &s[14..];
    let offset_min = match rest.chars().next() {
        None | Some('Z') => 0,
        Some(sign @ ('+' | '-')) => {
            let t: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
            let hh = t.get(0..2).and_then(|x| x.parse::<i64>().ok()).unwrap_or(0);
            let mm = t.get(2..4).and_then(|x| x.parse::<i64>().ok()).unwrap_or(0);
            (hh * 60 + mm) * if sign == '-' { -1 } else { 1 }
        }
        _ => return None,
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&da) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil); the store writes the instant.
    let days = |y: i64, m: i64, d: i64| {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    };
    Some(yeta_store::rfc3339_utc(days(y, mo, da) * 86_400 + h * 3600 + mi * 60 + se - offset_min * 60))
}

fn signers(signers: &[yeta_report::SignerInfo]) -> Vec<Signer> {
    signers
        .iter()
        .map(|s| Signer {
            signer: s.signer.clone(),
            reviewer: s.reviewer.clone(),
            role: s.role.clone(),
            date: s.date.clone(),
            date_iso: s.date.as_deref().and_then(pdf_date_iso),
            cert_sha256: s.cert_sha256.clone(),
            algorithm: s.algorithm.to_owned(),
        })
        .collect()
}

/// Sign-off: asks for a report and a key file (PEM, or PKCS#12 with `password`) and adds a PAdES
/// signature (earlier signatures stay valid), into `…-signed.pdf` beside the report unless
/// `replace`; returns every signer.
#[tauri::command]
pub async fn sign_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    reviewer: String,
    role: String,
    password: Option<String>,
    replace: Option<bool>,
) -> Res<Option<Signed>> {
    let pdf_filter = ("PDF".to_owned(), &["pdf"][..]);
    let Some(pdf) = pick(&app, &state, "dialog-sign-report", pdf_filter).await? else { return Ok(None) };
    let key_filter = (state.text("dialog-filter-key"), &["pem", "p12", "pfx"][..]);
    let Some(key) = pick(&app, &state, "dialog-sign-key", key_filter).await? else { return Ok(None) };
    let out = if replace.unwrap_or(false) { pdf.clone() } else { signed_path(&pdf) };
    blocking(move || sign_file(&pdf, &key, &out, &reviewer, &role, password.as_deref())).await?.map(Some)
}

/// Signs `pdf` with the key file (PEM, or PKCS#12 with `password`) into `out`; returns every signer.
fn sign_file(pdf: &Path, key: &Path, out: &Path, reviewer: &str, role: &str, password: Option<&str>) -> Res<Signed> {
    let key_bytes = std::fs::read(key).map_err(|e| CmdError::read(key, e))?;
    let cred = if key_bytes.first() == Some(&0x30) {
        yeta_report::load_pkcs12(&key_bytes, password.unwrap_or(""))?
    } else {
        let text = String::from_utf8(key_bytes)
            .map_err(|_| CmdError::new(Code::KeyInvalid).arg("file", key.display().to_string()))?;
        // An encrypted PKCS#8 key (what `yeta keygen` writes) takes the same password field.
        yeta_report::load_credentials_with_password(&text, None, password)?
    };
    let input = std::fs::read(pdf).map_err(|e| CmdError::read(pdf, e))?;
    let who = yeta_report::SignOff { reviewer, role, unix_time: unix_now() };
    let signed = yeta_report::sign(&input, &cred, &who)?;
    write_atomic(out, &signed)?;
    let s = yeta_report::verify(&signed)?;
    Ok(Signed { path: out.display().to_string(), signers: signers(&s) })
}

/// The check of a PDF on disk.
fn verify_file(pdf: &Path) -> Res<Verified> {
    let bytes = std::fs::read(pdf).map_err(|e| CmdError::read(pdf, e))?;
    let path = pdf.display().to_string();
    Ok(match yeta_report::verify(&bytes) {
        Ok(s) => Verified { path, ok: true, signers: signers(&s), error: None },
        Err(e) => Verified { path, ok: false, signers: Vec::new(), error: Some(e.into()) },
    })
}

/// Checks every signature of a report the user picks.
#[tauri::command]
pub async fn verify_pdf(app: AppHandle, state: State<'_, AppState>) -> Res<Option<Verified>> {
    let Some(pdf) = pick(&app, &state, "dialog-verify-report", ("PDF".to_owned(), &["pdf"][..])).await? else {
        return Ok(None);
    };
    verify_file(&pdf).map(Some)
}

#[cfg(test)]
mod tests {
    //! The commands' work without a window: what the web view gets back, on the fixtures.
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{}/../fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("yeta-app-test-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn appraise_returns_the_engine_appraisal_with_money_as_strings() {
        let v = serde_json::to_value(appraise(fixture("road-national-route.yeta.json"), None)).unwrap();
        let e = &v["appraisal"]["economic"];
        // The same figures `yeta appraise --json` writes for this fixture (README, tests/).
        assert!((e["bc_ratio"].as_f64().unwrap() - 1.0164395429947441).abs() < 1e-12);
        assert_eq!(e["npv"], "2974607642.525");
        assert_eq!(v["appraisal"]["verdict"]["implement"], true);
    }

    #[test]
    fn appraise_returns_problems_with_field_paths() {
        let mut s: Value = serde_json::from_str(&fixture("road-national-route.yeta.json")).unwrap();
        s["parameters"]["last_year"] = json!(2020);
        let v = serde_json::to_value(appraise(s.to_string(), None)).unwrap();
        assert!(v.get("appraisal").is_none());
        let problems = v["problems"].as_array().unwrap();
        assert!(problems.iter().any(|p| p["path"] == "parameters.last_year"), "{problems:?}");
    }

    #[test]
    fn compare_ranks_the_three_fixtures_and_cuts_by_budget() {
        let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures"));
        let paths: Vec<PathBuf> = ["rail-wide-area", "road-national-route", "ict-e-procurement"]
            .iter()
            .map(|n| root.join(format!("{n}.yeta.json")))
            .collect();
        let v = compare_files(&paths, Some("200,000,000,000")).unwrap();
        let rows = v["ranking"].as_array().unwrap();
        let names: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
        assert!(names[0].ends_with("ict-e-procurement.yeta.json") && names[2].ends_with("rail-wide-area.yeta.json"));
        // 95 bn fits in 200 bn; 95 + 180 = 275 bn does not; the rail study is not to implement.
        assert_eq!(rows[0]["fits_budget"], true);
        assert_eq!(rows[1]["fits_budget"], false);
        assert!(rows[2]["fits_budget"].is_null());
        assert_eq!(rows[1]["cumulative_cost"], "275000000000");
        assert_eq!(v["budget"], "200000000000");
        let e = compare_files(&paths, Some("-5")).unwrap_err();
        assert_eq!((e.code, e.args["value"].clone()), (Code::BudgetInvalid, crate::error::Arg::Text("-5".into())));
        assert_eq!(compare_files(&paths, Some("lots")).unwrap_err().code, Code::BudgetInvalid);
        assert!(compare_files(&paths, Some("")).unwrap()["budget"].is_null());
        // The officer's notation: 2,000억 = 200,000,000,000 won.
        assert_eq!(compare_files(&paths, Some("2,000억")).unwrap()["budget"], "200000000000");
    }

    #[test]
    fn ahp_matrix_weights_cr_and_hints() {
        // A consistent 2×2 matrix: a_12 = 3 gives weights 3/4 and 1/4, CR 0.
        let m = serde_json::from_value(json!([[1, 3], ["1/3", 1]])).unwrap();
        let v = ahp_matrix(m, None).unwrap();
        assert!((v.weights[0] - 0.75).abs() < 1e-9);
        assert!((v.weights[1] - 0.25).abs() < 1e-9);
        assert!(v.consistent);
        // Consistent: w_1/w_2 = 3 = a_12, so every cell's deviation |ln(a_ij w_j / w_i)| is 0.
        assert!(v.deviation.iter().flatten().all(|d| d.abs() < 1e-9));
        // A cyclic 3×3 matrix (A ≫ B ≫ C ≫ A) is as inconsistent as can be: a hint must come.
        let m = serde_json::from_value(json!([[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]])).unwrap();
        let v = ahp_matrix(m, Some("kr-pfs-2026".into())).unwrap();
        assert!(v.cr > 0.1);
        assert!(!v.consistent);
        assert!(!v.hints.is_empty());
        // Each hint names the CR its one change gives, and the best one lowers it.
        assert!(v.hints.iter().all(|h| h.cr_after.is_finite()));
        assert!(v.hints.iter().any(|h| h.cr_after < v.cr), "{:?}", v.hints);
        assert!(v.hints.iter().all(|h| h.suggested != yeta_core::ahp::matrix::saaty_text(h.given)));
        let bad = serde_json::from_value(json!([[1, 2], [2, 1]])).unwrap();
        let e = ahp_matrix(bad, None).unwrap_err();
        assert_eq!(e.code, Code::MatrixInvalid, "a_21 must be 1/a_12");
        assert!(e.path.unwrap().starts_with("matrix["));
        let e = ahp_matrix(serde_json::from_value(json!([[1]])).unwrap(), Some("nope".into())).unwrap_err();
        assert_eq!(e.code, Code::RulesUnknown);
    }

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let l = push_recent(vec!["a".into(), "b".into()], "b".into());
        assert_eq!(l, ["b", "a"]);
        let mut l = Vec::new();
        for i in 0..20 {
            l = push_recent(l, i.to_string());
        }
        assert_eq!(l.len(), RECENT_MAX);
        assert_eq!(l[0], "19");
    }

    /// The app's Export PDF and the CLI's `yeta report` give the same bytes for every fixture
    /// and language: both call the service layer, Monte Carlo section included. With `YETA_BIN`
    /// set (the test step sets it) the CLI binary itself is run and compared.
    #[test]
    fn app_export_and_cli_report_are_byte_identical() {
        let dir = temp_dir("same-bytes");
        let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures"));
        for name in ["rail-wide-area", "road-national-route", "ict-e-procurement"] {
            let path = root.join(format!("{name}.yeta.json"));
            let study = std::fs::read_to_string(&path).unwrap();
            let a = yeta_core::appraise_json(&study, None).unwrap();
            for (lang, code) in [(yeta_report::Lang::Ko, "ko"), (yeta_report::Lang::En, "en")] {
                let app_pdf = dir.join(format!("{name}-{code}-app.pdf"));
                assert!(
                    write_report(
                        &a,
                        &study,
                        lang,
                        yeta_report::Unit::Million,
                        None,
                        &app_pdf,
                        &AtomicBool::new(false),
                        &|_, _| {}
                    )
                    .unwrap()
                );
                let app_bytes = std::fs::read(&app_pdf).unwrap();
                let service =
                    yeta_service::report::study_report_pdf(&study, lang, &AtomicBool::new(false), &|_, _| {}).unwrap();
                assert!(app_bytes == service, "{name} {code}: app and service differ");
                if let Ok(bin) = std::env::var("YETA_BIN") {
                    let cli_pdf = dir.join(format!("{name}-{code}-cli.pdf"));
                    let o = std::process::Command::new(&bin)
                        .args(["report", path.to_str().unwrap(), "--pdf", cli_pdf.to_str().unwrap(), "--lang", code])
                        .output()
                        .unwrap();
                    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                    assert!(std::fs::read(&cli_pdf).unwrap() == app_bytes, "{name} {code}: CLI and app differ");
                }
            }
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// The 사후평가 tab's figures are `yeta evaluate`'s: against the chosen signed-off PFS study
    /// the hand decomposition of the fixture (crates/yeta-report/tests, 백만원): −23,616 − 24,000
    /// − 40,000 − 8,000 + 1,600 = −94,016; without one, the study's own forecast; none without an
    /// outturn. A library is looked in, never created.
    #[test]
    fn evaluate_against_the_chosen_pfs_study_or_the_own_forecast() {
        let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/expost"));
        let post = std::fs::read_to_string(root.join("admin-system-ex-post.yeta.json")).unwrap();
        let ante = root.join("admin-system-ex-ante.yeta.json");
        let dir = temp_dir("expost");
        let no_library = dir.join("none.sqlite");
        let (x, against) = expost_of(&post, Some(&ante), &no_library).unwrap().unwrap();
        assert_eq!(against, Against::File { path: ante.display().to_string() });
        let m = rust_decimal::Decimal::from(1_000_000);
        let parts: Vec<i64> =
            x.decomposition.parts.iter().map(|(_, v)| (v.0 / m).round().try_into().unwrap()).collect();
        assert_eq!(parts, [-23_616, -24_000, -40_000, -8_000, 1_600]);
        assert_eq!(x.decomposition.delta_npv / m, rust_decimal::Decimal::from(-94_016));
        let (own, against) = expost_of(&post, None, &no_library).unwrap().unwrap();
        assert_eq!(against, Against::Forecast);
        // Ex post −52,320 against the own forecast's 18,080.
        assert_eq!(own.decomposition.delta_npv / m, rust_decimal::Decimal::from(-70_400));
        assert!(!no_library.exists(), "a library was created");
        assert!(expost_of(&fixture("road-national-route.yeta.json"), None, &no_library).unwrap().is_none());
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// The app's export of a study with actuals has the 사후평가 chapter, the same bytes as
    /// `yeta report --ex-ante` (with `YETA_BIN`), and differs from the report without it.
    #[test]
    fn app_export_of_an_ex_post_study_has_the_chapter() {
        let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/expost"));
        let path = root.join("admin-system-ex-post.yeta.json");
        let post = std::fs::read_to_string(&path).unwrap();
        let ante = root.join("admin-system-ex-ante.yeta.json");
        let dir = temp_dir("expost-pdf");
        let a = yeta_core::appraise_json(&post, None).unwrap();
        let (x, _) = expost_of(&post, Some(&ante), &dir.join("none.sqlite")).unwrap().unwrap();
        let (with, without) = (dir.join("with.pdf"), dir.join("without.pdf"));
        let (ko, m, go) = (yeta_report::Lang::Ko, yeta_report::Unit::Million, AtomicBool::new(false));
        assert!(write_report(&a, &post, ko, m, Some(&x), &with, &go, &|_, _| {}).unwrap());
        assert!(write_report(&a, &post, ko, m, None, &without, &go, &|_, _| {}).unwrap());
        let bytes = std::fs::read(&with).unwrap();
        assert!(bytes != std::fs::read(&without).unwrap(), "no 사후평가 chapter");
        if let Ok(bin) = std::env::var("YETA_BIN") {
            let cli = dir.join("cli.pdf");
            let o = std::process::Command::new(&bin)
                .args(["report", path.to_str().unwrap(), "--pdf", cli.to_str().unwrap(), "--lang", "ko"])
                .args(["--ex-ante", ante.to_str().unwrap()])
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            assert!(std::fs::read(&cli).unwrap() == bytes, "CLI and app differ");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn export_sign_and_verify() {
        let dir = temp_dir("export");
        let study = fixture("road-national-route.yeta.json");
        let a = yeta_core::appraise_json(&study, None).unwrap();
        let pdf = dir.join("r.pdf");
        let steps = std::sync::Mutex::new(Vec::new());
        let record = |d: usize, t: usize| steps.lock().unwrap().push((d, t));
        // Cancelled before writing: no file.
        let m = yeta_report::Unit::Million;
        assert!(
            !write_report(&a, &study, yeta_report::Lang::En, m, None, &pdf, &AtomicBool::new(true), &record).unwrap()
        );
        assert!(!pdf.exists());
        assert!(
            write_report(&a, &study, yeta_report::Lang::Ko, m, None, &pdf, &AtomicBool::new(false), &record).unwrap()
        );
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
        assert_eq!(steps.lock().unwrap().last(), Some(&(3, 3)));

        let key = dir.join("k.pem");
        let pem = (0u8..8).find_map(|i| yeta_report::keygen("Kim Reviewer", 1_790_000_000, [i + 1; 32]).ok()).unwrap();
        std::fs::write(&key, pem).unwrap();
        // Not replaced: the signature goes into r-signed.pdf and the report stays as it was.
        let before = std::fs::read(&pdf).unwrap();
        let out = signed_path(&pdf);
        assert_eq!(out, dir.join("r-signed.pdf"));
        let v = sign_file(&pdf, &key, &out, "Kim Reviewer", "PFS reviewer", None).unwrap();
        assert_eq!(std::fs::read(&pdf).unwrap(), before);
        assert_eq!(v.path, out.display().to_string());
        assert_eq!(v.signers[0].reviewer.as_deref(), Some("Kim Reviewer"));
        assert_eq!(v.signers[0].role.as_deref(), Some("PFS reviewer"));
        assert!(v.signers[0].date_iso.as_deref().is_some_and(|d| d.ends_with('Z') && d.len() == 20));
        let v = verify_file(&out).unwrap();
        assert!(v.ok && v.error.is_none());
        assert_eq!(v.signers.len(), 1);
        // The next copy of a signed copy is r-signed-2.pdf.
        assert_eq!(signed_path(&out), dir.join("r-signed-2.pdf"));
        // A name that is not the certificate's: refused with both names as arguments.
        let e = sign_file(&out, &key, &dir.join("x.pdf"), "기획재정부 장관", "x", None).unwrap_err();
        assert_eq!(e.code, Code::ReviewerMismatch);
        assert_eq!(e.args["subject"], crate::error::Arg::Text("Kim Reviewer".into()));
        // The unsigned report: not signed.
        assert_eq!(verify_file(&pdf).unwrap().error.unwrap().code, Code::PdfNotSigned);
        // One changed byte and the report no longer verifies.
        let mut bytes = std::fs::read(&out).unwrap();
        bytes[4000] ^= 1;
        std::fs::write(&out, bytes).unwrap();
        let v = verify_file(&out).unwrap();
        assert!(!v.ok);
        assert_eq!(v.error.unwrap().code, Code::SignatureInvalid);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_refused_draw_count_names_the_value_and_the_range() {
        assert!(crate::error::check_draws(2).is_ok() && crate::error::check_draws(10_000_000).is_ok());
        let e = crate::error::check_draws(20_000_000).unwrap_err();
        assert_eq!(e.code, Code::DrawsOutOfRange);
        assert_eq!(e.args["value"], crate::error::Arg::Number(20_000_000.0));
        assert_eq!(e.args["max"], crate::error::Arg::Number(10_000_000.0));
        assert_eq!(crate::error::check_draws(1).unwrap_err().code, Code::DrawsOutOfRange);
    }

    #[test]
    fn file_names_keep_the_korean_study_name() {
        assert_eq!(file_stem("국도 77호선 (여수–남해) 4차로 확장", "x"), "국도 77호선 (여수–남해) 4차로 확장");
        assert_eq!(file_stem("a/b: c?", "x"), "a b c");
        assert_eq!(file_stem("  ...  ", "새 연구"), "새 연구");
        // At most 60 characters, cut between words, never inside a syllable.
        let long = "전자조달 ".repeat(20);
        let s = file_stem(&long, "x");
        assert!(s.chars().count() <= 60 && s.ends_with("전자조달"), "{s}");
        assert_eq!(file_stem(&"가".repeat(80), "x").chars().count(), 60);
    }

    #[test]
    fn pdf_dates_become_iso_utc() {
        // UTC as written, then the same instant written in KST (+09:00), then a day roll-over
        // across a leap day at UTC−1: 2024-02-29 23:59:59 −01:00 is 2024-03-01 00:59:59 UTC.
        assert_eq!(pdf_date_iso("D:20261201192608Z").as_deref(), Some("2026-12-01T19:26:08Z"));
        assert_eq!(pdf_date_iso("D:20261202042608+09'00'").as_deref(), Some("2026-12-01T19:26:08Z"));
        assert_eq!(pdf_date_iso("D:20240229235959-01'00'").as_deref(), Some("2024-03-01T00:59:59Z"));
        assert_eq!(pdf_date_iso("D:2026"), None);
        assert_eq!(pdf_date_iso("20261201192608Z"), None);
        assert_eq!(pdf_date_iso("D:20261301192608Z"), None);
    }

    #[test]
    fn every_error_code_and_dialog_has_a_message_in_both_languages() {
        for lang in [Lang::Ko, Lang::En] {
            let ids: std::collections::HashSet<&str> = yeta_i18n::ids(lang).collect();
            for c in Code::ALL {
                assert!(ids.contains(c.message_id().as_str()), "{lang:?}: no {}", c.message_id());
            }
            let src = include_str!("commands.rs");
            let is_id = |w: &&str| {
                w.len() > 7 && w.starts_with("dialog-") && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            };
            for id in src.split('"').filter(is_id) {
                assert!(ids.contains(id), "{lang:?}: no {id}");
            }
        }
    }

    /// The TypeScript twins of the IPC types, in `ui/src/ipc.gen.ts`: regenerated with
    /// `YETA_BLESS=1`, otherwise the committed file must be what the Rust types give.
    #[test]
    fn ipc_types_are_generated() {
        use ts_rs::{Config, TS};
        // u64 (job ids) as number: the UI chooses them, far below 2^53.
        let cfg = Config::new().with_large_int("number");
        let decls = [
            crate::error::Code::decl(&cfg),
            crate::error::Arg::decl(&cfg),
            crate::error::CmdError::decl(&cfg),
            Opened::decl(&cfg),
            crate::registry::RegistryUser::decl(&cfg),
            crate::registry::QueuedItem::decl(&cfg),
            crate::registry::SentItem::decl(&cfg),
            crate::registry::RegistryState::decl(&cfg),
            Saved::decl(&cfg),
            Appraised::decl(&cfg),
            Problem::decl(&cfg),
            Hint::decl(&cfg),
            MatrixResult::decl(&cfg),
            Exported::decl(&cfg),
            Signer::decl(&cfg),
            Signed::decl(&cfg),
            Verified::decl(&cfg),
            MoneyUnit::decl(&cfg),
            Progress::decl(&cfg),
            Phase::decl(&cfg),
            Against::decl(&cfg),
            Evaluated::decl(&cfg),
        ];
        let mut out = String::from(
            "// Generated from src-tauri/src/{commands,error}.rs by the test `ipc_types_are_generated`\n\
             // (YETA_BLESS=1 cargo test -p yeta-app ipc_types). Do not edit.\n\
             export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;\n",
        );
        for d in decls {
            out.push_str("\nexport ");
            out.push_str(&d);
            out.push('\n');
        }
        let file = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/ipc.gen.ts"));
        if std::env::var_os("YETA_BLESS").is_some() {
            std::fs::write(&file, &out).unwrap();
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(committed == out, "ui/src/ipc.gen.ts is stale: run YETA_BLESS=1 cargo test -p yeta-app ipc_types");
    }
}
