//! A learner's stack (tests/fixtures/portfolio/, made by tests/common/fixtures/portfolio.rs):
//! twelve credentials from five issuers, presented by the learner, and thirty from seven;
//! exactly one expired and one changed after signing. Each is judged on its own, and the tampered
//! one alone is not verified.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(feature = "presentations", feature = "ecdsa", feature = "jwt", not(target_arch = "wasm32")))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use badge_verifier::{
    verify, CheckId, Container, Documents, InputFormat, Options, Outcome, Report, Timestamp, Verdict,
};
use common::fixtures::portfolio::{self, awards, AS_JWT, EXPIRED, STACK_SIZE, TAMPERED};
use common::fixtures::presentation::{CHALLENGE, DOMAIN};
use common::fixtures::NOW;
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/portfolio/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn options(challenge: Option<&str>) -> Options {
    let mut options = Options::at(Timestamp::parse(NOW).unwrap());
    options.challenge = challenge.map(str::to_owned);
    options.domain = Some(DOMAIN.to_owned());
    options
}

fn judge(bytes: &[u8], options: &Options) -> Report {
    verify(bytes, options, &Documents::new()).unwrap()
}

/// A credential's bytes as a host would give them alone: an enveloped VC-JWT is its token.
fn alone(credential: &Value) -> Vec<u8> {
    match credential["id"].as_str().and_then(|id| id.strip_prefix("data:application/vc+jwt,")) {
        Some(token) => token.as_bytes().to_vec(),
        None => credential.to_string().into_bytes(),
    }
}

fn check(report: &Report, id: CheckId) -> (Outcome, &'static str) {
    let check = report.checks.iter().find(|c| c.id == id).unwrap();
    (check.outcome, check.code)
}

fn failed_codes(report: &Report) -> Vec<&'static str> {
    report.checks.iter().filter(|c| c.outcome == Outcome::Failed).map(|c| c.code).collect()
}

/// The verdict each award's credential must get, by position: only the expired and the tampered
/// one differ from `verified`.
fn expected_verdict(serial: u32) -> Verdict {
    match serial {
        EXPIRED => Verdict::Expired,
        TAMPERED => Verdict::NotVerified,
        _ => Verdict::Verified,
    }
}

/// Each member of a stack judged as its award says, with the codes that say why.
fn assert_members_judged_one_by_one(reports: &[Report]) {
    for (award, report) in awards().iter().zip(reports) {
        assert_eq!(report.verdict, expected_verdict(award.serial), "#{} {}: {:#?}", award.serial, award.name, report);
        let expected_failures: &[&str] = match award.serial {
            EXPIRED => &["expired"],
            TAMPERED => &["signature_mismatch"],
            _ => &[],
        };
        assert_eq!(failed_codes(report), expected_failures, "#{}", award.serial);
        let expected_input = if award.serial == AS_JWT { InputFormat::Jwt } else { InputFormat::Json };
        assert_eq!(report.input, expected_input, "#{}", award.serial);
        // The badge view is there for every member, the tampered one's too (shown as not verified).
        let badge = serde_json::to_value(report.badge.as_ref().unwrap()).unwrap();
        assert_eq!(badge["name"], award.name, "#{}", award.serial);
        assert_eq!(badge["issuer"]["id"], award.issuer().did(), "#{}", award.serial);
    }
}

#[test]
fn the_learners_presentation_is_not_verified_as_a_whole_yet_each_member_is_judged_on_its_own() {
    let report = judge(&fixture("learner-presentation.json"), &options(Some(CHALLENGE)));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(check(&report, CheckId::IssuerKey), (Outcome::Passed, "key_bound_to_holder"));
    assert_eq!(check(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(check(&report, CheckId::Members), (Outcome::Failed, "member_not_verified"));
    let members = report.members.as_ref().unwrap();
    assert_eq!(members.container, Container::Presentation);
    assert_eq!((members.total, members.verified), (12, 10));
    let verdicts = BTreeMap::from([(Verdict::Verified, 10), (Verdict::Expired, 1), (Verdict::NotVerified, 1)]);
    assert_eq!(members.verdicts, verdicts);
    assert_eq!(members.summary, "10 of 12 verified, 1 expired, 1 not verified");
    assert_eq!(members.reports.len(), STACK_SIZE);
    assert_members_judged_one_by_one(&members.reports);
    let not_verified: Vec<usize> =
        members.reports.iter().enumerate().filter(|(_, r)| r.verdict == Verdict::NotVerified).map(|(i, _)| i).collect();
    assert_eq!(not_verified, [TAMPERED as usize - 1], "the tampered member alone is not verified");
}

#[test]
fn the_learners_presentation_with_another_challenge_fails_its_own_proof_but_still_judges_each_member() {
    let report = judge(&fixture("learner-presentation.json"), &options(Some("another-challenge")));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert!(failed_codes(&report).contains(&"challenge_mismatch"), "{:#?}", report.checks);
    let members = report.members.as_ref().unwrap();
    assert_eq!(members.summary, "10 of 12 verified, 1 expired, 1 not verified");
    assert_members_judged_one_by_one(&members.reports);
}

#[test]
fn each_of_the_thirty_is_judged_on_its_own_and_only_the_expired_and_the_tampered_fall_short() {
    let thirty: Vec<Value> = serde_json::from_slice(&fixture("thirty.json")).unwrap();
    assert_eq!(thirty.len(), 30);
    let options = options(None);
    let reports: Vec<Report> = thirty.iter().map(|c| judge(&alone(c), &options)).collect();
    assert_members_judged_one_by_one(&reports);
    // The first twelve are the learner's stack, in the same order.
    let stack: Vec<Value> = serde_json::from_slice(&fixture("learner-stack.json")).unwrap();
    assert_eq!(stack[..], thirty[..STACK_SIZE]);
}

/// A top-level JSON array is a collection: no proof of its own, each member judged on its own.
fn assert_collection(name: &str, total: usize) -> Report {
    let report = judge(&fixture(name), &options(None));
    assert_eq!(report.verdict, Verdict::NotVerified, "{name}");
    let ids: Vec<CheckId> = report.checks.iter().map(|c| c.id).collect();
    assert_eq!(ids, CheckId::REQUIRED_OF_COLLECTION, "{name}");
    assert_eq!(check(&report, CheckId::Members), (Outcome::Failed, "member_not_verified"), "{name}");
    let members = report.members.as_ref().unwrap();
    assert_eq!((members.container, members.total, members.verified), (Container::Collection, total, total - 2));
    let verdicts = BTreeMap::from([(Verdict::Verified, total - 2), (Verdict::Expired, 1), (Verdict::NotVerified, 1)]);
    assert_eq!(members.verdicts, verdicts, "{name}");
    assert_eq!(members.summary, format!("{} of {total} verified, 1 expired, 1 not verified", total - 2));
    assert_members_judged_one_by_one(&members.reports);
    report
}

#[test]
fn the_learners_stack_as_a_json_array_is_a_collection_of_twelve_judged_one_by_one() {
    let stack = assert_collection("learner-stack.json", STACK_SIZE);
    // The same members' reports as in the presentation: the container changes nothing about them.
    let presented = judge(&fixture("learner-presentation.json"), &options(Some(CHALLENGE)));
    assert_eq!(stack.members.unwrap().reports, presented.members.unwrap().reports);
}

#[test]
fn the_thirty_as_a_json_array_is_a_collection_of_thirty_judged_one_by_one() {
    assert_collection("thirty.json", 30);
}

/// What the stack is made of, as the issue asks: several issuers (one P-256), one recipient,
/// alignments to one qualification, credits, evidence, an endorsement; thirty from ≥ 6 issuers.
#[test]
fn the_stack_is_a_learners_stack_toward_a_qualification() {
    let options = options(None);
    let thirty: Vec<Value> = serde_json::from_slice(&fixture("thirty.json")).unwrap();
    let views: Vec<Value> =
        thirty.iter().map(|c| serde_json::to_value(judge(&alone(c), &options).badge.unwrap()).unwrap()).collect();
    let issuers = |views: &[Value]| -> BTreeSet<String> {
        views.iter().map(|v| v["issuer"]["id"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(issuers(&views[..STACK_SIZE]).len(), 5);
    assert_eq!(issuers(&views).len(), 7);
    assert_eq!(issuers(&views).iter().filter(|id| id.starts_with("did:key:zDn")).count(), 1, "one P-256 issuer");
    let learner = common::fixtures::did_key(&portfolio::learner_key());
    for (award, credential) in awards().iter().zip(&thirty) {
        if award.serial == AS_JWT {
            assert_eq!(credential["type"], "EnvelopedVerifiableCredential");
            continue;
        }
        assert_eq!(credential["credentialSubject"]["id"], learner.as_str(), "#{}", award.serial);
        assert_eq!(credential["credentialSubject"]["name"], portfolio::LEARNER);
    }
    let toward_certificate = awards()
        .iter()
        .take(STACK_SIZE)
        .filter(|a| a.aligned_to.iter().any(|t| t.name == "Certificate in Data Analytics"))
        .count();
    assert_eq!(toward_certificate, 9);
    let endorsed = &thirty[portfolio::ENDORSED as usize - 1];
    let endorsement = &endorsed["credentialSubject"]["achievement"]["endorsement"][0];
    assert_eq!(endorsement["credentialSubject"]["id"], endorsed["credentialSubject"]["achievement"]["id"]);
    let endorsement_report = judge(endorsement.to_string().as_bytes(), &options);
    assert_eq!(endorsement_report.verdict, Verdict::Verified, "{:#?}", endorsement_report.checks);
}

/// Through the CLI: `verify --json --challenge --domain` prints the nested report, exit 1 (the
/// presentation as a whole is not verified), and the checklist names the tampered member; the
/// thirty as a JSON array are a collection.
#[cfg(feature = "cli")]
#[test]
fn the_cli_prints_the_presentations_nested_report() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/portfolio/learner-presentation.json");
    let cli = |json: bool| {
        let mut args = vec!["verify", "--now", NOW, "--challenge", CHALLENGE, "--domain", DOMAIN, file];
        if json {
            args.insert(1, "--json");
        }
        std::process::Command::new(env!("CARGO_BIN_EXE_badge-verifier")).args(args).output().unwrap()
    };
    let output = cli(true);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["verdict"], "not_verified");
    let members = &report["members"];
    assert_eq!((members["container"].as_str(), members["total"].as_u64()), (Some("presentation"), Some(12)));
    assert_eq!(members["summary"], "10 of 12 verified, 1 expired, 1 not verified");
    let verdicts: Vec<&str> =
        members["reports"].as_array().unwrap().iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    let expected: Vec<&str> = awards().iter().take(STACK_SIZE).map(|a| expected_verdict(a.serial).code()).collect();
    assert_eq!(verdicts, expected);
    let text = String::from_utf8_lossy(&cli(false).stdout).into_owned();
    assert!(text.contains("presentation: 10 of 12 verified, 1 expired, 1 not verified"), "{text}");
    assert!(text.contains("#6 NOT VERIFIED: Supply Chain Data Reporting"), "{text}");
    let array = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/portfolio/thirty.json");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_badge-verifier"))
        .args(["verify", "--json", "--now", NOW, array])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["members"]["container"], "collection");
    assert_eq!(report["members"]["summary"], "28 of 30 verified, 1 expired, 1 not verified");
}

#[test]
fn the_readme_lists_every_portfolio_fixture() {
    let readme = String::from_utf8(fixture("README.md")).unwrap();
    for (path, _) in portfolio::all() {
        let file = path.strip_prefix("portfolio/").unwrap();
        assert!(readme.contains(&format!("`{file}`")), "tests/fixtures/portfolio/README.md does not list {file}");
    }
}
