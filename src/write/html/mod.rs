//! The HTML edition: one standalone HTML5 page for the web and for
//! repositories, with the metadata scholarly search engines read.
//!
//! The page is the EPUB's content in one file: the same renderer for blocks
//! and inlines, the same title page, end matter and stylesheet
//! (`templates/epub/style.css`, then `templates/html/style.css`), set into
//! the page template `templates/html/page.html`. Its head carries the
//! Highwire Press `citation_*` tags, Dublin Core `DC.*` tags and schema.org
//! JSON-LD ([`meta`]). Nothing depends on the clock: the same document gives
//! the same bytes.

mod meta;
mod template;

use crate::error::Result;
use crate::model::{Document, sections};

use super::epub::xhtml::{Renderer, TocNode, esc};
use super::epub::{back, body, front, lang, nav};
use super::{Output, WriteOptions};

/// The default page template; a user's `html/page.html` replaces it.
pub const BUILTIN_PAGE: &str = include_str!("../../../templates/html/page.html");

/// What the web page adds to the EPUB stylesheet; a user's `html/style.css`
/// replaces it.
pub const BUILTIN_CSS: &str = include_str!("../../../templates/html/style.css");

pub fn write(doc: &Document, options: &WriteOptions) -> Result<Output> {
    let mut warnings = Vec::new();
    let (lang, lang_warning) = lang::tag(doc.language());
    let mut shared = Vec::new();
    shared.extend(lang_warning);
    let identifier = super::epub::identifier(doc, &mut shared);
    let title = super::epub::book_title(doc, &mut shared);
    // The shared helpers word their warnings for the EPUB.
    warnings.extend(shared.into_iter().map(|w| {
        w.replace("the book", "the page")
            .replace("EPUB", "HTML page")
    }));

    let epub_css = options
        .templates
        .get("epub/style.css", super::epub::BUILTIN_CSS)?;
    let html_css = options.templates.get("html/style.css", BUILTIN_CSS)?;
    let page = options.templates.get("html/page.html", BUILTIN_PAGE)?;

    // Links inside the page: `#id`, no file name.
    let mut r = Renderer::default();
    r.html5 = true;
    r.resources = options.resources.clone();
    r.note_numbers = doc
        .numbered_notes()
        .into_iter()
        .map(|(n, note)| (note.label.clone(), n))
        .collect();
    let mut toc = Vec::new();
    let mut front_html = String::new();
    toc.extend(front::title_content(
        doc,
        &lang,
        &title,
        &mut r,
        &mut front_html,
    ));

    let mut body_html = String::new();
    let blocks = body::clamped_blocks(doc);
    r.name_sections_by_unique_headings(&blocks);
    for s in &sections(&blocks) {
        toc.extend(r.section(&mut body_html, s));
    }
    let mut landmarks = Vec::new();
    if let Some((back_html, _)) =
        back::end_matter_content(doc, &lang, &mut r, &mut toc, &mut landmarks)
    {
        body_html.push_str(&back_html);
    }
    if let Some(notes_html) = super::epub::notes::notes_content(doc, &mut r) {
        body_html.push_str(&notes_html);
        toc.push(TocNode {
            label: "Notes".into(),
            href: "#notes-title".into(),
            children: Vec::new(),
        });
    }

    let style = format!("{}\n{}", epub_css.trim_end(), html_css.trim_end());
    let toc_html = toc_nav(&toc);
    let values = template::Values {
        lang: &esc(&lang),
        title: &esc(&title),
        metadata: &meta::head(doc, &lang, &title, &identifier),
        // A stylesheet inside `<style>` must not close the element early.
        style: &style.replace("</", "<\\/"),
        front: front_html.trim_end(),
        toc: toc_html.trim_end(),
        body: body_html.trim_end(),
    };
    let html = template::fill(&page, "html/page.html", &values)?;
    // The images go beside the page, where `src` points.
    let files = if r.images_shown > 0 {
        options
            .resources
            .images()
            .into_iter()
            .map(|image| (image.name.clone(), image.bytes.to_vec()))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Output {
        bytes: html.into_bytes(),
        warnings,
        files,
    })
}

/// The table of contents as a `nav`, or nothing when the page has no
/// sections to go to.
fn toc_nav(toc: &[TocNode]) -> String {
    if toc.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<nav class=\"toc\" role=\"doc-toc\" aria-labelledby=\"toc-title\">\n\
         <h2 id=\"toc-title\">Contents</h2>\n",
    );
    nav::toc_list(&mut out, toc);
    out.push_str("</nav>\n");
    out
}
