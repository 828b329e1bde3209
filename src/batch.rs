//! Many documents in one run: found, sharded, converted in parallel, each
//! failure isolated, progress shown, a record kept per document.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::convert::{self, ConvertOptions, DocReport, Job, Status};
use crate::error::{Error, Result};

/// The input files under `paths`: files as given, directories searched
/// recursively for `.txt`, `.md` and `.markdown` (hidden entries and
/// `exclude`d directories skipped). Sorted, without duplicates.
pub fn discover(paths: &[PathBuf], exclude: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let excluded: Vec<PathBuf> = exclude
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut out = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            out.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| {
            Error::Usage(format!(
                "{}: {e}; give an existing file or directory",
                path.display()
            ))
        })?;
        if meta.is_dir() {
            walk(path, &excluded, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, excluded: &[PathBuf], out: &mut Vec<PathBuf>) -> Result<()> {
    if dir
        .canonicalize()
        .is_ok_and(|real| excluded.contains(&real))
    {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if kind.is_dir() {
            walk(&path, excluded, out)?;
        } else if is_input_name(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_input_name(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("txt" | "md" | "markdown"))
}

/// Reads a list of inputs, one path per line (`-` reads standard input).
/// Blank lines and lines starting with `#` are ignored.
pub fn read_list(list: &Path) -> Result<Vec<PathBuf>> {
    let text = if list == Path::new("-") {
        std::io::read_to_string(std::io::stdin()).map_err(|e| Error::io("<stdin>", e))?
    } else {
        std::fs::read_to_string(list).map_err(|e| Error::io(list, e))?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(PathBuf::from)
        .collect())
}

/// A slice of the inputs for one of `count` machines: `--shard K/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: u64,
    pub count: u64,
}

impl Shard {
    pub fn parse(s: &str) -> Result<Shard> {
        let bad = || {
            Error::Usage(format!(
                "--shard `{s}`: write it as K/N with 1 <= K <= N, e.g. 2/8"
            ))
        };
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether `path` belongs to this shard. Decided by a stable hash of the
    /// path as given (FNV-1a, 64 bits): the same on every machine and run.
    pub fn contains(&self, path: &Path) -> bool {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in path.to_string_lossy().as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h % self.count == self.index - 1
    }
}

/// Where each input's editions go. The output tree mirrors the input
/// tree: paths are taken relative to the deepest folder that holds every
/// input given (a folder given counts as itself, a file as its folder), so
/// `-o out c1/doc.txt c2/doc.txt` writes `out/c1/doc/` and `out/c2/doc/`,
/// and `-o out corpus/` writes `out/<path under corpus>/<stem>/`. Only
/// plain folder names are kept (no `..`, no root), each made safe with
/// [`convert::safe_name`]. Standard input (`-`) is named `stdin_stem`.
/// Two inputs that would still write to the same directory (`doc.txt` and
/// `doc.md` side by side) are refused before anything is written.
pub fn plan(
    given: &[PathBuf],
    inputs: &[PathBuf],
    out: &Path,
    stdin_stem: Option<&str>,
) -> Result<Vec<Job>> {
    let bases: Vec<Vec<Component>> = given
        .iter()
        .filter(|p| p.as_path() != Path::new("-"))
        .map(|p| {
            let base = if p.is_dir() {
                p.as_path()
            } else {
                p.parent().unwrap_or(Path::new(""))
            };
            plain_components(base)
        })
        .collect();
    let common = bases
        .iter()
        .skip(1)
        .fold(bases.first().map_or(0, Vec::len), |n, b| {
            n.min(bases[0].iter().zip(b).take_while(|(x, y)| x == y).count())
        });
    let jobs: Vec<Job> = inputs
        .iter()
        .map(|input| {
            if input == Path::new("-") {
                let stem = convert::safe_name(stdin_stem.unwrap_or(convert::STDIN_STEM));
                return Job {
                    input: input.clone(),
                    dir: out.join(&stem),
                    stem,
                };
            }
            let stem = convert::safe_stem(input);
            let mut dir = out.to_path_buf();
            let parent = plain_components(input.parent().unwrap_or(Path::new("")));
            for c in parent.iter().skip(common) {
                if let Component::Normal(name) = c {
                    dir.push(convert::safe_name(&name.to_string_lossy()));
                }
            }
            dir.push(&stem);
            Job {
                input: input.clone(),
                dir,
                stem,
            }
        })
        .collect();
    check_collisions(&jobs)?;
    Ok(jobs)
}

fn plain_components(path: &Path) -> Vec<Component<'_>> {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// Two inputs that would write to the same output directory. Checked before
/// anything is written.
pub fn check_collisions(jobs: &[Job]) -> Result<()> {
    let mut seen: BTreeMap<&Path, &PathBuf> = BTreeMap::new();
    for job in jobs {
        if let Some(other) = seen.insert(&job.dir, &job.input) {
            return Err(Error::Usage(format!(
                "{} and {} would both write to {}; rename one of them or convert them in separate runs",
                other.display(),
                job.input.display(),
                job.dir.display()
            )));
        }
    }
    Ok(())
}

/// Makes sure the output directory exists and can be written, once, before
/// any document is read: an unwritable directory is one setup error, not
/// the same failure for every document.
pub fn prepare_output(out: &Path) -> Result<()> {
    let setup = |e: std::io::Error| {
        Error::Usage(format!(
            "{}: {e}; the output directory must be writable: fix its permissions or choose another with -o",
            out.display()
        ))
    };
    std::fs::create_dir_all(out).map_err(setup)?;
    tempfile::Builder::new()
        .prefix(crate::fsutil::TEMP_PREFIX)
        .tempfile_in(out)
        .map(drop)
        .map_err(setup)
}

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// A bar when stderr is a terminal, plain lines otherwise.
    Auto,
    Quiet,
}

/// Set when the user interrupts the run (Ctrl-C, SIGTERM): documents in
/// progress are finished and written, no new one is started.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C and SIGTERM stop the batch cleanly instead of killing it
/// between a temporary file and its rename.
///
/// On Linux the handler is installed directly: it only sets a flag, which
/// a signal handler may do, whereas the `ctrlc` crate starts a thread to
/// run its handler, one more thread for a process that converts one
/// short document in a few milliseconds.
#[cfg(target_os = "linux")]
pub fn stop_on_interrupt() {
    extern "C" fn interrupted(_signal: libc::c_int) {
        INTERRUPTED.store(true, Ordering::SeqCst);
    }
    // The signals the `ctrlc` crate (with its `termination` feature)
    // handles: the terminal's interrupt, a polite kill, a closed terminal.
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the action is zeroed (no flags but SA_RESTART, an empty
        // mask) before its handler is set, and the handler only stores to
        // an atomic, which is async-signal-safe. A failure leaves the
        // default action (the process ends), which is what it was.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = interrupted as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

#[cfg(not(target_os = "linux"))]
pub fn stop_on_interrupt() {
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// The outcome of a batch.
#[derive(Debug, Default)]
pub struct Summary {
    pub converted: usize,
    pub skipped: usize,
    /// Documents not started because the run was interrupted.
    pub not_started: usize,
    pub failed: Vec<(PathBuf, String)>,
    pub repairs: usize,
    pub warnings: usize,
    pub elapsed: Duration,
    /// Time and counts per normalization pass, over every document.
    pub passes: Vec<crate::normalize::PassStat>,
}

impl Summary {
    pub fn render(&self) -> String {
        let mut s = format!(
            "{} converted, {} skipped, {} failed; {} repairs; {} warnings; {:.2}s",
            self.converted,
            self.skipped,
            self.failed.len(),
            self.repairs,
            self.warnings,
            self.elapsed.as_secs_f64()
        );
        if self.not_started > 0 {
            s.push_str(&format!(
                "\ninterrupted: {} documents not started; run again to convert them",
                self.not_started
            ));
        }
        for (_, reason) in &self.failed {
            s.push_str(&format!("\n  failed: {reason}"));
        }
        s
    }
}

/// Converts every input, in parallel on `jobs` threads (all cores when
/// `None`). Each document is read, converted, written and dropped before
/// the next is taken, so memory does not grow with the number of inputs.
/// Writes one JSON line per document to `report` when given.
pub fn run(
    jobs: &[Job],
    options: &ConvertOptions,
    threads: Option<usize>,
    progress: Progress,
    report: Option<&Path>,
) -> Result<Summary> {
    let started = Instant::now();
    let report_file = report
        .map(|p| {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| report_setup_error(p, e))?;
            }
            std::fs::File::create(p)
                .map(std::io::BufWriter::new)
                .map_err(|e| report_setup_error(p, e))
        })
        .transpose()?;
    let report_file = Mutex::new(report_file);
    let bar = make_bar(jobs.len() as u64, progress);
    let summary = Mutex::new(Summary::default());
    let record_error: Mutex<Option<Error>> = Mutex::new(None);
    let convert_one = |job: &Job, options: &ConvertOptions| {
        if INTERRUPTED.load(Ordering::SeqCst) {
            summary.lock().expect("summary lock").not_started += 1;
            return;
        }
        let doc = convert::convert(job, options);
        record(&doc, &summary, &bar, progress);
        if let Some(w) = report_file.lock().expect("report lock").as_mut() {
            let line = serde_json::to_string(&doc).expect("reports serialize");
            if let Err(e) = writeln!(w, "{line}") {
                record_error
                    .lock()
                    .expect("error lock")
                    .get_or_insert(Error::io(report.unwrap_or(Path::new("report")), e));
            }
        }
    };
    // One document, or one thread asked for: no pool to start (its threads
    // cost a single conversion more than the work they could share).
    if jobs.len() <= 1 || threads == Some(1) {
        // A second core, idle otherwise, makes the other editions of a
        // lone document while this thread makes its PDF.
        let options = ConvertOptions {
            concurrent_editions: jobs.len() == 1
                && threads != Some(1)
                && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1),
            ..options.clone()
        };
        jobs.iter().for_each(|job| convert_one(job, &options));
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .build()
            .map_err(|e| Error::Usage(format!("cannot start {threads:?} worker threads: {e}")))?;
        pool.install(|| jobs.par_iter().for_each(|job| convert_one(job, options)));
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(mut w) = report_file.into_inner().expect("report lock")
        && let Err(e) = w.flush()
    {
        return Err(Error::io(report.unwrap_or(Path::new("report")), e));
    }
    if let Some(e) = record_error.into_inner().expect("error lock") {
        return Err(e);
    }
    let mut summary = summary.into_inner().expect("summary lock");
    summary.failed.sort();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A report file that cannot be created is a setup error: found before
/// any document is read.
fn report_setup_error(path: &Path, e: std::io::Error) -> Error {
    Error::Usage(format!(
        "{}: {e}; the --report file must be writable: choose another path",
        path.display()
    ))
}

fn make_bar(len: u64, progress: Progress) -> Option<indicatif::ProgressBar> {
    if progress == Progress::Quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{elapsed_precise} [{bar:40}] {pos}/{len} documents ({per_sec}, eta {eta}) {msg}",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    Some(bar)
}

fn record(
    doc: &DocReport,
    summary: &Mutex<Summary>,
    bar: &Option<indicatif::ProgressBar>,
    progress: Progress,
) {
    let mut s = summary.lock().expect("summary lock");
    s.repairs += doc.repairs;
    s.warnings += doc.warnings.len();
    for stat in &doc.passes {
        match s.passes.iter_mut().find(|p| p.pass == stat.pass) {
            Some(p) => p.add(stat),
            None => s.passes.push(*stat),
        }
    }
    match doc.status {
        Status::Converted => s.converted += 1,
        Status::Skipped => s.skipped += 1,
        Status::Failed => s
            .failed
            .push((doc.input.clone(), doc.error.clone().unwrap_or_default())),
    }
    let done = s.converted + s.skipped + s.failed.len();
    drop(s);
    let line = match doc.status {
        Status::Converted => format!(
            "converted {} -> {} ({} repairs)",
            doc.input.display(),
            doc.output_dir.display(),
            doc.repairs
        ),
        Status::Skipped => format!(
            "up to date {} -> {}",
            doc.input.display(),
            doc.output_dir.display()
        ),
        Status::Failed => format!(
            "failed {}: {}",
            doc.input.display(),
            doc.error.as_deref().unwrap_or("")
        ),
    };
    match (bar, progress) {
        (Some(bar), _) => {
            if doc.status == Status::Failed {
                bar.println(&line);
            }
            for w in &doc.warnings {
                bar.println(format!("warning: {}: {w}", doc.input.display()));
            }
            bar.set_position(done as u64);
        }
        (None, Progress::Auto) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "[{done}] {line}");
            for w in &doc.warnings {
                let _ = writeln!(err, "warning: {}: {w}", doc.input.display());
            }
        }
        (None, Progress::Quiet) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_exactly() {
        let paths: Vec<PathBuf> = (0..500)
            .map(|i| PathBuf::from(format!("in/doc-{i}.txt")))
            .collect();
        for n in [1u64, 2, 3, 7] {
            let mut hits = vec![0; paths.len()];
            for k in 1..=n {
                let shard = Shard::parse(&format!("{k}/{n}")).unwrap();
                for (i, p) in paths.iter().enumerate() {
                    if shard.contains(p) {
                        hits[i] += 1;
                    }
                }
            }
            assert!(
                hits.iter().all(|&h| h == 1),
                "{n} shards cover each input once"
            );
        }
        assert!(Shard::parse("0/3").is_err());
        assert!(Shard::parse("4/3").is_err());
        assert!(Shard::parse("x").is_err());
    }

    fn dirs(jobs: &[Job]) -> Vec<String> {
        jobs.iter().map(|j| j.dir.display().to_string()).collect()
    }

    #[test]
    fn outputs_mirror_the_input_tree() {
        let out = Path::new("out");
        let given = [PathBuf::from("c1/doc.txt"), PathBuf::from("c2/doc.txt")];
        let jobs = plan(&given, &given, out, None).unwrap();
        assert_eq!(dirs(&jobs), ["out/c1/doc", "out/c2/doc"]);
        // One file: its folder is the base.
        let one = [PathBuf::from("/somewhere/deep/my notes (draft) v2.txt")];
        let jobs = plan(&one, &one, out, None).unwrap();
        assert_eq!(dirs(&jobs), ["out/my notes (draft) v2"]);
        // `..` and the root never leave the output directory.
        let given = [PathBuf::from("../a/x.txt"), PathBuf::from("/b/y.txt")];
        let jobs = plan(&given, &given, out, None).unwrap();
        assert_eq!(dirs(&jobs), ["out/a/x", "out/b/y"]);
        // Standard input takes its name from --stem.
        let jobs = plan(
            &[PathBuf::from("-")],
            &[PathBuf::from("-")],
            out,
            Some("essay"),
        )
        .unwrap();
        assert_eq!(dirs(&jobs), ["out/essay"]);
        assert_eq!(
            jobs[0].output_path(crate::write::Format::Txt),
            Path::new("out/essay/essay.txt")
        );
    }

    #[test]
    fn collisions_are_found() {
        let inputs = vec![PathBuf::from("a/doc.txt"), PathBuf::from("a/doc.md")];
        let err = plan(&inputs, &inputs, Path::new("out"), None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("a/doc.txt") && err.contains("a/doc.md"),
            "{err}"
        );
    }
}
