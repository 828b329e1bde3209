//! Rich Markdown through the model and every edition: footnotes, figures
//! and images, strikethrough, superscript and subscript, formulas, task
//! lists and definition lists, from `tests/data/rich.md`. Each edition is
//! checked by its validator (EPUBCheck, xmllint with both JATS DTDs, qpdf)
//! and by what a reader finds in it.

mod common;

use common::validate::{
    assert_qpdf_clean, epubcheck_problems, in_order, jats_problems, pdftotext, struct_tree,
};
use common::{data, recto, zip_entry, zip_names};
use recto::model::{Block, Document, Inline};
use recto::write::{self, Format, JatsTagset, WriteOptions};

fn loaded() -> (Document, WriteOptions, Vec<String>) {
    let path = data("rich.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (doc, _) = recto::read::markdown::parse(&text);
    let (resources, warnings) = recto::read::images::load(&doc, path.parent().unwrap());
    let options = WriteOptions {
        resources,
        ..WriteOptions::default()
    };
    (doc, options, warnings)
}

fn written(format: Format, doc: &Document, options: &WriteOptions) -> write::Output {
    write::write(format, doc, options).unwrap()
}

fn text(format: Format) -> String {
    let (doc, options, _) = loaded();
    String::from_utf8(written(format, &doc, &options).bytes).unwrap()
}

#[test]
fn the_reader_builds_notes_figures_and_rich_inlines() {
    let (doc, _, warnings) = loaded();
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
    let labels: Vec<&str> = doc.notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, ["method", "seasons", "coast"]);
    // The second note keeps both of its paragraphs.
    assert_eq!(doc.notes[1].blocks.len(), 2);
    let numbered: Vec<&str> = doc
        .numbered_notes()
        .iter()
        .map(|(_, n)| n.label.as_str())
        .collect();
    assert_eq!(numbered, ["method", "seasons", "coast"]);
    let figures = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Figure { .. }))
        .count();
    assert_eq!(figures, 3, "three images stand alone in their paragraphs");
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(b, Block::DefinitionList { items, .. } if items.len() == 2))
    );
    let json = doc.to_json();
    for needle in [
        "\"Strikeout\"",
        "\"Superscript\"",
        "\"Subscript\"",
        "\"Math\"",
        "\"Checkbox\"",
        "\"NoteRef\"",
    ] {
        assert!(json.contains(needle), "{needle} missing from the model");
    }
    match &doc.blocks[0] {
        Block::Heading { id, .. } => assert_eq!(id.as_deref(), Some("findings")),
        other => panic!("{other:?}"),
    }
    // The missing image is a warning, and its alt text stands in.
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("missing.png"), "{warnings:?}");
    assert!(warnings[0].ends_with("its alt text stands in"));
}

#[test]
fn a_figure_caption_is_not_a_second_image() {
    let (doc, _) = recto::read::markdown::parse("![Alt text](a.png)\n\nText ![b](b.png) here.\n");
    assert!(matches!(&doc.blocks[0], Block::Figure { image, .. } if image.alt == "Alt text"));
    let Block::Paragraph { content, .. } = &doc.blocks[1] else {
        panic!("{:?}", doc.blocks[1]);
    };
    assert!(content.iter().any(|i| matches!(i, Inline::Image(_))));
}

#[test]
fn epub_has_footnotes_both_ways_images_and_passes_epubcheck() {
    let (doc, options, _) = loaded();
    let out = written(Format::Epub, &doc, &options);
    common::validate::keep("rich.epub", &out.bytes);
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("rich.epub");
    std::fs::write(&book, &out.bytes).unwrap();
    let names = zip_names(&book);
    assert!(
        names.contains(&"EPUB/images/1-river.png".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"EPUB/images/2-sunset.jpg".to_string()),
        "{names:?}"
    );
    let opf = zip_entry(&book, "EPUB/package.opf").unwrap();
    assert!(
        opf.contains("href=\"images/1-river.png\" media-type=\"image/png\""),
        "{opf}"
    );
    assert!(
        opf.contains("href=\"images/2-sunset.jpg\" media-type=\"image/jpeg\""),
        "{opf}"
    );
    let body = zip_entry(&book, "EPUB/body.xhtml").unwrap();
    assert!(body.contains("<img src=\"images/1-river.png\" alt=\"A river at dawn, seen from the bridge\" title=\"River\"/>"), "{body}");
    assert!(body.contains("<figcaption>A river at dawn, seen from the bridge</figcaption>"));
    assert!(body.contains("<span class=\"image-missing\">A chart that was never drawn</span>"));
    assert!(
        body.contains("<s>$40</s>")
            && body.contains("<sub>low</sub>")
            && body.contains("<sup>high</sup>")
    );
    assert!(
        body.contains("<dl>\n<dt>Term one</dt>\n<dd>The first definition.</dd>"),
        "{body}"
    );
    assert!(body.contains("aria-label=\"done\""));
    assert!(body.contains(
        "<a epub:type=\"noteref\" role=\"doc-noteref\" id=\"fnref-1\" href=\"notes.xhtml#fn-1\">1</a>"
    ));
    let notes = zip_entry(&book, "EPUB/notes.xhtml").unwrap();
    assert!(notes.contains(
        "<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-1\">\n<p><a role=\"doc-backlink\" href=\"body.xhtml#fnref-1\""
    ), "{notes}");
    assert!(notes.contains("A second paragraph of the note."));
    let nav = zip_entry(&book, "EPUB/nav.xhtml").unwrap();
    assert!(nav.contains("epub:type=\"loi\""), "{nav}");
    match epubcheck_problems(&out.bytes) {
        Some(problems) => assert!(problems.is_empty(), "{problems}"),
        None => common::skip("EPUBCheck"),
    }
}

#[test]
fn jats_has_fn_group_xrefs_and_figures_valid_in_both_tag_sets() {
    let (doc, options, _) = loaded();
    for tagset in [JatsTagset::Archiving, JatsTagset::Publishing] {
        let options = WriteOptions {
            jats_tagset: tagset,
            ..options.clone()
        };
        let out = written(Format::Jats, &doc, &options);
        let xml = String::from_utf8(out.bytes.clone()).unwrap();
        assert!(
            xml.contains("<xref ref-type=\"fn\" rid=\"fn-1\">1</xref>"),
            "{xml}"
        );
        assert!(
            xml.contains("<fn-group>") && xml.contains("<fn id=\"fn-3\">"),
            "{xml}"
        );
        assert!(
            xml.contains("<graphic xlink:href=\"images/1-river.png\">"),
            "{xml}"
        );
        assert!(xml.contains("<inline-graphic xlink:href=\"images/1-river.png\">"));
        assert!(xml.contains("<strike>$40</strike>") && xml.contains("<sub>low</sub>"));
        assert!(xml.contains("<tex-math>E = mc^2</tex-math>"), "{xml}");
        assert!(xml.contains("<def-list>"));
        let files: Vec<&str> = out.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(files, ["images/1-river.png", "images/2-sunset.jpg"]);
        match jats_problems(&out.bytes, tagset) {
            Some(problems) => assert!(problems.is_empty(), "{tagset:?}: {problems}"),
            None => common::skip("xmllint"),
        }
    }
}

#[test]
fn pdf_carries_notes_as_endnotes_and_alt_text() {
    let (doc, options, _) = loaded();
    let out = written(Format::Pdf, &doc, &options);
    assert_qpdf_clean(&out.bytes);
    let tree = struct_tree(&out.bytes);
    let all = tree.all();
    let notes = all.iter().filter(|n| n.tag == "Note").count();
    assert_eq!(notes, 3, "one Note element per footnote");
    let alts: Vec<&str> = all
        .iter()
        .filter(|n| n.tag == "Figure")
        .map(|n| n.alt.as_deref().expect("every Figure has /Alt"))
        .collect();
    assert_eq!(
        alts,
        [
            "A river at dawn, seen from the bridge",
            "Orange sunset over the bay",
            "A chart that was never drawn"
        ]
    );
    for tag in ["Table", "TR", "TH", "TD"] {
        assert!(all.iter().any(|n| n.tag == tag), "no {tag}");
    }
    if common::pdf::have("pdfinfo") {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &out.bytes).unwrap();
        let info = common::pdf::pdfinfo(file.path());
        assert_eq!(common::pdf::info_field(&info, "Tagged"), Some("yes"));
    }
    // Every cell of the table, in row order, on the page as printed.
    if let Some(layout) = common::validate::pdftotext_layout(&out.bytes) {
        in_order(
            &layout,
            &[
                "Region",
                "Sites",
                "Share",
                "Note",
                "North",
                "12",
                "40%",
                "dry season only",
                "South",
                "7",
                "23%",
                "includes the coastal sites[3]",
                "East",
                "37%",
            ],
        )
        .unwrap_or_else(|e| panic!("{e}\n{layout}"));
    }
    let Some(text) = pdftotext(&out.bytes) else {
        return common::skip("pdftotext");
    };
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    in_order(
        &squeezed,
        &[
            "three regions[1]",
            "seasons.[2]",
            "[Image: A river at dawn, seen from the bridge]",
            "[Image: A chart that was never drawn]",
            "Term one",
            "The first definition.",
            "Notes",
            "[1] Sites were picked",
            "[2] Dry and wet.",
            "A second paragraph",
            "[3] Coastal sites",
        ],
    )
    .unwrap_or_else(|e| panic!("{e}\n{squeezed}"));
}

#[test]
fn text_edition_numbers_notes_and_shows_images_as_alt_text() {
    let txt = text(Format::Txt);
    for needle in [
        "three regions[1]",
        "[Image: A river at dawn, seen from the bridge]",
        "[Image: A chart that was never drawn]",
        "~~$40~~ $30",
        "~low~ and raised ^high^",
        "[x] collect the samples",
        "[ ] write the report",
        "Term one\n\n    The first definition.",
        "[1] Sites were picked at random",
        "[3] Coastal sites count once.",
    ] {
        assert!(txt.contains(needle), "{needle:?} missing:\n{txt}");
    }
}

#[test]
fn the_cli_copies_images_next_to_the_jats_edition() {
    let out = tempfile::tempdir().unwrap();
    let assert = recto()
        .arg("convert")
        .arg("-o")
        .arg(out.path())
        .arg(data("rich.md"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("missing.png"), "{stderr}");
    let dir = out.path().join("rich");
    assert!(dir.join("images/1-river.png").is_file());
    assert!(dir.join("images/2-sunset.jpg").is_file());
    assert_eq!(
        std::fs::read(dir.join("images/1-river.png")).unwrap(),
        std::fs::read(data("images/river.png")).unwrap()
    );
}

/// Markdown pieces with notes, images, marks and definition lists,
/// joined at random: references to notes that exist or not, notes
/// defined twice or never referenced, images that load or not.
fn rich_piece() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        Just("Text with a note[^a] and another[^b].".to_string()),
        Just("A reference to nothing[^zz].".to_string()),
        Just("[^a]: The first note, with ~~struck~~ text.".to_string()),
        Just("[^a]: Defined twice.".to_string()),
        Just("[^b]: A note with a [^a] reference inside.".to_string()),
        Just("[^unused]: Never referenced.".to_string()),
        Just("![A river](images/river.png)".to_string()),
        Just("![Gone](images/none.png \"Title\")".to_string()),
        Just("Inline ![icon](images/sunset.jpg) image.".to_string()),
        Just("Term\n: Definition with ^raised^ text.".to_string()),
        Just("- [ ] open\n- [x] done".to_string()),
        Just("| a | b |\n|---|---|\n| 1[^a] | ![x](images/river.png) |".to_string()),
        Just("Math $x^2$ and $$\\int f$$ here.".to_string()),
        "[a-z ]{0,30}".prop_map(|s| s),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn random_rich_markdown_stays_valid_in_every_writer(
        pieces in proptest::collection::vec(rich_piece(), 1..10)
    ) {
        let text = pieces.join("\n\n");
        let (doc, _) = recto::read::markdown::parse(&text);
        proptest::prop_assert!(doc.validate().is_empty(), "{:?}\n{text}", doc.validate());
        let base = data("rich.md");
        let (resources, _) = recto::read::images::load(&doc, base.parent().unwrap());
        let options = WriteOptions { resources, ..WriteOptions::default() };
        let txt = String::from_utf8(written(Format::Txt, &doc, &options).bytes).unwrap();
        for note in &doc.notes {
            let words = note.blocks.first().map(Block::plain_text).unwrap_or_default();
            for word in words.split_whitespace() {
                proptest::prop_assert!(txt.contains(word), "{word} lost:\n{txt}");
            }
        }
        for format in [Format::Pdf, Format::Epub, Format::Jats] {
            let out = written(format, &doc, &options);
            proptest::prop_assert!(!out.bytes.is_empty());
        }
        let xml = written(Format::Jats, &doc, &options).bytes;
        if let Some(problems) = jats_problems(&xml, JatsTagset::Archiving) {
            proptest::prop_assert!(problems.is_empty(), "{problems}\n{text}");
        }
    }
}

/// The editions of rich.md as `recto convert` writes them (front matter,
/// normalization, images) against reviewed goldens (`tests/golden/rich/`;
/// `UPDATE_GOLDEN=1` rewrites them): the text edition, the JATS XML and
/// the EPUB's content documents. (The PDF is checked above through its
/// structure tree and text; its pages were looked at as images.)
#[test]
fn rich_editions_match_their_reviewed_goldens() {
    let tmp = tempfile::tempdir().unwrap();
    recto()
        .env("SOURCE_DATE_EPOCH", "1761177600")
        .arg("convert")
        .arg(data("rich.md"))
        .args(["-q", "-t", "txt,jats,epub", "-o"])
        .arg(tmp.path())
        .assert()
        .success();
    let dir = tmp.path().join("rich");
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("rich.{ext}"))).unwrap();
    common::golden::assert_golden("rich/rich.txt", &read("txt"), "rich.md's text edition");
    common::golden::assert_golden("rich/rich.xml", &read("xml"), "rich.md's JATS");
    let epub = dir.join("rich.epub");
    let mut names: Vec<String> = zip_names(&epub)
        .into_iter()
        .filter(|n| n.ends_with(".xhtml") && !n.ends_with("nav.xhtml"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let xhtml = zip_entry(&epub, &name).unwrap();
        let base = name.rsplit('/').next().unwrap();
        common::golden::assert_golden(
            &format!("rich/epub/{base}"),
            &xhtml,
            &format!("rich.md's EPUB {name}"),
        );
    }
}
