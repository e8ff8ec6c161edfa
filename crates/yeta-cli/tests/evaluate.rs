//! `yeta evaluate` and `yeta library restudy` on the ex-post fixture and on a library built here.
//!
//! The fixture is the hand-calculated study of `yeta-core/src/expost/tests.rs` in 백만원 (×10^6
//! won): NPV ex ante 41,696 백만원 (signed-off forecast, 1,200 units × 50 백만원 a year), latest
//! forecast 18,080, ex post −52,320; ΔNPV −94,016 = revision −23,616 + cost −24,000 + delay
//! −40,000 + demand −8,000 + interaction 1,600 (all 백만원).

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

const POST: &str = "fixtures/expost/admin-system-ex-post.yeta.json";
const ANTE: &str = "fixtures/expost/admin-system-ex-ante.yeta.json";

#[test]
fn evaluate_json_has_the_hand_figures() {
    let out = ok(&yeta(&["evaluate", POST, "--ex-ante", ANTE, "--json", "-"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json only on stdout");
    let m = 1_000_000i64;
    let won = |x: i64| (x * m).to_string();
    assert_eq!(v["ex_ante"]["npv"], won(41_696).as_str());
    assert_eq!(v["forecast"]["npv"], won(18_080).as_str());
    assert_eq!(v["ex_post"]["npv"], won(-52_320).as_str());
    assert_eq!(v["ex_post"]["total_cost"], won(130_000).as_str());
    assert_eq!(v["decomposition"]["delta_npv"], won(-94_016).as_str());
    let parts: Vec<(String, String)> = v["decomposition"]["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| (p[0].as_str().unwrap_or("").to_owned(), p[1].as_str().unwrap_or("").to_owned()))
        .collect();
    let want = [
        ("forecast_revision", -23_616),
        ("cost_overrun", -24_000),
        ("delay", -40_000),
        ("demand_shortfall", -8_000),
        ("interaction", 1_600),
    ];
    assert_eq!(parts, want.iter().map(|(p, x)| ((*p).to_owned(), won(*x))).collect::<Vec<_>>());
    assert_eq!(v["restudy"]["triggered"], true);
    assert_eq!(v["restudy"]["growth"], "0.3");
}

#[test]
fn evaluate_summary_in_korean() {
    let out = ok(&yeta(&["evaluate", POST, "--lang", "ko"]));
    assert!(out.contains("사업비 증가") && out.contains("-240.0억원"), "{out}");
    assert!(out.contains("개통 지연 (1년)") && out.contains("-400.0억원"), "{out}");
    assert!(out.contains("교호작용") && out.contains("16.0억원"), "{out}");
    assert!(out.contains("타당성 재조사 기준(20.0% 이상)에 해당"), "{out}");
}

#[test]
fn evaluate_without_outturn_is_a_clear_error() {
    let o = yeta(&["evaluate", ANTE]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("outturn"));
}

#[test]
fn restudy_across_library_revisions() {
    let dir = std::env::temp_dir().join(format!("yeta-restudy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("lib.sqlite");
    let db = db.to_str().expect("path");
    let ante = std::fs::read_to_string(root().join(ANTE)).expect("fixture");
    // Revision 1: the PFS, total cost 100,000 백만원. Revision 2: 119,999 (+19.999 %, below).
    // Revision 3: the ex-post study, whose actual capital spending adds 30,000 → 130,000 (+30 %).
    let r2 = ante.replace("\"total_cost\": \"100000\"", "\"total_cost\": \"119999\"");
    let f2 = dir.join("r2.yeta.json");
    std::fs::write(&f2, r2).expect("write");
    for (file, reason) in [(root().join(ANTE), "PFS"), (f2.clone(), "cost review"), (root().join(POST), "outturn")] {
        ok(&yeta(&[
            "library",
            "--db",
            db,
            "import",
            file.to_str().expect("path"),
            "--key",
            "admin",
            "--reason",
            reason,
        ]));
    }
    let out = ok(&yeta(&["library", "--db", db, "restudy", "admin"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("baseline revision 1"), "{out}");
    assert!(lines[1].contains("baseline (PFS)") && !lines[1].contains("re-study"), "{out}");
    assert!(lines[2].contains("20.0 %") && !lines[2].contains("▲"), "{out}");
    assert!(lines[3].contains("30.0 %") && lines[3].contains("▲ re-study"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reference_class_from_a_library_of_known_outcomes() {
    // Five completed ICT projects: total cost 110,000 … (overrun 0.1, 0.3, 0.2, 0.5, 0) and
    // 2028 use 800 … hours of the 2,000 forecast to 2028 (shortfall 0.6, 0.5, 0.4, 0.2, 0).
    // Cost sorted 0, 0.1, 0.2, 0.3, 0.5: P50 = 0.2; P80 h = 4 × 0.8 = 3.2 → 0.3 + 0.2 × 0.2 = 0.34.
    // Demand sorted 0, 0.2, 0.4, 0.5, 0.6: P50 = 0.4; P80 → 0.5 + 0.2 × 0.1 = 0.52.
    // One road project (+25 %, demand 0.6): n = 1. One ICT project without a completion year: left out.
    let dir = std::env::temp_dir().join(format!("yeta-refclass-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("lib.sqlite");
    let db = db.to_str().expect("path");
    let post = std::fs::read_to_string(root().join(POST)).expect("fixture");
    let make = |total: &str, q: &str| {
        post.replace(
            "\"through_year\": 2028,",
            &format!("\"through_year\": 2028, \"total_cost\": {{\"value\": \"{total}\", \"source\": \"test\"}},"),
        )
        .replace("\"amount\": \"800\"", &format!("\"amount\": \"{q}\""))
    };
    let mut studies = vec![
        make("110000", "800"),
        make("130000", "1000"),
        make("120000", "1200"),
        make("150000", "1600"),
        make("100000", "2000"),
        make("125000", "800").replace("\"sector\": \"ict\"", "\"sector\": \"road\""),
    ];
    studies.push(make("200000", "100").replace("\"completion_year\": 2027,", ""));
    for (i, s) in studies.iter().enumerate() {
        let f = dir.join(format!("p{i}.yeta.json"));
        std::fs::write(&f, s).expect("write");
        ok(&yeta(&["library", "--db", db, "import", f.to_str().expect("path"), "--key", &format!("p{i}")]));
    }
    let out = ok(&yeta(&["library", "--db", db, "reference-class"]));
    assert!(out.contains("6 completed projects"), "{out}");
    let ict = out.lines().find(|l| l.contains("ICT") || l.contains("ict")).expect("ict row");
    assert!(ict.contains("20.0 % / 34.0 % (n = 5)"), "{out}");
    assert!(ict.contains("40.0 % / 52.0 % (n = 5)"), "{out}");
    let road = out.lines().find(|l| l.to_lowercase().contains("road")).expect("road row");
    assert!(road.contains("25.0 % / 25.0 % (n = 1)") && road.contains("60.0 % / 60.0 % (n = 1)"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ex_ante_from_the_signed_off_library_revision() {
    // Revision 1 (the PFS forecast, 1,200 units) signed off; revision 2 a re-estimate (1,000 units,
    // unsigned). `--key` takes revision 1: ex-ante NPV 41,696 백만원 as with `--ex-ante FILE`;
    // `--revision 2` is refused, not signed off; a library without sign-offs is a clear error.
    let dir = std::env::temp_dir().join(format!("yeta-signed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("lib.sqlite");
    let ante = std::fs::read_to_string(root().join(ANTE)).expect("fixture");
    let later = ante.replace("\"amount\": \"1200\"", "\"amount\": \"1000\"");
    {
        let mut lib = yeta_store::Library::open(&db).expect("library");
        lib.save("admin", "admin", &ante, "", "", "PFS").expect("rev 1");
        lib.save("admin", "admin", &later, "", "", "re-estimate").expect("rev 2");
        lib.save("other", "other", &ante, "", "", "PFS").expect("other");
        lib.sign_off("admin", 1, "Kim", "reviewer", &"a".repeat(64), "").expect("sign-off");
    }
    let db = db.to_str().expect("path");
    let out = ok(&yeta(&["evaluate", POST, "--library", db, "--key", "admin", "--json", "-"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["ex_ante"]["npv"], "41696000000");
    let o = yeta(&["evaluate", POST, "--library", db, "--key", "admin", "--revision", "2"]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("not signed off"));
    let o = yeta(&["evaluate", POST, "--library", db, "--key", "other"]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("no revision is signed off"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn optimism_bias_from_the_library_reference_class() {
    // Seven completed rail projects of known overrun (total cost over the 100,000 ex ante):
    // 0.05, 0.40, 0.10, 0.25, 0.15, 0.60, 0; sorted 0, 0.05, 0.10, 0.15, 0.25, 0.40, 0.60.
    // P80 (numpy 'linear', Hyndman–Fan 7): h = 6 × 0.8 = 4.8 → 0.25 + 0.8 × (0.40 − 0.25) = 0.37.
    // P50: h = 3 → 0.15. Two ICT projects: fewer than the minimum of 5.
    let dir = std::env::temp_dir().join(format!("yeta-ob-library-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("lib.sqlite");
    let db = db.to_str().expect("path");
    let post = std::fs::read_to_string(root().join(POST)).expect("fixture");
    let make = |total: &str, sector: &str| {
        post.replace(
            "\"through_year\": 2028,",
            &format!("\"through_year\": 2028, \"total_cost\": {{\"value\": \"{total}\", \"source\": \"test\"}},"),
        )
        .replace("\"sector\": \"ict\"", &format!("\"sector\": \"{sector}\""))
    };
    let totals = ["105000", "140000", "110000", "125000", "115000", "160000", "100000"];
    let mut studies: Vec<String> = totals.iter().map(|t| make(t, "rail")).collect();
    studies.extend([make("120000", "ict"), make("130000", "ict")]);
    for (i, s) in studies.iter().enumerate() {
        let f = dir.join(format!("p{i}.yeta.json"));
        std::fs::write(&f, s).expect("write");
        ok(&yeta(&["library", "--db", db, "import", f.to_str().expect("path"), "--key", &format!("p{i}")]));
    }
    // The ex-ante fixture as a rail study whose uplift comes from the library.
    let mut ante: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(ANTE)).expect("fixture")).expect("json");
    let with = |ante: &mut serde_json::Value, sector: &str, ob: serde_json::Value| {
        ante["project"]["sector"] = sector.into();
        ante["parameters"]["optimism_bias"] = ob;
        let f = dir.join(format!("study-{sector}.yeta.json"));
        std::fs::write(&f, ante.to_string()).expect("write");
        f.to_str().expect("path").to_owned()
    };
    let rail =
        with(&mut ante, "rail", serde_json::json!({"project_type": "standard_civil_engineering", "source": "library"}));
    let out = ok(&yeta(&["appraise", &rail, "--library", db, "--json", "-"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["optimism_bias"]["uplift"], "0.37", "{}", v["optimism_bias"]);
    let source = v["optimism_bias"]["source"].as_str().expect("source");
    assert!(source.contains("library reference class, sector rail, P80 of n=7 projects"), "{source}");
    // Uplift 0.37 × capex 100,000 in 2026 (factor 1) = 37,000: NPV 141,696 − 137,000 = 4,696 백만원.
    let npv: f64 = v["economic"]["npv"].as_str().expect("npv").parse().expect("number");
    assert!((npv - 4_696e6).abs() < 1.0, "{npv}");
    // P50: 0.15 × 100,000 = 15,000: NPV 141,696 − 115,000 = 26,696 백만원.
    let p50 = with(
        &mut ante,
        "rail",
        serde_json::json!({"project_type": "standard_civil_engineering", "source": "library", "percentile": "p50"}),
    );
    let v: serde_json::Value =
        serde_json::from_str(&ok(&yeta(&["appraise", &p50, "--library", db, "--json", "-"]))).expect("json");
    assert_eq!(v["optimism_bias"]["uplift"], "0.15");
    let npv: f64 = v["economic"]["npv"].as_str().expect("npv").parse().expect("number");
    assert!((npv - 26_696e6).abs() < 1.0, "{npv}");
    // Without the library: refused, coded (the catalog's sentence, in Korean too).
    let o = yeta(&["appraise", &rail, "--lang", "ko"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("parameters.optimism_bias.source") && err.contains("--library"), "{err}");
    // Two ICT projects: too few for the minimum of 5.
    let ict = with(&mut ante, "ict", serde_json::json!({"project_type": "equipment_development", "source": "library"}));
    let o = yeta(&["appraise", &ict, "--library", db]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2 completed") && err.contains("5"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
