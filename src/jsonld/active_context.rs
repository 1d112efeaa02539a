//! Active contexts (JSON-LD 1.1 API §4.1): term definitions in shared layers. A scoped context
//! adds one small layer on top of its parent instead of copying every term, so applying the OB 3.0
//! type-scoped contexts stays cheap, and identical results can be cached by identity.

use std::sync::Arc;

use serde_json::Value;

pub(crate) use super::term_map::TermMap;

/// Containers a term may declare (the subset the bundled contexts use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Container {
    pub(crate) list: bool,
    pub(crate) set: bool,
    pub(crate) graph: bool,
}

/// One term definition (§4.2.2).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TermDefinition {
    /// The IRI (or keyword) the term expands to; `None` for a term explicitly mapped to null.
    pub(crate) iri: Option<String>,
    pub(crate) prefix: bool,
    pub(crate) protected: bool,
    /// `@id`, `@vocab`, `@json`, or a datatype IRI.
    pub(crate) type_mapping: Option<String>,
    pub(crate) container: Container,
    /// `Some(None)` when the definition sets `@language: null`.
    pub(crate) language: Option<Option<String>>,
    pub(crate) direction: Option<Option<String>>,
    /// A scoped context, applied to values of this property or nodes of this type.
    pub(crate) context: Option<Arc<Value>>,
    /// A reverse property (`@reverse`, §4.2.2 step 14): its values are the subjects, the node
    /// that holds it the object.
    pub(crate) reverse: bool,
    /// Defined by a context the document wrote (its scoped context is then the document's too).
    pub(crate) document: bool,
}

impl TermDefinition {
    /// Equal apart from `protected` and where it was written (the rule for redefining a
    /// protected term, §4.2.2 step 27: the same definition again is allowed).
    pub(crate) fn same_as(&self, other: &Self) -> bool {
        let plain = |d: &Self| Self { protected: false, document: false, ..d.clone() };
        plain(self) == plain(other)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Layer {
    /// `None` marks a term removed in this layer.
    terms: TermMap,
    parent: Option<Arc<Layer>>,
    depth: usize,
}

/// An active context: cheap to clone (shared layers).
#[derive(Debug, Clone, Default)]
pub(crate) struct ActiveContext {
    pub(crate) terms: Option<Arc<Layer>>,
    /// Shared strings: an active context is cloned for every node expanded, and their identities
    /// key the cache of applied scoped contexts.
    pub(crate) vocab: Option<Arc<str>>,
    pub(crate) language: Option<Arc<str>>,
    pub(crate) direction: Option<Arc<str>>,
    /// The context to revert to when entering a node (set by non-propagated, type-scoped contexts).
    pub(crate) previous: Option<Arc<ActiveContext>>,
}

/// Layers deeper than this are flattened, so lookups stay short.
const MAX_LAYER_DEPTH: usize = 8;

impl ActiveContext {
    /// The term definition of `term`, if any.
    pub(crate) fn get(&self, term: &str) -> Option<&Arc<TermDefinition>> {
        let mut layer = self.terms.as_deref();
        while let Some(current) = layer {
            if let Some(entry) = current.terms.get(term) {
                return entry.as_ref();
            }
            layer = current.parent.as_deref();
        }
        None
    }

    /// Identity of the term layers (for caches keyed by context).
    pub(crate) fn identity(&self) -> usize {
        self.terms.as_ref().map_or(0, |layer| Arc::as_ptr(layer) as usize)
    }

    /// Identities of the default vocabulary, language and direction (0 when unset).
    pub(crate) fn defaults_identity(&self) -> [usize; 3] {
        let identity =
            |text: &Option<Arc<str>>| text.as_ref().map_or(0, |text| Arc::as_ptr(text).cast::<u8>() as usize);
        [identity(&self.vocab), identity(&self.language), identity(&self.direction)]
    }

    /// Identity of the previous context.
    pub(crate) fn previous_identity(&self) -> usize {
        self.previous.as_ref().map_or(0, |previous| Arc::as_ptr(previous) as usize)
    }

    pub(crate) fn has_protected_terms(&self) -> bool {
        let mut seen = std::collections::HashSet::new();
        let mut layer = self.terms.as_deref();
        while let Some(current) = layer {
            for (term, definition) in current.terms.iter() {
                if seen.insert(term.as_str()) && definition.as_ref().is_some_and(|d| d.protected) {
                    return true;
                }
            }
            layer = current.parent.as_deref();
        }
        false
    }

    pub(crate) fn with_layer(&self, new_terms: TermMap) -> Option<Arc<Layer>> {
        if new_terms.is_empty() {
            return self.terms.clone();
        }
        let depth = self.terms.as_ref().map_or(0, |l| l.depth + 1);
        if depth < MAX_LAYER_DEPTH {
            return Some(Arc::new(Layer { terms: new_terms, parent: self.terms.clone(), depth }));
        }
        // Flatten: collect the visible terms of every layer, newest first. Once a document's
        // terms are among them, the flat map is an ordered one (see `term_map`).
        let mut flat: TermMap = new_terms;
        let mut layer = self.terms.as_deref();
        while let Some(current) = layer {
            if current.terms.is_document() {
                flat = flat.into_document();
            }
            for (term, definition) in current.terms.iter() {
                flat.insert_if_absent(term, definition);
            }
            layer = current.parent.as_deref();
        }
        flat.drop_removed();
        Some(Arc::new(Layer { terms: flat, parent: None, depth: 0 }))
    }
}
