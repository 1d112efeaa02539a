//! Create Term Definition (JSON-LD 1.1 API §4.2.2) for the subset the bundled contexts use
//! (reverse properties included); anything else fails closed with `unsupported_json_ld`.
//! See: <https://www.w3.org/TR/json-ld11-api/#create-term-definition>

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::active_context::{ActiveContext, Container, TermDefinition, TermMap};
use super::context::{invalid, ProcessOptions};
use super::iri::{is_absolute_iri, is_keyword, language_tag, looks_like_keyword};
use super::MAX_DOCUMENT_IRI;
use crate::error::Error;

/// Create Term Definition (§4.2.2) for the terms of one local context.
pub(crate) struct Builder<'a> {
    pub(crate) active: &'a ActiveContext,
    pub(crate) local: &'a Map<String, Value>,
    pub(crate) new_terms: TermMap,
    /// `false` while a term is being defined (cycle detection), `true` once done.
    pub(crate) defined: HashMap<String, bool>,
    pub(crate) protected: bool,
    pub(crate) options: ProcessOptions,
}

impl Builder<'_> {
    /// The definition of `term` as it stands while building (new layer first).
    fn lookup(&self, term: &str) -> Option<Arc<TermDefinition>> {
        match self.new_terms.get(term) {
            Some(entry) => entry.clone(),
            None => self.active.get(term).cloned(),
        }
    }

    pub(crate) fn define(&mut self, term: &str) -> Result<(), Error> {
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
            return self.define_type_keyword(&value);
        }
        if is_keyword(term) {
            return Err(invalid(&format!("keyword {term} cannot be redefined")));
        }
        if looks_like_keyword(term) {
            self.defined.insert(term.to_owned(), true);
            return Ok(()); // §4.2.2 step 5: ignored
        }
        let definition = match &value {
            Value::Null => TermDefinition { document: self.options.document, ..TermDefinition::null(self.protected) },
            Value::String(id) => {
                self.build(term, &Map::from_iter([("@id".to_owned(), Value::String(id.clone()))]), true)?
            }
            Value::Object(object) => self.build(term, object, false)?,
            _ => return Err(invalid(&format!("the definition of {term:?} must be a string, an object or null"))),
        };
        self.set(term, definition)
    }

    /// §4.2.2 steps 27–28: records `definition` unless it would redefine a protected term (then
    /// it must be the same definition again). Applies to reverse properties too, failing closed
    /// where the 1.1 text returns early for them (as jsonld.js does), and to `@type`.
    fn set(&mut self, term: &str, definition: TermDefinition) -> Result<(), Error> {
        let definition = match self.active.get(term) {
            Some(previous) if previous.protected && !self.options.override_protected => {
                if !definition.same_as(previous) {
                    return Err(invalid(&format!("protected term {term:?} cannot be redefined")));
                }
                Arc::clone(previous)
            }
            _ => Arc::new(definition),
        };
        self.new_terms.insert(term.to_owned(), Some(definition));
        self.defined.insert(term.to_owned(), true);
        Ok(())
    }

    /// §4.2.2 step 3: JSON-LD 1.1 lets a context give `@type` a `@set` container and protect
    /// it, nothing else; the definition is kept so that protecting it is enforced.
    fn define_type_keyword(&mut self, value: &Value) -> Result<(), Error> {
        let object = value.as_object().filter(|o| {
            !o.is_empty()
                && o.keys().all(|k| k == "@container" || k == "@protected")
                && o.get("@container").is_none_or(|c| c == "@set")
        });
        let Some(object) = object else {
            return Err(invalid("@type may only be given a @set container or be protected"));
        };
        let mut definition = TermDefinition { document: self.options.document, ..TermDefinition::null(self.protected) };
        definition.iri = Some("@type".to_owned());
        definition.container.set = object.contains_key("@container");
        if let Some(protected) = object.get("@protected") {
            definition.protected = protected.as_bool().ok_or_else(|| invalid("@protected must be a boolean"))?;
        }
        self.set("@type", definition)
    }

    fn build(&mut self, term: &str, object: &Map<String, Value>, simple: bool) -> Result<TermDefinition, Error> {
        for key in object.keys() {
            match key.as_str() {
                "@id" | "@type" | "@container" | "@context" | "@protected" | "@prefix" | "@language" | "@direction"
                | "@reverse" => {}
                "@nest" => return Err(Error::UnsupportedJsonLd("@nest")),
                "@index" => return Err(Error::UnsupportedJsonLd("@index")),
                other => return Err(invalid(&format!("{other:?} is not allowed in the definition of {term:?}"))),
            }
        }
        let mut definition = TermDefinition { document: self.options.document, ..TermDefinition::null(self.protected) };
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
        if let Some(reverse) = object.get("@reverse") {
            return self.reverse(term, object, reverse, definition);
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
                Value::String(l) => Some(language_tag(l)?),
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
        self.bounded(definition)
    }

    /// §4.2.2 step 14: a reverse property. Its IRI comes from `@reverse`; it takes no `@id` or
    /// `@nest`, and only a `@set` container (or `@index`, which this build leaves out).
    fn reverse(
        &mut self,
        term: &str,
        object: &Map<String, Value>,
        reverse: &Value,
        mut definition: TermDefinition,
    ) -> Result<TermDefinition, Error> {
        if object.contains_key("@id") || object.contains_key("@nest") {
            return Err(invalid(&format!("the reverse property {term:?} cannot have @id or @nest")));
        }
        let reverse = reverse.as_str().ok_or_else(|| invalid(&format!("@reverse of {term:?} must be a string")))?;
        if looks_like_keyword(reverse) {
            // §4.2.2 step 14.3: a keyword-like value is ignored, and the term stays unmapped.
            return Ok(definition);
        }
        let iri = self.expand_iri(reverse)?.filter(|iri| is_absolute_iri(iri) || iri.starts_with("_:"));
        definition.iri = Some(iri.ok_or_else(|| invalid(&format!("@reverse of {term:?} is not an IRI")))?);
        match object.get("@container") {
            None | Some(Value::Null) => {}
            Some(set) if set == "@set" => definition.container.set = true,
            Some(index) if index == "@index" => {
                return Err(Error::UnsupportedJsonLd("@container maps (@language, @index, @id, @type)"))
            }
            Some(_) => return Err(invalid(&format!("the reverse property {term:?} takes only a @set container"))),
        }
        for key in ["@context", "@language", "@direction", "@prefix"] {
            if object.contains_key(key) {
                // Values of a reverse property are nodes: these would be dropped or refused later.
                return Err(Error::UnsupportedJsonLd("@reverse with @context, @language, @direction or @prefix"));
            }
        }
        definition.reverse = true;
        self.bounded(definition)
    }

    /// A definition written in the document may not map to a longer IRI than `MAX_DOCUMENT_IRI`
    /// (every use of the term copies it).
    fn bounded(&self, definition: TermDefinition) -> Result<TermDefinition, Error> {
        let too_long = |iri: &Option<String>| iri.as_ref().is_some_and(|iri| iri.len() > MAX_DOCUMENT_IRI);
        if definition.document && (too_long(&definition.iri) || too_long(&definition.type_mapping)) {
            return Err(Error::ExpansionLimit);
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
    pub(crate) fn null(protected: bool) -> Self {
        Self {
            iri: None,
            prefix: false,
            protected,
            type_mapping: None,
            container: Container::default(),
            language: None,
            direction: None,
            context: None,
            reverse: false,
            document: false,
        }
    }
}
