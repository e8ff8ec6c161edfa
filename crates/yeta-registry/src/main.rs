//! `yeta-registry`: the shared review registry's server.
//!
//! ```text
//! yeta-registry --database-url postgres://yeta@localhost/yeta --listen 127.0.0.1:8700
//! yeta-registry --database-url … add-admin "MOEF admin"      # prints the first admin's token
//! ```
//! Settings come from the flags, else `YETA_REGISTRY_*` environment variables, else `--config FILE`.

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};
use std::sync::Arc;
use yeta_registry::{Config, Registry};

#[derive(Parser)]
#[command(name = "yeta-registry", version, about = "Yeta's shared review registry (PostgreSQL)")]
struct Cli {
    /// PostgreSQL connection URL (env YETA_REGISTRY_DATABASE_URL).
    #[arg(long)]
    database_url: Option<String>,
    /// Address to listen on (env YETA_REGISTRY_LISTEN; default 127.0.0.1:8700).
    #[arg(long)]
    listen: Option<String>,
    /// A settings file of `key = value` lines (database_url, listen, max_body, pool).
    #[arg(long)]
    config: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create the schema if needed and add an administrator; prints its token once.
    AddAdmin {
        /// The administrator's name.
        name: String,
    },
    /// Create or update the schema and exit.
    Migrate,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let mut cfg = Config::default();
    if let Some(p) = &cli.config {
        cfg.apply_file(&std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?)?;
    }
    cfg.apply_env()?;
    if let Some(u) = cli.database_url {
        cfg.database_url = u;
    }
    if let Some(l) = cli.listen {
        cfg.listen = l;
    }
    anyhow::ensure!(!cfg.database_url.is_empty(), "no database: give --database-url or YETA_REGISTRY_DATABASE_URL");
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let pool = yeta_registry::pool(&cfg.database_url, cfg.pool)?;
        yeta_registry::migrate(&pool).await?;
        let reg = Arc::new(Registry::new(pool));
        match cli.command {
            Some(Cmd::AddAdmin { name }) => {
                let token = reg.add_admin(&name).await.map_err(|e| anyhow::anyhow!(e.message(yeta_i18n::Lang::En)))?;
                println!("{token}");
                Ok(())
            }
            Some(Cmd::Migrate) => Ok(()),
            None => {
                let listener = tokio::net::TcpListener::bind(&cfg.listen)
                    .await
                    .with_context(|| format!("listening on {}", cfg.listen))?;
                eprintln!("yeta-registry: listening on http://{}", listener.local_addr()?);
                axum::serve(listener, yeta_registry::http::router(reg, cfg.max_body))
                    .with_graceful_shutdown(async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await?;
                Ok(())
            }
        }
    })
}
