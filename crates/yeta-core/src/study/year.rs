//! Years as a budget officer may write them: `2027`, `"2027"` or `"2027년"` (연도 표기).
//! Always written back as a JSON integer.

use serde::{Deserializer, de};
use std::fmt;

struct YearVisitor;

impl de::Visitor<'_> for YearVisitor {
    type Value = i32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a year, e.g. 2027 or \"2027년\"")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i32, E> {
        i32::try_from(v).map_err(|_| E::custom(format!("{v} is not a year")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i32, E> {
        i32::try_from(v).map_err(|_| E::custom(format!("{v} is not a year")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i32, E> {
        Err(E::custom(format!("{v} is not a whole year")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i32, E> {
        let t = v.trim();
        let t = t.strip_suffix('년').unwrap_or(t).trim();
        t.parse::<i32>().ok().filter(|_| t.bytes().all(|b| b.is_ascii_digit())).ok_or_else(|| {
            let shown: String = v.chars().take(40).collect();
            E::custom(format!("\"{shown}\" is not a year; write e.g. 2027 or \"2027년\""))
        })
    }
}

/// Reads a year from an integer or a string such as `"2027년"`.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    d.deserialize_any(YearVisitor)
}

/// The same for optional years.
pub mod option {
    use super::*;

    /// Reads `null`, an integer or a year string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Option<i32>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year, e.g. 2027 or \"2027년\", or null")
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
    #[test]
    fn years_in_korean_notation() {
        #[derive(serde::Deserialize)]
        struct Y {
            #[serde(deserialize_with = "super::deserialize")]
            y: i32,
        }
        for (text, want) in [("2027", 2027), ("\"2027\"", 2027), ("\"2027년\"", 2027), ("\" 2030 년 \"", 2030)] {
            let y: Y = serde_json::from_str(&format!("{{\"y\": {text}}}")).expect(text);
            assert_eq!(y.y, want);
        }
        for bad in ["\"2027년도x\"", "2027.5", "\"-5\"", "\"\""] {
            assert!(serde_json::from_str::<Y>(&format!("{{\"y\": {bad}}}")).is_err(), "{bad}");
        }
    }
}
