//! Blank-node labels in ecdsa-sd-2023: the issuer replaced each canonical label `c14nN` by
//! `u` + base64url(HMAC-SHA-256(key, `c14nN`)), so that labels say nothing about the statements
//! left out. The verifier gets the part of that map the disclosed statements use (compressed:
//! `N` → the HMAC bytes), canonicalizes the revealed document, and relabels it with the map
//! (§3.4.3 labelReplacementCanonicalizeNQuads, §3.5.8 decompressLabelMap).
//! See: <https://www.w3.org/TR/vc-di-ecdsa/#decompresslabelmap>

use std::collections::BTreeMap;

use crate::base64;
use crate::error::Error;
use crate::rdf::{Quad, Term};
use crate::rdfc::{self, Limits};

/// decompressLabelMap (§3.5.8): `c14nN` → `u` + base64url-no-pad(bytes).
///
/// # Errors
/// `invalid_proof_value` when one canonical label appears twice.
pub fn decompress(compressed: &[(u64, Vec<u8>)]) -> Result<BTreeMap<String, String>, Error> {
    let mut map = BTreeMap::new();
    for (index, bytes) in compressed {
        let label = format!("u{}", base64::encode_url_no_pad(bytes));
        if map.insert(format!("c14n{index}"), label).is_some() {
            return Err(Error::InvalidProofValue);
        }
    }
    Ok(map)
}

/// labelReplacementCanonicalizeNQuads (§3.4.3) for a verifier: RDFC-1.0 (SHA-256) of `quads`,
/// each canonical blank-node label replaced by the map's, as N-Quads lines sorted in code point
/// order without duplicates.
///
/// # Errors
/// `canonicalization_limit`; `invalid_proof_value` when a blank node has no label in the map.
pub fn relabelled_canonical_nquads(quads: &[Quad], labels: &BTreeMap<String, String>) -> Result<Vec<String>, Error> {
    let canonical = rdfc::canonicalize(quads, &Limits::default())?;
    let relabel = |term: &Term| -> Result<Term, Error> {
        match term {
            Term::BlankNode(label) => {
                labels.get(label).map(|new| Term::BlankNode(new.clone())).ok_or(Error::InvalidProofValue)
            }
            other => Ok(other.clone()),
        }
    };
    let mut lines = canonical
        .quads
        .iter()
        .map(|quad| {
            let relabelled = Quad {
                subject: relabel(&quad.subject)?,
                predicate: quad.predicate.clone(),
                object: relabel(&quad.object)?,
                graph: quad.graph.as_ref().map(relabel).transpose()?,
            };
            let mut line = String::new();
            relabelled.write_nquad(&mut line);
            Ok(line)
        })
        .collect::<Result<Vec<String>, Error>>()?;
    lines.sort_unstable();
    lines.dedup();
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_u_and_base64url() {
        let map = decompress(&[(0, vec![0xfb; 3]), (12, vec![0xff])]).unwrap();
        assert_eq!(map.get("c14n0").map(String::as_str), Some("u-_v7"));
        assert_eq!(map.get("c14n12").map(String::as_str), Some("u_w"));
        assert_eq!(decompress(&[(1, vec![1]), (1, vec![2])]).unwrap_err().code(), "invalid_proof_value");
    }

    #[test]
    fn a_blank_node_without_a_label_is_refused() {
        let quad = Quad {
            subject: Term::BlankNode("b0".into()),
            predicate: Term::Iri("http://ex/p".into()),
            object: Term::Iri("http://ex/o".into()),
            graph: None,
        };
        assert_eq!(
            relabelled_canonical_nquads(std::slice::from_ref(&quad), &BTreeMap::new()),
            Err(Error::InvalidProofValue)
        );
        let labels = BTreeMap::from([("c14n0".to_owned(), "uAA".to_owned())]);
        assert_eq!(relabelled_canonical_nquads(&[quad], &labels).unwrap(), ["_:uAA <http://ex/p> <http://ex/o> .\n"]);
    }
}
