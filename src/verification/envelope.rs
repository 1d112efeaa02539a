//! `issuer_key` then `proof` for an *enveloping* proof: the compact JWS around a VC-JWT. The key
//! comes from the header — `kid` (a DID URL or URL naming a verification method, or a fragment of
//! the issuer's own document) resolved through the same documents as any key, or a `jwk` carried
//! in the header — and the signature is checked once, over the exact `header.payload` bytes.
//!
//! A `jwk` in the header proves only that *someone* holding that key signed: it is the issuer's
//! only if the issuer publishes it. Such a key is reported as a warning, "signed by a key the
//! issuer has not published" (`key_not_published_by_issuer`), never as a key bound to the
//! issuer, and it can never satisfy a list of trusted issuers.
//!
//! The same envelope secures a presentation (`vp+jwt`): then the key must be one its holder
//! lists under `authentication` (`key_bound_to_holder`), a relative `kid` is a fragment of the
//! holder's document, and with no `kid` a `did:key` or `did:jwk` holder's own key is the one
//! (derived locally). A header `jwk` binds to no holder (`key_not_bound_to_holder`). The token
//! must answer the host's challenge and domain (`nonce`, `aud`) before its signature counts.

use super::proofs::Role;
use super::{Need, Purpose, Store};
use crate::error::Error;
use crate::jose::CompactJws;
use crate::key::{self, jwk, PublicKey};
use crate::report::{CheckId, Checklist, Passed};

/// Where the JWS's key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeySource {
    /// A verification method id (absolute): resolved and bound like a Data Integrity proof's.
    Method(String),
    /// The header's `jwk`: usable, but not published by the issuer.
    HeaderJwk,
}

/// The enveloping proof of one credential and what is known of it.
#[derive(Debug)]
pub(crate) struct Envelope {
    jws: CompactJws,
    source: Result<KeySource, Error>,
    key: Option<Result<PublicKey, Error>>,
    binding: Option<Result<(), Error>>,
    signature: Option<Result<Passed, Error>>,
    signature_runs: usize,
    /// Whose signature this is: the issuer's (a VC-JWT) or the holder's (a `vp+jwt`).
    role: Role,
}

impl Envelope {
    pub(crate) fn new(jws: CompactJws, issuer: Option<&str>) -> Self {
        let source = key_source(&jws, issuer);
        Self { jws, source, key: None, binding: None, signature: None, signature_runs: 0, role: Role::Issuer }
    }

    /// The holder's envelope around a presentation; `made_for`: whether the token answers the
    /// host's challenge and domain (when not, that is the proof check's failure, and the
    /// signature is not checked).
    #[cfg(feature = "presentations")]
    pub(crate) fn of_holder(
        jws: CompactJws,
        holder: Option<String>,
        made_for: Result<(), Error>,
        challenge_checked: bool,
    ) -> Self {
        let source = holder_key_source(&jws, holder.as_deref());
        let signature = made_for.err().map(Err);
        let role = Role::Holder { holder, challenge_checked };
        Self { jws, source, key: None, binding: None, signature, signature_runs: 0, role }
    }

    pub(crate) fn advance(&mut self, issuer: Option<&str>, store: &Store, needs: &mut Vec<Need>) {
        let source = match &self.source {
            Ok(source) => source.clone(),
            Err(error) => {
                self.key.get_or_insert_with(|| Err(error.clone()));
                self.binding.get_or_insert(Ok(()));
                return;
            }
        };
        if self.key.is_none() {
            let resolved = match &source {
                KeySource::Method(id) => key::resolve(id, &store.documents).map(|k| k.public_key),
                KeySource::HeaderJwk => header_key(&self.jws),
            };
            self.key = store.settle(resolved, Purpose::ControllerDocument, needs);
        }
        let Some(Ok(public_key)) = &self.key else {
            if matches!(self.key, Some(Err(_))) {
                self.binding.get_or_insert(Ok(()));
            }
            return;
        };
        if self.binding.is_none() {
            let bound = match (&self.role, &source, issuer) {
                (Role::Issuer, KeySource::HeaderJwk, _) => Err(Error::KeyNotPublishedByIssuer),
                (Role::Issuer, KeySource::Method(id), Some(issuer)) => key::check_bound(id, issuer, &store.documents),
                (Role::Issuer, KeySource::Method(_), None) => {
                    Err(Error::InvalidProperty { property: "issuer", expected: "a URL, or an object with an id" })
                }
                (Role::Holder { holder: None, .. }, _, _) => Err(Error::HolderNotNamed),
                (Role::Holder { holder: Some(holder), .. }, KeySource::Method(id), _) => {
                    key::check_authenticates(id, holder, &store.documents)
                }
                (Role::Holder { holder: Some(holder), .. }, KeySource::HeaderJwk, _) => {
                    Err(Error::KeyNotBoundToHolder {
                        verification_method: "the key in the JWS header (jwk)".to_owned(),
                        holder: holder.clone(),
                    })
                }
            };
            self.binding = store.settle(bound, Purpose::ControllerDocument, needs);
        }
        if self.signature.is_none() {
            self.signature = Some(verify(&self.jws, public_key).map(|()| Passed::SignatureValid));
            self.signature_runs += 1;
        }
    }

    pub(crate) fn is_settled(&self) -> bool {
        self.key.is_some() && self.binding.is_some() && (self.signature.is_some() || matches!(self.key, Some(Err(_))))
    }

    /// Whether the signature is valid and by a key the issuer authorised.
    pub(crate) fn issuer_proof_verified(&self) -> bool {
        matches!(self.key, Some(Ok(_))) && matches!(self.binding, Some(Ok(()))) && matches!(self.signature, Some(Ok(_)))
    }

    /// Whether the signature is valid but by a key only the header vouches for.
    pub(crate) fn signed_by_unpublished_key(&self) -> bool {
        matches!(self.binding, Some(Err(Error::KeyNotPublishedByIssuer))) && matches!(self.signature, Some(Ok(_)))
    }

    pub(crate) fn first_failure(&self) -> Option<&'static str> {
        let failed = [
            self.key.as_ref().and_then(|k| k.as_ref().err()),
            self.binding.as_ref().and_then(|b| b.as_ref().err()),
            self.signature.as_ref().and_then(|s| s.as_ref().err()),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(Error::code);
        failed.or_else(|| (!self.issuer_proof_verified()).then_some("key_not_bound_to_issuer"))
    }

    pub(crate) fn signatures_checked(&self) -> usize {
        self.signature_runs
    }

    pub(crate) fn record(&self, list: &mut Checklist) {
        let not_provided =
            || Error::DocumentUnavailable { id: String::new(), reason: crate::error::Unavailable::NotProvided };
        match (
            self.key.clone().unwrap_or_else(|| Err(not_provided())),
            self.binding.clone().unwrap_or_else(|| Err(not_provided())),
        ) {
            (Err(error), _) | (Ok(_), Err(error @ Error::DocumentUnavailable { .. })) => {
                list.record::<()>(CheckId::IssuerKey, None, Err(error));
            }
            (Ok(_), Ok(())) => {
                let bound = match self.role {
                    Role::Issuer => Passed::KeyBoundToIssuer,
                    Role::Holder { .. } => Passed::KeyBoundToHolder,
                };
                list.record(CheckId::IssuerKey, None, Ok((bound, ())));
            }
            (Ok(_), Err(error @ Error::HolderNotNamed)) => list.warn(CheckId::IssuerKey, None, &error),
            (Ok(_), Err(error @ Error::KeyNotPublishedByIssuer)) if self.signed_by_unpublished_key() => {
                list.warn(CheckId::IssuerKey, None, &error);
            }
            (Ok(_), Err(error)) => {
                list.record::<()>(CheckId::IssuerKey, None, Err(error));
            }
        }
        let replayable = matches!(self.role, Role::Holder { challenge_checked: false, .. });
        match &self.signature {
            Some(signature) => {
                let signature = signature.clone().map(|p| match p {
                    Passed::SignatureValid if replayable => Passed::SignatureValidNoChallenge,
                    other => other,
                });
                list.record(CheckId::Proof, None, signature.map(|p| (p, ())));
            }
            None => list.skipped(CheckId::Proof, None, CheckId::IssuerKey),
        }
    }
}

/// The header's key reference: `kid` when present (absolute, or a fragment of the issuer's
/// document), else `jwk`.
fn key_source(jws: &CompactJws, issuer: Option<&str>) -> Result<KeySource, Error> {
    match (&jws.header.key_id, &jws.header.jwk, issuer) {
        (Some(kid), _, _) if kid.contains(':') => Ok(KeySource::Method(kid.clone())),
        (Some(kid), _, Some(issuer)) => {
            let fragment = kid.strip_prefix('#').unwrap_or(kid);
            Ok(KeySource::Method(format!("{}#{fragment}", crate::documents::strip_fragment(issuer))))
        }
        (_, Some(_), _) => Ok(KeySource::HeaderJwk),
        _ => Err(Error::MissingVerificationMethod),
    }
}

/// The header's key reference for a holder's token: `kid` when present (absolute, or a fragment
/// of the holder's document); else the holder's own key when the holder is a `did:key` or
/// `did:jwk` (its document is derived from the DID: one method); else the header's `jwk`.
#[cfg(feature = "presentations")]
fn holder_key_source(jws: &CompactJws, holder: Option<&str>) -> Result<KeySource, Error> {
    if jws.header.key_id.is_some() {
        return key_source(jws, holder);
    }
    let did = holder.map(crate::documents::strip_fragment);
    if let Some(multibase) = did.and_then(|d| d.strip_prefix("did:key:")) {
        return Ok(KeySource::Method(format!("did:key:{multibase}#{multibase}")));
    }
    if let Some(did) = did.filter(|d| d.starts_with("did:jwk:")) {
        return Ok(KeySource::Method(format!("{did}#0")));
    }
    key_source(jws, holder)
}

/// The key in the header's `jwk`, which must allow the header's algorithm (`use`, `key_ops`, `alg`).
fn header_key(jws: &CompactJws) -> Result<PublicKey, Error> {
    let Some(members) = &jws.header.jwk else { return Err(Error::MissingVerificationMethod) };
    let jwk = serde_json::Value::Object(members.clone());
    let key = jwk::public_key(&jwk)?;
    if !jwk::allows(&jwk, jws.header.algorithm) {
        return Err(Error::AlgorithmKeyMismatch { algorithm: jws.header.algorithm.jose_name(), key: key.kind() });
    }
    Ok(key)
}

/// The JWS signature over the signing input, by the algorithm the header names — which must be
/// the key's own (`algorithm_key_mismatch` otherwise: no algorithm confusion).
fn verify(jws: &CompactJws, key: &PublicKey) -> Result<(), Error> {
    key.verify(jws.header.algorithm, &jws.signing_input, &jws.signature)
}
