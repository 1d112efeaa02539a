//! The `status` check: each `credentialStatus` entry read against its list. A status list
//! credential is verified like any credential (its proof by any suite this build verifies, its
//! key bound to its issuer), must come from the credential's issuer and be within its validity
//! window; only then are its bits believed. Anything short of that is *unchecked*, never revoked.
//! A list shared by several entries is verified once. Lists are fetched alongside the issuer's
//! documents, but read only once the credential's own proof has verified (a forged credential's
//! status is not worth the work).
//! See: <https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm>

use serde_json::Value;

use super::subject::Subject;
use super::{Need, Purpose, Store};
use crate::credential::Credential;
use crate::documents::strip_fragment;
use crate::error::Error;
use crate::report::{CheckId, Checklist, Passed};
use crate::status::{self, StatusEntry};
use crate::verify::Options;

/// What one entry came to.
type Finding = Result<(Passed, Option<Error>), Error>;

/// The credential's status entries and the lists they point to.
#[derive(Debug)]
pub(crate) struct Statuses {
    entries: Vec<Entry>,
    /// By URL: a credential has a handful of entries, so a `Vec`.
    lists: Vec<(String, List)>,
}

#[derive(Debug)]
struct Entry {
    entry: Result<StatusEntry, Error>,
    state: EntryState,
}

#[derive(Debug)]
enum EntryState {
    Pending,
    /// Not read because the credential itself did not verify.
    Skipped,
    Done(Finding),
}

#[derive(Debug)]
enum List {
    /// A status list credential, under verification.
    Credential(Box<Subject>),
    /// A plain JSON list (1EdTech revocation list): authenticated by its HTTPS origin only.
    Plain(Value),
    /// The document is not a credential at all.
    Unusable(Error),
}

/// Whether the credential's own proofs allow its status to be read yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gate {
    /// Its proofs are still waiting for documents.
    Wait,
    /// Its proofs settled and none verified for its issuer.
    Skip,
    /// Verified: read the status.
    Go,
}

impl Statuses {
    pub(crate) fn of(credential: &Credential) -> Self {
        let Some(status) = credential.json.get("credentialStatus") else {
            return Self { entries: Vec::new(), lists: Vec::new() };
        };
        let mut holder = serde_json::Map::new();
        holder.insert("credentialStatus".into(), status.clone());
        if let Some(id) = credential.json.get("id") {
            holder.insert("id".into(), id.clone());
        }
        let entries = status::entries(&Value::Object(holder))
            .into_iter()
            .map(|entry| Entry { entry, state: EntryState::Pending })
            .collect();
        Self { entries, lists: Vec::new() }
    }

    pub(crate) fn advance(
        &mut self,
        credential: &Credential,
        gate: Gate,
        store: &Store,
        options: &Options,
        needs: &mut Vec<Need>,
    ) {
        for item in &mut self.entries {
            let (Ok(entry), EntryState::Pending) = (&item.entry, &item.state) else { continue };
            let url = entry.list_url.as_str();
            let Some(document) = store.documents.get(url) else {
                let missing = Err(Error::DocumentUnavailable {
                    id: url.to_owned(),
                    reason: crate::error::Unavailable::NotProvided,
                });
                if let Some(Err(unavailable)) = store.settle::<()>(missing, Purpose::StatusList, needs) {
                    item.state = EntryState::Done(Err(unavailable));
                }
                continue;
            };
            match gate {
                Gate::Wait => continue,
                Gate::Skip => {
                    item.state = EntryState::Skipped;
                    continue;
                }
                Gate::Go => {}
            }
            let position = match self.lists.iter().position(|(known, _)| known == url) {
                Some(position) => position,
                None => {
                    self.lists.push((url.to_owned(), open(entry, document, options)));
                    self.lists.len() - 1
                }
            };
            let Some((_, list)) = self.lists.get_mut(position) else { continue };
            if let List::Credential(subject) = list {
                subject.advance(store, options, needs);
                if !subject.is_settled() {
                    continue;
                }
            }
            item.state = EntryState::Done(judge(entry, list, credential));
        }
    }

    pub(crate) fn is_settled(&self) -> bool {
        self.entries.iter().all(|e| e.entry.is_err() || !matches!(e.state, EntryState::Pending))
    }

    pub(crate) fn signatures_checked(&self) -> usize {
        self.lists
            .iter()
            .map(|(_, list)| match list {
                List::Credential(subject) => subject.signatures_checked(),
                _ => 0,
            })
            .sum()
    }

    pub(crate) fn record(&self, list: &mut Checklist) {
        if self.entries.is_empty() {
            list.record(CheckId::Status, None, Ok((Passed::NoStatus, ())));
        }
        for item in &self.entries {
            match (&item.entry, &item.state) {
                (Err(error), _) => {
                    list.record::<()>(CheckId::Status, None, Err(error.clone()));
                }
                (Ok(_), EntryState::Done(Ok((_, Some(warning))))) => list.warn(CheckId::Status, None, warning),
                (Ok(_), EntryState::Done(finding)) => {
                    list.record(CheckId::Status, None, finding.clone().map(|(passed, _)| (passed, ())));
                }
                (Ok(_), EntryState::Skipped | EntryState::Pending) => {
                    list.skipped(CheckId::Status, None, CheckId::Proof);
                }
            }
        }
    }
}

/// Reads a fetched list document as what its entry says it is.
fn open(entry: &StatusEntry, document: &Value, options: &Options) -> List {
    if !entry.kind.list_is_credential() {
        return List::Plain(document.clone());
    }
    match Subject::status_list(document.clone(), options) {
        Ok(subject) => List::Credential(Box::new(subject)),
        Err(error) => List::Unusable(Error::InvalidStatusList(format!("not a credential: {error}"))),
    }
}

/// The entry's status, once its list is settled.
fn judge(entry: &StatusEntry, list: &List, credential: &Credential) -> Finding {
    let issuer = credential.issuer.as_deref().unwrap_or_default();
    let credential_id = credential.json.get("id").and_then(Value::as_str);
    match list {
        List::Unusable(error) => Err(error.clone()),
        List::Plain(document) => status::read(entry, document, credential_id, issuer),
        List::Credential(subject) => {
            subject.list_is_sound()?;
            let list_issuer = subject.credential.issuer.as_deref().unwrap_or_default();
            if list_issuer != issuer {
                return Err(Error::StatusListWrongIssuer {
                    list_issuer: list_issuer.chars().take(200).collect(),
                    issuer: issuer.chars().take(200).collect(),
                });
            }
            // A genuine list of the same issuer answering for another list's URL would otherwise
            // be read as that list: a revoked badge reading as not revoked. So when the list's
            // `id` names another URL, a clear bit is not believed (the status is unknown); a set
            // bit still reads as revoked or suspended (the issuer's own signed list says so, and
            // lists served under another id than their URL exist: DCC's, 1EdTech's).
            let mismatch = subject
                .credential
                .json
                .get("id")
                .and_then(Value::as_str)
                .filter(|id| strip_fragment(id) != strip_fragment(&entry.list_url));
            let finding = status::read(entry, &Value::Object(subject.credential.json.clone()), credential_id, issuer);
            match (finding, mismatch) {
                (Ok(_), Some(id)) => Err(Error::StatusListIdMismatch {
                    url: entry.list_url.chars().take(200).collect(),
                    id: id.chars().take(200).collect(),
                }),
                (finding, _) => finding,
            }
        }
    }
}
