//! JWT parsing: the compact JWS split and its header judged (`SignedBytes::split`), then read as
//! a VC-JWT (`vc_jwt::open`: the credential and the JWT claims checked against it).
#![no_main]

use badge_verifier::jose::SignedBytes;
use badge_verifier::{vc_jwt, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::default();
    let _ = SignedBytes::split(text, &limits);
    let _ = vc_jwt::open(text, &limits);
});
