//! The four editions together: the committed sample editions regenerate
//! byte for byte, and one metadata record reads back the same from every
//! edition. (The team's referee, `../shared/tools/check-outputs`, runs in the
//! `shared_corpora` group.)

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{SAMPLE_STEM, have, recto, root, run, zip_entry, zip_names};

fn convert(args: &[&str], inputs: &[&Path], out: &Path) {
    let mut cmd = recto();
    cmd.current_dir(root())
        .arg("convert")
        .args(args)
        .arg("-o")
        .arg(out)
        .args(inputs);
    cmd.assert().success();
}

fn files_of(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    v.sort();
    v
}

#[test]
fn committed_sample_editions_regenerate_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    // The path as the README's command gives it: the repair report names it.
    let input = PathBuf::from("input").join(format!("{SAMPLE_STEM}.txt"));
    convert(&[], &[&input], tmp.path());
    let committed = root().join("output").join(SAMPLE_STEM);
    let fresh = tmp.path().join(SAMPLE_STEM);
    let names = |d: &Path| -> Vec<String> {
        files_of(d)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&committed), names(&fresh), "the same files");
    for file in files_of(&fresh) {
        let name = file.file_name().unwrap();
        let want = std::fs::read(committed.join(name)).unwrap();
        let got = std::fs::read(&file).unwrap();
        assert!(
            want == got,
            "{} differs from the committed copy: regenerate output/ with `cargo run --release -- convert` and review",
            name.to_string_lossy()
        );
    }
}

fn full_metadata_file() -> &'static str {
    r#"
title = "Reading Back Everything"
subtitle = "A Test of Metadata"
date = "2025-10-23"
language = "en"
identifier = "doi:10.5555/recto.test.1"
publisher = "Test Press"
series = "Test Series"
abstract = "An abstract with words that every edition must carry."
keywords = ["alpha", "beta gamma"]
license = "https://creativecommons.org/licenses/by/4.0/"
journal_title = "Journal of Tests"
journal_id = "J Tests"
issn = "2049-3630"
eissn = "2434-561X"
volume = 7
issue = "2"
fpage = "101"
lpage = "112"
subjects = ["Research Article"]
copyright_year = 2025
copyright_holder = "The Authors"

[[authors]]
name = "Ada Lovelace"
affiliations = ["Analytical Society, University of London"]
email = "ada@example.org"
orcid = "0000-0002-1825-0097"

[[authors]]
name = "Charles Babbage"
affiliations = ["Difference Engine Works"]
email = "charles@example.org"
orcid = "0000-0001-5109-3700"
"#
}

#[test]
fn full_metadata_reads_back_from_every_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("meta-test.md");
    std::fs::write(
        &input,
        "# Introduction\n\nSome *body* text for the test, long enough to be a paragraph.\n",
    )
    .unwrap();
    std::fs::write(tmp.path().join("meta-test.meta.toml"), full_metadata_file()).unwrap();
    let out = tmp.path().join("out");
    convert(&[], &[&input], &out);
    let dir = out.join("meta-test");

    // Plain text.
    let txt = std::fs::read_to_string(dir.join("meta-test.txt")).unwrap();
    let header = common::editions::txt_header(&txt);
    let get = |k: &str| -> Vec<&str> {
        header
            .iter()
            .filter(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    assert_eq!(get("Title"), ["Reading Back Everything"]);
    assert_eq!(get("Subtitle"), ["A Test of Metadata"]);
    assert_eq!(get("Author").len(), 2);
    assert_eq!(get("Author")[0], "Ada Lovelace <ada@example.org>");
    assert!(get("Author")[1].starts_with("Charles Babbage"));
    assert_eq!(get("Date"), ["2025-10-23"]);
    assert_eq!(get("Language"), ["en"]);
    assert_eq!(get("Identifier"), ["doi:10.5555/recto.test.1"]);
    assert_eq!(get("Publisher"), ["Test Press"]);
    assert_eq!(get("Series"), ["Test Series"]);
    assert_eq!(get("Keywords"), ["alpha, beta gamma"]);
    assert_eq!(
        get("License"),
        ["https://creativecommons.org/licenses/by/4.0/"]
    );
    assert!(get("Abstract")[0].contains("every edition must carry"));

    // JATS.
    let jats = std::fs::read_to_string(dir.join("meta-test.xml")).unwrap();
    for needle in [
        "<article-title>Reading Back Everything</article-title>",
        "<subtitle>A Test of Metadata</subtitle>",
        "<surname>Lovelace</surname>",
        "<given-names>Ada</given-names>",
        "<surname>Babbage</surname>",
        "ada@example.org",
        "0000-0002-1825-0097",
        "Analytical Society",
        "iso-8601-date=\"2025-10-23\"",
        "xml:lang=\"en\"",
        "pub-id-type=\"doi\">10.5555/recto.test.1<",
        "Test Press",
        "<kwd>alpha</kwd>",
        "<kwd>beta gamma</kwd>",
        "https://creativecommons.org/licenses/by/4.0/",
        "every edition must carry",
        "<journal-id journal-id-type=\"publisher-id\">J Tests</journal-id>",
        "<journal-title>Journal of Tests</journal-title>",
        "<issn pub-type=\"ppub\" publication-format=\"print\">2049-3630</issn>",
        "<issn pub-type=\"epub\" publication-format=\"electronic\">2434-561X</issn>",
        "<subject>Research Article</subject>",
        "<volume>7</volume>",
        "<issue>2</issue>",
        "<fpage>101</fpage>",
        "<lpage>112</lpage>",
        "<copyright-statement>\u{a9} 2025 The Authors</copyright-statement>",
        "<copyright-year>2025</copyright-year>",
        "<copyright-holder>The Authors</copyright-holder>",
    ] {
        assert!(jats.contains(needle), "JATS lacks {needle}");
    }
    assert!(
        jats.find("Lovelace").unwrap() < jats.find("Babbage").unwrap(),
        "JATS authors in order"
    );

    // EPUB package.
    let epub = dir.join("meta-test.epub");
    let opf_name = zip_names(&epub)
        .into_iter()
        .find(|n| n.ends_with(".opf"))
        .expect("an OPF package document");
    let opf = zip_entry(&epub, &opf_name).unwrap();
    for needle in [
        "Reading Back Everything",
        "A Test of Metadata",
        "Ada Lovelace",
        "Charles Babbage",
        "Lovelace, Ada",
        ">2025-10-23",
        "<dc:language>en</dc:language>",
        "10.5555/recto.test.1",
        "Test Press",
        ">alpha</dc:subject>",
        ">beta gamma</dc:subject>",
        "https://creativecommons.org/licenses/by/4.0/",
        "every edition must carry",
    ] {
        assert!(opf.contains(needle), "OPF lacks {needle}");
    }
    assert!(opf.find("Ada Lovelace").unwrap() < opf.find("Charles Babbage").unwrap());

    // PDF Info and XMP.
    if !have("pdfinfo", "PDF metadata") {
        return;
    }
    let pdf = dir.join("meta-test.pdf");
    let (ok, info, err) = run(Command::new("pdfinfo").args(["-enc", "UTF-8"]).arg(&pdf));
    assert!(ok, "{err}");
    for needle in [
        "Reading Back Everything",
        "Ada Lovelace",
        "Charles Babbage",
        "every edition must carry",
        "alpha",
        "beta gamma",
        "Tagged:          yes",
    ] {
        assert!(info.contains(needle), "pdfinfo lacks {needle}:\n{info}");
    }
    let (ok, xmp, _) = run(Command::new("pdfinfo").arg("-meta").arg(&pdf));
    assert!(ok);
    for needle in [
        "Reading Back Everything",
        "Ada Lovelace",
        "Charles Babbage",
        "2025-10-23",
        "10.5555/recto.test.1",
        "Test Press",
        "https://creativecommons.org/licenses/by/4.0/",
        "every edition must carry",
    ] {
        assert!(xmp.contains(needle), "XMP lacks {needle}");
    }
    assert!(xmp.find("Ada Lovelace").unwrap() < xmp.find("Charles Babbage").unwrap());
}

#[test]
fn flags_override_the_sidecar_in_every_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("prec.md");
    std::fs::write(&input, "Body text of the precedence test.\n").unwrap();
    std::fs::write(
        tmp.path().join("prec.meta.toml"),
        "title = \"Sidecar Title\"\npublisher = \"Sidecar Press\"\nauthors = [\"Side Car\"]\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    convert(&["--set", "title=Flag Title"], &[&input], &out);
    let dir = out.join("prec");
    let txt = std::fs::read_to_string(dir.join("prec.txt")).unwrap();
    let jats = std::fs::read_to_string(dir.join("prec.xml")).unwrap();
    let opf_name = zip_names(&dir.join("prec.epub"))
        .into_iter()
        .find(|n| n.ends_with(".opf"))
        .unwrap();
    let opf = zip_entry(&dir.join("prec.epub"), &opf_name).unwrap();
    for (name, text) in [("txt", &txt), ("jats", &jats), ("epub", &opf)] {
        assert!(text.contains("Flag Title"), "{name}: the flag wins");
        assert!(
            !text.contains("Sidecar Title"),
            "{name}: the sidecar title is overridden"
        );
        assert!(
            text.contains("Sidecar Press"),
            "{name}: the sidecar fills the rest"
        );
        assert!(
            text.contains("Side Car") || text.contains("<surname>Car</surname>"),
            "{name}: sidecar author"
        );
    }
    if have("pdfinfo", "PDF metadata") {
        let (_, info, _) = run(Command::new("pdfinfo").arg(dir.join("prec.pdf")));
        assert!(info.contains("Flag Title") && !info.contains("Sidecar Title"));
        let (_, xmp, _) = run(Command::new("pdfinfo")
            .arg("-meta")
            .arg(dir.join("prec.pdf")));
        assert!(xmp.contains("Sidecar Press"));
    }
}

/// The words of a text, without the punctuation around them: how the PDF
/// and the text edition are compared (the PDF shows a link's address in
/// parentheses, the text edition in angle brackets, and list bullets
/// differ).
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The PDF's text as pdftotext reads it, without the running header and
/// the page number of each page after the first (the page furniture).
fn pdf_body_text(pdf: &Path) -> String {
    let (ok, text, err) = run(Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-"));
    assert!(ok, "{err}");
    let mut out = String::new();
    for (n, page) in text.split('\u{c}').enumerate() {
        let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        if n > 0 && !lines.is_empty() {
            let folio = lines.pop().unwrap();
            assert_eq!(
                folio.trim(),
                (n + 1).to_string(),
                "page {} ends in its number",
                n + 1
            );
            // The running header, when the page has one: the title's opening.
            lines.remove(0);
        }
        for l in lines {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// The text edition without its `Key: value` header.
fn txt_body(txt: &str) -> &str {
    txt.split_once("\n\n").map_or("", |(_, body)| body)
}

#[test]
fn the_pdf_reads_as_the_text_edition_word_for_word() {
    if !have("pdftotext", "PDF text") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let untitled = tmp.path().join("field-notes.md");
    std::fs::write(
        &untitled,
        "Notes from the field, written up *after* the trip, with a list:\n\n\
         1. the first site;\n2. the second site.\n\n## Weather\n\nRain on most days.\n",
    )
    .unwrap();
    let inputs = [
        root().join("input").join(format!("{SAMPLE_STEM}.txt")),
        root().join("tests/data/full-metadata/river-sediment-article.md"),
        untitled,
    ];
    let refs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let out = tmp.path().join("out");
    convert(&["-t", "pdf,txt"], &refs, &out);
    let jobs = recto::batch::plan(&inputs, &inputs, &out, None).unwrap();
    for job in &jobs {
        let (stem, dir) = (&job.stem, &job.dir);
        let pdf = words(&pdf_body_text(&dir.join(format!("{stem}.pdf"))));
        let txt = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).unwrap();
        let txt = words(txt_body(&txt));
        if pdf != txt {
            let at = pdf
                .iter()
                .zip(&txt)
                .position(|(a, b)| a != b)
                .unwrap_or(pdf.len().min(txt.len()));
            panic!(
                "{stem}: the PDF and the text edition part at word {at}:\n  PDF: {:?}\n  TXT: {:?}",
                &pdf[at.saturating_sub(3)..(at + 8).min(pdf.len())],
                &txt[at.saturating_sub(3)..(at + 8).min(txt.len())]
            );
        }
    }
}

#[test]
fn untitled_markdown_gets_one_title_in_every_edition() {
    let tmp = tempfile::tempdir().unwrap();
    // No title anywhere but the opening heading, which is the only top one.
    let input = tmp.path().join("untitled-notes.md");
    std::fs::write(
        &input,
        "# Harbour Survey Notes\n\nThe survey began at dawn.\n\n## Findings\n\nThe wall is sound.\n",
    )
    .unwrap();
    // Nor a heading: then the file name.
    let bare = tmp.path().join("bare-notes.md");
    std::fs::write(&bare, "Only a paragraph of text, and no heading at all.\n").unwrap();
    let out = tmp.path().join("out");
    let assert = recto()
        .arg("convert")
        .arg("-o")
        .arg(&out)
        .arg(&input)
        .arg(&bare)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for (stem, title) in [
        ("untitled-notes", "Harbour Survey Notes"),
        ("bare-notes", "bare-notes"),
    ] {
        let dir = out.join(stem);
        assert!(
            stderr.contains(&format!("`{title}`")),
            "a warning names the title chosen for {stem}:\n{stderr}"
        );
        let txt = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).unwrap();
        assert!(txt.starts_with(&format!("Title: {title}\n")), "{txt}");
        // The heading became the title: the text says it once, as the title.
        assert_eq!(
            txt.matches(title).count(),
            2,
            "header and title line:\n{txt}"
        );
        let jats = std::fs::read_to_string(dir.join(format!("{stem}.xml"))).unwrap();
        assert!(jats.contains(&format!("<article-title>{title}</article-title>")));
        assert_eq!(jats.matches(title).count(), 1, "{jats}");
        let epub = dir.join(format!("{stem}.epub"));
        let opf = zip_entry(&epub, "EPUB/package.opf").unwrap();
        assert!(opf.contains(&format!(">{title}</dc:title>")), "{opf}");
        let page = zip_entry(&epub, "EPUB/title.xhtml").unwrap();
        assert!(page.contains(&format!(">{title}</h1>")), "{page}");
        if have("pdfinfo", "PDF metadata") {
            let pdf = dir.join(format!("{stem}.pdf"));
            let (ok, info, _) = run(Command::new("pdfinfo").args(["-enc", "UTF-8"]).arg(&pdf));
            assert!(
                ok && info.contains(&format!("Title:           {title}\n")),
                "{info}"
            );
            let (ok, xmp, _) = run(Command::new("pdfinfo").arg("-meta").arg(&pdf));
            assert!(ok && xmp.contains(&format!(">{title}</rdf:li>")), "{xmp}");
            let (ok, text, _) = run(Command::new("pdftotext").arg(&pdf).arg("-"));
            assert!(ok && text.matches(title).count() == 1, "{text}");
        }
    }
}

/// Items the document lettered "(a)", "(b)" keep those markers in every
/// edition: no edition invents "1.", "2.".
#[test]
fn list_markers_are_the_documents_own_in_every_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("harbour-findings.txt");
    std::fs::write(
        &input,
        "Harbour Findings\n\nThe survey found two things, both of them worth a note here.\n\n\
         (a) The harbour wall is sound along its whole length.\n\n\
         (b) The pier needs new timbers before the winter storms.\n\n\
         The rest of the report follows in the next section.\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    convert(&[], &[&input], &out);
    let dir = out.join("harbour-findings");
    let edition = |ext: &str| dir.join(format!("harbour-findings.{ext}"));

    let txt = std::fs::read_to_string(edition("txt")).unwrap();
    assert!(txt.contains("\n(a) The harbour wall"), "{txt}");
    assert!(txt.contains("\n(b) The pier"), "{txt}");
    assert!(!txt.contains("1. The harbour"), "{txt}");

    let jats = std::fs::read_to_string(edition("xml")).unwrap();
    assert!(jats.contains("<list list-type=\"alpha-lower\">"), "{jats}");
    assert!(jats.contains("<label>(a)</label>"), "{jats}");
    assert!(jats.contains("<label>(b)</label>"), "{jats}");

    let body = zip_entry(&edition("epub"), "EPUB/body.xhtml").unwrap();
    assert!(body.contains("<ol type=\"a\">"), "{body}");

    if have("pdftotext", "PDF list markers") {
        let pdf = pdf_body_text(&edition("pdf"));
        let starts = |marker: &str| pdf.lines().any(|l| l.trim_start().starts_with(marker));
        assert!(starts("(a) The harbour") && starts("(b) The pier"), "{pdf}");
    }
}
