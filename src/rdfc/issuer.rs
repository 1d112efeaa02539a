//! The identifier issuer of RDFC-1.0 (§4.5) and the permutation order Hash N-Degree Quads walks.

use std::collections::HashMap;

/// Issues numbered identifiers (`c14n<N>` or `b<N>`), remembering the order (§4.5).
#[derive(Debug, Clone)]
pub(super) struct Issuer {
    issued: HashMap<usize, usize>,
    pub(super) order: Vec<usize>,
}

impl Issuer {
    pub(super) fn new() -> Self {
        Self { issued: HashMap::new(), order: Vec::new() }
    }

    pub(super) fn issue(&mut self, node: usize) -> usize {
        if let Some(number) = self.issued.get(&node) {
            return *number;
        }
        let number = self.order.len();
        self.issued.insert(node, number);
        self.order.push(node);
        number
    }

    pub(super) fn get(&self, node: usize) -> Option<usize> {
        self.issued.get(&node).copied()
    }
}

/// Advances `order` to the next lexicographic permutation; `false` after the last one.
pub(super) fn next_permutation(order: &mut [usize]) -> bool {
    let len = order.len();
    let Some(pivot) = (1..len).rev().find(|&i| order.get(i - 1) < order.get(i)).map(|i| i - 1) else {
        return false;
    };
    let Some(successor) = (pivot + 1..len).rev().find(|&j| order.get(j) > order.get(pivot)) else {
        return false;
    };
    order.swap(pivot, successor);
    if let Some(tail) = order.get_mut(pivot + 1..) {
        tail.reverse();
    }
    true
}
