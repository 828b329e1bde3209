//! The EPUB container: a zip archive that is byte-identical for the same
//! input, with everything that could vary pinned down: `mimetype` first and
//! stored, then the entries in the order they were added, each with the same
//! timestamp and permissions, no extra fields.
//!
//! Written here rather than with a zip library: an EPUB holds about ten
//! small files, and a library that sets up a fresh compressor for each entry
//! spent more on those set-ups than on compressing (a third of writing the
//! sample's EPUB). The thread's raw-deflate compressor
//! ([`crate::write::deflate`]) is reset between entries instead. The format
//! is the plain subset of PKWARE's APPNOTE that every reader accepts: local headers with sizes and CRC known up front (no
//! data descriptors), one central directory, no Zip64 (an entry or archive
//! past 4 GiB is refused).

use crate::model::civil_from_unix;
use crate::write::deflate::raw_deflate;

/// The media type that must open every EPUB, uncompressed.
const MIMETYPE: &[u8] = b"application/epub+zip";

const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// Why an archive could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    /// An entry or the archive is past what a zip without Zip64 holds.
    #[error("{0} is larger than a zip holds (4 GiB)")]
    TooLarge(String),
    /// The compressor reported an error.
    #[error("compression failed: {0}")]
    Deflate(String),
}

/// Collects the entries of an EPUB and writes them as one deterministic zip.
#[derive(Debug)]
pub struct DeterministicZip {
    /// MS-DOS (time, date) of every entry.
    time: (u16, u16),
    entries: Vec<(String, Vec<u8>)>,
}

/// What the central directory repeats of an entry written.
struct Written {
    name: String,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

impl DeterministicZip {
    /// A container whose entries all carry the time `timestamp` (Unix
    /// seconds), clamped to the range a zip entry can hold (1980-2107).
    pub fn new(timestamp: i64) -> DeterministicZip {
        DeterministicZip {
            time: zip_time(timestamp),
            entries: Vec::new(),
        }
    }

    /// Adds an entry; `name` uses `/` between folders.
    pub fn add(&mut self, name: &str, bytes: &[u8]) {
        self.entries.push((name.to_string(), bytes.to_vec()));
    }

    /// The finished archive as bytes.
    pub fn into_bytes(self) -> Result<Vec<u8>, ZipError> {
        let capacity = self.entries.iter().map(|(_, b)| b.len() / 2 + 128).sum();
        let mut out = Vec::with_capacity(capacity);
        let mut written = Vec::with_capacity(self.entries.len() + 1);
        written.push(self.entry(&mut out, "mimetype", MIMETYPE, STORED)?);
        for (name, bytes) in &self.entries {
            if name == "mimetype" {
                continue; // written above, first and stored, as EPUB requires
            }
            written.push(self.entry(&mut out, name, bytes, DEFLATED)?);
        }
        let directory = offset(&out, "the archive")?;
        for w in &written {
            self.central_header(&mut out, w);
        }
        let directory_size = offset(&out, "the archive")? - directory;
        let count = u16::try_from(written.len())
            .map_err(|_| ZipError::TooLarge("the number of entries".into()))?;
        put32(&mut out, 0x0605_4b50); // end of central directory
        put16(&mut out, 0); // this disk
        put16(&mut out, 0); // the disk where the directory starts
        put16(&mut out, count);
        put16(&mut out, count);
        put32(&mut out, directory_size);
        put32(&mut out, directory);
        put16(&mut out, 0); // comment length
        Ok(out)
    }

    /// Writes one entry (local header and data) at the end of `out`.
    fn entry(
        &self,
        out: &mut Vec<u8>,
        name: &str,
        bytes: &[u8],
        method: u16,
    ) -> Result<Written, ZipError> {
        let deflated;
        let data = match method {
            DEFLATED => {
                deflated = raw_deflate(bytes).ok_or_else(|| {
                    ZipError::Deflate(format!("the compressor reported an error on {name}"))
                })?;
                &deflated[..]
            }
            _ => bytes,
        };
        let w = Written {
            name: name.to_string(),
            method,
            crc: crc32fast::hash(bytes),
            compressed: u32::try_from(data.len()).map_err(|_| too_large(name))?,
            size: u32::try_from(bytes.len()).map_err(|_| too_large(name))?,
            offset: offset(out, name)?,
        };
        put32(out, 0x0403_4b50); // local file header
        self.common_fields(out, &w);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        Ok(w)
    }

    fn central_header(&self, out: &mut Vec<u8>, w: &Written) {
        put32(out, 0x0201_4b50);
        // Made by Unix (3), so that readers apply the permissions below.
        put16(out, (3 << 8) | version_needed(w.method));
        self.common_fields(out, w);
        put16(out, 0); // comment length
        put16(out, 0); // disk number
        put16(out, 0); // internal attributes
        put32(out, 0o100_644 << 16); // a regular file, rw-r--r--
        put32(out, w.offset);
        out.extend_from_slice(w.name.as_bytes());
    }

    /// The fields local and central headers share, from "version needed"
    /// to "extra field length".
    fn common_fields(&self, out: &mut Vec<u8>, w: &Written) {
        put16(out, version_needed(w.method));
        // Bit 11: the name is UTF-8 (EPUB requires UTF-8 names).
        put16(out, if w.name.is_ascii() { 0 } else { 1 << 11 });
        put16(out, w.method);
        put16(out, self.time.0);
        put16(out, self.time.1);
        put32(out, w.crc);
        put32(out, w.compressed);
        put32(out, w.size);
        // Names are paths the EPUB writer made, far below 64 KiB.
        put16(out, u16::try_from(w.name.len()).unwrap_or(u16::MAX));
        put16(out, 0); // extra field length
    }
}

/// 1.0 for a stored entry, 2.0 for a deflated one.
fn version_needed(method: u16) -> u16 {
    if method == DEFLATED { 20 } else { 10 }
}

fn too_large(name: &str) -> ZipError {
    ZipError::TooLarge(format!("entry {name}"))
}

/// Where the next byte of `out` goes, as a zip offset.
fn offset(out: &[u8], what: &str) -> Result<u32, ZipError> {
    u32::try_from(out.len()).map_err(|_| ZipError::TooLarge(what.to_string()))
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The MS-DOS (time, date) form of a Unix time, clamped to
/// 1980-01-01 00:00:00 ..= 2107-12-31 23:59:58 (two-second steps).
fn zip_time(timestamp: i64) -> (u16, u16) {
    let (y, mo, d, h, mi, s) = civil_from_unix(timestamp);
    let dos = |y: i32, mo: u8, d: u8, h: u8, mi: u8, s: u8| {
        let date = u16::from(d) | (u16::from(mo) << 5) | (((y - 1980) as u16) << 9);
        let time = u16::from(s / 2) | (u16::from(mi) << 5) | (u16::from(h) << 11);
        (time, date)
    };
    match y {
        ..1980 => dos(1980, 1, 1, 0, 0, 0),
        2108.. => dos(2107, 12, 31, 23, 59, 58),
        _ => dos(y, mo, d, h, mi, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    fn archive(entries: &[(&str, &str)], timestamp: i64) -> Vec<u8> {
        let mut zip = DeterministicZip::new(timestamp);
        for (name, text) in entries {
            zip.add(name, text.as_bytes());
        }
        zip.into_bytes().unwrap()
    }

    #[test]
    fn mimetype_comes_first_and_stored() {
        let bytes = archive(&[("EPUB/a.xhtml", "<p/>")], 1_700_000_000);
        // The EPUB signature readers sniff: "mimetype" at byte 30, its
        // content right after, with no extra field between.
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..58], MIMETYPE);
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let first = z.by_index(0).unwrap();
        assert_eq!(first.name(), "mimetype");
        assert_eq!(first.compression(), zip::CompressionMethod::Stored);
    }

    #[test]
    fn a_zip_reader_reads_back_every_entry() {
        let long = "<p>a paragraph of text</p>\n".repeat(2000);
        let entries = [
            ("META-INF/container.xml", "<container/>"),
            ("EPUB/body.xhtml", long.as_str()),
            ("EPUB/empty.css", ""),
            ("EPUB/é.xhtml", "<p>é</p>"),
        ];
        let bytes = archive(&entries, 1_700_000_000);
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(z.len(), 5);
        for (i, (name, text)) in entries.iter().enumerate() {
            let mut file = z.by_index(i + 1).unwrap();
            assert_eq!(file.name(), *name);
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
            assert_eq!(file.unix_mode(), Some(0o100_644));
            let modified = file.last_modified().unwrap();
            assert_eq!(
                (modified.year(), modified.month(), modified.day()),
                (2023, 11, 14)
            );
            let mut back = String::new();
            file.read_to_string(&mut back).unwrap();
            assert_eq!(back, *text);
        }
    }

    #[test]
    fn same_entries_give_same_bytes() {
        let e = [("b.txt", "two"), ("a.txt", "one")];
        assert_eq!(archive(&e, 1_700_000_000), archive(&e, 1_700_000_000));
        assert_ne!(archive(&e, 1_700_000_000), archive(&e, 1_800_000_000));
    }

    #[test]
    fn out_of_range_times_are_clamped() {
        assert_eq!(zip_time(-5), (0, 1 | (1 << 5)));
        let (time, date) = zip_time(i64::from(i32::MAX) * 4);
        assert_eq!((date >> 9) + 1980, 2107);
        assert_eq!(time, 29 | (59 << 5) | (23 << 11));
    }
}
