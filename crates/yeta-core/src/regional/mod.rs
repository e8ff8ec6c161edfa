//! Balanced regional development (지역균형발전 분석): the regional backwardness index
//! (지역낙후도) of the project's region among the 17 regions, and the regional economic effects
//! (지역경제 파급효과, 고용유발 효과) of the project's spending from input-output coefficients.
//!
//! Two paths. When the study names its 시·군·구 (`project.municipality`, a KOSTAT code) and the
//! 시·군·구 table holds it, the index is KDI's 2013 factor form over every 시·군·구 of the table
//! ([`sigungu`]) and the effects come from a two-region input-output table ([`io2`]), each table a
//! traceable data file ([`table`]). Otherwise the older form: the 17 시·도 and national
//! multipliers.
//!
//! The data are passed in as text (CSV) — the shipped tables in `fixtures/regions/` or the user's
//! own — so the engine reads no files.

pub mod io2;
pub mod sigungu;
pub mod table;

use crate::appraisal::Context;
use crate::econ::to_f64;
use crate::study::{DecimalString, Region, SectorClass, Study, ValidationError, money};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The shipped indicator table (illustrative; see fixtures/regions/README.md).
pub const BUILTIN_REGIONS: &str = include_str!("../../../../fixtures/regions/kr-regions-2022.csv");
/// The shipped 시·군·구 indicator table (illustrative; see fixtures/regions/README.md).
pub const BUILTIN_SIGUNGU: &str = include_str!("../../../../fixtures/regions/kr-sigungu-indicators.csv");
/// The shipped input-output coefficients (illustrative).
pub const BUILTIN_MULTIPLIERS: &str = include_str!("../../../../fixtures/regions/io-multipliers.csv");

/// The indicators, their column names, and whether a higher value means more backward.
pub const INDICATORS: [(&str, &str, bool); 8] = [
    ("population_growth_pct", "population growth (%)", false),
    ("manufacturing_employment_share_pct", "manufacturing employment share (%)", false),
    ("road_density_km_per_km2", "road density (km/km²)", false),
    ("cars_per_1000", "cars per 1,000 residents", false),
    ("ageing_index", "ageing index (65+ per 100 aged 0–14)", true),
    ("fiscal_self_reliance_pct", "fiscal self-reliance (%)", false),
    ("urban_land_share_pct", "urban land share (%)", false),
    ("doctors_per_1000", "doctors per 1,000 residents", false),
];

/// Which input-output coefficients apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IoSector {
    /// Construction.
    Construction,
    /// Information services and software.
    Ict,
    /// All-industry average.
    Other,
}

/// The study's `regional` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionalSection {
    /// IO sector of the project's spending; by default from the project's sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_sector: Option<IoSector>,
    /// Share of the investment spending that falls in the project's region (default 1).
    #[schemars(with = "Option<DecimalString>")]
    #[serde(default, with = "money::option", skip_serializing_if = "Option::is_none")]
    pub spending_share_in_region: Option<Decimal>,
    /// Where the share comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One region's row of the indicator table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionRow {
    /// ISO code.
    pub region: Region,
    /// Indicator values in [`INDICATORS`] order.
    pub values: Vec<f64>,
}

/// An indicator table for all 17 regions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionTable {
    /// Rows.
    pub rows: Vec<RegionRow>,
}

/// IO coefficients of one sector.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Multipliers {
    /// Production inducement per KRW.
    pub production: f64,
    /// Value-added inducement per KRW.
    pub value_added: f64,
    /// Jobs (person-years) per KRW 1 bn.
    pub employment_per_krw_bn: f64,
    /// Source text.
    pub source: String,
}

use table::split_csv;

impl RegionTable {
    /// Parses the indicator CSV: a header with `region` and the eight indicator columns, one row
    /// per region. Errors name the line and column.
    pub fn from_csv(text: &str) -> Result<Self, String> {
        let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
        let (_, header) = lines.next().ok_or("the region table is empty")?;
        let cols = split_csv(header);
        let col = |name: &str| cols.iter().position(|c| c == name).ok_or_else(|| format!("line 1: no column `{name}`"));
        let region_col = col("region")?;
        let idx: Vec<usize> = INDICATORS.iter().map(|(n, _, _)| col(n)).collect::<Result<_, _>>()?;
        let mut rows: Vec<RegionRow> = Vec::new();
        for (n, line) in lines {
            let cells = split_csv(line);
            let at = |c: usize| cells.get(c).map(String::as_str).unwrap_or("");
            let code = at(region_col);
            let region = Region::from_code(code).ok_or_else(|| {
                format!("line {}, column region: \"{code}\" is not an ISO 3166-2:KR region code", n + 1)
            })?;
            if rows.iter().any(|r| r.region == region) {
                return Err(format!("line {}: region {code} appears twice", n + 1));
            }
            let values = idx
                .iter()
                .zip(INDICATORS)
                .map(|(&c, (name, _, _))| {
                    at(c)
                        .parse::<f64>()
                        .ok()
                        .filter(|v| v.is_finite())
                        .ok_or_else(|| format!("line {}, column {name}: \"{}\" is not a number", n + 1, at(c)))
                })
                .collect::<Result<Vec<f64>, String>>()?;
            rows.push(RegionRow { region, values });
        }
        let missing: Vec<&str> =
            Region::ALL.iter().filter(|r| !rows.iter().any(|x| x.region == **r)).map(|r| r.code()).collect();
        if !missing.is_empty() {
            return Err(format!("the table lacks regions {}: the index standardises over all 17", missing.join(", ")));
        }
        Ok(Self { rows })
    }

    /// The shipped table.
    pub fn builtin() -> Self {
        Self::from_csv(BUILTIN_REGIONS).unwrap_or(Self { rows: vec![] })
    }

    /// The backwardness index of every region: the mean over indicators of the signed z-score
    /// (population standard deviation), higher = more backward.
    pub fn index(&self) -> Vec<(Region, f64, Vec<f64>)> {
        let n = self.rows.len() as f64;
        let k = INDICATORS.len();
        let mut stats = Vec::with_capacity(k);
        for j in 0..k {
            let mean = self.rows.iter().map(|r| r.values[j]).sum::<f64>() / n;
            let sd = (self.rows.iter().map(|r| (r.values[j] - mean).powi(2)).sum::<f64>() / n).sqrt();
            stats.push((mean, sd));
        }
        self.rows
            .iter()
            .map(|r| {
                let z: Vec<f64> = (0..k)
                    .map(|j| {
                        let (mean, sd) = stats[j];
                        let z = if sd > 0.0 { (r.values[j] - mean) / sd } else { 0.0 };
                        if INDICATORS[j].2 { z } else { -z }
                    })
                    .collect();
                (r.region, z.iter().sum::<f64>() / k as f64, z)
            })
            .collect()
    }
}

/// Largest multiplier Yeta accepts: national Type II output multipliers are about 2–3.
pub const MAX_MULTIPLIER: f64 = 20.0;
/// Largest employment coefficient, jobs per KRW 1 bn (Korea's economy-wide figure is about 10).
pub const MAX_EMPLOYMENT_PER_KRW_BN: f64 = 1000.0;

/// Checks a whole IO coefficient table (`sector,production,value_added,employment_per_krw_bn,
/// source`): every row's numbers finite and in range, every sector present once. Errors name the
/// line and column.
pub fn check_multipliers_csv(text: &str) -> Result<(), String> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or("the multiplier table is empty")?;
    let want = ["sector", "production", "value_added", "employment_per_krw_bn"];
    let cols = split_csv(header);
    for (i, w) in want.iter().enumerate() {
        if cols.get(i).map(String::as_str) != Some(*w) {
            return Err(format!("line 1, column {}: expected `{w}`, found \"{}\"", i + 1, short(cols.get(i))));
        }
    }
    let mut seen = Vec::new();
    for (n, line) in lines {
        let c = split_csv(line);
        let sector = c.first().map(String::as_str).unwrap_or("");
        if !["construction", "ict", "other"].contains(&sector) {
            return Err(format!(
                "line {}, column sector: \"{}\" is not construction, ict or other",
                n + 1,
                short(c.first())
            ));
        }
        if seen.contains(&sector.to_owned()) {
            return Err(format!("line {}: sector {sector} appears twice", n + 1));
        }
        seen.push(sector.to_owned());
        for (i, name) in want.iter().enumerate().skip(1) {
            let max = if i == 3 { MAX_EMPLOYMENT_PER_KRW_BN } else { MAX_MULTIPLIER };
            match c.get(i).and_then(|s| s.parse::<f64>().ok()) {
                Some(x) if x.is_finite() && (0.0..=max).contains(&x) => {}
                Some(x) if x.is_finite() => {
                    return Err(format!("line {}, column {name}: {x} is outside 0..{max}", n + 1));
                }
                _ => return Err(format!("line {}, column {name}: \"{}\" is not a number", n + 1, short(c.get(i)))),
            }
        }
    }
    for s in ["construction", "ict", "other"] {
        if !seen.iter().any(|x| x == s) {
            return Err(format!("no row for sector `{s}` in the multiplier table"));
        }
    }
    Ok(())
}

/// A cell as an error may quote it: at most 40 characters.
fn short(cell: Option<&String>) -> String {
    let s = cell.map(String::as_str).unwrap_or("");
    if s.chars().count() > 40 { s.chars().take(40).collect::<String>() + "…" } else { s.to_owned() }
}

/// Parses the IO coefficient CSV (`sector,production,value_added,employment_per_krw_bn,source`).
pub fn multipliers_from_csv(text: &str, sector: IoSector) -> Result<Multipliers, String> {
    check_multipliers_csv(text)?;
    let want = match sector {
        IoSector::Construction => "construction",
        IoSector::Ict => "ict",
        IoSector::Other => "other",
    };
    for (n, line) in text.lines().enumerate().skip(1) {
        let c = split_csv(line);
        if c.first().map(String::as_str) == Some(want) {
            let num = |i: usize, name: &str| {
                c.get(i)
                    .and_then(|s| s.parse::<f64>().ok())
                    .ok_or_else(|| format!("line {}, column {name}: not a number", n + 1))
            };
            return Ok(Multipliers {
                production: num(1, "production")?,
                value_added: num(2, "value_added")?,
                employment_per_krw_bn: num(3, "employment_per_krw_bn")?,
                source: c.get(4).cloned().unwrap_or_default(),
            });
        }
    }
    Err(format!("no row for sector `{want}` in the multiplier table"))
}

/// One indicator of the project's region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    /// Column name.
    pub id: &'static str,
    /// Label.
    pub name: &'static str,
    /// The region's value.
    pub value: f64,
    /// Signed z-score (higher = more backward).
    pub signed_z: f64,
}

/// The backwardness index of the project's region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backwardness {
    /// Index value.
    pub index: f64,
    /// Rank among the 17 regions, 1 = most backward.
    pub rank: usize,
    /// Number of regions.
    pub of: usize,
    /// Quartile group, 1 = most backward quarter.
    pub quartile: usize,
    /// The region's indicators.
    pub indicators: Vec<IndicatorResult>,
    /// All regions, most backward first.
    pub ranking: Vec<(Region, f64)>,
    /// The table's provenance.
    pub data: &'static str,
}

/// Regional economic effects of the investment spending.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Effects {
    /// IO sector used.
    pub sector: IoSector,
    /// Investment spending counted (capex and reinvestment, constant prices; land excluded as a
    /// transfer), KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub spending: Decimal,
    /// Share of it in the region.
    pub share_in_region: f64,
    /// Production induced, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub production: Decimal,
    /// Value added induced, KRW.
    #[serde(serialize_with = "money::serialize_out")]
    pub value_added: Decimal,
    /// Jobs induced, person-years.
    pub employment: f64,
    /// The coefficients.
    pub multipliers: Multipliers,
}

/// The balanced regional development analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionalResult {
    /// Project region.
    pub region: Region,
    /// Region name.
    pub region_name: &'static str,
    /// In the capital region: sets the AHP weight ranges and excludes the backwardness score.
    pub capital_region: bool,
    /// Designated population-decline area (2026 rules shift AHP weight to balanced growth).
    pub population_decline_area: bool,
    /// The backwardness index.
    pub backwardness: Backwardness,
    /// Regional economic effects.
    pub effects: Effects,
    /// The 시·군·구 index (KDI 2013 factor form), when the study names a 시·군·구 the table holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sigungu: Option<sigungu::SigunguIndex>,
    /// Two-region effects with leakage, on the 시·군·구 path when the table covers the province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub two_region: Option<io2::TwoRegionEffects>,
    /// Method notes.
    pub notes: Vec<crate::diag::Diagnostic>,
}

/// Checks the section.
pub fn validate(section: &RegionalSection, _study: &Study, v: &mut Vec<ValidationError>) {
    if let Some(s) = section.spending_share_in_region
        && (s < Decimal::ZERO || s > Decimal::ONE)
    {
        v.push(ValidationError::new("regional.spending_share_in_region", format!("{s} is outside [0, 1]")));
    }
}

/// Runs the analysis with the shipped tables or the caller's.
pub fn appraise(cx: &Context<'_>) -> Option<RegionalResult> {
    let section = cx.study.regional.as_ref()?;
    let builtin;
    let table = match cx.inputs.regions {
        Some(t) => t,
        None => {
            builtin = RegionTable::builtin();
            &builtin
        }
    };
    let data = if cx.inputs.regions.is_some() {
        "the user's region table"
    } else {
        "fixtures/regions/kr-regions-2022.csv (illustrative)"
    };
    let region = cx.study.project.region;
    let mut all = table.index();
    all.sort_by(|a, b| b.1.total_cmp(&a.1));
    let pos = all.iter().position(|r| r.0 == region)?;
    let (_, index, z) = &all[pos];
    let of = all.len();
    let backwardness = Backwardness {
        index: *index,
        rank: pos + 1,
        of,
        quartile: pos * 4 / of + 1,
        indicators: INDICATORS
            .iter()
            .enumerate()
            .map(|(j, (id, name, _))| IndicatorResult {
                id,
                name,
                value: table.rows.iter().find(|r| r.region == region).map_or(f64::NAN, |r| r.values[j]),
                signed_z: z[j],
            })
            .collect(),
        ranking: all.iter().map(|(r, i, _)| (*r, *i)).collect(),
        data,
    };
    let sector = section.io_sector.unwrap_or(match cx.study.project.sector.class() {
        SectorClass::Construction => IoSector::Construction,
        SectorClass::Ict => IoSector::Ict,
        SectorClass::Other => IoSector::Other,
    });
    // The shell's table was checked in `with_context` (an error naming line and column); the
    // shipped one by a test: a table without the sector's row cannot reach this point.
    let multipliers = multipliers_from_csv(cx.inputs.multipliers.unwrap_or(BUILTIN_MULTIPLIERS), sector).ok()?;
    let spending: Decimal = cx
        .costs
        .iter()
        .filter(|l| {
            matches!(l.origin, crate::econ::Origin::Study { .. })
                && matches!(
                    l.kind,
                    crate::econ::Kind::Cost(crate::study::CostKind::Capex | crate::study::CostKind::Reinvestment)
                )
        })
        .flat_map(|l| l.amounts.iter())
        .sum();
    let share = section.spending_share_in_region.unwrap_or(Decimal::ONE);
    let local = to_f64(spending * share);
    // Multipliers are finite and at most MAX_MULTIPLIER, spending at most KRW 10^20 a line-year:
    // the products are finite and in Decimal's range.
    let krw = |x: f64| Decimal::from_f64_retain(x).map_or(Decimal::ZERO, |d| d.round_dp(0));
    let effects = Effects {
        sector,
        spending,
        share_in_region: to_f64(share),
        production: krw(local * multipliers.production),
        value_added: krw(local * multipliers.value_added),
        employment: local / 1e9 * multipliers.employment_per_krw_bn,
        multipliers,
    };
    let mut notes = vec![crate::diag::Diagnostic::new(crate::diag::Code::RegionalBonusOnly, "regional")];
    if cx.study.project.is_capital_region() {
        notes.push(crate::diag::Diagnostic::new(crate::diag::Code::RegionalCapitalNoCriterion, "project.region"));
    } else if let Some(x) = cx.study.project.capital_exemption() {
        notes.push(
            crate::diag::Diagnostic::new(crate::diag::Code::RegionalCapitalExempt, "project.municipality")
                .text("code", x.code.clone())
                .text("name", x.name.clone())
                .text("name_en", x.name_en.clone())
                .text("reason", x.reason.clone()),
        );
    }
    let (sigungu, two_region) = match cx.study.project.municipality.as_deref() {
        Some(code) => sigungu_path(cx, section, code, &mut notes),
        None => (None, None),
    };
    Some(RegionalResult {
        region,
        region_name: region.name(false),
        capital_region: cx.study.project.is_capital_region(),
        population_decline_area: cx.study.project.population_decline_area,
        backwardness,
        effects,
        sigungu,
        two_region,
        notes,
    })
}

/// The 시·군·구 index and the two-region effects, with their notes.
fn sigungu_path(
    cx: &Context<'_>,
    section: &RegionalSection,
    code: &str,
    notes: &mut Vec<crate::diag::Diagnostic>,
) -> (Option<sigungu::SigunguIndex>, Option<io2::TwoRegionEffects>) {
    use crate::diag::{Code, Diagnostic};
    let method = sigungu::Method::builtin();
    let illustrative = |info: &table::TableInfo, notes: &mut Vec<Diagnostic>, which: &'static str| {
        if info.status == table::Status::Illustrative {
            notes.push(Diagnostic::new(Code::RegionalIllustrativeData, "regional").code(
                "table",
                "region-table",
                which,
            ));
        }
    };
    let t = match table::DataTable::parse(
        cx.inputs.sigungu.unwrap_or(BUILTIN_SIGUNGU),
        &method.spec(),
        cx.inputs.sigungu.is_none(),
    ) {
        Ok(t) => t,
        Err(_) => {
            notes.push(Diagnostic::new(Code::RegionalTableRefused, "inputs.sigungu").code(
                "table",
                "region-table",
                "sigungu",
            ));
            return (None, None);
        }
    };
    let Some(ix) = sigungu::index_of(method, &t, code) else {
        notes.push(Diagnostic::new(Code::RegionalSigunguNotInTable, "project.municipality").text("code", code));
        return (None, None);
    };
    let cov = table::coverage(&t);
    if !cov.missing.is_empty() {
        notes.push(
            Diagnostic::new(Code::RegionalSigunguPartialTable, "inputs.sigungu")
                .int("rows", cov.rows as i64)
                .int("regions", cov.by_region.len() as i64),
        );
    }
    if !method.weights.public {
        notes.push(Diagnostic::new(Code::RegionalEqualWeights, "regional").int("factors", method.factors.len() as i64));
    }
    illustrative(&t.info, notes, "sigungu");
    let io =
        table::DataTable::parse(cx.inputs.io2.unwrap_or(io2::BUILTIN_IO2), &io2::io2_spec(), cx.inputs.io2.is_none());
    let map = table::DataTable::parse(
        cx.inputs.cost_io_map.unwrap_or(io2::BUILTIN_COST_MAP),
        &io2::map_spec(),
        cx.inputs.cost_io_map.is_none(),
    );
    let (io, map) = match (io, map) {
        (Ok(io), Ok(map)) if io2::check_map(&map).is_empty() => (io, map),
        (Err(_), _) => {
            notes.push(Diagnostic::new(Code::RegionalTableRefused, "inputs.io2").code("table", "region-table", "io2"));
            return (Some(ix), None);
        }
        _ => {
            notes.push(Diagnostic::new(Code::RegionalTableRefused, "inputs.cost_io_map").code(
                "table",
                "region-table",
                "cost-map",
            ));
            return (Some(ix), None);
        }
    };
    let by_class = match spending_by_class(cx) {
        Some(v) => v,
        None => {
            notes.push(Diagnostic::new(Code::RegionalIoOverflow, "regional"));
            return (Some(ix), None);
        }
    };
    let share = section.spending_share_in_region.unwrap_or(Decimal::ONE);
    let region = cx.study.project.region;
    match io2::effects(&io, &map, region, &by_class, share) {
        Ok(e) => {
            // The cost map is Yeta's stated assumption, labelled so in its title: no statistics to cite.
            illustrative(&e.table, notes, "io2");
            (Some(ix), Some(e))
        }
        Err(io2::Io2Error::NoRegion) => {
            notes.push(Diagnostic::new(Code::RegionalNoTwoRegionTable, "inputs.io2").code(
                "region",
                "region",
                region.code(),
            ));
            (Some(ix), None)
        }
        Err(io2::Io2Error::NoClass(x) | io2::Io2Error::NoSector(x)) => {
            notes.push(Diagnostic::new(Code::RegionalIoMapGap, "inputs.cost_io_map").text("value", x));
            (Some(ix), None)
        }
        Err(io2::Io2Error::Overflow) => {
            notes.push(Diagnostic::new(Code::RegionalIoOverflow, "regional"));
            (Some(ix), None)
        }
    }
}

/// The investment spending by cost-map key: capex and reinvestment lines of the study and the
/// build-up's derived items, by their class (비목) or, without one, `unclassified_…` of the
/// project's sector class; land is a transfer and left out. `None` on overflow.
pub fn spending_by_class(cx: &Context<'_>) -> Option<Vec<(String, Decimal)>> {
    use crate::buildup::CostClass;
    use crate::econ::{Kind, Origin};
    use crate::study::CostKind;
    let b = cx.study.cost_build_up.as_ref();
    let fallback = io2::unclassified(cx.study.project.sector.class());
    let mut out: Vec<(String, Decimal)> = Vec::new();
    for l in cx.costs {
        let class = match (l.origin, l.kind) {
            (Origin::Study { .. }, Kind::Cost(CostKind::Capex | CostKind::Reinvestment)) => {
                b.and_then(|b| b.items.iter().find(|it| it.line == l.name)).map(|it| it.class)
            }
            (Origin::BuildUp { index }, _) => match b.and_then(|b| b.derived.get(index)) {
                Some(d) => Some(d.class),
                None => continue,
            },
            _ => continue,
        };
        if class == Some(CostClass::Land) {
            continue;
        }
        let key = class.map_or(fallback, CostClass::code);
        let sum = l.amounts.iter().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x))?;
        match out.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = v.checked_add(sum)?,
            None => out.push((key.to_owned(), sum)),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_has_all_regions() {
        assert_eq!(RegionTable::builtin().rows.len(), 17);
    }

    #[test]
    fn bad_tables_name_the_cell() {
        let e = RegionTable::from_csv("region,x\nKR-11,1").expect_err("missing columns");
        assert!(e.contains("no column `population_growth_pct`"), "{e}");
        let bad = BUILTIN_REGIONS.replace("KR-49,Jeju", "KR-99,Jeju");
        let e = RegionTable::from_csv(&bad).expect_err("unknown region");
        assert!(e.contains("\"KR-99\" is not an ISO 3166-2:KR region code"), "{e}");
        let bad = BUILTIN_REGIONS.replace("KR-49,Jeju,0.2", "KR-49,Jeju,abc");
        let e = RegionTable::from_csv(&bad).expect_err("not a number");
        assert!(e.contains("column population_growth_pct: \"abc\" is not a number"), "{e}");
    }

    #[test]
    fn csv_quotes() {
        assert_eq!(split_csv(r#"a,"b, c",d"#), vec!["a", "b, c", "d"]);
    }
}
