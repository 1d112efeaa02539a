//! The CLI contract: `verify [--json] [--now] [--offline] [--doc URL=FILE] [--jobs N] <FILE|->...`,
//! one JSON report per line in input order, exit 0 / 1 / 2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

mod common;

use std::process::{Command, Output};

use serde_json::Value;

const NOW: &str = common::fixtures::NOW;

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_badge-verifier"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn reports(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn failed_codes(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "failed")
        .map(|c| c["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn w3c_eddsa_jcs_2022_vector_is_verified() {
    let Some(dir) = common::vectors_dir("cli w3c eddsa-jcs-2022") else { return };
    let vector = dir.join("w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json");
    let output = cli(&[
        "verify",
        "--json",
        "--offline",
        "--now",
        NOW,
        "--doc",
        "https://vc.example/issuers/5678=tests/harness/vc-example-issuer-5678.json",
        vector.to_str().unwrap(),
    ]);
    let report = &reports(&output)[0];
    assert_eq!(report["verdict"], "verified", "{report:#}");
    assert_eq!(output.status.code(), Some(0));
    let ids: Vec<&str> = report["checks"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "format",
            "contexts",
            "issuer_key",
            "proof",
            "valid_from",
            "valid_until",
            "status",
            "issuer_trust",
            "recipient"
        ]
    );

    // Without the issuer's document the key cannot be bound: never verified, and it says what it needs.
    let output = cli(&["verify", "--json", "--offline", "--now", NOW, vector.to_str().unwrap()]);
    let report = &reports(&output)[0];
    assert_eq!(report["verdict"], "not_verified");
    assert_eq!(report["needs"][0], "https://vc.example/issuers/5678");
    let key = report["checks"].as_array().unwrap().iter().find(|c| c["id"] == "issuer_key").unwrap();
    assert_eq!((key["outcome"].as_str(), key["code"].as_str()), (Some("unchecked"), Some("document_unavailable")));
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn each_invalid_fixture_has_its_own_code_and_exit_1() {
    let cases = [
        ("signature_mismatch--name-changed-after-signing.json", "not_verified", "signature_mismatch"),
        (
            "key_not_bound_to_issuer--valid-signature-by-someone-elses-key.json",
            "not_verified",
            "key_not_bound_to_issuer",
        ),
        ("invalid_proof_value--signature-truncated.json", "not_verified", "invalid_proof_value"),
        ("expired--valid-until-2025.json", "expired", "expired"),
        ("not_yet_valid--valid-from-2099.json", "not_yet_valid", "not_yet_valid"),
    ];
    for (file, verdict, code) in cases {
        let path = format!("tests/fixtures/invalid/{file}");
        let output = cli(&["verify", "--json", "--now", NOW, &path]);
        let report = &reports(&output)[0];
        assert_eq!(report["verdict"], verdict, "{file}");
        assert_eq!(failed_codes(report), [code], "{file}");
        assert_eq!(output.status.code(), Some(1), "{file}");
    }
}

#[test]
fn one_line_per_input_and_exit_1_if_any_fails() {
    let output = cli(&[
        "verify",
        "--json",
        "--now",
        NOW,
        "tests/fixtures/valid/open-badge-3.json",
        "tests/fixtures/invalid/expired--valid-until-2025.json",
    ]);
    let verdicts: Vec<Value> = reports(&output).iter().map(|r| r["verdict"].clone()).collect();
    assert_eq!(verdicts, ["verified", "expired"]);
    assert_eq!(output.status.code(), Some(1));
    let only_valid = cli(&[
        "verify",
        "--json",
        "--now",
        NOW,
        "tests/fixtures/valid/open-badge-3.json",
        "tests/fixtures/valid/vc-1.1-plain.json",
    ]);
    assert_eq!(only_valid.status.code(), Some(0));
}

#[test]
fn badge_view_is_in_the_report() {
    let output = cli(&["verify", "--json", "--now", NOW, "tests/fixtures/valid/open-badge-3.json"]);
    let badge = &reports(&output)[0]["badge"];
    assert_eq!(badge["name"], "Rust Verifier Builder");
    assert_eq!(badge["issuer"]["name"], "Badge Verifier Test Issuer");
    assert_eq!(badge["achievement"]["achievementType"], "Competency");
    assert_eq!(badge["recipientName"], "Alice Example");
}

#[test]
fn input_errors_are_reports_with_verdict_error() {
    let dir = std::env::temp_dir().join(format!("bv-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"@context\": ").unwrap();
    let big = dir.join("big.json");
    std::fs::write(&big, vec![b' '; 1024 * 1024 + 10]).unwrap();
    let output = cli(&["verify", "--json", "--now", NOW, bad.to_str().unwrap(), big.to_str().unwrap()]);
    let codes: Vec<Value> = reports(&output).iter().map(|r| r["error"]["code"].clone()).collect();
    assert_eq!(codes, ["malformed_json", "input_too_large"]);
    assert!(reports(&output).iter().all(|r| r["verdict"] == "error"));
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn stdin_and_human_checklist() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_badge-verifier"))
        .args(["verify", "--now", NOW, "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let fixture =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/invalid/expired--valid-until-2025.json"))
            .unwrap();
    child.stdin.take().unwrap().write_all(&fixture).unwrap();
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("-: EXPIRED\n"), "{text}");
    assert!(text.contains("[FAIL] valid_until: valid until 2025-01-01T00:00:00Z"), "{text}");
    assert!(text.contains("[ok  ] proof: the signature matches the credential (signature_valid)"), "{text}");
}

#[test]
fn a_host_registered_context_is_trusted_only_when_registered() {
    let file = "tests/fixtures/registered-context/vc-2.0-with-a-host-registered-context.json";
    let without = cli(&["verify", "--json", "--now", NOW, file]);
    let report = &reports(&without)[0];
    assert_eq!(report["verdict"], "not_verified");
    assert!(failed_codes(report).contains(&"unknown_context".to_owned()), "{report:#}");
    let context = format!("{}=tests/harness/extra-context.jsonld", common::fixtures::EXTRA_CONTEXT_URL);
    let with = cli(&["verify", "--json", "--now", NOW, "--context", &context, file]);
    assert_eq!(reports(&with)[0]["verdict"], "verified", "{:#}", reports(&with)[0]);
    assert_eq!(with.status.code(), Some(0));
}

#[test]
fn usage_and_io_errors_exit_2() {
    for args in [
        &[][..],
        &["verify"][..],
        &["frobnicate", "x"][..],
        &["verify", "--now", "yesterday", "x"][..],
        &["verify", "--doc", "nofile", "x"][..],
        &["verify", "/no/such/file.json"][..],
    ] {
        let output = cli(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
}

/// Every valid and invalid fixture (and one file that is not JSON) several times over, shuffled
/// deterministically: a mix of verdicts, slow and fast inputs.
fn mixed_inputs() -> Vec<String> {
    let mut fixtures: Vec<String> = ["tests/fixtures/valid", "tests/fixtures/invalid"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .map(|entry| entry.unwrap().path().to_str().unwrap().to_owned())
        .filter(|path| path.ends_with(".json"))
        .collect();
    fixtures.sort();
    fixtures.push("Cargo.toml".to_owned()); // not JSON: a report with verdict error
    let mut inputs = Vec::new();
    for round in 0..6 {
        inputs.extend(fixtures.iter().cloned());
        inputs.rotate_left(round * 5 + 1);
    }
    inputs
}

#[test]
fn jobs_keep_the_input_order_and_the_output() {
    let inputs = mixed_inputs();
    let run = |jobs: &str, json: bool| {
        let mut args = vec!["verify", "--offline", "--now", NOW, "--jobs", jobs];
        if json {
            args.push("--json");
        }
        args.extend(inputs.iter().map(String::as_str));
        cli(&args)
    };
    let one = run("1", true);
    assert_eq!(one.status.code(), Some(1));
    let lines = reports(&one);
    assert_eq!(lines.len(), inputs.len());
    // Each line is the report of the input at its position (input order, whatever finished first).
    let mut alone = std::collections::HashMap::new();
    for (input, report) in inputs.iter().zip(&lines) {
        let expected = alone
            .entry(input)
            .or_insert_with(|| reports(&cli(&["verify", "--offline", "--json", "--now", NOW, input])).remove(0));
        assert_eq!(report, expected, "{input}");
    }
    let verdicts: std::collections::BTreeSet<&str> = lines.iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    assert!(verdicts.len() >= 4, "a mix of verdicts: {verdicts:?}");
    for jobs in ["2", "4", "7"] {
        let many = run(jobs, true);
        assert_eq!(many.stdout, one.stdout, "--jobs {jobs}");
        assert_eq!(many.status.code(), Some(1), "--jobs {jobs}");
    }
    assert_eq!(run("4", false).stdout, run("1", false).stdout, "the checklist too");
}

#[test]
fn jobs_keep_exit_0_when_all_verified() {
    let valid = "tests/fixtures/valid/open-badge-3.json";
    let output = cli(&["verify", "--json", "--now", NOW, "--jobs", "3", valid, valid, valid, valid, valid]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(reports(&output).len(), 5);
    let default_jobs = cli(&["verify", "--json", "--now", NOW, valid, valid, valid]);
    assert_eq!(default_jobs.status.code(), Some(0));
}

#[test]
fn jobs_stop_at_an_unreadable_input_after_printing_the_ones_before() {
    let valid = "tests/fixtures/valid/open-badge-3.json";
    let mut args = vec!["verify", "--json", "--now", NOW, "--jobs", "4", valid, valid, "/no/such/file.json"];
    args.extend([valid; 20]);
    let output = cli(&args);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(reports(&output).len(), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read /no/such/file.json"));
}

#[test]
fn bad_jobs_are_usage_errors() {
    for bad in ["0", "x", "-1", "1.5", ""] {
        let output = cli(&["verify", "--jobs", bad, "tests/fixtures/valid/open-badge-3.json"]);
        assert_eq!(output.status.code(), Some(2), "--jobs {bad:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("--jobs {bad:?} is not a number of threads")), "{stderr}");
        assert!(output.stdout.is_empty());
    }
    let missing = cli(&["verify", "tests/fixtures/valid/open-badge-3.json", "--jobs"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("a value is required for '--jobs <N>'"));
}

#[cfg(feature = "baked")]
#[test]
fn a_baked_image_gets_the_verdict_of_the_json_inside() {
    for (image, json) in [
        ("tests/fixtures/baked/open-badge-3.png", "tests/fixtures/valid/open-badge-3.json"),
        ("tests/fixtures/baked/open-badge-3.svg", "tests/fixtures/valid/open-badge-3.json"),
        (
            "tests/fixtures/baked/signature_mismatch--name-changed-after-signing.png",
            "tests/fixtures/invalid/signature_mismatch--name-changed-after-signing.json",
        ),
    ] {
        let output = cli(&["verify", "--json", "--offline", "--now", NOW, image, json]);
        let lines = reports(&output);
        let (mut from_image, from_json) = (lines[0].clone(), lines[1].clone());
        let input = if image.ends_with(".png") { "baked_png" } else { "baked_svg" };
        assert_eq!(from_image["input"], input, "{image}");
        assert!(from_json.get("input").is_none());
        from_image.as_object_mut().unwrap().remove("input");
        assert_eq!(from_image, from_json, "{image}");
        let expected = if json.contains("invalid") { Some(1) } else { Some(0) };
        assert_eq!(output.status.code(), expected, "{image}");
    }
    // An image with nothing baked in is not a credential: verdict error, with its code.
    let dir = std::env::temp_dir().join(format!("badge-verifier-cli-baked-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.svg");
    std::fs::write(&empty, "<svg xmlns='http://www.w3.org/2000/svg'><circle r='1'/></svg>").unwrap();
    let output = cli(&["verify", "--json", "--offline", "--now", NOW, empty.to_str().unwrap()]);
    let report = &reports(&output)[0];
    assert_eq!(report["verdict"], "error");
    assert_eq!(report["error"]["code"], "baked_image_no_credential");
    assert_eq!(output.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Open Badges 2.0 through the CLI, offline, with the documents its loop asks for given as
/// `--doc URL=FILE`: 1EdTech's hosted sample, its signed one, and its baked PNG.
#[cfg(all(feature = "ob2", feature = "baked"))]
#[test]
fn open_badges_2_hosted_signed_and_baked_with_their_documents() {
    let Some(vectors) = common::vectors_dir("cli open badges 2") else { return };
    let ob20 = vectors.join("1edtech-validator/ob20");
    let asset = |name: &str| ob20.join("assets").join(name).to_string_lossy().into_owned();
    let file = |name: &str| ob20.join(name).to_string_lossy().into_owned();
    let baked_copy =
        vectors.join("baked-extracted/1edtech-validator__ob20__simple-badge.png.txt").to_string_lossy().into_owned();
    let docs = |hosted: &str| {
        vec![
            format!("https://example.org/robotics-badge.json={}", asset("robotics-badge.json")),
            format!("https://example.org/organization.json={}", asset("organization.json")),
            format!("http://example.org/key1.json={}", asset("key1.json")),
            format!("https://example.org/beths-robotics-badge.json={hosted}"),
        ]
    };
    for (input, hosted, expected_input) in [
        (file("basic-assertion.json"), file("basic-assertion.json"), None),
        (file("simple.jwt"), file("basic-assertion.json"), Some("jwt")),
        (file("simple-badge.png"), baked_copy.clone(), Some("baked_png")),
    ] {
        let mut args = vec!["verify".to_owned(), "--json".into(), "--offline".into(), "--now".into(), NOW.into()];
        for doc in docs(&hosted) {
            args.extend(["--doc".to_owned(), doc]);
        }
        args.push(input.clone());
        let output = cli(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let report = &reports(&output)[0];
        assert_eq!(report["verdict"], "verified", "{input}: {report:#}");
        assert_eq!(report["input"].as_str(), expected_input, "{input}");
        assert_eq!(report["badge"]["name"], "Awesome Robotics Badge", "{input}");
        assert_eq!(output.status.code(), Some(0), "{input}");
    }
    // The assertion's URL as the input, its document given: read from the file, never fetched.
    let mut args = vec!["verify".to_owned(), "--json".into(), "--offline".into(), "--now".into(), NOW.into()];
    for doc in docs(&file("basic-assertion.json")) {
        args.extend(["--doc".to_owned(), doc]);
    }
    args.push("https://example.org/beths-robotics-badge.json".into());
    let output = cli(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(reports(&output)[0]["verdict"], "verified");
    // Offline without the documents: not verified, naming what it needs.
    let output = cli(&["verify", "--json", "--offline", "--now", NOW, &file("basic-assertion.json")]);
    let report = &reports(&output)[0];
    assert_eq!(report["verdict"], "not_verified");
    assert!(report["needs"].as_array().unwrap().iter().any(|n| n == "https://example.org/beths-robotics-badge.json"));
    assert_eq!(output.status.code(), Some(1));
    // A tampered hosted copy: the issuer's differs from the one given.
    let mut args = vec!["verify", "--json", "--offline", "--now", NOW];
    let tampered_docs = docs(&baked_copy);
    for doc in &tampered_docs {
        args.extend(["--doc", doc.as_str()]);
    }
    let input = file("basic-assertion.json");
    args.push(&input);
    let report = &reports(&cli(&args))[0];
    assert_eq!(failed_codes(report), ["ob2_hosted_mismatch"]);
}

/// `--challenge` and `--domain` judge a presentation's proof; `--json` carries each member's
/// report under `members`, and the checklist lists them under the presentation's.
#[test]
fn a_presentation_with_challenge_and_domain() {
    use common::fixtures::presentation::{challenge_and_domain, held, holder_key, members, presentation};
    use common::fixtures::presentation::{CHALLENGE, DOMAIN};
    let mut enclosed = members();
    enclosed[1]["name"] = serde_json::json!("Changed before presenting");
    let vp = held(presentation(enclosed), &holder_key(), challenge_and_domain());
    let path = std::env::temp_dir().join(format!("badge-verifier-cli-vp-{}.json", std::process::id()));
    std::fs::write(&path, vp.to_string()).unwrap();
    let file = path.to_str().unwrap();
    let output = cli(&["verify", "--json", "--now", NOW, "--challenge", CHALLENGE, "--domain", DOMAIN, file]);
    let report = &reports(&output)[0];
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(report["verdict"], "not_verified");
    assert_eq!(failed_codes(report), ["member_not_verified"]);
    assert_eq!(report["members"]["summary"], "2 of 3 verified, 1 not verified");
    assert_eq!(failed_codes(&report["members"]["reports"][1]), ["signature_mismatch"]);
    let wrong = cli(&["verify", "--json", "--now", NOW, "--challenge", "other", "--domain", DOMAIN, file]);
    assert!(failed_codes(&reports(&wrong)[0]).contains(&"challenge_mismatch".to_owned()));
    let text = cli(&["verify", "--now", NOW, "--challenge", CHALLENGE, "--domain", DOMAIN, file]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("presentation: 2 of 3 verified, 1 not verified"), "{text}");
    assert!(text.contains("  #1 NOT VERIFIED: Changed before presenting"), "{text}");
    std::fs::remove_file(&path).unwrap();
}

/// `--json` carries each endorsement's report under `endorsements`; the checklist says "endorsed
/// by N" and lists each endorsement under the badge's lines (which stay as they were).
#[test]
fn a_badge_with_endorsements() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/endorsements/endorsement_not_verified--comment-changed-after-signing.json"
    );
    let output = cli(&["verify", "--json", "--now", NOW, file]);
    let report = &reports(&output)[0];
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(report["verdict"], "verified_with_warnings");
    assert_eq!(report["endorsements"]["summary"], "1 of 2 verified, 1 not verified");
    assert_eq!(report["endorsements"]["reports"][0]["endorses"]["target"], "achievement");
    assert_eq!(failed_codes(&report["endorsements"]["reports"][1]), ["signature_mismatch"]);
    let text = cli(&["verify", "--now", NOW, file]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("  [ok  ] proof: the signature matches the credential (signature_valid)"), "{text}");
    assert!(text.contains("  [warn] endorsements: not every endorsement is verified"), "{text}");
    assert!(text.contains("  endorsed by 1: 1 of 2 verified, 1 not verified"), "{text}");
    assert!(text.contains("    #0 VERIFIED: Example Accreditation Body endorses the achievement"), "{text}");
    assert!(text.contains("    #1 NOT VERIFIED: Example Accreditation Body endorses the achievement"), "{text}");
}
