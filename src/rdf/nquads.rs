//! An N-Quads parser: enough of RDF 1.1 N-Quads for the W3C test suites (IRIs and literals with
//! `\u`/`\U`/ECHAR escapes, language tags, datatypes, blank nodes, comments). Test tooling, not on
//! the verification path; it never panics and reports where the text went wrong.

use core::fmt;

use super::{Literal, Quad, Term, RDF_LANG_STRING, XSD_STRING};

/// Why a line is not N-Quads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// What was expected or found.
    pub reason: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not N-Quads at line {}: {}", self.line, self.reason)
    }
}

impl core::error::Error for ParseError {}

/// Parses N-Quads text into quads, in document order (duplicates kept).
///
/// # Errors
/// [`ParseError`] at the first line that is not a valid statement.
pub fn parse(text: &str) -> Result<Vec<Quad>, ParseError> {
    let mut quads = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut cursor = Cursor { rest: line };
        cursor.skip_space();
        if cursor.rest.is_empty() || cursor.rest.starts_with('#') {
            continue;
        }
        let quad = cursor.statement().map_err(|reason| ParseError { line: index + 1, reason })?;
        quads.push(quad);
    }
    Ok(quads)
}

struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    fn statement(&mut self) -> Result<Quad, &'static str> {
        let subject = self.term()?;
        if matches!(subject, Term::Literal(_)) {
            return Err("a literal cannot be a subject");
        }
        let predicate = self.term()?;
        if !matches!(predicate, Term::Iri(_)) {
            return Err("the predicate must be an IRI");
        }
        let object = self.term()?;
        let graph = if self.rest.starts_with('.') {
            None
        } else {
            let graph = self.term()?;
            if matches!(graph, Term::Literal(_)) {
                return Err("a literal cannot be a graph name");
            }
            Some(graph)
        };
        self.rest = self.rest.strip_prefix('.').ok_or("expected '.' at the end of the statement")?;
        self.skip_space();
        if !(self.rest.is_empty() || self.rest.starts_with('#')) {
            return Err("text after the end of the statement");
        }
        Ok(Quad { subject, predicate, object, graph })
    }

    fn skip_space(&mut self) {
        self.rest = self.rest.trim_start_matches([' ', '\t']);
    }

    /// One term, then any spaces after it.
    fn term(&mut self) -> Result<Term, &'static str> {
        let term = if let Some(rest) = self.rest.strip_prefix('<') {
            self.rest = rest;
            Term::Iri(self.iri()?)
        } else if let Some(rest) = self.rest.strip_prefix("_:") {
            self.rest = rest;
            Term::BlankNode(self.blank_node_label()?)
        } else if let Some(rest) = self.rest.strip_prefix('"') {
            self.rest = rest;
            Term::Literal(self.literal()?)
        } else {
            return Err("expected an IRI, a blank node or a literal");
        };
        self.skip_space();
        Ok(term)
    }

    /// After `<`: the IRI up to and including `>`.
    fn iri(&mut self) -> Result<String, &'static str> {
        let mut iri = String::new();
        let mut chars = self.rest.char_indices();
        while let Some((at, c)) = chars.next() {
            match c {
                '>' => {
                    self.rest = self.rest.get(at + 1..).unwrap_or_default();
                    return Ok(iri);
                }
                '\\' => {
                    let escaped = unescape(&mut chars, false)?;
                    if matches!(escaped, '\u{0}'..='\u{20}' | '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\') {
                        return Err("an escape in an IRI stands for a character IRIs cannot contain");
                    }
                    iri.push(escaped);
                }
                '\u{0}'..='\u{20}' | '<' | '"' | '{' | '}' | '|' | '^' | '`' => {
                    return Err("a character IRIs cannot contain");
                }
                c => iri.push(c),
            }
        }
        Err("an IRI without its closing '>'")
    }

    fn blank_node_label(&mut self) -> Result<String, &'static str> {
        let end = self
            .rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '\u{b7}')))
            .map_or(self.rest.len(), |(at, _)| at);
        let label = self.rest.get(..end).unwrap_or_default().trim_end_matches('.');
        if label.is_empty() || label.starts_with(['-', '.']) {
            return Err("an empty or malformed blank node label");
        }
        self.rest = self.rest.get(label.len()..).unwrap_or_default();
        Ok(label.to_owned())
    }

    /// After the opening `"`: the lexical form, then a language tag or a datatype.
    fn literal(&mut self) -> Result<Literal, &'static str> {
        let mut value = String::new();
        let mut chars = self.rest.char_indices();
        loop {
            match chars.next() {
                Some((at, '"')) => {
                    self.rest = self.rest.get(at + 1..).unwrap_or_default();
                    break;
                }
                Some((_, '\\')) => value.push(unescape(&mut chars, true)?),
                Some((_, '\n' | '\r')) => return Err("a raw line break in a literal"),
                Some((_, c)) => value.push(c),
                None => return Err("a literal without its closing '\"'"),
            }
        }
        if let Some(rest) = self.rest.strip_prefix('@') {
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
            let language = rest.get(..end).unwrap_or_default();
            let mut subtags = language.split('-');
            let primary_ok =
                subtags.next().is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()));
            if !primary_ok || subtags.any(str::is_empty) {
                return Err("a malformed language tag");
            }
            self.rest = rest.get(end..).unwrap_or_default();
            return Ok(Literal { value, datatype: RDF_LANG_STRING.to_owned(), language: Some(language.to_owned()) });
        }
        if let Some(rest) = self.rest.strip_prefix("^^<") {
            self.rest = rest;
            let datatype = self.iri()?;
            return Ok(Literal { value, datatype, language: None });
        }
        Ok(Literal { value, datatype: XSD_STRING.to_owned(), language: None })
    }
}

/// After a `\`: a UCHAR (`\uXXXX`, `\UXXXXXXXX`), or with `echar` also `\t \b \n \r \f \" \' \\`.
fn unescape(chars: &mut core::str::CharIndices<'_>, echar: bool) -> Result<char, &'static str> {
    let digits = match chars.next().map(|(_, c)| c) {
        Some('u') => 4,
        Some('U') => 8,
        Some(c) if echar => {
            return match c {
                't' => Ok('\t'),
                'b' => Ok('\u{8}'),
                'n' => Ok('\n'),
                'r' => Ok('\r'),
                'f' => Ok('\u{c}'),
                '"' => Ok('"'),
                '\'' => Ok('\''),
                '\\' => Ok('\\'),
                _ => Err("an unknown escape"),
            }
        }
        _ => return Err("an unknown escape"),
    };
    let mut code = 0u32;
    for _ in 0..digits {
        let digit = chars.next().and_then(|(_, c)| c.to_digit(16)).ok_or("a \\u escape without its hex digits")?;
        code = code * 16 + digit;
    }
    char::from_u32(code).ok_or("a \\u escape that is not a Unicode scalar value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_term() {
        let text = "# comment\n\n<http://ex/s> <http://ex/p> \"a\\tb\\u0041\\U0001F303\"@en-US _:g1 .\n\
                    _:b0 <http://ex/p> \"5\"^^<http://ex/int> . # trailing\n\
                    _:b.1 <http://ex/\\u00E9> \"\" .\n";
        let quads = parse(text).unwrap();
        assert_eq!(quads.len(), 3);
        let Term::Literal(first) = &quads[0].object else { panic!() };
        assert_eq!(first.value, "a\tbA🌃");
        assert_eq!(first.language.as_deref(), Some("en-US"));
        assert_eq!(first.datatype, RDF_LANG_STRING);
        assert_eq!(quads[0].graph, Some(Term::BlankNode("g1".into())));
        assert_eq!(quads[1].subject, Term::BlankNode("b0".into()));
        assert_eq!(quads[2].subject, Term::BlankNode("b.1".into()));
        assert_eq!(quads[2].predicate, Term::Iri("http://ex/é".into()));
        let Term::Literal(last) = &quads[2].object else { panic!() };
        assert_eq!(last.datatype, XSD_STRING);
    }

    #[test]
    fn round_trips_canonical_lines() {
        let text = "_:b0 <http://ex/p> \"x\\\"\\\\\\n\\u0000\"@en <http://ex/g> .\n";
        let mut out = String::new();
        parse(text).unwrap()[0].write_nquad(&mut out);
        assert_eq!(out, text);
    }

    #[test]
    fn refuses_bad_lines_without_panicking() {
        for bad in [
            "<a> <b> <c>",
            "<a> <b> .",
            "\"s\" <b> <c> .",
            "<a> _:p <c> .",
            "<a> <b> \"unterminated .",
            "<a> <b> \"x\"@ .",
            "<a> <b> \"x\"@en- .",
            "<a> <b> \"\\q\" .",
            "<a> <b> \"\\u12\" .",
            "<a> <b> \"\\uD800\" .",
            "<a b> <b> <c> .",
            "<a> <b> <c\\u003E> .",
            "<a> <b> <c> <d> <e> .",
            "_: <b> <c> .",
            "<a> <b> <c> . junk",
            "<a",
            "\\",
            "_:é",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
