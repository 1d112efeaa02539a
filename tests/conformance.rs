//! Conformance: walks `shared/vectors/MANIFEST.json` and judges every credential vector with an
//! expectation. Vectors of the suites this build implements are judged against the expectation;
//! the others are counted as *not yet supported*, never as passed. Whatever the suite, a vector
//! expected invalid must never come out verified (that would be a verifier fooled).
//! Prints a tally per source.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use badge_verifier::{verify, Documents, Limits, Options, Timestamp, Verdict};
use serde_json::Value;

/// Fixed, so expiry judgements do not change with the calendar (vectors collected 2026-11-22).
const NOW: &str = "2026-11-01T00:00:00Z";

/// Suites this build verifies; a vector is judged only if every proof type it names is here.
const SUPPORTED_SUITES: &[&str] = &["eddsa-jcs-2022"];

/// Third-party vectors judged wrong, with the reason: the one place for such exceptions.
/// (None so far.)
const EXCEPTIONS: &[(&str, &str)] = &[];

/// Folders whose files are not credentials (they have suites of their own: jcs_vectors.rs,
/// ed25519_vectors.rs) or are inputs for other components.
const NOT_CREDENTIALS: &[&str] =
    &["jcs/", "rdf-canon/", "wycheproof/", "ed25519-speccheck/", "jsonld-api/", "jose-cookbook/", "contexts/"];

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    not_yet_supported: usize,
}

/// Documents the vectors need and nobody serves: the harness documents (tests/harness/README.md)
/// and the DID documents shipped beside the DCC vectors, each under its own `id`.
fn harness_documents(vectors: &Path) -> Documents {
    let mut documents = Documents::new();
    let mut add = |path: &Path| {
        let bytes = std::fs::read(path).unwrap();
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        if let Some(id) = value.get("id").and_then(Value::as_str) {
            documents.insert_json(id, &bytes, &Limits::default()).unwrap();
        }
    };
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/harness")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            add(&path);
        }
    }
    let dids = vectors.join("dcc-vc-test-fixtures/dids");
    if let Ok(entries) = std::fs::read_dir(&dids) {
        for entry in entries {
            let did = entry.unwrap().path().join("did.json");
            if did.is_file() {
                add(&did);
            }
        }
    }
    documents
}

fn expected_verdicts(expect: &str) -> Option<&'static [Verdict]> {
    use Verdict::*;
    Some(match expect {
        "valid" | "valid (needs did:web doc)" | "valid (needs issuer0 doc)" => &[Verified],
        "valid(warning)" => &[VerifiedWithWarnings, Verified],
        "invalid (expired)" => &[Expired],
        "invalid (not yet valid)" => &[NotYetValid],
        e if e.starts_with("invalid") => &[NotVerified, Expired, NotYetValid, Unsupported],
        _ => return None,
    })
}

#[test]
fn manifest_vectors_are_judged_as_expected() {
    let Some(dir) = common::vectors_dir("conformance") else { return };
    let manifest: Value = serde_json::from_str(&common::read(&dir, "MANIFEST.json")).unwrap();
    let documents = harness_documents(&dir);
    let options = Options::at(Timestamp::parse(NOW).unwrap());
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for record in manifest["files"].as_array().unwrap() {
        let path = record["path"].as_str().unwrap();
        let expect = record["expect"].as_str().unwrap_or("-");
        let is_credential_file = [".json", ".jsonld", ".jwt", ".png", ".svg"].iter().any(|ext| path.ends_with(ext))
            && !NOT_CREDENTIALS.iter().any(|prefix| path.starts_with(prefix));
        let Some(expected) = expected_verdicts(expect) else { continue };
        if !is_credential_file {
            continue;
        }
        let source = path.split('/').next().unwrap().to_owned();
        let tally = tallies.entry(source).or_default();
        if let Some((_, reason)) = EXCEPTIONS.iter().find(|(p, _)| *p == path) {
            println!("exception {path}: {reason}");
            tally.not_yet_supported += 1;
            continue;
        }
        let bytes = std::fs::read(dir.join(path)).unwrap();
        let outcome = verify(&bytes, &options, &documents);
        let verdict = outcome.as_ref().ok().map(|r| r.verdict);
        let fooled =
            expect.starts_with("invalid") && matches!(verdict, Some(Verdict::Verified | Verdict::VerifiedWithWarnings));
        let proof_type = record["proof_type"].as_str().unwrap_or("");
        let supported = !proof_type.is_empty()
            && proof_type.split(['+', ',']).all(|part| SUPPORTED_SUITES.iter().any(|s| part.trim() == *s));
        if fooled {
            failures.push(format!("{path}: expected {expect}, got {verdict:?} (FOOLED)"));
            tally.failed += 1;
        } else if !supported {
            tally.not_yet_supported += 1;
        } else if verdict.is_some_and(|v| expected.contains(&v)) {
            tally.passed += 1;
        } else {
            let codes = outcome.map(|r| r.checks.iter().map(|c| c.code).collect::<Vec<_>>().join(","));
            failures.push(format!("{path}: expected {expect}, got {verdict:?} {codes:?}"));
            tally.failed += 1;
        }
    }
    println!("\nconformance tally (judged at {NOW}; suites: {SUPPORTED_SUITES:?})");
    println!("| source | passed | failed | not yet supported |");
    println!("| --- | ---: | ---: | ---: |");
    let mut total = Tally::default();
    for (source, tally) in &tallies {
        println!("| {source} | {} | {} | {} |", tally.passed, tally.failed, tally.not_yet_supported);
        total.passed += tally.passed;
        total.failed += tally.failed;
        total.not_yet_supported += tally.not_yet_supported;
    }
    println!("| **total** | {} | {} | {} |", total.passed, total.failed, total.not_yet_supported);
    for failure in &failures {
        println!("FAILED {failure}");
    }
    assert!(failures.is_empty(), "{} conformance failures", failures.len());
    assert!(total.passed >= 1, "no supported vector was judged");
}
