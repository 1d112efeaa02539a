//! A small N-Quads parser (what the RDFC-1.0 test suite's inputs use: IRIs, blank nodes, literals
//! with datatypes or languages, `\u`/`\U`/ECHAR escapes, comments). Used by tests and tools;
//! refuses what it does not understand, never panics.

use super::{Literal, Quad, Term};

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/// Parses an N-Quads document.
///
/// # Errors
/// A message naming the line of the first syntax error.
pub fn parse(text: &str) -> Result<Vec<Quad>, String> {
    let mut quads = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut cursor = Cursor { rest: line.trim_start() };
        if cursor.rest.is_empty() || cursor.rest.starts_with('#') {
            continue;
        }
        let quad = cursor.quad().map_err(|e| format!("line {}: {e}", number + 1))?;
        quads.push(quad);
    }
    Ok(quads)
}

struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    fn quad(&mut self) -> Result<Quad, String> {
        let subject = self.term()?;
        let predicate = self.term()?;
        let object = self.term()?;
        self.skip_space();
        let graph = if self.rest.starts_with('.') { None } else { Some(self.term()?) };
        self.skip_space();
        self.rest = self.rest.strip_prefix('.').ok_or("expected '.'")?;
        self.skip_space();
        if !(self.rest.is_empty() || self.rest.starts_with('#')) {
            return Err("unexpected text after '.'".into());
        }
        if matches!(subject, Term::Literal(_))
            || !matches!(predicate, Term::Iri(_))
            || matches!(graph, Some(Term::Literal(_)))
        {
            return Err("a term in the wrong position".into());
        }
        Ok(Quad { subject, predicate, object, graph })
    }

    fn skip_space(&mut self) {
        self.rest = self.rest.trim_start_matches([' ', '\t']);
    }

    fn term(&mut self) -> Result<Term, String> {
        self.skip_space();
        if let Some(rest) = self.rest.strip_prefix('<') {
            let end = rest.find('>').ok_or("unterminated IRI")?;
            let iri = unescape(rest.get(..end).unwrap_or_default())?;
            self.rest = rest.get(end + 1..).unwrap_or_default();
            return Ok(Term::Iri(iri));
        }
        if let Some(rest) = self.rest.strip_prefix("_:") {
            let end = rest.find([' ', '\t']).unwrap_or(rest.len());
            let label = rest.get(..end).unwrap_or_default();
            let label = label.strip_suffix('.').filter(|_| end == rest.len()).unwrap_or(label);
            if label.is_empty() {
                return Err("empty blank node label".into());
            }
            self.rest = rest.get(label.len()..).unwrap_or_default();
            return Ok(Term::BlankNode(label.to_owned()));
        }
        if let Some(rest) = self.rest.strip_prefix('"') {
            let mut end = None;
            let mut escaped = false;
            for (i, c) in rest.char_indices() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let end = end.ok_or("unterminated literal")?;
            let value = unescape(rest.get(..end).unwrap_or_default())?;
            self.rest = rest.get(end + 1..).unwrap_or_default();
            if let Some(rest) = self.rest.strip_prefix("^^") {
                self.rest = rest;
                let Term::Iri(datatype) = self.term()? else { return Err("datatype must be an IRI".into()) };
                return Ok(Term::Literal(Literal { value, datatype, language: None }));
            }
            if let Some(rest) = self.rest.strip_prefix('@') {
                let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
                let language = rest.get(..end).unwrap_or_default().to_owned();
                self.rest = rest.get(end..).unwrap_or_default();
                return Ok(Term::Literal(Literal {
                    value,
                    datatype: RDF_LANG_STRING.into(),
                    language: Some(language),
                }));
            }
            return Ok(Term::Literal(Literal { value, datatype: XSD_STRING.into(), language: None }));
        }
        Err(format!("unexpected {:?}", self.rest.chars().next().unwrap_or(' ')))
    }
}

fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next().ok_or("dangling backslash")? {
            't' => '\t',
            'b' => '\u{8}',
            'n' => '\n',
            'r' => '\r',
            'f' => '\u{c}',
            '"' => '"',
            '\'' => '\'',
            '\\' => '\\',
            kind @ ('u' | 'U') => {
                let len = if kind == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(len).collect();
                let code = u32::from_str_radix(&hex, 16).map_err(|_| format!("bad escape \\{kind}{hex}"))?;
                char::from_u32(code).ok_or_else(|| format!("bad code point {code:#x}"))?
            }
            other => return Err(format!("bad escape \\{other}")),
        };
        out.push(escaped);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_round_trips() {
        let text = "<urn:s> <urn:p> \"a\\u0042\\n\"@en <urn:g> .\n_:b0 <urn:p> \"5\"^^<urn:int> .\n# comment\n_:b1 <urn:p> _:b0 .\n";
        let quads = parse(text).unwrap();
        assert_eq!(quads.len(), 3);
        let mut out = String::new();
        for quad in &quads {
            quad.write_nquad(&mut out);
        }
        assert_eq!(
            out,
            "<urn:s> <urn:p> \"aB\\n\"@en <urn:g> .\n_:b0 <urn:p> \"5\"^^<urn:int> .\n_:b1 <urn:p> _:b0 .\n"
        );
    }

    #[test]
    fn refuses_garbage_without_panicking() {
        for bad in [
            "<urn:s> <urn:p>",
            "\"x\" <urn:p> <urn:o> .",
            "<urn:s> _:p <urn:o> .",
            "<urn:s> <urn:p> \"\\q\" .",
            "<a",
            "_: <urn:p> <urn:o> .",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
