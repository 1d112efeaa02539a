//! Hash First Degree Quads (RDFC-1.0 §4.6): a blank node's hash from the quads that mention it,
//! with itself written `_:a` and every other blank node `_:z`.

use sha2::digest::Output;
use sha2::Digest;

use super::dataset::{Dataset, Node};
use super::sort;

/// Reused buffers, so hashing every blank node allocates nothing after the first.
#[derive(Default)]
pub(super) struct Scratch {
    text: String,
    ends: Vec<usize>,
}

/// The first-degree hash of `node`: the hash of its quads' lines, sorted, concatenated.
pub(super) fn hash_first_degree<D: Digest>(data: &Dataset<'_>, node: Node, scratch: &mut Scratch) -> Output<D> {
    let Scratch { text, ends } = scratch;
    text.clear();
    ends.clear();
    for &quad in data.quads_of(node) {
        data.write_quad(quad, text, |other, out| out.push_str(if other == node { "_:a" } else { "_:z" }));
        ends.push(text.len());
    }
    let mut lines: Vec<&str> =
        ends.iter().scan(0, |start, &end| Some(text.get(core::mem::replace(start, end)..end))).flatten().collect();
    sort::sort_lines(&mut lines);
    let mut hasher = D::new();
    for line in lines {
        hasher.update(line);
    }
    hasher.finalize()
}

/// Appends `bytes` (a digest: at most 64) as lower-case hex (the form RDFC-1.0 hashes and compares).
pub(super) fn push_hex(bytes: &[u8], out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut buffer = [0u8; 128];
    for (pair, byte) in buffer.chunks_exact_mut(2).zip(bytes) {
        let digit = |nibble: u8| HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
        pair.copy_from_slice(&[digit(byte >> 4), digit(byte & 0xf)]);
    }
    let used = buffer.get(..bytes.len().min(64) * 2).unwrap_or_default();
    out.push_str(core::str::from_utf8(used).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::nquads::parse;
    use sha2::Sha256;

    #[test]
    fn first_degree_hash_is_the_spec_example() {
        // RDFC-1.0 §4.6.3 (example): e0 and e1 of a two-quad dataset.
        let quads = parse("_:e0 <http://example.org/vocab#next> _:e1 .\n_:e1 <http://example.org/vocab#prev> _:e0 .\n")
            .unwrap();
        let data = Dataset::new(&quads, 10).unwrap();
        let mut scratch = Scratch::default();
        let hash = hash_first_degree::<Sha256>(&data, 0, &mut scratch);
        let expected = Sha256::digest(
            "_:a <http://example.org/vocab#next> _:z .\n_:z <http://example.org/vocab#prev> _:a .\n".as_bytes(),
        );
        assert_eq!(hash, expected);
        let mut hex = String::new();
        push_hex(&[0x00, 0x9f, 0xff], &mut hex);
        assert_eq!(hex, "009fff");
    }
}
