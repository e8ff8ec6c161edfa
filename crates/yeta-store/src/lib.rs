//! # yeta-store: the study library and atomic file saves
//!
//! Budget officers keep many studies and every revision of each; reviewers record which
//! revision they signed off. The library is one SQLite database (WAL mode) in the user's data
//! directory, marked as Yeta's by `PRAGMA application_id` ([`APPLICATION_ID`]) and versioned by
//! `PRAGMA user_version` ([`SCHEMA_VERSION`]): a SQLite file without the mark is refused and left
//! exactly as it was (no tables added, no switch to WAL); an unmarked library of the first
//! schema is migrated.
//!
//! - `studies`: one row per study, keyed by a short name;
//! - `revisions`: every saved version of a study's JSON, with the author and time the library
//!   recorded (the OS user, or the identity set with [`Library::set_identity`], and the system
//!   clock), the author and time the caller claimed, a one-line reason and the SHA-256 of the
//!   text. Revisions are never changed: an edit is a new revision;
//! - `signoffs`: which revision a reviewer signed, in which role, and the SHA-256 of the signed
//!   report.
//!
//! **Tamper evidence.** Revisions and sign-offs form one hash chain in the order they were
//! written (`seq`): each record stores `hash = SHA-256(previous record's hash ‖ canonical
//! content)`, the content naming the study key, the revision number, the text's SHA-256
//! (recomputed from the text), the recorded and claimed author and time. [`Library::verify`]
//! walks the chain and names the first broken record; every read ([`Library::get`],
//! [`Library::history`], [`Library::signoffs`]) rechecks the records it returns. A direct SQL
//! edit (even after `DROP TRIGGER`) or a sign-off moved to another study is detected. No bad row
//! (NULL, wrong type, bad hash) panics: it is reported as a broken record.
//!
//! Each save is one transaction, so a crash (even SIGKILL) leaves either the whole revision or
//! none of it.
#![deny(missing_docs)]

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Duration;
use thiserror::Error;

/// How long a writer waits for another program's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// `PRAGMA application_id` of a Yeta library: "YETA" in ASCII.
pub const APPLICATION_ID: i32 = 0x5945_5441;
/// `PRAGMA user_version` of the current schema (1 was the unmarked first schema).
pub const SCHEMA_VERSION: i32 = 2;
/// The hash before the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What can go wrong with the library or a file save.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file is not a Yeta library, or it is damaged.
    #[error("{path}: not a Yeta study library, or the file is damaged ({detail}); nothing was changed")]
    Corrupt {
        /// The database file.
        path: String,
        /// SQLite's words.
        detail: String,
    },
    /// A SQLite database of some other program.
    #[error(
        "{path}: a SQLite database, but not a Yeta study library (application id {application_id:#x}, schema version {user_version}); nothing was changed"
    )]
    Foreign {
        /// The database file.
        path: String,
        /// Its `PRAGMA application_id`.
        application_id: i32,
        /// Its `PRAGMA user_version`.
        user_version: i32,
    },
    /// A library written by a newer Yeta.
    #[error("{path}: a Yeta library of schema version {found}, newer than this Yeta's {SCHEMA_VERSION}; update Yeta")]
    Newer {
        /// The database file.
        path: String,
        /// Its schema version.
        found: i32,
    },
    /// A record whose hash does not match its content or its place in the chain.
    #[error("{path}: tampered or damaged record: {record} ({why}); `yeta library verify` checks the whole chain")]
    Tampered {
        /// The database file.
        path: String,
        /// Which record (`revision 3 of road (seq 7)`).
        record: String,
        /// What does not match.
        why: String,
    },
    /// Another program holds the library's lock.
    #[error("{path}: the library is locked by another program (waited {} s); try again when it has finished", BUSY_TIMEOUT.as_secs())]
    Locked {
        /// The database file.
        path: String,
    },
    /// No such study or revision.
    #[error("{0}")]
    NotFound(String),
    /// Bad input, e.g. an empty study key.
    #[error("{0}")]
    Invalid(String),
    /// A file could not be written or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Any other SQLite error.
    #[error("library: {0}")]
    Sqlite(String),
}

type Result<T> = std::result::Result<T, StoreError>;

/// A study in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StudyEntry {
    /// Short name used on the command line.
    pub key: String,
    /// Project name of the latest revision.
    pub name: String,
    /// Number of revisions.
    pub revisions: i64,
    /// Time of the latest revision.
    pub updated: String,
    /// Revisions signed off.
    pub signed_off: i64,
}

/// One revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// 1, 2, 3 … within the study.
    pub number: i64,
    /// Who saved it, as the library recorded it (OS user or configured identity).
    pub author: String,
    /// When, as the library recorded it (system clock, RFC 3339 UTC).
    pub time: String,
    /// The author the caller claimed (`--author`), when one was given.
    pub claimed_author: Option<String>,
    /// The time the caller claimed (`--time`), when one was given.
    pub claimed_time: Option<String>,
    /// Why, in one line.
    pub reason: String,
    /// SHA-256 of the JSON text, hex.
    pub sha256: String,
    /// Reviewers who signed this revision off (intact sign-off records of an intact revision).
    pub signed_off_by: Vec<String>,
    /// The record's chain hash, hex.
    pub hash: String,
    /// None when the record checks out; else what does not match.
    pub broken: Option<String>,
}

/// A sign-off record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signoff {
    /// Revision signed.
    pub revision: i64,
    /// Reviewer.
    pub reviewer: String,
    /// Role.
    pub role: String,
    /// SHA-256 of the signed PDF report, hex.
    pub report_sha256: String,
    /// When, as the library recorded it.
    pub time: String,
    /// Who recorded it (OS user or configured identity).
    pub recorded_by: String,
    /// The time the caller claimed.
    pub claimed_time: Option<String>,
    /// None when the record checks out; else what does not match.
    pub broken: Option<String>,
}

/// What [`Library::verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    /// Records checked.
    pub records: usize,
    /// The hash of the last record (the chain's head).
    pub head: String,
    /// The first broken record and why, when there is one.
    pub first_broken: Option<(String, String)>,
}

/// SHA-256 of bytes, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Now, as RFC 3339 UTC, from the system clock.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    rfc3339_utc(secs)
}

/// Seconds since 1970-01-01T00:00:00Z as RFC 3339 UTC (`2026-12-01T19:26:08Z`).
pub fn rfc3339_utc(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // civil-from-days (Howard Hinnant)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// The OS user: `$USER`, else `$LOGNAME`, else the name of this process's uid in /etc/passwd
/// (what `id -un` prints), else `uid N`.
pub fn os_user() -> String {
    for v in ["USER", "LOGNAME"] {
        if let Some(u) = std::env::var(v).ok().filter(|u| !u.trim().is_empty()) {
            return u;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(uid) = std::fs::metadata("/proc/self").map(|m| m.uid()) {
            let name = std::fs::read_to_string("/etc/passwd").ok().and_then(|p| {
                p.lines().find_map(|l| {
                    let f: Vec<&str> = l.split(':').collect();
                    (f.len() > 2 && f[2] == uid.to_string()).then(|| f[0].to_owned())
                })
            });
            return name.unwrap_or_else(|| format!("uid {uid}"));
        }
    }
    "unknown".into()
}

/// The study library.
pub struct Library {
    conn: Connection,
    path: String,
}

fn classify(path: &str, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => StoreError::Locked { path: path.to_owned() },
        Some(NotADatabase | DatabaseCorrupt) => StoreError::Corrupt { path: path.to_owned(), detail: e.to_string() },
        _ => StoreError::Sqlite(e.to_string()),
    }
}

/// The first schema (user_version 0, no application id): what a library made before version 2
/// holds, and the base the migration adds to.
const SCHEMA_V1: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS studies (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  number INTEGER NOT NULL,
  author TEXT NOT NULL,
  time TEXT NOT NULL,
  reason TEXT NOT NULL,
  name TEXT NOT NULL,
  json TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  UNIQUE (study_id, number)
);
CREATE TABLE IF NOT EXISTS signoffs (
  id INTEGER PRIMARY KEY,
  revision_id INTEGER NOT NULL REFERENCES revisions(id),
  reviewer TEXT NOT NULL,
  role TEXT NOT NULL,
  report_sha256 TEXT NOT NULL,
  time TEXT NOT NULL
);
";

/// Version 2 on top of version 1: the chain columns, claimed author and time, and triggers that
/// keep both record tables append-only.
const MIGRATE_V2: &str = "
ALTER TABLE revisions ADD COLUMN claimed_author TEXT;
ALTER TABLE revisions ADD COLUMN claimed_time TEXT;
ALTER TABLE revisions ADD COLUMN seq INTEGER;
ALTER TABLE revisions ADD COLUMN prev TEXT;
ALTER TABLE revisions ADD COLUMN hash TEXT;
ALTER TABLE signoffs ADD COLUMN study INTEGER REFERENCES studies(id);
ALTER TABLE signoffs ADD COLUMN recorded_by TEXT;
ALTER TABLE signoffs ADD COLUMN claimed_time TEXT;
ALTER TABLE signoffs ADD COLUMN seq INTEGER;
ALTER TABLE signoffs ADD COLUMN prev TEXT;
ALTER TABLE signoffs ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS revisions_seq ON revisions(seq);
CREATE UNIQUE INDEX IF NOT EXISTS signoffs_seq ON signoffs(seq);
";

const TRIGGERS: &str = "
CREATE TRIGGER IF NOT EXISTS revisions_are_immutable BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are read-only: save a new revision'); END;
CREATE TRIGGER IF NOT EXISTS revisions_are_kept BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS signoffs_are_immutable BEFORE UPDATE ON signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are read-only'); END;
CREATE TRIGGER IF NOT EXISTS signoffs_are_kept BEFORE DELETE ON signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are never deleted'); END;
";

/// Any column as text for hashing: a NULL, a number or a blob where text belongs hashes
/// differently from any text, so a wrong type shows as a broken record, never a panic.
fn text_of(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "\u{0}null".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => format!("\u{0}real:{f}"),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(b) => format!("\u{0}blob:{}", sha256_hex(b)),
    }
}

fn opt_text(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null => None,
        other => Some(text_of(other)),
    }
}

/// Length-prefixed fields: no two field lists give the same bytes.
fn canonical(kind: &str, fields: &[&str]) -> String {
    let mut s = format!("yeta-{kind}/2\n");
    for f in fields {
        s.push_str(&format!("{}:{f}\n", f.len()));
    }
    s
}

fn chain_hash(prev: &str, content: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(content.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// One record as stored, read without trusting any column's type.
#[derive(Debug, Clone)]
struct Record {
    seq: String,
    label: String,
    content: String,
    prev: String,
    hash: String,
    /// A mismatch found while reading (the text's SHA-256, a moved sign-off).
    own: Option<String>,
}

impl Record {
    fn check(&self, expected_prev: Option<&str>) -> Option<String> {
        if let Some(w) = &self.own {
            return Some(w.clone());
        }
        if let Some(p) = expected_prev
            && self.prev != p
        {
            return Some("its link to the previous record does not match (a record was removed or reordered)".into());
        }
        if chain_hash(&self.prev, &self.content) != self.hash {
            return Some("its hash does not match its content (edited after it was written)".into());
        }
        None
    }
}

const REV_COLS: &str = "r.seq, s.key, r.number, r.author, r.time, r.claimed_author, r.claimed_time, r.reason, r.name, \
                        r.json, r.sha256, r.prev, r.hash, r.id";
const SIGN_COLS: &str = "g.seq, s.key, r.number, r.hash, g.reviewer, g.role, g.report_sha256, g.time, g.recorded_by, \
                         g.claimed_time, g.prev, g.hash, g.study, r.study_id, g.id";

fn rev_record(row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    let t = |i: usize| row.get_ref(i).map(text_of);
    let (seq, key, number) = (t(0)?, t(1)?, t(2)?);
    let json = t(9)?;
    let stored_sha = t(10)?;
    let actual = sha256_hex(json.as_bytes());
    let content =
        canonical("revision", &[&seq, &key, &number, &actual, &t(3)?, &t(4)?, &t(5)?, &t(6)?, &t(7)?, &t(8)?]);
    let own = (actual != stored_sha)
        .then(|| "the study text does not match its SHA-256 (edited after it was written)".into());
    Ok(Record {
        label: format!("revision {number} of {key} (seq {seq})"),
        seq,
        content,
        prev: t(11)?,
        hash: t(12)?,
        own,
    })
}

fn sign_record(row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    let t = |i: usize| row.get_ref(i).map(text_of);
    let (seq, key, number) = (t(0)?, t(1)?, t(2)?);
    let content = canonical("signoff", &[&seq, &key, &number, &t(3)?, &t(4)?, &t(5)?, &t(6)?, &t(7)?, &t(8)?, &t(9)?]);
    let own = (t(12)? != t(13)?).then(|| "it names another study than the revision it signs (moved)".into());
    Ok(Record {
        label: format!("sign-off of revision {number} of {key} by {} (seq {seq})", t(4)?),
        seq,
        content,
        prev: t(10)?,
        hash: t(11)?,
        own,
    })
}

impl Library {
    /// Opens the library at `path`, creating it (and its directory) when there is no file or an
    /// empty one. A SQLite file without Yeta's application id is refused unchanged, unless it is a
    /// library of the first, unmarked schema, which is migrated.
    pub fn open(path: &Path) -> Result<Self> {
        let p = path.display().to_string();
        if std::fs::metadata(path).map_or(true, |m| m.len() == 0) {
            Self::create(path)?;
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(|e| classify(&p, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| classify(&p, e))?;
        let c = |e| classify(&p, e);
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(c)?;
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(c)?;
        let tables: Vec<String> = {
            let mut st =
                conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map_err(c)?;
            let rows = st.query_map([], |r| r.get(0)).map_err(c)?;
            rows.collect::<std::result::Result<_, _>>().map_err(c)?
        };
        let v1 = ["meta", "revisions", "signoffs", "studies"].iter().all(|t| tables.iter().any(|x| x == t));
        let migrate = match (app, version) {
            (APPLICATION_ID, SCHEMA_VERSION) => false,
            (APPLICATION_ID, v) if v > SCHEMA_VERSION => {
                return Err(StoreError::Newer { path: p, found: v });
            }
            (APPLICATION_ID, _) => true,
            (0, 0) if v1 && tables.len() == 4 => true,
            (application_id, user_version) => {
                return Err(StoreError::Foreign { path: p, application_id, user_version });
            }
        };
        Self::tune(&conn, &p)?;
        let mut lib = Self { conn, path: p };
        if migrate {
            lib.migrate()?;
        }
        Ok(lib)
    }

    /// WAL: readers never block the writer; synchronous=FULL: a commit is on disk when it returns.
    fn tune(conn: &Connection, p: &str) -> Result<()> {
        let c = |e| classify(p, e);
        conn.pragma_update(None, "journal_mode", "WAL").map_err(c)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(c)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(c)
    }

    /// A new library, made whole in a temporary file beside `path` and then linked into place,
    /// so a crash while creating it never leaves a half-made file that later reads as foreign.
    fn create(path: &Path) -> Result<()> {
        let p = path.display().to_string();
        let io = |source| StoreError::Io { path: p.clone(), source };
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.display().to_string(), source })?;
        let name = path.file_name().map_or_else(|| "library".into(), |n| n.to_string_lossy().into_owned());
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let tmp = dir.join(format!(".{name}.{}.{nanos}.creating", std::process::id()));
        let made = (|| {
            let conn = Connection::open(&tmp).map_err(|e| classify(&p, e))?;
            let mut lib = Self { conn, path: p.clone() };
            lib.conn.execute_batch(SCHEMA_V1).map_err(|e| classify(&p, e))?;
            lib.migrate()?;
            Self::tune(&lib.conn, &p)?;
            drop(lib);
            let empty = std::fs::metadata(path).is_ok_and(|m| m.len() == 0);
            if empty {
                std::fs::rename(&tmp, path).map_err(io)
            } else {
                // Another program may have created it meanwhile: theirs stands.
                match std::fs::hard_link(&tmp, path) {
                    Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(io(e)),
                    _ => Ok(()),
                }
            }
        })();
        for ext in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{ext}", tmp.display()));
        }
        made?;
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|source| StoreError::Io { path: dir.display().to_string(), source })
    }

    /// Version 1 → 2 in one transaction: add the columns, then chain the records already there
    /// in the order they were written (revisions, then sign-offs). Their typed author and time
    /// become the claimed ones; the recorded author is `unrecorded (migrated)`.
    fn migrate(&mut self) -> Result<()> {
        let p = self.path.clone();
        let c = |e| classify(&p, e);
        let tx = self.conn.transaction().map_err(c)?;
        tx.execute_batch("DROP TRIGGER IF EXISTS revisions_are_immutable; DROP TRIGGER IF EXISTS revisions_are_kept;")
            .map_err(c)?;
        tx.execute_batch(MIGRATE_V2).map_err(c)?;
        tx.execute_batch(
            "UPDATE revisions SET claimed_author = author, claimed_time = time, author = 'unrecorded (migrated)';
             UPDATE signoffs SET claimed_time = time, recorded_by = 'unrecorded (migrated)',
               study = (SELECT study_id FROM revisions WHERE id = signoffs.revision_id);",
        )
        .map_err(c)?;
        let ids = |sql: &str| -> Result<Vec<i64>> {
            let mut st = tx.prepare(sql).map_err(c)?;
            let rows = st.query_map([], |r| r.get(0)).map_err(c)?;
            rows.collect::<std::result::Result<Vec<i64>, _>>().map_err(c)
        };
        let rev_ids = ids("SELECT id FROM revisions ORDER BY id")?;
        let sign_ids = ids("SELECT id FROM signoffs ORDER BY id")?;
        let mut prev = GENESIS.to_owned();
        let mut seq = 0i64;
        for id in rev_ids {
            seq += 1;
            tx.execute("UPDATE revisions SET seq = ?1, prev = ?2 WHERE id = ?3", params![seq, prev, id]).map_err(c)?;
            let rec = tx
                .query_row(
                    &format!("SELECT {REV_COLS} FROM revisions r JOIN studies s ON s.id = r.study_id WHERE r.id = ?1"),
                    [id],
                    rev_record,
                )
                .map_err(c)?;
            let h = chain_hash(&prev, &rec.content);
            tx.execute("UPDATE revisions SET hash = ?1 WHERE id = ?2", params![h, id]).map_err(c)?;
            prev = h;
        }
        for id in sign_ids {
            seq += 1;
            tx.execute("UPDATE signoffs SET seq = ?1, prev = ?2 WHERE id = ?3", params![seq, prev, id]).map_err(c)?;
            let rec = tx
                .query_row(
                    &format!(
                        "SELECT {SIGN_COLS} FROM signoffs g JOIN revisions r ON r.id = g.revision_id
                         JOIN studies s ON s.id = g.study WHERE g.id = ?1"
                    ),
                    [id],
                    sign_record,
                )
                .map_err(c)?;
            let h = chain_hash(&prev, &rec.content);
            tx.execute("UPDATE signoffs SET hash = ?1 WHERE id = ?2", params![h, id]).map_err(c)?;
            prev = h;
        }
        tx.execute_batch(TRIGGERS).map_err(c)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(c)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(c)?;
        tx.commit().map_err(c)
    }

    /// `PRAGMA integrity_check`: `ok` for a sound database.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| classify(&self.path, e))
    }

    /// The author the library records: the identity set with [`Library::set_identity`], else
    /// the OS user ([`os_user`]).
    pub fn identity(&self) -> Result<String> {
        let set: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'identity'", [], |r| r.get(0))
            .optional()
            .map_err(|e| classify(&self.path, e))?;
        Ok(set.filter(|s| !s.trim().is_empty()).unwrap_or_else(os_user))
    }

    /// Sets the author this library records from now on (e.g. `Kim Minji, MOEF`).
    pub fn set_identity(&mut self, name: &str) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("the identity is empty".into()));
        }
        self.conn
            .execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('identity', ?1)", [name.trim()])
            .map(|_| ())
            .map_err(|e| classify(&self.path, e))
    }

    /// The chain's last (seq, hash) inside a transaction.
    fn head(tx: &rusqlite::Transaction<'_>, p: &str) -> Result<(i64, String)> {
        let c = |e| classify(p, e);
        let seq: i64 = tx
            .query_row(
                "SELECT MAX(m) FROM (SELECT COALESCE(MAX(seq), 0) AS m FROM revisions UNION ALL SELECT COALESCE(MAX(seq), 0) FROM signoffs)",
                [],
                |r| r.get(0),
            )
            .map_err(c)?;
        if seq == 0 {
            return Ok((0, GENESIS.to_owned()));
        }
        let h: Option<String> = tx
            .query_row(
                "SELECT hash FROM revisions WHERE seq = ?1 UNION ALL SELECT hash FROM signoffs WHERE seq = ?1",
                [seq],
                |r| r.get_ref(0).map(text_of),
            )
            .optional()
            .map_err(c)?;
        Ok((seq, h.unwrap_or_else(|| GENESIS.to_owned())))
    }

    /// Saves a study's JSON as a new revision in one transaction; returns its number. The author
    /// and time recorded are the library's ([`Library::identity`], the system clock); `author`
    /// and `time`, when not empty, are kept as what the caller claimed.
    pub fn save(&mut self, key: &str, name: &str, json: &str, author: &str, time: &str, reason: &str) -> Result<i64> {
        let key = key.trim();
        if key.is_empty() || key.chars().any(char::is_whitespace) {
            return Err(StoreError::Invalid(format!("study key \"{key}\": use a short name without spaces")));
        }
        let recorded_by = self.identity()?;
        let recorded_at = now_rfc3339();
        let claim = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
        let p = self.path.clone();
        let c = |e| classify(&p, e);
        let tx = self.conn.transaction().map_err(c)?;
        tx.execute("INSERT OR IGNORE INTO studies (key, created) VALUES (?1, ?2)", params![key, recorded_at])
            .map_err(c)?;
        let study_id: i64 = tx.query_row("SELECT id FROM studies WHERE key = ?1", [key], |r| r.get(0)).map_err(c)?;
        let number: i64 = tx
            .query_row("SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WHERE study_id = ?1", [study_id], |r| {
                r.get(0)
            })
            .map_err(c)?;
        let (last, prev) = Self::head(&tx, &p)?;
        let seq = last + 1;
        let sha = sha256_hex(json.as_bytes());
        let (ca, ct) = (claim(author), claim(time));
        let null = || "\u{0}null".to_owned();
        let content = canonical(
            "revision",
            &[
                &seq.to_string(),
                key,
                &number.to_string(),
                &sha,
                &recorded_by,
                &recorded_at,
                &ca.clone().unwrap_or_else(null),
                &ct.clone().unwrap_or_else(null),
                reason,
                name,
            ],
        );
        let hash = chain_hash(&prev, &content);
        tx.execute(
            "INSERT INTO revisions (study_id, number, author, time, claimed_author, claimed_time, reason, name, json, sha256, seq, prev, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![study_id, number, recorded_by, recorded_at, ca, ct, reason, name, json, sha, seq, prev, hash],
        )
        .map_err(c)?;
        tx.commit().map_err(c)?;
        Ok(number)
    }

    /// Every study, most recently updated first.
    pub fn list(&self) -> Result<Vec<StudyEntry>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT s.key,
                        (SELECT name FROM revisions WHERE study_id = s.id ORDER BY number DESC LIMIT 1),
                        (SELECT COUNT(*) FROM revisions WHERE study_id = s.id),
                        (SELECT time FROM revisions WHERE study_id = s.id ORDER BY number DESC LIMIT 1),
                        (SELECT COUNT(DISTINCT g.revision_id) FROM signoffs g JOIN revisions r ON r.id = g.revision_id WHERE r.study_id = s.id)
                 FROM studies s ORDER BY 4 DESC, s.key",
            )
            .map_err(|e| classify(&self.path, e))?;
        let rows = st
            .query_map([], |r| {
                Ok(StudyEntry {
                    key: r.get_ref(0).map(text_of)?,
                    name: r.get_ref(1).map(opt_text)?.unwrap_or_default(),
                    revisions: r.get(2)?,
                    updated: r.get_ref(3).map(opt_text)?.unwrap_or_default(),
                    signed_off: r.get(4)?,
                })
            })
            .map_err(|e| classify(&self.path, e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| classify(&self.path, e))
    }

    fn study_id(&self, key: &str) -> Result<i64> {
        self.conn
            .query_row("SELECT id FROM studies WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| classify(&self.path, e))?
            .ok_or_else(|| {
                StoreError::NotFound(format!("no study \"{key}\" in the library (`yeta library list` shows them)"))
            })
    }

    /// The hash the record before `seq` holds (GENESIS before the first), for a single-record check.
    fn hash_before(&self, seq: &str) -> Result<Option<String>> {
        let Ok(n) = seq.parse::<i64>() else { return Ok(None) };
        if n <= 1 {
            return Ok(Some(GENESIS.to_owned()));
        }
        self.conn
            .query_row(
                "SELECT hash FROM revisions WHERE seq = ?1 UNION ALL SELECT hash FROM signoffs WHERE seq = ?1",
                [n - 1],
                |r| r.get_ref(0).map(text_of),
            )
            .optional()
            .map_err(|e| classify(&self.path, e))
    }

    fn check(&self, rec: &Record) -> Result<Option<String>> {
        let before = self.hash_before(&rec.seq)?;
        Ok(match before {
            Some(b) => rec.check(Some(&b)),
            None => Some("the record before it in the chain is missing".into()),
        })
    }

    /// The JSON of a revision (the latest when `number` is `None`), after checking its record:
    /// a record that does not match its hash is refused ([`StoreError::Tampered`]).
    pub fn get(&self, key: &str, number: Option<i64>) -> Result<(i64, String)> {
        let id = self.study_id(key)?;
        let sql = format!(
            "SELECT {REV_COLS} FROM revisions r JOIN studies s ON s.id = r.study_id WHERE r.study_id = ?1 {}",
            if number.is_some() { "AND r.number = ?2" } else { "AND ?2 IS NULL ORDER BY r.number DESC LIMIT 1" }
        );
        let row = self
            .conn
            .query_row(&sql, params![id, number], |r| {
                Ok((rev_record(r)?, r.get::<_, i64>(2).ok(), r.get_ref(9).map(text_of)?))
            })
            .optional()
            .map_err(|e| classify(&self.path, e))?;
        let (rec, n, json) = row.ok_or_else(|| {
            StoreError::NotFound(format!(
                "study \"{key}\" has no revision {}",
                number.map_or("yet".into(), |n| n.to_string())
            ))
        })?;
        if let Some(why) = self.check(&rec)? {
            return Err(StoreError::Tampered { path: self.path.clone(), record: rec.label, why });
        }
        let n = n.ok_or_else(|| StoreError::Tampered {
            path: self.path.clone(),
            record: rec.label.clone(),
            why: "its number is not a number".into(),
        })?;
        Ok((n, json))
    }

    /// Every revision of a study, oldest first, each with its record checked (`broken`).
    pub fn history(&self, key: &str) -> Result<Vec<Revision>> {
        let id = self.study_id(key)?;
        let signs = self.signoffs(key)?;
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT {REV_COLS} FROM revisions r JOIN studies s ON s.id = r.study_id WHERE r.study_id = ?1 ORDER BY r.number"
            ))
            .map_err(|e| classify(&self.path, e))?;
        let rows = st
            .query_map([id], |r| {
                let t = |i: usize| r.get_ref(i).map(text_of);
                let o = |i: usize| r.get_ref(i).map(opt_text);
                Ok((
                    rev_record(r)?,
                    Revision {
                        number: r.get::<_, i64>(2).unwrap_or(-1),
                        author: t(3)?,
                        time: t(4)?,
                        claimed_author: o(5)?,
                        claimed_time: o(6)?,
                        reason: t(7)?,
                        sha256: t(10)?,
                        signed_off_by: Vec::new(),
                        hash: t(12)?,
                        broken: None,
                    },
                ))
            })
            .map_err(|e| classify(&self.path, e))?;
        let rows = rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| classify(&self.path, e))?;
        let mut out = Vec::new();
        for (rec, mut rev) in rows {
            rev.broken = self.check(&rec)?;
            rev.signed_off_by = signs
                .iter()
                .filter(|g| g.revision == rev.number && g.broken.is_none() && rev.broken.is_none())
                .map(|g| g.reviewer.clone())
                .collect();
            out.push(rev);
        }
        Ok(out)
    }

    /// Records that a reviewer signed off a revision (the revision itself stays as it was). The
    /// time recorded is the system clock's; `time`, when not empty, is kept as claimed. The
    /// revision's record must check out.
    pub fn sign_off(
        &mut self,
        key: &str,
        number: i64,
        reviewer: &str,
        role: &str,
        report_sha256: &str,
        time: &str,
    ) -> Result<()> {
        if report_sha256.len() != 64 || !report_sha256.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(StoreError::Invalid(format!("report SHA-256 \"{report_sha256}\" is not 64 hex digits")));
        }
        // Refuses a tampered revision before anything is written.
        self.get(key, Some(number))?;
        let id = self.study_id(key)?;
        let recorded_by = self.identity()?;
        let recorded_at = now_rfc3339();
        let claimed = (!time.trim().is_empty()).then(|| time.to_owned());
        let report = report_sha256.to_ascii_lowercase();
        let p = self.path.clone();
        let c = |e| classify(&p, e);
        let tx = self.conn.transaction().map_err(c)?;
        let (rev, rev_hash): (i64, String) = tx
            .query_row("SELECT id, hash FROM revisions WHERE study_id = ?1 AND number = ?2", params![id, number], |r| {
                Ok((r.get(0)?, r.get_ref(1).map(text_of)?))
            })
            .optional()
            .map_err(c)?
            .ok_or_else(|| StoreError::NotFound(format!("study \"{key}\" has no revision {number}")))?;
        let (last, prev) = Self::head(&tx, &p)?;
        let seq = last + 1;
        let content = canonical(
            "signoff",
            &[
                &seq.to_string(),
                key,
                &number.to_string(),
                &rev_hash,
                reviewer,
                role,
                &report,
                &recorded_at,
                &recorded_by,
                &claimed.clone().unwrap_or_else(|| "\u{0}null".into()),
            ],
        );
        let hash = chain_hash(&prev, &content);
        tx.execute(
            "INSERT INTO signoffs (revision_id, reviewer, role, report_sha256, time, study, recorded_by, claimed_time, seq, prev, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![rev, reviewer, role, report, recorded_at, id, recorded_by, claimed, seq, prev, hash],
        )
        .map_err(c)?;
        tx.commit().map_err(c)
    }

    /// Sign-off records of a study (by the study each names), each with its record checked.
    pub fn signoffs(&self, key: &str) -> Result<Vec<Signoff>> {
        let id = self.study_id(key)?;
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT {SIGN_COLS} FROM signoffs g LEFT JOIN revisions r ON r.id = g.revision_id
                 LEFT JOIN studies s ON s.id = g.study WHERE g.study = ?1 OR r.study_id = ?1 ORDER BY g.seq, g.id"
            ))
            .map_err(|e| classify(&self.path, e))?;
        let rows = st
            .query_map([id], |r| {
                let t = |i: usize| r.get_ref(i).map(text_of);
                Ok((
                    sign_record(r)?,
                    Signoff {
                        revision: r.get::<_, i64>(2).unwrap_or(-1),
                        reviewer: t(4)?,
                        role: t(5)?,
                        report_sha256: t(6)?,
                        time: t(7)?,
                        recorded_by: t(8)?,
                        claimed_time: r.get_ref(9).map(opt_text)?,
                        broken: None,
                    },
                ))
            })
            .map_err(|e| classify(&self.path, e))?;
        let rows = rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| classify(&self.path, e))?;
        let mut out = Vec::new();
        for (rec, mut s) in rows {
            s.broken = self.check(&rec)?;
            out.push(s);
        }
        Ok(out)
    }

    /// Walks the whole chain in order and names the first broken record: a content edit, a
    /// removed or reordered record, a sign-off moved to another study, a NULL or wrongly typed
    /// column.
    pub fn verify(&self) -> Result<ChainReport> {
        let c = |e| classify(&self.path, e);
        let mut recs: Vec<(i64, Record)> = Vec::new();
        {
            let mut st = self
                .conn
                .prepare(&format!(
                    "SELECT {REV_COLS} FROM revisions r LEFT JOIN studies s ON s.id = r.study_id ORDER BY r.seq, r.id"
                ))
                .map_err(c)?;
            let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0).unwrap_or(i64::MIN), rev_record(r)?))).map_err(c)?;
            for r in rows {
                recs.push(r.map_err(c)?);
            }
            let mut st = self
                .conn
                .prepare(&format!(
                    "SELECT {SIGN_COLS} FROM signoffs g LEFT JOIN revisions r ON r.id = g.revision_id
                     LEFT JOIN studies s ON s.id = g.study ORDER BY g.seq, g.id"
                ))
                .map_err(c)?;
            let rows =
                st.query_map([], |r| Ok((r.get::<_, i64>(0).unwrap_or(i64::MIN), sign_record(r)?))).map_err(c)?;
            for r in rows {
                recs.push(r.map_err(c)?);
            }
        }
        recs.sort_by_key(|(s, _)| *s);
        let mut prev = GENESIS.to_owned();
        let mut first_broken = None;
        for (i, (seq, rec)) in recs.iter().enumerate() {
            let why = if *seq != i as i64 + 1 {
                Some(format!("it is at place {seq} of the chain where {} was expected (a record was removed)", i + 1))
            } else {
                rec.check(Some(&prev))
            };
            if let Some(why) = why {
                first_broken = Some((rec.label.clone(), why));
                break;
            }
            prev = rec.hash.clone();
        }
        Ok(ChainReport { records: recs.len(), head: prev, first_broken })
    }

    /// Tries to change a stored revision: always refused (a new revision is the way to edit).
    pub fn try_overwrite(&mut self, key: &str, number: i64, json: &str) -> Result<()> {
        let id = self.study_id(key)?;
        self.conn
            .execute("UPDATE revisions SET json = ?3 WHERE study_id = ?1 AND number = ?2", params![id, number, json])
            .map(|_| ())
            .map_err(|e| StoreError::Invalid(e.to_string()))
    }
}

/// The library's default location: `$YETA_DATA_DIR`, else `$XDG_DATA_HOME/yeta`, else
/// `~/.local/share/yeta`; the file is `library.sqlite` there.
pub fn default_path() -> PathBuf {
    let dir = std::env::var_os("YETA_DATA_DIR").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("XDG_DATA_HOME")
            .map(|d| PathBuf::from(d).join("yeta"))
            .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".local/share/yeta"))
    });
    dir.join("library.sqlite")
}

/// Writes a file atomically (see [`yeta_service::fs::atomic_write`], which this calls): a crash
/// leaves the old file or the new one, never a torn one.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    yeta_service::fs::atomic_write(path, bytes).map_err(|e| match e {
        yeta_service::fs::FsError::Io { path, source } => StoreError::Io { path: path.display().to_string(), source },
        other => StoreError::Invalid(other.to_string()),
    })
}
