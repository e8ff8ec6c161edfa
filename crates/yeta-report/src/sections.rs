//! The chapters a KDI report has and a worksheet lacks: the table of contents (목차), the
//! project overview (사업 개요) with its background, objectives and scope, the total cost and its
//! yearly investment plan (총사업비와 연차별 투자계획), the demand and benefit estimate (수요 및 편익
//! 추정: quantity × unit value by year, with sources) and the conclusion with policy
//! recommendations (결론 및 정책 제언). Every sentence comes from the message catalog.

use crate::layout::{Align, Col, GREY, Heading, INK, ML, NAVY, RULE, TOP, Writer, XR};
use crate::render::{T, kv, pct, ratio, thousands};
use rust_decimal::Decimal;
use yeta_core::Appraisal;
use yeta_core::Study;
use yeta_core::econ::{Kind, Origin};
use yeta_core::study::CostKind;

/// Line height of a 목차 entry, and the extra space before a chapter.
const TOC_LINE: f32 = 11.6;
const TOC_CHAPTER_GAP: f32 = 2.5;
/// Room the 목차's title takes on its first page.
const TOC_TITLE: f32 = 46.0;

/// The 목차 entries page by page, by the height each takes: what [`toc`] draws and
/// [`toc_pages`] counts.
fn toc_layout<'h>(entries: &[&'h Heading]) -> Vec<Vec<&'h Heading>> {
    let mut pages: Vec<Vec<&Heading>> = vec![Vec::new()];
    let mut y = TOP - TOC_TITLE;
    for &h in entries {
        let need = TOC_LINE + if h.level == 0 { TOC_CHAPTER_GAP } else { 0.0 };
        if y - need < crate::layout::BOTTOM + 10.0 {
            pages.push(Vec::new());
            y = TOP;
        }
        y -= need;
        if let Some(p) = pages.last_mut() {
            p.push(h);
        }
    }
    pages
}

/// The 목차 drawn on the `n` pages reserved for it from index `first`: chapters and their
/// sections with dot leaders and page numbers as the footer prints them.
pub(crate) fn toc(w: &mut Writer<'_>, headings: &[Heading], first: usize, n: usize, t: &T) {
    let mut pages = std::mem::take(&mut w.pages);
    let entries: Vec<&Heading> = headings.iter().filter(|h| h.page >= first + n).collect();
    for (k, chunk) in toc_layout(&entries).iter().enumerate() {
        let Some(ops) = pages.get_mut(first + k) else { break };
        w.ops = std::mem::take(ops);
        let mut y = TOP;
        if k == 0 {
            w.text(ML, y - 18.0, 18.0, true, NAVY, t.m("report-contents"));
            y -= 26.0;
            w.line(&[(ML, y), (XR, y)], NAVY, 1.2);
            y -= TOC_TITLE - 26.0;
        }
        for h in chunk {
            let (x, size, bold) = if h.level == 0 { (ML, 10.5, true) } else { (ML + 16.0, 9.5, false) };
            if h.level == 0 {
                y -= TOC_CHAPTER_GAP;
            }
            let num = (h.page + 1).to_string();
            let title = crate::render::short(&h.title, 70);
            w.text(x, y - size, size, bold, if h.level == 0 { NAVY } else { INK }, &title);
            let tw = w.width(&title, size, bold);
            let nw = w.width(&num, size, false);
            // Dot leaders between the title and the page number.
            let dot = w.width("·", size, false).max(1.0);
            let (from, to) = (x + tw + 6.0, XR - nw - 6.0);
            if to > from {
                let count = ((to - from) / (dot * 1.6)) as usize;
                w.text(from, y - size, size, false, GREY, &"·".repeat(count));
            }
            w.text_right(XR, y - size, size, false, INK, &num);
            y -= TOC_LINE;
        }
        *ops = std::mem::take(&mut w.ops);
    }
    w.pages = pages;
}

/// How many pages the 목차 of these headings takes, when it starts after `reserved` pages.
pub(crate) fn toc_pages(headings: &[Heading], reserved: usize) -> usize {
    let entries: Vec<&Heading> = headings.iter().filter(|h| h.page > reserved).collect();
    toc_layout(&entries).len().max(1)
}

/// A `YYYY-MM-DD` date as the reader writes it: 2026년 12월 2일, 2 December 2026.
pub(crate) fn long_date(d: &str, t: &T) -> String {
    let parts: Vec<&str> = d.split('-').collect();
    let [y, m, day] = parts.as_slice() else { return d.to_owned() };
    let (Ok(y), Ok(m), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), day.parse::<u32>()) else { return d.to_owned() };
    let month = t.cat().text(&format!("month-{m}"));
    t.f("report-long-date", &[("year", y.to_string()), ("month", month), ("day", day.to_string())])
}

fn or_not_stated(s: &str, t: &T) -> String {
    if s.trim().is_empty() { t.m("report-not-given-in-the-study").to_owned() } else { s.trim().to_owned() }
}

/// Ⅰ. 사업 개요: background and need, objectives, scope, the description and the key facts.
pub(crate) fn overview(w: &mut Writer<'_>, a: &Appraisal, study: Option<&Study>, t: &T) {
    w.chapter(t.m("report-project-overview"));
    let p = study.map(|s| &s.project);
    w.h2(t.m("report-background-and-need"));
    w.para(&or_not_stated(p.map_or("", |p| p.background.as_str()), t), 9.5, INK);
    w.h2(t.m("report-objectives"));
    w.para(&or_not_stated(p.map_or("", |p| p.objectives.as_str()), t), 9.5, INK);
    w.h2(t.m("report-scope"));
    let scope = p.map_or("", |p| p.scope.as_str());
    let description = p.map_or("", |p| p.description.as_str());
    if scope.trim().is_empty() && description.trim().is_empty() {
        w.para(t.m("report-not-given-in-the-study"), 9.5, INK);
    }
    for text in [scope, description].into_iter().filter(|s| !s.trim().is_empty()) {
        for para in text.split("\n\n") {
            w.para(para.trim(), 9.5, INK);
        }
    }
    w.h2(t.m("report-project-facts"));
    let s = &a.study;
    let ko = t.lang == crate::Lang::Ko;
    let mut region = s.region.name(ko).to_owned();
    if let Some(m) = p.and_then(|p| p.municipality.as_ref()) {
        region = format!("{region} ({} {m})", t.m("report-municipality-code"));
    }
    if s.capital_region {
        region = format!("{region} · {}", t.m("report-capital-region"));
    }
    if p.is_some_and(|p| p.population_decline_area) {
        region = format!("{region} · {}", t.m("report-population-decline-area"));
    }
    kv(
        w,
        t,
        vec![
            (t.m("report-project").into(), s.name.clone()),
            (t.m("report-sponsor").into(), s.sponsor.clone()),
            (
                t.m("report-sector-2").into(),
                format!(
                    "{} ({})",
                    t.cat().code("sector", s.sector.code()),
                    t.m(match s.sector_class {
                        yeta_core::study::SectorClass::Construction => "report-class-construction",
                        yeta_core::study::SectorClass::Ict => "report-class-ict",
                        yeta_core::study::SectorClass::Other => "report-class-other",
                    })
                ),
            ),
            (t.m("report-region").into(), region),
            (t.m("report-total-cost-krw-m").into(), t.amt(s.total_cost)),
            (t.m("report-state-funding-krw-m").into(), t.amt(s.state_funding)),
            (t.m("report-base-year").into(), s.base_year.to_string()),
            (t.m("report-analysis-period").into(), format!("{}–{}", s.first_year, s.last_year)),
            (t.m("report-rule-set-2").into(), format!("{} — {}", a.rules.set.id, a.rules.set.title)),
        ],
    );
}

/// Capital cost lines of the study with their yearly amounts (KRW), in study order, and the
/// optimism-bias uplift when the appraisal adds one.
fn capital_lines(study: &Study) -> Vec<(String, Vec<Decimal>)> {
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    study
        .costs
        .iter()
        .filter(|l| matches!(l.kind, CostKind::Capex | CostKind::Land))
        .filter_map(|l| {
            // In base-year prices, as every other table: a line written in current prices is restated.
            let mut v = yeta_core::study::flows::expand(l, first, last).ok()?;
            yeta_core::prices::restate(study, yeta_core::econ::List::Costs, &l.name, &mut v)?;
            Some((l.name.clone(), v))
        })
        .collect()
}

/// Ⅱ. 총사업비와 연차별 투자계획: the capital lines by year (construction years only), their
/// totals, and the funding split (재원 분담).
pub(crate) fn investment(w: &mut Writer<'_>, a: &Appraisal, study: Option<&Study>, t: &T) {
    w.chapter(t.m("report-total-cost-and-investment-plan"));
    w.h2(t.m("report-total-cost-breakdown"));
    let capital: Vec<_> =
        a.economic.lines.iter().filter(|l| l.kind.is_capital() || l.kind == Kind::OptimismBias).collect();
    let total: Decimal = capital.iter().map(|l| l.nominal).fold(Decimal::ZERO, |s, x| s.checked_add(x).unwrap_or(s));
    let share = |x: Decimal| {
        if total.is_zero() {
            "—".to_owned()
        } else {
            format!("{:.1} %", crate::render::to_f64(x) / crate::render::to_f64(total) * 100.0)
        }
    };
    let cols = [
        Col { head: t.m("report-line"), width: 50.0, align: Align::Left },
        Col { head: t.m("report-kind"), width: 18.0, align: Align::Left },
        Col { head: t.m("report-amount"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-share"), width: 14.0, align: Align::Right },
    ];
    let mut rows: Vec<Vec<String>> = capital
        .iter()
        .map(|l| {
            let (name, kind) = match l.origin {
                Origin::OptimismBias => (t.cat().text("line-optimism-bias"), t.cat().kind(l.kind)),
                Origin::BuildUp { .. } => (l.name.clone(), t.cat().text("line-build-up")),
                _ => (l.name.clone(), t.cat().kind(l.kind)),
            };
            vec![name, kind, t.amt(l.nominal), share(l.nominal)]
        })
        .collect();
    rows.push(vec![t.m("report-total").into(), String::new(), t.amt(total), share(total)]);
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 8.5);
    w.para(
        &t.f("report-total-cost-stated", &[("amount", t.amt(a.study.total_cost)), ("unit", t.unit_label())]),
        8.5,
        GREY,
    );

    if let Some(b) = &a.cost_build_up {
        build_up(w, b, t);
    }

    if let Some(study) = study {
        let lines = capital_lines(study);
        let first = study.parameters.first_year;
        let n = lines.first().map_or(0, |l| l.1.len());
        let years: Vec<usize> = (0..n).filter(|&i| lines.iter().any(|l| !l.1[i].is_zero())).collect();
        if !years.is_empty() {
            w.h2(t.m("report-yearly-investment-plan"));
            // Seven years per table keeps every column wide enough for its figures.
            let chunks: Vec<&[usize]> = years.chunks(7).collect();
            for (c, chunk) in chunks.iter().enumerate() {
                let last = c + 1 == chunks.len();
                let heads: Vec<String> = chunk.iter().map(|&i| format!("{}", first + i as i32)).collect();
                let mut cols = vec![Col { head: t.m("report-line"), width: 30.0, align: Align::Left }];
                for h in &heads {
                    cols.push(Col { head: h, width: 11.0, align: Align::Right });
                }
                if last {
                    cols.push(Col { head: t.m("report-total"), width: 13.0, align: Align::Right });
                }
                let sum = |v: &[Decimal], idx: &mut dyn Iterator<Item = usize>| {
                    idx.fold(Decimal::ZERO, |s, i| s.checked_add(v[i]).unwrap_or(s))
                };
                let mut rows: Vec<Vec<String>> = Vec::new();
                let mut totals = vec![Decimal::ZERO; n];
                for (name, v) in &lines {
                    for (i, x) in v.iter().enumerate() {
                        totals[i] = totals[i].checked_add(*x).unwrap_or(totals[i]);
                    }
                    let mut row = vec![name.clone()];
                    row.extend(chunk.iter().map(|&i| t.amt(v[i])));
                    if last {
                        row.push(t.amt(sum(v, &mut years.iter().copied())));
                    }
                    rows.push(row);
                }
                let mut row = vec![t.m("report-total").to_owned()];
                row.extend(chunk.iter().map(|&i| t.amt(totals[i])));
                if last {
                    row.push(t.amt(sum(&totals, &mut years.iter().copied())));
                }
                rows.push(row);
                w.caption_right(&t.unit_caption());
                w.table(&cols, &rows, 8.0);
            }
            w.para(t.m("report-investment-plan-note"), 8.5, GREY);
        }
    }

    w.h2(t.m("report-funding-split"));
    let fu = &a.financial.funding;
    let cols = [
        Col { head: t.m("report-source"), width: 40.0, align: Align::Left },
        Col { head: t.m("report-amount"), width: 30.0, align: Align::Right },
        Col { head: t.m("report-share"), width: 30.0, align: Align::Right },
    ];
    let rows = vec![
        vec![t.m("report-state").into(), t.amt(fu.state), pct(Some(fu.state_share))],
        vec![t.m("report-local-government").into(), t.amt(fu.local), pct(Some(fu.local_share))],
        vec![t.m("report-private").into(), t.amt(fu.private), pct(Some(fu.private_share))],
        vec![t.m("report-unallocated").into(), t.amt(fu.unallocated), String::new()],
        vec![t.m("report-total-cost").into(), t.amt(fu.total_cost), String::new()],
    ];
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 9.0);

    if let Some(p) = &a.prices {
        prices(w, p, t);
    }
}

/// Ⅱ's prices (가격 기준): the deflator with its source, the lines restated to base-year prices, and
/// the conversion of costs to economic prices by class, the financial analysis at market prices.
fn prices(w: &mut Writer<'_>, p: &yeta_core::prices::PricesResult, t: &T) {
    use yeta_core::prices::{Basis, Group};
    let status = |s: yeta_core::rules::Status| {
        let code = serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        t.cat().code("status", &code)
    };
    w.ensure(140.0);
    w.h2(t.m("report-prices"));
    w.para(&t.f("report-prices-intro", &[("year", p.base_year.to_string())]), 8.5, INK);
    if let Some(d) = &p.deflator {
        let years = d.years.map_or_else(String::new, |[a, b]| format!("{a}–{b}"));
        let mut text = t.f(
            "report-prices-deflator",
            &[
                ("title", d.title.clone()),
                ("index_base", d.unit.clone()),
                ("years", years),
                ("vintage", d.vintage.clone()),
                ("index", d.base_index.clone().unwrap_or_else(|| "—".into())),
                ("status", status(d.status)),
            ],
        );
        if d.illustrative {
            text = format!("{text} {}", t.m("report-prices-illustrative"));
        }
        w.para(&text, 8.5, INK);
        if let Some((g, src)) = &d.projection {
            w.para(
                &t.f("report-prices-projection", &[("growth", format!("{:.1} %", g * 100.0)), ("source", src.clone())]),
                8.0,
                GREY,
            );
        }
        w.para(&t.f("report-prices-source", &[("source", d.source.clone())]), 8.0, GREY);
    }
    if !p.lines.is_empty() {
        let cols = [
            Col { head: t.m("report-line"), width: 26.0, align: Align::Left },
            Col { head: t.m("report-prices-basis"), width: 18.0, align: Align::Left },
            Col { head: t.m("report-prices-factor"), width: 18.0, align: Align::Right },
            Col { head: t.m("report-prices-written"), width: 19.0, align: Align::Right },
            Col { head: t.m("report-prices-restated"), width: 19.0, align: Align::Right },
        ];
        let f = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| format!("{x:.4}"));
        let rows: Vec<Vec<String>> = p
            .lines
            .iter()
            .map(|l| {
                let basis = match (l.basis, l.price_year) {
                    (Basis::Constant, Some(y)) => t.f("report-prices-constant-of", &[("year", y.to_string())]),
                    _ => t.m("report-prices-current").to_owned(),
                };
                let factor = if l.first_factor == l.last_factor {
                    f(l.first_factor)
                } else {
                    format!("{}–{}", f(l.first_factor), f(l.last_factor))
                };
                vec![l.line.clone(), basis, factor, t.amt(l.written), t.amt(l.restated)]
            })
            .collect();
        w.caption_right(&t.unit_caption());
        w.table(&cols, &rows, 8.0);
    }
    if let Some(c) = &p.conversion {
        w.h3(t.m("report-prices-conversion"));
        let mut text =
            t.f("report-prices-conversion-intro", &[("title", c.title.clone()), ("status", status(c.status))]);
        if c.illustrative {
            text = format!("{text} {}", t.m("report-prices-illustrative"));
        }
        w.para(&text, 8.5, INK);
        let cols = [
            Col { head: t.m("report-build-up-class"), width: 24.0, align: Align::Left },
            Col { head: t.m("report-prices-cf"), width: 12.0, align: Align::Right },
            Col { head: t.m("report-prices-market"), width: 18.0, align: Align::Right },
            Col { head: t.m("report-prices-adjustment"), width: 18.0, align: Align::Right },
            Col { head: t.m("report-source"), width: 28.0, align: Align::Left },
        ];
        let rows: Vec<Vec<String>> = p
            .conversions
            .iter()
            .map(|x| {
                let group = match x.group {
                    Group::Class(k) => t.cat().code("cost-class", k.code()),
                    Group::Kind(k) => t.cat().kind(yeta_core::econ::Kind::Cost(k)),
                };
                vec![
                    group,
                    format!("{:.4}", crate::render::to_f64(x.factor)),
                    t.amt(x.market),
                    t.amt(x.adjustment),
                    x.source.clone(),
                ]
            })
            .collect();
        w.caption_right(&t.unit_caption());
        w.table(&cols, &rows, 8.0);
        w.para(&t.f("report-prices-conversion-source", &[("source", c.source.clone())]), 8.0, GREY);
    }
}

/// Ⅱ's total-cost build-up (총사업비 비목별 산정): the classes with their shares, the derived items
/// with rate, base and source, the yearly plan by class, and the derived total against the stated.
fn build_up(w: &mut Writer<'_>, b: &yeta_core::buildup::BuildUpResult, t: &T) {
    let class = |c: yeta_core::buildup::CostClass| t.cat().code("cost-class", c.code());
    w.ensure(180.0);
    w.h2(t.m("report-build-up"));
    w.para(t.m("report-build-up-intro"), 8.5, INK);
    let cols = [
        Col { head: t.m("report-build-up-class"), width: 40.0, align: Align::Left },
        Col { head: t.m("report-amount"), width: 30.0, align: Align::Right },
        Col { head: t.m("report-share"), width: 30.0, align: Align::Right },
    ];
    let mut rows: Vec<Vec<String>> =
        b.classes.iter().map(|c| vec![class(c.class), t.amt(c.amount), format!("{:.1} %", c.share * 100.0)]).collect();
    rows.push(vec![t.m("report-build-up-derived-total").into(), t.amt(b.total), "100.0 %".into()]);
    rows.push(vec![t.m("report-build-up-stated-total").into(), t.amt(b.project_total), String::new()]);
    rows.push(vec![t.m("report-build-up-difference").into(), t.amt(b.difference), String::new()]);
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 8.5);
    if !b.derived.is_empty() {
        let cols = [
            Col { head: t.m("report-line"), width: 22.0, align: Align::Left },
            Col { head: t.m("report-build-up-rate"), width: 9.0, align: Align::Right },
            Col { head: t.m("report-build-up-base"), width: 22.0, align: Align::Left },
            Col { head: t.m("report-amount"), width: 12.0, align: Align::Right },
            Col { head: t.m("report-source"), width: 35.0, align: Align::Left },
        ];
        let rows: Vec<Vec<String>> = b
            .derived
            .iter()
            .map(|d| {
                vec![
                    format!("{} ({})", d.name, class(d.class)),
                    format!("{:.1} %", crate::render::to_f64(d.rate) * 100.0),
                    format!(
                        "{} = {}",
                        d.base.iter().map(|c| class(*c)).collect::<Vec<_>>().join(" + "),
                        t.amt(d.base_amount)
                    ),
                    t.amt(d.amount),
                    d.rule_set.as_ref().map_or_else(
                        || d.source.clone(),
                        |id| t.f("report-build-up-from-rules", &[("id", id.clone())]),
                    ),
                ]
            })
            .collect();
        w.caption_right(&t.unit_caption());
        w.table(&cols, &rows, 8.0);
    }
    if let Some(first) = b.plan.first() {
        let k = first.by_class.len();
        let width = 90.0 / (k as f32 + 1.0);
        let heads: Vec<String> = b.classes.iter().map(|c| class(c.class)).collect();
        let mut cols = vec![Col { head: t.m("report-year"), width: 10.0, align: Align::Left }];
        for h in &heads {
            cols.push(Col { head: h, width, align: Align::Right });
        }
        cols.push(Col { head: t.m("report-total"), width, align: Align::Right });
        let mut rows: Vec<Vec<String>> = b
            .plan
            .iter()
            .map(|y| {
                let mut r = vec![y.year.to_string()];
                r.extend(y.by_class.iter().map(|x| t.amt(*x)));
                r.push(t.amt(y.total));
                r
            })
            .collect();
        let mut total = vec![t.m("report-total").to_owned()];
        total.extend(b.classes.iter().map(|c| t.amt(c.amount)));
        total.push(t.amt(b.total));
        rows.push(total);
        w.ensure(60.0 + 14.0 * rows.len() as f32);
        w.h3(t.m("report-build-up-plan"));
        w.caption_right(&t.unit_caption());
        w.table(&cols, &rows, 8.0);
    }
}

/// Ⅳ's comparison of alternatives (대안 검토): each option on its own and against the
/// do-minimum base, and the preferred option with the rule.
pub(crate) fn alternatives(w: &mut Writer<'_>, x: &yeta_core::alternatives::AlternativesResult, t: &T) {
    use yeta_core::alternatives::Role;
    w.ensure(220.0);
    w.h2(t.m("report-alternatives"));
    let cols = [
        Col { head: t.m("report-alternatives-option"), width: 20.0, align: Align::Left },
        Col { head: t.m("report-pv-benefits"), width: 11.0, align: Align::Right },
        Col { head: t.m("report-pv-costs"), width: 11.0, align: Align::Right },
        Col { head: "NPV", width: 11.0, align: Align::Right },
        Col { head: "B/C", width: 6.0, align: Align::Right },
        Col { head: "ΔPV(B)", width: 11.0, align: Align::Right },
        Col { head: "ΔPV(C)", width: 11.0, align: Align::Right },
        Col { head: "ΔNPV", width: 12.0, align: Align::Right },
        Col { head: "ΔB/ΔC", width: 7.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = x
        .options
        .iter()
        .map(|o| {
            let role = match o.role {
                Role::Base => t.m("report-alternatives-base"),
                Role::Proposed => t.m("report-alternatives-proposed"),
                Role::Option => "",
            };
            let name = if role.is_empty() { o.name.clone() } else { format!("{} ({role})", o.name) };
            let base = o.role == Role::Base;
            let dash = || "—".to_owned();
            vec![
                name,
                t.amt(o.pv_benefits),
                t.amt(o.pv_costs),
                t.amt(o.npv),
                ratio(o.bc_ratio),
                if base { dash() } else { t.amt(o.delta_pv_benefits) },
                if base { dash() } else { t.amt(o.delta_pv_costs) },
                if base { dash() } else { t.amt(o.delta_npv) },
                if base { dash() } else { ratio(o.incremental_bc) },
            ]
        })
        .collect();
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 7.5);
    let threshold = format!("{:.2}", x.threshold);
    w.para(&t.f("report-alternatives-rule", &[("threshold", threshold)]), 8.5, INK);
    match &x.preferred {
        Some(p) => w.para(&t.f("report-alternatives-preferred", &[("name", p.clone())]), 9.0, INK),
        None => w.para(t.m("report-alternatives-none"), 9.0, INK),
    }
}

/// Ⅳ's cost-effectiveness analysis (비용효과분석): per effectiveness measure, each option's PV of
/// costs, effects, cost per unit, effect per 1억원 and incremental ratio against the base, and the
/// option with the lowest cost per unit.
pub(crate) fn cost_effectiveness(w: &mut Writer<'_>, x: &yeta_core::effectiveness::CostEffectivenessResult, t: &T) {
    use yeta_core::alternatives::Role;
    w.ensure(180.0);
    w.h2(t.m("report-ec"));
    w.para(t.m(if x.discounted { "report-ec-intro-discounted" } else { "report-ec-intro-undiscounted" }), 8.5, INK);
    let num = |v: Option<f64>, dp: usize| v.map_or_else(|| "—".to_owned(), |v| crate::render::thousands(v, dp));
    for m in &x.measures {
        w.h3(&t.f("report-ec-measure", &[("name", m.name.clone()), ("measure_unit", m.unit.clone())]));
        let cols = [
            Col { head: t.m("report-alternatives-option"), width: 24.0, align: Align::Left },
            Col { head: t.m("report-pv-costs"), width: 15.0, align: Align::Right },
            Col { head: t.m("report-ec-effects"), width: 15.0, align: Align::Right },
            Col { head: t.m("report-ec-pv-effects"), width: 15.0, align: Align::Right },
            Col { head: t.m("report-ec-cost-per-unit"), width: 11.0, align: Align::Right },
            Col { head: t.m("report-ec-per-eok"), width: 10.0, align: Align::Right },
            Col { head: t.m("report-ec-incremental"), width: 10.0, align: Align::Right },
        ];
        let rows: Vec<Vec<String>> = m
            .options
            .iter()
            .map(|o| {
                let name = match (o.role, o.option.is_empty()) {
                    (Role::Proposed, true) => t.m("report-alternatives-proposed").to_owned(),
                    (Role::Proposed, false) => format!("{} ({})", o.option, t.m("report-alternatives-proposed")),
                    (Role::Base, _) => format!("{} ({})", o.option, t.m("report-alternatives-base")),
                    (Role::Option, _) => o.option.clone(),
                };
                vec![
                    name,
                    t.amt(o.pv_costs),
                    crate::render::thousands(crate::render::to_f64(o.effects), 1),
                    crate::render::thousands(crate::render::to_f64(o.pv_effects), 1),
                    num(o.cost_per_unit, 0),
                    num(o.effect_per_100m_krw, 2),
                    num(o.incremental_cost_per_unit, 0),
                ]
            })
            .collect();
        w.caption_right(t.m("report-ec-caption"));
        w.table(&cols, &rows, 7.5);
        w.para(&t.f("report-prices-source", &[("source", m.source.clone())]), 8.0, GREY);
        if let Some(p) = &m.preferred {
            let name = if p.is_empty() { t.m("report-alternatives-proposed").to_owned() } else { p.clone() };
            w.para(&t.f("report-ec-preferred", &[("name", name)]), 9.0, INK);
        }
    }
}

/// Ⅲ. 수요 및 편익 추정: every line with its PV, then for each benefit line priced by a unit value
/// (원단위) the demand quantity × unit value = benefit, by year, with both sources.
pub(crate) fn benefits(w: &mut Writer<'_>, a: &Appraisal, study: Option<&Study>, t: &T) {
    w.chapter(t.m("report-demand-and-benefits"));
    w.h2(t.m("report-cost-and-benefit-lines"));
    let cols = [
        Col { head: t.m("report-list"), width: 12.0, align: Align::Left },
        Col { head: t.m("report-line"), width: 44.0, align: Align::Left },
        Col { head: t.m("report-kind"), width: 14.0, align: Align::Left },
        Col { head: t.m("report-nominal"), width: 15.0, align: Align::Right },
        Col { head: t.m("report-pv"), width: 15.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = a
        .economic
        .lines
        .iter()
        .map(|l| {
            let name = match l.origin {
                Origin::Carbon => t.cat().text("line-carbon"),
                Origin::CarbonAvoided => t.cat().text("line-carbon-avoided"),
                Origin::Energy => t.cat().text("line-energy"),
                Origin::EnergySaved => t.cat().text("line-energy-saved"),
                Origin::OptimismBias => t.cat().text("line-optimism-bias"),
                Origin::ResidualValue => t.cat().text("line-residual-value"),
                Origin::Conversion(g) => t.f("line-conversion", &[("group", conversion_group(g, t))]),
                _ => l.name.clone(),
            };
            vec![t.cat().code("list", l.list.code()), name, t.cat().kind(l.kind), t.amt(l.nominal), t.amt(l.pv)]
        })
        .collect();
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 8.5);

    let Some(study) = study else { return };
    let (first, last) = (study.parameters.first_year, study.parameters.last_year);
    let priced: Vec<_> = study.benefits.iter().filter(|l| l.unit_value.is_some()).collect();
    w.h2(t.m("report-benefit-estimates"));
    if priced.is_empty() {
        w.para(t.m("report-no-unit-value-lines"), 9.0, INK);
        revenue_demand(w, a, study, t);
        return;
    }
    w.para(t.m("report-benefit-estimates-intro"), 9.0, INK);
    for l in priced {
        let Some(uv) = &l.unit_value else { continue };
        if l.demand.is_some() {
            if let Some(dl) =
                a.demand.iter().find(|d| d.name == l.name && d.origin.path().is_some_and(|p| p.starts_with("benefits")))
            {
                demand_line(w, dl, l.source.as_deref(), t);
            }
            continue;
        }
        let mut q = l.clone();
        q.unit_value = None;
        let (Ok(quantities), Ok(money)) =
            (yeta_core::study::flows::expand(&q, first, last), yeta_core::study::flows::expand(l, first, last))
        else {
            continue;
        };
        w.ensure(170.0);
        w.h3(&l.name);
        let qunit = l.quantity_unit.clone().unwrap_or_else(|| t.m("report-units").to_owned());
        w.para(
            &t.f(
                "report-unit-value-line",
                &[
                    ("value", thousands(crate::render::to_f64(uv.value), 0)),
                    ("per", uv.unit.clone()),
                    ("source", uv.source.clone()),
                    ("demand", l.source.clone().unwrap_or_else(|| t.m("report-not-stated").to_owned())),
                ],
            ),
            8.5,
            INK,
        );
        let cols = [
            Col { head: t.m("report-year"), width: 14.0, align: Align::Left },
            Col { head: &qunit, width: 32.0, align: Align::Right },
            Col { head: t.m("report-unit-value-krw"), width: 22.0, align: Align::Right },
            Col { head: t.m("report-benefit-amount"), width: 32.0, align: Align::Right },
        ];
        let mut total_q = Decimal::ZERO;
        let mut total_m = Decimal::ZERO;
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (i, (qv, mv)) in quantities.iter().zip(&money).enumerate() {
            if qv.is_zero() && mv.is_zero() {
                continue;
            }
            total_q = total_q.checked_add(*qv).unwrap_or(total_q);
            total_m = total_m.checked_add(*mv).unwrap_or(total_m);
            rows.push(vec![
                (first + i as i32).to_string(),
                thousands(crate::render::to_f64(*qv), 0),
                thousands(crate::render::to_f64(uv.value), 0),
                t.amt(*mv),
            ]);
        }
        rows.push(vec![
            t.m("report-total").into(),
            thousands(crate::render::to_f64(total_q), 0),
            String::new(),
            t.amt(total_m),
        ]);
        w.caption_right(&t.unit_caption());
        w.table(&cols, &rows, 8.0);
    }
    revenue_demand(w, a, study, t);
    residual(w, a, t);
}

/// Ⅲ's residual value (잔존가치): each asset's cost, service life and its source, years used and
/// left, and the straight-line value counted as a benefit in the last year.
fn residual(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    let Some(r) = &a.residual_value else { return };
    w.ensure(200.0);
    w.h2(t.m("report-residual"));
    w.para(&t.f("report-residual-intro", &[("year", r.year.to_string())]), 8.5, INK);
    w.formula(t.m("formula-residual"), 9.0);
    let cols = [
        Col { head: t.m("report-line"), width: 24.0, align: Align::Left },
        Col { head: t.m("report-residual-class"), width: 16.0, align: Align::Left },
        Col { head: t.m("report-residual-cost"), width: 14.0, align: Align::Right },
        Col { head: t.m("report-residual-in-service"), width: 10.0, align: Align::Right },
        Col { head: t.m("report-residual-life"), width: 8.0, align: Align::Right },
        Col { head: t.m("report-residual-used"), width: 8.0, align: Align::Right },
        Col { head: t.m("report-residual-remaining"), width: 8.0, align: Align::Right },
        Col { head: t.m("report-residual-value"), width: 12.0, align: Align::Right },
    ];
    let mut rows: Vec<Vec<String>> = r
        .assets
        .iter()
        .map(|x| {
            vec![
                x.name.clone(),
                t.cat().code("asset-class", x.class.code()),
                t.amt(x.cost),
                x.in_service.to_string(),
                x.life.to_string(),
                x.used.to_string(),
                x.remaining.to_string(),
                t.amt(x.value),
            ]
        })
        .collect();
    rows.push(vec![
        t.m("report-total").into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        t.amt(r.total),
    ]);
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 8.0);
    let from_rules = r.assets.iter().any(|x| x.life_source.starts_with(&format!("{}:", a.rules.set.id)));
    if from_rules {
        w.para(&t.f("report-residual-lives-from-rules", &[("id", a.rules.set.id.clone())]), 8.0, GREY);
    }
}

/// A demand line (수요 추정) in Ⅲ: the model with each parameter's source, then forecast,
/// ramp-up share, elasticity factor, quantity, unit value and amount by year.
fn demand_line(w: &mut Writer<'_>, dl: &yeta_core::demand::DemandLine, demand_source: Option<&str>, t: &T) {
    use yeta_core::demand::{Curve, Forecast};
    let num = |d: Decimal, dp: usize| thousands(crate::render::to_f64(d), dp);
    w.ensure(200.0);
    w.h3(&dl.name);
    w.para(
        &t.f(
            "report-unit-value-line",
            &[
                ("value", num(dl.unit_value, 0)),
                ("per", dl.unit_value_unit.clone()),
                ("source", dl.unit_value_source.clone()),
                ("demand", demand_source.map_or_else(|| t.m("report-not-stated").to_owned(), str::to_owned)),
            ],
        ),
        8.5,
        INK,
    );
    let m = &dl.model;
    let mut lines = vec![t.f("report-demand-model", &[("from", m.from.to_string()), ("to", m.to.to_string())])];
    lines.push(match &m.forecast {
        Forecast::Growth { base_year, base_quantity, growth } => t.f(
            "report-demand-growth",
            &[
                ("year", base_year.to_string()),
                ("quantity", num(base_quantity.value, 0)),
                ("qsource", base_quantity.source.clone()),
                ("growth", format!("{:.2} %", crate::render::to_f64(growth.value) * 100.0)),
                ("gsource", growth.source.clone()),
            ],
        ),
        Forecast::Schedule { points, source } => t.f(
            "report-demand-schedule",
            &[
                (
                    "points",
                    points.iter().map(|p| format!("{} {}", p.year, num(p.quantity, 0))).collect::<Vec<_>>().join(", "),
                ),
                ("source", source.clone()),
            ],
        ),
    });
    if let Some(r) = &m.ramp_up {
        let share = format!("{:.1} %", crate::render::to_f64(r.start_share.value) * 100.0);
        lines.push(match r.curve {
            Curve::Linear => t.f(
                "report-demand-ramp-linear",
                &[("share", share), ("years", r.years.to_string()), ("source", r.start_share.source.clone())],
            ),
            Curve::SCurve => t.f(
                "report-demand-ramp-s-curve",
                &[
                    ("share", share),
                    ("years", r.years.to_string()),
                    ("a", r.steepness.map_or_else(String::new, |a| a.normalize().to_string())),
                    ("source", r.start_share.source.clone()),
                ],
            ),
        });
    }
    for e in &m.elasticities {
        let path = e
            .path
            .iter()
            .map(|s| t.f("report-demand-driver-step", &[("year", s.from_year.to_string()), ("value", num(s.value, 0))]))
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(t.f(
            "report-demand-elasticity",
            &[
                ("driver", e.driver.clone()),
                ("base", num(e.base_value.value, 0)),
                ("bsource", e.base_value.source.clone()),
                ("e", e.elasticity.value.normalize().to_string()),
                ("esource", e.elasticity.source.clone()),
                ("path", path),
            ],
        ));
    }
    for line in lines {
        w.para(&line, 8.5, INK);
    }
    w.formula(t.m("formula-demand"), 9.0);
    if matches!(m.forecast, Forecast::Growth { .. }) {
        w.formula(t.m("formula-demand-growth"), 9.0);
    }
    match m.ramp_up.as_ref().map(|r| r.curve) {
        Some(Curve::Linear) => w.formula(t.m("formula-demand-linear"), 9.0),
        Some(Curve::SCurve) => w.formula(t.m("formula-demand-s-curve"), 9.0),
        None => {}
    }
    let qunit = dl.quantity_unit.clone().unwrap_or_else(|| t.m("report-units").to_owned());
    let cols = [
        Col { head: t.m("report-year"), width: 10.0, align: Align::Left },
        Col { head: t.m("report-demand-forecast"), width: 17.0, align: Align::Right },
        Col { head: t.m("report-demand-ramp"), width: 10.0, align: Align::Right },
        Col { head: t.m("report-demand-factor"), width: 11.0, align: Align::Right },
        Col { head: &qunit, width: 18.0, align: Align::Right },
        Col { head: t.m("report-unit-value-krw"), width: 14.0, align: Align::Right },
        Col { head: t.m("report-amount"), width: 20.0, align: Align::Right },
    ];
    let mut total_q = Decimal::ZERO;
    let mut total_m = Decimal::ZERO;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for y in &dl.years {
        total_q = total_q.checked_add(y.demand.quantity).unwrap_or(total_q);
        total_m = total_m.checked_add(y.amount).unwrap_or(total_m);
        rows.push(vec![
            y.demand.year.to_string(),
            num(y.demand.forecast, 0),
            format!("{:.3}", crate::render::to_f64(y.demand.ramp_share)),
            format!("{:.4}", crate::render::to_f64(y.demand.elasticity_factor)),
            num(y.demand.quantity, 0),
            num(dl.unit_value, 0),
            t.amt(y.amount),
        ]);
    }
    rows.push(vec![
        t.m("report-total").into(),
        String::new(),
        String::new(),
        String::new(),
        num(total_q, 0),
        String::new(),
        t.amt(total_m),
    ]);
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 7.5);
}

/// Ⅲ's demand lines of the financial analysis (수입 수요 추정), after the benefit estimates.
fn revenue_demand(w: &mut Writer<'_>, a: &Appraisal, study: &Study, t: &T) {
    let revs: Vec<_> = a.demand.iter().filter(|d| d.origin.path().is_some_and(|p| p.starts_with("revenues"))).collect();
    if revs.is_empty() {
        return;
    }
    w.ensure(260.0);
    w.h2(t.m("report-revenue-demand"));
    for dl in revs {
        let src = study.revenues.iter().find(|l| l.name == dl.name).and_then(|l| l.source.as_deref());
        demand_line(w, dl, src, t);
    }
}

/// Ⅹ. 결론 및 정책 제언: the verdict, what it rests on, how robust it is, the main risks and
/// switching values, and the recommendations that follow from them, all in catalog sentences.
pub(crate) fn conclusion(w: &mut Writer<'_>, a: &Appraisal, risk: Option<&yeta_core::risk::RiskResult>, t: &T) {
    w.chapter(t.m("report-conclusion"));
    let v = &a.verdict;
    let e = &a.economic;
    w.h2(t.m("report-overall-judgement"));
    w.banner(
        v.implement,
        t.m(if v.implement { "report-recommended-for-implementation" } else { "report-not-recommended" }),
        13.0,
        &t.cat().verdict(a),
        9.5,
    );
    w.h2(t.m("report-what-it-rests-on"));
    w.para(
        &t.f(
            "report-rests-economic",
            &[
                ("bc", ratio(e.bc_ratio)),
                ("threshold", format!("{:.2}", e.bc_threshold)),
                ("npv", t.amt(e.npv)),
                ("unit", t.unit_label()),
                ("irr", pct(e.irr)),
            ],
        ),
        9.5,
        INK,
    );
    if let Some(h) = &a.ahp {
        let parts: Vec<String> = h
            .criteria
            .iter()
            .map(|c| {
                t.f(
                    "report-rests-criterion",
                    &[
                        ("name", crate::stages::criterion_label(&c.id, &c.name, t)),
                        ("weight", format!("{:.3}", c.weight)),
                        ("score", format!("{:.3}", c.score)),
                        ("contribution", format!("{:.3}", c.contribution)),
                    ],
                )
            })
            .collect();
        w.para(
            &t.f(
                "report-rests-ahp",
                &[
                    ("score", format!("{:.3}", h.score)),
                    ("threshold", format!("{:.2}", h.threshold)),
                    ("parts", parts.join(", ")),
                ],
            ),
            9.5,
            INK,
        );
        w.h2(t.m("report-robustness"));
        let range = format!("{:.3}–{:.3}", h.score_range[0], h.score_range[1]);
        w.para(&t.f(if h.robust { "report-robust-yes" } else { "report-robust-no" }, &[("range", range)]), 9.5, INK);
        if let Some(sentence) = crate::stages::weights_flip(h, t) {
            w.para(&sentence, 9.5, INK);
        }
        let flips = h.panel.leave_one_out.iter().filter(|l| l.implement != h.implement).count();
        if flips > 0 {
            w.para(&t.f("report-single-evaluators", &[("n", flips.to_string())]), 9.5, INK);
        }
        if h.in_grey_zone
            && let Some([lo, hi]) = h.grey_zone
        {
            w.para(&t.f("report-grey-zone", &[("low", format!("{lo:.2}")), ("high", format!("{hi:.2}"))]), 9.5, INK);
        }
        if h.evaluators_inconsistent > 0
            && let Some(other) = h.score_other_policy
        {
            w.para(
                &t.f(
                    "report-inconsistent-evaluators",
                    &[("n", h.evaluators_inconsistent.to_string()), ("score", format!("{other:.3}"))],
                ),
                9.5,
                INK,
            );
        }
    }
    w.h2(t.m("report-main-risks"));
    let sv = &e.switching_values;
    let mut risks = Vec::new();
    if let (Some(c), Some(b)) = (sv.costs_pct, sv.benefits_pct) {
        risks
            .push(t.f("report-risk-switching", &[("costs", format!("{c:+.1} %")), ("benefits", format!("{b:+.1} %"))]));
    }
    if let Some(r) = risk {
        risks.push(t.f(
            "report-risk-monte-carlo",
            &[("p", format!("{:.1} %", r.prob_bc_ge_1 * 100.0)), ("draws", thousands(r.draws as f64, 0))],
        ));
    }
    if let Some(env) = &a.environment {
        for r in env.risks.iter().filter(|r| r.score >= 10).take(3) {
            risks.push(
                t.f("report-risk-environment", &[("title", r.risk.title.clone()), ("score", r.score.to_string())]),
            );
        }
    }
    if !a.warnings.is_empty() {
        risks.push(t.f("report-risk-warnings", &[("n", a.warnings.len().to_string())]));
    }
    if risks.is_empty() {
        w.para(t.m("report-no-warnings"), 9.5, INK);
    }
    for r in risks {
        w.para(&format!("• {r}"), 9.5, INK);
    }
    w.h2(t.m("report-recommendations"));
    let mut recs = Vec::new();
    let robust = a.ahp.as_ref().is_none_or(|h| h.robust);
    recs.push(
        t.m(match (v.implement, robust) {
            (true, true) => "report-rec-implement",
            (true, false) => "report-rec-implement-fragile",
            (false, true) => "report-rec-do-not-implement",
            (false, false) => "report-rec-do-not-implement-fragile",
        })
        .to_owned(),
    );
    if let Some(c) = sv.costs_pct
        && c.abs() < 10.0
    {
        recs.push(t.f("report-rec-cost-control", &[("costs", format!("{c:+.1} %"))]));
    }
    if let Some(b) = sv.benefits_pct
        && b.abs() < 10.0
    {
        recs.push(t.f("report-rec-demand", &[("benefits", format!("{b:+.1} %"))]));
    }
    if a.environment.as_ref().is_some_and(|e| e.compliance_gaps > 0) {
        let n = a.environment.as_ref().map_or(0, |e| e.compliance_gaps);
        recs.push(t.f("report-rec-environment", &[("n", n.to_string())]));
    }
    if !a.financial.flags.is_empty() || !a.financial.funding.unallocated.is_zero() {
        recs.push(t.m("report-rec-funding").to_owned());
    }
    recs.push(t.m("report-rec-ex-post").to_owned());
    for (i, r) in recs.iter().enumerate() {
        w.para(&format!("{}. {r}", i + 1), 9.5, INK);
    }
    let _ = RULE;
}

/// 사후평가 (ex-post evaluation): ex-ante, latest forecast and ex-post figures side by side, the
/// change in NPV by cause in the stated order, benefits realisation per line and the re-study check.
pub(crate) fn expost(w: &mut Writer<'_>, x: &yeta_core::expost::ExPost, t: &T) {
    use yeta_core::expost::Part;
    w.chapter(t.m("report-expost"));
    w.para(&t.f("report-expost-intro", &[("year", x.through_year.to_string())]), 8.5, INK);
    let cols = [
        Col { head: "", width: 28.0, align: Align::Left },
        Col { head: t.m("report-expost-ex-ante"), width: 24.0, align: Align::Right },
        Col { head: t.m("report-expost-forecast"), width: 24.0, align: Align::Right },
        Col { head: t.m("report-expost-ex-post"), width: 24.0, align: Align::Right },
    ];
    let f = [&x.ex_ante, &x.forecast, &x.ex_post];
    let year = |y: Option<i32>| y.map_or_else(|| "—".to_owned(), |y| y.to_string());
    let mut rows = vec![
        std::iter::once("B/C".to_owned()).chain(f.iter().map(|g| ratio(g.bc_ratio))).collect::<Vec<_>>(),
        std::iter::once("NPV".to_owned()).chain(f.iter().map(|g| t.amt(g.npv))).collect(),
        std::iter::once(t.m("report-pv-benefits").to_owned()).chain(f.iter().map(|g| t.amt(g.pv_benefits))).collect(),
        std::iter::once(t.m("report-pv-costs").to_owned()).chain(f.iter().map(|g| t.amt(g.pv_costs))).collect(),
        std::iter::once(t.m("report-total-cost").to_owned()).chain(f.iter().map(|g| t.amt(g.total_cost))).collect(),
        std::iter::once(t.m("report-expost-opening"))
            .map(str::to_owned)
            .chain(f.iter().map(|g| year(g.opening_year)))
            .collect(),
    ];
    if let Some(g) = x.cost_growth {
        rows.push(vec![
            t.m("report-expost-cost-growth").to_owned(),
            String::new(),
            String::new(),
            format!("{:+.1} %", g * 100.0),
        ]);
    }
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 8.5);

    w.h2(t.m("report-expost-decomposition"));
    w.para(t.m("report-expost-order"), 8.5, INK);
    let cols = [
        Col { head: t.m("report-expost-part"), width: 60.0, align: Align::Left },
        Col { head: t.m("report-amount"), width: 40.0, align: Align::Right },
    ];
    let mut rows: Vec<Vec<String>> = x
        .decomposition
        .parts
        .iter()
        .map(|(p, v)| {
            let name = match p {
                Part::ForecastRevision => t.m("report-expost-part-forecast-revision").to_owned(),
                Part::CostOverrun => t.m("report-expost-part-cost-overrun").to_owned(),
                Part::Delay => t.f("report-expost-part-delay", &[("years", x.decomposition.delay_years.to_string())]),
                Part::DemandShortfall => t.m("report-expost-part-demand-shortfall").to_owned(),
                Part::Interaction => t.m("report-expost-part-interaction").to_owned(),
            };
            vec![name, t.amt(v.0)]
        })
        .collect();
    rows.push(vec![t.m("report-expost-delta-npv").to_owned(), t.amt(x.decomposition.delta_npv)]);
    w.caption_right(&t.unit_caption());
    w.table(&cols, &rows, 8.5);

    if !x.realisation.is_empty() {
        w.h2(t.m("report-expost-realisation"));
        let cols = [
            Col { head: t.m("report-line"), width: 34.0, align: Align::Left },
            Col { head: t.m("report-expost-forecast-to-date"), width: 17.0, align: Align::Right },
            Col { head: t.m("report-expost-actual-to-date"), width: 17.0, align: Align::Right },
            Col { head: t.m("report-expost-quantity-ratio"), width: 14.0, align: Align::Right },
            Col { head: t.m("report-expost-realisation-ratio"), width: 18.0, align: Align::Right },
        ];
        let pct = |r: Option<f64>| r.map_or_else(|| "—".to_owned(), |r| format!("{:.1} %", r * 100.0));
        let q = |d: Decimal, unit: &Option<String>| match unit {
            Some(_) => crate::render::thousands(crate::render::to_f64(d), 0),
            None => t.amt(d),
        };
        let rows: Vec<Vec<String>> = x
            .realisation
            .iter()
            .map(|r| {
                let name = match (&r.unit, r.has_actuals) {
                    (_, false) => format!("{} ({})", r.line, t.m("report-expost-no-actuals")),
                    (Some(u), true) => format!("{} ({u})", r.line),
                    (None, true) => r.line.clone(),
                };
                vec![
                    name,
                    q(r.forecast_to_date, &r.unit),
                    q(r.actual_to_date, &r.unit),
                    pct(r.quantity_ratio),
                    pct(r.realisation_ratio),
                ]
            })
            .collect();
        w.table(&cols, &rows, 8.0);
    }
    if let Some(r) = &x.restudy {
        let key = if r.triggered { "report-expost-restudy-triggered" } else { "report-expost-restudy-none" };
        w.para(
            &t.f(
                key,
                &[
                    ("growth", format!("{:.1} %", crate::render::to_f64(r.growth) * 100.0)),
                    ("threshold", format!("{:.0} %", crate::render::to_f64(r.threshold) * 100.0)),
                ],
            ),
            9.0,
            INK,
        );
        w.para(&t.f("report-prices-source", &[("source", r.source.clone())]), 8.0, GREY);
    }
    if let Some(e) = &x.environment {
        expost_environment(w, e, t);
    }
}

/// The environment after approval (사업 후 환경 성과): metered energy and emissions against the
/// environmental stage's forecast, year by year, and the net effect to date.
fn expost_environment(w: &mut Writer<'_>, e: &yeta_core::expost::environment::EnvOutturn, t: &T) {
    let n = |d: Decimal, dp: usize| crate::render::thousands(crate::render::to_f64(d), dp);
    let pct = |r: Option<f64>| r.map_or_else(|| "—".to_owned(), |r| format!("{:.1} %", r * 100.0));
    w.h2(t.m("report-expost-env"));
    let key = if e.reported_emissions { "report-expost-env-intro-reported" } else { "report-expost-env-intro-metered" };
    w.para(t.m(key), 8.5, INK);
    let cols = [
        Col { head: t.m("report-year"), width: 12.0, align: Align::Left },
        Col { head: t.m("report-expost-env-kwh-forecast"), width: 22.0, align: Align::Right },
        Col { head: t.m("report-expost-env-kwh-actual"), width: 22.0, align: Align::Right },
        Col { head: t.m("report-expost-env-t-forecast"), width: 22.0, align: Align::Right },
        Col { head: t.m("report-expost-env-t-actual"), width: 22.0, align: Align::Right },
    ];
    let mut rows: Vec<Vec<String>> = e
        .years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                n(y.forecast_kwh, 0),
                n(y.actual_kwh, 0),
                n(y.forecast_tco2e, 1),
                n(y.actual_tco2e, 1),
            ]
        })
        .collect();
    rows.push(vec![
        t.m("report-total").to_owned(),
        n(e.forecast_kwh, 0),
        format!("{} ({})", n(e.actual_kwh, 0), pct(e.kwh_ratio)),
        n(e.forecast_tco2e, 1),
        format!("{} ({})", n(e.actual_tco2e, 1), pct(e.tco2e_ratio)),
    ]);
    w.table(&cols, &rows, 8.0);
    if let (Some(f), Some(a)) = (e.forecast_net_tco2e, e.actual_net_tco2e) {
        w.para(&t.f("report-expost-env-net", &[("actual", n(a, 1)), ("forecast", n(f, 1))]), 9.0, INK);
    }
    w.para(&t.f("report-prices-source", &[("source", e.source.clone())]), 8.0, GREY);
}

/// A conversion line's class or kind, worded.
fn conversion_group(g: yeta_core::prices::Group, t: &T) -> String {
    match g {
        yeta_core::prices::Group::Class(k) => t.cat().code("cost-class", k.code()),
        yeta_core::prices::Group::Kind(k) => t.cat().kind(yeta_core::econ::Kind::Cost(k)),
    }
}

#[cfg(test)]
mod tests {
    /// Every message id the report asks for is in both catalogs: a missing key is a test
    /// failure, never a "?" in a submitted report.
    #[test]
    fn every_report_message_is_in_both_catalogs() {
        let sources = [
            include_str!("render.rs"),
            include_str!("sections.rs"),
            include_str!("stages.rs"),
            include_str!("rules_table.rs"),
            include_str!("layout.rs"),
        ];
        let mut n = 0;
        for src in sources {
            for call in ["t.m(\"", "t.f(\"", ".text(\""] {
                for part in src.split(call).skip(1) {
                    let id = part.split('"').next().unwrap_or("");
                    if id.is_empty() || id.contains(' ') || id.contains('{') {
                        continue;
                    }
                    for lang in [yeta_i18n::Lang::Ko, yeta_i18n::Lang::En] {
                        assert!(yeta_i18n::catalog(lang).get(id).is_some(), "{} catalog lacks {id}", lang.code());
                    }
                    n += 1;
                }
            }
        }
        assert!(n > 300, "only {n} message ids found: the scan is broken");
    }
}
