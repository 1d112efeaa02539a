//! Expansion (JSON-LD 1.1 API §5.1) in **safe mode**: every key that would be dropped (a term
//! no context defines, a relative `@id` or `@type`, a free-floating value) is an error
//! (`undefined_term`), because a dropped statement is not covered by the signature. Embedded
//! contexts are processed where they stand (§5.1.2 step 9), as the document's own; reverse
//! properties (`@reverse`, step 13.4.13 and 13.12) are collected under `@reverse`.
//! See: <https://www.w3.org/TR/json-ld11-api/#expansion-algorithm>

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{Map, Value};

use super::active_context::ActiveContext;
use super::context::{self, invalid, ProcessOptions};
use super::iri::{expand_iri, is_absolute_iri, is_keyword, language_tag, node_iri};
use super::value::{append, as_array, expand_value, is_list, list_object, single};
use super::{Loader, Work, MAX_BLANK_NODES, MAX_QUADS};
use crate::error::Error;
use reverse::add_reverse;

mod reverse;

/// Identities of the active context's terms, the scoped context, the previous context and the
/// default vocabulary, language and direction; then `propagate` and `override_protected`.
type ScopedKey = (usize, usize, usize, [usize; 3], bool, bool);
/// The input context and scoped context (kept alive so the identities in the key stay theirs),
/// and the result.
type ScopedEntry = (ActiveContext, Arc<Value>, ActiveContext);
type ScopedCache = Mutex<HashMap<ScopedKey, ScopedEntry>>;

/// Applied scoped contexts shared across runs. Each entry keeps its input context and scoped
/// context alive, so the identities in its key can never be reused by another while it is cached.
fn shared_scoped_cache() -> &'static ScopedCache {
    static CACHE: OnceLock<ScopedCache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Bound on the shared cache (credentials need a few dozen entries).
const MAX_SHARED_SCOPED: usize = 2048;

/// One expansion run: the loader, the work budget and a cache of applied scoped contexts.
///
/// It also counts what the output will yield, so a document over [`MAX_QUADS`] or
/// [`MAX_BLANK_NODES`] stops here (`expansion_limit`), before its expanded copy is complete:
/// each property value becomes at least one quad, each node object without `@id` a blank node.
pub(crate) struct Expander<'a> {
    pub(crate) loader: &'a dyn Loader,
    pub(crate) work: Work,
    /// Property values expanded so far (each one at least one quad).
    values: usize,
    /// Node objects without `@id` expanded so far (each one a blank node).
    blank_nodes: usize,
    /// Holds the input and scoped contexts too, so the identities in the key stay alive (never reused).
    scoped: HashMap<ScopedKey, ScopedEntry>,
    /// Whether a context the document wrote is in play: then the cache shared across runs is
    /// neither read nor filled (it holds only what immutable contexts produce, and must not
    /// keep one document's terms alive for the next).
    document_contexts: bool,
}

impl<'a> Expander<'a> {
    /// `document_contexts`: the document's top-level `@context` holds a context object.
    pub(crate) fn new(loader: &'a dyn Loader, work: Work, document_contexts: bool) -> Self {
        Self { loader, work, values: 0, blank_nodes: 0, scoped: HashMap::new(), document_contexts }
    }

    /// Expands a document whose top-level `@context` has already been applied to `active`.
    pub(crate) fn expand_document(
        &mut self,
        active: &ActiveContext,
        document: &Map<String, Value>,
    ) -> Result<Vec<Value>, Error> {
        let expanded = self.expand_object(active, None, document, false, true)?;
        Ok(match expanded {
            None => Vec::new(),
            Some(Value::Object(mut object)) if object.len() == 1 && object.contains_key("@graph") => {
                as_array(object.remove("@graph").unwrap_or(Value::Null))
            }
            Some(other) => as_array(other),
        })
    }

    /// A scoped context applied to `active`, cached by identity: for this run, and across runs when
    /// only bundled contexts are in play (then every context involved is immutable).
    fn apply_scoped(
        &mut self,
        active: &ActiveContext,
        scoped: &Arc<Value>,
        options: ProcessOptions,
    ) -> Result<ActiveContext, Error> {
        let key = (
            active.identity(),
            Arc::as_ptr(scoped) as usize,
            active.previous_identity(),
            active.defaults_identity(),
            options.propagate,
            options.override_protected,
        );
        if let Some((_, _, cached)) = self.scoped.get(&key) {
            return Ok(cached.clone());
        }
        let shared = (self.loader.is_bundled_only() && !self.document_contexts).then(shared_scoped_cache);
        if let Some(hit) =
            shared.and_then(|cache| cache.lock().ok().and_then(|c| c.get(&key).map(|(_, _, r)| r.clone())))
        {
            return Ok(hit);
        }
        let result = context::process(active, scoped, options, self.loader, &mut self.work)?;
        if let Some(Ok(mut cache)) = shared.map(|cache| cache.lock()) {
            if cache.len() >= MAX_SHARED_SCOPED {
                cache.clear();
            }
            cache.insert(key, (active.clone(), Arc::clone(scoped), result.clone()));
        }
        self.scoped.insert(key, (active.clone(), Arc::clone(scoped), result.clone()));
        Ok(result)
    }

    fn expand(
        &mut self,
        active: &ActiveContext,
        property: Option<&str>,
        element: &Value,
        from_map: bool,
    ) -> Result<Option<Value>, Error> {
        self.work.spend(1)?;
        match element {
            Value::Null => Ok(None),
            Value::Array(items) => {
                let is_list = property.and_then(|p| active.get(p)).is_some_and(|d| d.container.list);
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if self.values + out.len() > MAX_QUADS {
                        return Err(Error::ExpansionLimit); // long arrays stop here, not once expanded
                    }
                    match self.expand(active, property, item, from_map)? {
                        None => {}
                        Some(Value::Array(values)) if is_list => out.push(list_object(values)),
                        Some(Value::Array(values)) => out.extend(values),
                        Some(value) => out.push(value),
                    }
                }
                Ok(Some(Value::Array(out)))
            }
            Value::Object(object) => self.expand_object(active, property, object, from_map, false),
            scalar => {
                let Some(property) = property.filter(|p| *p != "@graph") else {
                    return Err(Error::UndefinedTerm(format!("the value {scalar} outside any property")));
                };
                let definition = active.get(property).cloned();
                let active = match definition.as_ref().and_then(|d| d.context.clone().map(|c| (c, d.document))) {
                    Some((scoped, document)) => self.apply_scoped(
                        active,
                        &scoped,
                        ProcessOptions { override_protected: true, propagate: true, document },
                    )?,
                    None => active.clone(),
                };
                expand_value(&active, property, scalar).map(Some)
            }
        }
    }

    fn expand_object(
        &mut self,
        active: &ActiveContext,
        property: Option<&str>,
        object: &Map<String, Value>,
        from_map: bool,
        context_applied: bool,
    ) -> Result<Option<Value>, Error> {
        let property_definition = property.and_then(|p| active.get(p)).cloned();
        let mut active = active.clone();
        // §5.1.2 step 7: a non-propagated (type-scoped) context does not reach nested nodes.
        if let Some(previous) = active.previous.clone() {
            let expands_to = |key: &str, keyword: &str| expand_iri(&active, key, true).as_deref() == Some(keyword);
            let has_value = object.keys().any(|k| expands_to(k, "@value"));
            let only_id = object.len() == 1 && object.keys().all(|k| expands_to(k, "@id"));
            if !from_map && !has_value && !only_id {
                active = (*previous).clone();
            }
        }
        if let Some((scoped, document)) =
            property_definition.as_ref().and_then(|d| d.context.clone().map(|c| (c, d.document)))
        {
            let options = ProcessOptions { override_protected: true, propagate: true, document };
            active = self.apply_scoped(&active, &scoped, options)?;
        }
        if !context_applied {
            if let Some(local) = object.get("@context") {
                self.document_contexts |= has_context_object(local);
                let options = ProcessOptions { document: true, ..ProcessOptions::default() };
                active = context::process(&active, local, options, self.loader, &mut self.work)?;
            }
        }
        let type_scoped = active.clone();
        let mut type_keys: Vec<&String> =
            object.keys().filter(|k| expand_iri(&active, k, true).as_deref() == Some("@type")).collect();
        type_keys.sort();
        for key in type_keys {
            let mut types: Vec<&str> = match object.get(key) {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            self.work.spend(types.len())?; // each type is looked up here and expanded below
            if types.len() > MAX_QUADS {
                return Err(Error::ExpansionLimit); // each type is one rdf:type quad
            }
            types.sort_unstable();
            for kind in types {
                if let Some((scoped, document)) =
                    type_scoped.get(kind).and_then(|d| d.context.clone().map(|c| (c, d.document)))
                {
                    let options = ProcessOptions { override_protected: false, propagate: false, document };
                    active = self.apply_scoped(&active, &scoped, options)?;
                }
            }
        }

        let mut result = Map::new();
        // Keys in code point order, as the algorithm asks: serde_json's `Map` is a `BTreeMap`
        // (no `preserve_order`; the test `objects_iterate_in_key_order` guards this).
        for (key, value) in object {
            if key == "@context" {
                continue;
            }
            let expanded_property = match expand_iri(&active, key, true) {
                Some(p) if is_keyword(&p) || is_absolute_iri(&p) => p,
                _ => return Err(Error::UndefinedTerm(key.chars().take(200).collect())),
            };
            if is_keyword(&expanded_property) {
                self.expand_keyword(&active, &type_scoped, property, &expanded_property, value, &mut result)?;
                continue;
            }
            let definition = active.get(key).cloned();
            let expanded = if definition.as_ref().and_then(|d| d.type_mapping.as_deref()) == Some("@json") {
                Value::Object(Map::from_iter([
                    ("@value".to_owned(), value.clone()),
                    ("@type".to_owned(), Value::String("@json".into())),
                ]))
            } else {
                match self.expand(&active, Some(key), value, false)? {
                    None => continue,
                    Some(v) => v,
                }
            };
            if definition.as_ref().is_some_and(|d| d.reverse) {
                add_reverse(&mut result, expanded_property.into_owned(), expanded)?;
                continue;
            }
            let container = definition.as_ref().map(|d| d.container).unwrap_or_default();
            let expanded =
                if container.list && !is_list(&expanded) { list_object(as_array(expanded)) } else { expanded };
            let expanded = if container.graph {
                Value::Array(
                    as_array(expanded)
                        .into_iter()
                        .map(|item| Value::Object(single("@graph", Value::Array(as_array(item)))))
                        .collect(),
                )
            } else {
                expanded
            };
            self.values += expanded.as_array().map_or(1, Vec::len);
            if self.values > MAX_QUADS {
                return Err(Error::ExpansionLimit);
            }
            append(&mut result, expanded_property.into_owned(), expanded);
        }
        let finished = finish_object(result, property)?;
        if let Some(Value::Object(node)) = &finished {
            if !["@id", "@value", "@list", "@set"].iter().any(|k| node.contains_key(*k)) {
                self.blank_nodes += 1;
                if self.blank_nodes > MAX_BLANK_NODES {
                    return Err(Error::ExpansionLimit);
                }
            }
        }
        Ok(finished)
    }

    fn expand_keyword(
        &mut self,
        active: &ActiveContext,
        type_scoped: &ActiveContext,
        property: Option<&str>,
        keyword: &str,
        value: &Value,
        result: &mut Map<String, Value>,
    ) -> Result<(), Error> {
        if result.contains_key(keyword) && !matches!(keyword, "@type" | "@reverse") {
            return Err(invalid(&format!("colliding keywords: {keyword} appears twice")));
        }
        let expanded = match keyword {
            "@id" => {
                let id = value.as_str().ok_or_else(|| invalid("@id must be a string"))?;
                Value::String(node_iri(active, id, false)?)
            }
            "@type" => {
                let types: Vec<&Value> = match value {
                    Value::Array(items) => items.iter().collect(),
                    single => vec![single],
                };
                let mut out = Vec::with_capacity(types.len());
                for kind in types {
                    let kind = kind.as_str().ok_or_else(|| invalid("@type values must be strings"))?;
                    out.push(Value::String(if kind == "@json" {
                        kind.to_owned()
                    } else {
                        node_iri(type_scoped, kind, true)?
                    }));
                }
                Value::Array(out)
            }
            "@graph" => {
                Value::Array(as_array(self.expand(active, Some("@graph"), value, false)?.unwrap_or(Value::Null)))
            }
            "@value" => match value {
                Value::Object(_) | Value::Array(_) => value.clone(), // checked in finish_object (only @json allows it)
                scalar => scalar.clone(),
            },
            "@language" => {
                Value::String(language_tag(value.as_str().ok_or_else(|| invalid("@language must be a string"))?)?)
            }
            "@direction" => match value.as_str() {
                Some(d @ ("ltr" | "rtl")) => Value::String(d.to_owned()),
                _ => return Err(invalid("@direction must be ltr or rtl")),
            },
            "@index" => Value::String(value.as_str().ok_or_else(|| invalid("@index must be a string"))?.to_owned()),
            "@list" => {
                if property.is_none_or(|p| p == "@graph") {
                    return Err(Error::UndefinedTerm("a @list outside any property".into()));
                }
                Value::Array(as_array(self.expand(active, property, value, false)?.unwrap_or(Value::Null)))
            }
            "@set" => self.expand(active, property, value, false)?.unwrap_or(Value::Array(Vec::new())),
            "@included" => return Err(Error::UnsupportedJsonLd("@included")),
            "@reverse" => return self.expand_reverse_map(active, value, result),
            "@nest" => return Err(Error::UnsupportedJsonLd("@nest")),
            other => return Err(invalid(&format!("{other} is not allowed here"))),
        };
        if keyword == "@type" {
            append(result, "@type".to_owned(), expanded);
        } else {
            result.insert(keyword.to_owned(), expanded);
        }
        Ok(())
    }
}

/// §5.1.2 steps 15–20: validate value, list and set objects; drop what the algorithm drops.
fn finish_object(mut result: Map<String, Value>, property: Option<&str>) -> Result<Option<Value>, Error> {
    if let Some(value) = result.get("@value") {
        if result.keys().any(|k| !matches!(k.as_str(), "@direction" | "@index" | "@language" | "@type" | "@value")) {
            return Err(invalid("a value object has other properties"));
        }
        let kind = result.get("@type");
        if kind.is_some() && (result.contains_key("@language") || result.contains_key("@direction")) {
            return Err(invalid("a value object cannot have both @type and @language"));
        }
        let is_json =
            kind.is_some_and(|t| t.as_array().is_some_and(|a| a.len() == 1 && a.first().is_some_and(|t| t == "@json")));
        if !is_json {
            if value.is_null() {
                return Ok(None);
            }
            if value.is_object() || value.is_array() {
                return Err(invalid("@value must be a scalar"));
            }
            if result.contains_key("@language") && !value.is_string() {
                return Err(invalid("a language-tagged value must be a string"));
            }
        }
        if let Some(kind) = result.remove("@type") {
            // Keyword expansion collected @type into an array; a value object has exactly one.
            // §5.1.2 step 15.4: one IRI (a blank node is no datatype: "invalid typed value").
            let single = match kind {
                Value::Array(mut items) if items.len() == 1 => items.pop().unwrap_or(Value::Null),
                _ => return Err(invalid("a value object's @type must be one IRI")),
            };
            if single.as_str().is_none_or(|t| t != "@json" && !is_absolute_iri(t)) {
                return Err(invalid("a value object's @type must be one IRI"));
            }
            result.insert("@type".into(), single);
        }
    } else if result.contains_key("@set") || result.contains_key("@list") {
        if result.keys().any(|k| !matches!(k.as_str(), "@set" | "@list" | "@index")) || result.len() > 2 {
            return Err(invalid("a @set or @list object has other properties"));
        }
        if let Some(set) = result.remove("@set") {
            return Ok(Some(set));
        }
    }
    if !result.contains_key("@value") && (result.contains_key("@language") || result.contains_key("@direction")) {
        // JSON-LD ignores a language on a node: it would not be signed.
        return Err(Error::UndefinedTerm("@language or @direction outside a value object".into()));
    }
    if property.is_none_or(|p| p == "@graph") {
        let only = |k: &str| result.len() == 1 && result.contains_key(k);
        if result.is_empty() || only("@id") {
            return Ok(None);
        }
        if result.contains_key("@value") || only("@list") {
            return Err(Error::UndefinedTerm("a value outside any property".into()));
        }
    }
    Ok(Some(Value::Object(result)))
}

/// Whether a `@context` value holds a context object (terms the document defines itself).
pub(crate) fn has_context_object(local: &Value) -> bool {
    match local {
        Value::Object(_) => true,
        Value::Array(items) => items.iter().any(Value::is_object),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn objects_iterate_in_key_order() {
        // Expansion visits keys in this order; with serde_json's `preserve_order` it would not.
        let object = json!({"b": 1, "@type": 2, "a": 3, "B": 4});
        let keys: Vec<&String> = object.as_object().map(|o| o.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["@type", "B", "a", "b"]);
    }
}
