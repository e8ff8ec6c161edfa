//! # yeta-store: the study library and atomic file saves
//!
//! Budget officers keep many studies and every revision of each; reviewers record which
//! revision they signed off. The library is one SQLite database (WAL mode) in the user's data
//! directory:
//!
//! - `studies`: one row per study, keyed by a short name;
//! - `revisions`: every saved version of a study's JSON, with author, time, a one-line reason and
//!   the SHA-256 of the text. Revisions are never changed: an edit is a new revision, so a
//!   signed-off revision stays exactly as signed;
//! - `signoffs`: which revision a reviewer signed, in which role, and the SHA-256 of the signed
//!   report.
//!
//! Each save is one transaction, so a crash (even SIGKILL) leaves either the whole revision or
//! none of it. Times are passed in by the caller: the library reads no clock.
#![deny(missing_docs)]

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Duration;
use thiserror::Error;

/// How long a writer waits for another program's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

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
    /// Who saved it.
    pub author: String,
    /// When (as the caller gave it, e.g. RFC 3339).
    pub time: String,
    /// Why, in one line.
    pub reason: String,
    /// SHA-256 of the JSON text, hex.
    pub sha256: String,
    /// Reviewers who signed this revision off.
    pub signed_off_by: Vec<String>,
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
    /// When.
    pub time: String,
}

/// SHA-256 of bytes, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
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

const SCHEMA: &str = "
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
CREATE TRIGGER IF NOT EXISTS revisions_are_immutable BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are read-only: save a new revision'); END;
CREATE TRIGGER IF NOT EXISTS revisions_are_kept BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;
";

impl Library {
    /// Opens (creating if needed) the library at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let p = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|source| StoreError::Io { path: dir.display().to_string(), source })?;
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)
            .map_err(|e| classify(&p, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| classify(&p, e))?;
        // WAL: readers never block the writer; synchronous=FULL: a commit is on disk when it returns.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| classify(&p, e))?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(|e| classify(&p, e))?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(|e| classify(&p, e))?;
        conn.execute_batch(SCHEMA).map_err(|e| classify(&p, e))?;
        Ok(Self { conn, path: p })
    }

    /// `PRAGMA integrity_check`: `ok` for a sound database.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| classify(&self.path, e))
    }

    /// Saves a study's JSON as a new revision in one transaction; returns its number.
    pub fn save(&mut self, key: &str, name: &str, json: &str, author: &str, time: &str, reason: &str) -> Result<i64> {
        let key = key.trim();
        if key.is_empty() || key.chars().any(char::is_whitespace) {
            return Err(StoreError::Invalid(format!("study key \"{key}\": use a short name without spaces")));
        }
        let p = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| classify(&p, e))?;
        tx.execute("INSERT OR IGNORE INTO studies (key, created) VALUES (?1, ?2)", params![key, time])
            .map_err(|e| classify(&p, e))?;
        let study_id: i64 =
            tx.query_row("SELECT id FROM studies WHERE key = ?1", [key], |r| r.get(0)).map_err(|e| classify(&p, e))?;
        let number: i64 = tx
            .query_row("SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WHERE study_id = ?1", [study_id], |r| {
                r.get(0)
            })
            .map_err(|e| classify(&p, e))?;
        tx.execute(
            "INSERT INTO revisions (study_id, number, author, time, reason, name, json, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![study_id, number, author, time, reason, name, json, sha256_hex(json.as_bytes())],
        )
        .map_err(|e| classify(&p, e))?;
        tx.commit().map_err(|e| classify(&p, e))?;
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
                    key: r.get(0)?,
                    name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    revisions: r.get(2)?,
                    updated: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
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

    /// The JSON of a revision (the latest when `number` is `None`).
    pub fn get(&self, key: &str, number: Option<i64>) -> Result<(i64, String)> {
        let id = self.study_id(key)?;
        let row = match number {
            Some(n) => self.conn.query_row(
                "SELECT number, json FROM revisions WHERE study_id = ?1 AND number = ?2",
                params![id, n],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ),
            None => self.conn.query_row(
                "SELECT number, json FROM revisions WHERE study_id = ?1 ORDER BY number DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ),
        };
        row.optional().map_err(|e| classify(&self.path, e))?.ok_or_else(|| {
            StoreError::NotFound(format!(
                "study \"{key}\" has no revision {}",
                number.map_or("yet".into(), |n| n.to_string())
            ))
        })
    }

    /// Every revision of a study, oldest first.
    pub fn history(&self, key: &str) -> Result<Vec<Revision>> {
        let id = self.study_id(key)?;
        let mut st = self
            .conn
            .prepare(
                "SELECT r.number, r.author, r.time, r.reason, r.sha256,
                        COALESCE((SELECT group_concat(reviewer, ', ') FROM signoffs WHERE revision_id = r.id), '')
                 FROM revisions r WHERE r.study_id = ?1 ORDER BY r.number",
            )
            .map_err(|e| classify(&self.path, e))?;
        let rows = st
            .query_map([id], |r| {
                let who: String = r.get(5)?;
                Ok(Revision {
                    number: r.get(0)?,
                    author: r.get(1)?,
                    time: r.get(2)?,
                    reason: r.get(3)?,
                    sha256: r.get(4)?,
                    signed_off_by: who.split(", ").filter(|s| !s.is_empty()).map(str::to_owned).collect(),
                })
            })
            .map_err(|e| classify(&self.path, e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| classify(&self.path, e))
    }

    /// Records that a reviewer signed off a revision (the revision itself stays as it was).
    pub fn sign_off(
        &mut self,
        key: &str,
        number: i64,
        reviewer: &str,
        role: &str,
        report_sha256: &str,
        time: &str,
    ) -> Result<()> {
        let id = self.study_id(key)?;
        let p = self.path.clone();
        let rev: i64 = self
            .conn
            .query_row("SELECT id FROM revisions WHERE study_id = ?1 AND number = ?2", params![id, number], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| classify(&p, e))?
            .ok_or_else(|| StoreError::NotFound(format!("study \"{key}\" has no revision {number}")))?;
        if report_sha256.len() != 64 || !report_sha256.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(StoreError::Invalid(format!("report SHA-256 \"{report_sha256}\" is not 64 hex digits")));
        }
        self.conn
            .execute(
                "INSERT INTO signoffs (revision_id, reviewer, role, report_sha256, time) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![rev, reviewer, role, report_sha256.to_ascii_lowercase(), time],
            )
            .map_err(|e| classify(&p, e))?;
        Ok(())
    }

    /// Sign-off records of a study.
    pub fn signoffs(&self, key: &str) -> Result<Vec<Signoff>> {
        let id = self.study_id(key)?;
        let mut st = self
            .conn
            .prepare(
                "SELECT r.number, g.reviewer, g.role, g.report_sha256, g.time FROM signoffs g
                 JOIN revisions r ON r.id = g.revision_id WHERE r.study_id = ?1 ORDER BY g.id",
            )
            .map_err(|e| classify(&self.path, e))?;
        let rows = st
            .query_map([id], |r| {
                Ok(Signoff {
                    revision: r.get(0)?,
                    reviewer: r.get(1)?,
                    role: r.get(2)?,
                    report_sha256: r.get(3)?,
                    time: r.get(4)?,
                })
            })
            .map_err(|e| classify(&self.path, e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| classify(&self.path, e))
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
