//! Open Badges 3.0 endorsements: each embedded `EndorsementCredential` verified on its own, with
//! its own report naming what it endorses; one that is not verified only warns on the badge.
//! The committed fixtures (`tests/fixtures/endorsements/`, checked by tests/fixtures.rs) and
//! cases built here.
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#endorsementcredential>
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use badge_verifier::verification::MAX_ENDORSEMENTS;
use badge_verifier::{
    verify, CheckId, Container, Documents, EndorsedTarget, Options, Outcome, Report, Timestamp, Verdict, Verification,
};
use common::fixtures::endorsement::{badge_with, endorsed, endorsement, endorser_key, ACHIEVEMENT};
use common::fixtures::presentation::{challenge_and_domain, held, holder_key, presentation, CHALLENGE, DOMAIN};
use common::fixtures::{did_key, signed, NOW};
use serde_json::{json, Value};

fn options() -> Options {
    Options::at(Timestamp::parse(NOW).unwrap())
}

fn fixture(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/endorsements").join(name);
    verify(&std::fs::read(path).unwrap(), &options(), &Documents::new()).unwrap()
}

fn judge(value: &Value) -> Report {
    verify(value.to_string().as_bytes(), &options(), &Documents::new()).unwrap()
}

fn line(report: &Report, id: CheckId) -> (Outcome, &'static str) {
    let check = report.checks.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no {id:?} line"));
    (check.outcome, check.code)
}

fn endorsement_verdicts(report: &Report) -> Vec<Verdict> {
    report.endorsements.as_ref().unwrap().reports.iter().map(|r| r.verdict).collect()
}

#[test]
fn a_verified_endorsement_of_the_achievement_leaves_the_badge_verified() {
    let report = fixture("verified--achievement-endorsed.json");
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
    assert_eq!(line(&report, CheckId::Endorsements), (Outcome::Passed, "endorsements_verified"));
    let tally = report.endorsements.as_ref().unwrap();
    assert_eq!((tally.container, tally.total, tally.verified), (Container::Endorsements, 1, 1));
    let only = &tally.reports[0];
    assert_eq!(only.verdict, Verdict::Verified);
    assert_eq!(line(only, CheckId::EndorsementSubject), (Outcome::Passed, "endorsement_subject_matches"));
    let endorses = only.endorses.as_ref().unwrap();
    assert_eq!((endorses.target, endorses.id.as_deref()), (EndorsedTarget::Achievement, Some(ACHIEVEMENT)));
    // Not followed further: an endorsement's report holds no endorsements or members of its own.
    assert!(only.endorsements.is_none() && only.members.is_none());
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["endorsements"]["container"], "endorsements");
    assert_eq!(json["endorsements"]["reports"][0]["endorses"], json!({"target": "achievement", "id": ACHIEVEMENT}));
    let endorser = &json["endorsements"]["reports"][0]["badge"]["issuer"];
    assert_eq!(endorser["name"], "Example Accreditation Body");
}

#[test]
fn a_tampered_endorsement_is_the_only_one_not_verified_and_the_badge_verifies_with_a_warning() {
    let report = fixture("endorsement_not_verified--comment-changed-after-signing.json");
    assert_eq!(line(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(line(&report, CheckId::Endorsements), (Outcome::Warning, "endorsement_not_verified"));
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    assert_eq!(endorsement_verdicts(&report), [Verdict::Verified, Verdict::NotVerified]);
    let changed = &report.endorsements.as_ref().unwrap().reports[1];
    assert_eq!(line(changed, CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
    assert_eq!(report.endorsements.as_ref().unwrap().summary, "1 of 2 verified, 1 not verified");
    let message = &report.checks.iter().find(|c| c.id == CheckId::Endorsements).unwrap().message;
    assert_eq!(message, "not every endorsement is verified: 1 of 2 verified, 1 not verified");
}

#[test]
fn an_endorsement_of_another_achievement_is_not_verified() {
    let report = fixture("endorsement_not_verified--endorses-another-achievement.json");
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    let other = &report.endorsements.as_ref().unwrap().reports[0];
    // Its signature holds: what fails is what it is about.
    assert_eq!(line(other, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(line(other, CheckId::EndorsementSubject), (Outcome::Failed, "endorsement_subject_mismatch"));
    assert_eq!(other.verdict, Verdict::NotVerified);
}

#[test]
fn an_endorsement_jwt_of_the_issuer_is_verified() {
    let report = fixture("verified--issuer-endorsed-by-vc-jwt.json");
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.endorsements);
    let only = &report.endorsements.as_ref().unwrap().reports[0];
    assert_eq!(only.verdict, Verdict::Verified, "{:#?}", only.checks);
    assert_eq!(serde_json::to_value(only.input).unwrap(), "jwt");
    assert_eq!(only.endorses.as_ref().unwrap().target, EndorsedTarget::Issuer);
}

#[test]
fn past_the_cap_no_endorsement_is_verified_and_the_badge_only_warns() {
    let report = fixture("too_many_endorsements--17-endorsements.json");
    assert_eq!(MAX_ENDORSEMENTS, 16);
    assert_eq!(line(&report, CheckId::Endorsements), (Outcome::Warning, "too_many_endorsements"));
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    assert!(report.endorsements.is_none());
}

#[test]
fn an_endorsement_must_be_typed_endorsement_credential() {
    let mut plain = endorsement(20, ACHIEVEMENT, "Typed wrongly.");
    plain["type"] = json!(["VerifiableCredential"]);
    let report = judge(&Value::Object(signed(badge_with(200, vec![endorsed(plain)]))));
    let only = &report.endorsements.as_ref().unwrap().reports[0];
    assert_eq!(line(only, CheckId::EndorsementSubject), (Outcome::Failed, "invalid_property"));
    assert_eq!(only.verdict, Verdict::NotVerified);
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
}

#[test]
fn an_endorsement_of_a_credential_without_an_id_is_not_about_it() {
    let mut badge = badge_with(201, Vec::new());
    badge.remove("id");
    badge.insert("endorsement".into(), json!([endorsed(endorsement(21, "urn:uuid:anything", "About what?"))]));
    let report = judge(&Value::Object(signed(badge)));
    let only = &report.endorsements.as_ref().unwrap().reports[0];
    assert_eq!(only.endorses.as_ref().unwrap().target, EndorsedTarget::Credential);
    assert_eq!(line(only, CheckId::EndorsementSubject), (Outcome::Failed, "endorsement_subject_mismatch"));
}

#[test]
fn a_badge_without_endorsements_has_no_endorsements_line() {
    let report = judge(&Value::Object(signed(badge_with(202, Vec::new()))));
    assert_eq!(report.verdict, Verdict::Verified);
    assert!(report.checks.iter().all(|c| c.id != CheckId::Endorsements));
    assert!(report.endorsements.is_none());
    assert!(serde_json::to_value(&report).unwrap().get("endorsements").is_none());
}

#[test]
fn an_endorsements_own_endorsements_are_not_followed() {
    let mut inner = endorsement(22, ACHIEVEMENT, "Endorsed in turn.");
    let nested = endorsed(endorsement(23, "urn:uuid:e1d0c5e0-0000-4000-8000-000000000022", "x"));
    inner.insert("endorsement".into(), json!([nested]));
    let mut verification = Verification::start(
        Value::Object(signed(badge_with(203, vec![endorsed(inner)]))).to_string().as_bytes(),
        &options(),
        Documents::new(),
    )
    .unwrap();
    assert!(verification.needs().is_empty());
    // The badge's and the one endorsement's: the nested one is never checked.
    assert_eq!(verification.signatures_checked(), 2);
    let report = verification.finish();
    assert!(report.endorsements.as_ref().unwrap().reports[0].endorsements.is_none());
}

#[test]
fn a_presentation_members_endorsements_are_verified_too() {
    let member = Value::Object(signed(badge_with(204, vec![endorsed(endorsement(24, ACHIEVEMENT, "Good."))])));
    let vp = held(presentation(vec![member]), &holder_key(), challenge_and_domain());
    let mut options = options();
    options.challenge = Some(CHALLENGE.into());
    options.domain = Some(DOMAIN.into());
    let report = verify(vp.to_string().as_bytes(), &options, &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::Verified);
    let member = &report.members.as_ref().unwrap().reports[0];
    assert_eq!(line(member, CheckId::Endorsements), (Outcome::Passed, "endorsements_verified"));
    assert_eq!(member.endorsements.as_ref().unwrap().verified, 1);
}

/// (e) The document loop gathers what the endorsements need: a did:web endorser's DID document.
#[test]
fn the_document_loop_asks_for_an_endorsers_did_document() {
    let endorser = "did:web:endorser.badge-verifier.test";
    let key_id = format!("{endorser}#key-1");
    let mut unsecured = endorsement(25, ACHIEVEMENT, "Fetched.");
    unsecured["issuer"]["id"] = json!(endorser);
    let proof = common::fixtures::jcs_proof(&unsecured, &endorser_key(), &key_id);
    unsecured.insert("proof".into(), proof);
    let badge = Value::Object(signed(badge_with(205, vec![Value::Object(unsecured)])));

    let offline = judge(&badge);
    assert_eq!(offline.verdict, Verdict::VerifiedWithWarnings);
    assert_eq!(offline.needs, [endorser]);
    assert_eq!(line(&offline, CheckId::Endorsements), (Outcome::Warning, "endorsement_not_verified"));

    let mut verification = Verification::start(badge.to_string().as_bytes(), &options(), Documents::new()).unwrap();
    let needs = verification.needs();
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].url.as_deref(), Some("https://endorser.badge-verifier.test/.well-known/did.json"));
    let public_key = did_key(&endorser_key()).trim_start_matches("did:key:").to_owned();
    let document = json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": endorser,
        "verificationMethod": [{"id": key_id, "type": "Multikey", "controller": endorser, "publicKeyMultibase": public_key}],
        "assertionMethod": [key_id],
    });
    verification.provide(&needs[0].id, document.to_string().as_bytes());
    assert!(verification.needs().is_empty());
    let report = verification.finish();
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.endorsements);
    assert!(report.needs.is_empty());
}

/// DCC's complex-issuer vector: its issuer profile carries an endorsement that expired in 2020.
/// The badge verifies; the endorsement is judged on its own (and the conformance walk judges the
/// badge `valid`, tests/conformance.rs WARNINGS_JUDGED_VALID).
#[test]
fn dccs_complex_issuer_vector_carries_an_expired_endorsement() {
    let Some(dir) = common::vectors_dir("endorsements") else { return };
    let path = "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json";
    let report = verify(common::read(&dir, path).as_bytes(), &options(), &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    assert_eq!(line(&report, CheckId::Endorsements), (Outcome::Warning, "endorsement_not_verified"));
    let only = &report.endorsements.as_ref().unwrap().reports[0];
    assert_eq!(only.verdict, Verdict::Expired, "{:#?}", only.checks);
    assert_eq!(only.endorses.as_ref().unwrap().target, EndorsedTarget::Issuer);
    assert_eq!(line(only, CheckId::EndorsementSubject), (Outcome::Passed, "endorsement_subject_matches"));
}

/// 1EdTech's complete OB 3.0 example (the spec's fullOpenBadge): five endorsements, all of the
/// issuer `https://1edtech.edu/issuers/565049` whatever they are embedded in, signed by keys of
/// issuers whose documents are not among the vectors.
#[test]
fn one_edtechs_complete_example_endorsements_are_judged_each_on_its_own() {
    let Some(dir) = common::vectors_dir("endorsements") else { return };
    let report =
        verify(common::read(&dir, "1edtech-validator/ob30/complete.json").as_bytes(), &options(), &Documents::new())
            .unwrap();
    let tally = report.endorsements.as_ref().unwrap();
    assert_eq!((tally.total, tally.verified), (5, 0));
    let targets: Vec<(EndorsedTarget, &'static str)> = tally
        .reports
        .iter()
        .map(|r| (r.endorses.as_ref().unwrap().target, line(r, CheckId::EndorsementSubject).1))
        .collect();
    assert_eq!(
        targets,
        [
            (EndorsedTarget::Credential, "endorsement_subject_mismatch"),
            (EndorsedTarget::Achievement, "endorsement_subject_mismatch"),
            (EndorsedTarget::Issuer, "endorsement_subject_matches"),
            (EndorsedTarget::Creator, "endorsement_subject_matches"),
            (EndorsedTarget::Creator, "endorsement_subject_matches"),
        ]
    );
}

/// The host's recipient is the learner's: an endorsement's subject is what it endorses, so the
/// recipient is not asked of it.
#[test]
fn the_hosts_recipient_is_not_asked_of_endorsements() {
    let mut options = options();
    options.recipient = Some("did:example:alice".into());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/endorsements/verified--achievement-endorsed.json");
    let report = verify(&std::fs::read(path).unwrap(), &options, &Documents::new()).unwrap();
    assert_eq!(line(&report, CheckId::Recipient), (Outcome::Passed, "recipient_matches"));
    let only = &report.endorsements.as_ref().unwrap().reports[0];
    assert_eq!(line(only, CheckId::Recipient), (Outcome::NotApplicable, "no_recipient_given"));
    assert_eq!(report.verdict, Verdict::Verified);
}

/// An Open Badges 2.0 assertion embedded as an endorsement is no `EndorsementCredential`.
#[test]
fn an_open_badges_2_assertion_is_no_endorsement() {
    let assertion = json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://x.example/a",
        "recipient": {"type": "email", "hashed": false, "identity": "a@x.example"},
        "badge": "https://x.example/b", "verification": {"type": "hosted"}, "issuedOn": "2024-01-01T00:00:00Z"
    });
    let report = judge(&Value::Object(signed(badge_with(206, vec![assertion]))));
    let only = &report.endorsements.as_ref().unwrap().reports[0];
    assert_eq!(line(only, CheckId::EndorsementSubject), (Outcome::Failed, "invalid_property"));
    assert_eq!(only.verdict, Verdict::NotVerified);
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
}
