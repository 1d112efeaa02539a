//! Proofs: reads a proof's options, picks the cryptosuite, and checks the signature.
//! Suites live in `proof/<spec identifier>.rs`, one file each, with the spec's stage names.

pub mod canonical;
#[cfg(feature = "ecdsa")]
pub mod ecdsa;
#[cfg(feature = "ecdsa")]
pub mod ecdsa_jcs_2019;
#[cfg(feature = "ecdsa")]
pub mod ecdsa_rdfc_2019;
#[cfg(feature = "ecdsa")]
pub mod ecdsa_sd_2023;
pub mod ed25519_signature_2020;
pub mod eddsa_jcs_2022;
pub mod eddsa_rdfc_2022;
pub(crate) mod memo;

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::contexts::Contexts;
use crate::error::Error;
use crate::features;
use crate::key::{multibase, Algorithm, PublicKey};
use crate::report::Passed;
use crate::timestamp::Timestamp;

/// A JSON object.
pub type Object = Map<String, Value>;

/// Most proofs accepted on one credential: bounds the work a proof set can cause.
pub const MAX_PROOFS: usize = 8;

/// The cryptosuites this build verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Suite {
    /// `DataIntegrityProof` with `cryptosuite: "eddsa-jcs-2022"`.
    EddsaJcs2022,
    /// `DataIntegrityProof` with `cryptosuite: "eddsa-rdfc-2022"` (or its pre-standard name
    /// `eddsa-2022`, accepted with a warning as 1EdTech's validator does).
    EddsaRdfc2022 {
        /// Whether the proof used the pre-standard name `eddsa-2022`.
        legacy_name: bool,
    },
    /// `Ed25519Signature2020`.
    Ed25519Signature2020,
    /// `DataIntegrityProof` with `cryptosuite: "ecdsa-rdfc-2019"` (P-256 or P-384; cargo feature
    /// `ecdsa`).
    EcdsaRdfc2019,
    /// `DataIntegrityProof` with `cryptosuite: "ecdsa-jcs-2019"` (P-256 or P-384; cargo feature
    /// `ecdsa`).
    EcdsaJcs2019,
    /// `DataIntegrityProof` with `cryptosuite: "ecdsa-sd-2023"`, a *derived* proof (the holder's
    /// selective disclosure; P-256; cargo feature `ecdsa`). Its proof value is CBOR the suite
    /// reads itself; a base proof never reaches here (`selective_disclosure_base_proof`).
    EcdsaSd2023,
}

impl Suite {
    /// The signature algorithm the suite fixes, or `None` for the ECDSA suites, whose key's curve
    /// picks it (P-256: ES256, P-384: ES384).
    pub fn algorithm(self) -> Option<Algorithm> {
        match self {
            Self::EddsaJcs2022 | Self::EddsaRdfc2022 { .. } | Self::Ed25519Signature2020 => Some(Algorithm::EdDSA),
            Self::EcdsaRdfc2019 | Self::EcdsaJcs2019 => None,
            Self::EcdsaSd2023 => Some(Algorithm::ES256),
        }
    }

    /// Whether a decoded `proofValue` of `length` bytes can be this suite's signature (ECDSA:
    /// 64 bytes for P-256, 96 for P-384; which one the key says, later).
    pub fn signature_length_fits(self, length: usize) -> bool {
        match self.algorithm() {
            Some(algorithm) => algorithm.signature_len().is_none_or(|expected| expected == length),
            None => [Algorithm::ES256, Algorithm::ES384].iter().any(|a| a.signature_len() == Some(length)),
        }
    }
}

/// A proof whose options passed the generic Data Integrity checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Proof<'a> {
    /// The suite to verify it with.
    pub suite: Suite,
    /// The proof object as given (with `proofValue`).
    pub json: &'a Map<String, Value>,
    /// The decoded signature bytes (of the length the suite's algorithm fixes, when it does).
    pub signature: Vec<u8>,
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

/// What a proof must have been made for, and what the host expects of it.
/// See: <https://www.w3.org/TR/vc-data-integrity/#proof-purposes>
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProofPurpose<'a> {
    /// `assertionMethod`: an issuer's proof on a credential.
    Assertion,
    /// `authentication`: a holder's proof on a presentation, with the `challenge` and `domain` the
    /// host expects (`None`: not checked).
    Authentication {
        /// The challenge the host gave the holder.
        challenge: Option<&'a str>,
        /// The domain (the host's origin or name) the presentation must be made for.
        domain: Option<&'a str>,
    },
}

/// Reads a credential's proof (`proofPurpose: assertionMethod`): see [`read_for`].
///
/// # Errors
/// As [`read_for`].
pub fn read(proof: &Value, now: Timestamp, skew: i64) -> Result<Proof<'_>, Error> {
    read_for(proof, ProofPurpose::Assertion, now, skew)
}

/// Reads a proof and runs the checks every Data Integrity proof must pass (type, purpose,
/// challenge and domain, dates, encoding) before any cryptography.
/// See: <https://www.w3.org/TR/vc-data-integrity/#verify-proof>
///
/// # Errors
/// `malformed_proof`, `unsupported_proof_type`, `unsupported_cryptosuite`, `wrong_proof_purpose`,
/// `challenge_mismatch`, `domain_mismatch`, `proof_expired`, `invalid_proof_value`.
pub fn read_for<'p>(
    proof: &'p Value,
    purpose: ProofPurpose<'_>,
    now: Timestamp,
    skew: i64,
) -> Result<Proof<'p>, Error> {
    let json = proof.as_object().ok_or(Error::MalformedProof("the proof is not an object"))?;
    let text = |name| json.get(name).and_then(Value::as_str);
    let suite = match (text("type"), text("cryptosuite")) {
        (Some("DataIntegrityProof"), Some("eddsa-jcs-2022")) => Suite::EddsaJcs2022,
        (Some("DataIntegrityProof"), Some("eddsa-rdfc-2022")) => Suite::EddsaRdfc2022 { legacy_name: false },
        (Some("DataIntegrityProof"), Some("eddsa-2022")) => Suite::EddsaRdfc2022 { legacy_name: true },
        (Some("DataIntegrityProof"), Some(name @ "ecdsa-rdfc-2019")) => {
            features::ECDSA.require(name)?;
            Suite::EcdsaRdfc2019
        }
        (Some("DataIntegrityProof"), Some(name @ "ecdsa-jcs-2019")) => {
            features::ECDSA.require(name)?;
            Suite::EcdsaJcs2019
        }
        (Some("DataIntegrityProof"), Some(name @ "ecdsa-sd-2023")) => {
            features::ECDSA.require(name)?;
            selective_disclosure_refusal(text("proofValue"))?;
            Suite::EcdsaSd2023
        }
        (Some("Ed25519Signature2020"), None) => Suite::Ed25519Signature2020,
        (Some("Ed25519Signature2020"), Some(_)) => {
            return Err(Error::MalformedProof("Ed25519Signature2020 has no cryptosuite"))
        }
        (Some("DataIntegrityProof"), Some(other)) => return Err(Error::UnsupportedCryptosuite(cut(other))),
        (Some("DataIntegrityProof"), None) => return Err(Error::MalformedProof("cryptosuite is missing")),
        (Some(other), _) => return Err(Error::UnsupportedProofType(cut(other))),
        (None, _) => return Err(Error::MalformedProof("type is missing")),
    };
    let wanted = match purpose {
        ProofPurpose::Assertion => "assertionMethod",
        ProofPurpose::Authentication { .. } => "authentication",
    };
    match text("proofPurpose") {
        Some(given) if given == wanted => {}
        Some(other) => return Err(Error::WrongProofPurpose(cut(other))),
        None => return Err(Error::MalformedProof("proofPurpose is missing")),
    }
    if let ProofPurpose::Authentication { challenge, domain } = purpose {
        expected_challenge_and_domain(json, challenge, domain)?;
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
    if suite == Suite::EcdsaSd2023 {
        // Base64url CBOR (`u…`), parsed whole by the suite when it verifies.
        return Ok(Proof { suite, json, signature: Vec::new() });
    }
    let signature = multibase::decode_base58btc(proof_value).map_err(|_| Error::InvalidProofValue)?;
    if !suite.signature_length_fits(signature.len()) {
        return Err(Error::InvalidProofValue);
    }
    Ok(Proof { suite, json, signature })
}

/// A presentation proof's `challenge` equals the expected one, and its `domain` (a string or a
/// list) is or contains the expected one (Data Integrity §4.3, verify proof, steps 8–9).
fn expected_challenge_and_domain(
    json: &Map<String, Value>,
    challenge: Option<&str>,
    domain: Option<&str>,
) -> Result<(), Error> {
    if let Some(expected) = challenge {
        let found = json.get("challenge").and_then(Value::as_str);
        if found != Some(expected) {
            return Err(Error::ChallengeMismatch { expected: cut(expected), found: found.map(cut) });
        }
    }
    if let Some(expected) = domain {
        let found = json.get("domain");
        let holds = match found {
            Some(Value::String(one)) => one == expected,
            Some(Value::Array(many)) => many.iter().any(|d| d.as_str() == Some(expected)),
            _ => false,
        };
        if !holds {
            return Err(Error::DomainMismatch { expected: cut(expected), found: found.map(|d| cut(&d.to_string())) });
        }
    }
    Ok(())
}

/// The document a proof signs: the credential without its proofs, plus, for a proof in a chain,
/// the proofs its `previousProof` names (Data Integrity §4.4, step 5).
///
/// # Errors
/// `malformed_proof` when `previousProof` names no proof of this credential.
pub fn signed_document<'a>(
    proof: &Proof<'_>,
    unsecured: &'a Map<String, Value>,
    all_proofs: &[&Value],
) -> Result<std::borrow::Cow<'a, Map<String, Value>>, Error> {
    let Some(previous) = proof.json.get("previousProof") else {
        return Ok(std::borrow::Cow::Borrowed(unsecured));
    };
    let ids: Vec<&str> = match previous {
        Value::String(id) => vec![id],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => return Err(Error::MalformedProof("previousProof must name proofs by id")),
    };
    let matching = ids
        .iter()
        .map(|id| {
            all_proofs
                .iter()
                .find(|p| p.get("id").and_then(Value::as_str) == Some(id))
                .map(|p| (*p).clone())
                .ok_or(Error::MalformedProof("previousProof names no proof of this credential"))
        })
        .collect::<Result<Vec<Value>, Error>>()?;
    let mut document = unsecured.clone();
    document.insert("proof".into(), Value::Array(matching));
    Ok(std::borrow::Cow::Owned(document))
}

/// Verifies the proof's signature over `unsecured` (the credential without `proof`).
///
/// # Errors
/// `signature_mismatch`, or the suite's own errors.
pub fn signature_matches(
    unsecured: &Map<String, Value>,
    proof: &Proof<'_>,
    key: &PublicKey,
    contexts: &Contexts,
) -> Result<Passed, Error> {
    match proof.suite {
        Suite::EddsaJcs2022 => eddsa_jcs_2022::verify(unsecured, proof, key)?,
        Suite::EddsaRdfc2022 { legacy_name } => {
            eddsa_rdfc_2022::verify(unsecured, proof, key, contexts)?;
            if legacy_name {
                return Ok(Passed::SignatureValidLegacyName);
            }
        }
        Suite::Ed25519Signature2020 => ed25519_signature_2020::verify(unsecured, proof, key, contexts)?,
        #[cfg(feature = "ecdsa")]
        Suite::EcdsaRdfc2019 => ecdsa_rdfc_2019::verify(unsecured, proof, key, contexts)?,
        #[cfg(feature = "ecdsa")]
        Suite::EcdsaJcs2019 => ecdsa_jcs_2019::verify(unsecured, proof, key)?,
        #[cfg(feature = "ecdsa")]
        Suite::EcdsaSd2023 => {
            ecdsa_sd_2023::verify(unsecured, proof.json, key, contexts)?;
            return Ok(Passed::SelectivelyDisclosed);
        }
        #[cfg(not(feature = "ecdsa"))]
        Suite::EcdsaRdfc2019 | Suite::EcdsaJcs2019 | Suite::EcdsaSd2023 => {
            return Err(features::ECDSA.missing("an ECDSA proof"))
        }
    }
    Ok(Passed::SignatureValid)
}

/// The document and the proof options as the Data Integrity cryptosuites take them (eddsa-jcs-2022
/// §3.3.2 and eddsa-rdfc-2022 §3.2.2, steps 1–5): the options are the proof without
/// `proofValue`; when they carry an `@context`, it must prefix the document's and then replaces it.
/// The document is borrowed unless the proof's `@context` replaces a longer one (no copy of the
/// credential in the common case).
///
/// # Errors
/// `proof_context_mismatch`.
pub fn document_and_options<'a>(
    unsecured: &'a Map<String, Value>,
    proof: &Proof<'_>,
) -> Result<(Cow<'a, Object>, Object), Error> {
    let mut options = proof.json.clone();
    options.remove("proofValue");
    let mut document = Cow::Borrowed(unsecured);
    if let Some(proof_context) = options.get("@context") {
        let document_context = unsecured.get("@context");
        if !context_prefix_holds(document_context, proof_context) {
            return Err(Error::ProofContextMismatch);
        }
        if document_context != Some(proof_context) {
            document.to_mut().insert("@context".into(), proof_context.clone());
        }
    }
    Ok((document, options))
}

/// Whether the document's `@context` starts with every entry of the proof's, in order
/// (the Data Integrity suites' rule for a proof that carries its own `@context`).
fn context_prefix_holds(document_context: Option<&Value>, proof_context: &Value) -> bool {
    let as_list = |v: &Value| -> Vec<Value> {
        match v {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        }
    };
    let Some(document_context) = document_context else { return false };
    let (document, prefix) = (as_list(document_context), as_list(proof_context));
    document.len() >= prefix.len() && document.iter().zip(&prefix).all(|(a, b)| a == b)
}

/// The proof's signature checked over `message` with an Ed25519 suite's algorithm
/// (`verify_strict`: no small-order keys or R, canonical S). A key of another type is refused
/// with `algorithm_key_mismatch` before any arithmetic.
pub(crate) fn verify_eddsa_signature(key: &PublicKey, proof: &Proof<'_>, message: &[u8]) -> Result<(), Error> {
    key.verify(Algorithm::EdDSA, message, &proof.signature)
}

/// An `ecdsa-sd-2023` base proof is refused as the spec says: it is the holder's, never a
/// verifier's (`selective_disclosure_base_proof`). A derived proof goes on to be verified.
fn selective_disclosure_refusal(proof_value: Option<&str>) -> Result<(), Error> {
    #[cfg(feature = "ecdsa")]
    if proof_value.is_some_and(ecdsa_sd_2023::proof_value::is_base_proof_value) {
        return Err(Error::SelectiveDisclosureBaseProof);
    }
    #[cfg(not(feature = "ecdsa"))]
    let _ = proof_value;
    Ok(())
}

fn cut(s: &str) -> String {
    s.chars().take(100).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn context_prefix_rule() {
        let doc = json!(["a", "b"]);
        assert!(context_prefix_holds(Some(&doc), &json!(["a"])));
        assert!(context_prefix_holds(Some(&doc), &json!("a")));
        assert!(context_prefix_holds(Some(&doc), &json!(["a", "b"])));
        assert!(!context_prefix_holds(Some(&doc), &json!(["b"])));
        assert!(!context_prefix_holds(Some(&doc), &json!(["a", "b", "c"])));
        assert!(!context_prefix_holds(None, &json!(["a"])));
    }

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

    /// An Ed25519 suite never checks its signature with a key of another type: algorithm
    /// confusion is refused with its own code, before any arithmetic.
    #[test]
    #[cfg(feature = "ecdsa")]
    fn an_eddsa_proof_with_a_p256_key_is_algorithm_confusion() {
        let p256 = multibase::decode_multikey("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP").unwrap();
        let proof_json = good();
        let proof = read(&proof_json, Timestamp::from_unix_seconds(0), 0).unwrap();
        let unsecured = json!({"@context": ["https://www.w3.org/ns/credentials/v2"]});
        let outcome = signature_matches(unsecured.as_object().unwrap(), &proof, &p256, &Contexts::new());
        assert_eq!(outcome, Err(Error::AlgorithmKeyMismatch { algorithm: "EdDSA", key: "P-256" }));
        assert_eq!(outcome.unwrap_err().code(), "algorithm_key_mismatch");
    }

    /// The ECDSA suites take a signature of either curve's length when read (the key picks the
    /// curve later); any other length is refused at once. Without the `ecdsa` feature they are
    /// `not_in_this_build`, so the page's core wasm hands them to the full module.
    #[test]
    fn ecdsa_suites_are_read_by_this_build_or_sent_elsewhere() {
        let p256_sig = format!("z{}", bs58::encode([1u8; 64]).into_string());
        let p384_sig = format!("z{}", bs58::encode([1u8; 96]).into_string());
        let odd_sig = format!("z{}", bs58::encode([1u8; 80]).into_string());
        for suite in ["ecdsa-rdfc-2019", "ecdsa-jcs-2019"] {
            let proof = with("cryptosuite", json!(suite));
            let mut p384 = proof.clone();
            p384["proofValue"] = json!(p384_sig);
            let mut p256 = proof.clone();
            p256["proofValue"] = json!(p256_sig);
            let mut odd = proof;
            odd["proofValue"] = json!(odd_sig);
            if cfg!(feature = "ecdsa") {
                let read_suite = |p: &Value| read(p, Timestamp::from_unix_seconds(0), 0).unwrap().suite;
                let expected = if suite == "ecdsa-rdfc-2019" { Suite::EcdsaRdfc2019 } else { Suite::EcdsaJcs2019 };
                assert_eq!(read_suite(&p256), expected);
                assert_eq!(read_suite(&p384), expected);
                assert_eq!(code(odd), "invalid_proof_value");
            } else {
                assert_eq!(code(p256), "not_in_this_build");
            }
        }
    }

    /// ecdsa-sd-2023: a base proof (header 0xd9 0x5d 0x00) is refused as the spec says; a derived
    /// one is read (its CBOR is parsed when it is verified).
    #[test]
    fn selective_disclosure_base_proofs_are_refused() {
        let base = with("cryptosuite", json!("ecdsa-sd-2023"));
        let mut base = base;
        base["proofValue"] = json!("u2V0AhVhA");
        let mut derived = base.clone();
        derived["proofValue"] = json!("u2V0BhVhA");
        if cfg!(feature = "ecdsa") {
            assert_eq!(code(base), "selective_disclosure_base_proof");
            let read = read(&derived, Timestamp::parse("2024-01-01T00:00:00Z").unwrap(), 300).unwrap();
            assert_eq!(read.suite, Suite::EcdsaSd2023);
        } else {
            assert_eq!(code(base), "not_in_this_build");
        }
    }

    #[test]
    fn reads_a_good_proof() {
        assert!(read(&good(), Timestamp::from_unix_seconds(0), 0).is_ok());
    }

    #[test]
    fn each_defect_has_its_code() {
        assert_eq!(code(json!("proof")), "malformed_proof");
        assert_eq!(code(with("type", json!("Ed25519Signature2018"))), "unsupported_proof_type");
        assert_eq!(code(with("type", json!("Ed25519Signature2020"))), "malformed_proof");
        assert_eq!(code(with("cryptosuite", json!("bbs-2023"))), "unsupported_cryptosuite");
        assert_eq!(code(with("proofPurpose", json!("authentication"))), "wrong_proof_purpose");
        assert_eq!(code(with("created", json!("yesterday"))), "malformed_proof");
        assert_eq!(code(with("expires", json!("2023-01-01T00:00:00Z"))), "proof_expired");
        assert_eq!(code(with("proofValue", json!(&SIG[..80]))), "invalid_proof_value");
        assert_eq!(code(with("proofValue", json!("u2HnFSSPPBzR"))), "invalid_proof_value");
        assert_eq!(code(with("proofValue", json!(7))), "malformed_proof");
    }
}
