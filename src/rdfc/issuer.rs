//! Identifier issuers (RDFC-1.0 §4.5): the canonical one (`c14n0`, `c14n1`, …) and the temporary
//! ones (`b0`, `b1`, …) that Hash N-Degree Quads copies for every permutation it tries.

use core::fmt::Write;

use super::dataset::Node;

/// The canonical issuer: dense, one slot per blank node, plus the issue order.
pub(super) struct CanonicalIssuer {
    ids: Vec<Option<u32>>,
    /// The nodes in the order their identifiers were issued (`c14n0` first).
    pub(super) order: Vec<Node>,
}

impl CanonicalIssuer {
    /// An issuer for `nodes` blank nodes, none issued yet.
    pub(super) fn new(nodes: usize) -> Self {
        Self { ids: vec![None; nodes], order: Vec::with_capacity(nodes) }
    }

    /// The number in `c14nN` issued to `node`, if any.
    pub(super) fn id(&self, node: Node) -> Option<u32> {
        self.ids.get(node as usize).copied().flatten()
    }

    /// Issues the next identifier to `node`, unless it has one.
    pub(super) fn issue(&mut self, node: Node) {
        let next = u32::try_from(self.order.len()).unwrap_or(u32::MAX);
        if let Some(slot @ None) = self.ids.get_mut(node as usize) {
            *slot = Some(next);
            self.order.push(node);
        }
    }
}

/// A temporary issuer (`b` prefix). Small in practice, so a list searched linearly beats a map,
/// and cloning it per permutation is one short copy.
#[derive(Clone, Default)]
pub(super) struct Issuer {
    /// The nodes in issue order; a node's identifier is `b` + its position.
    pub(super) issued: Vec<Node>,
}

impl Issuer {
    /// The number in `bN` issued to `node`, if any.
    pub(super) fn id(&self, node: Node) -> Option<usize> {
        self.issued.iter().position(|&issued| issued == node)
    }

    /// The number in `bN` of `node`, issuing the next one if it has none.
    pub(super) fn issue(&mut self, node: Node) -> usize {
        self.id(node).unwrap_or_else(|| {
            self.issued.push(node);
            self.issued.len() - 1
        })
    }
}

/// Appends `prefix` and `number` (`_:b3`, `c14n12`).
pub(super) fn push_id(out: &mut String, prefix: &str, number: impl core::fmt::Display) {
    out.push_str(prefix);
    let _ = write!(out, "{number}"); // writing to a String cannot fail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers_issue_once_in_order() {
        let mut canonical = CanonicalIssuer::new(3);
        canonical.issue(2);
        canonical.issue(0);
        canonical.issue(2);
        canonical.issue(7); // out of range: ignored, never a panic
        assert_eq!((canonical.id(2), canonical.id(0), canonical.id(1)), (Some(0), Some(1), None));
        assert_eq!(canonical.order, [2, 0]);

        let mut temporary = Issuer::default();
        assert_eq!((temporary.issue(5), temporary.issue(1), temporary.issue(5)), (0, 1, 0));
        assert_eq!(temporary.id(1), Some(1));
        let mut id = String::new();
        push_id(&mut id, "_:b", 12);
        assert_eq!(id, "_:b12");
    }
}
