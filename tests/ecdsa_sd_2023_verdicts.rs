//! The project's ecdsa-sd-2023 fixtures (tests/common/fixtures/ecdsa_sd.rs) judged by `verify`
//! and by the CLI (`verify --json --offline`): the derived badge is verified with the proof line
//! `signature_valid_selective_disclosure`, each negative variant fails with its stable code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(not(target_arch = "wasm32"), feature = "ecdsa", feature = "cli"))]

mod common;

use std::process::Command;

use badge_verifier::{verify, CheckId, Documents, Options, Outcome, Timestamp, Verdict};
use serde_json::Value;

/// (fixture, verdict, the proof line's code, the failed codes).
const CASES: [(&str, &str, &str, &[&str]); 7] = [
    ("valid/open-badge-3-ecdsa-sd-2023-derived.json", "verified", "signature_valid_selective_disclosure", &[]),
    (
        "valid/open-badge-3-ecdsa-sd-2023-derived-mandatory-only.json",
        "verified",
        "signature_valid_selective_disclosure",
        &[],
    ),
    (
        "invalid/signature_mismatch--ecdsa-sd-2023-disclosed-value-changed.json",
        "not_verified",
        "signature_mismatch",
        &["signature_mismatch"],
    ),
    (
        "invalid/invalid_proof_value--ecdsa-sd-2023-disclosed-statement-removed.json",
        "not_verified",
        "invalid_proof_value",
        &["invalid_proof_value"],
    ),
    (
        "invalid/key_not_bound_to_issuer--ecdsa-sd-2023-signed-by-someone-elses-did-key.json",
        "not_verified",
        "signature_valid_selective_disclosure",
        &["key_not_bound_to_issuer"],
    ),
    (
        "invalid/signature_mismatch--ecdsa-sd-2023-another-key-claiming-the-issuers.json",
        "not_verified",
        "signature_mismatch",
        &["signature_mismatch"],
    ),
    (
        "invalid/selective_disclosure_base_proof--ecdsa-sd-2023-base-proof-given.json",
        "not_verified",
        "selective_disclosure_base_proof",
        &["selective_disclosure_base_proof"],
    ),
];

fn path(fixture: &str) -> String {
    format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn each_fixture_has_its_verdict_and_code() {
    let options = Options::at(Timestamp::parse(common::fixtures::NOW).unwrap());
    for (fixture, verdict, proof_code, failed) in CASES {
        let report = verify(&std::fs::read(path(fixture)).unwrap(), &options, &Documents::new()).unwrap();
        let expected = if verdict == "verified" { Verdict::Verified } else { Verdict::NotVerified };
        assert_eq!(report.verdict, expected, "{fixture}: {report:#?}");
        let proof = report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
        assert_eq!(proof.code, proof_code, "{fixture}");
        let codes: Vec<&str> = report.checks.iter().filter(|c| c.outcome == Outcome::Failed).map(|c| c.code).collect();
        assert_eq!(codes, failed, "{fixture}");
    }
}

#[test]
fn the_cli_says_the_same() {
    let mut args =
        vec!["verify".to_owned(), "--json".into(), "--offline".into(), "--now".into(), common::fixtures::NOW.into()];
    args.extend(CASES.iter().map(|(fixture, ..)| path(fixture)));
    let output = Command::new(env!("CARGO_BIN_EXE_badge-verifier")).args(&args).output().unwrap();
    let reports: Vec<Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(reports.len(), CASES.len());
    for ((fixture, verdict, proof_code, failed), report) in CASES.iter().zip(&reports) {
        assert_eq!(report["verdict"], *verdict, "{fixture}: {report:#}");
        let checks = report["checks"].as_array().unwrap();
        let proof = checks.iter().find(|c| c["id"] == "proof").unwrap();
        assert_eq!(proof["code"], *proof_code, "{fixture}");
        let codes: Vec<&str> =
            checks.iter().filter(|c| c["outcome"] == "failed").map(|c| c["code"].as_str().unwrap()).collect();
        assert_eq!(codes, *failed, "{fixture}");
    }
    assert_eq!(output.status.code(), Some(1), "some inputs fail");
}
