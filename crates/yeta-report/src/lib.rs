//! # yeta-report: the PDF appraisal report, its embedded study, and its signatures
//!
//! Bytes in, bytes out, no files and no clock:
//! - [`sign`]: PAdES baseline-B signatures as incremental updates ([`sign::sign`],
//!   [`sign::verify`], [`sign::keygen`]).
#![deny(missing_docs)]

mod pdfobj;
pub mod sign;

pub use sign::{Credentials, SignError, SignOff, SignerInfo, VerifyError, keygen, load_credentials, sign, verify};
