//! Raw text to the model: blocks are runs of non-blank lines; each line
//! break inside a block is a `SoftBreak`. Structure (headings, lists, the
//! title) is left to normalization, which sees the same lines.

use crate::model::{Block, Document, Inline, Span, inlines_from_text};

/// Reads raw text (already decoded, `\n` line ends) into paragraphs.
/// Never fails: every non-blank line ends up in exactly one block.
pub fn parse(text: &str) -> Document {
    let mut blocks = Vec::new();
    let mut current: Vec<Inline> = Vec::new();
    let mut start = 0u32;
    let mut end = 0u32;
    for (i, line) in text.split('\n').enumerate() {
        let number = i as u32 + 1;
        if is_blank(line) {
            flush(&mut blocks, &mut current, start, end);
            continue;
        }
        if current.is_empty() {
            start = number;
        } else {
            current.push(Inline::SoftBreak);
        }
        current.extend(inlines_from_text(line));
        end = number;
    }
    flush(&mut blocks, &mut current, start, end);
    Document {
        blocks,
        ..Document::default()
    }
}

/// A line with nothing but whitespace (form feeds included) on it.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

fn flush(blocks: &mut Vec<Block>, current: &mut Vec<Inline>, start: u32, end: u32) {
    if !current.is_empty() {
        blocks.push(Block::paragraph(
            std::mem::take(current),
            Span::lines(start, end),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    #[test]
    fn blocks_split_on_blank_lines_with_spans() {
        let doc = parse("\n\nTitle\n\nOne line\nwrapped here.\n \nLast");
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.blocks[0].span(), Span::line(3));
        assert_eq!(doc.blocks[1].span(), Span::lines(5, 6));
        assert_eq!(doc.blocks[2].span(), Span::line(8));
        let inl = doc.blocks[1].inlines().unwrap();
        assert!(inl.contains(&Inline::SoftBreak));
        assert_eq!(plain_text(inl), "One line wrapped here.");
        assert!(doc.validate().is_empty());
    }

    #[test]
    fn form_feed_lines_are_blank() {
        assert_eq!(parse("a\n\u{c}\nb").blocks.len(), 2);
    }

    #[test]
    fn empty_text_is_an_empty_document() {
        assert!(parse("").blocks.is_empty());
        assert!(parse(" \n\t\n").blocks.is_empty());
    }
}
