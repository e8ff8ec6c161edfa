//! Total-cost build-up (총사업비 산정): the capital cost lines by class (공사비, 용지보상비, 설계·감리비,
//! 부대경비, 시설부대경비, 장비·차량비), the items derived from them at a rate (예비비 = rate × the
//! classes it rests on, year by year, so the yearly investment plan 연차별 투자계획 follows), and the
//! derived total checked against `project.total_cost`.
//!
//! A derived item's rate is the study's own or, absent, the rule set's `cost_rates` entry for its
//! class, with that entry's base classes and source. Where the rule set gives no rate (the
//! guideline publishes none Yeta could confirm) the study must give it. In the Monte Carlo
//! analysis a derived item moves with the lines it rests on.

use crate::econ::{ExpandedLine, Kind, Origin, Variation};
use crate::rules::RuleSet;
use crate::study::{CostKind, DecimalString, Study, StudyError, ValidationError, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A class of the total cost (총사업비 비목).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CostClass {
    /// Construction (공사비).
    Construction,
    /// Land and compensation (용지보상비).
    Land,
    /// Design and construction supervision (설계·감리비).
    DesignSupervision,
    /// Other incidental expenses (부대경비).
    Incidental,
    /// Facility incidental expenses (시설부대경비).
    FacilityIncidental,
    /// Equipment, rolling stock, hardware and software (장비·차량·HW·SW 구입비).
    Equipment,
    /// Contingency (예비비).
    Contingency,
}

impl CostClass {
    /// Every class in the order of the 총사업비 table.
    pub const ALL: [CostClass; 7] = [
        CostClass::Construction,
        CostClass::Land,
        CostClass::DesignSupervision,
        CostClass::Incidental,
        CostClass::FacilityIncidental,
        CostClass::Equipment,
        CostClass::Contingency,
    ];

    /// The stable code (`construction`, `contingency`, …).
    pub fn code(self) -> &'static str {
        match self {
            CostClass::Construction => "construction",
            CostClass::Land => "land",
            CostClass::DesignSupervision => "design_supervision",
            CostClass::Incidental => "incidental",
            CostClass::FacilityIncidental => "facility_incidental",
            CostClass::Equipment => "equipment",
            CostClass::Contingency => "contingency",
        }
    }
}

/// The study's build-up section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CostBuildUp {
    /// The class of each capital cost line (by the line's name).
    pub items: Vec<ClassItem>,
    /// Items derived as a rate × a base of classes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<DerivedItem>,
}

/// A capital cost line and its class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassItem {
    /// The name of a `capex` or `land` cost line.
    pub line: String,
    /// Its class.
    pub class: CostClass,
}

/// An item the engine derives: rate × Σ of the base classes' amounts, year by year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DerivedItem {
    /// Its name in the tables.
    pub name: String,
    /// Its class.
    pub class: CostClass,
    /// The rate as a fraction; absent = the rule set's rate for the class.
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// The classes the rate applies to; absent = the rule set's base for the class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Vec<CostClass>>,
    /// Where the study's own rate comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A rule set's rate for a derived class (e.g. 예비비 10 % of 공사비 + 보상비 + 부대경비).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CostRate {
    /// The class derived.
    pub class: CostClass,
    /// The rate; absent where no published rate was found (the study gives it).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// The classes it applies to.
    pub base: Vec<CostClass>,
    /// This rate's own source.
    pub source: String,
}

/// A derived item as applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedItem {
    /// Name.
    pub name: String,
    /// Class.
    pub class: CostClass,
    /// The rate used.
    #[serde(serialize_with = "money::serialize_out")]
    pub rate: Decimal,
    /// The base classes.
    pub base: Vec<CostClass>,
    /// Where the rate comes from (the study's source, or the rule set's id and source).
    pub source: String,
    /// The rule set whose rate it is, when the study gives none.
    pub rule_set: Option<String>,
    /// The base amount (Σ over the years and sunk amounts), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub base_amount: Decimal,
    /// rate × base, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub amount: Decimal,
}

/// One class's total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassTotal {
    /// The class.
    pub class: CostClass,
    /// Σ of its lines and derived items, KRW (incl. years before the base year).
    #[serde(serialize_with = "money::serialize_out")]
    pub amount: Decimal,
    /// Share of the derived total.
    pub share: f64,
}

/// One year of the investment plan (연차별 투자계획).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanYear {
    /// Year.
    pub year: i32,
    /// Amount by class, in the order of `classes`, KRW.
    #[serde(serialize_with = "serialize_amounts")]
    pub by_class: Vec<Decimal>,
    /// The year's total, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub total: Decimal,
}

fn serialize_amounts<S: serde::Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for d in v {
        seq.serialize_element(&d.normalize().to_string())?;
    }
    seq.end()
}

/// The build-up as the appraisal states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuildUpResult {
    /// Totals by class (classes with an amount).
    pub classes: Vec<ClassTotal>,
    /// The derived items.
    pub derived: Vec<AppliedItem>,
    /// Yearly plan over the years with capital spending (sunk years included, as spent).
    pub plan: Vec<PlanYear>,
    /// The derived total cost, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub total: Decimal,
    /// `project.total_cost`, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub project_total: Decimal,
    /// project − derived, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub difference: Decimal,
}

/// The rate and base of a derived item: its own, else the rule set's.
fn resolve(item: &DerivedItem, rules: &RuleSet) -> Option<(Decimal, Vec<CostClass>, String)> {
    let rule = rules.cost_rates.as_ref().and_then(|r| r.value.iter().find(|c| c.class == item.class));
    let rate = item.rate.or(rule.and_then(|r| r.rate))?;
    let base = item.base.clone().or_else(|| rule.map(|r| r.base.clone()))?;
    let source = match (&item.rate, rule) {
        (Some(_), _) => item.source.clone().unwrap_or_else(|| "the study's own rate".to_owned()),
        (None, Some(r)) => format!("{}: {}", rules.id, r.source),
        (None, None) => String::new(),
    };
    Some((rate, base, source))
}

/// Checks the section against the study and the rule set.
pub fn validate(study: &Study, rules: &RuleSet) -> Vec<ValidationError> {
    let mut v = Vec::new();
    let Some(b) = &study.cost_build_up else { return v };
    let mut seen = std::collections::HashSet::new();
    for (i, it) in b.items.iter().enumerate() {
        let at = format!("cost_build_up.items[{i}].line");
        match study.costs.iter().find(|l| l.name == it.line) {
            None => v.push(ValidationError::new(at, format!("\"{}\" is not the name of a cost line", it.line))),
            Some(l) if !matches!(l.kind, CostKind::Capex | CostKind::Land) => v.push(ValidationError::new(
                at,
                format!("\"{}\" is not a capex or land line; the total cost is made of capital spending", it.line),
            )),
            Some(_) if !seen.insert(it.line.clone()) => {
                v.push(ValidationError::new(at, format!("\"{}\" is classed twice", it.line)))
            }
            _ => {}
        }
        if it.class == CostClass::Contingency {
            // Allowed (a typed contingency), but then no derived contingency should double it.
            if b.derived.iter().any(|d| d.class == CostClass::Contingency) {
                v.push(ValidationError::new(
                    format!("cost_build_up.items[{i}].class"),
                    "a contingency line and a derived contingency count it twice; keep one",
                ));
            }
        }
    }
    for l in study.costs.iter().filter(|l| matches!(l.kind, CostKind::Capex | CostKind::Land)) {
        if !b.items.iter().any(|it| it.line == l.name) {
            v.push(ValidationError::new(
                "cost_build_up.items",
                format!("the capital line \"{}\" has no class; every capex and land line belongs to one", l.name),
            ));
        }
    }
    for (i, d) in b.derived.iter().enumerate() {
        let at = format!("cost_build_up.derived[{i}]");
        if d.name.trim().is_empty() {
            v.push(ValidationError::new(format!("{at}.name"), "is empty"));
        }
        if let Some(r) = d.rate
            && (r < Decimal::ZERO || r > Decimal::ONE)
        {
            v.push(ValidationError::new(format!("{at}.rate"), format!("{r} is outside 0..1 (a fraction: 0.1 = 10 %)")));
        }
        match resolve(d, rules) {
            None => v.push(ValidationError::new(
                format!("{at}.rate"),
                format!(
                    "is missing and the rule set {} gives no rate or base for {}; give the rate and its source",
                    rules.id,
                    d.class.code()
                ),
            )),
            Some((_, base, _)) if base.contains(&d.class) => v.push(ValidationError::new(
                format!("{at}.base"),
                format!("includes {} itself; an item cannot rest on its own class", d.class.code()),
            )),
            Some((_, base, _)) if base.iter().any(|c| b.derived.iter().any(|o| o.class == *c)) => {
                v.push(ValidationError::new(
                    format!("{at}.base"),
                    "rests on a derived class; a derived item rests on estimated lines only",
                ))
            }
            _ => {}
        }
    }
    v
}

/// The derived items as cost lines (`costs` are the study's expanded cost lines, in order).
pub fn lines<'a>(
    study: &'a Study,
    rules: &RuleSet,
    costs: &[ExpandedLine<'a>],
) -> Result<Vec<ExpandedLine<'a>>, StudyError> {
    let Some(b) = &study.cost_build_up else { return Ok(Vec::new()) };
    let n = costs.first().map_or(0, |l| l.amounts.len());
    let class_of = |l: &ExpandedLine<'_>| b.items.iter().find(|it| it.line == l.name).map(|it| it.class);
    let mut out = Vec::new();
    for (i, d) in b.derived.iter().enumerate() {
        let Some((rate, base, _)) = resolve(d, rules) else { continue };
        let err = || {
            StudyError::Invalid(vec![ValidationError::new(
                format!("cost_build_up.derived[{i}]"),
                "the derived amounts go beyond the representable range",
            )])
        };
        let mut amounts = vec![Decimal::ZERO; n];
        let mut sunk = Decimal::ZERO;
        let mut parts = Vec::new();
        for (j, l) in costs.iter().enumerate() {
            if !matches!(l.origin, Origin::Study { .. }) || !class_of(l).is_some_and(|c| base.contains(&c)) {
                continue;
            }
            parts.push((j, rate));
            for (o, a) in amounts.iter_mut().zip(&l.amounts) {
                *o = a.checked_mul(rate).and_then(|x| o.checked_add(x)).ok_or_else(err)?;
            }
            sunk = l.sunk.checked_mul(rate).and_then(|x| sunk.checked_add(x)).ok_or_else(err)?;
        }
        out.push(ExpandedLine {
            origin: Origin::BuildUp { index: i },
            name: &d.name,
            kind: Kind::Cost(CostKind::Capex),
            variation: Variation::Follows(parts),
            amounts,
            sunk,
        });
    }
    Ok(out)
}

/// The build-up result from the expanded cost lines (study lines and derived items).
pub fn result(study: &Study, rules: &RuleSet, costs: &[ExpandedLine<'_>], first_year: i32) -> Option<BuildUpResult> {
    let b = study.cost_build_up.as_ref()?;
    let class_of = |l: &ExpandedLine<'_>| match l.origin {
        Origin::Study { .. } => b.items.iter().find(|it| it.line == l.name).map(|it| it.class),
        Origin::BuildUp { index } => b.derived.get(index).map(|d| d.class),
        _ => None,
    };
    let n = costs.first().map_or(0, |l| l.amounts.len());
    let sunk_index = usize::try_from(i64::from(study.parameters.base_year) - i64::from(first_year)).unwrap_or(0);
    // By class and year; a line's sunk amount goes back to the years before the base year as
    // spent (the plan shows what was spent when) — spread as the study's flows put it.
    let mut grid = vec![vec![Decimal::ZERO; n]; CostClass::ALL.len()];
    for l in costs {
        let Some(c) = class_of(l) else { continue };
        let k = CostClass::ALL.iter().position(|x| *x == c).unwrap_or(0);
        let raw = match l.origin {
            Origin::Study { index, .. } => study.costs.get(index).and_then(|s| {
                let mut r = crate::study::flows::expand(s, first_year, study.parameters.last_year).ok()?;
                crate::prices::restate(study, crate::econ::List::Costs, &s.name, &mut r)?;
                Some(r)
            }),
            _ => None,
        };
        match raw {
            Some(r) => {
                for (g, a) in grid[k].iter_mut().zip(r) {
                    *g = g.checked_add(a)?;
                }
            }
            None => {
                for (g, a) in grid[k].iter_mut().zip(&l.amounts) {
                    *g = g.checked_add(*a)?;
                }
                if !l.sunk.is_zero() && sunk_index > 0 {
                    // A derived item's sunk part: rate × the base's sunk years, year by year.
                    if let Variation::Follows(parts) = &l.variation {
                        for (src, f) in parts {
                            let Some(s) = costs.get(*src) else { continue };
                            let Origin::Study { index, .. } = s.origin else { continue };
                            let Some(r) = study.costs.get(index).and_then(|s| {
                                let mut r =
                                    crate::study::flows::expand(s, first_year, study.parameters.last_year).ok()?;
                                crate::prices::restate(study, crate::econ::List::Costs, &s.name, &mut r)?;
                                Some(r)
                            }) else {
                                continue;
                            };
                            for (g, a) in grid[k].iter_mut().zip(r).take(sunk_index) {
                                *g = g.checked_add(a.checked_mul(*f)?)?;
                            }
                        }
                    }
                }
            }
        }
    }
    let totals: Vec<Decimal> = grid.iter().map(|r| r.iter().sum()).collect();
    let total: Decimal = totals.iter().sum();
    let used: Vec<usize> = (0..CostClass::ALL.len()).filter(|&k| !totals[k].is_zero()).collect();
    let classes = used
        .iter()
        .map(|&k| ClassTotal {
            class: CostClass::ALL[k],
            amount: totals[k],
            share: if total.is_zero() { 0.0 } else { crate::econ::to_f64(totals[k] / total) },
        })
        .collect();
    let plan = (0..n)
        .filter_map(|y| {
            let by_class: Vec<Decimal> = used.iter().map(|&k| grid[k][y]).collect();
            let t: Decimal = by_class.iter().sum();
            (!t.is_zero()).then_some(PlanYear { year: first_year + y as i32, by_class, total: t })
        })
        .collect();
    let derived = b
        .derived
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (rate, base, source) = resolve(d, rules)?;
            let line = costs.iter().find(|l| l.origin == Origin::BuildUp { index: i })?;
            let amount = line.amounts.iter().sum::<Decimal>() + line.sunk;
            let base_amount =
                base.iter().filter_map(|c| CostClass::ALL.iter().position(|x| x == c)).map(|k| totals[k]).sum();
            let rule_set = d.rate.is_none().then(|| rules.id.clone());
            Some(AppliedItem {
                name: d.name.clone(),
                class: d.class,
                rate,
                base,
                source,
                rule_set,
                base_amount,
                amount,
            })
        })
        .collect();
    let project_total = study.project.total_cost;
    Some(BuildUpResult { classes, derived, plan, total, project_total, difference: project_total - total })
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn contingency_build_up_by_hand() {
        // 공사비 100억 (2026) + 200억 (2027), 보상비 50억 (2026), 설계·감리비 at the study's 7 % of
        // 공사비, 예비비 at the rule set's 10 % of 공사비 + 보상비 + 부대경비 (kr-pfs-2026, practice).
        // 설계·감리비: 0.07 × 100 = 7억 (2026), 0.07 × 200 = 14억 (2027) → 21억
        // 예비비: 0.10 × (100 + 50) = 15억 (2026), 0.10 × 200 = 20억 (2027) → 35억
        //   (설계·감리비 is not 부대경비: the base is construction, land, incidental)
        // total = 300 + 50 + 21 + 35 = 406억 = 40,600,000,000
        let text = r#"{
          "format": "yeta-study/1",
          "project": {"name": "t", "sponsor": "s", "sector": "road", "region": "KR-11",
                      "total_cost": "40600000000", "state_funding": "30000000000"},
          "rules": {"id": "kr-pfs-2026"},
          "parameters": {"base_year": 2025, "first_year": 2026, "last_year": 2030},
          "costs": [
            {"name": "Road works", "kind": "capex", "flows": [{"year": 2026, "amount": "10000000000"}, {"year": 2027, "amount": "20000000000"}]},
            {"name": "Land", "kind": "land", "flows": [{"year": 2026, "amount": "5000000000"}]}
          ],
          "benefits": [{"name": "Time", "kind": "travel_time", "flows": [{"from": 2028, "to": 2030, "amount": "20000000000"}]}],
          "cost_build_up": {
            "items": [{"line": "Road works", "class": "construction"}, {"line": "Land", "class": "land"}],
            "derived": [
              {"name": "Design and supervision", "class": "design_supervision", "rate": "0.07", "base": ["construction"], "source": "test"},
              {"name": "Contingency", "class": "contingency"}
            ]
          }
        }"#;
        let a = crate::appraise_json(text, None).expect("appraises");
        let b = a.cost_build_up.expect("build-up");
        assert_eq!(b.derived[0].amount, d("2100000000"));
        assert_eq!(b.derived[1].amount, d("3500000000"));
        assert_eq!(b.derived[1].rate, d("0.1"));
        assert_eq!(b.total, d("40600000000"));
        assert!(b.difference.is_zero());
        assert_eq!(b.plan[0].total, d("10000000000") + d("5000000000") + d("700000000") + d("1500000000"));
        assert_eq!(b.plan[1].total, d("20000000000") + d("1400000000") + d("2000000000"));
        assert!(!a.warnings.iter().any(|w| w.code == crate::diag::Code::BuildUpTotalMismatch));
        // PV(C) = 172억/1.045 + 234억/1.045² = 16,459,330,143.54 + 21,428,080,858.95 = 37,887,411,002.50
        let pv = crate::econ::to_f64(a.economic.pv_costs);
        assert!((pv - 37_887_411_002.50).abs() < 0.01, "{pv}");

        // A total that differs is said, with both figures.
        let a = crate::appraise_json(
            &text.replace("\"total_cost\": \"40600000000\"", "\"total_cost\": \"40000000000\""),
            None,
        )
        .expect("appraises");
        let w = a.warnings.iter().find(|w| w.code == crate::diag::Code::BuildUpTotalMismatch).expect("warned");
        assert_eq!(w.path, "project.total_cost");
    }
}
