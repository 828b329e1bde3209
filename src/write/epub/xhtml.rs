//! XHTML for the content documents: blocks and inlines of the model as
//! semantic HTML, every text made XML-safe and escaped.
//!
//! The renderer keeps the state that spans content documents: running ids
//! for headings and page breaks, the table-of-contents tree and the page
//! list, so that the navigation document can point into every file.

use crate::model::{Block, Inline, Section, plain_text};
use crate::write::xml_text::xml_safe;

/// `text` made safe for XML and escaped for element content and
/// double-quoted attributes alike.
pub fn esc(text: &str) -> String {
    let safe = xml_safe(text);
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // A carriage return would be read back as a line feed; keep it.
            '\r' => out.push_str("&#xD;"),
            _ => out.push(c),
        }
    }
    out
}

/// `text` as a one-line label: XML-safe, whitespace collapsed, trimmed.
pub fn label(text: &str) -> String {
    xml_safe(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One entry of the table of contents, with its nested entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocNode {
    /// Plain text, never empty.
    pub label: String,
    pub href: String,
    pub children: Vec<TocNode>,
}

/// A printed page that began in the content: where, and its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTarget {
    /// Plain text, never empty.
    pub label: String,
    pub href: String,
}

/// Renders blocks and inlines, collecting what the navigation needs.
#[derive(Debug, Default)]
pub struct Renderer {
    /// The content document being written, for the links back into it.
    pub file: String,
    pub page_list: Vec<PageTarget>,
    /// Headings that open a section of the body.
    pub section_headings: usize,
    next_id: usize,
    /// Inside an `<a>`: nested links must not become `<a>` again.
    link_depth: usize,
    /// Writing an HTML5 page rather than an EPUB content document: no
    /// `epub:type` attributes, which HTML does not have (the ARIA roles
    /// carry the same meaning there).
    pub html5: bool,
}

impl Renderer {
    /// ` epub:type="kind"` in an EPUB content document, nothing in HTML5.
    pub fn epub_type(&self, kind: &str) -> String {
        if self.html5 {
            String::new()
        } else {
            format!(" epub:type=\"{kind}\"")
        }
    }

    /// A fresh id with the given prefix, unique across the book.
    pub fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}-{}", self.next_id)
    }

    /// A section of the body and its subsections as nested `<section>`
    /// elements; returns its table-of-contents entry (none for the blocks
    /// before the first heading).
    pub fn section(&mut self, out: &mut String, s: &Section<'_>) -> Option<TocNode> {
        let Some(heading) = s.heading else {
            for b in &s.blocks {
                self.block(out, b);
            }
            return None;
        };
        let level = s.level.clamp(1, 6);
        let id = self.id("sec");
        let content = heading.inlines().unwrap_or_default();
        self.section_headings += 1;
        out.push_str(&format!(
            "<section id=\"{id}-s\" aria-labelledby=\"{id}\">\n<h{level} id=\"{id}\">"
        ));
        self.inlines(out, content);
        out.push_str(&format!("</h{level}>\n"));
        for b in &s.blocks {
            self.block(out, b);
        }
        let mut children = Vec::new();
        for sub in &s.subsections {
            children.extend(self.section(out, sub));
        }
        out.push_str("</section>\n");
        let text = label(&plain_text(content));
        Some(TocNode {
            label: if text.is_empty() {
                format!("Section {}", self.section_headings)
            } else {
                text
            },
            href: format!("{}#{id}", self.file),
            children,
        })
    }

    pub fn blocks(&mut self, out: &mut String, blocks: &[Block]) {
        for b in blocks {
            self.block(out, b);
        }
    }

    pub fn block(&mut self, out: &mut String, block: &Block) {
        match block {
            Block::Heading { level, content, .. } => {
                // A heading outside the section structure (in a list, a
                // quote or end matter): shown as a heading, not navigated to.
                let level = (*level).clamp(1, 6);
                out.push_str(&format!("<h{level}>"));
                self.inlines(out, content);
                out.push_str(&format!("</h{level}>\n"));
            }
            Block::Paragraph { content, .. } => {
                out.push_str("<p>");
                self.inlines(out, content);
                out.push_str("</p>\n");
            }
            Block::List { start, items, .. } => {
                // An empty list would only be an empty box on the page.
                if items.is_empty() {
                    return;
                }
                match start {
                    None => out.push_str("<ul>\n"),
                    Some(1) => out.push_str("<ol>\n"),
                    Some(n) => out.push_str(&format!("<ol start=\"{n}\">\n")),
                }
                for item in items {
                    out.push_str("<li>");
                    match item.as_slice() {
                        // A one-paragraph item is a tight item: no <p> box.
                        [Block::Paragraph { content, .. }] => self.inlines(out, content),
                        blocks => {
                            out.push('\n');
                            self.blocks(out, blocks);
                        }
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(if start.is_none() {
                    "</ul>\n"
                } else {
                    "</ol>\n"
                });
            }
            Block::BlockQuote { blocks, .. } => {
                out.push_str("<blockquote>\n");
                self.blocks(out, blocks);
                out.push_str("</blockquote>\n");
            }
            Block::CodeBlock { text, .. } => {
                out.push_str("<pre><code>");
                out.push_str(&esc(text));
                out.push_str("</code></pre>\n");
            }
            Block::ThematicBreak { .. } => {
                out.push_str(if self.html5 { "<hr>\n" } else { "<hr/>\n" })
            }
            Block::Table { table, .. } => self.table(out, table),
        }
    }

    pub fn inlines(&mut self, out: &mut String, inlines: &[Inline]) {
        for inline in inlines {
            self.inline(out, inline);
        }
    }

    fn inline(&mut self, out: &mut String, inline: &Inline) {
        match inline {
            Inline::Text(s) => out.push_str(&esc(s)),
            Inline::Space | Inline::SoftBreak => out.push(' '),
            Inline::LineBreak => out.push_str(if self.html5 { "<br>" } else { "<br/>" }),
            Inline::Emphasis(c) => self.wrap(out, "<em>", c, "</em>"),
            Inline::Strong(c) => self.wrap(out, "<strong>", c, "</strong>"),
            Inline::Underline(c) => self.wrap(out, "<u>", c, "</u>"),
            Inline::Code(s) => {
                out.push_str("<code>");
                out.push_str(&esc(s));
                out.push_str("</code>");
            }
            Inline::Link { target, content } => self.link(out, target.as_deref(), content),
            Inline::PageMarker(number) => {
                let id = self.id("page");
                let mut text = label(number);
                if text.is_empty() {
                    text = format!("{}", self.page_list.len() + 1);
                }
                out.push_str(&format!(
                    "<span{} role=\"doc-pagebreak\" id=\"{id}\" aria-label=\"{}\"></span>",
                    self.epub_type("pagebreak"),
                    esc(&text)
                ));
                self.page_list.push(PageTarget {
                    label: text,
                    href: format!("{}#{id}", self.file),
                });
            }
        }
    }

    fn wrap(&mut self, out: &mut String, open: &str, content: &[Inline], close: &str) {
        out.push_str(open);
        self.inlines(out, content);
        out.push_str(close);
    }

    /// A link whose target is a usable URL becomes `<a>`. Link text whose
    /// target was lost (or cannot be linked to) stays visible, marked with
    /// the `link-lost` class; the unusable target is kept as its title.
    fn link(&mut self, out: &mut String, target: Option<&str>, content: &[Inline]) {
        let href = target.and_then(crate::write::epub::url::href);
        match href {
            Some(href) if self.link_depth == 0 => {
                out.push_str(&format!("<a href=\"{}\">", esc(&href)));
                self.link_depth += 1;
                if content
                    .iter()
                    .all(|i| label(&plain_text(std::slice::from_ref(i))).is_empty())
                {
                    // No visible text: show the address rather than an empty link.
                    out.push_str(&esc(&href));
                }
                self.inlines(out, content);
                self.link_depth -= 1;
                out.push_str("</a>");
            }
            _ => {
                match target.map(label).filter(|t| !t.is_empty()) {
                    Some(t) => {
                        out.push_str(&format!("<span class=\"link-lost\" title=\"{}\">", esc(&t)))
                    }
                    None => out.push_str("<span class=\"link-lost\">"),
                }
                self.inlines(out, content);
                out.push_str("</span>");
            }
        }
    }
}
