//! A new study that teaches (새 사업 양식): for a sector and region, a complete study that is
//! valid as written — the PFS default AHP hierarchy spelt out with its ids, an example line of
//! every cost, benefit and revenue kind, the policy (and technical) checklist items, the regional
//! and environmental sections and one evaluator with neutral judgements. Every figure is an
//! example to replace; the names say so.

use super::{BenefitKind, CostKind, LineKind, Region, RevenueKind, Sector, SectorClass, Study, Unit};
use crate::ahp::{Criterion, default_hierarchy};
use serde_json::{Value, json};

/// The language of the skeleton's names and notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Korean names, amounts in 백만원.
    Ko,
    /// English names, amounts in won.
    En,
}

/// Years of the skeleton: build `first..=build_end`, operate to `last`.
struct Years {
    base: i32,
    first: i32,
    build_end: i32,
    last: i32,
}

fn years(sector: Sector) -> Years {
    match sector.class() {
        // Construction: five years of building and 30 of operation (transport practice).
        SectorClass::Construction => Years { base: 2025, first: 2026, build_end: 2030, last: 2060 },
        // ICT: two years of build and eight of operation (system life).
        SectorClass::Ict => Years { base: 2025, first: 2026, build_end: 2027, last: 2035 },
        SectorClass::Other => Years { base: 2025, first: 2026, build_end: 2028, last: 2050 },
    }
}

/// Won from 백만원.
fn m(x: i64) -> String {
    (x * 1_000_000).to_string()
}

fn text(lang: Lang, ko: &str, en: &str) -> String {
    match lang {
        Lang::Ko => ko.to_owned(),
        Lang::En => en.to_owned(),
    }
}

fn kind_name(list: &[super::names::Name<'_>], code: &str, lang: Lang) -> String {
    let n = list.iter().find(|n| n.code == code).map_or(code, |n| if lang == Lang::Ko { n.ko } else { n.en });
    text(lang, &format!("(예시) {n}"), &format!("(example) {n}"))
}

fn line(list: &[super::names::Name<'_>], code: &str, lang: Lang, flows: Value) -> Value {
    json!({
        "name": kind_name(list, code, lang),
        "kind": code,
        "source": text(lang, "(출처를 적으십시오)", "(give the source)"),
        "flows": flows,
    })
}

fn range(from: i32, to: i32, amount: String) -> Value {
    json!([{ "from": from, "to": to, "amount": amount }])
}

fn year(y: i32, amount: String) -> Value {
    json!([{ "year": y, "amount": amount }])
}

/// Hierarchy as JSON, ids with Korean-and-English names.
fn hierarchy(cs: &[Criterion]) -> Value {
    Value::Array(
        cs.iter()
            .map(|c| {
                let mut o = json!({ "id": c.id, "name": c.name.clone().unwrap_or_else(|| c.id.clone()) });
                if !c.children.is_empty() {
                    o["children"] = hierarchy(&c.children);
                }
                o
            })
            .collect(),
    )
}

/// Identity matrices for every node with children, and a neutral judgement at every leaf.
fn evaluator(cs: &[Criterion], lang: Lang) -> Value {
    fn ones(n: usize) -> Value {
        Value::Array((0..n).map(|_| Value::Array((0..n).map(|_| json!(1)).collect())).collect())
    }
    fn walk(
        cs: &[Criterion],
        criteria: &mut serde_json::Map<String, Value>,
        alts: &mut serde_json::Map<String, Value>,
    ) {
        for c in cs {
            if c.children.is_empty() {
                alts.insert(c.id.clone(), json!(1));
            } else {
                criteria.insert(c.id.clone(), ones(c.children.len()));
                walk(&c.children, criteria, alts);
            }
        }
    }
    let mut criteria = serde_json::Map::new();
    criteria.insert(crate::ahp::GOAL.into(), ones(cs.len()));
    let mut alts = serde_json::Map::new();
    walk(cs, &mut criteria, &mut alts);
    json!({
        "name": text(lang, "평가자 1 (예시: 모든 판단이 동등)", "Evaluator 1 (example: every judgement equal)"),
        "role": text(lang, "(전문분야)", "(field)"),
        "criteria": criteria,
        "alternatives": alts,
    })
}

/// The policy checklist: one example item per group; technical items for ICT and R&D.
fn policy(sector: Sector, lang: Lang) -> Value {
    let item = |group: &str, ko: &str, en: &str| {
        json!({
            "group": group,
            "name": text(lang, &format!("(예시) {ko}"), &format!("(example) {en}")),
            "rating": 3,
            "evidence": text(lang, "(근거를 적고 1–5로 평가하십시오)", "(give the evidence and rate 1–5)"),
        })
    };
    let items = vec![
        item(
            "consistency_readiness",
            "상위계획과의 부합성 및 사업준비 정도",
            "Consistency with national plans and readiness",
        ),
        item("implementation_risk", "재원조달 위험 등 사업 추진상의 위험요인", "Implementation risks, incl. funding"),
        item(
            "policy_effects",
            "일자리·생활여건·환경·안전 효과",
            "Effects on jobs, living conditions, environment, safety",
        ),
        item("special_items", "사업별 특수평가 항목", "Project-specific items"),
    ];
    let technical = match sector {
        Sector::Ict => vec![
            item("maturity", "기술 성숙도", "Maturity of the technology"),
            item("architecture_fit", "정부 표준·아키텍처 부합성", "Fit with government architecture and standards"),
            item("security", "보안성", "Security"),
            item("delivery_capability", "사업 수행역량", "Delivery capability"),
        ],
        Sector::Rnd => vec![
            item("rnd_need", "필요성·시급성", "Need and urgency"),
            item("state_role", "국가 지원의 타당성", "Fit for state support"),
            item("differentiation", "기존 사업과의 차별성", "Differentiation from existing work"),
            item("plan_concreteness", "계획의 구체성", "Concreteness of the plan"),
        ],
        _ => vec![],
    };
    let mut p = json!({ "items": items });
    if !technical.is_empty() {
        p["technical"] = Value::Array(technical);
    }
    p
}

fn environment(sector: Sector, y: &Years, capex_name: &str, lang: Lang) -> Value {
    let energy = if sector == Sector::Ict {
        json!([{
            "name": text(lang, "(예시) 데이터센터 IT 부하", "(example) Data-centre IT load"),
            "kind": "it_load",
            "flows": [{ "from": y.build_end + 1, "to": y.last, "amount": "100" }],
            "pue": "1.4",
            "hours": 8760,
            "source": text(lang, "(설계 규모와 PUE의 출처)", "(sizing and PUE source)"),
        }])
    } else {
        json!([{
            "name": text(lang, "(예시) 공사 에너지", "(example) Construction energy"),
            "kind": "intensity",
            "kwh_per_million_krw": "35",
            "cost_lines": [capex_name],
            "source": text(lang, "(에너지 원단위의 출처)", "(source of the energy intensity)"),
        }])
    };
    json!({
        "grid_factor": {
            "value": "0.4173",
            "unit": "tCO2e/MWh",
            "source": text(lang,
                "국가 전력 배출계수 2023 (기후에너지환경부 공표, 2025-12-17); 시행 중인 고시를 확인하십시오",
                "National grid emission factor for 2023 (Ministry of Climate, Energy and Environment, 17 Dec 2025); check the notice in force"),
        },
        "energy": energy,
        "embodied": [{
            "name": text(lang, "(예시) 자재·장비의 내재 배출", "(example) Embodied emissions of materials and equipment"),
            "year": y.build_end,
            "tco2e": "100",
            "source": text(lang, "(출처)", "(source)"),
        }],
        "carbon_price": {
            "path": [{ "year": y.base, "krw_per_tco2e": "50000" }, { "year": 2050, "krw_per_tco2e": "150000" }],
            "source": text(lang, "(예시) 잠재 탄소가격 경로; 정부 지침으로 바꾸십시오", "(example) shadow carbon price path; replace with the ministry's guidance"),
        },
        "include_in_economics": false,
        "risks": [{
            "title": text(lang, "(예시) 공사·운영 중 환경 피해", "(example) Environmental damage in construction or operation"),
            "likelihood": 2,
            "impact": 3,
            "owner": text(lang, "(담당 기관)", "(owner)"),
            "mitigation": text(lang, "(저감 대책)", "(mitigation)"),
        }],
        "compliance": [{
            "requirement": text(lang, "환경영향평가", "Environmental impact assessment"),
            "framework": text(lang, "환경영향평가법", "Environmental Impact Assessment Act"),
            "status": "partial",
            "evidence": text(lang, "(근거)", "(evidence)"),
        }],
    })
}

/// A complete, valid study for `sector` in `region`. (It is built from the engine's own types,
/// so an error is a bug, which the test `every_sector_skeleton_is_valid_and_appraises` catches.)
pub fn new_study(sector: Sector, region: Region, lang: Lang) -> Result<Study, super::StudyError> {
    let y = years(sector);
    let (build, ops) = (y.build_end - y.first + 1, y.last - y.build_end);
    let ict = sector == Sector::Ict;
    // Capex per build year and land (백만원): the total cost is exactly their sum, above the
    // PFS threshold of the sector (KRW 100 bn for SOC, 50 bn otherwise).
    let capex_year: i64 = if ict { 30_000 } else { 22_000 };
    let land: i64 = if sector.class() == SectorClass::Construction { 10_000 } else { 0 };
    let total = capex_year * i64::from(build) + land;
    let op = y.build_end + 1;
    let c = CostKind::NAMES;
    let capex = line(c, CostKind::Capex.code(), lang, range(y.first, y.build_end, m(capex_year)));
    let capex_name = capex["name"].as_str().unwrap_or_default().to_owned();
    let reinvest_year = op + ops / 2;
    let costs = vec![
        capex,
        line(c, CostKind::Land.code(), lang, year(y.first, m(land))),
        line(c, CostKind::Reinvestment.code(), lang, year(reinvest_year, m(total / 10))),
        line(c, CostKind::Opex.code(), lang, range(op, y.last, m(total / 50))),
        line(c, CostKind::Other.code(), lang, year(y.first, m(total / 100))),
    ];
    let b = BenefitKind::NAMES;
    // Yearly benefits of about an eighth of the total cost (ICT) or a fifteenth (others).
    let yearly = if ict { total / 8 } else { total / 15 };
    let benefits: Vec<Value> = BenefitKind::ALL
        .iter()
        .map(|k| match k {
            BenefitKind::ResidualValue => line(b, k.code(), lang, year(y.last, m(total / 5))),
            BenefitKind::TravelTime | BenefitKind::CostSaving => {
                let mut l = line(b, k.code(), lang, range(op, y.last, m(yearly / 3)));
                l["flows"][0]["growth"] = json!("0.01");
                l
            }
            _ => line(b, k.code(), lang, range(op, y.last, m(yearly / 15))),
        })
        .collect();
    let r = RevenueKind::NAMES;
    let revenues: Vec<Value> =
        RevenueKind::ALL.iter().map(|k| line(r, k.code(), lang, range(op, y.last, m(total / 200)))).collect();
    let capital = region.is_capital_region();
    let top = default_hierarchy(sector.class(), capital);
    let doc = json!({
        "format": super::FORMAT,
        "project": {
            "name": text(lang, "(사업명)", "(project name)"),
            "sponsor": text(lang, "(주무부처)", "(sponsoring ministry)"),
            "sector": sector.code(),
            "region": region.code(),
            "total_cost": m(total),
            "state_funding": m(total),
            "description": text(lang,
                "새 사업 양식 (yeta new): 모든 금액과 판단은 예시이므로 사업의 값으로 바꾸십시오. AHP 계층의 id는 README의 표를 따릅니다.",
                "Skeleton written by yeta new: every amount and judgement is an example to replace. The AHP hierarchy ids are listed in the README."),
        },
        "rules": { "id": crate::rules::DEFAULT_RULE_SET },
        "parameters": { "base_year": y.base, "first_year": y.first, "last_year": y.last },
        "costs": costs,
        "benefits": benefits,
        "revenues": revenues,
        "financing": {
            "state": m(total),
            "local": "0",
            "private": "0",
            "source": text(lang, "(재원조달 계획의 출처)", "(source of the funding plan)"),
        },
        "policy": policy(sector, lang),
        "regional": {
            "spending_share_in_region": "1",
            "source": text(lang, "(예시) 사업비 전액이 사업 지역에서 지출된다고 가정", "(example) all spending assumed in the project's region"),
        },
        "ahp": {
            "aggregation": "aij",
            "method": "eigenvector",
            "hierarchy": hierarchy(&top),
            "evaluators": [evaluator(&top, lang)],
        },
        "environment": environment(sector, &y, &capex_name, lang),
    });
    let mut study: Study = super::parse::parse_json(&doc.to_string())?;
    if lang == Lang::Ko {
        study.unit = Some(Unit::Million);
    }
    Ok(study)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sector_skeleton_is_valid_and_appraises() {
        for sector in Sector::ALL {
            for (region, lang) in [(Region::Daegu, Lang::Ko), (Region::Seoul, Lang::En)] {
                let s = new_study(sector, region, lang).expect("skeleton");
                let text = s.to_json();
                let back = crate::study::check(&text).unwrap_or_else(|e| panic!("{sector:?} {lang:?}: {e:#?}"));
                assert_eq!(back, s, "{sector:?}: the written skeleton reads back the same");
                let a = crate::appraise(&back, None).unwrap_or_else(|e| panic!("{sector:?}: {e}"));
                assert!(a.economic.bc_ratio.is_some_and(|b| b > 0.0));
                let rules = crate::RuleSet::builtin("kr-pfs-2026").expect("rules");
                let plaus = crate::study::plausible::warnings(&back, &rules);
                assert!(plaus.is_empty(), "{sector:?}: {plaus:?}");
            }
        }
    }
}
