//! Every problem of a study in one pass (전체 오류 검사): type errors (a missing field, a wrong
//! type, a bad amount or year, an unknown code or field) and the semantic validation together,
//! each with its field path, the value and what would be accepted.
//!
//! The text is read as JSON first; then the study is read from it again and again, and after
//! each type error the offending value is replaced by a stand-in of the right type (or an unknown
//! field removed), so the next read gets past it and finds the next one. The stand-ins never
//! reach the caller: semantic problems at or under a field that had a type error are dropped
//! (they would be about the stand-in), and without every type error repaired no study is
//! returned.

use super::{FORMAT, Study, ValidationError, parse, unit, validate};
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

/// How many type errors one pass reports at most (a file that is not a study at all would
/// otherwise list every field).
pub const MAX_TYPE_ERRORS: usize = 200;

/// How many times one pass reads the study at most (each stand-in tried is a read): bounds the
/// time a hostile file can take.
pub const MAX_READS: usize = 400;

/// Reads and checks a study under the built-in rule sets: the study, or every problem found.
pub fn check(text: &str) -> Result<Study, Vec<ValidationError>> {
    check_with(text, None)
}

/// [`check`] with a custom rule set the study may name.
pub fn check_with(text: &str, custom: Option<&crate::RuleSet>) -> Result<Study, Vec<ValidationError>> {
    let (study, mut errors) = read_all(text);
    let Some(study) = study else {
        sort(&mut errors);
        return Err(errors);
    };
    let bad: Vec<String> = errors.iter().map(|e| e.path.clone()).collect();
    let mut semantic = Vec::new();
    if study.format != FORMAT {
        semantic.push(ValidationError::new(
            "format",
            format!("\"{}\" is not a format this Yeta reads; expected \"{FORMAT}\"", study.format),
        ));
    }
    if let Err(v) = validate(&study) {
        semantic.extend(v);
    }
    match crate::appraisal::resolve_rules(&study, custom) {
        Err(e) => semantic.extend(e.problems()),
        Ok(rules) => {
            if let Some(section) = &study.ahp {
                let ri_len = rules.set.ahp.as_ref().map_or(15, |a| a.random_index.value.len());
                crate::ahp::check_sizes(section, &study, ri_len, &mut semantic);
            }
        }
    }
    let period_bad = bad
        .iter()
        .any(|p| ["parameters.base_year", "parameters.first_year", "parameters.last_year"].contains(&p.as_str()));
    semantic.retain(|e| !about_a_stand_in(&e.path, &e.message, &bad, period_bad));
    for e in semantic {
        if !errors.contains(&e) {
            errors.push(e);
        }
    }
    sort(&mut errors);
    if errors.is_empty() { Ok(study) } else { Err(errors) }
}

/// The study file's sections in the order the README and `yeta new` write them.
const SECTIONS: [&str; 14] = [
    "",
    "format",
    "unit",
    "project",
    "rules",
    "parameters",
    "costs",
    "benefits",
    "revenues",
    "financing",
    "policy",
    "regional",
    "ahp",
    "environment",
];

/// Problems section by section in file order (a stable sort: within a section, as found).
fn sort(errors: &mut [ValidationError]) {
    let rank = |p: &str| {
        let head = p.split(['.', '[']).next().unwrap_or("");
        SECTIONS.iter().position(|s| *s == head).unwrap_or(SECTIONS.len())
    };
    errors.sort_by_key(|e| rank(&e.path));
}

/// A semantic problem at or under a field that had a type error, or above it on the way there
/// (`costs[0].flows[1]` when `costs[0].flows[1].year` was not a year), or about the analysis
/// period when one of its years was not a year.
fn about_a_stand_in(path: &str, message: &str, bad: &[String], period_bad: bool) -> bool {
    let under = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}.")) || a.starts_with(&format!("{b}["));
    if period_bad
        && (message.contains("analysis period") || message.contains("base year") || path.starts_with("parameters"))
    {
        return true;
    }
    bad.iter().any(|b| under(path, b) || (under(b, path) && !path.is_empty() && path.contains('[')))
}

/// Every type error of the text, and the study when all of them could be stepped over (with
/// stand-ins where the errors were).
pub(crate) fn read_all(text: &str) -> (Option<Study>, Vec<ValidationError>) {
    let mut value: Value = match parse::parse_json::<Value>(text) {
        Ok(v) => v,
        Err(e) => return (None, e.problems()),
    };
    let mut errors = Vec::new();
    unit::to_won(&mut value, &mut errors);
    let mut last: Option<(String, String)> = None;
    let mut budget = MAX_READS;
    while errors.len() < MAX_TYPE_ERRORS && budget > 0 {
        budget -= 1;
        let (path, segs, message) = match read(&value) {
            Ok(s) => return (Some(s), errors),
            Err(x) => x,
        };
        if last.as_ref() == Some(&(path.clone(), message.clone())) {
            break;
        }
        last = Some((path.clone(), message.clone()));
        // A missing field is reported at the field itself, where a form shows it.
        let shown = match field_named(&message, "missing field ") {
            Some(name) if path.is_empty() => name.to_owned(),
            Some(name) => format!("{path}.{name}"),
            None => path.clone(),
        };
        errors.push(ValidationError::new(shown, message.clone()));
        if !repair(&mut value, &segs, &path, &message, &mut budget) {
            break;
        }
    }
    (None, errors)
}

type ReadError = (String, Vec<Segment>, String);

fn read(value: &Value) -> Result<Study, ReadError> {
    serde_path_to_error::deserialize::<_, Study>(value).map_err(|e| {
        let segs: Vec<Segment> = e.path().iter().cloned().collect();
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        (path, segs, e.into_inner().to_string())
    })
}

/// The backquoted name in `missing field `x`` / `unknown field `x``.
fn field_named<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?.strip_prefix('`')?;
    rest.split('`').next()
}

/// The stand-ins tried, in order: the value the message suggests, then plain values of each JSON
/// type, then codes of the closed lists.
fn candidates(message: &str) -> Vec<Value> {
    let mut c = Vec::new();
    // The type the message expects first: it is almost always the one that reads.
    let expects = message.rsplit("expected ").next().unwrap_or("");
    let by_type: &[(&str, Value)] = &[
        ("year", Value::from(2000)),
        ("decimal", Value::String("0".into())),
        ("string", Value::String("0".into())),
        ("code or name", Value::String("0".into())),
        ("sequence", Value::Array(vec![])),
        ("map", Value::Object(Map::new())),
        ("struct", Value::Object(Map::new())),
        ("boolean", Value::Bool(false)),
        ("u8", Value::from(1)),
        ("u32", Value::from(1)),
        ("i32", Value::from(1)),
        ("f64", Value::from(1)),
        ("number", Value::from(1)),
    ];
    for (word, v) in by_type {
        if expects.contains(word) {
            c.push(v.clone());
        }
    }
    if let Some(i) = message.find("did you mean \"") {
        let rest = &message[i + 14..];
        if let Some(code) = rest.split('"').next() {
            c.push(Value::String(code.to_owned()));
        }
    }
    if let Some(i) = message.find("expected one of `") {
        let rest = &message[i + 17..];
        if let Some(code) = rest.split('`').next() {
            c.push(Value::String(code.to_owned()));
        }
    }
    c.extend([
        Value::String("0".into()),
        Value::from(0),
        Value::from(1),
        Value::Bool(false),
        Value::Array(vec![]),
        Value::Object(Map::new()),
        Value::Null,
    ]);
    for code in [FORMAT, "KR-11", "road", "capex", "travel_time", "fare", crate::rules::DEFAULT_RULE_SET] {
        c.push(Value::String(code.into()));
    }
    c
}

/// The container at `segs` (all but none of the path), mutable.
fn at<'a>(v: &'a mut Value, segs: &[Segment]) -> Option<&'a mut Value> {
    let mut cur = v;
    for s in segs {
        cur = match s {
            Segment::Seq { index } => cur.as_array_mut()?.get_mut(*index)?,
            Segment::Map { key } => cur.as_object_mut()?.get_mut(key)?,
            Segment::Enum { .. } | Segment::Unknown => return None,
        };
    }
    Some(cur)
}

/// Steps over one type error in place; false when it cannot.
fn repair(value: &mut Value, segs: &[Segment], path: &str, message: &str, budget: &mut usize) -> bool {
    let err = (path.to_owned(), message.to_owned());
    // An unknown field: remove it.
    if let Some(name) = field_named(message, "unknown field ") {
        let parent = if matches!(segs.last(), Some(Segment::Map { key }) if key == name) {
            &segs[..segs.len() - 1]
        } else {
            segs
        };
        return at(value, parent).and_then(Value::as_object_mut).and_then(|o| o.remove(name)).is_some();
    }
    // A missing field: insert a stand-in that reads.
    if let Some(name) = field_named(message, "missing field ") {
        let child = if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
        for cand in candidates(message) {
            let Some(obj) = at(value, segs).and_then(Value::as_object_mut) else { return false };
            obj.insert(name.to_owned(), cand);
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            if passes(value, &err, &child) {
                return true;
            }
        }
        if let Some(obj) = at(value, segs).and_then(Value::as_object_mut) {
            obj.remove(name);
        }
        return false;
    }
    // A bad value: replace it with a stand-in that reads.
    let Some((last, parent)) = segs.split_last() else { return false };
    let original = match at(value, segs) {
        Some(v) => v.clone(),
        None => return false,
    };
    for cand in candidates(message) {
        if let Some(slot) = at(value, segs) {
            *slot = cand;
        }
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        if passes(value, &err, path) {
            return true;
        }
    }
    // Nothing reads there: drop the field if it is optional (the next read tells).
    if let (Segment::Map { key }, Some(obj)) = (last, at(value, parent).and_then(Value::as_object_mut)) {
        obj.remove(key);
        match read(value) {
            Err((_, _, m)) if field_named(&m, "missing field ") == Some(key.as_str()) => {}
            _ => return true,
        }
    }
    if let Some(slot) = at(value, segs) {
        *slot = original;
    }
    false
}

/// The document now reads past the error: no error, or another one not at `field`.
fn passes(value: &Value, err: &(String, String), field: &str) -> bool {
    match read(value) {
        Ok(_) => true,
        Err((p, _, m)) => (p.clone(), m) != *err && p != field && !p.starts_with(&format!("{field}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_kinds_of_mistake_in_one_pass() {
        let text = r#"{
  "format": "yeta-study/1",
  "project": { "name": "T", "sector": "spaceport", "region": "대구",
               "total_cost": "30억쯤", "state_funding": "100" },
  "parameters": { "base_year": 2025, "first_year": 2026, "last_year": 2040 },
  "costs": [ { "name": "Build", "kind": "capx", "flows": [ { "year": "2027년도", "amount": "100" } ] } ],
  "benefits": [ { "name": "Time", "kind": "travel_time", "flows": [ { "from": 2028, "to": 2041, "amount": "-5" } ] } ]
}"#;
        let e = check(text).expect_err("five problems");
        let paths: Vec<&str> = e.iter().map(|e| e.path.as_str()).collect();
        for want in [
            "project.sponsor",             // missing
            "project.sector",              // unknown code
            "project.total_cost",          // bad amount
            "costs[0].kind",               // unknown kind
            "costs[0].flows[0].year",      // bad year
            "benefits[0].flows[0].to",     // after the period (semantic)
            "benefits[0].flows[0].amount", // negative (semantic)
        ] {
            assert!(paths.contains(&want), "{want} not in {e:#?}");
        }
        let sector = e.iter().find(|x| x.path == "project.sector").map(|x| x.message.as_str()).unwrap_or("");
        assert!(sector.contains("did you mean \"airport\"") && sector.contains("ict (정보화"), "{sector}");
        // No problem about a stand-in: the bad year's stand-in is not outside the period.
        assert_eq!(e.iter().filter(|x| x.path == "project.sponsor").count(), 1, "{e:#?}");
        assert_eq!(e.iter().filter(|x| x.path.starts_with("costs[0].flows[0]")).count(), 1, "{e:#?}");
    }

    #[test]
    fn unknown_fields_and_malformed_json() {
        let e = check("{ \"format\": ").expect_err("malformed");
        assert!(e[0].message.contains("malformed JSON at line 1"), "{e:?}");
        let text = crate::test_support::minimal_study_json()
            .replace("\"sector\": \"road\"", "\"sector\": \"road\", \"colour\": \"red\"")
            .replace("\"amount\": \"100\"", "\"ammount\": \"100\"");
        let e = check(&text).expect_err("two");
        let paths: Vec<&str> = e.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&"project.colour") && paths.contains(&"costs[0].flows[0].ammount"), "{e:#?}");
        assert!(paths.contains(&"costs[0].flows[0].amount"), "missing amount: {e:#?}");
    }

    /// Found by the fuzz harness: a 100,000-character kind took seconds in the nearest-name
    /// search (quadratic); it is now compared by its start, and the message quotes 40 characters.
    #[test]
    fn a_huge_unknown_value_is_quick_and_short() {
        let text =
            crate::test_support::minimal_study_json().replace("\"capex\"", &format!("\"{}\"", "x".repeat(100_000)));
        let t = std::time::Instant::now();
        let e = check(&text).expect_err("unknown kind");
        assert!(t.elapsed() < std::time::Duration::from_secs(1), "{:?}", t.elapsed());
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].message.len() < 1_000 && e[0].message.contains("is not a cost kind"), "{}", e[0].message);
    }

    #[test]
    fn a_bad_period_year_is_one_problem_not_one_per_flow() {
        let text =
            crate::test_support::minimal_study_json().replace("\"first_year\": 2026", "\"first_year\": \"2026년도\"");
        let e = check(&text).expect_err("bad year");
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].path, "parameters.first_year");
        // A bad discount rate does not hide a real period problem.
        let text = crate::test_support::minimal_study_json().replace(
            "\"last_year\": 2070",
            "\"last_year\": 2020, \"discount\": [{\"from_year\": 2026, \"rate\": \"4.5%%\"}]",
        );
        let paths: Vec<String> = check(&text).expect_err("two").into_iter().map(|e| e.path).collect();
        assert!(
            paths.contains(&"parameters.discount[0].rate".to_owned())
                && paths.contains(&"parameters.last_year".to_owned()),
            "{paths:?}"
        );
    }

    #[test]
    fn a_valid_study_checks() {
        let s = check(&crate::test_support::minimal_study_json()).expect("valid");
        assert_eq!(s.costs.len(), 1);
    }
}
