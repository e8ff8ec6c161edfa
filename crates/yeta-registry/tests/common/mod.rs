//! The test harness: a fresh database per test in the PostgreSQL cluster that
//! `scripts/test.d/50-registry.sh` starts (its URL in `YETA_REGISTRY_TEST_URL`), and the registry
//! serving it on a free loopback port. Without that variable the tests say so and pass, so
//! `cargo test --workspace` works on a machine without PostgreSQL.
#![allow(dead_code, clippy::unwrap_used)]

use serde_json::Value;
use std::sync::Arc;

pub struct Env {
    pub base: String,
    pub admin: String,
    pub db_url: String,
    pub rt: tokio::runtime::Runtime,
    agent: ureq::Agent,
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// The cluster's URL, or `None` (and a note) when the registry tests are not enabled.
pub fn cluster() -> Option<String> {
    match std::env::var("YETA_REGISTRY_TEST_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            eprintln!(
                "YETA_REGISTRY_TEST_URL is not set: registry tests skipped (scripts/test.d/50-registry.sh runs them)"
            );
            None
        }
    }
}

/// Drops and creates database `name` in the cluster; returns its URL.
pub fn fresh_db(rt: &tokio::runtime::Runtime, cluster: &str, name: &str) -> String {
    rt.block_on(async {
        let (c, conn) = tokio_postgres::connect(cluster, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(conn);
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.unwrap();
        c.batch_execute(&format!("CREATE DATABASE {name}")).await.unwrap();
    });
    let base = cluster.rsplit_once('/').map_or(cluster, |(b, _)| b);
    format!("{base}/{name}")
}

/// A registry over a fresh database `name`, with an administrator `admin`.
pub fn start(name: &str, max_body: usize) -> Option<Env> {
    let cluster = cluster()?;
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(4).enable_all().build().unwrap();
    let db_url = fresh_db(&rt, &cluster, name);
    let (base, admin) = rt.block_on(async {
        let pool = yeta_registry::pool(&db_url, 8).unwrap();
        yeta_registry::migrate(&pool).await.unwrap();
        let reg = Arc::new(yeta_registry::Registry::new(pool));
        let admin = reg.add_admin("admin").await.unwrap();
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", l.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(l, yeta_registry::http::router(reg, max_body)).await });
        (base, admin)
    });
    Some(Env { base, admin, db_url, rt, agent: agent() })
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../fixtures/{name}.yeta.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

impl Env {
    /// One request: (status, JSON body or `null`).
    pub fn call(&self, method: &str, path: &str, token: Option<&str>, body: Option<(&str, Vec<u8>)>) -> (u16, Value) {
        let (s, b) = self.raw(method, path, token, body);
        (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
    }

    pub fn raw(&self, method: &str, path: &str, token: Option<&str>, body: Option<(&str, Vec<u8>)>) -> (u16, Vec<u8>) {
        let url = format!("{}{path}", self.base);
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut resp = match (method, body) {
            ("GET", _) => {
                let mut r = self.agent.get(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.call()
            }
            ("DELETE", _) => {
                let mut r = self.agent.delete(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.call()
            }
            ("PATCH", b) => {
                let mut r = self.agent.patch(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                let (ct, bytes) = b.unwrap_or(("application/json", Vec::new()));
                r.content_type(ct).send(&bytes[..])
            }
            (_, b) => {
                let mut r = self.agent.post(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                let (ct, bytes) = b.unwrap_or(("application/json", Vec::new()));
                r.content_type(ct).send(&bytes[..])
            }
        }
        .unwrap();
        let s = resp.status().as_u16();
        let b = resp.body_mut().with_config().limit(100 << 20).read_to_vec().unwrap();
        (s, b)
    }

    pub fn get(&self, path: &str, token: &str) -> (u16, Value) {
        self.call("GET", path, Some(token), None)
    }

    pub fn post(&self, path: &str, token: &str, body: &Value) -> (u16, Value) {
        self.call("POST", path, Some(token), Some(("application/json", body.to_string().into_bytes())))
    }

    /// Adds a user; returns its token.
    pub fn user(&self, name: &str, role: &str, ministry: Option<&str>) -> String {
        let (s, v) =
            self.post("/v1/users", &self.admin, &serde_json::json!({"name": name, "role": role, "ministry": ministry}));
        assert_eq!(s, 200, "{v}");
        v["token"].as_str().unwrap().to_owned()
    }

    /// A reviewer whose sign-offs must carry a trusted signature by `signer` (the certificate subject).
    pub fn reviewer(&self, name: &str, signer: &str) -> String {
        let (s, v) = self.post(
            "/v1/users",
            &self.admin,
            &serde_json::json!({"name": name, "role": "reviewer", "signer": signer}),
        );
        assert_eq!(s, 200, "{v}");
        v["token"].as_str().unwrap().to_owned()
    }

    pub fn submit(&self, token: &str, key: &str, text: &str, draft: bool) -> (u16, Value) {
        self.post("/v1/studies", token, &serde_json::json!({"key": key, "study": text, "draft": draft}))
    }

    /// A count straight from the database, to see that a refused request changed nothing.
    pub fn count(&self, table: &str) -> i64 {
        let url = self.db_url.clone();
        let sql = format!("SELECT COUNT(*) FROM {table}");
        self.rt.block_on(async move {
            let (c, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.unwrap();
            tokio::spawn(conn);
            c.query_one(&sql, &[]).await.unwrap().get::<_, i64>(0)
        })
    }

    /// Every table's row count.
    pub fn counts(&self) -> Vec<i64> {
        ["users", "studies", "revisions", "events", "comments", "signoffs", "trust", "audit"]
            .iter()
            .map(|t| self.count(t))
            .collect()
    }
}
