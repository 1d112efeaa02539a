//! Unit tests of the parent module.
use super::*;
use crate::timestamp::Timestamp;

fn all_pass() -> Checklist {
    let mut list = Checklist::default();
    for (id, passed) in [
        (CheckId::Format, Passed::FormatValid),
        (CheckId::Contexts, Passed::ContextsKnown),
        (CheckId::IssuerKey, Passed::KeyBoundToIssuer),
        (CheckId::Proof, Passed::SignatureValid),
        (CheckId::ValidFrom, Passed::Started),
        (CheckId::Status, Passed::NoStatus),
        (CheckId::IssuerTrust, Passed::NoTrustList),
        (CheckId::Recipient, Passed::NoRecipientGiven),
    ] {
        list.record(id, None, Ok((passed, ())));
    }
    list
}

#[test]
fn verified_needs_every_required_check() {
    let mut list = all_pass();
    assert_eq!(verdict(&list.checks), Verdict::NotVerified, "valid_until missing");
    list.record(CheckId::ValidUntil, None, Ok((Passed::NoExpiry, ())));
    assert_eq!(list.finish(None).verdict, Verdict::Verified);
}

#[test]
fn expired_only_when_otherwise_sound() {
    let t = Timestamp::from_unix_seconds(0);
    let mut list = all_pass();
    list.record::<()>(CheckId::ValidUntil, None, Err(Error::Expired { valid_until: t, now: t }));
    assert_eq!(verdict(&list.checks), Verdict::Expired);
    list.record::<()>(CheckId::Proof, Some(1), Err(Error::SignatureMismatch));
    assert_eq!(verdict(&list.checks), Verdict::NotVerified);
}

#[test]
fn unchecked_key_is_never_verified_and_is_listed_as_needed() {
    let mut list = all_pass();
    list.record(CheckId::ValidUntil, None, Ok((Passed::NoExpiry, ())));
    list.record::<()>(
        CheckId::IssuerKey,
        Some(1),
        Err(Error::DocumentUnavailable { id: "https://x.example".into(), reason: crate::error::Unavailable::Offline }),
    );
    let report = list.finish(None);
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(report.needs, ["https://x.example"]);
}

#[test]
fn unchecked_status_is_a_warning_never_verified() {
    let mut list = all_pass();
    list.record(CheckId::ValidUntil, None, Ok((Passed::NoExpiry, ())));
    list.record::<()>(CheckId::Status, None, Err(Error::StatusNotChecked("BitstringStatusListEntry".into())));
    assert_eq!(verdict(&list.checks), Verdict::VerifiedWithWarnings);
}

#[test]
fn revoked_and_suspended_only_when_otherwise_sound() {
    let t = Timestamp::from_unix_seconds(0);
    let mut list = all_pass();
    list.record::<()>(CheckId::ValidUntil, None, Err(Error::Expired { valid_until: t, now: t }));
    list.record::<()>(CheckId::Status, None, Err(Error::Suspended { message: None }));
    assert_eq!(verdict(&list.checks), Verdict::Suspended);
    list.record::<()>(CheckId::Status, None, Err(Error::Revoked { message: None }));
    assert_eq!(verdict(&list.checks), Verdict::Revoked, "revocation outranks suspension and expiry");
    list.record::<()>(CheckId::Proof, None, Err(Error::SignatureMismatch));
    assert_eq!(verdict(&list.checks), Verdict::NotVerified, "a forged credential is not 'revoked'");
}

#[test]
fn a_status_list_that_could_not_be_checked_never_reads_as_revoked() {
    let mut list = all_pass();
    list.record(CheckId::ValidUntil, None, Ok((Passed::NoExpiry, ())));
    list.record::<()>(CheckId::Status, None, Err(Error::StatusListNotVerified { code: "signature_mismatch" }));
    assert_eq!(verdict(&list.checks), Verdict::VerifiedWithWarnings);
}

#[test]
fn untrusted_issuer_or_wrong_recipient_is_never_verified() {
    for error in [Error::IssuerNotTrusted("did:x".into()), Error::RecipientMismatch, Error::NoRecipientIdentifier] {
        let mut list = Checklist::default();
        for check in
            all_pass().checks.into_iter().filter(|c| !matches!(c.id, CheckId::IssuerTrust | CheckId::Recipient))
        {
            list.push(check);
        }
        list.record(CheckId::ValidUntil, None, Ok((Passed::NoExpiry, ())));
        list.record(CheckId::IssuerTrust, None, Ok((Passed::NoTrustList, ())));
        let id = if error.code() == "issuer_not_trusted" { CheckId::IssuerTrust } else { CheckId::Recipient };
        if id == CheckId::IssuerTrust {
            list.record(CheckId::Recipient, None, Ok((Passed::NoRecipientGiven, ())));
        }
        list.record::<()>(id, None, Err(error.clone()));
        assert_eq!(verdict(&list.checks), Verdict::NotVerified, "{error}");
    }
}

#[test]
fn unsupported_unless_something_failed() {
    let mut list = all_pass();
    list.record(CheckId::ValidUntil, None, Ok((Passed::NoExpiry, ())));
    list.record::<()>(CheckId::Proof, Some(1), Err(Error::UnsupportedCryptosuite("x".into())));
    assert_eq!(verdict(&list.checks), Verdict::Unsupported);
}

#[test]
fn unsupported_codes_match_the_error_predicate() {
    let errors = [
        Error::UnsupportedFormat(""),
        Error::JwsAlgorithmUnsupported(String::new()),
        Error::UnsupportedVerificationMethod(String::new()),
        Error::UnsupportedKeyType(String::new()),
        Error::UnsupportedProofType(String::new()),
        Error::UnsupportedCryptosuite(String::new()),
        Error::UnsupportedJsonLd(""),
        Error::NotInThisBuild { feature: "extra-contexts", needed_for: String::new() },
    ];
    let codes: Vec<&str> = errors.iter().filter(|e| e.is_unsupported()).map(Error::code).collect();
    assert_eq!(codes, ALL_UNSUPPORTED_CODES);
}

/// Every `Passed` variant once with its published code; the exhaustive `match` it derives (no
/// `_` arm) makes a new variant fail to compile until it is listed, so it cannot escape the
/// frozen list or the catalogue check.
macro_rules! passed {
    ($($name:ident => $code:literal,)*) => {
        const ALL_PASSED: &[(Passed, &str)] = &[$((Passed::$name, $code)),*];

        fn listed_code(passed: Passed) -> &'static str {
            match passed {
                $(Passed::$name => $code,)*
            }
        }
    };
}

passed! {
    FormatValid => "format_valid",
    ContextsKnown => "contexts_known",
    KeyBoundToIssuer => "key_bound_to_issuer",
    SignatureValid => "signature_valid",
    SignatureValidLegacyName => "signature_valid_legacy_name",
    Started => "started",
    NoValidFrom => "no_valid_from",
    NotExpired => "not_expired",
    NoExpiry => "no_expiry",
    NoStatus => "no_status",
    NotRevoked => "not_revoked",
    NotSuspended => "not_suspended",
    StatusRead => "status_read",
    IssuerTrusted => "issuer_trusted",
    NoTrustList => "no_trust_list",
    RecipientMatches => "recipient_matches",
    NoRecipientGiven => "no_recipient_given",
    HostedByIssuer => "hosted_by_issuer",
    HostedCopyMatches => "hosted_copy_matches",
    SelectivelyDisclosed => "signature_valid_selective_disclosure",
    KeyBoundToHolder => "key_bound_to_holder",
    SignatureValidNoChallenge => "signature_valid_no_challenge",
    MembersVerified => "members_verified",
    MembersVerifiedWithWarnings => "members_verified_with_warnings",
    NoMembers => "no_members",
    EndorsementSubjectMatches => "endorsement_subject_matches",
    EndorsementsVerified => "endorsements_verified",
}

#[test]
fn pass_codes_are_frozen_and_in_the_catalogue() {
    for (passed, code) in ALL_PASSED {
        assert_eq!(passed.code(), *code);
        assert_eq!(listed_code(*passed), *code);
        assert!(crate::i18n::CODES.contains(code), "{code} has no sentence in src/i18n/*.json");
    }
}

#[test]
fn verdict_codes_are_the_json_names() {
    let all = [
        Verdict::Verified,
        Verdict::VerifiedWithWarnings,
        Verdict::Expired,
        Verdict::NotYetValid,
        Verdict::Revoked,
        Verdict::Suspended,
        Verdict::NotVerified,
        Verdict::Unsupported,
    ];
    for verdict in all {
        assert_eq!(serde_json::to_value(verdict).unwrap(), serde_json::json!(verdict.code()));
    }
}
