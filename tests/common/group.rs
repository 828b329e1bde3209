//! A test group that needs the team's folder beside the repository
//! (`../shared`, or `RECTO_SHARED_DIR`) and says "skipped" when it is
//! missing, instead of counting its checks as passed.
//!
//! libtest has no "skipped at run time" outcome, so such a group is a test
//! target with `harness = false` in Cargo.toml whose `main` hands its checks
//! to [`main`]. The summary line keeps libtest's shape, so `cargo test`
//! prints it beside the others: `test result: skipped: ../shared not found.
//! 0 passed; 0 failed; 5 skipped; ...`. A check that panics fails;
//! `RECTO_REQUIRE_VALIDATORS=1` turns a missing validator into a panic as
//! everywhere, but never a missing `../shared`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::root;

/// How one check ended, besides a panic (a failure).
pub enum Outcome {
    Passed,
    Skipped(String),
}

/// One check: it gets the shared folder.
pub type Check = fn(&Path) -> Outcome;

/// The shared folder: `RECTO_SHARED_DIR`, else `../shared` beside the
/// repository; `None` when it (or its `corpus` folder) is not there.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("RECTO_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    dir.join("corpus").is_dir().then_some(dir)
}

/// Runs the group's `checks` as libtest would (name filters, `--exact`,
/// `--skip`, `--list`, `--ignored`) and prints libtest's summary line.
pub fn main(checks: &[(&'static str, Check)]) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let selected = selected(checks, &args);
    if args.iter().any(|a| a == "--list") {
        for (name, _) in &selected {
            println!("{name}: test");
        }
        return ExitCode::SUCCESS;
    }
    // `cargo test -- --ignored` runs only ignored tests: none are here.
    let selected = if args.iter().any(|a| a == "--ignored") {
        Vec::new()
    } else {
        selected
    };
    let filtered_out = checks.len() - selected.len();
    let started = Instant::now();
    println!("\nrunning {} tests", selected.len());
    let Some(shared) = shared_dir() else {
        for (name, _) in &selected {
            println!("test {name} ... skipped");
        }
        println!(
            "\ntest result: skipped: ../shared not found. 0 passed; 0 failed; {} skipped; {filtered_out} filtered out; finished in 0.00s\n",
            selected.len()
        );
        return ExitCode::SUCCESS;
    };
    let (mut passed, mut skipped, mut failed) = (0, Vec::new(), Vec::new());
    for (name, check) in selected {
        match std::panic::catch_unwind(|| check(&shared)) {
            Ok(Outcome::Passed) => {
                passed += 1;
                println!("test {name} ... ok");
            }
            Ok(Outcome::Skipped(why)) => {
                println!("test {name} ... skipped: {why}");
                skipped.push(format!("{name}: {why}"));
            }
            Err(_) => {
                println!("test {name} ... FAILED");
                failed.push(name);
            }
        }
    }
    if !failed.is_empty() {
        println!("\nfailures:");
        for name in &failed {
            println!("    {name}");
        }
    }
    let verdict = if !failed.is_empty() {
        "FAILED"
    } else if skipped.is_empty() {
        "ok"
    } else {
        "ok, with skips"
    };
    println!(
        "\ntest result: {verdict}. {passed} passed; {} failed; {} skipped{}; {filtered_out} filtered out; finished in {:.2}s\n",
        failed.len(),
        skipped.len(),
        if skipped.is_empty() {
            String::new()
        } else {
            format!(" ({})", skipped.join("; "))
        },
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(101)
    }
}

/// The checks to run: libtest's name filters, `--exact` and `--skip`.
fn selected(checks: &[(&'static str, Check)], args: &[String]) -> Vec<(&'static str, Check)> {
    let mut filters = Vec::new();
    let mut skips = Vec::new();
    let mut exact = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--exact" => exact = true,
            "--skip" => skips.extend(it.next().cloned()),
            // libtest options that take a value, which is not a filter.
            "--test-threads" | "--format" | "--color" | "--logfile" | "-Z" | "--shuffle-seed" => {
                it.next();
            }
            a if a.starts_with('-') => {}
            a => filters.push(a.to_string()),
        }
    }
    let matches = |name: &str, pattern: &str| {
        if exact {
            name == pattern
        } else {
            name.contains(pattern)
        }
    };
    checks
        .iter()
        .copied()
        .filter(|(name, _)| filters.is_empty() || filters.iter().any(|f| matches(name, f)))
        .filter(|(name, _)| !skips.iter().any(|s| matches(name, s)))
        .collect()
}
