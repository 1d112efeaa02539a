//! Signed verification: a compact JWS whose payload is the assertion, by the issuer's
//! `CryptographicKey` (`publicKeyPem`), named by `verification.creator`. The key is the issuer's
//! only if both sides say so: the key's `owner` is the issuer Profile, and the Profile's
//! `publicKey` lists the key.
//! See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#SignedBadge>
//! and <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#CryptographicKey>

use serde_json::Value;

use super::linked::{self, Linked};
use super::{id_of, items, text};
use crate::error::Error;
use crate::jose::CompactJws;
use crate::key::{pem, PublicKey};
use crate::verification::{Need, Store};

/// The issuer's key, bound to it.
#[derive(Debug)]
pub(super) struct IssuerKey(PublicKey);

impl IssuerKey {
    /// The JWS signature over its signing input, by the algorithm the header names (which must be
    /// the key's own: `algorithm_key_mismatch` otherwise).
    pub(super) fn verify(&self, jws: &CompactJws) -> Result<(), Error> {
        self.0.verify(jws.header.algorithm, &jws.signing_input, &jws.signature)
    }
}

/// The key that signed `assertion`: `verification.creator`, else the issuer's one `publicKey`;
/// embedded in the Profile or fetched. `None` while its document is awaited.
///
/// # Errors
/// `ob2_key_not_owned`, `ob2_document_invalid` (no `publicKeyPem`), the PEM reader's errors.
pub(super) fn key(
    assertion: &Value,
    linked: &Linked<'_>,
    store: &Store,
    needs: &mut Vec<Need>,
) -> Option<Result<IssuerKey, Error>> {
    let published: Vec<&Value> = items(linked.issuer.get("publicKey")).collect();
    let Some(creator) = creator(assertion).or_else(|| published.first().copied().and_then(id_of)) else {
        return Some(Err(Error::MissingVerificationMethod));
    };
    let embedded = published.iter().copied().find(|k| k.is_object() && id_of(k) == Some(creator));
    let document = match embedded {
        Some(document) => document,
        None => match linked::document(store, creator, needs)? {
            Ok(document) => document,
            Err(error) => return Some(Err(error)),
        },
    };
    Some(bound_key(creator, document, linked, &published))
}

/// `verification.creator` (or the OB 1.x `verify.creator`): the key's URL.
pub(super) fn creator(assertion: &Value) -> Option<&str> {
    let verification = assertion.get("verification").or_else(|| assertion.get("verify"))?;
    verification.get("creator").and_then(id_of)
}

fn bound_key(creator: &str, document: &Value, linked: &Linked<'_>, published: &[&Value]) -> Result<IssuerKey, Error> {
    let Some(pem_text) = text(document, "publicKeyPem") else {
        return Err(Error::Ob2DocumentInvalid { document: "CryptographicKey", reason: "it has no publicKeyPem" });
    };
    let key = pem::public_key(pem_text)?;
    let is_issuer = |id: &str| id == linked.issuer_id || Some(id) == linked.issuer_url;
    let owned = text(document, "owner").is_some_and(is_issuer);
    let key_ids = [Some(creator), text(document, "id")];
    let listed = published.iter().filter_map(|k| id_of(k)).any(|id| key_ids.contains(&Some(id)));
    if owned && listed {
        Ok(IssuerKey(key))
    } else {
        Err(Error::Ob2KeyNotOwned { key: creator.chars().take(200).collect() })
    }
}
