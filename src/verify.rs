//! `verify`: input bytes → the ordered checks → a `Report`. One line per check; the checks
//! themselves live in `checks`, `key` and `proof`. No I/O and no clock: `now` is an option and
//! fetched documents come in through `Documents`.

use crate::badge::BadgeView;
use crate::checks;
use crate::contexts::Contexts;
use crate::credential::Credential;
use crate::documents::Documents;
use crate::error::Error;
use crate::input::{self, Decoded};
use crate::json::Limits;
use crate::key;
use crate::proof::{self, MAX_PROOFS};
use crate::report::{CheckId, Checklist, Passed, Report};
use crate::timestamp::Timestamp;

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
        }
    }
}

/// Verifies one credential.
///
/// `Err` means there is nothing to report on (too large, not JSON, not a credential). A
/// credential that fails a check is `Ok` with a report whose verdict says so.
///
/// # Errors
/// `input_too_large`, `json_too_deep`, `malformed_json`, `not_a_credential`.
pub fn verify(input: &[u8], options: &Options, documents: &Documents) -> Result<Report, Error> {
    let value = match input::decode(input, &options.limits)? {
        Decoded::Json(value) => value,
        Decoded::Unsupported(what) => {
            let mut list = Checklist::default();
            list.record::<()>(CheckId::Format, None, Err(Error::UnsupportedFormat(what)));
            return Ok(list.finish(None));
        }
    };
    let credential = Credential::from_json(value)?;
    let (now, skew) = (options.now, options.clock_skew_seconds);
    let mut list = Checklist::default();
    list.record(CheckId::Format, None, checks::format(&credential).map(with_unit));
    list.record(CheckId::Contexts, None, checks::contexts(&credential, &options.contexts).map(with_unit));
    check_proofs(&credential, options, documents, &mut list);
    list.record(CheckId::ValidFrom, None, checks::has_started(&credential, now, skew).map(with_unit));
    list.record(CheckId::ValidUntil, None, checks::not_expired(&credential, now, skew).map(with_unit));
    list.record(CheckId::Status, None, checks::status(&credential).map(with_unit));
    list.record(CheckId::IssuerTrust, None, Ok((Passed::NoTrustList, ())));
    list.record(CheckId::Recipient, None, Ok((Passed::NoRecipientGiven, ())));
    Ok(list.finish(Some(BadgeView::from_credential(&credential.json))))
}

/// `issuer_key` then `proof`, for each proof of the (possibly one-element) proof set.
///
/// Every proof is checked and reported. A credential needs at least one valid proof by a key its
/// issuer authorised, and no failed one; a valid proof by another party's key (a co-signer) is
/// then a warning, and on its own a failure.
fn check_proofs(credential: &Credential, options: &Options, documents: &Documents, list: &mut Checklist) {
    let proofs = credential.proofs();
    if proofs.is_empty() {
        list.record::<()>(CheckId::IssuerKey, None, Err(Error::MissingProof));
        list.record::<()>(CheckId::Proof, None, Err(Error::MissingProof));
        return;
    }
    if proofs.len() > MAX_PROOFS {
        list.record::<()>(CheckId::Proof, None, Err(Error::TooManyProofs { limit: MAX_PROOFS }));
        return;
    }
    let unsecured = credential.without_proof();
    let results: Vec<ProofResult> =
        proofs.iter().map(|proof| check_one(credential, proof, &proofs, &unsecured, options, documents)).collect();
    let issuer_proof_verified =
        results.iter().any(|r| r.key.is_ok() && r.binding.is_ok() && matches!(r.signature, Some(Ok(_))));
    let index = |i: usize| (proofs.len() > 1).then_some(i);
    for (i, result) in results.into_iter().enumerate() {
        match (result.key, result.binding) {
            (Err(error), _) => {
                list.record::<()>(CheckId::IssuerKey, index(i), Err(error));
            }
            (Ok(_), Ok(())) => {
                list.record(CheckId::IssuerKey, index(i), Ok((Passed::KeyBoundToIssuer, ())));
            }
            (Ok(_), Err(error @ Error::KeyNotBoundToIssuer { .. }))
                if issuer_proof_verified && matches!(result.signature, Some(Ok(_))) =>
            {
                list.warn(CheckId::IssuerKey, index(i), &error);
            }
            (Ok(_), Err(error)) => {
                list.record::<()>(CheckId::IssuerKey, index(i), Err(error));
            }
        }
        match result.signature {
            Some(signature) => {
                list.record(CheckId::Proof, index(i), signature.map(with_unit));
            }
            None => list.skipped(CheckId::Proof, index(i), CheckId::IssuerKey),
        }
    }
}

/// What one proof of the set came to.
struct ProofResult {
    key: Result<key::ResolvedKey, Error>,
    binding: Result<(), Error>,
    /// `None` when there was no key to check the signature with.
    signature: Option<Result<Passed, Error>>,
}

fn check_one(
    credential: &Credential,
    proof_json: &serde_json::Value,
    all_proofs: &[&serde_json::Value],
    unsecured: &serde_json::Map<String, serde_json::Value>,
    options: &Options,
    documents: &Documents,
) -> ProofResult {
    let key = proof::verification_method(proof_json).and_then(|method| key::resolve(method, documents));
    let binding = match (&key, credential.issuer.as_deref()) {
        (Ok(key), Some(issuer)) => key::check_bound(&key.verification_method, issuer, documents),
        (Ok(_), None) => Err(Error::InvalidProperty { property: "issuer", expected: "a URL, or an object with an id" }),
        (Err(_), _) => Ok(()),
    };
    let signature = match (proof::read(proof_json, options.now, options.clock_skew_seconds), &key) {
        (Err(error), _) => Some(Err(error)),
        (Ok(_), Err(_)) => None,
        (Ok(proof), Ok(key)) => Some(
            proof::signed_document(&proof, unsecured, all_proofs)
                .and_then(|document| proof::signature_matches(&document, &proof, &key.public_key, &options.contexts)),
        ),
    };
    ProofResult { key, binding, signature }
}

fn with_unit(passed: Passed) -> (Passed, ()) {
    (passed, ())
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::report::{Outcome, Verdict};

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
        let report = verify(b"eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln", &options, &Documents::new()).unwrap();
        assert_eq!(report.verdict, Verdict::Unsupported);
        assert_eq!(failed(&report), ["unsupported_format"]);
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
