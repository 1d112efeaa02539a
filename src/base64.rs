//! Base64 decoding (RFC 4648), in the strictnesses the formats need: JOSE's (JWKs, did:jwk) and
//! the two of status lists' `encodedList`. One small decoder for all (a crate would add bytes).
//!
//! - JOSE: base64url without padding, and canonical: the bits past the last whole byte must be
//!   zero, so one value has one encoding (RFC 7515 §2, RFC 4648 §3.5).
//! - Bitstring Status List: multibase `u`, which is base64url **without** padding (§2.2,
//!   `encodedList`: "Multibase-encoded base64url (with no padding)"; padded base64url would be
//!   multibase `U`). Anything else is refused.
//! - StatusList2021: the CCG draft says only "base-64 encoded [RFC4648]", and issuers differ;
//!   both alphabets (`-_` and `+/`) and `=` padding are accepted. Neither can change the bits
//!   decoded, and the list's signature covers the text either way.

/// Which variant to accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alphabet {
    /// base64url, no padding, canonical trailing bits (RFC 4648 §5 and §3.5; JOSE).
    UrlCanonical,
    /// base64url, no padding (RFC 4648 §5).
    UrlNoPad,
    /// base64url or standard base64 (§4), padding optional.
    Lenient,
}

/// The bytes `text` encodes, or `None` if it is not base64 of the given variant.
pub(crate) fn decode(text: &str, alphabet: Alphabet) -> Option<Vec<u8>> {
    let mut symbols = text.as_bytes();
    if alphabet == Alphabet::Lenient && symbols.ends_with(b"=") {
        if !symbols.len().is_multiple_of(4) {
            return None;
        }
        symbols = symbols.strip_suffix(b"==").or_else(|| symbols.strip_suffix(b"=")).unwrap_or(symbols);
    }
    // A final group of one symbol carries 6 bits: not a whole byte.
    if symbols.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(symbols.len() / 4 * 3 + 2);
    let (mut buffer, mut bits) = (0_u32, 0_u32);
    for &symbol in symbols {
        buffer = (buffer << 6) | u32::from(value(symbol, alphabet)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    if alphabet == Alphabet::UrlCanonical && buffer != 0 {
        return None; // non-zero bits past the last byte: another spelling of the same bytes
    }
    Some(out)
}

/// base64url without padding (RFC 4648 §5): the spelling ecdsa-sd-2023 gives its blank-node
/// labels (`u` + this).
#[cfg(feature = "ecdsa")]
pub(crate) fn encode_url_no_pad(bytes: &[u8]) -> String {
    encode(bytes, b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false)
}

/// Standard base64 with padding (RFC 4648 §4): what a `data:` URL carries.
#[cfg(any(all(target_arch = "wasm32", feature = "baked"), test))]
pub(crate) fn encode_standard(bytes: &[u8]) -> String {
    encode(bytes, b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", true)
}

#[cfg(any(feature = "ecdsa", all(target_arch = "wasm32", feature = "baked"), test))]
fn encode(bytes: &[u8], symbols: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let buffer = group.iter().enumerate().fold(0u32, |acc, (i, &byte)| acc | u32::from(byte) << (16 - 8 * i));
        for position in 0..=group.len() {
            let index = (buffer >> (18 - 6 * position)) & 0x3f;
            out.push(char::from(symbols.get(index as usize).copied().unwrap_or(b'A')));
        }
        if pad {
            for _ in group.len()..3 {
                out.push('=');
            }
        }
    }
    out
}

fn value(symbol: u8, alphabet: Alphabet) -> Option<u8> {
    match symbol {
        b'A'..=b'Z' => Some(symbol - b'A'),
        b'a'..=b'z' => Some(symbol - b'a' + 26),
        b'0'..=b'9' => Some(symbol - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        b'+' if alphabet == Alphabet::Lenient => Some(62),
        b'/' if alphabet == Alphabet::Lenient => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_encoding_pads_and_round_trips_through_the_lenient_decoder() {
        assert_eq!(encode_standard(b""), "");
        assert_eq!(encode_standard(b"f"), "Zg==");
        assert_eq!(encode_standard(b"fo"), "Zm8=");
        assert_eq!(encode_standard(b"foo"), "Zm9v");
        assert_eq!(encode_standard(b"\xfb\xff\xfe"), "+//+");
        for length in 0..40u8 {
            let bytes: Vec<u8> = (0..length).map(|i| i.wrapping_mul(97).wrapping_add(251)).collect();
            assert_eq!(decode(&encode_standard(&bytes), Alphabet::Lenient), Some(bytes));
        }
    }

    #[test]
    #[cfg(feature = "ecdsa")]
    fn encoding_round_trips_through_the_strict_decoder() {
        for length in 0..40u8 {
            let bytes: Vec<u8> = (0..length).map(|i| i.wrapping_mul(97).wrapping_add(251)).collect();
            let text = encode_url_no_pad(&bytes);
            assert!(!text.contains('='));
            assert_eq!(decode(&text, Alphabet::UrlCanonical), Some(bytes));
        }
        assert_eq!(encode_url_no_pad(b"\xfb\xff"), "-_8");
    }
}
