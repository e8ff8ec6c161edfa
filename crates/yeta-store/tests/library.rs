//! The study library: revisions, sign-offs, immutability, bad files.

use yeta_store::{Library, StoreError, atomic_write};

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("yeta-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d
}

#[test]
fn revisions_accumulate_and_signed_ones_stay_as_signed() {
    let d = dir("revisions");
    let mut lib = Library::open(&d.join("lib.sqlite")).expect("opens");
    assert_eq!(lib.save("road", "Road", "{\"v\":1}", "kim", "2026-11-01T09:00:00Z", "first draft").expect("save"), 1);
    assert_eq!(lib.save("road", "Road", "{\"v\":2}", "kim", "2026-11-02T09:00:00Z", "costs updated").expect("save"), 2);
    lib.sign_off("road", 2, "Park", "MOEF reviewer", &"ab".repeat(32), "2026-11-03T10:00:00Z").expect("sign");
    assert_eq!(lib.save("road", "Road", "{\"v\":3}", "kim", "2026-11-04T09:00:00Z", "after review").expect("save"), 3);
    let h = lib.history("road").expect("history");
    assert_eq!(h.len(), 3);
    assert_eq!(h[1].signed_off_by, vec!["Park".to_owned()]);
    assert_eq!(h[1].sha256, yeta_store::sha256_hex(b"{\"v\":2}"));
    assert_eq!(lib.get("road", Some(2)).expect("get").1, "{\"v\":2}");
    assert_eq!(lib.get("road", None).expect("latest").0, 3);
    // The signed revision cannot be changed in place.
    let e = lib.try_overwrite("road", 2, "{\"v\":99}").expect_err("read-only");
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_eq!(lib.get("road", Some(2)).expect("get").1, "{\"v\":2}");
    let list = lib.list().expect("list");
    assert_eq!((list[0].key.as_str(), list[0].revisions, list[0].signed_off), ("road", 3, 1));
    assert_eq!(lib.integrity_check().expect("check"), "ok");
    assert!(matches!(lib.get("nope", None), Err(StoreError::NotFound(_))));
}

#[test]
fn a_damaged_file_is_reported_and_left_alone() {
    let d = dir("corrupt");
    let p = d.join("lib.sqlite");
    let junk = b"this is not a database, it is a spreadsheet someone renamed".repeat(100);
    std::fs::write(&p, &junk).expect("write");
    let e = Library::open(&p).err().expect("refused");
    assert!(e.to_string().contains("not a Yeta study library, or the file is damaged"), "{e}");
    assert_eq!(std::fs::read(&p).expect("read"), junk, "the file is untouched");
}

#[test]
fn a_locked_library_says_so() {
    let d = dir("locked");
    let p = d.join("lib.sqlite");
    let mut a = Library::open(&p).expect("opens");
    a.save("x", "X", "{}", "a", "t", "r").expect("save");
    // Another connection holds the write lock.
    let holder = rusqlite_like_lock(&p);
    let mut b = Library::open(&p).expect("opens (reading is fine)");
    let e = b.save("x", "X", "{}", "b", "t", "r").expect_err("locked");
    assert!(e.to_string().contains("locked by another program"), "{e}");
    drop(holder);
    assert_eq!(b.save("x", "X", "{}", "b", "t", "r").expect("after release"), 2);
}

/// Another process holding an exclusive write lock on the database.
fn rusqlite_like_lock(p: &std::path::Path) -> KillOnDrop {
    // A child process holding BEGIN EXCLUSIVE through Python's sqlite3 module (an independent
    // SQLite client).
    let child = std::process::Command::new("python3")
        .args(["-c", &format!("import sqlite3,time,sys; c=sqlite3.connect({:?}, isolation_level=None); c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(30)", p.display().to_string())])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let mut child = child;
    let mut line = String::new();
    use std::io::BufRead;
    std::io::BufReader::new(child.stdout.as_mut().expect("stdout")).read_line(&mut line).expect("read");
    assert_eq!(line.trim(), "locked");
    KillOnDrop(child)
}

struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn atomic_write_replaces_whole_files() {
    let d = dir("atomic");
    let p = d.join("study.yeta.json");
    atomic_write(&p, b"old").expect("write");
    atomic_write(&p, b"new contents").expect("write");
    assert_eq!(std::fs::read(&p).expect("read"), b"new contents");
    let leftovers: Vec<_> = std::fs::read_dir(&d)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let e = atomic_write(&d.join("no/such/dir/x.json"), b"x").expect_err("fails");
    assert!(e.to_string().contains("no/such/dir/x.json"), "{e}");
}
