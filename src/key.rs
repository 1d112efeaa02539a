//! Keys: from a proof's `verificationMethod` to a [`PublicKey`], and the binding of that
//! method to the credential's issuer. A valid signature by a key the issuer has not authorised is
//! not a verified credential, so both happen in one check (`issuer_key`).
//!
//! Every controller document is handled the same way, whether derived locally (`did:key`,
//! `did:jwk`) or provided by the host (`did:web`, HTTPS issuer profiles and key documents).
//! See: <https://www.w3.org/TR/cid-1.0/#retrieve-verification-method>

pub mod algorithm;
pub mod der;
pub mod did_jwk;
pub mod did_key;
pub mod did_web;
#[cfg(feature = "ecdsa")]
mod ec;
pub mod jwk;
pub mod multibase;
pub mod pem;
pub mod public_key;
#[cfg(feature = "rsa")]
mod rsa_key;

use std::borrow::Cow;

use serde_json::Value;

pub use algorithm::Algorithm;
pub use public_key::PublicKey;

use crate::documents::{strip_fragment, Documents};
use crate::error::{Error, Unavailable};

/// A verification method resolved to a key, with the controller that published it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedKey {
    /// The verification method id, as in the proof.
    pub verification_method: String,
    /// The id of the controller document that lists the method.
    pub controller: String,
    /// The public key.
    pub public_key: PublicKey,
}

/// Resolves `verification_method` and checks that `issuer` authorised it for assertions.
///
/// # Errors
/// `DocumentUnavailable` when a needed document was not provided; otherwise the key and
/// binding errors (`verification_method_not_found`, `key_not_bound_to_issuer`, …).
pub fn resolve_bound(verification_method: &str, issuer: &str, documents: &Documents) -> Result<ResolvedKey, Error> {
    let key = resolve(verification_method, documents)?;
    check_bound(verification_method, issuer, documents)?;
    Ok(key)
}

/// Checks that `issuer` authorised `verification_method` for assertions: the issuer's controller
/// document lists it under `assertionMethod`. For a `did:key` or `did:jwk` issuer that document
/// is derived from the DID itself, so only the issuer's own key is bound (and a `did:jwk` with
/// `"use": "enc"` has no assertion method at all).
///
/// # Errors
/// `key_not_bound_to_issuer`, or `document_unavailable` when the issuer's document is needed.
pub fn check_bound(verification_method: &str, issuer: &str, documents: &Documents) -> Result<(), Error> {
    let issuer_document = controller_document(issuer, documents)?;
    if lists_assertion_method(&issuer_document, issuer, verification_method) {
        Ok(())
    } else {
        Err(Error::KeyNotBoundToIssuer {
            verification_method: verification_method.to_owned(),
            issuer: issuer.to_owned(),
        })
    }
}

/// Checks that `holder` authorised `verification_method` to authenticate it: the holder's
/// controller document (derived for `did:key` and `did:jwk`, else provided) lists it under
/// `authentication` — what a presentation's proof (`proofPurpose: authentication`) needs.
/// See: <https://www.w3.org/TR/cid-1.0/#authentication>
///
/// # Errors
/// `key_not_bound_to_holder`, or `document_unavailable` when the holder's document is needed.
pub fn check_authenticates(verification_method: &str, holder: &str, documents: &Documents) -> Result<(), Error> {
    let holder_document = controller_document(holder, documents)?;
    if lists_method(&holder_document, "authentication", holder, verification_method) {
        Ok(())
    } else {
        Err(Error::KeyNotBoundToHolder {
            verification_method: verification_method.to_owned(),
            holder: holder.to_owned(),
        })
    }
}

/// Resolves a verification method id to its key.
///
/// A `did:key` without fragment is refused: dereferenced, it yields a DID document, not a
/// verification method (Data Integrity §2.1, `verificationMethod`).
///
/// # Errors
/// `DocumentUnavailable`, `VerificationMethodNotFound`, `InvalidControllerDocument`, key errors.
pub fn resolve(verification_method: &str, documents: &Documents) -> Result<ResolvedKey, Error> {
    if verification_method.is_empty() {
        return Err(Error::MissingVerificationMethod);
    }
    let base = strip_fragment(verification_method);
    if let Some(fragment) = verification_method.strip_prefix(base).and_then(|f| f.strip_prefix('#')) {
        if let Some(multibase_key) = base.strip_prefix("did:key:") {
            if fragment != multibase_key {
                return Err(Error::InvalidDidKey(format!(
                    "fragment #{fragment} does not name the key {multibase_key}"
                )));
            }
        }
    }
    let document = controller_document(base, documents)?;
    let method = find_method(&document, base, verification_method)
        .ok_or_else(|| Error::VerificationMethodNotFound(verification_method.to_owned()))?;
    let controller = method.get("controller").and_then(Value::as_str).unwrap_or(base);
    if method_id(method, base).as_deref() == Some(base) {
        // A key document (the URL names the method itself): its controller must claim it.
        let controller_doc = controller_document(controller, documents)?;
        if find_method(&controller_doc, controller, verification_method).is_none()
            && !lists_assertion_method(&controller_doc, controller, verification_method)
        {
            return Err(Error::VerificationMethodNotFound(verification_method.to_owned()));
        }
    } else if controller != base {
        return Err(Error::InvalidControllerDocument {
            url: base.to_owned(),
            reason: "the method's controller is not the document's id",
        });
    }
    Ok(ResolvedKey {
        verification_method: verification_method.to_owned(),
        controller: controller.to_owned(),
        public_key: method_key(method)?,
    })
}

/// The controller document with id `id`: derived for `did:key` and `did:jwk`, otherwise
/// provided by the host.
fn controller_document<'a>(id: &str, documents: &'a Documents) -> Result<Cow<'a, Value>, Error> {
    let id = strip_fragment(id);
    if id.starts_with("did:key:") {
        return did_key::document(id).map(Cow::Owned);
    }
    if id.starts_with("did:jwk:") {
        return did_jwk::document(id).map(Cow::Owned);
    }
    let is_fetchable = id.starts_with("did:web:") || id.starts_with("https://") || id.starts_with("http://");
    let document = match documents.get(id) {
        Some(document) => document,
        None if is_fetchable => {
            return Err(Error::DocumentUnavailable { id: id.to_owned(), reason: Unavailable::NotProvided })
        }
        None => return Err(Error::UnsupportedVerificationMethod(id.to_owned())),
    };
    if document.get("id").and_then(Value::as_str) != Some(id) {
        return Err(Error::InvalidControllerDocument {
            url: id.to_owned(),
            reason: "its id is not the URL it was retrieved from",
        });
    }
    Ok(Cow::Borrowed(document))
}

/// The method object with id `wanted` in the document (or the document itself when it is one).
fn find_method<'a>(document: &'a Value, base: &str, wanted: &str) -> Option<&'a Value> {
    if method_id(document, base).as_deref() == Some(wanted) && document.get("type").is_some() {
        return Some(document);
    }
    ["verificationMethod", "assertionMethod", "authentication"]
        .iter()
        .filter_map(|relation| document.get(*relation))
        .flat_map(one_or_many)
        .filter(|entry| entry.is_object())
        .find(|entry| method_id(entry, base).as_deref() == Some(wanted))
}

/// Whether the controller document `document` (id `base`) lists `wanted` under `assertionMethod`,
/// by reference or embedded.
fn lists_assertion_method(document: &Value, base: &str, wanted: &str) -> bool {
    lists_method(document, "assertionMethod", base, wanted)
}

/// Whether the controller document `document` (id `base`) lists `wanted` under `relation`, by
/// reference or embedded.
fn lists_method(document: &Value, relation: &str, base: &str, wanted: &str) -> bool {
    document.get(relation).into_iter().flat_map(one_or_many).any(|entry| match entry {
        Value::String(reference) => absolute(reference, base) == wanted,
        object => method_id(object, base).as_deref() == Some(wanted),
    })
}

fn method_id(method: &Value, base: &str) -> Option<String> {
    method.get("id").and_then(Value::as_str).map(|id| absolute(id, base))
}

/// Resolves a relative `#fragment` reference against the document id.
fn absolute(reference: &str, base: &str) -> String {
    if reference.starts_with('#') {
        format!("{base}{reference}")
    } else {
        reference.to_owned()
    }
}

fn one_or_many(value: &Value) -> Box<dyn Iterator<Item = &Value> + '_> {
    match value {
        Value::Array(items) => Box::new(items.iter()),
        other => Box::new(std::iter::once(other)),
    }
}

/// The key of a Multikey (Ed25519, P-256, P-384), Ed25519VerificationKey2020,
/// Ed25519VerificationKey2018 or JsonWebKey2020 / JsonWebKey (`publicKeyJwk`, as did:jwk and many
/// did:web documents publish) method.
fn method_key(method: &Value) -> Result<PublicKey, Error> {
    let kind = method.get("type").and_then(Value::as_str).unwrap_or("");
    let text = |name| method.get(name).and_then(Value::as_str).ok_or(Error::InvalidPublicKey);
    match kind {
        "Multikey" => multibase::decode_multikey(text("publicKeyMultibase")?),
        "Ed25519VerificationKey2020" => {
            multibase::decode_ed25519_multikey(text("publicKeyMultibase")?).map(PublicKey::Ed25519)
        }
        "Ed25519VerificationKey2018" => {
            let bytes = bs58::decode(text("publicKeyBase58")?).into_vec().map_err(|_| Error::InvalidPublicKey)?;
            PublicKey::ed25519(&bytes)
        }
        "JsonWebKey2020" | "JsonWebKey" => jwk::public_key(method.get("publicKeyJwk").ok_or(Error::InvalidPublicKey)?),
        other => Err(Error::UnsupportedKeyType(other.chars().take(64).collect())),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const DID: &str = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    const VM: &str =
        "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    const OTHER: &str = "did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E";

    #[test]
    fn did_key_is_bound_to_itself_only() {
        let none = Documents::new();
        assert_eq!(resolve_bound(VM, DID, &none).unwrap().controller, DID);
        assert_eq!(resolve_bound(VM, OTHER, &none).unwrap_err().code(), "key_not_bound_to_issuer");
    }

    #[test]
    fn did_key_fragment_must_name_the_key_and_be_present() {
        let none = Documents::new();
        let wrong = format!("{DID}#key-1");
        assert_eq!(resolve(&wrong, &none).unwrap_err().code(), "invalid_did_key");
        assert_eq!(resolve(DID, &none).unwrap_err().code(), "verification_method_not_found");
    }

    #[test]
    fn https_issuer_needs_its_document() {
        let issuer = "https://vc.example/issuers/5678";
        let none = Documents::new();
        assert_eq!(
            resolve_bound(VM, issuer, &none).unwrap_err(),
            Error::DocumentUnavailable { id: issuer.into(), reason: Unavailable::NotProvided }
        );
        let mut docs = Documents::new();
        docs.insert(issuer, json!({"id": issuer, "assertionMethod": [VM]}));
        assert!(resolve_bound(VM, issuer, &docs).is_ok());
        docs.insert(issuer, json!({"id": issuer, "authentication": [VM]}));
        assert_eq!(resolve_bound(VM, issuer, &docs).unwrap_err().code(), "key_not_bound_to_issuer");
        docs.insert(issuer, json!({"id": "https://evil.example/", "assertionMethod": [VM]}));
        assert_eq!(resolve_bound(VM, issuer, &docs).unwrap_err().code(), "invalid_controller_document");
    }

    #[test]
    fn did_web_methods_come_from_the_provided_document() {
        let did = "did:web:issuer.example";
        let vm = format!("{did}#key-1");
        let mut docs = Documents::new();
        assert_eq!(resolve(&vm, &docs).unwrap_err().code(), "document_unavailable");
        docs.insert(
            did,
            json!({
                "id": did,
                "verificationMethod": [{"id": "#key-1", "type": "Ed25519VerificationKey2020", "controller": did,
                    "publicKeyMultibase": "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}],
                "assertionMethod": ["#key-1"],
            }),
        );
        assert!(resolve_bound(&vm, did, &docs).is_ok());
        assert_eq!(resolve(&format!("{did}#key-2"), &docs).unwrap_err().code(), "verification_method_not_found");
    }

    #[test]
    fn unknown_schemes_are_unsupported_not_unavailable() {
        let none = Documents::new();
        assert_eq!(resolve("did:ion:abc#k", &none).unwrap_err().code(), "unsupported_verification_method");
    }
}
