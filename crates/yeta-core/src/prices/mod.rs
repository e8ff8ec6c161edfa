//! Prices (가격 기준): constant prices of the price base year (기준연도 불변가격) from inputs written
//! in current prices (경상가격) or in another year's prices, through a deflator series (디플레이터);
//! and the economic analysis at shadow prices (경제적 가격) through conversion factors (전환계수) by
//! cost class, the financial analysis staying at market prices.
//!
//! - Restating: a line in current prices has, in year t, amount × D(base)/D(t); a line in constant
//!   prices of year Y has amount × D(base)/D(Y), every year alike. D is the deflator's index; a year
//!   after its last published value is projected at its stated growth, a year before its first is
//!   refused (the deflator must cover it).
//! - Conversion: for a cost line of class k (its build-up class, else its kind) with factor CFₖ the
//!   economic cost is CFₖ × the market-price cost. Yeta states the difference as a cost line of its
//!   own per class, (CFₖ − 1) × the class's lines (경제적 가격 조정), which moves with those lines in
//!   the Monte Carlo analysis and which the financial analysis leaves out.
//!
//! The shipped series are in `fixtures/prices/`; a study can give its own instead.

use crate::buildup::CostClass;
use crate::econ::{ExpandedLine, Kind, List, Origin, Variation};
use crate::rules::Status;
use crate::study::{CostKind, DecimalString, Study, ValidationError, money, year};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The shipped deflator series: id and JSON text.
pub const BUILTIN_DEFLATORS: [(&str, &str); 1] =
    [("kr-gdp-deflator-illustrative", include_str!("../../../../fixtures/prices/kr-gdp-deflator-illustrative.json"))];

/// The shipped conversion-factor tables: id and JSON text.
pub const BUILTIN_CONVERSION: [(&str, &str); 1] = [(
    "kr-conversion-vat-illustrative",
    include_str!("../../../../fixtures/prices/kr-conversion-vat-illustrative.json"),
)];

/// The study's `prices` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PricesSection {
    /// A shipped deflator series by id (`kr-gdp-deflator-illustrative`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deflator_id: Option<String>,
    /// The study's own deflator series (instead of `deflator_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deflator: Option<Deflator>,
    /// The lines not written in constant prices of the base year, and how they are written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<PricedLine>,
    /// A shipped conversion-factor table by id (`kr-conversion-vat-illustrative`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion_id: Option<String>,
    /// The study's own conversion factors (instead of `conversion_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion: Option<ConversionFactors>,
}

/// How a line's amounts are priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Each year's amount in that year's prices (경상가격).
    Current,
    /// Every amount in constant prices of `price_year` (해당연도 불변가격).
    Constant,
}

/// A line written in current prices or in another year's constant prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PricedLine {
    /// The list the line is in (default `costs`).
    #[serde(default = "default_list")]
    pub list: PricedList,
    /// The line's name.
    pub line: String,
    /// How its amounts are priced.
    pub basis: Basis,
    /// The price year of a `constant` line.
    #[serde(default, deserialize_with = "year::option::deserialize", skip_serializing_if = "Option::is_none")]
    pub price_year: Option<i32>,
}

/// The study lists a priced line can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PricedList {
    /// Cost lines.
    Costs,
    /// Benefit lines.
    Benefits,
    /// Revenue lines.
    Revenues,
}

fn default_list() -> PricedList {
    PricedList::Costs
}

impl PricedList {
    fn list(self) -> List {
        match self {
            PricedList::Costs => List::Costs,
            PricedList::Benefits => List::Benefits,
            PricedList::Revenues => List::Revenues,
        }
    }
}

/// A deflator series (디플레이터): a price index by year with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deflator {
    /// Always `"yeta-deflator/1"` in a data file; may be left out in a study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Its id.
    pub id: String,
    /// What it is, e.g. `GDP deflator (2020 = 100)`.
    pub title: String,
    /// The index's base, e.g. `2020=100`.
    pub unit: String,
    /// When the figures were published, e.g. `2025-03`.
    pub vintage: String,
    /// Table name and id, publisher.
    pub source: String,
    /// How firmly the figures are established.
    #[serde(default)]
    pub status: Status,
    /// Illustrative figures, not the published series: the report says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    /// The index, one value per consecutive year.
    pub values: Vec<IndexPoint>,
    /// Growth a year after the last value (a projection, e.g. the inflation target), with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projection: Option<Projection>,
}

/// One year's index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndexPoint {
    /// Year.
    pub year: i32,
    /// Index value (> 0).
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub value: Decimal,
}

/// The growth of the index after its last value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Projection {
    /// Yearly growth as a fraction (0.02 = 2 %).
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub growth: Decimal,
    /// Where it comes from.
    pub source: String,
}

/// Largest number of projected years (a guard, the analysis period is shorter).
const MAX_PROJECTED_YEARS: i32 = 200;

impl Deflator {
    /// The index in `year`: a published value, or the last one grown by the projection. `None`
    /// before the first value, after it without a projection, or out of range.
    pub fn index(&self, year: i32) -> Option<Decimal> {
        let first = self.values.first()?;
        let last = self.values.last()?;
        if year < first.year {
            return None;
        }
        if year <= last.year {
            return self.values.iter().find(|p| p.year == year).map(|p| p.value);
        }
        let g = Decimal::ONE.checked_add(self.projection.as_ref()?.growth)?;
        if year - last.year > MAX_PROJECTED_YEARS {
            return None;
        }
        (last.year..year).try_fold(last.value, |v, _| v.checked_mul(g))
    }

    /// Problems with the series: empty, gaps, values not positive, growth out of range.
    fn problems(&self, at: &str) -> Vec<ValidationError> {
        let mut v = Vec::new();
        if self.values.is_empty() {
            v.push(ValidationError::new(format!("{at}.values"), "the deflator has no values"));
        }
        for (i, p) in self.values.iter().enumerate() {
            if p.value <= Decimal::ZERO {
                v.push(ValidationError::new(
                    format!("{at}.values[{i}].value"),
                    format!("the index must be positive, not {}", p.value),
                ));
            }
            if i > 0 && p.year != self.values[i - 1].year + 1 {
                v.push(ValidationError::new(
                    format!("{at}.values[{i}].year"),
                    format!("years must follow one another: {} after {}", p.year, self.values[i - 1].year),
                ));
            }
        }
        if let Some(pr) = &self.projection
            && !(pr.growth > Decimal::new(-5, 1) && pr.growth < Decimal::ONE)
        {
            v.push(ValidationError::new(
                format!("{at}.projection.growth"),
                format!("growth {} is out of range (−0.5 to 1, a fraction: 0.02 = 2 %)", pr.growth),
            ));
        }
        v
    }
}

/// Conversion factors (전환계수) from market to economic prices by cost class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversionFactors {
    /// Always `"yeta-conversion/1"` in a data file; may be left out in a study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Its id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where the factors come from.
    pub source: String,
    /// How firmly they are established.
    #[serde(default)]
    pub status: Status,
    /// Illustrative figures: the report says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    /// Factors of the build-up classes (lines the study classes in `cost_build_up`).
    #[serde(default)]
    pub classes: Vec<ClassFactor>,
    /// Factors by line kind, for cost lines outside the build-up (operation, reinvestment …).
    #[serde(default)]
    pub kinds: Vec<KindFactor>,
}

/// A class's factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassFactor {
    /// The class.
    pub class: CostClass,
    /// Economic / market price.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub factor: Decimal,
    /// Why (e.g. `VAT 10 % removed: 1/1.1`).
    pub source: String,
}

/// A line kind's factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KindFactor {
    /// The kind.
    pub kind: CostKind,
    /// Economic / market price.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub factor: Decimal,
    /// Why.
    pub source: String,
}

/// What a conversion line converts: a build-up class or a line kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "by", content = "code", rename_all = "snake_case")]
pub enum Group {
    /// A build-up class.
    Class(CostClass),
    /// A cost line kind.
    Kind(CostKind),
}

/// The shipped deflator of an id.
pub fn builtin_deflator(id: &str) -> Option<Deflator> {
    BUILTIN_DEFLATORS.iter().find(|(i, _)| *i == id).and_then(|(_, t)| serde_json::from_str(t).ok())
}

/// The shipped conversion table of an id.
pub fn builtin_conversion(id: &str) -> Option<ConversionFactors> {
    BUILTIN_CONVERSION.iter().find(|(i, _)| *i == id).and_then(|(_, t)| serde_json::from_str(t).ok())
}

/// The deflator the study uses.
pub fn deflator(study: &Study) -> Option<Deflator> {
    let s = study.prices.as_ref()?;
    s.deflator.clone().or_else(|| s.deflator_id.as_deref().and_then(builtin_deflator))
}

/// The conversion factors the study uses.
pub fn conversion(study: &Study) -> Option<ConversionFactors> {
    let s = study.prices.as_ref()?;
    s.conversion.clone().or_else(|| s.conversion_id.as_deref().and_then(builtin_conversion))
}

fn lines_of(study: &Study, list: PricedList) -> Vec<&str> {
    match list {
        PricedList::Costs => study.costs.iter().map(|l| l.name.as_str()).collect(),
        PricedList::Benefits => study.benefits.iter().map(|l| l.name.as_str()).collect(),
        PricedList::Revenues => study.revenues.iter().map(|l| l.name.as_str()).collect(),
    }
}

/// Checks the section: one deflator source, known ids and lines, every year a priced line needs
/// covered by the deflator, factors in range.
pub fn validate(study: &Study) -> Vec<ValidationError> {
    let mut v = Vec::new();
    let Some(s) = &study.prices else { return v };
    let p = &study.parameters;
    if s.deflator.is_some() && s.deflator_id.is_some() {
        v.push(ValidationError::new("prices.deflator", "give either deflator_id or deflator, not both"));
    }
    if let Some(id) = &s.deflator_id
        && builtin_deflator(id).is_none()
    {
        let known: Vec<&str> = BUILTIN_DEFLATORS.iter().map(|(i, _)| *i).collect();
        v.push(ValidationError::new(
            "prices.deflator_id",
            format!("\"{id}\" is not a deflator Yeta ships ({}); give your own as prices.deflator", known.join(", ")),
        ));
    }
    if let Some(d) = &s.deflator {
        v.extend(d.problems("prices.deflator"));
    }
    if s.conversion.is_some() && s.conversion_id.is_some() {
        v.push(ValidationError::new("prices.conversion", "give either conversion_id or conversion, not both"));
    }
    if let Some(id) = &s.conversion_id
        && builtin_conversion(id).is_none()
    {
        let known: Vec<&str> = BUILTIN_CONVERSION.iter().map(|(i, _)| *i).collect();
        v.push(ValidationError::new(
            "prices.conversion_id",
            format!("\"{id}\" is not a conversion table Yeta ships ({})", known.join(", ")),
        ));
    }
    if let Some(c) = &s.conversion {
        let factors = c.classes.iter().map(|f| f.factor).chain(c.kinds.iter().map(|f| f.factor));
        for (i, f) in factors.enumerate() {
            if !(f > Decimal::ZERO && f <= Decimal::from(3)) {
                let at = if i < c.classes.len() {
                    format!("prices.conversion.classes[{i}].factor")
                } else {
                    format!("prices.conversion.kinds[{}].factor", i - c.classes.len())
                };
                v.push(ValidationError::new(at, format!("a conversion factor must be above 0 and at most 3, not {f}")));
            }
        }
    }
    let defl = deflator(study);
    let mut seen: Vec<(PricedList, &str)> = Vec::new();
    for (i, pl) in s.lines.iter().enumerate() {
        let at = format!("prices.lines[{i}]");
        let names = lines_of(study, pl.list);
        if !names.contains(&pl.line.as_str()) {
            v.push(ValidationError::new(
                format!("{at}.line"),
                format!("no {} line is named \"{}\"", pl.list.list().code(), pl.line),
            ));
            continue;
        }
        if seen.contains(&(pl.list, pl.line.as_str())) {
            v.push(ValidationError::new(format!("{at}.line"), format!("\"{}\" is priced twice", pl.line)));
        }
        seen.push((pl.list, pl.line.as_str()));
        let Some(d) = &defl else {
            v.push(ValidationError::new(
                "prices.deflator",
                "lines in current or other years' prices need a deflator (deflator_id or deflator)",
            ));
            break;
        };
        let years: Vec<i32> = match (pl.basis, pl.price_year) {
            (Basis::Constant, Some(y)) => vec![y, p.base_year],
            (Basis::Constant, None) => {
                v.push(ValidationError::new(format!("{at}.price_year"), "a constant-price line needs its price year"));
                continue;
            }
            (Basis::Current, Some(_)) => {
                v.push(ValidationError::new(
                    format!("{at}.price_year"),
                    "a current-price line has no price year (each year is in its own prices)",
                ));
                continue;
            }
            (Basis::Current, None) => (p.first_year..=p.last_year).chain([p.base_year]).collect(),
        };
        if let Some(y) = years.into_iter().find(|y| d.index(*y).is_none()) {
            v.push(ValidationError::new(
                format!("{at}.line"),
                format!("the deflator {} has no index for {y} (it covers {}{})", d.id, cover(d), projected(d)),
            ));
        }
    }
    v
}

fn cover(d: &Deflator) -> String {
    match (d.values.first(), d.values.last()) {
        (Some(a), Some(b)) => format!("{}–{}", a.year, b.year),
        _ => "no year".into(),
    }
}

fn projected(d: &Deflator) -> &'static str {
    if d.projection.is_some() { ", projected after" } else { "" }
}

/// The factor that brings year `t`'s amount of a priced line to base-year prices, or one for a
/// line in base-year prices. Checked by [`validate`] first.
fn factor(d: &Deflator, basis: Basis, price_year: Option<i32>, base_year: i32, t: i32) -> Option<Decimal> {
    let from = match basis {
        Basis::Current => t,
        Basis::Constant => price_year?,
    };
    d.index(base_year)?.checked_div(d.index(from)?)
}

/// Restates a study line's amounts (index 0 = `first_year`) in constant base-year prices, in place.
/// Lines the section does not name are left as they are. `None` on overflow.
pub fn restate(study: &Study, list: List, name: &str, amounts: &mut [Decimal]) -> Option<()> {
    let Some(s) = &study.prices else { return Some(()) };
    let Some(pl) = s.lines.iter().find(|pl| pl.list.list() == list && pl.line == name) else { return Some(()) };
    let d = deflator(study)?;
    let p = &study.parameters;
    for (i, a) in amounts.iter_mut().enumerate() {
        if a.is_zero() {
            continue;
        }
        let f = factor(&d, pl.basis, pl.price_year, p.base_year, p.first_year + i as i32)?;
        *a = a.checked_mul(f)?;
    }
    Some(())
}

/// The conversion group of a cost line: its build-up class, else its kind.
fn group_of(study: &Study, l: &ExpandedLine<'_>) -> Option<Group> {
    let b = study.cost_build_up.as_ref();
    match (l.origin, l.kind) {
        (Origin::BuildUp { index }, _) => b.and_then(|b| b.derived.get(index)).map(|d| Group::Class(d.class)),
        (Origin::Study { .. }, Kind::Cost(k)) => Some(
            b.and_then(|b| b.items.iter().find(|it| it.line == l.name))
                .map_or(Group::Kind(k), |it| Group::Class(it.class)),
        ),
        _ => None,
    }
}

/// The factor of a group in a table; one when the table gives none.
pub fn factor_of(c: &ConversionFactors, g: Group) -> Decimal {
    match g {
        Group::Class(k) => c.classes.iter().find(|f| f.class == k).map(|f| f.factor),
        Group::Kind(k) => c.kinds.iter().find(|f| f.kind == k).map(|f| f.factor),
    }
    .unwrap_or(Decimal::ONE)
}

/// The groups' names as lines: stable, the report words them from the catalog.
fn group_name(g: Group) -> &'static str {
    match g {
        Group::Class(c) => match c {
            CostClass::Construction => "conversion: construction",
            CostClass::Land => "conversion: land",
            CostClass::DesignSupervision => "conversion: design_supervision",
            CostClass::Incidental => "conversion: incidental",
            CostClass::FacilityIncidental => "conversion: facility_incidental",
            CostClass::Equipment => "conversion: equipment",
            CostClass::Contingency => "conversion: contingency",
        },
        Group::Kind(k) => match k {
            CostKind::Capex => "conversion: capex",
            CostKind::Land => "conversion: land (kind)",
            CostKind::Reinvestment => "conversion: reinvestment",
            CostKind::Opex => "conversion: opex",
            CostKind::Other => "conversion: other",
        },
    }
}

/// The conversion lines (경제적 가격 조정): per group with a factor other than one, (CF − 1) × the
/// group's lines, year by year. `costs` are the study's and the build-up's expanded cost lines.
pub fn lines<'a>(study: &Study, costs: &[ExpandedLine<'a>]) -> Option<Vec<ExpandedLine<'a>>> {
    let Some(c) = conversion(study) else { return Some(Vec::new()) };
    let n = costs.first().map_or(0, |l| l.amounts.len());
    let mut groups: Vec<Group> = costs.iter().filter_map(|l| group_of(study, l)).collect();
    groups.sort();
    groups.dedup();
    let mut out = Vec::new();
    for g in groups {
        let f = factor_of(&c, g).checked_sub(Decimal::ONE)?;
        if f.is_zero() {
            continue;
        }
        let mut amounts = vec![Decimal::ZERO; n];
        let mut sunk = Decimal::ZERO;
        let mut parts = Vec::new();
        for (j, l) in costs.iter().enumerate() {
            if group_of(study, l) != Some(g) {
                continue;
            }
            parts.push((j, f));
            for (o, a) in amounts.iter_mut().zip(&l.amounts) {
                *o = o.checked_add(a.checked_mul(f)?)?;
            }
            sunk = sunk.checked_add(l.sunk.checked_mul(f)?)?;
        }
        out.push(ExpandedLine {
            origin: Origin::Conversion(g),
            name: group_name(g),
            kind: Kind::ConversionAdjustment,
            variation: Variation::Follows(parts),
            amounts,
            sunk,
        });
    }
    Some(out)
}

/// A priced line as applied, for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedPricing {
    /// `costs`, `benefits` or `revenues`.
    pub list: List,
    /// The line's name.
    pub line: String,
    /// How it was written.
    pub basis: Basis,
    /// Its price year, for a constant-price line.
    pub price_year: Option<i32>,
    /// The factor of its first year with an amount (D(base)/D(year)).
    pub first_factor: Option<f64>,
    /// The factor of its last year with an amount.
    pub last_factor: Option<f64>,
    /// Σ amounts as written (undiscounted), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub written: Decimal,
    /// Σ amounts in base-year prices, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub restated: Decimal,
}

/// A conversion line as applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedConversion {
    /// The class or kind.
    pub group: Group,
    /// Its factor.
    #[serde(serialize_with = "money::serialize_out")]
    pub factor: Decimal,
    /// Why.
    pub source: String,
    /// Σ market-price amounts of the group (undiscounted, counted years), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub market: Decimal,
    /// Σ adjustment (CF − 1) × market, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub adjustment: Decimal,
}

/// The prices the appraisal used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PricesResult {
    /// The price base year.
    pub base_year: i32,
    /// The deflator, when used.
    pub deflator: Option<DeflatorSummary>,
    /// The priced lines.
    pub lines: Vec<AppliedPricing>,
    /// The conversion table, when used.
    pub conversion: Option<ConversionSummary>,
    /// Its lines.
    pub conversions: Vec<AppliedConversion>,
}

/// A deflator as the report cites it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeflatorSummary {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Index base.
    pub unit: String,
    /// Vintage.
    pub vintage: String,
    /// Source.
    pub source: String,
    /// Status.
    pub status: Status,
    /// Illustrative.
    pub illustrative: bool,
    /// First and last published years.
    pub years: Option<[i32; 2]>,
    /// The index in the base year, as a decimal string.
    pub base_index: Option<String>,
    /// Projection after the last year: growth and source.
    pub projection: Option<(f64, String)>,
}

/// A conversion table as the report cites it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConversionSummary {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Source.
    pub source: String,
    /// Status.
    pub status: Status,
    /// Illustrative.
    pub illustrative: bool,
}

/// A line's amounts by year as the study writes them (before restating).
fn written<K>(lines: &[crate::study::Line<K>], name: &str, first: i32, last: i32) -> Option<Vec<Decimal>> {
    lines.iter().find(|l| l.name == name).and_then(|l| crate::study::flows::expand(l, first, last).ok())
}

/// What the prices section did; `None` without one. `costs` are the expanded cost lines.
pub fn result(study: &Study, costs: &[ExpandedLine<'_>]) -> Option<PricesResult> {
    let s = study.prices.as_ref()?;
    let p = &study.parameters;
    let d = deflator(study);
    let c = conversion(study);
    let lines = s
        .lines
        .iter()
        .filter_map(|pl| {
            let d = d.as_ref()?;
            let (first, last) = (p.first_year, p.last_year);
            let raw = match pl.list {
                PricedList::Costs => written(&study.costs, &pl.line, first, last),
                PricedList::Benefits => written(&study.benefits, &pl.line, first, last),
                PricedList::Revenues => written(&study.revenues, &pl.line, first, last),
            }?;
            let mut restated = raw.clone();
            restate(study, pl.list.list(), &pl.line, &mut restated)?;
            let years: Vec<usize> = (0..raw.len()).filter(|&i| !raw[i].is_zero()).collect();
            let f = |i: usize| {
                factor(d, pl.basis, pl.price_year, p.base_year, p.first_year + i as i32).map(crate::econ::to_f64)
            };
            Some(AppliedPricing {
                list: pl.list.list(),
                line: pl.line.clone(),
                basis: pl.basis,
                price_year: pl.price_year,
                first_factor: years.first().and_then(|&i| f(i)),
                last_factor: years.last().and_then(|&i| f(i)),
                written: raw.iter().try_fold(Decimal::ZERO, |s, a| s.checked_add(*a))?,
                restated: restated.iter().try_fold(Decimal::ZERO, |s, a| s.checked_add(*a))?,
            })
        })
        .collect();
    let conversions = match &c {
        Some(c) => costs
            .iter()
            .filter_map(|l| {
                let Origin::Conversion(g) = l.origin else { return None };
                let factor = factor_of(c, g);
                let adjustment = l.amounts.iter().try_fold(Decimal::ZERO, |s, a| s.checked_add(*a))?;
                let market = costs
                    .iter()
                    .filter(|m| group_of(study, m) == Some(g))
                    .flat_map(|m| m.amounts.iter())
                    .try_fold(Decimal::ZERO, |s, a| s.checked_add(*a))?;
                let source = match g {
                    Group::Class(k) => c.classes.iter().find(|f| f.class == k).map(|f| f.source.clone()),
                    Group::Kind(k) => c.kinds.iter().find(|f| f.kind == k).map(|f| f.source.clone()),
                }
                .unwrap_or_default();
                Some(AppliedConversion { group: g, factor, source, market, adjustment })
            })
            .collect(),
        None => Vec::new(),
    };
    Some(PricesResult {
        base_year: p.base_year,
        deflator: d.as_ref().map(|d| DeflatorSummary {
            id: d.id.clone(),
            title: d.title.clone(),
            unit: d.unit.clone(),
            vintage: d.vintage.clone(),
            source: d.source.clone(),
            status: d.status,
            illustrative: d.illustrative,
            years: d.values.first().zip(d.values.last()).map(|(a, b)| [a.year, b.year]),
            base_index: d.index(p.base_year).map(|x| x.normalize().to_string()),
            projection: d.projection.as_ref().map(|pr| (crate::econ::to_f64(pr.growth), pr.source.clone())),
        }),
        lines,
        conversion: c.as_ref().map(|c| ConversionSummary {
            id: c.id.clone(),
            title: c.title.clone(),
            source: c.source.clone(),
            status: c.status,
            illustrative: c.illustrative,
        }),
        conversions,
    })
}

#[cfg(test)]
mod tests;
