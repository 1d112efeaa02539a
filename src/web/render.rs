//! `Card` → DOM nodes in a shadow root. Thin on purpose: every decision (what to show, which
//! language, what is trusted, which URLs are safe) is made in the pure `card` module. Here
//! credential text only ever reaches the page through `set_text_content` and attribute values
//! (`alt`, and `src` / `href` already filtered to safe schemes): never markup.

use std::cell::Cell;

use js_sys::Function;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

#[cfg(feature = "presentations")]
use crate::card::CardEndorsement;
use crate::card::{Card, CardDate, CardEvidence, CardImage, CardLink};
use crate::i18n::Label;

/// How to lay the card out: `card` (checklist collapsed), `compact` (one line, CSS), `full`
/// (checklist open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Card,
    Compact,
    Full,
}

impl Layout {
    pub(crate) fn parse(name: &str) -> Self {
        match name {
            "compact" => Self::Compact,
            "full" => Self::Full,
            _ => Self::Card,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Card => "card",
            Self::Compact => "compact",
            Self::Full => "full",
        }
    }
}

/// Credential text goes into elements with `dir="auto"`: an English name in an Arabic card (or
/// the reverse) keeps its own direction and punctuation.
///
/// Replaces the card in `root` (a shadow root) with `card`. When `announce` is set, the headline
/// is also written once into the root's polite live region.
pub(crate) fn render(root: &Node, card: &Card, layout: Layout, announce: bool) -> Result<(), JsValue> {
    let document = root.owner_document().ok_or_else(|| JsValue::from_str("the root has no document"))?;
    let dom = Dom(document);
    while let Some(old) = first_card(root) {
        root.remove_child(&old)?;
    }
    let live = live_region(root, &dom)?;
    root.append_child(&*build(&dom, card, layout)?)?;
    if announce {
        live.set_text_content(Some(&card.announcement()));
    }
    Ok(())
}

fn first_card(root: &Node) -> Option<Node> {
    let children = root.child_nodes();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|n| n.dyn_ref_element().is_some_and(|e| e.class_name() == "card"))
}

/// The polite live region, created once per root and kept across re-renders.
pub(crate) fn live_region(root: &Node, dom: &Dom) -> Result<Element, JsValue> {
    let children = root.child_nodes();
    if let Some(existing) = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter_map(|n| n.dyn_ref_element().cloned())
        .find(|e| e.has_attribute("data-live"))
    {
        return Ok(existing);
    }
    let live = dom.el("p", &[("class", "visually-hidden"), ("aria-live", "polite"), ("data-live", "")])?;
    root.append_child(&live)?;
    Ok(live)
}

pub(crate) fn build(dom: &Dom, card: &Card, layout: Layout) -> Result<Element, JsValue> {
    let lang = card.lang;
    let dir = lang.dir();
    let trust = if card.trusted { "trusted" } else { "unverified" };
    let section = dom.el(
        "section",
        &[
            ("class", "card"),
            ("part", "card"),
            ("lang", lang.tag()),
            ("dir", dir),
            ("data-verdict", &card.verdict),
            ("data-layout", layout.name()),
            ("data-trust", trust),
        ],
    )?;
    let status = dom.el("p", &[("class", "status"), ("part", "status"), ("data-verdict", &card.verdict)])?;
    status.append_child(&*dom.text_el("span", &[("class", "mark"), ("aria-hidden", "true")], card.mark)?)?;
    status.append_child(&*dom.text_el("span", &[("class", "headline")], card.headline)?)?;
    section.append_child(&status)?;
    if !card.trusted && card.verdict != "error" {
        section.append_child(&*dom.text_el(
            "p",
            &[("class", "unverified-note")],
            lang.label(Label::UnverifiedContent),
        )?)?;
    }

    let body = dom.el("div", &[("class", "body")])?;
    if let Some(image) = &card.image {
        body.append_child(&*img(dom, image, "image")?)?;
    }
    let main = dom.el("div", &[("class", "main")])?;
    if let Some(title) = &card.title {
        main.append_child(&*dom.text_el("p", &[("class", "title"), ("part", "title"), ("dir", "auto")], title)?)?;
    }
    if let Some(description) = &card.description {
        main.append_child(&*dom.text_el("p", &[("class", "description"), ("dir", "auto")], description)?)?;
    }
    let facts = facts(dom, card)?;
    if facts.has_child_nodes() {
        main.append_child(&facts)?;
    }
    body.append_child(&main)?;
    if card.title.is_some() || card.image.is_some() || facts.has_child_nodes() {
        section.append_child(&body)?;
    }
    section.append_child(&*checklist(dom, card, layout)?)?;
    Ok(section)
}

fn facts(dom: &Dom, card: &Card) -> Result<Element, JsValue> {
    let lang = card.lang;
    let list = dom.el("dl", &[("class", "facts")])?;
    if let Some(issuer) = &card.issuer {
        let value = dom.el("dd", &[("class", "issuer"), ("part", "issuer")])?;
        // Not loaded (offline): its text alternative is the issuer's name, shown next to it anyway.
        if let Some(image) = card.issuer_image.as_ref().filter(|i| i.url.is_some()) {
            value.append_child(&*img(dom, image, "issuer-image")?)?;
        }
        value.append_child(&*link(dom, issuer)?)?;
        row(dom, &list, lang.label(Label::IssuedBy), value)?;
    }
    if let Some(recipient) = &card.recipient {
        row(dom, &list, lang.label(Label::AwardedTo), dom.text_el("dd", &[("dir", "auto")], recipient)?)?;
    }
    if let Some(date) = &card.issued {
        row(dom, &list, lang.label(Label::IssuedOn), time(dom, date, lang.tag())?)?;
    }
    if let Some(date) = &card.valid_until {
        row(dom, &list, lang.label(Label::ValidUntil), time(dom, date, lang.tag())?)?;
    }
    if let Some(criteria) = &card.criteria {
        let value = dom.el("dd", &[("class", "criteria")])?;
        value.append_child(&*link(dom, criteria)?)?;
        row(dom, &list, lang.label(Label::Criteria), value)?;
    }
    if !card.results.is_empty() {
        row(dom, &list, lang.label(Label::Results), dom.text_el("dd", &[("dir", "auto")], &card.results.join(" · "))?)?;
    }
    if !card.alignments.is_empty() {
        let value = dom.el("dd", &[("class", "alignments")])?;
        for (i, alignment) in card.alignments.iter().enumerate() {
            if i > 0 {
                value.append_child(&dom.0.create_text_node(" · "))?;
            }
            value.append_child(&*link(dom, alignment)?)?;
        }
        row(dom, &list, lang.label(Label::Alignments), value)?;
    }
    if let Some(kind) = &card.achievement_type {
        let value = dom.text_el("dd", &[("class", "achievement-type"), ("dir", "auto")], kind)?;
        row(dom, &list, lang.label(Label::AchievementType), value)?;
    }
    if !card.evidence.is_empty() {
        row(dom, &list, lang.label(Label::Evidence), evidence(dom, &card.evidence)?)?;
    }
    #[cfg(feature = "presentations")] // the core never has endorsements to draw (card.rs)
    if let Some(endorsed_by) = &card.endorsed_by {
        row(dom, &list, lang.label(Label::Endorsements), endorsements(dom, endorsed_by, &card.endorsements)?)?;
    }
    Ok(list)
}

/// The evidence: a list of links (http(s) only, else text), each with its narrative.
fn evidence(dom: &Dom, items: &[CardEvidence]) -> Result<Element, JsValue> {
    let value = dom.el("dd", &[("class", "evidence"), ("part", "evidence")])?;
    let list = dom.el("ul", &[])?;
    for item in items {
        let entry = dom.el("li", &[])?;
        entry.append_child(&*link(dom, &item.link)?)?;
        if let Some(narrative) = &item.narrative {
            entry.append_child(&*dom.text_el("p", &[("class", "narrative"), ("dir", "auto")], narrative)?)?;
        }
        list.append_child(&entry)?;
    }
    value.append_child(&list)?;
    Ok(value)
}

#[cfg(feature = "presentations")]
/// "Endorsed by N", then who: each endorser with its verdict in words and a mark that is not
/// colour (`data-verdict` for CSS), and a verified endorsement's comment.
fn endorsements(dom: &Dom, endorsed_by: &str, items: &[CardEndorsement]) -> Result<Element, JsValue> {
    let value = dom.el("dd", &[("class", "endorsements"), ("part", "endorsements")])?;
    value.append_child(&*dom.text_el("p", &[("class", "endorsed-by")], endorsed_by)?)?;
    let list = dom.el("ul", &[])?;
    for item in items {
        let entry = dom.el("li", &[("data-verdict", &item.verdict)])?;
        entry.append_child(&*dom.text_el("span", &[("class", "mark"), ("aria-hidden", "true")], item.mark)?)?;
        entry.append_child(&*dom.text_el("span", &[("class", "endorser"), ("dir", "auto")], &item.endorser)?)?;
        entry.append_child(&dom.0.create_text_node(" · "))?;
        entry.append_child(&*dom.text_el("span", &[("class", "endorsement-verdict")], item.verdict_label)?)?;
        if let Some(comment) = &item.comment {
            entry.append_child(&*dom.text_el("q", &[("class", "comment"), ("dir", "auto")], comment)?)?;
        }
        list.append_child(&entry)?;
    }
    value.append_child(&list)?;
    Ok(value)
}

fn row(dom: &Dom, list: &Element, term: &str, value: Element) -> Result<(), JsValue> {
    let group = dom.el("div", &[])?;
    group.append_child(&*dom.text_el("dt", &[], term)?)?;
    if value.tag_name() == "DD" {
        group.append_child(&value)?;
    } else {
        let dd = dom.el("dd", &[])?;
        dd.append_child(&value)?;
        group.append_child(&dd)?;
    }
    list.append_child(&group)?;
    Ok(())
}

fn checklist(dom: &Dom, card: &Card, layout: Layout) -> Result<Element, JsValue> {
    let details = dom.el("details", &[("class", "checks"), ("part", "checks")])?;
    if layout == Layout::Full || card.verdict == "error" {
        details.set_attribute("open", "")?;
    }
    let summary = format!("{} ({})", card.lang.label(Label::Checks), card.checks.len());
    details.append_child(&*dom.text_el("summary", &[], &summary)?)?;
    let list = dom.el("ul", &[])?;
    for check in &card.checks {
        let item = dom.el("li", &[("data-outcome", &check.outcome)])?;
        item.append_child(&*dom.text_el("span", &[("class", "mark"), ("aria-hidden", "true")], check.mark)?)?;
        let text = dom.el("div", &[("class", "check-text")])?;
        let line = dom.el("p", &[])?;
        line.append_child(&*dom.text_el("strong", &[("class", "outcome")], check.outcome_label)?)?;
        line.append_child(&dom.0.create_text_node(" "))?;
        line.append_child(&dom.0.create_text_node(&check.sentence))?;
        text.append_child(&line)?;
        if let Some(detail) = &check.detail {
            text.append_child(&*dom.text_el("p", &[("class", "detail"), ("dir", "auto")], detail)?)?;
        }
        let technical = dom.el("details", &[("class", "technical")])?;
        technical.append_child(&*dom.text_el("summary", &[], card.lang.label(Label::TechnicalDetails))?)?;
        technical.append_child(&*dom.text_el("code", &[("dir", "ltr")], &check.technical)?)?;
        text.append_child(&technical)?;
        item.append_child(&text)?;
        list.append_child(&item)?;
    }
    details.append_child(&list)?;
    Ok(details)
}

/// An `<img>`, or, for an image not to be fetched (offline), its text alternative in its place.
pub(crate) fn img(dom: &Dom, image: &CardImage, class: &str) -> Result<Element, JsValue> {
    let part = if class == "image" { "image" } else { "issuer-image" };
    let Some(url) = &image.url else {
        return dom.text_el(
            "span",
            &[("class", &format!("{class} image-alt")), ("part", part), ("dir", "auto")],
            &image.alt,
        );
    };
    dom.el(
        "img",
        &[
            ("class", class),
            ("part", part),
            ("src", url),
            ("alt", &image.alt),
            ("referrerpolicy", "no-referrer"),
            ("decoding", "async"),
        ],
    )
}

pub(crate) fn link(dom: &Dom, link: &CardLink) -> Result<Element, JsValue> {
    match &link.url {
        Some(url) => dom.text_el(
            "a",
            &[
                ("href", url),
                ("rel", "noopener noreferrer"),
                ("target", "_blank"),
                ("referrerpolicy", "no-referrer"),
                ("dir", "auto"),
            ],
            &link.text,
        ),
        None => dom.text_el("span", &[("dir", "auto")], &link.text),
    }
}

/// A `<time>` with the date in the card's language (UTC, so a midnight-UTC date is that day).
fn time(dom: &Dom, date: &CardDate, tag: &'static str) -> Result<Element, JsValue> {
    let shown = match date.unix_seconds {
        Some(seconds) => long_date(tag, seconds as f64 * 1000.0)?,
        None => date.text.clone(),
    };
    dom.text_el("time", &[("datetime", &date.text)], &shown)
}

thread_local! {
    /// One `Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format` per card
    /// language: `Date.toLocaleDateString(tag, options)` builds a new formatter on every call
    /// (about 0.1 ms each in Chromium, some 50 times a kept formatter's call).
    static DATE_FORMATS: Cell<Vec<(&'static str, Function)>> = const { Cell::new(Vec::new()) };
}

fn long_date(tag: &'static str, millis: f64) -> Result<String, JsValue> {
    let mut formats = DATE_FORMATS.take();
    let format = match formats.iter().find(|(t, _)| *t == tag) {
        Some((_, format)) => Ok(format.clone()),
        None => date_format(tag).inspect(|format| formats.push((tag, format.clone()))),
    };
    DATE_FORMATS.set(formats);
    let instant = js_sys::Date::new(&JsValue::from_f64(millis));
    format?
        .call1(&JsValue::UNDEFINED, &instant)?
        .as_string()
        .ok_or_else(|| JsValue::from_str("Intl.DateTimeFormat did not return a string"))
}

fn date_format(tag: &str) -> Result<Function, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into())?;
    js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into())?;
    Ok(js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&tag.into()), &options).format())
}

/// Element construction: attributes and text only.
pub(crate) struct Dom(pub(crate) Document);

impl Dom {
    pub(crate) fn el(&self, tag: &str, attributes: &[(&str, &str)]) -> Result<Element, JsValue> {
        let element = self.0.create_element(tag)?;
        for (name, value) in attributes {
            element.set_attribute(name, value)?;
        }
        Ok(element)
    }

    pub(crate) fn text_el(&self, tag: &str, attributes: &[(&str, &str)], text: &str) -> Result<Element, JsValue> {
        let element = self.el(tag, attributes)?;
        element.set_text_content(Some(text));
        Ok(element)
    }
}

trait DynElement {
    fn dyn_ref_element(&self) -> Option<&Element>;
}

impl DynElement for Node {
    fn dyn_ref_element(&self) -> Option<&Element> {
        wasm_bindgen::JsCast::dyn_ref::<Element>(self)
    }
}
