//! Unbaking an SVG badge (`baked::from_svg`): the markup scanned for the one credential element.
#![no_main]

use badge_verifier::baked;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = baked::from_svg(data, 1024 * 1024);
});
