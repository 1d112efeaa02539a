//! Unbaking a PNG badge (`baked::from_png`): chunks, CRCs, compressed text (zlib, capped).
#![no_main]

use badge_verifier::baked;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = baked::from_png(data, 1024 * 1024);
});
