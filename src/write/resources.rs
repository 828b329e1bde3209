//! Files a document refers to (its images), loaded once by the reader's
//! side and handed to every writer through [`super::WriteOptions`], so that
//! writers do no I/O of their own.

use std::collections::BTreeMap;
use std::sync::Arc;

/// The image formats the editions can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    Png,
    Jpeg,
    Gif,
}

impl ImageKind {
    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Gif => "image/gif",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
            ImageKind::Gif => "gif",
        }
    }
}

/// One image: its bytes as read, what they are and their size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFile {
    /// File name for packages that carry the image (`images/1-river.png`):
    /// unique within the document, safe in a zip entry and a URL.
    pub name: String,
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
    pub bytes: Arc<Vec<u8>>,
}

/// The images of one document, by their `src` as the source wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resources {
    images: BTreeMap<String, ImageFile>,
}

impl Resources {
    /// The image loaded for `src`, if it was found and is a known format.
    pub fn image(&self, src: &str) -> Option<&ImageFile> {
        self.images.get(src)
    }

    /// Every image, in the order of their file names.
    pub fn images(&self) -> Vec<&ImageFile> {
        let mut all: Vec<&ImageFile> = self.images.values().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all
    }

    pub fn is_empty(&self) -> bool {
        self.images.is_empty()
    }

    /// Adds the bytes of `src`; returns why they cannot be used when they
    /// are not a PNG, JPEG or GIF image whose size can be read.
    pub fn add_image(&mut self, src: &str, bytes: Vec<u8>) -> Result<&ImageFile, String> {
        let (kind, width, height) = sniff(&bytes).ok_or_else(|| {
            "not a PNG, JPEG or GIF image (or its size cannot be read)".to_string()
        })?;
        let number = self.images.len() + 1;
        let stem: String = std::path::Path::new(src)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(40)
            .collect();
        let name = if stem.is_empty() {
            format!("images/{number}.{}", kind.extension())
        } else {
            format!("images/{number}-{stem}.{}", kind.extension())
        };
        let file = ImageFile {
            name,
            kind,
            width,
            height,
            bytes: Arc::new(bytes),
        };
        Ok(self.images.entry(src.to_string()).or_insert(file))
    }
}

/// The format and pixel size of image bytes, from their headers.
pub fn sniff(bytes: &[u8]) -> Option<(ImageKind, u32, u32)> {
    let be32 = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    let (kind, w, h) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 {
        // The first chunk is IHDR: width and height, big-endian.
        if &bytes[12..16] != b"IHDR" {
            return None;
        }
        (ImageKind::Png, be32(&bytes[16..20]), be32(&bytes[20..24]))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        let w = u16::from_le_bytes([*bytes.get(6)?, *bytes.get(7)?]);
        let h = u16::from_le_bytes([*bytes.get(8)?, *bytes.get(9)?]);
        (ImageKind::Gif, u32::from(w), u32::from(h))
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        let (w, h, _) = jpeg_frame(bytes)?;
        (ImageKind::Jpeg, w, h)
    } else {
        return None;
    };
    (w > 0 && h > 0).then_some((kind, w, h))
}

/// Width, height and number of colour components of a JPEG, from its first
/// start-of-frame marker.
pub fn jpeg_frame(bytes: &[u8]) -> Option<(u32, u32, u8)> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        // Fill bytes and markers without a length.
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if matches!(marker, 0x01 | 0xD0..=0xD9) {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let seg = bytes.get(i + 4..i + 2 + len)?;
            if seg.len() < 6 {
                return None;
            }
            let h = u32::from(u16::from_be_bytes([seg[1], seg[2]]));
            let w = u32::from(u16::from_be_bytes([seg[3], seg[4]]));
            return Some((w, h, seg[5]));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 x 1 RGB PNG.
    pub fn tiny_png() -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&2u32.to_be_bytes());
        b.extend_from_slice(&1u32.to_be_bytes());
        b.extend_from_slice(&[8, 2, 0, 0, 0]);
        b
    }

    #[test]
    fn sniffs_formats_and_sizes() {
        assert_eq!(sniff(&tiny_png()), Some((ImageKind::Png, 2, 1)));
        let gif = b"GIF89a\x03\x00\x04\x00rest".to_vec();
        assert_eq!(sniff(&gif), Some((ImageKind::Gif, 3, 4)));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00,
            0x05, 0x00, 0x07, 0x03, 0x01, 0x11, 0x00,
        ];
        assert_eq!(sniff(&jpeg), Some((ImageKind::Jpeg, 7, 5)));
        assert_eq!(sniff(b"<svg/>"), None);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF]), None);
    }

    #[test]
    fn names_are_unique_and_safe() {
        let mut r = Resources::default();
        let a = r
            .add_image("../pics/a river?.png", tiny_png())
            .unwrap()
            .name
            .clone();
        let b = r
            .add_image("x/a river?.png", tiny_png())
            .unwrap()
            .name
            .clone();
        assert_eq!(a, "images/1-ariver.png");
        assert_eq!(b, "images/2-ariver.png");
        assert!(r.add_image("bad", b"text".to_vec()).is_err());
        assert_eq!(r.images().len(), 2);
    }
}
