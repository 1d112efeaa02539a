//! `docs/TROUBLESHOOTING.md` against the code it documents: every code the message catalogue
//! holds (`badge_verifier::i18n::CODES`: every code a report or the widget can show) has exactly
//! one row, or, for a pass code, is named in the pass sentence; no row names a code that does not
//! exist; and the table of the CLI's `fetched[].reason` values is `reason_code`'s list.
//!
//! The tables are read as GitHub-flavoured Markdown: a table whose header starts with `Code`
//! holds catalogue codes, one whose header starts with `Reason` the CLI's fetch reasons; the
//! first cell of each row is one backticked code.
#![allow(clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeSet;

use badge_verifier::i18n::CODES;

const DOC: &str = include_str!("../docs/TROUBLESHOOTING.md");
/// The CLI's `reason_code` (a binary's private function: read from its source).
const CLI_OUTPUT: &str = include_str!("../src/bin/badge-verifier/output.rs");
/// `Passed::code` (no list of the variants is public: read from the source).
const REPORT: &str = include_str!("../src/report.rs");

/// The verdicts a row may name: the report's, plus `error` (no report: nothing to verify).
const VERDICTS: [&str; 9] = [
    "verified",
    "verified_with_warnings",
    "expired",
    "not_yet_valid",
    "revoked",
    "suspended",
    "not_verified",
    "unsupported",
    "error",
];

/// Which table a row is in, by the first cell of its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    /// Catalogue codes (`| Code | Verdict | … |`).
    Code,
    /// The CLI's `fetched[].reason` values (`| Reason | … |`).
    Reason,
}

/// One body row of a table.
#[derive(Debug)]
struct Row {
    table: Table,
    line: usize,
    cells: Vec<String>,
}

impl Row {
    /// The code the row is for: its first cell, which must be one backticked code alone.
    fn code(&self) -> &str {
        let cell = self.cells.first().map(String::as_str).unwrap_or_default();
        let code = cell.strip_prefix('`').and_then(|c| c.strip_suffix('`'));
        match code {
            Some(code) if is_code(code) => code,
            _ => panic!("line {}: the first cell must be one `code` alone, not {cell:?}", self.line),
        }
    }
}

fn is_code(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|cell| cell.trim().to_owned()).collect()
}

/// Every body row of every `Code` or `Reason` table, checked to have as many cells as its header.
fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut current: Option<(Option<Table>, usize)> = None; // the table's kind and header width
    let mut previous_was_table = false;
    for (index, line) in DOC.lines().enumerate() {
        let is_table = line.trim_start().starts_with('|');
        if !is_table {
            current = None;
        } else if !previous_was_table {
            let header = cells(line);
            let table = match header.first().map(String::as_str) {
                Some("Code") => Some(Table::Code),
                Some("Reason") => Some(Table::Reason),
                _ => None,
            };
            current = Some((table, header.len()));
        } else if let Some((Some(table), width)) = current {
            let row = cells(line);
            if !row.iter().all(|cell| cell.chars().all(|c| c == '-' || c == ':')) {
                assert_eq!(row.len(), width, "line {}: {} cells, the header has {width}", index + 1, row.len());
                rows.push(Row { table, line: index + 1, cells: row });
            }
        }
        previous_was_table = is_table;
    }
    rows
}

/// The backticked codes in `text`.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).filter(|token| is_code(token)).collect()
}

/// The codes named in the paragraph that starts with `**Pass codes**`.
fn pass_sentence() -> Vec<&'static str> {
    let start = DOC.find("**Pass codes**").expect("the pass sentence (a paragraph starting **Pass codes**)");
    let rest = DOC.get(start..).unwrap_or_default();
    let paragraph = rest.split("\n\n").next().unwrap_or_default();
    backticked(paragraph)
}

/// The string literals of the `=> "…"` arms between `start` and the next `end` in `source`.
fn arms<'a>(source: &'a str, start: &str, end: &str) -> BTreeSet<&'a str> {
    let from = source.find(start).unwrap_or_else(|| panic!("{start:?} not found: update this test"));
    let body = source.get(from..).unwrap_or_default();
    let body = body.get(..body.find(end).unwrap_or(body.len())).unwrap_or_default();
    body.split("=> \"").skip(1).filter_map(|arm| arm.split('"').next()).collect()
}

fn passed_codes() -> BTreeSet<&'static str> {
    arms(REPORT, "pub fn code(self) -> &'static str", "pub fn outcome")
}

#[test]
fn every_catalogue_code_has_one_row_or_is_a_named_pass() {
    let rows = rows();
    let mut documented = BTreeSet::new();
    for row in rows.iter().filter(|r| r.table == Table::Code) {
        assert!(documented.insert(row.code()), "line {}: `{}` has a second row", row.line, row.code());
    }
    for code in pass_sentence() {
        assert!(documented.insert(code), "`{code}` is in the pass sentence and elsewhere too");
    }
    let missing: Vec<_> = CODES.iter().filter(|code| !documented.contains(*code)).collect();
    assert!(missing.is_empty(), "codes with no row in docs/TROUBLESHOOTING.md: {missing:?}");
    let unknown: Vec<_> = documented.iter().filter(|code| !CODES.contains(code)).collect();
    assert!(unknown.is_empty(), "rows for codes that are not in src/i18n.rs CODES: {unknown:?}");
}

#[test]
fn the_pass_sentence_names_pass_codes_only() {
    let passed = passed_codes();
    assert!(passed.contains("format_valid") && passed.len() >= 20, "{passed:?}");
    for code in pass_sentence() {
        assert!(passed.contains(code), "`{code}` is in the pass sentence but is not a `Passed` code");
    }
}

#[test]
fn the_fetch_reason_table_is_the_clis_list() {
    let rows = rows();
    let documented: BTreeSet<&str> = rows.iter().filter(|r| r.table == Table::Reason).map(Row::code).collect();
    let cli = arms(CLI_OUTPUT, "fn reason_code(", "\n}\n");
    assert!(cli.contains("http_status"), "{cli:?}");
    assert_eq!(documented, cli, "docs/TROUBLESHOOTING.md's Reason table vs reason_code in output.rs");
}

#[test]
fn every_row_names_its_verdicts() {
    for row in rows().iter().filter(|r| r.table == Table::Code) {
        let verdict = row.cells.get(1).map(String::as_str).unwrap_or_default();
        let named = backticked(verdict);
        assert!(!named.is_empty(), "line {}: the verdict cell names no verdict: {verdict:?}", row.line);
        for name in named {
            assert!(VERDICTS.contains(&name), "line {}: `{name}` is not a verdict", row.line);
        }
    }
}
