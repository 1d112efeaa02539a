//! The JS API under Node (wasm-bindgen-test's default runtime).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(target_arch = "wasm32")]

mod wasm_shared;

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn fixtures_are_judged_as_natively() {
    wasm_shared::fixtures_are_judged_as_natively();
}

#[wasm_bindgen_test]
fn report_is_a_plain_camel_case_object() {
    wasm_shared::report_is_a_plain_camel_case_object();
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_a_code() {
    wasm_shared::errors_are_js_errors_with_a_code();
}

#[wasm_bindgen_test]
fn documents_option_binds_an_https_issuer() {
    wasm_shared::documents_option_binds_an_https_issuer();
}
