//! The JSON side of ecdsa-sd-2023 for the test issuer and holder (vc-di-ecdsa "Selective
//! Disclosure Functions"): JSON pointers, skolemization, selection, deskolemized quads. This is
//! how a canonical statement is traced back to its place in the document: the JSON pointers
//! select a part of the *skolemized* document (every node object given an `id`), that part is
//! turned into quads, the skolem IRIs are turned back into blank nodes, and a selected
//! statement is found among the canonical ones by equality of its relabelled N-Quads line.
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#selective-disclosure-functions>
//!
//! Skolemization here works on the compact document: the spec (and the JavaScript reference)
//! expand, give `@id`s and compact again; this crate has no compaction. Adding `id` to every
//! compact node object that lacks one is the same for documents whose node objects are plain
//! JSON objects (no `@json` literals, lists of nodes or maps keyed by index), and
//! [`skolemize`] checks it: the deskolemized quads must canonicalize to the document's own.

use std::collections::BTreeMap;

use badge_verifier::rdf::{Quad, Term};
use badge_verifier::rdfc::{self, Limits};
use badge_verifier::{jsonld, Contexts};
use serde_json::{Map, Value};

/// The skolem IRI prefix (the JavaScript reference's `urn:bnid:`).
pub const SKOLEM_PREFIX: &str = "urn:bnid:";

/// A JSON pointer's reference tokens (RFC 6901 §3, `~1` → `/`, `~0` → `~`).
pub fn parse_pointer(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    let tokens = pointer.strip_prefix('/').unwrap_or_else(|| panic!("JSON pointer {pointer:?} must start with /"));
    tokens.split('/').map(|token| token.replace("~1", "/").replace("~0", "~")).collect()
}

/// skolemizeCompactJsonLd for compact documents (<https://www.w3.org/TR/vc-di-ecdsa/#skolemizecompactjsonld>): every node object without an `id`
/// gets `urn:bnid:_b<n>`, a blank node id `_:x` becomes `urn:bnid:x`.
pub fn skolemize(document: &Map<String, Value>, contexts: &Contexts) -> Map<String, Value> {
    let mut count = 0;
    let mut skolemized = document.clone();
    skolemize_members(&mut skolemized, &mut count);
    // The shortcut's check: the same graph as the document's.
    let canonical = |quads: &[Quad]| rdfc::canonical_nquads(quads, &Limits::default()).unwrap();
    assert_eq!(
        canonical(&deskolemized_quads(&skolemized, contexts)),
        canonical(&jsonld::to_rdf(document, contexts).unwrap()),
        "skolemizing the compact document changed its graph"
    );
    skolemized
}

fn skolemize_members(object: &mut Map<String, Value>, count: &mut usize) {
    for (key, value) in object.iter_mut() {
        if key != "@context" {
            skolemize_value(value, count);
        }
    }
    match object.get("id").and_then(Value::as_str) {
        None => {
            object.insert("id".into(), Value::String(format!("{SKOLEM_PREFIX}_b{count}")));
            *count += 1;
        }
        Some(id) if id.starts_with("_:") => {
            let skolem = format!("{SKOLEM_PREFIX}{}", &id[2..]);
            object.insert("id".into(), Value::String(skolem));
        }
        Some(_) => {}
    }
}

fn skolemize_value(value: &mut Value, count: &mut usize) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|item| skolemize_value(item, count)),
        Value::Object(object) if !object.contains_key("@value") => skolemize_members(object, count),
        _ => {}
    }
}

/// toDeskolemizedNQuads as quads: the document's quads with every `urn:bnid:x` IRI
/// turned back into the blank node `_:x`.
pub fn deskolemized_quads(document: &Map<String, Value>, contexts: &Contexts) -> Vec<Quad> {
    let deskolemize = |term: Term| match term {
        Term::Iri(iri) if iri.starts_with(SKOLEM_PREFIX) => Term::BlankNode(iri[SKOLEM_PREFIX.len()..].to_owned()),
        other => other,
    };
    jsonld::to_rdf(document, contexts)
        .unwrap()
        .into_iter()
        .map(|quad| Quad {
            subject: deskolemize(quad.subject),
            predicate: quad.predicate,
            object: deskolemize(quad.object),
            graph: quad.graph.map(deskolemize),
        })
        .collect()
}

/// A selection being built: JSON arrays are sparse until the end (selectJsonLd's `arrays`).
enum Selection {
    Leaf(Value),
    Object(BTreeMap<String, Selection>),
    Array(BTreeMap<usize, Selection>),
}

/// createInitialSelection: the `id` (unless a blank node id) and `type` of an object on a
/// pointer's path; a selection keeps every node it passes through.
fn initial(value: &Value) -> Selection {
    match value {
        Value::Array(_) => Selection::Array(BTreeMap::new()),
        Value::Object(object) => {
            let mut selection = BTreeMap::new();
            if let Some(id) = object.get("id").filter(|id| !id.as_str().is_some_and(|id| id.starts_with("_:"))) {
                selection.insert("id".to_owned(), Selection::Leaf(id.clone()));
            }
            if let Some(types) = object.get("type") {
                selection.insert("type".to_owned(), Selection::Leaf(types.clone()));
            }
            Selection::Object(selection)
        }
        other => Selection::Leaf(other.clone()),
    }
}

/// A whole object or array selected earlier, opened up so that a later pointer can go through it.
fn open(selection: &mut Selection) {
    if let Selection::Leaf(value) = selection {
        match value.take() {
            Value::Object(object) => {
                *selection = Selection::Object(object.into_iter().map(|(k, v)| (k, Selection::Leaf(v))).collect())
            }
            Value::Array(items) => {
                *selection = Selection::Array(items.into_iter().map(Selection::Leaf).enumerate().collect())
            }
            literal => *value = literal,
        }
    }
}

fn into_value(selection: Selection) -> Value {
    match selection {
        Selection::Leaf(value) => value,
        Selection::Object(members) => Value::Object(members.into_iter().map(|(k, s)| (k, into_value(s))).collect()),
        Selection::Array(items) => Value::Array(items.into_values().map(into_value).collect()),
    }
}

/// selectJsonLd (with selectPaths, <https://www.w3.org/TR/vc-di-ecdsa/#selectjsonld>): the part of `document` the pointers select, with `@context` and the
/// `id` and `type` of every object on the way. Panics when a pointer does not match (the spec's
/// PROOF_GENERATION_ERROR).
pub fn select(document: &Map<String, Value>, pointers: &[String]) -> Map<String, Value> {
    let whole = Value::Object(document.clone());
    let mut root = initial(&whole);
    if let (Selection::Object(members), Some(context)) = (&mut root, document.get("@context")) {
        members.insert("@context".into(), Selection::Leaf(context.clone()));
    }
    for pointer in pointers {
        let paths = parse_pointer(pointer);
        if paths.is_empty() {
            return document.clone();
        }
        let mut value = &whole;
        let mut selected = &mut root;
        for path in &paths {
            value = match value {
                Value::Object(object) => object.get(path),
                Value::Array(items) => path.parse::<usize>().ok().and_then(|index| items.get(index)),
                _ => None,
            }
            .unwrap_or_else(|| panic!("JSON pointer {pointer:?} does not match the document"));
            open(selected);
            selected = match selected {
                Selection::Object(members) => members.entry(path.clone()).or_insert_with(|| initial(value)),
                Selection::Array(items) => items.entry(path.parse().unwrap()).or_insert_with(|| initial(value)),
                Selection::Leaf(_) => panic!("JSON pointer {pointer:?} goes through a literal"),
            };
        }
        // The value selected: a literal or a whole array replaces, an object blends with the
        // `id` / `type` already there.
        match value {
            Value::Object(object) => {
                open(selected);
                let mut members = match std::mem::replace(selected, Selection::Leaf(Value::Null)) {
                    Selection::Object(members) => members,
                    _ => BTreeMap::new(),
                };
                members.extend(object.iter().map(|(k, v)| (k.clone(), Selection::Leaf(v.clone()))));
                *selected = Selection::Object(members);
            }
            other => *selected = Selection::Leaf(other.clone()),
        }
    }
    match into_value(root) {
        Value::Object(selection) => selection,
        _ => unreachable!("the root of a selection is an object"),
    }
}
