//! One document from input file to editions: read, repair, resolve the
//! metadata, write every requested format atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::meta::{self, MetaSources, Provenance};
use crate::model::Document;
use crate::normalize::{self, RepairLog};
use crate::read::{self, InputFormat};
use crate::write::{self, Format, WriteOptions};
use crate::{fsutil, hash};

/// Inputs larger than this are refused unless the limit is raised: the whole
/// file is held in memory several times over while it is repaired.
pub const DEFAULT_MAX_INPUT_SIZE: u64 = 64 * 1024 * 1024;

/// Name of the file, beside the outputs, that records what they were made from.
pub const STAMP_FILE: &str = ".recto-stamp";

/// How to turn an input into a repaired, resolved document.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub normalize: normalize::Options,
    /// Skip normalization entirely (the reader's blocks as they are).
    pub raw: bool,
    /// A metadata file for every input (else each input's sidecar is used).
    pub meta_file: Option<PathBuf>,
    /// `--set key=value` pairs.
    pub sets: Vec<(String, String)>,
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
    pub max_input_size: u64,
    /// Read the input as this format instead of guessing from its name.
    pub format: Option<InputFormat>,
    /// Read Markdown front matter as strictly as a metadata file: an unknown
    /// key is an error instead of an `extra` field.
    pub strict_meta: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            normalize: normalize::Options::default(),
            raw: false,
            meta_file: None,
            sets: Vec::new(),
            lossy: false,
            max_input_size: DEFAULT_MAX_INPUT_SIZE,
            format: None,
            strict_meta: false,
        }
    }
}

/// A document ready for the writers, with its audit trail.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub doc: Document,
    pub log: RepairLog,
    /// The decoded input text, for the review page.
    pub source: String,
    pub provenance: Provenance,
    pub warnings: Vec<String>,
    /// Hash of the input bytes and of its metadata file.
    pub input_hash: String,
}

/// Reads `input` (a path, or `-` for standard input), repairs it, and
/// resolves its metadata.
pub fn load(input: &Path, options: &LoadOptions) -> Result<Loaded> {
    let bytes = read_input(input, options.max_input_size)?;
    load_bytes(input, bytes, options)
}

/// [`load`] for bytes already read from `input` (which names them in
/// messages and locates the metadata sidecar).
pub fn load_bytes(input: &Path, bytes: Vec<u8>, options: &LoadOptions) -> Result<Loaded> {
    let text = read::decode(&bytes, input, options.lossy)?;
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: input.to_path_buf(),
        });
    }
    let format = options
        .format
        .unwrap_or_else(|| InputFormat::from_path(input));
    let mut sources = MetaSources {
        sets: options.sets.clone(),
        file: None,
        front_matter: None,
    };
    let mut front_warnings = Vec::new();
    let (doc, log) = match format {
        InputFormat::Text if options.raw => (read::text::parse(&text), RepairLog::default()),
        InputFormat::Text => normalize::normalize_text(&text, &options.normalize),
        InputFormat::Markdown => {
            let (doc, front) = read::markdown::parse(&text);
            if let Some(front) = front {
                let syntax = match front.syntax {
                    read::markdown::FrontMatterSyntax::Yaml => meta::file::Syntax::Yaml,
                    read::markdown::FrontMatterSyntax::Toml => meta::file::Syntax::Toml,
                };
                let parsed = meta::front_matter::parse(
                    &front.text,
                    syntax,
                    input,
                    front.first_line,
                    options.strict_meta,
                )?;
                front_warnings = parsed.warnings;
                sources.front_matter = Some((input.to_path_buf(), parsed.meta));
            }
            if options.raw {
                (doc, RepairLog::default())
            } else {
                normalize::normalize_document(doc, &options.normalize)
            }
        }
    };
    let meta_path = options.meta_file.as_deref();
    sources.file = if input == Path::new("-") {
        meta_path
            .map(|p| meta::file::read(p).map(|f| (p.to_path_buf(), f)))
            .transpose()?
    } else {
        meta::load_file(meta_path, input)?
    };
    let mut doc = doc;
    let (provenance, mut warnings) = meta::resolve(&mut doc, &sources, &text)?;
    warnings.splice(0..0, front_warnings);
    let mut fingerprint = bytes;
    if let Some((path, _)) = &sources.file {
        fingerprint.extend(std::fs::read(path).map_err(|e| Error::io(path, e))?);
    }
    Ok(Loaded {
        doc,
        log,
        source: text,
        provenance,
        warnings,
        input_hash: hash::hex_digest(&fingerprint),
    })
}

/// Reads an input whole, refusing more than `limit` bytes. The limit is
/// enforced on what is read, not only on the size the file system reports:
/// a device or a pipe (`/dev/zero`, a FIFO) reports 0 and never ends.
pub fn read_input(input: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let (name, reader): (PathBuf, Box<dyn Read>) = if input == Path::new("-") {
        ("<stdin>".into(), Box::new(std::io::stdin()))
    } else {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            return Err(Error::Usage(format!(
                "{}: is a directory; give a file",
                input.display()
            )));
        }
        if meta.len() > limit {
            return Err(Error::TooLarge {
                path: input.to_path_buf(),
                size: meta.len(),
                limit,
            });
        }
        let file = std::fs::File::open(input).map_err(|e| Error::io(input, e))?;
        (input.to_path_buf(), Box::new(file))
    };
    let mut buf = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(&name, e))?;
    if buf.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: name,
            size: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}

/// What to write, and where.
#[derive(Debug, Clone)]
pub struct ConvertOptions {
    pub load: LoadOptions,
    pub formats: Vec<Format>,
    pub out_dir: PathBuf,
    pub write: WriteOptions,
    /// `SOURCE_DATE_EPOCH`, when set.
    pub source_date_epoch: Option<i64>,
    /// Redo documents whose outputs are up to date.
    pub force: bool,
    /// Also write the review page, `<stem>.review.html`.
    pub review: bool,
}

/// How converting one document ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Converted,
    Skipped,
    Failed,
}

/// The record of one document, as written to the JSON Lines report.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    pub input: PathBuf,
    pub outputs: Vec<PathBuf>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub repairs: usize,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub repairs_by_rule: std::collections::BTreeMap<String, usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Hash of everything the outputs depend on.
    pub content_hash: String,
    pub millis: u64,
}

/// The output directory of an input: `<out>/<stem>/`, with the stem made
/// safe so that no input name can place files outside `out`.
pub fn output_dir(out: &Path, input: &Path) -> PathBuf {
    out.join(safe_stem(input))
}

/// Longest output stem, in bytes. File names are limited to 255 bytes on
/// common file systems, and the longest name made from a stem is
/// `<stem>.repairs.json`: a longer stem made the last files of a document
/// fail after the first were written. Two inputs that share their first
/// 200 bytes are then caught as colliding before anything is written.
const MAX_STEM_BYTES: usize = 200;

/// The file stem of an input, reduced to characters that are safe in a path
/// and short enough for every output name made from it.
pub fn safe_stem(input: &Path) -> String {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut cleaned = cleaned.trim_start_matches('.').to_string();
    if cleaned.len() > MAX_STEM_BYTES {
        let mut end = MAX_STEM_BYTES;
        while !cleaned.is_char_boundary(end) {
            end -= 1;
        }
        cleaned.truncate(end);
    }
    if cleaned.is_empty() {
        "document".to_string()
    } else {
        cleaned
    }
}

/// The path of one edition of an input.
pub fn output_path(out: &Path, input: &Path, format: Format) -> PathBuf {
    let stem = safe_stem(input);
    out.join(&stem)
        .join(format!("{stem}.{}", format.extension()))
}

/// Converts one input into the requested editions. Never panics on content;
/// every failure is an `Err` naming the file.
pub fn convert(input: &Path, options: &ConvertOptions) -> DocReport {
    let started = Instant::now();
    let mut report = DocReport {
        input: input.to_path_buf(),
        outputs: Vec::new(),
        status: Status::Failed,
        error: None,
        repairs: 0,
        repairs_by_rule: Default::default(),
        warnings: Vec::new(),
        content_hash: String::new(),
        millis: 0,
    };
    match convert_inner(input, options, &mut report) {
        Ok(status) => report.status = status,
        Err(e) => {
            report.status = Status::Failed;
            let message = e.to_string();
            let name = input.display().to_string();
            report.error = Some(if message.contains(&name) {
                message
            } else {
                format!("{name}: {message}")
            });
        }
    }
    report.millis = started.elapsed().as_millis() as u64;
    report
}

fn convert_inner(input: &Path, options: &ConvertOptions, report: &mut DocReport) -> Result<Status> {
    let dir = output_dir(&options.out_dir, input);
    let mut targets: Vec<(Format, PathBuf)> = options
        .formats
        .iter()
        .map(|f| (*f, output_path(&options.out_dir, input, *f)))
        .collect();
    targets.dedup();
    let repairs_path = dir.join(format!("{}.repairs.json", safe_stem(input)));
    let review_path = options
        .review
        .then(|| dir.join(format!("{}.review.html", safe_stem(input))));
    if let Ok(real_input) = input.canonicalize() {
        for path in targets.iter().map(|(_, p)| p).chain([&repairs_path]) {
            if path.canonicalize().ok().as_ref() == Some(&real_input) {
                return Err(Error::Usage(format!(
                    "{}: the input is also an output path; choose another output directory with -o",
                    input.display()
                )));
            }
        }
    }
    // Read once, bounded: the same bytes are hashed and converted (standard
    // input cannot be read twice, and a file may change in between).
    let bytes = read_input(input, options.load.max_input_size)?;
    let stamp = stamp_of(input, &bytes, options)?;
    report.content_hash = stamp.clone();
    report.outputs = targets.iter().map(|(_, p)| p.clone()).collect();
    let stamp_path = dir.join(STAMP_FILE);
    if !options.force
        && std::fs::read_to_string(&stamp_path).is_ok_and(|s| s.trim() == stamp)
        && targets.iter().all(|(_, p)| p.is_file())
        && review_path.as_ref().is_none_or(|p| p.is_file())
    {
        return Ok(Status::Skipped);
    }

    let loaded = load_bytes(input, bytes, &options.load)?;
    report.repairs = loaded.log.applied();
    report.repairs_by_rule = loaded.log.summary();
    report.warnings = loaded.warnings.clone();
    report.warnings.extend(unmet_rejections(&loaded.log));
    let mut write_options = options.write.clone();
    write_options.timestamp = WriteOptions::timestamp_for(&loaded.doc, options.source_date_epoch);

    // Every edition is made in memory before anything is written, so a
    // writer error leaves the previous outputs untouched.
    let mut files = Vec::new();
    for (format, path) in &targets {
        let out = write::write(*format, &loaded.doc, &write_options)?;
        report.warnings.extend(
            out.warnings
                .into_iter()
                .map(|w| format!("{}: {w}", format.name())),
        );
        files.push((path.clone(), out.bytes));
    }
    files.push((repairs_path, repairs_json(input, &loaded.log).into_bytes()));
    if let Some(path) = review_path {
        let page = crate::review::page(&crate::review::Review {
            name: &input.display().to_string(),
            source: &loaded.source,
            doc: &loaded.doc,
            log: &loaded.log,
        });
        files.push((path, page.into_bytes()));
    }

    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    fsutil::remove_stale_temps(&dir);
    // The stamp goes first and last: removed before the outputs change, so
    // an interrupted run is redone, and written once they are all in place.
    match std::fs::remove_file(&stamp_path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&stamp_path, e)),
    }
    for (path, bytes) in &files {
        fsutil::write_atomic(path, bytes)?;
    }
    fsutil::write_atomic(&stamp_path, format!("{stamp}\n").as_bytes())?;
    Ok(Status::Converted)
}

/// A warning for the rejected edits no pass met (none when all were).
pub fn unmet_rejections(log: &RepairLog) -> Option<String> {
    let unmet = log.unmet_rejections();
    (!unmet.is_empty()).then(|| {
        format!(
            "{} rejected edit(s) not found, so not undone (the input changed since the review, or the pass cannot undo them): {}",
            unmet.len(),
            unmet.join(" ")
        )
    })
}

/// The repair report of one document as JSON: every change, and a count per rule.
pub fn repairs_json(input: &Path, log: &RepairLog) -> String {
    let value = serde_json::json!({
        "input": input,
        "applied": log.applied(),
        "summary": log.summary(),
        "changes": log.changes,
    });
    let mut s = serde_json::to_string_pretty(&value).expect("the log serializes");
    s.push('\n');
    s
}

/// A hash of everything the outputs of `input` depend on: the input, its
/// metadata file, the options, the templates, and this version of Recto.
fn stamp_of(input: &Path, bytes: &[u8], options: &ConvertOptions) -> Result<String> {
    let mut material = bytes.to_vec();
    let meta_path = match &options.load.meta_file {
        Some(p) => Some(p.clone()),
        None => meta::sidecar_of(input),
    };
    if let Some(p) = meta_path {
        material.extend(std::fs::read(&p).map_err(|e| Error::io(&p, e))?);
    }
    let settings = format!(
        "{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}|{:?}|{:?}|{}",
        env!("CARGO_PKG_VERSION"),
        options.formats,
        options.load.sets,
        options.load.normalize,
        options.load.raw,
        options.load.lossy,
        options.load.format,
        options.load.strict_meta,
        options.source_date_epoch,
        options.write.templates.fingerprint(),
        options.write.wrap.map_or("none".into(), |w| w.to_string()),
        options.write.jats_tagset,
        options.write.paper,
        options.review,
    );
    material.extend(settings.as_bytes());
    Ok(hash::hex_digest(&material))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe() {
        assert_eq!(
            safe_stem(Path::new("a/b/My Brief (v2).txt")),
            "My_Brief__v2_"
        );
        assert_eq!(safe_stem(Path::new("..txt")), "document");
        assert_eq!(safe_stem(Path::new("/x/.hidden.md")), "hidden");
        let out = output_path(
            Path::new("out"),
            Path::new("../../etc/passwd.txt"),
            Format::Txt,
        );
        assert_eq!(out, Path::new("out/passwd/passwd.txt"));
    }

    #[test]
    fn long_names_give_stems_that_fit_a_file_name() {
        let name = format!("{}.txt", "é".repeat(120));
        let stem = safe_stem(Path::new(&name));
        assert!(stem.len() <= MAX_STEM_BYTES && stem.chars().all(|c| c == 'é'));
        assert!(format!("{stem}.repairs.json").len() <= 255);
    }
}
