//! Placeholder until the status helper lands: every entry is "not checked".
use crate::error::Error;
use crate::report::Passed;
use serde_json::Value;
/// Which status method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusKind {
    /// Bitstring Status List v1.0.
    BitstringStatusList,
}
impl StatusKind {
    /// Whether the list is a credential.
    pub fn list_is_credential(self) -> bool {
        true
    }
}
/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEntry {
    /// Kind.
    pub kind: StatusKind,
    /// List URL.
    pub list_url: String,
}
/// Entries.
pub fn entries(credential: &Value) -> Vec<Result<StatusEntry, Error>> {
    match credential.get("credentialStatus") {
        None => Vec::new(),
        Some(_) => vec![Err(Error::StatusNotChecked("unknown".into()))],
    }
}
/// Reads.
///
/// # Errors
/// Always.
pub fn read(_: &StatusEntry, _: &Value, _: Option<&str>, _: &str) -> Result<(Passed, Option<Error>), Error> {
    Err(Error::StatusNotChecked("unknown".into()))
}
