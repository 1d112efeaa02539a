//! The card's evidence: the credential's `evidence[]` (OB 3.0 `Evidence`), each as a link (its
//! `name`, else the label "Evidence"; to its `id` when that is an `http(s):` URL, filtered again
//! here: the report may come from the host) and its narrative or description.
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#evidence>

use serde_json::Value;

use super::{link, list, text, CardLink};
use crate::i18n::{Label, Lang};

/// One piece of evidence as the card shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardEvidence {
    /// Its name (else "Evidence"), linked to it when it has a safe URL.
    pub link: CardLink,
    /// Its narrative, else its description.
    pub narrative: Option<String>,
}

/// The evidence in the report's badge view.
pub(super) fn evidence(badge: &Value, lang: Lang) -> Vec<CardEvidence> {
    list(badge.get("evidence"))
        .map(|item| CardEvidence {
            link: CardLink {
                text: text(item.get("name"), lang).unwrap_or_else(|| lang.label(Label::Evidence).to_owned()),
                url: link(item.get("url")),
            },
            narrative: text(item.get("narrative"), lang).or_else(|| text(item.get("description"), lang)),
        })
        .collect()
}
