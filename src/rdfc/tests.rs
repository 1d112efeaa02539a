//! Unit tests of the whole algorithm; the W3C suite runs in `tests/rdf_canon.rs`.

use super::*;
use crate::rdf::nquads::parse;

fn canonical_text(text: &str, limits: &Limits) -> Result<String, Error> {
    let quads = parse(text).unwrap();
    canonicalize(&quads, limits).map(|canonical| to_canonical_nquads(&canonical))
}

fn canon(text: &str) -> String {
    canonical_text(text, &Limits::default()).unwrap()
}

/// A cycle of `n` blank nodes: every node has the same first-degree hash.
fn cycle(n: usize, offset: usize) -> String {
    (0..n).map(|i| format!("_:n{} <http://ex/next> _:n{} .\n", (i + offset) % n, (i + offset + 1) % n)).collect()
}

#[test]
fn empty_and_ground_datasets() {
    assert_eq!(canon(""), "");
    let ground = "<http://ex/b> <http://ex/p> \"2\" .\n<http://ex/a> <http://ex/p> \"1\" .\n";
    assert_eq!(canon(ground), "<http://ex/a> <http://ex/p> \"1\" .\n<http://ex/b> <http://ex/p> \"2\" .\n");
}

#[test]
fn unique_first_degree_hashes_are_issued_in_hash_order() {
    let quads = parse("_:x <http://ex/p> \"1\" .\n_:y <http://ex/p> \"2\" .\n").unwrap();
    let canonical = canonicalize(&quads, &Limits::default()).unwrap();
    // Two nodes, distinct hashes: each label gets one c14n id, in issue order.
    assert_eq!(canonical.issued.len(), 2);
    assert_eq!(canonical.issued[0].1, "c14n0");
    assert_eq!(canonical.issued[1].1, "c14n1");
    let text = to_canonical_nquads(&canonical);
    assert!(text.lines().all(|line| line.starts_with("_:c14n")), "{text}");
}

#[test]
fn duplicates_are_one_quad() {
    let once = canon("_:o <http://ex/p> _:q .\n");
    assert_eq!(canon("_:o <http://ex/p> _:q .\n_:o <http://ex/p> _:q .\n"), once);
}

#[test]
fn automorphic_cycle_is_canonical_whatever_the_labels_and_order() {
    let expected = canon(&cycle(4, 0));
    assert_eq!(
        expected,
        "_:c14n0 <http://ex/next> _:c14n3 .\n_:c14n1 <http://ex/next> _:c14n0 .\n\
         _:c14n2 <http://ex/next> _:c14n1 .\n_:c14n3 <http://ex/next> _:c14n2 .\n"
    );
    assert_eq!(canon(&cycle(4, 2)), expected);
    let renamed = cycle(4, 1).replace("_:n", "_:other");
    let reversed: String = renamed.lines().rev().map(|line| format!("{line}\n")).collect();
    assert_eq!(canon(&reversed), expected);
}

#[test]
fn two_identical_leaves_and_shared_graph_names() {
    let text = "<http://ex/s> <http://ex/p> _:a .\n<http://ex/s> <http://ex/p> _:b .\n\
                _:a <http://ex/q> \"v\" _:a .\n_:b <http://ex/q> \"v\" _:b .\n";
    let expected = canon(text);
    assert_eq!(canon(&text.replace("_:a", "_:t").replace("_:b", "_:a").replace("_:t", "_:b")), expected);
    assert!(expected.contains("_:c14n0 <http://ex/q> \"v\" _:c14n0 .\n"), "{expected}");
}

#[test]
fn a_clique_runs_out_of_work_quickly() {
    let n = 8;
    let mut text = String::new();
    for i in 0..n {
        for j in 0..n {
            if i != j {
                text.push_str(&format!("_:e{i} <http://ex/p> _:e{j} .\n"));
            }
        }
    }
    let error = canonical_text(&text, &Limits::default()).unwrap_err();
    assert_eq!(error.code(), "canonicalization_limit");
    let small = Limits { max_work: 10, ..Limits::default() };
    assert_eq!(canonical_text(&cycle(5, 0), &small).unwrap_err(), Error::CanonicalizationLimit);
}

#[test]
fn long_chains_hit_the_depth_cap_not_the_stack() {
    let shallow = Limits { max_depth: 3, ..Limits::default() };
    let error = canonical_text(&cycle(10, 0), &shallow).unwrap_err();
    assert_eq!(error, Error::CanonicalizationLimit);
    // A long cycle at the defaults: stopped by depth or work, on a small test-thread stack.
    let error = canonical_text(&cycle(2_000, 0), &Limits::default()).unwrap_err();
    assert_eq!(error.code(), "canonicalization_limit");
}

#[test]
fn too_many_blank_nodes() {
    let limits = Limits { max_blank_nodes: 3, ..Limits::default() };
    assert_eq!(canonical_text(&cycle(4, 0), &limits).unwrap_err(), Error::CanonicalizationLimit);
}

#[test]
fn sha384_differs_only_where_hashes_decide() {
    let quads = parse(&cycle(3, 0)).unwrap();
    let with_384 = canonicalize_sha384(&quads, &Limits::default()).unwrap();
    assert_eq!(with_384.issued.len(), 3);
}

#[test]
fn canonical_nquads_are_sorted_by_code_point_and_set_like() {
    let iri = |s: &str| Term::Iri(s.into());
    let quad = |s: &str, o: Term| Quad { subject: iri(s), predicate: iri("http://ex/p"), object: o, graph: None };
    let canonical = Canonical {
        quads: vec![
            quad("http://ex/é", iri("http://ex/o")),
            quad("http://ex/z", iri("http://ex/o")),
            quad("http://ex/z", iri("http://ex/o")),
        ],
        issued: Vec::new(),
    };
    // U+00E9 sorts after 'z' in code point order (and in UTF-8 byte order).
    assert_eq!(
        to_canonical_nquads(&canonical),
        "<http://ex/z> <http://ex/p> <http://ex/o> .\n<http://ex/é> <http://ex/p> <http://ex/o> .\n"
    );
}

#[test]
fn generalized_and_odd_terms_do_not_panic_and_do_not_leak_labels() {
    let blank = |s: &str| Term::BlankNode(s.into());
    let literal = Term::Literal(crate::rdf::Literal {
        value: "v".into(),
        datatype: crate::rdf::XSD_STRING.into(),
        language: None,
    });
    let dataset = |p: &str, q: &str| {
        vec![
            Quad { subject: blank(p), predicate: blank(q), object: blank(p), graph: Some(literal.clone()) },
            Quad { subject: blank(q), predicate: blank(p), object: literal.clone(), graph: Some(blank(q)) },
        ]
    };
    let a = canonicalize(&dataset("x", "y"), &Limits::default()).unwrap();
    let b = canonicalize(&dataset("long label", "é"), &Limits::default()).unwrap();
    assert_eq!(to_canonical_nquads(&a), to_canonical_nquads(&b));
}
