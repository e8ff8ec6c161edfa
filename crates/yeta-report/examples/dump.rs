//! Renders a study: `cargo run --example dump STUDY.json OUT.pdf [ko|en] [백만원|억원]`, with the
//! report's Monte Carlo section (2,000 draws, seed 1) when the study states uncertainty.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let t = std::fs::read_to_string(&a[1]).unwrap_or_default();
    let ap = match yeta_core::appraise_json(&t, None) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let lang = a.get(3).and_then(|s| s.parse().ok()).unwrap_or(yeta_report::Lang::En);
    let unit = a.get(4).and_then(|s| s.parse().ok()).unwrap_or_default();
    let study = yeta_core::Study::from_json(&t).ok();
    let opts = yeta_core::risk::Options { draws: 2000, seed: 1, threads: 1, bins: 30 };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let risk = study
        .and_then(|s| yeta_core::risk::simulate_study(&s, opts, &|_, _| {}, &cancel).ok())
        .filter(|r| !r.uncertain.is_empty());
    let t0 = std::time::Instant::now();
    let o = yeta_report::Options { risk: risk.as_ref(), unit, ..yeta_report::Options::new(lang) };
    let pdf = yeta_report::render_opts(&ap, &t, &o).unwrap_or_default();
    eprintln!("{} bytes in {:?}", pdf.len(), t0.elapsed());
    let _ = std::fs::write(&a[2], pdf);
}
