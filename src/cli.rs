//! The command line: what the user typed (clap), turned into resolved
//! options for the library. Nothing here converts anything.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::convert::{ConvertOptions, LoadOptions};
use crate::error::{Error, Result};
use crate::meta::MetaSources;
use crate::meta::profile::Profile;
use crate::normalize;
use crate::read::InputFormat;
use crate::write::{
    DEFAULT_MAX_PAGES, Format, JatsTagset, Paper, PdfStandard, Templates, WriteOptions,
};

/// The exit codes, the same for every subcommand (shown in each one's help).
macro_rules! exit_codes {
    () => {
        "\
Exit codes (every subcommand):
  0    done: every document converted (or was already up to date)
  1    a document failed (unreadable, not text, too large, bad metadata);
       in a batch the others were still converted
  2    usage or setup error, found before any document was read: a bad option,
       a missing input, an unwritable output directory, an invalid template
  130  interrupted (Ctrl-C, SIGTERM): documents in progress were finished,
       the rest not started"
    };
}

/// The exit code table, for the help of each subcommand.
pub const EXIT_CODES: &str = exit_codes!();

const AFTER_HELP: &str = concat!(
    "\
Examples:
  recto convert                          convert input/ into output/ (PDF, EPUB, JATS, text)
  recto convert brief.txt -t txt,ast     plain text and the document model only
  recto convert corpus/ -o out/ --jobs 8 --report out/report.jsonl
  recto convert --from-list files.txt --shard 3/10
  recto normalize brief.txt              the repaired text on standard output
  recto normalize brief.txt --explain    ... and every repair on standard error
  recto meta brief.txt                   the resolved metadata and where each field came from
  recto check brief.txt --profile pmc    the metadata a PMC deposit needs that the brief lacks
  cat essay.txt | recto convert - --stem essay -t txt -o -
                                         the text edition of standard input on standard output
  recto normalize < essay.txt            the repaired text of standard input
  recto review brief.txt                 brief.review.html: every repair, side by side, to accept or reject
  recto convert brief.txt --reject brief.reject.txt   the editions with the rejected repairs undone

",
    exit_codes!()
);

#[derive(Debug, Parser)]
#[command(
    name = "recto",
    version = concat!(env!("CARGO_PKG_VERSION"), " (build ", env!("RECTO_BUILD"), ")"),
    about = "Repairs damaged text and writes PDF, EPUB 3, JATS XML and plain-text editions",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert documents into editions: OUTPUT/<folders>/<stem>/<stem>.{pdf,epub,xml,txt}
    #[command(after_help = EXIT_CODES)]
    Convert(ConvertArgs),
    /// Print the repaired text of one document
    #[command(after_help = EXIT_CODES)]
    Normalize(NormalizeArgs),
    /// Print the resolved metadata of one document, with the source of each field
    #[command(after_help = EXIT_CODES)]
    Meta(MetaArgs),
    /// Write the repair review page of one document: input and repaired text side by side, every edit to accept or reject
    Review(ReviewArgs),
    /// List the metadata a deposit profile needs that documents lack
    Check(CheckArgs),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum, ignore_case = true)]
        shell: clap_complete::Shell,
    },
}

/// Options shared by every command that reads a document.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Replace invalid UTF-8 with U+FFFD instead of failing
    #[arg(long)]
    pub lossy: bool,
    /// Refuse inputs larger than this: bytes, or with a unit (64M, 1GiB, 500K; K/M/G/T and
    /// KiB/MiB/GiB/TiB are powers of 1024, KB/MB/GB/TB powers of 1000)
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    pub max_input_size: u64,
    /// Read inputs as this format instead of guessing from the extension
    #[arg(long, value_enum, ignore_case = true, value_name = "FORMAT")]
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
    /// Input files or directories (searched for .txt and .md); '-' for standard input;
    /// default: the directory input/
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output name of standard input ('-'): OUTPUT/NAME/NAME.<ext> (default: stdin)
    #[arg(long, value_name = "NAME")]
    pub stem: Option<String>,
    /// Read input paths from a file, one per line ('-' for standard input)
    #[arg(long, value_name = "FILE")]
    pub from_list: Option<PathBuf>,
    /// Output directory; it mirrors the folders of the inputs. '-' writes the one edition
    /// asked for with -t of the one input to standard output
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
    /// Write no document that lacks metadata this deposit profile needs (repeatable)
    #[arg(long, value_enum, value_name = "PROFILE")]
    pub strict: Vec<Profile>,
    /// List what would be written and what skipped as up to date; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also print the time of reading, of each normalization pass (with its edits) and of each edition written, over all documents
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Plain-text wrap column: a number from 10 up (narrower cannot hold a word and its
    /// indent), or 'none' or 0 for one line per paragraph
    #[arg(long, value_name = "N|none", default_value = "72")]
    pub wrap: String,
    /// PDF paper size
    #[arg(long, value_enum, ignore_case = true, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// JATS tag set
    #[arg(long, value_enum, ignore_case = true, default_value_t = JatsTagset::Archiving)]
    pub jats_tagset: JatsTagset,
    /// Standards the PDF claims: PDF/A-2 and PDF/UA-1, or none
    #[arg(long, value_enum, value_name = "STANDARD", default_value_t = PdfStandard::PdfA2PdfUa1)]
    pub pdf_standard: PdfStandard,
    /// Fail a document whose PDF edition needs more pages than this
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_PAGES)]
    pub max_pages: usize,
    /// Plain text: write '[p. N]' where each printed page of the source began
    #[arg(long)]
    pub page_markers: bool,
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
    /// Input file ('-', or none, for standard input)
    #[arg(value_name = "INPUT", default_value = "-")]
    pub input: PathBuf,
    /// Output file ('-' for standard output)
    #[arg(short, long, value_name = "FILE", default_value = "-")]
    pub output: PathBuf,
    #[arg(long, value_enum, ignore_case = true, default_value_t = NormalizeFormat::Text)]
    pub format: NormalizeFormat,
    /// Also print the time and edits of each normalization pass on standard error
    #[arg(short, long)]
    pub verbose: bool,
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
    /// Input file ('-', or none, for standard input)
    #[arg(value_name = "INPUT", default_value = "-")]
    pub input: PathBuf,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Input files
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Deposit profile to check against (repeatable)
    #[arg(long, value_enum, value_name = "PROFILE", required = true)]
    pub profile: Vec<Profile>,
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

/// A size in bytes, as a number with an optional unit: `K`, `M`, `G`, `T`
/// and `KiB` ... `TiB` are powers of 1024 (as `sort -S` and `du` read
/// them), `KB` ... `TB` powers of 1000, `B` bytes; case does not matter.
pub fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        other => {
            return Err(format!(
                "unknown unit `{other}`; write a number of bytes, or one with K, M, G, T (powers of 1024; also KiB...), or KB, MB, GB, TB (powers of 1000), e.g. 64M"
            ));
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size; write e.g. 1000000, 64M or 1GiB"))?;
    let bytes = value * factor as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("`{text}`: give a size of at least one byte"));
    }
    Ok(bytes as u64)
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

/// Parses `--wrap`: a column from 10 up, or `none` or `0` for no wrapping
/// (one line per paragraph). Narrower columns are refused rather than
/// quietly widened: at 5 columns an indented list item cannot hold a word.
pub fn parse_wrap(text: &str) -> Result<Option<usize>> {
    match text.trim().to_ascii_lowercase().as_str() {
        "none" | "0" => Ok(None),
        n => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 10)
            .map(Some)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "--wrap `{n}`: give a column of 10 or more, or 'none' (or 0) for one line per paragraph"
                ))
            }),
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
        let wrap = parse_wrap(&self.write.wrap)?;
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
                pdf_standard: self.write.pdf_standard,
                templates,
                max_pages: self.write.max_pages,
                page_markers: self.write.page_markers,
                ..WriteOptions::default()
            },
            source_date_epoch: source_date_epoch()?,
            force: self.force,
            review: self.review,
            strict: self.strict.clone(),
            concurrent_editions: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1gib"), Ok(1 << 30));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("2MB"), Ok(2_000_000));
        assert_eq!(parse_size("1.5K"), Ok(1536));
        assert!(parse_size("1X").unwrap_err().contains("unknown unit `x`"));
        assert!(parse_size("M").is_err() && parse_size("0").is_err());
        assert_eq!(
            parse_size(&crate::convert::DEFAULT_MAX_INPUT_SIZE.to_string()),
            parse_size("64MiB")
        );
    }

    #[test]
    fn wrap_rules() {
        assert_eq!(parse_wrap("72").unwrap(), Some(72));
        assert_eq!(parse_wrap("10").unwrap(), Some(10));
        assert_eq!(parse_wrap("none").unwrap(), None);
        assert_eq!(parse_wrap("None").unwrap(), None);
        assert_eq!(parse_wrap("0").unwrap(), None);
        let e = parse_wrap("5").unwrap_err().to_string();
        assert!(
            e.contains("10 or more") && e.contains("'none' (or 0)"),
            "{e}"
        );
    }
}
