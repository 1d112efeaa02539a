//! Open Badges 2.0: an `Assertion` verified by its own rules, not as a Verifiable Credential.
//! See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#Verification>
//!
//! An assertion is *hosted* (`verification.type` `hosted` / `HostedBadge`: the issuer serves it
//! at its `id`, and what it serves there is the truth) or *signed* (`signed` / `SignedBadge`: a
//! compact JWS whose payload is the assertion, signed with the issuer's `CryptographicKey`).
//! Either way its `badge` (a BadgeClass) and the BadgeClass's `issuer` (a Profile) are URLs
//! fetched through the verification loop, or objects embedded in place. The checks map onto the
//! report's:
//! - `format`: the assertion's shape (type `Assertion`, `recipient`, `badge`, `verification`,
//!   `issuedOn`);
//! - `contexts`: the assertion names the Open Badges 2.0 context. OB 2.0 documents are compacted
//!   JSON-LD read by their JSON member names, as 1EdTech's validator reads them: nothing is
//!   expanded or canonicalised, so the context is judged by its URL only;
//! - `issuer_key`: hosted, the assertion's `id` is where its issuer verifies assertions from
//!   (`hosted_by_issuer`); signed, the key's `owner` is the issuer and the issuer's `publicKey`
//!   lists it (`key_bound_to_issuer`);
//! - `proof`: hosted, the copy at the assertion's `id` is the one given (`hosted_copy_matches`);
//!   signed, the JWS signature (`signature_valid`);
//! - `valid_from` / `valid_until`: `issuedOn` / `expires`;
//! - `status`: hosted, `revoked: true` in the hosted copy; signed, the issuer's
//!   `revocationList`, read only once the signature and key are sound;
//! - `issuer_trust`, `recipient`: the Profile's `id`; the `recipient` IdentityObject.
//!
//! OB 1.x leftovers that 2.0 issuers still emit are read as the 1EdTech validator reads them:
//! `verify` for `verification`, `verify.url` for the hosted URL of an assertion without `id`.

#[cfg(feature = "ob2")]
mod assertion;
#[cfg(feature = "ob2")]
mod checks;
#[cfg(feature = "ob2")]
mod hosted;
#[cfg(feature = "ob2")]
mod linked;
#[cfg(feature = "ob2")]
mod revocation;
#[cfg(feature = "ob2")]
mod signed;
#[cfg(feature = "ob2")]
mod view;

#[cfg(feature = "ob2")]
pub(crate) use assertion::Assertion;
use serde_json::Value;

/// The Open Badges 2.0 JSON-LD context.
pub const CONTEXT: &str = "https://w3id.org/openbadges/v2";

/// Other spellings of the 2.0 context issuers use (1EdTech's validator accepts them).
const CONTEXT_ALIASES: [&str; 3] =
    ["https://openbadgespec.org/v2/context.json", "http://w3id.org/openbadges/v2", "https://w3id.org/openbadges/v1"];

/// What a JSON document is, as far as Open Badges 2.0 goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An OB 2.0 (or 1.x) assertion: verified here.
    Assertion,
    /// An OB 0.5 assertion: recognised, not verified.
    Version05,
    /// Another Open Badges 2.0 document (a BadgeClass, Profile, key or revocation list): not a
    /// badge anyone holds, nothing to verify on its own.
    Linked,
    /// Not an Open Badges 2.0 document.
    Other,
}

/// Whether `json` is an Open Badges 2.0 / 1.x assertion (OB 2.0 context or `type` `Assertion`,
/// or the OB 1.x shape: `uid`, `verify` and `badge` without a context), an OB 0.5 one
/// (`recipient` a string and `badge` embedded with `version` 0.5), another OB 2.0 document, or
/// something else.
pub fn kind(json: &Value) -> Kind {
    let Value::Object(members) = json else { return Kind::Other };
    if members.get("badge").and_then(|b| b.get("version")).and_then(Value::as_str).is_some_and(|v| v.starts_with("0.5"))
    {
        return Kind::Version05;
    }
    let names_ob2 = crate::credential::strings(members.get("@context")).iter().any(|c| is_context(c));
    let typed = crate::credential::strings(members.get("type")).iter().any(|t| t == "Assertion");
    let ob1 = !members.contains_key("@context") && members.contains_key("uid") && members.contains_key("verify");
    let linked = members.contains_key("badge") && members.contains_key("recipient");
    let other_class = ["BadgeClass", "Profile", "Issuer", "CryptographicKey", "RevocationList"];
    if (names_ob2 && typed) || ((names_ob2 || typed || ob1) && linked) {
        Kind::Assertion
    } else if names_ob2
        && crate::credential::strings(members.get("type")).iter().any(|t| other_class.contains(&t.as_str()))
    {
        Kind::Linked
    } else {
        Kind::Other
    }
}

fn is_context(url: &str) -> bool {
    url == CONTEXT || CONTEXT_ALIASES.contains(&url)
}

#[cfg(feature = "ob2")]
fn invalid_property(property: &'static str, expected: &'static str) -> crate::error::Error {
    crate::error::Error::InvalidProperty { property, expected }
}

#[cfg(feature = "ob2")]
/// A string member of `object`.
fn text<'a>(object: &'a Value, name: &str) -> Option<&'a str> {
    object.get(name).and_then(Value::as_str)
}

#[cfg(feature = "ob2")]
/// An `id`: the string itself, or an object's `id`.
fn id_of(value: &Value) -> Option<&str> {
    match value {
        Value::String(id) => Some(id),
        object => text(object, "id"),
    }
}

#[cfg(feature = "ob2")]
/// `value` as a list of its items.
fn items(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    let slice: &[Value] = match value {
        Some(Value::Array(items)) => items,
        Some(other) => std::slice::from_ref(other),
        None => &[],
    };
    slice.iter().take(1024)
}

#[cfg(test)]
mod tests;
