//! The achievement's `achievementType` in words: a value of the Open Badges 3.0 enumeration is
//! written in UpperCamelCase (`MicroCredential`, `BachelorDegree`, `CertificateOfCompletion`),
//! so its words are split out ("Micro credential", "Bachelor degree", "Certificate of
//! completion"); an extension value (`ext:…`) or any other value (spaces, digits, other
//! scripts) is shown as written. A table of the 31 values' English labels cost the core wasm
//! 449 bytes more gzip (231,512 against 231,063) for little better words, and knew no new value.
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#org.1edtech.ob.v3p0.achievementtype.class>

/// The label of an `achievementType` value.
pub(super) fn label(value: &str) -> String {
    let is_camel =
        value.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && value.chars().all(|c| c.is_ascii_alphabetic());
    if !is_camel {
        return value.to_owned();
    }
    let mut words = String::with_capacity(value.len() + 4);
    for (i, c) in value.chars().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            words.push(' ');
            words.push(c.to_ascii_lowercase());
        } else {
            words.push(c);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn enumeration_values_read_as_words_and_others_as_written() {
        assert_eq!(label("MicroCredential"), "Micro credential");
        assert_eq!(label("BachelorDegree"), "Bachelor degree");
        assert_eq!(label("CertificateOfCompletion"), "Certificate of completion");
        assert_eq!(label("Course"), "Course");
        assert_eq!(label("ext:Hackathon"), "ext:Hackathon");
        assert_eq!(label("Full stack"), "Full stack");
        assert_eq!(label("<b>x</b>"), "<b>x</b>");
        assert_eq!(label(""), "");
    }
}
