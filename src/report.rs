//! The report: the checklist as data (`Check`s with stable codes), the verdict derived from it
//! (failing closed), and the badge view. Serialised the same way for the CLI's `--json` and for
//! JS (camelCase), so one schema serves every host.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::badge::BadgeView;
use crate::error::Error;

mod endorsed;
pub use endorsed::{Endorsed, EndorsedTarget};

/// The checks, in the order they run and are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckId {
    /// The credential's shape: base context, types, issuer, dates.
    Format,
    /// Every `@context` is known (bundled), none embedded.
    Contexts,
    /// The proof's verification method resolves to a key the issuer authorised.
    IssuerKey,
    /// The proof's signature over the canonicalised credential.
    Proof,
    /// `validFrom` / `issuanceDate` has been reached.
    ValidFrom,
    /// `validUntil` / `expirationDate` has not passed.
    ValidUntil,
    /// `credentialStatus`: not revoked or suspended (one line per status entry).
    Status,
    /// The issuer is on the host's list of trusted issuers (not applicable without a list).
    IssuerTrust,
    /// The credential was issued to the recipient the host names (not applicable without one).
    Recipient,
    /// A presentation's or CLR's enclosed credentials: each verified on its own, with its own
    /// report in [`Report::members`]; this line says whether all of them are.
    Members,
    /// The credential's embedded endorsements (OB 3.0 `EndorsementCredential`s), each verified on
    /// its own with its own report in [`Report::endorsements`]; this line says whether all of them
    /// are. Never essential: a third party's claim that does not verify is a warning, not a failure
    /// of the badge. Present only when the credential carries endorsements.
    Endorsements,
    /// An endorsement's own line (in its report): it is an `EndorsementCredential` whose
    /// `credentialSubject.id` is the id of the object it is embedded in.
    EndorsementSubject,
}

impl CheckId {
    /// Every check whose pass a verified credential needs; a report missing one is not verified.
    pub const REQUIRED: [CheckId; 9] = [
        Self::Format,
        Self::Contexts,
        Self::IssuerKey,
        Self::Proof,
        Self::ValidFrom,
        Self::ValidUntil,
        Self::Status,
        Self::IssuerTrust,
        Self::Recipient,
    ];

    /// Every check whose pass a verified presentation needs: its shape, contexts, the holder's
    /// key and proof, and its members (a presentation has no dates, status, trust or recipient
    /// of its own: those are its credentials').
    pub const REQUIRED_OF_PRESENTATION: [CheckId; 5] =
        [Self::Format, Self::Contexts, Self::IssuerKey, Self::Proof, Self::Members];

    /// Every check whose pass a verified collection (a top-level JSON array of credentials)
    /// needs: its shape and its members (it has no proof of its own).
    pub const REQUIRED_OF_COLLECTION: [CheckId; 2] = [Self::Format, Self::Members];

    /// Whether a credential can be verified at all when this check could not be carried out.
    /// Only the status is not essential: status unknown is `verified_with_warnings`, never `verified`.
    pub fn is_essential(self) -> bool {
        self != Self::Status
    }
}

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// Checked and fine.
    Passed,
    /// Checked and wrong.
    Failed,
    /// Fine, with something the reader should know.
    Warning,
    /// Could not be checked (offline, a document unavailable): never read as passed or failed.
    Unchecked,
    /// Nothing to check (e.g. no `validUntil`).
    NotApplicable,
}

/// A check that did not fail, with its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Passed {
    /// The credential has the required shape.
    FormatValid,
    /// Every context is known.
    ContextsKnown,
    /// The key resolved and the issuer authorised it.
    KeyBoundToIssuer,
    /// The signature verified.
    SignatureValid,
    /// The signature verified, under a pre-standard suite name (`eddsa-2022`).
    SignatureValidLegacyName,
    /// An `ecdsa-sd-2023` derived proof verified: what is shown is what the holder chose to
    /// disclose of what the issuer signed.
    SelectivelyDisclosed,
    /// The start date has been reached.
    Started,
    /// There is no start date.
    NoValidFrom,
    /// The end date has not been reached.
    NotExpired,
    /// There is no end date.
    NoExpiry,
    /// The credential has no `credentialStatus`.
    NoStatus,
    /// The status list (verified, the issuer's) has the credential's revocation bit clear.
    NotRevoked,
    /// The status list (verified, the issuer's) has the credential's suspension bit clear.
    NotSuspended,
    /// A `message` status entry was read from its (verified) list; its message is the warning
    /// shown instead of this line.
    StatusRead,
    /// The issuer is on the host's list of trusted issuers.
    IssuerTrusted,
    /// The host gave no list of trusted issuers.
    NoTrustList,
    /// The host's recipient matches one of the credential's recipient identifiers.
    RecipientMatches,
    /// The host gave no recipient to check.
    NoRecipientGiven,
    /// Open Badges 2.0 hosted: the assertion's `id` is on the issuer's origin (the issuer vouches
    /// for what it hosts there).
    HostedByIssuer,
    /// Open Badges 2.0 hosted: the copy the issuer hosts at the assertion's `id` is the one given.
    HostedCopyMatches,
    /// A presentation's proof is by a key its holder lists under `authentication`.
    KeyBoundToHolder,
    /// A presentation's signature verified, but the host expected no `challenge`: nothing shows
    /// the presentation was made for this verification (it may be replayed).
    SignatureValidNoChallenge,
    /// Every enclosed credential is verified.
    MembersVerified,
    /// Every enclosed credential is verified, some with warnings.
    MembersVerifiedWithWarnings,
    /// The presentation or CLR encloses no credential.
    NoMembers,
    /// An endorsement is an `EndorsementCredential` about the object it is embedded in.
    EndorsementSubjectMatches,
    /// Every endorsement the credential carries is verified.
    EndorsementsVerified,
}

impl Passed {
    /// Stable machine-readable code (frozen like `Error::code`).
    pub fn code(self) -> &'static str {
        match self {
            Self::FormatValid => "format_valid",
            Self::ContextsKnown => "contexts_known",
            Self::KeyBoundToIssuer => "key_bound_to_issuer",
            Self::SignatureValid => "signature_valid",
            Self::SignatureValidLegacyName => "signature_valid_legacy_name",
            Self::SelectivelyDisclosed => "signature_valid_selective_disclosure",
            Self::Started => "started",
            Self::NoValidFrom => "no_valid_from",
            Self::NotExpired => "not_expired",
            Self::NoExpiry => "no_expiry",
            Self::NoStatus => "no_status",
            Self::NotRevoked => "not_revoked",
            Self::NotSuspended => "not_suspended",
            Self::StatusRead => "status_read",
            Self::IssuerTrusted => "issuer_trusted",
            Self::NoTrustList => "no_trust_list",
            Self::RecipientMatches => "recipient_matches",
            Self::NoRecipientGiven => "no_recipient_given",
            Self::HostedByIssuer => "hosted_by_issuer",
            Self::HostedCopyMatches => "hosted_copy_matches",
            Self::KeyBoundToHolder => "key_bound_to_holder",
            Self::SignatureValidNoChallenge => "signature_valid_no_challenge",
            Self::MembersVerified => "members_verified",
            Self::MembersVerifiedWithWarnings => "members_verified_with_warnings",
            Self::NoMembers => "no_members",
            Self::EndorsementSubjectMatches => "endorsement_subject_matches",
            Self::EndorsementsVerified => "endorsements_verified",
        }
    }

    /// The outcome it stands for.
    pub fn outcome(self) -> Outcome {
        match self {
            Self::NoValidFrom
            | Self::NoExpiry
            | Self::NoStatus
            | Self::NoTrustList
            | Self::NoRecipientGiven
            | Self::NoMembers => Outcome::NotApplicable,
            Self::SignatureValidLegacyName | Self::SignatureValidNoChallenge | Self::MembersVerifiedWithWarnings => {
                Outcome::Warning
            }
            _ => Outcome::Passed,
        }
    }

    /// A plain-language sentence for people (the English catalogue; the widget localises by code).
    pub fn message(self) -> &'static str {
        match self {
            Self::FormatValid => "the credential has the required properties",
            Self::ContextsKnown => "every context is known to this verifier",
            Self::KeyBoundToIssuer => "the signing key belongs to the issuer",
            Self::SignatureValid => "the signature matches the credential",
            Self::SignatureValidLegacyName => {
                "the signature matches, but the proof uses the pre-standard suite name eddsa-2022"
            }
            Self::SelectivelyDisclosed => {
                "the issuer's signature matches what is shown: the holder chose which parts to disclose"
            }
            Self::Started => "the credential is already valid",
            Self::NoValidFrom => "the credential has no start date",
            Self::NotExpired => "the credential has not expired",
            Self::NoExpiry => "the credential does not expire",
            Self::NoStatus => "the credential has no revocation status to check",
            Self::NotRevoked => "the issuer has not revoked the credential",
            Self::NotSuspended => "the issuer has not suspended the credential",
            Self::StatusRead => "the issuer's status list was read",
            Self::IssuerTrusted => "the issuer is on the list of trusted issuers",
            Self::NoTrustList => "no list of trusted issuers was given",
            Self::RecipientMatches => "the credential was issued to the given recipient",
            Self::NoRecipientGiven => "no recipient was given to check",
            Self::HostedByIssuer => "the assertion is hosted where its issuer verifies assertions from",
            Self::HostedCopyMatches => "the copy the issuer hosts is the assertion given",
            Self::KeyBoundToHolder => "the presentation is signed with a key of its holder",
            Self::SignatureValidNoChallenge => {
                "the holder's signature matches, but no challenge was expected: the presentation may be a replay"
            }
            Self::MembersVerified => "every credential it contains is verified",
            Self::MembersVerifiedWithWarnings => "every credential it contains is verified, some with warnings",
            Self::NoMembers => "it contains no credential",
            Self::EndorsementSubjectMatches => "the endorsement is about the object it is embedded in",
            Self::EndorsementsVerified => "every endorsement is verified",
        }
    }
}

/// The overall judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Every required check passed.
    Verified,
    /// Every required check passed; something non-essential could not be checked or warned.
    VerifiedWithWarnings,
    /// Authentic, but `validUntil` has passed.
    Expired,
    /// Authentic, but `validFrom` is in the future.
    NotYetValid,
    /// Authentic, and revoked by its issuer (a verified status list says so).
    Revoked,
    /// Authentic, and suspended by its issuer (a verified status list says so).
    Suspended,
    /// A check failed, or an essential one could not be carried out.
    NotVerified,
    /// A format, suite or key type this build does not implement.
    Unsupported,
}

/// What the verified bytes were: a credential's JSON, or a badge image it was baked into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputFormat {
    /// JSON (the default: not named in serialised reports).
    #[default]
    Json,
    /// A PNG badge image with the credential in a text chunk (Open Badges baking).
    BakedPng,
    /// An SVG badge image with the credential in an `openbadges:` element (Open Badges baking).
    BakedSvg,
    /// A compact JWS: a VC-JWT (the format of the credential inside is its own).
    Jwt,
}

impl InputFormat {
    /// Whether the input was plain JSON.
    pub fn is_json(&self) -> bool {
        *self == Self::Json
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Which check.
    pub id: CheckId,
    /// What it found.
    pub outcome: Outcome,
    /// Stable snake_case code (`signature_valid`, `signature_mismatch`, …).
    pub code: &'static str,
    /// A plain-language sentence.
    pub message: String,
    /// Which proof of a proof set (0-based), for the per-proof checks of a set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof: Option<usize>,
}

/// The result of verifying one credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The overall judgement, derived from `checks`.
    pub verdict: Verdict,
    /// Every check, in order.
    pub checks: Vec<Check>,
    /// What the card may show: signed fields only. Trust it only as far as `verdict` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge: Option<BadgeView>,
    /// Documents (URLs or DIDs) a check needed and did not have (offline, or unavailable).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// What the input was, when not JSON: `baked_png` / `baked_svg` (the credential was read out
    /// of a badge image, then verified exactly as its JSON would be).
    #[serde(skip_serializing_if = "InputFormat::is_json")]
    pub input: InputFormat,
    /// For a presentation, a CLR or a collection (a top-level JSON array of credentials): the
    /// reports of the credentials it contains, each complete, and what they add up to. Absent
    /// for a single credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Members>,
    /// The endorsements the credential carries (OB 3.0 `endorsement` / `endorsementJwt` in the
    /// credential, its achievement, its issuer profile and the achievement's creator), each
    /// verified on its own: a [`Members`] tally with `container: "endorsements"`, whose every
    /// report names what it endorses ([`Report::endorses`]). Absent when there are none (and
    /// past [`crate::verification::MAX_ENDORSEMENTS`], when none is verified: the
    /// `endorsements` check line says so).
    ///
    /// ```json
    /// "endorsements": {
    ///   "container": "endorsements", "total": 2, "verified": 1,
    ///   "verdicts": {"verified": 1, "not_verified": 1},
    ///   "summary": "1 of 2 verified, 1 not verified",
    ///   "reports": [{"verdict": "verified", "checks": […], "badge": {…},
    ///                "endorses": {"target": "achievement", "id": "https://example.org/achievements/1"}}, …]
    /// }
    /// ```
    ///
    /// An endorsement that is not verified never makes the badge not verified (it is a third
    /// party's claim): the badge's `endorsements` line is then a warning.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsements: Option<Members>,
    /// For an endorsement's own report: what it endorses (the object it was embedded in).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorses: Option<Endorsed>,
}

/// What a presentation or CLR is made of: one full [`Report`] per enclosed credential (in
/// document order, each judged on its own) and a tally. Serialised (CLI `--json`, JS) as
///
/// ```json
/// "members": {
///   "container": "presentation",
///   "total": 12, "verified": 11,
///   "verdicts": {"verified": 10, "verified_with_warnings": 1, "expired": 1},
///   "summary": "11 of 12 verified, 1 expired",
///   "reports": [{"verdict": "verified", "checks": […], "badge": {…}}, …]
/// }
/// ```
///
/// The container's own `verdict` is `verified` only when its own checks pass and every member
/// is verified (the `members` check line says which are not); each member's `verdict` and
/// `badge` stand for that member alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Members {
    /// What encloses them.
    pub container: Container,
    /// How many credentials it encloses (each has a report, even one that could not be read).
    pub total: usize,
    /// How many of them are `verified` or `verified_with_warnings`.
    pub verified: usize,
    /// How many have each verdict (only verdicts that occur; in the verdicts' declaration order).
    pub verdicts: BTreeMap<Verdict, usize>,
    /// The tally in English words ("11 of 12 verified, 1 expired"); hosts may build their own
    /// from `verdicts`.
    pub summary: String,
    /// Each enclosed credential's report, in document order.
    pub reports: Vec<Report>,
}

/// What encloses the member credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Container {
    /// A Verifiable Presentation's `verifiableCredential`.
    /// See: <https://www.w3.org/TR/vc-data-model-2.0/#presentations-0>
    Presentation,
    /// A CLR 2.0 `ClrCredential`'s `credentialSubject.verifiableCredential`.
    /// See: <https://www.imsglobal.org/spec/clr/v2p0/#clrsubject>
    Clr,
    /// A top-level JSON array of credentials (a learner's stack, as `<badge-portfolio>` gives
    /// it): no proof of its own, each entry verified as a member.
    Collection,
    /// A credential's embedded endorsements ([`Report::endorsements`]).
    /// See: <https://www.imsglobal.org/spec/ob/v3p0/#endorsementcredential>
    Endorsements,
}

impl Members {
    /// Tallies `reports`.
    pub fn of(container: Container, reports: Vec<Report>) -> Self {
        let mut verdicts = BTreeMap::new();
        for report in &reports {
            *verdicts.entry(report.verdict).or_insert(0) += 1;
        }
        let verified = reports.iter().filter(|r| r.verdict.is_verified()).count();
        let total = reports.len();
        let mut summary = format!("{verified} of {total} verified");
        for (verdict, count) in &verdicts {
            if !verdict.is_verified() {
                summary.push_str(&format!(", {count} {}", verdict.words()));
            }
        }
        Self { container, total, verified, verdicts, summary, reports }
    }
}

impl Verdict {
    /// Its stable snake_case name, as the report's JSON spells it (`verified_with_warnings`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::VerifiedWithWarnings => "verified_with_warnings",
            Self::Expired => "expired",
            Self::NotYetValid => "not_yet_valid",
            Self::Revoked => "revoked",
            Self::Suspended => "suspended",
            Self::NotVerified => "not_verified",
            Self::Unsupported => "unsupported",
        }
    }

    /// Whether it is `verified` or `verified_with_warnings`.
    pub fn is_verified(self) -> bool {
        matches!(self, Self::Verified | Self::VerifiedWithWarnings)
    }

    /// The verdict in English words ("not verified").
    pub fn words(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::VerifiedWithWarnings => "verified with warnings",
            Self::Expired => "expired",
            Self::NotYetValid => "not yet valid",
            Self::Revoked => "revoked",
            Self::Suspended => "suspended",
            Self::NotVerified => "not verified",
            Self::Unsupported => "unsupported",
        }
    }
}

/// Collects checks; `finish` derives the verdict.
#[derive(Debug, Default)]
pub(crate) struct Checklist {
    checks: Vec<Check>,
    needs: Vec<String>,
}

impl Checklist {
    /// Records the result of one check; returns the value when it did not fail.
    pub(crate) fn record<T>(
        &mut self,
        id: CheckId,
        proof: Option<usize>,
        result: Result<(Passed, T), Error>,
    ) -> Option<T> {
        match result {
            Ok((passed, value)) => {
                self.push(Check {
                    id,
                    outcome: passed.outcome(),
                    code: passed.code(),
                    message: passed.message().into(),
                    proof,
                });
                Some(value)
            }
            Err(error) => {
                if let Error::DocumentUnavailable { id, .. } = &error {
                    if !self.needs.contains(id) {
                        self.needs.push(id.clone());
                    }
                }
                let outcome = if error.is_unchecked() { Outcome::Unchecked } else { Outcome::Failed };
                self.push(Check { id, outcome, code: error.code(), message: error.to_string(), proof });
                None
            }
        }
    }

    /// Records a check that found something the reader should know without failing the credential.
    pub(crate) fn warn(&mut self, id: CheckId, proof: Option<usize>, error: &Error) {
        self.push(Check { id, outcome: Outcome::Warning, code: error.code(), message: error.to_string(), proof });
    }

    /// Records a check that could not run because an earlier one failed.
    pub(crate) fn skipped(&mut self, id: CheckId, proof: Option<usize>, because: CheckId) {
        let message = format!("not checked because the {} check did not pass", name(because));
        self.push(Check { id, outcome: Outcome::Unchecked, code: "skipped", message, proof });
    }

    fn push(&mut self, check: Check) {
        self.checks.push(check);
    }

    /// Adds one line to a report already finished: recorded as [`Checklist::record`] records it,
    /// and a failed line makes the report not verified (as [`verdict_of`] would: it is neither a
    /// date nor unsupported).
    #[cfg(feature = "presentations")]
    pub(crate) fn append(report: &mut Report, id: CheckId, result: Result<Passed, Error>) {
        let mut list = Self::default();
        list.record(id, None, result.map(|passed| (passed, ())));
        if list.checks.iter().any(|check| check.outcome == Outcome::Failed) {
            report.verdict = Verdict::NotVerified;
        }
        report.checks.append(&mut list.checks);
    }

    /// The report, with a verdict that fails closed.
    pub(crate) fn finish(self, badge: Option<BadgeView>) -> Report {
        self.finish_with(badge, &CheckId::REQUIRED)
    }

    /// The report, with a verdict that needs every check of `required`.
    pub(crate) fn finish_with(self, badge: Option<BadgeView>, required: &[CheckId]) -> Report {
        Report {
            verdict: verdict_of(&self.checks, required),
            checks: self.checks,
            badge,
            needs: self.needs,
            input: InputFormat::Json,
            members: None,
            endorsements: None,
            endorses: None,
        }
    }
}

fn name(id: CheckId) -> &'static str {
    match id {
        CheckId::Format => "format",
        CheckId::Contexts => "contexts",
        CheckId::IssuerKey => "issuer key",
        CheckId::Proof => "proof",
        CheckId::ValidFrom => "valid-from",
        CheckId::ValidUntil => "valid-until",
        CheckId::Status => "status",
        CheckId::IssuerTrust => "issuer trust",
        CheckId::Recipient => "recipient",
        CheckId::Members => "members",
        CheckId::Endorsements => "endorsements",
        CheckId::EndorsementSubject => "endorsement subject",
    }
}

/// A credential's verdict (the checks [`CheckId::REQUIRED`]): see [`verdict_of`].
#[cfg(test)]
fn verdict(checks: &[Check]) -> Verdict {
    verdict_of(checks, &CheckId::REQUIRED)
}

/// The verdict: `verified` only if every check of `required` (a credential's, or a
/// presentation's) is present and none failed or went unchecked. Revoked, suspended, expired and
/// not-yet-valid are reported as such only for an otherwise sound credential (revocation first: a
/// revoked credential that also expired is revoked). A failed `members` line is `not_verified`.
fn verdict_of(checks: &[Check], required: &[CheckId]) -> Verdict {
    let failed = |c: &&Check| c.outcome == Outcome::Failed;
    let is_status_finding = |c: &Check| c.id == CheckId::Status && matches!(c.code, "revoked" | "suspended");
    let is_validity = |c: &&Check| matches!(c.id, CheckId::ValidFrom | CheckId::ValidUntil) || is_status_finding(c);
    let unsupported = ALL_UNSUPPORTED_CODES;
    if checks.iter().filter(failed).any(|c| !is_validity(&c) && !unsupported.contains(&c.code)) {
        return Verdict::NotVerified;
    }
    if checks.iter().filter(failed).any(|c| unsupported.contains(&c.code)) {
        return Verdict::Unsupported;
    }
    let essential_unchecked = checks.iter().any(|c| c.outcome == Outcome::Unchecked && c.id.is_essential());
    let all_present = required.iter().all(|id| checks.iter().any(|c| c.id == *id));
    if essential_unchecked || !all_present {
        return Verdict::NotVerified;
    }
    if checks.iter().any(|c| is_status_finding(c) && c.outcome == Outcome::Failed && c.code == "revoked") {
        return Verdict::Revoked;
    }
    if checks.iter().any(|c| is_status_finding(c) && c.outcome == Outcome::Failed && c.code == "suspended") {
        return Verdict::Suspended;
    }
    if checks.iter().any(|c| c.id == CheckId::ValidFrom && c.outcome == Outcome::Failed) {
        return Verdict::NotYetValid;
    }
    if checks.iter().any(|c| c.id == CheckId::ValidUntil && c.outcome == Outcome::Failed) {
        return Verdict::Expired;
    }
    if checks.iter().any(|c| matches!(c.outcome, Outcome::Warning | Outcome::Unchecked)) {
        return Verdict::VerifiedWithWarnings;
    }
    Verdict::Verified
}

/// Codes of `Error`s for which `is_unsupported()` holds.
const ALL_UNSUPPORTED_CODES: [&str; 8] = [
    "unsupported_format",
    "jws_algorithm_unsupported",
    "unsupported_verification_method",
    "unsupported_key_type",
    "unsupported_proof_type",
    "unsupported_cryptosuite",
    "unsupported_json_ld",
    "not_in_this_build",
];

#[cfg(test)]
mod tests;
