//! The report subcommands: `report` (the PDF), `keygen`, `sign`, `verify`, `extract`.
//! Thin: read files, call yeta-report, write files, print.

use anyhow::{Context as _, Result, bail};
use clap::Subcommand;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Report, sign-off and extraction commands; `main` flattens these into its own.
#[derive(Subcommand)]
pub enum ReportCmd {
    /// Render the PDF appraisal report of a study.
    Report {
        /// The study file (.yeta.json).
        study: PathBuf,
        /// Where to write the PDF.
        #[arg(long)]
        pdf: PathBuf,
        /// Language of the report: ko or en.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Money unit of the report's tables: 백만원 (million) or 억원 (eok).
        #[arg(long, default_value = "백만원")]
        unit: String,
        /// The report date (작성일), YYYY-MM-DD; default: the study's project.report_date.
        #[arg(long)]
        date: Option<String>,
        /// For a study with an outturn: the signed-off ex-ante study the ex-post chapter compares
        /// with (default: the study's own forecast).
        #[arg(long)]
        ex_ante: Option<PathBuf>,
    },
    /// Make a new ECDSA P-256 key and certificate, in one PEM file: self-signed, issued by a
    /// team CA (--issuer), or a team CA itself (--ca). The key is encrypted (PKCS#8, PBES2) with
    /// the passphrase in $YETA_KEY_PASSWORD, else one read from standard input.
    Keygen {
        /// The reviewer's (or CA's) name: the certificate's common name.
        #[arg(long)]
        name: String,
        /// Where to write the PEM file (private key and certificate).
        #[arg(long)]
        out: PathBuf,
        /// Make a team CA (to issue reviewer certificates with --issuer) instead of a reviewer key.
        #[arg(long, conflicts_with = "issuer")]
        ca: bool,
        /// A CA's PEM file (key and certificate, from `keygen --ca`) that issues this certificate.
        #[arg(long)]
        issuer: Option<PathBuf>,
    },
    /// Sign a report (PAdES, as an incremental update: earlier signatures stay valid).
    Sign {
        /// The PDF to sign.
        pdf: PathBuf,
        /// The private key: a PEM file (with the certificate, unless --cert names it) or a
        /// PKCS#12 file (.p12/.pfx), whose password is read from $YETA_KEY_PASSWORD.
        #[arg(long)]
        key: PathBuf,
        /// PEM file with the certificate, when the key file holds none.
        #[arg(long)]
        cert: Option<PathBuf>,
        /// The reviewer's name, as the sign-off block shows it.
        #[arg(long)]
        reviewer: String,
        /// The reviewer's role.
        #[arg(long)]
        role: String,
        /// Where to write the signed PDF (default: replace the input).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check every signature of a PDF; exit 0 naming every signer, non-zero saying what is wrong.
    Verify {
        /// The signed PDF.
        pdf: PathBuf,
        /// PEM bundle of trusted reviewer or CA certificates: exit 0 only when every signature
        /// is valid and its certificate chains to one of them.
        #[arg(long)]
        trust: Option<PathBuf>,
    },
    /// Write the study embedded in a report back to a file.
    Extract {
        /// The report.
        pdf: PathBuf,
        /// Where to write the study JSON.
        #[arg(long)]
        out: PathBuf,
    },
}

fn read(p: &Path) -> Result<Vec<u8>> {
    std::fs::read(p).with_context(|| format!("reading {}", p.display()))
}

/// Writes next to the target then renames, so a failed write never leaves half a file.
fn write_atomic(p: &Path, bytes: &[u8]) -> Result<()> {
    yeta_service::fs::atomic_write(p, bytes).with_context(|| format!("writing {}", p.display()))
}

/// The key passphrase: $YETA_KEY_PASSWORD, else a line of standard input.
fn passphrase(what: &str) -> Result<String> {
    if let Ok(p) = std::env::var("YETA_KEY_PASSWORD") {
        return Ok(p);
    }
    eprint!("{what} (or set YETA_KEY_PASSWORD): ");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).context("reading the passphrase")?;
    let p = line.trim_end_matches(['\n', '\r']).to_owned();
    if p.is_empty() {
        bail!("an empty passphrase: set YETA_KEY_PASSWORD or type one");
    }
    Ok(p)
}

/// A signing key: PKCS#12 (password from $YETA_KEY_PASSWORD), or PEM (plain or encrypted
/// PKCS#8; the passphrase asked only when the key is encrypted).
fn load_key(key: &Path, cert: Option<&Path>) -> Result<yeta_report::Credentials> {
    let key_bytes = read(key)?;
    if key_bytes.first() == Some(&0x30) {
        let password = std::env::var("YETA_KEY_PASSWORD")
            .map_err(|_| anyhow::anyhow!("{} is PKCS#12: set YETA_KEY_PASSWORD to its password", key.display()))?;
        return Ok(yeta_report::load_pkcs12(&key_bytes, &password)?);
    }
    let key_text = String::from_utf8(key_bytes).context("the key file is neither PEM text nor PKCS#12")?;
    let cert_text = match cert {
        Some(c) => Some(String::from_utf8(read(c)?).context("the certificate file is not PEM text")?),
        None => None,
    };
    let password = if key_text.contains("ENCRYPTED PRIVATE KEY") {
        Some(passphrase(&format!("passphrase of {}", key.display()))?)
    } else {
        None
    };
    Ok(yeta_report::load_credentials_with_password(&key_text, cert_text.as_deref(), password.as_deref())?)
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

// The report's Monte Carlo draws and seed live in `yeta_service::report` (`yeta risk --seed 1
// --draws 20000` repeats them), shared with the app.

/// Renders `appraisal` of `study_text` to `pdf`: what `appraise --pdf` calls.
pub fn write_report(
    appraisal: &yeta_core::Appraisal,
    study_text: &str,
    pdf: &Path,
    lang: yeta_report::Lang,
) -> Result<()> {
    write_report_with(appraisal, study_text, pdf, &yeta_report::Options::new(lang))
}

/// [`write_report`] with the report's unit and date.
pub fn write_report_with(
    appraisal: &yeta_core::Appraisal,
    study_text: &str,
    pdf: &Path,
    opts: &yeta_report::Options<'_>,
) -> Result<()> {
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let bytes = yeta_service::report::report_pdf_with(appraisal, study_text, opts, &cancel, &|_, _| {})?;
    write_atomic(pdf, &bytes)?;
    println!("wrote {} ({} bytes)", pdf.display(), bytes.len());
    Ok(())
}

/// `D:YYYYMMDDHHMMSSZ` as `YYYY-MM-DD HH:MM:SS UTC`; anything else as given.
fn pdf_date(d: &str) -> String {
    let digits: String = d.trim_start_matches("D:").chars().take(14).collect();
    if digits.len() == 14 && digits.chars().all(|c| c.is_ascii_digit()) {
        let p = |a: usize, b: usize| &digits[a..b];
        format!("{}-{}-{} {}:{}:{} UTC", p(0, 4), p(4, 6), p(6, 8), p(8, 10), p(10, 12), p(12, 14))
    } else {
        d.to_owned()
    }
}

/// Runs one of the report commands.
pub fn run(cmd: ReportCmd) -> Result<ExitCode> {
    match cmd {
        ReportCmd::Report { study, pdf, lang, unit, date, ex_ante } => {
            let lang: yeta_report::Lang = lang.parse().map_err(anyhow::Error::msg)?;
            let unit: yeta_report::Unit = unit.parse().map_err(anyhow::Error::msg)?;
            if let Some(d) = &date
                && !yeta_core::study::is_date(d)
            {
                bail!("--date \"{d}\" is not a date written YYYY-MM-DD (e.g. 2026-12-02)");
            }
            let text = String::from_utf8(read(&study)?).with_context(|| format!("{} is not UTF-8", study.display()))?;
            // A study saved with a byte-order mark is the same study (as `appraise` reads it).
            let text = yeta_service::fs::strip_bom(&text).to_owned();
            let appraisal =
                yeta_core::appraise_json(&text, None).with_context(|| format!("appraising {}", study.display()))?;
            // 사후평가: a study with actuals gets its ex-post chapter.
            let parsed = yeta_core::Study::from_json(&text).with_context(|| format!("reading {}", study.display()))?;
            let expost = match (&parsed.outturn, &ex_ante) {
                (None, None) => None,
                (None, Some(_)) => {
                    bail!("--ex-ante is for a study with an outturn section; {} has none", study.display())
                }
                (Some(_), _) => {
                    let before = match &ex_ante {
                        Some(p) => {
                            let t =
                                String::from_utf8(read(p)?).with_context(|| format!("{} is not UTF-8", p.display()))?;
                            Some(
                                yeta_core::Study::from_json(yeta_service::fs::strip_bom(&t))
                                    .with_context(|| format!("reading {}", p.display()))?,
                            )
                        }
                        None => None,
                    };
                    Some(
                        yeta_core::expost::evaluate(&parsed, before.as_ref(), None)
                            .with_context(|| format!("evaluating {} ex post", study.display()))?,
                    )
                }
            };
            let opts = yeta_report::Options { unit, date, expost: expost.as_ref(), ..yeta_report::Options::new(lang) };
            write_report_with(&appraisal, &text, &pdf, &opts)?;
        }
        ReportCmd::Keygen { name, out, ca, issuer } => {
            let password = passphrase("a passphrase for the new key")?;
            let issuer_cred = match &issuer {
                Some(p) => Some(load_key(p, None)?),
                None => None,
            };
            let mut f = std::fs::File::open("/dev/urandom").context("opening /dev/urandom")?;
            let mut last = None;
            for _ in 0..8 {
                let mut seed = [0u8; 32];
                let mut salt = [0u8; 32];
                f.read_exact(&mut seed).context("reading /dev/urandom")?;
                f.read_exact(&mut salt).context("reading /dev/urandom")?;
                let opts =
                    yeta_report::KeygenOptions { ca, issuer: issuer_cred.as_ref(), password: Some(&password), salt };
                match yeta_report::keygen_with(&name, now(), seed, &opts) {
                    Ok(pem) => {
                        write_atomic(&out, pem.as_bytes())?;
                        let what = if ca {
                            "team CA key and certificate".to_owned()
                        } else if let Some(i) = &issuer_cred {
                            format!("key and certificate issued by {}", yeta_report::sign::common_name(&i.cert))
                        } else {
                            "key and self-signed certificate".to_owned()
                        };
                        println!("wrote {} (ECDSA P-256 {what} for {name}; the key is encrypted)", out.display());
                        return Ok(ExitCode::SUCCESS);
                    }
                    Err(e) => last = Some(e),
                }
            }
            bail!("keygen: {}", last.map_or_else(String::new, |e| e.to_string()));
        }
        ReportCmd::Sign { pdf, key, cert, reviewer, role, out } => {
            let cred = load_key(&key, cert.as_deref())?;
            let input = read(&pdf)?;
            let who = yeta_report::SignOff { reviewer: &reviewer, role: &role, unix_time: now() };
            let signed = yeta_report::sign(&input, &cred, &who)?;
            let out = out.unwrap_or(pdf);
            write_atomic(&out, &signed)?;
            println!(
                "signed {} as {reviewer} ({role}); certificate SHA-256 {}",
                out.display(),
                yeta_report::sign::cert_fingerprint(&cred.cert)
            );
        }
        ReportCmd::Verify { pdf, trust } => {
            let bytes = read(&pdf)?;
            let anchors = match &trust {
                Some(t) => {
                    let text =
                        String::from_utf8(read(t)?).with_context(|| format!("{} is not PEM text", t.display()))?;
                    Some(
                        yeta_report::trust::load_trust_pem(&text)
                            .map_err(|e| anyhow::anyhow!("{}: {e}", t.display()))?,
                    )
                }
                None => None,
            };
            let v = match yeta_report::verify_document(&bytes) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("{}: NOT VALID — {e}", pdf.display());
                    return Ok(ExitCode::from(1));
                }
            };
            let mut ok = v.is_valid();
            let mut untrusted = 0;
            for s in &v.signatures {
                let n = s.index;
                let who = s.info.as_ref().map_or_else(
                    || "?".to_owned(),
                    |i| {
                        let claim = match i.reviewer.as_deref() {
                            Some(r) if r.trim() != i.signer.trim() => format!(", names itself \"{r}\" (a claim)"),
                            _ => String::new(),
                        };
                        format!(
                            "{} ({}){claim}, signed {}, {}",
                            i.signer,
                            i.role.as_deref().unwrap_or("-"),
                            i.date.as_deref().map_or("-".into(), pdf_date),
                            i.algorithm
                        )
                    },
                );
                let cert =
                    s.info.as_ref().map_or(String::new(), |i| format!(", certificate SHA-256 {}", i.cert_sha256));
                let certified = if s.certification.is_some() { ", certifies the document (DocMDP)" } else { "" };
                match &s.status {
                    yeta_report::SigStatus::Valid => {
                        let trust_text = match &anchors {
                            None => String::new(),
                            Some(a) => {
                                // Validity is judged at the signing time; a signature without
                                // a readable one cannot be trusted (never judged at 1970).
                                let at = s
                                    .info
                                    .as_ref()
                                    .and_then(|i| i.date.as_deref())
                                    .and_then(yeta_report::trust::pdf_date_unix);
                                let trust = match at {
                                    Some(at) => yeta_report::trust::evaluate(&s.chain, a, at),
                                    None => yeta_report::Trust::Untrusted(
                                        "the signature has no readable signing time (/M)".to_owned(),
                                    ),
                                };
                                match trust {
                                    yeta_report::Trust::Trusted { subject, issuer, fingerprint, .. } => {
                                        format!(", trusted ({subject}, issued by {issuer}, SHA-256 {fingerprint})")
                                    }
                                    yeta_report::Trust::Untrusted(why) => {
                                        untrusted += 1;
                                        format!(", but the certificate is not trusted: {why}")
                                    }
                                }
                            }
                        };
                        println!("signature {n}: valid{trust_text} — {who}{cert}{certified}");
                    }
                    yeta_report::SigStatus::ChangedAfter(c) => {
                        println!(
                            "signature {n}: valid, but the document was changed after it: {} — {who}{cert}",
                            c.join("; ")
                        );
                    }
                    yeta_report::SigStatus::Invalid(m) => println!("signature {n}: NOT VALID — {m}"),
                }
            }
            if v.trailing > 0 {
                ok = false;
            }
            if !ok {
                eprintln!(
                    "{}: NOT VALID — {} signature(s), not every one valid for the final document",
                    pdf.display(),
                    v.signatures.len()
                );
                return Ok(ExitCode::from(1));
            }
            if untrusted > 0 {
                eprintln!(
                    "{}: intact, but {untrusted} of {} signature(s) not trusted",
                    pdf.display(),
                    v.signatures.len()
                );
                return Ok(ExitCode::from(1));
            }
            let t = if anchors.is_some() { ", all trusted" } else { "" };
            println!("{}: intact, {} signature(s){t}", pdf.display(), v.signatures.len());
        }
        ReportCmd::Extract { pdf, out } => {
            let text = yeta_report::extract(&read(&pdf)?)?;
            write_atomic(&out, text.as_bytes())?;
            println!("wrote {} ({} bytes)", out.display(), text.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
