//! Visits every list of inlines in a document, with the input lines of the
//! block it belongs to, so token passes repair the body, the metadata and
//! the end matter alike.

use crate::model::{Block, Document, Inline, Span};

/// Calls `f` on the inline content of every heading and paragraph (nested in
/// lists, quotes and definition lists too), figure captions, footnotes, the
/// title, subtitle, abstract, author biographies and end matter. Code blocks and tables are verbatim and are not visited
/// (a table's cells are content to keep, not prose to repair). Markup
/// children are left to `f`.
pub fn for_each_inlines(doc: &mut Document, f: &mut dyn FnMut(&mut Vec<Inline>, Span)) {
    for inlines in [&mut doc.meta.title, &mut doc.meta.subtitle]
        .into_iter()
        .flatten()
    {
        f(inlines, Span::UNKNOWN);
    }
    if let Some(abs) = &mut doc.meta.abstract_ {
        if let Some(title) = &mut abs.title {
            f(title, Span::UNKNOWN);
        }
        blocks(&mut abs.blocks, f);
    }
    for author in &mut doc.meta.authors {
        blocks(&mut author.bio, f);
    }
    blocks(&mut doc.blocks, f);
    for note in &mut doc.notes {
        blocks(&mut note.blocks, f);
    }
    for back in &mut doc.back {
        if let Some(title) = &mut back.title {
            f(title, Span::UNKNOWN);
        }
        blocks(&mut back.blocks, f);
    }
}

fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>, Span)) {
    for block in list {
        match block {
            Block::Heading { content, span, .. } | Block::Paragraph { content, span } => {
                f(content, *span)
            }
            Block::List { items, .. } => {
                for item in items {
                    blocks(item, f);
                }
            }
            Block::BlockQuote { blocks: inner, .. } => blocks(inner, f),
            Block::Figure { caption, span, .. } => {
                if let Some(c) = caption {
                    f(c, *span)
                }
            }
            Block::DefinitionList { items, span } => {
                for d in items {
                    f(&mut d.term, *span);
                    for def in &mut d.definitions {
                        blocks(def, f);
                    }
                }
            }
            Block::CodeBlock { .. } | Block::ThematicBreak { .. } | Block::Table { .. } => {}
        }
    }
}

/// Calls `f` on every `Text` token, at any depth of markup. Code and link
/// targets are left alone.
pub fn for_each_text(inlines: &mut [Inline], f: &mut dyn FnMut(&mut String)) {
    for inline in inlines {
        match inline {
            Inline::Text(s) => f(s),
            other => {
                if let Some(children) = other.children_mut() {
                    for_each_text(children, f);
                }
            }
        }
    }
}
