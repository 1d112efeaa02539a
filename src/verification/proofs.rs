//! `issuer_key` then `proof`, for each proof of the (possibly one-element) proof set, each result
//! kept once settled: a key waits for its documents; a signature is checked once, when its key
//! has resolved.
//!
//! Every proof is checked and reported. A credential needs at least one valid proof by a key its
//! issuer authorised, and no failed one; a valid proof by another party's key (a co-signer) is
//! then a warning, and on its own a failure.

use serde_json::{Map, Value};

#[cfg(feature = "jwt")]
use super::envelope::Envelope;
use super::{Need, Purpose, Store};
use crate::credential::Credential;
use crate::error::Error;
use crate::key::{self, ResolvedKey};
use crate::proof::{self, Proof, ProofPurpose, Suite, MAX_PROOFS};
use crate::report::{CheckId, Checklist, Passed};
use crate::verify::Options;

/// The proofs of one credential.
#[derive(Debug)]
pub(crate) enum Proofs {
    /// No proof at all.
    Missing,
    /// More than [`MAX_PROOFS`].
    TooMany,
    /// Each proof and what is known of it.
    Set { unsecured: Map<String, Value>, all: Vec<Value>, cells: Vec<ProofCell>, role: Role },
    /// The JWS around a VC-JWT (an enveloping proof; embedded proofs inside it are not read).
    #[cfg(feature = "jwt")]
    Enveloping(Box<Envelope>),
}

/// Whose proofs these are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Role {
    /// The issuer's, on a credential (`assertionMethod`, bound to the issuer).
    Issuer,
    /// The holder's, on a presentation (`authentication`, bound to the holder it names, if any).
    #[cfg_attr(not(feature = "presentations"), allow(dead_code))]
    Holder {
        /// The presentation's `holder`.
        holder: Option<String>,
        /// Whether the host gave a challenge to check (without one, a replay cannot be told).
        challenge_checked: bool,
    },
}

/// One proof: `None` while a result waits for a document.
#[derive(Debug)]
pub(crate) struct ProofCell {
    key: Option<Result<ResolvedKey, Error>>,
    binding: Option<Result<(), Error>>,
    /// `Some(Err)` at once when the proof itself is malformed; otherwise checked once the key is known.
    signature: Option<Result<Passed, Error>>,
    /// The proof's suite and decoded signature, read once (decoding base58 is not free).
    read: Option<(Suite, Vec<u8>)>,
    /// How many times the signature was checked (never more than once).
    signature_runs: usize,
}

impl Proofs {
    /// A credential's proofs: the issuer's.
    pub(crate) fn of(credential: &Credential, options: &Options) -> Self {
        Self::with_role(credential, options, Role::Issuer)
    }

    /// A presentation's proofs: its holder's.
    #[cfg(feature = "presentations")]
    pub(crate) fn of_presentation(presentation: &Credential, holder: Option<String>, options: &Options) -> Self {
        let role = Role::Holder { holder, challenge_checked: options.challenge.is_some() };
        Self::with_role(presentation, options, role)
    }

    fn with_role(credential: &Credential, options: &Options, role: Role) -> Self {
        let purpose = match role {
            Role::Issuer => ProofPurpose::Assertion,
            Role::Holder { .. } => ProofPurpose::Authentication {
                challenge: options.challenge.as_deref(),
                domain: options.domain.as_deref(),
            },
        };
        let proofs = credential.proofs();
        if proofs.is_empty() {
            return Self::Missing;
        }
        if proofs.len() > MAX_PROOFS {
            return Self::TooMany;
        }
        let cells = proofs
            .iter()
            .map(|json| {
                let read = proof::read_for(json, purpose, options.now, options.clock_skew_seconds);
                ProofCell {
                    key: None,
                    binding: None,
                    // A proof that fails its own reading fails whatever key it names.
                    signature: read.as_ref().err().cloned().map(Err),
                    read: read.ok().map(|proof| (proof.suite, proof.signature)),
                    signature_runs: 0,
                }
            })
            .collect();
        let all = proofs.into_iter().cloned().collect();
        Self::Set { unsecured: credential.without_proof(), all, cells, role }
    }

    pub(crate) fn advance(&mut self, credential: &Credential, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        #[cfg(feature = "jwt")]
        if let Self::Enveloping(envelope) = self {
            envelope.advance(credential.issuer.as_deref(), store, needs);
            return;
        }
        let Self::Set { unsecured, all, cells, role } = self else { return };
        let references: Vec<&Value> = all.iter().collect();
        let unsecured: &Map<String, Value> = unsecured;
        // Each proof of a set signs the same document: canonicalize it once (`proof::memo`).
        proof::memo::scope(unsecured, || {
            for (cell, json) in cells.iter_mut().zip(&references) {
                if cell.key.is_none() {
                    let resolved = proof::verification_method(json).and_then(|vm| key::resolve(vm, &store.documents));
                    cell.key = store.settle(resolved, Purpose::ControllerDocument, needs);
                }
                let Some(Ok(resolved)) = &cell.key else {
                    if matches!(cell.key, Some(Err(_))) {
                        cell.binding.get_or_insert(Ok(()));
                    }
                    continue;
                };
                if cell.binding.is_none() {
                    let method = &resolved.verification_method;
                    let bound = match (&*role, credential.issuer.as_deref()) {
                        (Role::Issuer, Some(issuer)) => key::check_bound(method, issuer, &store.documents),
                        (Role::Issuer, None) => Err(Error::InvalidProperty {
                            property: "issuer",
                            expected: "a URL, or an object with an id",
                        }),
                        (Role::Holder { holder: Some(holder), .. }, _) => {
                            key::check_authenticates(method, holder, &store.documents)
                        }
                        (Role::Holder { holder: None, .. }, _) => Err(Error::HolderNotNamed),
                    };
                    cell.binding = store.settle(bound, Purpose::ControllerDocument, needs);
                }
                if let (None, Some((suite, signature_bytes)), Some(object)) =
                    (&cell.signature, &cell.read, json.as_object())
                {
                    let proof = Proof { suite: *suite, json: object, signature: signature_bytes.clone() };
                    cell.signature = Some(signature(&proof, unsecured, &references, resolved, options));
                    cell.signature_runs += 1;
                }
            }
        });
    }

    pub(crate) fn is_settled(&self) -> bool {
        match self {
            Self::Set { cells, .. } => {
                cells.iter().all(|c| c.key.is_some() && c.binding.is_some() && signature_settled(c))
            }
            #[cfg(feature = "jwt")]
            Self::Enveloping(envelope) => envelope.is_settled(),
            _ => true,
        }
    }

    /// Whether some proof is valid and by a key the issuer authorised.
    pub(crate) fn issuer_proof_verified(&self) -> bool {
        #[cfg(feature = "jwt")]
        if let Self::Enveloping(envelope) = self {
            return envelope.issuer_proof_verified();
        }
        let Self::Set { cells, .. } = self else { return false };
        cells.iter().any(|c| {
            matches!(c.key, Some(Ok(_))) && matches!(c.binding, Some(Ok(()))) && matches!(c.signature, Some(Ok(_)))
        })
    }

    /// Whether every proof settled, some valid proof is the issuer's, and none failed: what a
    /// status list credential must show before its bits are believed.
    pub(crate) fn first_failure(&self) -> Option<&'static str> {
        match self {
            Self::Missing => Some("missing_proof"),
            Self::TooMany => Some("too_many_proofs"),
            #[cfg(feature = "jwt")]
            Self::Enveloping(envelope) => envelope.first_failure(),
            Self::Set { cells, .. } => {
                let failed = cells.iter().find_map(|c| {
                    [c.key.as_ref().and_then(|k| k.as_ref().err()), c.binding.as_ref().and_then(|b| b.as_ref().err())]
                        .into_iter()
                        .chain([c.signature.as_ref().and_then(|s| s.as_ref().err())])
                        .flatten()
                        .next()
                        .map(Error::code)
                });
                match failed {
                    Some(code) => Some(code),
                    None if self.issuer_proof_verified() => None,
                    None => Some("key_not_bound_to_issuer"),
                }
            }
        }
    }

    /// Whether the credential's one valid signature is by a key only a JWS header vouches for.
    pub(crate) fn signed_by_unpublished_key(&self) -> bool {
        #[cfg(feature = "jwt")]
        return matches!(self, Self::Enveloping(envelope) if envelope.signed_by_unpublished_key());
        #[cfg(not(feature = "jwt"))]
        false
    }

    pub(crate) fn signatures_checked(&self) -> usize {
        match self {
            Self::Set { cells, .. } => cells.iter().map(|c| c.signature_runs).sum(),
            #[cfg(feature = "jwt")]
            Self::Enveloping(envelope) => envelope.signatures_checked(),
            _ => 0,
        }
    }

    pub(crate) fn record(&self, list: &mut Checklist) {
        let cells = match self {
            Self::Missing => {
                list.record::<()>(CheckId::IssuerKey, None, Err(Error::MissingProof));
                list.record::<()>(CheckId::Proof, None, Err(Error::MissingProof));
                return;
            }
            Self::TooMany => {
                list.record::<()>(CheckId::Proof, None, Err(Error::TooManyProofs { limit: MAX_PROOFS }));
                return;
            }
            #[cfg(feature = "jwt")]
            Self::Enveloping(envelope) => {
                envelope.record(list);
                return;
            }
            Self::Set { cells, role, .. } => (cells, role),
        };
        let (cells, role) = cells;
        let (bound, valid) = match role {
            Role::Issuer => (Passed::KeyBoundToIssuer, Passed::SignatureValid),
            Role::Holder { challenge_checked: true, .. } => (Passed::KeyBoundToHolder, Passed::SignatureValid),
            Role::Holder { challenge_checked: false, .. } => {
                (Passed::KeyBoundToHolder, Passed::SignatureValidNoChallenge)
            }
        };
        let issuer_proof_verified = self.issuer_proof_verified();
        let index = |i: usize| (cells.len() > 1).then_some(i);
        for (i, cell) in cells.iter().enumerate() {
            let not_provided =
                || Error::DocumentUnavailable { id: String::new(), reason: crate::error::Unavailable::NotProvided };
            let key = cell.key.clone().unwrap_or_else(|| Err(not_provided()));
            let binding = cell.binding.clone().unwrap_or_else(|| Err(not_provided()));
            match (key, binding) {
                (Err(error), _) => {
                    list.record::<()>(CheckId::IssuerKey, index(i), Err(error));
                }
                (Ok(_), Ok(())) => {
                    list.record(CheckId::IssuerKey, index(i), Ok((bound, ())));
                }
                (Ok(_), Err(error @ Error::HolderNotNamed)) => list.warn(CheckId::IssuerKey, index(i), &error),
                (Ok(_), Err(error @ Error::KeyNotBoundToIssuer { .. }))
                    if issuer_proof_verified && matches!(cell.signature, Some(Ok(_))) =>
                {
                    list.warn(CheckId::IssuerKey, index(i), &error);
                }
                (Ok(_), Err(error)) => {
                    list.record::<()>(CheckId::IssuerKey, index(i), Err(error));
                }
            }
            match &cell.signature {
                Some(signature) => {
                    let signature = signature.clone().map(|p| if p == Passed::SignatureValid { valid } else { p });
                    list.record(CheckId::Proof, index(i), signature.map(|p| (p, ())));
                }
                None => list.skipped(CheckId::Proof, index(i), CheckId::IssuerKey),
            }
        }
    }
}

/// A signature is settled once checked, or when there is no key to check it with.
fn signature_settled(cell: &ProofCell) -> bool {
    cell.signature.is_some() || matches!(cell.key, Some(Err(_)))
}

fn signature(
    proof: &Proof<'_>,
    unsecured: &Map<String, Value>,
    all: &[&Value],
    key: &ResolvedKey,
    options: &Options,
) -> Result<Passed, Error> {
    let document = proof::signed_document(proof, unsecured, all)?;
    proof::signature_matches(&document, proof, &key.public_key, &options.contexts)
}
