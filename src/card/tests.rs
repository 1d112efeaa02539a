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

#[test]
fn without_remote_images_keeps_data_images_and_every_text_alternative() {
    let report = json!({"verdict": "verified", "checks": [], "badge": {
        "image": {"url": "https://issuer.example/badge.png", "caption": "A gold star"},
        "issuer": {"id": "did:x", "name": "Issuer", "image": {"url": "data:image/png;base64,iVBORw0KGgo="}},
        "achievement": {"name": "N"}}});
    let card = Card::from_report(&report, Lang::En);
    assert_eq!(card.image.as_ref().and_then(|i| i.url.as_deref()), Some("https://issuer.example/badge.png"));
    let offline = card.without_remote_images();
    assert_eq!(offline.image, Some(CardImage { url: None, alt: "A gold star".into() }));
    assert_eq!(offline.issuer_image.unwrap().url.as_deref(), Some("data:image/png;base64,iVBORw0KGgo="));
}

#[test]
fn the_issuers_status_message_and_a_fetch_failure_show_beside_the_sentence() {
    let report = json!({"verdict": "revoked", "checks": [
        {"id": "status", "outcome": "failed", "code": "revoked",
         "message": "the issuer has revoked this credential: awarded in error"},
        {"id": "issuer_key", "outcome": "unchecked", "code": "document_unavailable",
         "message": "the document \"did:web:x.example\" was not available: could not reach x.example"},
        {"id": "status", "outcome": "failed", "code": "suspended", "message": "the issuer has suspended this credential"},
        {"id": "proof", "outcome": "failed", "code": "signature_mismatch", "message": "no match"}]});
    let card = Card::from_report(&report, Lang::De);
    assert_eq!(card.headline, "Widerrufen");
    assert_eq!(card.checks[0].sentence, Lang::De.message("revoked").unwrap());
    assert_eq!(card.checks[0].detail.as_deref(), Some("awarded in error"), "the issuer's words, as written");
    assert_eq!(card.checks[1].detail.as_deref().map(|d| d.contains("could not reach x.example")), Some(true));
    assert_eq!(card.checks[2].detail, None, "no message from the issuer: nothing to add");
    assert_eq!(card.checks[3].detail, None, "the catalogue sentence says it all");
}

#[test]
fn endorsements_say_how_many_verified_and_who_each_with_its_verdict() {
    let fixture =
        include_str!("../../tests/fixtures/endorsements/endorsement_not_verified--comment-changed-after-signing.json");
    let report = report_of(fixture);
    let card = Card::from_report(&report, Lang::En);
    assert_eq!(card.verdict, "verified_with_warnings");
    assert_eq!(card.endorsed_by.as_deref(), Some("Endorsed by 1"));
    let [good, changed] = card.endorsements.as_slice() else { panic!("{:?}", card.endorsements) };
    assert_eq!(
        (good.endorser.as_str(), good.verdict.as_str(), good.verdict_label, good.mark),
        ("Example Accreditation Body", "verified", "Verified", "✓")
    );
    assert_eq!(good.comment.as_deref(), Some("A sound programme, assessed with care."));
    assert_eq!((changed.verdict.as_str(), changed.verdict_label, changed.mark), ("not_verified", "Not verified", "✗"));
    // The changed comment is the endorser's claim only if their signature holds: not shown.
    assert_eq!(changed.comment, None);
    let german = Card::from_report(&report, Lang::De);
    assert_eq!(german.endorsed_by.as_deref(), Some("Befürwortet von 1"));
    assert_eq!(german.endorsements[1].verdict_label, "Nicht verifiziert");
    let line = card.checks.iter().find(|c| c.technical.starts_with("endorsements ·")).unwrap();
    assert_eq!((line.outcome.as_str(), line.mark), ("warning", "!"));
    assert_eq!(line.sentence, "Some endorsements are not verified; the badge itself is not affected.");
}

#[test]
fn a_badge_without_endorsements_shows_none() {
    let card = Card::from_report(&report_of(include_str!("../../tests/fixtures/valid/open-badge-3.json")), Lang::En);
    assert_eq!(card.endorsed_by, None);
    assert!(card.endorsements.is_empty());
}

#[test]
fn evidence_and_the_achievement_type_are_shown() {
    let fixture = include_str!("../../tests/fixtures/valid/open-badge-3-rich-eddsa-rdfc-2022.json");
    let card = Card::from_report(&report_of(fixture), Lang::En);
    assert_eq!(card.achievement_type.as_deref(), Some("Competency"));
    let [evidence] = card.evidence.as_slice() else { panic!("{:?}", card.evidence) };
    assert_eq!(evidence.link.text, "Verifier test report");
    assert_eq!(evidence.link.url.as_deref(), Some("https://badge-verifier.example/evidence/42"));
    assert_eq!(evidence.narrative.as_deref(), Some("All third-party vectors judged as expected."));
}

/// The XSS rule: credential text stays text (the renderer puts it in text nodes), and links are
/// `http(s):` only, filtered again from a report the host may have built.
#[test]
fn evidence_links_are_http_only_and_markup_stays_text() {
    let report = json!({
        "verdict": "verified",
        "checks": [],
        "badge": {
            "achievement": {"achievementType": "<img src=x onerror=alert(1)>"},
            "evidence": [
                {"url": "javascript:alert(1)", "name": "<script>alert(1)</script>"},
                {"url": "data:text/html,<b>x</b>", "description": "plain"},
                {"url": "http://x.example/e"}
            ]
        },
        "endorsements": {"reports": [
            {"verdict": "verified", "badge": {"issuer": {"id": "did:x", "name": "<b>Endorser</b>"},
                "endorsementComment": "<i>hi</i>"}},
            {"verdict": "unsupported", "badge": {}}
        ]}
    });
    let card = Card::from_report(&report, Lang::En);
    assert_eq!(card.achievement_type.as_deref(), Some("<img src=x onerror=alert(1)>"));
    let urls: Vec<Option<&str>> = card.evidence.iter().map(|e| e.link.url.as_deref()).collect();
    assert_eq!(urls, [None, None, Some("http://x.example/e")]);
    assert_eq!(card.evidence[0].link.text, "<script>alert(1)</script>");
    assert_eq!(card.evidence[2].link.text, "Evidence");
    assert_eq!(card.endorsements[0].endorser, "<b>Endorser</b>");
    assert_eq!(card.endorsements[0].comment.as_deref(), Some("<i>hi</i>"));
    // "Couldn't check" is never shown as verified.
    assert_eq!((card.endorsements[1].verdict_label, card.endorsements[1].mark), ("Cannot be verified here", "?"));
    assert_eq!(card.endorsed_by.as_deref(), Some("Endorsed by 1"));
}
