//! `badge-verifier verify [OPTIONS] <FILE|DIR|URL|->...`: the native CLI over the same core. It
//! drives the core's verification loop and fetches what it asks for (see `fetch` for the policy),
//! unless `--offline`; documents given with `--doc` are used and never fetched (an input URL among
//! them too: it is read from its file). Directories are walked (`inputs`); many inputs end with a
//! summary and show a progress bar on a terminal (`summary`). `inspect FILE` prints what a
//! credential claims without judging it; `completions SHELL` prints a completion script.
//!
//! Exit status: 0 every input verified, 1 some input not verified, 2 usage or I/O error.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod drive;
#[cfg(not(target_arch = "wasm32"))]
mod fetch;
#[cfg(not(target_arch = "wasm32"))]
mod inputs;
#[cfg(not(target_arch = "wasm32"))]
mod inspect;
#[cfg(not(target_arch = "wasm32"))]
mod jobs;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod summary;
#[cfg(not(target_arch = "wasm32"))]
mod url;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The CLI is native only; on wasm32 there is nothing to run (the crate's bins still build there).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::{BufWriter, IsTerminal, Read, Write};
    use std::process::ExitCode;

    use std::collections::HashSet;

    use badge_verifier::{Documents, Error, Limits, Options, Report, Timestamp, Unavailable};

    use crate::args::{self, Args, Command, Problem};
    use crate::fetch::Fetcher;
    use crate::output::{self, Fetched};
    use crate::summary::{self, Tally};
    use crate::{drive, inputs, inspect};

    /// One input's outcome, from a worker to the writer.
    enum Done {
        /// Its output and its verdict's name.
        Text(String, &'static str),
        /// Something was fetched for it: the input, its result and fetch log, its verdict's name.
        Fetched(String, Box<Result<Report, Error>>, Vec<Fetched>, &'static str),
    }

    pub(crate) fn main() -> ExitCode {
        let command = match args::parse(std::env::args().skip(1)) {
            Ok(command) => command,
            Err(Problem::Clap(error)) => {
                // `--help` and `--version` are "errors" too, printed to stdout with status 0.
                let _ = error.print();
                return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
            }
            Err(Problem::Message(message)) => return fail(&message),
        };
        let result = match command {
            Command::Verify(args) => verify(*args),
            Command::Inspect { input, json } => inspect(&input, json),
            Command::Completions { shell } => {
                clap_complete::generate(shell, &mut args::command(), "badge-verifier", &mut std::io::stdout());
                Ok(true)
            }
        };
        match result {
            Ok(all_verified) => ExitCode::from(if all_verified { 0 } else { 1 }),
            Err(message) => fail(&message),
        }
    }

    fn fail(message: &str) -> ExitCode {
        eprintln!("badge-verifier: {message}");
        ExitCode::from(2)
    }

    /// `inspect`: the claims, or exit 1 when the input is not a credential.
    fn inspect(input: &str, json: bool) -> Result<bool, String> {
        let bytes = read_input(input, None, &Limits::default())?;
        match inspect::claims(&bytes) {
            Ok(claims) => {
                if json {
                    println!("{claims}");
                } else {
                    print!("{}", inspect::text(input, &claims));
                }
                Ok(true)
            }
            Err(message) => {
                eprintln!("badge-verifier: {input}: {message}");
                Ok(false)
            }
        }
    }

    fn verify(mut args: Args) -> Result<bool, String> {
        args.inputs = inputs::expand(std::mem::take(&mut args.inputs))?;
        if args.inputs.is_empty() {
            return Err("no credential files in the folders given".to_owned());
        }
        let options = options(&args)?;
        let documents = documents(&args)?;
        let fetcher = (!args.offline).then(|| Fetcher::new(args.timeout, args.map.clone()));
        let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
        let mut all_verified = true;
        let stdout = std::io::stdout();
        // One write per batch, not per line (stdout is line-buffered): flushed whenever the writer
        // waits for the next result, at the end, and after every line on a terminal.
        let line_by_line = stdout.is_terminal();
        let mut out = BufWriter::new(stdout.lock());
        let format = |input: &str, result: &Result<Report, Error>, fetched: &[Fetched]| {
            if args.json {
                output::json_line(result, fetched)
            } else {
                output::checklist(input, result, fetched, args.offline)
            }
        };
        // Formatted by the worker, unless something was fetched: then by the writer, which marks
        // `cached` in input order (the same output whichever worker happened to fetch first).
        let verify_one = |input: &String| -> Result<Done, String> {
            // A URL given with `--doc` is read from its file, as every document so given is.
            let given = args.documents.iter().find(|(id, _)| id == input).map(|(_, file)| file.as_str());
            let bytes = read_input(given.unwrap_or(input), fetcher.as_ref(), &options.limits)?;
            let (result, fetched) = drive::verify(&bytes, &options, documents.clone(), fetcher.as_ref());
            let verdict = summary::verdict_name(&result);
            Ok(if fetched.is_empty() {
                Done::Text(format(input, &result, &fetched), verdict)
            } else {
                Done::Fetched(input.clone(), Box::new(result), fetched, verdict)
            })
        };
        let mut asked = HashSet::new();
        let mut tally = Tally::default();
        let progress = summary::progress(args.inputs.len());
        let write_error = |e: std::io::Error| format!("cannot write output: {e}");
        let result = crate::jobs::run_ordered(&args.inputs, jobs, verify_one, |done| {
            let waiting = done.is_none();
            let (text, verdict) = match done {
                None => (None, None),
                Some(Done::Text(text, verdict)) => (Some(text), Some(verdict)),
                Some(Done::Fetched(input, result, mut fetched, verdict)) => {
                    for entry in &mut fetched {
                        entry.cached = entry.url.as_ref().is_some_and(|url| !asked.insert(url.clone()));
                    }
                    (Some(format(&input, &result, &fetched)), Some(verdict))
                }
            };
            if let Some(verdict) = verdict {
                all_verified &= matches!(verdict, "verified" | "verified_with_warnings");
                tally.add(verdict);
                progress.inc(1);
            }
            // The bar steps aside while a line is written (both may share one terminal).
            progress.suspend(|| -> Result<(), String> {
                if let Some(text) = text {
                    writeln!(out, "{text}").map_err(write_error)?;
                }
                if waiting || line_by_line {
                    out.flush().map_err(write_error)?;
                }
                Ok(())
            })
        });
        progress.finish_and_clear();
        // What was verified before an I/O error is still printed, as without --jobs.
        out.flush().map_err(write_error)?;
        if args.inputs.len() > 1 {
            eprintln!("{}", tally.line());
        }
        result.map(|()| all_verified)
    }

    fn options(args: &Args) -> Result<Options, String> {
        let now = match args.now {
            Some(now) => now,
            None => system_now()?,
        };
        let mut options = Options::at(now);
        for (url, file) in &args.contexts {
            let bytes = std::fs::read(file).map_err(|e| format!("--context {url}: cannot read {file}: {e}"))?;
            options.contexts.register(url, &bytes).map_err(|e| format!("--context {url}: {file}: {e}"))?;
        }
        let mut trusted = args.trusted_issuers.clone();
        for file in &args.trusted_issuer_files {
            trusted.extend(trusted_issuers(file)?);
        }
        let any_trust_list = !args.trusted_issuers.is_empty() || !args.trusted_issuer_files.is_empty();
        options.trusted_issuers = any_trust_list.then_some(trusted);
        options.recipient.clone_from(&args.recipient);
        options.challenge.clone_from(&args.challenge);
        options.domain.clone_from(&args.domain);
        Ok(options)
    }

    /// `--trusted-issuers FILE`: a JSON array of issuer ids, DIDs or `https://` origins.
    fn trusted_issuers(file: &str) -> Result<Vec<String>, String> {
        let bytes = std::fs::read(file).map_err(|e| format!("--trusted-issuers: cannot read {file}: {e}"))?;
        badge_verifier::trust::parse_list(&bytes).map_err(|e| format!("--trusted-issuers {file}: {e}"))
    }

    fn documents(args: &Args) -> Result<Documents, String> {
        let mut documents = Documents::new();
        for (id, file) in &args.documents {
            let bytes = std::fs::read(file).map_err(|e| format!("--doc {id}: cannot read {file}: {e}"))?;
            documents.insert_json(id, &bytes, &Limits::default()).map_err(|e| format!("--doc {id}: {file}: {e}"))?;
        }
        Ok(documents)
    }

    fn system_now() -> Result<Timestamp, String> {
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|_| "the system clock is before 1970; pass --now")?;
        Ok(Timestamp::from_unix_seconds(i64::try_from(since.as_secs()).unwrap_or(i64::MAX)))
    }

    /// The input's bytes: stdin (`-`), an `http(s)` URL (fetched under the same policy) or a file.
    /// One byte past the cap is read so the core can report `input_too_large` without a huge read.
    fn read_input(input: &str, fetcher: Option<&Fetcher>, limits: &Limits) -> Result<Vec<u8>, String> {
        let limit = limits.max_input_bytes;
        if input.starts_with("https://") || input.starts_with("http://") {
            let fetcher = fetcher.ok_or_else(|| format!("cannot fetch {input}: --offline"))?;
            return fetcher.get(input, limit + 1).0.map_err(|reason| match reason {
                Unavailable::TooLarge { .. } => {
                    format!("cannot fetch {input}: larger than the {limit}-byte input limit")
                }
                reason => format!("cannot fetch {input}: {reason}"),
            });
        }
        let mut bytes = Vec::new();
        let result = if input == "-" {
            std::io::stdin().lock().take(limit as u64 + 1).read_to_end(&mut bytes)
        } else {
            std::fs::File::open(input).and_then(|file| {
                // Sized from the file's length, the read takes one call (and one to see its end).
                let size = file.metadata().map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
                bytes.reserve_exact(size.min(limit) + 1);
                file.take(limit as u64 + 1).read_to_end(&mut bytes)
            })
        };
        result.map_err(|e| format!("cannot read {input}: {e}"))?;
        Ok(bytes)
    }
}
