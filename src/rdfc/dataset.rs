//! The input as RDFC-1.0 sees it (§4.4 step 2, the "blank node to quads map"): the quads once each
//! (a dataset is a set), every blank node as a dense index in order of first appearance, and for
//! each blank node the quads that mention it.

use super::sort;
use crate::error::Error;
use crate::rdf::{write_term, Quad, Term};

/// A blank node, as an index into [`Dataset::labels`].
pub(super) type Node = u32;

/// Where a blank node can sit in a quad, in the order RDFC-1.0 visits components.
/// (`p` is generalized RDF only: never produced by JSON-LD, handled like the others.)
pub(super) const POSITIONS: [u8; 4] = [b's', b'p', b'o', b'g'];

/// The deduplicated quads with their blank nodes indexed.
pub(super) struct Dataset<'a> {
    /// The quads, duplicates removed, in input order (first occurrence kept).
    pub(super) quads: Vec<&'a Quad>,
    /// For each quad, the blank node at subject, predicate, object and graph name.
    pub(super) blanks: Vec<[Option<Node>; 4]>,
    /// Each blank node's input label, in order of first appearance.
    pub(super) labels: Vec<&'a str>,
    /// `mentions[offsets[n]..offsets[n + 1]]`: the quads mentioning node `n`, each once, in order.
    offsets: Vec<usize>,
    mentions: Vec<u32>,
}

impl<'a> Dataset<'a> {
    /// Indexes `dataset`.
    ///
    /// # Errors
    /// `CanonicalizationLimit` beyond `max_blank_nodes` blank nodes (or `u32::MAX` quads).
    pub(super) fn new(dataset: &'a [Quad], max_blank_nodes: usize) -> Result<Self, Error> {
        let too_many = || Error::CanonicalizationLimit;
        u32::try_from(dataset.len().saturating_mul(4)).map_err(|_| too_many())?;
        let quads = deduplicate(dataset);
        // Every blank node occurrence as (quad * 4 + position, label), in input order.
        let mut occurrences: Vec<(u32, &'a str)> = Vec::new();
        for (index, quad) in (0u32..).zip(&quads) {
            for (position, term) in (0u32..).zip(components(quad)) {
                if let Some(Term::BlankNode(label)) = term {
                    occurrences.push((index * 4 + position, label.as_str()));
                }
            }
        }
        // Interning by sorting (no hash map, so no hashing code in wasm): the stable sort by label
        // puts each label's first occurrence first; nodes are numbered by first appearance.
        let label = |i: u32| occurrences.get(i as usize).map(|o| o.1);
        let mut order = sort::indices(occurrences.len());
        sort::sort(&mut order, &|a, b| label(a).cmp(&label(b)));
        let runs = || order.chunk_by(|&a, &b| label(a) == label(b));
        let mut firsts: Vec<u32> = runs().filter_map(|run| run.first().copied()).collect();
        if firsts.len() > max_blank_nodes {
            return Err(too_many());
        }
        sort::sort(&mut firsts, &|a, b| a.cmp(&b));
        let mut blanks = vec![[None; 4]; quads.len()];
        for run in runs() {
            let Some(node) = run.first().and_then(|first| firsts.binary_search(first).ok()) else { continue };
            for &occurrence in run {
                let Some(&(slot, _)) = occurrences.get(occurrence as usize) else { continue };
                let at = blanks
                    .get_mut(slot as usize / 4)
                    .and_then(|at: &mut [Option<Node>; 4]| at.get_mut(slot as usize % 4));
                if let Some(at) = at {
                    *at = Node::try_from(node).ok();
                }
            }
        }
        let labels: Vec<&'a str> = firsts.iter().filter_map(|&first| label(first)).collect();
        let (offsets, mentions) = mentions_of(&blanks, labels.len());
        Ok(Self { quads, blanks, labels, offsets, mentions })
    }

    /// The indices of the quads that mention `node`, in input order.
    pub(super) fn quads_of(&self, node: Node) -> &[u32] {
        let at = node as usize;
        match (self.offsets.get(at), self.offsets.get(at + 1)) {
            (Some(&start), Some(&end)) => self.mentions.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Appends quad `index` as an N-Quads line, writing blank nodes with `label(node, out)`.
    pub(super) fn write_quad(&self, index: u32, out: &mut String, mut label: impl FnMut(Node, &mut String)) {
        let (Some(quad), Some(blanks)) = (self.quads.get(index as usize), self.blanks.get(index as usize)) else {
            return;
        };
        for (i, (term, blank)) in components(quad).into_iter().zip(blanks).enumerate() {
            let Some(term) = term else { continue };
            if i > 0 {
                out.push(' ');
            }
            match blank {
                Some(node) => label(*node, out),
                None => write_term(term, out),
            }
        }
        out.push_str(" .\n");
    }
}

/// Subject, predicate, object, graph name.
pub(super) fn components(quad: &Quad) -> [Option<&Term>; 4] {
    [Some(&quad.subject), Some(&quad.predicate), Some(&quad.object), quad.graph.as_ref()]
}

/// The quads once each, in input order (first occurrence kept).
///
/// Quads are first sorted by a cheap fingerprint (lengths and tails of their terms); only runs
/// with equal fingerprints, which hold every set of copies, are sorted by the quads themselves.
/// Hostile fingerprint collisions only make a run longer: still O(n log n) comparisons.
fn deduplicate(dataset: &[Quad]) -> Vec<&Quad> {
    let fingerprints: Vec<u64> = dataset.iter().map(fingerprint).collect();
    let fingerprint = |i: u32| fingerprints.get(i as usize);
    let mut order = sort::indices(dataset.len());
    sort::sort(&mut order, &|a, b| fingerprint(a).cmp(&fingerprint(b)));
    let quad = |i: u32| dataset.get(i as usize);
    // Objects differ most often, so compare them first: any total order puts copies side by side.
    let key = |i: u32| quad(i).map(|q| (&q.object, &q.predicate, &q.subject, &q.graph));
    let mut keep = vec![true; dataset.len()];
    for run in order.chunk_by_mut(|&a, &b| fingerprint(a) == fingerprint(b)).filter(|run| run.len() > 1) {
        sort::sort(run, &|a, b| key(a).cmp(&key(b))); // stable: the first occurrence stays first
        for pair in run.windows(2) {
            if let [first, second] = *pair {
                if quad(first) == quad(second) {
                    if let Some(slot) = keep.get_mut(second as usize) {
                        *slot = false;
                    }
                }
            }
        }
    }
    dataset.iter().zip(keep).filter_map(|(quad, keep)| keep.then_some(quad)).collect()
}

/// Equal quads have equal fingerprints. Mixes each term's kind, length and last 8 bytes.
fn fingerprint(quad: &Quad) -> u64 {
    fn mix(hash: u64, text: &str) -> u64 {
        let bytes = text.as_bytes();
        let tail = bytes.get(bytes.len().saturating_sub(8)..).unwrap_or_default();
        let last = tail.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        (hash ^ last ^ (bytes.len() as u64).rotate_left(48)).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(27)
    }
    components(quad).iter().fold(0, |hash, term| match term {
        None => mix(hash, ""),
        Some(Term::Iri(iri)) => mix(hash ^ 1, iri),
        Some(Term::BlankNode(label)) => mix(hash ^ 2, label),
        Some(Term::Literal(literal)) => {
            let hash = mix(mix(hash ^ 3, &literal.value), &literal.datatype);
            mix(hash, literal.language.as_deref().unwrap_or("\u{0}"))
        }
    })
}

/// The node → quads map in compressed form: one allocation for all lists.
fn mentions_of(blanks: &[[Option<Node>; 4]], nodes: usize) -> (Vec<usize>, Vec<u32>) {
    let mut offsets = vec![0usize; nodes + 1];
    for at in blanks {
        for node in distinct(at) {
            if let Some(count) = offsets.get_mut(node as usize + 1) {
                *count += 1;
            }
        }
    }
    for i in 1..offsets.len() {
        let previous = offsets.get(i - 1).copied().unwrap_or(0);
        if let Some(count) = offsets.get_mut(i) {
            *count += previous;
        }
    }
    let mut next = offsets.clone();
    let mut mentions = vec![0u32; offsets.last().copied().unwrap_or(0)];
    for (quad, at) in (0u32..).zip(blanks) {
        for node in distinct(at) {
            if let Some(cursor) = next.get_mut(node as usize) {
                if let Some(slot) = mentions.get_mut(*cursor) {
                    *slot = quad;
                }
                *cursor += 1;
            }
        }
    }
    (offsets, mentions)
}

/// The nodes of one quad, each once even when it fills two positions (`_:a <p> _:a`).
fn distinct(at: &[Option<Node>; 4]) -> impl Iterator<Item = Node> + '_ {
    at.iter().enumerate().filter_map(move |(i, node)| {
        let node = (*node)?;
        (!at.iter().take(i).any(|earlier| *earlier == Some(node))).then_some(node)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::nquads::parse;

    #[test]
    fn indexes_nodes_in_order_of_first_appearance_and_drops_duplicates() {
        let quads = parse(
            "_:x <http://ex/p> _:y .\n_:y <http://ex/p> _:y _:g .\n_:x <http://ex/p> _:y .\n<http://ex/s> <http://ex/p> \"v\" .\n",
        )
        .unwrap();
        let data = Dataset::new(&quads, 10).unwrap();
        assert_eq!(data.quads.len(), 3);
        assert_eq!(data.labels, ["x", "y", "g"]);
        assert_eq!(data.quads_of(0), [0]);
        assert_eq!(data.quads_of(1), [0, 1]);
        assert_eq!(data.quads_of(2), [1]);
        assert_eq!(data.quads_of(3), [] as [u32; 0]);
        let mut line = String::new();
        data.write_quad(1, &mut line, |node, out| out.push_str(if node == 1 { "_:a" } else { "_:z" }));
        assert_eq!(line, "_:a <http://ex/p> _:a _:z .\n");
    }

    #[test]
    fn deduplicates_within_fingerprint_collisions() {
        // Same lengths and tails, different middles: one fingerprint, three distinct quads.
        let text = "<http://ex/aXXXXXXXXX> <http://ex/p> \"v\" .\n<http://ex/bXXXXXXXXX> <http://ex/p> \"v\" .\n\
                    <http://ex/aXXXXXXXXX> <http://ex/p> \"v\" .\n<http://ex/cXXXXXXXXX> <http://ex/p> \"v\" .\n\
                    <http://ex/bXXXXXXXXX> <http://ex/p> \"v\" .\n";
        let quads = parse(text).unwrap();
        assert_eq!(fingerprint(&quads[0]), fingerprint(&quads[1]));
        let kept = deduplicate(&quads);
        assert_eq!(kept, [&quads[0], &quads[1], &quads[3]]);
    }

    #[test]
    fn refuses_more_blank_nodes_than_the_limit() {
        let quads = parse("_:a <http://ex/p> _:b .\n").unwrap();
        assert!(Dataset::new(&quads, 2).is_ok());
        assert_eq!(Dataset::new(&quads, 1).err().map(|e| e.code()), Some("canonicalization_limit"));
    }
}
