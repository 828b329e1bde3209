//! Editions read back as text, the way a reader of each would get it:
//! the PDF through `pdftotext`, the EPUB's documents in spine order and
//! the JATS XML with their markup dropped (a block element is a paragraph,
//! a `<br/>` a line break).

use std::path::Path;
use std::process::Command;

/// The text of a PDF (`pdftotext -enc UTF-8`); `None` when pdftotext is
/// missing (after `super::skip`).
pub fn pdf_text(pdf: &Path) -> Option<String> {
    if !super::have("pdftotext", "the PDF round trip") {
        return None;
    }
    let (ok, out, err) = super::run(
        Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(pdf)
            .arg("-"),
    );
    assert!(ok, "pdftotext: {err}");
    Some(out)
}

/// The text of an EPUB: its content documents in spine order (the
/// navigation document left out: it repeats the headings).
pub fn epub_text(epub: &Path) -> String {
    let names = super::zip_names(epub);
    let opf_name = names.iter().find(|n| n.ends_with(".opf")).unwrap();
    let opf = super::zip_entry(epub, opf_name).unwrap();
    let dir = opf_name.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = String::new();
    for idref in attribute_values(&opf, "<itemref ", "idref") {
        let item = opf
            .split("<item ")
            .skip(1)
            .map(|i| format!(" {i}"))
            .find(|i| attribute(i, "id").as_deref() == Some(idref.as_str()))
            .unwrap();
        if item
            .split('>')
            .next()
            .unwrap()
            .contains("properties=\"nav\"")
        {
            continue;
        }
        let href = attribute(&item, "href").unwrap();
        let path = if dir.is_empty() {
            href
        } else {
            format!("{dir}/{href}")
        };
        let xhtml = super::zip_entry(epub, &path).unwrap();
        let body = xhtml
            .split_once("<body")
            .and_then(|(_, b)| b.split_once('>'))
            .map_or(xhtml.as_str(), |(_, b)| b);
        out.push_str(&markup_text(body));
        out.push_str("\n\n");
    }
    out
}

/// The text of a JATS article: the title, the authors' names (given names
/// first, as they are read), the abstract, the body and the back matter.
/// Identifiers, addresses and cross-reference marks are not text a reader
/// reads.
pub fn jats_text(xml: &str) -> String {
    let mut out = String::new();
    if let Some(title) = element(xml, "article-title") {
        out.push_str(&markup_text(title));
        out.push_str("\n\n");
    }
    let names: Vec<String> = xml
        .split("<name>")
        .skip(1)
        .map(|n| {
            let given = element(n, "given-names").unwrap_or("");
            let surname = element(n, "surname").unwrap_or("");
            format!("{given} {surname}").trim().to_string()
        })
        .collect();
    if !names.is_empty() {
        out.push_str(&names.join(", "));
        out.push_str("\n\n");
    }
    for part in ["abstract", "body", "back"] {
        if let Some(inner) = element(xml, part) {
            out.push_str(&markup_text(inner));
            out.push_str("\n\n");
        }
    }
    out
}

/// The inside of the first `<name ...>...</name>` element.
fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let start = xml.find(&format!("<{name}"))?;
    let after = &xml[start..];
    let open_end = after.find('>')? + 1;
    let close = after.find(&format!("</{name}>"))?;
    Some(&after[open_end..close])
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let tag = tag.split('>').next()?;
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn attribute_values(xml: &str, open: &str, name: &str) -> Vec<String> {
    xml.split(open)
        .skip(1)
        .filter_map(|t| attribute(&format!(" {t}"), name))
        .collect()
}

/// Markup to text: block elements end paragraphs, `<br/>` breaks a line,
/// other tags are dropped, entities decoded, spaces collapsed.
fn markup_text(xml: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "title",
        "div",
        "section",
        "blockquote",
        "pre",
        "tr",
        "sec",
        "list-item",
        "caption",
        "fig",
        "table-wrap",
    ];
    let mut out = String::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if name == "br" {
            out.push('\n');
        } else if BLOCKS.contains(&name) {
            out.push_str("\n\n");
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#160;", "\u{a0}")
        .replace("&amp;", "&");
    let mut text = String::new();
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !text.ends_with("\n\n") && !text.is_empty() {
                text.push('\n');
            }
        } else {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&line);
        }
    }
    text
}
