//! ECDSA keys and signatures on NIST P-256 and P-384 (FIPS 186-5), with RustCrypto's `p256` and
//! `p384`. Signatures are IEEE P1363 `r ‖ s` (RFC 7518 §3.4; the Data Integrity ECDSA suites use
//! the same form); the message is hashed with SHA-256 for P-256 and SHA-384 for P-384.
//! Built with the cargo feature `ecdsa`.
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#algorithms>

use p256::ecdsa::signature::Verifier;

use crate::error::Error;

/// A P-256 verifying key from a SEC1 point (compressed or uncompressed).
///
/// # Errors
/// `invalid_public_key` for a wrong length, the identity, or a point not on the curve.
pub(crate) fn p256_key(point: &[u8]) -> Result<p256::ecdsa::VerifyingKey, Error> {
    if !matches!(point.len(), 33 | 65) {
        return Err(Error::InvalidPublicKey);
    }
    p256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| Error::InvalidPublicKey)
}

/// A P-384 verifying key from a SEC1 point (compressed or uncompressed).
///
/// # Errors
/// As [`p256_key`].
pub(crate) fn p384_key(point: &[u8]) -> Result<p384::ecdsa::VerifyingKey, Error> {
    if !matches!(point.len(), 49 | 97) {
        return Err(Error::InvalidPublicKey);
    }
    p384::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| Error::InvalidPublicKey)
}

/// Whether `signature` (64 bytes, `r ‖ s`, each in 1..n) is an ES256 signature of `message`.
pub(crate) fn p256_verify(key: &p256::ecdsa::VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    p256::ecdsa::Signature::from_slice(signature).is_ok_and(|signature| key.verify(message, &signature).is_ok())
}

/// Whether `signature` (96 bytes, `r ‖ s`) is an ES384 signature of `message`.
pub(crate) fn p384_verify(key: &p384::ecdsa::VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    p384::ecdsa::Signature::from_slice(signature).is_ok_and(|signature| key.verify(message, &signature).is_ok())
}
