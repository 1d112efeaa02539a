//! `#[wasm_bindgen]` exports: `verify(input, options)` (everything given up front, nothing
//! fetched) and `didWebUrl(did)`; the resumable `startVerification` is in `verification`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::js_error::js_error;
use super::options;
use crate::verification::Verification;

/// Verifies one credential at once, with only the documents given: nothing is fetched (the JS
/// loader's `verify` drives `startVerification` instead, and fetches what is needed).
///
/// `input`: a string (JSON or JWT), a `Uint8Array`/`ArrayBuffer`, or a parsed object.
/// `options` (all optional): `now` (a `Date`, an RFC 3339 string, or milliseconds; default
/// the current time), `clockSkewSeconds` (default 300), `maxInputBytes` (default 1 MiB),
/// `documents`: `{ [urlOrDid]: string | object }`, documents the host has fetched, `contexts`:
/// `{ [url]: string | object }`, JSON-LD context documents to trust beside the bundled ones,
/// `trustedIssuers` (an array of issuer ids, DIDs or origins) and `recipient` (a string).
///
/// Returns the report (`{ verdict, checks, badge, needs }`); throws a `BadgeError` with a
/// `code` when the input is not a credential at all.
///
/// # Errors
/// A `BadgeError` (`malformed_json`, `input_too_large`, `not_a_credential`, `invalid_options`, …).
#[wasm_bindgen]
pub fn verify(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let bytes = options::bytes(&input)?;
    let (verify_options, documents) = options::read(&options)?;
    let mut report = Verification::start(&bytes, &verify_options, documents)?.finish();
    super::verification::show_baked_image(&mut report, Some(bytes));
    to_js(&report)
}

/// `value` as a plain JS value (objects, arrays, strings, numbers, `null`): serialized to JSON
/// text here and parsed by the engine's `JSON.parse`. That reuses serde_json, which the core links
/// anyway, instead of a serde-wasm-bindgen serializer for every reported type.
///
/// # Errors
/// A `BadgeError` (`internal`) if serialization fails, which a report's types never do.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_error("internal", &e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// The HTTPS URL of a `did:web` DID's document, or `undefined` for anything else.
#[wasm_bindgen(js_name = didWebUrl)]
pub fn did_web_url(did: &str) -> Option<String> {
    crate::key::did_web::document_url(did)
}

/// One Ed25519 `verify_strict` of `signature` (64 bytes) over `message` by `publicKey` (32 bytes):
/// the primitive every suite ends with, exported so benchmarks can compare a whole verification
/// with it in the same runtime. `false` for malformed keys or signatures.
#[wasm_bindgen(js_name = ed25519Verify)]
pub fn ed25519_verify(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(key), Ok(signature)) = (<[u8; 32]>::try_from(public_key), <[u8; 64]>::try_from(signature)) else {
        return false;
    };
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key) else { return false };
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&signature)).is_ok()
}
