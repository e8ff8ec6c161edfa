//! The registry's request logic: authorisation, the review workflow, the portfolio. Each write is
//! one transaction that also appends to the audit log, so a crash leaves either the whole write or
//! nothing. SQL is static text with bound parameters only.

use crate::ApiError;
use axum::http::StatusCode;
use deadpool_postgres::Pool;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use yeta_core::Appraisal;

/// The caller, as its bearer token says.
#[derive(Debug, Clone)]
pub struct User {
    /// User name (unique).
    pub name: String,
    /// `officer`, `reviewer` or `admin`.
    pub role: String,
    /// An officer's ministry.
    pub ministry: Option<String>,
}

impl User {
    fn officer(&self) -> Option<&str> {
        if self.role == "officer" { self.ministry.as_deref() } else { None }
    }
    fn require(&self, role: &str, action: &str) -> Result<(), ApiError> {
        if self.role == role { Ok(()) } else { Err(ApiError::forbidden(action)) }
    }
}

/// Hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A new bearer token: 32 random bytes, hex. Only its SHA-256 is stored; a token has 256 bits of
/// entropy, so a plain hash (no salt, no slow KDF) cannot be reversed by guessing.
pub fn new_token() -> Result<String, ApiError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(ApiError::internal)?;
    Ok(b.iter().map(|b| format!("{b:02x}")).collect())
}

/// A study key: letters, digits, `.`, `_`, `-`; it names the study in URLs and the CLI.
fn check_key(k: &str) -> Result<(), ApiError> {
    let ok = !k.is_empty() && k.len() <= 64 && k.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if ok { Ok(()) } else { Err(ApiError::field("key", "1–64 letters, digits, '.', '_' or '-'")) }
}

/// A name-like field (user, ministry, role): 1–100 characters, no control characters, and not the
/// quote, semicolon and backslash characters no name needs.
fn check_name(path: &str, v: &str) -> Result<(), ApiError> {
    let n = v.chars().count();
    if n == 0 || n > 100 || v.trim() != v {
        return Err(ApiError::field(path, "1–100 characters, no leading or trailing space"));
    }
    if v.chars().any(|c| c.is_control() || "'\";\\<>`".contains(c)) {
        return Err(ApiError::field(path, "no control characters and none of ' \" ; \\ < > `"));
    }
    Ok(())
}

/// Free text (a comment, a field path): kept verbatim, bounded, no control characters but newline.
fn check_text(path: &str, v: &str, max: usize) -> Result<(), ApiError> {
    if v.trim().is_empty() || v.chars().count() > max {
        return Err(ApiError::field(path, format!("1–{max} characters")));
    }
    if v.chars().any(|c| c.is_control() && c != '\n') {
        return Err(ApiError::field(path, "no control characters"));
    }
    Ok(())
}

/// A comment's field path, like `costs[2].flows[0].year`: the study's own path syntax.
fn check_path(v: &str) -> Result<(), ApiError> {
    let ok = v.len() <= 200 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"._[]".contains(&b));
    if ok { Ok(()) } else { Err(ApiError::field("comments.path", "a study field path like costs[2].flows[0].year")) }
}

/// Parses a JSON body into `T`, naming the line and column of malformed JSON.
pub fn parse_body<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::new(StatusCode::BAD_REQUEST, "registry-bad-json", "")
            .arg("line", e.line())
            .arg("column", e.column())
            .arg("reason", e.to_string())
    })
}

/// Query filters shared by the list and the portfolio.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Sector code (`road`, `rail`, …).
    pub sector: Option<String>,
    /// Region code (`KR-11`, …).
    pub region: Option<String>,
    /// Ministry.
    pub ministry: Option<String>,
    /// Review status.
    pub status: Option<String>,
    /// The study's base year.
    pub year: Option<i32>,
    /// Page, 1-based.
    pub page: i64,
    /// Rows per page (≤ 500).
    pub per_page: i64,
    /// Budget cut, KRW.
    pub budget: Option<Decimal>,
}

impl Filter {
    /// Reads `sector, region, ministry, status, year, page, per_page, budget`; anything else is refused.
    pub fn from_query(q: &HashMap<String, String>) -> Result<Self, ApiError> {
        let mut f = Filter { page: 1, per_page: 50, ..Filter::default() };
        for (k, v) in q {
            let bad = |reason: &str| ApiError::field(k.clone(), reason);
            match k.as_str() {
                "sector" => f.sector = Some(v.clone()),
                "region" => f.region = Some(v.clone()),
                "ministry" => f.ministry = Some(v.clone()),
                "status" => {
                    if !STATUSES.contains(&v.as_str()) {
                        return Err(bad("one of draft, submitted, under_review, returned, signed_off"));
                    }
                    f.status = Some(v.clone())
                }
                "year" => f.year = Some(v.parse().map_err(|_| bad("a year"))?),
                "page" => f.page = v.parse().ok().filter(|p| *p >= 1).ok_or_else(|| bad("a page number from 1"))?,
                "per_page" => {
                    f.per_page = v.parse().ok().filter(|p| (1..=500).contains(p)).ok_or_else(|| bad("1 to 500"))?
                }
                "budget" => {
                    let b = yeta_core::study::money::parse_amount(v).map_err(|e| bad(&e))?;
                    f.budget = Some(b)
                }
                _ => return Err(bad("not a filter")),
            }
        }
        Ok(f)
    }
}

const STATUSES: &[&str] = &["draft", "submitted", "under_review", "returned", "signed_off"];

/// The filter's SQL: parameters $1..$7 (sector, region, ministry, status, year, the officer's
/// ministry or NULL, whether drafts are visible). Officers see their own ministry only; everyone
/// else sees every study but drafts.
const SCOPE: &str = "($1::text IS NULL OR s.sector = $1) AND ($2::text IS NULL OR s.region = $2)
  AND ($3::text IS NULL OR s.ministry = $3) AND ($4::text IS NULL OR s.status = $4)
  AND ($5::int IS NULL OR s.year = $5) AND ($6::text IS NULL OR s.ministry = $6)
  AND ($7 OR s.status <> 'draft')";

/// Body of `POST /v1/studies`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitReq {
    /// The study's key.
    pub key: String,
    /// The study file's text, exactly (its SHA-256 is what a signed report must embed).
    pub study: String,
    /// Keep as a draft (not visible to reviewers).
    #[serde(default)]
    pub draft: bool,
}

/// One comment on a field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentReq {
    /// Field path.
    pub path: String,
    /// Text.
    pub body: String,
}

/// Body of `POST /v1/studies/{key}/review`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewReq {
    /// `start` (submitted → under review) or `return` (under review → returned, with comments).
    pub action: String,
    /// The comments a return sends back.
    #[serde(default)]
    pub comments: Vec<CommentReq>,
}

/// Body of `POST /v1/users`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserReq {
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// Ministry (officers).
    #[serde(default)]
    pub ministry: Option<String>,
    /// A reviewer's certificate subject: sign-offs must carry a trusted signature by it.
    #[serde(default)]
    pub signer: Option<String>,
}

/// Body of `PATCH /v1/users/{name}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignerReq {
    /// The reviewer's certificate subject; null clears it.
    pub signer: Option<String>,
}

/// The registry: the database and a cache of appraisals by study SHA-256 (the engine is pure, so
/// a revision's appraisal never changes).
pub struct Registry {
    pool: Pool,
    cache: Mutex<HashMap<String, Arc<Appraisal>>>,
    /// Rankings by the SHA-256 of what they rank (each study's key and revision SHA-256, in order,
    /// and the budget): the engine is pure, so a ranking of the same inputs is the same, and
    /// concurrent reviewers asking for the same portfolio share one computation.
    rankings: Mutex<HashMap<String, Arc<Ranked>>>,
}

/// A computed portfolio, serialised once.
pub struct Ranked {
    ranked_by: &'static str,
    budget: Option<String>,
    /// The engine's rows, serialised only for the page asked (10,000 rows as JSON values cost
    /// more time and memory than the ranking itself).
    rows: Vec<yeta_core::compare::Row>,
}

/// Rankings kept at most: a handful of filters in use at once. Every submission changes the
/// inputs of the rankings that include it, so older ones are seldom asked again; the map is
/// emptied beyond this.
const MAX_RANKINGS: usize = 8;

fn code_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Runs the engine on a study text: the study's problems are a 422 naming the first field.
pub fn appraise(text: &str) -> Result<Appraisal, ApiError> {
    let study = yeta_core::study::check(text).map_err(|errs| {
        let first = errs.first();
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "registry-study-invalid", first.map_or("", |e| e.path.as_str()))
            .arg("reason", first.map_or(String::new(), |e| e.message.clone()))
            .arg("count", errs.len())
    })?;
    yeta_core::appraise(&study, None).map_err(|e| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "registry-study-invalid", "").arg("reason", e).arg("count", 1)
    })
}

async fn audit(tx: &deadpool_postgres::Transaction<'_>, u: &User, action: &str, target: &str) -> Result<(), ApiError> {
    tx.execute("INSERT INTO audit (actor, action, target) VALUES ($1, $2, $3)", &[&u.name, &action, &target]).await?;
    Ok(())
}

impl Registry {
    /// A registry over `pool` (already migrated).
    pub fn new(pool: Pool) -> Self {
        Self { pool, cache: Mutex::new(HashMap::new()), rankings: Mutex::new(HashMap::new()) }
    }

    /// The user whose token this is; a removed user's token is refused like an unknown one. The
    /// lookup is by the token's SHA-256 through a unique index, so no secret is compared byte by
    /// byte in the server.
    pub async fn authenticate(&self, token: Option<&str>) -> Result<User, ApiError> {
        let unauth = || ApiError::new(StatusCode::UNAUTHORIZED, "registry-unauthorized", "");
        let token = token.ok_or_else(unauth)?;
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(unauth());
        }
        let h = sha256_hex(token.to_ascii_lowercase().as_bytes());
        let c = self.pool.get().await?;
        let row = c
            .query_opt("SELECT name, role, ministry FROM users WHERE token_sha256 = $1 AND active", &[&h])
            .await?
            .ok_or_else(unauth)?;
        Ok(User { name: row.get(0), role: row.get(1), ministry: row.get(2) })
    }

    /// Creates the first administrator (or another one) outside HTTP: `yeta-registry add-admin`.
    pub async fn add_admin(&self, name: &str) -> Result<String, ApiError> {
        check_name("name", name)?;
        let token = new_token()?;
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        tx.execute(
            "INSERT INTO users (name, role, token_sha256) VALUES ($1, 'admin', $2)",
            &[&name, &sha256_hex(token.as_bytes())],
        )
        .await?;
        let sys = User { name: "(server console)".into(), role: "admin".into(), ministry: None };
        audit(&tx, &sys, "add-admin", name).await?;
        tx.commit().await?;
        Ok(token)
    }

    /// `POST /v1/users`: an administrator adds a user and receives its token once.
    pub async fn add_user(&self, u: &User, r: UserReq) -> Result<Value, ApiError> {
        u.require("admin", "add a user")?;
        check_name("name", &r.name)?;
        if !["officer", "reviewer", "admin"].contains(&r.role.as_str()) {
            return Err(ApiError::field("role", "officer, reviewer or admin"));
        }
        match (&r.role[..], &r.ministry) {
            ("officer", None) => return Err(ApiError::field("ministry", "an officer needs a ministry")),
            (_, Some(m)) => check_name("ministry", m)?,
            _ => {}
        }
        match (&r.role[..], &r.signer) {
            ("reviewer", Some(sg)) => check_name("signer", sg)?,
            (_, Some(_)) => return Err(ApiError::field("signer", "only a reviewer signs off")),
            _ => {}
        }
        let token = new_token()?;
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        tx.execute(
            "INSERT INTO users (name, role, ministry, token_sha256, signer) VALUES ($1, $2, $3, $4, $5)",
            &[&r.name, &r.role, &r.ministry, &sha256_hex(token.as_bytes()), &r.signer],
        )
        .await
        .map_err(|e| ApiError::from(e).arg("what", &r.name))?;
        audit(&tx, u, "add-user", &r.name).await?;
        tx.commit().await?;
        Ok(json!({ "name": r.name, "role": r.role, "ministry": r.ministry, "signer": r.signer, "token": token }))
    }

    /// `GET /v1/users`.
    pub async fn users(&self, u: &User) -> Result<Value, ApiError> {
        u.require("admin", "list users")?;
        let c = self.pool.get().await?;
        let rows = c.query("SELECT name, role, ministry, active, signer FROM users ORDER BY name", &[]).await?;
        let users: Vec<Value> = rows
            .iter()
            .map(|r| json!({"name": r.get::<_, String>(0), "role": r.get::<_, String>(1), "ministry": r.get::<_, Option<String>>(2), "active": r.get::<_, bool>(3), "signer": r.get::<_, Option<String>>(4)}))
            .collect();
        Ok(json!({ "users": users }))
    }

    /// `DELETE /v1/users/{name}`: the user is kept (the audit log names it) but its token stops working.
    pub async fn remove_user(&self, u: &User, name: &str) -> Result<Value, ApiError> {
        u.require("admin", "remove a user")?;
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let n = tx.execute("UPDATE users SET active = FALSE WHERE name = $1 AND active", &[&name]).await?;
        if n == 0 {
            return Err(ApiError::not_found("user"));
        }
        audit(&tx, u, "remove-user", name).await?;
        tx.commit().await?;
        Ok(json!({ "name": name, "active": false }))
    }

    /// `PATCH /v1/users/{name}` `{signer}`: registers (or, with null, clears) the certificate
    /// subject a reviewer's sign-offs must carry, e.g. after a certificate is renewed.
    pub async fn set_signer(&self, u: &User, name: &str, r: SignerReq) -> Result<Value, ApiError> {
        u.require("admin", "change a user")?;
        if let Some(sg) = &r.signer {
            check_name("signer", sg)?;
        }
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let role: Option<String> = tx
            .query_opt("SELECT role FROM users WHERE name = $1 AND active FOR UPDATE", &[&name])
            .await?
            .map(|r| r.get(0));
        match role.as_deref() {
            None => return Err(ApiError::not_found("user")),
            Some("reviewer") => {}
            Some(_) => return Err(ApiError::field("signer", "only a reviewer signs off")),
        }
        tx.execute("UPDATE users SET signer = $2 WHERE name = $1", &[&name, &r.signer]).await?;
        audit(&tx, u, "set-signer", name).await?;
        tx.commit().await?;
        Ok(json!({ "name": name, "signer": r.signer }))
    }

    /// `POST /v1/trust`: adds the certificates of a PEM bundle to the reviewer trust list.
    pub async fn add_trust(&self, u: &User, pem: &str) -> Result<Value, ApiError> {
        u.require("admin", "change the trust list")?;
        let certs = yeta_report::trust::load_trust_pem(pem).map_err(|e| ApiError::field("pem", e))?;
        let blocks: Vec<&str> = pem_blocks(pem);
        if blocks.len() != certs.len() {
            return Err(ApiError::field("pem", "every block must be a CERTIFICATE"));
        }
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let mut ids = Vec::new();
        for b in blocks {
            let id = sha256_hex(b.as_bytes());
            tx.execute(
                "INSERT INTO trust (sha256, subject, pem, added_by) VALUES ($1, '', $2, $3) ON CONFLICT DO NOTHING",
                &[&id, &b, &u.name],
            )
            .await?;
            audit(&tx, u, "add-trust", &id).await?;
            ids.push(id);
        }
        tx.commit().await?;
        Ok(json!({ "added": ids }))
    }

    /// `GET /v1/trust`.
    pub async fn trust(&self, u: &User) -> Result<Value, ApiError> {
        if u.role == "officer" {
            return Err(ApiError::forbidden("read the trust list"));
        }
        let c = self.pool.get().await?;
        let rows = c.query("SELECT sha256, pem, added_by, at::text FROM trust ORDER BY at", &[]).await?;
        let t: Vec<Value> = rows
            .iter()
            .map(|r| json!({"id": r.get::<_, String>(0), "pem": r.get::<_, String>(1), "added_by": r.get::<_, String>(2), "at": r.get::<_, String>(3)}))
            .collect();
        Ok(json!({ "trust": t }))
    }

    /// `DELETE /v1/trust/{id}`.
    pub async fn remove_trust(&self, u: &User, id: &str) -> Result<Value, ApiError> {
        u.require("admin", "change the trust list")?;
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        if tx.execute("DELETE FROM trust WHERE sha256 = $1", &[&id]).await? == 0 {
            return Err(ApiError::not_found("certificate"));
        }
        audit(&tx, u, "remove-trust", id).await?;
        tx.commit().await?;
        Ok(json!({ "removed": id }))
    }

    /// `POST /v1/studies`: an officer saves a new revision of its ministry's study, as a draft or
    /// submitted. The engine appraises it first, so a study that does not appraise is refused.
    pub async fn submit(&self, u: &User, r: SubmitReq) -> Result<Value, ApiError> {
        let Some(ministry) = u.officer() else { return Err(ApiError::forbidden("submit a study")) };
        check_key(&r.key)?;
        let text = r.study;
        let a = tokio::task::block_in_place(|| appraise(&text))?;
        let sha = sha256_hex(text.as_bytes());
        let status = if r.draft { "draft" } else { "submitted" };
        let (sector, region) = (code_of(&a.study.sector), code_of(&a.study.region));
        let year = a.study.base_year;
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        tx.execute(
            "INSERT INTO studies (key, ministry, status, latest, name, sector, region, year, created_by)
             VALUES ($1, $2, 'draft', 0, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING",
            &[&r.key, &ministry, &a.study.name, &sector, &region, &year, &u.name],
        )
        .await?;
        let s = tx
            .query_one("SELECT id, ministry, status, latest FROM studies WHERE key = $1 FOR UPDATE", &[&r.key])
            .await?;
        let (id, owner, cur, latest): (i64, String, String, i32) = (s.get(0), s.get(1), s.get(2), s.get(3));
        if owner != ministry {
            return Err(ApiError::not_found("study"));
        }
        if cur == "under_review" || cur == "signed_off" {
            return Err(ApiError::status(&cur, "submit"));
        }
        // The latest revision's exact text in the same status again is the same submission
        // (an outbox resending after a lost acknowledgement): acknowledged, not doubled.
        if latest > 0 {
            let last = tx
                .query_one("SELECT sha256 FROM revisions WHERE study_id = $1 AND number = $2", &[&id, &latest])
                .await?;
            if last.get::<_, String>(0) == sha && cur == status {
                tx.rollback().await?;
                return Ok(
                    json!({ "key": r.key, "revision": latest, "sha256": sha, "status": status, "unchanged": true }),
                );
            }
        }
        let n = latest + 1;
        tx.execute(
            "INSERT INTO revisions (study_id, number, text, sha256, author, bc_ratio, npv, total_cost, ahp_score, implement)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                &id,
                &n,
                &text,
                &sha,
                &u.name,
                &a.economic.bc_ratio,
                &a.economic.npv.round_dp(0).to_string(),
                &a.study.total_cost.round_dp(0).to_string(),
                &a.ahp.as_ref().map(|h| h.score),
                &a.verdict.implement,
            ],
        )
        .await?;
        tx.execute(
            "UPDATE studies SET latest = $2, status = $3, name = $4, sector = $5, region = $6, year = $7, updated_at = now() WHERE id = $1",
            &[&id, &n, &status, &a.study.name, &sector, &region, &year],
        )
        .await?;
        tx.execute(
            "INSERT INTO events (study_id, revision, action, actor) VALUES ($1, $2, $3, $4)",
            &[&id, &n, &status, &u.name],
        )
        .await?;
        audit(&tx, u, if r.draft { "save-draft" } else { "submit" }, &format!("{}#{n}", r.key)).await?;
        tx.commit().await?;
        if let Ok(mut m) = self.cache.lock() {
            m.insert(sha.clone(), Arc::new(a));
        }
        Ok(json!({ "key": r.key, "revision": n, "sha256": sha, "status": status }))
    }

    /// The study row if `u` may see it (404 otherwise, so another ministry's keys do not leak).
    async fn visible(&self, c: &tokio_postgres::Client, u: &User, key: &str) -> Result<tokio_postgres::Row, ApiError> {
        check_key(key).map_err(|_| ApiError::not_found("study"))?;
        let row = c
            .query_opt(
                "SELECT id, key, ministry, status, latest, returned_at_revision, name, sector, region, year, updated_at::text
                 FROM studies s WHERE key = $1 AND ($2::text IS NULL OR s.ministry = $2) AND ($3 OR s.status <> 'draft')",
                &[&key, &u.officer(), &u.officer().is_some()],
            )
            .await?
            .ok_or_else(|| ApiError::not_found("study"))?;
        Ok(row)
    }

    /// `GET /v1/studies/{key}`: the study, its revisions with their figures, the review steps,
    /// comments and sign-offs; after a return, which revisions to diff.
    pub async fn study(&self, u: &User, key: &str) -> Result<Value, ApiError> {
        let c = self.pool.get().await?;
        let s = self.visible(&c, u, key).await?;
        let id: i64 = s.get(0);
        let revs = c
            .query(
                "SELECT number, sha256, author, created_at::text, bc_ratio, npv, total_cost, ahp_score, implement
                 FROM revisions WHERE study_id = $1 ORDER BY number",
                &[&id],
            )
            .await?;
        let revisions: Vec<Value> = revs
            .iter()
            .map(|r| {
                json!({"revision": r.get::<_, i32>(0), "sha256": r.get::<_, String>(1), "author": r.get::<_, String>(2),
                "at": r.get::<_, String>(3), "bc_ratio": r.get::<_, Option<f64>>(4), "npv": r.get::<_, String>(5),
                "total_cost": r.get::<_, String>(6), "ahp_score": r.get::<_, Option<f64>>(7), "implement": r.get::<_, bool>(8)})
            })
            .collect();
        let evs = c
            .query("SELECT revision, action, actor, at::text FROM events WHERE study_id = $1 ORDER BY id", &[&id])
            .await?;
        let events: Vec<Value> = evs
            .iter()
            .map(|r| json!({"revision": r.get::<_, i32>(0), "action": r.get::<_, String>(1), "actor": r.get::<_, String>(2), "at": r.get::<_, String>(3)}))
            .collect();
        let cms = c
            .query(
                "SELECT revision, path, body, author, at::text FROM comments WHERE study_id = $1 ORDER BY id",
                &[&id],
            )
            .await?;
        let comments: Vec<Value> = cms
            .iter()
            .map(|r| json!({"revision": r.get::<_, i32>(0), "path": r.get::<_, String>(1), "body": r.get::<_, String>(2), "author": r.get::<_, String>(3), "at": r.get::<_, String>(4)}))
            .collect();
        let sos = c
            .query(
                "SELECT id, revision, reviewer, role, report_sha256, study_sha256, signers, at::text FROM signoffs WHERE study_id = $1 ORDER BY id",
                &[&id],
            )
            .await?;
        let signoffs: Vec<Value> = sos
            .iter()
            .map(|r| {
                json!({"id": r.get::<_, i64>(0), "revision": r.get::<_, i32>(1), "reviewer": r.get::<_, String>(2), "role": r.get::<_, String>(3),
                "report_sha256": r.get::<_, String>(4), "study_sha256": r.get::<_, String>(5),
                "signers": serde_json::from_str::<Value>(&r.get::<_, String>(6)).unwrap_or(Value::Null), "at": r.get::<_, String>(7)})
            })
            .collect();
        let latest: i32 = s.get(4);
        let returned: Option<i32> = s.get(5);
        let since_return = returned.filter(|r| latest > *r).map(|r| json!({"from": r, "to": latest}));
        Ok(json!({
            "key": s.get::<_, String>(1), "ministry": s.get::<_, String>(2), "status": s.get::<_, String>(3),
            "latest": latest, "name": s.get::<_, String>(6), "sector": s.get::<_, String>(7), "region": s.get::<_, String>(8),
            "year": s.get::<_, i32>(9), "updated_at": s.get::<_, String>(10),
            "revisions": revisions, "events": events, "comments": comments, "signoffs": signoffs, "since_return": since_return,
        }))
    }

    /// `GET /v1/studies/{key}/revisions/{n}`: the study text of a revision.
    pub async fn revision(&self, u: &User, key: &str, n: i32) -> Result<Value, ApiError> {
        let c = self.pool.get().await?;
        let s = self.visible(&c, u, key).await?;
        let id: i64 = s.get(0);
        let r = c
            .query_opt(
                "SELECT text, sha256, author, created_at::text FROM revisions WHERE study_id = $1 AND number = $2",
                &[&id, &n],
            )
            .await?
            .ok_or_else(|| ApiError::not_found("revision"))?;
        Ok(
            json!({"key": key, "revision": n, "study": r.get::<_, String>(0), "sha256": r.get::<_, String>(1), "author": r.get::<_, String>(2), "at": r.get::<_, String>(3)}),
        )
    }

    /// `GET /v1/studies/{key}/changes`: what changed from the returned revision to the latest
    /// (the engine's `diff`, computed here so every client shows the same), with the reviewer's
    /// comments on the returned revision, each marked whether a change touches its field path.
    /// 404 when no revision follows a return.
    pub async fn changes(&self, u: &User, key: &str) -> Result<Value, ApiError> {
        let c = self.pool.get().await?;
        let s = self.visible(&c, u, key).await?;
        let id: i64 = s.get(0);
        let latest: i32 = s.get(4);
        let returned: Option<i32> = s.get(5);
        let from = returned.filter(|r| latest > *r).ok_or_else(|| ApiError::not_found("changes"))?;
        let text = |n: i32| {
            let c = &c;
            async move {
                c.query_opt("SELECT text FROM revisions WHERE study_id = $1 AND number = $2", &[&id, &n])
                    .await?
                    .map(|r| r.get::<_, String>(0))
                    .ok_or_else(|| ApiError::not_found("revision"))
            }
        };
        let (ta, tb) = (text(from).await?, text(latest).await?);
        let read = |t: &str| -> Result<(yeta_core::Study, Appraisal), ApiError> {
            let study =
                yeta_core::study::check(t).map_err(|_| ApiError::internal("a stored revision no longer reads"))?;
            Ok((study, appraise(t)?))
        };
        let ((sa, aa), (sb, ab)) = (read(&ta)?, read(&tb)?);
        let d = yeta_core::diff::diff(&sa, &aa, &sb, &ab);
        let cms = c
            .query(
                "SELECT path, body, author, at::text FROM comments WHERE study_id = $1 AND revision = $2 ORDER BY id",
                &[&id, &from],
            )
            .await?;
        let comments: Vec<Value> = cms
            .iter()
            .map(|r| {
                let path: String = r.get(0);
                json!({"path": path, "body": r.get::<_, String>(1), "author": r.get::<_, String>(2),
                       "at": r.get::<_, String>(3), "addressed": d.touches(&path)})
            })
            .collect();
        Ok(json!({"key": key, "from": from, "to": latest, "diff": d, "comments": comments}))
    }

    /// `GET /v1/studies/{key}/signoffs/{id}/report`: the signed report as stored.
    pub async fn report(&self, u: &User, key: &str, id: i64) -> Result<Vec<u8>, ApiError> {
        let c = self.pool.get().await?;
        let s = self.visible(&c, u, key).await?;
        let sid: i64 = s.get(0);
        let r = c
            .query_opt("SELECT report FROM signoffs WHERE study_id = $1 AND id = $2", &[&sid, &id])
            .await?
            .ok_or_else(|| ApiError::not_found("sign-off"))?;
        Ok(r.get(0))
    }

    fn params(f: &Filter, u: &User) -> [Box<dyn tokio_postgres::types::ToSql + Sync + Send>; 7] {
        [
            Box::new(f.sector.clone()),
            Box::new(f.region.clone()),
            Box::new(f.ministry.clone()),
            Box::new(f.status.clone()),
            Box::new(f.year),
            Box::new(u.officer().map(str::to_owned)),
            Box::new(u.officer().is_some()),
        ]
    }

    /// `GET /v1/studies`: the visible studies with their latest figures, newest first, paged.
    pub async fn list(&self, u: &User, f: &Filter) -> Result<Value, ApiError> {
        let c = self.pool.get().await?;
        let p = Self::params(f, u);
        let mut refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = p.iter().map(|b| b.as_ref() as _).collect();
        let total: i64 = c.query_one(&format!("SELECT COUNT(*) FROM studies s WHERE {SCOPE}"), &refs).await?.get(0);
        let (limit, offset) = (f.per_page, (f.page - 1) * f.per_page);
        refs.push(&limit);
        refs.push(&offset);
        let rows = c
            .query(
                &format!(
                    "SELECT s.key, s.ministry, s.status, s.latest, s.name, s.sector, s.region, s.year, s.updated_at::text,
                            r.bc_ratio, r.npv, r.total_cost, r.ahp_score, r.implement
                     FROM studies s JOIN revisions r ON r.study_id = s.id AND r.number = s.latest
                     WHERE {SCOPE} ORDER BY s.updated_at DESC, s.key LIMIT $8 OFFSET $9"
                ),
                &refs,
            )
            .await?;
        let studies: Vec<Value> = rows
            .iter()
            .map(|r| {
                json!({"key": r.get::<_, String>(0), "ministry": r.get::<_, String>(1), "status": r.get::<_, String>(2),
                "latest": r.get::<_, i32>(3), "name": r.get::<_, String>(4), "sector": r.get::<_, String>(5), "region": r.get::<_, String>(6),
                "year": r.get::<_, i32>(7), "updated_at": r.get::<_, String>(8), "bc_ratio": r.get::<_, Option<f64>>(9),
                "npv": r.get::<_, String>(10), "total_cost": r.get::<_, String>(11), "ahp_score": r.get::<_, Option<f64>>(12),
                "implement": r.get::<_, bool>(13)})
            })
            .collect();
        Ok(json!({ "total": total, "page": f.page, "per_page": f.per_page, "studies": studies }))
    }

    /// Ranks the latest revisions `rows` (key, SHA-256): appraisals from the cache, the missing
    /// ones computed once; each row labelled with its study key.
    async fn rank(
        &self,
        c: &tokio_postgres::Client,
        rows: &[tokio_postgres::Row],
        f: &Filter,
    ) -> Result<Ranked, ApiError> {
        let mut have: Vec<(String, Option<Arc<Appraisal>>, String)> = {
            let m = self.cache.lock().map_err(ApiError::internal)?;
            rows.iter().map(|r| (r.get::<_, String>(0), m.get(&r.get::<_, String>(1)).cloned(), r.get(1))).collect()
        };
        let missing: Vec<String> = have.iter().filter(|h| h.1.is_none()).map(|h| h.2.clone()).collect();
        if !missing.is_empty() {
            let texts = c
                .query("SELECT DISTINCT ON (sha256) sha256, text FROM revisions WHERE sha256 = ANY($1)", &[&missing])
                .await?;
            let mut m = self.cache.lock().map_err(ApiError::internal)?;
            for t in texts {
                let a = tokio::task::block_in_place(|| appraise(&t.get::<_, String>(1)))?;
                m.insert(t.get(0), Arc::new(a));
            }
            for h in &mut have {
                h.1 = m.get(&h.2).cloned();
            }
        }
        // The cached appraisals are ranked in place (compare borrows them): no copy per request.
        let labelled: Vec<(String, Arc<Appraisal>)> =
            have.into_iter().filter_map(|(k, a, _)| a.map(|a| (k, a))).collect();
        let cmp = tokio::task::block_in_place(|| yeta_core::compare::compare(&labelled, f.budget));
        Ok(Ranked { ranked_by: cmp.ranked_by, budget: cmp.budget, rows: cmp.ranking })
    }

    /// `GET /v1/portfolio`: `yeta_core::compare` over every visible study that matches the filter
    /// (latest revisions), with the budget cut; the page is a slice of the whole ranking, so ranks
    /// and cumulative costs are the same whichever page is read.
    pub async fn portfolio(&self, u: &User, f: &Filter) -> Result<Value, ApiError> {
        let c = self.pool.get().await?;
        let p = Self::params(f, u);
        let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = p.iter().map(|b| b.as_ref() as _).collect();
        let rows = c
            .query(
                &format!(
                    "SELECT s.key, r.sha256, s.id FROM studies s JOIN revisions r ON r.study_id = s.id AND r.number = s.latest
                     WHERE {SCOPE} ORDER BY s.key"
                ),
                &refs,
            )
            .await?;
        let mut id = Vec::new();
        for r in &rows {
            id.extend_from_slice(r.get::<_, String>(0).as_bytes());
            id.push(0);
            id.extend_from_slice(r.get::<_, String>(1).as_bytes());
            id.push(0);
        }
        id.extend_from_slice(f.budget.map(|b| b.to_string()).unwrap_or_default().as_bytes());
        let id = sha256_hex(&id);
        let known = self.rankings.lock().map_err(ApiError::internal)?.get(&id).cloned();
        let ranked = match known {
            Some(r) => r,
            None => {
                let r = Arc::new(self.rank(&c, &rows, f).await?);
                let mut m = self.rankings.lock().map_err(ApiError::internal)?;
                if m.len() >= MAX_RANKINGS {
                    m.clear();
                }
                m.insert(id, r.clone());
                r
            }
        };
        let total = ranked.rows.len() as i64;
        let from = ((f.page - 1) * f.per_page).min(total) as usize;
        let to = (from + f.per_page as usize).min(total as usize);
        // The page's rows, with the study key in place of the file name.
        let mut page = serde_json::to_value(&ranked.rows[from..to]).map_err(ApiError::internal)?;
        if let Value::Array(rows) = &mut page {
            for r in rows.iter_mut() {
                if let Value::Object(o) = r
                    && let Some(k) = o.remove("file")
                {
                    o.insert("key".into(), k);
                }
            }
        }
        Ok(json!({
            "total": total, "page": f.page, "per_page": f.per_page, "ranked_by": ranked.ranked_by, "budget": ranked.budget,
            "ranking": page,
        }))
    }

    /// `POST /v1/studies/{key}/review`: a reviewer starts the review or returns the study with
    /// comments.
    pub async fn review(&self, u: &User, key: &str, r: ReviewReq) -> Result<Value, ApiError> {
        u.require("reviewer", "review")?;
        for (i, cm) in r.comments.iter().enumerate() {
            check_path(&cm.path).map_err(|e| ApiError { path: format!("comments[{i}].path"), ..e })?;
            check_text(&format!("comments[{i}].body"), &cm.body, 4000)?;
        }
        let (from, to, action) = match r.action.as_str() {
            "start" => ("submitted", "under_review", "under_review"),
            "return" => ("under_review", "returned", "returned"),
            _ => return Err(ApiError::field("action", "start or return")),
        };
        if action == "returned" && r.comments.is_empty() {
            return Err(ApiError::field("comments", "a return needs at least one comment"));
        }
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let s = tx
            .query_opt(
                "SELECT id, status, latest FROM studies WHERE key = $1 AND status <> 'draft' FOR UPDATE",
                &[&key],
            )
            .await?
            .ok_or_else(|| ApiError::not_found("study"))?;
        let (id, cur, n): (i64, String, i32) = (s.get(0), s.get(1), s.get(2));
        if cur != from {
            return Err(ApiError::status(&cur, &r.action));
        }
        for cm in &r.comments {
            tx.execute(
                "INSERT INTO comments (study_id, revision, path, body, author) VALUES ($1, $2, $3, $4, $5)",
                &[&id, &n, &cm.path, &cm.body, &u.name],
            )
            .await?;
        }
        let returned = (action == "returned").then_some(n);
        tx.execute(
            "UPDATE studies SET status = $2, returned_at_revision = COALESCE($3, returned_at_revision), updated_at = now() WHERE id = $1",
            &[&id, &to, &returned],
        )
        .await?;
        tx.execute(
            "INSERT INTO events (study_id, revision, action, actor) VALUES ($1, $2, $3, $4)",
            &[&id, &n, &action, &u.name],
        )
        .await?;
        audit(&tx, u, action, &format!("{key}#{n}")).await?;
        tx.commit().await?;
        Ok(json!({ "key": key, "revision": n, "status": to }))
    }

    /// `POST /v1/studies/{key}/comments`: a reviewer, or an officer of the study's ministry,
    /// comments on a field of the latest revision.
    pub async fn comment(&self, u: &User, key: &str, r: CommentReq) -> Result<Value, ApiError> {
        if u.role == "admin" {
            return Err(ApiError::forbidden("comment"));
        }
        check_path(&r.path).map_err(|e| ApiError { path: "path".into(), ..e })?;
        check_text("body", &r.body, 4000)?;
        let mut c = self.pool.get().await?;
        let s = self.visible(&c, u, key).await?;
        let id: i64 = s.get(0);
        let tx = c.transaction().await?;
        let n: i32 = tx.query_one("SELECT latest FROM studies WHERE id = $1 FOR UPDATE", &[&id]).await?.get(0);
        let cid: i64 = tx
            .query_one(
                "INSERT INTO comments (study_id, revision, path, body, author) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&id, &n, &r.path, &r.body, &u.name],
            )
            .await?
            .get(0);
        audit(&tx, u, "comment", &format!("{key}#{n}")).await?;
        tx.commit().await?;
        Ok(json!({ "key": key, "revision": n, "id": cid }))
    }

    /// `POST /v1/studies/{key}/signoff`: a reviewer signs off the latest revision under review
    /// with a signed report. The report must pass `yeta_report::check_for_signoff` against the
    /// revision's SHA-256 and the registry's trust list (which must not be empty).
    pub async fn signoff(&self, u: &User, key: &str, role: &str, pdf: &[u8]) -> Result<Value, ApiError> {
        u.require("reviewer", "sign off")?;
        check_name("role", role)?;
        let mut c = self.pool.get().await?;
        let s = self.visible(&c, u, key).await?;
        let (id, n): (i64, i32) = (s.get(0), s.get(4));
        let pems: Vec<String> = c.query("SELECT pem FROM trust", &[]).await?.iter().map(|r| r.get(0)).collect();
        if pems.is_empty() {
            return Err(ApiError::new(StatusCode::CONFLICT, "registry-no-trust", ""));
        }
        let sha: String =
            c.query_one("SELECT sha256 FROM revisions WHERE study_id = $1 AND number = $2", &[&id, &n]).await?.get(0);
        let anchors = yeta_report::trust::load_trust_pem(&pems.join("\n")).map_err(ApiError::internal)?;
        let signers = tokio::task::block_in_place(|| yeta_report::check_for_signoff(pdf, &sha, Some(&anchors)))
            .map_err(|e| {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "registry-signoff-refused", "report").arg("reason", e)
            })?;
        if signers.is_empty() {
            return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "registry-signoff-refused", "report")
                .arg("reason", "no signer"));
        }
        // The report must be signed by this reviewer, not by a colleague whose certificate the
        // trust list also holds: a trusted signature whose subject is the one registered for them.
        let bound: Option<String> = c.query_one("SELECT signer FROM users WHERE name = $1", &[&u.name]).await?.get(0);
        let Some(bound) = bound else {
            return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "registry-signer-unbound", "signer")
                .arg("user", &u.name));
        };
        if !signers.iter().any(|s| s.subject == bound) {
            let subjects: Vec<&str> = signers.iter().map(|s| s.subject.as_str()).collect();
            return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "registry-signer-not-user", "report")
                .arg("user", &u.name)
                .arg("signer", &bound)
                .arg("subjects", subjects.join(", ")));
        }
        let signers_json = Value::Array(
            signers
                .iter()
                .map(|s| json!({"index": s.index, "subject": s.subject, "cert_sha256": s.cert_sha256, "role": s.role, "date": s.date}))
                .collect(),
        );
        let report_sha = sha256_hex(pdf);
        let tx = c.transaction().await?;
        let now = tx.query_one("SELECT status, latest FROM studies WHERE id = $1 FOR UPDATE", &[&id]).await?;
        let (cur, latest): (String, i32) = (now.get(0), now.get(1));
        if cur != "under_review" || latest != n {
            return Err(ApiError::status(&cur, "signoff"));
        }
        let sid: i64 = tx
            .query_one(
                "INSERT INTO signoffs (study_id, revision, reviewer, role, report, report_sha256, study_sha256, signers)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                &[&id, &n, &u.name, &role, &pdf, &report_sha, &sha, &signers_json.to_string()],
            )
            .await?
            .get(0);
        tx.execute("UPDATE studies SET status = 'signed_off', updated_at = now() WHERE id = $1", &[&id]).await?;
        tx.execute(
            "INSERT INTO events (study_id, revision, action, actor) VALUES ($1, $2, 'signed_off', $3)",
            &[&id, &n, &u.name],
        )
        .await?;
        audit(&tx, u, "signoff", &format!("{key}#{n}")).await?;
        tx.commit().await?;
        Ok(json!({ "key": key, "revision": n, "status": "signed_off", "id": sid, "report_sha256": report_sha,
                   "study_sha256": sha, "signers": signers_json }))
    }

    /// `GET /v1/audit`: the audit log, newest first, paged (administrators).
    pub async fn audit_log(&self, u: &User, f: &Filter) -> Result<Value, ApiError> {
        u.require("admin", "read the audit log")?;
        let c = self.pool.get().await?;
        let (limit, offset) = (f.per_page, (f.page - 1) * f.per_page);
        let rows = c
            .query(
                "SELECT id, actor, action, target, at::text FROM audit ORDER BY id DESC LIMIT $1 OFFSET $2",
                &[&limit, &offset],
            )
            .await?;
        let entries: Vec<Value> = rows
            .iter()
            .map(|r| json!({"id": r.get::<_, i64>(0), "actor": r.get::<_, String>(1), "action": r.get::<_, String>(2), "target": r.get::<_, String>(3), "at": r.get::<_, String>(4)}))
            .collect();
        Ok(json!({ "entries": entries }))
    }
}

/// The text of each PEM block of a bundle, trimmed.
fn pem_blocks(pem: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = pem;
    while let Some(i) = rest.find("-----BEGIN ") {
        let after = &rest[i..];
        let Some(j) = after[11..].find("-----END ") else { break };
        let end = 11 + j;
        let Some(k) = after[end + 9..].find("-----") else { break };
        let stop = end + 9 + k + 5;
        out.push(&after[..stop]);
        rest = &after[stop..];
    }
    out
}
