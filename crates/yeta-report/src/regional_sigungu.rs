//! Chapter Ⅶ on the 시·군·구 path (issue 22): the project's 시·군·구 indicators beside the provincial
//! and national figures, the index in KDI's 2013 factor form with its rank and percentile, the
//! two-region input-output effects with their leakage, and the table and vintage of every figure.
//! Table names print in the reader's language (`table` / `table_en`); a table id prints only where
//! the file gives one.

use crate::layout::{Align, Col, GREY, INK, Writer};
use crate::render::{T, kv, thousands};
use rust_decimal::Decimal;
use yeta_core::regional::RegionalResult;
use yeta_core::regional::io2::{Split, TwoRegionEffects};
use yeta_core::regional::sigungu::SigunguIndex;
use yeta_core::regional::table::{ColumnSource, Status, TableInfo};

fn ko(t: &T) -> bool {
    matches!(t.lang, crate::Lang::Ko)
}

fn dec_f64(d: Decimal) -> f64 {
    crate::render::to_f64(d)
}

/// A source in the reader's words: "통계표 (기준 연도)".
fn source_short(s: &ColumnSource, t: &T) -> String {
    let table = if ko(t) { &s.table } else { &s.table_en };
    format!("{table} ({})", s.vintage)
}

fn status(info: &TableInfo, t: &T) -> String {
    match info.status {
        Status::Illustrative => t.m("report-sigungu-status-illustrative").to_owned(),
        Status::Cited => t.m("report-sigungu-status-cited").to_owned(),
    }
}

fn title(info: &TableInfo, t: &T) -> String {
    if ko(t) { info.title.clone() } else { info.title_en.clone() }
}

/// The index of the project's 시·군·구 and its indicators.
pub(crate) fn backwardness(w: &mut Writer<'_>, r: &RegionalResult, s: &SigunguIndex, t: &T) {
    let yes_no = |v: bool| if v { t.m("report-yes") } else { t.m("report-no") }.to_owned();
    w.h2(t.m("report-sigungu-backwardness"));
    let name = if ko(t) { &s.name } else { &s.name_en };
    kv(
        w,
        t,
        vec![
            (t.m("report-sigungu").into(), format!("{name} ({})", s.code)),
            (t.m("report-region").into(), format!("{} ({})", s.province.name(ko(t)), s.province.code())),
            (t.m("report-capital-region").into(), yes_no(r.capital_region)),
            (t.m("report-population-decline-area").into(), yes_no(r.population_decline_area)),
            (t.m("report-backwardness-index").into(), format!("{:+.3}", s.index)),
            (t.m("report-rank-1-most-backward").into(), format!("{} / {}", s.rank, s.of)),
            (t.m("report-sigungu-percentile").into(), format!("{:.1}", s.percentile)),
            (
                t.m("report-sigungu-weights").into(),
                if s.weights_public {
                    t.m("report-sigungu-weights-guideline")
                } else {
                    t.m("report-sigungu-weights-equal")
                }
                .to_owned(),
            ),
            (t.m("report-data").into(), format!("{} — {}", title(&s.table, t), status(&s.table, t))),
        ],
    );
    w.para(t.m("report-sigungu-method"), 8.5, GREY);

    let cols = [
        Col { head: t.m("report-sigungu-factor"), width: 40.0, align: Align::Left },
        Col { head: t.m("report-sigungu-weight"), width: 20.0, align: Align::Right },
        Col { head: t.m("report-sigungu-factor-score"), width: 25.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = s
        .factors
        .iter()
        .map(|f| vec![t.cat().code("factor", &f.id), format!("{:.3}", f.weight), format!("{:+.3}", f.score)])
        .collect();
    w.table(&cols, &rows, 8.5);

    let cols = [
        Col { head: t.m("report-indicator"), width: 38.0, align: Align::Left },
        Col { head: t.m("report-sigungu-direction"), width: 9.0, align: Align::Right },
        Col { head: t.m("report-sigungu-value"), width: 19.0, align: Align::Right },
        Col { head: t.m("report-sigungu-province-mean"), width: 17.0, align: Align::Right },
        Col { head: t.m("report-sigungu-national-mean"), width: 17.0, align: Align::Right },
        Col { head: t.m("report-signed-z-backward"), width: 16.0, align: Align::Right },
        Col { head: t.m("report-sigungu-source"), width: 45.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = s
        .indicators
        .iter()
        .map(|i| {
            let src = s.table.sources.iter().find(|c| c.column == i.id).map_or("—".into(), |c| source_short(c, t));
            vec![
                t.cat().code("indicator", &i.id),
                if i.sign > 0 { "+".into() } else { "−".into() },
                thousands(i.value, 1),
                thousands(i.province_mean, 1),
                thousands(i.national_mean, 1),
                format!("{:+.3}", i.signed_z),
                src,
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.0);
    w.para(
        &t.f("report-sigungu-means-note", &[("n", s.of.to_string()), ("province_n", s.province_count.to_string())]),
        8.0,
        GREY,
    );
}

fn split_row(label: String, spend: Decimal, p: &Split, v: &Split, e: &Split, t: &T) -> Vec<String> {
    vec![
        label,
        t.amt(spend),
        t.amt(p.intra),
        t.amt(p.leak),
        t.amt(v.intra),
        t.amt(v.leak),
        thousands(dec_f64(e.intra), 1),
        thousands(dec_f64(e.leak), 1),
    ]
}

fn leak(s: &Split) -> String {
    s.leak_share().map_or("—".into(), |x| format!("{:.1} %", dec_f64(x) * 100.0))
}

/// The two-region effects with leakage.
pub(crate) fn effects(w: &mut Writer<'_>, e: &TwoRegionEffects, t: &T) {
    w.h2(t.m("report-sigungu-io-effects"));
    kv(
        w,
        t,
        vec![
            (t.m("report-region").into(), format!("{} ({})", e.region.name(ko(t)), e.region.code())),
            (t.m("report-investment-spending-krw-m").into(), t.amt(e.spending)),
            (t.m("report-share-spent-in-the-region").into(), format!("{:.2} %", dec_f64(e.share_in_region) * 100.0)),
            (t.m("report-sigungu-spending-in-region").into(), t.amt(e.spending_in_region)),
            (t.m("report-data").into(), format!("{} — {}", title(&e.table, t), status(&e.table, t))),
            (t.m("report-sigungu-cost-map").into(), format!("{} — {}", title(&e.map, t), status(&e.map, t))),
        ],
    );
    w.caption_right(&t.unit_caption());
    let cols = [
        Col { head: t.m("report-sigungu-sector"), width: 26.0, align: Align::Left },
        Col { head: t.m("report-sigungu-spending"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-sigungu-production-intra"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-sigungu-production-leak"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-sigungu-value-added-intra"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-sigungu-value-added-leak"), width: 18.0, align: Align::Right },
        Col { head: t.m("report-sigungu-jobs-intra"), width: 15.0, align: Align::Right },
        Col { head: t.m("report-sigungu-jobs-leak"), width: 15.0, align: Align::Right },
    ];
    let mut rows: Vec<Vec<String>> = e
        .sectors
        .iter()
        .filter(|s| !s.spending.is_zero())
        .map(|s| {
            let name = if ko(t) { s.name.clone() } else { s.name_en.clone() };
            split_row(name, s.spending, &s.production, &s.value_added, &s.employment, t)
        })
        .collect();
    rows.push(split_row(
        t.m("report-total").into(),
        e.spending_in_region,
        &e.production,
        &e.value_added,
        &e.employment,
        t,
    ));
    w.table(&cols, &rows, 8.0);
    w.para(
        &t.f(
            "report-sigungu-leakage",
            &[
                ("production", leak(&e.production)),
                ("value_added", leak(&e.value_added)),
                ("jobs", leak(&e.employment)),
            ],
        ),
        8.5,
        INK,
    );
    let cols = [
        Col { head: t.m("report-sigungu-sector"), width: 26.0, align: Align::Left },
        Col { head: t.m("report-sigungu-coef-production"), width: 30.0, align: Align::Right },
        Col { head: t.m("report-sigungu-coef-value-added"), width: 30.0, align: Align::Right },
        Col { head: t.m("report-sigungu-coef-jobs"), width: 30.0, align: Align::Right },
    ];
    let pair =
        |s: &Split, dp: usize| format!("{} / {}", thousands(dec_f64(s.intra), dp), thousands(dec_f64(s.leak), dp));
    let rows: Vec<Vec<String>> = e
        .sectors
        .iter()
        .filter(|s| !s.spending.is_zero())
        .map(|s| {
            let name = if ko(t) { s.name.clone() } else { s.name_en.clone() };
            vec![name, pair(&s.coefficients[0], 3), pair(&s.coefficients[1], 3), pair(&s.coefficients[2], 1)]
        })
        .collect();
    w.table(&cols, &rows, 8.0);
    w.para(t.m("report-sigungu-io-method"), 8.0, GREY);
}

/// Every figure's table, publisher and vintage.
pub(crate) fn sources(w: &mut Writer<'_>, r: &RegionalResult, t: &T) {
    w.h2(t.m("report-sigungu-sources"));
    let cols = [
        Col { head: t.m("report-sigungu-figure"), width: 38.0, align: Align::Left },
        Col { head: t.m("report-sigungu-source-table"), width: 50.0, align: Align::Left },
        Col { head: t.m("report-sigungu-table-id"), width: 14.0, align: Align::Left },
        Col { head: t.m("report-sigungu-publisher"), width: 28.0, align: Align::Left },
        Col { head: t.m("report-sigungu-vintage"), width: 12.0, align: Align::Right },
        Col { head: t.m("report-sigungu-status"), width: 16.0, align: Align::Left },
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    // Figures from one source table are listed together on its row.
    let mut add = |figure: String, c: &ColumnSource, info: &TableInfo| {
        let (table, publisher) = if ko(t) { (&c.table, &c.publisher) } else { (&c.table_en, &c.publisher_en) };
        let id = if c.table_id.is_empty() { "—".to_owned() } else { c.table_id.clone() };
        let short = match info.status {
            Status::Illustrative => t.m("report-sigungu-status-short-illustrative"),
            Status::Cited => t.m("report-sigungu-status-short-cited"),
        };
        let row = vec![figure, table.clone(), id, publisher.clone(), c.vintage.clone(), short.to_owned()];
        match rows.last_mut() {
            Some(last) if last[1..] == row[1..] => {
                last[0] = format!("{}, {}", last[0], row[0]);
            }
            _ => rows.push(row),
        }
    };
    if let Some(s) = &r.sigungu {
        for c in &s.table.sources {
            add(t.cat().code("indicator", &c.column), c, &s.table);
        }
    }
    if let Some(e) = &r.two_region {
        for c in &e.table.sources {
            add(t.cat().code("io-column", &c.column), c, &e.table);
        }
        for c in &e.map.sources {
            add(t.m("report-sigungu-cost-map").to_owned(), c, &e.map);
        }
    }
    w.table(&cols, &rows, 7.5);
    let illustrative = r.sigungu.as_ref().is_some_and(|s| s.table.status == Status::Illustrative)
        || r.two_region.as_ref().is_some_and(|e| e.table.status == Status::Illustrative);
    if illustrative {
        w.para(t.m("report-sigungu-illustrative"), 8.5, GREY);
    }
}
