use serde_json::json;

use super::*;

#[test]
fn tells_assertions_from_other_documents() {
    let ob2 = json!({"@context": CONTEXT, "type": "Assertion", "recipient": {}, "badge": "https://i.example/b"});
    assert_eq!(kind(&ob2), Kind::Assertion);
    let ob1 = json!({"uid": "1", "verify": {"type": "hosted", "url": "https://i.example/a"}, "recipient": "x", "badge": "https://i.example/b"});
    assert_eq!(kind(&ob1), Kind::Assertion);
    let ob05 = json!({"recipient": "sha256$00", "badge": {"version": "0.5.0"}});
    assert_eq!(kind(&ob05), Kind::Version05);
    let vc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]});
    assert_eq!(kind(&vc), Kind::Other);
    assert_eq!(kind(&json!([1])), Kind::Other);
    let badge_class = json!({"@context": CONTEXT, "type": "BadgeClass", "name": "x"});
    assert_eq!(kind(&badge_class), Kind::Linked);
}

#[cfg(feature = "ob2")]
mod verification {
    use serde_json::{json, Value};

    use crate::documents::Documents;
    use crate::report::{CheckId, Outcome, Report, Verdict};
    use crate::timestamp::Timestamp;
    use crate::verify::{verify, Options};

    fn options() -> Options {
        Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap())
    }

    fn line(report: &Report, id: CheckId) -> (&'static str, Outcome) {
        let check = report.checks.iter().find(|c| c.id == id).unwrap();
        (check.code, check.outcome)
    }

    fn embedded(verification: Value) -> Value {
        json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
            "id": "https://issuer.example/a/1",
            "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
            "issuedOn": "2025-01-01",
            "badge": {"type": "BadgeClass", "id": "https://issuer.example/b", "name": "Embedded",
                "issuer": {"type": "Profile", "id": "https://issuer.example/p", "name": "Issuer"}},
            "verification": verification})
    }

    #[test]
    fn a_signed_assertion_without_its_jws_has_no_proof() {
        let assertion = embedded(json!({"type": "SignedBadge", "creator": "https://issuer.example/key"}));
        let report = verify(assertion.to_string().as_bytes(), &options(), &Documents::new()).unwrap();
        assert_eq!(line(&report, CheckId::Proof), ("missing_proof", Outcome::Failed));
        assert_eq!(line(&report, CheckId::IssuerKey), ("skipped", Outcome::Unchecked));
        assert_eq!(report.verdict, Verdict::NotVerified);
        assert!(report.needs.is_empty(), "nothing is fetched for it: {:?}", report.needs);
    }

    #[test]
    fn embedded_documents_need_only_the_hosted_copy() {
        let assertion = embedded(json!({"type": "hosted"}));
        let mut documents = Documents::new();
        documents.insert("https://issuer.example/a/1", assertion.clone());
        let report = verify(assertion.to_string().as_bytes(), &options(), &documents).unwrap();
        assert_eq!(report.verdict, Verdict::Verified, "{:?}", report.checks);
        // A date alone is read as its midnight UTC.
        assert_eq!(line(&report, CheckId::ValidFrom), ("started", Outcome::Passed));
        let offline = verify(assertion.to_string().as_bytes(), &options(), &Documents::new()).unwrap();
        assert_eq!(offline.needs, vec!["https://issuer.example/a/1".to_owned()]);
        assert_eq!(offline.verdict, Verdict::NotVerified);
    }

    #[test]
    fn a_verification_type_and_dates_are_required() {
        let unknown = embedded(json!({"type": "Other"}));
        let report = verify(unknown.to_string().as_bytes(), &options(), &Documents::new()).unwrap();
        assert_eq!(line(&report, CheckId::Format), ("invalid_property", Outcome::Failed));
        let mut bad_date = embedded(json!({"type": "hosted"}));
        bad_date["issuedOn"] = json!("yesterday");
        let report = verify(bad_date.to_string().as_bytes(), &options(), &Documents::new()).unwrap();
        assert_eq!(line(&report, CheckId::Format).0, "invalid_date");
        let mut before = embedded(json!({"type": "hosted"}));
        before["issuedOn"] = json!("2026-08-01T00:00:00Z");
        before["expires"] = json!("2026-07-01T00:00:00Z");
        let report = verify(before.to_string().as_bytes(), &options(), &Documents::new()).unwrap();
        assert_eq!(line(&report, CheckId::ValidUntil).0, "invalid_property");
    }

    #[test]
    fn an_ob05_assertion_is_unsupported() {
        let old = json!({"recipient": "sha256$00", "badge": {"version": "0.5.0", "name": "x"}});
        let report = verify(old.to_string().as_bytes(), &options(), &Documents::new()).unwrap();
        assert_eq!(report.verdict, Verdict::Unsupported);
    }
}

/// A build without `ob2` names the feature for every way an assertion arrives (the page's core
/// wasm then hands it to the full module).
#[cfg(not(feature = "ob2"))]
#[test]
fn a_build_without_ob2_says_not_in_this_build() {
    use crate::documents::Documents;
    use crate::report::Verdict;
    use crate::timestamp::Timestamp;
    use crate::verify::{verify, Options};

    let options = Options::at(Timestamp::from_unix_seconds(1_800_000_000));
    let assertion = json!({"@context": CONTEXT, "type": "Assertion", "id": "https://i.example/a",
        "recipient": {"identity": "x"}, "badge": "https://i.example/b", "verification": {"type": "hosted"}});
    for input in [assertion.to_string(), "https://i.example/a".to_owned()] {
        let report = verify(input.as_bytes(), &options, &Documents::new()).unwrap();
        assert_eq!(report.verdict, Verdict::Unsupported);
        assert_eq!(report.checks.first().map(|c| c.code), Some("not_in_this_build"));
    }
}
