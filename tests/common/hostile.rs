//! Hostile but well-formed credentials, built in code (never committed as files): the worst
//! cases for each limit, used by `tests/limits.rs` (over a limit: refused with its code) and by
//! `benches/worst` (just under the input size: judged or refused, and how fast).
//!
//! Every builder takes a count; [`fill`] finds the count that makes an input a given size.

/// The did:key of the minimal eddsa-rdfc-2022 fixture: resolvable offline, so a verification
/// reaches the proof (whose signature then does not match the hostile document).
pub const ISSUER: &str = "did:key:z6MkvDqGT54cXesYGvABpF1UapVNwjCqRcafi4Px6Thv5T3Z";

/// VC 2.0 and Open Badges 3.0.3 (two published variants: a signature that fails is tried under
/// both). The builders use the terms `alignment` (a link to a node) and `name` (a value) of the
/// Open Badges context, and absolute IRIs as keys where they need many distinct properties.
const CONTEXT: &str =
    r#"["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]"#;

/// One `eddsa-rdfc-2022` proof by [`ISSUER`]; `n` varies `created` so proofs differ.
pub fn proof(n: usize) -> String {
    format!(
        r#"{{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022","created":"2024-01-01T00:00:{:02}Z","proofPurpose":"assertionMethod","verificationMethod":"{ISSUER}#{}","proofValue":"z5rkXwkovJGvGJ2kWufBDVVTmbCvtyZdMWUcyhgx2hVXqEaZCkn8QCRrEuwPfyBGZkbF45J378yayDQo1YLYbQwPT"}}"#,
        n % 60,
        ISSUER.trim_start_matches("did:key:"),
    )
}

/// A credential whose `credentialSubject` is `subject` (JSON text), with `proofs` proofs.
pub fn credential(subject: &str, proofs: usize) -> Vec<u8> {
    let proofs: Vec<String> = (0..proofs).map(proof).collect();
    format!(
        r#"{{"@context":{CONTEXT},"type":["VerifiableCredential"],"issuer":"{ISSUER}","validFrom":"2024-01-01T00:00:00Z","credentialSubject":{subject},"proof":[{}]}}"#,
        proofs.join(",")
    )
    .into_bytes()
}

/// `items` repeated `n` times, comma-separated.
fn repeat(n: usize, item: impl Fn(usize) -> String) -> String {
    (0..n).map(item).collect::<Vec<_>>().join(",")
}

/// `n` blank nodes alike (same first-degree hash) under a named subject: each is only
/// `{"name": "a"}`. Hash N-Degree Quads runs once per node.
pub fn alike_leaves(n: usize, proofs: usize) -> Vec<u8> {
    credential(
        &format!(r#"{{"id":"did:example:s","alignment":[{}]}}"#, repeat(n, |_| r#"{"name":"a"}"#.into())),
        proofs,
    )
}

/// `n` alike blank nodes under a blank subject: every node is related to the one subject,
/// which is related to all `n` (one group of `n` to permute).
pub fn alike_under_blank(n: usize, proofs: usize) -> Vec<u8> {
    credential(&format!(r#"{{"alignment":[{}]}}"#, repeat(n, |_| r#"{"name":"a"}"#.into())), proofs)
}

/// A list of `n` equal items: a chain of `n` alike blank nodes (`rdf:first` / `rdf:rest`).
pub fn list_chain(n: usize, proofs: usize) -> Vec<u8> {
    credential(&format!(r#"{{"id":"did:example:s","name":{{"@list":[{}]}}}}"#, repeat(n, |_| "1".into())), proofs)
}

/// `n` blank nodes in one ring (`_:r0 → _:r1 → … → _:r0`), every node alike.
pub fn ring(n: usize, proofs: usize) -> Vec<u8> {
    let node = |i: usize| format!(r#"{{"id":"_:r{i}","alignment":{{"id":"_:r{}"}}}}"#, (i + 1) % n.max(1));
    credential(&format!(r#"{{"id":"did:example:s","alignment":[{}]}}"#, repeat(n, node)), proofs)
}

/// `n` rings of three alike blank nodes each.
pub fn triangles(n: usize, proofs: usize) -> Vec<u8> {
    let node = |i: usize| {
        let (ring, at) = (i / 3, i % 3);
        format!(r#"{{"id":"_:t{ring}x{at}","alignment":{{"id":"_:t{ring}x{}"}}}}"#, (at + 1) % 3)
    };
    credential(&format!(r#"{{"id":"did:example:s","alignment":[{}]}}"#, repeat(n * 3, node)), proofs)
}

/// `k` alike blank nodes, each linked to every other: Hash N-Degree Quads would try the `(k-1)!`
/// orders of each node's neighbours (the spec's "poison" shape).
pub fn clique(k: usize, proofs: usize) -> Vec<u8> {
    let node = |i: usize| {
        let others: Vec<String> = (0..k).filter(|&j| j != i).map(|j| format!(r#"{{"id":"_:c{j}"}}"#)).collect();
        format!(r#"{{"id":"_:c{i}","alignment":[{}]}}"#, others.join(","))
    };
    credential(&format!(r#"{{"id":"did:example:s","alignment":[{}]}}"#, repeat(k, node)), proofs)
}

/// `n` alike chains of nested blank nodes, each `depth` deep (`{"alignment":{"alignment":…}}`).
pub fn nested_chains(n: usize, depth: usize, proofs: usize) -> Vec<u8> {
    let chain = format!("{}\"a\"{}", r#"{"alignment":"#.repeat(depth), "}".repeat(depth));
    credential(&format!(r#"{{"id":"did:example:s","alignment":[{}]}}"#, repeat(n, |_| chain.clone())), proofs)
}

/// `n` equal strings in one array: one quad once deduplicated.
pub fn equal_strings(n: usize, proofs: usize) -> Vec<u8> {
    credential(&format!(r#"{{"id":"did:example:s","name":[{}]}}"#, repeat(n, |_| r#""a""#.into())), proofs)
}

/// `n` distinct numbers in one array: `n` quads, no blank node.
pub fn wide_array(n: usize, proofs: usize) -> Vec<u8> {
    credential(&format!(r#"{{"id":"did:example:s","alignment":[{}]}}"#, repeat(n, |i| i.to_string())), proofs)
}

/// `n` distinct keys in one object: `n` terms expanded through `@vocab`, `n` quads.
pub fn wide_object(n: usize, proofs: usize) -> Vec<u8> {
    credential(
        &format!(r#"{{"id":"did:example:s",{}}}"#, repeat(n, |i| format!(r#""https://e.example/{i}":1"#))),
        proofs,
    )
}

/// `n` nulls in one array: expansion steps that yield nothing.
pub fn nulls(n: usize, proofs: usize) -> Vec<u8> {
    credential(&format!(r#"{{"id":"did:example:s","name":[{}]}}"#, repeat(n, |_| "null".into())), proofs)
}

/// `n` distinct types on one node: one `rdf:type` quad each.
pub fn many_types(n: usize, proofs: usize) -> Vec<u8> {
    credential(&format!(r#"{{"id":"did:example:s","type":[{}]}}"#, repeat(n, |i| format!(r#""urn:t:{i}""#))), proofs)
}

/// One string of `n` characters.
pub fn long_string(n: usize, proofs: usize) -> Vec<u8> {
    credential(&format!(r#"{{"id":"did:example:s","name":"{}"}}"#, "a".repeat(n)), proofs)
}

/// `n` arrays nested `depth` deep (`[[[…"a"…]]]`): flattened by expansion.
pub fn deep_arrays(n: usize, depth: usize, proofs: usize) -> Vec<u8> {
    let nested = format!("{}\"a\"{}", "[".repeat(depth), "]".repeat(depth));
    credential(&format!(r#"{{"id":"did:example:s","alignment":[{}]}}"#, repeat(n, |_| nested.clone())), proofs)
}

/// The largest count whose input `fits` (`build` grows with its count).
pub fn fill(fits: impl Fn(&[u8]) -> bool, build: impl Fn(usize) -> Vec<u8>) -> usize {
    let (mut low, mut high) = (0usize, 1usize);
    while fits(&build(high)) {
        low = high;
        high *= 2;
    }
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if fits(&build(middle)) {
            low = middle;
        } else {
            high = middle;
        }
    }
    low
}

/// The same input with its proofs in `eddsa-jcs-2022` (JCS instead of RDFC).
pub fn jcs(input: Vec<u8>) -> Vec<u8> {
    String::from_utf8(input).unwrap_or_default().replace("eddsa-rdfc-2022", "eddsa-jcs-2022").into_bytes()
}
