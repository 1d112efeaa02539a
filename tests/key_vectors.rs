//! The key model (`PublicKey::verify`, PEM/SPKI and JWK decoding) against Wycheproof: ECDSA P-256
//! and P-384 in IEEE P1363 form, RSA PKCS#1 v1.5 SHA-256 (2048, 3072, 4096 bits), Ed25519, and the
//! JWK / JWS key file. Each case is judged by its `result`; `acceptable` cases are answered as
//! [`ACCEPTABLE`] says, the one place that choice is recorded.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(not(target_arch = "wasm32"), feature = "ecdsa", feature = "rsa"))]

mod common;

use badge_verifier::key::{jwk, pem, Algorithm, PublicKey};
use badge_verifier::Error;
use serde_json::Value;

/// What this verifier answers to Wycheproof's `acceptable` cases, by flag, and why.
/// - `MissingNull` (RSA PKCS#1 v1.5: a DigestInfo whose SHA-256 AlgorithmIdentifier omits the
///   NULL parameters): **refused**. RFC 8017 §9.2 Note 1 gives the DigestInfo for SHA-256 with
///   NULL, RS256 (RFC 7518 §3.3) is that encoding, and the `rsa` crate compares it whole; no
///   issuer this project knows signs without it.
const ACCEPTABLE: &[(&str, bool)] = &[("MissingNull", false)];

struct Tally {
    passed: usize,
    failures: Vec<String>,
}

/// Judges every case of a Wycheproof signature file with keys read from the group's PEM (and,
/// when the group has one, checks that its JWK is read as the same key).
fn judge(file: &str, algorithm: Algorithm, expected_cases: usize) {
    let Some(dir) = common::vectors_dir(file) else { return };
    let suite: Value = serde_json::from_str(&common::read(&dir, &format!("wycheproof/{file}"))).unwrap();
    let mut tally = Tally { passed: 0, failures: Vec::new() };
    for group in suite["testGroups"].as_array().unwrap() {
        let key = pem::public_key(group["publicKeyPem"].as_str().unwrap()).unwrap();
        if let Some(jwk) = group.get("publicKeyJwk").or_else(|| group.get("keyJwk")) {
            assert_eq!(jwk::public_key(jwk).as_ref(), Ok(&key), "{file}: the group's JWK is another key");
        }
        for test in group["tests"].as_array().unwrap() {
            let accepted = key
                .verify(
                    algorithm,
                    &common::hex(test["msg"].as_str().unwrap()),
                    &common::hex(test["sig"].as_str().unwrap()),
                )
                .is_ok();
            let id = test["tcId"].as_u64().unwrap();
            let want = match test["result"].as_str().unwrap() {
                "valid" => true,
                "invalid" => false,
                "acceptable" => {
                    let flags: Vec<&str> =
                        test["flags"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
                    let choice = ACCEPTABLE.iter().find(|(flag, _)| flags.contains(flag));
                    choice.unwrap_or_else(|| panic!("{file} tcId {id}: no recorded choice for {flags:?}")).1
                }
                other => panic!("unexpected result {other}"),
            };
            if accepted == want {
                tally.passed += 1;
            } else {
                tally.failures.push(format!("{id} ({})", test["comment"].as_str().unwrap_or("")));
            }
        }
    }
    println!("wycheproof {file}: {} passed, {} failed", tally.passed, tally.failures.len());
    assert!(tally.failures.is_empty(), "{file}: failed tcIds: {:?}", tally.failures);
    assert_eq!(tally.passed, expected_cases, "{file}: case count");
}

#[test]
fn wycheproof_ecdsa_p256_sha256_p1363() {
    judge("ecdsa_secp256r1_sha256_p1363_test.json", Algorithm::ES256, 262);
}

#[test]
fn wycheproof_ecdsa_p384_sha384_p1363() {
    judge("ecdsa_secp384r1_sha384_p1363_test.json", Algorithm::ES384, 280);
}

#[test]
fn wycheproof_rsa_pkcs1_2048_sha256() {
    judge("rsa_signature_2048_sha256_test.json", Algorithm::RS256, 259);
}

#[test]
fn wycheproof_rsa_pkcs1_3072_sha256() {
    judge("rsa_signature_3072_sha256_test.json", Algorithm::RS256, 259);
}

#[test]
fn wycheproof_rsa_pkcs1_4096_sha256() {
    judge("rsa_signature_4096_sha256_test.json", Algorithm::RS256, 258);
}

#[test]
fn wycheproof_ed25519_through_the_key_model() {
    judge("ed25519_test.json", Algorithm::EdDSA, 151);
}

/// Cases of json_web_key_test.json outside the key model, with the reason (judged by the JOSE layer
/// or not at all).
const JWK_NOT_HERE: &[(u64, &str)] = &[(
    7,
    "an RSA key with the ROCA weakness (CVE-2017-15361): detecting Infineon-generated moduli is not \
     done; the signature itself is valid",
)];

/// json_web_key_test.json where it concerns keys: each group's public JWK set is read (private
/// and secret keys refused), and each JWS is verified with the key its `kid` names, under the
/// header's `alg`. A refusal of the key is an `invalid` verdict.
#[test]
fn wycheproof_json_web_keys() {
    let Some(dir) = common::vectors_dir("wycheproof json_web_key") else { return };
    let suite: Value = serde_json::from_str(&common::read(&dir, "wycheproof/json_web_key_test.json")).unwrap();
    let (mut judged, mut failures, mut refused_private) = (0, Vec::new(), 0);
    for group in suite["testGroups"].as_array().unwrap() {
        // Private and secret keys (`d`, `k`) in the groups' private sets are never read as public keys.
        let private = group["private"]["keys"].as_array().into_iter().flatten();
        for key in private.filter(|key| key.get("d").is_some() || key.get("k").is_some()) {
            assert!(jwk::public_key(key).is_err(), "a private or secret JWK was read: {key}");
            refused_private += 1;
        }
        let Some(public) = group.get("public") else { continue };
        let keys: Vec<&Value> = match public.get("keys") {
            Some(Value::Array(keys)) => keys.iter().collect(),
            _ => vec![public],
        };
        for test in group["tests"].as_array().unwrap() {
            let id = test["tcId"].as_u64().unwrap();
            if JWK_NOT_HERE.iter().any(|(skipped, _)| *skipped == id) {
                continue;
            }
            let jws = test["jws"].as_str().unwrap();
            let mut parts = jws.split('.');
            let (header, signature) = (parts.next().unwrap(), parts.nth(1).unwrap());
            let signing_input = &jws[..jws.rfind('.').unwrap()];
            let header: Value = serde_json::from_slice(&jwk::base64url_decode(header).unwrap()).unwrap();
            let kid = header["kid"].as_str();
            let Some(key) = keys.iter().find(|k| k["kid"].as_str() == kid) else { continue };
            let outcome: Result<(), Error> = (|| {
                let algorithm =
                    Algorithm::from_jose(header["alg"].as_str().unwrap()).ok_or(Error::SignatureMismatch)?;
                if !jwk::allows(key, algorithm) {
                    return Err(Error::SignatureMismatch);
                }
                let signature = jwk::base64url_decode(signature).ok_or(Error::SignatureMismatch)?;
                jwk::public_key(key)?.verify(algorithm, signing_input.as_bytes(), &signature)
            })();
            let want = test["result"].as_str() == Some("valid");
            judged += 1;
            if outcome.is_ok() != want {
                failures.push(format!("{id} {}: {outcome:?}", test["comment"].as_str().unwrap_or("")));
            }
        }
    }
    println!("wycheproof json_web_key: {judged} judged, {} failed", failures.len());
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(judged, 10);
    assert!(refused_private >= 20, "{refused_private} private keys refused");
}

/// A key decoded from each source is one `PublicKey`: the RSA 2048 group's PEM, DER-in-PEM and JWK.
#[test]
fn sources_agree_on_the_rsa_key() {
    let Some(dir) = common::vectors_dir("wycheproof rsa sources") else { return };
    let suite: Value =
        serde_json::from_str(&common::read(&dir, "wycheproof/rsa_signature_2048_sha256_test.json")).unwrap();
    let group = &suite["testGroups"][0];
    let from_pem = pem::public_key(group["publicKeyPem"].as_str().unwrap()).unwrap();
    let from_jwk = jwk::public_key(&group["keyJwk"]).unwrap();
    assert_eq!(from_pem, from_jwk);
    assert!(matches!(from_pem, PublicKey::Rsa(_)));
}
