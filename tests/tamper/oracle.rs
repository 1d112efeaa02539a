//! A second opinion on "same signed data": the RDF datasets compared again with an independent
//! JSON-LD processor and RDFC-1.0 (oxjsonld and oxrdf, native dev-dependencies, as in
//! tests/jsonld_oracle.rs), so that a bug the verifier's own JSON-LD shares with the walk's
//! canonical form cannot hide a false accept.

use badge_verifier::jsonld::Loader;
use badge_verifier::Contexts;
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdf::dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm};
use serde_json::{Map, Value};

/// RDFC-1.0 canonical N-Quads of `document` by oxjsonld + oxrdf, its contexts from `contexts`.
pub fn canonical_nquads(document: &Map<String, Value>, contexts: &Contexts) -> Result<String, String> {
    let bytes = serde_json::to_vec(document).map_err(|e| e.to_string())?;
    let contexts = contexts.clone();
    let parser = JsonLdParser::new().for_slice(&bytes).with_load_document_callback(move |url, _| {
        let context = contexts.context(url).ok_or_else(|| format!("unknown context {url}"))?;
        Ok(JsonLdRemoteDocument { document: serde_json::to_vec(&*context)?, document_url: url.to_owned() })
    });
    let mut dataset = oxrdf::Dataset::new();
    for quad in parser {
        dataset.insert(&quad.map_err(|e| e.to_string())?);
    }
    dataset.canonicalize(CanonicalizationAlgorithm::Rdfc10 { hash_algorithm: CanonicalizationHashAlgorithm::Sha256 });
    let mut lines: Vec<String> = dataset.iter().map(|q| format!("{q} .\n")).collect();
    lines.sort();
    Ok(lines.concat())
}
