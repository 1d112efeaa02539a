//! The JSON-LD contexts this verifier knows: bundled in the binary, pinned by the SHA-256 of their
//! upstream bytes, never fetched. `scripts/refresh-contexts.mjs` regenerates them from registry
//! packages (or the pinned upstream files where no package carries one); `tests/contexts.rs`
//! checks every one against `shared/vectors/contexts/INDEX.json`.
//!
//! A host may register more contexts ([`Contexts::register`]); an unknown URL fails the
//! `contexts` check (`unknown_context`). Some URLs have served different bytes over time (Open
//! Badges 3.0.3): each variant is bundled, the first is the default, and the proof suites retry the
//! others before reporting a mismatch.
//!
//! Contexts that only third-party test vectors and other formats' credentials name (VC examples,
//! citizenship, ODRL, Blockcerts, Open Badges 2.0, …) are bundled only with the default cargo
//! feature `extra-contexts`; the web page's core wasm is built without it, and a credential that
//! names one gets `not_in_this_build` there ([`left_out`]), not `unknown_context`.

mod bundled;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use crate::error::Error;
use crate::features::Feature;
use crate::json::{self, Limits};
use crate::jsonld::Loader;

/// One bundled context document.
#[derive(Debug)]
pub struct Bundled {
    /// The URL documents name it by.
    pub url: &'static str,
    /// SHA-256 (hex) of the upstream bytes this content equals (as JSON).
    pub upstream_sha256: &'static str,
    /// Where `scripts/refresh-contexts.mjs` took it from.
    pub source: &'static str,
    /// The context, minified.
    pub json: &'static str,
}

/// Every bundled context.
pub fn bundled() -> &'static [Bundled] {
    bundled::BUNDLED
}

/// Whether `url` names a bundled context.
pub fn is_bundled(url: &str) -> bool {
    bundled::BUNDLED.iter().any(|b| b.url == url)
}

/// The feature that would bundle `url`, when this build leaves that context out.
pub fn left_out(url: &str) -> Option<Feature> {
    bundled::LEFT_OUT.iter().find(|(left_out, _)| *left_out == url).map(|(_, feature)| *feature)
}

/// How many variants are bundled for `url` (0 when unknown).
pub fn variant_count(url: &str) -> usize {
    bundled::BUNDLED.iter().filter(|b| b.url == url).count()
}

/// The parsed bundled contexts, parsed once on first use.
fn parsed(index: usize) -> Option<Arc<Value>> {
    static PARSED: OnceLock<Vec<OnceLock<Option<Arc<Value>>>>> = OnceLock::new();
    let cells = PARSED.get_or_init(|| bundled::BUNDLED.iter().map(|_| OnceLock::new()).collect());
    let cell = cells.get(index)?;
    cell.get_or_init(|| {
        let entry = bundled::BUNDLED.get(index)?;
        serde_json::from_str::<Value>(entry.json).ok().map(Arc::new)
    })
    .clone()
}

/// The contexts available to one verification: the bundled ones plus any the host registered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contexts {
    registered: BTreeMap<String, Arc<Value>>,
    /// URL → which bundled variant to use (default 0).
    variants: BTreeMap<String, usize>,
}

impl Contexts {
    /// Only the bundled contexts.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers the context document at `url` (the whole document, with its `@context`). A
    /// registered context is trusted like a bundled one: register only what you have reviewed.
    ///
    /// # Errors
    /// The `json::parse` errors, or `invalid_json_ld` when the document has no `@context`.
    pub fn register(&mut self, url: &str, bytes: &[u8]) -> Result<(), Error> {
        let document = json::parse(bytes, &Limits::default())?;
        if document.get("@context").is_none() {
            return Err(Error::InvalidJsonLd(format!("the registered context {url:?} has no @context")));
        }
        self.registered.insert(url.to_owned(), Arc::new(document));
        Ok(())
    }

    /// Whether `url` is known (bundled or registered).
    pub fn is_known(&self, url: &str) -> bool {
        self.registered.contains_key(url) || is_bundled(url)
    }

    /// The same contexts with variant `variant` of `url`.
    pub(crate) fn with_variant(&self, url: &str, variant: usize) -> Self {
        let mut copy = self.clone();
        copy.variants.insert(url.to_owned(), variant);
        copy
    }
}

impl Loader for Contexts {
    fn context(&self, url: &str) -> Option<Arc<Value>> {
        if let Some(document) = self.registered.get(url) {
            return Some(document.clone());
        }
        let wanted = self.variants.get(url).copied().unwrap_or(0);
        let index = bundled::BUNDLED.iter().enumerate().filter(|(_, b)| b.url == url).nth(wanted).map(|(i, _)| i)?;
        parsed(index)
    }

    fn is_bundled_only(&self) -> bool {
        self.registered.is_empty() && self.variants.values().all(|v| *v == 0)
    }

    fn unknown(&self, url: &str) -> Error {
        match left_out(url).map(|feature| feature.require(url)) {
            Some(Err(not_in_this_build)) => not_in_this_build,
            _ => Error::UnknownContext(url.chars().take(200).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_context_parses_and_has_a_context() {
        let contexts = Contexts::new();
        for entry in bundled() {
            let document = contexts.context(entry.url).unwrap_or_else(|| panic!("{} does not parse", entry.url));
            assert!(document.get("@context").is_some(), "{}", entry.url);
        }
        assert!(contexts.is_known("https://www.w3.org/ns/credentials/v2"));
        assert!(!contexts.is_known("https://evil.example/context"));
    }

    #[test]
    fn variants_and_registration() {
        let url = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
        assert_eq!(variant_count(url), 2);
        let first = Contexts::new().context(url).unwrap();
        let second = Contexts::new().with_variant(url, 1).context(url).unwrap();
        assert_ne!(first, second);
        let mut contexts = Contexts::new();
        assert_eq!(contexts.register("https://x.example/ctx", b"{}").unwrap_err().code(), "invalid_json_ld");
        contexts.register("https://x.example/ctx", br#"{"@context": {"a": "https://x.example/a"}}"#).unwrap();
        assert!(contexts.is_known("https://x.example/ctx") && !contexts.is_bundled_only());
    }
}
