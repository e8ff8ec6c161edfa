//! Monte Carlo risk analysis (위험분석): how likely is B/C ≥ 1?
//!
//! Each cost, benefit or revenue line may carry a multiplier distribution (`uncertainty`), and
//! the discount schedule one too (a multiplier on every rate). Lines in the same `group` share
//! one uniform draw and so move together. Because PV is linear in a line's multiplier, a draw
//! costs O(lines) when the rate is fixed; with an uncertain rate the discount factors are
//! recomputed for each draw, exactly.
//!
//! Reproducible: draws are cut into chunks of [`CHUNK`], chunk k drawn from its own stream of the
//! seed, so the same seed gives the same numbers whatever the thread count. The engine starts no
//! threads of its own: the caller says how many it may use.

pub mod dist;

use crate::appraisal::Context;
use crate::econ::{self, ExpandedLine, List, Origin, Variation, to_f64};
use crate::study::{DecimalString, Study, ValidationError, money};
use dist::{Dist, Rng};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Draws per chunk (and per random stream).
pub const CHUNK: usize = 1024;
/// Most draws one run accepts.
pub const MAX_DRAWS: usize = 10_000_000;
/// Largest multiplier parameter (min, mode, max, mean, sd) a distribution may have: 100 × the
/// estimate is far beyond any reference-class range, and keeps every simulated amount finite.
pub const MAX_MULTIPLIER: Decimal = Decimal::ONE_HUNDRED;

/// The family of a multiplier distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Triangular: `min`, `mode`, `max`.
    Triangular,
    /// PERT (Beta): `min`, `mode`, `max`.
    Pert,
    /// Uniform: `min`, `max`.
    Uniform,
    /// Normal truncated at 0: `mean`, `sd`.
    Normal,
}

/// Uncertainty of a whole line (or of every discount rate) as a multiplier distribution, e.g.
/// `{"dist": "triangular", "min": "0.9", "mode": "1.0", "max": "1.3"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Distribution family.
    pub dist: Family,
    /// Lower bound (triangular, PERT, uniform).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Most likely value (triangular, PERT).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub mode: Option<Decimal>,
    /// Upper bound (triangular, PERT, uniform).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Mean (normal).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub mean: Option<Decimal>,
    /// Standard deviation (normal).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub sd: Option<Decimal>,
    /// Lines with the same group share one draw and move together (e.g. all construction lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Where the range comes from (e.g. a reference-class forecast).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Uncertainty {
    /// The distribution, once validated.
    pub fn to_dist(&self) -> Option<Dist> {
        let f = |x: Option<Decimal>| x.map(to_f64);
        Some(match self.dist {
            Family::Triangular => Dist::triangular(f(self.min)?, f(self.mode)?, f(self.max)?),
            Family::Pert => Dist::pert(f(self.min)?, f(self.mode)?, f(self.max)?),
            Family::Uniform => Dist::uniform(f(self.min)?, f(self.max)?),
            Family::Normal => Dist::normal(f(self.mean)?, f(self.sd)?),
        })
    }
}

/// Checks a distribution: the parameters its family needs, in order, non-negative.
pub fn validate_uncertainty(path: &str, u: &Uncertainty, v: &mut Vec<ValidationError>) {
    let need = |name: &str, x: Option<Decimal>, v: &mut Vec<ValidationError>| -> Option<Decimal> {
        match x {
            None => {
                v.push(ValidationError::new(
                    format!("{path}.{name}"),
                    format!("is missing; a {:?} distribution needs it", u.dist).to_lowercase(),
                ));
                None
            }
            Some(x) if x < Decimal::ZERO => {
                v.push(ValidationError::new(
                    format!("{path}.{name}"),
                    format!("{x} is negative; a multiplier is at least 0"),
                ));
                None
            }
            Some(x) if x > MAX_MULTIPLIER => {
                v.push(ValidationError::new(
                    format!("{path}.{name}"),
                    format!("{x} is above {MAX_MULTIPLIER}; a multiplier of a line's amounts (1 = as estimated) is at most {MAX_MULTIPLIER}"),
                ));
                None
            }
            Some(x) => Some(x),
        }
    };
    match u.dist {
        Family::Triangular | Family::Pert => {
            let (a, m, b) = (need("min", u.min, v), need("mode", u.mode, v), need("max", u.max, v));
            if let (Some(a), Some(m), Some(b)) = (a, m, b) {
                if a > m {
                    v.push(ValidationError::new(format!("{path}.min"), format!("{a} is above the mode {m}")));
                }
                if m > b {
                    v.push(ValidationError::new(format!("{path}.max"), format!("{b} is below the mode {m}")));
                }
                if a == b {
                    v.push(ValidationError::new(format!("{path}.max"), format!("{b} equals min: the range is empty")));
                }
            }
        }
        Family::Uniform => {
            if let (Some(a), Some(b)) = (need("min", u.min, v), need("max", u.max, v))
                && a >= b
            {
                v.push(ValidationError::new(format!("{path}.max"), format!("{b} is not above min {a}")));
            }
        }
        Family::Normal => {
            need("mean", u.mean, v);
            if let Some(sd) = need("sd", u.sd, v)
                && sd.is_zero()
            {
                v.push(ValidationError::new(format!("{path}.sd"), "is 0; give a positive spread or no uncertainty"));
            }
        }
    }
}

/// How to run the simulation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Number of draws.
    pub draws: usize,
    /// Seed: the same seed gives the same numbers.
    pub seed: u64,
    /// Threads the engine may use (1 = the caller's thread only).
    pub threads: usize,
    /// Histogram bins.
    pub bins: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self { draws: 10_000, seed: 1, threads: 1, bins: 30 }
    }
}

/// Why a simulation did not finish.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RiskError {
    /// The cancel flag was raised.
    #[error("the simulation was cancelled")]
    Cancelled,
    /// Options out of range.
    #[error("{0}")]
    Options(String),
    /// A simulated figure is not a finite amount of money (the study's ranges are too wide).
    #[error("the simulated {0} is not a finite amount within the decimal range")]
    NotFinite(&'static str),
}

/// Summary statistics of a simulated quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats<T> {
    /// Mean.
    pub mean: T,
    /// Standard deviation.
    pub sd: T,
    /// Standard error of the mean.
    pub se: T,
    /// 5th percentile.
    pub p5: T,
    /// 10th percentile.
    pub p10: T,
    /// Median.
    pub p50: T,
    /// 90th percentile.
    pub p90: T,
    /// 95th percentile.
    pub p95: T,
}

/// One histogram bin of NPV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    /// Lower edge, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub from: Decimal,
    /// Upper edge, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub to: Decimal,
    /// Draws in the bin.
    pub count: usize,
}

/// What a critical variable is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "variable", rename_all = "snake_case")]
pub enum Variable {
    /// A counted line of the appraisal (a study line, the optimism bias, the carbon cost).
    Line {
        /// Its list.
        list: List,
        /// Where it comes from.
        origin: Origin,
    },
    /// Every discount rate of the schedule, scaled together.
    DiscountRate,
}

/// A critical variable (EU CBA guide 2014): a ±1 % change moves NPV by more than 1 %.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Critical {
    /// The variable: a line (with its origin) or the discount rate.
    #[serde(flatten)]
    pub variable: Variable,
    /// The line's name (empty for the discount rate).
    pub name: String,
    /// Change of NPV, as % of |NPV|, per 1 % increase of the variable (negative for costs).
    pub elasticity: f64,
    /// The line carries an uncertainty in the study.
    pub uncertain: bool,
}

/// The simulation's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskResult {
    /// Draws made.
    pub draws: usize,
    /// Seed used.
    pub seed: u64,
    /// NPV statistics (KRW, strings).
    pub npv: Stats<Money>,
    /// B/C statistics.
    pub bc_ratio: Stats<f64>,
    /// P(NPV > 0).
    pub prob_npv_positive: f64,
    /// P(B/C ≥ 1), the same event as NPV ≥ 0.
    pub prob_bc_ge_1: f64,
    /// NPV histogram.
    pub histogram: Vec<Bin>,
    /// Critical variables.
    pub critical_variables: Vec<Critical>,
    /// Σ E[multiplier] × PV(line): the analytic expectation of NPV when the rate is fixed.
    pub npv_expected_analytic: Option<Money>,
    /// Names of the lines with an uncertainty of their own (and "discount rate" when it has one).
    pub uncertain: Vec<String>,
    /// Lines that vary with the lines they derive from (the optimism bias with its capex).
    pub derived: Vec<String>,
    /// Derived lines held at their deterministic value in every draw (the carbon cost, whose
    /// energy inputs carry no uncertainty).
    pub held_fixed: Vec<String>,
    /// Whether the discount rate varies.
    pub rate_uncertain: bool,
}

/// KRW as a string in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Money(#[serde(serialize_with = "money::serialize_out")] pub Decimal);

impl Money {
    /// The one crossing of simulated floats back into money: a non-finite or out-of-range value
    /// is an error naming the figure, never a silent zero.
    fn of(x: f64, what: &'static str) -> Result<Self, RiskError> {
        Decimal::from_f64_retain(x)
            .filter(|_| x.is_finite())
            .map(|d| Money(d.round_dp(0)))
            .ok_or(RiskError::NotFinite(what))
    }
}

/// A line ready to simulate: yearly amounts as floats, its PV, its distribution and group.
struct SimLine {
    sign: f64,
    amounts: Vec<f64>,
    pv: f64,
    dist: Option<Dist>,
    slot: usize,
}

/// Runs the simulation for an appraised study. `progress(done, total)` is called after each
/// chunk; raising `cancel` stops the run.
pub fn simulate(
    cx: &Context<'_>,
    opts: Options,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> Result<RiskResult, RiskError> {
    if opts.draws < 2 || opts.draws > MAX_DRAWS {
        return Err(RiskError::Options(format!("draws: {} is outside 2..{MAX_DRAWS}", opts.draws)));
    }
    let study = cx.study;
    let factors: Vec<f64> = cx.period.factors.iter().map(|d| to_f64(*d)).collect();
    // Group slots: each group (or ungrouped uncertain line) draws one uniform per draw.
    let mut groups: Vec<String> = Vec::new();
    let mut slot_of = |origin: Origin, u: &Uncertainty| -> usize {
        let key = u.group.clone().unwrap_or_else(|| format!("\u{0}{origin:?}"));
        groups.iter().position(|g| *g == key).unwrap_or_else(|| {
            groups.push(key);
            groups.len() - 1
        })
    };
    let (mut uncertain, mut derived, mut held_fixed) = (Vec::new(), Vec::new(), Vec::new());
    // Every counted line of the appraisal, each with the distribution it follows: its own, the
    // one of the line it derives from (part by part), or none.
    let mut lines = Vec::new();
    for (sign, list) in [(-1.0, cx.costs), (1.0, cx.benefits)] {
        for l in list {
            let sim = |amounts: Vec<f64>, dist: Option<Dist>, slot: usize| {
                let pv = amounts.iter().zip(&factors).map(|(a, d)| a * d).sum();
                SimLine { sign, amounts, pv, dist, slot }
            };
            match &l.variation {
                Variation::Fixed => lines.push(sim(floats(&l.amounts), None, usize::MAX)),
                Variation::HeldFixed => {
                    held_fixed.push(l.name.to_owned());
                    lines.push(sim(floats(&l.amounts), None, usize::MAX));
                }
                Variation::Own(u) => {
                    uncertain.push(l.name.to_owned());
                    let slot = slot_of(l.origin, u);
                    lines.push(sim(floats(&l.amounts), u.to_dist(), slot));
                }
                Variation::Follows(parts) => {
                    derived.push(l.name.to_owned());
                    for (src, factor) in parts {
                        let Some(source) = list.get(*src) else { continue };
                        let f = to_f64(*factor);
                        let amounts = source.amounts.iter().map(|a| to_f64(*a) * f).collect();
                        match &source.variation {
                            Variation::Own(u) => {
                                let slot = slot_of(source.origin, u);
                                lines.push(sim(amounts, u.to_dist(), slot));
                            }
                            _ => lines.push(sim(amounts, None, usize::MAX)),
                        }
                    }
                }
            }
        }
    }
    let rate_dist = study.parameters.discount_uncertainty.as_ref().and_then(Uncertainty::to_dist);
    let rates: Vec<f64> =
        (0..factors.len()).map(|i| to_f64(cx.period.schedule.rate_in(cx.period.first_year + i as i32))).collect();
    // Rates of the years from the base year to the first year, which discount the first year.
    let pre_rates: Vec<f64> =
        (cx.period.base_year + 1..=cx.period.first_year).map(|k| to_f64(cx.period.schedule.rate_in(k))).collect();
    let n_slots = groups.len();

    let chunks = opts.draws.div_ceil(CHUNK);
    let mut npv = vec![0.0; opts.draws];
    let mut bc = vec![0.0; opts.draws];
    let done = AtomicUsize::new(0);
    let threads = opts.threads.clamp(1, 64).min(chunks);
    // Chunk k goes to thread k % threads; each writes only its own chunks.
    // (chunk index, its NPV slots, its B/C slots)
    type Chunk<'a> = (usize, &'a mut [f64], &'a mut [f64]);
    let mut work: Vec<Vec<Chunk<'_>>> = (0..threads).map(|_| Vec::new()).collect();
    for (k, (n, b)) in npv.chunks_mut(CHUNK).zip(bc.chunks_mut(CHUNK)).enumerate() {
        work[k % threads].push((k, n, b));
    }
    // Within a chunk the work is laid out line by line over all of the chunk's draws (as a
    // vectorised program would), so each inner loop runs one distribution's quantile function.
    let run = |jobs: Vec<(usize, &mut [f64], &mut [f64])>| -> Result<(), RiskError> {
        let mut u = vec![0.0; n_slots * CHUNK];
        let mut rate_u = vec![0.0; CHUNK];
        let mut pvb = vec![0.0; CHUNK];
        let mut pvc = vec![0.0; CHUNK];
        let mut df = vec![0.0; factors.len()];
        let mut line_pv = vec![0.0; lines.len()];
        for (k, n_out, b_out) in jobs {
            if cancel.load(Ordering::Relaxed) {
                return Err(RiskError::Cancelled);
            }
            let len = n_out.len();
            let mut rng = Rng::new(opts.seed, k as u64);
            for x in u[..n_slots * len].iter_mut() {
                *x = rng.uniform();
            }
            for x in rate_u[..len].iter_mut() {
                *x = rng.uniform();
            }
            pvb[..len].fill(0.0);
            pvc[..len].fill(0.0);
            match &rate_dist {
                None => {
                    for l in &lines {
                        let acc = if l.sign > 0.0 { &mut pvb[..len] } else { &mut pvc[..len] };
                        match &l.dist {
                            Some(d) => d.add_scaled(&u[l.slot * len..(l.slot + 1) * len], l.pv, acc),
                            None => acc.iter_mut().for_each(|x| *x += l.pv),
                        }
                    }
                }
                Some(rd) => {
                    for i in 0..len {
                        // Every rate times the drawn multiplier, compounded year by year.
                        let m = rd.quantile(rate_u[i]);
                        let mut acc = 1.0;
                        for r in &pre_rates {
                            acc /= 1.0 + r * m;
                        }
                        for (y, r) in rates.iter().enumerate() {
                            if y > 0 {
                                acc /= 1.0 + r * m;
                            }
                            df[y] = acc;
                        }
                        for (pv, l) in line_pv.iter_mut().zip(&lines) {
                            *pv = l.amounts.iter().zip(&df).map(|(a, d)| a * d).sum();
                        }
                        for (l, pv) in lines.iter().zip(&line_pv) {
                            let mult = l.dist.as_ref().map_or(1.0, |d| d.quantile(u[l.slot * len + i]));
                            if l.sign > 0.0 {
                                pvb[i] += mult * pv;
                            } else {
                                pvc[i] += mult * pv;
                            }
                        }
                    }
                }
            }
            for i in 0..len {
                n_out[i] = pvb[i] - pvc[i];
                b_out[i] = if pvc[i] > 0.0 { pvb[i] / pvc[i] } else { f64::NAN };
            }
            let d = done.fetch_add(len, Ordering::Relaxed) + len;
            progress(d, opts.draws);
        }
        Ok(())
    };
    if threads == 1 {
        run(work.pop().unwrap_or_default())?;
    } else {
        let results: Vec<Result<(), RiskError>> = std::thread::scope(|s| {
            let handles: Vec<_> = work.into_iter().map(|jobs| s.spawn(|| run(jobs))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or(Err(RiskError::Cancelled))).collect()
        });
        results.into_iter().collect::<Result<Vec<()>, RiskError>>()?;
    }

    let prob_npv_positive = npv.iter().filter(|x| **x > 0.0).count() as f64 / opts.draws as f64;
    let prob_bc_ge_1 = bc.iter().filter(|x| **x >= 1.0).count() as f64 / opts.draws as f64;
    let histogram = histogram(&npv, opts.bins.max(1));
    let npv_stats = stats(&mut npv);
    bc.retain(|x| x.is_finite());
    let bc_stats = stats(&mut bc);
    let npv_expected_analytic = match rate_dist {
        None => Some(Money::of(
            lines.iter().map(|l| l.sign * l.dist.as_ref().map_or(1.0, Dist::mean) * l.pv).sum(),
            "analytic NPV expectation",
        )?),
        Some(_) => None,
    };
    let histogram = histogram?;
    Ok(RiskResult {
        draws: opts.draws,
        seed: opts.seed,
        npv: Stats {
            mean: Money::of(npv_stats.mean, "NPV mean")?,
            sd: Money::of(npv_stats.sd, "NPV standard deviation")?,
            se: Money::of(npv_stats.se, "NPV standard error")?,
            p5: Money::of(npv_stats.p5, "NPV 5th percentile")?,
            p10: Money::of(npv_stats.p10, "NPV 10th percentile")?,
            p50: Money::of(npv_stats.p50, "NPV median")?,
            p90: Money::of(npv_stats.p90, "NPV 90th percentile")?,
            p95: Money::of(npv_stats.p95, "NPV 95th percentile")?,
        },
        bc_ratio: bc_stats,
        prob_npv_positive,
        prob_bc_ge_1,
        histogram,
        critical_variables: critical(cx),
        npv_expected_analytic,
        uncertain: if rate_dist.is_some() {
            uncertain.into_iter().chain(["discount rate".to_owned()]).collect()
        } else {
            uncertain
        },
        derived,
        held_fixed,
        rate_uncertain: rate_dist.is_some(),
    })
}

/// Percentile by linear interpolation between order statistics (numpy's default).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let x = p / 100.0 * (sorted.len() - 1) as f64;
    let i = x.floor() as usize;
    let j = (i + 1).min(sorted.len() - 1);
    sorted[i] + (sorted[j] - sorted[i]) * (x - i as f64)
}

fn stats(xs: &mut [f64]) -> Stats<f64> {
    let n = xs.len().max(1) as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
    xs.sort_unstable_by(f64::total_cmp);
    Stats {
        mean,
        sd,
        se: sd / n.sqrt(),
        p5: percentile(xs, 5.0),
        p10: percentile(xs, 10.0),
        p50: percentile(xs, 50.0),
        p90: percentile(xs, 90.0),
        p95: percentile(xs, 95.0),
    }
}

fn histogram(xs: &[f64], bins: usize) -> Result<Vec<Bin>, RiskError> {
    let (lo, hi) = xs.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(*x), b.max(*x)));
    if !lo.is_finite() || !hi.is_finite() {
        return Err(RiskError::NotFinite("NPV range"));
    }
    let width = if hi > lo { (hi - lo) / bins as f64 } else { 1.0 };
    let mut counts = vec![0; bins];
    for x in xs {
        let i = (((x - lo) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            Ok(Bin {
                from: Money::of(lo + width * i as f64, "NPV histogram")?.0,
                to: Money::of(lo + width * (i + 1) as f64, "NPV histogram")?.0,
                count,
            })
        })
        .collect()
}

/// EU guide: a variable is critical when a 1 % change moves NPV by more than 1 %. For a line that
/// is ±PV(line)/|NPV| (exact, PV being linear in the line); for the discount rate, the change of
/// NPV when every rate is 1 % higher, over the same counted lines as the appraisal.
fn critical(cx: &Context<'_>) -> Vec<Critical> {
    let npv = cx.economic.npv;
    let mut out = Vec::new();
    if npv.is_zero() {
        return out;
    }
    let follows_uncertain = |list: &[ExpandedLine<'_>], l: &ExpandedLine<'_>| match &l.variation {
        Variation::Own(_) => true,
        Variation::Follows(parts) => {
            parts.iter().any(|(i, _)| list.get(*i).is_some_and(|s| matches!(s.variation, Variation::Own(_))))
        }
        _ => false,
    };
    for (sign, list) in [(-Decimal::ONE, cx.costs), (Decimal::ONE, cx.benefits)] {
        for l in list {
            let pv = cx.period.pv(&l.amounts);
            let Some(e) = (sign * pv).checked_div(npv.abs()).map(to_f64) else { continue };
            if e.abs() > 1.0 {
                out.push(Critical {
                    variable: Variable::Line { list: l.list(), origin: l.origin },
                    name: l.name.to_owned(),
                    elasticity: e,
                    uncertain: follows_uncertain(list, l),
                });
            }
        }
    }
    let up = econ::Period::new(
        cx.period.schedule.scaled(Decimal::new(101, 2)),
        cx.period.first_year,
        cx.period.first_year + cx.period.factors.len() as i32 - 1,
    );
    let npv_up = up.pv(&econ::totals(cx.benefits, up.factors.len())) - up.pv(&econ::totals(cx.costs, up.factors.len()));
    if let Some(e) = (npv_up - npv).checked_div(npv.abs()).map(|x| to_f64(x) * 100.0)
        && e.abs() > 1.0
    {
        out.push(Critical {
            variable: Variable::DiscountRate,
            name: String::new(),
            elasticity: e,
            uncertain: cx.study.parameters.discount_uncertainty.is_some(),
        });
    }
    out.sort_by(|a, b| b.elasticity.abs().total_cmp(&a.elasticity.abs()));
    out
}

fn floats(amounts: &[Decimal]) -> Vec<f64> {
    amounts.iter().map(|a| to_f64(*a)).collect()
}

/// Runs the simulation for a study (validates and appraises it first).
pub fn simulate_study(
    study: &Study,
    opts: Options,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> Result<RiskResult, crate::StudyError> {
    crate::appraisal::with_context(study, &crate::appraisal::Inputs::default(), |cx| {
        simulate(cx, opts, progress, cancel)
    })?
    .map_err(|e| crate::StudyError::Invalid(vec![ValidationError::new("", e.to_string())]))
}
