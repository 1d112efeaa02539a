//! The 1EdTech Revocation List Status Method: a plain JSON document (not a credential) at the
//! entry's `id`, naming its issuer and the ids of the credentials it revoked:
//!
//! ```json
//! { "id": "https://issuer.example/revocations", "issuer": "https://issuer.example",
//!   "revokedCredential": [{ "id": "urn:uuid:…", "revoked": true, "revocationReason": "…" }] }
//! ```
//!
//! The member is `revokedCredential` in the specification and in 1EdTech's own validator
//! (which also reads `revoked`: true or absent means revoked); `revokedCredentials` is accepted
//! as well, and so are bare id strings as items. The list is unsigned, so it is trusted only as
//! far as its issuer is the credential's issuer (and the transport that fetched it).
//!
//! See: <https://www.imsglobal.org/spec/vcrl/v1p0/>

use serde_json::Value;

use crate::error::Error;
use crate::report::Passed;

/// Whether `credential_id` is revoked in `list`, which `issuer` must have issued.
pub(super) fn read(list: &Value, credential_id: Option<&str>, issuer: &str) -> Result<(Passed, Option<Error>), Error> {
    if !list.is_object() {
        return Err(invalid("it is not a JSON object"));
    }
    let list_issuer = match list.get("issuer") {
        Some(Value::String(id)) => Some(id.as_str()),
        Some(Value::Object(profile)) => profile.get("id").and_then(Value::as_str),
        _ => None,
    }
    .ok_or_else(|| invalid("it names no issuer"))?;
    if list_issuer != issuer {
        return Err(Error::StatusListWrongIssuer {
            list_issuer: list_issuer.chars().take(200).collect(),
            issuer: issuer.chars().take(200).collect(),
        });
    }
    let credential_id = credential_id
        .filter(|id| !id.is_empty())
        .ok_or(Error::InvalidStatusEntry("a 1EdTechRevocationList needs the credential's id, and it has none"))?;
    let items = match list.get("revokedCredential").or_else(|| list.get("revokedCredentials")) {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(item @ Value::Object(_)) => vec![item],
        _ => return Err(invalid("it has no revokedCredential array")),
    };
    for item in items {
        let (id, revoked, reason) = match item {
            Value::String(id) => (Some(id.as_str()), true, None),
            Value::Object(entry) => (
                entry.get("id").and_then(Value::as_str),
                entry.get("revoked") != Some(&Value::Bool(false)),
                entry.get("revocationReason").and_then(Value::as_str),
            ),
            _ => return Err(invalid("a revokedCredential item is neither an object nor an id")),
        };
        if id == Some(credential_id) && revoked {
            return Err(Error::Revoked { message: reason.map(|r| r.chars().take(500).collect()) });
        }
    }
    Ok((Passed::NotRevoked, None))
}

fn invalid(why: &str) -> Error {
    Error::InvalidStatusList(format!("1EdTech revocation list: {why}"))
}
