//! Properties of RDFC-1.0 over generated datasets: it never panics, renaming blank nodes and
//! reordering quads never changes the canonical N-Quads (the property RDFC exists for), and the
//! canonical form is a fixed point. Small vocabularies make symmetric graphs (shared first-degree
//! hashes) common, so Hash N-Degree Quads is exercised, not just the easy path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // test code
#![cfg(not(target_arch = "wasm32"))]

use badge_verifier::rdf::{nquads, Literal, Quad, Term, XSD_STRING};
use badge_verifier::rdfc::{canonical_nquads, canonicalize, to_canonical_nquads, Limits};
use proptest::prelude::*;

/// A term drawn from a tiny vocabulary: blank nodes `0..6`, two IRIs, two literals.
#[derive(Debug, Clone, Copy)]
enum Pick {
    Blank(u8),
    Iri(u8),
    Literal(u8),
}

fn term(pick: Pick, label: &impl Fn(u8) -> String) -> Term {
    match pick {
        Pick::Blank(n) => Term::BlankNode(label(n)),
        Pick::Iri(n) => Term::Iri(format!("http://ex/{n}")),
        Pick::Literal(n) => {
            Term::Literal(Literal { value: format!("v\"{n}\n"), datatype: XSD_STRING.into(), language: None })
        }
    }
}

type Shape = (Pick, u8, Pick, Option<Pick>);

fn dataset(shapes: &[Shape], label: impl Fn(u8) -> String) -> Vec<Quad> {
    shapes
        .iter()
        .map(|&(subject, predicate, object, graph)| Quad {
            subject: term(subject, &label),
            predicate: Term::Iri(format!("http://ex/p{predicate}")),
            object: term(object, &label),
            graph: graph.map(|graph| term(graph, &label)),
        })
        .collect()
}

fn node() -> impl Strategy<Value = Pick> {
    prop_oneof![3 => (0u8..6).prop_map(Pick::Blank), 1 => (0u8..2).prop_map(Pick::Iri)]
}

fn object() -> impl Strategy<Value = Pick> {
    prop_oneof![3 => (0u8..6).prop_map(Pick::Blank), 1 => (0u8..2).prop_map(Pick::Iri), 1 => (0u8..2).prop_map(Pick::Literal)]
}

fn shapes() -> impl Strategy<Value = Vec<Shape>> {
    proptest::collection::vec((node(), 0u8..2, object(), proptest::option::weighted(0.2, node())), 0..14)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn relabelling_and_reordering_never_change_the_canonical_form(
        shapes in shapes(),
        renaming in Just((0u8..6).collect::<Vec<_>>()).prop_shuffle(),
        order in any::<u64>(),
    ) {
        let original = dataset(&shapes, |n| format!("b{n}"));
        let mut renamed = dataset(&shapes, |n| format!("node{}", renaming[usize::from(n)]));
        // Rotate and reverse: a different quad order, duplicates kept.
        let len = renamed.len().max(1);
        renamed.rotate_left(usize::try_from(order).unwrap_or(0) % len);
        if order % 2 == 1 {
            renamed.reverse();
        }
        let limits = Limits::default();
        if let (Ok(a), Ok(b)) = (canonicalize(&original, &limits), canonicalize(&renamed, &limits)) {
            let text = to_canonical_nquads(&a);
            prop_assert_eq!(&text, &to_canonical_nquads(&b));
            // The verify path's direct writer gives the same bytes.
            prop_assert_eq!(&canonical_nquads(&renamed, &limits).unwrap(), &text);
            // A fixed point: the canonical form canonicalizes to itself.
            let again = canonicalize(&nquads::parse(&text).unwrap(), &limits).unwrap();
            prop_assert_eq!(to_canonical_nquads(&again), text);
            // Every blank node got exactly one canonical label, c14n0.. in order.
            for (i, (_, id)) in a.issued.iter().enumerate() {
                prop_assert_eq!(id, &format!("c14n{i}"));
            }
        }
    }

    #[test]
    fn never_panics_with_tight_limits(shapes in shapes(), work in 0usize..200, depth in 0usize..4) {
        let limits = Limits { max_blank_nodes: 4, max_work: work, max_depth: depth };
        match canonicalize(&dataset(&shapes, |n| format!("b{n}")), &limits) {
            Ok(_) => {}
            Err(error) => prop_assert_eq!(error.code(), "canonicalization_limit"),
        }
    }

    #[test]
    fn the_nquads_parser_never_panics(text in "(<[a-z:/]{0,6}>|_:[a-z0-9.]{0,3}|\"[a-z\\\\\"u0-9]{0,6}\"|@[a-z-]{0,4}|\\^\\^| |\\.|\n|#){0,24}") {
        if let Ok(quads) = nquads::parse(&text) {
            let _ = canonicalize(&quads, &Limits::default());
        }
    }
}
