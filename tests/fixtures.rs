//! The project's own fixtures: the committed files are exactly what `common/fixtures.rs` signs,
//! and each one is judged as its file name says.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use badge_verifier::{verify, Documents, Options, Outcome, Timestamp, Verdict};
use common::fixtures;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn committed_fixtures_are_the_generated_ones() {
    let write = std::env::var("BADGE_VERIFIER_WRITE_FIXTURES").is_ok_and(|v| v == "1");
    for (path, document) in fixtures::all() {
        let text = serde_json::to_string_pretty(&document).unwrap() + "\n";
        let file = fixtures_dir().join(&path);
        if write {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &text).unwrap();
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(committed == text, "{path} is stale: rerun with BADGE_VERIFIER_WRITE_FIXTURES=1");
    }
}

fn judge(path: &std::path::Path) -> badge_verifier::Report {
    let bytes = std::fs::read(path).unwrap();
    let options = Options::at(Timestamp::parse(fixtures::NOW).unwrap());
    verify(&bytes, &options, &Documents::new()).unwrap()
}

#[test]
fn valid_fixtures_verify() {
    let mut count = 0;
    for entry in std::fs::read_dir(fixtures_dir().join("valid")).unwrap() {
        let path = entry.unwrap().path();
        let report = judge(&path);
        assert_eq!(report.verdict, Verdict::Verified, "{}: {report:#?}", path.display());
        assert!(report.checks.iter().all(|c| matches!(c.outcome, Outcome::Passed | Outcome::NotApplicable)));
        count += 1;
    }
    assert!(count >= 3);
}

#[test]
fn invalid_fixtures_fail_with_the_code_in_their_name() {
    let mut count = 0;
    for entry in std::fs::read_dir(fixtures_dir().join("invalid")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let (code, _) = name.split_once("--").expect("<code>--<what>.json");
        let report = judge(&path);
        assert!(
            !matches!(report.verdict, Verdict::Verified | Verdict::VerifiedWithWarnings),
            "{name} verified: {report:#?}"
        );
        let failed: Vec<&str> = report.checks.iter().filter(|c| c.outcome == Outcome::Failed).map(|c| c.code).collect();
        assert!(failed.contains(&code), "{name}: failed codes {failed:?}");
        let expected_verdict = match code {
            "expired" => Verdict::Expired,
            "not_yet_valid" => Verdict::NotYetValid,
            c if c.starts_with("unsupported_") => Verdict::Unsupported,
            _ => Verdict::NotVerified,
        };
        assert_eq!(report.verdict, expected_verdict, "{name}");
        count += 1;
    }
    assert!(count >= 10);
}
