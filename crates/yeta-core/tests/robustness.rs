//! No input makes the engine panic: thousands of mangled studies, each either appraised or
//! rejected with a message.

use std::panic;

const FIXTURES: [&str; 3] = [
    include_str!("../../../fixtures/ict-e-procurement.yeta.json"),
    include_str!("../../../fixtures/road-national-route.yeta.json"),
    include_str!("../../../fixtures/rail-wide-area.yeta.json"),
];

/// Replacement tokens chosen to hit the parser and the validator where they are weakest.
const TOKENS: [&str; 16] = [
    "",
    "-1",
    "0",
    "1e400",
    "\"\"",
    "null",
    "[]",
    "{}",
    "\"-0.5\"",
    "\"79228162514264337593543950335\"",
    "2147483647",
    "-2147483648",
    "\"1.0000000000000000000000000001\"",
    "\"0.9999\"",
    "true",
    "\"KR-42\"",
];

#[test]
fn mangled_studies_never_panic() {
    let mut seed: u64 = 42;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut ok = 0;
    let mut rejected = 0;
    for i in 0..3000 {
        let src = FIXTURES[i % 3];
        // Replace one JSON scalar (a run between delimiters) with a hostile token.
        let bytes = src.as_bytes();
        let mut at = (next() as usize) % bytes.len();
        while !src.is_char_boundary(at) {
            at -= 1;
        }
        let start = src[..at].rfind([':', ',', '[']).map_or(0, |p| p + 1);
        let end = src[at..].find([',', '}', ']']).map_or(src.len(), |p| at + p);
        if !src.is_char_boundary(start) || !src.is_char_boundary(end) || start > end {
            continue;
        }
        let token = TOKENS[(next() as usize) % TOKENS.len()];
        let mangled = format!("{}{}{}", &src[..start], token, &src[end..]);
        let result = panic::catch_unwind(|| yeta_core::appraise_json(&mangled, None).map(|a| a.to_json()));
        match result {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(e)) => {
                assert!(!e.to_string().is_empty());
                rejected += 1;
            }
            Err(_) => panic!("panic on mutation {i}:\n{mangled}"),
        }
    }
    assert!(ok > 0 && rejected > 0, "ok {ok} rejected {rejected}");
}

/// Extreme years anywhere give errors, not arithmetic overflow.
#[test]
fn extreme_years_are_rejected_without_overflow() {
    for (from, to) in [
        ("\"base_year\": 2025", "\"base_year\": 2147483647"),
        ("\"base_year\": 2025", "\"base_year\": -2147483648"),
        ("\"last_year\": 2059", "\"last_year\": 2147483647"),
        ("\"first_year\": 2026", "\"first_year\": -2147483648"),
    ] {
        let text = FIXTURES[1].replacen(from, to, 1);
        assert!(yeta_core::appraise_json(&text, None).is_err(), "{to}");
    }
    let with_discount = FIXTURES[1].replacen(
        "\"last_year\": 2059",
        "\"last_year\": 2059, \"discount\": [{\"from_year\": 2147483647, \"rate\": \"0.04\"}]",
        1,
    );
    assert!(yeta_core::appraise_json(&with_discount, None).is_err());
}
