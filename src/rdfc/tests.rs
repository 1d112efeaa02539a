//! Unit tests of the parent module.
use super::*;
use crate::rdf::nquads;

fn canonical(text: &str) -> String {
    to_canonical_nquads(&canonicalize(&nquads::parse(text).unwrap(), &Limits::default()).unwrap())
}

#[test]
fn permutations_are_all_visited_in_order() {
    let mut order = vec![0, 1, 2];
    let mut seen = vec![order.clone()];
    while next_permutation(&mut order) {
        seen.push(order.clone());
    }
    assert_eq!(seen.len(), 6);
    assert_eq!(seen.last(), Some(&vec![2, 1, 0]));
    assert!(!next_permutation(&mut []));
}

#[test]
fn relabelling_blank_nodes_does_not_change_the_result() {
    let a = "_:x <urn:p> _:y .\n_:y <urn:p> _:x .\n_:x <urn:q> \"1\" .\n";
    let b = "_:m <urn:p> _:n .\n_:n <urn:p> _:m .\n_:n <urn:q> \"1\" .\n";
    assert_eq!(canonical(a), canonical(b));
    assert!(canonical(a).contains("_:c14n0"));
}

#[test]
fn duplicates_collapse() {
    assert_eq!(canonical("<urn:s> <urn:p> _:b .\n<urn:s> <urn:p> _:b .\n"), "<urn:s> <urn:p> _:c14n0 .\n");
}

#[test]
fn a_clique_hits_the_limit() {
    let mut text = String::new();
    for i in 0..8 {
        for j in 0..8 {
            if i != j {
                text.push_str(&format!("_:n{i} <urn:p> _:n{j} .\n"));
            }
        }
    }
    let limits = Limits { max_work: 1000, ..Limits::default() };
    let result = canonicalize(&nquads::parse(&text).unwrap(), &limits);
    assert_eq!(result.unwrap_err().code(), "canonicalization_limit");
}
