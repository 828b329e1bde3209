//! Layout: the document model set into pages of positioned text, measured
//! through [`Measure`] so that layout never touches font files.
//!
//! Blocks are composed top to bottom into lines ([`paginate::VLine`]), each
//! carrying its spacing and whether a page may end before it; paragraphs
//! are broken into lines by the Knuth-Plass breaker ([`linebreak`]) with
//! hyphenation ([`hyphenate`]); [`paginate`] puts the lines on pages as
//! they come and adds the running header and page numbers, and each page
//! goes to emission as soon as it is complete.

pub mod hyphenate;
pub mod linebreak;
pub mod paginate;
pub mod style;
mod table;
pub mod text;

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use crate::model::{Block, Document, Inline, Numbering, plain_text};

use crate::write::labels::Labels;

use super::page::{FontFace, Item, Layout, Measure, StructRef, StructRole, TextRun};
use hyphenate::Hyphenator;
use paginate::{PageSink, Paginator, VLine};
pub use style::{BUILTIN_STYLE, Style};
use text::{Setting, Token, Tokenizer};

/// Lays out a whole document, its pages held in the result.
pub fn layout(doc: &Document, style: &Style, measure: &dyn Measure) -> Layout {
    let mut pages = Vec::new();
    let mut rest = layout_pages(doc, style, measure, &mut |page, _| {
        pages.push(page);
        ControlFlow::Continue(())
    });
    rest.pages = pages;
    rest
}

/// Lays out a whole document, handing each page to `sink` as soon as it is
/// complete (see [`paginate::Paginator`]); returns the rest of the layout,
/// its `pages` empty. The sink may stop the layout (`Break`): the pages
/// after are not made.
pub fn layout_pages(
    doc: &Document,
    style: &Style,
    measure: &dyn Measure,
    sink: &mut PageSink<'_>,
) -> Layout {
    let hyphenator = if style.body.hyphenate {
        Hyphenator::for_language(doc.language())
    } else {
        Hyphenator::none()
    };
    let short = doc
        .meta
        .title_text()
        .map(|t| paginate::short_title(&t, style.furniture.short_title_chars));
    let width = |t: &str, f: FontFace, s: f32| measure.width(t, f, s);
    let mut c = Composer {
        style,
        measure,
        labels: Labels::for_language(doc.language()),
        hyphenator,
        lines: Vec::new(),
        hold: 0,
        pending_labels: Vec::new(),
        pager: Paginator::new(style, short, &width, sink),
        next_id: 0,
        groups: 0,
        missing: BTreeSet::new(),
        pending_space: 0.0,
        pending_keep: false,
        top_level: doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, .. } => Some((*level).clamp(1, 6)),
                _ => None,
            })
            .min()
            .unwrap_or(1),
        alts: std::collections::BTreeMap::new(),
    };
    c.title_block(doc);
    c.abstract_(doc);
    let body = c.frame(style);
    c.blocks(&doc.blocks, &body);
    c.end_matter(doc);
    c.notes(doc);
    c.pager.finish(&c.alts);
    Layout {
        width: style.width,
        height: style.height,
        pages: Vec::new(),
        outline: std::mem::take(&mut c.pager.outline),
        missing_glyphs: c.missing.into_iter().collect(),
        alts: c.alts,
    }
}

/// Where and how blocks are set: the horizontal extent, the text size and
/// leading, and the structure the text belongs to when a container (quote,
/// list item) decides it.
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f32,
    right: f32,
    size: f32,
    leading: f32,
    face: FontFace,
    /// Role and id given to every paragraph inside (a quote, a list item body).
    container: Option<StructRef>,
    /// List this frame's content belongs to.
    list: Option<u32>,
    /// List nesting depth (for bullets).
    depth: usize,
}

struct Composer<'a, 's> {
    style: &'a Style,
    measure: &'a dyn Measure,
    /// The headings the edition adds, in the document's language.
    labels: &'static Labels,
    hyphenator: Hyphenator,
    /// Lines set and not yet handed to the paginator: those of the element
    /// being set while it still changes them (see [`Composer::hold`]).
    lines: Vec<VLine>,
    /// While above zero, lines stay in `lines`: a heading, the title block
    /// or a table row still changes its lines after setting them (keeps,
    /// bookmarks, rules, repeated table headers), by their index.
    hold: u32,
    /// List labels waiting for their item's first line, outer lists first.
    pending_labels: Vec<Item>,
    pager: Paginator<'a, 's>,
    /// Last structure id handed out; ids count up from 1 in reading order.
    next_id: u32,
    /// Last underline or link group handed out.
    groups: u32,
    missing: BTreeSet<char>,
    /// Space wanted before the next line: the largest asked for since the
    /// last line.
    pending_space: f32,
    /// The next line must stay on the page of the previous one.
    pending_keep: bool,
    /// The level of the body's highest headings: they are the top level of
    /// the outline, beside the title and the end matter, as in the EPUB's
    /// table of contents.
    top_level: u8,
    /// Alt text of each figure element, by id.
    alts: std::collections::BTreeMap<u32, String>,
}

impl<'a, 's> Composer<'a, 's> {
    fn frame(&self, style: &Style) -> Frame {
        Frame {
            left: style.margins.left,
            right: style.width - style.margins.right,
            size: style.body.size,
            leading: style.body.leading,
            face: FontFace::Regular,
            container: None,
            list: None,
            depth: 0,
        }
    }

    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn space(&mut self, amount: f32) {
        self.pending_space = self.pending_space.max(amount);
    }

    fn push_line(&mut self, mut items: Vec<Item>, size: f32, advance: f32, keep_with_prev: bool) {
        let keep = keep_with_prev || std::mem::take(&mut self.pending_keep);
        let space_before = std::mem::take(&mut self.pending_space);
        if !self.pending_labels.is_empty() {
            items.splice(0..0, self.pending_labels.drain(..));
        }
        self.lines.push(VLine {
            items,
            advance,
            size,
            space_before,
            keep_with_prev: keep,
            page_break_before: false,
            outline: None,
            repeat: None,
        });
        if self.hold == 0 {
            self.release();
        }
    }

    /// Hands the lines set so far to the paginator.
    fn release(&mut self) {
        for line in self.lines.drain(..) {
            self.pager.push(line, &self.alts);
        }
    }

    /// Keeps the lines set from now on in `lines` until [`Composer::unhold`].
    fn hold(&mut self) {
        self.hold += 1;
    }

    fn unhold(&mut self) {
        self.hold -= 1;
        if self.hold == 0 {
            self.release();
        }
    }

    /// Sets inline content as one paragraph-like element. Lines of a
    /// paragraph keep together where a page break would leave one line
    /// alone (an orphan at the bottom or a widow at the top).
    #[allow(clippy::too_many_arguments)]
    fn inline_block(
        &mut self,
        inlines: &[Inline],
        frame: &Frame,
        face: FontFace,
        size: f32,
        leading: f32,
        indent: f32,
        justify: bool,
        structure: StructRef,
    ) -> usize {
        let mut tokens: Vec<Token> = Tokenizer::new(face, size, &mut self.groups).tokens(inlines);
        text::apply_fallback(&mut tokens, self.measure, &mut self.missing);
        let setting = Setting {
            left: frame.left,
            width: (frame.right - frame.left).max(1.0),
            indent,
            justify,
            hyphenate: justify,
            structure,
        };
        let set = text::set(&tokens, &setting, self.measure, &self.hyphenator);
        let n = set.len();
        for (k, mut line) in set.into_iter().enumerate() {
            let keep = k > 0 && (k == 1 || k + 1 == n);
            let advance = leading.max(line.size * 1.15);
            line.items.extend(self.source_pages(&line.marks));
            self.push_line(line.items, line.size, advance, keep);
        }
        n
    }

    /// The labels of the source pages that begin on a line, set small in
    /// the right margin on the line's baseline. They are page furniture (an
    /// artifact) and read as nothing (an empty `/ActualText`), so the
    /// text a reader copies or extracts is the text alone; the EPUB's page
    /// list and the JATS page range carry the numbers as data.
    fn source_pages(&self, labels: &[String]) -> Option<Item> {
        let style = &self.style.source_pages;
        if labels.is_empty() || !style.show {
            return None;
        }
        let mut text = labels.join(" ");
        text.retain(|c| !c.is_control());
        let face = FontFace::Regular;
        let shows = text
            .chars()
            .all(|c| c.is_whitespace() || self.measure.has_glyph(face, c));
        if text.trim().is_empty() || !shows {
            return None;
        }
        Some(Item::Text(TextRun {
            x: self.style.width - self.style.margins.right + style.gap,
            y: 0.0,
            text: text.into(),
            face,
            size: style.size,
            actual_text: Some(Box::default()),
            structure: StructRef {
                role: StructRole::Artifact,
                id: 0,
                list: None,
            },
        }))
    }

    /// An outline entry at `depth` for the element whose first line is
    /// `line`.
    fn bookmark(&mut self, line: usize, content: &[Inline], depth: u8) {
        let title = plain_text(content);
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !title.is_empty() {
            self.lines[line].outline = Some((title, depth));
        }
    }

    fn structure(&mut self, frame: &Frame, role: StructRole) -> StructRef {
        match frame.container {
            Some(s) => s,
            None => StructRef {
                role,
                id: self.id(),
                list: frame.list,
            },
        }
    }

    fn blocks(&mut self, blocks: &[Block], frame: &Frame) {
        let mut prev_paragraph = false;
        for block in blocks {
            if self.pager.stopped() {
                return;
            }
            self.block(block, frame, prev_paragraph);
            prev_paragraph = matches!(block, Block::Paragraph { .. });
        }
    }

    fn block(&mut self, block: &Block, frame: &Frame, after_paragraph: bool) {
        let style = self.style;
        match block {
            Block::Heading { level, content, .. } => {
                let depth = level.clamp(&1, &6).saturating_sub(self.top_level) + 1;
                self.heading(content, *level, frame, Some(depth));
            }
            Block::Paragraph { content, .. } => {
                // The first paragraph after a heading or other block starts
                // flush left; later ones are indented, unless spaced apart.
                let indent = if after_paragraph && style.body.paragraph_spacing == 0.0 {
                    style.body.indent
                } else {
                    0.0
                };
                if after_paragraph {
                    self.space(style.body.paragraph_spacing);
                }
                let s = self.structure(frame, StructRole::Paragraph);
                self.inline_block(
                    content,
                    frame,
                    frame.face,
                    frame.size,
                    frame.leading,
                    indent,
                    true,
                    s,
                );
            }
            Block::List {
                start,
                numbering,
                items,
                ..
            } => self.list(*start, *numbering, items, frame),
            Block::BlockQuote { blocks, .. } => {
                self.space(style.blocks.space);
                let s = self.structure(frame, StructRole::Quote);
                let inner = Frame {
                    left: frame.left + style.quote.indent,
                    right: frame.right - style.quote.indent,
                    size: style.quote.size.min(frame.size),
                    leading: style.quote.leading.min(frame.leading),
                    container: Some(s),
                    ..*frame
                };
                self.blocks(blocks, &inner);
                self.space(style.blocks.space);
            }
            Block::CodeBlock { text, .. } => {
                self.space(style.blocks.space);
                let s = self.structure(frame, StructRole::Code);
                self.code(text, frame, s);
                self.space(style.blocks.space);
            }
            Block::Table { table, .. } => self.table(table, frame),
            Block::Figure { image, caption, .. } => {
                // Images are not embedded yet: the alt text stands in, with
                // the caption under it.
                self.space(style.blocks.space);
                let s = StructRef {
                    role: StructRole::Figure,
                    id: self.id(),
                    list: None,
                };
                let alt = image.alt.split_whitespace().collect::<Vec<_>>().join(" ");
                self.alts.insert(
                    s.id,
                    if alt.is_empty() {
                        "Image".to_string()
                    } else {
                        alt
                    },
                );
                let mut content = vec![Inline::Image(image.clone())];
                if let Some(c) = caption
                    .as_ref()
                    .filter(|c| plain_text(c).trim() != image.alt.trim())
                {
                    content.push(Inline::LineBreak);
                    content.extend(c.iter().cloned());
                }
                self.inline_block(
                    &content,
                    frame,
                    frame.face,
                    frame.size,
                    frame.leading,
                    0.0,
                    false,
                    s,
                );
                self.space(style.blocks.space);
            }
            Block::DefinitionList { items, .. } => {
                self.space(style.blocks.space);
                for d in items {
                    let s = self.structure(frame, StructRole::Paragraph);
                    let face = if matches!(frame.face, FontFace::Italic) {
                        FontFace::BoldItalic
                    } else {
                        FontFace::Bold
                    };
                    self.inline_block(
                        &d.term,
                        frame,
                        face,
                        frame.size,
                        frame.leading,
                        0.0,
                        false,
                        s,
                    );
                    let inner = Frame {
                        left: frame.left + style.list.indent,
                        ..*frame
                    };
                    for def in &d.definitions {
                        self.blocks(def, &inner);
                    }
                }
                self.space(style.blocks.space);
            }
            Block::ThematicBreak { .. } => {
                self.space(style.blocks.space * 1.5);
                let mid = (frame.left + frame.right) / 2.0;
                let half = (frame.right - frame.left) / 6.0;
                let rule = Item::Rule {
                    x1: mid - half,
                    y1: frame.size * 0.3,
                    x2: mid + half,
                    y2: frame.size * 0.3,
                    width: 0.5,
                    artifact: true,
                };
                self.push_line(vec![rule], frame.size, frame.leading, false);
                self.space(style.blocks.space * 1.5);
            }
        }
    }

    /// A heading: bold, sized by level, kept with the lines after it, and
    /// an outline entry at depth `outline` when given.
    fn heading(&mut self, content: &[Inline], level: u8, frame: &Frame, outline: Option<u8>) {
        let style = self.style;
        let level = level.clamp(1, 6);
        let size = if frame.size < style.body.size {
            // In the smaller end matter, headings scale down too.
            style.headings.size(level) * frame.size / style.body.size
        } else {
            style.headings.size(level)
        };
        self.space(style.headings.space_before);
        let s = StructRef {
            role: StructRole::Heading(level),
            id: self.id(),
            list: None,
        };
        self.hold();
        let first = self.lines.len();
        let face = if matches!(frame.face, FontFace::Italic) {
            FontFace::BoldItalic
        } else {
            FontFace::Bold
        };
        let n = self.inline_block(content, frame, face, size, size * 1.25, 0.0, false, s);
        if n > 0 {
            if let Some(depth) = outline {
                self.bookmark(first, content, depth);
            }
            for line in &mut self.lines[first + 1..] {
                line.keep_with_prev = true;
            }
            self.pending_keep = true;
        }
        self.unhold();
        self.space(style.headings.space_after);
    }

    fn list(
        &mut self,
        start: Option<u64>,
        numbering: Numbering,
        items: &[Vec<Block>],
        frame: &Frame,
    ) {
        let style = self.style;
        self.space(style.blocks.space);
        let list = self.id();
        for (n, item) in items.iter().enumerate() {
            let label = match start {
                Some(s) => numbering.marker(s.saturating_add(n as u64)),
                None => if frame.depth % 2 == 0 {
                    "\u{2022}"
                } else {
                    "\u{2013}"
                }
                .to_string(),
            };
            let label_ref = StructRef {
                role: StructRole::ListLabel,
                id: self.id(),
                list: Some(list),
            };
            let body_ref = StructRef {
                role: StructRole::ListBody,
                id: self.id(),
                list: Some(list),
            };
            let inner = Frame {
                left: frame.left + style.list.indent,
                container: Some(body_ref),
                list: Some(list),
                depth: frame.depth + 1,
                ..*frame
            };
            // The label opens the item's first line, whatever sets it.
            let label_run = self.label_run(&label, &inner, label_ref);
            let waiting = self.pending_labels.len();
            self.pending_labels.push(label_run);
            let mut prev_paragraph = false;
            for block in item {
                // A nested list has its own items; everything else in the
                // item is the item's body.
                if let Block::List {
                    start,
                    numbering,
                    items,
                    ..
                } = block
                {
                    let nested = Frame {
                        container: None,
                        ..inner
                    };
                    self.list(*start, *numbering, items, &nested);
                } else {
                    self.block(block, &inner, prev_paragraph);
                }
                prev_paragraph = matches!(block, Block::Paragraph { .. });
            }
            if self.pending_labels.len() > waiting {
                self.push_line(Vec::new(), frame.size, frame.leading, false);
            }
            if self.pager.stopped() {
                return;
            }
        }
        self.space(style.blocks.space);
    }

    /// A list label, right-aligned in the space before the item's text.
    fn label_run(&mut self, label: &str, inner: &Frame, structure: StructRef) -> Item {
        let mut face = FontFace::Regular;
        if !label.chars().all(|c| self.measure.has_glyph(face, c)) {
            if label
                .chars()
                .all(|c| self.measure.has_glyph(FontFace::Fallback, c))
            {
                face = FontFace::Fallback;
            } else {
                self.missing.extend(
                    label
                        .chars()
                        .filter(|c| !self.measure.has_glyph(FontFace::Fallback, *c)),
                );
            }
        }
        let w = self.measure.width(label, face, inner.size);
        Item::Text(TextRun {
            x: (inner.left - self.style.list.label_gap - w).max(0.0),
            y: 0.0,
            // The space that parts the label from the item's text, as a
            // real U+0020 (it falls in the gap before the text).
            text: format!("{label} ").into(),
            face,
            size: inner.size,
            actual_text: None,
            structure,
        })
    }

    /// A code block: monospaced, ragged, each source line broken hard where
    /// it would pass the right edge.
    fn code(&mut self, text: &str, frame: &Frame, s: StructRef) {
        let style = self.style;
        let left = frame.left + style.code.indent;
        let source: Vec<String> = text
            .trim_end_matches('\n')
            .split('\n')
            .map(|l| l.trim_end().replace('\t', "    "))
            .collect();
        // A block wider than the text block is set smaller, down to the
        // style's floor, so that its lines (a page kept in columns) keep
        // their alignment; only lines wider still break.
        let set = style.code.size.min(frame.size);
        // Measured a character at a time in its face, as the lines are set
        // below: a whole line measured at once would be remembered line by
        // line.
        let widest = source
            .iter()
            .map(|l| {
                l.chars()
                    .map(|ch| {
                        let face = self.code_face(ch).unwrap_or(FontFace::Mono);
                        self.measure.width(ch.encode_utf8(&mut [0; 4]), face, set)
                    })
                    .sum::<f32>()
            })
            .fold(0.0, f32::max);
        let size = style.code.fitted_size(set, widest, frame.right - left);
        let leading = style.code.leading.min(frame.leading) * size / set;
        let width = (frame.right - left).max(size);
        let mut out: Vec<Vec<Item>> = Vec::new();
        for line in &source {
            let mut rows: Vec<Vec<(String, FontFace, f32)>> = vec![Vec::new()];
            let mut x = 0.0;
            for ch in line.chars() {
                let face = self.code_face(ch).unwrap_or_else(|| {
                    self.missing.insert(ch);
                    FontFace::Mono
                });
                let cw = self.measure.width(ch.encode_utf8(&mut [0; 4]), face, size);
                if x + cw > width && x > 0.0 {
                    rows.push(Vec::new());
                    x = 0.0;
                }
                let row = rows.last_mut().expect("rows is never empty");
                match row.last_mut() {
                    Some(r) if r.1 == face => r.0.push(ch),
                    _ => row.push((ch.to_string(), face, x)),
                }
                x += cw;
            }
            // A source line broken over several rows reads as one line:
            // the first row's last run carries the rest of the line, the
            // continuation rows read as nothing (as for hyphenated words).
            let rest: Vec<String> = rows
                .iter()
                .map(|r| r.iter().map(|(t, _, _)| t.as_str()).collect())
                .collect();
            for (k, row) in rows.into_iter().enumerate() {
                let mut items = self.code_runs(row, left, size, s);
                if rest.len() > 1 {
                    if k == 0 {
                        if let Some(Item::Text(run)) = items.last_mut() {
                            let mut whole = run.text.to_string();
                            whole.extend(rest[1..].iter().map(String::as_str));
                            run.actual_text = Some(whole.into());
                        }
                    } else {
                        for item in &mut items {
                            if let Item::Text(run) = item {
                                run.actual_text = Some(Box::default());
                            }
                        }
                    }
                }
                out.push(items);
            }
        }
        let n = out.len();
        for (k, items) in out.into_iter().enumerate() {
            let keep = k > 0 && (k == 1 || k + 1 == n);
            self.push_line(items, size, leading, keep);
        }
    }

    /// The face a code character is set in: the monospaced face, or the
    /// fallback for what it lacks; `None` when no face has it.
    fn code_face(&self, ch: char) -> Option<FontFace> {
        if ch == ' ' || text::shows(self.measure, FontFace::Mono, ch) {
            Some(FontFace::Mono)
        } else if self.measure.has_glyph(FontFace::Fallback, ch) {
            Some(FontFace::Fallback)
        } else {
            None
        }
    }

    fn code_runs(
        &self,
        row: Vec<(String, FontFace, f32)>,
        left: f32,
        size: f32,
        s: StructRef,
    ) -> Vec<Item> {
        row.into_iter()
            .filter(|(t, _, _)| !t.trim().is_empty())
            .map(|(t, face, x)| {
                // Leading spaces become an offset, so runs hold no blanks
                // a text extractor could misread.
                let lead = t.len() - t.trim_start().len();
                let x = x + self.measure.width(&t[..lead], face, size);
                Item::Text(TextRun {
                    x: left + x,
                    y: 0.0,
                    text: t.trim_start().into(),
                    face,
                    size,
                    actual_text: None,
                    structure: s,
                })
            })
            .collect()
    }

    /// Title, subtitle, authors, affiliations and date, at the top of page 1.
    fn title_block(&mut self, doc: &Document) {
        let meta = &doc.meta;
        let style = self.style;
        let frame = self.frame(style);
        let t = style.title;
        self.hold();
        let start = self.lines.len();
        if let Some(title) = &meta.title {
            let s = StructRef {
                role: StructRole::Title,
                id: self.id(),
                list: None,
            };
            let first = self.lines.len();
            let n = self.inline_block(
                title,
                &frame,
                FontFace::Bold,
                t.size,
                t.size * 1.2,
                0.0,
                false,
                s,
            );
            if n > 0 {
                self.bookmark(first, title, 1);
            }
        }
        if let Some(subtitle) = &meta.subtitle {
            self.space(t.subtitle_size * 0.3);
            let s = self.structure(&frame, StructRole::Paragraph);
            self.inline_block(
                subtitle,
                &frame,
                FontFace::Italic,
                t.subtitle_size,
                t.subtitle_size * 1.25,
                0.0,
                false,
                s,
            );
        }
        if !meta.authors.is_empty() {
            self.space(t.author_size);
            let names: Vec<&str> = meta.authors.iter().map(|a| a.name.as_str()).collect();
            let s = self.structure(&frame, StructRole::Paragraph);
            let inlines = crate::model::inlines_from_text(&names.join(", "));
            self.inline_block(
                &inlines,
                &frame,
                FontFace::Regular,
                t.author_size,
                t.author_size * 1.3,
                0.0,
                false,
                s,
            );
            for aff in meta.distinct_affiliations() {
                let s = self.structure(&frame, StructRole::Paragraph);
                let inlines = crate::model::inlines_from_text(aff);
                self.inline_block(
                    &inlines,
                    &frame,
                    FontFace::Italic,
                    t.affiliation_size,
                    t.affiliation_size * 1.3,
                    0.0,
                    false,
                    s,
                );
            }
        }
        if let Some(date) = meta.date {
            self.space(t.date_size * 0.6);
            let s = self.structure(&frame, StructRole::Paragraph);
            let inlines = crate::model::inlines_from_text(&self.labels.long_date(date));
            self.inline_block(
                &inlines,
                &frame,
                FontFace::Regular,
                t.date_size,
                t.date_size * 1.3,
                0.0,
                false,
                s,
            );
        }
        // The title block stays together on page 1.
        for line in self.lines.iter_mut().skip(start + 1) {
            line.keep_with_prev = true;
        }
        let set = self.lines.len() > start;
        self.unhold();
        if set {
            self.space(t.space_after);
        }
    }

    /// The abstract: its title, then its text indented and smaller.
    fn abstract_(&mut self, doc: &Document) {
        let Some(abs) = &doc.meta.abstract_ else {
            return;
        };
        let style = self.style;
        let base = self.frame(style);
        let frame = Frame {
            left: base.left + style.small.abstract_indent,
            right: base.right - style.small.abstract_indent,
            size: style.small.size,
            leading: style.small.leading,
            ..base
        };
        let title = abs
            .title
            .clone()
            .filter(|t| !plain_text(t).trim().is_empty())
            .unwrap_or_else(|| vec![Inline::text(self.labels.abstract_)]);
        // A heading one level below the title, as in the EPUB and JATS
        // editions, and in the outline under the title.
        let s = StructRef {
            role: StructRole::Heading(2),
            id: self.id(),
            list: None,
        };
        self.hold();
        let first = self.lines.len();
        let n = self.inline_block(
            &title,
            &frame,
            FontFace::Bold,
            frame.size,
            frame.leading,
            0.0,
            false,
            s,
        );
        if n > 0 {
            self.bookmark(first, &title, 2);
        }
        self.unhold();
        self.pending_keep = true;
        self.space(style.small.leading * 0.3);
        self.blocks(&abs.blocks, &frame);
        self.space(style.title.space_after * 0.75);
    }

    /// Author bios and end matter, set smaller after the body.
    /// The footnotes, as numbered endnotes after everything else (the PDF
    /// writer has put each note's number before its text), each one `Note`
    /// element.
    fn notes(&mut self, doc: &Document) {
        if doc.notes.is_empty() {
            return;
        }
        let style = self.style;
        let base = self.frame(style);
        let frame = Frame {
            size: style.small.size,
            leading: style.small.leading,
            ..base
        };
        self.heading(&[Inline::text("Notes")], 2, &frame, Some(1));
        for note in &doc.notes {
            let s = StructRef {
                role: StructRole::Note,
                id: self.id(),
                list: None,
            };
            let inner = Frame {
                container: Some(s),
                ..frame
            };
            self.blocks(&note.blocks, &inner);
            self.space(style.small.leading * 0.5);
        }
    }

    fn end_matter(&mut self, doc: &Document) {
        let style = self.style;
        let base = self.frame(style);
        let frame = Frame {
            size: style.small.size,
            leading: style.small.leading,
            ..base
        };
        let bios: Vec<_> = doc
            .meta
            .authors
            .iter()
            .filter(|a| !a.bio.is_empty())
            .collect();
        if !bios.is_empty() {
            let title = self.labels.about_authors(bios.len());
            self.heading(&[Inline::text(title)], 2, &frame, Some(1));
            for author in bios {
                self.blocks(&author.bio, &frame);
                self.space(style.small.leading * 0.5);
            }
        }
        for back in &doc.back {
            let title = back
                .title
                .clone()
                .unwrap_or_else(|| crate::model::inlines_from_text(self.labels.back(back.kind)));
            self.heading(&title, 2, &frame, Some(1));
            self.blocks(&back.blocks, &frame);
        }
    }
}
