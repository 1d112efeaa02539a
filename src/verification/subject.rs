//! A credential under verification — the one given, or a status list credential it points to —
//! with each check's result kept once settled. `advance` settles what the documents at hand
//! allow; `checklist` writes the checks in their order.

use serde_json::Value;

use super::endorsements::Endorsements;
#[cfg(feature = "jwt")]
use super::envelope::Envelope;
use super::members::Members;
use super::proofs::Proofs;
use super::status_check::{Gate, Statuses};
use super::{Need, Nested, Store, MAX_DOCUMENTS};
use crate::badge::BadgeView;
use crate::checks;
use crate::credential::Credential;
use crate::error::Error;
#[cfg(feature = "jwt")]
use crate::jose::CompactJws;
use crate::recipient;
#[cfg(feature = "presentations")]
use crate::report::Container;
use crate::report::{CheckId, Checklist, Passed, Report};
#[cfg(feature = "jwt")]
use crate::timestamp::Timestamp;
use crate::trust;
#[cfg(feature = "jwt")]
use crate::vc_jwt::Enveloped;
use crate::verify::Options;

/// A credential and what is known of it so far.
#[derive(Debug)]
pub(crate) struct Subject {
    pub(crate) credential: Credential,
    format: Result<Passed, Error>,
    contexts: Result<Passed, Error>,
    pub(crate) proofs: Proofs,
    valid_from: Result<Passed, Error>,
    valid_until: Result<Passed, Error>,
    /// `None` for a status list credential: its own status is not checked (the chain ends there).
    statuses: Option<Statuses>,
    issuer_trust: Result<Passed, Error>,
    recipient: Result<Passed, Error>,
    /// A CLR's enclosed credentials (`credentialSubject.verifiableCredential`), each verified on
    /// its own; `None` for any other credential.
    members: Option<Members>,
    /// Its endorsements, each verified on its own; `None` when it carries none or is itself an
    /// endorsement (they are not followed further).
    endorsements: Option<Endorsements>,
}

/// The type of a CLR 2.0 credential.
/// See: <https://www.imsglobal.org/spec/clr/v2p0/#clrcredential>
const CLR_TYPE: &str = "ClrCredential";

impl Subject {
    /// The credential given to verify: every check, status, trust and recipient included, and the
    /// nested credentials `nested` says: a CLR's enclosed credentials (not for a CLR that is itself
    /// enclosed in a presentation), its endorsements (not for an endorsement).
    pub(crate) fn credential(value: Value, options: &Options, nested: Nested) -> Result<Self, Error> {
        let credential = Credential::from_json(value)?;
        let statuses = Some(Statuses::of(&credential));
        let issuer = credential.issuer.clone().unwrap_or_default();
        let issuer_trust = trust::check(&issuer, options.trusted_issuers.as_deref());
        let recipient = match options.recipient.as_deref() {
            None => Ok(Passed::NoRecipientGiven),
            // The check reads only the subjects: no need to copy the whole credential.
            Some(recipient) => {
                let subjects = serde_json::json!({ "credentialSubject": credential.json.get("credentialSubject") });
                recipient::check(&subjects, Some(recipient))
            }
        };
        let mut subject = Self::with(credential, options, statuses, issuer_trust, recipient);
        if nested.endorsements {
            subject.endorsements = Endorsements::of(&subject.credential.json, options);
        }
        if nested.members && subject.credential.types.iter().any(|t| t == CLR_TYPE) {
            #[cfg(feature = "presentations")]
            {
                let enclosed =
                    subject.credential.json.get("credentialSubject").and_then(|s| s.get("verifiableCredential"));
                subject.members = Some(Members::of(Container::Clr, enclosed, options));
            }
            // Reached only through a VC-JWT (JSON CLRs are settled before): fail closed.
            #[cfg(not(feature = "presentations"))]
            return Err(crate::features::PRESENTATIONS.missing("a CLR's enclosed credentials"));
        }
        Ok(subject)
    }

    /// Most documents it may fetch: [`MAX_DOCUMENTS`] for itself, and its members' and
    /// endorsements' budgets.
    pub(crate) fn document_budget(&self) -> usize {
        MAX_DOCUMENTS
            .saturating_add(self.members.as_ref().map_or(0, Members::document_budget))
            .saturating_add(self.endorsements.as_ref().map_or(0, Endorsements::document_budget))
    }

    /// A credential secured by an enveloping JWS (a VC-JWT): the same checks, with the JWS as its
    /// one proof and the token's `nbf` / `exp` bounding its validity as well. Signed by a key only
    /// the token's header vouches for, it cannot meet a list of trusted issuers.
    #[cfg(feature = "jwt")]
    pub(crate) fn enveloped(
        jws: CompactJws,
        enveloped: Enveloped,
        options: &Options,
        nested: Nested,
    ) -> Result<Self, Error> {
        let mut subject = Self::credential(enveloped.credential, options, nested)?;
        let (now, skew) = (options.now, options.clock_skew_seconds);
        if let (Ok(_), Some(not_before)) = (&subject.valid_from, enveloped.not_before) {
            if let Err(error) = token_start(not_before, now, skew) {
                subject.valid_from = Err(error);
            }
        }
        if let (Ok(_), Some(expires)) = (&subject.valid_until, enveloped.expires) {
            subject.valid_until = token_expiry(expires, now, skew);
        }
        subject.proofs = Proofs::Enveloping(Box::new(Envelope::new(jws, subject.credential.issuer.as_deref())));
        Ok(subject)
    }

    /// A status list credential: the same checks, but no status, trust or recipient of its own.
    pub(crate) fn status_list(value: Value, options: &Options) -> Result<Self, Error> {
        let credential = Credential::from_json(value)?;
        Ok(Self::with(credential, options, None, Ok(Passed::NoTrustList), Ok(Passed::NoRecipientGiven)))
    }

    fn with(
        credential: Credential,
        options: &Options,
        statuses: Option<Statuses>,
        issuer_trust: Result<Passed, Error>,
        recipient: Result<Passed, Error>,
    ) -> Self {
        let (now, skew) = (options.now, options.clock_skew_seconds);
        Self {
            format: checks::format(&credential),
            contexts: checks::contexts(&credential, &options.contexts),
            proofs: Proofs::of(&credential, options),
            valid_from: checks::has_started(&credential, now, skew),
            valid_until: checks::not_expired(&credential, now, skew),
            statuses,
            issuer_trust,
            recipient,
            members: None,
            endorsements: None,
            credential,
        }
    }

    /// Settles what the documents in `store` allow; notes in `needs` what is still missing.
    pub(crate) fn advance(&mut self, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        self.proofs.advance(&self.credential, store, options, needs);
        if self.proofs.signed_by_unpublished_key() && matches!(self.issuer_trust, Ok(Passed::IssuerTrusted)) {
            self.issuer_trust = Err(Error::IssuerNotTrusted(format!(
                "{}: the badge is signed by a key the issuer has not published",
                self.credential.issuer.as_deref().unwrap_or_default()
            )));
        }
        if let Some(statuses) = &mut self.statuses {
            let gate = match (self.proofs.is_settled(), self.proofs.first_failure()) {
                (false, _) => Gate::Wait,
                (true, None) => Gate::Go,
                (true, Some(_)) => Gate::Skip,
            };
            statuses.advance(&self.credential, gate, store, options, needs);
        }
        if let Some(members) = &mut self.members {
            members.advance(store, options, needs);
        }
        if let Some(endorsements) = &mut self.endorsements {
            endorsements.advance(store, options, needs);
        }
    }

    /// For a settled status list credential: whether its bits may be believed — its shape,
    /// contexts and proofs all passed and it is within its validity window.
    ///
    /// # Errors
    /// `status_list_not_verified` (with the failing check's code), `status_list_expired`,
    /// `status_list_not_yet_valid`.
    pub(crate) fn list_is_sound(&self) -> Result<(), Error> {
        for result in [&self.format, &self.contexts] {
            if let Err(error) = result {
                return Err(Error::StatusListNotVerified { code: error.code() });
            }
        }
        if let Some(code) = self.proofs.first_failure() {
            return Err(Error::StatusListNotVerified { code });
        }
        match (&self.valid_from, &self.valid_until) {
            (Err(Error::NotYetValid { valid_from, .. }), _) => {
                Err(Error::StatusListNotYetValid { valid_from: *valid_from })
            }
            (_, Err(Error::Expired { valid_until, .. })) => Err(Error::StatusListExpired { valid_until: *valid_until }),
            (Err(error), _) | (_, Err(error)) => Err(Error::StatusListNotVerified { code: error.code() }),
            _ => Ok(()),
        }
    }

    /// Whether every check has settled (nothing pending on a document).
    pub(crate) fn is_settled(&self) -> bool {
        self.proofs.is_settled() && self.statuses.as_ref().is_none_or(Statuses::is_settled)
    }

    /// Signatures checked so far, this credential's and its status lists'.
    pub(crate) fn signatures_checked(&self) -> usize {
        self.proofs.signatures_checked()
            + self.statuses.as_ref().map_or(0, Statuses::signatures_checked)
            + self.members.as_ref().map_or(0, Members::signatures_checked)
            + self.endorsements.as_ref().map_or(0, Endorsements::signatures_checked)
    }

    /// The checks, in order.
    pub(crate) fn checklist(&self) -> Checklist {
        let mut list = Checklist::default();
        list.record(CheckId::Format, None, self.format.clone().map(with_unit));
        list.record(CheckId::Contexts, None, self.contexts.clone().map(with_unit));
        self.proofs.record(&mut list);
        list.record(CheckId::ValidFrom, None, self.valid_from.clone().map(with_unit));
        list.record(CheckId::ValidUntil, None, self.valid_until.clone().map(with_unit));
        match &self.statuses {
            Some(statuses) => statuses.record(&mut list),
            None => {
                list.record(CheckId::Status, None, Ok((Passed::NoStatus, ())));
            }
        }
        list.record(CheckId::IssuerTrust, None, self.issuer_trust.clone().map(with_unit));
        list.record(CheckId::Recipient, None, self.recipient.clone().map(with_unit));
        list
    }

    /// The report of a settled verification; a CLR's with the `members` line and each enclosed
    /// credential's report; one that carries endorsements with the `endorsements` line and each
    /// endorsement's report.
    pub(crate) fn report(&self, options: &Options) -> Report {
        let mut list = self.checklist();
        let tally = self.members.as_ref().map(|members| members.record(&mut list, options));
        let endorsements = self.endorsements.as_ref().and_then(|e| e.record(&mut list, options));
        #[cfg_attr(not(feature = "presentations"), allow(unused_mut))]
        let mut view = BadgeView::from_credential(&self.credential.json);
        #[cfg(feature = "presentations")]
        if let Some(tally) = &tally {
            let achievements: Vec<_> =
                tally.reports.iter().map(|r| r.badge.as_ref().and_then(|b| b.achievement.as_ref())).collect();
            view.associations = crate::badge::association::read(&self.credential.json, &achievements);
        }
        let mut report = list.finish(Some(view));
        if let Some(tally) = tally {
            super::members::attach(&mut report, tally);
        }
        if let Some(tally) = endorsements {
            // What the endorsements needed and did not have is worth fetching too.
            for need in tally.reports.iter().flat_map(|r| &r.needs) {
                if !report.needs.contains(need) {
                    report.needs.push(need.clone());
                }
            }
            report.endorsements = Some(tally);
        }
        report
    }
}

/// RFC 7519 §4.1.5: the token must not be accepted before `nbf`.
#[cfg(feature = "jwt")]
pub(super) fn token_start(not_before: Timestamp, now: Timestamp, skew: i64) -> Result<Passed, Error> {
    if not_before > now.plus_seconds(skew) {
        Err(Error::NotYetValid { valid_from: not_before, now })
    } else {
        Ok(Passed::Started)
    }
}

/// RFC 7519 §4.1.4: the token must not be accepted *on or after* `exp`.
#[cfg(feature = "jwt")]
pub(super) fn token_expiry(expires: Timestamp, now: Timestamp, skew: i64) -> Result<Passed, Error> {
    if expires <= now.plus_seconds(-skew) {
        Err(Error::Expired { valid_until: expires, now })
    } else {
        Ok(Passed::NotExpired)
    }
}

fn with_unit(passed: Passed) -> (Passed, ()) {
    (passed, ())
}
