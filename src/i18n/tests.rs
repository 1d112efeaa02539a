use super::*;

/// Every language's file, whatever this build compiles in.
fn file(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("en.json"),
        Lang::De => include_str!("de.json"),
        Lang::Fr => include_str!("fr.json"),
        Lang::Es => include_str!("es.json"),
        Lang::Pt => include_str!("pt.json"),
        Lang::Ar => include_str!("ar.json"),
    }
}

#[test]
fn every_file_has_every_code_and_label_and_nothing_else() {
    for lang in Lang::ALL {
        let json: serde_json::Value = serde_json::from_str(file(lang)).unwrap();
        assert_eq!(json["language"], lang.tag());
        let keys = |section: &str| {
            let mut keys: Vec<String> = json[section].as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        let mut codes: Vec<String> = CODES.iter().map(|c| c.to_string()).collect();
        codes.sort();
        assert_eq!(keys("messages"), codes, "{}", lang.tag());
        let mut labels: Vec<String> = Label::ALL.iter().map(|l| l.key().to_owned()).collect();
        labels.sort();
        assert_eq!(keys("labels"), labels, "{}", lang.tag());
        let parsed = Catalogue::parse(file(lang), lang).unwrap();
        for label in Label::ALL {
            assert!(parsed.label(label).is_some_and(|t| !t.trim().is_empty()), "{} lacks {label:?}", lang.tag());
        }
    }
}

#[test]
fn a_catalogue_is_refused_for_another_language_or_when_not_one() {
    assert_eq!(Catalogue::parse(file(Lang::Fr), Lang::De).map(|_| ()), None);
    assert_eq!(Catalogue::parse("[]", Lang::De).map(|_| ()), None);
    assert_eq!(install(Lang::De, file(Lang::Fr)).unwrap_err().code(), "invalid_input");
    assert_eq!(install(Lang::De, "not json").unwrap_err().code(), "invalid_input");
}

#[test]
fn an_entry_a_file_lacks_reads_as_english() {
    let partial = r#"{"language":"de","labels":{"verified":"Verifiziert"},"messages":{"expired":""}}"#;
    let catalogue = Catalogue::parse(partial, Lang::De).unwrap();
    assert_eq!(catalogue.label(Label::Verified), Some("Verifiziert"));
    assert_eq!(catalogue.label(Label::Expired), None);
    assert_eq!(catalogue.message(0), None);
}

/// Without `all-languages` (the page's wasm): a language reads as English until its file is
/// installed, then as itself.
#[cfg(not(feature = "all-languages"))]
#[test]
fn without_all_languages_a_language_is_english_until_installed() {
    assert!(!Lang::Ar.is_loaded());
    assert_eq!(Lang::Ar.label(Label::Verified), "Verified");
    assert_eq!(Lang::Ar.message("expired"), Lang::En.message("expired"));
    install(Lang::Ar, file(Lang::Ar)).unwrap();
    assert!(Lang::Ar.is_loaded());
    assert_eq!(Lang::Ar.label(Label::Verified), "تم التحقق");
    assert_ne!(Lang::Ar.message("expired"), Lang::En.message("expired"));
}

#[cfg(feature = "all-languages")]
#[test]
fn every_code_has_a_sentence_in_every_language() {
    for lang in Lang::ALL {
        for code in CODES {
            let message = lang.message(code);
            assert!(message.is_some_and(|m| !m.is_empty()), "{} has no message for {code}", lang.tag());
        }
        assert_eq!(lang.message("no_such_code"), None);
    }
}

#[test]
fn every_code_the_readme_lists_is_in_the_catalogue() {
    let readme = include_str!("../../README.md");
    let start = readme.find("- **Codes**").unwrap();
    let end = start + readme[start..].find("- **`badge`**").unwrap();
    let listed: Vec<&str> = readme[start..end]
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|word| {
            word.starts_with(|c: char| c.is_ascii_lowercase())
                && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .filter(|word| *word != "unchecked") // an outcome, named in passing
        .collect();
    assert!(listed.len() > 40, "{listed:?}");
    for code in listed {
        assert!(CODES.contains(&code), "README lists {code}, the catalogue does not");
    }
}

#[cfg(feature = "all-languages")]
#[test]
fn translations_differ_from_english() {
    for lang in &Lang::ALL[1..] {
        let same = CODES.iter().filter(|c| lang.message(c) == Lang::En.message(c)).count();
        assert_eq!(same, 0, "{} copies English", lang.tag());
    }
}

#[test]
fn tags_pick_a_language_with_english_as_fallback() {
    assert_eq!(Lang::from_tag("de-CH"), Lang::De);
    assert_eq!(Lang::from_tag("PT_br"), Lang::Pt);
    assert_eq!(Lang::from_tag("ar"), Lang::Ar);
    assert_eq!(Lang::from_tag("zh-Hans"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
    assert!(Lang::Ar.is_rtl());
}
