//! Keywords, IRI predicates and IRI Expansion (§5.2.2) against a finished active context.

use std::borrow::Cow;

use super::active_context::ActiveContext;
use crate::error::Error;

/// A well-formed BCP 47 language tag (RFC 5646 §2.1, the shape: `alpha{1,8}(-alnum{1,8})*`),
/// lower-cased as jsonld.js does. Anything else is refused: a language tag is written raw into
/// the canonical N-Quads, so a malformed one could forge quads the signature covers.
///
/// # Errors
/// `invalid_json_ld`.
pub(crate) fn language_tag(tag: &str) -> Result<String, Error> {
    let mut subtags = tag.split('-');
    let well_formed =
        subtags.next().is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
            && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if well_formed {
        Ok(tag.to_ascii_lowercase())
    } else {
        Err(Error::InvalidJsonLd(format!(
            "{:?} is not a well-formed language tag",
            tag.chars().take(40).collect::<String>()
        )))
    }
}

/// The JSON-LD 1.1 keywords.
const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@default",
    "@direction",
    "@embed",
    "@explicit",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@omitDefault",
    "@prefix",
    "@preserve",
    "@propagate",
    "@protected",
    "@requireAll",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// Whether `s` is a JSON-LD keyword.
pub(crate) fn is_keyword(s: &str) -> bool {
    s.starts_with('@') && KEYWORDS.contains(&s)
}

/// `@` followed by ASCII letters only: reserved for future keywords, ignored by processors.
pub(crate) fn looks_like_keyword(s: &str) -> bool {
    s.strip_prefix('@').is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether `s` has a URI scheme (`scheme:…`), i.e. is an absolute IRI rather than a relative one,
/// and no character N-Quads cannot carry in an IRI (U+0000–U+0020, `<>"{}|^\` and backtick, and
/// other white space as jsonld.js sees it): written raw, such a character could end the IRI and
/// forge quads in the canonical form the signature covers.
pub(crate) fn is_absolute_iri(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else { return false };
    let mut bytes = scheme.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        && crate::rdf::is_iri_clean(s)
        && (s.is_ascii() || !s.contains(char::is_whitespace))
}

/// An `@id` or `@type` value as an absolute IRI or blank node identifier; anything that would
/// stay relative is refused (safe mode: there is no base IRI, so it would be dropped).
pub(crate) fn node_iri(active: &ActiveContext, value: &str, vocab: bool) -> Result<String, Error> {
    match expand_iri(active, value, vocab) {
        Some(iri) if is_absolute_iri(&iri) || iri.starts_with("_:") => Ok(iri.into_owned()),
        _ => Err(Error::UndefinedTerm(value.chars().take(200).collect())),
    }
}

/// IRI Expansion (§5.2.2) against a finished active context (no local context in progress).
/// Borrowed when the result is `value` itself or a term's IRI (the common cases: no allocation).
pub(crate) fn expand_iri<'a>(active: &'a ActiveContext, value: &'a str, vocab: bool) -> Option<Cow<'a, str>> {
    if is_keyword(value) {
        return Some(Cow::Borrowed(value));
    }
    if looks_like_keyword(value) {
        return None;
    }
    if vocab {
        if let Some(definition) = active.get(value) {
            return definition.iri.as_deref().map(Cow::Borrowed);
        }
    }
    if let Some((prefix, suffix)) = value.split_once(':') {
        if prefix == "_" || suffix.starts_with("//") {
            return Some(Cow::Borrowed(value));
        }
        if let Some(definition) = active.get(prefix) {
            if let (Some(iri), true) = (&definition.iri, definition.prefix) {
                return Some(Cow::Owned(format!("{iri}{suffix}")));
            }
        }
        if is_absolute_iri(value) {
            return Some(Cow::Borrowed(value));
        }
    }
    if vocab {
        if let Some(base) = &active.vocab {
            return Some(Cow::Owned(format!("{base}{value}")));
        }
    }
    Some(Cow::Borrowed(value)) // relative: callers refuse it
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_must_be_well_formed() {
        assert_eq!(language_tag("en-US").unwrap(), "en-us");
        assert_eq!(language_tag("zh-Hant-TW").unwrap(), "zh-hant-tw");
        for bad in [
            "",
            "en_US",
            "en .\n_:c14n0 <https://schema.org/description> \"forged",
            "e1",
            "toolongtag",
            "en-",
            "-en",
            "en--us",
        ] {
            assert_eq!(language_tag(bad).unwrap_err().code(), "invalid_json_ld", "{bad:?}");
        }
    }

    #[test]
    fn predicates() {
        assert!(is_keyword("@id") && !is_keyword("@foo") && !is_keyword("id"));
        assert!(looks_like_keyword("@foo") && !looks_like_keyword("@") && !looks_like_keyword("@foo1"));
        assert!(
            is_absolute_iri("https://x.example/a") && is_absolute_iri("urn:uuid:1") && is_absolute_iri("did:key:z")
        );
        for relative in
            ["a", "a/b", "1a:b", "", ":x", "https://x y", "_x:", "http://a/p> <http://b", "urn:x\u{1}", "urn:x\ny"]
        {
            assert!(!is_absolute_iri(relative), "{relative}");
        }
    }
}
