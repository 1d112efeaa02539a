//! RDF Dataset Canonicalization, RDFC-1.0 (<https://www.w3.org/TR/rdf-canon/>), with SHA-256
//! (and SHA-384 on request): blank nodes relabelled `c14n0`, `c14n1`, … so that isomorphic
//! datasets serialize to the same canonical N-Quads, which is what `*-rdfc-*` proofs sign.
//!
//! Stages, one file each: `dataset` (§4.4 step 2, the blank node to quads map, duplicates
//! removed), `first_degree` (§4.6), `n_degree` (§4.7–4.8, with `permuter`), `issuer` (§4.5);
//! `sort` keeps the wasm small. This module runs the algorithm (§4.4) and serializes the result
//! (§4.4 step 7, §5).
//!
//! Hostile datasets can make §4.8 factorial; [`Limits`] bounds the work and the recursion, and
//! running out is [`Error::CanonicalizationLimit`], never a hang, a panic or a stack overflow.

mod dataset;
mod first_degree;
mod issuer;
mod n_degree;
mod permuter;
mod sort;

use sha2::digest::Output;
use sha2::{Digest, Sha256, Sha384};

use crate::error::Error;
use crate::rdf::{Quad, Term};
use dataset::{Dataset, Node};
use first_degree::{hash_first_degree, Scratch};
use issuer::{push_id, CanonicalIssuer, Issuer};
use n_degree::{Budget, Context};

/// Caps on the work one dataset may cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most distinct blank nodes accepted (default 65,536; the first-degree pass is linear).
    pub max_blank_nodes: usize,
    /// Work units for Hash N-Degree Quads, shared by the whole run: one per call, one per related
    /// blank node hashed, and `1 + k + issued` per permutation of `k` nodes tried (default 100,000:
    /// about 15 ms natively before the poison test stops; credentials with distinct blank nodes use
    /// 0, the W3C eval tests at most 26,028, in the "poison – evil" tests 044–046).
    pub max_work: usize,
    /// Deepest recursion of Hash N-Degree Quads (default 64; credentials use 0, the W3C tests at
    /// most 6). Bounds the stack: an overflow in wasm is a trap, not an error.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_blank_nodes: 65_536, max_work: 100_000, max_depth: 64 }
    }
}

/// A canonicalized dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// The dataset with blank nodes relabelled, duplicates removed, in input order; see
    /// [`to_canonical_nquads`] for the canonical order.
    pub quads: Vec<Quad>,
    /// Input label → canonical label (`c14nN`), in issue order (the issued identifiers map).
    pub issued: Vec<(String, String)>,
}

/// RDFC-1.0 with SHA-256 (§4.4).
///
/// # Errors
/// `CanonicalizationLimit` when the dataset needs more than `limits` allow.
pub fn canonicalize(dataset: &[Quad], limits: &Limits) -> Result<Canonical, Error> {
    run::<Sha256>(dataset, limits)
}

/// RDFC-1.0 with SHA-384 as the hash algorithm (§4.4, "hash algorithm" parameter).
///
/// # Errors
/// `CanonicalizationLimit` when the dataset needs more than `limits` allow.
pub fn canonicalize_sha384(dataset: &[Quad], limits: &Limits) -> Result<Canonical, Error> {
    run::<Sha384>(dataset, limits)
}

/// The canonical N-Quads document: one line per quad, sorted in code point order, duplicates
/// dropped, concatenated. These are the bytes a proof hashes.
pub fn to_canonical_nquads(canonical: &Canonical) -> String {
    let mut text = String::with_capacity(canonical.quads.len() * 128);
    let mut ends = Vec::with_capacity(canonical.quads.len());
    for quad in &canonical.quads {
        quad.write_nquad(&mut text);
        ends.push(text.len());
    }
    sorted_lines(&text, &ends)
}

/// RDFC-1.0 with SHA-256, straight to the canonical N-Quads document: the same bytes as
/// [`to_canonical_nquads`] of [`canonicalize`], without building the relabelled quads (the lines
/// are written from the indexed dataset, blank nodes by their canonical identifiers).
///
/// # Errors
/// `CanonicalizationLimit` when the dataset needs more than `limits` allow.
pub fn canonical_nquads(dataset: &[Quad], limits: &Limits) -> Result<String, Error> {
    let data = Dataset::new(dataset, limits.max_blank_nodes)?;
    let canonical = issue_identifiers::<Sha256>(&data, limits)?;
    let mut text = String::with_capacity(data.quads.len() * 128);
    let mut ends = Vec::with_capacity(data.quads.len());
    for index in (0u32..).take(data.quads.len()) {
        data.write_quad(index, &mut text, |node, out| push_id(out, "_:c14n", canonical.id(node).unwrap_or(u32::MAX)));
        ends.push(text.len());
    }
    Ok(sorted_lines(&text, &ends))
}

/// The lines of `text` (each ending at one of `ends`) sorted in code point order, duplicates
/// dropped, concatenated.
fn sorted_lines(text: &str, ends: &[usize]) -> String {
    let mut lines: Vec<&str> =
        ends.iter().scan(0, |start, &end| Some(text.get(core::mem::replace(start, end)..end))).flatten().collect();
    sort::sort_lines(&mut lines);
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    for line in lines {
        if previous != Some(line) {
            out.push_str(line);
        }
        previous = Some(line);
    }
    out
}

/// §4.4, generic over the hash algorithm.
fn run<D: Digest>(dataset: &[Quad], limits: &Limits) -> Result<Canonical, Error> {
    let data = Dataset::new(dataset, limits.max_blank_nodes)?;
    let nodes = data.labels.len();
    let canonical = issue_identifiers::<D>(&data, limits)?;

    // Steps 6–7: relabel.
    let mut names = vec![String::new(); nodes];
    for (number, node) in canonical.order.iter().enumerate() {
        if let Some(name) = names.get_mut(*node as usize) {
            push_id(name, "c14n", number);
        }
    }
    let name = |term: &Term, node: Option<Node>| match node.and_then(|n| names.get(n as usize)) {
        Some(name) => Term::BlankNode(name.clone()),
        None => term.clone(),
    };
    let quads = data
        .quads
        .iter()
        .zip(&data.blanks)
        .map(|(quad, [s, p, o, g])| Quad {
            subject: name(&quad.subject, *s),
            predicate: name(&quad.predicate, *p),
            object: name(&quad.object, *o),
            graph: quad.graph.as_ref().map(|graph| name(graph, *g)),
        })
        .collect();
    let issued = canonical
        .order
        .iter()
        .filter_map(|&node| Some(((*data.labels.get(node as usize)?).to_owned(), names.get(node as usize)?.clone())))
        .collect();
    Ok(Canonical { quads, issued })
}

/// §4.4 steps 3–5: the canonical identifier of every blank node of `data`.
fn issue_identifiers<D: Digest>(data: &Dataset<'_>, limits: &Limits) -> Result<CanonicalIssuer, Error> {
    let nodes = data.labels.len();

    // Step 3: first-degree hashes. Step 4: nodes with a unique one are named in hash order.
    let mut scratch = Scratch::default();
    let first_degree: Vec<Output<D>> =
        (0..nodes).map(|node| hash_first_degree::<D>(data, node as Node, &mut scratch)).collect();
    let hash = |node: &Node| first_degree.get(*node as usize);
    let mut by_hash = sort::indices(nodes);
    sort::sort(&mut by_hash, &|a, b| hash(&a).cmp(&hash(&b))); // stable: first appearance breaks ties
    let mut canonical = CanonicalIssuer::new(nodes);
    let mut shared: Vec<&[Node]> = Vec::new();
    for group in by_hash.chunk_by(|a, b| hash(a) == hash(b)) {
        match group {
            [node] => canonical.issue(*node),
            _ => shared.push(group),
        }
    }

    // Step 5: each group of nodes sharing a hash, in hash order, by Hash N-Degree Quads.
    if !shared.is_empty() {
        let by_rank = by_label(data);
        let mut ranks = vec![0u32; nodes];
        for (rank, node) in (0u32..).zip(&by_rank) {
            if let Some(slot) = ranks.get_mut(*node as usize) {
                *slot = rank;
            }
        }
        let mut budget = Budget { work_left: limits.max_work, max_depth: limits.max_depth };
        for group in shared {
            let mut paths: Vec<(Output<D>, Issuer)> = Vec::new();
            let context = Context::<D> {
                data,
                first_degree: &first_degree,
                canonical: &canonical,
                ranks: &ranks,
                by_rank: &by_rank,
            };
            for &node in group {
                if canonical.id(node).is_some() {
                    continue;
                }
                let mut issuer = Issuer::default();
                issuer.issue(node);
                let hash = context.hash_n_degree(node, &mut issuer, &mut budget, 0)?;
                paths.push((hash, issuer));
            }
            let path = |i: u32| paths.get(i as usize);
            let mut order = sort::indices(paths.len());
            sort::sort(&mut order, &|a, b| path(a).map(|p| &p.0).cmp(&path(b).map(|p| &p.0))); // stable, as the reference
            for (_, issuer) in order.into_iter().filter_map(path) {
                for &node in &issuer.issued {
                    canonical.issue(node);
                }
            }
        }
    }

    Ok(canonical)
}

/// All nodes sorted by input label (code point order).
fn by_label(data: &Dataset<'_>) -> Vec<Node> {
    let mut nodes = sort::indices(data.labels.len());
    let label = |node: Node| data.labels.get(node as usize);
    sort::sort(&mut nodes, &|a, b| label(a).cmp(&label(b)));
    nodes
}

#[cfg(test)]
mod tests;
