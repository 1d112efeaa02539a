//! `docs/SECURITY.md` names a test for each attack: every file it names exists, and every test
//! function it names after a Rust file is in that file, so the threat model cannot point at a
//! test that was renamed or removed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn every_test_the_threat_model_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/SECURITY.md")).unwrap();
    let table = doc.split("## Attacks considered").nth(1).unwrap().split("\n## ").next().unwrap();
    let mut rows = 0;
    for row in table.lines().filter(|line| line.starts_with("| **")) {
        let tests = row.trim_end_matches('|').rsplit('|').next().unwrap();
        let mut file: Option<String> = None;
        let mut named = 0;
        for token in tests.split('`').skip(1).step_by(2) {
            if token.contains('/') {
                let path = token.split('…').next().unwrap().trim_end_matches(['-', ' ']);
                let full = root.join(path);
                // A file, a folder, or the prefix of fixture names (`key_not_bound_to_issuer--…`).
                assert!(full.exists() || token.contains('…'), "{row}\nnames {path}, which does not exist");
                file = full.is_file().then(|| std::fs::read_to_string(&full).unwrap());
                named += 1;
            } else if token.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                if let Some(source) = &file {
                    assert!(source.contains(&format!("fn {token}")), "{row}\nnames `{token}`, not a test in its file");
                }
            }
        }
        assert!(named > 0 || tests.trim() == "—", "{row}\nnames no test");
        rows += 1;
    }
    assert!(rows >= 15, "{rows} attacks");
}
