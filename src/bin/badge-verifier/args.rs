//! The command line, parsed by `clap`: `verify [OPTIONS] <FILE|DIR|URL|->...`,
//! `inspect <FILE|->`, `completions <SHELL>`. Only the syntax is checked here; files are read
//! (and their errors reported) by `main`, directories walked by `inputs`.

use std::time::Duration;

use badge_verifier::Timestamp;
use clap::{Args as ClapArgs, Parser, Subcommand};

use crate::fetch::REQUEST_TIMEOUT;
use crate::url::OriginMap;

const EXIT_STATUS: &str = "\
exit status: 0 every input verified (verified or verified_with_warnings), 1 some input not
verified (not_verified, revoked, suspended, expired, error, ...), 2 usage or I/O error";

const VERIFY_AFTER: &str = "\
A directory is walked recursively: every .json, .jsonld, .jwt, .jws, .png and .svg file in it
(hidden files and folders skipped), in path order. With more than one input, a summary of the
verdicts ends the run on stderr, and a progress bar shows there while stderr is a terminal.

fetching: https only (plain http only to localhost / 127.0.0.0/8 / [::1]), at most 1 MiB per
document, at most 3 redirects (never https to http), no cookies. An input may be an https URL.

exit status: 0 every input verified (verified or verified_with_warnings), 1 some input not
verified (not_verified, revoked, suspended, expired, error, ...), 2 usage or I/O error";

/// badge-verifier: verifies Open Badges and W3C Verifiable Credentials.
#[derive(Parser)]
#[command(name = "badge-verifier", version, about, after_help = EXIT_STATUS, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What to do.
#[derive(Subcommand)]
pub(crate) enum Command {
    /// Verify each credential (files, directories, URLs, or - for stdin) and print its checklist.
    ///
    /// Fetches what the verification needs (DID documents, issuer profiles, status lists) unless
    /// --offline.
    #[command(after_help = VERIFY_AFTER)]
    Verify(Box<Args>),
    /// Print what a credential claims, without judging it: nothing is verified or fetched.
    Inspect {
        /// The credential: JSON, a JWT, a baked PNG or SVG, or - for stdin.
        #[arg(value_name = "FILE|-")]
        input: String,
        /// Print the claims as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// What `verify` was asked to do.
#[derive(ClapArgs)]
pub(crate) struct Args {
    /// One JSON report per input, one per line.
    #[arg(long)]
    pub(crate) json: bool,
    /// Judge validity at this instant (default: the system clock).
    #[arg(long, value_name = "RFC3339", value_parser = now)]
    pub(crate) now: Option<Timestamp>,
    /// Fetch nothing (documents only from --doc).
    #[arg(long)]
    pub(crate) offline: bool,
    /// Use FILE as the document at URL or DID, never fetching it (repeatable).
    #[arg(long = "doc", value_name = "URL=FILE", value_parser = pair)]
    pub(crate) documents: Vec<(String, String)>,
    /// Trust FILE as the JSON-LD context at URL, beside the bundled ones (repeatable).
    #[arg(long = "context", value_name = "URL=FILE", value_parser = pair)]
    pub(crate) contexts: Vec<(String, String)>,
    /// Trust this issuer (id, DID or https origin); with any, others fail issuer_trust (repeatable).
    #[arg(long = "trusted-issuer", value_name = "ID")]
    pub(crate) trusted_issuers: Vec<String>,
    /// Trust the issuers in FILE, a JSON array of strings (repeatable).
    #[arg(long = "trusted-issuers", value_name = "FILE")]
    pub(crate) trusted_issuer_files: Vec<String>,
    /// Check the credential was issued to VALUE (e-mail, URL, phone, DID ...).
    #[arg(long, value_name = "VALUE")]
    pub(crate) recipient: Option<String>,
    /// A presentation's proof must carry this challenge (the nonce you gave the holder).
    #[arg(long, value_name = "NONCE")]
    pub(crate) challenge: Option<String>,
    /// A presentation's proof must be made for this domain (your origin or name).
    #[arg(long, value_name = "DOMAIN")]
    pub(crate) domain: Option<String>,
    /// Send requests for origin FROM to TO instead: mirrors, tests (repeatable).
    #[arg(long = "map-origin", value_name = "FROM=TO")]
    map_origins: Vec<String>,
    /// The origin map built from --map-origin.
    #[arg(skip)]
    pub(crate) map: OriginMap,
    /// Whole-request timeout per document, in seconds (default 10; connecting: at most 5).
    #[arg(long = "timeout", value_name = "SECONDS", value_parser = timeout, allow_hyphen_values = true)]
    timeout_given: Option<Duration>,
    /// The timeout: --timeout, else the default.
    #[arg(skip = REQUEST_TIMEOUT)]
    pub(crate) timeout: Duration,
    /// Verify N inputs at a time on N threads (default: every available core); the output keeps
    /// the order of the inputs.
    #[arg(long, value_name = "N", value_parser = jobs, allow_hyphen_values = true)]
    pub(crate) jobs: Option<usize>,
    /// The credentials: files, directories (walked recursively), https URLs, or - for stdin.
    #[arg(value_name = "FILE|DIR|URL|-", required = true)]
    pub(crate) inputs: Vec<String>,
}

/// Parses the arguments after the program name.
///
/// # Errors
/// clap's error (usage, `--help`, `--version`: `clap::Error::exit` prints it with the right
/// status), or a message for stderr (exit status 2).
pub(crate) fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, Problem> {
    let cli = Cli::try_parse_from(std::iter::once("badge-verifier".to_owned()).chain(args)).map_err(Problem::Clap)?;
    match cli.command {
        Command::Verify(mut args) => {
            if let Some(timeout) = args.timeout_given {
                args.timeout = timeout;
            }
            for spec in std::mem::take(&mut args.map_origins) {
                args.map.add(&spec).map_err(Problem::Message)?;
            }
            Ok(Command::Verify(args))
        }
        other => Ok(other),
    }
}

/// Why the command line was not run.
pub(crate) enum Problem {
    /// clap's own (it knows its exit status: 0 for `--help`, 2 for usage errors).
    Clap(clap::Error),
    /// Ours, for stderr (exit status 2).
    Message(String),
}

/// The `clap::Command`, for completions.
pub(crate) fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// `--now`: an RFC 3339 date-time with a time zone.
fn now(value: &str) -> Result<Timestamp, String> {
    Timestamp::parse(value).ok_or_else(|| format!("--now {value:?} is not an RFC 3339 date-time with a time zone"))
}

/// `KEY=FILE`.
fn pair(value: &str) -> Result<(String, String), String> {
    let (key, file) = value.split_once('=').ok_or_else(|| format!("{value:?} is not URL=FILE"))?;
    Ok((key.to_owned(), file.to_owned()))
}

/// `--timeout`: seconds, fractions allowed, more than 0 and at most an hour.
fn timeout(value: &str) -> Result<Duration, String> {
    value
        .parse::<f64>()
        .ok()
        .filter(|s| *s > 0.0 && *s <= 3600.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| format!("--timeout {value:?} is not a number of seconds between 0 and 3600"))
}

/// `--jobs`: a whole number of threads, at least 1.
fn jobs(value: &str) -> Result<usize, String> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| format!("--jobs {value:?} is not a number of threads (a whole number, 1 or more)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, Problem> {
        parse(list.iter().map(|s| (*s).to_owned()))
    }

    fn verify(list: &[&str]) -> Args {
        match args(list) {
            Ok(Command::Verify(args)) => *args,
            _ => panic!("{list:?} did not parse"),
        }
    }

    #[test]
    fn the_command_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn defaults_are_online_with_ten_seconds() {
        let parsed = verify(&["verify", "x.json"]);
        assert!(!parsed.offline && !parsed.json);
        assert_eq!(parsed.timeout, Duration::from_secs(10));
        assert_eq!(parsed.timeout, REQUEST_TIMEOUT);
        assert_eq!(parsed.jobs, None);
        assert!(parsed.trusted_issuers.is_empty() && parsed.recipient.is_none());
    }

    #[test]
    fn every_flag_parses() {
        let parsed = verify(&[
            "verify",
            "--timeout",
            "1.5",
            "--jobs",
            "3",
            "--trusted-issuer",
            "did:web:a.example",
            "--trusted-issuer",
            "https://b.example",
            "--trusted-issuers",
            "list.json",
            "--recipient",
            "mailto:alice@example.org",
            "--map-origin",
            "https://a.example=http://127.0.0.1:9",
            "--doc",
            "did:web:a.example=a.json",
            "--now",
            "2026-06-01T00:00:00Z",
            "https://c.example/badge.json",
            "-",
        ]);
        assert_eq!(parsed.timeout, Duration::from_millis(1500));
        assert_eq!(parsed.jobs, Some(3));
        assert_eq!(parsed.trusted_issuers, ["did:web:a.example", "https://b.example"]);
        assert_eq!(parsed.trusted_issuer_files, ["list.json"]);
        assert_eq!(parsed.recipient.as_deref(), Some("mailto:alice@example.org"));
        assert_eq!(parsed.documents, [("did:web:a.example".to_owned(), "a.json".to_owned())]);
        assert_eq!(parsed.now, Timestamp::parse("2026-06-01T00:00:00Z"));
        assert_eq!(parsed.inputs, ["https://c.example/badge.json", "-"]);
    }

    #[test]
    fn inspect_and_completions_parse() {
        assert!(matches!(args(&["inspect", "x.json"]), Ok(Command::Inspect { json: false, .. })));
        assert!(matches!(args(&["inspect", "--json", "-"]), Ok(Command::Inspect { json: true, .. })));
        assert!(matches!(args(&["completions", "bash"]), Ok(Command::Completions { .. })));
        assert!(args(&["completions", "tcsh"]).is_err());
    }

    #[test]
    fn bad_values_are_usage_errors() {
        for bad in [
            &["verify", "--timeout", "0", "x"][..],
            &["verify", "--timeout", "-1", "x"][..],
            &["verify", "--timeout", "NaN", "x"][..],
            &["verify", "--timeout", "soon", "x"][..],
            &["verify", "--timeout"][..],
            &["verify", "--jobs", "0", "x"][..],
            &["verify", "--jobs", "x", "x"][..],
            &["verify", "--jobs", "-2", "x"][..],
            &["verify", "--jobs"][..],
            &["verify", "--recipient"][..],
            &["verify", "--now", "2026-06-01", "x"][..],
            &["verify", "--map-origin", "https://a.example=http://b.example", "x"][..],
            &["verify", "--map-origin", "https://a.example", "x"][..],
            &["verify", "--doc", "nofile", "x"][..],
            &["verify", "--frobnicate", "x"][..],
            &["verify", "--offline"][..],
            &["frobnicate"][..],
            &[][..],
        ] {
            assert!(args(bad).is_err(), "{bad:?}");
        }
    }
}
