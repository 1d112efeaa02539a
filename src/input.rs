//! Input decoding: bytes → a credential's (or Open Badges 2.0 assertion's) JSON, a compact JWS,
//! a hosted assertion's URL, or a clear word on what else they are. JSON is parsed under the hard
//! limits; a baked badge image (PNG, SVG) has its payload read out (`baked`) and is then verified
//! as that payload would be; an OB 3.0 image carrying a URL is recognised and reported as not
//! supported rather than misread.

use serde_json::Value;

#[cfg(feature = "baked")]
use crate::baked::{self, Baked, Payload, Version};
use crate::error::Error;
use crate::json::{self, Limits};
use crate::report::InputFormat;

/// What the input bytes are.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Decoded {
    /// A JSON document (possibly a credential).
    Json(Value),
    /// A compact JWS (a VC-JWT, or something else signed): its text, trimmed, and the image it was
    /// read from (`json` when given as is).
    CompactJws {
        /// The image it was read from, or `json` (the token itself was the input).
        image: InputFormat,
        /// The token.
        text: String,
    },
    /// The JSON document baked into a badge image (an Open Badges 3.0 credential, possibly).
    Baked {
        /// The image it was read from.
        image: InputFormat,
        /// The JSON read from it.
        json: Value,
    },
    /// The URL of a hosted Open Badges 2.0 assertion (given as is, or baked into an image).
    HostedUrl {
        /// The image it was read from, or `json` (the URL itself was the input).
        image: InputFormat,
        /// The `http(s)` URL.
        url: String,
    },
    /// A format this build recognises but does not verify yet (named for the report).
    Unsupported(&'static str),
    /// A badge image, in a build that leaves out reading them (`not_in_this_build`).
    LeftOut {
        /// The image.
        image: InputFormat,
        /// `not_in_this_build`, naming the feature.
        error: Error,
    },
    /// A payload baked into a badge image that this build does not verify yet (named for the report).
    BakedUnsupported {
        /// The image it was read from.
        image: InputFormat,
        /// What it carries, for the report (`"a VC-JWT in a baked PNG"`).
        what: &'static str,
    },
}

/// Decodes untrusted input bytes.
///
/// # Errors
/// `InputTooLarge` (checked first, before anything is read), `JsonTooDeep`, `MalformedJson`;
/// for images `BakedImageMalformed`, `BakedImageNoCredential`, `BakedImageAmbiguous`.
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<Decoded, Error> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Error::InputTooLarge { size: bytes.len(), limit: limits.max_input_bytes });
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        #[cfg(feature = "baked")]
        return from_image(baked::from_png(bytes, limits.max_input_bytes)?, InputFormat::BakedPng, limits);
        #[cfg(not(feature = "baked"))]
        return Ok(Decoded::LeftOut {
            image: InputFormat::BakedPng,
            error: crate::features::BAKED.missing("a baked PNG badge"),
        });
    }
    let text = bytes.trim_ascii();
    let markup = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    if markup.starts_with(b"<") && contains(markup, b"<svg") {
        #[cfg(feature = "baked")]
        return from_image(baked::from_svg(bytes, limits.max_input_bytes)?, InputFormat::BakedSvg, limits);
        #[cfg(not(feature = "baked"))]
        return Ok(Decoded::LeftOut {
            image: InputFormat::BakedSvg,
            error: crate::features::BAKED.missing("a baked SVG badge"),
        });
    }
    if is_url(text) {
        // Only printable ASCII without white space: always UTF-8.
        return Ok(Decoded::HostedUrl { image: InputFormat::Json, url: String::from_utf8_lossy(text).into_owned() });
    }
    if is_compact_jws(text) {
        // Only base64url and dots: ASCII, so always UTF-8.
        return Ok(Decoded::CompactJws { image: InputFormat::Json, text: String::from_utf8_lossy(text).into_owned() });
    }
    if is_sd_jwt(text) {
        return Ok(Decoded::Unsupported("an SD-JWT (a selectively disclosed VC-JWT)"));
    }
    if is_base64_cose_sign1(text) {
        return Ok(Decoded::Unsupported("a COSE_Sign1 (a VC secured with COSE)"));
    }
    json::parse(bytes, limits).map(Decoded::Json)
}

/// An SD-JWT (RFC 9901): a compact JWS, then `~`-separated disclosures (and maybe a key-binding JWT).
fn is_sd_jwt(text: &[u8]) -> bool {
    let mut parts = text.split(|b| *b == b'~');
    parts.next().is_some_and(is_compact_jws)
        && text.contains(&b'~')
        && parts.all(|part| part.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
}

/// Base64 of a tagged COSE_Sign1 (RFC 9052): tag 18 (`0xd2`) and a four-item array (`0x84`) encode as `0oR`.
fn is_base64_cose_sign1(text: &[u8]) -> bool {
    text.starts_with(b"0oR")
        && text.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'))
}

/// The 8-byte signature every PNG file starts with (PNG § 5.2).
pub(crate) const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// A baked credential or assertion's JSON, JWS or URL, each verified as if given as is (the JSON
/// and the JWS are routed by what they carry, an OB 2.0 assertion or an OB 3.0 credential).
#[cfg(feature = "baked")]
fn from_image(baked: Baked, image: InputFormat, limits: &Limits) -> Result<Decoded, Error> {
    let png = image == InputFormat::BakedPng;
    let what = match (baked.version, baked.payload) {
        (_, Payload::Json(text)) => {
            return json::parse(text.as_bytes(), limits).map(|json| Decoded::Baked { image, json });
        }
        (_, Payload::Jws(text)) => return Ok(Decoded::CompactJws { image, text }),
        (Version::OpenBadges2, Payload::Url(url)) => return Ok(Decoded::HostedUrl { image, url }),
        (Version::OpenBadges3, _) if png => "a URL in a baked PNG (Open Badges 3.0 bakes the credential itself)",
        (Version::OpenBadges3, _) => "a URL in a baked SVG (Open Badges 3.0 bakes the credential itself)",
    };
    Ok(Decoded::BakedUnsupported { image, what })
}

/// An `http(s)` URL alone: a hosted assertion's.
fn is_url(text: &[u8]) -> bool {
    (text.starts_with(b"https://") || text.starts_with(b"http://"))
        && text.len() <= 2048
        && text.iter().all(|b| b.is_ascii_graphic())
}

/// `header.payload.signature`, base64url, with a JSON header (`eyJ` is base64url of `{"`).
pub(crate) fn is_compact_jws(text: &[u8]) -> bool {
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
        #[cfg(feature = "baked")]
        {
            assert_eq!(decode(b"\x89PNG\r\n\x1a\nrest", &limits).unwrap_err().code(), "baked_image_malformed");
            assert_eq!(decode(b"  <?xml?><svg></svg>", &limits).unwrap_err().code(), "baked_image_no_credential");
            assert_eq!(decode(b"\xef\xbb\xbf<svg/>", &limits).unwrap_err().code(), "baked_image_no_credential");
        }
        #[cfg(not(feature = "baked"))]
        {
            let png = Decoded::LeftOut {
                image: InputFormat::BakedPng,
                error: crate::features::BAKED.missing("a baked PNG badge"),
            };
            assert_eq!(decode(b"\x89PNG\r\n\x1a\nrest", &limits), Ok(png));
            let svg = Decoded::LeftOut {
                image: InputFormat::BakedSvg,
                error: crate::features::BAKED.missing("a baked SVG badge"),
            };
            assert_eq!(decode(b"  <?xml?><svg></svg>", &limits), Ok(svg));
        }
        let jws =
            Decoded::CompactJws { image: InputFormat::Json, text: "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln".into() };
        assert_eq!(decode(b"eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln\n", &limits), Ok(jws));
        let sd_jwt = b"eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln~WyJzYWx0IiwibmFtZSIsIkFkYSJd~";
        assert_eq!(decode(sd_jwt, &limits), Ok(Decoded::Unsupported("an SD-JWT (a selectively disclosed VC-JWT)")));
        assert_eq!(decode(b"0oRYVqQBJgNu", &limits), Ok(Decoded::Unsupported("a COSE_Sign1 (a VC secured with COSE)")));
        assert_eq!(decode(b"eyJhbGciOiJFUzI1NiJ9.e30.c2ln~<script>", &limits).unwrap_err().code(), "malformed_json");
        assert!(matches!(decode(b"{}", &limits), Ok(Decoded::Json(_))));
        assert_eq!(decode(b"hello", &limits).unwrap_err().code(), "malformed_json");
        let url = Decoded::HostedUrl { image: InputFormat::Json, url: "https://i.example/a/1".into() };
        assert_eq!(decode(b" https://i.example/a/1\n", &limits), Ok(url));
        assert_eq!(decode(b"https://i.example/a b", &limits).unwrap_err().code(), "malformed_json");
        assert_eq!(decode(b"", &limits).unwrap_err().code(), "malformed_json");
    }
}
