//! The public keys the verifier checks signatures with, one `verify` for all of them in the
//! manner of RustCrypto's `signature::Verifier`, except that the algorithm is always named by the
//! caller (from the suite or the JOSE header) and checked against the key's type first.
//!
//! ECDSA (P-256, P-384) is in the build with the cargo feature `ecdsa`, RSA with `rsa`: without
//! them, decoding such a key answers `not_in_this_build` (verdict `unsupported`), never a guess.

use ed25519_dalek::VerifyingKey;

use super::algorithm::Algorithm;
#[cfg(feature = "ecdsa")]
use super::ec;
use super::multibase;
#[cfg(feature = "rsa")]
use super::rsa_key;
use crate::error::Error;

/// A public key of one of the types this verifier knows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PublicKey {
    /// Ed25519 (RFC 8032).
    Ed25519(VerifyingKey),
    /// ECDSA on NIST P-256 (secp256r1).
    #[cfg(feature = "ecdsa")]
    P256(p256::ecdsa::VerifyingKey),
    /// ECDSA on NIST P-384 (secp384r1).
    #[cfg(feature = "ecdsa")]
    P384(p384::ecdsa::VerifyingKey),
    /// RSA, 2048 to 4096 bits.
    #[cfg(feature = "rsa")]
    Rsa(rsa::RsaPublicKey),
}

impl PublicKey {
    /// An Ed25519 key from its 32 raw bytes.
    ///
    /// # Errors
    /// `invalid_public_key` for a wrong length or a point that does not decompress.
    pub fn ed25519(bytes: &[u8]) -> Result<Self, Error> {
        multibase::ed25519_key(bytes).map(Self::Ed25519)
    }

    /// A P-256 key from a SEC1 point (33 bytes compressed or 65 uncompressed; SEC 1 §2.3.3).
    ///
    /// # Errors
    /// `invalid_public_key` for another length, the identity or a point not on the curve;
    /// `not_in_this_build` without the `ecdsa` feature.
    pub fn p256_sec1(point: &[u8]) -> Result<Self, Error> {
        #[cfg(feature = "ecdsa")]
        return ec::p256_key(point).map(Self::P256);
        #[cfg(not(feature = "ecdsa"))]
        return not_in_this_build(crate::features::ECDSA, "a P-256 key", point);
    }

    /// A P-384 key from a SEC1 point (49 bytes compressed or 97 uncompressed).
    ///
    /// # Errors
    /// As [`PublicKey::p256_sec1`].
    pub fn p384_sec1(point: &[u8]) -> Result<Self, Error> {
        #[cfg(feature = "ecdsa")]
        return ec::p384_key(point).map(Self::P384);
        #[cfg(not(feature = "ecdsa"))]
        return not_in_this_build(crate::features::ECDSA, "a P-384 key", point);
    }

    /// An RSA key from its modulus and public exponent (unsigned big-endian, as in a JWK or
    /// PKCS#1 `RSAPublicKey`).
    ///
    /// # Errors
    /// `rsa_key_too_small` under 2048 bits; `unsupported_key_type` over 4096; `invalid_public_key`
    /// for a bad exponent; `not_in_this_build` without the `rsa` feature.
    pub fn rsa(modulus: &[u8], exponent: &[u8]) -> Result<Self, Error> {
        #[cfg(feature = "rsa")]
        return rsa_key::key(modulus, exponent).map(Self::Rsa);
        #[cfg(not(feature = "rsa"))]
        return not_in_this_build(crate::features::RSA, "an RSA key", (modulus, exponent));
    }

    /// The key's type, as errors name it: `Ed25519`, `P-256`, `P-384`, `RSA`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Ed25519(_) => "Ed25519",
            #[cfg(feature = "ecdsa")]
            Self::P256(_) => "P-256",
            #[cfg(feature = "ecdsa")]
            Self::P384(_) => "P-384",
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => "RSA",
        }
    }

    /// Whether this key can make `algorithm` signatures (EdDSA: Ed25519; ES256: P-256;
    /// ES384: P-384; RS256 and PS256: RSA).
    pub fn supports(&self, algorithm: Algorithm) -> bool {
        match self {
            Self::Ed25519(_) => algorithm == Algorithm::EdDSA,
            #[cfg(feature = "ecdsa")]
            Self::P256(_) => algorithm == Algorithm::ES256,
            #[cfg(feature = "ecdsa")]
            Self::P384(_) => algorithm == Algorithm::ES384,
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => matches!(algorithm, Algorithm::RS256 | Algorithm::PS256),
        }
    }

    /// Checks that `signature` is a valid `algorithm` signature of `message` by this key.
    /// Ed25519 uses `verify_strict` (no small-order keys or R, canonical S); ECDSA takes the
    /// IEEE P1363 form `r ‖ s` that JOSE and Data Integrity use, and accepts high S as FIPS 186
    /// does; RSA signatures must be exactly the modulus length.
    ///
    /// # Errors
    /// `algorithm_key_mismatch` when the key's type cannot make `algorithm` signatures;
    /// `signature_mismatch` otherwise when the signature does not verify.
    pub fn verify(&self, algorithm: Algorithm, message: &[u8], signature: &[u8]) -> Result<(), Error> {
        if !self.supports(algorithm) {
            return Err(Error::AlgorithmKeyMismatch { algorithm: algorithm.jose_name(), key: self.kind() });
        }
        let valid = match self {
            Self::Ed25519(key) => <[u8; 64]>::try_from(signature)
                .is_ok_and(|bytes| key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&bytes)).is_ok()),
            #[cfg(feature = "ecdsa")]
            Self::P256(key) => ec::p256_verify(key, message, signature),
            #[cfg(feature = "ecdsa")]
            Self::P384(key) => ec::p384_verify(key, message, signature),
            #[cfg(feature = "rsa")]
            Self::Rsa(key) => rsa_key::verify(key, algorithm, message, signature),
        };
        if valid {
            Ok(())
        } else {
            Err(Error::SignatureMismatch)
        }
    }
}

/// The answer for a key whose type a cargo feature left out of this build (`_input`: the key
/// bytes it cannot read, taken so that the callers' parameters count as used in every build).
#[cfg(not(all(feature = "ecdsa", feature = "rsa")))]
fn not_in_this_build<T>(feature: crate::features::Feature, what: &str, _input: impl Sized) -> Result<T, Error> {
    Err(feature.missing(what))
}

#[cfg(test)]
mod tests;
