//! `yeta library` against a tampered library (issue 19): `verify` names the first broken record,
//! `show`, `export` and `history` refuse or flag it; a foreign SQLite file is left alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yeta(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yeta"))
        .arg("library")
        .arg("--db")
        .arg(db)
        .args(args)
        .current_dir(root())
        .env("USER", "tester")
        .output()
        .expect("yeta runs")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A report of the road study signed by "Park" (made once per test run): sign-off verifies it.
fn signed_report() -> PathBuf {
    static REPORT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    REPORT
        .get_or_init(|| {
            let d = std::env::temp_dir().join(format!("yeta-cli-lib-report-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&d);
            std::fs::create_dir_all(&d).expect("dir");
            let run = |args: &[&str]| {
                let o = Command::new(env!("CARGO_BIN_EXE_yeta"))
                    .args(args)
                    .current_dir(root())
                    .env("YETA_KEY_PASSWORD", "pw")
                    .output()
                    .expect("yeta runs");
                assert_eq!(o.status.code(), Some(0), "{args:?}: {}", err(&o));
            };
            let p = |n: &str| d.join(n).to_str().expect("path").to_owned();
            run(&["report", "fixtures/road-national-route.yeta.json", "--pdf", &p("r.pdf")]);
            run(&["keygen", "--name", "Park", "--out", &p("park.pem")]);
            run(&[
                "sign",
                &p("r.pdf"),
                "--key",
                &p("park.pem"),
                "--reviewer",
                "Park",
                "--role",
                "MOEF",
                "--out",
                &p("s.pdf"),
            ]);
            d.join("s.pdf")
        })
        .clone()
}

fn setup(tag: &str) -> (PathBuf, PathBuf) {
    let d = std::env::temp_dir().join(format!("yeta-cli-lib-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    let db = d.join("lib.sqlite");
    let study = root().join("fixtures/road-national-route.yeta.json");
    let s = study.to_str().expect("path");
    for key in ["road", "other"] {
        let o = yeta(&db, &["import", s, "--key", key, "--author", "Claimed Person"]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    }
    let report = signed_report();
    let o = yeta(
        &db,
        &["signoff", "road", "--revision", "1", "--reviewer", "Park", "--role", "MOEF", "--report"]
            .into_iter()
            .chain([report.to_str().expect("path")])
            .collect::<Vec<_>>(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    (d, db)
}

#[test]
fn the_cli_records_its_own_author_and_verifies() {
    let (d, db) = setup("ok");
    let o = yeta(&db, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("chain intact, 3 records"), "{}", out(&o));
    let h = out(&yeta(&db, &["history", "road"]));
    assert!(h.contains("tester (claimed: Claimed Person)") && h.contains("signed off by Park"), "{h}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn an_sql_edit_of_a_signed_off_revision_is_caught_by_verify_show_history_and_export() {
    let (d, db) = setup("edit");
    {
        let c = rusqlite::Connection::open(&db).expect("raw");
        c.execute_batch(
            "DROP TRIGGER revisions_are_immutable;
             UPDATE revisions SET json = replace(json, 'National', 'Forged')
               WHERE study_id = (SELECT id FROM studies WHERE key = 'road');",
        )
        .expect("edit");
    }
    let o = yeta(&db, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("chain broken at revision 1 of road"), "{}", err(&o));
    let o = yeta(&db, &["show", "road"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("tampered or damaged record: revision 1 of road"), "{}", err(&o));
    assert!(!out(&o).contains("Forged"));
    let o = yeta(&db, &["history", "road"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("TAMPERED") && !out(&o).contains("signed off by Park"), "{}", out(&o));
    let x = d.join("x.json");
    let o = yeta(&db, &["export", "road", "--out", x.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!x.exists());
    // The other study is intact and still reads.
    assert_eq!(yeta(&db, &["show", "other"]).status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_moved_signoff_is_caught() {
    let (d, db) = setup("moved");
    {
        let c = rusqlite::Connection::open(&db).expect("raw");
        c.execute_batch(
            "DROP TRIGGER signoffs_are_immutable;
             UPDATE signoffs SET study = (SELECT id FROM studies WHERE key = 'other'),
               revision_id = (SELECT r.id FROM revisions r JOIN studies s ON s.id = r.study_id WHERE s.key = 'other');",
        )
        .expect("move");
    }
    let o = yeta(&db, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("chain broken at sign-off of revision 1 of other by Park"), "{}", err(&o));
    let o = yeta(&db, &["history", "other"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out(&o).contains("signed off by Park"), "{}", out(&o));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_bad_hash_row_does_not_panic_history() {
    let (d, db) = setup("badrow");
    {
        let c = rusqlite::Connection::open(&db).expect("raw");
        c.execute_batch(
            "DROP TRIGGER revisions_are_immutable; UPDATE revisions SET sha256 = 'ab', hash = NULL, author = 7;",
        )
        .expect("edit");
    }
    for args in [&["history", "road"][..], &["show", "road"], &["verify"], &["list"]] {
        let o = yeta(&db, args);
        assert_ne!(o.status.code(), Some(101), "{args:?} panicked: {}", err(&o));
        assert!(!err(&o).contains("panicked"), "{args:?}: {}", err(&o));
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn library_list_on_a_foreign_sqlite_file_changes_nothing() {
    let d = std::env::temp_dir().join(format!("yeta-cli-lib-foreign-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    let db = d.join("app.db");
    rusqlite::Connection::open(&db).expect("create").execute_batch("CREATE TABLE t (x);").expect("table");
    let before = std::fs::read(&db).expect("read");
    let o = yeta(&db, &["list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("not a Yeta study library"), "{}", err(&o));
    assert_eq!(std::fs::read(&db).expect("read"), before);
    assert!(!d.join("app.db-wal").exists());
    let _ = std::fs::remove_dir_all(&d);
}
