//! `verify_document`, `verify`, `extract` and the stamp check on arbitrary bytes: errors are
//! fine, panics are findings. Seed the corpus with signed reports (tests/attacks.rs builds them).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = yeta_report::verify_document(data);
    let _ = yeta_report::verify(data);
    let _ = yeta_report::extract(data);
    let _ = yeta_report::render::check_study_stamp(data);
});
