//! RDF terms and quads (placeholder interface until the RDFC-1.0 branch lands).

/// An RDF term.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// An IRI.
    Iri(String),
    /// A blank node, label without `_:`.
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
    /// Subject.
    pub subject: Term,
    /// Predicate.
    pub predicate: Term,
    /// Object.
    pub object: Term,
    /// Graph name.
    pub graph: Option<Term>,
}
