//! `eddsa-rdfc-2022`: Ed25519 over SHA-256(RDFC(proof config)) ‖ SHA-256(RDFC(document)).
//! See: <https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022>

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::canonical::{hash_data, with_context_variants};
use super::{document_and_options, verify_eddsa_signature, Object, Proof};
use crate::contexts::Contexts;
use crate::error::Error;
use crate::key::PublicKey;

/// Verify Proof (eddsa-rdfc-2022), §3.2.2.
///
/// # Errors
/// `proof_context_mismatch`, the JSON-LD / RDFC errors, `signature_mismatch`.
pub fn verify(
    unsecured: &Map<String, Value>,
    proof: &Proof<'_>,
    key: &PublicKey,
    contexts: &Contexts,
) -> Result<(), Error> {
    let (document, options) = transform_inputs(unsecured, proof)?;
    with_context_variants(document.get("@context"), contexts, |contexts| {
        verify_eddsa_signature(key, proof, &hash_data(&document, &options, contexts)?)
    })
}

/// The unsecured document and the proof configuration, as §3.2.2 steps 1–5 and §3.2.6 make them:
/// the proof's `@context` (if any) must prefix the document's and then replaces it; the proof
/// configuration carries the document's `@context`.
///
/// # Errors
/// `proof_context_mismatch`.
pub fn transform_inputs<'a>(
    unsecured: &'a Map<String, Value>,
    proof: &Proof<'_>,
) -> Result<(Cow<'a, Object>, Object), Error> {
    let (document, mut options) = document_and_options(unsecured, proof)?;
    if let Some(context) = document.get("@context") {
        options.insert("@context".into(), context.clone());
    }
    Ok((document, options))
}
