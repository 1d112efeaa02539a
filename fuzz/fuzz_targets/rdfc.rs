//! RDFC-1.0: N-Quads in, canonical N-Quads out. Besides never panicking, the two ways to the
//! canonical document must agree, and the canonical form must be a fixed point (canonicalising it
//! again changes nothing).
#![no_main]

use badge_verifier::rdf::nquads;
use badge_verifier::rdfc::{self, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(dataset) = nquads::parse(text) else { return };
    let limits = Limits::default();
    let Ok(canonical) = rdfc::canonical_nquads(&dataset, &limits) else { return };
    let relabelled = rdfc::canonicalize(&dataset, &limits).map(|c| rdfc::to_canonical_nquads(&c));
    assert_eq!(relabelled.as_ref(), Ok(&canonical), "canonicalize and canonical_nquads disagree");
    let reparsed = nquads::parse(&canonical);
    assert!(reparsed.is_ok(), "canonical N-Quads do not parse back: {reparsed:?}\n{canonical}");
    if let Ok(again) = reparsed {
        let twice = rdfc::canonical_nquads(&again, &limits);
        assert_eq!(twice.as_ref(), Ok(&canonical), "the canonical form is not a fixed point");
    }
});
