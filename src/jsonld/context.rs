//! Context Processing (JSON-LD 1.1 API §4.1), for the subset the bundled contexts use:
//! `@version`, `@vocab`, `@protected`, `@language`, `@direction`, remote contexts (from the
//! loader, never fetched) and term definitions (`term_definition`). Anything else fails closed
//! with `unsupported_json_ld`. Context objects written in the document go through the same
//! steps, counted against the document's own budget (`MAX_DOCUMENT_TERMS`, `MAX_DOCUMENT_IRI`).

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::active_context::{ActiveContext, TermMap};
use super::iri::{expand_iri, is_absolute_iri, language_tag};
use super::term_definition::Builder;
use super::{Loader, Work, MAX_DOCUMENT_IRI};
use crate::error::Error;

/// Options of one context-processing call.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ProcessOptions {
    pub(crate) override_protected: bool,
    pub(crate) propagate: bool,
    /// The local context was written in the document (an inline context, or the scoped context
    /// of a term one defined), not in a bundled or registered context: its terms are chosen by
    /// whoever wrote the credential.
    pub(crate) document: bool,
}

impl Default for ProcessOptions {
    fn default() -> Self {
        Self { override_protected: false, propagate: true, document: false }
    }
}

/// Context Processing (§4.1.2): `active` updated by `local`.
///
/// # Errors
/// `unknown_context`, `invalid_json_ld`, `unsupported_json_ld`, `expansion_limit`.
pub(crate) fn process(
    active: &ActiveContext,
    local: &Value,
    options: ProcessOptions,
    loader: &dyn Loader,
    work: &mut Work,
) -> Result<ActiveContext, Error> {
    process_inner(active, local, options, loader, work, 0)
}

/// Remote contexts may include others; this bounds the chain (and any cycle).
const MAX_REMOTE_DEPTH: usize = 8;

fn process_inner(
    active: &ActiveContext,
    local: &Value,
    mut options: ProcessOptions,
    loader: &dyn Loader,
    work: &mut Work,
    remote_depth: usize,
) -> Result<ActiveContext, Error> {
    work.spend(1)?;
    let mut result = active.clone();
    if let Some(propagate) = local.get("@propagate") {
        options.propagate = propagate.as_bool().ok_or_else(|| invalid("@propagate must be a boolean"))?;
    }
    if !options.propagate && result.previous.is_none() {
        result.previous = Some(Arc::new(active.clone()));
    }
    let contexts: &[Value] = match local {
        Value::Array(items) => items,
        single => std::slice::from_ref(single),
    };
    for context in contexts {
        match context {
            Value::Null => {
                if !options.override_protected && result.has_protected_terms() {
                    return Err(invalid("a context with protected terms cannot be nullified"));
                }
                let previous = if options.propagate { None } else { Some(Arc::new(result.clone())) };
                result = ActiveContext { previous, ..ActiveContext::default() };
            }
            Value::String(url) => {
                if remote_depth >= MAX_REMOTE_DEPTH {
                    return Err(invalid("contexts nest too deeply (or form a cycle)"));
                }
                let document = loader.context(url).ok_or_else(|| loader.unknown(url))?;
                let inner = document.get("@context").ok_or_else(|| invalid("a remote context has no @context"))?;
                let remote_options =
                    ProcessOptions { override_protected: options.override_protected, propagate: true, document: false };
                result = process_inner(&result, inner, remote_options, loader, work, remote_depth + 1)?;
            }
            Value::Object(definitions) => {
                result = process_definitions(&result, definitions, options, work, remote_depth)?;
            }
            _ => return Err(invalid("a context must be null, a string or an object")),
        }
    }
    Ok(result)
}

fn process_definitions(
    active: &ActiveContext,
    local: &Map<String, Value>,
    options: ProcessOptions,
    work: &mut Work,
    remote_depth: usize,
) -> Result<ActiveContext, Error> {
    let mut result = active.clone();
    for key in ["@import", "@base"] {
        if local.contains_key(key) {
            if key == "@base" && remote_depth > 0 {
                continue; // §4.1.2 step 5.7: @base in a remote context is ignored
            }
            return Err(Error::UnsupportedJsonLd(if key == "@import" { "@import" } else { "@base" }));
        }
    }
    if let Some(version) = local.get("@version") {
        if version.as_f64() != Some(1.1) {
            return Err(invalid("@version must be 1.1"));
        }
    }
    if let Some(vocab) = local.get("@vocab") {
        result.vocab = vocabulary(&result, vocab, options)?;
    }
    if let Some(language) = local.get("@language") {
        result.language = match language {
            Value::Null => None,
            Value::String(l) => Some(Arc::from(language_tag(l)?)),
            _ => return Err(invalid("@language must be a string or null")),
        };
    }
    if let Some(direction) = local.get("@direction") {
        result.direction = match direction.as_str() {
            None if direction.is_null() => None,
            Some(d @ ("ltr" | "rtl")) => Some(Arc::from(d)),
            _ => return Err(invalid("@direction must be ltr, rtl or null")),
        };
    }
    let protected = match local.get("@protected") {
        None => false,
        Some(p) => p.as_bool().ok_or_else(|| invalid("@protected must be a boolean"))?,
    };
    let new_terms = TermMap::new(options.document);
    let mut builder = Builder { active: &result, local, new_terms, defined: HashMap::new(), protected, options };
    for term in local.keys() {
        if !matches!(
            term.as_str(),
            "@base" | "@direction" | "@import" | "@language" | "@propagate" | "@protected" | "@version" | "@vocab"
        ) {
            work.spend(1)?;
            if options.document {
                work.spend_document_term()?;
            }
            builder.define(term)?;
        }
    }
    let new_terms = builder.new_terms;
    result.terms = result.with_layer(new_terms);
    Ok(result)
}

/// The default vocabulary a context sets (§4.1.2 step 5.8), from a bundled context or the
/// document's own: a `@vocab` in an inline context is **accepted**, deliberately.
///
/// Safe mode refuses a term JSON-LD would *drop*, because a dropped statement is not signed.
/// Under a `@vocab` nothing is dropped: every otherwise undefined key expands to the vocabulary
/// IRI followed by the key and lands in the quads, so the RDFC signature covers it (add, remove
/// or change one and the signature fails); the JCS suites sign the JSON itself. A `@vocab` never
/// reaches a term some context defines, so it cannot change what a VC or Open Badges term means.
/// This is what VC 2.0 itself offers for terms no context defines (the bundled
/// `https://www.w3.org/ns/credentials/undefined-terms/v2` context is nothing but such a
/// `@vocab`), and what the W3C ecdsa-sd-2023 test vector (windsurf) uses. What a `@vocab` term
/// lacks is a published meaning: the verifier vouches that the issuer signed `vocab#key`, not what
/// it means. Refusing would refuse credentials valid by the standard and make the inline form of
/// the undefined-terms context fail where its URL passes.
/// See: <https://www.w3.org/ns/credentials/undefined-term> and
/// <https://www.w3.org/TR/vc-data-model-2.0/#contexts>
///
/// The value is IRI-expanded against the context so far (step 5.8.3): a compact IRI such as
/// `ex:ns/` takes its prefix's IRI, as JSON-LD 1.1 says and jsonld.js does.
fn vocabulary(active: &ActiveContext, vocab: &Value, options: ProcessOptions) -> Result<Option<Arc<str>>, Error> {
    let vocab = match vocab {
        Value::Null => return Ok(None),
        Value::String(v) => v,
        _ => return Err(invalid("@vocab must be a string or null")),
    };
    let expanded = expand_iri(active, vocab, true).ok_or_else(|| invalid("@vocab must be an IRI"))?;
    if options.document && expanded.len() > MAX_DOCUMENT_IRI {
        return Err(Error::ExpansionLimit);
    }
    if is_absolute_iri(&expanded) || expanded.starts_with("_:") {
        Ok(Some(Arc::from(&*expanded)))
    } else {
        Err(Error::UnsupportedJsonLd("a relative @vocab"))
    }
}

pub(crate) fn invalid(why: &str) -> Error {
    Error::InvalidJsonLd(why.chars().take(200).collect())
}
