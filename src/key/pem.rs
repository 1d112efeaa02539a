//! PEM public keys (RFC 7468), as `publicKeyPem` holds them (Open Badges 2.0 `CryptographicKey`,
//! the Security Vocabulary). `PUBLIC KEY` is a `SubjectPublicKeyInfo` (RFC 7468 §13), the form
//! these documents specify.
//!
//! `RSA PUBLIC KEY` (PKCS#1 `RSAPublicKey`, RFC 8017 §A.1.1) is accepted too, deliberately: real
//! Open Badges 2.0 issuers publish it where SPKI is specified, it is exactly the structure SPKI
//! wraps for RSA (so it cannot be read as any other key), and the libraries the 1EdTech validator
//! and most JOSE stacks load PEM with accept it. Private keys, certificates and other labels are
//! refused.

use super::der;
use super::public_key::PublicKey;
use crate::base64::{self, Alphabet};
use crate::error::Error;

/// Longest PEM text accepted: an RSA-4096 `PUBLIC KEY` is about 800 characters.
const MAX_PEM_CHARS: usize = 8192;

/// The key in a PEM text (one block; text around it is ignored, as RFC 7468 §2 allows).
///
/// # Errors
/// `invalid_public_key` for a malformed block or a private key; `unsupported_key_type` for a
/// certificate or another label; the DER readers' errors.
pub fn public_key(text: &str) -> Result<PublicKey, Error> {
    if text.len() > MAX_PEM_CHARS {
        return Err(Error::InvalidPublicKey);
    }
    let (label, body) = block(text).ok_or(Error::InvalidPublicKey)?;
    let compact: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let der = base64::decode(&compact, Alphabet::Lenient).ok_or(Error::InvalidPublicKey)?;
    match label {
        "PUBLIC KEY" => der::subject_public_key_info(&der),
        "RSA PUBLIC KEY" => der::rsa_public_key(&der),
        label if label.contains("PRIVATE KEY") => Err(Error::InvalidPublicKey),
        "CERTIFICATE" => Err(Error::UnsupportedKeyType("X.509 certificate".to_owned())),
        other => Err(Error::UnsupportedKeyType(other.chars().take(32).collect())),
    }
}

/// The label and the base64 body of the first `-----BEGIN label-----` … `-----END label-----`.
fn block(text: &str) -> Option<(&str, &str)> {
    let after_begin = text.split_once("-----BEGIN ")?.1;
    let (label, rest) = after_begin.split_once("-----")?;
    let (body, after_body) = rest.split_once("-----END ")?;
    let end_label = after_body.split_once("-----")?.0;
    (end_label == label).then_some((label, body))
}
