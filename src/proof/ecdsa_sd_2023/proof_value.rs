//! The derived proof value of ecdsa-sd-2023 (§3.5.7 parseDerivedProofValue): multibase `u`
//! (base64url, no padding), the three header bytes `0xd9 0x5d 0x01` (CBOR tag 23809), then a
//! CBOR array of five: the base signature, the ephemeral public key (P-256 Multikey bytes), the
//! per-statement signatures, the compressed label map and the mandatory indexes. A base proof
//! (`0xd9 0x5d 0x00`) is refused: it is the holder's, not a verifier's.
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#parsederivedproofvalue>

use super::cbor::Reader;
use crate::base64::{self, Alphabet};
use crate::error::Error;

/// Header of a base proof value (§3.5.2 serializeBaseProofValue).
const BASE_HEADER: [u8; 3] = [0xd9, 0x5d, 0x00];
/// Header of a derived (disclosure) proof value (§3.5.6 serializeDerivedProofValue).
const DERIVED_HEADER: [u8; 3] = [0xd9, 0x5d, 0x01];
/// Multicodec prefix of a P-256 public key (`p256-pub`, varint 0x1200).
const P256_MULTICODEC: [u8; 2] = [0x80, 0x24];
/// Bytes of an ECDSA P-256 signature, `r ‖ s`.
const SIGNATURE_BYTES: usize = 64;
/// Bytes of an HMAC-SHA-256 blank-node label.
const LABEL_BYTES: usize = 32;

/// The components of a derived proof value, decoded and checked for shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedProofValue {
    /// The issuer's signature over proof hash ‖ public key ‖ mandatory hash (64 bytes).
    pub base_signature: Vec<u8>,
    /// The ephemeral P-256 key, as Multikey bytes (`0x80 0x24` + the 33-byte compressed point).
    pub public_key: Vec<u8>,
    /// One 64-byte signature per disclosed non-mandatory statement, in statement order.
    pub signatures: Vec<Vec<u8>>,
    /// The compressed label map: canonical blank-node index `n` (label `c14nn`) → the 32 bytes of
    /// the issuer's HMAC label.
    pub label_map: Vec<(u64, Vec<u8>)>,
    /// Which relabelled statements are mandatory (indexes into their sorted list).
    pub mandatory_indexes: Vec<usize>,
}

/// Whether `proof_value` is a base proof value: `u` + base64url starting with the base header.
/// Reads only the first four symbols (the header's three bytes), so a verifier refusing a base
/// proof links no CBOR.
pub fn is_base_proof_value(proof_value: &str) -> bool {
    proof_value
        .strip_prefix('u')
        .and_then(|encoded| encoded.get(..4))
        .and_then(|head| base64::decode(head, Alphabet::UrlNoPad))
        .is_some_and(|header| header == BASE_HEADER)
}

/// parseDerivedProofValue (§3.5.7).
///
/// # Errors
/// `selective_disclosure_base_proof` for a base proof value; `invalid_proof_value` for anything
/// but `u` + base64url of the derived header and a five-element array of the types above. The
/// base64url must be canonical (zero bits past the last byte, RFC 4648 §3.5): the proof value is
/// not signed, so another spelling of the same bytes would give one proof many accepted forms
/// (found by the tamper walk, tests/tamper_walk.rs).
pub fn parse_derived(proof_value: &str) -> Result<DerivedProofValue, Error> {
    let encoded = proof_value.strip_prefix('u').ok_or(Error::InvalidProofValue)?;
    let bytes = base64::decode(encoded, Alphabet::UrlCanonical).ok_or(Error::InvalidProofValue)?;
    let body = match bytes.split_at_checked(3) {
        Some((header, _)) if header == BASE_HEADER => return Err(Error::SelectiveDisclosureBaseProof),
        Some((header, body)) if header == DERIVED_HEADER => body,
        _ => return Err(Error::InvalidProofValue),
    };
    let mut reader = Reader::new(body);
    if reader.array()? != 5 {
        return Err(Error::InvalidProofValue);
    }
    let base_signature = sized(reader.bytes()?, SIGNATURE_BYTES)?;
    let public_key = reader.bytes()?;
    if public_key.len() != 35 || !public_key.starts_with(&P256_MULTICODEC) {
        return Err(Error::InvalidProofValue);
    }
    let signatures =
        (0..reader.array()?).map(|_| sized(reader.bytes()?, SIGNATURE_BYTES)).collect::<Result<Vec<_>, _>>()?;
    let label_map = (0..reader.map()?)
        .map(|_| Ok((reader.unsigned()?, sized(reader.bytes()?, LABEL_BYTES)?)))
        .collect::<Result<Vec<_>, Error>>()?;
    let mandatory_indexes = (0..reader.array()?)
        .map(|_| usize::try_from(reader.unsigned()?).map_err(|_| Error::InvalidProofValue))
        .collect::<Result<Vec<_>, _>>()?;
    reader.finish()?;
    Ok(DerivedProofValue { base_signature, public_key: public_key.to_vec(), signatures, label_map, mandatory_indexes })
}

fn sized(bytes: &[u8], length: usize) -> Result<Vec<u8>, Error> {
    if bytes.len() == length {
        Ok(bytes.to_vec())
    } else {
        Err(Error::InvalidProofValue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_proof_values_are_told_by_their_header() {
        assert!(is_base_proof_value("u2V0AhVhA"));
        assert!(!is_base_proof_value("u2V0BhVhA"));
        assert!(!is_base_proof_value("z2V0AhVhA"));
        assert!(!is_base_proof_value("u2V0"));
        assert!(!is_base_proof_value("u2V"));
    }

    #[test]
    fn headers_and_encoding_are_checked_first() {
        assert_eq!(parse_derived("u2V0A").unwrap_err().code(), "selective_disclosure_base_proof");
        assert_eq!(parse_derived("2V0BhQ").unwrap_err().code(), "invalid_proof_value"); // no multibase prefix
        assert_eq!(parse_derived("zabc").unwrap_err().code(), "invalid_proof_value");
        assert_eq!(parse_derived("u2V0C").unwrap_err().code(), "invalid_proof_value"); // unknown header
        assert_eq!(parse_derived("u2V0BgA").unwrap_err().code(), "invalid_proof_value"); // empty array
        assert_eq!(parse_derived("u2V").unwrap_err().code(), "invalid_proof_value");
    }
}
