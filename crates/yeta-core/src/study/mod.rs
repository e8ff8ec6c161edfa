//! The study file, format `yeta-study/1` (예비타당성조사 자료): the serde model, parsing with
//! field-path errors, validation and the expansion of flows into yearly amounts.
//!
//! Money and rates are [`Decimal`]s written as JSON strings (`"12500000000"`, `"0.045"`), so no
//! amount ever passes through a binary float. Years are integers.

mod check;
mod codes;
pub mod flows;
pub mod money;
pub mod names;
mod parse;
pub mod plausible;
pub mod skeleton;
pub mod unit;
mod validate;
pub mod year;

pub use check::{MAX_TYPE_ERRORS, check, check_with};
pub use codes::{Region, Sector, SectorClass};
pub use flows::{FlowError, YearlyLine};
pub use money::DecimalString;
pub use parse::StudyError;
pub(crate) use parse::parse_json;
pub use unit::Unit;
pub(crate) use validate::flow as validate_flow;
pub use validate::{Problem, ValidationError, is_date, validate};

use names::Name;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The value of the `format` field this version of Yeta reads and writes.
pub const FORMAT: &str = "yeta-study/1";

/// A whole preliminary feasibility study: what the budget officer writes and the reviewer reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// Always `"yeta-study/1"`.
    pub format: String,
    /// The money unit of bare amounts (`"백만원"`, `"억원"`, `"천원"`, `"원"`); absent = 원. Every
    /// amount is held in won; see [`unit`]. Written back by [`Study::to_json`] with the amounts
    /// in this unit (serde's own serialisation writes won and leaves the unit out).
    #[serde(default, skip_serializing)]
    pub unit: Option<Unit>,
    /// Project overview (사업 개요).
    pub project: Project,
    /// The rule set the study is appraised under, and any values it overrides.
    #[serde(default)]
    pub rules: RulesRef,
    /// Analysis period and discounting (분석 기간, 할인율).
    pub parameters: Parameters,
    /// Economic cost lines (비용): capital, land, reinvestment, operation.
    #[serde(default, alias = "비용")]
    pub costs: Vec<Line<CostKind>>,
    /// Economic benefit lines (편익).
    #[serde(default, alias = "편익")]
    pub benefits: Vec<Line<BenefitKind>>,
    /// Revenue lines (수입) for the financial analysis (재무성 분석).
    #[serde(default, alias = "수입")]
    pub revenues: Vec<Line<RevenueKind>>,
    /// Funding plan (재원조달 계획): who pays for the total cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing: Option<Financing>,
    /// Policy analysis (정책성 분석) checklist; see [`crate::policy`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<crate::policy::PolicySection>,
    /// Balanced regional development (지역균형발전 분석); see [`crate::regional`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<crate::regional::RegionalSection>,
    /// The AHP comprehensive evaluation (종합평가); see [`crate::ahp`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahp: Option<crate::ahp::AhpSection>,
    /// Total-cost build-up (총사업비 산정): classes of the capital lines and derived items (예비비);
    /// see [`crate::buildup`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_build_up: Option<crate::buildup::CostBuildUp>,
    /// Residual value (잔존가치) computed from asset classes and service lives; see
    /// [`crate::residual`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_value: Option<crate::residual::ResidualSection>,
    /// Alternatives (대안 검토): a do-minimum base and options; see [`crate::alternatives`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<crate::alternatives::AlternativesSection>,
    /// Cost-effectiveness analysis (비용효과분석, E/C): effectiveness measures and each option's
    /// cost per unit of effect; see [`crate::effectiveness`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_effectiveness: Option<crate::effectiveness::CostEffectivenessSection>,
    /// Environmental risk (Yeta's addition); see [`crate::environment`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<crate::environment::EnvironmentSection>,
    /// Prices (가격 기준): lines in current or other years' prices restated through a deflator, and
    /// conversion factors to economic prices; see [`crate::prices`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<crate::prices::PricesSection>,
    /// Outturn (사업 실적): actuals by year for the ex-post evaluation; see [`crate::expost`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outturn: Option<crate::expost::Outturn>,
}

/// Project overview (사업 개요).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Project name as it appears on the report cover.
    pub name: String,
    /// Sponsoring ministry or agency (주무부처).
    pub sponsor: String,
    /// Sector; decides the AHP hierarchy and the PFS threshold that applies.
    pub sector: Sector,
    /// Region of the project as an ISO 3166-2:KR code, e.g. `KR-30` (Daejeon).
    pub region: Region,
    /// Total project cost (총사업비), KRW, in constant prices of the base year.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub total_cost: Decimal,
    /// State funding (국비), KRW.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub state_funding: Decimal,
    /// What the project is and why; the report's overview.
    #[serde(default)]
    pub description: String,
    /// Background and need (사업 배경 및 필요성), for the report's chapter Ⅰ.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub background: String,
    /// Objectives (사업 목적).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub objectives: String,
    /// Scope: what is built or procured (사업 내용).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// The report date (작성일) as `YYYY-MM-DD`; the study gives it (or the shell passes one)
    /// so a report never reads the clock and stays byte-for-byte repeatable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_date: Option<String>,
    /// The area is a designated population-decline area (인구감소지역); 2026 rules shift AHP
    /// weight towards balanced development.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub population_decline_area: bool,
    /// The project's 시·군·구 as its KOSTAT administrative code (행정구역코드, five digits, e.g.
    /// `28710` for Ganghwa-gun): decides the capital-region exemptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
}

/// The capital-region areas the PFS appraises as non-capital, as shipped data with its source.
pub const CAPITAL_REGION_EXEMPT: &str = include_str!("../../../../fixtures/regions/capital-region-exempt.json");

/// One exempted 시·군·구.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ExemptArea {
    /// KOSTAT code.
    pub code: String,
    /// Korean name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Why it is exempt (border, island, rural).
    pub reason: String,
}

#[derive(Deserialize)]
struct ExemptTable {
    areas: Vec<ExemptArea>,
}

/// The exempted areas (parsed once; the file is checked by a test).
pub fn capital_region_exempt() -> &'static [ExemptArea] {
    static TABLE: std::sync::OnceLock<Vec<ExemptArea>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| serde_json::from_str::<ExemptTable>(CAPITAL_REGION_EXEMPT).map(|t| t.areas).unwrap_or_default())
}

impl Project {
    /// In the capital region as the PFS counts it (수도권): Seoul, Incheon or Gyeonggi, unless the
    /// project's 시·군·구 is one of the border, island and rural areas appraised as non-capital.
    pub fn is_capital_region(&self) -> bool {
        self.region.is_capital_region() && self.capital_exemption().is_none()
    }

    /// The exemption that makes a capital-region project count as non-capital, if any.
    pub fn capital_exemption(&self) -> Option<&'static ExemptArea> {
        let code = self.municipality.as_deref()?;
        capital_region_exempt().iter().find(|a| a.code == code)
    }
}

/// Which rule set applies, and the values this study overrides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesRef {
    /// A rule set id, e.g. `kr-pfs-2026`; see `fixtures/rules/`.
    pub id: String,
    /// Values that replace the rule set's, each with the reason; reported in the appraisal.
    #[serde(default, skip_serializing_if = "crate::rules::RuleOverrides::is_empty")]
    pub overrides: crate::rules::RuleOverrides,
}

impl Default for RulesRef {
    fn default() -> Self {
        Self { id: crate::rules::DEFAULT_RULE_SET.to_owned(), overrides: crate::rules::RuleOverrides::default() }
    }
}

/// Analysis period and discount schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    /// Price and discounting base year (기준연도): flows are in its constant prices and
    /// discounted to it; a flow in the base year has discount factor 1.
    #[serde(deserialize_with = "year::deserialize")]
    pub base_year: i32,
    /// First year of the analysis period (usually the first year of spending).
    #[serde(deserialize_with = "year::deserialize")]
    pub first_year: i32,
    /// Last year of the analysis period (construction + operation, e.g. 30 years for transport).
    #[serde(deserialize_with = "year::deserialize")]
    pub last_year: i32,
    /// A stepped discount schedule in calendar years. When absent the rule set's schedule
    /// applies; when present it overrides it (and the appraisal says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<Vec<DiscountStep>>,
    /// Uncertainty of the discount rate for the risk analysis: a multiplier on every rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_uncertainty: Option<crate::risk::Uncertainty>,
    /// Green Book optimism bias: an uplift on capex by project type, as a cost line of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optimism_bias: Option<crate::econ::optimism::OptimismBias>,
}

/// One step of a discount schedule: from `from_year` on, each year is discounted at `rate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiscountStep {
    /// First calendar year the rate applies to.
    #[serde(deserialize_with = "year::deserialize")]
    pub from_year: i32,
    /// Real annual rate, e.g. `"0.045"`.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub rate: Decimal,
}

/// A cost, benefit or revenue line: a name, a kind, and flows by year.
///
/// When `unit_value` is given the flows are quantities (a demand forecast, hours saved) and the
/// money in a year is quantity × unit value; otherwise the flows are KRW.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Line<K> {
    /// Unique within its list; names the line in every table.
    pub name: String,
    /// What the line is; decides how later stages treat it (e.g. optimism bias on capex).
    pub kind: K,
    /// Where the flows come from (a demand study, a quotation, a guideline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Unit of the flow amounts when they are quantities, e.g. `vehicle-hours saved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_unit: Option<String>,
    /// The money value of one unit of quantity, with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_value: Option<UnitValue>,
    /// Yearly amounts: single years and ranges. Empty when a demand model gives the quantities.
    #[serde(default)]
    pub flows: Vec<Flow>,
    /// The demand model (수요 추정) that computes the line's yearly quantities, instead of flows;
    /// needs a unit value. See [`crate::demand`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demand: Option<crate::demand::DemandModel>,
    /// Uncertainty of the whole line for the Monte Carlo analysis; see [`crate::risk`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<crate::risk::Uncertainty>,
}

/// A unit value (원단위): a value of time, a unit cost, a fare, always with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitValue {
    /// KRW per unit, constant base-year prices.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub value: Decimal,
    /// The unit, e.g. `KRW per vehicle-hour`.
    pub unit: String,
    /// Where the value comes from, so the report can cite it.
    pub source: String,
}

/// A flow: one year (`year`, `amount`) or a range (`from`, `to`, `amount` in the first year,
/// optional yearly `growth`). Exactly one of the two forms must be given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// The single year of a one-year flow.
    #[serde(default, deserialize_with = "year::option::deserialize", skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First year of a ranged flow.
    #[serde(default, deserialize_with = "year::option::deserialize", skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// Last year of a ranged flow (inclusive).
    #[serde(default, deserialize_with = "year::option::deserialize", skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// Amount (KRW, or quantity when the line has a unit value); for a range, the first year's.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub amount: Decimal,
    /// Yearly growth of a ranged flow, e.g. `"0.012"` for demand growing 1.2 % a year.
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub growth: Option<Decimal>,
}

/// Kinds of cost line (비용 항목). Read from the code or a Korean or English name (`공사비`,
/// `구축비`, `운영비`); an unknown kind lists them all and suggests the nearest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CostKind {
    /// Construction or system build (공사비, 구축비).
    Capex,
    /// Land and compensation (용지보상비).
    Land,
    /// Reinvestment, e.g. a hardware refresh (재투자비).
    Reinvestment,
    /// Operation and maintenance (운영·유지관리비).
    Opex,
    /// Anything else; say what in the name.
    Other,
}

/// Kinds of benefit line (편익 항목), read like [`CostKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BenefitKind {
    /// Travel-time savings (통행시간 절감).
    TravelTime,
    /// Vehicle or user operating-cost savings (차량운행비용 절감).
    OperatingCost,
    /// Accident reduction (교통사고 감소).
    Accident,
    /// Environmental cost reduction (환경비용 절감).
    Environment,
    /// Administrative or user cost savings, typical of ICT projects (업무비용 절감).
    CostSaving,
    /// Productivity gains (생산성 향상).
    Productivity,
    /// Residual value of long-lived assets at the end of the period (잔존가치).
    ResidualValue,
    /// Anything else; say what in the name.
    Other,
}

/// Kinds of revenue line (수입 항목), read like [`CostKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RevenueKind {
    /// Fares (운임수입).
    Fare,
    /// Tolls (통행료).
    Toll,
    /// Fees and charges (수수료).
    Fee,
    /// Anything else.
    Other,
}

/// The code of a line kind, as written in the study file.
pub trait LineKind {
    /// e.g. `capex`, `travel_time`, `fare`.
    fn code(&self) -> &'static str;
}

macro_rules! kinds {
    ($t:ident, $what:literal { $($v:ident => $c:literal, $ko:literal, $en:literal, [$($alias:literal),*]);* $(;)? }) => {
        impl LineKind for $t {
            fn code(&self) -> &'static str {
                match self { $(Self::$v => $c),* }
            }
        }

        impl $t {
            /// Every kind in order.
            pub const ALL: &'static [$t] = &[$(Self::$v),*];
            /// The kinds as a code list with Korean and English names and the Korean aliases read.
            pub const NAMES: &'static [Name<'static>] = &[$(Name::with($c, $ko, $en, &[$($alias),*])),*];

            /// Looks a kind up by code, Korean or English name or alias.
            pub fn from_name(s: &str) -> Option<Self> {
                let code = names::find(Self::NAMES, s)?.code;
                match code { $($c => Some(Self::$v),)* _ => None }
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = names::deserialize(d, $what, Self::NAMES)?;
                Self::from_name(code).ok_or_else(|| serde::de::Error::custom("unknown kind"))
            }
        }
    };
}

kinds!(CostKind, "a cost kind" {
    Capex => "capex", "공사비·구축비", "construction / system build", ["공사비", "구축비", "건설비", "시스템 구축비", "사업비", "construction"];
    Land => "land", "용지보상비", "land and compensation", ["보상비", "용지비", "토지보상비"];
    Reinvestment => "reinvestment", "재투자비", "reinvestment", ["재투자", "장비교체비"];
    Opex => "opex", "운영·유지관리비", "operation and maintenance", ["운영비", "유지관리비", "운영유지비", "유지보수비", "O&M"];
    Other => "other", "기타", "other", ["기타비용"];
});
kinds!(BenefitKind, "a benefit kind" {
    TravelTime => "travel_time", "통행시간 절감", "travel-time savings", ["통행시간 절감편익", "통행시간"];
    OperatingCost => "operating_cost", "차량운행비용 절감", "operating-cost savings", ["운행비용 절감", "차량운행비 절감"];
    Accident => "accident", "교통사고 감소", "accident reduction", ["교통사고비용 절감", "사고비용 절감"];
    Environment => "environment", "환경비용 절감", "environmental cost reduction", ["환경비용"];
    CostSaving => "cost_saving", "업무비용 절감", "administrative cost savings", ["비용 절감", "행정비용 절감"];
    Productivity => "productivity", "생산성 향상", "productivity gains", ["생산성"];
    ResidualValue => "residual_value", "잔존가치", "residual value", [];
    Other => "other", "기타", "other", ["기타편익"];
});
kinds!(RevenueKind, "a revenue kind" {
    Fare => "fare", "운임수입", "fares", ["운임"];
    Toll => "toll", "통행료", "tolls", ["통행료수입"];
    Fee => "fee", "수수료", "fees", ["사용료", "수수료수입"];
    Other => "other", "기타", "other", ["기타수입"];
});

/// The three line lists of a study as a code list (비용, 편익, 수입).
pub const LISTS: [Name<'static>; 3] = [
    Name::with("costs", "비용", "costs", &["cost", "비용항목"]),
    Name::with("benefits", "편익", "benefits", &["benefit", "편익항목"]),
    Name::with("revenues", "수입", "revenues", &["revenue", "수익", "수입항목"]),
];

/// The funding plan (재원조달 계획).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Financing {
    /// State funding (국비), KRW.
    #[schemars(with = "DecimalString")]
    #[serde(with = "money")]
    pub state: Decimal,
    /// Local government funding (지방비), KRW.
    #[schemars(with = "DecimalString")]
    #[serde(default, with = "money")]
    pub local: Decimal,
    /// Private funding (민간투자), KRW.
    #[schemars(with = "DecimalString")]
    #[serde(default, with = "money")]
    pub private: Decimal,
    /// The largest state share of the total cost the plan supports (e.g. the legal subsidy rate
    /// for this kind of project, 국고보조율), as a fraction.
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub max_state_share: Option<Decimal>,
    /// Where the plan and the subsidy rate come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Study {
    /// Parses a study from JSON text. Errors name the field path (`costs[2].flows[0].amount`)
    /// or, for malformed JSON, the line and column. Does not validate; see [`validate`].
    pub fn from_json(text: &str) -> Result<Self, StudyError> {
        parse::from_json(text)
    }

    /// Serialises the study as pretty JSON, money as strings: in the study's unit when it has
    /// one (the `unit` field after `format`), else in won.
    pub fn to_json(&self) -> String {
        // A Study is plain data with string keys; serialisation cannot fail.
        match self.unit {
            Some(u) => {
                let text = serde_json::to_string_pretty(&unit::from_won(self, u)).unwrap_or_default();
                let head = format!("{{\n  \"format\": {},\n", serde_json::Value::String(self.format.clone()));
                match text.strip_prefix(&head) {
                    Some(rest) => format!("{head}  \"unit\": \"{}\",\n{rest}", u.code()),
                    None => text,
                }
            }
            None => serde_json::to_string_pretty(self).unwrap_or_default(),
        }
    }

    /// The analysis period's years, first to last.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.parameters.first_year..=self.parameters.last_year
    }
}
