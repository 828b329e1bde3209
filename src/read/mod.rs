//! Readers: bytes to text, and text (raw or Markdown) to the document model.
//!
//! Readers never reject content: a reader can misjudge a structure, never
//! refuse it. Only undecodable bytes are errors.

pub mod images;
pub mod markdown;
pub mod text;

use std::path::Path;

use crate::error::{Error, Result};

/// The input formats Recto reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Raw text: PDF extracts, hard-wrapped plain text, pasted web pages.
    Text,
    /// CommonMark, with an optional YAML (`---`) or TOML (`+++`) front matter block.
    Markdown,
}

impl InputFormat {
    /// The format a file name suggests: `.md`/`.markdown` are Markdown, the rest text.
    pub fn from_path(path: &Path) -> InputFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                InputFormat::Markdown
            }
            _ => InputFormat::Text,
        }
    }
}

/// Magic numbers of formats that people hand to a text converter by mistake.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a zip archive (EPUB, DOCX, ODT, ...)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
];

/// How much of the start of a file is inspected for NUL bytes.
const BINARY_SNIFF_LEN: usize = 8192;

/// Data is binary when more than one byte in this many (of the inspected
/// start) is NUL. Binary formats are full of NULs (and so is UTF-16 without
/// a byte-order mark); a damaged text extract may carry a stray one or two,
/// and refusing the whole text for them would lose it. Stray NULs are kept
/// as text for normalization to remove (and log) and writers to drop.
const BINARY_NUL_RATIO: usize = 100;

/// Decodes the bytes of an input file into text with `\n` line ends.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
/// mark are decoded; CRLF and lone CR become LF. Bytes that are not valid
/// UTF-8 are an error naming the byte offset and line, unless `lossy`, which
/// replaces them with U+FFFD. Data that looks binary is an error.
pub fn decode(bytes: &[u8], path: &Path, lossy: bool) -> Result<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        decode_utf8(rest, path, lossy, 3)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        decode_utf16(rest, u16::from_le_bytes, path, lossy)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        decode_utf16(rest, u16::from_be_bytes, path, lossy)?
    } else {
        if let Some(what) = sniff_binary(bytes) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                what: what.to_string(),
            });
        }
        decode_utf8(bytes, path, lossy, 0)?
    };
    Ok(normalize_line_ends(text))
}

fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    for (magic, what) in BINARY_SIGNATURES {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    (nuls > 0 && nuls * BINARY_NUL_RATIO >= head.len()).then_some("it contains NUL bytes")
}

fn decode_utf8(bytes: &[u8], path: &Path, lossy: bool, skipped: usize) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes).into_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            Err(Error::InvalidUtf8 {
                path: path.to_path_buf(),
                offset: offset + skipped,
                line,
            })
        }
    }
}

fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    path: &Path,
    lossy: bool,
) -> Result<String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let mut out = String::with_capacity(units.len());
    for (i, r) in char::decode_utf16(units.iter().copied()).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) if lossy => out.push(char::REPLACEMENT_CHARACTER),
            Err(_) => {
                return Err(Error::InvalidUtf8 {
                    path: path.to_path_buf(),
                    offset: 2 + 2 * i,
                    line: 1 + out.matches('\n').count(),
                });
            }
        }
    }
    if bytes.len() % 2 == 1 && lossy {
        // A stray last byte is half a character: replaced, not guessed at.
        out.push(char::REPLACEMENT_CHARACTER);
    } else if bytes.len() % 2 == 1 {
        return Err(Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: 1 + bytes.len(),
            line: 1 + out.matches('\n').count(),
        });
    }
    Ok(out)
}

fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("in.txt")
    }

    #[test]
    fn decodes_bom_and_crlf() {
        assert_eq!(
            decode(b"\xef\xbb\xbfa\r\nb\rc", p(), false).unwrap(),
            "a\nb\nc"
        );
        let utf16: Vec<u8> = [0xff, 0xfe, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(&utf16, p(), false).unwrap(), "hi");
        let utf16be: Vec<u8> = [0xfe, 0xff, 0, b'h', 0, b'i'].to_vec();
        assert_eq!(decode(&utf16be, p(), false).unwrap(), "hi");
    }

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let err = decode(b"ok\nbad \xff here", p(), false).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("byte 7") && msg.contains("line 2"), "{msg}");
        assert!(msg.contains("--lossy"));
        assert_eq!(decode(b"bad \xff", p(), true).unwrap(), "bad \u{fffd}");
    }

    #[test]
    fn lone_surrogate_encoding_is_invalid() {
        assert!(decode(b"a\xed\xa0\x80b", p(), false).is_err());
    }

    #[test]
    fn binary_is_refused() {
        let msg = decode(b"%PDF-1.7\n...", p(), false)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("looks binary") && msg.contains("PDF"), "{msg}");
        assert!(decode(b"abc\0def", p(), false).is_err());
    }

    #[test]
    fn odd_length_utf16_is_an_error_or_a_replacement() {
        let odd = [0xff, 0xfe, b'h', 0, b'i', 0, b'!'];
        let err = decode(&odd, p(), false).unwrap_err().to_string();
        assert!(err.contains("byte 6"), "{err}");
        // Regression: the stray byte was decoded as if padded with a zero ("!").
        assert_eq!(decode(&odd, p(), true).unwrap(), "hi\u{fffd}");
    }

    #[test]
    fn a_stray_nul_in_long_text_is_kept_as_text() {
        let text = format!("{}\0{}", "word ".repeat(40), "more ".repeat(40));
        assert_eq!(decode(text.as_bytes(), p(), false).unwrap(), text);
        let utf16_without_bom: Vec<u8> = "plain words here".bytes().flat_map(|b| [b, 0]).collect();
        assert!(decode(&utf16_without_bom, p(), false).is_err());
    }
}
