//! The portfolio's Rust rendering in headless Chromium (`run_in_browser`): a collection's report
//! becomes a summary and groups of compact lines, each opening onto the full card; credential
//! text stays text, unsafe links are not links, and the unverified are never grouped by their claims.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use badge_verifier::web::portfolio::{
    render_portfolio, render_portfolio_busy, render_portfolio_card, render_portfolio_card_value, render_portfolio_value,
};
use badge_verifier::web::verification::start_verification;
use js_sys::{Object, Reflect};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{ShadowRoot, ShadowRootInit, ShadowRootMode};

const VALID: &str = include_str!("fixtures/valid/open-badge-3.json");
const MULTILINGUAL: &str = include_str!("fixtures/valid/open-badge-3-multilingual-with-results.json");
const TAMPERED: &str = include_str!("fixtures/invalid/signature_mismatch--name-changed-after-signing.json");

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

fn text_of(root: &ShadowRoot, selector: &str) -> Option<String> {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

fn all_text(root: &ShadowRoot, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).filter_map(|i| nodes.item(i)).filter_map(|n| n.text_content()).collect()
}

#[wasm_bindgen_test]
fn a_collection_becomes_a_summary_and_groups_of_cards() {
    let stack = format!("[{VALID},{MULTILINGUAL},{TAMPERED}]");
    let mut verification =
        start_verification(JsValue::from_str(&stack), object(&[("now", "2026-06-01T00:00:00Z".into())])).unwrap();
    let report = verification.finish_report().unwrap();
    let root = shadow();
    render_portfolio(&root, &report, object(&[("lang", "de".into()), ("announce", true.into())])).unwrap();
    let portfolio = root.query_selector(".portfolio").unwrap().unwrap();
    assert_eq!(portfolio.get_attribute("data-container").as_deref(), Some("collection"));
    assert_eq!(portfolio.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(text_of(&root, ".tally").as_deref(), Some("2 von 3 verifiziert"));
    assert_eq!(text_of(&root, "[aria-live]").as_deref(), Some("Nicht verifiziert: 2 von 3 verifiziert"));
    assert_eq!(text_of(&root, "[data-count=issuers] dd").as_deref(), Some("1"));
    // Each credential's line opens onto the full card (the same DOM as <badge-verifier>'s), drawn
    // on first opening: none up front, one per line once drawn, never twice.
    assert_eq!(root.query_selector_all("details.entry .card").unwrap().length(), 0);
    let lines = root.query_selector_all("li.item").unwrap();
    for i in 0..lines.length() {
        let line: web_sys::Element = lines.item(i).unwrap().dyn_into().unwrap();
        let index: u32 = line.get_attribute("data-index").unwrap().parse().unwrap();
        let details = line.query_selector("details.entry").unwrap().unwrap();
        assert!(render_portfolio_card(&details, &report, index, object(&[("lang", "de".into())])).unwrap());
        assert!(!render_portfolio_card(&details, &report, index, JsValue::UNDEFINED).unwrap());
    }
    assert_eq!(root.query_selector_all("details.entry > summary.compact + .card").unwrap().length(), 3);
    let tampered = root.query_selector("[data-index='2'] .card").unwrap().unwrap();
    assert_eq!(tampered.get_attribute("data-verdict").as_deref(), Some("not_verified"));
    assert_eq!(tampered.get_attribute("lang").as_deref(), Some("de"));
    let nowhere = root.query_selector("[data-index='0'] details").unwrap().unwrap();
    assert!(!render_portfolio_card(&nowhere, &report, 7, JsValue::UNDEFINED).unwrap());
    // The tampered one (its credential name changed; the achievement name shown is intact) comes last.
    assert_eq!(all_text(&root, "[data-group=not_verified] li.item .name"), ["Rust Verifier Builder"]);
    let last = root.query_selector("[data-group=not_verified] li.item").unwrap().unwrap();
    assert_eq!(last.get_attribute("data-index").as_deref(), Some("2"));
    // A second render replaces the first: one portfolio, one live region.
    render_portfolio(&root, &report, JsValue::UNDEFINED).unwrap();
    assert_eq!(root.query_selector_all(".portfolio").unwrap().length(), 1);
    assert_eq!(root.query_selector_all("[aria-live]").unwrap().length(), 1);
    render_portfolio_busy(&root, 3, object(&[("lang", "fr".into())])).unwrap();
    assert_eq!(all_text(&root, ".portfolio"), ["Vérification de 3 attestations…"]);
}

#[wasm_bindgen_test]
fn credential_text_stays_text_and_only_safe_links_are_links() {
    let payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let member = |verdict: &str, url: &str| {
        json!({ "verdict": verdict, "checks": [], "badge": { "types": [], "issuer": { "id": "did:example:i" },
            "achievement": { "name": payload, "alignments": [{ "targetName": payload, "targetFramework": "ESCO",
            "targetCode": payload, "targetUrl": url }] } } })
    };
    let report = json!({ "verdict": "not_verified", "checks": [], "members": { "container": "collection",
        "reports": [member("verified", "javascript:alert(3)"), member("not_verified", "https://esco.example/1")] } });
    let root = shadow();
    render_portfolio_value(&root, &report, &JsValue::UNDEFINED).unwrap();
    assert!(root.query_selector("script, .group-heading img, a[href^=javascript]").unwrap().is_none());
    assert_eq!(all_text(&root, "[data-group=alignment] .group-name"), [payload]);
    assert!(root.query_selector("[data-group=alignment] a").unwrap().is_none(), "javascript: is not a link");
    // The unverified one claims the same target with a safe link: it is not grouped under it.
    assert_eq!(all_text(&root, "[data-group=alignment] li.item").len(), 1);
    assert_eq!(root.query_selector_all("[data-group=not_verified] li.item").unwrap().length(), 1);
    // The full cards drawn on opening keep the markup as text too.
    for index in 0..2 {
        let details = root.query_selector(&format!("[data-index='{index}'] details")).unwrap().unwrap();
        assert!(render_portfolio_card_value(&details, &report, index, &JsValue::UNDEFINED).unwrap());
    }
    assert_eq!(root.query_selector_all(".entry > .card").unwrap().length(), 2);
    assert!(root.query_selector("script, img[onerror], a[href^=javascript]").unwrap().is_none());
    assert!(all_text(&root, ".entry > .card .title").iter().all(|t| t == payload));
}
