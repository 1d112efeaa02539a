//! What the issuer signed, computed by the walk itself from the specs (not through the suites'
//! own `verify`), so that a mutant that still verifies can be *proven* to carry the same signed
//! data — or caught as a false accept.
//!
//! For a Data Integrity credential, per proof (vc-data-integrity §4.2, and each suite's
//! "transformation" and "proof configuration" steps):
//! - the document is the credential without `proof`; when the proof carries an `@context` it
//!   replaces the document's (eddsa-jcs-2022 §3.3.2, eddsa-rdfc-2022 §3.2.2, step 4);
//! - the proof options are the proof without its value (`proofValue`, or `jws` / `signatureValue`
//!   of the older suites), with the document's `@context` when it has none of its own;
//! - JCS suites (`*-jcs-*`) sign the RFC 8785 bytes of both; every other suite signs their
//!   RDF dataset, compared here as RDFC-1.0 canonical N-Quads (`proof::canonical::canonical_nquads`,
//!   the suites' canonicalisation): equal canonical N-Quads ⇔ isomorphic datasets, whatever hash
//!   the suite then applies (ecdsa-rdfc-2019 P-384's SHA-384 labels, ecdsa-sd-2023's HMAC labels).
//!
//! The proof value is part of what is compared, so a changed signature that still verifies is
//! caught too. Contexts that have published variants at one URL (Open Badges 3.0.3) are tried as
//! the verifier tries them: the signed data is computed under the default and under each variant
//! of each URL, and a mutant carries the original's signed data when, under some choice, each of
//! its proofs is one of the original's.
//! See: <https://www.w3.org/TR/vc-data-integrity/#verify-proof>

use std::collections::BTreeSet;

use badge_verifier::contexts::{self, Contexts};
use badge_verifier::jcs;
use badge_verifier::proof::canonical::canonical_nquads;
use serde_json::{Map, Value};

use super::oracle;

/// The signed data of a credential: for each context choice, the set of its proofs' forms
/// (document, options, value). A proof set is unordered, and each of its proofs signs alone.
pub type Forms = Vec<BTreeSet<String>>;

/// Which RDFC-1.0 implementation canonicalises the RDF suites' data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canonicaliser {
    /// The verifier's own (`proof::canonical::canonical_nquads`, what its suites use).
    Library,
    /// oxjsonld + oxrdf (tests/tamper/oracle.rs).
    Oracle,
}

/// The signed data of a JSON credential with Data Integrity proofs under `contexts`, or the
/// reason it cannot be computed (no proof, a document that does not canonicalise).
pub fn of_credential(credential: &Value, contexts: &Contexts, by: Canonicaliser) -> Result<Forms, String> {
    let map = credential.as_object().ok_or("not an object")?;
    context_choices(credential, contexts).iter().map(|choice| proof_forms(map, choice, by)).collect()
}

/// Whether everything `mutant` presents as signed was signed in `original`: under some context
/// choice, each of the mutant's proofs is one of the original's with the same document and
/// options. A proof removed from a set leaves the others' signed data as it was (each proof of a
/// set signs the document alone, vc-data-integrity §2.1.1); a proof of a chain signs the proofs
/// it names as well, so removing those changes its signed data.
pub fn same(original: &Forms, mutant: &Forms) -> bool {
    mutant.iter().any(|m| !m.is_empty() && original.iter().any(|o| m.is_subset(o)))
}

/// Whether [`same`] holds once the proof values are left out: the signed data is the original's
/// but a proof value is not (another spelling of it, or another signature).
pub fn same_but_proof_values(original: &Forms, mutant: &Forms) -> bool {
    let strip = |forms: &Forms| -> Forms {
        forms
            .iter()
            .map(|set| {
                set.iter()
                    .map(|form| form.rsplit_once('\n').map_or(form.clone(), |(signed, _)| signed.to_owned()))
                    .collect()
            })
            .collect()
    };
    same(&strip(original), &strip(mutant))
}

fn proof_forms(
    credential: &Map<String, Value>,
    contexts: &Contexts,
    by: Canonicaliser,
) -> Result<BTreeSet<String>, String> {
    let proofs: Vec<&Value> = match credential.get("proof") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(proof) => vec![proof],
        None => return Err("no proof".into()),
    };
    let mut unsecured = credential.clone();
    unsecured.remove("proof");
    proofs
        .iter()
        .map(|proof| {
            let signed = with_previous_proofs(&unsecured, proof, &proofs)?;
            proof_form(&signed, proof, contexts, by)
        })
        .collect()
}

/// The document a proof signs: for a proof in a chain, with the proofs its `previousProof`
/// names (vc-data-integrity §4.4, step 5).
fn with_previous_proofs(
    unsecured: &Map<String, Value>,
    proof: &Value,
    all: &[&Value],
) -> Result<Map<String, Value>, String> {
    let ids: Vec<&str> = match proof.get("previousProof") {
        None => return Ok(unsecured.clone()),
        Some(Value::String(id)) => vec![id],
        Some(Value::Array(items)) => {
            items.iter().map(|i| i.as_str().ok_or("previousProof entry not a string")).collect::<Result<_, _>>()?
        }
        Some(_) => return Err("previousProof neither a string nor an array".into()),
    };
    let named = ids
        .iter()
        .map(|id| {
            all.iter()
                .find(|p| p.get("id").and_then(Value::as_str) == Some(id))
                .map(|p| (*p).clone())
                .ok_or(format!("previousProof {id:?} names no proof"))
        })
        .collect::<Result<Vec<Value>, String>>()?;
    let mut document = unsecured.clone();
    document.insert("proof".into(), Value::Array(named));
    Ok(document)
}

fn proof_form(
    unsecured: &Map<String, Value>,
    proof: &Value,
    contexts: &Contexts,
    by: Canonicaliser,
) -> Result<String, String> {
    let proof = proof.as_object().ok_or("a proof is not an object")?;
    let mut document = unsecured.clone();
    if let Some(context) = proof.get("@context") {
        document.insert("@context".into(), context.clone());
    }
    let mut options = proof.clone();
    let mut value = String::new();
    for key in ["proofValue", "jws", "signatureValue"] {
        if let Some(v) = options.remove(key) {
            value.push_str(&format!("{key}={v}"));
        }
    }
    let is_jcs = proof.get("cryptosuite").and_then(Value::as_str).is_some_and(|s| s.contains("-jcs-"));
    let (document, options) = if is_jcs {
        let canonical = |m: &Map<String, Value>| jcs::canonicalize_object(m).map_err(|e| e.code().to_owned());
        (canonical(&document)?, canonical(&options)?)
    } else {
        if !options.contains_key("@context") {
            if let Some(context) = document.get("@context") {
                options.insert("@context".into(), context.clone());
            }
        }
        let canonical = |m: &Map<String, Value>| match by {
            Canonicaliser::Library => canonical_nquads(m, contexts).map_err(|e| format!("{}: {e}", e.code())),
            Canonicaliser::Oracle => oracle::canonical_nquads(m, contexts),
        };
        (canonical(&document)?, canonical(&options)?)
    };
    let kind = if is_jcs { "jcs" } else { "rdfc" };
    Ok(format!("{kind}\n{document}\n{options}\n{value}"))
}

/// `contexts`, and `contexts` with each other published variant of each context URL the
/// credential names (anywhere), as the verifier retries them.
fn context_choices(credential: &Value, base: &Contexts) -> Vec<Contexts> {
    let mut urls = BTreeSet::new();
    context_urls(credential, &mut urls);
    let mut choices = vec![base.clone()];
    for url in urls {
        for variant in contexts::bundled().iter().filter(|b| b.url == url).skip(1) {
            let mut contexts = base.clone();
            if contexts.register(url, variant.json.as_bytes()).is_ok() {
                choices.push(contexts);
            }
        }
    }
    choices
}

fn context_urls<'a>(value: &'a Value, out: &mut BTreeSet<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key == "@context" {
                    match child {
                        Value::String(url) => {
                            out.insert(url);
                        }
                        Value::Array(items) => out.extend(items.iter().filter_map(Value::as_str)),
                        _ => {}
                    }
                }
                context_urls(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| context_urls(item, out)),
        _ => {}
    }
}
