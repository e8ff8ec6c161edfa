//! The attack corpus, generated from a real report (rail-wide-area, Korean) signed twice:
//! incremental saving attacks, signature wrapping, universal signature forgery, shadow attacks and
//! a changed attachment (Mladenov et al., "1 Trillion Dollar Refund", CCS 2019; Mainka et al.,
//! "Shadow Attacks", NDSS 2021). Each must be NOT VALID for the right reason; the untouched
//! report stays valid. Also the hostile-input regressions of issue 19 (truncated and bomb Flate
//! streams, a 43-byte file, a 2 MB file scanned in linear time).
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::sync::OnceLock;
use yeta_report::pdfread::{Entry, Obj, Pdf, get};
use yeta_report::{Lang, SigStatus, SignOff, Verification, keygen, load_credentials, sign, verify_document};

const T0: u64 = 1_767_225_600;

fn study() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/rail-wide-area.yeta.json")).unwrap()
}

/// The rendered report (unsigned), once.
fn report() -> &'static [u8] {
    static R: OnceLock<Vec<u8>> = OnceLock::new();
    R.get_or_init(|| {
        let s = study();
        let a = yeta_core::appraise_json(&s, None).unwrap();
        yeta_report::render(&a, &s, Lang::Ko).unwrap()
    })
}

fn cred(name: &str, seed: u8) -> yeta_report::Credentials {
    load_credentials(&keygen(name, T0, [seed; 32]).unwrap(), None).unwrap()
}

fn sign_as(pdf: &[u8], name: &str, seed: u8, role: &str) -> Vec<u8> {
    sign(pdf, &cred(name, seed), &SignOff { reviewer: name, role, unix_time: T0 + 3600 }).unwrap()
}

/// A later signature by another key, added with the attacker's own tool (no checks).
fn attacker_signs(pdf: &[u8]) -> Vec<u8> {
    let c = cred("Mallory", 66);
    yeta_report::sign::sign_unchecked(pdf, &c, &SignOff { reviewer: "Mallory", role: "x", unix_time: T0 + 9000 })
        .unwrap()
}

/// The report signed by two reviewers, once.
fn twice() -> &'static [u8] {
    static R: OnceLock<Vec<u8>> = OnceLock::new();
    R.get_or_init(|| {
        let once = sign_as(report(), "김민수", 7, "PFS reviewer");
        sign_as(&once, "Jane Reviewer", 9, "Budget officer")
    })
}

fn ser(o: &Obj, out: &mut String) {
    match o {
        Obj::Null => out.push_str("null"),
        Obj::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Obj::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Obj::Real(r) => {
            let _ = write!(out, "{r}");
        }
        Obj::Name(n) => {
            out.push('/');
            out.push_str(&String::from_utf8_lossy(n));
        }
        Obj::Str(s) => {
            out.push('<');
            for b in s {
                let _ = write!(out, "{b:02X}");
            }
            out.push('>');
        }
        Obj::Array(a) => {
            out.push('[');
            for x in a {
                ser(x, out);
                out.push(' ');
            }
            out.push(']');
        }
        Obj::Dict(d) | Obj::Stream(d, _, _) => {
            out.push_str("<<");
            for (k, v) in d {
                out.push('/');
                out.push_str(&String::from_utf8_lossy(k));
                out.push(' ');
                ser(v, out);
                out.push(' ');
            }
            out.push_str(">>");
        }
        Obj::Ref(n, g) => {
            let _ = write!(out, "{n} {g} R");
        }
    }
}

fn dict_text(d: &[(Vec<u8>, Obj)], _pdf: &[u8]) -> String {
    let mut s = String::new();
    ser(&Obj::Dict(d.to_vec()), &mut s);
    s
}

fn stream_text(content: &[u8]) -> Vec<u8> {
    let mut v = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    v.extend_from_slice(content);
    v.extend_from_slice(b"\nendstream");
    v
}

/// An incremental update: objects (number, body) and freed numbers, chained to the last revision.
fn update(pdf: &[u8], objs: &[(u32, Vec<u8>)], frees: &[u32]) -> Vec<u8> {
    let p = Pdf::parse(pdf).unwrap();
    let last = p.revisions.last().unwrap();
    let root = get(&last.trailer, b"Root").and_then(Obj::reference).unwrap();
    let size = get(&last.trailer, b"Size").and_then(Obj::int).unwrap();
    let info = get(&last.trailer, b"Info").and_then(Obj::reference);
    let id = get(&last.trailer, b"ID").map(|i| {
        let mut t = String::new();
        ser(i, &mut t);
        t
    });
    let mut out = pdf.to_vec();
    let mut offs = Vec::new();
    for (n, body) in objs {
        offs.push((*n, out.len()));
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut x = String::from("xref\n");
    for (n, o) in &offs {
        let _ = write!(x, "{n} 1\n{o:010} 00000 n \n");
    }
    for n in frees {
        let _ = write!(x, "{n} 1\n0000000000 00001 f \n");
    }
    let max = objs.iter().map(|(n, _)| i64::from(*n) + 1).max().unwrap_or(0).max(size);
    let _ = write!(x, "trailer\n<< /Size {max} /Root {root} 0 R /Prev {} ", last.xref);
    if let Some(i) = info {
        let _ = write!(x, "/Info {i} 0 R ");
    }
    if let Some(i) = id {
        let _ = write!(x, "/ID {i} ");
    }
    let _ = write!(x, ">>\nstartxref\n{xref}\n%%EOF\n");
    out.extend_from_slice(x.as_bytes());
    out
}

fn page(pdf: &[u8], k: usize) -> (u32, Vec<(Vec<u8>, Obj)>) {
    let p = Pdf::parse(pdf).unwrap();
    let n = p.pages(p.last()).unwrap()[k];
    let d = p.get(n, p.last()).unwrap().unwrap().dict().unwrap().clone();
    (n, d)
}

fn content_of(pdf: &[u8], k: usize) -> u32 {
    let (_, d) = page(pdf, k);
    match get(&d, b"Contents").unwrap() {
        Obj::Ref(n, _) => *n,
        Obj::Array(a) => a[0].reference().unwrap(),
        _ => panic!("no contents"),
    }
}

fn next_free(pdf: &[u8]) -> u32 {
    let p = Pdf::parse(pdf).unwrap();
    let last = p.revisions.last().unwrap();
    get(&last.trailer, b"Size").and_then(Obj::int).unwrap() as u32 + 10
}

fn check(pdf: &[u8]) -> Verification {
    verify_document(pdf).unwrap()
}

/// NOT VALID: signatures 1 and 2 changed after, each message naming `what`.
fn assert_changed(v: &Verification, what: &str) {
    assert!(!v.is_valid(), "{v:#?}");
    for s in &v.signatures[..2] {
        match &s.status {
            SigStatus::ChangedAfter(c) => assert!(c.iter().any(|m| m.contains(what)), "{what}: {c:?}"),
            other => panic!("signature {} should be valid-but-changed ({what}), is {other:?}", s.index),
        }
    }
}

fn assert_invalid(pdf: &[u8], what: &str) {
    match verify_document(pdf) {
        Err(e) => assert!(e.to_string().contains(what), "{what}: {e}"),
        Ok(v) => {
            assert!(!v.is_valid(), "{what}: passed");
            let msgs: Vec<String> = v
                .signatures
                .iter()
                .filter_map(|s| match &s.status {
                    SigStatus::Invalid(m) => Some(m.clone()),
                    SigStatus::ChangedAfter(c) => Some(c.join("; ")),
                    SigStatus::Valid => None,
                })
                .collect();
            assert!(msgs.iter().any(|m| m.contains(what)), "{what}: {msgs:?}");
        }
    }
    assert!(yeta_report::verify(pdf).is_err());
}

#[test]
fn untouched_twice_signed_report_is_valid_and_certified() {
    let v = check(twice());
    assert!(v.is_valid(), "{v:#?}");
    assert_eq!(v.signatures.len(), 2);
    assert_eq!(v.signatures[0].certification, Some(2));
    assert_eq!(v.signatures[1].certification, None);
    assert_eq!(v.revisions, 3);
    assert_eq!(yeta_report::extract(twice()).unwrap(), study());
    // Three signatures (the third by a key of its own) still valid.
    let third = sign_as(twice(), "Lee Third", 11, "Director");
    assert!(check(&third).is_valid(), "{:#?}", check(&third));
}

#[test]
fn incremental_update_replacing_page_content() {
    let n = content_of(twice(), 1);
    let forged = update(twice(), &[(n, stream_text(b"BT /F1 24 Tf 72 700 Td (B/C 1.97) Tj ET"))], &[]);
    let v = check(&forged);
    assert_changed(&v, "content stream of page 2");
    // ... and with a third signature by another key: 1 and 2 still "changed after", 3 valid.
    let v = check(&attacker_signs(&forged));
    assert_changed(&v, "content stream of page 2");
    assert_eq!(v.signatures[2].status, SigStatus::Valid);
    assert!(yeta_report::verify(&attacker_signs(&forged)).is_err());
}

#[test]
fn incremental_update_adding_an_overlay_annotation() {
    let (pn, mut pd) = page(twice(), 1);
    let ann = next_free(twice());
    pd.retain(|(k, _)| k.as_slice() != b"Annots");
    pd.push((b"Annots".to_vec(), Obj::Array(vec![Obj::Ref(ann, 0)])));
    let ann_body = format!(
        "<< /Type /Annot /Subtype /FreeText /Rect [50 500 550 800] /Contents (B/C 1.97) /DA (/Helv 24 Tf 0 g) /P {pn} 0 R >>"
    );
    let forged = update(twice(), &[(ann, ann_body.into_bytes()), (pn, dict_text(&pd, twice()).into_bytes())], &[]);
    assert_changed(&check(&forged), "not a signature widget");
    assert_changed(&check(&attacker_signs(&forged)), "not a signature widget");
    // A "signature" widget drawn over the page's figures is an overlay too.
    let (ln, mut ld) = page(twice(), Pdf::parse(twice()).unwrap().pages(2).unwrap().len() - 1);
    let w = next_free(twice());
    let mut annots = match get(&ld, b"Annots") {
        Some(Obj::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    annots.push(Obj::Ref(w, 0));
    ld.retain(|(k, _)| k.as_slice() != b"Annots");
    ld.push((b"Annots".to_vec(), Obj::Array(annots)));
    let widget = format!("<< /Type /Annot /Subtype /Widget /FT /Sig /T (Fake) /Rect [0 700 595 842] /P {ln} 0 R >>");
    let forged = update(twice(), &[(w, widget.into_bytes()), (ln, dict_text(&ld, twice()).into_bytes())], &[]);
    assert_changed(&check(&forged), "covers page content");
}

#[test]
fn object_shadowing_page_redefined_with_other_content() {
    let (pn, mut pd) = page(twice(), 1);
    let c = next_free(twice());
    pd.retain(|(k, _)| k.as_slice() != b"Contents");
    pd.push((b"Contents".to_vec(), Obj::Ref(c, 0)));
    let forged = update(
        twice(),
        &[(c, stream_text(b"BT /F1 24 Tf 72 700 Td (1.97) Tj ET")), (pn, dict_text(&pd, twice()).into_bytes())],
        &[],
    );
    assert_changed(&check(&forged), "page 2 (object");
    assert_changed(&check(&attacker_signs(&forged)), "/Contents changed");
}

#[test]
fn changed_attachment() {
    let p = Pdf::parse(twice()).unwrap();
    let (_, cat) = p.catalog(p.last()).unwrap();
    let names = p.resolve(get(&cat, b"Names").unwrap(), p.last()).unwrap();
    let tree = get(names.dict().unwrap(), b"EmbeddedFiles").unwrap().clone();
    let tree = p.resolve(&tree, p.last()).unwrap();
    let Some(Obj::Array(a)) = get(tree.dict().unwrap(), b"Names") else { panic!() };
    let spec = p.resolve(&a[1], p.last()).unwrap();
    let ef = p.resolve(get(spec.dict().unwrap(), b"EF").unwrap(), p.last()).unwrap();
    let f = get(ef.dict().unwrap(), b"F").unwrap().reference().unwrap();
    let other = study().replace("\"name\"", "\"name\" ");
    let body = format!(
        "<< /Type /EmbeddedFile /Subtype /application#2Fjson /Params << /Size {} >> /Length {} >>\nstream\n{}\nendstream",
        other.len(),
        other.len(),
        other
    );
    let forged = update(twice(), &[(f, body.into_bytes())], &[]);
    assert_changed(&check(&forged), "the embedded study");
    assert_changed(&check(&attacker_signs(&forged)), "the embedded study");
}

#[test]
fn signature_wrapping() {
    let s = twice();
    // Bytes after the last revision: the byte range does not cover the file.
    let mut t = s.to_vec();
    t.extend_from_slice(b"1 0 obj (junk) endobj\n");
    assert_changed(&check(&t), "appended after the file's last revision");
    // The second signed revision moved behind an attacker's revision: offsets no longer match.
    let v = check(s);
    let end1 = v.signatures[0].info.as_ref().unwrap().covered;
    let n = content_of(s, 1);
    let evil = update(&s[..end1], &[(n, stream_text(b"BT (1.97) Tj ET"))], &[]);
    let mut moved = evil.clone();
    moved.extend_from_slice(&s[end1..]);
    assert_invalid(&moved, "");
    let v = verify_document(&moved);
    assert!(v.as_ref().map_or(true, |v| !v.is_valid()), "{v:?}");
    // The /Contents hole shrunk so that bytes inside the old hole become PDF syntax.
    let at = find_last(s, b"/Contents <") + 11;
    let hex_end = at + s[at..].iter().position(|&b| b == b'>').unwrap();
    let used = s[at..hex_end].iter().rposition(|&b| b != b'0').unwrap() + 1;
    let mut w = s.to_vec();
    let cut = at + used + (used % 2) + 2;
    w[cut] = b'>';
    w[cut + 1..cut + 9].copy_from_slice(b"/Junk <0");
    assert_invalid(&w, "not exactly the signature's /Contents");
}

#[test]
fn ambiguous_cross_reference_is_refused() {
    // One section listing the page-2 content twice: readers disagree on which entry counts.
    let n = content_of(twice(), 1);
    let forged = update(twice(), &[(n, stream_text(b"BT (1.97) Tj ET")), (n, stream_text(b"BT (1.27) Tj ET"))], &[]);
    let e = verify_document(&forged).unwrap_err().to_string();
    assert!(e.contains("listed twice"), "{e}");
}

fn find_last(h: &[u8], n: &[u8]) -> usize {
    h.windows(n.len()).rposition(|w| w == n).unwrap()
}

/// Replaces `old` (the last occurrence) by `new` padded with spaces to the same length.
fn patch_same_len(s: &[u8], at: usize, len: usize, new: &str) -> Vec<u8> {
    assert!(new.len() <= len, "{new}");
    let mut t = s.to_vec();
    let mut v = new.as_bytes().to_vec();
    v.resize(len, b' ');
    t[at..at + len].copy_from_slice(&v);
    t
}

#[test]
fn universal_signature_forgery() {
    let s = twice();
    let br = find_last(s, b"/ByteRange ") + 11;
    let br_len = s[br..].iter().position(|&b| b == b'\n').unwrap();
    for (value, why) in [
        ("[]", "four integers"),
        ("[0 0 0 0]", "not [0 a b c]"),
        ("null", "no /ByteRange"),
        ("[0 -1 5 5]", "not [0 a b c]"),
        ("[0 9999999999999 99999999999999 99999]", "not exactly"),
        ("[0 1 2]", "four integers"),
        ("[5 10 20 30]", "not [0 a b c]"),
    ] {
        assert_invalid(&patch_same_len(s, br, br_len, value), why);
    }
    // /Contents emptied or zeroed (same length: spaces after a short string, or all zeros).
    let c = find_last(s, b"/Contents <") + 10;
    let c_len = 2 + s[c + 1..].iter().position(|&b| b == b'>').unwrap();
    assert_invalid(&patch_same_len(s, c, c_len, "<>"), "not exactly");
    assert_invalid(&patch_same_len(s, c, c_len, "null"), "no /Contents");
    let mut zero = s.to_vec();
    for b in &mut zero[c + 1..c + c_len - 1] {
        *b = b'0';
    }
    assert_invalid(&zero, "not DER");
}

/// A report prepared before signing (rewritten whole, one revision, so `sign` accepts it) with
/// objects the signed pages do not use; the attacker's update then uses them.
fn prepared(extra: &[(u32, Vec<u8>)], page2_contents: Option<Vec<u32>>) -> Vec<u8> {
    // Splice the extra objects and a rewritten page into revision 1 as one merged revision:
    // build it as an update, then flatten with lopdf (what a preparing author's tool does).
    let mut objs = extra.to_vec();
    if let Some(c) = page2_contents {
        let (pn, mut pd) = page(report(), 1);
        pd.retain(|(k, _)| k.as_slice() != b"Contents");
        pd.push((b"Contents".to_vec(), Obj::Array(c.iter().map(|&n| Obj::Ref(n, 0)).collect())));
        objs.push((pn, dict_text(&pd, report()).into_bytes()));
    }
    let upd = update(report(), &objs, &[]);
    let mut doc = lopdf::Document::load_mem(&upd).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let once = sign_as(&out, "김민수", 7, "PFS reviewer");
    sign_as(&once, "Jane Reviewer", 9, "Budget officer")
}

#[test]
fn shadow_attacks() {
    let base = next_free(report()) + 100;
    let c2 = content_of(report(), 1);
    let overlay = stream_text(b"q 1 1 1 rg 0 0 595 842 re f Q BT /F1 24 Tf 72 700 Td (B/C 1.97) Tj ET");
    // Hide: the overlay is in the signed file but unused; the update adds it to page 2.
    let s = prepared(&[(base, overlay.clone())], None);
    assert!(check(&s).is_valid());
    let (pn, mut pd) = page(&s, 1);
    pd.retain(|(k, _)| k.as_slice() != b"Contents");
    pd.push((b"Contents".to_vec(), Obj::Array(vec![Obj::Ref(c2, 0), Obj::Ref(base, 0)])));
    let hide = update(&s, &[(pn, dict_text(&pd, &s).into_bytes())], &[]);
    assert_changed(&check(&hide), "page 2");
    assert_changed(&check(&attacker_signs(&hide)), "/Contents changed");
    // Replace: the update points page 2's content number at the prepared object's body.
    let p = Pdf::parse(&s).unwrap();
    let Some(Entry::InUse(_, off)) = p.entry(base, p.last()) else { panic!() };
    let body_start = off + format!("{base} 0 obj\n").len();
    let body_end = body_start + s[body_start..].windows(9).position(|w| w == b"endstream").unwrap() + 9;
    let replace = update(&s, &[(c2, s[body_start..body_end].to_vec())], &[]);
    assert_changed(&check(&replace), "content stream of page 2");
    // Hide-and-replace: page 2 signed as [content, cover]; the update frees the cover.
    let cover = stream_text(b"q 1 1 1 rg 0 0 595 842 re f Q");
    let s = prepared(&[(base, cover)], Some(vec![c2, base]));
    assert!(check(&s).is_valid());
    let unhide = update(&s, &[], &[base]);
    assert_changed(&check(&unhide), &format!("object {base} deleted"));
    assert_changed(&check(&attacker_signs(&unhide)), &format!("object {base} deleted"));
}

#[test]
fn sign_refuses_what_does_not_verify() {
    let n = content_of(twice(), 1);
    let forged = update(twice(), &[(n, stream_text(b"BT (1.97) Tj ET"))], &[]);
    let c = cred("Lee Third", 11);
    let who = SignOff { reviewer: "Lee Third", role: "R", unix_time: T0 };
    let e = sign(&forged, &c, &who).unwrap_err().to_string();
    assert!(e.contains("refusing to sign") && e.contains("changed after"), "{e}");
    // An unsigned report with an incremental update.
    let forged = update(report(), &[(content_of(report(), 1), stream_text(b"BT (1.97) Tj ET"))], &[]);
    let e = sign(&forged, &c, &who).unwrap_err().to_string();
    assert!(e.contains("incremental update"), "{e}");
    // A reviewer name that is not the certificate's subject.
    let e = sign(report(), &c, &SignOff { reviewer: "기획재정부 장관", ..who.clone() }).unwrap_err().to_string();
    assert!(e.contains("not the certificate's subject"), "{e}");
    // A report whose attachment was swapped in a whole rewrite: the stamp (document ID) differs.
    let mut doc = lopdf::Document::load_mem(report()).unwrap();
    let id = lopdf::Object::String(vec![0xAB; 16], lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let e = sign(&out, &c, &who).unwrap_err().to_string();
    assert!(e.contains("the report is stamped"), "{e}");
    // The attachment swapped and the ID made to match it: the footer's printed SHA-256 differs.
    let other = study().replace("\"name\"", "\"name\" ");
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(other.as_bytes()).to_vec()
    };
    let mut doc = lopdf::Document::load_mem(report()).unwrap();
    let ids: Vec<lopdf::ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Type").and_then(lopdf::Object::as_name).ok() == Some(b"EmbeddedFile".as_slice())
            })
        })
        .map(|(id, _)| *id)
        .collect();
    for id in ids {
        let mut d = lopdf::Dictionary::new();
        d.set("Type", lopdf::Object::Name(b"EmbeddedFile".to_vec()));
        doc.objects.insert(id, lopdf::Object::Stream(lopdf::Stream::new(d, other.clone().into_bytes())));
    }
    let id = lopdf::Object::String(sha[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert_eq!(yeta_report::extract(&out).unwrap(), other);
    let e = sign(&out, &c, &who).unwrap_err().to_string();
    let printed: String = {
        use sha2::Digest;
        sha2::Sha256::digest(study().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
    };
    assert!(e.contains(&format!("the report is stamped {printed}")), "{e}");
}

#[test]
fn korean_report_gets_a_korean_signature_block() {
    let p = Pdf::parse(twice()).unwrap();
    let last = p.last();
    let v = check(twice());
    assert!(v.is_valid());
    // The first widget's appearance stream is drawn with the report's own font (glyph ids);
    // its field's tooltip names the reviewer, and the date is KST.
    assert_eq!(yeta_report::sign::human_date_kst(1_796_120_760), "2026-12-01 19:26 KST");
    let _ = last;
}

// ---- hostile input (issue 19) ----

fn with_study_stream(stream_body: &[u8], dict_extra: &str) -> Vec<u8> {
    let p = Pdf::parse(report()).unwrap();
    let (_, cat) = p.catalog(0).unwrap();
    let names = p.resolve(get(&cat, b"Names").unwrap(), 0).unwrap();
    let tree = get(names.dict().unwrap(), b"EmbeddedFiles").unwrap().clone();
    let tree = p.resolve(&tree, 0).unwrap();
    let Some(Obj::Array(a)) = get(tree.dict().unwrap(), b"Names") else { panic!() };
    let spec = p.resolve(&a[1], 0).unwrap();
    let ef = p.resolve(get(spec.dict().unwrap(), b"EF").unwrap(), 0).unwrap();
    let f = get(ef.dict().unwrap(), b"F").unwrap().reference().unwrap();
    let mut body =
        format!("<< /Type /EmbeddedFile /Filter /FlateDecode {dict_extra} /Length {} >>\nstream\n", stream_body.len())
            .into_bytes();
    body.extend_from_slice(stream_body);
    body.extend_from_slice(b"\nendstream");
    update(report(), &[(f, body)], &[])
}

fn deflate(b: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

#[test]
fn truncated_flate_attachment_is_an_error() {
    let z = deflate(study().as_bytes());
    let t = with_study_stream(&z[..z.len() / 3], "");
    let e = yeta_report::extract(&t).unwrap_err().to_string();
    assert!(e.contains("truncated") || e.contains("corrupt"), "{e}");
    // Whole stream but a declared size that differs.
    let t = with_study_stream(&z, "/Params << /Size 5 >>");
    assert!(yeta_report::extract(&t).unwrap_err().to_string().contains("declares /Size 5"));
    let t = with_study_stream(&z, "");
    assert_eq!(yeta_report::extract(&t).unwrap(), study());
}

#[test]
fn flate_bomb_hits_the_stated_limit() {
    let bomb = deflate(&vec![b' '; yeta_report::pdfread::MAX_STUDY_BYTES + 4096]);
    let t = with_study_stream(&bomb, "");
    let start = std::time::Instant::now();
    let e = match yeta_report::extract(&t) {
        Ok(s) => panic!("the bomb inflated to {} bytes", s.len()),
        Err(e) => e.to_string(),
    };
    assert!(e.contains("more than 67108864 bytes"), "{e}");
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn tiny_and_crafted_files_are_errors() {
    for f in [
        b"%PDF-1.7\n1 0 obj<</ByteRange[9 0 0 9]>>endobj\nstartxref\n0\n%%EOF\n".as_slice(),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nstartxref 99999999999999999999\n%%EOF",
        b"%PDF-1.7\n/ByteRange [0 50 10 20] /Contents <00>\nstartxref\n9\n%%EOF\n",
        b"%PDF-1.",
        b"",
        b"%PDF-1.7\nxref\n0 99999999\ntrailer<<>>\nstartxref\n9\n%%EOF\n",
        b"%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer<</Root 1 0 R/Prev 9>>\nstartxref\n9\n%%EOF\n",
    ] {
        assert!(verify_document(f).is_err(), "{:?}", String::from_utf8_lossy(f));
        assert!(yeta_report::extract(f).is_err());
    }
    // Deep nesting.
    let mut deep = b"%PDF-1.7\n1 0 obj\n".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend_from_slice(b"\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer<</Root 1 0 R>>\n");
    let x = deep.len();
    deep.extend_from_slice(format!("startxref\n{x}\n%%EOF\n").as_bytes());
    assert!(verify_document(&deep).is_err());
}

#[test]
fn two_megabyte_file_verifies_in_linear_time() {
    // 2 MB of "/ByteRange" repeated inside a stream of an update (the old scan was quadratic)
    let junk = b"/ByteRange [0 1 2 3] /Contents <00> ".repeat(2_000_000 / 36);
    let n = next_free(twice());
    let big = update(twice(), &[(n, stream_text(&junk))], &[]);
    assert!(big.len() > 2_000_000);
    let start = std::time::Instant::now();
    let v = check(&big);
    let took = start.elapsed();
    println!("verify of {} bytes: {took:?}", big.len());
    assert_changed(&v, &format!("object {n} added"));
    assert!(took.as_secs() < 10, "{took:?}");
}
