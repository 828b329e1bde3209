//! The `recto` command: parse the command line, call the library, report,
//! exit with a documented code (0 ok, 1 some document failed, 2 usage error).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use recto::batch::{self, Progress, Shard};
use recto::cli::{Cli, Command, ConvertArgs, MetaArgs, NormalizeArgs, NormalizeFormat, ReviewArgs};
use recto::convert;
use recto::error::{Error, Result};
use recto::{fsutil, meta, normalize, write};

/// A batch allocates and frees millions of small strings from every worker
/// thread at once; mimalloc's per-thread heaps keep them from contending.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => run_convert(&args),
        Command::Normalize(args) => run_normalize(&args).map(|()| ExitCode::SUCCESS),
        Command::Meta(args) => run_meta(&args).map(|()| ExitCode::SUCCESS),
        Command::Review(args) => run_review(&args).map(|()| ExitCode::SUCCESS),
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

fn run_convert(args: &ConvertArgs) -> Result<ExitCode> {
    let options = args.convert_options()?;
    let mut paths = args.inputs.clone();
    if let Some(list) = &args.from_list {
        paths = batch::read_list(list)?;
    }
    // The output directory is never searched for inputs: its .txt files are editions.
    let mut inputs = batch::discover(&paths, std::slice::from_ref(&args.output))?;
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
    batch::check_collisions(&inputs, &args.output)?;
    if let Some(report) = &args.report {
        let read = read_paths(&inputs, args.read.meta.as_deref());
        let refs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
        fsutil::refuse_overwriting_input(report, &refs)?;
    }
    batch::stop_on_interrupt();
    let progress = if args.quiet {
        Progress::Quiet
    } else {
        Progress::Auto
    };
    let summary = batch::run(
        &inputs,
        &options,
        args.jobs,
        progress,
        args.report.as_deref(),
    )?;
    if !args.quiet || !summary.failed.is_empty() {
        eprintln!("{}", summary.render());
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

fn run_normalize(args: &NormalizeArgs) -> Result<()> {
    if args.list_passes {
        for name in normalize::pass_names() {
            println!("{name}");
        }
        return Ok(());
    }
    let input = args.input.as_deref().expect("clap requires INPUT");
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
    let loaded = convert::load(&args.input, &args.read.load_options()?)?;
    let json = meta::provenance_json(&loaded.doc.meta, &loaded.provenance);
    let mut text = serde_json::to_string_pretty(&json).expect("JSON values serialize");
    text.push('\n');
    write_output(Path::new("-"), text.as_bytes())
}

/// Every file a run reads: the inputs, their metadata sidecars, and the
/// `--meta` file. None of them may be an output.
fn read_paths(inputs: &[PathBuf], meta_file: Option<&Path>) -> Vec<PathBuf> {
    let sidecars = inputs.iter().filter_map(|i| meta::sidecar_of(i));
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
