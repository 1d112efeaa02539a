//! VC-JWT: the credential a compact JWS secures, and the JWT claims checked against it.
//!
//! Two shapes are in use, told apart by the claims set:
//! - **VC 2.0 `vc+jwt`** (VC-JOSE-COSE §3.1.1, <https://www.w3.org/TR/vc-jose-cose/>): the payload
//!   *is* the credential. The claim names `vc` and `vp` must not appear (§3.1.1, statement 4 of
//!   its test suite); `iss`, when present, must match `issuer` (or `issuer.id`).
//! - **VC 1.1 JWT-VC** (VC Data Model 1.1 §6.3.1, <https://www.w3.org/TR/vc-data-model-1.1/#jwt-decoding>):
//!   the credential is the `vc` claim, and the registered claims stand for its properties:
//!   `iss` → `issuer`, `jti` → `id`, `sub` → `credentialSubject.id`, `nbf` → `issuanceDate`,
//!   `exp` → `expirationDate`. Decoding copies each into the credential when it is missing there;
//!   when both are present they must agree (dates at whole seconds), or the credential is
//!   refused (`jwt_claims_inconsistent`): a claim and a property saying different things is no
//!   statement of either.
//!
//! In both shapes `nbf` and `exp` also bound the token itself (RFC 7519 §4.1.4–5): they are
//! returned for the validity checks. Unknown claims are ignored (VC-JOSE-COSE statement 31).
//!
//! A presentation secured as a JWT (`vp+jwt`, or a VC 1.1 `vp` claim) is read by [`presentation`].

use serde_json::{Map, Value};

use crate::error::Error;
use crate::jose::header::cut;
use crate::jose::CompactJws;
use crate::timestamp::Timestamp;

pub mod presentation;

/// Which VC-JWT shape a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// VC 2.0 `vc+jwt`: the payload is the credential.
    PayloadIsCredential,
    /// VC 1.1 JWT-VC: the credential is the `vc` claim.
    VcClaim,
}

/// The credential a VC-JWT secures, with the token's own validity window.
#[derive(Debug, Clone, PartialEq)]
pub struct Enveloped {
    /// The credential (for a JWT-VC, with the registered claims decoded into it).
    pub credential: Value,
    /// Which shape the token had.
    pub shape: Shape,
    /// `nbf`: the token is not valid before.
    pub not_before: Option<Timestamp>,
    /// `exp`: the token is not valid at or after.
    pub expires: Option<Timestamp>,
}

/// The media types (`typ`) a credential JWT may declare; compared case-insensitively, with the
/// `application/` prefix optional (RFC 7515 §4.1.9).
const CREDENTIAL_TYPES: [&str; 3] = ["jwt", "vc+jwt", "vc+ld+json+jwt"];
/// The content types (`cty`) of a credential JWT's payload.
const CREDENTIAL_CONTENT_TYPES: [&str; 2] = ["vc", "vc+ld+json"];

/// Splits and decodes the compact JWS `text`, and reads the credential it secures.
///
/// # Errors
/// [`CompactJws::parse`]'s and [`credential`]'s.
pub fn open(text: &str, limits: &crate::json::Limits) -> Result<(CompactJws, Enveloped), Error> {
    let jws = CompactJws::parse(text, limits)?;
    let enveloped = credential(&jws)?;
    Ok((jws, enveloped))
}

/// The credential `jws` secures.
///
/// # Errors
/// `jws_media_type_invalid` (a `typ` or `cty` that is not a credential's),
/// `jwt_claims_invalid` (`vc`/`vp` claims in a `vc+jwt`, a `vc` claim that is not an object, a
/// registered claim of the wrong type), `jwt_claims_inconsistent`, and `unsupported_format` for a
/// presentation (`vp+jwt`, or a `vp` claim).
pub fn credential(jws: &CompactJws) -> Result<Enveloped, Error> {
    let media_type = jws.header.media_type.as_deref().map(media_type_name);
    if media_type.as_deref().is_some_and(|t| t == "vp+jwt" || t == "vp+ld+json+jwt") {
        return Err(Error::UnsupportedFormat("a presentation secured as a JWT (vp+jwt)"));
    }
    if let Some(t) = &media_type {
        if !CREDENTIAL_TYPES.contains(&t.as_str()) {
            return Err(Error::JwsMediaTypeInvalid(format!("typ {}", cut(t))));
        }
    }
    if let Some(cty) = jws.header.content_type.as_deref().map(media_type_name) {
        if !CREDENTIAL_CONTENT_TYPES.contains(&cty.as_str()) {
            return Err(Error::JwsMediaTypeInvalid(format!("cty {}", cut(&cty))));
        }
    }
    let Value::Object(claims) = &jws.payload else {
        return Err(invalid("the payload is not a JSON object"));
    };
    let declared_vc2 = media_type.as_deref().is_some_and(|t| t != "jwt");
    let not_before = numeric_date(claims, "nbf")?;
    let expires = numeric_date(claims, "exp")?;
    if declared_vc2 && (claims.contains_key("vc") || claims.contains_key("vp")) {
        return Err(invalid("a vc+jwt must not carry the claims `vc` or `vp`"));
    }
    if claims.contains_key("vp") && !claims.contains_key("vc") {
        return Err(Error::UnsupportedFormat("a presentation secured as a JWT (vp claim)"));
    }
    let (credential, shape) = match claims.get("vc") {
        Some(Value::Object(vc)) => (decode_vc_claim(vc.clone(), claims, not_before, expires)?, Shape::VcClaim),
        Some(_) => return Err(invalid("the `vc` claim is not an object")),
        None => {
            let credential = jws.payload.clone();
            if let Some(iss) = string_claim(claims, "iss")? {
                agree("iss", iss, issuer_id(claims))?;
            }
            (credential, Shape::PayloadIsCredential)
        }
    };
    Ok(Enveloped { credential, shape, not_before, expires })
}

/// VC 1.1 §6.3.1: each registered claim decoded into the credential, or checked against it.
fn decode_vc_claim(
    mut vc: Map<String, Value>,
    claims: &Map<String, Value>,
    not_before: Option<Timestamp>,
    expires: Option<Timestamp>,
) -> Result<Value, Error> {
    if let Some(iss) = string_claim(claims, "iss")? {
        match issuer_id(&vc) {
            Some(issuer) => agree("iss", iss, Some(issuer))?,
            None if vc.contains_key("issuer") => return Err(invalid("`issuer` has no id")),
            None => {
                vc.insert("issuer".to_owned(), Value::String(iss.to_owned()));
            }
        }
    }
    if let Some(jti) = string_claim(claims, "jti")? {
        set_or_agree(&mut vc, "jti", "id", jti)?;
    }
    if let Some(sub) = string_claim(claims, "sub")? {
        if let Some(Value::Object(subject)) = vc.get_mut("credentialSubject") {
            set_or_agree(subject, "sub", "id", sub)?;
        }
    }
    if let Some(nbf) = not_before {
        date_or_agree(&mut vc, "nbf", "issuanceDate", nbf)?;
    }
    if let Some(exp) = expires {
        date_or_agree(&mut vc, "exp", "expirationDate", exp)?;
    }
    Ok(Value::Object(vc))
}

/// The issuer's id: `issuer` as a string, or `issuer.id`.
fn issuer_id(credential: &Map<String, Value>) -> Option<&str> {
    match credential.get("issuer")? {
        Value::String(id) => Some(id),
        Value::Object(issuer) => issuer.get("id")?.as_str(),
        _ => None,
    }
}

fn set_or_agree(object: &mut Map<String, Value>, claim: &str, property: &str, value: &str) -> Result<(), Error> {
    match object.get(property) {
        None => {
            object.insert(property.to_owned(), Value::String(value.to_owned()));
            Ok(())
        }
        Some(existing) => agree(claim, value, existing.as_str()),
    }
}

fn date_or_agree(object: &mut Map<String, Value>, claim: &str, property: &str, value: Timestamp) -> Result<(), Error> {
    match object.get(property) {
        None => {
            object.insert(property.to_owned(), Value::String(value.to_string()));
            Ok(())
        }
        Some(existing) => {
            let same = existing.as_str().and_then(Timestamp::parse) == Some(value);
            if same {
                Ok(())
            } else {
                Err(Error::JwtClaimsInconsistent(format!("`{claim}` and `{property}` name different instants")))
            }
        }
    }
}

fn agree(claim: &str, value: &str, property: Option<&str>) -> Result<(), Error> {
    if property == Some(value) {
        Ok(())
    } else {
        Err(Error::JwtClaimsInconsistent(format!(
            "`{claim}` is {} but the credential says {}",
            cut(value),
            property.map_or_else(|| "nothing".to_owned(), cut)
        )))
    }
}

fn string_claim<'a>(claims: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, Error> {
    match claims.get(name) {
        None => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(_) => Err(invalid(&format!("the claim `{name}` is not a string"))),
    }
}

/// A NumericDate (RFC 7519 §2): seconds since the epoch, possibly fractional (truncated here).
fn numeric_date(claims: &Map<String, Value>, name: &str) -> Result<Option<Timestamp>, Error> {
    const LIMIT: f64 = 253_402_300_800.0; // 10000-01-01: no later instant has an RFC 3339 form
    match claims.get(name) {
        None => Ok(None),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(seconds) if seconds.unsigned_abs() < LIMIT as u64 => Ok(Some(Timestamp::from_unix_seconds(seconds))),
            Some(_) => Err(invalid(&format!("the claim `{name}` is out of range"))),
            None => match n.as_f64() {
                #[allow(clippy::cast_possible_truncation)]
                Some(seconds) if seconds.is_finite() && seconds.abs() < LIMIT => {
                    Ok(Some(Timestamp::from_unix_seconds(seconds.floor() as i64)))
                }
                _ => Err(invalid(&format!("the claim `{name}` is out of range"))),
            },
        },
        Some(_) => Err(invalid(&format!("the claim `{name}` is not a NumericDate"))),
    }
}

/// `typ`/`cty` lowercased, without the optional `application/` prefix.
fn media_type_name(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    lower.strip_prefix("application/").map_or_else(|| lower.clone(), str::to_owned)
}

fn invalid(reason: &str) -> Error {
    Error::JwtClaimsInvalid(reason.to_owned())
}

#[cfg(test)]
mod tests;
