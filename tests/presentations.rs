//! Verifiable Presentations: the holder's proof (purpose, challenge, domain, holder binding) and
//! each enclosed credential judged on its own, in one nested report (`Report::members`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use badge_verifier::verification::members::MAX_MEMBERS;
use badge_verifier::verification::MAX_DOCUMENTS;
use badge_verifier::{
    verify, CheckId, Container, Documents, Options, Outcome, Report, Timestamp, Verdict, Verification,
};
use common::fixtures::presentation::{
    challenge_and_domain, held, holder_key, members, presentation, proof_for, CHALLENGE, DOMAIN,
};
use common::fixtures::{issuer_key, jwt, method, open_badge, other_key, signed, vc_v1, NOW};
use serde_json::{json, Value};

fn options(challenge: Option<&str>, domain: Option<&str>) -> Options {
    let mut options = Options::at(Timestamp::parse(NOW).unwrap());
    options.challenge = challenge.map(str::to_owned);
    options.domain = domain.map(str::to_owned);
    options
}

fn judge_with(value: &Value, options: &Options) -> Report {
    verify(value.to_string().as_bytes(), options, &Documents::new()).unwrap()
}

/// Judged with the fixtures' challenge and domain expected.
fn judge(value: &Value) -> Report {
    judge_with(value, &options(Some(CHALLENGE), Some(DOMAIN)))
}

fn code_of(report: &Report, id: CheckId) -> (Outcome, &'static str) {
    let check = report.checks.iter().find(|c| c.id == id).unwrap();
    (check.outcome, check.code)
}

fn member_verdicts(report: &Report) -> Vec<Verdict> {
    report.members.as_ref().unwrap().reports.iter().map(|r| r.verdict).collect()
}

fn good() -> Value {
    held(presentation(members()), &holder_key(), challenge_and_domain())
}

#[test]
fn a_held_presentation_with_the_expected_challenge_and_domain_is_verified_with_each_member() {
    let report = judge(&good());
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
    let ids: Vec<CheckId> = report.checks.iter().map(|c| c.id).collect();
    assert_eq!(ids, CheckId::REQUIRED_OF_PRESENTATION);
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Passed, "key_bound_to_holder"));
    assert_eq!(code_of(&report, CheckId::Members), (Outcome::Passed, "members_verified"));
    assert_eq!(report.badge, None);
    let members = report.members.as_ref().unwrap();
    assert_eq!((members.container, members.total, members.verified), (Container::Presentation, 3, 3));
    assert_eq!(members.summary, "3 of 3 verified");
    for (i, member) in members.reports.iter().enumerate() {
        assert_eq!(member.verdict, Verdict::Verified);
        assert_eq!(member.checks.iter().map(|c| c.id).collect::<Vec<_>>(), CheckId::REQUIRED);
        let name = serde_json::to_value(member.badge.as_ref().unwrap()).unwrap()["name"].clone();
        assert_eq!(name, json!(format!("Member {i}")));
    }
}

#[test]
fn the_nested_report_is_additive_json() {
    let value = serde_json::to_value(judge(&good())).unwrap();
    assert_eq!(value["verdict"], "verified");
    let members = &value["members"];
    assert_eq!(members["container"], "presentation");
    assert_eq!((members["total"].clone(), members["verified"].clone()), (json!(3), json!(3)));
    assert_eq!(members["verdicts"], json!({"verified": 3}));
    assert_eq!(members["reports"].as_array().unwrap().len(), 3);
    assert_eq!(members["reports"][0]["verdict"], "verified");
    assert!(members["reports"][0].get("members").is_none());
    // A single credential's report has no `members` at all: old consumers see no change.
    let single = serde_json::to_value(judge(&self::members()[0])).unwrap();
    assert!(single.get("members").is_none(), "{single}");
    assert_eq!(single["verdict"], "verified");
}

#[test]
fn without_an_expected_challenge_the_proof_warns_of_replay() {
    let report = judge_with(&good(), &options(None, None));
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Warning, "signature_valid_no_challenge"));
}

#[test]
fn a_wrong_or_missing_challenge_is_not_verified_yet_every_member_is_reported() {
    let report = judge_with(&good(), &options(Some("another-nonce"), Some(DOMAIN)));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "challenge_mismatch"));
    assert_eq!(member_verdicts(&report), [Verdict::Verified; 3]);
    let without = held(presentation(members()), &holder_key(), json!({"domain": DOMAIN}));
    assert_eq!(code_of(&judge(&without), CheckId::Proof), (Outcome::Failed, "challenge_mismatch"));
}

#[test]
fn a_wrong_or_missing_domain_is_not_verified() {
    let report = judge_with(&good(), &options(Some(CHALLENGE), Some("evil.example")));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "domain_mismatch"));
    let without = held(presentation(members()), &holder_key(), json!({"challenge": CHALLENGE}));
    assert_eq!(code_of(&judge(&without), CheckId::Proof), (Outcome::Failed, "domain_mismatch"));
    // A domain list that contains the expected one holds.
    let listed =
        held(presentation(members()), &holder_key(), json!({"challenge": CHALLENGE, "domain": ["a.example", DOMAIN]}));
    assert_eq!(judge(&listed).verdict, Verdict::Verified);
}

#[test]
fn without_a_holder_proof_it_is_not_verified_yet_every_member_is() {
    let report = judge(&Value::Object(presentation(members())));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "missing_proof"));
    assert_eq!(member_verdicts(&report), [Verdict::Verified; 3]);
    assert_eq!(report.members.as_ref().unwrap().summary, "3 of 3 verified");
}

#[test]
fn a_tampered_member_is_the_only_one_not_verified_and_the_summary_says_so() {
    let mut enclosed = members();
    enclosed[1]["name"] = json!("Member 1, with honours");
    let report = judge(&held(presentation(enclosed), &holder_key(), challenge_and_domain()));
    assert_eq!(report.verdict, Verdict::NotVerified);
    // The holder signed what it presented: its own proof holds.
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(code_of(&report, CheckId::Members), (Outcome::Failed, "member_not_verified"));
    assert_eq!(member_verdicts(&report), [Verdict::Verified, Verdict::NotVerified, Verdict::Verified]);
    let members = report.members.as_ref().unwrap();
    assert_eq!(code_of(&members.reports[1], CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
    assert_eq!(members.summary, "2 of 3 verified, 1 not verified");
    let message = &report.checks.iter().find(|c| c.id == CheckId::Members).unwrap().message;
    assert!(message.contains("2 of 3 verified, 1 not verified"), "{message}");
}

#[test]
fn an_expired_member_is_counted_as_expired() {
    let mut enclosed = members();
    enclosed[2] = Value::Object(signed(open_badge(
        "7e57c0de-0000-4000-8000-000000000109",
        "Lapsed",
        "2020-01-01T00:00:00Z",
        Some("2021-01-01T00:00:00Z"),
    )));
    let report = judge(&held(presentation(enclosed), &holder_key(), challenge_and_domain()));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(member_verdicts(&report), [Verdict::Verified, Verdict::Verified, Verdict::Expired]);
    let members = report.members.as_ref().unwrap();
    assert_eq!(members.summary, "2 of 3 verified, 1 expired");
    assert_eq!(serde_json::to_value(&members.verdicts).unwrap(), json!({"verified": 2, "expired": 1}));
}

#[test]
fn a_proof_by_someone_else_than_the_holder_is_not_verified() {
    let report = judge(&held(presentation(members()), &other_key(), challenge_and_domain()));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Failed, "key_not_bound_to_holder"));
}

#[test]
fn a_presentation_that_names_no_holder_warns() {
    let mut unsecured = presentation(members());
    unsecured.remove("holder");
    let report = judge(&held(unsecured, &holder_key(), challenge_and_domain()));
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Warning, "holder_not_named"));
}

#[test]
fn an_assertion_proof_on_a_presentation_is_the_wrong_purpose() {
    let mut unsecured = presentation(members());
    let proof = proof_for(&unsecured, &holder_key(), "assertionMethod", challenge_and_domain());
    unsecured.insert("proof".into(), proof);
    let report = judge(&Value::Object(unsecured));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "wrong_proof_purpose"));
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn a_vc_1_1_presentation_of_a_vc_1_1_credential() {
    let member = Value::Object(signed(vc_v1("7e57c0de-0000-4000-8000-000000000110")));
    let mut unsecured = presentation(vec![member]);
    unsecured.insert(
        "@context".into(),
        json!(["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"]),
    );
    let report = judge(&held(unsecured, &holder_key(), challenge_and_domain()));
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
    assert_eq!(member_verdicts(&report), [Verdict::Verified]);
}

#[test]
fn enveloped_and_string_vc_jwt_members_are_verified_as_tokens() {
    let token = jwt::all()[0].1.trim().to_owned();
    let forged = jwt::all()[1].1.trim().to_owned();
    let enclosed = vec![
        json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential",
               "id": format!("data:application/vc+jwt,{token}")}),
        json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential",
               "id": format!("data:application/vc+jwt,{forged}")}),
        json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential",
               "id": "data:application/vc+cose,AAAA"}),
        json!(token),
    ];
    let report = judge(&held(presentation(enclosed), &holder_key(), challenge_and_domain()));
    let members = report.members.as_ref().unwrap();
    let verdicts = [Verdict::Verified, Verdict::NotVerified, Verdict::Unsupported, Verdict::Verified];
    assert_eq!(member_verdicts(&report), verdicts);
    assert_eq!(code_of(&members.reports[1], CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
    assert_eq!(code_of(&members.reports[2], CheckId::Format), (Outcome::Failed, "unsupported_format"));
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(value["members"]["reports"][0]["input"], "jwt");
    assert_eq!(value["members"]["reports"][3]["input"], "jwt");
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn a_member_that_is_not_a_credential_is_reported_not_verified() {
    let enclosed = vec![members()[0].clone(), json!({"name": "not a credential"}), json!(7)];
    let report = judge(&held(presentation(enclosed), &holder_key(), challenge_and_domain()));
    // A number is not a member at all: the presentation's own format fails.
    assert_eq!(code_of(&report, CheckId::Format), (Outcome::Failed, "invalid_property"));
    let enclosed = vec![members()[0].clone(), json!({"name": "not a credential"})];
    let report = judge(&held(presentation(enclosed), &holder_key(), challenge_and_domain()));
    assert_eq!(member_verdicts(&report), [Verdict::Verified, Verdict::NotVerified]);
    let second = &report.members.as_ref().unwrap().reports[1];
    assert_eq!(code_of(second, CheckId::Format), (Outcome::Failed, "not_a_credential"));
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn a_presentation_enclosed_in_a_presentation_is_not_read_as_one() {
    let inner = good();
    let report = judge(&held(presentation(vec![inner]), &holder_key(), challenge_and_domain()));
    let only = &report.members.as_ref().unwrap().reports[0];
    assert_eq!(code_of(only, CheckId::Format), (Outcome::Failed, "not_a_credential"));
    assert!(only.members.is_none());
}

#[test]
fn past_the_member_cap_none_is_verified() {
    let one = members()[0].clone();
    let report = judge(&held(presentation(vec![one; MAX_MEMBERS + 1]), &holder_key(), challenge_and_domain()));
    assert_eq!(code_of(&report, CheckId::Members), (Outcome::Failed, "too_many_members"));
    assert_eq!(report.members.as_ref().unwrap().total, 0);
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn an_empty_presentation_proves_only_its_holder() {
    let report = judge(&held(presentation(Vec::new()), &holder_key(), challenge_and_domain()));
    assert_eq!(code_of(&report, CheckId::Members), (Outcome::NotApplicable, "no_members"));
    assert_eq!(report.verdict, Verdict::Verified);
}

/// The sans-I/O loop gathers the documents of every member (here each member's issuer is an
/// HTTPS profile), each asked for once, within a budget of [`MAX_DOCUMENTS`] per member.
#[test]
fn the_loop_gathers_every_members_documents() {
    let issuers: Vec<String> = (0..3).map(|i| format!("https://issuer-{i}.example/profile")).collect();
    let enclosed: Vec<Value> = issuers
        .iter()
        .enumerate()
        .map(|(i, issuer)| {
            let mut badge = open_badge(&format!("7e57c0de-0000-4000-8000-00000000012{i}"), "Remote", NOW, None);
            badge.insert("issuer".into(), json!({"id": issuer, "type": ["Profile"], "name": "Remote issuer"}));
            let proof = common::fixtures::jcs_proof(&badge, &issuer_key(), &method(&issuer_key()));
            badge.insert("proof".into(), proof);
            Value::Object(badge)
        })
        .collect();
    let twice = vec![enclosed[0].clone(), enclosed[1].clone(), enclosed[2].clone(), enclosed[0].clone()];
    let vp = held(presentation(twice), &holder_key(), challenge_and_domain());
    let options = options(Some(CHALLENGE), Some(DOMAIN));
    let mut verification = Verification::start(vp.to_string().as_bytes(), &options, Documents::new()).unwrap();
    let mut asked = Vec::new();
    loop {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        for need in needs {
            asked.push(need.id.clone());
            let doc = json!({"id": need.id, "assertionMethod": [method(&issuer_key())]});
            verification.provide(&need.id, doc.to_string().as_bytes());
        }
    }
    asked.sort();
    assert_eq!(asked, issuers, "each issuer's profile asked for once");
    let report = verification.finish();
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.members);
    assert_eq!(member_verdicts(&report), [Verdict::Verified; 4]);
    assert!(MAX_DOCUMENTS * 5 > asked.len());
}

/// Offline, what the members needed is listed among the presentation's own needs.
#[test]
fn the_needs_of_members_reach_the_presentation() {
    let mut badge = open_badge("7e57c0de-0000-4000-8000-000000000130", "Remote", NOW, None);
    badge.insert("issuer".into(), json!({"id": "https://remote.example/profile", "type": ["Profile"]}));
    let proof = common::fixtures::jcs_proof(&badge, &issuer_key(), &method(&issuer_key()));
    badge.insert("proof".into(), proof);
    let report = judge(&held(presentation(vec![Value::Object(badge)]), &holder_key(), challenge_and_domain()));
    assert_eq!(report.needs, ["https://remote.example/profile"]);
    assert_eq!(member_verdicts(&report), [Verdict::NotVerified]);
}

/// Third-party presentations: Blockcerts' (no holder, no members; its challenge and domain) and
/// SpruceID's (holder `did:ex:12345`, which no verifier resolves; one credential whose issuer
/// document ships beside it).
#[test]
fn third_party_presentations() {
    let Some(dir) = common::vectors_dir("presentations") else { return };
    let blockcerts = common::read(&dir, "blockcerts/v3/vp-eddsa-rdfc-2022.json");
    let expected = options(Some("uFLOeUzjbCkc0K-21LUKrig"), Some("github.com/w3c/vc-data-model-2.0-test-suite"));
    let report = verify(blockcerts.as_bytes(), &expected, &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings, "{:#?}", report.checks);
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Warning, "holder_not_named"));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    let wrong = options(Some("uFLOeUzjbCkc0K-21LUKrig"), Some("evil.example"));
    let report = verify(blockcerts.as_bytes(), &wrong, &Documents::new()).unwrap();
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "domain_mismatch"));

    let spruce = common::read(&dir, "spruceid-ssi/lds-ed25519-2020-vp0.jsonld");
    let issuer0 = common::read(&dir, "spruceid-ssi/lds-ed25519-2020-issuer0.jsonld");
    let mut documents = Documents::new();
    documents.insert("https://example.com/issuer/123", serde_json::from_str(&issuer0).unwrap());
    let report = verify(spruce.as_bytes(), &options(Some("123"), None), &documents).unwrap();
    assert_eq!(member_verdicts(&report), [Verdict::Verified]);
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Failed, "unsupported_verification_method"));
    assert_eq!(report.verdict, Verdict::Unsupported);
}

/// A `did:web` holder: its DID document is asked for through the loop, and the proof's key must
/// be listed under `authentication` (an `assertionMethod` entry does not do).
#[test]
fn a_did_web_holder_is_resolved_through_the_loop() {
    let holder = "did:web:holder.example";
    let key = common::fixtures::presentation::holder_key();
    let vm = format!("{holder}#key-1");
    let mut unsecured = presentation(members());
    unsecured.insert("holder".into(), json!(holder));
    // The options given override the proof's `verificationMethod` before it is signed.
    let options_given = json!({"challenge": CHALLENGE, "domain": DOMAIN, "verificationMethod": vm});
    let proof = proof_for(&unsecured, &key, "authentication", options_given);
    unsecured.insert("proof".into(), proof);
    let vp = Value::Object(unsecured);
    let multibase = method(&key).rsplit_once('#').unwrap().1.to_owned();
    let document = |relation: &str| {
        json!({"id": holder, "verificationMethod": [{"id": "#key-1", "type": "Multikey", "controller": holder,
               "publicKeyMultibase": multibase}], relation: ["#key-1"]})
    };
    let run = |document: Value| {
        let options = options(Some(CHALLENGE), Some(DOMAIN));
        let mut verification = Verification::start(vp.to_string().as_bytes(), &options, Documents::new()).unwrap();
        let needs = verification.needs();
        assert_eq!(needs.len(), 1);
        assert_eq!(needs[0].url.as_deref(), Some("https://holder.example/.well-known/did.json"));
        verification.provide(&needs[0].id, document.to_string().as_bytes());
        assert!(verification.needs().is_empty());
        verification.finish()
    };
    let report = run(document("authentication"));
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
    let report = run(document("assertionMethod"));
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Failed, "key_not_bound_to_holder"));
}

/// The document budget is [`MAX_DOCUMENTS`] for the presentation and as much again for each
/// member, pooled: members whose issuers are all different still get every document they need.
#[test]
fn the_document_budget_grows_with_the_members() {
    let count = 20;
    let enclosed: Vec<Value> = (0..count)
        .map(|i| {
            let mut badge = open_badge(&format!("7e57c0de-0000-4000-8000-0000000005{i:02}"), "Remote", NOW, None);
            badge.insert("issuer".into(), json!({"id": format!("https://issuer-{i}.example/p"), "type": ["Profile"]}));
            let proof = common::fixtures::jcs_proof(&badge, &issuer_key(), &method(&issuer_key()));
            badge.insert("proof".into(), proof);
            Value::Object(badge)
        })
        .collect();
    assert!(count > MAX_DOCUMENTS);
    let vp = held(presentation(enclosed), &holder_key(), challenge_and_domain());
    let options = options(Some(CHALLENGE), Some(DOMAIN));
    let mut verification = Verification::start(vp.to_string().as_bytes(), &options, Documents::new()).unwrap();
    let needs = verification.needs();
    assert_eq!(needs.len(), count);
    for need in needs {
        let doc = json!({"id": need.id, "assertionMethod": [method(&issuer_key())]});
        verification.provide(&need.id, doc.to_string().as_bytes());
    }
    let report = verification.finish();
    assert_eq!(report.verdict, Verdict::Verified);
    assert_eq!(report.members.as_ref().unwrap().verified, count);
}

/// Nothing is computed twice: asking again checks no signature again (the holder's and each
/// member's are checked once).
#[test]
fn each_signature_is_checked_once() {
    let options = options(Some(CHALLENGE), Some(DOMAIN));
    let mut verification = Verification::start(good().to_string().as_bytes(), &options, Documents::new()).unwrap();
    assert!(verification.needs().is_empty());
    assert_eq!(verification.signatures_checked(), 4);
    assert!(verification.needs().is_empty());
    assert_eq!(verification.signatures_checked(), 4);
    assert_eq!(verification.finish().verdict, Verdict::Verified);
}
