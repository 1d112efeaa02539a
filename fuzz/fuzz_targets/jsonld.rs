//! JSON-LD expansion and conversion to RDF (`jsonld::to_rdf`) with the bundled contexts, then
//! RDFC-1.0 of what it produced: the path every `*-rdfc-*` proof takes. Errors are fine; panics,
//! hangs and unbounded memory are not.
#![no_main]

use badge_verifier::{json, jsonld, rdfc, Contexts, Limits};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(Value::Object(document)) = json::parse(data, &Limits::default()) else { return };
    let Ok(quads) = jsonld::to_rdf(&document, &Contexts::new()) else { return };
    let _ = rdfc::canonical_nquads(&quads, &rdfc::Limits::default());
});
