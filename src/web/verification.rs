//! The resumable verification for JS: `startVerification(input, options)` returns a
//! `Verification` that says which documents it needs (`needs()`), takes each one's bytes
//! (`provide`) or why it could not be had (`unavailable`), and yields the report (`finish()`, a
//! plain object, or `finishReport()`, the opaque handle the card draws from).
//! The JS loader drives it with the page's one fetcher; the core never fetches.

use wasm_bindgen::prelude::*;

use super::exports::to_js;
use super::options;
use super::verified_report::VerifiedReport;
#[cfg(feature = "baked")]
use crate::badge::Image;
#[cfg(feature = "baked")]
use crate::base64;
use crate::error::{Error, Unavailable};
#[cfg(feature = "baked")]
use crate::report::InputFormat;
use crate::report::Report;
use crate::verification;

/// A verification in progress (JS class `Verification`). Call `free()` when done with it.
#[wasm_bindgen(js_name = Verification)]
#[derive(Debug)]
pub struct JsVerification {
    /// `None` once finished.
    inner: Option<verification::Verification>,
    /// The input, kept when it may be a baked image: the card shows the image itself.
    image: Option<Vec<u8>>,
}

/// Starts verifying `input` (a string, bytes or an object) with `options` (as for `verify`; the
/// `documents` given are used before anything is asked for).
///
/// # Errors
/// A `BadgeError` when there is nothing to verify (`malformed_json`, `input_too_large`,
/// `not_a_credential`, `invalid_input`) or an option is unusable (`invalid_options`).
#[wasm_bindgen(js_name = startVerification)]
pub fn start_verification(input: JsValue, options: JsValue) -> Result<JsVerification, JsValue> {
    let bytes = options::bytes(&input)?;
    let (verify_options, documents) = options::read(&options)?;
    let inner = verification::Verification::start(&bytes, &verify_options, documents)?;
    let image = (bytes.starts_with(b"\x89PNG") || bytes.trim_ascii_start().starts_with(b"<")).then_some(bytes);
    Ok(JsVerification { inner: Some(inner), image })
}

#[wasm_bindgen(js_class = Verification)]
impl JsVerification {
    /// Advances as far as the documents given allow; returns what is still needed, as an array
    /// of `{ id, url, purpose }` (`url` is `null` when there is no way to fetch `id`; `purpose`
    /// is `controller_document` or `status_list`). Empty: call `finish()`.
    ///
    /// # Errors
    /// A `BadgeError` (`invalid_input`) after `finish()`.
    pub fn needs(&mut self) -> Result<JsValue, JsValue> {
        let needs = self.inner()?.needs();
        to_js(&needs)
    }

    /// Gives the document `id` (as a need named it): its bytes, text, or parsed object. A document
    /// that does not parse counts as unavailable, with why.
    ///
    /// # Errors
    /// A `BadgeError`: `invalid_input` for a value that is not bytes, text or an object, or after `finish()`.
    pub fn provide(&mut self, id: &str, document: JsValue) -> Result<(), JsValue> {
        let bytes = options::bytes(&document)?;
        self.inner()?.provide(id, &bytes);
        Ok(())
    }

    /// Says the document `id` cannot be had. `kind`: `offline`, `http` (`detail`: the status),
    /// `timeout`, `too_large` (`detail`: the cap in bytes), `network`, `not_fetchable` or
    /// `invalid` (`detail`: the words to show, e.g. "could not reach issuer.example …").
    ///
    /// # Errors
    /// A `BadgeError`: `invalid_options` for an unknown `kind` or a missing number, or
    /// `invalid_input` after `finish()`.
    pub fn unavailable(&mut self, id: &str, kind: &str, detail: JsValue) -> Result<(), JsValue> {
        let reason = reason(kind, &detail)?;
        self.inner()?.unavailable(id, reason);
        Ok(())
    }

    /// The report (`{ verdict, checks, badge, needs }`); whatever is still needed counts as not
    /// provided. The verification cannot be used afterwards.
    ///
    /// # Errors
    /// A `BadgeError` (`invalid_input`) when called twice.
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        self.finish_report()?.to_json()
    }

    /// The report as an opaque handle (`VerifiedReport`), for `renderReport`: the only way to
    /// get one, so a card always draws what a verification found. Otherwise as `finish()`.
    ///
    /// # Errors
    /// A `BadgeError` (`invalid_input`) when the verification has finished already.
    #[wasm_bindgen(js_name = finishReport)]
    pub fn finish_report(&mut self) -> Result<VerifiedReport, JsValue> {
        let inner = self.inner.take().ok_or_else(finished)?;
        let mut report = inner.finish();
        show_baked_image(&mut report, self.image.take());
        Ok(VerifiedReport::new(report))
    }
}

impl JsVerification {
    fn inner(&mut self) -> Result<&mut verification::Verification, JsValue> {
        self.inner.as_mut().ok_or_else(finished)
    }
}

/// A baked badge's card shows the image it was baked into (Open Badges: the image *is* the badge),
/// as a `data:` URL of the input's own bytes — nothing is fetched, and an SVG in an `<img>` runs
/// no script.
#[cfg_attr(not(feature = "baked"), allow(unused_variables, clippy::needless_pass_by_ref_mut))]
pub(crate) fn show_baked_image(report: &mut Report, image: Option<Vec<u8>>) {
    // Only a build that reads baked images has a baked report (the page's core never does).
    #[cfg(feature = "baked")]
    {
        let media = match report.input {
            InputFormat::BakedPng => "image/png",
            InputFormat::BakedSvg => "image/svg+xml",
            _ => return,
        };
        if let (Some(badge), Some(bytes)) = (report.badge.as_mut(), image) {
            let caption = badge.image.take().and_then(|image| image.caption);
            badge.image =
                Some(Image { url: format!("data:{media};base64,{}", base64::encode_standard(&bytes)), caption });
        }
    }
}

fn finished() -> JsValue {
    Error::InvalidInput("this verification has finished").into()
}

/// `kind` + `detail` → why a document could not be had.
fn reason(kind: &str, detail: &JsValue) -> Result<Unavailable, JsValue> {
    let words = || detail.as_string().filter(|s| !s.is_empty()).unwrap_or_else(|| kind.replace('_', " "));
    let number = |what: &str| {
        detail
            .as_f64()
            // Integers only: parsing a float from text would link the float parser and its tables.
            .or_else(|| detail.as_string().and_then(|s| s.trim().parse::<u64>().ok()).map(|n| n as f64))
            .filter(|n| n.is_finite() && *n >= 0.0)
            .ok_or_else(|| options::invalid(&format!("unavailable({kind:?}) needs {what} as its detail")))
    };
    Ok(match kind {
        "offline" => Unavailable::Offline,
        "http" => Unavailable::HttpStatus(number("the HTTP status")?.min(f64::from(u16::MAX)) as u16),
        "timeout" => Unavailable::Timeout,
        "too_large" => Unavailable::TooLarge { limit: number("the cap in bytes")? as usize },
        "network" => Unavailable::Network(words()),
        "not_fetchable" => Unavailable::NotFetchable(words()),
        "invalid" => Unavailable::Invalid(words()),
        _ => {
            return Err(options::invalid(
                "unavailable kind must be offline, http, timeout, too_large, network, not_fetchable or invalid",
            ))
        }
    })
}
