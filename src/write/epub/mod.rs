//! The EPUB 3 edition: for e-readers and reading apps.
//!
//! The book holds a title page (metadata and abstract), the body (one content
//! document, or one per top-level section when the document is long), the
//! end matter with the author biographies, a navigation document (table of
//! contents, landmarks, page list), an NCX for older readers, the package
//! document and the stylesheet from `templates/epub/style.css`.
//!
//! Everything is written here rather than through epub-builder 0.8.3, which
//! cannot give a reproducible or EPUBCheck-clean book: its `Zip` trait is not
//! exported, and its zip writer stamps every entry with the current time; its
//! package document gives the first `dc:language` and the first `dc:creator`
//! the same id, takes only a UUID as the unique identifier (not a DOI or
//! ISBN), has no `file-as`, no page list, and an empty landmarks `nav` when
//! no landmark is set. The seam stays in this module: [`zip`] is the
//! container, [`package`] the package document, [`nav`] the navigation.

// The body renderer, title page, end matter, language tags and link
// checks are shared with the HTML edition (`write::html`).
pub(crate) mod back;
pub(crate) mod body;
pub(crate) mod front;
pub(crate) mod lang;
pub(crate) mod nav;
pub(crate) mod notes;
mod package;
mod table;
pub(crate) mod url;
pub(crate) mod xhtml;
mod zip;

use crate::error::{Error, Result};
use crate::model::Document;

use super::{Output, WriteOptions};
use crate::write::labels::Labels;
use nav::Landmark;
use package::{Facts, Item, Package};
use xhtml::{Renderer, TocNode, esc, label};

/// The default stylesheet; a user's `epub/style.css` template replaces it.
pub const BUILTIN_CSS: &str = include_str!("../../../templates/epub/style.css");

/// Body text (in characters) above which the body is split into one content
/// document per top-level section. Reading systems load one content document
/// at a time, and large ones turn pages slowly on e-ink devices; a short
/// document reads best as one file.
pub const SPLIT_ABOVE_CHARS: usize = 40_000;

/// Where the package lives in the container.
const DIR: &str = "EPUB";

const CONTAINER_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n  \
<rootfiles>\n    \
<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n  \
</rootfiles>\n</container>\n";

const XHTML: &str = "application/xhtml+xml";

/// One content document: file name, title for its `<head>`, the XHTML.
struct ContentDoc {
    file: String,
    xhtml: String,
}

pub fn write(doc: &Document, options: &WriteOptions) -> Result<Output> {
    let mut warnings = Vec::new();
    let (lang, lang_warning) = lang::tag(doc.language());
    warnings.extend(lang_warning);
    let identifier = identifier(doc, &mut warnings);
    let title = book_title(doc, &mut warnings);
    let css = options.templates.get("epub/style.css", BUILTIN_CSS)?;

    let mut r = Renderer::default();
    r.resources = options.resources.clone();
    r.note_numbers = doc
        .numbered_notes()
        .into_iter()
        .map(|(n, note)| (note.label.clone(), n))
        .collect();
    let mut toc = Vec::new();
    let mut landmarks = Vec::new();
    let mut docs = Vec::new();

    r.file = "title.xhtml".into();
    let (xhtml, abstract_entry) = front::title_page(doc, &lang, &title, &mut r);
    toc.push(TocNode {
        label: title.clone(),
        href: r.file.clone(),
        children: abstract_entry.into_iter().collect(),
    });
    landmarks.push(Landmark {
        kind: "titlepage",
        label: Labels::for_language(&lang).title_page.into(),
        href: r.file.clone(),
    });
    docs.push(ContentDoc {
        file: r.file.clone(),
        xhtml,
    });

    body::body(
        doc,
        &lang,
        &title,
        &mut r,
        &mut docs,
        &mut toc,
        &mut landmarks,
    );
    if let Some(xhtml) = back::end_matter(doc, &lang, &mut r, &mut toc, &mut landmarks) {
        docs.push(ContentDoc {
            file: r.file.clone(),
            xhtml,
        });
    }
    if let Some((xhtml, entry)) = notes::notes_document(doc, &lang, &mut r) {
        toc.push(entry);
        docs.push(ContentDoc {
            file: r.file.clone(),
            xhtml,
        });
    }

    let facts = Facts {
        section_headings: r.section_headings,
        page_breaks: r.page_list.len(),
        images: r.images_shown,
    };
    let mut items = vec![
        Item {
            id: "nav".into(),
            href: "nav.xhtml".into(),
            media_type: XHTML,
            properties: Some("nav"),
            in_spine: false,
        },
        Item {
            id: "ncx".into(),
            href: "toc.ncx".into(),
            media_type: "application/x-dtbncx+xml",
            properties: None,
            in_spine: false,
        },
        Item {
            id: "css".into(),
            href: "style.css".into(),
            media_type: "text/css",
            properties: None,
            in_spine: false,
        },
    ];
    // Only images the content shows go in the package: an unused file
    // would be an EPUBCheck warning.
    if r.images_shown > 0 {
        for image in options.resources.images() {
            items.push(Item {
                id: format!("img-{}", items.len() + 1),
                href: image.name.clone(),
                media_type: image.kind.media_type(),
                properties: None,
                in_spine: false,
            });
        }
    }
    for d in &docs {
        items.push(Item {
            id: format!("doc-{}", d.file.trim_end_matches(".xhtml")),
            href: d.file.clone(),
            media_type: XHTML,
            properties: None,
            in_spine: true,
        });
    }
    let opf = Package {
        doc,
        identifier: &identifier,
        language: &lang,
        title: &title,
        timestamp: options.timestamp,
        items: &items,
        facts: &facts,
    }
    .render(&mut warnings)?;

    let nav = nav::nav_document(&lang, &title, &toc, &landmarks, &r.page_list, &r.figures);
    let ncx = nav::ncx(&identifier, &lang, &title, &toc);

    let mut zip = zip::DeterministicZip::new(options.timestamp);
    zip.add("META-INF/container.xml", CONTAINER_XML.as_bytes());
    zip.add(&format!("{DIR}/package.opf"), opf.as_bytes());
    zip.add(&format!("{DIR}/nav.xhtml"), nav.as_bytes());
    zip.add(&format!("{DIR}/toc.ncx"), ncx.as_bytes());
    zip.add(&format!("{DIR}/style.css"), css.as_bytes());
    for d in &docs {
        zip.add(&format!("{DIR}/{}", d.file), d.xhtml.as_bytes());
    }
    if r.images_shown > 0 {
        for image in options.resources.images() {
            zip.add(&format!("{DIR}/{}", image.name), &image.bytes);
        }
    }
    let bytes = zip
        .into_bytes()
        .map_err(|e| Error::write("epub", format!("cannot write the zip container: {e}")))?;
    Ok(Output {
        bytes,
        warnings,
        ..Output::default()
    })
}

/// The start of a content document, up to and including `<body>`.
fn xhtml_head(lang: &str, title: &str, body_type: &str) -> String {
    let body = if body_type.is_empty() {
        "<body>".to_string()
    } else {
        format!("<body epub:type=\"{body_type}\">")
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" \
         lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n\
         </head>\n{body}\n",
        esc(title),
        lang = esc(lang),
    )
}

const XHTML_END: &str = "</body>\n</html>\n";

/// The identifier shared by every edition; a blank one falls back to the
/// content-derived UUID, since EPUB requires a non-empty identifier.
pub(crate) fn identifier(doc: &Document, warnings: &mut Vec<String>) -> String {
    let id = label(&doc.identifier());
    if id.is_empty() {
        warnings.push("the identifier is blank; the EPUB uses the content-derived UUID".into());
        return doc.content_uuid();
    }
    id
}

/// The title every edition states ([`crate::write::document_title`]), with
/// a warning when the metadata has none.
pub(crate) fn book_title(doc: &Document, warnings: &mut Vec<String>) -> String {
    let title = label(&super::document_title(doc));
    let stated = doc.meta.title_text().is_some_and(|t| !label(&t).is_empty());
    if !stated {
        warnings.push(format!(
            "no title in the metadata; the EPUB is titled `{title}`"
        ));
    }
    title
}

/// The publication date as W3CDTF (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), when
/// the document has one that is a real calendar date.
pub(crate) fn publication_date(doc: &Document) -> Option<String> {
    let d = doc.meta.date?;
    let text = d.to_string();
    let valid = (0..=9999).contains(&d.year)
        && (d.month.is_some() || d.day.is_none())
        && crate::model::Date::parse(&text).is_ok_and(|p| p == d);
    valid.then_some(text)
}
