//! ecdsa-rdfc-2019 and ecdsa-jcs-2019 stage by stage against the W3C vc-di-ecdsa vectors (P-256
//! and P-384), so a failure names the stage: canonical document, proof configuration, canonical
//! proof configuration, both hashes (SHA-256 or SHA-384 as the curve says), their order, the
//! decoded proofValue, the signature.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(not(target_arch = "wasm32"), feature = "ecdsa"))]

mod common;

use std::path::Path;

use badge_verifier::key::{multibase, Algorithm};
use badge_verifier::proof::{self, ecdsa, ecdsa_jcs_2019, ecdsa_rdfc_2019};
use badge_verifier::{verify, CheckId, Contexts, Documents, Options, Outcome, Timestamp, Verdict};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256, Sha384};

/// One vector folder: its files are `<stage><suffix>.txt|json`.
struct Vector<'a> {
    folder: &'a str,
    suffix: &'a str,
    jcs: bool,
    key_pair: &'a str,
    algorithm: Algorithm,
}

fn check(dir: &Path, v: &Vector<'_>) {
    let read = |stage: &str, ext: &str| common::read(dir, &format!("{}/{stage}{}.{ext}", v.folder, v.suffix));
    let name = v.folder;
    let mut signed: Map<String, Value> = serde_json::from_str(&read("signed", "json")).unwrap();
    let proof_json = signed.remove("proof").unwrap();
    let proof = proof::read(&proof_json, Timestamp::from_unix_seconds(0), 0).unwrap();
    let contexts = Contexts::new();
    let (canonical_document, options, canonical_config) = if v.jcs {
        let (document, options) = proof::document_and_options(&signed, &proof).unwrap();
        let config = ecdsa_jcs_2019::configure_proof(&options).unwrap();
        (ecdsa_jcs_2019::transform(&document).unwrap(), options, config)
    } else {
        let (document, options) = ecdsa_rdfc_2019::transform_inputs(&signed, &proof).unwrap();
        let config = ecdsa_rdfc_2019::configure_proof(&options, v.algorithm, &contexts).unwrap();
        (ecdsa_rdfc_2019::transform(&document, v.algorithm, &contexts).unwrap(), options, config)
    };
    assert_eq!(canonical_document.trim_end(), read("canonDoc", "txt").trim_end(), "{name}: stage transform");
    let config_vector: Value = serde_json::from_str(&read("proofConfig", "json")).unwrap();
    assert_eq!(Value::Object(options), config_vector, "{name}: stage proof configuration");
    assert_eq!(canonical_config.trim_end(), read("proofCanon", "txt").trim_end(), "{name}: stage configure_proof");
    let digest = |s: &str| match v.algorithm {
        Algorithm::ES384 => common::to_hex(&Sha384::digest(s.as_bytes())),
        _ => common::to_hex(&Sha256::digest(s.as_bytes())),
    };
    assert_eq!(digest(&canonical_document), read("docHash", "txt").trim(), "{name}: stage document hash");
    assert_eq!(digest(&canonical_config), read("proofHash", "txt").trim(), "{name}: stage proof hash");
    let combined = ecdsa::hash(v.algorithm, &canonical_document, &canonical_config);
    assert_eq!(common::to_hex(&combined), read("combinedHash", "txt").trim(), "{name}: stage hash order");

    let proof_value = proof_json["proofValue"].as_str().unwrap();
    assert_eq!(proof_value, read("sigBTC58", "txt").trim(), "{name}: stage proofValue");
    assert_eq!(common::to_hex(&proof.signature), read("sigHex", "txt").trim(), "{name}: stage signature bytes");
    let key_pair: Value = serde_json::from_str(&common::read(dir, v.key_pair)).unwrap();
    let key = multibase::decode_multikey(key_pair["publicKeyMultibase"].as_str().unwrap()).unwrap();
    assert_eq!(ecdsa::algorithm(&key, &proof.signature), Ok(v.algorithm), "{name}: stage curve picks the algorithm");
    key.verify(v.algorithm, &combined, &proof.signature).unwrap_or_else(|e| panic!("{name}: stage signature: {e}"));
    // The whole suite, as the verifier runs it.
    proof::signature_matches(&signed, &proof, &key, &contexts).unwrap_or_else(|e| panic!("{name}: suite: {e}"));
}

const P256: &str = "w3c-vc-di-ecdsa/p256KeyPair.json";
const P384: &str = "w3c-vc-di-ecdsa/p384KeyPair.json";

#[test]
fn w3c_ecdsa_rdfc_2019_stages() {
    let Some(dir) = common::vectors_dir("ecdsa-rdfc-2019 stages") else { return };
    for (folder, suffix, key_pair, algorithm) in [
        ("w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256", "ECDSAP256", P256, Algorithm::ES256),
        ("w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ", "ECDSAP256", P256, Algorithm::ES256),
        ("w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p384", "ECDSAP384", P384, Algorithm::ES384),
        ("w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ", "ECDSAP384", P384, Algorithm::ES384),
    ] {
        check(&dir, &Vector { folder, suffix, jcs: false, key_pair, algorithm });
    }
}

#[test]
fn w3c_ecdsa_jcs_2019_stages() {
    let Some(dir) = common::vectors_dir("ecdsa-jcs-2019 stages") else { return };
    for (folder, suffix, key_pair, algorithm) in [
        ("w3c-vc-di-ecdsa/ecdsa-jcs-2019-p256", "JCSECDSAP256", P256, Algorithm::ES256),
        ("w3c-vc-di-ecdsa/ecdsa-jcs-2019-p384", "JCSECDSAP384", P384, Algorithm::ES384),
    ] {
        check(&dir, &Vector { folder, suffix, jcs: true, key_pair, algorithm });
    }
}

/// The employ vectors are signed by a did:key that is not their did:key issuer: the signature
/// verifies, the key is not the issuer's (conformance.rs lists them as exceptions for this).
#[test]
fn employ_vectors_verify_but_their_key_is_not_the_issuers() {
    let Some(dir) = common::vectors_dir("ecdsa-rdfc-2019 employ verdicts") else { return };
    let options = Options::at(Timestamp::parse("2026-11-01T00:00:00Z").unwrap());
    for path in [
        "w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json",
        "w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json",
    ] {
        let report = verify(common::read(&dir, path).as_bytes(), &options, &Documents::new()).unwrap();
        let check = |id| report.checks.iter().find(|c| c.id == id).unwrap();
        assert_eq!(check(CheckId::Proof).outcome, Outcome::Passed, "{path}");
        assert_eq!(check(CheckId::IssuerKey).code, "key_not_bound_to_issuer", "{path}");
        assert_eq!(report.verdict, Verdict::NotVerified, "{path}");
    }
}

/// The vc-di-ecdsa test suite's truncated proofValues (last base58 character removed) still
/// decode to the curve's length (64 / 96 bytes), as another `r ‖ s`: `signature_mismatch`.
#[test]
fn truncated_proof_values_are_signature_mismatches() {
    let Some(dir) = common::vectors_dir("ecdsa-jcs-2019 negative vectors") else { return };
    let options = Options::at(Timestamp::parse("2026-11-01T00:00:00Z").unwrap());
    for curve in ["p256", "p384"] {
        let path = format!("w3c-vc-di-ecdsa-test-suite/ecdsa-jcs-2019-{curve}.neg-proofvalue-truncated.json");
        let report = verify(common::read(&dir, &path).as_bytes(), &options, &Documents::new()).unwrap();
        let proof = report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
        assert_eq!((proof.outcome, proof.code), (Outcome::Failed, "signature_mismatch"), "{path}");
    }
}
