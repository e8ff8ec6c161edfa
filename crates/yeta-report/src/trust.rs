//! Which signers to trust: a bundle of trusted reviewer or CA certificates, and chain
//! validation from the signer's certificate to one of them through the certificates the
//! signature carries (each certificate's signature by its issuer, ECDSA P-256 or RSA with
//! SHA-256; validity at the signing time; the signer's key usage allows digitalSignature or
//! nonRepudiation; every issuer is a CA by basic constraints with keyCertSign).

use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

/// Longest chain followed from the signer to a trusted certificate.
pub const MAX_CHAIN: usize = 8;

const OID_BASIC_CONSTRAINTS: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.5.29.19");
const OID_KEY_USAGE: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.5.29.15");
const OID_EC_PUBLIC_KEY: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ECDSA_SHA256: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const OID_RSA: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_RSA_SHA256: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");

/// The verdict on a signer's certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// The chain reaches a trusted certificate.
    Trusted {
        /// The signer certificate's subject.
        subject: String,
        /// Its issuer.
        issuer: String,
        /// SHA-256 of the signer's certificate, hex.
        fingerprint: String,
        /// Subject of the trusted certificate the chain ends at.
        anchor: String,
    },
    /// Why not.
    Untrusted(String),
}

/// The certificates in a PEM bundle (`CERTIFICATE` blocks; other blocks are skipped).
pub fn load_trust_pem(text: &str) -> Result<Vec<Certificate>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let after = &rest[start..];
        let end_marker = "-----END CERTIFICATE-----";
        let Some(end) = after.find(end_marker) else { break };
        let block = &after[..end + end_marker.len()];
        let (_, der) = der::pem::decode_vec(block.as_bytes()).map_err(|e| format!("a CERTIFICATE block: {e}"))?;
        out.push(Certificate::from_der(&der).map_err(|e| format!("a CERTIFICATE block is not X.509: {e}"))?);
        rest = &after[end + end_marker.len()..];
    }
    if out.is_empty() {
        return Err("the trust list holds no CERTIFICATE".into());
    }
    Ok(out)
}

fn fingerprint(c: &Certificate) -> String {
    Sha256::digest(c.to_der().unwrap_or_default()).iter().map(|b| format!("{b:02x}")).collect()
}

fn ext(c: &Certificate, oid: der::oid::ObjectIdentifier) -> Option<&[u8]> {
    c.tbs_certificate.extensions.as_ref()?.iter().find(|e| e.extn_id == oid).map(|e| e.extn_value.as_bytes())
}

fn is_ca(c: &Certificate) -> bool {
    let bc = ext(c, OID_BASIC_CONSTRAINTS)
        .and_then(|b| x509_cert::ext::pkix::BasicConstraints::from_der(b).ok())
        .is_some_and(|b| b.ca);
    let ku = ext(c, OID_KEY_USAGE).and_then(|b| x509_cert::ext::pkix::KeyUsage::from_der(b).ok());
    bc && ku.is_none_or(|k| k.0.contains(x509_cert::ext::pkix::KeyUsages::KeyCertSign))
}

fn may_sign_documents(c: &Certificate) -> bool {
    use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
    match ext(c, OID_KEY_USAGE) {
        None => true,
        Some(b) => KeyUsage::from_der(b)
            .is_ok_and(|k| k.0.contains(KeyUsages::DigitalSignature) || k.0.contains(KeyUsages::NonRepudiation)),
    }
}

fn valid_at(c: &Certificate, t: u64) -> bool {
    let v = &c.tbs_certificate.validity;
    let (a, b) = (v.not_before.to_unix_duration().as_secs(), v.not_after.to_unix_duration().as_secs());
    a <= t && t <= b
}

/// Whether `issuer`'s key signed `c`.
fn signed_by(c: &Certificate, issuer: &Certificate) -> bool {
    let Ok(tbs) = c.tbs_certificate.to_der() else { return false };
    let Some(sig) = c.signature.as_bytes() else { return false };
    let spki = &issuer.tbs_certificate.subject_public_key_info;
    if spki.algorithm.oid == OID_EC_PUBLIC_KEY && c.signature_algorithm.oid == OID_ECDSA_SHA256 {
        use p256::ecdsa::signature::Verifier;
        let Ok(vk) = p256::ecdsa::VerifyingKey::from_sec1_bytes(spki.subject_public_key.raw_bytes()) else {
            return false;
        };
        let Ok(s) = p256::ecdsa::DerSignature::from_bytes(sig) else { return false };
        vk.verify(&tbs, &s).is_ok()
    } else if spki.algorithm.oid == OID_RSA && c.signature_algorithm.oid == OID_RSA_SHA256 {
        use rsa::pkcs1::DecodeRsaPublicKey;
        use rsa::signature::Verifier;
        let Ok(pk) = rsa::RsaPublicKey::from_pkcs1_der(spki.subject_public_key.raw_bytes()) else { return false };
        let vk = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(pk);
        let Ok(s) = rsa::pkcs1v15::Signature::try_from(sig) else { return false };
        vk.verify(&tbs, &s).is_ok()
    } else {
        false
    }
}

/// Judges the signer certificate `chain[0]` against `anchors` at `at` (seconds since the Unix
/// epoch: the signing time), using the other certificates of `chain` as intermediates.
pub fn evaluate(chain: &[Certificate], anchors: &[Certificate], at: u64) -> Trust {
    let Some(signer) = chain.first() else { return Trust::Untrusted("the signature carries no certificate".into()) };
    let subject = signer.tbs_certificate.subject.to_string();
    let issuer = signer.tbs_certificate.issuer.to_string();
    let fp = fingerprint(signer);
    if !valid_at(signer, at) {
        return Trust::Untrusted(format!("the certificate of {subject} was not valid at the signing time"));
    }
    if !may_sign_documents(signer) {
        return Trust::Untrusted(format!(
            "the certificate of {subject} has no digitalSignature key usage (an old self-signed Yeta key? make a new one with `yeta keygen`)"
        ));
    }
    let anchor_fps: Vec<String> = anchors.iter().map(fingerprint).collect();
    let mut cur = signer;
    for _ in 0..MAX_CHAIN {
        if let Some(i) = anchor_fps.iter().position(|a| *a == fingerprint(cur)) {
            return Trust::Trusted {
                subject,
                issuer,
                fingerprint: fp,
                anchor: anchors[i].tbs_certificate.subject.to_string(),
            };
        }
        // An issuer among the anchors first, then among the carried certificates.
        let next = anchors.iter().chain(chain.iter()).find(|c| {
            c.tbs_certificate.subject == cur.tbs_certificate.issuer
                && fingerprint(c) != fingerprint(cur)
                && is_ca(c)
                && valid_at(c, at)
                && signed_by(cur, c)
        });
        match next {
            Some(n) => cur = n,
            None => {
                return Trust::Untrusted(format!(
                    "no trusted certificate issued the certificate of {} (issuer {})",
                    cur.tbs_certificate.subject, cur.tbs_certificate.issuer
                ));
            }
        }
    }
    Trust::Untrusted(format!("the certificate chain is longer than {MAX_CHAIN}"))
}

/// Seconds since the Unix epoch of a PDF date `D:YYYYMMDDHHmmSS…` (UTC offsets ignored
/// beyond `Z`), or `None`.
pub fn pdf_date_unix(d: &str) -> Option<u64> {
    let digits: String = d.trim_start_matches("D:").chars().take(14).collect();
    if digits.len() != 14 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = |a: usize, b: usize| digits[a..b].parse::<u16>().ok();
    let (y, mo, da, h, mi, s) = (n(0, 4)?, n(4, 6)?, n(6, 8)?, n(8, 10)?, n(10, 12)?, n(12, 14)?);
    let dt = der::DateTime::new(y, mo as u8, da as u8, h as u8, mi as u8, s as u8).ok()?;
    Some(dt.unix_duration().as_secs())
}
