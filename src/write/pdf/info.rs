//! The document's metadata as the PDF edition states it: the same values
//! the other editions carry, mapped once here and read by both the Info
//! dictionary and the XMP packet.

use crate::model::{Document, civil_from_unix};
use crate::write::PdfStandard;

/// The standards a PDF claims to meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Conformance {
    /// PDF/A-2 at level `U` (every glyph maps to Unicode) or `B`.
    pub pdfa2: Option<char>,
    /// PDF/UA-1.
    pub pdfua1: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PdfMeta {
    pub title: String,
    /// Authors in their order of appearance.
    pub authors: Vec<String>,
    /// The abstract as plain text.
    pub subject: Option<String>,
    pub keywords: Vec<String>,
    pub language: String,
    pub identifier: String,
    /// The document's own date (ISO 8601, as precise as it is known).
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub rights: Option<String>,
    /// Creation and modification time, seconds since the Unix epoch.
    pub timestamp: i64,
    /// The standards to claim; emission claims PDF/A only when the file
    /// meets what it can check (every glyph drawn exists).
    pub standard: PdfStandard,
}

impl PdfMeta {
    pub fn from_document(doc: &Document, timestamp: i64, standard: PdfStandard) -> PdfMeta {
        let meta = &doc.meta;
        let one_line = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        PdfMeta {
            title: one_line(crate::write::document_title(doc)),
            authors: meta
                .authors
                .iter()
                .map(|a| one_line(a.name.clone()))
                .filter(|n| !n.is_empty())
                .collect(),
            subject: meta
                .abstract_text()
                .map(|s| {
                    s.split("\n\n")
                        .map(|p| one_line(p.to_string()))
                        .collect::<Vec<_>>()
                        .join("\n\n")
                })
                .filter(|s| !s.is_empty()),
            keywords: meta
                .keywords
                .iter()
                .map(|k| one_line(k.clone()))
                .filter(|k| !k.is_empty())
                .collect(),
            language: doc.language().to_string(),
            identifier: doc.identifier(),
            date: meta.date.as_ref().map(|d| d.to_string()),
            publisher: meta.publisher.clone(),
            rights: meta.license.clone(),
            timestamp,
            standard,
        }
    }

    /// Authors as the Info dictionary lists them.
    pub fn author_line(&self) -> String {
        self.authors.join("; ")
    }

    pub fn keyword_line(&self) -> String {
        self.keywords.join(", ")
    }

    /// The timestamp as a PDF date: `D:YYYYMMDDHHmmSSZ`.
    pub fn pdf_date(&self) -> String {
        let (y, mo, d, h, mi, s) = civil_from_unix(self.timestamp);
        format!("D:{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z")
    }

    /// The timestamp as an XMP date: `YYYY-MM-DDTHH:mm:SSZ`.
    pub fn xmp_date(&self) -> String {
        let (y, mo, d, h, mi, s) = civil_from_unix(self.timestamp);
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}
