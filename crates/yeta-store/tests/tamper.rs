//! Tamper evidence (issue 19): direct SQL edits, moved sign-offs, bad rows, foreign files, old
//! libraries.

use rusqlite::Connection;
use yeta_store::{APPLICATION_ID, Library, SCHEMA_VERSION, StoreError, sha256_hex};

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("yeta-tamper-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d
}

fn sample(p: &std::path::Path) -> Library {
    let mut lib = Library::open(p).expect("opens");
    lib.set_identity("Kim Minji").expect("identity");
    lib.save("road", "Road", "{\"v\":1}", "", "", "first draft").expect("save");
    lib.save("road", "Road", "{\"v\":2}", "someone else", "1999-01-01T00:00:00Z", "costs").expect("save");
    lib.save("rail", "Rail", "{\"r\":1}", "", "", "first").expect("save");
    lib.sign_off("road", 2, "Park", "MOEF reviewer", &"ab".repeat(32), "").expect("sign");
    lib.save("road", "Road", "{\"v\":3}", "", "", "after review").expect("save");
    lib
}

#[test]
fn an_intact_library_verifies_and_records_its_own_author_and_time() {
    let d = dir("ok");
    let lib = sample(&d.join("lib.sqlite"));
    let r = lib.verify().expect("verify");
    assert_eq!((r.records, r.first_broken), (5, None));
    let h = lib.history("road").expect("history");
    assert_eq!(h[1].author, "Kim Minji");
    assert_eq!(h[1].claimed_author.as_deref(), Some("someone else"));
    assert_eq!(h[1].claimed_time.as_deref(), Some("1999-01-01T00:00:00Z"));
    assert!(h[1].time.starts_with("20") && h[1].time.ends_with('Z'), "{}", h[1].time);
    assert_eq!(h[1].signed_off_by, ["Park"]);
    assert!(h.iter().all(|r| r.broken.is_none()));
}

#[test]
fn an_sql_edit_of_a_signed_revision_is_detected_by_verify_and_by_reads() {
    let d = dir("edit");
    let p = d.join("lib.sqlite");
    let lib = sample(&p);
    let raw = Connection::open(&p).expect("raw");
    raw.execute_batch("DROP TRIGGER revisions_are_immutable").expect("drop trigger");
    let forged = "{\"v\":99}";
    raw.execute(
        "UPDATE revisions SET json = ?1, sha256 = ?2 WHERE number = 2 AND name = 'Road'",
        [forged, &sha256_hex(forged.as_bytes())],
    )
    .expect("edit");
    let r = lib.verify().expect("verify");
    let (record, why) = r.first_broken.expect("broken");
    assert!(record.starts_with("revision 2 of road"), "{record}");
    assert!(why.contains("hash does not match"), "{why}");
    let e = lib.get("road", Some(2)).expect_err("refused");
    assert!(matches!(e, StoreError::Tampered { .. }), "{e}");
    assert!(e.to_string().contains("revision 2 of road"), "{e}");
    let h = lib.history("road").expect("history");
    assert!(h[1].broken.is_some() && h[0].broken.is_none());
    // The text alone changed (sha256 column left): still caught.
    raw.execute("UPDATE revisions SET json = '{\"v\":1.5}' WHERE number = 1 AND name = 'Road'", []).expect("edit");
    assert!(lib.get("road", Some(1)).is_err());
}

#[test]
fn a_moved_signoff_is_detected() {
    for how in [
        "UPDATE signoffs SET study = (SELECT id FROM studies WHERE key = 'rail')",
        "UPDATE signoffs SET revision_id = (SELECT r.id FROM revisions r JOIN studies s ON s.id = r.study_id WHERE s.key = 'rail'), study = (SELECT id FROM studies WHERE key = 'rail')",
        "UPDATE signoffs SET revision_id = (SELECT r.id FROM revisions r JOIN studies s ON s.id = r.study_id WHERE s.key = 'road' AND r.number = 3)",
    ] {
        let d = dir("moved");
        let p = d.join("lib.sqlite");
        let lib = sample(&p);
        let raw = Connection::open(&p).expect("raw");
        raw.execute_batch("DROP TRIGGER signoffs_are_immutable").expect("drop trigger");
        raw.execute(how, []).expect("move");
        let (record, _) = lib.verify().expect("verify").first_broken.expect(how);
        assert!(record.starts_with("sign-off of revision"), "{how}: {record}");
        // Neither study shows the sign-off as valid.
        for key in ["road", "rail"] {
            let h = lib.history(key).expect("history");
            assert!(h.iter().all(|r| r.signed_off_by.is_empty()), "{how}: {key} {h:?}");
        }
    }
}

#[test]
fn a_deleted_record_is_detected() {
    let d = dir("deleted");
    let p = d.join("lib.sqlite");
    let lib = sample(&p);
    let raw = Connection::open(&p).expect("raw");
    raw.execute_batch("DROP TRIGGER revisions_are_kept; DELETE FROM revisions WHERE name = 'Rail';").expect("delete");
    let (record, why) = lib.verify().expect("verify").first_broken.expect("broken");
    assert!(record.contains("seq 4") && why.contains("removed"), "{record}: {why}");
}

#[test]
fn bad_rows_never_panic() {
    let d = dir("bad");
    let p = d.join("lib.sqlite");
    let lib = sample(&p);
    let raw = Connection::open(&p).expect("raw");
    raw.execute_batch(
        "DROP TRIGGER revisions_are_immutable; DROP TRIGGER signoffs_are_immutable;
         PRAGMA writable_schema = ON;",
    )
    .expect("drop");
    for edit in [
        "UPDATE revisions SET hash = 'x' WHERE number = 1",
        "UPDATE revisions SET sha256 = '' WHERE number = 2",
        "UPDATE revisions SET number = 'two' WHERE number = 2 AND name = 'Road'",
        "UPDATE revisions SET json = x'00ff' WHERE number = 3",
        "UPDATE revisions SET seq = NULL WHERE name = 'Rail'",
        "UPDATE signoffs SET hash = NULL",
        "UPDATE signoffs SET reviewer = 42",
    ] {
        raw.execute(edit, []).expect(edit);
        let v = lib.verify().expect("verify answers");
        assert!(v.first_broken.is_some(), "{edit}");
        let _ = lib.history("road");
        let _ = lib.history("rail");
        let _ = lib.get("road", None);
        let _ = lib.get("road", Some(2));
        let _ = lib.signoffs("road");
        let _ = lib.list();
    }
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_left_alone() {
    let d = dir("foreign");
    let p = d.join("other.sqlite");
    {
        let c = Connection::open(&p).expect("create");
        c.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine');").expect("fill");
    }
    let before = std::fs::read(&p).expect("read");
    let e = Library::open(&p).err().expect("refused");
    assert!(matches!(e, StoreError::Foreign { .. }), "{e}");
    assert!(e.to_string().contains("not a Yeta study library"), "{e}");
    assert_eq!(std::fs::read(&p).expect("read"), before);
    assert!(!d.join("other.sqlite-wal").exists(), "switched to WAL");
    let c = Connection::open(&p).expect("reopen");
    let tables: i64 =
        c.query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0)).expect("n");
    assert_eq!(tables, 1);
    let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("mode");
    assert_eq!(mode, "delete");
}

#[test]
fn a_library_of_the_first_schema_is_migrated() {
    let d = dir("migrate");
    let p = d.join("old.sqlite");
    {
        let c = Connection::open(&p).expect("create");
        c.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE studies (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
             CREATE TABLE revisions (id INTEGER PRIMARY KEY, study_id INTEGER NOT NULL REFERENCES studies(id),
               number INTEGER NOT NULL, author TEXT NOT NULL, time TEXT NOT NULL, reason TEXT NOT NULL,
               name TEXT NOT NULL, json TEXT NOT NULL, sha256 TEXT NOT NULL, UNIQUE (study_id, number));
             CREATE TABLE signoffs (id INTEGER PRIMARY KEY, revision_id INTEGER NOT NULL REFERENCES revisions(id),
               reviewer TEXT NOT NULL, role TEXT NOT NULL, report_sha256 TEXT NOT NULL, time TEXT NOT NULL);
             CREATE TRIGGER revisions_are_immutable BEFORE UPDATE ON revisions
             BEGIN SELECT RAISE(ABORT, 'revisions are read-only: save a new revision'); END;
             INSERT INTO studies VALUES (1, 'road', '2026-01-01T00:00:00Z');",
        )
        .expect("v1");
        for n in 1..=2 {
            let json = format!("{{\"v\":{n}}}");
            c.execute(
                "INSERT INTO revisions (study_id, number, author, time, reason, name, json, sha256) VALUES (1, ?1, 'kim', 't', 'r', 'Road', ?2, ?3)",
                rusqlite::params![n, json, sha256_hex(json.as_bytes())],
            )
            .expect("rev");
        }
        c.execute("INSERT INTO signoffs (revision_id, reviewer, role, report_sha256, time) VALUES (2, 'Park', 'rev', ?1, 't')", [
            "cd".repeat(32),
        ])
        .expect("sign");
    }
    let mut lib = Library::open(&p).expect("migrates");
    assert_eq!(lib.verify().expect("verify").first_broken, None);
    let h = lib.history("road").expect("history");
    assert_eq!(h[0].claimed_author.as_deref(), Some("kim"));
    assert_eq!(h[1].signed_off_by, ["Park"]);
    assert_eq!(lib.get("road", Some(2)).expect("get").1, "{\"v\":2}");
    lib.save("road", "Road", "{\"v\":3}", "", "", "after").expect("save after migration");
    assert_eq!(lib.verify().expect("verify").records, 4);
    drop(lib);
    let c = Connection::open(&p).expect("raw");
    let app: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0)).expect("id");
    let ver: i32 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("ver");
    assert_eq!((app, ver), (APPLICATION_ID, SCHEMA_VERSION));
}
