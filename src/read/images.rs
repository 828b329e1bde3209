//! The images a document refers to, read from disk relative to the input
//! file. A missing, remote or unreadable image is a warning, never an
//! error: every writer then shows its alt text in its place.

use std::path::Path;

use crate::model::{Block, Document, Inline};
use crate::write::resources::Resources;

/// Largest image read, in bytes: far above any figure in a report, and a
/// bound on what one bad path (a device, a huge file) can cost.
pub const MAX_IMAGE_BYTES: u64 = 64 * 1024 * 1024;

/// Loads every image of `doc`, resolving relative paths against `base` (the
/// input file's directory). Returns the images found and a warning for each
/// one that could not be used.
pub fn load(doc: &Document, base: &Path) -> (Resources, Vec<String>) {
    let mut resources = Resources::default();
    let mut warnings = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for src in image_sources(doc) {
        if !seen.insert(src.clone()) {
            continue;
        }
        match read(&src, base) {
            Ok(bytes) => {
                if let Err(why) = resources.add_image(&src, bytes) {
                    warnings.push(format!("image `{src}`: {why}; its alt text stands in"));
                }
            }
            Err(why) => warnings.push(format!("image `{src}`: {why}; its alt text stands in")),
        }
    }
    (resources, warnings)
}

fn read(src: &str, base: &Path) -> Result<Vec<u8>, String> {
    let lower = src.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("data:") {
        return Err("remote images are not fetched (conversion works offline)".into());
    }
    if src.trim().is_empty() {
        return Err("no path given".into());
    }
    let decoded = percent_decode(src);
    let path = base.join(&decoded);
    let meta = std::fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("{} is not a file", path.display()));
    }
    if meta.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "{} is larger than {} MB",
            path.display(),
            MAX_IMAGE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// `%20` and the like in a Markdown link destination, decoded; anything
/// that does not decode to UTF-8 is kept as written.
fn percent_decode(src: &str) -> String {
    let bytes = src.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| src.to_string())
}

/// Every image source in the document, in reading order, repeats included.
pub fn image_sources(doc: &Document) -> Vec<String> {
    fn inlines(list: &[Inline], out: &mut Vec<String>) {
        for i in list {
            match i {
                Inline::Image(image) => out.push(image.src.clone()),
                other => inlines(other.children().unwrap_or_default(), out),
            }
        }
    }
    fn blocks(list: &[Block], out: &mut Vec<String>) {
        for b in list {
            match b {
                Block::Figure { image, caption, .. } => {
                    out.push(image.src.clone());
                    inlines(caption.as_deref().unwrap_or_default(), out);
                }
                Block::Table { table, .. } => {
                    for (_, row) in table.rows() {
                        row.cells.iter().for_each(|c| inlines(&c.content, out));
                    }
                }
                Block::DefinitionList { items, .. } => {
                    for d in items {
                        inlines(&d.term, out);
                        d.definitions.iter().for_each(|def| blocks(def, out));
                    }
                }
                other => {
                    inlines(other.inlines().unwrap_or_default(), out);
                    for c in other.children() {
                        blocks(std::slice::from_ref(c), out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.blocks, &mut out);
    for note in &doc.notes {
        blocks(&note.blocks, &mut out);
    }
    for back in &doc.back {
        blocks(&back.blocks, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Image, Span};

    fn figure(src: &str) -> Block {
        Block::Figure {
            image: Image {
                src: src.into(),
                alt: "alt".into(),
                title: None,
            },
            caption: None,
            span: Span::line(3),
        }
    }

    #[test]
    fn missing_remote_and_foreign_images_are_warnings() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "text").unwrap();
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 0, 4, 0, 0, 0, 3, 8, 2, 0, 0, 0]);
        std::fs::write(dir.path().join("a b.png"), &png).unwrap();
        let doc = Document {
            blocks: vec![
                figure("a%20b.png"),
                figure("missing.png"),
                figure("https://example.org/x.png"),
                figure("notes.txt"),
                figure("a%20b.png"),
            ],
            ..Document::default()
        };
        let (resources, warnings) = load(&doc, dir.path());
        assert_eq!(resources.images().len(), 1);
        assert_eq!(resources.image("a%20b.png").unwrap().width, 4);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .all(|w| w.ends_with("its alt text stands in"))
        );
    }
}
