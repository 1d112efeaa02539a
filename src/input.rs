//! Input decoding: bytes → a credential's JSON, or a clear word on what else they are.
//! JSON is parsed under the hard limits; JWTs and baked images are recognised (and reported as
//! not supported yet) rather than misread as malformed JSON.

use serde_json::Value;

use crate::error::Error;
use crate::json::{self, Limits};

/// What the input bytes are.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Decoded {
    /// A JSON document (possibly a credential).
    Json(Value),
    /// A compact JWS (a VC-JWT, or something else signed): its text, trimmed.
    CompactJws(String),
    /// A format this build recognises but does not verify yet (named for the report).
    Unsupported(&'static str),
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Decodes untrusted input bytes.
///
/// # Errors
/// `InputTooLarge` (checked first, before anything is read), `JsonTooDeep`, `MalformedJson`.
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<Decoded, Error> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Error::InputTooLarge { size: bytes.len(), limit: limits.max_input_bytes });
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        return Ok(Decoded::Unsupported("a baked PNG badge"));
    }
    let text = bytes.trim_ascii();
    if text.starts_with(b"<") && contains(text, b"<svg") {
        return Ok(Decoded::Unsupported("a baked SVG badge"));
    }
    if is_compact_jws(text) {
        // Only base64url and dots: ASCII, so always UTF-8.
        return Ok(Decoded::CompactJws(String::from_utf8_lossy(text).into_owned()));
    }
    json::parse(bytes, limits).map(Decoded::Json)
}

/// `header.payload.signature`, base64url, with a JSON header (`eyJ` is base64url of `{"`).
fn is_compact_jws(text: &[u8]) -> bool {
    let base64url = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_';
    text.starts_with(b"eyJ")
        && text.iter().filter(|b| **b == b'.').count() == 2
        && text.iter().all(|b| base64url(b) || *b == b'.')
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_format() {
        let limits = Limits::default();
        assert_eq!(decode(b"\x89PNG\r\n\x1a\nrest", &limits), Ok(Decoded::Unsupported("a baked PNG badge")));
        assert_eq!(decode(b"  <?xml?><svg></svg>", &limits), Ok(Decoded::Unsupported("a baked SVG badge")));
        let jws = Decoded::CompactJws("eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln".into());
        assert_eq!(decode(b"eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln\n", &limits), Ok(jws));
        assert!(matches!(decode(b"{}", &limits), Ok(Decoded::Json(_))));
        assert_eq!(decode(b"hello", &limits).unwrap_err().code(), "malformed_json");
        assert_eq!(decode(b"", &limits).unwrap_err().code(), "malformed_json");
    }
}
