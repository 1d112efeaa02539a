//! RDF terms and quads, and their canonical N-Quads form (RDF 1.2 N-Quads canonical form, as
//! RDFC-1.0 hashes it). Produced by `jsonld::to_rdf`, consumed by `rdfc`.

pub mod nquads;

/// An RDF term.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// An IRI.
    Iri(String),
    /// A blank node; the label without `_:`.
    BlankNode(String),
    /// A literal.
    Literal(Literal),
}

/// An RDF literal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Literal {
    /// The lexical form.
    pub value: String,
    /// The datatype IRI (`rdf:langString` when `language` is set).
    pub datatype: String,
    /// The language tag.
    pub language: Option<String>,
}

/// An RDF quad; `graph: None` is the default graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quad {
    /// Subject: an IRI or blank node.
    pub subject: Term,
    /// Predicate: an IRI.
    pub predicate: Term,
    /// Object.
    pub object: Term,
    /// Graph name: an IRI or blank node, or `None` for the default graph.
    pub graph: Option<Term>,
}

/// The datatype of plain string literals (written without `^^` in N-Quads).
pub const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";

impl Term {
    /// Writes the term in canonical N-Quads form; blank nodes are written by `blank`.
    pub(crate) fn write_with(&self, out: &mut String, blank: &mut impl FnMut(&str, &mut String)) {
        match self {
            Term::Iri(iri) => {
                out.push('<');
                out.push_str(iri);
                out.push('>');
            }
            Term::BlankNode(label) => blank(label, out),
            Term::Literal(literal) => {
                write_quoted(&literal.value, out);
                if let Some(language) = &literal.language {
                    out.push('@');
                    out.push_str(language);
                } else if literal.datatype != XSD_STRING {
                    out.push_str("^^<");
                    out.push_str(&literal.datatype);
                    out.push('>');
                }
            }
        }
    }
}

impl Quad {
    /// Appends the quad as one canonical N-Quads line (with its `" .\n"`).
    pub fn write_nquad(&self, out: &mut String) {
        self.write_nquad_with(out, &mut |label, out| {
            out.push_str("_:");
            out.push_str(label);
        });
    }

    /// As [`Quad::write_nquad`], with blank node labels written by `blank`.
    pub(crate) fn write_nquad_with(&self, out: &mut String, blank: &mut impl FnMut(&str, &mut String)) {
        self.subject.write_with(out, blank);
        out.push(' ');
        self.predicate.write_with(out, blank);
        out.push(' ');
        self.object.write_with(out, blank);
        if let Some(graph) = &self.graph {
            out.push(' ');
            graph.write_with(out, blank);
        }
        out.push_str(" .\n");
    }

    /// The quad's blank node labels (subject, object, graph), with their positions.
    pub(crate) fn blank_nodes(&self) -> impl Iterator<Item = (&str, char)> {
        [(Some(&self.subject), 's'), (Some(&self.object), 'o'), (self.graph.as_ref(), 'g')].into_iter().filter_map(
            |(term, position)| match term {
                Some(Term::BlankNode(label)) => Some((label.as_str(), position)),
                _ => None,
            },
        )
    }
}

/// A string literal in canonical form: ECHAR for `\b \t \n \f \r " \`, `\u00XX` (upper-case hex)
/// for the other control characters and DEL, everything else as is.
fn write_quoted(value: &str, out: &mut String) {
    out.push('"');
    for c in value.chars() {
        match c {
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_literal_escaping() {
        let literal =
            |value: &str| Term::Literal(Literal { value: value.into(), datatype: XSD_STRING.into(), language: None });
        let quad = Quad {
            subject: Term::BlankNode("b0".into()),
            predicate: Term::Iri("urn:p".into()),
            object: literal("a\"\\\n\r\t\u{8}\u{c}\u{0}\u{b}\u{7f}∞"),
            graph: Some(Term::Iri("urn:g".into())),
        };
        let mut out = String::new();
        quad.write_nquad(&mut out);
        assert_eq!(out, "_:b0 <urn:p> \"a\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u000B\\u007F∞\" <urn:g> .\n");
    }

    #[test]
    fn typed_and_language_literals() {
        let mut out = String::new();
        Term::Literal(Literal {
            value: "5".into(),
            datatype: "http://www.w3.org/2001/XMLSchema#integer".into(),
            language: None,
        })
        .write_with(&mut out, &mut |_, _| {});
        Term::Literal(Literal { value: "x".into(), datatype: "rdf:langString".into(), language: Some("en".into()) })
            .write_with(&mut out, &mut |_, _| {});
        assert_eq!(out, "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>\"x\"@en");
    }
}
