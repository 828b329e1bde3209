//! The plain-text edition: a `Key: value` header, then the document as
//! wrapped paragraphs. Also renders the repaired text that `recto normalize`
//! prints (no header, no wrapping), plain or as Markdown.

mod table;

use crate::error::Result;
use std::collections::BTreeMap;

use crate::model::{Block, Document, Image, Inline, Table};

use super::labels::Labels;

use super::{Output, WriteOptions};

/// The built-in header template. Each line names one field; a line whose
/// fields are all unknown is left out, and a `{author}` line is repeated once
/// per author.
pub const BUILTIN_HEADER: &str = include_str!("../../templates/txt/header.txt");

/// How the text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLayout {
    /// Write the metadata header.
    pub header: bool,
    /// Wrap column; `None` writes each paragraph on one line.
    pub wrap: Option<usize>,
    /// Mark headings, emphasis, lists and links the Markdown way.
    pub markdown: bool,
    /// How tables are written (when not as Markdown).
    pub tables: TableText,
    /// Write `[p. 12]` where a printed page of the source began.
    pub page_markers: bool,
}

/// How the plain text shows a table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TableText {
    /// Aligned columns, cells wrapped within the wrap column; `key: value`
    /// records when the columns cannot fit.
    #[default]
    Aligned,
    /// One row per line, cells separated by a tab: what tools that score or
    /// re-read the repaired text expect.
    Tabbed,
}

/// The placeholders a header template may use.
pub const HEADER_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "author",
    "date",
    "language",
    "identifier",
    "publisher",
    "series",
    "keywords",
    "license",
    "abstract",
];

/// The header template in use: the user's `txt/header.txt`, checked for
/// unknown placeholders, or the built-in one.
pub fn header_template(options: &WriteOptions) -> Result<std::borrow::Cow<'static, str>> {
    Ok(match options.templates.user_file("txt/header.txt")? {
        Some((path, text)) => {
            super::templates::check_placeholders(&text, HEADER_FIELDS, &path)?;
            std::borrow::Cow::Owned(text)
        }
        None => std::borrow::Cow::Borrowed(BUILTIN_HEADER),
    })
}

/// Writes the plain-text edition.
pub fn write(doc: &Document, options: &WriteOptions) -> Result<Output> {
    let header = header_template(options)?;
    let layout = TextLayout {
        header: true,
        wrap: options.wrap,
        markdown: false,
        tables: TableText::Aligned,
        page_markers: options.page_markers,
    };
    Ok(Output {
        bytes: render(doc, layout, &header).into_bytes(),
        ..Output::default()
    })
}

/// The repaired document as text, one block per paragraph, for `recto normalize`.
pub fn render_repaired(doc: &Document, markdown: bool) -> String {
    render(
        doc,
        TextLayout {
            header: false,
            wrap: None,
            markdown,
            tables: TableText::Tabbed,
            page_markers: false,
        },
        BUILTIN_HEADER,
    )
}

/// Renders the document with the given layout and header template.
pub fn render(doc: &Document, layout: TextLayout, header_template: &str) -> String {
    let notes = doc.numbered_notes();
    let mut out = Writer {
        layout,
        chunks: Vec::new(),
        marks: Marks {
            md: layout.markdown,
            pages: layout.page_markers,
            notes: notes
                .iter()
                .map(|(n, note)| (note.label.clone(), *n))
                .collect(),
        },
    };
    if layout.header {
        let header = header_lines(doc, header_template, layout.wrap);
        if !header.is_empty() {
            out.chunks.push(header);
        }
    }
    let meta = &doc.meta;
    // The edition (with its header) carries the front and back matter the
    // PDF and the EPUB show, with the same labels; the repaired text that
    // `recto normalize` prints holds only what the source itself said.
    let edition = layout.header;
    let labels = Labels::for_language(doc.language());
    if let Some(title) = &meta.title {
        out.heading(1, title);
    }
    if let Some(subtitle) = &meta.subtitle {
        out.paragraph(subtitle, "", "");
    }
    // In the repaired text (no header) a byline reads back as one only under
    // a title; alone it would read as a heading. Without a title the names
    // came from the bios, which follow.
    if !meta.authors.is_empty() && (edition || meta.title.is_some()) {
        let names: Vec<&str> = meta.authors.iter().map(|a| a.name.as_str()).collect();
        out.plain(&names.join(", "));
    }
    if edition {
        for affiliation in meta.distinct_affiliations() {
            out.plain(affiliation);
        }
        if let Some(date) = meta.date {
            out.plain(&labels.long_date(date));
        }
    }
    if let Some(abs) = &meta.abstract_ {
        let title = abs
            .title
            .as_deref()
            .filter(|t| !crate::model::plain_text(t).trim().is_empty());
        match title {
            Some(title) => out.heading(2, title),
            None if edition => out.heading(2, &[Inline::text(labels.abstract_)]),
            None => {}
        }
        out.blocks(&abs.blocks, "");
    }
    out.blocks(&doc.blocks, "");
    let bios = meta.authors.iter().filter(|a| !a.bio.is_empty()).count();
    if edition && bios > 0 {
        out.heading(2, &[Inline::text(labels.about_authors(bios))]);
    }
    for author in &meta.authors {
        out.blocks(&author.bio, "");
    }
    for back in &doc.back {
        match &back.title {
            Some(title) => out.heading(2, title),
            None if edition => out.heading(2, &[Inline::text(labels.back(back.kind))]),
            None => {}
        }
        out.blocks(&back.blocks, "");
    }
    out.notes(&notes);
    let mut text = out.chunks.join("\n\n");
    text.push('\n');
    text
}

/// The header: template lines filled from the metadata.
fn header_lines(doc: &Document, template: &str, wrap: Option<usize>) -> String {
    let meta = &doc.meta;
    let text = |i: &Option<Vec<Inline>>| i.as_deref().map(crate::model::plain_text);
    let keywords = (!meta.keywords.is_empty()).then(|| meta.keywords.join(", "));
    let fields: Vec<(&str, Option<String>)> = vec![
        ("title", Some(super::document_title(doc))),
        ("subtitle", text(&meta.subtitle)),
        ("date", meta.date.map(|d| d.to_string())),
        ("language", meta.language.clone()),
        ("identifier", meta.identifier.clone()),
        ("publisher", meta.publisher.clone()),
        ("series", meta.series.clone()),
        ("keywords", keywords),
        ("license", meta.license.clone()),
        ("abstract", meta.abstract_text()),
    ];
    let mut lines = Vec::new();
    for line in template.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.contains("{author}") {
            // The name and e-mail; the affiliations are listed under the
            // names in the text, as in the PDF's title block.
            for a in &meta.authors {
                let mut who = a.name.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(email) = a.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
                    who.push_str(&format!(" <{email}>"));
                }
                lines.push(line.replace("{author}", &who));
            }
            continue;
        }
        let mut filled = line.to_string();
        let mut known = false;
        let mut has_field = false;
        for (name, value) in &fields {
            let key = format!("{{{name}}}");
            if filled.contains(&key) {
                has_field = true;
                if let Some(v) = value {
                    known = true;
                    filled =
                        filled.replace(&key, &v.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
        }
        if known || !has_field {
            lines.push(filled);
        }
    }
    let width = wrap.unwrap_or(usize::MAX);
    let keywords_key = template
        .lines()
        .find(|l| !l.trim_start().starts_with('#') && l.contains("{keywords}"))
        .and_then(|l| l.split("{keywords}").next())
        .unwrap_or("");
    lines
        .iter()
        .map(|l| {
            // Every value folds at the wrap column onto indented lines, which
            // never read as a new key. A keyword list folds only between
            // keywords, so that no keyword is split over two lines.
            if !keywords_key.is_empty() && l.starts_with(keywords_key) {
                fold_list(l, width)
            } else {
                wrap_words(l, width, "", "  ").join("\n")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A `Key: a, b, c` line folded between its items, onto lines indented
/// like every continuation.
fn fold_list(line: &str, width: usize) -> String {
    let Some((key, value)) = line.split_once(": ") else {
        return line.to_string();
    };
    let items: Vec<&str> = value.split(", ").collect();
    let mut lines = vec![format!("{key}:")];
    for (i, item) in items.iter().enumerate() {
        let unit = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.to_string()
        };
        let last = lines.last_mut().expect("lines is never empty");
        if i > 0 && last.chars().count() + 1 + unit.chars().count() > width {
            lines.push(format!("  {unit}"));
        } else {
            last.push(' ');
            last.push_str(&unit);
        }
    }
    lines.join("\n")
}

struct Writer {
    layout: TextLayout,
    chunks: Vec<String>,
    marks: Marks,
}

/// How inline content is marked: the Markdown way or not, and the number
/// of each footnote.
struct Marks {
    md: bool,
    /// Show page markers (`[p. 12]`).
    pages: bool,
    notes: BTreeMap<String, usize>,
}

impl Writer {
    fn width(&self) -> usize {
        self.layout.wrap.unwrap_or(usize::MAX)
    }

    fn plain(&mut self, text: &str) {
        let lines = wrap_words(text, self.width(), "", "");
        self.chunks.push(lines.join("\n"));
    }

    fn heading(&mut self, level: u8, content: &[Inline]) {
        self.heading_with_id(level, content, None);
    }

    fn heading_with_id(&mut self, level: u8, content: &[Inline], id: Option<&str>) {
        let text = self.inline_text(content);
        let text = if self.layout.markdown {
            let anchor = id
                .filter(|i| !i.is_empty() && !i.contains(char::is_whitespace) && !i.contains('}'))
                .map(|i| format!(" {{#{i}}}"))
                .unwrap_or_default();
            format!("{} {text}{anchor}", "#".repeat(level.clamp(1, 6) as usize))
        } else {
            text
        };
        self.chunks
            .push(wrap_words(&text, self.width(), "", "").join("\n"));
    }

    fn paragraph(&mut self, content: &[Inline], first: &str, rest: &str) {
        let mut text = self.inline_text(content);
        if self.layout.markdown {
            text = text
                .split('\n')
                .map(escape_block_start)
                .collect::<Vec<_>>()
                .join("\n");
        }
        self.chunks
            .push(wrap_words(&text, self.width(), first, rest).join("\n"));
    }

    fn blocks(&mut self, blocks: &[Block], indent: &str) {
        for block in blocks {
            self.block(block, indent);
        }
    }

    /// Blocks under a hanging marker (a list item, a definition): the
    /// first line starts with `first`, every other with `rest`.
    fn hanging(&mut self, blocks: &[Block], first: &str, rest: &str) {
        let mut parts = blocks.iter();
        match parts.next() {
            Some(Block::Paragraph { content, .. }) => self.paragraph(content, first, rest),
            Some(other) => {
                self.chunks.push(first.trim_end().to_string());
                self.block(other, rest);
            }
            None => self.chunks.push(first.trim_end().to_string()),
        }
        for inner in parts {
            self.block(inner, rest);
        }
    }

    fn block(&mut self, block: &Block, indent: &str) {
        match block {
            Block::Heading {
                level, content, id, ..
            } => self.heading_with_id(*level, content, id.as_deref()),
            Block::Paragraph { content, .. } => self.paragraph(content, indent, indent),
            Block::List {
                start,
                numbering,
                items,
                ..
            } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(s) => format!("{} ", numbering.marker(s.saturating_add(n as u64))),
                        None if ends_with_dash(item) => "* ".to_string(),
                        None => "- ".to_string(),
                    };
                    let first = format!("{indent}{marker}");
                    let rest = format!("{indent}{}", " ".repeat(marker.chars().count()));
                    self.hanging(item, &first, &rest);
                }
            }
            Block::BlockQuote { blocks, .. } => {
                let inner = if self.layout.markdown {
                    format!("{indent}> ")
                } else {
                    format!("{indent}    ")
                };
                self.blocks(blocks, &inner);
            }
            Block::CodeBlock { language, text, .. } => {
                let body = if self.layout.markdown {
                    format!(
                        "{indent}```{}\n{}\n{indent}```",
                        language.as_deref().unwrap_or(""),
                        prefix_lines(text, indent)
                    )
                } else {
                    prefix_lines(text, &format!("{indent}    "))
                };
                self.chunks.push(body);
            }
            Block::ThematicBreak { .. } => self.chunks.push(format!("{indent}* * *")),
            Block::Table { table, .. } => self.table(table, indent),
            Block::Figure { image, caption, .. } => self.figure(image, caption.as_deref(), indent),
            Block::DefinitionList { items, .. } => {
                for d in items {
                    let term = self.inline_text(&d.term);
                    self.chunks
                        .push(wrap_words(&term, self.width(), indent, indent).join("\n"));
                    for def in &d.definitions {
                        // Markdown marks each definition with ": "; plain
                        // text indents it under its term.
                        let (first, rest) = if self.layout.markdown {
                            (format!("{indent}: "), format!("{indent}  "))
                        } else {
                            (format!("{indent}    "), format!("{indent}    "))
                        };
                        self.hanging(def, &first, &rest);
                    }
                }
            }
        }
    }

    /// A figure: the image as `[Image: alt]` (Markdown: the image itself),
    /// then its caption when it says more than the alt text.
    fn figure(&mut self, image: &Image, caption: Option<&[Inline]>, indent: &str) {
        let caption_text = caption.map(|c| self.inline_text(c));
        if self.layout.markdown {
            // Read back, an image alone in a paragraph is a figure whose
            // caption is its alt text.
            let alt = caption_text.clone().unwrap_or_else(|| image.alt.clone());
            let text = image_markdown(&alt, image);
            self.chunks
                .push(wrap_words(&text, self.width(), indent, indent).join("\n"));
            return;
        }
        let mut text = image_text(image);
        if let Some(c) = caption_text.filter(|c| c.trim() != image.alt.trim()) {
            text.push('\n');
            text.push_str(&c);
        }
        self.chunks
            .push(wrap_words(&text, self.width(), indent, indent).join("\n"));
    }

    /// The footnotes, numbered, after everything else.
    fn notes(&mut self, notes: &[(usize, &crate::model::Note)]) {
        if notes.is_empty() {
            return;
        }
        if !self.layout.markdown {
            self.heading(2, &[Inline::text("Notes")]);
        }
        for (n, note) in notes {
            let (first, rest) = if self.layout.markdown {
                (
                    format!("[^{}]: ", md_label(&note.label)),
                    "    ".to_string(),
                )
            } else {
                let marker = format!("[{n}] ");
                let pad = " ".repeat(marker.len());
                (marker, pad)
            };
            let mut parts = note.blocks.iter();
            match parts.next() {
                Some(Block::Paragraph { content, .. }) => self.paragraph(content, &first, &rest),
                Some(other) => {
                    self.chunks.push(first.trim_end().to_string());
                    self.block(other, &rest);
                }
                None => self.chunks.push(first.trim_end().to_string()),
            }
            for inner in parts {
                self.block(inner, &rest);
            }
        }
    }

    /// A table: its caption as a paragraph, then the rows in the form the
    /// layout asks for.
    fn table(&mut self, t: &Table, indent: &str) {
        if let Some(caption) = &t.caption {
            self.paragraph(caption, indent, indent);
        }
        let md = self.layout.markdown;
        let marks = &self.marks;
        let render = |inlines: &[Inline]| {
            let mut s = String::new();
            push_inlines(inlines, marks, &mut s);
            s
        };
        let text_table = table::TextTable::new(t, render);
        let lines = if md {
            table::pipe(&text_table)
        } else if self.layout.tables == TableText::Tabbed {
            table::tabbed(t, render)
        } else {
            let room = self
                .width()
                .saturating_sub(table::display_width(indent))
                .max(1);
            match text_table.aligned(room) {
                Some(lines) => lines,
                None => {
                    for record in text_table.records() {
                        let lines: Vec<String> = record
                            .iter()
                            .flat_map(|l| {
                                wrap_words(l, self.width(), indent, &format!("{indent}    "))
                            })
                            .collect();
                        self.chunks.push(lines.join("\n"));
                    }
                    return;
                }
            }
        };
        if !lines.is_empty() {
            self.chunks.push(prefix_lines(&lines.join("\n"), indent));
        }
    }

    fn inline_text(&self, inlines: &[Inline]) -> String {
        let mut s = String::new();
        push_inlines(inlines, &self.marks, &mut s);
        s
    }
}

/// An image in plain text: `[Image: alt]`.
fn image_text(image: &Image) -> String {
    let alt = image.alt.split_whitespace().collect::<Vec<_>>().join(" ");
    if alt.is_empty() {
        "[Image]".to_string()
    } else {
        format!("[Image: {alt}]")
    }
}

/// An image in Markdown: `![alt](src "title")`.
fn image_markdown(alt: &str, image: &Image) -> String {
    let alt = alt.replace('[', "\\[").replace(']', "\\]");
    let src = if image.src.contains([' ', '(', ')']) || image.src.is_empty() {
        format!("<{}>", image.src.replace(['<', '>'], ""))
    } else {
        image.src.clone()
    };
    match &image.title {
        Some(t) => format!("![{alt}]({src} \"{}\")", t.replace('"', "\\\"")),
        None => format!("![{alt}]({src})"),
    }
}

/// A paragraph's line that Markdown would read as the start of another
/// block, escaped: a heading's `#`, a quotation's `>`, a list's marker
/// (`- `, `1. `), a fence, a rule or a heading's underline. A repaired
/// paragraph may open with any of them ("# point is an (x, y) tuple", a
/// comment of a listing read as prose), and must read back as the
/// paragraph it is.
fn escape_block_start(line: &str) -> String {
    let t = line.trim_start();
    let lead = &line[..line.len() - t.len()];
    let ends_mark = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    let hashes = t.len() - t.trim_start_matches('#').len();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marks_only = |c: char| {
        t.chars().filter(|&m| m == c).count() >= 3 && t.chars().all(|m| m == c || m == ' ')
    };
    if (1..=6).contains(&hashes) && ends_mark(&t[hashes..])
        || t.starts_with('>')
        || t.starts_with(['-', '+', '*']) && ends_mark(&t[1..])
        || t.starts_with("```")
        || t.starts_with("~~~")
        || ['-', '*', '_', '='].into_iter().any(marks_only)
    {
        format!("{lead}\\{t}")
    } else if (1..=9).contains(&digits)
        && t[digits..].starts_with(['.', ')'])
        && ends_mark(&t[digits + 1..])
    {
        format!("{lead}{}\\{}", &t[..digits], &t[digits..])
    } else {
        line.to_string()
    }
}

/// A footnote label as Markdown writes it between `[^` and `]`.
fn md_label(label: &str) -> String {
    let clean: String = label
        .chars()
        .map(|c| {
            if c.is_whitespace() || matches!(c, '[' | ']' | '^') {
                '-'
            } else {
                c
            }
        })
        .collect();
    if clean.is_empty() {
        "note".into()
    } else {
        clean
    }
}

/// Whether a list item's text ends in a dash. Written as "- 5 -" such an item
/// reads back as a "- 4 -" page number, so it takes the "* " bullet instead.
fn ends_with_dash(item: &[Block]) -> bool {
    let Some(Block::Paragraph { content, .. }) = item.first() else {
        return false;
    };
    let mut text = String::new();
    let marks = Marks {
        md: false,
        pages: false,
        notes: BTreeMap::new(),
    };
    push_inlines(content, &marks, &mut text);
    text.trim_end().ends_with(['-', '–', '—'])
}

fn push_inlines(inlines: &[Inline], marks: &Marks, out: &mut String) {
    let md = marks.md;
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Space | Inline::SoftBreak => out.push(' '),
            // A hard break survives wrapping as a marker the wrapper honours.
            Inline::LineBreak => out.push('\n'),
            Inline::Code(c) if md => {
                out.push('`');
                out.push_str(c);
                out.push('`');
            }
            Inline::Code(c) => out.push_str(c),
            Inline::Emphasis(c) => wrap_marks(c, marks, "*", "*", out),
            Inline::Strong(c) => wrap_marks(c, marks, "**", "**", out),
            Inline::Underline(c) => wrap_marks(c, marks, "<u>", "</u>", out),
            // Struck-out, raised and lowered text keep their marks in plain
            // text too: the meaning is in the mark ("~~$40~~ $30", "x^2^").
            Inline::Strikeout(c) => always_marks(c, marks, "~~", out),
            Inline::Superscript(c) => always_marks(c, marks, "^", out),
            Inline::Subscript(c) => always_marks(c, marks, "~", out),
            Inline::Math { display, tex } => {
                let fence = if *display { "$$" } else { "$" };
                out.push_str(fence);
                out.push_str(tex);
                out.push_str(fence);
            }
            Inline::NoteRef(label) => match (md, marks.notes.get(label)) {
                (true, _) => out.push_str(&format!("[^{}]", md_label(label))),
                (false, Some(n)) => out.push_str(&format!("[{n}]")),
                (false, None) => out.push_str(&format!("[{label}]")),
            },
            Inline::Image(image) if md => out.push_str(&image_markdown(&image.alt, image)),
            Inline::Image(image) => out.push_str(&image_text(image)),
            Inline::Checkbox(done) => out.push_str(if *done { "[x]" } else { "[ ]" }),
            Inline::Link { target, content } => match (target, md) {
                (Some(url), true) => {
                    out.push('[');
                    push_inlines(content, marks, out);
                    out.push_str(&format!("]({url})"));
                }
                (Some(url), false) => {
                    push_inlines(content, marks, out);
                    out.push_str(&format!(" <{url}>"));
                }
                (None, true) => wrap_marks(content, marks, "<u>", "</u>", out),
                (None, false) => push_inlines(content, marks, out),
            },
            // Spaces on both sides: the wrap makes one space of them, and
            // the marker never sticks to a word.
            Inline::PageMarker(label) if marks.pages => out.push_str(&format!(" [p. {label}] ")),
            Inline::PageMarker(_) => {}
        }
    }
}

fn wrap_marks(inner: &[Inline], marks: &Marks, open: &str, close: &str, out: &mut String) {
    if marks.md {
        out.push_str(open);
    }
    push_inlines(inner, marks, out);
    if marks.md {
        out.push_str(close);
    }
}

fn always_marks(inner: &[Inline], marks: &Marks, mark: &str, out: &mut String) {
    out.push_str(mark);
    push_inlines(inner, marks, out);
    out.push_str(mark);
}

fn prefix_lines(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}").trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Greedy word wrap at `width` columns (counted in display width: a CJK
/// character takes two columns). Words longer
/// than the width stand alone on their line; they are never split. `\n` in
/// the text forces a line break.
pub fn wrap_words(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut line_len = table::display_width(first);
    let mut empty = true;
    for (i, hard_line) in text.split('\n').enumerate() {
        if i > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line = rest.to_string();
            line_len = table::display_width(rest);
            empty = true;
        }
        for word in hard_line.split_whitespace() {
            let wlen = table::display_width(word);
            if !empty && line_len + 1 + wlen > width {
                lines.push(std::mem::take(&mut line));
                line = rest.to_string();
                line_len = table::display_width(rest);
                empty = true;
            }
            if !empty {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += wlen;
            empty = false;
        }
    }
    lines.push(line.trim_end().to_string());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Abstract, Author, Date, Numbering, Span, inlines_from_text};

    fn doc() -> Document {
        let mut doc = Document::default();
        doc.meta.title = Some(inlines_from_text("A Brief on Things"));
        let mut a = Author::from_name("Ada Lovelace");
        a.email = Some("ada@example.org".into());
        doc.meta.authors.push(a);
        doc.meta.date = Some(Date::parse("2025-10-01").unwrap());
        doc.meta.language = Some("en".into());
        doc.meta.abstract_ = Some(Abstract::from_text(&"word ".repeat(30)));
        doc.blocks
            .push(Block::heading(1, inlines_from_text("Intro"), Span::UNKNOWN));
        doc.blocks.push(Block::paragraph(
            inlines_from_text(&"lorem ipsum ".repeat(20)),
            Span::UNKNOWN,
        ));
        doc.blocks.push(Block::List {
            start: Some(1),
            numbering: Numbering::default(),
            items: vec![
                vec![Block::paragraph(
                    inlines_from_text("first item"),
                    Span::UNKNOWN,
                )],
                vec![Block::paragraph(inlines_from_text("second"), Span::UNKNOWN)],
            ],
            span: Span::UNKNOWN,
        });
        doc
    }

    #[test]
    fn edition_has_header_and_wraps() {
        let out = write(&doc(), &WriteOptions::default()).unwrap();
        let text = String::from_utf8(out.bytes).unwrap();
        assert!(text.starts_with("Title: A Brief on Things\nAuthor: Ada Lovelace <ada@example.org>\nDate: 2025-10-01\nLanguage: en\nAbstract: word"));
        assert!(text.contains("\n  word"), "abstract continues indented");
        assert!(!text.contains("Publisher:"), "unknown fields are left out");
        assert!(text.contains("\n\n1. first item\n\n2. second\n"));
        assert!(text.ends_with("second\n") && !text.ends_with("\n\n"));
        for line in text.lines() {
            assert!(line.chars().count() <= 72, "{line}");
            assert_eq!(line, line.trim_end());
        }
    }

    #[test]
    fn no_wrap_keeps_paragraphs_on_one_line() {
        let options = WriteOptions {
            wrap: None,
            ..WriteOptions::default()
        };
        let text = String::from_utf8(write(&doc(), &options).unwrap().bytes).unwrap();
        assert!(text.lines().any(|l| l.len() > 200));
    }

    #[test]
    fn a_paragraph_reads_back_as_a_paragraph_in_markdown() {
        let mut d = doc();
        for text in [
            "# point is an (x, y) tuple",
            "1. a step",
            "- a dash",
            "> quoted",
            "---",
            "2024",
            "#hashtag",
        ] {
            d.blocks
                .push(Block::paragraph(inlines_from_text(text), Span::UNKNOWN));
        }
        let md = render_repaired(&d, true);
        for escaped in [
            "\n\\# point is",
            "\n1\\. a step",
            "\n\\- a dash",
            "\n\\> quoted",
            "\n\\---\n",
            "\n2024\n",
            "\n#hashtag",
        ] {
            assert!(md.contains(escaped), "{escaped:?} in {md}");
        }
        let plain = render_repaired(&d, false);
        assert!(plain.contains("\n# point is") && plain.contains("\n1. a step"));
    }

    #[test]
    fn repaired_text_has_no_header_and_marks_markdown() {
        let mut d = doc();
        d.blocks.push(Block::paragraph(
            vec![
                Inline::Link {
                    target: None,
                    content: inlines_from_text("lost link"),
                },
                Inline::Space,
                Inline::Emphasis(inlines_from_text("em")),
            ],
            Span::UNKNOWN,
        ));
        let plain = render_repaired(&d, false);
        assert!(plain.starts_with("A Brief on Things\n\nAda Lovelace\n\nword word"));
        assert!(plain.contains("\n\nlost link em\n"));
        let md = render_repaired(&d, true);
        assert!(md.starts_with("# A Brief on Things"));
        assert!(md.contains("<u>lost link</u> *em*"));
    }

    #[test]
    fn list_numbers_never_overflow() {
        // Regression: found by the write_txt fuzz target
        // (tests/regressions/write_txt-list-start-overflow.crash).
        let p = Block::paragraph(inlines_from_text("x"), Span::UNKNOWN);
        let doc = Document {
            blocks: vec![Block::List {
                start: Some(u64::MAX),
                numbering: Numbering::default(),
                items: vec![vec![p.clone()], vec![p]],
                span: Span::UNKNOWN,
            }],
            ..Document::default()
        };
        let text = render_repaired(&doc, false);
        assert_eq!(text.matches(&format!("{}. x", u64::MAX)).count(), 2);
    }

    #[test]
    fn long_words_are_never_split() {
        let lines = wrap_words(&format!("a {} b", "x".repeat(100)), 10, "", "");
        assert_eq!(
            lines,
            vec!["a".to_string(), "x".repeat(100), "b".to_string()]
        );
    }
}
