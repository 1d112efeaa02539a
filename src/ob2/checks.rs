//! The checks an assertion answers on its own, without any linked document: its shape, context,
//! dates and recipient. See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#Assertion>

use serde_json::Value;

use super::{invalid_property, is_context};
use crate::error::Error;
use crate::recipient;
use crate::report::Passed;
use crate::timestamp::Timestamp;
use crate::verify::Options;

/// The assertion's required members (OB 2.0 §Assertion).
pub(super) fn shape(assertion: &Value) -> Result<Passed, Error> {
    let types = crate::credential::strings(assertion.get("type"));
    let ob1 = assertion.get("@context").is_none();
    if !ob1 && !types.iter().any(|t| t == "Assertion") {
        return Err(invalid_property("type", "Assertion"));
    }
    if !assertion.get("recipient").is_some_and(Value::is_object) {
        return Err(invalid_property("recipient", "an IdentityObject"));
    }
    if !assertion.get("badge").is_some_and(|b| b.is_string() || b.is_object()) {
        return Err(invalid_property("badge", "a BadgeClass URL or object"));
    }
    verification_type(assertion)?;
    if date(assertion, "issuedOn")?.is_none() {
        return Err(invalid_property("issuedOn", "a date-time"));
    }
    Ok(Passed::FormatValid)
}

/// `verification` (or the OB 1.x `verify`): `Ok(true)` for signed, `Ok(false)` for hosted.
pub(super) fn verification_type(assertion: &Value) -> Result<bool, Error> {
    let verification = assertion.get("verification").or_else(|| assertion.get("verify"));
    let kind = verification.and_then(|v| v.get("type")).and_then(Value::as_str);
    match kind {
        Some("hosted" | "HostedBadge") => Ok(false),
        Some("signed" | "SignedBadge") => Ok(true),
        _ => Err(invalid_property("verification.type", "HostedBadge or SignedBadge")),
    }
}

pub(super) fn contexts(assertion: &Value) -> Result<Passed, Error> {
    let Some(context) = assertion.get("@context") else {
        // OB 1.0 assertions have no context; their shape is their version.
        return Ok(Passed::ContextsKnown);
    };
    let names = crate::credential::strings(Some(context));
    if names.iter().any(|c| is_context(c)) {
        Ok(Passed::ContextsKnown)
    } else {
        Err(Error::UnknownContext(names.first().cloned().unwrap_or_default().chars().take(200).collect()))
    }
}

/// A date member: absent, or an ISO 8601 date-time (a date alone is read as its midnight UTC).
fn date(object: &Value, name: &'static str) -> Result<Option<Timestamp>, Error> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Timestamp::parse(text)
            .or_else(|| Timestamp::parse(&format!("{text}T00:00:00Z")))
            .map(Some)
            .ok_or_else(|| Error::InvalidDate { property: name, value: text.chars().take(64).collect() }),
        // OB 1.0 allowed a Unix timestamp.
        Some(Value::Number(n)) => n
            .as_i64()
            .map(|s| Some(Timestamp::from_unix_seconds(s)))
            .ok_or(Error::InvalidDate { property: name, value: n.to_string() }),
        Some(other) => Err(Error::InvalidDate { property: name, value: other.to_string().chars().take(64).collect() }),
    }
}

pub(super) fn has_started(assertion: &Value, options: &Options) -> Result<Passed, Error> {
    match date(assertion, "issuedOn")? {
        Some(issued) if issued > options.now.plus_seconds(options.clock_skew_seconds) => {
            Err(Error::NotYetValid { valid_from: issued, now: options.now })
        }
        Some(_) => Ok(Passed::Started),
        None => Ok(Passed::NoValidFrom),
    }
}

pub(super) fn not_expired(assertion: &Value, options: &Options) -> Result<Passed, Error> {
    match date(assertion, "expires")? {
        Some(expires) if expires < options.now.plus_seconds(-options.clock_skew_seconds) => {
            Err(Error::Expired { valid_until: expires, now: options.now })
        }
        Some(expires) if date(assertion, "issuedOn")?.is_some_and(|issued| expires < issued) => {
            Err(invalid_property("expires", "a date after issuedOn"))
        }
        Some(_) => Ok(Passed::NotExpired),
        None => Ok(Passed::NoExpiry),
    }
}

/// The host's recipient against the assertion's `recipient` IdentityObject.
pub(super) fn recipient_check(assertion: &Value, recipient: Option<&str>) -> Result<Passed, Error> {
    let Some(value) = recipient else { return Ok(Passed::NoRecipientGiven) };
    if value.trim().is_empty() {
        return Err(Error::InvalidOptions("the recipient to check is empty".to_owned()));
    }
    let identity_object = assertion.get("recipient");
    // OB 0.5/1.0 leftovers: a bare string is the identity itself.
    let (identity, hashed, salt) = match identity_object {
        Some(Value::String(identity)) => (Some(identity.as_str()), identity.contains('$'), None),
        Some(object) => (
            object.get("identity").and_then(Value::as_str),
            object.get("hashed").and_then(Value::as_bool).unwrap_or(false),
            object.get("salt").and_then(Value::as_str),
        ),
        None => (None, false, None),
    };
    let Some(identity) = identity else { return Err(Error::NoRecipientIdentifier) };
    if recipient::identity_matches(identity, hashed, salt, value)? {
        Ok(Passed::RecipientMatches)
    } else {
        Err(Error::RecipientMismatch)
    }
}
