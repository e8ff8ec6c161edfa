//! Two-region input-output effects (지역 간 산업연관 파급효과): the project's 시·도 against the rest of
//! the country. For each IO sector the table gives the production, value-added and employment
//! induced within the region (역내 유발) and leaked to the rest of the country (역외 유출) per KRW of
//! final demand in the region — the column sums of the two blocks of a two-region Leontief inverse,
//! as the Bank of Korea's regional input-output tables (지역산업연관표) publish them. The spending's
//! industry mix comes from its cost classes through a map that is data (`cost-io-map.csv`).
//!
//! Money is Decimal with checked arithmetic: an overflow is a diagnostic, never a wrapped number.

use super::table::{CodeKind, ColumnSpec, DataTable, TableInfo, TableSpec};
use crate::study::Region;
use rust_decimal::Decimal;
use serde::Serialize;

/// The shipped two-region table (illustrative).
pub const BUILTIN_IO2: &str = include_str!("../../../../fixtures/regions/io-two-region.csv");
/// The shipped cost-class → IO-sector map (Yeta's assumption).
pub const BUILTIN_COST_MAP: &str = include_str!("../../../../fixtures/regions/cost-io-map.csv");

/// Unit of the production and value-added coefficients.
pub const COEF_UNIT: &str = "KRW/KRW";
/// Unit of the employment coefficients.
pub const JOBS_UNIT: &str = "persons per KRW bn";

/// Data columns of the two-region table, in spec order after `sector`, `sector_name`, `sector_name_en`.
pub const IO2_COLUMNS: [(&str, &str); 6] = [
    ("production_intra", COEF_UNIT),
    ("production_leak", COEF_UNIT),
    ("value_added_intra", COEF_UNIT),
    ("value_added_leak", COEF_UNIT),
    ("employment_intra", JOBS_UNIT),
    ("employment_leak", JOBS_UNIT),
];

/// What a two-region table must hold.
pub fn io2_spec() -> TableSpec {
    let mut columns: Vec<ColumnSpec> = ["sector", "sector_name", "sector_name_en"]
        .iter()
        .map(|c| ColumnSpec { id: (*c).into(), unit: None })
        .collect();
    columns.extend(IO2_COLUMNS.iter().map(|(c, u)| ColumnSpec { id: (*c).into(), unit: Some((*u).into()) }));
    TableSpec { kind: "io-two-region", code: ("region", CodeKind::Region), key: vec!["region", "sector"], columns }
}

/// What a cost map must hold: `cost_class`, `io_sector`, `share`.
pub fn map_spec() -> TableSpec {
    TableSpec {
        kind: "cost-io-map",
        code: ("cost_class", CodeKind::CostClass),
        key: vec!["cost_class", "io_sector"],
        columns: vec![
            ColumnSpec { id: "io_sector".into(), unit: None },
            ColumnSpec { id: "share".into(), unit: Some("fraction".into()) },
        ],
    }
}

/// The map's key for a line without a cost class, by the project's AHP sector class.
pub fn unclassified(class: crate::study::SectorClass) -> &'static str {
    match class {
        crate::study::SectorClass::Construction => "unclassified_construction",
        crate::study::SectorClass::Ict => "unclassified_ict",
        crate::study::SectorClass::Other => "unclassified_other",
    }
}

/// The keys a cost map may use.
pub fn map_keys() -> Vec<&'static str> {
    let mut k: Vec<&str> = crate::buildup::CostClass::ALL
        .iter()
        .filter(|c| **c != crate::buildup::CostClass::Land)
        .map(|c| c.code())
        .collect();
    k.extend(["unclassified_construction", "unclassified_ict", "unclassified_other"]);
    k
}

/// An effect within the region and leaked out of it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Split {
    /// Induced in the region (역내).
    #[serde(serialize_with = "crate::study::money::serialize_out")]
    pub intra: Decimal,
    /// Leaked to the rest of the country (역외 유출).
    #[serde(serialize_with = "crate::study::money::serialize_out")]
    pub leak: Decimal,
}

impl Split {
    /// intra + leak.
    pub fn total(&self) -> Option<Decimal> {
        self.intra.checked_add(self.leak)
    }

    /// leak / (intra + leak), `None` when both are zero.
    pub fn leak_share(&self) -> Option<Decimal> {
        let t = self.total()?;
        if t.is_zero() { None } else { self.leak.checked_div(t) }
    }

    fn add(self, o: Split) -> Option<Split> {
        Some(Split { intra: self.intra.checked_add(o.intra)?, leak: self.leak.checked_add(o.leak)? })
    }
}

/// One IO sector's share of the spending and its effects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorEffect {
    /// Sector id.
    pub sector: String,
    /// Korean name (from the table).
    pub name: String,
    /// English name (from the table).
    pub name_en: String,
    /// Spending in the region on the sector, KRW.
    #[serde(serialize_with = "crate::study::money::serialize_out")]
    pub spending: Decimal,
    /// Coefficients: production, value added (KRW/KRW), employment (persons per KRW bn).
    pub coefficients: [Split; 3],
    /// Production induced, KRW.
    pub production: Split,
    /// Value added induced, KRW.
    pub value_added: Split,
    /// Jobs induced, person-years.
    pub employment: Split,
}

/// The two-region effects of the spending.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TwoRegionEffects {
    /// The region of the table.
    pub region: Region,
    /// Spending counted (capex, reinvestment and derived build-up items; land left out as a
    /// transfer), KRW.
    #[serde(serialize_with = "crate::study::money::serialize_out")]
    pub spending: Decimal,
    /// Share of it spent in the region.
    #[serde(serialize_with = "crate::study::money::serialize_out")]
    pub share_in_region: Decimal,
    /// Spending in the region, KRW.
    #[serde(serialize_with = "crate::study::money::serialize_out")]
    pub spending_in_region: Decimal,
    /// By sector, in table order.
    pub sectors: Vec<SectorEffect>,
    /// Production induced, KRW.
    pub production: Split,
    /// Value added induced, KRW.
    pub value_added: Split,
    /// Jobs induced, person-years.
    pub employment: Split,
    /// The two-region table's provenance.
    pub table: TableInfo,
    /// The cost map's provenance.
    pub map: TableInfo,
}

/// Why the effects could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Io2Error {
    /// The table has no row for the region.
    NoRegion,
    /// The map sends spending to a sector the table lacks for the region.
    NoSector(String),
    /// The map has no row for a cost class the spending uses.
    NoClass(String),
    /// A product or sum left Decimal's range.
    Overflow,
}

/// Splits spending by cost class (`map` keys) over IO sectors, then applies the region's
/// coefficients. `by_class` holds (map key, KRW).
pub fn effects(
    table: &DataTable,
    map: &DataTable,
    region: Region,
    by_class: &[(String, Decimal)],
    share_in_region: Decimal,
) -> Result<TwoRegionEffects, Io2Error> {
    let io = io2_spec();
    let ms = map_spec();
    let col = |s: &TableSpec, id: &str| DataTable::col(s, id).unwrap_or(0);
    let rows: Vec<&super::table::Row> =
        table.rows.iter().filter(|r| Region::from_code(&r.code) == Some(region)).collect();
    if rows.is_empty() {
        return Err(Io2Error::NoRegion);
    }
    let mut spend: Vec<Decimal> = vec![Decimal::ZERO; rows.len()];
    let mut total = Decimal::ZERO;
    for (class, amount) in by_class {
        if amount.is_zero() {
            continue;
        }
        total = total.checked_add(*amount).ok_or(Io2Error::Overflow)?;
        let parts: Vec<&super::table::Row> = map.rows.iter().filter(|r| &r.code == class).collect();
        if parts.is_empty() {
            return Err(Io2Error::NoClass(class.clone()));
        }
        for p in parts {
            let sector = &p.cells[col(&ms, "io_sector")];
            let k = rows
                .iter()
                .position(|r| &r.cells[col(&io, "sector")] == sector)
                .ok_or_else(|| Io2Error::NoSector(sector.clone()))?;
            let x = amount.checked_mul(p.dec(col(&ms, "share"))).ok_or(Io2Error::Overflow)?;
            spend[k] = spend[k].checked_add(x).ok_or(Io2Error::Overflow)?;
        }
    }
    let bn = Decimal::from(1_000_000_000u64);
    let zero = Split { intra: Decimal::ZERO, leak: Decimal::ZERO };
    let (mut prod, mut va, mut jobs) = (zero, zero, zero);
    let mut sectors = Vec::new();
    let mut in_region = Decimal::ZERO;
    for (r, x) in rows.iter().zip(spend) {
        let local = x.checked_mul(share_in_region).ok_or(Io2Error::Overflow)?.round_dp(0);
        in_region = in_region.checked_add(local).ok_or(Io2Error::Overflow)?;
        let c = |a: &str, b: &str| Split { intra: r.dec(col(&io, a)), leak: r.dec(col(&io, b)) };
        let coefficients = [
            c("production_intra", "production_leak"),
            c("value_added_intra", "value_added_leak"),
            c("employment_intra", "employment_leak"),
        ];
        let apply = |k: &Split, per: Decimal, dp: u32| -> Option<Split> {
            let base = local.checked_div(per)?;
            Some(Split { intra: base.checked_mul(k.intra)?.round_dp(dp), leak: base.checked_mul(k.leak)?.round_dp(dp) })
        };
        let p = apply(&coefficients[0], Decimal::ONE, 0).ok_or(Io2Error::Overflow)?;
        let v = apply(&coefficients[1], Decimal::ONE, 0).ok_or(Io2Error::Overflow)?;
        let e = apply(&coefficients[2], bn, 2).ok_or(Io2Error::Overflow)?;
        prod = prod.add(p).ok_or(Io2Error::Overflow)?;
        va = va.add(v).ok_or(Io2Error::Overflow)?;
        jobs = jobs.add(e).ok_or(Io2Error::Overflow)?;
        sectors.push(SectorEffect {
            sector: r.cells[col(&io, "sector")].clone(),
            name: r.cells[col(&io, "sector_name")].clone(),
            name_en: r.cells[col(&io, "sector_name_en")].clone(),
            spending: local,
            coefficients,
            production: p,
            value_added: v,
            employment: e,
        });
    }
    Ok(TwoRegionEffects {
        region,
        spending: total,
        share_in_region,
        spending_in_region: in_region,
        sectors,
        production: prod,
        value_added: va,
        employment: jobs,
        table: table.info.clone(),
        map: map.info.clone(),
    })
}

/// Every class of a map sums its shares to 1 (a diagnostic per class that does not, naming the
/// line of its first row).
pub fn check_map(map: &DataTable) -> Vec<crate::diag::Diagnostic> {
    let ms = map_spec();
    let j = DataTable::col(&ms, "share").unwrap_or(1);
    let mut out = Vec::new();
    let mut classes: Vec<&str> = Vec::new();
    for r in &map.rows {
        if !classes.contains(&r.code.as_str()) {
            classes.push(&r.code);
        }
    }
    for c in classes {
        let rows: Vec<&super::table::Row> = map.rows.iter().filter(|r| r.code == c).collect();
        let sum: Decimal = rows.iter().map(|r| r.dec(j)).sum();
        if sum != Decimal::ONE {
            out.push(
                crate::diag::Diagnostic::new(crate::diag::Code::DataSharesNotOne, "share")
                    .int("line", rows[0].line as i64)
                    .text("column", "share")
                    .text("value", c.to_owned())
                    .text("sum", sum.normalize().to_string()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    const IO_META: &str = "#unit,,,,KRW/KRW,KRW/KRW,KRW/KRW,KRW/KRW,persons per KRW bn,persons per KRW bn\n\
        #table,,,,T,T,T,T,T,T\n#table_en,,,,T,T,T,T,T,T\n#table_id,,,,,,,,,\n#publisher,,,,P,P,P,P,P,P\n\
        #publisher_en,,,,P,P,P,P,P,P\n#vintage,,,,2015,2015,2015,2015,2015,2015\n";
    const MAP_META: &str =
        "#unit,,fraction\n#table,,M\n#table_en,,M\n#table_id,,\n#publisher,,Y\n#publisher_en,,Y\n#vintage,,2026\n";

    /// A two-region table for 충북 with two sectors, and a map that sends construction works to
    /// construction and design to services, equipment 50/50:
    ///
    /// Spending: 공사비 KRW 100 bn, 설계·감리비 KRW 10 bn, 장비 KRW 20 bn; 80 % of it in the region.
    /// By sector: construction 100 + 0.5·20 = 110 bn, services 10 + 0.5·20 = 20 bn; in the region
    /// 88 bn and 16 bn.
    /// Production: construction 88 × (1.4 in, 0.6 out) = 123.2 bn in, 52.8 bn leaked;
    ///             services 16 × (1.3, 0.5) = 20.8 bn in, 8.0 bn leaked;
    ///             total 144.0 bn in, 60.8 bn leaked: leakage 60.8 / 204.8 = 29.6875 %.
    /// Value added: 88 × (0.6, 0.2) + 16 × (0.7, 0.1) = 52.8 + 11.2 = 64.0 bn in, 17.6 + 1.6 = 19.2 bn out.
    /// Jobs: 88 × (8, 2.5) + 16 × (10, 2) = 704 + 160 = 864 in, 220 + 32 = 252 out.
    /// The regional multiplier of construction is 1.4 against a two-region total of 2.0: the
    /// national multiplier would overstate the region's production by 0.6 / 1.4 = 43 %.
    #[test]
    fn a_regional_multiplier_with_leakage_by_hand() {
        let io = format!(
            "#yeta-table,io-two-region,1\nregion,sector,sector_name,sector_name_en,production_intra,production_leak,value_added_intra,value_added_leak,employment_intra,employment_leak\n{IO_META}\
             KR-43,construction,건설,Construction,1.4,0.6,0.6,0.2,8,2.5\nKR-43,services,서비스업,Services,1.3,0.5,0.7,0.1,10,2\n\
             KR-11,construction,건설,Construction,1.9,0.1,0.9,0.1,9,1\n"
        );
        let map = format!(
            "#yeta-table,cost-io-map,1\ncost_class,io_sector,share\n{MAP_META}construction,construction,1\n\
             design_supervision,services,1\nequipment,construction,0.5\nequipment,services,0.5\n"
        );
        let io = DataTable::parse(&io, &io2_spec(), false).expect("io table");
        let map = DataTable::parse(&map, &map_spec(), false).expect("map");
        assert!(check_map(&map).is_empty());
        let bn = dec("1000000000");
        let spending = vec![
            ("construction".to_owned(), dec("100") * bn),
            ("design_supervision".to_owned(), dec("10") * bn),
            ("equipment".to_owned(), dec("20") * bn),
        ];
        let e = effects(&io, &map, Region::Chungbuk, &spending, dec("0.8")).expect("effects");
        assert_eq!(e.spending, dec("130") * bn);
        assert_eq!(e.spending_in_region, dec("104") * bn);
        assert_eq!(e.sectors[0].spending, dec("88") * bn);
        assert_eq!(e.sectors[1].spending, dec("16") * bn);
        assert_eq!(e.sectors[0].production.intra, dec("123.2") * bn);
        assert_eq!(e.sectors[0].production.leak, dec("52.8") * bn);
        assert_eq!(e.production.intra, dec("144.0") * bn);
        assert_eq!(e.production.leak, dec("60.8") * bn);
        assert_eq!(e.production.leak_share(), Some(dec("0.296875")));
        assert_eq!(e.value_added.intra, dec("64.0") * bn);
        assert_eq!(e.value_added.leak, dec("19.2") * bn);
        assert_eq!(e.employment.intra, dec("864"));
        assert_eq!(e.employment.leak, dec("252"));
        // A class the map lacks, a region the table lacks.
        let lacking = vec![("contingency".to_owned(), bn)];
        assert_eq!(
            effects(&io, &map, Region::Chungbuk, &lacking, Decimal::ONE),
            Err(Io2Error::NoClass("contingency".into()))
        );
        assert_eq!(effects(&io, &map, Region::Busan, &spending, Decimal::ONE), Err(Io2Error::NoRegion));
        // Overflow is an error, not a wrapped number.
        let huge = vec![("construction".to_owned(), Decimal::MAX)];
        assert_eq!(effects(&io, &map, Region::Chungbuk, &huge, Decimal::ONE), Err(Io2Error::Overflow));
    }

    #[test]
    fn shares_of_a_class_sum_to_one() {
        let map = format!(
            "#yeta-table,cost-io-map,1\ncost_class,io_sector,share\n{MAP_META}equipment,construction,0.5\nequipment,services,0.4\n"
        );
        let map = DataTable::parse(&map, &map_spec(), false).expect("map");
        let d = check_map(&map);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].get("line"), Some(&crate::diag::Arg::Integer(10)));
    }

    #[test]
    fn the_shipped_tables_parse() {
        let io = DataTable::parse(BUILTIN_IO2, &io2_spec(), true).expect("io table");
        let map = DataTable::parse(BUILTIN_COST_MAP, &map_spec(), true).expect("map");
        assert!(check_map(&map).is_empty());
        assert!(io.rows.iter().any(|r| r.code == "KR-43"));
    }
}
