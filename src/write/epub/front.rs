//! The front matter: the title page, with the metadata and the abstract.

use crate::model::{Document, plain_text};

use super::url;
use super::xhtml::{Renderer, TocNode, esc, label};
use super::{XHTML_END, publication_date, xhtml_head};

/// The title page: title, subtitle, authors with affiliations, date,
/// identifier, then the abstract, keywords and licence. Returns the page and
/// the table-of-contents entry of the abstract.
pub fn title_page(
    doc: &Document,
    lang: &str,
    title: &str,
    r: &mut Renderer,
) -> (String, Option<TocNode>) {
    let mut out = xhtml_head(lang, title, "frontmatter");
    let entry = title_content(doc, title, r, &mut out);
    out.push_str(XHTML_END);
    (out, entry)
}

/// The title page's content (shared with the HTML edition): the title
/// section, the abstract, keywords and licence. Returns the
/// table-of-contents entry of the abstract.
pub fn title_content(
    doc: &Document,
    title: &str,
    r: &mut Renderer,
    out: &mut String,
) -> Option<TocNode> {
    let meta = &doc.meta;
    out.push_str(&format!(
        "<section{} class=\"titlepage\" aria-labelledby=\"book-title\">\n",
        r.epub_type("titlepage")
    ));
    out.push_str("<h1 class=\"title\" id=\"book-title\">");
    match meta
        .title
        .as_deref()
        .filter(|t| !label(&plain_text(t)).is_empty())
    {
        Some(t) => r.inlines(out, t),
        None => out.push_str(&esc(title)),
    }
    out.push_str("</h1>\n");
    if let Some(sub) = meta.subtitle.as_deref().filter(|s| !s.is_empty()) {
        out.push_str("<p class=\"subtitle\">");
        r.inlines(out, sub);
        out.push_str("</p>\n");
    }
    let named: Vec<_> = meta
        .authors
        .iter()
        .filter(|a| !label(&a.name).is_empty())
        .collect();
    if !named.is_empty() {
        out.push_str("<div class=\"authors\">\n");
        for a in named {
            out.push_str(&format!(
                "<p class=\"author\"><span class=\"name\">{}</span>",
                esc(&label(&a.name))
            ));
            let affiliations: Vec<String> = a
                .affiliations
                .iter()
                .map(|s| label(s))
                .filter(|s| !s.is_empty())
                .collect();
            if !affiliations.is_empty() {
                out.push_str(&format!(
                    "{}<span class=\"affiliation\">{}</span>",
                    if r.html5 { "<br>" } else { "<br/>" },
                    esc(&affiliations.join("; "))
                ));
            }
            out.push_str("</p>\n");
        }
        out.push_str("</div>\n");
    }
    if let Some(date) = publication_date(doc) {
        out.push_str(&format!("<p class=\"date\">{date}</p>\n"));
    }
    if let Some(id) = meta
        .identifier
        .as_deref()
        .map(label)
        .filter(|s| !s.is_empty())
    {
        out.push_str(&format!("<p class=\"identifier\">{}</p>\n", esc(&id)));
    }
    out.push_str("</section>\n");

    let mut entry = None;
    if let Some(abs) = &meta.abstract_ {
        let heading = abs
            .title
            .as_deref()
            .filter(|t| !label(&plain_text(t)).is_empty());
        out.push_str(&format!(
            "<section id=\"abstract\"{} role=\"doc-abstract\" aria-labelledby=\"abstract-title\">\n",
            r.epub_type("abstract")
        ));
        out.push_str("<h2 id=\"abstract-title\">");
        match heading {
            Some(t) => r.inlines(out, t),
            None => out.push_str("Abstract"),
        }
        out.push_str("</h2>\n");
        r.blocks(out, &abs.blocks);
        out.push_str("</section>\n");
        entry = Some(TocNode {
            label: heading
                .map(|t| label(&plain_text(t)))
                .unwrap_or_else(|| "Abstract".into()),
            href: format!("{}#abstract", r.file),
            children: Vec::new(),
        });
    }
    let keywords: Vec<String> = meta
        .keywords
        .iter()
        .map(|k| label(k))
        .filter(|k| !k.is_empty())
        .collect();
    if !keywords.is_empty() {
        out.push_str(&format!(
            "<p class=\"keywords\"><span class=\"label\">Keywords:</span> {}</p>\n",
            esc(&keywords.join(", "))
        ));
    }
    if let Some(l) = meta.license.as_deref().map(label).filter(|s| !s.is_empty()) {
        out.push_str("<p class=\"license\"><span class=\"label\">License:</span> ");
        match url::href(&l) {
            Some(href) => out.push_str(&format!("<a href=\"{}\">{}</a>", esc(&href), esc(&l))),
            None => out.push_str(&esc(&l)),
        }
        out.push_str("</p>\n");
    }
    entry
}
