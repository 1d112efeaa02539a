//! `issuer_trust`: the host's list of trusted issuers (its policy, not the credential's claim).
//! A verified signature proves who issued a credential; this check says whether the host
//! trusts that issuer. Without a list the check does not apply.
//!
//! An entry matches the credential's issuer id when
//! - it is the same string;
//! - it is a DID and names the same DID, fragments ignored (`did:web:x#key-1` is `did:web:x`);
//! - it is an HTTP(S) URL equal to the issuer's URL, with scheme and host compared
//!   case-insensitively and the default port implied (`HTTPS://Issuer.Example:443/a` is
//!   `https://issuer.example/a`); paths, queries and fragments compare exactly;
//! - it is an **origin**, `https://host[:port]` with no path (or `/` alone), and the issuer is
//!   an `https:` URL with that origin, or a `did:web` whose document URL has that origin. An
//!   origin trusts everything its server publishes: `https://issuer.example` trusts
//!   `did:web:issuer.example:anything`, never `https://issuer.example:8443`,
//!   `https://issuer.example.evil.com` or `http://issuer.example`.
//!
//! Nothing else: no path prefixes, no case folding beyond scheme and host, and a URL with
//! user info (`https://issuer.example@evil.com`) is never read as a URL.
//! See: <https://www.w3.org/TR/vc-data-model-2.0/#issuer> ("verifiers … decide which issuers they trust")

use serde_json::Value;

use crate::documents::strip_fragment;
use crate::error::Error;
use crate::json::{self, Limits};
use crate::key::did_web;
use crate::report::Passed;
use crate::url::HttpUrl;

/// The `issuer_trust` check. `None` (no list given) → `Ok(Passed::NoTrustList)`; `issuer` on
/// the list → `Ok(Passed::IssuerTrusted)`. An empty list trusts no one.
///
/// # Errors
/// `issuer_not_trusted` with the issuer id.
pub fn check(issuer: &str, trusted: Option<&[String]>) -> Result<Passed, Error> {
    let Some(trusted) = trusted else {
        return Ok(Passed::NoTrustList);
    };
    if trusted.iter().any(|entry| entry_matches(entry, issuer)) {
        Ok(Passed::IssuerTrusted)
    } else {
        Err(Error::IssuerNotTrusted(issuer.chars().take(200).collect()))
    }
}

/// Parses a trusted-issuers file: a JSON array of strings, each an issuer id (URL or DID) or
/// an `https://host[:port]` origin. Entries that could never match are refused with a message
/// naming them (blank, padded with white space, no scheme, a malformed DID or URL).
///
/// # Errors
/// `invalid_options` saying what is wrong and where.
pub fn parse_list(bytes: &[u8]) -> Result<Vec<String>, Error> {
    let options = |why: String| Error::InvalidOptions(format!("trusted issuers: {why}"));
    let value = json::parse(bytes, &Limits::default()).map_err(|e| options(format!("not usable JSON: {e}")))?;
    let Value::Array(items) = value else {
        return Err(options("expected a JSON array of strings (issuer ids, DIDs or https:// origins)".to_owned()));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| match item {
            Value::String(entry) => match entry_problem(&entry) {
                None => Ok(entry),
                Some(why) => {
                    let shown: String = entry.chars().take(100).collect();
                    Err(options(format!("entry {index} ({shown:?}) {why}")))
                }
            },
            _ => Err(options(format!("entry {index} is not a string"))),
        })
        .collect()
}

/// Why `entry` can never match an issuer, if it cannot.
fn entry_problem(entry: &str) -> Option<&'static str> {
    if entry.is_empty() {
        return Some("is empty");
    }
    if entry.trim() != entry {
        return Some("has white space around it");
    }
    let scheme = entry.split_once(':').map_or("", |(scheme, _)| scheme);
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return Some("is not a URL or DID (write an origin as https://host)");
    }
    if scheme == "did" {
        let mut parts = entry.splitn(3, ':').skip(1);
        let method_ok = parts.next().is_some_and(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_alphanumeric()));
        let id_ok = parts.next().is_some_and(|id| !strip_fragment(id).is_empty());
        return (!method_ok || !id_ok).then_some("is not a DID (did:method:id)");
    }
    let is_web = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
    (is_web && HttpUrl::parse(entry).is_none()).then_some("is not a usable URL (user info, bad host or port?)")
}

fn entry_matches(entry: &str, issuer: &str) -> bool {
    if entry == issuer {
        return true;
    }
    if entry.starts_with("did:") {
        return issuer.starts_with("did:") && strip_fragment(entry) == strip_fragment(issuer);
    }
    let Some(entry) = HttpUrl::parse(entry) else {
        return false;
    };
    if let Some(issuer) = HttpUrl::parse(issuer) {
        if entry.same_origin(&issuer) && entry.rest == issuer.rest {
            return true;
        }
    }
    if !(entry.https && entry.is_origin()) {
        return false;
    }
    let issuer_url =
        if issuer.starts_with("did:web:") { did_web::document_url(issuer) } else { Some(issuer.to_owned()) };
    issuer_url.as_deref().and_then(HttpUrl::parse).is_some_and(|issuer| issuer.https && entry.same_origin(&issuer))
}

#[cfg(test)]
mod tests;
