//! `did:jwk`: the DID is base64url of a public JWK, so its document is derived locally, never
//! fetched (like `did:key`). One verification method, `did#0`, of type `JsonWebKey2020`.
//! See: <https://github.com/quartzjer/did-jwk/blob/main/spec.md#read>

use serde_json::{json, Value};

use super::jwk;
use crate::error::Error;
use crate::json::{self, Limits};

/// Longest method-specific id accepted: an RSA-4096 JWK is about 1,000 characters of base64url.
const MAX_ID_CHARS: usize = 4096;

/// The DID document of `did` (a `did:jwk` without fragment), as the spec's Read operation
/// builds it. The relationships follow the JWK's `use`: `"enc"` gives only `keyAgreement` (so
/// such a key can never be an issuer's assertion key), `"sig"` everything but `keyAgreement`,
/// no `use` all five. The JWK is copied verbatim into `publicKeyJwk`; its key type is judged
/// only when the key is used.
///
/// # Errors
/// `InvalidDidJwk` when the suffix is not base64url of a JSON object with a `kty`, or the JWK
/// holds private key material (RFC 7517 §4: a private JWK must never be published).
pub fn document(did: &str) -> Result<Value, Error> {
    let encoded = did.strip_prefix("did:jwk:").ok_or_else(|| invalid(format!("{} is not a did:jwk", quoted(did))))?;
    if encoded.is_empty() || encoded.len() > MAX_ID_CHARS {
        return Err(invalid(format!("the suffix has {} characters", encoded.len())));
    }
    let bytes = jwk::base64url_decode(encoded)
        .ok_or_else(|| invalid("the suffix is not unpadded base64url (a path, query or fragment?)".to_owned()))?;
    // The strict parser: a duplicate member (two `kty`s, two `x`s) must not be read either way.
    let key = match json::parse(&bytes, &Limits::default()) {
        Ok(Value::Object(key)) => key,
        Ok(_) => return Err(invalid("the suffix does not decode to a JSON object".to_owned())),
        Err(e) => return Err(invalid(format!("the suffix does not decode to JSON: {e}"))),
    };
    if !key.get("kty").is_some_and(Value::is_string) {
        return Err(invalid("the JWK has no kty".to_owned()));
    }
    if jwk::has_private_part(&key) {
        return Err(invalid("the JWK contains private key material".to_owned()));
    }
    let method = format!("{did}#0");
    let mut document = json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
        "id": did,
        "verificationMethod": [{
            "id": method,
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": key,
        }],
    });
    let relationships: &[&str] = match key.get("use").and_then(Value::as_str) {
        Some("enc") => &["keyAgreement"],
        Some("sig") => &["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation"],
        _ => &["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement"],
    };
    if let Value::Object(fields) = &mut document {
        for relationship in relationships {
            fields.insert((*relationship).to_owned(), json!([method]));
        }
    }
    Ok(document)
}

fn invalid(why: String) -> Error {
    Error::InvalidDidJwk(why)
}

/// `did` quoted and cut short, for an error message.
fn quoted(did: &str) -> String {
    format!("{:?}", did.chars().take(80).collect::<String>())
}

#[cfg(test)]
mod tests {
    use base64ct::{Base64UrlUnpadded, Encoding};

    use super::*;

    fn did_of(jwk: &Value) -> String {
        format!("did:jwk:{}", Base64UrlUnpadded::encode_string(jwk.to_string().as_bytes()))
    }

    const ED25519_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    #[test]
    fn derives_one_method_named_0_from_the_verbatim_jwk() {
        let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X, "kid": "ignored"});
        let did = did_of(&jwk);
        let doc = document(&did).unwrap();
        let method = format!("{did}#0");
        assert_eq!(doc["verificationMethod"][0]["id"], method);
        assert_eq!(doc["verificationMethod"][0]["publicKeyJwk"], jwk);
        for relationship in ["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation"] {
            assert_eq!(doc[relationship], json!([method]), "{relationship}");
        }
        assert_eq!(doc["keyAgreement"], json!([method]));
    }

    #[test]
    fn use_decides_the_relationships() {
        let sig = document(&did_of(&json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X, "use": "sig"}))).unwrap();
        assert!(sig.get("keyAgreement").is_none());
        assert!(sig.get("assertionMethod").is_some());
        let enc = document(&did_of(&json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X, "use": "enc"}))).unwrap();
        assert!(enc.get("assertionMethod").is_none());
        assert!(enc.get("authentication").is_none());
        assert!(enc.get("keyAgreement").is_some());
    }

    #[test]
    fn resolves_did_0_and_binds_it_to_its_own_did_only() {
        use crate::documents::Documents;
        use crate::key::{check_bound, resolve, resolve_bound};

        let did = did_of(&json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X}));
        let vm = format!("{did}#0");
        let none = Documents::new();
        let key = resolve_bound(&vm, &did, &none).unwrap();
        assert_eq!(key.controller, did);
        let x = jwk::base64url_decode(ED25519_X).unwrap();
        assert_eq!(key.public_key, crate::key::PublicKey::ed25519(&x).unwrap());
        assert_eq!(resolve(&did, &none).unwrap_err().code(), "verification_method_not_found");
        assert_eq!(resolve(&format!("{did}#1"), &none).unwrap_err().code(), "verification_method_not_found");
        let other = did_of(&json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X, "use": "sig"}));
        assert_eq!(resolve_bound(&vm, &other, &none).unwrap_err().code(), "key_not_bound_to_issuer");

        // Another issuer may authorise the did:jwk key in its own assertionMethod.
        let issuer = "did:web:issuer.example";
        let mut docs = Documents::new();
        docs.insert(issuer, json!({"id": issuer, "assertionMethod": [vm]}));
        assert!(resolve_bound(&vm, issuer, &docs).is_ok());
        docs.insert(issuer, json!({"id": issuer, "keyAgreement": [vm]}));
        assert_eq!(check_bound(&vm, issuer, &docs).unwrap_err().code(), "key_not_bound_to_issuer");
    }

    #[test]
    fn an_encryption_key_never_verifies_a_credential() {
        use crate::documents::Documents;
        use crate::key::{resolve, resolve_bound};

        let did = did_of(&json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X, "use": "enc"}));
        let vm = format!("{did}#0");
        let none = Documents::new();
        assert!(resolve(&vm, &none).is_ok(), "the method exists (keyAgreement)");
        assert_eq!(resolve_bound(&vm, &did, &none).unwrap_err().code(), "key_not_bound_to_issuer");
    }

    #[test]
    fn refuses_private_keys() {
        let private = json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X,
            "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"});
        assert_eq!(document(&did_of(&private)).unwrap_err().code(), "invalid_did_jwk");
        assert_eq!(document(&did_of(&json!({"kty": "oct", "k": "c2VjcmV0"}))).unwrap_err().code(), "invalid_did_jwk");
    }

    #[test]
    fn refuses_malformed_suffixes() {
        let good = did_of(&json!({"kty": "OKP", "crv": "Ed25519", "x": ED25519_X}));
        let not_object = format!("did:jwk:{}", Base64UrlUnpadded::encode_string(b"[1,2]"));
        let not_json = format!("did:jwk:{}", Base64UrlUnpadded::encode_string(b"{kty"));
        let no_kty = did_of(&json!({"crv": "Ed25519", "x": ED25519_X}));
        let twice = format!(
            "did:jwk:{}",
            Base64UrlUnpadded::encode_string(
                format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{ED25519_X}","x":"AAAA"}}"#).as_bytes()
            )
        );
        let padded = format!("did:jwk:{}=", Base64UrlUnpadded::encode_string(b"{\"kty\":\"OKP\"}"));
        let too_long = format!("did:jwk:{}", "A".repeat(MAX_ID_CHARS + 4));
        for bad in [
            "did:jwk:".to_owned(),
            "did:key:z6Mk".to_owned(),
            format!("{good}/path"),
            format!("{good}?query=1"),
            format!("{good}:extra"),
            "did:jwk:eyJrdHkiOiJPS1AifQ+/".to_owned(),
            padded,
            not_object,
            not_json,
            no_kty,
            twice,
            too_long,
        ] {
            assert_eq!(document(&bad).unwrap_err().code(), "invalid_did_jwk", "{bad}");
        }
    }
}
