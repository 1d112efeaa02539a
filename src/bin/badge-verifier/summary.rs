//! The end of a run over many inputs: how many got each verdict, and a progress bar on stderr
//! while it is a terminal.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use badge_verifier::{Error, Report};
use indicatif::{ProgressBar, ProgressStyle};

/// The verdicts, in the order the summary lists them (as `--json` names them; `error` for an
/// input that could not be judged).
const ORDER: [&str; 9] = [
    "verified",
    "verified_with_warnings",
    "not_verified",
    "expired",
    "not_yet_valid",
    "revoked",
    "suspended",
    "unsupported",
    "error",
];

/// The verdict's stable name (`error` for an input that could not be judged).
pub(crate) fn verdict_name(result: &Result<Report, Error>) -> &'static str {
    result.as_ref().map_or("error", |report| report.verdict.code())
}

/// Counts verdicts.
#[derive(Default)]
pub(crate) struct Tally(BTreeMap<&'static str, usize>);

impl Tally {
    /// One more `verdict`.
    pub(crate) fn add(&mut self, verdict: &'static str) {
        *self.0.entry(verdict).or_default() += 1;
    }

    /// `"12 inputs: 9 verified, 1 expired, 2 not_verified"`.
    pub(crate) fn line(&self) -> String {
        let total: usize = self.0.values().sum();
        let parts: Vec<String> = ORDER.iter().filter_map(|v| self.0.get(v).map(|n| format!("{n} {v}"))).collect();
        format!("{total} input{}: {}", if total == 1 { "" } else { "s" }, parts.join(", "))
    }
}

/// A bar counting judged inputs on stderr, only while stderr is a terminal and there is more than
/// one input; hidden (drawing nothing) otherwise.
pub(crate) fn progress(inputs: usize) -> ProgressBar {
    if inputs < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(inputs as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} verified or judged, {per_sec}, {eta} left") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_lists_verdicts_in_a_fixed_order() {
        let mut tally = Tally::default();
        for verdict in ["error", "verified", "expired", "verified"] {
            tally.add(verdict);
        }
        assert_eq!(tally.line(), "4 inputs: 2 verified, 1 expired, 1 error");
    }
}
