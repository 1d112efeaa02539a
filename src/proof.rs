//! Proofs: reads a proof's options, picks the cryptosuite, and checks the signature.
//! Suites live in `proof/<spec identifier>.rs`, one file each, with the spec's stage names.

pub mod eddsa_jcs_2022;

use ed25519_dalek::{Signature, VerifyingKey};
use serde_json::{Map, Value};

use crate::error::Error;
use crate::key::multibase;
use crate::report::Passed;
use crate::timestamp::Timestamp;

/// Most proofs accepted on one credential: bounds the work a proof set can cause.
pub const MAX_PROOFS: usize = 8;

/// The cryptosuites this build verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Suite {
    /// `DataIntegrityProof` with `cryptosuite: "eddsa-jcs-2022"`.
    EddsaJcs2022,
}

/// A proof whose options passed the generic Data Integrity checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Proof<'a> {
    /// The suite to verify it with.
    pub suite: Suite,
    /// The proof object as given (with `proofValue`).
    pub json: &'a Map<String, Value>,
    /// The decoded signature.
    pub signature: Signature,
}

/// The `verificationMethod` of a proof.
///
/// # Errors
/// `missing_verification_method` when absent or not a string.
pub fn verification_method(proof: &Value) -> Result<&str, Error> {
    match proof.get("verificationMethod") {
        Some(Value::String(id)) if !id.is_empty() => Ok(id),
        _ => Err(Error::MissingVerificationMethod),
    }
}

/// Reads a proof and runs the checks every Data Integrity proof must pass (type, purpose,
/// dates, encoding) before any cryptography.
/// See: <https://www.w3.org/TR/vc-data-integrity/#verify-proof>
///
/// # Errors
/// `malformed_proof`, `unsupported_proof_type`, `unsupported_cryptosuite`, `wrong_proof_purpose`,
/// `unsupported_proof_chain`, `proof_expired`, `invalid_proof_value`.
pub fn read(proof: &Value, now: Timestamp, skew: i64) -> Result<Proof<'_>, Error> {
    let json = proof.as_object().ok_or(Error::MalformedProof("the proof is not an object"))?;
    let text = |name| json.get(name).and_then(Value::as_str);
    let suite = match (text("type"), text("cryptosuite")) {
        (Some("DataIntegrityProof"), Some("eddsa-jcs-2022")) => Suite::EddsaJcs2022,
        (Some("DataIntegrityProof"), Some(other)) => return Err(Error::UnsupportedCryptosuite(cut(other))),
        (Some("DataIntegrityProof"), None) => return Err(Error::MalformedProof("cryptosuite is missing")),
        (Some(other), _) => return Err(Error::UnsupportedProofType(cut(other))),
        (None, _) => return Err(Error::MalformedProof("type is missing")),
    };
    match text("proofPurpose") {
        Some("assertionMethod") => {}
        Some(other) => return Err(Error::WrongProofPurpose(cut(other))),
        None => return Err(Error::MalformedProof("proofPurpose is missing")),
    }
    if json.contains_key("previousProof") {
        return Err(Error::UnsupportedProofChain);
    }
    if let Some(created) = json.get("created") {
        created.as_str().and_then(Timestamp::parse).ok_or(Error::MalformedProof("created is not a date-time"))?;
    }
    if let Some(expires) = json.get("expires") {
        let expires =
            expires.as_str().and_then(Timestamp::parse).ok_or(Error::MalformedProof("expires is not a date-time"))?;
        if expires < now.plus_seconds(-skew) {
            return Err(Error::ProofExpired { expires });
        }
    }
    let proof_value = text("proofValue").ok_or(Error::MalformedProof("proofValue is missing"))?;
    let bytes = multibase::decode_base58btc(proof_value).map_err(|_| Error::InvalidProofValue)?;
    let signature = <[u8; 64]>::try_from(bytes.as_slice()).map_err(|_| Error::InvalidProofValue)?;
    Ok(Proof { suite, json, signature: Signature::from_bytes(&signature) })
}

/// Verifies the proof's signature over `unsecured` (the credential without `proof`).
///
/// # Errors
/// `signature_mismatch`, or the suite's own errors.
pub fn signature_matches(
    unsecured: &Map<String, Value>,
    proof: &Proof<'_>,
    key: &VerifyingKey,
) -> Result<Passed, Error> {
    match proof.suite {
        Suite::EddsaJcs2022 => eddsa_jcs_2022::verify(unsecured, proof, key)?,
    }
    Ok(Passed::SignatureValid)
}

/// Ed25519 as every suite must use it: `verify_strict` (no small-order keys or R, canonical S).
pub(crate) fn ed25519_verify(key: &VerifyingKey, message: &[u8], signature: &Signature) -> Result<(), Error> {
    key.verify_strict(message, signature).map_err(|_| Error::SignatureMismatch)
}

fn cut(s: &str) -> String {
    s.chars().take(100).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const SIG: &str = "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX";

    fn code(proof: Value) -> &'static str {
        read(&proof, Timestamp::parse("2024-01-01T00:00:00Z").unwrap(), 300).map(|_| ()).unwrap_err().code()
    }

    fn good() -> Value {
        json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "proofPurpose": "assertionMethod",
               "verificationMethod": "did:key:z6Mk#z6Mk", "created": "2023-01-01T00:00:00Z", "proofValue": SIG})
    }

    fn with(key: &str, value: Value) -> Value {
        let mut proof = good();
        proof[key] = value;
        proof
    }

    #[test]
    fn reads_a_good_proof() {
        assert!(read(&good(), Timestamp::from_unix_seconds(0), 0).is_ok());
    }

    #[test]
    fn each_defect_has_its_code() {
        assert_eq!(code(json!("proof")), "malformed_proof");
        assert_eq!(code(with("type", json!("Ed25519Signature2020"))), "unsupported_proof_type");
        assert_eq!(code(with("cryptosuite", json!("ecdsa-rdfc-2019"))), "unsupported_cryptosuite");
        assert_eq!(code(with("proofPurpose", json!("authentication"))), "wrong_proof_purpose");
        assert_eq!(code(with("created", json!("yesterday"))), "malformed_proof");
        assert_eq!(code(with("expires", json!("2023-01-01T00:00:00Z"))), "proof_expired");
        assert_eq!(code(with("previousProof", json!("urn:uuid:1"))), "unsupported_proof_chain");
        assert_eq!(code(with("proofValue", json!(&SIG[..80]))), "invalid_proof_value");
        assert_eq!(code(with("proofValue", json!("u2HnFSSPPBzR"))), "invalid_proof_value");
        assert_eq!(code(with("proofValue", json!(7))), "malformed_proof");
    }
}
