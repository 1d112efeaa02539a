//! The tamper walk (issue 11, item 2). For every valid credential the project can load — its own
//! fixtures (JSON in every suite, the VC-JWT, the network badges with their DID document and
//! status lists, the baked PNG and SVG) and every `../shared/vectors` credential the conformance
//! test judges verified (read the same way: tests/common/conformance.rs) — every single change
//! (tests/tamper/mutations.rs, tests/tamper/jws.rs) must be judged not authentic, offline with
//! `now` fixed. A mutant that still verifies must carry the issuer's signed data unchanged, which
//! the walk proves from the canonical form (tests/tamper/signed_data.rs: the verifier's RDFC-1.0
//! or JCS, then an independent JSON-LD + RDFC-1.0, tests/tamper/oracle.rs); otherwise it is a
//! false accept, and the test fails naming the credential and the mutation. "Authentic" is any
//! verdict that vouches for the content: verified (with or without warnings), expired, not yet
//! valid, revoked, suspended.
//!
//! Every mutation of the project's own fixtures is judged; of the vectors, every
//! [`VECTOR_SAMPLE_EVERY`]-th (offset by a fixed hash of the path, so together the vectors cover
//! every kind of mutation), which keeps the debug run within CI's budget.
//! `scripts/tamper-walk` runs the exhaustive walk of the vectors in release
//! (`tamper_walk_of_every_vector_mutation`, ignored by default).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod tamper;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use badge_verifier::baked::{self, Payload};
use badge_verifier::{Documents, Limits, Options, Timestamp, Verdict};
use common::conformance::{documents_for, harness_documents, is_credential_file, is_ob2_class_document};
use common::fixtures;
use serde_json::Value;
use tamper::{Form, Sample, Subject, Tally};

/// Of the vectors' mutations, the default run judges every this-many-th.
const VECTOR_SAMPLE_EVERY: usize = 14;

const OWN: &str = "own fixtures";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn own_options() -> Options {
    Options::at(Timestamp::parse(fixtures::NOW).unwrap())
}

fn json_file(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn own(name: String, form: Form, options: Options, documents: Documents) -> Subject {
    Subject { source: OWN.into(), name, form, options, documents }
}

/// The project's own valid credentials, each with what it is verified with.
fn own_subjects() -> Vec<Subject> {
    let dir = fixtures_dir();
    let mut subjects = Vec::new();
    let mut valid: Vec<PathBuf> = std::fs::read_dir(dir.join("valid")).unwrap().map(|e| e.unwrap().path()).collect();
    valid.sort();
    for path in valid {
        let name = format!("valid/{}", path.file_name().unwrap().to_string_lossy());
        subjects.push(own(name, Form::Json(json_file(&path)), own_options(), Documents::new()));
    }
    let registered = "registered-context/vc-2.0-with-a-host-registered-context.json";
    let options = Options { contexts: fixtures::contexts_with_extra(), ..own_options() };
    subjects.push(own(registered.into(), Form::Json(json_file(&dir.join(registered))), options, Documents::new()));
    let token = std::fs::read_to_string(dir.join("jwt/open-badge-3.jwt")).unwrap().trim().to_owned();
    subjects.push(own("jwt/open-badge-3.jwt".into(), Form::Jws(token), own_options(), Documents::new()));
    // Endorsed badges: a change inside an embedded endorsement is a change of the badge's own
    // signed data too (the badge's proof covers it), so it must not verify either.
    for name in
        ["endorsements/verified--achievement-endorsed.json", "endorsements/verified--issuer-endorsed-by-vc-jwt.json"]
    {
        subjects.push(own(name.into(), Form::Json(json_file(&dir.join(name))), own_options(), Documents::new()));
    }
    // Presentations secured as JWTs, with the challenge and domain their holder signed.
    let held = Options {
        challenge: Some(fixtures::presentation::CHALLENGE.into()),
        domain: Some(fixtures::presentation::DOMAIN.into()),
        ..own_options()
    };
    for name in ["vp-jwt/presentation.jwt", "vp-jwt/vp-claim.jwt"] {
        let token = std::fs::read_to_string(dir.join(name)).unwrap().trim().to_owned();
        subjects.push(own(name.into(), Form::Jws(token), held.clone(), Documents::new()));
    }
    let mut network = Documents::new();
    network.insert(fixtures::network::ISSUER, fixtures::network::did_document());
    for list in ["revocation", "suspension"] {
        let bytes = std::fs::read(dir.join(format!("network/status/{list}.json"))).unwrap();
        network.insert_json(&fixtures::network::list_url(list), &bytes, &Limits::default()).unwrap();
    }
    for badge in ["not-revoked", "revoked", "suspended"] {
        let name = format!("network/{badge}.json");
        let form = Form::Json(json_file(&dir.join(&name)));
        subjects.push(own(name, form, own_options(), network.clone()));
    }
    for (image, reader) in [("png", baked::from_png as fn(&[u8], usize) -> _), ("svg", baked::from_svg)] {
        let name = format!("baked/open-badge-3.{image}");
        let Payload::Json(text) = reader(&std::fs::read(dir.join(&name)).unwrap(), 1 << 20).unwrap().payload else {
            panic!("{name} bakes JSON")
        };
        let value: Value = serde_json::from_str(&text).unwrap();
        let form = if image == "png" { Form::BakedPng(value) } else { Form::BakedSvg(value) };
        subjects.push(own(name, form, own_options(), Documents::new()));
    }
    subjects
}

/// The form a vector file is verified in, or `None` when it has no signature to tamper with (an
/// OB 2.0 hosted assertion, a baked URL).
fn vector_form(path: &str, bytes: &[u8]) -> Option<Form> {
    let from_payload = |payload: Payload| match payload {
        Payload::Json(text) => serde_json::from_str(&text).ok().map(Form::Json),
        Payload::Jws(token) => Some(Form::Jws(token.trim().to_owned())),
        _ => None,
    };
    let form = if path.ends_with(".png") {
        from_payload(baked::from_png(bytes, 1 << 22).ok()?.payload)?
    } else if path.ends_with(".svg") {
        from_payload(baked::from_svg(bytes, 1 << 22).ok()?.payload)?
    } else {
        let text = std::str::from_utf8(bytes).ok()?.trim();
        match serde_json::from_str::<Value>(text) {
            Ok(value) => Form::Json(value),
            Err(_) => Form::Jws(text.to_owned()),
        }
    };
    match &form {
        Form::Json(value) if value.get("proof").is_none() => None,
        _ => Some(form),
    }
}

/// Every `../shared/vectors` credential the conformance test judges verified (its manifest
/// expects it valid, and it verifies with the conformance test's documents at its instant).
fn vector_subjects(dir: &Path) -> Vec<Subject> {
    let manifest: Value = serde_json::from_str(&common::read(dir, "MANIFEST.json")).unwrap();
    let harness = harness_documents(dir);
    let options = Options::at(Timestamp::parse(common::conformance::NOW).unwrap());
    let mut subjects = Vec::new();
    for record in manifest["files"].as_array().unwrap() {
        let path = record["path"].as_str().unwrap();
        let expect = record["expect"].as_str().unwrap_or("-");
        if !expect.starts_with("valid") || !is_credential_file(path) || is_ob2_class_document(path) {
            continue;
        }
        let bytes = std::fs::read(dir.join(path)).unwrap();
        let Some(form) = vector_form(path, &bytes) else { continue };
        let subject = Subject {
            source: path.split('/').next().unwrap().to_owned(),
            name: path.to_owned(),
            form,
            options: options.clone(),
            documents: documents_for(dir, &harness, path, &bytes),
        };
        if matches!(tamper::baseline(&subject), Some(Verdict::Verified | Verdict::VerifiedWithWarnings)) {
            subjects.push(subject);
        }
    }
    subjects
}

/// A fixed spread of sample offsets over the vectors (FNV-1a of the path).
fn offset(path: &str, every: usize) -> usize {
    let hash = path.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (hash % every as u64) as usize
}

/// With `BADGE_VERIFIER_WALK_VERBOSE=1`, the walk prints each credential's counts and time, and
/// each mutation that verified with the signed data unchanged.
fn verbose() -> bool {
    std::env::var("BADGE_VERIFIER_WALK_VERBOSE").is_ok_and(|v| v == "1")
}

/// Walks `subjects`, prints the tally per source, and fails on any false accept.
fn walk_and_report(title: &str, subjects: &[Subject], sample: impl Fn(&Subject) -> Sample) {
    let started = Instant::now();
    let mut by_source: BTreeMap<String, Tally> = BTreeMap::new();
    for subject in subjects {
        let one = Instant::now();
        let tally = tamper::walk(subject, sample(subject));
        assert!(tally.rejected > 0, "{}: no mutation judged", subject.name);
        if verbose() {
            println!(
                "{}: {} tried, {} rejected, {} same signed data ({} ms)",
                subject.name,
                tally.tried,
                tally.rejected,
                tally.same_signed_data,
                one.elapsed().as_millis()
            );
        }
        by_source.entry(subject.source.clone()).or_default().add(&tally);
    }
    println!("\n{title} ({:.1} s)", started.elapsed().as_secs_f64());
    println!(
        "| source | credentials | mutations listed | tried | rejected | verified, same signed data | false accepts |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut total = Tally::default();
    for (source, tally) in &by_source {
        print_row(source, tally);
        total.add(tally);
    }
    print_row("**total**", &total);
    println!("verified with identical signed data, by kind of change: {:?}", total.same_signed_data_by_kind);
    if verbose() {
        for accepted in &total.same_signed_data_list {
            println!("same signed data: {accepted}");
        }
    }
    for false_accept in &total.false_accepts {
        println!("FALSE ACCEPT {false_accept}");
    }
    assert!(total.false_accepts.is_empty(), "{} false accepts", total.false_accepts.len());
    assert_eq!(total.tried, total.rejected + total.same_signed_data);
}

fn print_row(source: &str, tally: &Tally) {
    println!(
        "| {source} | {} | {} | {} | {} | {} | {} |",
        tally.subjects,
        tally.listed,
        tally.tried,
        tally.rejected,
        tally.same_signed_data,
        tally.false_accepts.len()
    );
}

#[test]
fn tamper_walk_of_every_own_fixture_mutation() {
    let subjects = own_subjects();
    for subject in &subjects {
        let verdict = tamper::baseline(subject);
        assert!(verdict.is_some_and(tamper::is_authentic), "{}: {verdict:?} before any change", subject.name);
    }
    walk_and_report("tamper walk: own fixtures, every mutation", &subjects, |_| Sample::ALL);
}

#[test]
fn tamper_walk_of_sampled_vector_mutations() {
    let Some(dir) = common::vectors_dir("tamper_walk_of_sampled_vector_mutations") else { return };
    let subjects = vector_subjects(&dir);
    assert!(subjects.len() >= 100, "only {} verified vectors to walk", subjects.len());
    let title = format!("tamper walk: shared/vectors, every {VECTOR_SAMPLE_EVERY}th mutation");
    walk_and_report(&title, &subjects, |s| Sample {
        every: VECTOR_SAMPLE_EVERY,
        offset: offset(&s.name, VECTOR_SAMPLE_EVERY),
    });
}

#[test]
#[ignore = "exhaustive: minutes in a debug build; scripts/tamper-walk runs it in release"]
fn tamper_walk_of_every_vector_mutation() {
    let Some(dir) = common::vectors_dir("tamper_walk_of_every_vector_mutation") else { return };
    let subjects = vector_subjects(&dir);
    walk_and_report("tamper walk: shared/vectors, every mutation", &subjects, |_| Sample::ALL);
}

/// Found by the walk (`alter leaf …/proofValue` of the own `ecdsa-sd-2023` fixture and of
/// 1EdTech's `ob30/sd/derivedcredential.json`): an `ecdsa-sd-2023` proof value whose last base64url
/// symbol differed only in the bits past the last whole byte still verified — another spelling
/// of the same proof (`parse_derived` decoded with `Alphabet::UrlNoPad`; JOSE's decoding already
/// refused it). Nothing was forged (the signed data is the same), but one proof had many accepted
/// spellings; now refused as `invalid_proof_value`.
#[test]
fn an_sd_proof_value_spelled_with_bits_past_its_last_byte_is_refused() {
    let path = fixtures_dir().join("valid/open-badge-3-ecdsa-sd-2023-derived.json");
    let judge = |credential: &Value| {
        badge_verifier::verify(credential.to_string().as_bytes(), &own_options(), &Documents::new()).unwrap()
    };
    let mut credential = json_file(&path);
    assert_eq!(judge(&credential).verdict, Verdict::Verified);
    let proof_value = credential["proof"]["proofValue"].as_str().unwrap().to_owned();
    let symbols = proof_value.len() - 1; // after the multibase `u`
    assert_ne!(symbols * 6 % 8, 0, "the last symbol carries bits past the last byte");
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let last = ALPHABET.iter().position(|c| Some(c) == proof_value.as_bytes().last()).unwrap();
    let respelled = format!("{}{}", &proof_value[..symbols], char::from(ALPHABET[last ^ 1]));
    credential["proof"]["proofValue"] = Value::String(respelled);
    let report = judge(&credential);
    assert_eq!(report.verdict, Verdict::NotVerified);
    let proof = report.checks.iter().find(|c| c.id == badge_verifier::CheckId::Proof).unwrap();
    assert_eq!(proof.code, "invalid_proof_value");
}

/// The walk's proof can tell: under RDFC, renaming `id` to the keyword it aliases keeps the signed
/// data, a changed leaf does not, a changed proof value keeps the data and not the proof; under
/// JCS, the same rename changes the signed bytes. (A proof that always said "same" would let
/// every false accept through.)
#[test]
fn the_walk_tells_unchanged_signed_data_from_changed() {
    use tamper::signed_data::{of_credential, same, same_but_proof_values, Canonicaliser};
    let contexts = badge_verifier::Contexts::new();
    for by in [Canonicaliser::Library, Canonicaliser::Oracle] {
        let forms = |credential: &Value| of_credential(credential, &contexts, by).unwrap();
        let rdfc = json_file(&fixtures_dir().join("valid/vc-2.0-minimal-eddsa-rdfc-2022.json"));
        let mut renamed = rdfc.clone();
        let subject = renamed["credentialSubject"].as_object_mut().unwrap();
        let id = subject.remove("id").unwrap();
        subject.insert("@id".into(), id);
        assert!(same(&forms(&rdfc), &forms(&renamed)), "{by:?}");
        let mut altered = rdfc.clone();
        altered["credentialSubject"]["id"] = Value::String("did:example:mallory".into());
        assert!(!same(&forms(&rdfc), &forms(&altered)), "{by:?}");
        let mut resigned = rdfc.clone();
        resigned["proof"]["proofValue"] = Value::String("z2".into());
        assert!(!same(&forms(&rdfc), &forms(&resigned)), "{by:?}");
        assert!(same_but_proof_values(&forms(&rdfc), &forms(&resigned)), "{by:?}");

        let jcs = json_file(&fixtures_dir().join("valid/open-badge-3.json"));
        let mut renamed = jcs.clone();
        let subject = renamed["credentialSubject"].as_object_mut().unwrap();
        let id = subject.remove("id").unwrap();
        subject.insert("@id".into(), id);
        assert!(!same(&forms(&jcs), &forms(&renamed)), "{by:?}");
    }
}
