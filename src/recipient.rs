//! Placeholder until the recipient helper lands.
use crate::error::Error;
use crate::report::Passed;
use serde_json::Value;
/// The `recipient` check.
///
/// # Errors
/// `no_recipient_identifier`.
pub fn check(_credential: &Value, recipient: Option<&str>) -> Result<Passed, Error> {
    match recipient {
        None => Ok(Passed::NoRecipientGiven),
        Some(_) => Err(Error::NoRecipientIdentifier),
    }
}
