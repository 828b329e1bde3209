//! The editions under the checkers publishers and archives use (issue 15):
//! the external checkers in `../shared/tools/external` (JATS4R Schematron,
//! PMC Style Checker, the PDF structure and real-space check, DAISY Ace)
//! run once each on a batch: the sample, every dev input
//! (`../shared/corpus/dev`) and a document with full deposit metadata
//! (`tests/data/full-metadata`).
//!
//! Every check here needs `../shared`, so this is a group with its own
//! harness (`tests/common/group.rs`): without `../shared` the summary says
//! "skipped: ../shared not found" instead of counting the checks as passed.
//! A checker that `../shared/tools/external/install` has not installed (it
//! exits 2) skips its check locally, and fails it under
//! RECTO_REQUIRE_VALIDATORS=1 (CI, whose `.ci/run` runs the installer).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::OnceLock;

use assert_cmd::cargo::cargo_bin_cmd;
use common::group::{self, Check, Outcome};
use common::{root, validators_required};

const SAMPLE: &str = "kazan-summit-china-india-brief";
const FULL: &str = "river-sediment-article";

const CHECKS: &[(&str, Check)] = &[
    (
        "check_pdf_finds_no_error_and_real_spaces_in_every_pdf",
        check_pdf_finds_no_error_and_real_spaces_in_every_pdf,
    ),
    (
        "the_structure_tree_reads_words_separated_by_spaces",
        the_structure_tree_reads_words_separated_by_spaces,
    ),
    (
        "check_pmc_errors_are_only_what_missing_metadata_explains",
        check_pmc_errors_are_only_what_missing_metadata_explains,
    ),
    (
        "check_jats4r_errors_are_only_what_missing_metadata_explains",
        check_jats4r_errors_are_only_what_missing_metadata_explains,
    ),
    (
        "check_ace_finds_no_violation_in_any_epub",
        check_ace_finds_no_violation_in_any_epub,
    ),
];

fn main() -> ExitCode {
    group::main(CHECKS)
}

/// Every edition of the sample, the dev inputs and the full-metadata
/// document, converted once for all the tests of this file.
struct Batch {
    _dir: tempfile::TempDir,
    /// Each document's stem and output directory (the batch mirrors the
    /// input folders under `out`).
    stems: Vec<String>,
    dirs: Vec<PathBuf>,
}

impl Batch {
    fn files(&self, ext: &str) -> Vec<PathBuf> {
        self.stems
            .iter()
            .zip(&self.dirs)
            .map(|(s, d)| d.join(format!("{s}.{ext}")))
            .collect()
    }

    fn file(&self, stem: &str, ext: &str) -> PathBuf {
        let k = self.stems.iter().position(|s| s == stem).unwrap();
        self.dirs[k].join(format!("{stem}.{ext}"))
    }
}

fn batch(shared: &Path) -> &'static Batch {
    static BATCH: OnceLock<Batch> = OnceLock::new();
    BATCH.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/dev"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        inputs.sort();
        inputs.push(root().join("input").join(format!("{SAMPLE}.txt")));
        inputs.push(root().join(format!("tests/data/full-metadata/{FULL}.md")));
        let mut cmd = cargo_bin_cmd!("recto");
        cmd.env_remove("SOURCE_DATE_EPOCH")
            .current_dir(root())
            .args(["convert", "-q", "-t", "pdf,epub,jats,txt", "-o"])
            .arg(&out)
            .args(&inputs);
        cmd.assert().success();
        let jobs = recto::batch::plan(&inputs, &inputs, &out, None).unwrap();
        Batch {
            _dir: dir,
            stems: jobs.iter().map(|j| j.stem.clone()).collect(),
            dirs: jobs.into_iter().map(|j| j.dir).collect(),
        }
    })
}

/// One finding: file, level, rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    file: String,
    level: String,
    rule: String,
    line: String,
}

/// Runs `checker` of `../shared/tools/external` on `files` (one call for
/// the batch) and returns its findings, or why it could not run: the
/// checker is not installed (a failure under RECTO_REQUIRE_VALIDATORS=1).
fn check(shared: &Path, checker: &str, files: &[PathBuf]) -> Result<Vec<Finding>, Outcome> {
    let tool = shared.join("tools/external").join(checker);
    if !tool.is_file() {
        let msg = format!("{} is missing", tool.display());
        assert!(!validators_required(), "{msg} (RECTO_REQUIRE_VALIDATORS=1)");
        return Err(Outcome::Skipped(msg));
    }
    let out = Command::new(&tool)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", tool.display()));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.code() == Some(2) {
        let msg =
            format!("{checker} is not installed (run ../shared/tools/external/install): {stderr}");
        assert!(!validators_required(), "{msg} (RECTO_REQUIRE_VALIDATORS=1)");
        return Err(Outcome::Skipped(msg));
    }
    let findings: Vec<Finding> = stdout
        .lines()
        .filter_map(|l| {
            let (file, rest) = l.split_once(": ")?;
            let mut parts = rest.splitn(3, ' ');
            let level = parts.next()?.to_string();
            let rule = parts.next()?.to_string();
            ["error", "warning", "info"]
                .contains(&level.as_str())
                .then(|| Finding {
                    file: Path::new(file)
                        .file_stem()
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    level,
                    rule,
                    line: l.to_string(),
                })
        })
        .collect();
    let errors = findings.iter().filter(|f| f.level == "error").count();
    assert!(
        stdout.contains(&format!("{errors} errors,")),
        "{checker}: the summary disagrees with the findings:\n{stdout}\n{stderr}"
    );
    Ok(findings)
}

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.level == "error").collect()
}

fn check_pdf_finds_no_error_and_real_spaces_in_every_pdf(shared: &Path) -> Outcome {
    let b = batch(shared);
    let findings = match check(shared, "check-pdf", &b.files("pdf")) {
        Ok(findings) => findings,
        Err(skipped) => return skipped,
    };
    let errs = errors(&findings);
    assert!(errs.is_empty(), "check-pdf errors:\n{errs:#?}");
    // Every file claims PDF/A-2 and PDF/UA-1, and the claims are consistent.
    for (rule, claim) in [
        ("pdf/pdfa-id", "claims PDF/A-2u"),
        ("pdf/pdfua-id", "claims PDF/UA-1"),
    ] {
        let claiming = findings
            .iter()
            .filter(|f| f.rule == rule && f.line.contains(claim))
            .count();
        assert_eq!(claiming, b.stems.len(), "{rule}: {findings:#?}");
    }
    Outcome::Passed
}

fn the_structure_tree_reads_words_separated_by_spaces(shared: &Path) -> Outcome {
    let b = batch(shared);
    if !common::have("pdfinfo", "the structure text") || !common::have("pdftotext", "PDF text") {
        return Outcome::Skipped("poppler-utils is not installed".into());
    }
    for pdf in b.files("pdf") {
        let (ok, tree, err) = common::run(Command::new("pdfinfo").arg("-struct-text").arg(&pdf));
        assert!(ok, "{err}");
        let (ok, text, err) = common::run(Command::new("pdftotext").arg(&pdf).arg("-"));
        assert!(ok, "{err}");
        // The words read through the structure are the words of the page:
        // without real spaces they run together into words the page
        // does not have. (Hyphenated halves read as halves: poppler's
        // structure text ignores /ActualText.)
        let page: BTreeSet<&str> = text.split_whitespace().collect();
        let words: Vec<&str> = tree
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
            .flat_map(str::split_whitespace)
            .collect();
        assert!(words.len() > 50, "{}: {tree}", pdf.display());
        let known = words.iter().filter(|w| page.contains(*w)).count();
        assert!(
            known * 100 >= words.len() * 97,
            "{}: only {known} of {} structure words are words of the page",
            pdf.display(),
            words.len()
        );
    }
    Outcome::Passed
}

/// The check-pmc error rules that each missing field explains.
fn pmc_rules_for(keys: &str) -> &'static [&'static str] {
    match keys.split(' ').next().unwrap() {
        "journal_title" => &["pmc/front-content-check", "pmc/journal-meta-check"],
        "issn_print" => &["pmc/front-content-check", "pmc/journal-meta-check"],
        "subjects" => &["pmc/required-child"],
        "date" => &["pmc/pub-date-check"],
        "fpage" => &["pmc/fpage-elocation-check"],
        other => panic!("no PMC rule known for {other}"),
    }
}

fn check_pmc_errors_are_only_what_missing_metadata_explains(shared: &Path) -> Outcome {
    let b = batch(shared);
    let findings = match check(shared, "check-pmc", &b.files("xml")) {
        Ok(findings) => findings,
        Err(skipped) => return skipped,
    };
    for stem in &b.stems {
        let errs: BTreeSet<&str> = findings
            .iter()
            .filter(|f| &f.file == stem && f.level == "error")
            .map(|f| f.rule.as_str())
            .collect();
        let missing = missing_fields(shared, b, stem, "pmc");
        let explained: BTreeSet<&str> = missing
            .iter()
            .flat_map(|k| pmc_rules_for(k).iter().copied())
            .collect();
        assert!(
            errs.is_subset(&explained),
            "{stem}: check-pmc errors {errs:?} not explained by the missing fields {missing:?}"
        );
        // Each missing field shows as an error.
        for key in &missing {
            assert!(
                pmc_rules_for(key).iter().any(|r| errs.contains(r)),
                "{stem}: `recto check` says {key} is missing, check-pmc does not mind"
            );
        }
        if stem == FULL {
            assert!(errs.is_empty() && missing.is_empty(), "{findings:#?}");
        }
    }
    Outcome::Passed
}

/// What `recto check --profile PROFILE` says the document lacks: the keys.
fn missing_fields(shared: &Path, b: &Batch, stem: &str, profile: &str) -> Vec<String> {
    let input = if stem == SAMPLE {
        root().join("input").join(format!("{SAMPLE}.txt"))
    } else if stem == FULL {
        root().join(format!("tests/data/full-metadata/{FULL}.md"))
    } else {
        shared.join(format!("corpus/dev/{stem}.txt"))
    };
    assert!(b.file(stem, "xml").is_file());
    let mut cmd = cargo_bin_cmd!("recto");
    let out = cmd
        .current_dir(root())
        .args(["check", "--profile", profile])
        .arg(&input)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // Field lines: "  <field>  <keys>  (<why>)", fields and keys padded.
    text.lines()
        .filter(|l| l.starts_with("  "))
        .filter_map(|l| {
            let cols: Vec<&str> = l.trim().split("  ").filter(|c| !c.is_empty()).collect();
            cols.get(1).map(|k| k.trim().to_string())
        })
        .collect()
}

fn check_jats4r_errors_are_only_what_missing_metadata_explains(shared: &Path) -> Outcome {
    let b = batch(shared);
    let findings = match check(shared, "check-jats4r", &b.files("xml")) {
        Ok(findings) => findings,
        Err(skipped) => return skipped,
    };
    for stem in &b.stems {
        let errs: Vec<&Finding> = findings
            .iter()
            .filter(|f| &f.file == stem && f.level == "error")
            .collect();
        let missing = missing_fields(shared, b, stem, "jats4r");
        for e in &errs {
            assert!(
                e.rule == "jats4r/permissions-errors" && !missing.is_empty(),
                "{stem}: check-jats4r error not explained by missing metadata ({missing:?}):\n{}",
                e.line
            );
        }
        if stem == FULL {
            assert!(errs.is_empty() && missing.is_empty(), "{errs:#?}");
        }
    }
    // The sample's only error is the licence it does not state.
    let sample: Vec<&str> = errors(&findings)
        .iter()
        .filter(|f| f.file == SAMPLE)
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(sample, ["jats4r/permissions-errors"]);
    Outcome::Passed
}

/// How many times an EPUB whose Ace run failed (no report: Chromium did not
/// start within Ace's 30 s launch timeout on a loaded machine, or crashed)
/// is checked again before the failure counts.
const ACE_RETRIES: usize = 2;

fn check_ace_finds_no_violation_in_any_epub(shared: &Path) -> Outcome {
    let b = batch(shared);
    let mut findings = match check(shared, "check-ace", &b.files("epub")) {
        Ok(findings) => findings,
        Err(skipped) => return skipped,
    };
    // A run that wrote no report says nothing about the EPUB, so that file
    // is checked again; a violation is never retried.
    for _ in 0..ACE_RETRIES {
        let failed: BTreeSet<String> = findings
            .iter()
            .filter(|f| f.rule == "ace/run-failed")
            .map(|f| f.file.clone())
            .collect();
        if failed.is_empty() {
            break;
        }
        eprintln!("check-ace: no report for {failed:?}, checking again");
        let again: Vec<PathBuf> = failed.iter().map(|s| b.file(s, "epub")).collect();
        let rerun = match check(shared, "check-ace", &again) {
            Ok(findings) => findings,
            Err(skipped) => return skipped,
        };
        findings.retain(|f| !failed.contains(&f.file));
        findings.extend(rerun);
    }
    let errs = errors(&findings);
    assert!(errs.is_empty(), "check-ace violations:\n{errs:#?}");
    Outcome::Passed
}
