//! The card of an Open Badges 2.0 assertion: the BadgeClass's name, description, image and
//! criteria, and the issuer Profile's name, from the documents the issuer hosts (or the JWS
//! signs), never from anything else. Same `BadgeView` as OB 3.0, so one card renders both.

use serde_json::Value;

use super::linked::Linked;
use super::text;
use crate::badge::{self, AchievementView, BadgeView, IssuerView};

/// The view of `assertion`, with its BadgeClass and issuer when they are known.
pub(super) fn badge_view(assertion: &Value, linked: Option<&Linked<'_>>) -> BadgeView {
    let badge_class = linked.map(|l| l.badge);
    let achievement = badge_class.map(|class| {
        let criteria = class.get("criteria");
        let criteria_url = criteria.and_then(|c| c.as_str().or_else(|| text(c, "id")));
        AchievementView {
            id: badge::plain(class.get("id")),
            name: class.get("name").and_then(badge::text),
            description: class.get("description").and_then(badge::text),
            criteria_narrative: criteria.and_then(|c| c.get("narrative")).and_then(badge::text),
            criteria_url: criteria_url.and_then(badge::safe_link_url),
            image: class.get("image").and_then(badge::image),
            ..AchievementView::default()
        }
    });
    let issuer = linked.map(|l| IssuerView {
        id: l.issuer_id.chars().take(4096).collect(),
        name: l.issuer.get("name").and_then(badge::text),
        url: text(l.issuer, "url").and_then(badge::safe_link_url),
        image: l.issuer.get("image").and_then(badge::image),
    });
    let image =
        assertion.get("image").and_then(badge::image).or_else(|| achievement.as_ref().and_then(|a| a.image.clone()));
    BadgeView {
        types: crate::credential::strings(assertion.get("type")),
        name: achievement.as_ref().and_then(|a| a.name.clone()),
        description: achievement.as_ref().and_then(|a| a.description.clone()),
        image,
        issuer,
        achievement,
        valid_from: badge::plain(assertion.get("issuedOn")),
        valid_until: badge::plain(assertion.get("expires")),
        ..BadgeView::default()
    }
}
