//! `did:web` → the HTTPS URL of its DID document, for the host that fetches it.
//! See: <https://w3c-ccg.github.io/did-method-web/#read-resolve>

/// The URL where the document of `did` is published, or `None` when `did` is not a
/// well-formed `did:web` DID or DID URL.
///
/// `did` may be a DID URL: its `#fragment` names something inside the document, and its
/// `?query` holds DID parameters (`versionId`, `service`, …) that are not HTTP parameters, so
/// neither changes where the document is (digitalbazaar's `baseUrl`). A DID URL path (`/…`) is
/// refused, as is anything that could leave the host: an empty, `.` or `..` path segment, a
/// character outside the DID syntax (`idchar`: letters, digits, `.`, `-`, `_`, `%XX`), or a host
/// other than DNS labels with an optional `%3A`-encoded port.
pub fn document_url(did: &str) -> Option<String> {
    let did = did.split(['#', '?']).next().unwrap_or(did);
    let rest = did.strip_prefix("did:web:")?;
    let mut segments = rest.split(':');
    let authority = authority(segments.next()?)?;
    let path: Vec<&str> = segments.collect();
    if !path.iter().all(|segment| is_path_segment(segment)) {
        return None;
    }
    Some(if path.is_empty() {
        format!("https://{authority}/.well-known/did.json")
    } else {
        format!("https://{authority}/{}/did.json", path.join("/"))
    })
}

/// `host` or `host:port` from the first segment, where the port's colon is written `%3A`.
fn authority(segment: &str) -> Option<String> {
    let decoded = segment.replace("%3A", ":").replace("%3a", ":");
    let (host, port) = match decoded.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (decoded.as_str(), None),
    };
    let is_label = |label: &str| !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !host.split('.').all(is_label) {
        return None;
    }
    if let Some(port) = port {
        let is_port = (1..=5).contains(&port.len())
            && port.chars().all(|c| c.is_ascii_digit())
            && port.parse::<u16>().is_ok_and(|n| n > 0);
        if !is_port {
            return None;
        }
    }
    Some(decoded)
}

/// A path segment made of DID `idchar`s that is not (an encoding of) `.` or `..`.
fn is_path_segment(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let escape = bytes.get(i + 1..i + 3).unwrap_or_default();
            if escape.len() != 2 || !escape.iter().all(u8::is_ascii_hexdigit) {
                return false;
            }
            i += 3;
        } else if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
            i += 1;
        } else {
            return false;
        }
    }
    let dots = segment.replace("%2E", ".").replace("%2e", ".");
    !segment.is_empty() && dots != "." && dots != ".."
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
        assert_eq!(
            document_url("did:web:example.com%3a3000").as_deref(),
            Some("https://example.com:3000/.well-known/did.json")
        );
    }

    #[test]
    fn a_did_url_maps_to_its_dids_document() {
        for did_url in [
            "did:web:example.com:user#key-1",
            "did:web:example.com:user?versionId=2",
            "did:web:example.com:user?service=files#frag",
        ] {
            assert_eq!(document_url(did_url).as_deref(), Some("https://example.com/user/did.json"), "{did_url}");
        }
        assert_eq!(
            document_url("did:web:example.com#key-1").as_deref(),
            Some("https://example.com/.well-known/did.json")
        );
    }

    #[test]
    fn refuses_what_could_escape_the_host() {
        for bad in [
            "did:web:",
            "did:web:a/b",
            "did:web:a:b/c",
            "did:web:a:..:b",
            "did:web:a:%2e%2E:b",
            "did:web:a:.",
            "did:web:a::b",
            "did:web:a:",
            "did:web:ex@mple.com",
            "did:web:example.com%3A",
            "did:web:example.com%3A0",
            "did:web:example.com%3A99999",
            "did:web:example.com%3A80%3A81",
            "did:web:example..com",
            "did:web:example.com.",
            "did:web:a:b%2",
            "did:web:a:b%zz",
            "did:web:a:b c",
            "did:web:a:b@c",
            "did:key:z6Mk",
            "did:webs:example.com",
        ] {
            assert_eq!(document_url(bad), None, "{bad}");
        }
    }
}
