//! The W3C RDFC-1.0 test suite (shared/vectors/rdf-canon): every evaluation test byte for byte,
//! every issued-identifier map, and the negative (poison) test ending in `canonicalization_limit`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use badge_verifier::rdf::nquads;
use badge_verifier::rdfc::{canonicalize_with, to_canonical_nquads, HashAlgorithm, Limits};

#[test]
fn w3c_rdfc_10_suite() {
    let Some(dir) = common::vectors_dir("rdf-canon suite") else { return };
    let manifest = common::read(&dir, "rdf-canon/manifest.csv");
    let (mut passed, mut failed) = (0, Vec::new());
    for line in manifest.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let (test, kind, map) = (fields[0], fields[fields.len() - 2], fields[fields.len() - 1]);
        let algorithm =
            if fields[fields.len() - 3] == "SHA384" { HashAlgorithm::Sha384 } else { HashAlgorithm::Sha256 };
        let input = nquads::parse(&common::read(&dir, &format!("rdf-canon/rdfc10/{test}-in.nq"))).unwrap();
        let started = Instant::now();
        let result = canonicalize_with(&input, &Limits::default(), algorithm);
        let elapsed = started.elapsed();
        match kind {
            "TRUE" => {
                let canonical = result.unwrap_or_else(|e| panic!("{test}: {e}"));
                let expected = common::read(&dir, &format!("rdf-canon/rdfc10/{test}-rdfc10.nq"));
                if to_canonical_nquads(&canonical) == expected {
                    passed += 1;
                } else {
                    failed.push(format!("{test} (eval)"));
                }
                if map == "TRUE" {
                    let expected: BTreeMap<String, String> =
                        serde_json::from_str(&common::read(&dir, &format!("rdf-canon/rdfc10/{test}-rdfc10map.json")))
                            .unwrap();
                    let ours: BTreeMap<String, String> = canonical.issued.into_iter().collect();
                    if ours == expected {
                        passed += 1;
                    } else {
                        failed.push(format!("{test} (map): {ours:?} != {expected:?}"));
                    }
                }
            }
            "RDFC10NegativeEvalTest" => {
                let code = result.map(|_| ()).map_err(|e| e.code());
                println!("{test}: negative test ended with {code:?} in {elapsed:?}");
                if code == Err("canonicalization_limit") {
                    passed += 1;
                } else {
                    failed.push(format!("{test} (negative): {code:?}"));
                }
            }
            other => panic!("{test}: unknown test kind {other}"),
        }
    }
    println!("rdf-canon: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(passed >= 85, "expected the whole suite ({passed})");
}
