//! Crash safety of the study library: a writer saving revisions is killed with SIGKILL at
//! random moments, again and again; afterwards the database passes `PRAGMA integrity_check`
//! and holds every revision the writer reported committed, with the right content hash.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn sigkill_during_saves_loses_nothing_committed() {
    let dir = std::env::temp_dir().join(format!("yeta-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("library.sqlite");
    let mut committed: Vec<(i64, String)> = Vec::new();
    let mut seed: u64 = 0x5EED_CAFE;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..12 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_yeta"))
            .args(["library", "--db", db.to_str().expect("path"), "stress", "--count", "1000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("writer starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        std::thread::sleep(Duration::from_millis(30 + next() % 400));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let _ = reader.join();
        let before = committed.len();
        for line in rx.try_iter() {
            let (n, sha) = line.split_once(' ').expect("`n sha` line");
            committed.push((n.parse().expect("number"), sha.to_owned()));
        }
        assert!(committed.len() >= before, "round {round}");
    }
    assert!(committed.len() > 20, "the writer committed only {} saves", committed.len());
    let lib = yeta_store::Library::open(&db).expect("the library opens after the kills");
    assert_eq!(lib.integrity_check().expect("check"), "ok");
    let history = lib.history("stress").expect("history");
    for (n, sha) in &committed {
        let r = history.iter().find(|r| r.number == *n).unwrap_or_else(|| panic!("committed revision {n} is missing"));
        assert_eq!(&r.sha256, sha, "revision {n} changed");
    }
    // no holes: revisions are numbered 1..=max without gaps
    for (i, r) in history.iter().enumerate() {
        assert_eq!(r.number, i as i64 + 1);
    }
    eprintln!("{} committed saves checked over 12 kills; {} revisions stored", committed.len(), history.len());
}
