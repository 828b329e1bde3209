//! The command line: what the user typed (clap), turned into resolved
//! options for the library. Nothing here converts anything.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::convert::{ConvertOptions, DEFAULT_MAX_INPUT_SIZE, LoadOptions};
use crate::error::{Error, Result};
use crate::meta::MetaSources;
use crate::normalize;
use crate::read::InputFormat;
use crate::write::{Format, JatsTagset, Paper, Templates, WriteOptions};

const AFTER_HELP: &str = "\
Examples:
  recto convert                          convert input/ into output/ (PDF, EPUB, JATS, text)
  recto convert brief.txt -t txt,ast     plain text and the document model only
  recto convert corpus/ -o out/ --jobs 8 --report out/report.jsonl
  recto convert --from-list files.txt --shard 3/10
  recto normalize brief.txt              the repaired text on standard output
  recto normalize brief.txt --explain    ... and every repair on standard error
  recto meta brief.txt                   the resolved metadata and where each field came from
  recto review brief.txt                 brief.review.html: every repair, side by side, to accept or reject
  recto convert brief.txt --reject brief.reject.txt   the editions with the rejected repairs undone

Exit codes:
  0  every document converted (or was already up to date)
  1  at least one document failed; the others were converted
  2  usage or setup error: nothing was converted
  130  interrupted (Ctrl-C, SIGTERM): documents in progress were finished, the rest not started";

#[derive(Debug, Parser)]
#[command(
    name = "recto",
    version,
    about = "Repairs damaged text and writes PDF, EPUB 3, JATS XML and plain-text editions",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert documents into editions: OUTPUT/<stem>/<stem>.{pdf,epub,xml,txt}
    Convert(ConvertArgs),
    /// Print the repaired text of one document
    Normalize(NormalizeArgs),
    /// Print the resolved metadata of one document, with the source of each field
    Meta(MetaArgs),
    /// Write the repair review page of one document: input and repaired text side by side, every edit to accept or reject
    Review(ReviewArgs),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Options shared by every command that reads a document.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Replace invalid UTF-8 with U+FFFD instead of failing
    #[arg(long)]
    pub lossy: bool,
    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_SIZE)]
    pub max_input_size: u64,
    /// Read inputs as this format instead of guessing from the extension
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Metadata file for the document(s) (default: <stem>.meta.toml|yaml|json next to each input)
    #[arg(long, value_name = "FILE")]
    pub meta: Option<PathBuf>,
    /// Set a metadata field, overriding every other source (repeatable), e.g. --set date=2025-10-23
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub sets: Vec<String>,
    /// Read Markdown front matter as strictly as a metadata file: an unknown key is an error (by default it is kept as an extra field)
    #[arg(long)]
    pub strict_meta: bool,
    /// Run only these normalization passes (comma-separated)
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub passes: Option<Vec<String>>,
    /// Skip a normalization pass (repeatable)
    #[arg(long, value_name = "NAME")]
    pub skip_pass: Vec<String>,
    /// Do not repair the text at all: the reader's blocks as they are
    #[arg(long)]
    pub raw: bool,
    /// Leave undone the edits listed in FILE (edit ids, as downloaded from the review page)
    #[arg(long, value_name = "FILE")]
    pub reject: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Input files or directories (searched for .txt and .md)
    #[arg(value_name = "INPUT", default_value = "input")]
    pub inputs: Vec<PathBuf>,
    /// Read input paths from a file, one per line ('-' for standard input)
    #[arg(long, value_name = "FILE")]
    pub from_list: Option<PathBuf>,
    /// Output directory
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// Formats to write, comma-separated: pdf, epub, jats, txt, html, ast
    #[arg(
        short = 't',
        long = "to",
        value_name = "FORMATS",
        default_value = "pdf,epub,jats,txt"
    )]
    pub formats: String,
    /// Worker threads (default: all cores)
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Convert even documents whose outputs are up to date
    #[arg(long)]
    pub force: bool,
    /// Convert only shard K of N (1-based), chosen by a stable hash of each path
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Write one JSON line per document to FILE
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    /// Also write the repair review page, <stem>.review.html, beside the editions
    #[arg(long)]
    pub review: bool,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Plain-text wrap column, or 'none'
    #[arg(long, value_name = "N|none", default_value = "72")]
    pub wrap: String,
    /// PDF paper size
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// JATS tag set
    #[arg(long, value_enum, default_value_t = JatsTagset::Archiving)]
    pub jats_tagset: JatsTagset,
    /// Directory of templates (epub/style.css, html/page.html, html/style.css, pdf/style.toml, txt/header.txt); default: ./templates when present
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NormalizeFormat {
    /// Title, author line, then one block per paragraph, heading or list item
    Text,
    /// The same with Markdown marks for headings, lists, emphasis and links
    Markdown,
    /// The document model as versioned JSON
    Json,
}

#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Input file ('-' for standard input)
    #[arg(value_name = "INPUT", required_unless_present = "list_passes")]
    pub input: Option<PathBuf>,
    /// Output file ('-' for standard output)
    #[arg(short, long, value_name = "FILE", default_value = "-")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value_t = NormalizeFormat::Text)]
    pub format: NormalizeFormat,
    /// Write every repair as JSON to FILE
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Print every repair on standard error (file:line rule: before -> after)
    #[arg(long)]
    pub explain: bool,
    /// List the normalization passes in the order they run
    #[arg(long)]
    pub list_passes: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Input file
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// The page to write (default: <stem>.review.html in the current directory; '-' for standard output)
    #[arg(short, long, value_name = "FILE.html")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct MetaArgs {
    /// Input file
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    #[command(flatten)]
    pub read: ReadArgs,
}

impl ReadArgs {
    pub fn load_options(&self) -> Result<LoadOptions> {
        let known = normalize::pass_names();
        let names = self.passes.iter().flatten().chain(self.skip_pass.iter());
        for name in names {
            if !known.contains(&name.as_str()) {
                return Err(Error::Usage(format!(
                    "unknown pass `{name}`; the passes are: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(LoadOptions {
            normalize: normalize::Options {
                only: self.passes.clone(),
                skip: self.skip_pass.clone(),
                reject: match &self.reject {
                    Some(path) => crate::review::reject::read(path)?,
                    None => Default::default(),
                },
            },
            raw: self.raw,
            meta_file: self.meta.clone(),
            sets: MetaSources::parse_sets(&self.sets)?,
            lossy: self.lossy,
            max_input_size: self.max_input_size,
            format: self.input_format,
            strict_meta: self.strict_meta,
        })
    }
}

/// `SOURCE_DATE_EPOCH` from the environment, checked.
pub fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => v.trim().parse().map(Some).map_err(|_| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH=`{v}` is not a number of seconds since 1970-01-01"
            ))
        }),
        Err(_) => Ok(None),
    }
}

/// Parses `-t pdf,epub,...`.
pub fn parse_formats(list: &str) -> Result<Vec<Format>> {
    let mut formats = Vec::new();
    for name in list.split(',').filter(|s| !s.trim().is_empty()) {
        let f = Format::parse(name)?;
        if !formats.contains(&f) {
            formats.push(f);
        }
    }
    if formats.is_empty() {
        return Err(Error::Usage("-t: name at least one format".into()));
    }
    Ok(formats)
}

impl ConvertArgs {
    pub fn convert_options(&self) -> Result<ConvertOptions> {
        let wrap = match self.write.wrap.trim() {
            "none" | "0" => None,
            n => Some(
                n.parse::<usize>()
                    .ok()
                    .filter(|n| *n >= 10)
                    .ok_or_else(|| {
                        Error::Usage(format!(
                            "--wrap `{n}`: give a column of at least 10, or 'none'"
                        ))
                    })?,
            ),
        };
        let templates = match &self.write.templates {
            Some(dir) if !dir.is_dir() => {
                return Err(Error::Usage(format!(
                    "--templates {}: not a directory",
                    dir.display()
                )));
            }
            Some(dir) => Templates::from_dir(dir),
            None if std::path::Path::new("templates").is_dir() => Templates::from_dir("templates"),
            None => Templates::builtin(),
        };
        Ok(ConvertOptions {
            load: self.read.load_options()?,
            formats: parse_formats(&self.formats)?,
            out_dir: self.output.clone(),
            write: WriteOptions {
                wrap,
                jats_tagset: self.write.jats_tagset,
                paper: self.write.paper,
                templates,
                ..WriteOptions::default()
            },
            source_date_epoch: source_date_epoch()?,
            force: self.force,
            review: self.review,
        })
    }
}
