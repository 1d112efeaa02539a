//! Hosted verification: the issuer serves the assertion at its `id`, and the copy served there
//! is the truth. The copy must be the assertion given, its `id` must be where the issuer
//! verifies assertions from, and `revoked: true` in it means revoked.
//! See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#HostedBadge>
//! and <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#VerificationObject>

use serde_json::Value;

use super::{items, text};
use crate::error::{Error, Unavailable};
use crate::report::Passed;

/// The URL a hosted assertion lives at: its `id` when that is an HTTP(S) URL, else the OB 1.x
/// `verify.url` (1.0 assertions have no `id`).
pub(super) fn url(assertion: &Value) -> Option<&str> {
    let is_url = |s: &&str| s.starts_with("https://") || s.starts_with("http://");
    text(assertion, "id").filter(is_url).or_else(|| {
        let verification = assertion.get("verification").or_else(|| assertion.get("verify"))?;
        text(verification, "url").filter(is_url)
    })
}

/// The copy hosted at `url` against the assertion `given` (compared as JSON values: member order
/// and white space do not matter, every member does, except `revoked` and `revocationReason`,
/// which an issuer adds to its hosted copy to revoke it: the status check reads them, and a copy
/// revoked in place is revoked, not "altered"). Given only the URL, the copy must say it lives
/// there.
///
/// # Errors
/// `ob2_hosted_mismatch`; the copy's own error when it could not be had.
pub(super) fn copy_matches(
    url: Option<&str>,
    given: Option<&Value>,
    copy: Result<&Value, Error>,
) -> Result<Passed, Error> {
    let copy = copy?;
    let matches = match given {
        Some(given) => same_but_revocation(given, copy),
        None => self::url(copy) == url,
    };
    if matches {
        Ok(Passed::HostedCopyMatches)
    } else {
        Err(Error::Ob2HostedMismatch { url: cut(url.unwrap_or_default()) })
    }
}

/// Whether two assertions are equal as JSON, their revocation members aside.
fn same_but_revocation(given: &Value, copy: &Value) -> bool {
    const REVOCATION: [&str; 2] = ["revoked", "revocationReason"];
    let (Value::Object(given), Value::Object(copy)) = (given, copy) else { return given == copy };
    let counted = |object: &serde_json::Map<String, Value>| {
        object.keys().filter(|name| !REVOCATION.contains(&name.as_str())).count()
    };
    counted(given) == counted(copy)
        && given
            .iter()
            .filter(|(name, _)| !REVOCATION.contains(&name.as_str()))
            .all(|(name, value)| copy.get(name) == Some(value))
}

/// The hosted copy's word on revocation: `revoked: true` in it (OB 2.0 §Assertion, with its
/// `revocationReason`), or its URL answering `410 Gone`, the way issuers have revoked hosted
/// assertions since OB 1.0 (the body, `{"revoked": true}`, is not needed to say so).
///
/// # Errors
/// `revoked`; the copy's own error when it could not be had otherwise.
pub(super) fn revoked(copy: Result<&Value, Error>) -> Result<Passed, Error> {
    let copy = match copy {
        Err(Error::DocumentUnavailable { reason: Unavailable::HttpStatus(410), .. }) => {
            return Err(Error::Revoked { message: Some("the issuer answers 410 Gone at its URL".to_owned()) });
        }
        other => other?,
    };
    if copy.get("revoked").and_then(Value::as_bool) == Some(true) {
        Err(Error::Revoked { message: text(copy, "revocationReason").map(cut) })
    } else {
        Ok(Passed::NotRevoked)
    }
}

/// Whether the assertion's URL is in the issuer's verification scope: its host is one of the
/// issuer's `verification.allowedOrigins` (by default the host of the issuer's `id`, or for an
/// issuer whose `id` is not an HTTP(S) URL, e.g. `urn:uuid:`, the host its Profile was fetched
/// from: that host vouches for the Profile it serves), and, when
/// the issuer names `verification.startsWith`, it starts with one of them (1EdTech's validator
/// reads the policy the same way, defaults filled in member by member).
///
/// # Errors
/// `ob2_wrong_origin`.
pub(super) fn in_scope(
    assertion_url: &str,
    issuer: &Value,
    issuer_id: &str,
    issuer_url: Option<&str>,
) -> Result<Passed, Error> {
    let policy = issuer.get("verification");
    let allowed: Vec<&str> = match policy.and_then(|p| p.get("allowedOrigins")) {
        Some(origins) => items(Some(origins)).filter_map(Value::as_str).collect(),
        None => host(issuer_id).or_else(|| issuer_url.and_then(host)).into_iter().collect(),
    };
    let starts: Vec<&str> = items(policy.and_then(|p| p.get("startsWith"))).filter_map(Value::as_str).collect();
    let origin_ok = host(assertion_url).is_some_and(|h| allowed.iter().any(|a| a.eq_ignore_ascii_case(h)));
    let prefix_ok = starts.is_empty() || starts.iter().any(|s| assertion_url.starts_with(s));
    if origin_ok && prefix_ok {
        Ok(Passed::HostedByIssuer)
    } else {
        Err(Error::Ob2WrongOrigin { id: cut(assertion_url) })
    }
}

/// The authority of an HTTP(S) URL without user info (`host[:port]`), as Python's `netloc`
/// less credentials.
pub(super) fn host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    (!host.is_empty()).then_some(host)
}

fn cut(text: &str) -> String {
    text.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn scope_defaults_to_the_issuer_host_and_narrows_by_prefix() {
        let issuer = json!({"id": "https://issuer.example/profile"});
        assert_eq!(
            in_scope("https://issuer.example/a/1", &issuer, "https://issuer.example/profile", None),
            Ok(Passed::HostedByIssuer)
        );
        let code = |r: Result<Passed, Error>| r.map_err(|e| e.code());
        assert_eq!(
            code(in_scope("https://evil.example/a/1", &issuer, "https://issuer.example/p", None)),
            Err("ob2_wrong_origin")
        );
        let listed = json!({"verification": {"allowedOrigins": ["cdn.example", "issuer.example"]}});
        assert!(in_scope("https://cdn.example/x", &listed, "https://issuer.example/p", None).is_ok());
        let prefixed = json!({"verification": {"startsWith": ["https://issuer.example/badges/"]}});
        assert!(in_scope("https://issuer.example/badges/1", &prefixed, "https://issuer.example/p", None).is_ok());
        assert_eq!(
            code(in_scope("https://issuer.example/other/1", &prefixed, "https://issuer.example/p", None)),
            Err("ob2_wrong_origin")
        );
        let fetched = Some("https://issuer.example/profile.json");
        assert!(in_scope("https://issuer.example/a/1", &issuer, "urn:uuid:1", fetched).is_ok());
        assert!(in_scope("https://issuer.example/a/1", &issuer, "urn:uuid:1", None).is_err());
        assert_eq!(host("https://user@Issuer.example:8443/x?y"), Some("Issuer.example:8443"));
        assert_eq!(host("did:web:x"), None);
    }

    #[test]
    fn the_hosted_copy_must_be_the_one_given() {
        let given = json!({"id": "https://i.example/a", "b": [1, 2]});
        let same = json!({"b": [1, 2], "id": "https://i.example/a"});
        assert_eq!(copy_matches(Some("https://i.example/a"), Some(&given), Ok(&same)), Ok(Passed::HostedCopyMatches));
        let changed = json!({"b": [2, 1], "id": "https://i.example/a"});
        let error = copy_matches(Some("https://i.example/a"), Some(&given), Ok(&changed)).unwrap_err();
        assert_eq!(error.code(), "ob2_hosted_mismatch");
        let revoked_in_place =
            json!({"b": [1, 2], "id": "https://i.example/a", "revoked": true, "revocationReason": "x"});
        assert!(copy_matches(Some("https://i.example/a"), Some(&given), Ok(&revoked_in_place)).is_ok());
        let fewer = json!({"id": "https://i.example/a"});
        assert!(copy_matches(Some("https://i.example/a"), Some(&given), Ok(&fewer)).is_err());
        assert!(copy_matches(Some("https://i.example/a"), Some(&fewer), Ok(&given)).is_err());
        let elsewhere = json!({"id": "https://i.example/b"});
        assert!(copy_matches(Some("https://i.example/a"), None, Ok(&elsewhere)).is_err());
        assert_eq!(revoked(Ok(&json!({"revoked": true, "revocationReason": "why"}))).unwrap_err().code(), "revoked");
        let gone =
            Error::DocumentUnavailable { id: "https://i.example/a".into(), reason: Unavailable::HttpStatus(410) };
        assert_eq!(revoked(Err(gone)).unwrap_err().code(), "revoked");
        let missing =
            Error::DocumentUnavailable { id: "https://i.example/a".into(), reason: Unavailable::HttpStatus(404) };
        assert_eq!(revoked(Err(missing)).unwrap_err().code(), "document_unavailable");
        assert_eq!(revoked(Ok(&json!({"revoked": false}))), Ok(Passed::NotRevoked));
    }
}
