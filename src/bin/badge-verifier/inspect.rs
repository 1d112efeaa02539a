//! `inspect FILE`: what a credential claims, read without judging it. Nothing is verified and
//! nothing is fetched; the output says so first. The claims come from the same reader the card
//! uses (`BadgeView`), so what `inspect` shows is what a card would show once verified.

use badge_verifier::badge::BadgeView;
use badge_verifier::input::{self, Decoded};
use badge_verifier::{InputFormat, Limits};
use serde_json::{json, Map, Value};

/// The claims of the credential in `bytes`, as JSON.
///
/// # Errors
/// The input cannot be read as a credential (its code and message).
pub(crate) fn claims(bytes: &[u8]) -> Result<Value, String> {
    let limits = Limits::default();
    let decoded = input::decode(bytes, &limits).map_err(|e| format!("{} ({})", e, e.code()))?;
    let (image, content) = match decoded {
        Decoded::Json(json) => (InputFormat::Json, Content::Json(json)),
        Decoded::Baked { image, json } => (image, Content::Json(json)),
        Decoded::CompactJws { image, text } => (image, Content::Jws(text)),
        Decoded::HostedUrl { image, url } => (image, Content::Hosted(url)),
        Decoded::LeftOut { image, error } => return Err(format!("{} image: {error} ({})", name(image), error.code())),
        Decoded::BakedUnsupported { what, .. } | Decoded::Unsupported(what) => {
            return Err(format!("{what} is not supported (unsupported_format)"))
        }
        _ => return Err("this input is not a credential this build reads".to_owned()),
    };
    let read_from = match (&content, image) {
        (Content::Jws(_), InputFormat::Json) => "jwt".to_owned(),
        _ => name(image),
    };
    let mut out = Map::new();
    out.insert("judged".into(), json!(false));
    out.insert("input".into(), json!(read_from));
    match content {
        Content::Json(json) => describe(&json, &mut out),
        Content::Hosted(url) => {
            out.insert("kind".into(), json!("open_badges_2_hosted_url"));
            out.insert("hostedAt".into(), json!(url));
        }
        Content::Jws(text) => {
            let jws =
                badge_verifier::jose::CompactJws::parse(&text, &limits).map_err(|e| format!("{e} ({})", e.code()))?;
            let header = json!({
                "alg": format!("{:?}", jws.header.algorithm),
                "kid": jws.header.key_id,
                "typ": jws.header.media_type,
                "keyInHeader": jws.header.jwk.is_some(),
            });
            out.insert("jws".into(), header);
            match badge_verifier::vc_jwt::credential(&jws) {
                Ok(enveloped) => describe(&enveloped.credential, &mut out),
                // Not a VC-JWT: an Open Badges 2.0 signed assertion is the payload itself.
                Err(_) => describe(&jws.payload, &mut out),
            }
        }
    }
    Ok(Value::Object(out))
}

enum Content {
    Json(Value),
    Jws(String),
    Hosted(String),
}

fn name(image: InputFormat) -> String {
    serde_json::to_value(image).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Adds what `json` claims: its kind, the card's view of it, its proofs and status entries.
fn describe(json: &Value, out: &mut Map<String, Value>) {
    let Some(object) = json.as_object() else {
        out.insert("kind".into(), json!("not_an_object"));
        return;
    };
    let kind = match badge_verifier::ob2::kind(json) {
        badge_verifier::ob2::Kind::Assertion => "open_badges_2_assertion",
        badge_verifier::ob2::Kind::Version05 => "open_badges_0_5_assertion",
        badge_verifier::ob2::Kind::Linked => "open_badges_2_document",
        _ => "credential",
    };
    out.insert("kind".into(), json!(kind));
    out.insert("claims".into(), serde_json::to_value(BadgeView::from_credential(object)).unwrap_or(Value::Null));
    let proofs: Vec<Value> = list(object.get("proof"))
        .filter_map(Value::as_object)
        .map(|proof| pick(proof, &["type", "cryptosuite", "verificationMethod", "proofPurpose", "created"]))
        .collect();
    if !proofs.is_empty() {
        out.insert("proofs".into(), json!(proofs));
    }
    let status: Vec<Value> = list(object.get("credentialStatus"))
        .filter_map(Value::as_object)
        .map(|entry| pick(entry, &["type", "statusPurpose", "statusListCredential", "statusListIndex", "id"]))
        .collect();
    if !status.is_empty() {
        out.insert("status".into(), json!(status));
    }
    if kind != "credential" {
        out.insert(
            "openBadges2".into(),
            pick(object, &["id", "badge", "issuedOn", "expires", "verification", "recipient"]),
        );
    }
}

fn list(value: Option<&Value>) -> Box<dyn Iterator<Item = &Value> + '_> {
    match value {
        Some(Value::Array(items)) => Box::new(items.iter().take(16)),
        Some(other) => Box::new(std::iter::once(other)),
        None => Box::new(std::iter::empty()),
    }
}

fn pick(object: &Map<String, Value>, keys: &[&str]) -> Value {
    Value::Object(keys.iter().filter_map(|k| object.get(*k).map(|v| ((*k).to_owned(), v.clone()))).collect())
}

/// The claims for people.
pub(crate) fn text(input: &str, claims: &Value) -> String {
    let mut text = format!("{input}: what it claims (NOT VERIFIED: `badge-verifier verify` judges it)\n");
    let mut line = |label: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            text.push_str(&format!("  {label}: {value}\n"));
        }
    };
    let str_at = |pointer: &str| claims.pointer(pointer).and_then(Value::as_str).map(str::to_owned);
    let text_at = |pointer: &str| {
        claims.pointer(pointer).and_then(|v| serde_json::from_value::<TextValue>(v.clone()).ok()).map(|t| t.shown())
    };
    line("read from", str_at("/input"));
    line("kind", str_at("/kind"));
    line("hosted at", str_at("/hostedAt"));
    line("signed as", str_at("/jws/alg").map(|alg| format!("JWS {alg}")));
    line(
        "type",
        claims
            .pointer("/claims/types")
            .and_then(Value::as_array)
            .map(|types| types.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")),
    );
    line("name", text_at("/claims/name"));
    line("issuer", text_at("/claims/issuer/name"));
    line("issuer id", str_at("/claims/issuer/id"));
    line("recipient", text_at("/claims/recipientName"));
    line("achievement", text_at("/claims/achievement/name"));
    line("achievement type", str_at("/claims/achievement/achievementType"));
    line("description", text_at("/claims/achievement/description").or_else(|| text_at("/claims/description")));
    line("criteria", text_at("/claims/achievement/criteriaNarrative"));
    line("valid from", str_at("/claims/validFrom"));
    line("valid until", str_at("/claims/validUntil"));
    for proof in claims.get("proofs").and_then(Value::as_array).into_iter().flatten() {
        let field = |k: &str| proof.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        line(
            "proof",
            Some(
                format!("{} {} by {}", field("type"), field("cryptosuite"), field("verificationMethod"))
                    .replace("  ", " "),
            ),
        );
    }
    for entry in claims.get("status").and_then(Value::as_array).into_iter().flatten() {
        let field = |k: &str| entry.get(k).map(|v| v.to_string().trim_matches('"').to_owned()).unwrap_or_default();
        line(
            "status",
            Some(format!(
                "{} {} in {}",
                field("statusPurpose"),
                field("statusListIndex"),
                field("statusListCredential")
            )),
        );
    }
    text
}

/// A `Text` as the report serialises it.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum TextValue {
    Plain(String),
    Localized(Vec<Localized>),
}

#[derive(serde::Deserialize)]
struct Localized {
    #[serde(rename = "@value")]
    value: String,
    #[serde(rename = "@language")]
    language: Option<String>,
}

impl TextValue {
    /// The English value if there is one, else the first.
    fn shown(self) -> String {
        match self {
            Self::Plain(text) => text,
            Self::Localized(values) => {
                let english = values.iter().position(|v| v.language.as_deref().is_some_and(|l| l.starts_with("en")));
                values.into_iter().nth(english.unwrap_or(0)).map(|v| v.value).unwrap_or_default()
            }
        }
    }
}
