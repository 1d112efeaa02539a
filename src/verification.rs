//! `Verification`: one verification that asks for what it needs, in the manner of rustls's
//! unbuffered API. Start it with the input and options; `needs()` advances it as far as the
//! documents it holds allow and answers with what it still needs (each URL or DID, and what
//! for); the host provides each document's bytes, or says why it could not have them; `finish()`
//! yields the report. The core never fetches, so the CLI, Node and the browser drive this same
//! loop, each with its own fetcher:
//!
//! ```no_run
//! # use badge_verifier::{Documents, Options, Timestamp, Unavailable, Verification};
//! # fn fetch(url: &str) -> Result<Vec<u8>, Unavailable> { Err(Unavailable::Offline) }
//! # let bytes = b"{}"; let options = Options::at(Timestamp::from_unix_seconds(0));
//! let mut verification = Verification::start(bytes, &options, Documents::new())?;
//! loop {
//!     let needs = verification.needs();
//!     if needs.is_empty() {
//!         break;
//!     }
//!     for need in needs {
//!         match need.url.as_deref().map(fetch) {
//!             Some(Ok(bytes)) => verification.provide(&need.id, &bytes),
//!             Some(Err(reason)) => verification.unavailable(&need.id, reason),
//!             None => verification.unavailable(&need.id, Unavailable::NotFetchable("no URL".into())),
//!         }
//!     }
//! }
//! let report = verification.finish();
//! # Ok::<(), badge_verifier::Error>(())
//! ```
//!
//! Nothing is computed twice: every check's result is kept once it is settled (a proof whose key
//! resolved is canonicalised and verified once, however many rounds the issuer's document or a
//! status list take), and a status list shared by several entries is verified once. Every
//! provided document is parsed under the same limits as the credential; the number of documents
//! and of rounds is bounded.

#[cfg(feature = "presentations")]
mod collection;
#[cfg(feature = "jwt")]
mod envelope;
#[cfg(feature = "presentations")]
pub mod members;
#[cfg(not(feature = "presentations"))]
#[path = "verification/no_members.rs"]
mod members;
#[cfg(feature = "presentations")]
mod presentation;
mod proofs;
mod status_check;
mod subject;

use serde::Serialize;

use crate::documents::{strip_fragment, Documents};
use crate::error::{Error, Unavailable};
use crate::input::{self, Decoded};
#[cfg(feature = "jwt")]
use crate::jose::CompactJws;
use crate::json;
use crate::key::did_web;
use crate::report::{CheckId, Checklist, InputFormat, Report};
#[cfg(feature = "jwt")]
use crate::vc_jwt;
use crate::verify::Options;
use subject::Subject;

/// Most documents one verification fetches (issuer, keys, status lists and their keys). A
/// presentation or CLR has this budget once for itself and once more for each credential it
/// encloses (pooled: members that share documents leave more for the others).
pub const MAX_DOCUMENTS: usize = 16;

/// Most rounds of `needs()` that hand out new documents: credential → controller document →
/// its controller → status list → the list's key documents is five.
pub const MAX_ROUNDS: usize = 8;

/// What a document is needed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Purpose {
    /// A DID document, issuer profile or key document: resolves a key and binds it to the issuer.
    /// For Open Badges 2.0 also the documents that stand in for a proof: the hosted assertion and
    /// its BadgeClass.
    ControllerDocument,
    /// A status list (credential), for the credential's revocation or suspension status; for Open
    /// Badges 2.0 the issuer's RevocationList.
    StatusList,
}

/// A document the verification needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Need {
    /// The URL or DID (without fragment): give it back to `provide` or `unavailable`.
    pub id: String,
    /// Where to get it (`did:web` already mapped to its HTTPS URL); `None` when there is no way to
    /// fetch this id (the host then says `unavailable`).
    pub url: Option<String>,
    /// What it is for.
    pub purpose: Purpose,
}

impl Need {
    fn new(id: &str, purpose: Purpose) -> Self {
        let id = strip_fragment(id).to_owned();
        let url = if id.starts_with("did:web:") {
            did_web::document_url(&id)
        } else if id.starts_with("https://") || id.starts_with("http://") {
            Some(id.clone())
        } else {
            None
        };
        Self { id, url, purpose }
    }
}

/// One credential's verification, in progress.
#[derive(Debug)]
pub struct Verification {
    options: Options,
    store: Store,
    state: State,
    /// What the input was (JSON, or the image the credential was baked into).
    input: InputFormat,
}

#[derive(Debug)]
enum State {
    /// Nothing to ask for: the report is known (an unsupported format).
    Settled(Box<Report>),
    /// A credential under verification.
    Verifying(Box<Subject>),
    /// An Open Badges 2.0 assertion under verification.
    #[cfg(feature = "ob2")]
    OpenBadges2(Box<crate::ob2::Assertion>),
    /// A Verifiable Presentation and the credentials it encloses.
    #[cfg(feature = "presentations")]
    Presentation(Box<presentation::Presentation>),
    /// A top-level JSON array of credentials, each verified as a member.
    #[cfg(feature = "presentations")]
    Collection(Box<collection::Collection>),
}

impl State {
    /// Settles what the documents in `store` allow; notes in `needs` what is still missing.
    fn advance(&mut self, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        match self {
            Self::Settled(_) => {}
            Self::Verifying(subject) => subject.advance(store, options, needs),
            #[cfg(feature = "ob2")]
            Self::OpenBadges2(assertion) => assertion.advance(store, options, needs),
            #[cfg(feature = "presentations")]
            Self::Presentation(presentation) => presentation.advance(store, options, needs),
            #[cfg(feature = "presentations")]
            Self::Collection(collection) => collection.advance(store, options, needs),
        }
    }

    /// The report, once nothing more will be provided.
    fn report(&self, options: &Options) -> Report {
        match self {
            Self::Settled(report) => (**report).clone(),
            Self::Verifying(subject) => subject.report(options),
            #[cfg(feature = "ob2")]
            Self::OpenBadges2(assertion) => assertion.report(),
            #[cfg(feature = "presentations")]
            Self::Presentation(presentation) => presentation.report(options),
            #[cfg(feature = "presentations")]
            Self::Collection(collection) => collection.report(options),
        }
    }

    fn signatures_checked(&self) -> usize {
        match self {
            Self::Settled(_) => 0,
            Self::Verifying(subject) => subject.signatures_checked(),
            #[cfg(feature = "ob2")]
            Self::OpenBadges2(assertion) => assertion.signatures_checked(),
            #[cfg(feature = "presentations")]
            Self::Presentation(presentation) => presentation.signatures_checked(),
            #[cfg(feature = "presentations")]
            Self::Collection(collection) => collection.signatures_checked(),
        }
    }

    /// How many enclosed credentials it verifies (a presentation's, a CLR's).
    fn member_count(&self) -> usize {
        match self {
            Self::Verifying(subject) => subject.member_count(),
            #[cfg(feature = "presentations")]
            Self::Presentation(presentation) => presentation.member_count(),
            #[cfg(feature = "presentations")]
            Self::Collection(collection) => collection.member_count(),
            _ => 0,
        }
    }
}

/// The documents this verification holds, and those it was told it cannot have.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub(crate) documents: Documents,
    pub(crate) unavailable: Unavailables,
    /// Ids handed out as needs (a handful: a `Vec` costs less wasm than another map).
    handed_out: Vec<String>,
    rounds: usize,
    /// Most documents handed out: [`MAX_DOCUMENTS`] once, and once more per enclosed credential.
    document_cap: usize,
}

/// Ids said to be unavailable, with why: at most [`MAX_DOCUMENTS`] and a few more, so a `Vec`.
#[derive(Debug, Default)]
pub(crate) struct Unavailables(Vec<(String, Unavailable)>);

impl Unavailables {
    pub(crate) fn get(&self, id: &str) -> Option<&Unavailable> {
        self.0.iter().find(|(known, _)| known == id).map(|(_, reason)| reason)
    }

    fn insert(&mut self, id: String, reason: Unavailable) {
        self.remove(&id);
        self.0.push((id, reason));
    }

    fn remove(&mut self, id: &str) {
        self.0.retain(|(known, _)| known != id);
    }
}

impl Store {
    /// `result`, unless it failed only for want of a document not yet asked for or answered: then
    /// the need is noted and `None` returned (the check is still pending).
    pub(crate) fn settle<T>(
        &self,
        result: Result<T, Error>,
        purpose: Purpose,
        needs: &mut Vec<Need>,
    ) -> Option<Result<T, Error>> {
        match result {
            Err(Error::DocumentUnavailable { id, reason: Unavailable::NotProvided }) => {
                match self.unavailable.get(strip_fragment(&id)) {
                    Some(reason) => Some(Err(Error::DocumentUnavailable { id, reason: reason.clone() })),
                    None => {
                        if !needs.iter().any(|n| n.id == strip_fragment(&id)) {
                            needs.push(Need::new(&id, purpose));
                        }
                        None
                    }
                }
            }
            other => Some(other),
        }
    }
}

/// The report of an input refused before there is a credential to check: the format check
/// fails (or is unsupported) with `error`; a JWS header refused for its algorithm or critical
/// extensions fails the proof check instead.
fn refused(error: Error) -> Report {
    let mut list = Checklist::default();
    let check = match error {
        Error::JwsAlgorithmNone
        | Error::JwsAlgorithmNotAllowed(_)
        | Error::JwsAlgorithmUnsupported(_)
        | Error::JwsCriticalHeaderUnsupported(_) => CheckId::Proof,
        _ => CheckId::Format,
    };
    list.record::<()>(check, None, Err(error));
    list.finish(None)
}

fn settled(error: Error) -> State {
    State::Settled(Box::new(refused(error)))
}

/// A JSON document: a collection (a top-level array of credentials), a presentation, an Open
/// Badges 2.0 assertion, or a credential (a CLR's enclosed credentials included).
fn from_json(value: serde_json::Value, options: &Options) -> Result<State, Error> {
    if value.is_array() {
        #[cfg(feature = "presentations")]
        return Ok(State::Collection(Box::new(collection::Collection::new(&value, options)?)));
        #[cfg(not(feature = "presentations"))]
        return match value.as_array().is_some_and(|items| !items.is_empty()) {
            true => Ok(settled(crate::features::PRESENTATIONS.missing("a JSON array of credentials"))),
            false => Err(Error::NotACredential("it is an empty list")),
        };
    }
    if is_presentation(&value) {
        #[cfg(feature = "presentations")]
        return Ok(State::Presentation(Box::new(presentation::Presentation::new(value, options)?)));
        #[cfg(not(feature = "presentations"))]
        return Ok(settled(crate::features::PRESENTATIONS.missing("a Verifiable Presentation")));
    }
    #[cfg(not(feature = "presentations"))]
    if has_type(&value, "ClrCredential") {
        return Ok(settled(crate::features::PRESENTATIONS.missing("a CLR's enclosed credentials")));
    }
    json_state(value, options, true)
}

/// Whether `value`'s `type` (a string or a list) names a `VerifiablePresentation`.
fn is_presentation(value: &serde_json::Value) -> bool {
    has_type(value, "VerifiablePresentation")
}

fn has_type(value: &serde_json::Value, name: &str) -> bool {
    match value.get("type") {
        Some(serde_json::Value::String(t)) => t == name,
        Some(serde_json::Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// A JSON document enclosed in a presentation or CLR: an Open Badges 2.0 assertion or a
/// credential, never read as a container itself.
#[cfg(feature = "presentations")]
fn member_from_json(value: serde_json::Value, options: &Options) -> Result<State, Error> {
    if is_presentation(&value) {
        return Err(Error::NotACredential("it is a presentation, enclosed in another"));
    }
    json_state(value, options, false)
}

/// An Open Badges 2.0 assertion or a credential; `read_members`: a CLR's enclosed credentials too.
fn json_state(value: serde_json::Value, options: &Options, read_members: bool) -> Result<State, Error> {
    Ok(match crate::ob2::kind(&value) {
        crate::ob2::Kind::Assertion => ob2_state(Ob2Input::Json(value)),
        crate::ob2::Kind::Version05 => settled(Error::UnsupportedFormat("an Open Badges 0.5 assertion")),
        crate::ob2::Kind::Linked => {
            return Err(Error::NotACredential(
                "it is an Open Badges 2.0 BadgeClass, Profile, key or revocation list, not an assertion",
            ))
        }
        crate::ob2::Kind::Other => State::Verifying(Box::new(Subject::credential(value, options, read_members)?)),
    })
}

/// A compact JWS: a signed Open Badges 2.0 assertion (told by its payload), or a VC-JWT;
/// `read_members`: a CLR's enclosed credentials too.
#[cfg(feature = "jwt")]
fn from_jws(text: &str, options: &Options, read_members: bool) -> Result<State, Error> {
    let jws = match CompactJws::parse(text, &options.limits) {
        Ok(jws) => jws,
        Err(error) => return Ok(settled(error)),
    };
    if crate::ob2::kind(&jws.payload) == crate::ob2::Kind::Assertion {
        return Ok(ob2_state(Ob2Input::Signed(jws)));
    }
    match vc_jwt::credential(&jws) {
        Ok(enveloped) => Ok(State::Verifying(Box::new(Subject::enveloped(jws, enveloped, options, read_members)?))),
        Err(error) => Ok(settled(error)),
    }
}

/// A compact JWS, in a build that reads none (`not_in_this_build`).
#[cfg(not(feature = "jwt"))]
fn from_jws(_: &str, _: &Options, _: bool) -> Result<State, Error> {
    Ok(settled(crate::features::JWT.missing("a compact JWS (a VC-JWT or a signed Open Badges 2.0 assertion)")))
}

/// How an Open Badges 2.0 assertion was given.
#[cfg_attr(not(feature = "ob2"), allow(dead_code))] // a build without it only names the feature
enum Ob2Input {
    /// Its JSON.
    Json(serde_json::Value),
    /// The URL it is hosted at.
    Url(String),
    /// The JWS whose payload it is.
    #[cfg(feature = "jwt")]
    Signed(CompactJws),
}

/// An Open Badges 2.0 assertion's verification, or `not_in_this_build` in a build without it.
#[cfg(feature = "ob2")]
fn ob2_state(input: Ob2Input) -> State {
    use crate::ob2::Assertion;
    State::OpenBadges2(Box::new(match input {
        Ob2Input::Json(json) => Assertion::from_json(json),
        Ob2Input::Url(url) => Assertion::from_url(url),
        #[cfg(feature = "jwt")]
        Ob2Input::Signed(jws) => Assertion::signed(jws),
    }))
}

#[cfg(not(feature = "ob2"))]
fn ob2_state(_: Ob2Input) -> State {
    settled(crate::features::OB2.missing("an Open Badges 2.0 assertion"))
}

impl Verification {
    /// Starts verifying `input`. `documents` (given up front, e.g. for air-gapped use) are used
    /// before anything is asked for.
    ///
    /// # Errors
    /// As [`crate::verify()`]: `input_too_large`, `json_too_deep`, `malformed_json`,
    /// `not_a_credential`, `baked_image_malformed`, `baked_image_no_credential`,
    /// `baked_image_ambiguous` — there is nothing to report on.
    pub fn start(input: &[u8], options: &Options, documents: Documents) -> Result<Self, Error> {
        let (input, state) = match input::decode(input, &options.limits)? {
            Decoded::Json(value) => (InputFormat::Json, from_json(value, options)?),
            Decoded::Baked { image, json } => (image, from_json(json, options)?),
            Decoded::CompactJws { image, text } => {
                let image = if image == InputFormat::Json { InputFormat::Jwt } else { image };
                (image, from_jws(&text, options, true)?)
            }
            Decoded::HostedUrl { image, url } => (image, ob2_state(Ob2Input::Url(url))),
            Decoded::BakedUnsupported { image, what } => (image, settled(Error::UnsupportedFormat(what))),
            Decoded::LeftOut { image, error } => (image, settled(error)),
            Decoded::Unsupported(what) => (InputFormat::Json, settled(Error::UnsupportedFormat(what))),
        };
        let document_cap = MAX_DOCUMENTS.saturating_mul(1 + state.member_count());
        let store = Store { documents, document_cap, ..Store::default() };
        Ok(Self { options: options.clone(), store, state, input })
    }

    /// Advances the verification as far as the documents it holds allow, and returns what it
    /// still needs; empty when it can finish. Asking again without answering returns the same
    /// needs. Past [`MAX_DOCUMENTS`] or [`MAX_ROUNDS`], further needs are settled as unavailable.
    pub fn needs(&mut self) -> Vec<Need> {
        let mut needs = Vec::new();
        self.state.advance(&self.store, &self.options, &mut needs);
        let handed_out = &self.store.handed_out;
        let (mut known, fresh): (Vec<Need>, Vec<Need>) = needs.into_iter().partition(|n| handed_out.contains(&n.id));
        if fresh.is_empty() {
            return known;
        }
        self.store.rounds += 1;
        // Every id handed out counts against the cap, however many arrive in one round.
        let cap = self.store.document_cap;
        let budget = if self.store.rounds > MAX_ROUNDS { 0 } else { cap.saturating_sub(self.store.handed_out.len()) };
        let mut refused = false;
        for (i, need) in fresh.into_iter().enumerate() {
            if i < budget {
                self.store.handed_out.push(need.id.clone());
                known.push(need);
            } else {
                let reason = Unavailable::TooManyDocuments { limit: cap };
                self.store.unavailable.insert(need.id, reason);
                refused = true;
            }
        }
        // What was refused is settled now; advancing again may settle more (never hand out more).
        if refused {
            return self.needs();
        }
        known
    }

    /// Provides the document `id` (a URL or DID, as a `Need` named it). It is parsed under the
    /// same limits as the credential; one that does not parse counts as unavailable, with why.
    pub fn provide(&mut self, id: &str, bytes: &[u8]) {
        let id = strip_fragment(id);
        match json::parse(bytes, &self.options.limits) {
            Ok(document) => {
                self.store.unavailable.remove(id);
                self.store.documents.insert(id, document);
            }
            Err(error) => {
                let reason = Unavailable::Invalid(format!("{} ({})", error, error.code()));
                self.store.unavailable.insert(id.to_owned(), reason);
            }
        }
    }

    /// Says the document `id` cannot be had, and why. The checks that needed it end *unchecked*.
    pub fn unavailable(&mut self, id: &str, reason: Unavailable) {
        self.store.unavailable.insert(strip_fragment(id).to_owned(), reason);
    }

    /// The report. Whatever is still needed counts as not provided.
    pub fn finish(mut self) -> Report {
        loop {
            let needs = self.needs();
            if needs.is_empty() {
                break;
            }
            for need in needs {
                self.store.unavailable.insert(need.id, Unavailable::NotProvided);
            }
        }
        let mut report = self.state.report(&self.options);
        report.input = self.input;
        report
    }

    /// How many signatures this verification has checked so far (each proof's at most once, each
    /// shared status list's at most once): lets tests show that nothing is computed twice.
    pub fn signatures_checked(&self) -> usize {
        self.state.signatures_checked()
    }
}

#[cfg(test)]
mod tests;
