//! One small stable sort of `u32` indices for every ordering RDFC needs (quads, lines, hashes,
//! labels, ranks). Each call of the standard library's sorts with a new element type or closure
//! instantiates 2–15 KB of wasm; a single instantiation behind `&dyn Fn` costs a few hundred bytes.
//! The lists sorted here are short in practice, and O(n log n) on hostile input.

use core::cmp::Ordering;

/// Short runs are insertion-sorted before merging.
const RUN: usize = 8;

/// Sorts `items` stably by `compare`: insertion sort on runs of [`RUN`], then bottom-up merges.
pub(super) fn sort(items: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    for chunk in items.chunks_mut(RUN) {
        for i in 1..chunk.len() {
            let mut j = i;
            while j > 0 {
                let (Some(&a), Some(&b)) = (chunk.get(j - 1), chunk.get(j)) else { break };
                if compare(a, b) != Ordering::Greater {
                    break;
                }
                chunk.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    if items.len() <= RUN {
        return;
    }
    let mut buffer = vec![0u32; items.len()];
    let mut width = RUN;
    while width < items.len() {
        for (source, target) in items.chunks(2 * width).zip(buffer.chunks_mut(2 * width)) {
            let (left, right) = source.split_at(width.min(source.len()));
            merge(left, right, target, compare);
        }
        items.copy_from_slice(&buffer);
        width *= 2;
    }
}

/// Merges two sorted runs into `out`, taking from `left` on ties (stability).
fn merge(left: &[u32], right: &[u32], out: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    let (mut i, mut j) = (0, 0);
    for slot in out {
        let take_right = match (left.get(i), right.get(j)) {
            (Some(&a), Some(&b)) => compare(a, b) == Ordering::Greater,
            (None, _) => true,
            (Some(_), None) => false,
        };
        let next = if take_right {
            j += 1;
            right.get(j - 1)
        } else {
            i += 1;
            left.get(i - 1)
        };
        *slot = next.copied().unwrap_or(0);
    }
}

/// Sorts N-Quads lines in code point order (UTF-8 byte order is code point order). The one
/// place the standard sort is kept: both hot paths sort `&str`, so it is instantiated once.
pub(super) fn sort_lines(lines: &mut [&str]) {
    lines.sort_unstable();
}

/// `0..len` as `u32` indices (lengths beyond `u32::MAX` are refused when the dataset is indexed).
pub(super) fn indices(len: usize) -> Vec<u32> {
    (0..u32::try_from(len).unwrap_or(u32::MAX)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_at_every_length() {
        for len in [0usize, 1, 2, 7, 8, 9, 16, 17, 100, 1000] {
            // Keys with many ties; stability shows as indices ascending within a key.
            let keys: Vec<u32> = (0..len).map(|i| ((i * 7919) % 13) as u32).collect();
            let mut items = indices(len);
            sort(&mut items, &|a, b| keys[a as usize].cmp(&keys[b as usize]));
            let mut expected = indices(len);
            expected.sort_by_key(|&i| (keys[i as usize], i));
            assert_eq!(items, expected, "{len}");
        }
    }
}
