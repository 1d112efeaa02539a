//! Collections: a top-level JSON array of credentials (a learner's stack) is a container with no
//! proof of its own: its checks are `format` and `members`, each entry judged on its own.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use badge_verifier::verification::members::MAX_MEMBERS;
use badge_verifier::{verify, CheckId, Container, Documents, Options, Outcome, Report, Timestamp, Verdict};
use common::fixtures::presentation::members;
use common::fixtures::{open_badge, signed, NOW};
use serde_json::{json, Value};

fn judge(value: &Value) -> Report {
    verify(value.to_string().as_bytes(), &Options::at(Timestamp::parse(NOW).unwrap()), &Documents::new()).unwrap()
}

fn members_line(report: &Report) -> (Outcome, &'static str) {
    let check = report.checks.iter().find(|c| c.id == CheckId::Members).unwrap();
    (check.outcome, check.code)
}

#[test]
fn an_array_of_verified_credentials_is_a_verified_collection() {
    let report = judge(&Value::Array(members()));
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
    let ids: Vec<CheckId> = report.checks.iter().map(|c| c.id).collect();
    assert_eq!(ids, CheckId::REQUIRED_OF_COLLECTION);
    assert_eq!(members_line(&report), (Outcome::Passed, "members_verified"));
    assert_eq!(report.badge, None);
    let tally = report.members.as_ref().unwrap();
    assert_eq!((tally.container, tally.total, tally.verified), (Container::Collection, 3, 3));
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(value["members"]["container"], "collection");
    assert_eq!(value["members"]["reports"][2]["badge"]["name"], "Member 2");
}

#[test]
fn a_tampered_member_makes_only_it_not_verified_and_the_whole_not_verified() {
    let mut items = members();
    items[1]["name"] = json!("Member 1, changed after signing");
    let expired = signed(open_badge(
        "7e57c0de-0000-4000-8000-000000000199",
        "Old",
        "2020-01-01T00:00:00Z",
        Some("2021-01-01T00:00:00Z"),
    ));
    items.push(Value::Object(expired));
    let report = judge(&Value::Array(items));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(members_line(&report), (Outcome::Failed, "member_not_verified"));
    let tally = report.members.as_ref().unwrap();
    let verdicts: Vec<Verdict> = tally.reports.iter().map(|r| r.verdict).collect();
    assert_eq!(verdicts, [Verdict::Verified, Verdict::NotVerified, Verdict::Verified, Verdict::Expired]);
    assert_eq!(tally.summary, "2 of 4 verified, 1 expired, 1 not verified");
}

#[test]
fn entries_that_are_not_credentials_are_members_that_are_not_verified() {
    let report = judge(&json!([members()[0], 42, {"hello": "world"}]));
    let tally = report.members.as_ref().unwrap();
    assert_eq!((tally.total, tally.verified), (3, 1));
    assert_eq!(tally.reports[1].checks[0].code, "not_a_credential");
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn an_empty_array_is_not_a_credential() {
    let error = verify(b"[]", &Options::at(Timestamp::parse(NOW).unwrap()), &Documents::new()).unwrap_err();
    assert_eq!(error.code(), "not_a_credential");
}

#[test]
fn past_max_members_no_member_is_verified() {
    let one = members()[0].clone();
    let report = judge(&Value::Array(vec![one; MAX_MEMBERS + 1]));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(members_line(&report), (Outcome::Failed, "too_many_members"));
    assert_eq!(report.members.as_ref().unwrap().total, 0);
}

#[test]
fn a_presentation_inside_a_collection_is_not_read_as_a_container() {
    let presentation = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": members(),
    });
    let report = judge(&json!([members()[0], presentation]));
    let tally = report.members.as_ref().unwrap();
    assert_eq!(tally.reports[1].verdict, Verdict::NotVerified);
    assert!(tally.reports[1].members.is_none());
}
