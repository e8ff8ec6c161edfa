//! # yeta-registry: the shared review registry
//!
//! One PostgreSQL database holds every ministry's studies with every revision, the review steps
//! (who, when), reviewers' comments by field path, signed reports with their certificate
//! fingerprints, the reviewer-certificate trust list, users and an audit log of every write.
//! Every figure is the engine's: a revision is appraised by `yeta_core` when it is submitted and
//! the portfolio is `yeta_core::compare` over the visible studies; a sign-off runs
//! `yeta_report::check_for_signoff`, the same checks as `yeta library signoff`.
//!
//! [`service`] holds the request logic (testable without HTTP); [`http`] is the thin axum shell.

pub mod error;
pub mod http;
pub mod service;

pub use error::ApiError;
pub use service::{Registry, User};

use anyhow::{Context as _, Result};
use std::str::FromStr as _;

/// The schema, in order; each runs once, in one transaction.
pub const MIGRATIONS: &[(i32, &str)] =
    &[(1, include_str!("../migrations/0001_init.sql")), (2, include_str!("../migrations/0002_signer.sql"))];

/// The server's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// `postgres://user@host:port/db` (or key=value form).
    pub database_url: String,
    /// Address to listen on, e.g. `127.0.0.1:8700`.
    pub listen: String,
    /// Largest request body, bytes (a signed report is the largest thing sent).
    pub max_body: usize,
    /// Database connections.
    pub pool: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self { database_url: String::new(), listen: "127.0.0.1:8700".into(), max_body: 16 << 20, pool: 16 }
    }
}

impl Config {
    /// Applies `key = value` lines (`database_url`, `listen`, `max_body`, `pool`; `#` comments).
    pub fn apply_file(&mut self, text: &str) -> Result<()> {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line.split_once('=').with_context(|| format!("line {}: expected key = value", i + 1))?;
            self.set(k.trim(), v.trim().trim_matches('"')).with_context(|| format!("line {}", i + 1))?;
        }
        Ok(())
    }

    /// Applies `YETA_REGISTRY_DATABASE_URL`, `_LISTEN`, `_MAX_BODY`, `_POOL`.
    pub fn apply_env(&mut self) -> Result<()> {
        for k in ["database_url", "listen", "max_body", "pool"] {
            if let Ok(v) = std::env::var(format!("YETA_REGISTRY_{}", k.to_ascii_uppercase())) {
                self.set(k, &v)?;
            }
        }
        Ok(())
    }

    fn set(&mut self, k: &str, v: &str) -> Result<()> {
        match k {
            "database_url" => self.database_url = v.to_owned(),
            "listen" => self.listen = v.to_owned(),
            "max_body" => self.max_body = v.parse().context("max_body: a number of bytes")?,
            "pool" => self.pool = v.parse().context("pool: a number of connections")?,
            other => anyhow::bail!("unknown setting {other}"),
        }
        Ok(())
    }
}

/// A connection pool to `url`. The connection is not encrypted: run PostgreSQL on the same host
/// or a trusted network (README, "Running a registry").
pub fn pool(url: &str, size: usize) -> Result<deadpool_postgres::Pool> {
    let pg = tokio_postgres::Config::from_str(url).context("the database URL")?;
    let mgr = deadpool_postgres::Manager::from_config(
        pg,
        tokio_postgres::NoTls,
        deadpool_postgres::ManagerConfig { recycling_method: deadpool_postgres::RecyclingMethod::Fast },
    );
    deadpool_postgres::Pool::builder(mgr)
        .max_size(size.max(1))
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .build()
        .context("the connection pool")
}

/// Brings the schema up to date; an advisory lock keeps two servers starting at once apart.
pub async fn migrate(pool: &deadpool_postgres::Pool) -> Result<()> {
    let mut c = pool.get().await.context("connecting to the database")?;
    let tx = c.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock(720318)", &[]).await?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now())")
        .await?;
    for (v, sql) in MIGRATIONS {
        let done = tx.query_opt("SELECT 1 FROM schema_migrations WHERE version = $1", &[v]).await?.is_some();
        if !done {
            tx.batch_execute(sql).await.with_context(|| format!("migration {v}"))?;
            tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[v]).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
