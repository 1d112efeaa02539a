//! Input decoding (`input::decode`): whatever the bytes (JSON, a JWS, a URL, a PNG or SVG badge
//! image, anything else), a `Decoded` or an `Error`, never a panic.
#![no_main]

use badge_verifier::{input, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = input::decode(data, &Limits::default());
});
