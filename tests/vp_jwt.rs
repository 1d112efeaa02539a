//! Presentations secured as JWTs: VC-JOSE-COSE `vp+jwt` (the payload is the presentation) and VC
//! 1.1 VP-JWT (a `vp` claim). The holder's JWS is the presentation's proof — its key bound to the
//! holder, its `nonce` and `aud` the host's challenge and domain, with the codes a Data Integrity
//! presentation has — and each enclosed credential is judged on its own.
#![cfg(all(feature = "jwt", feature = "presentations", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code

mod common;

use badge_verifier::{verify, CheckId, Container, Documents, Options, Outcome, Report, Timestamp, Verdict};
use base64ct::{Base64UrlUnpadded, Encoding};
use common::fixtures::presentation::{holder_key, CHALLENGE, DOMAIN};
use common::fixtures::vp_jwt::{claims, enveloped, header, members, sign_with, vp_claim};
use common::fixtures::{did_key, jwt, method, other_key, NOW};
use serde_json::{json, Value};

fn options(challenge: Option<&str>, domain: Option<&str>) -> Options {
    let mut options = Options::at(Timestamp::parse(NOW).unwrap());
    options.challenge = challenge.map(str::to_owned);
    options.domain = domain.map(str::to_owned);
    options
}

fn judge_with(token: &str, options: &Options) -> Report {
    verify(token.as_bytes(), options, &Documents::new()).unwrap()
}

/// Judged with the fixtures' challenge and domain expected.
fn judge(token: &str) -> Report {
    judge_with(token, &options(Some(CHALLENGE), Some(DOMAIN)))
}

fn code_of(report: &Report, id: CheckId) -> (Outcome, &'static str) {
    let check = report.checks.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no {id:?}: {report:#?}"));
    (check.outcome, check.code)
}

fn member_verdicts(report: &Report) -> Vec<Verdict> {
    report.members.as_ref().unwrap().reports.iter().map(|r| r.verdict).collect()
}

fn good() -> String {
    sign_with(&holder_key(), &header(), &claims(members()))
}

#[test]
fn a_vp_jwt_with_two_members_is_verified_with_each() {
    let report = judge(&good());
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
    let ids: Vec<CheckId> = report.checks.iter().map(|c| c.id).collect();
    let expected = [
        CheckId::Format,
        CheckId::Contexts,
        CheckId::IssuerKey,
        CheckId::Proof,
        CheckId::ValidFrom,
        CheckId::ValidUntil,
        CheckId::Members,
    ];
    assert_eq!(ids, expected);
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Passed, "key_bound_to_holder"));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(code_of(&report, CheckId::ValidUntil), (Outcome::Passed, "not_expired"));
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(value["input"], "jwt");
    let members = report.members.as_ref().unwrap();
    assert_eq!((members.container, members.total, members.verified), (Container::Presentation, 2, 2));
    assert_eq!(value["members"]["reports"][0]["input"], "jwt");
    assert!(value["members"]["reports"][1].get("input").is_none(), "the embedded member is JSON");
    let names: Vec<Value> =
        members.reports.iter().map(|r| serde_json::to_value(&r.badge).unwrap()["name"].clone()).collect();
    assert_eq!(names, [json!("Enveloped member"), json!("Embedded member")]);
}

#[test]
fn a_wrong_or_missing_nonce_is_a_challenge_mismatch() {
    let report = judge_with(&good(), &options(Some("another-nonce"), Some(DOMAIN)));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "challenge_mismatch"));
    assert_eq!(report.verdict, Verdict::NotVerified);
    assert_eq!(member_verdicts(&report), [Verdict::Verified; 2], "every member is still judged");
    let mut without = claims(members());
    without.as_object_mut().unwrap().remove("nonce");
    let report = judge(&sign_with(&holder_key(), &header(), &without));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "challenge_mismatch"));
}

#[test]
fn a_wrong_or_missing_aud_is_a_domain_mismatch() {
    let report = judge_with(&good(), &options(Some(CHALLENGE), Some("evil.example")));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "domain_mismatch"));
    assert_eq!(report.verdict, Verdict::NotVerified);
    let mut listed = claims(members());
    listed["aud"] = json!(["a.example", DOMAIN]);
    assert_eq!(judge(&sign_with(&holder_key(), &header(), &listed)).verdict, Verdict::Verified);
    listed.as_object_mut().unwrap().remove("aud");
    let report = judge(&sign_with(&holder_key(), &header(), &listed));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "domain_mismatch"));
}

#[test]
fn without_an_expected_challenge_the_signature_warns_of_replay() {
    let report = judge_with(&good(), &options(None, None));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Warning, "signature_valid_no_challenge"));
    assert_eq!(report.verdict, Verdict::VerifiedWithWarnings);
}

#[test]
fn signed_by_a_key_not_the_holders_is_key_not_bound_to_holder() {
    // The kid names another key (its own did:key method): a valid signature, not the holder's.
    let other = json!({"alg": "EdDSA", "typ": "vp+jwt", "kid": method(&other_key())});
    let report = judge(&sign_with(&other_key(), &other, &claims(members())));
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Failed, "key_not_bound_to_holder"));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(report.verdict, Verdict::NotVerified);
    // The holder's kid, another key's signature: the signature fails.
    let report = judge(&sign_with(&other_key(), &header(), &claims(members())));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
    // A key carried in the header binds to no holder.
    let jwk = json!({"kty": "OKP", "crv": "Ed25519",
        "x": Base64UrlUnpadded::encode_string(holder_key().verifying_key().as_bytes())});
    let report = judge(&sign_with(&holder_key(), &json!({"alg": "EdDSA", "typ": "vp+jwt", "jwk": jwk}), &{
        let mut c = claims(members());
        c["holder"] = json!("https://holder.example/alice");
        c
    }));
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Failed, "key_not_bound_to_holder"));
}

#[test]
fn without_kid_a_did_key_holders_own_key_is_used() {
    let report = judge(&sign_with(&holder_key(), &json!({"alg": "EdDSA", "typ": "vp+jwt"}), &claims(members())));
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Passed, "key_bound_to_holder"));
    assert_eq!(report.verdict, Verdict::Verified);
}

#[test]
fn a_tampered_member_is_the_only_one_not_verified_and_the_summary_says_so() {
    // The enveloped member changed after its issuer signed it; the holder signed what it presented.
    let forged = jwt::all()[1].1.trim().to_owned();
    let mut enclosed = members();
    enclosed.push(enveloped(&forged));
    let report = judge(&sign_with(&holder_key(), &header(), &claims(enclosed)));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Passed, "signature_valid"));
    assert_eq!(code_of(&report, CheckId::Members), (Outcome::Failed, "member_not_verified"));
    assert_eq!(member_verdicts(&report), [Verdict::Verified, Verdict::Verified, Verdict::NotVerified]);
    let members = report.members.as_ref().unwrap();
    assert_eq!(code_of(&members.reports[2], CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
    assert_eq!(members.summary, "2 of 3 verified, 1 not verified");
    assert_eq!(report.verdict, Verdict::NotVerified);
    // An embedded member changed: the same, for that member alone.
    let mut enclosed = self::members();
    enclosed[1]["name"] = json!("Embedded member, with honours");
    let report = judge(&sign_with(&holder_key(), &header(), &claims(enclosed)));
    assert_eq!(member_verdicts(&report), [Verdict::Verified, Verdict::NotVerified]);
    assert_eq!(report.members.as_ref().unwrap().summary, "1 of 2 verified, 1 not verified");
}

#[test]
fn a_presentation_changed_after_the_holder_signed_fails_its_proof() {
    let token = good();
    let parts: Vec<&str> = token.split('.').collect();
    let mut changed = claims(members());
    changed["verifiableCredential"].as_array_mut().unwrap().pop();
    let payload = Base64UrlUnpadded::encode_string(changed.to_string().as_bytes());
    let report = judge(&format!("{}.{payload}.{}", parts[0], parts[2]));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn the_token_bounds_the_presentation_in_time() {
    let mut expired = claims(members());
    expired["exp"] = json!(1_700_000_000); // 2023-11-14
    let report = judge(&sign_with(&holder_key(), &header(), &expired));
    assert_eq!(code_of(&report, CheckId::ValidUntil), (Outcome::Failed, "expired"));
    assert_eq!(report.verdict, Verdict::Expired);
    let mut early = claims(members());
    early["nbf"] = json!(1_893_456_000); // 2030
    let report = judge(&sign_with(&holder_key(), &header(), &early));
    assert_eq!(code_of(&report, CheckId::ValidFrom), (Outcome::Failed, "not_yet_valid"));
    assert_eq!(report.verdict, Verdict::NotYetValid);
}

#[test]
fn the_token_refusals_keep_the_vc_jwt_codes() {
    let mut claims_with_iss = claims(members());
    claims_with_iss["iss"] = json!(did_key(&other_key()));
    let report = judge(&sign_with(&holder_key(), &header(), &claims_with_iss));
    assert_eq!(code_of(&report, CheckId::Format), (Outcome::Failed, "jwt_claims_inconsistent"));
    let mut with_vp = claims(members());
    with_vp["vp"] = json!({});
    let report = judge(&sign_with(&holder_key(), &header(), &with_vp));
    assert_eq!(code_of(&report, CheckId::Format), (Outcome::Failed, "jwt_claims_invalid"));
    let none = json!({"alg": "none", "typ": "vp+jwt"});
    let report = judge(&sign_with(&holder_key(), &none, &claims(members())));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "jws_algorithm_none"));
    let cty = json!({"alg": "EdDSA", "typ": "vp+jwt", "cty": "vc", "kid": method(&holder_key())});
    let report = judge(&sign_with(&holder_key(), &cty, &claims(members())));
    assert_eq!(code_of(&report, CheckId::Format), (Outcome::Failed, "jws_media_type_invalid"));
}

#[test]
fn a_vc_1_1_vp_claim_is_verified_with_its_jwt_members() {
    let report = judge(&vp_claim());
    assert_eq!(report.verdict, Verdict::Verified, "{:#?} {:#?}", report.checks, report.members);
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Passed, "key_bound_to_holder"));
    assert_eq!(member_verdicts(&report), [Verdict::Verified]);
    let report = judge_with(&vp_claim(), &options(Some("stale"), Some(DOMAIN)));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "challenge_mismatch"));
}

#[test]
fn a_vp_jwt_enclosed_in_a_presentation_is_not_read_as_one() {
    let report = judge(&sign_with(&holder_key(), &header(), &claims(vec![json!(good())])));
    let only = &report.members.as_ref().unwrap().reports[0];
    assert_eq!(code_of(only, CheckId::Format), (Outcome::Failed, "not_a_credential"));
    assert!(only.members.is_none());
    assert_eq!(report.verdict, Verdict::NotVerified);
}

#[test]
fn each_signature_is_checked_once() {
    let options = options(Some(CHALLENGE), Some(DOMAIN));
    let mut verification = badge_verifier::Verification::start(good().as_bytes(), &options, Documents::new()).unwrap();
    assert!(verification.needs().is_empty());
    assert_eq!(verification.signatures_checked(), 3, "the holder's and each member's");
    assert!(verification.needs().is_empty());
    assert_eq!(verification.signatures_checked(), 3);
    assert_eq!(verification.finish().verdict, Verdict::Verified);
}

#[test]
fn committed_vp_jwt_fixtures_are_the_generated_ones_and_verified() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vp-jwt");
    let write = std::env::var("BADGE_VERIFIER_WRITE_FIXTURES").is_ok_and(|v| v == "1");
    for (name, token) in common::fixtures::vp_jwt::all() {
        let file = dir.join(name);
        if write {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&file, &token).unwrap();
        }
        assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), token, "{name} is stale");
        let report = verify(token.as_bytes(), &options(Some(CHALLENGE), Some(DOMAIN)), &Documents::new()).unwrap();
        assert_eq!(report.verdict, Verdict::Verified, "{name}");
    }
}

/// Through the CLI: `verify --json --challenge --domain` on the committed `vp+jwt`.
#[cfg(feature = "cli")]
#[test]
fn the_cli_judges_a_vp_jwt_with_challenge_and_domain() {
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_badge-verifier"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let file = "tests/fixtures/vp-jwt/presentation.jwt";
    let output = cli(&["verify", "--json", "--now", NOW, "--challenge", CHALLENGE, "--domain", DOMAIN, file]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["verdict"], "verified");
    assert_eq!(report["input"], "jwt");
    assert_eq!(report["members"]["summary"], "2 of 2 verified");
    let wrong = cli(&["verify", "--json", "--now", NOW, "--challenge", CHALLENGE, "--domain", "evil.example", file]);
    assert_eq!(wrong.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&wrong.stdout).unwrap();
    let proof = report["checks"].as_array().unwrap().iter().find(|c| c["id"] == "proof").unwrap().clone();
    assert_eq!((proof["outcome"].clone(), proof["code"].clone()), (json!("failed"), json!("domain_mismatch")));
    let text = cli(&["verify", "--now", NOW, "--challenge", CHALLENGE, "--domain", DOMAIN, file]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("presentation: 2 of 2 verified"), "{text}");
}

/// A `did:web` holder and a relative `kid`: the key is `<holder>#<kid>`, the holder's DID
/// document is asked for through the loop, and the key must be listed under `authentication`.
#[test]
fn a_did_web_holder_with_a_relative_kid_is_resolved_through_the_loop() {
    let holder = "did:web:holder.example";
    let mut payload = claims(members());
    payload["holder"] = json!(holder);
    let token = sign_with(&holder_key(), &json!({"alg": "EdDSA", "typ": "vp+jwt", "kid": "key-1"}), &payload);
    let multibase = method(&holder_key()).rsplit_once('#').unwrap().1.to_owned();
    let run = |relation: &str| {
        let document = json!({"id": holder, "verificationMethod": [{"id": "#key-1", "type": "Multikey",
            "controller": holder, "publicKeyMultibase": multibase}], relation: ["#key-1"]});
        let options = options(Some(CHALLENGE), Some(DOMAIN));
        let mut verification =
            badge_verifier::Verification::start(token.as_bytes(), &options, Documents::new()).unwrap();
        let needs = verification.needs();
        assert_eq!(needs.len(), 1);
        assert_eq!(needs[0].url.as_deref(), Some("https://holder.example/.well-known/did.json"));
        verification.provide(&needs[0].id, document.to_string().as_bytes());
        assert!(verification.needs().is_empty());
        verification.finish()
    };
    let report = run("authentication");
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
    let report = run("assertionMethod");
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Failed, "key_not_bound_to_holder"));
    // Offline, the holder's key is unchecked and the presentation not verified.
    let report = judge(&token);
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Unchecked, "document_unavailable"));
    assert_eq!(report.needs, [holder]);
    assert_eq!(report.verdict, Verdict::NotVerified);
}

/// With no `kid`, a `did:jwk` holder's own key (`#0`, derived locally) is the one.
#[test]
fn without_kid_a_did_jwk_holders_own_key_is_used() {
    let x = Base64UrlUnpadded::encode_string(holder_key().verifying_key().as_bytes());
    let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": x});
    let holder = format!("did:jwk:{}", Base64UrlUnpadded::encode_string(jwk.to_string().as_bytes()));
    let mut payload = claims(members());
    payload["holder"] = json!(holder);
    let report = judge(&sign_with(&holder_key(), &json!({"alg": "EdDSA", "typ": "vp+jwt"}), &payload));
    assert_eq!(code_of(&report, CheckId::IssuerKey), (Outcome::Passed, "key_bound_to_holder"));
    assert_eq!(report.verdict, Verdict::Verified);
    // Another key's signature under that holder fails the signature, not the binding.
    let report = judge(&sign_with(&other_key(), &json!({"alg": "EdDSA", "typ": "vp+jwt"}), &payload));
    assert_eq!(code_of(&report, CheckId::Proof), (Outcome::Failed, "signature_mismatch"));
}

/// A presentation token whose presentation has no `@context` is no presentation at all: nothing
/// to report (`not_a_credential`), as for a JSON one.
#[test]
fn a_vp_claim_without_context_is_not_a_credential() {
    let claims = json!({"iss": did_key(&holder_key()), "vp": {"type": ["VerifiablePresentation"]}});
    let token = sign_with(&holder_key(), &json!({"alg": "EdDSA", "typ": "JWT"}), &claims);
    let options = options(Some(CHALLENGE), Some(DOMAIN));
    let error = verify(token.as_bytes(), &options, &Documents::new()).unwrap_err();
    assert_eq!(error.code(), "not_a_credential");
}
