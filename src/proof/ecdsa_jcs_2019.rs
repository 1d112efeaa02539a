//! `ecdsa-jcs-2019`: ECDSA (P-256 or P-384) over H(JCS(proof config)) ‖ H(JCS(document)), the
//! hash H following the key's curve (SHA-256 or SHA-384). The stages carry the spec's names so
//! each maps to a W3C test-vector file. Built with the cargo feature `ecdsa`.
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-jcs-2019>

use serde_json::{Map, Value};

use super::memo::{self, Form};
use super::{document_and_options, ecdsa, Proof};
use crate::error::Error;
use crate::jcs;
use crate::key::PublicKey;

/// Verify Proof (ecdsa-jcs-2019), §3.4.2.
///
/// # Errors
/// `algorithm_key_mismatch`, `invalid_proof_value` (a signature of the other curve's length),
/// `proof_context_mismatch`, `non_canonicalizable_number`, `signature_mismatch`.
pub fn verify(unsecured: &Map<String, Value>, proof: &Proof<'_>, key: &PublicKey) -> Result<(), Error> {
    let algorithm = ecdsa::algorithm(key, &proof.signature)?;
    let (document, options) = document_and_options(unsecured, proof)?;
    let transformed = transform(&document)?;
    let proof_config = configure_proof(&options)?;
    key.verify(algorithm, &ecdsa::hash(algorithm, &transformed, &proof_config), &proof.signature)
}

/// Transformation (§3.4.4): the JCS form of the unsecured document.
///
/// # Errors
/// `non_canonicalizable_number`.
pub fn transform(unsecured: &Map<String, Value>) -> Result<String, Error> {
    memo::canonical(unsecured, Form::Jcs, None, || jcs::canonicalize_object(unsecured))
}

/// Proof Configuration (§3.4.6): the JCS form of the proof options (the proof without
/// `proofValue`).
///
/// # Errors
/// `non_canonicalizable_number`.
pub fn configure_proof(options: &Map<String, Value>) -> Result<String, Error> {
    jcs::canonicalize_object(options)
}
