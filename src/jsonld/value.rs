//! Value Expansion (JSON-LD 1.1 API §5.3.2) and the small helpers expansion shares for building
//! expanded JSON (arrays, list objects, appending to a property).

use std::sync::Arc;

use serde_json::{Map, Value};

use super::active_context::{ActiveContext, TermDefinition};
use super::iri::node_iri;
use crate::error::Error;

/// Value Expansion (§5.3.2).
pub(crate) fn expand_value(active: &ActiveContext, property: &str, value: &Value) -> Result<Value, Error> {
    let definition: Option<&Arc<TermDefinition>> = active.get(property);
    let type_mapping = definition.and_then(|d| d.type_mapping.as_deref());
    if let (Some(mapping @ ("@id" | "@vocab")), Value::String(text)) = (type_mapping, value) {
        return Ok(Value::Object(single("@id", Value::String(node_iri(active, text, mapping == "@vocab")?))));
    }
    let mut result = single("@value", value.clone());
    match type_mapping {
        Some(kind) if !matches!(kind, "@id" | "@vocab" | "@none") => {
            result.insert("@type".into(), Value::String(kind.to_owned()));
        }
        _ if value.is_string() => {
            let language = match definition.and_then(|d| d.language.as_ref()) {
                Some(language) => language.as_deref(),
                None => active.language.as_deref(),
            };
            let direction = match definition.and_then(|d| d.direction.as_ref()) {
                Some(direction) => direction.as_deref(),
                None => active.direction.as_deref(),
            };
            if let Some(language) = language {
                result.insert("@language".into(), Value::String(language.to_owned()));
            }
            if let Some(direction) = direction {
                result.insert("@direction".into(), Value::String(direction.to_owned()));
            }
        }
        _ => {}
    }
    Ok(Value::Object(result))
}

/// A map of one entry. (`Map::from_iter` collects, sorts and bulk-builds: slower for one entry.)
pub(crate) fn single(key: &str, value: Value) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert(key.to_owned(), value);
    map
}

pub(crate) fn as_array(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

pub(crate) fn is_list(value: &Value) -> bool {
    value.as_object().is_some_and(|o| o.contains_key("@list"))
}

pub(crate) fn list_object(items: Vec<Value>) -> Value {
    Value::Object(single("@list", Value::Array(items)))
}

/// Appends `value` (its items, when an array) to the array at `key`, creating it if needed.
pub(crate) fn append(result: &mut Map<String, Value>, key: String, value: Value) {
    let entry = result.entry(key).or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(items) = entry {
        match value {
            Value::Array(values) => items.extend(values),
            Value::Null => {}
            single => items.push(single),
        }
    }
}
