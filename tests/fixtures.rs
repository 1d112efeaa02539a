//! The project's own fixtures: the committed files are exactly what `common/fixtures.rs` signs,
//! and each one is judged as its file name says.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use badge_verifier::{verify, CheckId, Documents, Options, Outcome, Timestamp, Verdict};
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

// ---- network/ : documents served at fixed URLs (the folder's README says which and what to expect)

/// Every network fixture except the DID document, by path, with the documents verification
/// needs offline (the issuer's DID document).
fn network_credentials() -> Vec<(String, serde_json::Value)> {
    fixtures::all().into_iter().filter(|(path, _)| path.starts_with("network/") && path != "network/did.json").collect()
}

fn network_documents() -> Documents {
    let mut documents = Documents::new();
    documents.insert(fixtures::network::ISSUER, fixtures::network::did_document());
    documents
}

#[test]
fn network_fixtures_are_signed_by_their_issuers() {
    let options = Options::at(Timestamp::parse(fixtures::NOW).unwrap());
    let documents = network_documents();
    let credentials = network_credentials();
    assert_eq!(credentials.len(), 6 + 7 + fixtures::network::PAGE_BADGES);
    for (path, credential) in credentials {
        let report = verify(credential.to_string().as_bytes(), &options, &documents).unwrap();
        let code = |id: CheckId| report.checks.iter().find(|c| c.id == id).map(|c| c.code);
        let expected_proof =
            if path.ends_with("revocation-tampered.json") { "signature_mismatch" } else { "signature_valid" };
        assert_eq!(code(CheckId::Proof), Some(expected_proof), "{path}: {report:#?}");
        assert_eq!(code(CheckId::IssuerKey), Some("key_bound_to_issuer"), "{path}");
        assert_eq!(
            (code(CheckId::Format), code(CheckId::Contexts)),
            (Some("format_valid"), Some("contexts_known")),
            "{path}"
        );
        if path.starts_with("network/status/") {
            // The lists are credentials themselves: no status of their own.
            let expected = match path.as_str() {
                "network/status/revocation-tampered.json" => Verdict::NotVerified,
                "network/status/revocation-expired.json" => Verdict::Expired,
                _ => Verdict::Verified,
            };
            assert_eq!(report.verdict, expected, "{path}");
        }
    }
}

#[test]
fn network_badges_read_their_lists_as_the_readme_says() {
    use badge_verifier::report::Passed;
    use badge_verifier::status;
    use badge_verifier::Error;

    let credentials = network_credentials();
    let by_url: std::collections::BTreeMap<String, serde_json::Value> = credentials
        .iter()
        .cloned()
        .filter_map(|(path, doc)| {
            let name = path.strip_prefix("network/status/")?.strip_suffix(".json")?.to_owned();
            Some((fixtures::network::list_url(&name), doc))
        })
        .collect();
    let read = |path: &str| -> Vec<Result<(Passed, Option<Error>), Error>> {
        let (_, badge) = credentials.iter().find(|(p, _)| p == path).unwrap();
        status::entries(badge)
            .into_iter()
            .map(|entry| {
                let entry = entry.unwrap();
                status::read(&entry, &by_url[&entry.list_url], badge["id"].as_str(), fixtures::network::ISSUER)
            })
            .collect()
    };
    let clear = Ok((Passed::NotRevoked, None));
    assert_eq!(read("network/not-revoked.json"), vec![clear.clone()]);
    assert_eq!(read("network/revoked.json"), [Err(Error::Revoked { message: None })]);
    assert_eq!(read("network/suspended.json"), [clear.clone(), Err(Error::Suspended { message: None })]);
    // Read without their lists' own checks, these look clear: the lists' proofs, dates and
    // issuer are what a verifier must refuse.
    for path in ["status-list-tampered", "status-list-expired", "status-list-other-issuer"] {
        assert_eq!(read(&format!("network/{path}.json")), vec![clear.clone()], "{path}");
    }
    let short = Ok((Passed::NotRevoked, Some(Error::StatusListShort { length: 100_000 })));
    assert_eq!(read("network/status-list-short.json"), [short]);
    for n in 0..fixtures::network::PAGE_BADGES {
        assert_eq!(read(&format!("network/page/badge-{n:02}.json")), vec![clear.clone()], "badge {n}");
    }
}

#[test]
fn network_readme_lists_every_fixture() {
    let readme = std::fs::read_to_string(fixtures_dir().join("network/README.md")).unwrap();
    for (path, _) in fixtures::all() {
        let Some(file) = path.strip_prefix("network/") else { continue };
        if file.starts_with("page/") {
            continue; // one row for the page's 50 badges
        }
        assert!(readme.contains(&format!("`{file}`")), "network/README.md does not list {file}");
    }
    assert!(readme.contains("`page/badge-NN.json`"));
}
