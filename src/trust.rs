//! Placeholder until the trust helper lands (exact-match only).
use crate::error::Error;
use crate::report::Passed;
/// The `issuer_trust` check.
///
/// # Errors
/// `issuer_not_trusted`.
pub fn check(issuer: &str, trusted: Option<&[String]>) -> Result<Passed, Error> {
    match trusted {
        None => Ok(Passed::NoTrustList),
        Some(list) if list.iter().any(|t| t == issuer) => Ok(Passed::IssuerTrusted),
        Some(_) => Err(Error::IssuerNotTrusted(issuer.to_owned())),
    }
}
