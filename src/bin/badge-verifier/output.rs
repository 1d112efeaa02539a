//! What the CLI prints for one input: a JSON line (`--json`) or a checklist for people, each with
//! the log of what was fetched for it.

use badge_verifier::badge::Text;
use badge_verifier::error::Unavailable;
use badge_verifier::{Error, Outcome, Report};
use serde_json::{json, Value};

/// One document the CLI tried to fetch for a verification.
pub(crate) struct Fetched {
    /// The URL or DID the verification asked for.
    pub(crate) id: String,
    /// Where it was requested (after `--map-origin`); `None` when there was no URL to fetch.
    pub(crate) url: Option<String>,
    /// Its size, or why it could not be had.
    pub(crate) result: Result<usize, Unavailable>,
    /// Whether an earlier input of this run (in input order) asked for the same URL, whose answer
    /// was then kept (not requested again; only past 16 MiB of answers is one asked for again).
    pub(crate) cached: bool,
}

/// A stable snake_case name for an `Unavailable` reason (its kind; the message says the rest).
pub(crate) fn reason_code(reason: &Unavailable) -> &'static str {
    match reason {
        Unavailable::NotProvided => "not_provided",
        Unavailable::Offline => "offline",
        Unavailable::HttpStatus(_) => "http_status",
        Unavailable::Timeout => "timeout",
        Unavailable::TooLarge { .. } => "too_large",
        Unavailable::Network(_) => "network",
        Unavailable::NotFetchable(_) => "not_fetchable",
        Unavailable::Invalid(_) => "invalid",
        Unavailable::TooManyDocuments { .. } => "too_many_documents",
        _ => "unavailable",
    }
}

/// The report as one JSON line, with a `fetched` array: `{id, url, cached, bytes}` for each
/// document fetched, `{id, url, cached, reason, message}` for each that could not be.
pub(crate) fn json_line(result: &Result<Report, Error>, fetched: &[Fetched]) -> String {
    let value = match result {
        Ok(report) => serde_json::to_value(report),
        Err(error) => Ok(json!({
            "verdict": "error",
            "checks": [],
            "error": {"code": error.code(), "message": error.to_string()},
        })),
    };
    let log: Vec<Value> = fetched
        .iter()
        .map(|f| match &f.result {
            Ok(bytes) => json!({"id": f.id, "url": f.url, "cached": f.cached, "bytes": bytes}),
            Err(reason) => json!({
                "id": f.id, "url": f.url, "cached": f.cached, "reason": reason_code(reason), "message": reason.to_string(),
            }),
        })
        .collect();
    value
        .map(|mut v| {
            if let Some(object) = v.as_object_mut() {
                object.insert("fetched".to_owned(), Value::Array(log));
            }
            v.to_string()
        })
        .unwrap_or_else(|e| {
            format!("{{\"verdict\":\"error\",\"error\":{{\"code\":\"internal\",\"message\":{:?}}}}}", e.to_string())
        })
}

/// The checklist for people: the verdict, one line per check, then what was fetched and what is
/// still missing.
pub(crate) fn checklist(input: &str, result: &Result<Report, Error>, fetched: &[Fetched], offline: bool) -> String {
    let report = match result {
        Ok(report) => report,
        Err(error) => return format!("{input}: ERROR ({})\n  {error}\n", error.code()),
    };
    let verdict = report.verdict.code();
    let mut text = format!("{input}: {}\n", verdict.replace('_', " ").to_uppercase());
    check_lines(&mut text, report, "  ");
    for entry in fetched {
        let via = match &entry.url {
            Some(url) if *url != entry.id => format!(" via {url}"),
            _ => String::new(),
        };
        match (&entry.result, entry.cached) {
            (Ok(bytes), false) => text.push_str(&format!("  fetched {}{via} ({bytes} bytes)\n", entry.id)),
            (Ok(bytes), true) => {
                text.push_str(&format!("  fetched {}{via} ({bytes} bytes, earlier in this run)\n", entry.id));
            }
            (Err(reason), false) => text.push_str(&format!("  unavailable {}{via}: {reason}\n", entry.id)),
            (Err(reason), true) => {
                text.push_str(&format!("  unavailable {}{via}: {reason} (asked earlier in this run)\n", entry.id));
            }
        }
    }
    for need in &report.needs {
        let why = if offline { " (--offline)" } else { "" };
        text.push_str(&format!("  needs {need}{why}: pass --doc {need}=FILE\n"));
    }
    text
}

/// One line per check, then for a presentation or CLR each enclosed credential's verdict, name
/// and checks, indented under it.
fn check_lines(text: &mut String, report: &Report, indent: &str) {
    for check in &report.checks {
        let mark = match check.outcome {
            Outcome::Passed => "ok  ",
            Outcome::Failed => "FAIL",
            Outcome::Warning => "warn",
            Outcome::Unchecked => "??  ",
            Outcome::NotApplicable => "n/a ",
            _ => "?   ",
        };
        let which = check.proof.map(|i| format!(" #{i}")).unwrap_or_default();
        text.push_str(&format!(
            "{indent}[{mark}] {}{which}: {} ({})\n",
            snake_name(&check.id),
            check.message,
            check.code
        ));
    }
    if let Some(members) = &report.members {
        text.push_str(&format!("{indent}{}: {}\n", snake_name(&members.container), members.summary));
        for (i, member) in members.reports.iter().enumerate() {
            let name = first_text(member.badge.as_ref().and_then(|b| b.name.as_ref())).unwrap_or("(no name)");
            let verdict = member.verdict.code().replace('_', " ").to_uppercase();
            text.push_str(&format!("{indent}  #{i} {verdict}: {name}\n"));
            check_lines(text, member, &format!("{indent}    "));
        }
    }
    endorsement_lines(text, report, indent);
}

/// "endorsed by N" (the verified endorsements) and the tally, then each endorsement: its verdict,
/// its endorser, what it endorses, and its checks.
fn endorsement_lines(text: &mut String, report: &Report, indent: &str) {
    let Some(endorsements) = &report.endorsements else { return };
    text.push_str(&format!("{indent}endorsed by {}: {}\n", endorsements.verified, endorsements.summary));
    for (i, endorsement) in endorsements.reports.iter().enumerate() {
        let issuer = endorsement.badge.as_ref().and_then(|b| b.issuer.as_ref());
        let endorser = first_text(issuer.and_then(|i| i.name.as_ref()))
            .or(issuer.map(|i| i.id.as_str()))
            .unwrap_or("(no endorser)");
        let what = endorsement.endorses.as_ref().map(|e| snake_name(&e.target)).unwrap_or_default();
        let verdict = endorsement.verdict.code().replace('_', " ").to_uppercase();
        text.push_str(&format!("{indent}  #{i} {verdict}: {endorser} endorses the {what}\n"));
        check_lines(text, endorsement, &format!("{indent}    "));
    }
}

/// A text's plain value, or its first language's.
fn first_text(text: Option<&Text>) -> Option<&str> {
    match text? {
        Text::Plain(value) => Some(value.as_str()),
        Text::Localized(values) => values.first().map(|v| v.value.as_str()),
    }
}

/// A serde enum's snake_case name (`verified_with_warnings`, `issuer_key`).
fn snake_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}
