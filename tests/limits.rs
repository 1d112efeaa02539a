//! Every limit, hit: each test builds a hostile input in code just over one cap (never a big file
//! in the repository) and asserts the stable code it gets. The inputs just *under* the caps are
//! `benches/worst`'s (same builders: `tests/common/hostile.rs`), which prints what they cost.
//!
//! Limits tested elsewhere, beside their code: SVG nesting and PNG chunk count
//! (`src/baked/tests.rs`), the inflated status list (`src/status/tests.rs`, a gzip bomb), PEM,
//! did:jwk and multibase lengths (`src/key/`), RDFC recursion depth (`src/rdfc/tests.rs`), the
//! CLI's fetched-document cap (`tests/cli_online.rs`, `too_large`).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::HashSet;

use badge_verifier::jsonld::{self, MAX_BLANK_NODES, MAX_QUADS, MAX_WORK};
use badge_verifier::proof::MAX_PROOFS;
use badge_verifier::rdf::Term;
use badge_verifier::verification::MAX_DOCUMENTS;
use badge_verifier::{
    verify, Contexts, Documents, Limits, Options, Outcome, Report, Timestamp, Unavailable, Verification,
};
use common::hostile;
use serde_json::Value;

fn options() -> Options {
    Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap())
}

/// The code `verify` refuses `input` with.
fn refused(input: &[u8]) -> &'static str {
    verify(input, &options(), &Documents::new()).map(|r| format!("{:?}", r.verdict)).unwrap_err().code()
}

fn report(input: &[u8]) -> Report {
    verify(input, &options(), &Documents::new()).unwrap()
}

/// The codes of the failed checks.
fn failed(report: &Report) -> Vec<&'static str> {
    report.checks.iter().filter(|c| c.outcome == Outcome::Failed).map(|c| c.code).collect()
}

#[test]
fn input_size() {
    let limit = Limits::default().max_input_bytes;
    let n = limit - hostile::long_string(0, 1).len();
    assert_eq!(hostile::long_string(n, 1).len(), limit);
    assert_eq!(failed(&report(&hostile::long_string(n, 1))), ["signature_mismatch"]);
    assert_eq!(refused(&hostile::long_string(n + 1, 1)), "input_too_large");
    // A badge image and a JWT are inputs too: capped before they are read.
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(limit + 1, 0);
    assert_eq!(refused(&png), "input_too_large");
    let jwt = format!("eyJhbGciOiJFZERTQSJ9.{}.c2ln", "A".repeat(limit));
    assert_eq!(refused(jwt.as_bytes()), "input_too_large");
}

#[test]
fn json_depth() {
    let depth = Limits::default().max_depth;
    // The credential, its subject and the property's array are three levels.
    assert_eq!(failed(&report(&hostile::deep_arrays(1, depth - 3, 1))), ["signature_mismatch"]);
    assert_eq!(refused(&hostile::deep_arrays(1, depth - 2, 1)), "json_too_deep");
}

#[test]
fn json_arrays_and_objects() {
    let limit = Limits::default().max_containers;
    let fits = |n| hostile::alike_leaves(n, 1).iter().filter(|&&b| b == b'{' || b == b'[').count() <= limit;
    let n = hostile::fill(
        |input| input.iter().filter(|&&b| b == b'{' || b == b'[').count() <= limit,
        |n| hostile::alike_leaves(n, 1),
    );
    assert!(fits(n) && !fits(n + 1));
    assert_ne!(
        verify(&hostile::alike_leaves(n, 1), &options(), &Documents::new()).map(|_| ()),
        Err(badge_verifier::Error::JsonTooComplex { what: "arrays and objects", limit })
    );
    assert_eq!(refused(&hostile::alike_leaves(n + 1, 1)), "json_too_complex");
}

#[test]
fn json_values() {
    let limit = Limits::default().max_values;
    let n =
        hostile::fill(|input| badge_verifier::json::parse(input, &Limits::default()).is_ok(), |n| hostile::nulls(n, 1));
    assert!(n > limit - 64, "{n}");
    assert_eq!(refused(&hostile::nulls(n + 1, 1)), "json_too_complex");
}

#[test]
fn proofs_per_credential() {
    assert_eq!(failed(&report(&hostile::long_string(1, MAX_PROOFS))), ["signature_mismatch"; MAX_PROOFS]);
    assert_eq!(failed(&report(&hostile::long_string(1, MAX_PROOFS + 1))), ["too_many_proofs"]);
}

#[test]
fn expansion_work() {
    // `null`s yield no quad: only the step budget stops them.
    let under = hostile::nulls(MAX_WORK - 100, 1);
    assert_eq!(failed(&report(&under)), ["signature_mismatch"]);
    let over = hostile::nulls(MAX_WORK, 1);
    assert_eq!(failed(&report(&over)), ["expansion_limit"]);
}

#[test]
fn quads() {
    // The subject's own quads and the proof's come beside the array's values.
    assert_eq!(failed(&report(&hostile::wide_array(MAX_QUADS - 16, 1))), ["signature_mismatch"]);
    assert_eq!(failed(&report(&hostile::wide_array(MAX_QUADS + 1, 1))), ["expansion_limit"]);
    assert_eq!(failed(&report(&hostile::many_types(MAX_QUADS + 1, 1))), ["expansion_limit"]);
    // A list: two quads per item, counted as they are written.
    assert_eq!(failed(&report(&hostile::list_chain(MAX_QUADS / 2 + 1, 1))), ["expansion_limit"]);
}

#[test]
fn blank_nodes() {
    assert_eq!(failed(&report(&hostile::alike_leaves(MAX_BLANK_NODES - 4, 1))), ["signature_mismatch"]);
    assert_eq!(failed(&report(&hostile::alike_leaves(MAX_BLANK_NODES + 1, 1))), ["expansion_limit"]);
    // A list of scalars: one blank node per item, no node object.
    assert_eq!(failed(&report(&hostile::list_chain(MAX_BLANK_NODES + 1, 1))), ["expansion_limit"]);
}

#[test]
fn canonicalization_work() {
    // Ten alike blank nodes, each linked to the nine others: 9! orders of neighbours per node.
    // Far under the blank node cap; the work budget of Hash N-Degree Quads stops it.
    assert_eq!(failed(&report(&hostile::clique(10, 1))), ["canonicalization_limit"]);
    // Four: canonicalized. So are a thousand alike nodes that only hang off one node.
    assert_eq!(failed(&report(&hostile::clique(4, 1))), ["signature_mismatch"]);
    assert_eq!(failed(&report(&hostile::alike_under_blank(1000, 1))), ["signature_mismatch"]);
    // A ring of alike nodes recurses around the ring: its recursion cap stops a long one.
    assert_eq!(failed(&report(&hostile::ring(8, 1))), ["signature_mismatch"]);
    assert_eq!(failed(&report(&hostile::ring(200, 1))), ["canonicalization_limit"]);
}

#[test]
fn every_proof_gets_the_limit_code() {
    // The document is canonicalized once however many proofs sign it: each still reports why.
    let eight = report(&hostile::clique(10, MAX_PROOFS));
    assert_eq!(failed(&eight), ["canonicalization_limit"; MAX_PROOFS]);
    assert_eq!(
        failed(&report(&hostile::jcs(hostile::long_string(10, MAX_PROOFS)))),
        ["signature_mismatch"; MAX_PROOFS]
    );
}

#[test]
fn documents_per_verification() {
    let entries: Vec<String> = (0..MAX_DOCUMENTS + 4)
        .map(|n| {
            format!(
                r#"{{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1","statusListCredential":"https://lists.example/{n}"}}"#
            )
        })
        .collect();
    let input = String::from_utf8(hostile::long_string(1, 1)).unwrap().replacen(
        r#""proof":"#,
        &format!(r#""credentialStatus":[{}],"proof":"#, entries.join(",")),
        1,
    );
    let mut verification = Verification::start(input.as_bytes(), &options(), Documents::new()).unwrap();
    let mut asked = 0;
    while let needs @ [_, ..] = verification.needs().as_slice() {
        for need in needs {
            asked += 1;
            verification.unavailable(&need.id, Unavailable::HttpStatus(404));
        }
    }
    assert_eq!(asked, MAX_DOCUMENTS);
    let report = verification.finish();
    let over = report.checks.iter().filter(|c| c.message.contains(&format!("already used {MAX_DOCUMENTS} documents")));
    assert_eq!(over.count(), 4);
}

#[test]
fn provided_documents_are_parsed_under_the_same_limits() {
    let did = "did:web:issuer.example";
    let input = String::from_utf8(hostile::long_string(1, 1)).unwrap().replace(hostile::ISSUER, did);
    let mut verification = Verification::start(input.as_bytes(), &options(), Documents::new()).unwrap();
    let need = verification.needs().into_iter().next().unwrap();
    let huge = format!(r#"{{"id":"{did}","pad":"{}"}}"#, "a".repeat(Limits::default().max_input_bytes));
    verification.provide(&need.id, huge.as_bytes());
    let report = verification.finish();
    let key = report.checks.iter().find(|c| c.code == "document_unavailable").unwrap();
    assert!(key.message.contains("input_too_large"), "{}", key.message);
}

/// What each real credential in the vectors needs, beside the limits: the limits must leave room.
#[test]
fn real_credentials_are_far_below_every_limit() {
    let Some(vectors) = common::vectors_dir("real_credentials_are_far_below_every_limit") else { return };
    let mut files = Vec::new();
    let mut stack = vec![vectors.clone(), vectors.join("../real-world")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json" || e == "jsonld") {
                files.push(path);
            }
        }
    }
    let contexts = Contexts::new();
    let (mut quads, mut blanks, mut containers, mut values, mut checked) = (0, 0, 0, 0, 0);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(Value::Object(mut document)) = serde_json::from_slice::<Value>(&bytes) else { continue };
        if !document.contains_key("@context") || !document.contains_key("credentialSubject") {
            continue;
        }
        let brackets = bytes.iter().filter(|&&b| b == b'{' || b == b'[').count();
        containers = containers.max(brackets);
        values = values.max(brackets + bytes.iter().filter(|&&b| b == b',').count() + 1);
        document.remove("proof");
        let Ok(rdf) = jsonld::to_rdf(&document, &contexts) else { continue };
        let labels: HashSet<&str> = rdf
            .iter()
            .flat_map(|q| [Some(&q.subject), Some(&q.object), q.graph.as_ref()])
            .filter_map(|t| match t {
                Some(Term::BlankNode(label)) => Some(label.as_str()),
                _ => None,
            })
            .collect();
        quads = quads.max(rdf.len());
        blanks = blanks.max(labels.len());
        checked += 1;
    }
    let limits = Limits::default();
    println!(
        "largest of {checked} real credentials: {quads} quads (cap {MAX_QUADS}), {blanks} blank nodes (cap {MAX_BLANK_NODES}), \
         {containers} arrays and objects (cap {}), at most {values} values (cap {})",
        limits.max_containers, limits.max_values
    );
    assert!(checked > 100, "{checked}");
    assert!(quads * 20 <= MAX_QUADS && blanks * 20 <= MAX_BLANK_NODES, "{quads} {blanks}");
    assert!(containers * 20 <= limits.max_containers && values * 20 <= limits.max_values, "{containers} {values}");
}
