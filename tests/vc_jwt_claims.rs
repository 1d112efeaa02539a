//! Third-party VC-JWTs through the JOSE layer and the claim mapping (signatures are judged with
//! the keys, in the verification tests): every token splits and decodes, and each one's claims
//! map onto its credential as VC 1.1 / VC-JOSE-COSE say — or are refused with the code the
//! suite's expectation implies.

#![cfg(feature = "jwt")]
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::Path;

use badge_verifier::jose::CompactJws;
use badge_verifier::json::Limits;
use badge_verifier::key::Algorithm;
use badge_verifier::vc_jwt::{self, Shape};

fn token(dir: &Path, relative: &str) -> CompactJws {
    let text = common::read(dir, relative);
    CompactJws::parse(text.trim(), &Limits::default()).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

#[test]
fn third_party_tokens_map_as_their_specs_say() {
    let cases: &[(&str, Algorithm, Shape, &str)] = &[
        ("1edtech-validator/ob30/simple.jwt", Algorithm::RS256, Shape::VcClaim, "https://example.edu/issuers/565049"),
        (
            "baked-extracted/1edtech-validator__ob30__simple-jwt.png.jwt",
            Algorithm::RS256,
            Shape::PayloadIsCredential,
            "https://1edtech.edu/issuers/565049",
        ),
        (
            "baked-extracted/1edtech-validator__ob30__simple-jwt_v1.svg.jwt",
            Algorithm::RS256,
            Shape::VcClaim,
            "https://example.edu/issuers/565049",
        ),
        ("spruceid-ssi/vc.jwt", Algorithm::PS256, Shape::VcClaim, "did:example:foo"),
        (
            "w3c-vc-jose-cose-test-suite/input/credential-jose-minimal.txt",
            Algorithm::ES256,
            Shape::PayloadIsCredential,
            "https://example.issuer/vc-jose-cose",
        ),
        (
            "w3c-vc-jose-cose-test-suite/input/credential-issuer-match-signed.txt",
            Algorithm::EdDSA,
            Shape::PayloadIsCredential,
            "https://example.issuer/vc-jose-cose",
        ),
    ];
    let Some(dir) = common::vectors_dir("third-party VC-JWT claim mapping") else { return };
    for (path, algorithm, shape, issuer) in cases {
        let jws = token(&dir, path);
        assert_eq!(jws.header.algorithm, *algorithm, "{path}");
        let enveloped = vc_jwt::credential(&jws).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(enveloped.shape, *shape, "{path}");
        let found = &enveloped.credential["issuer"];
        let found = found.as_str().or_else(|| found["id"].as_str());
        assert_eq!(found, Some(*issuer), "{path}");
    }
}

#[test]
fn spruceid_jwt_vc_gets_issuer_and_subject_from_its_claims() {
    let Some(dir) = common::vectors_dir("SpruceID vc.jwt claim mapping") else { return };
    let jws = token(&dir, "spruceid-ssi/vc.jwt");
    let credential = vc_jwt::credential(&jws).unwrap().credential;
    assert_eq!(credential["issuer"], "did:example:foo");
    assert_eq!(credential["credentialSubject"]["id"], "urn:uuid:9d41faa8-f2ec-4c3a-9f15-69d3b9648750");
    // issuanceDate "2021-08-02T16:17:50.505Z" and nbf 1627921070 agree at whole seconds.
    assert_eq!(credential["issuanceDate"], "2021-08-02T16:17:50.505Z");
}

#[test]
fn vc_jose_cose_failures_fail_for_their_own_reason() {
    let cases = [
        ("w3c-vc-jose-cose-test-suite/input/credential-jose-bad-media-type.txt", "jws_media_type_invalid"),
        ("w3c-vc-jose-cose-test-suite/input/credential-jose-vc-vp-claims.txt", "jwt_claims_invalid"),
    ];
    let Some(dir) = common::vectors_dir("VC-JOSE-COSE failure cases") else { return };
    for (path, expected) in cases {
        let jws = token(&dir, path);
        assert_eq!(vc_jwt::credential(&jws).err().map(|e| e.code()), Some(expected), "{path}");
    }
    // ES512 (P-521) is outside what this verifier implements: unsupported, not failed.
    let text = common::read(&dir, "w3c-vc-jose-cose-test-suite/input/credential-jose-unknown-extensions.txt");
    let code = CompactJws::parse(text.trim(), &Limits::default()).err().map(|e| e.code());
    assert_eq!(code, Some("jws_algorithm_unsupported"));
}
