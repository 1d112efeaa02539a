//! Status lists from the third-party vectors (`status-lists/`, the 1EdTech validator's Bitstring
//! list) and from a real issuer (CogniPilot, `../shared/real-world`), read through the public
//! `status` API: `entries` on the credential, then `read` on the list.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use badge_verifier::report::Passed;
use badge_verifier::status::{self, StatusEntry, StatusKind};
use badge_verifier::Error;
use serde_json::{json, Value};

fn load(dir: &Path, path: &str) -> Value {
    serde_json::from_str(&common::read(dir, path)).unwrap()
}

/// The real-world badges sit beside the vectors (`../shared/real-world`).
fn real_world(vectors: &Path) -> PathBuf {
    let dir = vectors.parent().unwrap().join("real-world");
    assert!(dir.join("manifest.json").is_file(), "real-world badges not found at {}", dir.display());
    dir
}

/// The one status entry of `credential`.
fn only_entry(credential: &Value) -> StatusEntry {
    let mut entries = status::entries(credential);
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries.remove(0).unwrap()
}

fn entry(kind: StatusKind, purpose: &str, index: u64) -> StatusEntry {
    StatusEntry {
        kind,
        list_url: "https://example.com/status/1".into(),
        index: Some(index),
        purpose: purpose.into(),
        size: 1,
        messages: Vec::new(),
    }
}

/// A list credential of `kind` carrying `encoded_list` as is.
fn list_credential(kind: StatusKind, purpose: &str, encoded_list: &str) -> Value {
    let (credential, subject) = match kind {
        StatusKind::StatusList2021 => ("StatusList2021Credential", "StatusList2021"),
        _ => ("BitstringStatusListCredential", "BitstringStatusList"),
    };
    json!({
        "type": ["VerifiableCredential", credential],
        "credentialSubject": {"type": subject, "statusPurpose": purpose, "encodedList": encoded_list}
    })
}

/// Unpadded base64url (the multibase `u` body), by an independent encoder.
fn base64url(bytes: &[u8]) -> String {
    <base64ct::Base64UrlUnpadded as base64ct::Encoding>::encode_string(bytes)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Which of `indexes` read as revoked in `list`, for one-bit revocation entries of `kind`.
fn revoked(kind: StatusKind, list: &Value, indexes: impl IntoIterator<Item = u64>) -> Vec<u64> {
    indexes
        .into_iter()
        .filter(|&i| match status::read(&entry(kind, "revocation", i), list, None, "") {
            Err(Error::Revoked { message: None }) => true,
            Ok((Passed::NotRevoked, _)) => false,
            other => panic!("index {i}: {other:?}"),
        })
        .collect()
}

fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> &'static str {
    result.expect_err("an error").code()
}

#[test]
fn digitalbazaar_bitstring_bit_order() {
    let Some(dir) = common::vectors_dir("digitalbazaar_bitstring_bit_order") else { return };
    let vectors = load(&dir, "status-lists/digitalbazaar-bitstring-vectors.json");
    let cases = vectors["cases"].as_array().unwrap();
    let encoded = |i: usize| format!("u{}", cases[i]["encodeBits"].as_str().unwrap());
    let kind = StatusKind::BitstringStatusList;

    // Left to right (the status list order): bits 1 and 4 of 8.
    assert_eq!(cases[0]["setTrue"], json!([1, 4]));
    let list = list_credential(kind, "revocation", &encoded(0));
    assert_eq!(revoked(kind, &list, 0..8), [1, 4]);
    assert_eq!(
        status::read(&entry(kind, "revocation", 0), &list, None, ""),
        Ok((Passed::NotRevoked, Some(Error::StatusListShort { length: 8 }))),
        "an 8-entry list is read, with a warning"
    );
    assert_eq!(code(status::read(&entry(kind, "revocation", 8), &list, None, "")), "status_index_out_of_range");

    // The same bits encoded right to left (0b00010010) must NOT read as 1 and 4.
    assert!(cases[1]["name"].as_str().unwrap().contains("NOT the status list order"));
    let list = list_credential(kind, "revocation", &encoded(1));
    assert_eq!(revoked(kind, &list, 0..8), [3, 6]);

    // A buffer of one byte 0b10000000: index 0 in list order (7 only right to left).
    assert_eq!((cases[2]["getTrue"].clone(), cases[3]["getTrue"].clone()), (json!([0]), json!([7])));
    let list = list_credential(kind, "revocation", &format!("u{}", base64url(&gzip(&[0b1000_0000]))));
    assert_eq!(revoked(kind, &list, 0..8), [0]);
}

#[test]
fn digitalbazaar_bitstring_status_lists() {
    let Some(dir) = common::vectors_dir("digitalbazaar_bitstring_status_lists") else { return };
    let vectors = load(&dir, "status-lists/digitalbazaar-vc-bitstring-status-list-vectors.json");
    check_digitalbazaar_cases(StatusKind::BitstringStatusList, vectors["cases"].as_array().unwrap());
}

#[test]
fn digitalbazaar_status_list_2021_lists() {
    let Some(dir) = common::vectors_dir("digitalbazaar_status_list_2021_lists") else { return };
    let vectors = load(&dir, "status-lists/digitalbazaar-vc-status-list-vectors.json");
    check_digitalbazaar_cases(StatusKind::StatusList2021, vectors["cases"].as_array().unwrap());
}

/// The Digital Bazaar cases, by name: every list is 100,000 entries (a short list: read, with a
/// warning); the unit-test list has bit 50000 set, the mock credential's bit 50007 (see the
/// vectors README); the rest must be refused.
fn check_digitalbazaar_cases(kind: StatusKind, cases: &[Value]) {
    let short = Some(Error::StatusListShort { length: 100_000 });
    let mut seen = 0;
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let list = list_credential(kind, "revocation", case["encodedList"].as_str().unwrap());
        let read = |index| status::read(&entry(kind, "revocation", index), &list, None, "");
        if name == "encodedList100k" {
            assert_eq!(read(0), Ok((Passed::NotRevoked, short.clone())), "{name}");
            assert_eq!(read(99_999), Ok((Passed::NotRevoked, short.clone())), "{name}");
            assert_eq!(read(100_000), Err(Error::StatusIndexOutOfRange { index: 100_000, length: 100_000 }), "{name}");
        } else if name.starts_with("encodedList100KWith50KthRevoked (unit test)") {
            assert_eq!(revoked(kind, &list, 49_990..50_010), [50_000], "{name}");
        } else if name.starts_with("encodedList100KWith50KthRevoked (mock credential") {
            assert_eq!(revoked(kind, &list, 49_990..50_010), [50_007], "{name}");
            assert_eq!(read(67_342), Ok((Passed::NotRevoked, short.clone())), "{name}: upstream says status false");
        } else {
            assert!(case.get("upstreamError").is_some(), "{name}: a case this test does not know");
            assert_eq!(code(read(0)), "invalid_status_list", "{name}");
        }
        seen += 1;
    }
    assert!(seen >= 4);
}

#[test]
fn signed_status_list_2021_credentials() {
    let Some(dir) = common::vectors_dir("signed_status_list_2021_credentials") else { return };
    let short = Some(Error::StatusListShort { length: 100_000 });
    let kind = StatusKind::StatusList2021;
    let revocation = load(&dir, "status-lists/digitalbazaar-vc-status-list-revocation.json");
    let suspension = load(&dir, "status-lists/digitalbazaar-vc-status-list-suspension.json");
    let read = |purpose, index, list| status::read(&entry(kind, purpose, index), list, None, "");

    // Upstream: checkStatus at statusListIndex "67342" is verified with status false.
    assert_eq!(read("revocation", 67_342, &revocation), Ok((Passed::NotRevoked, short.clone())));
    assert_eq!(read("suspension", 67_342, &suspension), Ok((Passed::NotSuspended, short.clone())));
    // The bit they do set (50007, not 50000).
    assert_eq!(read("revocation", 50_007, &revocation), Err(Error::Revoked { message: None }));
    assert_eq!(read("suspension", 50_007, &suspension), Err(Error::Suspended { message: None }));
    assert_eq!(read("revocation", 50_000, &revocation), Ok((Passed::NotRevoked, short)));
    // Each serves one purpose.
    assert_eq!(
        read("revocation", 50_007, &suspension),
        Err(Error::StatusPurposeMismatch { entry: "revocation".into(), list: "suspension".into() })
    );
    assert_eq!(code(read("suspension", 1, &revocation)), "status_purpose_mismatch");
    // Read as a Bitstring list they are refused: the type differs (and there is no "u").
    let bitstring = entry(StatusKind::BitstringStatusList, "revocation", 1);
    assert_eq!(code(status::read(&bitstring, &revocation, None, "")), "invalid_status_list");
}

#[test]
fn bitstring_status_list_spec_examples() {
    let Some(dir) = common::vectors_dir("bitstring_status_list_spec_examples") else { return };
    let examples = load(&dir, "status-lists/bitstring-status-list-spec-examples.json");
    let entries: Vec<StatusEntry> =
        status::entries(&examples["credentialWithStatusEntries"]).into_iter().map(Result::unwrap).collect();
    let summary: Vec<(&str, Option<u64>, &str)> =
        entries.iter().map(|e| (e.purpose.as_str(), e.index, e.list_url.as_str())).collect();
    assert_eq!(
        summary,
        [
            ("revocation", Some(94_567), "https://example.com/credentials/status/3"),
            ("suspension", Some(23_452), "https://example.com/credentials/status/4"),
        ]
    );
    assert!(entries.iter().all(|e| e.kind == StatusKind::BitstringStatusList && e.size == 1));
    // status/3 is the revocation list the first entry points at: 131,072 entries, none set.
    let list = &examples["statusListCredential"];
    assert_eq!(status::read(&entries[0], list, None, ""), Ok((Passed::NotRevoked, None)));
    assert_eq!(revoked(StatusKind::BitstringStatusList, list, (0..131_072).step_by(97)), Vec::<u64>::new());
    assert_eq!(code(status::read(&entries[1], list, None, "")), "status_purpose_mismatch");
}

#[test]
fn one_edtech_validator_bitstring_list() {
    let Some(dir) = common::vectors_dir("one_edtech_validator_bitstring_list") else { return };
    let list = load(&dir, "1edtech-validator/ob30/bit-string-list/testlist");
    for credential in ["credential-status-revoked.json", "credential-status-revoked-blank-nodes.json"] {
        let credential = load(&dir, &format!("1edtech-validator/ob30/bit-string-list/{credential}"));
        let entry = only_entry(&credential);
        assert_eq!(entry.index, Some(23), "statusListIndex is the JSON integer 23");
        assert!(entry.list_url.ends_with("/bit-string-list/testlist"));
        assert_eq!(status::read(&entry, &list, None, ""), Err(Error::Revoked { message: None }));
    }
    assert_eq!(revoked(StatusKind::BitstringStatusList, &list, 0..64), [23]);
}

#[test]
fn one_edtech_revocation_list_entries_of_published_credentials() {
    let Some(dir) = common::vectors_dir("one_edtech_revocation_list_entries") else { return };
    let credential = load(&dir, "1edtech-validator/ob30/credential-status-revoked.json");
    let entry = only_entry(&credential);
    assert_eq!(entry.kind, StatusKind::OneEdTechRevocationList);
    assert_eq!(
        entry.list_url,
        "https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c"
    );
    assert_eq!((entry.index, entry.purpose.as_str()), (None, "revocation"));
    // The list itself is not published offline; one in its shape, naming this credential:
    let id = credential["id"].as_str().unwrap();
    let issuer = credential["issuer"]["id"].as_str().unwrap();
    let list = json!({
        "id": entry.list_url,
        "issuer": issuer,
        "revokedCredential": [{"id": id, "revoked": true, "revocationReason": "test"}]
    });
    assert_eq!(status::read(&entry, &list, Some(id), issuer), Err(Error::Revoked { message: Some("test".into()) }));
    assert_eq!(status::read(&entry, &list, Some("urn:uuid:other"), issuer), Ok((Passed::NotRevoked, None)));
    assert_eq!(code(status::read(&entry, &list, Some(id), "did:web:elsewhere.example")), "status_list_wrong_issuer");

    let real = real_world(&dir);
    let obf = load(&real, "cloudnativebergen-website/obf-ob3-test-badge.json");
    let entry = only_entry(&obf);
    assert_eq!(entry.kind, StatusKind::OneEdTechRevocationList);
    assert!(entry.list_url.starts_with("https://openbadgefactory.com/obv3/revoked/"));
}

#[test]
fn cognipilot_status_lists() {
    let Some(dir) = common::vectors_dir("cognipilot_status_lists") else { return };
    let real = real_world(&dir);
    let folder = "cognipilot-credentials";
    let list = load(&real, &format!("{folder}/status-revocation-list.json"));
    let revoked_badge = only_entry(&load(&real, &format!("{folder}/examples-maintainer-cognipilot-revoked.json")));
    let current_badge = only_entry(&load(&real, &format!("{folder}/contributor-cognipilot.json")));
    assert_eq!((revoked_badge.index, current_badge.index), (Some(11), Some(4)), "statusListIndex \"11\" and \"4\"");
    assert_eq!(revoked_badge.list_url, "https://credentials.cognipilot.org/status/revocation-list");
    assert!(revoked_badge.kind.list_is_credential());

    // The list in force: index 11 revoked (really, on 2025-12-23), index 4 not; 131,072 entries.
    assert_eq!(status::read(&revoked_badge, &list, None, ""), Err(Error::Revoked { message: None }));
    assert_eq!(status::read(&current_badge, &list, None, ""), Ok((Passed::NotRevoked, None)));
    assert_eq!(revoked(StatusKind::BitstringStatusList, &list, 0..200), [11]);

    // The first list the issuer published has no multibase "u": refused, never read as clear.
    let v1 = load(&real, &format!("{folder}/status-revocation-list.v1-65388c4.json"));
    let result = status::read(&revoked_badge, &v1, None, "");
    assert_eq!(code(result.clone()), "invalid_status_list", "{result:?}");
    assert_eq!(code(status::read(&current_badge, &v1, None, "")), "invalid_status_list");
}
