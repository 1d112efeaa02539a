//! What real issuers produce (`../shared/real-world`, `$BADGE_VERIFIER_REAL_WORLD`), quirks
//! included: every entry of its manifest judged as the manifest says, offline with the documents
//! it lists; and each quirk its README names given a deliberate answer, shown on a fixture of our
//! own test issuer (signed, so only the quirk decides):
//!
//! | quirk | answer |
//! | --- | --- |
//! | date-only `validFrom` / `validUntil` (CogniPilot) | refused: `invalid_date`, naming the field (VC 2.0 requires `dateTimeStamp`; a date names no instant) |
//! | seven (or more) fractional-second digits | accepted (XML Schema allows any number) |
//! | a proof `created` without a time zone (bloxberg) | refused: `malformed_proof`, naming `created` (VC Data Integrity: `dateTimeStamp`) |
//! | a PKCS#1 `RSA PUBLIC KEY` where SPKI is expected | accepted (`src/key/pem.rs`; tested in `src/key/public_key/tests.rs`) |
//! | OB 1.x fields in OB 2.0, `1EdTechRevocationList`, recipient type `id` | `tests/ob2.rs`, `tests/recipient_vectors.rs` |
//! | status lists mixing context versions, without `u`, unsigned | `tests/status_lists.rs` |
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(not(target_arch = "wasm32"), feature = "full"))]

mod common;

use std::path::PathBuf;

use badge_verifier::{verify, CheckId, Documents, InputFormat, Limits, Options, Outcome, Report, Timestamp, Verdict};
use common::fixtures;
use serde_json::{json, Map, Value};

fn real_world(test: &str) -> Option<PathBuf> {
    let vectors = common::vectors_dir(test)?;
    Some(std::env::var_os("BADGE_VERIFIER_REAL_WORLD").map_or_else(|| vectors.join("../real-world"), PathBuf::from))
}

fn verdict_name(report: &Report) -> String {
    serde_json::to_value(report.verdict).unwrap().as_str().unwrap().to_owned()
}

fn codes(report: &Report) -> Vec<(CheckId, &'static str)> {
    report.checks.iter().map(|check| (check.id, check.code)).collect()
}

/// Entries that cannot be judged offline: what their `offlineExpectation` allows, by format.
fn offline_expectation(format: &str) -> &'static [&'static str] {
    match format {
        // Its three documents are all there: verified under OB 1.0 rules.
        "ob1-hosted" => &["verified"],
        // "not_verified or a clear unsupported version answer".
        "ob05-hosted" => &["unsupported"],
        // MerkleProof2019 on an Ethereum address: "never verified".
        "blockcerts" => &["not_verified", "unsupported"],
        // Baked images whose hosted copies or keys are not among the files.
        _ => &["not_verified"],
    }
}

/// Every entry, each format: a judgeable one gets one of its `acceptableVerdicts`, the others
/// what their offline expectation allows; none of them is `verified` without its documents.
#[test]
fn every_real_world_entry_is_judged_as_the_manifest_says() {
    let Some(dir) = real_world("every_real_world_entry_is_judged_as_the_manifest_says") else { return };
    let manifest: Value = serde_json::from_str(&common::read(&dir, "manifest.json")).unwrap();
    let options = Options::at(Timestamp::parse(manifest["now"].as_str().unwrap()).unwrap());
    let entries = manifest["entries"].as_array().unwrap();
    for entry in entries {
        let (file, format) = (entry["file"].as_str().unwrap(), entry["format"].as_str().unwrap());
        let mut documents = Documents::new();
        for doc in entry["docs"].as_array().unwrap() {
            if let Some(path) = doc["file"].as_str() {
                let bytes = std::fs::read(dir.join(path)).unwrap();
                documents.insert_json(doc["url"].as_str().unwrap(), &bytes, &Limits::default()).unwrap();
            }
        }
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let (verdict, report) = match verify(&bytes, &options, &documents) {
            Ok(report) => (verdict_name(&report), Some(report)),
            // An image with nothing baked in is an error, not a verdict.
            Err(error) => ("error".to_owned(), {
                assert_eq!(format, "png-without-badge", "{file}: {error}");
                None
            }),
        };
        let details = report.as_ref().map(codes);
        let allowed: Vec<&str> = if entry["judgeable"] == true {
            entry["acceptableVerdicts"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()
        } else {
            offline_expectation(format).to_vec()
        };
        assert!(allowed.contains(&verdict.as_str()), "{file}: {verdict}, allowed {allowed:?}; {details:?}");
        if let Some(report) = &report {
            if format.ends_with("baked-png") && entry["judgeable"] != true {
                assert_eq!(report.input, InputFormat::BakedPng, "{file}");
                assert!(!report.needs.is_empty(), "{file}: says which documents it needs");
            }
        }
    }
    assert_eq!(entries.len(), 19, "the manifest grew: judge the new entries deliberately");
}

fn options() -> Options {
    Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap())
}

fn judge(credential: &Map<String, Value>) -> Report {
    verify(&serde_json::to_vec(credential).unwrap(), &options(), &Documents::new()).unwrap()
}

fn failed(report: &Report) -> Vec<(CheckId, &'static str, String)> {
    report
        .checks
        .iter()
        .filter(|check| check.outcome == Outcome::Failed)
        .map(|check| (check.id, check.code, check.message.clone()))
        .collect()
}

fn badge_with(field: &str, value: &str) -> Map<String, Value> {
    let mut badge = fixtures::open_badge("4d0c1b0e-quirk", "Quirk", "2025-01-01T00:00:00Z", None);
    badge.insert(field.into(), json!(value));
    badge
}

#[test]
fn a_date_only_valid_from_is_refused_naming_the_field() {
    for (field, value) in [("validFrom", "2025-12-21"), ("validUntil", "2027-12-21")] {
        let report = judge(&fixtures::signed_rdfc(badge_with(field, value), "eddsa-rdfc-2022"));
        assert_eq!(report.verdict, Verdict::NotVerified, "{field}");
        let failures = failed(&report);
        assert!(!failures.is_empty(), "{field}");
        for (_, code, message) in &failures {
            assert_eq!(*code, "invalid_date", "{field}: {failures:?}");
            assert!(message.contains(field) && message.contains(value), "{message}");
        }
        // The signature itself is sound: only the date is refused.
        assert_eq!(report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap().outcome, Outcome::Passed);
    }
}

#[test]
fn seven_fractional_second_digits_are_accepted() {
    for suite in ["eddsa-rdfc-2022", "eddsa-jcs-2022"] {
        let badge = badge_with("validFrom", "2025-01-01T08:38:36.1234567Z");
        let signed =
            if suite == "eddsa-jcs-2022" { fixtures::signed(badge) } else { fixtures::signed_rdfc(badge, suite) };
        let report = judge(&signed);
        assert_eq!(report.verdict, Verdict::Verified, "{suite}: {:?}", failed(&report));
    }
}

#[test]
fn a_proof_created_without_a_time_zone_is_refused_naming_it() {
    let mut signed = fixtures::signed(badge_with("validFrom", "2025-01-01T00:00:00Z"));
    signed["proof"]["created"] = json!("2025-10-06T18:07:05.362613");
    let report = judge(&signed);
    assert_eq!(report.verdict, Verdict::NotVerified);
    let proof = report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
    assert_eq!((proof.code, proof.outcome), ("malformed_proof", Outcome::Failed));
    assert!(proof.message.contains("created"), "{}", proof.message);
}
