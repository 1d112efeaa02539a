//! `Error`: every reason a credential fails a check or cannot be checked at all, with its stable
//! snake_case code. This is the one code namespace (plus the pass codes in `report::Passed`);
//! `code()` is the contract that reaches JSON reports and JS as `error.code`.

use core::fmt;

use crate::timestamp::Timestamp;

/// Why a document a check needed could not be had: said by the host that tried to fetch it, or
/// by the verification itself (not provided, over a limit).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unavailable {
    /// Not provided, and the verification was finished without it.
    NotProvided,
    /// The host is offline or was told not to fetch.
    Offline,
    /// The server answered with this HTTP status.
    HttpStatus(u16),
    /// The request timed out.
    Timeout,
    /// The response was larger than the cap.
    TooLarge {
        /// The cap in force, in bytes.
        limit: usize,
    },
    /// The network failed (DNS, TLS, connection refused, CORS in a browser): the host's words.
    Network(String),
    /// The host does not fetch this URL (not `https:`, or no URL for this id).
    NotFetchable(String),
    /// The document arrived but is not usable (not JSON, too deep, …): the code and message.
    Invalid(String),
    /// The verification already fetched as many documents as it allows.
    TooManyDocuments {
        /// The cap in force.
        limit: usize,
    },
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotProvided => write!(f, "not provided"),
            Self::Offline => write!(f, "offline, nothing was fetched"),
            Self::HttpStatus(status) => write!(f, "the server answered HTTP {status}"),
            Self::Timeout => write!(f, "the request timed out"),
            Self::TooLarge { limit } => write!(f, "the response is larger than {limit} bytes"),
            Self::Network(why) => write!(f, "{why}"),
            Self::NotFetchable(why) => write!(f, "not fetched: {why}"),
            Self::Invalid(why) => write!(f, "{why}"),
            Self::TooManyDocuments { limit } => {
                write!(f, "the verification already used {limit} documents, its limit")
            }
        }
    }
}

/// Why a credential failed a check, could not be checked, or could not be read at all.
///
/// Input-level variants (`InputTooLarge`, `MalformedJson`, `JsonTooDeep`, `JsonTooComplex`, `NotACredential`, the
/// `BakedImage…` ones) come back
/// as `Err` from [`crate::verify()`]; all others become a failed (or unchecked) line in the report.
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
    /// The input holds more arrays and objects, or more values, than the caps (each costs heap
    /// memory when parsed, and work in every later stage).
    JsonTooComplex {
        /// What was counted: `arrays and objects`, or `values`.
        what: &'static str,
        /// The cap in force.
        limit: usize,
    },
    /// Valid JSON, but not a verifiable credential (not an object, or no `@context` / `type`).
    NotACredential(&'static str),
    /// The host passed an input that is neither text, bytes nor a JSON-serialisable object (JS API).
    InvalidInput(&'static str),
    /// The host passed unusable options (JS API).
    InvalidOptions(String),
    /// A badge image (PNG or SVG) that cannot be read safely or is not well-formed: bad CRC-32,
    /// truncated or oversized chunk, compressed text past the cap, DTD internal subset, unknown
    /// entity, or a baked payload that is neither JSON, a JWS nor an `https` URL.
    BakedImageMalformed(String),
    /// A PNG or SVG image with no Open Badges credential baked in (`"PNG"` / `"SVG"`).
    BakedImageNoCredential(&'static str),
    /// An image with more than one credential baked in: which one is meant is unclear.
    BakedImageAmbiguous(&'static str),

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
    /// A context the document carries (an object, not a URL) defines a term the card shows
    /// (`badge::SHOWN_TERMS`): only the bundled contexts may say what those keys mean, since an
    /// RDFC signature covers the statements, not the keys (`checks::contexts`). Other context
    /// objects are processed like the bundled contexts and judged by JSON-LD's own codes.
    InlineContext(String),

    // ---- issuer_key -----------------------------------------------------------------------------
    /// The proof names no verification method.
    MissingVerificationMethod,
    /// A verification method this build cannot resolve (a DID method or scheme not supported).
    UnsupportedVerificationMethod(String),
    /// A `did:key` that is malformed or whose fragment does not name its own key.
    InvalidDidKey(String),
    /// Not a base58btc (`z…`) multibase string.
    InvalidMultibase,
    /// A key type this verifier does not know (the multicodec prefix, the method type, the JWK `kty` / `crv`, the SPKI algorithm).
    UnsupportedKeyType(String),
    /// Bytes that are not a valid public key of their type (a point off its curve, a bad RSA exponent, malformed DER, a private JWK).
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
    DocumentUnavailable {
        /// The URL or DID (without fragment) that was needed.
        id: String,
        /// Why it could not be had.
        reason: Unavailable,
    },
    /// A `did:jwk` whose suffix is not base64url of a public JWK.
    InvalidDidJwk(String),
    /// An RSA key shorter than 2048 bits (NIST SP 800-131A): refused whatever it signed.
    RsaKeyTooSmall {
        /// The modulus length in bits.
        bits: usize,
    },
    /// A signature algorithm the key's type cannot make: algorithm confusion (an RS256
    /// signature checked against an Ed25519 key, ES384 against a P-256 key, …).
    AlgorithmKeyMismatch {
        /// The algorithm the signature claims (JOSE name).
        algorithm: &'static str,
        /// The key's type.
        key: &'static str,
    },

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
    /// `proofValue` does not decode to a signature of the suite's form (encoding, length, or an
    /// ecdsa-sd-2023 proof value's CBOR structure).
    InvalidProofValue,
    /// An ecdsa-sd-2023 *base* proof (header `0xd9 0x5d 0x00`): it is for the holder to derive
    /// a disclosure from, never for a verifier (ecdsa-sd-2023 §3.5.7 parseDerivedProofValue).
    SelectiveDisclosureBaseProof,
    /// `proof.expires` has passed.
    ProofExpired {
        /// When the proof expired.
        expires: Timestamp,
    },
    /// The signature does not match this credential and key.
    SignatureMismatch,
    /// A number that JCS (RFC 8785) cannot serialise.
    NonCanonicalizableNumber,

    // ---- presentations and CLRs ------------------------------------------------------------------
    /// A presentation's proof has no `challenge`, or another than the host expected (Data
    /// Integrity §4.3, verify proof, step 9).
    ChallengeMismatch {
        /// The challenge the host expected.
        expected: String,
        /// The proof's, if any (up to 100 characters).
        found: Option<String>,
    },
    /// A presentation's proof has no `domain`, or not the one the host expected.
    DomainMismatch {
        /// The domain the host expected.
        expected: String,
        /// The proof's, if any (up to 100 characters).
        found: Option<String>,
    },
    /// A presentation's proof is by a key its `holder` does not list under `authentication`.
    KeyNotBoundToHolder {
        /// The proof's verification method.
        verification_method: String,
        /// The presentation's holder.
        holder: String,
    },
    /// A presentation names no `holder`: its proof shows a key signed it, not whose (a warning
    /// when the signature holds).
    HolderNotNamed,
    /// Some credentials a presentation or CLR encloses are not verified (each report says why).
    MemberNotVerified {
        /// How many are not verified.
        not_verified: usize,
        /// How many there are.
        total: usize,
        /// The tally in words ("11 of 12 verified, 1 expired").
        summary: String,
    },
    /// A presentation or CLR encloses more credentials than the cap; none is verified.
    TooManyMembers {
        /// The cap in force.
        limit: usize,
    },
    /// An endorsement's `credentialSubject.id` is not the id of the object it is embedded in: it
    /// endorses something else (or the object has no id to be endorsed by), so it is not shown as
    /// endorsing this badge.
    /// See: <https://www.imsglobal.org/spec/ob/v3p0/#endorsementsubject>
    EndorsementSubjectMismatch {
        /// The embedding object's id, if it has one.
        expected: Option<String>,
        /// The endorsement's `credentialSubject.id`, if any (up to 200 characters).
        found: Option<String>,
    },
    /// Some of the credential's endorsements are not verified (each report says why): a warning,
    /// never a failure of the badge.
    EndorsementNotVerified {
        /// How many are not verified.
        not_verified: usize,
        /// How many there are.
        total: usize,
        /// The tally in words ("1 of 2 verified, 1 expired").
        summary: String,
    },
    /// The credential carries more endorsements than the cap; none is verified (a warning).
    TooManyEndorsements {
        /// How many it carries.
        found: usize,
        /// The cap in force.
        limit: usize,
    },

    // ---- proof: JOSE (VC-JWT) --------------------------------------------------------------------
    /// A compact JWS that is not three canonical base64url parts of a JSON header, a JSON
    /// payload and a signature.
    JwsMalformed(String),
    /// `alg: none`: an unsecured JWT carries no signature at all.
    JwsAlgorithmNone,
    /// An algorithm never acceptable for a credential (HMAC: a shared secret, not an issuer's key).
    JwsAlgorithmNotAllowed(String),
    /// A signature algorithm this build does not implement.
    JwsAlgorithmUnsupported(String),
    /// A `crit` header (or `b64`) this verifier does not understand (RFC 7515 §4.1.11).
    JwsCriticalHeaderUnsupported(String),
    /// A `typ` or `cty` that is not a credential's.
    JwsMediaTypeInvalid(String),
    /// JWT claims of the wrong type, or claims a `vc+jwt` must not carry.
    JwtClaimsInvalid(String),
    /// A JWT claim and the credential property it stands for disagree.
    JwtClaimsInconsistent(String),
    /// The JWS was signed by the key in its own header, which the issuer does not publish: a
    /// warning when the signature holds, never a key bound to the issuer.
    KeyNotPublishedByIssuer,

    // ---- Open Badges 2.0 --------------------------------------------------------------------------
    /// The copy of a hosted assertion at its `id` URL differs from the assertion given.
    Ob2HostedMismatch {
        /// The URL the hosted copy came from.
        url: String,
    },
    /// The hosted assertion's `id` is outside the origins its issuer verifies from (the issuer
    /// id's host, or the issuer's `verification.allowedOrigins` / `startsWith`).
    Ob2WrongOrigin {
        /// The assertion's `id`.
        id: String,
    },
    /// The signing key (`verification.creator`) is not the issuer's: its `owner` is not the
    /// issuer, or the issuer's `publicKey` does not list it.
    Ob2KeyNotOwned {
        /// The key's id.
        key: String,
    },
    /// A linked Open Badges 2.0 document (BadgeClass, Profile, CryptographicKey, RevocationList)
    /// lacks what it must have.
    Ob2DocumentInvalid {
        /// Which document (`BadgeClass`, `Profile`, …).
        document: &'static str,
        /// What is wrong.
        reason: &'static str,
    },

    // ---- status -----------------------------------------------------------------------------------
    /// The credential has a `credentialStatus` of a type this build does not check (never read
    /// as revoked, never as verified: the verdict is `verified_with_warnings`).
    StatusNotChecked(String),
    /// A `credentialStatus` entry is malformed (a required property missing or of the wrong type).
    InvalidStatusEntry(&'static str),
    /// The status list is not usable: wrong type or shape, or its `encodedList` does not decode.
    InvalidStatusList(String),
    /// The status list inflates past the cap (a GZIP bomb, or an absurd list).
    StatusListTooLarge {
        /// The cap in force, in bytes.
        limit: usize,
    },
    /// The entry's index is beyond the end of the list.
    StatusIndexOutOfRange {
        /// The entry's index.
        index: u64,
        /// Entries in the list.
        length: u64,
    },
    /// The entry's `statusPurpose` is not the list's.
    StatusPurposeMismatch {
        /// The entry's purpose.
        entry: String,
        /// The list's purpose(s).
        list: String,
    },
    /// The status list credential failed its own verification (its proof, key or shape).
    StatusListNotVerified {
        /// The code of the check that failed it.
        code: &'static str,
    },
    /// The status list credential was issued by someone other than the credential's issuer.
    StatusListWrongIssuer {
        /// The list's issuer.
        list_issuer: String,
        /// The credential's issuer.
        issuer: String,
    },
    /// The status list credential's `id` names another list than the URL it was fetched or given
    /// for, and its bit is clear: another (genuine) list of the same issuer could be answering for
    /// it, so "not revoked" is not believed (a set bit still reads as revoked). docs/SECURITY.md.
    StatusListIdMismatch {
        /// The URL the entry names (`statusListCredential`).
        url: String,
        /// The list's own `id`.
        id: String,
    },
    /// The status list credential's `validUntil` has passed.
    StatusListExpired {
        /// The list's end.
        valid_until: Timestamp,
    },
    /// The status list credential's `validFrom` is in the future.
    StatusListNotYetValid {
        /// The list's start.
        valid_from: Timestamp,
    },
    /// The issuer has revoked the credential.
    Revoked {
        /// The list's status message, where it gives one.
        message: Option<String>,
    },
    /// The issuer has suspended the credential.
    Suspended {
        /// The list's status message, where it gives one.
        message: Option<String>,
    },
    /// A warning: the list has fewer entries than Bitstring Status List requires (131,072), which
    /// weakens the holder's privacy; the status read from it still holds.
    StatusListShort {
        /// Entries in the list.
        length: u64,
    },
    /// A warning: a `message` status entry, with the issuer's message for its value.
    StatusMessage {
        /// The status value, as `0x…` hex.
        value: String,
        /// The issuer's message for it.
        message: String,
    },

    // ---- issuer_trust -------------------------------------------------------------------------------
    /// The host gave a list of trusted issuers and the credential's issuer is not on it.
    IssuerNotTrusted(String),

    // ---- recipient ----------------------------------------------------------------------------------
    /// The host's recipient matches none of the credential's recipient identifiers.
    RecipientMismatch,
    /// The host asked for a recipient check and the credential names no recipient to compare.
    NoRecipientIdentifier,
    /// A recipient identifier is hashed with an algorithm this build does not know.
    UnsupportedIdentityHash(String),

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

    // ---- build ----------------------------------------------------------------------------------
    /// The credential needs a part this build leaves out (a cargo feature, [`crate::features`]):
    /// the page's core wasm reports it, and the loader verifies the credential again with the
    /// full module.
    NotInThisBuild {
        /// The cargo feature that would carry it (`extra-contexts`, …).
        feature: &'static str,
        /// What needed it (a context URL, …), up to 200 characters.
        needed_for: String,
    },
}

impl Error {
    /// Stable machine-readable code. Never rename a published one: a rename is a breaking change.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InputTooLarge { .. } => "input_too_large",
            Self::MalformedJson { .. } => "malformed_json",
            Self::JsonTooDeep { .. } => "json_too_deep",
            Self::JsonTooComplex { .. } => "json_too_complex",
            Self::NotACredential(_) => "not_a_credential",
            Self::InvalidInput(_) => "invalid_input",
            Self::InvalidOptions(_) => "invalid_options",
            Self::BakedImageMalformed(_) => "baked_image_malformed",
            Self::BakedImageNoCredential(_) => "baked_image_no_credential",
            Self::BakedImageAmbiguous(_) => "baked_image_ambiguous",
            Self::UnsupportedFormat(_) => "unsupported_format",
            Self::InvalidProperty { .. } => "invalid_property",
            Self::InvalidDate { .. } => "invalid_date",
            Self::NotVerifiableCredentialType => "missing_verifiable_credential_type",
            Self::InvalidBaseContext(_) => "invalid_base_context",
            Self::UnknownContext(_) => "unknown_context",
            Self::InlineContext(_) => "inline_context",
            Self::MissingVerificationMethod => "missing_verification_method",
            Self::UnsupportedVerificationMethod(_) => "unsupported_verification_method",
            Self::InvalidDidKey(_) => "invalid_did_key",
            Self::InvalidMultibase => "invalid_multibase",
            Self::UnsupportedKeyType(_) => "unsupported_key_type",
            Self::InvalidPublicKey => "invalid_public_key",
            Self::VerificationMethodNotFound(_) => "verification_method_not_found",
            Self::InvalidControllerDocument { .. } => "invalid_controller_document",
            Self::KeyNotBoundToIssuer { .. } => "key_not_bound_to_issuer",
            Self::DocumentUnavailable { .. } => "document_unavailable",
            Self::InvalidDidJwk(_) => "invalid_did_jwk",
            Self::RsaKeyTooSmall { .. } => "rsa_key_too_small",
            Self::AlgorithmKeyMismatch { .. } => "algorithm_key_mismatch",
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
            Self::SelectiveDisclosureBaseProof => "selective_disclosure_base_proof",
            Self::ProofExpired { .. } => "proof_expired",
            Self::SignatureMismatch => "signature_mismatch",
            Self::NonCanonicalizableNumber => "non_canonicalizable_number",
            Self::ChallengeMismatch { .. } => "challenge_mismatch",
            Self::DomainMismatch { .. } => "domain_mismatch",
            Self::KeyNotBoundToHolder { .. } => "key_not_bound_to_holder",
            Self::HolderNotNamed => "holder_not_named",
            Self::MemberNotVerified { .. } => "member_not_verified",
            Self::TooManyMembers { .. } => "too_many_members",
            Self::EndorsementSubjectMismatch { .. } => "endorsement_subject_mismatch",
            Self::EndorsementNotVerified { .. } => "endorsement_not_verified",
            Self::TooManyEndorsements { .. } => "too_many_endorsements",
            Self::StatusNotChecked(_) => "status_not_checked",
            Self::InvalidStatusEntry(_) => "invalid_status_entry",
            Self::InvalidStatusList(_) => "invalid_status_list",
            Self::StatusListTooLarge { .. } => "status_list_too_large",
            Self::StatusIndexOutOfRange { .. } => "status_index_out_of_range",
            Self::StatusPurposeMismatch { .. } => "status_purpose_mismatch",
            Self::StatusListNotVerified { .. } => "status_list_not_verified",
            Self::StatusListWrongIssuer { .. } => "status_list_wrong_issuer",
            Self::StatusListIdMismatch { .. } => "status_list_id_mismatch",
            Self::StatusListExpired { .. } => "status_list_expired",
            Self::StatusListNotYetValid { .. } => "status_list_not_yet_valid",
            Self::Revoked { .. } => "revoked",
            Self::Suspended { .. } => "suspended",
            Self::StatusListShort { .. } => "status_list_short",
            Self::StatusMessage { .. } => "status_message",
            Self::JwsMalformed(_) => "jws_malformed",
            Self::JwsAlgorithmNone => "jws_algorithm_none",
            Self::JwsAlgorithmNotAllowed(_) => "jws_algorithm_not_allowed",
            Self::JwsAlgorithmUnsupported(_) => "jws_algorithm_unsupported",
            Self::JwsCriticalHeaderUnsupported(_) => "jws_critical_header_unsupported",
            Self::JwsMediaTypeInvalid(_) => "jws_media_type_invalid",
            Self::JwtClaimsInvalid(_) => "jwt_claims_invalid",
            Self::JwtClaimsInconsistent(_) => "jwt_claims_inconsistent",
            Self::KeyNotPublishedByIssuer => "key_not_published_by_issuer",
            Self::Ob2HostedMismatch { .. } => "ob2_hosted_mismatch",
            Self::Ob2WrongOrigin { .. } => "ob2_wrong_origin",
            Self::Ob2KeyNotOwned { .. } => "ob2_key_not_owned",
            Self::Ob2DocumentInvalid { .. } => "ob2_document_invalid",
            Self::IssuerNotTrusted(_) => "issuer_not_trusted",
            Self::RecipientMismatch => "recipient_mismatch",
            Self::NoRecipientIdentifier => "no_recipient_identifier",
            Self::UnsupportedIdentityHash(_) => "unsupported_identity_hash",
            Self::NotYetValid { .. } => "not_yet_valid",
            Self::Expired { .. } => "expired",
            Self::NotInThisBuild { .. } => "not_in_this_build",
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
                | Self::JwsAlgorithmUnsupported(_)
                | Self::NotInThisBuild { .. }
        )
    }

    /// Whether the check could not be carried out (as opposed to: it was, and failed).
    pub fn is_unchecked(&self) -> bool {
        matches!(
            self,
            Self::DocumentUnavailable { .. }
                | Self::StatusNotChecked(_)
                | Self::InvalidStatusEntry(_)
                | Self::InvalidStatusList(_)
                | Self::StatusListTooLarge { .. }
                | Self::StatusIndexOutOfRange { .. }
                | Self::StatusPurposeMismatch { .. }
                | Self::StatusListNotVerified { .. }
                | Self::StatusListWrongIssuer { .. }
                | Self::StatusListIdMismatch { .. }
                | Self::StatusListExpired { .. }
                | Self::StatusListNotYetValid { .. }
                | Self::NoRecipientIdentifier
                | Self::UnsupportedIdentityHash(_)
        )
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
            Self::JsonTooComplex { what, limit } => write!(f, "input holds more than {limit} JSON {what}"),
            Self::NotACredential(why) => write!(f, "not a verifiable credential: {why}"),
            Self::InvalidInput(why) => write!(f, "input is not usable: {why}"),
            Self::InvalidOptions(why) => write!(f, "options are not usable: {why}"),
            Self::BakedImageMalformed(why) => write!(f, "the badge image cannot be read: {why}"),
            Self::BakedImageNoCredential(image) => {
                write!(f, "the {image} image has no Open Badges credential baked in")
            }
            Self::BakedImageAmbiguous(image) => {
                write!(f, "the {image} image has more than one credential baked in, so which one is meant is unclear")
            }
            Self::UnsupportedFormat(what) => write!(f, "{what} is not supported yet"),
            Self::JwsMalformed(why) => write!(f, "not a well-formed compact JWS: {why}"),
            Self::JwsAlgorithmNone => write!(f, "the JWT is unsecured (alg \"none\"): it carries no signature"),
            Self::JwsAlgorithmNotAllowed(alg) => {
                write!(f, "the JWS algorithm {alg} uses a shared secret, which proves nothing about an issuer")
            }
            Self::JwsAlgorithmUnsupported(alg) => write!(f, "the JWS algorithm {alg:?} is not supported"),
            Self::JwsCriticalHeaderUnsupported(what) => {
                write!(f, "the JWS header marks extensions as critical that this verifier does not understand: {what}")
            }
            Self::JwsMediaTypeInvalid(what) => write!(f, "the JWS header's media type is not a credential's: {what}"),
            Self::JwtClaimsInvalid(why) => write!(f, "the JWT claims are not usable: {why}"),
            Self::JwtClaimsInconsistent(why) => write!(f, "the JWT claims contradict the credential: {why}"),
            Self::KeyNotPublishedByIssuer => {
                write!(f, "signed by a key carried in the token itself, which the issuer has not published")
            }
            Self::Ob2HostedMismatch { url } => {
                write!(f, "the assertion hosted at {url} is not the assertion given")
            }
            Self::Ob2WrongOrigin { id } => {
                write!(f, "the assertion {id} is not hosted where its issuer verifies assertions from")
            }
            Self::Ob2KeyNotOwned { key } => write!(f, "the signing key {key} is not published by the badge's issuer"),
            Self::Ob2DocumentInvalid { document, reason } => write!(f, "the badge's {document} is not usable: {reason}"),
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
            Self::InlineContext(term) => write!(
                f,
                "a context inside the credential defines {term:?}, a term the card shows; only the bundled contexts may define it"
            ),
            Self::MissingVerificationMethod => write!(f, "the proof names no verification method"),
            Self::UnsupportedVerificationMethod(vm) => {
                write!(f, "verification method {vm:?} cannot be resolved by this verifier")
            }
            Self::InvalidDidKey(why) => write!(f, "invalid did:key: {why}"),
            Self::InvalidMultibase => write!(f, "key or signature is not base58btc multibase"),
            Self::UnsupportedKeyType(kind) => write!(f, "key type {kind} is not supported"),
            Self::InvalidPublicKey => write!(f, "the public key is not a valid key of its type"),
            Self::VerificationMethodNotFound(vm) => {
                write!(f, "verification method {vm:?} is not in its controller document")
            }
            Self::InvalidControllerDocument { url, reason } => {
                write!(f, "the document for {url:?} is not usable: {reason}")
            }
            Self::KeyNotBoundToIssuer { verification_method, issuer } => {
                write!(f, "key {verification_method:?} is not an assertion key of issuer {issuer:?}")
            }
            Self::DocumentUnavailable { id, reason } => write!(f, "the document {id:?} was not available: {reason}"),
            Self::InvalidDidJwk(why) => write!(f, "invalid did:jwk: {why}"),
            Self::RsaKeyTooSmall { bits } => write!(f, "the RSA key has {bits} bits; at least 2048 are required"),
            Self::AlgorithmKeyMismatch { algorithm, key } => {
                write!(f, "a {algorithm} signature cannot be made by a {key} key")
            }
            Self::MissingProof => write!(f, "the credential has no proof"),
            Self::TooManyProofs { limit } => write!(f, "more than {limit} proofs"),
            Self::UnsupportedProofType(t) => write!(f, "proof type {t:?} is not supported yet"),
            Self::UnsupportedCryptosuite(s) => write!(f, "cryptosuite {s:?} is not supported yet"),
            Self::MalformedProof(why) => write!(f, "malformed proof: {why}"),
            Self::WrongProofPurpose(p) => write!(
                f,
                "proof purpose is {p:?}: a credential needs assertionMethod, a presentation authentication"
            ),
            Self::ChallengeMismatch { expected, found: Some(found) } => {
                write!(f, "the presentation's challenge is {found:?}, not the expected {expected:?}")
            }
            Self::ChallengeMismatch { expected, found: None } => {
                write!(f, "the presentation's proof has no challenge; {expected:?} was expected")
            }
            Self::DomainMismatch { expected, found: Some(found) } => {
                write!(f, "the presentation's domain is {found}, not the expected {expected:?}")
            }
            Self::DomainMismatch { expected, found: None } => {
                write!(f, "the presentation's proof has no domain; {expected:?} was expected")
            }
            Self::KeyNotBoundToHolder { verification_method, holder } => {
                write!(f, "{verification_method} is not an authentication key of the holder {holder}")
            }
            Self::HolderNotNamed => {
                write!(f, "the presentation names no holder: its proof shows who signed it, not that it was its holder")
            }
            Self::MemberNotVerified { summary, .. } => write!(f, "not every credential it contains is verified: {summary}"),
            Self::TooManyMembers { limit } => {
                write!(f, "it contains more than {limit} credentials, the limit; none was verified")
            }
            Self::EndorsementSubjectMismatch { expected, found } => {
                let expected = expected.as_deref().unwrap_or("(an object without an id)");
                match found {
                    Some(found) => write!(f, "the endorsement is about {found:?}, not {expected:?}, where it is embedded"),
                    None => write!(f, "the endorsement names no subject id; it is embedded in {expected:?}"),
                }
            }
            Self::EndorsementNotVerified { summary, .. } => {
                write!(f, "not every endorsement is verified: {summary}")
            }
            Self::TooManyEndorsements { found, limit } => {
                write!(f, "it carries {found} endorsements, more than the limit of {limit}; none was verified")
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
                write!(f, "proofValue does not decode to a signature of the suite's form")
            }
            Self::SelectiveDisclosureBaseProof => write!(
                f,
                "the proof is an ecdsa-sd-2023 base proof, for the holder to derive a disclosure from, not for a verifier"
            ),
            Self::ProofExpired { expires } => write!(f, "the proof expired at {expires}"),
            Self::SignatureMismatch => {
                write!(f, "the signature does not match the credential and key")
            }
            Self::NonCanonicalizableNumber => write!(f, "a number cannot be canonicalized"),
            Self::StatusNotChecked(kind) => {
                write!(f, "the status ({kind}) could not be checked: this verifier does not know that status type")
            }
            Self::InvalidStatusEntry(why) => write!(f, "the credential's status entry is malformed: {why}"),
            Self::InvalidStatusList(why) => write!(f, "the status list is not usable: {why}"),
            Self::StatusListTooLarge { limit } => {
                write!(f, "the status list inflates to more than {limit} bytes; it was not read")
            }
            Self::StatusIndexOutOfRange { index, length } => {
                write!(f, "status index {index} is beyond the end of the list ({length} entries)")
            }
            Self::StatusPurposeMismatch { entry, list } => {
                write!(f, "the status entry is for {entry:?} but the list is for {list:?}")
            }
            Self::StatusListNotVerified { code } => {
                write!(f, "the status list credential did not verify ({code}), so the status is unknown")
            }
            Self::StatusListWrongIssuer { list_issuer, issuer } => {
                write!(f, "the status list was issued by {list_issuer:?}, not by the credential's issuer {issuer:?}")
            }
            Self::StatusListIdMismatch { url, id } => write!(
                f,
                "the status list at {url:?} says it is {id:?}, another list, so its clear bit is not believed: the status is unknown"
            ),
            Self::StatusListExpired { valid_until } => {
                write!(f, "the status list expired at {valid_until}, so the status is unknown")
            }
            Self::StatusListNotYetValid { valid_from } => {
                write!(f, "the status list is valid only from {valid_from}, so the status is unknown")
            }
            Self::Revoked { message: Some(message) } => write!(f, "the issuer has revoked this credential: {message}"),
            Self::Revoked { message: None } => write!(f, "the issuer has revoked this credential"),
            Self::Suspended { message: Some(message) } => {
                write!(f, "the issuer has suspended this credential: {message}")
            }
            Self::Suspended { message: None } => write!(f, "the issuer has suspended this credential"),
            Self::StatusListShort { length } => write!(
                f,
                "the status is clear, but the status list has only {length} entries, fewer than the 131,072 that protect the holder's privacy"
            ),
            Self::StatusMessage { value, message } => write!(f, "status {value}: {message}"),
            Self::IssuerNotTrusted(issuer) => write!(f, "the issuer {issuer:?} is not on the list of trusted issuers"),
            Self::RecipientMismatch => write!(f, "the credential was not issued to the given recipient"),
            Self::NoRecipientIdentifier => {
                write!(f, "the credential names no recipient identifier to compare with the given recipient")
            }
            Self::UnsupportedIdentityHash(algorithm) => {
                write!(f, "the recipient identifier is hashed with {algorithm:?}, which this verifier does not know")
            }
            Self::NotYetValid { valid_from, now } => {
                write!(f, "valid from {valid_from}, which is after {now}")
            }
            Self::Expired { valid_until, now } => {
                write!(f, "valid until {valid_until}, which is before {now}")
            }
            Self::NotInThisBuild { feature, needed_for } => {
                write!(f, "{needed_for:?} needs the cargo feature {feature:?}, which this build leaves out")
            }
        }
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests;
