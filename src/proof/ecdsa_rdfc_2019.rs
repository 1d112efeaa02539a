//! `ecdsa-rdfc-2019`: ECDSA (P-256 or P-384) over H(RDFC(proof config)) ‖ H(RDFC(document)), the
//! hash H following the key's curve (SHA-256 or SHA-384), RDFC-1.0's own hash algorithm too (the
//! W3C P-384 vectors and Digital Bazaar's suite since 1.1.1 canonicalize with SHA-384). The stages carry the spec's names so
//! each maps to a W3C test-vector file. Built with the cargo feature `ecdsa`.
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-rdfc-2019>

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::canonical::{canonical_nquads, canonical_nquads_sha384, with_context_variants};
use super::{ecdsa, eddsa_rdfc_2022, Object, Proof};
use crate::contexts::Contexts;
use crate::error::Error;
use crate::key::{Algorithm, PublicKey};

/// Verify Proof (ecdsa-rdfc-2019), §3.2.2.
///
/// # Errors
/// `algorithm_key_mismatch`, `invalid_proof_value` (a signature of the other curve's length),
/// `proof_context_mismatch`, the JSON-LD / RDFC errors, `signature_mismatch`.
pub fn verify(
    unsecured: &Map<String, Value>,
    proof: &Proof<'_>,
    key: &PublicKey,
    contexts: &Contexts,
) -> Result<(), Error> {
    let algorithm = ecdsa::algorithm(key, &proof.signature)?;
    let (document, options) = transform_inputs(unsecured, proof)?;
    with_context_variants(document.get("@context"), contexts, |contexts| {
        let transformed = transform(&document, algorithm, contexts)?;
        let proof_config = configure_proof(&options, algorithm, contexts)?;
        key.verify(algorithm, &ecdsa::hash(algorithm, &transformed, &proof_config), &proof.signature)
    })
}

/// The unsecured document and the proof options (§3.2.2 steps 1–5, §3.2.6): as eddsa-rdfc-2022,
/// the proof's `@context` (if any) must prefix the document's and replaces it; the proof
/// configuration carries the document's `@context`.
///
/// # Errors
/// `proof_context_mismatch`.
pub fn transform_inputs<'a>(
    unsecured: &'a Map<String, Value>,
    proof: &Proof<'_>,
) -> Result<(Cow<'a, Object>, Object), Error> {
    eddsa_rdfc_2022::transform_inputs(unsecured, proof)
}

/// Transformation (§3.2.4): the RDFC-1.0 canonical N-Quads of the unsecured document, RDFC
/// hashing with SHA-384 for ES384 and SHA-256 otherwise.
///
/// # Errors
/// The JSON-LD errors and `canonicalization_limit`.
pub fn transform(unsecured: &Map<String, Value>, algorithm: Algorithm, contexts: &Contexts) -> Result<String, Error> {
    if algorithm == Algorithm::ES384 {
        canonical_nquads_sha384(unsecured, contexts)
    } else {
        canonical_nquads(unsecured, contexts)
    }
}

/// Proof Configuration (§3.2.6): the canonical N-Quads of the proof options, as [`transform`].
///
/// # Errors
/// As [`transform`].
pub fn configure_proof(
    options: &Map<String, Value>,
    algorithm: Algorithm,
    contexts: &Contexts,
) -> Result<String, Error> {
    transform(options, algorithm, contexts)
}
