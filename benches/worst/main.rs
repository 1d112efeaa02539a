//! Worst cases under the limits: hostile but well-formed credentials just under the input caps
//! (size, and the arrays and objects a JSON input may hold) (many alike blank nodes, chains, rings, wide arrays, long strings, deep nesting, many
//! proofs), each verified whole, printed with wall time and peak memory. Goal (issue 11): each
//! judged or refused in ≤ 50 ms and ≤ 32 MB natively.
//!
//! Wall time swings on a loaded machine; CPU time (of the verifying thread) much less: compare
//! within one run, against the reference row (a real credential).
//!
//! Each case runs in a child process (this binary again, with the case's index), so its peak
//! resident memory (`VmHWM`, reset through `/proc/self/clear_refs` once the input is built) is
//! its own. Run with `cargo bench --bench worst` (bench profile: opt-level 3); Linux only.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../../tests/common/hostile.rs"]
#[allow(dead_code, unreachable_pub)]
mod hostile;

mod endorsements;

use std::process::Command;
use std::time::Instant;

use badge_verifier::{verify, Documents, Options, Outcome, Timestamp};

/// Inputs are filled to this size: just under the 1 MiB input cap.
const SIZE: usize = 1_000_000;

type Build = fn(usize) -> Vec<u8>;

/// A real credential, for scale (timings on a loaded machine swing: compare within one run).
fn reference(_: usize) -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/open-badge-3-rich-eddsa-rdfc-2022.json"))
        .unwrap()
}

const CASES: &[(&str, Build)] = &[
    ("reference: a real rich OB 3.0 credential (eddsa-rdfc-2022)", reference),
    ("alike blank nodes, named parent", |n| hostile::alike_leaves(n, 1)),
    ("alike blank nodes, blank parent", |n| hostile::alike_under_blank(n, 1)),
    ("list: chain of alike blank nodes", |n| hostile::list_chain(n, 1)),
    ("one ring of alike blank nodes", |n| hostile::ring(n, 1)),
    ("rings of three alike blank nodes", |n| hostile::triangles(n, 1)),
    ("alike blank nodes linked to each other (clique of 10)", |_| hostile::clique(10, 1)),
    ("clique of 10, 8 proofs", |_| hostile::clique(10, 8)),
    ("alike chains 60 deep", |n| hostile::nested_chains(n, 60, 1)),
    ("wide array of numbers", |n| hostile::wide_array(n, 1)),
    ("wide object (distinct keys)", |n| hostile::wide_object(n, 1)),
    ("one long string", |n| hostile::long_string(n, 1)),
    ("nulls in one array", |n| hostile::nulls(n, 1)),
    ("equal strings in one array", |n| hostile::equal_strings(n, 1)),
    ("distinct types on one node", |n| hostile::many_types(n, 1)),
    ("arrays nested 60 deep", |n| hostile::deep_arrays(n, 60, 1)),
    ("alike blank nodes, named parent, 8 proofs", |n| hostile::alike_leaves(n, 8)),
    ("list chain, 8 proofs", |n| hostile::list_chain(n, 8)),
    ("wide array, 8 proofs", |n| hostile::wide_array(n, 8)),
    ("one long string, 8 proofs", |n| hostile::long_string(n, 8)),
    ("wide array, 8 eddsa-jcs-2022 proofs", |n| hostile::jcs(hostile::wide_array(n, 8))),
    ("one long string, 8 eddsa-jcs-2022 proofs", |n| hostile::jcs(hostile::long_string(n, 8))),
    ("presentation of 64 credentials with 16 endorsements each (1,089 proofs)", endorsements::presentation),
];

/// A `kB` line of `/proc/self/status`, in MB.
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap_or_default();
    let kb: f64 = line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
    kb / 1024.0
}

/// CPU time this thread has run, in ms (`/proc/thread-self/schedstat`): unlike wall time, it does
/// not grow while other processes hold the cores.
fn cpu_ms() -> f64 {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    text.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()).unwrap_or(f64::NAN) / 1e6
}

/// Runs case `index` in this process and prints its table row.
fn run(index: usize) {
    let (name, build) = CASES[index];
    let limits = badge_verifier::Limits::default();
    // Under every input limit: at most SIZE bytes, and parsed without error.
    let fits = |input: &[u8]| input.len() <= SIZE && badge_verifier::json::parse(input, &limits).is_ok();
    let fixed = name.starts_with("reference") || name.contains("clique") || name.contains("endorsements");
    let n = if fixed { 1 } else { hostile::fill(fits, build) };
    let input = build(n);
    let options = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let documents = Documents::new();
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok(); // peak RSS := current RSS
    let before = status_mb("VmRSS:");
    let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    let mut outcome = String::new();
    for _ in 0..3 {
        let (start, cpu) = (Instant::now(), cpu_ms());
        let result = verify(&input, &options, &documents);
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
        best_cpu = best_cpu.min(cpu_ms() - cpu);
        outcome = match result {
            Err(error) => format!("refused: {}", error.code()),
            Ok(report) => {
                let failed: Vec<&str> =
                    report.checks.iter().filter(|c| c.outcome == Outcome::Failed).map(|c| c.code).collect();
                format!("{:?}: {}", report.verdict, failed.join(", "))
            }
        };
    }
    let peak = status_mb("VmHWM:");
    let mut parse = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        drop(badge_verifier::json::parse(&input, &options.limits));
        parse = parse.min(start.elapsed().as_secs_f64() * 1e3);
    }
    let note = if reset { "" } else { " (peak not reset: includes building the input)" };
    println!(
        "| {name} | {} | {n} | {best:.1} | {best_cpu:.1} | {parse:.1} | {peak:.1} | {before:.1} | {outcome}{note} |",
        input.len()
    );
}

fn main() {
    if let Some(index) = std::env::args().nth(1).and_then(|a| a.parse().ok()) {
        run(index);
        return;
    }
    println!("worst cases under the limits (bench profile, opt-level 3): whole verify, best of 3, one process each");
    println!("| case | bytes | count | wall ms | CPU ms | of which parsing JSON ms | peak RSS MB | RSS before MB | outcome |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    let me = std::env::current_exe().unwrap();
    for (index, (name, _)) in CASES.iter().enumerate() {
        let started = Instant::now();
        let output = Command::new(&me).arg(index.to_string()).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        if output.status.success() {
            print!("{text}");
        } else {
            println!(
                "| {} | | | {:.0} (failed) | | | | | {} |",
                name,
                started.elapsed().as_secs_f64() * 1e3,
                output.status
            );
        }
    }
}
