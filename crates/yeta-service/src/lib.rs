//! # yeta-service: what the shells (the `yeta` CLI, the desktop app) share around the engine
//!
//! - [`report::report_pdf`]: the appraisal report with its Monte Carlo section (fixed draws and
//!   seed): the same study gives the same PDF bytes from the CLI and from the app;
//! - [`fs::atomic_write`]: a file is replaced whole or not at all (temp file in the same
//!   directory, fsync, rename, fsync of the directory; the temp file is removed on every error);
//! - [`fs::check_outputs`]: before any work, refuses an output that is one of the inputs (or the
//!   library database, which callers pass as an input), two outputs that are the same file, and
//!   an output whose directory does not exist;
//! - [`fs::read_text`]: a study or table file as UTF-8 text, a leading byte-order mark removed;
//! - [`registry`]: the review registry's client and the outbox that queues submissions while the
//!   registry cannot be reached (the CLI and the app send the same queue).
#![deny(missing_docs)]

pub mod fs;
pub mod registry;
pub mod report;
