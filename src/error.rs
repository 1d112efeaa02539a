//! `Error`: every reason a credential fails a check or cannot be checked at all, with its stable
//! snake_case code. This is the one code namespace (plus the pass codes in `report::Passed`);
//! `code()` is the contract that reaches JSON reports and JS as `error.code`.

use core::fmt;

use crate::timestamp::Timestamp;

/// Why a credential failed a check, could not be checked, or could not be read at all.
///
/// Input-level variants (`InputTooLarge`, `MalformedJson`, `JsonTooDeep`, `NotACredential`) come back
/// as `Err` from [`crate::verify`]; all others become a failed (or unchecked) line in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    // ---- input: nothing to report --------------------------------------------------------------
    /// The input is larger than the configured cap; it was not parsed.
    InputTooLarge {
        /// Bytes given.
        size: usize,
        /// The cap in force.
        limit: usize,
    },
    /// The input is not valid JSON (or not UTF-8).
    MalformedJson {
        /// 1-based line of the first error.
        line: usize,
        /// 1-based column of the first error.
        column: usize,
        /// What the parser saw.
        reason: String,
    },
    /// Arrays and objects are nested deeper than the cap.
    JsonTooDeep {
        /// The cap in force.
        limit: usize,
    },
    /// Valid JSON, but not a verifiable credential (not an object, or no `@context` / `type`).
    NotACredential(&'static str),
    /// The host passed an input that is neither text, bytes nor a JSON-serialisable object (JS API).
    InvalidInput(&'static str),
    /// The host passed unusable options (JS API).
    InvalidOptions(String),

    // ---- format ---------------------------------------------------------------------------------
    /// A JSON or JWT format this build does not verify (yet).
    UnsupportedFormat(&'static str),
    /// A required property is missing or has the wrong JSON type.
    InvalidProperty {
        /// The property, as a JSON path (`issuer.id`).
        property: &'static str,
        /// What was expected.
        expected: &'static str,
    },
    /// A date property is not an XML Schema dateTime with a time zone.
    InvalidDate {
        /// The property.
        property: &'static str,
        /// The text found.
        value: String,
    },
    /// `type` does not include `VerifiableCredential`.
    NotVerifiableCredentialType,

    // ---- contexts -------------------------------------------------------------------------------
    /// The first `@context` is not the VC 1.1 or VC 2.0 base context.
    InvalidBaseContext(String),
    /// A context URL that is not bundled with this build; it is never fetched.
    UnknownContext(String),
    /// An embedded (object) context: terms defined outside the bundled contexts are refused.
    InlineContext,

    // ---- issuer_key -----------------------------------------------------------------------------
    /// The proof names no verification method.
    MissingVerificationMethod,
    /// A verification method this build cannot resolve (a DID method or scheme not supported).
    UnsupportedVerificationMethod(String),
    /// A `did:key` that is malformed or whose fragment does not name its own key.
    InvalidDidKey(String),
    /// Not a base58btc (`z…`) multibase string.
    InvalidMultibase,
    /// A key type other than Ed25519 (the multicodec prefix or the method type).
    UnsupportedKeyType(String),
    /// 32 bytes that are not a valid Ed25519 public key.
    InvalidPublicKey,
    /// The controller document does not contain the verification method.
    VerificationMethodNotFound(String),
    /// The controller document is not usable (wrong shape, wrong id).
    InvalidControllerDocument {
        /// The document's URL or DID.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The key is not one the issuer has authorised for issuing (`assertionMethod`).
    KeyNotBoundToIssuer {
        /// The verification method used.
        verification_method: String,
        /// The credential's issuer.
        issuer: String,
    },
    /// A document needed for this check was not provided (offline, or the fetch failed).
    DocumentUnavailable(String),

    // ---- proof ----------------------------------------------------------------------------------
    /// The credential has no `proof`.
    MissingProof,
    /// More proofs than the cap.
    TooManyProofs {
        /// The cap in force.
        limit: usize,
    },
    /// A proof `type` this build does not implement.
    UnsupportedProofType(String),
    /// A `DataIntegrityProof` `cryptosuite` this build does not implement.
    UnsupportedCryptosuite(String),
    /// A proof property is missing or malformed.
    MalformedProof(&'static str),
    /// `proofPurpose` is not `assertionMethod`.
    WrongProofPurpose(String),
    /// A term or type that the contexts do not define: JSON-LD would drop it, so the signature
    /// would not cover it (safe mode).
    UndefinedTerm(String),
    /// A JSON-LD feature this build does not implement (it fails closed rather than guess).
    UnsupportedJsonLd(&'static str),
    /// The document or a context breaks a JSON-LD rule (e.g. a protected term redefined).
    InvalidJsonLd(String),
    /// JSON-LD expansion exceeded its work cap.
    ExpansionLimit,
    /// RDF canonicalization exceeded its work cap (a "poison" dataset).
    CanonicalizationLimit,
    /// `proof.@context` is not a prefix of the document's `@context`.
    ProofContextMismatch,
    /// `proofValue` does not decode to a 64-byte Ed25519 signature.
    InvalidProofValue,
    /// `proof.expires` has passed.
    ProofExpired {
        /// When the proof expired.
        expires: Timestamp,
    },
    /// The signature does not match this credential and key.
    SignatureMismatch,
    /// A number that JCS (RFC 8785) cannot serialise.
    NonCanonicalizableNumber,

    // ---- status -----------------------------------------------------------------------------------
    /// The credential has a `credentialStatus` this build cannot check yet (never read as
    /// revoked, never as verified: the verdict is `verified_with_warnings`).
    StatusNotChecked(String),

    // ---- validity -------------------------------------------------------------------------------
    /// `validFrom` (or `issuanceDate`) is in the future.
    NotYetValid {
        /// The credential's start.
        valid_from: Timestamp,
        /// The instant judged.
        now: Timestamp,
    },
    /// `validUntil` (or `expirationDate`) has passed.
    Expired {
        /// The credential's end.
        valid_until: Timestamp,
        /// The instant judged.
        now: Timestamp,
    },
}

impl Error {
    /// Stable machine-readable code. Never rename a published one: a rename is a breaking change.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InputTooLarge { .. } => "input_too_large",
            Self::MalformedJson { .. } => "malformed_json",
            Self::JsonTooDeep { .. } => "json_too_deep",
            Self::NotACredential(_) => "not_a_credential",
            Self::InvalidInput(_) => "invalid_input",
            Self::InvalidOptions(_) => "invalid_options",
            Self::UnsupportedFormat(_) => "unsupported_format",
            Self::InvalidProperty { .. } => "invalid_property",
            Self::InvalidDate { .. } => "invalid_date",
            Self::NotVerifiableCredentialType => "missing_verifiable_credential_type",
            Self::InvalidBaseContext(_) => "invalid_base_context",
            Self::UnknownContext(_) => "unknown_context",
            Self::InlineContext => "inline_context",
            Self::MissingVerificationMethod => "missing_verification_method",
            Self::UnsupportedVerificationMethod(_) => "unsupported_verification_method",
            Self::InvalidDidKey(_) => "invalid_did_key",
            Self::InvalidMultibase => "invalid_multibase",
            Self::UnsupportedKeyType(_) => "unsupported_key_type",
            Self::InvalidPublicKey => "invalid_public_key",
            Self::VerificationMethodNotFound(_) => "verification_method_not_found",
            Self::InvalidControllerDocument { .. } => "invalid_controller_document",
            Self::KeyNotBoundToIssuer { .. } => "key_not_bound_to_issuer",
            Self::DocumentUnavailable(_) => "document_unavailable",
            Self::MissingProof => "missing_proof",
            Self::TooManyProofs { .. } => "too_many_proofs",
            Self::UnsupportedProofType(_) => "unsupported_proof_type",
            Self::UnsupportedCryptosuite(_) => "unsupported_cryptosuite",
            Self::MalformedProof(_) => "malformed_proof",
            Self::WrongProofPurpose(_) => "wrong_proof_purpose",
            Self::UndefinedTerm(_) => "undefined_term",
            Self::UnsupportedJsonLd(_) => "unsupported_json_ld",
            Self::InvalidJsonLd(_) => "invalid_json_ld",
            Self::ExpansionLimit => "expansion_limit",
            Self::CanonicalizationLimit => "canonicalization_limit",
            Self::ProofContextMismatch => "proof_context_mismatch",
            Self::InvalidProofValue => "invalid_proof_value",
            Self::ProofExpired { .. } => "proof_expired",
            Self::SignatureMismatch => "signature_mismatch",
            Self::NonCanonicalizableNumber => "non_canonicalizable_number",
            Self::StatusNotChecked(_) => "status_not_checked",
            Self::NotYetValid { .. } => "not_yet_valid",
            Self::Expired { .. } => "expired",
        }
    }

    /// Whether this is "this build does not implement that", as opposed to "that is wrong".
    /// Such a credential gets the verdict `unsupported`, never `not_verified`.
    pub fn is_unsupported(&self) -> bool {
        matches!(
            self,
            Self::UnsupportedFormat(_)
                | Self::UnsupportedVerificationMethod(_)
                | Self::UnsupportedKeyType(_)
                | Self::UnsupportedProofType(_)
                | Self::UnsupportedCryptosuite(_)
                | Self::UnsupportedJsonLd(_)
        )
    }

    /// Whether the check could not be carried out (as opposed to: it was, and failed).
    pub fn is_unchecked(&self) -> bool {
        matches!(self, Self::DocumentUnavailable(_) | Self::StatusNotChecked(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InputTooLarge { size, limit } => {
                write!(f, "input is {size} bytes, more than the limit of {limit}")
            }
            Self::MalformedJson { line, column, reason } => {
                write!(f, "input is not valid JSON at line {line} column {column}: {reason}")
            }
            Self::JsonTooDeep { limit } => write!(f, "input nests arrays and objects deeper than {limit} levels"),
            Self::NotACredential(why) => write!(f, "not a verifiable credential: {why}"),
            Self::InvalidInput(why) => write!(f, "input is not usable: {why}"),
            Self::InvalidOptions(why) => write!(f, "options are not usable: {why}"),
            Self::UnsupportedFormat(what) => write!(f, "{what} is not supported yet"),
            Self::InvalidProperty { property, expected } => {
                write!(f, "`{property}` must be {expected}")
            }
            Self::InvalidDate { property, value } => {
                write!(f, "`{property}` is not a date-time with a time zone: {value:?}")
            }
            Self::NotVerifiableCredentialType => {
                write!(f, "`type` does not include VerifiableCredential")
            }
            Self::InvalidBaseContext(url) => {
                write!(f, "the first @context must be the VC 1.1 or 2.0 context, not {url:?}")
            }
            Self::UnknownContext(url) => write!(f, "context {url:?} is not known to this verifier"),
            Self::InlineContext => {
                write!(f, "embedded @context objects are not accepted; only known context URLs")
            }
            Self::MissingVerificationMethod => write!(f, "the proof names no verification method"),
            Self::UnsupportedVerificationMethod(vm) => {
                write!(f, "verification method {vm:?} cannot be resolved by this verifier")
            }
            Self::InvalidDidKey(why) => write!(f, "invalid did:key: {why}"),
            Self::InvalidMultibase => write!(f, "key or signature is not base58btc multibase"),
            Self::UnsupportedKeyType(kind) => write!(f, "key type {kind} is not supported"),
            Self::InvalidPublicKey => write!(f, "the public key is not a valid Ed25519 key"),
            Self::VerificationMethodNotFound(vm) => {
                write!(f, "verification method {vm:?} is not in its controller document")
            }
            Self::InvalidControllerDocument { url, reason } => {
                write!(f, "the document for {url:?} is not usable: {reason}")
            }
            Self::KeyNotBoundToIssuer { verification_method, issuer } => {
                write!(f, "key {verification_method:?} is not an assertion key of issuer {issuer:?}")
            }
            Self::DocumentUnavailable(url) => write!(f, "the document {url:?} was not available"),
            Self::MissingProof => write!(f, "the credential has no proof"),
            Self::TooManyProofs { limit } => write!(f, "more than {limit} proofs"),
            Self::UnsupportedProofType(t) => write!(f, "proof type {t:?} is not supported yet"),
            Self::UnsupportedCryptosuite(s) => write!(f, "cryptosuite {s:?} is not supported yet"),
            Self::MalformedProof(why) => write!(f, "malformed proof: {why}"),
            Self::WrongProofPurpose(p) => {
                write!(f, "proof purpose is {p:?}, a credential needs assertionMethod")
            }
            Self::UndefinedTerm(term) => {
                write!(f, "{term:?} is not defined by the credential's contexts, so the signature would not cover it")
            }
            Self::UnsupportedJsonLd(feature) => write!(f, "the JSON-LD feature {feature} is not supported"),
            Self::InvalidJsonLd(why) => write!(f, "invalid JSON-LD: {why}"),
            Self::ExpansionLimit => write!(f, "expanding the JSON-LD exceeded its work limit"),
            Self::CanonicalizationLimit => write!(f, "canonicalizing the RDF exceeded its work limit"),
            Self::ProofContextMismatch => {
                write!(f, "the proof's @context is not a prefix of the credential's @context")
            }
            Self::InvalidProofValue => {
                write!(f, "proofValue is not a base58btc-encoded 64-byte signature")
            }
            Self::ProofExpired { expires } => write!(f, "the proof expired at {expires}"),
            Self::SignatureMismatch => {
                write!(f, "the signature does not match the credential and key")
            }
            Self::NonCanonicalizableNumber => write!(f, "a number cannot be canonicalized"),
            Self::StatusNotChecked(kind) => {
                write!(f, "the revocation status ({kind}) could not be checked: status lists are not supported yet")
            }
            Self::NotYetValid { valid_from, now } => {
                write!(f, "valid from {valid_from}, which is after {now}")
            }
            Self::Expired { valid_until, now } => {
                write!(f, "valid until {valid_until}, which is before {now}")
            }
        }
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests;
