//! The plain-text edition: a `Key: value` header, then the document as
//! wrapped paragraphs. Also renders the repaired text that `recto normalize`
//! prints (no header, no wrapping), plain or as Markdown.

use crate::error::Result;
use crate::model::{Block, Document, Inline, Metadata};

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
    };
    Ok(Output {
        bytes: render(doc, layout, &header).into_bytes(),
        warnings: Vec::new(),
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
        },
        BUILTIN_HEADER,
    )
}

/// Renders the document with the given layout and header template.
pub fn render(doc: &Document, layout: TextLayout, header_template: &str) -> String {
    let mut out = Writer {
        layout,
        chunks: Vec::new(),
    };
    if layout.header {
        let header = header_lines(&doc.meta, header_template, layout.wrap);
        if !header.is_empty() {
            out.chunks.push(header);
        }
    }
    let meta = &doc.meta;
    if let Some(title) = &meta.title {
        out.heading(1, title);
    }
    if let Some(subtitle) = &meta.subtitle {
        out.paragraph(subtitle, "", "");
    }
    // In the repaired text (no header) a byline reads back as one only under
    // a title; alone it would read as a heading. Without a title the names
    // came from the bios, which follow.
    if !meta.authors.is_empty() && (layout.header || meta.title.is_some()) {
        let names: Vec<&str> = meta.authors.iter().map(|a| a.name.as_str()).collect();
        out.plain(&names.join(", "));
    }
    if let Some(abs) = &meta.abstract_ {
        if let Some(title) = &abs.title {
            out.heading(2, title);
        }
        out.blocks(&abs.blocks, "");
    }
    out.blocks(&doc.blocks, "");
    for author in &meta.authors {
        out.blocks(&author.bio, "");
    }
    for back in &doc.back {
        if let Some(title) = &back.title {
            out.heading(2, title);
        }
        out.blocks(&back.blocks, "");
    }
    let mut text = out.chunks.join("\n\n");
    text.push('\n');
    text
}

/// The header: template lines filled from the metadata.
fn header_lines(meta: &Metadata, template: &str, wrap: Option<usize>) -> String {
    let text = |i: &Option<Vec<Inline>>| i.as_deref().map(crate::model::plain_text);
    let keywords = (!meta.keywords.is_empty()).then(|| meta.keywords.join(", "));
    let fields: Vec<(&str, Option<String>)> = vec![
        ("title", text(&meta.title)),
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
            for a in &meta.authors {
                let mut who = a.name.clone();
                if !a.affiliations.is_empty() {
                    who.push_str(&format!(" ({})", a.affiliations.join("; ")));
                }
                if let Some(email) = &a.email {
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
    lines
        .iter()
        .map(|l| {
            // Prose values wrap with indented continuation lines; names,
            // identifiers and lists stay on one line each, so that a reader
            // of the header never mistakes a continuation for a new entry.
            let prose = ["Title:", "Subtitle:", "Abstract:", "Publisher:", "License:"]
                .iter()
                .any(|k| l.starts_with(k));
            if prose {
                wrap_words(l, width, "", "  ").join("\n")
            } else {
                l.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

struct Writer {
    layout: TextLayout,
    chunks: Vec<String>,
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
        let text = self.inline_text(content);
        let text = if self.layout.markdown {
            format!("{} {text}", "#".repeat(level.clamp(1, 6) as usize))
        } else {
            text
        };
        self.chunks
            .push(wrap_words(&text, self.width(), "", "").join("\n"));
    }

    fn paragraph(&mut self, content: &[Inline], first: &str, rest: &str) {
        let text = self.inline_text(content);
        self.chunks
            .push(wrap_words(&text, self.width(), first, rest).join("\n"));
    }

    fn blocks(&mut self, blocks: &[Block], indent: &str) {
        for block in blocks {
            self.block(block, indent);
        }
    }

    fn block(&mut self, block: &Block, indent: &str) {
        match block {
            Block::Heading { level, content, .. } => self.heading(*level, content),
            Block::Paragraph { content, .. } => self.paragraph(content, indent, indent),
            Block::List { start, items, .. } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(s) => format!("{}. ", s.saturating_add(n as u64)),
                        None if ends_with_dash(item) => "* ".to_string(),
                        None => "- ".to_string(),
                    };
                    let first = format!("{indent}{marker}");
                    let rest = format!("{indent}{}", " ".repeat(marker.chars().count()));
                    let mut parts = item.iter();
                    match parts.next() {
                        Some(Block::Paragraph { content, .. }) => {
                            self.paragraph(content, &first, &rest)
                        }
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
        }
    }

    fn inline_text(&self, inlines: &[Inline]) -> String {
        let mut s = String::new();
        push_inlines(inlines, self.layout.markdown, &mut s);
        s
    }
}

/// Whether a list item's text ends in a dash. Written as "- 5 -" such an item
/// reads back as a "- 4 -" page number, so it takes the "* " bullet instead.
fn ends_with_dash(item: &[Block]) -> bool {
    let Some(Block::Paragraph { content, .. }) = item.first() else {
        return false;
    };
    let mut text = String::new();
    push_inlines(content, false, &mut text);
    text.trim_end().ends_with(['-', '–', '—'])
}

fn push_inlines(inlines: &[Inline], md: bool, out: &mut String) {
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
            Inline::Emphasis(c) => wrap_marks(c, md, "*", "*", out),
            Inline::Strong(c) => wrap_marks(c, md, "**", "**", out),
            Inline::Underline(c) => wrap_marks(c, md, "<u>", "</u>", out),
            Inline::Link { target, content } => match (target, md) {
                (Some(url), true) => {
                    out.push('[');
                    push_inlines(content, md, out);
                    out.push_str(&format!("]({url})"));
                }
                (Some(url), false) => {
                    push_inlines(content, md, out);
                    out.push_str(&format!(" <{url}>"));
                }
                (None, true) => wrap_marks(content, md, "<u>", "</u>", out),
                (None, false) => push_inlines(content, md, out),
            },
            Inline::PageMarker(_) => {}
        }
    }
}

fn wrap_marks(inner: &[Inline], md: bool, open: &str, close: &str, out: &mut String) {
    if md {
        out.push_str(open);
    }
    push_inlines(inner, md, out);
    if md {
        out.push_str(close);
    }
}

fn prefix_lines(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}").trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Greedy word wrap at `width` columns (counted in characters). Words longer
/// than the width stand alone on their line; they are never split. `\n` in
/// the text forces a line break.
pub fn wrap_words(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut line_len = first.chars().count();
    let mut empty = true;
    for (i, hard_line) in text.split('\n').enumerate() {
        if i > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line = rest.to_string();
            line_len = rest.chars().count();
            empty = true;
        }
        for word in hard_line.split_whitespace() {
            let wlen = word.chars().count();
            if !empty && line_len + 1 + wlen > width {
                lines.push(std::mem::take(&mut line));
                line = rest.to_string();
                line_len = rest.chars().count();
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
    use crate::model::{Abstract, Author, Date, Span, inlines_from_text};

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
