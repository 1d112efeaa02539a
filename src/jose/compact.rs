//! The JWS compact serialisation (RFC 7515 §7.1): `BASE64URL(header) '.' BASE64URL(payload) '.'
//! BASE64URL(signature)`. Each part must be canonical base64url (no padding, no stray bits), so one
//! signed token has exactly one spelling; the JSON parts are parsed under the input limits.

use serde_json::Value;

use super::header::{malformed, Header};
use crate::base64::{self, Alphabet};
use crate::error::Error;
use crate::json::{self, Limits};

/// A compact JWS, split, decoded and its header judged; the signature is not checked yet.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactJws {
    /// The protected header.
    pub header: Header,
    /// The payload, parsed as JSON (a credential, or a JWT claims set holding one).
    pub payload: Value,
    /// The signing input: the ASCII `header '.' payload` exactly as received.
    pub signing_input: Vec<u8>,
    /// The signature bytes.
    pub signature: Vec<u8>,
}

impl CompactJws {
    /// Splits and decodes `text` (surrounding ASCII whitespace is not part of it: trim first).
    ///
    /// # Errors
    /// [`SignedBytes::split`]'s, and `jws_malformed` for a payload that is not a JSON object.
    pub fn parse(text: &str, limits: &Limits) -> Result<Self, Error> {
        let SignedBytes { header, payload, signing_input, signature } = SignedBytes::split(text, limits)?;
        let payload = object(&payload, "payload", limits)?;
        Ok(Self { header, payload, signing_input, signature })
    }
}

/// A compact JWS split and its header judged, the payload left as bytes: any JWS (RFC 7515),
/// not only a credential's.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedBytes {
    /// The protected header.
    pub header: Header,
    /// The payload bytes.
    pub payload: Vec<u8>,
    /// The signing input: the ASCII `header '.' payload` exactly as received.
    pub signing_input: Vec<u8>,
    /// The signature bytes.
    pub signature: Vec<u8>,
}

impl SignedBytes {
    /// Splits `text` into its three canonical base64url parts and judges the header.
    ///
    /// # Errors
    /// `jws_malformed` (not three parts, non-canonical base64url, a header that is not a JSON
    /// object, an empty signature), the header's errors ([`Header::read`]), the JSON limits'.
    pub fn split(text: &str, limits: &Limits) -> Result<Self, Error> {
        let mut parts = text.split('.');
        let (Some(header), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed("a compact JWS has exactly three parts"));
        };
        let decode = |part: &str, name: &str| {
            base64::decode(part, Alphabet::UrlCanonical)
                .ok_or_else(|| malformed(&format!("the {name} is not canonical base64url")))
        };
        let header = Header::read(&object(&decode(header, "header")?, "header", limits)?)?;
        let payload = decode(payload, "payload")?;
        let signature = decode(signature, "signature")?;
        if signature.is_empty() {
            return Err(malformed("the signature is empty"));
        }
        let signing_input = text.rsplit_once('.').map_or(text, |(signed, _)| signed).as_bytes().to_vec();
        Ok(Self { header, payload, signing_input, signature })
    }
}

/// Parses `bytes` as a JSON object under the limits.
fn object(bytes: &[u8], name: &str, limits: &Limits) -> Result<Value, Error> {
    match json::parse(bytes, limits) {
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err(malformed(&format!("the {name} is not a JSON object"))),
        Err(Error::MalformedJson { reason, .. }) => Err(malformed(&format!("the {name} is not JSON: {reason}"))),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8]) -> String {
        use base64ct::{Base64UrlUnpadded, Encoding};
        Base64UrlUnpadded::encode_string(bytes)
    }

    fn token(header: &str, payload: &str, signature: &[u8]) -> String {
        format!("{}.{}.{}", b64(header.as_bytes()), b64(payload.as_bytes()), b64(signature))
    }

    fn code(text: &str) -> &'static str {
        CompactJws::parse(text, &Limits::default()).err().map_or("ok", |e| e.code())
    }

    #[test]
    fn splits_and_keeps_the_exact_signing_input() {
        let text = token(r#"{"alg":"EdDSA"}"#, r#"{"iss":"did:example:1"}"#, &[7; 64]);
        let jws = CompactJws::parse(&text, &Limits::default()).unwrap();
        let (signed, _) = text.rsplit_once('.').unwrap();
        assert_eq!(jws.signing_input, signed.as_bytes());
        assert_eq!(jws.signature, vec![7; 64]);
        assert_eq!(jws.payload["iss"], "did:example:1");
    }

    #[test]
    fn each_malformation_has_its_code() {
        let good = token(r#"{"alg":"EdDSA"}"#, "{}", &[1; 64]);
        assert_eq!(code(&good), "ok");
        assert_eq!(code(&format!("{good}.x")), "jws_malformed", "four parts");
        assert_eq!(code(good.rsplit_once('.').unwrap().0), "jws_malformed", "two parts");
        assert_eq!(code(&format!("{good}=")), "jws_malformed", "padding");
        assert_eq!(code(&token(r#"{"alg":"EdDSA"}"#, "{}", &[])), "jws_malformed", "no signature");
        assert_eq!(code(&token(r#"{"alg":"EdDSA"}"#, "[1]", &[1])), "jws_malformed", "payload not an object");
        assert_eq!(code(&token(r#"{"alg":"EdDSA"}"#, "{", &[1])), "jws_malformed", "payload not JSON");
        assert_eq!(code(&token(r#"{"alg":"EdDSA","alg":"none"}"#, "{}", &[1])), "jws_malformed", "duplicate member");
        assert_eq!(code(&token(r#"{"alg":"none"}"#, "{}", &[1])), "jws_algorithm_none");
        // "e30" is `{}`; "e31" decodes to the same bytes with a non-zero stray bit: not canonical.
        let stray = format!("{}.e31.{}", b64(br#"{"alg":"EdDSA"}"#), b64(&[1; 64]));
        assert_eq!(code(&stray), "jws_malformed");
    }

    #[test]
    fn limits_hold_inside_the_parts() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let text = token(r#"{"alg":"EdDSA"}"#, &format!(r#"{{"a":{deep}}}"#), &[1]);
        assert_eq!(code(&text), "json_too_deep");
    }
}
