//! RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, strings
//! escaped as ECMAScript `JSON.stringify` does, numbers in ECMAScript `Number.prototype.toString`
//! form. Written here (about 100 lines) rather than
//! taken from a crate: it reuses `zmij`, the float formatter serde_json already links.

use serde_json::{Map, Value};

use crate::error::Error;

/// The canonical UTF-8 serialization of `value`.
///
/// # Errors
/// `NonCanonicalizableNumber` for a number that is not a finite IEEE 754 double.
pub fn canonicalize(value: &Value) -> Result<String, Error> {
    let mut out = String::new();
    write_value(value, &mut out)?;
    Ok(out)
}

/// The canonical serialization of a JSON object.
///
/// # Errors
/// As [`canonicalize`].
pub fn canonicalize_object(map: &Map<String, Value>) -> Result<String, Error> {
    let mut out = String::new();
    write_object(map, &mut out)?;
    Ok(out)
}

fn write_value(value: &Value, out: &mut String) -> Result<(), Error> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let f = n.as_f64().ok_or(Error::NonCanonicalizableNumber)?;
            write_number(f, out)?;
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => write_object(map, out)?,
    }
    Ok(())
}

fn write_object(map: &Map<String, Value>, out: &mut String) -> Result<(), Error> {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    // RFC 8785 §3.2.3: sort by the keys' UTF-16 code units, not by UTF-8 bytes.
    entries.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    out.push('{');
    for (i, (key, item)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(key, out);
        out.push(':');
        write_value(item, out)?;
    }
    out.push('}');
    Ok(())
}

/// ECMAScript `JSON.stringify` string escaping (RFC 8785 §3.2.2.2).
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX.get(n >> 4).copied().unwrap_or(b'0')));
                out.push(char::from(HEX.get(n & 0xf).copied().unwrap_or(b'0')));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// ECMAScript `Number::toString(x)` (ECMA-262 §6.1.6.1.20) for a finite double, from the
/// shortest round-tripping digits that `zmij` finds.
fn write_number(x: f64, out: &mut String) -> Result<(), Error> {
    if !x.is_finite() {
        return Err(Error::NonCanonicalizableNumber);
    }
    if x == 0.0 {
        out.push('0'); // also for -0
        return Ok(());
    }
    if x < 0.0 {
        out.push('-');
    }
    let mut buffer = zmij::Buffer::new();
    let (digits, n) = decimal_digits(buffer.format_finite(x.abs()));
    let k = digits.len() as i64;
    let digits = digits.as_str();
    let zeros = |count: i64| "0".repeat(usize::try_from(count).unwrap_or(0));
    if k <= n && n <= 21 {
        out.push_str(digits);
        out.push_str(&zeros(n - k));
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(usize::try_from(n).unwrap_or(0));
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.push_str(&zeros(-n));
        out.push_str(digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let e = n - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&e.abs().to_string());
    }
    Ok(())
}

/// Splits zmij's output (`"333333333.3333333"`, `"1e30"`, `"2.5e-7"`) into the significant
/// digits (no leading or trailing zeros) and `n`, where value = 0.digits × 10^n.
fn decimal_digits(formatted: &str) -> (String, i64) {
    let (mantissa, exponent) = match formatted.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (formatted, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut point = int.len() as i64;
    let all: String = int.chars().chain(frac.chars()).collect();
    let trimmed_front = all.trim_start_matches('0');
    point -= (all.len() - trimmed_front.len()) as i64;
    let digits = trimmed_front.trim_end_matches('0').to_owned();
    (digits, point + exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(x: f64) -> String {
        let mut out = String::new();
        write_number(x, &mut out).unwrap();
        out
    }

    #[test]
    fn numbers_follow_ecmascript() {
        // Cases from RFC 8785 Appendix B and ECMA-262's switch points.
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-1.5, "-1.5"),
            (4.5, "4.5"),
            (0.002, "0.002"),
            (1e-7, "1e-7"),
            (0.000001, "0.000001"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1e30, "1e+30"),
            (1e-27, "1e-27"),
            (333333333.3333333, "333333333.3333333"),
            (9007199254740992.0, "9007199254740992"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (295147905179352830000.0, "295147905179352830000"),
            (-1.2345e-10, "-1.2345e-10"),
        ];
        for (x, want) in cases {
            assert_eq!(number(*x), *want, "{x:e}");
        }
    }

    #[test]
    fn non_finite_numbers_cannot_be_canonicalized() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(write_number(x, &mut String::new()), Err(Error::NonCanonicalizableNumber));
        }
    }

    #[test]
    fn keys_sort_by_utf16_not_utf8() {
        // U+10000 sorts after U+E000 in UTF-8 (F0.. > EE..) but before it in UTF-16 (D800 < E000).
        let value: Value = serde_json::from_str(r#"{"\ud800\udc00":1,"\ue000":2,"a":3}"#).unwrap();
        assert_eq!(canonicalize(&value).unwrap(), "{\"a\":3,\"\u{10000}\":1,\"\u{e000}\":2}");
    }

    #[test]
    fn strings_escape_like_json_stringify() {
        let value = Value::String("\u{0}\u{1f}\u{7f}\"\\/\u{2028}é".into());
        assert_eq!(canonicalize(&value).unwrap(), "\"\\u0000\\u001f\u{7f}\\\"\\\\/\u{2028}é\"");
    }
}
