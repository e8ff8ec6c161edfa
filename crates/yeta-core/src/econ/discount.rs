//! Discounting under a stepped schedule (할인율 체계).
//!
//! Convention (DESIGN.md): flows are in constant prices of the base year and fall at the end of
//! their year; a flow in year y is multiplied by DF(y) = Π_{k=base+1..y} 1/(1+r_k), where r_k is the
//! rate of the last step starting in or before year k. One step gives the closed form
//! 1/(1+r)^(y−base); several give Korea's long-horizon option or the Green Book's declining rates,
//! compounding year by year (DF(31) = DF(30)/1.03).

use crate::rules::RuleSet;
use crate::study::{Study, money};
use rust_decimal::Decimal;
use serde::Serialize;

/// Where the schedule came from, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleOrigin {
    /// The rule set's social discount schedule.
    RuleSet,
    /// The rule set's schedule with its long-horizon rate on.
    RuleSetLongHorizon,
    /// The study's own `parameters.discount`.
    Study,
}

/// One step in calendar years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// First year the rate applies to.
    pub from_year: i32,
    /// The rate, a fraction.
    #[serde(serialize_with = "money::serialize")]
    pub rate: Decimal,
}

/// A discount schedule resolved to calendar years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// The year discounted to (DF = 1).
    pub base_year: i32,
    /// Steps in increasing years; the first covers the year after the base year.
    pub steps: Vec<Step>,
    /// Where it came from.
    pub origin: ScheduleOrigin,
}

impl Schedule {
    /// The schedule a study is appraised with: its own `parameters.discount` if it has one, else
    /// the rule set's (with the long-horizon rate if the rules, as overridden, turn it on).
    pub fn for_study(study: &Study, rules: &RuleSet) -> Self {
        let base = study.parameters.base_year;
        if let Some(steps) = &study.parameters.discount {
            return Self {
                base_year: base,
                steps: steps.iter().map(|s| Step { from_year: s.from_year, rate: s.rate }).collect(),
                origin: ScheduleOrigin::Study,
            };
        }
        let mut steps: Vec<Step> = rules
            .social_discount
            .value
            .iter()
            .map(|s| Step { from_year: base.saturating_add(s.from_t as i32), rate: s.rate })
            .collect();
        let mut origin = ScheduleOrigin::RuleSet;
        if let Some(lh) = rules.long_horizon.as_ref().filter(|lh| lh.value.enabled) {
            let from_year = base.saturating_add(lh.value.after_t as i32 + 1);
            steps.retain(|s| s.from_year < from_year);
            steps.push(Step { from_year, rate: lh.value.rate });
            origin = ScheduleOrigin::RuleSetLongHorizon;
        }
        Self { base_year: base, steps, origin }
    }

    /// A flat schedule at one rate.
    pub fn flat(base_year: i32, rate: Decimal) -> Self {
        Self { base_year, steps: vec![Step { from_year: base_year + 1, rate }], origin: ScheduleOrigin::Study }
    }

    /// The rate that discounts year `year` back to `year − 1`.
    pub fn rate_in(&self, year: i32) -> Decimal {
        self.steps
            .iter()
            .take_while(|s| s.from_year <= year)
            .last()
            .or(self.steps.first())
            .map_or(Decimal::ZERO, |s| s.rate)
    }

    /// The same schedule with every rate moved by `delta` (sensitivity: ±1 percentage point).
    pub fn shifted(&self, delta: Decimal) -> Self {
        let steps = self.steps.iter().map(|s| Step { from_year: s.from_year, rate: s.rate + delta }).collect();
        Self { steps, ..self.clone() }
    }

    /// The same schedule with every rate multiplied by `factor` (critical-variable test: +1 %).
    pub fn scaled(&self, factor: Decimal) -> Self {
        let steps = self.steps.iter().map(|s| Step { from_year: s.from_year, rate: s.rate * factor }).collect();
        Self { steps, ..self.clone() }
    }

    /// Discount factors DF(y) for y in `first..=last`. Years before the base year are sunk
    /// (매몰비용): DF 0, never compounded forward.
    pub fn factors(&self, first: i32, last: i32) -> Vec<Decimal> {
        let mut out = Vec::with_capacity(usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(0));
        // DF(first), walking from the base year.
        let mut df = Decimal::ONE;
        for k in self.base_year + 1..=first {
            df /= Decimal::ONE + self.rate_in(k);
        }
        for y in first..=last {
            if y > first && y > self.base_year {
                df /= Decimal::ONE + self.rate_in(y);
            }
            out.push(if y < self.base_year { Decimal::ZERO } else { df });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    fn f(x: Decimal) -> f64 {
        x.to_string().parse().expect("f64")
    }

    /// Green Book (2022) Annex A6 factors quoted in METHOD.md: DF(30) 0.356278, DF(31) 0.345901,
    /// DF(75) 0.094214, DF(76) 0.091916.
    #[test]
    fn green_book_declining_schedule_matches_published_factors() {
        let gb = RuleSet::builtin("uk-green-book-2022").expect("builtin");
        let steps =
            gb.social_discount.value.iter().map(|s| Step { from_year: s.from_t as i32, rate: s.rate }).collect();
        let s = Schedule { base_year: 0, steps, origin: ScheduleOrigin::RuleSet };
        let df = s.factors(0, 80);
        for (t, want) in [(30, 0.356278), (31, 0.345901), (75, 0.094214), (76, 0.091916)] {
            assert!((f(df[t]) - want).abs() < 5e-7, "DF({t}) = {} want {want}", df[t]);
        }
        // and the year-by-year compounding itself: DF(31) = DF(30) / 1.03
        assert!((f(df[31]) - f(df[30]) / 1.03).abs() < 1e-15);
    }

    #[test]
    fn base_year_flow_is_undiscounted_and_earlier_years_are_sunk() {
        let s = Schedule::flat(2025, d("0.05"));
        let df = s.factors(2024, 2026);
        assert_eq!(df[1], Decimal::ONE);
        // A sunk year is not compounded forward (it was 1.05 before issue 12): it does not count.
        assert_eq!(df[0], Decimal::ZERO);
        assert!((f(df[2]) - 1.0 / 1.05).abs() < 1e-15);
    }

    #[test]
    fn korean_long_horizon_option_changes_rates_after_year_30() {
        let kr = RuleSet::builtin("kr-pfs-2019").expect("builtin");
        let mut lh = kr.clone();
        if let Some(x) = &mut lh.long_horizon {
            x.value.enabled = true;
        }
        let study = Study::from_json(&crate::test_support::minimal_study_json()).expect("parses");
        let plain = Schedule::for_study(&study, &kr);
        let long = Schedule::for_study(&study, &lh);
        assert_eq!(plain.rate_in(2025 + 31), d("0.045"));
        assert_eq!(long.rate_in(2025 + 30), d("0.045"));
        assert_eq!(long.rate_in(2025 + 31), d("0.035"));
        assert_eq!(long.origin, ScheduleOrigin::RuleSetLongHorizon);
    }
}
