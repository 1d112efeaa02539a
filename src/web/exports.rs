//! `#[wasm_bindgen]` exports: `verify(input, options)` and `didWebUrl(did)`.

use js_sys::{Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js_error::js_error;
use crate::documents::Documents;
use crate::error::Error;
use crate::timestamp::Timestamp;
use crate::verify::{self, Options};

/// Verifies one credential.
///
/// `input`: a string (JSON or JWT), a `Uint8Array`/`ArrayBuffer`, or a parsed object.
/// `options` (all optional): `now` (a `Date`, an RFC 3339 string, or milliseconds; default
/// the current time), `clockSkewSeconds` (default 300), `maxInputBytes` (default 1 MiB), and
/// `documents`: `{ [urlOrDid]: string | object }`, documents the host has fetched, and `contexts`:
/// `{ [url]: string | object }`, JSON-LD context documents to trust beside the bundled ones.
///
/// Returns the report (`{ verdict, checks, badge, needs }`); throws a `BadgeError` with a
/// `code` when the input is not a credential at all.
///
/// # Errors
/// A `BadgeError` (`malformed_json`, `input_too_large`, `not_a_credential`, `invalid_options`, …).
#[wasm_bindgen]
pub fn verify(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let bytes = input_bytes(&input)?;
    let mut verify_options = Options::at(now_option(&options)?);
    if let Some(skew) = number_option(&options, "clockSkewSeconds")? {
        verify_options.clock_skew_seconds = skew as i64;
    }
    if let Some(max) = number_option(&options, "maxInputBytes")? {
        verify_options.limits.max_input_bytes = max as usize;
    }
    register_contexts(&options, &mut verify_options)?;
    let documents = documents_option(&options, &verify_options)?;
    let report = verify::verify(&bytes, &verify_options, &documents)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&serializer).map_err(|e| js_error("internal", &e.to_string()))
}

/// The HTTPS URL of a `did:web` DID's document, or `undefined` for anything else.
#[wasm_bindgen(js_name = didWebUrl)]
pub fn did_web_url(did: &str) -> Option<String> {
    crate::key::did_web::document_url(did)
}

fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = input.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(array) = input.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    if input.is_object() {
        let text =
            js_sys::JSON::stringify(input).map_err(|_| invalid_input("the object cannot be serialised as JSON"))?;
        return Ok(String::from(text).into_bytes());
    }
    Err(invalid_input("give a string, bytes or an object"))
}

fn invalid_input(why: &'static str) -> JsValue {
    Error::InvalidInput(why).into()
}

fn invalid_options(why: &str) -> JsValue {
    Error::InvalidOptions(why.to_owned()).into()
}

fn get(options: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !options.is_object() {
        return Err(invalid_options("options must be an object"));
    }
    Reflect::get(options, &name.into()).map_err(|_| invalid_options(name))
}

fn number_option(options: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    let value = get(options, name)?;
    if value.is_undefined() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
        _ => Err(invalid_options(&format!("{name} must be a non-negative number"))),
    }
}

/// `now`: a Date, an RFC 3339 string, or epoch milliseconds; default `Date.now()`.
fn now_option(options: &JsValue) -> Result<Timestamp, JsValue> {
    let value = get(options, "now")?;
    let millis = if value.is_undefined() {
        js_sys::Date::now()
    } else if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        date.get_time()
    } else if let Some(text) = value.as_string() {
        return Timestamp::parse(&text)
            .ok_or_else(|| invalid_options("now must be an RFC 3339 date-time with a time zone"));
    } else if let Some(n) = value.as_f64() {
        n
    } else {
        return Err(invalid_options("now must be a Date, a string or milliseconds"));
    };
    if !millis.is_finite() {
        return Err(invalid_options("now is not a valid date"));
    }
    Ok(Timestamp::from_unix_seconds((millis / 1000.0).floor() as i64))
}

/// `contexts`: extra JSON-LD contexts the host trusts (`{ [url]: string | object }`).
fn register_contexts(options: &JsValue, verify_options: &mut Options) -> Result<(), JsValue> {
    let value = get(options, "contexts")?;
    if value.is_undefined() || value.is_null() {
        return Ok(());
    }
    let object: &Object = value.dyn_ref().ok_or_else(|| invalid_options("contexts must be an object"))?;
    for entry in Object::entries(object).iter() {
        let pair = js_sys::Array::from(&entry);
        let url = pair.get(0).as_string().unwrap_or_default();
        let bytes =
            input_bytes(&pair.get(1)).map_err(|_| invalid_options(&format!("contexts[{url:?}] is not JSON")))?;
        verify_options.contexts.register(&url, &bytes).map_err(JsValue::from)?;
    }
    Ok(())
}

fn documents_option(options: &JsValue, verify_options: &Options) -> Result<Documents, JsValue> {
    let mut documents = Documents::new();
    let value = get(options, "documents")?;
    if value.is_undefined() || value.is_null() {
        return Ok(documents);
    }
    let object: &Object = value.dyn_ref().ok_or_else(|| invalid_options("documents must be an object"))?;
    for entry in Object::entries(object).iter() {
        let pair = js_sys::Array::from(&entry);
        let id = pair.get(0).as_string().unwrap_or_default();
        let document = pair.get(1);
        let bytes = input_bytes(&document)
            .map_err(|_| invalid_options(&format!("documents[{id:?}] is not JSON text or an object")))?;
        documents
            .insert_json(&id, &bytes, &verify_options.limits)
            .map_err(|e: Error| js_error(e.code(), &format!("documents[{id:?}]: {e}")))?;
    }
    Ok(documents)
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
