//! Crash safety of the study library: a writer saving revisions is killed with SIGKILL at
//! random moments, again and again; afterwards the database passes `PRAGMA integrity_check`
//! and holds every revision the writer reported committed, with the right content hash.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The two kill tests run one after the other: on two cores, running them together starves the
/// writers and says nothing more.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn sigkill_during_saves_loses_nothing_committed() {
    let _one = SERIAL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
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

/// Every write path killed at random moments (issue 19): `appraise --json/--pdf`, `export --xlsx`
/// and library saves are SIGKILLed 60 times in all; each output is afterwards absent (never
/// written yet) or whole and equal to a good run's, and the library's hash chain verifies.
#[test]
fn sigkill_on_every_write_path_tears_nothing_and_the_chain_verifies() {
    let _one = SERIAL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("yeta-kill-all-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let study = root.join("fixtures/road-national-route.yeta.json");
    let s = study.to_str().expect("path");
    let (json, pdf, xlsx, db) = (dir.join("a.json"), dir.join("r.pdf"), dir.join("w.xlsx"), dir.join("lib.sqlite"));
    let p = |x: &std::path::Path| x.to_str().expect("path").to_owned();
    let run = |args: &[String]| {
        Command::new(env!("CARGO_BIN_EXE_yeta")).args(args).current_dir(&root).output().expect("runs")
    };
    // What a good run writes.
    let good_json = dir.join("good.json");
    assert!(run(&["appraise".into(), s.into(), "--json".into(), p(&good_json)]).status.success());
    let want = std::fs::read(&good_json).expect("good json");
    let mut seed: u64 = 0x0DD_BA11;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut kills, mut finished) = (0, 0);
    for round in 0..60 {
        let args: Vec<String> = match round % 3 {
            0 => vec!["appraise".into(), s.into(), "--json".into(), p(&json), "--pdf".into(), p(&pdf)],
            1 => vec!["export".into(), s.into(), "--xlsx".into(), p(&xlsx)],
            _ => vec!["library".into(), "--db".into(), p(&db), "stress".into(), "--count".into(), "1000000".into()],
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_yeta"))
            .args(&args)
            .current_dir(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts");
        std::thread::sleep(Duration::from_millis(next() % 250));
        match child.try_wait().expect("wait") {
            Some(_) => finished += 1,
            None => {
                child.kill().expect("SIGKILL");
                kills += 1;
            }
        }
        let _ = child.wait();
        if json.exists() {
            assert_eq!(std::fs::read(&json).expect("json"), want, "round {round}: torn --json");
        }
        if pdf.exists() {
            let b = std::fs::read(&pdf).expect("pdf");
            assert!(
                b.starts_with(b"%PDF") && b.windows(5).rev().take(64).any(|w| w == b"%%EOF"),
                "round {round}: torn PDF"
            );
        }
        if xlsx.exists() {
            let b = std::fs::read(&xlsx).expect("xlsx");
            assert!(yeta_xlsx::import::read_workbook(&b, None, None).is_ok(), "round {round}: torn XLSX");
        }
    }
    let lib = yeta_store::Library::open(&db).expect("opens");
    let v = lib.verify().expect("verify");
    assert_eq!(v.first_broken, None);
    assert_eq!(lib.integrity_check().expect("check"), "ok");
    // Temp files a kill left between create and rename are never the outputs themselves.
    let stray = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    eprintln!(
        "60 rounds: {kills} killed mid-run, {finished} finished first; {} library records verify; {stray} temp files left by kills",
        v.records
    );
    assert!(kills >= 30, "only {kills} kills");
    let _ = std::fs::remove_dir_all(&dir);
}
