//! The JATS XML edition, for repository archives: JATS 1.3, Journal
//! Archiving and Interchange tag set by default, Journal Publishing on
//! request. The output is valid against the chosen DTD for every document:
//! where the model lacks something a tag set requires, the smallest valid
//! form is written and a warning says so.
//!
//! `front.rs` maps the metadata, `body.rs` the sections and blocks,
//! `inline.rs` the running text, `back.rs` the end matter; `xml.rs` is the
//! only place that touches quick-xml.

mod affiliation;
mod back;
mod body;
mod front;
mod inline;
mod table;
mod xml;

use crate::error::Result;
use crate::model::Document;

use super::{JatsTagset, Output, WriteOptions};
use xml::Xml;

/// Public and system identifiers of the JATS 1.3 DTDs, as their headers give them.
fn doctype(tagset: JatsTagset) -> (&'static str, &'static str) {
    match tagset {
        JatsTagset::Archiving => (
            "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN",
            "http://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3.dtd",
        ),
        JatsTagset::Publishing => (
            "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN",
            "http://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd",
        ),
    }
}

const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const ALI_NS: &str = "http://www.niso.org/schemas/ali/1.0/";

/// State shared while one document is written.
pub(crate) struct Ctx {
    tagset: JatsTagset,
    warnings: Vec<String>,
    /// Whether an `xlink:` attribute was written, so the namespace is declared.
    uses_xlink: bool,
    /// Whether an `ali:` element was written.
    uses_ali: bool,
    /// Thematic breaks: JATS has no element for them.
    dropped_breaks: usize,
    /// Tables written so far, for their ids.
    tables: usize,
    /// Figures written so far, for their ids.
    figures: usize,
    /// Footnote numbers by label.
    notes: std::collections::BTreeMap<String, usize>,
    /// The images loaded for the document.
    resources: super::resources::Resources,
    /// Image files the XML refers to (copied next to it), by name.
    images_used: std::collections::BTreeSet<String>,
}

impl Ctx {
    #[cfg(test)]
    fn for_tests() -> Ctx {
        Ctx {
            tagset: JatsTagset::Archiving,
            warnings: Vec::new(),
            uses_xlink: false,
            uses_ali: false,
            dropped_breaks: 0,
            tables: 0,
            figures: 0,
            notes: Default::default(),
            resources: Default::default(),
            images_used: Default::default(),
        }
    }

    fn publishing(&self) -> bool {
        self.tagset == JatsTagset::Publishing
    }
}

/// Writes the JATS edition.
pub fn write(doc: &Document, options: &WriteOptions) -> Result<Output> {
    let mut cx = Ctx {
        tagset: options.jats_tagset,
        warnings: Vec::new(),
        uses_xlink: false,
        uses_ali: false,
        dropped_breaks: 0,
        tables: 0,
        figures: 0,
        notes: doc
            .numbered_notes()
            .into_iter()
            .map(|(n, note)| (note.label.clone(), n))
            .collect(),
        resources: options.resources.clone(),
        images_used: Default::default(),
    };
    // The content first, so the root element declares only the namespaces used.
    let mut content = Xml::new(1);
    front::write(&mut content, &mut cx, doc);
    body::write(&mut content, &mut cx, doc);
    back::write(&mut content, &mut cx, doc);
    let content = content.finish()?;

    let (public_id, system_id) = doctype(cx.tagset);
    let lang = language_token(doc.language());
    if lang != doc.language() {
        cx.warnings.push(format!(
            "language `{}` is not a valid xml:lang value; wrote `{lang}`",
            doc.language()
        ));
    }
    let article_type = doc
        .meta
        .extra
        .get("article-type")
        .map(String::as_str)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or("other");
    let mut attrs = vec![
        ("article-type", article_type),
        ("dtd-version", "1.3"),
        ("xml:lang", lang.as_str()),
    ];
    if cx.uses_xlink {
        attrs.push(("xmlns:xlink", XLINK_NS));
    }
    if cx.uses_ali {
        attrs.push(("xmlns:ali", ALI_NS));
    }
    let mut root = Xml::new(0);
    root.raw(&format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"{public_id}\" \"{system_id}\">\n"
    ));
    root.start("article", &attrs);
    let mut bytes = root.finish()?;
    bytes.extend_from_slice(&content);
    bytes.extend_from_slice(b"\n</article>\n");

    if cx.dropped_breaks > 0 {
        cx.warnings.push(format!(
            "{} thematic break(s) left out: JATS has no element for them",
            cx.dropped_breaks
        ));
    }
    // The images go beside the XML, where `xlink:href` points.
    let files = cx
        .resources
        .images()
        .into_iter()
        .filter(|image| cx.images_used.contains(&image.name))
        .map(|image| (image.name.clone(), image.bytes.to_vec()))
        .collect();
    Ok(Output {
        bytes,
        warnings: cx.warnings,
        files,
    })
}

/// `lang` as an `xml:lang` value (the DTD declares it an NMTOKEN): ASCII
/// letters, digits and hyphens; `en` when nothing usable is left.
fn language_token(lang: &str) -> String {
    let token: String = lang
        .trim()
        .chars()
        .map(|c| if c == '_' { '-' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let token = token.trim_matches('-');
    if token.is_empty() {
        "en".to_string()
    } else {
        token.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tokens() {
        assert_eq!(language_token("en-GB"), "en-GB");
        assert_eq!(language_token("pt_BR"), "pt-BR");
        assert_eq!(language_token(" fr "), "fr");
        assert_eq!(language_token("<>"), "en");
    }
}
