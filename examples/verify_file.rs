//! Prints a credential's checklist: `cargo run --example verify_file -- badge.json [repeat]`.
//! With a repeat count it verifies that many times (for profilers such as callgrind).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use badge_verifier::{verify, Documents, Options, Timestamp};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: verify_file <credential.json> [repeat]");
    let repeat: usize = args.next().map_or(1, |n| n.parse().expect("repeat count"));
    let bytes = std::fs::read(&path).expect("readable file");
    let options = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let mut report = verify(&bytes, &options, &Documents::new());
    for _ in 1..repeat {
        report = verify(&bytes, &options, &Documents::new());
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
