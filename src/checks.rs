//! The rule checks that need no key: `format`, `contexts`, `valid_from`, `valid_until`.
//! Each returns what passed (with its code) or the `Error` that failed it.

use serde_json::Value;

use crate::contexts::Contexts;
use crate::credential::{Credential, DateField, VcVersion};
use crate::error::Error;
use crate::jsonld::{self, Loader};
use crate::report::Passed;
use crate::timestamp::Timestamp;

/// The shape the data model requires: base context, `VerifiableCredential` type, an issuer id,
/// a subject, well-formed dates (and `issuanceDate` for VC 1.1).
/// See: <https://www.w3.org/TR/vc-data-model-2.0/#types>
///
/// # Errors
/// `invalid_base_context`, `missing_verifiable_credential_type`, `invalid_property`, `invalid_date`.
pub fn format(credential: &Credential) -> Result<Passed, Error> {
    if credential.version.is_none() {
        let first = credential.contexts().first().map(|c| c.to_string()).unwrap_or_default();
        return Err(Error::InvalidBaseContext(first.chars().take(200).collect()));
    }
    if !credential.types.iter().any(|t| t == "VerifiableCredential") {
        return Err(Error::NotVerifiableCredentialType);
    }
    if credential.issuer.as_deref().is_none_or(str::is_empty) {
        return Err(Error::InvalidProperty { property: "issuer", expected: "a URL, or an object with an id" });
    }
    if !matches!(credential.json.get("credentialSubject"), Some(Value::Object(_) | Value::Array(_))) {
        return Err(Error::InvalidProperty { property: "credentialSubject", expected: "an object" });
    }
    if credential.version == Some(VcVersion::V1_1) && credential.valid_from.is_none() {
        return Err(Error::InvalidProperty { property: "issuanceDate", expected: "present in a VC 1.1 credential" });
    }
    for field in [&credential.valid_from, &credential.valid_until].into_iter().flatten() {
        parse_date(field)?;
    }
    Ok(Passed::FormatValid)
}

/// Every `@context` entry is a known URL or a context object beside them (VC 2.0 §4.3; JSON-LD
/// 1.1 API §4.1.2 step 5.5). The objects are processed here, for every suite (the JCS ones never
/// expand the document), as the RDFC suites process them again: by the same rules and caps as the
/// bundled contexts, so one cannot redefine a protected VC or Open Badges term.
/// See: <https://www.w3.org/TR/vc-data-model-2.0/#contexts>
///
/// A context object is judged by JSON-LD processing, whose codes say more (`invalid_json_ld` for
/// a malformed one or a protected term redefined, `expansion_limit`, `unsupported_json_ld`), and
/// so is an entry that is neither (JSON-LD's "invalid local context": `invalid_json_ld`).
///
/// One rule more than JSON-LD's: no context object anywhere in the document (top, nested in a
/// node, or scoped inside a term definition) may define a term the card shows
/// (`badge::SHOWN_TERMS`): `inline_context`. An RDFC signature covers the RDF statements, not the
/// context, so a context the document carries could otherwise map the key the card reads (e.g.
/// `achievement` in an untyped node, where no protected definition governs it) to another signed
/// value, the statements and the signature unchanged. Terms it adds beside them are fine.
///
/// # Errors
/// `unknown_context` (`not_in_this_build` for a context this build leaves out), `inline_context`,
/// `invalid_json_ld`, `unsupported_json_ld`, `expansion_limit`.
pub fn contexts(credential: &Credential, known: &Contexts) -> Result<Passed, Error> {
    let mut defines_terms = false;
    for context in credential.contexts() {
        match context {
            Value::String(url) if known.is_known(url) => {}
            Value::String(url) => return Err(known.unknown(url)),
            _ => defines_terms = true,
        }
    }
    if let (true, Some(local)) = (defines_terms, credential.json.get("@context")) {
        jsonld::check_context(local, known)?;
    }
    no_shown_term_in(&credential.json)?;
    Ok(Passed::ContextsKnown)
}

/// `inline_context` when a context object anywhere in the node `members` defines a shown term.
fn no_shown_term_in(members: &serde_json::Map<String, Value>) -> Result<(), Error> {
    members.iter().try_for_each(|(key, member)| {
        if key == "@context" {
            defines_no_shown_term(member)
        } else {
            no_shown_term_redefined(member)
        }
    })
}

fn no_shown_term_redefined(value: &Value) -> Result<(), Error> {
    match value {
        Value::Object(members) => no_shown_term_in(members),
        Value::Array(items) => items.iter().try_for_each(no_shown_term_redefined),
        _ => Ok(()),
    }
}

/// Within one `@context` value: its objects' term names, and their scoped contexts in turn.
fn defines_no_shown_term(context: &Value) -> Result<(), Error> {
    match context {
        Value::Array(entries) => entries.iter().try_for_each(defines_no_shown_term),
        Value::Object(terms) => terms.iter().try_for_each(|(term, definition)| {
            let shown = crate::badge::SHOWN_TERMS.contains(&term.as_str());
            #[cfg(feature = "presentations")]
            let shown = shown || crate::badge::association::TERMS.contains(&term.as_str());
            if shown {
                return Err(Error::InlineContext(term.chars().take(64).collect()));
            }
            definition.get("@context").map_or(Ok(()), defines_no_shown_term)
        }),
        _ => Ok(()),
    }
}

/// The credential's start has been reached, allowing `skew` seconds of clock difference.
///
/// # Errors
/// `not_yet_valid`, `invalid_date`.
pub fn has_started(credential: &Credential, now: Timestamp, skew: i64) -> Result<Passed, Error> {
    let Some(field) = &credential.valid_from else {
        return Ok(Passed::NoValidFrom);
    };
    let valid_from = parse_date(field)?;
    if valid_from > now.plus_seconds(skew) {
        return Err(Error::NotYetValid { valid_from, now });
    }
    Ok(Passed::Started)
}

/// The credential's end has not passed, allowing `skew` seconds of clock difference.
///
/// # Errors
/// `expired`, `invalid_date`.
pub fn not_expired(credential: &Credential, now: Timestamp, skew: i64) -> Result<Passed, Error> {
    let Some(field) = &credential.valid_until else {
        return Ok(Passed::NoExpiry);
    };
    let valid_until = parse_date(field)?;
    if valid_until < now.plus_seconds(-skew) {
        return Err(Error::Expired { valid_until, now });
    }
    Ok(Passed::NotExpired)
}

/// The credential's revocation status. Status lists are not implemented yet: a credential that
/// has a `credentialStatus` gets this check *unchecked*, so it is never reported as verified.
///
/// # Errors
/// `status_not_checked` (outcome unchecked).
pub fn status(credential: &Credential) -> Result<Passed, Error> {
    let Some(status) = credential.json.get("credentialStatus") else {
        return Ok(Passed::NoStatus);
    };
    let first = match status {
        Value::Array(items) => items.first(),
        one => Some(one),
    };
    let kind = first.and_then(|s| s.get("type")).map(|t| match t {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    Err(Error::StatusNotChecked(kind.unwrap_or_else(|| "unknown type".into()).chars().take(100).collect()))
}

fn parse_date(field: &DateField) -> Result<Timestamp, Error> {
    let text = field.text.as_deref().unwrap_or("");
    Timestamp::parse(text)
        .ok_or_else(|| Error::InvalidDate { property: field.property, value: text.chars().take(64).collect() })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn credential(extra: Value) -> Credential {
        let mut base = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "credentialSubject": {"id": "did:example:subject"}
        });
        if let (Some(map), Value::Object(extra)) = (base.as_object_mut(), extra) {
            map.extend(extra);
        }
        Credential::from_json(base).unwrap()
    }

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn format_codes() {
        assert_eq!(format(&credential(json!({}))), Ok(Passed::FormatValid));
        let code = |extra| format(&credential(extra)).unwrap_err().code();
        assert_eq!(code(json!({"@context": ["https://example.org/ctx"]})), "invalid_base_context");
        assert_eq!(code(json!({"type": ["OpenBadgeCredential"]})), "missing_verifiable_credential_type");
        assert_eq!(code(json!({"issuer": {"name": "no id"}})), "invalid_property");
        assert_eq!(code(json!({"credentialSubject": "x"})), "invalid_property");
        assert_eq!(code(json!({"validFrom": "yesterday"})), "invalid_date");
        assert_eq!(code(json!({"@context": ["https://www.w3.org/2018/credentials/v1"]})), "invalid_property");
    }

    #[test]
    fn contexts_codes() {
        assert_eq!(contexts(&credential(json!({})), &Contexts::new()), Ok(Passed::ContextsKnown));
        let with = |ctx| {
            contexts(&credential(json!({"@context": ["https://www.w3.org/ns/credentials/v2", ctx]})), &Contexts::new())
                .unwrap_err()
                .code()
        };
        assert_eq!(with(json!("https://evil.example/ctx")), "unknown_context");
        let valid = |ctx| {
            contexts(&credential(json!({"@context": ["https://www.w3.org/ns/credentials/v2", ctx]})), &Contexts::new())
        };
        assert_eq!(valid(json!({"colour": "https://schema.org/color"})), Ok(Passed::ContextsKnown));
        assert_eq!(valid(json!({"@vocab": "https://vocab.example/#"})), Ok(Passed::ContextsKnown));
        // `name` is a protected term of the VC 2.0 context (JSON-LD's protected term redefinition).
        assert_eq!(with(json!({"name": "https://evil.example/name"})), "invalid_json_ld");
        assert_eq!(with(json!({"name": {"@id": "https://schema.org/name", "@type": "@id"}})), "invalid_json_ld");
        // The same definition again is no redefinition (JSON-LD 1.1 API §4.2.2 step 27.1), but
        // `name` is shown on the card: no context the credential carries may define it.
        assert_eq!(with(json!({"name": "https://schema.org/name"})), "inline_context");
        assert_eq!(with(json!(null)), "invalid_json_ld"); // nullifying protected terms
        assert_eq!(with(json!(42)), "invalid_json_ld");
        assert_eq!(with(json!({"@import": "https://x.example/c"})), "unsupported_json_ld");
        // Open Badges 2.0's context: bundled with `extra-contexts`, else named as left out.
        let ob2 = contexts(
            &credential(
                json!({"@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/openbadges/v2"]}),
            ),
            &Contexts::new(),
        );
        if cfg!(feature = "extra-contexts") {
            assert_eq!(ob2, Ok(Passed::ContextsKnown));
        } else {
            let error = ob2.unwrap_err();
            assert_eq!(error.code(), "not_in_this_build");
            assert!(error.to_string().contains("extra-contexts"), "{error}");
        }
    }

    #[test]
    fn validity_window_with_skew() {
        let c = credential(json!({"validFrom": "2024-01-01T00:00:00Z", "validUntil": "2025-01-01T00:00:00Z"}));
        assert_eq!(has_started(&c, at("2023-12-31T23:56:00Z"), 300), Ok(Passed::Started));
        assert_eq!(has_started(&c, at("2023-12-31T23:54:00Z"), 300).unwrap_err().code(), "not_yet_valid");
        assert_eq!(not_expired(&c, at("2025-01-01T00:04:00Z"), 300), Ok(Passed::NotExpired));
        assert_eq!(not_expired(&c, at("2025-01-01T00:06:00Z"), 300).unwrap_err().code(), "expired");
        let open = credential(json!({}));
        assert_eq!(has_started(&open, at("2000-01-01T00:00:00Z"), 0), Ok(Passed::NoValidFrom));
        assert_eq!(not_expired(&open, at("2999-01-01T00:00:00Z"), 0), Ok(Passed::NoExpiry));
    }
}
