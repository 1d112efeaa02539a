//! The two DER structures public keys come in: X.509 `SubjectPublicKeyInfo` (RFC 5280 §4.1.2.7;
//! the body of a `-----BEGIN PUBLIC KEY-----` PEM) and PKCS#1 `RSAPublicKey` (RFC 8017 §A.1.1).
//! A small strict reader (definite, minimal lengths; nothing left over) rather than the `der` /
//! `spki` crates, so the Ed25519-only wasm pays no bytes for it.
//! Algorithm identifiers: RFC 8410 §3 (Ed25519), RFC 5480 §2.1.1 (EC), RFC 3279 §2.3.1 (RSA).

use super::public_key::PublicKey;
use crate::error::Error;

/// DER tags used here.
const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const OBJECT_IDENTIFIER: u8 = 0x06;
const NULL: u8 = 0x05;

/// The content bytes of the object identifiers this reader knows.
const ID_ED25519: &[u8] = &[0x2b, 0x65, 0x70]; // 1.3.101.112
const ID_EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]; // 1.2.840.10045.2.1
const SECP256R1: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]; // 1.2.840.10045.3.1.7
const SECP384R1: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22]; // 1.3.132.0.34
const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]; // 1.2.840.113549.1.1.1

/// Key algorithms and curves recognised only to be named in `unsupported_key_type`.
const NAMED_OTHERS: [(&[u8], &str); 6] = [
    (&[0x2b, 0x65, 0x71], "Ed448"),
    (&[0x2b, 0x65, 0x6e], "X25519"),
    (&[0x2b, 0x65, 0x6f], "X448"),
    (&[0x2b, 0x81, 0x04, 0x00, 0x23], "P-521"),
    (&[0x2b, 0x81, 0x04, 0x00, 0x0a], "secp256k1"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a], "RSASSA-PSS"),
];

/// The key in a DER `SubjectPublicKeyInfo`.
///
/// # Errors
/// `invalid_public_key` for malformed DER or key bits; `unsupported_key_type` for another
/// algorithm or curve (named when known); `not_in_this_build`, `rsa_key_too_small` as the key's
/// type says.
pub fn subject_public_key_info(der: &[u8]) -> Result<PublicKey, Error> {
    let mut outer = Reader(der);
    let mut info = Reader(outer.take(SEQUENCE)?);
    outer.finish()?;
    let mut algorithm = Reader(info.take(SEQUENCE)?);
    let bit_string = info.take(BIT_STRING)?;
    info.finish()?;
    let key = match bit_string {
        [0, key @ ..] => key,
        _ => return Err(Error::InvalidPublicKey), // unused bits in a key: not a key encoding
    };
    let oid = algorithm.take(OBJECT_IDENTIFIER)?;
    if oid == ID_ED25519 {
        algorithm.finish()?; // RFC 8410 §3: the parameters MUST be absent
        return PublicKey::ed25519(key);
    }
    if oid == ID_EC_PUBLIC_KEY {
        let curve = algorithm.take(OBJECT_IDENTIFIER)?; // namedCurve only (RFC 5480 §2.1.1)
        algorithm.finish()?;
        return match curve {
            SECP256R1 => PublicKey::p256_sec1(key),
            SECP384R1 => PublicKey::p384_sec1(key),
            other => Err(Error::UnsupportedKeyType(name_of(other).to_owned())),
        };
    }
    if oid == RSA_ENCRYPTION {
        if !algorithm.is_empty() {
            algorithm.take(NULL)?; // RFC 3279 §2.3.1: NULL parameters (absent is tolerated)
            algorithm.finish()?;
        }
        return rsa_public_key(key);
    }
    Err(Error::UnsupportedKeyType(name_of(oid).to_owned()))
}

/// The key in a DER PKCS#1 `RSAPublicKey` (`SEQUENCE { modulus INTEGER, publicExponent INTEGER }`).
///
/// # Errors
/// `invalid_public_key` for malformed DER or a negative integer; the RSA key errors.
pub fn rsa_public_key(der: &[u8]) -> Result<PublicKey, Error> {
    let mut outer = Reader(der);
    let mut sequence = Reader(outer.take(SEQUENCE)?);
    outer.finish()?;
    let modulus = unsigned(sequence.take(INTEGER)?)?;
    let exponent = unsigned(sequence.take(INTEGER)?)?;
    sequence.finish()?;
    PublicKey::rsa(modulus, exponent)
}

/// The magnitude of a non-negative DER INTEGER, without its sign octet.
fn unsigned(content: &[u8]) -> Result<&[u8], Error> {
    match content {
        [] => Err(Error::InvalidPublicKey),
        [0] => Ok(content),
        [0, rest @ ..] if rest.first().is_some_and(|next| *next >= 0x80) => Ok(rest),
        [0, ..] => Err(Error::InvalidPublicKey), // a needless leading zero: not DER
        [first, ..] if *first >= 0x80 => Err(Error::InvalidPublicKey), // negative
        _ => Ok(content),
    }
}

fn name_of(oid: &[u8]) -> &'static str {
    NAMED_OTHERS.iter().find(|(known, _)| *known == oid).map_or("unknown algorithm", |(_, name)| name)
}

/// A cursor over DER bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    /// The content of the next element, which must have tag `tag`.
    fn take(&mut self, tag: u8) -> Result<&'a [u8], Error> {
        let [found, first, rest @ ..] = self.0 else { return Err(Error::InvalidPublicKey) };
        if *found != tag {
            return Err(Error::InvalidPublicKey);
        }
        let (length, rest) = match *first {
            short @ 0..=0x7f => (usize::from(short), rest),
            0x81 => match rest {
                [length @ 0x80..=0xff, rest @ ..] => (usize::from(*length), rest),
                _ => return Err(Error::InvalidPublicKey),
            },
            0x82 => match rest {
                [high @ 1..=0xff, low, rest @ ..] => (usize::from(*high) << 8 | usize::from(*low), rest),
                _ => return Err(Error::InvalidPublicKey),
            },
            _ => return Err(Error::InvalidPublicKey), // indefinite, or longer than 64 KiB
        };
        if length < 0x80 && *first >= 0x80 || length < 0x100 && *first == 0x82 {
            return Err(Error::InvalidPublicKey); // not the shortest length form
        }
        if rest.len() < length {
            return Err(Error::InvalidPublicKey);
        }
        let (content, after) = rest.split_at(length);
        self.0 = after;
        Ok(content)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Nothing may follow the last element.
    fn finish(&self) -> Result<(), Error> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::InvalidPublicKey)
        }
    }
}
