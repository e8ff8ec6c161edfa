//! `yeta publish` on a library built here: only signed-off revisions are published, no names of
//! people, hostile text escaped, the same bytes on every run, the JSON keys the schema requires,
//! the CSV Excel reads.
//!
//! The ex-post figures are the hand calculation of `yeta-core/src/expost/tests.rs` (in 백만원):
//! ex-ante NPV 41,696, ex-post NPV −52,320, ΔNPV −94,016 = forecast revision −23,616 + cost
//! overrun −24,000 + delay −40,000 + demand shortfall −8,000 + interaction 1,600; ex-post total
//! cost 130,000 against 100,000 signed off: growth 30 % ≥ 20 %, a re-study.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yeta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yeta")).args(args).current_dir(root()).output().expect("yeta runs")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fixture(p: &str) -> String {
    std::fs::read_to_string(root().join(p)).expect("fixture")
}

const HOSTILE: &str = "<script>alert(\"x\")</script> 차세대 전자조달";
/// Names of people the library holds; none may reach the package.
const PEOPLE: [&str; 6] = ["Hong Gildong", "Kim Minji", "Park Seojun", "Seo Jiwoo", "Lee Claimed", "Choi Reason"];

/// A library: `ict` (one revision, signed off; its study name hostile, an AHP evaluator named),
/// `road` (a draft only), `admin` (revision 1 the PFS signed off, revision 2 the ex-post study
/// signed off, revision 3 a draft).
fn library(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).expect("dir");
    let db = dir.join("lib.sqlite");
    let _ = std::fs::remove_file(&db);
    let mut lib = yeta_store::Library::open(&db).expect("library");
    lib.set_identity("Seo Jiwoo, MOEF").expect("identity");
    let ict = fixture("fixtures/ict-e-procurement.yeta.json")
        .replace(
            "Next-generation National e-Procurement Platform (차세대 국가종합전자조달시스템)",
            &HOSTILE.replace('"', "\\\""),
        )
        .replace("\"Evaluator A\"", "\"Hong Gildong\"");
    assert!(ict.contains("Hong Gildong") && ict.contains("alert"));
    let sha = "a".repeat(64);
    lib.save("ict", "ict", &ict, "Lee Claimed", "", "PFS, asked by Choi Reason").expect("ict");
    lib.sign_off("ict", 1, "Kim Minji", "MOEF reviewer Park Seojun", &sha, "").expect("sign ict");
    let road = fixture("fixtures/road-national-route.yeta.json");
    lib.save("road", "road", &road, "Lee Claimed", "", "draft").expect("road");
    let ante = fixture("fixtures/expost/admin-system-ex-ante.yeta.json");
    let post = fixture("fixtures/expost/admin-system-ex-post.yeta.json");
    lib.save("admin", "admin", &ante, "", "", "PFS").expect("admin 1");
    lib.sign_off("admin", 1, "Kim Minji", "reviewer", &sha, "").expect("sign admin 1");
    lib.save("admin", "admin", &post, "", "", "outturn").expect("admin 2");
    lib.sign_off("admin", 2, "Park Seojun", "reviewer", &sha, "").expect("sign admin 2");
    let draft = post.replace("\"amount\": \"800\"", "\"amount\": \"700\"");
    lib.save("admin", "admin", &draft, "", "", "draft re-estimate").expect("admin 3");
    db
}

fn publish(db: &Path, out: &Path) {
    let _ = std::fs::remove_dir_all(out);
    ok(&yeta(&["publish", "--library", db.to_str().expect("path"), "--out", out.to_str().expect("path")]));
}

/// Every file under `dir`, relative path → bytes, sorted.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("under").to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read(&p).expect("read")));
            }
        }
    }
    out.sort();
    out
}

fn text(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn publishes_signed_off_revisions_only_without_names() {
    let dir = std::env::temp_dir().join(format!("yeta-publish-{}", std::process::id()));
    let db = library(&dir);
    let (out, again) = (dir.join("out"), dir.join("again"));
    publish(&db, &out);
    publish(&db, &again);

    // Deterministic: the same library gives the same files, byte for byte.
    let (a, b) = (files(&out), files(&again));
    assert_eq!(a.iter().map(|f| &f.0).collect::<Vec<_>>(), b.iter().map(|f| &f.0).collect::<Vec<_>>());
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs between two runs");
    }
    let names: Vec<&str> = a.iter().map(|f| f.0.as_str()).collect();
    for f in [
        "index.html",
        "en/index.html",
        "p/admin.html",
        "en/p/admin.html",
        "p/ict.html",
        "en/p/ict.html",
        "projects.json",
        "projects.csv",
        "project.schema.json",
        "README.md",
    ] {
        assert!(names.contains(&f), "{f} missing: {names:?}");
    }

    // Only the signed-off studies, in key order; the draft-only study nowhere.
    let v: Value = serde_json::from_str(&text(&out, "projects.json")).expect("json");
    let list = v.as_array().expect("array");
    let keys: Vec<&str> = list.iter().map(|p| p["key"].as_str().unwrap_or("")).collect();
    assert_eq!(keys, ["admin", "ict"]);
    assert!(!names.iter().any(|n| n.contains("road")), "{names:?}");

    // No person's name, no revision reason, no draft in any file.
    for (name, bytes) in &a {
        let t = String::from_utf8_lossy(bytes);
        for p in PEOPLE {
            assert!(!t.contains(p), "{name} contains {p}");
        }
        assert!(!t.contains("Jecheon") && !t.contains("draft re-estimate"), "{name}");
    }

    // admin: revision 2 (the latest signed off, not the draft 3), ex post against revision 1.
    let admin = &list[0];
    let m = 1_000_000i64;
    assert_eq!(admin["revision"], 2);
    assert_eq!(admin["stage"], "ex_post");
    let e = &admin["ex_post"];
    assert_eq!(e["ex_ante_revision"], 1);
    assert_eq!(e["ex_ante_npv_krw"], 41_696 * m);
    assert_eq!(e["npv_krw"], -52_320 * m);
    assert_eq!(e["total_cost_krw"], 130_000 * m);
    assert_eq!(e["ex_ante_total_cost_krw"], 100_000 * m);
    assert_eq!(e["delta_npv_krw"], -94_016 * m);
    let parts: Vec<(String, i64)> = e["delta_npv_parts_krw"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| (p[0].as_str().unwrap_or("").to_owned(), p[1].as_i64().unwrap_or(0)))
        .collect();
    let want = [
        ("forecast_revision", -23_616),
        ("cost_overrun", -24_000),
        ("delay", -40_000),
        ("demand_shortfall", -8_000),
        ("interaction", 1_600),
    ];
    assert_eq!(parts, want.iter().map(|(p, x)| ((*p).to_owned(), x * m)).collect::<Vec<_>>());
    assert_eq!(admin["restudy_triggered"], true);
    assert_eq!(admin["restudy_growth"], 0.3);
    assert_eq!(admin["total_cost_krw"], 100_000 * m);
    let (_, rev2) = yeta_store::Library::open(&db).expect("lib").get("admin", Some(2)).expect("rev 2");
    assert_eq!(admin["study_sha256"], yeta_store::sha256_hex(rev2.as_bytes()).as_str());
    let ict = &list[1];
    assert_eq!(ict["stage"], "ex_ante");
    assert_eq!(ict["status"], "appraised");
    assert!(ict["ex_post"].is_null() && ict["ahp_score"].is_number() && ict["tco2e"].is_number());
    assert_eq!(ict["name"], HOSTILE);
    let date = admin["signed_off_date"].as_str().expect("date");
    assert!(date.len() == 10 && date.as_bytes()[4] == b'-', "{date}");

    // The hostile name is text on every page; no script, no remote content.
    for f in ["index.html", "en/index.html", "p/ict.html", "en/p/ict.html", "p/admin.html"] {
        let h = text(&out, f);
        assert!(!h.contains("<script") && !h.contains("src="), "{f}");
        assert!(!h.contains("http://") && !h.contains("https://"), "{f}: remote reference");
        assert!(h.contains("<caption>") && h.contains("<th scope=\"row\">"), "{f}");
        let lang = if f.starts_with("en/") { "<html lang=\"en\">" } else { "<html lang=\"ko\">" };
        assert!(h.contains(lang), "{f}");
    }
    assert!(text(&out, "p/ict.html").contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 차세대 전자조달"));
    let ko = text(&out, "index.html");
    assert!(ko.contains("<th scope=\"col\">") && ko.contains("href=\"en/index.html\""), "{ko}");
    assert!(ko.contains("href=\"p/admin.html\"") && ko.contains("1,000.0억원"), "{ko}");
    assert!(ko.contains("공개하지 않는 정보"));
    let en = text(&out, "en/index.html");
    assert!(
        en.contains("href=\"../index.html\"") && en.contains("KRW 100.0 bn") && en.contains("What is not published")
    );
    assert!(text(&out, "p/admin.html").contains("href=\"../en/p/admin.html\""));
    assert!(text(&out, "en/p/admin.html").contains("href=\"../../p/admin.html\""));
    assert!(text(&out, "p/admin.html").contains("-940.2억원"), "ΔNPV −94,016 백만원 in 억원");
    assert!(text(&out, "README.md").contains("Draft revisions that were not signed off"));

    // The JSON has every key the schema requires, with the type it gives.
    let schema: Value = serde_json::from_str(&fixture("docs/open-data/project.schema.json")).expect("schema");
    let items = &schema["items"];
    for p in list {
        check(p, items, "item");
    }

    // The CSV: BOM, header, one row per project.
    let csv = std::fs::read(out.join("projects.csv")).expect("csv");
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
    let csv = String::from_utf8(csv[3..].to_vec()).expect("utf-8");
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(rows[0].starts_with("key,name,sponsor,stage,status,sector,region,total_cost_krw,bc_ratio,npv_krw"));
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[1].starts_with("admin,") && rows[1].contains(",100000000000,"), "{}", rows[1]);
    assert!(rows[2].starts_with("ict,\"<script>alert(\"\"x\"\")</script> 차세대 전자조달\","), "{}", rows[2]);
    // `YETA_PUBLISH_KEEP=DIR` keeps the package there, for the browser test (ui/e2e/publish.mjs).
    if let Some(keep) = std::env::var_os("YETA_PUBLISH_KEEP") {
        let keep = PathBuf::from(keep);
        let _ = std::fs::remove_dir_all(&keep);
        std::fs::rename(&out, &keep).expect("keep the package");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The schema's `required` keys and `type`s, checked by hand (no validator dependency).
fn check(v: &Value, schema: &Value, at: &str) {
    let ty = |v: &Value| match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let allowed: Vec<&str> = match &schema["type"] {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let t = ty(v);
    assert!(
        allowed.is_empty() || allowed.contains(&t) || (t == "integer" && allowed.contains(&"number")),
        "{at}: {t} not in {allowed:?}"
    );
    if let Some(e) = schema["enum"].as_array() {
        assert!(e.contains(v), "{at}: {v} not in {e:?}");
    }
    if let (Value::Object(o), Some(req)) = (v, schema["required"].as_array()) {
        for k in req.iter().filter_map(Value::as_str) {
            assert!(o.contains_key(k), "{at}: required key {k} missing");
        }
        if schema["additionalProperties"] == Value::Bool(false) {
            for k in o.keys() {
                assert!(schema["properties"].get(k).is_some(), "{at}: key {k} not in the schema");
            }
        }
        for (k, x) in o {
            if let Some(s) = schema["properties"].get(k) {
                check(x, s, &format!("{at}.{k}"));
            }
        }
    }
}

#[test]
fn refuses_an_out_that_is_a_file_and_a_missing_library() {
    let dir = std::env::temp_dir().join(format!("yeta-publish-file-{}", std::process::id()));
    let db = library(&dir);
    let file = dir.join("a-file");
    std::fs::write(&file, "x").expect("write");
    let o = yeta(&["publish", "--library", db.to_str().expect("p"), "--out", file.to_str().expect("p")]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("is a file"));
    assert_eq!(std::fs::read(&file).expect("still there"), b"x");
    let missing = dir.join("none.sqlite");
    let o = yeta(&["publish", "--library", missing.to_str().expect("p"), "--out", dir.join("o").to_str().expect("p")]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("no such library"));
    assert!(!missing.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
