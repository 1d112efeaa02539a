//! `#[wasm_bindgen]` exports for the `<badge-verifier>` element: render a report (or an error)
//! into the element's shadow root. The element (www/badge-verifier.js) owns the lifecycle,
//! fetching and events; these own the DOM the credential's text reaches.

use js_sys::Reflect;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::Node;

use super::render::{render, Layout};
use super::verified_report::VerifiedReport;
use crate::card::Card;
use crate::i18n::Lang;

/// Renders `report` (a `VerifiedReport`, which only `Verification.finishReport()` builds) into
/// `root`: the card draws what the verification found, never an object a page script may have
/// changed.
///
/// `options` (all optional): `lang` (a BCP 47 tag; catalogue languages en, de, fr, es, pt,
/// ar, else English), `layout` (`card` | `compact` | `full`), `announce` (write the verdict to
/// the live region: set it for a fresh result, not for a re-render after a `lang` change),
/// `offline` (fetch no image: an `https:` badge image shows as its text alternative).
///
/// # Errors
/// A JS error when the DOM refuses a node.
#[wasm_bindgen(js_name = renderReport)]
pub fn render_report(root: &Node, report: &VerifiedReport, options: JsValue) -> Result<(), JsValue> {
    render_report_value(root, &report.value()?, &options)
}

/// Renders a report's JSON (as `VerifiedReport.toJSON()` gives it) into `root`, with `options`
/// as for `renderReport`. Not exported to JS (a page could hand it anything): for Rust callers
/// and the rendering tests, which draw reports no credential produces.
///
/// # Errors
/// A JS error when the DOM refuses a node.
pub fn render_report_value(root: &Node, report: &Value, options: &JsValue) -> Result<(), JsValue> {
    let (lang, layout, announce) = read_options(options);
    let card = Card::from_report(report, lang);
    let card = if flag(options, "offline") { card.without_remote_images() } else { card };
    render(root, &card, layout, announce)
}

/// Renders the card of an error (nothing to verify, or the credential could not be loaded):
/// the code's sentence from the catalogue, else `message`.
///
/// # Errors
/// A JS error when the DOM refuses a node.
#[wasm_bindgen(js_name = renderError)]
pub fn render_error(root: &Node, code: &str, message: &str, options: JsValue) -> Result<(), JsValue> {
    let (lang, layout, announce) = read_options(&options);
    render(root, &Card::from_error(code, message, lang), layout, announce)
}

/// Hands over the message catalogue of the language `tag` names (the text of its
/// `pkg/i18n/TAG.json`, which the loader fetches for a page not in English). Until then, or when
/// it returns false (not a catalogue of that language), that language's cards read as English.
#[wasm_bindgen(js_name = installCatalogue)]
pub fn install_catalogue(tag: &str, json: &str) -> bool {
    crate::i18n::install(Lang::from_tag(tag), json).is_ok()
}

fn read_options(options: &JsValue) -> (Lang, Layout, bool) {
    let lang = lang(options);
    let layout = Layout::parse(&get(options, "layout").as_string().unwrap_or_default());
    (lang, layout, flag(options, "announce"))
}

/// The language `options.lang` names (a BCP 47 tag; English when absent or unknown).
pub(super) fn lang(options: &JsValue) -> Lang {
    Lang::from_tag(&get(options, "lang").as_string().unwrap_or_default())
}

/// `options[name]`, or `undefined` when `options` is not an object.
pub(super) fn get(options: &JsValue, name: &str) -> JsValue {
    if options.is_object() {
        Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// Whether `options[name]` is truthy.
pub(super) fn flag(options: &JsValue, name: &str) -> bool {
    get(options, name).is_truthy()
}
