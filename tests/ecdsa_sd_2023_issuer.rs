//! The test issuer and holder of ecdsa-sd-2023 (tests/common/fixtures/ecdsa_sd.rs) stage by stage
//! against the W3C vc-di-ecdsa vectors (`employ` and `prc`, with the vectors' HMAC key, keys and
//! pointers), so that the fixtures they make are judged by the spec's values and not only by
//! this crate's verifier: canonical N-Quads, HMAC relabelling, mandatory / non-mandatory groups,
//! both hashes, the statement signatures, the CBOR proof values byte for byte, and the holder's
//! groups, indexes, label map, reveal document and derived proof value.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(not(target_arch = "wasm32"), feature = "ecdsa"))]

mod common;

use std::path::Path;

use badge_verifier::key::multibase;
use badge_verifier::proof::ecdsa_sd_2023;
use badge_verifier::Contexts;
use common::fixtures::ecdsa_sd::{self, BaseProofValue, SdIssuer};
use p256::ecdsa::SigningKey;
use serde_json::{Map, Value};

const EXAMPLES: [(&str, &str); 2] = [("employ", "employSelective.json"), ("prc", "prCredSelective.json")];

fn json(dir: &Path, file: &str) -> Value {
    serde_json::from_str(&common::read(dir, &format!("w3c-vc-di-ecdsa/{file}"))).unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

/// A `{"dataType": "Map", "value": [[index, statement], …]}` of the vectors.
fn index_map(value: &Value) -> Vec<(usize, String)> {
    value["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| (pair[0].as_u64().unwrap() as usize, pair[1].as_str().unwrap().to_owned()))
        .collect()
}

/// A P-256 secret key from its Multikey (`z` + base58btc of 0x8626 + 32 bytes).
fn secret_key(multibase: &str) -> SigningKey {
    let bytes = bs58::decode(multibase.strip_prefix('z').unwrap()).into_vec().unwrap();
    assert_eq!(&bytes[..2], &[0x86, 0x26], "p256-priv multicodec");
    SigningKey::from_slice(&bytes[2..]).unwrap()
}

fn vector_issuer(dir: &Path) -> SdIssuer {
    let material = json(dir, "ecdsa-sd-2023/SDKeyMaterial.json");
    SdIssuer {
        key: secret_key(material["baseKeyPair"]["secretKeyMultibase"].as_str().unwrap()),
        hmac_key: common::hex(&material["hmacKeyString"].as_str().unwrap().to_ascii_lowercase()),
        proof_key: secret_key(material["proofKeyPair"]["secretKeyMultibase"].as_str().unwrap()),
    }
}

fn signed_base(dir: &Path, example: &str) -> Map<String, Value> {
    json(dir, &format!("ecdsa-sd-2023/{example}/addSignedSDBase.json")).as_object().cloned().unwrap()
}

#[test]
fn base_proof_stages() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 issuer stages") else { return };
    let contexts = Contexts::new();
    let issuer = vector_issuer(&dir);
    for (example, _) in EXAMPLES {
        let file = |name: &str| json(&dir, &format!("ecdsa-sd-2023/{example}/{name}"));
        let mut unsecured = signed_base(&dir, example);
        unsecured.remove("proof");
        let mut options = file("addProofConfig.json").as_object().cloned().unwrap();
        options.remove("@context");
        let transform = file("addBaseTransform.json");
        let pointers = strings(&transform["mandatoryPointers"]);
        let data = ecdsa_sd::issuer::base_data(&unsecured, &options, &pointers, &issuer.hmac_key, &contexts);
        let stage = |what: &str| format!("{example}: issuer stage {what}");
        assert_eq!(
            data.canonical.c14n_nquads,
            strings(&file("addBaseDocCanon.json")),
            "{}",
            stage("canonical document")
        );
        assert_eq!(data.canonical.nquads, strings(&file("addBaseDocHMACCanon.json")), "{}", stage("HMAC relabelling"));
        let pairs = |map: &std::collections::BTreeMap<usize, String>| map.clone().into_iter().collect::<Vec<_>>();
        assert_eq!(pairs(&data.mandatory), index_map(&transform["mandatory"]), "{}", stage("mandatory group"));
        assert_eq!(
            pairs(&data.non_mandatory),
            index_map(&transform["nonMandatory"]),
            "{}",
            stage("non-mandatory group")
        );
        let hashes = file("addHashData.json");
        assert_eq!(common::to_hex(&data.proof_hash), hashes["proofHash"], "{}", stage("proofHash"));
        assert_eq!(common::to_hex(&data.mandatory_hash), hashes["mandatoryHash"], "{}", stage("mandatoryHash"));

        // The vector's signatures are deterministic (RFC 6979) like ours: equal, byte for byte,
        // and so is the whole base proof value.
        let value = issuer.base_proof_value(&data, &pointers);
        let raw = file("addRawBaseSignatureInfo.json");
        assert_eq!(
            value.public_key,
            multibase::decode_base58btc(raw["publicKey"].as_str().unwrap()).unwrap(),
            "{}",
            stage("proof-scoped public key")
        );
        let signatures: Vec<String> = value.signatures.iter().map(|s| common::to_hex(s)).collect();
        assert_eq!(signatures, strings(&raw["signatures"]), "{}", stage("statement signatures"));
        assert_eq!(common::to_hex(&value.base_signature), raw["baseSignature"], "{}", stage("base signature"));
        let signed = signed_base(&dir, example);
        assert_eq!(value.serialize(), signed["proof"]["proofValue"], "{}", stage("base proof value"));
    }
}

/// The encoder, fed the vector's own components, writes the vector's base proof value; the
/// product's reader gives those components back.
#[test]
fn cbor_encoder_matches_the_w3c_proof_values() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 CBOR encoder") else { return };
    let material = json(&dir, "ecdsa-sd-2023/SDKeyMaterial.json");
    for (example, _) in EXAMPLES {
        let raw = json(&dir, &format!("ecdsa-sd-2023/{example}/addRawBaseSignatureInfo.json"));
        let components = BaseProofValue {
            base_signature: common::hex(raw["baseSignature"].as_str().unwrap()),
            public_key: multibase::decode_base58btc(raw["publicKey"].as_str().unwrap()).unwrap(),
            hmac_key: common::hex(&material["hmacKeyString"].as_str().unwrap().to_ascii_lowercase()),
            signatures: raw["signatures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| common::hex(s.as_str().unwrap()))
                .collect(),
            mandatory_pointers: strings(&raw["mandatoryPointers"]),
        };
        let signed = signed_base(&dir, example);
        let expected = signed["proof"]["proofValue"].as_str().unwrap();
        assert_eq!(components.serialize(), expected, "{example}: base proof value");
        assert_eq!(BaseProofValue::parse(expected), components, "{example}: base proof value read back");
    }
}

#[test]
fn holder_stages() {
    let Some(dir) = common::vectors_dir("ecdsa-sd-2023 holder stages") else { return };
    let contexts = Contexts::new();
    for (example, selective_file) in EXAMPLES {
        let file = |name: &str| json(&dir, &format!("ecdsa-sd-2023/{example}/{name}"));
        let stage = |what: &str| format!("{example}: holder stage {what}");
        let selective = strings(&json(&dir, selective_file));
        let selective: Vec<&str> = selective.iter().map(String::as_str).collect();
        let signed = signed_base(&dir, example);
        let data = ecdsa_sd::holder::disclosure_data(&signed, &selective, &contexts);

        let indexes = file("derivedGroupIndexes.json");
        let as_usize = |v: &Value| -> Vec<usize> { serde_json::from_value(v.clone()).unwrap() };
        assert_eq!(data.groups[0], as_usize(&indexes["mandatoryIndexes"]), "{}", stage("mandatory group"));
        assert_eq!(data.groups[1], as_usize(&indexes["selectiveIndexes"]), "{}", stage("selective group"));
        assert_eq!(data.groups[2], as_usize(&indexes["combinedIndexes"]), "{}", stage("combined group"));
        let adjusted: Vec<u64> =
            serde_json::from_value(file("derivedAdjMandatoryIndexes.json")["adjMandatoryIndexes"].clone()).unwrap();
        assert_eq!(data.mandatory_indexes, adjusted, "{}", stage("mandatory indexes"));
        let filtered: Vec<String> = data.signatures.iter().map(|s| common::to_hex(s)).collect();
        assert_eq!(
            filtered,
            strings(&file("derivedAdjSignatures.json")["filteredSignatures"]),
            "{}",
            stage("filtered signatures")
        );
        let disclosure = file("derivedDisclosureData.json");
        let label_map: Vec<(String, String)> =
            data.label_map.iter().map(|(n, bytes)| (format!("c14n{n}"), format!("u{}", base64url(bytes)))).collect();
        let expected_map: Vec<(String, String)> = disclosure["labelMap"]["value"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(label_map, expected_map, "{}", stage("label map"));
        assert_eq!(
            Value::Object(data.reveal_document.clone()),
            file("derivedUnsignedReveal.json"),
            "{}",
            stage("reveal document")
        );
        let derived = file("derivedRevealDocument.json");
        assert_eq!(data.proof_value(), derived["proof"]["proofValue"], "{}", stage("derived proof value"));

        // And the verifier accepts what the holder derived.
        let derived = ecdsa_sd::derive(&signed, &selective);
        let mut unsecured = derived.clone();
        let proof = unsecured.remove("proof").unwrap();
        let material = json(&dir, "ecdsa-sd-2023/SDKeyMaterial.json");
        let issuer_key =
            multibase::decode_multikey(material["baseKeyPair"]["publicKeyMultibase"].as_str().unwrap()).unwrap();
        ecdsa_sd_2023::verify(&unsecured, proof.as_object().unwrap(), &issuer_key, &contexts)
            .unwrap_or_else(|e| panic!("{}: {e}", stage("derived proof verifies")));
    }
}

fn base64url(bytes: &[u8]) -> String {
    use base64ct::{Base64UrlUnpadded, Encoding};
    Base64UrlUnpadded::encode_string(bytes)
}
