//! Hostile-input JSON: a size cap before anything is read, caps on nesting and on the number of
//! arrays and objects checked by a linear pre-scan (so no parser recursion ever runs deep, and no
//! input parses into more heap nodes than the cap allows), and duplicate object keys refused (two
//! parsers must never disagree about which value was signed).

use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::Error;

/// Caps on the work one input may cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 1 MiB).
    pub max_input_bytes: usize,
    /// Deepest nesting of arrays and objects accepted (default 64).
    pub max_depth: usize,
    /// Most arrays and objects in one input (default 8,192: 48 times the 170 of the largest real
    /// credential in the test vectors, 1EdTech's complete OB 3.0 example). Each one parses into a
    /// heap node of up to 600 bytes and is walked by every later stage, so a 1 MiB input of tiny
    /// objects would otherwise cost some 50 MB per copy (`benches/worst`).
    pub max_containers: usize,
    /// Most JSON values of any kind in one input (default 65,536; the largest real credential
    /// has under 1,000). Bounds scalars as [`Limits::max_containers`] bounds arrays and objects:
    /// 1 MiB of `"a",` would otherwise parse into 250,000 values (16 MB per copy).
    pub max_values: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_input_bytes: 1024 * 1024, max_depth: 64, max_containers: 8192, max_values: 65_536 }
    }
}

/// Parses untrusted JSON under `limits`.
///
/// # Errors
/// `InputTooLarge`, `JsonTooDeep`, `JsonTooComplex`, or `MalformedJson` (also for duplicate keys
/// and non-UTF-8).
pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Value, Error> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Error::InputTooLarge { size: bytes.len(), limit: limits.max_input_bytes });
    }
    check_shape(bytes, limits)?;
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = StrictValue.deserialize(&mut deserializer).map_err(malformed)?;
    deserializer.end().map_err(malformed)?;
    Ok(value)
}

fn malformed(error: serde_json::Error) -> Error {
    Error::MalformedJson { line: error.line(), column: error.column(), reason: error.to_string() }
}

/// Counts bracket depth, brackets and commas outside strings (a document holds at most one
/// value more than its brackets and commas together). Malformed input is left for the parser.
fn check_shape(bytes: &[u8], limits: &Limits) -> Result<(), Error> {
    let (mut depth, mut containers, mut commas, mut in_string, mut escaped) = (0usize, 0usize, 0usize, false, false);
    let too_many_values = Error::JsonTooComplex { what: "values", limit: limits.max_values };
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(Error::JsonTooDeep { limit: limits.max_depth });
                }
                containers += 1;
                if containers > limits.max_containers {
                    return Err(Error::JsonTooComplex { what: "arrays and objects", limit: limits.max_containers });
                }
                if containers + commas >= limits.max_values {
                    return Err(too_many_values);
                }
            }
            b',' => {
                commas += 1;
                if containers + commas >= limits.max_values {
                    return Err(too_many_values);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Deserializes a `serde_json::Value`, refusing duplicate object keys.
struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v).map(Value::Number).ok_or_else(|| E::custom("number is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(StrictValue)?;
            // One lookup per key (`entry`), not two: a wide object's parse was half lookups.
            match object.entry(key) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                serde_json::map::Entry::Occupied(slot) => {
                    return Err(de::Error::custom(format_args!("duplicate key {:?}", slot.key())));
                }
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_capped_before_parsing() {
        let limits = Limits { max_input_bytes: 4, ..Limits::default() };
        assert_eq!(parse(b"{\"a\":1}", &limits), Err(Error::InputTooLarge { size: 7, limit: 4 }));
    }

    #[test]
    fn depth_is_capped_and_strings_do_not_count() {
        let limits = Limits { max_depth: 3, ..Limits::default() };
        assert!(parse(b"[[[1]]]", &limits).is_ok());
        assert_eq!(parse(b"[[[[1]]]]", &limits), Err(Error::JsonTooDeep { limit: 3 }));
        assert!(parse(br#"["[[[[\"[[[["]"#, &limits).is_ok());
        // A deep attack is refused without recursion.
        let deep = "[".repeat(1_000_000);
        assert_eq!(parse(deep.as_bytes(), &Limits::default()).map(|_| ()).unwrap_err().code(), "json_too_deep");
    }

    #[test]
    fn arrays_and_objects_are_counted_outside_strings() {
        let limits = Limits { max_containers: 3, ..Limits::default() };
        assert!(parse(br#"[{},[],"[{"]"#, &limits).is_ok());
        let over = Err(Error::JsonTooComplex { what: "arrays and objects", limit: 3 });
        assert_eq!(parse(b"[{},[],{}]", &limits), over);
        let limits = Limits { max_values: 4, ..Limits::default() };
        assert!(parse(br#"[1,2,"a,b,c"]"#, &limits).is_ok());
        assert_eq!(parse(b"[1,2,3,4]", &limits), Err(Error::JsonTooComplex { what: "values", limit: 4 }));
        assert_eq!(parse(b"[[1],[2]]", &limits).unwrap_err().code(), "json_too_complex");
    }

    #[test]
    fn duplicate_keys_are_malformed() {
        let error = parse(br#"{"a":1,"b":{"c":1,"c":2}}"#, &Limits::default()).unwrap_err();
        assert_eq!(error.code(), "malformed_json");
        assert!(error.to_string().contains("duplicate key \"c\""), "{error}");
    }

    #[test]
    fn malformed_json_says_where() {
        let error = parse(b"{\n  \"a\": tru }", &Limits::default()).unwrap_err();
        assert!(matches!(error, Error::MalformedJson { line: 2, .. }), "{error:?}");
        assert_eq!(parse(b"{} {}", &Limits::default()).unwrap_err().code(), "malformed_json");
        assert_eq!(parse(b"\xff", &Limits::default()).unwrap_err().code(), "malformed_json");
    }
}
