//! The resumable `Verification` through JS values: needs as plain objects, documents given as
//! text, bytes or objects, the `unavailable` kinds and their detail, the new options and their
//! `invalid_options` errors.

use badge_verifier::web::exports::verify;
use badge_verifier::web::verification::start_verification;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use super::{failed_codes, get, options, CASES, NOW};

fn https_issuer() -> (JsValue, String) {
    let mut credential: serde_json::Value = serde_json::from_str(CASES[0].0).unwrap();
    let method = credential["proof"]["verificationMethod"].as_str().unwrap().to_owned();
    credential["issuer"]["id"] = "https://issuer.example/profile".into();
    (JsValue::from_str(&credential.to_string()), method)
}

fn with(pairs: &[(&str, JsValue)]) -> JsValue {
    let opts = options(NOW);
    for (key, value) in pairs {
        Reflect::set(&opts, &(*key).into(), value).unwrap();
    }
    opts
}

fn check(report: &JsValue, id: &str) -> JsValue {
    Array::from(&get(report, "checks")).iter().find(|c| get(c, "id").as_string().as_deref() == Some(id)).unwrap()
}

fn code(value: &JsValue) -> Option<String> {
    get(value, "code").as_string()
}

pub fn the_loop_asks_then_takes_a_document() {
    let (input, method) = https_issuer();
    let mut verification = start_verification(input, options(NOW)).unwrap();
    let needs = Array::from(&verification.needs().unwrap());
    assert_eq!(needs.length(), 1);
    let need = needs.get(0);
    assert_eq!(get(&need, "id").as_string().as_deref(), Some("https://issuer.example/profile"));
    assert_eq!(get(&need, "url").as_string().as_deref(), Some("https://issuer.example/profile"));
    assert_eq!(get(&need, "purpose").as_string().as_deref(), Some("controller_document"));
    // Asking again without answering: the same need.
    assert_eq!(Array::from(&verification.needs().unwrap()).length(), 1);
    let document = serde_json::json!({"id": "https://issuer.example/profile", "assertionMethod": [method]});
    let bytes = js_sys::Uint8Array::from(document.to_string().as_bytes());
    verification.provide("https://issuer.example/profile", bytes.into()).unwrap();
    assert_eq!(Array::from(&verification.needs().unwrap()).length(), 0);
    let report = verification.finish().unwrap();
    // The key is bound now; the signature covers the original issuer id, so it no longer matches.
    assert_eq!(failed_codes(&report), ["signature_mismatch"]);
    let again = verification.finish().unwrap_err();
    assert_eq!(code(&again).as_deref(), Some("invalid_input"));
    assert_eq!(code(&verification.needs().unwrap_err()).as_deref(), Some("invalid_input"));
}

pub fn unavailable_kinds_reach_the_report() {
    let cases: &[(&str, JsValue, &str)] = &[
        ("offline", JsValue::UNDEFINED, "offline"),
        ("http", JsValue::from_f64(404.0), "HTTP 404"),
        ("timeout", JsValue::UNDEFINED, "timed out"),
        ("too_large", JsValue::from_f64(1_048_576.0), "larger than 1048576 bytes"),
        ("network", "could not reach issuer.example (network error)".into(), "could not reach issuer.example"),
        ("not_fetchable", "only https: documents are fetched".into(), "only https: documents are fetched"),
        ("invalid", "not JSON".into(), "not JSON"),
    ];
    for (kind, detail, words) in cases {
        let (input, _) = https_issuer();
        let mut verification = start_verification(input, options(NOW)).unwrap();
        verification.unavailable("https://issuer.example/profile", kind, detail.clone()).unwrap();
        let report = verification.finish().unwrap();
        let key = check(&report, "issuer_key");
        assert_eq!(get(&key, "outcome").as_string().as_deref(), Some("unchecked"), "{kind}");
        assert_eq!(code(&key).as_deref(), Some("document_unavailable"), "{kind}");
        let message = get(&key, "message").as_string().unwrap();
        assert!(message.contains(words), "{kind}: {message}");
        assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("not_verified"), "{kind}");
    }
    for (kind, detail) in [("teapot", JsValue::UNDEFINED), ("http", JsValue::UNDEFINED), ("too_large", "big".into())] {
        let (input, _) = https_issuer();
        let mut verification = start_verification(input, options(NOW)).unwrap();
        let error = verification.unavailable("https://issuer.example/profile", kind, detail).unwrap_err();
        assert_eq!(get(&error, "name").as_string().as_deref(), Some("BadgeError"));
        assert_eq!(code(&error).as_deref(), Some("invalid_options"), "{kind}");
    }
}

pub fn a_document_that_does_not_parse_is_unavailable() {
    let (input, _) = https_issuer();
    let mut verification = start_verification(input, options(NOW)).unwrap();
    verification.provide("https://issuer.example/profile", "{not json".into()).unwrap();
    let report = verification.finish().unwrap();
    let key = check(&report, "issuer_key");
    assert_eq!(code(&key).as_deref(), Some("document_unavailable"));
    assert!(get(&key, "message").as_string().unwrap().contains("malformed_json"));
    let (input, _) = https_issuer();
    let mut verification = start_verification(input, options(NOW)).unwrap();
    let error = verification.provide("https://issuer.example/profile", JsValue::from_f64(1.0)).unwrap_err();
    assert_eq!(code(&error).as_deref(), Some("invalid_input"));
}

pub fn trusted_issuers_and_recipient_options() {
    let text = JsValue::from_str(CASES[0].0);
    let issuer = "did:key:z6MkvDqGT54cXesYGvABpF1UapVNwjCqRcafi4Px6Thv5T3Z";
    let trusted = verify(text.clone(), with(&[("trustedIssuers", Array::of1(&issuer.into()).into())])).unwrap();
    assert_eq!(code(&check(&trusted, "issuer_trust")).as_deref(), Some("issuer_trusted"));
    assert_eq!(get(&trusted, "verdict").as_string().as_deref(), Some("verified"));
    let nobody = verify(text.clone(), with(&[("trustedIssuers", Array::new().into())])).unwrap();
    assert_eq!(code(&check(&nobody, "issuer_trust")).as_deref(), Some("issuer_not_trusted"));
    assert_eq!(get(&nobody, "verdict").as_string().as_deref(), Some("not_verified"));
    let none = verify(text.clone(), with(&[("trustedIssuers", JsValue::NULL)])).unwrap();
    assert_eq!(code(&check(&none, "issuer_trust")).as_deref(), Some("no_trust_list"));
    let recipient = verify(text.clone(), with(&[("recipient", "did:example:alice".into())])).unwrap();
    assert_eq!(code(&check(&recipient, "recipient")).as_deref(), Some("recipient_matches"));
    assert_eq!(get(&recipient, "verdict").as_string().as_deref(), Some("verified"));
    let someone_else = verify(text.clone(), with(&[("recipient", "did:example:bob".into())])).unwrap();
    assert_eq!(code(&check(&someone_else, "recipient")).as_deref(), Some("recipient_mismatch"));
    assert_eq!(get(&someone_else, "verdict").as_string().as_deref(), Some("not_verified"));
    let origin = verify(text.clone(), with(&[("trustedIssuers", Array::of1(&"https://issuer.example".into()).into())]));
    assert_eq!(code(&check(&origin.unwrap(), "issuer_trust")).as_deref(), Some("issuer_not_trusted"));
    let bad: &[(&str, JsValue)] = &[
        ("trustedIssuers", issuer.into()),
        ("trustedIssuers", Array::of1(&JsValue::from_f64(1.0)).into()),
        ("trustedIssuers", Array::of1(&"  ".into()).into()),
        ("trustedIssuers", Array::of1(&"issuer.example".into()).into()),
        ("recipient", JsValue::from_f64(1.0)),
        ("recipient", "".into()),
        ("challenge", JsValue::from_f64(1.0)),
        ("domain", "".into()),
    ];
    for (name, value) in bad {
        let error = verify(text.clone(), with(&[(name, value.clone())])).unwrap_err();
        assert_eq!(code(&error).as_deref(), Some("invalid_options"), "{name}: {value:?}");
        let error = start_verification(text.clone(), with(&[(name, value.clone())])).unwrap_err();
        assert_eq!(code(&error).as_deref(), Some("invalid_options"), "{name}: {value:?}");
        let message = get(&error, "message").as_string().unwrap().to_lowercase();
        let named = if name.starts_with("trusted") { "trusted" } else { *name };
        assert!(message.contains(named), "the message names the option: {message}");
    }
    let error = start_verification("{".into(), Object::new().into()).unwrap_err();
    assert_eq!(code(&error).as_deref(), Some("malformed_json"));
}

/// A presentation through JS: `challenge` and `domain` are options, and the report carries its
/// members (here none, and no holder proof: not verified).
pub fn a_presentation_report_has_members() {
    let vp = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"]}"#;
    let options = with(&[("challenge", "nonce-1".into()), ("domain", "verifier.example".into())]);
    let report = verify(JsValue::from_str(vp), options).unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("not_verified"));
    assert_eq!(code(&check(&report, "proof")).as_deref(), Some("missing_proof"));
    assert_eq!(code(&check(&report, "members")).as_deref(), Some("no_members"));
    let members = get(&report, "members");
    assert_eq!(get(&members, "container").as_string().as_deref(), Some("presentation"));
    assert_eq!(get(&members, "total").as_f64(), Some(0.0));
}

/// An Open Badges 2.0 hosted assertion through the JS loop: it asks for its hosted copy and its
/// BadgeClass, then the issuer Profile, and is verified with the card drawn from them.
#[cfg(feature = "ob2")]
pub fn an_open_badges_2_assertion_asks_for_its_hosted_documents() {
    let assertion = serde_json::json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
        "id": "https://issuer.example/assertions/1",
        "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
        "badge": "https://issuer.example/badges/rust", "issuedOn": "2025-01-01T00:00:00Z",
        "verification": {"type": "hosted"}});
    let badge = serde_json::json!({"type": "BadgeClass", "id": "https://issuer.example/badges/rust",
        "name": "Rust", "issuer": "https://issuer.example/profile"});
    let profile =
        serde_json::json!({"type": "Profile", "id": "https://issuer.example/profile", "name": "Example Issuer"});
    let web = [
        ("https://issuer.example/assertions/1", assertion.to_string()),
        ("https://issuer.example/badges/rust", badge.to_string()),
        ("https://issuer.example/profile", profile.to_string()),
    ];
    let mut verification = start_verification(JsValue::from_str(&assertion.to_string()), options(NOW)).unwrap();
    let mut rounds = 0;
    loop {
        let needs = Array::from(&verification.needs().unwrap());
        if needs.length() == 0 {
            break;
        }
        rounds += 1;
        for need in needs.iter() {
            let id = get(&need, "id").as_string().unwrap();
            let (_, text) = web.iter().find(|(url, _)| *url == id).unwrap();
            verification.provide(&id, JsValue::from_str(text)).unwrap();
        }
    }
    assert_eq!(rounds, 2);
    let report = verification.finish().unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("verified"));
    assert_eq!(code(&check(&report, "proof")).as_deref(), Some("hosted_copy_matches"));
    let badge_view = get(&report, "badge");
    assert_eq!(get(&badge_view, "name").as_string().as_deref(), Some("Rust"));
    assert_eq!(get(&get(&badge_view, "issuer"), "name").as_string().as_deref(), Some("Example Issuer"));
}

pub fn the_report_handle_gives_fresh_copies_of_what_the_verification_found() {
    let text = JsValue::from_str(CASES[0].0);
    let plain = verify(text.clone(), options(NOW)).unwrap();
    let mut verification = start_verification(text, options(NOW)).unwrap();
    let handle = verification.finish_report().unwrap();
    assert_eq!(handle.verdict().unwrap().as_string().as_deref(), Some("verified"));
    let first = handle.to_json().unwrap();
    assert_eq!(js_sys::JSON::stringify(&first).unwrap(), js_sys::JSON::stringify(&plain).unwrap());
    // A copy is the caller's: changing it changes neither the handle nor the next copy.
    Reflect::set(&first, &"verdict".into(), &"not_verified".into()).unwrap();
    assert_eq!(handle.verdict().unwrap().as_string().as_deref(), Some("verified"));
    assert_eq!(get(&handle.to_json().unwrap(), "verdict").as_string().as_deref(), Some("verified"));
    let again = verification.finish_report().unwrap_err();
    assert_eq!(code(&again).as_deref(), Some("invalid_input"));
}

/// The project's `vp+jwt` (`tests/fixtures/vp-jwt/`, the fixtures' challenge and domain): the
/// holder's JWS bound to the holder, both members verified; another domain fails the proof line.
#[cfg(all(feature = "jwt", feature = "presentations"))]
pub fn a_vp_jwt_is_verified_with_its_members() {
    let token = include_str!("../fixtures/vp-jwt/presentation.jwt");
    let expected = |domain: &str| with(&[("challenge", "c0ffee-7d3f-4b1a".into()), ("domain", domain.into())]);
    let report = verify(JsValue::from_str(token), expected("verifier.badge-verifier.example")).unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("verified"));
    assert_eq!(get(&report, "input").as_string().as_deref(), Some("jwt"));
    assert_eq!(code(&check(&report, "issuer_key")).as_deref(), Some("key_bound_to_holder"));
    let members = get(&report, "members");
    assert_eq!(get(&members, "summary").as_string().as_deref(), Some("2 of 2 verified"));
    let report = verify(JsValue::from_str(token), expected("evil.example")).unwrap();
    assert_eq!(failed_codes(&report), ["domain_mismatch"]);
}
