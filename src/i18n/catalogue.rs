//! One language's catalogue, read from its JSON file (`src/i18n/TAG.json`):
//! `{ "language": "de", "labels": { key: text }, "messages": { code: sentence } }`. Entries are
//! stored by position (`Label::ALL`, `CODES`); one the file lacks or leaves empty is `None`, and
//! the caller falls back to English for it (a file from an older build stays usable).

use serde_json::Value;

use super::{Label, Lang, CODES};

/// The words of one language.
#[derive(Debug, Default)]
pub(super) struct Catalogue {
    labels: Vec<Option<String>>,
    messages: Vec<Option<String>>,
}

impl Catalogue {
    /// The catalogue in `json`, when it is an object whose `language` is `lang`'s tag.
    pub(super) fn parse(json: &str, lang: Lang) -> Option<Self> {
        let file: Value = serde_json::from_str(json).ok()?;
        if file.get("language")?.as_str()? != lang.tag() {
            return None;
        }
        let text = |section: &str, key: &str| {
            file.get(section)?.get(key)?.as_str().filter(|t| !t.is_empty()).map(str::to_owned)
        };
        Some(Self {
            labels: Label::ALL.iter().map(|label| text("labels", label.key())).collect(),
            messages: CODES.iter().map(|code| text("messages", code)).collect(),
        })
    }

    /// The label, if this catalogue has it.
    pub(super) fn label(&self, label: Label) -> Option<&str> {
        self.labels.get(label as usize)?.as_deref()
    }

    /// The sentence of the code at `index` in `CODES`, if this catalogue has it.
    pub(super) fn message(&self, index: usize) -> Option<&str> {
        self.messages.get(index)?.as_deref()
    }
}
