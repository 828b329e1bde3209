//! The round trip (issue #19): every committed edition of the sample,
//! read back as text (the PDF through pdftotext, the EPUB and the JATS XML
//! by their text) and converted again, gives the title, the authors and
//! the blocks of the first conversion.

mod common;

use std::path::{Path, PathBuf};

use common::{SAMPLE_STEM, recto, root, sample_input};

/// `recto normalize --format json` of `input`, parsed.
fn model_of(input: &Path) -> serde_json::Value {
    let out = recto()
        .args(["normalize", "--format", "json"])
        .arg(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn edition(ext: &str) -> PathBuf {
    root()
        .join("output")
        .join(SAMPLE_STEM)
        .join(format!("{SAMPLE_STEM}.{ext}"))
}

/// Title, author names and the body blocks (kind and text) of a model.
fn shape(model: &serde_json::Value) -> (String, Vec<String>, Vec<String>) {
    let title = common::model_json_text(&model["meta"]["title"]);
    let authors = model["meta"]["authors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    let blocks = model["blocks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| {
            format!(
                "{}: {}",
                b["t"].as_str().unwrap_or("?"),
                common::model_json_text(b)
            )
        })
        .collect();
    (title, authors, blocks)
}

/// How much of the blocks a round trip keeps.
#[derive(PartialEq)]
enum Keeps {
    /// Every block, its kind and its text.
    Blocks,
    /// Every word of the blocks, in order; not every paragraph break (see
    /// the PDF test).
    Words,
    /// The title and the authors only.
    Metadata,
}

fn round_trip(name: &str, text: &str, keeps: Keeps) {
    let tmp = tempfile::tempdir().unwrap();
    let extracted = tmp.path().join(format!("{SAMPLE_STEM}.{name}.txt"));
    std::fs::write(&extracted, text).unwrap();
    let (title, authors, blocks) = shape(&model_of(&sample_input()));
    let (title2, authors2, blocks2) = shape(&model_of(&extracted));
    assert_eq!(title2, title, "{name}: the title");
    assert_eq!(authors2, authors, "{name}: the authors");
    if keeps == Keeps::Metadata {
        return;
    }
    if keeps == Keeps::Words {
        let words = |blocks: &[String]| -> Vec<String> {
            blocks
                .iter()
                .flat_map(|b| {
                    b.split_once(": ")
                        .map_or(b.as_str(), |(_, t)| t)
                        .split_whitespace()
                })
                .map(str::to_string)
                .collect()
        };
        let (w, w2) = (words(&blocks), words(&blocks2));
        if let Some(i) = (0..w.len().max(w2.len())).find(|&i| w.get(i) != w2.get(i)) {
            panic!(
                "{name}: word {i} differs: {:?} / read back {:?}",
                &w[i.saturating_sub(8)..(i + 8).min(w.len())],
                &w2[i.saturating_sub(8)..(i + 8).min(w2.len())]
            );
        }
        return;
    }
    if let Some(i) = (0..blocks.len().max(blocks2.len())).find(|&i| blocks.get(i) != blocks2.get(i))
    {
        panic!(
            "{name}: block {i} of {} (read back: {}) differs:\n  first:     {:?}\n  read back: {:?}",
            blocks.len(),
            blocks2.len(),
            blocks.get(i),
            blocks2.get(i)
        );
    }
}

#[test]
fn the_text_edition_round_trips() {
    round_trip(
        "txt",
        &std::fs::read_to_string(edition("txt")).unwrap(),
        Keeps::Blocks,
    );
}

/// Recto's own PDF of the sample, through pdftotext and back: the title set
/// on two lines comes back whole (it was cut after "...Summit: An", the
/// rest read as a heading) and the author once (it was read twice).
#[test]
fn the_pdf_edition_round_trips_title_and_authors() {
    if let Some(text) = common::extract::pdf_text(&edition("pdf")) {
        round_trip("pdf", &text, Keeps::Metadata);
    }
}

/// The PDF sets paragraphs without a blank line or an indent between
/// them, and pdftotext gives none: a paragraph whose last line is full
/// reads as running on into the next, and joining them is the safe side
/// of do-no-harm. Title, authors and every word come back; two of the
/// paragraph breaks do not (open: issue #19).
#[test]
#[ignore = "open (issues 13, 19): the sample's only printed page number, \"2\" on its last page, is kept (page-artifacts wants a number on two pages), and 'About the author' above it then stays in the body"]
fn the_pdf_edition_round_trips_title_authors_and_words() {
    if let Some(text) = common::extract::pdf_text(&edition("pdf")) {
        round_trip("pdf", &text, Keeps::Words);
    }
}

#[test]
fn the_epub_edition_round_trips() {
    round_trip(
        "epub",
        &common::extract::epub_text(&edition("epub")),
        Keeps::Blocks,
    );
}

#[test]
fn the_jats_edition_round_trips() {
    let xml = std::fs::read_to_string(edition("xml")).unwrap();
    round_trip("jats", &common::extract::jats_text(&xml), Keeps::Blocks);
}
