//! Unit tests of the status module on lists built here; the third-party vectors and the
//! real-world lists are in `tests/status_lists.rs`.
use std::io::Write;

use serde_json::{json, Value};

use super::bitstring::status_value;
use super::gzip::{crc32, decompress};
use super::*;
use crate::base64::{decode, Alphabet};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Unpadded base64url (the multibase `u` body), by an independent encoder.
fn base64url(bytes: &[u8]) -> String {
    <base64ct::Base64UrlUnpadded as base64ct::Encoding>::encode_string(bytes)
}

/// A bitstring of `bytes` bytes with the given bits set (bit 0 = MSB of byte 0).
fn bitstring(bytes: usize, set: &[usize]) -> Vec<u8> {
    let mut bits = vec![0_u8; bytes];
    for &bit in set {
        bits[bit / 8] |= 0x80 >> (bit % 8);
    }
    bits
}

fn bitstring_list(purpose: Value, bits: &[u8]) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": format!("u{}", base64url(&gzip(bits))),
        }
    })
}

fn entry(purpose: &str, index: u64) -> StatusEntry {
    StatusEntry {
        kind: StatusKind::BitstringStatusList,
        list_url: "https://example.com/status/1".into(),
        index: Some(index),
        purpose: purpose.into(),
        size: 1,
        messages: Vec::new(),
    }
}

fn credential_with(status: Value) -> Value {
    json!({ "id": "urn:uuid:1", "issuer": "did:example:issuer", "credentialStatus": status })
}

fn only_entry(status: Value) -> Result<StatusEntry, Error> {
    let mut all = entries(&credential_with(status));
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> &'static str {
    result.expect_err("an error").code()
}

// ---- base64 -------------------------------------------------------------------------------

#[test]
fn base64url_without_padding_is_strict() {
    assert_eq!(decode("aGk", Alphabet::UrlNoPad).unwrap(), b"hi");
    assert_eq!(decode("-_8", Alphabet::UrlNoPad).unwrap(), [0xfb, 0xff]);
    assert_eq!(decode("", Alphabet::UrlNoPad).unwrap(), b"");
    for bad in ["aGk=", "+/8", "a", "aGk!", "aG k"] {
        assert_eq!(decode(bad, Alphabet::UrlNoPad), None, "{bad}");
    }
}

#[test]
fn statuslist2021_base64_takes_padding_and_either_alphabet() {
    assert_eq!(decode("aGk=", Alphabet::Lenient).unwrap(), b"hi");
    assert_eq!(decode("aA==", Alphabet::Lenient).unwrap(), b"h");
    assert_eq!(decode("+/8", Alphabet::Lenient).unwrap(), [0xfb, 0xff]);
    assert_eq!(decode("-_8=", Alphabet::Lenient).unwrap(), [0xfb, 0xff]);
    for bad in ["aGk==", "a===", "aG=k", "aGk=="] {
        assert_eq!(decode(bad, Alphabet::Lenient), None, "{bad}");
    }
}

#[test]
fn the_test_encoder_round_trips() {
    for len in 0..20 {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
        assert_eq!(decode(&base64url(&bytes), Alphabet::UrlNoPad).unwrap(), bytes);
    }
}

// ---- gzip ---------------------------------------------------------------------------------

#[test]
fn crc32_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926); // RFC 1952 §8's CRC-32, the standard check value
    assert_eq!(crc32(b""), 0);
}

#[test]
fn gzip_round_trips() {
    let data: Vec<u8> = (0..100_000_u32).map(|i| (i % 251) as u8).collect();
    assert_eq!(decompress(&gzip(&data), MAX_INFLATED_BYTES).unwrap(), data);
    assert_eq!(decompress(&gzip(b""), MAX_INFLATED_BYTES).unwrap(), b"");
}

/// A member with every optional header field: FEXTRA, FNAME, FCOMMENT and FHCRC.
fn gzip_with_every_header_field(data: &[u8]) -> Vec<u8> {
    let mut member = vec![0x1f, 0x8b, 8, 0b0001_1110, 0, 0, 0, 0, 0, 255];
    member.extend_from_slice(&[3, 0, b'a', b'b', b'c']);
    member.extend_from_slice(b"list.bin\0a comment\0");
    let header_crc = (crc32(&member) & 0xffff) as u16;
    member.extend_from_slice(&header_crc.to_le_bytes());
    member.extend_from_slice(&deflate(data));
    member.extend_from_slice(&crc32(data).to_le_bytes());
    member.extend_from_slice(&(data.len() as u32).to_le_bytes());
    member
}

#[test]
fn gzip_optional_header_fields_are_read() {
    let data = b"status list bits";
    assert_eq!(decompress(&gzip_with_every_header_field(data), 1024).unwrap(), data);
    let mut bad_header_crc = gzip_with_every_header_field(data);
    bad_header_crc[10 + 5 + 9 + 10] ^= 1; // the header CRC, after the fixed header, extra, name, comment
    assert_eq!(code(decompress(&bad_header_crc, 1024)), "invalid_status_list");
}

#[test]
fn gzip_damage_is_invalid_status_list() {
    let data = vec![7_u8; 5000];
    let good = gzip(&data);
    let n = good.len();
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("not gzip", b"not gzip at all, no".to_vec()),
        ("zlib, not gzip", vec![0x78, 0x9c, 3, 0, 0, 0, 0, 1]),
        ("header only", good[..10].to_vec()),
        ("truncated deflate", good[..n - 12].to_vec()),
        ("no trailer", good[..n - 8].to_vec()),
        ("trailing bytes", [good.as_slice(), b"x"].concat()),
        ("second member", [good.as_slice(), good.as_slice()].concat()),
    ];
    let mut reserved = good.clone();
    reserved[3] |= 0x80;
    cases.push(("reserved flag", reserved));
    let mut method = good.clone();
    method[2] = 7;
    cases.push(("not deflate", method));
    let mut crc = good.clone();
    crc[n - 8] ^= 1;
    cases.push(("crc", crc));
    let mut size = good.clone();
    size[n - 4] ^= 1;
    cases.push(("isize", size));
    let mut body = good.clone();
    body[12] ^= 0x55;
    cases.push(("deflate data", body));
    for (what, bytes) in cases {
        let result = decompress(&bytes, MAX_INFLATED_BYTES);
        assert_eq!(result.as_ref().map_err(Error::code).err(), Some("invalid_status_list"), "{what}: {result:?}");
    }
}

#[test]
fn a_gzip_bomb_stops_at_the_cap() {
    // 16 MiB of zeros: about 16 KB compressed, four times the cap inflated.
    let bomb = gzip(&vec![0_u8; 16 * 1024 * 1024]);
    assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
    assert_eq!(decompress(&bomb, MAX_INFLATED_BYTES), Err(Error::StatusListTooLarge { limit: MAX_INFLATED_BYTES }));
    // Through the whole read, as a list credential would carry it.
    let list = json!({
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "credentialSubject": {
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": format!("u{}", base64url(&bomb)),
        }
    });
    assert_eq!(read(&entry("revocation", 0), &list, None, ""), Err(Error::StatusListTooLarge { limit: 4_194_304 }));
}

#[test]
fn the_cap_is_inclusive() {
    let data = vec![1_u8; 4096];
    assert_eq!(decompress(&gzip(&data), 4096).unwrap(), data);
    assert_eq!(decompress(&gzip(&data), 4095), Err(Error::StatusListTooLarge { limit: 4095 }));
}

// ---- bits ---------------------------------------------------------------------------------

#[test]
fn bit_zero_is_the_most_significant_bit_of_byte_zero() {
    let bits = [0b1000_0001, 0b0100_0000];
    let set: Vec<u64> = (0..16).filter(|&i| status_value(&bits, i, 1) == Some(1)).collect();
    assert_eq!(set, [0, 7, 9]);
    assert_eq!(status_value(&bits, 16, 1), None);
    assert_eq!(status_value(&bits, u64::MAX, 1), None);
}

#[test]
fn multi_bit_entries_read_left_to_right() {
    // Entries of 2 bits: 0b10_01_11_00 → 2, 1, 3, 0.
    let bits = [0b1001_1100];
    let values: Vec<u32> = (0..4).map(|i| status_value(&bits, i, 2).unwrap()).collect();
    assert_eq!(values, [2, 1, 3, 0]);
    assert_eq!(status_value(&bits, 4, 2), None);
    assert_eq!(status_value(&[0xa5], 0, 8), Some(0xa5));
}

// ---- entries --------------------------------------------------------------------------------

#[test]
fn no_status_is_no_entries() {
    assert!(entries(&json!({"id": "urn:x"})).is_empty());
    assert!(entries(&credential_with(json!([]))).is_empty());
}

#[test]
fn bitstring_entry_is_read() {
    let entry = only_entry(json!({
        "id": "https://example.com/status/3#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": "https://example.com/status/3"
    }))
    .unwrap();
    assert_eq!(
        entry,
        StatusEntry { index: Some(94567), list_url: "https://example.com/status/3".into(), ..entry.clone() }
    );
    assert_eq!((entry.kind, entry.purpose.as_str(), entry.size), (StatusKind::BitstringStatusList, "revocation", 1));
    assert!(entry.kind.list_is_credential());
}

#[test]
fn an_array_of_entries_keeps_order_and_each_result() {
    let all = entries(&credential_with(json!([
        {"type": "StatusList2021Entry", "statusPurpose": "suspension", "statusListIndex": 4, "statusListCredential": "https://a"},
        {"type": "RevocationList2020Status", "revocationListIndex": "1"},
        {"type": "1EdTechRevocationList", "id": "https://b"},
    ])));
    assert_eq!(all.len(), 3);
    let first = all[0].as_ref().unwrap();
    assert_eq!((first.kind, first.index, first.purpose.as_str()), (StatusKind::StatusList2021, Some(4), "suspension"));
    assert_eq!(all[1], Err(Error::StatusNotChecked("RevocationList2020Status".into())));
    let third = all[2].as_ref().unwrap();
    assert_eq!(
        (third.kind, third.list_url.as_str(), third.index),
        (StatusKind::OneEdTechRevocationList, "https://b", None)
    );
    assert!(!third.kind.list_is_credential());
}

#[test]
fn entry_with_messages_normalises_the_hex() {
    let entry = only_entry(json!({
        "type": ["BitstringStatusListEntry"],
        "statusPurpose": "message",
        "statusListIndex": "7",
        "statusSize": 2,
        "statusListCredential": "https://example.com/status/8",
        "statusMessage": [
            {"status": "0x0", "message": "pending_review"},
            {"status": "0x01", "message": "accepted"},
            {"status": "0X2", "message": "rejected"},
            {"status": "0x3", "message": "undefined", "extra": true}
        ]
    }))
    .unwrap();
    let statuses: Vec<&str> = entry.messages.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(statuses, ["0x0", "0x1", "0x2", "0x3"]);
    assert_eq!(entry.size, 2);
}

#[test]
fn malformed_entries_have_their_code() {
    let base = json!({
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "1",
        "statusListCredential": "https://example.com/s"
    });
    let with = |key: &str, value: Value| {
        let mut entry = base.clone();
        if value.is_null() {
            entry.as_object_mut().unwrap().remove(key);
        } else {
            entry[key] = value;
        }
        only_entry(entry)
    };
    let invalid: Vec<(&str, Result<StatusEntry, Error>)> = vec![
        ("not an object", only_entry(json!("https://example.com/s"))),
        ("no type", with("type", Value::Null)),
        ("type a number", with("type", json!(3))),
        ("no purpose", with("statusPurpose", Value::Null)),
        ("purpose array", with("statusPurpose", json!(["revocation"]))),
        ("no index", with("statusListIndex", Value::Null)),
        ("negative index", with("statusListIndex", json!("-1"))),
        ("signed index", with("statusListIndex", json!("+1"))),
        ("empty index", with("statusListIndex", json!(""))),
        ("hex index", with("statusListIndex", json!("0x10"))),
        ("float index", with("statusListIndex", json!(1.5))),
        ("negative number", with("statusListIndex", json!(-1))),
        ("huge index", with("statusListIndex", json!("18446744073709551616"))),
        ("no list url", with("statusListCredential", Value::Null)),
        ("empty list url", with("statusListCredential", json!(""))),
        ("list url object", with("statusListCredential", json!({"id": "https://x"}))),
        ("size 0", with("statusSize", json!(0))),
        ("size 9", with("statusSize", json!(9))),
        ("size text", with("statusSize", json!("two"))),
        ("messages not array", with("statusMessage", json!({"status": "0x0", "message": "a"}))),
        ("message without status", with("statusMessage", json!([{"message": "a"}]))),
        ("status not hex", with("statusMessage", json!([{"status": "1", "message": "a"}]))),
        ("status too big", with("statusMessage", json!([{"status": "0x2", "message": "a"}]))),
        (
            "status twice",
            with("statusMessage", json!([{"status": "0x1", "message": "a"}, {"status": "0x01", "message": "b"}])),
        ),
        ("1EdTech without id", only_entry(json!({"type": "1EdTechRevocationList"}))),
    ];
    for (what, result) in invalid {
        assert_eq!(code(result), "invalid_status_entry", "{what}");
    }
    // A 1EdTech list names credential ids: a credential without one cannot be looked up.
    let anonymous = json!({"credentialStatus": {"type": "1EdTechRevocationList", "id": "https://b"}});
    assert_eq!(code(entries(&anonymous).remove(0)), "invalid_status_entry");
}

#[test]
fn message_entries_need_every_message() {
    let message_entry = |size: u32, count: usize| {
        let messages: Vec<Value> = (0..count).map(|i| json!({"status": format!("{i:#x}"), "message": "m"})).collect();
        only_entry(json!({
            "type": "BitstringStatusListEntry", "statusPurpose": "message", "statusListIndex": "0",
            "statusListCredential": "https://x", "statusSize": size, "statusMessage": messages
        }))
    };
    assert!(message_entry(2, 4).is_ok());
    assert!(message_entry(1, 0).is_ok(), "statusSize 1: the defaults \"unset\" and \"set\"");
    assert_eq!(code(message_entry(2, 3)), "invalid_status_entry");
    assert_eq!(code(message_entry(2, 0)), "invalid_status_entry");
    assert_eq!(code(message_entry(1, 1)), "invalid_status_entry");
}

#[test]
fn unknown_types_and_purposes_are_not_checked() {
    for (status, named) in [
        (json!({"type": "CRLBloomFilter2023Entry"}), "CRLBloomFilter2023Entry"),
        (json!({"type": ["A", "B"]}), "A, B"),
        (
            json!({"type": "BitstringStatusListEntry", "statusPurpose": "refresh", "statusListIndex": "1", "statusListCredential": "https://x"}),
            "BitstringStatusListEntry for statusPurpose \"refresh\"",
        ),
        (
            json!({"type": "StatusList2021Entry", "statusPurpose": "message", "statusListIndex": "1", "statusListCredential": "https://x"}),
            "StatusList2021Entry for statusPurpose \"message\"",
        ),
    ] {
        assert_eq!(only_entry(status), Err(Error::StatusNotChecked(named.into())));
    }
}

// ---- read: bitstring lists ---------------------------------------------------------------------

#[test]
fn revocation_bits_read_clear_and_set() {
    let list = bitstring_list(json!("revocation"), &bitstring(16 * 1024, &[3, 131_071]));
    assert_eq!(read(&entry("revocation", 2), &list, None, ""), Ok((Passed::NotRevoked, None)));
    assert_eq!(read(&entry("revocation", 3), &list, None, ""), Err(Error::Revoked { message: None }));
    assert_eq!(read(&entry("revocation", 131_071), &list, None, ""), Err(Error::Revoked { message: None }));
    assert_eq!(
        read(&entry("revocation", 131_072), &list, None, ""),
        Err(Error::StatusIndexOutOfRange { index: 131_072, length: 131_072 })
    );
}

#[test]
fn a_short_list_warns_but_still_revokes() {
    let list = bitstring_list(json!("revocation"), &bitstring(12_500, &[9]));
    let short = Some(Error::StatusListShort { length: 100_000 });
    assert_eq!(read(&entry("revocation", 8), &list, None, ""), Ok((Passed::NotRevoked, short)));
    assert_eq!(read(&entry("revocation", 9), &list, None, ""), Err(Error::Revoked { message: None }));
}

#[test]
fn suspension_lists_and_multi_purpose_lists() {
    let list = bitstring_list(json!(["revocation", "suspension"]), &bitstring(16 * 1024, &[5]));
    assert_eq!(read(&entry("suspension", 4), &list, None, ""), Ok((Passed::NotSuspended, None)));
    assert_eq!(read(&entry("suspension", 5), &list, None, ""), Err(Error::Suspended { message: None }));
    assert_eq!(read(&entry("revocation", 5), &list, None, ""), Err(Error::Revoked { message: None }));
}

#[test]
fn purpose_mismatch() {
    let list = bitstring_list(json!("suspension"), &bitstring(16 * 1024, &[]));
    assert_eq!(
        read(&entry("revocation", 1), &list, None, ""),
        Err(Error::StatusPurposeMismatch { entry: "revocation".into(), list: "suspension".into() })
    );
    let list = bitstring_list(json!(["message", "suspension"]), &bitstring(16 * 1024, &[]));
    assert_eq!(code(read(&entry("revocation", 1), &list, None, "")), "status_purpose_mismatch");
}

#[test]
fn status_size_2_with_messages() {
    // 131,072 two-bit entries; entry 10 = 0b01, entry 11 = 0b10, entry 12 = 0b11.
    let list_bits = bitstring(32 * 1024, &[21, 22, 24, 25]);
    let messages: Vec<(String, String)> = ["valid", "revoked: key compromise", "revoked: superseded", "revoked: other"]
        .iter()
        .enumerate()
        .map(|(i, m)| (format!("{i:#x}"), (*m).to_owned()))
        .collect();
    let sized = |purpose: &str, index| StatusEntry { size: 2, messages: messages.clone(), ..entry(purpose, index) };
    let list = bitstring_list(json!(["revocation", "message"]), &list_bits);
    assert_eq!(read(&sized("revocation", 9), &list, None, ""), Ok((Passed::NotRevoked, None)));
    for (index, message) in [(10, "revoked: key compromise"), (11, "revoked: superseded"), (12, "revoked: other")] {
        assert_eq!(
            read(&sized("revocation", index), &list, None, ""),
            Err(Error::Revoked { message: Some(message.into()) }),
            "{index}"
        );
    }
    assert_eq!(
        read(&sized("message", 11), &list, None, ""),
        Ok((
            Passed::StatusRead,
            Some(Error::StatusMessage { value: "0x2".into(), message: "revoked: superseded".into() })
        ))
    );
    assert_eq!(
        read(&sized("message", 131_072), &list, None, ""),
        Err(Error::StatusIndexOutOfRange { index: 131_072, length: 131_072 })
    );
}

#[test]
fn message_purpose_without_messages_says_set_or_unset() {
    let list = bitstring_list(json!("message"), &bitstring(16 * 1024, &[1]));
    let message = |value: &str, message: &str| {
        Ok((Passed::StatusRead, Some(Error::StatusMessage { value: value.into(), message: message.into() })))
    };
    assert_eq!(read(&entry("message", 0), &list, None, ""), message("0x0", "unset"));
    assert_eq!(read(&entry("message", 1), &list, None, ""), message("0x1", "set"));
}

#[test]
fn malformed_lists_are_invalid_status_list() {
    let good = bitstring_list(json!("revocation"), &bitstring(16 * 1024, &[]));
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut edit = |what, f: &dyn Fn(&mut Value)| {
        let mut list = good.clone();
        f(&mut list);
        cases.push((what, list));
    };
    edit("not a status list credential", &|l| l["type"] = json!(["VerifiableCredential"]));
    edit("StatusList2021Credential type", &|l| l["type"] = json!(["VerifiableCredential", "StatusList2021Credential"]));
    edit("no subject", &|l| l["credentialSubject"] = Value::Null);
    edit("two subjects", &|l| l["credentialSubject"] = json!([l["credentialSubject"], l["credentialSubject"]]));
    edit("subject type", &|l| l["credentialSubject"]["type"] = json!("StatusList2021"));
    edit("no purpose", &|l| l["credentialSubject"].as_object_mut().unwrap().remove("statusPurpose").map(drop).unwrap());
    edit("no encodedList", &|l| {
        l["credentialSubject"].as_object_mut().unwrap().remove("encodedList").map(drop).unwrap()
    });
    edit("encodedList number", &|l| l["credentialSubject"]["encodedList"] = json!(5));
    edit("no u prefix", &|l| {
        let text = l["credentialSubject"]["encodedList"].as_str().unwrap()[1..].to_owned();
        l["credentialSubject"]["encodedList"] = json!(text);
    });
    edit("padded", &|l| {
        let text = format!("{}=", l["credentialSubject"]["encodedList"].as_str().unwrap());
        l["credentialSubject"]["encodedList"] = json!(text);
    });
    edit("not base64", &|l| l["credentialSubject"]["encodedList"] = json!("u!!!!"));
    edit("not gzip", &|l| l["credentialSubject"]["encodedList"] = json!(format!("u{}", base64url(b"plain bytes"))));
    for (what, list) in cases {
        assert_eq!(code(read(&entry("revocation", 0), &list, None, "")), "invalid_status_list", "{what}");
    }
    // A one-element array of subjects is the same list.
    let mut array = good.clone();
    array["credentialSubject"] = json!([good["credentialSubject"]]);
    assert_eq!(read(&entry("revocation", 0), &array, None, ""), Ok((Passed::NotRevoked, None)));
}

#[test]
fn statuslist2021_lists_have_no_multibase_prefix_and_may_be_padded() {
    let bits = bitstring(16 * 1024, &[42]);
    let encoded = base64url(&gzip(&bits));
    let padded = format!("{encoded}{}", "=".repeat((4 - encoded.len() % 4) % 4));
    let sl2021 = StatusEntry { kind: StatusKind::StatusList2021, ..entry("revocation", 42) };
    for text in [encoded.clone(), padded, encoded.replace('-', "+").replace('_', "/")] {
        let list = json!({
            "type": ["VerifiableCredential", "StatusList2021Credential"],
            "credentialSubject": {"type": "StatusList2021", "statusPurpose": "revocation", "encodedList": text}
        });
        assert_eq!(read(&sl2021, &list, None, ""), Err(Error::Revoked { message: None }));
        assert_eq!(
            read(&StatusEntry { index: Some(41), ..sl2021.clone() }, &list, None, ""),
            Ok((Passed::NotRevoked, None))
        );
    }
    // A Bitstring list is not a StatusList2021 list, nor the other way round.
    let bitstring_list = bitstring_list(json!("revocation"), &bits);
    assert_eq!(code(read(&sl2021, &bitstring_list, None, "")), "invalid_status_list");
}

#[test]
fn a_purpose_this_verifier_does_not_read_is_not_checked() {
    let list = bitstring_list(json!("refresh"), &bitstring(16 * 1024, &[]));
    assert_eq!(code(read(&entry("refresh", 0), &list, None, "")), "status_not_checked");
}

// ---- read: 1EdTech revocation lists --------------------------------------------------------------

fn one_edtech() -> StatusEntry {
    only_entry(json!({"id": "https://issuer.example/revocations", "type": "1EdTechRevocationList"})).unwrap()
}

fn revocation_list(items: Value) -> Value {
    json!({
        "id": "https://issuer.example/revocations",
        "issuer": "https://issuer.example",
        "revokedCredential": items
    })
}

#[test]
fn one_edtech_list_revoked_and_not() {
    let list = revocation_list(json!([
        {"id": "urn:uuid:a", "revocationReason": "issued in error"},
        {"id": "urn:uuid:b", "revoked": true},
        {"id": "urn:uuid:c", "revoked": false},
        "urn:uuid:d"
    ]));
    let issuer = "https://issuer.example";
    let status = |id| read(&one_edtech(), &list, Some(id), issuer);
    assert_eq!(status("urn:uuid:a"), Err(Error::Revoked { message: Some("issued in error".into()) }));
    assert_eq!(status("urn:uuid:b"), Err(Error::Revoked { message: None }));
    assert_eq!(status("urn:uuid:c"), Ok((Passed::NotRevoked, None)), "revoked: false");
    assert_eq!(status("urn:uuid:d"), Err(Error::Revoked { message: None }));
    assert_eq!(status("urn:uuid:e"), Ok((Passed::NotRevoked, None)));
    assert_eq!(
        read(&one_edtech(), &revocation_list(json!([])), Some("urn:uuid:a"), issuer),
        Ok((Passed::NotRevoked, None))
    );
}

#[test]
fn one_edtech_list_plural_member_and_issuer_object() {
    let list = json!({
        "id": "https://issuer.example/revocations",
        "issuer": {"id": "https://issuer.example", "type": "Profile"},
        "revokedCredentials": [{"id": "urn:uuid:a"}]
    });
    assert_eq!(
        read(&one_edtech(), &list, Some("urn:uuid:a"), "https://issuer.example"),
        Err(Error::Revoked { message: None })
    );
}

#[test]
fn one_edtech_list_of_another_issuer_is_not_read() {
    let list = revocation_list(json!([{"id": "urn:uuid:a"}]));
    assert_eq!(
        read(&one_edtech(), &list, Some("urn:uuid:a"), "did:web:other.example"),
        Err(Error::StatusListWrongIssuer {
            list_issuer: "https://issuer.example".into(),
            issuer: "did:web:other.example".into()
        })
    );
}

#[test]
fn malformed_one_edtech_lists() {
    let issuer = "https://issuer.example";
    for (what, list) in [
        ("array", json!([])),
        ("no issuer", json!({"revokedCredential": []})),
        ("issuer number", json!({"issuer": 1, "revokedCredential": []})),
        ("no member", json!({"issuer": issuer})),
        ("member a string", json!({"issuer": issuer, "revokedCredential": "urn:uuid:a"})),
        ("item a number", json!({"issuer": issuer, "revokedCredential": [1]})),
    ] {
        assert_eq!(code(read(&one_edtech(), &list, Some("urn:uuid:a"), issuer)), "invalid_status_list", "{what}");
    }
    let list = revocation_list(json!([]));
    assert_eq!(code(read(&one_edtech(), &list, None, issuer)), "invalid_status_entry", "no credential id");
}
