//! The whole verification offline (`verify`, documents given up front, a fixed `now`): whatever
//! the input bytes, a report or an error, never a panic. The test issuer's DID document and
//! status lists are given, so credentials from `tests/fixtures/network` (and mutants of them) get
//! as far as their status; did:key and did:jwk issuers need nothing.
#![no_main]

use std::sync::OnceLock;

use badge_verifier::{verify, Documents, Limits, Options, Timestamp};
use libfuzzer_sys::fuzz_target;

const ISSUER: &str = "did:web:issuer.badge-verifier.test";
const LISTS: &str = "https://issuer.badge-verifier.test/status";

fn documents() -> &'static Documents {
    static DOCUMENTS: OnceLock<Documents> = OnceLock::new();
    DOCUMENTS.get_or_init(|| {
        let limits = Limits::default();
        let mut documents = Documents::new();
        let mut add = |id: &str, bytes: &[u8]| {
            documents.insert_json(id, bytes, &limits).expect("the network fixtures are JSON");
        };
        add(ISSUER, include_bytes!("../../tests/fixtures/network/did.json"));
        add(&format!("{LISTS}/revocation"), include_bytes!("../../tests/fixtures/network/status/revocation.json"));
        add(&format!("{LISTS}/suspension"), include_bytes!("../../tests/fixtures/network/status/suspension.json"));
        documents
    })
}

fuzz_target!(|data: &[u8]| {
    // 2026-06-01T00:00:00Z, the network fixtures' `now`.
    let options = Options::at(Timestamp::from_unix_seconds(1_780_272_000));
    let _ = verify(data, &options, documents());
});
