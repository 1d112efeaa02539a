//! The message catalogue: a plain-language sentence for every stable code (the report's `code`)
//! and the card's own labels, in English, German, French, Spanish, Portuguese and Arabic. Keys
//! are the stable codes, so a message can be reworded or translated without touching the core;
//! an unknown code has no entry and the caller falls back to the report's English message.
//! Pure data, no DOM: the web layer and the card model read it.

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod pt;

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
}

/// Every code the catalogue covers: the report's pass and error codes, `skipped`, the codes of
/// the JSON-LD / RDFC and status work landing in parallel (so the widget speaks them on merge),
/// and the element's own `fetch_failed`, `wasm_load_failed` and `no_credential`.
pub const CODES: [&str; 85] = [
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
    "invalid_did_jwk",
    "rsa_key_too_small",
    "algorithm_key_mismatch",
    "not_in_this_build",
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

    /// The sentence for a stable code, if the catalogue has one.
    pub fn message(self, code: &str) -> Option<&'static str> {
        // Tables, not `match`es on strings: one lookup loop instead of 6 × 81 compiled
        // comparisons.
        let index = CODES.iter().position(|c| *c == code)?;
        self.messages().get(index).map(|(_, message)| *message)
    }

    fn messages(self) -> &'static [(&'static str, &'static str); 85] {
        match self {
            Self::En => &en::MESSAGES,
            Self::De => &de::MESSAGES,
            Self::Fr => &fr::MESSAGES,
            Self::Es => &es::MESSAGES,
            Self::Pt => &pt::MESSAGES,
            Self::Ar => &ar::MESSAGES,
        }
    }

    /// One of the card's labels.
    pub fn label(self, label: Label) -> &'static str {
        match self {
            Self::En => en::label(label),
            Self::De => de::label(label),
            Self::Fr => fr::label(label),
            Self::Es => es::label(label),
            Self::Pt => pt::label(label),
            Self::Ar => ar::label(label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_lists_the_codes_in_order() {
        for lang in Lang::ALL {
            let keys: Vec<&str> = lang.messages().iter().map(|(code, _)| *code).collect();
            assert_eq!(keys, CODES, "{}", lang.tag());
        }
    }

    #[test]
    fn every_code_has_a_sentence_in_every_language() {
        for lang in Lang::ALL {
            for code in CODES {
                let message = lang.message(code);
                assert!(message.is_some_and(|m| !m.is_empty()), "{} has no message for {code}", lang.tag());
            }
            assert_eq!(lang.message("no_such_code"), None);
        }
    }

    #[test]
    fn every_code_the_readme_lists_is_in_the_catalogue() {
        let readme = include_str!("../README.md");
        let start = readme.find("- **Codes**").unwrap();
        let end = start + readme[start..].find("- **`badge`**").unwrap();
        let listed: Vec<&str> = readme[start..end]
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|word| word.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .filter(|word| *word != "unchecked") // an outcome, named in passing
            .collect();
        assert!(listed.len() > 40, "{listed:?}");
        for code in listed {
            assert!(CODES.contains(&code), "README lists {code}, the catalogue does not");
        }
    }

    #[test]
    fn translations_differ_from_english() {
        for lang in &Lang::ALL[1..] {
            let same = CODES.iter().filter(|c| lang.message(c) == Lang::En.message(c)).count();
            assert_eq!(same, 0, "{} copies English", lang.tag());
        }
    }

    #[test]
    fn tags_pick_a_language_with_english_as_fallback() {
        assert_eq!(Lang::from_tag("de-CH"), Lang::De);
        assert_eq!(Lang::from_tag("PT_br"), Lang::Pt);
        assert_eq!(Lang::from_tag("ar"), Lang::Ar);
        assert_eq!(Lang::from_tag("zh-Hans"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert!(Lang::Ar.is_rtl());
    }
}
