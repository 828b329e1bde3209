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

/// How much of the start of a file is inspected for control bytes.
const BINARY_SNIFF_LEN: usize = 8192;

/// The one rule for "binary" (without a byte-order mark): the data starts
/// with a known magic number ([`BINARY_SIGNATURES`]), or at least one byte
/// in this many of its first [`BINARY_SNIFF_LEN`] bytes is a control byte
/// that text does not use: NUL and the other C0 controls except tab, line
/// feed, vertical tab, form feed, carriage return and escape. Binary formats
/// are full of them (UTF-16 without a byte-order mark is half NUL); a damaged
/// text extract may carry stray ones, in any number, and refusing the whole
/// text for them would lose it. So one NUL in an 8-byte file and 838 NULs in
/// 88 KB of text are both text: normalization removes the NULs and logs each
/// removal, and writers never see them. The share, not a count, decides, so
/// the answer does not depend on the file's length.
const BINARY_CONTROL_SHARE: usize = 4;

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
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    (controls > 0 && controls * BINARY_CONTROL_SHARE >= head.len())
        .then_some("a quarter or more of its start is NUL bytes or other control characters")
}

/// C0 control bytes that no text uses ([`BINARY_CONTROL_SHARE`]).
fn is_binary_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b)
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
        assert!(decode(b"abc\0\0\0\0def", p(), false).is_err());
    }

    /// The one rule, on the two files that used to get opposite answers.
    #[test]
    fn stray_nuls_are_text_whatever_the_length() {
        let small = b"note\0ok\n";
        assert_eq!(small.len(), 8);
        assert_eq!(decode(small, p(), false).unwrap(), "note\0ok\n");
        // 88 KB of text with 838 NULs: spread through it, or all at its start.
        let line = "Words of an ordinary paragraph, extracted from a PDF file.\n";
        let body = line.repeat(88_000 / line.len());
        let step = body.len() / 838;
        let mut spread = String::new();
        for (i, c) in body.char_indices() {
            if i % step == 0 && spread.matches('\0').count() < 838 {
                spread.push('\0');
            }
            spread.push(c);
        }
        let front = format!("{}{body}", "\0".repeat(838));
        for text in [spread, front] {
            assert!(text.len() > 88_000 && text.matches('\0').count() == 838);
            assert_eq!(decode(text.as_bytes(), p(), false).unwrap(), text);
        }
        // Form feeds (page breaks) and escapes are text, however many.
        assert!(decode(b"\x0c\x0c\x0c\x1b[1mA\x0c", p(), false).is_ok());
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
