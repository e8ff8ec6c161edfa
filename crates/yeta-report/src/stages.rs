//! The non-monetised stages of the report, drawn from the engine's typed results: policy and
//! technical analysis (정책성·기술성), balanced regional development (지역균형발전), environmental
//! risk (환경 위험) and the AHP comprehensive evaluation (종합평가). Each section shows the figures a
//! reviewer checks, with the evidence and sources the analyst entered beside them.

use crate::layout::{Align, Col, GREY, INK, ML, NAVY, RULE, Writer, XR};
use crate::render::{T, kv, mkrw, pct, ratio, thousands};
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
        PolicyGroup::ConsistencyReadiness => t.s("Policy consistency and readiness", "정책의 일관성 및 사업 준비 정도"),
        PolicyGroup::ImplementationRisk => t.s("Implementation and funding risk", "사업 추진상의 위험요인"),
        PolicyGroup::PolicyEffects => t.s("Policy effects", "정책효과"),
        PolicyGroup::SpecialItems => t.s("Special evaluation items", "사업별 특수평가 항목"),
    }
    .to_owned()
}

fn technical_group(g: TechnicalGroup, t: &T) -> String {
    match g {
        TechnicalGroup::Maturity => t.s("Technology maturity", "기술 성숙도"),
        TechnicalGroup::ArchitectureFit => t.s("Fit with architecture and standards", "표준·아키텍처 부합성"),
        TechnicalGroup::Security => t.s("Security", "보안성"),
        TechnicalGroup::DeliveryCapability => t.s("Delivery capability", "사업 수행역량"),
        TechnicalGroup::RndNeed => t.s("R&D need and urgency", "필요성·시급성"),
        TechnicalGroup::StateRole => t.s("Fit for state support", "국가 지원의 타당성"),
        TechnicalGroup::Differentiation => t.s("Differentiation", "차별성"),
        TechnicalGroup::PlanConcreteness => t.s("Concreteness of the plan", "계획의 구체성"),
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
        Col { head: t.s("Group", "평가 부문"), width: 40.0, align: Align::Left },
        Col { head: t.s("Items", "항목 수"), width: 10.0, align: Align::Right },
        Col { head: t.s("Mean", "평균"), width: 10.0, align: Align::Right },
        Col { head: t.s("Lowest", "최저"), width: 10.0, align: Align::Right },
        Col { head: t.s("Weak items (≤ 2)", "취약 항목 (≤ 2)"), width: 30.0, align: Align::Left },
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
        format!("{} ({}–{})", t.s("Overall", "종합"), scale[0], scale[1]),
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
        Col { head: t.s("Group", "부문"), width: 17.0, align: Align::Left },
        Col { head: t.s("Item", "항목"), width: 22.0, align: Align::Left },
        Col { head: t.s("Rating", "평점"), width: 11.0, align: Align::Left },
        Col { head: t.s("Evidence", "근거"), width: 32.0, align: Align::Left },
        Col { head: t.s("Source", "출처"), width: 18.0, align: Align::Left },
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
pub(crate) fn policy(w: &mut Writer<'_>, p: &PolicyResult, n: usize, t: &T) {
    w.h1(&format!("{n}. {}", t.s("Policy analysis", "정책성 분석")));
    w.para(
        &format!(
            "{} {}–{} {}",
            t.s(
                "Each checklist item is rated on a scale of",
                "각 점검 항목은 근거와 출처를 갖추어"
            ),
            p.scale[0],
            p.scale[1],
            t.s(
                "(1 very weak, 5 very strong) with its evidence and source. The groups are the policy sub-criteria of the AHP evaluation.",
                "점 척도(1 매우 미흡, 5 매우 우수)로 평가하였다. 부문은 AHP 종합평가의 정책성 하위 기준이다."
            )
        ),
        9.0,
        INK,
    );
    w.h2(&format!("{n}.1 {}", t.s("Summary by group", "부문별 요약")));
    group_table(w, &p.groups, p.overall, p.scale, t);
    w.h2(&format!("{n}.2 {}", t.s("Checklist", "점검 항목")));
    item_table(w, &p.items, |g| policy_group(g, t), p.scale[1], t);
    if !p.technical.is_empty() {
        w.h2(&format!("{n}.3 {}", t.s("Technical feasibility", "기술성 분석")));
        w.para(
            t.s(
                "For ICT and R&D projects technical feasibility replaces balanced regional development in the AHP hierarchy.",
                "정보화·R&D 사업은 AHP 계층에서 지역균형발전 대신 기술성을 평가한다.",
            ),
            9.0,
            INK,
        );
        group_table(w, &p.technical_groups, p.technical_overall.unwrap_or(0.0), p.scale, t);
        item_table(w, &p.technical, |g| technical_group(g, t), p.scale[1], t);
    }
}

fn io_sector(s: IoSector, t: &T) -> &'static str {
    match s {
        IoSector::Construction => t.s("Construction", "건설"),
        IoSector::Ict => t.s("Information services and software", "정보서비스·소프트웨어"),
        IoSector::Other => t.s("All-industry average", "전산업 평균"),
    }
}

/// Balanced regional development (지역균형발전 분석): backwardness index, rank, regional effects.
pub(crate) fn regional(w: &mut Writer<'_>, r: &RegionalResult, n: usize, t: &T) {
    let ko = matches!(t.0, crate::Lang::Ko);
    let b = &r.backwardness;
    w.h1(&format!("{n}. {}", t.s("Balanced regional development", "지역균형발전 분석")));
    w.h2(&format!("{n}.1 {}", t.s("Regional backwardness index", "지역낙후도 지수")));
    let yes_no = |v: bool| if v { t.s("yes", "예") } else { t.s("no", "아니오") }.to_owned();
    kv(
        w,
        t,
        vec![
            (t.s("Region", "지역").into(), format!("{} ({})", r.region.name(ko), r.region.code())),
            (t.s("Capital region (수도권)", "수도권 여부").into(), yes_no(r.capital_region)),
            (t.s("Population-decline area", "인구감소지역").into(), yes_no(r.population_decline_area)),
            (t.s("Backwardness index", "낙후도 지수").into(), format!("{:.3}", b.index)),
            (t.s("Rank (1 = most backward)", "순위 (1 = 가장 낙후)").into(), format!("{} / {}", b.rank, b.of)),
            (t.s("Quartile group", "분위 그룹").into(), format!("{} / 4", b.quartile)),
            (t.s("Data", "자료").into(), b.data.to_owned()),
        ],
    );
    let cols = [
        Col { head: t.s("Indicator", "지표"), width: 50.0, align: Align::Left },
        Col { head: t.s("Region's value", "해당 지역 값"), width: 25.0, align: Align::Right },
        Col { head: t.s("Signed z (+ = backward)", "표준화 점수 (+ = 낙후)"), width: 25.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = b
        .indicators
        .iter()
        .map(|i| vec![i.name.to_owned(), thousands(i.value, 1), format!("{:+.3}", i.signed_z)])
        .collect();
    w.table(&cols, &rows, 8.5);
    ranking_chart(w, r, t);

    w.h2(&format!("{n}.2 {}", t.s("Regional economic effects", "지역경제 파급효과")));
    let e = &r.effects;
    kv(
        w,
        t,
        vec![
            (t.s("Input-output sector", "산업연관 부문").into(), io_sector(e.sector, t).into()),
            (t.s("Investment spending (KRW m)", "투자 지출 (백만원)").into(), mkrw(e.spending)),
            (t.s("Share spent in the region", "지역 내 지출 비중").into(), pct(Some(e.share_in_region))),
            (
                t.s("Production induced (KRW m)", "생산유발효과 (백만원)").into(),
                format!("{} (× {:.3})", mkrw(e.production), e.multipliers.production),
            ),
            (
                t.s("Value added induced (KRW m)", "부가가치유발효과 (백만원)").into(),
                format!("{} (× {:.3})", mkrw(e.value_added), e.multipliers.value_added),
            ),
            (
                t.s("Employment induced (person-years)", "취업유발효과 (인·년)").into(),
                format!(
                    "{} ({:.1} {})",
                    thousands(e.employment, 0),
                    e.multipliers.employment_per_krw_bn,
                    t.s("per KRW bn", "명/10억원")
                ),
            ),
            (t.s("Multipliers' source", "승수 출처").into(), e.multipliers.source.clone()),
        ],
    );
    for note in &r.notes {
        w.para(&format!("• {}", t.cat().diagnostic(note)), 8.5, GREY);
    }
}

/// Every region's index as a horizontal bar, the project's region highlighted.
fn ranking_chart(w: &mut Writer<'_>, r: &RegionalResult, t: &T) {
    let ko = matches!(t.0, crate::Lang::Ko);
    let rank = &r.backwardness.ranking;
    if rank.is_empty() {
        return;
    }
    let bar = 10.0;
    let h = 30.0 + rank.len() as f32 * (bar + 3.0);
    w.ensure(h + 10.0);
    w.text(
        ML,
        w.y - 8.0,
        8.5,
        true,
        NAVY,
        t.s("Backwardness index of every region (most backward first)", "시·도별 낙후도 지수 (낙후 순)"),
    );
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

fn status(s: Compliance, t: &T) -> &'static str {
    match s {
        Compliance::Met => t.s("met", "충족"),
        Compliance::Partial => t.s("partly met", "부분 충족"),
        Compliance::NotMet => t.s("not met", "미충족"),
        Compliance::NotApplicable => t.s("n/a", "해당 없음"),
    }
}

fn rating_label(r: &str, t: &T) -> String {
    match r {
        "low" => t.s("low", "낮음"),
        "medium" => t.s("medium", "보통"),
        "high" => t.s("high", "높음"),
        "very high" | "very_high" => t.s("very high", "매우 높음"),
        other => other,
    }
    .to_owned()
}

/// Environmental risk (환경 위험 분석): energy, emissions and carbon value by year, the effect of
/// carbon on B/C, the risk register as a heat map and a table, and the compliance checklist.
pub(crate) fn environment(w: &mut Writer<'_>, e: &EnvironmentResult, study: Option<&Study>, n: usize, t: &T) {
    let sec = study.and_then(|s| s.environment.as_ref());
    w.h1(&format!("{n}. {}", t.s("Environmental risk", "환경 위험 분석")));
    w.para(
        t.s(
            "The OECD found that Korea's appraisal does not assess environmental risk. This section adds it: the project's energy use and greenhouse-gas emissions, their value at a stated carbon price, the risk register and the compliance checklist.",
            "OECD는 한국의 예비타당성조사에 환경 위험 평가가 없다고 지적하였다. 이 장은 사업의 에너지 사용과 온실가스 배출, 명시된 탄소가격에 따른 가치, 환경 위험 목록과 법규 준수 점검을 더한다.",
        ),
        9.0,
        INK,
    );
    w.h2(&format!("{n}.1 {}", t.s("Energy, emissions and carbon value", "에너지·배출량·탄소가치")));
    let mut rows = vec![
        (
            t.s("Energy use, whole period (MWh)", "전 기간 에너지 사용량 (MWh)").to_owned(),
            thousands(e.total_kwh / 1e3, 0),
        ),
        (t.s("Emissions, whole period (tCO2e)", "전 기간 배출량 (tCO2e)").to_owned(), thousands(e.total_tco2e, 0)),
        (t.s("E-waste (tonnes)", "전자폐기물 (톤)").to_owned(), thousands(e.ewaste_tonnes, 1)),
        (
            t.s("Grid emission factor (tCO2e/MWh)", "전력 배출계수 (tCO2e/MWh)").to_owned(),
            match sec {
                Some(s) => format!("{:.4} — {}", e.grid_factor, s.grid_factor.source),
                None => format!("{:.4}", e.grid_factor),
            },
        ),
        (t.s("PV of the carbon value (KRW m)", "탄소가치 현재가치 (백만원)").to_owned(), mkrw(e.carbon_pv)),
        (
            t.s("Carbon cost in the economic analysis", "경제성 분석에 탄소비용 반영").to_owned(),
            if e.included_in_economics {
                t.s("yes", "예")
            } else {
                t.s("no (shown for information)", "아니오 (참고)")
            }
            .to_owned(),
        ),
        (t.s("B/C without carbon cost", "탄소비용 제외 B/C").to_owned(), ratio(e.bc_without_carbon)),
        (t.s("B/C with carbon cost", "탄소비용 포함 B/C").to_owned(), ratio(e.bc_with_carbon)),
    ];
    if let Some(cp) = sec.and_then(|s| s.carbon_price.as_ref()) {
        rows.push((t.s("Carbon price path's source", "탄소가격 경로 출처").to_owned(), cp.source.clone()));
    }
    kv(w, t, rows);
    emissions_chart(w, e, t);
    let cols = [
        Col { head: t.s("Year", "연도"), width: 10.0, align: Align::Left },
        Col { head: t.s("Energy (MWh)", "에너지 (MWh)"), width: 18.0, align: Align::Right },
        Col { head: t.s("Operational tCO2e", "운영 배출 tCO2e"), width: 18.0, align: Align::Right },
        Col { head: t.s("Embodied tCO2e", "내재 배출 tCO2e"), width: 18.0, align: Align::Right },
        Col { head: t.s("Carbon price (KRW/t)", "탄소가격 (원/t)"), width: 18.0, align: Align::Right },
        Col { head: t.s("Carbon value (KRW m)", "탄소가치 (백만원)"), width: 18.0, align: Align::Right },
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
                mkrw(y.carbon_value),
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.0);

    // Keep the heading with the heat map below it.
    w.ensure(5.0 * 34.0 + 110.0);
    w.h2(&format!("{n}.2 {}", t.s("Environmental risk register", "환경 위험 목록")));
    heat_map(w, e, t);
    let cols = [
        Col { head: "#", width: 5.0, align: Align::Left },
        Col { head: t.s("Risk", "위험"), width: 27.0, align: Align::Left },
        Col { head: t.s("L × I", "가능성 × 영향"), width: 11.0, align: Align::Left },
        Col { head: t.s("Rating", "등급"), width: 10.0, align: Align::Left },
        Col { head: t.s("Owner", "담당"), width: 15.0, align: Align::Left },
        Col { head: t.s("Mitigation", "완화 조치"), width: 32.0, align: Align::Left },
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

    w.h2(&format!("{n}.3 {}", t.s("Compliance checklist", "법규·기준 준수 점검")));
    let cols = [
        Col { head: t.s("Requirement", "요건"), width: 30.0, align: Align::Left },
        Col { head: t.s("Framework", "근거 법규·기준"), width: 24.0, align: Align::Left },
        Col { head: t.s("Status", "상태"), width: 12.0, align: Align::Left },
        Col { head: t.s("Evidence", "근거"), width: 34.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = e
        .compliance
        .iter()
        .map(|c| vec![c.requirement.clone(), c.framework.clone(), status(c.status, t).into(), c.evidence.clone()])
        .collect();
    if !rows.is_empty() {
        w.table(&cols, &rows, 7.8);
    }
    w.para(
        &format!("{}: {}", t.s("Requirements not met or partly met", "미충족 또는 부분 충족 요건"), e.compliance_gaps),
        9.0,
        INK,
    );
}

/// Yearly emissions as stacked bars (operational, embodied).
fn emissions_chart(w: &mut Writer<'_>, e: &EnvironmentResult, t: &T) {
    let years: Vec<_> = e.years.iter().filter(|y| y.tco2e_operational + y.tco2e_embodied > 0.0).collect();
    if years.is_empty() {
        return;
    }
    let h = 150.0;
    w.ensure(h + 30.0);
    w.text(
        ML,
        w.y - 8.0,
        8.5,
        true,
        NAVY,
        t.s("Greenhouse-gas emissions by year (tCO2e)", "연도별 온실가스 배출량 (tCO2e)"),
    );
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
    w.text(x1 - 158.0, ly, 7.0, false, INK, t.s("Operational", "운영"));
    w.rect(x1 - 90.0, ly, 8.0, 6.0, (0.55, 0.45, 0.30));
    w.text(x1 - 78.0, ly, 7.0, false, INK, t.s("Embodied", "내재"));
    w.y = y0 - 24.0;
}

/// The 5 × 5 likelihood × impact matrix with each risk's number in its cell.
fn heat_map(w: &mut Writer<'_>, e: &EnvironmentResult, t: &T) {
    if e.risks.is_empty() {
        w.para(t.s("No environmental risks were entered.", "입력된 환경 위험이 없다."), 9.0, GREY);
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
    w.text_center(x0 + 2.5 * cell, y0 - 22.0, 7.5, false, INK, t.s("Impact →", "영향 →"));
    w.text(ML, y0 + 5.0 * cell + 4.0, 7.5, false, INK, t.s("Likelihood ↑", "가능성 ↑"));
    // Legend beside the grid.
    let lx = x0 + 5.0 * cell + 30.0;
    for (k, (c, label)) in [
        ((0.80, 0.92, 0.80), t.s("low (1–4)", "낮음 (1–4)")),
        ((0.99, 0.93, 0.70), t.s("medium (5–9)", "보통 (5–9)")),
        ((0.98, 0.75, 0.55), t.s("high (10–16)", "높음 (10–16)")),
        ((0.93, 0.50, 0.45), t.s("very high (20–25)", "매우 높음 (20–25)")),
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

fn criterion_label(id: &str, name: &str, t: &T) -> String {
    match id {
        "economic" => t.s("Economic feasibility", "경제성"),
        "policy" => t.s("Policy analysis", "정책성"),
        "regional" => t.s("Balanced regional development", "지역균형발전"),
        "technical" => t.s("Technical feasibility", "기술성"),
        "backwardness" => t.s("Regional backwardness", "지역낙후도"),
        "regional_economy" => t.s("Regional economic effects", "지역경제 파급효과"),
        "employment" => t.s("Employment inducement", "고용유발 효과"),
        _ => return group_label(id, t).replace('_', " ").if_empty(name),
    }
    .to_owned()
}

/// A column-header label for a top-level criterion.
fn short_label(id: &str, t: &T) -> String {
    match id {
        "economic" => t.s("econ.", "경제성"),
        "policy" => t.s("policy", "정책성"),
        "regional" => t.s("regional", "지역균형"),
        "technical" => t.s("technical", "기술성"),
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
pub(crate) fn ahp(w: &mut Writer<'_>, a: &AhpResult, n: usize, t: &T) {
    w.h1(&format!("{n}. {}", t.s("AHP comprehensive evaluation", "AHP 종합평가")));
    let title = format!(
        "{} {:.3} — {}",
        t.s("Score for \"implement\":", "'시행' 점수:"),
        a.score,
        if a.implement { t.s("implement", "시행") } else { t.s("do not implement", "미시행") }
    );
    let body = format!(
        "{} {:.3}–{:.3}; {} {:.2}; {}",
        t.s("Score range across the allowed weights:", "허용 가중치 범위에서의 점수:"),
        a.score_range[0],
        a.score_range[1],
        t.s("threshold", "기준"),
        a.threshold,
        if a.robust {
            t.s("the verdict holds across the range.", "범위 전체에서 결론이 유지된다.")
        } else {
            t.s("the verdict changes within the range.", "범위 안에서 결론이 바뀔 수 있다.")
        }
    );
    w.banner(a.implement, &title, 13.0, &body, 9.0);

    w.h2(&format!("{n}.1 {}", t.s("Criteria: weights, scores and contributions", "평가 기준별 가중치·점수·기여도")));
    let cols = [
        Col { head: t.s("Criterion", "평가 기준"), width: 30.0, align: Align::Left },
        Col { head: t.s("Allowed range", "허용 범위"), width: 14.0, align: Align::Right },
        Col { head: t.s("Weight as judged", "판단 가중치"), width: 14.0, align: Align::Right },
        Col { head: t.s("Weight applied", "적용 가중치"), width: 14.0, align: Align::Right },
        Col { head: t.s("Implement priority", "시행 선호도"), width: 14.0, align: Align::Right },
        Col { head: t.s("Contribution", "기여도"), width: 14.0, align: Align::Right },
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
        t.s("Total", "합계").into(),
        String::new(),
        format!("{:.3}", a.criteria.iter().map(|c| c.weight_unconstrained).sum::<f64>()),
        format!("{:.3}", a.criteria.iter().map(|c| c.weight).sum::<f64>()),
        String::new(),
        format!("{:.3}", a.score),
    ]);
    w.table(&cols, &rows, 8.5);
    weights_chart(w, a, t);
    if let Some(r) = &a.weight_range {
        w.para(&format!("{}: {} — {}", t.s("Weight ranges", "가중치 범위"), r.rule, r.source), 8.0, GREY);
    }

    w.h2(&format!("{n}.2 {}", t.s("Sub-criteria (global weights)", "세부 기준 (전역 가중치)")));
    let cols = [
        Col { head: t.s("Sub-criterion", "세부 기준"), width: 52.0, align: Align::Left },
        Col { head: t.s("Global weight", "전역 가중치"), width: 16.0, align: Align::Right },
        Col { head: t.s("Implement priority", "시행 선호도"), width: 16.0, align: Align::Right },
        Col { head: t.s("Weighted", "가중 점수"), width: 16.0, align: Align::Right },
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

    w.h2(&format!("{n}.3 {}", t.s("Evaluators", "평가자")));
    let mut cols = vec![
        Col { head: t.s("Evaluator", "평가자"), width: 20.0, align: Align::Left },
        Col { head: t.s("Role", "역할"), width: 22.0, align: Align::Left },
    ];
    let ids: Vec<&str> = a.criteria.iter().map(|c| c.id.as_str()).collect();
    let heads: Vec<String> = ids.iter().map(|id| format!("w {}", short_label(id, t))).collect();
    for h in &heads {
        cols.push(Col { head: h, width: 11.0, align: Align::Right });
    }
    cols.push(Col { head: t.s("Score", "점수"), width: 9.0, align: Align::Right });
    cols.push(Col { head: t.s("Max CR", "최대 CR"), width: 9.0, align: Align::Right });
    cols.push(Col { head: t.s("Outside range", "범위 이탈"), width: 12.0, align: Align::Left });
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
            t.s("▲ = consistency ratio above the cut-off", "▲ = 일관성 비율이 기준을 넘음:"),
            a.cr_cutoff,
            t.s("Aggregation", "종합 방법"),
            match a.aggregation {
                yeta_core::ahp::Aggregation::Aij =>
                    t.s("geometric mean of individual judgements (AIJ)", "개별 판단의 기하평균 (AIJ)"),
                _ => t.s("mean of individual priorities (AIP)", "개별 우선순위의 평균 (AIP)"),
            },
            t.s("priorities", "우선순위 산출"),
            match a.method {
                yeta_core::ahp::Method::Eigenvector => t.s("principal eigenvector", "주고유벡터"),
                _ => t.s("geometric mean of rows", "행 기하평균"),
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
        w.h2(&format!(
            "{n}.4 {}",
            t.s("Judgements to reconsider (CR above the cut-off)", "재검토가 필요한 판단 (CR 초과)")
        ));
        for h in hints {
            w.para(&format!("• {h}"), 8.5, INK);
        }
    }
    for note in &a.notes {
        w.para(&format!("• {}", t.cat().diagnostic(note)), 8.5, GREY);
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
    w.text(
        ML,
        w.y - 8.0,
        8.5,
        true,
        NAVY,
        t.s(
            "Criterion weights: panel (bar), evaluators (ticks), allowed range (bracket)",
            "기준별 가중치: 종합(막대), 평가자(눈금), 허용 범위(괄호)",
        ),
    );
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

/// Monte Carlo risk analysis (위험 분석): the distribution of NPV and B/C, P(B/C ≥ 1), the NPV
/// histogram and the critical variables (EU CBA guide 2014), with the seed that repeats the run.
pub(crate) fn risk(w: &mut Writer<'_>, r: &yeta_core::risk::RiskResult, n: usize, t: &T) {
    w.h1(&format!("{n}. {}", t.s("Risk analysis (Monte Carlo)", "위험 분석 (몬테카를로 모의실험)")));
    w.para(
        &format!(
            "{} {} {} {}. {}: {}.",
            thousands(r.draws as f64, 0),
            t.s("draws with seed", "회 반복, 난수 시드"),
            r.seed,
            t.s("(the same seed gives the same figures)", "(같은 시드는 같은 결과를 준다)"),
            t.s("Uncertain inputs", "불확실 변수"),
            if r.uncertain.is_empty() { "—".to_owned() } else { r.uncertain.join(", ") }
        ),
        9.0,
        INK,
    );
    w.banner(r.prob_bc_ge_1 >= 0.5, &format!("P(B/C ≥ 1) = {:.1} %", r.prob_bc_ge_1 * 100.0), 13.0, "", 9.0);
    let m = |x: &yeta_core::risk::Money| mkrw(x.0);
    let cols = [
        Col { head: "", width: 28.0, align: Align::Left },
        Col { head: t.s("Mean", "평균"), width: 12.0, align: Align::Right },
        Col { head: "P5", width: 12.0, align: Align::Right },
        Col { head: "P10", width: 12.0, align: Align::Right },
        Col { head: "P50", width: 12.0, align: Align::Right },
        Col { head: "P90", width: 12.0, align: Align::Right },
        Col { head: "P95", width: 12.0, align: Align::Right },
    ];
    let (nv, bc) = (&r.npv, &r.bc_ratio);
    let rows = vec![
        vec![
            t.s("NPV (KRW m)", "순현재가치 (백만원)").into(),
            m(&nv.mean),
            m(&nv.p5),
            m(&nv.p10),
            m(&nv.p50),
            m(&nv.p90),
            m(&nv.p95),
        ],
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
        (t.s("P(NPV > 0)", "P(NPV > 0)").to_owned(), format!("{:.1} %", r.prob_npv_positive * 100.0)),
        (t.s("Standard error of the mean NPV (KRW m)", "평균 NPV의 표준오차 (백만원)").to_owned(), m(&nv.se)),
    ];
    if let Some(e) = &r.npv_expected_analytic {
        facts.push((
            t.s("Analytic expectation of NPV (KRW m)", "NPV 해석적 기댓값 (백만원)").to_owned(),
            format!("{} ({})", m(e), t.s("Σ E[multiplier] × PV of each line", "항목별 E[승수] × 현재가치의 합")),
        ));
    }
    kv(w, t, facts);
    histogram(w, r, t);
    if !r.critical_variables.is_empty() {
        w.h2(&format!("{n}.1 {}", t.s("Critical variables", "주요 변수 (critical variables)")));
        w.para(
            t.s(
                "Variables whose 1 % change moves NPV by more than 1 % (EU Guide to CBA, 2014).",
                "1 % 변화가 NPV를 1 % 넘게 움직이는 변수 (EU CBA 지침, 2014).",
            ),
            8.5,
            GREY,
        );
        let cols = [
            Col { head: t.s("List", "구분"), width: 16.0, align: Align::Left },
            Col { head: t.s("Variable", "변수"), width: 50.0, align: Align::Left },
            Col { head: t.s("NPV change per +1 %", "+1 %당 NPV 변화"), width: 18.0, align: Align::Right },
            Col { head: t.s("Uncertain in the study", "불확실성 입력"), width: 16.0, align: Align::Left },
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
                    if c.uncertain { t.s("yes", "예") } else { t.s("no", "아니오") }.into(),
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
    w.text(ML, w.y - 8.0, 8.5, true, NAVY, t.s("Distribution of NPV (KRW million)", "NPV 분포 (백만원)"));
    let (x0, x1) = (ML + 30.0, XR);
    let (y0, y1) = (w.y - h, w.y - 18.0);
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
        w.text_center(x0 + i as f32 * bw, y0 - 10.0, 6.5, false, GREY, &mkrw(b.from));
    }
    if let Some(b) = bins.last() {
        w.text_center(x1, y0 - 10.0, 6.5, false, GREY, &mkrw(b.to));
    }
    w.y = y0 - 24.0;
}
