//! JSON Web Keys (RFC 7517) → keys: the `publicKeyJwk` of a `JsonWebKey2020` / `JsonWebKey`
//! verification method, the key inside a `did:jwk`, and (later) a JOSE header's `jwk`. Ed25519
//! (`"kty": "OKP"`, RFC 8037 §2), P-256 and P-384 (`"kty": "EC"`, RFC 7518 §6.2.1) and RSA
//! (`"kty": "RSA"`, RFC 7518 §6.3.1); other key types are named in `unsupported_key_type`. A JWK
//! carrying private key material is never used.
//! See: <https://www.w3.org/TR/cid-1.0/#JsonWebKey>

use serde_json::{Map, Value};

use super::algorithm::Algorithm;
use super::public_key::PublicKey;
use crate::error::Error;

/// The members that only a private (or secret) JWK has: `d` (EC, OKP, RSA), the RSA CRT
/// parameters, and `k` (a symmetric `oct` key). RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037 §2.
const PRIVATE_MEMBERS: [&str; 7] = ["d", "p", "q", "dp", "dq", "qi", "k"];

/// Whether `jwk` holds private or secret key material (CID 1.0 §2.2.3: a `publicKeyJwk` "MUST
/// NOT contain any members of the private information class").
pub fn has_private_part(jwk: &Map<String, Value>) -> bool {
    PRIVATE_MEMBERS.iter().any(|member| jwk.contains_key(*member)) || jwk.contains_key("oth")
}

/// The key of a public JWK.
///
/// # Errors
/// `UnsupportedKeyType` for another `kty` / `crv` (named: `P-521`, `X25519`, `oct`, …);
/// `InvalidPublicKey` for a JWK that is not an object, has a private part, or whose members are
/// not base64url of a valid key of its type (EC coordinates must be the curve's full size,
/// RFC 7518 §6.2.1.2); `rsa_key_too_small`; `not_in_this_build` for a type this build leaves out.
pub fn public_key(jwk: &Value) -> Result<PublicKey, Error> {
    let jwk = jwk.as_object().ok_or(Error::InvalidPublicKey)?;
    if has_private_part(jwk) {
        return Err(Error::InvalidPublicKey);
    }
    let key = key_material(jwk)?;
    check_alg(jwk, &key)?;
    Ok(key)
}

/// Whether a JWK may verify `algorithm` signatures as its own members restrict it: `use` absent
/// or `sig`, `key_ops` absent or listing `verify` (RFC 7517 §4.2–4.3), `alg` absent or
/// `algorithm` (§4.4). For a JOSE layer, which must not verify, say, a PS256 signature with a key
/// published for RS256. (In controller documents the relationships decide instead: a `did:jwk`
/// with `"use": "enc"` has no assertion method.)
pub fn allows(jwk: &Value, algorithm: Algorithm) -> bool {
    let verify = Value::String("verify".to_owned());
    jwk.get("use").is_none_or(|value| value.as_str() == Some("sig"))
        && jwk.get("key_ops").is_none_or(|ops| ops.as_array().is_some_and(|ops| ops.contains(&verify)))
        && jwk.get("alg").is_none_or(|alg| alg.as_str() == Some(algorithm.jose_name()))
}

/// An `alg` (RFC 7517 §4.4) that the JWK's key cannot make is algorithm confusion, whatever
/// signature comes later.
///
/// # Errors
/// `algorithm_key_mismatch` for a signature algorithm of another key type; `unsupported_key_type`
/// for an algorithm this verifier does not know (`ES521`, `HS256`, `RSA1_5`).
fn check_alg(jwk: &Map<String, Value>, key: &PublicKey) -> Result<(), Error> {
    let Some(alg) = jwk.get("alg") else { return Ok(()) };
    match alg.as_str().and_then(Algorithm::from_jose) {
        Some(algorithm) if key.supports(algorithm) => Ok(()),
        Some(algorithm) => Err(Error::AlgorithmKeyMismatch { algorithm: algorithm.jose_name(), key: key.kind() }),
        None => Err(Error::UnsupportedKeyType(format!(
            "{} key for {}",
            key.kind(),
            bounded(alg.as_str().unwrap_or("a non-string alg"))
        ))),
    }
}

/// The key of a JWK's key members (`kty`, `crv`, `x`, `y`, `n`, `e`). A type this build leaves
/// out is `not_in_this_build` before its members are read (no decoding code for it in the build).
fn key_material(jwk: &Map<String, Value>) -> Result<PublicKey, Error> {
    let member = |name: &str| jwk.get(name).and_then(Value::as_str);
    let bytes = |name: &str| member(name).and_then(base64url_decode).ok_or(Error::InvalidPublicKey);
    match (member("kty"), member("crv")) {
        (Some("OKP"), Some("Ed25519")) => PublicKey::ed25519(&bytes("x")?),
        #[cfg(feature = "ecdsa")]
        (Some("EC"), Some(curve @ ("P-256" | "P-384"))) => {
            let (x, y) = (bytes("x")?, bytes("y")?);
            let size = if curve == "P-256" { 32 } else { 48 };
            if x.len() != size || y.len() != size {
                return Err(Error::InvalidPublicKey);
            }
            let point = [&[0x04][..], &x, &y].concat(); // SEC1 uncompressed
            if curve == "P-256" {
                PublicKey::p256_sec1(&point)
            } else {
                PublicKey::p384_sec1(&point)
            }
        }
        #[cfg(not(feature = "ecdsa"))]
        (Some("EC"), Some("P-256" | "P-384")) => Err(crate::features::ECDSA.missing("an EC P-256 / P-384 JWK")),
        #[cfg(feature = "rsa")]
        (Some("RSA"), _) => PublicKey::rsa(&bytes("n")?, &bytes("e")?),
        #[cfg(not(feature = "rsa"))]
        (Some("RSA"), _) => Err(crate::features::RSA.missing("an RSA JWK")),
        (Some("OKP" | "EC"), Some(curve)) => Err(Error::UnsupportedKeyType(bounded(curve))),
        (Some("OKP" | "EC"), None) | (None, _) => Err(Error::InvalidPublicKey),
        (Some(kty), _) => Err(Error::UnsupportedKeyType(bounded(kty))),
    }
}

/// Decodes unpadded base64url (RFC 4648 §5, as JOSE uses it: RFC 7515 §2), refusing padding,
/// other alphabets and non-canonical trailing bits.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    crate::base64::decode(text, crate::base64::Alphabet::UrlCanonical)
}

/// A name from the input, cut short for an error message.
fn bounded(name: &str) -> String {
    name.chars().take(32).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// RFC 8037 Appendix A.2: the Ed25519 public key of the RFC 8032 test key.
    const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    #[test]
    fn reads_the_rfc_8037_public_key() {
        let Ok(PublicKey::Ed25519(key)) = public_key(&json!({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X})) else {
            panic!("not read as an Ed25519 key")
        };
        assert_eq!(
            key.as_bytes(),
            &[
                0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e,
                0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a
            ]
        );
    }

    #[test]
    fn names_other_key_types() {
        let p521 = json!({"kty": "EC", "crv": "P-521", "x": "AAAA", "y": "AAAA"});
        assert_eq!(public_key(&p521), Err(Error::UnsupportedKeyType("P-521".into())));
        assert_eq!(public_key(&json!({"kty": "EC", "x": "AAAA", "y": "AAAA"})), Err(Error::InvalidPublicKey));
        let x25519 = json!({"kty": "OKP", "crv": "X25519", "x": "3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08"});
        assert_eq!(public_key(&x25519), Err(Error::UnsupportedKeyType("X25519".into())));
        assert_eq!(public_key(&json!({"kty": "oct", "alg": "HS256"})), Err(Error::UnsupportedKeyType("oct".into())));
    }

    #[test]
    fn refuses_private_keys_and_malformed_x() {
        let private = json!({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X,
            "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"});
        assert_eq!(public_key(&private), Err(Error::InvalidPublicKey));
        assert_eq!(public_key(&json!({"kty": "oct", "k": "AAAA"})), Err(Error::InvalidPublicKey));
        for x in
            ["", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo", "AAAA"]
        {
            let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": x});
            assert_eq!(public_key(&jwk), Err(Error::InvalidPublicKey), "{x:?}");
        }
        assert_eq!(public_key(&json!({"kty": "OKP", "crv": "Ed25519"})), Err(Error::InvalidPublicKey));
        assert_eq!(public_key(&json!({"crv": "Ed25519", "x": RFC8037_X})), Err(Error::InvalidPublicKey));
        assert_eq!(public_key(&json!("not a jwk")), Err(Error::InvalidPublicKey));
    }

    #[test]
    fn an_alg_the_key_cannot_make_is_refused() {
        let key = |alg: &str| public_key(&json!({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "alg": alg}));
        assert!(key("EdDSA").is_ok());
        assert_eq!(key("RS256"), Err(Error::AlgorithmKeyMismatch { algorithm: "RS256", key: "Ed25519" }));
        assert_eq!(key("HS256"), Err(Error::UnsupportedKeyType("Ed25519 key for HS256".into())));
    }

    #[test]
    fn allows_follows_use_key_ops_and_alg() {
        let rsa = json!({"kty": "RSA", "alg": "RS256", "use": "sig", "key_ops": ["verify"]});
        assert!(allows(&rsa, Algorithm::RS256));
        assert!(!allows(&rsa, Algorithm::PS256));
        assert!(allows(&json!({"kty": "RSA"}), Algorithm::PS256));
        assert!(!allows(&json!({"kty": "RSA", "use": "enc"}), Algorithm::RS256));
        assert!(!allows(&json!({"kty": "RSA", "key_ops": ["encrypt"]}), Algorithm::RS256));
        assert!(!allows(&json!({"kty": "RSA", "key_ops": "verify"}), Algorithm::RS256));
    }

    #[test]
    fn base64url_is_strict() {
        assert_eq!(base64url_decode("AQAB"), Some(vec![1, 0, 1]));
        assert_eq!(base64url_decode("_-8"), Some(vec![0xff, 0xef]));
        assert_eq!(base64url_decode("AQAB="), None);
        assert_eq!(base64url_decode("+/8"), None);
        assert_eq!(base64url_decode("_-9"), None, "non-zero bits past the last byte");
        // Non-canonical: the last character carries bits that are not zero.
        assert_eq!(base64url_decode("_-9"), None);
    }
}
