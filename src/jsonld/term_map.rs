//! The term definitions of one layer of an active context, keyed by term, in a map chosen by who
//! chose the terms.
//!
//! - Terms of bundled or host-registered contexts go in a hash map with FxHash (rustc's hasher),
//!   several times faster than SipHash on short keys. It is unkeyed, so names that collide can be
//!   computed offline (a hash flood: every insert and lookup walks one long chain), which is safe
//!   only because the verifier's own contexts choose these names.
//! - Terms a document defines (inline contexts, JSON-LD 1.1 API §4.1.2 step 5.5) are chosen by
//!   whoever wrote the credential, an attacker included, so they go in a sorted vector: there is
//!   no hash to flood, a lookup costs O(log n) comparisons whatever the names, and an insert at
//!   most one move of the (at most `MAX_DOCUMENT_TERMS`-long) tail. A `BTreeMap` would do the
//!   same but cost the core wasm 3.0 KB more gzip (measured: 220,733 against 217,747 bytes). A keyed hasher
//!   would not do: std's `RandomState` draws its keys from the OS natively, but on
//!   `wasm32-unknown-unknown` std has no entropy and seeds it from a stack and a heap address,
//!   which are the same in every run of one module. Credentials that define no terms of their own
//!   (nearly all) never build one, so the common path keeps its speed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::active_context::TermDefinition;

/// A term's entry: `None` marks a term removed in this layer.
pub(crate) type Entry = Option<Arc<TermDefinition>>;

/// FxHash (rustc's hasher), for names the verifier's own contexts chose (see the module docs).
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(prefix) = word.get_mut(..chunk.len()) {
                prefix.copy_from_slice(chunk);
            }
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Term definitions keyed by term: hashed for the verifier's contexts, sorted for a document's.
#[derive(Debug)]
pub(crate) enum TermMap {
    /// Terms of bundled or registered contexts.
    Trusted(HashMap<String, Entry, BuildHasherDefault<FxHasher>>),
    /// Terms an inline context of the document defines (or a layer flattened with such terms),
    /// sorted by term, each once.
    Document(Vec<(String, Entry)>),
}

impl Default for TermMap {
    fn default() -> Self {
        Self::Trusted(HashMap::default())
    }
}

impl TermMap {
    /// An empty map for terms a document defines (`document`) or the verifier's contexts do.
    pub(crate) fn new(document: bool) -> Self {
        if document {
            Self::Document(Vec::new())
        } else {
            Self::default()
        }
    }

    pub(crate) fn get(&self, term: &str) -> Option<&Entry> {
        match self {
            Self::Trusted(map) => map.get(term),
            Self::Document(sorted) => position(sorted, term).ok().and_then(|i| sorted.get(i)).map(|(_, entry)| entry),
        }
    }

    pub(crate) fn insert(&mut self, term: String, entry: Entry) {
        match self {
            Self::Trusted(map) => {
                map.insert(term, entry);
            }
            Self::Document(sorted) => match position(sorted, &term) {
                Ok(i) => {
                    if let Some(slot) = sorted.get_mut(i) {
                        slot.1 = entry;
                    }
                }
                Err(i) => sorted.insert(i, (term, entry)),
            },
        }
    }

    /// Inserts `entry` unless `term` already has one (newer layers win when flattening).
    pub(crate) fn insert_if_absent(&mut self, term: &str, entry: &Entry) {
        match self {
            Self::Trusted(map) => {
                map.entry(term.to_owned()).or_insert_with(|| entry.clone());
            }
            Self::Document(sorted) => {
                if let Err(i) = position(sorted, term) {
                    sorted.insert(i, (term.to_owned(), entry.clone()));
                }
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Self::Trusted(map) => map.is_empty(),
            Self::Document(sorted) => sorted.is_empty(),
        }
    }

    pub(crate) fn is_document(&self) -> bool {
        matches!(self, Self::Document(_))
    }

    /// Every entry, in no particular order.
    pub(crate) fn iter(&self) -> Box<dyn Iterator<Item = (&String, &Entry)> + '_> {
        match self {
            Self::Trusted(map) => Box::new(map.iter()),
            Self::Document(sorted) => Box::new(sorted.iter().map(|(term, entry)| (term, entry))),
        }
    }

    /// The same entries, sorted (once document terms are mixed in, the keys are no longer only
    /// the verifier's).
    pub(crate) fn into_document(self) -> Self {
        match self {
            Self::Trusted(map) => {
                let mut sorted: Vec<(String, Entry)> = map.into_iter().collect();
                sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                Self::Document(sorted)
            }
            document @ Self::Document(_) => document,
        }
    }

    /// Drops the entries that mark removed terms.
    pub(crate) fn drop_removed(&mut self) {
        match self {
            Self::Trusted(map) => map.retain(|_, entry| entry.is_some()),
            Self::Document(sorted) => sorted.retain(|(_, entry)| entry.is_some()),
        }
    }
}

/// Where `term` is, or would go, in a sorted vector.
fn position(sorted: &[(String, Entry)], term: &str) -> Result<usize, usize> {
    sorted.binary_search_by(|(key, _)| key.as_str().cmp(term))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_kinds_hold_the_same_entries() {
        for document in [false, true] {
            let mut map = TermMap::new(document);
            assert!(map.is_empty() && map.is_document() == document);
            map.insert("name".into(), None);
            map.insert_if_absent("name", &Some(Arc::new(TermDefinition::null(false))));
            map.insert_if_absent("other", &Some(Arc::new(TermDefinition::null(true))));
            assert_eq!(map.get("name"), Some(&None));
            assert!(map.get("other").is_some_and(|e| e.as_ref().is_some_and(|d| d.protected)));
            map.drop_removed();
            assert!(map.get("name").is_none() && map.iter().count() == 1);
            map.insert("another".into(), None);
            map.insert("a".into(), None);
            let sorted = map.into_document();
            assert!(sorted.is_document() && sorted.get("another") == Some(&None) && sorted.get("a") == Some(&None));
            assert!(sorted.get("other").is_some() && sorted.get("b").is_none());
        }
    }
}
