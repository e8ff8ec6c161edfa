//! The review registry from the app (심사 레지스트리): the Portfolio view ranks the registry's
//! studies as well as files, a study opens from the registry, and the current study is submitted
//! through the outbox (제출 대기함) shared with the CLI, so the app keeps working offline and
//! sends when the registry can be reached. Every request goes through `yeta_service::registry`,
//! the same client the CLI uses; the web view makes no network request (its CSP allows none).

use crate::commands::{AppState, Opened, Res, blocking, lock, recent_of};
use crate::error::{CmdError, Code};
use serde::Serialize;
use serde_json::Value;
use tauri::{AppHandle, State};
use ts_rs::TS;
use yeta_service::registry::{self as reg, Client, Login, Outbox, Queued, RegistryError};

/// Who is logged in.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RegistryUser {
    /// The user's name.
    pub name: String,
    /// officer, reviewer or admin.
    pub role: String,
    /// An officer's ministry.
    pub ministry: Option<String>,
}

/// A submission in the outbox.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QueuedItem {
    /// The outbox id (to remove it).
    pub id: String,
    /// The study's key in the registry.
    pub key: String,
    /// The study's name.
    pub name: String,
    /// Queued as a draft.
    pub draft: bool,
    /// When it was queued (RFC 3339, UTC).
    pub queued_at: String,
    /// For a refused one: the registry's sentence in the UI's language.
    pub refused: Option<String>,
}

/// A submission the registry acknowledged in this pass.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SentItem {
    /// The study's key.
    pub key: String,
    /// Its revision number in the registry.
    pub revision: i32,
    /// draft or submitted.
    pub status: String,
    /// The text was already the latest revision.
    pub unchanged: bool,
}

/// The registry as the app sees it: the login, whether it answers, the outbox.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RegistryState {
    /// The registry's URL, when logged in.
    pub url: Option<String>,
    /// The user, when the registry answered.
    pub user: Option<RegistryUser>,
    /// The registry answered just now.
    pub online: bool,
    /// Why it did not (unreachable, the token refused).
    pub problem: Option<CmdError>,
    /// Submissions waiting, oldest first.
    pub waiting: Vec<QueuedItem>,
    /// Submissions the registry refused, with its reason.
    pub refused: Vec<QueuedItem>,
    /// Sent in this pass.
    pub sent: Vec<SentItem>,
}

fn lang_code(state: &AppState) -> &'static str {
    if *lock(&state.lang) == yeta_i18n::Lang::Ko { "ko" } else { "en" }
}

fn item(q: &Queued, lang: &str) -> QueuedItem {
    QueuedItem {
        id: q.id.clone(),
        key: q.key.clone(),
        name: q.name.clone(),
        draft: q.draft,
        queued_at: q.queued_at.clone(),
        refused: q.refused.as_ref().map(|v| {
            v["message"][lang].as_str().map_or_else(|| v["code"].as_str().unwrap_or("").to_owned(), str::to_owned)
        }),
    }
}

/// The login's client, or why there is none.
fn client() -> Result<Client, RegistryError> {
    Client::new(&Login::load(&reg::default_login_path())?)
}

/// Asks the registry who we are and, with `flush`, sends the outbox; never fails for want of a
/// network: the state says so instead.
fn state_now(flush: bool, lang: &str) -> Res<RegistryState> {
    let ob = Outbox::new(reg::default_outbox_dir());
    let url = Login::load(&reg::default_login_path()).ok().map(|l| l.url);
    let (mut user, mut problem, mut sent) = (None, None, Vec::new());
    match client().and_then(|c| c.me().map(|me| (c, me))) {
        Ok((c, me)) => {
            user = Some(RegistryUser {
                name: me["name"].as_str().unwrap_or("").to_owned(),
                role: me["role"].as_str().unwrap_or("").to_owned(),
                ministry: me["ministry"].as_str().map(str::to_owned),
            });
            if flush {
                let f = ob.flush(&c).map_err(|e| CmdError::registry(e, lang))?;
                sent = f
                    .sent
                    .into_iter()
                    .map(|s| SentItem {
                        key: s.key,
                        revision: i32::try_from(s.revision).unwrap_or(i32::MAX),
                        status: s.status,
                        unchanged: s.unchanged,
                    })
                    .collect();
                if let Some(why) = f.stopped {
                    problem = Some(CmdError::new(Code::RegistryUnreachable).arg("url", c.url()).detail(why));
                }
            }
        }
        Err(RegistryError::NotLoggedIn) => {}
        Err(e) => problem = Some(CmdError::registry(e, lang)),
    }
    let list = |v: Vec<Queued>| v.iter().map(|q| item(q, lang)).collect::<Vec<_>>();
    Ok(RegistryState {
        url,
        online: user.is_some(),
        user,
        problem,
        waiting: list(ob.list().map_err(|e| CmdError::registry(e, lang))?),
        refused: list(ob.refused().map_err(|e| CmdError::registry(e, lang))?),
        sent,
    })
}

/// The registry's state; with `flush`, the outbox is sent first if the registry answers.
#[tauri::command]
pub async fn registry_state(state: State<'_, AppState>, flush: bool) -> Res<RegistryState> {
    let lang = lang_code(&state);
    blocking(move || state_now(flush, lang)).await?
}

/// Logs in (the token checked against the registry, then kept readable by this user only, shared
/// with the CLI) and sends the outbox.
#[tauri::command]
pub async fn registry_login(state: State<'_, AppState>, url: String, token: String) -> Res<RegistryState> {
    let lang = lang_code(&state);
    blocking(move || {
        let login =
            Login { url: url.trim().trim_end_matches('/').to_owned(), token: token.trim().to_owned(), ca: None };
        Client::new(&login).and_then(|c| c.me()).map_err(|e| CmdError::registry(e, lang))?;
        login.save(&reg::default_login_path()).map_err(|e| CmdError::registry(e, lang))?;
        state_now(true, lang)
    })
    .await?
}

/// Forgets the login (the outbox is kept).
#[tauri::command]
pub async fn registry_logout(state: State<'_, AppState>) -> Res<RegistryState> {
    let lang = lang_code(&state);
    blocking(move || {
        let p = reg::default_login_path();
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(CmdError::write(&p, e)),
        }
        state_now(false, lang)
    })
    .await?
}

/// The registry's key rule (1–64 letters, digits, `.`, `_`, `-`), checked before queueing so a
/// key the registry will refuse does not wait offline.
fn check_key(key: &str) -> Res<()> {
    let ok =
        !key.is_empty() && key.len() <= 64 && key.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if ok { Ok(()) } else { Err(CmdError::new(Code::RegistryKeyInvalid).arg("value", key).at("key")) }
}

/// Submits the study being edited: checked by the engine, queued in the outbox (atomically), and
/// the outbox sent if the registry answers; offline it waits.
#[tauri::command]
pub async fn registry_submit(state: State<'_, AppState>, key: String, text: String, draft: bool) -> Res<RegistryState> {
    let lang = lang_code(&state);
    blocking(move || {
        check_key(&key)?;
        yeta_core::appraise_json(&text, None).map_err(CmdError::from)?;
        Outbox::new(reg::default_outbox_dir()).enqueue(&key, &text, draft).map_err(|e| CmdError::registry(e, lang))?;
        state_now(true, lang)
    })
    .await?
}

/// Removes a waiting or refused submission from the outbox.
#[tauri::command]
pub async fn registry_forget(state: State<'_, AppState>, id: String) -> Res<RegistryState> {
    let lang = lang_code(&state);
    blocking(move || {
        Outbox::new(reg::default_outbox_dir()).remove(&id).map_err(|e| CmdError::registry(e, lang))?;
        state_now(false, lang)
    })
    .await?
}

/// The registry's portfolio (`yeta_core::compare` on the server over every study this user may
/// see), shaped as the file portfolio: each row's `file` is `registry:KEY`, `key` the key.
#[tauri::command]
pub async fn registry_portfolio(
    state: State<'_, AppState>,
    budget: Option<String>,
    sector: Option<String>,
    status: Option<String>,
    page: Option<u32>,
) -> Res<Value> {
    let lang = lang_code(&state);
    let budget = match budget.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        Some(b) => crate::commands::parse_budget(b)?.map(|d| d.to_string()),
        None => None,
    };
    blocking(move || {
        let q = reg::query(&[
            ("budget", budget),
            ("sector", sector.filter(|s| !s.is_empty())),
            ("status", status.filter(|s| !s.is_empty())),
            ("page", Some(page.unwrap_or(1).max(1).to_string())),
            ("per_page", Some("200".into())),
        ]);
        let mut v = client()
            .and_then(|c| c.json("GET", &format!("/v1/portfolio{q}"), None))
            .map_err(|e| CmdError::registry(e, lang))?;
        if let Some(rows) = v["ranking"].as_array_mut() {
            for r in rows {
                let key = r["key"].as_str().unwrap_or("").to_owned();
                r["file"] = Value::String(format!("registry:{key}"));
            }
        }
        Ok(v)
    })
    .await?
}

/// Opens a study revision from the registry (default: the latest): it becomes the study being
/// edited, with no file yet (Save asks where).
#[tauri::command]
pub async fn registry_open(
    app: AppHandle,
    state: State<'_, AppState>,
    key: String,
    revision: Option<i64>,
) -> Res<Opened> {
    let lang = lang_code(&state);
    check_key(&key)?;
    let text = blocking(move || {
        let c = client()?;
        let n = match revision {
            Some(n) => n,
            None => c.json("GET", &format!("/v1/studies/{key}"), None)?["latest"].as_i64().unwrap_or(1),
        };
        let rev = c.json("GET", &format!("/v1/studies/{key}/revisions/{n}"), None)?;
        Ok::<_, RegistryError>(rev["study"].as_str().unwrap_or("").to_owned())
    })
    .await?
    .map_err(|e| CmdError::registry(e, lang))?;
    *lock(&state.current) = None;
    *lock(&state.ex_ante) = None;
    Ok(Opened { path: None, text: Some(text), recovered: false, recent: recent_of(&app) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_the_registry_refuses_is_refused_before_queueing() {
        assert!(check_key("rail-2026.v1_a").is_ok());
        for bad in ["", "a b", "국토", "x;--", &"k".repeat(65)] {
            let e = check_key(bad).unwrap_err();
            assert_eq!((e.code, e.path.as_deref()), (Code::RegistryKeyInvalid, Some("key")), "{bad}");
        }
    }
}
