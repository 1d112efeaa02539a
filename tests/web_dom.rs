//! The widget's Rust rendering in headless Chromium (`run_in_browser`): a report becomes a card
//! in a shadow root, text nodes only, in the chosen language and direction.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use badge_verifier::web::verification::start_verification;
use badge_verifier::web::verified_report::VerifiedReport;
use badge_verifier::web::widget::{render_error, render_report, render_report_value};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{ShadowRoot, ShadowRootInit, ShadowRootMode};

const VALID: &str = include_str!("fixtures/valid/open-badge-3.json");
const MULTILINGUAL: &str = include_str!("fixtures/valid/open-badge-3-multilingual-with-results.json");
const ENDORSED: &str =
    include_str!("fixtures/endorsements/endorsement_not_verified--comment-changed-after-signing.json");
const RICH: &str = include_str!("fixtures/valid/open-badge-3-rich-eddsa-rdfc-2022.json");

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn shadow() -> ShadowRoot {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap()
}

/// The handle a verification gives (offline: nothing is fetched, nothing was needed).
fn report(text: &str) -> VerifiedReport {
    let mut verification =
        start_verification(JsValue::from_str(text), object(&[("now", "2026-06-01T00:00:00Z".into())])).unwrap();
    verification.finish_report().unwrap()
}

fn text_of(root: &ShadowRoot, selector: &str) -> Option<String> {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
fn a_verified_report_becomes_a_card_and_is_announced() {
    let root = shadow();
    let options = object(&[("lang", "en".into()), ("announce", true.into())]);
    render_report(&root, &report(VALID), options).unwrap();
    assert_eq!(text_of(&root, ".status .headline").as_deref(), Some("Verified"));
    assert_eq!(text_of(&root, "[part=title]").as_deref(), Some("Rust Verifier Builder"));
    assert_eq!(text_of(&root, "[aria-live]").as_deref(), Some("Verified: Rust Verifier Builder"));
    let checks =
        js_sys::Array::from(&Reflect::get(&report(VALID).to_json().unwrap(), &"checks".into()).unwrap()).length();
    assert_eq!(root.query_selector_all(".checks li").unwrap().length(), checks);
    let image = root.query_selector("[part=image]").unwrap().unwrap();
    assert_eq!(image.get_attribute("alt").as_deref(), Some("A blue seal with a check mark"));
    let link = root.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));

    // A re-render (another language) replaces the card, keeps one live region, announces nothing new.
    render_report(&root, &report(MULTILINGUAL), object(&[("lang", "ar".into()), ("layout", "full".into())])).unwrap();
    assert_eq!(root.query_selector_all(".card").unwrap().length(), 1);
    assert_eq!(root.query_selector_all("[aria-live]").unwrap().length(), 1);
    assert_eq!(text_of(&root, "[aria-live]").as_deref(), Some("Verified: Rust Verifier Builder"));
    let card = root.query_selector(".card").unwrap().unwrap();
    assert_eq!(card.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(text_of(&root, "[part=title]").as_deref(), Some("الإشراف على البيانات"));
    assert!(root.query_selector("details.checks[open]").unwrap().is_some(), "layout=full opens the checklist");
}

#[wasm_bindgen_test]
fn markup_in_a_credential_stays_text() {
    let mut credential: serde_json::Value = serde_json::from_str(VALID).unwrap();
    let payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    credential["credentialSubject"]["achievement"]["name"] = payload.into();
    credential["issuer"]["url"] = "javascript:alert(3)".into();
    let root = shadow();
    render_report(&root, &report(&credential.to_string()), JsValue::UNDEFINED).unwrap();
    assert_eq!(text_of(&root, "[part=title]").as_deref(), Some(payload));
    assert!(root.query_selector("script, [part=title] img").unwrap().is_none());
    assert!(root.query_selector("a[href^=javascript]").unwrap().is_none());
    let card = root.query_selector(".card").unwrap().unwrap();
    assert_eq!(card.get_attribute("data-trust").as_deref(), Some("unverified"));
    assert!(text_of(&root, ".unverified-note").is_some());
}

#[wasm_bindgen_test]
fn an_error_card_uses_the_catalogue_and_falls_back_to_the_message() {
    let root = shadow();
    render_error(&root, "malformed_json", "line 1", object(&[("lang", "pt".into())])).unwrap();
    assert_eq!(text_of(&root, ".checks li p").as_deref(), Some("Reprovado O arquivo não é um JSON válido."));
    render_error(&root, "teapot", "I am a teapot", JsValue::UNDEFINED).unwrap();
    assert!(text_of(&root, ".checks li p").unwrap().ends_with("I am a teapot"));
}

#[wasm_bindgen_test]
fn offline_shows_a_remote_image_as_its_text_alternative_and_keeps_data_images() {
    // A report no credential here produces (a status list that could not be had, remote images):
    // drawn through the Rust-only entry point.
    let report = serde_json::json!({"verdict": "verified_with_warnings", "checks": [
            {"id": "status", "outcome": "unchecked", "code": "document_unavailable",
             "message": "the document \"https://issuer.example/status\" was not available: could not reach issuer.example"}],
            "badge": {"image": {"url": "https://issuer.example/badge.png", "caption": "A gold star"},
                      "issuer": {"id": "did:x", "name": "Issuer", "image": {"url": "https://issuer.example/logo.png"}},
                      "achievement": {"name": "Star", "image": {"url": "data:image/png;base64,iVBORw0KGgo="}}}});
    let root = shadow();
    render_report_value(&root, &report, &object(&[("offline", true.into())])).unwrap();
    assert_eq!(root.query_selector_all("img").unwrap().length(), 0, "no remote image, not even the issuer's");
    assert_eq!(text_of(&root, "[part=image].image-alt").as_deref(), Some("A gold star"));
    assert_eq!(
        text_of(&root, ".checks .detail").as_deref().map(|t| t.contains("could not reach issuer.example")),
        Some(true)
    );
    render_report_value(&root, &report, &JsValue::UNDEFINED).unwrap();
    let image = root.query_selector("img[part=image]").unwrap().unwrap();
    assert_eq!(image.get_attribute("src").as_deref(), Some("https://issuer.example/badge.png"));
}

#[wasm_bindgen_test]
fn endorsements_evidence_and_the_achievement_type_are_drawn_as_text() {
    let root = shadow();
    render_report(&root, &report(ENDORSED), object(&[("lang", "en".into())])).unwrap();
    assert_eq!(text_of(&root, ".endorsed-by").as_deref(), Some("Endorsed by 1"));
    let items = root.query_selector_all(".endorsements li").unwrap();
    assert_eq!(items.length(), 2);
    let changed: web_sys::Element = wasm_bindgen::JsCast::dyn_into(items.item(1).unwrap()).unwrap();
    assert_eq!(changed.get_attribute("data-verdict").as_deref(), Some("not_verified"));
    assert_eq!(changed.query_selector(".mark").unwrap().unwrap().text_content().as_deref(), Some("✗"));
    assert_eq!(
        changed.query_selector(".endorsement-verdict").unwrap().unwrap().text_content().as_deref(),
        Some("Not verified")
    );
    assert!(changed.query_selector(".comment").unwrap().is_none(), "an unverified endorser's words are not shown");
    assert_eq!(text_of(&root, ".endorsements li .endorser").as_deref(), Some("Example Accreditation Body"));

    render_report(&root, &report(RICH), object(&[("lang", "en".into())])).unwrap();
    assert_eq!(text_of(&root, ".achievement-type").as_deref(), Some("Competency"));
    let link = root.query_selector(".evidence a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://badge-verifier.example/evidence/42"));
    assert_eq!(link.text_content().as_deref(), Some("Verifier test report"));
}
