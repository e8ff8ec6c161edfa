//! Money and rates as decimal strings: `"12500000000"`, `"0.045"`.
//!
//! Reading accepts a string or a JSON integer (both exact) and refuses a JSON fraction such as
//! `0.1`, which has already been rounded to binary before we see it. Writing is always a string.

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
        parse_decimal(v).map_err(E::custom)
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
}
