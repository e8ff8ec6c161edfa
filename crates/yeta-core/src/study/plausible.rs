//! Plausibility warnings (입력값 점검): values a study may hold but that are usually a mistake —
//! a percentage typed as a fraction, benefits before the construction ends, a reinvestment in the
//! last year with no residual value, a total cost far from its capex lines, a line that jumps
//! tenfold in a year. Diagnostics with the thresholds of the rule set's `plausibility` section;
//! said, never refused. A study that does not validate gets none (its lines may not expand).

use super::{Flow, Line, Study, flows};
use crate::diag::{Code, Diagnostic};
use crate::econ::to_f64;
use crate::rules::{Plausibility, RuleSet};
use crate::study::{BenefitKind, CostKind, LineKind};
use rust_decimal::Decimal;

/// The plausibility warnings of a valid study under `rules`.
pub fn warnings(study: &Study, rules: &RuleSet) -> Vec<Diagnostic> {
    let p = rules.plausibility();
    let mut w = Vec::new();
    rates(study, &p, &mut w);
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    fn expand<K>(ls: &[Line<K>], first: i32, last: i32) -> Vec<Option<Vec<Decimal>>> {
        ls.iter().map(|l| flows::expand(l, first, last).ok()).collect()
    }
    let costs = expand(&study.costs, first, last);
    let benefits = expand(&study.benefits, first, last);
    let revenues = expand(&study.revenues, first, last);
    let year = |i: usize| first + i as i32;
    let nonzero =
        |a: &[Decimal]| a.iter().enumerate().filter(|(_, x)| !x.is_zero()).map(|(i, _)| i).collect::<Vec<_>>();

    // Benefits before the last year of construction.
    if !p.benefits_during_capex.contains(&study.project.sector) {
        let capex_end = study
            .costs
            .iter()
            .zip(&costs)
            .filter(|(l, _)| l.kind == CostKind::Capex)
            .filter_map(|(_, a)| a.as_deref().and_then(|a| nonzero(a).last().copied()))
            .max();
        let benefit_start = study
            .benefits
            .iter()
            .zip(&benefits)
            .filter(|(l, _)| l.kind != BenefitKind::ResidualValue)
            .filter_map(|(_, a)| a.as_deref().and_then(|a| nonzero(a).first().copied()))
            .min();
        if let (Some(end), Some(start)) = (capex_end, benefit_start)
            && start < end
        {
            w.push(
                Diagnostic::new(Code::BenefitsBeforeCapexEnd, "benefits")
                    .int("first_benefit", i64::from(year(start)))
                    .int("last_capex", i64::from(year(end)))
                    .code("sector", "sector", study.project.sector.code()),
            );
        }
    }

    // A reinvestment in the last year of the period, with no residual value to set against it.
    let has_residual =
        study.residual_value.is_some() || study.benefits.iter().any(|l| l.kind == BenefitKind::ResidualValue);
    if !has_residual {
        for (i, (l, a)) in study.costs.iter().zip(&costs).enumerate() {
            if l.kind == CostKind::Reinvestment && a.as_ref().and_then(|a| a.last()).is_some_and(|x| !x.is_zero()) {
                w.push(
                    Diagnostic::new(Code::ReinvestmentWithoutResidual, format!("costs[{i}]"))
                        .text("line", l.name.clone())
                        .int("year", i64::from(last)),
                );
            }
        }
    }

    // Total cost against the capex and land lines (every year, sunk ones included).
    let capital: Decimal = study
        .costs
        .iter()
        .zip(&costs)
        .filter(|(l, _)| matches!(l.kind, CostKind::Capex | CostKind::Land))
        .filter_map(|(_, a)| a.as_ref())
        .flatten()
        .fold(Decimal::ZERO, |s, x| s.checked_add(*x).unwrap_or(s));
    let total = study.project.total_cost;
    if !capital.is_zero() && total > Decimal::ZERO {
        let ratio = capital.checked_div(total).unwrap_or(Decimal::ZERO);
        let [lo, hi] = p.total_cost_ratio.map(|x| x.0);
        if ratio < lo || ratio > hi {
            w.push(
                Diagnostic::new(Code::CapexFarFromTotal, "project.total_cost")
                    .money("capital", capital)
                    .money("total", total)
                    .ratio("ratio", to_f64(ratio))
                    .ratio("low", to_f64(lo))
                    .ratio("high", to_f64(hi)),
            );
        } else if ((capital - total) / total).abs() > p.total_cost_gap {
            w.push(
                Diagnostic::new(Code::TotalCostMismatch, "project.total_cost")
                    .money("capital", capital)
                    .money("total", total)
                    .percent("gap", to_f64((capital - total) / total)),
            );
        }
    }

    // A line jumping by more than the factor from one year to the next.
    type Named<'a> = Vec<(&'a String, &'a Option<Vec<Decimal>>)>;
    let lists: [(&str, Named<'_>); 3] = [
        ("costs", study.costs.iter().map(|l| &l.name).zip(&costs).collect()),
        ("benefits", study.benefits.iter().map(|l| &l.name).zip(&benefits).collect()),
        ("revenues", study.revenues.iter().map(|l| &l.name).zip(&revenues).collect()),
    ];
    for (list, lines) in lists {
        for (i, (name, a)) in lines.into_iter().enumerate() {
            let Some(a) = a else { continue };
            let jump = a.windows(2).enumerate().find_map(|(t, x)| {
                let f = (!x[0].is_zero()).then(|| x[1].checked_div(x[0])).flatten()?;
                (f > p.jump_factor).then_some((t, f))
            });
            if let Some((t, f)) = jump {
                w.push(
                    Diagnostic::new(Code::AmountJump, format!("{list}[{i}]"))
                        .text("line", name.clone())
                        .int("from_year", i64::from(year(t)))
                        .int("to_year", i64::from(year(t + 1)))
                        .money("before", a[t])
                        .money("after", a[t + 1])
                        .ratio("factor", to_f64(f))
                        .ratio("max", to_f64(p.jump_factor)),
                );
            }
        }
    }
    w
}

/// Growth and discount rates that look like percentages, and growth above the high mark.
fn rates(study: &Study, p: &Plausibility, w: &mut Vec<Diagnostic>) {
    fn lines<K: LineKind>(list: &str, ls: &[Line<K>], p: &Plausibility, w: &mut Vec<Diagnostic>) {
        for (i, l) in ls.iter().enumerate() {
            for (j, f) in l.flows.iter().enumerate() {
                growth(&format!("{list}[{i}].flows[{j}].growth"), &l.name, f, p, w);
            }
        }
    }
    lines("costs", &study.costs, p, w);
    lines("benefits", &study.benefits, p, w);
    lines("revenues", &study.revenues, p, w);
    if let Some(steps) = &study.parameters.discount {
        for (i, s) in steps.iter().enumerate() {
            if s.rate >= p.discount_as_percent && s.rate < Decimal::ONE {
                let at = format!("parameters.discount[{i}].rate");
                w.push(as_percent(at.clone(), "discount", s.rate).text("line", at));
            }
        }
    }
    if let Some(o) = &study.rules.overrides.financial_discount_rate
        && o.value >= p.discount_as_percent
        && o.value < Decimal::ONE
    {
        let at = "rules.overrides.financial_discount_rate.value";
        w.push(as_percent(at.into(), "discount", o.value).text("line", at));
    }
}

fn growth(at: &str, name: &str, f: &Flow, p: &Plausibility, w: &mut Vec<Diagnostic>) {
    let Some(g) = f.growth else { return };
    if g >= p.growth_as_percent {
        w.push(as_percent(at.to_owned(), "growth", g).text("line", name));
    } else if g >= p.high_growth {
        w.push(
            Diagnostic::new(Code::HighGrowth, at)
                .text("line", name)
                .percent("growth", to_f64(g))
                .text("value", g.normalize().to_string()),
        );
    }
}

/// `value` read as a fraction is `percent` a year; as a percentage it would be `suggest`. `what`
/// is `growth` or `discount` (catalog list `rate`).
fn as_percent(path: String, what: &str, value: Decimal) -> Diagnostic {
    Diagnostic::new(Code::RateAsPercent, path)
        .code("what", "rate", what)
        .text("value", value.normalize().to_string())
        .percent("percent", to_f64(value))
        .text("suggest", (value / Decimal::ONE_HUNDRED).normalize().to_string())
}
