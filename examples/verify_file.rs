//! Prints a credential's checklist: `cargo run --example verify_file -- badge.json [repeat] [ID=FILE]...`.
//! With a repeat count it verifies that many times (for profilers such as callgrind); each
//! `ID=FILE` is a document given up front (a DID document, a status list), as `--doc` in the CLI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use badge_verifier::{verify, Documents, Limits, Options, Timestamp};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: verify_file <credential.json> [repeat] [ID=FILE]...");
    let repeat: usize = args.next().map_or(1, |n| n.parse().expect("repeat count"));
    let mut documents = Documents::new();
    for pair in args {
        let (id, file) = pair.split_once('=').expect("ID=FILE");
        documents.insert_json(id, &std::fs::read(file).expect("readable document"), &Limits::default()).unwrap();
    }
    let bytes = std::fs::read(&path).expect("readable file");
    let options = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let mut report = verify(&bytes, &options, &documents);
    for _ in 1..repeat {
        report = verify(&bytes, &options, &documents);
    }
    match report {
        Ok(report) => {
            println!("{path}: {:?}", report.verdict);
            for check in &report.checks {
                println!("  {:?} {:?} {}: {}", check.id, check.outcome, check.code, check.message);
            }
        }
        Err(error) => println!("{path}: error {} ({error})", error.code()),
    }
}
