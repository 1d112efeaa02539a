//! Baked badge images: the committed baked fixtures are the generated ones; every baked image
//! (the project's own, the 1EdTech validator samples, DCC's baked PNGs, real issuers' images) is
//! judged exactly as the JSON inside it, its payload is the one `baked-extracted/` documents, and
//! what is not verified yet (VC-JWT, Open Badges 2.0) is `unsupported`, never verified. The
//! extractor never panics on mutated or arbitrary bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(feature = "baked", not(target_arch = "wasm32")))]

mod common;

use std::path::{Path, PathBuf};

use badge_verifier::baked::{self, Payload, Version};
use badge_verifier::{verify, Documents, Error, InputFormat, Limits, Options, Report, Timestamp, Verdict};
use common::fixtures::{self, baked as bake};
use proptest::prelude::*;
use serde_json::Value;

const CAP: usize = 1024 * 1024;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn options(now: &str) -> Options {
    Options::at(Timestamp::parse(now).unwrap())
}

/// The report of `image`, checked to be the report of `json` but for its `input`.
fn judged_as(image: &[u8], json: &[u8], input: InputFormat, options: &Options, documents: &Documents) -> Report {
    let from_image = verify(image, options, documents).unwrap();
    let mut from_json = verify(json, options, documents).unwrap();
    assert_eq!(from_image.input, input);
    assert!(matches!(from_json.input, InputFormat::Json | InputFormat::Jwt), "{:?}", from_json.input);
    from_json.input = input;
    assert_eq!(from_image, from_json);
    from_image
}

fn verdict_name(result: &Result<Report, Error>) -> String {
    match result {
        Ok(report) => serde_json::to_value(report.verdict).unwrap().as_str().unwrap().to_owned(),
        Err(_) => "error".to_owned(),
    }
}

#[test]
fn committed_baked_fixtures_are_the_generated_ones() {
    let write = std::env::var("BADGE_VERIFIER_WRITE_FIXTURES").is_ok_and(|v| v == "1");
    for (path, bytes) in bake::all(&fixtures_dir()) {
        let file = fixtures_dir().join(&path);
        if write {
            std::fs::write(&file, &bytes).unwrap();
        }
        let committed = std::fs::read(&file).unwrap_or_default();
        assert!(committed == bytes, "{path} is stale: rerun with BADGE_VERIFIER_WRITE_FIXTURES=1");
    }
}

#[test]
fn baked_fixtures_are_judged_as_the_json_inside() {
    let options = options(fixtures::NOW);
    for (file, json) in bake::BAKED {
        let image = std::fs::read(fixtures_dir().join("baked").join(file)).unwrap();
        let json = std::fs::read(fixtures_dir().join(json)).unwrap();
        let input = if file.ends_with(".png") { InputFormat::BakedPng } else { InputFormat::BakedSvg };
        let report = judged_as(&image, &json, input, &options, &Documents::new());
        let expected = if file.starts_with("signature_mismatch") { Verdict::NotVerified } else { Verdict::Verified };
        assert_eq!(report.verdict, expected, "{file}");
        // The report names the image it came from; JSON reports do not change.
        let value = serde_json::to_value(&report).unwrap();
        assert_eq!(value["input"], if input == InputFormat::BakedPng { "baked_png" } else { "baked_svg" });
        let plain = serde_json::to_value(verify(&json, &options, &Documents::new()).unwrap()).unwrap();
        assert!(plain.get("input").is_none());
    }
}

/// The 1EdTech validator's baked samples and the payload `baked-extracted/` holds for each.
const VALIDATOR_SAMPLES: [(&str, &str, Version); 7] = [
    ("ob20/simple-badge.png", "1edtech-validator__ob20__simple-badge.png.txt", Version::OpenBadges2),
    ("ob30/simple-json.png", "1edtech-validator__ob30__simple-json.png.txt", Version::OpenBadges3),
    ("ob30/simple-json.svg", "1edtech-validator__ob30__simple-json.svg.txt", Version::OpenBadges3),
    ("ob30/simple-jwt.png", "1edtech-validator__ob30__simple-jwt.png.jwt", Version::OpenBadges3),
    ("ob30/simple-jwt.svg", "1edtech-validator__ob30__simple-jwt.svg.jwt", Version::OpenBadges3),
    ("ob30/simple-jwt_v1.png", "1edtech-validator__ob30__simple-jwt_v1.png.jwt", Version::OpenBadges3),
    ("ob30/simple-jwt_v1.svg", "1edtech-validator__ob30__simple-jwt_v1.svg.jwt", Version::OpenBadges3),
];

#[test]
fn validator_samples_hold_the_documented_payloads() {
    let Some(vectors) = common::vectors_dir("validator_samples_hold_the_documented_payloads") else { return };
    for (sample, extracted, version) in VALIDATOR_SAMPLES {
        let image = std::fs::read(vectors.join("1edtech-validator").join(sample)).unwrap();
        let expected = common::read(&vectors, &format!("baked-extracted/{extracted}"));
        let baked =
            if sample.ends_with(".png") { baked::from_png(&image, CAP) } else { baked::from_svg(&image, CAP) }.unwrap();
        assert_eq!(baked.version, version, "{sample}");
        match baked.payload {
            Payload::Json(text) => {
                let parse = |t: &str| serde_json::from_str::<Value>(t).unwrap();
                assert_eq!(parse(&text), parse(&expected), "{sample}");
            }
            Payload::Jws(text) => assert_eq!(text, expected.trim(), "{sample}"),
            other => panic!("{sample}: {other:?}"),
        }
    }
}

#[test]
fn validator_samples_are_judged_as_their_payload() {
    let Some(vectors) = common::vectors_dir("validator_samples_are_judged_as_their_payload") else { return };
    let options = options(fixtures::NOW);
    for (sample, extracted, _) in VALIDATOR_SAMPLES {
        let image = std::fs::read(vectors.join("1edtech-validator").join(sample)).unwrap();
        let input = if sample.ends_with(".png") { InputFormat::BakedPng } else { InputFormat::BakedSvg };
        if sample.starts_with("ob30/") {
            // An OB 3.0 credential or VC-JWT: judged exactly as the payload alone.
            let payload = common::read(&vectors, &format!("baked-extracted/{extracted}"));
            let report = judged_as(&image, payload.trim().as_bytes(), input, &options, &Documents::new());
            if sample.starts_with("ob30/simple-jwt") {
                // RS256 with the key in the JOSE header: the signature holds, the issuer is not shown to have signed.
                assert_eq!(report.verdict, Verdict::VerifiedWithWarnings, "{sample}");
            }
            continue;
        }
        // A hosted OB 2.0 assertion: offline its hosted copy, BadgeClass and issuer cannot be had,
        // so it is not verified (tests/ob2.rs verifies it against the validator's web).
        let report = verify(&image, &options, &Documents::new()).unwrap();
        assert_eq!(report.input, input, "{sample}");
        assert_eq!(report.verdict, Verdict::NotVerified, "{sample}");
        assert!(report.needs.contains(&"https://example.org/beths-robotics-badge.json".to_owned()), "{sample}");
    }
}

/// Every PNG among DCC's vectors.
fn dcc_pngs(vectors: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "png") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&vectors.join("dcc-vc-test-fixtures/verifiableCredentials"), &mut out);
    out.sort();
    out
}

/// `INDEX.md` of the vectors calls these "baked PNG of the .json next to it", but they are the
/// QR codes `listOfTestVCs.md` shows (only IHDR, IDAT and IEND chunks): an image with nothing
/// baked in must say so, not verify and not crash.
#[test]
fn dcc_qr_code_pngs_have_no_credential_baked_in() {
    let Some(vectors) = common::vectors_dir("dcc_qr_code_pngs_have_no_credential_baked_in") else { return };
    let options = options(fixtures::NOW);
    let pngs = dcc_pngs(&vectors);
    assert!(pngs.len() >= 80, "{}", pngs.len());
    for png in pngs {
        let image = std::fs::read(&png).unwrap();
        let error = verify(&image, &options, &Documents::new()).unwrap_err();
        assert_eq!(error, Error::BakedImageNoCredential("PNG"), "{}", png.display());
    }
}

/// The real issuers' images (`../shared/real-world`), as its manifest judges them.
#[test]
fn real_world_baked_images_are_judged_as_the_manifest_says() {
    let Some(vectors) = common::vectors_dir("real_world_baked_images") else { return };
    let dir =
        std::env::var_os("BADGE_VERIFIER_REAL_WORLD").map_or_else(|| vectors.join("../real-world"), PathBuf::from);
    let manifest: Value = serde_json::from_str(&common::read(&dir, "manifest.json")).unwrap();
    let options = options(manifest["now"].as_str().unwrap());
    let mut judged = 0;
    for entry in manifest["entries"].as_array().unwrap() {
        let format = entry["format"].as_str().unwrap();
        if !format.contains("baked") && format != "png-without-badge" {
            continue;
        }
        let file = entry["file"].as_str().unwrap();
        let mut documents = Documents::new();
        for doc in entry["docs"].as_array().unwrap() {
            if let Some(path) = doc["file"].as_str() {
                let bytes = std::fs::read(dir.join(path)).unwrap();
                documents.insert_json(doc["url"].as_str().unwrap(), &bytes, &Limits::default()).unwrap();
            }
        }
        let image = std::fs::read(dir.join(file)).unwrap();
        let result = verify(&image, &options, &documents);
        let verdict = verdict_name(&result);
        if entry["judgeable"] == true {
            let acceptable: Vec<&str> =
                entry["acceptableVerdicts"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            assert!(acceptable.contains(&verdict.as_str()), "{file}: {verdict}, acceptable {acceptable:?}");
        } else {
            // Not judgeable offline: never verified.
            assert_eq!(verdict, "not_verified", "{file}: {}", entry["offlineExpectation"]);
        }
        match format {
            "png-without-badge" => assert_eq!(result.unwrap_err().code(), "baked_image_no_credential"),
            _ => {
                let report = result.unwrap();
                let png = file.ends_with(".png");
                assert_eq!(report.input, if png { InputFormat::BakedPng } else { InputFormat::BakedSvg }, "{file}");
            }
        }
        judged += 1;
    }
    assert_eq!(judged, 8);
    // CogniPilot's images hold its JSON credential, and are judged as it is.
    let json = std::fs::read(dir.join("cognipilot-credentials/contributor-cognipilot.json")).unwrap();
    let mut documents = Documents::new();
    let did = std::fs::read(dir.join("cognipilot-credentials/did.json")).unwrap();
    documents.insert_json("did:web:credentials.cognipilot.org", &did, &Limits::default()).unwrap();
    for (file, input) in [
        ("contributor-cognipilot.badge.png", InputFormat::BakedPng),
        ("contributor-cognipilot.badge.svg", InputFormat::BakedSvg),
    ] {
        let image = std::fs::read(dir.join("cognipilot-credentials").join(file)).unwrap();
        judged_as(&image, &json, input, &options, &documents);
    }
}

/// Hostile images, end to end: each refused with its code, before any check runs.
#[test]
fn hostile_images_are_refused_with_their_codes() {
    let options = options(fixtures::NOW);
    let json = std::fs::read_to_string(fixtures_dir().join("valid/open-badge-3.json")).unwrap();
    let good = bake::baked_png(&json);
    let mut bad_crc = good.clone();
    let last = bad_crc.len() - 20;
    bad_crc[last] ^= 0xff;
    let two = bake::png(&[
        bake::itxt("openbadgecredential", json.as_bytes()),
        bake::itxt("openbadges", b"https://a.example/1"),
    ]);
    let mut huge = good[..33].to_vec();
    huge.extend_from_slice(&[0x7f, 0xff, 0xff, 0xf0]);
    huge.extend_from_slice(b"iTXtopenbadgecredential\0");
    let svg = String::from_utf8(bake::baked_svg(&json)).unwrap();
    let doctype = svg.replace("<svg ", "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>\n<svg ");
    let entity = svg.replace("<circle ", "<text>&nbsp;</text><circle ");
    let cases: [(&str, Vec<u8>, &str); 7] = [
        ("bad CRC", bad_crc, "baked_image_malformed"),
        ("truncated chunk", good[..good.len() - 30].to_vec(), "baked_image_malformed"),
        ("huge declared chunk length", huge, "baked_image_malformed"),
        ("two credential chunks", two, "baked_image_ambiguous"),
        ("no credential", bake::png(&[]), "baked_image_no_credential"),
        ("DOCTYPE with entities", doctype.into_bytes(), "baked_image_malformed"),
        ("unknown entity", entity.into_bytes(), "baked_image_malformed"),
    ];
    for (name, image, code) in cases {
        let error = verify(&image, &options, &Documents::new()).unwrap_err();
        assert_eq!(error.code(), code, "{name}: {error}");
    }
    // A compressed iTXt bomb: 64 MiB of spaces in about 64 KiB, stopped at the 1 MiB input cap.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut encoder, &vec![b' '; 64 * 1024 * 1024]).unwrap();
    let mut data = b"openbadgecredential\0\x01\x00\0\0".to_vec();
    data.extend(encoder.finish().unwrap());
    let bomb = bake::png(&[bake::chunk(b"iTXt", &data)]);
    let error = verify(&bomb, &options, &Documents::new()).unwrap_err();
    assert_eq!(error.code(), "baked_image_malformed");
    assert!(error.to_string().contains("longer than 1048576 bytes"), "{error}");
}

/// Images to mutate: the project's baked fixtures and a hand-made OB 2.0 SVG.
fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> =
        bake::BAKED.iter().map(|(file, _)| std::fs::read(fixtures_dir().join("baked").join(file)).unwrap()).collect();
    seeds.push(
        b"<svg xmlns:ob='http://openbadges.org'><ob:assertion verify='https://a.example/1'>{&quot;a&quot;:&#x31;}</ob:assertion></svg>"
            .to_vec(),
    );
    seeds
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_extractor_never_panics_on_mutated_images(
        seed in 0..5_usize,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..4_u8), 1..8),
    ) {
        let mut bytes = seeds()[seed].clone();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1));
            match kind {
                0 if !bytes.is_empty() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                2 if !bytes.is_empty() => { bytes.remove(i); }
                _ => bytes.truncate(i),
            }
        }
        let _ = baked::from_png(&bytes, CAP);
        let _ = baked::from_svg(&bytes, CAP);
        let _ = baked::from_png(&bytes, 64);
        let _ = baked::from_svg(&bytes, 64);
    }

    #[test]
    fn the_extractor_never_panics_on_arbitrary_bytes(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        let png = [b"\x89PNG\r\n\x1a\n".as_slice(), &body].concat();
        let svg = [b"<svg>".as_slice(), &body].concat();
        for bytes in [&body, &png, &svg] {
            let _ = baked::from_png(bytes, CAP);
            let _ = baked::from_svg(bytes, CAP);
        }
    }
}
