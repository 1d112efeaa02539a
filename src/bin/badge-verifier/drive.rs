//! Drives one verification: verify, fetch what the report still needs, verify again.
//! (Interim: replaced by the core's `Verification` loop when it lands.)

use std::collections::BTreeSet;

use badge_verifier::error::Unavailable;
use badge_verifier::{verify as verify_once, Documents, Error, Options, Report};

use crate::fetch::{Fetcher, MAX_DOCUMENT_BYTES};
use crate::output::Fetched;

/// Verifies `bytes`, fetching what it needs with `fetcher` (`None`: offline).
pub(crate) fn verify(
    bytes: &[u8],
    options: &Options,
    mut documents: Documents,
    fetcher: Option<&Fetcher>,
) -> (Result<Report, Error>, Vec<Fetched>) {
    let mut log = Vec::new();
    let mut tried = BTreeSet::new();
    loop {
        let report = match verify_once(bytes, options, &documents) {
            Ok(report) => report,
            Err(error) => return (Err(error), log),
        };
        let fresh: Vec<String> = report.needs.iter().filter(|n| !tried.contains(*n)).cloned().collect();
        let Some(fetcher) = fetcher.filter(|_| !fresh.is_empty()) else {
            return (Ok(report), log);
        };
        for id in fresh {
            tried.insert(id.clone());
            let url = (id.starts_with("https://") || id.starts_with("http://")).then(|| fetcher.target(&id));
            let result = match url {
                Some(_) => fetcher.get(&id, MAX_DOCUMENT_BYTES),
                None => Err(Unavailable::NotFetchable(format!("{id} has no URL to fetch"))),
            };
            let result = result.and_then(|body| {
                documents
                    .insert_json(&id, &body, &options.limits)
                    .map(|()| body.len())
                    .map_err(|e| Unavailable::Invalid(format!("{e} ({})", e.code())))
            });
            log.push(Fetched { id, url, result });
        }
    }
}
