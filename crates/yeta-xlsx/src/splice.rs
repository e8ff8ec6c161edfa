//! Writing an imported study back without touching what the sheet did not change: the study's
//! own text is kept, and only the `costs`, `benefits` and `revenues` arrays — within them only
//! the lines that changed — are replaced. AHP fractions (`"1/3"`), the officer's notation
//! (`"240억"`, `"2027년"`), key order, unknown-to-the-sheet fields all stay as written; an
//! unchanged import gives the file back byte for byte.

use serde::Serialize;
use yeta_core::Study;
use yeta_core::study::{Line, Unit};

/// A byte range of the text.
type Span = (usize, usize);

/// A minimal JSON scanner over the study's text (already known to be valid JSON).
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn string(&mut self) -> Option<Span> {
        let start = self.i;
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return Some((start, self.i));
                }
                _ => self.i += 1,
            }
        }
        None
    }

    /// Skips one value; its span.
    fn value(&mut self) -> Option<Span> {
        self.ws();
        let start = self.i;
        match self.b.get(self.i)? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                while self.i < self.b.len() {
                    match self.b[self.i] {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some((start, self.i));
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
                return None;
            }
            _ => {
                while self.i < self.b.len()
                    && !matches!(self.b[self.i], b',' | b'}' | b']')
                    && !self.b[self.i].is_ascii_whitespace()
                {
                    self.i += 1;
                }
            }
        }
        Some((start, self.i))
    }

    /// The members of the object starting here: (key, value span).
    fn members(&mut self) -> Option<Vec<(String, Span)>> {
        self.ws();
        if self.b.get(self.i) != Some(&b'{') {
            return None;
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            self.ws();
            match self.b.get(self.i)? {
                b'}' => return Some(out),
                b',' => self.i += 1,
                _ => {
                    let (ks, ke) = self.string()?;
                    let key: String = serde_json::from_slice(&self.b[ks..ke]).ok()?;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value()?;
                    out.push((key, v));
                }
            }
        }
    }

    /// The elements of the array spanning `span`.
    fn elements(text: &str, span: Span) -> Option<Vec<Span>> {
        let mut s = Scan { b: text.as_bytes(), i: span.0 + 1 };
        let mut out = Vec::new();
        loop {
            s.ws();
            match s.b.get(s.i)? {
                b']' => return Some(out),
                b',' => s.i += 1,
                _ => out.push(s.value()?),
            }
        }
    }
}

/// A line as the study file writes it, in the study's unit, indented to sit in a top-level array.
fn line_text<K: Serialize + Clone>(l: &Line<K>, unit: Option<Unit>, indent: &str) -> String {
    let mut l = l.clone();
    if let Some(u) = unit.filter(|_| l.unit_value.is_none()) {
        for f in &mut l.flows {
            f.amount = f.amount.checked_div(u.factor()).map_or(f.amount, |x| x.normalize());
        }
    }
    let text = serde_json::to_string_pretty(&l).unwrap_or_default();
    text.lines().collect::<Vec<_>>().join(&format!("\n{indent}"))
}

/// The list's new array text, keeping the original text of every line that is unchanged.
fn list_text<K: Serialize + Clone + PartialEq>(
    text: &str,
    span: Option<Span>,
    old: &[Line<K>],
    new: &[Line<K>],
    unit: Option<Unit>,
) -> String {
    let elements = span.and_then(|s| Scan::elements(text, s)).filter(|e| e.len() == old.len());
    // The indentation of the original elements, else the pretty printer's (4 spaces).
    let indent = elements
        .as_ref()
        .and_then(|e| e.first())
        .map(|&(a, _)| {
            let line_start = text[..a].rfind('\n').map_or(0, |i| i + 1);
            text[line_start..a].to_owned()
        })
        .filter(|s| s.chars().all(char::is_whitespace))
        .unwrap_or_else(|| "    ".to_owned());
    let close = &indent[..indent.len().saturating_sub(2)];
    let items: Vec<String> = new
        .iter()
        .map(|l| match (old.iter().position(|o| o == l), &elements) {
            (Some(j), Some(e)) => text[e[j].0..e[j].1].to_owned(),
            _ => line_text(l, unit, &indent),
        })
        .collect();
    if items.is_empty() {
        return "[]".to_owned();
    }
    format!("[\n{indent}{}\n{close}]", items.join(&format!(",\n{indent}")))
}

/// The study file `text` (which reads as `old`) with its lines replaced by `new`'s. Falls back to
/// `new.to_json()` only if the text cannot be scanned (it always can, once it has been read).
pub fn write_back(text: &str, old: &Study, new: &Study) -> String {
    if old.costs == new.costs && old.benefits == new.benefits && old.revenues == new.revenues {
        return text.to_owned();
    }
    let Some(members) = (Scan { b: text.as_bytes(), i: 0 }).members() else { return new.to_json() };
    let span_of = |key: &str| members.iter().find(|(k, _)| k == key).map(|(_, s)| *s);
    let unit = new.unit;
    let mut edits: Vec<(Option<Span>, &str, String)> = Vec::new();
    if old.costs != new.costs {
        let s = span_of("costs").or_else(|| span_of("비용"));
        edits.push((s, "costs", list_text(text, s, &old.costs, &new.costs, unit)));
    }
    if old.benefits != new.benefits {
        let s = span_of("benefits").or_else(|| span_of("편익"));
        edits.push((s, "benefits", list_text(text, s, &old.benefits, &new.benefits, unit)));
    }
    if old.revenues != new.revenues {
        let s = span_of("revenues").or_else(|| span_of("수입"));
        edits.push((s, "revenues", list_text(text, s, &old.revenues, &new.revenues, unit)));
    }
    let mut out = text.to_owned();
    // Replace from the end so earlier spans stay valid; a list the file lacks goes before the
    // closing brace.
    let end = text.rfind('}').unwrap_or(text.len());
    let mut placed: Vec<(usize, usize, String)> = edits
        .into_iter()
        .map(|(s, key, t)| match s {
            Some((a, b)) => (a, b, t),
            None => (end, end, format!(",\n  \"{key}\": {t}\n")),
        })
        .collect();
    placed.sort_by_key(|p| std::cmp::Reverse(p.0));
    for (a, b, t) in placed {
        if a == end && b == end {
            // Trim the whitespace before the brace so the inserted member follows the last one.
            let trimmed = out[..a].trim_end().len();
            out.replace_range(trimmed..a, &t);
        } else {
            out.replace_range(a..b, &t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "format": "yeta-study/1",
  "project": { "name": "T", "sponsor": "S", "sector": "도로", "region": "대구",
               "total_cost": "200억", "state_funding": "100", "population_decline_area": true },
  "parameters": { "base_year": "2025년", "first_year": 2026, "last_year": 2040 },
  "costs": [
    { "name": "Build", "kind": "공사비", "flows": [ { "from": 2026, "to": 2027, "amount": "100억" } ] },
    { "name": "Run", "kind": "opex", "flows": [ { "from": 2028, "to": 2040, "amount": "1,000", "growth": "0.01" } ] }
  ],
  "benefits": [ { "name": "Time", "kind": "travel_time", "flows": [ { "from": 2028, "to": 2040, "amount": "30" } ] } ],
  "ahp_note": "kept"
}"#;

    #[test]
    fn only_the_changed_line_is_rewritten() {
        let text = TEXT.replace(",\n  \"ahp_note\": \"kept\"", "");
        let old = Study::from_json(&text).expect("reads");
        assert_eq!(write_back(&text, &old, &old), text, "unchanged: byte for byte");
        let mut new = old.clone();
        new.costs[1].flows[0].amount = rust_decimal::Decimal::from(2000);
        let out = write_back(&text, &old, &new);
        // The first line, the project in Korean notation and the benefits are as written.
        assert!(
            out.contains(
                r#"{ "name": "Build", "kind": "공사비", "flows": [ { "from": 2026, "to": 2027, "amount": "100억" } ] }"#
            ),
            "{out}"
        );
        assert!(
            out.contains(r#""sector": "도로", "region": "대구""#) && out.contains("\"population_decline_area\": true")
        );
        assert!(out.contains(r#""amount": "2000""#) && out.contains(r#""growth": "0.01""#), "{out}");
        assert_eq!(Study::from_json(&out).expect("reads"), new);
        // A list the file did not have is added.
        let mut with_rev = old.clone();
        with_rev.revenues = vec![Line { name: "Toll".into(), ..new.costs[1].clone() }]
            .into_iter()
            .map(|l| Line {
                kind: yeta_core::study::RevenueKind::Toll,
                name: l.name,
                source: None,
                quantity_unit: None,
                unit_value: None,
                flows: l.flows,
                demand: None,
                uncertainty: None,
            })
            .collect();
        let out = write_back(&text, &old, &with_rev);
        assert_eq!(Study::from_json(&out).expect("reads"), with_rev, "{out}");
    }
}
