//! Unit tests of the parent module.
use super::*;

/// The instant the example values carry.
const T0: Timestamp = Timestamp::from_unix_seconds(0);

/// Declares every `Error` variant once, with one example value (`{}` for a unit variant) and its
/// published code, and derives from that one list both `every_variant()` and an exhaustive
/// `match` (no `_` arm): a new variant does not compile until it is listed here, so it cannot
/// escape the frozen list, the catalogue check or the message check below.
macro_rules! variants {
    ($($name:ident $args:tt => $code:literal,)*) => {
        /// The published codes, in declaration order. Renaming one breaks users: an entry
        /// changes only with a **Breaking** changelog entry.
        const FROZEN: &[&str] = &[$($code),*];

        fn every_variant() -> Vec<Error> {
            vec![$(Error::$name $args),*]
        }

        /// The code this list gives `error`'s variant (exhaustive: see above).
        fn listed_code(error: &Error) -> &'static str {
            match error {
                $(Error::$name { .. } => $code,)*
            }
        }
    };
}

variants! {
    InputTooLarge { size: 2, limit: 1 } => "input_too_large",
    MalformedJson { line: 1, column: 1, reason: String::new() } => "malformed_json",
    JsonTooDeep { limit: 1 } => "json_too_deep",
    JsonTooComplex { what: "values", limit: 1 } => "json_too_complex",
    NotACredential("") => "not_a_credential",
    InvalidInput("") => "invalid_input",
    InvalidOptions(String::new()) => "invalid_options",
    BakedImageMalformed(String::new()) => "baked_image_malformed",
    BakedImageNoCredential("PNG") => "baked_image_no_credential",
    BakedImageAmbiguous("SVG") => "baked_image_ambiguous",
    UnsupportedFormat("") => "unsupported_format",
    InvalidProperty { property: "", expected: "" } => "invalid_property",
    InvalidDate { property: "", value: String::new() } => "invalid_date",
    NotVerifiableCredentialType {} => "missing_verifiable_credential_type",
    InvalidBaseContext(String::new()) => "invalid_base_context",
    UnknownContext(String::new()) => "unknown_context",
    InlineContext(String::new()) => "inline_context",
    MissingVerificationMethod {} => "missing_verification_method",
    UnsupportedVerificationMethod(String::new()) => "unsupported_verification_method",
    InvalidDidKey(String::new()) => "invalid_did_key",
    InvalidMultibase {} => "invalid_multibase",
    UnsupportedKeyType(String::new()) => "unsupported_key_type",
    InvalidPublicKey {} => "invalid_public_key",
    VerificationMethodNotFound(String::new()) => "verification_method_not_found",
    InvalidControllerDocument { url: String::new(), reason: "" } => "invalid_controller_document",
    KeyNotBoundToIssuer { verification_method: String::new(), issuer: String::new() } => "key_not_bound_to_issuer",
    DocumentUnavailable { id: String::new(), reason: Unavailable::NotProvided } => "document_unavailable",
    InvalidDidJwk(String::new()) => "invalid_did_jwk",
    RsaKeyTooSmall { bits: 1024 } => "rsa_key_too_small",
    AlgorithmKeyMismatch { algorithm: "RS256", key: "Ed25519" } => "algorithm_key_mismatch",
    MissingProof {} => "missing_proof",
    TooManyProofs { limit: 1 } => "too_many_proofs",
    UnsupportedProofType(String::new()) => "unsupported_proof_type",
    UnsupportedCryptosuite(String::new()) => "unsupported_cryptosuite",
    MalformedProof("") => "malformed_proof",
    WrongProofPurpose(String::new()) => "wrong_proof_purpose",
    UndefinedTerm(String::new()) => "undefined_term",
    UnsupportedJsonLd("") => "unsupported_json_ld",
    InvalidJsonLd(String::new()) => "invalid_json_ld",
    ExpansionLimit {} => "expansion_limit",
    CanonicalizationLimit {} => "canonicalization_limit",
    ProofContextMismatch {} => "proof_context_mismatch",
    InvalidProofValue {} => "invalid_proof_value",
    SelectiveDisclosureBaseProof {} => "selective_disclosure_base_proof",
    ProofExpired { expires: T0 } => "proof_expired",
    SignatureMismatch {} => "signature_mismatch",
    NonCanonicalizableNumber {} => "non_canonicalizable_number",
    ChallengeMismatch { expected: String::new(), found: None } => "challenge_mismatch",
    DomainMismatch { expected: String::new(), found: None } => "domain_mismatch",
    KeyNotBoundToHolder { verification_method: String::new(), holder: String::new() } => "key_not_bound_to_holder",
    HolderNotNamed {} => "holder_not_named",
    MemberNotVerified { not_verified: 1, total: 2, summary: String::new() } => "member_not_verified",
    TooManyMembers { limit: 1 } => "too_many_members",
    StatusNotChecked(String::new()) => "status_not_checked",
    InvalidStatusEntry("") => "invalid_status_entry",
    InvalidStatusList(String::new()) => "invalid_status_list",
    StatusListTooLarge { limit: 1 } => "status_list_too_large",
    StatusIndexOutOfRange { index: 2, length: 1 } => "status_index_out_of_range",
    StatusPurposeMismatch { entry: String::new(), list: String::new() } => "status_purpose_mismatch",
    StatusListNotVerified { code: "signature_mismatch" } => "status_list_not_verified",
    StatusListWrongIssuer { list_issuer: String::new(), issuer: String::new() } => "status_list_wrong_issuer",
    StatusListIdMismatch { url: String::new(), id: String::new() } => "status_list_id_mismatch",
    StatusListExpired { valid_until: T0 } => "status_list_expired",
    StatusListNotYetValid { valid_from: T0 } => "status_list_not_yet_valid",
    Revoked { message: None } => "revoked",
    Suspended { message: None } => "suspended",
    StatusListShort { length: 1 } => "status_list_short",
    StatusMessage { value: String::new(), message: String::new() } => "status_message",
    IssuerNotTrusted(String::new()) => "issuer_not_trusted",
    RecipientMismatch {} => "recipient_mismatch",
    NoRecipientIdentifier {} => "no_recipient_identifier",
    UnsupportedIdentityHash(String::new()) => "unsupported_identity_hash",
    NotYetValid { valid_from: T0, now: T0 } => "not_yet_valid",
    Expired { valid_until: T0, now: T0 } => "expired",
    NotInThisBuild { feature: "", needed_for: String::new() } => "not_in_this_build",
    JwsMalformed(String::new()) => "jws_malformed",
    JwsAlgorithmNone {} => "jws_algorithm_none",
    JwsAlgorithmNotAllowed(String::new()) => "jws_algorithm_not_allowed",
    JwsAlgorithmUnsupported(String::new()) => "jws_algorithm_unsupported",
    JwsCriticalHeaderUnsupported(String::new()) => "jws_critical_header_unsupported",
    JwsMediaTypeInvalid(String::new()) => "jws_media_type_invalid",
    JwtClaimsInvalid(String::new()) => "jwt_claims_invalid",
    JwtClaimsInconsistent(String::new()) => "jwt_claims_inconsistent",
    KeyNotPublishedByIssuer {} => "key_not_published_by_issuer",
    Ob2HostedMismatch { url: String::new() } => "ob2_hosted_mismatch",
    Ob2WrongOrigin { id: String::new() } => "ob2_wrong_origin",
    Ob2KeyNotOwned { key: String::new() } => "ob2_key_not_owned",
    Ob2DocumentInvalid { document: "", reason: "" } => "ob2_document_invalid",
    EndorsementSubjectMismatch { expected: None, found: None } => "endorsement_subject_mismatch",
    EndorsementNotVerified { not_verified: 1, total: 2, summary: String::new() } => "endorsement_not_verified",
    TooManyEndorsements { found: 17, limit: 16 } => "too_many_endorsements",
}

#[test]
fn codes_are_frozen() {
    let codes: Vec<&str> = every_variant().iter().map(Error::code).collect();
    assert_eq!(codes, FROZEN);
    for error in every_variant() {
        assert_eq!(error.code(), listed_code(&error));
    }
}

#[test]
fn every_code_is_in_the_catalogue() {
    for code in FROZEN {
        assert!(crate::i18n::CODES.contains(code), "{code} has no sentence in src/i18n/*.json");
    }
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
