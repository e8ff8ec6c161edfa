//! PAdES baseline-B signatures (전자서명): CMS SignedData, detached, over the `/ByteRange`, SHA-256,
//! ECDSA P-256 or RSA PKCS#1 v1.5, the signer's certificate included, signed attributes
//! content-type, message-digest and signing-certificate-v2 (ETSI EN 319 142-1 §5.1 and
//! ETSI EN 319 122-1 §5.2). Each signature is an incremental update, so reviewers sign in turn and
//! earlier signatures stay valid.
//!
//! Bytes in, bytes out: the caller reads and writes files and passes "now".

use crate::pdfobj::{text_string, write_dict, write_literal};
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::ContentInfo;
use cms::signed_data::{EncapsulatedContentInfo, SignedData, SignerIdentifier};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode, Tag};
use lopdf::{Dictionary, Object};
use sha2::{Digest, Sha256};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use std::fmt::Write as _;
use std::io::Write as _;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;

/// Bytes reserved for the CMS blob (hex doubles it in the file).
const SIG_CAPACITY: usize = 12 * 1024;
/// Width reserved for the `/ByteRange` array.
const BYTE_RANGE_WIDTH: usize = 60;

const OID_SHA256: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const OID_DATA: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const OID_CONTENT_TYPE: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const OID_MESSAGE_DIGEST: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const OID_SIGNING_CERT_V2: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
const OID_EC_PUBLIC_KEY: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ECDSA_SHA256: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const OID_RSA_SHA256: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const OID_RSA: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// What can go wrong when signing or verifying.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The key file holds no usable private key.
    #[error("key: {0}")]
    Key(String),
    /// No certificate, or the certificate does not match the key.
    #[error("certificate: {0}")]
    Certificate(String),
    /// The input is not a PDF this module can update.
    #[error("PDF: {0}")]
    Pdf(String),
    /// Building the CMS structure failed.
    #[error("CMS: {0}")]
    Cms(String),
    /// The input does not verify, so signing it would launder a change.
    #[error("refusing to sign: {0}")]
    NotVerified(String),
    /// The embedded study is not the one whose SHA-256 the report's pages print.
    #[error("refusing to sign: the embedded study has SHA-256 {embedded}, but the report is stamped {stamped}")]
    StudyMismatch {
        /// SHA-256 of the embedded study.
        embedded: String,
        /// What the report says.
        stamped: String,
    },
    /// `--reviewer` is not the certificate's subject.
    #[error("refusing to sign: the reviewer \"{reviewer}\" is not the certificate's subject \"{subject}\"")]
    ReviewerMismatch {
        /// The name given.
        reviewer: String,
        /// The certificate's common name.
        subject: String,
    },
}

/// What is wrong with a signed PDF.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// The file has no signature.
    #[error("the document has no signature")]
    Unsigned,
    /// A `/ByteRange` or `/Contents` is malformed.
    #[error("signature {index}: {message}")]
    Malformed {
        /// 1-based signature number, in file order.
        index: usize,
        /// What is wrong.
        message: String,
    },
    /// The document changed after it was signed.
    #[error("signature {index} ({signer}): {message}")]
    Invalid {
        /// 1-based signature number.
        index: usize,
        /// The signer's name from the certificate.
        signer: String,
        /// What is wrong.
        message: String,
    },
    /// The file's structure cannot be read (cross-reference chain, objects, limits).
    #[error("the file's structure: {0}")]
    Structure(String),
    /// A signature holds, but later revisions changed what it signed.
    #[error("signature {index} ({signer}) is valid, but the document was changed after it: {}", changes.join("; "))]
    ChangedAfter {
        /// 1-based signature number.
        index: usize,
        /// The signer's name from the certificate.
        signer: String,
        /// What changed.
        changes: Vec<String>,
    },
    /// Bytes were added after the last signature.
    #[error(
        "the last signature covers {covered} bytes but the file has {len}: the document changed after it was signed"
    )]
    UnsignedTail {
        /// Bytes covered.
        covered: usize,
        /// File length.
        len: usize,
    },
}

/// One valid signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerInfo {
    /// Subject common name of the certificate.
    pub signer: String,
    /// Reviewer name from the signature dictionary (`/Name`).
    pub reviewer: Option<String>,
    /// Role (`/Reason`).
    pub role: Option<String>,
    /// Signing date from `/M`.
    pub date: Option<String>,
    /// SHA-256 of the signer's certificate, hex.
    pub cert_sha256: String,
    /// `ecdsa-p256` or `rsa`.
    pub algorithm: &'static str,
    /// Bytes of the file the signature covers (a prefix for earlier signatures).
    pub covered: usize,
}

/// A private key of a kind PAdES allows.
pub enum PrivateKey {
    /// ECDSA on P-256.
    P256(p256::ecdsa::SigningKey),
    /// RSA (PKCS#1 v1.5 with SHA-256).
    Rsa(Box<rsa::RsaPrivateKey>),
}

/// A signer: key and certificate.
pub struct Credentials {
    /// The private key.
    pub key: PrivateKey,
    /// The signer's certificate.
    pub cert: Certificate,
    /// Further certificates (issuing CAs) carried in each signature so verifiers can build
    /// the chain.
    pub chain: Vec<Certificate>,
}

/// PBKDF2-SHA256 iterations for keys `keygen` encrypts (PBES2, AES-256-CBC).
pub const KEY_PBKDF2_ITERATIONS: u32 = 100_000;

/// A reviewer's sign-off.
#[derive(Debug, Clone)]
pub struct SignOff<'a> {
    /// Reviewer's name.
    pub reviewer: &'a str,
    /// Reviewer's role.
    pub role: &'a str,
    /// Signing time, seconds since the Unix epoch (the caller's clock).
    pub unix_time: u64,
}

fn pem_blocks(text: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start..];
        let Some(end_label) = after[11..].find("-----") else {
            break;
        };
        let label = after[11..11 + end_label].to_owned();
        let end_marker = format!("-----END {label}-----");
        let Some(end) = after.find(&end_marker) else {
            break;
        };
        let block = &after[..end + end_marker.len()];
        if let Ok((_, der)) = der::pem::decode_vec(block.as_bytes()) {
            out.push((label, der));
        }
        rest = &after[end + end_marker.len()..];
    }
    out
}

/// Reads a private key (PKCS#8, SEC1 `EC PRIVATE KEY` or PKCS#1 `RSA PRIVATE KEY`) and a
/// certificate from PEM text: `key_pem` holds the key and maybe the certificate, `cert_pem` a
/// separate certificate when the key file holds none.
pub fn load_credentials(key_pem: &str, cert_pem: Option<&str>) -> Result<Credentials, SignError> {
    load_credentials_with_password(key_pem, cert_pem, None)
}

/// [`load_credentials`], also reading an `ENCRYPTED PRIVATE KEY` (PKCS#8, PBES2) with
/// `password`. Certificates after the signer's are kept as its chain.
pub fn load_credentials_with_password(
    key_pem: &str,
    cert_pem: Option<&str>,
    password: Option<&str>,
) -> Result<Credentials, SignError> {
    use p256::pkcs8::DecodePrivateKey;
    let mut key = None;
    let mut cert = None;
    let mut chain = Vec::new();
    let blocks = pem_blocks(key_pem).into_iter().chain(cert_pem.map(pem_blocks).unwrap_or_default());
    for (label, der) in blocks {
        match label.as_str() {
            "PRIVATE KEY" if key.is_none() => {
                if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(&der) {
                    key = Some(PrivateKey::P256(k));
                } else if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_der(&der) {
                    key = Some(PrivateKey::Rsa(Box::new(k)));
                } else {
                    return Err(SignError::Key("PRIVATE KEY is neither ECDSA P-256 nor RSA".into()));
                }
            }
            "EC PRIVATE KEY" if key.is_none() => {
                let k = p256::SecretKey::from_sec1_der(&der)
                    .map_err(|e| SignError::Key(format!("EC PRIVATE KEY: {e} (only P-256)")))?;
                key = Some(PrivateKey::P256(k.into()));
            }
            "RSA PRIVATE KEY" if key.is_none() => {
                use rsa::pkcs1::DecodeRsaPrivateKey;
                let k = rsa::RsaPrivateKey::from_pkcs1_der(&der)
                    .map_err(|e| SignError::Key(format!("RSA PRIVATE KEY: {e}")))?;
                key = Some(PrivateKey::Rsa(Box::new(k)));
            }
            "ENCRYPTED PRIVATE KEY" if key.is_none() => {
                let Some(pw) = password else {
                    return Err(SignError::Key(
                        "the private key is encrypted: set YETA_KEY_PASSWORD to its passphrase".into(),
                    ));
                };
                let epki = pkcs8::EncryptedPrivateKeyInfo::try_from(der.as_slice())
                    .map_err(|e| SignError::Key(format!("ENCRYPTED PRIVATE KEY: {e}")))?;
                let doc = epki
                    .decrypt(pw)
                    .map_err(|_| SignError::Key("cannot decrypt the private key: wrong passphrase?".into()))?;
                if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(doc.as_bytes()) {
                    key = Some(PrivateKey::P256(k));
                } else if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_der(doc.as_bytes()) {
                    key = Some(PrivateKey::Rsa(Box::new(k)));
                } else {
                    return Err(SignError::Key("ENCRYPTED PRIVATE KEY is neither ECDSA P-256 nor RSA".into()));
                }
            }
            "CERTIFICATE" => {
                let c = Certificate::from_der(&der).map_err(|e| SignError::Certificate(format!("not X.509: {e}")))?;
                if cert.is_none() {
                    cert = Some(c);
                } else if chain.len() < 8 {
                    chain.push(c);
                }
            }
            _ => {}
        }
    }
    let key = key.ok_or_else(|| SignError::Key("no private key in the PEM text".into()))?;
    let cert =
        cert.ok_or_else(|| SignError::Certificate("no CERTIFICATE in the key file; name one with --cert".into()))?;
    let spki_key = match &key {
        PrivateKey::P256(k) => {
            use p256::pkcs8::EncodePublicKey;
            k.verifying_key().to_public_key_der().map(|d| d.into_vec())
        }
        PrivateKey::Rsa(k) => {
            use rsa::pkcs8::EncodePublicKey;
            k.to_public_key().to_public_key_der().map(|d| d.into_vec())
        }
    }
    .map_err(|e| SignError::Key(e.to_string()))?;
    let cert_key =
        cert.tbs_certificate.subject_public_key_info.to_der().map_err(|e| SignError::Certificate(e.to_string()))?;
    if spki_key != cert_key {
        return Err(SignError::Certificate("the certificate's public key does not match the private key".into()));
    }
    Ok(Credentials { key, cert, chain })
}

/// A new ECDSA P-256 key and a self-signed certificate for `name`, valid ten years from
/// `unix_time`, as one PEM text (`PRIVATE KEY` then `CERTIFICATE`). `seed` is 32 random bytes
/// from the caller (the library has no randomness of its own).
pub fn keygen(name: &str, unix_time: u64, seed: [u8; 32]) -> Result<String, SignError> {
    keygen_with(name, unix_time, seed, &KeygenOptions::default())
}

/// What kind of key and certificate [`keygen_with`] makes.
#[derive(Default)]
pub struct KeygenOptions<'a> {
    /// A team CA (basic constraints CA, key usage keyCertSign and cRLSign) instead of a reviewer.
    pub ca: bool,
    /// The CA that issues the reviewer's certificate (else it is self-signed).
    pub issuer: Option<&'a Credentials>,
    /// Encrypt the private key (PKCS#8 PBES2: PBKDF2-SHA256, AES-256-CBC) with this passphrase,
    /// salted with `salt` (caller's randomness).
    pub password: Option<&'a str>,
    /// 32 random bytes for the encryption's salt and IV.
    pub salt: [u8; 32],
}

/// [`keygen`] with options: a team CA, a reviewer certificate issued by a CA (the CA's
/// certificate follows the reviewer's in the PEM text), an encrypted key. Reviewer certificates
/// have key usage digitalSignature and nonRepudiation and are not CAs.
pub fn keygen_with(name: &str, unix_time: u64, seed: [u8; 32], opts: &KeygenOptions<'_>) -> Result<String, SignError> {
    use p256::pkcs8::{EncodePrivateKey, LineEnding};
    use std::str::FromStr;
    use x509_cert::builder::{Builder, CertificateBuilder, Profile};
    let secret = p256::SecretKey::from_slice(&seed)
        .map_err(|_| SignError::Key("the random seed is not a valid P-256 scalar".into()))?;
    let key = p256::ecdsa::SigningKey::from(secret);
    let escaped: String =
        name.chars().map(|c| if ",+\"\\<>;=#".contains(c) { format!("\\{c}") } else { c.to_string() }).collect();
    let org = if opts.ca { "Yeta team CA" } else { "Yeta reviewer" };
    let subject = x509_cert::name::Name::from_str(&format!("CN={escaped},O={org}"))
        .map_err(|e| SignError::Certificate(format!("name \"{name}\": {e}")))?;
    let serial_bytes = Sha256::digest([name.as_bytes(), &unix_time.to_be_bytes(), &seed].concat());
    let mut serial = serial_bytes[..16].to_vec();
    serial[0] &= 0x7f;
    serial[0] |= 0x01;
    let serial =
        x509_cert::serial_number::SerialNumber::new(&serial).map_err(|e| SignError::Certificate(e.to_string()))?;
    let not_before = der::DateTime::from_unix_duration(std::time::Duration::from_secs(unix_time))
        .map_err(|e| SignError::Certificate(e.to_string()))?;
    let years = if opts.ca { 20 } else { 10 };
    let not_after = der::DateTime::from_unix_duration(std::time::Duration::from_secs(unix_time + years * 365 * 86_400))
        .map_err(|e| SignError::Certificate(e.to_string()))?;
    let time = |d: der::DateTime| {
        x509_cert::time::Time::UtcTime(
            der::asn1::UtcTime::from_date_time(d)
                .map_err(|e| SignError::Certificate(format!("date out of UTCTime range: {e}")))?,
        )
        .pipe(Ok)
    };
    let validity = x509_cert::time::Validity { not_before: time(not_before)?, not_after: time(not_after)? };
    let spki =
        SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(|e| SignError::Certificate(e.to_string()))?;
    let cert_err = |e: x509_cert::builder::Error| SignError::Certificate(e.to_string());
    let (cert, extra) = match (opts.ca, opts.issuer) {
        (true, _) => {
            let b = CertificateBuilder::new(Profile::Root, serial, validity, subject, spki, &key).map_err(cert_err)?;
            (b.build::<p256::ecdsa::DerSignature>().map_err(cert_err)?, Vec::new())
        }
        (false, Some(ca)) => {
            let PrivateKey::P256(ca_key) = &ca.key else {
                return Err(SignError::Key("the issuing CA's key must be ECDSA P-256".into()));
            };
            let profile = Profile::Leaf {
                issuer: ca.cert.tbs_certificate.subject.clone(),
                enable_key_agreement: false,
                enable_key_encipherment: false,
            };
            let b = CertificateBuilder::new(profile, serial, validity, subject, spki, ca_key).map_err(cert_err)?;
            let mut extra = vec![ca.cert.clone()];
            extra.extend(ca.chain.iter().cloned());
            (b.build::<p256::ecdsa::DerSignature>().map_err(cert_err)?, extra)
        }
        (false, None) => {
            let profile =
                Profile::Leaf { issuer: subject.clone(), enable_key_agreement: false, enable_key_encipherment: false };
            let b = CertificateBuilder::new(profile, serial, validity, subject, spki, &key).map_err(cert_err)?;
            (b.build::<p256::ecdsa::DerSignature>().map_err(cert_err)?, Vec::new())
        }
    };
    let key_pem = match opts.password {
        None => key.to_pkcs8_pem(LineEnding::LF).map_err(|e| SignError::Key(e.to_string()))?.to_string(),
        Some(pw) => {
            let doc = key.to_pkcs8_der().map_err(|e| SignError::Key(e.to_string()))?;
            let pki = pkcs8::PrivateKeyInfo::try_from(doc.as_bytes()).map_err(|e| SignError::Key(e.to_string()))?;
            let mut iv = [0u8; 16];
            iv.copy_from_slice(&opts.salt[16..]);
            let params =
                pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(KEY_PBKDF2_ITERATIONS, &opts.salt[..16], &iv)
                    .map_err(|e| SignError::Key(e.to_string()))?;
            let enc = pki.encrypt_with_params(params, pw).map_err(|e| SignError::Key(e.to_string()))?;
            der::pem::encode_string("ENCRYPTED PRIVATE KEY", der::pem::LineEnding::LF, enc.as_bytes())
                .map_err(|e| SignError::Key(e.to_string()))?
        }
    };
    let mut out = key_pem;
    for c in std::iter::once(&cert).chain(&extra) {
        let cert_der = c.to_der().map_err(|e| SignError::Certificate(e.to_string()))?;
        let pem = der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, &cert_der)
            .map_err(|e| SignError::Certificate(e.to_string()))?;
        out.push_str(&pem);
    }
    Ok(out)
}

trait Pipe: Sized {
    fn pipe<R>(self, f: impl FnOnce(Self) -> R) -> R {
        f(self)
    }
}
impl<T> Pipe for T {}

/// The certificate's subject common name (or the whole subject).
pub fn common_name(cert: &Certificate) -> String {
    for rdn in cert.tbs_certificate.subject.0.iter() {
        for atv in rdn.0.iter() {
            if atv.oid == const_oid_cn() {
                if let Ok(s) = der::asn1::Utf8StringRef::try_from(&atv.value) {
                    return s.as_str().to_owned();
                }
                if let Ok(s) = der::asn1::PrintableStringRef::try_from(&atv.value) {
                    return s.as_str().to_owned();
                }
            }
        }
    }
    cert.tbs_certificate.subject.to_string()
}

fn const_oid_cn() -> der::oid::ObjectIdentifier {
    der::oid::ObjectIdentifier::new_unwrap("2.5.4.3")
}

/// SHA-256 of the certificate's DER, lower-case hex.
pub fn cert_fingerprint(cert: &Certificate) -> String {
    hex(&Sha256::digest(cert.to_der().unwrap_or_default()))
}

fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        let _ = write!(s, "{x:02x}");
    }
    s
}

fn pdf_date(unix: u64) -> String {
    match der::DateTime::from_unix_duration(std::time::Duration::from_secs(unix)) {
        Ok(d) => format!(
            "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minutes(),
            d.seconds()
        ),
        Err(_) => "D:19700101000000Z".into(),
    }
}

/// Korean time `YYYY-MM-DD HH:MM KST` (UTC+9, no daylight saving).
pub fn human_date_kst(unix: u64) -> String {
    human_date(unix.saturating_add(9 * 3600)).replace(" UTC", " KST")
}

/// Human date `YYYY-MM-DD HH:MM UTC`.
pub fn human_date(unix: u64) -> String {
    match der::DateTime::from_unix_duration(std::time::Duration::from_secs(unix)) {
        Ok(d) => format!("{:04}-{:02}-{:02} {:02}:{:02} UTC", d.year(), d.month(), d.day(), d.hour(), d.minutes()),
        Err(_) => "1970-01-01 00:00 UTC".into(),
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn startxref(pdf: &[u8]) -> Result<usize, SignError> {
    let tail_from = pdf.len().saturating_sub(1024);
    let p = find_last(&pdf[tail_from..], b"startxref")
        .ok_or_else(|| SignError::Pdf("no startxref near the end of the file".into()))?
        + tail_from;
    let num: String = pdf[p + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    num.parse().map_err(|_| SignError::Pdf("startxref is not followed by an offset".into()))
}

/// Where signature boxes go on the last page: slot `k` (0-based), in points
/// `[x0, y0, x1, y1]` on an A4 page. The report's sign-off page draws these boxes.
pub fn slot_rect(k: usize) -> [f32; 4] {
    let col = (k % 2) as f32;
    let row = (k / 2) as f32;
    let x0 = 56.7 + col * 247.0;
    let y1 = 620.0 - row * 120.0;
    [x0, y1 - 100.0, x0 + 235.0, y1]
}

/// Signs `pdf` as an incremental update and returns the signed bytes.
///
/// Refuses (no laundering) a file whose existing signatures do not all verify, an unsigned file
/// with incremental updates, a report whose embedded study does not match its stamp, and a
/// reviewer name that is not the certificate's common name. The first signature certifies the
/// document (DocMDP, `/P 2`: only further signatures allowed). A report whose catalog says
/// `/Lang (ko)` gets its sign-off block in Korean, with the time in KST.
pub fn sign(pdf: &[u8], cred: &Credentials, who: &SignOff<'_>) -> Result<Vec<u8>, SignError> {
    let subject = common_name(&cred.cert);
    if subject.trim() != who.reviewer.trim() {
        return Err(SignError::ReviewerMismatch { reviewer: who.reviewer.to_owned(), subject });
    }
    match crate::verify::verify_document(pdf) {
        Ok(v) if v.is_valid() => {}
        Ok(v) => {
            let why = v
                .signatures
                .iter()
                .find_map(|s| match &s.status {
                    crate::verify::SigStatus::Valid => None,
                    crate::verify::SigStatus::Invalid(m) => Some(format!("signature {} is not valid: {m}", s.index)),
                    crate::verify::SigStatus::ChangedAfter(c) => Some(format!(
                        "signature {} is valid, but the document was changed after it: {}",
                        s.index,
                        c.join("; ")
                    )),
                })
                .unwrap_or_else(|| format!("{} bytes after the last revision", v.trailing));
            return Err(SignError::NotVerified(why));
        }
        Err(VerifyError::Unsigned) => {
            let parsed = crate::pdfread::Pdf::parse(pdf).map_err(|e| SignError::NotVerified(e.to_string()))?;
            if parsed.revisions.len() > 1 {
                return Err(SignError::NotVerified(format!(
                    "the unsigned report has {} incremental update(s) after it was rendered",
                    parsed.revisions.len() - 1
                )));
            }
            if parsed.revisions.last().is_some_and(|r| r.end != pdf.len()) {
                return Err(SignError::NotVerified("bytes follow the end of the report".into()));
            }
        }
        Err(e) => return Err(SignError::NotVerified(e.to_string())),
    }
    crate::render::check_study_stamp(pdf).map_err(|e| match e {
        crate::render::StampError::Mismatch { embedded, stamped } => SignError::StudyMismatch { embedded, stamped },
        crate::render::StampError::Unreadable(m) => SignError::NotVerified(m),
    })?;
    sign_unchecked(pdf, cred, who)
}

/// Appends a signature without any of [`sign`]'s checks on the input or the reviewer's name.
/// For building test and attack corpora (an attacker has their own tools anyway): a real
/// sign-off goes through [`sign`].
#[doc(hidden)]
pub fn sign_unchecked(pdf: &[u8], cred: &Credentials, who: &SignOff<'_>) -> Result<Vec<u8>, SignError> {
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| SignError::Pdf(e.to_string()))?;
    let prev = startxref(pdf)?;
    let root_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| SignError::Pdf("the trailer has no /Root".into()))?;
    let catalog = doc.get_dictionary(root_id).map_err(|e| SignError::Pdf(format!("catalog: {e}")))?.clone();
    let pages = doc.get_pages();
    let (_, &page_id) = pages.iter().next_back().ok_or_else(|| SignError::Pdf("the document has no pages".into()))?;
    let mut page = doc.get_dictionary(page_id).map_err(|e| SignError::Pdf(format!("page: {e}")))?.clone();

    // Existing form fields: count signatures to name the new one and pick its slot.
    let mut acroform = match catalog.get(b"AcroForm") {
        Ok(o) => match doc.dereference(o) {
            Ok((_, Object::Dictionary(d))) => d.clone(),
            _ => Dictionary::new(),
        },
        Err(_) => Dictionary::new(),
    };
    let mut fields: Vec<Object> = match acroform.get(b"Fields") {
        Ok(o) => match doc.dereference(o) {
            Ok((_, Object::Array(a))) => a.clone(),
            _ => Vec::new(),
        },
        Err(_) => Vec::new(),
    };
    let existing_sigs = fields
        .iter()
        .filter(|f| {
            doc.dereference(f)
                .ok()
                .and_then(|(_, o)| o.as_dict().ok())
                .and_then(|d| d.get(b"FT").ok())
                .and_then(|o| o.as_name().ok())
                == Some(b"Sig".as_slice())
        })
        .count();

    let base =
        doc.max_id.max(doc.trailer.get(b"Size").and_then(Object::as_i64).map_or(0, |s| (s as u32).saturating_sub(1)));
    let sig_id = base + 1;
    let field_id = base + 2;
    let ap_id = base + 3;
    let form_id = base + 4;
    let font_id = base + 5;
    let r = |id: u32| Object::Reference((id, 0));

    let fingerprint = cert_fingerprint(&cred.cert);
    let rect = slot_rect(existing_sigs);
    let (w, h) = (rect[2] - rect[0], rect[3] - rect[1]);
    let ascii = |s: &str| -> String {
        s.chars().map(|c| if c.is_ascii() && !c.is_ascii_control() { c } else { '?' }).collect()
    };
    let mut ap = Vec::new();
    let _ = writeln!(
        &mut ap,
        "q 0.96 0.97 1 rg 0 0 {w} {h} re f 0.2 0.3 0.5 RG 1 w 0.5 0.5 {} {} re S Q",
        w - 1.0,
        h - 1.0
    );
    let korean = matches!(catalog.get(b"Lang"), Ok(Object::String(l, _)) if l.starts_with(b"ko"));
    let certify = existing_sigs == 0 && catalog.get(b"Perms").is_err();
    let lines = if korean {
        [
            (10.0, format!("서명자: {}", who.reviewer)),
            (8.0, format!("직위: {}", who.role)),
            (8.0, format!("일시: {}", human_date_kst(who.unix_time))),
            (8.0, format!("인증서: {}", common_name(&cred.cert))),
            (7.0, format!("SHA-256 {}", &fingerprint[..32])),
            (7.0, format!("        {}", &fingerprint[32..])),
        ]
    } else {
        [
            (10.0, format!("Digitally signed by {}", who.reviewer)),
            (8.0, format!("Role: {}", who.role)),
            (8.0, format!("Date: {}", human_date(who.unix_time))),
            (8.0, format!("Certificate: {}", common_name(&cred.cert))),
            (7.0, format!("SHA-256 {}", &fingerprint[..32])),
            (7.0, format!("        {}", &fingerprint[32..])),
        ]
    };
    // Korean names need the report's own font: reuse a Type0 font of the page when it has
    // glyphs for every character, else Helvetica with '?' for what it cannot show.
    let cid_font = page_cid_font(&doc, &page)
        .filter(|(_, f)| lines.iter().all(|(_, l)| l.chars().all(|c| f.lookup_glyph_index(c as u32).is_some())));
    let font_ref = match &cid_font {
        Some((r, _)) => format!("{} {} R", r.0, r.1),
        None => format!("{font_id} 0 R"),
    };
    let mut y = h - 18.0;
    ap.extend_from_slice(b"BT 0.1 0.15 0.3 rg\n");
    for (size, text) in &lines {
        match &cid_font {
            Some((_, f)) => {
                // Each glyph placed by its true advance: the report's /W array lists only
                // the glyphs the report itself uses.
                let upem = f32::from(f.units_per_em.max(1));
                let _ = write!(&mut ap, "/F1 {size} Tf ");
                let mut x = 8.0;
                for c in text.chars() {
                    let g = f.lookup_glyph_index(c as u32).unwrap_or(0);
                    let _ = write!(&mut ap, "1 0 0 1 {x:.2} {y} Tm <{g:04X}> Tj ");
                    x += f32::from(f.get_glyph_width(g).unwrap_or(0)) / upem * size;
                }
                ap.push(b'\n');
            }
            None => {
                let _ = write!(&mut ap, "/F1 {size} Tf 1 0 0 1 8 {y} Tm ");
                write_literal(&mut ap, ascii(text).as_bytes());
                ap.extend_from_slice(b" Tj\n");
            }
        }
        y -= size + 5.0;
    }
    ap.extend_from_slice(b"ET\n");

    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut offsets: Vec<(u32, usize)> = Vec::new();

    // 1. The signature value, with placeholders.
    offsets.push((sig_id, out.len()));
    let mut sig =
        format!("{sig_id} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n/ByteRange ")
            .into_bytes();
    let br_at = out.len() + sig.len();
    sig.extend(std::iter::repeat_n(b' ', BYTE_RANGE_WIDTH));
    sig.extend_from_slice(b"\n/Contents ");
    let contents_at = out.len() + sig.len();
    sig.push(b'<');
    sig.extend(std::iter::repeat_n(b'0', SIG_CAPACITY * 2));
    sig.push(b'>');
    sig.extend_from_slice(b"\n/Name ");
    write_literal(&mut sig, &text_string(who.reviewer));
    sig.extend_from_slice(b"\n/Reason ");
    write_literal(&mut sig, &text_string(who.role));
    sig.extend_from_slice(b"\n/M ");
    write_literal(&mut sig, pdf_date(who.unix_time).as_bytes());
    if certify {
        // The certification signature (ISO 32000-1 §12.8.2.2): DocMDP, only signatures may follow.
        sig.extend_from_slice(
            b"\n/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 2 /V /1.2 >> >>]",
        );
    }
    sig.extend_from_slice(b"\n>>\nendobj\n");
    out.extend_from_slice(&sig);
    let contents_end = contents_at + 2 + SIG_CAPACITY * 2;

    // 2. The field and its widget, merged.
    let mut field = Dictionary::new();
    field.set("Type", Object::Name(b"Annot".to_vec()));
    field.set("Subtype", Object::Name(b"Widget".to_vec()));
    field.set("FT", Object::Name(b"Sig".to_vec()));
    field.set("T", Object::string_literal(format!("Signature{}", existing_sigs + 1)));
    field.set(
        "TU",
        Object::String(text_string(&format!("{} — {}", who.reviewer, who.role)), lopdf::StringFormat::Literal),
    );
    field.set("V", r(sig_id));
    field.set("F", Object::Integer(132));
    field.set("P", Object::Reference(page_id));
    field.set("Rect", Object::Array(rect.iter().map(|&v| Object::Real(v)).collect()));
    let mut ap_dict = Dictionary::new();
    ap_dict.set("N", r(ap_id));
    field.set("AP", Object::Dictionary(ap_dict));
    push_obj(&mut out, &mut offsets, field_id, &field);

    // 3. The appearance stream.
    offsets.push((ap_id, out.len()));
    let _ = write!(
        &mut out,
        "{ap_id} 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] /Resources << /Font << /F1 {} >> >> /Length {} >>\nstream\n",
        font_ref,
        ap.len()
    );
    out.extend_from_slice(&ap);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    if cid_font.is_none() {
        offsets.push((font_id, out.len()));
        let _ = write!(
            &mut out,
            "{font_id} 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n"
        );
    }

    // 4. The form.
    fields.push(r(field_id));
    acroform.set("Fields", Object::Array(fields));
    acroform.set("SigFlags", Object::Integer(3));
    push_obj(&mut out, &mut offsets, form_id, &acroform);

    // 5. The page with the widget among its annotations, and the catalog pointing at the form.
    let mut annots: Vec<Object> = match page.get(b"Annots") {
        Ok(o) => match doc.dereference(o) {
            Ok((_, Object::Array(a))) => a.clone(),
            _ => Vec::new(),
        },
        Err(_) => Vec::new(),
    };
    annots.push(r(field_id));
    page.set("Annots", Object::Array(annots));
    push_obj(&mut out, &mut offsets, page_id.0, &page);
    let mut catalog = catalog;
    catalog.set("AcroForm", r(form_id));
    if certify {
        let mut perms = Dictionary::new();
        perms.set("DocMDP", r(sig_id));
        catalog.set("Perms", Object::Dictionary(perms));
    }
    push_obj(&mut out, &mut offsets, root_id.0, &catalog);

    // 6. The cross-reference section and trailer.
    offsets.sort();
    let xref_at = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    let mut i = 0;
    while i < offsets.len() {
        let mut j = i;
        while j + 1 < offsets.len() && offsets[j + 1].0 == offsets[j].0 + 1 {
            j += 1;
        }
        let _ = writeln!(&mut out, "{} {}", offsets[i].0, j - i + 1);
        for &(_, off) in &offsets[i..=j] {
            let _ = writeln!(&mut out, "{off:010} 00000 n ");
        }
        i = j + 1;
    }
    let mut trailer = Dictionary::new();
    trailer.set("Size", Object::Integer(i64::from(font_id) + 1));
    trailer.set("Root", Object::Reference(root_id));
    if let Ok(info) = doc.trailer.get(b"Info") {
        trailer.set("Info", info.clone());
    }
    if let Ok(id) = doc.trailer.get(b"ID") {
        trailer.set("ID", id.clone());
    }
    trailer.set("Prev", Object::Integer(prev as i64));
    out.extend_from_slice(b"trailer\n");
    write_dict(&mut out, &trailer);
    let _ = write!(&mut out, "\nstartxref\n{xref_at}\n%%EOF\n");

    // 7. The byte range, then the signature over it.
    let br = format!("[0 {contents_at} {contents_end} {}]", out.len() - contents_end);
    if br.len() > BYTE_RANGE_WIDTH {
        return Err(SignError::Pdf("document too large for the byte range".into()));
    }
    out[br_at..br_at + br.len()].copy_from_slice(br.as_bytes());
    let mut h = Sha256::new();
    h.update(&out[..contents_at]);
    h.update(&out[contents_end..]);
    let digest = h.finalize();
    let cms = cms_sign(cred, &digest)?;
    if cms.len() > SIG_CAPACITY {
        return Err(SignError::Cms(format!(
            "the signature needs {} bytes, more than the {SIG_CAPACITY} reserved (certificate chain too long)",
            cms.len()
        )));
    }
    let hx = hex(&cms).to_uppercase();
    out[contents_at + 1..contents_at + 1 + hx.len()].copy_from_slice(hx.as_bytes());
    Ok(out)
}

fn push_obj(out: &mut Vec<u8>, offsets: &mut Vec<(u32, usize)>, id: u32, d: &Dictionary) {
    offsets.push((id, out.len()));
    let _ = writeln!(out, "{id} 0 obj");
    write_dict(out, d);
    out.extend_from_slice(b"\nendobj\n");
}

fn signing_certificate_v2(cert: &Certificate) -> Result<Attribute, SignError> {
    let e = |e: der::Error| SignError::Cms(e.to_string());
    let der = cert.to_der().map_err(e)?;
    let hash = OctetString::new(Sha256::digest(&der).to_vec()).map_err(e)?;
    // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL }
    let ess_cert_id = Any::new(Tag::Sequence, hash.to_der().map_err(e)?).map_err(e)?;
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
    let certs = Any::new(Tag::Sequence, ess_cert_id.to_der().map_err(e)?).map_err(e)?;
    let value = Any::new(Tag::Sequence, certs.to_der().map_err(e)?).map_err(e)?;
    let mut values = SetOfVec::new();
    values.insert(value).map_err(e)?;
    Ok(Attribute { oid: OID_SIGNING_CERT_V2, values })
}

fn cms_sign(cred: &Credentials, digest: &[u8]) -> Result<Vec<u8>, SignError> {
    let e = |e: &dyn std::fmt::Display| SignError::Cms(e.to_string());
    let eci = EncapsulatedContentInfo { econtent_type: OID_DATA, econtent: None };
    let digest_alg = AlgorithmIdentifierOwned { oid: OID_SHA256, parameters: None };
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: cred.cert.tbs_certificate.issuer.clone(),
        serial_number: cred.cert.tbs_certificate.serial_number.clone(),
    });
    let mut builder = SignedDataBuilder::new(&eci);
    builder
        .add_digest_algorithm(digest_alg.clone())
        .map_err(|x| e(&x))?
        .add_certificate(CertificateChoices::Certificate(cred.cert.clone()))
        .map_err(|x| e(&x))?;
    for c in &cred.chain {
        builder.add_certificate(CertificateChoices::Certificate(c.clone())).map_err(|x| e(&x))?;
    }
    let sca = signing_certificate_v2(&cred.cert)?;
    match &cred.key {
        PrivateKey::P256(k) => {
            let mut si = SignerInfoBuilder::new(k, sid, digest_alg, &eci, Some(digest)).map_err(|x| e(&x))?;
            si.add_signed_attribute(sca).map_err(|x| e(&x))?;
            builder.add_signer_info::<_, p256::ecdsa::DerSignature>(si).map_err(|x| e(&x))?;
        }
        PrivateKey::Rsa(k) => {
            let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new((**k).clone());
            let mut si = SignerInfoBuilder::new(&signer, sid, digest_alg, &eci, Some(digest)).map_err(|x| e(&x))?;
            si.add_signed_attribute(sca).map_err(|x| e(&x))?;
            builder.add_signer_info::<_, rsa::pkcs1v15::Signature>(si).map_err(|x| e(&x))?;
        }
    }
    let ci = builder.build().map_err(|x| e(&x))?;
    ci.to_der().map_err(|x| e(&x))
}

/// Checks every signature of `pdf` revision by revision (see [`crate::verify`]) and returns the
/// signers in field order when all hold and nothing but allowed changes followed any of them;
/// else the first problem. [`crate::verify::verify_document`] gives each signature's verdict.
pub fn verify(pdf: &[u8]) -> Result<Vec<SignerInfo>, VerifyError> {
    let v = crate::verify::verify_document(pdf)?;
    if v.trailing > 0 {
        return Err(VerifyError::UnsignedTail { covered: pdf.len() - v.trailing, len: pdf.len() });
    }
    let mut out = Vec::new();
    for s in v.signatures {
        let signer = s.info.as_ref().map_or_else(|| "?".to_owned(), |i| i.signer.clone());
        match s.status {
            crate::verify::SigStatus::Valid => {}
            crate::verify::SigStatus::Invalid(message) => {
                return Err(VerifyError::Invalid { index: s.index, signer, message });
            }
            crate::verify::SigStatus::ChangedAfter(changes) => {
                return Err(VerifyError::ChangedAfter { index: s.index, signer, changes });
            }
        }
        out.extend(s.info);
    }
    Ok(out)
}

/// Checks a CMS SignedData blob over `part1` then `part2`: the signer and the certificates the
/// structure carries (the signer's first), or (signer or "?", what is wrong).
pub(crate) fn check_cms(
    blob: &[u8],
    part1: &[u8],
    part2: &[u8],
) -> Result<(SignerInfo, Vec<Certificate>), (String, String)> {
    let unknown = |m: String| ("?".to_owned(), m);
    let ci = ContentInfo::from_der(blob).map_err(|e| unknown(format!("not a CMS ContentInfo: {e}")))?;
    if ci.content_type != der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2") {
        return Err(unknown(format!("ContentInfo type {} is not signedData", ci.content_type)));
    }
    let sd: SignedData = ci.content.decode_as().map_err(|e| unknown(format!("not CMS SignedData: {e}")))?;
    // The unsigned parts of the structure must say what the signed parts say.
    if ci.to_der().ok().as_deref() != Some(blob) {
        return Err(unknown("the CMS structure is not in canonical DER".into()));
    }
    if sd.encap_content_info.econtent_type != OID_DATA || sd.encap_content_info.econtent.is_some() {
        return Err(unknown("the signature is not detached over id-data (ETSI.CAdES.detached)".into()));
    }
    if sd.version != cms::content_info::CmsVersion::V1
        || sd.digest_algorithms.iter().any(|a| a.oid != OID_SHA256)
        || sd.signer_infos.0.len() != 1
    {
        return Err(unknown("SignedData must be version 1 with one signer and SHA-256".into()));
    }
    let si = sd.signer_infos.0.iter().next().ok_or_else(|| unknown("no SignerInfo".into()))?;
    let certs: Vec<&Certificate> = sd
        .certificates
        .as_ref()
        .map(|c| {
            c.0.iter()
                .filter_map(|c| match c {
                    CertificateChoices::Certificate(c) => Some(c),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let cert = match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => certs
            .iter()
            .find(|c| c.tbs_certificate.issuer == ias.issuer && c.tbs_certificate.serial_number == ias.serial_number),
        SignerIdentifier::SubjectKeyIdentifier(_) => certs.first(),
    }
    .ok_or_else(|| unknown("the signer's certificate is not in the signature".into()))?;
    let signer = common_name(cert);
    let fail = |m: String| (signer.clone(), m);
    if si.digest_alg.oid != OID_SHA256 {
        return Err(fail(format!("digest algorithm {} is not SHA-256", si.digest_alg.oid)));
    }
    let attrs = si.signed_attrs.as_ref().ok_or_else(|| fail("no signed attributes (PAdES needs them)".into()))?;
    let md = attrs
        .iter()
        .find(|a| a.oid == OID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or_else(|| fail("no message-digest attribute".into()))?;
    let data_oid = Any::from(&OID_DATA);
    let ct_ok = attrs
        .iter()
        .find(|a| a.oid == OID_CONTENT_TYPE)
        .is_some_and(|a| a.values.len() == 1 && a.values.iter().all(|v| v == &data_oid));
    if !ct_ok {
        return Err(fail("the content-type attribute is missing or is not id-data".into()));
    }
    if si.version != cms::content_info::CmsVersion::V1 || si.unsigned_attrs.is_some() {
        return Err(fail("SignerInfo must be version 1 without unsigned attributes".into()));
    }
    // signing-certificate-v2 binds the certificate to the signature (PAdES baseline B).
    let cert_hash = Sha256::digest(cert.to_der().map_err(|e| fail(e.to_string()))?);
    let mut needle = vec![0x04, 0x20];
    needle.extend_from_slice(&cert_hash);
    let bound = attrs
        .iter()
        .find(|a| a.oid == OID_SIGNING_CERT_V2)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.to_der().ok())
        .is_some_and(|d| d.windows(needle.len()).any(|w| w == needle.as_slice()));
    if !bound {
        return Err(fail("the signing-certificate-v2 attribute is missing or does not match the certificate".into()));
    }
    let mut h = Sha256::new();
    h.update(part1);
    h.update(part2);
    if md.as_bytes() != h.finalize().as_slice() {
        return Err(fail(
            "the document's bytes do not match the signed digest: the document changed after it was signed".into(),
        ));
    }
    let signed = attrs.to_der().map_err(|e| fail(e.to_string()))?;
    let spki = &cert.tbs_certificate.subject_public_key_info;
    let sig = si.signature.as_bytes();
    let algorithm = if spki.algorithm.oid == OID_EC_PUBLIC_KEY {
        use p256::ecdsa::signature::Verifier;
        let vk = p256::ecdsa::VerifyingKey::from_sec1_bytes(spki.subject_public_key.raw_bytes())
            .map_err(|e| fail(format!("certificate key: {e} (only P-256)")))?;
        let s = p256::ecdsa::DerSignature::from_bytes(sig).map_err(|e| fail(format!("signature value: {e}")))?;
        vk.verify(&signed, &s)
            .map_err(|_| fail("the signature value does not match the signed attributes and certificate".into()))?;
        if si.signature_algorithm.oid != OID_ECDSA_SHA256 {
            return Err(fail(format!("signature algorithm {} is not ecdsa-with-SHA256", si.signature_algorithm.oid)));
        }
        "ecdsa-p256"
    } else if spki.algorithm.oid == OID_RSA {
        use rsa::pkcs1::DecodeRsaPublicKey;
        use rsa::signature::Verifier;
        let pk = rsa::RsaPublicKey::from_pkcs1_der(spki.subject_public_key.raw_bytes())
            .map_err(|e| fail(format!("certificate key: {e}")))?;
        let vk = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(pk);
        let s = rsa::pkcs1v15::Signature::try_from(sig).map_err(|e| fail(format!("signature value: {e}")))?;
        vk.verify(&signed, &s)
            .map_err(|_| fail("the signature value does not match the signed attributes and certificate".into()))?;
        if ![OID_RSA, OID_RSA_SHA256].contains(&si.signature_algorithm.oid) {
            return Err(fail(format!("signature algorithm {} is not RSA with SHA-256", si.signature_algorithm.oid)));
        }
        "rsa"
    } else {
        return Err(fail(format!("unsupported key algorithm {}", spki.algorithm.oid)));
    };
    let mut chain = vec![(*cert).clone()];
    chain.extend(certs.iter().filter(|c| **c != *cert).map(|c| (*c).clone()));
    Ok((
        SignerInfo {
            signer: signer.clone(),
            reviewer: None,
            role: None,
            date: None,
            cert_sha256: cert_fingerprint(cert),
            algorithm,
            covered: 0,
        },
        chain,
    ))
}

/// A Type0 (CID, Identity-H, CIDToGIDMap Identity) font of `page` with an embedded TrueType
/// program, parsed, so a sign-off block can show any character the report can.
fn page_cid_font(doc: &lopdf::Document, page: &Dictionary) -> Option<(lopdf::ObjectId, printpdf::ParsedFont)> {
    let deref = |o: &Object| doc.dereference(o).ok().map(|(_, o)| o.clone());
    let res = deref(page.get(b"Resources").ok()?)?;
    let fonts = deref(res.as_dict().ok()?.get(b"Font").ok()?)?;
    for (_, f) in fonts.as_dict().ok()?.iter() {
        let Ok(r) = f.as_reference() else { continue };
        let Ok(d) = doc.get_dictionary(r) else {
            continue;
        };
        if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice())
            || d.get(b"Encoding").and_then(Object::as_name).ok() != Some(b"Identity-H".as_slice())
        {
            continue;
        }
        let Some(desc) = d
            .get(b"DescendantFonts")
            .ok()
            .and_then(deref)
            .and_then(|a| a.as_array().ok().and_then(|a| a.first().cloned()))
            .and_then(|o| deref(&o))
        else {
            continue;
        };
        let Ok(desc) = desc.as_dict() else { continue };
        if desc.get(b"CIDToGIDMap").and_then(Object::as_name).ok() != Some(b"Identity".as_slice()) {
            continue;
        }
        let Some(ff) = desc
            .get(b"FontDescriptor")
            .ok()
            .and_then(deref)
            .and_then(|fd| fd.as_dict().ok().and_then(|fd| fd.get(b"FontFile2").ok().cloned()))
            .and_then(|o| deref(&o))
        else {
            continue;
        };
        let Ok(stream) = ff.as_stream() else { continue };
        let bytes = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        if let Some(parsed) = printpdf::ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()) {
            return Some((r, parsed));
        }
    }
    None
}

/// Reads a PKCS#12 (`.p12` / `.pfx`) file: the first private key and the certificate that
/// matches it. PBES2 encryption (PBKDF2 with AES, what OpenSSL 3 and current PKI tools write)
/// is supported; the file's MAC is not checked (a wrong password fails decryption instead).
pub fn load_pkcs12(der_bytes: &[u8], password: &str) -> Result<Credentials, SignError> {
    use pkcs12::pfx::Pfx;
    let bad = |m: String| SignError::Key(format!("PKCS#12: {m}"));
    let pfx = Pfx::from_der(der_bytes).map_err(|e| bad(format!("not a PKCS#12 file: {e}")))?;
    if pfx.auth_safe.content_type != OID_DATA {
        return Err(bad("only password-integrity PKCS#12 files are supported".into()));
    }
    let data: OctetString = pfx.auth_safe.content.decode_as().map_err(|e| bad(e.to_string()))?;
    let safes: Vec<ContentInfo> = Vec::from_der(data.as_bytes()).map_err(|e| bad(e.to_string()))?;
    let decrypt = |alg: &AlgorithmIdentifierOwned, ct: &[u8]| -> Result<Vec<u8>, SignError> {
        let alg_der = alg.to_der().map_err(|e| bad(e.to_string()))?;
        let scheme = pkcs5::EncryptionScheme::from_der(&alg_der).map_err(|_| {
            bad(format!(
                "encryption {} is not supported; re-export with `openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC`",
                alg.oid
            ))
        })?;
        scheme.decrypt(password, ct).map_err(|_| bad("cannot decrypt: wrong password?".into()))
    };
    let mut keys = Vec::new();
    let mut certs = Vec::new();
    for ci in safes {
        let contents = if ci.content_type == OID_DATA {
            ci.content.decode_as::<OctetString>().map_err(|e| bad(e.to_string()))?.into_bytes()
        } else if ci.content_type == der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.6") {
            let ed: cms::encrypted_data::EncryptedData = ci.content.decode_as().map_err(|e| bad(e.to_string()))?;
            let ct =
                ed.enc_content_info.encrypted_content.ok_or_else(|| bad("encrypted safe without content".into()))?;
            decrypt(&ed.enc_content_info.content_enc_alg, ct.as_bytes())?
        } else {
            continue;
        };
        let bags: Vec<pkcs12::safe_bag::SafeBag> = Vec::from_der(&contents).map_err(|e| bad(e.to_string()))?;
        for bag in bags {
            // bag_value holds the [0] EXPLICIT wrapper: its content is the value.
            let inner = der::asn1::ContextSpecific::<Any>::from_der(&bag.bag_value)
                .map_err(|e| bad(e.to_string()))?
                .value
                .to_der()
                .map_err(|e| bad(e.to_string()))?;
            if bag.bag_id == pkcs12::PKCS_12_CERT_BAG_OID {
                let cb = pkcs12::cert_type::CertBag::from_der(&inner).map_err(|e| bad(e.to_string()))?;
                certs.push(Certificate::from_der(cb.cert_value.as_bytes()).map_err(|e| bad(e.to_string()))?);
            } else if bag.bag_id == pkcs12::PKCS_12_PKCS8_KEY_BAG_OID {
                let epki =
                    pkcs8::EncryptedPrivateKeyInfo::try_from(inner.as_slice()).map_err(|e| bad(e.to_string()))?;
                let doc = epki.decrypt(password).map_err(|_| bad("cannot decrypt the key: wrong password?".into()))?;
                keys.push(doc.as_bytes().to_vec());
            } else if bag.bag_id == pkcs12::PKCS_12_KEY_BAG_OID {
                keys.push(inner);
            }
        }
    }
    let key = keys.first().ok_or_else(|| bad("no private key in the file".into()))?;
    let key_pem =
        der::pem::encode_string("PRIVATE KEY", der::pem::LineEnding::LF, key).map_err(|e| bad(e.to_string()))?;
    // The certificate whose public key matches the private key.
    let mut last = None;
    for c in &certs {
        let der = c.to_der().map_err(|e| bad(e.to_string()))?;
        let pem =
            der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, &der).map_err(|e| bad(e.to_string()))?;
        match load_credentials(&key_pem, Some(&pem)) {
            Ok(c) => return Ok(c),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| bad("no certificate in the file".into())))
}
