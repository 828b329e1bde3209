//! XHTML for the content documents: blocks and inlines of the model as
//! semantic HTML, every text made XML-safe and escaped.
//!
//! The renderer keeps the state that spans content documents: running ids
//! for headings and page breaks, the table-of-contents tree and the page
//! list, so that the navigation document can point into every file.

use std::collections::BTreeMap;

use crate::model::{Block, Counter, Image, Inline, Numbering, Section, plain_text};
use crate::write::resources::Resources;
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
    /// The images loaded for the document.
    pub resources: Resources,
    /// Footnote numbers by label.
    pub note_numbers: BTreeMap<String, usize>,
    /// Where each footnote is first referenced (`file#id`), for its
    /// link back; and how many references each has had.
    pub note_backlinks: BTreeMap<usize, String>,
    note_ref_counts: BTreeMap<usize, usize>,
    /// The figures written, for the list of figures in the navigation.
    pub figures: Vec<PageTarget>,
    /// Images written into the content (their alt text stands in for the
    /// ones that could not be loaded).
    pub images_shown: usize,
    /// Heading texts that head more than one section (see
    /// [`Renderer::name_sections_by_unique_headings`]).
    repeated_headings: std::collections::BTreeSet<String>,
}

/// The content document that holds the footnotes.
pub const NOTES_FILE: &str = "notes.xhtml";

impl Renderer {
    /// ` epub:type="kind"` in an EPUB content document, nothing in HTML5.
    pub fn epub_type(&self, kind: &str) -> String {
        if self.html5 {
            String::new()
        } else {
            format!(" epub:type=\"{kind}\"")
        }
    }

    /// A section is named by its heading (`aria-labelledby`), which makes it
    /// a landmark, only when no other section has a heading with the same
    /// text: landmarks with the same name cannot be told apart (WCAG, axe's
    /// `landmark-unique`), and an unnamed section is no landmark at all.
    pub fn name_sections_by_unique_headings(&mut self, blocks: &[Block]) {
        let mut seen = std::collections::BTreeSet::new();
        self.repeated_headings.clear();
        for b in blocks {
            if let Block::Heading { content, .. } = b {
                let text = plain_text(content).trim().to_lowercase();
                if !seen.insert(text.clone()) {
                    self.repeated_headings.insert(text);
                }
            }
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
        let plain = plain_text(content);
        let named = !self
            .repeated_headings
            .contains(&plain.trim().to_lowercase());
        let name = if named {
            format!(" aria-labelledby=\"{id}\"")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<section id=\"{id}-s\"{name}>\n<h{level} id=\"{id}\">"
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
        let text = label(&plain);
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
            Block::List {
                start,
                numbering,
                items,
                ..
            } => {
                // An empty list would only be an empty box on the page.
                if items.is_empty() {
                    return;
                }
                match start {
                    None => out.push_str("<ul>\n"),
                    Some(n) => out.push_str(&ordered_list_tag(*n, *numbering)),
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
            Block::Figure { image, caption, .. } => {
                let id = self.id("fig");
                out.push_str(&format!("<figure id=\"{id}\">\n"));
                self.image(out, image);
                out.push('\n');
                if let Some(caption) = caption {
                    out.push_str("<figcaption>");
                    self.inlines(out, caption);
                    out.push_str("</figcaption>\n");
                }
                out.push_str("</figure>\n");
                let text = caption
                    .as_deref()
                    .map(plain_text)
                    .map(|c| label(&c))
                    .filter(|c| !c.is_empty())
                    .or_else(|| Some(label(&image.alt)).filter(|a| !a.is_empty()))
                    .unwrap_or_else(|| format!("Figure {}", self.figures.len() + 1));
                self.figures.push(PageTarget {
                    label: text,
                    href: format!("{}#{id}", self.file),
                });
            }
            Block::DefinitionList { items, .. } => {
                if items.is_empty() {
                    return;
                }
                out.push_str("<dl>\n");
                for d in items {
                    out.push_str("<dt>");
                    self.inlines(out, &d.term);
                    out.push_str("</dt>\n");
                    for def in &d.definitions {
                        out.push_str("<dd>");
                        match def.as_slice() {
                            [Block::Paragraph { content, .. }] => self.inlines(out, content),
                            blocks => {
                                out.push('\n');
                                self.blocks(out, blocks);
                            }
                        }
                        out.push_str("</dd>\n");
                    }
                }
                out.push_str("</dl>\n");
            }
        }
    }

    /// An image in the package as `<img>` with its alt text; an image that
    /// could not be loaded is its alt text, marked as such.
    fn image(&mut self, out: &mut String, image: &Image) {
        match self.resources.image(&image.src) {
            Some(file) => {
                self.images_shown += 1;
                out.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\"",
                    esc(&file.name),
                    esc(&label(&image.alt))
                ));
                if let Some(title) = image.title.as_deref().map(label).filter(|t| !t.is_empty()) {
                    out.push_str(&format!(" title=\"{}\"", esc(&title)));
                }
                out.push_str(if self.html5 { ">" } else { "/>" });
            }
            None => {
                let alt = label(&image.alt);
                let shown = if alt.is_empty() {
                    "[image]".to_string()
                } else {
                    alt
                };
                out.push_str(&format!(
                    "<span class=\"image-missing\">{}</span>",
                    esc(&shown)
                ));
            }
        }
    }

    /// A footnote reference: a superscript number linking to the note,
    /// with an id the note links back to.
    fn note_ref(&mut self, out: &mut String, label_text: &str) {
        let Some(&n) = self.note_numbers.get(label_text) else {
            // The model's invariants forbid this; keep the label visible.
            out.push_str(&format!("[{}]", esc(label_text)));
            return;
        };
        let count = self.note_ref_counts.entry(n).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            format!("fnref-{n}")
        } else {
            format!("fnref-{n}-{count}")
        };
        self.note_backlinks
            .entry(n)
            .or_insert_with(|| format!("{}#{id}", self.file));
        // The HTML edition is one page: its notes are on it.
        let notes_file = if self.html5 { "" } else { NOTES_FILE };
        out.push_str(&format!(
            "<sup><a{} role=\"doc-noteref\" id=\"{id}\" href=\"{notes_file}#fn-{n}\">{n}</a></sup>",
            self.epub_type("noteref")
        ));
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
            Inline::Strikeout(c) => self.wrap(out, "<s>", c, "</s>"),
            Inline::Superscript(c) => self.wrap(out, "<sup>", c, "</sup>"),
            Inline::Subscript(c) => self.wrap(out, "<sub>", c, "</sub>"),
            // TeX source kept as text until formulas become MathML.
            Inline::Math { display, tex } => {
                let class = if *display { "math display" } else { "math" };
                out.push_str(&format!("<code class=\"{class}\">"));
                out.push_str(&esc(tex));
                out.push_str("</code>");
            }
            Inline::NoteRef(l) => self.note_ref(out, l),
            Inline::Image(image) => self.image(out, image),
            Inline::Checkbox(done) => {
                let (mark, name) = if *done {
                    ("\u{2611}", "done")
                } else {
                    ("\u{2610}", "not done")
                };
                out.push_str(&format!(
                    "<span class=\"task\" role=\"img\" aria-label=\"{name}\">{mark}</span>"
                ));
            }
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

/// The opening tag of an ordered list: `type` names the counter, `start`
/// the first number. HTML has no attribute for the punctuation ("a)" or
/// "(a)"): reading systems show their own.
fn ordered_list_tag(start: u64, numbering: Numbering) -> String {
    let mut tag = String::from("<ol");
    match numbering.counter {
        Counter::Decimal => {}
        Counter::LowerAlpha => tag.push_str(" type=\"a\""),
    }
    if start != 1 {
        tag.push_str(&format!(" start=\"{start}\""));
    }
    tag.push_str(">\n");
    tag
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, inlines_from_text, sections};

    /// Two sections headed "Example" are not named by their headings (two
    /// landmarks with one name cannot be told apart); the others are.
    #[test]
    fn only_sections_with_unique_headings_are_named() {
        let h = |t: &str| Block::heading(2, inlines_from_text(t), Span::line(1));
        let p = |t: &str| Block::paragraph(inlines_from_text(t), Span::line(2));
        let blocks = vec![
            h("Usage"),
            p("Run it."),
            h("Example"),
            p("One."),
            h("Options"),
            p("Flags."),
            h("example"),
            p("Two."),
        ];
        let mut r = Renderer::default();
        r.name_sections_by_unique_headings(&blocks);
        let mut out = String::new();
        for s in &sections(&blocks) {
            r.section(&mut out, s);
        }
        let opening: Vec<&str> = out.lines().filter(|l| l.starts_with("<section")).collect();
        assert_eq!(opening.len(), 4, "{out}");
        assert!(opening[0].contains("aria-labelledby"), "{out}");
        assert!(!opening[1].contains("aria-labelledby"), "{out}");
        assert!(opening[2].contains("aria-labelledby"), "{out}");
        assert!(!opening[3].contains("aria-labelledby"), "{out}");
    }
}
