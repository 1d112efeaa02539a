//! A Verifiable Presentation secured as a JWT: told apart from a credential's token, and read
//! with its holder-binding claims. Two shapes, as for credentials:
//! - **VC 2.0 `vp+jwt`** (VC-JOSE-COSE §3.1.2, <https://www.w3.org/TR/vc-jose-cose/#securing-vps-with-jose>):
//!   the payload *is* the presentation; the claim names `vc` and `vp` must not appear.
//! - **VC 1.1 VP-JWT** (VC Data Model 1.1 §6.3.1, <https://www.w3.org/TR/vc-data-model-1.1/#jwt-encoding>):
//!   the presentation is the `vp` claim; `iss` stands for `holder` and `jti` for `id`.
//!
//! In both, `iss` and `holder` must agree when both are given (`jwt_claims_inconsistent`), and
//! `iss` names the holder when the presentation does not; `nonce` carries the host's challenge
//! and `aud` its domain (a string or a list), checked with the codes of a Data Integrity
//! presentation (`challenge_mismatch`, `domain_mismatch`); `nbf` / `exp` bound the token.

use serde_json::{Map, Value};

use super::{invalid, media_type_name, numeric_date, set_or_agree, string_claim};
use crate::error::Error;
use crate::jose::header::cut;
use crate::jose::CompactJws;
use crate::timestamp::Timestamp;

/// The media types (`typ`) a presentation JWT may declare (lower case, without `application/`):
/// VC-JOSE-COSE's, its earlier drafts', and plain `jwt` (VC 1.1).
const PRESENTATION_TYPES: [&str; 4] = ["jwt", "vp+jwt", "vp+ld+jwt", "vp+ld+json+jwt"];
/// The content types (`cty`) of a presentation JWT's payload.
const PRESENTATION_CONTENT_TYPES: [&str; 2] = ["vp", "vp+ld+json"];

/// The presentation a JWT secures, with what the token binds it to.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvelopedPresentation {
    /// The presentation (for a VP-JWT, the `vp` claim with `iss` and `jti` decoded into it).
    pub presentation: Value,
    /// `nbf`: the token is not valid before.
    pub not_before: Option<Timestamp>,
    /// `exp`: the token is not valid at or after.
    pub expires: Option<Timestamp>,
    /// `nonce`: the challenge the holder answered.
    pub nonce: Option<String>,
    /// `aud`: the audiences (domains) the presentation is made for.
    pub audience: Vec<String>,
}

impl EnvelopedPresentation {
    /// Whether the token was made for the host's `challenge` (`nonce`) and `domain` (one of `aud`);
    /// `None` is not checked.
    ///
    /// # Errors
    /// `challenge_mismatch`, `domain_mismatch` (also when the claim is missing).
    pub fn made_for(&self, challenge: Option<&str>, domain: Option<&str>) -> Result<(), Error> {
        if let Some(expected) = challenge {
            if self.nonce.as_deref() != Some(expected) {
                return Err(Error::ChallengeMismatch {
                    expected: cut(expected),
                    found: self.nonce.as_deref().map(cut),
                });
            }
        }
        if let Some(expected) = domain {
            if !self.audience.iter().any(|a| a == expected) {
                let found = (!self.audience.is_empty()).then(|| cut(&format!("{:?}", self.audience)));
                return Err(Error::DomainMismatch { expected: cut(expected), found });
            }
        }
        Ok(())
    }
}

/// Whether `jws` secures a presentation: its `typ` or `cty` says so, or (with no `typ` but a
/// plain `jwt`) its claims do — a `vp` claim without `vc`, or a payload of type
/// `VerifiablePresentation`. A `typ` of anything else (`vc+jwt`, a wrong one) is a credential's
/// token, judged as such.
pub fn is_presentation(jws: &CompactJws) -> bool {
    let declared = jws.header.media_type.as_deref().map(media_type_name);
    match declared.as_deref() {
        Some("jwt") | None => {}
        Some(other) => return PRESENTATION_TYPES.contains(&other),
    }
    let content = jws.header.content_type.as_deref().map(media_type_name);
    if content.as_deref().is_some_and(|c| PRESENTATION_CONTENT_TYPES.contains(&c)) {
        return true;
    }
    let Value::Object(claims) = &jws.payload else { return false };
    let typed = match claims.get("type") {
        Some(Value::String(t)) => t == "VerifiablePresentation",
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some("VerifiablePresentation")),
        _ => false,
    };
    (claims.contains_key("vp") && !claims.contains_key("vc")) || typed
}

/// The presentation `jws` secures.
///
/// # Errors
/// `jws_media_type_invalid` (a `typ` or `cty` that is not a presentation's), `jwt_claims_invalid`
/// (`vc`/`vp` claims in a `vp+jwt`, a `vp` claim that is not an object, a registered claim of the
/// wrong type), `jwt_claims_inconsistent` (`iss` and `holder`, or `jti` and `id`, disagree).
pub fn presentation(jws: &CompactJws) -> Result<EnvelopedPresentation, Error> {
    let media_type = jws.header.media_type.as_deref().map(media_type_name);
    if let Some(t) = &media_type {
        if !PRESENTATION_TYPES.contains(&t.as_str()) {
            return Err(Error::JwsMediaTypeInvalid(format!("typ {}", cut(t))));
        }
    }
    if let Some(cty) = jws.header.content_type.as_deref().map(media_type_name) {
        if !PRESENTATION_CONTENT_TYPES.contains(&cty.as_str()) {
            return Err(Error::JwsMediaTypeInvalid(format!("cty {}", cut(&cty))));
        }
    }
    let Value::Object(claims) = &jws.payload else {
        return Err(invalid("the payload is not a JSON object"));
    };
    let declared_vp2 = media_type.as_deref().is_some_and(|t| t != "jwt");
    if declared_vp2 && (claims.contains_key("vc") || claims.contains_key("vp")) {
        return Err(invalid("a vp+jwt must not carry the claims `vc` or `vp`"));
    }
    let mut presentation = match claims.get("vp") {
        Some(Value::Object(vp)) => {
            let mut vp = vp.clone();
            if let Some(jti) = string_claim(claims, "jti")? {
                set_or_agree(&mut vp, "jti", "id", jti)?;
            }
            vp
        }
        Some(_) => return Err(invalid("the `vp` claim is not an object")),
        None => claims.clone(),
    };
    if let Some(iss) = string_claim(claims, "iss")? {
        holder_or_agree(&mut presentation, iss)?;
    }
    Ok(EnvelopedPresentation {
        presentation: Value::Object(presentation),
        not_before: numeric_date(claims, "nbf")?,
        expires: numeric_date(claims, "exp")?,
        nonce: string_claim(claims, "nonce")?.map(str::to_owned),
        audience: audience(claims)?,
    })
}

/// `holder` (a URL, or an object with an `id`) agrees with `iss`, or is set to it.
fn holder_or_agree(presentation: &mut Map<String, Value>, iss: &str) -> Result<(), Error> {
    let holder = match presentation.get("holder") {
        None => {
            presentation.insert("holder".to_owned(), Value::String(iss.to_owned()));
            return Ok(());
        }
        Some(Value::String(id)) => Some(id.as_str()),
        Some(Value::Object(object)) => object.get("id").and_then(Value::as_str),
        Some(_) => None,
    };
    if holder == Some(iss) {
        Ok(())
    } else {
        Err(Error::JwtClaimsInconsistent(format!(
            "`iss` is {} but the presentation's holder is {}",
            cut(iss),
            holder.map_or_else(|| "not a URL".to_owned(), cut)
        )))
    }
}

/// `aud`: one string or a list of strings (RFC 7519 §4.1.3).
fn audience(claims: &Map<String, Value>) -> Result<Vec<String>, Error> {
    match claims.get("aud") {
        None => Ok(Vec::new()),
        Some(Value::String(one)) => Ok(vec![one.clone()]),
        Some(Value::Array(many)) => many
            .iter()
            .map(|a| a.as_str().map(str::to_owned).ok_or_else(|| invalid("the claim `aud` is not a list of strings")))
            .collect(),
        Some(_) => Err(invalid("the claim `aud` is not a string or a list of strings")),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::jose::Header;

    fn token(header: Value, payload: Value) -> CompactJws {
        CompactJws { header: Header::read(&header).unwrap(), payload, signing_input: Vec::new(), signature: vec![1] }
    }

    fn vp() -> Value {
        json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiablePresentation",
               "holder": "did:example:holder"})
    }

    fn code(header: Value, payload: Value) -> &'static str {
        presentation(&token(header, payload)).err().map_or("ok", |e| e.code())
    }

    #[test]
    fn presentations_are_told_from_credentials() {
        let is = |header: Value, payload: Value| is_presentation(&token(header, payload));
        assert!(is(json!({"alg": "EdDSA", "typ": "vp+jwt"}), json!({})));
        assert!(is(json!({"alg": "EdDSA", "typ": "application/vp+ld+jwt"}), json!({})));
        assert!(is(json!({"alg": "EdDSA", "cty": "vp"}), json!({})));
        assert!(is(json!({"alg": "EdDSA", "typ": "JWT"}), json!({"vp": {}})));
        assert!(is(json!({"alg": "EdDSA"}), vp()));
        assert!(!is(json!({"alg": "EdDSA", "typ": "vc+jwt"}), vp()), "a declared credential stays one");
        assert!(!is(json!({"alg": "EdDSA", "typ": "bad+typ"}), vp()));
        assert!(!is(json!({"alg": "EdDSA"}), json!({"vc": {}, "vp": {}})));
        assert!(!is(json!({"alg": "EdDSA"}), json!({"type": "VerifiableCredential"})));
    }

    #[test]
    fn a_vp_jwt_is_the_payload_and_its_claims_bind_it() {
        let mut claims = vp();
        claims["iss"] = json!("did:example:holder");
        claims["nonce"] = json!("n-1");
        claims["aud"] = json!(["a.example", "b.example"]);
        claims["exp"] = json!(1_893_456_000_u64);
        let out = presentation(&token(json!({"alg": "EdDSA", "typ": "vp+jwt"}), claims)).unwrap();
        assert_eq!(out.presentation["holder"], "did:example:holder");
        assert_eq!(out.expires, Timestamp::parse("2030-01-01T00:00:00Z"));
        assert_eq!(out.made_for(Some("n-1"), Some("b.example")), Ok(()));
        assert_eq!(out.made_for(Some("n-2"), None).unwrap_err().code(), "challenge_mismatch");
        assert_eq!(out.made_for(None, Some("c.example")).unwrap_err().code(), "domain_mismatch");
        assert_eq!(out.made_for(None, None), Ok(()));
    }

    #[test]
    fn a_vp_claim_takes_its_holder_and_id_from_iss_and_jti() {
        let mut inner = vp();
        inner.as_object_mut().unwrap().remove("holder");
        let claims = json!({"vp": inner, "iss": "did:example:h", "jti": "urn:uuid:9", "nonce": "n", "aud": "d"});
        let out = presentation(&token(json!({"alg": "EdDSA", "typ": "JWT"}), claims)).unwrap();
        assert_eq!(out.presentation["holder"], "did:example:h");
        assert_eq!(out.presentation["id"], "urn:uuid:9");
        assert_eq!(out.made_for(Some("n"), Some("d")), Ok(()));
        assert!(out.presentation.get("nonce").is_none(), "only the vp claim is the presentation");
    }

    #[test]
    fn each_refusal_has_its_code() {
        let vp2 = json!({"alg": "EdDSA", "typ": "vp+jwt"});
        let mut claims = vp();
        claims["iss"] = json!("did:example:someone-else");
        assert_eq!(code(vp2.clone(), claims), "jwt_claims_inconsistent");
        let mut claims = vp();
        claims["vp"] = json!({});
        assert_eq!(code(vp2.clone(), claims), "jwt_claims_invalid");
        let mut claims = vp();
        claims["aud"] = json!(7);
        assert_eq!(code(vp2.clone(), claims), "jwt_claims_invalid");
        let mut claims = vp();
        claims["nonce"] = json!(["n"]);
        assert_eq!(code(vp2, claims), "jwt_claims_invalid");
        assert_eq!(code(json!({"alg": "EdDSA", "typ": "vp+jwt", "cty": "vc"}), vp()), "jws_media_type_invalid");
        assert_eq!(code(json!({"alg": "EdDSA", "typ": "vc+jwt"}), vp()), "jws_media_type_invalid");
        assert_eq!(code(json!({"alg": "EdDSA"}), json!({"vp": "x"})), "jwt_claims_invalid");
        let claims = json!({"vp": vp(), "jti": "urn:uuid:1", "iss": "did:example:holder"});
        let mut with_id = claims.clone();
        with_id["vp"]["id"] = json!("urn:uuid:2");
        assert_eq!(code(json!({"alg": "EdDSA"}), with_id), "jwt_claims_inconsistent");
        assert_eq!(code(json!({"alg": "EdDSA"}), claims), "ok");
    }
}
