//! `eddsa-jcs-2022`: Ed25519 over SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document)).
//! The stage functions carry the spec's names so each maps to a W3C test-vector file.
//! See: <https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022>

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::memo::{self, Form};
use super::{document_and_options, verify_eddsa_signature, Proof};
use crate::error::Error;
use crate::jcs;
use crate::key::PublicKey;

/// Verify Proof (eddsa-jcs-2022), §3.3.2.
///
/// # Errors
/// `proof_context_mismatch`, `non_canonicalizable_number`, `signature_mismatch`.
pub fn verify(unsecured: &Map<String, Value>, proof: &Proof<'_>, key: &PublicKey) -> Result<(), Error> {
    let (document, options) = document_and_options(unsecured, proof)?;
    let transformed = transform(&document)?;
    let proof_config = configure_proof(&options)?;
    verify_eddsa_signature(key, proof, &hash(&transformed, &proof_config))
}

/// Transformation (§3.3.4): the JCS form of the unsecured document.
///
/// # Errors
/// `non_canonicalizable_number`.
pub fn transform(unsecured: &Map<String, Value>) -> Result<String, Error> {
    memo::canonical(unsecured, Form::Jcs, None, || jcs::canonicalize_object(unsecured))
}

/// Proof Configuration (§3.3.6): the JCS form of the proof options (the proof without `proofValue`).
///
/// # Errors
/// `non_canonicalizable_number`.
pub fn configure_proof(options: &Map<String, Value>) -> Result<String, Error> {
    jcs::canonicalize_object(options)
}

/// Hashing (§3.3.5): SHA-256(proof config) followed by SHA-256(transformed document).
pub fn hash(transformed: &str, proof_config: &str) -> [u8; 64] {
    let mut out = [0u8; 64];
    let (proof_hash, document_hash) = out.split_at_mut(32);
    proof_hash.copy_from_slice(&Sha256::digest(proof_config.as_bytes()));
    document_hash.copy_from_slice(&Sha256::digest(transformed.as_bytes()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_order_is_proof_then_document() {
        let h = hash("doc", "proof");
        assert_eq!(&h[..32], Sha256::digest(b"proof").as_slice());
        assert_eq!(&h[32..], Sha256::digest(b"doc").as_slice());
    }
}
