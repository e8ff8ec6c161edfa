//! Every route against a real PostgreSQL: the review workflow, roles and scope, sign-off checks,
//! the portfolio against a ranking worked out here, and bad input changing nothing.
#![allow(clippy::unwrap_used)]

mod common;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const A: &str = "국토교통부";
const B: &str = "과학기술정보통신부";

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

/// A report of `text`, signed by a reviewer whose certificate `ca` issued.
fn signed_report(text: &str, ca: &yeta_report::Credentials, name: &str, seed: u8) -> Vec<u8> {
    let a = yeta_core::appraise_json(text, None).unwrap();
    let pdf = yeta_report::render(&a, text, yeta_report::Lang::En).unwrap();
    let opts = yeta_report::KeygenOptions { issuer: Some(ca), ..Default::default() };
    let key = yeta_report::keygen_with(name, now() - 60, [seed; 32], &opts).unwrap();
    let cred = yeta_report::load_credentials(&key, None).unwrap();
    yeta_report::sign(&pdf, &cred, &yeta_report::SignOff { reviewer: name, role: "PFS reviewer", unix_time: now() })
        .unwrap()
}

fn cert_block(pem: &str) -> String {
    let s = pem.find("-----BEGIN CERTIFICATE-----").unwrap();
    let e = pem.find("-----END CERTIFICATE-----").unwrap() + "-----END CERTIFICATE-----".len();
    pem[s..e].to_owned() + "\n"
}

#[test]
fn review_workflow_scope_and_signoff() {
    let Some(env) = common::start("reg_workflow", 16 << 20) else { return };
    assert_eq!(env.call("GET", "/v1/health", None, None).0, 200);
    let a = env.user("officer-a", "officer", Some(A));
    let b = env.user("officer-b", "officer", Some(B));
    let r = env.reviewer("reviewer-1", "Reviewer One");
    // A reviewer whose certificate subject the administrator has not registered.
    let r2 = env.user("reviewer-2", "reviewer", None);
    let (s, me) = env.get("/v1/me", &a);
    assert_eq!((s, me["ministry"].as_str()), (200, Some(A)));

    let rail = common::fixture("rail-wide-area");
    let ict = common::fixture("ict-e-procurement");
    let (s, v) = env.submit(&a, "rail-1", &rail, false);
    assert_eq!(s, 200, "{v}");
    assert_eq!((v["revision"].as_i64(), v["status"].as_str()), (Some(1), Some("submitted")));
    assert_eq!(v["sha256"].as_str().unwrap(), hex(&Sha256::digest(rail.as_bytes())));
    let (s, v) = env.submit(&b, "ict-1", &ict, true);
    assert_eq!((s, v["status"].as_str()), (200, Some("draft")), "{v}");

    // Scope: each officer sees its ministry; the reviewer sees no draft.
    let keys = |t: &str| -> Vec<String> {
        let (s, v) = env.get("/v1/studies", t);
        assert_eq!(s, 200, "{v}");
        v["studies"].as_array().unwrap().iter().map(|x| x["key"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(keys(&a), ["rail-1"]);
    assert_eq!(keys(&b), ["ict-1"]);
    assert_eq!(keys(&r), ["rail-1"]);
    assert_eq!(env.get("/v1/studies/ict-1", &a).0, 404, "officer A read B's draft");
    assert_eq!(env.get("/v1/studies/ict-1/revisions/1", &a).0, 404);
    assert_eq!(env.get("/v1/studies/ict-1", &r).0, 404, "a reviewer read a draft");
    assert_eq!(env.get("/v1/studies/rail-1", &b).0, 404);
    let before = env.counts();
    assert_eq!(env.submit(&b, "rail-1", &ict, false).0, 404, "officer B wrote A's study");
    assert_eq!(env.post("/v1/studies/ict-1/comments", &a, &json!({"path": "project", "body": "x"})).0, 404);
    assert_eq!(env.post("/v1/studies/rail-1/review", &a, &json!({"action": "start"})).0, 403);
    assert_eq!(env.post("/v1/studies/ict-1/review", &r, &json!({"action": "start"})).0, 404);
    assert_eq!(env.counts(), before, "a refused request changed the database");

    // Review: start, return with comments; the officer's next revision shows what to diff.
    assert_eq!(
        env.post(
            "/v1/studies/rail-1/review",
            &r,
            &json!({"action": "return", "comments": [{"path": "project", "body": "x"}]})
        )
        .0,
        409
    );
    let (s, v) = env.post("/v1/studies/rail-1/review", &r, &json!({"action": "start"}));
    assert_eq!((s, v["status"].as_str()), (200, Some("under_review")), "{v}");
    assert_eq!(env.submit(&a, "rail-1", &rail, false).0, 409, "submitted while under review");
    assert_eq!(
        env.post("/v1/studies/rail-1/review", &r, &json!({"action": "return"})).0,
        400,
        "return without comments"
    );
    let cm = json!({"action": "return", "comments": [{"path": "costs[0].flows[0].amount", "body": "단가 근거를 보완하십시오"}]});
    assert_eq!(env.post("/v1/studies/rail-1/review", &r, &cm).0, 200);
    let (s, v) =
        env.post("/v1/studies/rail-1/comments", &a, &json!({"path": "costs[0]", "body": "근거 자료를 첨부했습니다"}));
    assert_eq!(s, 200, "{v}");
    let rail2 = rail.replacen("\"name\": \"", "\"name\": \"v2 ", 1);
    let (s, v) = env.submit(&a, "rail-1", &rail2, false);
    assert_eq!((s, v["revision"].as_i64()), (200, Some(2)), "{v}");
    let (_, st) = env.get("/v1/studies/rail-1", &r);
    assert_eq!(st["since_return"], json!({"from": 1, "to": 2}));
    // The server's comparison (the engine's diff): the one edited field, and the reviewer's
    // comment on the cost line not yet answered by a change there.
    let (s, ch) = env.get("/v1/studies/rail-1/changes", &a);
    assert_eq!((s, ch["from"].as_i64(), ch["to"].as_i64()), (200, Some(1), Some(2)), "{ch}");
    let inputs = ch["diff"]["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 1, "{ch}");
    assert_eq!(inputs[0]["path"], "project.name");
    let rc = ch["comments"].as_array().expect("comments");
    assert!(rc.iter().any(|c| c["path"] == "costs[0].flows[0].amount" && c["addressed"] == false), "{ch}");
    assert_eq!(env.get("/v1/studies/rail-1/changes", &b).0, 404, "officer B read A's changes");
    assert_eq!(env.get("/v1/studies/ict-1/changes", &b).0, 404, "no return, nothing to compare");
    assert_eq!(st["comments"][0]["path"], "costs[0].flows[0].amount");
    assert_eq!(st["comments"][0]["author"], "reviewer-1");
    let steps: Vec<(&str, &str)> = st["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("submitted", "officer-a"),
            ("under_review", "reviewer-1"),
            ("returned", "reviewer-1"),
            ("submitted", "officer-a")
        ]
    );
    let (s, v) = env.get("/v1/studies/rail-1/revisions/1", &r);
    assert_eq!((s, v["study"].as_str()), (200, Some(rail.as_str())));
    assert_eq!(env.get("/v1/studies/rail-1/revisions/9", &r).0, 404);

    // Sign-off: refused without a trust list, for another revision's report, for a tampered
    // report and for a signer the trust list does not hold; accepted for a trusted signer.
    assert_eq!(env.post("/v1/studies/rail-1/review", &r, &json!({"action": "start"})).0, 200);
    let ca_pem = yeta_report::keygen_with(
        "Team CA",
        now() - 3600,
        [3; 32],
        &yeta_report::KeygenOptions { ca: true, ..Default::default() },
    )
    .unwrap();
    let ca = yeta_report::load_credentials(&ca_pem, None).unwrap();
    let good = signed_report(&rail2, &ca, "Reviewer One", 5);
    let pdf = |t: &str, bytes: Vec<u8>| {
        env.call("POST", "/v1/studies/rail-1/signoff?role=PFS%20reviewer", Some(t), Some(("application/pdf", bytes)))
    };
    let (s, v) = pdf(&r, good.clone());
    assert_eq!((s, v["code"].as_str()), (409, Some("registry-no-trust")), "{v}");
    assert_eq!(env.call("POST", "/v1/trust", Some(&r), Some(("text/plain", cert_block(&ca_pem).into_bytes()))).0, 403);
    let (s, v) =
        env.call("POST", "/v1/trust", Some(&env.admin), Some(("text/plain", cert_block(&ca_pem).into_bytes())));
    assert_eq!(s, 200, "{v}");
    assert_eq!(env.get("/v1/trust", &r).1["trust"].as_array().unwrap().len(), 1);
    let before = env.counts();
    let (s, v) = pdf(&r, signed_report(&rail, &ca, "Reviewer One", 5));
    assert_eq!((s, v["code"].as_str()), (422, Some("registry-signoff-refused")), "revision 1's report accepted: {v}");
    let mut tampered = good.clone();
    let i = tampered.len() / 3;
    tampered[i] ^= 0x20;
    assert_eq!(pdf(&r, tampered).0, 422, "tampered report accepted");
    let self_signed = {
        let a = yeta_core::appraise_json(&rail2, None).unwrap();
        let p = yeta_report::render(&a, &rail2, yeta_report::Lang::En).unwrap();
        let k =
            yeta_report::load_credentials(&yeta_report::keygen("Mallory", now() - 60, [9; 32]).unwrap(), None).unwrap();
        yeta_report::sign(&p, &k, &yeta_report::SignOff { reviewer: "Mallory", role: "x", unix_time: now() }).unwrap()
    };
    assert_eq!(pdf(&r, self_signed).0, 422, "untrusted signer accepted");
    assert_eq!(pdf(&a, good.clone()).0, 403, "an officer signed off");
    // Trusted, but not this reviewer's: a colleague's report (the same team CA) is refused, and so
    // is any report from a reviewer with no certificate subject registered.
    let (s, v) = pdf(&r, signed_report(&rail2, &ca, "Reviewer Two", 6));
    assert_eq!((s, v["code"].as_str()), (422, Some("registry-signer-not-user")), "a colleague's report: {v}");
    assert!(v["message"]["ko"].as_str().unwrap().contains("Reviewer Two"), "{v}");
    let (s, v) = pdf(&r2, good.clone());
    assert_eq!(
        (s, v["code"].as_str(), v["path"].as_str()),
        (422, Some("registry-signer-unbound"), Some("signer")),
        "{v}"
    );
    // Only an administrator registers a subject, only for a reviewer.
    let patch = |t: &str, name: &str, body: Value| {
        env.call(
            "PATCH",
            &format!("/v1/users/{name}"),
            Some(t),
            Some(("application/json", body.to_string().into_bytes())),
        )
    };
    assert_eq!(
        patch(&r2, "reviewer-2", json!({"signer": "Reviewer One"})).0,
        403,
        "a reviewer registered their own subject"
    );
    assert_eq!(patch(&env.admin, "officer-a", json!({"signer": "Reviewer One"})).0, 400);
    assert_eq!(patch(&env.admin, "nobody", json!({"signer": "Reviewer One"})).0, 404);
    assert_eq!(patch(&env.admin, "reviewer-2", json!({"signer": "x'; DROP TABLE users; --"})).0, 400);
    assert_eq!(env.counts(), before);
    let (s, v) = patch(&env.admin, "reviewer-2", json!({"signer": "Reviewer Two"}));
    assert_eq!((s, v["signer"].as_str()), (200, Some("Reviewer Two")), "{v}");
    assert_eq!(
        pdf(&r2, good.clone()).1["code"],
        "registry-signer-not-user",
        "reviewer-2 signed off Reviewer One's report"
    );
    assert_eq!(env.count("signoffs"), 0, "a refused sign-off was kept");
    let (s, v) = pdf(&r, good.clone());
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["study_sha256"].as_str().unwrap(), hex(&Sha256::digest(rail2.as_bytes())));
    assert_eq!(v["report_sha256"].as_str().unwrap(), hex(&Sha256::digest(&good)));
    assert_eq!(v["signers"][0]["subject"], "Reviewer One");
    assert_eq!(v["signers"][0]["cert_sha256"].as_str().unwrap().len(), 64);
    let id = v["id"].as_i64().unwrap();
    let (s, stored) = env.raw("GET", &format!("/v1/studies/rail-1/signoffs/{id}/report"), Some(&r), None);
    assert_eq!((s, stored == good), (200, true));
    let (_, st) = env.get("/v1/studies/rail-1", &a);
    assert_eq!(st["status"], "signed_off");
    assert_eq!(st["signoffs"][0]["reviewer"], "reviewer-1");
    assert_eq!(env.submit(&a, "rail-1", &rail, false).0, 409, "submitted after sign-off");

    // Trust list: delete; audit: every write, administrators only.
    let tid = env.get("/v1/trust", &env.admin).1["trust"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(env.call("DELETE", &format!("/v1/trust/{tid}"), Some(&env.admin), None).0, 200);
    assert_eq!(env.call("DELETE", &format!("/v1/trust/{tid}"), Some(&env.admin), None).0, 404);
    assert_eq!(env.get("/v1/audit", &a).0, 403);
    let (_, log) = env.get("/v1/audit?per_page=500", &env.admin);
    let mut actions: Vec<&str> =
        log["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    actions.reverse();
    assert_eq!(
        actions,
        [
            "add-admin",
            "add-user",
            "add-user",
            "add-user",
            "add-user",
            "submit",
            "save-draft",
            "under_review",
            "returned",
            "comment",
            "submit",
            "under_review",
            "add-trust",
            "set-signer",
            "signoff",
            "remove-trust"
        ]
    );

    // Users: list, and a removed user's token is refused.
    let (s, v) = env.get("/v1/users", &env.admin);
    assert_eq!((s, v["users"].as_array().unwrap().len()), (200, 5));
    let signer = |n: &str| v["users"].as_array().unwrap().iter().find(|u| u["name"] == n).unwrap()["signer"].clone();
    assert_eq!((signer("reviewer-1"), signer("reviewer-2")), (json!("Reviewer One"), json!("Reviewer Two")));
    let (s, e) =
        env.post("/v1/users", &env.admin, &json!({"name": "o", "role": "officer", "ministry": A, "signer": "X"}));
    assert_eq!((s, e["path"].as_str()), (400, Some("signer")), "an officer given a signer: {e}");
    assert_eq!(env.get("/v1/users", &r).0, 403);
    assert_eq!(env.call("DELETE", "/v1/users/officer-b", Some(&env.admin), None).0, 200);
    let (s, v) = env.get("/v1/me", &b);
    assert_eq!((s, v["code"].as_str()), (401, Some("registry-unauthorized")));
    assert_eq!(env.submit(&b, "ict-2", &ict, false).0, 401);
    assert_eq!(env.get("/v1/studies", &a).0, 200, "another user's removal refused a token");
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let Some(env) = common::start("reg_bad", 256 << 10) else { return };
    let a = env.user("officer-a", "officer", Some(A));
    let r = env.user("reviewer-1", "reviewer", None);
    let rail = common::fixture("rail-wide-area");
    assert_eq!(env.submit(&a, "rail-1", &rail, false).0, 200);
    let before = env.counts();
    let sql =
        ["'; DROP TABLE studies; --", "x' OR '1'='1", "\"; DELETE FROM users; --", "rail-1; DROP TABLE revisions"];
    let expect = |what: &str, (s, v): (u16, Value), code: u16| {
        assert_eq!(s, code, "{what}: {v}");
        assert!(v["code"].as_str().unwrap().starts_with("registry-"), "{what}: {v}");
        assert!(!v["message"]["en"].as_str().unwrap().is_empty() && !v["message"]["ko"].as_str().unwrap().is_empty());
    };
    for m in sql {
        expect("key", env.submit(&a, m, &rail, false), 400);
        expect(
            "user name",
            env.post("/v1/users", &env.admin, &json!({"name": m, "role": "officer", "ministry": A})),
            400,
        );
        expect(
            "ministry",
            env.post("/v1/users", &env.admin, &json!({"name": "x", "role": "officer", "ministry": m})),
            400,
        );
        expect("role", env.post("/v1/users", &env.admin, &json!({"name": "x", "role": m})), 400);
        expect(
            "signer",
            env.post("/v1/users", &env.admin, &json!({"name": "y", "role": "reviewer", "signer": m})),
            400,
        );
        expect("comment path", env.post("/v1/studies/rail-1/comments", &r, &json!({"path": m, "body": "ok"})), 400);
        expect("review action", env.post("/v1/studies/rail-1/review", &r, &json!({"action": m})), 400);
        let q = m.replace(' ', "%20").replace('\'', "%27").replace(';', "%3B").replace('"', "%22");
        expect("status filter", env.get(&format!("/v1/studies?status={q}"), &r), 400);
        expect(
            "signoff role",
            env.call(
                "POST",
                &format!("/v1/studies/rail-1/signoff?role={q}"),
                Some(&r),
                Some(("application/pdf", b"%PDF".to_vec())),
            ),
            400,
        );
        expect("study text", env.submit(&a, "rail-2", m, false), 422);
        assert_eq!(env.get(&format!("/v1/studies?sector={q}"), &r).1["total"], 0);
    }
    expect(
        "malformed JSON",
        env.call("POST", "/v1/studies", Some(&a), Some(("application/json", b"{\"key\": \"x\", ".to_vec()))),
        400,
    );
    expect("unknown field", env.post("/v1/studies", &a, &json!({"key": "x", "study": rail, "admin": true})), 400);
    expect("wrong type", env.post("/v1/studies", &a, &json!({"key": 7, "study": rail})), 400);
    expect(
        "oversized body",
        env.call("POST", "/v1/studies", Some(&a), Some(("application/json", vec![b' '; 300 << 10]))),
        413,
    );
    let mut bad = rail.clone();
    bad = bad.replacen("\"base_year\": ", "\"base_year\": \"nineteen\", \"x\": ", 1);
    let (s, v) = env.submit(&a, "rail-2", &bad, false);
    assert_eq!((s, v["code"].as_str()), (422, Some("registry-study-invalid")), "{v}");
    expect("no token", env.call("GET", "/v1/studies", None, None), 401);
    expect("garbage token", env.get("/v1/studies", "'; DROP TABLE users; --"), 401);
    expect("unknown token", env.get("/v1/studies", &"ab".repeat(32)), 401);
    expect("page 0", env.get("/v1/studies?page=0", &r), 400);
    expect("unknown filter", env.get("/v1/portfolio?colour=red", &r), 400);
    expect("bad budget", env.get("/v1/portfolio?budget=lots", &r), 400);
    expect("unknown route", env.get("/v1/nothing", &r), 404);
    expect("bad revision", env.get("/v1/studies/rail-1/revisions/one", &r), 404);
    assert_eq!(env.counts(), before, "bad input changed the database");
    // Free text keeps what was typed: metacharacters are data, never SQL.
    for m in sql {
        assert_eq!(env.post("/v1/studies/rail-1/comments", &r, &json!({"path": "project.name", "body": m})).0, 200);
    }
    let (_, st) = env.get("/v1/studies/rail-1", &a);
    let bodies: Vec<&str> = st["comments"].as_array().unwrap().iter().map(|c| c["body"].as_str().unwrap()).collect();
    assert_eq!(bodies, sql);
    assert_eq!(env.count("studies"), 1);
    assert_eq!(env.count("users"), 3);
}

#[test]
fn portfolio_ranks_filters_and_cuts_like_compare() {
    let Some(env) = common::start("reg_portfolio", 16 << 20) else { return };
    let a = env.user("officer-a", "officer", Some(A));
    let b = env.user("officer-b", "officer", Some(B));
    let r = env.user("reviewer-1", "reviewer", None);
    for (t, k, f) in
        [(&a, "rail", "rail-wide-area"), (&a, "road", "road-national-route"), (&b, "ict", "ict-e-procurement")]
    {
        assert_eq!(env.submit(t, k, &common::fixture(f), false).0, 200);
    }
    assert_eq!(env.submit(&b, "ict-draft", &common::fixture("ict-e-procurement"), true).0, 200);
    // Expected by hand from each study's own figures: ranked by AHP score (B/C without AHP),
    // then B/C; the budget is drawn in rank order by the studies to implement.
    let (_, l) = env.get("/v1/studies", &r);
    let mut rows: Vec<(String, f64, f64, bool, i128)> = l["studies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let bc = s["bc_ratio"].as_f64().unwrap_or(0.0);
            (
                s["key"].as_str().unwrap().to_owned(),
                s["ahp_score"].as_f64().unwrap_or(bc),
                bc,
                s["implement"].as_bool().unwrap(),
                s["total_cost"].as_str().unwrap().parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows.len(), 3, "the draft is not in the reviewer's portfolio");
    rows.sort_by(|x, y| y.1.total_cmp(&x.1).then(y.2.total_cmp(&x.2)));
    let implement_costs: Vec<i128> = rows.iter().filter(|x| x.3).map(|x| x.4).collect();
    assert!(!implement_costs.is_empty(), "the fixtures include a study to implement");
    let budget = implement_costs[0]; // exactly the first implemented study fits
    let (s, p) = env.get(&format!("/v1/portfolio?budget={budget}"), &r);
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["total"], 3);
    let got: Vec<&str> = p["ranking"].as_array().unwrap().iter().map(|x| x["key"].as_str().unwrap()).collect();
    let want: Vec<&str> = rows.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(got, want);
    let mut cum = 0i128;
    for (row, exp) in p["ranking"].as_array().unwrap().iter().zip(&rows) {
        if exp.3 {
            cum += exp.4;
        }
        assert_eq!(row["cumulative_cost"].as_str().unwrap().parse::<i128>().unwrap(), cum, "{row}");
        assert_eq!(row["fits_budget"].as_bool(), exp.3.then_some(cum <= budget), "{row}");
        if let Some(score) = row["ahp_score"].as_f64() {
            let sum: f64 = row["contributions"].as_object().unwrap().values().map(|v| v.as_f64().unwrap()).sum();
            assert!((sum - score).abs() < 1e-9, "contributions {sum} ≠ score {score}");
        }
    }
    // Paging keeps the whole ranking's ranks; filters narrow it.
    let (_, p2) = env.get("/v1/portfolio?per_page=1&page=2", &r);
    assert_eq!((p2["ranking"][0]["key"].as_str(), p2["ranking"][0]["rank"].as_i64()), (Some(want[1]), Some(2)));
    assert_eq!(p2["total"], 3);
    let only = |q: &str, t: &str| -> Vec<String> {
        let (s, v) = env.get(&format!("/v1/portfolio?{q}"), t);
        assert_eq!(s, 200, "{v}");
        v["ranking"].as_array().unwrap().iter().map(|x| x["key"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(only("sector=rail", &r), ["rail"]);
    assert_eq!(only("sector=road&region=nowhere", &r), Vec::<String>::new());
    assert_eq!(only(&format!("ministry={}", B.bytes().map(|c| format!("%{c:02X}")).collect::<String>()), &r), ["ict"]);
    assert_eq!(only("status=draft", &r), Vec::<String>::new());
    let mut own_b = only("", &b);
    own_b.sort();
    assert_eq!(own_b, ["ict", "ict-draft"], "an officer's portfolio is its ministry's, drafts included");
    let year = l["studies"][0]["year"].as_i64().unwrap();
    let same_year = l["studies"].as_array().unwrap().iter().filter(|s| s["year"].as_i64() == Some(year)).count();
    assert_eq!(only(&format!("year={year}"), &r).len(), same_year);
}
