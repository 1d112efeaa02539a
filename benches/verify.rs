//! Native benchmark: µs per verify (whole pipeline) of each Data Integrity suite (eddsa and, the
//! bench needing the `ecdsa` feature, ecdsa-rdfc-2019 / ecdsa-jcs-2019 on P-256 and P-384) beside
//! one bare Ed25519 `verify_strict`, and one `PublicKey::verify` per algorithm, printed as tables. Run with `scripts/bench` (or `cargo bench`); the
//! `bench` profile is opt-level 3 (at "z" curve25519-dalek's AVX2 backend is not inlined).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;

use badge_verifier::{verify, Documents, Options, Timestamp, Verdict};

#[path = "common/measure.rs"]
mod measure;

/// Median µs per call (see `measure::median_seconds`).
fn measure(per_batch: u32, batches: u32, f: impl FnMut()) -> f64 {
    measure::median_seconds(per_batch, batches, f) * 1e6
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let now = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let badge = std::fs::read(format!("{root}/tests/fixtures/valid/open-badge-3.json")).unwrap();
    let none = Documents::new();
    assert_eq!(verify(&badge, &now, &none).unwrap().verdict, Verdict::Verified);

    // One bare Ed25519 verify_strict over a 64-byte message (what every suite ends with).
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let message = [42u8; 64];
    let signature = ed25519_dalek::Signer::sign(&key, &message);
    let public = key.verifying_key();

    let ed25519 = measure(2000, 15, || {
        black_box(public.verify_strict(black_box(&message), black_box(&signature))).unwrap();
    });
    let full = measure(500, 15, || {
        black_box(verify(black_box(&badge), &now, &none).unwrap());
    });
    println!("native (bench profile, opt-level 3), median of 15 batches");
    println!("| what | µs per call |");
    println!("| --- | ---: |");
    println!("| Ed25519 verify_strict (64-byte message) | {ed25519:.1} |");
    println!("| eddsa-jcs-2022 OB 3.0 verify, whole pipeline ({} bytes) | {full:.1} |", badge.len());
    println!("| ratio verify / Ed25519 | {:.2} |", full / ed25519);
    for (name, file) in [
        ("eddsa-rdfc-2022 rich OB 3.0", "open-badge-3-rich-eddsa-rdfc-2022.json"),
        ("eddsa-rdfc-2022 minimal VC 2.0", "vc-2.0-minimal-eddsa-rdfc-2022.json"),
        ("Ed25519Signature2020 VC 1.1", "vc-1.1-ed25519-signature-2020.json"),
        ("ecdsa-rdfc-2019 P-256 rich OB 3.0", "open-badge-3-rich-ecdsa-rdfc-2019-p256.json"),
        ("ecdsa-rdfc-2019 P-384 minimal VC 2.0", "vc-2.0-minimal-ecdsa-rdfc-2019-p384.json"),
        ("ecdsa-jcs-2019 P-256 minimal VC 2.0", "vc-2.0-minimal-ecdsa-jcs-2019-p256.json"),
        ("ecdsa-jcs-2019 P-384 OB 3.0", "open-badge-3-ecdsa-jcs-2019-p384.json"),
        ("ecdsa-sd-2023 derived OB 3.0 (3 parts disclosed)", "open-badge-3-ecdsa-sd-2023-derived.json"),
        ("ecdsa-sd-2023 derived OB 3.0 (mandatory only)", "open-badge-3-ecdsa-sd-2023-derived-mandatory-only.json"),
    ] {
        let bytes = std::fs::read(format!("{root}/tests/fixtures/valid/{file}")).unwrap();
        assert_eq!(verify(&bytes, &now, &none).unwrap().verdict, Verdict::Verified, "{file}");
        let time = measure(200, 15, || {
            black_box(verify(black_box(&bytes), &now, &none).unwrap());
        });
        println!("| {name} verify ({} bytes) | {time:.1} | {:.2}× Ed25519", bytes.len(), time / ed25519);
    }

    let vectors = std::env::var("BADGE_VERIFIER_VECTORS").unwrap_or_else(|_| format!("{root}/../shared/vectors"));
    if let Ok(w3c) = std::fs::read(format!("{vectors}/w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json")) {
        let mut documents = Documents::new();
        let issuer = std::fs::read(format!("{root}/tests/harness/vc-example-issuer-5678.json")).unwrap();
        documents.insert_json("https://vc.example/issuers/5678", &issuer, &badge_verifier::Limits::default()).unwrap();
        assert_eq!(verify(&w3c, &now, &documents).unwrap().verdict, Verdict::Verified);
        let w3c_time = measure(500, 15, || {
            black_box(verify(black_box(&w3c), &now, &documents).unwrap());
        });
        println!("| eddsa-jcs-2022 W3C vector verify ({} bytes) | {w3c_time:.1} |", w3c.len());
    }

    selective_disclosure(&vectors);
    status_checked(&vectors, &now);
    #[cfg(feature = "baked")]
    baked(root, &vectors, &now, full);
    vc_jwt(root, &now, ed25519);
    key_model(ed25519);
}

/// Baked images: the fixture PNG verified whole beside its JSON (`json_time`), and the credential
/// read out of real issuers' images (every chunk's CRC-32 checked, the SVG scanned to its end).
#[cfg(feature = "baked")]
fn baked(root: &str, vectors: &str, now: &Options, json_time: f64) {
    use badge_verifier::baked;
    let none = Documents::new();
    let png = std::fs::read(format!("{root}/tests/fixtures/baked/open-badge-3.png")).unwrap();
    assert_eq!(verify(&png, now, &none).unwrap().verdict, Verdict::Verified);
    let time = measure(500, 15, || {
        black_box(verify(black_box(&png), now, &none).unwrap());
    });
    println!(
        "| the same OB 3.0 baked in a PNG, verify ({} bytes) | {time:.1} | {:.2}× the JSON",
        png.len(),
        time / json_time
    );
    let real_world = format!("{vectors}/../real-world");
    for (name, file) in [
        ("Credly OB 3.0 PNG", "takesection-read-openbadges-metadata/credly-ob3-lightbend-reactive-microservices.png"),
        ("CogniPilot OB 3.0 PNG", "cognipilot-credentials/contributor-cognipilot.badge.png"),
        ("CogniPilot OB 3.0 SVG", "cognipilot-credentials/contributor-cognipilot.badge.svg"),
    ] {
        let Ok(image) = std::fs::read(format!("{real_world}/{file}")) else { continue };
        let read = |bytes: &[u8]| {
            if file.ends_with(".png") {
                baked::from_png(bytes, 1 << 20)
            } else {
                baked::from_svg(bytes, 1 << 20)
            }
        };
        assert!(read(&image).is_ok(), "{file}");
        let time = measure(200, 15, || {
            black_box(read(black_box(&image)).unwrap());
        });
        println!("| credential read out of the {name} ({} bytes) | {time:.1} |", image.len());
    }
}

/// ecdsa-sd-2023 derived-proof verification, the suite alone (the whole pipeline: the fixture rows
/// above): the W3C employ and prc reveal documents, with the issuer key given.
fn selective_disclosure(vectors: &str) {
    use badge_verifier::key::multibase;
    use badge_verifier::proof::ecdsa_sd_2023;
    use serde_json::{Map, Value};

    let issuer = multibase::decode_multikey("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP").unwrap();
    let contexts = badge_verifier::Contexts::new();
    for example in ["employ", "prc"] {
        let path = format!("{vectors}/w3c-vc-di-ecdsa/ecdsa-sd-2023/{example}/derivedRevealDocument.json");
        let Ok(bytes) = std::fs::read(&path) else { return };
        let mut document: Map<String, Value> = serde_json::from_slice(&bytes).unwrap();
        let Some(Value::Object(proof)) = document.remove("proof") else { return };
        ecdsa_sd_2023::verify(&document, &proof, &issuer, &contexts).unwrap();
        let time = measure(100, 15, || {
            black_box(ecdsa_sd_2023::verify(black_box(&document), &proof, &issuer, &contexts)).unwrap();
        });
        let statements = ecdsa_sd_2023::create_verify_data(&document, &proof, &contexts).unwrap().signatures.len();
        println!(
            "| ecdsa-sd-2023 derived proof, W3C {example} ({} bytes, {statements} statement signatures + base) | {time:.1} |",
            bytes.len()
        );
    }
}

/// One `PublicKey::verify` per algorithm (the RSA key and signatures: tests/fixtures/keys/).
fn key_model(ed25519: f64) {
    use badge_verifier::key::{multibase, pem, Algorithm, PublicKey};
    use p256::ecdsa::signature::Signer;

    let message: &[u8] = b"badge-verifier key model";
    let hex = |text: &str| -> Vec<u8> {
        (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
    };
    let ed = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let ed_key = PublicKey::ed25519(ed.verifying_key().as_bytes()).unwrap();
    let ed_signature = ed25519_dalek::Signer::sign(&ed, message).to_bytes().to_vec();
    let p256 = p256::ecdsa::SigningKey::from_slice(&[7; 32]).unwrap();
    let p256_key = PublicKey::p256_sec1(p256.verifying_key().to_encoded_point(true).as_bytes()).unwrap();
    let p256_signature: p256::ecdsa::Signature = p256.sign(message);
    let p384 = p384::ecdsa::SigningKey::from_slice(&[9; 48]).unwrap();
    let p384_key = PublicKey::p384_sec1(p384.verifying_key().to_encoded_point(true).as_bytes()).unwrap();
    let p384_signature: p384::ecdsa::Signature = p384.sign(message);
    let rsa_key = pem::public_key(include_str!("../tests/fixtures/keys/rsa-2048-spki.pem")).unwrap();
    let cases: [(&str, Algorithm, &PublicKey, Vec<u8>); 5] = [
        ("EdDSA (Ed25519)", Algorithm::EdDSA, &ed_key, ed_signature),
        ("ES256 (P-256)", Algorithm::ES256, &p256_key, p256_signature.to_bytes().to_vec()),
        ("ES384 (P-384)", Algorithm::ES384, &p384_key, p384_signature.to_bytes().to_vec()),
        (
            "RS256 (RSA-2048)",
            Algorithm::RS256,
            &rsa_key,
            hex(include_str!("../tests/fixtures/keys/rsa-2048-rs256.hex")),
        ),
        (
            "PS256 (RSA-2048)",
            Algorithm::PS256,
            &rsa_key,
            hex(include_str!("../tests/fixtures/keys/rsa-2048-ps256.hex")),
        ),
    ];
    println!();
    println!("| PublicKey::verify, 24-byte message | µs per call | × Ed25519 verify_strict |");
    println!("| --- | ---: | ---: |");
    for (name, algorithm, key, signature) in &cases {
        let time = measure(300, 15, || {
            black_box(key.verify(*algorithm, black_box(message), black_box(signature))).unwrap();
        });
        println!("| {name} | {time:.1} | {:.2} |", time / ed25519);
    }
    // Decoding is paid once per key: a P-256 Multikey decompresses its point.
    let multikey = format!(
        "z{}",
        bs58::encode([&[0x80, 0x24][..], p256.verifying_key().to_encoded_point(true).as_bytes()].concat())
            .into_string()
    );
    let decode = measure(300, 15, || {
        black_box(multibase::decode_multikey(black_box(&multikey)).unwrap());
    });
    println!("| P-256 Multikey decode (point decompression) | {decode:.1} | {:.2} |", decode / ed25519);
}

/// A status-checked verify beside the same verify without the list: the real issuer CogniPilot
/// (did:web, eddsa-rdfc-2022, a signed Bitstring Status List of its own), documents given up front.
fn status_checked(vectors: &str, now: &Options) {
    let real_world = format!("{vectors}/../real-world/cognipilot-credentials");
    let (Ok(credential), Ok(did), Ok(list)) = (
        std::fs::read(format!("{real_world}/examples-maintainer-cognipilot-revoked.json")),
        std::fs::read(format!("{real_world}/did.json")),
        std::fs::read(format!("{real_world}/status-revocation-list.json")),
    ) else {
        println!("(status benchmark skipped: {real_world} not found)");
        return;
    };
    let limits = badge_verifier::Limits::default();
    let mut without_list = Documents::new();
    without_list.insert_json("did:web:credentials.cognipilot.org", &did, &limits).unwrap();
    let mut with_list = without_list.clone();
    with_list.insert_json("https://credentials.cognipilot.org/status/revocation-list", &list, &limits).unwrap();
    assert_eq!(verify(&credential, now, &with_list).unwrap().verdict, Verdict::Revoked);
    assert_eq!(verify(&credential, now, &without_list).unwrap().verdict, Verdict::VerifiedWithWarnings);
    let without = measure(200, 15, || {
        black_box(verify(black_box(&credential), now, &without_list).unwrap());
    });
    let with = measure(200, 15, || {
        black_box(verify(black_box(&credential), now, &with_list).unwrap());
    });
    println!("| real-world OB 3.0 (did:web), status list not given: status unchecked | {without:.1} |");
    println!("| the same, status list given: list verified and read (revoked) | {with:.1} | {:.2}× |", with / without);
}

/// A VC-JWT (EdDSA, the OB 3.0 fixture): the whole verification, as for the Data Integrity rows.
fn vc_jwt(root: &str, now: &Options, ed25519: f64) {
    let token = std::fs::read(format!("{root}/tests/fixtures/jwt/open-badge-3.jwt")).unwrap();
    let none = Documents::new();
    assert_eq!(verify(&token, now, &none).unwrap().verdict, Verdict::Verified);
    let time = measure(500, 15, || {
        black_box(verify(black_box(&token), now, &none).unwrap());
    });
    println!(
        "| VC-JWT (vc+jwt, EdDSA) OB 3.0 verify ({} bytes) | {time:.1} | {:.2}× Ed25519",
        token.len(),
        time / ed25519
    );
}
