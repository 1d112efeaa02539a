use serde_json::json;

use super::*;

#[test]
fn tells_assertions_from_other_documents() {
    let ob2 = json!({"@context": CONTEXT, "type": "Assertion", "recipient": {}, "badge": "https://i.example/b"});
    assert_eq!(kind(&ob2), Kind::Assertion);
    let ob1 = json!({"uid": "1", "verify": {"type": "hosted", "url": "https://i.example/a"}, "recipient": "x", "badge": "https://i.example/b"});
    assert_eq!(kind(&ob1), Kind::Assertion);
    let ob05 = json!({"recipient": "sha256$00", "badge": {"version": "0.5.0"}});
    assert_eq!(kind(&ob05), Kind::Version05);
    let vc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]});
    assert_eq!(kind(&vc), Kind::Other);
    assert_eq!(kind(&json!([1])), Kind::Other);
}
