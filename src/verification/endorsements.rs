//! A credential's embedded endorsements: Open Badges 3.0 `EndorsementCredential`s in
//! `endorsement` (objects) and `endorsementJwt` (compact JWS strings) of the credential, its
//! achievement, its issuer profile and the achievement's creator profile.
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#endorsementcredential>
//!
//! Each is verified as a credential of its own, with the same options and document store as the
//! badge (the member machinery of `members.rs`), plus one line of its own: it must be typed
//! `EndorsementCredential` and its `credentialSubject.id` must be the id of the object it is
//! embedded in (else it endorses something else, and is not verified). An endorsement's own
//! endorsements are not read (no recursion), nor are its members. A third party's claim that does
//! not verify never fails the badge: the badge's `endorsements` line is then a warning.
//!
//! Without the `presentations` feature (the page's core wasm) a credential that carries
//! endorsements gets `not_in_this_build` on that line (verdict `unsupported`), and the loader
//! verifies it again with the full module.

use serde_json::{Map, Value};

use super::{Need, State, Store};
use crate::error::Error;
use crate::report::{CheckId, Checklist, Endorsed, EndorsedTarget, Members as Tally};
#[cfg(feature = "presentations")]
use crate::report::{Container, InputFormat, Passed, Report};
use crate::verify::Options;

/// Most endorsements one credential may carry (all four places together); past it, none is
/// verified (`too_many_endorsements`, a warning).
pub const MAX_ENDORSEMENTS: usize = 16;

/// Documents each endorsement may add to the verification's budget: its issuer's DID document
/// or profile, a status list and that list's key document.
pub const DOCUMENTS_PER_ENDORSEMENT: usize = 4;

/// Longest id of an endorsed object that is compared (and echoed in reports); a longer one is
/// treated as none, so no endorsement matches it.
const MAX_ID_BYTES: usize = 1000;

/// The type every endorsement must have.
#[cfg(feature = "presentations")]
const ENDORSEMENT_TYPE: &str = "EndorsementCredential";

/// A credential's endorsements, each under verification.
#[derive(Debug)]
pub(crate) struct Endorsements {
    /// `Err(too_many_endorsements)` past the cap, `Err(not_in_this_build)` without the feature.
    items: Result<Vec<Endorsement>, Error>,
}

/// One endorsement and what it endorses.
#[derive(Debug)]
#[cfg_attr(not(feature = "presentations"), allow(dead_code))] // never built without the feature
struct Endorsement {
    state: State,
    #[cfg(feature = "presentations")]
    input: InputFormat,
    endorses: Endorsed,
}

impl Endorsements {
    /// The endorsements `credential` carries; `None` when it carries none.
    pub(crate) fn of(credential: &Map<String, Value>, options: &Options) -> Option<Self> {
        let found = embedded(credential);
        if found.is_empty() {
            return None;
        }
        if found.len() > MAX_ENDORSEMENTS {
            return Some(Self {
                items: Err(Error::TooManyEndorsements { found: found.len(), limit: MAX_ENDORSEMENTS }),
            });
        }
        Some(Self { items: verifications(found, options) })
    }

    /// Documents these endorsements may add to the verification's budget.
    pub(crate) fn document_budget(&self) -> usize {
        self.items.as_ref().map_or(0, |items| items.len().saturating_mul(DOCUMENTS_PER_ENDORSEMENT))
    }

    /// Advances every endorsement as far as the documents in `store` allow.
    pub(crate) fn advance(&mut self, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        if let Ok(items) = &mut self.items {
            for item in items {
                item.state.advance(store, options, needs);
            }
        }
    }

    /// Signatures checked so far by every endorsement.
    pub(crate) fn signatures_checked(&self) -> usize {
        self.items.as_ref().map_or(0, |items| items.iter().map(|e| e.state.signatures_checked()).sum())
    }

    /// The `endorsements` line in `list` and, when they were verified, each one's report and the
    /// tally: the line passes when every endorsement is verified, and is a warning otherwise
    /// (`endorsement_not_verified`, `too_many_endorsements`); without the feature it fails with
    /// `not_in_this_build`.
    pub(crate) fn record(&self, list: &mut Checklist, options: &Options) -> Option<Tally> {
        let items = match &self.items {
            Ok(items) => items,
            Err(error @ Error::NotInThisBuild { .. }) => {
                list.record::<()>(CheckId::Endorsements, None, Err(error.clone()));
                return None;
            }
            Err(error) => {
                list.warn(CheckId::Endorsements, None, error);
                return None;
            }
        };
        tally(items, list, options)
    }
}

/// Each endorsement's verification, with the badge's options but no recipient: an endorsement's
/// subject is what it endorses, not the learner (the host's list of trusted issuers does apply:
/// it names whose signatures the host believes).
#[cfg(feature = "presentations")]
fn verifications(found: Vec<(Endorsed, &Value)>, options: &Options) -> Result<Vec<Endorsement>, Error> {
    let options = Options { recipient: None, ..options.clone() };
    Ok(found
        .into_iter()
        .map(|(endorses, value)| {
            let (state, input) = super::members::nested(value, &options, super::Nested::NONE);
            Endorsement { state, input, endorses }
        })
        .collect())
}

/// Without the feature, none is verified: the line says `not_in_this_build`.
#[cfg(not(feature = "presentations"))]
fn verifications(_: Vec<(Endorsed, &Value)>, _: &Options) -> Result<Vec<Endorsement>, Error> {
    Err(crate::features::PRESENTATIONS.missing("a credential's endorsements"))
}

#[cfg(feature = "presentations")]
fn tally(items: &[Endorsement], list: &mut Checklist, options: &Options) -> Option<Tally> {
    let reports: Vec<Report> = items.iter().map(|e| report(e, options)).collect();
    let tally = Tally::of(Container::Endorsements, reports);
    if tally.verified < tally.total {
        let error = Error::EndorsementNotVerified {
            not_verified: tally.total - tally.verified,
            total: tally.total,
            summary: tally.summary.clone(),
        };
        list.warn(CheckId::Endorsements, None, &error);
    } else {
        list.record(CheckId::Endorsements, None, Ok((Passed::EndorsementsVerified, ())));
    }
    Some(tally)
}

#[cfg(not(feature = "presentations"))]
fn tally(_: &[Endorsement], _: &mut Checklist, _: &Options) -> Option<Tally> {
    None
}

/// One endorsement's report: its own checks, then whether it is about what it is embedded in
/// (a failure there makes it not verified, whatever its signature says).
#[cfg(feature = "presentations")]
fn report(endorsement: &Endorsement, options: &Options) -> Report {
    let mut report = endorsement.state.report(options);
    report.input = endorsement.input;
    let result = match &endorsement.state {
        State::Verifying(subject) => {
            Some(subject_matches(&subject.credential.types, &subject.credential.json, &endorsement.endorses))
        }
        // Refused before it was read: its report says why already.
        State::Settled(_) => None,
        // An Open Badges 2.0 assertion is no EndorsementCredential.
        _ => Some(Err(not_typed())),
    };
    if let Some(result) = result {
        Checklist::append(&mut report, CheckId::EndorsementSubject, result);
    }
    report.endorses = Some(endorsement.endorses.clone());
    report
}

/// Rules (b) and (a): typed `EndorsementCredential`, and about the object it is embedded in.
/// See: <https://www.imsglobal.org/spec/ob/v3p0/#endorsementsubject>
///
/// # Errors
/// `invalid_property` (type), `endorsement_subject_mismatch`.
#[cfg(feature = "presentations")]
fn subject_matches(types: &[String], json: &Map<String, Value>, endorses: &Endorsed) -> Result<Passed, Error> {
    if !types.iter().any(|t| t == ENDORSEMENT_TYPE) {
        return Err(not_typed());
    }
    let subject = match json.get("credentialSubject") {
        Some(Value::Array(subjects)) if subjects.len() == 1 => subjects.first(),
        Some(Value::Array(_)) => None,
        other => other,
    };
    let found = subject.and_then(|s| s.get("id")).and_then(Value::as_str);
    match (&endorses.id, found) {
        (Some(expected), Some(found)) if expected == found => Ok(Passed::EndorsementSubjectMatches),
        (expected, found) => Err(Error::EndorsementSubjectMismatch {
            expected: expected.clone(),
            found: found.map(|f| f.chars().take(200).collect()),
        }),
    }
}

/// `invalid_property`: an endorsement must be typed `EndorsementCredential`.
#[cfg(feature = "presentations")]
fn not_typed() -> Error {
    Error::InvalidProperty { property: "type", expected: "to include EndorsementCredential" }
}

/// Every endorsement embedded in `credential`, with what it endorses, in a fixed order: the
/// credential's, its achievement's, its issuer's, the creator's (`endorsement` before
/// `endorsementJwt` in each).
fn embedded(credential: &Map<String, Value>) -> Vec<(Endorsed, &Value)> {
    let subject = match credential.get("credentialSubject") {
        Some(Value::Array(subjects)) => subjects.first(),
        other => other,
    };
    let achievement = subject.and_then(|s| s.get("achievement")).and_then(Value::as_object);
    let issuer = credential.get("issuer").and_then(Value::as_object);
    let creator = achievement.and_then(|a| a.get("creator")).and_then(Value::as_object);
    let places = [
        (EndorsedTarget::Credential, Some(credential)),
        (EndorsedTarget::Achievement, achievement),
        (EndorsedTarget::Issuer, issuer),
        (EndorsedTarget::Creator, creator),
    ];
    let mut found = Vec::new();
    for (target, object) in places {
        let Some(object) = object else { continue };
        // An id too long to echo in every endorsement's report counts as none (never as a prefix
        // of itself: the match with an endorsement's subject must be exact).
        let id = object.get("id").and_then(Value::as_str).filter(|id| id.len() <= MAX_ID_BYTES).map(str::to_owned);
        for key in ["endorsement", "endorsementJwt"] {
            let values: Vec<&Value> = match object.get(key) {
                None => Vec::new(),
                Some(Value::Array(items)) => items.iter().collect(),
                Some(one) => vec![one],
            };
            for value in values {
                found.push((Endorsed { target, id: id.clone() }, value));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn endorsements_are_found_in_the_four_places_in_order() {
        let credential = json!({
            "id": "urn:c", "endorsement": [{"n": 1}],
            "issuer": {"id": "did:i", "endorsementJwt": ["a.b.c"]},
            "credentialSubject": {"achievement": {"id": "https://a", "endorsement": {"n": 2},
                "creator": {"id": "did:k", "endorsement": [{"n": 3}, {"n": 4}]}}}
        });
        let found = embedded(credential.as_object().unwrap());
        let targets: Vec<(EndorsedTarget, Option<&str>)> =
            found.iter().map(|(e, _)| (e.target, e.id.as_deref())).collect();
        assert_eq!(
            targets,
            [
                (EndorsedTarget::Credential, Some("urn:c")),
                (EndorsedTarget::Achievement, Some("https://a")),
                (EndorsedTarget::Issuer, Some("did:i")),
                (EndorsedTarget::Creator, Some("did:k")),
                (EndorsedTarget::Creator, Some("did:k")),
            ]
        );
        assert_eq!(found.get(2).map(|(_, v)| *v), Some(&json!("a.b.c")));
    }

    /// With the feature each endorsement is judged (here one that is not a credential at all);
    /// without it (the page's core wasm) the line says `not_in_this_build`, so the badge is
    /// `unsupported` and the loader verifies it again with the full module.
    #[test]
    fn a_credential_with_endorsements_has_an_endorsements_line_in_every_build() {
        use crate::report::{Outcome, Verdict};
        use crate::timestamp::Timestamp;

        let credential = json!({"id": "urn:c", "endorsement": [{"not": "a credential"}]});
        let options = Options::at(Timestamp::from_unix_seconds(0));
        let endorsements = Endorsements::of(credential.as_object().unwrap(), &options).unwrap();
        let mut list = Checklist::default();
        let tally = endorsements.record(&mut list, &options);
        let report = list.finish(None);
        let line = report.checks.iter().find(|c| c.id == CheckId::Endorsements).unwrap();
        if cfg!(feature = "presentations") {
            assert_eq!((line.outcome, line.code), (Outcome::Warning, "endorsement_not_verified"));
            let tally = tally.unwrap();
            assert_eq!((tally.total, tally.verified), (1, 0));
        } else {
            assert_eq!((line.outcome, line.code), (Outcome::Failed, "not_in_this_build"));
            assert_eq!(report.verdict, Verdict::Unsupported);
            assert!(tally.is_none());
        }
    }

    #[test]
    fn a_credential_without_endorsements_has_none_and_an_issuer_string_carries_none() {
        let credential = json!({"issuer": "did:i", "credentialSubject": {"achievement": {"id": "x"}}});
        assert!(embedded(credential.as_object().unwrap()).is_empty());
    }
}
