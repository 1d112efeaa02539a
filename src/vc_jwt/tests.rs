//! Unit tests of the parent module: claim mapping on hand-made tokens (signatures are not
//! checked here); third-party tokens are judged in tests/vc_jwt.rs.
use serde_json::json;

use super::*;
use crate::jose::Header;

fn token(header: Value, payload: Value) -> CompactJws {
    CompactJws { header: Header::read(&header).unwrap(), payload, signing_input: Vec::new(), signature: vec![1] }
}

fn jwt_vc(claims: Value) -> Result<Enveloped, Error> {
    credential(&token(json!({"alg": "RS256", "typ": "JWT"}), claims))
}

fn code(result: Result<Enveloped, Error>) -> &'static str {
    result.err().map_or("ok", |e| e.code())
}

fn vc() -> Value {
    json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential"],
        "credentialSubject": {"name": "Ada"},
    })
}

#[test]
fn a_jwt_vc_gets_its_properties_from_the_registered_claims() {
    let out = jwt_vc(json!({
        "vc": vc(), "iss": "did:example:issuer", "jti": "urn:uuid:1", "sub": "did:example:ada",
        "nbf": 1_262_304_000, "exp": 1_893_456_000_u64, "iat": "ignored", "aud": "ignored",
    }))
    .unwrap();
    assert_eq!(out.shape, Shape::VcClaim);
    assert_eq!(out.credential["issuer"], "did:example:issuer");
    assert_eq!(out.credential["id"], "urn:uuid:1");
    assert_eq!(out.credential["credentialSubject"]["id"], "did:example:ada");
    assert_eq!(out.credential["issuanceDate"], "2010-01-01T00:00:00Z");
    assert_eq!(out.credential["expirationDate"], "2030-01-01T00:00:00Z");
    assert_eq!(out.not_before, Some(Timestamp::from_unix_seconds(1_262_304_000)));
    assert_eq!(out.expires, Some(Timestamp::from_unix_seconds(1_893_456_000)));
}

#[test]
fn claims_that_agree_with_the_credential_pass_at_whole_seconds() {
    let mut credential = vc();
    credential["issuer"] = json!({"id": "did:example:issuer", "name": "X"});
    credential["issuanceDate"] = json!("2021-08-02T16:17:50.505Z");
    let out = jwt_vc(json!({"vc": credential, "iss": "did:example:issuer", "nbf": 1_627_921_070})).unwrap();
    assert_eq!(out.credential["issuer"]["name"], "X");
    assert_eq!(out.credential["issuanceDate"], "2021-08-02T16:17:50.505Z", "kept, not rewritten");
}

#[test]
fn claims_that_contradict_the_credential_are_refused() {
    let with = |name: &str, value: Value| {
        let mut credential = vc();
        credential[name] = value;
        credential
    };
    let inconsistent = "jwt_claims_inconsistent";
    assert_eq!(
        code(jwt_vc(json!({"vc": with("issuer", json!("did:example:a")), "iss": "did:example:b"}))),
        inconsistent
    );
    assert_eq!(
        code(jwt_vc(json!({"vc": with("issuer", json!({"id": "did:example:a"})), "iss": "did:example:b"}))),
        inconsistent
    );
    assert_eq!(code(jwt_vc(json!({"vc": with("id", json!("urn:a")), "jti": "urn:b"}))), inconsistent);
    assert_eq!(
        code(jwt_vc(json!({"vc": with("issuanceDate", json!("2010-01-01T00:00:01Z")), "nbf": 1_262_304_000}))),
        inconsistent
    );
    assert_eq!(
        code(jwt_vc(json!({"vc": with("expirationDate", json!("not a date")), "exp": 1_262_304_000}))),
        inconsistent
    );
    let mut subject = vc();
    subject["credentialSubject"]["id"] = json!("did:example:ada");
    assert_eq!(code(jwt_vc(json!({"vc": subject, "sub": "did:example:eve"}))), inconsistent);
}

#[test]
fn claims_of_the_wrong_type_are_refused() {
    assert_eq!(code(jwt_vc(json!({"vc": "text"}))), "jwt_claims_invalid");
    assert_eq!(code(jwt_vc(json!({"vc": vc(), "iss": 7}))), "jwt_claims_invalid");
    assert_eq!(code(jwt_vc(json!({"vc": vc(), "nbf": "2010-01-01T00:00:00Z"}))), "jwt_claims_invalid");
    assert_eq!(code(jwt_vc(json!({"vc": vc(), "exp": 1e300}))), "jwt_claims_invalid");
    assert_eq!(code(jwt_vc(json!({"vc": vc(), "exp": -9_000_000_000_000_i64}))), "jwt_claims_invalid");
    assert_eq!(code(jwt_vc(json!({"vc": with_issuer_without_id(), "iss": "did:example:a"}))), "jwt_claims_invalid");
}

fn with_issuer_without_id() -> Value {
    let mut credential = vc();
    credential["issuer"] = json!({"name": "nobody"});
    credential
}

#[test]
fn a_vc_jwt_payload_is_the_credential_and_iss_must_match_its_issuer() {
    let mut credential = vc();
    credential["issuer"] = json!("https://issuer.example");
    let header = json!({"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc"});
    let mut claims = credential.clone();
    claims["iss"] = json!("https://issuer.example");
    claims["iat"] = json!("2010-01-01T19:23:24Z"); // VC-JOSE-COSE's suite: not a NumericDate, and ignored
    let out = credential_of(&header, claims.clone()).unwrap();
    assert_eq!(out.shape, Shape::PayloadIsCredential);
    assert_eq!(out.credential, claims, "the payload, untouched");
    claims["iss"] = json!("https://other.example");
    assert_eq!(code(credential_of(&header, claims)), "jwt_claims_inconsistent");
}

fn credential_of(header: &Value, payload: Value) -> Result<Enveloped, Error> {
    credential(&token(header.clone(), payload))
}

#[test]
fn a_vc_jwt_must_not_carry_vc_or_vp_claims() {
    let header = json!({"alg": "EdDSA", "typ": "vc+jwt"});
    let mut claims = vc();
    claims["vc"] = json!("oops");
    assert_eq!(code(credential_of(&header, claims)), "jwt_claims_invalid");
    let mut claims = vc();
    claims["vp"] = json!({});
    assert_eq!(code(credential_of(&header, claims)), "jwt_claims_invalid");
}

#[test]
fn media_types_are_judged() {
    let payload = vc();
    for typ in ["JWT", "jwt", "vc+jwt", "application/vc+jwt", "vc+ld+json+jwt", "APPLICATION/VC+JWT"] {
        let header = json!({"alg": "EdDSA", "typ": typ});
        assert_eq!(code(credential_of(&header, payload.clone())), "ok", "{typ}");
    }
    assert_eq!(code(credential_of(&json!({"alg": "EdDSA"}), payload.clone())), "ok", "no typ");
    for (typ, cty) in [("bad+typ", "vc"), ("vc+jwt", "bad+cty"), ("vc+sd-jwt", "vc"), ("application/json", "vc")] {
        let header = json!({"alg": "EdDSA", "typ": typ, "cty": cty});
        assert_eq!(code(credential_of(&header, payload.clone())), "jws_media_type_invalid", "{typ} {cty}");
    }
    let presentation = json!({"alg": "EdDSA", "typ": "vp+jwt"});
    assert_eq!(code(credential_of(&presentation, payload.clone())), "unsupported_format");
    assert_eq!(code(jwt_vc(json!({"vp": {}}))), "unsupported_format");
}
