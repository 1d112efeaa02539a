//! The verification of one Open Badges 2.0 assertion, hosted or signed, as the module doc of
//! [`crate::ob2`] describes: each check recomputed from the documents at hand on every round
//! (they are small), the JWS signature checked once.

use serde_json::Value;

use super::checks::{contexts, has_started, not_expired, recipient_check, shape, verification_type};
use super::linked::{self, Linked};
use super::{hosted, invalid_property, revocation, signed, view};
use crate::error::Error;
use crate::jose::CompactJws;
use crate::report::{CheckId, Checklist, Passed, Report};
use crate::trust;
use crate::verification::{Need, Store};
use crate::verify::Options;

/// How the assertion is verified.
#[derive(Debug)]
enum Mode {
    /// The issuer hosts it: the copy at `url` is fetched and compared with `given` (when the
    /// input was only the URL, there is nothing to compare: the hosted copy is the assertion).
    Hosted { url: Option<String>, given: Option<Value> },
    /// A JWS around it.
    Signed(Box<CompactJws>),
    /// A signed assertion given without its JWS: nothing vouches for it.
    Unsigned(Value),
}

/// One Open Badges 2.0 assertion under verification.
#[derive(Debug)]
pub(crate) struct Assertion {
    mode: Mode,
    /// The JWS signature's result, computed once.
    signature: Signature,
    /// The checks as the last `advance` left them; `None` while a document is awaited.
    checks: Checks,
}

/// The JWS signature's result, computed at most once.
#[derive(Debug, Default)]
struct Signature {
    result: Option<Result<(), Error>>,
    runs: usize,
}

/// One check's line: its result, or skipped because an earlier check did not pass. `None` in
/// [`Checks`] while a document it needs is awaited.
#[derive(Debug, Clone)]
enum Line {
    Done(Result<Passed, Error>),
    Skipped { because: CheckId },
}

fn done(result: Result<Passed, Error>) -> Option<Line> {
    Some(Line::Done(result))
}

fn skipped(because: CheckId) -> Option<Line> {
    Some(Line::Skipped { because })
}

#[derive(Debug, Default, Clone)]
struct Checks {
    format: Option<Line>,
    contexts: Option<Line>,
    issuer_key: Option<Line>,
    proof: Option<Line>,
    valid_from: Option<Line>,
    valid_until: Option<Line>,
    status: Option<Line>,
    issuer_trust: Option<Line>,
    recipient: Option<Line>,
    view: Option<crate::badge::BadgeView>,
}

impl Assertion {
    /// A hosted or signed assertion given as its JSON (a signed one given as JSON is read as what
    /// it claims: its `verification` decides, and a `signed` one without its JWS cannot verify).
    pub(crate) fn from_json(json: Value) -> Self {
        if verification_type(&json) == Ok(true) {
            return Self::with(Mode::Unsigned(json));
        }
        let url = hosted::url(&json).map(str::to_owned);
        Self::with(Mode::Hosted { url, given: Some(json) })
    }

    /// A hosted assertion given only as its URL.
    pub(crate) fn from_url(url: String) -> Self {
        Self::with(Mode::Hosted { url: Some(url), given: None })
    }

    /// A signed assertion: the JWS whose payload it is.
    pub(crate) fn signed(jws: CompactJws) -> Self {
        Self::with(Mode::Signed(Box::new(jws)))
    }

    fn with(mode: Mode) -> Self {
        Self { mode, signature: Signature::default(), checks: Checks::default() }
    }

    /// Signatures checked so far (the JWS's, at most once).
    pub(crate) fn signatures_checked(&self) -> usize {
        self.signature.runs
    }

    /// Settles what the documents in `store` allow; notes in `needs` what is still missing.
    pub(crate) fn advance(&mut self, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        let mut checks = Checks::default();
        if options.trusted_issuers.is_none() {
            checks.issuer_trust = done(Ok(Passed::NoTrustList));
        }
        // The assertion itself: given, or the hosted copy when only its URL was given.
        let assertion = match &self.mode {
            Mode::Signed(jws) => Some(Ok(&jws.payload)),
            Mode::Unsigned(assertion) => {
                checks.proof = done(Err(Error::MissingProof));
                checks.issuer_key = skipped(CheckId::Proof);
                checks.status = skipped(CheckId::Proof);
                checks.issuer_trust = checks.issuer_trust.take().or_else(|| skipped(CheckId::Proof));
                checks.view = Some(view::badge_view(assertion, None));
                Some(Ok(assertion))
            }
            Mode::Hosted { url, given } => {
                let copy = url.as_deref().map(|u| linked::document(store, u, needs));
                if let Some(copy) = &copy {
                    checks.proof =
                        copy.clone().map(|c| Line::Done(hosted::copy_matches(url.as_deref(), given.as_ref(), c)));
                    checks.status = copy.clone().map(|c| Line::Done(hosted::revoked(c)));
                } else {
                    let error = invalid_property("id", "the URL the assertion is hosted at");
                    (checks.proof, checks.status) = (done(Err(error.clone())), done(Err(error)));
                }
                match (given, copy) {
                    (Some(given), _) => Some(Ok(given)),
                    (None, copy) => copy.flatten(),
                }
            }
        };
        let assertion = match assertion {
            Some(Ok(assertion)) => assertion,
            Some(Err(error)) => {
                checks.format = done(Err(error));
                self.checks = checks;
                return;
            }
            None => {
                self.checks = checks;
                return;
            }
        };
        checks.format = done(shape(assertion));
        checks.contexts = done(contexts(assertion));
        checks.valid_from = done(has_started(assertion, options));
        checks.valid_until = done(not_expired(assertion, options));
        checks.recipient = done(recipient_check(assertion, options.recipient.as_deref()));
        if let Mode::Unsigned(_) = self.mode {
            self.checks = checks;
            return;
        }
        if let Mode::Signed(_) = self.mode {
            // The key is asked for with the BadgeClass, not a round after the issuer: its URL is
            // known already (an unused answer costs nothing).
            if let Some(creator) = signed::creator(assertion) {
                let _ = linked::document(store, creator, needs);
            }
        }
        let linked = Linked::resolve(assertion, store, needs);
        checks.view = Some(view::badge_view(assertion, linked.as_ref().and_then(|l| l.as_ref().ok())));
        match linked {
            Some(Ok(linked)) => {
                checks.issuer_trust = done(trust::check(linked.issuer_id, options.trusted_issuers.as_deref()));
                linked_checks(&self.mode, &mut self.signature, &mut checks, (assertion, &linked), store, needs);
            }
            Some(Err(error)) => {
                checks.issuer_key = done(Err(error));
                checks.issuer_trust = checks.issuer_trust.take().or_else(|| skipped(CheckId::IssuerKey));
                if let Mode::Signed(_) = self.mode {
                    checks.proof = skipped(CheckId::IssuerKey);
                    checks.status = skipped(CheckId::IssuerKey);
                }
            }
            None => {}
        }
        self.checks = checks;
    }

    /// The report of a settled verification.
    pub(crate) fn report(&self) -> Report {
        let c = &self.checks;
        let mut list = Checklist::default();
        for (id, line) in [
            (CheckId::Format, &c.format),
            (CheckId::Contexts, &c.contexts),
            (CheckId::IssuerKey, &c.issuer_key),
            (CheckId::Proof, &c.proof),
            (CheckId::ValidFrom, &c.valid_from),
            (CheckId::ValidUntil, &c.valid_until),
            (CheckId::Status, &c.status),
            (CheckId::IssuerTrust, &c.issuer_trust),
            (CheckId::Recipient, &c.recipient),
        ] {
            match line {
                Some(Line::Done(result)) => {
                    list.record(id, None, result.clone().map(|p| (p, ())));
                }
                Some(Line::Skipped { because }) => list.skipped(id, None, *because),
                // Still awaited when the host finished: never read as passed.
                None => {
                    let reason = crate::error::Unavailable::NotProvided;
                    list.record::<()>(id, None, Err(Error::DocumentUnavailable { id: String::new(), reason }));
                }
            }
        }
        list.finish(c.view.clone())
    }
}

/// The checks that need the BadgeClass and issuer: the issuer's scope of a hosted assertion;
/// the key, signature and revocation list of a signed one.
fn linked_checks(
    mode: &Mode,
    signature: &mut Signature,
    checks: &mut Checks,
    (assertion, linked): (&Value, &Linked<'_>),
    store: &Store,
    needs: &mut Vec<Need>,
) {
    match mode {
        Mode::Unsigned(_) => {}
        Mode::Hosted { url, .. } => {
            let url = url.as_deref().unwrap_or_default();
            checks.issuer_key = done(hosted::in_scope(url, linked.issuer, linked.issuer_id, linked.issuer_url));
        }
        Mode::Signed(jws) => {
            let key = signed::key(assertion, linked, store, needs);
            if let Some(Ok(key)) = &key {
                if signature.result.is_none() {
                    signature.result = Some(key.verify(jws));
                    signature.runs += 1;
                }
            }
            checks.issuer_key =
                key.as_ref().map(|k| Line::Done(k.as_ref().map(|_| Passed::KeyBoundToIssuer).map_err(Clone::clone)));
            checks.proof = match (&key, &signature.result) {
                (Some(Ok(_)), Some(signature)) => done(signature.clone().map(|()| Passed::SignatureValid)),
                (Some(Err(_)), _) => skipped(CheckId::IssuerKey),
                _ => None,
            };
            checks.status = match (&key, &signature.result) {
                (Some(Ok(_)), Some(Ok(()))) => {
                    revocation::check(assertion, linked.issuer, store, needs).map(Line::Done)
                }
                (Some(Ok(_)), Some(Err(_))) => skipped(CheckId::Proof),
                (Some(Err(_)), _) => skipped(CheckId::IssuerKey),
                _ => None,
            };
        }
    }
}
