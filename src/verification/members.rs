//! The credentials a presentation or a CLR encloses, each verified on its own — with the same
//! options and the same document store as the whole, so a DID document or status list two
//! members share is fetched once — and each with its own complete report.
//!
//! A member is whatever the container holds: an embedded credential (JSON), a VC-JWT (a compact
//! JWS string, or an `EnvelopedVerifiableCredential` whose `id` is a `data:` URL), or an Open
//! Badges 2.0 assertion. A member is never read as a container itself (a presentation inside a
//! presentation, a CLR inside a CLR's members): the work is bounded by [`MAX_MEMBERS`] reports.

use serde_json::Value;

use super::{from_jws, settled, Need, Nested, State, Store};
use crate::error::Error;
use crate::report::{CheckId, Checklist, Container, InputFormat, Members as Tally, Passed, Report, Verdict};
use crate::verify::Options;

/// Most credentials one presentation or CLR may enclose; past it, none is verified
/// (`too_many_members`).
pub const MAX_MEMBERS: usize = 64;

/// The enclosed credentials, each under verification.
#[derive(Debug)]
pub(crate) struct Members {
    container: Container,
    /// `Err(too_many_members)` past the cap.
    items: Result<Vec<Member>, Error>,
}

/// One enclosed credential.
#[derive(Debug)]
struct Member {
    state: State,
    input: InputFormat,
}

impl Members {
    /// The members `enclosed` holds: `None` or `[]` is none, an array is each of its entries,
    /// anything else one member.
    pub(crate) fn of(container: Container, enclosed: Option<&Value>, options: &Options) -> Self {
        let values: Vec<&Value> = match enclosed {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
        };
        if values.len() > MAX_MEMBERS {
            return Self { container, items: Err(Error::TooManyMembers { limit: MAX_MEMBERS }) };
        }
        let items = values.into_iter().map(|value| member(value, options)).collect();
        Self { container, items: Ok(items) }
    }

    /// Documents the members may add to the verification's budget (none past the cap): each its
    /// own [`super::MAX_DOCUMENTS`], and its endorsements theirs.
    pub(crate) fn document_budget(&self) -> usize {
        self.items.as_ref().map_or(0, |items| items.iter().map(|m| m.state.document_budget()).sum())
    }

    /// Advances every member as far as the documents in `store` allow.
    pub(crate) fn advance(&mut self, store: &Store, options: &Options, needs: &mut Vec<Need>) {
        if let Ok(items) = &mut self.items {
            for item in items {
                item.state.advance(store, options, needs);
            }
        }
    }

    /// Signatures checked so far by every member.
    pub(crate) fn signatures_checked(&self) -> usize {
        self.items.as_ref().map_or(0, |items| items.iter().map(|m| m.state.signatures_checked()).sum())
    }

    /// Each member's report and the tally, and the `members` check line in `list`: passed when
    /// every member is verified, a warning when some only with warnings, failed otherwise.
    pub(crate) fn record(&self, list: &mut Checklist, options: &Options) -> Tally {
        let items = match &self.items {
            Ok(items) => items,
            Err(error) => {
                list.record::<()>(CheckId::Members, None, Err(error.clone()));
                return Tally::of(self.container, Vec::new());
            }
        };
        let reports: Vec<Report> = items
            .iter()
            .map(|m| {
                let mut report = m.state.report(options);
                report.input = m.input;
                report
            })
            .collect();
        let tally = Tally::of(self.container, reports);
        let result = if tally.total == 0 {
            Ok(Passed::NoMembers)
        } else if tally.verified < tally.total {
            Err(Error::MemberNotVerified {
                not_verified: tally.total - tally.verified,
                total: tally.total,
                summary: tally.summary.clone(),
            })
        } else if tally.verdicts.contains_key(&Verdict::VerifiedWithWarnings) {
            Ok(Passed::MembersVerifiedWithWarnings)
        } else {
            Ok(Passed::MembersVerified)
        };
        list.record(CheckId::Members, None, result.map(|p| (p, ())));
        tally
    }
}

/// `report` (a presentation's or CLR's) with its members' tally, and the documents they
/// needed and did not have among its own `needs` (each once).
pub(crate) fn attach(report: &mut Report, tally: Tally) {
    for member in &tally.reports {
        for need in &member.needs {
            if !report.needs.contains(need) {
                report.needs.push(need.clone());
            }
        }
    }
    report.members = Some(tally);
}

/// The verification of one enclosed value.
fn member(value: &Value, options: &Options) -> Member {
    let (state, input) = nested(value, options, Nested::ENDORSEMENTS);
    Member { state, input }
}

/// The verification of a credential nested in another (a member, an endorsement), reading of
/// its own nested credentials only what `nested` says, and what its input was.
pub(super) fn nested(value: &Value, options: &Options, nested: Nested) -> (State, InputFormat) {
    match value {
        Value::String(token) => (jws_state(token, options, nested), InputFormat::Jwt),
        Value::Object(object) if is_enveloped(value) => {
            let state = match object.get("id").and_then(Value::as_str).and_then(enveloped_token) {
                Some(token) => jws_state(token, options, nested),
                None => settled(Error::UnsupportedFormat(
                    "an enveloped credential that is not a data: URL of a VC-JWT (application/vc+jwt)",
                )),
            };
            (state, InputFormat::Jwt)
        }
        object => {
            let state = match super::member_from_json(object.clone(), options, nested) {
                Ok(state) => state,
                Err(error) => settled(error),
            };
            (state, InputFormat::Json)
        }
    }
}

fn jws_state(token: &str, options: &Options, nested: Nested) -> State {
    match from_jws(token, options, nested) {
        Ok(state) => state,
        Err(error) => settled(error),
    }
}

/// Whether `value` is an `EnvelopedVerifiableCredential` (VC 2.0 §4.13, enveloped credentials).
/// See: <https://www.w3.org/TR/vc-data-model-2.0/#enveloped-verifiable-credentials>
fn is_enveloped(value: &Value) -> bool {
    match value.get("type") {
        Some(Value::String(kind)) => kind == "EnvelopedVerifiableCredential",
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k.as_str() == Some("EnvelopedVerifiableCredential")),
        _ => false,
    }
}

/// The compact JWS in a `data:` URL of a VC-JWT media type (`application/vc+jwt`, the older
/// `application/vc-ld+jwt`, or `application/jwt`); its `;base64url` parameter changes nothing
/// (the token is base64url already).
/// See: <https://www.w3.org/TR/vc-jose-cose/#securing-with-jose>
fn enveloped_token(url: &str) -> Option<&str> {
    let (head, token) = url.strip_prefix("data:")?.split_once(',')?;
    let media_type = head.split(';').next()?;
    matches!(media_type, "application/vc+jwt" | "application/vc-ld+jwt" | "application/jwt").then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enveloped_tokens_come_from_vc_jwt_data_urls_only() {
        assert_eq!(enveloped_token("data:application/vc+jwt,a.b.c"), Some("a.b.c"));
        assert_eq!(enveloped_token("data:application/vc-ld+jwt;base64url,a.b.c"), Some("a.b.c"));
        assert_eq!(enveloped_token("data:application/vc+cose,AAAA"), None);
        assert_eq!(enveloped_token("https://example.org/a.b.c"), None);
    }
}
