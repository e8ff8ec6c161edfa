//! The non-monetised stages of the report, drawn from the engine's typed results: policy and
//! technical analysis (정책성·기술성), balanced regional development (지역균형발전), environmental
//! risk (환경 위험) and the AHP comprehensive evaluation (종합평가). Each section shows the figures a
//! reviewer checks, with the evidence and sources the analyst entered beside them.

use crate::layout::{Align, Col, GREY, INK, ML, NAVY, RULE, Writer, XR};
use crate::render::{T, kv, pct, ratio, thousands};
use yeta_core::Study;
use yeta_core::ahp::AhpResult;
use yeta_core::econ::Origin;
use yeta_core::environment::{Compliance, EnvironmentResult};
use yeta_core::policy::{GroupSummary, Item, PolicyGroup, PolicyResult, TechnicalGroup};
use yeta_core::regional::{IoSector, RegionalResult};
use yeta_core::risk::Variable;

const BLUE: (f32, f32, f32) = (0.20, 0.50, 0.75);
const RED: (f32, f32, f32) = (0.85, 0.35, 0.25);
const GREEN: (f32, f32, f32) = (0.25, 0.60, 0.35);

/// A 1–5 rating as filled and empty dots, with the number: `●●●●○ 4`.
fn dots(r: u8, max: u8) -> String {
    let mut s: String = (0..max).map(|i| if i < r { '●' } else { '○' }).collect();
    s.push_str(&format!(" {r}"));
    s
}

fn policy_group(g: PolicyGroup, t: &T) -> String {
    match g {
        PolicyGroup::ConsistencyReadiness => t.m("report-policy-consistency-and-readiness"),
        PolicyGroup::ImplementationRisk => t.m("report-implementation-and-funding-risk"),
        PolicyGroup::PolicyEffects => t.m("report-policy-effects"),
        PolicyGroup::SpecialItems => t.m("report-special-evaluation-items"),
    }
    .to_owned()
}

fn technical_group(g: TechnicalGroup, t: &T) -> String {
    match g {
        TechnicalGroup::Maturity => t.m("report-technology-maturity"),
        TechnicalGroup::ArchitectureFit => t.m("report-fit-with-architecture-and-standards"),
        TechnicalGroup::Security => t.m("report-security"),
        TechnicalGroup::DeliveryCapability => t.m("report-delivery-capability"),
        TechnicalGroup::RndNeed => t.m("report-r-d-need-and-urgency"),
        TechnicalGroup::StateRole => t.m("report-fit-for-state-support"),
        TechnicalGroup::Differentiation => t.m("report-differentiation"),
        TechnicalGroup::PlanConcreteness => t.m("report-concreteness-of-the-plan"),
    }
    .to_owned()
}

/// A group id as serialised (`consistency_readiness`) to its label.
fn group_label(id: &str, t: &T) -> String {
    if let Ok(g) = serde_json::from_value::<PolicyGroup>(serde_json::Value::String(id.into())) {
        return policy_group(g, t);
    }
    if let Ok(g) = serde_json::from_value::<TechnicalGroup>(serde_json::Value::String(id.into())) {
        return technical_group(g, t);
    }
    id.to_owned()
}

fn group_table(w: &mut Writer<'_>, groups: &[GroupSummary], overall: f64, scale: [u8; 2], t: &T) {
    let cols = [
        Col { head: t.m("report-group"), width: 40.0, align: Align::Left },
        Col { head: t.m("report-items"), width: 10.0, align: Align::Right },
        Col { head: t.m("report-mean"), width: 10.0, align: Align::Right },
        Col { head: t.m("report-lowest"), width: 10.0, align: Align::Right },
        Col { head: t.m("report-weak-items-2"), width: 30.0, align: Align::Left },
    ];
    let mut rows: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            vec![
                group_label(&g.id, t),
                g.items.to_string(),
                format!("{:.2}", g.mean),
                g.min.to_string(),
                if g.weak.is_empty() { "—".into() } else { g.weak.join("; ") },
            ]
        })
        .collect();
    rows.push(vec![
        format!("{} ({}–{})", t.m("report-overall"), scale[0], scale[1]),
        groups.iter().map(|g| g.items).sum::<usize>().to_string(),
        format!("{overall:.2}"),
        groups.iter().map(|g| g.min).min().map_or("—".into(), |m| m.to_string()),
        String::new(),
    ]);
    w.table(&cols, &rows, 8.5);
}

/// The checklist: one row per rated item, policy and technical alike.
fn item_table<G: Copy>(w: &mut Writer<'_>, items: &[Item<G>], group: impl Fn(G) -> String, max: u8, t: &T) {
    let cols = [
        Col { head: t.m("report-group-2"), width: 17.0, align: Align::Left },
        Col { head: t.m("report-item"), width: 22.0, align: Align::Left },
        Col { head: t.m("report-rating"), width: 11.0, align: Align::Left },
        Col { head: t.m("report-evidence"), width: 32.0, align: Align::Left },
        Col { head: t.m("report-source-2"), width: 18.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            vec![
                group(i.group),
                i.name.clone(),
                dots(i.rating, max),
                i.evidence.clone(),
                i.source.clone().unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    w.table(&cols, &rows, 7.8);
}

/// Policy analysis (정책성 분석) and, for ICT and R&D projects, technical feasibility (기술성).
/// `technical_chapter`: technical feasibility gets its own chapter (기술성 분석) — an ICT or R&D
/// study without a regional analysis, as the ICT hierarchy has it in place of 지역균형발전.
pub(crate) fn policy(w: &mut Writer<'_>, p: &PolicyResult, technical_chapter: bool, t: &T) {
    w.chapter(t.m("report-policy-analysis"));
    w.para(
        &format!(
            "{} {}–{} {}",
            t.m("report-each-checklist-item-is-rated-on"),
            p.scale[0],
            p.scale[1],
            t.m("report-1-very-weak-5-very-strong")
        ),
        9.0,
        INK,
    );
    w.h2(t.m("report-summary-by-group"));
    group_table(w, &p.groups, p.overall, p.scale, t);
    w.h2(t.m("report-checklist"));
    item_table(w, &p.items, |g| policy_group(g, t), p.scale[1], t);
    if !p.technical.is_empty() {
        if technical_chapter {
            w.chapter(t.m("report-technical-feasibility"));
        } else {
            w.h2(t.m("report-technical-feasibility"));
        }
        w.para(t.m("report-for-ict-and-r-d-projects"), 9.0, INK);
        group_table(w, &p.technical_groups, p.technical_overall.unwrap_or(0.0), p.scale, t);
        item_table(w, &p.technical, |g| technical_group(g, t), p.scale[1], t);
    }
}

fn io_sector(s: IoSector, t: &T) -> &str {
    match s {
        IoSector::Construction => t.m("report-construction"),
        IoSector::Ict => t.m("report-information-services-and-software"),
        IoSector::Other => t.m("report-all-industry-average"),
    }
}

/// Balanced regional development (지역균형발전 분석): backwardness index, rank, regional effects.
pub(crate) fn regional(w: &mut Writer<'_>, r: &RegionalResult, t: &T) {
    w.chapter(t.m("report-balanced-regional-development"));
    if let Some(s) = &r.sigungu {
        crate::regional_sigungu::backwardness(w, r, s, t);
    } else {
        province_backwardness(w, r, t);
    }
    if let Some(e) = &r.two_region {
        crate::regional_sigungu::effects(w, e, t);
    } else {
        national_effects(w, r, t);
    }
    if r.sigungu.is_some() || r.two_region.is_some() {
        crate::regional_sigungu::sources(w, r, t);
    }
    for note in &r.notes {
        w.para(&format!("• {}", t.cat().diagnostic(note)), 8.5, GREY);
    }
}

/// The older form: the province's index among the 17 시·도.
fn province_backwardness(w: &mut Writer<'_>, r: &RegionalResult, t: &T) {
    let ko = matches!(t.lang, crate::Lang::Ko);
    let b = &r.backwardness;
    w.h2(t.m("report-regional-backwardness-index"));
    let yes_no = |v: bool| if v { t.m("report-yes") } else { t.m("report-no") }.to_owned();
    kv(
        w,
        t,
        vec![
            (t.m("report-region").into(), format!("{} ({})", r.region.name(ko), r.region.code())),
            (t.m("report-capital-region").into(), yes_no(r.capital_region)),
            (t.m("report-population-decline-area").into(), yes_no(r.population_decline_area)),
            (t.m("report-backwardness-index").into(), format!("{:.3}", b.index)),
            (t.m("report-rank-1-most-backward").into(), format!("{} / {}", b.rank, b.of)),
            (t.m("report-quartile-group").into(), format!("{} / 4", b.quartile)),
            (
                t.m("report-data").into(),
                if b.data.starts_with("fixtures/") {
                    t.m("report-regions-builtin")
                } else {
                    t.m("report-regions-user")
                }
                .to_owned(),
            ),
        ],
    );
    let cols = [
        Col { head: t.m("report-indicator"), width: 50.0, align: Align::Left },
        Col { head: t.m("report-region-s-value"), width: 25.0, align: Align::Right },
        Col { head: t.m("report-signed-z-backward"), width: 25.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = b
        .indicators
        .iter()
        .map(|i| vec![t.cat().code("indicator", i.id), thousands(i.value, 1), format!("{:+.3}", i.signed_z)])
        .collect();
    w.table(&cols, &rows, 8.5);
    ranking_chart(w, r, t);
}

/// The older form: national input-output multipliers on the spending in the region.
fn national_effects(w: &mut Writer<'_>, r: &RegionalResult, t: &T) {
    w.h2(t.m("report-regional-economic-effects"));
    let e = &r.effects;
    kv(
        w,
        t,
        vec![
            (t.m("report-input-output-sector").into(), io_sector(e.sector, t).into()),
            (t.m("report-investment-spending-krw-m").into(), t.amt(e.spending)),
            (t.m("report-share-spent-in-the-region").into(), pct(Some(e.share_in_region))),
            (
                t.m("report-production-induced-krw-m").into(),
                format!("{} (× {:.3})", t.amt(e.production), e.multipliers.production),
            ),
            (
                t.m("report-value-added-induced-krw-m").into(),
                format!("{} (× {:.3})", t.amt(e.value_added), e.multipliers.value_added),
            ),
            (
                t.m("report-employment-induced-person-years").into(),
                format!(
                    "{} ({:.1} {})",
                    thousands(e.employment, 0),
                    e.multipliers.employment_per_krw_bn,
                    t.m("report-per-krw-bn")
                ),
            ),
            (
                t.m("report-multipliers-source").into(),
                // The shipped table's English note, in the reader's words; a user's table keeps its own.
                if yeta_core::regional::BUILTIN_MULTIPLIERS.contains(&e.multipliers.source) {
                    t.m("report-multipliers-builtin").to_owned()
                } else {
                    e.multipliers.source.clone()
                },
            ),
        ],
    );
}

/// Every region's index as a horizontal bar, the project's region highlighted.
fn ranking_chart(w: &mut Writer<'_>, r: &RegionalResult, t: &T) {
    let ko = matches!(t.lang, crate::Lang::Ko);
    let rank = &r.backwardness.ranking;
    if rank.is_empty() {
        return;
    }
    let bar = 10.0;
    let h = 30.0 + rank.len() as f32 * (bar + 3.0);
    w.ensure(h + 10.0);
    w.text(ML, w.y - 8.0, 8.5, true, NAVY, t.m("report-backwardness-index-of-every-region-most"));
    let lo = rank.iter().map(|x| x.1).fold(0.0, f64::min);
    let hi = rank.iter().map(|x| x.1).fold(0.0, f64::max);
    let span = (hi - lo).max(1e-9);
    let (x0, x1) = (ML + 90.0, XR - 40.0);
    let xv = |v: f64| x0 + ((v - lo) / span) as f32 * (x1 - x0);
    let top = w.y - 20.0;
    for (i, (reg, v)) in rank.iter().enumerate() {
        let y = top - (i as f32 + 1.0) * (bar + 3.0);
        let mine = *reg == r.region;
        let c = if mine { RED } else { BLUE };
        w.text_right(x0 - 6.0, y + 2.0, 7.0, mine, if mine { INK } else { GREY }, reg.name(ko));
        let (a, b) = if *v >= 0.0 { (xv(0.0), xv(*v)) } else { (xv(*v), xv(0.0)) };
        w.rect(a, y, (b - a).max(0.3), bar, c);
        w.text(xv(v.max(0.0)) + 3.0, y + 2.0, 6.5, false, GREY, &format!("{v:+.3}"));
    }
    let bottom = top - rank.len() as f32 * (bar + 3.0);
    w.line(&[(xv(0.0), top), (xv(0.0), bottom - 2.0)], INK, 0.6);
    w.y = bottom - 16.0;
}

fn status(s: Compliance, t: &T) -> &str {
    match s {
        Compliance::Met => t.m("report-met"),
        Compliance::Partial => t.m("report-partly-met"),
        Compliance::NotMet => t.m("report-not-met"),
        Compliance::NotApplicable => t.m("report-n-a"),
    }
}

fn rating_label(r: &str, t: &T) -> String {
    match r {
        "low" => t.m("report-low"),
        "medium" => t.m("report-medium"),
        "high" => t.m("report-high"),
        "very high" | "very_high" => t.m("report-very-high"),
        other => other,
    }
    .to_owned()
}

/// Environmental risk (환경 위험 분석): energy, emissions and carbon value by year, the effect of
/// carbon on B/C, the risk register as a heat map and a table, and the compliance checklist.
pub(crate) fn environment(w: &mut Writer<'_>, e: &EnvironmentResult, study: Option<&Study>, t: &T) {
    let sec = study.and_then(|s| s.environment.as_ref());
    w.chapter(t.m("report-environmental-risk-2"));
    w.para(t.m("report-the-oecd-found-that-korea-s"), 9.0, INK);
    if let Some(n) = &e.net {
        net_effect(w, n, t);
    }
    w.h2(t.m("report-energy-emissions-and-carbon-value"));
    let mut rows = vec![
        (t.m("report-energy-use-whole-period-mwh").to_owned(), thousands(e.total_kwh / 1e3, 0)),
        (t.m("report-emissions-whole-period-tco2e").to_owned(), thousands(e.total_tco2e, 0)),
        (t.m("report-e-waste-tonnes").to_owned(), thousands(e.ewaste_tonnes, 1)),
        (
            t.m("report-grid-emission-factor-tco2e-mwh").to_owned(),
            match sec {
                Some(s) => format!("{:.4} — {}", e.grid_factor, s.grid_factor.source),
                None => format!("{:.4}", e.grid_factor),
            },
        ),
        (t.m("report-pv-of-the-carbon-value-krw").to_owned(), t.amt(e.carbon_pv)),
        (
            t.m("report-carbon-cost-in-the-economic-analysis").to_owned(),
            if e.included_in_economics { t.m("report-yes") } else { t.m("report-no-shown-for-information") }.to_owned(),
        ),
        (t.m("report-b-c-without-carbon-cost").to_owned(), ratio(e.bc_without_carbon)),
        (t.m("report-b-c-with-carbon-cost").to_owned(), ratio(e.bc_with_carbon)),
    ];
    if let Some(cp) = sec.and_then(|s| s.carbon_price.as_ref()) {
        rows.push((t.m("report-carbon-price-path-s-source").to_owned(), cp.source.clone()));
    }
    kv(w, t, rows);
    emissions_chart(w, e, t);
    let cols = [
        Col { head: t.m("report-year"), width: 10.0, align: Align::Left },
        Col { head: t.m("report-energy-mwh"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-operational-tco2e"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-embodied-tco2e"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-carbon-price-krw-t"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-carbon-value-krw-m"), width: 18.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = e
        .years
        .iter()
        .filter(|y| y.kwh != 0.0 || y.tco2e_embodied != 0.0 || y.tco2e_operational != 0.0)
        .map(|y| {
            vec![
                y.year.to_string(),
                thousands(y.kwh / 1e3, 0),
                thousands(y.tco2e_operational, 1),
                thousands(y.tco2e_embodied, 1),
                thousands(y.price, 0),
                t.amt(y.carbon_value),
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.0);
    if !e.devices.is_empty() {
        devices(w, e, t);
    }

    // Keep the heading with the heat map below it.
    w.ensure(5.0 * 34.0 + 110.0);
    w.h2(t.m("report-environmental-risk-register"));
    heat_map(w, e, t);
    let cols = [
        Col { head: "#", width: 5.0, align: Align::Left },
        Col { head: t.m("report-risk"), width: 27.0, align: Align::Left },
        Col { head: t.m("report-l-i"), width: 11.0, align: Align::Left },
        Col { head: t.m("report-rating-2"), width: 10.0, align: Align::Left },
        Col { head: t.m("report-owner"), width: 15.0, align: Align::Left },
        Col { head: t.m("report-mitigation"), width: 32.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = e
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                format!("R{}", i + 1),
                r.risk.title.clone(),
                format!("{} × {} = {}", r.risk.likelihood, r.risk.impact, r.score),
                rating_label(r.rating, t),
                r.risk.owner.clone(),
                r.risk.mitigation.clone(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        w.table(&cols, &rows, 7.8);
    }
    if let Some(sg) = e.suggested_risks.as_ref().filter(|sg| sg.for_sector > 0) {
        suggested_risks(w, sg, t);
    }

    w.h2(t.m("report-compliance-checklist"));
    let cols = [
        Col { head: t.m("report-requirement"), width: 30.0, align: Align::Left },
        Col { head: t.m("report-framework"), width: 24.0, align: Align::Left },
        Col { head: t.m("report-status"), width: 12.0, align: Align::Left },
        Col { head: t.m("report-evidence"), width: 34.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = e
        .compliance
        .iter()
        .map(|c| vec![c.requirement.clone(), c.framework.clone(), status(c.status, t).into(), c.evidence.clone()])
        .collect();
    if !rows.is_empty() {
        w.table(&cols, &rows, 7.8);
    }
    w.para(&format!("{}: {}", t.m("report-requirements-not-met-or-partly-met"), e.compliance_gaps), 9.0, INK);
    for c in &e.catalogues {
        catalogue(w, c, t);
    }
}

/// The sector's suggested register entries not taken up (미반영 권고 위험), at their starting
/// likelihood and impact, so the reader sees what the register leaves out.
fn suggested_risks(w: &mut Writer<'_>, sg: &yeta_core::environment::suggest::Suggestions, t: &T) {
    use yeta_core::environment::suggest::Category;
    let ko = t.lang == crate::render::Lang::Ko;
    let pick = |b: &yeta_core::environment::catalogue::Bilingual| if ko { b.ko.clone() } else { b.en.clone() };
    // Keep the heading and its introduction with the first rows of the table.
    w.ensure(150.0);
    w.h2(t.m("report-env-suggested-risks"));
    let args =
        [("total", sg.for_sector.to_string()), ("taken", sg.taken_up.to_string()), ("open", sg.open.len().to_string())];
    w.para(&t.f("report-env-suggested-risks-intro", &args), 9.0, INK);
    if sg.open.is_empty() {
        return;
    }
    let cols = [
        Col { head: t.m("report-risk"), width: 30.0, align: Align::Left },
        Col { head: t.m("report-env-risk-category"), width: 10.0, align: Align::Left },
        Col { head: t.m("report-l-i"), width: 10.0, align: Align::Left },
        Col { head: t.m("report-owner"), width: 16.0, align: Align::Left },
        Col { head: t.m("report-mitigation"), width: 34.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = sg
        .open
        .iter()
        .map(|o| {
            let cat = match o.entry.category {
                Category::Physical => t.m("report-env-risk-physical"),
                Category::Regulatory => t.m("report-env-risk-regulatory"),
                Category::Transition => t.m("report-env-risk-transition"),
            };
            vec![
                pick(&o.entry.title),
                cat.to_owned(),
                format!("{} × {} = {}", o.entry.likelihood, o.entry.impact, o.score),
                pick(&o.entry.owner),
                pick(&o.entry.mitigation),
            ]
        })
        .collect();
    w.table(&cols, &rows, 7.6);
    let sources: Vec<String> = sg.open.iter().map(|o| pick(&o.entry.source)).collect();
    w.para(&format!("{}: {} {}", t.m("report-source-2"), pick(&sg.source), sources.join(" ")), 7.0, GREY);
}

/// A compliance catalogue's score and the items not met (준수 점검 결과와 미충족 항목).
fn catalogue(w: &mut Writer<'_>, c: &yeta_core::environment::catalogue::Score, t: &T) {
    let ko = t.lang == crate::render::Lang::Ko;
    let pick = |b: &yeta_core::environment::catalogue::Bilingual| if ko { b.ko.clone() } else { b.en.clone() };
    w.h2(&pick(&c.title));
    let args = [
        ("score", c.score.map_or_else(|| "—".to_owned(), |x| format!("{:.0} %", x * 100.0))),
        ("met", c.met.to_string()),
        ("partial", c.partial.to_string()),
        ("applicable", c.applicable.to_string()),
        ("unmet", c.gaps.len().to_string()),
    ];
    w.para(&t.f("report-env-catalogue-score", &args), 9.0, INK);
    let cols = [
        Col { head: t.m("report-requirement"), width: 50.0, align: Align::Left },
        Col { head: t.m("report-status"), width: 14.0, align: Align::Left },
        Col { head: t.m("report-evidence"), width: 36.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = c
        .gaps
        .iter()
        .map(|g| {
            let st =
                if g.unanswered { t.m("report-env-unanswered").to_owned() } else { status(g.status, t).to_owned() };
            vec![pick(&g.item.title), st, g.evidence.clone()]
        })
        .collect();
    if !rows.is_empty() {
        w.table(&cols, &rows, 7.8);
    }
}

fn tonnes(x: rust_decimal::Decimal, decimals: usize) -> String {
    thousands(x.to_string().parse::<f64>().unwrap_or(f64::NAN), decimals)
}

/// The net effect against the counterfactual first (순배출 효과): whether the project reduces or
/// adds emissions, by how much and at what value; then by source and by year.
fn net_effect(w: &mut Writer<'_>, n: &yeta_core::environment::NetResult, t: &T) {
    use yeta_core::environment::{Side, SourceKind};
    w.h2(t.m("report-env-net-effect"));
    let (first, last) = (n.years.first().map_or(0, |y| y.year), n.years.last().map_or(0, |y| y.year));
    let args = [
        ("tonnes", tonnes(n.net_tco2e.abs(), 0)),
        ("project", tonnes(n.project_tco2e, 0)),
        ("counterfactual", tonnes(n.counterfactual_tco2e, 0)),
        ("first", first.to_string()),
        ("last", last.to_string()),
        ("value", format!("{} {}", t.amt(n.carbon_pv.abs()), t.unit_label())),
    ];
    let id = if n.net_tco2e < rust_decimal::Decimal::ZERO { "report-env-net-reduces" } else { "report-env-net-adds" };
    w.para(&t.f(id, &args), 10.0, INK);
    if n.factors.is_some() {
        w.para(if n.counted { t.m("report-env-counted") } else { t.m("report-env-opted-out") }, 9.0, INK);
        let mut rows =
            vec![(t.m("report-env-energy-value-pv").to_owned(), format!("{} {}", t.amt(n.energy_pv), t.unit_label()))];
        rows.push((t.m("report-env-npv-without").to_owned(), format!("{} {}", t.amt(n.npv_without), t.unit_label())));
        kv(w, t, rows);
        let cols = [
            Col { head: t.m("report-env-series"), width: 22.0, align: Align::Left },
            Col { head: t.m("report-env-carbon-pv"), width: 26.0, align: Align::Right },
            Col { head: "NPV", width: 26.0, align: Align::Right },
            Col { head: "B/C", width: 16.0, align: Align::Right },
        ];
        let rows: Vec<Vec<String>> = n
            .runs
            .iter()
            .map(|r| {
                let name = match r.series {
                    yeta_core::environment::factors::Series::Low => t.m("report-env-series-low"),
                    yeta_core::environment::factors::Series::Central => t.m("report-env-series-central"),
                    yeta_core::environment::factors::Series::High => t.m("report-env-series-high"),
                };
                vec![
                    name.to_owned(),
                    t.amt(r.carbon_pv),
                    t.amt(r.npv),
                    r.bc_ratio.map_or_else(|| "—".to_owned(), |x| format!("{x:.3}")),
                ]
            })
            .collect();
        w.table(&cols, &rows, 7.8);
    }
    if let Some(f) = &n.factors {
        // A published series is shown with its source; an illustrative one says so, with the
        // set and vintage and the public table that should replace it (from the catalog).
        let label = |p: &yeta_core::environment::factors::Path, source: &str, replace: &str| {
            if p.illustrative {
                format!("{} ({}, {}). {}", t.m("report-env-illustrative"), f.set, p.vintage, t.m(replace))
            } else {
                source.to_owned()
            }
        };
        let rows = vec![
            (
                t.m("report-env-grid-path").to_owned(),
                label(&f.grid_factor.value, &f.grid_factor.source, "report-env-replace-grid"),
            ),
            (
                t.m("report-env-electricity-path").to_owned(),
                label(&f.electricity_value.value, &f.electricity_value.source, "report-env-replace-electricity"),
            ),
            (
                t.m("report-env-carbon-series").to_owned(),
                label(&f.carbon_values.value.central, &f.carbon_values.source, "report-env-replace-carbon"),
            ),
        ];
        kv(w, t, rows);
    }
    let cols = [
        Col { head: t.m("report-env-side"), width: 18.0, align: Align::Left },
        Col { head: t.m("report-env-source"), width: 42.0, align: Align::Left },
        Col { head: t.m("report-env-source-kind"), width: 20.0, align: Align::Left },
        Col { head: "tCO2e", width: 20.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = n
        .sources
        .iter()
        .map(|s| {
            let side = match s.side {
                Side::Project => t.m("report-env-side-project"),
                Side::Counterfactual => t.m("report-env-side-counterfactual"),
            };
            let kind = match s.kind {
                SourceKind::Electricity => t.m("report-env-kind-electricity"),
                SourceKind::Embodied => t.m("report-env-kind-embodied"),
                SourceKind::Paper => t.m("report-env-kind-paper"),
                SourceKind::Printing => t.m("report-env-kind-printing"),
                SourceKind::Postage => t.m("report-env-kind-postage"),
                SourceKind::Travel => t.m("report-env-kind-travel"),
                SourceKind::Other => t.m("report-env-kind-other"),
            };
            vec![side.to_owned(), s.name.clone(), kind.to_owned(), tonnes(s.tco2e, 1)]
        })
        .collect();
    w.table(&cols, &rows, 7.8);
    let cols = [
        Col { head: t.m("report-year"), width: 12.0, align: Align::Left },
        Col { head: t.m("report-env-grid-factor-short"), width: 14.0, align: Align::Right },
        Col { head: t.m("report-env-project-t"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-env-counterfactual-t"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-env-net-t"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-env-net-value"), width: 20.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = n
        .years
        .iter()
        .filter(|y| !(y.project_tco2e.is_zero() && y.counterfactual_tco2e.is_zero()))
        .map(|y| {
            vec![
                y.year.to_string(),
                format!("{:.4}", y.grid_factor.to_string().parse::<f64>().unwrap_or(f64::NAN)),
                tonnes(y.project_tco2e, 1),
                tonnes(y.counterfactual_tco2e, 1),
                tonnes(y.net_tco2e, 1),
                t.amt(y.carbon_value),
            ]
        })
        .collect();
    w.table(&cols, &rows, 7.8);
}

/// Embodied emissions and e-waste by device class (장비 유형별 내재 배출·폐기물).
fn devices(w: &mut Writer<'_>, e: &EnvironmentResult, t: &T) {
    use yeta_core::environment::DeviceClass;
    w.h2(t.m("report-env-devices"));
    let cols = [
        Col { head: t.m("report-env-device-class"), width: 20.0, align: Align::Left },
        Col { head: t.m("report-env-device-line"), width: 36.0, align: Align::Left },
        Col { head: t.m("report-env-device-units"), width: 14.0, align: Align::Right },
        Col { head: "tCO2e", width: 15.0, align: Align::Right },
        Col { head: t.m("report-e-waste-tonnes"), width: 15.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = e
        .devices
        .iter()
        .map(|d| {
            let class = match d.class {
                DeviceClass::Servers => t.m("report-env-class-servers"),
                DeviceClass::Storage => t.m("report-env-class-storage"),
                DeviceClass::Network => t.m("report-env-class-network"),
                DeviceClass::EndUser => t.m("report-env-class-end-user"),
            };
            vec![
                class.to_owned(),
                d.cost_line.clone(),
                d.units.map_or_else(|| "—".to_owned(), |u| tonnes(u, 0)),
                tonnes(d.tco2e, 1),
                tonnes(d.ewaste_tonnes, 1),
            ]
        })
        .collect();
    w.table(&cols, &rows, 7.8);
}

/// Yearly emissions as stacked bars (operational, embodied).
fn emissions_chart(w: &mut Writer<'_>, e: &EnvironmentResult, t: &T) {
    let years: Vec<_> = e.years.iter().filter(|y| y.tco2e_operational + y.tco2e_embodied > 0.0).collect();
    if years.is_empty() {
        return;
    }
    let h = 150.0;
    w.ensure(h + 30.0);
    w.text(ML, w.y - 8.0, 8.5, true, NAVY, t.m("report-greenhouse-gas-emissions-by-year-tco2e"));
    let (x0, x1) = (ML + 50.0, XR);
    let (y0, y1) = (w.y - h, w.y - 20.0);
    let max = years.iter().map(|y| y.tco2e_operational + y.tco2e_embodied).fold(0.0, f64::max);
    let step = crate::render::nice_step(max);
    let top = (max / step).ceil() * step;
    let yv = |v: f64| y0 + (v / top.max(1e-9)) as f32 * (y1 - y0);
    let mut v = 0.0;
    while v <= top + step * 0.01 {
        w.line(&[(x0, yv(v)), (x1, yv(v))], if v == 0.0 { INK } else { RULE }, if v == 0.0 { 0.8 } else { 0.3 });
        w.text_right(x0 - 4.0, yv(v) - 2.5, 6.5, false, GREY, &thousands(v, 0));
        v += step;
    }
    let bw = (x1 - x0) / years.len() as f32;
    for (i, y) in years.iter().enumerate() {
        let x = x0 + i as f32 * bw + bw * 0.15;
        w.rect(x, yv(0.0), bw * 0.7, yv(y.tco2e_operational) - yv(0.0), GREEN);
        if y.tco2e_embodied > 0.0 {
            w.rect(
                x,
                yv(y.tco2e_operational),
                bw * 0.7,
                yv(y.tco2e_operational + y.tco2e_embodied) - yv(y.tco2e_operational),
                (0.55, 0.45, 0.30),
            );
        }
        if years.len() <= 15 || y.year % 5 == 0 || i == 0 {
            w.text_center(x + bw * 0.35, y0 - 10.0, 6.5, false, GREY, &y.year.to_string());
        }
    }
    let ly = y1 + 6.0;
    w.rect(x1 - 170.0, ly, 8.0, 6.0, GREEN);
    w.text(x1 - 158.0, ly, 7.0, false, INK, t.m("report-operational"));
    w.rect(x1 - 90.0, ly, 8.0, 6.0, (0.55, 0.45, 0.30));
    w.text(x1 - 78.0, ly, 7.0, false, INK, t.m("report-embodied"));
    w.y = y0 - 24.0;
}

/// The 5 × 5 likelihood × impact matrix with each risk's number in its cell.
fn heat_map(w: &mut Writer<'_>, e: &EnvironmentResult, t: &T) {
    if e.risks.is_empty() {
        w.para(t.m("report-no-environmental-risks-were-entered"), 9.0, GREY);
        return;
    }
    let cell = 34.0;
    let h = 5.0 * cell + 46.0;
    w.ensure(h);
    let x0 = ML + 60.0;
    let y0 = w.y - 12.0 - 5.0 * cell;
    for l in 1..=5u8 {
        for i in 1..=5u8 {
            let s = l * i;
            let c = match s {
                1..=4 => (0.80, 0.92, 0.80),
                5..=9 => (0.99, 0.93, 0.70),
                10..=16 => (0.98, 0.75, 0.55),
                _ => (0.93, 0.50, 0.45),
            };
            let x = x0 + (i - 1) as f32 * cell;
            let y = y0 + (l - 1) as f32 * cell;
            w.rect(x, y, cell, cell, c);
            w.rect_stroke(x, y, cell, cell, (1.0, 1.0, 1.0), 1.0);
            let ids: Vec<String> = e
                .risks
                .iter()
                .enumerate()
                .filter(|(_, r)| r.risk.likelihood == l && r.risk.impact == i)
                .map(|(k, _)| format!("R{}", k + 1))
                .collect();
            if !ids.is_empty() {
                w.text_center(x + cell / 2.0, y + cell / 2.0 - 3.0, 7.5, true, INK, &ids.join(" "));
            }
        }
        w.text_right(x0 - 4.0, y0 + (l - 1) as f32 * cell + cell / 2.0 - 3.0, 7.0, false, GREY, &l.to_string());
    }
    for i in 1..=5 {
        w.text_center(x0 + (i as f32 - 0.5) * cell, y0 - 10.0, 7.0, false, GREY, &i.to_string());
    }
    w.text_center(x0 + 2.5 * cell, y0 - 22.0, 7.5, false, INK, t.m("report-impact"));
    w.text(ML, y0 + 5.0 * cell + 4.0, 7.5, false, INK, t.m("report-likelihood"));
    // Legend beside the grid.
    let lx = x0 + 5.0 * cell + 30.0;
    for (k, (c, label)) in [
        ((0.80, 0.92, 0.80), t.m("report-low-1-4")),
        ((0.99, 0.93, 0.70), t.m("report-medium-5-9")),
        ((0.98, 0.75, 0.55), t.m("report-high-10-16")),
        ((0.93, 0.50, 0.45), t.m("report-very-high-20-25")),
    ]
    .into_iter()
    .enumerate()
    {
        let y = y0 + 5.0 * cell - 14.0 - k as f32 * 14.0;
        w.rect(lx, y, 10.0, 8.0, c);
        w.text(lx + 14.0, y + 1.0, 7.5, false, INK, label);
    }
    w.y = y0 - 34.0;
}

pub(crate) fn criterion_label(id: &str, name: &str, t: &T) -> String {
    match id {
        "economic" => t.m("report-economic-feasibility"),
        "policy" => t.m("report-policy-analysis-2"),
        "regional" => t.m("report-balanced-regional-development-2"),
        "technical" => t.m("report-technical-feasibility-2"),
        "backwardness" => t.m("report-regional-backwardness"),
        "regional_economy" => t.m("report-regional-economic-effects"),
        "employment" => t.m("report-employment-inducement"),
        _ => return group_label(id, t).replace('_', " ").if_empty(name),
    }
    .to_owned()
}

/// A column-header label for a top-level criterion.
fn short_label(id: &str, t: &T) -> String {
    match id {
        "economic" => t.m("report-econ"),
        "policy" => t.m("report-policy"),
        "regional" => t.m("report-regional"),
        "technical" => t.m("report-technical"),
        other => other,
    }
    .to_owned()
}

trait IfEmpty {
    fn if_empty(self, other: &str) -> String;
}
impl IfEmpty for String {
    fn if_empty(self, other: &str) -> String {
        if self.is_empty() { other.to_owned() } else { self }
    }
}

/// The AHP comprehensive evaluation (AHP 종합평가): the hierarchy with weights and scores, the
/// weights chart, each evaluator's score and consistency, repair hints, and the robustness of the
/// verdict across the rule set's weight ranges.
pub(crate) fn ahp(w: &mut Writer<'_>, a: &AhpResult, t: &T) {
    w.chapter(t.m("report-ahp-comprehensive-evaluation"));
    let title = format!(
        "{} {:.3} — {}",
        t.m("report-score-for-implement"),
        a.score,
        if a.implement { t.m("report-implement") } else { t.m("report-do-not-implement") }
    );
    let body = format!(
        "{} {:.3}–{:.3}; {} {:.2}; {}",
        t.m("report-score-range-across-the-allowed-weights"),
        a.score_range[0],
        a.score_range[1],
        t.m("report-threshold-2"),
        a.threshold,
        if a.robust {
            t.m("report-the-verdict-holds-across-the-range")
        } else {
            t.m("report-the-verdict-changes-within-the-range")
        }
    );
    w.banner(a.implement, &title, 13.0, &body, 9.0);

    w.h2(t.m("report-criteria-weights-scores-and-contributions"));
    let cols = [
        Col { head: t.m("report-criterion"), width: 30.0, align: Align::Left },
        Col { head: t.m("report-allowed-range"), width: 14.0, align: Align::Right },
        Col { head: t.m("report-weight-as-judged"), width: 14.0, align: Align::Right },
        Col { head: t.m("report-weight-applied"), width: 14.0, align: Align::Right },
        Col { head: t.m("report-implement-priority"), width: 14.0, align: Align::Right },
        Col { head: t.m("report-contribution"), width: 14.0, align: Align::Right },
    ];
    let mut rows: Vec<Vec<String>> = a
        .criteria
        .iter()
        .map(|c| {
            vec![
                criterion_label(&c.id, &c.name, t),
                c.range.map_or("—".into(), |r| format!("{:.2}–{:.2}", r[0], r[1])),
                format!("{:.3}", c.weight_unconstrained),
                format!("{:.3}", c.weight),
                format!("{:.3}", c.score),
                format!("{:.3}", c.contribution),
            ]
        })
        .collect();
    rows.push(vec![
        t.m("report-total").into(),
        String::new(),
        format!("{:.3}", a.criteria.iter().map(|c| c.weight_unconstrained).sum::<f64>()),
        format!("{:.3}", a.criteria.iter().map(|c| c.weight).sum::<f64>()),
        String::new(),
        format!("{:.3}", a.score),
    ]);
    w.table(&cols, &rows, 8.5);
    weights_chart(w, a, t);
    if a.weight_range.is_some() {
        // The range's source is cited in appendix A, with the rule set's other sources.
        w.para(t.m("report-weight-ranges-see-appendix"), 8.0, GREY);
    }

    w.h2(t.m("report-sub-criteria-global-weights"));
    let cols = [
        Col { head: t.m("report-sub-criterion"), width: 52.0, align: Align::Left },
        Col { head: t.m("report-global-weight"), width: 16.0, align: Align::Right },
        Col { head: t.m("report-implement-priority"), width: 16.0, align: Align::Right },
        Col { head: t.m("report-weighted"), width: 16.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = a
        .leaves
        .iter()
        .map(|l| {
            vec![
                l.path.iter().map(|p| criterion_label(p, p, t)).collect::<Vec<_>>().join(" / "),
                format!("{:.4}", l.global_weight),
                format!("{:.3}", l.implement_priority),
                format!("{:.4}", l.global_weight * l.implement_priority),
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.0);

    w.h2(t.m("report-evaluators"));
    let mut cols = vec![
        Col { head: t.m("report-evaluator"), width: 20.0, align: Align::Left },
        Col { head: t.m("report-role"), width: 22.0, align: Align::Left },
    ];
    let ids: Vec<&str> = a.criteria.iter().map(|c| c.id.as_str()).collect();
    let heads: Vec<String> = ids.iter().map(|id| format!("w {}", short_label(id, t))).collect();
    for h in &heads {
        cols.push(Col { head: h, width: 11.0, align: Align::Right });
    }
    cols.push(Col { head: t.m("report-score"), width: 9.0, align: Align::Right });
    cols.push(Col { head: t.m("report-max-cr"), width: 9.0, align: Align::Right });
    cols.push(Col { head: t.m("report-outside-range"), width: 12.0, align: Align::Left });
    let rows: Vec<Vec<String>> = a
        .evaluators
        .iter()
        .map(|ev| {
            let mut r = vec![ev.name.clone(), ev.role.clone().unwrap_or_default()];
            for id in &ids {
                r.push(ev.weights.get(*id).map_or("—".into(), |x| format!("{x:.3}")));
            }
            r.push(format!("{:.3}", ev.score));
            r.push(format!("{:.3}{}", ev.cr, if ev.consistent { "" } else { " ▲" }));
            r.push(if ev.outside_range.is_empty() {
                "—".into()
            } else {
                ev.outside_range.iter().map(|id| criterion_label(id, id, t)).collect::<Vec<_>>().join(", ")
            });
            r
        })
        .collect();
    w.table(&cols, &rows, 7.8);
    w.para(
        &format!(
            "{} {:.2}. {}: {}; {}: {}.",
            t.m("report-consistency-ratio-above-the-cut-off"),
            a.cr_cutoff,
            t.m("report-aggregation"),
            match a.aggregation {
                yeta_core::ahp::Aggregation::Aij => t.m("report-geometric-mean-of-individual-judgements-aij"),
                _ => t.m("report-mean-of-individual-priorities-aip"),
            },
            t.m("report-priorities"),
            match a.method {
                yeta_core::ahp::Method::Eigenvector => t.m("report-principal-eigenvector"),
                _ => t.m("report-geometric-mean-of-rows"),
            }
        ),
        8.0,
        GREY,
    );
    let hints: Vec<String> = a
        .evaluators
        .iter()
        .flat_map(|ev| ev.hints.iter().map(move |h| format!("{} — {}", ev.name, t.cat().hint(h, a.cr_cutoff))))
        .collect();
    if !hints.is_empty() {
        w.h2(t.m("report-judgements-to-reconsider-cr-above-the"));
        for h in hints {
            w.para(&format!("• {h}"), 8.5, INK);
        }
    }
    for note in &a.notes {
        w.para(&format!("• {}", t.cat().diagnostic(note)), 8.5, GREY);
    }
    panel_review(w, a, t);
}

/// The reviewer's view (종합평가 검토): what would flip the verdict, and whom it rests on.
/// A criterion's or sub-criterion's name in the reader's words.
fn node_name(a: &AhpResult, id: &str, t: &T) -> String {
    let leaf = a.leaves.iter().find(|l| l.id == id).and_then(|l| l.path.last().cloned());
    let n = criterion_label(id, leaf.as_deref().unwrap_or(id), t);
    if n == id { t.cat().code("criterion", id) } else { n }
}

/// "The nearest allowed weights that flip the verdict lie …", when any do.
pub(crate) fn weights_flip(a: &AhpResult, t: &T) -> Option<String> {
    let ws = a.panel.weight_switch.as_ref()?;
    let (id, change) = &ws.largest_change;
    Some(t.f(
        "report-weights-flip",
        &[
            ("distance", format!("{:.3}", ws.distance)),
            ("criterion", node_name(a, id, t)),
            ("change", format!("{change:+.3}")),
        ],
    ))
}

fn panel_review(w: &mut Writer<'_>, a: &AhpResult, t: &T) {
    let p = &a.panel;
    let name = |id: &str| node_name(a, id, t);
    w.h2(t.m("report-verdict-switching-values"));
    match &p.weight_switch {
        None => w.para(t.m("report-weights-cannot-flip"), 9.0, INK),
        Some(ws) => {
            w.para(&weights_flip(a, t).unwrap_or_default(), 9.0, INK);
            let cols = [
                Col { head: t.m("report-criterion"), width: 40.0, align: Align::Left },
                Col { head: t.m("report-applied-weight"), width: 30.0, align: Align::Right },
                Col { head: t.m("report-flip-weight"), width: 30.0, align: Align::Right },
            ];
            let rows: Vec<Vec<String>> = ws
                .weights
                .iter()
                .map(|(id, v)| {
                    let now = a.weights.get(id).copied().unwrap_or(f64::NAN);
                    vec![name(id), format!("{now:.3}"), format!("{v:.3}")]
                })
                .collect();
            w.table(&cols, &rows, 8.5);
        }
    }
    let cols = [
        Col { head: t.m("report-sub-criterion"), width: 46.0, align: Align::Left },
        Col { head: t.m("report-panel-judgement"), width: 22.0, align: Align::Right },
        Col { head: t.m("report-flip-judgement"), width: 32.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = p
        .leaf_switches
        .iter()
        .map(|l| {
            vec![
                name(&l.leaf),
                yeta_core::ahp::matrix::saaty_text(l.judgement),
                l.flip.map_or_else(
                    || t.m("report-no-flip-on-the-scale").to_owned(),
                    |f| format!("{} ({f:.2})", yeta_core::ahp::matrix::saaty_text(f)),
                ),
            ]
        })
        .collect();
    w.para(t.m("report-leaf-switch-intro"), 8.5, GREY);
    w.table(&cols, &rows, 8.5);

    w.h2(t.m("report-who-the-score-rests-on"));
    if let Some([lo, hi]) = p.score_spread {
        w.para(&t.f("report-score-spread", &[("low", format!("{lo:.3}")), ("high", format!("{hi:.3}"))]), 9.0, INK);
    }
    if !p.leave_one_out.is_empty() {
        let cols = [
            Col { head: t.m("report-evaluator-left-out"), width: 44.0, align: Align::Left },
            Col { head: t.m("report-score-without"), width: 28.0, align: Align::Right },
            Col { head: t.m("report-verdict-without"), width: 28.0, align: Align::Left },
        ];
        let rows: Vec<Vec<String>> = p
            .leave_one_out
            .iter()
            .map(|l| {
                vec![
                    l.evaluator.clone(),
                    format!("{:.3}", l.score),
                    t.m(if l.implement { "report-implement" } else { "report-do-not-implement" }).to_owned(),
                ]
            })
            .collect();
        w.table(&cols, &rows, 8.5);
        let flips = p.leave_one_out.iter().filter(|l| l.implement != a.implement).count();
        w.para(
            &if flips == 0 {
                t.m("report-no-single-evaluator").to_owned()
            } else {
                t.f("report-single-evaluators", &[("n", flips.to_string())])
            },
            9.0,
            INK,
        );
    }
    if !p.consensus.is_empty() {
        let cols = [
            Col { head: t.m("report-node"), width: 44.0, align: Align::Left },
            Col { head: t.m("report-dispersion"), width: 22.0, align: Align::Right },
            Col { head: t.m("report-farthest-evaluator"), width: 34.0, align: Align::Left },
        ];
        let rows: Vec<Vec<String>> = p
            .consensus
            .iter()
            .map(|c| {
                let node = match c.node.as_str() {
                    "alternatives" => t.m("report-node-alternatives").to_owned(),
                    "goal" => t.m("report-node-goal").to_owned(),
                    id => name(id),
                };
                vec![node, format!("{:.2}", c.dispersion), c.farthest.clone().unwrap_or_else(|| "—".into())]
            })
            .collect();
        w.para(t.m("report-dispersion-intro"), 8.5, GREY);
        w.table(&cols, &rows, 8.5);
    }
    for x in &p.stale {
        w.para(
            &format!(
                "• {}",
                t.f(
                    "report-stale",
                    &[
                        ("evaluator", x.evaluator.clone()),
                        ("seen", format!("{:.2}", x.bc_seen)),
                        ("bc", format!("{:.2}", x.bc)),
                    ],
                )
            ),
            9.0,
            INK,
        );
    }
    for x in &p.incoherent {
        w.para(
            &format!(
                "• {}",
                t.f(
                    "report-incoherent",
                    &[
                        ("evaluator", x.evaluator.clone()),
                        ("judgement", yeta_core::ahp::matrix::saaty_text(x.judgement)),
                        ("bc", format!("{:.2}", x.bc)),
                    ],
                )
            ),
            9.0,
            INK,
        );
    }
}

/// Weights of the top-level criteria as bars, with each evaluator's weight as a tick and the
/// allowed range as a bracket, so a reviewer sees spread and constraint at once.
fn weights_chart(w: &mut Writer<'_>, a: &AhpResult, t: &T) {
    let n = a.criteria.len();
    if n == 0 {
        return;
    }
    let row = 24.0;
    let h = 34.0 + n as f32 * row + 16.0;
    w.ensure(h);
    w.text(ML, w.y - 8.0, 8.5, true, NAVY, t.m("report-criterion-weights-panel-bar-evaluators-ticks"));
    let (x0, x1) = (ML + 110.0, XR - 30.0);
    let xv = |v: f64| x0 + v as f32 * (x1 - x0);
    let top = w.y - 22.0;
    for (i, c) in a.criteria.iter().enumerate() {
        let y = top - (i as f32 + 1.0) * row;
        w.text_right(x0 - 6.0, y + 6.0, 8.0, false, INK, &criterion_label(&c.id, &c.name, t));
        w.rect(x0, y + 2.0, xv(c.weight) - x0, 14.0, BLUE);
        w.text(x1 + 6.0, y + 6.0, 7.5, true, INK, &format!("{:.3}", c.weight));
        for ev in &a.evaluators {
            if let Some(&v) = ev.weights.get(&c.id) {
                w.line(&[(xv(v), y), (xv(v), y + 18.0)], INK, 0.7);
            }
        }
        if let Some([lo, hi]) = c.range {
            w.line(&[(xv(lo), y + 19.0), (xv(lo), y + 21.0), (xv(hi), y + 21.0), (xv(hi), y + 19.0)], RED, 1.0);
        }
    }
    let bottom = top - n as f32 * row - 4.0;
    w.line(&[(x0, bottom), (x1, bottom)], GREY, 0.5);
    for k in 0..=5 {
        let v = k as f64 * 0.2;
        w.line(&[(xv(v), bottom), (xv(v), bottom - 3.0)], GREY, 0.5);
        w.text_center(xv(v), bottom - 11.0, 6.5, false, GREY, &format!("{v:.1}"));
    }
    w.y = bottom - 22.0;
}

/// The uncertain inputs in the reader's words: the study's line names, and the discount rate
/// (which the engine lists last by its English name) from the catalog.
fn uncertain_names(r: &yeta_core::risk::RiskResult, t: &T) -> Vec<String> {
    let lines = r.uncertain.len() - usize::from(r.rate_uncertain && !r.uncertain.is_empty());
    let mut v: Vec<String> = r.uncertain[..lines].to_vec();
    if r.rate_uncertain {
        v.push(t.cat().text("discount-rate"));
    }
    v
}

/// Monte Carlo risk analysis (위험 분석): the distribution of NPV and B/C, P(B/C ≥ 1), the NPV
/// histogram and the critical variables (EU CBA guide 2014), with the seed that repeats the run.
pub(crate) fn risk(w: &mut Writer<'_>, r: &yeta_core::risk::RiskResult, t: &T) {
    w.h2(t.m("report-risk-analysis-monte-carlo"));
    w.para(
        &format!(
            "{} {} {} {}. {}: {}.",
            thousands(r.draws as f64, 0),
            t.m("report-draws-with-seed"),
            r.seed,
            t.m("report-the-same-seed-gives-the-same"),
            t.m("report-uncertain-inputs"),
            if r.uncertain.is_empty() { "—".to_owned() } else { uncertain_names(r, t).join(", ") }
        ),
        9.0,
        INK,
    );
    w.banner(r.prob_bc_ge_1 >= 0.5, &format!("P(B/C ≥ 1) = {:.1} %", r.prob_bc_ge_1 * 100.0), 13.0, "", 9.0);
    let m = |x: &yeta_core::risk::Money| t.amt(x.0);
    let cols = [
        Col { head: "", width: 28.0, align: Align::Left },
        Col { head: t.m("report-mean"), width: 12.0, align: Align::Right },
        Col { head: "P5", width: 12.0, align: Align::Right },
        Col { head: "P10", width: 12.0, align: Align::Right },
        Col { head: "P50", width: 12.0, align: Align::Right },
        Col { head: "P90", width: 12.0, align: Align::Right },
        Col { head: "P95", width: 12.0, align: Align::Right },
    ];
    let (nv, bc) = (&r.npv, &r.bc_ratio);
    let rows = vec![
        vec![t.m("report-npv-krw-m").into(), m(&nv.mean), m(&nv.p5), m(&nv.p10), m(&nv.p50), m(&nv.p90), m(&nv.p95)],
        vec![
            "B/C".into(),
            format!("{:.3}", bc.mean),
            format!("{:.3}", bc.p5),
            format!("{:.3}", bc.p10),
            format!("{:.3}", bc.p50),
            format!("{:.3}", bc.p90),
            format!("{:.3}", bc.p95),
        ],
    ];
    w.table(&cols, &rows, 8.5);
    let mut facts = vec![
        (t.m("report-p-npv-0").to_owned(), format!("{:.1} %", r.prob_npv_positive * 100.0)),
        (t.m("report-standard-error-of-the-mean-npv").to_owned(), m(&nv.se)),
    ];
    if let Some(e) = &r.npv_expected_analytic {
        facts.push((
            t.m("report-analytic-expectation-of-npv-krw-m").to_owned(),
            format!("{} ({})", m(e), t.m("report-e-multiplier-pv-of-each-line")),
        ));
    }
    kv(w, t, facts);
    histogram(w, r, t);
    if !r.critical_variables.is_empty() {
        w.h3(t.m("report-critical-variables"));
        w.para(t.m("report-variables-whose-1-change-moves-npv"), 8.5, GREY);
        let cols = [
            Col { head: t.m("report-list"), width: 16.0, align: Align::Left },
            Col { head: t.m("report-variable"), width: 50.0, align: Align::Left },
            Col { head: t.m("report-npv-change-per-1"), width: 18.0, align: Align::Right },
            Col { head: t.m("report-uncertain-in-the-study"), width: 16.0, align: Align::Left },
        ];
        let rows: Vec<Vec<String>> = r
            .critical_variables
            .iter()
            .map(|c| {
                vec![
                    match c.variable {
                        Variable::Line { list, .. } => t.cat().code("list", list.code()),
                        Variable::DiscountRate => t.cat().text("discount-rate"),
                    },
                    match c.variable {
                        Variable::Line { origin: Origin::Carbon, .. } => t.cat().text("line-carbon"),
                        Variable::Line { origin: Origin::OptimismBias, .. } => t.cat().text("line-optimism-bias"),
                        Variable::Line { .. } => c.name.clone(),
                        Variable::DiscountRate => t.cat().text("discount-rate"),
                    },
                    format!("{:+.2} %", c.elasticity),
                    if c.uncertain { t.m("report-yes") } else { t.m("report-no") }.into(),
                ]
            })
            .collect();
        w.table(&cols, &rows, 8.0);
    }
}

/// The NPV histogram, bins left of zero in red.
fn histogram(w: &mut Writer<'_>, r: &yeta_core::risk::RiskResult, t: &T) {
    let bins = &r.histogram;
    let max = bins.iter().map(|b| b.count).max().unwrap_or(0);
    if bins.is_empty() || max == 0 {
        return;
    }
    let h = 150.0;
    w.ensure(h + 30.0);
    w.text(ML, w.y - 8.0, 8.5, true, NAVY, t.m("report-distribution-of-npv-krw-million"));
    let (x0, x1) = (ML + 34.0, XR);
    let (y0, y1) = (w.y - h, w.y - 26.0);
    let bw = (x1 - x0) / bins.len() as f32;
    for (i, b) in bins.iter().enumerate() {
        let hgt = (b.count as f32 / max as f32) * (y1 - y0);
        let mid = (b.from + b.to) / rust_decimal::Decimal::TWO;
        let c = if mid < rust_decimal::Decimal::ZERO { RED } else { BLUE };
        w.rect(x0 + i as f32 * bw + 0.5, y0, bw - 1.0, hgt, c);
    }
    w.line(&[(x0, y0), (x1, y0)], INK, 0.6);
    let step = (bins.len() / 5).max(1);
    for (i, b) in bins.iter().enumerate().step_by(step) {
        w.text_center(x0 + i as f32 * bw, y0 - 10.0, 6.5, false, GREY, &t.amt(b.from));
    }
    if let Some(b) = bins.last() {
        w.text_center(x1 - 8.0, y0 - 10.0, 6.5, false, GREY, &t.amt(b.to));
    }
    // Axis units: NPV in the report's unit across, the share of draws up.
    let total: usize = bins.iter().map(|b| b.count).sum();
    let top_share = max as f64 / total.max(1) as f64 * 100.0;
    w.line(&[(x0, y0), (x0, y1)], INK, 0.4);
    w.text_right(x0 - 3.0, y0 - 2.0, 6.5, false, GREY, "0 %");
    w.text_right(x0 - 3.0, y1 - 2.0, 6.5, false, GREY, &format!("{top_share:.1} %"));
    w.text(x0 + 4.0, y1 + 4.0, 6.5, false, GREY, t.m("report-share-of-draws"));
    w.text_center((x0 + x1) / 2.0, y0 - 21.0, 7.0, false, INK, t.m("report-npv-axis"));
    w.y = y0 - 32.0;
}
