//! zlib compression of PDF streams with one compressor per thread.
//!
//! Setting up a compressor clears its window and hash tables (hundreds of
//! kilobytes); a PDF has a stream per page plus fonts, and a batch writes
//! thousands of PDFs, so each thread keeps one and resets it instead.

use std::cell::RefCell;

use flate2::{Compress, Compression, FlushCompress, Status};

thread_local! {
    static COMPRESSOR: RefCell<Compress> = RefCell::new(Compress::new(Compression::default(), true));
}

/// `bytes` as a zlib stream (the PDF `FlateDecode` filter); `None` if the
/// compressor reports an error, and the stream is then stored as it is.
pub fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut compressor = cell.borrow_mut();
        compressor.reset();
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
        }
    }
}
