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

#[test]
fn pass_codes_are_frozen() {
    let all = [
        Passed::FormatValid,
        Passed::ContextsKnown,
        Passed::KeyBoundToIssuer,
        Passed::SignatureValid,
        Passed::SignatureValidLegacyName,
        Passed::Started,
        Passed::NoValidFrom,
        Passed::NotExpired,
        Passed::NoExpiry,
        Passed::NoStatus,
        Passed::NotRevoked,
        Passed::NotSuspended,
        Passed::StatusRead,
        Passed::IssuerTrusted,
        Passed::NoTrustList,
        Passed::RecipientMatches,
        Passed::NoRecipientGiven,
        Passed::HostedByIssuer,
        Passed::HostedCopyMatches,
        Passed::SelectivelyDisclosed,
    ];
    let codes: Vec<&str> = all.iter().map(|p| p.code()).collect();
    assert_eq!(
        codes,
        [
            "format_valid",
            "contexts_known",
            "key_bound_to_issuer",
            "signature_valid",
            "signature_valid_legacy_name",
            "started",
            "no_valid_from",
            "not_expired",
            "no_expiry",
            "no_status",
            "not_revoked",
            "not_suspended",
            "status_read",
            "issuer_trusted",
            "no_trust_list",
            "recipient_matches",
            "no_recipient_given",
            "hosted_by_issuer",
            "hosted_copy_matches",
            "signature_valid_selective_disclosure"
        ]
    );
}
