//! Closed lists of codes read by code, Korean name or English name (코드·명칭 조회), and the error
//! an unknown value gives: every allowed value with its Korean and English names, and the
//! nearest one suggested (edit distance over code, Korean and English names and aliases).

/// One value of a code list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'a> {
    /// The code as written back, e.g. `capex`, `KR-27`.
    pub code: &'a str,
    /// Korean name, e.g. `공사비·구축비`, `대구광역시`.
    pub ko: &'a str,
    /// English name.
    pub en: &'a str,
    /// Further spellings that are read as this code (short Korean names, old codes).
    pub aliases: &'a [&'a str],
}

impl<'a> Name<'a> {
    /// A value without aliases.
    pub const fn new(code: &'a str, ko: &'a str, en: &'a str) -> Self {
        Self { code, ko, en, aliases: &[] }
    }

    /// A value with aliases.
    pub const fn with(code: &'a str, ko: &'a str, en: &'a str, aliases: &'a [&'a str]) -> Self {
        Self { code, ko, en, aliases }
    }

    fn spellings(&self) -> impl Iterator<Item = &'a str> + '_ {
        [self.code, self.ko, self.en].into_iter().chain(self.aliases.iter().copied())
    }
}

/// The form compared: lower case, without spaces, `·`, `_` or `-` (so `travel time`,
/// `travel_time` and `Travel-Time` are one spelling, and `통행시간 절감` is `통행시간절감`).
pub fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '_' | '-' | '.' | '/'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value `s` names: its code, Korean or English name or an alias, compared as [`fold`]s.
pub fn find<'a, 'b>(list: &'a [Name<'b>], s: &str) -> Option<&'a Name<'b>> {
    if let Some(n) = list.iter().find(|n| n.code == s) {
        return Some(n);
    }
    if s.len() > 4 * MAX_COMPARED {
        return None; // no name is that long
    }
    let f = fold(s);
    if f.is_empty() {
        return None;
    }
    list.iter().find(|n| n.spellings().any(|x| fold(x) == f))
}

/// Edit distance over characters: insertions, deletions, substitutions and transpositions of
/// neighbours (optimal string alignment), so `Deagu` is one edit from `Daegu`.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=b.len() {
        d[0][j] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut x = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                x = x.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = x;
        }
    }
    d[a.len()][b.len()]
}

/// How many characters of a value the nearest-name search compares.
pub const MAX_COMPARED: usize = 64;

/// The value nearest to `s` over all its spellings (ties: the first in list order).
pub fn nearest<'a, 'b>(list: &'a [Name<'b>], s: &str) -> Option<&'a Name<'b>> {
    // A value far longer than any name is compared by its start (the distance is quadratic).
    let f: String = fold(&s.chars().take(MAX_COMPARED).collect::<String>());
    list.iter().min_by_key(|n| n.spellings().map(|x| distance(&f, &fold(x))).min().unwrap_or(usize::MAX))
}

/// `code (한글, English)`.
pub fn describe(n: &Name<'_>) -> String {
    format!("{} {}", n.code, names_of(n))
}

/// `(한글, English)`, or `(name)` when both are one.
fn names_of(n: &Name<'_>) -> String {
    if n.ko == n.en { format!("({})", n.ko) } else { format!("({}, {})", n.ko, n.en) }
}

/// The message for an unknown value: what it is not, the nearest value, every allowed value.
pub fn unknown(what: &str, list: &[Name<'_>], s: &str) -> String {
    let shown = if s.chars().count() > 40 { s.chars().take(40).collect::<String>() + "…" } else { s.to_owned() };
    let all = list.iter().map(describe).collect::<Vec<_>>().join(", ");
    match nearest(list, s) {
        Some(n) => {
            format!("\"{shown}\" is not {what}; did you mean \"{}\" {}? Write one of: {all}", n.code, names_of(n))
        }
        None => format!("\"{shown}\" is not {what}; write one of: {all}"),
    }
}

/// Reads a code of `list` from a string, with [`unknown`]'s message when it is none of them.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(
    d: D,
    what: &str,
    list: &[Name<'static>],
) -> Result<&'static str, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a code or name as a string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
    }
    let s = d.deserialize_str(V)?;
    find(list, &s).map(|n| n.code).ok_or_else(|| serde::de::Error::custom(unknown(what, list, &s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: [Name<'static>; 3] = [
        Name::with("KR-27", "대구광역시", "Daegu", &["대구", "대구시"]),
        Name::new("capex", "공사비", "construction"),
        Name::new("travel_time", "통행시간 절감", "travel-time savings"),
    ];

    #[test]
    fn distances_by_hand() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("대구", "대구시"), 1);
        assert_eq!(distance("capx", "capex"), 1);
        assert_eq!(distance("deagu", "daegu"), 1, "a transposition is one edit");
        assert_eq!(distance("2062", "2026"), 1);
    }

    #[test]
    fn names_codes_and_aliases_are_found_folded() {
        for s in ["KR-27", "kr27", "대구", "대구광역시", "daegu", " Daegu "] {
            assert_eq!(find(&L, s).map(|n| n.code), Some("KR-27"), "{s}");
        }
        assert_eq!(find(&L, "통행시간절감").map(|n| n.code), Some("travel_time"));
        assert_eq!(find(&L, "Travel Time").map(|n| n.code), Some("travel_time"));
        assert_eq!(find(&L, ""), None);
    }

    #[test]
    fn unknown_suggests_the_nearest_and_lists_all() {
        let m = unknown("a kind", &L, "capx");
        assert!(m.starts_with("\"capx\" is not a kind; did you mean \"capex\" (공사비, construction)?"), "{m}");
        assert!(
            m.contains("KR-27 (대구광역시, Daegu)") && m.contains("travel_time (통행시간 절감, travel-time savings)"),
            "{m}"
        );
        let m = unknown("a region", &L, "대구광역");
        assert!(m.contains("did you mean \"KR-27\""), "{m}");
    }
}
