//! Every single change the walk makes to a compact JWS (a VC-JWT, a signed OB 2.0 assertion):
//! each character of each segment flipped to its base64url neighbour (the lowest of its six bits:
//! in a segment's last character that is a bit past the last whole byte, which JOSE's canonical
//! base64url must refuse), and each JSON edit of the payload, re-encoded under the original
//! header and signature. The signing input is the first two segments' ASCII (RFC 7515 §5.2), so a
//! mutant differs from the original in signed data or in signature, and any that verifies is a
//! false accept.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::Value;

use super::mutations::{self, Edit};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// One change to a token.
#[derive(Debug, Clone)]
pub enum JwsEdit {
    /// The character at this byte offset gets its lowest bit flipped.
    Flip { segment: usize, offset: usize },
    /// A JSON edit of the decoded payload.
    Payload(Edit),
}

impl JwsEdit {
    /// A one-line description.
    pub fn describe(&self) -> String {
        match self {
            Self::Flip { segment, offset } => {
                format!("flip byte {offset} of the {} segment", ["header", "payload", "signature"][*segment])
            }
            Self::Payload(edit) => format!("payload: {}", edit.describe()),
        }
    }

    /// The token with this edit applied, or `None` when it changes nothing.
    pub fn apply(&self, token: &str) -> Option<String> {
        let segments: Vec<&str> = token.trim().split('.').collect();
        let [header, payload, signature] = segments.as_slice() else { return None };
        match self {
            Self::Flip { segment, offset } => {
                let mut parts = [header.to_string(), payload.to_string(), signature.to_string()];
                let bytes = parts[*segment].as_bytes();
                let position = ALPHABET.iter().position(|c| *c == bytes[*offset])?;
                let flipped = char::from(ALPHABET[position ^ 1]);
                parts[*segment].replace_range(*offset..*offset + 1, &flipped.to_string());
                Some(parts.join("."))
            }
            Self::Payload(edit) => {
                let mutant = edit.apply(&decoded_payload(token)?)?;
                let encoded = Base64UrlUnpadded::encode_string(mutant.to_string().as_bytes());
                Some(format!("{header}.{encoded}.{signature}"))
            }
        }
    }
}

/// The JSON a token's payload holds.
pub fn decoded_payload(token: &str) -> Option<Value> {
    let payload = token.trim().split('.').nth(1)?;
    serde_json::from_slice(&Base64UrlUnpadded::decode_vec(payload).ok()?).ok()
}

/// Every edit of `token`: each byte flip, then each JSON edit of the payload.
pub fn edits(token: &str) -> Vec<JwsEdit> {
    let mut out = Vec::new();
    for (segment, text) in token.trim().split('.').enumerate().take(3) {
        out.extend((0..text.len()).map(|offset| JwsEdit::Flip { segment, offset }));
    }
    if let Some(payload) = decoded_payload(token) {
        out.extend(mutations::edits(&payload).into_iter().map(JwsEdit::Payload));
    }
    out
}
