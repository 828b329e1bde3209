//! Writers: the document model to the bytes of one edition. Every writer has
//! the same entry point, reads the model and never repairs it; time, ids and
//! templates come in through [`WriteOptions`], never from the environment.

mod columns;
mod deflate;
pub mod epub;
pub mod html;
pub mod jats;
pub mod labels;
pub mod pdf;
pub mod resources;
pub mod templates;
pub mod txt;
pub mod xml_text;

pub use templates::Templates;

use crate::error::{Error, Result};
use crate::model::Document;

/// The formats Recto writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// PDF for print.
    Pdf,
    /// EPUB 3 for e-readers.
    Epub,
    /// JATS XML for repository archives.
    Jats,
    /// Plain text for archives and search.
    Txt,
    /// One standalone HTML5 page for the web, with scholarly metadata.
    Html,
    /// The document model as versioned JSON, for debugging.
    Ast,
}

impl Format {
    /// The four editions written by default.
    pub const EDITIONS: [Format; 4] = [Format::Pdf, Format::Epub, Format::Jats, Format::Txt];

    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Epub => "epub",
            Format::Jats => "jats",
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Ast => "ast",
        }
    }

    /// The file extension of the edition: `<stem>.<extension>`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Epub => "epub",
            Format::Jats => "xml",
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Ast => "ast.json",
        }
    }

    pub fn parse(name: &str) -> Result<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(Format::Pdf),
            "epub" => Ok(Format::Epub),
            "jats" | "xml" => Ok(Format::Jats),
            "txt" | "text" => Ok(Format::Txt),
            "html" | "htm" => Ok(Format::Html),
            "ast" | "json" => Ok(Format::Ast),
            other => Err(Error::Usage(format!(
                "unknown output format `{other}`: choose from pdf, epub, jats, txt, html, ast"
            ))),
        }
    }
}

/// Which JATS tag set the JATS writer targets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum JatsTagset {
    /// Journal Archiving and Interchange ("green"): the most permissive.
    #[default]
    Archiving,
    /// Journal Publishing ("blue").
    Publishing,
}

/// Paper size of the PDF edition.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// The standards the PDF edition claims to meet, in its XMP metadata.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum PdfStandard {
    /// PDF/A-2 (level U when every glyph maps to Unicode, else level B),
    /// with the sRGB output intent, and PDF/UA-1.
    #[default]
    #[value(name = "pdfa2-pdfua1")]
    PdfA2PdfUa1,
    /// No claim: a plain tagged PDF 1.7.
    None,
}

/// The timestamp used when neither `SOURCE_DATE_EPOCH` nor a document date
/// is known: 1980-01-01T00:00:00Z, the earliest time a zip entry can hold, so
/// that outputs stay reproducible without a clock.
pub const FALLBACK_TIMESTAMP: i64 = 315_532_800;

/// Most pages the PDF edition may have unless raised (`--max-pages`). A
/// document past it fails alone, with a message naming the limit, instead
/// of holding a whole batch's memory and time: 20,000 pages is some 60 MB
/// of text, and no real document in the corpora comes near it.
pub const DEFAULT_MAX_PAGES: usize = 20_000;

/// Everything a writer may depend on besides the document.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// Plain text: wrap column, or `None` for one line per paragraph.
    pub wrap: Option<usize>,
    pub jats_tagset: JatsTagset,
    pub paper: Paper,
    pub pdf_standard: PdfStandard,
    /// Seconds since the Unix epoch: the modification time written into
    /// outputs (EPUB `dcterms:modified`, zip entries, PDF dates).
    pub timestamp: i64,
    pub templates: Templates,
    /// The images the document refers to, loaded by the reader's side.
    pub resources: resources::Resources,
    /// PDF: fail the document when its layout needs more pages than this.
    pub max_pages: usize,
    /// Plain text: show where each printed page of the source began
    /// (`[p. 12]`). The EPUB and JATS editions always carry the pages.
    pub page_markers: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            wrap: Some(72),
            jats_tagset: JatsTagset::default(),
            paper: Paper::default(),
            pdf_standard: PdfStandard::default(),
            timestamp: FALLBACK_TIMESTAMP,
            templates: Templates::default(),
            resources: resources::Resources::default(),
            max_pages: DEFAULT_MAX_PAGES,
            page_markers: false,
        }
    }
}

impl WriteOptions {
    /// The timestamp for a document: `SOURCE_DATE_EPOCH` when given, else the
    /// document's date, else [`FALLBACK_TIMESTAMP`]. Never the wall clock.
    pub fn timestamp_for(doc: &Document, source_date_epoch: Option<i64>) -> i64 {
        source_date_epoch
            .or_else(|| doc.meta.date.map(|d| d.unix_seconds()))
            .unwrap_or(FALLBACK_TIMESTAMP)
    }
}

/// One written edition, with what the writer could not represent.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub bytes: Vec<u8>,
    /// Things the writer dropped or could not show, for the user to see.
    pub warnings: Vec<String>,
    /// Files that go beside the edition (the JATS edition's images), by
    /// their path relative to it.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Writes one edition of a document.
pub fn write(format: Format, doc: &Document, options: &WriteOptions) -> Result<Output> {
    match format {
        Format::Pdf => pdf::write(doc, options),
        Format::Epub => epub::write(doc, options),
        Format::Jats => jats::write(doc, options),
        Format::Txt => txt::write(doc, options),
        Format::Html => html::write(doc, options),
        Format::Ast => Ok(Output {
            bytes: doc.to_json().into_bytes(),
            ..Output::default()
        }),
    }
}

/// The title every edition states: the metadata's, else the text of the
/// first heading, else "Untitled". `meta::edition_title` gives a converted
/// document a title before it is written (the first heading, else the file
/// name); this is the last resort for documents written through the
/// library without one, so that the editions still agree. Characters no
/// edition can carry (those XML forbids) are left out first, so a title of
/// nothing else counts as none.
pub fn document_title(doc: &Document) -> String {
    let clean = |t: String| {
        xml_text::xml_safe(&t)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    doc.meta
        .title_text()
        .map(clean)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            doc.blocks.iter().find_map(|b| match b {
                crate::model::Block::Heading { content, .. } => {
                    Some(clean(crate::model::plain_text(content))).filter(|t| !t.is_empty())
                }
                _ => None,
            })
        })
        .unwrap_or_else(|| "Untitled".to_string())
}

/// Loads and checks every template in `options` (the PDF page style for
/// the run's paper size, the text header, the EPUB style sheet), so that a
/// broken template is one setup error before any document is read rather
/// than the same failure for every document.
pub fn check_templates(options: &WriteOptions) -> Result<()> {
    pdf::layout::Style::load(options)?;
    txt::header_template(options)?;
    options
        .templates
        .get("epub/style.css", epub::BUILTIN_CSS)
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Inline, Span};

    #[test]
    fn a_title_of_characters_no_edition_can_carry_counts_as_none() {
        let mut doc = Document::default();
        doc.meta.title = Some(vec![Inline::Code("\u{c}\u{0}\u{fffe}".into())]);
        assert_eq!(document_title(&doc), "Untitled");
        doc.blocks.push(Block::Heading {
            level: 1,
            content: vec![Inline::text("Rivers\u{1}  of  the plains")],
            id: None,
            span: Span::default(),
        });
        assert_eq!(document_title(&doc), "Rivers of the plains");
        doc.meta.title = Some(vec![Inline::text(" Stated\ttitle ")]);
        assert_eq!(document_title(&doc), "Stated title");
    }
}
