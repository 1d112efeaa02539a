//! Bitstring Status List v1.0 and StatusList2021: the list credential's shape, its `encodedList`
//! expanded, and the entry's bits read from it.
//!
//! See: <https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm>

use serde_json::Value;

use super::{gzip, StatusEntry, StatusKind, MAX_INFLATED_BYTES, MIN_ENTRIES};
use crate::base64::{self, Alphabet};
use crate::error::Error;
use crate::report::Passed;

/// Reads `entry` from the status list credential `list` (Validate Algorithm, steps 5 to 13).
pub(super) fn read(entry: &StatusEntry, list: &Value) -> Result<(Passed, Option<Error>), Error> {
    let (credential_type, subject_type) = match entry.kind {
        StatusKind::StatusList2021 => ("StatusList2021Credential", "StatusList2021"),
        _ => ("BitstringStatusListCredential", "BitstringStatusList"),
    };
    if !has_type(list, credential_type) {
        return Err(Error::InvalidStatusList(format!("its type does not include {credential_type}")));
    }
    let subject = match list.get("credentialSubject") {
        Some(Value::Array(subjects)) if subjects.len() == 1 => subjects.first(),
        Some(subject @ Value::Object(_)) => Some(subject),
        _ => None,
    }
    .ok_or_else(|| Error::InvalidStatusList("it needs one credentialSubject".into()))?;
    if !has_type(subject, subject_type) {
        return Err(Error::InvalidStatusList(format!("its credentialSubject type is not {subject_type}")));
    }
    check_purpose(&entry.purpose, subject.get("statusPurpose"))?;
    let encoded = subject
        .get("encodedList")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::InvalidStatusList("its encodedList is missing".into()))?;
    let bitstring = expand(entry.kind, encoded)?;

    let index = entry.index.ok_or(Error::InvalidStatusEntry("statusListIndex is missing"))?;
    let size = entry.size.clamp(1, 8);
    let length = (bitstring.len() as u64).saturating_mul(8) / u64::from(size);
    let value = status_value(&bitstring, index, size).ok_or(Error::StatusIndexOutOfRange { index, length })?;
    let short = (length < MIN_ENTRIES).then_some(Error::StatusListShort { length });
    let hex = format!("{value:#x}");
    let message = entry.messages.iter().find(|(status, _)| *status == hex).map(|(_, message)| message.clone());
    match entry.purpose.as_str() {
        "revocation" if value != 0 => Err(Error::Revoked { message }),
        "revocation" => Ok((Passed::NotRevoked, short)),
        "suspension" if value != 0 => Err(Error::Suspended { message }),
        "suspension" => Ok((Passed::NotSuspended, short)),
        "message" => {
            // Without statusMessage (statusSize 1), the values are "unset" and "set" (§2.1).
            let message = message.unwrap_or_else(|| if value == 0 { "unset" } else { "set" }.into());
            Ok((Passed::StatusRead, Some(Error::StatusMessage { value: hex, message })))
        }
        other => Err(Error::StatusNotChecked(format!("statusPurpose {other:?}").chars().take(200).collect())),
    }
}

/// The entry's purpose must be one of the list's (§3.2 step 5; a list may serve several).
fn check_purpose(entry: &str, list: Option<&Value>) -> Result<(), Error> {
    let purposes: Vec<&str> = match list {
        Some(Value::String(purpose)) => vec![purpose.as_str()],
        Some(Value::Array(purposes)) => purposes.iter().filter_map(Value::as_str).collect(),
        _ => return Err(Error::InvalidStatusList("its statusPurpose is missing".into())),
    };
    if purposes.contains(&entry) {
        Ok(())
    } else {
        Err(Error::StatusPurposeMismatch {
            entry: entry.to_owned(),
            list: purposes.join(", ").chars().take(200).collect(),
        })
    }
}

/// Bitstring Expansion Algorithm (§3.4): multibase-decode (StatusList2021: plain base64), then
/// GZIP-decompress under [`MAX_INFLATED_BYTES`].
fn expand(kind: StatusKind, encoded: &str) -> Result<Vec<u8>, Error> {
    let (text, alphabet) = match kind {
        StatusKind::StatusList2021 => (encoded, Alphabet::Lenient),
        _ => (
            encoded.strip_prefix('u').ok_or_else(|| {
                Error::InvalidStatusList(
                    "encodedList does not start with the multibase prefix \"u\" (base64url)".into(),
                )
            })?,
            Alphabet::UrlNoPad,
        ),
    };
    let compressed = base64::decode(text, alphabet)
        .ok_or_else(|| Error::InvalidStatusList("encodedList is not base64url".into()))?;
    gzip::decompress(&compressed, MAX_INFLATED_BYTES)
}

/// The `size`-bit value at entry `index`, its first bit the most significant; bit 0 of the
/// bitstring is the most significant bit of byte 0 (§2.2, `encodedList`; §7.1). `None` when the
/// entry does not fit in the bitstring.
pub(super) fn status_value(bitstring: &[u8], index: u64, size: u32) -> Option<u32> {
    let first = index.checked_mul(u64::from(size))?;
    (0..u64::from(size)).try_fold(0_u32, |value, offset| {
        let bit = first.checked_add(offset)?;
        let byte = bitstring.get(usize::try_from(bit / 8).ok()?)?;
        Some((value << 1) | u32::from((byte >> (7 - bit % 8)) & 1))
    })
}

fn has_type(node: &Value, wanted: &str) -> bool {
    match node.get("type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(wanted)),
        _ => false,
    }
}
