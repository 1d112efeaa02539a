//! Drives one verification: the core's sans-I/O loop (`Verification`), with this CLI's fetcher
//! answering each need, and a log of every fetch for the output.

use badge_verifier::{Documents, Error, Options, Report, Unavailable, Verification};

use crate::fetch::{Fetcher, MAX_DOCUMENT_BYTES};
use crate::output::Fetched;

/// Verifies `bytes` with the `documents` given up front (`--doc`, never fetched), fetching the
/// rest with `fetcher` (`None`: offline, each need is answered `Offline`).
pub(crate) fn verify(
    bytes: &[u8],
    options: &Options,
    documents: Documents,
    fetcher: Option<&Fetcher>,
) -> (Result<Report, Error>, Vec<Fetched>) {
    let mut log = Vec::new();
    let mut verification = match Verification::start(bytes, options, documents) {
        Ok(verification) => verification,
        Err(error) => return (Err(error), log),
    };
    loop {
        let needs = verification.needs();
        if needs.is_empty() {
            break;
        }
        for need in needs {
            let Some(fetcher) = fetcher else {
                verification.unavailable(&need.id, Unavailable::Offline);
                continue;
            };
            let (result, cached) = match need.url.as_deref() {
                Some(url) => fetcher.get(url, MAX_DOCUMENT_BYTES),
                None => (Err(Unavailable::NotFetchable(format!("{} has no URL to fetch", need.id))), false),
            };
            match &result {
                Ok(body) => verification.provide(&need.id, body),
                Err(reason) => verification.unavailable(&need.id, reason.clone()),
            }
            let url = need.url.as_deref().map(|url| fetcher.target(url));
            log.push(Fetched { id: need.id, url, result: result.map(|body| body.len()), cached });
        }
    }
    (Ok(verification.finish()), log)
}
