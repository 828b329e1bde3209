//! Block content: headings, paragraphs, lists and the rest, each with the
//! input lines it came from.

use serde::{Deserialize, Serialize};

use super::inline::{Image, Inline, plain_text};
use super::numbering::Numbering;
use super::table::Table;

/// Input lines a block came from: 1-based, inclusive. `0..0` means unknown
/// (a block made by a pass rather than read from the input).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const UNKNOWN: Span = Span { start: 0, end: 0 };

    pub fn lines(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    pub fn line(line: u32) -> Span {
        Span {
            start: line,
            end: line,
        }
    }

    pub fn is_unknown(&self) -> bool {
        self.start == 0
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        match (self.is_unknown(), other.is_unknown()) {
            (true, _) => other,
            (_, true) => self,
            _ => Span {
                start: self.start.min(other.start),
                end: self.end.max(other.end),
            },
        }
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.is_unknown(), self.start == self.end) {
            (true, _) => f.write_str("?"),
            (false, true) => write!(f, "{}", self.start),
            (false, false) => write!(f, "{}-{}", self.start, self.end),
        }
    }
}

/// A block of the document body. Headings are flat in the block list;
/// `sections()` derives the nesting where a writer needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t")]
pub enum Block {
    /// A heading; `level` is 1 (top) to 6. `id` is the anchor the source
    /// gave it (`# Title {#anchor}`), kept for links into the document.
    Heading {
        level: u8,
        content: Vec<Inline>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    Paragraph {
        content: Vec<Inline>,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    /// A bullet list (`start` is `None`) or an ordered list numbered from
    /// `start`, its markers written as `numbering` says ("1.", "(a)").
    /// Each item is a list of blocks, so lists nest.
    List {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        #[serde(default, skip_serializing_if = "Numbering::is_default")]
        numbering: Numbering,
        items: Vec<Vec<Block>>,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    BlockQuote {
        blocks: Vec<Block>,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    /// Preformatted text, verbatim, with the language when known.
    CodeBlock {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        text: String,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    ThematicBreak {
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    /// A table. Its cell text is verbatim: no repair changes it.
    Table {
        table: Table,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    /// An image standing as a block, with its caption.
    Figure {
        image: Image,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<Vec<Inline>>,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
    /// Terms, each with one or more definitions.
    DefinitionList {
        items: Vec<Definition>,
        #[serde(default, skip_serializing_if = "Span::is_unknown")]
        span: Span,
    },
}

/// One term of a definition list and its definitions (each a list of blocks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    pub term: Vec<Inline>,
    pub definitions: Vec<Vec<Block>>,
}

/// A footnote: its label (as the source names it, unique in the document)
/// and its content. `Inline::NoteRef(label)` points at it; writers number
/// notes in the order they are first referenced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub label: String,
    pub blocks: Vec<Block>,
}

impl Block {
    pub fn paragraph(content: Vec<Inline>, span: Span) -> Block {
        Block::Paragraph { content, span }
    }

    pub fn heading(level: u8, content: Vec<Inline>, span: Span) -> Block {
        Block::Heading {
            level,
            content,
            id: None,
            span,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Block::Heading { span, .. }
            | Block::Paragraph { span, .. }
            | Block::List { span, .. }
            | Block::BlockQuote { span, .. }
            | Block::CodeBlock { span, .. }
            | Block::ThematicBreak { span }
            | Block::Table { span, .. }
            | Block::Figure { span, .. }
            | Block::DefinitionList { span, .. } => *span,
        }
    }

    /// The inline content of a heading or paragraph.
    pub fn inlines(&self) -> Option<&[Inline]> {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => Some(content),
            _ => None,
        }
    }

    pub fn inlines_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => Some(content),
            _ => None,
        }
    }

    /// The blocks nested inside this one (list items and definitions
    /// flattened, in order).
    pub fn children(&self) -> Vec<&Block> {
        match self {
            Block::List { items, .. } => items.iter().flatten().collect(),
            Block::BlockQuote { blocks, .. } => blocks.iter().collect(),
            Block::DefinitionList { items, .. } => items
                .iter()
                .flat_map(|d| d.definitions.iter().flatten())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The text of the block as a reader would see it, nested blocks joined by
    /// newlines.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                plain_text(content)
            }
            Block::CodeBlock { text, .. } => text.clone(),
            Block::ThematicBreak { .. } => String::new(),
            Block::Table { table, .. } => table.plain_text(),
            Block::Figure { image, caption, .. } => match caption {
                Some(c) => plain_text(c),
                None => image.alt.clone(),
            },
            Block::DefinitionList { items, .. } => items
                .iter()
                .map(|d| {
                    let mut lines = vec![plain_text(&d.term)];
                    lines.extend(d.definitions.iter().flatten().map(Block::plain_text));
                    lines.join("\n")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            _ => self
                .children()
                .iter()
                .map(|b| b.plain_text())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// End matter that follows the body and is not an author biography (those
/// live in `Author::bio`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackMatter {
    pub kind: BackKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<Inline>>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackKind {
    Acknowledgements,
    /// A disclaimer or statement of responsibility.
    Disclaimer,
    Notes,
    /// References, bibliography, further reading.
    References,
    Other,
}

impl BackKind {
    pub fn label(self) -> &'static str {
        match self {
            BackKind::Acknowledgements => "Acknowledgements",
            BackKind::Disclaimer => "Disclaimer",
            BackKind::Notes => "Notes",
            BackKind::References => "References",
            BackKind::Other => "Notes",
        }
    }
}

/// A heading and the blocks up to the next heading of the same or a higher
/// level, with its subsections nested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    /// `None` for the blocks before the first heading.
    pub heading: Option<&'a Block>,
    pub level: u8,
    pub blocks: Vec<&'a Block>,
    pub subsections: Vec<Section<'a>>,
}

/// Derives nested sections from a flat block list. Blocks before the first
/// heading form a leading section with no heading (omitted when empty).
pub fn sections(blocks: &[Block]) -> Vec<Section<'_>> {
    fn build<'a>(blocks: &'a [Block], pos: &mut usize, level: u8) -> Vec<Section<'a>> {
        let mut out = Vec::new();
        while *pos < blocks.len() {
            let Block::Heading { level: l, .. } = &blocks[*pos] else {
                unreachable!("build is called at headings only")
            };
            // Out-of-range levels count as the nearest valid one, so that
            // every heading starts a section and the loop always advances.
            let l = &(*l).clamp(1, 6);
            if *l <= level {
                break;
            }
            let heading = &blocks[*pos];
            *pos += 1;
            let mut body = Vec::new();
            while *pos < blocks.len() && !matches!(blocks[*pos], Block::Heading { .. }) {
                body.push(&blocks[*pos]);
                *pos += 1;
            }
            let subsections = build(blocks, pos, *l);
            out.push(Section {
                heading: Some(heading),
                level: *l,
                blocks: body,
                subsections,
            });
        }
        out
    }

    let mut pos = 0;
    let mut lead = Vec::new();
    while pos < blocks.len() && !matches!(blocks[pos], Block::Heading { .. }) {
        lead.push(&blocks[pos]);
        pos += 1;
    }
    let mut out = Vec::new();
    if !lead.is_empty() {
        out.push(Section {
            heading: None,
            level: 0,
            blocks: lead,
            subsections: Vec::new(),
        });
    }
    // Headings that skip upwards (a level-2 heading after a level-3 one at the
    // top) still start a section of their own at the top.
    while pos < blocks.len() {
        out.extend(build(blocks, &mut pos, 0));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inline::inlines_from_text;

    fn h(level: u8, t: &str) -> Block {
        Block::heading(level, inlines_from_text(t), Span::UNKNOWN)
    }
    fn p(t: &str) -> Block {
        Block::paragraph(inlines_from_text(t), Span::UNKNOWN)
    }

    #[test]
    fn sections_nest_by_level() {
        let blocks = vec![
            p("lead"),
            h(1, "A"),
            p("a"),
            h(2, "A.1"),
            p("a1"),
            h(1, "B"),
        ];
        let s = sections(&blocks);
        assert_eq!(s.len(), 3);
        assert!(s[0].heading.is_none());
        assert_eq!(s[1].subsections.len(), 1);
        assert_eq!(s[1].subsections[0].blocks.len(), 1);
        assert_eq!(s[2].blocks.len(), 0);
    }

    #[test]
    fn sections_survive_odd_levels() {
        let blocks = vec![h(3, "deep"), h(1, "top"), h(2, "mid")];
        let s = sections(&blocks);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].subsections.len(), 1);
    }

    #[test]
    fn out_of_range_levels_still_advance() {
        let blocks = vec![h(0, "zero"), p("a"), h(9, "nine")];
        let s = sections(&blocks);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].subsections.len(), 1);
    }

    #[test]
    fn span_display_and_join() {
        assert_eq!(Span::lines(3, 5).to_string(), "3-5");
        assert_eq!(Span::line(4).to_string(), "4");
        assert_eq!(Span::UNKNOWN.join(Span::line(2)), Span::line(2));
        assert_eq!(Span::line(9).join(Span::line(2)), Span::lines(2, 9));
    }
}
