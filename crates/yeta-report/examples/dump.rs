//! Renders a study: `cargo run --example dump STUDY.json OUT.pdf [ko|en]`.
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
    let t0 = std::time::Instant::now();
    let pdf = yeta_report::render(&ap, &t, lang).unwrap_or_default();
    eprintln!("{} bytes in {:?}", pdf.len(), t0.elapsed());
    let _ = std::fs::write(&a[2], pdf);
}
