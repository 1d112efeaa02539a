//! The documents an assertion links to: its BadgeClass (`badge`) and the BadgeClass's issuer
//! Profile (`issuer`), each a URL fetched through the verification loop or an object embedded in
//! place. See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#BadgeClass>

use serde_json::Value;

use super::{id_of, text};
use crate::error::{Error, Unavailable};
use crate::verification::{Need, Purpose, Store};

/// The BadgeClass and issuer Profile of an assertion.
#[derive(Debug)]
pub(super) struct Linked<'a> {
    /// The BadgeClass.
    pub(super) badge: &'a Value,
    /// The issuer Profile.
    pub(super) issuer: &'a Value,
    /// The issuer's `id`, else the URL it was fetched from.
    pub(super) issuer_id: &'a str,
    /// The URL the Profile was fetched from, when it was not embedded.
    pub(super) issuer_url: Option<&'a str>,
}

impl<'a> Linked<'a> {
    /// `None` while a document is awaited (its need noted).
    pub(super) fn resolve(
        assertion: &'a Value,
        store: &'a Store,
        needs: &mut Vec<Need>,
    ) -> Option<Result<Self, Error>> {
        let Some(badge_ref) = assertion.get("badge") else {
            return Some(Err(Error::Ob2DocumentInvalid { document: "BadgeClass", reason: "the assertion names none" }));
        };
        let badge = match node(badge_ref, store, needs, "BadgeClass")? {
            Ok((badge, _)) => badge,
            Err(error) => return Some(Err(error)),
        };
        // OB 1.x leftovers: the issuer on the assertion when the BadgeClass has none.
        let issuer_ref = badge.get("issuer").or_else(|| assertion.get("issuer"));
        let Some(issuer_ref) = issuer_ref else {
            return Some(Err(Error::Ob2DocumentInvalid { document: "BadgeClass", reason: "it names no issuer" }));
        };
        let (issuer, issuer_url) = match node(issuer_ref, store, needs, "Profile")? {
            Ok(found) => found,
            Err(error) => return Some(Err(error)),
        };
        let Some(issuer_id) = text(issuer, "id").or(issuer_url) else {
            return Some(Err(Error::Ob2DocumentInvalid { document: "Profile", reason: "it has no id" }));
        };
        Some(Ok(Self { badge, issuer, issuer_id, issuer_url }))
    }
}

/// A linked node: fetched when a URL, else the embedded object; with the URL it came from.
fn node<'a>(
    value: &'a Value,
    store: &'a Store,
    needs: &mut Vec<Need>,
    document_name: &'static str,
) -> Option<Result<(&'a Value, Option<&'a str>), Error>> {
    match value {
        Value::String(url) => {
            let found = document(store, url, needs)?;
            Some(found.and_then(|d| object(d, document_name)).map(|d| (d, Some(url.as_str()))))
        }
        Value::Object(_) => Some(Ok((value, id_of(value)))),
        _ => Some(Err(Error::Ob2DocumentInvalid {
            document: document_name,
            reason: "it is neither a URL nor an object",
        })),
    }
}

fn object<'a>(value: &'a Value, document_name: &'static str) -> Result<&'a Value, Error> {
    if value.is_object() {
        Ok(value)
    } else {
        Err(Error::Ob2DocumentInvalid { document: document_name, reason: "it is not a JSON object" })
    }
}

/// The document at `url`: `None` while awaited (the need noted), an error when it cannot be had.
pub(super) fn document<'a>(store: &'a Store, url: &str, needs: &mut Vec<Need>) -> Option<Result<&'a Value, Error>> {
    document_for(store, url, Purpose::ControllerDocument, needs)
}

/// As [`document`], for `purpose`.
pub(super) fn document_for<'a>(
    store: &'a Store,
    url: &str,
    purpose: Purpose,
    needs: &mut Vec<Need>,
) -> Option<Result<&'a Value, Error>> {
    if let Some(found) = store.documents.get(url) {
        return Some(Ok(found));
    }
    let missing = Err(Error::DocumentUnavailable { id: url.to_owned(), reason: Unavailable::NotProvided });
    store.settle(missing, purpose, needs)
}
