//! What the conformance test judges third-party vectors by, shared with the tamper walk
//! (tests/tamper_walk.rs) so both read `shared/vectors` one way: the instant, which manifest files
//! are credentials, and the documents each needs offline (tests/harness/, the DID documents and
//! status lists shipped beside the vectors, 1EdTech's OB 2.0 assets).

use std::path::Path;

use badge_verifier::{Documents, Limits};
use serde_json::Value;

/// Fixed, so expiry judgements do not change with the calendar (vectors collected 2026-11-22).
pub const NOW: &str = "2026-11-01T00:00:00Z";

/// 1EdTech's OB 2.0 samples that are not assertions: BadgeClass, Profile and other class
/// documents its validators check alone (JSON-LD class validation, `rdf-validation/`, the
/// validator-core test components and its copy of the context). There is no badge in them to
/// verify; they are counted as not supported, and must never come out verified. The one place
/// this judgement is made.
pub fn is_ob2_class_document(path: &str) -> bool {
    path.starts_with("1edtech-validator/ob20/rdf-validation/")
        || path == "ob2/validator-core-2_0_basic_badgeclass.json"
        || path == "ob2/validator-core-2_0_basic_issuer.json"
        || path == "ob2/validator-core-openbadges_context.json"
        || path == "1edtech-validator/ob20/badge-class-with-language.json"
        || path == "1edtech-validator/ob20/issuer-compact-iri-validation.json"
}

/// 1EdTech's validator serves its OB 2.0 assets at `http(s)://example.org/NAME` and
/// `http://example.com/NAME` (`.json` optional, as the samples name them); each hosted sample is
/// its own hosted copy, at its `id`.
pub fn ob2_documents(vectors: &Path, documents: &Documents, path: &str, sample: &[u8]) -> Documents {
    let mut documents = documents.clone();
    let assets = vectors.join("1edtech-validator/ob20/assets");
    for entry in std::fs::read_dir(assets).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(bytes) = std::fs::read(&path) else { continue };
        // The context file starts with its URL on a line of its own: not JSON, and not needed.
        if !name.ends_with(".json") || name == "openbadges_context.json" {
            continue;
        }
        let stem = name.trim_end_matches(".json");
        for host in ["https://example.org/", "http://example.org/", "http://example.com/"] {
            for url in [format!("{host}{name}"), format!("{host}{stem}")] {
                documents.insert_json(&url, &bytes, &Limits::default()).unwrap();
            }
        }
    }
    // validator-core's components (for its assertions in `ob2/`): their BadgeClass and Profile,
    // under their ids, which are also the validator's asset URLs (with other contents).
    let components = if path.starts_with("ob2/") {
        ["validator-core-2_0_basic_badgeclass.json", "validator-core-2_0_basic_issuer.json"].as_slice()
    } else {
        &[]
    };
    for component in components {
        let bytes = std::fs::read(vectors.join("ob2").join(component)).unwrap();
        let id = serde_json::from_slice::<Value>(&bytes).unwrap()["id"].as_str().unwrap().to_owned();
        documents.insert_json(&id, &bytes, &Limits::default()).unwrap();
    }
    if let Some(id) = serde_json::from_slice::<Value>(sample).ok().and_then(|v| v["id"].as_str().map(str::to_owned)) {
        documents.insert_json(&id, sample, &Limits::default()).unwrap();
    }
    documents
}

/// Folders whose files are not credentials (they have suites of their own: jcs_vectors.rs,
/// ed25519_vectors.rs) or are inputs for other components.
pub const NOT_CREDENTIALS: &[&str] =
    &["jcs/", "rdf-canon/", "wycheproof/", "ed25519-speccheck/", "jsonld-api/", "jose-cookbook/", "contexts/"];

/// DCC's `.png` files (and its one `.svg`) beside its credentials are the QR codes its
/// `listOfTestVCs.md` shows, not baked badges: no text chunk, no `openbadges:` element
/// (shared/vectors/INDEX.md calls them "baked PNG of the .json next to it", which is wrong). They
/// have nothing to verify; tests/baked.rs checks that each PNG is `baked_image_no_credential`. The
/// one place this judgement is made.
pub fn is_dcc_qr_code(path: &str) -> bool {
    path.starts_with("dcc-vc-test-fixtures/") && (path.ends_with(".png") || path.ends_with(".svg"))
}

/// Status list credentials shipped beside the vectors, under the URLs the credentials name them
/// by (DCC's files carry other `id`s than the URLs their credentials point to). A URL not here
/// (DCC's deliberately bad `e5VK8…`) is unavailable, as it is on the network.
const STATUS_LISTS: &[(&str, &str)] = &[
    (
        "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
        "1edtech-validator/ob30/bit-string-list/testlist",
    ),
    (
        "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj",
        "dcc-verifier-core/status/e5WK8CbZ1GjycuPombrj.json",
    ),
    ("https://www.blockcerts.org/samples/3.0/status-list-2021.json", "blockcerts/blockcerts-status-list-2021.json"),
    (
        "https://www.blockcerts.org/samples/3.0/status-list-2021-suspension.json",
        "blockcerts/blockcerts-status-list-2021-suspension.json",
    ),
];

/// DCC's status lists, `https://digitalcredentials.github.io/vc-test-fixtures/statusLists/<suite>/<name>`.
const DCC_STATUS_LISTS: &str = "dcc-vc-test-fixtures/statusLists";

/// Documents the vectors need and nobody serves: the harness documents (tests/harness/README.md),
/// the DID documents shipped beside the DCC vectors, each under its own `id`, and the status lists
/// under the URLs their credentials use.
pub fn harness_documents(vectors: &Path) -> Documents {
    let mut documents = Documents::new();
    let mut add = |path: &Path| {
        let bytes = std::fs::read(path).unwrap();
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        if let Some(id) = value.get("id").and_then(Value::as_str) {
            documents.insert_json(id, &bytes, &Limits::default()).unwrap();
        }
    };
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/harness")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            add(&path);
        }
    }
    add(&vectors.join("spruceid-ssi/lds-ed25519-2020-issuer0.jsonld"));
    let dids = vectors.join("dcc-vc-test-fixtures/dids");
    if let Ok(entries) = std::fs::read_dir(&dids) {
        for entry in entries {
            let did = entry.unwrap().path().join("did.json");
            if did.is_file() {
                add(&did);
            }
        }
    }
    for (url, file) in STATUS_LISTS {
        if let Ok(bytes) = std::fs::read(vectors.join(file)) {
            documents.insert_json(url, &bytes, &Limits::default()).unwrap();
        }
    }
    for suite in std::fs::read_dir(vectors.join(DCC_STATUS_LISTS)).into_iter().flatten() {
        let suite = suite.unwrap().path();
        for list in std::fs::read_dir(&suite).unwrap() {
            let list = list.unwrap().path();
            let (Some(suite_name), Some(name)) = (suite.file_name(), list.file_stem()) else { continue };
            let url = format!(
                "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/{}/{}",
                suite_name.to_string_lossy(),
                name.to_string_lossy()
            );
            documents.insert_json(&url, &std::fs::read(&list).unwrap(), &Limits::default()).unwrap();
        }
    }
    documents
}

/// Whether a manifest file holds a credential to verify: a credential file type, outside the
/// folders of other components' inputs, and not one of DCC's QR codes.
pub fn is_credential_file(path: &str) -> bool {
    [".json", ".jsonld", ".jwt", ".png", ".svg"].iter().any(|ext| path.ends_with(ext))
        && !NOT_CREDENTIALS.iter().any(|prefix| path.starts_with(prefix))
        && !is_dcc_qr_code(path)
}

/// The documents the vector at `path` (its bytes `sample`) is verified with: `harness` (from
/// [`harness_documents`]), plus 1EdTech's OB 2.0 assets for the OB 2.0 samples.
pub fn documents_for(vectors: &Path, harness: &Documents, path: &str, sample: &[u8]) -> Documents {
    if path.starts_with("1edtech-validator/ob20/") || path.starts_with("ob2/") {
        ob2_documents(vectors, harness, path, sample)
    } else {
        harness.clone()
    }
}
