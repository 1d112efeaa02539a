//! JSON-LD → RDF for the RDFC-based proof suites: a focused implementation of exactly what the
//! bundled contexts use (see `context`), in safe mode, failing closed on anything else.
//!
//! ```text
//! document ──context::process (cached per @context list)──► expand (safe mode) ──► to_rdf ──► quads
//! ```
//!
//! Contexts are never fetched: they come from a [`Loader`] (the bundled ones in `contexts`, plus
//! any the host registered). A document may also define terms itself, in context objects beside
//! the URLs (VC 2.0 §4.3, JSON-LD 1.1 API §4.1.2 step 5.5): they are processed by the same rules
//! (a protected term stays protected), on a budget of their own ([`MAX_DOCUMENT_TERMS`],
//! [`MAX_DOCUMENT_IRI`]) and in ordered maps that chosen names cannot flood (`term_map`). Work is
//! capped (`expansion_limit`).

mod active_context;
mod context;
mod expand;
mod iri;
mod term_definition;
mod term_map;
mod to_rdf;
mod value;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{Map, Value};

use crate::error::Error;
use crate::rdf::Quad;
use active_context::ActiveContext;
use context::ProcessOptions;

/// Where contexts come from: never the network.
pub trait Loader {
    /// The context document at `url` (the whole document, with its `@context`), if known.
    fn context(&self, url: &str) -> Option<Arc<Value>>;
    /// Whether every context this loader knows is a bundled, immutable one (then processed
    /// contexts may be cached across calls).
    fn is_bundled_only(&self) -> bool {
        false
    }
    /// Why `url` has no document: `unknown_context`, unless the loader knows better (a context
    /// this build leaves out: `not_in_this_build`).
    fn unknown(&self, url: &str) -> Error {
        Error::UnknownContext(url.chars().take(200).collect())
    }
}

/// A budget of processing steps (each context term, each expanded element counts one), and of
/// the terms the document itself may define.
#[derive(Debug)]
pub(crate) struct Work {
    remaining: usize,
    document_terms: usize,
}

impl Work {
    fn new(budget: usize) -> Self {
        Self { remaining: budget, document_terms: MAX_DOCUMENT_TERMS }
    }

    fn spend(&mut self, amount: usize) -> Result<(), Error> {
        self.remaining = self.remaining.checked_sub(amount).ok_or(Error::ExpansionLimit)?;
        Ok(())
    }

    /// Counts one term definition written in the document (not in a bundled or registered context).
    fn spend_document_term(&mut self) -> Result<(), Error> {
        self.document_terms = self.document_terms.checked_sub(1).ok_or(Error::ExpansionLimit)?;
        Ok(())
    }
}

/// Steps one document may take: far above any real credential (37 times the 1,354 of the largest
/// in the test vectors, context processing included), far below what would hang a browser tab.
/// Elements that yield nothing (`null`s) are bounded only by this: 50,000 of them cost a few ms.
pub const MAX_WORK: usize = 50_000;

/// Term definitions a document's own (inline) contexts may make, counted over the whole
/// document, scoped contexts included. The largest inline context in the third-party vectors
/// defines 81 terms (an Open Badges 2.0 context copied into the document); this leaves room for a
/// dozen of them and bounds the memory an attacker's terms can take.
pub const MAX_DOCUMENT_TERMS: usize = 1024;

/// Bytes of an IRI a document's own context may map a term, a prefix or `@vocab` to (real ones
/// are under 100). Every use of a term copies its IRI into the quads, so without this bound a
/// document could define one long IRI and multiply it by every key it writes; with it, a
/// document's terms expand no further than the bundled contexts' do.
pub const MAX_DOCUMENT_IRI: usize = 512;

/// Most quads one document may yield: 40 times the largest real credential in the test vectors
/// (400 quads: 1EdTech's complete OB 3.0 example; a CLR 2.0 transcript has 342), far below what
/// would make canonicalizing and hashing it slow (`benches/worst`). Counted as quads are made.
pub const MAX_QUADS: usize = 16_384;

/// Most blank nodes one document may yield: 50 times the largest real credential in the test
/// vectors (41, a CLR 2.0 transcript), so RDFC-1.0 never sees more. Counted as they are made.
pub const MAX_BLANK_NODES: usize = 2_048;

/// The quads of a JSON-LD document (the document's own `@context` applies).
///
/// # Errors
/// `unknown_context`, `undefined_term`, `invalid_json_ld` (a protected term redefined, among
/// others), `unsupported_json_ld`, `expansion_limit` (also past [`MAX_QUADS`] or
/// [`MAX_BLANK_NODES`]).
pub fn to_rdf(document: &Map<String, Value>, loader: &dyn Loader) -> Result<Vec<Quad>, Error> {
    let mut work = Work::new(MAX_WORK);
    let active = match document.get("@context") {
        Some(local) => top_level_context(local, loader, &mut work)?,
        None => ActiveContext::default(),
    };
    let document_contexts = document.get("@context").is_some_and(expand::has_context_object);
    let mut expander = expand::Expander::new(loader, work, document_contexts);
    let expanded = expander.expand_document(&active, document)?;
    let mut writer = to_rdf::RdfWriter::default();
    writer.document(expanded)?;
    Ok(writer.quads)
}

type ContextCache = Mutex<HashMap<String, ActiveContext>>;

/// Processes a document's `@context` (URLs and inline definitions) without expanding the
/// document: the `contexts` check judges inline definitions this way for every suite, the
/// JSON-based ones (`eddsa-jcs-2022`) included, so a protected term stays protected there too.
///
/// # Errors
/// As [`to_rdf`], for the context alone.
pub fn check_context(local: &Value, loader: &dyn Loader) -> Result<(), Error> {
    top_level_context(local, loader, &mut Work::new(MAX_WORK)).map(|_| ())
}

/// The top-level context. Its leading context URLs are processed once and cached when every
/// context is a bundled one (the common case: every credential starts from the same few); the
/// context objects and URLs after them (terms the document defines) are processed on top, every
/// time.
fn top_level_context(local: &Value, loader: &dyn Loader, work: &mut Work) -> Result<ActiveContext, Error> {
    let items: &[Value] = match local {
        Value::Array(items) => items,
        single => std::slice::from_ref(single),
    };
    let named = items.iter().take_while(|item| item.is_string()).count();
    let (urls, rest) = items.split_at(named);
    let active = named_contexts(urls, loader, work)?;
    if rest.is_empty() {
        return Ok(active);
    }
    let options = ProcessOptions { document: true, ..ProcessOptions::default() };
    let rest = match local {
        Value::Array(_) => Value::Array(rest.to_vec()),
        single => single.clone(),
    };
    context::process(&active, &rest, options, loader, work)
}

/// A list of context URLs, processed, cached when the loader knows only bundled contexts.
fn named_contexts(urls: &[Value], loader: &dyn Loader, work: &mut Work) -> Result<ActiveContext, Error> {
    static CACHE: OnceLock<ContextCache> = OnceLock::new();
    if urls.is_empty() {
        return Ok(ActiveContext::default());
    }
    let key = loader.is_bundled_only().then(|| urls.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" "));
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(key) = &key {
        if let Some(hit) = cache.lock().ok().and_then(|c| c.get(key).cloned()) {
            return Ok(hit);
        }
    }
    let active = context::process(
        &ActiveContext::default(),
        &Value::Array(urls.to_vec()),
        ProcessOptions::default(),
        loader,
        work,
    )?;
    if let (Some(key), Ok(mut cache)) = (key, cache.lock()) {
        if cache.len() >= 64 {
            cache.clear();
        }
        cache.insert(key, active.clone());
    }
    Ok(active)
}
