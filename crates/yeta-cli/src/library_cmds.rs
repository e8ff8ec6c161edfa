//! `yeta library …`, `yeta compare …`, `yeta diff …`: the study library and the reviewer's views.

use anyhow::{Context as _, Result, anyhow, bail};
use clap::Subcommand;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use yeta_store::Library;

/// Library subcommands.
#[derive(Subcommand)]
pub enum LibraryCommand {
    /// List the studies in the library.
    List,
    /// Print a revision's study JSON (the latest by default).
    Show {
        /// Study key.
        key: String,
        /// Revision number.
        #[arg(long)]
        revision: Option<i64>,
    },
    /// List a study's revisions: author, time, reason, hash, sign-offs; each record is checked.
    History {
        /// Study key.
        key: String,
    },
    /// The re-study check (타당성 재조사) across a study's revisions: each revision's total cost
    /// against the first signed-off one (the PFS), marked at or above the rule set's threshold.
    Restudy {
        /// Study key.
        key: String,
        /// Language.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::Lang,
    },
    /// The reference class (참조 사업군) of the library's completed projects: P50 and P80 of cost
    /// overrun and demand shortfall by sector, with the number of projects behind each figure.
    ReferenceClass {
        /// Language.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::Lang,
    },
    /// Walk the library's hash chain (every revision and sign-off) and name the first broken record.
    Verify,
    /// Show, or set, the author this library records (default: the OS user).
    Identity {
        /// The new identity, e.g. "Kim Minji, MOEF".
        name: Option<String>,
    },
    /// Save a study file as a new revision (validated first).
    Import {
        /// The study file.
        file: PathBuf,
        /// Study key (default: the file name without `.yeta.json`).
        #[arg(long)]
        key: Option<String>,
        /// Who you say saves it: kept as "claimed"; the library records its own identity
        /// (`yeta library identity`, else the OS user).
        #[arg(long)]
        author: Option<String>,
        /// Why, in one line.
        #[arg(long, default_value = "imported")]
        reason: String,
        /// The time you say it was made: kept as "claimed"; the library records the system clock.
        #[arg(long)]
        time: Option<String>,
    },
    /// Write a revision to a study file (atomically).
    Export {
        /// Study key.
        key: String,
        /// Revision number (default: latest).
        #[arg(long)]
        revision: Option<i64>,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Record that a reviewer signed a revision off.
    Signoff {
        /// Study key.
        key: String,
        /// Revision number.
        #[arg(long)]
        revision: i64,
        /// Reviewer.
        #[arg(long)]
        reviewer: String,
        /// Role.
        #[arg(long)]
        role: String,
        /// The signed report (its SHA-256 is recorded).
        #[arg(long)]
        report: PathBuf,
        /// PEM bundle of the team's trusted reviewer or CA certificates: the sign-off is refused
        /// unless every signature's certificate chains to one of them.
        #[arg(long)]
        trust: Option<PathBuf>,
    },
    /// Save many revisions, printing each committed number (the crash-safety test's writer).
    #[command(hide = true)]
    Stress {
        /// Saves to make.
        #[arg(long, default_value_t = 1000)]
        count: usize,
    },
}

/// Now, as RFC 3339 UTC (the library records its own clock; this is passed as the claimed time).
fn now() -> String {
    yeta_store::now_rfc3339()
}

/// Runs a library subcommand.
pub fn run(cmd: LibraryCommand, db: Option<PathBuf>) -> Result<()> {
    let path = db.unwrap_or_else(yeta_store::default_path);
    if let LibraryCommand::Export { out, .. } = &cmd {
        yeta_service::fs::check_outputs(&[&path], &[out])?;
    }
    let mut lib = Library::open(&path)?;
    match cmd {
        LibraryCommand::List => {
            let list = lib.list()?;
            if list.is_empty() {
                crate::emit(&format!("{}: no studies yet (`yeta library import FILE`)\n", path.display()));
            }
            for s in list {
                crate::emit(&format!(
                    "{:<24} {:>3} rev  {:>2} signed  {}  {}\n",
                    s.key, s.revisions, s.signed_off, s.updated, s.name
                ));
            }
        }
        LibraryCommand::Show { key, revision } => {
            let (_, json) = lib.get(&key, revision)?;
            crate::emit(&json);
            crate::emit("\n");
        }
        LibraryCommand::History { key } => {
            let mut broken = Vec::new();
            for r in lib.history(&key)? {
                let signed = if r.signed_off_by.is_empty() {
                    String::new()
                } else {
                    format!("  signed off by {}", r.signed_off_by.join(", "))
                };
                let claimed = match (&r.claimed_author, &r.claimed_time) {
                    (None, None) => String::new(),
                    (a, t) => format!(
                        " (claimed: {}{})",
                        a.as_deref().unwrap_or("-"),
                        t.as_deref().map_or(String::new(), |t| format!(" at {t}"))
                    ),
                };
                let flag = r.broken.as_ref().map_or(String::new(), |w| format!("  TAMPERED: {w}"));
                crate::emit(&format!(
                    "{:>3}  {}  {}{claimed}  {}  sha256 {}…{signed}{flag}\n",
                    r.number,
                    r.time,
                    r.author,
                    r.reason,
                    r.sha256.chars().take(12).collect::<String>()
                ));
                if let Some(w) = r.broken {
                    broken.push(format!("revision {}: {w}", r.number));
                }
            }
            for g in lib.signoffs(&key)? {
                if let Some(w) = g.broken {
                    crate::emit(&format!(
                        "     sign-off of revision {} by {}  TAMPERED: {w}\n",
                        g.revision, g.reviewer
                    ));
                    broken.push(format!("sign-off of revision {} by {}: {w}", g.revision, g.reviewer));
                }
            }
            if !broken.is_empty() {
                bail!("{}: {} tampered or damaged record(s): {}", path.display(), broken.len(), broken.join("; "));
            }
        }
        LibraryCommand::Restudy { key, lang } => crate::evaluate_cmd::print_restudy(&lib, &key, lang)?,
        LibraryCommand::ReferenceClass { lang } => crate::evaluate_cmd::print_reference_class(&lib, lang)?,
        LibraryCommand::Verify => {
            let r = lib.verify()?;
            match r.first_broken {
                None => {
                    crate::emit(&format!("{}: chain intact, {} records; head {}\n", path.display(), r.records, r.head))
                }
                Some((record, why)) => {
                    bail!("{}: chain broken at {record}: {why} ({} records)", path.display(), r.records)
                }
            }
        }
        LibraryCommand::Identity { name } => {
            if let Some(n) = name {
                lib.set_identity(&n)?;
            }
            crate::emit(&format!("{}: records the author as \"{}\"\n", path.display(), lib.identity()?));
        }
        LibraryCommand::Import { file, key, author, reason, time } => {
            let text = crate::read(&file)?;
            let study = yeta_core::Study::from_json(&text).map_err(|e| anyhow!("{}: {e}", file.display()))?;
            yeta_core::study::validate(&study).map_err(|v| {
                anyhow!("{}: {}", file.display(), v.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  "))
            })?;
            let key = key.unwrap_or_else(|| {
                file.file_name().map_or("study".into(), |n| {
                    n.to_string_lossy().trim_end_matches(".yeta.json").trim_end_matches(".json").to_owned()
                })
            });
            let n = lib.save(
                &key,
                &study.project.name,
                &text,
                author.as_deref().unwrap_or(""),
                time.as_deref().unwrap_or(""),
                &reason,
            )?;
            crate::emit(&format!("{key}: saved as revision {n} in {}\n", path.display()));
        }
        LibraryCommand::Export { key, revision, out } => {
            let (n, json) = lib.get(&key, revision)?;
            yeta_service::fs::atomic_write(&out, json.as_bytes())?;
            crate::emit(&format!("{key} revision {n} written to {}\n", out.display()));
        }
        LibraryCommand::Signoff { key, revision, reviewer, role, report, trust } => {
            let bytes = std::fs::read(&report).with_context(|| format!("cannot read {}", report.display()))?;
            let anchors = match &trust {
                Some(t) => {
                    let text = std::fs::read_to_string(t).with_context(|| format!("cannot read {}", t.display()))?;
                    Some(
                        yeta_report::trust::load_trust_pem(&text)
                            .map_err(|e| anyhow::anyhow!("{}: {e}", t.display()))?,
                    )
                }
                None => None,
            };
            // The same checks as the app's Sign off…: the report verifies, embeds this very
            // revision, and the reviewer is one of its signers.
            let (_, study) = lib.get(&key, Some(revision))?;
            let expected = yeta_store::sha256_hex(study.as_bytes());
            let signers = yeta_report::check_for_signoff(&bytes, &expected, anchors.as_deref()).map_err(|e| {
                anyhow::anyhow!("refusing the sign-off of {key} revision {revision}: {} {e}", report.display())
            })?;
            if !signers.iter().any(|s| s.subject.trim() == reviewer.trim()) {
                let names: Vec<&str> = signers.iter().map(|s| s.subject.as_str()).collect();
                anyhow::bail!(
                    "refusing the sign-off of {key} revision {revision}: {reviewer} did not sign {} (its signers: {})",
                    report.display(),
                    names.join(", ")
                );
            }
            let sha = yeta_store::sha256_hex(&bytes);
            let certs: Vec<String> = signers
                .iter()
                .map(|s| format!("signature {} {} certificate SHA-256 {}", s.index, s.subject, s.cert_sha256))
                .collect();
            let recorded_role = format!("{role} [{}]", certs.join("; "));
            lib.sign_off(&key, revision, &reviewer, &recorded_role, &sha, &now())?;
            crate::emit(&format!(
                "{key} revision {revision}: signed off by {reviewer} ({role}); report sha256 {sha}; study sha256 {expected}; {}\n",
                certs.join("; ")
            ));
        }
        LibraryCommand::Stress { count } => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            for i in 0..count {
                let json = format!("{{\"save\": {i}, \"pad\": \"{}\"}}", "x".repeat(2000 + i % 500));
                let n = lib.save("stress", "stress", &json, "", "", "stress")?;
                // Printed only after the commit returned: a line here is a promise that it is stored.
                writeln!(out, "{n} {}", yeta_store::sha256_hex(json.as_bytes()))?;
                out.flush()?;
            }
        }
    }
    Ok(())
}

fn appraise_file(p: &Path) -> Result<(Value, yeta_core::Appraisal)> {
    let text = crate::read(p)?;
    let a = yeta_core::appraise_json(&text, None).map_err(|e| anyhow!("{}: {e}", p.display()))?;
    let v: Value = serde_json::from_str(&text)?;
    Ok((v, a))
}

fn num(x: &rust_decimal::Decimal) -> f64 {
    yeta_core::econ::to_f64(*x)
}

/// One study of a comparison, in rank order (for `--xlsx`).
pub struct Ranked {
    pub file: PathBuf,
    pub appraisal: yeta_core::Appraisal,
    /// KRW spent on the studies to implement up to this one.
    pub cumulative_cost: f64,
    pub fits_budget: Option<bool>,
}

/// `yeta compare`: studies side by side, ranked by AHP score (B/C when there is none), with a
/// budget cut.
pub fn compare(files: &[PathBuf], budget: Option<f64>) -> Result<(String, Value, Vec<Ranked>)> {
    if files.is_empty() {
        bail!("give at least one study");
    }
    let mut studies = Vec::new();
    for f in files {
        let (_, a) = appraise_file(f)?;
        studies.push((f.display().to_string(), a));
    }
    let budget_krw =
        budget.map(|b| rust_decimal::Decimal::try_from(b).map_err(|e| anyhow!("budget {b}: {e}"))).transpose()?;
    let c = yeta_core::compare::compare(&studies, budget_krw);
    let mut ranked = Vec::new();
    let mut table = format!(
        "{:<3} {:<44} {:>10} {:>7} {:>12} {:>7} {:>7} {:>13} {:>7} {:>10}  {}\n",
        "#", "study", "cost bn", "B/C", "NPV bn", "IRR %", "AHP", "AHP range", "robust", "tCO2e", "verdict"
    );
    for r in &c.ranking {
        let a = &studies[r.index].1;
        let h = a.ahp.as_ref();
        table.push_str(&format!(
            "{:<3} {:<44} {:>10.1} {:>7.3} {:>12.1} {:>7} {:>7} {:>13} {:>7} {:>10}  {}{}\n",
            r.rank,
            a.study.name.chars().take(44).collect::<String>(),
            num(&a.study.total_cost) / 1e9,
            a.economic.bc_ratio.unwrap_or(f64::NAN),
            num(&a.economic.npv) / 1e9,
            a.economic.irr.map_or("-".into(), |r| format!("{:.2}", r * 100.0)),
            h.map_or("-".into(), |h| format!("{:.3}", h.score)),
            h.map_or("-".into(), |h| format!("{:.3}–{:.3}", h.score_range[0], h.score_range[1])),
            h.map_or("-", |h| if h.robust { "yes" } else { "NO" }),
            a.environment.as_ref().map_or("-".into(), |e| format!("{:.0}", e.total_tco2e)),
            r.verdict,
            match (r.fits_budget, budget) {
                (Some(true), _) => "  (within budget)",
                (Some(false), _) => "  (over budget)",
                (None, Some(_)) => "  (not eligible)",
                (None, None) => "",
            }
        ));
        if let Some(h) = h {
            let parts: Vec<String> = h.criteria.iter().map(|c| format!("{} {:.3}", c.id, c.contribution)).collect();
            table.push_str(&format!("    contributions: {} = {:.3}\n", parts.join(" + "), h.score));
            let flip = r
                .flip_distance
                .map_or("no allowed weights flip it".to_owned(), |d| format!("weights {d:.3} away flip it"));
            let swap = r
                .reversal_with_next
                .map_or(String::new(), |d| format!("; swaps with #{} at weight change {d:.3}", r.rank + 1));
            table.push_str(&format!("    verdict: {flip}{swap}\n"));
        }
        if let Some(x) = &a.alternatives {
            // 대안 검토: the reviewer sees whether the project beats its do-minimum.
            let p = x.options.iter().find(|o| o.role == yeta_core::alternatives::Role::Proposed);
            table.push_str(&format!(
                "    alternatives: {} ({} options; proposed ΔNPV {:.1} bn, ΔB/ΔC {})\n",
                x.preferred
                    .as_ref()
                    .map_or("none qualifies, the base case stands".to_owned(), |n| format!("preferred {n}")),
                x.options.len(),
                p.map_or(f64::NAN, |p| num(&p.delta_npv) / 1e9),
                p.and_then(|p| p.incremental_bc).map_or("-".into(), |r| format!("{r:.3}")),
            ));
        }
        if let Some(x) = &a.cost_effectiveness {
            for m in &x.measures {
                let p = m.options.iter().find(|o| o.role == yeta_core::alternatives::Role::Proposed);
                table.push_str(&format!(
                    "    E/C {}: KRW {} per {}{}\n",
                    m.name,
                    p.and_then(|p| p.cost_per_unit).map_or("-".into(), |c| format!("{c:.0}")),
                    m.unit,
                    m.preferred
                        .as_ref()
                        .map_or(String::new(), |n| format!("; lowest: {}", if n.is_empty() { "proposed" } else { n })),
                ));
            }
        }
        ranked.push(Ranked {
            file: PathBuf::from(&r.file),
            appraisal: a.clone(),
            cumulative_cost: num(&r.cumulative),
            fits_budget: r.fits_budget,
        });
    }
    Ok((table, json!({ "ranking": c.ranking, "ranked_by": c.ranked_by, "budget": budget }), ranked))
}

#[cfg(test)]
mod tests {
    #[test]
    fn now_is_rfc3339() {
        let n = super::now();
        assert_eq!(n.len(), 20, "{n}");
        assert!(n.ends_with('Z') && n.as_bytes()[10] == b'T');
    }
}
