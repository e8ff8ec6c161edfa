//! # yeta-report: the PDF appraisal report, its embedded study, and its signatures
//!
//! Bytes in, bytes out, no files and no clock:
//! - [`render`]: the appraisal report from an [`yeta_core::Appraisal`] and the study text
//!   ([`render::render`]), deterministic, with the study attached ([`render::extract`]);
//! - [`sign`]: PAdES baseline-B signatures as incremental updates ([`sign::sign`],
//!   [`sign::verify`], [`sign::keygen`]).
//!
//! The report's pages: cover; executive summary (verdict, B/C, NPV, IRR, AHP score, warnings);
//! project overview; economic analysis (assumptions, results, a cash-flow bar chart and the
//! yearly table, sensitivity table and tornado chart, switching values); financial analysis;
//! policy analysis (group summary, checklist with ratings, evidence and sources; technical
//! feasibility for ICT); balanced regional development (backwardness index, indicators, every
//! region's index as a chart, regional economic effects); environmental risk (energy, emissions
//! and carbon value by year with a chart, B/C with and without carbon, the risk register as a
//! heat map and a table, compliance); the AHP evaluation (criteria weights against their allowed
//! ranges as a chart, sub-criteria, each evaluator's weights, score and CR, repair hints,
//! robustness); appendices (every rule with its value, status and source, the source of every
//! line and unit value, method notes with the RI table, provenance); a sign-off page whose
//! boxes the signatures fill. Every page but the cover has a running header, a page number and
//! the provenance stamp (Yeta version, rule set, SHA-256 of the study).
//!
//! ```
//! use yeta_report::{Lang, SignOff, extract, keygen, load_credentials, render, sign, verify};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/road-national-route.yeta.json");
//! let study = std::fs::read_to_string(path).unwrap();
//! let appraisal = yeta_core::appraise_json(&study, None).unwrap();
//! let pdf = render(&appraisal, &study, Lang::Ko).unwrap();
//! assert_eq!(extract(&pdf).unwrap(), study);
//!
//! // The caller supplies randomness and the clock; the library has neither.
//! let pem = keygen("김민수", 1_767_225_600, [7; 32]).unwrap();
//! let who = SignOff { reviewer: "김민수", role: "PFS reviewer", unix_time: 1_767_229_200 };
//! let signed = sign(&pdf, &load_credentials(&pem, None).unwrap(), &who).unwrap();
//! assert_eq!(verify(&signed).unwrap()[0].signer, "김민수");
//! ```
#![deny(missing_docs)]

mod layout;
mod pdfobj;
pub mod pdfread;
mod regional_sigungu;
pub mod render;
mod rules_table;
mod sections;
pub mod sign;
mod stages;
pub mod trust;
pub mod verify;

pub use render::{Lang, Options, ReportError, Unit, extract, render, render_opts, render_with_risk};
pub use sign::{
    Credentials, KeygenOptions, SignError, SignOff, SignerInfo, VerifyError, keygen, keygen_with, load_credentials,
    load_credentials_with_password, load_pkcs12, sign, verify,
};
pub use trust::Trust;
pub use verify::{
    SigStatus, SignatureCheck, SignerCheck, SignoffError, Verification, check_for_signoff, verify_document,
};
