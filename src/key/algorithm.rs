//! Signature algorithms, by their JOSE names (RFC 7518 §3.1, RFC 8037 §3.1). A key verifies only
//! the algorithms of its own type, so which algorithm a signature claims is always explicit: a
//! mismatch is algorithm confusion, refused before any arithmetic.
//! See: <https://www.iana.org/assignments/jose/jose.xhtml#web-signature-encryption-algorithms>

/// A signature algorithm the key model knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::upper_case_acronyms)] // the JOSE names, spelt as registered
pub enum Algorithm {
    /// Ed25519 (RFC 8032, checked with `verify_strict`).
    EdDSA,
    /// ECDSA on P-256 with SHA-256; the signature is `r ‖ s`, 32 bytes each (IEEE P1363).
    ES256,
    /// ECDSA on P-384 with SHA-384; the signature is `r ‖ s`, 48 bytes each.
    ES384,
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2).
    RS256,
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 8017 §8.1, RFC 7518 §3.5).
    PS256,
}

impl Algorithm {
    /// Every algorithm, in a fixed order.
    pub const ALL: [Self; 5] = [Self::EdDSA, Self::ES256, Self::ES384, Self::RS256, Self::PS256];

    /// The algorithm a JOSE `alg` names, or `None` (`none`, HMAC and every other name).
    pub fn from_jose(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|algorithm| algorithm.jose_name() == name)
    }

    /// The JOSE `alg` value.
    pub fn jose_name(self) -> &'static str {
        match self {
            Self::EdDSA => "EdDSA",
            Self::ES256 => "ES256",
            Self::ES384 => "ES384",
            Self::RS256 => "RS256",
            Self::PS256 => "PS256",
        }
    }

    /// The signature length when the algorithm alone fixes it (RSA's is the modulus length).
    pub fn signature_len(self) -> Option<usize> {
        match self {
            Self::EdDSA | Self::ES256 => Some(64),
            Self::ES384 => Some(96),
            Self::RS256 | Self::PS256 => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jose_names_round_trip_and_nothing_else_is_known() {
        for algorithm in Algorithm::ALL {
            assert_eq!(Algorithm::from_jose(algorithm.jose_name()), Some(algorithm));
        }
        for name in ["none", "HS256", "ES256K", "RS384", "es256", "Ed25519", ""] {
            assert_eq!(Algorithm::from_jose(name), None, "{name}");
        }
    }
}
