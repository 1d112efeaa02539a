//! Unit tests of the parent module.
use super::*;

/// The published codes. Renaming one breaks users: this list changes only with a
/// **Breaking** changelog entry.
const FROZEN: &[&str] = &[
    "input_too_large",
    "malformed_json",
    "json_too_deep",
    "not_a_credential",
    "invalid_input",
    "invalid_options",
    "unsupported_format",
    "invalid_property",
    "invalid_date",
    "missing_verifiable_credential_type",
    "invalid_base_context",
    "unknown_context",
    "inline_context",
    "missing_verification_method",
    "unsupported_verification_method",
    "invalid_did_key",
    "invalid_multibase",
    "unsupported_key_type",
    "invalid_public_key",
    "verification_method_not_found",
    "invalid_controller_document",
    "key_not_bound_to_issuer",
    "document_unavailable",
    "missing_proof",
    "too_many_proofs",
    "unsupported_proof_type",
    "unsupported_cryptosuite",
    "malformed_proof",
    "wrong_proof_purpose",
    "undefined_term",
    "unsupported_json_ld",
    "invalid_json_ld",
    "expansion_limit",
    "canonicalization_limit",
    "proof_context_mismatch",
    "invalid_proof_value",
    "proof_expired",
    "signature_mismatch",
    "non_canonicalizable_number",
    "status_not_checked",
    "not_yet_valid",
    "expired",
];

fn every_variant() -> Vec<Error> {
    let t = Timestamp::from_unix_seconds(0);
    vec![
        Error::InputTooLarge { size: 2, limit: 1 },
        Error::MalformedJson { line: 1, column: 1, reason: String::new() },
        Error::JsonTooDeep { limit: 1 },
        Error::NotACredential(""),
        Error::InvalidInput(""),
        Error::InvalidOptions(String::new()),
        Error::UnsupportedFormat(""),
        Error::InvalidProperty { property: "", expected: "" },
        Error::InvalidDate { property: "", value: String::new() },
        Error::NotVerifiableCredentialType,
        Error::InvalidBaseContext(String::new()),
        Error::UnknownContext(String::new()),
        Error::InlineContext,
        Error::MissingVerificationMethod,
        Error::UnsupportedVerificationMethod(String::new()),
        Error::InvalidDidKey(String::new()),
        Error::InvalidMultibase,
        Error::UnsupportedKeyType(String::new()),
        Error::InvalidPublicKey,
        Error::VerificationMethodNotFound(String::new()),
        Error::InvalidControllerDocument { url: String::new(), reason: "" },
        Error::KeyNotBoundToIssuer { verification_method: String::new(), issuer: String::new() },
        Error::DocumentUnavailable(String::new()),
        Error::MissingProof,
        Error::TooManyProofs { limit: 1 },
        Error::UnsupportedProofType(String::new()),
        Error::UnsupportedCryptosuite(String::new()),
        Error::MalformedProof(""),
        Error::WrongProofPurpose(String::new()),
        Error::UndefinedTerm(String::new()),
        Error::UnsupportedJsonLd(""),
        Error::InvalidJsonLd(String::new()),
        Error::ExpansionLimit,
        Error::CanonicalizationLimit,
        Error::ProofContextMismatch,
        Error::InvalidProofValue,
        Error::ProofExpired { expires: t },
        Error::SignatureMismatch,
        Error::NonCanonicalizableNumber,
        Error::StatusNotChecked(String::new()),
        Error::NotYetValid { valid_from: t, now: t },
        Error::Expired { valid_until: t, now: t },
    ]
}

#[test]
fn codes_are_frozen() {
    let codes: Vec<&str> = every_variant().iter().map(Error::code).collect();
    assert_eq!(codes, FROZEN);
}

#[test]
fn codes_are_snake_case_and_unique() {
    let mut seen = std::collections::BTreeSet::new();
    for code in FROZEN {
        assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{code}");
        assert!(seen.insert(code), "duplicate {code}");
    }
}

#[test]
fn messages_are_lower_case_sentences() {
    for error in every_variant() {
        let text = error.to_string();
        let first = text.chars().next().unwrap_or('x');
        assert!(!first.is_uppercase(), "{text}");
    }
}
