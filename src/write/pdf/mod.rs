//! The PDF edition for print. Layout (`layout/`) turns the document into
//! pages of positioned runs ([`page::Layout`]); emission (`emit.rs`) turns
//! those into PDF bytes with embedded, subset fonts, metadata, an outline,
//! links and a structure tree (tagged PDF).

mod cff_strings;
pub mod content;
pub mod emit;
mod fast_position;
mod fast_shape;
pub mod fonts;
pub mod info;
pub mod layout;
pub mod page;
mod serialize;
pub mod tagging;
pub mod xmp;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::ControlFlow;

use crate::error::{Error, Result};
use crate::model::{Block, Document, Inline, Note};

use super::{Output, PdfStandard, WriteOptions};

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
    let doc = with_endnotes(doc);
    // Each page is emitted as soon as layout completes it, and its runs
    // dropped: a long document never holds the runs of all its pages.
    let mut emitter = emit::Emitter::new(fonts);
    let mut over_limit = false;
    let laid_out = layout::layout_pages(&doc, &style, fonts, &mut |page, alts| {
        // A document past the limit fails alone and early: the layout
        // stops at the first page too many.
        if emitter.pages() == options.max_pages {
            over_limit = true;
            return ControlFlow::Break(());
        }
        emitter.page(page, alts);
        ControlFlow::Continue(())
    });
    if over_limit {
        return Err(Error::write(
            "pdf",
            format!(
                "the document needs more than the limit of {} pages; raise it with --max-pages",
                options.max_pages
            ),
        ));
    }
    let meta = info::PdfMeta::from_document(&doc, options.timestamp, options.pdf_standard);
    let mut missing = laid_out.missing_glyphs;
    let emitted = emitter.finish(laid_out.width, laid_out.height, &laid_out.outline, &meta)?;
    missing.extend(emitted.missing);
    missing.sort_unstable();
    missing.dedup();
    let mut warnings = missing_glyph_warnings(&missing);
    if meta.standard == PdfStandard::PdfA2PdfUa1 && emitted.conformance.pdfa2.is_none() {
        warnings.push(
            "pdf: not claimed as PDF/A-2: PDF/A forbids drawing the empty .notdef glyph \
             that stands for the characters above"
                .into(),
        );
    }
    Ok(Output {
        bytes: emitted.bytes,
        warnings,
        ..Output::default()
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

/// The document with its footnotes ready to set as numbered endnotes: each
/// reference becomes its number in brackets, and each note starts with its
/// number; the notes are in the order they are first referenced.
fn with_endnotes(doc: &Document) -> Cow<'_, Document> {
    if doc.notes.is_empty() {
        return Cow::Borrowed(doc);
    }
    let numbered = doc.numbered_notes();
    let numbers: BTreeMap<String, usize> = numbered
        .iter()
        .map(|(n, note)| (note.label.clone(), *n))
        .collect();
    let mut notes: Vec<Note> = Vec::with_capacity(numbered.len());
    for (n, note) in &numbered {
        let marker = vec![Inline::Text(format!("[{n}]")), Inline::Space];
        let mut blocks = note.blocks.clone();
        match blocks.first_mut() {
            Some(Block::Paragraph { content, .. }) => {
                content.splice(0..0, marker);
            }
            _ => blocks.insert(0, Block::paragraph(marker, crate::model::Span::UNKNOWN)),
        }
        notes.push(Note {
            label: note.label.clone(),
            blocks,
        });
    }
    let mut out = doc.clone();
    number_blocks(&mut out.blocks, &numbers);
    for note in &mut notes {
        number_blocks(&mut note.blocks, &numbers);
    }
    for back in &mut out.back {
        number_blocks(&mut back.blocks, &numbers);
    }
    // In the order they are numbered; the layout sets them last, each a
    // `Note` element.
    out.notes = notes;
    Cow::Owned(out)
}

/// Footnote references in blocks, at any depth, replaced by their numbers.
fn number_blocks(blocks: &mut [Block], numbers: &BTreeMap<String, usize>) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                number_refs(content, numbers)
            }
            Block::List { items, .. } => {
                for item in items {
                    number_blocks(item, numbers);
                }
            }
            Block::BlockQuote { blocks, .. } => number_blocks(blocks, numbers),
            Block::Table { table, .. } => {
                if let Some(c) = &mut table.caption {
                    number_refs(c, numbers);
                }
                for row in table.head.iter_mut().chain(table.body.iter_mut()) {
                    for cell in &mut row.cells {
                        number_refs(&mut cell.content, numbers);
                    }
                }
            }
            Block::Figure { caption, .. } => {
                if let Some(c) = caption {
                    number_refs(c, numbers);
                }
            }
            Block::DefinitionList { items, .. } => {
                for d in items {
                    number_refs(&mut d.term, numbers);
                    for def in &mut d.definitions {
                        number_blocks(def, numbers);
                    }
                }
            }
            Block::CodeBlock { .. } | Block::ThematicBreak { .. } => {}
        }
    }
}

fn number_refs(inlines: &mut [Inline], numbers: &BTreeMap<String, usize>) {
    for inline in inlines {
        match inline {
            Inline::NoteRef(label) => {
                if let Some(n) = numbers.get(label.as_str()) {
                    *inline = Inline::Text(format!("[{n}]"));
                }
            }
            other => {
                if let Some(children) = other.children_mut() {
                    number_refs(children, numbers);
                }
            }
        }
    }
}
