//! Whatever the network serves must never panic the verification, nor make a revoked badge
//! verified: the fuzz bytes answer every document the revoked network fixture asks for.
//! `cargo +nightly fuzz run documents`.
#![no_main]

use badge_verifier::{Documents, Options, Timestamp, Verdict, Verification};
use libfuzzer_sys::fuzz_target;

const REVOKED: &[u8] = include_bytes!("../../tests/fixtures/network/revoked.json");

fuzz_target!(|data: &[u8]| {
    let options = Options::at(Timestamp::from_unix_seconds(1_780_000_000));
    let Ok(mut verification) = Verification::start(REVOKED, &options, Documents::new()) else { return };
    for _ in 0..10 {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        for need in needs {
            verification.provide(&need.id, data);
        }
    }
    let verdict = verification.finish().verdict;
    assert!(!matches!(verdict, Verdict::Verified | Verdict::Suspended | Verdict::Expired), "{verdict:?}");
});
