//! The `recto` command: parse the command line, call the library, report,
//! exit with a documented code (0 ok, 1 some document failed, 2 usage error).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use recto::batch::{self, Progress, Shard};
use recto::cli::{
    CheckArgs, Cli, Command, ConvertArgs, MetaArgs, NormalizeArgs, NormalizeFormat, ReviewArgs,
};
use recto::convert;
use recto::error::{Error, Result};
use recto::normalize::PassStat;
use recto::{fsutil, meta, normalize, write};

/// A batch allocates and frees millions of small strings from every worker
/// thread at once; mimalloc's per-thread heaps keep them from contending.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    small_pages();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => run_convert(&args),
        Command::Normalize(args) => run_normalize(&args).map(|()| ExitCode::SUCCESS),
        Command::Meta(args) => run_meta(&args).map(|()| ExitCode::SUCCESS),
        Command::Review(args) => run_review(&args).map(|()| ExitCode::SUCCESS),
        Command::Check(args) => run_check(&args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "recto", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("recto: error: {e}");
            match e {
                Error::Usage(_) => ExitCode::from(2),
                _ => ExitCode::from(1),
            }
        }
    }
}

/// Turns transparent huge pages off for this process. mimalloc asks for
/// them on its arena, so each first touch of a 2 MB region zeroes and maps
/// a whole huge page: converting one short document touched 31 MB that way
/// where 4 KB pages map 17 MB, at about the same time (the kernel zeroes
/// less). Batches reuse their pages, so they lose nothing either.
#[cfg(target_os = "linux")]
fn small_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only sets a flag
    // of the process; a kernel without it returns an error, which changes
    // nothing and is ignored.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn small_pages() {}

fn run_convert(args: &ConvertArgs) -> Result<ExitCode> {
    // Setup first, once, before any document is read: options, templates.
    let options = args.convert_options()?;
    write::check_templates(&options.write)?;
    let to_stdout = args.output == Path::new("-");
    let mut paths = args.inputs.clone();
    let default_input = paths.is_empty() && args.from_list.is_none();
    if default_input {
        paths.push(PathBuf::from(DEFAULT_INPUT));
    }
    if let Some(list) = &args.from_list {
        paths.extend(batch::read_list(list)?);
    }
    if default_input && !Path::new(DEFAULT_INPUT).exists() {
        return Err(Error::Usage(format!(
            "no INPUT given, and the default input directory `{DEFAULT_INPUT}/` does not exist here; \
             name the files or directories to convert (`-` for standard input)"
        )));
    }
    // The output directory is never searched for inputs: its .txt files are editions.
    let exclude: Vec<PathBuf> = if to_stdout {
        Vec::new()
    } else {
        vec![args.output.clone()]
    };
    let mut inputs = batch::discover(&paths, &exclude)?;
    if inputs.is_empty() {
        return Err(Error::Usage(format!(
            "no .txt or .md inputs found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    if to_stdout {
        return convert_to_stdout(args, &options, &inputs);
    }
    if args.stem.is_some() && !inputs.iter().any(|i| i == Path::new("-")) {
        return Err(Error::Usage(
            "--stem names standard input's outputs; give `-` as an input, or drop --stem".into(),
        ));
    }
    if let Some(shard) = &args.shard {
        let shard = Shard::parse(shard)?;
        let found = inputs.len();
        inputs.retain(|p| shard.contains(p));
        if inputs.is_empty() {
            // A small set split over many machines leaves some with nothing:
            // that is a finished shard, not an error.
            if !args.quiet {
                eprintln!(
                    "shard {}/{} holds none of the {found} inputs; nothing to do",
                    shard.index, shard.count
                );
            }
            return Ok(ExitCode::SUCCESS);
        }
    }
    let jobs = batch::plan(&paths, &inputs, &args.output, args.stem.as_deref())?;
    if let Some(report) = &args.report {
        let read = read_paths(&inputs, args.read.meta.as_deref());
        let refs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
        fsutil::refuse_overwriting_input(report, &refs)?;
    }
    if args.dry_run {
        return dry_run(&jobs, &options);
    }
    batch::prepare_output(&args.output)?;
    batch::stop_on_interrupt();
    let progress = if args.quiet {
        Progress::Quiet
    } else {
        Progress::Auto
    };
    let summary = batch::run(&jobs, &options, args.jobs, progress, args.report.as_deref())?;
    if !args.quiet || !summary.failed.is_empty() {
        eprintln!("{}", summary.render());
    }
    if args.verbose {
        eprint!("{}", PassStat::render(&summary.passes));
    }
    Ok(if summary.not_started > 0 {
        // The conventional status of a run stopped by SIGINT.
        ExitCode::from(130)
    } else if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The input directory `recto convert` reads when given none.
const DEFAULT_INPUT: &str = "input";

/// `-o -`: the one edition asked for, of the one input, on standard output.
fn convert_to_stdout(
    args: &ConvertArgs,
    options: &convert::ConvertOptions,
    inputs: &[PathBuf],
) -> Result<ExitCode> {
    let [format] = options.formats.as_slice() else {
        return Err(Error::Usage(
            "-o - writes one edition to standard output: choose exactly one format with -t".into(),
        ));
    };
    let [input] = inputs else {
        return Err(Error::Usage(format!(
            "-o - writes one document to standard output, but {} inputs were found; give one, or an output directory",
            inputs.len()
        )));
    };
    if args.dry_run {
        println!("would write {} to standard output", format.name());
        return Ok(ExitCode::SUCCESS);
    }
    let (bytes, warnings) = convert::convert_to_bytes(input, *format, options)?;
    for w in &warnings {
        eprintln!("warning: {}: {w}", input.display());
    }
    write_output(Path::new("-"), &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// `--dry-run`: what a run would write and what it would skip, one line
/// per document on standard output; nothing is written.
fn dry_run(jobs: &[convert::Job], options: &convert::ConvertOptions) -> Result<ExitCode> {
    let mut out = String::new();
    let (mut write_count, mut skip_count) = (0, 0);
    for job in jobs {
        let files: Vec<String> = options
            .formats
            .iter()
            .map(|f| job.output_path(*f).display().to_string())
            .collect();
        match convert::is_up_to_date(job, options) {
            Ok(true) => {
                skip_count += 1;
                out.push_str(&format!(
                    "skip  {}: up to date in {}\n",
                    job.input.display(),
                    job.dir.display()
                ));
            }
            Ok(false) => {
                write_count += 1;
                out.push_str(&format!(
                    "write {} -> {}\n",
                    job.input.display(),
                    files.join(", ")
                ));
            }
            Err(e) => {
                write_count += 1;
                out.push_str(&format!(
                    "write {} -> {} (it would fail: {e})\n",
                    job.input.display(),
                    job.dir.display()
                ));
            }
        }
    }
    out.push_str(&format!(
        "dry run: {write_count} to write, {skip_count} up to date; nothing written\n"
    ));
    write_output(Path::new("-"), out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// A named input that is not there is a usage error (exit 2) in every
/// subcommand, as it is in `convert`.
fn check_input_exists(input: &Path) -> Result<()> {
    if input == Path::new("-") {
        return Ok(());
    }
    std::fs::metadata(input).map(drop).map_err(|e| {
        Error::Usage(format!(
            "{}: {e}; give an existing file, or `-` for standard input",
            input.display()
        ))
    })
}

fn run_normalize(args: &NormalizeArgs) -> Result<()> {
    if args.list_passes {
        for name in normalize::pass_names() {
            println!("{name}");
        }
        return Ok(());
    }
    let input = args.input.as_path();
    check_input_exists(input)?;
    let outputs = [Some(&args.output), args.report.as_ref()];
    for output in outputs
        .into_iter()
        .flatten()
        .filter(|p| *p != Path::new("-"))
    {
        let read = read_paths(&[input.to_path_buf()], args.read.meta.as_deref());
        let refs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
        fsutil::refuse_overwriting_input(output, &refs)?;
    }
    let loaded = convert::load(input, &args.read.load_options()?)?;
    let text = match args.format {
        NormalizeFormat::Text => write::txt::render_repaired(&loaded.doc, false),
        NormalizeFormat::Markdown => write::txt::render_repaired(&loaded.doc, true),
        NormalizeFormat::Json => loaded.doc.to_json(),
    };
    if args.explain {
        let mut err = std::io::stderr().lock();
        for c in &loaded.log.changes {
            let verdict = if c.declined { "declined " } else { "" };
            let evidence = c
                .evidence
                .as_deref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default();
            let _ = writeln!(
                err,
                "{}:{}: {}/{} {verdict}{:?} -> {:?}{evidence}",
                input.display(),
                c.span,
                c.pass,
                c.rule,
                c.before,
                c.after
            );
        }
        let _ = writeln!(err, "{} repairs", loaded.log.applied());
    }
    if args.verbose {
        eprint!("{}", PassStat::render(&loaded.log.pass_stats()));
    }
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    if let Some(report) = &args.report {
        fsutil::write_atomic(report, convert::repairs_json(input, &loaded.log).as_bytes())?;
    }
    write_output(&args.output, text.as_bytes())
}

fn run_review(args: &ReviewArgs) -> Result<()> {
    let input = args.input.as_path();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.review.html", convert::safe_stem(input))));
    if output != Path::new("-") {
        let read = read_paths(&[input.to_path_buf()], args.read.meta.as_deref());
        let refs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
        fsutil::refuse_overwriting_input(&output, &refs)?;
    }
    let loaded = convert::load(input, &args.read.load_options()?)?;
    for w in loaded
        .warnings
        .iter()
        .cloned()
        .chain(convert::unmet_rejections(&loaded.log))
    {
        eprintln!("recto: warning: {w}");
    }
    let page = recto::review::page(&recto::review::Review {
        name: &input.display().to_string(),
        source: &loaded.source,
        doc: &loaded.doc,
        log: &loaded.log,
    });
    write_output(&output, page.as_bytes())?;
    if output != Path::new("-") {
        eprintln!(
            "{}: {} edits, {} declined",
            output.display(),
            loaded.log.changes.iter().filter(|c| !c.declined).count(),
            loaded.log.changes.iter().filter(|c| c.declined).count()
        );
    }
    Ok(())
}

fn run_meta(args: &MetaArgs) -> Result<()> {
    check_input_exists(&args.input)?;
    let mut loaded = convert::load(&args.input, &args.read.load_options()?)?;
    loaded.settle_title(&args.input);
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    let json = meta::provenance_json(&loaded.doc.meta, &loaded.provenance);
    let mut text = serde_json::to_string_pretty(&json).expect("JSON values serialize");
    text.push('\n');
    write_output(Path::new("-"), text.as_bytes())
}

/// `recto check`: for each input and profile, the fields the profile
/// needs that the document lacks. Exit 0 when none is missing, 1 otherwise.
fn run_check(args: &CheckArgs) -> Result<ExitCode> {
    let options = args.read.load_options()?;
    let mut complete = true;
    for input in &args.inputs {
        let mut loaded = convert::load(input, &options)?;
        loaded.settle_title(input);
        for profile in &args.profile {
            let missing = meta::profile::missing(*profile, &loaded.doc);
            if missing.is_empty() {
                println!(
                    "{}: {}: every field the profile needs is given",
                    input.display(),
                    profile.name()
                );
            } else {
                complete = false;
                println!(
                    "{}: {}: {} field(s) missing; give them in the metadata file or with --set KEY=VALUE:\n{}",
                    input.display(),
                    profile.name(),
                    missing.len(),
                    meta::profile::render(&missing)
                );
            }
        }
    }
    Ok(if complete {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Every file a run reads: the inputs, their metadata sidecars, and the
/// `--meta` file. None of them may be an output.
fn read_paths(inputs: &[PathBuf], meta_file: Option<&Path>) -> Vec<PathBuf> {
    let sidecars = inputs.iter().flat_map(|i| meta::file::sidecars_of(i));
    inputs
        .iter()
        .cloned()
        .chain(sidecars)
        .chain(meta_file.map(Path::to_path_buf))
        .collect()
}

fn write_output(path: &Path, bytes: &[u8]) -> Result<()> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        match out.write_all(bytes).and_then(|()| out.flush()) {
            // The reader has all it wanted (`recto normalize x - | head`).
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            result => result.map_err(|e| Error::io("<stdout>", e)),
        }
    } else {
        fsutil::write_atomic(path, bytes)
    }
}
