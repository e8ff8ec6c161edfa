//! `yeta registry …`: the client of a shared review registry (`yeta-registry`). The login (URL,
//! token, optional CA file) is kept in `~/.config/yeta/registry.json` (mode 0600), or given by
//! `YETA_REGISTRY_URL` / `YETA_REGISTRY_TOKEN` / `YETA_REGISTRY_CA`. A token is never sent over
//! plain `http://` except to this machine (loopback): elsewhere the registry is reached over
//! https (rustls), normally through a TLS-terminating reverse proxy.

// The registry's refusals are large errors (code, path, arguments, both sentences); they follow a
// network round trip, never a hot path.
#![allow(clippy::result_large_err)]

use crate::Lang;
use anyhow::{Context as _, Result, anyhow, bail};
use clap::Subcommand;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::ExitCode;
use yeta_service::registry::{self as reg, Client, Login, Outbox, RegistryError, query};

/// The registry commands.
#[derive(Subcommand)]
pub enum RegistryCmd {
    /// Save the registry's URL and your token (checked against the registry).
    Login {
        /// The registry, e.g. https://registry.example.go.kr or http://127.0.0.1:8700.
        url: String,
        /// Your token (else read from standard input).
        #[arg(long)]
        token: Option<String>,
        /// A PEM file of the CA certificates to trust for https (else Mozilla's roots).
        #[arg(long)]
        ca: Option<PathBuf>,
    },
    /// Submit a study file as a new revision (or save it as a draft).
    Submit {
        /// The study file.
        study: PathBuf,
        /// The study's key in the registry.
        #[arg(long)]
        key: String,
        /// Keep it as a draft, not yet visible to reviewers.
        #[arg(long)]
        draft: bool,
        /// Queue it in the outbox and send the queue if the registry can be reached (else it
        /// waits for `yeta registry queue --flush` or the app).
        #[arg(long)]
        queue: bool,
    },
    /// The outbox: submissions waiting for the registry, and those it refused.
    Queue {
        /// Send the waiting submissions now, in order.
        #[arg(long)]
        flush: bool,
        /// Remove a waiting or refused submission by its id.
        #[arg(long)]
        remove: Option<String>,
    },
    /// List the studies you can see.
    List {
        /// draft, submitted, under_review, returned or signed_off.
        #[arg(long)]
        status: Option<String>,
        /// Sector code.
        #[arg(long)]
        sector: Option<String>,
        /// Region code.
        #[arg(long)]
        region: Option<String>,
        /// Ministry.
        #[arg(long)]
        ministry: Option<String>,
        /// Base year.
        #[arg(long)]
        year: Option<i32>,
        /// Page (from 1).
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Print the registry's JSON.
        #[arg(long)]
        json: bool,
    },
    /// The portfolio: every visible study ranked as `yeta compare` ranks, with a budget cut.
    Portfolio {
        /// Budget, KRW (e.g. 5000억).
        #[arg(long)]
        budget: Option<String>,
        /// Sector code.
        #[arg(long)]
        sector: Option<String>,
        /// Status.
        #[arg(long)]
        status: Option<String>,
        /// Page (from 1).
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Print the registry's JSON.
        #[arg(long)]
        json: bool,
    },
    /// Download a revision's study file; with --diff, what changed since the reviewer's return.
    Pull {
        /// The study's key.
        key: String,
        /// Revision (default: the latest).
        #[arg(long)]
        revision: Option<i64>,
        /// Where to write the study (default: KEY.yeta.json).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Show `yeta diff` between the returned revision and the latest.
        #[arg(long)]
        diff: bool,
    },
    /// A study's review status, steps, comments and sign-offs.
    Status {
        /// The study's key.
        key: String,
        /// Print the registry's JSON.
        #[arg(long)]
        json: bool,
    },
    /// Comment on a field; as a reviewer, --start the review or --return the study with it.
    Comment {
        /// The study's key.
        key: String,
        /// The field path, e.g. costs[0].flows[2].amount.
        #[arg(long)]
        path: Option<String>,
        /// The comment.
        #[arg(long)]
        body: Option<String>,
        /// Start the review (submitted → under review).
        #[arg(long, conflicts_with = "return_")]
        start: bool,
        /// Return the study with this comment (under review → returned).
        #[arg(long = "return")]
        return_: bool,
    },
    /// Sign off the revision under review with a signed report (`yeta sign`).
    Signoff {
        /// The study's key.
        key: String,
        /// The signed PDF report of the revision.
        report: PathBuf,
        /// The role you sign in.
        #[arg(long)]
        role: String,
    },
    /// Administrators: add a user (prints its token once), remove one, or list them.
    User {
        /// add, remove, signer (set a reviewer's certificate subject; without --signer, clear it)
        /// or list.
        action: String,
        /// The user's name.
        name: Option<String>,
        /// officer, reviewer or admin.
        #[arg(long)]
        role: Option<String>,
        /// An officer's ministry.
        #[arg(long)]
        ministry: Option<String>,
        /// A reviewer's certificate subject: sign-offs must carry a trusted signature by it.
        #[arg(long)]
        signer: Option<String>,
    },
    /// Administrators: add certificates (PEM) to the reviewer trust list, list, or remove one.
    Trust {
        /// add, remove or list.
        action: String,
        /// add: the PEM file; remove: the certificate id.
        arg: Option<String>,
    },
}

/// The reader's language: Korean when `$LANG` is Korean; English when it is anything else or unset
/// (the CLI's default, as for `--lang`).
fn lang() -> Lang {
    if std::env::var("LANG").is_ok_and(|l| l.starts_with("ko")) { Lang::Ko } else { Lang::En }
}

/// The language of the registry's sentences (`message.ko` / `message.en`).
fn lang_code() -> &'static str {
    if lang() == Lang::Ko { "ko" } else { "en" }
}

/// A registry result as the CLI reports it: a refusal in the registry's words.
trait Said<T> {
    fn said(self) -> Result<T>;
}

impl<T> Said<T> for std::result::Result<T, RegistryError> {
    fn said(self) -> Result<T> {
        self.map_err(|e| match &e {
            RegistryError::Refused { status, .. } => anyhow!("registry ({status}): {}", e.message(lang_code())),
            _ => anyhow!(e),
        })
    }
}

/// The shared client, its refusals in the registry's words.
struct Reg(Client);

impl Reg {
    fn json(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.0.json(method, path, body).said()
    }

    fn call(&self, method: &str, path: &str, body: Option<(&str, Vec<u8>)>) -> Result<Vec<u8>> {
        self.0.call(method, path, body).said()
    }
}

/// The saved (or environment's) login's client.
fn client() -> Result<Reg> {
    Ok(Reg(Client::new(&Login::load(&reg::default_login_path()).said()?).said()?))
}

/// What a pass over the outbox did, one line each.
fn flushed(f: &reg::Flushed) -> String {
    let mut t = String::new();
    for s in &f.sent {
        let same = if s.unchanged { ", unchanged (the same text as the latest revision)" } else { "" };
        t += &format!("{}: revision {} {}{same} (sha256 {})\n", s.key, s.revision, s.status, s.sha256);
    }
    for (key, code, ko, en) in &f.refused {
        t += &format!("{key}: refused ({code}): {}\n", if lang_code() == "ko" { ko } else { en });
    }
    if let Some(why) = &f.stopped {
        t += &format!("{} waiting in the outbox: {why}\n", f.waiting);
    }
    t
}

fn pretty(v: &Value) -> Result<String> {
    Ok(serde_json::to_string_pretty(v)? + "\n")
}

fn num(v: &Value) -> String {
    v.as_f64().map_or("-".into(), |x| format!("{x:.3}"))
}

/// Runs a registry command.
pub fn run(cmd: RegistryCmd) -> Result<ExitCode> {
    let out = match cmd {
        RegistryCmd::Login { url, token, ca } => {
            reg::check_url(&url).said()?;
            let token = match token {
                Some(t) => t,
                None => {
                    let mut t = String::new();
                    std::io::stdin().read_line(&mut t)?;
                    t.trim().to_owned()
                }
            };
            let ca = ca.map(|p| std::fs::canonicalize(&p).map(|p| p.display().to_string())).transpose()?;
            let login = Login { url: url.trim_end_matches('/').to_owned(), token, ca };
            let me = Client::new(&login).said()?.me().said()?;
            login.save(&reg::default_login_path()).said()?;
            format!(
                "logged in to {} as {} ({}{})\n",
                login.url,
                me["name"].as_str().unwrap_or("?"),
                me["role"].as_str().unwrap_or("?"),
                me["ministry"].as_str().map(|m| format!(", {m}")).unwrap_or_default()
            )
        }
        RegistryCmd::Submit { study, key, draft, queue } => {
            let text = crate::read(&study)?;
            if queue {
                // Queued first (atomically), then the whole queue is sent in order if it can be.
                let ob = Outbox::new(reg::default_outbox_dir());
                ob.enqueue(&key, &text, draft).said()?;
                let f = match Login::load(&reg::default_login_path()).and_then(|l| Client::new(&l)) {
                    Ok(c) => ob.flush(&c).said()?,
                    Err(e) => reg::Flushed {
                        waiting: ob.list().said()?.len(),
                        stopped: Some(e.message(lang_code())),
                        ..Default::default()
                    },
                };
                flushed(&f)
            } else {
                let v = client()?.0.submit(&key, &text, draft).said()?;
                format!(
                    "{key}: revision {} {}{} (sha256 {})\n",
                    v.revision,
                    v.status,
                    if v.unchanged { ", unchanged (the same text as the latest revision)" } else { "" },
                    v.sha256
                )
            }
        }
        RegistryCmd::Queue { flush, remove } => {
            let ob = Outbox::new(reg::default_outbox_dir());
            if let Some(id) = remove
                && !ob.remove(&id).said()?
            {
                bail!("{id}: no such submission in the outbox");
            }
            let mut t = String::new();
            if flush {
                t += &flushed(&ob.flush(&client()?.0).said()?);
            }
            let (w, r) = (ob.list().said()?, ob.refused().said()?);
            t += &format!("{} waiting, {} refused ({})\n", w.len(), r.len(), reg::default_outbox_dir().display());
            for q in &w {
                t += &format!(
                    "  waiting  {}  {:<24} {}{}  {}\n",
                    q.queued_at,
                    q.key,
                    q.name,
                    if q.draft { " (draft)" } else { "" },
                    q.id
                );
            }
            for q in &r {
                let why = q.refused.as_ref().and_then(|v| v["message"][lang_code()].as_str()).unwrap_or("");
                t += &format!("  refused  {}  {:<24} {}: {why}  {}\n", q.queued_at, q.key, q.name, q.id);
            }
            t
        }
        RegistryCmd::List { status, sector, region, ministry, year, page, json } => {
            let q = query(&[
                ("status", status),
                ("sector", sector),
                ("region", region),
                ("ministry", ministry),
                ("year", year.map(|y| y.to_string())),
                ("page", Some(page.to_string())),
            ]);
            let v = client()?.json("GET", &format!("/v1/studies{q}"), None)?;
            if json {
                pretty(&v)?
            } else {
                let mut t = format!("{} studies (page {})\n", v["total"], v["page"]);
                for s in v["studies"].as_array().into_iter().flatten() {
                    t += &format!(
                        "{:<24} r{:<3} {:<12} {:<10} B/C {:>6}  AHP {:>6}  {}  {}\n",
                        s["key"].as_str().unwrap_or(""),
                        s["latest"],
                        s["status"].as_str().unwrap_or(""),
                        s["sector"].as_str().unwrap_or(""),
                        num(&s["bc_ratio"]),
                        num(&s["ahp_score"]),
                        s["ministry"].as_str().unwrap_or(""),
                        s["name"].as_str().unwrap_or("")
                    );
                }
                t
            }
        }
        RegistryCmd::Portfolio { budget, sector, status, page, json } => {
            let q =
                query(&[("budget", budget), ("sector", sector), ("status", status), ("page", Some(page.to_string()))]);
            let v = client()?.json("GET", &format!("/v1/portfolio{q}"), None)?;
            if json {
                pretty(&v)?
            } else {
                let mut t = format!("{} studies, ranked by {}\n", v["total"], v["ranked_by"].as_str().unwrap_or(""));
                for r in v["ranking"].as_array().into_iter().flatten() {
                    let fits = match r["fits_budget"].as_bool() {
                        Some(true) => "within budget",
                        Some(false) => "over budget",
                        None => "",
                    };
                    t += &format!(
                        "{:>4}  {:<24} AHP {:>6}  B/C {:>6}  {:<16}  cumulative {}  {fits}\n",
                        r["rank"],
                        r["key"].as_str().unwrap_or(""),
                        num(&r["ahp_score"]),
                        num(&r["bc_ratio"]),
                        r["verdict"].as_str().unwrap_or(""),
                        r["cumulative_cost"].as_str().unwrap_or("")
                    );
                }
                t
            }
        }
        RegistryCmd::Pull { key, revision, out, diff } => {
            let c = client()?;
            let st = c.json("GET", &format!("/v1/studies/{key}"), None)?;
            let n = revision.or_else(|| st["latest"].as_i64()).ok_or_else(|| anyhow!("{key}: no revision"))?;
            let rev = c.json("GET", &format!("/v1/studies/{key}/revisions/{n}"), None)?;
            let out = out.unwrap_or_else(|| PathBuf::from(format!("{key}.yeta.json")));
            crate::write_out(&out, rev["study"].as_str().unwrap_or(""))?;
            let mut t = format!("{key} revision {n} → {}\n", out.display());
            if diff {
                // The server computes the comparison with the engine, so every client shows the same.
                let ch = c.json("GET", &format!("/v1/studies/{key}/changes"), None)?;
                let d: yeta_core::diff::StudyDiff = serde_json::from_value(ch["diff"].clone())
                    .map_err(|e| anyhow!("{key}: the registry's comparison does not read: {e}"))?;
                let lang = lang();
                let cat = yeta_i18n::catalog(if lang == Lang::Ko { yeta_i18n::Lang::Ko } else { yeta_i18n::Lang::En });
                let rev_of = |k: &str| {
                    ch[k]
                        .as_i64()
                        .ok_or_else(|| anyhow!("{key}: the registry's comparison has no revision `{k}`: {}", ch[k]))
                };
                let (from, to) = (rev_of("from")?, rev_of("to")?);
                t += &cat.format("cli-diff-since-return", &[("from", from.to_string()), ("to", to.to_string())]);
                t.push('\n');
                t += &crate::diff_cmd::render(&d, lang);
                for cm in ch["comments"].as_array().into_iter().flatten() {
                    let state = if cm["addressed"].as_bool() == Some(true) {
                        "cli-diff-comment-addressed"
                    } else {
                        "cli-diff-comment-open"
                    };
                    let line = cat.format(
                        "cli-diff-comment",
                        &[
                            ("path", cm["path"].as_str().unwrap_or("").to_owned()),
                            ("body", cm["body"].as_str().unwrap_or("").to_owned()),
                            ("author", cm["author"].as_str().unwrap_or("").to_owned()),
                        ],
                    );
                    t += &format!("  {line} [{}]\n", cat.text(state));
                }
            }
            t
        }
        RegistryCmd::Status { key, json } => {
            let v = client()?.json("GET", &format!("/v1/studies/{key}"), None)?;
            if json {
                pretty(&v)?
            } else {
                let mut t = format!(
                    "{key}: {} — {} ({}), latest revision {}\n",
                    v["status"].as_str().unwrap_or(""),
                    v["name"].as_str().unwrap_or(""),
                    v["ministry"].as_str().unwrap_or(""),
                    v["latest"]
                );
                for e in v["events"].as_array().into_iter().flatten() {
                    t += &format!(
                        "  {}  r{}  {:<12} {}\n",
                        e["at"].as_str().unwrap_or(""),
                        e["revision"],
                        e["action"].as_str().unwrap_or(""),
                        e["actor"].as_str().unwrap_or("")
                    );
                }
                for c in v["comments"].as_array().into_iter().flatten() {
                    t += &format!(
                        "  comment r{} {}: {} ({})\n",
                        c["revision"],
                        c["path"].as_str().unwrap_or(""),
                        c["body"].as_str().unwrap_or(""),
                        c["author"].as_str().unwrap_or("")
                    );
                }
                for s in v["signoffs"].as_array().into_iter().flatten() {
                    t += &format!(
                        "  signed off r{} by {} ({}); report sha256 {}\n",
                        s["revision"],
                        s["reviewer"].as_str().unwrap_or(""),
                        s["role"].as_str().unwrap_or(""),
                        s["report_sha256"].as_str().unwrap_or("")
                    );
                    for g in s["signers"].as_array().into_iter().flatten() {
                        t += &format!(
                            "    signature {} {} certificate SHA-256 {}\n",
                            g["index"],
                            g["subject"].as_str().unwrap_or(""),
                            g["cert_sha256"].as_str().unwrap_or("")
                        );
                    }
                }
                if let Some(f) = v["since_return"]["from"].as_i64() {
                    t += &format!("  changed since the return of revision {f}: yeta registry pull {key} --diff\n");
                }
                t
            }
        }
        RegistryCmd::Comment { key, path, body, start, return_ } => {
            let c = client()?;
            let v = if start {
                c.json("POST", &format!("/v1/studies/{key}/review"), Some(json!({"action": "start"})))?
            } else {
                let (Some(path), Some(body)) = (path, body) else { bail!("give --path and --body") };
                if return_ {
                    c.json(
                        "POST",
                        &format!("/v1/studies/{key}/review"),
                        Some(json!({"action": "return", "comments": [{"path": path, "body": body}]})),
                    )?
                } else {
                    c.json("POST", &format!("/v1/studies/{key}/comments"), Some(json!({"path": path, "body": body})))?
                }
            };
            format!(
                "{key}: revision {}{}\n",
                v["revision"],
                v["status"].as_str().map(|s| format!(" {s}")).unwrap_or_else(|| " commented".into())
            )
        }
        RegistryCmd::Signoff { key, report, role } => {
            let pdf = std::fs::read(&report).with_context(|| format!("reading {}", report.display()))?;
            let q = query(&[("role", Some(role))]);
            let b = client()?.call("POST", &format!("/v1/studies/{key}/signoff{q}"), Some(("application/pdf", pdf)))?;
            let v: Value = serde_json::from_slice(&b)?;
            let mut t = format!(
                "{key} revision {}: signed off; report sha256 {}; study sha256 {}\n",
                v["revision"],
                v["report_sha256"].as_str().unwrap_or(""),
                v["study_sha256"].as_str().unwrap_or("")
            );
            for g in v["signers"].as_array().into_iter().flatten() {
                t += &format!(
                    "  signature {} {} certificate SHA-256 {}\n",
                    g["index"],
                    g["subject"].as_str().unwrap_or(""),
                    g["cert_sha256"].as_str().unwrap_or("")
                );
            }
            t
        }
        RegistryCmd::User { action, name, role, ministry, signer } => {
            let c = client()?;
            match (action.as_str(), name) {
                ("add", Some(n)) => {
                    let v = c.json(
                        "POST",
                        "/v1/users",
                        Some(
                            json!({"name": n, "role": role.unwrap_or_else(|| "officer".into()), "ministry": ministry, "signer": signer}),
                        ),
                    )?;
                    format!("{}\n", v["token"].as_str().unwrap_or(""))
                }
                ("remove", Some(n)) => {
                    c.json("DELETE", &format!("/v1/users/{}", query(&[("", Some(n))]).trim_start_matches("?=")), None)?;
                    "removed\n".into()
                }
                ("signer", Some(n)) => {
                    let v = c.json(
                        "PATCH",
                        &format!("/v1/users/{}", query(&[("", Some(n))]).trim_start_matches("?=")),
                        Some(json!({ "signer": signer })),
                    )?;
                    format!(
                        "{}: signer {}\n",
                        v["name"].as_str().unwrap_or(""),
                        v["signer"].as_str().unwrap_or("(none)")
                    )
                }
                ("list", _) => pretty(&c.json("GET", "/v1/users", None)?)?,
                _ => bail!("yeta registry user add|remove|signer NAME, or list"),
            }
        }
        RegistryCmd::Trust { action, arg } => {
            let c = client()?;
            match (action.as_str(), arg) {
                ("add", Some(f)) => {
                    let pem = std::fs::read(&f).with_context(|| format!("reading {f}"))?;
                    pretty(&serde_json::from_slice(&c.call(
                        "POST",
                        "/v1/trust",
                        Some(("application/x-pem-file", pem)),
                    )?)?)?
                }
                ("remove", Some(id)) => pretty(&c.json("DELETE", &format!("/v1/trust/{id}"), None)?)?,
                ("list", _) => pretty(&c.json("GET", "/v1/trust", None)?)?,
                _ => bail!("yeta registry trust add FILE | remove ID | list"),
            }
        }
    };
    crate::emit(&out);
    Ok(ExitCode::SUCCESS)
}
