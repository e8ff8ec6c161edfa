//! The client of a shared review registry (`yeta-registry`, 심사 레지스트리), used by the CLI and
//! the app alike, and the outbox (제출 대기함) that lets a budget officer submit while offline.
//!
//! - [`Login`]: the registry's URL, the user's token and an optional CA file, kept in one file
//!   readable by its owner only ([`default_login_path`]); `YETA_REGISTRY_URL`,
//!   `YETA_REGISTRY_TOKEN` and `YETA_REGISTRY_CA` override it. A token is never sent over plain
//!   `http://` except to this machine: a bearer token must not cross a network in clear.
//! - [`Client`]: one request at a time, blocking (the shells run it off their UI thread); a refusal
//!   comes back as the registry's catalog code, field path and sentence in both languages.
//! - [`Outbox`]: a submission is written to a directory first (atomically, one file each) and sent
//!   when the registry can be reached; acknowledged ones are removed, refused ones are kept aside
//!   with the registry's reason. The registry treats a resubmission of the latest revision's exact
//!   text as the same revision, so a submission whose acknowledgement was lost is not doubled.

// A refusal carries the registry's code, path, arguments and both sentences, so the error is large;
// it crosses a network round trip, never a hot path, so it is returned unboxed.
#![allow(clippy::result_large_err)]

use crate::fs::{FsError, atomic_write};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a registry request did not succeed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// No login file and no `YETA_REGISTRY_URL` / `YETA_REGISTRY_TOKEN`.
    #[error("not logged in to a registry: yeta registry login URL")]
    NotLoggedIn,
    /// The URL is neither https nor plain http to this machine.
    #[error("{url}: a token is not sent over plain http to another machine; use https")]
    InsecureUrl {
        /// The URL as given.
        url: String,
    },
    /// The CA file cannot be read or holds no certificate.
    #[error("{path}: {why}")]
    CaFile {
        /// The file.
        path: String,
        /// What is wrong.
        why: String,
    },
    /// The registry could not be reached (no network, refused connection, TLS failure): work
    /// waits in the outbox.
    #[error("{url}: the registry cannot be reached ({detail})")]
    Unreachable {
        /// The registry.
        url: String,
        /// The transport's reason.
        detail: String,
    },
    /// The registry answered with a refusal: its catalog code, field path, arguments and sentence.
    #[error("registry ({status}): {message_en}")]
    Refused {
        /// HTTP status.
        status: u16,
        /// The registry's catalog code (`registry-…`).
        code: String,
        /// The field path it is about.
        path: String,
        /// The message's arguments.
        args: Value,
        /// The registry's sentence in Korean.
        message_ko: String,
        /// The registry's sentence in English.
        message_en: String,
    },
    /// The registry's answer is not what this client reads.
    #[error("the registry's answer does not read: {detail}")]
    BadAnswer {
        /// What did not read.
        detail: String,
    },
    /// A local file (login, outbox) could not be read or written.
    #[error(transparent)]
    Fs(#[from] FsError),
}

impl RegistryError {
    /// True when the same request may succeed later unchanged: the registry was unreachable,
    /// busy or unavailable (5xx), or the login was refused (a new login sends the queue on).
    /// Anything else refused the submission itself and will not change by waiting.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Unreachable { .. } | Self::NotLoggedIn => true,
            Self::Refused { status, .. } => *status >= 500 || *status == 401,
            _ => false,
        }
    }

    /// The registry's sentence in `lang` (`"ko"` or `"en"`) for a refusal, else this error's text.
    pub fn message(&self, lang: &str) -> String {
        match self {
            Self::Refused { message_ko, message_en, .. } => {
                if lang == "ko" {
                    message_ko.clone()
                } else {
                    message_en.clone()
                }
            }
            e => e.to_string(),
        }
    }
}

/// Where a login is kept: `YETA_REGISTRY_CONFIG`, else `~/.config/yeta/registry.json` (on
/// Windows under `%APPDATA%\yeta`). The CLI and the app share it.
pub fn default_login_path() -> PathBuf {
    if let Ok(p) = std::env::var("YETA_REGISTRY_CONFIG") {
        return PathBuf::from(p);
    }
    if let Ok(a) = std::env::var("APPDATA") {
        return Path::new(&a).join("yeta").join("registry.json");
    }
    let home = std::env::var("HOME").unwrap_or_else(|_| ".".into());
    Path::new(&home).join(".config/yeta/registry.json")
}

/// Where submissions wait: `YETA_OUTBOX`, else `$XDG_DATA_HOME/yeta/outbox`
/// (`~/.local/share/yeta/outbox`; on Windows `%APPDATA%\yeta\outbox`). Shared by the CLI and the
/// app, so either sends what the other queued.
pub fn default_outbox_dir() -> PathBuf {
    if let Ok(p) = std::env::var("YETA_OUTBOX") {
        return PathBuf::from(p);
    }
    if let Ok(x) = std::env::var("XDG_DATA_HOME")
        && !x.is_empty()
    {
        return Path::new(&x).join("yeta").join("outbox");
    }
    if let Ok(a) = std::env::var("APPDATA") {
        return Path::new(&a).join("yeta").join("outbox");
    }
    let home = std::env::var("HOME").unwrap_or_else(|_| ".".into());
    Path::new(&home).join(".local/share/yeta/outbox")
}

/// Plain http is for this machine only: a bearer token must not cross a network in clear.
pub fn check_url(url: &str) -> Result<(), RegistryError> {
    if url.starts_with("https://") {
        return Ok(());
    }
    let insecure = || RegistryError::InsecureUrl { url: url.to_owned() };
    let rest = url.strip_prefix("http://").ok_or_else(insecure)?;
    let host = rest.split('/').next().unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    if ["127.0.0.1", "localhost", "[::1]"].contains(&host) { Ok(()) } else { Err(insecure()) }
}

/// A registry login: where the registry is, the user's token, the CA certificates to trust.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Login {
    /// The registry, e.g. `https://registry.example.go.kr`.
    pub url: String,
    /// The user's token (shown once by the administrator's `user add`).
    pub token: String,
    /// A PEM file of the CA certificates to trust for https (else Mozilla's roots).
    #[serde(default)]
    pub ca: Option<String>,
}

impl Login {
    /// The saved login, with the environment's overrides; [`RegistryError::NotLoggedIn`] when
    /// there is none.
    pub fn load(path: &Path) -> Result<Self, RegistryError> {
        let saved: Value =
            std::fs::read_to_string(path).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null);
        let pick = |env: &str, key: &str| std::env::var(env).ok().or_else(|| saved[key].as_str().map(str::to_owned));
        let url = pick("YETA_REGISTRY_URL", "url").ok_or(RegistryError::NotLoggedIn)?;
        let token = pick("YETA_REGISTRY_TOKEN", "token").ok_or(RegistryError::NotLoggedIn)?;
        Ok(Self { url, token, ca: pick("YETA_REGISTRY_CA", "ca") })
    }

    /// Saves the login readable by its owner only (it holds a token), atomically.
    pub fn save(&self, path: &Path) -> Result<(), RegistryError> {
        if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(d).map_err(|source| FsError::Io { path: d.to_path_buf(), source })?;
        }
        let text =
            serde_json::to_string_pretty(self).map_err(|e| RegistryError::BadAnswer { detail: e.to_string() })?;
        atomic_write(path, text.as_bytes())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .map_err(|source| FsError::Io { path: path.to_path_buf(), source })?;
        }
        Ok(())
    }
}

/// A connection to one registry as one user.
pub struct Client {
    url: String,
    token: String,
    agent: ureq::Agent,
}

/// The largest answer read (a page of the portfolio, a study revision, a signed report).
const MAX_ANSWER: u64 = 256 << 20;

impl Client {
    /// A client for `login`: the URL checked, the CA file read. No request is made.
    pub fn new(login: &Login) -> Result<Self, RegistryError> {
        use ureq::tls::{Certificate, RootCerts, TlsConfig};
        check_url(&login.url)?;
        // Connection problems surface quickly so that an offline PC queues instead of hanging.
        let mut cfg = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(std::time::Duration::from_secs(5)))
            .timeout_global(Some(std::time::Duration::from_secs(120)));
        if let Some(ca) = &login.ca {
            let ca_err = |why: String| RegistryError::CaFile { path: ca.clone(), why };
            let pem = std::fs::read(ca).map_err(|e| ca_err(e.to_string()))?;
            let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(&pem)
                .filter_map(|i| match i {
                    Ok(ureq::tls::PemItem::Certificate(c)) => Some(c),
                    _ => None,
                })
                .collect();
            if certs.is_empty() {
                return Err(ca_err("no CERTIFICATE".into()));
            }
            cfg = cfg
                .tls_config(TlsConfig::builder().root_certs(RootCerts::Specific(std::sync::Arc::new(certs))).build());
        }
        Ok(Self {
            url: login.url.trim_end_matches('/').to_owned(),
            token: login.token.clone(),
            agent: cfg.build().into(),
        })
    }

    /// The registry's URL, without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// One request; a 4xx/5xx becomes [`RegistryError::Refused`] with the registry's words.
    pub fn call(&self, method: &str, path: &str, body: Option<(&str, Vec<u8>)>) -> Result<Vec<u8>, RegistryError> {
        let url = format!("{}{path}", self.url);
        let auth = format!("Bearer {}", self.token);
        let resp = match method {
            "GET" => self.agent.get(&url).header("Authorization", &auth).call(),
            "DELETE" => self.agent.delete(&url).header("Authorization", &auth).call(),
            "PATCH" => {
                let (ct, b) = body.unwrap_or(("application/json", Vec::new()));
                self.agent.patch(&url).header("Authorization", &auth).content_type(ct).send(&b[..])
            }
            _ => {
                let (ct, b) = body.unwrap_or(("application/json", Vec::new()));
                self.agent.post(&url).header("Authorization", &auth).content_type(ct).send(&b[..])
            }
        };
        let unreachable = |e: ureq::Error| RegistryError::Unreachable { url: self.url.clone(), detail: e.to_string() };
        let mut resp = resp.map_err(unreachable)?;
        let status = resp.status().as_u16();
        let bytes = resp.body_mut().with_config().limit(MAX_ANSWER).read_to_vec().map_err(unreachable)?;
        if status >= 400 {
            let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            let raw = || String::from_utf8_lossy(&bytes).chars().take(500).collect::<String>();
            let msg = |l: &str| v["message"][l].as_str().map_or_else(raw, str::to_owned);
            return Err(RegistryError::Refused {
                status,
                code: v["code"].as_str().unwrap_or("registry-http").to_owned(),
                path: v["path"].as_str().unwrap_or("").to_owned(),
                args: v["args"].clone(),
                message_ko: msg("ko"),
                message_en: msg("en"),
            });
        }
        Ok(bytes)
    }

    /// A JSON request and its JSON answer.
    pub fn json(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, RegistryError> {
        let b = self.call(method, path, body.map(|v| ("application/json", v.to_string().into_bytes())))?;
        serde_json::from_slice(&b).map_err(|e| RegistryError::BadAnswer { detail: e.to_string() })
    }

    /// `GET /v1/me`: who the token belongs to.
    pub fn me(&self) -> Result<Value, RegistryError> {
        self.json("GET", "/v1/me", None)
    }

    /// `POST /v1/studies`: a new revision of `key` (or a draft).
    pub fn submit(&self, key: &str, study: &str, draft: bool) -> Result<Submitted, RegistryError> {
        let v = self.json("POST", "/v1/studies", Some(json!({"key": key, "study": study, "draft": draft})))?;
        serde_json::from_value(v).map_err(|e| RegistryError::BadAnswer { detail: e.to_string() })
    }
}

/// `a=b&c=d` of the given filters (those that are set), percent-encoded, with its `?`.
pub fn query(pairs: &[(&str, Option<String>)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    let q: Vec<String> = pairs.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", enc(v)))).collect();
    if q.is_empty() { String::new() } else { format!("?{}", q.join("&")) }
}

/// The registry's acknowledgement of a submission.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Submitted {
    /// The study's key.
    pub key: String,
    /// The revision number the registry gave it.
    pub revision: i64,
    /// `draft` or `submitted`.
    pub status: String,
    /// SHA-256 of the study text as stored.
    pub sha256: String,
    /// True when the text was already the latest revision (a resubmission, not a new revision).
    #[serde(default)]
    pub unchanged: bool,
}

/// A submission waiting in the outbox.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Queued {
    /// The outbox file's name (its order: oldest first).
    #[serde(skip_deserializing, default)]
    pub id: String,
    /// The study's key in the registry.
    pub key: String,
    /// The study name, for the list (from `project.name`).
    #[serde(default)]
    pub name: String,
    /// The study text, as it will be sent.
    pub study: String,
    /// A draft, not yet visible to reviewers.
    pub draft: bool,
    /// When it was queued (RFC 3339, UTC).
    pub queued_at: String,
    /// For a refused submission: the registry's code and sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Value>,
}

/// What one pass over the outbox did.
#[derive(Debug, Default, Serialize)]
pub struct Flushed {
    /// Acknowledged by the registry (and removed from the outbox).
    pub sent: Vec<Submitted>,
    /// Refused by the registry (moved to `refused/`, with the reason): `(key, code, ko, en)`.
    pub refused: Vec<(String, String, String, String)>,
    /// Still waiting.
    pub waiting: usize,
    /// Why the pass stopped early (the registry unreachable, busy, or the login refused).
    pub stopped: Option<String>,
}

/// The outbox: one JSON file per submission, oldest first; `refused/` keeps what the registry
/// refused, with its reason, until the user deletes it.
pub struct Outbox {
    dir: PathBuf,
}

/// The most submissions the outbox holds: a runaway loop cannot fill the disk.
pub const MAX_QUEUED: usize = 1000;

fn now_rfc3339() -> String {
    let s = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (s.div_euclid(86_400), s.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

impl Outbox {
    /// The outbox in `dir` (created when the first submission is queued).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    fn io(path: &Path) -> impl Fn(std::io::Error) -> RegistryError + '_ {
        move |source| RegistryError::Fs(FsError::Io { path: path.to_path_buf(), source })
    }

    fn read_dir(dir: &Path) -> Result<Vec<Queued>, RegistryError> {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Self::io(dir)(e)),
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
            .collect();
        names.sort();
        let mut out = Vec::new();
        for n in names {
            let p = dir.join(&n);
            let text = std::fs::read_to_string(&p).map_err(Self::io(&p))?;
            let mut q: Queued = serde_json::from_str(&text)
                .map_err(|e| RegistryError::BadAnswer { detail: format!("{}: {e}", p.display()) })?;
            q.id = n;
            out.push(q);
        }
        Ok(out)
    }

    /// The submissions waiting, oldest first.
    pub fn list(&self) -> Result<Vec<Queued>, RegistryError> {
        Self::read_dir(&self.dir)
    }

    /// The submissions the registry refused, with its reasons.
    pub fn refused(&self) -> Result<Vec<Queued>, RegistryError> {
        Self::read_dir(&self.dir.join("refused"))
    }

    /// Queues a submission (written atomically before anything is sent); returns its id.
    pub fn enqueue(&self, key: &str, study: &str, draft: bool) -> Result<String, RegistryError> {
        std::fs::create_dir_all(&self.dir).map_err(Self::io(&self.dir))?;
        let waiting = self.list()?;
        if waiting.len() >= MAX_QUEUED {
            return Err(RegistryError::Fs(FsError::BadOutput {
                path: self.dir.clone(),
                why: format!("the outbox holds {MAX_QUEUED} submissions already"),
            }));
        }
        let name = serde_json::from_str::<Value>(study)
            .ok()
            .and_then(|v| v["project"]["name"].as_str().map(str::to_owned))
            .unwrap_or_default();
        let q = Queued {
            id: String::new(),
            key: key.to_owned(),
            name,
            study: study.to_owned(),
            draft,
            queued_at: now_rfc3339(),
            refused: None,
        };
        // Names sort in queue order: the time in nanoseconds, then a counter past the last one.
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let mut seq = t;
        if let Some(last) = waiting.last().and_then(|l| l.id.split('-').next()?.parse::<u128>().ok()) {
            seq = seq.max(last + 1);
        }
        // The key is only a label in the name (the file holds it whole): any file system takes it.
        let label: String = key
            .chars()
            .take(64)
            .map(|c| if c.is_ascii_alphanumeric() || "._-".contains(c) { c } else { '_' })
            .collect();
        let id = format!("{seq:024}-{label}.json");
        let text = serde_json::to_string_pretty(&q).map_err(|e| RegistryError::BadAnswer { detail: e.to_string() })?;
        atomic_write(&self.dir.join(&id), text.as_bytes())?;
        Ok(id)
    }

    /// Removes a waiting or refused submission (the user gave up on it).
    pub fn remove(&self, id: &str) -> Result<bool, RegistryError> {
        if id.contains(['/', '\\']) || id.starts_with('.') {
            return Ok(false);
        }
        for p in [self.dir.join(id), self.dir.join("refused").join(id)] {
            match std::fs::remove_file(&p) {
                Ok(()) => return Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Self::io(&p)(e)),
            }
        }
        Ok(false)
    }

    /// Sends the waiting submissions in order. Each acknowledged one is removed; one the registry
    /// refuses is moved to `refused/` with its reason and the pass goes on; the pass stops at the
    /// first transient failure (unreachable, busy, login refused), keeping the rest in order.
    pub fn flush(&self, client: &Client) -> Result<Flushed, RegistryError> {
        let waiting = self.list()?;
        let mut out = Flushed::default();
        for (i, q) in waiting.iter().enumerate() {
            let p = self.dir.join(&q.id);
            match client.submit(&q.key, &q.study, q.draft) {
                Ok(s) => {
                    std::fs::remove_file(&p).map_err(Self::io(&p))?;
                    out.sent.push(s);
                }
                Err(e) if e.is_transient() => {
                    out.waiting = waiting.len() - i;
                    out.stopped = Some(e.message("en"));
                    return Ok(out);
                }
                Err(e) => {
                    let (code, ko, en) = match &e {
                        RegistryError::Refused { code, message_ko, message_en, .. } => {
                            (code.clone(), message_ko.clone(), message_en.clone())
                        }
                        e => ("registry-client".to_owned(), e.to_string(), e.to_string()),
                    };
                    let mut kept = q.clone();
                    kept.refused = Some(json!({"code": code, "message": {"ko": ko, "en": en}}));
                    let dir = self.dir.join("refused");
                    std::fs::create_dir_all(&dir).map_err(Self::io(&dir))?;
                    let text = serde_json::to_string_pretty(&kept)
                        .map_err(|e| RegistryError::BadAnswer { detail: e.to_string() })?;
                    atomic_write(&dir.join(&q.id), text.as_bytes())?;
                    std::fs::remove_file(&p).map_err(Self::io(&p))?;
                    out.refused.push((q.key.clone(), code, ko, en));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_this_machine() {
        assert!(check_url("https://registry.example.go.kr").is_ok());
        assert!(check_url("http://127.0.0.1:8700").is_ok());
        assert!(check_url("http://localhost/x").is_ok());
        assert!(matches!(check_url("http://10.0.0.5:8700"), Err(RegistryError::InsecureUrl { .. })));
        assert!(matches!(check_url("ftp://x"), Err(RegistryError::InsecureUrl { .. })));
    }

    #[test]
    fn query_encodes_korean_and_skips_unset() {
        assert_eq!(query(&[("a", Some("국토 부".into())), ("b", None)]), "?a=%EA%B5%AD%ED%86%A0%20%EB%B6%80");
        assert_eq!(query(&[("b", None)]), "");
    }

    #[test]
    fn rfc3339_of_now_is_well_formed() {
        let t = now_rfc3339();
        assert_eq!(t.len(), 20, "{t}");
        assert!(t.starts_with("20") && t.ends_with('Z'));
    }

    #[test]
    fn queue_keeps_order_and_an_unreachable_registry_keeps_everything() {
        let dir = std::env::temp_dir().join(format!("yeta-outbox-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let ob = Outbox::new(&dir);
        let a = ob.enqueue("a", r#"{"project":{"name":"가"}}"#, false).expect("the outbox answers");
        let b = ob.enqueue("b", "{}", true).expect("the outbox answers");
        assert!(a < b);
        let l = ob.list().expect("the outbox answers");
        assert_eq!(l.iter().map(|q| q.key.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(l[0].name, "가");
        // Port 9 on loopback: nothing listens, the connection is refused at once.
        let c = Client::new(&Login { url: "http://127.0.0.1:9".into(), token: "t".into(), ca: None })
            .expect("the outbox answers");
        let f = ob.flush(&c).expect("the outbox answers");
        assert!(f.sent.is_empty() && f.refused.is_empty());
        assert_eq!(f.waiting, 2);
        assert!(f.stopped.is_some());
        assert_eq!(ob.list().expect("the outbox answers").len(), 2);
        assert!(ob.remove(&a).expect("the outbox answers"));
        assert!(!ob.remove("../x").expect("the outbox answers"));
        assert_eq!(ob.list().expect("the outbox answers").len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
