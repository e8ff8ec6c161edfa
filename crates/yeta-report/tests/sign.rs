//! Signatures: sign twice, verify, tamper, and poppler's `pdfsig` as an independent verifier.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use yeta_report::{SignOff, VerifyError, keygen, load_credentials, sign, verify};

/// A one-page PDF written by hand, with a correct classic xref table.
pub fn tiny_pdf() -> Vec<u8> {
    let objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Hello, Yeta) Tj ET\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];
    let mut s = String::from("%PDF-1.7\n");
    let mut offs = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offs.push(s.len());
        let _ = write!(s, "{} 0 obj\n{o}\nendobj\n", i + 1);
    }
    let xref = s.len();
    let _ = write!(s, "xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1);
    for o in offs {
        let _ = writeln!(s, "{o:010} 00000 n ");
    }
    let _ = write!(s, "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objs.len() + 1);
    s.into_bytes()
}

const T0: u64 = 1_767_225_600; // 2026-01-01 00:00 UTC

fn twice_signed(pdf: &[u8]) -> Vec<u8> {
    let k1 = keygen("김민수", T0, [7u8; 32]).unwrap();
    let k2 = keygen("Jane Reviewer", T0, [9u8; 32]).unwrap();
    let c1 = load_credentials(&k1, None).unwrap();
    let c2 = load_credentials(&k2, None).unwrap();
    let once = sign(pdf, &c1, &SignOff { reviewer: "김민수", role: "PFS reviewer", unix_time: T0 + 3600 }).unwrap();
    sign(&once, &c2, &SignOff { reviewer: "Jane Reviewer", role: "Budget officer", unix_time: T0 + 7200 }).unwrap()
}

#[test]
fn sign_twice_then_verify_names_both() {
    let signed = twice_signed(&tiny_pdf());
    let who = verify(&signed).unwrap();
    assert_eq!(who.len(), 2);
    assert_eq!(who[0].signer, "김민수");
    assert_eq!(who[0].reviewer.as_deref(), Some("김민수"));
    assert_eq!(who[1].signer, "Jane Reviewer");
    assert_eq!(who[1].role.as_deref(), Some("Budget officer"));
    assert_eq!(who[1].covered, signed.len());
    assert!(who[0].covered < who[1].covered);
    // Deterministic: ECDSA per RFC 6979, no clock inside.
    assert_eq!(signed, twice_signed(&tiny_pdf()));
}

#[test]
fn unsigned_document_is_reported() {
    assert_eq!(verify(&tiny_pdf()), Err(VerifyError::Unsigned));
}

#[test]
fn every_tampered_copy_fails() {
    let signed = twice_signed(&tiny_pdf());
    let n = signed.len();
    let first_end = verify(&signed).unwrap()[0].covered;
    // Offsets across the original, the first signature's /Contents, the first update, the
    // second signature's /Contents (hex and padding), and the final trailer.
    let mut offsets = vec![0, 10, 100, 200, first_end - 10, first_end + 5, n / 2, n - 30, n - 2, n - 1];
    let find = |rev: bool| {
        let mut it = signed.windows(11).enumerate().filter(|(_, w)| *w == b"/Contents <").map(|(i, _)| i);
        if rev { it.next_back() } else { it.next() }.unwrap()
    };
    let c2 = find(true) + 11;
    offsets.extend([c2, c2 + 100, c2 + 12 * 1024 * 2 - 4]);
    let c1 = find(false) + 11;
    offsets.extend([c1 + 3, c1 + 20_000]);
    for off in offsets {
        for flip in [0x01u8, 0x20] {
            let mut t = signed.clone();
            t[off] ^= flip;
            if t[off] == signed[off] {
                continue;
            }
            assert!(verify(&t).is_err(), "tamper at byte {off} (^{flip:#x}) passed verify");
        }
    }
    // Every hex digit of the second signature's CMS blob.
    let cms_len = signed[c2..].iter().position(|&b| b == b'>').unwrap();
    let used = signed[c2..c2 + cms_len].iter().rposition(|&b| b != b'0').unwrap() + 1;
    for off in c2..c2 + used {
        let mut t = signed.clone();
        t[off] = if t[off] == b'1' { b'2' } else { b'1' };
        assert!(verify(&t).is_err(), "tamper in the CMS at byte {off} passed verify");
    }
    // Appending bytes after the last signature.
    let mut t = signed.clone();
    t.extend_from_slice(b"% appended\n");
    assert!(matches!(verify(&t), Err(VerifyError::UnsignedTail { .. })));
}

#[test]
fn key_and_certificate_must_match() {
    let k1 = keygen("A", T0, [7u8; 32]).unwrap();
    let k2 = keygen("B", T0, [9u8; 32]).unwrap();
    let key_only: String = k1.split("-----BEGIN CERTIFICATE").next().unwrap().to_owned();
    let cert_only = &k2[k2.find("-----BEGIN CERTIFICATE").unwrap()..];
    assert!(load_credentials(&key_only, None).is_err());
    assert!(load_credentials(&key_only, Some(cert_only)).is_err());
    let cert1 = &k1[k1.find("-----BEGIN CERTIFICATE").unwrap()..];
    assert!(load_credentials(&key_only, Some(cert1)).is_ok());
}

/// poppler's pdfsig, an independent verifier, accepts both signatures of a twice-signed file.
#[test]
fn pdfsig_accepts_both_signatures() {
    if std::process::Command::new("pdfsig").arg("-v").output().is_err() {
        eprintln!("pdfsig not installed; skipping (scripts/setup.d/30-report.sh installs it)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("yeta-sign-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("signed.pdf");
    std::fs::write(&path, twice_signed(&tiny_pdf())).unwrap();
    let out = std::process::Command::new("pdfsig").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    println!("{text}");
    assert!(text.contains("Signature #1") && text.contains("Signature #2"), "{text}");
    assert_eq!(text.matches("Signature Validation: Signature is Valid.").count(), 2, "{text}");
    assert!(text.contains("Total document signed"), "{text}");
}

/// Keys and certificates made by OpenSSL, as a reviewer's own would come: RSA (PKCS#8) and
/// P-256 (SEC1) keys, the certificate in a separate file; `pdfsig` accepts both signatures.
#[test]
fn openssl_made_rsa_and_ec_keys_sign_and_pdfsig_agrees() {
    let ok = |c: &mut std::process::Command| c.output().map(|o| o.status.success()).unwrap_or(false);
    if !ok(std::process::Command::new("openssl").arg("version")) {
        eprintln!("openssl not installed; skipping");
        return;
    }
    let dir = std::env::temp_dir().join(format!("yeta-openssl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = |n: &str| dir.join(n).to_str().unwrap().to_owned();
    assert!(ok(std::process::Command::new("openssl").args([
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        &p("rk.pem"),
        "-out",
        &p("rc.pem"),
        "-days",
        "30",
        "-subj",
        "/CN=RSA Reviewer",
    ])));
    assert!(ok(std::process::Command::new("openssl").args([
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-noout",
        "-out",
        &p("ek.pem")
    ])));
    assert!(ok(std::process::Command::new("openssl").args([
        "req",
        "-x509",
        "-key",
        &p("ek.pem"),
        "-out",
        &p("ec.pem"),
        "-days",
        "30",
        "-subj",
        "/CN=EC Reviewer",
    ])));
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let rsa = load_credentials(&read("rk.pem"), Some(&read("rc.pem"))).unwrap();
    let ec = load_credentials(&read("ek.pem"), Some(&read("ec.pem"))).unwrap();
    let s1 = sign(&tiny_pdf(), &rsa, &SignOff { reviewer: "RSA Reviewer", role: "A", unix_time: T0 }).unwrap();
    let s2 = sign(&s1, &ec, &SignOff { reviewer: "EC Reviewer", role: "B", unix_time: T0 }).unwrap();
    let who = verify(&s2).unwrap();
    assert_eq!((who[0].algorithm, who[1].algorithm), ("rsa", "ecdsa-p256"));
    assert_eq!((who[0].signer.as_str(), who[1].signer.as_str()), ("RSA Reviewer", "EC Reviewer"));
    if std::process::Command::new("pdfsig").arg("-v").output().is_ok() {
        std::fs::write(dir.join("s.pdf"), &s2).unwrap();
        let out = std::process::Command::new("pdfsig").arg(dir.join("s.pdf")).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(text.matches("Signature is Valid.").count(), 2, "{text}");
    }
}

/// A PKCS#12 file as PKI tools write it (OpenSSL 3: PBES2, AES-256-CBC): the key and the
/// certificate come out of it; a wrong password is an error, not a panic.
#[test]
fn pkcs12_from_openssl() {
    let ok = |c: &mut std::process::Command| c.output().map(|o| o.status.success()).unwrap_or(false);
    if !ok(std::process::Command::new("openssl").arg("version")) {
        eprintln!("openssl not installed; skipping");
        return;
    }
    let dir = std::env::temp_dir().join(format!("yeta-p12-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = |n: &str| dir.join(n).to_str().unwrap().to_owned();
    assert!(ok(std::process::Command::new("openssl").args([
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        &p("k.pem"),
        "-out",
        &p("c.pem"),
        "-days",
        "30",
        "-subj",
        "/CN=PKI Reviewer",
    ])));
    assert!(ok(std::process::Command::new("openssl").args([
        "pkcs12",
        "-export",
        "-inkey",
        &p("k.pem"),
        "-in",
        &p("c.pem"),
        "-out",
        &p("k.p12"),
        "-passout",
        "pass:s3cret 비밀",
    ])));
    let der = std::fs::read(dir.join("k.p12")).unwrap();
    assert!(yeta_report::load_pkcs12(&der, "wrong").is_err());
    let cred = yeta_report::load_pkcs12(&der, "s3cret 비밀").unwrap();
    let signed = sign(&tiny_pdf(), &cred, &SignOff { reviewer: "PKI Reviewer", role: "R", unix_time: T0 }).unwrap();
    assert_eq!(verify(&signed).unwrap()[0].signer, "PKI Reviewer");
}

/// A team CA issues reviewer certificates; `trust::evaluate` trusts them through the CA, not an
/// outsider's self-signed certificate with the same name; encrypted keys round-trip.
#[test]
fn team_ca_trust_and_encrypted_keys() {
    use yeta_report::{KeygenOptions, Trust, keygen_with, load_credentials_with_password, trust};
    let enc = |pw| KeygenOptions { password: Some(pw), salt: [3; 32], ..Default::default() };
    let ca_pem = keygen_with("Team CA", T0, [21; 32], &KeygenOptions { ca: true, ..enc("ca pw") }).unwrap();
    assert!(ca_pem.contains("ENCRYPTED PRIVATE KEY"));
    assert!(load_credentials(&ca_pem, None).err().unwrap().to_string().contains("YETA_KEY_PASSWORD"));
    assert!(load_credentials_with_password(&ca_pem, None, Some("wrong")).is_err());
    let ca = load_credentials_with_password(&ca_pem, None, Some("ca pw")).unwrap();
    let kim_pem = keygen_with("Kim", T0, [22; 32], &KeygenOptions { issuer: Some(&ca), ..enc("kim pw") }).unwrap();
    let kim = load_credentials_with_password(&kim_pem, None, Some("kim pw")).unwrap();
    assert_eq!(kim.chain.len(), 1, "the CA certificate travels with the reviewer's");
    let fake = load_credentials(&keygen("Kim", T0, [23; 32]).unwrap(), None).unwrap();
    let who = SignOff { reviewer: "Kim", role: "r", unix_time: T0 + 60 };
    let signed = sign(&tiny_pdf(), &kim, &who).unwrap();
    let signed = sign(&signed, &fake, &who).unwrap();
    let v = yeta_report::verify_document(&signed).unwrap();
    assert!(v.is_valid());
    let anchors = vec![ca.cert.clone()];
    let at = T0 + 60;
    assert!(matches!(trust::evaluate(&v.signatures[0].chain, &anchors, at), Trust::Trusted { .. }));
    assert!(matches!(trust::evaluate(&v.signatures[1].chain, &anchors, at), Trust::Untrusted(_)));
    // Outside the validity period: not trusted.
    assert!(matches!(trust::evaluate(&v.signatures[0].chain, &anchors, T0 - 10), Trust::Untrusted(_)));
    // Pinning the outsider's own certificate trusts exactly it.
    let pinned = vec![fake.cert.clone()];
    assert!(matches!(trust::evaluate(&v.signatures[1].chain, &pinned, at), Trust::Trusted { .. }));
    assert!(matches!(trust::evaluate(&v.signatures[0].chain, &pinned, at), Trust::Untrusted(_)));
}
