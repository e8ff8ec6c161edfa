//! Expansion of a line's flows into one money amount per year of the analysis period.

use super::{Flow, Line};
use rust_decimal::Decimal;
use thiserror::Error;

/// The largest yearly amount of one line Yeta accepts, KRW 10^20 (a hundred quintillion won,
/// some thousand times Korea's GDP): far above any real project, and low enough that sums over
/// thousands of lines and centuries cannot overflow a [`Decimal`].
pub const MAX_YEARLY_AMOUNT: Decimal = Decimal::from_parts(0x6310_0000, 0x6BC7_5E2D, 5, false, 0); // 10^20

/// A line expanded to money by year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyLine {
    /// The line's name.
    pub name: String,
    /// KRW in each year of the analysis period, index 0 = first year.
    pub amounts: Vec<Decimal>,
}

/// A flow that cannot be expanded (validation reports these with their full path).
#[derive(Debug, Clone, PartialEq, Error)]
#[error("flows[{flow}]: {message}")]
pub struct FlowError {
    /// Index of the flow within the line.
    pub flow: usize,
    /// What is wrong.
    pub message: String,
}

/// Expands a line into KRW by year over `first..=last`: ranged flows grow geometrically from their
/// first year, flows of quantities are multiplied by the line's unit value, and flows in the same
/// year add up.
pub fn expand<K>(line: &Line<K>, first: i32, last: i32) -> Result<Vec<Decimal>, FlowError> {
    let n = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(0);
    let mut amounts = vec![Decimal::ZERO; n];
    let unit = line.unit_value.as_ref().map_or(Decimal::ONE, |u| u.value);
    if let Some(model) = &line.demand {
        // A demand model's quantities (수요 추정) in place of flows.
        let err = |message: String| FlowError { flow: 0, message };
        for (slot, q) in amounts.iter_mut().zip(model.quantities(first, last).map_err(err)?) {
            *slot = q.checked_mul(unit).filter(|m| m.abs() <= MAX_YEARLY_AMOUNT).ok_or_else(|| {
                err("a demand model's amount exceeds KRW 10^20; check the quantities and the unit value".to_owned())
            })?;
        }
    }
    for (i, flow) in line.flows.iter().enumerate() {
        let err = |message: String| FlowError { flow: i, message };
        let (from, to) = span(flow).map_err(err)?;
        if from < first || to > last {
            return Err(err(format!("years {from}..{to} fall outside the analysis period {first}..{last}")));
        }
        let factor = Decimal::ONE + flow.growth.unwrap_or(Decimal::ZERO);
        let mut quantity = flow.amount;
        for year in from..=to {
            let money = quantity.checked_mul(unit).filter(|m| m.abs() <= MAX_YEARLY_AMOUNT).ok_or_else(|| {
                err(format!("the amount in {year} exceeds KRW 10^20; check the amount, unit value and growth"))
            })?;
            let slot = &mut amounts[(year - first) as usize];
            *slot = slot
                .checked_add(money)
                .ok_or_else(|| err(format!("the amounts in {year} add up beyond the representable range")))?;
            if year < to {
                quantity = quantity
                    .checked_mul(factor)
                    .ok_or_else(|| err(format!("growth makes the amount in {} overflow", year + 1)))?;
            }
        }
    }
    Ok(amounts)
}

/// The inclusive year span of a flow, or why it has none.
pub(crate) fn span(flow: &Flow) -> Result<(i32, i32), String> {
    match (flow.year, flow.from, flow.to) {
        (Some(y), None, None) => {
            if flow.growth.is_some() {
                Err("`growth` applies only to a ranged flow (`from`/`to`), not to a single `year`".to_owned())
            } else {
                Ok((y, y))
            }
        }
        (None, Some(f), Some(t)) if t >= f => Ok((f, t)),
        (None, Some(f), Some(t)) => Err(format!("`to` {t} is before `from` {f}")),
        (Some(_), _, _) => Err("give either `year` or `from` and `to`, not both".to_owned()),
        (None, Some(_), None) => Err("a ranged flow needs `to` as well as `from`".to_owned()),
        (None, None, Some(_)) => Err("a ranged flow needs `from` as well as `to`".to_owned()),
        (None, None, None) => Err("missing field `year` (or `from` and `to`)".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{CostKind, UnitValue};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn flow(year: Option<i32>, from: Option<i32>, to: Option<i32>, amount: &str, growth: Option<&str>) -> Flow {
        Flow { year, from, to, amount: d(amount), growth: growth.map(d) }
    }

    fn line(flows: Vec<Flow>, unit: Option<&str>) -> Line<CostKind> {
        Line {
            name: "x".into(),
            kind: CostKind::Opex,
            source: None,
            quantity_unit: None,
            unit_value: unit.map(|u| UnitValue { value: d(u), unit: "KRW/h".into(), source: "test".into() }),
            flows,
            demand: None,
            uncertainty: None,
        }
    }

    #[test]
    fn max_amount_is_ten_to_the_twentieth() {
        assert_eq!(MAX_YEARLY_AMOUNT, d("100000000000000000000"));
    }

    #[test]
    fn ranged_flow_grows_and_same_year_flows_add() {
        // 100 in 2026 growing 10 %: 100, 110, 121; plus a single 5 in 2027.
        let l = line(
            vec![flow(None, Some(2026), Some(2028), "100", Some("0.1")), flow(Some(2027), None, None, "5", None)],
            None,
        );
        assert_eq!(expand(&l, 2025, 2029).expect("expands"), vec![d("0"), d("100"), d("115"), d("121"), d("0")]);
    }

    #[test]
    fn quantities_times_unit_value() {
        let l = line(vec![flow(None, Some(2026), Some(2027), "1000", None)], Some("15000"));
        assert_eq!(expand(&l, 2026, 2027).expect("expands"), vec![d("15000000"), d("15000000")]);
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let l = line(vec![flow(None, Some(2000), Some(2400), "1000000000", Some("1"))], None);
        let e = expand(&l, 2000, 2400).expect_err("overflows");
        assert!(e.to_string().contains("flows[0]"), "{e}");
    }
}
