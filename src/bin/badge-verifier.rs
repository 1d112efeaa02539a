//! `badge-verifier verify [OPTIONS] <FILE|->...`: the native CLI over the same core.
//!
//! Exit status: 0 every input verified, 1 some input not verified, 2 usage or I/O error.

use std::io::{Read, Write};
use std::process::ExitCode;

use badge_verifier::{verify, Documents, Error, Limits, Options, Outcome, Report, Timestamp, Verdict};

const USAGE: &str = "\
usage: badge-verifier verify [OPTIONS] <FILE|->...

Verifies each credential and prints its checklist.

options:
  --json               one JSON report per input, one per line
  --now <RFC3339>      judge validity at this instant (default: the system clock)
  --offline            fetch nothing
  --doc <URL=FILE>     use FILE as the document at URL or DID (repeatable): tests, air-gapped use
  --context <URL=FILE> trust FILE as the JSON-LD context at URL, beside the bundled ones (repeatable)
  -h, --help           this text

exit status: 0 every input verified, 1 some input not verified, 2 usage or I/O error";

struct Args {
    json: bool,
    now: Option<Timestamp>,
    offline: bool,
    documents: Vec<(String, String)>,
    contexts: Vec<(String, String)>,
    inputs: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(all_verified) => ExitCode::from(if all_verified { 0 } else { 1 }),
        Err(message) => {
            eprintln!("badge-verifier: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<bool, String> {
    let args = parse_args(args)?;
    let now = match args.now {
        Some(now) => now,
        None => system_now()?,
    };
    let mut options = Options::at(now);
    for (url, file) in &args.contexts {
        let bytes = std::fs::read(file).map_err(|e| format!("--context {url}: cannot read {file}: {e}"))?;
        options.contexts.register(url, &bytes).map_err(|e| format!("--context {url}: {file}: {e}"))?;
    }
    let mut documents = Documents::new();
    for (id, file) in &args.documents {
        let bytes = std::fs::read(file).map_err(|e| format!("--doc {id}: cannot read {file}: {e}"))?;
        documents.insert_json(id, &bytes, &Limits::default()).map_err(|e| format!("--doc {id}: {file}: {e}"))?;
    }
    let mut all_verified = true;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for input in &args.inputs {
        let bytes = read_input(input)?;
        let result = verify(&bytes, &options, &documents);
        let verified =
            matches!(&result, Ok(r) if matches!(r.verdict, Verdict::Verified | Verdict::VerifiedWithWarnings));
        all_verified &= verified;
        let text = if args.json { json_line(&result) } else { checklist(input, &result, args.offline) };
        writeln!(out, "{text}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(all_verified)
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut rest = args.iter();
    match rest.next().map(String::as_str) {
        Some("verify") => {}
        Some("-h" | "--help") => {
            println!("{USAGE}");
            std::process::exit(0);
        }
        Some(other) => return Err(format!("unknown command {other:?}\n\n{USAGE}")),
        None => return Err(USAGE.to_owned()),
    }
    let mut parsed = Args {
        json: false,
        now: None,
        offline: false,
        documents: Vec::new(),
        contexts: Vec::new(),
        inputs: Vec::new(),
    };
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--offline" => parsed.offline = true,
            "--now" => {
                let value = rest.next().ok_or("--now needs a value")?;
                parsed.now = Some(
                    Timestamp::parse(value)
                        .ok_or_else(|| format!("--now {value:?} is not an RFC 3339 date-time with a time zone"))?,
                );
            }
            "--doc" => {
                let value = rest.next().ok_or("--doc needs URL=FILE")?;
                let (id, file) = value.split_once('=').ok_or_else(|| format!("--doc {value:?} is not URL=FILE"))?;
                parsed.documents.push((id.to_owned(), file.to_owned()));
            }
            "--context" => {
                let value = rest.next().ok_or("--context needs URL=FILE")?;
                let (url, file) =
                    value.split_once('=').ok_or_else(|| format!("--context {value:?} is not URL=FILE"))?;
                parsed.contexts.push((url.to_owned(), file.to_owned()));
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "-" => parsed.inputs.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag:?}\n\n{USAGE}")),
            _ => parsed.inputs.push(arg.clone()),
        }
    }
    if parsed.inputs.is_empty() {
        return Err(format!("no input given\n\n{USAGE}"));
    }
    Ok(parsed)
}

fn system_now() -> Result<Timestamp, String> {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| "the system clock is before 1970; pass --now")?;
    Ok(Timestamp::from_unix_seconds(i64::try_from(since.as_secs()).unwrap_or(i64::MAX)))
}

fn read_input(input: &str) -> Result<Vec<u8>, String> {
    let limit = Limits::default().max_input_bytes as u64;
    let mut bytes = Vec::new();
    // Read one byte past the cap so the core can report `input_too_large` without a huge read.
    let result = if input == "-" {
        std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(input).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read {input}: {e}"))?;
    Ok(bytes)
}

fn json_line(result: &Result<Report, Error>) -> String {
    let value = match result {
        Ok(report) => serde_json::to_value(report),
        Err(error) => Ok(serde_json::json!({
            "verdict": "error",
            "checks": [],
            "error": {"code": error.code(), "message": error.to_string()},
        })),
    };
    value.map(|v| v.to_string()).unwrap_or_else(|e| {
        format!("{{\"verdict\":\"error\",\"error\":{{\"code\":\"internal\",\"message\":{:?}}}}}", e.to_string())
    })
}

fn checklist(input: &str, result: &Result<Report, Error>, offline: bool) -> String {
    let report = match result {
        Ok(report) => report,
        Err(error) => return format!("{input}: ERROR ({})\n  {error}\n", error.code()),
    };
    let verdict =
        serde_json::to_value(report.verdict).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let mut text = format!("{input}: {}\n", verdict.replace('_', " ").to_uppercase());
    for check in &report.checks {
        let mark = match check.outcome {
            Outcome::Passed => "ok  ",
            Outcome::Failed => "FAIL",
            Outcome::Warning => "warn",
            Outcome::Unchecked => "??  ",
            Outcome::NotApplicable => "n/a ",
            _ => "?   ",
        };
        let id = serde_json::to_value(check.id).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let which = check.proof.map(|i| format!(" #{i}")).unwrap_or_default();
        text.push_str(&format!("  [{mark}] {id}{which}: {} ({})\n", check.message, check.code));
    }
    for need in &report.needs {
        let why = if offline { "--offline" } else { "this build does not fetch yet" };
        text.push_str(&format!("  needs {need} ({why}): pass --doc {need}=FILE\n"));
    }
    text
}
