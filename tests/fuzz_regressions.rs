//! What the fuzz targets (`fuzz/fuzz_targets/`, run by `scripts/fuzz`) found, kept as tests of the
//! normal suite: each input built in code, or a tiny file under `tests/fixtures/fuzz/`. Native
//! only (they read fixture files).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code

use std::path::PathBuf;

use badge_verifier::rdf::nquads;
use badge_verifier::{rdfc, Documents, Error, Options, Timestamp, Unavailable, Verdict, Verification};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(name)).unwrap()
}

fn network(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/network").join(name)).unwrap()
}

/// `documents` target: the revoked badge's list URL answered with another genuine, signed list of
/// the same issuer (`revocation-short`, bit 3 clear; its `id` names its own URL). Its bit used to
/// be read: the revoked badge came out not revoked. Now a list whose `id` names another URL is
/// not believed when its bit is clear (`status_list_id_mismatch`: the status is unknown, never
/// `not_revoked`); a set bit still reads as revoked. What is left (docs/SECURITY.md, "Known
/// gaps"): an older copy of the right list, same `id`, its dates inside their window.
#[test]
fn another_list_of_the_issuer_answering_for_the_revocation_list_leaves_the_status_unknown() {
    let options = Options::at(Timestamp::from_unix_seconds(1_780_272_000));
    let mut verification = Verification::start(&network("revoked.json"), &options, Documents::new()).unwrap();
    for _ in 0..4 {
        for need in verification.needs() {
            match need.id.as_str() {
                "did:web:issuer.badge-verifier.test" => verification.provide(&need.id, &network("did.json")),
                "https://issuer.badge-verifier.test/status/revocation" => {
                    verification.provide(&need.id, &network("status/revocation-short.json"));
                }
                _ => verification.unavailable(&need.id, Unavailable::NotProvided),
            }
        }
    }
    let report = verification.finish();
    let codes: Vec<&str> = report.checks.iter().map(|c| c.code).collect();
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings, "{codes:?}");
    assert!(codes.contains(&"status_list_id_mismatch") && !codes.contains(&"not_revoked"), "{codes:?}");
}

/// `rdfc` target (a 1 s timeout on a machine loaded 7× over its cores: 22 ms of CPU per
/// canonicalisation in the instrumented build): ten blank nodes, nearly every pair linked by the
/// same predicate, so Hash N-Degree Quads must permute them. Canonicalised, or refused as
/// `canonicalization_limit`; the two ways to the canonical document agree; its canonical form is
/// a fixed point. Its cost belongs to the RDFC limits' benchmark, not to a timed test.
#[test]
fn ten_alike_blank_nodes_are_canonicalized_or_refused_within_the_work_limit() {
    let dataset = nquads::parse(&fixture("rdfc-ten-alike-blank-nodes.nq")).unwrap();
    let limits = rdfc::Limits::default();
    match rdfc::canonical_nquads(&dataset, &limits) {
        Ok(canonical) => {
            let relabelled = rdfc::to_canonical_nquads(&rdfc::canonicalize(&dataset, &limits).unwrap());
            assert_eq!(relabelled, canonical);
            let again = rdfc::canonical_nquads(&nquads::parse(&canonical).unwrap(), &limits).unwrap();
            assert_eq!(again, canonical);
        }
        Err(error) => assert_eq!(error, Error::CanonicalizationLimit),
    }
}
