//! RSA public keys and RS256 / PS256 signatures (RFC 8017 §8.1 and §8.2, RFC 7518 §3.3 and §3.5),
//! with RustCrypto's `rsa`. Built with the cargo feature `rsa`.
//!
//! RUSTSEC-2023-0071 (the Marvin attack) is a timing side channel in `rsa`'s private-key
//! operations (decryption, signing); verification uses only the public key and public data, so
//! it does not concern this code, which never holds a private key.

use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha2::{Digest, Sha256};

use super::algorithm::Algorithm;
use crate::error::Error;

/// Shortest modulus accepted: NIST SP 800-131A Rev. 2 disallows shorter RSA signature keys.
pub(crate) const MIN_BITS: usize = 2048;

/// Longest modulus accepted (the `rsa` crate's default bound; verify time grows with it).
pub(crate) const MAX_BITS: usize = 4096;

/// An RSA key from its modulus and exponent (unsigned big-endian).
///
/// # Errors
/// `rsa_key_too_small`, `unsupported_key_type` (`RSA-<bits>` over [`MAX_BITS`]),
/// `invalid_public_key` for an exponent the `rsa` crate refuses (below 3, even, or over 2³³).
pub(crate) fn key(modulus: &[u8], exponent: &[u8]) -> Result<RsaPublicKey, Error> {
    let n = BigUint::from_bytes_be(modulus);
    let bits = n.bits();
    if bits < MIN_BITS {
        return Err(Error::RsaKeyTooSmall { bits });
    }
    if bits > MAX_BITS {
        return Err(Error::UnsupportedKeyType(format!("RSA-{bits}")));
    }
    if exponent.last().is_none_or(|low| low & 1 == 0) {
        return Err(Error::InvalidPublicKey); // an even exponent has no inverse: no signature verifies
    }
    RsaPublicKey::new(n, BigUint::from_bytes_be(exponent)).map_err(|_| Error::InvalidPublicKey)
}

/// Whether `signature` is a valid RS256 or PS256 signature of `message` by `key`. Both schemes
/// refuse a signature that is not exactly the modulus length.
pub(crate) fn verify(key: &RsaPublicKey, algorithm: Algorithm, message: &[u8], signature: &[u8]) -> bool {
    let digest = Sha256::digest(message);
    match algorithm {
        Algorithm::RS256 => key.verify(Pkcs1v15Sign::new::<Sha256>(), &digest, signature).is_ok(),
        // Salt length = hash length (32), as RFC 7518 §3.5 requires.
        Algorithm::PS256 => key.verify(Pss::new::<Sha256>(), &digest, signature).is_ok(),
        Algorithm::EdDSA | Algorithm::ES256 | Algorithm::ES384 => false,
    }
}
