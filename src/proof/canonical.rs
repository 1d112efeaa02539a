//! The RDFC half shared by `eddsa-rdfc-2022` and `Ed25519Signature2020`: a JSON-LD document →
//! RDF (safe mode, bundled contexts) → RDFC-1.0 canonical N-Quads → SHA-256. Also the retry
//! over published context variants (Open Badges 3.0.3 has served two different documents at
//! one URL): a signature that fails under the default variant is tried under the others before
//! `signature_mismatch` is reported.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::contexts::{self, Contexts};
use crate::error::Error;
use crate::jsonld;
use crate::rdfc;

use super::memo::{self, Form};

/// RDFC-1.0 canonical N-Quads of a JSON-LD document.
///
/// # Errors
/// The JSON-LD errors (`undefined_term`, `unknown_context`, …) and `canonicalization_limit`.
pub fn canonical_nquads(document: &Map<String, Value>, contexts: &Contexts) -> Result<String, Error> {
    memo::canonical(document, Form::Rdfc, Some(contexts), || {
        let quads = jsonld::to_rdf(document, contexts)?;
        rdfc::canonical_nquads(&quads, &rdfc::Limits::default())
    })
}

/// RDFC-1.0 canonical N-Quads of a JSON-LD document with SHA-384 as RDFC's hash algorithm, as
/// ecdsa-rdfc-2019 takes it with a P-384 key (the hash follows the curve: the blank-node labels
/// can differ from the SHA-256 run's).
///
/// # Errors
/// As [`canonical_nquads`].
#[cfg(feature = "ecdsa")]
pub fn canonical_nquads_sha384(document: &Map<String, Value>, contexts: &Contexts) -> Result<String, Error> {
    memo::canonical(document, Form::RdfcSha384, Some(contexts), || {
        let quads = jsonld::to_rdf(document, contexts)?;
        Ok(rdfc::to_canonical_nquads(&rdfc::canonicalize_sha384(&quads, &rdfc::Limits::default())?))
    })
}

/// SHA-256(canonical proof options) ‖ SHA-256(canonical document): the data both RDFC suites sign.
///
/// # Errors
/// As [`canonical_nquads`].
pub fn hash_data(
    document: &Map<String, Value>,
    options: &Map<String, Value>,
    contexts: &Contexts,
) -> Result<[u8; 64], Error> {
    let document = canonical_nquads(document, contexts)?;
    let options = canonical_nquads(options, contexts)?;
    let mut out = [0u8; 64];
    let (proof_hash, document_hash) = out.split_at_mut(32);
    proof_hash.copy_from_slice(&Sha256::digest(options.as_bytes()));
    document_hash.copy_from_slice(&Sha256::digest(document.as_bytes()));
    Ok(out)
}

/// Runs `attempt` with the default contexts, then, if it fails with `signature_mismatch`, with
/// each other published variant of every context URL the document uses that has variants.
///
/// # Errors
/// The first attempt's error when no variant succeeds.
pub fn with_context_variants(
    document_context: Option<&Value>,
    contexts: &Contexts,
    mut attempt: impl FnMut(&Contexts) -> Result<(), Error>,
) -> Result<(), Error> {
    let first = attempt(contexts);
    if first != Err(Error::SignatureMismatch) {
        return first;
    }
    let urls: Vec<&str> = match document_context {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(url)) => vec![url.as_str()],
        _ => Vec::new(),
    };
    for url in urls {
        for variant in 1..contexts::variant_count(url) {
            if attempt(&contexts.with_variant(url, variant)).is_ok() {
                return Ok(());
            }
        }
    }
    first
}
