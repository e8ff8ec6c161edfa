//! Verification by revision: each signature is found through the AcroForm fields, its
//! `/ByteRange` must cover exactly its own revision except the `/Contents` hole, and every change
//! made in later revisions must be one that adding a signature needs (DocMDP level 2 without
//! form filling): a new signature field and widget in the sign-off area, its signature
//! dictionary, appearance stream and fonts, the AcroForm `/Fields` and `/SigFlags`, the page's
//! `/Annots` gaining the widget, and the catalog pointing at the new AcroForm. Anything else is
//! named, object by object, and makes the signature "valid, but the document was changed after
//! it". Objects are compared as each revision's own cross-reference view resolves them, so an
//! update that re-points an object number (shadowing) is a change like any other.

use crate::pdfread::{self, Entry, Obj, ParseError, Pdf, differing_keys, get, same};
use crate::sign::{SignerInfo, VerifyError, check_cms, slot_rect};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;
use x509_cert::Certificate;

/// What one signature's check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigStatus {
    /// The signature matches its revision and nothing but allowed changes came after it.
    Valid,
    /// The signature matches its revision, but later revisions changed what it signed.
    ChangedAfter(Vec<String>),
    /// The signature itself does not hold: malformed, wrong byte range, or bad cryptography.
    Invalid(String),
}

/// One signature of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureCheck {
    /// 1-based, in the order of the AcroForm fields.
    pub index: usize,
    /// The field's name (`/T`).
    pub field: String,
    /// 1-based revision the signature closes (0 when it matches none).
    pub revision: usize,
    /// The verdict.
    pub status: SigStatus,
    /// Signer details when the signature's cryptography holds.
    pub info: Option<SignerInfo>,
    /// The certificates the CMS structure carries (the signer's first when present).
    pub chain: Vec<Certificate>,
    /// `Some(P)` when this is the certification (DocMDP) signature.
    pub certification: Option<i64>,
}

/// Every signature of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The signatures in field order.
    pub signatures: Vec<SignatureCheck>,
    /// Number of revisions (1 + incremental updates).
    pub revisions: usize,
    /// Bytes after the end of the last revision.
    pub trailing: usize,
}

impl Verification {
    /// Every signature valid and nothing changed after any of them.
    pub fn is_valid(&self) -> bool {
        !self.signatures.is_empty() && self.signatures.iter().all(|s| s.status == SigStatus::Valid)
    }
}

fn structure(e: ParseError) -> VerifyError {
    VerifyError::Structure(e.to_string())
}

/// The box in which signature widgets may appear on the sign-off page (the last page): the
/// union of the first eight slots, with a point of slack.
fn in_sign_area(r: [f64; 4]) -> bool {
    let lo = slot_rect(6);
    let hi = slot_rect(1);
    let (x0, y0, x1, y1) =
        (f64::from(lo[0]) - 1.0, f64::from(lo[1]) - 1.0, f64::from(hi[2]) + 1.0, f64::from(hi[3]) + 1.0);
    r[0] >= x0 && r[1] >= y0 && r[2] <= x1 && r[3] <= y1
}

fn num(o: &Obj) -> Option<f64> {
    match o {
        Obj::Int(i) => Some(*i as f64),
        Obj::Real(r) => Some(*r),
        _ => None,
    }
}

fn rect(o: Option<&Obj>) -> Option<[f64; 4]> {
    let Some(Obj::Array(a)) = o else { return None };
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f64> = a.iter().filter_map(num).collect();
    if v.len() != 4 {
        return None;
    }
    Some([v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])])
}

fn text(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let u: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&u)
    } else {
        String::from_utf8_lossy(b).into_owned()
    }
}

/// Signature fields of revision `rev`: (field object, field name, signature object).
fn signature_fields(pdf: &Pdf<'_>, rev: usize) -> Result<Vec<(u32, String, u32)>, ParseError> {
    let (_, cat) = pdf.catalog(rev)?;
    let Some(af) = get(&cat, b"AcroForm") else { return Ok(Vec::new()) };
    let af = pdf.resolve(af, rev)?;
    let Some(af) = af.dict() else { return Ok(Vec::new()) };
    let fields = match get(af, b"Fields") {
        Some(f) => pdf.resolve(f, rev)?,
        None => return Ok(Vec::new()),
    };
    let Obj::Array(fields) = fields.as_ref() else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // (reference, depth, inherited FT is Sig)
    let mut stack: Vec<(Obj, usize, bool)> = fields.iter().rev().map(|f| (f.clone(), 0, false)).collect();
    while let Some((f, depth, inherited)) = stack.pop() {
        let Some(n) = f.reference() else { continue };
        if !seen.insert(n) || depth > pdfread::MAX_DEPTH {
            continue;
        }
        let o = pdf.resolve(&f, rev)?;
        let Some(d) = o.dict() else { continue };
        let is_sig = match get(d, b"FT").and_then(Obj::name) {
            Some(ft) => ft == b"Sig",
            None => inherited,
        };
        if let Some(Obj::Array(kids)) = get(d, b"Kids") {
            for k in kids.iter().rev() {
                stack.push((k.clone(), depth + 1, is_sig));
            }
        }
        if is_sig && let Some(v) = get(d, b"V").and_then(Obj::reference) {
            let name = match get(d, b"T") {
                Some(Obj::Str(s)) => text(s),
                _ => format!("field {n}"),
            };
            out.push((n, name, v));
            if out.len() > pdfread::MAX_SIGNATURES {
                return Err(ParseError {
                    offset: 0,
                    message: format!("more than {} signatures", pdfread::MAX_SIGNATURES),
                });
            }
        }
    }
    Ok(out)
}

/// Checks every signature of `pdf` revision by revision. `Err` only when the file cannot be
/// read at all or has no signature; each signature's own verdict is in the result.
pub fn verify_document(bytes: &[u8]) -> Result<Verification, VerifyError> {
    let pdf = Pdf::parse(bytes).map_err(structure)?;
    let last = pdf.last();
    let fields = signature_fields(&pdf, last).map_err(structure)?;
    if fields.is_empty() {
        return Err(VerifyError::Unsigned);
    }
    let trailing = bytes.len().saturating_sub(pdf.revisions.last().map_or(0, |r| r.end));
    let (_, cat) = pdf.catalog(last).map_err(structure)?;
    let certifying = get(&cat, b"Perms")
        .map(|p| pdf.resolve(p, last))
        .transpose()
        .map_err(structure)?
        .and_then(|p| p.dict().and_then(|d| get(d, b"DocMDP")).and_then(Obj::reference));
    let mut steps: HashMap<usize, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    let mut seen_sigs = HashSet::new();
    for (i, (_field, name, sig)) in fields.iter().enumerate() {
        let index = i + 1;
        let mut check = SignatureCheck {
            index,
            field: name.clone(),
            revision: 0,
            status: SigStatus::Valid,
            info: None,
            chain: Vec::new(),
            certification: None,
        };
        if !seen_sigs.insert(*sig) {
            check.status = SigStatus::Invalid("two fields share one signature dictionary".into());
            out.push(check);
            continue;
        }
        match one_signature(&pdf, *sig, certifying == Some(*sig)) {
            Err(m) => check.status = SigStatus::Invalid(m),
            Ok(one) => {
                check.revision = one.revision + 1;
                check.chain = one.chain;
                check.certification = one.certification;
                if certifying.is_some() && certifying != Some(*sig) && index == 1 {
                    check.status = SigStatus::Invalid(
                        "the catalog's /Perms /DocMDP names a signature that is not the first".into(),
                    );
                } else {
                    let mut changes = changes_after(&pdf, one.revision, &mut steps);
                    if trailing > 0 {
                        changes.push(format!("{trailing} bytes were appended after the file's last revision"));
                    }
                    if one.certification == Some(1) && one.revision < last {
                        changes.push(
                            "the certification signature permits no changes, but the file has later revisions".into(),
                        );
                    }
                    if !changes.is_empty() {
                        check.status = SigStatus::ChangedAfter(changes);
                    }
                }
                check.info = Some(one.info);
            }
        }
        out.push(check);
    }
    Ok(Verification { signatures: out, revisions: pdf.revisions.len(), trailing })
}

struct One {
    revision: usize,
    info: SignerInfo,
    chain: Vec<Certificate>,
    certification: Option<i64>,
}

fn one_signature(pdf: &Pdf<'_>, sig: u32, certifying: bool) -> Result<One, String> {
    let last = pdf.last();
    let bytes = pdf.bytes;
    let Some(Entry::InUse(g, off)) = pdf.entry(sig, last) else {
        return Err("the signature dictionary is missing".into());
    };
    let mut lx = pdfread::Lexer::new(bytes, off);
    if lx.uint() != Some(u64::from(sig)) || lx.uint() != Some(u64::from(g)) || !lx.keyword(b"obj") {
        return Err("the signature dictionary is not where the cross-reference table says".into());
    }
    let entries = lx.dict_spans().map_err(|e| format!("the signature dictionary: {e}"))?;
    let val = |k: &[u8]| entries.iter().find(|e| e.0.as_slice() == k);
    let Some((_, Obj::Str(blob), cs, ce)) = val(b"Contents") else {
        return Err("the signature has no /Contents string".into());
    };
    let Some((_, Obj::Array(br), _, _)) = val(b"ByteRange") else {
        return Err("the signature has no /ByteRange array".into());
    };
    let br: Vec<i64> = br.iter().filter_map(Obj::int).collect();
    let [o1, l1, o2, l2] = br[..] else {
        return Err("/ByteRange does not hold four integers".into());
    };
    let shown = format!("/ByteRange [{o1} {l1} {o2} {l2}]");
    if o1 != 0 || l1 <= 0 || o2 <= l1 || l2 < 0 {
        return Err(format!("{shown} is not [0 a b c] with 0 < a < b"));
    }
    let (l1, o2, l2) = (l1 as u64, o2 as u64, l2 as u64);
    let covered = o2.checked_add(l2).and_then(|c| usize::try_from(c).ok()).unwrap_or(usize::MAX);
    if l1 as usize != *cs || o2 as usize != *ce || bytes.get(*cs) != Some(&b'<') {
        return Err(format!("{shown}: the gap is not exactly the signature's /Contents hex string (bytes {cs}..{ce})"));
    }
    let Some(revision) = pdf.revisions.iter().position(|r| r.end == covered) else {
        return Err(format!(
            "{shown} ends at byte {covered}, which is not the end of any revision of the file (signature wrapping?)"
        ));
    };
    if pdf.entry(sig, revision) != Some(Entry::InUse(g, off)) || off < pdf.revisions[revision].start {
        return Err(format!("the signature dictionary is not part of revision {} that it signs", revision + 1));
    }
    // The CMS structure, then zero padding.
    let len = der::SliceReader::new(blob)
        .ok()
        .and_then(|mut r| <der::Header as der::Decode>::decode(&mut r).ok())
        .and_then(|h| {
            let hl = usize::try_from(u32::from(der::Encode::encoded_len(&h).ok()?)).ok()?;
            usize::try_from(u32::from(h.length)).ok()?.checked_add(hl)
        })
        .ok_or_else(|| "/Contents is not DER".to_owned())?;
    if len > blob.len() || blob[len..].iter().any(|&x| x != 0) {
        return Err("/Contents has bytes after the CMS structure".into());
    }
    let (info, chain) = check_cms(&blob[..len], &bytes[..*cs], &bytes[*ce..covered])
        .map_err(|(signer, m)| if signer == "?" { m } else { format!("{signer}: {m}") })?;
    let field = |k: &[u8]| match val(k) {
        Some((_, Obj::Str(s), _, _)) => Some(text(s)),
        _ => None,
    };
    let mut certification = None;
    if let Some((_, Obj::Array(refs), _, _)) = val(b"Reference") {
        for r in refs {
            let r = pdf.resolve(r, revision).map_err(|e| e.to_string())?;
            let Some(d) = r.dict() else { continue };
            if get(d, b"TransformMethod").and_then(Obj::name) == Some(b"DocMDP") {
                let p = get(d, b"TransformParams")
                    .and_then(|t| pdf.resolve(t, revision).ok())
                    .and_then(|t| t.dict().and_then(|t| get(t, b"P")).and_then(Obj::int))
                    .unwrap_or(2);
                certification = Some(p);
            }
        }
    }
    if certifying && certification.is_none() {
        return Err("the catalog's /Perms names this signature but it has no DocMDP reference".into());
    }
    if !certifying {
        certification = None;
    }
    Ok(One {
        revision,
        info: SignerInfo { reviewer: field(b"Name"), role: field(b"Reason"), date: field(b"M"), covered, ..info },
        chain,
        certification,
    })
}

/// What each object of revision `rev` is, for messages: pages, their content and resources,
/// the embedded study.
fn roles(pdf: &Pdf<'_>, rev: usize) -> HashMap<u32, String> {
    let mut m = HashMap::new();
    let refs = |o: &Obj| -> Vec<u32> {
        match o {
            Obj::Ref(n, _) => vec![*n],
            Obj::Array(a) => a.iter().filter_map(Obj::reference).collect(),
            _ => Vec::new(),
        }
    };
    if let Ok(pages) = pdf.pages(rev) {
        for (i, &p) in pages.iter().enumerate() {
            m.insert(p, format!("page {}", i + 1));
            let Ok(Some(po)) = pdf.get(p, rev) else { continue };
            let Some(d) = po.dict() else { continue };
            if let Some(c) = get(d, b"Contents") {
                for n in refs(c) {
                    m.entry(n).or_insert_with(|| format!("content stream of page {}", i + 1));
                }
                if let Ok(c) = pdf.resolve(c, rev) {
                    for n in refs(&c) {
                        m.entry(n).or_insert_with(|| format!("content stream of page {}", i + 1));
                    }
                }
            }
            if let Some(a) = get(d, b"Annots") {
                for n in refs(a) {
                    m.entry(n).or_insert_with(|| format!("annotation on page {}", i + 1));
                }
            }
            if let Some(r) = get(d, b"Resources") {
                for n in refs(r) {
                    m.entry(n).or_insert_with(|| format!("resources of page {}", i + 1));
                }
                if let Ok(r) = pdf.resolve(r, rev) {
                    for (k, what) in [(b"Font".as_slice(), "font"), (b"XObject", "image or form XObject")] {
                        let Some(sub) = r.dict().and_then(|r| get(r, k)) else { continue };
                        for n in refs(sub) {
                            m.entry(n).or_insert_with(|| format!("{what} dictionary of page {}", i + 1));
                        }
                        if let Ok(sub) = pdf.resolve(sub, rev) {
                            for n in sub.dict().into_iter().flatten().filter_map(|(_, v)| v.reference()) {
                                m.entry(n).or_insert_with(|| format!("{what} used on page {}", i + 1));
                            }
                        }
                    }
                }
            }
        }
    }
    if let Ok((_, cat)) = pdf.catalog(rev) {
        if let Some(names) = get(&cat, b"Names").and_then(|n| pdf.resolve(n, rev).ok())
            && let Some(ef) = names.dict().and_then(|d| get(d, b"EmbeddedFiles"))
        {
            if let Some(n) = ef.reference() {
                m.insert(n, "the embedded files".into());
            }
            if let Some(Obj::Array(a)) =
                pdf.resolve(ef, rev).ok().as_deref().and_then(|t| t.dict()).and_then(|t| get(t, b"Names"))
            {
                for spec in a.iter().filter_map(Obj::reference) {
                    m.insert(spec, "the embedded study's file specification".into());
                    if let Ok(Some(s)) = pdf.get(spec, rev) {
                        let ef = s.dict().and_then(|d| get(d, b"EF")).and_then(|e| pdf.resolve(e, rev).ok());
                        for (_, v) in ef.as_deref().and_then(Obj::dict).into_iter().flatten() {
                            if let Some(n) = v.reference() {
                                m.insert(n, "the embedded study".into());
                            }
                        }
                    }
                }
            }
        }
        if let Some(n) = get(&cat, b"Outlines").and_then(Obj::reference) {
            m.insert(n, "the outline (bookmarks)".into());
        }
    }
    m
}

/// The changes after revision `rev` that adding signatures does not explain, each update
/// checked against the revision before it; `steps` caches each update's verdict.
fn changes_after(pdf: &Pdf<'_>, rev: usize, steps: &mut HashMap<usize, Vec<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for to in rev + 1..pdf.revisions.len() {
        let c = steps.entry(to).or_insert_with(|| {
            step_changes(pdf, to - 1, to)
                .unwrap_or_else(|e| vec![format!("it cannot be read: {e}")])
                .into_iter()
                .map(|m| format!("revision {}: {m}", to + 1))
                .collect()
        });
        out.extend(c.iter().cloned());
    }
    out
}

/// An object as two revisions see it.
type OldNew = (Option<Rc<Obj>>, Option<Rc<Obj>>);
/// A revision's AcroForm: its object number, dictionary, `/Fields` object number and fields.
type FormView = (Option<u32>, pdfread::Dict, Option<u32>, Vec<Obj>);

/// The changes from revision `rev` to revision `last` that adding signatures does not explain.
fn step_changes(pdf: &Pdf<'_>, rev: usize, last: usize) -> Result<Vec<String>, ParseError> {
    if rev >= last {
        return Ok(Vec::new());
    }
    let bytes = pdf.bytes;
    let mut problems = Vec::new();
    let (old_t, new_t) = (&pdf.revisions[rev].trailer, &pdf.revisions[last].trailer);
    for key in [b"Root".as_slice(), b"Info"] {
        let (a, b) = (get(old_t, key), get(new_t, key));
        if !matches!((a, b), (None, None)) && !matches!((a, b), (Some(x), Some(y)) if same(x, y, bytes)) {
            problems.push(format!("the trailer's /{} was replaced", String::from_utf8_lossy(key)));
        }
    }
    if problems.iter().any(|m| m.contains("/Root")) {
        return Ok(problems);
    }
    let mut changed: BTreeMap<u32, OldNew> = BTreeMap::new();
    for n in pdf.touched_between(rev, last) {
        let (eo, en) = (pdf.entry(n, rev), pdf.entry(n, last));
        if eo == en {
            continue;
        }
        let old = pdf.get(n, rev)?;
        let new = pdf.get(n, last)?;
        let differs = match (&old, &new) {
            (Some(a), Some(b)) => !same(a, b, bytes),
            (None, None) => false,
            _ => true,
        };
        if differs {
            changed.insert(n, (old, new));
        }
    }
    if changed.is_empty() {
        return Ok(problems);
    }
    let is_new = |n: u32| changed.get(&n).is_some_and(|(o, _)| o.is_none());
    let mut allowed: HashSet<u32> = HashSet::new();
    let mut added: Vec<(u32, &'static str)> = Vec::new();
    let (root, new_cat) = pdf.catalog(last)?;
    let (_, old_cat) = pdf.catalog(rev)?;
    if changed.contains_key(&root) {
        let keys = differing_keys(&old_cat, &new_cat, bytes, &[b"AcroForm"]);
        if keys.is_empty() {
            allowed.insert(root);
        } else {
            problems.push(format!("the catalog (object {root}): {} changed", keys.join(", ")));
        }
    }
    // The form: only /Fields (gaining signature fields) and /SigFlags may change.
    let af = |cat: &pdfread::Dict, r: usize| -> Result<FormView, ParseError> {
        let Some(a) = get(cat, b"AcroForm") else { return Ok((None, Vec::new(), None, Vec::new())) };
        let d = pdf.resolve(a, r)?.dict().cloned().unwrap_or_default();
        let f = get(&d, b"Fields").cloned().unwrap_or(Obj::Null);
        let fields = match pdf.resolve(&f, r)?.as_ref() {
            Obj::Array(x) => x.clone(),
            _ => Vec::new(),
        };
        Ok((a.reference(), d, f.reference(), fields))
    };
    let (_, old_af, _, old_fields) = af(&old_cat, rev)?;
    let (af_ref, new_af, fields_ref, new_fields) = af(&new_cat, last)?;
    let keys = differing_keys(&old_af, &new_af, bytes, &[b"Fields", b"SigFlags"]);
    let prefix =
        new_fields.len() >= old_fields.len() && old_fields.iter().zip(&new_fields).all(|(a, b)| same(a, b, bytes));
    if !keys.is_empty() {
        problems.push(format!("the form (AcroForm): {} changed", keys.join(", ")));
    } else if !prefix {
        problems.push("form fields were removed or replaced".into());
    } else {
        allowed.extend(af_ref);
        allowed.extend(fields_ref);
        for f in &new_fields[old_fields.len()..] {
            match f.reference() {
                Some(n) => added.push((n, "field")),
                None => problems.push("a form field was added as a direct object".into()),
            }
        }
    }
    // Pages: only /Annots may change, and only by gaining the new signature widgets.
    let old_pages = pdf.pages(rev)?;
    let new_pages = pdf.pages(last)?;
    if old_pages != new_pages {
        problems.push(format!("the page tree changed: {} pages before, {} after", old_pages.len(), new_pages.len()));
    }
    let annots = |page: &Obj, r: usize| -> Result<(Option<u32>, Vec<Obj>), ParseError> {
        let Some(a) = page.dict().and_then(|d| get(d, b"Annots")) else { return Ok((None, Vec::new())) };
        Ok((
            a.reference(),
            match pdf.resolve(a, r)?.as_ref() {
                Obj::Array(x) => x.clone(),
                _ => Vec::new(),
            },
        ))
    };
    let mut widgets: HashSet<u32> = HashSet::new();
    let mut widget_page: HashMap<u32, usize> = HashMap::new();
    for (i, &p) in new_pages.iter().enumerate() {
        let (Some(new_p), Some(old_p)) = (pdf.get(p, last)?, pdf.get(p, rev)?) else { continue };
        let (Some(nd), Some(od)) = (new_p.dict(), old_p.dict()) else { continue };
        let (new_ref, new_a) = annots(&new_p, last)?;
        let (_, old_a) = annots(&old_p, rev)?;
        let page_changed = changed.contains_key(&p);
        let annots_changed = new_ref.is_some_and(|n| changed.contains_key(&n));
        if !page_changed && !annots_changed {
            continue;
        }
        let keys = differing_keys(od, nd, bytes, &[b"Annots"]);
        if !keys.is_empty() {
            problems.push(format!("page {} (object {p}): {} changed", i + 1, keys.join(", ")));
            continue;
        }
        if new_a.len() < old_a.len() || !old_a.iter().zip(&new_a).all(|(a, b)| same(a, b, bytes)) {
            problems.push(format!("page {}: annotations were removed or replaced", i + 1));
            continue;
        }
        for a in &new_a[old_a.len()..] {
            match a.reference() {
                Some(n) => {
                    widgets.insert(n);
                    widget_page.insert(n, i);
                    added.push((n, "annotation"));
                }
                None => problems.push(format!("page {}: an annotation was added as a direct object", i + 1)),
            }
        }
        allowed.insert(p);
        allowed.extend(new_ref);
    }
    // Each added field or annotation must be a new signature widget in the sign-off area.
    let mut done = HashSet::new();
    for &(n, what) in &added {
        if !done.insert(n) {
            continue;
        }
        let desc = |m: &str| {
            format!(
                "{what} {n} added on {}: {m}",
                widget_page.get(&n).map_or("the form".to_owned(), |p| format!("page {}", p + 1))
            )
        };
        let Some(o) = pdf.get(n, last)? else {
            problems.push(desc("it does not exist"));
            continue;
        };
        let Some(d) = o.dict() else {
            problems.push(desc("not a dictionary"));
            continue;
        };
        if !is_new(n) {
            problems.push(desc("an object the signed revision already had"));
            continue;
        }
        let is_sig_widget = get(d, b"FT").and_then(Obj::name) == Some(b"Sig")
            && get(d, b"Subtype").and_then(Obj::name) == Some(b"Widget");
        if !is_sig_widget {
            problems.push(desc(&format!("{} is not a signature widget (overlay?)", o.kind())));
            continue;
        }
        if !widgets.contains(&n) && what == "field" {
            // A signature field without a widget on a page: invisible, harmless.
        }
        let r = rect(get(d, b"Rect"));
        let zero = r.is_some_and(|r| r[2] - r[0] <= 0.0 || r[3] - r[1] <= 0.0);
        let page_ok = get(d, b"P").and_then(Obj::reference).is_none_or(|p| new_pages.last() == Some(&p))
            && widget_page.get(&n).is_none_or(|&i| i + 1 == new_pages.len());
        if !(zero || page_ok && r.is_some_and(in_sign_area)) {
            problems.push(desc("the signature widget lies outside the sign-off boxes and covers page content"));
            continue;
        }
        if let Some(v) = get(d, b"V").and_then(Obj::reference) {
            let sig_ok = is_new(v)
                && pdf.get(v, last)?.is_some_and(|s| {
                    s.dict().is_some_and(|s| get(s, b"ByteRange").is_some() && get(s, b"Contents").is_some())
                });
            if sig_ok {
                allowed.insert(v);
            }
        }
        if let Some(ap) = get(d, b"AP").map(|a| pdf.resolve(a, last)).transpose()? {
            let normal = ap.dict().and_then(|a| get(a, b"N")).and_then(Obj::reference);
            if let Some(nn) = normal.filter(|&x| is_new(x))
                && let Some(stream) = pdf.get(nn, last)?
            {
                let form = stream.dict().is_some_and(|s| get(s, b"Subtype").and_then(Obj::name) == Some(b"Form"));
                if form && matches!(stream.as_ref(), Obj::Stream(..)) {
                    allowed.insert(nn);
                    let res =
                        stream.dict().and_then(|s| get(s, b"Resources")).map(|r| pdf.resolve(r, last)).transpose()?;
                    let fonts = res.as_deref().and_then(Obj::dict).and_then(|r| get(r, b"Font")).cloned();
                    if let Some(fonts) = fonts {
                        let fonts = pdf.resolve(&fonts, last)?;
                        for f in fonts.dict().into_iter().flatten().filter_map(|(_, v)| v.reference()) {
                            let is_font = pdf.get(f, last)?.is_some_and(|f| {
                                f.dict().is_some_and(|d| get(d, b"Type").and_then(Obj::name) == Some(b"Font"))
                            });
                            if is_new(f) && is_font {
                                allowed.insert(f);
                            }
                        }
                    }
                }
            }
        }
        allowed.insert(n);
    }
    // A new standard-14 font nothing draws with (what earlier Yeta versions wrote): harmless.
    for (&n, (old, new)) in &changed {
        if old.is_none()
            && let Some(d) = new.as_deref().and_then(Obj::dict)
        {
            let std_font = get(d, b"Type").and_then(Obj::name) == Some(b"Font")
                && get(d, b"Subtype").and_then(Obj::name) == Some(b"Type1")
                && get(d, b"FontDescriptor").is_none();
            if std_font {
                allowed.insert(n);
            }
        }
    }
    let rest: Vec<u32> = changed.keys().copied().filter(|n| !allowed.contains(n)).collect();
    if !rest.is_empty() {
        let old_roles = roles(pdf, rev);
        for n in rest {
            let Some((old, new)) = changed.get(&n) else { continue };
            let role = old_roles.get(&n).map_or(String::new(), |r| format!(", {r}"));
            problems.push(match (old, new) {
                (None, Some(o)) => format!("object {n} added ({}{role})", o.kind()),
                (Some(o), None) => format!("object {n} deleted ({}{role})", o.kind()),
                (Some(o), Some(_)) => format!("object {n} changed ({}{role})", o.kind()),
                (None, None) => continue,
            });
        }
    }
    Ok(problems)
}

/// One signer as a sign-off records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerCheck {
    /// 1-based signature number.
    pub index: usize,
    /// The certificate's subject common name.
    pub subject: String,
    /// SHA-256 of the signer's certificate, hex.
    pub cert_sha256: String,
    /// `/Name` of the signature (a claim; the subject is what counts).
    pub reviewer: Option<String>,
    /// `/Reason`.
    pub role: Option<String>,
    /// `/M`.
    pub date: Option<String>,
    /// The verdict on the certificate, when a trust list was given.
    pub trust: Option<crate::trust::Trust>,
}

/// Why a report cannot be signed off.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignoffError {
    /// The file cannot be read as a PDF.
    #[error("the report cannot be read: {0}")]
    Unreadable(String),
    /// No signature.
    #[error("the report is not signed")]
    Unsigned,
    /// A signature does not hold, or the document changed after it.
    #[error("the report does not verify: {0}")]
    NotValid(String),
    /// No embedded study.
    #[error("the report embeds no study")]
    NoStudy,
    /// The embedded study is another revision's.
    #[error("the report's embedded study has SHA-256 {embedded}, but the revision signed off has {expected}")]
    StudyMismatch {
        /// SHA-256 of the embedded study.
        embedded: String,
        /// SHA-256 of the revision.
        expected: String,
    },
    /// The pages' stamp and the attachment disagree.
    #[error("the report's stamp does not match its embedded study: {0}")]
    Stamp(String),
    /// With a trust list: a signer is not trusted.
    #[error("signature {index} ({subject}) is valid, but the certificate is not trusted: {reason}")]
    Untrusted {
        /// 1-based signature number.
        index: usize,
        /// The subject.
        subject: String,
        /// Why.
        reason: String,
    },
}

/// The checks a sign-off needs, shared by `yeta library signoff` and the desktop app: every
/// signature valid with nothing changed after it, the embedded study's SHA-256 equal to
/// `expected_study_sha256` (the revision being signed off) and to the report's stamp, and, with
/// `trust`, every signer trusted. Returns each signer with its certificate fingerprint.
pub fn check_for_signoff(
    pdf: &[u8],
    expected_study_sha256: &str,
    trust: Option<&[Certificate]>,
) -> Result<Vec<SignerCheck>, SignoffError> {
    let v = match verify_document(pdf) {
        Ok(v) => v,
        Err(VerifyError::Unsigned) => return Err(SignoffError::Unsigned),
        Err(e) => return Err(SignoffError::Unreadable(e.to_string())),
    };
    if let Err(e) = crate::sign::verify(pdf) {
        return Err(SignoffError::NotValid(e.to_string()));
    }
    let embedded = crate::render::study_sha256(pdf)
        .map_err(|e| SignoffError::Unreadable(e.to_string()))?
        .ok_or(SignoffError::NoStudy)?;
    if !embedded.eq_ignore_ascii_case(expected_study_sha256.trim()) {
        return Err(SignoffError::StudyMismatch { embedded, expected: expected_study_sha256.trim().to_owned() });
    }
    crate::render::check_study_stamp(pdf).map_err(|e| SignoffError::Stamp(e.to_string()))?;
    let mut out = Vec::new();
    for s in v.signatures {
        let Some(info) = s.info else { continue };
        let trust = trust.map(|anchors| {
            let at = info.date.as_deref().and_then(crate::trust::pdf_date_unix).unwrap_or(0);
            crate::trust::evaluate(&s.chain, anchors, at)
        });
        if let Some(crate::trust::Trust::Untrusted(reason)) = &trust {
            return Err(SignoffError::Untrusted { index: s.index, subject: info.signer, reason: reason.clone() });
        }
        out.push(SignerCheck {
            index: s.index,
            subject: info.signer,
            cert_sha256: info.cert_sha256,
            reviewer: info.reviewer,
            role: info.role,
            date: info.date,
            trust,
        });
    }
    Ok(out)
}
