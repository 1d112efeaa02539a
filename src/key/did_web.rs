//! `did:web` → the HTTPS URL of its DID document, for the host that fetches it.
//! See: <https://w3c-ccg.github.io/did-method-web/#read-resolve>

/// The URL where the document of `did` (a `did:web`, without fragment) is published, or `None`
/// when `did` is not a well-formed `did:web`.
pub fn document_url(did: &str) -> Option<String> {
    let rest = did.strip_prefix("did:web:")?;
    if rest.is_empty() || rest.contains(['/', '?', '#']) {
        return None;
    }
    let mut parts = rest.split(':');
    let host = parts.next()?.replace("%3A", ":").replace("%3a", ":");
    if host.is_empty() || !host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':')) {
        return None;
    }
    let path: Vec<&str> = parts.collect();
    if path.iter().any(|segment| segment.is_empty() || *segment == "." || *segment == "..") {
        return None;
    }
    Some(if path.is_empty() {
        format!("https://{host}/.well-known/did.json")
    } else {
        format!("https://{host}/{}/did.json", path.join("/"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_as_the_spec_examples_do() {
        assert_eq!(
            document_url("did:web:w3c-ccg.github.io").as_deref(),
            Some("https://w3c-ccg.github.io/.well-known/did.json")
        );
        assert_eq!(
            document_url("did:web:w3c-ccg.github.io:user:alice").as_deref(),
            Some("https://w3c-ccg.github.io/user/alice/did.json")
        );
        assert_eq!(
            document_url("did:web:example.com%3A3000:user").as_deref(),
            Some("https://example.com:3000/user/did.json")
        );
    }

    #[test]
    fn refuses_what_could_escape_the_host() {
        for bad in ["did:web:", "did:web:a/b", "did:web:a:..:b", "did:web:a::b", "did:web:ex@mple.com", "did:key:z6Mk"]
        {
            assert_eq!(document_url(bad), None, "{bad}");
        }
    }
}
