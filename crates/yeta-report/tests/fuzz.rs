//! A bounded, deterministic mutation fuzzer for `verify_document`, `verify`, `extract` and
//! `check_study_stamp` over real signed files (a twice-signed report and a twice-signed tiny
//! PDF): byte flips, truncations, splices, inserted huge numbers and deep nesting, deleted and
//! duplicated ranges. A fixed seed and iteration count (`YETA_FUZZ_ITERS`, default 15000) keep it
//! a CI job of about a minute in debug. Any panic fails the test with the seed and iteration, so
//! the input can be rebuilt and kept as a named regression test in tests/attacks.rs.
#![allow(clippy::unwrap_used)]

use yeta_report::{Lang, SignOff, keygen, load_credentials, sign};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

const T0: u64 = 1_767_225_600;

fn corpus() -> Vec<Vec<u8>> {
    let k1 = load_credentials(&keygen("김민수", T0, [7; 32]).unwrap(), None).unwrap();
    let k2 = load_credentials(&keygen("Jane Reviewer", T0, [9; 32]).unwrap(), None).unwrap();
    let two = |pdf: &[u8]| {
        let a = sign(pdf, &k1, &SignOff { reviewer: "김민수", role: "r", unix_time: T0 }).unwrap();
        sign(&a, &k2, &SignOff { reviewer: "Jane Reviewer", role: "b", unix_time: T0 }).unwrap()
    };
    let study =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/road-national-route.yeta.json"))
            .unwrap();
    let a = yeta_core::appraise_json(&study, None).unwrap();
    let report = yeta_report::render(&a, &study, Lang::En).unwrap();
    let tiny = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n";
    let mut t = tiny.to_vec();
    let offs = [9usize, 9 + 51, 9 + 51 + 58];
    let offs: Vec<usize> = {
        let s = String::from_utf8_lossy(&t).into_owned();
        (1..=3).map(|i| s.find(&format!("{i} 0 obj")).unwrap_or(offs[i - 1])).collect()
    };
    let x = t.len();
    t.extend_from_slice(b"xref\n0 4\n0000000000 65535 f \n");
    for o in offs {
        t.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    t.extend_from_slice(format!("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n").as_bytes());
    vec![two(&t), two(&report)]
}

fn mutate(r: &mut Rng, base: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + r.below(3) {
        let n = v.len().max(1);
        match r.below(8) {
            0 => {
                for _ in 0..1 + r.below(8) {
                    let i = r.below(n);
                    if let Some(b) = v.get_mut(i) {
                        *b ^= 1 << r.below(8);
                    }
                }
            }
            1 => v.truncate(r.below(n)),
            2 => {
                let s = r.below(other.len());
                let l = r.below(4096).min(other.len() - s);
                let at = r.below(n).min(v.len());
                v.splice(at..at, other[s..s + l].iter().copied());
            }
            3 => {
                let at = r.below(n).min(v.len());
                let huge: &[&[u8]] =
                    &[b" 99999999999999999999 ", b" -9223372036854775808 ", b" 4294967296 ", b" 1e308 ", b" 0 0 R "];
                v.splice(at..at, huge[r.below(huge.len())].iter().copied());
            }
            4 => {
                let at = r.below(n).min(v.len());
                let open: &[u8] = if r.below(2) == 0 { b"[" } else { b"<<" };
                v.splice(at..at, open.repeat(1 + r.below(2000)));
            }
            5 => {
                let s = r.below(n).min(v.len());
                let e = (s + r.below(2048)).min(v.len());
                v.drain(s..e);
            }
            6 => {
                let s = r.below(n).min(v.len());
                let e = (s + r.below(2048)).min(v.len());
                let chunk = v[s..e].to_vec();
                let at = r.below(v.len().max(1)).min(v.len());
                v.splice(at..at, chunk);
            }
            _ => {
                // Rewrite a number after a structural keyword.
                let keys: &[&[u8]] = &[b"/Length ", b"/ByteRange [", b"startxref\n", b"/Prev ", b"/Size "];
                let k = keys[r.below(keys.len())];
                let hits: Vec<usize> =
                    v.windows(k.len()).enumerate().filter(|(_, w)| *w == k).map(|(i, _)| i).collect();
                if !hits.is_empty() {
                    let at = hits[r.below(hits.len())] + k.len();
                    let num = [0u64, 1, 9, 1 << 31, 1 << 40, u64::MAX][r.below(6)].to_string();
                    let end = (at + 1 + r.below(12)).min(v.len());
                    v.splice(at..end, num.bytes());
                }
            }
        }
    }
    v
}

#[test]
fn mutated_signed_files_never_panic() {
    let iters: usize = std::env::var("YETA_FUZZ_ITERS").ok().and_then(|s| s.parse().ok()).unwrap_or(15_000);
    let corpus = corpus();
    let mut r = Rng(0x5EED_0F00_7E7A);
    let start = std::time::Instant::now();
    let (mut valid, mut read, mut slowest) = (0usize, 0usize, std::time::Duration::ZERO);
    for i in 0..iters {
        let k = r.below(corpus.len());
        let input = mutate(&mut r, &corpus[k], &corpus[1 - k]);
        let t = std::time::Instant::now();
        let res = std::panic::catch_unwind(|| {
            let v = match yeta_report::verify_document(&input) {
                Ok(v) if v.is_valid() => 2,
                Ok(_) => 1,
                Err(_) => 0,
            };
            let _ = yeta_report::verify(&input);
            let _ = yeta_report::extract(&input);
            let _ = yeta_report::render::check_study_stamp(&input);
            v
        });
        slowest = slowest.max(t.elapsed());
        match res {
            Ok(2) => {
                valid += 1;
                if std::env::var_os("YETA_FUZZ_DUMP").is_some() {
                    let _ = std::fs::write(std::env::temp_dir().join(format!("yeta-fuzz-valid-{i}.pdf")), &input);
                    let _ = std::fs::write(std::env::temp_dir().join(format!("yeta-fuzz-base-{i}.pdf")), &corpus[k]);
                }
            }
            Ok(1) => read += 1,
            Ok(_) => {}
            Err(_) => {
                let path = std::env::temp_dir().join(format!("yeta-fuzz-crash-{i}.pdf"));
                let _ = std::fs::write(&path, &input);
                panic!("iteration {i}: panic on a mutated file, kept at {}", path.display());
            }
        }
    }
    println!(
        "fuzz: {iters} executions in {:?}, slowest {slowest:?}; {read} read with every signature judged not valid, {} rejected as unreadable, {valid} still valid (identical bytes, or white space in the /Contents padding), 0 panics",
        start.elapsed(),
        iters - read - valid
    );
    assert!(slowest.as_secs() < 10, "an input took {slowest:?}");
}
