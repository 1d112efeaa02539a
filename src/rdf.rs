//! The RDF data model (terms, literals, quads) that JSON-LD → RDF produces and RDFC-1.0
//! canonicalizes, and its canonical N-Quads serialization (RDF 1.2 N-Quads, "canonical form",
//! as the RDFC-1.0 test suite expects it byte for byte).
//!
//! This module knows nothing about JSON-LD or canonicalization. `nquads` parses N-Quads text;
//! it exists for the test suites and is not on the verification path.
//!
//! Invariant: the serialization is injective. Valid terms are written exactly as the canonical form
//! says; characters that cannot appear raw in an IRI, a blank node label or a language tag (only a
//! hostile producer puts them there) are written as `\uXXXX` escapes, so no term text can forge a
//! term boundary or a second quad on a line.

pub mod nquads;

/// `xsd:string`, the datatype of simple literals (omitted in N-Quads).
pub const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
/// `rdf:langString`, the datatype of language-tagged strings.
pub const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/// An RDF term in any position of a quad.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// An absolute IRI, without the angle brackets.
    Iri(String),
    /// A blank node, by its label without `_:`.
    BlankNode(String),
    /// A literal.
    Literal(Literal),
}

/// An RDF literal: a lexical form with a datatype IRI, and a language tag for `rdf:langString`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Literal {
    /// The lexical form.
    pub value: String,
    /// The datatype IRI; [`RDF_LANG_STRING`] when `language` is `Some`, [`XSD_STRING`] for a simple literal.
    pub datatype: String,
    /// The language tag of a language-tagged string.
    pub language: Option<String>,
}

/// One quad: a triple, in the default graph (`graph: None`) or a named graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quad {
    /// Subject: an IRI or a blank node.
    pub subject: Term,
    /// Predicate: an IRI.
    pub predicate: Term,
    /// Object: any term.
    pub object: Term,
    /// Graph name, `None` for the default graph.
    pub graph: Option<Term>,
}

impl Quad {
    /// Appends this quad as one canonical N-Quads line, ending in `" .\n"`.
    pub fn write_nquad(&self, out: &mut String) {
        write_term(&self.subject, out);
        out.push(' ');
        write_term(&self.predicate, out);
        out.push(' ');
        write_term(&self.object, out);
        if let Some(graph) = &self.graph {
            out.push(' ');
            write_term(graph, out);
        }
        out.push_str(" .\n");
    }
}

/// Appends one term in canonical N-Quads form.
pub(crate) fn write_term(term: &Term, out: &mut String) {
    match term {
        Term::Iri(iri) => write_iri(iri, out),
        Term::BlankNode(label) => write_blank_node(label, out),
        Term::Literal(literal) => write_literal(literal, out),
    }
}

/// Byte classes, one bit each: bytes that cannot appear raw in an IRIREF, in a literal (they
/// take ECHAR or UCHAR), in a blank node label as written here (`[A-Za-z0-9_.-]` only), and in a
/// language tag (`[A-Za-z0-9-]`). Non-ASCII bytes are escaped in labels and tags only. A table,
/// because these scans run over every byte written.
const IRI_ESCAPE: u8 = 1;
const STRING_ESCAPE: u8 = 2;
const LABEL_ESCAPE: u8 = 4;
const LANGUAGE_ESCAPE: u8 = 8;
#[allow(clippy::indexing_slicing)] // const evaluation: an out-of-bounds index fails the build
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b <= b' ' || matches!(b, b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\') {
            table[byte] |= IRI_ESCAPE;
        }
        if b < 0x20 || b == 0x7f || b == b'"' || b == b'\\' {
            table[byte] |= STRING_ESCAPE;
        }
        if !(b.is_ascii_alphanumeric() || b == b'-') {
            table[byte] |= LANGUAGE_ESCAPE;
            if !(b == b'_' || b == b'.') {
                table[byte] |= LABEL_ESCAPE;
            }
        }
        byte += 1;
    }
    table
};

fn class(byte: u8) -> u8 {
    CLASS.get(usize::from(byte)).copied().unwrap_or(0)
}

/// Whether no byte of `text` is in `escape`.
fn is_clean(text: &str, escape: u8) -> bool {
    let mut dirty = 0;
    for &byte in text.as_bytes() {
        dirty |= class(byte);
    }
    dirty & escape == 0
}

/// Whether `text` holds no byte IRIREF forbids (U+0000–U+0020, `<>"{}|^\` and backtick): one
/// table lookup per byte, shared with JSON-LD's absolute-IRI test.
pub(crate) fn is_iri_clean(text: &str) -> bool {
    is_clean(text, IRI_ESCAPE)
}

/// `<iri>`, raw except for characters IRIREF forbids (never in a valid IRI), which are escaped.
pub(crate) fn write_iri(iri: &str, out: &mut String) {
    out.push('<');
    write_escaped(iri, out, IRI_ESCAPE);
    out.push('>');
}

/// `_:label`; characters outside `[A-Za-z0-9_.-]` are escaped (canonical labels are `c14nN`).
pub(crate) fn write_blank_node(label: &str, out: &mut String) {
    out.push_str("_:");
    write_escaped(label, out, LABEL_ESCAPE);
}

/// Appends `text`, with the characters in class `escape` as UCHAR (a non-ASCII character is in
/// the class when its bytes are); clean runs are copied whole.
fn write_escaped(text: &str, out: &mut String, escape: u8) {
    if is_clean(text, escape) {
        out.push_str(text); // the common case: nothing to escape
        return;
    }
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let first = text.as_bytes().get(at).copied().unwrap_or(0);
        if class(first) & escape != 0 {
            out.push_str(text.get(start..at).unwrap_or_default());
            write_uchar(c, out);
            start = at + c.len_utf8();
        }
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

/// `"value"`, then `@lang`, or `^^<datatype>` unless the datatype is `xsd:string`.
fn write_literal(literal: &Literal, out: &mut String) {
    out.push('"');
    write_escaped_string(&literal.value, out);
    out.push('"');
    if let Some(language) = &literal.language {
        out.push('@');
        write_escaped(language, out, LANGUAGE_ESCAPE);
    } else if literal.datatype != XSD_STRING {
        out.push_str("^^");
        write_iri(&literal.datatype, out);
    }
}

/// The canonical STRING_LITERAL_QUOTE body: ECHAR for `\b \t \n \f \r \" \\`, UCHAR (upper-case
/// hex) for the other C0 controls and DEL, every other character raw.
fn write_escaped_string(value: &str, out: &mut String) {
    if is_clean(value, STRING_ESCAPE) {
        out.push_str(value);
        return;
    }
    // Copy the runs between escapes whole.
    let mut start = 0;
    for (at, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f | 0x7f => "",
            _ => continue,
        };
        out.push_str(value.get(start..at).unwrap_or_default());
        if escape.is_empty() {
            write_uchar(char::from(byte), out);
        } else {
            out.push_str(escape);
        }
        start = at + 1; // the byte is ASCII, so this is a char boundary
    }
    out.push_str(value.get(start..).unwrap_or_default());
}

/// `\uXXXX` or `\UXXXXXXXX`, upper-case hex.
fn write_uchar(c: char, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let code = u32::from(c);
    let digits = if code > 0xffff {
        out.push_str("\\U");
        8
    } else {
        out.push_str("\\u");
        4
    };
    for shift in (0..digits).rev() {
        let nibble = (code >> (shift * 4)) & 0xf;
        out.push(char::from(HEX.get(nibble as usize).copied().unwrap_or(b'0')));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iri(s: &str) -> Term {
        Term::Iri(s.into())
    }

    fn literal(value: &str, datatype: &str, language: Option<&str>) -> Term {
        Term::Literal(Literal { value: value.into(), datatype: datatype.into(), language: language.map(Into::into) })
    }

    fn line(object: Term, graph: Option<Term>) -> String {
        let quad = Quad { subject: Term::BlankNode("b0".into()), predicate: iri("http://ex/p"), object, graph };
        let mut out = String::new();
        quad.write_nquad(&mut out);
        out
    }

    #[test]
    fn simple_literal_omits_xsd_string_and_escapes_canonically() {
        let object = literal("a\"b\\c\nd\re\tf\u{8}g\u{c}h\u{0}\u{1f}\u{7f}\u{80}∞🌃", XSD_STRING, None);
        assert_eq!(
            line(object, None),
            "_:b0 <http://ex/p> \"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000\\u001F\\u007F\u{80}∞🌃\" .\n"
        );
    }

    #[test]
    fn typed_and_language_tagged_literals() {
        let typed = literal("5", "http://www.w3.org/2001/XMLSchema#integer", None);
        assert_eq!(line(typed, None), "_:b0 <http://ex/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
        let tagged = literal("chat", RDF_LANG_STRING, Some("fr-CA"));
        assert_eq!(line(tagged, Some(iri("http://ex/g"))), "_:b0 <http://ex/p> \"chat\"@fr-CA <http://ex/g> .\n");
    }

    #[test]
    fn hostile_terms_cannot_forge_a_term_boundary() {
        let object = iri("http://ex/o> <http://ex/g");
        assert_eq!(line(object, None), "_:b0 <http://ex/p> <http://ex/o\\u003E\\u0020\\u003Chttp://ex/g> .\n");
        let tagged = literal("x", RDF_LANG_STRING, Some("en .\n_:x"));
        assert_eq!(line(tagged, None), "_:b0 <http://ex/p> \"x\"@en\\u0020\\u002E\\u000A\\u005F\\u003Ax .\n");
        let quad =
            Quad { subject: Term::BlankNode("a b\\🌃".into()), predicate: iri("p"), object: iri("o"), graph: None };
        let mut out = String::new();
        quad.write_nquad(&mut out);
        assert_eq!(out, "_:a\\u0020b\\u005C\\U0001F303 <p> <o> .\n");
    }

    #[test]
    fn terms_order_iri_blank_literal() {
        assert!(iri("z") < Term::BlankNode("a".into()));
        assert!(Term::BlankNode("z".into()) < literal("a", XSD_STRING, None));
    }
}
