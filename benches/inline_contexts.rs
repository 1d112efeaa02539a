//! Native benchmark of credentials that define JSON-LD terms themselves (inline contexts) and of
//! the hash flood such terms could mount: what the ordered term map of a document's own terms
//! (src/jsonld/term_map.rs) costs, and what an unkeyed hash map would have cost instead. Prints
//! tables; run with `cargo bench --bench inline_contexts` (bench profile: opt-level 3).
//!
//! `BADGE_VERIFIER_BENCH_ONLY=rich` runs only 200 verifies of the rich eddsa-rdfc-2022 fixture and
//! prints nothing: the workload to count instructions of (`valgrind --tool=callgrind`).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::hint::black_box;

use badge_verifier::{jsonld, verify, Contexts, Documents, Options, Timestamp, Verdict};
use serde_json::{json, Map, Value};

/// Terms an attacker may define (`jsonld::MAX_DOCUMENT_TERMS`).
const TERMS: usize = 1024;
/// Objects in the flood document, each using every term once.
const OBJECTS: usize = 40;

#[path = "common/measure.rs"]
mod timer;

/// Median ms per call (see `timer::median_seconds`; one warm-up batch).
fn measure(per_batch: u32, batches: u32, f: impl FnMut()) -> f64 {
    timer::median_seconds(per_batch, batches, f) * 1e3
}

/// The FxHash of src/jsonld/term_map.rs (the map of the verifier's own terms), copied.
#[derive(Default)]
struct FxHasher(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `count` 16-byte term names with one and the same FxHash: after the first 8 bytes `w1` the
/// state is `w1·K`; a second word `rotl(w1·K, 5) ^ C` brings every name to `C·K`. Names whose
/// second word is printable ASCII without `:`, `/` or `@` are kept (plain JSON-LD terms).
fn colliding_names(count: usize) -> Vec<String> {
    const C: u64 = 0x4242_4242_4242_4242;
    let ok = |b: u8| (0x20..0x7f).contains(&b) && !matches!(b, b':' | b'/' | b'@');
    let mut names = Vec::with_capacity(count);
    let mut seed = 0u64;
    while names.len() < count {
        seed += 1;
        let first: Vec<u8> = format!("{seed:08}").into_bytes();
        let w1 = u64::from_le_bytes(first.as_slice().try_into().unwrap());
        let w2 = (w1.wrapping_mul(K).rotate_left(5) ^ C).to_le_bytes();
        if w2.iter().all(|&b| ok(b)) {
            names.push(String::from_utf8([first.as_slice(), &w2].concat()).unwrap());
        }
    }
    let hash = |name: &str| BuildHasherDefault::<FxHasher>::default().hash_one(name);
    assert!(names.iter().all(|n| hash(n) == hash(&names[0])), "the names must collide");
    names
}

/// A VC 2.0 document whose inline context defines `names`, and whose subjects use each.
fn flood_document(names: &[String]) -> Map<String, Value> {
    let context: Map<String, Value> =
        names.iter().enumerate().map(|(i, n)| (n.clone(), json!(format!("https://x.example/#t{i}")))).collect();
    let subject: Map<String, Value> = names.iter().map(|n| (n.clone(), json!(1))).collect();
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", context],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": vec![Value::Object(subject); OBJECTS],
    })
    .as_object()
    .cloned()
    .unwrap()
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let now = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let none = Documents::new();
    let read = |file: &str| std::fs::read(format!("{root}/tests/fixtures/valid/{file}")).unwrap();
    let rich = read("open-badge-3-rich-eddsa-rdfc-2022.json");
    if std::env::var("BADGE_VERIFIER_BENCH_ONLY").is_ok_and(|v| v == "rich") {
        for _ in 0..200 {
            black_box(verify(black_box(&rich), &now, &none).unwrap());
        }
        return;
    }

    println!("native (bench profile, opt-level 3), median of 15 batches");
    println!("| what | ms per call |");
    println!("| --- | ---: |");
    for (name, file) in [
        ("eddsa-rdfc-2022 rich OB 3.0, bundled contexts only", "open-badge-3-rich-eddsa-rdfc-2022.json"),
        ("eddsa-rdfc-2022 OB 3.0 with an inline context", "open-badge-3-inline-context-eddsa-rdfc-2022.json"),
        ("eddsa-jcs-2022 OB 3.0 with an inline context", "open-badge-3-inline-context-eddsa-jcs-2022.json"),
        ("eddsa-rdfc-2022 VC 1.1 with a reverse property", "vc-1.1-reverse-property-eddsa-rdfc-2022.json"),
    ] {
        let bytes = read(file);
        assert_eq!(verify(&bytes, &now, &none).unwrap().verdict, Verdict::Verified, "{file}");
        let time = measure(100, 15, || {
            black_box(verify(black_box(&bytes), &now, &none).unwrap());
        });
        println!("| verify: {name} ({} bytes) | {time:.3} |", bytes.len());
    }

    let contexts = Contexts::new();
    let colliding = colliding_names(TERMS);
    let natural: Vec<String> = (0..TERMS).map(|i| format!("term{i}")).collect();
    for (label, names) in [("names chosen to collide under FxHash", &colliding), ("ordinary names", &natural)] {
        let document = flood_document(names);
        let size = Value::Object(document.clone()).to_string().len();
        let quads = jsonld::to_rdf(&document, &contexts).unwrap().len();
        let time = measure(3, 15, || {
            black_box(jsonld::to_rdf(black_box(&document), &contexts).unwrap());
        });
        println!("| JSON-LD → RDF: {TERMS} inline terms, {label}, used {OBJECTS}× ({size} bytes, {quads} quads) | {time:.2} |");
    }
    // The same shape with no inline context: the names through the bundled undefined-terms
    // context's @vocab (what a document of this size costs on the bundled path).
    let mut bundled = flood_document(&natural);
    bundled["@context"] =
        json!(["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2"]);
    let quads = jsonld::to_rdf(&bundled, &contexts).unwrap().len();
    let time = measure(3, 15, || {
        black_box(jsonld::to_rdf(black_box(&bundled), &contexts).unwrap());
    });
    println!("| JSON-LD → RDF: the same {TERMS} ordinary names through a bundled @vocab, used {OBJECTS}× ({quads} quads) | {time:.2} |");
    // What the same names would cost in the verifier's own (FxHash) term map: building it, then one
    // lookup per use in the document above.
    for (label, names) in [("names chosen to collide", &colliding), ("ordinary names", &natural)] {
        let time = measure(3, 15, || {
            let mut map: HashMap<&str, usize, BuildHasherDefault<FxHasher>> = HashMap::default();
            for (i, name) in names.iter().enumerate() {
                map.insert(name, i);
            }
            let mut sum = 0;
            for _ in 0..OBJECTS {
                for name in names {
                    sum += map.get(black_box(name.as_str())).copied().unwrap_or_default();
                }
            }
            black_box(sum);
        });
        println!("| an FxHash map instead: {TERMS} {label}, {} lookups | {time:.2} |", TERMS * OBJECTS);
    }
}
