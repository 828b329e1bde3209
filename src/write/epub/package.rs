//! The package document (OPF): metadata, manifest and spine.
//!
//! Metadata is mapped from the model here and nowhere else. The
//! accessibility metadata is derived from what the book really contains
//! ([`Facts`]), so that it never claims a feature the content lacks.

use crate::error::{Error, Result};
use crate::model::{Document, IdentifierKind, civil_from_unix};

use super::xhtml::{esc, label};

/// A file of the book as the manifest lists it.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    /// Relative to the package document.
    pub href: String,
    pub media_type: &'static str,
    pub properties: Option<&'static str>,
    /// Part of the reading order (a content document).
    pub in_spine: bool,
}

/// What the written book contains, as far as accessibility claims go.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Headings that open sections (each reachable from the table of contents).
    pub section_headings: usize,
    /// Page-break markers from the printed source.
    pub page_breaks: usize,
    /// Images shown in the content (each with its alt text).
    pub images: usize,
}

/// Everything the package document states, resolved by the caller.
pub struct Package<'a> {
    pub doc: &'a Document,
    pub identifier: &'a str,
    pub language: &'a str,
    pub title: &'a str,
    pub timestamp: i64,
    pub items: &'a [Item],
    pub facts: &'a Facts,
}

/// The earliest and latest times `dcterms:modified` can state (a four-digit year).
const FIRST_TIME: i64 = -62_167_219_200; // 0000-01-01T00:00:00Z
const LAST_TIME: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

impl Package<'_> {
    pub fn render(&self, warnings: &mut Vec<String>) -> Result<String> {
        let mut m = Vec::new();
        self.identity(&mut m);
        self.creators(&mut m, warnings);
        self.description(&mut m, warnings)?;
        self.accessibility(&mut m);

        let mut manifest = String::new();
        let mut spine = String::new();
        for item in self.items {
            let props = item
                .properties
                .map(|p| format!(" properties=\"{p}\""))
                .unwrap_or_default();
            manifest.push_str(&format!(
                "    <item id=\"{}\" href=\"{}\" media-type=\"{}\"{props}/>\n",
                item.id, item.href, item.media_type
            ));
            if item.in_spine {
                spine.push_str(&format!("    <itemref idref=\"{}\"/>\n", item.id));
            }
        }
        let lang = esc(self.language);
        Ok(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" \
             xml:lang=\"{lang}\">\n  \
             <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n{}  </metadata>\n  \
             <manifest>\n{manifest}  </manifest>\n  \
             <spine toc=\"ncx\">\n{spine}  </spine>\n\
             </package>\n",
            m.iter().map(|l| format!("    {l}\n")).collect::<String>()
        ))
    }

    /// Identifier, titles, language, publisher and the dates.
    fn identity(&self, m: &mut Vec<String>) {
        let meta = &self.doc.meta;
        m.push(format!(
            "<dc:identifier id=\"pub-id\">{}</dc:identifier>",
            esc(self.identifier)
        ));
        // ONIX code list 5: 06 is a DOI, 15 an ISBN-13, 02 an ISBN-10.
        // (Counted here rather than via `IdentifierKind::bare`, which can
        // slice inside a multi-byte character.)
        let digits = self
            .identifier
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
            .count();
        let onix = match (IdentifierKind::of(self.identifier), digits) {
            (IdentifierKind::Doi, _) => Some("06"),
            (IdentifierKind::Isbn, 13) => Some("15"),
            (IdentifierKind::Isbn, 10) => Some("02"),
            _ => None,
        };
        if let Some(code) = onix {
            m.push(format!(
                "<meta refines=\"#pub-id\" property=\"identifier-type\" scheme=\"onix:codelist5\">{code}</meta>"
            ));
        }
        m.push(format!(
            "<dc:title id=\"title\">{}</dc:title>",
            esc(self.title)
        ));
        m.push("<meta refines=\"#title\" property=\"title-type\">main</meta>".into());
        if let Some(sub) = meta
            .subtitle_text()
            .map(|s| label(&s))
            .filter(|s| !s.is_empty())
        {
            m.push(format!(
                "<dc:title id=\"subtitle\">{}</dc:title>",
                esc(&sub)
            ));
            m.push("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>".into());
        }
        m.push(format!("<dc:language>{}</dc:language>", esc(self.language)));
        if let Some(p) = meta
            .publisher
            .as_deref()
            .map(label)
            .filter(|s| !s.is_empty())
        {
            m.push(format!("<dc:publisher>{}</dc:publisher>", esc(&p)));
        }
        if let Some(s) = meta.series.as_deref().map(label).filter(|s| !s.is_empty()) {
            m.push(format!(
                "<meta property=\"belongs-to-collection\" id=\"series\">{}</meta>",
                esc(&s)
            ));
            m.push("<meta refines=\"#series\" property=\"collection-type\">series</meta>".into());
        }
        if let Some(date) = super::publication_date(self.doc) {
            m.push(format!("<dc:date>{date}</dc:date>"));
        }
    }

    /// One `dc:creator` per named author, with role, sort name and order.
    fn creators(&self, m: &mut Vec<String>, warnings: &mut Vec<String>) {
        let mut seq = 0;
        for author in &self.doc.meta.authors {
            let name = label(&author.name);
            if name.is_empty() {
                warnings.push("an author without a name is left out of the EPUB metadata".into());
                continue;
            }
            seq += 1;
            let id = format!("creator-{seq}");
            m.push(format!(
                "<dc:creator id=\"{id}\">{}</dc:creator>",
                esc(&name)
            ));
            m.push(format!(
                "<meta refines=\"#{id}\" property=\"role\" scheme=\"marc:relators\">aut</meta>"
            ));
            let file_as = label(&author.file_as());
            if !file_as.is_empty() {
                m.push(format!(
                    "<meta refines=\"#{id}\" property=\"file-as\">{}</meta>",
                    esc(&file_as)
                ));
            }
            m.push(format!(
                "<meta refines=\"#{id}\" property=\"display-seq\">{seq}</meta>"
            ));
        }
    }

    /// Abstract, keywords, licence and the modification time.
    fn description(&self, m: &mut Vec<String>, warnings: &mut Vec<String>) -> Result<()> {
        let meta = &self.doc.meta;
        if let Some(text) = meta
            .abstract_text()
            .map(|s| label(&s))
            .filter(|s| !s.is_empty())
        {
            m.push(format!("<dc:description>{}</dc:description>", esc(&text)));
        }
        for k in meta
            .keywords
            .iter()
            .map(|k| label(k))
            .filter(|k| !k.is_empty())
        {
            m.push(format!("<dc:subject>{}</dc:subject>", esc(&k)));
        }
        if let Some(l) = meta.license.as_deref().map(label).filter(|s| !s.is_empty()) {
            m.push(format!("<dc:rights>{}</dc:rights>", esc(&l)));
        }
        if !(FIRST_TIME..=LAST_TIME).contains(&self.timestamp) {
            return Err(Error::write(
                "epub",
                format!(
                    "timestamp {} is outside the years 0000-9999 that dcterms:modified can state; \
                     set SOURCE_DATE_EPOCH to a time in that range",
                    self.timestamp
                ),
            ));
        }
        let (y, mo, d, h, mi, s) = civil_from_unix(self.timestamp);
        m.push(format!(
            "<meta property=\"dcterms:modified\">{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z</meta>"
        ));
        if self.doc.meta.date.is_some() && super::publication_date(self.doc).is_none() {
            warnings.push("the document date is not a valid calendar date and is left out".into());
        }
        Ok(())
    }

    /// schema.org accessibility metadata, each claim backed by a fact.
    fn accessibility(&self, m: &mut Vec<String>) {
        let f = self.facts;
        let mut claims: Vec<(&str, &str)> = vec![("schema:accessMode", "textual")];
        if f.images > 0 {
            // Images carry their alt text, so text alone still suffices.
            claims.push(("schema:accessMode", "visual"));
            claims.push(("schema:accessModeSufficient", "textual,visual"));
        }
        claims.extend([
            ("schema:accessModeSufficient", "textual"),
            // The navigation document always holds a table of contents.
            ("schema:accessibilityFeature", "tableOfContents"),
            // One linear spine in the order of the source.
            ("schema:accessibilityFeature", "readingOrder"),
        ]);
        if f.images > 0 {
            claims.push(("schema:accessibilityFeature", "alternativeText"));
        }
        if f.section_headings > 0 {
            claims.push(("schema:accessibilityFeature", "structuralNavigation"));
        }
        if f.page_breaks > 0 {
            claims.push(("schema:accessibilityFeature", "pageBreakMarkers"));
            claims.push(("schema:accessibilityFeature", "pageNavigation"));
            self.page_break_source(m);
        }
        // Text only: nothing flashes, moves or plays sound.
        claims.push(("schema:accessibilityHazard", "none"));
        for (property, value) in claims {
            m.push(format!("<meta property=\"{property}\">{value}</meta>"));
        }
        m.push(format!(
            "<meta property=\"schema:accessibilitySummary\">{}</meta>",
            esc(&summary(f))
        ));
    }
}

impl Package<'_> {
    /// Where the page numbers come from: the source's identifier when the
    /// metadata gives one (`source`), else a plain statement. Written as
    /// `dc:source` refined as the source of the pagination, the EPUB 3
    /// way that EPUBCheck 4.2 and DAISY Ace both read; the newer
    /// `pageBreakSource` property is an undefined property to EPUBCheck 4.2
    /// (OPF-027), so it is not written.
    fn page_break_source(&self, m: &mut Vec<String>) {
        let source = self
            .doc
            .meta
            .extra
            .get("source")
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .unwrap_or(PAGE_SOURCE_STATEMENT);
        m.push(format!(
            "<dc:source id=\"page-source\">{}</dc:source>",
            esc(source)
        ));
        m.push(
            "<meta refines=\"#page-source\" property=\"source-of\">pagination</meta>".to_string(),
        );
    }
}

/// What the page markers stand for when the metadata names no source.
const PAGE_SOURCE_STATEMENT: &str =
    "The printed pages of the source text this edition was converted from";

/// A plain-language account of the facts behind the accessibility claims.
fn summary(f: &Facts) -> String {
    let mut s = if f.images > 0 {
        String::from(
            "This publication is text with images, each described by alternative text, and \
             without audio or video, so it can be read entirely as text. It has a table of \
             contents",
        )
    } else {
        String::from(
            "This publication is text only, without images, audio or video, so it can be read \
             entirely as text. It has a table of contents",
        )
    };
    match f.section_headings {
        0 => s.push_str("; the text has no section headings"),
        1 => s.push_str(" and one section heading for structural navigation"),
        n => s.push_str(&format!(
            " and {n} section headings for structural navigation"
        )),
    }
    s.push_str(". ");
    match f.page_breaks {
        0 => s.push_str("It has no page numbers from a printed edition. "),
        n => s.push_str(&format!(
            "Page-break markers and a page list give the {n} printed page numbers of the source. "
        )),
    }
    s.push_str("The reading order follows the source. No accessibility hazards are known.");
    s
}
