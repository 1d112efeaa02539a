//! `VerifiedReport` (JS class): a report as an opaque handle that only a verification can build.
//! The element keeps one per card and draws from it, so nothing a page script holds (an event's
//! `detail`, the `report` getter's copy) can change what the card shows: as rustls's
//! `HandshakeSignatureValid` can only come out of the check, a card's verdict can only come out
//! of `Verification.finishReport()`. Plain objects for people and listeners come from `toJSON()`.

use wasm_bindgen::prelude::*;

use super::exports::to_js;
use crate::report::Report;

/// A finished verification's report, held in wasm memory (JS class `VerifiedReport`). JS cannot
/// construct one: the only way to get it is `Verification.finishReport()`. Call `free()` when done.
#[wasm_bindgen(js_name = VerifiedReport)]
#[derive(Debug)]
pub struct VerifiedReport {
    report: Report,
}

impl VerifiedReport {
    /// Wraps a report a verification produced (crate only: the handle's guarantee).
    pub(crate) fn new(report: Report) -> Self {
        Self { report }
    }

    /// The report inside.
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The report as JSON, as the card and portfolio models read it. Through JSON text:
    /// serde_json's string writer and parser are linked already, its `Value` serializer would add
    /// to the module.
    pub(crate) fn value(&self) -> Result<serde_json::Value, JsValue> {
        let text = serde_json::to_string(&self.report).map_err(|e| JsValue::from_str(&e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| JsValue::from_str(&e.to_string()))
    }
}

#[wasm_bindgen(js_class = VerifiedReport)]
impl VerifiedReport {
    /// The verdict: `verified`, `verified_with_warnings`, `expired`, `not_yet_valid`, `revoked`,
    /// `suspended`, `not_verified` or `unsupported`.
    ///
    /// # Errors
    /// A `BadgeError` (`internal`) if serialization fails, which a verdict never does.
    #[wasm_bindgen(getter)]
    pub fn verdict(&self) -> Result<JsValue, JsValue> {
        to_js(&self.report.verdict)
    }

    /// A fresh plain object of the report (`{ verdict, checks, badge, needs }`), the caller's to keep
    /// or change: what the card draws stays in the handle.
    ///
    /// # Errors
    /// A `BadgeError` (`internal`) if serialization fails, which a report's types never do.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&self.report)
    }
}
