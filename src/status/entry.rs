//! Reading `credentialStatus` entries: which method, which list, which index, which purpose.
//! Shape only: nothing is fetched, no list is read.
//!
//! See: <https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistentry>

use serde_json::{Map, Value};

use super::{StatusEntry, StatusKind};
use crate::error::Error;

/// The largest `statusSize` accepted: 8 bits is 256 values, each of which needs a message.
const MAX_STATUS_SIZE: u32 = 8;

/// Every entry of `credential["credentialStatus"]` (an object or an array of them), in order;
/// an empty `Vec` when there is none.
///
/// Each is `Err(status_not_checked)` for a type or purpose this verifier does not read (so no
/// list needs fetching for it), or `Err(invalid_status_entry)` when malformed.
pub fn entries(credential: &Value) -> Vec<Result<StatusEntry, Error>> {
    let has_id = credential.get("id").and_then(Value::as_str).is_some_and(|id| !id.is_empty());
    match credential.get("credentialStatus") {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(|item| entry(item, has_id)).collect(),
        Some(item) => vec![entry(item, has_id)],
    }
}

fn entry(value: &Value, credential_has_id: bool) -> Result<StatusEntry, Error> {
    let Value::Object(object) = value else {
        return Err(Error::InvalidStatusEntry("a credentialStatus entry must be an object"));
    };
    let types: Vec<&str> = match object.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return Err(Error::InvalidStatusEntry("type is missing or not a string")),
    };
    let kinds = [StatusKind::BitstringStatusList, StatusKind::StatusList2021, StatusKind::OneEdTechRevocationList];
    let Some(kind) = kinds.into_iter().find(|k| types.contains(&k.entry_type())) else {
        return Err(Error::StatusNotChecked(types.join(", ").chars().take(200).collect()));
    };
    match kind {
        StatusKind::OneEdTechRevocationList => one_edtech(object, credential_has_id),
        _ => bitstring(kind, object),
    }
}

/// A 1EdTech Revocation List entry: `{id: <list URL>, type}`; the list names credential ids.
/// See: <https://www.imsglobal.org/spec/ob/v3p0/#credentialstatus>
fn one_edtech(object: &Map<String, Value>, credential_has_id: bool) -> Result<StatusEntry, Error> {
    let list_url = non_empty_string(object, "id").ok_or(Error::InvalidStatusEntry("id (the list's URL) is missing"))?;
    if !credential_has_id {
        return Err(Error::InvalidStatusEntry("a 1EdTechRevocationList needs the credential's id, and it has none"));
    }
    Ok(StatusEntry {
        kind: StatusKind::OneEdTechRevocationList,
        list_url,
        index: None,
        purpose: "revocation".into(),
        size: 1,
        messages: Vec::new(),
    })
}

/// A `BitstringStatusListEntry` or `StatusList2021Entry`.
fn bitstring(kind: StatusKind, object: &Map<String, Value>) -> Result<StatusEntry, Error> {
    let purpose = match object.get("statusPurpose") {
        Some(Value::String(purpose)) => purpose.clone(),
        _ => return Err(Error::InvalidStatusEntry("statusPurpose is missing or not a string")),
    };
    let known = match kind {
        StatusKind::BitstringStatusList => ["revocation", "suspension", "message"].as_slice(),
        _ => ["revocation", "suspension"].as_slice(),
    };
    if !known.contains(&purpose.as_str()) {
        // `refresh` and private purposes: nothing this verifier can act on.
        let what = format!("{} for statusPurpose {purpose:?}", kind.entry_type());
        return Err(Error::StatusNotChecked(what.chars().take(200).collect()));
    }
    let index = match object.get("statusListIndex") {
        Some(value) => integer(value).ok_or(Error::InvalidStatusEntry(
            "statusListIndex must be a non-negative integer (a base-10 string) that fits 64 bits",
        ))?,
        None => return Err(Error::InvalidStatusEntry("statusListIndex is missing")),
    };
    let list_url = non_empty_string(object, "statusListCredential")
        .ok_or(Error::InvalidStatusEntry("statusListCredential is missing or not a string"))?;
    // StatusList2021 has neither statusSize nor statusMessage: one bit, no messages.
    let (size, messages) = match kind {
        StatusKind::BitstringStatusList => (status_size(object)?, status_messages(object, &purpose)?),
        _ => (1, Vec::new()),
    };
    Ok(StatusEntry { kind, list_url, index: Some(index), purpose, size, messages })
}

/// `statusSize`: default 1; an integer from 1 to [`MAX_STATUS_SIZE`].
fn status_size(object: &Map<String, Value>) -> Result<u32, Error> {
    let Some(value) = object.get("statusSize") else { return Ok(1) };
    integer(value)
        .and_then(|size| u32::try_from(size).ok())
        .filter(|size| (1..=MAX_STATUS_SIZE).contains(size))
        .ok_or(Error::InvalidStatusEntry("statusSize must be an integer from 1 to 8"))
}

/// `statusMessage`: `[{status: "0x…", message}]`, the status normalised to lowercase hex
/// without leading zeros. A `message` entry needs one message per possible value (§2.1:
/// "the number of status messages MUST equal the number of possible values"); for
/// `revocation` and `suspension` the messages only label the finding, so a partial table is
/// read rather than refused (refusing would hide a revocation behind "unchecked").
fn status_messages(object: &Map<String, Value>, purpose: &str) -> Result<Vec<(String, String)>, Error> {
    let size = status_size(object)?;
    let items = match object.get("statusMessage") {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(_) => return Err(Error::InvalidStatusEntry("statusMessage must be an array")),
    };
    let mut messages: Vec<(String, String)> = Vec::with_capacity(items.len());
    for item in items {
        let status = item.get("status").and_then(Value::as_str).and_then(hex_value);
        let message = item.get("message").and_then(Value::as_str);
        let (Some(status), Some(message)) = (status, message) else {
            return Err(Error::InvalidStatusEntry("each statusMessage needs a status (\"0x…\") and a message"));
        };
        if status >= 1 << size {
            return Err(Error::InvalidStatusEntry("a statusMessage status does not fit statusSize"));
        }
        let status = format!("{status:#x}");
        if messages.iter().any(|(s, _)| *s == status) {
            return Err(Error::InvalidStatusEntry("statusMessage lists a status twice"));
        }
        messages.push((status, message.to_owned()));
    }
    let complete = messages.len() == 1_usize << size;
    if purpose == "message" && !complete && !(size == 1 && messages.is_empty()) {
        return Err(Error::InvalidStatusEntry("statusMessage must give a message for every value of statusSize"));
    }
    Ok(messages)
}

/// `0x` followed by hex digits (at most 8 bits' worth matter; longer values are refused).
fn hex_value(text: &str) -> Option<u32> {
    let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X"))?;
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// A non-negative integer given as a base-10 string (the spec's form) or a JSON integer (as
/// some issuers write it).
fn integer(value: &Value) -> Option<u64> {
    match value {
        Value::String(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
        Value::Number(number) => number.as_u64(),
        _ => None,
    }
}

fn non_empty_string(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned)
}
