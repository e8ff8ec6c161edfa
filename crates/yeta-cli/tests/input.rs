//! Study input the way a Korean budget officer writes it (issue 15), through the `yeta` binary:
//! every problem in one run, names and suggestions, units, `yeta new`, Korean sheets, lossless
//! imports and `diff` by meaning. Expected figures are worked out by hand in the comments.

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

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("yeta-input-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).expect("tmp dir");
    d
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn validate_reports_every_problem_at_once() {
    let d = tmp("every");
    let f = d.join("bad.yeta.json");
    // Nine mistakes of six kinds: a missing field, an unknown code (sector), a near-miss name
    // (region), a bad amount, an unknown kind, a bad year, an unknown field, and two semantic ones.
    std::fs::write(
        &f,
        r#"{
  "format": "yeta-study/1",
  "project": { "name": "T", "sector": "spaceport", "region": "대구광역",
               "total_cost": "30억쯤", "state_funding": "100" },
  "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2040 },
  "costs": [ { "name": "Build", "kind": "capx", "flows": [ { "year": "2027년도", "amount": "100" } ] } ],
  "benefits": [ { "name": "Time", "kind": "travel_time",
                  "flows": [ { "from": 2028, "to": 2041, "amount": "-5", "growht": "0.1" } ] } ]
}"#,
    )
    .expect("write");
    let out = yeta(&["validate", s(&f)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("9 problems"), "{err}");
    for want in [
        "project.sponsor: missing field `sponsor`",
        "project.sector: \"spaceport\" is not a sector; did you mean \"airport\" (공항, airport)?",
        "project.region: \"대구광역\" is not a region; did you mean \"KR-27\" (대구광역시, Daegu)?",
        "project.total_cost: \"30억쯤\" is not a decimal number or an amount in won",
        "costs[0].kind: \"capx\" is not a cost kind; did you mean \"capex\"",
        "costs[0].flows[0].year: \"2027년도\" is not a year; write e.g. 2027 or \"2027년\"",
        "benefits[0].flows[0].growht: unknown field `growht`, expected one of",
        "benefits[0].flows[0].to: 2041 is after the analysis period's last year 2040",
        "benefits[0].flows[0].amount: -5 is negative",
    ] {
        assert!(err.contains(want), "{want}\n---\n{err}");
    }
    // Every allowed value is listed with both names.
    assert!(
        err.contains("KR-30 (대전광역시, Daejeon)") && err.contains("ict (정보화, ICT / digital government)"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    // appraise refuses with the same list.
    let out = yeta(&["appraise", s(&f)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("9 problems"));
}

#[test]
fn a_study_in_million_won_appraises_exactly_like_its_won_equivalent() {
    let won = yeta(&["appraise", "fixtures/ict-e-procurement.yeta.json", "--json", "-"]);
    let mil = yeta(&["appraise", "fixtures/notation/ict-e-procurement-million-won.yeta.json", "--json", "-"]);
    assert!(won.status.success() && mil.status.success(), "{}", text(&mil.stderr));
    let (a, b): (serde_json::Value, serde_json::Value) =
        (serde_json::from_slice(&won.stdout).expect("json"), serde_json::from_slice(&mil.stdout).expect("json"));
    for key in ["pv_benefits", "pv_costs", "npv"] {
        assert_eq!(a["economic"][key], b["economic"][key], "{key}");
    }
    assert_eq!(a["economic"]["bc_ratio"], b["economic"]["bc_ratio"]);
    assert_eq!(a["economic"]["irr"], b["economic"]["irr"]);
    assert_eq!(a["financial"]["fnpv"], b["financial"]["fnpv"]);
    // "95,000" 백만원 = 95,000 × 10^6 = 95,000,000,000 won; "950억" = 950 × 10^8, the same.
    assert_eq!(b["study"]["total_cost"], "95000000000");
    assert_eq!(b["study"]["state_funding"], "95000000000");
    assert_eq!((b["study"]["money_unit"].as_str(), b["study"]["input_unit"].as_str()), (Some("KRW"), Some("백만원")));
    assert_eq!(a["study"]["input_unit"], serde_json::Value::Null);
    // Korean names were read as codes.
    assert_eq!((b["study"]["sector"].as_str(), b["study"]["region"].as_str()), (Some("ict"), Some("KR-30")));
}

#[test]
fn new_writes_a_valid_skeleton_for_every_sector() {
    let d = tmp("new");
    // The PFS hierarchy by hand (METHOD.md): construction outside the capital region has a
    // regional criterion, inside it none; ICT has technical; the rest economic and policy.
    let cases = [
        ("road", "대구", "economic/policy/regional"),
        ("rail", "KR-30", "economic/policy/regional"),
        ("port", "부산", "economic/policy/regional"),
        ("airport", "제주", "economic/policy/regional"),
        ("water", "충북", "economic/policy/regional"),
        ("building", "서울", "economic/policy"),
        ("culture", "전남", "economic/policy"),
        ("ict", "대구", "economic/policy/technical"),
        ("rnd", "Daejeon", "economic/policy"),
        ("other", "경기", "economic/policy"),
    ];
    for (sector, region, tree) in cases {
        for lang in ["ko", "en"] {
            let f = d.join(format!("{sector}-{lang}.yeta.json"));
            let out = yeta(&["new", "--sector", sector, "--region", region, "--lang", lang, "--out", s(&f)]);
            assert!(out.status.success(), "{sector}: {}", text(&out.stderr));
            assert!(text(&out.stdout).contains(&format!("AHP hierarchy {tree}")), "{}", text(&out.stdout));
            let v = yeta(&["validate", s(&f)]);
            assert!(v.status.success(), "{sector} {lang}: {}", text(&v.stderr));
            assert!(!text(&v.stdout).contains("warning"), "{sector} {lang}: {}", text(&v.stdout));
            let a = yeta(&["appraise", s(&f), "--json", "-"]);
            assert!(a.status.success(), "{sector}: {}", text(&a.stderr));
            let j: serde_json::Value = serde_json::from_slice(&a.stdout).expect("json");
            let ids: Vec<&str> =
                j["ahp"]["criteria"].as_array().expect("criteria").iter().filter_map(|c| c["id"].as_str()).collect();
            assert_eq!(ids.join("/"), tree, "{sector}");
            let study: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&f).expect("read")).expect("json");
            assert_eq!(study["costs"].as_array().expect("costs").len(), 5, "a line of every cost kind");
            assert_eq!(study["benefits"].as_array().expect("b").len(), 8, "a line of every benefit kind");
            assert_eq!(study["revenues"].as_array().expect("r").len(), 4, "a line of every revenue kind");
            assert_eq!(study["unit"].as_str(), if lang == "ko" { Some("백만원") } else { None });
        }
    }
    let ict: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("ict-ko.yeta.json")).expect("r")).expect("j");
    let tech: Vec<&str> = ict["ahp"]["hierarchy"][2]["children"]
        .as_array()
        .expect("technical")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(tech, ["maturity", "architecture_fit", "security", "delivery_capability"]);
    // 2 build years × 30,000 백만원 = 60,000 백만원.
    assert_eq!(ict["project"]["total_cost"], "60000");
    assert_eq!(ict["project"]["region"], "KR-27");
}

#[test]
fn unknown_values_suggest_the_nearest() {
    let d = tmp("suggest");
    let f = d.join("x.yeta.json");
    let out = yeta(&["new", "--sector", "정보하", "--region", "대구", "--out", s(&f)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("--sector: \"정보하\" is not a sector; did you mean \"ict\" (정보화"), "{err}");
    let out = yeta(&["new", "--sector", "road", "--region", "Deagu", "--out", s(&f)]);
    assert!(text(&out.stderr).contains("did you mean \"KR-27\" (대구광역시, Daegu)"), "{}", text(&out.stderr));
    let src = std::fs::read_to_string(root().join("fixtures/road-national-route.yeta.json")).expect("fixture");
    std::fs::write(
        &f,
        src.replacen("\"kr-pfs-2026\"", "\"kr-pfs-2062\"", 1).replacen("\"kr-pfs-2019\"", "\"kr-pfs-2062\"", 1),
    )
    .expect("w");
    let out = yeta(&["validate", s(&f)]);
    let err = text(&out.stderr);
    assert!(
        err.contains("rules.id: \"kr-pfs-2062\" is not a rule set Yeta ships; did you mean \"kr-pfs-2026\""),
        "{err}"
    );
}

/// A small road study for the sheet tests: total cost 200억 = KRW 20,000,000,000, capex of 100억
/// in 2026 and 2027, and a toll revenue line the sheets leave out.
const STUDY: &str = r#"{
  "format": "yeta-study/1",
  "project": { "name": "Sheet test", "sponsor": "MOLIT", "sector": "도로", "region": "대구",
               "total_cost": "200억", "state_funding": "100억" },
  "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2040 },
  "costs": [ { "name": "공사비", "kind": "capex", "flows": [ { "from": 2026, "to": 2027, "amount": "100억" } ] } ],
  "benefits": [ { "name": "통행시간 절감", "kind": "travel_time", "flows": [ { "from": 2028, "to": 2040, "amount": "20억" } ] } ],
  "revenues": [ { "name": "통행료", "kind": "toll", "flows": [ { "from": 2028, "to": 2040, "amount": "1억" } ] } ]
}"#;

#[test]
fn a_korean_sheet_in_million_won_imports_to_the_right_magnitude() {
    let d = tmp("korean");
    let study = d.join("s.yeta.json");
    std::fs::write(&study, STUDY).expect("w");
    let sheet = "(단위: 백만원)\n구분,항목,유형,2026년,2027년,2028년,2029년\n비용,공사비,공사비,\"9,000\",\"11,000\",,\n비용,운영비,운영비,,,300,300\n편익,통행시간 절감,통행시간 절감,,,\"2,500\",\"2,500\"\n";
    let csv = d.join("k.csv");
    std::fs::write(&csv, sheet).expect("w");
    let out_path = d.join("new.yeta.json");
    let out = yeta(&["import", s(&study), "--lines", s(&csv), "--out", s(&out_path)]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}\n{stdout}", text(&out.stderr));
    assert!(stdout.contains("amounts in 백만원 (k.csv row 1, column A)"), "{stdout}");
    // No revenue in the sheet: the toll line is kept, and said.
    assert!(stdout.contains("kept the study's 1 revenues line(s): the sheet has none"), "{stdout}");
    let new: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).expect("r")).expect("j");
    // 9,000 백만원 = 9,000,000,000 won; 11,000 백만원 = 11,000,000,000 won (capex 200억 = total).
    let f = &new["costs"][0]["flows"];
    assert_eq!((f[0]["year"].as_i64(), f[0]["amount"].as_str()), (Some(2026), Some("9000000000")), "{new}");
    assert_eq!((f[1]["year"].as_i64(), f[1]["amount"].as_str()), (Some(2027), Some("11000000000")));
    assert_eq!(new["costs"][1]["kind"], "opex");
    assert_eq!(new["costs"][1]["flows"][0]["amount"], "300000000", "300 백만원, two years as one range");
    assert_eq!(new["revenues"][0]["name"], "통행료");
    // The study's own notation outside the lines is kept as written.
    assert_eq!(
        (new["project"]["sector"].as_str(), new["project"]["total_cost"].as_str()),
        (Some("도로"), Some("200억"))
    );

    // The same sheet without its unit row is read in won: 20,000 won of capex against a total
    // cost of KRW 20,000,000,000 is 1/1,000,000 of it — refused, naming both figures.
    std::fs::write(&csv, sheet.replacen("(단위: 백만원)\n", "", 1)).expect("w");
    let refused = d.join("refused.yeta.json");
    let out = yeta(&["import", s(&study), "--lines", s(&csv), "--out", s(&refused)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("KRW 20,000 read in 원") && err.contains("1/1,000,000 of project.total_cost KRW 20,000,000,000"),
        "{err}"
    );
    assert!(err.contains("in 백만원 they would be KRW 20,000,000,000"), "{err}");
    assert!(!refused.exists(), "nothing written");
    // --unit says what the sheet does not.
    let out = yeta(&["import", s(&study), "--lines", s(&csv), "--unit", "백만원", "--out", s(&refused)]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // A missing kind column is named as such.
    std::fs::write(&csv, "구분,항목,2026,2027\n비용,공사비,100,100\n").expect("w");
    let out = yeta(&["import", s(&study), "--lines", s(&csv), "--out", s(&refused)]);
    let err = text(&out.stderr);
    assert!(err.contains("no kind column (\"kind\" or \"유형\")"), "{err}");
}

#[test]
fn importing_an_unchanged_export_leaves_every_study_byte_identical() {
    let d = tmp("lossless");
    let mut files: Vec<PathBuf> =
        ["fixtures/notation/ict-e-procurement-million-won.yeta.json"].iter().map(|p| root().join(p)).collect();
    files.extend(
        std::fs::read_dir(root().join("fixtures"))
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.to_string_lossy().ends_with(".yeta.json")),
    );
    for f in files {
        let name = f.file_name().expect("name").to_string_lossy().into_owned();
        let xlsx = d.join(format!("{name}.xlsx"));
        let out = yeta(&["export", s(&f), "--xlsx", s(&xlsx)]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let back = d.join(format!("{name}.back.json"));
        let out = yeta(&["import", s(&f), "--lines", s(&xlsx), "--out", s(&back)]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains(" 0 of "), "{name}: {}", text(&out.stdout));
        let (a, b) = (std::fs::read(&f).expect("a"), std::fs::read(&back).expect("b"));
        assert!(a == b, "{name}: the import of an unchanged export changed the study");
    }
}

#[test]
fn one_edited_cell_is_one_change_in_the_file_and_in_diff() {
    let d = tmp("onecell");
    let study = d.join("s.yeta.json");
    // AHP fractions, Korean notation and a ranged flow with growth: all must survive.
    let with_ahp = STUDY.replacen(
        "\"revenues\"",
        "\"ahp\": { \"evaluators\": [ { \"name\": \"A\", \"criteria\": { \"goal\": [[1, \"1/3\", 1], [3, 1, 3], [1, \"1/3\", 1]], \"policy\": [[1,1,1,1],[1,1,1,1],[1,1,1,1],[1,1,1,1]], \"regional\": [[1,1,1],[1,1,1],[1,1,1]] }, \"alternatives\": { \"economic\": 1, \"consistency_readiness\": 1, \"implementation_risk\": 1, \"policy_effects\": 1, \"special_items\": 1, \"backwardness\": 1, \"regional_economy\": 1, \"employment\": 1 } } ] },\n  \"revenues\"",
        1,
    ).replacen("\"amount\": \"20억\" }", "\"amount\": \"20억\", \"growth\": \"0.01\" }", 1);
    std::fs::write(&study, &with_ahp).expect("w");
    let v = yeta(&["validate", s(&study)]);
    assert!(v.status.success(), "{}", text(&v.stderr));
    // The sheet an officer sends back: the export's values (in 백만원), one cell edited.
    let csv = d.join("edited.csv");
    let mut rows = vec![
        "(단위: 백만원)".to_owned(),
        "구분,항목,유형,".to_owned() + &(2026..=2040).map(|y| y.to_string()).collect::<Vec<_>>().join(","),
    ];
    let cap: Vec<String> = (2026..=2040)
        .map(|y| {
            if y == 2027 {
                "12000".into()
            } else if y == 2026 {
                "10000".into()
            } else {
                String::new()
            }
        })
        .collect();
    rows.push(format!("비용,공사비,capex,{}", cap.join(",")));
    // 20억 = 2,000 백만원 growing 1 % a year: 2000 × 1.01^(y − 2028), exactly as decimals.
    let mut x = rust_decimal::Decimal::from(2000);
    let mut ben = vec![String::new(), String::new()];
    for _ in 2028..=2040 {
        ben.push(x.normalize().to_string());
        x *= rust_decimal::Decimal::new(101, 2);
    }
    rows.push(format!("편익,통행시간 절감,travel_time,{}", ben.join(",")));
    let toll: Vec<String> = (2026..=2040).map(|y| if y >= 2028 { "100".into() } else { String::new() }).collect();
    rows.push(format!("수입,통행료,toll,{}", toll.join(",")));
    std::fs::write(&csv, rows.join("\n") + "\n").expect("w");
    let new = d.join("new.yeta.json");
    let out = yeta(&["import", s(&study), "--lines", s(&csv), "--out", s(&new)]);
    assert!(out.status.success(), "{}\n{}", text(&out.stderr), text(&out.stdout));
    assert!(text(&out.stdout).contains("1 of 3 lines changed"), "{}", text(&out.stdout));
    let after = std::fs::read_to_string(&new).expect("r");
    // Only the capex line is rewritten; fractions, 억 amounts and the growing range stay as written.
    assert!(
        after.contains("[1, \"1/3\", 1]") && after.contains("\"amount\": \"20억\", \"growth\": \"0.01\""),
        "{after}"
    );
    assert!(after.contains("\"total_cost\": \"200억\""));
    // Every other line of the file is there as it was.
    for line in with_ahp.lines().filter(|l| !l.contains("\"costs\"")) {
        assert!(after.lines().any(|a| a == line), "{line}\n---\n{after}");
    }
    // diff: one change, the capex line in 2027: 100억 → 12,000 백만원 = 12,000,000,000.
    let out = yeta(&["diff", s(&study), s(&new), "--json", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let inputs = j["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 1, "{j}");
    assert_eq!((inputs[0]["stage"].as_str(), inputs[0]["line"].as_str()), (Some("costs"), Some("공사비")));
    assert_eq!(inputs[0]["years"], serde_json::json!([{ "year": 2027, "old": "10000000000", "new": "12000000000" }]));
}

#[test]
fn diff_compares_meaning_not_text() {
    let d = tmp("meaning");
    let (a, b) = (d.join("a.yeta.json"), d.join("b.yeta.json"));
    std::fs::write(&a, STUDY).expect("w");
    // The same study in other notation: won, codes, a year per flow instead of a range, 2.0.
    let other = STUDY
        .replace("\"도로\"", "\"road\"")
        .replace("\"대구\"", "\"KR-27\"")
        .replace("\"200억\"", "\"20,000,000,000\"")
        .replace("\"100억\"", "\"10000000000.0\"")
        .replacen(
            "{ \"from\": 2026, \"to\": 2027, \"amount\": \"10000000000.0\" }",
            "{ \"year\": 2026, \"amount\": \"100억\" }, { \"year\": \"2027년\", \"amount\": \"10,000백만원\" }",
            1,
        );
    std::fs::write(&b, other).expect("w");
    let out = yeta(&["diff", s(&a), s(&b), "--json", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(j["inputs"], serde_json::json!([]), "{j}");
}

#[test]
fn the_template_is_the_korean_layout_import_reads() {
    let d = tmp("template");
    let study = d.join("s.yeta.json");
    std::fs::write(&study, STUDY).expect("w");
    // Filled from the study: importing it back changes nothing, byte for byte.
    let xlsx = d.join("t.xlsx");
    let out = yeta(&["template", "--xlsx", s(&xlsx), "--study", s(&study)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("amounts in 백만원"));
    let back = d.join("back.yeta.json");
    let out = yeta(&["import", s(&study), "--lines", s(&xlsx), "--out", s(&back)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("0 of 3 lines changed"), "{}", text(&out.stdout));
    assert_eq!(std::fs::read_to_string(&back).expect("r"), STUDY);
    // The sheet: unit in A1, Korean header, 100억 = 10,000 백만원, drop-downs.
    use calamine::{Data, Reader};
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("opens");
    let r = wb.worksheet_range("Lines").expect("Lines");
    assert_eq!(r.get_value((0, 0)), Some(&Data::String("(단위: 백만원)".into())));
    assert_eq!(r.get_value((1, 0)), Some(&Data::String("구분".into())));
    assert_eq!(r.get_value((2, 0)), Some(&Data::String("비용".into())));
    assert_eq!(r.get_value((2, 3)), Some(&Data::Float(10_000.0)));
    // An empty template has example lines and no amounts: importing it names the empty lines.
    let empty = d.join("e.xlsx");
    assert!(yeta(&["template", "--xlsx", s(&empty), "--from", "2026", "--to", "2040"]).status.success());
    let out = yeta(&["import", s(&study), "--lines", s(&empty), "--out", s(&back)]);
    assert!(text(&out.stderr).contains("line \"(예시) 공사비\" has no amounts"), "{}", text(&out.stderr));
}
