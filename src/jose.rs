//! JOSE: the compact JWS that *envelops* a VC-JWT (RFC 7515 §7.1): split, decoded, and its
//! header judged before any key is looked at. The signature is checked later, by the key the
//! header names, over the exact ASCII `header.payload` the issuer signed — never over a
//! re-serialisation.
//!
//! Refused here, each with its own code: anything but three canonical base64url parts
//! (`jws_malformed`), `alg: none` (`jws_algorithm_none`), HMAC algorithms, whose "key" is a
//! shared secret no public verifier can hold (`jws_algorithm_not_allowed`), `crit` extensions
//! (`jws_critical_header_unsupported`: this verifier understands none, RFC 7515 §4.1.11), and
//! unencoded payloads (`b64: false`, RFC 7797). Algorithms we do not implement are
//! `jws_algorithm_unsupported`: *unsupported*, not *failed*.

pub mod compact;
pub mod header;

pub use compact::{CompactJws, SignedBytes};
pub use header::{algorithm, Header};
