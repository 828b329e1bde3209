//! The front matter: the title page, with the metadata and the abstract.

use crate::model::{Document, IdentifierKind, plain_text};
use crate::write::labels::Labels;

use super::url;
use super::xhtml::{Renderer, TocNode, esc, label};
use super::{XHTML_END, publication_date, xhtml_head};

/// The title page: title, subtitle, authors with affiliations, date, the
/// identifier when it means something to a reader, then the abstract,
/// keywords and licence. Returns the page and
/// the table-of-contents entry of the abstract.
pub fn title_page(
    doc: &Document,
    lang: &str,
    title: &str,
    r: &mut Renderer,
) -> (String, Option<TocNode>) {
    let mut out = xhtml_head(lang, title, "frontmatter");
    let entry = title_content(doc, lang, title, r, &mut out);
    out.push_str(XHTML_END);
    (out, entry)
}

/// The title page's content (shared with the HTML edition): the title
/// section, the abstract, keywords and licence. Returns the
/// table-of-contents entry of the abstract.
pub fn title_content(
    doc: &Document,
    lang: &str,
    title: &str,
    r: &mut Renderer,
    out: &mut String,
) -> Option<TocNode> {
    let meta = &doc.meta;
    let labels = Labels::for_language(lang);
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
    if let (Some(iso), Some(date)) = (publication_date(doc), meta.date) {
        out.push_str(&format!(
            "<p class=\"date\"><time datetime=\"{iso}\">{}</time></p>\n",
            esc(&labels.long_date(date))
        ));
    }
    if let Some(shown) = meta.identifier.as_deref().and_then(reader_identifier) {
        out.push_str(&format!("<p class=\"identifier\">{shown}</p>\n"));
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
            None => out.push_str(&esc(labels.abstract_)),
        }
        out.push_str("</h2>\n");
        r.blocks(out, &abs.blocks);
        out.push_str("</section>\n");
        entry = Some(TocNode {
            label: heading
                .map(|t| label(&plain_text(t)))
                .unwrap_or_else(|| labels.abstract_.into()),
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
            "<p class=\"keywords\"><span class=\"label\">{}:</span> {}</p>\n",
            esc(labels.keywords),
            esc(&keywords.join(", "))
        ));
    }
    if let Some(l) = meta.license.as_deref().map(label).filter(|s| !s.is_empty()) {
        out.push_str(&format!(
            "<p class=\"license\"><span class=\"label\">{}:</span> ",
            esc(labels.license)
        ));
        match url::href(&l) {
            Some(href) => out.push_str(&format!("<a href=\"{}\">{}</a>", esc(&href), esc(&l))),
            None => out.push_str(&esc(&l)),
        }
        out.push_str("</p>\n");
    }
    entry
}

/// The identifier as a reader can use it, as XHTML: a DOI as its link, an
/// ISBN, or a URL as a link. Any other identifier (a `urn:uuid:` made from
/// the content, an internal number) names the book for machines only and
/// stays in the package document.
fn reader_identifier(id: &str) -> Option<String> {
    let id = label(id);
    let bare = IdentifierKind::bare(&id);
    if bare.is_empty() {
        return None;
    }
    match IdentifierKind::of(&id) {
        IdentifierKind::Doi => {
            let href = format!("https://doi.org/{bare}");
            Some(format!(
                "DOI: <a href=\"{}\">{}</a>",
                esc(&url::href(&href).unwrap_or(href.clone())),
                esc(bare)
            ))
        }
        IdentifierKind::Isbn => Some(format!("ISBN {}", esc(bare))),
        IdentifierKind::Uuid => None,
        IdentifierKind::Other => url::href(&id)
            .filter(|_| id.starts_with("http://") || id.starts_with("https://"))
            .map(|href| format!("<a href=\"{}\">{}</a>", esc(&href), esc(&id))),
    }
}

#[cfg(test)]
mod tests {
    use super::reader_identifier;

    #[test]
    fn only_identifiers_a_reader_can_use_are_shown() {
        assert_eq!(
            reader_identifier("doi:10.1234/abc").as_deref(),
            Some("DOI: <a href=\"https://doi.org/10.1234/abc\">10.1234/abc</a>")
        );
        assert_eq!(
            reader_identifier("isbn:978-3-16-148410-0").as_deref(),
            Some("ISBN 978-3-16-148410-0")
        );
        assert!(
            reader_identifier("https://example.org/brief/7")
                .unwrap()
                .contains("href=\"https://example.org/brief/7\"")
        );
        assert_eq!(
            reader_identifier("urn:uuid:eea80fe1-8e3c-5012-8837-a5a70d336700"),
            None
        );
        assert_eq!(reader_identifier("report-2025-17"), None);
    }
}
