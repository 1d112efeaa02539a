//! Every single change the walk makes to a JSON credential: each leaf altered, each key renamed
//! (to an undefined name, and `id`/`type` to the keywords they alias) or removed, each array
//! element removed or swapped with its neighbour, an undefined term added to each object, each
//! `@context` entry swapped for a published variant, each proof field set to another value its
//! field takes. Edits are listed first (cheap) and applied one at a time, so a sampled run
//! builds only the mutants it judges.

use serde_json::{Map, Value};

/// The term the walk adds to every object: defined by no context the credentials use (under
/// VC 2.0's `@vocab` it still expands, to an issuer-dependent IRI the issuer did not sign).
pub const UNDEFINED_TERM: &str = "walkUndefinedTerm";

/// Context URLs that are published variants of one another and bundled: a credential naming one
/// may be given another (VC 1.1 ↔ 2.0, OB 3.0.0 ↔ 3.0.1 ↔ 3.0.2 ↔ 3.0.3, …).
const CONTEXT_FAMILIES: &[&[&str]] = &[
    &["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2"],
    &["https://www.w3.org/2018/credentials/examples/v1", "https://www.w3.org/ns/credentials/examples/v2"],
    &["https://w3id.org/security/data-integrity/v1", "https://w3id.org/security/data-integrity/v2"],
    &["https://w3id.org/security/v1", "https://w3id.org/security/v2"],
    &["https://w3id.org/security/suites/ed25519-2018/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
    &[
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    &[
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
    ],
    &["https://w3id.org/openbadges/v1", "https://w3id.org/openbadges/v2"],
    &["https://w3id.org/blockcerts/v3", "https://w3id.org/blockcerts/v3.1", "https://w3id.org/blockcerts/v3.2"],
    &["https://w3id.org/citizenship/v2", "https://w3id.org/citizenship/v4rc1"],
    &["https://w3id.org/vc/status-list/2021/v1", "https://www.w3.org/ns/credentials/status/v1"],
];

/// Other values a proof's naming fields take.
const PROOF_FIELD_VALUES: &[(&str, &[&str])] = &[
    (
        "cryptosuite",
        &["eddsa-jcs-2022", "eddsa-rdfc-2022", "eddsa-2022", "ecdsa-rdfc-2019", "ecdsa-jcs-2019", "ecdsa-sd-2023"],
    ),
    ("type", &["DataIntegrityProof", "Ed25519Signature2020", "Ed25519Signature2018"]),
    ("proofPurpose", &["assertionMethod", "authentication", "capabilityInvocation"]),
];

/// One change to one place of a credential.
#[derive(Debug, Clone)]
pub struct Edit {
    /// JSON pointer of the value changed (for key edits: of the object holding the key).
    pub at: String,
    /// What is done there.
    pub kind: Kind,
}

/// The kinds of change.
#[derive(Debug, Clone)]
pub enum Kind {
    /// The leaf gets another value of its type.
    AlterLeaf,
    /// The key is renamed.
    RenameKey { key: String, to: String },
    /// The key and its value are removed.
    RemoveKey(String),
    /// The array element is removed.
    RemoveElement(usize),
    /// The array element is swapped with the next one.
    SwapWithNext(usize),
    /// [`UNDEFINED_TERM`] is added to the object.
    AddUndefinedTerm,
    /// The context URL is replaced by a published variant.
    ContextVariant(String),
    /// The proof field gets another value (another suite, type or purpose; a changed proof value).
    ProofField(String),
}

impl Edit {
    /// A one-line description, e.g. `remove key "name" at /credentialSubject`.
    pub fn describe(&self) -> String {
        let at = if self.at.is_empty() { "/" } else { &self.at };
        match &self.kind {
            Kind::AlterLeaf => format!("alter leaf {at}"),
            Kind::RenameKey { key, to } => format!("rename key {key:?} to {to:?} at {at}"),
            Kind::RemoveKey(key) => format!("remove key {key:?} at {at}"),
            Kind::RemoveElement(i) => format!("remove element {i} of {at}"),
            Kind::SwapWithNext(i) => format!("swap elements {i} and {} of {at}", i + 1),
            Kind::AddUndefinedTerm => format!("add undefined term at {at}"),
            Kind::ContextVariant(with) | Kind::ProofField(with) => format!("replace {at} with {:?}", cut(with)),
        }
    }

    /// The kind of change, for the tally.
    pub fn label(&self) -> &'static str {
        match &self.kind {
            Kind::AlterLeaf => "leaf altered",
            Kind::RenameKey { to, .. } if to.starts_with('@') => "key renamed to the keyword it aliases",
            Kind::RenameKey { .. } => "key renamed",
            Kind::RemoveKey(_) => "key removed",
            Kind::RemoveElement(_) => "array element removed",
            Kind::SwapWithNext(_) => "array elements swapped",
            Kind::AddUndefinedTerm => "undefined term added",
            Kind::ContextVariant(_) => "context swapped for a published variant",
            Kind::ProofField(_) => "proof field changed",
        }
    }

    /// The credential with this edit applied, or `None` when it changes nothing (e.g. swapping
    /// two equal elements).
    pub fn apply(&self, credential: &Value) -> Option<Value> {
        let mut mutant = credential.clone();
        let target = mutant.pointer_mut(&self.at)?;
        match (&self.kind, target) {
            (Kind::AlterLeaf, leaf) => *leaf = altered(leaf),
            (Kind::RenameKey { key, to }, Value::Object(map)) => {
                let value = map.remove(key)?;
                map.insert(to.clone(), value);
            }
            (Kind::RemoveKey(key), Value::Object(map)) => {
                map.remove(key)?;
            }
            (Kind::RemoveElement(i), Value::Array(items)) if *i < items.len() => {
                items.remove(*i);
            }
            (Kind::SwapWithNext(i), Value::Array(items)) if i + 1 < items.len() => items.swap(*i, i + 1),
            (Kind::AddUndefinedTerm, Value::Object(map)) => {
                map.insert(UNDEFINED_TERM.into(), Value::String("added after signing".into()));
            }
            (Kind::ContextVariant(with) | Kind::ProofField(with), leaf) => *leaf = Value::String(with.clone()),
            _ => return None,
        }
        (mutant != *credential).then_some(mutant)
    }
}

/// Every edit of `credential`, in document order.
pub fn edits(credential: &Value) -> Vec<Edit> {
    let mut out = Vec::new();
    walk(credential, String::new(), None, &mut out);
    out
}

fn walk(value: &Value, at: String, key: Option<&str>, out: &mut Vec<Edit>) {
    match value {
        Value::Object(map) => {
            for key in map.keys() {
                let to = format!("{key}Walk");
                out.push(Edit { at: at.clone(), kind: Kind::RenameKey { key: key.clone(), to } });
                if let Some(keyword) = aliased_keyword(key) {
                    let kind = Kind::RenameKey { key: key.clone(), to: keyword.into() };
                    out.push(Edit { at: at.clone(), kind });
                }
                out.push(Edit { at: at.clone(), kind: Kind::RemoveKey(key.clone()) });
            }
            out.push(Edit { at: at.clone(), kind: Kind::AddUndefinedTerm });
            if is_proof(map) {
                proof_field_edits(map, &at, out);
            }
            for (child_key, child) in map {
                walk(child, format!("{at}/{}", escape(child_key)), Some(child_key), out);
            }
        }
        Value::Array(items) => {
            for i in 0..items.len() {
                out.push(Edit { at: at.clone(), kind: Kind::RemoveElement(i) });
                if i + 1 < items.len() {
                    out.push(Edit { at: at.clone(), kind: Kind::SwapWithNext(i) });
                }
            }
            for (i, item) in items.iter().enumerate() {
                // Elements of an array keep the array's key: a context list's entries are contexts.
                walk(item, format!("{at}/{i}"), key, out);
            }
        }
        leaf => {
            out.push(Edit { at: at.clone(), kind: Kind::AlterLeaf });
            if let (Some("@context"), Value::String(url)) = (key, leaf) {
                for variant in context_variants(url) {
                    out.push(Edit { at: at.clone(), kind: Kind::ContextVariant(variant.into()) });
                }
            }
        }
    }
}

/// `id` and `type` are aliases of `@id` and `@type` in every VC and OB context: a rename to the
/// keyword changes the JSON and not the RDF.
fn aliased_keyword(key: &str) -> Option<&'static str> {
    match key {
        "id" => Some("@id"),
        "type" => Some("@type"),
        _ => None,
    }
}

fn is_proof(map: &Map<String, Value>) -> bool {
    ["proofValue", "jws", "signatureValue"].iter().any(|k| map.contains_key(*k))
}

/// Each naming field set to each other value it takes, and the proof value with one character
/// changed in its middle (still base58btc / base64url, so it decodes and reaches the signature check).
fn proof_field_edits(proof: &Map<String, Value>, at: &str, out: &mut Vec<Edit>) {
    for (field, values) in PROOF_FIELD_VALUES {
        let current = proof.get(*field).and_then(Value::as_str);
        for value in values.iter().filter(|v| Some(**v) != current) {
            out.push(Edit { at: format!("{at}/{field}"), kind: Kind::ProofField((*value).into()) });
        }
    }
    for field in ["proofValue", "jws", "signatureValue"] {
        if let Some(value) = proof.get(field).and_then(Value::as_str) {
            out.push(Edit { at: format!("{at}/{field}"), kind: Kind::ProofField(middle_changed(value)) });
        }
    }
}

fn context_variants(url: &str) -> Vec<&'static str> {
    CONTEXT_FAMILIES
        .iter()
        .filter(|family| family.contains(&url))
        .flat_map(|family| family.iter().copied().filter(|u| *u != url))
        .collect()
}

/// Another value of the leaf's type: the last digit or letter of a string moved on by one (so a
/// date stays a date and a key stays base58), a number plus one, a boolean negated, `null` → 0.
fn altered(leaf: &Value) -> Value {
    match leaf {
        Value::String(s) => Value::String(last_alphanumeric_moved(s)),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Value::from(i.wrapping_add(1)),
            (None, Some(f)) => Value::from(f * 2.0 + 1.0),
            _ => Value::from(0),
        },
        Value::Bool(b) => Value::Bool(!b),
        _ => Value::from(0),
    }
}

fn last_alphanumeric_moved(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    match chars.iter().rposition(char::is_ascii_alphanumeric) {
        Some(i) => chars[i] = next_of_class(chars[i]),
        None => chars.push('x'),
    }
    chars.into_iter().collect()
}

/// The next character of the same class (digit, lower, upper), wrapping.
fn next_of_class(c: char) -> char {
    let (first, count) = match c {
        '0'..='9' => (b'0', 10),
        'a'..='z' => (b'a', 26),
        _ => (b'A', 26),
    };
    char::from(first + (c as u8 - first + 1) % count)
}

/// The value with the character at its middle replaced by a different one that base58btc and
/// base64url both allow.
fn middle_changed(value: &str) -> String {
    let mut chars: Vec<char> = value.chars().collect();
    if chars.is_empty() {
        return "z".into();
    }
    let i = chars.len() / 2;
    chars[i] = if chars[i] == '2' { '3' } else { '2' };
    chars.into_iter().collect()
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn cut(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_owned()
    }
}
