//! The CLI's fetcher: one blocking `GET` under a fixed policy, each failure an [`Unavailable`]
//! reason in plain words naming the host.
//!
//! Policy: `https:` only, plain `http:` only to loopback (see [`Url::allowed`]); a connect
//! timeout and a whole-request timeout (redirects and body included); the body capped while it
//! is read (never trusting `Content-Length`); at most [`MAX_REDIRECTS`] redirects, each target
//! mapped and checked again, and never from `https:` down to `http:`; no cookies; no proxy for
//! loopback (others: `HTTPS_PROXY` / `NO_PROXY` from the environment).

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use badge_verifier::error::Unavailable;
use ureq::http::header::{CONTENT_LENGTH, LOCATION};

use crate::url::{OriginMap, Scheme, Url};

/// Redirects followed per request.
pub(crate) const MAX_REDIRECTS: usize = 3;
/// Documents (DID documents, issuer profiles, status lists) are capped at 1 MiB.
pub(crate) const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;
/// Connection set-up (DNS, TCP, TLS) gets at most this long.
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The whole request, redirects and body included, by default.
pub(crate) const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// What one run keeps of what it fetched (so a page of badges sharing one status list fetches it
/// once); past this, answers are no longer kept.
const CACHE_BYTES: usize = 16 * 1024 * 1024;

const ACCEPTED: &str = "application/did+json, application/ld+json, application/json";
const USER_AGENT: &str = concat!("badge-verifier/", env!("CARGO_PKG_VERSION"));

/// Fetches documents under the policy; holds the agent (and its connection pool) and the answers
/// already had, for one run. Shared by the `--jobs` workers: one URL asked for by several at once
/// is fetched once, the others wait for its answer.
pub(crate) struct Fetcher {
    agent: ureq::Agent,
    timeout: Duration,
    map: OriginMap,
    /// Each URL (and cap) asked for in this run, with its answer: a failure is not retried either.
    cache: Mutex<Cache>,
}

/// One answer, filled once by the first worker to ask; later askers wait on it.
type Slot = Arc<OnceLock<Result<Vec<u8>, Unavailable>>>;

#[derive(Default)]
struct Cache {
    answers: HashMap<(String, usize), Slot>,
    bytes: usize,
}

impl Fetcher {
    /// A fetcher whose whole-request timeout is `timeout` (connecting gets at most 5 s of it).
    pub(crate) fn new(timeout: Duration, map: OriginMap) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0) // followed here, so that each target is checked
            .user_agent(USER_AGENT)
            .accept(ACCEPTED)
            .accept_encoding("identity")
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .build()
            .new_agent();
        Self { agent, timeout, map, cache: Mutex::default() }
    }

    /// Where a request for `url` goes once `--map-origin` is applied (for the log).
    pub(crate) fn target(&self, url: &str) -> String {
        Url::parse(url).map_or_else(|_| url.to_owned(), |u| self.map.apply(&u).to_string())
    }

    /// `GET url` (see [`Fetcher::fetch`]), or the answer this run already had for it; the flag
    /// says which (`true`: from earlier in the run).
    pub(crate) fn get(&self, url: &str, cap: usize) -> (Result<Vec<u8>, Unavailable>, bool) {
        let key = (url.to_owned(), cap);
        // The lock is held only to find the slot, never across a request.
        let slot = Slot::clone(self.lock().answers.entry(key.clone()).or_default());
        let mut fetched_here = false;
        let answer = slot.get_or_init(|| {
            fetched_here = true;
            self.fetch(url, cap)
        });
        if fetched_here {
            let size = answer.as_ref().map_or(0, Vec::len);
            let mut cache = self.lock();
            if cache.bytes + size <= CACHE_BYTES {
                cache.bytes += size;
            } else {
                cache.answers.remove(&key); // over the budget: not kept for later inputs
            }
        }
        (answer.clone(), !fetched_here)
    }

    /// The cache, even if a worker panicked while holding it (its map stays consistent).
    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `GET url`, following up to [`MAX_REDIRECTS`] redirects; the body, at most `cap` bytes.
    ///
    /// # Errors
    /// The reason the document could not be had: `NotFetchable` (policy, before any request),
    /// `HttpStatus`, `Timeout`, `TooLarge`, `Network` (host named).
    fn fetch(&self, url: &str, cap: usize) -> Result<Vec<u8>, Unavailable> {
        let deadline = Instant::now() + self.timeout;
        // `logical` is the URL as the credential names it; `actual` is where it is requested.
        let mut logical = Url::parse(url).map_err(Unavailable::NotFetchable)?;
        let mut redirects = 0;
        loop {
            let actual = self.map.apply(&logical);
            actual.allowed().map_err(Unavailable::NotFetchable)?;
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(Unavailable::Timeout);
            }
            let mut request = self.agent.get(actual.to_string()).config().timeout_global(Some(remaining));
            if actual.is_loopback() {
                request = request.proxy(None);
            }
            let mut response = request.build().call().map_err(|e| unavailable(&actual, e))?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| Unavailable::HttpStatus(status.as_u16()))?;
                if redirects == MAX_REDIRECTS {
                    return Err(Unavailable::Network(format!(
                        "{} redirected more than {MAX_REDIRECTS} times",
                        actual.host
                    )));
                }
                let next =
                    logical.join(location).map_err(|e| Unavailable::NotFetchable(format!("redirect refused: {e}")))?;
                if logical.scheme == Scheme::Https && next.scheme == Scheme::Http {
                    return Err(Unavailable::NotFetchable(format!(
                        "redirect from {logical} to {next} refused (https to plain http)"
                    )));
                }
                logical = next;
                redirects += 1;
                continue;
            }
            if !status.is_success() {
                return Err(Unavailable::HttpStatus(status.as_u16()));
            }
            let declared = response.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
            if declared.is_some_and(|length| length > cap as u64) {
                return Err(Unavailable::TooLarge { limit: cap });
            }
            // Counted while read: a missing or lying Content-Length changes nothing.
            return response
                .body_mut()
                .with_config()
                .limit(cap as u64)
                .read_to_vec()
                .map_err(|e| unavailable(&actual, e));
        }
    }
}

/// A ureq error as an `Unavailable` reason, in plain words naming the host.
fn unavailable(url: &Url, error: ureq::Error) -> Unavailable {
    let host = &url.host;
    match error {
        ureq::Error::Timeout(_) => Unavailable::Timeout,
        ureq::Error::BodyExceedsLimit(limit) => {
            Unavailable::TooLarge { limit: usize::try_from(limit).unwrap_or(usize::MAX) }
        }
        ureq::Error::HostNotFound => Unavailable::Network(format!("could not resolve {host}")),
        ureq::Error::ConnectionFailed => Unavailable::Network(format!("could not connect to {host}")),
        ureq::Error::Io(e) => match e.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Unavailable::Timeout,
            io::ErrorKind::ConnectionRefused => {
                Unavailable::Network(format!("could not connect to {host}: connection refused"))
            }
            // rustls reports a failed handshake (certificate, protocol) as invalid data.
            io::ErrorKind::InvalidData if url.scheme == Scheme::Https => {
                Unavailable::Network(format!("TLS with {host} failed: {e}"))
            }
            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted | io::ErrorKind::UnexpectedEof => {
                Unavailable::Network(format!("{host} closed the connection"))
            }
            _ => Unavailable::Network(format!("could not reach {host}: {e}")),
        },
        ureq::Error::Rustls(e) => Unavailable::Network(format!("TLS with {host} failed: {e}")),
        ureq::Error::Tls(e) => Unavailable::Network(format!("TLS with {host} failed: {e}")),
        ureq::Error::Protocol(e) => Unavailable::Network(format!("{host} did not answer in HTTP/1.1: {e}")),
        ureq::Error::LargeResponseHeader(..) => Unavailable::Network(format!("{host} sent oversized headers")),
        ureq::Error::ConnectProxyFailed(e) => Unavailable::Network(format!("the proxy to {host} failed: {e}")),
        other => Unavailable::Network(format!("could not reach {host}: {other}")),
    }
}
