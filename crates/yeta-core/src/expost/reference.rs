//! The reference class (참조 사업군; Flyvbjerg's reference-class forecasting, the Green Book's
//! optimism bias): from completed projects, the distribution of cost overrun and demand shortfall
//! by sector, P50 and P80, with the number of projects behind each figure.
//!
//! Percentiles by linear interpolation between order statistics (numpy's default `linear`
//! method, Hyndman & Fan type 7): for n sorted values x₀…xₙ₋₁ and p in [0, 1], h = (n − 1)·p,
//! P = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋), computed exactly in [`Decimal`].

use super::ExPost;
use crate::study::{Sector, money};
use rust_decimal::Decimal;
use serde::Serialize;

/// One completed project's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Sector.
    pub sector: Sector,
    /// Total cost growth over the ex-ante total cost (사업비 증가율), a fraction.
    #[serde(serialize_with = "money::serialize_out")]
    pub cost_overrun: Decimal,
    /// 1 − the realised share of forecast demand to date (수요 미달률): the benefit lines' quantity
    /// ratios weighted by their forecast PV; absent without actual benefits.
    #[serde(serialize_with = "money::option::serialize")]
    pub demand_shortfall: Option<Decimal>,
}

impl Outcome {
    /// The outcome of an ex-post evaluation.
    pub fn of(sector: Sector, x: &ExPost) -> Option<Self> {
        let ante = x.ex_ante.total_cost;
        if ante <= Decimal::ZERO {
            return None;
        }
        let cost_overrun = x.ex_post.total_cost.checked_sub(ante)?.checked_div(ante)?;
        let lines: Vec<_> = x.realisation.iter().filter(|r| r.has_actuals && !r.forecast_to_date.is_zero()).collect();
        let weight: Decimal = lines.iter().map(|r| r.forecast_pv).sum();
        let demand_shortfall = if lines.is_empty() || weight.is_zero() {
            None
        } else {
            let mut realised = Decimal::ZERO;
            for r in &lines {
                let ratio = r.actual_to_date.checked_div(r.forecast_to_date)?;
                realised = realised.checked_add(ratio.checked_mul(r.forecast_pv.checked_div(weight)?)?)?;
            }
            Some(Decimal::ONE - realised)
        };
        Some(Self { sector, cost_overrun, demand_shortfall })
    }
}

/// A percentile of `values` by linear interpolation (numpy's default); `None` when empty.
pub fn percentile(values: &[Decimal], p: Decimal) -> Option<Decimal> {
    let mut x = values.to_vec();
    x.sort();
    let n = x.len();
    if n == 0 || p < Decimal::ZERO || p > Decimal::ONE {
        return None;
    }
    let h = Decimal::from(n - 1).checked_mul(p)?;
    let lo = h.floor();
    let i = usize::try_from(i64::try_from(lo).ok()?).ok()?;
    let frac = h - lo;
    match x.get(i + 1) {
        Some(next) => x[i].checked_add(frac.checked_mul(next.checked_sub(x[i])?)?),
        None => Some(x[i]),
    }
}

/// P50 and P80 of one measure, with the number of projects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// Projects behind the figures.
    pub count: usize,
    /// Median.
    #[serde(serialize_with = "money::option::serialize")]
    pub p50: Option<Decimal>,
    /// 80th percentile.
    #[serde(serialize_with = "money::option::serialize")]
    pub p80: Option<Decimal>,
}

fn spread(v: &[Decimal]) -> Spread {
    Spread { count: v.len(), p50: percentile(v, Decimal::new(5, 1)), p80: percentile(v, Decimal::new(8, 1)) }
}

/// One sector of the reference class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorClass {
    /// Sector.
    pub sector: Sector,
    /// Cost overrun.
    pub cost_overrun: Spread,
    /// Demand shortfall.
    pub demand_shortfall: Spread,
}

/// The reference class by sector, in the order sectors first appear.
pub fn by_sector(outcomes: &[Outcome]) -> Vec<SectorClass> {
    let mut sectors: Vec<Sector> = Vec::new();
    for o in outcomes {
        if !sectors.contains(&o.sector) {
            sectors.push(o.sector);
        }
    }
    sectors
        .into_iter()
        .map(|s| {
            let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.sector == s).collect();
            let cost: Vec<Decimal> = of.iter().map(|o| o.cost_overrun).collect();
            let demand: Vec<Decimal> = of.iter().filter_map(|o| o.demand_shortfall).collect();
            SectorClass { sector: s, cost_overrun: spread(&cost), demand_shortfall: spread(&demand) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    #[test]
    fn percentiles_by_hand_as_numpy_linear() {
        // Sorted 0, 0.1, 0.2, 0.3, 0.5 (n = 5). P50: h = 4 × 0.5 = 2 → 0.2.
        // P80: h = 3.2 → 0.3 + 0.2 × (0.5 − 0.3) = 0.34 (numpy.percentile(.., 80) = 0.34).
        let v = [d("0.1"), d("0.3"), d("0.2"), d("0.5"), d("0")];
        assert_eq!(percentile(&v, d("0.5")), Some(d("0.2")));
        assert_eq!(percentile(&v, d("0.8")), Some(d("0.34")));
        // Four values 1, 2, 3, 4: P50 h = 1.5 → 2.5; P80 h = 2.4 → 3.4.
        let w = [d("4"), d("1"), d("3"), d("2")];
        assert_eq!(percentile(&w, d("0.5")), Some(d("2.5")));
        assert_eq!(percentile(&w, d("0.8")), Some(d("3.4")));
        assert_eq!(percentile(&[d("0.7")], d("0.8")), Some(d("0.7")));
        assert_eq!(percentile(&[], d("0.5")), None);
    }

    #[test]
    fn by_sector_counts_each_figure() {
        let o = |s, c: &str, m: Option<&str>| Outcome { sector: s, cost_overrun: d(c), demand_shortfall: m.map(d) };
        let list = [
            o(Sector::Ict, "0.1", Some("0.6")),
            o(Sector::Road, "0.25", None),
            o(Sector::Ict, "0.3", Some("0.5")),
            o(Sector::Ict, "0.2", None),
        ];
        let r = by_sector(&list);
        assert_eq!(r[0].sector, Sector::Ict);
        // ICT cost 0.1, 0.2, 0.3: P50 0.2, P80 h = 1.6 → 0.2 + 0.6 × 0.1 = 0.26; demand 0.5, 0.6:
        // P50 0.55, P80 h = 0.8 → 0.5 + 0.8 × 0.1 = 0.58, from 2 projects.
        assert_eq!(
            (r[0].cost_overrun.count, r[0].cost_overrun.p50, r[0].cost_overrun.p80),
            (3, Some(d("0.2")), Some(d("0.26")))
        );
        assert_eq!(
            (r[0].demand_shortfall.count, r[0].demand_shortfall.p50, r[0].demand_shortfall.p80),
            (2, Some(d("0.55")), Some(d("0.58")))
        );
        assert_eq!((r[1].sector, r[1].cost_overrun.count, r[1].demand_shortfall.count), (Sector::Road, 1, 0));
    }
}
