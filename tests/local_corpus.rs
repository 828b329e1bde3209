//! Every document of the repository's own corpus (`tests/corpus`, see its
//! README) through the real binary into every edition, and every edition
//! through its validator: xmllint with the vendored JATS DTDs (both tag
//! sets), EPUBCheck, qpdf and poppler. Needs nothing beside the repository.

mod common;

use std::path::{Path, PathBuf};

use common::{local_corpus, recto};
use recto::write::{JatsTagset, WriteOptions};

/// The PDF's extracted words against the text edition's. Not zero: where
/// a document has an author's bio, the PDF heads it "About the author" and
/// the text edition prints the author's name and affiliation under it
/// (8 words in 190 for `libraries-after-hours`).
const MAX_WORD_ERROR_RATE: f64 = 0.05;

/// Converts the whole corpus in one batch run into `out`.
fn convert_all(out: &Path) -> Vec<PathBuf> {
    let inputs = local_corpus();
    recto()
        .current_dir(common::root())
        .args(["convert", "-q", "-t", "pdf,epub,jats,txt,ast", "-o"])
        .arg(out)
        .args(&inputs)
        .assert()
        .success();
    inputs
}

/// The output directory of an input of the corpus.
fn dir_of(out: &Path, input: &Path) -> PathBuf {
    out.join(input.file_stem().unwrap())
}

fn edition(out: &Path, input: &Path, ext: &str) -> PathBuf {
    let stem = input.file_stem().unwrap().to_string_lossy();
    dir_of(out, input).join(format!("{stem}.{ext}"))
}

#[test]
fn every_document_gives_every_edition_and_they_validate() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    let inputs = convert_all(out);

    let xmls: Vec<PathBuf> = inputs.iter().map(|i| edition(out, i, "xml")).collect();
    common::jats::assert_valid(&xmls, JatsTagset::Archiving);

    let books: Vec<PathBuf> = inputs.iter().map(|i| edition(out, i, "epub")).collect();
    common::epub::assert_clean(&books);

    if common::pdf::have_all() {
        let mut failures = Vec::new();
        for input in &inputs {
            let loaded = recto::convert::load(input, &Default::default()).unwrap();
            let name = input.file_name().unwrap().to_string_lossy();
            let pdf = edition(out, input, "pdf");
            failures.extend(common::pdf::document_failures(
                &name,
                &loaded.doc,
                &pdf,
                MAX_WORD_ERROR_RATE,
            ));
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    for input in &inputs {
        let text = std::fs::read_to_string(edition(out, input, "txt")).unwrap();
        // Raw text has its title found by normalization; Markdown without
        // front matter has none (as in pandoc).
        if input.extension().is_some_and(|e| e == "txt") {
            assert!(
                text.contains("Title: "),
                "{}: no title:\n{text}",
                input.display()
            );
        }
        let ast = std::fs::read_to_string(edition(out, input, "ast.json")).unwrap();
        let doc = recto::model::Document::from_json(&ast).unwrap();
        assert!(
            doc.validate().is_empty(),
            "{}: {:?}",
            input.display(),
            doc.validate()
        );
    }
}

#[test]
fn every_document_gives_valid_publishing_jats() {
    let dir = tempfile::tempdir().unwrap();
    let options = WriteOptions {
        jats_tagset: JatsTagset::Publishing,
        ..WriteOptions::default()
    };
    let mut files = Vec::new();
    for input in local_corpus() {
        let loaded = recto::convert::load(&input, &Default::default()).unwrap();
        let out = recto::write::jats::write(&loaded.doc, &options).unwrap();
        let file = dir
            .path()
            .join(input.file_name().unwrap())
            .with_extension("xml");
        std::fs::write(&file, out.bytes).unwrap();
        files.push(file);
    }
    common::jats::assert_valid(&files, JatsTagset::Publishing);
}

#[test]
fn every_document_normalizes_the_same_twice() {
    for input in local_corpus() {
        let once = recto().arg("normalize").arg(&input).assert().success();
        let once = String::from_utf8(once.get_output().stdout.clone()).unwrap();
        assert!(!once.trim().is_empty(), "{}", input.display());
        let twice = recto()
            .args(["normalize", "--input-format", "text", "-"])
            .write_stdin(once.clone())
            .assert()
            .success();
        let twice = String::from_utf8(twice.get_output().stdout.clone()).unwrap();
        if input.extension().is_some_and(|e| e == "txt") {
            assert_eq!(once, twice, "{}: not idempotent", input.display());
        }
    }
}

#[test]
fn what_the_corpus_readme_promises_holds() {
    let load = |name: &str| {
        let path = common::root().join("tests/corpus").join(name);
        recto::convert::load(&path, &Default::default()).unwrap()
    };
    let doc = load("harbour-report.pdf.txt").doc;
    assert_eq!(
        doc.meta.title_text().as_deref(),
        Some("Winter Repairs at the Old Harbour")
    );
    let body: String = doc
        .blocks
        .iter()
        .map(recto::model::Block::plain_text)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(body.contains("original foundation"), "{body}");
    assert!(!body.contains("Old Harbour 2"), "running head left: {body}");

    let text = recto::write::txt::render_repaired(&load("build-cache.code.txt").doc, false);
    for word in ["BUILD_CACHE_DIR", "make -j4 all", "carol", "4.8 GB"] {
        assert!(text.contains(word), "{word} lost:\n{text}");
    }

    let loaded = load("marche-du-samedi.wrap.txt");
    assert_eq!(loaded.doc.meta.language.as_deref(), Some("fr"));
}
