//! Reverse properties in expansion (JSON-LD 1.1 API §5.1.2 steps 13.4.13 and 13.12): the values
//! of a `@reverse` map, and of a term defined with `@reverse`, are nodes that point *at* the node
//! holding them. Expansion collects them under `@reverse`; `to_rdf` writes each as a triple whose
//! subject is the value and whose object is the holder.
//! See: <https://www.w3.org/TR/json-ld11/#reverse-properties>

use serde_json::{Map, Value};

use super::super::active_context::ActiveContext;
use super::super::context::invalid;
use super::super::value::{append, as_array, is_list};
use super::Expander;
use crate::error::Error;

impl Expander<'_> {
    /// §5.1.2 step 13.4.13: the `@reverse` keyword's value, a map from properties to the nodes
    /// that have this node as their value.
    ///
    /// # Errors
    /// `invalid_json_ld` for a value that is not a map, a keyword inside it, or a value that is
    /// not a node; the errors of expansion.
    pub(super) fn expand_reverse_map(
        &mut self,
        active: &ActiveContext,
        value: &Value,
        result: &mut Map<String, Value>,
    ) -> Result<(), Error> {
        let Value::Object(map) = value else {
            return Err(invalid("@reverse must be a map"));
        };
        let Some(Value::Object(expanded)) = self.expand_object(active, Some("@reverse"), map, false, false)? else {
            return Ok(());
        };
        for (property, items) in expanded {
            if property == "@reverse" {
                // Step 13.4.13.3: reversed twice, these are the node's own properties.
                let Value::Object(forward) = items else {
                    return Err(invalid("@reverse must be a map"));
                };
                for (property, items) in forward {
                    append(result, property, items);
                }
            } else if property.starts_with('@') {
                return Err(invalid(&format!("{property} is not allowed in a @reverse map")));
            } else {
                add_reverse(result, property, items)?;
            }
        }
        Ok(())
    }
}

/// Step 13.12 (and 13.4.13.4): adds `expanded`, the values of reverse property `property`, to the
/// `@reverse` map of `result`.
///
/// # Errors
/// `invalid_json_ld` when a value is a value or list object (only nodes can point at a node).
pub(super) fn add_reverse(result: &mut Map<String, Value>, property: String, expanded: Value) -> Result<(), Error> {
    let items = as_array(expanded);
    if items.iter().any(|item| item.get("@value").is_some() || is_list(item)) {
        return Err(invalid(&format!("the reverse property {property:?} must have nodes as values")));
    }
    if let Value::Object(reverse) = result.entry("@reverse").or_insert_with(|| Value::Object(Map::new())) {
        append(reverse, property, Value::Array(items));
    }
    Ok(())
}
