//! RFC 8785 against cyberphone's vectors in `shared/vectors/jcs/` (input → output, and the hex of
//! the output bytes).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use badge_verifier::{jcs, json, Limits};

#[test]
fn every_jcs_vector_canonicalizes_byte_for_byte() {
    let Some(dir) = common::vectors_dir("jcs vectors") else { return };
    let mut count = 0;
    for entry in std::fs::read_dir(dir.join("jcs/input")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let input = std::fs::read(dir.join("jcs/input").join(&name)).unwrap();
        let expected = std::fs::read(dir.join("jcs/output").join(&name)).unwrap();
        let hex_name = name.replace(".json", ".txt");
        let expected_hex: String = common::read(&dir, &format!("jcs/outhex/{hex_name}")).split_whitespace().collect();
        let value = json::parse(&input, &Limits::default()).unwrap();
        let canonical = jcs::canonicalize(&value).unwrap();
        assert_eq!(canonical.as_bytes(), expected.as_slice(), "{name}");
        assert_eq!(common::to_hex(canonical.as_bytes()), expected_hex, "{name} (hex)");
        count += 1;
    }
    assert_eq!(count, 6, "expected the 6 cyberphone vectors");
    println!("jcs: {count} passed, 0 failed");
}
