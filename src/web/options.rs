//! JS options → `Options` and `Documents`, for `verify` and `startVerification` alike. Every
//! option is checked: a wrong type is a `BadgeError` with code `invalid_options` that names it.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::js_error::js_error;
use crate::documents::Documents;
use crate::error::Error;
use crate::timestamp::Timestamp;
use crate::verify::Options;

/// The options and the documents given up front.
///
/// `now` (a `Date`, an RFC 3339 string, or milliseconds; default the current time),
/// `clockSkewSeconds` (default 300), `maxInputBytes` (default 1 MiB), `contexts`
/// (`{ [url]: string | object }`, JSON-LD contexts to trust beside the bundled ones), `documents`
/// (`{ [urlOrDid]: string | object }`), `trustedIssuers` (an array of issuer ids, DIDs or
/// origins), `recipient` (a string: an e-mail address, URL, DID …), and for a presentation
/// `challenge` and `domain` (strings: what its proof must carry).
pub(crate) fn read(options: &JsValue) -> Result<(Options, Documents), JsValue> {
    let mut verify_options = Options::at(now(options)?);
    if let Some(skew) = number(options, "clockSkewSeconds")? {
        verify_options.clock_skew_seconds = skew as i64;
    }
    if let Some(max) = number(options, "maxInputBytes")? {
        verify_options.limits.max_input_bytes = max as usize;
    }
    register_contexts(options, &mut verify_options)?;
    verify_options.trusted_issuers = trusted_issuers(options)?;
    verify_options.recipient = recipient(options)?;
    verify_options.challenge = exact_string(options, "challenge")?;
    verify_options.domain = exact_string(options, "domain")?;
    let documents = documents(options, &verify_options)?;
    Ok((verify_options, documents))
}

/// The bytes of a credential or document: a string, a `Uint8Array` / `ArrayBuffer`, or an
/// object (serialised as JSON).
pub(crate) fn bytes(input: &JsValue) -> Result<Vec<u8>, JsValue> {
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
        let text = js_sys::JSON::stringify(input)
            .map_err(|_| JsValue::from(Error::InvalidInput("the object cannot be serialised as JSON")))?;
        return Ok(String::from(text).into_bytes());
    }
    Err(Error::InvalidInput("give a string, bytes or an object").into())
}

/// A `BadgeError` with code `invalid_options`.
pub(crate) fn invalid(why: &str) -> JsValue {
    Error::InvalidOptions(why.to_owned()).into()
}

fn get(options: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !options.is_object() {
        return Err(invalid("options must be an object"));
    }
    Reflect::get(options, &name.into()).map_err(|_| invalid(name))
}

fn number(options: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    let value = get(options, name)?;
    if value.is_undefined() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
        _ => Err(invalid(&format!("{name} must be a non-negative number"))),
    }
}

/// `now`: a Date, an RFC 3339 string, or epoch milliseconds; default `Date.now()`.
fn now(options: &JsValue) -> Result<Timestamp, JsValue> {
    let value = get(options, "now")?;
    let millis = if value.is_undefined() {
        js_sys::Date::now()
    } else if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        date.get_time()
    } else if let Some(text) = value.as_string() {
        return Timestamp::parse(&text).ok_or_else(|| invalid("now must be an RFC 3339 date-time with a time zone"));
    } else if let Some(n) = value.as_f64() {
        n
    } else {
        return Err(invalid("now must be a Date, a string or milliseconds"));
    };
    if !millis.is_finite() {
        return Err(invalid("now is not a valid date"));
    }
    Ok(Timestamp::from_unix_seconds((millis / 1000.0).floor() as i64))
}

/// `trustedIssuers`: an array of issuer ids, DIDs or `https://` origins, each checked as the
/// CLI checks its file (`trust::parse_list`: no blank or padded entries, no scheme-less ones).
/// Absent or `null`: no trust check. An empty array trusts nobody (fail closed).
fn trusted_issuers(options: &JsValue) -> Result<Option<Vec<String>>, JsValue> {
    let value = get(options, "trustedIssuers")?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !Array::is_array(&value) {
        return Err(invalid("trustedIssuers must be an array of strings"));
    }
    let text = js_sys::JSON::stringify(&value).map_err(|_| invalid("trustedIssuers must be an array of strings"))?;
    crate::trust::parse_list(String::from(text).as_bytes()).map(Some).map_err(JsValue::from)
}

/// `recipient`: a non-empty string; absent or `null`: no recipient check.
fn recipient(options: &JsValue) -> Result<Option<String>, JsValue> {
    let value = get(options, "recipient")?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_string() {
        Some(text) if !text.trim().is_empty() => Ok(Some(text.trim().to_owned())),
        _ => Err(invalid("recipient must be a non-empty string")),
    }
}

/// `challenge` / `domain`: a non-empty string, compared as given; absent or `null`: not checked.
fn exact_string(options: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    let value = get(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_string() {
        Some(text) if !text.is_empty() => Ok(Some(text)),
        _ => Err(invalid(&format!("{name} must be a non-empty string"))),
    }
}

/// `contexts`: extra JSON-LD contexts the host trusts (`{ [url]: string | object }`).
fn register_contexts(options: &JsValue, verify_options: &mut Options) -> Result<(), JsValue> {
    let value = get(options, "contexts")?;
    if value.is_undefined() || value.is_null() {
        return Ok(());
    }
    let object: &Object = value.dyn_ref().ok_or_else(|| invalid("contexts must be an object"))?;
    for entry in Object::entries(object).iter() {
        let pair = Array::from(&entry);
        let url = pair.get(0).as_string().unwrap_or_default();
        let bytes = bytes(&pair.get(1)).map_err(|_| invalid(&format!("contexts[{url:?}] is not JSON")))?;
        verify_options.contexts.register(&url, &bytes).map_err(JsValue::from)?;
    }
    Ok(())
}

/// `documents`: documents the host already has (`{ [urlOrDid]: string | object }`).
fn documents(options: &JsValue, verify_options: &Options) -> Result<Documents, JsValue> {
    let mut documents = Documents::new();
    let value = get(options, "documents")?;
    if value.is_undefined() || value.is_null() {
        return Ok(documents);
    }
    let object: &Object = value.dyn_ref().ok_or_else(|| invalid("documents must be an object"))?;
    for entry in Object::entries(object).iter() {
        let pair = Array::from(&entry);
        let id = pair.get(0).as_string().unwrap_or_default();
        let bytes =
            bytes(&pair.get(1)).map_err(|_| invalid(&format!("documents[{id:?}] is not JSON text or an object")))?;
        documents
            .insert_json(&id, &bytes, &verify_options.limits)
            .map_err(|e: Error| js_error(e.code(), &format!("documents[{id:?}]: {e}")))?;
    }
    Ok(documents)
}
