//! The project's own fixtures, signed by its test issuer with fixed seeds. `tests/fixtures.rs`
//! checks that `tests/fixtures/` is exactly what this produces (set BADGE_VERIFIER_WRITE_FIXTURES=1
//! to rewrite it). File names state the expectation: `valid/<what>.json`,
//! `invalid/<expected code>--<what was done>.json`; `network/` holds documents served at fixed
//! URLs, with their expectations in its README (see `fixtures/network.rs`).
//!
//! A self-signed round trip cannot catch a symmetric bug (e.g. hash order); the W3C vectors are
//! the judge of the suite, these fixtures of the pipeline's negative paths.

pub mod baked;
#[cfg(feature = "ecdsa")]
pub mod ecdsa;
#[cfg(feature = "ecdsa")]
pub mod ecdsa_sd;
pub mod endorsement;
pub mod jwt;
pub mod network;
#[cfg(all(feature = "ecdsa", feature = "jwt"))]
pub mod portfolio;
pub mod presentation;
pub mod vp_jwt;

use badge_verifier::proof::canonical::hash_data;
use badge_verifier::proof::eddsa_jcs_2022::{configure_proof, hash, transform};
use badge_verifier::Contexts;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Map, Value};

/// The instant the fixtures are judged at (`--now` in the CLI tests).
pub const NOW: &str = "2026-06-01T00:00:00Z";

/// The project's test issuer (seed 0x07 × 32).
pub fn issuer_key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

/// Someone else (seed 0x0b × 32).
pub fn other_key() -> SigningKey {
    SigningKey::from_bytes(&[11; 32])
}

/// The `did:key` of a signing key.
pub fn did_key(key: &SigningKey) -> String {
    let mut bytes = vec![0xed, 0x01];
    bytes.extend_from_slice(key.verifying_key().as_bytes());
    format!("did:key:z{}", bs58::encode(bytes).into_string())
}

/// The verification method id of a `did:key`.
pub fn method(key: &SigningKey) -> String {
    let did = did_key(key);
    let multibase = did.trim_start_matches("did:key:").to_owned();
    format!("{did}#{multibase}")
}

const BADGE_IMAGE: &str = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCI+PGNpcmNsZSBjeD0iMzIiIGN5PSIzMiIgcj0iMzAiIGZpbGw9IiMxZjZmZWIiLz48cGF0aCBkPSJNMjAgMzNsOCA4IDE2LTE4IiBzdHJva2U9IiNmZmYiIHN0cm9rZS13aWR0aD0iNiIgZmlsbD0ibm9uZSIvPjwvc3ZnPg==";

/// An unsigned Open Badges 3.0 credential from the test issuer.
pub fn open_badge(id: &str, name: &str, valid_from: &str, valid_until: Option<&str>) -> Map<String, Value> {
    let issuer = did_key(&issuer_key());
    let mut credential = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("urn:uuid:{id}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {
            "id": issuer,
            "type": ["Profile"],
            "name": "Badge Verifier Test Issuer",
            "url": "https://badge-verifier.example/issuer",
        },
        "validFrom": valid_from,
        "credentialSubject": {
            "id": "did:example:alice",
            "type": ["AchievementSubject"],
            "name": "Alice Example",
            "achievement": {
                "id": "https://badge-verifier.example/achievements/rust-verifier",
                "type": ["Achievement"],
                "achievementType": "Competency",
                "name": name,
                "description": "Built a credential verifier in Rust that runs natively and in WebAssembly.",
                "criteria": {"narrative": "Verify the W3C vc-di-eddsa vectors and refuse every tampered variant."},
                "image": {"id": BADGE_IMAGE, "type": "Image", "caption": "A blue seal with a check mark"},
            },
        },
    });
    if let Some(until) = valid_until {
        credential["validUntil"] = json!(until);
    }
    credential.as_object().cloned().unwrap_or_default()
}

/// A plain VC 1.1 credential (issuer as a string, `issuanceDate`).
pub fn vc_v1(id: &str) -> Map<String, Value> {
    json!({
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"],
        "id": format!("urn:uuid:{id}"),
        "type": ["VerifiableCredential"],
        "issuer": did_key(&issuer_key()),
        "issuanceDate": "2024-03-01T12:00:00Z",
        "credentialSubject": {"id": "did:example:bob"},
    })
    .as_object()
    .cloned()
    .unwrap_or_default()
}

/// The eddsa-jcs-2022 proof of `key` (as `verification_method`) over `unsecured`.
pub fn jcs_proof(unsecured: &Map<String, Value>, key: &SigningKey, verification_method: &str) -> Value {
    let mut options = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": "2024-01-01T00:00:00Z",
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    });
    if let Some(context) = unsecured.get("@context") {
        options["@context"] = context.clone();
    }
    let options_map = options.as_object().cloned().unwrap_or_default();
    let data = hash(&transform(unsecured).unwrap(), &configure_proof(&options_map).unwrap());
    let signature = key.sign(&data);
    options["proofValue"] = json!(format!("z{}", bs58::encode(signature.to_bytes()).into_string()));
    options
}

/// `unsecured` with the test issuer's proof.
pub fn signed(mut unsecured: Map<String, Value>) -> Map<String, Value> {
    let proof = jcs_proof(&unsecured, &issuer_key(), &method(&issuer_key()));
    unsecured.insert("proof".into(), proof);
    unsecured
}

/// A proof of an RDFC suite (`eddsa-rdfc-2022` or `Ed25519Signature2020`) over `unsecured`: the
/// proof configuration takes the document's `@context` for hashing but does not store it, as the
/// JavaScript reference stack does.
pub fn rdfc_proof(unsecured: &Map<String, Value>, key: &SigningKey, verification_method: &str, suite: &str) -> Value {
    rdfc_proof_with(unsecured, key, verification_method, suite, &Contexts::new())
}

/// The context a host registers in the "registered context" fixture (tests/harness/extra-context.jsonld).
pub const EXTRA_CONTEXT_URL: &str = "https://badge-verifier.example/contexts/extra.jsonld";

/// Contexts with the harness's extra context registered.
pub fn contexts_with_extra() -> Contexts {
    let mut contexts = Contexts::new();
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/harness/extra-context.jsonld")).unwrap();
    contexts.register(EXTRA_CONTEXT_URL, &bytes).unwrap();
    contexts
}

/// As [`rdfc_proof`], with the given contexts.
pub fn rdfc_proof_with(
    unsecured: &Map<String, Value>,
    key: &SigningKey,
    verification_method: &str,
    suite: &str,
    contexts: &Contexts,
) -> Value {
    let mut options = match suite {
        "Ed25519Signature2020" => json!({"type": "Ed25519Signature2020"}),
        cryptosuite => json!({"type": "DataIntegrityProof", "cryptosuite": cryptosuite}),
    };
    options["created"] = json!("2024-01-01T00:00:00Z");
    options["verificationMethod"] = json!(verification_method);
    options["proofPurpose"] = json!("assertionMethod");
    let mut config = options.as_object().cloned().unwrap_or_default();
    if let Some(context) = unsecured.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    let data = hash_data(unsecured, &config, contexts).unwrap();
    options["proofValue"] = json!(format!("z{}", bs58::encode(key.sign(&data).to_bytes()).into_string()));
    options
}

/// `unsecured` with the test issuer's proof of an RDFC suite.
pub fn signed_rdfc(mut unsecured: Map<String, Value>, suite: &str) -> Map<String, Value> {
    let proof = rdfc_proof(&unsecured, &issuer_key(), &method(&issuer_key()), suite);
    unsecured.insert("proof".into(), proof);
    unsecured
}

/// A rich Open Badges 3.0 credential: results, result descriptions, alignments, evidence.
pub fn rich_open_badge() -> Map<String, Value> {
    let mut credential = Value::Object(open_badge(
        "0b1e1e1e-0000-4000-8000-000000000010",
        "Data Integrity Practitioner",
        "2024-01-01T00:00:00Z",
        Some("2099-01-01T00:00:00Z"),
    ));
    credential["description"] = json!("Awarded for verifying Data Integrity proofs across three cryptosuites.");
    let achievement = &mut credential["credentialSubject"]["achievement"];
    achievement["alignment"] = json!([{
        "type": ["Alignment"],
        "targetName": "Apply cryptographic verification",
        "targetUrl": "https://badge-verifier.example/frameworks/security#verify",
        "targetType": "ceterms:Competency",
        "targetFramework": "Badge Verifier Skills",
        "targetCode": "SEC-3"
    }]);
    achievement["resultDescription"] = json!([{
        "id": "urn:uuid:0b1e1e1e-0000-4000-8000-0000000000aa",
        "type": ["ResultDescription"],
        "name": "Final grade",
        "resultType": "LetterGrade",
        "allowedValue": ["A", "B", "C"]
    }]);
    credential["credentialSubject"]["result"] = json!([{
        "type": ["Result"],
        "resultDescription": "urn:uuid:0b1e1e1e-0000-4000-8000-0000000000aa",
        "value": "A"
    }]);
    credential["evidence"] = json!([{
        "id": "https://badge-verifier.example/evidence/42",
        "type": ["Evidence"],
        "name": "Verifier test report",
        "narrative": "All third-party vectors judged as expected."
    }]);
    credential.as_object().cloned().unwrap_or_default()
}

/// A minimal VC 2.0 credential.
pub fn minimal_vc2() -> Map<String, Value> {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:0b1e1e1e-0000-4000-8000-000000000011",
        "type": ["VerifiableCredential"],
        "issuer": did_key(&issuer_key()),
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:carol"},
    })
    .as_object()
    .cloned()
    .unwrap_or_default()
}

/// Every fixture: (path under tests/fixtures, document).
pub fn all() -> Vec<(String, Value)> {
    let valid = || {
        open_badge(
            "0b1e1e1e-0000-4000-8000-000000000001",
            "Rust Verifier Builder",
            "2024-01-01T00:00:00Z",
            Some("2099-01-01T00:00:00Z"),
        )
    };
    let mut out: Vec<(&str, Map<String, Value>)> = Vec::new();

    out.push(("valid/open-badge-3.json", signed(valid())));
    out.push(("valid/vc-1.1-plain.json", signed(vc_v1("0b1e1e1e-0000-4000-8000-000000000002"))));
    let mut localized =
        open_badge("0b1e1e1e-0000-4000-8000-000000000003", "Multilingual", "2024-01-01T00:00:00Z", None);
    localized["name"] = json!([{"@value": "Multilingual badge", "@language": "en"}, {"@value": "Mehrsprachiges Abzeichen", "@language": "de"}]);
    out.push(("valid/open-badge-3-language-map.json", signed(localized)));
    out.push(("valid/open-badge-3-multilingual-with-results.json", signed(multilingual())));

    let mut tampered = signed(valid());
    tampered["name"] = json!("Rust Verifier Grandmaster");
    out.push(("invalid/signature_mismatch--name-changed-after-signing.json", tampered));

    let mut foreign = valid();
    let proof = jcs_proof(&foreign, &other_key(), &method(&issuer_key()));
    foreign.insert("proof".into(), proof);
    out.push(("invalid/signature_mismatch--signed-by-another-key-claiming-the-issuers.json", foreign));

    let mut wrong_key = valid();
    let proof = jcs_proof(&wrong_key, &other_key(), &method(&other_key()));
    wrong_key.insert("proof".into(), proof);
    out.push(("invalid/key_not_bound_to_issuer--valid-signature-by-someone-elses-key.json", wrong_key));

    let mut truncated = signed(valid());
    let value = truncated["proof"]["proofValue"].as_str().unwrap_or_default().to_owned();
    truncated["proof"]["proofValue"] = json!(value[..value.len() - 8]);
    out.push(("invalid/invalid_proof_value--signature-truncated.json", truncated));

    out.push((
        "invalid/expired--valid-until-2025.json",
        signed(open_badge(
            "0b1e1e1e-0000-4000-8000-000000000004",
            "Expired Badge",
            "2023-01-01T00:00:00Z",
            Some("2025-01-01T00:00:00Z"),
        )),
    ));
    out.push((
        "invalid/not_yet_valid--valid-from-2099.json",
        signed(open_badge("0b1e1e1e-0000-4000-8000-000000000005", "Future Badge", "2099-01-01T00:00:00Z", None)),
    ));

    let mut unknown_context = valid();
    if let Some(contexts) = unknown_context["@context"].as_array_mut() {
        contexts.push(json!("https://evil.example/context.json"));
    }
    out.push(("invalid/unknown_context--unlisted-context-url.json", signed(unknown_context)));

    let mut unsupported = signed(valid());
    unsupported["proof"]["cryptosuite"] = json!("bbs-2023");
    out.push(("invalid/unsupported_cryptosuite--bbs-2023.json", unsupported));
    let mut relabelled = signed(valid());
    relabelled["proof"]["cryptosuite"] = json!("ecdsa-jcs-2019");
    out.push(("invalid/algorithm_key_mismatch--eddsa-proof-relabelled-as-ecdsa-jcs-2019.json", relabelled));

    let mut no_proof = valid();
    no_proof.remove("proof");
    out.push(("invalid/missing_proof--unsigned.json", no_proof));

    let mut purpose = valid();
    let mut proof = jcs_proof(&purpose, &issuer_key(), &method(&issuer_key()));
    proof["proofPurpose"] = json!("authentication");
    purpose.insert("proof".into(), proof);
    out.push(("invalid/wrong_proof_purpose--authentication.json", purpose));

    let mut proof_set = valid();
    let good = jcs_proof(&proof_set, &issuer_key(), &method(&issuer_key()));
    let bad = jcs_proof(&proof_set, &other_key(), &method(&issuer_key()));
    proof_set.insert("proof".into(), json!([good, bad]));
    out.push(("invalid/signature_mismatch--proof-set-with-one-bad-proof.json", proof_set));

    out.push(("valid/open-badge-3-inline-context-eddsa-jcs-2022.json", signed(inline_context())));
    let mut redefined = valid();
    if let Some(contexts) = redefined["@context"].as_array_mut() {
        contexts.push(json!({"name": "https://evil.example/name"}));
    }
    out.push(("invalid/invalid_json_ld--inline-context-redefines-a-protected-term.json", signed(redefined)));

    out.push(("valid/open-badge-3-rich-eddsa-rdfc-2022.json", signed_rdfc(rich_open_badge(), "eddsa-rdfc-2022")));
    out.push(("valid/vc-2.0-minimal-eddsa-rdfc-2022.json", signed_rdfc(minimal_vc2(), "eddsa-rdfc-2022")));
    let mut vc1 = vc_v1("0b1e1e1e-0000-4000-8000-000000000012");
    vc1["@context"] =
        json!(["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/suites/ed25519-2020/v1"]);
    out.push(("valid/vc-1.1-ed25519-signature-2020.json", signed_rdfc(vc1, "Ed25519Signature2020")));

    let mut rdfc_tampered = signed_rdfc(rich_open_badge(), "eddsa-rdfc-2022");
    rdfc_tampered["credentialSubject"]["result"][0]["value"] = json!("A+");
    out.push(("invalid/signature_mismatch--rdfc-result-changed-after-signing.json", rdfc_tampered));
    let mut undefined = signed_rdfc(minimal_vc2(), "eddsa-rdfc-2022");
    undefined["credentialSubject"]["secretClaim"] = json!("not covered by the signature");
    out.push(("invalid/undefined_term--property-no-context-defines.json", undefined));
    out.push((
        "valid/open-badge-3-inline-context-eddsa-rdfc-2022.json",
        signed_rdfc(inline_context(), "eddsa-rdfc-2022"),
    ));
    let mut undefined_beside_inline = signed_rdfc(inline_context(), "eddsa-rdfc-2022");
    undefined_beside_inline["credentialSubject"]["favouriteColor"] = json!("the inline context spells it -our");
    out.push(("invalid/undefined_term--property-the-inline-context-does-not-define.json", undefined_beside_inline));
    out.push((
        "valid/vc-1.1-reverse-property-eddsa-rdfc-2022.json",
        signed_rdfc(reverse_property(), "eddsa-rdfc-2022"),
    ));
    let mut reordered = signed_rdfc(rich_open_badge(), "eddsa-rdfc-2022");
    reordered["proof"]["cryptosuite"] = json!("eddsa-jcs-2022");
    out.push(("invalid/signature_mismatch--rdfc-proof-relabelled-as-jcs.json", reordered));

    let mut extra = minimal_vc2();
    extra["@context"] = json!(["https://www.w3.org/ns/credentials/v2", EXTRA_CONTEXT_URL]);
    extra["credentialSubject"]["favouriteColour"] = json!("teal");
    let proof =
        rdfc_proof_with(&extra, &issuer_key(), &method(&issuer_key()), "eddsa-rdfc-2022", &contexts_with_extra());
    extra.insert("proof".into(), proof);
    out.push(("registered-context/vc-2.0-with-a-host-registered-context.json", extra));

    #[cfg(feature = "ecdsa")]
    out.extend(ecdsa::all());
    #[cfg(feature = "ecdsa")]
    out.extend(ecdsa_sd::all());
    out.extend(endorsement::all());

    let mut all: Vec<(String, Value)> =
        out.into_iter().map(|(path, doc)| (path.to_owned(), Value::Object(doc))).collect();
    all.extend(network::all());
    #[cfg(all(feature = "ecdsa", feature = "jwt"))]
    all.extend(portfolio::all());
    all
}

/// The term the inline-context fixtures define themselves (and the IRI it maps to).
pub const INLINE_TERM: (&str, &str) = ("favouriteColour", "https://badge-verifier.example/vocab#favouriteColour");

/// An Open Badges 3.0 credential with a context object beside the context URLs (VC 2.0 §4.3)
/// defining a term of its own, which its subject uses.
pub fn inline_context() -> Map<String, Value> {
    let mut badge = open_badge("0b1e1e1e-0000-4000-8000-000000000013", "Inline Context", "2024-01-01T00:00:00Z", None);
    let (term, iri) = INLINE_TERM;
    if let Some(contexts) = badge["@context"].as_array_mut() {
        contexts.push(json!({ term: iri }));
    }
    badge["credentialSubject"][term] = json!("teal");
    badge
}

/// A VC 1.1 credential in the shape of DCC's older examples: the `dcc/v1` context, whose
/// `awardedOnCompletionOf` is a reverse property (`@reverse` of schema:educationalCredentialAwarded).
pub fn reverse_property() -> Map<String, Value> {
    let mut credential = vc_v1("0b1e1e1e-0000-4000-8000-000000000014");
    credential["@context"] = json!([
        "https://www.w3.org/2018/credentials/v1",
        "https://w3id.org/dcc/v1",
        "https://w3id.org/security/data-integrity/v2"
    ]);
    credential["credentialSubject"] = json!({
        "id": "did:example:bob",
        "name": "Bob Example",
        "hasCredential": {
            "id": "urn:uuid:0b1e1e1e-0000-4000-8000-0000000000bb",
            "type": "EducationalOccupationalCredential",
            "name": "Certificate in Credential Verification",
            "awardedOnCompletionOf": {
                "id": "https://badge-verifier.example/programs/verification",
                "type": "EducationalOccupationalProgram",
                "name": "Credential Verification Programme"
            }
        }
    });
    credential
}

/// A badge whose texts are language maps in the six catalogue languages, with results,
/// alignments and a long description: everything the card can show.
fn multilingual() -> Map<String, Value> {
    let mut badge =
        open_badge("0b1e1e1e-0000-4000-8000-000000000006", "Data Stewardship", "2024-05-01T09:00:00Z", None);
    let map = |pairs: &[(&str, &str)]| -> Value {
        Value::Array(pairs.iter().map(|(l, v)| json!({"@value": v, "@language": l})).collect())
    };
    let achievement = &mut badge["credentialSubject"]["achievement"];
    achievement["name"] = map(&[
        ("en", "Data Stewardship"),
        ("de", "Datenverantwortung"),
        ("fr", "Gestion responsable des données"),
        ("es", "Custodia de datos"),
        ("pt", "Curadoria de dados"),
        ("ar", "الإشراف على البيانات"),
    ]);
    achievement["description"] = map(&[
        ("en", "Keeps research data findable, accessible, interoperable and reusable, documents every dataset with a data management plan, and reviews access rights every quarter so that nothing sensitive leaks and nothing useful is lost."),
        ("de", "Hält Forschungsdaten auffindbar, zugänglich, interoperabel und wiederverwendbar."),
        ("fr", "Garde les données de recherche faciles à trouver, accessibles, interopérables et réutilisables."),
        ("es", "Mantiene los datos de investigación localizables, accesibles, interoperables y reutilizables."),
        ("pt", "Mantém os dados de pesquisa localizáveis, acessíveis, interoperáveis e reutilizáveis."),
        ("ar", "يحافظ على بيانات البحث قابلة للعثور عليها والوصول إليها والتشغيل البيني وإعادة الاستخدام."),
    ]);
    achievement["criteria"] = json!({"id": "https://badge-verifier.example/criteria/data-stewardship",
        "narrative": "Wrote and maintained a data management plan for a year."});
    achievement["alignment"] = json!([{"type": ["Alignment"], "targetName": "Data management",
        "targetFramework": "ESCO", "targetUrl": "https://esco.example/skill/data-management"}]);
    badge["credentialSubject"]["result"] = json!([{"type": ["Result"], "value": "Distinction", "status": "Completed"}]);
    badge
}
