//! The protected header of a JWS (RFC 7515 §4.1): the algorithm, the key (`kid` or `jwk`) and the
//! media types, judged strictly. An unprotected header does not exist in the compact
//! serialisation, so everything here is covered by the signature.

use serde_json::{Map, Value};

use crate::error::Error;
use crate::key::Algorithm;

/// The algorithm named by a header's `alg`.
///
/// # Errors
/// `jws_algorithm_none` for `none` (any case: `None` is no signature either);
/// `jws_algorithm_not_allowed` for the HMAC family (a shared secret proves nothing to a third
/// party, and accepting it is the classic algorithm-confusion hole: an RSA public key used as an
/// HMAC secret); `jws_algorithm_unsupported` for anything else this verifier does not implement.
pub fn algorithm(alg: &str) -> Result<Algorithm, Error> {
    match Algorithm::from_jose(alg) {
        Some(algorithm) => Ok(algorithm),
        None if alg.eq_ignore_ascii_case("none") => Err(Error::JwsAlgorithmNone),
        None if alg.starts_with("HS") => Err(Error::JwsAlgorithmNotAllowed(cut(alg))),
        None => Err(Error::JwsAlgorithmUnsupported(cut(alg))),
    }
}

/// A JWS protected header this verifier accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// `alg`.
    pub algorithm: Algorithm,
    /// `kid`: a DID URL or URL naming the verification method, or an opaque key id.
    pub key_id: Option<String>,
    /// `jwk`: the signer's public key carried in the header (not, by itself, the issuer's).
    pub jwk: Option<Map<String, Value>>,
    /// `typ`, when present.
    pub media_type: Option<String>,
    /// `cty`, when present.
    pub content_type: Option<String>,
}

impl Header {
    /// Judges a decoded header object.
    ///
    /// # Errors
    /// `jws_malformed` (not an object, a member of the wrong type), the algorithm errors of
    /// [`algorithm`], `jws_critical_header_unsupported` (`crit` present, or
    /// `b64` present: RFC 7797's unencoded payload is never used for credentials).
    pub fn read(header: &Value) -> Result<Self, Error> {
        let Value::Object(members) = header else {
            return Err(malformed("the header is not a JSON object"));
        };
        let text = |name: &str| -> Result<Option<String>, Error> {
            match members.get(name) {
                None => Ok(None),
                Some(Value::String(value)) => Ok(Some(value.clone())),
                Some(_) => Err(malformed(&format!("header `{name}` is not a string"))),
            }
        };
        let Some(alg) = text("alg")? else {
            return Err(malformed("the header has no `alg`"));
        };
        let algorithm = algorithm(&alg)?;
        if let Some(crit) = members.get("crit") {
            return Err(Error::JwsCriticalHeaderUnsupported(cut(&crit.to_string())));
        }
        if members.contains_key("b64") {
            return Err(Error::JwsCriticalHeaderUnsupported("b64".to_owned()));
        }
        let jwk = match members.get("jwk") {
            None => None,
            Some(Value::Object(jwk)) => Some(jwk.clone()),
            Some(_) => return Err(malformed("header `jwk` is not an object")),
        };
        Ok(Self { algorithm, key_id: text("kid")?, jwk, media_type: text("typ")?, content_type: text("cty")? })
    }
}

pub(crate) fn malformed(reason: &str) -> Error {
    Error::JwsMalformed(reason.to_owned())
}

/// At most 64 characters of attacker-chosen text in a message.
pub(crate) fn cut(text: &str) -> String {
    text.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn code(header: Value) -> &'static str {
        Header::read(&header).err().map_or("ok", |e| e.code())
    }

    #[test]
    fn reads_the_members_it_uses() {
        let header =
            Header::read(&json!({"alg": "ES256", "kid": "did:web:example.com#key-1", "typ": "vc+jwt", "cty": "vc"}));
        let header = header.unwrap();
        assert_eq!(header.algorithm, Algorithm::ES256);
        assert_eq!(header.key_id.as_deref(), Some("did:web:example.com#key-1"));
        assert_eq!(header.media_type.as_deref(), Some("vc+jwt"));
        assert_eq!(header.content_type.as_deref(), Some("vc"));
        assert_eq!(header.jwk, None);
    }

    #[test]
    fn each_refusal_has_its_code() {
        assert_eq!(code(json!({"alg": "none"})), "jws_algorithm_none");
        assert_eq!(code(json!({"alg": "None"})), "jws_algorithm_none");
        assert_eq!(code(json!({"alg": "HS256"})), "jws_algorithm_not_allowed");
        assert_eq!(code(json!({"alg": "HS512"})), "jws_algorithm_not_allowed");
        assert_eq!(code(json!({"alg": "ES512"})), "jws_algorithm_unsupported");
        assert_eq!(code(json!({"alg": "ES256K"})), "jws_algorithm_unsupported");
        assert_eq!(code(json!({"alg": "RS256", "crit": ["exp"]})), "jws_critical_header_unsupported");
        assert_eq!(code(json!({"alg": "RS256", "crit": []})), "jws_critical_header_unsupported");
        assert_eq!(code(json!({"alg": "RS256", "b64": false})), "jws_critical_header_unsupported");
        assert_eq!(code(json!({"alg": 256})), "jws_malformed");
        assert_eq!(code(json!({"kid": "x"})), "jws_malformed");
        assert_eq!(code(json!({"alg": "EdDSA", "kid": 7})), "jws_malformed");
        assert_eq!(code(json!({"alg": "EdDSA", "jwk": "x"})), "jws_malformed");
        assert_eq!(code(json!(["alg", "EdDSA"])), "jws_malformed");
    }

    #[test]
    fn unknown_members_are_ignored() {
        assert_eq!(code(json!({"alg": "EdDSA", "x5u": "https://example.com", "zip": "x"})), "ok");
    }
}
