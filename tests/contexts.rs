//! Every bundled context equals its pinned upstream file: the SHA-256 recorded in the bundle is
//! the one in shared/vectors/contexts/INDEX.json, the upstream file there still hashes to it, and
//! the bundled (minified) content is that file's content, as JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use badge_verifier::contexts::bundled;
use serde_json::Value;
use sha2::{Digest, Sha256};

#[test]
fn bundled_contexts_match_the_pinned_index() {
    let Some(dir) = common::vectors_dir("bundled contexts vs INDEX.json") else { return };
    let index: Value = serde_json::from_str(&common::read(&dir, "contexts/INDEX.json")).unwrap();
    let index = index.as_array().unwrap();
    // Without `extra-contexts` the bundle is a subsequence of the index: check what stays.
    let index: Vec<&Value> = if cfg!(feature = "extra-contexts") {
        index.iter().collect()
    } else {
        index.iter().filter(|e| bundled().iter().any(|b| b.upstream_sha256 == e["sha256"].as_str().unwrap())).collect()
    };
    assert_eq!(bundled().len(), index.len(), "one bundled context per INDEX.json entry");
    for (entry, bundle) in index.iter().zip(bundled()) {
        let url = entry["url"].as_str().unwrap();
        let pinned = entry["sha256"].as_str().unwrap();
        assert_eq!(bundle.url, url);
        assert_eq!(bundle.upstream_sha256, pinned, "{url}: bundle records another hash");
        let upstream = std::fs::read(dir.join("contexts").join(entry["file"].as_str().unwrap())).unwrap();
        assert_eq!(common::to_hex(&Sha256::digest(&upstream)), pinned, "{url}: upstream file changed");
        let upstream: Value = serde_json::from_slice(&upstream).unwrap();
        let ours: Value = serde_json::from_str(bundle.json).unwrap();
        assert_eq!(ours, upstream, "{url}: bundled content differs from the pinned upstream file");
    }
    println!("contexts: {} passed, 0 failed", index.len());
}

/// Every context of the index is bundled or, in a build without `extra-contexts`, known to be
/// left out (`not_in_this_build`, naming the feature), never both and never neither.
#[test]
fn every_indexed_context_is_bundled_or_known_to_be_left_out() {
    let Some(dir) = common::vectors_dir("bundled or left-out contexts") else { return };
    let index: Value = serde_json::from_str(&common::read(&dir, "contexts/INDEX.json")).unwrap();
    let mut left_out = 0;
    for entry in index.as_array().unwrap() {
        let url = entry["url"].as_str().unwrap();
        match badge_verifier::contexts::left_out(url) {
            Some(feature) => {
                assert!(!badge_verifier::contexts::is_bundled(url), "{url} is bundled and left out");
                assert_eq!(feature.name, "extra-contexts");
                left_out += 1;
            }
            None => assert!(badge_verifier::contexts::is_bundled(url), "{url} is neither bundled nor left out"),
        }
    }
    assert_eq!(left_out > 0, !cfg!(feature = "extra-contexts"));
    assert_eq!(badge_verifier::contexts::left_out("https://evil.example/ctx"), None);
}
