//! Markdown (CommonMark) to the model, through pulldown-cmark. The only
//! module that knows pulldown-cmark.

use pulldown_cmark::{
    CodeBlockKind, Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};

use crate::model::{
    Alignment, Block, Counter, Definition, Delimiter, Document, Image, Inline, Note, Numbering,
    Span, Table, TableCell, TableRow, inlines_from_text, plain_text,
};

/// The front matter block of a Markdown file, unparsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub syntax: FrontMatterSyntax,
    pub text: String,
    /// Line of the first line of `text` in the file.
    pub first_line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterSyntax {
    Yaml,
    Toml,
}

/// Reads Markdown into the model. Never fails. The front matter, if any, is
/// returned unparsed; mapping it into `Metadata` is the metadata module's job.
pub fn parse(text: &str) -> (Document, Option<FrontMatter>) {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_MATH
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT;
    let lines = LineIndex::new(text);
    let mut builder = Builder::default();
    let mut front_matter = None;
    let mut in_metadata: Option<(FrontMatterSyntax, usize)> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let span = Span::lines(
            lines.line_of(range.start),
            lines.line_of(range.end.max(range.start + 1) - 1),
        );
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                let syntax = match kind {
                    MetadataBlockKind::YamlStyle => FrontMatterSyntax::Yaml,
                    MetadataBlockKind::PlusesStyle => FrontMatterSyntax::Toml,
                };
                in_metadata = Some((syntax, span.start as usize + 1));
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = None,
            Event::Text(t) if in_metadata.is_some() => {
                let (syntax, first_line) = in_metadata.expect("checked");
                front_matter = Some(FrontMatter {
                    syntax,
                    text: t.into_string(),
                    first_line,
                });
            }
            other => builder.event(other, span, &text[range]),
        }
    }
    (builder.finish(), front_matter)
}

/// How an ordered list starting with `source` numbers its items: CommonMark
/// writes "1." or "1)", and pulldown-cmark reports the number but not the
/// punctuation, so it is read from the first item's marker.
fn list_numbering(source: &str) -> Numbering {
    let after_digits = source
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit());
    let delimiter = if after_digits.starts_with(')') {
        Delimiter::Paren
    } else {
        Delimiter::Period
    };
    Numbering::new(Counter::Decimal, delimiter)
}

/// Byte offset to 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line_of(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }
}

/// An open container while events stream in. Kept on an explicit stack so
/// that deeply nested input cannot overflow the call stack.
enum Frame {
    Blocks {
        kind: Container,
        blocks: Vec<Block>,
        span: Span,
    },
    Inlines {
        kind: InlineContainer,
        inlines: Vec<Inline>,
        span: Span,
    },
    Code {
        language: Option<String>,
        text: String,
        span: Span,
    },
    /// A pipe table: the rows so far and the row being read.
    Table {
        table: Table,
        row: Vec<TableCell>,
        span: Span,
    },
}

enum Container {
    Root,
    Quote,
    List {
        start: Option<u64>,
        numbering: Numbering,
        items: Vec<Vec<Block>>,
    },
    Item,
    /// A footnote definition: its blocks become a note, not body text.
    Footnote(String),
    DefinitionList(Vec<Definition>),
    /// One definition of the last term of the enclosing definition list.
    Definition,
    /// A container with no meaning of its own (an HTML block): its blocks
    /// join the enclosing container.
    Transparent,
}

enum InlineContainer {
    Paragraph,
    /// Inline content outside a paragraph (a tight list item).
    ImplicitParagraph,
    /// A heading of a level, with the anchor the source gave it.
    Heading(u8, Option<String>),
    Emphasis,
    Strong,
    Strike,
    Superscript,
    Subscript,
    Link(Option<String>),
    /// An image, its alt text collecting inside.
    Image {
        src: String,
        title: Option<String>,
    },
    /// The term of a definition list item.
    Term,
    /// A `<u>`, `<i>`, ... span opened by inline HTML.
    Html(&'static str),
    /// The content of a table cell.
    Cell,
}

/// Block containers nested deeper than this are read as their content: no
/// real document nests 64 quotes, and every consumer of the tree recurses.
const MAX_CONTAINER_DEPTH: usize = 64;

/// Inline markup (emphasis, links, HTML spans) nested deeper than this is
/// read as its text: every consumer of the tree recurses into markup, and
/// 100,000 nested `<u>` overflowed the stack.
const MAX_INLINE_DEPTH: usize = 64;

struct Builder {
    stack: Vec<Frame>,
    /// Footnote definitions read so far.
    notes: Vec<Note>,
    /// Containers opened past `MAX_CONTAINER_DEPTH` and not yet closed.
    flattened: usize,
    /// Inline markup opened past `MAX_INLINE_DEPTH` and not yet closed.
    flattened_inline: usize,
    /// HTML spans (`<u>`, ...) opened past `MAX_INLINE_DEPTH`, not yet closed.
    flattened_html: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            stack: vec![Frame::Blocks {
                kind: Container::Root,
                blocks: Vec::new(),
                span: Span::UNKNOWN,
            }],
            notes: Vec::new(),
            flattened: 0,
            flattened_inline: 0,
            flattened_html: 0,
        }
    }
}

impl Builder {
    /// Reads one event; `source` is the input text the event covers.
    fn event(&mut self, event: Event<'_>, span: Span, source: &str) {
        match event {
            Event::Start(tag) => self.start(tag, span, source),
            Event::End(end) => self.end(end),
            Event::Text(t) => self.push_text(&t),
            Event::Code(c) => self.push_inline(Inline::Code(c.into_string()), span),
            Event::SoftBreak => self.push_inline(Inline::SoftBreak, span),
            Event::HardBreak => self.push_inline(Inline::LineBreak, span),
            Event::Rule => self.push_block(Block::ThematicBreak { span }),
            Event::InlineHtml(html) => self.inline_html(&html, span),
            Event::Html(html) => {
                // Raw HTML blocks are kept as text: nothing is lost.
                let inlines = inlines_from_text(&html);
                if !inlines.is_empty() {
                    self.push_block(Block::paragraph(inlines, span));
                }
            }
            Event::FootnoteReference(r) => self.push_inline(Inline::NoteRef(note_label(&r)), span),
            Event::TaskListMarker(done) => {
                self.push_inline(Inline::Checkbox(done), span);
                self.push_inline(Inline::Space, span);
            }
            Event::InlineMath(m) => self.push_inline(
                Inline::Math {
                    display: false,
                    tex: m.into_string(),
                },
                span,
            ),
            Event::DisplayMath(m) => self.push_inline(
                Inline::Math {
                    display: true,
                    tex: m.into_string(),
                },
                span,
            ),
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Span, source: &str) {
        let is_container = matches!(
            tag,
            Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListDefinition
        );
        if is_container && (self.flattened > 0 || self.depth() >= MAX_CONTAINER_DEPTH) {
            self.flattened += 1;
            return;
        }
        let is_block = !matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        );
        if !is_block && (self.flattened_inline > 0 || self.inline_depth() >= MAX_INLINE_DEPTH) {
            self.flattened_inline += 1;
            return;
        }
        if is_block {
            self.close_open_spans(true);
        }
        let frame = match tag {
            Tag::Paragraph => inline_frame(InlineContainer::Paragraph, span),
            Tag::Heading { level, id, .. } => inline_frame(
                InlineContainer::Heading(
                    heading_level(level),
                    id.map(|i| i.into_string()).filter(|i| !i.trim().is_empty()),
                ),
                span,
            ),
            Tag::BlockQuote(_) => blocks_frame(Container::Quote, span),
            Tag::List(start) => blocks_frame(
                Container::List {
                    start,
                    numbering: list_numbering(source),
                    items: Vec::new(),
                },
                span,
            ),
            Tag::Item => blocks_frame(Container::Item, span),
            Tag::CodeBlock(kind) => Frame::Code {
                language: match kind {
                    CodeBlockKind::Fenced(l) if !l.trim().is_empty() => {
                        l.split_whitespace().next().map(str::to_string)
                    }
                    _ => None,
                },
                text: String::new(),
                span,
            },
            Tag::Emphasis => inline_frame(InlineContainer::Emphasis, span),
            Tag::Strong => inline_frame(InlineContainer::Strong, span),
            Tag::Strikethrough => inline_frame(InlineContainer::Strike, span),
            Tag::Superscript => inline_frame(InlineContainer::Superscript, span),
            Tag::Subscript => inline_frame(InlineContainer::Subscript, span),
            Tag::Link { dest_url, .. } => {
                let target = (!dest_url.is_empty()).then(|| dest_url.into_string());
                inline_frame(InlineContainer::Link(target), span)
            }
            Tag::Image {
                dest_url, title, ..
            } => inline_frame(
                InlineContainer::Image {
                    src: dest_url.into_string(),
                    title: (!title.trim().is_empty()).then(|| title.into_string()),
                },
                span,
            ),
            Tag::FootnoteDefinition(label) => {
                blocks_frame(Container::Footnote(note_label(&label)), span)
            }
            Tag::DefinitionList => blocks_frame(Container::DefinitionList(Vec::new()), span),
            Tag::DefinitionListTitle => inline_frame(InlineContainer::Term, span),
            Tag::DefinitionListDefinition => blocks_frame(Container::Definition, span),
            Tag::HtmlBlock => blocks_frame(Container::Transparent, span),
            Tag::Table(alignments) => Frame::Table {
                table: Table {
                    columns: alignments.iter().map(|a| alignment(*a)).collect(),
                    ..Table::default()
                },
                row: Vec::new(),
                span,
            },
            // Rows collect in the table frame; a row ends with its end event.
            Tag::TableHead | Tag::TableRow => return,
            Tag::TableCell => inline_frame(InlineContainer::Cell, span),
            // Any other container (none is enabled) is read as a container
            // with no meaning of its own: its text is kept.
            _ => blocks_frame(Container::Transparent, span),
        };
        self.stack.push(frame);
    }

    /// Open inline markup frames (paragraphs and headings not counted).
    fn inline_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|f| {
                matches!(f, Frame::Inlines { kind, .. } if !matches!(
                    kind,
                    InlineContainer::Paragraph
                        | InlineContainer::ImplicitParagraph
                        | InlineContainer::Heading(..)
                        | InlineContainer::Cell
                        | InlineContainer::Term
                ))
            })
            .count()
    }

    fn depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|f| matches!(f, Frame::Blocks { .. }))
            .count()
    }

    fn end(&mut self, end: TagEnd) {
        let is_container = matches!(
            end,
            TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListDefinition
        );
        if is_container && self.flattened > 0 {
            self.flattened -= 1;
            return;
        }
        let is_inline = matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        );
        if is_inline && self.flattened_inline > 0 {
            self.flattened_inline -= 1;
            return;
        }
        self.close_open_spans(!is_inline && !matches!(end, TagEnd::Paragraph | TagEnd::Heading(_)));
        if is_inline || matches!(end, TagEnd::Paragraph | TagEnd::Heading(_)) {
            // Unbalanced HTML spans end with the element that holds them.
            while matches!(
                self.stack.last(),
                Some(Frame::Inlines {
                    kind: InlineContainer::Html(_),
                    ..
                })
            ) {
                self.close_inline_frame();
            }
        }
        if let TagEnd::TableHead | TagEnd::TableRow = end {
            if let Some(Frame::Table { table, row, .. }) = self.stack.last_mut() {
                let cells = std::mem::take(row);
                let part = if end == TagEnd::TableHead {
                    &mut table.head
                } else {
                    &mut table.body
                };
                part.push(TableRow { cells });
            }
            return;
        }
        if self.stack.len() <= 1 {
            return;
        }
        let frame = self.stack.pop().expect("checked");
        match frame {
            Frame::Inlines {
                kind,
                inlines,
                span,
            } => match kind {
                InlineContainer::Emphasis => self.push_inline(Inline::Emphasis(inlines), span),
                InlineContainer::Strong => self.push_inline(Inline::Strong(inlines), span),
                InlineContainer::Strike => self.push_inline(Inline::Strikeout(inlines), span),
                InlineContainer::Superscript => {
                    self.push_inline(Inline::Superscript(inlines), span)
                }
                InlineContainer::Subscript => self.push_inline(Inline::Subscript(inlines), span),
                InlineContainer::Image { src, title } => self.push_inline(
                    Inline::Image(Image {
                        src,
                        alt: alt_text(&inlines),
                        title,
                    }),
                    span,
                ),
                InlineContainer::Link(target) => self.push_inline(
                    Inline::Link {
                        target,
                        content: inlines,
                    },
                    span,
                ),
                InlineContainer::Html(_) => self.push_inlines(inlines, span),
                kind => self.finish_inline_container(kind, inlines, span),
            },
            Frame::Table {
                mut table,
                row,
                span,
            } => {
                // A row left open (input cut short) is still a row.
                if !row.is_empty() {
                    table.body.push(TableRow { cells: row });
                }
                self.push_block(Block::Table { table, span })
            }
            Frame::Code {
                language,
                text,
                span,
            } => self.push_block(Block::CodeBlock {
                language,
                text: text.trim_end_matches('\n').to_string(),
                span,
            }),
            Frame::Blocks { kind, blocks, span } => match kind {
                Container::Root => unreachable!("the root frame is never popped"),
                Container::Quote => self.push_block(Block::BlockQuote { blocks, span }),
                Container::Transparent => blocks.into_iter().for_each(|b| self.push_block(b)),
                Container::Footnote(label) => self.add_note(label, blocks),
                Container::DefinitionList(items) => {
                    // Blocks outside any term's definitions (only when the
                    // list was flattened) follow the list.
                    if !items.is_empty() {
                        self.push_block(Block::DefinitionList { items, span });
                    }
                    blocks.into_iter().for_each(|b| self.push_block(b));
                }
                Container::Definition => {
                    if let Some(Frame::Blocks {
                        kind: Container::DefinitionList(items),
                        ..
                    }) = self.stack.last_mut()
                    {
                        match items.last_mut() {
                            Some(d) => d.definitions.push(blocks),
                            None => items.push(Definition {
                                term: Vec::new(),
                                definitions: vec![blocks],
                            }),
                        }
                    } else {
                        blocks.into_iter().for_each(|b| self.push_block(b));
                    }
                }
                Container::List {
                    start,
                    numbering,
                    mut items,
                } => {
                    // Blocks land in a list outside any item only when the
                    // items were flattened (too deep): they are the last
                    // item's content, never to be dropped.
                    if !blocks.is_empty() {
                        items.push(blocks);
                    }
                    self.push_block(Block::List {
                        start,
                        numbering,
                        items,
                        span,
                    })
                }
                Container::Item => {
                    if let Some(Frame::Blocks {
                        kind: Container::List { items, .. },
                        ..
                    }) = self.stack.last_mut()
                    {
                        items.push(blocks);
                    } else {
                        blocks.into_iter().for_each(|b| self.push_block(b));
                    }
                }
            },
        }
    }

    /// Inline HTML: `<u>`, `<i>`, `<b>`, `<em>`, `<strong>` open and close
    /// markup; anything else is kept as literal text.
    fn inline_html(&mut self, html: &str, span: Span) {
        let tag = html
            .trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_ascii_lowercase();
        let (closing, name) = match tag.strip_prefix('/') {
            Some(n) => (true, n.trim().to_string()),
            None => (false, tag.trim().to_string()),
        };
        let kind: Option<&'static str> = match name.as_str() {
            "u" | "ins" => Some("u"),
            "i" | "em" => Some("em"),
            "b" | "strong" => Some("strong"),
            _ => None,
        };
        match (kind, closing) {
            (Some(_), false) if self.inline_depth() >= MAX_INLINE_DEPTH => {
                self.flattened_html += 1;
            }
            (Some(_), true) if self.flattened_html > 0 => self.flattened_html -= 1,
            (Some(k), false) => self
                .stack
                .push(inline_frame(InlineContainer::Html(k), span)),
            (Some(k), true) => {
                let open = matches!(self.stack.last(), Some(Frame::Inlines { kind: InlineContainer::Html(o), .. }) if *o == k);
                if open && let Some(Frame::Inlines { inlines, span, .. }) = self.stack.pop() {
                    let inline = match k {
                        "u" => Inline::Underline(inlines),
                        "em" => Inline::Emphasis(inlines),
                        _ => Inline::Strong(inlines),
                    };
                    self.push_inline(inline, span);
                } else {
                    self.push_text(html);
                }
            }
            (None, _) => self.push_text(html),
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(Frame::Code { text: code, .. }) = self.stack.last_mut() {
            code.push_str(text);
            return;
        }
        let mut inlines = Vec::new();
        if text.starts_with(char::is_whitespace) {
            inlines.push(Inline::Space);
        }
        inlines.extend(inlines_from_text(text));
        if text.ends_with(char::is_whitespace) && !inlines.is_empty() {
            inlines.push(Inline::Space);
        }
        self.push_inlines(inlines, Span::UNKNOWN);
    }

    fn push_inlines(&mut self, inlines: Vec<Inline>, span: Span) {
        for i in inlines {
            self.push_inline(i, span);
        }
    }

    fn push_inline(&mut self, inline: Inline, span: Span) {
        match self.stack.last_mut() {
            Some(Frame::Inlines { inlines, .. }) => inlines.push(inline),
            Some(Frame::Code { text, .. }) => text.push_str(&crate::model::plain_text(&[inline])),
            _ => {
                // Inline content outside a paragraph (a tight list item):
                // open an implicit paragraph.
                self.stack
                    .push(inline_frame(InlineContainer::ImplicitParagraph, span));
                self.push_inline(inline, span);
            }
        }
    }

    /// Closes the frames that have no end event of their own: implicit
    /// paragraphs (only when `paragraphs`) and HTML spans left open.
    fn close_open_spans(&mut self, paragraphs: bool) {
        while let Some(Frame::Inlines { kind, .. }) = self.stack.last() {
            match kind {
                InlineContainer::Html(_) => self.close_inline_frame(),
                InlineContainer::ImplicitParagraph if paragraphs => self.close_inline_frame(),
                _ => break,
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.close_open_spans(true);
        if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
            // Tables hold only cells of inlines; should a block ever arrive
            // between cells, its text becomes a cell of its own.
            row.push(TableCell::new(inlines_from_text(&block.plain_text())));
            return;
        }
        match self.stack.last_mut() {
            Some(Frame::Blocks { blocks, .. }) => blocks.push(block),
            _ => unreachable!("a block container is always below inline frames"),
        }
    }

    /// A finished cell joins the row being read.
    fn push_cell(&mut self, content: Vec<Inline>) {
        match self.stack.last_mut() {
            Some(Frame::Table { row, .. }) => row.push(TableCell::new(content)),
            // A cell outside a table (never produced by the parser) keeps
            // its text as inline content.
            _ => self.push_inlines(content, Span::UNKNOWN),
        }
    }

    fn close_inline_frame(&mut self) {
        if let Some(Frame::Inlines {
            kind,
            inlines,
            span,
        }) = self.stack.pop()
        {
            match kind {
                InlineContainer::Paragraph
                | InlineContainer::ImplicitParagraph
                | InlineContainer::Heading(..)
                | InlineContainer::Cell
                | InlineContainer::Term => self.finish_inline_container(kind, inlines, span),
                _ => self.push_inlines(inlines, span),
            }
        }
    }

    /// Ends a container of inlines that is not markup: a paragraph (an
    /// image alone in one is a figure), a heading, a cell, a term.
    fn finish_inline_container(&mut self, kind: InlineContainer, inlines: Vec<Inline>, span: Span) {
        match kind {
            InlineContainer::Paragraph | InlineContainer::ImplicitParagraph => {
                match figure(inlines, span) {
                    Ok(block) => self.push_block(block),
                    Err(inlines) => self.push_block(Block::paragraph(inlines, span)),
                }
            }
            InlineContainer::Heading(level, id) => self.push_block(Block::Heading {
                level,
                content: inlines,
                id,
                span,
            }),
            InlineContainer::Cell => self.push_cell(inlines),
            InlineContainer::Term => match self.stack.last_mut() {
                Some(Frame::Blocks {
                    kind: Container::DefinitionList(items),
                    ..
                }) => items.push(Definition {
                    term: inlines,
                    definitions: Vec::new(),
                }),
                // A term outside a list (the list was flattened): its text
                // stays, as a paragraph.
                _ => self.push_block(Block::paragraph(inlines, span)),
            },
            _ => self.push_inlines(inlines, span),
        }
    }

    /// A footnote definition read; a second definition of a label already
    /// used is kept under a label of its own (nothing refers to it).
    fn add_note(&mut self, label: String, blocks: Vec<Block>) {
        let mut unique = label.clone();
        let mut n = 1;
        while self.notes.iter().any(|note| note.label == unique) {
            n += 1;
            unique = format!("{label} ({n})");
        }
        self.notes.push(Note {
            label: unique,
            blocks,
        });
    }

    fn finish(mut self) -> Document {
        while self.stack.len() > 1 {
            match self.stack.last() {
                Some(Frame::Inlines { .. }) => self.close_inline_frame(),
                _ => self.end(TagEnd::Paragraph),
            }
        }
        let Some(Frame::Blocks { blocks, .. }) = self.stack.pop() else {
            unreachable!("the root frame is a block frame")
        };
        let mut doc = Document {
            blocks,
            notes: std::mem::take(&mut self.notes),
            ..Document::default()
        };
        doc.canonicalize();
        doc
    }
}

/// The last frame before a block is pushed must be a block container: an
/// inline frame left open by a tight list item is closed first.
fn inline_frame(kind: InlineContainer, span: Span) -> Frame {
    Frame::Inlines {
        kind,
        inlines: Vec::new(),
        span,
    }
}

fn blocks_frame(kind: Container, span: Span) -> Frame {
    Frame::Blocks {
        kind,
        blocks: Vec::new(),
        span,
    }
}

/// A footnote label as references and definitions are matched: case
/// folded and whitespace collapsed, as CommonMark matches link labels.
fn note_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The alt text of an image: its content as plain text, one line.
fn alt_text(inlines: &[Inline]) -> String {
    plain_text(inlines)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph that holds only an image is a figure, captioned by the
/// image's alt text (as pandoc reads it); any other paragraph is returned.
fn figure(inlines: Vec<Inline>, span: Span) -> Result<Block, Vec<Inline>> {
    let mut content = inlines
        .iter()
        .filter(|i| !matches!(i, Inline::Space | Inline::SoftBreak | Inline::LineBreak));
    match (content.next(), content.next()) {
        (Some(Inline::Image(image)), None) => {
            let caption = inlines_from_text(&image.alt);
            Ok(Block::Figure {
                image: image.clone(),
                caption: (!caption.is_empty()).then_some(caption),
                span,
            })
        }
        _ => Err(inlines),
    }
}

fn alignment(a: pulldown_cmark::Alignment) -> Alignment {
    match a {
        pulldown_cmark::Alignment::None => Alignment::Default,
        pulldown_cmark::Alignment::Left => Alignment::Left,
        pulldown_cmark::Alignment::Center => Alignment::Center,
        pulldown_cmark::Alignment::Right => Alignment::Right,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    fn list_numbering_of(md: &str) -> Vec<(Option<u64>, Numbering)> {
        fn walk(blocks: &[Block], out: &mut Vec<(Option<u64>, Numbering)>) {
            for b in blocks {
                if let Block::List {
                    start, numbering, ..
                } = b
                {
                    out.push((*start, *numbering));
                }
                walk(&b.children().into_iter().cloned().collect::<Vec<_>>(), out);
            }
        }
        let mut out = Vec::new();
        walk(&parse(md).0.blocks, &mut out);
        out
    }

    #[test]
    fn ordered_lists_keep_their_delimiter() {
        let paren = Numbering::new(Counter::Decimal, Delimiter::Paren);
        assert_eq!(list_numbering_of("3) a\n4) b\n"), vec![(Some(3), paren)]);
        assert_eq!(
            list_numbering_of("1. a\n2. b\n"),
            vec![(Some(1), Numbering::default())]
        );
        // Nested and quoted lists read their own first marker.
        assert_eq!(
            list_numbering_of("> 1. a\n>\n>    7) b\n"),
            vec![(Some(1), Numbering::default()), (Some(7), paren)]
        );
        // A bullet list has no numbering of its own.
        assert_eq!(
            list_numbering_of("- a\n- b\n"),
            vec![(None, Numbering::default())]
        );
    }

    #[test]
    fn reads_structure_and_front_matter() {
        let md = "---\ntitle: T\n---\n\n# Head\n\nSome *em* and <u>lost link</u>.\n\n- a\n  - b\n- c\n\n> quote\n\n```rust\nfn x() {}\n```\n";
        let (doc, fm) = parse(md);
        let fm = fm.unwrap();
        assert_eq!(fm.syntax, FrontMatterSyntax::Yaml);
        assert_eq!(fm.text.trim(), "title: T");
        assert_eq!(fm.first_line, 2);
        assert!(matches!(doc.blocks[0], Block::Heading { level: 1, .. }));
        assert_eq!(doc.blocks[0].span(), Span::line(5));
        let para = doc.blocks[1].inlines().unwrap();
        assert!(para.iter().any(|i| matches!(i, Inline::Emphasis(_))));
        assert!(para.iter().any(|i| matches!(i, Inline::Underline(_))));
        assert_eq!(plain_text(para), "Some em and lost link.");
        let Block::List { items, .. } = &doc.blocks[2] else {
            panic!("list expected")
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(items[0][1], Block::List { .. }));
        assert!(matches!(doc.blocks[3], Block::BlockQuote { .. }));
        assert!(
            matches!(&doc.blocks[4], Block::CodeBlock { language: Some(l), text, .. } if l == "rust" && text == "fn x() {}")
        );
        assert!(doc.validate().is_empty(), "{:?}", doc.validate());
    }

    #[test]
    fn toml_front_matter() {
        let (_, fm) = parse("+++\ntitle = \"T\"\n+++\n\ntext\n");
        assert_eq!(fm.unwrap().syntax, FrontMatterSyntax::Toml);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let md = "> ".repeat(20_000) + "deep";
        let (doc, _) = parse(&md);
        assert_eq!(doc.blocks.len(), 1);
        let md = (0..5_000)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect::<String>();
        let (doc, _) = parse(&md);
        assert!(doc.blocks[0].plain_text().contains("x"));
    }

    #[test]
    fn items_past_the_depth_limit_keep_their_text() {
        // Regression: past the container limit, the text of flattened items
        // went into the enclosing list's frame and was dropped with it.
        let md: String = (0..200)
            .map(|i| format!("{}- item{i}\n", "  ".repeat(i)))
            .collect();
        let (doc, _) = parse(&md);
        let text = doc.blocks[0].plain_text();
        for i in 0..200 {
            assert!(text.contains(&format!("item{i}")), "item{i} lost");
        }
    }

    #[test]
    fn deeply_nested_inline_html_does_not_overflow() {
        // Regression: 100,000 nested `<u>` made 100,000 nested `Underline`
        // nodes, and canonicalizing them overflowed the stack.
        let n = 100_000;
        let md = "<u>".repeat(n) + "deep" + &"</u>".repeat(n) + " after";
        let (doc, _) = parse(&md);
        assert_eq!(plain_text(doc.blocks[0].inlines().unwrap()), "deep after");
        let md = "*_".repeat(n) + "x" + &"_*".repeat(n);
        let (doc, _) = parse(&md);
        assert!(doc.blocks[0].plain_text().contains('x'));
    }
}
