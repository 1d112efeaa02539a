//! The JSON-LD contexts this verifier knows. Contexts are never fetched: an unknown context URL
//! fails the `contexts` check (`unknown_context`). For eddsa-jcs-2022 the signature covers the
//! JSON itself, so knowing the URL is enough; the RDFC suites (issue 3) add the bundled,
//! hash-pinned context documents behind these same URLs.

/// Every context URL accepted, sorted (the URLs of `shared/vectors/contexts/INDEX.json`).
pub const KNOWN_CONTEXTS: &[&str] = &[
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    "https://w3id.org/blockcerts/v3",
    "https://w3id.org/blockcerts/v3.1",
    "https://w3id.org/blockcerts/v3.2",
    "https://w3id.org/citizenship/v2",
    "https://w3id.org/citizenship/v4rc1",
    "https://w3id.org/dcc/v1",
    "https://w3id.org/openbadges/v1",
    "https://w3id.org/openbadges/v2",
    "https://w3id.org/security/data-integrity/v1",
    "https://w3id.org/security/data-integrity/v2",
    "https://w3id.org/security/jwk/v1",
    "https://w3id.org/security/multikey/v1",
    "https://w3id.org/security/suites/chained-2021/v1",
    "https://w3id.org/security/suites/ed25519-2018/v1",
    "https://w3id.org/security/suites/ed25519-2020/v1",
    "https://w3id.org/security/suites/jws-2020/v1",
    "https://w3id.org/security/suites/merkle-2019/v1",
    "https://w3id.org/security/suites/secp256k1-2019/v1",
    "https://w3id.org/security/suites/x25519-2019/v1",
    "https://w3id.org/security/v1",
    "https://w3id.org/security/v2",
    "https://w3id.org/vc-revocation-list-2020/v1",
    "https://w3id.org/vc/status-list/2021/v1",
    "https://www.w3.org/2018/credentials/examples/v1",
    "https://www.w3.org/2018/credentials/v1",
    "https://www.w3.org/ns/cid/v1",
    "https://www.w3.org/ns/credentials/examples/v2",
    "https://www.w3.org/ns/credentials/status/v1",
    "https://www.w3.org/ns/credentials/undefined-terms/v2",
    "https://www.w3.org/ns/credentials/v2",
    "https://www.w3.org/ns/did/v1",
    "https://www.w3.org/ns/odrl.jsonld",
];

/// Whether `url` is a context this verifier knows.
pub fn is_known(url: &str) -> bool {
    KNOWN_CONTEXTS.binary_search(&url).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_for_binary_search() {
        assert!(KNOWN_CONTEXTS.windows(2).all(|w| matches!(w, [a, b] if a < b)));
        assert!(is_known("https://www.w3.org/ns/credentials/v2"));
        assert!(!is_known("https://evil.example/context"));
    }
}
