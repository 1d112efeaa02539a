//! Active contexts and context processing (JSON-LD 1.1 API §4.1–4.2), for the subset the bundled
//! contexts use: `@version`, `@vocab`, `@protected`, term definitions with `@id`, `@type`
//! (`@id`, `@vocab`, `@json`, IRIs), `@container` (`@list`, `@set`, `@graph`), `@context`
//! (type- and property-scoped), `@prefix`, `@language`, `@direction`. Anything else fails closed
//! with `unsupported_json_ld`.
//!
//! Term definitions live in layers: a scoped context adds one small layer on top of its parent
//! instead of copying every term, so applying the OB 3.0 type-scoped contexts stays cheap.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::iri::{is_absolute_iri, is_keyword, looks_like_keyword};
use super::{Loader, Work};
use crate::error::Error;

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
}

impl TermDefinition {
    /// Equal apart from `protected` (the rule for redefining a protected term, §4.2.2 step 27).
    fn same_as(&self, other: &Self) -> bool {
        Self { protected: false, ..self.clone() } == Self { protected: false, ..other.clone() }
    }
}

/// FxHash (rustc's hasher): several times faster than SipHash on short keys. Safe here because
/// every term map is built from bundled or host-registered contexts only (documents cannot embed
/// contexts: `inline_context`), so no attacker chooses the keys that are inserted.
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

type TermMap = HashMap<String, Option<Arc<TermDefinition>>, BuildHasherDefault<FxHasher>>;

#[derive(Debug, Default)]
struct Layer {
    /// `None` marks a term removed in this layer.
    terms: TermMap,
    parent: Option<Arc<Layer>>,
    depth: usize,
}

/// An active context: cheap to clone (shared layers).
#[derive(Debug, Clone, Default)]
pub(crate) struct ActiveContext {
    terms: Option<Arc<Layer>>,
    pub(crate) vocab: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) direction: Option<String>,
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

    /// Identity of the previous context.
    pub(crate) fn previous_identity(&self) -> usize {
        self.previous.as_ref().map_or(0, |previous| Arc::as_ptr(previous) as usize)
    }

    fn has_protected_terms(&self) -> bool {
        let mut seen = std::collections::HashSet::new();
        let mut layer = self.terms.as_deref();
        while let Some(current) = layer {
            for (term, definition) in &current.terms {
                if seen.insert(term.as_str()) && definition.as_ref().is_some_and(|d| d.protected) {
                    return true;
                }
            }
            layer = current.parent.as_deref();
        }
        false
    }

    fn with_layer(&self, new_terms: TermMap) -> Option<Arc<Layer>> {
        if new_terms.is_empty() {
            return self.terms.clone();
        }
        let depth = self.terms.as_ref().map_or(0, |l| l.depth + 1);
        if depth < MAX_LAYER_DEPTH {
            return Some(Arc::new(Layer { terms: new_terms, parent: self.terms.clone(), depth }));
        }
        // Flatten: collect the visible terms of every layer, newest first.
        let mut flat: TermMap = new_terms;
        let mut layer = self.terms.as_deref();
        while let Some(current) = layer {
            for (term, definition) in &current.terms {
                flat.entry(term.clone()).or_insert_with(|| definition.clone());
            }
            layer = current.parent.as_deref();
        }
        flat.retain(|_, d| d.is_some());
        Some(Arc::new(Layer { terms: flat, parent: None, depth: 0 }))
    }
}

/// Options of one context-processing call.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ProcessOptions {
    pub(crate) override_protected: bool,
    pub(crate) propagate: bool,
}

impl Default for ProcessOptions {
    fn default() -> Self {
        Self { override_protected: false, propagate: true }
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
                let document =
                    loader.context(url).ok_or_else(|| Error::UnknownContext(url.chars().take(200).collect()))?;
                let inner = document.get("@context").ok_or_else(|| invalid("a remote context has no @context"))?;
                let remote_options = ProcessOptions { override_protected: options.override_protected, propagate: true };
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
        result.vocab = match vocab {
            Value::Null => None,
            Value::String(v) if is_absolute_iri(v) || v.starts_with("_:") => Some(v.clone()),
            Value::String(_) => return Err(Error::UnsupportedJsonLd("a relative @vocab")),
            _ => return Err(invalid("@vocab must be a string or null")),
        };
    }
    if let Some(language) = local.get("@language") {
        result.language = match language {
            Value::Null => None,
            Value::String(l) => Some(l.to_ascii_lowercase()),
            _ => return Err(invalid("@language must be a string or null")),
        };
    }
    if let Some(direction) = local.get("@direction") {
        result.direction = match direction.as_str() {
            None if direction.is_null() => None,
            Some(d @ ("ltr" | "rtl")) => Some(d.to_owned()),
            _ => return Err(invalid("@direction must be ltr, rtl or null")),
        };
    }
    let protected = match local.get("@protected") {
        None => false,
        Some(p) => p.as_bool().ok_or_else(|| invalid("@protected must be a boolean"))?,
    };
    let mut builder =
        Builder { active: &result, local, new_terms: TermMap::default(), defined: HashMap::new(), protected, options };
    for term in local.keys() {
        if !matches!(
            term.as_str(),
            "@base" | "@direction" | "@import" | "@language" | "@propagate" | "@protected" | "@version" | "@vocab"
        ) {
            work.spend(1)?;
            builder.define(term)?;
        }
    }
    let new_terms = builder.new_terms;
    result.terms = result.with_layer(new_terms);
    Ok(result)
}

/// Create Term Definition (§4.2.2) for the terms of one local context.
struct Builder<'a> {
    active: &'a ActiveContext,
    local: &'a Map<String, Value>,
    new_terms: TermMap,
    /// `false` while a term is being defined (cycle detection), `true` once done.
    defined: HashMap<String, bool>,
    protected: bool,
    options: ProcessOptions,
}

impl Builder<'_> {
    /// The definition of `term` as it stands while building (new layer first).
    fn lookup(&self, term: &str) -> Option<Arc<TermDefinition>> {
        match self.new_terms.get(term) {
            Some(entry) => entry.clone(),
            None => self.active.get(term).cloned(),
        }
    }

    fn define(&mut self, term: &str) -> Result<(), Error> {
        match self.defined.get(term) {
            Some(true) => return Ok(()),
            Some(false) => return Err(invalid(&format!("cyclic IRI mapping for {term:?}"))),
            None => {}
        }
        if term.is_empty() {
            return Err(invalid("a term cannot be empty"));
        }
        self.defined.insert(term.to_owned(), false);
        let value = self.local.get(term).cloned().unwrap_or(Value::Null);
        if term == "@type" {
            // JSON-LD 1.1 allows `"@type": {"@container": "@set", "@protected": …}` only.
            let ok = value.as_object().is_some_and(|o| {
                o.keys().all(|k| k == "@container" || k == "@protected")
                    && o.get("@container").is_none_or(|c| c == "@set")
            });
            if !ok {
                return Err(invalid("@type may only be given a @set container"));
            }
            self.defined.insert(term.to_owned(), true);
            return Ok(());
        }
        if is_keyword(term) {
            return Err(invalid(&format!("keyword {term} cannot be redefined")));
        }
        if looks_like_keyword(term) {
            self.defined.insert(term.to_owned(), true);
            return Ok(()); // §4.2.2 step 5: ignored
        }
        let previous = self.active.get(term).cloned();
        let definition = match &value {
            Value::Null => TermDefinition::null(self.protected),
            Value::String(id) => {
                self.build(term, &Map::from_iter([("@id".to_owned(), Value::String(id.clone()))]), true)?
            }
            Value::Object(object) => self.build(term, object, false)?,
            _ => return Err(invalid(&format!("the definition of {term:?} must be a string, an object or null"))),
        };
        let definition = match previous {
            Some(previous) if previous.protected && !self.options.override_protected => {
                if !definition.same_as(&previous) {
                    return Err(invalid(&format!("protected term {term:?} cannot be redefined")));
                }
                previous
            }
            _ => Arc::new(definition),
        };
        self.new_terms.insert(term.to_owned(), Some(definition));
        self.defined.insert(term.to_owned(), true);
        Ok(())
    }

    fn build(&mut self, term: &str, object: &Map<String, Value>, simple: bool) -> Result<TermDefinition, Error> {
        for key in object.keys() {
            match key.as_str() {
                "@id" | "@type" | "@container" | "@context" | "@protected" | "@prefix" | "@language" | "@direction" => {
                }
                "@reverse" => return Err(Error::UnsupportedJsonLd("@reverse")),
                "@nest" => return Err(Error::UnsupportedJsonLd("@nest")),
                "@index" => return Err(Error::UnsupportedJsonLd("@index")),
                other => return Err(invalid(&format!("{other:?} is not allowed in the definition of {term:?}"))),
            }
        }
        let mut definition = TermDefinition::null(self.protected);
        if let Some(protected) = object.get("@protected") {
            definition.protected = protected.as_bool().ok_or_else(|| invalid("@protected must be a boolean"))?;
        }
        if let Some(kind) = object.get("@type") {
            let kind = kind.as_str().ok_or_else(|| invalid(&format!("@type of {term:?} must be a string")))?;
            let expanded =
                self.expand_iri(kind)?.ok_or_else(|| invalid(&format!("@type of {term:?} is not an IRI")))?;
            if !matches!(expanded.as_str(), "@id" | "@vocab" | "@json") && !is_absolute_iri(&expanded) {
                if expanded == "@none" {
                    return Err(Error::UnsupportedJsonLd("@type: @none"));
                }
                return Err(invalid(&format!("@type of {term:?} is not an IRI")));
            }
            definition.type_mapping = Some(expanded);
        }
        match object.get("@id") {
            Some(Value::Null) => {} // explicitly unmapped: using the term drops it
            Some(Value::String(id)) if id != term => {
                if looks_like_keyword(id) && !is_keyword(id) {
                    // §4.2.2 step 14.2.2: ignored, term stays unmapped
                } else {
                    let iri = self.expand_iri(id)?.ok_or_else(|| invalid(&format!("{term:?} maps to no IRI")))?;
                    if iri == "@context" {
                        return Err(invalid("a term cannot be an alias of @context"));
                    }
                    if !is_keyword(&iri) && !is_absolute_iri(&iri) && !iri.starts_with("_:") {
                        return Err(invalid(&format!("{term:?} maps to the relative IRI {iri:?}")));
                    }
                    if term.contains(':') || term.contains('/') {
                        // A term that looks like an IRI must expand to itself (§4.2.2 step 14.2.4).
                        self.defined.insert(term.to_owned(), true);
                        let own = self.expand_iri(term)?;
                        if own.as_deref() != Some(iri.as_str()) {
                            return Err(invalid(&format!("{term:?} looks like an IRI but maps to another")));
                        }
                    }
                    if simple && !term.contains(':') && !term.contains('/') {
                        definition.prefix = iri.ends_with([':', '/', '?', '#', '[', ']', '@']) || iri.starts_with("_:");
                    }
                    definition.iri = Some(iri);
                }
            }
            Some(Value::String(_)) | None => definition.iri = Some(self.iri_of_term_itself(term)?),
            Some(_) => return Err(invalid(&format!("@id of {term:?} must be a string"))),
        }
        if let Some(container) = object.get("@container") {
            let values: &[Value] = match container {
                Value::Array(items) => items,
                single => std::slice::from_ref(single),
            };
            for value in values {
                match value.as_str() {
                    Some("@list") => definition.container.list = true,
                    Some("@set") => definition.container.set = true,
                    Some("@graph") => definition.container.graph = true,
                    Some("@language" | "@index" | "@id" | "@type") => {
                        return Err(Error::UnsupportedJsonLd("@container maps (@language, @index, @id, @type)"))
                    }
                    _ => return Err(invalid(&format!("invalid @container for {term:?}"))),
                }
            }
            if definition.container.list && (definition.container.set || definition.container.graph) {
                return Err(invalid(&format!("invalid @container combination for {term:?}")));
            }
        }
        if let Some(context) = object.get("@context") {
            definition.context = Some(Arc::new(context.clone()));
        }
        if let Some(language) = object.get("@language") {
            definition.language = Some(match language {
                Value::Null => None,
                Value::String(l) => Some(l.to_ascii_lowercase()),
                _ => return Err(invalid("@language must be a string or null")),
            });
        }
        if let Some(direction) = object.get("@direction") {
            definition.direction = Some(match direction.as_str() {
                None if direction.is_null() => None,
                Some(d @ ("ltr" | "rtl")) => Some(d.to_owned()),
                _ => return Err(invalid("@direction must be ltr, rtl or null")),
            });
        }
        if let Some(prefix) = object.get("@prefix") {
            if term.contains(':') || term.contains('/') {
                return Err(invalid("@prefix is not allowed on a compact IRI term"));
            }
            definition.prefix = prefix.as_bool().ok_or_else(|| invalid("@prefix must be a boolean"))?;
        }
        Ok(definition)
    }

    /// The IRI of a term without `@id` (§4.2.2 steps 15–19).
    fn iri_of_term_itself(&mut self, term: &str) -> Result<String, Error> {
        if let Some((prefix, suffix)) = term.split_once(':') {
            if prefix != "_" && !suffix.starts_with("//") {
                if self.local.contains_key(prefix) {
                    self.define(prefix)?;
                }
                if let Some(iri) = self.lookup(prefix).and_then(|d| d.iri.clone()) {
                    return Ok(format!("{iri}{suffix}"));
                }
            }
            return Ok(term.to_owned()); // an absolute IRI or blank node identifier
        }
        if term.contains('/') {
            return Err(Error::UnsupportedJsonLd("relative IRI terms"));
        }
        match &self.active.vocab {
            Some(vocab) => Ok(format!("{vocab}{term}")),
            None => Err(invalid(&format!("{term:?} has no IRI and there is no @vocab"))),
        }
    }

    /// IRI Expansion (§5.2.2) with `vocab: true`, defining local terms on demand.
    fn expand_iri(&mut self, value: &str) -> Result<Option<String>, Error> {
        if is_keyword(value) {
            return Ok(Some(value.to_owned()));
        }
        if looks_like_keyword(value) {
            return Ok(None);
        }
        if self.local.contains_key(value) && self.defined.get(value) != Some(&true) {
            self.define(value)?;
        }
        if let Some(definition) = self.lookup(value) {
            return Ok(definition.iri.clone());
        }
        if let Some((prefix, suffix)) = value.split_once(':') {
            if prefix == "_" || suffix.starts_with("//") {
                return Ok(Some(value.to_owned()));
            }
            if self.local.contains_key(prefix) && self.defined.get(prefix) != Some(&true) {
                self.define(prefix)?;
            }
            if let Some(definition) = self.lookup(prefix) {
                if let (Some(iri), true) = (&definition.iri, definition.prefix) {
                    return Ok(Some(format!("{iri}{suffix}")));
                }
            }
            if is_absolute_iri(value) {
                return Ok(Some(value.to_owned()));
            }
        }
        Ok(self.active.vocab.as_ref().map(|vocab| format!("{vocab}{value}")))
    }
}

impl TermDefinition {
    fn null(protected: bool) -> Self {
        Self {
            iri: None,
            prefix: false,
            protected,
            type_mapping: None,
            container: Container::default(),
            language: None,
            direction: None,
            context: None,
        }
    }
}

pub(crate) fn invalid(why: &str) -> Error {
    Error::InvalidJsonLd(why.chars().take(200).collect())
}
