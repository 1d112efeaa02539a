//! `Documents`: what the host fetched (or was given) for this verification, keyed by URL or DID
//! without fragment. The core never fetches: a check that needs a document it does not find
//! fails as `document_unavailable`, and the report lists the id under `needs` so the host can
//! fetch it and verify again (the sans-I/O loop).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::Error;
use crate::json::{self, Limits};

/// Documents provided by the host, each parsed under the same limits as a credential.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    by_id: BTreeMap<String, Value>,
}

impl Documents {
    /// An empty set: nothing fetched (offline).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the document at `id` (a URL or DID) from its bytes.
    ///
    /// # Errors
    /// The `json::parse` errors: the document is as hostile as the credential.
    pub fn insert_json(&mut self, id: &str, bytes: &[u8], limits: &Limits) -> Result<(), Error> {
        let value = json::parse(bytes, limits)?;
        self.insert(id, value);
        Ok(())
    }

    /// Adds an already parsed document at `id`.
    pub fn insert(&mut self, id: &str, document: Value) {
        self.by_id.insert(strip_fragment(id).to_owned(), document);
    }

    /// The document at `id` (its fragment ignored), if provided.
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.by_id.get(strip_fragment(id))
    }

    /// How many documents are held.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether no document is held.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// `id` without its `#fragment`.
pub fn strip_fragment(id: &str) -> &str {
    id.split_once('#').map_or(id, |(base, _)| base)
}
