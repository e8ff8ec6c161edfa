//! A server killed (SIGKILL) in the middle of submissions loses no acknowledged revision and
//! leaves none half-written: every write is one transaction.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn serve(db: &str, port: u16) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_yeta-registry"))
        .args(["--database-url", db, "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let agent = common::agent();
    let t = Instant::now();
    while agent.get(&format!("http://127.0.0.1:{port}/v1/health")).call().is_err() {
        assert!(t.elapsed() < Duration::from_secs(30), "the registry did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

#[test]
fn killed_mid_submission_loses_no_acknowledged_revision() {
    let Some(cluster) = common::cluster() else { return };
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let db = common::fresh_db(&rt, &cluster, "reg_crash");
    let admin = String::from_utf8(
        Command::new(env!("CARGO_BIN_EXE_yeta-registry"))
            .args(["--database-url", &db, "add-admin", "admin"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_owned();
    let port = free_port();
    let mut child = serve(&db, port);
    let base = format!("http://127.0.0.1:{port}");
    let agent = common::agent();
    let officer: serde_json::Value = serde_json::from_str(
        &agent
            .post(&format!("{base}/v1/users"))
            .header("Authorization", &format!("Bearer {admin}"))
            .content_type("application/json")
            .send(r#"{"name": "officer", "role": "officer", "ministry": "국토교통부"}"#)
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap(),
    )
    .unwrap();
    let token = officer["token"].as_str().unwrap().to_owned();
    let rail = common::fixture("rail-wide-area");
    let acked: Arc<Mutex<Vec<(String, i64, String)>>> = Arc::default();
    let threads: Vec<_> = (0..6)
        .map(|t| {
            let (acked, token, base, rail) = (acked.clone(), token.clone(), base.clone(), rail.clone());
            std::thread::spawn(move || {
                let agent = common::agent();
                for i in 0.. {
                    let key = format!("s{}", (t * 7 + i) % 5);
                    let text = rail.replacen("\"name\": \"", &format!("\"name\": \"{t}-{i} "), 1);
                    let body = serde_json::json!({"key": key, "study": text}).to_string();
                    let r = agent
                        .post(&format!("{base}/v1/studies"))
                        .header("Authorization", &format!("Bearer {token}"))
                        .content_type("application/json")
                        .send(&body);
                    let Ok(mut r) = r else { return };
                    if r.status() == 200 {
                        let v: serde_json::Value =
                            serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap();
                        acked.lock().unwrap().push((
                            key,
                            v["revision"].as_i64().unwrap(),
                            v["sha256"].as_str().unwrap().to_owned(),
                        ));
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(2500));
    child.kill().unwrap(); // SIGKILL: no graceful shutdown
    child.wait().unwrap();
    for t in threads {
        t.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 10, "too few submissions before the kill: {}", acked.len());
    eprintln!("{} submissions acknowledged before the kill", acked.len());

    // After a restart, every acknowledged revision is there with its text, and the database is
    // consistent: revisions 1..latest, one event and one audit entry each.
    let mut child = serve(&db, port);
    let (c, conn) = rt.block_on(tokio_postgres::connect(&db, tokio_postgres::NoTls)).unwrap();
    rt.spawn(conn);
    rt.block_on(async {
        for (key, n, sha) in &acked {
            let n = *n as i32;
            let row = c
                .query_one("SELECT r.sha256, r.text FROM revisions r JOIN studies s ON s.id = r.study_id WHERE s.key = $1 AND r.number = $2", &[key, &n])
                .await
                .unwrap();
            assert_eq!(&row.get::<_, String>(0), sha);
            assert_eq!(&common_sha(&row.get::<_, String>(1)), sha, "{key}#{n}: text and hash disagree");
        }
        for row in c.query("SELECT s.id, s.latest, COUNT(r.id), MIN(r.number), MAX(r.number) FROM studies s LEFT JOIN revisions r ON r.study_id = s.id GROUP BY s.id", &[]).await.unwrap() {
            let (latest, count, min, max): (i32, i64, Option<i32>, Option<i32>) = (row.get(1), row.get(2), row.get(3), row.get(4));
            assert_eq!((count, min, max), (latest as i64, Some(1), Some(latest)), "a study's revisions are not 1..latest");
        }
        let revs: i64 = c.query_one("SELECT COUNT(*) FROM revisions", &[]).await.unwrap().get(0);
        let evs: i64 = c.query_one("SELECT COUNT(*) FROM events", &[]).await.unwrap().get(0);
        let aud: i64 = c.query_one("SELECT COUNT(*) FROM audit WHERE action = 'submit'", &[]).await.unwrap().get(0);
        assert_eq!((evs, aud), (revs, revs), "a revision without its event or audit entry");
        assert!(revs as usize >= acked.len());
    });
    // And it still takes submissions.
    let r = agent
        .post(&format!("{base}/v1/studies"))
        .header("Authorization", &format!("Bearer {token}"))
        .content_type("application/json")
        .send(&serde_json::json!({"key": "after", "study": rail}).to_string())
        .unwrap();
    assert_eq!(r.status(), 200);
    child.kill().unwrap();
    child.wait().unwrap();
}

fn common_sha(t: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(t.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
