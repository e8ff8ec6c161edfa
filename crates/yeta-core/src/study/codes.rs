//! Closed code lists: sectors and ISO 3166-2:KR regions. An unknown code is an error that lists
//! the codes Yeta knows, never a silent default.

use super::names::{self, Name};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Project sector (사업 분야). Decides the AHP hierarchy (construction / ICT / other) and which
/// PFS threshold of the rule set applies.
///
/// Read from its code, its Korean name (`정보화`, `도로`) or its English name; an unknown value
/// lists every sector and suggests the nearest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Roads (도로).
    Road,
    /// Railways (철도).
    Rail,
    /// Ports (항만).
    Port,
    /// Airports (공항).
    Airport,
    /// Water resources (수자원).
    Water,
    /// Public buildings (건축).
    Building,
    /// Culture and tourism (문화·관광).
    Culture,
    /// Informatization / digital government (정보화).
    Ict,
    /// Research and development (연구개발).
    Rnd,
    /// Other (기타).
    Other,
}

/// Which top-level AHP hierarchy a sector uses (METHOD.md, comprehensive evaluation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectorClass {
    /// Economic / policy / balanced regional development.
    Construction,
    /// Economic / policy / technical feasibility.
    Ict,
    /// Economic / policy.
    Other,
}

impl Sector {
    /// All sectors, in code-list order.
    pub const ALL: [Sector; 10] = [
        Sector::Road,
        Sector::Rail,
        Sector::Port,
        Sector::Airport,
        Sector::Water,
        Sector::Building,
        Sector::Culture,
        Sector::Ict,
        Sector::Rnd,
        Sector::Other,
    ];

    /// The code as written in a study file.
    pub fn code(self) -> &'static str {
        match self {
            Sector::Road => "road",
            Sector::Rail => "rail",
            Sector::Port => "port",
            Sector::Airport => "airport",
            Sector::Water => "water",
            Sector::Building => "building",
            Sector::Culture => "culture",
            Sector::Ict => "ict",
            Sector::Rnd => "rnd",
            Sector::Other => "other",
        }
    }

    /// Name in Korean or English.
    pub fn name(self, korean: bool) -> &'static str {
        let (ko, en) = match self {
            Sector::Road => ("도로", "road"),
            Sector::Rail => ("철도", "rail"),
            Sector::Port => ("항만", "port"),
            Sector::Airport => ("공항", "airport"),
            Sector::Water => ("수자원", "water resources"),
            Sector::Building => ("건축", "public building"),
            Sector::Culture => ("문화·관광", "culture and tourism"),
            Sector::Ict => ("정보화", "ICT / digital government"),
            Sector::Rnd => ("연구개발", "R&D"),
            Sector::Other => ("기타", "other"),
        };
        if korean { ko } else { en }
    }

    /// The sectors as a code list with their Korean and English names.
    pub const NAMES: [Name<'static>; 10] = [
        Name::new("road", "도로", "road"),
        Name::new("rail", "철도", "rail"),
        Name::new("port", "항만", "port"),
        Name::new("airport", "공항", "airport"),
        Name::with("water", "수자원", "water resources", &["water"]),
        Name::with("building", "건축", "public building", &["공공건축", "public buildings"]),
        Name::with("culture", "문화·관광", "culture and tourism", &["문화", "관광"]),
        Name::with("ict", "정보화", "ICT / digital government", &["ICT", "정보화사업", "digital government"]),
        Name::with("rnd", "연구개발", "R&D", &["R&D", "연구개발사업"]),
        Name::new("other", "기타", "other"),
    ];

    /// Looks a sector up by code, Korean or English name.
    pub fn from_name(s: &str) -> Option<Sector> {
        let code = names::find(&Self::NAMES, s)?.code;
        Self::ALL.into_iter().find(|x| x.code() == code)
    }

    /// The AHP hierarchy the sector is evaluated under.
    pub fn class(self) -> SectorClass {
        match self {
            Sector::Road | Sector::Rail | Sector::Port | Sector::Airport | Sector::Water | Sector::Building => {
                SectorClass::Construction
            }
            Sector::Ict => SectorClass::Ict,
            Sector::Culture | Sector::Rnd | Sector::Other => SectorClass::Other,
        }
    }
}

impl<'de> Deserialize<'de> for Sector {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = names::deserialize(d, "a sector", &Self::NAMES)?;
        Self::ALL.into_iter().find(|x| x.code() == code).ok_or_else(|| serde::de::Error::custom("unknown sector"))
    }
}

macro_rules! regions {
    ($( $var:ident $code:literal [$($alias:literal),*] => $ko:literal, $en:literal, $capital:literal; )*) => {
        /// A first-level region of Korea as its ISO 3166-2:KR code (시·도).
        ///
        /// Read from its code, its Korean name (full or short: `대구광역시`, `대구`) or its English
        /// name; the old codes of Gangwon (`KR-42`) and Jeonbuk (`KR-45`) are read as the current
        /// ones. Always written as the code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
        pub enum Region {
            $(
                #[doc = $en]
                #[serde(rename = $code)]
                $var,
            )*
        }

        impl<'de> Deserialize<'de> for Region {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = names::deserialize(d, "a region", &Region::NAMES)?;
                Region::from_code(code).ok_or_else(|| serde::de::Error::custom("unknown region"))
            }
        }

        impl Region {
            /// The 17 regions, in ISO code order of the table.
            pub const ALL: [Region; 17] = [$(Region::$var),*];

            /// The regions as a code list: code, Korean and English name, short names and old codes.
            pub const NAMES: [Name<'static>; 17] = [$(Name::with($code, $ko, $en, &[$($alias),*])),*];

            /// The ISO 3166-2:KR code.
            pub fn code(self) -> &'static str {
                match self { $(Region::$var => $code,)* }
            }

            /// Name in Korean or English.
            pub fn name(self, korean: bool) -> &'static str {
                match self { $(Region::$var => if korean { $ko } else { $en },)* }
            }

            /// In the capital region (수도권: Seoul, Incheon, Gyeonggi), which the PFS weighs
            /// differently.
            pub fn is_capital_region(self) -> bool {
                match self { $(Region::$var => $capital,)* }
            }

            /// The first two digits of KOSTAT administrative codes (행정구역코드) in the region;
            /// Gangwon and Jeonbuk have an old and a new one.
            pub fn kostat_prefixes(self) -> &'static [&'static str] {
                match self {
                    Region::Seoul => &["11"], Region::Busan => &["26"], Region::Daegu => &["27"],
                    Region::Incheon => &["28"], Region::Gwangju => &["29"], Region::Daejeon => &["30"],
                    Region::Ulsan => &["31"], Region::Sejong => &["36"], Region::Gyeonggi => &["41"],
                    Region::Gangwon => &["42", "51"], Region::Chungbuk => &["43"], Region::Chungnam => &["44"],
                    Region::Jeonbuk => &["45", "52"], Region::Jeonnam => &["46"], Region::Gyeongbuk => &["47"],
                    Region::Gyeongnam => &["48"], Region::Jeju => &["50"],
                }
            }

            /// Looks a region up by code, Korean name (full or short), or English name, accepting
            /// the old Gangwon and Jeonbuk codes.
            pub fn from_code(code: &str) -> Option<Region> {
                let code = names::find(&Self::NAMES, code)?.code;
                match code { $($code => Some(Region::$var),)* _ => None }
            }
        }
    };
}

regions! {
    Seoul "KR-11" ["서울", "서울시"] => "서울특별시", "Seoul", true;
    Busan "KR-26" ["부산", "부산시"] => "부산광역시", "Busan", false;
    Daegu "KR-27" ["대구", "대구시"] => "대구광역시", "Daegu", false;
    Incheon "KR-28" ["인천", "인천시"] => "인천광역시", "Incheon", true;
    Gwangju "KR-29" ["광주", "광주시"] => "광주광역시", "Gwangju", false;
    Daejeon "KR-30" ["대전", "대전시"] => "대전광역시", "Daejeon", false;
    Ulsan "KR-31" ["울산", "울산시"] => "울산광역시", "Ulsan", false;
    Sejong "KR-50" ["세종", "세종시"] => "세종특별자치시", "Sejong", false;
    Gyeonggi "KR-41" ["경기", "Gyeonggi-do"] => "경기도", "Gyeonggi", true;
    Gangwon "KR-51" ["KR-42", "강원", "강원도", "Gangwon-do"] => "강원특별자치도", "Gangwon", false;
    Chungbuk "KR-43" ["충북", "Chungbuk", "Chungcheongbuk-do"] => "충청북도", "North Chungcheong", false;
    Chungnam "KR-44" ["충남", "Chungnam", "Chungcheongnam-do"] => "충청남도", "South Chungcheong", false;
    Jeonbuk "KR-52" ["KR-45", "전북", "전라북도", "Jeonbuk", "Jeollabuk-do"] => "전북특별자치도", "North Jeolla", false;
    Jeonnam "KR-46" ["전남", "Jeonnam", "Jeollanam-do"] => "전라남도", "South Jeolla", false;
    Gyeongbuk "KR-47" ["경북", "Gyeongbuk", "Gyeongsangbuk-do"] => "경상북도", "North Gyeongsang", false;
    Gyeongnam "KR-48" ["경남", "Gyeongnam", "Gyeongsangnam-do"] => "경상남도", "South Gyeongsang", false;
    Jeju "KR-49" ["제주", "제주도", "Jeju-do"] => "제주특별자치도", "Jeju", false;
}
