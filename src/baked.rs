//! Baked badges: the credential (or assertion, or its URL) that an issuer embedded in a badge
//! image, read back out. PNG carries it in a text chunk (`png`), SVG in one element (`svg`).
//! Pure and panic-free, under hard limits: the image is already within the input cap, and no
//! text read from it (inflated or not) may exceed that cap either.
//!
//! - Open Badges 3.0 § Badge Baking: PNG `iTXt` keyword `openbadgecredential`; SVG
//!   `<openbadges:credential>` (namespace `https://purl.imsglobal.org/ob/v3p0`) with the
//!   credential's JSON as content or a VC-JWT in its `verify` attribute.
//!   <https://www.imsglobal.org/spec/ob/v3p0/#badge-baking>
//! - Open Badges 2.0 Baking: PNG `iTXt` (or legacy `tEXt`) keyword `openbadges`; SVG
//!   `<openbadges:assertion verify="…">` (namespace `http://openbadges.org`): a JSON assertion, a
//!   signed assertion (JWS) or the URL of a hosted assertion.
//!   <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/baking/index.html>

mod png;
mod svg;

use crate::error::Error;
use crate::input::is_compact_jws;

/// Which Open Badges baking the image follows (told by the chunk keyword or element name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Version {
    /// Open Badges 2.0 (and the 1.x badges baked the same way): `openbadges`.
    OpenBadges2,
    /// Open Badges 3.0: `openbadgecredential` / `openbadges:credential`.
    OpenBadges3,
}

/// What was baked into the image.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Payload {
    /// A credential's (or OB 2.0 assertion's) JSON text, not yet parsed.
    Json(String),
    /// A compact JWS: a VC-JWT (OB 3.0) or a signed assertion (OB 2.0).
    Jws(String),
    /// The `https` URL of a hosted assertion (OB 2.0 only).
    Url(String),
}

/// A credential read from a baked image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baked {
    /// The baking it follows.
    pub version: Version,
    /// What it carries.
    pub payload: Payload,
}

/// Reads the credential baked into a PNG image. `max_text` caps the text read (inflated size
/// included): callers pass the input cap.
///
/// # Errors
/// `baked_image_malformed` (not a well-formed PNG: bad signature, truncated or oversized chunk,
/// CRC-32 mismatch, more than [`MAX_CHUNKS`] chunks, a corrupt or oversized compressed text,
/// a payload that is neither JSON, a JWS nor an `https` URL), `baked_image_no_credential`,
/// `baked_image_ambiguous` (more than one credential chunk).
pub fn from_png(bytes: &[u8], max_text: usize) -> Result<Baked, Error> {
    let (version, text) = png::credential_text(bytes, max_text)?;
    Ok(Baked { version, payload: classify(&text, version, "PNG")? })
}

/// Reads the credential baked into an SVG image (UTF-8 XML; no DTD internal subset, so no
/// entity declarations and no entity expansion).
///
/// # Errors
/// `baked_image_malformed` (not UTF-8, not well-formed as far as the scanner reads, a DTD internal
/// subset, an entity other than the five predefined and numeric references, nesting deeper than
/// [`MAX_DEPTH`], an unusable payload), `baked_image_no_credential`, `baked_image_ambiguous`
/// (more than one credential element, or both a `verify` JWS and content in an OB 3.0 element).
pub fn from_svg(bytes: &[u8], max_text: usize) -> Result<Baked, Error> {
    let (version, text) = svg::credential_text(bytes, max_text)?;
    Ok(Baked { version, payload: classify(&text, version, "SVG")? })
}

pub use png::MAX_CHUNKS;
pub use svg::MAX_DEPTH;

/// JSON, a compact JWS, or (OB 2.0) an `https` URL; anything else is refused.
fn classify(text: &str, version: Version, image: &'static str) -> Result<Payload, Error> {
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let refuse = |why: &str| Err(Error::BakedImageMalformed(format!("{image}: {why}")));
    if text.starts_with('{') {
        return Ok(Payload::Json(text.to_owned()));
    }
    if is_compact_jws(text.as_bytes()) {
        return Ok(Payload::Jws(text.to_owned()));
    }
    let is_url = text.starts_with("https://") || text.starts_with("http://");
    match (is_url, version) {
        (true, Version::OpenBadges3) => refuse("an Open Badges 3.0 image must carry the credential, not a URL"),
        (true, _) if text.bytes().any(|b| b <= b' ' || b == 0x7f) => refuse("the assertion URL contains spaces"),
        (true, _) if text.starts_with("https://") => Ok(Payload::Url(text.to_owned())),
        (true, _) => refuse("the hosted assertion URL is not https"),
        (false, _) if text.is_empty() => refuse("the credential text is empty"),
        (false, _) => refuse("the credential text is neither JSON, a compact JWS nor an https URL"),
    }
}

#[cfg(test)]
mod tests;
