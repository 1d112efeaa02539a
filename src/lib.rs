#![doc = include_str!("../README.md")]
//!
//! # Design overview
//!
//! ```text
//! bytes ─► input::decode ─► Credential ─► verify: format · contexts · issuer_key · proof ·
//!   (JSON/JWT/PNG/SVG)       (typed view)          valid_from · valid_until  (each a Check)
//!                                                        │
//!                         Report { verdict, checks[], badge: BadgeView, needs[] }
//!                                                        │
//!                  CLI (src/bin) · JS API and widget (src/web, wasm32 only)
//! ```
//!
//! - The core (everything outside `web`) does **no I/O and reads no clock**: `now` is an option,
//!   and documents the checks need (issuer profiles, DID documents) come in through
//!   [`Documents`]; what was missing is listed in [`Report::needs`] so the host can fetch it and
//!   verify again.
//! - `error` holds the one namespace of stable codes; `report` derives the verdict from the
//!   checks and fails closed.
//! - `key` resolves verification methods and binds them to the issuer; `proof` holds the
//!   cryptosuites, one file per spec identifier; `jcs` is RFC 8785.
//! - `badge` is what a card may show: signed fields only, URLs filtered to safe schemes.

pub mod badge;
pub(crate) mod base64;
pub mod card;
pub mod checks;
pub mod contexts;
pub mod credential;
pub mod documents;
pub mod error;
pub mod i18n;
pub mod input;
pub mod jcs;
pub mod json;
pub mod jsonld;
pub mod key;
pub mod proof;
pub mod rdf;
pub mod rdfc;
pub mod recipient;
pub mod report;
pub mod status;
pub mod timestamp;
pub mod trust;
pub mod verification;
pub mod verify;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use badge::BadgeView;
pub use contexts::Contexts;
pub use documents::Documents;
pub use error::{Error, Unavailable};
pub use json::Limits;
pub use report::{Check, CheckId, Outcome, Report, Verdict};
pub use timestamp::Timestamp;
pub use verification::{Need, Purpose, Verification};
pub use verify::{verify, Options};
