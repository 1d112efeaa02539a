//! `Card`: what the widget shows for one report, as plain strings in one language. Pure and
//! host-agnostic (no DOM): it reads the report's JSON (the same object the JS API returns and the
//! element passes back), picks each language map's value for the chosen language, localises the
//! verdict and every check through the catalogue, and decides whether the content may be
//! presented as fact. The web layer only turns this into nodes, text by text.

use serde_json::Value;

use crate::badge::{safe_image_url, safe_link_url};
use crate::i18n::{Label, Lang};
use crate::timestamp::Timestamp;

/// An image with its text alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardImage {
    /// `https:` or `data:image/…` only (filtered again here: the report may come from the host).
    /// `None` when the host asked for no requests ([`Card::without_remote_images`]): the text
    /// alternative is shown in the image's place.
    pub url: Option<String>,
    /// The text alternative, from the credential.
    pub alt: String,
}

/// A link: text and an `http(s):` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardLink {
    /// What the link says.
    pub text: String,
    /// Where it goes, `http(s):` only.
    pub url: Option<String>,
}

/// A date: the instant when it parses (formatted by the host in the page's locale), and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardDate {
    /// Seconds since the Unix epoch, when the text is a valid date-time.
    pub unix_seconds: Option<i64>,
    /// As written in the credential.
    pub text: String,
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardCheck {
    /// `passed`, `failed`, `warning`, `unchecked`, `not_applicable` (a CSS hook).
    pub outcome: String,
    /// The outcome in words.
    pub outcome_label: &'static str,
    /// A mark that is not colour: ✓ ✗ ! ? –.
    pub mark: &'static str,
    /// The plain-language sentence (catalogue, else the report's message).
    pub sentence: String,
    /// The report's own words under the sentence, where they say more than the catalogue can: the
    /// issuer's status message, or why a document could not be fetched (naming the host).
    pub detail: Option<String>,
    /// `id · code · message (proof n)`: for the technical disclosure.
    pub technical: String,
}

/// Everything the card shows, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The language of the labels and the chosen language-map values.
    pub lang: Lang,
    /// The verdict code (`verified`, …), or `error`.
    pub verdict: String,
    /// The verdict in words, shown first.
    pub headline: &'static str,
    /// A mark for the verdict that is not colour.
    pub mark: &'static str,
    /// False unless the content is confirmed by the issuer: then it is marked as unverified.
    pub trusted: bool,
    /// The achievement's (else the credential's) name.
    pub title: Option<String>,
    /// The achievement's (else the credential's) description.
    pub description: Option<String>,
    /// The badge image.
    pub image: Option<CardImage>,
    /// The criteria narrative and page.
    pub criteria: Option<CardLink>,
    /// The issuer (name or id, and website).
    pub issuer: Option<CardLink>,
    /// The issuer's image.
    pub issuer_image: Option<CardImage>,
    /// `credentialSubject.name`.
    pub recipient: Option<String>,
    /// `validFrom` / `issuanceDate`.
    pub issued: Option<CardDate>,
    /// `validUntil` / `expirationDate`.
    pub valid_until: Option<CardDate>,
    /// Results, one line each.
    pub results: Vec<String>,
    /// Alignments, as links.
    pub alignments: Vec<CardLink>,
    /// The checklist.
    pub checks: Vec<CardCheck>,
}

impl Card {
    /// The card of a report (`serde_json::to_value(&report)`, or the object JS received).
    pub fn from_report(report: &Value, lang: Lang) -> Self {
        let verdict = str_at(report, "verdict").unwrap_or("not_verified").to_owned();
        let badge = report.get("badge").unwrap_or(&Value::Null);
        let achievement = badge.get("achievement").unwrap_or(&Value::Null);
        let issuer = badge.get("issuer").filter(|v| v.is_object());
        let title = text(achievement.get("name"), lang)
            .or_else(|| text(badge.get("name"), lang))
            .or_else(|| list(badge.get("types")).filter_map(Value::as_str).last().map(str::to_owned));
        let badge_image = image(badge.get("image"), lang, title.as_deref().unwrap_or(lang.label(Label::BadgeImage)));
        let issuer_name = issuer.and_then(|i| text(i.get("name"), lang).or_else(|| str_at(i, "id").map(str::to_owned)));
        let checks = report.get("checks").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        Self {
            lang,
            headline: lang.label(verdict_label(&verdict)),
            mark: verdict_mark(&verdict),
            // Trusted = the issuer signed this content. Expired, not-yet-valid, revoked and
            // suspended badges are authentic (their headline says what is wrong); any other
            // verdict, or one this build does not know, marks the content as unverified.
            trusted: matches!(
                verdict.as_str(),
                "verified" | "verified_with_warnings" | "expired" | "not_yet_valid" | "revoked" | "suspended"
            ),
            title,
            description: text(achievement.get("description"), lang).or_else(|| text(badge.get("description"), lang)),
            image: badge_image,
            criteria: criteria(achievement, lang),
            issuer: issuer_name.map(|name| CardLink { text: name, url: link(issuer.and_then(|i| i.get("url"))) }),
            issuer_image: issuer.and_then(|i| {
                image(i.get("image"), lang, &text(i.get("name"), lang).unwrap_or_else(|| "Issuer".into()))
            }),
            recipient: text(badge.get("recipientName"), lang),
            issued: date(badge.get("validFrom")),
            valid_until: date(badge.get("validUntil")),
            results: list(badge.get("results")).filter_map(result).collect(),
            alignments: list(achievement.get("alignments")).filter_map(|a| alignment(a, lang)).collect(),
            checks: checks.iter().map(|c| check(c, lang)).collect(),
            verdict,
        }
    }

    /// The card shown when there was no report (not a credential, could not load): the error's
    /// stable code and its message (used when the catalogue has no sentence for the code).
    pub fn from_error(code: &str, message: &str, lang: Lang) -> Self {
        let sentence = lang.message(code).map_or_else(|| message.to_owned(), str::to_owned);
        Self {
            lang,
            verdict: "error".into(),
            headline: lang.label(Label::Error),
            mark: verdict_mark("error"),
            trusted: false,
            title: None,
            description: None,
            image: None,
            criteria: None,
            issuer: None,
            issuer_image: None,
            recipient: None,
            issued: None,
            valid_until: None,
            results: Vec::new(),
            alignments: Vec::new(),
            checks: vec![CardCheck {
                outcome: "failed".into(),
                outcome_label: lang.label(Label::Failed),
                mark: "✗",
                sentence,
                detail: None,
                technical: format!("{code} · {message}"),
            }],
        }
    }

    /// The same card with no image that would be fetched: each `https:` image becomes its text
    /// alternative (`data:` images stay, they cost no request). For a host that promised to make
    /// no requests (the element's `offline`): loading a badge image tells its server who looks.
    pub fn without_remote_images(mut self) -> Self {
        for image in [&mut self.image, &mut self.issuer_image].into_iter().flatten() {
            let is_data = |url: &str| url.get(..5).is_some_and(|scheme| scheme.eq_ignore_ascii_case("data:"));
            if image.url.as_deref().is_some_and(|url| !is_data(url)) {
                image.url = None;
            }
        }
        self
    }

    /// The sentence announced to screen readers: the verdict, then the badge's name.
    pub fn announcement(&self) -> String {
        match &self.title {
            Some(title) => format!("{}: {title}", self.headline),
            None => self.headline.to_owned(),
        }
    }
}

/// The headline label of a verdict code (`not_verified` for one this build does not know).
pub(crate) fn verdict_label(verdict: &str) -> Label {
    match verdict {
        "verified" => Label::Verified,
        "verified_with_warnings" => Label::VerifiedWithWarnings,
        "expired" => Label::Expired,
        "not_yet_valid" => Label::NotYetValid,
        "unsupported" => Label::Unsupported,
        "revoked" => Label::Revoked,
        "suspended" => Label::Suspended,
        "error" => Label::Error,
        _ => Label::NotVerified,
    }
}

/// A mark for a verdict code that is not colour: ✓ ! ? ✗.
pub(crate) fn verdict_mark(verdict: &str) -> &'static str {
    match verdict {
        "verified" => "✓",
        "verified_with_warnings" | "expired" | "not_yet_valid" => "!",
        "unsupported" => "?",
        _ => "✗",
    }
}

/// The report's words worth showing under a catalogue sentence: which document could not be had
/// and why ("… was not available: could not reach issuer.example …"), and the issuer's own
/// message on a status (what follows "revoked this credential: "). `None` when the catalogue has
/// no sentence (the message is the sentence then) or there is nothing to add.
fn detail(code: &str, message: &str, has_sentence: bool) -> Option<String> {
    if !has_sentence {
        return None;
    }
    match code {
        "document_unavailable" => Some(message.to_owned()),
        "revoked" | "suspended" | "status_message" => {
            message.split_once(": ").map(|(_, words)| words.trim()).filter(|w| !w.is_empty()).map(str::to_owned)
        }
        _ => None,
    }
}

fn check(check: &Value, lang: Lang) -> CardCheck {
    let outcome = str_at(check, "outcome").unwrap_or("unchecked");
    let code = str_at(check, "code").unwrap_or_default();
    let message = str_at(check, "message").unwrap_or_default();
    let (label, mark) = match outcome {
        "passed" => (Label::Passed, "✓"),
        "failed" => (Label::Failed, "✗"),
        "warning" => (Label::Warning, "!"),
        "not_applicable" => (Label::NotApplicable, "–"),
        _ => (Label::Unchecked, "?"),
    };
    let id = str_at(check, "id").unwrap_or_default();
    let proof = check.get("proof").and_then(Value::as_u64).map(|n| format!(" (proof {n})")).unwrap_or_default();
    let catalogue = lang.message(code);
    CardCheck {
        outcome: outcome.to_owned(),
        outcome_label: lang.label(label),
        mark,
        sentence: catalogue.map_or_else(|| message.to_owned(), str::to_owned),
        detail: detail(code, message, catalogue.is_some()),
        technical: format!("{id}{proof} · {code} · {message}"),
    }
}

/// A plain string, or the best value of a language map: the exact tag, then the same primary
/// language, then English, then a value without a language, then the first.
pub fn pick_text(value: &Value, tag: &str) -> Option<String> {
    let values: Vec<(&str, Option<&str>)> = match value {
        Value::String(s) => return Some(s.clone()),
        Value::Array(items) => {
            items.iter().filter_map(|v| Some((str_at(v, "@value")?, str_at(v, "@language")))).collect()
        }
        Value::Object(_) => vec![(str_at(value, "@value")?, str_at(value, "@language"))],
        _ => return None,
    };
    let primary = |t: &str| t.split('-').next().unwrap_or_default().to_ascii_lowercase();
    let wanted = primary(tag);
    let chosen = values
        .iter()
        .find(|(_, l)| l.is_some_and(|l| l.eq_ignore_ascii_case(tag)))
        .or_else(|| values.iter().find(|(_, l)| l.is_some_and(|l| primary(l) == wanted)))
        .or_else(|| values.iter().find(|(_, l)| l.is_some_and(|l| primary(l) == "en")))
        .or_else(|| values.iter().find(|(_, l)| l.is_none()))
        .or_else(|| values.first());
    chosen.map(|(v, _)| (*v).to_owned())
}

fn text(value: Option<&Value>, lang: Lang) -> Option<String> {
    value.and_then(|v| pick_text(v, lang.tag())).filter(|s| !s.trim().is_empty())
}

fn str_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn link(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).and_then(safe_link_url)
}

fn image(value: Option<&Value>, lang: Lang, fallback_alt: &str) -> Option<CardImage> {
    let value = value?;
    let url = safe_image_url(str_at(value, "url")?)?;
    let alt = text(value.get("caption"), lang).unwrap_or_else(|| fallback_alt.to_owned());
    Some(CardImage { url: Some(url), alt })
}

fn criteria(achievement: &Value, lang: Lang) -> Option<CardLink> {
    let url = link(achievement.get("criteriaUrl"));
    let narrative = text(achievement.get("criteriaNarrative"), lang);
    match (narrative, url) {
        (None, None) => None,
        (Some(text), url) => Some(CardLink { text, url }),
        (None, Some(url)) => Some(CardLink { text: lang.label(Label::CriteriaLink).to_owned(), url: Some(url) }),
    }
}

fn date(value: Option<&Value>) -> Option<CardDate> {
    let text = value?.as_str()?.to_owned();
    Some(CardDate { unix_seconds: Timestamp::parse(&text).map(Timestamp::unix_seconds), text })
}

fn result(value: &Value) -> Option<String> {
    match (str_at(value, "value"), str_at(value, "status")) {
        (Some(v), Some(s)) => Some(format!("{v} ({s})")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

fn alignment(value: &Value, lang: Lang) -> Option<CardLink> {
    let name = text(value.get("targetName"), lang);
    let framework = text(value.get("targetFramework"), lang);
    let label = match (name, framework) {
        (Some(n), Some(f)) => format!("{n} ({f})"),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => return None,
    };
    Some(CardLink { text: label, url: link(value.get("targetUrl")) })
}

fn list(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().take(64)
}

// The tests read cards in every language: they need the catalogues compiled in.
#[cfg(test)]
#[cfg(feature = "all-languages")]
mod tests;
