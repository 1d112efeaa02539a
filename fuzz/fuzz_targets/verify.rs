//! `verify` must never panic, whatever the bytes: `cargo +nightly fuzz run verify`.
#![no_main]

use badge_verifier::{verify, Documents, Options, Timestamp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = verify(data, &Options::at(Timestamp::from_unix_seconds(1_780_000_000)), &Documents::new());
});
