//! Hash Related Blank Node (RDFC-1.0 §4.7) and Hash N-Degree Quads (§4.8): how blank nodes that
//! share a first-degree hash are told apart, by trying every order of their neighbours.
//!
//! This is the part with factorial worst cases (the spec's "poison" graphs), so every call,
//! related-node hash and permutation is paid for from a [`Budget`], and recursion is capped so a
//! long chain cannot exhaust the stack (a stack overflow in wasm is a trap, not an error).

use sha2::digest::Output;
use sha2::Digest;

use super::dataset::{Dataset, Node, POSITIONS};
use super::first_degree::push_hex;
use super::issuer::{push_id, CanonicalIssuer, Issuer};
use super::permuter::Permuter;
use super::sort;
use crate::error::Error;
use crate::rdf::{write_iri, Term};

/// The work left, and the recursion allowed.
pub(super) struct Budget {
    pub(super) work_left: usize,
    pub(super) max_depth: usize,
}

impl Budget {
    fn spend(&mut self, units: usize) -> Result<(), Error> {
        self.work_left = self.work_left.checked_sub(units).ok_or(Error::CanonicalizationLimit)?;
        Ok(())
    }
}

/// What Hash N-Degree Quads reads: the dataset, first-degree hashes, canonical identifiers so
/// far, and each node's rank in code point order of input labels (the permutation order).
pub(super) struct Context<'a, D: Digest> {
    pub(super) data: &'a Dataset<'a>,
    pub(super) first_degree: &'a [Output<D>],
    pub(super) canonical: &'a CanonicalIssuer,
    /// `ranks[node]`, and `by_rank[rank]` back to the node.
    pub(super) ranks: &'a [u32],
    pub(super) by_rank: &'a [Node],
}

impl<D: Digest> Context<'_, D> {
    /// §4.8: the hash of `node`'s neighbourhood; `issuer` becomes the chosen issuer.
    pub(super) fn hash_n_degree(
        &self,
        node: Node,
        issuer: &mut Issuer,
        budget: &mut Budget,
        depth: usize,
    ) -> Result<Output<D>, Error> {
        if depth > budget.max_depth {
            return Err(Error::CanonicalizationLimit);
        }
        budget.spend(1)?;
        // Steps 1–3: the related blank nodes, grouped by their related hash (stable: quad order).
        let mut related: Vec<(Output<D>, Node)> = Vec::new();
        for &index in self.data.quads_of(node) {
            let (Some(quad), Some(blanks)) =
                (self.data.quads.get(index as usize), self.data.blanks.get(index as usize))
            else {
                continue;
            };
            for (position, blank) in POSITIONS.iter().zip(blanks) {
                if let Some(other) = blank.filter(|&other| other != node) {
                    budget.spend(1)?;
                    let predicate = (*position != b'g').then_some(&quad.predicate);
                    related.push((self.hash_related(other, predicate, issuer, *position), other));
                }
            }
        }
        let mut order = sort::indices(related.len());
        let hash_of = |i: u32| related.get(i as usize).map(|r| &r.0);
        sort::sort(&mut order, &|a, b| hash_of(a).cmp(&hash_of(b))); // stable: quad order breaks ties

        // Steps 4–5: for each group in hash order, the least path over all orders of its nodes.
        let mut data_to_hash = D::new();
        let mut hex = String::new();
        for group in order.chunk_by(|&a, &b| hash_of(a) == hash_of(b)) {
            let members = group.iter().filter_map(|&i| related.get(i as usize));
            let Some((hash, _)) = members.clone().next() else { continue };
            hex.clear();
            push_hex(hash, &mut hex);
            data_to_hash.update(&hex);
            let ranks = members.map(|(_, other)| self.ranks.get(*other as usize).copied().unwrap_or(0)).collect();
            let mut permuter = Permuter::new(ranks);
            let mut chosen: Option<(String, Issuer)> = None;
            while let Some(permutation) = permuter.next_permutation() {
                budget.spend(1 + permutation.len() + issuer.issued.len())?;
                let nodes = permutation.iter().filter_map(|&rank| self.by_rank.get(rank as usize).copied());
                if let Some(candidate) = self.try_permutation(nodes, issuer, chosen.as_ref(), budget, depth)? {
                    chosen = Some(candidate);
                }
            }
            if let Some((path, chosen_issuer)) = chosen {
                data_to_hash.update(&path);
                *issuer = chosen_issuer;
            }
        }
        Ok(data_to_hash.finalize())
    }

    /// Steps 5.4.1–5.4.5 for one permutation: its path and issuer, or `None` once it cannot
    /// beat `chosen` (a longer or greater path never wins, so it is abandoned early).
    fn try_permutation(
        &self,
        nodes: impl Iterator<Item = Node>,
        issuer: &Issuer,
        chosen: Option<&(String, Issuer)>,
        budget: &mut Budget,
        depth: usize,
    ) -> Result<Option<(String, Issuer)>, Error> {
        let loses =
            |path: &String| chosen.is_some_and(|(best, _)| path.len() >= best.len() && path.as_str() > best.as_str());
        let mut issuer_copy = issuer.clone();
        let mut path = String::new();
        let mut recursion = Vec::new();
        for related in nodes {
            if let Some(id) = self.canonical.id(related) {
                push_id(&mut path, "_:c14n", id);
            } else {
                if issuer_copy.id(related).is_none() {
                    recursion.push(related);
                }
                push_id(&mut path, "_:b", issuer_copy.issue(related));
            }
            if loses(&path) {
                return Ok(None);
            }
        }
        for related in recursion {
            let hash = self.hash_n_degree(related, &mut issuer_copy, budget, depth + 1)?;
            push_id(&mut path, "_:b", issuer_copy.issue(related));
            path.push('<');
            push_hex(&hash, &mut path);
            path.push('>');
            if loses(&path) {
                return Ok(None);
            }
        }
        Ok(match chosen {
            Some((best, _)) if path.as_str() >= best.as_str() => None,
            _ => Some((path, issuer_copy)),
        })
    }

    /// §4.7: position, `<predicate>` (except for the graph name), then the related node's
    /// canonical identifier, else its temporary one (both with `_:`, as the reference
    /// implementation and the test suite have it), else its first-degree hash in hex.
    fn hash_related(&self, related: Node, predicate: Option<&Term>, issuer: &Issuer, position: u8) -> Output<D> {
        let mut input = String::new();
        input.push(char::from(position));
        match predicate {
            Some(Term::Iri(iri)) => write_iri(iri, &mut input),
            Some(_) => input.push_str("_:z"), // generalized RDF: a label must not leak into a hash
            None => {}
        }
        if let Some(id) = self.canonical.id(related) {
            push_id(&mut input, "_:c14n", id);
        } else if let Some(id) = issuer.id(related) {
            push_id(&mut input, "_:b", id);
        } else if let Some(hash) = self.first_degree.get(related as usize) {
            push_hex(hash, &mut input);
        }
        D::digest(input.as_bytes())
    }
}
