//! The appraisal report: from an [`Appraisal`] and the study text to PDF bytes.
//!
//! Deterministic: no clock, fixed resource names, the document ID from the study's SHA-256, the
//! dates from the study's base year. The study text is embedded as a PDF file attachment.

use crate::layout::{Align, BOTTOM, Col, F_BOLD, F_REGULAR, Fonts, GREY, INK, ML, NAVY, PH, PW, RULE, TOP, Writer, XR};
use crate::sign::slot_rect;
use lopdf::{Dictionary, Object, Stream, StringFormat};
use printpdf::{FontId, Mm, PdfDocument, PdfFont, PdfPage, PdfSaveOptions};
use rust_decimal::Decimal;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;
use yeta_core::Appraisal;

/// The attachment's file name inside the PDF.
pub const STUDY_FILE_NAME: &str = "study.yeta.json";

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NanumSquareR.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NanumSquareB.ttf");

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Korean.
    Ko,
    /// English.
    En,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "ko" => Ok(Lang::Ko),
            "en" => Ok(Lang::En),
            _ => Err(format!("language \"{s}\": use ko or en")),
        }
    }
}

/// What can go wrong when rendering or extracting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The embedded font could not be read.
    #[error("font: {0}")]
    Font(String),
    /// The PDF could not be read or written.
    #[error("PDF: {0}")]
    Pdf(String),
    /// The PDF holds no embedded study.
    #[error("the PDF has no embedded {STUDY_FILE_NAME} attachment")]
    NoStudy,
}

fn fonts() -> Result<&'static Fonts, ReportError> {
    static F: OnceLock<Option<Fonts>> = OnceLock::new();
    F.get_or_init(|| {
        let mut w = Vec::new();
        let regular = printpdf::ParsedFont::from_bytes(REGULAR, 0, &mut w)?;
        let bold = printpdf::ParsedFont::from_bytes(BOLD, 0, &mut w)?;
        Some(Fonts { regular, bold })
    })
    .as_ref()
    .ok_or_else(|| ReportError::Font("NanumSquare could not be parsed".into()))
}

pub(crate) struct T(pub(crate) Lang);
impl T {
    /// The message catalog of the report's language: every diagnostic and verdict sentence.
    pub(crate) fn cat(&self) -> &'static yeta_i18n::Catalog {
        yeta_i18n::catalog(match self.0 {
            Lang::En => yeta_i18n::Lang::En,
            Lang::Ko => yeta_i18n::Lang::Ko,
        })
    }

    pub(crate) fn s<'a>(&self, en: &'a str, ko: &'a str) -> &'a str {
        match self.0 {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }
}

fn to_f64(d: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap_or(0.0)
}

/// Groups digits by thousands: `1234567.8` → `1,234,567.8`.
pub fn thousands(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut g = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            g.push(',');
        }
        g.push(c);
    }
    let neg = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    format!("{}{g}{}{frac}", if neg { "-" } else { "" }, if frac.is_empty() { "" } else { "." })
}

/// KRW in millions, one decimal: the unit every money figure in the report uses.
pub fn mkrw(d: Decimal) -> String {
    thousands(to_f64(d) / 1e6, 1)
}

pub(crate) fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{:.2} %", v * 100.0))
}

pub(crate) fn ratio(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{v:.2}"))
}

/// Renders the report. `study_text` is the study file as given; it is hashed for the provenance
/// stamp and embedded as an attachment.
pub fn render(a: &Appraisal, study_text: &str, lang: Lang) -> Result<Vec<u8>, ReportError> {
    render_with_risk(a, study_text, lang, None)
}

/// [`render`], with a section on the Monte Carlo risk analysis when `risk` is given; its seed and
/// draws join the provenance stamp so the run can be repeated.
pub fn render_with_risk(
    a: &Appraisal,
    study_text: &str,
    lang: Lang,
    risk: Option<&yeta_core::risk::RiskResult>,
) -> Result<Vec<u8>, ReportError> {
    let fonts = fonts()?;
    let t = T(lang);
    let hash = Sha256::digest(study_text.as_bytes());
    let hash_hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    let json: Value = serde_json::to_value(a).unwrap_or(Value::Null);
    let mut w = Writer::new(fonts);

    cover(&mut w, a, &t);
    summary(&mut w, a, &json, &t);
    overview(&mut w, a, &t);
    economic(&mut w, a, &t);
    financial(&mut w, a, &t);
    let study = yeta_core::Study::from_json(study_text).ok();
    let mut n = 5;
    if let Some(r) = risk {
        crate::stages::risk(&mut w, r, n, &t);
        n += 1;
    }
    if let Some(p) = &a.policy {
        crate::stages::policy(&mut w, p, n, &t);
        n += 1;
    }
    if let Some(r) = &a.regional {
        crate::stages::regional(&mut w, r, n, &t);
        n += 1;
    }
    if let Some(e) = &a.environment {
        crate::stages::environment(&mut w, e, study.as_ref(), n, &t);
        n += 1;
    }
    if let Some(h) = &a.ahp {
        crate::stages::ahp(&mut w, h, n, &t);
    }
    appendix(&mut w, a, study.as_ref(), risk, &json, &t, &hash_hex);
    signoff_page(&mut w, &t);
    w.new_page();

    // Running header and provenance footer on every page but the cover.
    let n = w.pages.len();
    let running = format!(
        "{} — {}",
        short(&a.study.name, 60, &w),
        t.s("Preliminary feasibility study: appraisal report", "예비타당성조사 평가 보고서")
    );
    let stamp = format!(
        "Yeta {} · {} {}{} · {} SHA-256 {}",
        a.yeta_version,
        t.s("rule set", "규칙"),
        a.rules.set.id,
        risk.map_or(String::new(), |r| format!(" · seed {}", r.seed)),
        t.s("study", "조사자료"),
        hash_hex
    );
    let mut pages = std::mem::take(&mut w.pages);
    for (i, ops) in pages.iter_mut().enumerate() {
        w.ops = std::mem::take(ops);
        if i > 0 {
            w.text(ML, PH - 40.0, 7.5, false, GREY, &running);
            w.line(&[(ML, PH - 46.0), (XR, PH - 46.0)], RULE, 0.5);
        }
        w.line(&[(ML, 50.0), (XR, 50.0)], RULE, 0.5);
        w.text(ML, 38.0, 6.3, false, GREY, &stamp);
        w.text_right(XR, 38.0, 7.5, false, GREY, &format!("{} / {}", i + 1, n));
        *ops = std::mem::take(&mut w.ops);
    }

    let mut doc = PdfDocument::new(&a.study.name);
    doc.resources.fonts.map.insert(FontId(F_REGULAR.into()), PdfFont::new(fonts.regular.clone()));
    let bold = subset(BOLD, &fonts.bold, &w.bold_chars).unwrap_or_else(|| fonts.bold.clone());
    doc.resources.fonts.map.insert(FontId(F_BOLD.into()), PdfFont::new(bold));
    let pages: Vec<PdfPage> = pages.into_iter().map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops)).collect();
    doc.with_pages(pages);
    let opts = PdfSaveOptions { optimize: false, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, a, study_text, &hash, lang)?;
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| ReportError::Pdf(e.to_string()))?;
    Ok(out)
}

/// The font cut down to the glyphs of `chars` (headings use a few dozen), so the PDF carries
/// only those; the regular face stays whole so sign-off blocks can show any Korean name.
fn subset(
    bytes: &[u8],
    font: &printpdf::ParsedFont,
    chars: &std::collections::BTreeSet<char>,
) -> Option<printpdf::ParsedFont> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    let file = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(0).ok()?;
    let mut ids: Vec<u16> =
        chars.iter().filter_map(|&c| font.lookup_glyph_index(c as u32)).chain(std::iter::once(0)).collect();
    ids.sort_unstable();
    ids.dedup();
    let cut = allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    printpdf::ParsedFont::from_bytes(&cut, 0, &mut Vec::new())
}

fn short(s: &str, max: usize, _w: &Writer<'_>) -> String {
    if s.chars().count() <= max { s.to_owned() } else { s.chars().take(max - 1).collect::<String>() + "…" }
}

/// Fixed metadata, fixed ID, the study as an attachment.
fn finish(lo: &mut lopdf::Document, a: &Appraisal, study: &str, hash: &[u8], lang: Lang) -> Result<(), ReportError> {
    let date = format!("D:{}0101000000Z", a.study.base_year);
    let mut info = Dictionary::new();
    info.set("Title", Object::String(crate::pdfobj::text_string(&a.study.name), StringFormat::Literal));
    info.set("Author", Object::String(crate::pdfobj::text_string(&a.study.sponsor), StringFormat::Literal));
    info.set("Subject", Object::string_literal("Preliminary feasibility study appraisal report"));
    info.set("Creator", Object::string_literal(format!("Yeta {}", a.yeta_version)));
    info.set("Producer", Object::string_literal(format!("Yeta {} (printpdf)", a.yeta_version)));
    info.set("CreationDate", Object::string_literal(date.clone()));
    info.set("ModDate", Object::string_literal(date));
    let info_id = lo.add_object(info);
    lo.trailer.set("Info", Object::Reference(info_id));
    let id = Object::String(hash[..16].to_vec(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    let mut params = Dictionary::new();
    params.set("Size", Object::Integer(study.len() as i64));
    let mut ef_dict = Dictionary::new();
    ef_dict.set("Type", Object::Name(b"EmbeddedFile".to_vec()));
    ef_dict.set("Subtype", Object::Name(b"application/json".to_vec()));
    ef_dict.set("Params", Object::Dictionary(params));
    let ef_id = lo.add_object(Stream::new(ef_dict, study.as_bytes().to_vec()));
    let mut ef = Dictionary::new();
    ef.set("F", Object::Reference(ef_id));
    ef.set("UF", Object::Reference(ef_id));
    let mut spec = Dictionary::new();
    spec.set("Type", Object::Name(b"Filespec".to_vec()));
    spec.set("F", Object::string_literal(STUDY_FILE_NAME));
    spec.set("UF", Object::string_literal(STUDY_FILE_NAME));
    spec.set("EF", Object::Dictionary(ef));
    spec.set(
        "Desc",
        Object::string_literal(match lang {
            Lang::En => "The study this report appraises (yeta-study/1); `yeta extract` writes it back",
            Lang::Ko => "The appraised study (yeta-study/1)",
        }),
    );
    spec.set("AFRelationship", Object::Name(b"Source".to_vec()));
    let spec_id = lo.add_object(spec);
    let mut tree = Dictionary::new();
    tree.set("Names", Object::Array(vec![Object::string_literal(STUDY_FILE_NAME), Object::Reference(spec_id)]));
    let mut names = Dictionary::new();
    names.set("EmbeddedFiles", Object::Dictionary(tree));
    let root = lo.trailer.get(b"Root").and_then(Object::as_reference).map_err(|e| ReportError::Pdf(e.to_string()))?;
    let cat = lo.get_dictionary_mut(root).map_err(|e| ReportError::Pdf(e.to_string()))?;
    cat.set("Names", Object::Dictionary(names));
    cat.set("AF", Object::Array(vec![Object::Reference(spec_id)]));
    cat.set(
        "Lang",
        Object::string_literal(match lang {
            Lang::En => "en",
            Lang::Ko => "ko",
        }),
    );
    cat.remove(b"Metadata");
    Ok(())
}

/// The study text embedded in a report (or `ReportError::NoStudy`). The file is read with the
/// bounded reader of [`crate::pdfread`]: a truncated or corrupt compressed stream, one that
/// inflates past [`crate::pdfread::MAX_STUDY_BYTES`], or one whose length differs from its
/// declared `/Params /Size` is an error, never a partial study.
pub fn extract(pdf: &[u8]) -> Result<String, ReportError> {
    let p = crate::pdfread::Pdf::parse(pdf).map_err(|e| ReportError::Pdf(e.to_string()))?;
    let bytes = study_bytes(&p, p.last())?;
    String::from_utf8(bytes).map_err(|_| ReportError::Pdf("the embedded study is not UTF-8".into()))
}

/// The embedded study's bytes as revision `rev` sees them.
pub(crate) fn study_bytes(p: &crate::pdfread::Pdf<'_>, rev: usize) -> Result<Vec<u8>, ReportError> {
    use crate::pdfread::{Obj, get};
    let pdf_err = |e: crate::pdfread::ParseError| ReportError::Pdf(e.to_string());
    let (_, cat) = p.catalog(rev).map_err(pdf_err)?;
    let names = p.resolve(get(&cat, b"Names").ok_or(ReportError::NoStudy)?, rev).map_err(pdf_err)?;
    let tree = names.dict().and_then(|d| get(d, b"EmbeddedFiles")).ok_or(ReportError::NoStudy)?;
    let tree = p.resolve(tree, rev).map_err(pdf_err)?;
    let arr = tree.dict().and_then(|d| get(d, b"Names")).ok_or(ReportError::NoStudy)?;
    let arr = p.resolve(arr, rev).map_err(pdf_err)?;
    let Obj::Array(arr) = arr.as_ref() else { return Err(ReportError::NoStudy) };
    for pair in arr.chunks(2) {
        let [Obj::Str(name), spec] = pair else { continue };
        if name.as_slice() != STUDY_FILE_NAME.as_bytes() {
            continue;
        }
        let spec = p.resolve(spec, rev).map_err(pdf_err)?;
        let ef = spec.dict().and_then(|d| get(d, b"EF")).ok_or(ReportError::NoStudy)?;
        let ef = p.resolve(ef, rev).map_err(pdf_err)?;
        let f = ef.dict().and_then(|d| get(d, b"F")).ok_or(ReportError::NoStudy)?;
        let f = p.resolve(f, rev).map_err(pdf_err)?;
        let Obj::Stream(d, s, e) = f.as_ref() else { return Err(ReportError::NoStudy) };
        let raw = p.bytes.get(*s..*e).ok_or(ReportError::NoStudy)?;
        let filters: Vec<&[u8]> = match get(d, b"Filter") {
            None => Vec::new(),
            Some(Obj::Name(n)) => vec![n.as_slice()],
            Some(Obj::Array(a)) => a.iter().filter_map(Obj::name).collect(),
            Some(_) => return Err(ReportError::Pdf("the embedded study's /Filter is malformed".into())),
        };
        if get(d, b"DecodeParms").is_some() {
            return Err(ReportError::Pdf("the embedded study uses /DecodeParms, which Yeta never writes".into()));
        }
        let bytes = match filters.as_slice() {
            [] => {
                if raw.len() > crate::pdfread::MAX_STUDY_BYTES {
                    return Err(ReportError::Pdf(format!(
                        "the embedded study is larger than {} bytes",
                        crate::pdfread::MAX_STUDY_BYTES
                    )));
                }
                raw.to_vec()
            }
            [b"FlateDecode"] => crate::pdfread::inflate(raw, crate::pdfread::MAX_STUDY_BYTES)
                .map_err(|m| ReportError::Pdf(format!("the embedded study's compressed stream: {m}")))?,
            _ => return Err(ReportError::Pdf("the embedded study uses a filter other than FlateDecode".into())),
        };
        let declared = d
            .iter()
            .find(|(k, _)| k.as_slice() == b"Params")
            .and_then(|(_, v)| p.resolve(v, rev).ok())
            .and_then(|v| v.dict().and_then(|v| get(v, b"Size")).and_then(Obj::int));
        if let Some(n) = declared
            && usize::try_from(n).ok() != Some(bytes.len())
        {
            return Err(ReportError::Pdf(format!(
                "the embedded study has {} bytes but declares /Size {n}: truncated or altered",
                bytes.len()
            )));
        }
        return Ok(bytes);
    }
    Err(ReportError::NoStudy)
}

/// Why a report's embedded study and its stamp disagree.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StampError {
    /// The study is not the one stamped.
    #[error("the embedded study has SHA-256 {embedded}, but the report is stamped {stamped}")]
    Mismatch {
        /// SHA-256 of the embedded study, hex.
        embedded: String,
        /// The stamp: the document ID (the first 16 bytes of the SHA-256 of the rendered
        /// study), or the SHA-256 printed in the last page's footer.
        stamped: String,
    },
    /// The study or the stamp cannot be read.
    #[error("{0}")]
    Unreadable(String),
}

/// SHA-256 (hex) of the study embedded in `pdf`, or `None` when it embeds none.
pub fn study_sha256(pdf: &[u8]) -> Result<Option<String>, ReportError> {
    let p = crate::pdfread::Pdf::parse(pdf).map_err(|e| ReportError::Pdf(e.to_string()))?;
    match study_bytes(&p, p.last()) {
        Ok(b) => Ok(Some(Sha256::digest(&b).iter().map(|b| format!("{b:02x}")).collect())),
        Err(ReportError::NoStudy) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Checks that a report's embedded study is the one it was rendered from: the document ID that
/// [`render`] derives from the study's SHA-256 and the SHA-256 the last page's footer prints
/// (read through the font's ToUnicode map) must both match the attachment's SHA-256. A PDF
/// without a study attachment passes.
pub fn check_study_stamp(pdf: &[u8]) -> Result<(), StampError> {
    use crate::pdfread::{Obj, get};
    let p = crate::pdfread::Pdf::parse(pdf).map_err(|e| StampError::Unreadable(e.to_string()))?;
    let study = match study_bytes(&p, p.last()) {
        Ok(b) => b,
        Err(ReportError::NoStudy) => return Ok(()),
        Err(e) => return Err(StampError::Unreadable(e.to_string())),
    };
    let embedded: String = Sha256::digest(&study).iter().map(|b| format!("{b:02x}")).collect();
    // The ID of the first revision: what the renderer wrote.
    let id = p.revisions.first().and_then(|r| match get(&r.trailer, b"ID") {
        Some(Obj::Array(a)) => match a.first() {
            Some(Obj::Str(s)) => Some(s.iter().map(|b| format!("{b:02x}")).collect::<String>()),
            _ => None,
        },
        _ => None,
    });
    let Some(stamped) = id else {
        return Err(StampError::Unreadable("the report has no document ID, so no stamp to check".into()));
    };
    if !embedded.starts_with(&stamped) || stamped.len() != 32 {
        return Err(StampError::Mismatch { embedded, stamped });
    }
    // The stamp printed in the last page's footer.
    let printed = printed_stamp(&p).map_err(StampError::Unreadable)?;
    if printed != embedded {
        return Err(StampError::Mismatch { embedded, stamped: printed });
    }
    Ok(())
}

/// Largest decompressed content stream or ToUnicode map read for the printed stamp: 16 MiB.
pub const MAX_CONTENT_BYTES: usize = 16 * 1024 * 1024;

/// The study SHA-256 printed on the last page ("SHA-256 " and 64 hex digits), read from its
/// content streams through the fonts' ToUnicode maps.
fn printed_stamp(p: &crate::pdfread::Pdf<'_>) -> Result<String, String> {
    use crate::pdfread::{Obj, get};
    use std::collections::HashMap;
    let rev = p.last();
    let e = |e: crate::pdfread::ParseError| e.to_string();
    let stream_bytes = |o: &Obj| -> Result<Vec<u8>, String> {
        let o = p.resolve(o, rev).map_err(e)?;
        let Obj::Stream(d, s, t) = o.as_ref() else { return Err("a content stream is not a stream".into()) };
        let raw = p.bytes.get(*s..*t).unwrap_or(&[]);
        match get(d, b"Filter").and_then(Obj::name) {
            None => Ok(raw.to_vec()),
            Some(b"FlateDecode") => crate::pdfread::inflate(raw, MAX_CONTENT_BYTES),
            Some(_) => Err("a content stream uses a filter other than FlateDecode".into()),
        }
    };
    let pages = p.pages(rev).map_err(e)?;
    let last = pages.last().ok_or("the report has no pages")?;
    let page = p.get(*last, rev).map_err(e)?.ok_or("the last page is missing")?;
    let pd = page.dict().ok_or("the last page is not a dictionary")?;
    // Font name -> (code -> text).
    let mut maps: HashMap<Vec<u8>, HashMap<u16, char>> = HashMap::new();
    let res = get(pd, b"Resources").map(|r| p.resolve(r, rev)).transpose().map_err(e)?;
    let fonts = res.as_deref().and_then(Obj::dict).and_then(|r| get(r, b"Font")).cloned();
    if let Some(fonts) = fonts {
        let fonts = p.resolve(&fonts, rev).map_err(e)?;
        for (name, f) in fonts.dict().into_iter().flatten() {
            let f = p.resolve(f, rev).map_err(e)?;
            let Some(tu) = f.dict().and_then(|d| get(d, b"ToUnicode")) else { continue };
            let cmap = stream_bytes(tu)?;
            let text = String::from_utf8_lossy(&cmap);
            let mut m = HashMap::new();
            for block in text.split("beginbfchar").skip(1) {
                let block = block.split("endbfchar").next().unwrap_or("");
                let hexes: Vec<&str> = block.split(['<', '>']).map(str::trim).filter(|t| !t.is_empty()).collect();
                for pair in hexes.chunks(2) {
                    let [code, uni] = pair else { continue };
                    let (Ok(c), Ok(u)) = (u16::from_str_radix(code, 16), u32::from_str_radix(uni, 16)) else {
                        continue;
                    };
                    if let Some(ch) = char::from_u32(u) {
                        m.insert(c, ch);
                    }
                }
            }
            maps.insert(name.clone(), m);
        }
    }
    let contents = get(pd, b"Contents").ok_or("the last page has no content")?;
    let parts: Vec<Obj> = match p.resolve(contents, rev).map_err(e)?.as_ref() {
        Obj::Array(a) => a.clone(),
        _ => vec![contents.clone()],
    };
    let mut text = String::new();
    for part in &parts {
        let c = stream_bytes(part)?;
        let (mut font, mut last_name): (Vec<u8>, Vec<u8>) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < c.len() {
            match c[i] {
                b'/' => {
                    let s = i + 1;
                    i = s;
                    while i < c.len() && !b" \t\r\n/<>[]()".contains(&c[i]) {
                        i += 1;
                    }
                    last_name = c[s..i].to_vec();
                }
                b'T' if c.get(i + 1) == Some(&b'f') => {
                    font = last_name.clone();
                    i += 2;
                }
                b'<' if c.get(i + 1) != Some(&b'<') => {
                    let s = i + 1;
                    let end = c[s..].iter().position(|&b| b == b'>').map_or(c.len(), |k| s + k);
                    let hex: Vec<u8> = c[s..end].iter().copied().filter(u8::is_ascii_hexdigit).collect();
                    if let Some(m) = maps.get(&font) {
                        for q in hex.chunks_exact(4) {
                            let code = std::str::from_utf8(q).ok().and_then(|q| u16::from_str_radix(q, 16).ok());
                            text.push(code.and_then(|k| m.get(&k).copied()).unwrap_or('\u{fffd}'));
                        }
                    }
                    text.push(' ');
                    i = end + 1;
                }
                _ => i += 1,
            }
        }
    }
    let at = text.rfind("SHA-256 ").ok_or("the last page carries no study SHA-256 stamp")?;
    let hash: String = text[at + 8..].chars().take(64).collect();
    if hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err("the last page's study SHA-256 stamp cannot be read".into());
    }
    Ok(hash.to_ascii_lowercase())
}

fn cover(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    w.rect(0.0, PH - 250.0, PW, 250.0, NAVY);
    w.text(ML, PH - 90.0, 13.0, false, (0.8, 0.86, 0.95), t.s("Preliminary Feasibility Study", "예비타당성조사"));
    w.text(ML, PH - 112.0, 11.0, false, (0.8, 0.86, 0.95), t.s("Appraisal report", "평가 보고서"));
    let mut y = PH - 150.0;
    for l in w.wrap(&a.study.name, 22.0, true, XR - ML) {
        w.text(ML, y, 22.0, true, (1.0, 1.0, 1.0), &l);
        y -= 29.0;
    }
    let bc = ratio(a.economic.bc_ratio);
    let rows = [
        (t.s("Sponsor", "주관 부처"), a.study.sponsor.clone()),
        (t.s("Sector", "사업 분야"), format!("{:?}", a.study.sector).to_lowercase()),
        (
            t.s("Region", "지역"),
            format!(
                "{} ({})",
                a.study.region_name,
                serde_json::to_value(a.study.region)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            ),
        ),
        (t.s("Base year", "기준 연도"), a.study.base_year.to_string()),
        (t.s("Analysis period", "분석 기간"), format!("{}–{}", a.study.first_year, a.study.last_year)),
        (t.s("Rule set", "적용 지침"), a.rules.set.id.clone()),
        (t.s("B/C ratio", "B/C 비율"), bc),
        (t.s("Status", "상태"), t.s("Draft — sign-off page at the end", "초안 — 서명란은 마지막 쪽").to_owned()),
    ];
    let mut y = PH - 320.0;
    for (k, v) in rows {
        w.text(ML, y, 11.0, true, NAVY, k);
        let lines = w.wrap(&v, 11.0, false, XR - ML - 140.0);
        for l in lines {
            w.text(ML + 140.0, y, 11.0, false, INK, &l);
            y -= 16.0;
        }
        w.line(&[(ML, y + 8.0), (XR, y + 8.0)], RULE, 0.4);
        y -= 8.0;
    }
    w.text(ML, BOTTOM + 20.0, 9.0, false, GREY, t.s(
        "Produced with Yeta, a workbench for Korea's preliminary feasibility study. The appraised study is attached to this PDF.",
        "Yeta 예비타당성조사 작업대로 작성. 평가한 조사자료(JSON)가 이 PDF에 첨부되어 있습니다.",
    ));
    w.new_page();
}

/// The verdict in the report's language, from the message catalog.
fn verdict_text(a: &Appraisal, t: &T) -> String {
    t.cat().verdict(a)
}

pub(crate) fn kv(w: &mut Writer<'_>, t: &T, rows: Vec<(String, String)>) {
    let cols = [
        Col { head: t.s("Item", "항목"), width: 45.0, align: Align::Left },
        Col { head: t.s("Value", "값"), width: 55.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(k, v)| vec![k, v]).collect();
    w.table(&cols, &rows, 9.0);
}

fn summary(w: &mut Writer<'_>, a: &Appraisal, json: &Value, t: &T) {
    w.h1(t.s("1. Executive summary", "1. 요약"));
    let ok = a.verdict.implement;
    let verdict = if ok {
        t.s("Recommended for implementation", "사업 추진 타당")
    } else {
        t.s("Not recommended", "사업 추진 타당성 미흡")
    };
    w.banner(ok, verdict, 14.0, &verdict_text(a, t), 10.0);

    // Key figures as tiles.
    let e = &a.economic;
    let tiles = [
        ("B/C", ratio(e.bc_ratio)),
        (t.s("NPV (KRW m)", "순현재가치 (백만원)"), mkrw(e.npv)),
        ("IRR", pct(e.irr)),
        (t.s("AHP score", "AHP 점수"), a.verdict.ahp_score.map_or("—".into(), |s| format!("{s:.3}"))),
    ];
    let tw = (XR - ML - 3.0 * 10.0) / 4.0;
    for (i, (k, v)) in tiles.iter().enumerate() {
        let x = ML + i as f32 * (tw + 10.0);
        w.rect_stroke(x, w.y - 58.0, tw, 58.0, RULE, 0.8);
        w.text(x + 10.0, w.y - 18.0, 8.5, false, GREY, k);
        // Shrink a long figure to fit its tile rather than run into the next one.
        let size = (17.0 * (tw - 20.0) / w.width(v, 17.0, true).max(1.0)).min(17.0);
        w.text(x + 10.0, w.y - 44.0, size, true, NAVY, v);
    }
    w.y -= 76.0;

    w.h2(t.s("Key figures", "주요 결과"));
    let mut rows = vec![
        (t.s("PV of benefits (KRW m)", "편익 현재가치 (백만원)").to_owned(), mkrw(e.pv_benefits)),
        (t.s("PV of costs (KRW m)", "비용 현재가치 (백만원)").to_owned(), mkrw(e.pv_costs)),
        (t.s("Net present value (KRW m)", "순현재가치 NPV (백만원)").to_owned(), mkrw(e.npv)),
        (t.s("Benefit-cost ratio", "편익/비용 비율 B/C").to_owned(), ratio(e.bc_ratio)),
        (t.s("B/C threshold", "B/C 기준").to_owned(), format!("{:.2}", e.bc_threshold)),
        (t.s("Internal rate of return", "내부수익률 IRR").to_owned(), pct(e.irr)),
        (t.s("Payback year", "회수 연도").to_owned(), e.payback_year.map_or("—".into(), |y| y.to_string())),
        (t.s("Financial NPV (KRW m)", "재무적 순현재가치 (백만원)").to_owned(), mkrw(a.financial.fnpv)),
    ];
    if let Some(r) = json.pointer("/ahp/score_range").filter(|v| !v.is_null()) {
        rows.push((t.s("AHP score range", "AHP 점수 범위").to_owned(), compact(r)));
    }
    kv(w, t, rows);

    w.h2(t.s("Main risks and warnings", "주요 위험 및 경고"));
    if a.warnings.is_empty() && a.financial.flags.is_empty() {
        w.para(t.s("No warnings.", "경고 없음."), 9.5, INK);
    }
    for wn in &a.warnings {
        w.para(&format!("• {}", t.cat().diagnostic(wn)), 9.5, INK);
    }
    for f in &a.financial.flags {
        w.para(&format!("• {}", t.cat().diagnostic(&f.diagnostic)), 9.5, INK);
    }
    let sv = &e.switching_values;
    if let (Some(c), Some(b)) = (sv.costs_pct, sv.benefits_pct) {
        w.para(
            &format!(
                "• {} {:+.1} % {} {:+.1} % {}",
                t.s("Switching values: costs", "전환값: 비용이"),
                c,
                t.s("or benefits", "또는 편익이"),
                b,
                t.s("bring B/C to the threshold.", "변하면 B/C가 기준값에 이른다."),
            ),
            9.5,
            INK,
        );
    }
    if let Some(env) = &a.environment {
        for (i, r) in env.risks.iter().enumerate().filter(|(_, r)| r.score >= 10).take(3) {
            w.para(
                &format!(
                    "• {} R{} ({} × {} = {}): {}",
                    t.s("Environmental risk", "환경 위험"),
                    i + 1,
                    r.risk.likelihood,
                    r.risk.impact,
                    r.score,
                    r.risk.title
                ),
                9.5,
                INK,
            );
        }
        if env.compliance_gaps > 0 {
            w.para(
                &format!(
                    "• {}: {}",
                    t.s("Environmental requirements not (fully) met", "미충족·부분 충족 환경 요건"),
                    env.compliance_gaps
                ),
                9.5,
                INK,
            );
        }
    }
}

fn overview(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    w.h1(t.s("2. Project overview", "2. 사업 개요"));
    let s = &a.study;
    kv(
        w,
        t,
        vec![
            (t.s("Project", "사업명").into(), s.name.clone()),
            (t.s("Sponsor", "주관 부처").into(), s.sponsor.clone()),
            (t.s("Sector", "분야").into(), format!("{:?} ({:?})", s.sector, s.sector_class).to_lowercase()),
            (
                t.s("Region", "지역").into(),
                format!(
                    "{}{}",
                    s.region_name,
                    if s.capital_region { t.s(" (capital region)", " (수도권)") } else { "" }
                ),
            ),
            (t.s("Total cost (KRW m)", "총사업비 (백만원)").into(), mkrw(s.total_cost)),
            (t.s("State funding (KRW m)", "국고 지원 (백만원)").into(), mkrw(s.state_funding)),
            (t.s("Base year", "기준 연도").into(), s.base_year.to_string()),
            (t.s("Analysis period", "분석 기간").into(), format!("{}–{}", s.first_year, s.last_year)),
            (t.s("Rule set", "적용 지침").into(), format!("{} — {}", a.rules.set.id, a.rules.set.title)),
        ],
    );
    w.h2(t.s("Cost and benefit lines", "비용 및 편익 항목"));
    let cols = [
        Col { head: t.s("List", "구분"), width: 12.0, align: Align::Left },
        Col { head: t.s("Line", "항목"), width: 44.0, align: Align::Left },
        Col { head: t.s("Kind", "유형"), width: 14.0, align: Align::Left },
        Col { head: t.s("Nominal (KRW m)", "명목 (백만원)"), width: 15.0, align: Align::Right },
        Col { head: t.s("PV (KRW m)", "현재가치 (백만원)"), width: 15.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = a
        .economic
        .lines
        .iter()
        .map(|l| {
            let name = match l.origin {
                yeta_core::econ::Origin::Carbon => t.cat().text("line-carbon"),
                yeta_core::econ::Origin::OptimismBias => t.cat().text("line-optimism-bias"),
                _ => l.name.clone(),
            };
            vec![t.cat().code("list", l.list.code()), name, t.cat().kind(l.kind), mkrw(l.nominal), mkrw(l.pv)]
        })
        .collect();
    w.table(&cols, &rows, 8.5);
}

fn economic(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    let e = &a.economic;
    w.h1(t.s("3. Economic analysis", "3. 경제성 분석"));
    w.h2(t.s("3.1 Assumptions", "3.1 분석 전제"));
    let sched = e
        .discount_schedule
        .steps
        .iter()
        .map(|s| format!("{}: {:.2} %", s.from_year, to_f64(s.rate) * 100.0))
        .collect::<Vec<_>>()
        .join(", ");
    let mut rows = vec![
        (t.s("Discount rate schedule (from year)", "할인율 (적용 연도부터)").into(), sched),
        (t.s("Price basis", "가격 기준").into(), e.convention.prices.to_owned()),
        (t.s("Timing", "시점").into(), e.convention.timing.to_owned()),
        (t.s("Discount factor", "할인 계수").into(), e.convention.discount_factor.to_owned()),
        (t.s("B/C threshold", "B/C 기준").into(), format!("{:.2}", e.bc_threshold)),
    ];
    if let Some(ob) = &a.optimism_bias {
        rows.push((
            t.s("Optimism bias (Green Book)", "낙관편향 보정 (영국 Green Book)").into(),
            format!(
                "+{:.0} % {} ({}) — {}",
                to_f64(ob.uplift) * 100.0,
                t.s("on capex", "자본비 가산"),
                ob.project_type.code(),
                ob.source
            ),
        ));
    }
    kv(w, t, rows);
    w.h2(t.s("3.2 Results", "3.2 분석 결과"));
    kv(
        w,
        t,
        vec![
            (t.s("PV of benefits (KRW m)", "편익 현재가치 (백만원)").into(), mkrw(e.pv_benefits)),
            (t.s("PV of costs (KRW m)", "비용 현재가치 (백만원)").into(), mkrw(e.pv_costs)),
            (t.s("NPV (KRW m)", "순현재가치 (백만원)").into(), mkrw(e.npv)),
            ("B/C".into(), ratio(e.bc_ratio)),
            ("IRR".into(), format!("{} ({})", pct(e.irr), t.cat().irr(&e.irr_detail))),
        ],
    );
    w.h2(t.s("3.3 Cash flow by year", "3.3 연도별 현금흐름"));
    cash_flow_chart(w, a, t);
    let cols = [
        Col { head: t.s("Year", "연도"), width: 8.0, align: Align::Left },
        Col { head: t.s("Costs", "비용"), width: 13.0, align: Align::Right },
        Col { head: t.s("Benefits", "편익"), width: 13.0, align: Align::Right },
        Col { head: t.s("Net", "순편익"), width: 13.0, align: Align::Right },
        Col { head: t.s("DF", "할인계수"), width: 9.0, align: Align::Right },
        Col { head: t.s("PV costs", "비용 PV"), width: 13.0, align: Align::Right },
        Col { head: t.s("PV benefits", "편익 PV"), width: 13.0, align: Align::Right },
        Col { head: t.s("Cumulative PV net", "누적 순편익 PV"), width: 15.0, align: Align::Right },
    ];
    w.para(
        t.s("KRW million; discount factors per the schedule above.", "단위: 백만원. 할인계수는 위 할인율 적용."),
        8.5,
        GREY,
    );
    let rows: Vec<Vec<String>> = e
        .cash_flow
        .iter()
        .map(|r| {
            vec![
                r.year.to_string(),
                mkrw(r.costs),
                mkrw(r.benefits),
                mkrw(r.net),
                format!("{:.4}", r.discount_factor),
                mkrw(r.pv_costs),
                mkrw(r.pv_benefits),
                mkrw(r.cumulative_pv_net),
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.0);

    w.h2(t.s("3.4 Sensitivity analysis", "3.4 민감도 분석"));
    let cols = [
        Col { head: t.s("Case", "시나리오"), width: 26.0, align: Align::Left },
        Col { head: t.s("PV benefits", "편익 PV"), width: 16.0, align: Align::Right },
        Col { head: t.s("PV costs", "비용 PV"), width: 16.0, align: Align::Right },
        Col { head: "NPV", width: 16.0, align: Align::Right },
        Col { head: "B/C", width: 9.0, align: Align::Right },
        Col { head: "IRR", width: 10.0, align: Align::Right },
    ];
    let rows: Vec<Vec<String>> = e
        .sensitivity
        .iter()
        .map(|r| {
            vec![
                t.cat().sensitivity_case(r.case),
                mkrw(r.pv_benefits),
                mkrw(r.pv_costs),
                mkrw(r.npv),
                ratio(r.bc_ratio),
                pct(r.irr),
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.5);
    tornado(w, a, t);
    w.h2(t.s("3.5 Switching values", "3.5 전환값"));
    let sv = &e.switching_values;
    kv(
        w,
        t,
        vec![
            (
                t.s("Change in costs that makes B/C = threshold", "B/C가 기준에 닿는 비용 변화율").into(),
                sv.costs_pct.map_or("—".into(), |v| format!("{v:+.2} %")),
            ),
            (
                t.s("Change in benefits that makes B/C = threshold", "B/C가 기준에 닿는 편익 변화율").into(),
                sv.benefits_pct.map_or("—".into(), |v| format!("{v:+.2} %")),
            ),
            (t.s("Discount rate that makes NPV = 0", "NPV = 0 이 되는 할인율").into(), pct(sv.discount_rate)),
        ],
    );
}

pub(crate) fn nice_step(range: f64) -> f64 {
    let raw = range / 5.0;
    let mag = 10f64.powf(raw.abs().max(1e-9).log10().floor());
    let n = raw / mag;
    mag * if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    }
}

fn cash_flow_chart(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    let rows = &a.economic.cash_flow;
    if rows.is_empty() {
        return;
    }
    let h = 190.0;
    w.ensure(h + 30.0);
    let (x0, x1) = (ML + 50.0, XR);
    let (y0, y1) = (w.y - h, w.y - 18.0);
    let max = rows.iter().map(|r| to_f64(r.benefits) / 1e6).fold(0.0, f64::max);
    let min = rows.iter().map(|r| -to_f64(r.costs) / 1e6).fold(0.0, f64::min);
    let step = nice_step(max - min);
    let top = (max / step).ceil() * step;
    let bot = (min / step).floor() * step;
    let span = (top - bot).max(1.0);
    let yv = |v: f64| y0 + ((v - bot) / span) as f32 * (y1 - y0);
    w.text(
        ML,
        w.y - 8.0,
        8.5,
        true,
        NAVY,
        t.s("Costs and benefits by year (KRW million)", "연도별 비용·편익 (백만원)"),
    );
    let mut v = bot;
    while v <= top + step * 0.01 {
        let y = yv(v);
        w.line(
            &[(x0, y), (x1, y)],
            if v.abs() < step * 0.01 { INK } else { RULE },
            if v.abs() < step * 0.01 { 0.8 } else { 0.3 },
        );
        w.text_right(x0 - 4.0, y - 2.5, 6.5, false, GREY, &thousands(v, 0));
        v += step;
    }
    let n = rows.len() as f32;
    let bw = (x1 - x0) / n;
    for (i, r) in rows.iter().enumerate() {
        let x = x0 + i as f32 * bw + bw * 0.15;
        let b = to_f64(r.benefits) / 1e6;
        let c = to_f64(r.costs) / 1e6;
        if b > 0.0 {
            w.rect(x, yv(0.0), bw * 0.7, yv(b) - yv(0.0), (0.20, 0.50, 0.75));
        }
        if c > 0.0 {
            w.rect(x, yv(-c), bw * 0.7, yv(0.0) - yv(-c), (0.85, 0.35, 0.25));
        }
        if r.year % 5 == 0 || i == 0 {
            w.text_center(x + bw * 0.35, y0 - 10.0, 6.5, false, GREY, &r.year.to_string());
        }
    }
    // Legend.
    let ly = y1 + 4.0;
    w.rect(x1 - 150.0, ly, 8.0, 6.0, (0.20, 0.50, 0.75));
    w.text(x1 - 138.0, ly, 7.0, false, INK, t.s("Benefits", "편익"));
    w.rect(x1 - 80.0, ly, 8.0, 6.0, (0.85, 0.35, 0.25));
    w.text(x1 - 68.0, ly, 7.0, false, INK, t.s("Costs", "비용"));
    w.y = y0 - 24.0;
}

fn tornado(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    let e = &a.economic;
    let Some(base) = e.bc_ratio else { return };
    // One bar per variable: the lowest and highest B/C among its cases.
    let mut groups: Vec<(String, f64, f64)> = Vec::new();
    for r in &e.sensitivity {
        let Some(bc) = r.bc_ratio else { continue };
        let var = if (r.cost_factor - 1.0).abs() > 1e-9 {
            t.s("Costs", "비용")
        } else if (r.benefit_factor - 1.0).abs() > 1e-9 {
            t.s("Benefits", "편익")
        } else if r.rate_shift_pp.abs() > 1e-9 {
            t.s("Discount rate", "할인율")
        } else {
            continue;
        };
        match groups.iter_mut().find(|g| g.0 == var) {
            Some(g) => {
                g.1 = g.1.min(bc);
                g.2 = g.2.max(bc);
            }
            None => groups.push((var.to_owned(), bc.min(base), bc.max(base))),
        }
    }
    if groups.is_empty() {
        return;
    }
    groups.sort_by(|x, y| (y.2 - y.1).total_cmp(&(x.2 - x.1)));
    let bar_h = 18.0;
    let h = 40.0 + groups.len() as f32 * (bar_h + 8.0) + 20.0;
    w.ensure(h);
    w.text(
        ML,
        w.y - 8.0,
        8.5,
        true,
        NAVY,
        t.s("Tornado chart: B/C under the sensitivity cases", "토네이도 차트: 민감도 시나리오별 B/C"),
    );
    let lo = groups.iter().map(|g| g.1).fold(base, f64::min).min(e.bc_threshold);
    let hi = groups.iter().map(|g| g.2).fold(base, f64::max).max(e.bc_threshold);
    let pad = (hi - lo).max(0.05) * 0.1;
    let (lo, hi) = (lo - pad, hi + pad);
    let (x0, x1) = (ML + 100.0, XR - 20.0);
    let xv = |v: f64| x0 + ((v - lo) / (hi - lo)) as f32 * (x1 - x0);
    let top = w.y - 22.0;
    let bottom = top - groups.len() as f32 * (bar_h + 8.0);
    for (i, (name, l, u)) in groups.iter().enumerate() {
        let y = top - (i as f32 + 1.0) * (bar_h + 8.0) + 8.0;
        w.text_right(x0 - 8.0, y + 5.0, 8.5, false, INK, name);
        w.rect(xv(*l), y, xv(base) - xv(*l), bar_h, (0.85, 0.35, 0.25));
        w.rect(xv(base), y, xv(*u) - xv(base), bar_h, (0.20, 0.50, 0.75));
        w.text_right(xv(*l) - 3.0, y + 5.0, 7.0, false, GREY, &format!("{l:.2}"));
        w.text(xv(*u) + 3.0, y + 5.0, 7.0, false, GREY, &format!("{u:.2}"));
    }
    w.line(&[(xv(base), top + 4.0), (xv(base), bottom)], INK, 0.8);
    w.text_center(xv(base), bottom - 12.0, 7.0, false, INK, &format!("{} {base:.2}", t.s("base", "기준")));
    let th = xv(e.bc_threshold);
    w.line(&[(th, top + 4.0), (th, bottom)], (0.6, 0.1, 0.1), 0.6);
    w.text_center(
        th,
        top + 8.0,
        7.0,
        false,
        (0.6, 0.1, 0.1),
        &format!("{} {:.2}", t.s("threshold", "기준값"), e.bc_threshold),
    );
    w.y = bottom - 30.0;
}

fn financial(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    let f = &a.financial;
    w.h1(t.s("4. Financial analysis", "4. 재무성 분석"));
    kv(
        w,
        t,
        vec![
            (
                t.s("Applicable (the project earns revenue)", "적용 여부 (수입 발생)").into(),
                if f.applicable { t.s("yes", "예") } else { t.s("no", "아니오") }.into(),
            ),
            (t.s("Financial discount rate", "재무 할인율").into(), pct(Some(f.discount_rate))),
            (t.s("PV of revenues (KRW m)", "수입 현재가치 (백만원)").into(), mkrw(f.pv_revenues)),
            (t.s("PV of costs (KRW m)", "비용 현재가치 (백만원)").into(), mkrw(f.pv_costs)),
            (t.s("Financial NPV (KRW m)", "재무적 순현재가치 (백만원)").into(), mkrw(f.fnpv)),
            (t.s("Profitability index", "수익성 지수 PI").into(), ratio(f.profitability_index)),
            (t.s("Financial IRR", "재무적 내부수익률").into(), pct(f.firr)),
            (
                t.s("Financing risk", "재원 조달 위험").into(),
                compact(&serde_json::to_value(f.financing_risk).unwrap_or(Value::Null)),
            ),
        ],
    );
    w.h2(t.s("Funding split", "재원 분담"));
    let fu = &f.funding;
    let cols = [
        Col { head: t.s("Source", "재원"), width: 40.0, align: Align::Left },
        Col { head: t.s("KRW m", "백만원"), width: 30.0, align: Align::Right },
        Col { head: t.s("Share", "비중"), width: 30.0, align: Align::Right },
    ];
    let rows = vec![
        vec![t.s("State", "국고").into(), mkrw(fu.state), pct(Some(fu.state_share))],
        vec![t.s("Local government", "지방비").into(), mkrw(fu.local), pct(Some(fu.local_share))],
        vec![t.s("Private", "민자").into(), mkrw(fu.private), pct(Some(fu.private_share))],
        vec![t.s("Unallocated", "미배분").into(), mkrw(fu.unallocated), String::new()],
        vec![t.s("Total cost", "총사업비").into(), mkrw(fu.total_cost), String::new()],
    ];
    w.table(&cols, &rows, 9.0);
    for fl in &f.flags {
        w.para(&format!("• {}", t.cat().diagnostic(&fl.diagnostic)), 9.0, INK);
    }
}

fn compact(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_f64().map_or(n.to_string(), |f| {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{f:.0}")
            } else {
                format!("{}", (f * 10000.0).round() / 10000.0)
            }
        }),
        Value::Bool(b) => b.to_string(),
        Value::Array(a) if a.iter().all(|x| !x.is_object() && !x.is_array()) => {
            a.iter().map(compact).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// One row per rule: a `{value, source, status}` object is a sourced value; anything else is
/// walked into.
fn sourced_rows(prefix: &str, v: &Value, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) if m.contains_key("source") && m.contains_key("value") => {
            let mut flat = Vec::new();
            flatten("", &m["value"], &mut flat);
            let value = match &m["value"] {
                // A table of records (weight ranges, thresholds): one line per record.
                Value::Array(rows) if rows.iter().all(Value::is_object) => rows
                    .iter()
                    .map(|r| {
                        let mut f = Vec::new();
                        flatten("", r, &mut f);
                        f.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ if flat.len() == 1 && flat[0].0.is_empty() => flat.remove(0).1,
                _ => flat.into_iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("; "),
            };
            out.push(vec![
                prefix.to_owned(),
                value,
                m.get("status").map_or(String::new(), compact),
                compact(&m["source"]),
            ]);
        }
        Value::Object(m) => {
            for (k, x) in m {
                if matches!(k.as_str(), "format" | "id" | "title" | "version" | "jurisdiction" | "overrides") {
                    continue;
                }
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                sourced_rows(&p, x, out);
            }
        }
        other => out.push(vec![prefix.to_owned(), compact(other), String::new(), String::new()]),
    }
}

fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&p, x, out);
            }
        }
        Value::Array(a) if a.iter().any(|x| x.is_object() || x.is_array()) => {
            for (i, x) in a.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), x, out);
            }
        }
        _ => out.push((prefix.to_owned(), compact(v))),
    }
}

fn appendix(
    w: &mut Writer<'_>,
    a: &Appraisal,
    study: Option<&yeta_core::Study>,
    risk: Option<&yeta_core::risk::RiskResult>,
    json: &Value,
    t: &T,
    hash: &str,
) {
    w.h1(t.s("Appendix A. Rule set and sources", "부록 A. 적용 지침과 출처"));
    w.para(&format!("{} — {}", a.rules.set.id, a.rules.set.title), 10.0, INK);
    if let Some(rules) = json.get("rules") {
        let mut rows = Vec::new();
        sourced_rows("", rules, &mut rows);
        let cols = [
            Col { head: t.s("Parameter", "항목"), width: 22.0, align: Align::Left },
            Col { head: t.s("Value", "값"), width: 26.0, align: Align::Left },
            Col { head: t.s("Status", "근거 수준"), width: 10.0, align: Align::Left },
            Col { head: t.s("Source", "출처"), width: 42.0, align: Align::Left },
        ];
        w.table(&cols, &rows, 7.3);
    }
    if !a.rules.overrides.is_empty() {
        w.h2(t.s("Overrides by this study", "이 조사의 지침 변경"));
        let rows = a.rules.overrides.iter().map(|o| (o.field.clone(), format!("{} — {}", o.value, o.reason))).collect();
        kv(w, t, rows);
    }
    if let Some(study) = study {
        w.h2(t.s("Sources of the cost, benefit and revenue lines", "비용·편익·수입 항목과 원단위의 출처"));
        let mut rows = Vec::new();
        let mut push = |list: &str, name: &str, unit: Option<&yeta_core::study::UnitValue>, src: Option<&String>| {
            rows.push(vec![
                list.to_owned(),
                name.to_owned(),
                unit.map_or("—".into(), |u| format!("{} {}", thousands(to_f64(u.value), 0), u.unit)),
                match (unit, src) {
                    (Some(u), Some(s)) => format!("{} / {}", u.source, s),
                    (Some(u), None) => u.source.clone(),
                    (None, Some(s)) => s.clone(),
                    (None, None) => t.s("not stated", "명시 없음").into(),
                },
            ]);
        };
        for l in &study.costs {
            push(t.s("cost", "비용"), &l.name, l.unit_value.as_ref(), l.source.as_ref());
        }
        for l in &study.benefits {
            push(t.s("benefit", "편익"), &l.name, l.unit_value.as_ref(), l.source.as_ref());
        }
        for l in &study.revenues {
            push(t.s("revenue", "수입"), &l.name, l.unit_value.as_ref(), l.source.as_ref());
        }
        let cols = [
            Col { head: t.s("List", "구분"), width: 9.0, align: Align::Left },
            Col { head: t.s("Line", "항목"), width: 28.0, align: Align::Left },
            Col { head: t.s("Unit value (KRW)", "원단위 (원)"), width: 20.0, align: Align::Left },
            Col { head: t.s("Source", "출처"), width: 43.0, align: Align::Left },
        ];
        w.table(&cols, &rows, 7.5);
    }
    w.h2(t.s("Appendix B. Method notes", "부록 B. 방법론"));
    w.para(t.s(
        "Discounting: a flow in year y is multiplied by DF(y) = Π_{k=base+1..y} 1/(1+r_k), where r_k is the rate of the last schedule step starting at or before year k; with one step this is 1/(1+r)^(y−base). NPV = PV(benefits) − PV(costs); B/C = PV(benefits) / PV(costs); IRR is the rate at which the net flow's NPV is zero, reported only when unique.",
        "할인: 연도 y의 흐름에 DF(y) = Π_{k=기준+1..y} 1/(1+r_k)를 곱한다. r_k는 k년 이전에 시작한 마지막 할인율 구간의 값이며, 구간이 하나이면 1/(1+r)^(y−기준연도)와 같다. NPV = 편익 현재가치 − 비용 현재가치, B/C = 편익 현재가치 / 비용 현재가치, IRR은 순현금흐름의 NPV를 0으로 만드는 할인율(해가 유일할 때만 표시).",
    ), 9.0, INK);
    w.para(t.s(
        "Convention: constant prices of the base year (real terms); flows at the end of each year; money in KRW, shown in millions.",
        "전제: 기준연도 불변가격(실질), 연말 발생, 금액 단위 원(표에서는 백만원).",
    ), 9.0, INK);
    w.para(t.s(
        "AHP: each evaluator compares the criteria pairwise on Saaty's 1–9 scale; priorities are the principal right eigenvector of each matrix (or the normalised row geometric means), λmax from the same vector, CI = (λmax − n)/(n − 1), CR = CI/RI. The panel is aggregated by the geometric mean of individual judgements (AIJ) or by the mean of individual priorities (AIP). Criterion weights are then held within the rule set's allowed ranges; the score range is the lowest and highest score over all weights in those ranges. A score of at least 0.5 for \"implement\" means the project is recommended.",
        "AHP: 각 평가자가 Saaty의 1–9 척도로 기준을 쌍대비교한다. 우선순위는 각 행렬의 주고유벡터(또는 행 기하평균의 정규화)이며, λmax는 같은 벡터로 구하고 CI = (λmax − n)/(n − 1), CR = CI/RI 이다. 평가단 종합은 개별 판단의 기하평균(AIJ) 또는 개별 우선순위의 평균(AIP)으로 한다. 기준 가중치는 지침의 허용 범위 안으로 조정하며, 점수 범위는 그 범위 안의 모든 가중치에서의 최저·최고 점수이다. '시행' 점수가 0.5 이상이면 사업 추진이 타당하다.",
    ), 9.0, INK);
    let ri: &[f64] = a.rules.set.ahp.as_ref().map_or(&[], |h| &h.random_index.value);
    if ri.len() > 2 {
        let heads: Vec<String> = (1..=ri.len()).map(|n| format!("n={n}")).collect();
        let mut cols = vec![Col { head: "", width: 12.0, align: Align::Left }];
        for h in &heads {
            cols.push(Col { head: h, width: 6.0, align: Align::Right });
        }
        let mut row = vec!["RI".to_owned()];
        row.extend(ri.iter().map(|v| format!("{v:.2}")));
        w.table(&cols, &[row], 7.0);
    }
    w.h2(t.s("Appendix C. Provenance", "부록 C. 재현 정보"));
    kv(
        w,
        t,
        vec![
            (t.s("Yeta version", "Yeta 버전").into(), a.yeta_version.into()),
            (t.s("Rule set", "지침").into(), a.rules.set.id.clone()),
            (t.s("Study SHA-256", "조사자료 SHA-256").into(), hash.into()),
            (t.s("Embedded study file", "첨부 파일").into(), STUDY_FILE_NAME.into()),
            (
                t.s("Monte Carlo seed and draws", "몬테카를로 난수 시드·반복 수").into(),
                risk.map_or(t.s("not run", "수행하지 않음").into(), |r| {
                    format!("{} · {}", r.seed, thousands(r.draws as f64, 0))
                }),
            ),
        ],
    );
}

fn signoff_page(w: &mut Writer<'_>, t: &T) {
    w.h1(t.s("Sign-off", "검토 서명"));
    w.para(t.s(
        "Each reviewer signs this report with a PAdES digital signature (yeta sign). A signature covers every byte of the document, including the attached study; any later change makes verification fail. The boxes below show each signature's reviewer, role, date and certificate fingerprint.",
        "검토자는 PAdES 전자서명으로 이 보고서에 서명합니다(yeta sign). 서명은 첨부된 조사자료를 포함한 문서의 모든 바이트를 보호하며, 이후 변경되면 검증이 실패합니다. 아래 칸에 서명자, 역할, 일시, 인증서 지문이 표시됩니다.",
    ), 9.5, INK);
    for k in 0..6 {
        let r = slot_rect(k);
        w.rect_stroke(r[0], r[1], r[2] - r[0], r[3] - r[1], RULE, 0.6);
        w.text(r[0] + 6.0, r[1] - 11.0, 7.5, false, GREY, &format!("{} {}", t.s("Reviewer", "검토자"), k + 1));
    }
    let _ = TOP;
}
