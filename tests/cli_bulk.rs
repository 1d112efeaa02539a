//! The CLI over many inputs: a directory tree of mixed inputs (JSON, JWT, baked PNG and SVG, files
//! it must skip) verified with a correct summary, the progress bar on a terminal and never
//! elsewhere; `inspect` (claims, not judged); `completions`; `--help` per subcommand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(all(feature = "cli", feature = "full", not(target_arch = "wasm32")))]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const NOW: &str = common::fixtures::NOW;
const BIN: &str = env!("CARGO_BIN_EXE_badge-verifier");

fn cli(args: &[&str]) -> Output {
    Command::new(BIN).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh folder under the system's temp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bv-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A tree of every fixture kind, some nested, plus files the walk must skip.
fn mixed_tree(dir: &Path) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut taken = Vec::new();
    for (from, to) in [("valid", "json"), ("invalid", "json/invalid"), ("jwt", "jwt"), ("baked", "images/baked")] {
        for entry in std::fs::read_dir(root.join(from)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() && path.extension().is_none_or(|e| e != "md") {
                let target = dir.join(to).join(path.file_name().unwrap());
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::copy(&path, &target).unwrap();
                taken.push(target);
            }
        }
    }
    for skipped in ["notes.txt", ".hidden/open-badge-3.json", "json/.backup.json", "README.md"] {
        let path = dir.join(skipped);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "{}").unwrap();
    }
    taken.sort();
    taken
}

#[test]
fn a_folder_tree_of_mixed_inputs_is_verified_with_a_correct_summary() {
    let dir = scratch("bulk");
    let files = mixed_tree(&dir);
    assert!(files.len() > 30, "{}", files.len());
    let output = cli(&["verify", "--offline", "--json", "--now", NOW, "--jobs", "2", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let lines: Vec<Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), files.len(), "one report per credential file, none for the skipped ones");
    // Each line is the report of the file at its place in path order, as when verified alone.
    let mut tally = BTreeMap::<String, usize>::new();
    for (file, report) in files.iter().zip(&lines) {
        let alone = cli(&["verify", "--offline", "--json", "--now", NOW, file.to_str().unwrap()]);
        let expected: Value = serde_json::from_slice(&alone.stdout).unwrap();
        assert_eq!(report, &expected, "{}", file.display());
        *tally.entry(report["verdict"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    assert!(tally.len() >= 4, "a mix of verdicts: {tally:?}");
    // The summary: every verdict counted, on stderr, stdout left to the JSON lines.
    let summary = stderr(&output);
    let summary = summary.lines().last().unwrap();
    assert!(summary.starts_with(&format!("{} inputs: ", files.len())), "{summary}");
    for (verdict, count) in &tally {
        assert!(summary.contains(&format!("{count} {verdict}")), "{summary} lacks {count} {verdict}");
    }
    let counted: usize = summary
        .split(": ")
        .nth(1)
        .unwrap()
        .split(", ")
        .map(|part| part.split(' ').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(counted, files.len(), "{summary}");
    // Not a terminal: no progress bar drawn, only the summary.
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));

    // Only the valid folder: every input verified, exit 0.
    let valid = cli(&[
        "verify",
        "--offline",
        "--now",
        NOW,
        dir.join("json").join("open-badge-3.json").to_str().unwrap(),
        dir.join("jwt").join("open-badge-3.jwt").to_str().unwrap(),
    ]);
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
    assert_eq!(stderr(&valid).trim(), "2 inputs: 2 verified");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_without_credentials_or_unreadable_is_an_error() {
    let dir = scratch("empty");
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    let output = cli(&["verify", "--offline", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no credential files"), "{}", stderr(&output));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// On a terminal (a pseudo-terminal from util-linux `script`), the bar is drawn on stderr while
/// the run goes, then cleared; the summary stays.
#[test]
fn progress_shows_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        panic!("util-linux `script` is needed to give the CLI a terminal (apt-get install -y bsdutils)");
    }
    let dir = scratch("progress");
    let files = mixed_tree(&dir);
    let command = format!("{BIN} verify --offline --now {NOW} --jobs 1 {} >/dev/null", dir.display());
    let output = Command::new("script").args(["-qec", &command, "/dev/null"]).output().unwrap();
    let seen = String::from_utf8_lossy(&output.stdout);
    assert!(seen.contains("verified or judged"), "no progress bar on a terminal: {seen:?}");
    assert!(seen.contains(&format!("/{}", files.len())), "{seen:?}");
    assert!(seen.contains(&format!("{} inputs: ", files.len())), "{seen:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inspect_prints_claims_without_judging() {
    let output =
        cli(&["inspect", "--json", "tests/fixtures/invalid/signature_mismatch--name-changed-after-signing.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let claims: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(claims["judged"], false);
    assert_eq!(claims["kind"], "credential");
    assert!(claims["claims"]["name"].is_string(), "{claims:#}");
    assert_eq!(claims["proofs"][0]["cryptosuite"], "eddsa-jcs-2022");
    // A JWT and a baked image read the same way; the people's text says it is not verified.
    for input in ["tests/fixtures/jwt/open-badge-3.jwt", "tests/fixtures/baked/open-badge-3.png"] {
        let text = cli(&["inspect", input]);
        assert_eq!(text.status.code(), Some(0), "{input}: {}", stderr(&text));
        let shown = String::from_utf8_lossy(&text.stdout);
        assert!(shown.contains("NOT VERIFIED") && shown.contains("issuer: Badge Verifier Test Issuer"), "{shown}");
    }
    let not_a_credential = cli(&["inspect", "Cargo.toml"]);
    assert_eq!(not_a_credential.status.code(), Some(1));
    assert!(stderr(&not_a_credential).contains("malformed_json"), "{}", stderr(&not_a_credential));
    assert_eq!(cli(&["inspect", "/no/such/file.json"]).status.code(), Some(2));
}

#[test]
fn completions_and_help_per_subcommand() {
    let bash = cli(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    let script = String::from_utf8_lossy(&bash.stdout);
    assert!(script.contains("badge-verifier") && script.contains("--offline") && script.contains("inspect"));
    for (args, needle) in [
        (&["verify", "--help"][..], "--trusted-issuers"),
        (&["inspect", "--help"][..], "without judging"),
        (&["help", "verify"][..], "--map-origin"),
        (&["--help"][..], "completions"),
    ] {
        let output = cli(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stdout).contains(needle), "{args:?}");
    }
    assert_eq!(cli(&["--version"]).status.code(), Some(0));
}
