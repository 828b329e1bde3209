//! Page markers (issue #20): the printed pages of a paginated source carried
//! into every edition at the exact place each page began, and nothing at
//! all for a source without pages. The expected labels are read from the
//! input's own page furniture, not from a stored list.

mod common;

use recto::model::{Document, Inline};
use recto::normalize::{Options, RepairLog, normalize_text};
use recto::write::{Templates, WriteOptions, epub, jats, pdf, txt};

/// A body line of page `p`: ordinary prose, long enough to set the width.
fn body(p: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|k| format!("Line {k} of page {p} carries on with ordinary running prose words here"))
        .collect()
}

/// Two roman-numbered front pages and three arabic ones printed as
/// "Page N of 3", joined by form feeds. A paragraph runs from page 1 onto
/// page 2, and "relationship" is broken across pages 2 and 3.
fn paginated() -> String {
    let pages = [
        format!(
            "A Study of Paginated Things\n\nJane Quill\n\nThe preface begins here and goes on.\n{}\nand it ends on this line.\n\ni",
            body("i", 6).join("\n")
        ),
        format!(
            "The second preface page opens here with more words.\n{}\n\nii",
            body("ii", 8).join("\n")
        ),
        format!(
            "Chapter One\n\n{}\nthe sentence goes on across the page to the\n\nPage 1 of 3",
            body("1", 8).join("\n")
        ),
        format!(
            "next page where it ends. And then more text\n{}\nabout a close rela-\n\nPage 2 of 3",
            body("2", 8).join("\n")
        ),
        format!(
            "tionship between pages goes on here.\n{}\nThe end.\n\nPage 3 of 3",
            body("3", 8).join("\n")
        ),
    ];
    pages.join("\n\u{c}") + "\n"
}

/// The page labels the input prints: the last line of each page, read as a
/// reader would ("Page 2 of 3" is page 2).
fn printed_labels(text: &str) -> Vec<String> {
    text.split('\u{c}')
        .map(|page| {
            let last = page.trim_end().lines().last().unwrap_or("").trim();
            let last = last.strip_prefix("Page ").unwrap_or(last);
            last.split(" of ").next().unwrap().to_string()
        })
        .collect()
}

fn normalized(text: &str) -> (Document, RepairLog) {
    normalize_text(text, &Options::default())
}

/// The words and markers of the body in reading order, markers as `[N]`
/// (a `Text` holds words with a space between them: one token each).
fn tokens(doc: &Document) -> Vec<String> {
    fn inlines(list: &[Inline], out: &mut Vec<String>) {
        for i in list {
            match i {
                Inline::Text(t) => out.extend(t.split(' ').map(str::to_string)),
                Inline::PageMarker(l) => out.push(format!("[{l}]")),
                other => inlines(other.children().unwrap_or_default(), out),
            }
        }
    }
    let mut out = Vec::new();
    for b in &doc.blocks {
        inlines(b.inlines().unwrap_or_default(), &mut out);
        for c in b.children() {
            inlines(c.inlines().unwrap_or_default(), &mut out);
        }
    }
    out
}

fn around(tokens: &[String], marker: &str) -> (String, String) {
    let at = tokens
        .iter()
        .position(|t| t == marker)
        .unwrap_or_else(|| panic!("no {marker} in {tokens:?}"));
    (tokens[at - 1].clone(), tokens[at + 1].clone())
}

#[test]
fn markers_stand_between_the_last_word_of_a_page_and_the_first_of_the_next() {
    let text = paginated();
    let (doc, log) = normalized(&text);
    let want = printed_labels(&text);
    assert_eq!(want, ["i", "ii", "1", "2", "3"]);
    assert_eq!(doc.page_labels(), want);
    let t = tokens(&doc);
    // The title and byline went into the metadata: page i begins with the
    // text.
    assert_eq!(t[0], "[i]", "{t:?}");
    assert_eq!(t[1], "The");
    assert_eq!(around(&t, "[ii]"), ("line.".into(), "The".into()));
    assert_eq!(around(&t, "[1]").1, "Chapter");
    // One paragraph across the page, the marker between "the" and "next".
    assert_eq!(around(&t, "[2]"), ("the".into(), "next".into()));
    let crossing = doc
        .blocks
        .iter()
        .find(|b| b.plain_text().contains("across the page to the"))
        .unwrap();
    assert!(
        crossing
            .plain_text()
            .contains("across the page to the next page where it ends"),
        "{}",
        crossing.plain_text()
    );
    // The word broken across pages 2 and 3 is whole, the marker after it.
    assert_eq!(around(&t, "[3]"), ("relationship".into(), "between".into()));
    // Every marker is logged, with what its label rests on.
    let logged: Vec<_> = log
        .changes
        .iter()
        .filter(|c| c.pass == "page-markers")
        .collect();
    assert_eq!(logged.len(), 5, "{logged:#?}");
    assert!(logged.iter().all(|c| c.rule == "printed-page"));
    assert!(logged[4].after.starts_with("relationship [p. 3] between"));
}

#[test]
fn markers_are_invisible_to_the_text() {
    let text = paginated();
    let (with, _) = normalized(&text);
    let skip = Options {
        skip: vec!["page-markers".into()],
        ..Options::default()
    };
    let (without, log) = normalize_text(&text, &skip);
    assert!(without.page_labels().is_empty());
    assert!(!log.changes.iter().any(|c| c.pass == "page-markers"));
    assert_eq!(
        txt::render_repaired(&with, false),
        txt::render_repaired(&without, false)
    );
    assert_eq!(
        txt::write(&with, &WriteOptions::default()).unwrap().bytes,
        txt::write(&without, &WriteOptions::default())
            .unwrap()
            .bytes,
        "the text edition shows no markers by default"
    );
}

#[test]
fn a_page_without_its_number_is_counted_and_said_so() {
    let pages: Vec<String> = (1..=4)
        .map(|p| {
            let footer = if p == 3 {
                String::new()
            } else {
                format!("\n\nPage {p} of 4")
            };
            format!("{}{footer}", body(&p.to_string(), 10).join("\n"))
        })
        .collect();
    let text = pages.join("\n\u{c}");
    let (doc, log) = normalized(&text);
    assert_eq!(doc.page_labels(), ["1", "2", "3", "4"]);
    let counted: Vec<_> = log
        .changes
        .iter()
        .filter(|c| c.pass == "page-markers" && c.rule == "counted-page")
        .collect();
    assert_eq!(counted.len(), 1, "{:#?}", log.changes);
    assert!(counted[0].evidence.as_deref().unwrap().contains("counted"));
    assert_eq!(around(&tokens(&doc), "[3]").1, "Line");
}

/// The page furniture of page `p` (1-based).
type Footer = fn(usize) -> String;

#[test]
fn labels_are_read_as_printed() {
    let styles: [(&str, Footer); 4] = [
        ("page-of", |p| format!("Page {p} of 4")),
        ("bracketed", |p| {
            format!("Quill               Informational               [Page {p}]")
        }),
        ("dashes", |p| format!("— {p} —")),
        ("roman", |p| ["i", "ii", "iii", "iv"][p - 1].to_string()),
    ];
    for (name, footer) in styles {
        let text = (1..=4)
            .map(|p| format!("{}\n\n{}", body(&p.to_string(), 10).join("\n"), footer(p)))
            .collect::<Vec<_>>()
            .join("\n\u{c}");
        let (doc, _) = normalized(&text);
        let want: Vec<String> = (1..=4)
            .map(|p| {
                if name == "roman" {
                    footer(p)
                } else {
                    p.to_string()
                }
            })
            .collect();
        assert_eq!(doc.page_labels(), want, "{name}");
        assert!(
            !doc.blocks.iter().any(|b| {
                let t = b.plain_text();
                t.contains("Page 2") || t.contains("— 2 —")
            }),
            "{name}: the page furniture stays out of the text"
        );
    }
}

#[test]
fn every_edition_carries_the_printed_pages() {
    let text = paginated();
    let want = printed_labels(&text);
    let (doc, _) = normalized(&text);
    let options = WriteOptions {
        timestamp: 0,
        ..WriteOptions::default()
    };

    // EPUB: a page-break span at each page start and the page list.
    let book = epub::write(&doc, &options).unwrap().bytes;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.epub");
    std::fs::write(&path, &book).unwrap();
    let nav = common::zip_entry(&path, "EPUB/nav.xhtml").unwrap();
    let list = nav
        .split("epub:type=\"page-list\"")
        .nth(1)
        .and_then(|l| l.split("</ol>").next())
        .expect("a page list");
    let labels: Vec<&str> = list
        .split("</a>")
        .filter_map(|s| s.rsplit_once("\">").map(|(_, l)| l))
        .collect();
    assert_eq!(labels, want);
    let body = common::zip_entry(&path, "EPUB/body.xhtml").unwrap();
    assert!(
        body.contains("to the\n<span epub:type=\"pagebreak\" role=\"doc-pagebreak\"")
            || body.contains("to the <span epub:type=\"pagebreak\" role=\"doc-pagebreak\""),
        "{body}"
    );
    assert!(body.contains("aria-label=\"2\"></span>next page"), "{body}");
    assert!(
        body.contains("relationship <span epub:type=\"pagebreak\""),
        "{body}"
    );
    let opf = common::zip_entry(&path, "EPUB/package.opf").unwrap();
    for claim in [
        "pageBreakMarkers",
        "pageNavigation",
        "property=\"source-of\">pagination",
    ] {
        assert!(opf.contains(claim), "{claim}: {opf}");
    }
    if let Some(problems) = common::validate::epubcheck_problems(&book) {
        assert!(problems.is_empty(), "{problems}");
    }

    // JATS: the first and last printed page, valid in every tag set.
    for tagset in common::jats::TAGSETS {
        let xml = jats::write(
            &doc,
            &WriteOptions {
                jats_tagset: tagset,
                ..options.clone()
            },
        )
        .unwrap()
        .bytes;
        let s = String::from_utf8(xml.clone()).unwrap();
        assert!(s.contains("<fpage>i</fpage>"), "{s}");
        assert!(s.contains("<lpage>3</lpage>"), "{s}");
        if let Some(problems) = common::validate::jats_problems(&xml, tagset) {
            assert!(problems.is_empty(), "{tagset:?}: {problems}");
        }
    }

    // Text: only when asked for.
    let plain = String::from_utf8(txt::write(&doc, &options).unwrap().bytes).unwrap();
    assert!(!plain.contains("[p."), "{plain}");
    let marked = txt::write(
        &doc,
        &WriteOptions {
            wrap: None,
            page_markers: true,
            ..options.clone()
        },
    )
    .unwrap()
    .bytes;
    let marked = String::from_utf8(marked).unwrap();
    assert!(marked.contains("to the [p. 2] next page"), "{marked}");
    assert!(marked.contains("relationship [p. 3] between"), "{marked}");
    assert!(marked.contains("[p. i] The preface"), "{marked}");
}

#[test]
fn a_source_without_pages_gets_no_markers_and_no_page_claims() {
    let text = std::fs::read_to_string(common::sample_input()).unwrap();
    let (doc, log) = normalized(&text);
    assert!(doc.page_labels().is_empty());
    assert!(!log.changes.iter().any(|c| c.pass == "page-markers"));
    let options = WriteOptions {
        timestamp: 0,
        ..WriteOptions::default()
    };
    let book = epub::write(&doc, &options).unwrap().bytes;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.epub");
    std::fs::write(&path, &book).unwrap();
    let opf = common::zip_entry(&path, "EPUB/package.opf").unwrap();
    for claim in ["pageBreakMarkers", "pageNavigation", "dc:source"] {
        assert!(!opf.contains(claim), "{claim}: {opf}");
    }
    let nav = common::zip_entry(&path, "EPUB/nav.xhtml").unwrap();
    assert!(!nav.contains("page-list"));
    let xml = String::from_utf8(jats::write(&doc, &options).unwrap().bytes).unwrap();
    assert!(!xml.contains("<fpage>"));
}

/// The PDF shows each printed page's number in the margin (on by default,
/// off with `show = false` under `[source_pages]` in the template's
/// `pdf/style.toml`), and its text, as pdftotext reads it, is the same
/// either way: the labels are artifacts that read as nothing.
#[test]
fn the_pdf_shows_the_source_pages_in_the_margin_without_changing_its_text() {
    let text = paginated();
    let (doc, _) = normalized(&text);
    let on = WriteOptions {
        timestamp: 0,
        ..WriteOptions::default()
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("pdf")).unwrap();
    std::fs::write(
        dir.path().join("pdf/style.toml"),
        "[source_pages]\nshow = false\n",
    )
    .unwrap();
    let off = WriteOptions {
        templates: Templates::from_dir(dir.path()),
        ..on.clone()
    };
    let with = common::pdf::save(&pdf::write(&doc, &on).unwrap().bytes);
    let without = common::pdf::save(&pdf::write(&doc, &off).unwrap().bytes);
    assert_ne!(
        std::fs::read(&with.path).unwrap(),
        std::fs::read(&without.path).unwrap(),
        "the labels are drawn"
    );
    if !common::pdf::have("qpdf") {
        return;
    }
    common::pdf::assert_qpdf_clean(&with.path);
    // The labels are in the content: an artifact span that reads as nothing.
    let (ok, qdf) = common::pdf::run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            common::pdf::arg(&with.path),
            "-",
        ],
    );
    assert!(ok);
    let artifacts = qdf.matches("/Artifact <</Type /Pagination>> BDC").count();
    let without_qdf = common::pdf::run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            common::pdf::arg(&without.path),
            "-",
        ],
    )
    .1;
    let before = without_qdf
        .matches("/Artifact <</Type /Pagination>> BDC")
        .count();
    assert_eq!(
        artifacts,
        before + printed_labels(&text).len(),
        "one artifact per page label"
    );
    let (Some(a), Some(b)) = (
        common::extract::pdf_text(&with.path),
        common::extract::pdf_text(&without.path),
    ) else {
        return;
    };
    assert_eq!(
        a, b,
        "pdftotext reads the same text with and without the labels"
    );
}
