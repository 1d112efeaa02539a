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
    "baked_image_malformed",
    "baked_image_no_credential",
    "baked_image_ambiguous",
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
    "invalid_did_jwk",
    "rsa_key_too_small",
    "algorithm_key_mismatch",
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
    "selective_disclosure_base_proof",
    "proof_expired",
    "signature_mismatch",
    "non_canonicalizable_number",
    "status_not_checked",
    "invalid_status_entry",
    "invalid_status_list",
    "status_list_too_large",
    "status_index_out_of_range",
    "status_purpose_mismatch",
    "status_list_not_verified",
    "status_list_wrong_issuer",
    "status_list_expired",
    "status_list_not_yet_valid",
    "revoked",
    "suspended",
    "status_list_short",
    "status_message",
    "issuer_not_trusted",
    "recipient_mismatch",
    "no_recipient_identifier",
    "unsupported_identity_hash",
    "not_yet_valid",
    "expired",
    "not_in_this_build",
    "jws_malformed",
    "jws_algorithm_none",
    "jws_algorithm_not_allowed",
    "jws_algorithm_unsupported",
    "jws_critical_header_unsupported",
    "jws_media_type_invalid",
    "jwt_claims_invalid",
    "jwt_claims_inconsistent",
    "key_not_published_by_issuer",
    "ob2_hosted_mismatch",
    "ob2_wrong_origin",
    "ob2_key_not_owned",
    "ob2_document_invalid",
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
        Error::BakedImageMalformed(String::new()),
        Error::BakedImageNoCredential("PNG"),
        Error::BakedImageAmbiguous("SVG"),
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
        Error::DocumentUnavailable { id: String::new(), reason: Unavailable::NotProvided },
        Error::InvalidDidJwk(String::new()),
        Error::RsaKeyTooSmall { bits: 1024 },
        Error::AlgorithmKeyMismatch { algorithm: "RS256", key: "Ed25519" },
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
        Error::SelectiveDisclosureBaseProof,
        Error::ProofExpired { expires: t },
        Error::SignatureMismatch,
        Error::NonCanonicalizableNumber,
        Error::StatusNotChecked(String::new()),
        Error::InvalidStatusEntry(""),
        Error::InvalidStatusList(String::new()),
        Error::StatusListTooLarge { limit: 1 },
        Error::StatusIndexOutOfRange { index: 2, length: 1 },
        Error::StatusPurposeMismatch { entry: String::new(), list: String::new() },
        Error::StatusListNotVerified { code: "signature_mismatch" },
        Error::StatusListWrongIssuer { list_issuer: String::new(), issuer: String::new() },
        Error::StatusListExpired { valid_until: t },
        Error::StatusListNotYetValid { valid_from: t },
        Error::Revoked { message: None },
        Error::Suspended { message: None },
        Error::StatusListShort { length: 1 },
        Error::StatusMessage { value: String::new(), message: String::new() },
        Error::IssuerNotTrusted(String::new()),
        Error::RecipientMismatch,
        Error::NoRecipientIdentifier,
        Error::UnsupportedIdentityHash(String::new()),
        Error::NotYetValid { valid_from: t, now: t },
        Error::Expired { valid_until: t, now: t },
        Error::NotInThisBuild { feature: "", needed_for: String::new() },
        Error::JwsMalformed(String::new()),
        Error::JwsAlgorithmNone,
        Error::JwsAlgorithmNotAllowed(String::new()),
        Error::JwsAlgorithmUnsupported(String::new()),
        Error::JwsCriticalHeaderUnsupported(String::new()),
        Error::JwsMediaTypeInvalid(String::new()),
        Error::JwtClaimsInvalid(String::new()),
        Error::JwtClaimsInconsistent(String::new()),
        Error::KeyNotPublishedByIssuer,
        Error::Ob2HostedMismatch { url: String::new() },
        Error::Ob2WrongOrigin { id: String::new() },
        Error::Ob2KeyNotOwned { key: String::new() },
        Error::Ob2DocumentInvalid { document: "", reason: "" },
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
        // Digits only after the first letter (`ob2_…`: Open Badges 2.0).
        assert!(code.starts_with(|c: char| c.is_ascii_lowercase()), "{code}");
        assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'), "{code}");
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
