//! RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation 2024), with a work limit: a
//! crafted dataset ("poison graph") aborts with `canonicalization_limit` instead of running away.
//! See: <https://www.w3.org/TR/rdf-canon/>
//!
//! Blank nodes are interned to indices; hashes are lower-case hex strings, compared in code point
//! order as the spec requires.

use std::collections::{BTreeMap, HashMap};

use sha2::{Digest, Sha256, Sha384};

use crate::error::Error;
use crate::rdf::{Quad, Term};
use issuer::{next_permutation, Issuer};

mod issuer;

/// Caps on the work one canonicalization may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most distinct blank nodes accepted.
    pub max_blank_nodes: usize,
    /// Most steps of the Hash N-Degree Quads algorithm (calls plus permutations tried).
    pub max_work: usize,
    /// Deepest recursion of Hash N-Degree Quads: bounds the stack, which the work budget alone
    /// would not (a long chain of indistinguishable blank nodes recurses once per node).
    pub max_depth: usize,
}

impl Default for Limits {
    /// Real credentials need no N-degree work at all (their blank nodes hash uniquely); the W3C
    /// suite's computable poison graphs need under 2,000 steps, and its clique would need millions.
    fn default() -> Self {
        Self { max_blank_nodes: 10_000, max_work: 50_000, max_depth: 32 }
    }
}

/// The hash function RDFC-1.0 is run with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HashAlgorithm {
    /// SHA-256 (the default, and what the Data Integrity suites use).
    #[default]
    Sha256,
    /// SHA-384.
    Sha384,
}

/// A canonicalized dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// The input quads (duplicates removed) with blank nodes relabelled `c14n0`, `c14n1`, …
    pub quads: Vec<Quad>,
    /// Input blank node label → canonical label, in the order the labels were issued.
    pub issued: Vec<(String, String)>,
}

/// Canonicalizes `dataset` with SHA-256.
///
/// # Errors
/// `canonicalization_limit` when the dataset needs more work than `limits` allow.
pub fn canonicalize(dataset: &[Quad], limits: &Limits) -> Result<Canonical, Error> {
    canonicalize_with(dataset, limits, HashAlgorithm::Sha256)
}

/// The canonical N-Quads document: every quad's line, sorted in code point order, concatenated.
pub fn to_canonical_nquads(canonical: &Canonical) -> String {
    let mut lines: Vec<String> = canonical
        .quads
        .iter()
        .map(|quad| {
            let mut line = String::new();
            quad.write_nquad(&mut line);
            line
        })
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines.concat()
}

/// Canonicalizes `dataset` with the given hash algorithm (RDFC-1.0 §4.4).
///
/// # Errors
/// `canonicalization_limit`.
pub fn canonicalize_with(dataset: &[Quad], limits: &Limits, algorithm: HashAlgorithm) -> Result<Canonical, Error> {
    let mut quads: Vec<&Quad> = dataset.iter().collect();
    quads.sort_unstable();
    quads.dedup();
    let mut state = State::new(&quads, algorithm, limits)?;
    state.issue_unique_first_degree();
    state.issue_by_n_degree()?;
    Ok(state.finish())
}

struct State<'a> {
    quads: &'a [&'a Quad],
    labels: Vec<&'a str>,
    index: HashMap<&'a str, usize>,
    /// Per blank node: the indices of the quads it appears in.
    node_quads: Vec<Vec<usize>>,
    first_degree: Vec<String>,
    canonical: Issuer,
    algorithm: HashAlgorithm,
    work_left: usize,
    depth_left: usize,
}

impl<'a> State<'a> {
    fn new(quads: &'a [&'a Quad], algorithm: HashAlgorithm, limits: &Limits) -> Result<Self, Error> {
        let mut state = Self {
            quads,
            labels: Vec::new(),
            index: HashMap::new(),
            node_quads: Vec::new(),
            first_degree: Vec::new(),
            canonical: Issuer::new(),
            algorithm,
            work_left: limits.max_work,
            depth_left: limits.max_depth,
        };
        for (q, quad) in quads.iter().enumerate() {
            for (label, _) in quad.blank_nodes() {
                let next = state.labels.len();
                let node = *state.index.entry(label).or_insert(next);
                if node == next {
                    if next >= limits.max_blank_nodes {
                        return Err(Error::CanonicalizationLimit);
                    }
                    state.labels.push(label);
                    state.node_quads.push(Vec::new());
                }
                if let Some(list) = state.node_quads.get_mut(node) {
                    if list.last() != Some(&q) {
                        list.push(q);
                    }
                }
            }
        }
        state.first_degree = (0..state.labels.len()).map(|n| state.hash_first_degree(n)).collect();
        Ok(state)
    }

    fn hash(&self, data: &str) -> String {
        match self.algorithm {
            HashAlgorithm::Sha256 => hex(&Sha256::digest(data.as_bytes())),
            HashAlgorithm::Sha384 => hex(&Sha384::digest(data.as_bytes())),
        }
    }

    fn spend(&mut self) -> Result<(), Error> {
        self.work_left = self.work_left.checked_sub(1).ok_or(Error::CanonicalizationLimit)?;
        Ok(())
    }

    fn node_of(&self, label: &str) -> usize {
        self.index.get(label).copied().unwrap_or(usize::MAX)
    }

    /// Hash First Degree Quads (§4.6).
    fn hash_first_degree(&self, node: usize) -> String {
        let label = self.labels.get(node).copied().unwrap_or_default();
        let mut lines: Vec<String> = self
            .node_quads
            .get(node)
            .map(|list| list.iter().filter_map(|q| self.quads.get(*q)).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .map(|quad| {
                let mut line = String::new();
                quad.write_nquad_with(&mut line, &mut |other, out| {
                    out.push_str(if other == label { "_:a" } else { "_:z" })
                });
                line
            })
            .collect();
        lines.sort_unstable();
        self.hash(&lines.concat())
    }

    /// §4.4.3 step 4: blank nodes whose first-degree hash is unique get canonical labels at once.
    fn issue_unique_first_degree(&mut self) {
        let mut by_hash: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (node, hash) in self.first_degree.iter().enumerate() {
            by_hash.entry(hash.as_str()).or_default().push(node);
        }
        let unique: Vec<usize> =
            by_hash.values().filter(|nodes| nodes.len() == 1).filter_map(|nodes| nodes.first().copied()).collect();
        for node in unique {
            self.canonical.issue(node);
        }
    }

    /// §4.4.3 step 5: the remaining blank nodes, by Hash N-Degree Quads.
    fn issue_by_n_degree(&mut self) -> Result<(), Error> {
        let mut by_hash: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (node, hash) in self.first_degree.iter().enumerate() {
            by_hash.entry(hash.clone()).or_default().push(node);
        }
        for nodes in by_hash.into_values().filter(|nodes| nodes.len() > 1) {
            let mut results: Vec<(String, Issuer)> = Vec::new();
            for node in nodes {
                if self.canonical.get(node).is_some() {
                    continue;
                }
                let mut temporary = Issuer::new();
                temporary.issue(node);
                results.push(self.hash_n_degree(node, temporary)?);
            }
            results.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, issuer) in results {
                for node in issuer.order {
                    self.canonical.issue(node);
                }
            }
        }
        Ok(())
    }

    /// Hash Related Blank Node (§4.7).
    fn hash_related(&self, related: usize, quad: &Quad, issuer: &Issuer, position: char) -> String {
        let mut input = String::new();
        input.push(position);
        if position != 'g' {
            if let Term::Iri(predicate) = &quad.predicate {
                input.push('<');
                input.push_str(predicate);
                input.push('>');
            }
        }
        if let Some(number) = self.canonical.get(related) {
            input.push_str(&format!("_:c14n{number}"));
        } else if let Some(number) = issuer.get(related) {
            input.push_str(&format!("_:b{number}"));
        } else {
            input.push_str(self.first_degree.get(related).map_or("", String::as_str));
        }
        self.hash(&input)
    }

    /// Hash N-Degree Quads (§4.8).
    fn hash_n_degree(&mut self, node: usize, issuer: Issuer) -> Result<(String, Issuer), Error> {
        self.spend()?;
        self.depth_left = self.depth_left.checked_sub(1).ok_or(Error::CanonicalizationLimit)?;
        let result = self.hash_n_degree_inner(node, issuer);
        self.depth_left += 1;
        result
    }

    fn hash_n_degree_inner(&mut self, node: usize, mut issuer: Issuer) -> Result<(String, Issuer), Error> {
        let mut related_by_hash: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let quad_indices = self.node_quads.get(node).cloned().unwrap_or_default();
        for q in quad_indices {
            let Some(quad) = self.quads.get(q).copied() else { continue };
            for (label, position) in quad.blank_nodes() {
                let related = self.node_of(label);
                if related != node {
                    let hash = self.hash_related(related, quad, &issuer, position);
                    related_by_hash.entry(hash).or_default().push(related);
                }
            }
        }
        let mut data = String::new();
        for (hash, related) in related_by_hash {
            data.push_str(&hash);
            let mut chosen_path = String::new();
            let mut chosen_issuer: Option<Issuer> = None;
            let mut order: Vec<usize> = (0..related.len()).collect();
            loop {
                self.spend()?;
                if let Some((path, copy)) = self.try_permutation(&order, &related, &issuer, &chosen_path)? {
                    if chosen_path.is_empty() || path < chosen_path {
                        chosen_path = path;
                        chosen_issuer = Some(copy);
                    }
                }
                if !next_permutation(&mut order) {
                    break;
                }
            }
            data.push_str(&chosen_path);
            if let Some(chosen) = chosen_issuer {
                issuer = chosen;
            }
        }
        Ok((self.hash(&data), issuer))
    }

    /// One permutation of §4.8.3 step 5.4: its path and issuer, or `None` once it cannot beat
    /// `chosen_path`.
    fn try_permutation(
        &mut self,
        order: &[usize],
        related: &[usize],
        issuer: &Issuer,
        chosen_path: &str,
    ) -> Result<Option<(String, Issuer)>, Error> {
        let mut copy = issuer.clone();
        let mut path = String::new();
        let mut recursion = Vec::new();
        let worse = |path: &str| !chosen_path.is_empty() && path.len() >= chosen_path.len() && path > chosen_path;
        for &i in order {
            let Some(&node) = related.get(i) else { continue };
            if let Some(number) = self.canonical.get(node) {
                path.push_str(&format!("_:c14n{number}"));
            } else {
                if copy.get(node).is_none() {
                    recursion.push(node);
                }
                path.push_str(&format!("_:b{}", copy.issue(node)));
            }
            if worse(&path) {
                return Ok(None);
            }
        }
        for node in recursion {
            let (hash, result_issuer) = self.hash_n_degree(node, copy.clone())?;
            path.push_str(&format!("_:b{}", copy.issue(node)));
            path.push('<');
            path.push_str(&hash);
            path.push('>');
            copy = result_issuer;
            if worse(&path) {
                return Ok(None);
            }
        }
        Ok(Some((path, copy)))
    }

    fn finish(self) -> Canonical {
        let label_of = |label: &str| -> String {
            let node = self.node_of(label);
            format!("c14n{}", self.canonical.get(node).unwrap_or(usize::MAX))
        };
        let relabel = |term: &Term| match term {
            Term::BlankNode(label) => Term::BlankNode(label_of(label)),
            other => other.clone(),
        };
        let quads = self
            .quads
            .iter()
            .map(|q| Quad {
                subject: relabel(&q.subject),
                predicate: q.predicate.clone(),
                object: relabel(&q.object),
                graph: q.graph.as_ref().map(relabel),
            })
            .collect();
        let issued = self
            .canonical
            .order
            .iter()
            .filter_map(|node| self.labels.get(*node).map(|label| ((*label).to_owned(), label_of(label))))
            .collect();
        Canonical { quads, issued }
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS.get(usize::from(byte >> 4)).copied().unwrap_or(b'0')));
        out.push(char::from(DIGITS.get(usize::from(byte & 0xf)).copied().unwrap_or(b'0')));
    }
    out
}

#[cfg(test)]
mod tests;
