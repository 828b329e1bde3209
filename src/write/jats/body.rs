//! `<body>`: headings become nested `<sec>`, and blocks become paragraphs,
//! lists, quotes and preformatted text. The same flow writer serves every
//! container of blocks (abstract, bio, back matter), each with the content
//! model that container allows.

use std::borrow::Cow;

use crate::model::{
    Block, Counter, Delimiter, Document, Image, Inline, Numbering, Section, sections,
};

use super::xml::Xml;
use super::{Ctx, inline, table};

/// What a container accepts as direct children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// Paragraph-level blocks: `<p>`, `<list>`, `<disp-quote>`, `<preformat>`,
    /// `<code>`, `<table-wrap>`.
    ParaLevel,
    /// Only `<p>` (an abstract or acknowledgements in the Publishing tag set):
    /// any other block goes inside a `<p>`, which may hold it.
    Paras,
    /// A list item: `<p>` or `<list>`.
    ListItem,
}

pub fn write(x: &mut Xml, cx: &mut Ctx, doc: &Document) {
    if doc.blocks.iter().any(emits) {
        x.open("body", &[]);
        flow(x, cx, &doc.blocks, "sec", Allowed::ParaLevel);
        x.close("body");
    }
}

/// Blocks with their headings turned into nested `<sec>` elements. Section
/// ids are `<prefix>-1`, `<prefix>-1-2`, ...: unique as long as prefixes are.
pub fn flow(x: &mut Xml, cx: &mut Ctx, blocks: &[Block], prefix: &str, direct: Allowed) {
    let blocks = valid_levels(blocks);
    let mut n = 0;
    for section in sections(&blocks) {
        match section.heading {
            None => section.blocks.iter().for_each(|b| block(x, cx, b, direct)),
            Some(_) => {
                n += 1;
                write_section(x, cx, &section, &format!("{prefix}-{n}"));
            }
        }
    }
}

/// The blocks with every heading level in 1..=6. `sections()` never returns
/// for a level-0 heading (it waits for a heading above level 0), and the
/// model's contract allows 1 to 6 only; the writer must still accept any
/// document, so out-of-range levels are clamped here, on a copy.
fn valid_levels(blocks: &[Block]) -> Cow<'_, [Block]> {
    let bad = |b: &Block| matches!(b, Block::Heading { level, .. } if !(1..=6).contains(level));
    if !blocks.iter().any(bad) {
        return Cow::Borrowed(blocks);
    }
    let mut fixed = blocks.to_vec();
    for b in &mut fixed {
        if let Block::Heading { level, .. } = b {
            *level = (*level).clamp(1, 6);
        }
    }
    Cow::Owned(fixed)
}

fn write_section(x: &mut Xml, cx: &mut Ctx, section: &Section<'_>, id: &str) {
    x.open("sec", &[("id", id)]);
    x.open_line("title", &[]);
    if let Some(content) = section.heading.and_then(Block::inlines) {
        inline::write(x, cx, content);
    }
    x.end("title");
    for b in &section.blocks {
        block(x, cx, b, Allowed::ParaLevel);
    }
    for (k, sub) in section.subsections.iter().enumerate() {
        write_section(x, cx, sub, &format!("{id}-{}", k + 1));
    }
    x.close("sec");
}

/// Whether a block writes anything: empty paragraphs and lists carry no
/// content, and JATS has no thematic break.
pub fn emits(block: &Block) -> bool {
    match block {
        Block::Paragraph { content, .. } => !content.is_empty(),
        Block::List { items, .. } => !items.is_empty(),
        Block::ThematicBreak { .. } => false,
        Block::Table { table, .. } => !table.is_empty() || table.caption.is_some(),
        Block::DefinitionList { items, .. } => !items.is_empty(),
        Block::Heading { .. }
        | Block::BlockQuote { .. }
        | Block::CodeBlock { .. }
        | Block::Figure { .. } => true,
    }
}

/// Writes one block where `allowed` says what may stand here.
pub fn block(x: &mut Xml, cx: &mut Ctx, b: &Block, allowed: Allowed) {
    if let Block::ThematicBreak { .. } = b {
        cx.dropped_breaks += 1;
        return;
    }
    if !emits(b) {
        return;
    }
    let wrap = match b {
        Block::Paragraph { .. } | Block::Heading { .. } => false,
        Block::List { .. } => allowed == Allowed::Paras,
        Block::BlockQuote { .. }
        | Block::CodeBlock { .. }
        | Block::Table { .. }
        | Block::Figure { .. }
        | Block::DefinitionList { .. } => allowed != Allowed::ParaLevel,
        Block::ThematicBreak { .. } => false,
    };
    if wrap {
        // Whitespace added here sits in a paragraph that holds only this block.
        x.open("p", &[]);
    }
    match b {
        Block::Paragraph { content, .. } => {
            x.open_line("p", &[]);
            inline::write(x, cx, content);
            x.end("p");
        }
        // A heading inside a quote or list cannot start a section: it stays
        // a bold paragraph.
        Block::Heading { content, .. } => {
            x.open_line("p", &[]);
            x.start("bold", &[]);
            inline::write(x, cx, content);
            x.end("bold");
            x.end("p");
        }
        Block::List {
            start,
            numbering,
            items,
            ..
        } => list(x, cx, *start, *numbering, items),
        Block::BlockQuote { blocks, .. } => {
            x.open("disp-quote", &[]);
            for inner in blocks {
                block(x, cx, inner, Allowed::ParaLevel);
            }
            x.close("disp-quote");
        }
        // <preformat> has no attribute for a programming language; JATS 1.3
        // has <code language> for exactly that, so it is used when one is known.
        Block::CodeBlock { text, language, .. } => {
            match language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
                Some(lang) => x.line("code", &[("language", lang)], text),
                None => x.line("preformat", &[("preformat-type", "code")], text),
            }
        }
        Block::Table { table, .. } => table::write(x, cx, table),
        Block::Figure { image, caption, .. } => figure(x, cx, image, caption.as_deref()),
        Block::DefinitionList { items, .. } => {
            x.open("def-list", &[]);
            for d in items {
                x.open("def-item", &[]);
                x.open_line("term", &[]);
                inline::write(x, cx, &d.term);
                x.end("term");
                for def in &d.definitions {
                    x.open("def", &[]);
                    paras(x, cx, def);
                    x.close("def");
                }
                x.close("def-item");
            }
            x.close("def-list");
        }
        Block::ThematicBreak { .. } => {}
    }
    if wrap {
        x.close("p");
    }
}

/// Blocks where only paragraphs may stand (a definition, a footnote):
/// other blocks go inside a paragraph, and at least one is written.
pub fn paras(x: &mut Xml, cx: &mut Ctx, blocks: &[Block]) {
    if blocks.iter().any(emits) {
        for b in blocks {
            block(x, cx, b, Allowed::Paras);
        }
    } else {
        x.empty_line("p", &[]);
    }
}

/// A figure: `<fig>` with its caption and the `<graphic>` copied next to
/// the XML; an image that could not be loaded leaves its alt text.
fn figure(x: &mut Xml, cx: &mut Ctx, image: &Image, caption: Option<&[Inline]>) {
    cx.figures += 1;
    let id = format!("fig-{}", cx.figures);
    x.open("fig", &[("id", id.as_str())]);
    if let Some(caption) = caption {
        x.open("caption", &[]);
        x.open_line("p", &[]);
        inline::write(x, cx, caption);
        x.end("p");
        x.close("caption");
    }
    let alt = inline::alt_text(&image.alt);
    match cx.resources.image(&image.src).cloned() {
        Some(file) => {
            cx.uses_xlink = true;
            cx.images_used.insert(file.name.clone());
            x.open("graphic", &[("xlink:href", file.name.as_str())]);
            if !alt.is_empty() {
                x.line("alt-text", &[], &alt);
            }
            x.close("graphic");
        }
        None => {
            let shown = if alt.is_empty() { "[image]" } else { &alt };
            x.line("p", &[], shown);
        }
    }
    x.close("fig");
}

fn list(x: &mut Xml, cx: &mut Ctx, start: Option<u64>, numbering: Numbering, items: &[Vec<Block>]) {
    let kind = match (start, numbering.counter) {
        (None, _) => "bullet",
        (Some(_), Counter::Decimal) => "order",
        (Some(_), Counter::LowerAlpha) => "alpha-lower",
    };
    x.open("list", &[("list-type", kind)]);
    // JATS numbers ordered lists from 1 and names only the counter, not its
    // punctuation: another start or a marker other than "1." is kept as
    // labels.
    let labelled = start.filter(|&s| s != 1 || numbering.delimiter != Delimiter::Period);
    for (n, item) in items.iter().enumerate() {
        x.open("list-item", &[]);
        if let Some(first) = labelled {
            x.line(
                "label",
                &[],
                &numbering.marker(first.saturating_add(n as u64)),
            );
        }
        if item.iter().any(emits) {
            for b in item {
                block(x, cx, b, Allowed::ListItem);
            }
        } else {
            // A list item must hold a paragraph, even an empty one.
            x.empty_line("p", &[]);
        }
        x.close("list-item");
    }
    x.close("list");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, inlines_from_text};

    #[test]
    fn heading_level_zero_does_not_hang() {
        let blocks = vec![
            Block::heading(0, inlines_from_text("zero"), Span::UNKNOWN),
            Block::paragraph(inlines_from_text("text"), Span::UNKNOWN),
        ];
        let mut cx = Ctx::for_tests();
        let mut x = Xml::new(0);
        flow(&mut x, &mut cx, &blocks, "sec", Allowed::ParaLevel);
        let out = String::from_utf8(x.finish().unwrap()).unwrap();
        assert!(out.contains("<title>zero</title>"), "{out}");
    }
}
