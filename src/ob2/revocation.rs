//! The issuer's `revocationList` (a RevocationList document): read for a signed assertion once
//! its signature and key are sound. Entries are assertion ids, or objects with an `id` or the
//! OB 1.x `uid` (and a `revocationReason`).
//! See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#RevocationList>

use serde_json::Value;

use super::linked::document_for;
use super::{id_of, items, text};
use crate::error::Error;
use crate::report::Passed;
use crate::verification::{Need, Purpose, Store};

/// The `status` check: `None` while the list is awaited.
///
/// # Errors
/// `revoked`; `ob2_document_invalid` for a list without `revokedAssertions`; the list's own
/// error when it could not be had (unchecked).
pub(super) fn check(
    assertion: &Value,
    issuer: &Value,
    store: &Store,
    needs: &mut Vec<Need>,
) -> Option<Result<Passed, Error>> {
    let list = match issuer.get("revocationList") {
        None => return Some(Ok(Passed::NoStatus)),
        Some(Value::String(url)) => match document_for(store, url, Purpose::StatusList, needs)? {
            Ok(list) => list,
            Err(error) => return Some(Err(error)),
        },
        Some(embedded) => embedded,
    };
    Some(find(assertion, list))
}

fn find(assertion: &Value, list: &Value) -> Result<Passed, Error> {
    let Some(revoked) = list.get("revokedAssertions") else {
        return Err(Error::Ob2DocumentInvalid { document: "RevocationList", reason: "it has no revokedAssertions" });
    };
    let id = text(assertion, "id");
    let uid = text(assertion, "uid");
    for entry in items(Some(revoked)) {
        let entry_uid = text(entry, "uid");
        let by_id = id.is_some() && id_of(entry) == id;
        let by_uid = uid.is_some() && (entry_uid == uid || (entry.is_string() && entry.as_str() == uid));
        if by_id || by_uid {
            let message = text(entry, "revocationReason").map(|r| r.chars().take(200).collect());
            return Err(Error::Revoked { message });
        }
    }
    Ok(Passed::NotRevoked)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn entries_match_by_id_or_uid_as_strings_or_objects() {
        let list = json!({"revokedAssertions": [
            {"id": "https://i.example/a/1", "revocationReason": "misconduct"},
            "urn:uuid:2",
            {"uid": "abc"},
        ]});
        let revoked = find(&json!({"id": "https://i.example/a/1"}), &list).unwrap_err();
        assert_eq!(revoked, Error::Revoked { message: Some("misconduct".into()) });
        assert_eq!(find(&json!({"id": "urn:uuid:2"}), &list).unwrap_err().code(), "revoked");
        assert_eq!(find(&json!({"uid": "abc"}), &list).unwrap_err().code(), "revoked");
        assert_eq!(find(&json!({"id": "urn:uuid:3"}), &list), Ok(Passed::NotRevoked));
        assert_eq!(find(&json!({"id": "x"}), &json!({})).unwrap_err().code(), "ob2_document_invalid");
    }
}
