//! Diagnostics (진단): what the engine tells its reader, as data — a [`Code`], the field path it
//! concerns and typed arguments. The engine builds no sentence: the shells (CLI, report, app)
//! render each code from the message catalog (`locales/ko.ftl`, `locales/en.ftl`) in the reader's
//! language, with money in the reader's unit.

use crate::study::money;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::SerializeMap;

/// Every diagnostic the engine can give. Serialised as a stable snake_case code; the catalog
/// has a message for each, in Korean and English (checked by a test in `yeta-i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    // Appraisal warnings.
    /// The project is below the rule set's PFS scale thresholds.
    BelowPfsThreshold,
    /// The sector is no longer subject to the PFS under the rule set.
    PfsExemptSector,
    /// The net flow has no single IRR.
    IrrNotUnique,
    /// No cost lines: B/C undefined.
    NoCosts,
    /// No benefit lines.
    NoBenefits,
    /// Capex and land lines differ from `project.total_cost` by more than 10 %.
    TotalCostMismatch,
    /// Flows before the base year were left out as sunk costs.
    SunkCostsExcluded,
    /// A flow grows by 20 % a year or more: often a percentage typed as a fraction.
    HighGrowth,
    /// An evaluator's CR is above the cut-off.
    AhpInconsistent,
    /// An evaluator's top-level weights fall outside the rule set's range.
    AhpWeightOutsideRange,
    /// The verdict changes within the allowed weights.
    AhpVerdictNotRobust,
    /// The score lies in the rule set's grey zone.
    AhpGreyZone,
    // IRR search.
    /// One IRR.
    IrrUnique,
    /// The net flow never changes sign.
    IrrNoSignChange,
    /// The net flow changes sign but no root was found in the searched range.
    IrrNoRoot,
    /// Several IRRs.
    IrrMultiple,
    // Financing risk.
    /// State share above what the plan supports.
    StateShareAbovePlan,
    /// No funding plan and part of the cost without a source.
    NoFundingPlan,
    /// The funding plan leaves part of the cost unfunded.
    FundingGap,
    /// The funding plan exceeds the total cost.
    FundingExceedsCost,
    /// `financing.state` differs from `project.state_funding`.
    StateFundingMismatch,
    /// Private funding without revenues to repay it.
    PrivateWithoutRevenue,
    /// Private funding while FNPV is negative.
    PrivateFnpvNegative,
    // AHP notes and hints.
    /// A judgement to reconsider in an inconsistent matrix.
    AhpRepairHint,
    /// Blank judgements completed by Harker's method.
    AhpBlanksCompleted,
    /// The rule set has no AHP stage: Saaty's defaults are used.
    AhpDefaultRules,
    /// The weight ranges could not be applied.
    AhpRangesNotApplied,
    /// The ranges admit no weighting that sums to 1.
    AhpRangesInfeasible,
    /// Matrices larger than the RI table: the RI of its last entry is used.
    AhpRiExtrapolated,
    // Regional notes.
    /// Since 2019 the backwardness index only adds a bonus.
    RegionalBonusOnly,
    /// Capital-region project: no balanced-development criterion.
    RegionalCapitalNoCriterion,
    /// Capital-region province, but the 시·군·구 is appraised as non-capital.
    RegionalCapitalExempt,
    // Plausibility of the input (thresholds in the rule set's `plausibility`).
    /// A growth or discount rate that is more likely a percentage typed as a number.
    RateAsPercent,
    /// Benefits start before the last year of construction in a sector without phased roll-outs.
    BenefitsBeforeCapexEnd,
    /// A reinvestment in the last year of the period and no residual value line.
    ReinvestmentWithoutResidual,
    /// Capex and land lines over the total cost far outside the plausible range.
    CapexFarFromTotal,
    /// A line's amount jumps by more than the factor from one year to the next.
    AmountJump,
    // Ex-post evaluation.
    /// Total cost growth at or above the rule set's re-study threshold (타당성 재조사).
    RestudyCostGrowth,
    // Total-cost build-up (issue 16).
    /// `project.total_cost` differs from the total the build-up derives.
    BuildUpTotalMismatch,
    // Cost-effectiveness (issue 16).
    /// The AHP rests on E/C (`ahp.economic_analysis: ec`) but the study has no `cost_effectiveness`.
    EcWithoutMeasures,
    // Region tables and the 시·군·구 analysis (issue 22).
    /// The file does not start with `#yeta-table,KIND,VERSION`.
    DataNotATable,
    /// The file is a table of another kind.
    DataWrongKind,
    /// `#status` is neither `illustrative` nor `cited`.
    DataBadStatus,
    /// A table marked `cited` without a `#citation` line.
    DataNoCitation,
    /// A required column is missing.
    DataMissingColumn,
    /// A data column's source attribute (table, publisher, vintage, unit) is empty.
    DataMissingSource,
    /// A column's declared unit is not the one the method expects.
    DataUnitMismatch,
    /// Not a KOSTAT 시·군·구 code.
    DataBadSigunguCode,
    /// Not an ISO 3166-2:KR 시·도 code.
    DataBadRegionCode,
    /// Not a cost class (비목) or `unclassified_…` key.
    DataBadCostClass,
    /// A key appears twice.
    DataDuplicateKey,
    /// A data cell is empty or marked missing.
    DataMissingValue,
    /// A data cell is not a number.
    DataNotANumber,
    /// The table has no rows.
    DataNoRows,
    /// A cost class's shares do not sum to 1.
    DataSharesNotOne,
    /// Coverage of a 시·군·구 table (수록 범위).
    DataCoverage,
    /// The table's values are illustrative.
    DataIllustrative,
    /// The table's values are cited.
    DataCited,
    /// The project's 시·군·구 is not in the 시·군·구 table: the 시·도 index is used.
    RegionalSigunguNotInTable,
    /// The index standardises over the table's 시·군·구 only.
    RegionalSigunguPartialTable,
    /// The guideline's factor weights are not public: Yeta's equal weights are used.
    RegionalEqualWeights,
    /// A table of the regional stage is illustrative.
    RegionalIllustrativeData,
    /// No two-region table for the province: national multipliers are used.
    RegionalNoTwoRegionTable,
    /// The cost map or the table lacks a class or sector the spending uses.
    RegionalIoMapGap,
    /// The regional effects left the range of exact arithmetic.
    RegionalIoOverflow,
    /// A region table passed in was refused.
    RegionalTableRefused,
}

impl Code {
    /// The stable code as text (the catalog's message id uses it with `-` for `_`).
    pub fn as_str(self) -> &'static str {
        ALL.iter().position(|c| *c == self).map_or("unknown", |i| CODES[i])
    }
}

/// Every code, in declaration order (for the catalog's completeness test).
pub const ALL: [Code; 66] = [
    Code::BelowPfsThreshold,
    Code::PfsExemptSector,
    Code::IrrNotUnique,
    Code::NoCosts,
    Code::NoBenefits,
    Code::TotalCostMismatch,
    Code::SunkCostsExcluded,
    Code::HighGrowth,
    Code::AhpInconsistent,
    Code::AhpWeightOutsideRange,
    Code::AhpVerdictNotRobust,
    Code::AhpGreyZone,
    Code::IrrUnique,
    Code::IrrNoSignChange,
    Code::IrrNoRoot,
    Code::IrrMultiple,
    Code::StateShareAbovePlan,
    Code::NoFundingPlan,
    Code::FundingGap,
    Code::FundingExceedsCost,
    Code::StateFundingMismatch,
    Code::PrivateWithoutRevenue,
    Code::PrivateFnpvNegative,
    Code::AhpRepairHint,
    Code::AhpBlanksCompleted,
    Code::AhpDefaultRules,
    Code::AhpRangesNotApplied,
    Code::AhpRangesInfeasible,
    Code::AhpRiExtrapolated,
    Code::RegionalBonusOnly,
    Code::RegionalCapitalNoCriterion,
    Code::RegionalCapitalExempt,
    Code::RateAsPercent,
    Code::BenefitsBeforeCapexEnd,
    Code::ReinvestmentWithoutResidual,
    Code::CapexFarFromTotal,
    Code::AmountJump,
    Code::RestudyCostGrowth,
    Code::BuildUpTotalMismatch,
    Code::EcWithoutMeasures,
    Code::DataNotATable,
    Code::DataWrongKind,
    Code::DataBadStatus,
    Code::DataNoCitation,
    Code::DataMissingColumn,
    Code::DataMissingSource,
    Code::DataUnitMismatch,
    Code::DataBadSigunguCode,
    Code::DataBadRegionCode,
    Code::DataBadCostClass,
    Code::DataDuplicateKey,
    Code::DataMissingValue,
    Code::DataNotANumber,
    Code::DataNoRows,
    Code::DataSharesNotOne,
    Code::DataCoverage,
    Code::DataIllustrative,
    Code::DataCited,
    Code::RegionalSigunguNotInTable,
    Code::RegionalSigunguPartialTable,
    Code::RegionalEqualWeights,
    Code::RegionalIllustrativeData,
    Code::RegionalNoTwoRegionTable,
    Code::RegionalIoMapGap,
    Code::RegionalIoOverflow,
    Code::RegionalTableRefused,
];

const CODES: [&str; 66] = [
    "below_pfs_threshold",
    "pfs_exempt_sector",
    "irr_not_unique",
    "no_costs",
    "no_benefits",
    "total_cost_mismatch",
    "sunk_costs_excluded",
    "high_growth",
    "ahp_inconsistent",
    "ahp_weight_outside_range",
    "ahp_verdict_not_robust",
    "ahp_grey_zone",
    "irr_unique",
    "irr_no_sign_change",
    "irr_no_root",
    "irr_multiple",
    "state_share_above_plan",
    "no_funding_plan",
    "funding_gap",
    "funding_exceeds_cost",
    "state_funding_mismatch",
    "private_without_revenue",
    "private_fnpv_negative",
    "ahp_repair_hint",
    "ahp_blanks_completed",
    "ahp_default_rules",
    "ahp_ranges_not_applied",
    "ahp_ranges_infeasible",
    "ahp_ri_extrapolated",
    "regional_bonus_only",
    "regional_capital_no_criterion",
    "regional_capital_exempt",
    "rate_as_percent",
    "benefits_before_capex_end",
    "reinvestment_without_residual",
    "capex_far_from_total",
    "amount_jump",
    "restudy_cost_growth",
    "build_up_total_mismatch",
    "ec_without_measures",
    "data_not_a_table",
    "data_wrong_kind",
    "data_bad_status",
    "data_no_citation",
    "data_missing_column",
    "data_missing_source",
    "data_unit_mismatch",
    "data_bad_sigungu_code",
    "data_bad_region_code",
    "data_bad_cost_class",
    "data_duplicate_key",
    "data_missing_value",
    "data_not_a_number",
    "data_no_rows",
    "data_shares_not_one",
    "data_coverage",
    "data_illustrative",
    "data_cited",
    "regional_sigungu_not_in_table",
    "regional_sigungu_partial_table",
    "regional_equal_weights",
    "regional_illustrative_data",
    "regional_no_two_region_table",
    "regional_io_map_gap",
    "regional_io_overflow",
    "regional_table_refused",
];

/// A typed argument of a diagnostic: the renderer formats each kind in the reader's notation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Arg {
    /// KRW (억원 in Korean, KRW bn in English).
    Money(#[serde(serialize_with = "money::serialize_out")] Decimal),
    /// A ratio such as B/C or an AHP score (three decimals).
    Ratio(f64),
    /// A fraction shown as a percentage (0.12 → 12.0 %).
    Percent(f64),
    /// A count or a year.
    Integer(i64),
    /// Free text from the study (a name) — shown as it is.
    Text(String),
    /// A code the catalog names (a sector, a criterion id): `kind` says which list.
    Code {
        /// The code list, e.g. `sector`, `criterion`, `list`.
        kind: &'static str,
        /// The code.
        code: String,
    },
    /// Several codes of one list.
    Codes {
        /// The code list.
        kind: &'static str,
        /// The codes.
        codes: Vec<String>,
    },
}

/// One diagnostic: code, field path (empty for the whole study) and named arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// What it is.
    pub code: Code,
    /// The field it concerns, e.g. `project.total_cost`, `ahp.evaluators[2]`.
    pub path: String,
    /// Named arguments in a fixed order.
    pub args: Vec<(&'static str, Arg)>,
}

impl Diagnostic {
    /// A diagnostic without arguments.
    pub fn new(code: Code, path: impl Into<String>) -> Self {
        Self { code, path: path.into(), args: Vec::new() }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }

    /// Adds a money argument.
    pub fn money(self, name: &'static str, x: Decimal) -> Self {
        self.arg(name, Arg::Money(x))
    }

    /// Adds a ratio argument.
    pub fn ratio(self, name: &'static str, x: f64) -> Self {
        self.arg(name, Arg::Ratio(x))
    }

    /// Adds a percentage argument (a fraction).
    pub fn percent(self, name: &'static str, x: f64) -> Self {
        self.arg(name, Arg::Percent(x))
    }

    /// Adds an integer argument.
    pub fn int(self, name: &'static str, x: i64) -> Self {
        self.arg(name, Arg::Integer(x))
    }

    /// Adds a text argument.
    pub fn text(self, name: &'static str, x: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(x.into()))
    }

    /// Adds a code argument.
    pub fn code(self, name: &'static str, kind: &'static str, code: impl Into<String>) -> Self {
        self.arg(name, Arg::Code { kind, code: code.into() })
    }

    /// The argument called `name`.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Args<'a>(&'a [(&'static str, Arg)]);
        impl Serialize for Args<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("path", &self.path)?;
        m.serialize_entry("args", &Args(&self.args))?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_text_in_order() {
        for (c, s) in ALL.iter().zip(CODES) {
            assert_eq!(c.as_str(), s);
            assert_eq!(serde_json::to_value(c).ok(), Some(serde_json::Value::String(s.to_owned())));
        }
    }
}
