//! DEFLATE with a cap on the output (miniz_oxide's core decoder, no alloc helpers): status lists
//! (raw DEFLATE inside GZIP, `status/gzip.rs`) and compressed PNG text (zlib, `baked/png.rs`) go
//! through this one loop, so a compression bomb stops at the cap in both.

use miniz_oxide::inflate::core::{decompress as inflate_step, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// What wraps the DEFLATE data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wrapper {
    /// None: raw DEFLATE (RFC 1951), as inside GZIP.
    Raw,
    /// zlib (RFC 1950): its header and Adler-32 are checked.
    Zlib,
}

/// Why inflating stopped short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stopped {
    /// The output would pass the cap.
    TooLarge,
    /// The data is corrupt or truncated.
    Corrupt,
}

/// Inflates `input` into at most `limit` bytes, starting with a buffer of `first_buffer` bytes;
/// returns the output and how many input bytes the stream used (what follows is the caller's).
pub(crate) fn inflate(
    input: &[u8],
    wrapper: Wrapper,
    limit: usize,
    first_buffer: usize,
) -> Result<(Vec<u8>, usize), Stopped> {
    // The whole output stays in one buffer, so back-references never need a window copy.
    let mut flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    if wrapper == Wrapper::Zlib {
        flags |= inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER;
    }
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut output = vec![0; first_buffer.min(limit)];
    let (mut read, mut written) = (0, 0);
    loop {
        let rest = input.get(read..).unwrap_or_default();
        let (status, in_bytes, out_bytes) = inflate_step(&mut decompressor, rest, &mut output, written, flags);
        read += in_bytes;
        written += out_bytes;
        match status {
            TINFLStatus::Done => {
                output.truncate(written);
                return Ok((output, read));
            }
            TINFLStatus::HasMoreOutput if output.len() < limit => {
                let grown = output.len().saturating_mul(2).clamp(1, limit);
                output.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => return Err(Stopped::TooLarge),
            _ => return Err(Stopped::Corrupt),
        }
    }
}
