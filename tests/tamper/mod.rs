//! The tamper walk (issue 11, item 2): every single change to a valid credential is judged not
//! authentic, unless the walk proves from the canonical form that the signed data did not change.
//! `mutations` lists the changes to JSON, `jws` those to compact JWSs, `signed_data` computes
//! what the issuer signed (with the verifier's canonicalisation, then again with an independent
//! one, `oracle`: both must agree the signed data is unchanged); this module judges one
//! credential's mutants and counts them.
#![allow(dead_code, unreachable_pub)]

pub mod jws;
pub mod mutations;
pub mod oracle;
pub mod signed_data;

use std::collections::BTreeMap;

use badge_verifier::{verify, Documents, Options, Verdict};
use serde_json::Value;

use crate::common::fixtures::baked::{baked_png, baked_svg};
use signed_data::Canonicaliser;

/// How a credential is given to the verifier.
#[derive(Debug, Clone)]
pub enum Form {
    /// JSON with Data Integrity proofs.
    Json(Value),
    /// A compact JWS (VC-JWT, signed OB 2.0 assertion).
    Jws(String),
    /// JSON baked into a PNG badge image (mutants are baked again).
    BakedPng(Value),
    /// JSON baked into an SVG badge image (mutants are baked again).
    BakedSvg(Value),
}

/// One valid credential to walk, with what it is verified with.
pub struct Subject {
    /// Where it comes from: `own fixtures` or the vectors' top folder.
    pub source: String,
    /// Its file.
    pub name: String,
    /// The credential.
    pub form: Form,
    /// The options it is judged with (`now` fixed).
    pub options: Options,
    /// The documents it is judged with (offline: given up front).
    pub documents: Documents,
}

/// Which mutations of a subject are judged: every `every`-th, from `offset`.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// 1: all of them.
    pub every: usize,
    /// Where to start (< `every`).
    pub offset: usize,
}

impl Sample {
    /// Every mutation.
    pub const ALL: Self = Self { every: 1, offset: 0 };

    fn picks(self, index: usize) -> bool {
        index % self.every == self.offset % self.every
    }
}

/// What the walk found for a set of subjects.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Subjects walked.
    pub subjects: usize,
    /// Mutations listed (judged or not).
    pub listed: usize,
    /// Mutations judged.
    pub tried: usize,
    /// Judged not authentic (not verified, unsupported, or refused as input).
    pub rejected: usize,
    /// Judged authentic, with signed data proven identical to the original's.
    pub same_signed_data: usize,
    /// Those, by kind of change.
    pub same_signed_data_by_kind: BTreeMap<&'static str, usize>,
    /// Those, each naming its subject and mutation.
    pub same_signed_data_list: Vec<String>,
    /// Judged authentic with different (or unprovable) signed data: each names its subject and
    /// mutation.
    pub false_accepts: Vec<String>,
}

impl Tally {
    /// Adds another tally.
    pub fn add(&mut self, other: &Tally) {
        self.subjects += other.subjects;
        self.listed += other.listed;
        self.tried += other.tried;
        self.rejected += other.rejected;
        self.same_signed_data += other.same_signed_data;
        for (kind, count) in &other.same_signed_data_by_kind {
            *self.same_signed_data_by_kind.entry(kind).or_default() += count;
        }
        self.false_accepts.extend(other.false_accepts.iter().cloned());
        self.same_signed_data_list.extend(other.same_signed_data_list.iter().cloned());
    }
}

/// Verdicts that say the credential is the issuer's as signed (whatever its dates or status).
pub fn is_authentic(verdict: Verdict) -> bool {
    matches!(
        verdict,
        Verdict::Verified
            | Verdict::VerifiedWithWarnings
            | Verdict::Expired
            | Verdict::NotYetValid
            | Verdict::Revoked
            | Verdict::Suspended
    )
}

/// The subject's verdict as given.
pub fn baseline(subject: &Subject) -> Option<Verdict> {
    let bytes = match &subject.form {
        Form::Json(value) => value.to_string().into_bytes(),
        Form::Jws(token) => token.clone().into_bytes(),
        Form::BakedPng(value) => baked_png(&value.to_string()),
        Form::BakedSvg(value) => baked_svg(&value.to_string()),
    };
    verify(&bytes, &subject.options, &subject.documents).ok().map(|r| r.verdict)
}

/// The walk proves unchanged signed data with both.
const CANONICALISERS: [Canonicaliser; 2] = [Canonicaliser::Library, Canonicaliser::Oracle];

/// `Ok` when, by both canonicalisers, `mutant` carries the signed data of the original (whose
/// forms are `originals`), else why not.
fn prove_unchanged(
    originals: &[Result<signed_data::Forms, String>; 2],
    mutant: &Value,
    contexts: &badge_verifier::Contexts,
) -> Result<(), String> {
    CANONICALISERS.iter().zip(originals).try_for_each(|(by, original)| {
        match (original, signed_data::of_credential(mutant, contexts, *by)) {
            (Ok(a), Ok(b)) if signed_data::same(a, &b) => Ok(()),
            (Ok(a), Ok(b)) if signed_data::same_but_proof_values(a, &b) => {
                Err(format!("same signed data, but another proof value ({by:?} canonicalisation)"))
            }
            (Ok(_), Ok(_)) => Err(format!("signed data differs ({by:?} canonicalisation)")),
            (Err(e), _) => Err(format!("original's signed data not computable ({by:?}): {e}")),
            (_, Err(e)) => Err(format!("mutant's signed data not computable ({by:?}): {e}")),
        }
    })
}

/// Judges the sampled mutations of `subject`.
pub fn walk(subject: &Subject, sample: Sample) -> Tally {
    let mut tally = Tally { subjects: 1, ..Tally::default() };
    let judge = |bytes: &[u8]| {
        verify(bytes, &subject.options, &subject.documents).is_ok_and(|report| is_authentic(report.verdict))
    };
    match &subject.form {
        Form::Jws(token) => {
            let edits = jws::edits(token);
            tally.listed = edits.len();
            for (index, edit) in edits.iter().enumerate().filter(|(i, _)| sample.picks(*i)) {
                let Some(mutant) = edit.apply(token) else { continue };
                tally.tried += 1;
                if judge(mutant.as_bytes()) {
                    // The signing input (header.payload) or the signature differs by construction.
                    tally.false_accepts.push(format!("{}: mutation {index}: {}", subject.name, edit.describe()));
                } else {
                    tally.rejected += 1;
                }
            }
        }
        Form::Json(original) | Form::BakedPng(original) | Form::BakedSvg(original) => {
            let edits = mutations::edits(original);
            tally.listed = edits.len();
            let mut original_forms = None;
            for (index, edit) in edits.iter().enumerate().filter(|(i, _)| sample.picks(*i)) {
                let Some(mutant) = edit.apply(original) else { continue };
                tally.tried += 1;
                let text = mutant.to_string();
                let bytes = match &subject.form {
                    Form::BakedPng(_) => baked_png(&text),
                    Form::BakedSvg(_) => baked_svg(&text),
                    _ => text.into_bytes(),
                };
                if !judge(&bytes) {
                    tally.rejected += 1;
                    continue;
                }
                let contexts = &subject.options.contexts;
                let originals = original_forms
                    .get_or_insert_with(|| CANONICALISERS.map(|by| signed_data::of_credential(original, contexts, by)));
                let proven = prove_unchanged(originals, &mutant, contexts);
                match proven {
                    Ok(()) => {
                        tally.same_signed_data += 1;
                        *tally.same_signed_data_by_kind.entry(edit.label()).or_default() += 1;
                        tally.same_signed_data_list.push(format!("{}: {}", subject.name, edit.describe()));
                    }
                    Err(why) => tally.false_accepts.push(format!(
                        "{}: mutation {index}: {}: {why}",
                        subject.name,
                        edit.describe()
                    )),
                }
            }
        }
    }
    tally
}
