//! Writers: the document model to the bytes of one edition. Every writer has
//! the same entry point, reads the model and never repairs it; time, ids and
//! templates come in through [`WriteOptions`], never from the environment.

mod columns;
pub mod epub;
pub mod html;
pub mod jats;
pub mod pdf;
pub mod txt;
pub mod xml_text;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

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

/// The timestamp used when neither `SOURCE_DATE_EPOCH` nor a document date
/// is known: 1980-01-01T00:00:00Z, the earliest time a zip entry can hold, so
/// that outputs stay reproducible without a clock.
pub const FALLBACK_TIMESTAMP: i64 = 315_532_800;

/// Everything a writer may depend on besides the document.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// Plain text: wrap column, or `None` for one line per paragraph.
    pub wrap: Option<usize>,
    pub jats_tagset: JatsTagset,
    pub paper: Paper,
    /// Seconds since the Unix epoch: the modification time written into
    /// outputs (EPUB `dcterms:modified`, zip entries, PDF dates).
    pub timestamp: i64,
    pub templates: Templates,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            wrap: Some(72),
            jats_tagset: JatsTagset::default(),
            paper: Paper::default(),
            timestamp: FALLBACK_TIMESTAMP,
            templates: Templates::default(),
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
            warnings: Vec::new(),
        }),
    }
}

/// Style files a user can change without recompiling. Each writer names the
/// file it wants relative to the template directory and passes its built-in
/// copy; the user's file wins when it exists.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    dir: Option<PathBuf>,
}

impl Templates {
    /// Templates from `dir`, falling back to the built-in copies.
    pub fn from_dir(dir: impl Into<PathBuf>) -> Templates {
        Templates {
            dir: Some(dir.into()),
        }
    }

    /// Built-in templates only.
    pub fn builtin() -> Templates {
        Templates { dir: None }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The template at `relative` (such as `epub/style.css`): the user's copy
    /// when the directory has one, else `builtin`. Only plain relative paths
    /// below the template directory are read; templates are data, never code.
    pub fn get(&self, relative: &str, builtin: &'static str) -> Result<Cow<'static, str>> {
        let Some(dir) = &self.dir else {
            return Ok(Cow::Borrowed(builtin));
        };
        let rel = Path::new(relative);
        let plain = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            return Err(Error::Usage(format!(
                "template path `{relative}` must stay inside the template directory"
            )));
        }
        let path = dir.join(rel);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let root = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
                let real = path.canonicalize().map_err(|e| Error::io(&path, e))?;
                if !real.starts_with(&root) {
                    return Err(Error::Usage(format!(
                        "{}: template links outside the template directory {}",
                        path.display(),
                        root.display()
                    )));
                }
                Ok(Cow::Owned(text))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Cow::Borrowed(builtin)),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// A fingerprint of the templates in use, for incremental rebuilds.
    pub fn fingerprint(&self) -> String {
        let Some(dir) = &self.dir else {
            return "builtin".into();
        };
        let mut files = Vec::new();
        collect_files(dir, &mut files);
        files.sort();
        let mut out = String::new();
        for f in files {
            if let Ok(bytes) = std::fs::read(&f) {
                out.push_str(&format!(
                    "{}:{};",
                    f.display(),
                    crate::hash::hex_digest(&bytes)
                ));
            }
        }
        out
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect_files(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}
