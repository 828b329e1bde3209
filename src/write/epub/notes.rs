//! Footnotes: one content document after the body and end matter, each
//! note an `aside epub:type="footnote"` that links back to where it is
//! first referenced (the reference links to the note).

use crate::model::{Block, Document};

use super::xhtml::{NOTES_FILE, Renderer, TocNode};
use super::{XHTML_END, xhtml_head};

/// The notes document, when the document has notes. Must run after every
/// other content document is rendered, so that the references' places are
/// known.
pub fn notes_document(doc: &Document, lang: &str, r: &mut Renderer) -> Option<(String, TocNode)> {
    let notes = doc.numbered_notes();
    if notes.is_empty() {
        return None;
    }
    r.file = NOTES_FILE.into();
    let section = notes_content(doc, r)?;
    let mut out = xhtml_head(lang, "Notes", "backmatter");
    out.push_str(&section);
    out.push_str(XHTML_END);
    Some((
        out,
        TocNode {
            label: "Notes".into(),
            href: NOTES_FILE.into(),
            children: Vec::new(),
        },
    ))
}

/// The notes section (shared with the HTML edition), linked back to
/// where `r` rendered the references; none when the document has no
/// notes. Must run after every other content is rendered.
pub fn notes_content(doc: &Document, r: &mut Renderer) -> Option<String> {
    let notes = doc.numbered_notes();
    if notes.is_empty() {
        return None;
    }
    // Notes can refer to other notes: render every note first, so that
    // the back links of notes referenced only from notes are known too.
    let mut rendered = Vec::with_capacity(notes.len());
    for (n, note) in &notes {
        let mut first = String::new();
        let mut rest = String::new();
        match note.blocks.split_first() {
            Some((Block::Paragraph { content, .. }, tail)) => {
                r.inlines(&mut first, content);
                r.blocks(&mut rest, tail);
            }
            _ => r.blocks(&mut rest, &note.blocks),
        }
        rendered.push((*n, first, rest));
    }
    let mut out = format!(
        "<section{} role=\"doc-endnotes\" aria-labelledby=\"notes-title\">\n\
         <h1 id=\"notes-title\">Notes</h1>\n",
        r.epub_type("endnotes")
    );
    for (n, first, rest) in rendered {
        out.push_str(&format!(
            "<aside{} role=\"doc-footnote\" id=\"fn-{n}\">\n<p>",
            r.epub_type("footnote")
        ));
        match r.note_backlinks.get(&n) {
            Some(href) => out.push_str(&format!(
                "<a role=\"doc-backlink\" href=\"{}\" class=\"note-number\">{n}.</a>",
                super::xhtml::esc(href)
            )),
            None => out.push_str(&format!("<span class=\"note-number\">{n}.</span>")),
        }
        if !first.is_empty() {
            out.push(' ');
            out.push_str(&first);
        }
        out.push_str("</p>\n");
        out.push_str(&rest);
        out.push_str("</aside>\n");
    }
    out.push_str("</section>\n");
    Some(out)
}
