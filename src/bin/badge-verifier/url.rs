//! Absolute `http(s)` URLs as the fetcher sees them: parsing, resolving a `Location` against the
//! URL it came from (RFC 3986 §5.2), the origin map (`--map-origin`) and the fetch policy
//! (`https:` only, plain `http:` only to loopback). Pure: no I/O, unit-tested.

use std::fmt;
use std::net::IpAddr;

/// `http` or `https`: the only schemes the fetcher knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    Http,
    Https,
}

impl Scheme {
    fn default_port(self) -> u16 {
        match self {
            Self::Http => 80,
            Self::Https => 443,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Https => "https",
        }
    }
}

/// An absolute `http:` or `https:` URL without fragment or user info.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Url {
    pub(crate) scheme: Scheme,
    /// Lower-case; an IPv6 address keeps its brackets (`[::1]`).
    pub(crate) host: String,
    /// The effective port (the scheme's default when the URL names none).
    pub(crate) port: u16,
    /// Path and query, always starting with `/`.
    pub(crate) path: String,
}

impl Url {
    /// Parses an absolute `http:` or `https:` URL; its fragment is dropped.
    ///
    /// # Errors
    /// Plain words for people: not absolute, another scheme, no host, user info, bad port.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let text = text.split_once('#').map_or(text, |(base, _)| base);
        let (scheme, rest) = text.split_once("://").ok_or_else(|| format!("{text:?} is not an absolute URL"))?;
        let scheme = if scheme.eq_ignore_ascii_case("https") {
            Scheme::Https
        } else if scheme.eq_ignore_ascii_case("http") {
            Scheme::Http
        } else {
            return Err(format!("{text:?} is not an http(s) URL"));
        };
        let split = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(split);
        if authority.contains('@') {
            return Err(format!("{text:?} carries user info; such URLs are not fetched"));
        }
        let (host, port) = split_port(authority).ok_or_else(|| format!("{text:?} has a bad port"))?;
        let host_ok = !host.is_empty()
            && host.chars().all(|c| c.is_ascii_alphanumeric() || "-._[]:".contains(c))
            && (host.starts_with('[') == host.ends_with(']'));
        if !host_ok {
            return Err(format!("{text:?} has no usable host"));
        }
        if path.chars().any(|c| c.is_ascii_whitespace() || c.is_ascii_control()) {
            return Err(format!("{text:?} contains spaces or control characters"));
        }
        let path = if path.starts_with('/') { remove_dot_segments(path) } else { format!("/{path}") };
        Ok(Self { scheme, host: host.to_ascii_lowercase(), port: port.unwrap_or(scheme.default_port()), path })
    }

    /// Resolves `reference` (a `Location` header: absolute, `//host…`, `/path`, `?query` or
    /// relative) against this URL (RFC 3986 §5.2.2).
    ///
    /// # Errors
    /// As [`Url::parse`] for the resolved URL.
    pub(crate) fn join(&self, reference: &str) -> Result<Self, String> {
        let reference = reference.trim();
        let reference = reference.split_once('#').map_or(reference, |(base, _)| base);
        let has_scheme = reference
            .split_once(':')
            .is_some_and(|(s, _)| s.starts_with(|c: char| c.is_ascii_alphabetic()) && !s.contains(['/', '?']));
        if has_scheme {
            return Self::parse(reference);
        }
        if reference.starts_with("//") {
            return Self::parse(&format!("{}:{reference}", self.scheme.as_str()));
        }
        let base_path = self.path.split_once('?').map_or(self.path.as_str(), |(p, _)| p);
        let path = if reference.is_empty() {
            self.path.clone()
        } else if reference.starts_with('/') {
            reference.to_owned()
        } else if reference.starts_with('?') {
            format!("{base_path}{reference}")
        } else {
            let directory = base_path.rfind('/').map_or("/", |i| base_path.get(..=i).unwrap_or("/"));
            format!("{directory}{reference}")
        };
        Self::parse(&format!("{}{path}", self.origin()))
    }

    /// `scheme://host[:port]`, the port only when it is not the scheme's default.
    pub(crate) fn origin(&self) -> String {
        if self.port == self.scheme.default_port() {
            format!("{}://{}", self.scheme.as_str(), self.host)
        } else {
            format!("{}://{}:{}", self.scheme.as_str(), self.host, self.port)
        }
    }

    /// Whether the host is loopback: `localhost`, 127.0.0.0/8 or `[::1]`.
    pub(crate) fn is_loopback(&self) -> bool {
        let bare = self.host.trim_start_matches('[').trim_end_matches(']');
        self.host == "localhost" || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
    }

    /// The fetch policy: `https:` anywhere, plain `http:` only to loopback (local servers, tests).
    ///
    /// # Errors
    /// Why the URL is not fetched, in plain words.
    pub(crate) fn allowed(&self) -> Result<(), String> {
        match self.scheme {
            Scheme::Https => Ok(()),
            Scheme::Http if self.is_loopback() => Ok(()),
            Scheme::Http => Err(format!("{self} is plain http (only https is fetched, http only from loopback)")),
        }
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin(), self.path)
    }
}

/// `host[:port]` → host and port (`None`: the default). `None` when the port is not a number.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    // An IPv6 literal has colons of its own: the port comes after the closing bracket.
    let after_host = if authority.starts_with('[') { authority.find(']')? } else { 0 };
    match authority.get(after_host..)?.rfind(':').map(|i| i + after_host) {
        Some(colon) => {
            let (host, port) = (authority.get(..colon)?, authority.get(colon + 1..)?);
            if port.is_empty() {
                Some((host, None))
            } else {
                port.parse().ok().map(|port| (host, Some(port)))
            }
        }
        None => Some((authority, None)),
    }
}

/// RFC 3986 §5.2.4 on a path that may carry a query.
fn remove_dot_segments(path_and_query: &str) -> String {
    let (path, query) = match path_and_query.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (path_and_query, None),
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {}
            ".." => {
                out.pop();
            }
            other => out.push(other),
        }
        // A trailing `.` or `..` leaves a directory: keep the slash.
        if i == last && (*segment == "." || *segment == "..") {
            out.push("");
        }
    }
    let mut result = format!("/{}", out.join("/"));
    if let Some(query) = query {
        result.push('?');
        result.push_str(query);
    }
    result
}

/// `--map-origin FROM=TO`: requests to the origin FROM go to TO (an origin, optionally with a
/// path prefix) instead. For mirrors and tests.
#[derive(Debug, Clone, Default)]
pub(crate) struct OriginMap {
    entries: Vec<(Url, Url)>,
}

impl OriginMap {
    /// Adds `FROM=TO`.
    ///
    /// # Errors
    /// FROM not an origin, TO not a URL, or TO outside the fetch policy.
    pub(crate) fn add(&mut self, spec: &str) -> Result<(), String> {
        let (from, to) = spec.split_once('=').ok_or_else(|| format!("--map-origin {spec:?} is not FROM=TO"))?;
        let from = Url::parse(from).map_err(|e| format!("--map-origin: {e}"))?;
        if from.path != "/" {
            return Err(format!("--map-origin: {from} is not an origin (scheme://host[:port], no path)"));
        }
        let mut to = Url::parse(to).map_err(|e| format!("--map-origin: {e}"))?;
        to.allowed().map_err(|e| format!("--map-origin: {e}"))?;
        if to.path.contains('?') {
            return Err(format!("--map-origin: {to} has a query; give an origin or a path prefix"));
        }
        to.path = to.path.trim_end_matches('/').to_owned();
        self.entries.push((from, to));
        Ok(())
    }

    /// Where to send a request for `url`: the first mapping whose FROM is its origin, else `url`.
    pub(crate) fn apply(&self, url: &Url) -> Url {
        self.entries
            .iter()
            .find(|(from, _)| (from.scheme, &from.host, from.port) == (url.scheme, &url.host, url.port))
            .map_or_else(|| url.clone(), |(_, to)| Url { path: format!("{}{}", to.path, url.path), ..to.clone() })
    }
}

#[cfg(test)]
mod tests;
