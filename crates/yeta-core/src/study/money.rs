//! Money and rates as decimal strings: `"12500000000"`, `"0.045"`.
//!
//! Reading accepts a string or a JSON integer (both exact) and refuses a JSON fraction such as
//! `0.1`, which has already been rounded to binary before we see it. A string may be written the
//! way a Korean budget officer writes amounts (금액 표기): thousands separators
//! (`"24,000,000,000"`), Korean units (`"240억"`, `"240억원"`, `"1조 2,000억"`, `"1,800백만원"`,
//! `"500만원"`) and a percentage for rates (`"4.5%"` = 0.045). Writing is always a plain string.

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserializer, Serializer, de};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Schema stand-in for a decimal string, e.g. `"1234.5"`.
pub struct DecimalString;

impl JsonSchema for DecimalString {
    fn schema_name() -> Cow<'static, str> {
        "DecimalString".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A decimal number written as a string, e.g. \"12500000000\" or \"0.045\".",
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$"
        })
    }
}

/// Writes a decimal as a string without trailing zeros.
pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&value.normalize())
}

/// Writes a computed amount as a string rounded to 4 decimal places (a ten-thousandth of a won):
/// results carry no false precision, inputs are written back exactly by [`serialize`].
pub fn serialize_out<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&value.round_dp(4).normalize())
}

/// Reads a decimal from a string or an integer.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalVisitor)
}

struct DecimalVisitor;

impl de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number as a string, e.g. \"1250000000\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_amount(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(E::custom(format!(
            "{v} is a JSON number with a fraction; write it as a string (\"{v}\") so no precision is lost"
        )))
    }
}

/// Parses a plain decimal string; the message names the value when it is not one.
pub fn parse_decimal(v: &str) -> Result<Decimal, String> {
    let t = v.trim();
    let ok = !t.is_empty()
        && t.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
        && t.chars().filter(|&c| c == '.').count() <= 1
        && t.chars().any(|c| c.is_ascii_digit());
    if !ok {
        return Err(format!("\"{v}\" is not a decimal number"));
    }
    Decimal::from_str(t).map_err(|_| format!("\"{v}\" is out of range for a decimal number"))
}

/// Korean amount units, longest first so `백만` wins over `만`.
const UNITS: [(&str, i64); 6] = [
    ("천만", 10_000_000),
    ("백만", 1_000_000),
    ("조", 1_000_000_000_000),
    ("억", 100_000_000),
    ("만", 10_000),
    ("천", 1_000),
];

/// A number with optional thousands separators: `1,800` or `24,000,000,000` (groups of three
/// after the first; `1,2` is refused, it is more likely a decimal comma).
fn grouped(t: &str) -> Option<Decimal> {
    if t.contains(',') {
        let (int, frac) = t.split_once('.').map_or((t, None), |(a, b)| (a, Some(b)));
        let groups: Vec<&str> = int.split(',').collect();
        let first = groups.first()?;
        let first_ok = !first.is_empty() && first.len() <= 3 + usize::from(first.starts_with('-'));
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        let plain = groups.concat() + &frac.map(|f| format!(".{f}")).unwrap_or_default();
        return parse_decimal(&plain).ok();
    }
    parse_decimal(t).ok()
}

/// Parses an amount or rate as a study writes it: a plain decimal, a number with thousands
/// separators, Korean units (조, 억, 천만, 백만, 만, 천; a final 원 is allowed), or a percentage.
/// The message names the value and shows the accepted forms when it is none of these.
pub fn parse_amount(v: &str) -> Result<Decimal, String> {
    if let Ok(d) = parse_decimal(v) {
        return Ok(d);
    }
    let shown = if v.chars().count() > 40 { v.chars().take(40).collect::<String>() + "…" } else { v.to_owned() };
    let bad = || {
        format!(
            "\"{shown}\" is not a decimal number or an amount in won (write e.g. \"24000000000\", \"24,000,000,000\", \"240억\" or \"1,800백만원\"; a rate as \"0.045\" or \"4.5%\")"
        )
    };
    let t = v.trim();
    if let Some(p) = t.strip_suffix('%') {
        return grouped(p.trim()).and_then(|x| x.checked_div(Decimal::ONE_HUNDRED)).ok_or_else(bad);
    }
    let t = t.strip_suffix('원').unwrap_or(t).trim();
    if let Some(x) = grouped(t) {
        return Ok(x);
    }
    // A sum of number-and-unit parts, largest unit first: "1조 2,000억", "3억 5천만".
    let mut total = Decimal::ZERO;
    let mut rest = t;
    let mut last_unit = i64::MAX;
    while !rest.is_empty() {
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '-')).unwrap_or(rest.len());
        let (num, after) = rest.split_at(end);
        let after = after.trim_start();
        let unit = UNITS.iter().find(|(u, _)| after.starts_with(u));
        let (n, factor, tail) = match unit {
            Some((u, f)) => (num.trim(), *f, after[u.len()..].trim_start()),
            None if after.is_empty() && !num.is_empty() && total > Decimal::ZERO => (num.trim(), 1, ""),
            None => return Err(bad()),
        };
        if factor >= last_unit || n.is_empty() {
            return Err(bad());
        }
        last_unit = factor;
        let x = grouped(n).ok_or_else(bad)?;
        total = x.checked_mul(Decimal::from(factor)).and_then(|p| total.checked_add(p)).ok_or_else(bad)?;
        rest = tail;
    }
    Ok(total)
}

/// The same for optional fields.
pub mod option {
    use super::*;

    /// Writes `Some` as a string; `None` is skipped by the field attribute.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, s),
            None => s.serialize_none(),
        }
    }

    /// Reads `null`, a string or an integer.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal number as a string, or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_parse_and_junk_is_named() {
        assert_eq!(parse_decimal("0.045").ok(), Decimal::from_str("0.045").ok());
        assert_eq!(parse_decimal("-12").ok(), Some(Decimal::from(-12)));
        for bad in ["", "abc", "1e5", "1.2.3", "-", "12,000", "NaN"] {
            let e = parse_decimal(bad).expect_err(bad);
            assert!(e.contains(&format!("\"{bad}\"")), "{e}");
        }
    }

    /// Korean amount notation, each by hand: 억 = 10^8, 조 = 10^12, 백만 = 10^6, 만 = 10^4.
    #[test]
    fn amounts_in_the_officers_notation() {
        let d = |s: &str| Decimal::from_str(s).expect("decimal");
        for (text, want) in [
            ("240억", "24000000000"),
            ("240억원", "24000000000"),
            ("24,000,000,000", "24000000000"),
            ("1,800억", "180000000000"),
            ("1,800백만원", "1800000000"),
            ("3.5억", "350000000"),
            ("1조 2,000억", "1200000000000"),
            ("3억 5천만", "350000000"),
            ("500만원", "5000000"),
            ("4.5%", "0.045"),
            ("12,000", "12000"),
            ("0.045", "0.045"),
        ] {
            assert_eq!(parse_amount(text), Ok(d(want)), "{text}");
        }
        for bad in ["1,2", "12,0000", "억", "240 억 원 원", "5억 3조", "24oo", "1e5"] {
            let e = parse_amount(bad).expect_err(bad);
            assert!(e.contains(&format!("\"{bad}\"")) && e.contains("240억"), "{e}");
        }
    }
}
