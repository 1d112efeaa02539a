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

#[wasm_bindgen_test]
fn verification_loop_asks_then_takes_a_document() {
    wasm_shared::verification::the_loop_asks_then_takes_a_document();
}

#[wasm_bindgen_test]
fn verification_unavailable_kinds_reach_the_report() {
    wasm_shared::verification::unavailable_kinds_reach_the_report();
}

#[wasm_bindgen_test]
fn verification_document_that_does_not_parse_is_unavailable() {
    wasm_shared::verification::a_document_that_does_not_parse_is_unavailable();
}

#[wasm_bindgen_test]
fn trusted_issuers_and_recipient_options() {
    wasm_shared::verification::trusted_issuers_and_recipient_options();
}

#[wasm_bindgen_test]
fn a_presentation_report_has_members() {
    wasm_shared::verification::a_presentation_report_has_members();
}

#[wasm_bindgen_test]
#[cfg(all(feature = "jwt", feature = "presentations"))]
fn a_vp_jwt_is_verified_with_its_members() {
    wasm_shared::verification::a_vp_jwt_is_verified_with_its_members();
}

#[cfg(feature = "baked")]
#[wasm_bindgen_test]
fn baked_images_are_judged_as_their_json() {
    wasm_shared::baked_images_are_judged_as_their_json();
}

#[wasm_bindgen_test]
#[cfg(feature = "jwt")]
fn vc_jwts_are_verified() {
    wasm_shared::vc_jwts_are_verified();
}

#[cfg(feature = "ob2")]
#[wasm_bindgen_test]
fn an_open_badges_2_assertion_asks_for_its_hosted_documents() {
    wasm_shared::verification::an_open_badges_2_assertion_asks_for_its_hosted_documents();
}

#[cfg(feature = "ecdsa")]
#[wasm_bindgen_test]
fn selective_disclosure_fixtures() {
    wasm_shared::selective_disclosure_fixtures();
}

#[wasm_bindgen_test]
fn verification_report_handle_gives_fresh_copies() {
    wasm_shared::verification::the_report_handle_gives_fresh_copies_of_what_the_verification_found();
}
