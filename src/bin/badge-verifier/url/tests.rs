use super::*;

fn url(text: &str) -> Url {
    Url::parse(text).unwrap()
}

#[test]
fn parses_and_prints_absolute_urls() {
    let u = url("HTTPS://Credentials.CogniPilot.org/status/revocation-list#frag");
    assert_eq!(
        (u.scheme, u.host.as_str(), u.port, u.path.as_str()),
        (Scheme::Https, "credentials.cognipilot.org", 443, "/status/revocation-list")
    );
    assert_eq!(u.to_string(), "https://credentials.cognipilot.org/status/revocation-list");
    assert_eq!(url("http://127.0.0.1:8123").to_string(), "http://127.0.0.1:8123/");
    assert_eq!(url("http://[::1]:9/a?b=c").to_string(), "http://[::1]:9/a?b=c");
    assert_eq!(url("https://x.example:443/a/./b/../c").to_string(), "https://x.example/a/c");
    assert_eq!(url("https://x.example?q").path, "/?q");
}

#[test]
fn refuses_what_it_does_not_fetch() {
    for bad in [
        "ftp://x.example/",
        "did:web:x.example",
        "/relative",
        "https://user:pw@x.example/",
        "https://x.example:99999/",
        "https:///path",
        "https://x example/",
        "https://x.example/a b",
        "https://ex%41mple.com/",
    ] {
        assert!(Url::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn joins_locations_as_rfc_3986_says() {
    let base = url("https://a.example/b/c/d;p?q");
    let cases = [
        ("g", "https://a.example/b/c/g"),
        ("./g", "https://a.example/b/c/g"),
        ("g/", "https://a.example/b/c/g/"),
        ("/g", "https://a.example/g"),
        ("//g.example/x", "https://g.example/x"),
        ("?y", "https://a.example/b/c/d;p?y"),
        ("g?y", "https://a.example/b/c/g?y"),
        ("#s", "https://a.example/b/c/d;p?q"),
        ("", "https://a.example/b/c/d;p?q"),
        ("..", "https://a.example/b/"),
        ("../g", "https://a.example/b/g"),
        ("../../../g", "https://a.example/g"),
        ("http://other.example/z", "http://other.example/z"),
        ("HTTPS://Other.example:8443/z", "https://other.example:8443/z"),
    ];
    for (reference, expected) in cases {
        assert_eq!(base.join(reference).unwrap().to_string(), expected, "{reference}");
    }
    assert!(base.join("mailto:x@y.example").is_err());
}

#[test]
fn policy_https_anywhere_http_only_to_loopback() {
    for ok in [
        "https://x.example/",
        "https://127.0.0.1/",
        "http://127.0.0.1:8123/",
        "http://127.1.2.3/",
        "http://localhost:1/",
        "http://[::1]:2/",
    ] {
        assert_eq!(url(ok).allowed(), Ok(()), "{ok}");
    }
    for refused in
        ["http://x.example/", "http://10.0.0.1/", "http://[::2]/", "http://localhost.example/", "http://0.0.0.0/"]
    {
        let why = url(refused).allowed().unwrap_err();
        assert!(why.contains("plain http"), "{refused}: {why}");
    }
}

#[test]
fn origin_map_rewrites_only_its_origin() {
    let mut map = OriginMap::default();
    map.add("https://credentials.cognipilot.org=http://127.0.0.1:8123").unwrap();
    map.add("https://mirror.example=https://cdn.example/mirror/").unwrap();
    let mapped = map.apply(&url("https://credentials.cognipilot.org/.well-known/did.json"));
    assert_eq!(mapped.to_string(), "http://127.0.0.1:8123/.well-known/did.json");
    assert_eq!(map.apply(&url("https://mirror.example/a?b")).to_string(), "https://cdn.example/mirror/a?b");
    // Another scheme or port is another origin.
    for same in
        ["http://credentials.cognipilot.org/x", "https://credentials.cognipilot.org:444/x", "https://other.example/x"]
    {
        assert_eq!(map.apply(&url(same)), url(same), "{same}");
    }
}

#[test]
fn origin_map_refuses_bad_specs() {
    let mut map = OriginMap::default();
    for bad in [
        "https://a.example",
        "https://a.example/path=https://b.example",
        "https://a.example=http://b.example",
        "https://a.example=https://b.example/?q",
        "did:web:a=https://b.example",
    ] {
        assert!(map.add(bad).is_err(), "{bad}");
    }
}
