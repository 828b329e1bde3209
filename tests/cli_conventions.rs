//! The command line as a new user meets it (issue #19): standard input
//! and output the Unix way, setup errors once before any document, output
//! folders that mirror the input tree with readable names, and options
//! read the same way in every subcommand.

mod common;

use std::path::Path;

use common::{data, recto, sample_input, snapshot};
use predicates::prelude::*;

const PROSE: &str = "A Short Report\n\nThe first paragraph has words that were\nwrapped by hand across lines.\n\nThe second paragraph ends here.\n";

fn write(dir: &Path, rel: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

// ------------------------------------------------- standard input and output

#[test]
fn the_sample_from_standard_input_prints_its_text_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(sample_input()).unwrap();
    let out = recto()
        .current_dir(tmp.path())
        .args(["convert", "-", "-t", "txt", "-o", "-"])
        .write_stdin(sample)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("Title: "), "{text}");
    assert!(text.contains("Kazan"), "{text}");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "no directory named `-`, nothing written"
    );
}

#[test]
fn standard_output_takes_exactly_one_format_and_one_input() {
    let tmp = tempfile::tempdir().unwrap();
    recto()
        .current_dir(tmp.path())
        .args(["convert", "-", "-o", "-"])
        .write_stdin(PROSE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "choose exactly one format with -t",
        ));
    let a = write(tmp.path(), "a.txt", PROSE);
    let b = write(tmp.path(), "b.txt", PROSE);
    recto()
        .args(["convert", "-t", "txt", "-o", "-"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 inputs were found"));
}

#[test]
fn standard_input_is_named_by_stem() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    recto()
        .args(["convert", "-", "--stem", "essay", "-t", "txt", "-o"])
        .arg(&out)
        .write_stdin(PROSE)
        .assert()
        .success()
        .stderr(predicate::str::contains("-> "));
    let txt = std::fs::read_to_string(out.join("essay/essay.txt")).unwrap();
    assert!(txt.contains("The second paragraph ends here."), "{txt}");
    // Without --stem: `stdin`, never a folder named `-`.
    recto()
        .args(["convert", "-q", "-", "-t", "txt", "-o"])
        .arg(&out)
        .write_stdin(PROSE)
        .assert()
        .success();
    assert!(out.join("stdin/stdin.txt").is_file());
    assert!(!out.join("-").exists());
    // --stem without `-` names nothing: a usage error.
    recto()
        .args(["convert", "--stem", "x", "-t", "txt", "-o"])
        .arg(&out)
        .arg(data("wrapped-brief.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--stem"));
}

#[test]
fn normalize_and_meta_read_standard_input_when_no_input_is_given() {
    recto()
        .arg("normalize")
        .write_stdin(PROSE)
        .assert()
        .success()
        .stdout(predicate::str::contains("The second paragraph ends here."));
    let out = recto()
        .arg("meta")
        .write_stdin("---\ntitle: From a pipe\n---\n\nBody.\n")
        .args(["--input-format", "MARKDOWN"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["title"]["value"], "From a pipe");
}

// ------------------------------------------------------ dry run and verbose

/// The up-to-date stamp hashes the build's name with the options, so the
/// name must tell builds of one version apart: a rebuilt writer remakes the
/// editions it wrote before instead of keeping them as "up to date".
#[test]
fn version_names_the_build_by_its_sources() {
    let out = recto()
        .arg("--version")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8(out).unwrap();
    let build = line
        .trim()
        .strip_prefix(&format!("recto {} (build ", env!("CARGO_PKG_VERSION")))
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{line:?}"));
    assert_eq!(build, env!("RECTO_BUILD"));
    assert_eq!(build.len(), 16);
    assert!(build.bytes().all(|b| b.is_ascii_hexdigit()), "{build}");
}

#[test]
fn dry_run_lists_what_would_be_written_and_skipped_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "a.txt", PROSE);
    write(&input, "b.txt", PROSE);
    let out = tmp.path().join("out");
    let dry = || {
        let o = recto()
            .args(["convert", "--dry-run", "-t", "txt", "-o"])
            .arg(&out)
            .arg(&input)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(o).unwrap()
    };
    let listed = dry();
    assert!(listed.contains(&format!("write {}", input.join("a.txt").display())));
    assert!(
        listed.contains(&out.join("b/b.txt").display().to_string()),
        "{listed}"
    );
    assert!(listed.contains("2 to write, 0 up to date"), "{listed}");
    assert!(!out.exists(), "a dry run writes nothing");
    recto()
        .args(["convert", "-q", "-t", "txt", "-o"])
        .arg(&out)
        .arg(input.join("a.txt"))
        .assert()
        .success();
    let listed = dry();
    assert!(listed.contains("1 to write, 1 up to date"), "{listed}");
    assert!(listed.contains("skip  "), "{listed}");
}

#[test]
fn verbose_prints_time_and_edits_per_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let assert = recto()
        .args(["convert", "-v", "-t", "txt,jats", "-o"])
        .arg(tmp.path().join("out"))
        .arg(data("wrapped-brief.txt"))
        .assert()
        .success();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("pass ") && err.contains("edits"), "{err}");
    for pass in ["hygiene", "paragraphs", "structure", "end-matter"] {
        assert!(
            err.lines().any(|l| l.starts_with(pass) && l.contains("ms")),
            "{pass}: {err}"
        );
    }
    // Reading and each edition asked for are timed too; they make no edits.
    for stage in ["read", "write txt", "write jats"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with(stage) && l.contains("ms") && l.ends_with('-')),
            "{stage}: {err}"
        );
    }
    assert!(!err.contains("write pdf"), "{err}");
    recto()
        .args(["normalize", "--verbose"])
        .arg(data("wrapped-brief.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains("paragraphs"));
}

// ------------------------------------------------------------ setup errors

#[test]
fn an_unwritable_output_directory_is_one_setup_error() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for n in ["a", "b", "c"] {
        write(&input, &format!("{n}.txt"), PROSE);
    }
    let out = tmp.path().join("locked");
    std::fs::create_dir(&out).unwrap();
    let mut perms = std::fs::metadata(&out).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(&out, perms).unwrap();
    if tempfile::tempfile_in(&out).is_ok() {
        // Running as root: permissions do not stop a write here.
        eprintln!("skipped: the test user can write a read-only directory (root)");
        return;
    }
    let assert = recto()
        .args(["convert", "-t", "txt", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one message: {err}");
    assert!(err.contains("output directory must be writable"), "{err}");
}

#[test]
fn an_output_path_that_cannot_be_a_directory_is_one_setup_error() {
    // The same check when the test runs as root: a file where the output
    // directory should be.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for n in ["a", "b", "c"] {
        write(&input, &format!("{n}.txt"), PROSE);
    }
    let out = write(tmp.path(), "file", "not a directory");
    let assert = recto()
        .args(["convert", "-t", "txt", "-o"])
        .arg(out.join("sub"))
        .arg(&input)
        .assert()
        .code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one message: {err}");
    assert!(err.contains("output directory must be writable"), "{err}");
}

#[test]
fn a_partial_pdf_style_keeps_the_built_in_values() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    write(&templates, "pdf/style.toml", "[body]\nsize = 11\n");
    let out = tmp.path().join("out");
    recto()
        .args(["convert", "-q", "-t", "pdf", "-o"])
        .arg(&out)
        .arg("--templates")
        .arg(&templates)
        .arg(data("wrapped-brief.txt"))
        .assert()
        .success();
    let pdf = std::fs::read(out.join("wrapped-brief/wrapped-brief.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn template_errors_name_file_and_line_once_before_any_document() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for n in ["a", "b", "c"] {
        write(&input, &format!("{n}.txt"), PROSE);
    }
    let out = tmp.path().join("out");
    let templates = tmp.path().join("templates");
    let style = write(&templates, "pdf/style.toml", "# mine\n[body]\nsise = 11\n");
    let assert = recto()
        .args(["convert", "-t", "txt", "-o"])
        .arg(&out)
        .arg("--templates")
        .arg(&templates)
        .arg(&input)
        .assert()
        .code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one message: {err}");
    assert!(
        err.contains(&format!("{}:3: unknown key `body.sise`", style.display())),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
    std::fs::remove_file(&style).unwrap();
    let header = write(
        &templates,
        "txt/header.txt",
        "Title: {title}\nBy: {titel}\n",
    );
    recto()
        .args(["convert", "-t", "txt", "-o"])
        .arg(&out)
        .arg("--templates")
        .arg(&templates)
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}:2: unknown placeholder {{titel}}",
            header.display()
        )));
    assert!(!out.exists(), "nothing written");
}

// ------------------------------------------------------------ batch layout

#[test]
fn same_named_files_in_different_folders_mirror_the_tree() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "c1/doc.txt", PROSE);
    write(
        tmp.path(),
        "c2/doc.txt",
        "Another Report\n\nOther words here.\n",
    );
    let report = tmp.path().join("report.jsonl");
    let assert = recto()
        .current_dir(tmp.path())
        .args(["convert", "-t", "txt", "-o", "out", "--report"])
        .arg(&report)
        .args(["c1/doc.txt", "c2/doc.txt"])
        .assert()
        .success();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("c1/doc.txt -> out/c1/doc"), "{err}");
    assert!(err.contains("c2/doc.txt -> out/c2/doc"), "{err}");
    let a = std::fs::read_to_string(tmp.path().join("out/c1/doc/doc.txt")).unwrap();
    let b = std::fs::read_to_string(tmp.path().join("out/c2/doc/doc.txt")).unwrap();
    assert!(a.contains("Short Report") && b.contains("Another Report"));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut dirs: Vec<&str> = lines
        .iter()
        .map(|l| l["output_dir"].as_str().unwrap())
        .collect();
    dirs.sort();
    assert_eq!(dirs, ["out/c1/doc", "out/c2/doc"]);
}

#[test]
fn a_folder_given_is_mirrored_below_the_output_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    write(&corpus, "top.txt", PROSE);
    write(&corpus, "deep/er/inner.md", "# Inner\n\nText.\n");
    let out = tmp.path().join("out");
    recto()
        .args(["convert", "-q", "-t", "txt", "-o"])
        .arg(&out)
        .arg(&corpus)
        .assert()
        .success();
    assert!(out.join("top/top.txt").is_file());
    assert!(out.join("deep/er/inner/inner.txt").is_file());
}

#[test]
fn stems_keep_unicode_and_spaces() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write(tmp.path(), "my notes (draft) v2.txt", PROSE);
    let other = write(tmp.path(), "ünïcödé 漢字 résumé.txt", PROSE);
    let out = tmp.path().join("out");
    recto()
        .args(["convert", "-q", "-t", "txt", "-o"])
        .arg(&out)
        .arg(&input)
        .arg(&other)
        .assert()
        .success();
    assert!(
        out.join("my notes (draft) v2/my notes (draft) v2.txt")
            .is_file()
    );
    assert!(
        out.join("ünïcödé 漢字 résumé/ünïcödé 漢字 résumé.txt")
            .is_file()
    );
}

// ------------------------------------------------------- consistent options

#[test]
fn enum_values_ignore_case() {
    let tmp = tempfile::tempdir().unwrap();
    recto()
        .args([
            "convert",
            "-q",
            "-t",
            "TXT,Ast",
            "--paper",
            "A4",
            "--jats-tagset",
            "Publishing",
            "-o",
        ])
        .arg(tmp.path().join("out"))
        .arg(data("wrapped-brief.txt"))
        .assert()
        .success();
    recto()
        .args(["normalize", "--format", "JSON"])
        .arg(data("wrapped-brief.txt"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{"));
}

#[test]
fn sizes_take_units() {
    let tmp = tempfile::tempdir().unwrap();
    for size in ["1M", "64MiB", "1GiB", "500k", "2MB"] {
        recto()
            .args(["normalize", "--max-input-size", size])
            .arg(data("wrapped-brief.txt"))
            .assert()
            .success();
    }
    recto()
        .args(["normalize", "--max-input-size", "10B"])
        .arg(data("wrapped-brief.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("limit of 10 bytes"));
    recto()
        .args(["normalize", "--max-input-size", "1M2"])
        .arg(data("wrapped-brief.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown unit"));
    drop(tmp);
}

#[test]
fn a_missing_input_is_exit_2_in_every_subcommand() {
    for sub in ["convert", "normalize", "meta"] {
        recto()
            .args([sub, "no/such/file.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no/such/file.txt"));
    }
    // The default input directory is named as the default.
    let tmp = tempfile::tempdir().unwrap();
    recto()
        .current_dir(tmp.path())
        .arg("convert")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no INPUT given, and the default input directory `input/` does not exist",
        ));
}

#[test]
fn every_subcommand_shows_the_same_exit_code_table() {
    let mut tables = Vec::new();
    for sub in ["convert", "normalize", "meta"] {
        let out = recto().args([sub, "--help"]).assert().success();
        let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let table = help
            .split_once("Exit codes")
            .unwrap_or_else(|| panic!("{sub} --help has no exit codes: {help}"))
            .1
            .to_string();
        assert!(table.contains("130"), "{table}");
        tables.push(table);
    }
    assert!(tables.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn wrap_rules_are_documented_and_applied() {
    let out = recto().args(["convert", "--help"]).assert().success();
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        help.contains("'none' or 0 for one line per paragraph"),
        "{help}"
    );
    recto()
        .args(["convert", "--wrap", "5", "-t", "txt", "-o", "-"])
        .arg(data("wrapped-brief.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("10 or more"));
    let text = recto()
        .args(["convert", "--wrap", "0", "-t", "txt", "-o", "-"])
        .arg(data("wrapped-brief.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("This is a paragraph that was wrapped by hand at a narrow column, as plain text often is."),
        "{text}"
    );
}

#[test]
fn two_metadata_files_beside_one_input_are_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write(tmp.path(), "x.txt", PROSE);
    write(tmp.path(), "x.meta.toml", "title = \"From TOML\"\n");
    write(tmp.path(), "x.meta.yaml", "title: From YAML\n");
    let before = snapshot(tmp.path());
    recto()
        .arg("meta")
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("more than one metadata file"))
        .stderr(predicate::str::contains("x.meta.toml"))
        .stderr(predicate::str::contains("x.meta.yaml"));
    // Naming one with --meta settles it.
    recto()
        .arg("meta")
        .arg(&input)
        .arg("--meta")
        .arg(tmp.path().join("x.meta.yaml"))
        .assert()
        .success()
        .stdout(predicate::str::contains("From YAML"));
    assert_eq!(snapshot(tmp.path()), before);
}
