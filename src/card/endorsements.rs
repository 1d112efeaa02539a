//! The card's endorsements: "Endorsed by N" (N: the verified ones) and who, each with its own
//! verdict in words and a mark that is not colour, read from the report's `endorsements`. The
//! endorser's comment is shown only when that endorsement is verified: it is the endorser's
//! claim, fact only when their own credential verified. Read only in a build with the
//! `presentations` feature (the one that verifies endorsements).

#[cfg(feature = "presentations")]
use serde_json::Value;

#[cfg(feature = "presentations")]
use super::{str_at, text, verdict_label, verdict_mark};
#[cfg(feature = "presentations")]
use crate::i18n::{Label, Lang};

/// One endorsement as the card shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardEndorsement {
    /// Who endorses: the endorsement's issuer name, else its id.
    pub endorser: String,
    /// The endorsement's own verdict code (`verified`, `expired`, …: a CSS hook).
    pub verdict: String,
    /// That verdict in words.
    pub verdict_label: &'static str,
    /// A mark for that verdict that is not colour.
    pub mark: &'static str,
    /// The endorser's comment, only for a verified endorsement.
    pub comment: Option<String>,
}

/// "Endorsed by N" and the list, or `None` when the report has no endorsements.
#[cfg(feature = "presentations")]
pub(super) fn endorsements(report: &Value, lang: Lang) -> Option<(String, Vec<CardEndorsement>)> {
    let reports = report.get("endorsements")?.get("reports")?.as_array()?;
    let items: Vec<CardEndorsement> = reports.iter().take(64).map(|r| endorsement(r, lang)).collect();
    let verified = items.iter().filter(|e| is_verified(&e.verdict)).count();
    let endorsed_by = lang.label(Label::EndorsedBy).replace("{count}", &verified.to_string());
    Some((endorsed_by, items))
}

#[cfg(feature = "presentations")]
fn is_verified(verdict: &str) -> bool {
    matches!(verdict, "verified" | "verified_with_warnings")
}

#[cfg(feature = "presentations")]
fn endorsement(report: &Value, lang: Lang) -> CardEndorsement {
    let verdict = str_at(report, "verdict").unwrap_or("not_verified").to_owned();
    let badge = report.get("badge").unwrap_or(&Value::Null);
    let issuer = badge.get("issuer").unwrap_or(&Value::Null);
    let endorser = text(issuer.get("name"), lang)
        .or_else(|| str_at(issuer, "id").map(str::to_owned))
        .unwrap_or_else(|| "–".to_owned());
    let comment = if is_verified(&verdict) { text(badge.get("endorsementComment"), lang) } else { None };
    CardEndorsement {
        endorser,
        verdict_label: lang.label(verdict_label(&verdict)),
        mark: verdict_mark(&verdict),
        comment,
        verdict,
    }
}
