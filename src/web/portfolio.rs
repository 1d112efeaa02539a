//! `Portfolio` → DOM nodes in a shadow root, for the `<badge-portfolio>` element
//! (www/badge-portfolio-element.js). Thin, like `render`: what is counted, grouped, summed and
//! trusted is decided by the pure [`crate::portfolio`] module; credential text reaches the page
//! through `set_text_content` and attribute values only. Each credential is a `<details>` whose
//! `<summary>` is its compact line and whose body is the full card `render::build` draws for
//! `<badge-verifier>`. In the full module only: a container needs it to be verified at all.

use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

use super::render::{build, img, link, live_region, Dom, Layout};
use super::verified_report::VerifiedReport;
use super::widget::{flag, lang};
use crate::card::{Card, CardLink};
use crate::i18n::Label;
use crate::portfolio::{verifying, Group, Item, Portfolio};

/// Renders the portfolio of `report` (a `VerifiedReport` of a presentation, CLR or collection,
/// which only `Verification.finishReport()` builds) into `root`, replacing what the element
/// showed before.
///
/// `options` (all optional), as for `renderReport`: `lang` (a BCP 47 tag), `announce` (write the
/// summary to the live region), `offline` (fetch no image).
///
/// # Errors
/// A JS error when the DOM refuses a node.
#[wasm_bindgen(js_name = renderPortfolio)]
pub fn render_portfolio(root: &Node, report: &VerifiedReport, options: JsValue) -> Result<(), JsValue> {
    render_portfolio_value(root, &report.value()?, &options)
}

/// Renders a container report's JSON into `root`, with `options` as for `renderPortfolio`. Not
/// exported to JS (a page could hand it anything): for Rust callers and the rendering tests.
///
/// # Errors
/// A JS error when the DOM refuses a node.
pub fn render_portfolio_value(root: &Node, report: &Value, options: &JsValue) -> Result<(), JsValue> {
    let lang = lang(options);
    let portfolio = Portfolio::from_report(report, lang);
    let portfolio = if flag(options, "offline") { portfolio.without_remote_images() } else { portfolio };
    let dom = dom_of(root)?;
    clear(root)?;
    let live = live_region(root, &dom)?;
    root.append_child(&*portfolio_element(&dom, &portfolio)?)?;
    if flag(options, "announce") {
        live.set_text_content(Some(&portfolio.announcement()));
    }
    Ok(())
}

/// Draws the full card and checklist of the credential at `index` (its `data-index`: its position
/// in the container's `members.reports`, 0 for a report without members) into `details`, the
/// `<details>` of its line, unless it has one already. The element calls it when a line is first
/// opened. Returns whether a card was drawn.
///
/// `options`: `lang`, `offline`, as for `renderPortfolio`.
///
/// # Errors
/// A JS error when the DOM refuses a node.
#[wasm_bindgen(js_name = renderPortfolioCard)]
pub fn render_portfolio_card(
    details: &Element,
    report: &VerifiedReport,
    index: u32,
    options: JsValue,
) -> Result<bool, JsValue> {
    render_portfolio_card_value(details, &report.value()?, usize::try_from(index).unwrap_or(usize::MAX), &options)
}

/// `renderPortfolioCard` for a container report's JSON. Not exported to JS (a page could hand it
/// anything): for Rust callers and the rendering tests.
///
/// # Errors
/// A JS error when the DOM refuses a node.
pub fn render_portfolio_card_value(
    details: &Element,
    report: &Value,
    index: usize,
    options: &JsValue,
) -> Result<bool, JsValue> {
    if details.query_selector(":scope > .card")?.is_some() {
        return Ok(false);
    }
    let member = match report.get("members") {
        Some(members) => members.get("reports").and_then(|r| r.get(index)),
        None => (index == 0).then_some(report),
    };
    let Some(member) = member else { return Ok(false) };
    let lang = lang(options);
    let card = Card::from_report(member, lang);
    let card = if flag(options, "offline") { card.without_remote_images() } else { card };
    let document = details.owner_document().ok_or_else(|| JsValue::from_str("the details have no document"))?;
    details.append_child(&*build(&Dom(document), &card, Layout::Card)?)?;
    Ok(true)
}

/// Shows the busy state, "Verifying `count` credentials…" in the language of `options.lang`, in
/// place of what the element showed (a `role="status"` paragraph, class `portfolio busy`).
///
/// # Errors
/// A JS error when the DOM refuses a node.
#[wasm_bindgen(js_name = renderPortfolioBusy)]
pub fn render_portfolio_busy(root: &Node, count: u32, options: JsValue) -> Result<(), JsValue> {
    let lang = lang(&options);
    let dom = dom_of(root)?;
    clear(root)?;
    let words = verifying(usize::try_from(count).unwrap_or(usize::MAX), lang);
    let busy = dom.text_el(
        "p",
        &[
            ("class", "portfolio busy"),
            ("part", "portfolio"),
            ("role", "status"),
            ("lang", lang.tag()),
            ("dir", lang.dir()),
        ],
        &words,
    )?;
    root.append_child(&busy)?;
    Ok(())
}

fn dom_of(root: &Node) -> Result<Dom, JsValue> {
    Ok(Dom(root.owner_document().ok_or_else(|| JsValue::from_str("the root has no document"))?))
}

/// Removes the portfolio, its busy state, or an error card the element drew before.
fn clear(root: &Node) -> Result<(), JsValue> {
    let children = root.child_nodes();
    let old: Vec<Node> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|n| {
            n.dyn_ref::<Element>().is_some_and(|e| {
                let classes = e.class_name();
                classes.split_whitespace().any(|c| c == "portfolio" || c == "card")
            })
        })
        .collect();
    for node in old {
        root.remove_child(&node)?;
    }
    Ok(())
}

fn portfolio_element(dom: &Dom, portfolio: &Portfolio) -> Result<Element, JsValue> {
    let lang = portfolio.lang;
    let section = dom.el(
        "section",
        &[
            ("class", "portfolio"),
            ("part", "portfolio"),
            ("lang", lang.tag()),
            ("dir", lang.dir()),
            ("data-verdict", &portfolio.verdict),
            ("data-container", &portfolio.container),
        ],
    )?;
    section.append_child(&*summary(dom, portfolio)?)?;
    for (index, group) in portfolio.groups.iter().enumerate() {
        section.append_child(&*group_element(dom, portfolio, group, index)?)?;
    }
    if !portfolio.associations.is_empty() {
        let block = dom.el("section", &[("class", "associations"), ("aria-labelledby", "portfolio-associations")])?;
        block.append_child(&*dom.text_el(
            "h2",
            &[("id", "portfolio-associations")],
            lang.label(Label::PortfolioAssociations),
        )?)?;
        let list = dom.el("ul", &[])?;
        for line in &portfolio.associations {
            list.append_child(&*dom.text_el("li", &[("dir", "auto")], line)?)?;
        }
        block.append_child(&list)?;
        section.append_child(&block)?;
    }
    Ok(section)
}

fn summary(dom: &Dom, portfolio: &Portfolio) -> Result<Element, JsValue> {
    let lang = portfolio.lang;
    let block = dom.el(
        "section",
        &[("class", "summary"), ("part", "summary"), ("aria-label", lang.label(Label::PortfolioSummary))],
    )?;
    let status = dom.el("p", &[("class", "status"), ("part", "status"), ("data-verdict", &portfolio.verdict)])?;
    status.append_child(&*dom.text_el("span", &[("class", "mark"), ("aria-hidden", "true")], portfolio.mark)?)?;
    status.append_child(&*dom.text_el("span", &[("class", "headline")], portfolio.headline)?)?;
    block.append_child(&status)?;
    block.append_child(&*dom.text_el("p", &[("class", "tally")], &portfolio.verified_line)?)?;
    let counts = dom.el("dl", &[("class", "counts")])?;
    for count in &portfolio.counts {
        let pair = dom.el("div", &[("data-count", count.key)])?;
        pair.append_child(&*dom.text_el("dt", &[], count.label)?)?;
        pair.append_child(&*dom.text_el("dd", &[], &count.count.to_string())?)?;
        counts.append_child(&pair)?;
    }
    block.append_child(&counts)?;
    Ok(block)
}

fn group_element(dom: &Dom, portfolio: &Portfolio, group: &Group, index: usize) -> Result<Element, JsValue> {
    let lang = portfolio.lang;
    let id = format!("portfolio-group-{index}");
    let section = dom.el(
        "section",
        &[("class", "group"), ("part", "group"), ("data-group", group.kind.name()), ("aria-labelledby", &id)],
    )?;
    let heading = dom.el("h2", &[("id", &id), ("class", "group-heading")])?;
    heading.append_child(&*dom.text_el("span", &[("class", "group-kind")], group.kind_label)?)?;
    if !group.heading.is_empty() {
        heading.append_child(&dom.0.create_text_node(" "))?;
        let target = CardLink { text: group.heading.clone(), url: group.url.clone() };
        let name = link(dom, &target)?;
        name.set_attribute("class", "group-name")?;
        heading.append_child(&name)?;
    }
    let detail: Vec<String> = [group.framework.clone(), group.code.clone()].into_iter().flatten().collect();
    if !detail.is_empty() {
        heading.append_child(&dom.0.create_text_node(" "))?;
        let text = format!("({})", detail.join(" · "));
        heading.append_child(&*dom.text_el("span", &[("class", "group-target"), ("dir", "auto")], &text)?)?;
    }
    section.append_child(&heading)?;
    if let Some(credits) = &group.credits {
        let line = format!("{}: {credits}", lang.label(Label::PortfolioCredits));
        section.append_child(&*dom.text_el("p", &[("class", "credits"), ("data-credits", credits)], &line)?)?;
    }
    let list = dom.el("ul", &[("class", "items")])?;
    for &item_index in &group.items {
        if let Some(item) = portfolio.items.get(item_index) {
            list.append_child(&*item_element(dom, item, item_index)?)?;
        }
    }
    section.append_child(&list)?;
    Ok(section)
}

/// One credential: a `<details>` whose summary is the compact line; its body, the full card, is
/// drawn on first opening.
fn item_element(dom: &Dom, item: &Item, index: usize) -> Result<Element, JsValue> {
    let card = &item.card;
    let trust = if card.trusted { "trusted" } else { "unverified" };
    let entry = dom.el(
        "li",
        &[
            ("class", "item"),
            ("data-verdict", &card.verdict),
            ("data-index", &index.to_string()),
            ("data-trust", trust),
        ],
    )?;
    let details = dom.el("details", &[("class", "entry"), ("part", "item")])?;
    let line = dom.el("summary", &[("class", "compact"), ("data-verdict", &card.verdict)])?;
    line.append_child(&*dom.text_el("span", &[("class", "mark"), ("aria-hidden", "true")], card.mark)?)?;
    if let Some(image) = &card.image {
        let picture = img(dom, image, "image")?;
        if picture.tag_name() == "IMG" {
            picture.set_attribute("alt", "")?; // the name follows: the image would only repeat it
        }
        line.append_child(&picture)?;
    }
    let title = card.title.as_deref().unwrap_or(card.headline);
    line.append_child(&*dom.text_el("span", &[("class", "name"), ("dir", "auto")], title)?)?;
    if let Some(issuer) = &card.issuer {
        line.append_child(&*dom.text_el("span", &[("class", "issuer"), ("dir", "auto")], &issuer.text)?)?;
    }
    line.append_child(&*dom.text_el("span", &[("class", "verdict")], card.headline)?)?;
    details.append_child(&line)?;
    // The full card is built when the line is first opened (`renderPortfolioCard`): drawing
    // thirty cards up front was one main-thread task of ~90 ms.
    entry.append_child(&details)?;
    Ok(entry)
}
