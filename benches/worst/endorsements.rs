//! The endorsement budget's worst case: a presentation of 64 credentials (`MAX_MEMBERS`), each
//! carrying 16 endorsements (`MAX_ENDORSEMENTS`): 1,089 proofs (eddsa-jcs-2022, did:key, so no
//! document is needed), every one canonicalised and checked. The proof values are well formed
//! but wrong: a failing Ed25519 verify costs what a passing one does.

use serde_json::{json, Value};

/// A did:key of the test vectors (DCC's): keys resolve locally.
const DID: &str = "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS";

fn proof(purpose: &str) -> Value {
    json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "verificationMethod": format!("{DID}#{}", DID.trim_start_matches("did:key:")),
        "proofPurpose": purpose,
        // 64 bytes of 0x55: well formed, not the signature.
        "proofValue": "z2hxGyn4y9Mjkii76BqmxVoNYbTs3tw97bmtZRXnDoZPAw7VZTWhhk1aV11DtFgYGVibPaty4PQLHVLaKrT24NxGU",
    })
}

fn endorsement(subject: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "issuer": DID,
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": subject},
        "proof": proof("assertionMethod"),
    })
}

/// The presentation (`_`: its size is fixed by the caps, not filled).
pub(crate) fn presentation(_: usize) -> Vec<u8> {
    let members: Vec<Value> = (0..64)
        .map(|i| {
            let achievement = format!("urn:a:{i}");
            json!({
                "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "issuer": DID,
                "validFrom": "2024-01-01T00:00:00Z",
                "credentialSubject": {"achievement": {
                    "id": achievement,
                    "endorsement": (0..16).map(|_| endorsement(&achievement)).collect::<Vec<_>>(),
                }},
                "proof": proof("assertionMethod"),
            })
        })
        .collect();
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": DID,
        "verifiableCredential": members,
        "proof": proof("authentication"),
    })
    .to_string()
    .into_bytes()
}
