//! The JS-facing checks run both in Node (`web_node.rs`) and in headless Chromium
//! (`web_browser.rs`): the same fixtures, the same verdicts and codes as natively.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

pub mod verification;

use badge_verifier::web::exports::verify;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub const NOW: &str = "2026-06-01T00:00:00Z";

/// (fixture text, expected verdict, expected failed code)
pub const CASES: &[(&str, &str, Option<&str>)] = &[
    (include_str!("../fixtures/valid/open-badge-3.json"), "verified", None),
    (include_str!("../fixtures/valid/vc-1.1-plain.json"), "verified", None),
    (include_str!("../fixtures/valid/open-badge-3-language-map.json"), "verified", None),
    // The RDFC suites (JSON-LD expansion, RDFC-1.0 and the SHA-384 copy run in wasm too).
    (include_str!("../fixtures/valid/open-badge-3-rich-eddsa-rdfc-2022.json"), "verified", None),
    (include_str!("../fixtures/valid/vc-2.0-minimal-eddsa-rdfc-2022.json"), "verified", None),
    (include_str!("../fixtures/valid/vc-1.1-ed25519-signature-2020.json"), "verified", None),
    (include_str!("../fixtures/valid/open-badge-3-rich-ecdsa-rdfc-2019-p256.json"), "verified", None),
    (include_str!("../fixtures/valid/vc-2.0-minimal-ecdsa-rdfc-2019-p384.json"), "verified", None),
    (include_str!("../fixtures/valid/open-badge-3-ecdsa-jcs-2019-p384.json"), "verified", None),
    (
        include_str!("../fixtures/invalid/signature_mismatch--rdfc-result-changed-after-signing.json"),
        "not_verified",
        Some("signature_mismatch"),
    ),
    (
        include_str!("../fixtures/invalid/signature_mismatch--ecdsa-rdfc-2019-p384-hashed-with-sha-256.json"),
        "not_verified",
        Some("signature_mismatch"),
    ),
    (
        include_str!("../fixtures/invalid/signature_mismatch--name-changed-after-signing.json"),
        "not_verified",
        Some("signature_mismatch"),
    ),
    (
        include_str!("../fixtures/invalid/key_not_bound_to_issuer--valid-signature-by-someone-elses-key.json"),
        "not_verified",
        Some("key_not_bound_to_issuer"),
    ),
    (
        include_str!("../fixtures/invalid/invalid_proof_value--signature-truncated.json"),
        "not_verified",
        Some("invalid_proof_value"),
    ),
    (include_str!("../fixtures/invalid/expired--valid-until-2025.json"), "expired", Some("expired")),
    (include_str!("../fixtures/invalid/not_yet_valid--valid-from-2099.json"), "not_yet_valid", Some("not_yet_valid")),
    (
        include_str!("../fixtures/invalid/unsupported_cryptosuite--bbs-2023.json"),
        "unsupported",
        Some("unsupported_cryptosuite"),
    ),
];

pub fn options(now: &str) -> JsValue {
    let options = Object::new();
    Reflect::set(&options, &"now".into(), &now.into()).unwrap();
    options.into()
}

pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

pub fn failed_codes(report: &JsValue) -> Vec<String> {
    Array::from(&get(report, "checks"))
        .iter()
        .filter(|c| get(c, "outcome").as_string().as_deref() == Some("failed"))
        .filter_map(|c| get(&c, "code").as_string())
        .collect()
}

pub fn fixtures_are_judged_as_natively() {
    for (text, verdict, code) in CASES {
        let report = verify(JsValue::from_str(text), options(NOW)).unwrap();
        assert_eq!(get(&report, "verdict").as_string().as_deref(), Some(*verdict));
        let codes = failed_codes(&report);
        assert_eq!(codes.first().map(String::as_str), *code, "{verdict}: {codes:?}");
    }
}

pub fn report_is_a_plain_camel_case_object() {
    let (text, _, _) = CASES[0];
    let report = verify(JsValue::from_str(text), options(NOW)).unwrap();
    let badge = get(&report, "badge");
    assert_eq!(get(&badge, "recipientName").as_string().as_deref(), Some("Alice Example"));
    let achievement = get(&badge, "achievement");
    assert_eq!(get(&achievement, "achievementType").as_string().as_deref(), Some("Competency"));
    assert!(Object::get_prototype_of(&report).is_instance_of::<Object>() || report.is_object());
    // Bytes and parsed objects are accepted as well as text.
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    assert_eq!(get(&verify(bytes.into(), options(NOW)).unwrap(), "verdict").as_string().as_deref(), Some("verified"));
    let object = js_sys::JSON::parse(text).unwrap();
    assert_eq!(get(&verify(object, options(NOW)).unwrap(), "verdict").as_string().as_deref(), Some("verified"));
}

pub fn errors_are_js_errors_with_a_code() {
    let cases: &[(JsValue, JsValue, &str)] = &[
        (JsValue::from_str("{\"@context\":"), options(NOW), "malformed_json"),
        (JsValue::from_str("[]"), options(NOW), "not_a_credential"),
        (JsValue::from_str(&"[".repeat(100)), options(NOW), "json_too_deep"),
        (JsValue::from_f64(3.0), options(NOW), "invalid_input"),
        (JsValue::from_str("{}"), options("tomorrow"), "invalid_options"),
    ];
    for (input, opts, code) in cases {
        let error = verify(input.clone(), opts.clone()).unwrap_err();
        assert!(error.is_instance_of::<js_sys::Error>(), "{code}");
        assert_eq!(get(&error, "name").as_string().as_deref(), Some("BadgeError"));
        assert_eq!(get(&error, "code").as_string().as_deref(), Some(*code));
    }
    let small = Object::new();
    Reflect::set(&small, &"now".into(), &NOW.into()).unwrap();
    Reflect::set(&small, &"maxInputBytes".into(), &JsValue::from_f64(10.0)).unwrap();
    let error = verify(JsValue::from_str(CASES[0].0), small.into()).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("input_too_large"));
}

pub fn documents_option_binds_an_https_issuer() {
    // A did:key-signed credential whose issuer is an HTTPS URL: unbound until its document is given.
    let (text, _, _) = CASES[0];
    let mut credential: serde_json::Value = serde_json::from_str(text).unwrap();
    let method = credential["proof"]["verificationMethod"].as_str().unwrap().to_owned();
    credential["issuer"]["id"] = "https://issuer.example/profile".into();
    let input = JsValue::from_str(&credential.to_string());
    let report = verify(input.clone(), options(NOW)).unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("not_verified"));
    assert_eq!(
        Array::from(&get(&report, "needs")).get(0).as_string().as_deref(),
        Some("https://issuer.example/profile")
    );
    let opts = options(NOW);
    let documents = Object::new();
    let document = serde_json::json!({"id": "https://issuer.example/profile", "assertionMethod": [method]});
    Reflect::set(&documents, &"https://issuer.example/profile".into(), &document.to_string().into()).unwrap();
    Reflect::set(&opts, &"documents".into(), &documents).unwrap();
    let report = verify(input, opts).unwrap();
    // The key is now bound; the signature covers the original issuer id, so it no longer matches.
    assert_eq!(failed_codes(&report), ["signature_mismatch"]);
}

/// The project's baked images (`tests/fixtures/baked/`), given as bytes: judged as the JSON inside
/// them, and the report says which image it came from.
#[cfg(feature = "baked")]
pub fn baked_images_are_judged_as_their_json() {
    let cases: [(&[u8], &str, &str); 3] = [
        (include_bytes!("../fixtures/baked/open-badge-3.png"), "verified", "baked_png"),
        (include_bytes!("../fixtures/baked/open-badge-3.svg"), "verified", "baked_svg"),
        (
            include_bytes!("../fixtures/baked/signature_mismatch--name-changed-after-signing.png"),
            "not_verified",
            "baked_png",
        ),
    ];
    for (bytes, verdict, input) in cases {
        let report = verify(js_sys::Uint8Array::from(bytes).into(), options(NOW)).unwrap();
        assert_eq!(get(&report, "verdict").as_string().as_deref(), Some(verdict));
        assert_eq!(get(&report, "input").as_string().as_deref(), Some(input));
    }
    // An image with nothing baked in is an error with its code.
    let empty = js_sys::Uint8Array::from(b"<svg xmlns='http://www.w3.org/2000/svg'/>".as_slice());
    let error = verify(empty.into(), options(NOW)).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("baked_image_no_credential"));
}

/// The project's VC-JWTs (`tests/fixtures/jwt/`): the token verified (its did:key resolved and
/// bound), the forged one a signature mismatch; the report says the input was a JWT.
#[cfg(feature = "jwt")]
pub fn vc_jwts_are_verified() {
    let cases = [
        (include_str!("../fixtures/jwt/open-badge-3.jwt"), "verified", None),
        (
            include_str!("../fixtures/jwt/signature_mismatch--name-changed-after-signing.jwt"),
            "not_verified",
            Some("signature_mismatch"),
        ),
    ];
    for (token, verdict, code) in cases {
        let report = verify(JsValue::from_str(token), options(NOW)).unwrap();
        assert_eq!(get(&report, "verdict").as_string().as_deref(), Some(verdict));
        assert_eq!(get(&report, "input").as_string().as_deref(), Some("jwt"));
        if let Some(code) = code {
            assert_eq!(failed_codes(&report), [code]);
        }
    }
}

/// The project's ecdsa-sd-2023 fixtures (full module: cargo feature `ecdsa`): the derived badge
/// is verified and its proof line says the holder chose what to disclose; the issuer's base proof
/// given instead is refused with its own code.
#[cfg(feature = "ecdsa")]
pub fn selective_disclosure_fixtures() {
    let cases = [
        (
            include_str!("../fixtures/valid/open-badge-3-ecdsa-sd-2023-derived.json"),
            "verified",
            "signature_valid_selective_disclosure",
        ),
        (
            include_str!("../fixtures/invalid/selective_disclosure_base_proof--ecdsa-sd-2023-base-proof-given.json"),
            "not_verified",
            "selective_disclosure_base_proof",
        ),
    ];
    for (text, verdict, proof_code) in cases {
        let report = verify(JsValue::from_str(text), options(NOW)).unwrap();
        assert_eq!(get(&report, "verdict").as_string().as_deref(), Some(verdict), "{proof_code}");
        let proof = Array::from(&get(&report, "checks"))
            .iter()
            .find(|c| get(c, "id").as_string().as_deref() == Some("proof"))
            .unwrap();
        assert_eq!(get(&proof, "code").as_string().as_deref(), Some(proof_code));
    }
}
