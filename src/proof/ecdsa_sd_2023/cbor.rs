//! A minimal CBOR reader (RFC 8949 §3) for exactly what an ecdsa-sd-2023 proof value holds: one
//! tag, arrays, maps with unsigned keys, byte strings, unsigned integers and text strings (the
//! base proof's mandatory pointers). Definite lengths only; every length is checked against the
//! bytes left before anything is allocated or sliced. Floats, negative integers, simple values
//! and indefinite lengths are refused (`invalid_proof_value`): the spec's values never hold them.
//! A general CBOR crate would add bytes to the wasm for types the suite never uses.
//! See: <https://www.rfc-editor.org/rfc/rfc8949#section-3>

use crate::error::Error;

/// Major types (RFC 8949 §3.1).
const UNSIGNED: u8 = 0;
const BYTES: u8 = 2;
const TEXT: u8 = 3;
const ARRAY: u8 = 4;
const MAP: u8 = 5;
const TAG: u8 = 6;

/// Reads CBOR items one after the other from a byte slice.
#[derive(Debug)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    /// The next item's head: its major type and argument (§3, additional information 0–27).
    fn head(&mut self) -> Result<(u8, u64), Error> {
        let (&initial, rest) = self.rest.split_first().ok_or(Error::InvalidProofValue)?;
        let (major, info) = (initial >> 5, initial & 0x1f);
        let width = match info {
            0..=23 => {
                self.rest = rest;
                return Ok((major, u64::from(info)));
            }
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            _ => return Err(Error::InvalidProofValue), // reserved, or an indefinite length
        };
        let (argument, rest) = rest.split_at_checked(width).ok_or(Error::InvalidProofValue)?;
        self.rest = rest;
        Ok((major, argument.iter().fold(0, |value, &byte| (value << 8) | u64::from(byte))))
    }

    fn expect(&mut self, major: u8) -> Result<u64, Error> {
        match self.head()? {
            (found, argument) if found == major => Ok(argument),
            _ => Err(Error::InvalidProofValue),
        }
    }

    /// A count of items still to read: each takes at least `min_bytes`, so a count larger than
    /// the bytes left can allow is refused before any allocation.
    fn count(&self, argument: u64, min_bytes: usize) -> Result<usize, Error> {
        usize::try_from(argument)
            .ok()
            .filter(|&count| count.saturating_mul(min_bytes) <= self.rest.len())
            .ok_or(Error::InvalidProofValue)
    }

    /// A tag number (major type 6).
    ///
    /// # Errors
    /// `invalid_proof_value` for any other item.
    pub fn tag(&mut self) -> Result<u64, Error> {
        self.expect(TAG)
    }

    /// An array's length (major type 4).
    ///
    /// # Errors
    /// `invalid_proof_value` for any other item or a length the bytes left cannot hold.
    pub fn array(&mut self) -> Result<usize, Error> {
        let argument = self.expect(ARRAY)?;
        self.count(argument, 1)
    }

    /// A map's number of entries (major type 5).
    ///
    /// # Errors
    /// As [`Reader::array`].
    pub fn map(&mut self) -> Result<usize, Error> {
        let argument = self.expect(MAP)?;
        self.count(argument, 2)
    }

    /// An unsigned integer (major type 0).
    ///
    /// # Errors
    /// `invalid_proof_value` for any other item.
    pub fn unsigned(&mut self) -> Result<u64, Error> {
        self.expect(UNSIGNED)
    }

    /// A byte string (major type 2), borrowed.
    ///
    /// # Errors
    /// `invalid_proof_value` for any other item or a length past the end.
    pub fn bytes(&mut self) -> Result<&'a [u8], Error> {
        let argument = self.expect(BYTES)?;
        self.take(argument)
    }

    /// A text string (major type 3), borrowed.
    ///
    /// # Errors
    /// `invalid_proof_value` for any other item, a length past the end, or invalid UTF-8.
    pub fn text(&mut self) -> Result<&'a str, Error> {
        let argument = self.expect(TEXT)?;
        std::str::from_utf8(self.take(argument)?).map_err(|_| Error::InvalidProofValue)
    }

    fn take(&mut self, length: u64) -> Result<&'a [u8], Error> {
        let length = usize::try_from(length).map_err(|_| Error::InvalidProofValue)?;
        let (taken, rest) = self.rest.split_at_checked(length).ok_or(Error::InvalidProofValue)?;
        self.rest = rest;
        Ok(taken)
    }

    /// Ok when every byte was read.
    ///
    /// # Errors
    /// `invalid_proof_value` when bytes are left over.
    pub fn finish(self) -> Result<(), Error> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(Error::InvalidProofValue)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_items_the_suite_uses() {
        // tag 23809 [h'0102', 500, {0: h''}, "a"]
        let bytes = [0xd9, 0x5d, 0x01, 0x84, 0x42, 1, 2, 0x19, 0x01, 0xf4, 0xa1, 0x00, 0x40, 0x61, b'a'];
        let mut reader = Reader::new(&bytes);
        assert_eq!(reader.tag(), Ok(0x5d01));
        assert_eq!(reader.array(), Ok(4));
        assert_eq!(reader.bytes(), Ok(&[1u8, 2][..]));
        assert_eq!(reader.unsigned(), Ok(500));
        assert_eq!(reader.map(), Ok(1));
        assert_eq!(reader.unsigned(), Ok(0));
        assert_eq!(reader.bytes(), Ok(&[][..]));
        assert_eq!(reader.text(), Ok("a"));
        assert_eq!(reader.finish(), Ok(()));
    }

    #[test]
    fn refuses_what_the_suite_never_holds() {
        let code = |bytes: &[u8], read: fn(&mut Reader<'_>) -> Result<(), Error>| {
            read(&mut Reader::new(bytes)).unwrap_err().code()
        };
        // Indefinite-length array, negative integer, float, a length past the end, a huge count.
        assert_eq!(code(&[0x9f, 0xff], |r| r.array().map(drop)), "invalid_proof_value");
        assert_eq!(code(&[0x20], |r| r.unsigned().map(drop)), "invalid_proof_value");
        assert_eq!(code(&[0xfa, 0, 0, 0, 0], |r| r.unsigned().map(drop)), "invalid_proof_value");
        assert_eq!(code(&[0x58, 0x40, 1, 2], |r| r.bytes().map(drop)), "invalid_proof_value");
        assert_eq!(
            code(&[0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], |r| r.array().map(drop)),
            "invalid_proof_value"
        );
        assert_eq!(code(&[0x19, 0x01], |r| r.unsigned().map(drop)), "invalid_proof_value");
        assert_eq!(code(&[0x62, 0xff, 0xfe], |r| r.text().map(drop)), "invalid_proof_value");
        assert_eq!(Reader::new(&[0]).finish(), Err(Error::InvalidProofValue));
    }
}
