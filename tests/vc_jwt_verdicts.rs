//! VC-JWTs through the whole pipeline, signed in the test by the project's test issuer (fixed
//! seeds): each way a token can be right or wrong, judged by its verdict and the stable code of
//! the check that decides it. Third-party tokens are judged in tests/conformance.rs.
#![cfg(feature = "jwt")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code

mod common;

use badge_verifier::{verify, CheckId, Documents, Options, Outcome, Report, Timestamp, Verdict};
use base64ct::{Base64UrlUnpadded, Encoding};
use common::fixtures;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};

fn options() -> Options {
    Options::at(Timestamp::parse(fixtures::NOW).unwrap())
}

fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// A compact JWS of `payload` under `header`, signed by `key`.
fn sign(header: &Value, payload: &Value, key: &SigningKey) -> String {
    let input = format!("{}.{}", b64(header.to_string().as_bytes()), b64(payload.to_string().as_bytes()));
    let signature = key.sign(input.as_bytes());
    format!("{input}.{}", b64(&signature.to_bytes()))
}

fn badge() -> Value {
    Value::Object(fixtures::open_badge(
        "7d6ab1c8-2c55-4c1e-9d6f-0a3b7f9e2a11",
        "JWT Badge",
        "2026-01-01T00:00:00Z",
        None,
    ))
}

fn issuer_header() -> Value {
    json!({"alg": "EdDSA", "typ": "vc+jwt", "kid": fixtures::method(&fixtures::issuer_key())})
}

fn run(token: &str, options: &Options) -> Report {
    verify(token.as_bytes(), options, &Documents::new()).unwrap()
}

fn check(report: &Report, id: CheckId) -> (Outcome, &'static str) {
    let check = report.checks.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no {id:?} in {report:?}"));
    (check.outcome, check.code)
}

#[test]
fn a_vc_jwt_signed_by_the_issuers_key_is_verified() {
    let report = run(&sign(&issuer_header(), &badge(), &fixtures::issuer_key()), &options());
    assert_eq!(report.verdict, Verdict::Verified, "{report:?}");
    assert_eq!(check(&report, CheckId::IssuerKey), (Outcome::Passed, "key_bound_to_issuer"));
    assert_eq!(check(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert!(report.badge.is_some(), "the card shows the badge");
}

#[test]
fn a_vc_1_1_jwt_vc_with_registered_claims_is_verified() {
    let mut vc = badge();
    let issuer = vc["issuer"]["id"].as_str().unwrap().to_owned();
    vc.as_object_mut().unwrap().remove("id");
    let claims = json!({"vc": vc, "iss": issuer, "jti": "urn:uuid:1", "nbf": 1_767_225_600});
    let header = json!({"alg": "EdDSA", "typ": "JWT", "kid": fixtures::method(&fixtures::issuer_key())});
    let report = run(&sign(&header, &claims, &fixtures::issuer_key()), &options());
    assert_eq!(report.verdict, Verdict::Verified, "{report:?}");
}

#[test]
fn a_changed_payload_fails_the_signature() {
    let token = sign(&issuer_header(), &badge(), &fixtures::issuer_key());
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut changed = badge();
    changed["name"] = json!("Forged Badge");
    parts[1] = b64(changed.to_string().as_bytes());
    let report = run(&parts.join("."), &options());
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(check(&report, CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
}

#[test]
fn someone_elses_key_is_not_the_issuers() {
    let other = fixtures::other_key();
    let header = json!({"alg": "EdDSA", "kid": fixtures::method(&other)});
    let report = run(&sign(&header, &badge(), &other), &options());
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(check(&report, CheckId::IssuerKey), (Outcome::Failed, "key_not_bound_to_issuer"));
}

fn header_jwk(key: &SigningKey) -> Value {
    json!({"alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": b64(key.verifying_key().as_bytes())}})
}

#[test]
fn a_key_carried_in_the_header_is_only_a_warning_and_never_a_trusted_issuer() {
    // Anyone can sign with a key of their own and name any issuer: the signature holds, the
    // issuer is not shown to have signed.
    let other = fixtures::other_key();
    let report = run(&sign(&header_jwk(&other), &badge(), &other), &options());
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings, "{report:?}");
    assert_eq!(check(&report, CheckId::IssuerKey), (Outcome::Warning, "key_not_published_by_issuer"));
    assert_eq!(check(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));

    let issuer = badge()["issuer"]["id"].as_str().unwrap().to_owned();
    let mut trusting = options();
    trusting.trusted_issuers = Some(vec![issuer]);
    let report = run(&sign(&header_jwk(&other), &badge(), &other), &trusting);
    assert_eq!(report.verdict, Verdict::NotVerified, "{report:?}");
    assert_eq!(check(&report, CheckId::IssuerTrust), (Outcome::Failed, "issuer_not_trusted"));

    let tampered = sign(&header_jwk(&other), &badge(), &fixtures::issuer_key());
    assert_eq!(check(&run(&tampered, &options()), CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
}

#[test]
fn a_token_without_a_key_reference_cannot_be_checked() {
    let report = run(&sign(&json!({"alg": "EdDSA"}), &badge(), &fixtures::issuer_key()), &options());
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(check(&report, CheckId::IssuerKey), (Outcome::Failed, "missing_verification_method"));
}

#[test]
fn refused_headers_have_their_codes_and_verdicts() {
    let key = fixtures::issuer_key();
    let cases = [
        (json!({"alg": "none"}), Verdict::NotVerified, "jws_algorithm_none"),
        (json!({"alg": "HS256"}), Verdict::NotVerified, "jws_algorithm_not_allowed"),
        (json!({"alg": "EdDSA", "crit": ["exp"], "exp": 1}), Verdict::NotVerified, "jws_critical_header_unsupported"),
        (json!({"alg": "ES512"}), Verdict::Unsupported, "jws_algorithm_unsupported"),
    ];
    for (header, verdict, code) in cases {
        let report = run(&sign(&header, &badge(), &key), &options());
        assert_eq!(report.verdict, verdict, "{header}");
        assert_eq!(check(&report, CheckId::Proof), (Outcome::Failed, code), "{header}");
    }
    let mut claims = badge();
    claims["vc"] = json!({});
    let report = run(&sign(&issuer_header(), &claims, &key), &options());
    assert_eq!(check(&report, CheckId::Format), (Outcome::Failed, "jwt_claims_invalid"));
    let bad_type = json!({"alg": "EdDSA", "typ": "bad+typ", "kid": fixtures::method(&key)});
    let report = run(&sign(&bad_type, &badge(), &key), &options());
    assert_eq!(check(&report, CheckId::Format), (Outcome::Failed, "jws_media_type_invalid"));
}

#[test]
fn the_tokens_own_window_bounds_the_credential() {
    let key = fixtures::issuer_key();
    let now = Timestamp::parse(fixtures::NOW).unwrap().unix_seconds();
    let mut expired = badge();
    expired["exp"] = json!(now - 3600);
    let report = run(&sign(&issuer_header(), &expired, &key), &options());
    assert_eq!(report.verdict, Verdict::Expired, "{report:?}");
    assert_eq!(check(&report, CheckId::ValidUntil), (Outcome::Failed, "expired"));
    let mut early = badge();
    early["nbf"] = json!(now + 3600);
    let report = run(&sign(&issuer_header(), &early, &key), &options());
    assert_eq!(report.verdict, Verdict::NotYetValid, "{report:?}");
    assert_eq!(check(&report, CheckId::ValidFrom), (Outcome::Failed, "not_yet_valid"));
}

#[test]
fn an_algorithm_the_key_cannot_make_is_algorithm_confusion() {
    let key = fixtures::issuer_key();
    for alg in ["ES256", "RS256", "PS256"] {
        let header = json!({"alg": alg, "kid": fixtures::method(&key)});
        let report = run(&sign(&header, &badge(), &key), &options());
        assert_eq!(report.verdict, Verdict::NotVerified, "{alg}");
        assert_eq!(check(&report, CheckId::Proof), (Outcome::Failed, "algorithm_key_mismatch"), "{alg}");
    }
    // A header JWK that restricts itself to another algorithm is not used for this one.
    let mut header = header_jwk(&key);
    header["jwk"]["alg"] = json!("ES256");
    let report = run(&sign(&header, &badge(), &key), &options());
    assert_eq!(check(&report, CheckId::IssuerKey).1, "algorithm_key_mismatch");
}

#[test]
fn committed_jwt_fixtures_are_the_generated_ones_and_judged_as_named() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jwt");
    let write = std::env::var("BADGE_VERIFIER_WRITE_FIXTURES").is_ok_and(|v| v == "1");
    for (name, token) in fixtures::jwt::all() {
        let file = dir.join(name);
        if write {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&file, &token).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(&file).unwrap_or_default(),
            token,
            "{name} is stale: rerun with BADGE_VERIFIER_WRITE_FIXTURES=1"
        );
        let report = run(&token, &options());
        if name.starts_with("signature_mismatch") {
            assert_eq!(check(&report, CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
        } else {
            assert_eq!(report.verdict, Verdict::Verified, "{name}");
        }
    }
}
