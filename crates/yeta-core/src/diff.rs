//! What changed between two versions of a study (수정 사항), by meaning: both are read first, so
//! notation does not count (`"240억"` = `"24000000000"`, `2` = `2.0`, `"대구"` = `"KR-27"`, a study
//! in 백만원 = its won equivalent); a line's flows are compared as the yearly amounts they expand
//! to, so a ranged flow and the same amounts year by year are equal, and one edited cell is one
//! change. Every section of the study format is compared, grouped by its top-level key, so a new
//! section (prices, alternatives, outturn, …) is never silently left out. The CLI (`yeta diff`)
//! and the registry (a returned study's next revision) render the same typed result.

use crate::Appraisal;
use crate::study::{Line, Study, flows, money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How a line differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// In both versions, with changed fields or amounts.
    Changed,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
}

/// A changed leaf: its field path and both values as the study format writes them (`null` when
/// absent on one side).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Field path, e.g. `parameters.discount[0].rate` (within a line: relative to the line).
    pub path: String,
    /// Old value.
    pub old: Value,
    /// New value.
    pub new: Value,
}

/// A year whose amount (in the line's own unit) changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Year {
    /// Year.
    pub year: i32,
    /// Old amount.
    #[serde(serialize_with = "money::serialize_out", deserialize_with = "money::deserialize")]
    pub old: Decimal,
    /// New amount.
    #[serde(serialize_with = "money::serialize_out", deserialize_with = "money::deserialize")]
    pub new: Decimal,
}

/// One change: a field of a section, or a line with its fields and the years that moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The study format's top-level key (`project`, `parameters`, `costs`, `prices`, …).
    pub stage: String,
    /// Field path of the field, or of the line (`costs[2]`, the new version's index).
    pub path: String,
    /// The line's name, for a line.
    pub line: Option<String>,
    /// For a line: changed, added or removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<Presence>,
    /// Changed leaves.
    pub fields: Vec<Field>,
    /// Years whose amounts changed (lines).
    pub years: Vec<Year>,
}

/// The verdict-relevant figures of both versions: `[old, new]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// B/C.
    pub bc_ratio: [Option<f64>; 2],
    /// NPV, KRW rounded to the won.
    #[serde(serialize_with = "pair", deserialize_with = "unpair")]
    pub npv: [Decimal; 2],
    /// AHP score.
    pub ahp_score: [Option<f64>; 2],
    /// Verdict: implement.
    pub implement: [bool; 2],
}

fn pair<S: serde::Serializer>(v: &[Decimal; 2], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut q = s.serialize_seq(Some(2))?;
    for x in v {
        q.serialize_element(&x.normalize().to_string())?;
    }
    q.end()
}

fn unpair<'de, D: serde::Deserializer<'de>>(d: D) -> Result<[Decimal; 2], D::Error> {
    let [a, b]: [String; 2] = Deserialize::deserialize(d)?;
    let p = |x: &str| x.parse::<Decimal>().map_err(serde::de::Error::custom);
    Ok([p(&a)?, p(&b)?])
}

/// A whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudyDiff {
    /// Changed inputs, section by section in the format's order, then the lines.
    pub inputs: Vec<Change>,
    /// The figures before and after.
    pub results: Results,
}

impl StudyDiff {
    /// Whether a change touches `path` (a reviewer's comment path): the change's path lies
    /// under it, or it lies under the change's (a comment on `costs[0].flows` is answered by a
    /// change of `costs[0]`).
    pub fn touches(&self, path: &str) -> bool {
        let under = |a: &str, b: &str| {
            a == b || (a.starts_with(b) && matches!(a.as_bytes().get(b.len()), Some(b'.') | Some(b'[')))
        };
        let path = path.trim();
        self.inputs.iter().any(|c| {
            under(&c.path, path)
                || under(path, &c.path)
                || c.fields.iter().any(|f| under(&f.path, path) || under(path, &f.path))
        })
    }
}

/// Two JSON leaves mean the same: equal, or numbers (or decimal strings) equal to 1e-12.
fn same(a: &Value, b: &Value) -> bool {
    if a == b {
        return true;
    }
    let num = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<Decimal>().ok().map(crate::econ::to_f64),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

/// Leaf-level differences under `path`.
fn leaves(path: &str, a: &Value, b: &Value, out: &mut Vec<Field>) {
    // A section present on one side only is compared against an empty one, so each of its
    // leaves is a change with its own path (a comment on `outturn.through_year` finds it).
    let (empty_o, empty_a) = (Value::Object(serde_json::Map::new()), Value::Array(Vec::new()));
    let (a, b) = match (a, b) {
        (Value::Null, Value::Object(_)) => (&empty_o, b),
        (Value::Object(_), Value::Null) => (a, &empty_o),
        (Value::Null, Value::Array(_)) => (&empty_a, b),
        (Value::Array(_), Value::Null) => (a, &empty_a),
        _ => (a, b),
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                leaves(&p, x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let (p, q) = (x.get(i).unwrap_or(&Value::Null), y.get(i).unwrap_or(&Value::Null));
                leaves(&format!("{path}[{i}]"), p, q, out);
            }
        }
        _ if !same(a, b) => out.push(Field { path: path.to_owned(), old: a.clone(), new: b.clone() }),
        _ => {}
    }
}

fn value<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// A line's yearly amounts in its own unit over `first..=last`.
fn yearly<K: Clone>(l: &Line<K>, first: i32, last: i32) -> Result<Vec<Decimal>, flows::FlowError> {
    flows::expand(&Line { unit_value: None, ..l.clone() }, first, last)
}

fn lines<K: Clone + Serialize>(stage: &str, a: &[Line<K>], b: &[Line<K>], span: (i32, i32), out: &mut Vec<Change>) {
    let (first, last) = span;
    let mut names: Vec<&str> = a.iter().map(|l| l.name.as_str()).collect();
    names.extend(b.iter().map(|l| l.name.as_str()).filter(|n| !a.iter().any(|l| l.name == *n)));
    for name in names {
        let i = a.iter().position(|l| l.name == name);
        let j = b.iter().position(|l| l.name == name);
        // `name` comes from one side or the other, so one index is there: the new side's when both are.
        let path = format!("{stage}[{}]", j.or(i).unwrap_or(0));
        let mut c = Change {
            stage: stage.to_owned(),
            path,
            line: Some(name.to_owned()),
            presence: None,
            fields: Vec::new(),
            years: Vec::new(),
        };
        match (i.map(|i| &a[i]), j.map(|j| &b[j])) {
            (Some(x), Some(y)) => {
                // Every field but the flows, then the flows as yearly amounts.
                let strip = |l: &Line<K>| {
                    let mut v = value(l);
                    if let Some(o) = v.as_object_mut() {
                        o.remove("flows");
                        o.remove("name");
                    }
                    v
                };
                leaves("", &strip(x), &strip(y), &mut c.fields);
                match (yearly(x, first, last), yearly(y, first, last)) {
                    (Ok(ax), Ok(ay)) => {
                        for (k, (p, q)) in ax.iter().zip(&ay).enumerate() {
                            if p != q {
                                c.years.push(Year { year: first + k as i32, old: *p, new: *q });
                            }
                        }
                    }
                    // Flows that do not expand over the span are compared as written, so a
                    // change there is still reported rather than read as "no amounts".
                    _ => leaves("flows", &value(&x.flows), &value(&y.flows), &mut c.fields),
                }
                if !c.fields.is_empty() || !c.years.is_empty() {
                    c.presence = Some(Presence::Changed);
                    out.push(c);
                }
            }
            (Some(_), None) => {
                c.presence = Some(Presence::Removed);
                out.push(c);
            }
            (None, Some(_)) => {
                c.presence = Some(Presence::Added);
                out.push(c);
            }
            (None, None) => {}
        }
    }
}

/// The lists compared line by line; every other top-level key is compared field by field.
const LISTS: [&str; 3] = ["costs", "benefits", "revenues"];

/// Changed inputs from `a` to `b`.
pub fn inputs(a: &Study, b: &Study) -> Vec<Change> {
    let mut out = Vec::new();
    let (va, vb) = (value(a), value(b));
    let empty = serde_json::Map::new();
    let (oa, ob) = (va.as_object().unwrap_or(&empty), vb.as_object().unwrap_or(&empty));
    // The format's own order (the struct's field order), then keys only the new side has.
    let mut keys: Vec<&String> = oa.keys().collect();
    keys.extend(ob.keys().filter(|k| !oa.contains_key(*k)));
    for k in keys.into_iter().filter(|k| !LISTS.contains(&k.as_str())) {
        let mut f = Vec::new();
        leaves(k, oa.get(k).unwrap_or(&Value::Null), ob.get(k).unwrap_or(&Value::Null), &mut f);
        for field in f {
            out.push(Change {
                stage: k.clone(),
                path: field.path.clone(),
                line: None,
                presence: None,
                fields: vec![field],
                years: vec![],
            });
        }
    }
    let span =
        (a.parameters.first_year.min(b.parameters.first_year), a.parameters.last_year.max(b.parameters.last_year));
    lines("costs", &a.costs, &b.costs, span, &mut out);
    lines("benefits", &a.benefits, &b.benefits, span, &mut out);
    lines("revenues", &a.revenues, &b.revenues, span, &mut out);
    out
}

/// The comparison of two studies and their appraisals.
pub fn diff(a: &Study, aa: &Appraisal, b: &Study, ab: &Appraisal) -> StudyDiff {
    let ahp = |x: &Appraisal| x.ahp.as_ref().map(|h| h.score);
    StudyDiff {
        inputs: inputs(a, b),
        results: Results {
            bc_ratio: [aa.economic.bc_ratio, ab.economic.bc_ratio],
            npv: [aa.economic.npv.round_dp(0), ab.economic.npv.round_dp(0)],
            ahp_score: [ahp(aa), ahp(ab)],
            implement: [aa.verdict.implement, ab.verdict.implement],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = r#"{
      "format": "yeta-study/1",
      "project": {"name": "Diff", "sponsor": "MOEF", "sector": "ict", "region": "KR-30",
                  "total_cost": "100000", "state_funding": "100000"},
      "parameters": {"base_year": 2026, "first_year": 2026, "last_year": 2028,
                     "discount": [{"from_year": 2026, "rate": "0.25"}]},
      "costs": [{"name": "build", "kind": "capex", "flows": [{"from": 2026, "to": 2027, "amount": "50000"}]}],
      "benefits": [{"name": "time saved", "kind": "cost_saving", "flows": [{"year": 2028, "amount": "90000"}]}]
    }"#;

    fn study(s: &str) -> Study {
        Study::from_json(s).expect("parses")
    }

    #[test]
    fn one_edited_amount_is_one_change_and_notation_does_not_count() {
        let a = study(A);
        // The same amounts year by year: no change.
        let same_text = A.replace(
            r#"{"from": 2026, "to": 2027, "amount": "50000"}"#,
            r#"{"year": 2026, "amount": "50000.0"}, {"year": 2027, "amount": "50000"}"#,
        );
        assert!(inputs(&a, &study(&same_text)).is_empty());
        // 2027: 50,000 → 60,000; a new line; the rate; a new section.
        let b = A
            .replace(
                r#"{"from": 2026, "to": 2027, "amount": "50000"}"#,
                r#"{"year": 2026, "amount": "50000"}, {"year": 2027, "amount": "60000"}"#,
            )
            .replace(r#""rate": "0.25""#, r#""rate": "0.2""#)
            .replace(
                r#""benefits": ["#,
                r#""benefits": [{"name": "paper saved", "kind": "cost_saving", "flows": [{"year": 2028, "amount": "1"}]}, "#,
            );
        let cs = inputs(&a, &study(&b));
        let rate = cs.iter().find(|c| c.stage == "parameters").expect("rate");
        assert_eq!(rate.path, "parameters.discount[0].rate");
        let build = cs.iter().find(|c| c.line.as_deref() == Some("build")).expect("build");
        assert_eq!(build.years, vec![Year { year: 2027, old: Decimal::from(50_000), new: Decimal::from(60_000) }]);
        assert_eq!(build.presence, Some(Presence::Changed));
        let added = cs.iter().find(|c| c.line.as_deref() == Some("paper saved")).expect("added");
        assert_eq!((added.presence, added.path.as_str()), (Some(Presence::Added), "benefits[0]"));
        assert_eq!(cs.len(), 3, "{cs:?}");
        let d = StudyDiff {
            inputs: cs,
            results: Results {
                bc_ratio: [None; 2],
                npv: [Decimal::ZERO; 2],
                ahp_score: [None; 2],
                implement: [false; 2],
            },
        };
        assert!(d.touches("costs[0].flows"));
        assert!(d.touches("parameters.discount"));
        assert!(!d.touches("project.total_cost"));
        assert!(!d.touches("costs[0"), "a path prefix is not a field");
    }

    #[test]
    fn every_section_is_compared() {
        // The outturn, which the first version of `yeta diff` left out.
        let mut v: Value = serde_json::from_str(A).expect("json");
        v["outturn"] = serde_json::json!({"through_year": 2027});
        let cs = inputs(&study(A), &study(&v.to_string()));
        assert!(cs.iter().any(|c| c.stage == "outturn" && c.path == "outturn.through_year"), "{cs:?}");
    }
}
