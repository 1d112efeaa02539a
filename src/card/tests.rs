use serde_json::json;

use super::*;
use crate::{verify, Documents, Options};

fn report_of(fixture: &str) -> Value {
    let options = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    serde_json::to_value(verify(fixture.as_bytes(), &options, &Documents::new()).unwrap()).unwrap()
}

#[test]
fn a_verified_badge_shows_its_signed_fields() {
    let report = report_of(include_str!("../../tests/fixtures/valid/open-badge-3.json"));
    let card = Card::from_report(&report, Lang::En);
    assert_eq!(card.verdict, "verified");
    assert_eq!(card.headline, "Verified");
    assert!(card.trusted);
    assert_eq!(card.title.as_deref(), Some("Rust Verifier Builder"));
    assert_eq!(card.recipient.as_deref(), Some("Alice Example"));
    let issuer = card.issuer.unwrap();
    assert_eq!(issuer.text, "Badge Verifier Test Issuer");
    assert_eq!(issuer.url.as_deref(), Some("https://badge-verifier.example/issuer"));
    assert_eq!(card.image.unwrap().alt, "A blue seal with a check mark");
    assert_eq!(card.issued.unwrap().unix_seconds, Some(1_704_067_200));
    assert!(card.criteria.unwrap().text.starts_with("Verify the W3C"));
    assert_eq!(card.checks.len(), report["checks"].as_array().unwrap().len());
    assert!(card.checks.len() >= 6);
    assert!(card.checks.iter().all(|c| c.outcome == "passed" || c.outcome == "not_applicable"));
    assert_eq!(card.checks[3].sentence, "The signature matches: nothing was changed after signing.");
    assert!(card.checks[3].technical.starts_with("proof · signature_valid · "));
}

#[test]
fn a_tampered_badge_is_untrusted_and_says_why_in_the_chosen_language() {
    let fixture = include_str!("../../tests/fixtures/invalid/signature_mismatch--name-changed-after-signing.json");
    let card = Card::from_report(&report_of(fixture), Lang::De);
    assert_eq!(card.verdict, "not_verified");
    assert_eq!(card.headline, "Nicht verifiziert");
    assert_eq!(card.mark, "✗");
    assert!(!card.trusted);
    let failed = card.checks.iter().find(|c| c.outcome == "failed").unwrap();
    assert!(failed.sentence.starts_with("Die Signatur stimmt nicht"));
    assert_eq!(failed.outcome_label, "Fehlgeschlagen");
    assert!(failed.technical.contains("signature_mismatch"));
}

#[test]
fn expired_content_is_authentic_but_headed_expired() {
    let card = Card::from_report(
        &report_of(include_str!("../../tests/fixtures/invalid/expired--valid-until-2025.json")),
        Lang::Fr,
    );
    assert_eq!(card.headline, "Expiré");
    assert!(card.trusted);
    assert_eq!(card.valid_until.unwrap().text, "2025-01-01T00:00:00Z");
}

#[test]
fn language_maps_pick_the_language_then_fall_back() {
    let map = json!([{"@value": "Abzeichen", "@language": "de"}, {"@value": "Badge", "@language": "en-GB"},
                     {"@value": "Insignia", "@language": "es"}]);
    assert_eq!(pick_text(&map, "de").as_deref(), Some("Abzeichen"));
    assert_eq!(pick_text(&map, "es-MX").as_deref(), Some("Insignia"));
    assert_eq!(pick_text(&map, "ar").as_deref(), Some("Badge"), "English next");
    let no_english = json!([{"@value": "Selo", "@language": "pt"}, {"@value": "untagged"}]);
    assert_eq!(pick_text(&no_english, "fr").as_deref(), Some("untagged"));
    assert_eq!(pick_text(&json!([{"@value": "Selo", "@language": "pt"}]), "fr").as_deref(), Some("Selo"));
    assert_eq!(pick_text(&json!("plain"), "de").as_deref(), Some("plain"));
    assert_eq!(pick_text(&json!(42), "de"), None);
}

#[test]
fn fixture_language_maps_render_in_the_chosen_language() {
    let fixture = include_str!("../../tests/fixtures/valid/open-badge-3-language-map.json");
    assert_eq!(Card::from_report(&report_of(fixture), Lang::De).title.as_deref(), Some("Multilingual"));
    let fixture = include_str!("../../tests/fixtures/valid/open-badge-3-multilingual-with-results.json");
    let report = report_of(fixture);
    let card = Card::from_report(&report, Lang::Ar);
    assert_eq!(card.title.as_deref(), Some("الإشراف على البيانات"));
    assert_eq!(card.results, ["Distinction (Completed)"]);
    assert_eq!(card.alignments[0].text, "Data management (ESCO)");
    assert_eq!(card.criteria.unwrap().url.as_deref(), Some("https://badge-verifier.example/criteria/data-stewardship"));
    assert_eq!(Card::from_report(&report, Lang::Pt).title.as_deref(), Some("Curadoria de dados"));
}

#[test]
fn unsafe_urls_from_a_host_given_report_are_dropped() {
    let report = json!({"verdict": "verified", "checks": [], "badge": {
        "image": {"url": "javascript:alert(1)"},
        "issuer": {"id": "did:x", "url": "javascript:alert(1)", "image": {"url": "data:text/html,x"}},
        "achievement": {"name": "N", "criteriaUrl": "vbscript:x",
            "alignments": [{"targetName": "T", "targetUrl": "javascript:x"}]}}});
    let card = Card::from_report(&report, Lang::En);
    assert_eq!(card.image, None);
    assert_eq!(card.issuer_image, None);
    assert_eq!(card.issuer.unwrap(), CardLink { text: "did:x".into(), url: None });
    assert_eq!(card.criteria, None);
    assert_eq!(card.alignments, [CardLink { text: "T".into(), url: None }]);
}

#[test]
fn unknown_codes_fall_back_to_the_report_message() {
    let report = json!({"verdict": "not_verified", "checks": [
        {"id": "status", "outcome": "failed", "code": "revoked_in_future_build", "message": "the credential is revoked"}]});
    let card = Card::from_report(&report, Lang::Ar);
    assert_eq!(card.checks[0].sentence, "the credential is revoked");
    assert_eq!(card.headline, "لم يتم التحقق");
}

#[test]
fn new_codes_read_in_plain_language_and_the_issuers_words_reach_the_card_as_text() {
    let words = "<b>Misconduct</b> (see policy 4.2)";
    let revoked = crate::Error::Revoked { message: Some(words.into()) };
    let report = json!({"verdict": "revoked", "checks": [
        {"id": "status", "outcome": "failed", "code": revoked.code(), "message": revoked.to_string()},
        {"id": "issuer_trust", "outcome": "failed", "code": "issuer_not_trusted", "message": "m"},
        {"id": "recipient", "outcome": "unchecked", "code": "no_recipient_identifier", "message": "m"}]});
    let card = Card::from_report(&report, Lang::De);
    assert_eq!((card.headline, card.mark), ("Widerrufen", "✗"));
    assert_eq!(card.checks[0].sentence, "Der Aussteller hat dieses Abzeichen widerrufen.");
    assert!(card.checks[0].technical.ends_with(words), "verbatim, for a text node: {}", card.checks[0].technical);
    assert_eq!(card.checks[1].sentence, "Der Aussteller steht nicht auf der Liste vertrauenswürdiger Aussteller.");
    assert!(card.checks[1].technical.starts_with("issuer_trust · issuer_not_trusted"));
    assert_eq!(card.checks[2].outcome_label, "Nicht prüfbar");
}

#[test]
fn errors_become_an_untrusted_card() {
    let card = Card::from_error("malformed_json", "credential is not valid JSON at line 1 column 2", Lang::Es);
    assert_eq!(card.verdict, "error");
    assert!(!card.trusted);
    assert_eq!(card.checks[0].sentence, "El archivo no es JSON válido.");
    let unknown = Card::from_error("teapot", "I am a teapot", Lang::Es);
    assert_eq!(unknown.checks[0].sentence, "I am a teapot");
    assert_eq!(unknown.announcement(), "No se pudo comprobar esta insignia");
}

#[test]
fn unknown_verdicts_fail_closed() {
    let card = Card::from_report(&json!({"verdict": "something_new", "checks": []}), Lang::En);
    assert_eq!(card.headline, "Not verified");
    assert!(!card.trusted);
    let revoked = Card::from_report(&json!({"verdict": "revoked", "checks": []}), Lang::De);
    assert_eq!((revoked.headline, revoked.mark), ("Widerrufen", "✗"));
}
