//! The `yeta` binary driven as a user would: fixtures, every bad study, mangled input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yeta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yeta")).args(args).current_dir(root()).output().expect("yeta runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".yeta.json"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_bad_study_fails_with_its_message() {
    let dir = root().join("fixtures/bad");
    let mut checked = 0;
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("bad dir").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for study in entries.iter().filter(|p| p.to_string_lossy().ends_with(".yeta.json")) {
        let name = study.file_name().expect("name").to_string_lossy().replace(".yeta.json", "");
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected"))).expect("expected file");
        let expected = expected.trim();
        for cmd in ["validate", "appraise"] {
            let out = yeta(&[cmd, study.to_str().expect("path")]);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{cmd} {name}: exit {:?}\n{err}", out.status.code());
            assert!(err.contains(expected), "{cmd} {name}:\nexpected: {expected}\ngot:\n{err}");
            assert!(!err.contains("panicked"), "{name}: {err}");
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} bad studies");
}

#[test]
fn fixtures_appraise_to_json_with_the_stable_keys() {
    let fx = fixtures();
    assert!(fx.len() >= 3);
    for f in fx {
        let out = yeta(&["appraise", f.to_str().expect("path"), "--json", "-"]);
        assert!(out.status.success(), "{}: {}", f.display(), text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        let e = &v["economic"];
        for key in ["pv_benefits", "pv_costs", "npv"] {
            let s = e[key].as_str().unwrap_or_else(|| panic!("{}: economic.{key} is not a string", f.display()));
            assert!(s.parse::<f64>().is_ok(), "{key} = {s}");
        }
        assert!(e["bc_ratio"].is_number(), "bc_ratio is a number");
        assert!(e["irr"].is_number() || e["irr"].is_null());
        assert!(e["convention"]["timing"].as_str().expect("timing").contains("end of year"));
        assert_eq!(e["sensitivity"].as_array().expect("rows").len(), 11);
        assert!(v["financial"]["funding"]["state_share"].is_number());
        assert!(v["rules"]["id"].is_string() && v["rules"]["social_discount"]["source"].is_string());
        assert!(v["verdict"]["summary"].is_string());
    }
}

#[test]
fn summary_speaks_korean_and_english() {
    let f = root().join("fixtures/road-national-route.yeta.json");
    let ko = text(&yeta(&["appraise", f.to_str().expect("path"), "--lang", "ko"]).stdout);
    let en = text(&yeta(&["appraise", f.to_str().expect("path"), "--lang", "en"]).stdout);
    assert!(ko.contains("경제성 분석") && ko.contains("억원"), "{ko}");
    assert!(en.contains("Economic analysis") && en.contains("KRW"), "{en}");
    // verdict-relevant figures first: the verdict and B/C come before the sensitivity table
    assert!(en.find("Verdict").expect("verdict") < en.find("B/C ratio").expect("bc"));
    assert!(en.find("B/C ratio").expect("bc") < en.find("Sensitivity").expect("sens"));
}

#[test]
fn below_threshold_study_is_warned() {
    let dir = tempdir();
    let src = std::fs::read_to_string(root().join("fixtures/road-national-route.yeta.json")).expect("fixture");
    // KRW 40 bn total: under every Korean PFS threshold.
    let small = src
        .replace("\"total_cost\": \"180000000000\"", "\"total_cost\": \"40000000000\"")
        .replace("\"state_funding\": \"180000000000\"", "\"state_funding\": \"40000000000\"");
    let p = dir.join("small.yeta.json");
    std::fs::write(&p, small).expect("write");
    let out = yeta(&["appraise", p.to_str().expect("path")]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(s.contains("below the PFS thresholds of kr-pfs-2026"), "{s}");
}

#[test]
fn schema_file_is_generated_from_the_types() {
    let out = yeta(&["schema"]);
    assert!(out.status.success());
    let shipped =
        std::fs::read_to_string(root().join("fixtures/schema/yeta-study-1.schema.json")).expect("schema file");
    if std::env::var_os("YETA_BLESS").is_some() {
        std::fs::write(root().join("fixtures/schema/yeta-study-1.schema.json"), &out.stdout).expect("bless");
        return;
    }
    assert_eq!(text(&out.stdout), shipped, "fixtures/schema is stale: rerun with YETA_BLESS=1");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    assert_eq!(v["title"], "Study");
}

#[test]
fn missing_file_and_unknown_rules_are_plain_errors() {
    let out = yeta(&["appraise", "no/such/file.yeta.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read no/such/file.yeta.json"));
    let out = yeta(&["rules", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    let out = yeta(&["rules"]);
    assert!(text(&out.stdout).contains("uk-green-book-2022"));
}

/// Mangled studies — truncated, bytes replaced, numbers blown up — give exit code 1 with a
/// message, never a panic (exit 101).
#[test]
fn mangled_input_never_panics_the_cli() {
    let dir = tempdir();
    let src = std::fs::read_to_string(root().join("fixtures/rail-wide-area.yeta.json")).expect("fixture");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let bytes = src.as_bytes();
    for i in 0..40 {
        let mut b = bytes.to_vec();
        match i % 4 {
            0 => b.truncate((next() as usize) % b.len()),
            1 => {
                for _ in 0..3 {
                    let at = (next() as usize) % b.len();
                    b[at] = b"{}[]\",:0-9e"[(next() as usize) % 11];
                }
            }
            2 => {
                let s = String::from_utf8_lossy(&b).replacen("\"60000000000\"", "\"99999999999999999999999999999\"", 1);
                b = s.into_bytes();
            }
            _ => {
                let s = String::from_utf8_lossy(&b).replacen("\"0.01\"", "\"-7\"", 1).replacen("2061", "999999", 1);
                b = s.into_bytes();
            }
        }
        let p = dir.join(format!("m{i}.yeta.json"));
        std::fs::write(&p, &b).expect("write");
        let out = yeta(&["appraise", p.to_str().expect("path")]);
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(1), "mutation {i}: exit {code:?}\n{}", text(&out.stderr));
        if code == Some(1) {
            assert!(!text(&out.stderr).trim().is_empty());
        }
    }
}

fn tempdir() -> PathBuf {
    let d =
        std::env::temp_dir().join(format!("yeta-cli-test-{}-{:?}", std::process::id(), std::thread::current().id()));
    std::fs::create_dir_all(&d).expect("tempdir");
    d
}

#[test]
fn ahp_command_gives_weights_cr_and_hints() {
    let out = yeta(&["ahp", "fixtures/ahp/method-example.json", "--json", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // METHOD.md: w (0.6370, 0.2583, 0.1047), λmax 3.03851, CR 0.0332
    let w: Vec<f64> = v["weights"].as_array().expect("weights").iter().map(|x| x.as_f64().expect("f64")).collect();
    assert!((w[0] - 0.6370).abs() < 5e-5 && (w[1] - 0.2583).abs() < 5e-5 && (w[2] - 0.1047).abs() < 5e-5);
    assert!((v["lambda_max"].as_f64().expect("λ") - 3.03851).abs() < 5e-6);
    assert!((v["cr"].as_f64().expect("cr") - 0.0332).abs() < 5e-5);
    assert_eq!(v["consistent"], true);
    let out = yeta(&["ahp", "fixtures/ahp/inconsistent.json", "--json", "-"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["consistent"], false);
    assert!(v["hints"][0].as_str().expect("hint").contains("reconsider (cost, time): 1/3 given"), "{}", v["hints"]);
    let dir = tempdir();
    let bad = dir.join("bad-ahp.json");
    std::fs::write(&bad, r#"{"items": ["a", "b"], "matrix": [[1, 0], [2, 1]]}"#).expect("write");
    let out = yeta(&["ahp", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("matrix[0][1]: 0 is not positive"), "{}", text(&out.stderr));
}

#[test]
fn fixtures_carry_the_ahp_evaluation() {
    for f in fixtures() {
        let out = yeta(&["appraise", f.to_str().expect("path"), "--json", "-"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let a = &v["ahp"];
        assert!(a["score"].is_number() && a["verdict"].is_string(), "{}", f.display());
        assert_eq!(a["score_range"].as_array().expect("range").len(), 2);
        assert_eq!(a["evaluators"].as_array().expect("panel").len(), 5);
        assert!(a["evaluators"][0]["cr"].is_number());
        let sum: f64 =
            a["contributions"].as_object().expect("contributions").values().map(|x| x.as_f64().expect("f64")).sum();
        assert!((sum - a["score"].as_f64().expect("score")).abs() < 1e-12);
        assert_eq!(v["verdict"]["basis"], "ahp");
    }
}

#[test]
fn risk_command_writes_the_stable_keys_and_is_reproducible() {
    let run = |threads: &str| {
        let out = yeta(&[
            "risk",
            "fixtures/rail-wide-area.yeta.json",
            "--draws",
            "5000",
            "--seed",
            "3",
            "--threads",
            threads,
            "--json",
            "-",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")
    };
    let v = run("1");
    for key in ["mean", "p10", "p50", "p90"] {
        assert!(v["npv"][key].is_string(), "npv.{key}");
    }
    assert!(v["bc_ratio"]["p50"].is_number());
    assert!(v["prob_bc_ge_1"].is_number());
    assert!(v["histogram"].as_array().expect("histogram").len() == 30);
    assert!(v["critical_variables"].is_array());
    assert_eq!(v, run("2"), "same seed, same numbers on 1 and 2 threads");
}

#[test]
fn fixtures_carry_policy_regional_and_environment() {
    for f in fixtures() {
        let out = yeta(&["appraise", f.to_str().expect("path"), "--json", "-"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert!(!v["policy"]["groups"].as_array().expect("policy").is_empty(), "{}", f.display());
        assert!(v["regional"]["backwardness"]["rank"].is_number(), "{}", f.display());
        assert!(v["environment"]["total_tco2e"].as_f64().expect("tCO2e") > 0.0, "{}", f.display());
        // Gross emissions lower the B/C; a net reduction against the counterfactual raises it.
        let (with, without) = (
            v["environment"]["bc_with_carbon"].as_f64().expect("bc"),
            v["environment"]["bc_without_carbon"].as_f64().expect("bc"),
        );
        let reduces = v["environment"]["net"]["net_tco2e"].as_str().is_some_and(|t| t.starts_with('-'));
        assert!(if reduces { with > without } else { with < without }, "{}", f.display());
    }
}

#[test]
fn users_region_table_is_checked_cell_by_cell() {
    let dir = tempdir();
    let good = std::fs::read_to_string(root().join("fixtures/regions/kr-regions-2022.csv")).expect("table");
    let bad = dir.join("regions.csv");
    std::fs::write(&bad, good.replace("KR-49,Jeju,0.2,2.9", "KR-49,Jeju,0.2,n/a")).expect("write");
    let out = yeta(&["appraise", "fixtures/road-national-route.yeta.json", "--regions", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("line 18, column manufacturing_employment_share_pct: \"n/a\" is not a number"),
        "{}",
        text(&out.stderr)
    );
    // the user's own table is used and named as such
    let mine = dir.join("mine.csv");
    std::fs::write(&mine, good.replace("KR-43,Chungbuk,0.2", "KR-43,Chungbuk,-3.0")).expect("write");
    let out = yeta(&[
        "appraise",
        "fixtures/road-national-route.yeta.json",
        "--regions",
        mine.to_str().expect("path"),
        "--json",
        "-",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["regional"]["backwardness"]["data"], "the user's region table");
}

#[test]
fn library_import_history_export_and_signoff() {
    let dir = tempdir().join("lib");
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("library.sqlite");
    let db = db.to_str().expect("path");
    let out = yeta(&[
        "library",
        "--db",
        db,
        "import",
        "fixtures/road-national-route.yeta.json",
        "--author",
        "kim",
        "--reason",
        "first submission",
        "--time",
        "2026-11-01T09:00:00Z",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("road-national-route: saved as revision 1"));
    let out = yeta(&["library", "--db", db, "import", "fixtures/bad/negative-amount.yeta.json"]);
    assert_eq!(out.status.code(), Some(1), "an invalid study is not stored");
    assert!(text(&out.stderr).contains("is negative"));
    let signoff = |report: &std::path::Path| {
        yeta(&[
            "library",
            "--db",
            db,
            "signoff",
            "road-national-route",
            "--revision",
            "1",
            "--reviewer",
            "Park",
            "--role",
            "reviewer",
            "--report",
            report.to_str().expect("path"),
        ])
    };
    let with_key = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_yeta"))
            .args(args)
            .current_dir(root())
            .env("YETA_KEY_PASSWORD", "pw")
            .output()
            .expect("yeta runs")
    };
    let path = |n: &str| dir.join(n).to_str().expect("path").to_owned();
    // Not a report, an unsigned report, a report of another study: each refused, saying why.
    let report = dir.join("pretend.pdf");
    std::fs::write(&report, b"%PDF-1.7 pretend").expect("write");
    let out = signoff(&report);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("refusing the sign-off"), "{}", text(&out.stderr));
    assert!(yeta(&["report", "fixtures/road-national-route.yeta.json", "--pdf", &path("r.pdf")]).status.success());
    let out = signoff(&dir.join("r.pdf"));
    assert!(text(&out.stderr).contains("the report is not signed"), "{}", text(&out.stderr));
    assert!(with_key(&["keygen", "--name", "Park", "--out", &path("park.pem")]).status.success());
    assert!(yeta(&["report", "fixtures/rail-wide-area.yeta.json", "--pdf", &path("other.pdf")]).status.success());
    let sign = |input: &str, out: &str| {
        let o = with_key(&[
            "sign",
            &path(input),
            "--key",
            &path("park.pem"),
            "--reviewer",
            "Park",
            "--role",
            "r",
            "--out",
            &path(out),
        ]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    };
    sign("other.pdf", "other-signed.pdf");
    let out = signoff(&dir.join("other-signed.pdf"));
    assert!(text(&out.stderr).contains("embedded study has SHA-256"), "{}", text(&out.stderr));
    sign("r.pdf", "report.pdf");
    let out = signoff(&dir.join("report.pdf"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("certificate SHA-256"), "{}", text(&out.stdout));
    let out = yeta(&[
        "library",
        "--db",
        db,
        "import",
        "fixtures/road-national-route.yeta.json",
        "--key",
        "road-national-route",
        "--author",
        "kim",
        "--reason",
        "after review",
    ]);
    assert!(text(&out.stdout).contains("revision 2"));
    let h = text(&yeta(&["library", "--db", db, "history", "road-national-route"]).stdout);
    assert!(h.contains("first submission") && h.contains("signed off by Park") && h.contains("after review"), "{h}");
    let exported = dir.join("exported.yeta.json");
    let out = yeta(&[
        "library",
        "--db",
        db,
        "export",
        "road-national-route",
        "--revision",
        "1",
        "--out",
        exported.to_str().expect("path"),
    ]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(&exported).expect("exported"),
        std::fs::read_to_string(root().join("fixtures/road-national-route.yeta.json")).expect("fixture")
    );
    let list = text(&yeta(&["library", "--db", db, "list"]).stdout);
    assert!(list.contains("road-national-route") && list.contains("2 rev"), "{list}");
    // A damaged library file is reported, not overwritten.
    let bad = dir.join("bad.sqlite");
    std::fs::write(&bad, vec![b'x'; 4096]).expect("write");
    let out = yeta(&["library", "--db", bad.to_str().expect("path"), "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("damaged"), "{}", text(&out.stderr));
}

#[test]
fn compare_ranks_and_contributions_sum_to_the_score() {
    let out = yeta(&[
        "compare",
        "fixtures/ict-e-procurement.yeta.json",
        "fixtures/road-national-route.yeta.json",
        "fixtures/rail-wide-area.yeta.json",
        "--budget",
        "200000000000",
        "--json",
        "-",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = v["ranking"].as_array().expect("rows");
    assert_eq!(rows.len(), 3);
    let scores: Vec<f64> = rows.iter().map(|r| r["ahp_score"].as_f64().expect("score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "ranked by AHP score: {scores:?}");
    for r in rows {
        let sum: f64 =
            r["contributions"].as_object().expect("contributions").values().map(|x| x.as_f64().expect("f64")).sum();
        assert!((sum - r["ahp_score"].as_f64().expect("score")).abs() < 1e-12);
    }
    // KRW 200 bn: the ICT project (95 bn) fits, the road (180 bn) would take the total to 275 bn.
    assert_eq!(rows[0]["fits_budget"], true);
    assert_eq!(rows[1]["fits_budget"], false);
    assert!(rows[2]["fits_budget"].is_null(), "a project not to implement draws no budget");
}

#[test]
fn diff_lists_inputs_and_result_changes() {
    let dir = tempdir();
    let src = std::fs::read_to_string(root().join("fixtures/road-national-route.yeta.json")).expect("fixture");
    let b = dir.join("road-b.yeta.json");
    std::fs::write(&b, src.replacen("\"50000000000\"", "\"60000000000\"", 1)).expect("write");
    let out = yeta(&["diff", "fixtures/road-national-route.yeta.json", b.to_str().expect("path"), "--json", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // One edited amount is one change: the line, with the one year that moved (by hand: the
    // fixture's second flow of costs[0], KRW 50 bn → 60 bn).
    assert_eq!(v["inputs"].as_array().expect("inputs").len(), 1, "{v}");
    assert_eq!(v["inputs"][0]["path"], "costs[0]");
    let years = v["inputs"][0]["years"].as_array().expect("years");
    assert_eq!(years.len(), 1, "{v}");
    assert_eq!((years[0]["old"].as_str(), years[0]["new"].as_str()), (Some("50000000000"), Some("60000000000")));
    let bc = v["results"]["bc_ratio"].as_array().expect("bc");
    assert!(bc[1].as_f64().expect("b") < bc[0].as_f64().expect("a"));
}
