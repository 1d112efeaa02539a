//! Canonical N-Quads injection: nothing in a credential may reach the canonical form raw where
//! it could end a term and forge extra quads (a different JSON document with the same signed
//! bytes). Found by review of the RDFC writer: language tags and property IRIs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

use badge_verifier::{verify, Documents, Options, Outcome, Timestamp};
use serde_json::{json, Value};

const SIGNED: &str = include_str!("fixtures/valid/vc-2.0-minimal-eddsa-rdfc-2022.json");

fn proof_codes(credential: &Value) -> Vec<&'static str> {
    let options = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let report = verify(credential.to_string().as_bytes(), &options, &Documents::new()).unwrap();
    report.checks.iter().filter(|c| c.outcome == Outcome::Failed).map(|c| c.code).collect()
}

#[test]
fn a_language_tag_cannot_forge_quads() {
    let mut credential: Value = serde_json::from_str(SIGNED).unwrap();
    credential["credentialSubject"]["name"] =
        json!({"@value": "x", "@language": "en .\n_:c14n0 <https://schema.org/description> \"forged"});
    assert_eq!(proof_codes(&credential), ["invalid_json_ld"]);
}

#[test]
fn a_property_iri_cannot_forge_quads() {
    let mut credential: Value = serde_json::from_str(SIGNED).unwrap();
    credential["credentialSubject"]["https://example.org/p> \"x\" .\n<urn:s> <https://example.org/q"] = json!("y");
    assert_eq!(proof_codes(&credential), ["undefined_term"]);
}

#[test]
fn an_id_or_type_cannot_forge_quads() {
    let mut credential: Value = serde_json::from_str(SIGNED).unwrap();
    credential["credentialSubject"]["id"] = json!("did:example:carol> <urn:p> <urn:o");
    assert_eq!(proof_codes(&credential), ["undefined_term"]);
    let mut credential: Value = serde_json::from_str(SIGNED).unwrap();
    credential["type"] = json!(["VerifiableCredential", "urn:x\u{1}"]);
    assert_eq!(proof_codes(&credential), ["undefined_term"]);
}
