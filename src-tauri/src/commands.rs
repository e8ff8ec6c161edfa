//! The commands the web view may call (each needs its `allow-…` permission in
//! `capabilities/default.json`). Each one parses its arguments, calls the engine crates and returns
//! JSON; errors come back as plain sentences.
//!
//! Files are chosen in native dialogs opened here, on the Rust side, so the web view never gets a
//! general file-system permission: it can only name a file the user picked before (the recent list).

use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

/// How many recent studies the Recent list keeps.
const RECENT_MAX: usize = 8;

/// What the app remembers between commands.
pub struct AppState {
    /// The study file given on the command line, read once by `startup`.
    initial: Mutex<Option<PathBuf>>,
    /// Where `save_study` writes without asking.
    current: Mutex<Option<PathBuf>>,
    /// Cancel flags of running jobs (Monte Carlo, PDF export), by the id the UI chose.
    jobs: Mutex<HashMap<u64, Arc<AtomicBool>>>,
    /// The studies last chosen for the Portfolio view, re-ranked when the budget changes.
    portfolio: Mutex<Vec<PathBuf>>,
}

impl AppState {
    /// State for a session started with `initial` on the command line.
    pub fn new(initial: Option<PathBuf>) -> Self {
        Self {
            initial: Mutex::new(initial),
            current: Mutex::new(None),
            jobs: Mutex::new(HashMap::new()),
            portfolio: Mutex::new(Vec::new()),
        }
    }
}

/// Locks a mutex; a panic elsewhere while holding it leaves data that is still usable here.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `$YETA_DATA_DIR` (as the CLI's library uses), else the platform's app data directory.
fn data_dir(app: &AppHandle) -> Result<PathBuf, String> {
    let dir = match std::env::var_os("YETA_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => app.path().app_data_dir().map_err(|e| e.to_string())?,
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// A study or table as text, a leading byte-order mark removed (the CLI's read path).
fn read_text(p: &Path) -> Result<String, String> {
    yeta_service::fs::read_text(p).map_err(|e| format!("cannot read {e}"))
}

/// The CLI's atomic write: temp file, fsync, rename, fsync of the directory.
fn write_atomic(p: &Path, bytes: &[u8]) -> Result<(), String> {
    yeta_service::fs::atomic_write(p, bytes).map_err(|e| e.to_string())
}

fn recent_file(app: &AppHandle) -> Result<PathBuf, String> {
    Ok(data_dir(app)?.join("recent.json"))
}

fn recent(app: &AppHandle) -> Vec<String> {
    recent_file(app)
        .ok()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Puts `p` first in the recent list and makes it the current file.
/// `path` first, without duplicates, at most [`RECENT_MAX`] entries.
fn push_recent(mut list: Vec<String>, path: String) -> Vec<String> {
    list.retain(|x| *x != path);
    list.insert(0, path);
    list.truncate(RECENT_MAX);
    list
}

fn remember(app: &AppHandle, state: &AppState, p: &Path) -> Vec<String> {
    let list = push_recent(recent(app), p.display().to_string());
    if let Ok(f) = recent_file(app) {
        let _ = write_atomic(&f, serde_json::to_string_pretty(&list).unwrap_or_default().as_bytes());
    }
    *lock(&state.current) = Some(p.to_path_buf());
    list
}

/// The first screen: the study named on the command line, else the autosave of an unsaved session.
#[tauri::command]
pub fn startup(app: AppHandle, state: State<'_, AppState>) -> Result<Value, String> {
    if let Some(p) = lock(&state.initial).take() {
        let text = read_text(&p)?;
        let list = remember(&app, &state, &p);
        return Ok(json!({ "path": p.display().to_string(), "text": text, "recovered": false, "recent": list }));
    }
    let auto = data_dir(&app)?.join("autosave.json");
    let saved: Option<Value> = std::fs::read_to_string(auto).ok().and_then(|t| serde_json::from_str(&t).ok());
    let list = recent(&app);
    match saved {
        Some(s) => {
            let path = s["path"].as_str().map(str::to_owned);
            if let Some(p) = &path {
                *lock(&state.current) = Some(PathBuf::from(p));
            }
            Ok(json!({ "path": path, "text": s["text"], "recovered": true, "recent": list }))
        }
        None => Ok(json!({ "path": null, "text": null, "recovered": false, "recent": list })),
    }
}

/// Validates and appraises a study: `{"appraisal": …}` (the engine's JSON, money as strings,
/// every diagnostic's sentence rendered in `lang` from the message catalog, as `yeta appraise
/// --json` writes it) or `{"problems": [{"path", "message"}, …]}` for the UI to place beside the
/// fields.
#[tauri::command]
pub fn appraise(study: String, lang: Option<String>) -> Value {
    let lang = yeta_i18n::Lang::from_code(lang.as_deref().unwrap_or("ko"));
    match yeta_core::appraise_json(&study, None) {
        Ok(a) => json!({ "appraisal": yeta_i18n::appraisal_json(&a, lang) }),
        Err(e) => json!({ "problems": e.problems() }),
    }
}

/// Weights, CR and repair hints of one pairwise matrix under the study's rule set, as
/// `yeta ahp` computes them: what the AHP panel shows beside each matrix while it is edited.
#[tauri::command]
pub fn ahp_matrix(matrix: Vec<Vec<yeta_core::ahp::matrix::Judgement>>, rules: Option<String>) -> Result<Value, String> {
    use yeta_core::ahp::matrix;
    let m = matrix::check(&matrix).map_err(|errs| {
        errs.iter().map(|e| format!("matrix{}: {}", e.cell, e.message)).collect::<Vec<_>>().join("; ")
    })?;
    let id = rules.unwrap_or_else(|| yeta_core::rules::DEFAULT_RULE_SET.to_owned());
    let set = yeta_core::RuleSet::builtin(&id).ok_or_else(|| format!("no built-in rule set {id}"))?;
    let ahp = set.ahp.ok_or_else(|| format!("rule set {id} has no AHP parameters"))?;
    let p = matrix::priorities(&m, matrix::Method::default(), &ahp.random_index.value, ahp.cr_cutoff.value);
    let hints: Vec<Value> =
        p.hints.iter().map(|h| json!({ "i": h.i, "j": h.j, "given": h.given, "suggested": h.suggested })).collect();
    Ok(json!({ "weights": p.weights, "cr": p.cr, "consistent": p.consistent, "cr_cutoff": ahp.cr_cutoff.value,
               "completed": p.completed, "hints": hints }))
}

/// Opens a study: `path` must be one from the recent list; without it, a file dialog asks.
#[tauri::command]
pub async fn open_study(app: AppHandle, state: State<'_, AppState>, path: Option<String>) -> Result<Value, String> {
    let p = match path {
        Some(p) if recent(&app).contains(&p) => PathBuf::from(p),
        Some(p) => return Err(format!("{p} is not in the recent list; open it with the dialog")),
        None => {
            let a = app.clone();
            let picked = tauri::async_runtime::spawn_blocking(move || {
                a.dialog().file().add_filter("Yeta study", &["json"]).blocking_pick_file()
            })
            .await
            .map_err(|e| e.to_string())?;
            match picked {
                Some(f) => f.into_path().map_err(|e| e.to_string())?,
                None => return Ok(Value::Null),
            }
        }
    };
    let text = read_text(&p)?;
    let list = remember(&app, &state, &p);
    Ok(json!({ "path": p.display().to_string(), "text": text, "recent": list }))
}

/// The Portfolio view's numbers: `yeta_core::compare` on the studies in `paths` (ranked by AHP
/// score, then B/C) with the budget cut, as JSON (money as whole-won strings).
fn compare_files(paths: &[PathBuf], budget: Option<&str>) -> Result<Value, String> {
    let budget = match budget.map(|b| b.replace([',', ' ', '_'], "")).filter(|b| !b.is_empty()) {
        None => None,
        Some(b) => {
            let d: rust_decimal::Decimal = b.parse().map_err(|_| format!("budget \"{b}\" is not an amount in KRW"))?;
            if d.is_sign_negative() {
                return Err(format!("budget {b} is negative"));
            }
            Some(d)
        }
    };
    let mut studies = Vec::new();
    for p in paths {
        let a = yeta_core::appraise_json(&read_text(p)?, None).map_err(|e| format!("{}: {e}", p.display()))?;
        studies.push((p.display().to_string(), a));
    }
    serde_json::to_value(yeta_core::compare::compare(&studies, budget)).map_err(|e| e.to_string())
}

/// Studies side by side for the Portfolio view. With `pick`, a dialog asks for several study
/// files (null when cancelled); without, the studies chosen last are ranked again (for a new
/// `budget`, KRW as a decimal string).
#[tauri::command]
pub async fn compare_studies(
    app: AppHandle,
    state: State<'_, AppState>,
    pick: bool,
    budget: Option<String>,
) -> Result<Value, String> {
    if pick {
        let a = app.clone();
        let picked = tauri::async_runtime::spawn_blocking(move || {
            a.dialog().file().add_filter("Yeta study", &["json"]).blocking_pick_files()
        })
        .await
        .map_err(|e| e.to_string())?;
        let Some(files) = picked else { return Ok(Value::Null) };
        let paths =
            files.into_iter().map(|f| f.into_path().map_err(|e| e.to_string())).collect::<Result<Vec<_>, _>>()?;
        *lock(&state.portfolio) = paths;
    }
    let paths = lock(&state.portfolio).clone();
    if paths.is_empty() {
        return Err("choose the studies to compare first".to_owned());
    }
    tauri::async_runtime::spawn_blocking(move || compare_files(&paths, budget.as_deref()))
        .await
        .map_err(|e| e.to_string())?
}

/// Saves the study atomically to the current file, or where a dialog says (`choose`, or no file
/// yet). Returns the path, or null when the dialog was cancelled.
#[tauri::command]
pub async fn save_study(
    app: AppHandle,
    state: State<'_, AppState>,
    text: String,
    choose: bool,
) -> Result<Value, String> {
    serde_json::from_str::<Value>(&text).map_err(|e| format!("not JSON: {e}"))?;
    let current = lock(&state.current).clone();
    let p = match current {
        Some(p) if !choose => p,
        _ => {
            let a = app.clone();
            let picked = tauri::async_runtime::spawn_blocking(move || {
                a.dialog()
                    .file()
                    .add_filter("Yeta study", &["json"])
                    .set_file_name("study.yeta.json")
                    .blocking_save_file()
            })
            .await
            .map_err(|e| e.to_string())?;
            match picked {
                Some(f) => f.into_path().map_err(|e| e.to_string())?,
                None => return Ok(Value::Null),
            }
        }
    };
    write_atomic(&p, text.as_bytes())?;
    let _ = std::fs::remove_file(data_dir(&app)?.join("autosave.json"));
    let list = remember(&app, &state, &p);
    Ok(json!({ "path": p.display().to_string(), "recent": list }))
}

/// Keeps the unsaved study in the app data directory (atomically), so a crash loses nothing.
#[tauri::command]
pub fn autosave(app: AppHandle, state: State<'_, AppState>, text: String) -> Result<(), String> {
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

/// Progress of job `id` for the UI's progress bar: `job-progress` events `{id, done, total}`.
fn progress(app: &AppHandle, id: u64, done: usize, total: usize) {
    let _ = app.emit("job-progress", json!({ "id": id, "done": done, "total": total }));
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
) -> Result<Value, String> {
    let study = yeta_core::Study::from_json(&study).map_err(|e| e.to_string())?;
    let guard = Job::start(&state, job);
    let cancel = guard.cancel.clone();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let opts = yeta_core::risk::Options { draws, seed, threads, bins: 30 };
    let result = tauri::async_runtime::spawn_blocking(move || {
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
    .await
    .map_err(|e| e.to_string())?;
    drop(guard);
    let r = result.map_err(|e| e.to_string())?;
    serde_json::to_value(&r).map_err(|e| e.to_string())
}

/// Renders the PDF report in `lang` (`ko`/`en`) and writes it where a save dialog says; the
/// rendering runs on the blocking pool. Returns the path, or null if the dialog or the job was
/// cancelled.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    job: u64,
    study: String,
    lang: String,
) -> Result<Value, String> {
    let l: yeta_report::Lang = lang.parse().map_err(|e: String| e)?;
    let appraisal = yeta_core::appraise_json(&study, None).map_err(|e| e.to_string())?;
    let name = format!(
        "{}.pdf",
        appraisal.study.name.chars().filter(|c| c.is_alphanumeric() || *c == ' ').take(40).collect::<String>().trim()
    );
    let a = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        a.dialog().file().add_filter("PDF", &["pdf"]).set_file_name(name).blocking_save_file()
    })
    .await
    .map_err(|e| e.to_string())?;
    let Some(path) = picked else { return Ok(Value::Null) };
    let path = path.into_path().map_err(|e| e.to_string())?;
    let guard = Job::start(&state, job);
    let cancel = guard.cancel.clone();
    let app2 = app.clone();
    let target = path.clone();
    let written = tauri::async_runtime::spawn_blocking(move || {
        write_report(&appraisal, &study, l, &target, &cancel, &|d, t| progress(&app2, job, d, t))
    })
    .await
    .map_err(|e| e.to_string())??;
    drop(guard);
    Ok(if written { json!({ "path": path.display().to_string() }) } else { Value::Null })
}

/// Renders the report as the CLI does (the service layer: Monte Carlo section with the same
/// draws and seed, the same bytes) and writes it atomically, unless cancelled; reports 3 steps.
fn write_report(
    appraisal: &yeta_core::Appraisal,
    study: &str,
    lang: yeta_report::Lang,
    path: &Path,
    cancel: &AtomicBool,
    progress: &dyn Fn(usize, usize),
) -> Result<bool, String> {
    let bytes = match yeta_service::report::report_pdf(appraisal, study, lang, cancel, progress) {
        Ok(b) => b,
        Err(yeta_service::report::ReportError::Cancelled) => return Ok(false),
        Err(e) => return Err(e.to_string()),
    };
    if cancel.load(Ordering::Relaxed) {
        return Ok(false);
    }
    write_atomic(path, &bytes)?;
    progress(3, 3);
    Ok(true)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

async fn pick(
    app: &AppHandle,
    title: &'static str,
    filter: (&'static str, &'static [&'static str]),
) -> Result<Option<PathBuf>, String> {
    let a = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        a.dialog().file().set_title(title).add_filter(filter.0, filter.1).blocking_pick_file()
    })
    .await
    .map_err(|e| e.to_string())?;
    picked.map(|f| f.into_path().map_err(|e| e.to_string())).transpose()
}

fn signers_json(signers: &[yeta_report::SignerInfo]) -> Value {
    Value::Array(
        signers
            .iter()
            .map(|s| {
                json!({ "signer": s.signer, "reviewer": s.reviewer, "role": s.role, "date": s.date,
                        "cert_sha256": s.cert_sha256, "algorithm": s.algorithm })
            })
            .collect(),
    )
}

/// Sign-off: asks for a report and a key file (PEM, or PKCS#12 with `password`), adds a PAdES
/// signature in place (earlier signatures stay valid) and returns every signer.
#[tauri::command]
pub async fn sign_pdf(
    app: AppHandle,
    reviewer: String,
    role: String,
    password: Option<String>,
) -> Result<Value, String> {
    let Some(pdf) = pick(&app, "Report to sign", ("PDF", &["pdf"])).await? else { return Ok(Value::Null) };
    let Some(key) = pick(&app, "Key file", ("Key", &["pem", "p12", "pfx"])).await? else { return Ok(Value::Null) };
    tauri::async_runtime::spawn_blocking(move || sign_file(&pdf, &key, &reviewer, &role, password.as_deref()))
        .await
        .map_err(|e| e.to_string())?
}

/// Signs `pdf` in place with the key file (PEM, or PKCS#12 with `password`); returns every signer.
fn sign_file(pdf: &Path, key: &Path, reviewer: &str, role: &str, password: Option<&str>) -> Result<Value, String> {
    let key_bytes = std::fs::read(key).map_err(|e| format!("cannot read {}: {e}", key.display()))?;
    let cred = if key_bytes.first() == Some(&0x30) {
        yeta_report::load_pkcs12(&key_bytes, password.unwrap_or(""))
    } else {
        let text = String::from_utf8(key_bytes).map_err(|_| "the key file is neither PEM nor PKCS#12".to_owned())?;
        // An encrypted PKCS#8 key (what `yeta keygen` writes) takes the same password field.
        yeta_report::load_credentials_with_password(&text, None, password)
    }
    .map_err(|e| e.to_string())?;
    let input = std::fs::read(pdf).map_err(|e| format!("cannot read {}: {e}", pdf.display()))?;
    let who = yeta_report::SignOff { reviewer, role, unix_time: unix_now() };
    let signed = yeta_report::sign(&input, &cred, &who).map_err(|e| e.to_string())?;
    write_atomic(pdf, &signed)?;
    let signers = yeta_report::verify(&signed).map_err(|e| e.to_string())?;
    Ok(json!({ "path": pdf.display().to_string(), "signers": signers_json(&signers) }))
}

/// `{ok, signers}` or `{ok: false, error}` for a PDF on disk.
fn verify_file(pdf: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(pdf).map_err(|e| format!("cannot read {}: {e}", pdf.display()))?;
    let path = pdf.display().to_string();
    Ok(match yeta_report::verify(&bytes) {
        Ok(s) => json!({ "path": path, "ok": true, "signers": signers_json(&s) }),
        Err(e) => json!({ "path": path, "ok": false, "error": e.to_string() }),
    })
}

/// Checks every signature of a report the user picks: `{ok, signers}` or `{ok: false, error}`.
#[tauri::command]
pub async fn verify_pdf(app: AppHandle) -> Result<Value, String> {
    let Some(pdf) = pick(&app, "Signed report", ("PDF", &["pdf"])).await? else { return Ok(Value::Null) };
    verify_file(&pdf)
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
        let v = appraise(fixture("road-national-route.yeta.json"), None);
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
        let v = appraise(s.to_string(), None);
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
        assert!(compare_files(&paths, Some("-5")).is_err());
        assert!(compare_files(&paths, Some("lots")).is_err());
        assert!(compare_files(&paths, Some("")).unwrap()["budget"].is_null());
    }

    #[test]
    fn ahp_matrix_weights_cr_and_hints() {
        // A consistent 2×2 matrix: a_12 = 3 gives weights 3/4 and 1/4, CR 0.
        let m = serde_json::from_value(json!([[1, 3], ["1/3", 1]])).unwrap();
        let v = ahp_matrix(m, None).unwrap();
        assert!((v["weights"][0].as_f64().unwrap() - 0.75).abs() < 1e-9);
        assert!((v["weights"][1].as_f64().unwrap() - 0.25).abs() < 1e-9);
        assert_eq!(v["consistent"], true);
        // A cyclic 3×3 matrix (A ≫ B ≫ C ≫ A) is as inconsistent as can be: a hint must come.
        let m = serde_json::from_value(json!([[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]])).unwrap();
        let v = ahp_matrix(m, Some("kr-pfs-2026".into())).unwrap();
        assert!(v["cr"].as_f64().unwrap() > 0.1);
        assert_eq!(v["consistent"], false);
        assert!(!v["hints"].as_array().unwrap().is_empty());
        let bad = serde_json::from_value(json!([[1, 2], [2, 1]])).unwrap();
        assert!(ahp_matrix(bad, None).is_err(), "a_21 must be 1/a_12");
        assert!(ahp_matrix(serde_json::from_value(json!([[1]])).unwrap(), Some("nope".into())).is_err());
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
                assert!(write_report(&a, &study, lang, &app_pdf, &AtomicBool::new(false), &|_, _| {}).unwrap());
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

    #[test]
    fn export_sign_and_verify() {
        let dir = temp_dir("export");
        let study = fixture("road-national-route.yeta.json");
        let a = yeta_core::appraise_json(&study, None).unwrap();
        let pdf = dir.join("r.pdf");
        let steps = std::sync::Mutex::new(Vec::new());
        let record = |d: usize, t: usize| steps.lock().unwrap().push((d, t));
        // Cancelled before writing: no file.
        assert!(!write_report(&a, &study, yeta_report::Lang::En, &pdf, &AtomicBool::new(true), &record).unwrap());
        assert!(!pdf.exists());
        assert!(write_report(&a, &study, yeta_report::Lang::Ko, &pdf, &AtomicBool::new(false), &record).unwrap());
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
        assert_eq!(steps.lock().unwrap().last(), Some(&(3, 3)));

        let key = dir.join("k.pem");
        let pem = (0u8..8).find_map(|i| yeta_report::keygen("Kim Reviewer", 1_790_000_000, [i + 1; 32]).ok()).unwrap();
        std::fs::write(&key, pem).unwrap();
        let v = sign_file(&pdf, &key, "Kim Reviewer", "PFS reviewer", None).unwrap();
        assert_eq!(v["signers"][0]["reviewer"], "Kim Reviewer");
        assert_eq!(v["signers"][0]["role"], "PFS reviewer");
        let v = verify_file(&pdf).unwrap();
        assert_eq!(v["ok"], true);
        assert_eq!(v["signers"].as_array().unwrap().len(), 1);
        // One changed byte and the report no longer verifies.
        let mut bytes = std::fs::read(&pdf).unwrap();
        bytes[4000] ^= 1;
        std::fs::write(&pdf, bytes).unwrap();
        assert_eq!(verify_file(&pdf).unwrap()["ok"], false);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
