//! A credential issued by a `did:jwk` (Ed25519 OKP) verifies offline, like a `did:key`; the same
//! key published as an encryption key (`"use": "enc"`) never does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use badge_verifier::verify::{verify, Options};
use badge_verifier::{Documents, Timestamp, Verdict};
use base64ct::{Base64UrlUnpadded, Encoding};
use common::fixtures::{issuer_key, jcs_proof, open_badge, NOW};
use serde_json::{json, Value};

/// The `did:jwk` of the test issuer's key, with extra JWK members.
fn did_jwk(extra: Value) -> String {
    let x = Base64UrlUnpadded::encode_string(issuer_key().verifying_key().as_bytes());
    let mut jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": x});
    jwk.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    format!("did:jwk:{}", Base64UrlUnpadded::encode_string(jwk.to_string().as_bytes()))
}

fn issued_by(did: &str) -> Vec<u8> {
    let mut credential =
        open_badge("7c1f0b56-1a54-4f55-9a39-6e9d2b0c0d01", "did:jwk badge", "2024-01-01T00:00:00Z", None);
    credential["issuer"]["id"] = json!(did);
    let proof = jcs_proof(&credential, &issuer_key(), &format!("{did}#0"));
    credential.insert("proof".into(), proof);
    serde_json::to_vec(&credential).unwrap()
}

fn code_of(report: &badge_verifier::Report, id: &str) -> String {
    let checks = serde_json::to_value(&report.checks).unwrap();
    checks.as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["code"].as_str().unwrap().to_owned()
}

#[test]
fn a_did_jwk_issuer_verifies_offline() {
    let options = Options::at(Timestamp::parse(NOW).unwrap());
    let report = verify(&issued_by(&did_jwk(json!({}))), &options, &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::Verified, "{report:?}");
    assert_eq!(code_of(&report, "issuer_key"), "key_bound_to_issuer");

    let signing = did_jwk(json!({"use": "sig", "alg": "EdDSA"}));
    let report = verify(&issued_by(&signing), &options, &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::Verified, "{report:?}");
}

#[test]
fn an_encryption_did_jwk_cannot_issue() {
    let options = Options::at(Timestamp::parse(NOW).unwrap());
    let report = verify(&issued_by(&did_jwk(json!({"use": "enc"}))), &options, &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(code_of(&report, "issuer_key"), "key_not_bound_to_issuer");
}
