//! Multibase base58btc (`z…`), the only multibase the Data Integrity suites use, and Multikey
//! decoding: Ed25519 (`ed25519-pub`, 0xed), P-256 (`p256-pub`, 0x1200) and P-384 (`p384-pub`,
//! 0x1201), the last two as SEC1 compressed points (CID 1.0 §2.2.2 "Multikey").
//! See: <https://www.w3.org/TR/cid-1.0/#Multikey>

use ed25519_dalek::VerifyingKey;

use super::public_key::PublicKey;
use crate::error::Error;

/// Longest multibase string accepted (a Multikey is 48 characters, a signature about 88).
const MAX_MULTIBASE_CHARS: usize = 256;

/// The multicodec prefix of an Ed25519 public key (`ed25519-pub`, 0xed as a varint).
const ED25519_PUB_PREFIX: [u8; 2] = [0xed, 0x01];

/// The multicodec prefix of a P-256 public key (`p256-pub`, 0x1200 as a varint).
const P256_PUB_PREFIX: [u8; 2] = [0x80, 0x24];

/// The multicodec prefix of a P-384 public key (`p384-pub`, 0x1201 as a varint).
const P384_PUB_PREFIX: [u8; 2] = [0x81, 0x24];

/// The key types a Multikey can hold here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MultikeyType {
    /// 32 bytes, RFC 8032 encoding.
    Ed25519,
    /// A 33-byte SEC1 compressed point.
    P256,
    /// A 49-byte SEC1 compressed point.
    P384,
}

/// Decodes a base58btc multibase string (`z` + base58, Bitcoin alphabet).
///
/// # Errors
/// `InvalidMultibase` for another base, bad characters, or an oversized string.
pub fn decode_base58btc(text: &str) -> Result<Vec<u8>, Error> {
    let body = text.strip_prefix('z').ok_or(Error::InvalidMultibase)?;
    if body.is_empty() || text.len() > MAX_MULTIBASE_CHARS {
        return Err(Error::InvalidMultibase);
    }
    bs58::decode(body).into_vec().map_err(|_| Error::InvalidMultibase)
}

/// The 32 key bytes of an Ed25519 Multikey, checked for encoding, codec and length only (no
/// point decompression: that happens once, when the key is used).
///
/// # Errors
/// `InvalidMultibase`, `UnsupportedKeyType` for another multicodec, `InvalidPublicKey`.
pub fn ed25519_multikey_bytes(text: &str) -> Result<[u8; 32], Error> {
    let bytes = decode_base58btc(text)?;
    let key = bytes
        .strip_prefix(&ED25519_PUB_PREFIX[..])
        .ok_or_else(|| Error::UnsupportedKeyType(multicodec_name(&bytes).to_owned()))?;
    <[u8; 32]>::try_from(key).map_err(|_| Error::InvalidPublicKey)
}

/// The type and key bytes of a Multikey, checked for encoding, codec and length only (no point
/// decompression: that happens once, when the key is used). P-256 and P-384 keys must be
/// compressed, as the Multikey encoding requires.
///
/// # Errors
/// `InvalidMultibase`, `UnsupportedKeyType` for another multicodec, `InvalidPublicKey`.
pub fn multikey_bytes(text: &str) -> Result<(MultikeyType, Vec<u8>), Error> {
    let bytes = decode_base58btc(text)?;
    let (kind, length, key) = if let Some(key) = bytes.strip_prefix(&ED25519_PUB_PREFIX[..]) {
        (MultikeyType::Ed25519, 32, key)
    } else if let Some(key) = bytes.strip_prefix(&P256_PUB_PREFIX[..]) {
        (MultikeyType::P256, 33, key)
    } else if let Some(key) = bytes.strip_prefix(&P384_PUB_PREFIX[..]) {
        (MultikeyType::P384, 49, key)
    } else {
        return Err(Error::UnsupportedKeyType(multicodec_name(&bytes).to_owned()));
    };
    let compressed = kind == MultikeyType::Ed25519 || matches!(key.first(), Some(0x02 | 0x03));
    if key.len() != length || !compressed {
        return Err(Error::InvalidPublicKey);
    }
    Ok((kind, key.to_vec()))
}

/// Decodes a Multikey (`publicKeyMultibase`) of any supported type.
///
/// # Errors
/// As [`multikey_bytes`], plus `invalid_public_key` for a point off its curve and
/// `not_in_this_build` for a P-256 / P-384 key without the `ecdsa` feature.
pub fn decode_multikey(text: &str) -> Result<PublicKey, Error> {
    let (kind, key) = multikey_bytes(text)?;
    match kind {
        MultikeyType::Ed25519 => PublicKey::ed25519(&key),
        MultikeyType::P256 => PublicKey::p256_sec1(&key),
        MultikeyType::P384 => PublicKey::p384_sec1(&key),
    }
}

/// Decodes a Multikey (`publicKeyMultibase`) holding an Ed25519 public key.
///
/// # Errors
/// `InvalidMultibase`, `UnsupportedKeyType` for another multicodec, `InvalidPublicKey`.
pub fn decode_ed25519_multikey(text: &str) -> Result<VerifyingKey, Error> {
    ed25519_key(&ed25519_multikey_bytes(text)?)
}

/// An Ed25519 public key from its 32 raw bytes.
///
/// # Errors
/// `InvalidPublicKey` for a wrong length or a point that does not decompress.
pub fn ed25519_key(bytes: &[u8]) -> Result<VerifyingKey, Error> {
    let array = <[u8; 32]>::try_from(bytes).map_err(|_| Error::InvalidPublicKey)?;
    VerifyingKey::from_bytes(&array).map_err(|_| Error::InvalidPublicKey)
}

/// Names the common multicodec key prefixes, for a helpful `unsupported_key_type`.
fn multicodec_name(bytes: &[u8]) -> &'static str {
    match bytes {
        [0x80, 0x24, ..] => "P-256",
        [0x81, 0x24, ..] => "P-384",
        [0x82, 0x24, ..] => "P-521",
        [0xe7, 0x01, ..] => "secp256k1",
        [0xec, 0x01, ..] => "X25519",
        [0x85, 0x24, ..] => "RSA",
        _ => "unknown multicodec",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_w3c_test_key() {
        let key = decode_ed25519_multikey("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2").unwrap();
        assert_eq!(key.as_bytes().len(), 32);
    }

    #[test]
    fn refuses_other_bases_codecs_and_lengths() {
        assert_eq!(decode_base58btc("uAAAA"), Err(Error::InvalidMultibase));
        assert_eq!(decode_base58btc("z"), Err(Error::InvalidMultibase));
        assert_eq!(decode_base58btc("z0OIl"), Err(Error::InvalidMultibase));
        assert_eq!(decode_base58btc(&format!("z{}", "2".repeat(300))), Err(Error::InvalidMultibase));
        // A P-256 did:key is not an Ed25519 key.
        let p256 = decode_ed25519_multikey("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP");
        assert_eq!(p256, Err(Error::UnsupportedKeyType("P-256".into())));
        assert_eq!(ed25519_key(&[1; 31]), Err(Error::InvalidPublicKey));
    }
}
