//! `Credential`: the fields of a W3C VC 1.1 / 2.0 credential that the checks read, alongside the
//! original JSON (which is what the proofs sign). Reading only: nothing here judges; a missing or
//! ill-typed field is `None` and the `format` check reports it.

use serde_json::{Map, Value};

use crate::error::Error;

/// The VC 1.1 base context.
pub const VC_V1_CONTEXT: &str = "https://www.w3.org/2018/credentials/v1";
/// The VC 2.0 base context.
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// Which data model the credential declares by its first `@context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcVersion {
    /// Verifiable Credentials Data Model 1.1.
    V1_1,
    /// Verifiable Credentials Data Model 2.0.
    V2_0,
}

/// A date property as written, with its name (`validFrom` or the VC 1.1 `issuanceDate`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateField {
    /// The JSON property it came from.
    pub property: &'static str,
    /// The text, unparsed.
    pub text: Option<String>,
}

/// A credential as read from JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Credential {
    /// The whole credential, proofs included.
    pub json: Map<String, Value>,
    /// From the first `@context`, when it is a known base context.
    pub version: Option<VcVersion>,
    /// `type`, as a list.
    pub types: Vec<String>,
    /// `issuer` (a string, or the `id` of an issuer object).
    pub issuer: Option<String>,
    /// `validFrom` (VC 2.0) or `issuanceDate` (VC 1.1), if present.
    pub valid_from: Option<DateField>,
    /// `validUntil` (VC 2.0) or `expirationDate` (VC 1.1), if present.
    pub valid_until: Option<DateField>,
}

impl Credential {
    /// Reads a parsed JSON value as a credential.
    ///
    /// # Errors
    /// `NotACredential` when the value is not an object with `@context` and `type`: there is
    /// nothing to report on. Anything subtler is left for the `format` check.
    pub fn from_json(value: Value) -> Result<Self, Error> {
        let Value::Object(json) = value else {
            return Err(Error::NotACredential("the JSON is not an object"));
        };
        if !json.contains_key("@context") {
            return Err(Error::NotACredential("it has no @context"));
        }
        if !json.contains_key("type") {
            return Err(Error::NotACredential("it has no type"));
        }
        let version = match first_context(&json) {
            Some(VC_V1_CONTEXT) => Some(VcVersion::V1_1),
            Some(VC_V2_CONTEXT) => Some(VcVersion::V2_0),
            _ => None,
        };
        let types = strings(json.get("type"));
        let issuer = match json.get("issuer") {
            Some(Value::String(id)) => Some(id.clone()),
            Some(Value::Object(object)) => object.get("id").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        };
        let date = |property: &'static str| {
            json.get(property).map(|v| DateField { property, text: v.as_str().map(str::to_owned) })
        };
        let (valid_from, valid_until) = match version {
            Some(VcVersion::V1_1) => (
                date("issuanceDate").or_else(|| date("validFrom")),
                date("expirationDate").or_else(|| date("validUntil")),
            ),
            _ => (date("validFrom"), date("validUntil")),
        };
        Ok(Self { json, version, types, issuer, valid_from, valid_until })
    }

    /// The `@context` entries, in order (a single entry reads as a list of one).
    pub fn contexts(&self) -> Vec<&Value> {
        match self.json.get("@context") {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(other) => vec![other],
            None => Vec::new(),
        }
    }

    /// The proofs: `proof` as a list (a proof set when more than one).
    pub fn proofs(&self) -> Vec<&Value> {
        match self.json.get("proof") {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(other) => vec![other],
            None => Vec::new(),
        }
    }

    /// The credential without its `proof` (the unsecured document that proofs sign).
    pub fn without_proof(&self) -> Map<String, Value> {
        let mut unsecured = self.json.clone();
        unsecured.remove("proof");
        unsecured
    }
}

fn first_context(json: &Map<String, Value>) -> Option<&str> {
    match json.get("@context")? {
        Value::Array(items) => items.first()?.as_str(),
        Value::String(url) => Some(url),
        _ => None,
    }
}

/// A string or array of strings as a list (other entries skipped).
pub(crate) fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_vc2_and_vc11_dates_by_their_own_names() {
        let v2 = Credential::from_json(json!({
            "@context": [VC_V2_CONTEXT], "type": ["VerifiableCredential"],
            "issuer": {"id": "did:example:1"}, "validFrom": "2024-01-01T00:00:00Z"
        }))
        .unwrap();
        assert_eq!(v2.version, Some(VcVersion::V2_0));
        assert_eq!(v2.issuer.as_deref(), Some("did:example:1"));
        assert_eq!(v2.valid_from.unwrap().property, "validFrom");
        let v1 = Credential::from_json(json!({
            "@context": VC_V1_CONTEXT, "type": "VerifiableCredential", "issuer": "did:example:1",
            "issuanceDate": "2024-01-01T00:00:00Z", "expirationDate": 5
        }))
        .unwrap();
        assert_eq!(v1.version, Some(VcVersion::V1_1));
        assert_eq!(v1.valid_until, Some(DateField { property: "expirationDate", text: None }));
    }

    #[test]
    fn what_is_not_a_credential_is_an_error() {
        for value in [json!([]), json!({"type": "VerifiableCredential"}), json!({"@context": VC_V2_CONTEXT})] {
            assert_eq!(Credential::from_json(value).unwrap_err().code(), "not_a_credential");
        }
    }
}
