//! Deflate compression for the editions, with one compressor per thread:
//! zlib streams for PDF, raw deflate for the entries of an EPUB's zip.
//!
//! Setting up a compressor clears its window and hash tables (hundreds of
//! kilobytes); a PDF has a stream per page plus fonts, an EPUB about ten
//! entries, and a batch writes thousands of each, so each thread keeps one
//! and resets it instead.

use std::cell::RefCell;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

thread_local! {
    static COMPRESSOR: RefCell<Compress> = RefCell::new(Compress::new(Compression::default(), true));
    static RAW: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(ZIP_LEVEL), false));
    static FAST: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
    static DECOMPRESSOR: RefCell<Decompress> = RefCell::new(Decompress::new(false));
}

/// `bytes` as a zlib stream (the PDF `FlateDecode` filter); `None` if the
/// compressor reports an error, and the stream is then stored as it is.
pub fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    compress(&COMPRESSOR, bytes)
}

/// Deflate level of zip entries, fixed so that an EPUB's bytes do not
/// depend on a library's default.
const ZIP_LEVEL: u32 = 6;

/// `bytes` as raw deflate (no zlib header), as a zip entry holds it;
/// `None` if the compressor reports an error.
pub fn raw_deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    compress(&RAW, bytes)
}

/// `bytes` compressed quickly, to be held in memory a while (raw deflate,
/// for [`inflate`]); `None` if the compressor reports an error.
pub fn pack(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut packed = compress(&FAST, bytes)?;
    packed.shrink_to_fit();
    Some(packed)
}

/// The bytes [`pack`] compressed, `len` of them; `None` if they are not
/// what it made.
pub fn inflate(packed: &[u8], len: usize) -> Option<Vec<u8>> {
    DECOMPRESSOR.with(|cell| {
        let mut decompressor = cell.borrow_mut();
        decompressor.reset(false);
        let mut out = Vec::with_capacity(len);
        let status = decompressor
            .decompress_vec(packed, &mut out, FlushDecompress::Finish)
            .ok()?;
        (status == Status::StreamEnd && out.len() == len).then_some(out)
    })
}

fn compress(
    compressor: &'static std::thread::LocalKey<RefCell<Compress>>,
    bytes: &[u8],
) -> Option<Vec<u8>> {
    compressor.with(|cell| {
        let mut compressor = cell.borrow_mut();
        // Resetting clears the hash table; a compressor that has not been
        // used yet is clear already (a process writing one PDF uses each
        // compressor a handful of times).
        if compressor.total_in() > 0 || compressor.total_out() > 0 {
            compressor.reset();
        }
        let mut out = Vec::with_capacity(bytes.len() / 3 + 64);
        loop {
            let consumed = compressor.total_in() as usize;
            let status = compressor
                .compress_vec(&bytes[consumed..], &mut out, FlushCompress::Finish)
                .ok()?;
            match status {
                Status::StreamEnd => return Some(out),
                Status::Ok | Status::BufError => out.reserve(out.capacity().max(1024)),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn round_trips_and_reuses_the_compressor() {
        for text in [&b""[..], b"BT /F1 10 Tf ET", &[7u8; 100_000]] {
            let packed = deflate(text).unwrap();
            let mut unpacked = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..])
                .read_to_end(&mut unpacked)
                .unwrap();
            assert_eq!(unpacked, text);
            let packed = pack(text).unwrap();
            assert_eq!(inflate(&packed, text.len()).unwrap(), text);
            assert_eq!(inflate(&packed, text.len() + 1), None);
        }
    }
}
