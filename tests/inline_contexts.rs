//! Context objects a credential writes beside its context URLs (VC 2.0 §4.3) and reverse
//! properties (`@reverse`): what they may do, and every way they are refused, with its code.
//! The committed fixtures (tests/fixtures.rs) carry the signed cases; these build the rest in
//! memory.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;

use badge_verifier::proof::canonical::canonical_nquads;
use badge_verifier::{jsonld, verify, CheckId, Contexts, Documents, Options, Outcome, Timestamp, Verdict};
use common::fixtures;
use serde_json::{json, Map, Value};

fn options() -> Options {
    Options::at(Timestamp::parse(fixtures::NOW).unwrap())
}

fn report(credential: &Map<String, Value>) -> badge_verifier::Report {
    verify(Value::Object(credential.clone()).to_string().as_bytes(), &options(), &Documents::new()).unwrap()
}

/// The code of the `contexts` check.
fn contexts_code(credential: &Map<String, Value>) -> &'static str {
    report(credential).checks.iter().find(|c| c.id == CheckId::Contexts).unwrap().code
}

/// The minimal VC 2.0 credential with `context` appended to its `@context`.
fn with_context(context: Value) -> Map<String, Value> {
    let mut credential = fixtures::minimal_vc2();
    credential["@context"].as_array_mut().unwrap().push(context);
    credential
}

fn to_rdf_code(document: &Map<String, Value>) -> &'static str {
    jsonld::to_rdf(document, &Contexts::new()).unwrap_err().code()
}

#[test]
fn an_inline_term_is_signed_like_any_other() {
    let signed = fixtures::signed_rdfc(fixtures::inline_context(), "eddsa-rdfc-2022");
    assert_eq!(report(&signed).verdict, Verdict::Verified);
    let (term, iri) = fixtures::INLINE_TERM;
    let mut unsigned = signed.clone();
    unsigned.remove("proof");
    let quads = canonical_nquads(&unsigned, &Contexts::new()).unwrap();
    assert!(quads.contains(&format!("<{iri}> \"teal\"")), "{quads}");
    // Changing the inline term's value, or its mapping, changes the signed quads.
    let mut changed = signed.clone();
    changed["credentialSubject"][term] = json!("red");
    assert_eq!(report(&changed).verdict, Verdict::NotVerified);
    let mut remapped = signed;
    remapped["@context"][2] = json!({ term: "https://evil.example/colour" });
    let proof = report(&remapped);
    assert_eq!(proof.checks.iter().find(|c| c.id == CheckId::Proof).unwrap().code, "signature_mismatch");
}

#[test]
fn a_protected_term_cannot_be_redefined_inline() {
    // JSON-LD's "protected term redefinition" is `invalid_json_ld` here: for the RDFC suites in
    // the contexts check and in expansion alike.
    let redefined = with_context(json!({"name": "https://evil.example/name"}));
    assert_eq!(contexts_code(&redefined), "invalid_json_ld");
    assert_eq!(to_rdf_code(&redefined), "invalid_json_ld");
    let mut signed = fixtures::signed_rdfc(fixtures::minimal_vc2(), "eddsa-rdfc-2022");
    signed["@context"].as_array_mut().unwrap().push(json!({"description": {"@id": "https://evil.example/d"}}));
    let verdict = report(&signed);
    assert_eq!(verdict.verdict, Verdict::NotVerified);
    let proof = verdict.checks.iter().find(|c| c.id == CheckId::Proof).unwrap();
    assert_eq!((proof.outcome, proof.code), (Outcome::Failed, "invalid_json_ld"));
    // Protected Open Badges terms too, and `type`/`id` (keyword aliases of the VC context).
    let badge = || fixtures::open_badge("x", "n", "2024-01-01T00:00:00Z", None);
    let mut subject_type = badge();
    subject_type["@context"].as_array_mut().unwrap().push(json!({"AchievementSubject": "https://evil.example/S"}));
    assert_eq!(contexts_code(&subject_type), "invalid_json_ld");
    // `achievement` is defined by AchievementSubject's type-scoped context, not at the top: an
    // inline top-level definition is allowed, and inside the subject the Open Badges one applies
    // all the same (or, were the inline one protected, the type-scoped context fails).
    let mut achievement = badge();
    achievement["@context"].as_array_mut().unwrap().push(json!({"achievement": "https://evil.example/a"}));
    let quads = canonical_nquads(&achievement, &Contexts::new()).unwrap();
    assert!(
        quads.contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement>") && !quads.contains("evil")
    );
    achievement["@context"][2] = json!({"@protected": true, "achievement": "https://evil.example/a"});
    assert_eq!(to_rdf_code(&achievement), "invalid_json_ld");
    assert_eq!(contexts_code(&with_context(json!({"type": "https://evil.example/type"}))), "invalid_json_ld");
    // A context object nested in a node is processed where it stands, by the same rule.
    let mut nested = fixtures::minimal_vc2();
    nested["credentialSubject"]["@context"] = json!({"name": "https://evil.example/name"});
    nested["credentialSubject"]["name"] = json!("Carol");
    assert_eq!(to_rdf_code(&nested), "invalid_json_ld");
    // The same definition again is no redefinition for JSON-LD (1.1 API §4.2.2 step 27.1), but
    // `name` is a term the card shows: no context the document carries may define it at all.
    assert_eq!(contexts_code(&with_context(json!({"name": "https://schema.org/name"}))), "inline_context");
}

/// An RDFC signature covers the statements, not the keys: a context the credential carries could
/// map a key the card reads to another signed value where no protected definition governs it (an
/// untyped node, a VC 1.1 credential), statements and signature unchanged. So no context object,
/// wherever it stands, may define a term the card shows (`badge::SHOWN_TERMS`); other terms it may.
#[test]
fn a_term_the_card_shows_cannot_be_defined_inline_anywhere() {
    let badge = || fixtures::open_badge("x", "n", "2024-01-01T00:00:00Z", None);
    let refused = |credential: &Map<String, Value>, term: &str| {
        let report = report(credential);
        let check = report.checks.iter().find(|c| c.id == CheckId::Contexts).unwrap();
        assert_eq!((check.code, check.outcome), ("inline_context", Outcome::Failed), "{term}");
        assert!(check.message.contains(&format!("{term:?}")), "{}", check.message);
        assert_eq!(report.verdict, Verdict::NotVerified, "{term}");
    };
    // `achievement` is not defined at the top (only inside AchievementSubject): JSON-LD allows an
    // inline top-level definition, and an untyped copy of the subject would then use it.
    let mut achievement = badge();
    achievement["@context"].as_array_mut().unwrap().push(json!({"achievement": "https://evil.example/a"}));
    refused(&fixtures::signed_rdfc(achievement, "eddsa-rdfc-2022"), "achievement");
    // In a node's own context.
    let mut nested = fixtures::minimal_vc2();
    nested["credentialSubject"]["@context"] =
        json!({"colour": "https://example.org/colour", "narrative": "https://example.org/n"});
    refused(&nested, "narrative");
    // In a context scoped to a term the document defines.
    let scoped = with_context(
        json!({"Extra": {"@id": "https://example.org/Extra", "@context": {"caption": "https://example.org/c"}}}),
    );
    refused(&scoped, "caption");
    // A VC 1.1 credential, whose context leaves `name` undefined.
    let mut v1 = fixtures::vc_v1("y");
    v1["@context"] = json!(["https://www.w3.org/2018/credentials/v1", {"name": "https://schema.org/name"}]);
    v1.insert("name".into(), json!("A title"));
    refused(&v1, "name");
    // Terms the card does not read may be added.
    let mut added = with_context(json!({"colour": "https://example.org/colour"}));
    added["credentialSubject"]["colour"] = json!("teal");
    assert_eq!(contexts_code(&added), "contexts_known");
}

#[test]
fn undefined_terms_are_still_refused_beside_an_inline_context() {
    let mut document = with_context(json!({"colour": "https://badge-verifier.example/vocab#colour"}));
    document["credentialSubject"]["colour"] = json!("teal");
    assert!(jsonld::to_rdf(&document, &Contexts::new()).is_ok());
    document["credentialSubject"]["shade"] = json!("dark");
    assert_eq!(to_rdf_code(&document), "undefined_term");
    // A term mapped to null is dropped by JSON-LD: safe mode refuses it.
    let mut nulled = with_context(json!({"colour": null}));
    nulled["credentialSubject"]["colour"] = json!("teal");
    assert_eq!(to_rdf_code(&nulled), "undefined_term");
}

#[test]
fn an_inline_vocab_defines_every_other_term_and_signs_it() {
    // The deliberate choice documented in src/jsonld/context.rs (`vocabulary`): nothing is
    // dropped under a @vocab, so nothing escapes the signature.
    let mut document = with_context(json!({"@vocab": "https://badge-verifier.example/vocab#"}));
    document["credentialSubject"]["shade"] = json!("dark");
    let mut unsigned = document.clone();
    let quads = canonical_nquads(&unsigned, &Contexts::new()).unwrap();
    assert!(quads.contains("<https://badge-verifier.example/vocab#shade> \"dark\""), "{quads}");
    let signed = fixtures::signed_rdfc(document, "eddsa-rdfc-2022");
    assert_eq!(report(&signed).verdict, Verdict::Verified);
    let mut added = signed;
    added["credentialSubject"]["tone"] = json!("light");
    assert_eq!(report(&added).verdict, Verdict::NotVerified);
    // A @vocab never reaches a term a context defines: `name` stays schema.org's.
    unsigned["credentialSubject"]["name"] = json!("Carol");
    let quads = canonical_nquads(&unsigned, &Contexts::new()).unwrap();
    assert!(quads.contains("<https://schema.org/name> \"Carol\""), "{quads}");
}

#[test]
fn an_inline_context_has_a_budget_of_terms() {
    let terms = |n: usize| -> Value {
        Value::Object((0..n).map(|i| (format!("t{i}"), json!(format!("https://x.example/#t{i}")))).collect())
    };
    let at_limit = with_context(terms(jsonld::MAX_DOCUMENT_TERMS));
    assert_eq!(contexts_code(&at_limit), "contexts_known");
    assert!(jsonld::to_rdf(&at_limit, &Contexts::new()).is_ok());
    let over = with_context(terms(jsonld::MAX_DOCUMENT_TERMS + 1));
    assert_eq!(contexts_code(&over), "expansion_limit");
    assert_eq!(to_rdf_code(&over), "expansion_limit");
    // Counted over the whole document: split over two objects, or nested in a node, alike.
    let half = jsonld::MAX_DOCUMENT_TERMS / 2 + 1;
    let mut split = with_context(terms(half));
    split["@context"].as_array_mut().unwrap().push(terms(half));
    assert_eq!(contexts_code(&split), "expansion_limit");
    let mut nested = with_context(terms(half));
    nested["credentialSubject"]["@context"] = terms(half);
    assert_eq!(to_rdf_code(&nested), "expansion_limit");
    // Scoped contexts of inline terms count too.
    let scoped = with_context(
        json!({"Colour": {"@id": "https://x.example/#Colour", "@context": terms(jsonld::MAX_DOCUMENT_TERMS)}}),
    );
    let mut document = scoped.clone();
    document["credentialSubject"]["type"] = json!("Colour");
    assert_eq!(to_rdf_code(&document), "expansion_limit");
}

#[test]
fn an_inline_context_cannot_map_to_hostile_or_huge_iris() {
    let long = format!("https://x.example/{}", "a".repeat(jsonld::MAX_DOCUMENT_IRI));
    for context in [
        json!({"colour": long}),
        json!({"colour": {"@id": long}}),
        json!({"colour": {"@id": "https://x.example/c", "@type": long}}),
        json!({"@vocab": long}),
        json!({"colour": {"@reverse": long}}),
    ] {
        assert_eq!(contexts_code(&with_context(context.clone())), "expansion_limit", "{context}");
    }
    let fits = format!("https://x.example/{}", "a".repeat(jsonld::MAX_DOCUMENT_IRI - 18));
    assert_eq!(contexts_code(&with_context(json!({ "colour": fits }))), "contexts_known");
    // An IRI that would break out of its N-Quads brackets, or is relative, is no IRI at all.
    for iri in ["https://x.example/a> <https://evil.example/b", "https://x.example/a b", "colour-of-things", "_x:y"] {
        let context = json!({ "colour": iri });
        assert_eq!(contexts_code(&with_context(context.clone())), "invalid_json_ld", "{context}");
    }
    // Features outside the subset still fail closed.
    assert_eq!(contexts_code(&with_context(json!({"@import": "https://x.example/c"}))), "unsupported_json_ld");
    assert_eq!(contexts_code(&with_context(json!({"@base": "https://x.example/"}))), "unsupported_json_ld");
    assert_eq!(
        contexts_code(&with_context(json!({"c": {"@id": "https://x.example/c", "@container": "@index"}}))),
        "unsupported_json_ld"
    );
    assert_eq!(contexts_code(&with_context(json!(7))), "invalid_json_ld");
}

#[test]
fn many_documents_with_inline_scoped_contexts_do_not_share_definitions() {
    // The cache shared across verifications holds only what bundled contexts produce: two
    // documents defining the same type-scoped term differently each get their own.
    for (i, iri) in
        ["https://a.example/#shade", "https://b.example/#shade", "https://a.example/#shade"].iter().enumerate()
    {
        let mut document = with_context(json!({
            "Paint": {"@id": "https://x.example/#Paint", "@context": {"shade": iri}}
        }));
        document["credentialSubject"]["type"] = json!("Paint");
        document["credentialSubject"]["shade"] = json!("dark");
        let quads = canonical_nquads(&document, &Contexts::new()).unwrap();
        assert!(quads.contains(&format!("<{iri}> \"dark\"")), "{i}: {quads}");
    }
}

#[test]
fn a_reverse_property_points_from_its_value_to_its_holder() {
    // DCC's `awardedOnCompletionOf` (dcc/v1): @reverse of schema:educationalCredentialAwarded.
    let credential = fixtures::reverse_property();
    let quads = canonical_nquads(&credential, &Contexts::new()).unwrap();
    let expected = "<https://badge-verifier.example/programs/verification> <http://schema.org/educationalCredentialAwarded> <urn:uuid:0b1e1e1e-0000-4000-8000-0000000000bb>";
    assert!(quads.contains(expected), "{quads}");
    assert!(quads.contains("<https://badge-verifier.example/programs/verification> <http://schema.org/name> \"Credential Verification Programme\""));
    let signed = fixtures::signed_rdfc(credential, "eddsa-rdfc-2022");
    assert_eq!(report(&signed).verdict, Verdict::Verified);
    let mut changed = signed;
    changed["credentialSubject"]["hasCredential"]["awardedOnCompletionOf"]["id"] = json!("https://evil.example/p");
    assert_eq!(report(&changed).verdict, Verdict::NotVerified);
}

#[test]
fn the_reverse_keyword_and_reverse_terms_expand_as_json_ld_says() {
    // JSON-LD 1.1 §9.8: `@reverse` in a node, a term defined with `@reverse`, and both nested
    // (reversed twice: a forward property).
    let context = json!({"knows": "https://schema.org/knows", "knownBy": {"@reverse": "https://schema.org/knows", "@container": "@set"}});
    let mut document = with_context(context);
    document["credentialSubject"]["@reverse"] = json!({"knows": {"id": "did:example:dave"}});
    document["credentialSubject"]["knownBy"] =
        json!([{"id": "did:example:erin"}, {"id": "did:example:frank", "knownBy": {"id": "did:example:gus"}}]);
    let quads = canonical_nquads(&document, &Contexts::new()).unwrap();
    for (subject, object) in [("dave", "carol"), ("erin", "carol"), ("frank", "carol"), ("gus", "frank")] {
        let line = format!("<did:example:{subject}> <https://schema.org/knows> <did:example:{object}>");
        assert!(quads.contains(&line), "{line}\n{quads}");
    }
    let mut twice =
        with_context(json!({"knows": "https://schema.org/knows", "knownBy": {"@reverse": "https://schema.org/knows"}}));
    twice["credentialSubject"]["@reverse"] = json!({"knownBy": {"id": "did:example:hal"}});
    let quads = canonical_nquads(&twice, &Contexts::new()).unwrap();
    assert!(quads.contains("<did:example:carol> <https://schema.org/knows> <did:example:hal>"), "{quads}");
}

#[test]
fn reverse_properties_take_only_nodes() {
    let context = json!({"knownBy": {"@reverse": "https://schema.org/knows"}});
    let mut literal = with_context(context.clone());
    literal["credentialSubject"]["knownBy"] = json!("Dave");
    assert_eq!(to_rdf_code(&literal), "invalid_json_ld");
    let mut list = with_context(context.clone());
    list["credentialSubject"]["knownBy"] = json!({"@list": [{"id": "did:example:dave"}]});
    assert_eq!(to_rdf_code(&list), "invalid_json_ld");
    let mut not_a_map = with_context(context);
    not_a_map["credentialSubject"]["@reverse"] = json!("did:example:dave");
    assert_eq!(to_rdf_code(&not_a_map), "invalid_json_ld");
    let mut keyword = fixtures::minimal_vc2();
    keyword["credentialSubject"]["@reverse"] = json!({"@id": "did:example:dave"});
    assert_eq!(to_rdf_code(&keyword), "invalid_json_ld");
    for definition in [
        json!({"@reverse": "https://schema.org/knows", "@id": "https://schema.org/knows"}),
        json!({"@reverse": 7}),
        json!({"@reverse": "https://schema.org/knows", "@container": "@list"}),
        json!({"@reverse": "relative"}),
    ] {
        let context = json!({ "knownBy": definition });
        assert_eq!(contexts_code(&with_context(context.clone())), "invalid_json_ld", "{context}");
    }
    // A term JSON-LD leaves undefined (its @reverse looks like a keyword) is dropped: refused.
    let mut ignored = with_context(json!({"knownBy": {"@reverse": "@ignored"}}));
    ignored["credentialSubject"]["knownBy"] = json!({"id": "did:example:dave"});
    assert_eq!(to_rdf_code(&ignored), "undefined_term");
}

#[test]
fn what_the_json_ld_api_suite_caught() {
    // toRdf e124: a @vocab written as a compact IRI takes its prefix's IRI.
    let mut vocab = with_context(json!({"ex": {"@id": "https://ex.example/", "@prefix": true}}));
    vocab["@context"].as_array_mut().unwrap().push(json!({"@vocab": "ex:ns/"}));
    vocab["credentialSubject"]["shade"] = json!("dark");
    let quads = canonical_nquads(&vocab, &Contexts::new()).unwrap();
    assert!(quads.contains("<https://ex.example/ns/shade> \"dark\""), "{quads}");
    // pr32, ec02: `@type` may be protected, and then not redefined; an empty definition is none.
    let mut protected_type = with_context(json!({"@type": {"@container": "@set", "@protected": true}}));
    protected_type["@context"].as_array_mut().unwrap().push(json!({"@type": {"@protected": true}}));
    assert_eq!(contexts_code(&protected_type), "invalid_json_ld");
    assert_eq!(contexts_code(&with_context(json!({"@type": {}}))), "invalid_json_ld");
    assert_eq!(contexts_code(&with_context(json!({"@type": {"@container": "@set"}}))), "contexts_known");
    // er40: a blank node is no datatype.
    let mut typed = fixtures::minimal_vc2();
    typed["credentialSubject"]["name"] = json!({"@value": "Carol", "@type": "_:dt"});
    assert_eq!(to_rdf_code(&typed), "invalid_json_ld");
}
