//! Unit tests of the parent module: hand-made PNG and SVG images, each refusal with its code.
use std::io::Write;

use super::*;
use crate::input::PNG_SIGNATURE;
use crate::status::crc32;

const CAP: usize = 1024 * 1024;
const JSON: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"Ünïcode"}"#;
const JWS: &str = "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln";

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[4..]);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

fn itxt(keyword: &str, text: &[u8], compressed: bool) -> Vec<u8> {
    let mut data = keyword.as_bytes().to_vec();
    data.extend_from_slice(&[0, u8::from(compressed), 0, 0, 0]);
    data.extend_from_slice(text);
    chunk(b"iTXt", &data)
}

fn text(keyword: &str, text: &[u8]) -> Vec<u8> {
    let mut data = keyword.as_bytes().to_vec();
    data.push(0);
    data.extend_from_slice(text);
    chunk(b"tEXt", &data)
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A 1×1 PNG with `middle` between IHDR and IEND.
fn png(middle: &[Vec<u8>]) -> Vec<u8> {
    let mut out = PNG_SIGNATURE.to_vec();
    out.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
    for c in middle {
        out.extend_from_slice(c);
    }
    out.extend(chunk(b"IDAT", &zlib(&[0, 0])));
    out.extend(chunk(b"IEND", &[]));
    out
}

fn code(result: Result<Baked, Error>) -> &'static str {
    result.unwrap_err().code()
}

#[test]
fn png_itxt_json_is_read_as_the_ob3_credential() {
    let image = png(&[text("date:create", b"2021"), itxt("openbadgecredential", JSON.as_bytes(), false)]);
    let baked = from_png(&image, CAP).unwrap();
    assert_eq!(baked, Baked { version: Version::OpenBadges3, payload: Payload::Json(JSON.into()) });
}

#[test]
fn png_compressed_itxt_is_inflated() {
    let image = png(&[itxt("openbadgecredential", &zlib(JWS.as_bytes()), true)]);
    assert_eq!(from_png(&image, CAP).unwrap().payload, Payload::Jws(JWS.into()));
}

#[test]
fn png_legacy_text_chunk_is_latin_1_and_ob2() {
    let image = png(&[text("openbadges", b"https://example.org/assertions/\xe9")]);
    let baked = from_png(&image, CAP).unwrap();
    assert_eq!(baked.version, Version::OpenBadges2);
    assert_eq!(baked.payload, Payload::Url("https://example.org/assertions/é".into()));
}

#[test]
fn png_payloads_other_than_json_jws_or_https_url_are_refused() {
    for (keyword, payload) in [
        ("openbadgecredential", "https://example.org/credential"),
        ("openbadges", "http://example.org/assertion"),
        ("openbadges", "https://example.org/a b"),
        ("openbadges", "   "),
        ("openbadges", "hello"),
    ] {
        let image = png(&[itxt(keyword, payload.as_bytes(), false)]);
        assert_eq!(code(from_png(&image, CAP)), "baked_image_malformed", "{payload:?}");
    }
}

#[test]
fn png_without_a_credential_chunk_says_so() {
    let image = png(&[text("date:create", b"2021"), itxt("openbadgesx", JSON.as_bytes(), false)]);
    assert_eq!(code(from_png(&image, CAP)), "baked_image_no_credential");
}

#[test]
fn png_with_two_credential_chunks_is_ambiguous() {
    let one = itxt("openbadgecredential", JSON.as_bytes(), false);
    assert_eq!(code(from_png(&png(&[one.clone(), one.clone()]), CAP)), "baked_image_ambiguous");
    // An OB 2.0 and an OB 3.0 credential in one image: still two.
    let two = text("openbadges", b"https://example.org/assertion");
    assert_eq!(code(from_png(&png(&[one, two]), CAP)), "baked_image_ambiguous");
}

#[test]
fn png_with_a_bad_crc_is_refused() {
    let mut image = png(&[itxt("openbadgecredential", JSON.as_bytes(), false)]);
    let at = image.windows(4).position(|w| w == b"name").unwrap();
    image[at] ^= 1;
    let error = from_png(&image, CAP).unwrap_err();
    assert_eq!(error.code(), "baked_image_malformed");
    assert!(error.to_string().contains("chunk 1 (iTXt) fails its CRC-32 check"), "{error}");
}

#[test]
fn png_structure_errors_are_refused() {
    let good = png(&[itxt("openbadgecredential", JSON.as_bytes(), false)]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated in a chunk", good[..good.len() - 20].to_vec(), "are left"),
        ("no IEND", good[..good.len() - 12].to_vec(), "truncated (the image ends before IEND)"),
        ("IEND cut short", good[..good.len() - 3].to_vec(), "truncated (the image ends before IEND)"),
        (
            "huge length",
            {
                let mut image = PNG_SIGNATURE.to_vec();
                image.extend(chunk(b"IHDR", &[0; 13]));
                image.extend_from_slice(&[0x7f, 0xff, 0xff, 0xff]);
                image.extend_from_slice(b"iTXt openbadgecredential");
                image
            },
            "declares 2147483647 bytes",
        ),
        (
            "length past 2^31",
            {
                let mut image = good.clone();
                image[33..37].copy_from_slice(&[0xff; 4]);
                image
            },
            "declares",
        ),
        ("trailing bytes", [good.as_slice(), b"junk"].concat(), "bytes follow the IEND chunk"),
        ("no IHDR first", [PNG_SIGNATURE.as_slice(), &chunk(b"IEND", &[])].concat(), "first chunk is not IHDR"),
        ("bad type", [PNG_SIGNATURE.as_slice(), &chunk(b"IH1R", &[])].concat(), "invalid type"),
        ("no signature", good[1..].to_vec(), "no PNG signature"),
        ("empty", Vec::new(), "no PNG signature"),
        ("not a payload", png(&[itxt("openbadges", b"x", false)]), "neither"),
    ];
    for (name, image, message) in cases {
        let error = from_png(&image, CAP).unwrap_err();
        assert_eq!(error.code(), "baked_image_malformed", "{name}");
        assert!(error.to_string().contains(message), "{name}: {error}");
    }
    let mut method = "openbadges".as_bytes().to_vec();
    method.extend_from_slice(&[0, 1, 7, 0, 0]);
    method.extend(zlib(b"{}"));
    let error = from_png(&png(&[chunk(b"iTXt", &method)]), CAP).unwrap_err();
    assert!(error.to_string().contains("unknown compression"), "{error}");
    let error = from_png(&png(&[itxt("openbadges", b"{\xff}", false)]), CAP).unwrap_err();
    assert!(error.to_string().contains("not UTF-8"), "{error}");
    let error = from_png(&png(&[itxt("openbadges", b"\x78\x9c\x01\x02", true)]), CAP).unwrap_err();
    assert!(error.to_string().contains("corrupt or truncated"), "{error}");
}

#[test]
fn png_chunk_count_is_capped() {
    let many: Vec<Vec<u8>> = (0..MAX_CHUNKS).map(|_| chunk(b"tEXt", b"a\0b")).collect();
    let error = from_png(&png(&many), CAP).unwrap_err();
    assert!(error.to_string().contains("more than 8192 chunks"), "{error}");
}

#[test]
fn png_compression_bomb_stops_at_the_cap() {
    // 64 MiB of spaces compress to about 64 KiB; inflating stops at the 1 MiB cap.
    let bomb = zlib(&vec![b' '; 64 * 1024 * 1024]);
    assert!(bomb.len() < 100 * 1024);
    let error = from_png(&png(&[itxt("openbadgecredential", &bomb, true)]), CAP).unwrap_err();
    assert_eq!(error.code(), "baked_image_malformed");
    assert!(error.to_string().contains("longer than 1048576 bytes"), "{error}");
    // Uncompressed text is held to the same cap.
    let long = png(&[itxt("openbadgecredential", JSON.as_bytes(), false)]);
    assert!(from_png(&long, 10).unwrap_err().to_string().contains("longer than 10 bytes"));
}

fn svg(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">{body}<g/></svg>\n"
    )
}

fn svg_code(image: &str) -> &'static str {
    code(from_svg(image.as_bytes(), CAP))
}

#[test]
fn svg_cdata_json_is_read_as_the_ob3_credential() {
    let image = svg(&format!("<openbadges:credential>\n  <![CDATA[ {JSON} ]]>\n</openbadges:credential>"));
    let baked = from_svg(image.as_bytes(), CAP).unwrap();
    assert_eq!(baked, Baked { version: Version::OpenBadges3, payload: Payload::Json(JSON.into()) });
}

#[test]
fn svg_escaped_text_is_unescaped() {
    let escaped = r#"{&quot;a&quot;:&quot;&lt;&amp;&gt;&apos;&#233;&#x1F600;&quot;}"#;
    let image = svg(&format!("<openbadges:credential><!-- c -->{escaped}</openbadges:credential>"));
    assert_eq!(from_svg(image.as_bytes(), CAP).unwrap().payload, Payload::Json("{\"a\":\"<&>'é😀\"}".into()));
}

#[test]
fn svg_verify_attribute_holds_a_vc_jwt() {
    let image = svg(&format!("<openbadges:credential verify=\"{JWS}\"></openbadges:credential>"));
    assert_eq!(from_svg(image.as_bytes(), CAP).unwrap().payload, Payload::Jws(JWS.into()));
    let image = svg(&format!("<openbadges:credential verify='{JWS}'/>"));
    assert_eq!(from_svg(image.as_bytes(), CAP).unwrap().payload, Payload::Jws(JWS.into()));
    // A JWS and a JSON credential in one OB 3.0 element: which one?
    let image = svg(&format!("<openbadges:credential verify=\"{JWS}\">{JSON}</openbadges:credential>"));
    assert_eq!(svg_code(&image), "baked_image_ambiguous");
}

#[test]
fn svg_ob2_assertion_prefers_its_verify_url_and_any_prefix_works() {
    let image = format!(
        "<svg xmlns='http://www.w3.org/2000/svg'><g xmlns:ob='http://openbadges.org'><ob:assertion verify='https://example.org/a?x=1&amp;y=2'><![CDATA[{JSON}]]></ob:assertion></g></svg>"
    );
    let baked = from_svg(image.as_bytes(), CAP).unwrap();
    assert_eq!(baked.version, Version::OpenBadges2);
    assert_eq!(baked.payload, Payload::Url("https://example.org/a?x=1&y=2".into()));
    let hosted_json = image.replace(" verify='https://example.org/a?x=1&amp;y=2'", "");
    assert_eq!(from_svg(hosted_json.as_bytes(), CAP).unwrap().payload, Payload::Json(JSON.into()));
}

#[test]
fn svg_namespaces_decide_not_prefix_names() {
    // `openbadges:` bound to another namespace is not a credential element.
    let other = svg("<x:credential xmlns:x='https://example.org/other'>{}</x:credential>");
    assert_eq!(svg_code(&other), "baked_image_no_credential");
    // The binding is scoped to its element.
    let out_of_scope = "<svg><g xmlns:ob='https://purl.imsglobal.org/ob/v3p0'/><ob:credential>{}</ob:credential></svg>";
    assert_eq!(svg_code(out_of_scope), "baked_image_malformed");
    // A default namespace works too.
    let default = "<svg><credential xmlns='https://purl.imsglobal.org/ob/v3p0'>{}</credential></svg>";
    assert_eq!(from_svg(default.as_bytes(), CAP).unwrap().payload, Payload::Json("{}".into()));
    assert_eq!(svg_code(&svg("")), "baked_image_no_credential");
}

#[test]
fn svg_with_two_credentials_is_ambiguous() {
    let one = format!("<openbadges:credential>{JSON}</openbadges:credential>");
    assert_eq!(svg_code(&svg(&format!("{one}{one}"))), "baked_image_ambiguous");
}

#[test]
fn svg_external_dtd_is_skipped_but_an_internal_subset_is_refused() {
    let body = format!("<openbadges:credential>{JSON}</openbadges:credential>");
    let external = svg(&body).replace(
        "<svg ",
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg ",
    );
    assert!(from_svg(external.as_bytes(), CAP).is_ok());
    let laughs = "<!DOCTYPE svg [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>";
    let bomb = svg(&body.replace("{", "{&lol2;")).replace("<svg ", &format!("{laughs}\n<svg "));
    let error = from_svg(bomb.as_bytes(), CAP).unwrap_err();
    assert_eq!(error.code(), "baked_image_malformed");
    assert!(error.to_string().contains("internal subset"), "{error}");
    let entity = svg(&format!("<!ENTITY x 'y'>{body}"));
    assert!(from_svg(entity.as_bytes(), CAP).unwrap_err().to_string().contains("<!ENTITY"));
}

#[test]
fn svg_unknown_entities_are_refused() {
    for text in ["&nbsp;", "&x;", "& ", "&#0;", "&#xD800;", "&#x110000;", "&#1;", "&#x;", "&#12a;"] {
        let image = svg(&format!("<openbadges:credential>{{\"a\":\"{text}\"}}</openbadges:credential>"));
        let error = from_svg(image.as_bytes(), CAP).unwrap_err();
        assert_eq!(error.code(), "baked_image_malformed", "{text}");
    }
    // Anywhere in the document, not only in the credential.
    let image = svg(&format!("<text>&copy;</text><openbadges:credential>{JSON}</openbadges:credential>"));
    assert_eq!(svg_code(&image), "baked_image_malformed");
}

#[test]
fn svg_structure_errors_are_refused() {
    let body = format!("<openbadges:credential>{JSON}</openbadges:credential>");
    let cases = [
        ("mismatched end", svg(&body).replace("</svg>", "</g>"), "does not match"),
        ("unclosed", svg(&body).replace("</svg>", ""), "ends before"),
        ("child element", svg("<openbadges:credential><b/>{}</openbadges:credential>"), "child elements"),
        ("two roots", format!("{}<svg/>", svg(&body)), "more than one root"),
        ("text outside", format!("x{}", svg(&body)), "outside the root"),
        ("unquoted", svg(&body).replace("<g/>", "<g a=b/>"), "unquoted"),
        ("< in value", svg(&body).replace("<g/>", "<g a='<'/>"), "a < in an attribute"),
        ("two verify", svg("<openbadges:credential verify='a' verify='b'/>"), "twice"),
        ("unterminated comment", svg("<!-- x"), "comment"),
        ("unterminated cdata", svg("<openbadges:credential><![CDATA[ x"), "CDATA"),
        ("bad name", svg("< g/>"), "valid name"),
        ("end without start", format!("{}</x>", svg(&body)), "without a start"),
    ];
    for (name, image, message) in cases {
        let error = from_svg(image.as_bytes(), CAP).unwrap_err();
        assert_eq!(error.code(), "baked_image_malformed", "{name}");
        assert!(error.to_string().contains(message), "{name}: {error}");
    }
    assert!(from_svg(b"<svg>\xff</svg>", CAP).unwrap_err().to_string().contains("not UTF-8"));
}

#[test]
fn svg_depth_and_text_are_capped() {
    let deep = format!("<svg>{}{}</svg>", "<g>".repeat(MAX_DEPTH), "</g>".repeat(MAX_DEPTH));
    let error = from_svg(deep.as_bytes(), CAP).unwrap_err();
    assert!(error.to_string().contains("deeper than 256"), "{error}");
    let fits = format!("<svg>{}{}</svg>", "<g>".repeat(MAX_DEPTH - 1), "</g>".repeat(MAX_DEPTH - 1));
    assert_eq!(code(from_svg(fits.as_bytes(), CAP)), "baked_image_no_credential");
    let image = svg(&format!("<openbadges:credential>{JSON}</openbadges:credential>"));
    assert!(from_svg(image.as_bytes(), 10).unwrap_err().to_string().contains("longer than 10 bytes"));
    // Namespace declarations in scope are capped (each one is compared with those of its element).
    let many: String = (0..300).map(|i| format!(" xmlns:p{i}='urn:x'")).collect();
    let error = from_svg(format!("<svg{many}/>").as_bytes(), CAP).unwrap_err();
    assert!(error.to_string().contains("more than 256 namespace declarations"), "{error}");
    let nested: String = (0..200).map(|i| format!("<g xmlns:p{i}='urn:x'>")).collect();
    let closed = "</g>".repeat(200);
    let error = from_svg(
        format!("<svg xmlns:a='urn:a' xmlns:b='urn:b'>{nested}{nested}{closed}{closed}</svg>").as_bytes(),
        CAP,
    );
    assert!(error.unwrap_err().to_string().contains("more than 256 namespace declarations"));
    let fits: String = (0..250).map(|i| format!(" xmlns:p{i}='urn:x'")).collect();
    assert_eq!(code(from_svg(format!("<svg{fits}/>").as_bytes(), CAP)), "baked_image_no_credential");
}
