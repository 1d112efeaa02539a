#![doc = include_str!("../README.md")]
//!
//! # Design overview
//!
//! ```text
//! bytes ─► input::decode ─► Credential ─► Verification: format · contexts · issuer_key · proof ·
//!   (JSON/JWT/PNG/SVG)       (typed view)   valid_from · valid_until · status · issuer_trust · recipient
//!                                             │  ▲
//!                             needs() ────────┘  └──────── provide(id, bytes) / unavailable(id, why)
//!                  (DID documents, issuer profiles, status lists: the host fetches them)
//!                                             │
//!                      finish() → Report { verdict, checks[], badge: BadgeView, needs[],
//!                                          members?: { summary, reports: [Report…] } }
//!                                             │
//!                  CLI (src/bin: ureq) · JS API and widget (src/web + www/: one page-wide fetcher)
//! ```
//!
//! - The core (everything outside `web` and the CLI) does **no I/O and reads no clock**: `now` is
//!   an option, and the documents the checks need come in through the [`Verification`] loop, or
//!   up front through [`Documents`] and [`verify()`]. Every settled result is kept, so nothing is
//!   computed twice however many rounds the documents take.
//! - `error` holds the one namespace of stable codes; `report` derives the verdict from the
//!   checks and fails closed (*couldn't check* is never *verified*, never *revoked*).
//! - `key` resolves verification methods (did:key, did:jwk, did:web, HTTPS) and binds them to the
//!   issuer; `proof` holds the cryptosuites, one file per spec identifier; `status` reads status
//!   list entries from lists that `verification` has verified; `trust` and `recipient` are the
//!   host's checks.
//! - `baked` (feature `baked`) reads the credential out of a badge image: PNG text chunks, one
//!   SVG element; its JSON, JWS or hosted URL is then verified as if given as is.
//! - `ob2` (feature `ob2`) verifies Open Badges 2.0 (and 1.x) assertions by their own rules,
//!   hosted or signed, onto the same checks, needs and card; `input` routes an assertion there by
//!   its shape (JSON, a JWS whose payload is one, or its URL).
//! - `badge` is what a card may show: signed fields only, URLs filtered to safe schemes.
//! - A Verifiable Presentation (the holder's `authentication` proof, challenge, domain) or a CLR
//!   2.0 is verified with each credential it encloses, and reported as a nested report
//!   ([`report::Members`]): each member complete with its own checks and badge, a tally for the
//!   whole. So is a collection: a top-level JSON array of credentials, with no proof of its own.
//! - `portfolio` is what `<badge-portfolio>` shows for such a report: a summary, the credentials
//!   grouped by what they stack toward, credits summed; pure, like `card`.

pub mod badge;
#[cfg(feature = "baked")]
pub mod baked;
pub(crate) mod base64;
pub mod card;
pub mod checks;
pub mod contexts;
pub mod credential;
pub mod documents;
pub mod error;
pub mod features;
pub mod i18n;
mod inflate;
pub mod input;
pub mod jcs;
#[cfg(feature = "jwt")]
pub mod jose;
pub mod json;
pub mod jsonld;
pub mod key;
pub mod ob2;
pub mod portfolio;
pub mod proof;
pub mod rdf;
pub mod rdfc;
pub mod recipient;
pub mod report;
pub mod status;
pub mod timestamp;
pub mod trust;
mod url;
#[cfg(feature = "jwt")]
pub mod vc_jwt;
pub mod verification;
pub mod verify;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use badge::BadgeView;
pub use contexts::Contexts;
pub use documents::Documents;
pub use error::{Error, Unavailable};
pub use json::Limits;
pub use report::{Check, CheckId, Container, InputFormat, Members, Outcome, Report, Verdict};
pub use timestamp::Timestamp;
pub use verification::{Need, Purpose, Verification};
pub use verify::{verify, Options};
