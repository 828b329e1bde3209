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

mod lang;
mod nav;
mod package;
mod url;
mod xhtml;
mod zip;

use crate::error::{Error, Result};
use crate::model::{BackKind, Block, Document, sections};

use super::{Output, WriteOptions};
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
    let mut toc = Vec::new();
    let mut landmarks = Vec::new();
    let mut docs = Vec::new();

    r.file = "title.xhtml".into();
    let (xhtml, abstract_entry) = title_page(doc, &lang, &title, &mut r);
    toc.push(TocNode {
        label: title.clone(),
        href: r.file.clone(),
        children: abstract_entry.into_iter().collect(),
    });
    landmarks.push(Landmark {
        kind: "titlepage",
        label: "Title page".into(),
        href: r.file.clone(),
    });
    docs.push(ContentDoc {
        file: r.file.clone(),
        xhtml,
    });

    body(
        doc,
        &lang,
        &title,
        &mut r,
        &mut docs,
        &mut toc,
        &mut landmarks,
    );
    if let Some(xhtml) = end_matter(doc, &lang, &mut r, &mut toc, &mut landmarks) {
        docs.push(ContentDoc {
            file: r.file.clone(),
            xhtml,
        });
    }

    let facts = Facts {
        section_headings: r.section_headings,
        page_breaks: r.page_list.len(),
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

    let nav = nav::nav_document(&lang, &title, &toc, &landmarks, &r.page_list);
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
    let bytes = zip
        .into_bytes()
        .map_err(|e| Error::write("epub", format!("cannot write the zip container: {e}")))?;
    Ok(Output { bytes, warnings })
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
fn identifier(doc: &Document, warnings: &mut Vec<String>) -> String {
    let id = label(&doc.identifier());
    if id.is_empty() {
        warnings.push("the identifier is blank; the EPUB uses the content-derived UUID".into());
        return doc.content_uuid();
    }
    id
}

/// The title: the metadata's, else the first heading's, else "Untitled".
fn book_title(doc: &Document, warnings: &mut Vec<String>) -> String {
    if let Some(t) = doc
        .meta
        .title_text()
        .map(|t| label(&t))
        .filter(|t| !t.is_empty())
    {
        return t;
    }
    let heading = doc.blocks.iter().find_map(|b| match b {
        Block::Heading { content, .. } => {
            Some(label(&crate::model::plain_text(content))).filter(|t| !t.is_empty())
        }
        _ => None,
    });
    warnings.push(match &heading {
        Some(h) => {
            format!("no title in the metadata; the EPUB is titled by its first heading, `{h}`")
        }
        None => "no title in the metadata or the text; the EPUB is titled `Untitled`".into(),
    });
    heading.unwrap_or_else(|| "Untitled".into())
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

/// The title page: title, subtitle, authors with affiliations, date,
/// identifier, then the abstract, keywords and licence. Returns the page and
/// the table-of-contents entry of the abstract.
fn title_page(
    doc: &Document,
    lang: &str,
    title: &str,
    r: &mut Renderer,
) -> (String, Option<TocNode>) {
    let meta = &doc.meta;
    let mut out = xhtml_head(lang, title, "frontmatter");
    out.push_str(
        "<section epub:type=\"titlepage\" class=\"titlepage\" aria-labelledby=\"book-title\">\n",
    );
    out.push_str("<h1 class=\"title\" id=\"book-title\">");
    match meta
        .title
        .as_deref()
        .filter(|t| !label(&crate::model::plain_text(t)).is_empty())
    {
        Some(t) => r.inlines(&mut out, t),
        None => out.push_str(&esc(title)),
    }
    out.push_str("</h1>\n");
    if let Some(sub) = meta.subtitle.as_deref().filter(|s| !s.is_empty()) {
        out.push_str("<p class=\"subtitle\">");
        r.inlines(&mut out, sub);
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
                    "<br/><span class=\"affiliation\">{}</span>",
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
            .filter(|t| !label(&crate::model::plain_text(t)).is_empty());
        out.push_str("<section id=\"abstract\" epub:type=\"abstract\" role=\"doc-abstract\" aria-labelledby=\"abstract-title\">\n");
        out.push_str("<h2 id=\"abstract-title\">");
        match heading {
            Some(t) => r.inlines(&mut out, t),
            None => out.push_str("Abstract"),
        }
        out.push_str("</h2>\n");
        r.blocks(&mut out, &abs.blocks);
        out.push_str("</section>\n");
        entry = Some(TocNode {
            label: heading
                .map(|t| label(&crate::model::plain_text(t)))
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
    out.push_str(XHTML_END);
    (out, entry)
}

/// The body: nested sections from the headings, in one content document or,
/// above [`SPLIT_ABOVE_CHARS`], one per top-level section.
fn body(
    doc: &Document,
    lang: &str,
    title: &str,
    r: &mut Renderer,
    docs: &mut Vec<ContentDoc>,
    toc: &mut Vec<TocNode>,
    landmarks: &mut Vec<Landmark>,
) {
    // Heading levels outside 1-6 would break the section structure; the
    // model allows them in hand-built documents, so clamp them here.
    let blocks: Vec<Block> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading {
                level,
                content,
                span,
            } => Block::Heading {
                level: (*level).clamp(1, 6),
                content: content.clone(),
                span: *span,
            },
            other => other.clone(),
        })
        .collect();
    if blocks.is_empty() {
        return;
    }
    let all = sections(&blocks);
    let chars: usize = blocks.iter().map(|b| b.plain_text().chars().count()).sum();
    let mut chunks: Vec<Vec<&crate::model::Section<'_>>> = Vec::new();
    if chars > SPLIT_ABOVE_CHARS && all.len() > 1 {
        for s in &all {
            // The text before the first heading opens the first chapter's file.
            match chunks.last_mut() {
                Some(last) if last.len() == 1 && last[0].heading.is_none() => last.push(s),
                _ => chunks.push(vec![s]),
            }
        }
    } else {
        chunks.push(all.iter().collect());
    }
    let single = chunks.len() == 1;
    for (i, chunk) in chunks.iter().enumerate() {
        r.file = if single {
            "body.xhtml".into()
        } else {
            format!("body-{:03}.xhtml", i + 1)
        };
        let mut inner = String::new();
        for s in chunk {
            toc.extend(r.section(&mut inner, s));
        }
        let head_title = chunk
            .iter()
            .find_map(|s| s.heading.and_then(Block::inlines))
            .map(|c| label(&crate::model::plain_text(c)))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| title.to_string());
        let mut out = xhtml_head(lang, &head_title, "bodymatter");
        out.push_str(&inner);
        out.push_str(XHTML_END);
        if i == 0 {
            landmarks.push(Landmark {
                kind: "bodymatter",
                label: "Start of content".into(),
                href: r.file.clone(),
            });
        }
        docs.push(ContentDoc {
            file: r.file.clone(),
            xhtml: out,
        });
    }
}

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
fn end_matter(
    doc: &Document,
    lang: &str,
    r: &mut Renderer,
    toc: &mut Vec<TocNode>,
    landmarks: &mut Vec<Landmark>,
) -> Option<String> {
    let bios: Vec<_> = doc
        .meta
        .authors
        .iter()
        .filter(|a| !a.bio.is_empty())
        .collect();
    if doc.back.is_empty() && bios.is_empty() {
        return None;
    }
    r.file = "back.xhtml".into();
    let mut inner = String::new();
    let mut first_label = None;
    for back in &doc.back {
        let id = r.id("back");
        let semantics = back_semantics(back.kind)
            .map(|(kind, role)| format!(" epub:type=\"{kind}\" role=\"{role}\""))
            .unwrap_or_default();
        let title = back
            .title
            .as_deref()
            .map(|t| label(&crate::model::plain_text(t)))
            .filter(|t| !t.is_empty());
        let text = title
            .clone()
            .unwrap_or_else(|| back.kind.label().to_string());
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
        let heading = if bios.len() == 1 {
            "About the author"
        } else {
            "About the authors"
        };
        inner.push_str(&format!(
            "<section id=\"contributors\" epub:type=\"contributors\" aria-labelledby=\"contributors-h\">\n\
             <h1 id=\"contributors-h\">{heading}</h1>\n"
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
    let mut out = xhtml_head(
        lang,
        first_label.as_deref().unwrap_or("End matter"),
        "backmatter",
    );
    out.push_str(&inner);
    out.push_str(XHTML_END);
    Some(out)
}
