//! The expanded line (연도별로 전개된 비용·편익 항목): one typed value for every line a stage counts.
//!
//! A study line, the optimism-bias uplift and the carbon value all become an [`ExpandedLine`] that
//! keeps its [`Origin`] (study list and index, or the stage that made it), its typed [`Kind`], how
//! it varies in the risk analysis ([`Variation`]) and its KRW by year. Every stage after the
//! expansion — economic, financial, risk, environment, report, comparison — reads these values;
//! none pairs lines by position or finds them by display name.

use crate::risk::Uncertainty;
use crate::study::{BenefitKind, CostKind, LineKind, RevenueKind};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// The study's list a line belongs to (비용 / 편익 / 수입).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum List {
    /// Cost lines (비용).
    Costs,
    /// Benefit lines (편익).
    Benefits,
    /// Revenue lines (수입), financial analysis only.
    Revenues,
}

impl List {
    /// The list's name in the study file (`costs`, `benefits`, `revenues`): the root of field paths.
    pub fn code(self) -> &'static str {
        match self {
            List::Costs => "costs",
            List::Benefits => "benefits",
            List::Revenues => "revenues",
        }
    }
}

/// Where an expanded line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Origin {
    /// `list[index]` of the study file.
    Study {
        /// The list.
        list: List,
        /// Index within the list.
        index: usize,
    },
    /// The optimism-bias uplift on capex (Green Book, 낙관편향 보정), made by the economic stage.
    OptimismBias,
    /// The carbon value of the environmental stage (탄소비용), when the study counts it.
    Carbon,
    /// The computed residual value (잔존가치, straight-line), made by the residual stage.
    ResidualValue,
    /// A derived item of the total-cost build-up (예비비, 설계·감리비): `cost_build_up.derived[index]`.
    BuildUp {
        /// Index within `cost_build_up.derived`.
        index: usize,
    },
    /// The value of the emissions the project avoids against its counterfactual (탄소 감축 편익):
    /// a benefit line of the environmental stage.
    CarbonAvoided,
    /// The net energy the project adds, at the long-run variable cost of electricity (에너지 비용).
    Energy,
    /// The net energy the project saves against its counterfactual (에너지 절감 편익).
    EnergySaved,
    /// The economic-price adjustment of a cost class or kind (경제적 가격 조정): (conversion factor
    /// − 1) × its market-price lines, made by the prices stage.
    Conversion(crate::prices::Group),
}

impl Origin {
    /// The field path of the study line, when the line is one.
    pub fn path(self) -> Option<String> {
        match self {
            Origin::Study { list, index } => Some(format!("{}[{index}]", list.code())),
            _ => None,
        }
    }
}

/// The typed kind of an expanded line. Serialised as its stable snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A study cost line's kind.
    Cost(CostKind),
    /// A study benefit line's kind.
    Benefit(BenefitKind),
    /// A study revenue line's kind.
    Revenue(RevenueKind),
    /// The optimism-bias uplift.
    OptimismBias,
    /// The carbon value, a shadow price (잠재가격): economic analysis only.
    CarbonValue,
    /// Energy at its long-run variable cost (장기 가변비용), valued by the environmental stage:
    /// economic analysis only.
    EnergyValue,
    /// The difference between economic and market prices of costs (전환계수 조정): economic
    /// analysis only.
    ConversionAdjustment,
}

impl Kind {
    /// The stable code, e.g. `capex`, `travel_time`, `optimism_bias`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Cost(k) => k.code(),
            Kind::Benefit(k) => k.code(),
            Kind::Revenue(k) => k.code(),
            Kind::OptimismBias => "optimism_bias",
            Kind::CarbonValue => "carbon_value",
            Kind::EnergyValue => "energy_value",
            Kind::ConversionAdjustment => "conversion_adjustment",
        }
    }

    /// Capital spending (공사비·구축비, 용지보상비): what the total cost (총사업비) is made of.
    pub fn is_capital(self) -> bool {
        matches!(self, Kind::Cost(CostKind::Capex | CostKind::Land))
    }

    /// A shadow price that the financial analysis (at market prices) must not count.
    pub fn is_shadow_price(self) -> bool {
        matches!(self, Kind::CarbonValue | Kind::EnergyValue | Kind::ConversionAdjustment)
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// How a line varies in the Monte Carlo analysis (위험분석).
#[derive(Debug, Clone, PartialEq)]
pub enum Variation<'a> {
    /// The study gives the line no uncertainty: the same in every draw.
    Fixed,
    /// The line's own multiplier distribution.
    Own(&'a Uncertainty),
    /// A derived line made of `factor` × other lines of the same list (index into that list):
    /// each part moves with the line it derives from (the optimism bias with its capex).
    Follows(Vec<(usize, Decimal)>),
    /// Derived from inputs the simulation does not vary (the carbon value from energy use):
    /// held at its deterministic value, and the risk result says so.
    HeldFixed,
}

/// One line as every stage after the expansion sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpandedLine<'a> {
    /// Where it comes from.
    pub origin: Origin,
    /// Its name as the study (or the stage that made it) gives it.
    pub name: &'a str,
    /// Its typed kind.
    pub kind: Kind,
    /// How it varies in the risk analysis.
    pub variation: Variation<'a>,
    /// KRW by year of the analysis period (index 0 = first year); years before the base year
    /// hold zero, their amounts are in `sunk`.
    pub amounts: Vec<Decimal>,
    /// Amounts in years before the base year (매몰비용): not counted, reported.
    pub sunk: Decimal,
}

impl ExpandedLine<'_> {
    /// The line's list.
    pub fn list(&self) -> List {
        match (self.origin, self.kind) {
            (Origin::Study { list, .. }, _) => list,
            (Origin::CarbonAvoided | Origin::EnergySaved, _) => List::Benefits,
            (_, Kind::Benefit(_)) => List::Benefits,
            (_, Kind::Revenue(_)) => List::Revenues,
            _ => List::Costs,
        }
    }
}
