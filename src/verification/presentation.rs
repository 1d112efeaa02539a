//! A Verifiable Presentation (VC 1.1 or 2.0) under verification: its own checks — shape,
//! contexts, the holder's key and Data Integrity proof (`proofPurpose: authentication`, the
//! `challenge` and `domain` the host expects) — and each enclosed credential's, kept apart.
//! See: <https://www.w3.org/TR/vc-data-model-2.0/#verifiable-presentations>
//!
//! It is `verified` only when its own checks pass and every member is verified; a member that
//! is not does not hide the others: each has its own report.
//!
//! A presentation secured as a JWT (`vp+jwt`, or a VC 1.1 `vp` claim) has the same checks, with
//! the compact JWS as the holder's proof (its key bound to the holder, its `nonce` and `aud` the
//! host's challenge and domain: `super::envelope`) and two more lines, `valid_from` and
//! `valid_until`, for the token's `nbf` and `exp`.

use serde_json::Value;

#[cfg(feature = "jwt")]
use super::envelope::Envelope;
use super::members::Members;
use super::proofs::Proofs;
use super::{Need, Store};
use crate::checks;
use crate::credential::Credential;
use crate::error::Error;
#[cfg(feature = "jwt")]
use crate::jose::CompactJws;
use crate::report::{CheckId, Checklist, Container, Passed, Report};
#[cfg(feature = "jwt")]
use crate::vc_jwt::presentation::EnvelopedPresentation;
use crate::verify::Options;

/// The type that makes a JSON document a presentation.
const PRESENTATION_TYPE: &str = "VerifiablePresentation";

/// A presentation and what is known of it so far.
#[derive(Debug)]
pub(crate) struct Presentation {
    /// The presentation, read with the credential reader (`@context`, `type`, `proof`).
    document: Credential,
    format: Result<Passed, Error>,
    contexts: Result<Passed, Error>,
    proofs: Proofs,
    members: Members,
    /// A `vp+jwt`'s `nbf` and `exp` checks; `None` for a presentation with a Data Integrity proof.
    token_validity: Option<(Result<Passed, Error>, Result<Passed, Error>)>,
}

impl Presentation {
    /// Starts verifying the presentation `value`.
    ///
    /// # Errors
    /// `not_a_credential` when it has no `@context` or `type`.
    pub(crate) fn new(value: Value, options: &Options) -> Result<Self, Error> {
        let document = Credential::from_json(value)?;
        let holder = holder(&document);
        let members = Members::of(Container::Presentation, document.json.get("verifiableCredential"), options);
        Ok(Self {
            format: format(&document),
            contexts: checks::contexts(&document, &options.contexts),
            proofs: Proofs::of_presentation(&document, holder, options),
            members,
            document,
            token_validity: None,
        })
    }

    /// Starts verifying the presentation a JWT secures: the JWS is the holder's proof (any
    /// embedded `proof` in the payload is not read), and the token's `nbf` / `exp` bound it.
    ///
    /// # Errors
    /// `not_a_credential` when the presentation has no `@context` or `type`.
    #[cfg(feature = "jwt")]
    pub(crate) fn enveloped(
        jws: CompactJws,
        enveloped: EnvelopedPresentation,
        options: &Options,
    ) -> Result<Self, Error> {
        let (challenge, domain) = (options.challenge.as_deref(), options.domain.as_deref());
        let made_for = enveloped.made_for(challenge, domain);
        let (now, skew) = (options.now, options.clock_skew_seconds);
        let valid_from =
            enveloped.not_before.map_or(Ok(Passed::NoValidFrom), |nbf| super::subject::token_start(nbf, now, skew));
        let valid_until =
            enveloped.expires.map_or(Ok(Passed::NoExpiry), |exp| super::subject::token_expiry(exp, now, skew));
        let mut presentation = Self::new(enveloped.presentation, options)?;
        let holder = holder(&presentation.document);
        let envelope = Envelope::of_holder(jws, holder, made_for, challenge.is_some());
        presentation.proofs = Proofs::Enveloping(Box::new(envelope));
        presentation.token_validity = Some((valid_from, valid_until));
        Ok(presentation)
    }

    /// Documents it may fetch: [`super::MAX_DOCUMENTS`] for itself, and its members' budgets.
    pub(crate) fn document_budget(&self) -> usize {
        super::MAX_DOCUMENTS.saturating_add(self.members.document_budget())
    }

    /// Settles what the documents in `store` allow, the holder's proof and every member's checks.
    pub(crate) fn advance(&mut self, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        self.proofs.advance(&self.document, store, options, needs);
        self.members.advance(store, options, needs);
    }

    /// Signatures checked so far: the holder's and every member's.
    pub(crate) fn signatures_checked(&self) -> usize {
        self.proofs.signatures_checked() + self.members.signatures_checked()
    }

    /// The report: the presentation's own checks and the `members` line, with each member's report.
    pub(crate) fn report(&self, options: &Options) -> Report {
        let mut list = Checklist::default();
        list.record(CheckId::Format, None, self.format.clone().map(|p| (p, ())));
        list.record(CheckId::Contexts, None, self.contexts.clone().map(|p| (p, ())));
        self.proofs.record(&mut list);
        if let Some((valid_from, valid_until)) = &self.token_validity {
            list.record(CheckId::ValidFrom, None, valid_from.clone().map(|p| (p, ())));
            list.record(CheckId::ValidUntil, None, valid_until.clone().map(|p| (p, ())));
        }
        let tally = self.members.record(&mut list, options);
        let mut report = list.finish_with(None, &CheckId::REQUIRED_OF_PRESENTATION);
        super::members::attach(&mut report, tally);
        report
    }
}

/// The presentation's `holder`: a URL, or an object's `id`.
fn holder(document: &Credential) -> Option<String> {
    match document.json.get("holder") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Object(object)) => object.get("id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

/// The shape a presentation needs: a known base context, the `VerifiablePresentation` type, a
/// `holder` that is a URL or an object with an `id`, and `verifiableCredential` (if any) an
/// object, a string or a list of them.
/// See: <https://www.w3.org/TR/vc-data-model-2.0/#presentations-0>
///
/// # Errors
/// `invalid_base_context`, `invalid_property`.
fn format(document: &Credential) -> Result<Passed, Error> {
    if document.version.is_none() {
        let first = document.contexts().first().map(|c| c.to_string()).unwrap_or_default();
        return Err(Error::InvalidBaseContext(first.chars().take(200).collect()));
    }
    if !document.types.iter().any(|t| t == PRESENTATION_TYPE) {
        return Err(Error::InvalidProperty { property: "type", expected: "to include VerifiablePresentation" });
    }
    match document.json.get("holder") {
        None | Some(Value::String(_)) => {}
        Some(Value::Object(object)) if object.get("id").is_some_and(Value::is_string) => {}
        Some(_) => {
            return Err(Error::InvalidProperty { property: "holder", expected: "a URL, or an object with an id" })
        }
    }
    let is_member = |v: &Value| v.is_object() || v.is_string();
    match document.json.get("verifiableCredential") {
        None => {}
        Some(Value::Array(items)) if items.iter().all(is_member) => {}
        Some(one) if is_member(one) => {}
        Some(_) => {
            return Err(Error::InvalidProperty {
                property: "verifiableCredential",
                expected: "a credential, or a list of credentials",
            })
        }
    }
    Ok(Passed::FormatValid)
}
