//! Every permutation of a list, in the Steinhaus–Johnson–Trotter order the reference
//! implementation (digitalbazaar/rdf-canonize) uses, starting from the sorted list.
//!
//! RDFC-1.0 leaves the order open; it matters only when two permutations tie on the path and
//! differ in the issuer they leave behind, which changes the issued identifier *map* (never the
//! canonical N-Quads). Following the reference order makes the map tests agree.

/// Yields the permutations of a list of ranks; equal ranks share a direction, as in the reference.
pub(super) struct Permuter {
    current: Vec<u32>,
    /// `(rank, points left)` for each distinct rank.
    directions: Vec<(u32, bool)>,
    done: bool,
}

impl Permuter {
    /// Starts from `ranks` sorted ascending.
    pub(super) fn new(mut ranks: Vec<u32>) -> Self {
        super::sort::sort(&mut ranks, &|a, b| a.cmp(&b));
        let mut directions: Vec<(u32, bool)> = ranks.iter().map(|&rank| (rank, true)).collect();
        directions.dedup();
        Self { current: ranks, directions, done: false }
    }

    fn points_left(&self, rank: u32) -> bool {
        self.directions.iter().find(|(r, _)| *r == rank).is_none_or(|(_, left)| *left)
    }

    /// The next permutation, or `None` after the last.
    pub(super) fn next_permutation(&mut self) -> Option<Vec<u32>> {
        if self.done {
            return None;
        }
        let permutation = self.current.clone();
        // The largest mobile element: one greater than the neighbour it points at.
        let mut mobile: Option<(u32, usize)> = None;
        for (at, &rank) in self.current.iter().enumerate() {
            let neighbour =
                if self.points_left(rank) { at.checked_sub(1) } else { Some(at + 1) }.and_then(|i| self.current.get(i));
            let is_mobile = neighbour.is_some_and(|&other| rank > other);
            if is_mobile && mobile.is_none_or(|(largest, _)| rank > largest) {
                mobile = Some((rank, at));
            }
        }
        match mobile {
            None => self.done = true,
            Some((rank, at)) => {
                let to = if self.points_left(rank) { at.saturating_sub(1) } else { at + 1 };
                let last = self.current.len().saturating_sub(1);
                self.current.swap(at, to.min(last));
                for (other, left) in &mut self.directions {
                    if *other > rank {
                        *left = !*left;
                    }
                }
            }
        }
        Some(permutation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(ranks: Vec<u32>) -> Vec<Vec<u32>> {
        let mut permuter = Permuter::new(ranks);
        std::iter::from_fn(|| permuter.next_permutation()).collect()
    }

    #[test]
    fn yields_every_permutation_once_in_johnson_trotter_order() {
        assert_eq!(all(vec![2, 1, 0]), [[0, 1, 2], [0, 2, 1], [2, 0, 1], [2, 1, 0], [1, 2, 0], [1, 0, 2]]);
        let mut four = all(vec![3, 1, 0, 2]);
        assert_eq!(four.len(), 24);
        four.sort();
        four.dedup();
        assert_eq!(four.len(), 24);
        assert_eq!(all(vec![7]), [[7]]);
    }

    #[test]
    fn repeated_elements_yield_each_arrangement() {
        assert_eq!(all(vec![1, 0, 0]), [[0, 0, 1], [0, 1, 0], [1, 0, 0]]);
    }
}
