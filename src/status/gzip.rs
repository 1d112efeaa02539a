//! GZIP (RFC 1952) decoding with a hard cap on the output: the member header and trailer are
//! read here (including the CRC-32 and length checks), the DEFLATE data by `miniz_oxide`'s core
//! decoder. A stream that inflates past the cap stops there, as `status_list_too_large`, so a
//! GZIP bomb costs at most the cap in memory and the time to fill it.
//!
//! See: <https://www.rfc-editor.org/rfc/rfc1952#section-2.3>

use crate::error::Error;
use crate::inflate::{inflate, Stopped, Wrapper};

// Header flags (RFC 1952 §2.3.1). FTEXT (bit 0) is only a hint.
const FHCRC: u8 = 1 << 1;
const FEXTRA: u8 = 1 << 2;
const FNAME: u8 = 1 << 3;
const FCOMMENT: u8 = 1 << 4;
const RESERVED: u8 = 0b1110_0000;

/// The data of the single GZIP member in `bytes`, at most `limit` bytes of it.
///
/// # Errors
/// `status_list_too_large` past `limit`; `invalid_status_list` when `bytes` is not one
/// well-formed GZIP member (bad header, corrupt or truncated DEFLATE data, CRC-32 or length
/// mismatch, bytes after the member).
pub(crate) fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, Error> {
    let mut reader = Reader { bytes, position: 0 };
    let header = reader.take(10).ok_or_else(|| invalid("too short for a GZIP header"))?;
    // ID1 ID2 CM FLG MTIME(4) XFL OS; CM 8 is DEFLATE, the only method defined.
    let Ok([0x1f, 0x8b, 8, flags, ..]) = <[u8; 10]>::try_from(header) else {
        return Err(invalid("not GZIP data (no 1f 8b 08 header)"));
    };
    if flags & RESERVED != 0 {
        return Err(invalid("GZIP header has reserved flags set"));
    }
    if flags & FEXTRA != 0 {
        let length = reader.take(2).map(le_u16).ok_or_else(|| invalid("GZIP extra field is truncated"))?;
        reader.take(usize::from(length)).ok_or_else(|| invalid("GZIP extra field is truncated"))?;
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            reader.skip_zero_terminated().ok_or_else(|| invalid("GZIP file name or comment is unterminated"))?;
        }
    }
    if flags & FHCRC != 0 {
        let header_bytes = bytes.get(..reader.position).unwrap_or_default();
        let expected = reader.take(2).map(le_u16).ok_or_else(|| invalid("GZIP header CRC is truncated"))?;
        if (crc32(header_bytes) & 0xffff) as u16 != expected {
            return Err(invalid("GZIP header CRC does not match"));
        }
    }
    // A list of the minimum size (16 KiB) fits the first buffer.
    let (data, consumed) = inflate(reader.rest(), Wrapper::Raw, limit, 16 * 1024).map_err(|stopped| match stopped {
        Stopped::TooLarge => Error::StatusListTooLarge { limit },
        Stopped::Corrupt => invalid("the GZIP data is corrupt or truncated"),
    })?;
    reader.position += consumed;
    let trailer = reader.take(8).ok_or_else(|| invalid("GZIP trailer is truncated"))?;
    let (crc, size) = trailer.split_at(4);
    if crc32(&data) != le_u32(crc) {
        return Err(invalid("GZIP CRC-32 does not match the data"));
    }
    // ISIZE is the length modulo 2^32; `limit` keeps it far below that.
    if u32::try_from(data.len()).ok() != Some(le_u32(size)) {
        return Err(invalid("GZIP length does not match the data"));
    }
    if !reader.rest().is_empty() {
        return Err(invalid("bytes follow the GZIP data"));
    }
    Ok(data)
}

/// CRC-32 (ISO 3309, as RFC 1952 §8 computes it).
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0_u32, |crc, &byte| {
        let slot = CRC_TABLE.get(usize::from((crc as u8) ^ byte)).copied().unwrap_or_default();
        slot ^ (crc >> 8)
    })
}

/// The CRC-32 of every byte value (reflected polynomial 0xEDB88320), built at compile time.
// Evaluated by the compiler: an index out of bounds would fail the build, never panic at run time.
#[allow(clippy::indexing_slicing)]
const CRC_TABLE: [u32; 256] = {
    let mut table = [0_u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.position..self.position.checked_add(count)?)?;
        self.position += count;
        Some(taken)
    }

    fn skip_zero_terminated(&mut self) -> Option<()> {
        let length = self.rest().iter().position(|&b| b == 0)?;
        self.take(length + 1).map(drop)
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.position..).unwrap_or_default()
    }
}

fn le_u16(bytes: &[u8]) -> u16 {
    bytes.iter().rev().fold(0, |value, &b| (value << 8) | u16::from(b))
}

fn le_u32(bytes: &[u8]) -> u32 {
    bytes.iter().rev().fold(0, |value, &b| (value << 8) | u32::from(b))
}

fn invalid(why: &str) -> Error {
    Error::InvalidStatusList(format!("encodedList: {why}"))
}
