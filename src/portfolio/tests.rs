use serde_json::{json, Value};

use super::*;

/// A member report with `verdict`, issued by `issuer`, with `achievement` fields.
fn member(verdict: &str, name: &str, issuer: &str, achievement: Value) -> Value {
    let mut achievement = achievement;
    achievement["name"] = json!(name);
    json!({
        "verdict": verdict,
        "checks": [],
        "badge": { "types": ["VerifiableCredential"], "issuer": { "id": issuer, "name": format!("Issuer {issuer}") }, "achievement": achievement }
    })
}

fn container(verdict: &str, reports: Vec<Value>) -> Value {
    json!({
        "verdict": verdict,
        "checks": [{ "id": "format", "outcome": "passed", "code": "format_valid", "message": "" },
                   { "id": "members", "outcome": "failed", "code": "member_not_verified", "message": "" }],
        "members": { "container": "collection", "total": reports.len(), "reports": reports }
    })
}

fn esco(code: &str, name: &str) -> Value {
    json!({ "targetFramework": "ESCO", "targetCode": code, "targetName": name, "targetUrl": format!("https://esco.example/{code}") })
}

fn count(portfolio: &Portfolio, key: &str) -> usize {
    portfolio.counts.iter().find(|c| c.key == key).map(|c| c.count).unwrap()
}

fn stack() -> Value {
    container(
        "not_verified",
        vec![
            member(
                "verified",
                "Python",
                "did:a",
                json!({ "alignments": [esco("S1", "Programming")], "creditsAvailable": 5 }),
            ),
            member(
                "verified",
                "Statistics",
                "did:b",
                json!({ "alignments": [esco("S1", "Programming"), esco("S2", "Data analysis")], "creditsAvailable": 2.5 }),
            ),
            member(
                "expired",
                "Old SQL",
                "did:a",
                json!({ "alignments": [esco("S2", "Data analysis")], "creditsAvailable": 3 }),
            ),
            member(
                "not_verified",
                "Forged degree",
                "did:evil",
                json!({ "alignments": [esco("S1", "Programming")], "creditsAvailable": 100 }),
            ),
            member("verified", "First aid", "did:c", json!({ "achievementType": "Certificate" })),
            member("revoked", "Forklift", "did:d", json!({})),
        ],
    )
}

#[test]
fn the_summary_counts_each_credential_once_and_only_authentic_issuers() {
    let portfolio = Portfolio::from_report(&stack(), Lang::En);
    assert_eq!(portfolio.container, "collection");
    assert_eq!(portfolio.headline, "Not verified");
    assert_eq!(portfolio.verified_line, "3 of 6 verified");
    let keys: Vec<(&str, usize)> = portfolio.counts.iter().map(|c| (c.key, c.count)).collect();
    assert_eq!(
        keys,
        [
            ("total", 6),
            ("verified", 3),
            ("expired", 1),
            ("revoked", 1),
            ("suspended", 0),
            ("not_verified", 1),
            ("issuers", 4)
        ]
    );
    // did:evil (the forged one's) is not counted: a, b, c, d are.
    assert_eq!(count(&portfolio, "issuers"), 4);
    assert_eq!(portfolio.announcement(), "Not verified: 3 of 6 verified");
}

#[test]
fn groups_follow_alignments_then_types_then_issuers_and_the_unverified_come_last() {
    let portfolio = Portfolio::from_report(&stack(), Lang::En);
    let shape: Vec<(GroupKind, &str, Vec<usize>)> =
        portfolio.groups.iter().map(|g| (g.kind, g.heading.as_str(), g.items.clone())).collect();
    assert_eq!(
        shape,
        [
            (GroupKind::Alignment, "Programming", vec![0, 1]),
            (GroupKind::Alignment, "Data analysis", vec![1, 2]),
            (GroupKind::AchievementType, "Certificate", vec![4]),
            (GroupKind::Issuer, "Issuer did:d", vec![5]),
            (GroupKind::NotVerified, "", vec![3]),
        ]
    );
    let programming = &portfolio.groups[0];
    assert_eq!((programming.framework.as_deref(), programming.code.as_deref()), (Some("ESCO"), Some("S1")));
    assert_eq!(programming.url.as_deref(), Some("https://esco.example/S1"));
    assert_eq!(programming.kind_label, "Stacks toward");
}

#[test]
fn credits_are_summed_per_group_over_verified_credentials_only() {
    let portfolio = Portfolio::from_report(&stack(), Lang::En);
    let credits: Vec<Option<&str>> = portfolio.groups.iter().map(|g| g.credits.as_deref()).collect();
    // Programming: 5 + 2.5 (the forged 100 is not counted); Data analysis: 2.5 (the expired 3 is
    // listed, not counted); the others give none.
    assert_eq!(credits, [Some("7.5"), Some("2.5"), None, None, None]);
}

#[test]
fn credits_earned_win_over_credits_available() {
    let mut report = member("verified", "A", "did:a", json!({ "achievementType": "Course", "creditsAvailable": 4 }));
    report["badge"]["creditsEarned"] = json!(3);
    let portfolio = Portfolio::from_report(&container("verified", vec![report]), Lang::En);
    assert_eq!(portfolio.items[0].credits, Some(3.0));
    assert_eq!(portfolio.groups[0].credits.as_deref(), Some("3"));
}

#[test]
fn credit_sums_print_as_people_write_them() {
    assert_eq!(format_credits(7.5, Lang::En), "7.5");
    assert_eq!(format_credits(10.0, Lang::En), "10");
    assert_eq!(format_credits(0.1 + 0.2, Lang::En), "0.3");
    assert_eq!(format_credits(1.0 / 3.0, Lang::En), "0.33");
    assert_eq!(format_credits(7.5, Lang::De), "7,5");
    assert_eq!(format_credits(7.5, Lang::Fr), "7,5");
    assert_eq!(format_credits(120.0, Lang::Ar), "120");
    assert_eq!(format_credits(2.05, Lang::En), "2.05");
    assert_eq!(format_credits(0.0, Lang::En), "0");
}

#[test]
fn an_unverified_credential_is_never_grouped_by_its_claims() {
    let report = container(
        "not_verified",
        vec![member(
            "not_verified",
            "Forged",
            "did:evil",
            json!({ "alignments": [esco("S9", "Surgery")], "creditsAvailable": 60 }),
        )],
    );
    let portfolio = Portfolio::from_report(&report, Lang::En);
    assert_eq!(portfolio.groups.len(), 1);
    let group = &portfolio.groups[0];
    assert_eq!((group.kind, group.items.clone(), group.credits.clone()), (GroupKind::NotVerified, vec![0], None));
    assert!(!portfolio.groups.iter().any(|g| g.heading == "Surgery"));
    assert_eq!(count(&portfolio, "issuers"), 0);
    assert!(!portfolio.items[0].card.trusted);
}

#[test]
fn the_portfolio_speaks_each_language() {
    let expected = [
        (Lang::En, "3 of 6 verified", "Stacks toward"),
        (Lang::De, "3 von 6 verifiziert", "Trägt bei zu"),
        (Lang::Fr, "3 sur 6 vérifiées", "Contribue à"),
        (Lang::Es, "3 de 6 verificadas", "Contribuye a"),
        (Lang::Pt, "3 de 6 verificadas", "Contribui para"),
        (Lang::Ar, "تم التحقق من 3 من 6", "تسهم في"),
    ];
    for (lang, line, towards) in expected {
        let portfolio = Portfolio::from_report(&stack(), lang);
        assert_eq!(portfolio.verified_line, line);
        assert_eq!(portfolio.groups[0].kind_label, towards);
        assert_eq!(portfolio.lang, lang);
    }
    assert_eq!(verifying(12, Lang::En), "Verifying 12 credentials…");
    assert_eq!(verifying(12, Lang::De), "12 Nachweise werden verifiziert …");
}

#[test]
fn language_maps_in_alignments_are_picked_for_the_language() {
    let alignment = json!({ "targetFramework": "ESCO", "targetCode": "S1",
        "targetName": [{ "@value": "Programming", "@language": "en" }, { "@value": "Programmieren", "@language": "de" }] });
    let report = container("verified", vec![member("verified", "A", "did:a", json!({ "alignments": [alignment] }))]);
    assert_eq!(Portfolio::from_report(&report, Lang::De).groups[0].heading, "Programmieren");
    assert_eq!(Portfolio::from_report(&report, Lang::Fr).groups[0].heading, "Programming");
}

#[test]
fn a_report_without_members_is_a_portfolio_of_one() {
    let one = member("verified", "Solo", "did:a", json!({ "achievementType": "Badge" }));
    let portfolio = Portfolio::from_report(&one, Lang::En);
    assert_eq!((portfolio.container.as_str(), portfolio.items.len()), ("credential", 1));
    assert_eq!(portfolio.verified_line, "1 of 1 verified");
}

#[test]
fn clr_associations_show_only_when_the_clr_itself_passed() {
    let mut report = container(
        "not_verified",
        vec![
            member("verified", "Module A", "did:a", json!({ "id": "urn:a", "achievementType": "Course" })),
            member("verified", "Programme", "did:a", json!({ "id": "urn:p", "achievementType": "Degree" })),
        ],
    );
    report["badge"] = json!({ "associations": [
        { "type": "isPartOf", "source": { "id": "urn:a", "name": "Claimed A", "member": 0 }, "target": { "id": "urn:p", "member": 1 } },
        { "type": "precedes", "source": { "id": "urn:a", "member": 0 }, "target": { "id": "urn:x" } },
        { "type": "isPeerOf", "source": { "id": "urn:a", "member": 0 }, "target": { "id": "urn:o", "name": "Own achievement" } }] });
    let portfolio = Portfolio::from_report(&report, Lang::En);
    assert_eq!(
        portfolio.associations,
        ["isPartOf: Module A → Programme", "precedes: Module A → urn:x", "isPeerOf: Module A → Own achievement"]
    );
    // A member that is not authentic does not name its end: its id stands instead.
    report["members"]["reports"][1]["verdict"] = json!("not_verified");
    assert_eq!(Portfolio::from_report(&report, Lang::En).associations[0], "isPartOf: Module A → urn:p");
    report["checks"][0]["outcome"] = json!("failed");
    assert!(Portfolio::from_report(&report, Lang::En).associations.is_empty());
}

#[test]
fn a_verified_collection_reads_into_a_portfolio() {
    use crate::{verify, Documents, Options, Timestamp};
    let badge: Value = serde_json::from_str(include_str!("../../tests/fixtures/valid/open-badge-3.json")).unwrap();
    let tampered: Value = serde_json::from_str(include_str!(
        "../../tests/fixtures/invalid/signature_mismatch--name-changed-after-signing.json"
    ))
    .unwrap();
    let input = Value::Array(vec![badge, tampered]).to_string();
    let options = Options::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let report = serde_json::to_value(verify(input.as_bytes(), &options, &Documents::new()).unwrap()).unwrap();
    let portfolio = Portfolio::from_report(&report, Lang::En);
    assert_eq!((portfolio.verdict.as_str(), portfolio.verified_line.as_str()), ("not_verified", "1 of 2 verified"));
    assert_eq!(portfolio.items[0].card.title.as_deref(), Some("Rust Verifier Builder"));
    assert_eq!(portfolio.groups.last().unwrap().items, [1]);
    assert_eq!(count(&portfolio, "issuers"), 1);
}

#[test]
fn targets_of_one_framework_stay_side_by_side_in_the_order_frameworks_first_appear() {
    let onet =
        |code: &str, name: &str| json!({ "targetFramework": "O*NET-SOC", "targetCode": code, "targetName": name });
    let report = container(
        "verified",
        vec![
            member("verified", "A", "did:a", json!({ "alignments": [esco("S1", "Skill one")] })),
            member("verified", "B", "did:a", json!({ "alignments": [onet("15-2051.00", "Data Scientists")] })),
            member("verified", "C", "did:a", json!({ "alignments": [esco("S2", "Skill two")] })),
        ],
    );
    let headings: Vec<String> =
        Portfolio::from_report(&report, Lang::En).groups.iter().map(|g| g.heading.clone()).collect();
    assert_eq!(headings, ["Skill one", "Skill two", "Data Scientists"]);
}
