//! Residual value (잔존가치): what the assets are still worth at the end of the analysis period,
//! straight-line over each asset class's service life (내용연수), as a computed benefit line in the
//! last year.
//!
//! RV = C × max(0, L − u) / L, with C the asset's undiscounted cost (the sum of its cost lines, in
//! constant prices), L its service life (the rule set's `service_lives` for its class, or the
//! study's own) and u = last year − first year of service + 1 the years it has been used by the
//! end of the period. Held at its value in the Monte Carlo analysis (it does not follow its cost
//! lines' draws), which the risk result says like the carbon value.

use crate::econ::{ExpandedLine, Kind, Origin, Variation};
use crate::rules::RuleSet;
use crate::study::{BenefitKind, Study, ValidationError, money, year};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An asset class with a service life (내용연수).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssetClass {
    /// Civil structures: earthworks, tunnels, bridges (토목구조물).
    CivilStructures,
    /// Buildings and stations (건축물).
    Buildings,
    /// Track (궤도).
    Track,
    /// Electrical, signalling and communication systems (전기·신호·통신 설비).
    Systems,
    /// Rolling stock and vehicles (차량).
    RollingStock,
    /// Road pavement (포장).
    Pavement,
    /// ICT hardware (정보화 하드웨어).
    IctHardware,
    /// ICT software (정보화 소프트웨어).
    IctSoftware,
}

impl AssetClass {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            AssetClass::CivilStructures => "civil_structures",
            AssetClass::Buildings => "buildings",
            AssetClass::Track => "track",
            AssetClass::Systems => "systems",
            AssetClass::RollingStock => "rolling_stock",
            AssetClass::Pavement => "pavement",
            AssetClass::IctHardware => "ict_hardware",
            AssetClass::IctSoftware => "ict_software",
        }
    }
}

/// A rule set's service life of a class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceLife {
    /// The class.
    pub class: AssetClass,
    /// Years.
    pub years: u32,
}

/// The study's residual-value section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResidualSection {
    /// The assets valued at the end of the period.
    pub assets: Vec<Asset>,
}

/// An asset: its class, the cost lines it is made of, and when it enters service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Asset {
    /// Its name in the table.
    pub name: String,
    /// Its class.
    pub class: AssetClass,
    /// Names of the cost lines whose undiscounted sum is its cost.
    pub cost_lines: Vec<String>,
    /// First year of service.
    #[serde(deserialize_with = "year::deserialize")]
    pub in_service: i32,
    /// The study's own service life, instead of the rule set's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life: Option<u32>,
    /// Where the study's own life comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One asset's residual value as computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssetValue {
    /// Name.
    pub name: String,
    /// Class.
    pub class: AssetClass,
    /// Cost C, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub cost: Decimal,
    /// First year of service.
    pub in_service: i32,
    /// Service life L.
    pub life: u32,
    /// Where L comes from.
    pub life_source: String,
    /// Years used by the end of the period, u.
    pub used: u32,
    /// Remaining years, max(0, L − u).
    pub remaining: u32,
    /// C × remaining / L, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub value: Decimal,
}

/// The residual value in the appraisal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResidualResult {
    /// The method, for the reader.
    pub method: &'static str,
    /// The year it is counted in (the last year of the period).
    pub year: i32,
    /// By asset.
    pub assets: Vec<AssetValue>,
    /// The sum, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub total: Decimal,
}

/// The name of the computed line.
pub const LINE: &str = "Residual value (straight-line)";

fn life(a: &Asset, rules: &RuleSet) -> Option<(u32, String)> {
    if let Some(l) = a.life {
        return Some((l, a.source.clone().unwrap_or_else(|| "the study's own service life".to_owned())));
    }
    let t = rules.service_lives.as_ref()?;
    t.value.iter().find(|s| s.class == a.class).map(|s| (s.years, format!("{}: {}", rules.id, t.source)))
}

/// Checks the section.
pub fn validate(study: &Study, rules: &RuleSet) -> Vec<ValidationError> {
    let mut v = Vec::new();
    let Some(r) = &study.residual_value else { return v };
    let p = &study.parameters;
    for (i, a) in r.assets.iter().enumerate() {
        let at = format!("residual_value.assets[{i}]");
        if a.cost_lines.is_empty() {
            v.push(ValidationError::new(
                format!("{at}.cost_lines"),
                "is empty; name the cost lines the asset is made of",
            ));
        }
        for (j, n) in a.cost_lines.iter().enumerate() {
            if !study.costs.iter().any(|l| &l.name == n) {
                v.push(ValidationError::new(
                    format!("{at}.cost_lines[{j}]"),
                    format!("\"{n}\" is not the name of a cost line"),
                ));
            }
        }
        if a.in_service < p.first_year || a.in_service > p.last_year {
            v.push(ValidationError::new(
                format!("{at}.in_service"),
                format!("{} is outside the analysis period {}..{}", a.in_service, p.first_year, p.last_year),
            ));
        }
        match life(a, rules) {
            None => v.push(ValidationError::new(
                format!("{at}.life"),
                format!("is missing and the rule set {} has no service life for {}", rules.id, a.class.code()),
            )),
            Some((0, _)) => {
                v.push(ValidationError::new(format!("{at}.life"), "is 0; a service life is at least a year"))
            }
            _ => {}
        }
    }
    v
}

/// Straight-line residual value of one asset: C × max(0, L − u) / L.
pub fn straight_line(cost: Decimal, life: u32, used: u32) -> Decimal {
    if life == 0 {
        return Decimal::ZERO;
    }
    let remaining = life.saturating_sub(used);
    cost * Decimal::from(remaining) / Decimal::from(life)
}

/// The computed residual values (from the study's cost lines as expanded, sunk amounts included).
pub fn result(study: &Study, rules: &RuleSet, costs: &[ExpandedLine<'_>]) -> Option<ResidualResult> {
    let r = study.residual_value.as_ref()?;
    let last = study.parameters.last_year;
    let assets: Vec<AssetValue> = r
        .assets
        .iter()
        .filter_map(|a| {
            let (l, life_source) = life(a, rules)?;
            let cost: Decimal = costs
                .iter()
                .filter(|c| matches!(c.origin, Origin::Study { .. }) && a.cost_lines.iter().any(|n| n == c.name))
                .map(|c| c.amounts.iter().sum::<Decimal>() + c.sunk)
                .sum();
            let used = u32::try_from(last - a.in_service + 1).unwrap_or(0);
            Some(AssetValue {
                name: a.name.clone(),
                class: a.class,
                cost,
                in_service: a.in_service,
                life: l,
                life_source,
                used,
                remaining: l.saturating_sub(used),
                value: straight_line(cost, l, used),
            })
        })
        .collect();
    let total = assets.iter().map(|a| a.value).sum();
    Some(ResidualResult {
        method: "straight-line over the service life: RV = C × max(0, L − u) / L, u = last year − first year of service + 1",
        year: last,
        assets,
        total,
    })
}

/// The residual value as a benefit line in the last year.
pub fn line<'a>(res: &ResidualResult, years: usize) -> ExpandedLine<'a> {
    let mut amounts = vec![Decimal::ZERO; years];
    if let Some(a) = amounts.last_mut() {
        *a = res.total;
    }
    ExpandedLine {
        origin: Origin::ResidualValue,
        name: LINE,
        kind: Kind::Benefit(BenefitKind::ResidualValue),
        variation: Variation::HeldFixed,
        amounts,
        sunk: Decimal::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn straight_line_by_hand() {
        // Civil works 820 bn in service 2032, life 50, period ends 2061: u = 2061 − 2032 + 1 = 30,
        // RV = 820 × (50 − 30)/50 = 328 bn.
        assert_eq!(straight_line(d("820000000000"), 50, 30), d("328000000000"));
        // Rolling stock replaced for 45 bn in service 2057, life 25: u = 5, RV = 45 × 20/25 = 36 bn.
        assert_eq!(straight_line(d("45000000000"), 25, 5), d("36000000000"));
        // Used beyond its life: nothing left.
        assert_eq!(straight_line(d("100"), 10, 12), Decimal::ZERO);
    }

    #[test]
    fn computed_line_enters_the_benefits_in_the_last_year() {
        // Build 200 (100 in 2026 and 2027), in service 2028, life 50, period to 2070: u = 43,
        // RV = 200 × 7/50 = 28 in 2070. PV at 4.5 %: 28 / 1.045^45 = 28 / 7.2482424 = 3.8630
        // (1.045^45 = e^(45·ln 1.045) = e^(45·0.0440169) = e^1.9807620 = 7.2482424).
        let mut text = crate::test_support::minimal_study_json();
        text = text.replace(
            "\"benefits\"",
            "\"residual_value\": {\"assets\": [{\"name\": \"Road\", \"class\": \"civil_structures\", \"cost_lines\": [\"Build\"], \"in_service\": 2028, \"life\": 50, \"source\": \"test\"}]},\n  \"benefits\"",
        );
        let a = crate::appraise_json(&text, None).expect("appraises");
        let r = a.residual_value.expect("residual");
        assert_eq!(r.total, d("28"));
        assert_eq!(r.assets[0].used, 43);
        let line = a.economic.lines.iter().find(|l| l.origin == Origin::ResidualValue).expect("line");
        assert!((crate::econ::to_f64(line.pv) - 3.8630).abs() < 1e-4, "{}", line.pv);
    }
}
