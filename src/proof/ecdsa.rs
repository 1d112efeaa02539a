//! What `ecdsa-rdfc-2019` and `ecdsa-jcs-2019` share: the key's curve picks the algorithm and the
//! hash (P-256: ES256 and SHA-256; P-384: ES384 and SHA-384, for the proof configuration's hash
//! and the document's alike), and the signature is IEEE P1363 `r ‖ s`.
//! Built with the cargo feature `ecdsa`.
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#algorithms>

use sha2::{Digest, Sha256, Sha384};

use crate::error::Error;
use crate::key::{Algorithm, PublicKey};

/// The algorithm an ECDSA suite's proof is checked with: the key's curve picks it (P-256: ES256,
/// P-384: ES384). For a key of another type, the algorithm the signature's length implies, which
/// the key then refuses (`algorithm_key_mismatch`, before any hashing).
///
/// # Errors
/// `invalid_proof_value` when the signature's length is not the curve's (a P-384 key with a
/// 64-byte signature, a P-256 key with a 96-byte one).
pub fn algorithm(key: &PublicKey, signature: &[u8]) -> Result<Algorithm, Error> {
    let algorithm = match key {
        PublicKey::P256(_) => Algorithm::ES256,
        PublicKey::P384(_) => Algorithm::ES384,
        _ if signature.len() == 96 => Algorithm::ES384,
        _ => Algorithm::ES256,
    };
    if !key.supports(algorithm) {
        return Err(Error::AlgorithmKeyMismatch { algorithm: algorithm.jose_name(), key: key.kind() });
    }
    if algorithm.signature_len() != Some(signature.len()) {
        return Err(Error::InvalidProofValue);
    }
    Ok(algorithm)
}

/// Hashing (§3.2.5, §3.4.5): H(proof configuration) ‖ H(transformed document), where H is
/// SHA-256 for ES256 (64 bytes in all) and SHA-384 for ES384 (96 bytes).
pub fn hash(algorithm: Algorithm, transformed: &str, proof_config: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(96);
    if algorithm == Algorithm::ES384 {
        out.extend_from_slice(&Sha384::digest(proof_config.as_bytes()));
        out.extend_from_slice(&Sha384::digest(transformed.as_bytes()));
    } else {
        out.extend_from_slice(&Sha256::digest(proof_config.as_bytes()));
        out.extend_from_slice(&Sha256::digest(transformed.as_bytes()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::multibase;

    const P256: &str = "zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP";
    const P384: &str = "z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";

    #[test]
    fn the_curve_picks_the_algorithm_and_the_length() {
        let p256 = multibase::decode_multikey(P256).unwrap();
        let p384 = multibase::decode_multikey(P384).unwrap();
        assert_eq!(algorithm(&p256, &[1; 64]), Ok(Algorithm::ES256));
        assert_eq!(algorithm(&p384, &[1; 96]), Ok(Algorithm::ES384));
        assert_eq!(algorithm(&p384, &[1; 64]).unwrap_err().code(), "invalid_proof_value");
        assert_eq!(algorithm(&p256, &[1; 96]).unwrap_err().code(), "invalid_proof_value");
    }

    #[test]
    fn an_ed25519_key_is_algorithm_confusion() {
        let ed25519 = multibase::decode_multikey("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2").unwrap();
        assert_eq!(
            algorithm(&ed25519, &[1; 64]),
            Err(Error::AlgorithmKeyMismatch { algorithm: "ES256", key: "Ed25519" })
        );
        assert_eq!(
            algorithm(&ed25519, &[1; 96]),
            Err(Error::AlgorithmKeyMismatch { algorithm: "ES384", key: "Ed25519" })
        );
    }

    #[test]
    fn the_hash_follows_the_curve_and_puts_the_proof_first() {
        let h = hash(Algorithm::ES256, "doc", "proof");
        assert_eq!(h.len(), 64);
        assert_eq!(&h[..32], Sha256::digest(b"proof").as_slice());
        let h = hash(Algorithm::ES384, "doc", "proof");
        assert_eq!(h.len(), 96);
        assert_eq!(&h[..48], Sha384::digest(b"proof").as_slice());
        assert_eq!(&h[48..], Sha384::digest(b"doc").as_slice());
    }
}
