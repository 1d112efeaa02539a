//! `ecdsa-sd-2023`, selective disclosure: the verifier's half, stage by stage (§3.5 functions,
//! §3.6.x Verify Derived Proof). The holder sends a document revealing some statements of the
//! issuer's credential and a derived proof: the issuer's base signature over
//! SHA-256(proof config) ‖ ephemeral public key ‖ SHA-256(mandatory statements), and one
//! signature by the ephemeral P-256 key per revealed non-mandatory statement, the blank nodes
//! carrying the issuer's HMAC labels. Built with the cargo feature `ecdsa`.
//!
//! Through [`crate::proof::read`] and `verify`, a derived proof's line passes with
//! `signature_valid_selective_disclosure` (the holder chose what to disclose); a base proof is
//! refused with `selective_disclosure_base_proof`. The project's issuer and holder that make the
//! fixtures are test-only: tests/common/fixtures/ecdsa_sd.rs.
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-sd-2023>

pub mod cbor;
pub mod labels;
pub mod proof_value;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::canonical::canonical_nquads;
use crate::contexts::Contexts;
use crate::error::Error;
use crate::jsonld;
use crate::key::{Algorithm, PublicKey};

/// What createVerifyData (§3.5.9) produces: everything the signatures are checked over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyData {
    /// The issuer's base signature (64 bytes).
    pub base_signature: Vec<u8>,
    /// SHA-256 of the canonical proof configuration.
    pub proof_hash: [u8; 32],
    /// The ephemeral P-256 key, as Multikey bytes.
    pub public_key: Vec<u8>,
    /// One signature per non-mandatory statement.
    pub signatures: Vec<Vec<u8>>,
    /// The revealed statements that are not mandatory, relabelled N-Quads lines in sorted order.
    pub non_mandatory: Vec<String>,
    /// SHA-256 of the mandatory statements' lines, concatenated in index order.
    pub mandatory_hash: [u8; 32],
}

/// The proof configuration a derived proof's hash covers: the proof without `proofValue`, with
/// the document's `@context`.
pub fn proof_config(unsecured: &Map<String, Value>, proof: &Map<String, Value>) -> Map<String, Value> {
    let mut options = proof.clone();
    options.remove("proofValue");
    if let Some(context) = unsecured.get("@context") {
        options.insert("@context".into(), context.clone());
    }
    options
}

/// createVerifyData (§3.5.9) for the revealed document `unsecured` (without `proof`) and its
/// derived `proof`.
///
/// # Errors
/// `malformed_proof` without a string `proofValue`; the proof value's errors
/// ([`proof_value::parse_derived`]); the JSON-LD / RDFC errors; `invalid_proof_value` when a
/// blank node has no label or a mandatory index is out of range.
pub fn create_verify_data(
    unsecured: &Map<String, Value>,
    proof: &Map<String, Value>,
    contexts: &Contexts,
) -> Result<VerifyData, Error> {
    let proof_value =
        proof.get("proofValue").and_then(Value::as_str).ok_or(Error::MalformedProof("proofValue is missing"))?;
    let parsed = proof_value::parse_derived(proof_value)?;
    let canonical_config = canonical_nquads(&proof_config(unsecured, proof), contexts)?;
    let labels = labels::decompress(&parsed.label_map)?;
    let quads = jsonld::to_rdf(unsecured, contexts)?;
    let statements = labels::relabelled_canonical_nquads(&quads, &labels)?;
    let mut mandatory = Sha256::new();
    for &index in &parsed.mandatory_indexes {
        mandatory.update(statements.get(index).ok_or(Error::InvalidProofValue)?.as_bytes());
    }
    let non_mandatory = statements
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !parsed.mandatory_indexes.contains(index))
        .map(|(_, statement)| statement)
        .collect();
    Ok(VerifyData {
        base_signature: parsed.base_signature,
        proof_hash: Sha256::digest(canonical_config.as_bytes()).into(),
        public_key: parsed.public_key,
        signatures: parsed.signatures,
        non_mandatory,
        mandatory_hash: mandatory.finalize().into(),
    })
}

/// The bytes the issuer's base signature covers (§3.5.1 serializeSignData): proof hash ‖
/// ephemeral public key (Multikey bytes) ‖ mandatory hash.
pub fn sign_data(data: &VerifyData) -> Vec<u8> {
    [&data.proof_hash[..], &data.public_key, &data.mandatory_hash].concat()
}

/// Verify Derived Proof: the base signature by the issuer's P-256 `key`, then each revealed
/// non-mandatory statement's signature by the ephemeral key, one for one.
///
/// # Errors
/// As [`create_verify_data`]; `invalid_proof_value` when the signatures and the statements do
/// not pair up; `algorithm_key_mismatch` for an issuer key that is not P-256;
/// `signature_mismatch` for any signature that does not verify.
pub fn verify(
    unsecured: &Map<String, Value>,
    proof: &Map<String, Value>,
    key: &PublicKey,
    contexts: &Contexts,
) -> Result<(), Error> {
    let data = create_verify_data(unsecured, proof, contexts)?;
    if data.signatures.len() != data.non_mandatory.len() {
        return Err(Error::InvalidProofValue);
    }
    key.verify(Algorithm::ES256, &sign_data(&data), &data.base_signature)?;
    let ephemeral = PublicKey::p256_sec1(data.public_key.get(2..).unwrap_or_default())?;
    for (signature, statement) in data.signatures.iter().zip(&data.non_mandatory) {
        ephemeral.verify(Algorithm::ES256, statement.as_bytes(), signature)?;
    }
    Ok(())
}
