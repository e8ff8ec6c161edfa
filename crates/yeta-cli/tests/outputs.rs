//! Outputs are validated before any work and written atomically (issue 19): an output that is an
//! input or the library is refused, and a failed run leaves every file as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yeta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yeta"))
        .args(args)
        .current_dir(root())
        .env("YETA_DATA_DIR", std::env::temp_dir().join(format!("yeta-outputs-data-{}", std::process::id())))
        .output()
        .expect("yeta runs")
}

fn tmp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("yeta-outputs-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn names(d: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn the_study_is_never_overwritten_by_its_appraisal() {
    let d = tmp("clobber");
    let study = d.join("s.json");
    std::fs::copy(root().join("fixtures/road-national-route.yeta.json"), &study).expect("copy");
    let before = std::fs::read(&study).expect("read");
    let out = yeta(&["appraise", s(&study), "--json", s(&study), "--pdf", "/nonexistent/r.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("this output is the input"), "{err}");
    assert_eq!(std::fs::read(&study).expect("read"), before);
    // The missing directory alone is refused before the JSON is written.
    let j = d.join("a.json");
    let out = yeta(&["appraise", s(&study), "--json", s(&j), "--pdf", "/nonexistent/r.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent does not exist"));
    assert!(!j.exists());
    // Two outputs, one file.
    let out = yeta(&["appraise", s(&study), "--json", s(&j), "--pdf", s(&d.join(".").join("a.json"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("are the same file"));
    for args in [
        vec!["export", s(&study), "--xlsx", s(&study)],
        vec!["import", s(&study), "--lines", s(&study), "--out", s(&study)],
        vec!["report", s(&study), "--pdf", s(&study)],
        vec!["risk", s(&study), "--json", s(&study)],
        vec!["compare", s(&study), "--xlsx", s(&study)],
        vec!["diff", s(&study), s(&study), "--json", s(&study)],
    ] {
        let out = yeta(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("this output is the input"), "{args:?}");
        assert_eq!(std::fs::read(&study).expect("read"), before, "{args:?}");
    }
    // A good run leaves only its outputs: no temp files.
    let out = yeta(&["appraise", s(&study), "--json", s(&j)]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(names(&d), ["a.json", "s.json"]);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn library_export_never_replaces_the_library() {
    let d = tmp("lib");
    let db = d.join("lib.sqlite");
    let study = root().join("fixtures/road-national-route.yeta.json");
    let out = yeta(&["library", "--db", s(&db), "import", s(&study), "--key", "road"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let before = std::fs::read(&db).expect("db");
    let out = yeta(&["library", "--db", s(&db), "export", "road", "--out", s(&db)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("this output is the input"));
    assert_eq!(std::fs::read(&db).expect("db"), before);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_study_with_a_byte_order_mark_reads() {
    let d = tmp("bom");
    let study = d.join("bom.yeta.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(root().join("fixtures/road-national-route.yeta.json")).expect("fixture"));
    std::fs::write(&study, bytes).expect("write");
    for cmd in ["validate", "appraise"] {
        let out = yeta(&[cmd, s(&study)]);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let _ = std::fs::remove_dir_all(&d);
}
