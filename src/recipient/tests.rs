//! Unit tests of the parent module.
use serde_json::json;

use super::*;

const LOWER_SHA256: &str = "sha256$5040ea7dd6be7e14032bb241b4ec23983e2751b66e74746f383e416d2a541b26"; // alice@example.org + pepper
const AS_ENTERED_SHA256: &str = "sha256$0895c24b19fee37adf6a311e1f184f4faa0b76394bc2ddc02beba0cb03616a5d"; // Alice@Example.org + pepper
const LOWER_MD5: &str = "md5$d8f6b2a7d7c9fd66a044603aa849ddbd";
const UNSALTED_SHA256: &str = "sha256$7a64adf28737ea90719cbdf0b1a87a5effff3753b79c91d717f4f4153ead0498";
const URL_SHA256: &str = "sha256$1bfca44646fbe50add916401742d744da59afb94ec1bac2ea3d22c0920bc78b2"; // https://alice.example/ + pepper
const PHONE_MD5: &str = "md5$3538218e2d157f1fe9ffd0ebaf8dd716"; // +15555550100, no salt

fn credential(subject: Value) -> Value {
    json!({"type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": subject})
}

fn identity(hash: &str, hashed: bool, salt: Option<&str>) -> Value {
    let mut object =
        json!({"type": "IdentityObject", "identityType": "emailAddress", "identityHash": hash, "hashed": hashed});
    if let (Some(salt), Value::Object(fields)) = (salt, &mut object) {
        fields.insert("salt".to_owned(), json!(salt));
    }
    object
}

#[test]
fn hashed_identities_match_with_salt_appended() {
    assert_eq!(identity_matches(LOWER_SHA256, true, Some("pepper"), "alice@example.org"), Ok(true));
    assert_eq!(identity_matches(LOWER_MD5, true, Some("pepper"), "alice@example.org"), Ok(true));
    assert_eq!(identity_matches(UNSALTED_SHA256, true, None, "alice@example.org"), Ok(true));
    assert_eq!(identity_matches(UNSALTED_SHA256, true, Some(""), "alice@example.org"), Ok(true));
    assert_eq!(identity_matches(LOWER_SHA256, true, None, "alice@example.org"), Ok(false), "salt needed");
    assert_eq!(identity_matches(LOWER_SHA256, true, Some("salt"), "alice@example.org"), Ok(false));
    assert_eq!(identity_matches(LOWER_SHA256, true, Some("pepper"), "bob@example.org"), Ok(false));
    assert_eq!(identity_matches(URL_SHA256, true, Some("pepper"), "https://alice.example/"), Ok(true));
    assert_eq!(identity_matches(PHONE_MD5, true, None, "+15555550100"), Ok(true));
}

#[test]
fn hex_and_algorithm_names_are_case_insensitive_and_strict() {
    let upper = format!("SHA256${}", LOWER_SHA256.trim_start_matches("sha256$").to_uppercase());
    assert_eq!(identity_matches(&upper, true, Some("pepper"), "alice@example.org"), Ok(true));
    // Truncated, over-long or non-hex digests never match.
    let short = &LOWER_SHA256[..LOWER_SHA256.len() - 2];
    assert_eq!(identity_matches(short, true, Some("pepper"), "alice@example.org"), Ok(false));
    assert_eq!(identity_matches(&format!("{LOWER_SHA256}00"), true, Some("pepper"), "alice@example.org"), Ok(false));
    // Byte 8 is 0x03: "+3" parses as 3 in Rust's from_str_radix, but is not hex.
    let plus = LOWER_SHA256.replacen("1403", "14+3", 1);
    assert_ne!(plus, LOWER_SHA256);
    assert_eq!(identity_matches(&plus, true, Some("pepper"), "alice@example.org"), Ok(false));
}

#[test]
fn e_mail_is_trimmed_and_case_insensitive() {
    // Plain values.
    assert_eq!(identity_matches("alice@example.org", false, None, "  Alice@Example.ORG\n"), Ok(true));
    assert_eq!(identity_matches(" Alice@example.org ", false, Some("ignored"), "alice@example.org"), Ok(true));
    // Hashed: the lower-cased address, and the address as given.
    assert_eq!(identity_matches(LOWER_SHA256, true, Some("pepper"), "Alice@Example.org"), Ok(true));
    assert_eq!(identity_matches(AS_ENTERED_SHA256, true, Some("pepper"), " Alice@Example.org"), Ok(true));
    // Limit: a hash of capitals the host does not type is not found.
    assert_eq!(identity_matches(AS_ENTERED_SHA256, true, Some("pepper"), "alice@example.org"), Ok(false));
}

#[test]
fn other_values_compare_as_written() {
    assert_eq!(identity_matches("https://alice.example/Me", false, None, "https://alice.example/Me"), Ok(true));
    assert_eq!(identity_matches("https://alice.example/Me", false, None, "https://alice.example/me"), Ok(false));
    assert_eq!(identity_matches("did:key:z6MkABC", false, None, "did:key:z6Mkabc"), Ok(false));
    assert_eq!(identity_matches("mailto:alice@example.org", false, None, "MAILTO:alice@example.org"), Ok(false));
    let url_upper = "HTTPS://ALICE.EXAMPLE/";
    assert_eq!(identity_matches(URL_SHA256, true, Some("pepper"), url_upper), Ok(false), "no lower-casing of URLs");
    assert_eq!(identity_matches("", false, None, ""), Ok(false), "blank never matches");
}

#[test]
fn unknown_algorithms_are_named() {
    let sha512 = "sha512$0000";
    assert_eq!(
        identity_matches(sha512, true, None, "alice@example.org"),
        Err(Error::UnsupportedIdentityHash("sha512".into()))
    );
    assert_eq!(identity_matches("deadbeef", true, None, "a@b.c"), Err(Error::UnsupportedIdentityHash("none".into())));
    // Unhashed, a `$` is just a character.
    assert_eq!(identity_matches(sha512, false, None, "alice@example.org"), Ok(false));
    assert_eq!(Error::UnsupportedIdentityHash("sha512".into()).code(), "unsupported_identity_hash");
}

#[test]
fn check_without_recipient_is_not_applicable() {
    let credential = credential(json!({"identifier": [identity(LOWER_SHA256, true, Some("pepper"))]}));
    assert_eq!(check(&credential, None), Ok(Passed::NoRecipientGiven));
    assert_eq!(check(&credential, Some(" ")).unwrap_err().code(), "invalid_options");
}

#[test]
fn check_matches_any_identifier_of_any_subject() {
    let subject = json!([
        {"id": "did:example:bob", "identifier": identity("bob@example.org", false, None)},
        {"identifier": [identity("sha256$00", true, None), identity(LOWER_SHA256, true, Some("pepper"))]},
    ]);
    let credential = credential(subject);
    assert_eq!(check(&credential, Some("Alice@example.org")), Ok(Passed::RecipientMatches));
    assert_eq!(check(&credential, Some("bob@example.org")), Ok(Passed::RecipientMatches));
    assert_eq!(check(&credential, Some("did:example:bob")), Ok(Passed::RecipientMatches));
    assert_eq!(check(&credential, Some("carol@example.org")), Err(Error::RecipientMismatch));
    assert_eq!(Error::RecipientMismatch.code(), "recipient_mismatch");
}

#[test]
fn check_matches_the_subject_id_exactly() {
    let credential = credential(json!({"id": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}));
    let did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    assert_eq!(check(&credential, Some(did)), Ok(Passed::RecipientMatches));
    assert_eq!(check(&credential, Some(&did.to_lowercase())), Err(Error::RecipientMismatch));
    assert_eq!(check(&credential, Some(&format!("{did}#key"))), Err(Error::RecipientMismatch));
}

#[test]
fn check_needs_something_to_compare() {
    for subject in [
        json!({"name": "Alice"}),
        json!({"identifier": []}),
        json!({"identifier": [{"type": "IdentityObject", "hashed": false}]}),
        json!([]),
        json!("did:example:alice"),
    ] {
        assert_eq!(
            check(&credential(subject.clone()), Some("alice@example.org")),
            Err(Error::NoRecipientIdentifier),
            "{subject}"
        );
    }
    assert_eq!(check(&json!({}), Some("alice@example.org")), Err(Error::NoRecipientIdentifier));
    assert_eq!(Error::NoRecipientIdentifier.code(), "no_recipient_identifier");
}

#[test]
fn an_unknown_algorithm_fails_only_when_nothing_else_matches() {
    let subject =
        json!({"identifier": [identity("sha512$00", true, None), identity("alice@example.org", false, None)]});
    let credential = credential(subject);
    assert_eq!(check(&credential, Some("alice@example.org")), Ok(Passed::RecipientMatches));
    assert_eq!(check(&credential, Some("bob@example.org")), Err(Error::UnsupportedIdentityHash("sha512".into())));
}
