//! A CBOR encoder (RFC 8949 §3) for exactly what an ecdsa-sd-2023 proof value holds: a tag,
//! arrays, maps with unsigned keys, byte strings, text strings and unsigned integers, each head
//! in its shortest form (§4.2.1, as the JavaScript reference's cborg writes it). Test-only: the
//! product only reads CBOR (src/proof/ecdsa_sd_2023/cbor.rs). Hand-written rather than the
//! ciborium dev-dependency: these 40 lines are all the issuer and holder need, and the
//! `cbor_encoder_matches_the_w3c_proof_values` test checks them byte for byte against the W3C
//! vectors' proof values.

/// One CBOR data item of the kinds the suite uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Major type 0.
    Unsigned(u64),
    /// Major type 2.
    Bytes(Vec<u8>),
    /// Major type 3.
    Text(String),
    /// Major type 4.
    Array(Vec<Item>),
    /// Major type 5, keys in the order given.
    Map(Vec<(Item, Item)>),
}

/// Appends `item` to `out`.
pub fn encode(item: &Item, out: &mut Vec<u8>) {
    match item {
        Item::Unsigned(value) => head(0, *value, out),
        Item::Bytes(bytes) => {
            head(2, bytes.len() as u64, out);
            out.extend_from_slice(bytes);
        }
        Item::Text(text) => {
            head(3, text.len() as u64, out);
            out.extend_from_slice(text.as_bytes());
        }
        Item::Array(items) => {
            head(4, items.len() as u64, out);
            items.iter().for_each(|item| encode(item, out));
        }
        Item::Map(entries) => {
            head(5, entries.len() as u64, out);
            for (key, value) in entries {
                encode(key, out);
                encode(value, out);
            }
        }
    }
}

/// A head: major type and argument, the argument in the fewest bytes (§3, §4.2.1).
pub fn head(major: u8, argument: u64, out: &mut Vec<u8>) {
    let major = major << 5;
    match argument {
        0..=23 => out.push(major | argument as u8),
        24..=0xff => out.extend_from_slice(&[major | 24, argument as u8]),
        0x100..=0xffff => {
            out.push(major | 25);
            out.extend_from_slice(&(argument as u16).to_be_bytes());
        }
        0x1_0000..=0xffff_ffff => {
            out.push(major | 26);
            out.extend_from_slice(&(argument as u32).to_be_bytes());
        }
        _ => {
            out.push(major | 27);
            out.extend_from_slice(&argument.to_be_bytes());
        }
    }
}
