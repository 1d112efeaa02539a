//! JSON-LD → RDF for the RDFC-based proof suites: a focused implementation of exactly what the
//! bundled contexts use (see `context`), in safe mode, failing closed on anything else.
//!
//! ```text
//! document ──context::process (cached per @context list)──► expand (safe mode) ──► to_rdf ──► quads
//! ```
//!
//! Contexts are never fetched: they come from a [`Loader`] (the bundled ones in `contexts`, plus
//! any the host registered). Work is capped (`expansion_limit`).

mod active_context;
mod context;
mod expand;
mod iri;
mod term_definition;
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

/// A budget of processing steps (each context term, each expanded element counts one).
#[derive(Debug)]
pub(crate) struct Work {
    remaining: usize,
}

impl Work {
    fn new(budget: usize) -> Self {
        Self { remaining: budget }
    }

    fn spend(&mut self, amount: usize) -> Result<(), Error> {
        self.remaining = self.remaining.checked_sub(amount).ok_or(Error::ExpansionLimit)?;
        Ok(())
    }
}

/// Steps one document may take: far above any real credential (a rich OB 3.0 credential takes
/// about 2,000), far below what would hang a browser tab.
pub const MAX_WORK: usize = 200_000;

/// The quads of a JSON-LD document (the document's own `@context` applies).
///
/// # Errors
/// `unknown_context`, `undefined_term`, `invalid_json_ld`, `unsupported_json_ld`, `expansion_limit`.
pub fn to_rdf(document: &Map<String, Value>, loader: &dyn Loader) -> Result<Vec<Quad>, Error> {
    let mut work = Work::new(MAX_WORK);
    let active = match document.get("@context") {
        Some(local) => {
            expand::refuse_embedded_contexts(local)?;
            top_level_context(local, loader, &mut work)?
        }
        None => ActiveContext::default(),
    };
    let mut expander = expand::Expander::new(loader, work);
    let expanded = expander.expand_document(&active, document)?;
    let mut writer = to_rdf::RdfWriter::default();
    writer.document(expanded)?;
    Ok(writer.quads)
}

type ContextCache = Mutex<HashMap<String, ActiveContext>>;

/// The top-level context, cached when it is a list of bundled context URLs (the common case:
/// every credential starts from the same few).
fn top_level_context(local: &Value, loader: &dyn Loader, work: &mut Work) -> Result<ActiveContext, Error> {
    static CACHE: OnceLock<ContextCache> = OnceLock::new();
    let key = match local {
        Value::String(url) => Some(url.clone()),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            Some(items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" "))
        }
        _ => None,
    }
    .filter(|_| loader.is_bundled_only());
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(key) = &key {
        if let Some(hit) = cache.lock().ok().and_then(|c| c.get(key).cloned()) {
            return Ok(hit);
        }
    }
    let active = context::process(&ActiveContext::default(), local, ProcessOptions::default(), loader, work)?;
    if let (Some(key), Ok(mut cache)) = (key, cache.lock()) {
        if cache.len() >= 64 {
            cache.clear();
        }
        cache.insert(key, active.clone());
    }
    Ok(active)
}
