//! Unit tests of the parent module.
use super::*;

fn list(entries: &[&str]) -> Vec<String> {
    entries.iter().map(|e| (*e).to_owned()).collect()
}

fn trusts(entries: &[&str], issuer: &str) -> bool {
    match check(issuer, Some(&list(entries))) {
        Ok(passed) => {
            assert_eq!(passed, Passed::IssuerTrusted);
            true
        }
        Err(error) => {
            assert_eq!(error, Error::IssuerNotTrusted(issuer.to_owned()));
            assert_eq!(error.code(), "issuer_not_trusted");
            false
        }
    }
}

#[test]
fn no_list_means_not_applicable_and_an_empty_list_trusts_no_one() {
    assert_eq!(check("https://issuer.example/", None), Ok(Passed::NoTrustList));
    assert_eq!(Passed::NoTrustList.code(), "no_trust_list");
    assert!(!trusts(&[], "https://issuer.example/"));
    assert!(!trusts(&[], "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"));
}

#[test]
fn exact_ids_match_and_nothing_by_prefix() {
    let entries = ["https://issuer.example/issuers/1", "urn:uuid:2f9b5a4e-0000-4000-8000-000000000001"];
    assert!(trusts(&entries, "https://issuer.example/issuers/1"));
    assert!(trusts(&entries, "urn:uuid:2f9b5a4e-0000-4000-8000-000000000001"));
    assert!(!trusts(&entries, "https://issuer.example/issuers/10"));
    assert!(!trusts(&entries, "https://issuer.example/issuers/1/evil"));
    assert!(!trusts(&entries, "https://issuer.example/issuers"));
    assert!(!trusts(&entries, "https://issuer.example/"));
    assert!(!trusts(&entries, "URN:UUID:2F9B5A4E-0000-4000-8000-000000000001"));
}

#[test]
fn urls_fold_case_in_scheme_and_host_only_and_imply_the_default_port() {
    let entries = ["https://issuer.example/Issuers/1"];
    assert!(trusts(&entries, "HTTPS://Issuer.Example/Issuers/1"));
    assert!(trusts(&entries, "https://issuer.example:443/Issuers/1"));
    assert!(!trusts(&entries, "https://issuer.example/issuers/1"), "paths are case-sensitive");
    assert!(!trusts(&entries, "http://issuer.example/Issuers/1"));
    assert!(!trusts(&entries, "https://issuer.example:8443/Issuers/1"));
    assert!(!trusts(&entries, "https://issuer.example/Issuers/1?x=1"));
}

#[test]
fn a_did_entry_matches_that_did_fragments_ignored() {
    let key = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    assert!(trusts(&[key], key));
    assert!(trusts(&[&format!("{key}#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")], key));
    assert!(trusts(&[key], &format!("{key}#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")));
    assert!(!trusts(&[key], "did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E"));
    assert!(!trusts(&[key], &key.to_lowercase()), "DIDs are compared as written");

    assert!(trusts(&["did:web:issuer.example#key-1"], "did:web:issuer.example"));
    assert!(!trusts(&["did:web:issuer.example"], "did:web:issuer.example:evil"));
    assert!(!trusts(&["did:web:issuer.example"], "did:web:issuer.example.evil.com"));
    assert!(!trusts(&["did:web:issuer.example:alice"], "did:web:issuer.example"));
    assert!(!trusts(&["did:web:issuer.example"], "https://issuer.example"));
}

#[test]
fn an_origin_matches_https_issuers_on_it() {
    for origin in ["https://issuer.example", "https://issuer.example/", "HTTPS://ISSUER.example:443"] {
        assert!(trusts(&[origin], "https://issuer.example/issuers/1"), "{origin}");
        assert!(trusts(&[origin], "https://issuer.example"), "{origin}");
        assert!(trusts(&[origin], "https://Issuer.Example/profile.json#me"), "{origin}");
        assert!(!trusts(&[origin], "https://issuer.example.evil.com/issuers/1"), "{origin}");
        assert!(!trusts(&[origin], "https://evil.com/issuer.example/"), "{origin}");
        assert!(!trusts(&[origin], "https://issuer.example@evil.com/"), "{origin}");
        assert!(!trusts(&[origin], "https://issuer.example:8443/issuers/1"), "{origin}");
        assert!(!trusts(&[origin], "http://issuer.example/issuers/1"), "{origin}");
        assert!(!trusts(&[origin], "https://sub.issuer.example/issuers/1"), "{origin}");
        assert!(!trusts(&[origin], "urn:issuer.example"), "{origin}");
    }
    assert!(trusts(&["https://issuer.example:8443"], "https://issuer.example:8443/issuers/1"));
    assert!(!trusts(&["https://issuer.example:8443"], "https://issuer.example/issuers/1"));
}

#[test]
fn an_origin_matches_did_web_issuers_whose_document_it_serves() {
    let origin = ["https://issuer.example"];
    assert!(trusts(&origin, "did:web:issuer.example"));
    assert!(trusts(&origin, "did:web:issuer.example:issuers:1"));
    // The document of did:web:issuer.example:evil is https://issuer.example/evil/did.json:
    // the origin's own server publishes it, so the origin trusts it.
    assert!(trusts(&origin, "did:web:issuer.example:evil"));
    assert!(trusts(&origin, "did:web:Issuer.Example"));
    assert!(!trusts(&origin, "did:web:issuer.example.evil.com"));
    assert!(!trusts(&origin, "did:web:issuer.example%3A8443"));
    assert!(!trusts(&origin, "did:web:evil.com:issuer.example"));
    assert!(!trusts(&origin, "did:web:issuer.example/evil"), "not a did:web");
    assert!(trusts(&["https://issuer.example:8443"], "did:web:issuer.example%3A8443:x"));
}

#[test]
fn only_https_origins_without_path_are_origins() {
    assert!(!trusts(&["https://issuer.example/issuers"], "https://issuer.example/issuers/1"));
    assert!(!trusts(&["https://issuer.example/issuers/"], "https://issuer.example/issuers/1"));
    assert!(!trusts(&["https://issuer.example/?x"], "https://issuer.example/issuers/1"));
    assert!(!trusts(&["https://issuer.example/#x"], "did:web:issuer.example"));
    assert!(!trusts(&["http://issuer.example"], "http://issuer.example/issuers/1"));
    assert!(!trusts(&["http://issuer.example"], "did:web:issuer.example"));
    assert!(trusts(&["http://issuer.example/issuers/1"], "http://issuer.example/issuers/1"), "exact still works");
}

#[test]
fn parses_a_list_of_strings() {
    let bytes = br#"["https://issuer.example", "did:web:example.com", "did:key:z6Mk#x", "urn:uuid:1", "https://a.example/i/1"]"#;
    assert_eq!(parse_list(bytes).unwrap().len(), 5);
    assert_eq!(parse_list(b"[]").unwrap(), Vec::<String>::new());
}

#[test]
fn refuses_unusable_lists_with_a_clear_message() {
    for (bytes, needle) in [
        (&b"{\"issuers\": []}"[..], "expected a JSON array"),
        (b"\"https://issuer.example\"", "expected a JSON array"),
        (b"[\"https://issuer.example\",", "not usable JSON"),
        (b"[1]", "entry 0 is not a string"),
        (b"[\"https://a.example\", null]", "entry 1 is not a string"),
        (b"[\"\"]", "entry 0 (\"\") is empty"),
        (b"[\" https://issuer.example\"]", "white space"),
        (b"[\"issuer.example\"]", "is not a URL or DID"),
        (b"[\"1https://issuer.example\"]", "is not a URL or DID"),
        (b"[\"did:web\"]", "is not a DID"),
        (b"[\"did::x\"]", "is not a DID"),
        (b"[\"did:web:#frag\"]", "is not a DID"),
        (b"[\"https://issuer.example@evil.com\"]", "is not a usable URL"),
        (b"[\"https://issuer.example:99999\"]", "is not a usable URL"),
        (b"[\"https://\"]", "is not a usable URL"),
        (b"[\"https://issuer..example\"]", "is not a usable URL"),
    ] {
        let error = parse_list(bytes).unwrap_err();
        assert_eq!(error.code(), "invalid_options");
        let message = error.to_string();
        assert!(message.contains("trusted issuers") && message.contains(needle), "{message}");
    }
}
