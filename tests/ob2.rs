//! Open Badges 2.0 through the whole pipeline: 1EdTech's validator samples (`vectors/1edtech-validator/ob20`)
//! driven through the `Verification` loop with an in-memory web that serves their assets at the
//! URLs the samples name (as the validator's own tests do), each judged as EXPECTATIONS.md says;
//! and each negative path (tampered hosted copy, wrong origin, key not owned by the issuer,
//! revoked by list or in place, expired, tampered signature) with its stable code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(not(target_arch = "wasm32"), feature = "ob2"))]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use badge_verifier::{
    CheckId, Documents, InputFormat, Options, Outcome, Report, Timestamp, Unavailable, Verdict, Verification,
};
use serde_json::{json, Value};

const NOW: &str = "2026-06-01T00:00:00Z";

/// The address the samples' recipient hash is of (sha256 with salt `deadsea`).
const RECIPIENT: &str = "nobody@example.org";

fn ob20() -> Option<PathBuf> {
    common::vectors_dir("ob2").map(|dir| dir.join("1edtech-validator/ob20"))
}

/// The validator's test web: `http(s)://example.org/NAME` and `http://example.com/NAME` serve
/// `assets/NAME` (`.json` added when the name has no extension); `self_url` serves `self_bytes`
/// (the sample under test is its own hosted copy).
fn web(dir: &Path, self_url: Option<&str>, self_bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut web = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join("assets")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let stem = name.strip_suffix(".json").unwrap_or(&name).to_owned();
        for host in ["https://example.org/", "http://example.org/", "http://example.com/", "https://example.com/"] {
            web.insert(format!("{host}{name}"), bytes.clone());
            web.insert(format!("{host}{stem}"), bytes.clone());
        }
    }
    if let Some(url) = self_url {
        web.insert(url.to_owned(), self_bytes.to_vec());
    }
    web
}

fn options() -> Options {
    Options::at(Timestamp::parse(NOW).unwrap())
}

/// Drives the loop against `web` (a URL it lacks is a 404); returns the report and the
/// signatures checked.
fn drive(input: &[u8], options: &Options, web: &BTreeMap<String, Vec<u8>>) -> (Report, usize) {
    let mut verification = Verification::start(input, options, Documents::new()).unwrap();
    for _ in 0..10 {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        for need in &needs {
            match need.url.as_deref().and_then(|url| web.get(url)) {
                Some(bytes) => verification.provide(&need.id, bytes),
                None => verification.unavailable(&need.id, Unavailable::HttpStatus(404)),
            }
        }
    }
    let signatures = verification.signatures_checked();
    (verification.finish(), signatures)
}

/// A sample verified against the validator's web, the sample served as its own hosted copy.
fn sample(dir: &Path, name: &str) -> Report {
    let bytes = std::fs::read(dir.join(name)).unwrap();
    let self_url = serde_json::from_slice::<Value>(&bytes).ok().and_then(|v| v["id"].as_str().map(str::to_owned));
    drive(&bytes, &options(), &web(dir, self_url.as_deref(), &bytes)).0
}

fn check(report: &Report, id: CheckId) -> (&'static str, Outcome) {
    let check = report.checks.iter().find(|c| c.id == id).unwrap();
    (check.code, check.outcome)
}

fn codes(report: &Report) -> Vec<(CheckId, &'static str)> {
    report.checks.iter().map(|c| (c.id, c.code)).collect()
}

#[test]
fn the_validator_samples_are_judged_as_upstream_says() {
    let Some(dir) = ob20() else { return };
    let valid = [
        "basic-assertion.json",
        "assertion-with-endorsements.json",
        "basic-assertion-with-allowed-origins.json",
        "basic-assertion-with-allowed-origins-valid-starts-with.json",
        "basic-assertion-with-allowed-origins-valid-multiple-starts-with.json",
        "basic-assertion-with-language.json",
        "assertion-with-extension-node-basic.json",
        "assertion-with-multiple-extensions.json",
        "simple.jwt",
        "simple-not-revoked.jwt",
    ];
    for name in valid {
        let report = sample(&dir, name);
        assert_eq!(report.verdict, Verdict::Verified, "{name}: {:?}", codes(&report));
    }
    let invalid: [(&str, CheckId, &str); 9] = [
        ("basic-assertion-invalid-context.json", CheckId::Contexts, "unknown_context"),
        ("basic-assertion-invalid-type.json", CheckId::Format, "invalid_property"),
        ("basic-assertion-expired.json", CheckId::ValidUntil, "expired"),
        ("basic-assertion-expired-before-issued.json", CheckId::ValidUntil, "expired"),
        ("basic-assertion-in-future.json", CheckId::ValidFrom, "not_yet_valid"),
        ("basic-assertion-with-allowed-origins-invalid-starts-with.json", CheckId::IssuerKey, "ob2_wrong_origin"),
        (
            "basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json",
            CheckId::IssuerKey,
            "ob2_wrong_origin",
        ),
        ("simple-revoked.jwt", CheckId::Status, "revoked"),
        ("basic-assertion-no-public-key.json", CheckId::Format, "format_valid"),
    ];
    for (name, id, code) in invalid {
        let report = sample(&dir, name);
        if code == "format_valid" {
            // Upstream: valid (a hosted assertion whose issuer has no key: nothing to sign with).
            assert_eq!(report.verdict, Verdict::Verified, "{name}: {:?}", codes(&report));
            continue;
        }
        assert_ne!(report.verdict, Verdict::Verified, "{name}");
        assert_eq!(check(&report, id).0, code, "{name}: {:?}", codes(&report));
    }
    assert_eq!(sample(&dir, "simple-revoked.jwt").verdict, Verdict::Revoked);
    assert_eq!(sample(&dir, "basic-assertion-expired.json").verdict, Verdict::Expired);
}

/// Samples upstream judges on grounds this verifier does not check (JSON-LD class validation,
/// extension schemas, a `data:` image in an assertion), each with what it answers and why — the
/// one place for these judgements:
/// - `assertion-with-data-image.json` (upstream invalid: OB 2.0 says an Assertion's `image` is an
///   IRI, and the validator refuses a `data:` one): the hosted copy, key and dates are sound; a
///   `data:` image is shown safely or not at all (badge::safe_image_url), so this is verified.
/// - `assertion-with-extension-node-invalid.json` (upstream invalid: an extension's JSON schema
///   fails): extension schemas are not fetched or checked; verified.
/// - `rdf-validation/*` and `badge-class-with-language.json`, `issuer-compact-iri-validation.json`
///   are BadgeClass / Profile documents, not assertions: `not_a_credential` or a format failure.
/// - `warning-with-redirection.json` (upstream warning: the validator's server redirects the
///   BadgeClass URL): the loop's host follows redirects, the in-memory web serves the document:
///   verified.
/// - `warning-issuer-non-http.json` (upstream warning: the issuer id is `urn:uuid:`): the
///   assertion's origin is judged against the host the Profile was served from: verified.
/// - `redirected-validation-subject.json`: upstream's file carries `//` comments: not JSON.
#[test]
fn samples_upstream_judges_on_other_grounds_never_crash() {
    let Some(dir) = ob20() else { return };
    for name in ["assertion-with-data-image.json", "assertion-with-extension-node-invalid.json"] {
        let report = sample(&dir, name);
        assert_eq!(report.verdict, Verdict::Verified, "{name}: {:?}", codes(&report));
    }
    for name in ["warning-with-redirection.json", "warning-issuer-non-http.json"] {
        let report = sample(&dir, name);
        assert_eq!(report.verdict, Verdict::Verified, "{name}: {:?}", codes(&report));
    }
    // Upstream's file carries `//` comments (it documents the test server): not JSON.
    let commented = std::fs::read(dir.join("redirected-validation-subject.json")).unwrap();
    let error = Verification::start(&commented, &options(), Documents::new()).unwrap_err();
    assert_eq!(error.code(), "malformed_json");
}

#[test]
fn a_signed_assertion_checks_its_signature_once_and_reads_the_list_after() {
    let Some(dir) = ob20() else { return };
    let bytes = std::fs::read(dir.join("simple-revoked.jwt")).unwrap();
    let mut verification = Verification::start(&bytes, &options(), Documents::new()).unwrap();
    let web = web(&dir, None, &[]);
    let mut rounds = Vec::new();
    loop {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        rounds.push(needs.iter().map(|n| n.id.clone()).collect::<Vec<_>>());
        for need in &needs {
            verification.provide(&need.id, &web[need.url.as_deref().unwrap()]);
        }
    }
    assert_eq!(verification.signatures_checked(), 1);
    // The key with the BadgeClass, then the issuer, then (signature verified) its list.
    let key_and_badge = vec![
        "http://example.org/key3.json".to_owned(),
        "https://example.org/badge-from-organization-with-revocation-list.json".to_owned(),
    ];
    let mut first = rounds[0].clone();
    first.sort();
    assert_eq!(first, key_and_badge, "{rounds:?}");
    assert_eq!(rounds.len(), 3, "{rounds:?}");
    assert_eq!(rounds.last().unwrap(), &vec!["http://example.org/revocation-list.json".to_owned()], "{rounds:?}");
    let report = verification.finish();
    assert_eq!(report.verdict, Verdict::Revoked);
    assert_eq!(report.input, InputFormat::Jwt);
}

#[test]
fn the_recipient_is_the_hashed_identity() {
    let Some(dir) = ob20() else { return };
    let bytes = std::fs::read(dir.join("simple.jwt")).unwrap();
    let web = web(&dir, None, &[]);
    let mut options = options();
    options.recipient = Some(RECIPIENT.to_uppercase());
    let (report, _) = drive(&bytes, &options, &web);
    assert_eq!(check(&report, CheckId::Recipient).0, "recipient_matches");
    assert_eq!(report.verdict, Verdict::Verified);
    options.recipient = Some("somebody@example.org".to_owned());
    let (report, _) = drive(&bytes, &options, &web);
    assert_eq!(check(&report, CheckId::Recipient), ("recipient_mismatch", Outcome::Failed));
    assert_eq!(report.verdict, Verdict::NotVerified);
}

/// Our own hosted issuer: assertion, BadgeClass and Profile on `https://issuer.example`.
fn hosted_web(assertion: &Value) -> BTreeMap<String, Vec<u8>> {
    let mut web = BTreeMap::new();
    let badge = json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
        "id": "https://issuer.example/badges/rust", "name": "Rust", "description": "Wrote Rust.",
        "image": "https://issuer.example/rust.png", "criteria": {"narrative": "Ship a crate."},
        "issuer": "https://issuer.example/profile"});
    let profile = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Profile",
        "id": "https://issuer.example/profile", "name": "Example Issuer", "url": "https://issuer.example"});
    web.insert("https://issuer.example/badges/rust".to_owned(), serde_json::to_vec(&badge).unwrap());
    web.insert("https://issuer.example/profile".to_owned(), serde_json::to_vec(&profile).unwrap());
    web.insert(assertion["id"].as_str().unwrap().to_owned(), serde_json::to_vec(assertion).unwrap());
    web
}

fn hosted_assertion() -> Value {
    json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
        "id": "https://issuer.example/assertions/1",
        "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
        "badge": "https://issuer.example/badges/rust", "issuedOn": "2025-01-01T00:00:00Z",
        "verification": {"type": "HostedBadge"}})
}

#[test]
fn a_hosted_assertion_verifies_and_shows_its_badge_class() {
    let assertion = hosted_assertion();
    let mut options = options();
    options.recipient = Some("Alice@Example.org".to_owned());
    let (report, signatures) = drive(&serde_json::to_vec(&assertion).unwrap(), &options, &hosted_web(&assertion));
    assert_eq!(report.verdict, Verdict::Verified, "{:?}", codes(&report));
    assert_eq!(signatures, 0);
    assert_eq!(check(&report, CheckId::IssuerKey).0, "hosted_by_issuer");
    assert_eq!(check(&report, CheckId::Proof).0, "hosted_copy_matches");
    assert_eq!(check(&report, CheckId::Recipient).0, "recipient_matches");
    let view = report.badge.unwrap();
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["name"], "Rust");
    assert_eq!(json["issuer"]["name"], "Example Issuer");
    assert_eq!(json["achievement"]["criteriaNarrative"], "Ship a crate.");
    assert_eq!(json["image"]["url"], "https://issuer.example/rust.png");
    // A list of trusted issuers: the Profile's id is what is on it (or not).
    let mut trusting = options.clone();
    trusting.trusted_issuers = Some(vec!["https://issuer.example/profile".to_owned()]);
    let (trusted, _) = drive(&serde_json::to_vec(&assertion).unwrap(), &trusting, &hosted_web(&assertion));
    assert_eq!(check(&trusted, CheckId::IssuerTrust), ("issuer_trusted", Outcome::Passed));
    trusting.trusted_issuers = Some(vec!["https://other.example/profile".to_owned()]);
    let (untrusted, _) = drive(&serde_json::to_vec(&assertion).unwrap(), &trusting, &hosted_web(&assertion));
    assert_eq!(check(&untrusted, CheckId::IssuerTrust), ("issuer_not_trusted", Outcome::Failed));
    assert_eq!(untrusted.verdict, Verdict::NotVerified);
    // Given only its URL, the hosted copy is the assertion.
    let (by_url, _) = drive(b"https://issuer.example/assertions/1", &options, &hosted_web(&assertion));
    assert_eq!(by_url.verdict, Verdict::Verified, "{:?}", codes(&by_url));
}

#[test]
fn each_hosted_negative_path_has_its_code() {
    let assertion = hosted_assertion();
    let given = |edit: &dyn Fn(&mut Value)| {
        let mut copy = assertion.clone();
        edit(&mut copy);
        serde_json::to_vec(&copy).unwrap()
    };
    // Tampered: the holder changed the date; the issuer's copy says otherwise.
    let tampered = given(&|a| a["issuedOn"] = json!("2020-01-01T00:00:00Z"));
    let (report, _) = drive(&tampered, &options(), &hosted_web(&assertion));
    assert_eq!(check(&report, CheckId::Proof), ("ob2_hosted_mismatch", Outcome::Failed));
    assert_eq!(report.verdict, Verdict::NotVerified);
    // Wrong origin: hosted on a host that is not the issuer's.
    let mut elsewhere = assertion.clone();
    elsewhere["id"] = json!("https://evil.example/assertions/1");
    let (report, _) = drive(&serde_json::to_vec(&elsewhere).unwrap(), &options(), &hosted_web(&elsewhere));
    assert_eq!(check(&report, CheckId::IssuerKey), ("ob2_wrong_origin", Outcome::Failed));
    assert_eq!(report.verdict, Verdict::NotVerified);
    // Revoked in place: the issuer's copy says so; the holder's copy (from before) does not.
    let mut revoked = assertion.clone();
    revoked["revoked"] = json!(true);
    revoked["revocationReason"] = json!("issued in error");
    let (report, _) = drive(&serde_json::to_vec(&assertion).unwrap(), &options(), &hosted_web(&revoked));
    assert_eq!(check(&report, CheckId::Proof).0, "hosted_copy_matches");
    assert_eq!(check(&report, CheckId::Status), ("revoked", Outcome::Failed));
    assert_eq!(report.verdict, Verdict::Revoked);
    // Expired.
    let mut expired = assertion.clone();
    expired["expires"] = json!("2026-01-01T00:00:00Z");
    let (report, _) = drive(&serde_json::to_vec(&expired).unwrap(), &options(), &hosted_web(&expired));
    assert_eq!(check(&report, CheckId::ValidUntil), ("expired", Outcome::Failed));
    assert_eq!(report.verdict, Verdict::Expired);
    // Gone: the issuer revoked it by answering 410 at its URL.
    let mut gone = hosted_web(&assertion);
    gone.remove("https://issuer.example/assertions/1");
    let mut verification =
        Verification::start(&serde_json::to_vec(&assertion).unwrap(), &options(), Documents::new()).unwrap();
    loop {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        for need in needs {
            match gone.get(&need.id) {
                Some(bytes) => verification.provide(&need.id, bytes),
                None => verification.unavailable(&need.id, Unavailable::HttpStatus(410)),
            }
        }
    }
    let report = verification.finish();
    assert_eq!(check(&report, CheckId::Status), ("revoked", Outcome::Failed));
    assert_eq!(check(&report, CheckId::Proof).1, Outcome::Unchecked);
    assert_eq!(report.verdict, Verdict::NotVerified, "nothing shows the badge given is the one revoked");
    // Offline: the hosted copy cannot be had; never verified.
    let (report, _) = drive(&serde_json::to_vec(&assertion).unwrap(), &options(), &BTreeMap::new());
    assert_eq!(check(&report, CheckId::Proof).1, Outcome::Unchecked);
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert!(report.needs.contains(&"https://issuer.example/assertions/1".to_owned()), "{:?}", report.needs);
    // A BadgeClass that names no issuer.
    let mut web = hosted_web(&assertion);
    web.insert("https://issuer.example/badges/rust".to_owned(), br#"{"type":"BadgeClass","name":"x"}"#.to_vec());
    let (report, _) = drive(&serde_json::to_vec(&assertion).unwrap(), &options(), &web);
    assert_eq!(check(&report, CheckId::IssuerKey).0, "ob2_document_invalid");
}

#[test]
fn each_signed_negative_path_has_its_code() {
    let Some(dir) = ob20() else { return };
    let token = std::fs::read_to_string(dir.join("simple.jwt")).unwrap();
    let token = token.trim();
    // Key not owned: the issuer Profile does not list the key.
    let mut web = web(&dir, None, &[]);
    let mut profile: Value = serde_json::from_slice(&web["https://example.org/organization.json"]).unwrap();
    profile.as_object_mut().unwrap().remove("publicKey");
    web.insert("https://example.org/organization.json".to_owned(), serde_json::to_vec(&profile).unwrap());
    let (report, signatures) = drive(token.as_bytes(), &options(), &web);
    assert_eq!(check(&report, CheckId::IssuerKey), ("ob2_key_not_owned", Outcome::Failed));
    assert_eq!(check(&report, CheckId::Proof).0, "skipped");
    assert_eq!((report.verdict, signatures), (Verdict::NotVerified, 0));
    // Key whose owner is someone else.
    let mut web = self::web(&dir, None, &[]);
    let mut key: Value = serde_json::from_slice(&web["http://example.org/key1.json"]).unwrap();
    key["owner"] = json!("https://evil.example/profile");
    web.insert("http://example.org/key1.json".to_owned(), serde_json::to_vec(&key).unwrap());
    let (report, _) = drive(token.as_bytes(), &options(), &web);
    assert_eq!(check(&report, CheckId::IssuerKey).0, "ob2_key_not_owned");
    // Tampered signature: the last signature byte flipped.
    let (signed, signature) = token.rsplit_once('.').unwrap();
    let mut bytes = signature.as_bytes().to_vec();
    let last = bytes.len() - 2;
    bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
    let tampered = format!("{signed}.{}", String::from_utf8(bytes).unwrap());
    let (report, _) = drive(tampered.as_bytes(), &options(), &self::web(&dir, None, &[]));
    assert_eq!(check(&report, CheckId::Proof), ("signature_mismatch", Outcome::Failed));
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn a_baked_png_is_judged_as_its_assertion() {
    let Some(dir) = ob20() else { return };
    let image = std::fs::read(dir.join("simple-badge.png")).unwrap();
    // The baked copy (no `evidence`, unlike basic-assertion.json) is what its id serves.
    let Some(vectors) = common::vectors_dir("a_baked_png_is_judged_as_its_assertion") else { return };
    let assertion = common::read(&vectors, "baked-extracted/1edtech-validator__ob20__simple-badge.png.txt");
    let web = web(&dir, Some("https://example.org/beths-robotics-badge.json"), assertion.as_bytes());
    let (report, _) = drive(&image, &options(), &web);
    assert_eq!(report.verdict, Verdict::Verified, "{:?}", codes(&report));
    assert_eq!(report.input, InputFormat::BakedPng);
}

mod tampering {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Any member of a hosted assertion changed, added or removed by its holder: never
        /// verified against the issuer's copy, and never a panic.
        #[test]
        fn any_change_to_a_hosted_assertion_is_not_verified(
            member in prop::sample::select(vec!["id", "recipient", "badge", "issuedOn", "verification", "expires", "evidence", "@context", "type"]),
            value in prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                "[a-z:/.0-9-]{0,24}".prop_map(Value::from),
                Just(json!({"type": "hosted"})),
            ],
            remove in any::<bool>(),
        ) {
            let original = hosted_assertion();
            let mut tampered = original.clone();
            if remove {
                tampered.as_object_mut().unwrap().remove(member);
            } else {
                tampered[member] = value;
            }
            prop_assume!(tampered != original);
            let web = hosted_web(&original);
            let mut verification = match Verification::start(&serde_json::to_vec(&tampered).unwrap(), &options(), Documents::new()) {
                Ok(verification) => verification,
                Err(_) => return Ok(()), // not even an assertion any more
            };
            for _ in 0..10 {
                let needs = verification.needs();
                if needs.is_empty() {
                    break;
                }
                for need in needs {
                    match need.url.as_deref().and_then(|url| web.get(url)) {
                        Some(bytes) => verification.provide(&need.id, bytes),
                        None => verification.unavailable(&need.id, Unavailable::HttpStatus(404)),
                    }
                }
            }
            let report = verification.finish();
            prop_assert_ne!(report.verdict, Verdict::Verified);
            prop_assert_ne!(report.verdict, Verdict::VerifiedWithWarnings);
        }
    }
}

/// The project's own hosted badge (tests/fixtures/ob2/, the demo page's): verified with its
/// documents, not verified offline, and its card shows the BadgeClass.
#[test]
fn the_projects_hosted_fixture_verifies_with_its_documents() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ob2");
    let mut web = BTreeMap::new();
    for name in ["assertion.json", "badge.json", "issuer.json"] {
        web.insert(format!("https://issuer.badge-verifier.test/ob2/{name}"), std::fs::read(dir.join(name)).unwrap());
    }
    let assertion = std::fs::read(dir.join("assertion.json")).unwrap();
    let (report, _) = drive(&assertion, &options(), &web);
    assert_eq!(report.verdict, Verdict::Verified, "{:?}", codes(&report));
    let badge = serde_json::to_value(report.badge.as_ref().unwrap()).unwrap();
    assert_eq!(badge["name"], "Open Badges 2.0 Hosted Badge");
    let (offline, _) = drive(&assertion, &options(), &BTreeMap::new());
    assert_eq!(offline.verdict, Verdict::NotVerified);
}
