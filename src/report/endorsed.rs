//! What an endorsement's report says it endorses ([`super::Report::endorses`]).

use serde::Serialize;

/// What an endorsement endorses: the object of the badge it was embedded in.
/// See: <https://www.imsglobal.org/spec/ob/v3p0/#endorsementcredential>
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Endorsed {
    /// Which object.
    pub target: EndorsedTarget,
    /// That object's `id`, when it has one of at most 1,000 bytes (an endorsement of an object
    /// without one cannot be shown to be about it: `endorsement_subject_mismatch`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The objects of an Open Badges 3.0 credential that may carry endorsements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EndorsedTarget {
    /// The credential itself (`AchievementCredential.endorsement`).
    Credential,
    /// Its achievement (`credentialSubject.achievement.endorsement`).
    Achievement,
    /// Its issuer's profile (`issuer.endorsement`).
    Issuer,
    /// The achievement's creator's profile (`credentialSubject.achievement.creator.endorsement`).
    Creator,
}
