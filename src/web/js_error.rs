//! `Error` → a real JS `Error` with `name = "BadgeError"` and a stable `code` property, so callers
//! can write `catch (e) { if (e.code === "malformed_json") … }`.

use wasm_bindgen::JsValue;

use crate::error::Error;

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        js_error(error.code(), &error.to_string())
    }
}

/// A JS `Error` named `BadgeError` with `code`.
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let js = js_sys::Error::new(message);
    js.set_name("BadgeError");
    // Setting a property on a fresh, extensible Error object cannot fail.
    let _ = js_sys::Reflect::set(&js, &"code".into(), &code.into());
    js.into()
}
