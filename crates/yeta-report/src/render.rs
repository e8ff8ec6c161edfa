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

/// The unit of money in the report's tables (금액 단위), one per report, stated in each caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// 백만원 (KRW million): the unit of KDI's PFS tables.
    #[default]
    Million,
    /// 억원 (KRW 100 million).
    Eok,
}

impl std::str::FromStr for Unit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "백만원" | "million" | "m" => Ok(Unit::Million),
            "억원" | "억" | "eok" => Ok(Unit::Eok),
            _ => Err(format!("unit \"{s}\": use 백만원 (million) or 억원 (eok)")),
        }
    }
}

impl Unit {
    fn divisor(self) -> Decimal {
        match self {
            Unit::Million => Decimal::from(1_000_000),
            Unit::Eok => Decimal::from(100_000_000),
        }
    }
}

/// How to render a report beyond the appraisal itself.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// The reader's language.
    pub lang: Lang,
    /// The Monte Carlo result, for the risk section.
    pub risk: Option<&'a yeta_core::risk::RiskResult>,
    /// The unit of money in the tables.
    pub unit: Unit,
    /// The report date (작성일), `YYYY-MM-DD`; overrides the study's `project.report_date`.
    /// Never the clock, so the same inputs give the same bytes.
    pub date: Option<String>,
    /// The ex-post evaluation (사후평가) against the signed-off ex-ante appraisal, for a study with
    /// an outturn: a chapter of its own before the conclusion.
    pub expost: Option<&'a yeta_core::expost::ExPost>,
}

/// The report's words: the catalog's `report-*` messages in the reader's language with the
/// money unit filled in.
pub(crate) struct T {
    pub(crate) lang: Lang,
    pub(crate) unit: Unit,
    msgs: std::collections::HashMap<&'static str, String>,
}

impl T {
    pub(crate) fn new(lang: Lang, unit: Unit) -> Self {
        let cat = Self::catalog_of(lang);
        let unit_label = cat.text(match unit {
            Unit::Million => "unit-million",
            Unit::Eok => "unit-eok",
        });
        let msgs = yeta_i18n::ids(cat.lang())
            .map(|id| (id, cat.get(id).unwrap_or(id).replace("{ $unit }", &unit_label)))
            .collect();
        T { lang, unit, msgs }
    }

    fn catalog_of(lang: Lang) -> &'static yeta_i18n::Catalog {
        yeta_i18n::catalog(match lang {
            Lang::En => yeta_i18n::Lang::En,
            Lang::Ko => yeta_i18n::Lang::Ko,
        })
    }

    /// The message catalog of the report's language: every diagnostic and verdict sentence.
    pub(crate) fn cat(&self) -> &'static yeta_i18n::Catalog {
        Self::catalog_of(self.lang)
    }

    /// The report message `id` (`locales/*-report.ftl`); a test checks that every id the report
    /// uses is in both catalogs.
    pub(crate) fn m(&self, id: &str) -> &str {
        self.msgs.get(id).map_or("?", String::as_str)
    }

    /// The report message `id` with `{ $name }` placeholders filled.
    pub(crate) fn f(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut s = self.m(id).to_owned();
        for (k, v) in args {
            s = s.replace(&format!("{{ ${k} }}"), v);
        }
        s
    }

    /// An amount in the report's unit, one decimal, thousands grouped.
    pub(crate) fn amt(&self, d: Decimal) -> String {
        let v = d.checked_div(self.unit.divisor()).unwrap_or_default();
        thousands(to_f64(v), 1)
    }

    /// The unit's name: 백만원, 억원.
    pub(crate) fn unit_label(&self) -> String {
        self.cat().text(match self.unit {
            Unit::Million => "unit-million",
            Unit::Eok => "unit-eok",
        })
    }

    /// The caption that states a table's unit: "(단위: 백만원)".
    pub(crate) fn unit_caption(&self) -> String {
        self.m("report-unit-caption").to_owned()
    }
}

pub(crate) fn to_f64(d: Decimal) -> f64 {
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
    render_opts(a, study_text, &Options::new(lang))
}

/// [`render`], with a section on the Monte Carlo risk analysis when `risk` is given; its seed and
/// draws join the provenance stamp so the run can be repeated.
pub fn render_with_risk(
    a: &Appraisal,
    study_text: &str,
    lang: Lang,
    risk: Option<&yeta_core::risk::RiskResult>,
) -> Result<Vec<u8>, ReportError> {
    render_opts(a, study_text, &Options { risk, ..Options::new(lang) })
}

impl Options<'_> {
    /// The defaults: tables in 백만원, the study's own report date, no risk section.
    pub fn new(lang: Lang) -> Self {
        Options { lang, risk: None, unit: Unit::Million, date: None, expost: None }
    }
}

/// Lays the whole document out with `toc` pages reserved for the table of contents.
#[allow(clippy::too_many_arguments)]
fn layout<'f>(
    fonts: &'f Fonts,
    a: &Appraisal,
    study: Option<&yeta_core::Study>,
    risk: Option<&yeta_core::risk::RiskResult>,
    expost: Option<&yeta_core::expost::ExPost>,
    json: &Value,
    t: &T,
    hash_hex: &str,
    date: Option<&str>,
    toc: usize,
) -> Writer<'f> {
    let mut w = Writer::new(fonts);
    cover(&mut w, a, t, date);
    for _ in 0..toc {
        w.new_page();
    }
    summary(&mut w, a, t);
    crate::sections::overview(&mut w, a, study, t);
    crate::sections::investment(&mut w, a, study, t);
    crate::sections::benefits(&mut w, a, study, t);
    economic(&mut w, a, t);
    if let Some(x) = &a.alternatives {
        crate::sections::alternatives(&mut w, x, t);
    }
    if let Some(x) = &a.cost_effectiveness {
        crate::sections::cost_effectiveness(&mut w, x, t);
    }
    if let Some(r) = risk {
        crate::stages::risk(&mut w, r, t);
    }
    financial(&mut w, a, t);
    if let Some(p) = &a.policy {
        crate::stages::policy(&mut w, p, a.regional.is_none(), t);
    }
    if let Some(r) = &a.regional {
        crate::stages::regional(&mut w, r, t);
    }
    if let Some(e) = &a.environment {
        crate::stages::environment(&mut w, e, study, t);
    }
    if let Some(h) = &a.ahp {
        crate::stages::ahp(&mut w, h, t);
    }
    if let Some(x) = expost {
        crate::sections::expost(&mut w, x, t);
    }
    crate::sections::conclusion(&mut w, a, risk, t);
    appendix(&mut w, a, study, risk, json, t, hash_hex);
    signoff_page(&mut w, t);
    w.new_page();
    w
}

/// [`render`] with every option: the language, the risk section, the money unit of the tables
/// and the report date.
pub fn render_opts(a: &Appraisal, study_text: &str, o: &Options<'_>) -> Result<Vec<u8>, ReportError> {
    let fonts = fonts()?;
    let t = T::new(o.lang, o.unit);
    let risk = o.risk;
    let hash = Sha256::digest(study_text.as_bytes());
    let hash_hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    let json: Value = serde_json::to_value(a).unwrap_or(Value::Null);
    let study = yeta_core::Study::from_json(study_text).ok();
    let date = o.date.clone().or_else(|| study.as_ref().and_then(|s| s.project.report_date.clone()));
    // The 목차 needs the page numbers, which need the 목차's length: lay out again if it grew.
    let mut toc = 1;
    let mut w = loop {
        let w = layout(fonts, a, study.as_ref(), risk, o.expost, &json, &t, &hash_hex, date.as_deref(), toc);
        let need = crate::sections::toc_pages(&w.headings, toc);
        if need <= toc {
            break w;
        }
        toc = need;
    };
    let headings = w.headings.clone();
    crate::sections::toc(&mut w, &headings, 1, toc, &t);

    // Running header and provenance footer on every page but the cover.
    let n = w.pages.len();
    let running =
        format!("{} — {}", short(&a.study.name, 60), t.m("report-preliminary-feasibility-study-appraisal-report"));
    let stamp = format!(
        "Yeta {} · {} {}{} · {} SHA-256 {}",
        a.yeta_version,
        t.m("report-rule-set"),
        a.rules.set.id,
        risk.map_or(String::new(), |r| format!(" · {} {}", t.m("report-seed"), r.seed)),
        t.m("report-study"),
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
    finish(&mut lo, a, study_text, &hash, o.lang, &headings)?;
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

pub(crate) fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_owned() } else { s.chars().take(max - 1).collect::<String>() + "…" }
}

/// Fixed metadata, fixed ID, the study as an attachment.
fn finish(
    lo: &mut lopdf::Document,
    a: &Appraisal,
    study: &str,
    hash: &[u8],
    lang: Lang,
    headings: &[crate::layout::Heading],
) -> Result<(), ReportError> {
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
    outline(lo, root, headings)?;
    Ok(())
}

/// PDF bookmarks (/Outlines) for every chapter and its sections, each opening its page at the
/// heading, so a reader navigates the report as its 목차 lists it.
fn outline(
    lo: &mut lopdf::Document,
    root: lopdf::ObjectId,
    headings: &[crate::layout::Heading],
) -> Result<(), ReportError> {
    if headings.is_empty() {
        return Ok(());
    }
    let pages = lo.get_pages();
    let page_id = |i: usize| pages.get(&(u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1))).copied();
    let outlines_id = lo.new_object_id();
    // Chapters (level 0) with their sections (level 1) as children.
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        if h.level == 0 || tree.is_empty() {
            tree.push((i, Vec::new()));
        } else if let Some(last) = tree.last_mut() {
            last.1.push(i);
        }
    }
    let ids: Vec<lopdf::ObjectId> = headings.iter().map(|_| lo.new_object_id()).collect();
    let item = |i: usize, parent: lopdf::ObjectId, prev: Option<usize>, next: Option<usize>| -> Option<Dictionary> {
        let h = &headings[i];
        let page = page_id(h.page)?;
        let mut d = Dictionary::new();
        d.set("Title", Object::String(crate::pdfobj::text_string(&h.title), StringFormat::Literal));
        d.set("Parent", Object::Reference(parent));
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(h.y),
                Object::Null,
            ]),
        );
        if let Some(p) = prev {
            d.set("Prev", Object::Reference(ids[p]));
        }
        if let Some(n) = next {
            d.set("Next", Object::Reference(ids[n]));
        }
        Some(d)
    };
    let mut count = 0i64;
    for (k, (ch, kids)) in tree.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| tree[j].0);
        let next = tree.get(k + 1).map(|x| x.0);
        let Some(mut d) = item(*ch, outlines_id, prev, next) else { continue };
        if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[f]));
            d.set("Last", Object::Reference(ids[l]));
            // Negative: the chapter opens closed.
            d.set("Count", Object::Integer(-(kids.len() as i64)));
        }
        for (j, &kid) in kids.iter().enumerate() {
            let prev = j.checked_sub(1).map(|x| kids[x]);
            let next = kids.get(j + 1).copied();
            if let Some(kd) = item(kid, ids[*ch], prev, next) {
                lo.objects.insert(ids[kid], Object::Dictionary(kd));
            }
        }
        lo.objects.insert(ids[*ch], Object::Dictionary(d));
        count += 1;
    }
    let mut o = Dictionary::new();
    o.set("Type", Object::Name(b"Outlines".to_vec()));
    o.set("First", Object::Reference(ids[tree[0].0]));
    o.set("Last", Object::Reference(ids[tree[tree.len() - 1].0]));
    o.set("Count", Object::Integer(count));
    lo.objects.insert(outlines_id, Object::Dictionary(o));
    let cat = lo.get_dictionary_mut(root).map_err(|e| ReportError::Pdf(e.to_string()))?;
    cat.set("Outlines", Object::Reference(outlines_id));
    cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
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

fn cover(w: &mut Writer<'_>, a: &Appraisal, t: &T, date: Option<&str>) {
    w.rect(0.0, PH - 250.0, PW, 250.0, NAVY);
    w.text(ML, PH - 90.0, 13.0, false, (0.8, 0.86, 0.95), t.m("report-preliminary-feasibility-study"));
    w.text(ML, PH - 112.0, 11.0, false, (0.8, 0.86, 0.95), t.m("report-appraisal-report"));
    let mut y = PH - 150.0;
    for l in w.wrap(&a.study.name, 22.0, true, XR - ML) {
        w.text(ML, y, 22.0, true, (1.0, 1.0, 1.0), &l);
        y -= 29.0;
    }
    let bc = ratio(a.economic.bc_ratio);
    let ko = t.lang == Lang::Ko;
    let date = date.map_or_else(|| t.m("report-date-not-given").to_owned(), |d| crate::sections::long_date(d, t));
    let rows = [
        (t.m("report-sponsor"), a.study.sponsor.clone()),
        (t.m("report-sector"), t.cat().code("sector", a.study.sector.code())),
        (t.m("report-region"), a.study.region.name(ko).to_owned()),
        (t.m("report-base-year"), a.study.base_year.to_string()),
        (t.m("report-analysis-period"), format!("{}–{}", a.study.first_year, a.study.last_year)),
        (t.m("report-rule-set-2"), a.rules.set.id.clone()),
        (t.m("report-b-c-ratio"), bc),
        (t.m("report-date"), date),
        (t.m("report-status"), t.m("report-draft-sign-off-page-at-the").to_owned()),
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
    w.text(ML, BOTTOM + 20.0, 9.0, false, GREY, t.m("report-produced-with-yeta-a-workbench-for"));
    w.new_page();
}

/// The verdict in the report's language, from the message catalog.
fn verdict_text(a: &Appraisal, t: &T) -> String {
    t.cat().verdict(a)
}

pub(crate) fn kv(w: &mut Writer<'_>, t: &T, rows: Vec<(String, String)>) {
    let cols = [
        Col { head: t.m("report-item"), width: 45.0, align: Align::Left },
        Col { head: t.m("report-value"), width: 55.0, align: Align::Left },
    ];
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(k, v)| vec![k, v]).collect();
    w.table(&cols, &rows, 9.0);
}

fn summary(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    w.h1(t.m("report-executive-summary"));
    let ok = a.verdict.implement;
    let verdict = if ok { t.m("report-recommended-for-implementation") } else { t.m("report-not-recommended") };
    w.banner(ok, verdict, 14.0, &verdict_text(a, t), 10.0);

    // Key figures as tiles.
    let e = &a.economic;
    let tiles = [
        ("B/C", ratio(e.bc_ratio)),
        (t.m("report-npv-krw-m"), t.amt(e.npv)),
        ("IRR", pct(e.irr)),
        (t.m("report-ahp-score"), a.verdict.ahp_score.map_or("—".into(), |s| format!("{s:.3}"))),
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

    w.h2(t.m("report-key-figures"));
    let mut rows = vec![
        (t.m("report-pv-of-benefits-krw-m").to_owned(), t.amt(e.pv_benefits)),
        (t.m("report-pv-of-costs-krw-m").to_owned(), t.amt(e.pv_costs)),
        (t.m("report-net-present-value-krw-m").to_owned(), t.amt(e.npv)),
        (t.m("report-benefit-cost-ratio").to_owned(), ratio(e.bc_ratio)),
        (t.m("report-b-c-threshold").to_owned(), format!("{:.2}", e.bc_threshold)),
        (t.m("report-internal-rate-of-return").to_owned(), pct(e.irr)),
        (t.m("report-payback-year").to_owned(), e.payback_year.map_or("—".into(), |y| y.to_string())),
        (t.m("report-financial-npv-krw-m").to_owned(), t.amt(a.financial.fnpv)),
    ];
    if let Some([lo, hi]) = a.verdict.score_range {
        rows.push((t.m("report-ahp-score-range").to_owned(), format!("{lo:.3}–{hi:.3}")));
    }
    kv(w, t, rows);

    w.h2(t.m("report-main-risks-and-warnings"));
    if a.warnings.is_empty() && a.financial.flags.is_empty() {
        w.para(t.m("report-no-warnings"), 9.5, INK);
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
                t.m("report-switching-values-costs"),
                c,
                t.m("report-or-benefits"),
                b,
                t.m("report-bring-b-c-to-the-threshold"),
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
                    t.m("report-environmental-risk"),
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
                &format!("• {}: {}", t.m("report-environmental-requirements-not-fully-met"), env.compliance_gaps),
                9.5,
                INK,
            );
        }
    }
}

fn economic(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    let e = &a.economic;
    w.chapter(t.m("report-economic-analysis"));
    w.h2(t.m("report-assumptions"));
    let sched = e
        .discount_schedule
        .steps
        .iter()
        .map(|s| format!("{}: {:.2} %", s.from_year, to_f64(s.rate) * 100.0))
        .collect::<Vec<_>>()
        .join(", ");
    let mut rows = vec![
        (t.m("report-discount-rate-schedule-from-year").into(), sched),
        (t.m("report-price-basis").into(), t.cat().text("convention-prices")),
        (t.m("report-timing").into(), t.cat().text("convention-timing")),
        (t.m("report-discount-factor").into(), t.m("report-see-method-notes").to_owned()),
        (t.m("report-b-c-threshold").into(), format!("{:.2}", e.bc_threshold)),
    ];
    if let Some(ob) = &a.optimism_bias {
        rows.push((
            t.m("report-optimism-bias-green-book").into(),
            format!(
                "+{:.0} % {} ({}) — {}",
                to_f64(ob.uplift) * 100.0,
                t.m("report-on-capex"),
                ob.project_type.code(),
                ob.source
            ),
        ));
    }
    kv(w, t, rows);
    w.h2(t.m("report-results"));
    kv(
        w,
        t,
        vec![
            (t.m("report-pv-of-benefits-krw-m").into(), t.amt(e.pv_benefits)),
            (t.m("report-pv-of-costs-krw-m").into(), t.amt(e.pv_costs)),
            (t.m("report-npv-krw-m").into(), t.amt(e.npv)),
            ("B/C".into(), ratio(e.bc_ratio)),
            ("IRR".into(), t.cat().irr(&e.irr_detail)),
        ],
    );
    w.h2(t.m("report-cash-flow-by-year"));
    cash_flow_chart(w, a, t);
    let cols = [
        Col { head: t.m("report-year"), width: 8.0, align: Align::Left },
        Col { head: t.m("report-costs"), width: 13.0, align: Align::Right },
        Col { head: t.m("report-benefits"), width: 13.0, align: Align::Right },
        Col { head: t.m("report-net"), width: 13.0, align: Align::Right },
        Col { head: t.m("report-df"), width: 9.0, align: Align::Right },
        Col { head: t.m("report-pv-costs"), width: 13.0, align: Align::Right },
        Col { head: t.m("report-pv-benefits"), width: 13.0, align: Align::Right },
        Col { head: t.m("report-cumulative-pv-net"), width: 15.0, align: Align::Right },
    ];
    w.caption_right(&t.unit_caption());
    let rows: Vec<Vec<String>> = e
        .cash_flow
        .iter()
        .map(|r| {
            vec![
                r.year.to_string(),
                t.amt(r.costs),
                t.amt(r.benefits),
                t.amt(r.net),
                format!("{:.4}", r.discount_factor),
                t.amt(r.pv_costs),
                t.amt(r.pv_benefits),
                t.amt(r.cumulative_pv_net),
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.0);

    w.h2(t.m("report-sensitivity-analysis"));
    let cols = [
        Col { head: t.m("report-case"), width: 26.0, align: Align::Left },
        Col { head: t.m("report-pv-benefits"), width: 16.0, align: Align::Right },
        Col { head: t.m("report-pv-costs"), width: 16.0, align: Align::Right },
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
                t.amt(r.pv_benefits),
                t.amt(r.pv_costs),
                t.amt(r.npv),
                ratio(r.bc_ratio),
                pct(r.irr),
            ]
        })
        .collect();
    w.table(&cols, &rows, 8.5);
    tornado(w, a, t);
    w.h2(t.m("report-switching-values"));
    let sv = &e.switching_values;
    kv(
        w,
        t,
        vec![
            (
                t.m("report-change-in-costs-that-makes-b").into(),
                sv.costs_pct.map_or("—".into(), |v| format!("{v:+.2} %")),
            ),
            (
                t.m("report-change-in-benefits-that-makes-b").into(),
                sv.benefits_pct.map_or("—".into(), |v| format!("{v:+.2} %")),
            ),
            (t.m("report-discount-rate-that-makes-npv-0").into(), pct(sv.discount_rate)),
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
    w.text(ML, w.y - 8.0, 8.5, true, NAVY, t.m("report-costs-and-benefits-by-year-krw"));
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
    w.text(x1 - 138.0, ly, 7.0, false, INK, t.m("report-benefits"));
    w.rect(x1 - 80.0, ly, 8.0, 6.0, (0.85, 0.35, 0.25));
    w.text(x1 - 68.0, ly, 7.0, false, INK, t.m("report-costs"));
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
            t.m("report-costs")
        } else if (r.benefit_factor - 1.0).abs() > 1e-9 {
            t.m("report-benefits")
        } else if r.rate_shift_pp.abs() > 1e-9 {
            t.m("report-discount-rate")
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
    w.text(ML, w.y - 8.0, 8.5, true, NAVY, t.m("report-tornado-chart-b-c-under-the"));
    let lo = groups.iter().map(|g| g.1).fold(base, f64::min).min(e.bc_threshold);
    let hi = groups.iter().map(|g| g.2).fold(base, f64::max).max(e.bc_threshold);
    let pad = (hi - lo).max(0.05) * 0.1;
    let (lo, hi) = (lo - pad, hi + pad);
    let (x0, x1) = (ML + 100.0, XR - 30.0);
    let xv = |v: f64| x0 + ((v - lo) / (hi - lo)) as f32 * (x1 - x0);
    let top = w.y - 24.0;
    let bottom = top - groups.len() as f32 * (bar_h + 8.0);
    // The threshold line first, so the bars' value labels (on a white ground) sit above it.
    let th = xv(e.bc_threshold);
    w.line(&[(th, top + 2.0), (th, bottom)], (0.6, 0.1, 0.1), 0.6);
    for (i, (name, l, u)) in groups.iter().enumerate() {
        let y = top - (i as f32 + 1.0) * (bar_h + 8.0) + 8.0;
        w.text_right(x0 - 8.0, y + 5.0, 8.5, false, INK, name);
        w.rect(xv(*l), y, xv(base) - xv(*l), bar_h, (0.85, 0.35, 0.25));
        w.rect(xv(base), y, xv(*u) - xv(base), bar_h, (0.20, 0.50, 0.75));
        for (v, right) in [(*l, true), (*u, false)] {
            let label = format!("{v:.2}");
            let lw = w.width(&label, 7.0, false);
            let x = if right { xv(v) - 3.0 - lw } else { xv(v) + 3.0 };
            w.rect(x - 1.0, y + 3.0, lw + 2.0, 9.0, (1.0, 1.0, 1.0));
            w.text(x, y + 5.0, 7.0, false, GREY, &label);
        }
    }
    w.line(&[(xv(base), top + 2.0), (xv(base), bottom)], INK, 0.8);
    // Labels under the axis: the base case and the threshold, on two rows when they would touch.
    let base_label = format!("{} {base:.2}", t.m("report-base"));
    let th_label = format!("{} {:.2}", t.m("report-threshold"), e.bc_threshold);
    let (bw, tw) = (w.width(&base_label, 7.0, false), w.width(&th_label, 7.0, false));
    let apart = (xv(base) - th).abs() > (bw + tw) / 2.0 + 6.0;
    w.text_center(xv(base), bottom - 11.0, 7.0, false, INK, &base_label);
    w.text_center(th, bottom - if apart { 11.0 } else { 21.0 }, 7.0, false, (0.6, 0.1, 0.1), &th_label);
    w.y = bottom - 30.0;
}

fn financial(w: &mut Writer<'_>, a: &Appraisal, t: &T) {
    let f = &a.financial;
    w.chapter(t.m("report-financial-analysis"));
    kv(
        w,
        t,
        vec![
            (
                t.m("report-applicable-the-project-earns-revenue").into(),
                if f.applicable { t.m("report-yes") } else { t.m("report-no") }.into(),
            ),
            (t.m("report-financial-discount-rate").into(), pct(Some(f.discount_rate))),
            (t.m("report-pv-of-revenues-krw-m").into(), t.amt(f.pv_revenues)),
            (t.m("report-pv-of-costs-krw-m").into(), t.amt(f.pv_costs)),
            (t.m("report-financial-npv-krw-m").into(), t.amt(f.fnpv)),
            (t.m("report-profitability-index").into(), ratio(f.profitability_index)),
            (t.m("report-financial-irr").into(), pct(f.firr)),
            (
                t.m("report-financing-risk").into(),
                t.cat()
                    .code("financing-risk", &compact(&serde_json::to_value(f.financing_risk).unwrap_or(Value::Null))),
            ),
        ],
    );
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

fn appendix(
    w: &mut Writer<'_>,
    a: &Appraisal,
    study: Option<&yeta_core::Study>,
    risk: Option<&yeta_core::risk::RiskResult>,
    json: &Value,
    t: &T,
    hash: &str,
) {
    w.h1(t.m("report-rule-set-and-sources"));
    w.para(&format!("{} — {}", a.rules.set.id, a.rules.set.title), 10.0, INK);
    if let Some(rules) = json.get("rules") {
        crate::rules_table::rules(w, rules, t);
    }
    if !a.rules.overrides.is_empty() {
        w.h2(t.m("report-overrides-by-this-study"));
        let cols = [
            Col { head: t.m("report-parameter"), width: 30.0, align: Align::Left },
            Col { head: t.m("report-value"), width: 25.0, align: Align::Left },
            Col { head: t.m("report-reason"), width: 45.0, align: Align::Left },
        ];
        let rows: Vec<Vec<String>> = a
            .rules
            .overrides
            .iter()
            .map(|o| {
                let id = format!("rule-{}", o.field.replace(['.', '_'], "-"));
                let value = match o.value.as_str() {
                    "true" => t.m("report-yes").to_owned(),
                    "false" => t.m("report-no").to_owned(),
                    v => v.to_owned(),
                };
                let reason = if o.field == "social_discount" && o.reason == "the study's own parameters.discount" {
                    t.m("report-override-own-discount").to_owned()
                } else {
                    o.reason.clone()
                };
                vec![t.cat().get(&id).map_or_else(|| o.field.clone(), str::to_owned), value, reason]
            })
            .collect();
        w.table(&cols, &rows, 8.0);
    }
    if let Some(study) = study {
        w.h2(t.m("report-sources-of-the-cost-benefit-and"));
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
                    (None, None) => t.m("report-not-stated").into(),
                },
            ]);
        };
        for l in &study.costs {
            push(t.m("report-cost"), &l.name, l.unit_value.as_ref(), l.source.as_ref());
        }
        for l in &study.benefits {
            push(t.m("report-benefit"), &l.name, l.unit_value.as_ref(), l.source.as_ref());
        }
        for l in &study.revenues {
            push(t.m("report-revenue"), &l.name, l.unit_value.as_ref(), l.source.as_ref());
        }
        let cols = [
            Col { head: t.m("report-list"), width: 9.0, align: Align::Left },
            Col { head: t.m("report-line"), width: 28.0, align: Align::Left },
            Col { head: t.m("report-unit-value-krw"), width: 20.0, align: Align::Left },
            Col { head: t.m("report-source-2"), width: 43.0, align: Align::Left },
        ];
        w.table(&cols, &rows, 7.5);
    }
    w.h2(t.m("report-method-notes"));
    w.para(t.m("report-convention-constant-prices-of-the-base"), 9.0, INK);
    w.para(t.m("report-discounting-a-flow-in-year-y"), 9.0, INK);
    for f in ["formula-df", "formula-npv", "formula-bc", "formula-irr"] {
        w.formula(t.m(f), 10.0);
    }
    w.para(t.m("report-discounting-symbols"), 8.5, GREY);
    w.para(t.m("report-ahp-each-evaluator-compares-the-criteria"), 9.0, INK);
    for f in ["formula-ci", "formula-score"] {
        w.formula(t.m(f), 10.0);
    }
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
    w.h2(t.m("report-provenance"));
    kv(
        w,
        t,
        vec![
            (t.m("report-yeta-version").into(), a.yeta_version.into()),
            (t.m("report-rule-set-3").into(), a.rules.set.id.clone()),
            (t.m("report-study-sha-256").into(), hash.into()),
            (t.m("report-embedded-study-file").into(), STUDY_FILE_NAME.into()),
            (
                t.m("report-monte-carlo-seed-and-draws").into(),
                risk.map_or(t.m("report-not-run").into(), |r| format!("{} · {}", r.seed, thousands(r.draws as f64, 0))),
            ),
        ],
    );
}

fn signoff_page(w: &mut Writer<'_>, t: &T) {
    w.h1(t.m("report-sign-off"));
    w.para(t.m("report-each-reviewer-signs-this-report-with"), 9.5, INK);
    for k in 0..6 {
        let r = slot_rect(k);
        w.rect_stroke(r[0], r[1], r[2] - r[0], r[3] - r[1], RULE, 0.6);
        w.text(r[0] + 6.0, r[1] - 11.0, 7.5, false, GREY, &format!("{} {}", t.m("report-reviewer"), k + 1));
    }
    let _ = TOP;
}
