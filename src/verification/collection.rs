//! A collection: a top-level JSON array of credentials (a learner's stack, as `<badge-portfolio>`
//! or `verify --json stack.json` give it). It has no proof, holder, dates or status of its own:
//! its checks are its shape (a non-empty list) and its members, each verified on its own with
//! its own report (the same [`Members`] as a presentation's or CLR's, under [`MAX_MEMBERS`]).
//! The whole is `verified` only when every member is; a member that is not does not hide the
//! others.
//!
//! [`MAX_MEMBERS`]: super::members::MAX_MEMBERS

use serde_json::Value;

use super::members::Members;
use super::{Need, Store};
use crate::error::Error;
use crate::report::{CheckId, Checklist, Container, Passed, Report};
use crate::verify::Options;

/// A collection and its members under verification.
#[derive(Debug)]
pub(crate) struct Collection {
    members: Members,
}

impl Collection {
    /// Starts verifying each entry of `items`.
    ///
    /// # Errors
    /// `not_a_credential` for an empty list: there is nothing to report on.
    pub(crate) fn new(items: &Value, options: &Options) -> Result<Self, Error> {
        if items.as_array().is_none_or(Vec::is_empty) {
            return Err(Error::NotACredential("it is an empty list"));
        }
        Ok(Self { members: Members::of(Container::Collection, Some(items), options) })
    }

    /// How many credentials it holds (each has its own document budget).
    pub(crate) fn member_count(&self) -> usize {
        self.members.count()
    }

    /// Settles every member's checks as far as the documents in `store` allow.
    pub(crate) fn advance(&mut self, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        self.members.advance(store, options, needs);
    }

    /// Signatures checked so far by every member.
    pub(crate) fn signatures_checked(&self) -> usize {
        self.members.signatures_checked()
    }

    /// The report: the `format` line, the `members` line, and each member's report.
    pub(crate) fn report(&self, options: &Options) -> Report {
        let mut list = Checklist::default();
        list.record(CheckId::Format, None, Ok((Passed::FormatValid, ())));
        let tally = self.members.record(&mut list, options);
        let mut report = list.finish_with(None, &CheckId::REQUIRED_OF_COLLECTION);
        super::members::attach(&mut report, tally);
        report
    }
}
