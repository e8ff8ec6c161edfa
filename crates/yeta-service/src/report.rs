//! The appraisal report as every shell makes it (보고서 작성): the appraisal, the Monte Carlo
//! section when the study states any uncertainty (fixed draws and seed, printed in the report),
//! and the PDF bytes. The CLI's `report` / `appraise --pdf` and the app's Export PDF call this one
//! function, so the same study and options give the same bytes from either.

use std::sync::atomic::{AtomicBool, Ordering};

/// Draws of the report's Monte Carlo section.
pub const REPORT_DRAWS: usize = 20_000;
/// Seed of the report's Monte Carlo section: fixed so the report is deterministic.
pub const REPORT_SEED: u64 = 1;

/// Why no report was made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The study does not parse or validate.
    #[error("{0}")]
    Study(#[from] yeta_core::StudyError),
    /// The PDF could not be rendered.
    #[error("{0}")]
    Render(#[from] yeta_report::ReportError),
    /// The caller cancelled the work.
    #[error("cancelled")]
    Cancelled,
}

/// The report's Monte Carlo section: present when the study gives any line or the discount
/// rate an uncertainty; `threads` does not change the figures (each chunk of draws has its own
/// random stream).
pub fn report_risk(
    study_text: &str,
    threads: usize,
    cancel: &AtomicBool,
) -> Result<Option<yeta_core::risk::RiskResult>, ReportError> {
    let study = yeta_core::Study::from_json(study_text)?;
    let opts = yeta_core::risk::Options { draws: REPORT_DRAWS, seed: REPORT_SEED, threads, bins: 30 };
    match yeta_core::risk::simulate_study(&study, opts, &|_, _| {}, cancel) {
        Ok(r) if r.uncertain.is_empty() => Ok(None),
        Ok(r) => Ok(Some(r)),
        Err(_) if cancel.load(Ordering::Relaxed) => Err(ReportError::Cancelled),
        // A study that appraises but cannot be simulated (ranges too wide for finite figures)
        // gets no risk section; the appraisal itself has already passed validation.
        Err(_) => Ok(None),
    }
}

/// The PDF of an appraisal already made (the CLI may pass custom rule sets or region tables),
/// with the report's Monte Carlo section. `progress(step, 3)` is called as the work goes.
pub fn report_pdf(
    appraisal: &yeta_core::Appraisal,
    study_text: &str,
    lang: yeta_report::Lang,
    cancel: &AtomicBool,
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<u8>, ReportError> {
    report_pdf_with(appraisal, study_text, &yeta_report::Options::new(lang), cancel, progress)
}

/// [`report_pdf`] with the report's options (language, money unit, date); `opts.risk` is
/// ignored: the report's Monte Carlo section is always the service's fixed run.
pub fn report_pdf_with(
    appraisal: &yeta_core::Appraisal,
    study_text: &str,
    opts: &yeta_report::Options<'_>,
    cancel: &AtomicBool,
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<u8>, ReportError> {
    progress(0, 3);
    let risk = report_risk(study_text, 2, cancel)?;
    progress(1, 3);
    if cancel.load(Ordering::Relaxed) {
        return Err(ReportError::Cancelled);
    }
    let opts = yeta_report::Options { risk: risk.as_ref(), ..opts.clone() };
    let bytes = yeta_report::render_opts(appraisal, study_text, &opts)?;
    progress(2, 3);
    if cancel.load(Ordering::Relaxed) {
        return Err(ReportError::Cancelled);
    }
    Ok(bytes)
}

/// The PDF of a study under its built-in rule set: parse, appraise, simulate, render.
pub fn study_report_pdf(
    study_text: &str,
    lang: yeta_report::Lang,
    cancel: &AtomicBool,
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<u8>, ReportError> {
    let appraisal = yeta_core::appraise_json(study_text, None)?;
    report_pdf(&appraisal, study_text, lang, cancel, progress)
}
