//! Canonical forms of the credential computed once per verification, not once per proof: a
//! proof set of [`super::MAX_PROOFS`] proofs over one document, each retried under every
//! published context variant, would otherwise canonicalize the same document up to 16 times.
//!
//! The memo is on only inside [`scope`], which pins one document (the credential without its
//! proofs) by reference for its whole duration: a document is looked up by its address, which
//! no other document can take while the pinned one is borrowed. Other documents (a proof's own
//! `@context` replacing the credential's, a proof chain) are computed each time, as before.
//! Entries are dropped when the scope ends, so nothing outlives a verification.

use std::cell::RefCell;

use serde_json::{Map, Value};

use crate::contexts::Contexts;
use crate::error::Error;

/// Which canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// RDFC-1.0 canonical N-Quads with SHA-256.
    Rdfc,
    /// RDFC-1.0 canonical N-Quads with SHA-384 (ecdsa-rdfc-2019 on P-384).
    #[cfg(feature = "ecdsa")]
    RdfcSha384,
    /// RFC 8785 JCS.
    Jcs,
}

struct Entry {
    form: Form,
    contexts: Option<Contexts>,
    result: Result<String, Error>,
}

struct Memo {
    /// The pinned document's address (compared, never dereferenced).
    pinned: usize,
    entries: Vec<Entry>,
}

thread_local! {
    static MEMO: RefCell<Option<Memo>> = const { RefCell::new(None) };
}

/// At most this many forms are kept (one per form and context variant in practice).
const MAX_ENTRIES: usize = 8;

fn address(document: &Map<String, Value>) -> usize {
    core::ptr::from_ref(document) as usize
}

/// Runs `run` with the memo on for `document`. A nested scope leaves the outer one in force.
pub(crate) fn scope<R>(document: &Map<String, Value>, run: impl FnOnce() -> R) -> R {
    let opened = MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.is_some() {
            return false;
        }
        *memo = Some(Memo { pinned: address(document), entries: Vec::new() });
        true
    });
    let result = run();
    if opened {
        MEMO.with(|memo| memo.borrow_mut().take());
    }
    result
}

/// `compute()`, or its earlier result when `document` is the pinned one and was already put in
/// `form` under the same `contexts`.
pub(crate) fn canonical(
    document: &Map<String, Value>,
    form: Form,
    contexts: Option<&Contexts>,
    compute: impl FnOnce() -> Result<String, Error>,
) -> Result<String, Error> {
    let pinned = MEMO.with(|memo| memo.borrow().as_ref().is_some_and(|m| m.pinned == address(document)));
    if !pinned {
        return compute();
    }
    let hit = MEMO.with(|memo| {
        let memo = memo.borrow();
        let entries = memo.as_ref().map(|m| m.entries.as_slice()).unwrap_or_default();
        entries.iter().find(|e| e.form == form && e.contexts.as_ref() == contexts).map(|e| e.result.clone())
    });
    if let Some(result) = hit {
        return result;
    }
    let result = compute();
    MEMO.with(|memo| {
        if let Some(memo) = memo.borrow_mut().as_mut() {
            if memo.entries.len() < MAX_ENTRIES {
                memo.entries.push(Entry { form, contexts: contexts.cloned(), result: result.clone() });
            }
        }
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_form_inside_a_scope_and_every_time_outside() {
        let document = Map::new();
        let other = Map::new();
        let runs = std::cell::Cell::new(0);
        let count = |document: &Map<String, Value>, form| {
            canonical(document, form, None, || {
                runs.set(runs.get() + 1);
                Ok(String::from("x"))
            })
        };
        scope(&document, || {
            for _ in 0..3 {
                assert_eq!(count(&document, Form::Jcs), Ok("x".into()));
            }
            count(&document, Form::Rdfc).unwrap();
            count(&other, Form::Jcs).unwrap(); // not the pinned document: computed
            count(&other, Form::Jcs).unwrap();
        });
        assert_eq!(runs.get(), 4);
        count(&document, Form::Jcs).unwrap(); // the scope is over: computed again
        assert_eq!(runs.get(), 5);
        let variant = Contexts::new().with_variant("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", 1);
        let mut by_contexts = 0;
        scope(&document, || {
            for contexts in [Contexts::new(), variant.clone(), Contexts::new(), variant] {
                let _ = canonical(&document, Form::Rdfc, Some(&contexts), || {
                    by_contexts += 1;
                    Err(Error::ExpansionLimit)
                });
            }
        });
        assert_eq!(by_contexts, 2);
    }
}
