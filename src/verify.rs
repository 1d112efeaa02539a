//! `verify`: input bytes → the ordered checks → a `Report`, with documents given up front. The
//! checks run in `verification` (the sans-I/O loop that asks for documents); they live in
//! `checks`, `key`, `proof` and `status`. No I/O and no clock: `now` is an option.

use crate::contexts::Contexts;
use crate::documents::Documents;
use crate::error::Error;
use crate::json::Limits;
use crate::report::Report;
use crate::timestamp::Timestamp;
use crate::verification::Verification;

/// How to verify.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The instant to judge validity at (the host reads its clock; the core never does).
    pub now: Timestamp,
    /// Clock difference tolerated on every date comparison, in seconds (default 300).
    pub clock_skew_seconds: i64,
    /// Caps on input size and nesting.
    pub limits: Limits,
    /// The JSON-LD contexts known: the bundled ones plus any the host registered.
    pub contexts: Contexts,
    /// The issuers the host trusts (ids, DIDs or origins); `None`: no trust check (not applicable).
    pub trusted_issuers: Option<Vec<String>>,
    /// The recipient to check the credential against (an e-mail, URL, phone, DID …), compared
    /// locally; `None`: no recipient check (not applicable).
    pub recipient: Option<String>,
    /// The `challenge` a presentation's proof must carry (the nonce the host gave the holder);
    /// `None`: not checked, and a verified presentation is reported with a warning (it may be a
    /// replay).
    pub challenge: Option<String>,
    /// The `domain` a presentation's proof must be made for (the host's origin or name); `None`:
    /// not checked.
    pub domain: Option<String>,
}

impl Options {
    /// Default options judging validity at `now`.
    pub fn at(now: Timestamp) -> Self {
        Self {
            now,
            clock_skew_seconds: 300,
            limits: Limits::default(),
            contexts: Contexts::new(),
            trusted_issuers: None,
            recipient: None,
            challenge: None,
            domain: None,
        }
    }
}

/// Verifies one credential with the documents given up front (air-gapped use, or a host that
/// fetched them already); whatever else a check needs counts as not provided. A host that can
/// fetch drives [`Verification`] instead.
///
/// `Err` means there is nothing to report on (too large, not JSON, not a credential). A
/// credential that fails a check is `Ok` with a report whose verdict says so.
///
/// # Errors
/// `input_too_large`, `json_too_deep`, `malformed_json`, `not_a_credential`;
/// `baked_image_malformed`, `baked_image_no_credential`, `baked_image_ambiguous` for a badge image.
pub fn verify(input: &[u8], options: &Options, documents: &Documents) -> Result<Report, Error> {
    Ok(Verification::start(input, options, documents.clone())?.finish())
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::proof::MAX_PROOFS;
    use crate::report::{CheckId, Outcome, Verdict};

    const VALID: &str = include_str!("../tests/fixtures/valid/open-badge-3.json");

    fn judge(credential: &Value) -> Report {
        let options = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap_or(Timestamp::from_unix_seconds(0)));
        verify(credential.to_string().as_bytes(), &options, &Documents::new()).unwrap()
    }

    fn failed(report: &Report) -> Vec<&'static str> {
        report.checks.iter().filter(|c| c.outcome == Outcome::Failed).map(|c| c.code).collect()
    }

    fn valid() -> Value {
        serde_json::from_str(VALID).unwrap()
    }

    #[test]
    fn the_valid_fixture_passes_every_check_in_order() {
        let report = judge(&valid());
        assert_eq!(report.verdict, Verdict::Verified);
        let ids: Vec<CheckId> = report.checks.iter().map(|c| c.id).collect();
        assert_eq!(ids, CheckId::REQUIRED);
    }

    #[test]
    fn missing_verification_method() {
        let mut credential = valid();
        credential["proof"].as_object_mut().unwrap().remove("verificationMethod");
        let report = judge(&credential);
        assert_eq!(failed(&report), ["missing_verification_method"]);
        let proof = report.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
        assert_eq!((proof.outcome, proof.code), (Outcome::Unchecked, "skipped"));
        assert_eq!(report.verdict, Verdict::NotVerified);
    }

    #[test]
    fn too_many_proofs() {
        let mut credential = valid();
        let proof = credential["proof"].clone();
        credential["proof"] = Value::Array(vec![proof; MAX_PROOFS + 1]);
        let report = judge(&credential);
        assert_eq!(failed(&report), ["too_many_proofs"]);
        assert_eq!(report.verdict, Verdict::NotVerified);
    }

    #[test]
    fn proof_context_must_prefix_the_documents() {
        let mut credential = valid();
        credential["proof"]["@context"] =
            json!(["https://www.w3.org/ns/credentials/v2", "https://w3id.org/security/data-integrity/v2"]);
        assert_eq!(failed(&judge(&credential)), ["proof_context_mismatch"]);
    }

    #[test]
    fn a_proof_set_reports_each_proof() {
        let mut credential = valid();
        let proof = credential["proof"].clone();
        credential["proof"] = json!([proof.clone(), proof]);
        let report = judge(&credential);
        assert_eq!(report.verdict, Verdict::Verified);
        let proofs: Vec<Option<usize>> =
            report.checks.iter().filter(|c| c.id == CheckId::Proof).map(|c| c.proof).collect();
        assert_eq!(proofs, [Some(0), Some(1)]);
    }

    #[test]
    fn unsupported_formats_are_reports_not_errors() {
        let options = Options::at(Timestamp::from_unix_seconds(0));
        let report = verify(b"eyJhbGciOiJFUzUxMiJ9.eyJ2YyI6e319.c2ln", &options, &Documents::new()).unwrap();
        assert_eq!(report.verdict, Verdict::Unsupported);
        // ES512 (P-521) is not implemented; a build without `jwt` reads no token at all.
        let expected = if cfg!(feature = "jwt") { "jws_algorithm_unsupported" } else { "not_in_this_build" };
        assert_eq!(failed(&report), [expected]);
        assert_eq!(report.badge, None);
    }

    #[test]
    fn input_errors_are_errors() {
        let options = Options::at(Timestamp::from_unix_seconds(0));
        let none = Documents::new();
        assert_eq!(verify(b"{", &options, &none).unwrap_err().code(), "malformed_json");
        assert_eq!(verify(b"{\"type\":1}", &options, &none).unwrap_err().code(), "not_a_credential");
    }
}
