//! Helpers shared by the integration tests: where the third-party vectors are, and hex.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

pub mod cbor;
pub mod conformance;
pub mod fixtures;
pub mod hostile;
pub mod sd_select;

use std::path::PathBuf;

/// The third-party vectors (`$BADGE_VERIFIER_VECTORS`, default `../shared/vectors`), or `None`
/// after saying loudly that they are missing. With `BADGE_VERIFIER_REQUIRE_VECTORS=1` (CI) a
/// missing folder fails the test instead.
pub fn vectors_dir(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("BADGE_VERIFIER_VECTORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors"));
    if dir.join("MANIFEST.json").is_file() {
        return Some(dir);
    }
    let required = std::env::var("BADGE_VERIFIER_REQUIRE_VECTORS").is_ok_and(|v| v == "1");
    assert!(!required, "third-party vectors not found at {} and BADGE_VERIFIER_REQUIRE_VECTORS=1", dir.display());
    eprintln!(
        "\n!!! SKIPPED {test}: third-party vectors not found at {} (set BADGE_VERIFIER_VECTORS). NOT PASSED. !!!\n",
        dir.display()
    );
    None
}

/// Reads a vector file as text.
pub fn read(dir: &std::path::Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Lower-case hex decoding for test vectors.
pub fn hex(text: &str) -> Vec<u8> {
    let text = text.trim();
    assert!(text.len().is_multiple_of(2), "odd hex length");
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

/// Lower-case hex encoding.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
