//! Navigation: the EPUB 3 navigation document (table of contents,
//! landmarks, page list) and the NCX that older reading systems use.

use super::xhtml::{PageTarget, TocNode, esc};
use crate::write::labels::Labels;

/// A landmark: a major part of the book, for "go to" menus.
#[derive(Debug, Clone)]
pub struct Landmark {
    /// An `epub:type` value: `titlepage`, `bodymatter`, `bibliography`, `toc`.
    pub kind: &'static str,
    pub label: String,
    pub href: String,
}

/// The navigation document. `toc` is never empty (the title page is always
/// in it), so the table of contents is always valid.
pub fn nav_document(
    lang: &str,
    title: &str,
    toc: &[TocNode],
    landmarks: &[Landmark],
    pages: &[PageTarget],
    figures: &[PageTarget],
) -> String {
    let mut out = super::xhtml_head(lang, title, "");
    out.push_str(
        "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\" aria-labelledby=\"toc-title\">\n",
    );
    out.push_str(&format!(
        "<h1 id=\"toc-title\">{}</h1>\n",
        esc(Labels::for_language(lang).contents)
    ));
    toc_list(&mut out, toc);
    out.push_str("</nav>\n");
    out.push_str("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\" aria-labelledby=\"landmarks-title\">\n");
    out.push_str("<h2 id=\"landmarks-title\">Landmarks</h2>\n<ol>\n");
    for l in landmarks {
        out.push_str(&format!(
            "<li><a epub:type=\"{}\" href=\"{}\">{}</a></li>\n",
            l.kind,
            esc(&l.href),
            esc(&l.label)
        ));
    }
    out.push_str("</ol>\n</nav>\n");
    if !pages.is_empty() {
        out.push_str("<nav epub:type=\"page-list\" id=\"page-list\" role=\"doc-pagelist\" hidden=\"hidden\" aria-labelledby=\"page-list-title\">\n");
        out.push_str("<h2 id=\"page-list-title\">Pages</h2>\n");
        target_list(&mut out, pages);
        out.push_str("</nav>\n");
    }
    if !figures.is_empty() {
        out.push_str("<nav epub:type=\"loi\" id=\"loi\" aria-labelledby=\"loi-title\">\n");
        out.push_str("<h2 id=\"loi-title\">Figures</h2>\n");
        target_list(&mut out, figures);
        out.push_str("</nav>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A flat `<ol>` of links: the page list, the list of figures.
fn target_list(out: &mut String, targets: &[PageTarget]) {
    out.push_str("<ol>\n");
    for t in targets {
        out.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>\n",
            esc(&t.href),
            esc(&t.label)
        ));
    }
    out.push_str("</ol>\n");
}

/// The nested `<ol>` of a table of contents (also the HTML edition's).
pub(crate) fn toc_list(out: &mut String, nodes: &[TocNode]) {
    out.push_str("<ol>\n");
    for n in nodes {
        out.push_str(&format!(
            "<li><a href=\"{}\">{}</a>",
            esc(&n.href),
            esc(&n.label)
        ));
        if !n.children.is_empty() {
            out.push('\n');
            toc_list(out, &n.children);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

/// The NCX (EPUB 2 navigation), kept for reading systems that predate EPUB 3.
/// It holds the table of contents only; the page list is in the navigation
/// document.
pub fn ncx(identifier: &str, lang: &str, title: &str, toc: &[TocNode]) -> String {
    fn depth(nodes: &[TocNode]) -> usize {
        nodes
            .iter()
            .map(|n| 1 + depth(&n.children))
            .max()
            .unwrap_or(0)
    }
    fn points(out: &mut String, nodes: &[TocNode], order: &mut usize, indent: usize) {
        for n in nodes {
            *order += 1;
            let pad = "  ".repeat(indent);
            out.push_str(&format!(
                "{pad}<navPoint id=\"nav-{o}\" playOrder=\"{o}\">\n{pad}  <navLabel><text>{}</text></navLabel>\n{pad}  <content src=\"{}\"/>\n",
                esc(&n.label),
                esc(&n.href),
                o = *order
            ));
            points(out, &n.children, order, indent + 1);
            out.push_str(&format!("{pad}</navPoint>\n"));
        }
    }
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"{}\">\n\
         <head>\n  <meta name=\"dtb:uid\" content=\"{}\"/>\n  <meta name=\"dtb:depth\" content=\"{}\"/>\n  \
         <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n  <meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n\
         <docTitle><text>{}</text></docTitle>\n<navMap>\n",
        esc(lang),
        esc(identifier),
        depth(toc).max(1),
        esc(title)
    );
    points(&mut out, toc, &mut 0, 1);
    out.push_str("</navMap>\n");
    out.push_str("</ncx>\n");
    out
}
