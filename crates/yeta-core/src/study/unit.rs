//! The study's money unit (금액 단위): `"unit": "백만원"` makes every bare number of a KRW amount
//! (`"1,800"`, `1800`) that many won — converted exactly to won as the study is read, and back
//! to the unit when it is written, so a study in 백만원 stays in 백만원. An amount written with its
//! own unit (`"240억"`, `"1,800백만원"`, `"500원"`) is that amount whatever the study's unit.
//!
//! The KRW amounts are `project.total_cost`, `project.state_funding`, `financing.state`, `.local`,
//! `.private` and the flows of cost, benefit and revenue lines without a `unit_value` (a line
//! with one has quantities as flows, and its unit value stays KRW per unit). Rates, unit values,
//! carbon prices and energy are never scaled.

use super::names::{self, Name};
use super::{Study, ValidationError};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A money unit of the PFS tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub enum Unit {
    /// 원 (KRW 1).
    #[serde(rename = "원")]
    Won,
    /// 천원 (KRW 1,000).
    #[serde(rename = "천원")]
    Thousand,
    /// 만원 (KRW 10,000).
    #[serde(rename = "만원")]
    TenThousand,
    /// 백만원 (KRW 1 million), the unit of most PFS tables.
    #[serde(rename = "백만원")]
    Million,
    /// 억원 (KRW 100 million).
    #[serde(rename = "억원")]
    HundredMillion,
    /// 십억원 (KRW 1 billion).
    #[serde(rename = "십억원")]
    Billion,
}

impl Unit {
    /// Every unit, smallest first.
    pub const ALL: [Unit; 6] =
        [Unit::Won, Unit::Thousand, Unit::TenThousand, Unit::Million, Unit::HundredMillion, Unit::Billion];

    /// The units as a code list.
    pub const NAMES: [Name<'static>; 6] = [
        Name::with("원", "원", "KRW", &["won", "KRW 1"]),
        Name::with("천원", "천원", "KRW thousand", &["천", "thousand won", "KRW 1,000"]),
        Name::with("만원", "만원", "KRW 10 thousand", &["만", "KRW 10,000"]),
        Name::with("백만원", "백만원", "KRW million", &["백만", "million won", "KRW m", "KRW mn"]),
        Name::with("억원", "억원", "KRW 100 million", &["억", "KRW 100m"]),
        Name::with("십억원", "십억원", "KRW billion", &["십억", "billion won", "KRW bn"]),
    ];

    /// As written in the study, e.g. `백만원`.
    pub fn code(self) -> &'static str {
        Self::NAMES[self as usize].code
    }

    /// Won per unit.
    pub fn factor(self) -> Decimal {
        Decimal::from(match self {
            Unit::Won => 1_i64,
            Unit::Thousand => 1_000,
            Unit::TenThousand => 10_000,
            Unit::Million => 1_000_000,
            Unit::HundredMillion => 100_000_000,
            Unit::Billion => 1_000_000_000,
        })
    }

    /// Looks a unit up by its Korean or English name (`백만원`, `백만`, `KRW million`, `(단위: 백만원)`).
    pub fn from_name(s: &str) -> Option<Unit> {
        let t = s.trim().trim_start_matches('(').trim_end_matches(')').trim();
        let t = t.strip_prefix("단위").map_or(t, |r| r.trim_start_matches([':', '：', ' ']).trim());
        let code = names::find(&Self::NAMES, t)?.code;
        Self::ALL.into_iter().find(|u| u.code() == code)
    }

    /// The message for a unit Yeta does not know.
    pub fn unknown(s: &str) -> String {
        names::unknown("a money unit", &Self::NAMES, s)
    }

    /// The unit whose factor is `f`, if any.
    pub fn from_factor(f: Decimal) -> Option<Unit> {
        Self::ALL.into_iter().find(|u| u.factor() == f)
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = names::deserialize(d, "a money unit", &Self::NAMES)?;
        Unit::from_name(code).ok_or_else(|| serde::de::Error::custom("unknown unit"))
    }
}

/// Whether an amount's text is a bare number (digits, separators, a sign, a point), which the
/// study's unit scales; `"240억"`, `"500원"` and `"4.5%"` carry their own unit.
pub fn is_bare(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | ' '))
}

/// Paths of the KRW amounts of a study document (see the module doc), with the value there.
fn money_fields(v: &mut Value, mut f: impl FnMut(String, &mut Value)) {
    if let Some(p) = v.get_mut("project") {
        for k in ["total_cost", "state_funding"] {
            if let Some(x) = p.get_mut(k) {
                f(format!("project.{k}"), x);
            }
        }
    }
    if let Some(p) = v.get_mut("financing") {
        for k in ["state", "local", "private"] {
            if let Some(x) = p.get_mut(k) {
                f(format!("financing.{k}"), x);
            }
        }
    }
    for list in ["costs", "benefits", "revenues"] {
        let Some(Value::Array(lines)) = v.get_mut(list) else { continue };
        for (i, line) in lines.iter_mut().enumerate() {
            if line.get("unit_value").is_some_and(|u| !u.is_null()) {
                continue;
            }
            let Some(Value::Array(flows)) = line.get_mut("flows") else { continue };
            for (j, flow) in flows.iter_mut().enumerate() {
                if let Some(x) = flow.get_mut("amount") {
                    f(format!("{list}[{i}].flows[{j}].amount"), x);
                }
            }
        }
    }
    outturn_money_fields(v, &mut f);
}

/// The KRW amounts of the outturn section (사업 실적): its total cost, actual costs, and actual
/// benefits given as money (neither the entry nor its forecast line has a unit value).
fn outturn_money_fields(v: &mut Value, mut f: impl FnMut(String, &mut Value)) {
    let priced: Vec<String> = match v.get("benefits") {
        Some(Value::Array(ls)) => ls
            .iter()
            .filter(|l| l.get("unit_value").is_some_and(|u| !u.is_null()))
            .filter_map(|l| l.get("name").and_then(Value::as_str).map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    let Some(o) = v.get_mut("outturn") else { return };
    if let Some(x) = o.get_mut("total_cost").and_then(|t| t.get_mut("value")) {
        f("outturn.total_cost.value".into(), x);
    }
    for list in ["costs", "benefits"] {
        let Some(Value::Array(lines)) = o.get_mut(list) else { continue };
        for (i, line) in lines.iter_mut().enumerate() {
            let name = line.get("line").and_then(Value::as_str).unwrap_or_default();
            if line.get("unit_value").is_some_and(|u| !u.is_null())
                || (list == "benefits" && priced.iter().any(|p| p == name))
            {
                continue;
            }
            let Some(Value::Array(flows)) = line.get_mut("flows") else { continue };
            for (j, flow) in flows.iter_mut().enumerate() {
                if let Some(x) = flow.get_mut("amount") {
                    f(format!("outturn.{list}[{i}].flows[{j}].amount"), x);
                }
            }
        }
    }
}

/// The unit a study document declares, if it declares a known one.
pub fn declared(v: &Value) -> Option<Unit> {
    v.get("unit").and_then(Value::as_str).and_then(Unit::from_name)
}

/// Converts the bare KRW amounts of a study document in its declared unit to won strings, in
/// place. An amount that would leave the decimal range is an error naming its field.
pub fn to_won(v: &mut Value, errors: &mut Vec<ValidationError>) {
    let Some(unit) = declared(v) else { return };
    if unit == Unit::Won {
        return;
    }
    let factor = unit.factor();
    money_fields(v, |path, x| {
        let text = match x {
            Value::String(s) if is_bare(s) => s.clone(),
            Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
            _ => return,
        };
        // A bare number that does not parse is left for the reader to report with its message.
        let Ok(d) = super::money::parse_amount(&text) else { return };
        match d.checked_mul(factor) {
            Some(won) => *x = Value::String(won.normalize().to_string()),
            None => errors.push(ValidationError::new(
                path,
                format!("{text} {} is beyond the range of an amount in won", unit.code()),
            )),
        }
    });
}

/// The study with its KRW amounts divided back into `unit` (exact: a power of ten), for writing.
pub(crate) fn from_won(study: &Study, unit: Unit) -> Study {
    let f = unit.factor();
    let div = |x: Decimal| x.checked_div(f).map_or(x, |q| q.normalize());
    let mut s = study.clone();
    s.project.total_cost = div(s.project.total_cost);
    s.project.state_funding = div(s.project.state_funding);
    if let Some(fi) = &mut s.financing {
        fi.state = div(fi.state);
        fi.local = div(fi.local);
        fi.private = div(fi.private);
    }
    fn lines<K>(ls: &mut [super::Line<K>], div: &impl Fn(Decimal) -> Decimal) {
        for l in ls.iter_mut().filter(|l| l.unit_value.is_none()) {
            for fl in &mut l.flows {
                fl.amount = div(fl.amount);
            }
        }
    }
    lines(&mut s.costs, &div);
    lines(&mut s.benefits, &div);
    lines(&mut s.revenues, &div);
    let priced: Vec<String> = s.benefits.iter().filter(|l| l.unit_value.is_some()).map(|l| l.name.clone()).collect();
    if let Some(o) = &mut s.outturn {
        if let Some(t) = &mut o.total_cost {
            t.value = div(t.value);
        }
        for a in o.costs.iter_mut().chain(o.benefits.iter_mut().filter(|a| !priced.contains(&a.line))) {
            if a.unit_value.is_none() {
                for fl in &mut a.flows {
                    fl.amount = div(fl.amount);
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn units_by_name_and_factor() {
        for (s, u) in [
            ("백만원", Unit::Million),
            ("백만", Unit::Million),
            ("(단위: 백만원)", Unit::Million),
            ("단위:억원", Unit::HundredMillion),
            ("KRW million", Unit::Million),
            ("천원", Unit::Thousand),
            ("원", Unit::Won),
        ] {
            assert_eq!(Unit::from_name(s), Some(u), "{s}");
        }
        assert_eq!(Unit::Million.factor(), Decimal::from(1_000_000));
        assert_eq!(Unit::HundredMillion.factor(), Decimal::from(100_000_000));
        assert!(Unit::unknown("백만월").contains("did you mean \"백만원\""));
    }

    #[test]
    fn bare_amounts_scale_and_unit_amounts_do_not() {
        let mut v: Value = serde_json::json!({
            "unit": "백만원",
            "project": {"total_cost": "1,800", "state_funding": 900},
            "costs": [
                {"flows": [{"amount": "240억"}, {"amount": "0.5"}, {"amount": "500원"}]},
                {"unit_value": {"value": "15000"}, "flows": [{"amount": "1000"}]}
            ]
        });
        let mut e = Vec::new();
        to_won(&mut v, &mut e);
        assert!(e.is_empty());
        // 1,800 × 10^6 = 1.8 × 10^9; 0.5 × 10^6 = 500,000; 240억 = 2.4 × 10^10 unchanged.
        assert_eq!(v["project"]["total_cost"], "1800000000");
        assert_eq!(v["project"]["state_funding"], "900000000");
        assert_eq!(v["costs"][0]["flows"][0]["amount"], "240억");
        assert_eq!(v["costs"][0]["flows"][1]["amount"], "500000");
        assert_eq!(v["costs"][0]["flows"][2]["amount"], "500원");
        assert_eq!(v["costs"][1]["flows"][0]["amount"], "1000", "quantities are not money");
        assert!(is_bare("1,800") && !is_bare("4.5%") && !is_bare("240억"));
        assert_eq!(Decimal::from_str("1800").ok(), Some(Decimal::from(1800)));
    }
}
