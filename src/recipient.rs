//! `recipient`: was the credential issued to the person the host names? The host's value (an
//! e-mail address, URL, phone number, DID, …) is compared on the device with the credential's
//! recipient identifiers; nothing is sent anywhere.
//!
//! Read from each `credentialSubject` (one or many):
//! - `id`, matched when it equals the recipient exactly (a DID or URL);
//! - `identifier`, one or many OB 3.0 `IdentityObject`s: `identityHash` is the plain value, or
//!   when `hashed` is true `<algorithm>$<hex>` of the value with `salt` appended
//!   (`sha256` or `md5`, OB 2.0 `IdentityHash`).
//!
//! Normalisation (what 1EdTech's validators and the big issuers do):
//! - the recipient is trimmed of white space, and so is the credential's value;
//! - an e-mail-shaped recipient (one `@`, no `:`, `/` or white space; so never a URL, DID or
//!   `mailto:` URI) compares case-insensitively with a plain value, and against a hash both as
//!   given and lower-cased: issuers such as Badgr hash the lower-cased address, others the
//!   address as entered. An address hashed with capitals the host does not type is not found;
//! - hex digests compare case-insensitively, and so does the algorithm name (`SHA256$` is
//!   `sha256$`);
//! - nothing else is folded: URLs, DIDs and phone numbers compare as written.
//!
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#identityobject>,
//! <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#IdentityObject>

use md5::Md5;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::report::Passed;

/// The `recipient` check: the host's `recipient` against the credential's recipient
/// identifiers. `None` → `Ok(Passed::NoRecipientGiven)`; a match → `Ok(Passed::RecipientMatches)`.
/// Every identifier is tried: one hashed with an unknown algorithm does not stop another from
/// matching.
///
/// # Errors
/// `recipient_mismatch` when none matches; `no_recipient_identifier` when the credential has
/// neither a subject `id` nor an `identifier` with an `identityHash`;
/// `unsupported_identity_hash` when nothing matched and some identifier could not be compared;
/// `invalid_options` for a blank recipient.
pub fn check(credential: &Value, recipient: Option<&str>) -> Result<Passed, Error> {
    let Some(recipient) = recipient else {
        return Ok(Passed::NoRecipientGiven);
    };
    let recipient = recipient.trim();
    if recipient.is_empty() {
        return Err(Error::InvalidOptions("the recipient to check is empty".to_owned()));
    }
    let (mut named, mut not_comparable) = (false, None);
    let subjects = credential.get("credentialSubject").into_iter().flat_map(one_or_many);
    for subject in subjects {
        if let Some(id) = subject.get("id").and_then(Value::as_str) {
            named = true;
            if id == recipient {
                return Ok(Passed::RecipientMatches);
            }
        }
        for identity in subject.get("identifier").into_iter().flat_map(one_or_many) {
            let Some(value) = identity.get("identityHash").and_then(Value::as_str) else {
                continue;
            };
            named = true;
            let hashed = identity.get("hashed").and_then(Value::as_bool).unwrap_or(false);
            let salt = identity.get("salt").and_then(Value::as_str);
            match identity_matches(value, hashed, salt, recipient) {
                Ok(true) => return Ok(Passed::RecipientMatches),
                Ok(false) => {}
                Err(error) => not_comparable = not_comparable.or(Some(error)),
            }
        }
    }
    match not_comparable {
        Some(error) => Err(error),
        None if named => Err(Error::RecipientMismatch),
        None => Err(Error::NoRecipientIdentifier),
    }
}

/// One identity comparison, shared by OB 3.0 `IdentityObject` and OB 2.0 `recipient`:
/// `identity` is the plain value, or `sha256$<hex>` / `md5$<hex>` when `hashed`, computed over
/// the value with `salt` appended (no salt: the value alone). Normalised as the module says.
///
/// # Errors
/// `unsupported_identity_hash` when `hashed` and the algorithm is neither `sha256` nor `md5`
/// (`none` when there is no `algorithm$` prefix at all).
pub fn identity_matches(identity: &str, hashed: bool, salt: Option<&str>, value: &str) -> Result<bool, Error> {
    let (identity, value) = (identity.trim(), value.trim());
    let email = is_email_shaped(value);
    if !hashed {
        let matches = if email { identity.eq_ignore_ascii_case(value) } else { identity == value };
        return Ok(matches && !value.is_empty());
    }
    let Some((algorithm, digest)) = identity.split_once('$') else {
        return Err(Error::UnsupportedIdentityHash("none".to_owned()));
    };
    let hash: fn(&[u8]) -> Vec<u8> = match algorithm.to_ascii_lowercase().as_str() {
        "sha256" => |bytes| Sha256::digest(bytes).to_vec(),
        "md5" => |bytes| Md5::digest(bytes).to_vec(),
        _ => return Err(Error::UnsupportedIdentityHash(algorithm.chars().take(32).collect())),
    };
    let salt = salt.unwrap_or("");
    // ASCII case folding only: Unicode's would link its case tables (about 10 KB of wasm) for
    // addresses whose non-ASCII letters issuers do not fold consistently anyway.
    let lowered = value.to_ascii_lowercase();
    let candidates: &[&str] = if email && lowered != value { &[value, &lowered] } else { &[value] };
    Ok(!value.is_empty()
        && candidates.iter().any(|candidate| hex_equals(digest, &hash(format!("{candidate}{salt}").as_bytes()))))
}

/// `local@domain`: one `@` with text on both sides, and no `:`, `/` or white space.
fn is_email_shaped(value: &str) -> bool {
    let mut parts = value.split('@');
    let shaped = matches!((parts.next(), parts.next(), parts.next()), (Some(local), Some(domain), None)
        if !local.is_empty() && !domain.is_empty());
    shaped && !value.contains([':', '/']) && !value.contains(char::is_whitespace)
}

/// Whether `hex` (either case) spells `bytes`.
fn hex_equals(hex: &str, bytes: &[u8]) -> bool {
    hex.len() == bytes.len() * 2
        && hex.bytes().all(|c| c.is_ascii_hexdigit())
        && hex.as_bytes().chunks(2).zip(bytes).all(|(pair, byte)| {
            std::str::from_utf8(pair).ok().and_then(|pair| u8::from_str_radix(pair, 16).ok()) == Some(*byte)
        })
}

fn one_or_many(value: &Value) -> Box<dyn Iterator<Item = &Value> + '_> {
    match value {
        Value::Array(items) => Box::new(items.iter()),
        other => Box::new(std::iter::once(other)),
    }
}

#[cfg(test)]
mod tests;
