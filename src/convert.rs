//! One document from input file to editions: read, repair, resolve the
//! metadata, write every requested format atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::meta::profile::Profile;
use crate::meta::{self, MetaSources, Provenance};
use crate::model::Document;
use crate::normalize::{self, RepairLog};
use crate::read::{self, InputFormat};
use crate::write::resources::Resources;
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
    /// The images the document refers to, read relative to the input.
    pub resources: Resources,
}

impl Loaded {
    /// Readies the document for its editions: a document that states no
    /// title gets one by the rule of [`meta::title::settle`], recorded in
    /// the provenance and said in a warning. The repaired text that
    /// `recto normalize` prints is made without this step: it holds only
    /// what the source said.
    pub fn settle_title(&mut self, input: &Path) {
        if let Some(settled) = meta::title::settle(&mut self.doc, input) {
            self.provenance.insert("title".into(), settled.source);
            self.warnings.push(settled.warning);
        }
    }
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
    // Recto's own text edition read back: its `Key: value` header is
    // metadata, not the first paragraphs (blanked, so line numbers hold).
    let mut body = std::borrow::Cow::Borrowed(text.as_str());
    if format == InputFormat::Text
        && let Some((fields, lines)) = read::text::recto_header(&text)
    {
        let parsed = meta::front_matter::parse(&fields, meta::file::Syntax::Yaml, input, 1, false)?;
        front_warnings = parsed.warnings;
        sources.front_matter = Some((input.to_path_buf(), parsed.meta));
        let rest: Vec<&str> = text.split('\n').skip(lines).collect();
        body = std::borrow::Cow::Owned(format!("{}{}", "\n".repeat(lines), rest.join("\n")));
    }
    // The metadata file is read before normalization: its `reject` list
    // is the editor's rejections, as `--reject FILE` gives them.
    let meta_path = options.meta_file.as_deref();
    sources.file = if input == Path::new("-") {
        meta_path
            .map(|p| meta::file::read(p).map(|f| (p.to_path_buf(), f)))
            .transpose()?
    } else {
        meta::load_file(meta_path, input)?
    };
    let normalize_options = with_file_rejections(&options.normalize, sources.file.as_ref())?;
    let (doc, log) = match format {
        InputFormat::Text if options.raw => (read::text::parse(&body), RepairLog::default()),
        InputFormat::Text => normalize::normalize_text(&body, &normalize_options),
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
                normalize::normalize_document(doc, &normalize_options)
            }
        }
    };
    let mut doc = doc;
    let (provenance, mut warnings) = meta::resolve(&mut doc, &sources, &text)?;
    warnings.splice(0..0, front_warnings);
    let base = match input.parent() {
        Some(dir) if input != Path::new("-") && !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (resources, image_warnings) = read::images::load(&doc, &base);
    warnings.extend(image_warnings);
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
        resources,
    })
}

/// The normalization options with the metadata file's `reject` ids added
/// to those of `--reject`; an entry that is not an edit id is an error
/// naming the file (a wrong value must not pass for an empty list).
fn with_file_rejections(
    options: &normalize::Options,
    file: Option<&(PathBuf, meta::file::MetaFile)>,
) -> Result<normalize::Options> {
    let mut options = options.clone();
    if let Some((path, meta)) = file
        && let Some(ids) = &meta.reject
    {
        // A list, or one string of ids separated as in a reject file.
        let listed = ids.0.iter().flat_map(|s| s.split([',', ' ', '\t']));
        for id in listed.filter(|t| !t.is_empty()) {
            if !crate::review::reject::is_edit_id(id) {
                return Err(Error::Usage(format!(
                    "{}: reject: `{id}` is not an edit id (e and 12 hex digits, as the review page downloads them)",
                    path.display()
                )));
            }
            options.reject.insert(id.to_string());
        }
    }
    Ok(options)
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
    /// Deposit profiles a document must satisfy to be written
    /// (`--strict PROFILE`).
    pub strict: Vec<Profile>,
    /// Make the PDF edition on one thread and the others on a second one:
    /// for a run of one document, when a core would otherwise be idle.
    pub concurrent_editions: bool,
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
    /// The directory the editions went to.
    pub output_dir: PathBuf,
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
    /// Time and counts per normalization pass (for `--verbose`).
    #[serde(skip)]
    pub passes: Vec<normalize::PassStat>,
    pub millis: u64,
}

/// Where the editions of one input go: `<dir>/<stem>.<ext>`, with `dir`
/// already under the output directory (see [`crate::batch::plan`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    pub dir: PathBuf,
    pub stem: String,
}

impl Job {
    /// The job of one input written straight under `out`: `<out>/<stem>/`.
    pub fn flat(out: &Path, input: &Path) -> Job {
        let stem = safe_stem(input);
        Job {
            input: input.to_path_buf(),
            dir: out.join(&stem),
            stem,
        }
    }

    /// The path of one edition.
    pub fn output_path(&self, format: Format) -> PathBuf {
        self.dir
            .join(format!("{}.{}", self.stem, format.extension()))
    }

    /// The repair report written beside the editions.
    pub fn repairs_path(&self) -> PathBuf {
        self.dir.join(format!("{}.repairs.json", self.stem))
    }

    /// Where the review page of this input goes (`--review`).
    pub fn review_path(&self) -> PathBuf {
        self.dir.join(format!("{}.review.html", self.stem))
    }
}

/// Longest output stem, in bytes. File names are limited to 255 bytes on
/// common file systems, and the longest name made from a stem is
/// `<stem>.repairs.json`: a longer stem made the last files of a document
/// fail after the first were written. Two inputs that share their first
/// 200 bytes are then caught as colliding before anything is written.
const MAX_STEM_BYTES: usize = 200;

/// The output stem of an input: its file name without the extension,
/// made safe with [`safe_name`]. Standard input (`-`) has no name: its
/// stem is given with `--stem`, else [`STDIN_STEM`].
pub fn safe_stem(input: &Path) -> String {
    if input == Path::new("-") {
        return STDIN_STEM.to_string();
    }
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    safe_name(&stem)
}

/// The stem of standard input when `--stem` does not name it.
pub const STDIN_STEM: &str = "stdin";

/// A file or directory name as Recto writes it. The rule (also in the
/// README): letters of any script, digits, spaces and punctuation are kept
/// as they are; replaced by `_` are only what a common file system refuses
/// or a shell reads as a path: `/` and `\`, control characters, and the
/// characters Windows forbids in names (`< > : " | ? *`). Leading dots are
/// dropped (no hidden outputs), trailing dots and spaces too (Windows drops
/// them), the name is cut to 200 bytes, and an empty result is `document`.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut cleaned = cleaned
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' '])
        .to_string();
    if cleaned.len() > MAX_STEM_BYTES {
        let mut end = MAX_STEM_BYTES;
        while !cleaned.is_char_boundary(end) {
            end -= 1;
        }
        cleaned.truncate(end);
        cleaned.truncate(cleaned.trim_end_matches(['.', ' ']).len());
    }
    if cleaned.is_empty() {
        "document".to_string()
    } else {
        cleaned
    }
}

/// Converts one input into the requested editions. Never panics on content;
/// every failure is an `Err` naming the file.
pub fn convert(job: &Job, options: &ConvertOptions) -> DocReport {
    let started = Instant::now();
    let input = job.input.as_path();
    let mut report = DocReport {
        input: input.to_path_buf(),
        output_dir: job.dir.clone(),
        outputs: Vec::new(),
        status: Status::Failed,
        error: None,
        repairs: 0,
        repairs_by_rule: Default::default(),
        warnings: Vec::new(),
        content_hash: String::new(),
        passes: Vec::new(),
        millis: 0,
    };
    // A panic is a bug in Recto, but it must cost only this document: the
    // batch's other documents, in flight on other threads or still to
    // come, are converted as if it had failed with an error.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        convert_inner(job, options, &mut report)
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        Err(Error::Internal(what))
    });
    match outcome {
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

/// Each edition in `targets` with the time it took to make, in their order.
/// With `concurrent`, the editions other than the PDF are made on a second
/// thread while this one makes the PDF (it takes ten times as long as the
/// others together); the results are the same bytes either way.
fn write_editions(
    targets: &[(Format, PathBuf)],
    doc: &Document,
    options: &WriteOptions,
    concurrent: bool,
) -> Vec<Result<(write::Output, std::time::Duration)>> {
    let write_one = |format: Format| {
        let writing = Instant::now();
        write::write(format, doc, options).map(|out| (out, writing.elapsed()))
    };
    let is_pdf = |(format, _): &(Format, PathBuf)| *format == Format::Pdf;
    let pdfs = targets.iter().filter(|t| is_pdf(t)).count();
    if !concurrent || pdfs != 1 || targets.len() == 1 {
        return targets.iter().map(|(f, _)| write_one(*f)).collect();
    }
    std::thread::scope(|scope| {
        let others = scope.spawn(|| {
            targets
                .iter()
                .filter(|t| !is_pdf(t))
                .map(|(f, _)| write_one(*f))
                .collect::<Vec<_>>()
        });
        let pdf = write_one(Format::Pdf);
        let mut others = others
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            .into_iter();
        let mut pdf = Some(pdf);
        targets
            .iter()
            .map(|t| {
                let next = if is_pdf(t) { pdf.take() } else { others.next() };
                next.expect("one result per edition")
            })
            .collect()
    })
}

fn convert_inner(job: &Job, options: &ConvertOptions, report: &mut DocReport) -> Result<Status> {
    let input = job.input.as_path();
    let dir = &job.dir;
    let mut targets: Vec<(Format, PathBuf)> = options
        .formats
        .iter()
        .map(|f| (*f, job.output_path(*f)))
        .collect();
    targets.dedup();
    let repairs_path = job.repairs_path();
    let review_path = options.review.then(|| job.review_path());
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

    let loading = Instant::now();
    let mut loaded = load_bytes(input, bytes, &options.load)?;
    loaded.settle_title(input);
    let load_time = loading.elapsed();
    for profile in &options.strict {
        let missing = meta::profile::missing(*profile, &loaded.doc);
        if !missing.is_empty() {
            return Err(Error::Incomplete {
                path: input.to_path_buf(),
                profile: profile.name(),
                list: meta::profile::render(&missing),
            });
        }
    }
    report.repairs = loaded.log.applied();
    report.repairs_by_rule = loaded.log.summary();
    // `--verbose`: reading (decoding, metadata, the reader) is what loading
    // took besides the passes; then the passes, then each edition.
    let passes = loaded.log.pass_stats();
    let in_passes: std::time::Duration = passes.iter().map(|p| p.elapsed).sum();
    report.passes = vec![normalize::PassStat::stage(
        "read",
        load_time.saturating_sub(in_passes),
    )];
    report.passes.extend(passes);
    report.warnings = loaded.warnings.clone();
    report.warnings.extend(unmet_rejections(&loaded.log));
    let mut write_options = options.write.clone();
    write_options.timestamp = WriteOptions::timestamp_for(&loaded.doc, options.source_date_epoch);
    write_options.resources = loaded.resources.clone();

    // Every edition is made in memory before anything is written, so a
    // writer error leaves the previous outputs untouched.
    let mut files = Vec::new();
    let editions = write_editions(
        &targets,
        &loaded.doc,
        &write_options,
        options.concurrent_editions,
    );
    for ((format, path), edition) in targets.iter().zip(editions) {
        let (out, elapsed) = edition?;
        report
            .passes
            .push(normalize::PassStat::stage(writer_stage(*format), elapsed));
        report.warnings.extend(
            out.warnings
                .into_iter()
                .map(|w| format!("{}: {w}", format.name())),
        );
        files.push((path.clone(), out.bytes));
        for (name, bytes) in out.files {
            files.push((dir.join(name), bytes));
        }
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

    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    fsutil::remove_stale_temps(dir);
    // The stamp goes first and last: removed before the outputs change, so
    // an interrupted run is redone, and written once they are all in place.
    match std::fs::remove_file(&stamp_path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&stamp_path, e)),
    }
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
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

/// Whether the editions of `job` are up to date (a run would skip it),
/// for `--dry-run`: the input is read and hashed, nothing is written.
/// Standard input is never up to date (it cannot be read again).
pub fn is_up_to_date(job: &Job, options: &ConvertOptions) -> Result<bool> {
    if options.force || job.input == Path::new("-") {
        return Ok(false);
    }
    let bytes = read_input(&job.input, options.load.max_input_size)?;
    let stamp = stamp_of(&job.input, &bytes, options)?;
    Ok(
        std::fs::read_to_string(job.dir.join(STAMP_FILE)).is_ok_and(|s| s.trim() == stamp)
            && options
                .formats
                .iter()
                .all(|f| job.output_path(*f).is_file())
            && (!options.review || job.review_path().is_file()),
    )
}

/// One edition of one input, made in memory (for `-o -`): nothing is
/// written beside it, no repair report, no stamp.
pub fn convert_to_bytes(
    input: &Path,
    format: Format,
    options: &ConvertOptions,
) -> Result<(Vec<u8>, Vec<String>)> {
    let loaded = load(input, &options.load)?;
    let mut write_options = options.write.clone();
    write_options.timestamp = WriteOptions::timestamp_for(&loaded.doc, options.source_date_epoch);
    let out = write::write(format, &loaded.doc, &write_options)?;
    let mut warnings = loaded.warnings;
    warnings.extend(out.warnings);
    Ok((out.bytes, warnings))
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
/// metadata file, the options, the templates, and this build of Recto (its
/// version and the content of its sources: a rebuilt writer remakes the
/// editions it wrote before).
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
        "{}+{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}|{:?}|{}",
        env!("CARGO_PKG_VERSION"),
        env!("RECTO_BUILD"),
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
        options.write.pdf_standard,
        options.strict,
        options.review,
    );
    material.extend(settings.as_bytes());
    Ok(hash::hex_digest(&material))
}

/// The `--verbose` name of writing `format`.
fn writer_stage(format: Format) -> &'static str {
    match format {
        Format::Pdf => "write pdf",
        Format::Epub => "write epub",
        Format::Jats => "write jats",
        Format::Txt => "write txt",
        Format::Html => "write html",
        Format::Ast => "write ast",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concurrent_editions_are_the_sequential_ones_in_order() {
        let mut doc = Document::default();
        doc.blocks.push(crate::model::Block::paragraph(
            vec![crate::model::Inline::text("Rivers of the plains")],
            crate::model::Span::default(),
        ));
        let targets: Vec<(Format, PathBuf)> = [Format::Txt, Format::Pdf, Format::Jats]
            .into_iter()
            .map(|f| (f, PathBuf::from(f.name())))
            .collect();
        let options = WriteOptions::default();
        let bytes = |concurrent| -> Vec<Vec<u8>> {
            write_editions(&targets, &doc, &options, concurrent)
                .into_iter()
                .map(|r| r.expect("written").0.bytes)
                .collect()
        };
        let sequential = bytes(false);
        assert!(sequential[1].starts_with(b"%PDF"));
        assert_eq!(bytes(true), sequential);
    }

    #[test]
    fn stems_keep_readable_names() {
        assert_eq!(
            safe_stem(Path::new("a/b/my notes (draft) v2.txt")),
            "my notes (draft) v2"
        );
        assert_eq!(
            safe_stem(Path::new("ünïcödé 漢字 résumé.md")),
            "ünïcödé 漢字 résumé"
        );
        assert_eq!(safe_stem(Path::new("a:b|c?.txt")), "a_b_c_");
        assert_eq!(safe_stem(Path::new("tab\there .txt")), "tab_here");
        assert_eq!(safe_stem(Path::new("..txt")), "document");
        assert_eq!(safe_stem(Path::new("/x/.hidden.md")), "hidden");
        assert_eq!(safe_stem(Path::new("-")), STDIN_STEM);
        let job = Job::flat(Path::new("out"), Path::new("../../etc/passwd.txt"));
        assert_eq!(
            job.output_path(Format::Txt),
            Path::new("out/passwd/passwd.txt")
        );
    }

    #[test]
    fn long_names_give_stems_that_fit_a_file_name() {
        let name = format!("{}.txt", "é".repeat(120));
        let stem = safe_stem(Path::new(&name));
        assert!(stem.len() <= MAX_STEM_BYTES && stem.chars().all(|c| c == 'é'));
        assert!(format!("{stem}.repairs.json").len() <= 255);
    }
}
