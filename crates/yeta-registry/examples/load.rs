//! The registry's load benchmark (not a test): N studies submitted through the API by officers
//! of five ministries, then C concurrent clients mixing list (60%), portfolio (20%) and submit
//! (20%) for S seconds; prints p50/p95/p99 per operation and the throughput, and times the whole
//! portfolio. Needs `YETA_REGISTRY_TEST_URL` (scripts/registry-load.sh starts a cluster).
//!
//! ```text
//! bash scripts/registry-load.sh                     # 10,000 studies, 50 clients, 30 s (release)
//! bash scripts/registry-load.sh --studies 200 --clients 5 --seconds 2   # smoke
//! ```
#![allow(clippy::unwrap_used)]

use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn arg(name: &str, default: u64) -> u64 {
    let a: Vec<String> = std::env::args().collect();
    a.iter().position(|x| x == name).and_then(|i| a.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

struct C {
    base: String,
    agent: ureq::Agent,
}

impl C {
    fn req(&self, method: &str, path: &str, token: &str, body: Option<&Value>) -> (u16, Value) {
        let url = format!("{}{path}", self.base);
        let auth = format!("Bearer {token}");
        let mut r = match body {
            None => self.agent.get(&url).header("Authorization", &auth).call(),
            Some(b) => {
                let _ = method;
                self.agent
                    .post(&url)
                    .header("Authorization", &auth)
                    .content_type("application/json")
                    .send(b.to_string().as_bytes())
            }
        }
        .unwrap();
        let s = r.status().as_u16();
        (
            s,
            serde_json::from_slice(&r.body_mut().with_config().limit(200 << 20).read_to_vec().unwrap())
                .unwrap_or(Value::Null),
        )
    }
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let (n, clients, secs) = (arg("--studies", 10_000), arg("--clients", 50), arg("--seconds", 30));
    let Ok(cluster) = std::env::var("YETA_REGISTRY_TEST_URL") else {
        eprintln!("set YETA_REGISTRY_TEST_URL (scripts/registry-load.sh does)");
        std::process::exit(2);
    };
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let db = rt.block_on(async {
        let (c, conn) = tokio_postgres::connect(&cluster, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(conn);
        c.batch_execute("DROP DATABASE IF EXISTS reg_load WITH (FORCE)").await.unwrap();
        c.batch_execute("CREATE DATABASE reg_load").await.unwrap();
        format!("{}/reg_load", cluster.rsplit_once('/').unwrap().0)
    });
    let (base, admin) = rt.block_on(async {
        let pool = yeta_registry::pool(&db, 32).unwrap();
        yeta_registry::migrate(&pool).await.unwrap();
        let reg = Arc::new(yeta_registry::Registry::new(pool));
        let admin = reg.add_admin("admin").await.unwrap();
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", l.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(l, yeta_registry::http::router(reg, 16 << 20)).await });
        (base, admin)
    });
    let c = C { base: base.clone(), agent: ureq::Agent::config_builder().http_status_as_error(false).build().into() };
    let ministries = ["국토교통부", "과학기술정보통신부", "해양수산부", "환경부", "행정안전부"];
    let officers: Vec<String> = ministries
        .iter()
        .enumerate()
        .map(|(i, m)| {
            c.req(
                "POST",
                "/v1/users",
                &admin,
                Some(&json!({"name": format!("officer-{i}"), "role": "officer", "ministry": m})),
            )
            .1["token"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let reviewer =
        c.req("POST", "/v1/users", &admin, Some(&json!({"name": "reviewer", "role": "reviewer"}))).1["token"]
            .as_str()
            .unwrap()
            .to_owned();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/");
    let fixtures: Vec<String> = ["rail-wide-area", "road-national-route", "ict-e-procurement"]
        .iter()
        .map(|f| std::fs::read_to_string(format!("{dir}{f}.yeta.json")).unwrap())
        .collect();
    let study =
        |i: u64, rev: u64| fixtures[(i % 3) as usize].replacen("\"name\": \"", &format!("\"name\": \"#{i}.{rev} "), 1);

    // Seed through the API, 16 at a time.
    let t = Instant::now();
    std::thread::scope(|s| {
        for w in 0..16u64 {
            let (c, officers, study) = (&c, &officers, &study);
            s.spawn(move || {
                for i in (w..n).step_by(16) {
                    let (st, v) = c.req(
                        "POST",
                        "/v1/studies",
                        &officers[(i % 5) as usize],
                        Some(&json!({"key": format!("s{i}"), "study": study(i, 0)})),
                    );
                    assert_eq!(st, 200, "{v}");
                }
            });
        }
    });
    let seed = t.elapsed().as_secs_f64();
    println!("seeded {n} studies through the API in {seed:.1} s ({:.0} submits/s, 16 clients)", n as f64 / seed);

    // The whole portfolio, alone: first (appraisals cached at submit) and again.
    for label in ["portfolio of all studies", "again"] {
        let t = Instant::now();
        let (s, v) = c.req("GET", "/v1/portfolio?per_page=50", &reviewer, None);
        assert_eq!((s, v["total"].as_u64()), (200, Some(n)));
        println!("{label}: {:.0} ms ({} ranked)", t.elapsed().as_secs_f64() * 1e3, v["total"]);
    }

    // The mix.
    let stop = Instant::now() + Duration::from_secs(secs);
    let results: Vec<Vec<(u8, f64, u16)>> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..clients)
            .map(|k| {
                let (c, officers, reviewer, study, base) = (&c, &officers, &reviewer, &study, &base);
                s.spawn(move || {
                    let c = C { base: base.clone(), agent: c.agent.clone() };
                    let mut out = Vec::new();
                    let mut x = k.wrapping_mul(2_654_435_761) | 1;
                    let mut rev = 1;
                    while Instant::now() < stop {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        let pick = x % 10;
                        let t = Instant::now();
                        let (op, (st, _)) = if pick < 6 {
                            let filt =
                                ["", "&sector=rail", "&status=submitted", "&region=KR-11"][(x / 10 % 4) as usize];
                            (
                                0,
                                c.req(
                                    "GET",
                                    &format!("/v1/studies?page={}{filt}", x / 100 % 50 + 1),
                                    if x % 3 == 0 { &officers[(x % 5) as usize] } else { reviewer },
                                    None,
                                ),
                            )
                        } else if pick < 8 {
                            let filt = ["", "?sector=road", "?budget=5000000000000", "?status=submitted&page=3"]
                                [(x / 10 % 4) as usize];
                            (1, c.req("GET", &format!("/v1/portfolio{filt}"), reviewer, None))
                        } else {
                            let i = x / 10 % n;
                            rev += 1;
                            (
                                2,
                                c.req(
                                    "POST",
                                    "/v1/studies",
                                    &officers[(i % 5) as usize],
                                    Some(&json!({"key": format!("s{i}"), "study": study(i, rev * 1000 + k)})),
                                ),
                            )
                        };
                        out.push((op, t.elapsed().as_secs_f64() * 1e3, st));
                    }
                    out
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let all: Vec<(u8, f64, u16)> = results.into_iter().flatten().collect();
    let errors = all.iter().filter(|r| r.2 != 200).count();
    println!(
        "{clients} clients for {secs} s over {n} studies: {} requests, {:.0} requests/s, {errors} not 200",
        all.len(),
        all.len() as f64 / secs as f64
    );
    for (op, name) in [(0u8, "list"), (1, "portfolio"), (2, "submit")] {
        let mut v: Vec<f64> = all.iter().filter(|r| r.0 == op).map(|r| r.1).collect();
        let k = v.len();
        println!(
            "  {name:<9} {k:>6} requests  p50 {:>7.1} ms  p95 {:>7.1} ms  p99 {:>7.1} ms",
            pct(&mut v, 0.5),
            pct(&mut v, 0.95),
            pct(&mut v, 0.99)
        );
    }
    let mut v: Vec<f64> = all.iter().map(|r| r.1).collect();
    println!(
        "  all       {:>6} requests  p50 {:>7.1} ms  p95 {:>7.1} ms  p99 {:>7.1} ms",
        v.len(),
        pct(&mut v, 0.5),
        pct(&mut v, 0.95),
        pct(&mut v, 0.99)
    );
    println!("process memory (server and clients): {:.0} MB", rss_mb());
}
