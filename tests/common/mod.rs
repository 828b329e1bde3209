//! Helpers shared by the integration tests, kept here once: where the test
//! data is, how the `recto` binary is run, and how the real validators are
//! found and run (`jats`, `epub`, `pdf`).
//!
//! Everything these helpers need lives in the repository (`tests/data`,
//! `tests/corpus`, the vendored JATS DTDs in `tests/schemas`). A validator
//! that is not installed makes its check print `skipped: ...` and return,
//! unless `RECTO_REQUIRE_VALIDATORS=1`, when it fails the test. The team's
//! larger corpora beside the repository (`../shared`) are used only by the
//! separate `shared_corpora` test group.

#![allow(dead_code)]

pub mod browser;
pub mod editions;
pub mod epub;
pub mod extract;
pub mod golden;
pub mod group;
pub mod jats;
pub mod pdf;
pub mod strategies;
pub mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of `tests/data`.
pub fn data(name: &str) -> PathBuf {
    root().join("tests/data").join(name)
}

/// The committed sample input (`input/<stem>.txt`) and its stem.
pub const SAMPLE_STEM: &str = "kazan-summit-china-india-brief";

pub fn sample_input() -> PathBuf {
    root().join("input").join(format!("{SAMPLE_STEM}.txt"))
}

/// The documents of the repository's own small corpus (`tests/corpus`,
/// see its README), sorted.
pub fn local_corpus() -> Vec<PathBuf> {
    let dir = root().join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name != "README.md" && (name.ends_with(".txt") || name.ends_with(".md"))
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "tests/corpus holds {} documents",
        files.len()
    );
    files
}

/// The `recto` binary of this build, with no `SOURCE_DATE_EPOCH` from the
/// environment (tests that want one set it).
pub fn recto() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("recto");
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// What one run of a child process cost, read from the kernel's own
/// accounting of that child (`wait4`): CPU time is less disturbed than wall
/// time by other work on a shared machine, and the peak resident set is
/// exact, where sampling would miss a short peak.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    pub success: bool,
    /// User plus system CPU time, in seconds.
    pub cpu: f64,
    pub wall: f64,
    /// Peak resident set size, in bytes.
    pub peak_rss: u64,
}

/// Runs `cmd` (its output discarded) and measures it; see [`Cost`].
#[cfg(unix)]
pub fn measure(cmd: &mut Command) -> Cost {
    use std::process::Stdio;
    let started = std::time::Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero `rusage` is a valid value for the kernel to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not yet waited for (`child` is
        // never waited on through std), and both out-pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        assert_eq!(e.kind(), std::io::ErrorKind::Interrupted, "wait4: {e}");
    }
    drop(child);
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Cost {
        success: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        wall: started.elapsed().as_secs_f64(),
        // Linux reports kilobytes.
        peak_rss: usage.ru_maxrss as u64 * 1024,
    }
}

// ------------------------------------------------------------ validators

/// Whether a missing validator must fail the test (CI) instead of skipping it.
pub fn validators_required() -> bool {
    std::env::var("RECTO_REQUIRE_VALIDATORS").is_ok_and(|v| v == "1")
}

/// Says that a check is skipped, and why; fails instead when validators are
/// required.
pub fn skip(why: &str) {
    assert!(
        !validators_required(),
        "{why} (RECTO_REQUIRE_VALIDATORS=1 makes this a failure)"
    );
    eprintln!("skipped: {why}");
}

/// Whether `program` can be run. When it cannot, says so (see [`skip`]).
pub fn have(program: &str, why: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        skip(&format!("{program} is not installed: {why} not checked"));
    }
    found
}

/// Runs a command and returns (status ok, stdout, stderr).
pub fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs a validator; `None` (after [`skip`]) when it is not installed.
pub fn run_validator(program: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(program).args(args).output() {
        Ok(out) => Some(out),
        Err(e) => {
            skip(&format!("{program} cannot be run ({e})"));
            None
        }
    }
}

// ------------------------------------------------------------ files

/// Every file under `dir` with its contents, for before/after comparisons.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

/// The paths of every file under `dir`, relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .keys()
        .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .collect()
}

/// Reads one entry of a zip archive as text.
pub fn zip_entry(path: &Path, name: &str) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(file).ok()?;
    let mut entry = archive.by_name(name).ok()?;
    let mut s = String::new();
    std::io::Read::read_to_string(&mut entry, &mut s).ok()?;
    Some(s)
}

/// All entry names of a zip archive.
pub fn zip_names(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap();
    let archive = zip::ZipArchive::new(file).unwrap();
    archive.file_names().map(str::to_string).collect()
}

pub mod real;

/// The words of a piece of the model in its JSON form (`recto normalize
/// --format json`, `Document` serialised), in order, one space between:
/// text and code as written, a formula as its TeX source.
pub fn model_json_text(value: &serde_json::Value) -> String {
    fn walk(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            serde_json::Value::Object(map) => match map.get("t").and_then(|t| t.as_str()) {
                Some("Text" | "Code") => out.push_str(map["c"].as_str().unwrap_or("")),
                Some("Math") => out.push_str(map["tex"].as_str().unwrap_or("")),
                Some("Space" | "SoftBreak" | "LineBreak") => out.push(' '),
                _ => map
                    .iter()
                    .filter(|(k, _)| *k != "span" && *k != "t")
                    .for_each(|(_, v)| walk(v, out)),
            },
            _ => {}
        }
    }
    let mut s = String::new();
    walk(value, &mut s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
