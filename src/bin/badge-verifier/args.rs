//! The command line: `verify [OPTIONS] <FILE|URL|->...`, parsed into `Args`. Only the syntax is
//! checked here; files are read (and their errors reported) by `main`.

use std::time::Duration;

use badge_verifier::Timestamp;

use crate::fetch::REQUEST_TIMEOUT;
use crate::url::OriginMap;

pub(crate) const USAGE: &str = "\
usage: badge-verifier verify [OPTIONS] <FILE|URL|->...

Verifies each credential and prints its checklist. Fetches what the verification needs (DID
documents, issuer profiles, status lists) unless --offline.

options:
  --json                   one JSON report per input, one per line
  --now <RFC3339>          judge validity at this instant (default: the system clock)
  --offline                fetch nothing (documents only from --doc)
  --doc <URL=FILE>         use FILE as the document at URL or DID, never fetching it (repeatable)
  --context <URL=FILE>     trust FILE as the JSON-LD context at URL, beside the bundled ones (repeatable)
  --trusted-issuer <ID>    trust this issuer (id, DID or origin); with any, others fail issuer_trust (repeatable)
  --trusted-issuers <FILE> trust the issuers in FILE, a JSON array of strings
  --recipient <VALUE>      check the credential was issued to VALUE (e-mail, URL, phone, DID ...)
  --map-origin <FROM=TO>   send requests for origin FROM to TO instead: mirrors, tests (repeatable)
  --timeout <SECONDS>      whole-request timeout per document (default 10; connecting: at most 5)
  --jobs <N>               verify N inputs at a time on N threads (default: every available core);
                           the output keeps the order of the inputs
  -h, --help               this text

fetching: https only (plain http only to localhost / 127.0.0.0/8 / [::1]), at most 1 MiB per
document, at most 3 redirects (never https to http), no cookies. An input may be an https URL.

exit status: 0 every input verified, 1 some input not verified, 2 usage or I/O error";

/// What the command line asked for.
pub(crate) struct Args {
    pub(crate) json: bool,
    pub(crate) now: Option<Timestamp>,
    pub(crate) offline: bool,
    /// `--doc` id and file, in order.
    pub(crate) documents: Vec<(String, String)>,
    /// `--context` URL and file, in order.
    pub(crate) contexts: Vec<(String, String)>,
    /// `--trusted-issuer` values.
    pub(crate) trusted_issuers: Vec<String>,
    /// `--trusted-issuers` files.
    pub(crate) trusted_issuer_files: Vec<String>,
    pub(crate) recipient: Option<String>,
    pub(crate) map: OriginMap,
    pub(crate) timeout: Duration,
    /// `--jobs`; `None`: every available core.
    pub(crate) jobs: Option<usize>,
    pub(crate) inputs: Vec<String>,
}

/// What to do.
pub(crate) enum Command {
    Verify(Box<Args>),
    Help,
}

/// Parses the arguments after the program name.
///
/// # Errors
/// A message for stderr (exit status 2).
pub(crate) fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    // Taken by value: the inputs are moved into `Args`, never copied (10,000 names stay one list).
    let mut rest = args.into_iter();
    match rest.next().as_deref() {
        Some("verify") => {}
        Some("-h" | "--help") => return Ok(Command::Help),
        Some(other) => return Err(format!("unknown command {other:?}\n\n{USAGE}")),
        None => return Err(USAGE.to_owned()),
    }
    let mut parsed = Args {
        json: false,
        now: None,
        offline: false,
        documents: Vec::new(),
        contexts: Vec::new(),
        trusted_issuers: Vec::new(),
        trusted_issuer_files: Vec::new(),
        recipient: None,
        map: OriginMap::default(),
        timeout: REQUEST_TIMEOUT,
        jobs: None,
        inputs: Vec::new(),
    };
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| rest.next().ok_or_else(|| format!("{arg} needs {what}"));
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--offline" => parsed.offline = true,
            "--now" => {
                let value = value("a value")?;
                parsed.now = Some(
                    Timestamp::parse(&value)
                        .ok_or_else(|| format!("--now {value:?} is not an RFC 3339 date-time with a time zone"))?,
                );
            }
            "--doc" => parsed.documents.push(pair("--doc", &value("URL=FILE")?, "URL=FILE")?),
            "--context" => parsed.contexts.push(pair("--context", &value("URL=FILE")?, "URL=FILE")?),
            "--trusted-issuer" => parsed.trusted_issuers.push(value("an issuer id")?),
            "--trusted-issuers" => parsed.trusted_issuer_files.push(value("a FILE")?),
            "--recipient" => parsed.recipient = Some(value("a value")?),
            "--map-origin" => parsed.map.add(&value("FROM=TO")?)?,
            "--timeout" => parsed.timeout = timeout(&value("SECONDS")?)?,
            "--jobs" => parsed.jobs = Some(jobs(&value("a number of threads")?)?),
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag:?}\n\n{USAGE}"));
            }
            _ => parsed.inputs.push(arg),
        }
    }
    if parsed.inputs.is_empty() {
        return Err(format!("no input given\n\n{USAGE}"));
    }
    Ok(Command::Verify(Box::new(parsed)))
}

fn pair(flag: &str, value: &str, shape: &str) -> Result<(String, String), String> {
    let (key, file) = value.split_once('=').ok_or_else(|| format!("{flag} {value:?} is not {shape}"))?;
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

    fn args(list: &[&str]) -> Result<Command, String> {
        parse(list.iter().map(|s| (*s).to_owned()))
    }

    fn verify(list: &[&str]) -> Args {
        match args(list) {
            Ok(Command::Verify(args)) => *args,
            _ => panic!("{list:?} did not parse"),
        }
    }

    #[test]
    fn defaults_are_online_with_ten_seconds() {
        let parsed = verify(&["verify", "x.json"]);
        assert!(!parsed.offline && !parsed.json);
        assert_eq!(parsed.timeout, Duration::from_secs(10));
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
            "https://c.example/badge.json",
            "-",
        ]);
        assert_eq!(parsed.timeout, Duration::from_millis(1500));
        assert_eq!(parsed.jobs, Some(3));
        assert_eq!(parsed.trusted_issuers, ["did:web:a.example", "https://b.example"]);
        assert_eq!(parsed.trusted_issuer_files, ["list.json"]);
        assert_eq!(parsed.recipient.as_deref(), Some("mailto:alice@example.org"));
        assert_eq!(parsed.documents, [("did:web:a.example".to_owned(), "a.json".to_owned())]);
        assert_eq!(parsed.inputs, ["https://c.example/badge.json", "-"]);
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
            &["verify", "--map-origin", "https://a.example=http://b.example", "x"][..],
            &["verify", "--map-origin", "https://a.example", "x"][..],
            &["verify", "--doc", "nofile", "x"][..],
            &["verify", "--frobnicate", "x"][..],
            &["verify", "--offline"][..],
        ] {
            assert!(args(bad).is_err(), "{bad:?}");
        }
    }
}
