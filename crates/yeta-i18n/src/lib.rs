//! # yeta-i18n: one message catalog for every surface
//!
//! The engine returns diagnostics (code, field path, typed arguments) and typed results; every
//! word a user reads is rendered here from `locales/ko.ftl` or `locales/en.ftl`, so the CLI, the
//! PDF report, the XLSX export and the app say the same thing in the same words. Money is shown
//! in the reader's unit: 억원 in Korean, KRW bn in English.
//!
//! The catalog files use a subset of Project Fluent's syntax (`id = text`, `{ $name }`), so a
//! translator's tools read them; the subset keeps this crate free of dependencies.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::HashMap;
use std::sync::OnceLock;
use yeta_core::Appraisal;
use yeta_core::diag::{Arg, Code, Diagnostic};
use yeta_core::econ::{Irr, IrrStatus, Kind, SensitivityCase};

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 한국어.
    Ko,
    /// English.
    En,
}

impl Lang {
    /// `ko` → Korean, anything else English.
    pub fn from_code(code: &str) -> Self {
        if code.eq_ignore_ascii_case("ko") || code.to_ascii_lowercase().starts_with("ko-") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The language code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }
}

/// The Korean catalog source.
pub const KO: &str = concat!(
    include_str!("../../../locales/ko.ftl"),
    "\n",
    include_str!("../../../locales/ko-report.ftl"),
    "\n",
    include_str!("../../../locales/ko-app.ftl"),
    "\n",
    include_str!("../../../locales/ko-cli.ftl"),
    "\n",
    include_str!("../../../locales/ko-xlsx.ftl"),
    "\n",
    include_str!("../../../locales/ko-shell.ftl"),
    "\n",
    include_str!("../../../locales/ko-registry.ftl")
);
/// The English catalog source.
pub const EN: &str = concat!(
    include_str!("../../../locales/en.ftl"),
    "\n",
    include_str!("../../../locales/en-report.ftl"),
    "\n",
    include_str!("../../../locales/en-app.ftl"),
    "\n",
    include_str!("../../../locales/en-cli.ftl"),
    "\n",
    include_str!("../../../locales/en-xlsx.ftl"),
    "\n",
    include_str!("../../../locales/en-shell.ftl"),
    "\n",
    include_str!("../../../locales/en-registry.ftl")
);

/// Parses the Fluent subset: `id = text` lines, continuation lines indented, `#` comments.
pub fn parse(src: &str) -> HashMap<&str, String> {
    let mut out: HashMap<&str, String> = HashMap::new();
    let mut last: Option<&str> = None;
    for line in src.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            last = None;
            continue;
        }
        if line.starts_with(' ') {
            if let Some(id) = last
                && let Some(v) = out.get_mut(id)
            {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some((id, text)) = line.split_once(" = ") {
            out.insert(id.trim(), text.trim().to_owned());
            last = Some(id.trim());
        }
    }
    out
}

/// One language's messages.
pub struct Catalog {
    lang: Lang,
    messages: HashMap<&'static str, String>,
}

/// The catalog of a language (parsed once).
pub fn catalog(lang: Lang) -> &'static Catalog {
    static KO_CAT: OnceLock<Catalog> = OnceLock::new();
    static EN_CAT: OnceLock<Catalog> = OnceLock::new();
    match lang {
        Lang::Ko => KO_CAT.get_or_init(|| Catalog { lang, messages: parse(KO) }),
        Lang::En => EN_CAT.get_or_init(|| Catalog { lang, messages: parse(EN) }),
    }
}

/// Every message id of a language's catalog.
pub fn ids(lang: Lang) -> impl Iterator<Item = &'static str> {
    catalog(lang).messages.keys().copied()
}

/// The catalog id of an engine code: `below_pfs_threshold` → `below-pfs-threshold`.
pub fn id_of(code: Code) -> String {
    code.as_str().replace('_', "-")
}

impl Catalog {
    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`, if the catalog has it.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.messages.get(id).map(String::as_str)
    }

    /// The message `id` with `{ $name }` replaced by `args`; a missing message shows its id (a
    /// test makes sure none is missing).
    pub fn format(&self, id: &str, args: &[(&str, String)]) -> String {
        let Some(text) = self.get(id) else { return id.to_owned() };
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(i) = rest.find("{ $") {
            out.push_str(&rest[..i]);
            let after = &rest[i + 3..];
            let Some(j) = after.find(" }") else {
                out.push_str(&rest[i..]);
                return out;
            };
            let name = &after[..j];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[j + 2..];
        }
        out.push_str(rest);
        out
    }

    /// A plain message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// Money in the reader's unit: `1,234.5억원` or `KRW 123.5 bn` (KRW m below KRW 1 bn).
    pub fn money(&self, x: Decimal) -> String {
        let v = x.to_f64().unwrap_or(f64::NAN);
        match self.lang {
            Lang::Ko => {
                if v.abs() >= 1e8 || v == 0.0 {
                    self.format("money-bn", &[("x", grouped(v / 1e8, 1))])
                } else {
                    self.format("money-m", &[("x", grouped(v / 1e6, 1))])
                }
            }
            Lang::En => {
                if v.abs() >= 1e9 || v == 0.0 {
                    self.format("money-bn", &[("x", grouped(v / 1e9, 1))])
                } else {
                    self.format("money-m", &[("x", grouped(v / 1e6, 1))])
                }
            }
        }
    }

    /// A fraction as a percentage with one decimal: `12.3 %` (Korean: `12.3%`).
    pub fn percent(&self, x: f64) -> String {
        match self.lang {
            Lang::Ko => format!("{:.1}%", x * 100.0),
            Lang::En => format!("{:.1} %", x * 100.0),
        }
    }

    /// A ratio with three decimals.
    pub fn ratio(&self, x: f64) -> String {
        format!("{x:.3}")
    }

    /// A code of a list (`sector`, `criterion`, `kind`, …) by name; unknown codes show as given.
    pub fn code(&self, kind: &str, code: &str) -> String {
        self.get(&format!("{kind}-{code}")).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// A line kind's name.
    pub fn kind(&self, k: Kind) -> String {
        self.code("kind", k.code())
    }

    /// A sensitivity case's name, e.g. `비용 +10%`.
    pub fn sensitivity_case(&self, c: SensitivityCase) -> String {
        let signed = |p: i8| format!("{p:+}");
        match c {
            SensitivityCase::Base => self.text("case-base"),
            SensitivityCase::Costs(p) => self.format("case-costs", &[("pct", self.pct_i(p))]),
            SensitivityCase::Benefits(p) => self.format("case-benefits", &[("pct", self.pct_i(p))]),
            SensitivityCase::Rate(p) => self.format("case-rate", &[("pp", signed(p))]),
        }
    }

    fn pct_i(&self, p: i8) -> String {
        match self.lang {
            Lang::Ko => format!("{p:+}%"),
            Lang::En => format!("{p:+} %"),
        }
    }

    /// One argument in the reader's notation.
    pub fn arg(&self, a: &Arg) -> String {
        match a {
            Arg::Money(x) => self.money(*x),
            Arg::Ratio(x) => self.ratio(*x),
            Arg::Percent(x) => self.percent(*x),
            Arg::Integer(x) => x.to_string(),
            Arg::Text(s) => s.clone(),
            Arg::Code { kind, code } => self.code(kind, code),
            Arg::Codes { kind, codes } => codes.iter().map(|c| self.code(kind, c)).collect::<Vec<_>>().join(", "),
        }
    }

    /// A diagnostic as a sentence.
    pub fn diagnostic(&self, d: &Diagnostic) -> String {
        let args: Vec<(&str, String)> = d.args.iter().map(|(n, a)| (*n, self.arg(a))).collect();
        self.format(&id_of(d.code), &args)
    }

    /// The IRR search result as a sentence.
    pub fn irr(&self, irr: &Irr) -> String {
        let pct = |r: f64| self.percent(r);
        let (lo, hi) = (pct(irr.range[0]), pct(irr.range[1]));
        match (irr.status, irr.value) {
            (IrrStatus::Unique, Some(r)) if irr.sign_changes == 1 => self.format("irr-unique", &[("irr", pct(r))]),
            (IrrStatus::Unique, Some(r)) => self.format(
                "irr-unique-scan",
                &[("irr", pct(r)), ("low", lo), ("high", hi), ("changes", irr.sign_changes.to_string())],
            ),
            (IrrStatus::Multiple, _) => self.format(
                "irr-multiple",
                &[
                    ("count", irr.roots.len().to_string()),
                    ("roots", irr.roots.iter().map(|r| pct(*r)).collect::<Vec<_>>().join(", ")),
                ],
            ),
            _ if irr.sign_changes == 0 => self.text("irr-no-sign-change"),
            _ => self.format("irr-no-root", &[("low", lo), ("high", hi)]),
        }
    }

    /// An AHP repair hint as a sentence.
    pub fn hint(&self, h: &yeta_core::ahp::NodeHint, cutoff: f64) -> String {
        self.format(
            "ahp-repair-hint",
            &[
                ("cr", format!("{:.2}", h.cr)),
                ("cutoff", format!("{cutoff:.2}")),
                ("node", self.code("criterion", &h.node)),
                ("row", self.code("criterion", &h.row)),
                ("column", self.code("criterion", &h.column)),
                ("given", h.given_text.clone()),
                ("suggested", h.suggested.clone()),
            ],
        )
    }

    /// The verdict as one sentence, with the panel's composition and the grey zone when they
    /// matter.
    pub fn verdict(&self, a: &Appraisal) -> String {
        let v = &a.verdict;
        let bc = v.bc_ratio.map_or_else(|| self.text("na"), |b| format!("{b:.2}"));
        let mut s = match (v.basis, v.ahp_score, v.ahp_threshold, v.score_range) {
            (yeta_core::appraisal::Basis::Ahp, Some(score), Some(t), Some([lo, hi])) => self.format(
                "verdict-ahp",
                &[
                    ("score", format!("{score:.3}")),
                    ("cmp", if v.implement { "≥" } else { "<" }.to_owned()),
                    ("threshold", format!("{t:.2}")),
                    ("decision", self.text(if v.implement { "verdict-implement" } else { "verdict-do-not-implement" })),
                    ("bc", bc),
                    ("low", format!("{lo:.3}")),
                    ("high", format!("{hi:.3}")),
                    (
                        "robust",
                        self.text(if v.robust == Some(false) { "verdict-not-robust" } else { "verdict-robust" }),
                    ),
                ],
            ),
            _ => self.format(
                "verdict-economic",
                &[
                    ("bc", bc),
                    ("cmp", if v.economically_feasible { "≥" } else { "<" }.to_owned()),
                    ("threshold", format!("{:.2}", v.bc_threshold)),
                    (
                        "decision",
                        self.text(if v.economically_feasible { "verdict-feasible" } else { "verdict-not-feasible" }),
                    ),
                ],
            ),
        };
        if let (true, Some([lo, hi])) = (v.in_grey_zone, v.grey_zone) {
            s.push_str("; ");
            s.push_str(&self.format("verdict-grey-zone", &[("low", format!("{lo:.2}")), ("high", format!("{hi:.2}"))]));
        }
        if let (Some(n), Some(bad), Some(other), Some(policy)) =
            (v.evaluators_included, v.evaluators_inconsistent, v.score_other_policy, v.inconsistent_policy)
            && bad > 0
        {
            let total = a.ahp.as_ref().map_or(n, |x| x.evaluators.len());
            let id = match policy {
                yeta_core::rules::InconsistentEvaluators::Include => "verdict-panel-include",
                yeta_core::rules::InconsistentEvaluators::Exclude => "verdict-panel-exclude",
            };
            s.push_str("; ");
            s.push_str(&self.format(
                id,
                &[
                    ("included", n.to_string()),
                    ("total", total.to_string()),
                    ("inconsistent", bad.to_string()),
                    ("other", format!("{other:.3}")),
                ],
            ));
        }
        s
    }
}

/// `x` with `dp` decimals and thousands separators: 12345.67 → `12,345.7`.
pub fn grouped(x: f64, dp: usize) -> String {
    if !x.is_finite() {
        return "—".to_owned();
    }
    let s = format!("{:.*}", dp, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("-{out}") } else { out }
}

/// The appraisal as JSON with every diagnostic's sentence added in `lang` (`message` beside each
/// `code`, `verdict.summary`, `irr_detail.message`, hints' `message`): what the shells write for
/// readers and scripts. The engine's own JSON has no sentences.
pub fn appraisal_json(a: &Appraisal, lang: Lang) -> serde_json::Value {
    let c = catalog(lang);
    let mut v = serde_json::to_value(a).unwrap_or(serde_json::Value::Null);
    let put = |obj: &mut serde_json::Value, key: &str, text: String| {
        if let Some(m) = obj.as_object_mut() {
            m.insert(key.to_owned(), serde_json::Value::String(text));
        }
    };
    if let Some(w) = v.get_mut("warnings").and_then(|w| w.as_array_mut()) {
        for (j, d) in w.iter_mut().zip(&a.warnings) {
            put(j, "message", c.diagnostic(d));
        }
    }
    if let Some(f) = v.pointer_mut("/financial/flags").and_then(|w| w.as_array_mut()) {
        for (j, d) in f.iter_mut().zip(&a.financial.flags) {
            put(j, "message", c.diagnostic(&d.diagnostic));
        }
    }
    if let Some(verdict) = v.get_mut("verdict") {
        put(verdict, "summary", c.verdict(a));
    }
    if let Some(irr) = v.pointer_mut("/economic/irr_detail") {
        put(irr, "message", c.irr(&a.economic.irr_detail));
    }
    if let Some(irr) = v.pointer_mut("/financial/firr_detail") {
        put(irr, "message", c.irr(&a.financial.firr_detail));
    }
    if let Some(ahp) = &a.ahp {
        if let Some(notes) = v.pointer_mut("/ahp/notes").and_then(|w| w.as_array_mut()) {
            for (j, d) in notes.iter_mut().zip(&ahp.notes) {
                put(j, "message", c.diagnostic(d));
            }
        }
        for (i, ev) in ahp.evaluators.iter().enumerate() {
            if let Some(hints) = v.pointer_mut(&format!("/ahp/evaluators/{i}/hints")).and_then(|w| w.as_array_mut()) {
                for (j, h) in hints.iter_mut().zip(&ev.hints) {
                    put(j, "message", c.hint(h, ahp.cr_cutoff));
                }
            }
        }
    }
    if let Some(r) = &a.regional
        && let Some(notes) = v.pointer_mut("/regional/notes").and_then(|w| w.as_array_mut())
    {
        for (j, d) in notes.iter_mut().zip(&r.notes) {
            put(j, "message", c.diagnostic(d));
        }
    }
    v
}

/// [`appraisal_json`] as pretty text with a final newline: what `--json` writes.
pub fn appraisal_json_text(a: &Appraisal, lang: Lang) -> String {
    serde_json::to_string_pretty(&appraisal_json(a, lang)).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every engine code has a message in both languages, and both use the same placeholders
    /// (a name may be given as `name` in Korean and `name_en` in English).
    #[test]
    fn every_code_in_both_languages_with_the_same_placeholders() {
        let names = |t: &str| {
            let mut v: Vec<String> = t
                .split("{ $")
                .skip(1)
                .filter_map(|p| p.split_once(" }").map(|(n, _)| n.trim_end_matches("_en").to_owned()))
                .collect();
            v.sort();
            v
        };
        for code in yeta_core::diag::ALL {
            let id = id_of(code);
            let ko = catalog(Lang::Ko).get(&id).unwrap_or_else(|| panic!("ko.ftl lacks {id}"));
            let en = catalog(Lang::En).get(&id).unwrap_or_else(|| panic!("en.ftl lacks {id}"));
            assert_eq!(names(ko), names(en), "{id}");
        }
        for p in yeta_core::study::Problem::ALL {
            let id = p.message_id();
            assert!(catalog(Lang::Ko).get(&id).is_some() && catalog(Lang::En).get(&id).is_some(), "no {id}");
        }
        let (ko, en) = (parse(KO), parse(EN));
        let mut a: Vec<&&str> = ko.keys().collect();
        let mut b: Vec<&&str> = en.keys().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "ko.ftl and en.ftl have the same ids");
        for (id, text) in &ko {
            assert_eq!(names(text), names(&en[id]), "{id}");
        }
    }

    #[test]
    fn money_in_the_readers_unit() {
        let ko = catalog(Lang::Ko);
        let en = catalog(Lang::En);
        assert_eq!(ko.money(Decimal::from(24_000_000_000_i64)), "240.0억원");
        assert_eq!(en.money(Decimal::from(24_000_000_000_i64)), "KRW 24.0 bn");
        assert_eq!(ko.money(Decimal::from(123_456_789_000_000_i64)), "1,234,567.9억원");
        assert_eq!(ko.money(Decimal::from(-5_000_000)), "-5.0백만원");
        assert_eq!(grouped(-0.04, 1), "0.0");
    }

    #[test]
    fn placeholders_are_filled_and_missing_ones_show() {
        let en = catalog(Lang::En);
        let d = Diagnostic::new(Code::NoCosts, "costs");
        assert_eq!(en.diagnostic(&d), "the study has no costs: B/C is undefined");
        let d = Diagnostic::new(Code::FundingGap, "financing").money("amount", Decimal::from(2_500_000_000_i64));
        assert_eq!(en.diagnostic(&d), "the funding plan leaves KRW 2.5 bn of the total cost unfunded");
        assert_eq!(catalog(Lang::Ko).diagnostic(&d), "재원조달 계획에서 총사업비 중 25.0억원의 재원이 부족함");
    }
}
