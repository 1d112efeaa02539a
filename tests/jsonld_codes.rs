//! The JSON-LD and RDFC suite codes that no fixture or vector pins on its own: `expansion_limit`,
//! `unsupported_json_ld`, and the `eddsa-2022` legacy name accepted with a warning.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use badge_verifier::{jsonld, verify, CheckId, Contexts, Documents, Options, Outcome, Timestamp, Verdict};
use common::fixtures;
use serde_json::{json, Value};

fn options() -> Options {
    Options::at(Timestamp::parse(fixtures::NOW).unwrap())
}

#[test]
fn expansion_work_is_capped() {
    let mut document = fixtures::minimal_vc2();
    document["credentialSubject"]["name"] = Value::Array(vec![json!("x"); jsonld::MAX_WORK + 1]);
    assert_eq!(jsonld::to_rdf(&document, &Contexts::new()).unwrap_err().code(), "expansion_limit");
}

#[test]
fn features_outside_the_subset_fail_closed() {
    let url = "https://badge-verifier.example/contexts/nested.jsonld";
    let mut contexts = Contexts::new();
    contexts
        .register(
            url,
            br#"{"@context": {"details": "@nest", "colour": {"@id": "https://x.example/c", "@nest": "details"}}}"#,
        )
        .unwrap();
    let mut document = fixtures::minimal_vc2();
    document["@context"] = json!(["https://www.w3.org/ns/credentials/v2", url]);
    document["credentialSubject"]["details"] = json!({"colour": "teal"});
    assert_eq!(jsonld::to_rdf(&document, &contexts).unwrap_err().code(), "unsupported_json_ld");
}

#[test]
fn the_pre_standard_name_eddsa_2022_verifies_with_a_warning() {
    let mut credential = fixtures::minimal_vc2();
    let proof = fixtures::rdfc_proof(
        &credential,
        &fixtures::issuer_key(),
        &fixtures::method(&fixtures::issuer_key()),
        "eddsa-2022",
    );
    credential.insert("proof".into(), proof);
    let report = verify(Value::Object(credential).to_string().as_bytes(), &options(), &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    let proof_check = report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
    assert_eq!((proof_check.outcome, proof_check.code), (Outcome::Warning, "signature_valid_legacy_name"));
}
