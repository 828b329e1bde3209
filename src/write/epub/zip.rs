//! The EPUB container: a zip archive that is byte-identical for the same
//! input, written with the `zip` crate with everything that could vary pinned
//! down: `mimetype` first and stored, then the entries in the order they were
//! added, each with the same timestamp and permissions.

use std::io::{Cursor, Write};

use zip::result::ZipResult;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::model::civil_from_unix;

/// The media type that must open every EPUB, uncompressed.
const MIMETYPE: &[u8] = b"application/epub+zip";

/// Deflate level for the other entries, fixed so that output does not depend
/// on the zip crate's default.
const DEFLATE_LEVEL: i64 = 6;

/// Collects the entries of an EPUB and writes them as one deterministic zip.
#[derive(Debug)]
pub struct DeterministicZip {
    time: DateTime,
    entries: Vec<(String, Vec<u8>)>,
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
    pub fn into_bytes(self) -> ZipResult<Vec<u8>> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("mimetype", self.options(CompressionMethod::Stored))?;
        zip.write_all(MIMETYPE)?;
        let deflated = self.options(CompressionMethod::Deflated);
        for (name, bytes) in &self.entries {
            if name == "mimetype" {
                continue; // written above, first and stored, as EPUB requires
            }
            zip.start_file(name.as_str(), deflated)?;
            zip.write_all(bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    }

    fn options(&self, method: CompressionMethod) -> SimpleFileOptions {
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(self.time)
            .unix_permissions(0o644);
        match method {
            CompressionMethod::Stored => options,
            _ => options.compression_level(Some(DEFLATE_LEVEL)),
        }
    }
}

/// The zip (MS-DOS) form of a Unix time, clamped to 1980-01-01..2107-12-31.
fn zip_time(timestamp: i64) -> DateTime {
    let (y, mo, d, h, mi, s) = civil_from_unix(timestamp);
    let fallback = DateTime::default();
    match y {
        ..1980 => fallback,
        2108.. => DateTime::from_date_and_time(2107, 12, 31, 23, 59, 58).unwrap_or(fallback),
        _ => DateTime::from_date_and_time(y as u16, mo, d, h, mi, s).unwrap_or(fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let first = z.by_index(0).unwrap();
        assert_eq!(first.name(), "mimetype");
        assert_eq!(first.compression(), CompressionMethod::Stored);
    }

    #[test]
    fn same_entries_give_same_bytes() {
        let e = [("b.txt", "two"), ("a.txt", "one")];
        assert_eq!(archive(&e, 1_700_000_000), archive(&e, 1_700_000_000));
        assert_ne!(archive(&e, 1_700_000_000), archive(&e, 1_800_000_000));
    }

    #[test]
    fn out_of_range_times_are_clamped() {
        assert_eq!(zip_time(-5), DateTime::default());
        assert_eq!(zip_time(i64::from(i32::MAX) * 4).year(), 2107);
    }
}
