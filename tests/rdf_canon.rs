//! The W3C RDFC-1.0 test suite in `shared/vectors/rdf-canon/`: every eval test byte for byte,
//! every map test against its issued identifier map, and the negative "poison" test, which must
//! stop with `canonicalization_limit` quickly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use badge_verifier::rdf::{nquads, Quad};
use badge_verifier::rdfc::{self, Canonical, Limits};
use badge_verifier::Error;
use serde_json::Value;

/// Tests this crate does not pass, with the reason. Empty: every test of the suite runs.
const NOT_PASSED: &[(&str, &str)] = &[];

fn run(test: &Value, input: &[Quad]) -> Result<Canonical, Error> {
    match test["hashAlgorithm"].as_str() {
        None | Some("SHA256") => rdfc::canonicalize(input, &Limits::default()),
        Some("SHA384") => rdfc::canonicalize_sha384(input, &Limits::default()),
        Some(other) => panic!("unknown hash algorithm {other}"),
    }
}

/// Runs one manifest entry: `Ok(())` or why it failed.
fn check(dir: &Path, test: &Value) -> Result<(), String> {
    let input = nquads::parse(&common::read(dir, test["action"].as_str().unwrap())).map_err(|e| e.to_string())?;
    match test["type"].as_str().unwrap() {
        "rdfc:RDFC10EvalTest" => {
            let expected = common::read(dir, test["result"].as_str().unwrap());
            let canonical = run(test, &input).map_err(|e| e.to_string())?;
            let actual = rdfc::to_canonical_nquads(&canonical);
            // The verify path's direct writer (SHA-256 only) must give the same bytes.
            if test["hashAlgorithm"].as_str().is_none_or(|h| h == "SHA256") {
                let direct = rdfc::canonical_nquads(&input, &Limits::default()).map_err(|e| e.to_string())?;
                if direct != actual {
                    return Err(format!("canonical_nquads differs from to_canonical_nquads:\n{direct}"));
                }
            }
            if actual == expected {
                Ok(())
            } else {
                Err(format!("expected:\n{expected}actual:\n{actual}"))
            }
        }
        "rdfc:RDFC10MapTest" => {
            let expected: BTreeMap<String, String> =
                serde_json::from_str(&common::read(dir, test["result"].as_str().unwrap())).unwrap();
            let canonical = run(test, &input).map_err(|e| e.to_string())?;
            let actual: BTreeMap<String, String> = canonical.issued.into_iter().collect();
            if actual == expected {
                Ok(())
            } else {
                Err(format!("expected {expected:?}, got {actual:?}"))
            }
        }
        "rdfc:RDFC10NegativeEvalTest" => {
            let started = Instant::now();
            let result = run(test, &input);
            let elapsed = started.elapsed();
            println!("rdf-canon: poison test {} stopped after {elapsed:?}", test["id"].as_str().unwrap());
            match result {
                // Stopped by the work cap (what bounds its time; the time is printed, and measured
                // by `cargo bench --bench worst`, never asserted: a loaded machine is slow).
                Err(error) if error.code() == "canonicalization_limit" => Ok(()),
                Err(error) => Err(format!("{error} after {elapsed:?}")),
                Ok(_) => Err("canonicalized a poison dataset".into()),
            }
        }
        other => Err(format!("unknown test type {other}")),
    }
}

#[test]
fn w3c_rdf_canon_suite() {
    let Some(vectors) = common::vectors_dir("rdf-canon suite") else { return };
    let dir = vectors.join("rdf-canon");
    let manifest: Value = serde_json::from_str(&common::read(&dir, "manifest.jsonld")).unwrap();
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for test in manifest["entries"].as_array().unwrap() {
        let id = test["id"].as_str().unwrap();
        let kind = match test["type"].as_str().unwrap() {
            "rdfc:RDFC10EvalTest" => "eval",
            "rdfc:RDFC10MapTest" => "map",
            _ => "negative",
        };
        if let Some((_, reason)) = NOT_PASSED.iter().find(|(listed, _)| *listed == id) {
            println!("rdf-canon: NOT RUN {id}: {reason}");
            continue;
        }
        let counts = tally.entry(kind).or_default();
        match check(&dir, test) {
            Ok(()) => counts.0 += 1,
            Err(why) => {
                counts.1 += 1;
                failures.push(format!("{id} ({}): {why}", test["name"].as_str().unwrap_or("")));
            }
        }
    }
    for failure in &failures {
        println!("rdf-canon: FAILED {failure}");
    }
    for (kind, (passed, failed)) in &tally {
        println!("rdf-canon {kind}: {passed} passed, {failed} failed");
    }
    let passed: usize = tally.values().map(|c| c.0).sum();
    println!("rdf-canon: {passed} passed, {} failed, {} not run", failures.len(), NOT_PASSED.len());
    assert!(failures.is_empty(), "{} rdf-canon tests failed", failures.len());
    assert_eq!(passed + NOT_PASSED.len(), 86, "expected the 86 tests of the manifest (64 eval, 21 map, 1 negative)");
}

/// Canonical N-Quads of real credentials and proof options (W3C vc-di-eddsa / vc-di-ecdsa, 1EdTech
/// OB 3.0 / CLR 2.0), also the inputs of the measurement below.
const CREDENTIAL_CANON: &[&str] = &[
    "obv3-spec/test-vectors/obv3p0/document-canon.txt",
    "obv3-spec/test-vectors/obv3p0/proof-canon.txt",
    "obv3-spec/test-vectors/clrv2p0/document-canon.txt",
    "obv3-spec/test-vectors/clrv2p0/proof-canon.txt",
    "w3c-vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt",
    "w3c-vc-di-eddsa/eddsa-rdfc-2022/proofCanonDataInt.txt",
    "w3c-vc-di-eddsa/eddsa-rdfc-2022/employ/canonDocDataInt.txt",
    "w3c-vc-di-eddsa/eddsa-rdfc-2022/employ/proofCanonDataInt.txt",
    "w3c-vc-di-eddsa/Ed25519Signature2020/canonDocEdSig.txt",
    "w3c-vc-di-eddsa/Ed25519Signature2020/proofCanonEdSig.txt",
    "w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256/canonDocECDSAP256.txt",
    "w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/canonDocECDSAP256.txt",
];

/// The quads with every blank node renamed (`c14nN` → `x…`, in reverse) and the lines reversed,
/// as a JSON-LD processor might have produced them.
fn scrambled(text: &str) -> Vec<Quad> {
    let renamed: String = text
        .lines()
        .rev()
        .map(|line| {
            let mut line = line.to_owned();
            for n in (0..64).rev() {
                line = line.replace(&format!("_:c14n{n} "), &format!("_:x{} ", 1000 - n));
            }
            line + "\n"
        })
        .collect();
    nquads::parse(&renamed).unwrap()
}

#[test]
fn credential_canonical_forms_are_fixed_points() {
    let Some(dir) = common::vectors_dir("credential canonical forms") else { return };
    for path in CREDENTIAL_CANON {
        let expected = common::read(&dir, path);
        let canonical = rdfc::canonicalize(&scrambled(&expected), &Limits::default()).unwrap();
        assert_eq!(rdfc::to_canonical_nquads(&canonical), expected, "{path}");
    }
    println!("rdf-canon: {} credential canonical forms reproduced", CREDENTIAL_CANON.len());
}
