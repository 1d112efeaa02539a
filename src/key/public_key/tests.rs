//! Unit tests of the parent module: every key source, and each refusal with its code.
//! The RSA fixtures are in tests/fixtures/keys/ (made once with OpenSSL, README there); ECDSA and
//! Ed25519 sign here.

#![cfg_attr(not(all(feature = "ecdsa", feature = "rsa")), allow(dead_code, unused_imports))]

use base64ct::{Base64, Base64UrlUnpadded, Encoding};
use serde_json::json;

use super::*;
use crate::key::{der, jwk, multibase, pem};

const MESSAGE: &[u8] = b"badge-verifier key model";

const RSA_2048_SPKI: &str = include_str!("../../../tests/fixtures/keys/rsa-2048-spki.pem");

/// The same key as PKCS#1 `RSA PUBLIC KEY` (`openssl rsa -RSAPublicKey_out`).
const RSA_2048_PKCS1: &str = include_str!("../../../tests/fixtures/keys/rsa-2048-pkcs1.pem");

/// The same modulus as a JWK `n`.
const RSA_2048_N: &str = "uEedc4OZcrWoEHQRPE-jaWytNpoULdUH6bqvd3Ba0Nxr-6eWIKXXLPmErKthejUawPmRTle1gSc4M0WFCCyqemoGwzs20Y0wxcBfEna3n1impuweRgI_B7abRyakNglCcwDd_M1PcQSV1oQmuKo1oCSYXx_25pEGXxahBVd5daBsphoMFm0zD7FVsvIosAdK0XOsZKC7uiIEdk-qgUEwFWG3_soP2wihCMaFrIHxt6Vjf3K1rRj7Lt0hm6sVJH8Xd5TqXUVDF_1lKhZ6vS3fBe6EHz7bXNkyLnkvULAeZIQS96fqaDV5LPU5mE4sZgPfM87IDgfLIlZbhwI2vhMx_Q";

const RS256_SIGNATURE: &str = include_str!("../../../tests/fixtures/keys/rsa-2048-rs256.hex");

const PS256_SIGNATURE: &str = include_str!("../../../tests/fixtures/keys/rsa-2048-ps256.hex");

const RSA_1024_SPKI: &str = include_str!("../../../tests/fixtures/keys/rsa-1024-spki.pem");

const ED25519_SPKI: &str = "-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAqX6pqYihnhSOa+jymqkf1vxT+Bw4dkNPoucGopk6Dm0=
-----END PUBLIC KEY-----
";

const SECP256K1_SPKI: &str = "-----BEGIN PUBLIC KEY-----
MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEhAgPvEkyeLoph7IDJ1fFUGpEqsXupC3R
crz4IcGcTO1XtCziMOtYO4ylrn/yOPSgQnYXY139CvQpyHx7I8sk6A==
-----END PUBLIC KEY-----
";

/// DER `SubjectPublicKeyInfo` prefixes (RFC 5480) before an uncompressed point.
const P256_SPKI_PREFIX: &str = "3059301306072a8648ce3d020106082a8648ce3d030107034200";
const P384_SPKI_PREFIX: &str = "3076301006072a8648ce3d020106052b81040022036200";

fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
}

fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> &'static str {
    result.unwrap_err().code()
}

fn pem_of(label: &str, der: &[u8]) -> String {
    format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", Base64::encode_string(der))
}

fn multikey(prefix: [u8; 2], key: &[u8]) -> String {
    format!("z{}", bs58::encode([&prefix[..], key].concat()).into_string())
}

fn flipped(bytes: &[u8], index: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    out[index] ^= 1;
    out
}

#[test]
fn ed25519_verifies_strictly_and_only_eddsa() {
    let signing = ed25519_dalek::SigningKey::from_bytes(&[3; 32]);
    let signature = ed25519_dalek::Signer::sign(&signing, MESSAGE).to_bytes();
    let key = PublicKey::ed25519(signing.verifying_key().as_bytes()).unwrap();
    assert_eq!(key.kind(), "Ed25519");
    assert_eq!(key.verify(Algorithm::EdDSA, MESSAGE, &signature), Ok(()));
    assert_eq!(code(key.verify(Algorithm::EdDSA, b"another message", &signature)), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::EdDSA, MESSAGE, &signature[..63])), "signature_mismatch");
    for algorithm in [Algorithm::ES256, Algorithm::ES384, Algorithm::RS256, Algorithm::PS256] {
        assert_eq!(
            key.verify(algorithm, MESSAGE, &signature),
            Err(Error::AlgorithmKeyMismatch { algorithm: algorithm.jose_name(), key: "Ed25519" })
        );
    }
    // The same key from every source.
    let x = Base64UrlUnpadded::encode_string(signing.verifying_key().as_bytes());
    assert_eq!(jwk::public_key(&json!({"kty": "OKP", "crv": "Ed25519", "x": x})), Ok(key.clone()));
    let multikey = multikey([0xed, 0x01], signing.verifying_key().as_bytes());
    assert_eq!(multibase::decode_multikey(&multikey), Ok(key.clone()));
    let spki = [&hex("302a300506032b6570032100")[..], signing.verifying_key().as_bytes()].concat();
    assert_eq!(pem::public_key(&pem_of("PUBLIC KEY", &spki)), Ok(key));
    assert_eq!(pem::public_key(ED25519_SPKI).unwrap().kind(), "Ed25519");
}

#[test]
#[cfg(feature = "rsa")]
fn rsa_from_spki_pkcs1_and_jwk_is_one_key() {
    let spki = pem::public_key(RSA_2048_SPKI).unwrap();
    assert_eq!(spki.kind(), "RSA");
    assert_eq!(pem::public_key(RSA_2048_PKCS1), Ok(spki.clone()), "PKCS#1 RSA PUBLIC KEY is accepted");
    assert_eq!(jwk::public_key(&json!({"kty": "RSA", "n": RSA_2048_N, "e": "AQAB"})), Ok(spki.clone()));
    // Text around the block is ignored; lines may be any length (RFC 7468 §2–3).
    let relaxed = format!("issuer key:\n{}trailer", RSA_2048_SPKI.replace('\n', "\r\n"));
    assert_eq!(pem::public_key(&relaxed), Ok(spki));
}

#[test]
#[cfg(feature = "rsa")]
fn rsa_verifies_rs256_and_ps256_and_nothing_else() {
    let key = pem::public_key(RSA_2048_SPKI).unwrap();
    let (rs256, ps256) = (hex(RS256_SIGNATURE), hex(PS256_SIGNATURE));
    assert_eq!(key.verify(Algorithm::RS256, MESSAGE, &rs256), Ok(()));
    assert_eq!(key.verify(Algorithm::PS256, MESSAGE, &ps256), Ok(()));
    assert_eq!(code(key.verify(Algorithm::PS256, MESSAGE, &rs256)), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::RS256, MESSAGE, &ps256)), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::RS256, MESSAGE, &flipped(&rs256, 100))), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::PS256, b"badge-verifier key modeL", &ps256)), "signature_mismatch");
    // Not the modulus length: a leading zero byte added or the first byte dropped.
    assert_eq!(code(key.verify(Algorithm::RS256, MESSAGE, &[&[0][..], &rs256].concat())), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::RS256, MESSAGE, &rs256[1..])), "signature_mismatch");
    for algorithm in [Algorithm::EdDSA, Algorithm::ES256, Algorithm::ES384] {
        assert_eq!(code(key.verify(algorithm, MESSAGE, &rs256)), "algorithm_key_mismatch", "{algorithm:?}");
    }
}

#[test]
#[cfg(feature = "rsa")]
fn rsa_refusals_have_their_codes() {
    assert_eq!(pem::public_key(RSA_1024_SPKI), Err(Error::RsaKeyTooSmall { bits: 1024 }));
    assert_eq!(PublicKey::rsa(&[0xff; 255], &[1, 0, 1]), Err(Error::RsaKeyTooSmall { bits: 2040 }));
    assert_eq!(PublicKey::rsa(&[0xff; 513], &[1, 0, 1]), Err(Error::UnsupportedKeyType("RSA-4104".into())));
    let n = jwk::base64url_decode(RSA_2048_N).unwrap();
    assert_eq!(PublicKey::rsa(&n, &[1, 0, 0]), Err(Error::InvalidPublicKey), "even exponent");
    assert_eq!(PublicKey::rsa(&n, &[1]), Err(Error::InvalidPublicKey), "exponent 1");
    assert_eq!(PublicKey::rsa(&n, &[]), Err(Error::InvalidPublicKey));
    let private = json!({"kty": "RSA", "n": RSA_2048_N, "e": "AQAB", "d": "AQAB"});
    assert_eq!(jwk::public_key(&private), Err(Error::InvalidPublicKey));
    assert_eq!(code(jwk::public_key(&json!({"kty": "RSA", "n": RSA_2048_N}))), "invalid_public_key");
}

#[test]
#[cfg(feature = "ecdsa")]
fn p256_from_every_source_verifies_es256_only() {
    use p256::ecdsa::signature::Signer;
    let signing = p256::ecdsa::SigningKey::from_slice(&[7; 32]).unwrap();
    let signature: p256::ecdsa::Signature = signing.sign(MESSAGE);
    let signature = signature.to_bytes();
    let compressed = signing.verifying_key().to_encoded_point(true);
    let uncompressed = signing.verifying_key().to_encoded_point(false);
    let key = multibase::decode_multikey(&multikey([0x80, 0x24], compressed.as_bytes())).unwrap();
    assert_eq!(key.kind(), "P-256");
    assert_eq!(key.verify(Algorithm::ES256, MESSAGE, &signature), Ok(()));
    assert_eq!(code(key.verify(Algorithm::ES256, MESSAGE, &flipped(&signature, 40))), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::ES256, MESSAGE, &signature[..63])), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::ES256, MESSAGE, &[0; 64])), "signature_mismatch");
    for algorithm in [Algorithm::EdDSA, Algorithm::ES384, Algorithm::RS256, Algorithm::PS256] {
        assert_eq!(code(key.verify(algorithm, MESSAGE, &signature)), "algorithm_key_mismatch", "{algorithm:?}");
    }
    let (x, y) = (uncompressed.x().unwrap(), uncompressed.y().unwrap());
    let jwk = json!({"kty": "EC", "crv": "P-256", "x": Base64UrlUnpadded::encode_string(x),
        "y": Base64UrlUnpadded::encode_string(y)});
    assert_eq!(jwk::public_key(&jwk), Ok(key.clone()));
    let spki = [hex(P256_SPKI_PREFIX), uncompressed.as_bytes().to_vec()].concat();
    assert_eq!(pem::public_key(&pem_of("PUBLIC KEY", &spki)), Ok(key.clone()));
    assert_eq!(der::subject_public_key_info(&spki), Ok(key));
}

#[test]
#[cfg(feature = "ecdsa")]
fn p384_from_every_source_verifies_es384_only() {
    use p384::ecdsa::signature::Signer;
    let signing = p384::ecdsa::SigningKey::from_slice(&[9; 48]).unwrap();
    let signature: p384::ecdsa::Signature = signing.sign(MESSAGE);
    let signature = signature.to_bytes();
    let compressed = signing.verifying_key().to_encoded_point(true);
    let uncompressed = signing.verifying_key().to_encoded_point(false);
    let key = multibase::decode_multikey(&multikey([0x81, 0x24], compressed.as_bytes())).unwrap();
    assert_eq!(key.kind(), "P-384");
    assert_eq!(key.verify(Algorithm::ES384, MESSAGE, &signature), Ok(()));
    assert_eq!(code(key.verify(Algorithm::ES384, b"other", &signature)), "signature_mismatch");
    assert_eq!(code(key.verify(Algorithm::ES256, MESSAGE, &signature[..64])), "algorithm_key_mismatch");
    let (x, y) = (uncompressed.x().unwrap(), uncompressed.y().unwrap());
    let jwk = json!({"kty": "EC", "crv": "P-384", "x": Base64UrlUnpadded::encode_string(x),
        "y": Base64UrlUnpadded::encode_string(y)});
    assert_eq!(jwk::public_key(&jwk), Ok(key.clone()));
    let spki = [hex(P384_SPKI_PREFIX), uncompressed.as_bytes().to_vec()].concat();
    assert_eq!(pem::public_key(&pem_of("PUBLIC KEY", &spki)), Ok(key));
}

#[test]
#[cfg(feature = "ecdsa")]
fn wrong_curves_and_off_curve_points_are_refused() {
    let signing = p256::ecdsa::SigningKey::from_slice(&[7; 32]).unwrap();
    let point = signing.verifying_key().to_encoded_point(false);
    let (x, y) = (point.x().unwrap().to_vec(), point.y().unwrap().to_vec());
    let b64 = |bytes: &[u8]| Base64UrlUnpadded::encode_string(bytes);
    // A P-256 point labelled P-384 (coordinates of the wrong size), and the reverse.
    let labelled_p384 = json!({"kty": "EC", "crv": "P-384", "x": b64(&x), "y": b64(&y)});
    assert_eq!(jwk::public_key(&labelled_p384), Err(Error::InvalidPublicKey));
    let long = [&[0; 16][..], &x].concat();
    let padded = json!({"kty": "EC", "crv": "P-256", "x": b64(&long), "y": b64(&y)});
    assert_eq!(jwk::public_key(&padded), Err(Error::InvalidPublicKey));
    // The P-256 point under the P-384 multicodec: wrong length for that curve.
    let compressed = signing.verifying_key().to_encoded_point(true);
    assert_eq!(
        multibase::decode_multikey(&multikey([0x81, 0x24], compressed.as_bytes())),
        Err(Error::InvalidPublicKey)
    );
    // Curves this verifier does not take.
    assert_eq!(pem::public_key(SECP256K1_SPKI), Err(Error::UnsupportedKeyType("secp256k1".into())));
    let p521 = json!({"kty": "EC", "crv": "P-521", "x": "AA", "y": "AA"});
    assert_eq!(jwk::public_key(&p521), Err(Error::UnsupportedKeyType("P-521".into())));
    assert_eq!(
        multibase::decode_multikey(&multikey([0x82, 0x24], &[2; 67])),
        Err(Error::UnsupportedKeyType("P-521".into()))
    );
    // Off the curve: y + 1.
    let off = json!({"kty": "EC", "crv": "P-256", "x": b64(&x), "y": b64(&flipped(&y, 31))});
    assert_eq!(jwk::public_key(&off), Err(Error::InvalidPublicKey));
    let off_spki = [hex(P256_SPKI_PREFIX), flipped(point.as_bytes(), 64)].concat();
    assert_eq!(der::subject_public_key_info(&off_spki), Err(Error::InvalidPublicKey));
    // A compressed x with no point on the curve (x = 1: x³ − 3x + b is not a square mod p).
    let no_point = [&[0x02][..], &[0; 31], &[1]].concat();
    assert_eq!(PublicKey::p256_sec1(&no_point), Err(Error::InvalidPublicKey));
    // Multikey P-256 must be compressed (CID 1.0 §2.2.2).
    assert_eq!(multibase::decode_multikey(&multikey([0x80, 0x24], point.as_bytes())), Err(Error::InvalidPublicKey));
    // The identity (SEC1 0x00) is not a key.
    assert_eq!(PublicKey::p256_sec1(&[0]), Err(Error::InvalidPublicKey));
    // A private EC JWK.
    let private = json!({"kty": "EC", "crv": "P-256", "x": b64(&x), "y": b64(&y), "d": b64(&[7; 32])});
    assert_eq!(jwk::public_key(&private), Err(Error::InvalidPublicKey));
}

#[test]
#[cfg(feature = "rsa")]
fn pem_and_der_refusals() {
    let der =
        Base64::decode_vec(&RSA_2048_SPKI.lines().filter(|l| !l.starts_with("-----")).collect::<String>()).unwrap();
    assert!(der::subject_public_key_info(&der).is_ok());
    let with_trailer = [&der[..], &[0]].concat();
    assert_eq!(der::subject_public_key_info(&with_trailer), Err(Error::InvalidPublicKey));
    assert_eq!(der::subject_public_key_info(&der[..der.len() - 1]), Err(Error::InvalidPublicKey));
    assert_eq!(der::subject_public_key_info(&[]), Err(Error::InvalidPublicKey));
    // A long-form length where the short form fits: not DER.
    assert_eq!(
        der::rsa_public_key(&hex("3081060201030201 03".replace(' ', "").as_str())),
        Err(Error::InvalidPublicKey)
    );
    // A negative modulus.
    assert_eq!(der::rsa_public_key(&hex("3006020180020103")), Err(Error::InvalidPublicKey));
    // PKCS#1 where SPKI is labelled, and the reverse: each reader refuses the other's structure.
    assert_eq!(pem::public_key(&RSA_2048_PKCS1.replace("RSA PUBLIC KEY", "PUBLIC KEY")), Err(Error::InvalidPublicKey));
    assert_eq!(pem::public_key(&RSA_2048_SPKI.replace("PUBLIC KEY", "RSA PUBLIC KEY")), Err(Error::InvalidPublicKey));
    assert_eq!(pem::public_key(&RSA_2048_SPKI.replace("PUBLIC KEY", "PRIVATE KEY")), Err(Error::InvalidPublicKey));
    assert_eq!(
        pem::public_key(&RSA_2048_SPKI.replace("PUBLIC KEY", "CERTIFICATE")),
        Err(Error::UnsupportedKeyType("X.509 certificate".into()))
    );
    assert_eq!(pem::public_key(&RSA_2048_SPKI.replace("END PUBLIC", "END RSA PUBLIC")), Err(Error::InvalidPublicKey));
    assert_eq!(pem::public_key("no pem here"), Err(Error::InvalidPublicKey));
    assert_eq!(pem::public_key(&RSA_2048_SPKI.replace("MIIB", "MI!B")), Err(Error::InvalidPublicKey));
    assert_eq!(pem::public_key(&"A".repeat(9000)), Err(Error::InvalidPublicKey));
}

#[test]
#[cfg(not(feature = "ecdsa"))]
fn without_ecdsa_its_keys_are_not_in_this_build() {
    let feature = |result: Result<PublicKey, Error>| match result {
        Err(Error::NotInThisBuild { feature, .. }) => feature,
        other => panic!("{other:?}"),
    };
    assert_eq!(feature(multibase::decode_multikey("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP")), "ecdsa");
    let jwk = json!({"kty": "EC", "crv": "P-256", "x": Base64UrlUnpadded::encode_string(&[1; 32]),
        "y": Base64UrlUnpadded::encode_string(&[2; 32])});
    assert_eq!(feature(jwk::public_key(&jwk)), "ecdsa");
    assert!(crate::features::ECDSA.missing("x").is_unsupported());
}

#[test]
#[cfg(not(feature = "rsa"))]
fn without_rsa_its_keys_are_not_in_this_build() {
    let feature = |result: Result<PublicKey, Error>| match result {
        Err(Error::NotInThisBuild { feature, .. }) => feature,
        other => panic!("{other:?}"),
    };
    assert_eq!(feature(pem::public_key(include_str!("../../../tests/fixtures/keys/rsa-2048-spki.pem"))), "rsa");
    assert_eq!(feature(pem::public_key(include_str!("../../../tests/fixtures/keys/rsa-2048-pkcs1.pem"))), "rsa");
    assert_eq!(der::rsa_public_key(&hex("3006020180020103")), Err(Error::InvalidPublicKey), "DER is still read");
}
