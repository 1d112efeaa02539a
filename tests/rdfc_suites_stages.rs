//! eddsa-rdfc-2022 and Ed25519Signature2020 stage by stage against the W3C vc-di-eddsa vectors
//! and the Open Badges 3.0 spec vector, so a failure names the stage: canonical document,
//! canonical proof configuration, both hashes, the signature.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use badge_verifier::key::{multibase, Algorithm};
use badge_verifier::proof::{self, canonical, ed25519_signature_2020, eddsa_rdfc_2022};
use badge_verifier::{Contexts, Timestamp};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

struct Stages<'a> {
    signed: &'a str,
    canon_document: &'a str,
    canon_proof: &'a str,
    document_hash: Option<&'a str>,
    proof_hash: Option<&'a str>,
    public_key: &'a str,
}

fn check(dir: &Path, stages: &Stages<'_>) {
    let read = |f: &str| common::read(dir, f);
    let mut signed: Map<String, Value> = serde_json::from_str(&read(stages.signed)).unwrap();
    let proof_json = signed.remove("proof").unwrap();
    let proof = proof::read(&proof_json, Timestamp::from_unix_seconds(0), 0).unwrap();
    let contexts = Contexts::new();
    let (document, options) = match proof.suite {
        proof::Suite::Ed25519Signature2020 => (signed.clone(), ed25519_signature_2020::proof_options(&signed, &proof)),
        _ => eddsa_rdfc_2022::transform_inputs(&signed, &proof).map(|(d, o)| (d.into_owned(), o)).unwrap(),
    };
    let canon_document = canonical::canonical_nquads(&document, &contexts).unwrap();
    assert_eq!(canon_document, read(stages.canon_document), "{}: stage canonical document", stages.signed);
    let canon_proof = canonical::canonical_nquads(&options, &contexts).unwrap();
    assert_eq!(canon_proof, read(stages.canon_proof), "{}: stage canonical proof config", stages.signed);
    let hex = |s: &str| common::to_hex(&Sha256::digest(s.as_bytes()));
    if let Some(file) = stages.document_hash {
        assert_eq!(hex(&canon_document), read(file).trim(), "{}: stage document hash", stages.signed);
    }
    if let Some(file) = stages.proof_hash {
        assert_eq!(hex(&canon_proof), read(file).trim(), "{}: stage proof hash", stages.signed);
    }
    let data = canonical::hash_data(&document, &options, &contexts).unwrap();
    let key = multibase::decode_multikey(stages.public_key).unwrap();
    key.verify(Algorithm::EdDSA, &data, &proof.signature)
        .unwrap_or_else(|_| panic!("{}: stage signature", stages.signed));
}

const W3C_KEY: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

#[test]
fn w3c_eddsa_rdfc_2022_stages() {
    let Some(dir) = common::vectors_dir("eddsa-rdfc-2022 stages") else { return };
    for base in ["w3c-vc-di-eddsa/eddsa-rdfc-2022", "w3c-vc-di-eddsa/eddsa-rdfc-2022/employ"] {
        let f = |name: &str| format!("{base}/{name}");
        check(
            &dir,
            &Stages {
                signed: &f("signedDataInt.json"),
                canon_document: &f("canonDocDataInt.txt"),
                canon_proof: &f("proofCanonDataInt.txt"),
                document_hash: Some(&f("docHashDataInt.txt")),
                proof_hash: Some(&f("proofHashDataInt.txt")),
                public_key: W3C_KEY,
            },
        );
    }
}

#[test]
fn w3c_ed25519_signature_2020_stages() {
    let Some(dir) = common::vectors_dir("Ed25519Signature2020 stages") else { return };
    let f = |name: &str| format!("w3c-vc-di-eddsa/Ed25519Signature2020/{name}");
    check(
        &dir,
        &Stages {
            signed: &f("signedEdSig.json"),
            canon_document: &f("canonDocEdSig.txt"),
            canon_proof: &f("proofCanonEdSig.txt"),
            document_hash: Some(&f("docHashEdSig.txt")),
            proof_hash: Some(&f("proofHashEdSig.txt")),
            public_key: W3C_KEY,
        },
    );
}

#[test]
fn open_badges_3_spec_vector_stages() {
    let Some(dir) = common::vectors_dir("OB 3.0 spec vector stages") else { return };
    let key_pair: Value = serde_json::from_str(&common::read(&dir, "obv3-spec/ldp-test-vector/keypair.json")).unwrap();
    let public_key = key_pair["publicKeyMultibase"].as_str().unwrap().to_owned();
    check(
        &dir,
        &Stages {
            signed: "obv3-spec/ldp-test-vector/signed.json",
            canon_document: "obv3-spec/test-vectors/obv3p0/document-canon.txt",
            canon_proof: "obv3-spec/test-vectors/obv3p0/proof-canon.txt",
            document_hash: None,
            proof_hash: None,
            public_key: &public_key,
        },
    );
    let hashes: Value = serde_json::from_str(&common::read(&dir, "obv3-spec/ldp-test-vector/hashes.json")).unwrap();
    let canon = |f: &str| common::to_hex(&Sha256::digest(common::read(&dir, f).as_bytes()));
    assert_eq!(
        canon("obv3-spec/test-vectors/obv3p0/document-canon.txt"),
        hashes["documentHashHex"],
        "stage document hash"
    );
    assert_eq!(canon("obv3-spec/test-vectors/obv3p0/proof-canon.txt"), hashes["proofHashHex"], "stage proof hash");
}
