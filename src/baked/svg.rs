//! SVG: a minimal, strict XML scanner that finds the one credential element and reads it. Not a
//! general XML parser: it checks what finding that element safely needs (UTF-8, tags balanced,
//! quoted attributes, namespace prefixes in scope, character references) and refuses what it does
//! not implement. A `DOCTYPE` naming an external DTD is skipped (never fetched); one with an
//! internal subset, where entities would be declared, is refused, and so is any entity other
//! than the five predefined ones and numeric references: no entity is ever expanded, so no
//! billion laughs.
//!
//! See: <https://www.w3.org/TR/xml/#sec-well-formed>, <https://www.w3.org/TR/xml-names/#scoping>

use super::Version;
use crate::error::Error;

/// Deepest element nesting read.
pub const MAX_DEPTH: usize = 256;

/// Most namespace declarations in scope at once.
const MAX_BINDINGS: usize = 256;

const OB3_NAMESPACE: &str = "https://purl.imsglobal.org/ob/v3p0";
const OB2_NAMESPACE: &str = "http://openbadges.org";

/// An open element: its qualified name and how many namespace bindings were in scope before it.
struct Open<'a> {
    name: &'a str,
    bindings_before: usize,
}

/// The credential element being read.
struct Capture {
    version: Version,
    depth: usize,
    verify: String,
    content: String,
}

/// What the scan has seen so far.
#[derive(Default)]
struct Scan<'a> {
    /// The elements open, innermost last.
    open: Vec<Open<'a>>,
    /// The namespace declarations in scope: prefix (`""` for the default) and namespace.
    bindings: Vec<(&'a str, String)>,
    /// The credential element being read, if the scan is inside it.
    capture: Option<Capture>,
    /// The credential element read, if any.
    found: Option<(Version, String)>,
    seen_root: bool,
    seen_doctype: bool,
}

/// The credential element's text (its `verify` attribute or its content) and its baking.
pub(super) fn credential_text(bytes: &[u8], max_text: usize) -> Result<(Version, String), Error> {
    let text = core::str::from_utf8(bytes).map_err(|_| malformed("the image is not UTF-8"))?;
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut scan = Scan::default();
    loop {
        let at = rest.find('<').unwrap_or(rest.len());
        let (characters, markup) = rest.split_at(at);
        match &mut scan.capture {
            Some(capture) => unescape(characters, Some(&mut capture.content), max_text)?,
            None if scan.open.is_empty() && !characters.trim_ascii().is_empty() => {
                return Err(malformed("text outside the root element"));
            }
            None => unescape(characters, None, max_text)?,
        }
        if markup.is_empty() {
            break;
        }
        rest = scan.markup(markup, max_text)?;
    }
    if !scan.open.is_empty() || !scan.seen_root {
        return Err(malformed("the document ends before its root element does"));
    }
    scan.found.ok_or(Error::BakedImageNoCredential("SVG"))
}

impl<'a> Scan<'a> {
    /// Reads the markup at the start of `markup` (which starts with `<`); returns the text after it.
    fn markup(&mut self, markup: &'a str, max_text: usize) -> Result<&'a str, Error> {
        if let Some(after) = markup.strip_prefix("<!--") {
            return skip_past(after, "-->").ok_or_else(|| malformed("an unterminated comment"));
        }
        if let Some(after) = markup.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").ok_or_else(|| malformed("an unterminated CDATA section"))?;
            let (data, after) = after.split_at(end);
            match &mut self.capture {
                Some(capture) => push_capped(&mut capture.content, data, max_text)?,
                None if self.open.is_empty() => return Err(malformed("a CDATA section outside the root element")),
                None => {}
            }
            return Ok(after.get(3..).unwrap_or_default());
        }
        if let Some(after) = markup.strip_prefix("<!DOCTYPE") {
            if self.seen_doctype || self.seen_root {
                return Err(malformed("a misplaced DOCTYPE"));
            }
            self.seen_doctype = true;
            let end = tag_end(after).ok_or_else(|| malformed("an unterminated DOCTYPE"))?;
            if outside_quotes(after.get(..end).unwrap_or_default()).any(|c| c == '[') {
                return Err(malformed("a DOCTYPE with an internal subset (entity declarations are refused)"));
            }
            return Ok(after.get(end + 1..).unwrap_or_default());
        }
        if markup.starts_with("<!") {
            return Err(malformed("a markup declaration (such as <!ENTITY) outside a DOCTYPE"));
        }
        if let Some(after) = markup.strip_prefix("<?") {
            return skip_past(after, "?>").ok_or_else(|| malformed("an unterminated processing instruction"));
        }
        if let Some(after) = markup.strip_prefix("</") {
            let end = after.find('>').ok_or_else(|| malformed("an unterminated end tag"))?;
            self.end_tag(after.get(..end).unwrap_or_default())?;
            return Ok(after.get(end + 1..).unwrap_or_default());
        }
        let after = markup.get(1..).unwrap_or_default();
        let end = tag_end(after).ok_or_else(|| malformed("an unterminated start tag"))?;
        self.start_tag(after.get(..end).unwrap_or_default(), max_text)?;
        Ok(after.get(end + 1..).unwrap_or_default())
    }

    /// An end tag (its text between `</` and `>`): closes the innermost element, and the
    /// credential element's reading if that is the one.
    fn end_tag(&mut self, tag: &str) -> Result<(), Error> {
        let name = tag.trim_end_matches(|c: char| c.is_ascii_whitespace());
        let element = self.open.pop().ok_or_else(|| malformed("an end tag without a start tag"))?;
        if element.name != name {
            return Err(malformed("an end tag does not match its start tag"));
        }
        self.bindings.truncate(element.bindings_before);
        if self.capture.as_ref().is_some_and(|c| c.depth == self.open.len()) {
            self.found = self.capture.take().map(choose).transpose()?;
        }
        Ok(())
    }

    /// A start or empty-element tag (its text between `<` and `>`).
    fn start_tag(&mut self, tag: &'a str, max_text: usize) -> Result<(), Error> {
        if self.open.is_empty() && self.seen_root {
            return Err(malformed("more than one root element"));
        }
        self.seen_root = true;
        if self.capture.is_some() {
            return Err(malformed("the credential element has child elements"));
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(tag) => (tag, true),
            None => (tag, false),
        };
        let (name, attributes) = split_name(tag)?;
        let bindings_before = self.bindings.len();
        let verify = self.attributes(attributes, max_text)?;
        if let Some(version) = credential_element(name, &self.bindings)? {
            if self.found.is_some() {
                return Err(Error::BakedImageAmbiguous("SVG"));
            }
            let verify = verify.unwrap_or_default();
            let capture = Capture { version, depth: self.open.len(), verify, content: String::new() };
            if empty {
                self.found = Some(choose(capture)?);
            } else {
                self.capture = Some(capture);
            }
        }
        if empty {
            self.bindings.truncate(bindings_before);
            return Ok(());
        }
        if self.open.len() == MAX_DEPTH {
            return Err(malformed(&format!("elements nest deeper than {MAX_DEPTH} levels")));
        }
        self.open.push(Open { name, bindings_before });
        Ok(())
    }

    /// Reads a start tag's attributes: its namespace declarations join the bindings in scope; its
    /// `verify` attribute is returned, unescaped; every other value is only checked.
    fn attributes(&mut self, attributes: &'a str, max_text: usize) -> Result<Option<String>, Error> {
        let first_binding = self.bindings.len();
        let mut verify = None;
        for attribute in Attributes(attributes) {
            let (key, raw) = attribute?;
            let prefix = if key == "xmlns" { Some("") } else { key.strip_prefix("xmlns:") };
            if prefix.is_none() && key != "verify" {
                unescape(raw, None, max_text)?;
                continue;
            }
            let mut value = String::new();
            unescape(raw, Some(&mut value), max_text)?;
            match prefix {
                Some(prefix) => {
                    let declared = self.bindings.get(first_binding..).unwrap_or_default();
                    if declared.iter().any(|(p, _)| *p == prefix) {
                        return Err(malformed("a namespace prefix is declared twice on one element"));
                    }
                    if self.bindings.len() == MAX_BINDINGS {
                        return Err(malformed(&format!("more than {MAX_BINDINGS} namespace declarations in scope")));
                    }
                    self.bindings.push((prefix, value));
                }
                None if verify.is_some() => return Err(malformed("the verify attribute is given twice")),
                None => verify = Some(value),
            }
        }
        Ok(verify)
    }
}

/// Which credential element `name` is, if any: `credential` in the OB 3.0 namespace or
/// `assertion` in the OB 2.0 namespace, its prefix resolved through the bindings in scope.
fn credential_element(name: &str, bindings: &[(&str, String)]) -> Result<Option<Version>, Error> {
    let (prefix, local) = name.split_once(':').unwrap_or(("", name));
    let wanted = match local {
        "credential" => (OB3_NAMESPACE, Version::OpenBadges3),
        "assertion" => (OB2_NAMESPACE, Version::OpenBadges2),
        _ => return Ok(None),
    };
    match bindings.iter().rev().find(|(p, _)| *p == prefix) {
        Some((_, namespace)) if namespace == wanted.0 => Ok(Some(wanted.1)),
        Some(_) => Ok(None),
        None if prefix.is_empty() => Ok(None),
        None => Err(malformed(&format!("the namespace prefix \"{prefix}\" is not declared"))),
    }
}

/// The element's credential: OB 3.0 bakes a VC-JWT in `verify` or the JSON as content (never
/// both); OB 2.0's `verify` (a JWS or the hosted URL) comes first, the content is its copy.
fn choose(capture: Capture) -> Result<(Version, String), Error> {
    let verify = capture.verify.trim_ascii();
    let content = capture.content.trim_ascii();
    let text = match capture.version {
        Version::OpenBadges3 if !verify.is_empty() && !content.is_empty() => {
            return Err(Error::BakedImageAmbiguous("SVG"));
        }
        _ if !verify.is_empty() => verify,
        _ => content,
    };
    Ok((capture.version, text.to_owned()))
}

/// Appends `text` to `out` (when given) with its references replaced: the five predefined
/// entities and numeric character references; any other entity is refused.
fn unescape(text: &str, mut out: Option<&mut String>, max_text: usize) -> Result<(), Error> {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let (plain, reference) = rest.split_at(at);
        if let Some(out) = out.as_deref_mut() {
            push_capped(out, plain, max_text)?;
        }
        let end = reference.find(';').filter(|&end| end <= 12).ok_or_else(|| malformed("a bare & in text"))?;
        let name = reference.get(1..end).unwrap_or_default();
        let character = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "apos" => '\'',
            "quot" => '"',
            _ => numeric_reference(name).ok_or_else(|| malformed(&format!("the entity &{name}; is not allowed")))?,
        };
        if let Some(out) = out.as_deref_mut() {
            push_capped(out, character.encode_utf8(&mut [0; 4]), max_text)?;
        }
        rest = reference.get(end + 1..).unwrap_or_default();
    }
    match out {
        Some(out) => push_capped(out, rest, max_text),
        None => Ok(()),
    }
}

/// `#123` or `#x7B`, naming a character XML allows.
fn numeric_reference(name: &str) -> Option<char> {
    let digits = name.strip_prefix('#')?;
    let value = match digits.strip_prefix('x') {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        Some(_) => return None,
        None if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => digits.parse().ok()?,
        None => return None,
    };
    let character = char::from_u32(value)?;
    // XML 1.0 Char: no C0 controls but tab, line feed and carriage return.
    let allowed = value >= 0x20 || matches!(character, '\t' | '\n' | '\r');
    allowed.then_some(character)
}

fn push_capped(out: &mut String, text: &str, max_text: usize) -> Result<(), Error> {
    if out.len().saturating_add(text.len()) > max_text {
        return Err(malformed(&format!("the credential text is longer than {max_text} bytes")));
    }
    out.push_str(text);
    Ok(())
}

/// The element name and the attribute text after it.
fn split_name(tag: &str) -> Result<(&str, &str), Error> {
    let end = tag.find(|c: char| c.is_ascii_whitespace()).unwrap_or(tag.len());
    let (name, attributes) = tag.split_at(end);
    // XML NameStartChar, approximated: an ASCII letter, `_`, `:` or any non-ASCII character.
    let valid = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80)
        && !name.contains(['<', '&', '"', '\'', '=', '/']);
    if !valid {
        return Err(malformed("an element without a valid name"));
    }
    Ok((name, attributes))
}

/// `name="value"` / `name='value'` pairs, separated by whitespace (values still escaped).
struct Attributes<'a>(&'a str);

impl<'a> Iterator for Attributes<'a> {
    type Item = Result<(&'a str, &'a str), Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.0.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if rest.is_empty() {
            return None;
        }
        let item = attribute(rest);
        // After an error the iterator ends.
        self.0 = item.as_ref().map_or("", |(_, _, after)| after);
        Some(item.map(|(name, value, _)| (name, value)))
    }
}

/// The first attribute of `text`: its name, its (escaped) value and the text after it.
fn attribute(text: &str) -> Result<(&str, &str, &str), Error> {
    let (name, after) = text.split_once('=').ok_or_else(|| malformed("an attribute without a value"))?;
    let name = name.trim_end_matches(|c: char| c.is_ascii_whitespace());
    if name.is_empty() || name.contains(|c: char| c.is_ascii_whitespace() || "<>\"'&/".contains(c)) {
        return Err(malformed("an attribute without a valid name"));
    }
    let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let quote = after.chars().next().filter(|c| matches!(c, '"' | '\''));
    let quote = quote.ok_or_else(|| malformed("an unquoted attribute value"))?;
    let body = after.get(1..).unwrap_or_default();
    let end = body.find(quote).ok_or_else(|| malformed("an unterminated attribute value"))?;
    let (value, after) = body.split_at(end);
    if value.contains('<') {
        return Err(malformed("a < in an attribute value"));
    }
    let after = after.get(1..).unwrap_or_default();
    if !after.is_empty() && !after.starts_with(|c: char| c.is_ascii_whitespace()) {
        return Err(malformed("attributes without whitespace between them"));
    }
    Ok((name, value, after))
}

/// The position of the `>` that ends a tag or declaration: the first one outside quotes.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (None, '>') => return Some(at),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            _ => {}
        }
    }
    None
}

/// The characters of `text` that are not inside quotes.
fn outside_quotes(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut quote = None;
    text.chars().filter(move |&c| match (quote, c) {
        (None, '"' | '\'') => {
            quote = Some(c);
            false
        }
        (None, _) => true,
        (Some(q), _) => {
            if q == c {
                quote = None;
            }
            false
        }
    })
}

/// The text after the first `end` in `text`.
fn skip_past<'a>(text: &'a str, end: &str) -> Option<&'a str> {
    let at = text.find(end)?;
    text.get(at + end.len()..)
}

fn malformed(why: &str) -> Error {
    Error::BakedImageMalformed(format!("SVG: {why}"))
}
