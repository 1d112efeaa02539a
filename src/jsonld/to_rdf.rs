//! Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8): expanded JSON-LD → quads. Blank nodes get
//! fresh labels (`b0`, `b1`, …; RDFC relabels them canonically anyway), lists become
//! `rdf:first`/`rdf:rest` chains, `@graph` containers become named graphs, and value objects
//! become literals with the canonical lexical forms JSON-LD prescribes for numbers and booleans.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::iri::is_absolute_iri;
use super::{MAX_BLANK_NODES, MAX_QUADS};
use crate::error::Error;
use crate::jcs;
use crate::rdf::{Literal, Quad, Term};

/// The IRIs to_rdf writes, spelled out: `format!` per quad showed in profiles.
macro_rules! rdf {
    ($name:literal) => {
        concat!("http://www.w3.org/1999/02/22-rdf-syntax-ns#", $name)
    };
}
macro_rules! xsd {
    ($name:literal) => {
        concat!("http://www.w3.org/2001/XMLSchema#", $name)
    };
}

/// Collects the quads of an expanded document, at most [`MAX_QUADS`] quads and
/// [`MAX_BLANK_NODES`] blank nodes: each is counted as it is made, so a document over a cap
/// stops there (`expansion_limit`), before the rest is written or canonicalized.
#[derive(Default)]
pub(crate) struct RdfWriter {
    pub(crate) quads: Vec<Quad>,
    labels: HashMap<String, String>,
    counter: usize,
}

impl RdfWriter {
    /// Emits the quads of every top-level node of an expanded document, consuming it: its strings
    /// move into the quads instead of being copied.
    pub(crate) fn document(&mut self, nodes: Vec<Value>) -> Result<(), Error> {
        for node in nodes {
            if let Value::Object(node) = node {
                self.node(node, None)?;
            }
        }
        Ok(())
    }

    fn fresh(&mut self) -> Result<Term, Error> {
        if self.counter >= MAX_BLANK_NODES {
            return Err(Error::ExpansionLimit);
        }
        let label = format!("b{}", self.counter);
        self.counter += 1;
        Ok(Term::BlankNode(label))
    }

    /// A subject or object named by `id`: an IRI, or a blank node relabelled consistently.
    fn named(&mut self, id: String) -> Result<Term, Error> {
        if let Some(label) = id.strip_prefix("_:") {
            if let Some(mapped) = self.labels.get(label) {
                return Ok(Term::BlankNode(mapped.clone()));
            }
            let fresh = self.fresh()?;
            if let Term::BlankNode(mapped) = &fresh {
                self.labels.insert(label.to_owned(), mapped.clone());
            }
            return Ok(fresh);
        }
        if is_absolute_iri(&id) {
            Ok(Term::Iri(id))
        } else {
            Err(Error::UndefinedTerm(id.chars().take(200).collect()))
        }
    }

    fn node(&mut self, mut node: Map<String, Value>, graph: Option<&Term>) -> Result<Term, Error> {
        let subject = match node.remove("@id") {
            Some(Value::String(id)) => self.named(id)?,
            _ => self.fresh()?,
        };
        if let Some(Value::Array(types)) = node.remove("@type") {
            for kind in types {
                if let Value::String(kind) = kind {
                    let object = self.named(kind)?;
                    self.push(&subject, Term::Iri(rdf!("type").to_owned()), object, graph)?;
                }
            }
        }
        let members = node.remove("@graph");
        if let Some(Value::Object(reverse)) = node.remove("@reverse") {
            // JSON-LD 1.1 §9.8 (reverse properties): each value is a node whose `property` is this one.
            for (property, values) in reverse {
                for value in as_nodes(values)? {
                    let referrer = self.node(value, graph)?;
                    self.push(&referrer, Term::Iri(property.clone()), subject.clone(), graph)?;
                }
            }
        }
        for (property, values) in node {
            if property.starts_with('@') {
                continue;
            }
            let Value::Array(values) = values else { continue };
            for value in values {
                let object = self.object(value, graph)?;
                self.push(&subject, Term::Iri(property.clone()), object, graph)?;
            }
        }
        if let Some(Value::Array(members)) = members {
            for member in members {
                match member {
                    // A value directly in a graph states nothing: JSON-LD drops it, so safe mode refuses it.
                    Value::Object(member) if !member.contains_key("@value") && !member.contains_key("@list") => {
                        self.node(member, Some(&subject))?;
                    }
                    _ => return Err(Error::UndefinedTerm("a value directly inside a graph".into())),
                }
            }
        }
        Ok(subject)
    }

    fn object(&mut self, value: Value, graph: Option<&Term>) -> Result<Term, Error> {
        let Value::Object(mut object) = value else {
            return Err(Error::InvalidJsonLd("an expanded value is not an object".into()));
        };
        if object.contains_key("@value") {
            return literal(object).map(Term::Literal);
        }
        if let Some(Value::Array(items)) = object.get_mut("@list").map(core::mem::take) {
            return self.list(items, graph);
        }
        self.node(object, graph)
    }

    fn list(&mut self, items: Vec<Value>, graph: Option<&Term>) -> Result<Term, Error> {
        let nil = Term::Iri(rdf!("nil").to_owned());
        let mut items = items.into_iter();
        let Some(first) = items.next() else { return Ok(nil) };
        let head = self.fresh()?;
        let mut current = head.clone();
        let mut item = first;
        loop {
            let object = self.object(item, graph)?;
            self.push(&current, Term::Iri(rdf!("first").to_owned()), object, graph)?;
            match items.next() {
                Some(next) => {
                    let node = self.fresh()?;
                    self.push(&current, Term::Iri(rdf!("rest").to_owned()), node.clone(), graph)?;
                    current = node;
                    item = next;
                }
                None => {
                    self.push(&current, Term::Iri(rdf!("rest").to_owned()), nil, graph)?;
                    return Ok(head);
                }
            }
        }
    }

    fn push(&mut self, subject: &Term, predicate: Term, object: Term, graph: Option<&Term>) -> Result<(), Error> {
        if self.quads.len() >= MAX_QUADS {
            return Err(Error::ExpansionLimit);
        }
        self.quads.push(Quad { subject: subject.clone(), predicate, object, graph: graph.cloned() });
        Ok(())
    }
}

/// The values of a reverse property: node objects only (expansion refused anything else).
fn as_nodes(values: Value) -> Result<Vec<Map<String, Value>>, Error> {
    let Value::Array(values) = values else {
        return Err(Error::InvalidJsonLd("an expanded @reverse value is not an array".into()));
    };
    values
        .into_iter()
        .map(|value| match value {
            Value::Object(node) if !node.contains_key("@value") && !node.contains_key("@list") => Ok(node),
            _ => Err(Error::InvalidJsonLd("a reverse property's value is not a node".into())),
        })
        .collect()
}

/// Object to RDF for a value object (§8.2.3 steps 4–13).
fn literal(mut object: Map<String, Value>) -> Result<Literal, Error> {
    let value = object.remove("@value").unwrap_or(Value::Null);
    let language = match object.remove("@language") {
        Some(Value::String(language)) => Some(language),
        _ => None,
    };
    let datatype = object.get("@type").and_then(Value::as_str);
    if datatype == Some("@json") {
        return Ok(Literal { value: jcs::canonicalize(&value)?, datatype: rdf!("JSON").to_owned(), language: None });
    }
    let (lexical, default_type) = match value {
        Value::Bool(b) => (b.to_string(), xsd!("boolean")),
        Value::Number(n) => {
            let x = n.as_f64().ok_or(Error::NonCanonicalizableNumber)?;
            let double = xsd!("double");
            if x.fract() != 0.0 || x.abs() >= 1e21 || datatype == Some(double) {
                (canonical_double(x)?, double)
            } else {
                (integer_lexical(&n, x), xsd!("integer"))
            }
        }
        Value::String(s) => (s, if language.is_some() { rdf!("langString") } else { xsd!("string") }),
        _ => return Err(Error::InvalidJsonLd("@value must be a scalar".into())),
    };
    if language.is_some() {
        return Ok(Literal { value: lexical, datatype: rdf!("langString").to_owned(), language });
    }
    Ok(Literal { value: lexical, datatype: datatype.unwrap_or(default_type).to_owned(), language: None })
}

/// The lexical form of an integral JSON number `n` (`x` as a double): the digits of the double,
/// as JSON-LD processors working in doubles write them. Integers a double holds exactly take the
/// integer formatter (`{x:.0}` on a double is several times slower: a profile of a document with
/// many numbers showed it).
fn integer_lexical(n: &serde_json::Number, x: f64) -> String {
    const EXACT: i64 = 1 << 53;
    match n.as_i64() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => i.to_string(),
        _ if x == 0.0 => "0".to_owned(),
        _ => format!("{x:.0}"),
    }
}

/// The canonical xsd:double form JSON-LD uses (jsonld.js: `toExponential(15)` with trailing zeros
/// of the mantissa removed, e.g. `1.1E0`, `5.0E-324`).
fn canonical_double(x: f64) -> Result<String, Error> {
    if !x.is_finite() {
        return Err(Error::NonCanonicalizableNumber);
    }
    let formatted = format!("{x:.15e}");
    let (mantissa, exponent) = formatted.split_once('e').ok_or(Error::NonCanonicalizableNumber)?;
    let mantissa = match mantissa.split_once('.') {
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            format!("{int}.{}", if frac.is_empty() { "0" } else { frac })
        }
        None => format!("{mantissa}.0"),
    };
    Ok(format!("{mantissa}E{exponent}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_match_jsonld_js() {
        let cases = [
            (1.1, "1.1E0"),
            (5.3, "5.3E0"),
            (-2.5e-7, "-2.5E-7"),
            (1e21, "1.0E21"),
            (0.1, "1.0E-1"),
            (123.456, "1.23456E2"),
        ];
        for (x, want) in cases {
            assert_eq!(canonical_double(x).unwrap(), want);
        }
    }

    #[test]
    fn integers_and_booleans() {
        let lit = |v: Value| literal(serde_json::json!({"@value": v}).as_object().unwrap().clone()).unwrap();
        assert_eq!(lit(serde_json::json!(5)).value, "5");
        assert_eq!(lit(serde_json::json!(5.0)).value, "5");
        assert_eq!(lit(serde_json::json!(-0.0)).value, "0");
        assert!(lit(serde_json::json!(5)).datatype.ends_with("#integer"));
        assert_eq!(lit(serde_json::json!(true)).value, "true");
        assert!(lit(serde_json::json!(2.5)).datatype.ends_with("#double"));
    }
}
