//! `Portfolio`: what `<badge-portfolio>` shows for a container's report (a presentation's, a
//! CLR's or a collection's, `Report::members`), as plain strings in one language. Pure and
//! host-agnostic, like [`crate::card`]: it reads the report's JSON and decides what is counted,
//! grouped and summed; the web layer only turns it into nodes.
//!
//! Decisions (each has a test):
//! - **Summary**: how many credentials, how many verified (`verified` or
//!   `verified_with_warnings`), expired, revoked, suspended, not yet valid (shown when some are)
//!   and not verified (any other verdict); and by how many issuers — counting only the issuers of
//!   authentic credentials (verified, or authentic but expired, not yet valid, revoked or
//!   suspended: the card's `trusted`), since an issuer named by an unverified credential may not
//!   be its issuer at all.
//! - **Groups**, by what a credential stacks toward: one group per `achievement.alignment` entry
//!   (keyed by `targetFramework` and `targetCode`, else `targetName`: an ESCO skill, an O*NET
//!   occupation, a qualification); a credential with no alignment by its `achievementType`; with
//!   neither, by its issuer. A credential with two alignments is in both groups (each group's
//!   credits count it), while the summary counts it once. Groups keep the order their first
//!   credential has in the container: alignments first, then types, then issuers; alignment
//!   targets of one framework side by side, frameworks in the order they first appear (a
//!   qualification, then its ESCO skills as one run, then O*NET occupations).
//! - **Credits** (`credentialSubject.creditsEarned`, else `achievement.creditsAvailable`) are
//!   summed per group over *verified* credentials only: an expired or revoked credential is
//!   listed in its group (its claims are its issuer's) but no longer counts toward it.
//! - **Not verified**: the claims of a credential that is not authentic are not facts. It is
//!   never grouped by what it claims and never summed: it is listed in a last group of its own.
//! - **Associations** of a CLR (`badge.associations`: `type`, `source`, `target`, as src/badge/association.rs reads them)
//!   are shown only when the CLR's own checks (all but `members`) passed: they are its claims.

use serde_json::Value;

use crate::badge::safe_link_url;
use crate::card::{pick_text, verdict_label, verdict_mark, Card};
use crate::i18n::{Label, Lang};

/// What a group gathers credentials by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// An `achievement.alignment` target (a skill, an occupation, a qualification).
    Alignment,
    /// An `achievement.achievementType` (`Course`, `Certificate`, …).
    AchievementType,
    /// The issuer (a credential with neither alignment nor type).
    Issuer,
    /// Credentials that are not authentic: listed, never grouped by their claims nor summed.
    NotVerified,
}

impl GroupKind {
    /// Its name, for a `data-group` attribute (a CSS and test hook).
    pub fn name(self) -> &'static str {
        match self {
            Self::Alignment => "alignment",
            Self::AchievementType => "type",
            Self::Issuer => "issuer",
            Self::NotVerified => "not_verified",
        }
    }
}

/// One group of the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// What it gathers by.
    pub kind: GroupKind,
    /// Its kind in words ("Stacks toward", "Type", "Issued by"), or the not-verified group's note.
    pub kind_label: &'static str,
    /// The target's name, the type, the issuer's name; empty for the not-verified group.
    pub heading: String,
    /// The alignment's `targetFramework`.
    pub framework: Option<String>,
    /// The alignment's `targetCode`.
    pub code: Option<String>,
    /// The alignment's `targetUrl` (or the issuer's `url`), `http(s):` only.
    pub url: Option<String>,
    /// The sum of its verified credentials' credits, formatted for the language (`7.5`, `7,5`).
    pub credits: Option<String>,
    /// Its credentials: indices into [`Portfolio::items`].
    pub items: Vec<usize>,
    key: String,
    credit_sum: Option<f64>,
}

/// One credential of the portfolio: its full card (which the compact line also reads).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The member's card: verdict, mark, title, issuer, image, checklist.
    pub card: Card,
    /// Its credits (`creditsEarned`, else `creditsAvailable`), when given.
    pub credits: Option<f64>,
}

/// A count of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Which count (`total`, `verified`, `expired`, `not_yet_valid`, `revoked`, `suspended`,
    /// `not_verified`, `issuers`): a CSS and test hook.
    pub key: &'static str,
    /// What it counts, in words.
    pub label: &'static str,
    /// How many.
    pub count: usize,
}

/// Everything the portfolio shows, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Portfolio {
    /// The language of the labels and the chosen language-map values.
    pub lang: Lang,
    /// `presentation`, `clr`, `collection` (or `credential` for a report without members).
    pub container: String,
    /// The whole's verdict code.
    pub verdict: String,
    /// The whole's verdict in words.
    pub headline: &'static str,
    /// A mark for the verdict that is not colour.
    pub mark: &'static str,
    /// "11 of 12 verified".
    pub verified_line: String,
    /// The summary's counts, in the order shown.
    pub counts: Vec<Count>,
    /// The groups, in the order shown (the not-verified group last).
    pub groups: Vec<Group>,
    /// Every credential, in the container's order.
    pub items: Vec<Item>,
    /// A CLR's associations, one line each (`isPartOf: Module A → Programme B`).
    pub associations: Vec<String>,
}

impl Portfolio {
    /// The portfolio of a container's report (`serde_json::to_value(&report)`, or the object JS
    /// received); a report without `members` is a portfolio of that one credential.
    pub fn from_report(report: &Value, lang: Lang) -> Self {
        let verdict = report.get("verdict").and_then(Value::as_str).unwrap_or("not_verified").to_owned();
        let members = report.get("members");
        let reports: Vec<&Value> = match members.and_then(|m| m.get("reports")).and_then(Value::as_array) {
            Some(reports) => reports.iter().collect(),
            None if members.is_none() => vec![report],
            None => Vec::new(),
        };
        let items: Vec<Item> =
            reports.iter().map(|r| Item { card: Card::from_report(r, lang), credits: credits(r) }).collect();
        let container = members.and_then(|m| m.get("container")).and_then(Value::as_str).unwrap_or("credential");
        Self {
            lang,
            container: container.to_owned(),
            headline: lang.label(verdict_label(&verdict)),
            mark: verdict_mark(&verdict),
            verified_line: verified_line(&items, lang),
            counts: counts(&items, &reports, lang),
            groups: groups(&items, &reports, lang),
            associations: associations(report, &items, &reports, lang),
            items,
            verdict,
        }
    }

    /// The same portfolio with no image that would be fetched (the element's `offline`).
    pub fn without_remote_images(mut self) -> Self {
        self.items =
            self.items.into_iter().map(|item| Item { card: item.card.without_remote_images(), ..item }).collect();
        self
    }

    /// The sentence announced to screen readers: the verdict, then how many are verified.
    pub fn announcement(&self) -> String {
        format!("{}: {}", self.headline, self.verified_line)
    }
}

/// "Verifying 12 credentials…", in `lang`: the busy state's words.
pub fn verifying(count: usize, lang: Lang) -> String {
    lang.label(Label::PortfolioVerifying).replace("{n}", &count.to_string())
}

fn is_verified(card: &Card) -> bool {
    matches!(card.verdict.as_str(), "verified" | "verified_with_warnings")
}

fn verified_line(items: &[Item], lang: Lang) -> String {
    let verified = items.iter().filter(|i| is_verified(&i.card)).count();
    lang.label(Label::PortfolioVerifiedOf)
        .replace("{verified}", &verified.to_string())
        .replace("{total}", &items.len().to_string())
}

fn counts(items: &[Item], reports: &[&Value], lang: Lang) -> Vec<Count> {
    let with = |verdicts: &[&str]| items.iter().filter(|i| verdicts.contains(&i.card.verdict.as_str())).count();
    let mut issuers: Vec<&str> = Vec::new();
    for (item, report) in items.iter().zip(reports) {
        if let Some(id) = item.card.trusted.then(|| issuer_id(report)).flatten() {
            if !issuers.contains(&id) {
                issuers.push(id);
            }
        }
    }
    let authentic = ["verified", "verified_with_warnings", "expired", "not_yet_valid", "revoked", "suspended"];
    let not_verified = items.iter().filter(|i| !authentic.contains(&i.card.verdict.as_str())).count();
    let not_yet_valid = with(&["not_yet_valid"]);
    let mut counts = vec![
        Count { key: "total", label: lang.label(Label::PortfolioCredentials), count: items.len() },
        Count {
            key: "verified",
            label: lang.label(Label::Verified),
            count: with(&["verified", "verified_with_warnings"]),
        },
        Count { key: "expired", label: lang.label(Label::Expired), count: with(&["expired"]) },
        Count { key: "revoked", label: lang.label(Label::Revoked), count: with(&["revoked"]) },
        Count { key: "suspended", label: lang.label(Label::Suspended), count: with(&["suspended"]) },
    ];
    if not_yet_valid > 0 {
        counts.push(Count { key: "not_yet_valid", label: lang.label(Label::NotYetValid), count: not_yet_valid });
    }
    counts.push(Count { key: "not_verified", label: lang.label(Label::NotVerified), count: not_verified });
    counts.push(Count { key: "issuers", label: lang.label(Label::PortfolioIssuers), count: issuers.len() });
    counts
}

fn groups(items: &[Item], reports: &[&Value], lang: Lang) -> Vec<Group> {
    let (mut aligned, mut typed, mut by_issuer, mut untrusted) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (index, (item, report)) in items.iter().zip(reports).enumerate() {
        if !item.card.trusted {
            untrusted.push(index);
            continue;
        }
        let counted = is_verified(&item.card).then_some(item.credits).flatten();
        let achievement = report.get("badge").and_then(|b| b.get("achievement"));
        let alignments: Vec<&Value> = list(achievement.and_then(|a| a.get("alignments"))).collect();
        if !alignments.is_empty() {
            for alignment in alignments {
                if let Some(group) = alignment_group(alignment, lang) {
                    add(&mut aligned, group, index, counted);
                }
            }
        } else if let Some(kind) = achievement.and_then(|a| a.get("achievementType")).and_then(Value::as_str) {
            let group = Group::new(GroupKind::AchievementType, lang.label(Label::PortfolioType), kind.to_owned(), kind);
            add(&mut typed, group, index, counted);
        } else {
            let issuer = item.card.issuer.clone();
            let name = issuer.as_ref().map(|i| i.text.clone()).unwrap_or_default();
            let key = issuer_id(report).unwrap_or(&name).to_owned();
            let mut group = Group::new(GroupKind::Issuer, lang.label(Label::IssuedBy), name, &key);
            group.url = issuer.and_then(|i| i.url);
            add(&mut by_issuer, group, index, counted);
        }
    }
    // Targets of one framework side by side (a stable sort: within a framework, first come first).
    let mut frameworks: Vec<Option<String>> = Vec::new();
    for group in &aligned {
        if !frameworks.contains(&group.framework) {
            frameworks.push(group.framework.clone());
        }
    }
    aligned.sort_by_key(|group| frameworks.iter().position(|f| *f == group.framework));
    let mut all: Vec<Group> = aligned.into_iter().chain(typed).chain(by_issuer).collect();
    if !untrusted.is_empty() {
        let mut group =
            Group::new(GroupKind::NotVerified, lang.label(Label::PortfolioNotVerifiedGroup), String::new(), "");
        group.items = untrusted;
        all.push(group);
    }
    for group in &mut all {
        group.credits = group.credit_sum.map(|sum| format_credits(sum, lang));
    }
    all
}

impl Group {
    fn new(kind: GroupKind, kind_label: &'static str, heading: String, key: &str) -> Self {
        Self {
            kind,
            kind_label,
            heading,
            framework: None,
            code: None,
            url: None,
            credits: None,
            items: Vec::new(),
            key: key.to_owned(),
            credit_sum: None,
        }
    }
}

fn alignment_group(alignment: &Value, lang: Lang) -> Option<Group> {
    let text = |key: &str| alignment.get(key).and_then(|v| pick_text(v, lang.tag())).filter(|t| !t.trim().is_empty());
    let (name, framework, code) = (text("targetName"), text("targetFramework"), text("targetCode"));
    let url = alignment.get("targetUrl").and_then(Value::as_str).and_then(safe_link_url);
    let identity = code.clone().or_else(|| name.clone()).or_else(|| url.clone())?;
    let key = format!("{}\u{1f}{identity}", framework.as_deref().unwrap_or_default());
    let heading = name.or_else(|| code.clone()).unwrap_or(identity);
    let mut group = Group::new(GroupKind::Alignment, lang.label(Label::PortfolioTowards), heading, &key);
    group.framework = framework;
    group.code = code;
    group.url = url;
    Some(group)
}

/// Adds credential `index` (with the credits it counts, if any) to the group keyed as `group`.
fn add(groups: &mut Vec<Group>, group: Group, index: usize, credits: Option<f64>) {
    let position = match groups.iter().position(|g| g.key == group.key) {
        Some(position) => position,
        None => {
            groups.push(group);
            groups.len() - 1
        }
    };
    if let Some(existing) = groups.get_mut(position) {
        if !existing.items.contains(&index) {
            existing.items.push(index);
            if let Some(credits) = credits {
                existing.credit_sum = Some(existing.credit_sum.unwrap_or(0.0) + credits);
            }
        }
    }
}

fn credits(report: &Value) -> Option<f64> {
    let badge = report.get("badge")?;
    let earned = badge.get("creditsEarned").and_then(Value::as_f64);
    let available = badge.get("achievement").and_then(|a| a.get("creditsAvailable")).and_then(Value::as_f64);
    earned.or(available).filter(|n| n.is_finite() && *n >= 0.0)
}

/// A credit sum as people write it: at most two decimals, no trailing zeros (`7.5`, `10`), with
/// the language's decimal separator (`7,5` in German, French, Spanish, Portuguese).
pub fn format_credits(value: f64, lang: Lang) -> String {
    // In hundredths, as an integer: credits are finite and ≥ 0 (checked when read); a sum past
    // u64 hundredths saturates.
    let hundredths = (value * 100.0).round() as u64;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    let separator = match lang {
        Lang::De | Lang::Fr | Lang::Es | Lang::Pt => ",",
        Lang::En | Lang::Ar => ".",
    };
    match part {
        0 => whole.to_string(),
        _ if part % 10 == 0 => format!("{whole}{separator}{}", part / 10),
        _ => format!("{whole}{separator}{part:02}"),
    }
}

fn issuer_id(report: &Value) -> Option<&str> {
    report.get("badge")?.get("issuer")?.get("id")?.as_str().filter(|id| !id.is_empty())
}

/// A CLR's associations, when its own checks (all but `members`) passed; each end named by the
/// achievement of an authentic member whose `achievement.id` it is, else by the id.
fn associations(report: &Value, items: &[Item], reports: &[&Value], lang: Lang) -> Vec<String> {
    let own_checks_pass = list(report.get("checks")).all(|check| {
        let outcome = check.get("outcome").and_then(Value::as_str);
        check.get("id").and_then(Value::as_str) == Some("members")
            || matches!(outcome, Some("passed" | "warning" | "not_applicable"))
    });
    if !own_checks_pass || report.get("checks").is_none() {
        return Vec::new();
    }
    let name_of = |id: &str| {
        items
            .iter()
            .zip(reports)
            .filter(|(item, _)| item.card.trusted)
            .filter_map(|(_, r)| r.get("badge")?.get("achievement"))
            .find(|a| a.get("id").and_then(Value::as_str) == Some(id))
            .and_then(|a| a.get("name"))
            .and_then(|n| pick_text(n, lang.tag()))
            .unwrap_or_else(|| id.to_owned())
    };
    // An end a member holds is named only by an authentic member (`name_of`); an end named by the
    // CLR's own `achievement` list (no `member`) carries the CLR issuer's name for it.
    let end = |end: Option<&Value>| -> Option<String> {
        let end = end?;
        let id = end.get("id")?.as_str()?;
        Some(match end.get("member") {
            Some(_) => name_of(id),
            None => end.get("name").and_then(|n| pick_text(n, lang.tag())).unwrap_or_else(|| id.to_owned()),
        })
    };
    list(report.get("badge").and_then(|b| b.get("associations")))
        .filter_map(|a| {
            let kind = a.get("type").and_then(Value::as_str)?;
            Some(format!("{kind}: {} → {}", end(a.get("source"))?, end(a.get("target"))?))
        })
        .collect()
}

fn list(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().take(64)
}

// The tests read portfolios in every language: they need the catalogues compiled in.
#[cfg(test)]
#[cfg(feature = "all-languages")]
mod tests;
