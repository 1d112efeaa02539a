//! `did:key` for Ed25519 (`z6Mk…`), P-256 (`zDn…`) and P-384 (`z82…`): the DID document is
//! derived locally, never fetched.
//! See: <https://w3c-ccg.github.io/did-key-spec/#document-creation-algorithm>

use serde_json::{json, Value};

use super::multibase;
use crate::error::Error;

/// The DID document of a `did:key` (`did` without fragment), as the spec derives it:
/// one Multikey verification method `did#<multibase>`, referenced by every relationship.
///
/// # Errors
/// `InvalidDidKey` for a malformed DID; `UnsupportedKeyType` / `InvalidPublicKey` from the key.
pub fn document(did: &str) -> Result<Value, Error> {
    let multibase_key =
        did.strip_prefix("did:key:").ok_or_else(|| Error::InvalidDidKey(format!("{did:?} is not a did:key")))?;
    if multibase_key.contains([':', '/', '?', '#']) {
        return Err(Error::InvalidDidKey(format!("{did:?} has a path, query or version")));
    }
    multibase::multikey_bytes(multibase_key)?;
    let method = format!("{did}#{multibase_key}");
    Ok(json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [{
            "id": method,
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": multibase_key,
        }],
        "authentication": [method],
        "assertionMethod": [method],
        "capabilityDelegation": [method],
        "capabilityInvocation": [method],
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_one_method_named_by_its_key() {
        let did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        let doc = document(did).unwrap();
        assert_eq!(doc["assertionMethod"][0], format!("{did}#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"));
        assert_eq!(doc["verificationMethod"][0]["controller"], did);
    }

    #[test]
    fn refuses_malformed_dids() {
        assert_eq!(document("did:web:example.com").unwrap_err().code(), "invalid_did_key");
        assert_eq!(document("did:key:z6Mk/path").unwrap_err().code(), "invalid_did_key");
        assert_eq!(document("did:key:abc").unwrap_err().code(), "invalid_multibase");
    }
}
