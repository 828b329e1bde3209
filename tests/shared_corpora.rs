//! The `shared_corpora` group: checks that use the team's larger corpora and
//! tools kept beside the repository in `../shared` (or `RECTO_SHARED_DIR`):
//! the dev and dev2 normalization corpora and the edition referee.
//!
//! A clone without `../shared` cannot run them, and says so in its summary
//! line (`test result: skipped: ../shared not found. 0 passed; ...`) instead
//! of counting them as passed: this group has its own small harness
//! (`harness = false` in Cargo.toml) because libtest has no "skipped at run
//! time" outcome. `RECTO_REQUIRE_VALIDATORS=1` makes a missing validator a
//! failure here as everywhere, but never a missing `../shared`.
//!
//! Every check here has a counterpart on the repository's own corpus
//! (`tests/local_corpus.rs`) that always runs.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use common::group::{self, Check, Outcome};
use common::{SAMPLE_STEM, have, recto, root, run};
use recto::write::WriteOptions;

const CHECKS: &[(&str, Check)] = &[
    ("dev_corpora_normalize", dev_corpora_normalize),
    ("dev_corpora_give_valid_jats", dev_corpora_give_valid_jats),
    ("dev_corpora_pass_epubcheck", dev_corpora_pass_epubcheck),
    (
        "dev_corpus_passes_the_pdf_validators",
        dev_corpus_passes_the_pdf_validators,
    ),
    (
        "sample_editions_pass_the_referee",
        sample_editions_pass_the_referee,
    ),
    (
        "dev_markdown_tables_are_tables_in_every_edition",
        dev_markdown_tables_are_tables_in_every_edition,
    ),
    (
        "printed_page_numbers_become_the_epub_page_list",
        printed_page_numbers_become_the_epub_page_list,
    ),
];

// ------------------------------------------------------------ the checks

/// The damaged inputs of `corpus/<name>` under the shared folder.
fn corpus(shared: &Path, name: &str) -> Vec<PathBuf> {
    let dir = shared.join("corpus").join(name);
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 10,
        "{}: {} inputs",
        dir.display(),
        inputs.len()
    );
    inputs
}

fn dev_and_dev2(shared: &Path) -> Vec<PathBuf> {
    let mut all = corpus(shared, "dev");
    all.extend(corpus(shared, "dev2"));
    all
}

fn normalized(input: &Path) -> recto::model::Document {
    let raw = std::fs::read_to_string(input).unwrap();
    recto::normalize::normalize_text(&raw, &Default::default()).0
}

fn dev_corpora_normalize(shared: &Path) -> Outcome {
    for input in dev_and_dev2(shared) {
        recto().arg("normalize").arg(&input).assert().success();
    }
    Outcome::Passed
}

fn dev_corpora_give_valid_jats(shared: &Path) -> Outcome {
    if !common::jats::xmllint_available() {
        return Outcome::Skipped("xmllint is not installed".into());
    }
    let inputs = dev_and_dev2(shared);
    let dir = tempfile::tempdir().unwrap();
    for tagset in common::jats::TAGSETS {
        let options = WriteOptions {
            jats_tagset: tagset,
            ..WriteOptions::default()
        };
        let mut files = Vec::new();
        for input in &inputs {
            let out = recto::write::jats::write(&normalized(input), &options).unwrap();
            let file = dir.path().join(format!(
                "{tagset:?}-{}.xml",
                input.file_stem().unwrap().to_string_lossy()
            ));
            std::fs::write(&file, out.bytes).unwrap();
            files.push(file);
        }
        common::jats::assert_valid(&files, tagset);
    }
    Outcome::Passed
}

fn dev_corpora_pass_epubcheck(shared: &Path) -> Outcome {
    if common::epub::epubcheck_jar().is_none() {
        return Outcome::Skipped("EPUBCheck is not installed".into());
    }
    let dir = tempfile::tempdir().unwrap();
    let mut books = Vec::new();
    for input in dev_and_dev2(shared) {
        let out = recto::write::epub::write(&normalized(&input), &WriteOptions::default()).unwrap();
        let path = dir
            .path()
            .join(input.file_name().unwrap())
            .with_extension("epub");
        std::fs::write(&path, out.bytes).unwrap();
        books.push(path);
    }
    common::epub::keep(&books);
    common::epub::assert_clean(&books);
    Outcome::Passed
}

fn dev_corpus_passes_the_pdf_validators(shared: &Path) -> Outcome {
    if !common::pdf::have_all() {
        return Outcome::Skipped("qpdf or poppler-utils is not installed".into());
    }
    let mut failures = Vec::new();
    for input in corpus(shared, "dev") {
        let doc = normalized(&input);
        let out = recto::write::pdf::write(&doc, &WriteOptions::default()).unwrap();
        let file = common::pdf::save(&out.bytes);
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        failures.extend(common::pdf::document_failures(
            &name, &doc, &file.path, 0.005,
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Outcome::Passed
}

/// The dev corpus's own Markdown files (README, SOURCES, BASELINES) are
/// full of pipe tables: each is a table in every edition (JATS `<table>`,
/// EPUB `<table>`, a PDF `Table` structure element), and no edition shows
/// a table's `|---|` rule as text.
fn dev_markdown_tables_are_tables_in_every_edition(shared: &Path) -> Outcome {
    let dir = shared.join("corpus/dev");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{}: no Markdown files", dir.display());
    let options = WriteOptions::default();
    let mut tables_seen = 0;
    for input in inputs {
        let text = std::fs::read_to_string(&input).unwrap();
        let (doc, _) = recto::read::markdown::parse(&text);
        let tables = text
            .lines()
            .filter(|l| {
                let t = l.trim();
                t.starts_with('|') && t.contains("---") && t.chars().all(|c| "|-: ".contains(c))
            })
            .count();
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let jats =
            String::from_utf8(recto::write::jats::write(&doc, &options).unwrap().bytes).unwrap();
        assert_eq!(jats.matches("<table>").count(), tables, "{name}: JATS");
        let epub = recto::write::epub::write(&doc, &options).unwrap().bytes;
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &epub).unwrap();
        let xhtml: String = common::zip_names(file.path())
            .iter()
            .filter(|n| n.ends_with(".xhtml") && !n.ends_with("nav.xhtml"))
            .map(|n| common::zip_entry(file.path(), n).unwrap())
            .collect();
        assert_eq!(xhtml.matches("<table").count(), tables, "{name}: EPUB");
        let pdf = recto::write::pdf::write(&doc, &options).unwrap().bytes;
        let tree = common::validate::struct_tree(&pdf);
        let in_pdf = tree.all().iter().filter(|n| n.tag == "Table").count();
        assert_eq!(in_pdf, tables, "{name}: PDF");
        let txt =
            String::from_utf8(recto::write::txt::write(&doc, &options).unwrap().bytes).unwrap();
        for edition in [&jats, &xhtml, &txt] {
            assert!(
                !edition.contains("|---") && !edition.contains("| ---"),
                "{name}: a table shown as text"
            );
        }
        tables_seen += tables;
    }
    assert!(
        tables_seen >= 3,
        "{tables_seen} tables in the dev Markdown files"
    );
    Outcome::Passed
}

/// The page number one page of an extract prints at its top or bottom edge,
/// read independently of Recto: a line of only an arabic number, or
/// `Page N`, `Page N of M`, `[Page N]`, `- N -`, `N/M`, or a line that
/// ends or starts with such a number after a wide gap (a running head or
/// footer: `Title      7`, `Author   Informational   [Page 6]`).
fn printed_number(page: &str) -> Option<u32> {
    let lines: Vec<&str> = page
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let edge = lines.iter().take(2).chain(lines.iter().rev().take(2));
    static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
        r"^(?:(\d{1,4})|[Pp]age (\d{1,4})(?: of \d+)?|\[Page (\d{1,4})\]|[-\u{2013}\u{2014}] (\d{1,4}) [-\u{2013}\u{2014}]|(\d{1,4}) ?/ ?\d{1,4}|.*\S {6,}(\d{1,4})|(\d{1,4}) {6,}\S.*|.*\S {6,}\[Page (\d{1,4})\]|.*\S {6,}(\d{1,4}) ?/ ?\d{1,4})$",
        )
        .unwrap()
    });
    edge.filter_map(|l| PATTERN.captures(l))
        .filter_map(|c| c.iter().skip(1).flatten().next()?.as_str().parse().ok())
        .next()
}

/// Every dev and dev2 input whose pages (form feeds) all show a page number
/// that counts up by one (the first page may show none: it is counted back
/// from the second) gives an EPUB whose page list holds exactly those
/// numbers, in order, and JATS whose `fpage`/`lpage` are the first and the
/// last. The expected labels come from the input's own furniture, read here
/// with a rule of this test, not from a stored list.
fn printed_page_numbers_become_the_epub_page_list(shared: &Path) -> Outcome {
    let link = regex::Regex::new(r"<a [^>]*>([^<]*)</a>").unwrap();
    let mut checked = Vec::new();
    for input in dev_and_dev2(shared) {
        let raw = std::fs::read_to_string(&input).unwrap();
        if !raw.contains('\u{c}') {
            continue;
        }
        let pages: Vec<&str> = raw
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let numbers: Vec<Option<u32>> = pages.iter().map(|p| printed_number(p)).collect();
        let Some(Some(second)) = numbers.get(1) else {
            continue;
        };
        let first = numbers[0].unwrap_or(second.saturating_sub(1));
        let expected: Vec<u32> = (0..pages.len() as u32).map(|k| first + k).collect();
        let counts_up = first > 0
            && numbers
                .iter()
                .zip(&expected)
                .skip(1)
                .all(|(n, e)| *n == Some(*e));
        if !counts_up {
            continue;
        }
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let doc = normalized(&input);
        let epub = recto::write::epub::write(&doc, &WriteOptions::default()).unwrap();
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &epub.bytes).unwrap();
        let nav_name = common::zip_names(file.path())
            .into_iter()
            .find(|n| n.ends_with("nav.xhtml"))
            .unwrap();
        let nav = common::zip_entry(file.path(), &nav_name).unwrap();
        let list = nav
            .split("epub:type=\"page-list\"")
            .nth(1)
            .and_then(|rest| rest.split("</nav>").next())
            .unwrap_or_default();
        let labels: Vec<String> = link.captures_iter(list).map(|c| c[1].to_string()).collect();
        let want: Vec<String> = expected.iter().map(u32::to_string).collect();
        assert_eq!(labels, want, "{name}: the EPUB page list");
        let jats = recto::write::jats::write(&doc, &WriteOptions::default()).unwrap();
        let jats = String::from_utf8(jats.bytes).unwrap();
        for (tag, page) in [("fpage", &want[0]), ("lpage", &want[want.len() - 1])] {
            assert!(
                jats.contains(&format!("<{tag}>{page}</{tag}>")),
                "{name}: JATS {tag} {page}"
            );
        }
        checked.push(name);
    }
    assert!(
        checked.len() >= 5,
        "only {} inputs checked: {checked:?}",
        checked.len()
    );
    eprintln!("page lists checked: {}", checked.join(", "));
    Outcome::Passed
}

fn sample_editions_pass_the_referee(shared: &Path) -> Outcome {
    let checker = shared.join("tools/check-outputs");
    if !checker.is_file() {
        return Outcome::Skipped(format!("{} is not there", checker.display()));
    }
    for tool in [
        "python3",
        "xmllint",
        "qpdf",
        "pdfinfo",
        "pdffonts",
        "pdftotext",
    ] {
        if !have(tool, "the shared referee") {
            return Outcome::Skipped(format!("{tool} is not installed"));
        }
    }
    if common::epub::epubcheck_jar().is_none() {
        return Outcome::Skipped("EPUBCheck is not installed".into());
    }
    let tmp = tempfile::tempdir().unwrap();
    recto()
        .current_dir(root())
        .args(["convert", "-q", "-o"])
        .arg(tmp.path())
        .arg(common::sample_input())
        .assert()
        .success();
    let dir = tmp.path().join(SAMPLE_STEM);
    // The referee takes exactly one file per edition.
    std::fs::remove_file(dir.join(format!("{SAMPLE_STEM}.repairs.json"))).unwrap();
    let (ok, out, err) = run(Command::new("python3").arg(&checker).arg(&dir));
    let bad: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("FAIL") || l.starts_with("WARN"))
        .collect();
    assert!(ok && bad.is_empty(), "referee:\n{out}\n{err}");
    Outcome::Passed
}

fn main() -> ExitCode {
    group::main(CHECKS)
}
