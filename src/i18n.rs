//! The message catalogue: a plain-language sentence for every stable code (the report's `code`)
//! and the card's own labels, in English, German, French, Spanish, Portuguese and Arabic. Keys
//! are the stable codes, so a message can be reworded or translated without touching the core;
//! an unknown code has no entry and the caller falls back to the report's English message.
//! Pure data, no DOM: the web layer and the card model read it.
//!
//! Each language is one JSON file, `src/i18n/TAG.json` (the one source of truth). English is
//! always compiled in; the others only with the cargo feature `all-languages` (default: the CLI
//! and the library). The page's wasm is built without it: the loader fetches the page's
//! language from `pkg/i18n/TAG.json` (a copy `scripts/build-wasm` makes) and hands it over once
//! ([`install`]); until then, or if it never comes, that language reads as English.

mod catalogue;

use std::sync::OnceLock;

use catalogue::Catalogue;

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English (the fallback).
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// Arabic (right to left).
    Ar,
}

/// The card's own words (not credential text, not check messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Headline for the verdict `verified`.
    Verified,
    /// Headline for `verified_with_warnings`.
    VerifiedWithWarnings,
    /// Headline for `expired`.
    Expired,
    /// Headline for `not_yet_valid`.
    NotYetValid,
    /// Headline for `revoked`.
    Revoked,
    /// Headline for `suspended`.
    Suspended,
    /// Headline for `not_verified`.
    NotVerified,
    /// Headline for `unsupported`.
    Unsupported,
    /// Headline when there was nothing to verify (not a credential, not loaded).
    Error,
    /// Outcome `passed`.
    Passed,
    /// Outcome `failed`.
    Failed,
    /// Outcome `warning`.
    Warning,
    /// Outcome `unchecked`.
    Unchecked,
    /// Outcome `not_applicable`.
    NotApplicable,
    /// The note on content that is not verified.
    UnverifiedContent,
    /// "Issued by".
    IssuedBy,
    /// "Awarded to".
    AwardedTo,
    /// "Issued on".
    IssuedOn,
    /// "Valid until".
    ValidUntil,
    /// "Criteria".
    Criteria,
    /// "Results".
    Results,
    /// "Alignments".
    Alignments,
    /// The checklist's summary line.
    Checks,
    /// A check's disclosure of its technical details.
    TechnicalDetails,
    /// Link text of the criteria page.
    CriteriaLink,
    /// The image's text alternative when the credential gives none (followed by the name).
    BadgeImage,
    /// The portfolio's tally: `{verified}` of `{total}` verified.
    PortfolioVerifiedOf,
    /// The portfolio summary's count of credentials.
    PortfolioCredentials,
    /// The portfolio summary's count of issuers (of authentic credentials).
    PortfolioIssuers,
    /// A portfolio group of credentials aligned to one target (a skill, an occupation, a qualification).
    PortfolioTowards,
    /// A portfolio group of credentials of one `achievementType`.
    PortfolioType,
    /// The portfolio's last group: credentials that are not verified, neither grouped nor counted.
    PortfolioNotVerifiedGroup,
    /// A portfolio group's sum of credits.
    PortfolioCredits,
    /// The portfolio's busy state: verifying `{n}` credentials.
    PortfolioVerifying,
    /// A CLR's associations between its achievements.
    PortfolioAssociations,
    /// The portfolio summary's heading.
    PortfolioSummary,
    /// An alignment's code in its framework.
    PortfolioCode,
    /// "Endorsed by {count}": how many verified endorsements (`{count}` is replaced).
    EndorsedBy,
    /// The row of the endorsements list.
    Endorsements,
    /// The row of the evidence list, and the text of an evidence link without a name.
    Evidence,
    /// The row of the achievement's type (`achievementType`).
    AchievementType,
}

impl Label {
    /// Every label, in declaration order (a catalogue stores them by position).
    pub const ALL: [Label; 41] = [
        Label::Verified,
        Label::VerifiedWithWarnings,
        Label::Expired,
        Label::NotYetValid,
        Label::Revoked,
        Label::Suspended,
        Label::NotVerified,
        Label::Unsupported,
        Label::Error,
        Label::Passed,
        Label::Failed,
        Label::Warning,
        Label::Unchecked,
        Label::NotApplicable,
        Label::UnverifiedContent,
        Label::IssuedBy,
        Label::AwardedTo,
        Label::IssuedOn,
        Label::ValidUntil,
        Label::Criteria,
        Label::Results,
        Label::Alignments,
        Label::Checks,
        Label::TechnicalDetails,
        Label::CriteriaLink,
        Label::BadgeImage,
        Label::PortfolioVerifiedOf,
        Label::PortfolioCredentials,
        Label::PortfolioIssuers,
        Label::PortfolioTowards,
        Label::PortfolioType,
        Label::PortfolioNotVerifiedGroup,
        Label::PortfolioCredits,
        Label::PortfolioVerifying,
        Label::PortfolioAssociations,
        Label::PortfolioSummary,
        Label::PortfolioCode,
        Label::EndorsedBy,
        Label::Endorsements,
        Label::Evidence,
        Label::AchievementType,
    ];

    /// The label's key in a catalogue file's `labels`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::VerifiedWithWarnings => "verified_with_warnings",
            Self::Expired => "expired",
            Self::NotYetValid => "not_yet_valid",
            Self::Revoked => "revoked",
            Self::Suspended => "suspended",
            Self::NotVerified => "not_verified",
            Self::Unsupported => "unsupported",
            Self::Error => "error",
            Self::Passed => "passed",
            Self::Failed => "failed",
            Self::Warning => "warning",
            Self::Unchecked => "unchecked",
            Self::NotApplicable => "not_applicable",
            Self::UnverifiedContent => "unverified_content",
            Self::IssuedBy => "issued_by",
            Self::AwardedTo => "awarded_to",
            Self::IssuedOn => "issued_on",
            Self::ValidUntil => "valid_until",
            Self::Criteria => "criteria",
            Self::Results => "results",
            Self::Alignments => "alignments",
            Self::Checks => "checks",
            Self::TechnicalDetails => "technical_details",
            Self::CriteriaLink => "criteria_link",
            Self::BadgeImage => "badge_image",
            Self::PortfolioVerifiedOf => "portfolio_verified_of",
            Self::PortfolioCredentials => "portfolio_credentials",
            Self::PortfolioIssuers => "portfolio_issuers",
            Self::PortfolioTowards => "portfolio_towards",
            Self::PortfolioType => "portfolio_type",
            Self::PortfolioNotVerifiedGroup => "portfolio_not_verified_group",
            Self::PortfolioCredits => "portfolio_credits",
            Self::PortfolioVerifying => "portfolio_verifying",
            Self::PortfolioAssociations => "portfolio_associations",
            Self::PortfolioSummary => "portfolio_summary",
            Self::PortfolioCode => "portfolio_code",
            Self::EndorsedBy => "endorsed_by",
            Self::Endorsements => "endorsements",
            Self::Evidence => "evidence",
            Self::AchievementType => "achievement_type",
        }
    }
}

/// Every code the catalogue covers: the report's pass and error codes, `skipped`, the codes of
/// the JSON-LD / RDFC and status work landing in parallel (so the widget speaks them on merge),
/// and the element's own `fetch_failed`, `wasm_load_failed` and `no_credential`.
pub const CODES: [&str; 123] = [
    "format_valid",
    "contexts_known",
    "key_bound_to_issuer",
    "signature_valid",
    "started",
    "no_valid_from",
    "not_expired",
    "no_expiry",
    "skipped",
    "input_too_large",
    "malformed_json",
    "json_too_deep",
    "json_too_complex",
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
    "invalid_did_jwk",
    "rsa_key_too_small",
    "algorithm_key_mismatch",
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
    "proof_context_mismatch",
    "unsupported_proof_chain",
    "invalid_proof_value",
    "selective_disclosure_base_proof",
    "proof_expired",
    "signature_mismatch",
    "non_canonicalizable_number",
    "not_yet_valid",
    "expired",
    "signature_valid_legacy_name",
    "no_status",
    "undefined_term",
    "unsupported_json_ld",
    "invalid_json_ld",
    "expansion_limit",
    "canonicalization_limit",
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
    "not_revoked",
    "not_suspended",
    "status_read",
    "issuer_not_trusted",
    "issuer_trusted",
    "no_trust_list",
    "recipient_mismatch",
    "no_recipient_identifier",
    "unsupported_identity_hash",
    "recipient_matches",
    "no_recipient_given",
    "fetch_failed",
    "wasm_load_failed",
    "no_credential",
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
    "hosted_by_issuer",
    "hosted_copy_matches",
    "signature_valid_selective_disclosure",
    "ob2_hosted_mismatch",
    "ob2_wrong_origin",
    "ob2_key_not_owned",
    "ob2_document_invalid",
    "challenge_mismatch",
    "domain_mismatch",
    "key_not_bound_to_holder",
    "holder_not_named",
    "member_not_verified",
    "too_many_members",
    "key_bound_to_holder",
    "signature_valid_no_challenge",
    "members_verified",
    "members_verified_with_warnings",
    "no_members",
    "status_list_id_mismatch",
    "endorsement_subject_mismatch",
    "endorsement_not_verified",
    "too_many_endorsements",
    "endorsement_subject_matches",
    "endorsements_verified",
];

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Pt, Lang::Ar];

    /// The catalogue language for a BCP 47 tag (`de-CH` → German); English when none matches.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "de" => Self::De,
            "fr" => Self::Fr,
            "es" => Self::Es,
            "pt" => Self::Pt,
            "ar" => Self::Ar,
            _ => Self::En,
        }
    }

    /// The language's primary tag.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Es => "es",
            Self::Pt => "pt",
            Self::Ar => "ar",
        }
    }

    /// Whether the script runs right to left.
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }

    /// The HTML `dir` of text in this language: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The sentence for a stable code, if the catalogue has one (English when this language's
    /// catalogue is not loaded or lacks the code).
    pub fn message(self, code: &str) -> Option<&'static str> {
        let index = CODES.iter().position(|c| *c == code)?;
        catalogue(self).and_then(|c| c.message(index)).or_else(|| catalogue(Lang::En)?.message(index))
    }

    /// One of the card's labels (English when this language's catalogue is not loaded or lacks it).
    pub fn label(self, label: Label) -> &'static str {
        catalogue(self).and_then(|c| c.label(label)).or_else(|| catalogue(Lang::En)?.label(label)).unwrap_or_default()
    }

    /// Whether this language's own catalogue is available (compiled in or installed): else its
    /// words read as English.
    pub fn is_loaded(self) -> bool {
        catalogue(self).is_some()
    }
}

/// Hands over a language's catalogue (the text of its `src/i18n/TAG.json`, as the loader fetched
/// it), for a build without `all-languages`. The first catalogue a language gets is kept for the
/// process's life; a language already loaded or compiled in keeps its own.
///
/// # Errors
/// `invalid_input` when `json` is not a catalogue of `lang` (other JSON, another language).
pub fn install(lang: Lang, json: &str) -> Result<(), crate::error::Error> {
    let parsed = Catalogue::parse(json, lang)
        .ok_or(crate::error::Error::InvalidInput("the text is not a message catalogue of this language"))?;
    let _ = cell(lang).map(|cell| cell.get_or_init(|| parsed));
    Ok(())
}

/// One process-wide slot per language, filled once (from the compiled-in file, or by [`install`]).
fn cell(lang: Lang) -> Option<&'static OnceLock<Catalogue>> {
    static LOADED: [OnceLock<Catalogue>; 6] = [const { OnceLock::new() }; 6];
    LOADED.get(lang as usize)
}

fn catalogue(lang: Lang) -> Option<&'static Catalogue> {
    let cell = cell(lang)?;
    if let Some(loaded) = cell.get() {
        return Some(loaded);
    }
    let json = compiled_in(lang)?;
    Some(cell.get_or_init(|| Catalogue::parse(json, lang).unwrap_or_default()))
}

/// The catalogue files this build carries: English always, the others with `all-languages`.
fn compiled_in(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(include_str!("i18n/en.json")),
        #[cfg(feature = "all-languages")]
        Lang::De => Some(include_str!("i18n/de.json")),
        #[cfg(feature = "all-languages")]
        Lang::Fr => Some(include_str!("i18n/fr.json")),
        #[cfg(feature = "all-languages")]
        Lang::Es => Some(include_str!("i18n/es.json")),
        #[cfg(feature = "all-languages")]
        Lang::Pt => Some(include_str!("i18n/pt.json")),
        #[cfg(feature = "all-languages")]
        Lang::Ar => Some(include_str!("i18n/ar.json")),
        #[cfg(not(feature = "all-languages"))]
        _ => None,
    }
}

#[cfg(test)]
mod tests;
