//! eddsa-jcs-2022 stage by stage against the W3C vc-di-eddsa vectors, so a failure names the
//! stage: canonical document, canonical proof config, both hashes, the signature.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use badge_verifier::key::multibase;
use badge_verifier::proof::eddsa_jcs_2022::{configure_proof, hash, transform};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

fn object(text: &str) -> Map<String, Value> {
    serde_json::from_str(text).unwrap()
}

#[test]
fn w3c_eddsa_jcs_2022_stages() {
    let Some(dir) = common::vectors_dir("eddsa-jcs-2022 stages") else { return };
    let path = |f: &str| format!("w3c-vc-di-eddsa/eddsa-jcs-2022/{f}");
    let mut signed = object(&common::read(&dir, &path("signedJCS.json")));
    let proof = signed.remove("proof").unwrap();
    let mut options = proof.as_object().unwrap().clone();
    let proof_value = options.remove("proofValue").unwrap();

    let canonical_document = transform(&signed).unwrap();
    assert_eq!(canonical_document, common::read(&dir, &path("canonDocJCS.txt")).trim_end(), "stage: transform");
    let document_hash = Sha256::digest(canonical_document.as_bytes());
    assert_eq!(
        common::to_hex(&document_hash),
        common::read(&dir, &path("docHashJCS.txt")).trim(),
        "stage: document hash"
    );

    assert_eq!(
        Value::Object(options.clone()),
        serde_json::from_str::<Value>(&common::read(&dir, &path("proofConfigJCS.json"))).unwrap()
    );
    let canonical_config = configure_proof(&options).unwrap();
    assert_eq!(canonical_config, common::read(&dir, &path("proofCanonJCS.txt")).trim_end(), "stage: configure_proof");
    let proof_hash = Sha256::digest(canonical_config.as_bytes());
    assert_eq!(common::to_hex(&proof_hash), common::read(&dir, &path("proofHashJCS.txt")).trim(), "stage: proof hash");

    let combined = hash(&canonical_document, &canonical_config);
    assert_eq!(common::to_hex(&combined), common::read(&dir, &path("combinedHashJCS.txt")).trim(), "stage: hash order");

    let signature = multibase::decode_base58btc(proof_value.as_str().unwrap()).unwrap();
    assert_eq!(common::to_hex(&signature), common::read(&dir, &path("sigHexJCS.txt")).trim(), "stage: proofValue");
    let key_pair: Value = serde_json::from_str(&common::read(&dir, "w3c-vc-di-eddsa/keyPair.json")).unwrap();
    let key = multibase::decode_ed25519_multikey(key_pair["publicKeyMultibase"].as_str().unwrap()).unwrap();
    let signature = ed25519_dalek::Signature::from_bytes(&signature.try_into().unwrap());
    key.verify_strict(&combined, &signature).expect("stage: signature");
}
