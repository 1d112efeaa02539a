//! `issuer_key` then `proof` for an *enveloping* proof: the compact JWS around a VC-JWT. The key
//! comes from the header — `kid` (a DID URL or URL naming a verification method, or a fragment of
//! the issuer's own document) resolved through the same documents as any key, or a `jwk` carried
//! in the header — and the signature is checked once, over the exact `header.payload` bytes.
//!
//! A `jwk` in the header proves only that *someone* holding that key signed: it is the issuer's
//! only if the issuer publishes it. Such a key is reported as a warning, "signed by a key the
//! issuer has not published" (`key_not_published_by_issuer`), never as a key bound to the
//! issuer, and it can never satisfy a list of trusted issuers.

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
}

impl Envelope {
    pub(crate) fn new(jws: CompactJws, issuer: Option<&str>) -> Self {
        let source = key_source(&jws, issuer);
        Self { jws, source, key: None, binding: None, signature: None, signature_runs: 0 }
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
            let bound = match (&source, issuer) {
                (KeySource::HeaderJwk, _) => Err(Error::KeyNotPublishedByIssuer),
                (KeySource::Method(id), Some(issuer)) => key::check_bound(id, issuer, &store.documents),
                (KeySource::Method(_), None) => {
                    Err(Error::InvalidProperty { property: "issuer", expected: "a URL, or an object with an id" })
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
                list.record(CheckId::IssuerKey, None, Ok((Passed::KeyBoundToIssuer, ())));
            }
            (Ok(_), Err(error @ Error::KeyNotPublishedByIssuer)) if self.signed_by_unpublished_key() => {
                list.warn(CheckId::IssuerKey, None, &error);
            }
            (Ok(_), Err(error)) => {
                list.record::<()>(CheckId::IssuerKey, None, Err(error));
            }
        }
        match &self.signature {
            Some(signature) => {
                list.record(CheckId::Proof, None, signature.clone().map(|p| (p, ())));
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
