//! The two kinds of URL a credential may make us show or compare: `http(s):` URLs
//! ([RFC 3986](https://www.rfc-editor.org/rfc/rfc3986)) and `data:` URLs
//! ([RFC 2397](https://www.rfc-editor.org/rfc/rfc2397)). Each is read whole: a URL that does not
//! parse is not a URL here, whatever its first bytes say (`data:image/png; base64; …` with no
//! comma is not an image, `https://a b/` is not a link).

/// An `http:` or `https:` URL, split for comparison: scheme and host lower-cased, the default
/// port dropped, the rest (path, query, fragment) as written.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct HttpUrl<'a> {
    /// `https:` (else `http:`).
    pub(crate) https: bool,
    /// The host, lower-cased: DNS labels of letters, digits and `-` (IP literals in brackets are
    /// not accepted).
    pub(crate) host: String,
    /// The port when it is not the scheme's default.
    pub(crate) port: Option<u16>,
    /// Path, query and fragment as written, checked to be RFC 3986 characters only.
    pub(crate) rest: &'a str,
}

impl<'a> HttpUrl<'a> {
    /// `text` read as an absolute `http(s)://host[:port][/path][?query][#fragment]`. User info is
    /// refused outright (`https://issuer.example@evil.com` is evil.com), and so is any character
    /// RFC 3986 does not allow in the rest (spaces, quotes, angle brackets, controls, non-ASCII)
    /// and a `%` not followed by two hex digits.
    pub(crate) fn parse(text: &'a str) -> Option<Self> {
        let (scheme, after) = text.split_once("://")?;
        let https = if scheme.eq_ignore_ascii_case("https") {
            true
        } else if scheme.eq_ignore_ascii_case("http") {
            false
        } else {
            return None;
        };
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at_checked(end)?;
        if authority.contains('@') || !is_reference_text(rest) {
            return None;
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => {
                let is_digits = !port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit());
                (host, Some(port.parse::<u16>().ok().filter(|n| is_digits && *n > 0)?))
            }
            None => (authority, None),
        };
        let is_label = |label: &str| !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !host.split('.').all(is_label) {
            return None;
        }
        let default_port = if https { 443 } else { 80 };
        Some(Self { https, host: host.to_ascii_lowercase(), port: port.filter(|p| *p != default_port), rest })
    }

    /// Same scheme, host and port.
    pub(crate) fn same_origin(&self, other: &HttpUrl<'_>) -> bool {
        self.https == other.https && self.host == other.host && self.port == other.port
    }

    /// No path beyond `/`, no query, no fragment.
    pub(crate) fn is_origin(&self) -> bool {
        self.rest.is_empty() || self.rest == "/"
    }
}

/// Path, query and fragment characters of RFC 3986 §3.3–3.5: unreserved, sub-delims, `:`, `@`,
/// `/`, `?`, one `#` (it starts the fragment), and `%` with two hex digits.
fn is_reference_text(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut seen_hash = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).is_some_and(|pair| pair.iter().all(u8::is_ascii_hexdigit));
                if !hex {
                    return false;
                }
                i += 2;
            }
            b'#' if seen_hash => return false,
            b'#' => seen_hash = true,
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => {}
            b'-' | b'.' | b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' => {
            }
            b':' | b'@' | b'/' | b'?' => {}
            _ => return false,
        }
        i += 1;
    }
    true
}

/// A `data:` URL read whole: `data:type/subtype[;name=value | ;token]*[;base64],data`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DataUrl<'a> {
    /// `type/subtype`, lower-cased.
    pub(crate) media_type: String,
    /// Whether the data is base64 (then checked as a browser decodes it: WHATWG forgiving-base64).
    pub(crate) base64: bool,
    /// The data after the comma, as written.
    pub(crate) data: &'a str,
}

impl<'a> DataUrl<'a> {
    /// `text` read as a `data:` URL. `None` without the comma, with a media type or parameter
    /// that is not a token (spaces included), with base64 data a browser would fail to decode,
    /// or with control characters in other data (which browsers take as written: an inline SVG
    /// `<svg …>` is a valid image, and an `<img>` never runs its scripts).
    pub(crate) fn parse(text: &'a str) -> Option<Self> {
        let scheme = text.get(..5)?;
        if !scheme.eq_ignore_ascii_case("data:") {
            return None;
        }
        let (header, data) = text.get(5..)?.split_once(',')?;
        let mut parts = header.split(';');
        let media_type = parts.next()?;
        let (main, sub) = media_type.split_once('/')?;
        if !is_token(main) || !is_token(sub) {
            return None;
        }
        let mut base64 = false;
        for part in parts {
            if base64 {
                return None; // `;base64` comes last
            }
            if part.eq_ignore_ascii_case("base64") {
                base64 = true;
            } else {
                // `name=value`, or a bare token as issuers write `;utf8` (browsers ignore it).
                let (name, value) = part.split_once('=').unwrap_or((part, "x"));
                if !is_token(name) || !is_token(value) {
                    return None;
                }
            }
        }
        let data_ok = if base64 { is_base64(data) } else { !data.bytes().any(|b| b.is_ascii_control()) };
        data_ok.then(|| Self { media_type: media_type.to_ascii_lowercase(), base64, data })
    }
}

/// An RFC 2045 token: printable ASCII except spaces and tspecials.
fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?=".contains(&b))
}

/// Whether a browser decodes `data` as base64: the WHATWG "forgiving-base64 decode" succeeds
/// (ASCII whitespace ignored; one or two `=` only to complete a multiple of four; the standard
/// alphabet). See <https://infra.spec.whatwg.org/#forgiving-base64-decode>.
fn is_base64(data: &str) -> bool {
    let body: Vec<u8> = data.bytes().filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)).collect();
    let body = match body.len() % 4 {
        0 => body.strip_suffix(b"==").or_else(|| body.strip_suffix(b"=")).unwrap_or(&body),
        _ => &body,
    };
    body.len() % 4 != 1 && body.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_urls_are_read_whole() {
        let url = HttpUrl::parse("HTTPS://Issuer.Example:443/a/b?q=1&r=%20#frag").unwrap();
        assert!(url.https);
        assert_eq!(url.host, "issuer.example");
        assert_eq!(url.port, None);
        assert_eq!(url.rest, "/a/b?q=1&r=%20#frag");
        for bad in [
            "https://issuer.example@evil.com/",
            "https://a b/",
            "https://x.example/a b",
            "https://x.example/<script>",
            "https://x.example/\"",
            "https://x.example/%zz",
            "https://x.example/%4",
            "https://x.example/a#b#c",
            "https://x.example/é",
            "https://",
            "https://x..example/",
            "https://x.example:0/",
            "https://x.example:99999/",
            "ftp://x.example/",
            "https:x.example",
        ] {
            assert_eq!(HttpUrl::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn data_urls_are_read_whole() {
        let png = DataUrl::parse("data:image/png;base64,iVBORw0KGgo=").unwrap();
        assert_eq!((png.media_type.as_str(), png.base64, png.data), ("image/png", true, "iVBORw0KGgo="));
        let svg = DataUrl::parse("data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E").unwrap();
        assert_eq!((svg.media_type.as_str(), svg.base64), ("image/svg+xml", false));
        assert!(DataUrl::parse("DATA:Image/PNG;BASE64,AAAA").is_some());
        assert!(DataUrl::parse("data:image/png;base64,iVBO\nRw0K Ggo=").is_some());
        assert!(DataUrl::parse("data:image/png;base64,AA").is_some());
        assert!(DataUrl::parse("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>").is_some());
        for bad in [
            "data:image/png; base64; iVBORw0KGgo",
            "data:image/png;base64",
            "data:image/png;base64,AA===",
            "data:image/png;base64,<svg>",
            "data:image/png;base64;charset=x,AAAA",
            "data:image png;base64,AAAA",
            "data:;base64,AAAA",
            "data:image/svg+xml,<svg>\u{7}",
            "data:image/png;base64,A",
            "data:image/png;base64,AA-_",
            "data:image/png;a b,AAAA",
            "data:",
        ] {
            assert_eq!(DataUrl::parse(bad), None, "{bad}");
        }
    }
}
