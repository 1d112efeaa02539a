//! Properties over generated inputs: `verify` never panics; any change to a signed credential
//! that changes its JSON makes it not verified; only safe URL schemes reach the badge view.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

use badge_verifier::badge::{safe_image_url, safe_link_url};
use badge_verifier::{verify, Documents, Options, Timestamp, Verdict};
use proptest::prelude::*;
use serde_json::Value;

const VALID: &str = include_str!("fixtures/valid/open-badge-3.json");

fn options() -> Options {
    Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap())
}

fn is_verified(bytes: &[u8]) -> bool {
    matches!(
        verify(bytes, &options(), &Documents::new()).map(|r| r.verdict),
        Ok(Verdict::Verified | Verdict::VerifiedWithWarnings)
    )
}

/// Every string leaf of a JSON value, as a JSON pointer.
fn string_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(at),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| string_pointers(v, format!("{at}/{i}"), out)),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| string_pointers(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = verify(&bytes, &options(), &Documents::new());
    }

    #[test]
    fn never_panics_on_json_like_text(text in r#"[\[\]{}",:0-9a-z@ \\.-]{0,512}"#) {
        let _ = verify(text.as_bytes(), &options(), &Documents::new());
    }

    #[test]
    fn any_byte_change_that_changes_the_json_is_not_verified(index in 0..VALID.len(), mask in 1u8..=255) {
        let mut bytes = VALID.as_bytes().to_vec();
        bytes[index] ^= mask;
        let original: Value = serde_json::from_str(VALID).unwrap();
        let same_json = serde_json::from_slice::<Value>(&bytes).is_ok_and(|v| v == original);
        prop_assume!(!same_json);
        prop_assert!(!is_verified(&bytes), "byte {index} ^ {mask:#x} still verified");
    }

    #[test]
    fn any_changed_string_is_not_verified(pick in any::<prop::sample::Index>(), replacement in "[a-zA-Z0-9 :/#.-]{0,40}") {
        let mut credential: Value = serde_json::from_str(VALID).unwrap();
        let mut pointers = Vec::new();
        string_pointers(&credential, String::new(), &mut pointers);
        let pointer = pick.get(&pointers);
        let target = credential.pointer_mut(pointer).unwrap();
        prop_assume!(target.as_str() != Some(replacement.as_str()));
        *target = Value::String(replacement);
        prop_assert!(!is_verified(credential.to_string().as_bytes()), "{pointer} changed and still verified");
    }

    #[test]
    fn only_safe_url_schemes_pass(url in r"[a-zA-Z:/+.;,=_-]{0,40}") {
        if let Some(kept) = safe_image_url(&url) {
            let lower = kept.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("data:image/"), "{kept}");
        }
        if let Some(kept) = safe_link_url(&url) {
            let lower = kept.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"), "{kept}");
        }
    }
}

/// The revoked network badge, its DID document and its revocation list.
fn revoked_badge_and_its_documents() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/network");
    let read = |name: &str| std::fs::read(format!("{dir}/{name}")).unwrap();
    (read("revoked.json"), read("did.json"), read("status/revocation.json"))
}

/// Drives the loop, answering the DID document need with `did` and the status list need with `list`.
fn judge_with(badge: &[u8], did: &[u8], list: &[u8]) -> Verdict {
    let mut verification = badge_verifier::Verification::start(badge, &options(), Documents::new()).unwrap();
    for _ in 0..10 {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        for need in needs {
            let bytes = if need.purpose == badge_verifier::Purpose::StatusList { list } else { did };
            verification.provide(&need.id, bytes);
        }
    }
    verification.finish().verdict
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever the network serves, a revoked badge never comes out verified: a changed DID document
    /// or list can only make it unverifiable or its status unknown.
    #[test]
    fn hostile_documents_never_make_a_revoked_badge_verified(
        which in 0..2usize,
        index in any::<prop::sample::Index>(),
        mask in 1u8..=255,
    ) {
        let (badge, did, list) = revoked_badge_and_its_documents();
        let (mut did, mut list) = (did, list);
        let target = if which == 0 { &mut did } else { &mut list };
        let i = index.index(target.len());
        target[i] ^= mask;
        let verdict = judge_with(&badge, &did, &list);
        prop_assert!(
            matches!(
                verdict,
                Verdict::Revoked | Verdict::VerifiedWithWarnings | Verdict::NotVerified | Verdict::Unsupported
            ),
            "{verdict:?}"
        );
    }
}

#[test]
fn the_untouched_documents_say_revoked() {
    let (badge, did, list) = revoked_badge_and_its_documents();
    assert_eq!(judge_with(&badge, &did, &list), Verdict::Revoked);
}
