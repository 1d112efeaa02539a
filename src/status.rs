//! Credential status, the pure part: reading a credential's `credentialStatus` entries, and
//! reading one entry's status from a list document the caller has already fetched and verified.
//!
//! This module never fetches and never judges the list's proof, issuer binding or validity
//! period (the caller does that first: a list that failed there is never read). It knows three
//! methods:
//! - Bitstring Status List v1.0 (W3C Recommendation): <https://www.w3.org/TR/vc-bitstring-status-list/>
//! - StatusList2021 (W3C CCG draft, its predecessor): <https://www.w3.org/TR/2023/WD-vc-status-list-20230427/>
//! - 1EdTech Revocation List (OB 3.0 `1EdTechRevocationList`): <https://www.imsglobal.org/spec/vcrl/v1p0/>
//!
//! Bit 0 is the most significant bit of byte 0 (Bitstring Status List §2.2, `encodedList`).

mod bitstring;
mod entry;
mod gzip;
mod revocation_list;

use serde_json::Value;

use crate::error::Error;
use crate::report::Passed;

pub use entry::entries;
/// CRC-32 (ISO 3309), shared with the PNG chunk reader of `baked`.
#[cfg(feature = "baked")]
pub(crate) use gzip::crc32;

/// The largest status list this verifier inflates, in bytes (4 MiB: 33,554,432 one-bit entries,
/// 256 times the Bitstring Status List minimum). A list that inflates past it (a GZIP bomb) is
/// `status_list_too_large`, and inflating stops there.
pub const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

/// The fewest entries a list should have for herd privacy (Bitstring Status List §3.2, step 2,
/// `minimumNumberOfEntries`). A shorter list is read all the same, with a `status_list_short` warning.
pub const MIN_ENTRIES: u64 = 131_072;

/// Which status method an entry uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusKind {
    /// `BitstringStatusListEntry` (W3C Bitstring Status List v1.0).
    BitstringStatusList,
    /// `StatusList2021Entry` (W3C CCG StatusList2021).
    StatusList2021,
    /// `1EdTechRevocationList` (1EdTech Revocation List Status Method 1.0, used by OB 3.0).
    OneEdTechRevocationList,
}

impl StatusKind {
    /// Whether the list is a status list *credential* (a VC to verify before it is read:
    /// Bitstring, StatusList2021) rather than a plain JSON document (1EdTech).
    pub fn list_is_credential(self) -> bool {
        !matches!(self, Self::OneEdTechRevocationList)
    }

    /// The entry `type` this kind is read from.
    pub fn entry_type(self) -> &'static str {
        match self {
            Self::BitstringStatusList => "BitstringStatusListEntry",
            Self::StatusList2021 => "StatusList2021Entry",
            Self::OneEdTechRevocationList => "1EdTechRevocationList",
        }
    }
}

/// One `credentialStatus` entry, read and checked for shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEntry {
    /// Which status method.
    pub kind: StatusKind,
    /// URL of the list document to fetch (`statusListCredential`; for a 1EdTech list, the entry's `id`).
    pub list_url: String,
    /// `statusListIndex` (`None` for 1EdTech lists, which list credential ids).
    pub index: Option<u64>,
    /// `statusPurpose` as given (`revocation`, `suspension`, `message`); 1EdTech: `revocation`.
    pub purpose: String,
    /// `statusSize` in bits (default 1; 1 to 8 accepted).
    pub size: u32,
    /// `statusMessage` entries: the value as lowercase hex (`0x1`) and its message.
    pub messages: Vec<(String, String)>,
}

/// Reads `entry`'s status in `list`, the parsed list document that the caller has already
/// verified (proof, issuer, validity period) where the list is a credential.
///
/// `Ok((passed, warning))`: `passed` is `NotRevoked`, `NotSuspended` or (a `message` entry)
/// `StatusRead`; a `warning`, when present, is shown instead of the pass line:
/// `status_list_short` (fewer than [`MIN_ENTRIES`] entries, the bit read all the same) or
/// `status_message` (the issuer's message for a `message` entry's value).
///
/// For a 1EdTech list, `credential_id` is looked up and the list's issuer must be `issuer`.
///
/// # Errors
/// `revoked` / `suspended` when the entry's bits are not all zero (the list's message, if any);
/// otherwise the codes that leave the status unchecked: `invalid_status_list`,
/// `status_list_too_large`, `status_index_out_of_range`, `status_purpose_mismatch`,
/// `status_list_wrong_issuer` (1EdTech), `invalid_status_entry`, `status_not_checked`.
pub fn read(
    entry: &StatusEntry,
    list: &Value,
    credential_id: Option<&str>,
    issuer: &str,
) -> Result<(Passed, Option<Error>), Error> {
    match entry.kind {
        StatusKind::OneEdTechRevocationList => revocation_list::read(list, credential_id, issuer),
        StatusKind::BitstringStatusList | StatusKind::StatusList2021 => bitstring::read(entry, list),
    }
}

#[cfg(test)]
mod tests;
