//! Unit tests of the verification loop.

use serde_json::{json, Value};

use super::*;
use crate::report::Verdict;
use crate::timestamp::Timestamp;

const VALID: &str = include_str!("../../tests/fixtures/valid/open-badge-3.json");

fn options() -> Options {
    Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap_or(Timestamp::from_unix_seconds(0)))
}

fn valid() -> Value {
    serde_json::from_str(VALID).unwrap()
}

/// The valid fixture, issued by an HTTPS issuer whose profile must be fetched to bind the key.
fn https_issued() -> (Value, String) {
    let mut credential = valid();
    let issuer = "https://issuer.example/profile".to_owned();
    credential["issuer"]["id"] = json!(issuer);
    (credential, issuer)
}

#[test]
fn a_did_key_credential_needs_nothing() {
    let mut v = Verification::start(VALID.as_bytes(), &options(), Documents::new()).unwrap();
    assert!(v.needs().is_empty());
    assert_eq!(v.signatures_checked(), 1);
    assert_eq!(v.finish().verdict, Verdict::Verified);
}

#[test]
fn asks_for_the_issuer_profile_then_goes_on_without_checking_again() {
    let (credential, issuer) = https_issued();
    let bytes = credential.to_string();
    let mut v = Verification::start(bytes.as_bytes(), &options(), Documents::new()).unwrap();
    let needs = v.needs();
    assert_eq!(needs, [Need { id: issuer.clone(), url: Some(issuer.clone()), purpose: Purpose::ControllerDocument }]);
    // The did:key resolved and the signature was checked before the profile arrived (it fails
    // here: the issuer changed after signing) — and is not checked again after.
    assert_eq!(v.signatures_checked(), 1);
    let vm = credential["proof"]["verificationMethod"].as_str().unwrap().to_owned();
    v.provide(&issuer, json!({"id": issuer, "assertionMethod": [vm]}).to_string().as_bytes());
    assert!(v.needs().is_empty());
    assert_eq!(v.signatures_checked(), 1);
    let report = v.finish();
    let codes: Vec<&str> = report.checks.iter().map(|c| c.code).collect();
    assert!(codes.contains(&"key_bound_to_issuer"), "{codes:?}");
    assert!(codes.contains(&"signature_mismatch"), "{codes:?}");
}

#[test]
fn an_unavailable_document_ends_unchecked_with_its_reason() {
    let (credential, issuer) = https_issued();
    let mut v = Verification::start(credential.to_string().as_bytes(), &options(), Documents::new()).unwrap();
    assert_eq!(v.needs().len(), 1);
    v.unavailable(&issuer, Unavailable::HttpStatus(404));
    assert!(v.needs().is_empty());
    let report = v.finish();
    let key = report.checks.iter().find(|c| c.id == CheckId::IssuerKey).unwrap();
    assert_eq!(key.code, "document_unavailable");
    assert!(key.message.contains("HTTP 404"), "{}", key.message);
    assert_eq!(report.needs, [issuer]);
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn a_provided_document_is_as_hostile_as_the_credential() {
    let (credential, issuer) = https_issued();
    let mut v = Verification::start(credential.to_string().as_bytes(), &options(), Documents::new()).unwrap();
    v.needs();
    v.provide(&issuer, b"{\"id\": 1, \"id\": 2}");
    assert!(v.needs().is_empty(), "a document that does not parse is settled as unavailable");
    let report = v.finish();
    let key = report.checks.iter().find(|c| c.id == CheckId::IssuerKey).unwrap();
    assert_eq!(key.code, "document_unavailable");
    assert!(key.message.contains("malformed_json") || key.message.contains("duplicate"), "{}", key.message);
}

#[test]
fn finishing_early_counts_what_is_missing_as_not_provided() {
    let (credential, issuer) = https_issued();
    let v = Verification::start(credential.to_string().as_bytes(), &options(), Documents::new()).unwrap();
    let report = v.finish();
    assert_eq!(report.needs, [issuer]);
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn documents_are_bounded_however_many_one_round_asks_for() {
    // Twenty status entries, each naming its own list: only MAX_DOCUMENTS are ever handed out.
    let mut credential = valid();
    let entries: Vec<Value> = (0..20)
        .map(|n| {
            json!({"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "1",
                   "statusListCredential": format!("https://lists.example/{n}")})
        })
        .collect();
    credential["credentialStatus"] = Value::Array(entries);
    let mut v = Verification::start(credential.to_string().as_bytes(), &options(), Documents::new()).unwrap();
    let mut asked = 0;
    for _ in 0..100 {
        let needs = v.needs();
        if needs.is_empty() {
            break;
        }
        for need in needs {
            asked += 1;
            v.unavailable(&need.id, Unavailable::HttpStatus(404));
        }
    }
    assert_eq!(asked, MAX_DOCUMENTS);
    let report = v.finish();
    let statuses: Vec<&crate::report::Check> = report.checks.iter().filter(|c| c.id == CheckId::Status).collect();
    assert_eq!(statuses.len(), 20);
    assert!(statuses.iter().all(|c| c.code == "document_unavailable"), "{statuses:#?}");
    let refused = statuses.iter().filter(|c| c.message.contains("already used 16 documents")).count();
    assert_eq!(refused, 20 - MAX_DOCUMENTS);
    assert_ne!(report.verdict, Verdict::Verified);
}

#[test]
fn an_unsupported_format_needs_nothing() {
    let mut v = Verification::start(b"eyJhbGciOiJFUzUxMiJ9.eyJ2YyI6e319.c2ln", &options(), Documents::new()).unwrap();
    assert!(v.needs().is_empty());
    assert_eq!(v.finish().verdict, Verdict::Unsupported);
}

/// A presentation or a CLR is told apart before it is read: the page's core build (without
/// `presentations`) names the part it leaves out, so the loader verifies it with the full module;
/// a build with it reads the members (the report says what it is made of).
#[test]
fn presentations_and_clrs_need_the_presentations_part() {
    let presentation = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [valid()],
    });
    let mut clr = valid();
    clr["type"] = json!(["VerifiableCredential", "ClrCredential"]);
    for document in [presentation, clr] {
        let mut verification =
            Verification::start(document.to_string().as_bytes(), &options(), Documents::new()).unwrap();
        let _ = verification.needs();
        let report = verification.finish();
        let codes: Vec<&str> = report.checks.iter().map(|check| check.code).collect();
        if cfg!(feature = "presentations") {
            assert!(report.members.is_some(), "{codes:?}");
        } else {
            assert_eq!(report.verdict, Verdict::Unsupported, "{codes:?}");
            assert!(codes.contains(&"not_in_this_build"), "{codes:?}");
        }
    }
}

/// A presentation secured as a JWT (`vp+jwt`) needs both parts: a build without `jwt` names
/// that one (as for any token), a build with `jwt` but without `presentations` names the latter;
/// the full build reads its members.
#[test]
fn a_vp_jwt_needs_the_jwt_and_presentations_parts() {
    use base64ct::{Base64UrlUnpadded, Encoding};
    let b64 = |json: Value| Base64UrlUnpadded::encode_string(json.to_string().as_bytes());
    let presentation = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "VerifiablePresentation", "verifiableCredential": [valid()]});
    let token = format!("{}.{}.c2ln", b64(json!({"alg": "EdDSA", "typ": "vp+jwt"})), b64(presentation));
    let report = Verification::start(token.as_bytes(), &options(), Documents::new()).unwrap().finish();
    let codes: Vec<&str> = report.checks.iter().map(|check| check.code).collect();
    let messages: Vec<&str> = report.checks.iter().map(|check| check.message.as_str()).collect();
    if cfg!(all(feature = "jwt", feature = "presentations")) {
        assert_eq!(report.members.as_ref().map(|m| m.total), Some(1), "{codes:?}");
    } else {
        assert_eq!(report.verdict, Verdict::Unsupported, "{codes:?}");
        assert_eq!(codes, ["not_in_this_build"]);
        let part = if cfg!(feature = "jwt") { "\"presentations\"" } else { "\"jwt\"" };
        assert!(messages.iter().any(|m| m.contains(part)), "{messages:?}");
    }
}
