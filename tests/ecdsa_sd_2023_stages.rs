//! ecdsa-sd-2023 stage by stage against the W3C vc-di-ecdsa vectors (`employ` and `prc`), so a
//! failure names the stage. Verifier stages: the derived proof value (CBOR), the relabelled
//! canonical N-Quads, createVerifyData, the base signature, each statement's signature. Issuer
//! stages that need no JSON-pointer selection: the canonical document, its HMAC relabelling, the
//! canonical proof configuration, both hashes, the base signature over them. And the
//! vc-di-ecdsa test suite's negative proof values.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(not(target_arch = "wasm32"), feature = "ecdsa"))]

mod common;

use std::path::Path;

use badge_verifier::key::{multibase, Algorithm};
use badge_verifier::proof::canonical::canonical_nquads;
use badge_verifier::proof::ecdsa_sd_2023::{self, labels, proof_value};
use badge_verifier::rdf::Quad;
use badge_verifier::rdfc::{self, Limits};
use badge_verifier::{jsonld, verify, CheckId, Contexts, Documents, Options, Outcome, Timestamp};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

const EXAMPLES: [&str; 2] = ["employ", "prc"];

fn json(dir: &Path, example: &str, file: &str) -> Value {
    serde_json::from_str(&common::read(dir, &format!("w3c-vc-di-ecdsa/ecdsa-sd-2023/{example}/{file}"))).unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

fn key_material(dir: &Path) -> Value {
    serde_json::from_str(&common::read(dir, "w3c-vc-di-ecdsa/ecdsa-sd-2023/SDKeyMaterial.json")).unwrap()
}

/// The revealed document without its proof, and the proof.
fn reveal(dir: &Path, example: &str) -> (Map<String, Value>, Map<String, Value>) {
    let Value::Object(mut document) = json(dir, example, "derivedRevealDocument.json") else { panic!() };
    let Some(Value::Object(proof)) = document.remove("proof") else { panic!() };
    (document, proof)
}

#[test]
fn derived_proof_value_stage() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 stages") else { return };
    for example in EXAMPLES {
        let (_, proof) = reveal(&dir, example);
        let parsed = proof_value::parse_derived(proof["proofValue"].as_str().unwrap())
            .unwrap_or_else(|e| panic!("{example}: stage parseDerivedProofValue: {e}"));
        let expected = json(&dir, example, "verifyDerivedProofValue.json");
        let stage = |what: &str| format!("{example}: stage parseDerivedProofValue, {what}");
        assert_eq!(common::to_hex(&parsed.base_signature), expected["baseSignature"], "{}", stage("baseSignature"));
        let public_key = format!("z{}", bs58::encode(&parsed.public_key).into_string());
        assert_eq!(public_key, expected["publicKey"], "{}", stage("publicKey"));
        let signatures: Vec<String> = parsed.signatures.iter().map(|s| common::to_hex(s)).collect();
        assert_eq!(signatures, strings(&expected["signatures"]), "{}", stage("signatures"));
        let label_map: Vec<(String, String)> = labels::decompress(&parsed.label_map).unwrap().into_iter().collect();
        let expected_map: Vec<(String, String)> = expected["labelMap"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(label_map, expected_map, "{}", stage("labelMap"));
        let indexes: Vec<usize> = serde_json::from_value(expected["mandatoryIndexes"].clone()).unwrap();
        assert_eq!(parsed.mandatory_indexes, indexes, "{}", stage("mandatoryIndexes"));
    }
}

#[test]
fn relabelled_nquads_and_verify_data_stages() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 stages") else { return };
    let contexts = Contexts::new();
    for example in EXAMPLES {
        let (document, proof) = reveal(&dir, example);
        let parsed = proof_value::parse_derived(proof["proofValue"].as_str().unwrap()).unwrap();
        let labels = labels::decompress(&parsed.label_map).unwrap();
        let quads = jsonld::to_rdf(&document, &contexts).unwrap();
        let nquads = labels::relabelled_canonical_nquads(&quads, &labels).unwrap();
        assert_eq!(nquads, strings(&json(&dir, example, "verifyNQuads.json")), "{example}: stage relabelled N-Quads");

        let data = ecdsa_sd_2023::create_verify_data(&document, &proof, &contexts).unwrap();
        let expected = json(&dir, example, "verifyCreateVerifyData.json");
        let stage = |what: &str| format!("{example}: stage createVerifyData, {what}");
        assert_eq!(common::to_hex(&data.proof_hash), expected["proofHash"], "{}", stage("proofHash"));
        assert_eq!(data.non_mandatory, strings(&expected["nonMandatory"]), "{}", stage("nonMandatory"));
        assert_eq!(common::to_hex(&data.mandatory_hash), expected["mandatoryHash"], "{}", stage("mandatoryHash"));
        assert_eq!(common::to_hex(&data.base_signature), expected["baseSignature"], "{}", stage("baseSignature"));
    }
}

#[test]
fn signatures_stage() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 stages") else { return };
    let contexts = Contexts::new();
    let material = key_material(&dir);
    let issuer = multibase::decode_multikey(material["baseKeyPair"]["publicKeyMultibase"].as_str().unwrap()).unwrap();
    for example in EXAMPLES {
        let (document, proof) = reveal(&dir, example);
        let data = ecdsa_sd_2023::create_verify_data(&document, &proof, &contexts).unwrap();
        issuer
            .verify(Algorithm::ES256, &ecdsa_sd_2023::sign_data(&data), &data.base_signature)
            .unwrap_or_else(|e| panic!("{example}: stage base signature: {e}"));
        let ephemeral =
            multibase::decode_multikey(&format!("z{}", bs58::encode(&data.public_key).into_string())).unwrap();
        for (i, (signature, statement)) in data.signatures.iter().zip(&data.non_mandatory).enumerate() {
            ephemeral
                .verify(Algorithm::ES256, statement.as_bytes(), signature)
                .unwrap_or_else(|e| panic!("{example}: stage statement signature {i}: {e}"));
        }
        ecdsa_sd_2023::verify(&document, &proof, &issuer, &contexts)
            .unwrap_or_else(|e| panic!("{example}: whole derived-proof verify: {e}"));
    }
}

/// What a holder could try: change a disclosed value, drop a disclosed statement, or present the
/// derivation under another issuer's key. Each fails with its code.
#[test]
fn tampered_derived_proofs_fail() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 negatives") else { return };
    let contexts = Contexts::new();
    let material = key_material(&dir);
    let issuer = multibase::decode_multikey(material["baseKeyPair"]["publicKeyMultibase"].as_str().unwrap()).unwrap();
    let (document, proof) = reveal(&dir, "employ");

    let mut changed = document.clone();
    changed["credentialSubject"]["birthCountry"] = "Canada".into();
    assert_eq!(ecdsa_sd_2023::verify(&changed, &proof, &issuer, &contexts).unwrap_err().code(), "signature_mismatch");

    let mut removed = document.clone();
    removed["credentialSubject"].as_object_mut().unwrap().remove("birthCountry");
    assert_eq!(ecdsa_sd_2023::verify(&removed, &proof, &issuer, &contexts).unwrap_err().code(), "invalid_proof_value");

    let mut mandatory_removed = document.clone();
    mandatory_removed.remove("validUntil");
    assert_eq!(
        ecdsa_sd_2023::verify(&mandatory_removed, &proof, &issuer, &contexts).unwrap_err().code(),
        "invalid_proof_value"
    );

    let other = multibase::decode_multikey(material["proofKeyPair"]["publicKeyMultibase"].as_str().unwrap()).unwrap();
    assert_eq!(ecdsa_sd_2023::verify(&document, &proof, &other, &contexts).unwrap_err().code(), "signature_mismatch");
    let p384 =
        multibase::decode_multikey("z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ").unwrap();
    assert_eq!(
        ecdsa_sd_2023::verify(&document, &proof, &p384, &contexts).unwrap_err().code(),
        "algorithm_key_mismatch"
    );
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    block[..key.len()].copy_from_slice(key);
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new().chain_update(pad(0x36)).chain_update(message).finalize();
    Sha256::new().chain_update(pad(0x5c)).chain_update(inner).finalize().into()
}

/// The issuer's stages the verifier's pieces must agree with: RDFC of the credential, the HMAC
/// relabelling, the canonical proof configuration, both hashes and the base signature.
#[test]
fn base_proof_stages() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 base stages") else { return };
    let contexts = Contexts::new();
    let material = key_material(&dir);
    let hmac_key = common::hex(material["hmacKeyString"].as_str().unwrap().to_ascii_lowercase().as_str());
    let issuer = multibase::decode_multikey(material["baseKeyPair"]["publicKeyMultibase"].as_str().unwrap()).unwrap();
    for example in EXAMPLES {
        let Value::Object(mut signed) = json(&dir, example, "addSignedSDBase.json") else { panic!() };
        let Some(Value::Object(proof)) = signed.remove("proof") else { panic!() };
        let quads = jsonld::to_rdf(&signed, &contexts).unwrap();
        let canonical = rdfc::canonicalize(&quads, &Limits::default()).unwrap();
        let lines = |quads: &[Quad]| -> Vec<String> {
            let mut out: Vec<String> = quads
                .iter()
                .map(|q| {
                    let mut line = String::new();
                    q.write_nquad(&mut line);
                    line
                })
                .collect();
            out.sort();
            out
        };
        assert_eq!(
            lines(&canonical.quads),
            strings(&json(&dir, example, "addBaseDocCanon.json")),
            "{example}: stage canonical document"
        );

        // HMAC labels: c14nN → u + base64url(HMAC-SHA-256(key, "c14nN")).
        let compressed: Vec<(u64, Vec<u8>)> = canonical
            .issued
            .iter()
            .map(|(_, c14n)| {
                (c14n.trim_start_matches("c14n").parse().unwrap(), hmac_sha256(&hmac_key, c14n.as_bytes()).to_vec())
            })
            .collect();
        let label_map = labels::decompress(&compressed).unwrap();
        let relabelled = labels::relabelled_canonical_nquads(&quads, &label_map).unwrap();
        assert_eq!(
            relabelled,
            strings(&json(&dir, example, "addBaseDocHMACCanon.json")),
            "{example}: stage HMAC relabelling"
        );

        let config = ecdsa_sd_2023::proof_config(&signed, &proof);
        let canonical_config = canonical_nquads(&config, &contexts).unwrap();
        assert_eq!(
            canonical_config,
            common::read(&dir, &format!("w3c-vc-di-ecdsa/ecdsa-sd-2023/{example}/addProofConfigCanon.txt")),
            "{example}: stage canonical proof configuration"
        );
        let hashes = json(&dir, example, "addHashData.json");
        let proof_hash = Sha256::digest(canonical_config.as_bytes());
        assert_eq!(common::to_hex(&proof_hash), hashes["proofHash"], "{example}: stage proofHash");
        let transform = json(&dir, example, "addBaseTransform.json");
        let mandatory: String =
            transform["mandatory"]["value"].as_array().unwrap().iter().map(|pair| pair[1].as_str().unwrap()).collect();
        for pair in transform["mandatory"]["value"].as_array().unwrap() {
            let index = usize::try_from(pair[0].as_u64().unwrap()).unwrap();
            assert_eq!(relabelled[index], pair[1].as_str().unwrap(), "{example}: stage mandatory statement {index}");
        }
        let mandatory_hash = Sha256::digest(mandatory.as_bytes());
        assert_eq!(common::to_hex(&mandatory_hash), hashes["mandatoryHash"], "{example}: stage mandatoryHash");

        let raw = json(&dir, example, "addRawBaseSignatureInfo.json");
        let public_key = multibase::decode_base58btc(raw["publicKey"].as_str().unwrap()).unwrap();
        let sign_data = [&proof_hash[..], &public_key, &mandatory_hash[..]].concat();
        issuer
            .verify(Algorithm::ES256, &sign_data, &common::hex(raw["baseSignature"].as_str().unwrap()))
            .unwrap_or_else(|e| panic!("{example}: stage base signature: {e}"));
    }
}

/// A base proof is refused as the spec says (parseDerivedProofValue: not the derived header);
/// the verifier's report says so with its own code.
#[test]
fn base_proofs_are_refused() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 base proofs") else { return };
    let options = Options::at(Timestamp::parse("2026-11-01T00:00:00Z").unwrap());
    for path in [
        "w3c-vc-di-ecdsa/ecdsa-sd-2023/employ/addSignedSDBase.json",
        "w3c-vc-di-ecdsa/ecdsa-sd-2023/prc/addSignedSDBase.json",
        "w3c-vc-di-ecdsa-test-suite/ecdsa-sd-2023-windsurf-base.json",
    ] {
        let value: Value = serde_json::from_str(&common::read(&dir, path)).unwrap();
        let proof_value = value["proof"]["proofValue"].as_str().unwrap();
        assert_eq!(
            proof_value::parse_derived(proof_value).unwrap_err().code(),
            "selective_disclosure_base_proof",
            "{path}"
        );
        let report = verify(common::read(&dir, path).as_bytes(), &options, &Documents::new()).unwrap();
        let check = report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
        assert_eq!((check.outcome, check.code), (Outcome::Failed, "selective_disclosure_base_proof"), "{path}");
    }
}

/// The vc-di-ecdsa test suite's windsurf derived proof parses; its two negatives do not.
#[test]
fn test_suite_proof_values() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 test-suite proof values") else { return };
    let proof_value = |file: &str| -> String {
        let value: Value =
            serde_json::from_str(&common::read(&dir, &format!("w3c-vc-di-ecdsa-test-suite/{file}"))).unwrap();
        value["proof"]["proofValue"].as_str().unwrap().to_owned()
    };
    let parsed = proof_value::parse_derived(&proof_value("ecdsa-sd-2023-windsurf-derived.json")).unwrap();
    assert_eq!(parsed.public_key.len(), 35);
    for negative in [
        "ecdsa-sd-2023-windsurf-derived.neg-header-removed.json",
        "ecdsa-sd-2023-windsurf-derived.neg-no-multibase-prefix.json",
    ] {
        assert_eq!(
            proof_value::parse_derived(&proof_value(negative)).unwrap_err().code(),
            "invalid_proof_value",
            "{negative}"
        );
    }
}

/// Through `verify`: a derived proof's line is `signature_valid_selective_disclosure` (the W3C
/// employ vector's signer is not its issuer, so the key line fails, as the conformance walk says);
/// a disclosed value changed by the holder, a disclosed statement removed, or the base proof
/// given instead are each refused on the proof line with their own code.
#[test]
fn derived_proofs_through_verify() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 through verify") else { return };
    let options = Options::at(Timestamp::parse("2026-11-01T00:00:00Z").unwrap());
    let proof_line = |document: &Value| {
        let report = verify(document.to_string().as_bytes(), &options, &Documents::new()).unwrap();
        let check = report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
        (check.outcome, check.code)
    };
    let derived = json(&dir, "employ", "derivedRevealDocument.json");
    assert_eq!(proof_line(&derived), (Outcome::Passed, "signature_valid_selective_disclosure"));
    let subject = derived["credentialSubject"].as_object().unwrap().clone();
    let (field, _) = subject.iter().find(|(k, v)| *k != "id" && v.is_string()).expect("a disclosed text value");
    let mut changed = derived.clone();
    changed["credentialSubject"][field] = Value::String("changed by the holder".into());
    assert_eq!(proof_line(&changed), (Outcome::Failed, "signature_mismatch"), "{field} changed");
    let mut removed = derived.clone();
    removed["credentialSubject"].as_object_mut().unwrap().remove(field);
    assert_eq!(proof_line(&removed).0, Outcome::Failed, "{field} removed");
}
