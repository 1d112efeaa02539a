//! The parts of the verifier a build may leave out (cargo features), and what a credential that
//! needs one gets from a build without it: the error `not_in_this_build`, naming the feature
//! (verdict `unsupported`). The page's core wasm leaves every such part out; the loader, seeing
//! that code in a report, verifies the credential again with the full module, which has them all.
//!
//! Adding a part (RSA, ECDSA, VC-JWT, Open Badges 2.0, baked images, …) takes one line in each
//! place: Cargo.toml's `[features]` (and the `full` list there), a `const` here, and where the
//! code meets a credential that needs it, `features::THAT.require(what)?` (the code itself then
//! sits behind `#[cfg(feature = "…")]`). scripts/build-wasm builds the full module with `full`.

use crate::error::Error;

/// A part that a build may leave out: its cargo feature, and whether this build has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    /// The cargo feature's name.
    pub name: &'static str,
    /// Whether this build carries it.
    pub built: bool,
}

/// The JSON-LD contexts only test vectors and other formats' credentials name (VC examples,
/// citizenship, ODRL, Blockcerts, Open Badges 2.0, …): [`crate::contexts`].
pub const EXTRA_CONTEXTS: Feature = Feature { name: "extra-contexts", built: cfg!(feature = "extra-contexts") };

/// Credentials baked into PNG and SVG badge images: [`crate::input`] reads them out.
pub const BAKED: Feature = Feature { name: "baked", built: cfg!(feature = "baked") };

/// ECDSA keys and signatures, P-256 and P-384: [`crate::key::PublicKey`].
pub const ECDSA: Feature = Feature { name: "ecdsa", built: cfg!(feature = "ecdsa") };

/// RSA keys and RS256 / PS256 signatures: [`crate::key::PublicKey`].
pub const RSA: Feature = Feature { name: "rsa", built: cfg!(feature = "rsa") };

/// VC-JWT: the compact JWS around a credential ([`crate::jose`], [`crate::vc_jwt`]).
pub const JWT: Feature = Feature { name: "jwt", built: cfg!(feature = "jwt") };

/// Open Badges 2.0 assertions, hosted and signed: [`crate::ob2`].
pub const OB2: Feature = Feature { name: "ob2", built: cfg!(feature = "ob2") };

/// Verifiable Presentations, CLR 2.0 and collections (a top-level JSON array of credentials):
/// containers whose credentials are each verified.
pub const PRESENTATIONS: Feature = Feature { name: "presentations", built: cfg!(feature = "presentations") };

/// Every part a build may leave out.
pub const ALL: [Feature; 7] = [EXTRA_CONTEXTS, BAKED, ECDSA, RSA, JWT, OB2, PRESENTATIONS];

impl Feature {
    /// The error a build without this part gives for `needed_for`: `not_in_this_build`.
    pub fn missing(self, needed_for: &str) -> Error {
        Error::NotInThisBuild { feature: self.name, needed_for: needed_for.chars().take(200).collect() }
    }

    /// Ok when this build has the part; else `not_in_this_build`.
    ///
    /// # Errors
    /// `not_in_this_build`, naming the feature and `needed_for` (what needed it: a context URL, a
    /// suite name, …; up to 200 characters).
    pub fn require(self, needed_for: &str) -> Result<(), Error> {
        if self.built {
            Ok(())
        } else {
            Err(self.missing(needed_for))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_this_build_has_is_no_error_and_one_it_lacks_is_not_in_this_build() {
        let built = Feature { name: "x", built: true };
        assert_eq!(built.require("anything"), Ok(()));
        let left_out = Feature { name: "extra-contexts", built: false };
        let error = left_out.require("https://w3id.org/openbadges/v2").unwrap_err();
        assert_eq!(error.code(), "not_in_this_build");
        assert!(error.is_unsupported());
        assert_eq!(
            error.to_string(),
            "\"https://w3id.org/openbadges/v2\" needs the cargo feature \"extra-contexts\", which this build leaves out"
        );
    }

    #[test]
    fn the_list_names_each_cargo_feature_once_and_cargo_toml_declares_it_in_full() {
        let manifest = include_str!("../Cargo.toml");
        let full = manifest.lines().find(|l| l.starts_with("full = [")).unwrap();
        for feature in ALL {
            assert_eq!(ALL.iter().filter(|f| f.name == feature.name).count(), 1);
            assert!(full.contains(&format!("\"{}\"", feature.name)), "{} is not in `full`", feature.name);
        }
    }
}
