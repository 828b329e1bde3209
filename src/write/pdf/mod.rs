//! The PDF edition for print. Layout (`layout/`) turns the document into
//! pages of positioned runs ([`page::Layout`]); emission (`emit.rs`) turns
//! those into PDF bytes with embedded, subset fonts, metadata, an outline,
//! links and a structure tree (tagged PDF).

pub mod content;
mod deflate;
pub mod emit;
pub mod fonts;
pub mod info;
pub mod layout;
pub mod page;
pub mod tagging;
pub mod xmp;

use crate::error::{Error, Result};
use crate::model::Document;

use super::{Output, WriteOptions};

thread_local! {
    /// Each thread loads the font set once and keeps it, with its shaping
    /// cache, for every document it writes: loading and parsing the font
    /// files costs more than laying out a short document.
    static FONTS: std::cell::OnceCell<fonts::FontSet> = const { std::cell::OnceCell::new() };
}

/// Writes the PDF edition.
pub fn write(doc: &Document, options: &WriteOptions) -> Result<Output> {
    FONTS.with(|cell| {
        let fonts = match cell.get() {
            Some(f) => f,
            None => {
                let loaded = fonts::FontSet::load()?;
                cell.get_or_init(|| loaded)
            }
        };
        fonts.trim_cache();
        write_with(doc, options, fonts)
    })
}

fn write_with(doc: &Document, options: &WriteOptions, fonts: &fonts::FontSet) -> Result<Output> {
    let style = layout::Style::load(options)?;
    let mut laid_out = layout::layout(doc, &style, fonts);
    // Checked before emission, the costly half: a document past the limit
    // fails alone and early.
    if laid_out.pages.len() > options.max_pages {
        return Err(Error::write(
            "pdf",
            format!(
                "the document needs {} pages, more than the limit of {} pages; \
                 raise it with --max-pages",
                laid_out.pages.len(),
                options.max_pages
            ),
        ));
    }
    let meta = info::PdfMeta::from_document(doc, options.timestamp);
    let mut missing = std::mem::take(&mut laid_out.missing_glyphs);
    let emitted = emit::emit(laid_out, fonts, &meta)?;
    missing.extend(emitted.missing);
    missing.sort_unstable();
    missing.dedup();
    let warnings = missing_glyph_warnings(&missing);
    Ok(Output {
        bytes: emitted.bytes,
        warnings,
    })
}

/// One warning naming every character no embedded face can show.
fn missing_glyph_warnings(missing: &[char]) -> Vec<String> {
    if missing.is_empty() {
        return Vec::new();
    }
    let listed: Vec<String> = missing
        .iter()
        .map(|c| format!("U+{:04X} '{}'", u32::from(*c), c))
        .collect();
    vec![format!(
        "pdf: no embedded font has a glyph for {} character(s), drawn as empty boxes: {}",
        missing.len(),
        listed.join(", ")
    )]
}
