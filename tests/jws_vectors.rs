//! JWS vectors through the JOSE layer and the key model: Wycheproof's JSON Web Signature file
//! and the IETF JOSE cookbook (RFC 7520 / RFC 8037). A `valid` token must verify when its
//! algorithm is one this verifier implements (EdDSA, ES256, ES384, RS256, PS256) and be
//! `jws_algorithm_unsupported` otherwise; an `invalid` one must never verify. HMAC tokens are
//! always refused (`jws_algorithm_not_allowed`, or earlier for a malformed token), whatever their
//! result: a shared secret proves nothing to a third party. Wycheproof calls two tokens with a
//! stray character `valid` (lenient base64 decoders skip it); both are HMAC, refused here anyway.
#![cfg(feature = "jwt")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code

mod common;

use badge_verifier::jose::SignedBytes;
use badge_verifier::json::Limits;
use badge_verifier::key::{jwk, PublicKey};
use badge_verifier::Error;
use serde_json::Value;

/// What a token gets: verified, or the code it was refused with.
fn judge(token: &str, key: Option<&Value>) -> Result<(), &'static str> {
    let jws = SignedBytes::split(token, &Limits::default()).map_err(|e| e.code())?;
    let key_json = key.ok_or("no key")?;
    let key: PublicKey = jwk::public_key(key_json).map_err(|e| e.code())?;
    if !jwk::allows(key_json, jws.header.algorithm) {
        return Err("algorithm_key_mismatch");
    }
    key.verify(jws.header.algorithm, &jws.signing_input, &jws.signature).map_err(|e: Error| e.code())
}

#[test]
fn wycheproof_json_web_signatures() {
    let Some(dir) = common::vectors_dir("Wycheproof JWS") else { return };
    let file: Value = serde_json::from_str(&common::read(&dir, "wycheproof/json_web_signature_test.json")).unwrap();
    let (mut verified, mut refused, mut unsupported, mut hmac) = (0, 0, 0, 0);
    for group in file["testGroups"].as_array().unwrap() {
        let key = group.get("public").filter(|k| k.as_object().is_some_and(|o| !o.is_empty()));
        for test in group["tests"].as_array().unwrap() {
            let Some(token) = test["jws"].as_str() else { continue }; // the JSON serialisation is not used for credentials
            let id = test["tcId"].as_u64().unwrap();
            let outcome = judge(token, key);
            if key.is_none() {
                // The HMAC groups (a shared secret, no public key): never verified, valid or not.
                assert!(outcome.is_err(), "tcId {id}: an HMAC token verified");
                hmac += 1;
                continue;
            }
            match (test["result"].as_str().unwrap(), outcome) {
                (_, Err("jws_algorithm_not_allowed")) => hmac += 1,
                ("valid", Ok(())) => verified += 1,
                ("valid", Err("jws_algorithm_unsupported")) => unsupported += 1,
                ("valid", Err(code)) => panic!("tcId {id} ({}): valid, refused with {code}", test["comment"]),
                ("invalid", Ok(())) => panic!("tcId {id} ({}): invalid, but verified", test["comment"]),
                ("invalid", Err(_)) => refused += 1,
                (result, outcome) => panic!("tcId {id}: {result} {outcome:?}"),
            }
        }
    }
    println!("Wycheproof JWS: {verified} valid verified, {refused} invalid refused, {unsupported} valid with an algorithm not implemented, {hmac} HMAC refused");
    assert_eq!((verified, refused, unsupported, hmac), (16, 324, 20, 41), "every case judged");
}

#[test]
fn jose_cookbook_signatures() {
    let Some(dir) = common::vectors_dir("JOSE cookbook") else { return };
    let cases = [
        ("jose-cookbook/curve25519_jws.json", Ok(())),
        ("jose-cookbook/jws_4_1_rsa_v15_signature.json", Ok(())),
        // ES512 (P-521) is outside what this verifier implements.
        ("jose-cookbook/jws_4_3_ecdsa_signature.json", Err("jws_algorithm_unsupported")),
    ];
    for (path, expected) in cases {
        let case: Value = serde_json::from_str(&common::read(&dir, path)).unwrap();
        let token = case["output"]["compact"].as_str().unwrap();
        let mut key = case["input"]["key"].clone();
        // The cookbook gives the signing key; a verifier holds only its public part.
        for private in ["d", "p", "q", "dp", "dq", "qi"] {
            key.as_object_mut().unwrap().remove(private);
        }
        assert_eq!(judge(token, Some(&key)), expected, "{path}");
        // One changed payload byte breaks it.
        let (head, rest) = token.split_once('.').unwrap();
        let (payload, signature) = rest.split_once('.').unwrap();
        let flipped =
            if payload.starts_with('A') { payload.replacen('A', "B", 1) } else { format!("A{}", &payload[1..]) };
        if expected.is_ok() {
            assert_eq!(
                judge(&format!("{head}.{flipped}.{signature}"), Some(&key)),
                Err("signature_mismatch"),
                "{path}"
            );
        }
    }
}
