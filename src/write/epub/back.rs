//! The end matter: references, notes and the rest, then the author
//! biographies, in one content document.

use crate::model::{BackKind, Document, plain_text};

use super::nav::Landmark;
use super::xhtml::{Renderer, TocNode, esc, label};
use super::{XHTML_END, xhtml_head};
use crate::write::labels::Labels;

/// The `epub:type` and ARIA role of a kind of end matter; none for end
/// matter of no known kind, rather than a guess.
fn back_semantics(kind: BackKind) -> Option<(&'static str, &'static str)> {
    match kind {
        BackKind::References => Some(("bibliography", "doc-bibliography")),
        BackKind::Acknowledgements => Some(("acknowledgments", "doc-acknowledgments")),
        BackKind::Notes => Some(("endnotes", "doc-endnotes")),
        BackKind::Disclaimer => Some(("notice", "doc-notice")),
        BackKind::Other => None,
    }
}

/// End matter and author biographies, in one content document (none when
/// there are neither).
pub fn end_matter(
    doc: &Document,
    lang: &str,
    r: &mut Renderer,
    toc: &mut Vec<TocNode>,
    landmarks: &mut Vec<Landmark>,
) -> Option<String> {
    r.file = "back.xhtml".into();
    let (inner, first_label) = end_matter_content(doc, lang, r, toc, landmarks)?;
    let mut out = xhtml_head(lang, &first_label, "backmatter");
    out.push_str(&inner);
    out.push_str(XHTML_END);
    Some(out)
}

/// The sections of the end matter and biographies (shared with the HTML
/// edition), linked from `r.file`, and the label of the first; none when
/// there are neither.
pub fn end_matter_content(
    doc: &Document,
    lang: &str,
    r: &mut Renderer,
    toc: &mut Vec<TocNode>,
    landmarks: &mut Vec<Landmark>,
) -> Option<(String, String)> {
    let bios: Vec<_> = doc
        .meta
        .authors
        .iter()
        .filter(|a| !a.bio.is_empty())
        .collect();
    if doc.back.is_empty() && bios.is_empty() {
        return None;
    }
    let labels = Labels::for_language(lang);
    let mut inner = String::new();
    let mut first_label = None;
    for back in &doc.back {
        let id = r.id("back");
        let semantics = back_semantics(back.kind)
            .map(|(kind, role)| format!("{} role=\"{role}\"", r.epub_type(kind)))
            .unwrap_or_default();
        let title = back
            .title
            .as_deref()
            .map(|t| label(&plain_text(t)))
            .filter(|t| !t.is_empty());
        let text = title
            .clone()
            .unwrap_or_else(|| labels.back(back.kind).to_string());
        inner.push_str(&format!(
            "<section id=\"{id}\"{semantics} aria-labelledby=\"{id}-h\">\n<h1 id=\"{id}-h\">"
        ));
        match (&back.title, &title) {
            (Some(t), Some(_)) => r.inlines(&mut inner, t),
            _ => inner.push_str(&esc(&text)),
        }
        inner.push_str("</h1>\n");
        r.blocks(&mut inner, &back.blocks);
        inner.push_str("</section>\n");
        let href = format!("{}#{id}", r.file);
        if back.kind == BackKind::References {
            landmarks.push(Landmark {
                kind: "bibliography",
                label: text.clone(),
                href: href.clone(),
            });
        }
        first_label.get_or_insert_with(|| text.clone());
        toc.push(TocNode {
            label: text,
            href,
            children: Vec::new(),
        });
    }
    if !bios.is_empty() {
        let heading = labels.about_authors(bios.len());
        inner.push_str(&format!(
            "<section id=\"contributors\"{} aria-labelledby=\"contributors-h\">\n\
             <h1 id=\"contributors-h\">{}</h1>\n",
            r.epub_type("contributors"),
            esc(heading)
        ));
        for a in bios {
            let id = r.id("bio");
            let name = label(&a.name);
            inner.push_str(&format!("<section class=\"bio\" id=\"{id}\""));
            if name.is_empty() {
                inner.push_str(">\n");
            } else {
                inner.push_str(&format!(
                    " aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>\n",
                    esc(&name)
                ));
            }
            r.blocks(&mut inner, &a.bio);
            inner.push_str("</section>\n");
        }
        inner.push_str("</section>\n");
        first_label.get_or_insert_with(|| heading.to_string());
        toc.push(TocNode {
            label: heading.into(),
            href: format!("{}#contributors", r.file),
            children: Vec::new(),
        });
    }
    let first_label = first_label.unwrap_or_else(|| "End matter".into());
    Some((inner, first_label))
}
