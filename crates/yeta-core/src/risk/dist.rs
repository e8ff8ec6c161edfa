//! Distributions of line multipliers, sampled by their inverse CDF so that lines in one group
//! can share a single uniform draw (comonotonic: they move together), and a small seeded
//! generator (xoshiro256++ seeded by SplitMix64) whose streams do not depend on thread count.

/// A multiplier distribution with its parameters as floats (converted once from the study).
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // parameters named as in the formulas: a = min, m = mode, b = max
pub enum Dist {
    /// Triangular(min, mode, max).
    Triangular { a: f64, m: f64, b: f64 },
    /// PERT(min, mode, max): a scaled Beta with α = 1 + 4(m−a)/(b−a), β = 1 + 4(b−m)/(b−a);
    /// sampled through a tabulated inverse CDF.
    Pert { a: f64, b: f64, mean: f64, table: Vec<f64> },
    /// Uniform(min, max).
    Uniform { a: f64, b: f64 },
    /// Normal(mean, sd) truncated at 0.
    Normal { mu: f64, sd: f64, p0: f64 },
}

/// Points of the PERT inverse-CDF table.
const PERT_TABLE: usize = 2048;

impl Dist {
    /// Triangular.
    pub fn triangular(a: f64, m: f64, b: f64) -> Self {
        Dist::Triangular { a, m, b }
    }

    /// PERT, tabulating the inverse CDF of its Beta by integrating the density (Simpson's rule on
    /// a fine grid) and inverting by interpolation: accurate to about 1e-7, and fast to sample.
    pub fn pert(a: f64, m: f64, b: f64) -> Self {
        if b <= a {
            return Dist::Pert { a, b, mean: a, table: vec![0.0; 2] };
        }
        let alpha = 1.0 + 4.0 * (m - a) / (b - a);
        let beta = 1.0 + 4.0 * (b - m) / (b - a);
        let n = 1 << 10;
        let (am1, bm1) = (alpha - 1.0, beta - 1.0);
        let pdf = |x: f64| {
            if x <= 0.0 || x >= 1.0 {
                if (x <= 0.0 && am1 == 0.0) || (x >= 1.0 && bm1 == 0.0) { 1.0 } else { 0.0 }
            } else {
                (am1 * x.ln() + bm1 * (1.0 - x).ln()).exp()
            }
        };
        let mut cdf = vec![0.0; n + 1];
        let h = 1.0 / n as f64;
        for i in 1..=n {
            let (x0, x1) = ((i - 1) as f64 * h, i as f64 * h);
            cdf[i] = cdf[i - 1] + h / 6.0 * (pdf(x0) + 4.0 * pdf(0.5 * (x0 + x1)) + pdf(x1));
        }
        let total = cdf[n];
        let mut table = Vec::with_capacity(PERT_TABLE + 1);
        let mut k = 0;
        for t in 0..=PERT_TABLE {
            let u = t as f64 / PERT_TABLE as f64 * total;
            while k < n && cdf[k + 1] < u {
                k += 1;
            }
            let span = cdf[(k + 1).min(n)] - cdf[k];
            let frac = if span > 0.0 { ((u - cdf[k]) / span).clamp(0.0, 1.0) } else { 0.0 };
            table.push(((k as f64 + frac) * h).clamp(0.0, 1.0));
        }
        Dist::Pert { a, b, mean: a + (b - a) * alpha / (alpha + beta), table }
    }

    /// Uniform.
    pub fn uniform(a: f64, b: f64) -> Self {
        Dist::Uniform { a, b }
    }

    /// Normal truncated at 0.
    pub fn normal(mu: f64, sd: f64) -> Self {
        Dist::Normal { mu, sd, p0: if sd > 0.0 { phi(-mu / sd) } else { 0.0 } }
    }

    /// The value at quantile u ∈ (0, 1).
    pub fn quantile(&self, u: f64) -> f64 {
        match *self {
            Dist::Triangular { a, m, b } => {
                if b <= a {
                    return a;
                }
                let f = (m - a) / (b - a);
                if u < f { a + ((b - a) * (m - a) * u).sqrt() } else { b - ((b - a) * (b - m) * (1.0 - u)).sqrt() }
            }
            Dist::Pert { a, b, ref table, .. } => {
                let x = u * (table.len() - 1) as f64;
                let i = (x as usize).min(table.len() - 2);
                let t = table[i] + (table[i + 1] - table[i]) * (x - i as f64);
                a + (b - a) * t
            }
            Dist::Uniform { a, b } => a + (b - a) * u,
            Dist::Normal { mu, sd, p0 } => {
                if sd <= 0.0 {
                    return mu.max(0.0);
                }
                (mu + sd * phi_inv(p0 + u * (1.0 - p0))).max(0.0)
            }
        }
    }

    /// Adds `scale × quantile(u)` to `out` for each uniform `u`: one distribution per loop, so
    /// the loop is tight.
    pub fn add_scaled(&self, us: &[f64], scale: f64, out: &mut [f64]) {
        match *self {
            Dist::Triangular { a, m, b } if b > a => {
                let f = (m - a) / (b - a);
                let (lo, hi) = ((b - a) * (m - a), (b - a) * (b - m));
                for (o, &u) in out.iter_mut().zip(us) {
                    let x = if u < f { a + (lo * u).sqrt() } else { b - (hi * (1.0 - u)).sqrt() };
                    *o += scale * x;
                }
            }
            Dist::Pert { a, b, ref table, .. } => {
                let last = table.len() - 2;
                let k = (table.len() - 1) as f64;
                for (o, &u) in out.iter_mut().zip(us) {
                    let x = u * k;
                    let i = (x as usize).min(last);
                    let t = table[i] + (table[i + 1] - table[i]) * (x - i as f64);
                    *o += scale * (a + (b - a) * t);
                }
            }
            Dist::Uniform { a, b } => {
                for (o, &u) in out.iter_mut().zip(us) {
                    *o += scale * (a + (b - a) * u);
                }
            }
            _ => {
                for (o, &u) in out.iter_mut().zip(us) {
                    *o += scale * self.quantile(u);
                }
            }
        }
    }

    /// The mean, in closed form (for tests and the analytic expectation of NPV).
    pub fn mean(&self) -> f64 {
        match *self {
            Dist::Triangular { a, m, b } => (a + m + b) / 3.0,
            // Beta mean α/(α+β), scaled: equals (a + 4m + b)/6.
            Dist::Pert { mean, .. } => mean,
            Dist::Uniform { a, b } => 0.5 * (a + b),
            Dist::Normal { mu, sd, .. } => {
                if sd <= 0.0 {
                    return mu.max(0.0);
                }
                let al = -mu / sd;
                mu + sd * pdf_std(al) / (1.0 - phi(al))
            }
        }
    }
}

/// Standard normal density.
pub fn pdf_std(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// Standard normal CDF through the complementary error function.
pub fn phi(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Complementary error function: the Chebyshev fit of Numerical Recipes (3rd ed., §6.2.2),
/// accurate to about 1.2e-16 relative.
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 2.0 / (2.0 + z);
    let ty = 4.0 * t - 2.0;
    const C: [f64; 28] = [
        -1.3026537197817094,
        6.419_697_923_564_902e-1,
        1.9476473204185836e-2,
        -9.561_514_786_808_63e-3,
        -9.46595344482036e-4,
        3.66839497852761e-4,
        4.2523324806907e-5,
        -2.0278578112534e-5,
        -1.624290004647e-6,
        1.303655835580e-6,
        1.5626441722e-8,
        -8.5238095915e-8,
        6.529054439e-9,
        5.059343495e-9,
        -9.91364156e-10,
        -2.27365122e-10,
        9.6467911e-11,
        2.394038e-12,
        -6.886027e-12,
        8.94487e-13,
        3.13092e-13,
        -1.12708e-13,
        3.81e-16,
        7.106e-15,
        -1.523e-15,
        -9.4e-17,
        1.21e-16,
        -2.8e-17,
    ];
    let (mut d, mut dd) = (0.0, 0.0);
    for &c in C.iter().skip(1).rev() {
        let tmp = d;
        d = ty * d - dd + c;
        dd = tmp;
    }
    let r = t * (-z * z + 0.5 * (C[0] + ty * d) - dd).exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// Inverse standard normal CDF (Acklam's algorithm, relative error < 1.2e-9, with one Halley
/// refinement step).
pub fn phi_inv(p: f64) -> f64 {
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.383_577_518_672_69e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] =
        [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    let pl = 0.02425;
    let x = if p < pl {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - pl {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    // Halley step
    let e = phi(x) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

/// xoshiro256++ (Blackman & Vigna), seeded with SplitMix64 from (seed, stream): every chunk of
/// draws has its own stream, so results do not depend on how chunks are spread over threads.
pub struct Rng([u64; 4]);

impl Rng {
    /// A generator for `stream` under `seed`.
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut x = seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng([next(), next(), next(), next()])
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let r = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        r
    }

    /// Uniform in the open interval (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Φ at published table values (Abramowitz & Stegun, table 26.1): Φ(1) = 0.841344746,
    /// Φ(1.96) = 0.975002105, Φ(−2.5) = 0.006209665.
    #[test]
    fn normal_cdf_and_inverse() {
        for (x, p) in [(1.0, 0.841344746068543), (1.96, 0.975002104851780), (-2.5, 0.006209665325776)] {
            assert!((phi(x) - p).abs() < 1e-12, "Φ({x}) = {}", phi(x));
            assert!((phi_inv(p) - x).abs() < 1e-9, "Φ⁻¹({p}) = {}", phi_inv(p));
        }
    }

    /// Means by closed form, against sample means of 200,000 draws (5 standard errors).
    #[test]
    fn sample_means_match_closed_forms() {
        let cases = [
            (Dist::triangular(0.9, 1.0, 1.3), (0.9 + 1.0 + 1.3) / 3.0),
            (Dist::pert(0.9, 1.0, 1.3), (0.9 + 4.0 * 1.0 + 1.3) / 6.0),
            (Dist::uniform(0.8, 1.2), 1.0),
            // truncated normal N(1, 0.5) at 0: α = −2, mean = 1 + 0.5·φ(−2)/(1 − Φ(−2))
            (Dist::normal(1.0, 0.5), 1.0 + 0.5 * 0.05399096651318806 / (1.0 - 0.022750131948179195)),
        ];
        for (d, want) in cases {
            assert!((d.mean() - want).abs() < 1e-12, "closed form {} vs {want}", d.mean());
            let mut rng = Rng::new(1, 0);
            let n = 200_000;
            let xs: Vec<f64> = (0..n).map(|_| d.quantile(rng.uniform())).collect();
            let m = xs.iter().sum::<f64>() / n as f64;
            let sd = (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt();
            assert!((m - want).abs() < 5.0 * sd / (n as f64).sqrt(), "sample mean {m} vs {want}");
            assert!(xs.iter().all(|x| *x >= 0.0));
        }
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<f64> = {
            let mut r = Rng::new(42, 3);
            (0..5).map(|_| r.uniform()).collect()
        };
        let b: Vec<f64> = {
            let mut r = Rng::new(42, 3);
            (0..5).map(|_| r.uniform()).collect()
        };
        let c: Vec<f64> = {
            let mut r = Rng::new(42, 4);
            (0..5).map(|_| r.uniform()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
