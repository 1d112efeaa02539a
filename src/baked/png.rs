//! PNG: every chunk is walked (length checked against the bytes left, CRC-32 checked, at most
//! [`MAX_CHUNKS`]) from `IHDR` to `IEND`, and the one text chunk holding a credential is read:
//! `iTXt` (UTF-8, compressed or not: compressed text is inflated under the cap) or legacy `tEXt`
//! (Latin-1), keyword `openbadgecredential` (OB 3.0) or `openbadges` (OB 2.0).
//!
//! See: <https://www.w3.org/TR/png-3/#5Chunk-layout>, <https://www.w3.org/TR/png-3/#11iTXt>,
//! <https://www.w3.org/TR/png-3/#11tEXt>

use super::Version;
use crate::error::Error;
use crate::inflate::{inflate, Stopped, Wrapper};
use crate::input::PNG_SIGNATURE;
use crate::status::crc32;

/// Most chunks read from one image (a 1 MiB PNG of 8 KiB `IDAT` chunks has about 130).
pub const MAX_CHUNKS: usize = 8192;

/// PNG § 5.3: a chunk's length is at most 2^31 − 1.
const MAX_CHUNK_LENGTH: usize = 0x7fff_ffff;

/// The credential chunk's text and the baking its keyword names.
pub(super) fn credential_text(bytes: &[u8], max_text: usize) -> Result<(Version, String), Error> {
    let mut rest = bytes.strip_prefix(PNG_SIGNATURE.as_slice()).ok_or_else(|| malformed("no PNG signature"))?;
    let mut found = None;
    for index in 0..MAX_CHUNKS {
        let Chunk { kind, data, after } = chunk(rest, index)?;
        if index == 0 && kind != *b"IHDR" {
            return Err(malformed("the first chunk is not IHDR"));
        }
        if kind == *b"IEND" {
            if !after.is_empty() {
                return Err(malformed("bytes follow the IEND chunk"));
            }
            return found.ok_or(Error::BakedImageNoCredential("PNG"));
        }
        if let Some(text) = text_chunk(kind, data, max_text)? {
            if found.is_some() {
                return Err(Error::BakedImageAmbiguous("PNG"));
            }
            found = Some(text);
        }
        rest = after;
    }
    Err(malformed(&format!("more than {MAX_CHUNKS} chunks")))
}

/// A chunk read and checked: its type, its data and the bytes after it.
struct Chunk<'a> {
    kind: [u8; 4],
    data: &'a [u8],
    after: &'a [u8],
}

/// The chunk at the start of `bytes` (the `index`th of the image), CRC-32 checked.
fn chunk(bytes: &[u8], index: usize) -> Result<Chunk<'_>, Error> {
    // Length, type and CRC-32 take 12 bytes, whatever the data.
    let header = bytes.first_chunk::<8>().filter(|_| bytes.len() >= 12);
    let Some(&[l0, l1, l2, l3, t0, t1, t2, t3]) = header else {
        return Err(malformed(&format!("chunk {index} is truncated (the image ends before IEND)")));
    };
    let length = usize::try_from(u32::from_be_bytes([l0, l1, l2, l3])).unwrap_or(usize::MAX);
    let kind = [t0, t1, t2, t3];
    if !kind.iter().all(u8::is_ascii_alphabetic) {
        return Err(malformed(&format!("chunk {index} has an invalid type")));
    }
    let left = bytes.len().saturating_sub(12);
    if length > MAX_CHUNK_LENGTH || length > left {
        return Err(malformed(&format!("chunk {index} declares {length} bytes; {left} are left")));
    }
    let (checked, after) = bytes.split_at_checked(8 + length).ok_or_else(|| malformed("chunk length"))?;
    let (crc, after) = after.split_first_chunk::<4>().ok_or_else(|| malformed("chunk CRC"))?;
    // The CRC covers the type and the data (PNG § 5.3), which sit side by side.
    let covered = checked.get(4..).unwrap_or_default();
    if crc32(covered) != u32::from_be_bytes(*crc) {
        let name: String = kind.iter().map(|&b| char::from(b)).collect();
        return Err(malformed(&format!("chunk {index} ({name}) fails its CRC-32 check")));
    }
    Ok(Chunk { kind, data: covered.get(4..).unwrap_or_default(), after })
}

/// The text of an `iTXt` / `tEXt` chunk whose keyword is a credential's; `None` for any other chunk.
fn text_chunk(kind: [u8; 4], data: &[u8], max_text: usize) -> Result<Option<(Version, String)>, Error> {
    if kind != *b"iTXt" && kind != *b"tEXt" {
        return Ok(None);
    }
    let Some((keyword, rest)) = split_zero(data) else { return Ok(None) };
    let version = match keyword {
        b"openbadgecredential" => Version::OpenBadges3,
        b"openbadges" => Version::OpenBadges2,
        _ => return Ok(None),
    };
    if kind == *b"tEXt" {
        if rest.len() > max_text {
            return Err(too_long(max_text));
        }
        // Latin-1: every byte is the code point of the same value.
        return Ok(Some((version, rest.iter().map(|&b| char::from(b)).collect())));
    }
    // iTXt: compression flag, compression method, language tag\0, translated keyword\0, text.
    let Some(([flag, method], rest)) = rest.split_first_chunk::<2>().map(|(h, r)| (*h, r)) else {
        return Err(malformed("the iTXt chunk is truncated"));
    };
    let (_language, rest) = split_zero(rest).ok_or_else(|| malformed("the iTXt chunk is truncated"))?;
    let (_translated, text) = split_zero(rest).ok_or_else(|| malformed("the iTXt chunk is truncated"))?;
    let text = match (flag, method) {
        (0, _) if text.len() > max_text => return Err(too_long(max_text)),
        (0, _) => text.to_vec(),
        (1, 0) => inflate_zlib(text, max_text)?,
        _ => return Err(malformed("the iTXt chunk has an unknown compression flag or method")),
    };
    let text = String::from_utf8(text).map_err(|_| malformed("the iTXt text is not UTF-8"))?;
    Ok(Some((version, text)))
}

/// Inflates a zlib stream (RFC 1950: header, DEFLATE, Adler-32, all checked) into at most `limit`
/// bytes: a compression bomb stops at the cap.
fn inflate_zlib(input: &[u8], limit: usize) -> Result<Vec<u8>, Error> {
    match inflate(input, Wrapper::Zlib, limit, 4 * 1024) {
        Ok((text, read)) if read == input.len() => Ok(text),
        Ok(_) => Err(malformed("bytes follow the compressed iTXt text")),
        Err(Stopped::TooLarge) => Err(too_long(limit)),
        Err(Stopped::Corrupt) => Err(malformed("the compressed iTXt text is corrupt or truncated")),
    }
}

/// The bytes before the first zero byte, and those after it.
fn split_zero(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = bytes.iter().position(|&b| b == 0)?;
    Some((bytes.get(..at)?, bytes.get(at + 1..)?))
}

fn too_long(limit: usize) -> Error {
    malformed(&format!("the credential text is longer than {limit} bytes"))
}

fn malformed(why: &str) -> Error {
    Error::BakedImageMalformed(format!("PNG: {why}"))
}
