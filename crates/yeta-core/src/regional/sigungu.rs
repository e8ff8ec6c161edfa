//! The regional backwardness index of the project's 시·군·구 (시·군·구 지역낙후도지수) in the factor
//! form of KDI's 2013 revision: indicators standardised across every 시·군·구 of the table
//! (z-score, population SD), signed so that higher = more backward, averaged within each factor,
//! and the factors combined with the method file's weights (`fixtures/rules/backwardness-kdi-2013.json`).

use super::table::{CodeKind, ColumnSpec, DataTable, TableInfo, TableSpec, sigungu_region};
use crate::study::Region;
use serde::{Deserialize, Serialize};

/// The shipped method file.
pub const BUILTIN_METHOD: &str = include_str!("../../../../fixtures/rules/backwardness-kdi-2013.json");

/// One indicator of the method (지표).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct MethodIndicator {
    /// Column id in the table.
    pub id: String,
    /// Korean name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// The unit the table must declare.
    pub unit: String,
    /// +1: a higher value is more backward; −1: better off.
    pub sign: i8,
}

/// One factor (요인) and its indicators.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Factor {
    /// Id.
    pub id: String,
    /// Korean name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Relative weight (normalised by the sum of the factors' weights).
    pub weight: f64,
    /// Indicators.
    pub indicators: Vec<MethodIndicator>,
}

/// The weights' standing.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Weights {
    /// Whether the guideline's own weights are published.
    pub public: bool,
    /// What Yeta uses (`equal`).
    pub basis: String,
    /// The note the rule file gives.
    pub note: String,
}

/// The method as data.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Method {
    /// Id, e.g. `backwardness-kdi-2013`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Source and standing.
    pub source: String,
    /// The weights' standing.
    pub weights: Weights,
    /// Factors.
    pub factors: Vec<Factor>,
}

impl Method {
    /// The shipped method (its file is checked by a test).
    pub fn builtin() -> &'static Method {
        static M: std::sync::OnceLock<Method> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            serde_json::from_str(BUILTIN_METHOD).unwrap_or(Method {
                id: String::new(),
                title: String::new(),
                source: String::new(),
                weights: Weights { public: false, basis: String::new(), note: String::new() },
                factors: Vec::new(),
            })
        })
    }

    /// Every indicator in factor order, with its factor's index.
    pub fn indicators(&self) -> impl Iterator<Item = (usize, &MethodIndicator)> {
        self.factors.iter().enumerate().flat_map(|(f, x)| x.indicators.iter().map(move |i| (f, i)))
    }

    /// The table spec the method asks for: `code`, `name`, `name_en`, then each indicator with
    /// its unit.
    pub fn spec(&self) -> TableSpec {
        let mut columns =
            vec![ColumnSpec { id: "name".into(), unit: None }, ColumnSpec { id: "name_en".into(), unit: None }];
        columns.extend(self.indicators().map(|(_, i)| ColumnSpec { id: i.id.clone(), unit: Some(i.unit.clone()) }));
        TableSpec { kind: "sigungu-indicators", code: ("code", CodeKind::Sigungu), key: vec!["code"], columns }
    }
}

/// One indicator of the project's 시·군·구 beside its province and the country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRow {
    /// Column id.
    pub id: String,
    /// Factor id.
    pub factor: String,
    /// Sign in the index.
    pub sign: i8,
    /// The 시·군·구's value.
    pub value: f64,
    /// Mean of the province's 시·군·구 in the table (시·도 평균, unweighted).
    pub province_mean: f64,
    /// Mean of every 시·군·구 in the table (전국 평균, unweighted).
    pub national_mean: f64,
    /// Population SD across the table.
    pub sd: f64,
    /// Signed z-score (higher = more backward).
    pub signed_z: f64,
}

/// One factor's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactorScore {
    /// Factor id.
    pub id: String,
    /// Normalised weight.
    pub weight: f64,
    /// Mean of its indicators' signed z-scores.
    pub score: f64,
}

/// The index of the project's 시·군·구.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SigunguIndex {
    /// KOSTAT code.
    pub code: String,
    /// Korean name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// The 시·도 the code lies in.
    pub province: Region,
    /// Index value (higher = more backward).
    pub index: f64,
    /// Rank, 1 = most backward (ties share a rank).
    pub rank: usize,
    /// Number of 시·군·구 in the table.
    pub of: usize,
    /// Percentile of backwardness, 100 · (n − rank) / (n − 1): the share of the other 시·군·구
    /// less backward (100 = the most backward).
    pub percentile: f64,
    /// Number of the province's 시·군·구 in the table.
    pub province_count: usize,
    /// Factor scores.
    pub factors: Vec<FactorScore>,
    /// Indicators.
    pub indicators: Vec<IndicatorRow>,
    /// Method id.
    pub method: String,
    /// Whether the method's weights are the guideline's (false: Yeta's equal weights).
    pub weights_public: bool,
    /// The indicator table's provenance.
    pub table: TableInfo,
}

/// Every 시·군·구's index and factor scores, in table order: (index, factor scores, signed z).
pub fn scores(method: &Method, table: &DataTable) -> Vec<(f64, Vec<f64>, Vec<f64>)> {
    let spec = method.spec();
    let ind: Vec<(usize, &MethodIndicator, usize)> =
        method.indicators().filter_map(|(f, i)| DataTable::col(&spec, &i.id).map(|j| (f, i, j))).collect();
    let n = table.rows.len() as f64;
    let stats: Vec<(f64, f64)> = ind
        .iter()
        .map(|(_, _, j)| {
            let mean = table.rows.iter().map(|r| r.num(*j)).sum::<f64>() / n;
            let sd = (table.rows.iter().map(|r| (r.num(*j) - mean).powi(2)).sum::<f64>() / n).sqrt();
            (mean, sd)
        })
        .collect();
    let wsum: f64 = method.factors.iter().map(|f| f.weight).sum();
    table
        .rows
        .iter()
        .map(|r| {
            let z: Vec<f64> = ind
                .iter()
                .zip(&stats)
                .map(|((_, i, j), (mean, sd))| {
                    let z = if *sd > 0.0 { (r.num(*j) - mean) / sd } else { 0.0 };
                    f64::from(i.sign) * z
                })
                .collect();
            let fs: Vec<f64> = (0..method.factors.len())
                .map(|f| {
                    let mine: Vec<f64> = ind.iter().zip(&z).filter(|((g, _, _), _)| *g == f).map(|(_, z)| *z).collect();
                    if mine.is_empty() { 0.0 } else { mine.iter().sum::<f64>() / mine.len() as f64 }
                })
                .collect();
            let index = if wsum > 0.0 {
                method.factors.iter().zip(&fs).map(|(f, s)| f.weight * s).sum::<f64>() / wsum
            } else {
                0.0
            };
            (index, fs, z)
        })
        .collect()
}

/// The index of the 시·군·구 `code`, or `None` when the table lacks it.
pub fn index_of(method: &Method, table: &DataTable, code: &str) -> Option<SigunguIndex> {
    let pos = table.rows.iter().position(|r| r.code == code)?;
    let province = sigungu_region(code)?;
    let spec = method.spec();
    let all = scores(method, table);
    let (index, fs, z) = &all[pos];
    let of = all.len();
    let rank = 1 + all.iter().filter(|s| s.0 > *index).count();
    let percentile = if of > 1 { 100.0 * (of - rank) as f64 / (of - 1) as f64 } else { 100.0 };
    let in_province: Vec<&super::table::Row> =
        table.rows.iter().filter(|r| sigungu_region(&r.code) == Some(province)).collect();
    let mean = |rows: &[&super::table::Row], j: usize| rows.iter().map(|r| r.num(j)).sum::<f64>() / rows.len() as f64;
    let every: Vec<&super::table::Row> = table.rows.iter().collect();
    let row = &table.rows[pos];
    let wsum: f64 = method.factors.iter().map(|f| f.weight).sum();
    let indicators = method
        .indicators()
        .filter_map(|(f, i)| DataTable::col(&spec, &i.id).map(|j| (f, i, j)))
        .zip(z)
        .map(|((f, i, j), z)| {
            let national_mean = mean(&every, j);
            IndicatorRow {
                id: i.id.clone(),
                factor: method.factors[f].id.clone(),
                sign: i.sign,
                value: row.num(j),
                province_mean: mean(&in_province, j),
                national_mean,
                sd: (every.iter().map(|r| (r.num(j) - national_mean).powi(2)).sum::<f64>() / of as f64).sqrt(),
                signed_z: *z,
            }
        })
        .collect();
    let name_col = DataTable::col(&spec, "name").unwrap_or(0);
    let name_en_col = DataTable::col(&spec, "name_en").unwrap_or(1);
    Some(SigunguIndex {
        code: code.to_owned(),
        name: row.cells.get(name_col).cloned().unwrap_or_default(),
        name_en: row.cells.get(name_en_col).cloned().unwrap_or_default(),
        province,
        index: *index,
        rank,
        of,
        percentile,
        province_count: in_province.len(),
        factors: method
            .factors
            .iter()
            .zip(fs)
            .map(|(f, s)| FactorScore {
                id: f.id.clone(),
                weight: if wsum > 0.0 { f.weight / wsum } else { 0.0 },
                score: *s,
            })
            .collect(),
        indicators,
        method: method.id.clone(),
        weights_public: method.weights.public,
        table: table.info.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A method of two factors: A (x up = better off, y up = more backward), B (w up = better off);
    /// weights 3 : 1.
    fn method() -> Method {
        let ind = |id: &str, sign: i8| MethodIndicator {
            id: id.into(),
            name: id.into(),
            name_en: id.into(),
            unit: "u".into(),
            sign,
        };
        Method {
            id: "test".into(),
            title: String::new(),
            source: String::new(),
            weights: Weights { public: false, basis: "test".into(), note: String::new() },
            factors: vec![
                Factor {
                    id: "a".into(),
                    name: "a".into(),
                    name_en: "a".into(),
                    weight: 3.0,
                    indicators: vec![ind("x", -1), ind("y", 1)],
                },
                Factor {
                    id: "b".into(),
                    name: "b".into(),
                    name_en: "b".into(),
                    weight: 1.0,
                    indicators: vec![ind("w", -1)],
                },
            ],
        }
    }

    const META: &str = "#unit,,,u,u,u\n#table,,,T,T,T\n#table_en,,,T,T,T\n#table_id,,,,,\n#publisher,,,P,P,P\n#publisher_en,,,P,P,P\n#vintage,,,2022,2022,2022\n";

    /// Four 시·군·구 (two in 충북, one in 강원, one in 경북):
    ///
    /// | code  | x | y | w  |
    /// |-------|---|---|----|
    /// | 43150 | 1 | 4 | 10 |
    /// | 43110 | 3 | 2 | 30 |
    /// | 51750 | 5 | 4 | 20 |
    /// | 47940 | 7 | 6 | 20 |
    ///
    /// x: mean 4, population SD √((9+1+1+9)/4) = √5 = 2.2360680;
    /// y: mean 4, SD √((0+4+0+4)/4) = √2 = 1.4142136;
    /// w: mean 20, SD √((100+100+0+0)/4) = √50 = 7.0710678.
    ///
    /// 43150: x z = −3/√5 = −1.3416408 → signed +1.3416408; y z = 0; w z = −10/√50 = −1.4142136
    /// → signed +1.4142136. Factor A = (1.3416408 + 0)/2 = 0.6708204; B = 1.4142136.
    /// Index = (3 · 0.6708204 + 1 · 1.4142136)/4 = (2.0124612 + 1.4142136)/4 = 0.8566687.
    ///
    /// 43110: x signed +1/√5 = 0.4472136, y signed −2/√2 = −1.4142136 → A = −0.4835000;
    /// w signed −10/√50 = −1.4142136 → B. Index = (−1.4505000 − 1.4142136)/4 = −0.7161784.
    /// 51750: x −0.4472136, y 0 → A = −0.2236068; w 0 → B = 0. Index = −0.1677051.
    /// 47940: x −1.3416408, y +1.4142136 → A = 0.0362864; B = 0. Index = 0.0272148.
    /// Ranking: 43150 (0.857), 47940 (0.027), 51750 (−0.168), 43110 (−0.716): 43150 is 1 of 4,
    /// percentile 100 · 3/3 = 100; 51750 is 3 of 4, percentile 100 · 1/3 = 33.33.
    #[test]
    fn standardisation_and_factor_weights_by_hand() {
        let m = method();
        let text = format!(
            "#yeta-table,sigungu-indicators,1\ncode,name,name_en,x,y,w\n{META}43150,제천시,J,1,4,10\n43110,청주시,C,3,2,30\n51750,영월군,Y,5,4,20\n47940,울릉군,U,7,6,20\n"
        );
        let t = DataTable::parse(&text, &m.spec(), false).expect("parses");
        let r = index_of(&m, &t, "43150").expect("in the table");
        assert!((r.indicators[0].signed_z - 3.0 / 5f64.sqrt()).abs() < 1e-12);
        assert!((r.indicators[0].sd - 2.2360680).abs() < 1e-7);
        assert!(r.indicators[1].signed_z.abs() < 1e-12);
        assert!((r.factors[0].score - 0.6708204).abs() < 1e-7);
        assert!((r.factors[1].score - 2f64.sqrt()).abs() < 1e-12, "10 / √50 = √2");
        assert!((r.factors[0].weight - 0.75).abs() < 1e-12 && (r.factors[1].weight - 0.25).abs() < 1e-12);
        assert!((r.index - 0.8566687).abs() < 1e-7, "{}", r.index);
        assert_eq!((r.rank, r.of), (1, 4));
        assert!((r.percentile - 100.0).abs() < 1e-12);
        // Beside its province (43150, 43110) and the country.
        assert_eq!(r.province, Region::Chungbuk);
        assert_eq!(r.province_count, 2);
        assert!((r.indicators[0].province_mean - 2.0).abs() < 1e-12);
        assert!((r.indicators[2].province_mean - 20.0).abs() < 1e-12);
        assert!((r.indicators[0].national_mean - 4.0).abs() < 1e-12);
        let c = index_of(&m, &t, "43110").expect("in the table");
        assert!((c.index - -0.7161784).abs() < 1e-7, "{}", c.index);
        assert_eq!(c.rank, 4);
        let y = index_of(&m, &t, "51750").expect("in the table");
        assert!((y.index - -0.1677051).abs() < 1e-7, "{}", y.index);
        assert_eq!(y.rank, 3);
        assert!((y.percentile - 100.0 / 3.0).abs() < 1e-9);
        let u = index_of(&m, &t, "47940").expect("in the table");
        assert!((u.index - 0.0272148).abs() < 1e-7, "{}", u.index);
        assert!(index_of(&m, &t, "43720").is_none());
    }

    #[test]
    fn the_shipped_method_and_table_agree() {
        let m = Method::builtin();
        assert_eq!(m.factors.len(), 3);
        assert!(!m.weights.public, "KDI's weights are not public: the file must say so");
        assert!(m.factors.iter().all(|f| f.weight == 1.0), "Yeta's equal factor weights");
        let t = DataTable::parse(super::super::BUILTIN_SIGUNGU, &m.spec(), true).expect("the shipped table");
        let r = index_of(m, &t, "43150").expect("제천시");
        assert_eq!(r.name, "충청북도 제천시");
        assert_eq!(r.table.status, super::super::table::Status::Illustrative);
    }
}
