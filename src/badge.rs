//! `BadgeView`: the Open Badges 3.0 (and plain VC) fields a card shows, taken from the signed
//! credential only, with every URL already filtered to a safe scheme. Pure data: rendering is
//! the web layer's job, and it must still put every string into text nodes.

use serde::Serialize;
use serde_json::{Map, Number, Value};

use crate::url::{DataUrl, HttpUrl};

/// Text as the credential gives it: a plain string, or a VC 2.0 language map
/// (`[{"@value": "…", "@language": "en"}, …]`) for the renderer to pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// One string, no language given.
    Plain(String),
    /// Values tagged with languages.
    Localized(Vec<LanguageValue>),
}

/// One value of a language map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageValue {
    /// The text.
    #[serde(rename = "@value")]
    pub value: String,
    /// Its BCP 47 language tag, if given.
    #[serde(rename = "@language", skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// An image: a safe URL and its text alternative from the credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    /// `https:` or `data:image/(png|jpeg|gif|webp|svg+xml)` only.
    pub url: String,
    /// The image's `caption`, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<Text>,
}

/// The issuer as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct IssuerView {
    /// The issuer id (a DID or URL), shown as text, never as a link.
    pub id: String,
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// `url`, `http(s):` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `image`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
}

/// The achievement (OB 3.0 `credentialSubject.achievement`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AchievementView {
    /// `id`, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `achievementType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement_type: Option<String>,
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// `description`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// `criteria.narrative`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria_narrative: Option<Text>,
    /// `criteria.id`, `http(s):` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria_url: Option<String>,
    /// `image`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// `alignment[]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alignments: Vec<AlignmentView>,
    /// `creditsAvailable`: the credit hours or units the achievement is worth (a number ≥ 0).
    /// See: <https://www.imsglobal.org/spec/ob/v3p0/#achievement>
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits_available: Option<Number>,
}

/// One alignment of the achievement to a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AlignmentView {
    /// `targetName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_name: Option<Text>,
    /// `targetUrl`, `http(s):` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_url: Option<String>,
    /// `targetFramework`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_framework: Option<Text>,
    /// `targetCode`: the target's code in its framework (an ESCO or O*NET code, …).
    /// See: <https://www.imsglobal.org/spec/ob/v3p0/#alignment>
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_code: Option<String>,
    /// `targetType` (`ceasn:Competency`, `CFItem`, `Occupation`, …), as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
}

/// One result of the subject (OB 3.0 `credentialSubject.result[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ResultView {
    /// `value`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// What a badge card shows: signed fields only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct BadgeView {
    /// `type` (e.g. `["VerifiableCredential", "OpenBadgeCredential"]`).
    pub types: Vec<String>,
    /// The credential's `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The credential's `description`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The credential's `image`, else the achievement's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// The issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<IssuerView>,
    /// The achievement, for Open Badges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement: Option<AchievementView>,
    /// `credentialSubject.name`, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_name: Option<Text>,
    /// `credentialSubject.result[]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<ResultView>,
    /// `validFrom` / `issuanceDate`, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// `validUntil` / `expirationDate`, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// How many `endorsement`s the credential carries (not verified here).
    pub endorsement_count: usize,
    /// `credentialSubject.creditsEarned`: the credits the learner earned (a number ≥ 0).
    /// See: <https://www.imsglobal.org/spec/ob/v3p0/#achievementsubject>
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits_earned: Option<Number>,
}

/// Every key the view reads (and `credentialSubject`, `issuer`, … it walks through), plus the
/// members a presentation or CLR report reads. A document's own (inline) context may not define
/// any of them: an RDFC signature covers the statements, not the JSON keys, so a context the
/// document carries could otherwise rename signed values into the fields a card shows (see
/// `checks::contexts`). Keep in step with `from_credential` (a test reads this file's `get("…")`).
pub(crate) const SHOWN_TERMS: [&str; 32] = [
    "id",
    "type",
    "name",
    "description",
    "image",
    "caption",
    "url",
    "issuer",
    "credentialSubject",
    "achievement",
    "achievementType",
    "criteria",
    "narrative",
    "alignment",
    "targetName",
    "targetUrl",
    "targetFramework",
    "result",
    "value",
    "status",
    "validFrom",
    "validUntil",
    "issuanceDate",
    "expirationDate",
    "endorsement",
    "verifiableCredential",
    "holder",
    "proof",
    "targetCode",
    "targetType",
    "creditsAvailable",
    "creditsEarned",
];

/// Longest string taken into the view (longer ones are cut at a character boundary).
const MAX_TEXT_CHARS: usize = 4096;

impl BadgeView {
    /// The view of a credential's JSON (proofs are not part of it).
    pub fn from_credential(json: &Map<String, Value>) -> Self {
        let subject = match json.get("credentialSubject") {
            Some(Value::Array(items)) => items.first(),
            other => other,
        };
        let achievement = subject.and_then(|s| s.get("achievement")).map(achievement);
        let image = json.get("image").and_then(image).or_else(|| achievement.as_ref().and_then(|a| a.image.clone()));
        Self {
            types: crate::credential::strings(json.get("type")),
            name: json.get("name").and_then(text),
            description: json.get("description").and_then(text),
            image,
            issuer: json.get("issuer").map(issuer),
            achievement,
            recipient_name: subject.and_then(|s| s.get("name")).and_then(text),
            results: list(subject.and_then(|s| s.get("result")))
                .map(|r| ResultView { value: plain(r.get("value")), status: plain(r.get("status")) })
                .collect(),
            valid_from: plain(json.get("validFrom").or_else(|| json.get("issuanceDate"))),
            valid_until: plain(json.get("validUntil").or_else(|| json.get("expirationDate"))),
            endorsement_count: list(json.get("endorsement")).count(),
            credits_earned: credits(subject.and_then(|s| s.get("creditsEarned"))),
        }
    }
}

fn issuer(value: &Value) -> IssuerView {
    match value {
        Value::String(id) => IssuerView { id: cut(id), ..IssuerView::default() },
        object => IssuerView {
            id: plain(object.get("id")).unwrap_or_default(),
            name: object.get("name").and_then(text),
            url: object.get("url").and_then(Value::as_str).and_then(safe_link_url),
            image: object.get("image").and_then(image),
        },
    }
}

fn achievement(value: &Value) -> AchievementView {
    let criteria = value.get("criteria");
    AchievementView {
        id: plain(value.get("id")),
        achievement_type: plain(value.get("achievementType")),
        name: value.get("name").and_then(text),
        description: value.get("description").and_then(text),
        criteria_narrative: criteria.and_then(|c| c.get("narrative")).and_then(text),
        criteria_url: criteria.and_then(|c| c.get("id")).and_then(Value::as_str).and_then(safe_link_url),
        image: value.get("image").and_then(image),
        alignments: list(value.get("alignment"))
            .map(|a| AlignmentView {
                target_name: a.get("targetName").and_then(text),
                target_url: a.get("targetUrl").and_then(Value::as_str).and_then(safe_link_url),
                target_framework: a.get("targetFramework").and_then(text),
                target_code: plain(a.get("targetCode")),
                target_type: plain(a.get("targetType")),
            })
            .collect(),
        credits_available: credits(value.get("creditsAvailable")),
    }
}

pub(crate) fn image(value: &Value) -> Option<Image> {
    let (url, caption) = match value {
        Value::String(url) => (url.as_str(), None),
        object => (object.get("id")?.as_str()?, object.get("caption").and_then(text)),
    };
    Some(Image { url: safe_image_url(url)?, caption })
}

pub(crate) fn text(value: &Value) -> Option<Text> {
    match value {
        Value::String(s) => Some(Text::Plain(cut(s))),
        Value::Object(_) => language_value(value).map(|v| Text::Localized(vec![v])),
        Value::Array(items) => {
            let values: Vec<LanguageValue> = items.iter().take(32).filter_map(language_value).collect();
            (!values.is_empty()).then_some(Text::Localized(values))
        }
        _ => None,
    }
}

fn language_value(value: &Value) -> Option<LanguageValue> {
    match value {
        Value::String(s) => Some(LanguageValue { value: cut(s), language: None }),
        object => Some(LanguageValue {
            value: cut(object.get("@value")?.as_str()?),
            language: plain(object.get("@language")),
        }),
    }
}

/// A credit count: a finite number ≥ 0 (anything else is not shown, never summed).
fn credits(value: Option<&Value>) -> Option<Number> {
    let number = value?.as_number()?;
    number.as_f64().is_some_and(|n| n.is_finite() && n >= 0.0).then(|| number.clone())
}

pub(crate) fn plain(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(cut)
}

fn cut(s: &str) -> String {
    s.chars().take(MAX_TEXT_CHARS).collect()
}

fn list(value: Option<&Value>) -> Box<dyn Iterator<Item = &Value> + '_> {
    match value {
        Some(Value::Array(items)) => Box::new(items.iter().take(64)),
        Some(other) => Box::new(std::iter::once(other)),
        None => Box::new(std::iter::empty()),
    }
}

/// `url` if it may be shown in an `<img>`: a well-formed `https:` URL, or a well-formed
/// `data:` URL of a raster type or SVG (an `<img>` never runs SVG scripts). Anything else
/// (`javascript:`, `http:`, other data, a URL that does not parse) is `None` (the URL readers
/// are in `src/url.rs`).
pub fn safe_image_url(url: &str) -> Option<String> {
    let allowed = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"];
    let is_https = HttpUrl::parse(url).is_some_and(|parsed| parsed.https);
    let is_image_data = DataUrl::parse(url).is_some_and(|data| allowed.contains(&data.media_type.as_str()));
    (is_https || is_image_data).then(|| url.to_owned())
}

/// `url` if it may be a link: a well-formed `https:` or `http:` URL only.
pub fn safe_link_url(url: &str) -> Option<String> {
    HttpUrl::parse(url).map(|_| cut(url))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn shown_terms_cover_every_key_the_view_reads() {
        let source = include_str!("badge.rs");
        for read in source.split("get(\"").skip(1).filter_map(|rest| rest.split('"').next()) {
            let is_key = read.chars().all(|c| c.is_ascii_alphabetic());
            if is_key {
                assert!(SHOWN_TERMS.contains(&read), "badge.rs reads `{read}`: add it to SHOWN_TERMS");
            }
        }
    }

    #[test]
    fn only_safe_schemes_survive() {
        assert!(safe_image_url("https://x.example/a.png").is_some());
        assert!(safe_image_url("HTTPS://x.example/a.png").is_some());
        assert!(safe_image_url("data:image/png;base64,AAAA").is_some());
        assert!(safe_image_url("data:image/svg+xml,<svg/>").is_some());
        for bad in [
            "javascript:alert(1)",
            "http://x.example/a.png",
            "data:text/html,<script>",
            "data:image/pngx;,",
            " https://x",
            "//x.example",
            // The XSS battery's one finding (issue 11): no comma, so not a data URL at all.
            "data:image/png; base64; iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
            "data:image/png;base64,%%%",
            "https://x.example/a b.png",
            "https://x.example\\@evil.example/",
        ] {
            assert_eq!(safe_image_url(bad), None, "{bad}");
        }
        assert!(safe_link_url("http://x.example").is_some());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "JaVaScRiPt:x",
            "ftp://x",
            "https://x.example/\"><b>",
        ] {
            assert_eq!(safe_link_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_an_open_badge() {
        let credential = json!({
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": [{"@value": "Insignia", "@language": "es"}, {"@value": "Badge", "@language": "en"}],
            "issuer": {"id": "did:key:z6Mk", "name": "Example University", "url": "javascript:alert(1)",
                "image": {"id": "https://x.example/logo.png", "type": "Image"}},
            "credentialSubject": {"name": "Alice", "achievement": {
                "name": "Rust", "criteria": {"narrative": "Wrote a verifier", "id": "https://x.example/c"},
                "image": "data:text/html,<script>", "alignment": [{"targetName": "ESCO", "targetUrl": "https://esco.example"}]
            }},
            "validFrom": "2024-01-01T00:00:00Z",
            "endorsement": [{}, {}]
        });
        let view = BadgeView::from_credential(credential.as_object().unwrap());
        assert!(matches!(view.name, Some(Text::Localized(ref v)) if v.len() == 2));
        let issuer = view.issuer.unwrap();
        assert_eq!(issuer.url, None);
        assert_eq!(issuer.image.unwrap().url, "https://x.example/logo.png");
        let achievement = view.achievement.unwrap();
        assert_eq!(achievement.image, None);
        assert_eq!(achievement.criteria_url.as_deref(), Some("https://x.example/c"));
        assert_eq!(achievement.alignments.len(), 1);
        assert_eq!(view.recipient_name, Some(Text::Plain("Alice".into())));
        assert_eq!(view.endorsement_count, 2);
    }
}
