//! Status, trust and recipient through the whole pipeline: the network fixtures
//! (`tests/fixtures/network/README.md`) driven through the `Verification` loop with an in-memory
//! "web" (each need answered from the committed files, or as unavailable), judged as the README
//! says; and what the loop asks for, in how many rounds, and how many signatures it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use badge_verifier::{
    verify, CheckId, Documents, Need, Options, Outcome, Purpose, Report, Timestamp, Unavailable, Verdict, Verification,
};
use common::fixtures::{self, network};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/network")
}

fn options() -> Options {
    Options::at(Timestamp::parse(fixtures::NOW).unwrap())
}

/// The issuer's web: URL → bytes, as the README serves them.
fn web() -> BTreeMap<String, Vec<u8>> {
    let mut web = BTreeMap::new();
    web.insert(format!("{}/.well-known/did.json", network::ORIGIN), std::fs::read(dir().join("did.json")).unwrap());
    for entry in std::fs::read_dir(dir().join("status")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        web.insert(network::list_url(&name), std::fs::read(&path).unwrap());
    }
    web
}

fn badge(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap()
}

/// Drives the loop against `web`; URLs for which `fail` answers `Some` are unavailable.
/// Returns the report, the needs of each round, and the signatures checked.
fn drive(
    input: &[u8],
    options: &Options,
    fail: impl Fn(&str) -> Option<Unavailable>,
) -> (Report, Vec<Vec<Need>>, usize) {
    let web = web();
    let mut verification = Verification::start(input, options, Documents::new()).unwrap();
    let mut rounds = Vec::new();
    loop {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        assert!(rounds.len() < 10, "the loop does not end");
        for need in &needs {
            let url = need.url.clone().unwrap();
            match (fail(&url), web.get(&url)) {
                (Some(reason), _) => verification.unavailable(&need.id, reason),
                (None, Some(bytes)) => verification.provide(&need.id, bytes),
                (None, None) => verification.unavailable(&need.id, Unavailable::HttpStatus(404)),
            }
        }
        rounds.push(needs);
    }
    let signatures = verification.signatures_checked();
    (verification.finish(), rounds, signatures)
}

fn online(name: &str) -> Report {
    drive(&badge(name), &options(), |_| None).0
}

fn status_codes(report: &Report) -> Vec<(&'static str, Outcome)> {
    report.checks.iter().filter(|c| c.id == CheckId::Status).map(|c| (c.code, c.outcome)).collect()
}

/// A badge file, its verdict, and its status lines.
type Case = (&'static str, Verdict, &'static [(&'static str, Outcome)]);

#[test]
fn each_badge_gets_the_verdict_its_readme_line_gives() {
    use Outcome::*;
    let cases: [Case; 7] = [
        ("not-revoked.json", Verdict::Verified, &[("not_revoked", Passed)]),
        ("revoked.json", Verdict::Revoked, &[("revoked", Failed)]),
        ("suspended.json", Verdict::Suspended, &[("not_revoked", Passed), ("suspended", Failed)]),
        ("status-list-tampered.json", Verdict::VerifiedWithWarnings, &[("status_list_not_verified", Unchecked)]),
        ("status-list-expired.json", Verdict::VerifiedWithWarnings, &[("status_list_expired", Unchecked)]),
        ("status-list-other-issuer.json", Verdict::VerifiedWithWarnings, &[("status_list_wrong_issuer", Unchecked)]),
        ("status-list-short.json", Verdict::VerifiedWithWarnings, &[("status_list_short", Warning)]),
    ];
    for (name, verdict, statuses) in cases {
        let report = online(name);
        assert_eq!(report.verdict, verdict, "{name}: {report:#?}");
        assert_eq!(status_codes(&report), statuses, "{name}");
    }
    let tampered = online("status-list-tampered.json");
    let line = tampered.checks.iter().find(|c| c.id == CheckId::Status).unwrap();
    assert!(line.message.contains("signature_mismatch"), "{}", line.message);
}

#[test]
fn the_same_verdicts_with_every_document_given_up_front() {
    let mut documents = Documents::new();
    for (url, bytes) in web() {
        let id = if url.ends_with("/.well-known/did.json") { network::ISSUER.to_owned() } else { url };
        documents.insert_json(&id, &bytes, &badge_verifier::Limits::default()).unwrap();
    }
    for (name, verdict) in [
        ("not-revoked.json", Verdict::Verified),
        ("revoked.json", Verdict::Revoked),
        ("suspended.json", Verdict::Suspended),
        ("status-list-tampered.json", Verdict::VerifiedWithWarnings),
    ] {
        assert_eq!(verify(&badge(name), &options(), &documents).unwrap().verdict, verdict, "{name}");
    }
}

#[test]
fn the_key_and_the_list_are_asked_for_together_and_each_signature_is_checked_once() {
    let (report, rounds, signatures) = drive(&badge("suspended.json"), &options(), |_| None);
    assert_eq!(report.verdict, Verdict::Suspended);
    let first: Vec<(&str, Purpose)> = rounds[0].iter().map(|n| (n.id.as_str(), n.purpose)).collect();
    assert_eq!(
        first,
        [
            (network::ISSUER, Purpose::ControllerDocument),
            (network::list_url("revocation").as_str(), Purpose::StatusList),
            (network::list_url("suspension").as_str(), Purpose::StatusList),
        ]
    );
    assert_eq!(rounds.len(), 1, "the lists' key is the issuer's, already asked for: {rounds:#?}");
    assert_eq!(signatures, 3, "the badge's proof and each list's, once each");
}

#[test]
fn a_list_that_cannot_be_had_leaves_the_status_unchecked_never_revoked() {
    for reason in [Unavailable::HttpStatus(404), Unavailable::Timeout, Unavailable::TooLarge { limit: 1 }] {
        let (report, _, _) =
            drive(&badge("revoked.json"), &options(), |url| url.contains("/status/").then(|| reason.clone()));
        assert_eq!(report.verdict, Verdict::VerifiedWithWarnings, "{reason}");
        assert_eq!(status_codes(&report), [("document_unavailable", Outcome::Unchecked)]);
        assert_eq!(report.needs, [network::list_url("revocation")]);
    }
}

#[test]
fn a_list_that_is_not_json_is_as_unusable_as_a_missing_one() {
    let web = web();
    let mut verification = Verification::start(&badge("revoked.json"), &options(), Documents::new()).unwrap();
    for need in verification.needs() {
        let url = need.url.clone().unwrap();
        let bytes = if need.purpose == Purpose::StatusList { b"<html>gone</html>".to_vec() } else { web[&url].clone() };
        verification.provide(&need.id, &bytes);
    }
    assert!(verification.needs().is_empty());
    let report = verification.finish();
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
    assert_eq!(status_codes(&report), [("document_unavailable", Outcome::Unchecked)]);
}

#[test]
fn offline_nothing_is_verified() {
    let report = verify(&badge("revoked.json"), &options(), &Documents::new()).unwrap();
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert!(report.needs.contains(&network::ISSUER.to_owned()), "{:?}", report.needs);
}

#[test]
fn a_forged_badge_does_not_have_its_list_read() {
    let mut forged: serde_json::Value = serde_json::from_slice(&badge("revoked.json")).unwrap();
    forged["name"] = serde_json::json!("Forged");
    let (report, _, signatures) = drive(forged.to_string().as_bytes(), &options(), |_| None);
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(status_codes(&report), [("skipped", Outcome::Unchecked)]);
    assert_eq!(signatures, 1, "the list's signature is not checked for a forged badge");
}

#[test]
fn trusted_issuers_and_recipient_through_the_loop() {
    let mut trusting = options();
    trusting.trusted_issuers = Some(vec![network::ORIGIN.to_owned()]);
    assert_eq!(drive(&badge("not-revoked.json"), &trusting, |_| None).0.verdict, Verdict::Verified);
    trusting.trusted_issuers = Some(vec!["did:web:someone-else.example".to_owned()]);
    let report = drive(&badge("not-revoked.json"), &trusting, |_| None).0;
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert!(report.checks.iter().any(|c| c.id == CheckId::IssuerTrust && c.code == "issuer_not_trusted"));

    let subject: serde_json::Value = serde_json::from_slice(&badge("not-revoked.json")).unwrap();
    let holder = subject["credentialSubject"]["id"].as_str().unwrap().to_owned();
    let mut checking = options();
    checking.recipient = Some(holder);
    assert_eq!(drive(&badge("not-revoked.json"), &checking, |_| None).0.verdict, Verdict::Verified);
    checking.recipient = Some("did:example:mallory".into());
    let report = drive(&badge("not-revoked.json"), &checking, |_| None).0;
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert!(report.checks.iter().any(|c| c.id == CheckId::Recipient && c.code == "recipient_mismatch"));
}

#[test]
fn third_party_lists_that_fail_their_own_checks_each_name_why() {
    let Some(vectors) = common::vectors_dir("status list codes (DCC lists)") else { return };
    let lists = "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020";
    let options = Options::at(Timestamp::parse("2026-11-01T00:00:00Z").unwrap());
    for (list, code) in [
        ("expired", "status_list_expired"),
        ("notYetValid", "status_list_not_yet_valid"),
        ("tampered", "status_list_not_verified"),
    ] {
        let credential = vectors.join(format!(
            "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-{list}Status-noExpiry.json"
        ));
        let file = vectors.join(format!("dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/{list}.json"));
        let mut documents = Documents::new();
        let limits = badge_verifier::Limits::default();
        documents.insert_json(&format!("{lists}/{list}"), &std::fs::read(file).unwrap(), &limits).unwrap();
        let report = verify(&std::fs::read(credential).unwrap(), &options, &documents).unwrap();
        assert_eq!(status_codes(&report), [(code, Outcome::Unchecked)], "{list}");
        assert_eq!(report.verdict, Verdict::VerifiedWithWarnings, "{list}");
    }
}
