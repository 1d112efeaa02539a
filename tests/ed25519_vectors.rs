//! Ed25519 as the proofs use it (`verify_strict`) against Wycheproof and ed25519-speccheck.
//! The speccheck table, with the reason for each case, is in `docs/ed25519-speccheck.md`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ed25519_dalek::{Signature, VerifyingKey};
use serde_json::Value;

fn verify_strict(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(pk), Ok(sig)) = (<[u8; 32]>::try_from(public_key), <[u8; 64]>::try_from(signature)) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&pk) else { return false };
    key.verify_strict(message, &Signature::from_bytes(&sig)).is_ok()
}

#[test]
fn wycheproof_ed25519_all_151() {
    let Some(dir) = common::vectors_dir("wycheproof ed25519") else { return };
    let suite: Value = serde_json::from_str(&common::read(&dir, "wycheproof/ed25519_test.json")).unwrap();
    let (mut passed, mut failures) = (0, Vec::new());
    for group in suite["testGroups"].as_array().unwrap() {
        let pk = common::hex(group["publicKey"]["pk"].as_str().unwrap());
        for test in group["tests"].as_array().unwrap() {
            let accepted = verify_strict(
                &pk,
                &common::hex(test["msg"].as_str().unwrap()),
                &common::hex(test["sig"].as_str().unwrap()),
            );
            let want = match test["result"].as_str().unwrap() {
                "valid" => true,
                "invalid" => false,
                other => panic!("unexpected result {other}"),
            };
            if accepted == want {
                passed += 1;
            } else {
                failures.push(test["tcId"].as_u64().unwrap());
            }
        }
    }
    println!("wycheproof ed25519: {passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "failed tcIds: {failures:?}");
    assert_eq!(passed, 151);
}

/// What `verify_strict` does with each speccheck case (index = case number).
/// Only case 3 (mixed-order A and R, valid both cofactored and cofactorless) is accepted;
/// see docs/ed25519-speccheck.md for why each other case is refused.
const SPECCHECK_ACCEPTED: [bool; 12] =
    [false, false, false, true, false, false, false, false, false, false, false, false];

#[test]
fn speccheck_table_matches_the_documented_one() {
    let Some(dir) = common::vectors_dir("ed25519-speccheck") else { return };
    let cases: Value = serde_json::from_str(&common::read(&dir, "ed25519-speccheck/cases.json")).unwrap();
    let results: Vec<bool> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|case| {
            verify_strict(
                &common::hex(case["pub_key"].as_str().unwrap()),
                &common::hex(case["message"].as_str().unwrap()),
                &common::hex(case["signature"].as_str().unwrap()),
            )
        })
        .collect();
    assert_eq!(results, SPECCHECK_ACCEPTED);
    // It is the "Dalek strict" row of speccheck's own results table.
    let table = common::read(&dir, "ed25519-speccheck/results.md");
    let row = table.lines().find(|l| l.starts_with("|Dalek strict")).expect("Dalek strict row");
    let upstream: Vec<bool> =
        row.split('|').skip(2).filter(|c| !c.trim().is_empty()).map(|c| c.trim() == "V").collect();
    assert_eq!(upstream, SPECCHECK_ACCEPTED);
    println!("ed25519-speccheck: 12 passed, 0 failed");
}
