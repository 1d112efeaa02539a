//! A CLR's `associations`: how the achievements it holds relate ("A is part of B", "A precedes
//! B"), read from `credentialSubject.association` — data the CLR's issuer signed — with each end
//! named by the achievement it points to when the CLR holds one with that id.
//! See: <https://www.imsglobal.org/spec/clr/v2p0/#association>
//!
//! An association may name an achievement no enclosed credential has: 1EdTech's own samples do
//! (`simple.json` names the achievements of `credentialSubject.achievement`, which no member
//! awards; `simple_v1.json` names ids that appear nowhere in it). An association is the issuer's
//! statement about achievement ids, not a claim that the learner holds both, so such an end is
//! shown by its id alone, and the verdict does not depend on it.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{list, plain, text, AchievementView, Text};

/// The keys read here beyond [`super::SHOWN_TERMS`]: no inline context may define them either
/// (`checks::contexts`); kept apart so a build without CLRs does not carry them.
pub(crate) const TERMS: [&str; 4] = ["association", "associationType", "sourceId", "targetId"];

/// One association between two achievements.
/// Serialised as `{"type": "isPartOf", "source": {"id": …, "name": …, "member": 0}, "target": {…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssociationView {
    /// `associationType` as written (CLR 2.0 names `exactMatchOf`, `isChildOf`, `isParentOf`,
    /// `isPartOf`, `isPeerOf`, `isRelatedTo`, `precedes`, `replacedBy`).
    #[serde(rename = "type")]
    pub association_type: String,
    /// `sourceId`: the achievement the relation is stated of.
    pub source: AchievementEnd,
    /// `targetId`: the achievement it relates to.
    pub target: AchievementEnd,
}

/// One end of an association: the achievement id, and what the CLR holds under that id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AchievementEnd {
    /// The achievement id, as text.
    pub id: String,
    /// The name of the achievement with that id: an enclosed credential's achievement first, else
    /// one of the CLR subject's own `achievement` list; absent when the CLR holds none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The index, in the CLR report's `members.reports`, of the first enclosed credential whose
    /// achievement has that id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
}

/// The associations of the CLR `clr` (its JSON), each end resolved against `members` (each
/// enclosed credential's achievement, in member order) and the subject's own achievements.
/// Entries without a string `associationType`, `sourceId` and `targetId` are left out; at most 64
/// are read.
pub fn read(clr: &Map<String, Value>, members: &[Option<&AchievementView>]) -> Vec<AssociationView> {
    let subject = match clr.get("credentialSubject") {
        Some(Value::Array(items)) => items.first(),
        other => other,
    };
    let own: Vec<&Value> = list(subject.and_then(|s| s.get("achievement"))).collect();
    let end = |id: String| {
        let member = members.iter().position(|a| a.and_then(|a| a.id.as_deref()) == Some(id.as_str()));
        let name = match member.and_then(|i| members.get(i)).copied().flatten() {
            Some(achievement) => achievement.name.clone(),
            None => own
                .iter()
                .find(|a| a.get("id").and_then(Value::as_str) == Some(id.as_str()))
                .and_then(|a| a.get("name"))
                .and_then(text),
        };
        AchievementEnd { id, name, member }
    };
    list(subject.and_then(|s| s.get("association")))
        .filter_map(|association| {
            let association_type = plain(association.get("associationType"))?;
            let source = plain(association.get("sourceId"))?;
            let target = plain(association.get("targetId"))?;
            Some(AssociationView { association_type, source: end(source), target: end(target) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn each_end_is_named_by_a_member_else_the_subjects_own_achievement_else_only_its_id() {
        let clr = json!({"credentialSubject": {
            "achievement": [{"id": "urn:a:2", "name": "Two (the CLR's own)"}, {"id": "urn:a:1", "name": "Not this"}],
            "association": [
                {"type": "Association", "associationType": "isPartOf", "sourceId": "urn:a:1", "targetId": "urn:a:2"},
                {"type": "Association", "associationType": "precedes", "sourceId": "urn:a:9", "targetId": "urn:a:1"},
                {"type": "Association", "associationType": "isPartOf", "sourceId": 7, "targetId": "urn:a:1"},
            ],
        }});
        let one =
            AchievementView { id: Some("urn:a:1".into()), name: Some(Text::Plain("One".into())), ..Default::default() };
        let associations = read(clr.as_object().unwrap(), &[None, Some(&one)]);
        assert_eq!(associations.len(), 2, "the entry with a numeric sourceId is left out");
        let value = serde_json::to_value(&associations).unwrap();
        assert_eq!(
            value[0],
            json!({"type": "isPartOf", "source": {"id": "urn:a:1", "name": "One", "member": 1},
                   "target": {"id": "urn:a:2", "name": "Two (the CLR's own)"}})
        );
        assert_eq!(value[1]["source"], json!({"id": "urn:a:9"}));
        assert_eq!(value[1]["type"], "precedes");
    }

    #[test]
    fn terms_cover_every_key_read_here() {
        let source = include_str!("association.rs");
        for read in source.split("get(\"").skip(1).filter_map(|rest| rest.split('"').next()) {
            if read.chars().all(|c| c.is_ascii_alphabetic()) {
                assert!(TERMS.contains(&read) || crate::badge::SHOWN_TERMS.contains(&read), "add `{read}` to TERMS");
            }
        }
    }

    #[test]
    fn a_clr_without_associations_has_none() {
        assert!(read(json!({"credentialSubject": {}}).as_object().unwrap(), &[]).is_empty());
        assert!(read(&Map::new(), &[]).is_empty());
    }
}
