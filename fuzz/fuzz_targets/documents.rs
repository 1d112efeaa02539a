//! The verification loop (`Verification`) fed hostile documents: a fixed, validly signed but
//! revoked badge (`tests/fixtures/network/revoked.json`) asks for its issuer's DID document and
//! its status list, and the fuzzer answers. Whatever it answers, the badge is never judged
//! verified (nor suspended, nor expired), and no status line says its bit was read as clear.
//!
//! Input: chunks separated by NUL bytes (JSON never holds a raw NUL). Chunk 0, when not empty, is
//! a context document the host registers: its first byte picks which of the badge's context URLs
//! it replaces, the rest is the document. The other chunks answer the needs in the order they
//! come, round after round (cycling when there are more needs than chunks); an empty chunk
//! answers "unavailable". `scripts/fuzz` seeds it with the real answers (`did.json`, the lists).
#![no_main]

use badge_verifier::{Contexts, Documents, Options, Timestamp, Unavailable, Verdict, Verification};
use libfuzzer_sys::fuzz_target;

const REVOKED: &[u8] = include_bytes!("../../tests/fixtures/network/revoked.json");
const CONTEXTS: [&str; 2] =
    ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];

fuzz_target!(|data: &[u8]| {
    let mut chunks = data.split(|b| *b == 0);
    let mut options = Options::at(Timestamp::from_unix_seconds(1_780_272_000));
    if let Some((selector, context)) = chunks.next().and_then(<[u8]>::split_first) {
        let url = CONTEXTS[usize::from(*selector) % CONTEXTS.len()];
        let mut contexts = Contexts::new();
        if contexts.register(url, context).is_ok() {
            options.contexts = contexts;
        }
    }
    let answers: Vec<&[u8]> = chunks.collect();
    let Ok(mut verification) = Verification::start(REVOKED, &options, Documents::new()) else {
        panic!("the revoked fixture starts")
    };
    let mut next = 0;
    for _ in 0..12 {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        for need in needs {
            match answers.get(next % answers.len().max(1)) {
                Some(answer) if !answer.is_empty() => verification.provide(&need.id, answer),
                _ => verification.unavailable(&need.id, Unavailable::NotProvided),
            }
            next += 1;
        }
    }
    let report = verification.finish();
    assert!(!matches!(report.verdict, Verdict::Verified | Verdict::Suspended | Verdict::Expired), "{report:#?}");
    let read_clear = report.checks.iter().find(|c| matches!(c.code, "not_revoked" | "status_list_short"));
    assert!(read_clear.is_none(), "the revoked bit read as clear: {report:#?}");
});
