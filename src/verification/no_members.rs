//! Without the `presentations` feature no credential has members: a presentation or a CLR is
//! settled as `not_in_this_build` before it is read (`from_json`), so `Subject`'s members are
//! always `None`. This uninhabited stand-in keeps `Subject` free of feature switches.

use super::{Need, Store};
use crate::report::{Checklist, Members as Tally, Report};
use crate::verify::Options;

/// No value of this type exists.
#[derive(Debug)]
pub(crate) enum Members {}

impl Members {
    pub(crate) fn document_budget(&self) -> usize {
        match *self {}
    }

    pub(crate) fn advance(&mut self, _: &Store, _: &Options, _: &mut Vec<Need>) {
        match *self {}
    }

    pub(crate) fn signatures_checked(&self) -> usize {
        match *self {}
    }

    pub(crate) fn record(&self, _: &mut Checklist, _: &Options) -> Tally {
        match *self {}
    }
}

/// Never called: there is never a tally to attach.
pub(crate) fn attach(_: &mut Report, tally: Tally) {
    drop(tally);
}
