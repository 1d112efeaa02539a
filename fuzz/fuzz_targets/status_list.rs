//! Status-list inflation and reading (`status::read`): the fuzzed bytes are the GZIP data of a
//! list's `encodedList` (Bitstring Status List, or StatusList2021), inflated under the 4 MiB cap
//! and read at a fuzzed index, size and purpose.
//!
//! Input: 4 header bytes, then the GZIP bytes. Byte 0: bit 0 the kind (StatusList2021 when set),
//! bits 1–3 the `statusSize` less one, bits 4–5 the purpose (revocation, suspension, message,
//! an unknown one); bytes 1–3 the `statusListIndex` (little-endian).
#![no_main]

use badge_verifier::status::{self, StatusEntry, StatusKind};
use base64ct::{Base64, Base64UrlUnpadded, Encoding};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Some((&[flags, i0, i1, i2], gzip)) = data.split_first_chunk::<4>().map(|(h, r)| (h, r)) else { return };
    let statuslist2021 = flags & 1 != 0;
    let (kind, credential_type, subject_type, encoded) = if statuslist2021 {
        (StatusKind::StatusList2021, "StatusList2021Credential", "StatusList2021", Base64::encode_string(gzip))
    } else {
        let encoded = format!("u{}", Base64UrlUnpadded::encode_string(gzip));
        (StatusKind::BitstringStatusList, "BitstringStatusListCredential", "BitstringStatusList", encoded)
    };
    let purpose = ["revocation", "suspension", "message", "refresh"][usize::from((flags >> 4) & 3)];
    let entry = StatusEntry {
        kind,
        list_url: "https://issuer.example/status/1".into(),
        index: Some(u64::from(u32::from_le_bytes([i0, i1, i2, 0]))),
        purpose: purpose.into(),
        size: u32::from((flags >> 1) & 7) + 1,
        messages: vec![("0x0".into(), "valid".into()), ("0x1".into(), "revoked".into())],
    };
    let list = json!({
        "id": "https://issuer.example/status/1",
        "type": ["VerifiableCredential", credential_type],
        "issuer": "did:example:issuer",
        "credentialSubject": {
            "id": "https://issuer.example/status/1#list",
            "type": subject_type,
            "statusPurpose": purpose,
            "encodedList": encoded,
        },
    });
    let _ = status::read(&entry, &list, Some("urn:uuid:1"), "did:example:issuer");
});
