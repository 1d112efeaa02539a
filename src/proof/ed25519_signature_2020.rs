//! `Ed25519Signature2020` (the pre-Data-Integrity Linked Data Proof suite still used by many
//! Open Badges): like eddsa-rdfc-2022, the signature is over SHA-256(RDFC(proof options)) ‖
//! SHA-256(RDFC(document)); the proof options take the document's `@context` unless they carry
//! their own, and `proofValue` (and the legacy `jws` / `signatureValue`) are left out.
//! See: <https://www.w3.org/community/reports/credentials/CG-FINAL-di-eddsa-2020-20220724/>

use serde_json::{Map, Value};

use super::canonical::{hash_data, with_context_variants};
use super::{verify_eddsa_signature, Proof};
use crate::contexts::Contexts;
use crate::error::Error;
use crate::key::PublicKey;

/// Verifies an `Ed25519Signature2020` proof.
///
/// # Errors
/// The JSON-LD / RDFC errors, `signature_mismatch`.
pub fn verify(
    unsecured: &Map<String, Value>,
    proof: &Proof<'_>,
    key: &PublicKey,
    contexts: &Contexts,
) -> Result<(), Error> {
    let options = proof_options(unsecured, proof);
    with_context_variants(unsecured.get("@context"), contexts, |contexts| {
        verify_eddsa_signature(key, proof, &hash_data(unsecured, &options, contexts)?)
    })
}

/// The proof options that are canonicalised: the proof without its signature, with the
/// document's `@context` unless the proof has one.
pub fn proof_options(unsecured: &Map<String, Value>, proof: &Proof<'_>) -> Map<String, Value> {
    let mut options = proof.json.clone();
    for key in ["proofValue", "jws", "signatureValue"] {
        options.remove(key);
    }
    if !options.contains_key("@context") {
        if let Some(context) = unsecured.get("@context") {
            options.insert("@context".into(), context.clone());
        }
    }
    options
}
