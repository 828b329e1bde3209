//! The EPUB edition: validated with EPUBCheck, byte-reproducible, with the
//! metadata readable back from the package document.
//!
//! EPUBCheck runs for real. When java or the EPUBCheck jar is missing the
//! validating tests print why and return, unless `RECTO_REQUIRE_VALIDATORS=1`
//! is set, in which case they fail.

mod common;

use std::io::{Cursor, Read};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use recto::model::{
    Abstract, Author, BackKind, BackMatter, Block, Counter, Date, Delimiter, Document, Inline,
    Numbering, Span, inlines_from_text,
};
use recto::write::{Templates, WriteOptions, epub};

/// 2025-10-30T12:00:00Z
const TIMESTAMP: i64 = 1_761_825_600;

// ------------------------------------------------------------ documents

fn t(s: &str) -> Vec<Inline> {
    inlines_from_text(s)
}

fn p(inlines: Vec<Inline>) -> Block {
    Block::paragraph(inlines, Span::UNKNOWN)
}

fn h(level: u8, s: &str) -> Block {
    Block::heading(level, t(s), Span::UNKNOWN)
}

fn cat(parts: Vec<Vec<Inline>>) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(Inline::Space);
        }
        out.extend(part);
    }
    out
}

/// A document that uses every part of the model.
fn full_document() -> Document {
    let mut doc = Document::default();
    let m = &mut doc.meta;
    m.title = Some(t("One Year After the Kazan Summit: An Assessment"));
    m.subtitle = Some(t("China-India Relations & the \"Thaw\""));
    let mut ivan = Author::from_name("Ivan Lidarev");
    ivan.affiliations =
        vec!["Institute of South Asian Studies, National University of Singapore".into()];
    ivan.email = Some("ivan@example.org".into());
    ivan.bio = vec![p(t(
        "Dr Ivan Lidarev is a Visiting Research Fellow at the Institute.",
    ))];
    let mut ann = Author::from_name("Ann van der Berg");
    ann.affiliations = vec!["Example University".into(), "Second Institute".into()];
    m.authors = vec![ivan, ann];
    m.date = Some(Date::parse("2025-10-30").unwrap());
    m.language = Some("en-GB".into());
    m.identifier = Some("10.1234/recto.5678".into());
    m.publisher = Some("Institute of South Asian Studies".into());
    m.series = Some("ISAS Briefs".into());
    m.keywords = vec!["China".into(), "India".into(), "border <dispute>".into()];
    m.license = Some("https://creativecommons.org/licenses/by/4.0/".into());
    m.abstract_ = Some(Abstract {
        title: Some(t("Summary")),
        blocks: vec![p(cat(vec![
            t("The 2024 Kazan Summit marked a"),
            vec![Inline::Emphasis(t("successful thaw"))],
            t("in China-India relations."),
        ]))],
    });
    doc.blocks = vec![
        p(t("A lead paragraph before any heading.")),
        h(1, "Introduction"),
        p(cat(vec![
            t("It has been a year"),
            vec![Inline::PageMarker("12".into())],
            t("since the meeting; see the"),
            vec![Inline::Link {
                target: Some("https://www.example.org/report?id=1&lang=en".into()),
                content: t("official report"),
            }],
            t("and the"),
            vec![Inline::Link {
                target: None,
                content: t("India-Pakistan conflict"),
            }],
            t("coverage, with"),
            vec![Inline::Underline(t("underlined words"))],
            t("and"),
            vec![Inline::Strong(t("strong"))],
            t("and"),
            vec![Inline::Code("x < y && z".into())],
            t("."),
        ])),
        h(2, "Background"),
        Block::List {
            start: None,
            numbering: Numbering::default(),
            items: vec![
                vec![p(t("first point"))],
                vec![
                    p(t("second point with a nested list")),
                    Block::List {
                        start: Some(3),
                        numbering: Numbering::default(),
                        items: vec![vec![p(t("three"))], vec![p(t("four"))]],
                        span: Span::UNKNOWN,
                    },
                ],
            ],
            span: Span::UNKNOWN,
        },
        // Lettered as the document wrote it: "(b)", "(c)".
        Block::List {
            start: Some(2),
            numbering: Numbering::new(Counter::LowerAlpha, Delimiter::Parens),
            items: vec![vec![p(t("lettered bee"))], vec![p(t("lettered sea"))]],
            span: Span::UNKNOWN,
        },
        h(3, "Details"),
        Block::BlockQuote {
            blocks: vec![p(t("A quoted passage."))],
            span: Span::UNKNOWN,
        },
        Block::CodeBlock {
            language: Some("rust".into()),
            text: "fn main() {\n    println!(\"<hi>\");\n}".into(),
            span: Span::UNKNOWN,
        },
        Block::ThematicBreak {
            span: Span::UNKNOWN,
        },
        h(1, "Conclusion"),
        p(cat(vec![
            vec![Inline::PageMarker("13".into())],
            t("In sum, the thaw"),
            vec![Inline::LineBreak],
            t("has not advanced the relationship."),
        ])),
    ];
    doc.back = vec![
        BackMatter {
            kind: BackKind::References,
            title: None,
            blocks: vec![p(t("Lidarev, I. (2025). A study."))],
        },
        BackMatter {
            kind: BackKind::Disclaimer,
            title: Some(t("Responsibility")),
            blocks: vec![p(t("The author bears full responsibility."))],
        },
    ];
    doc
}

/// A document shaped like the sample brief (`input/`): title, one author
/// with e-mail, affiliation and bio, a "Summary" abstract, and paragraphs
/// whose underlined link text lost its URL.
fn sample_brief() -> Document {
    let text = std::fs::read_to_string(common::sample_input()).unwrap();
    let paras: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    // `<u>text</u>` in the seed marks link text whose URL was lost.
    let inlines = |para: &str| {
        let mut out = Vec::new();
        for (i, piece) in para.split("<u>").enumerate() {
            let (link, rest) = match piece.split_once("</u>") {
                Some((l, r)) if i > 0 => (Some(l), r),
                _ => (None, piece),
            };
            if let Some(l) = link {
                out.push(Inline::Link {
                    target: None,
                    content: t(l),
                });
            }
            if rest.starts_with(char::is_whitespace) {
                out.push(Inline::Space);
            }
            out.extend(t(rest));
            if rest.ends_with(char::is_whitespace) && !rest.trim().is_empty() {
                out.push(Inline::Space);
            }
        }
        recto::model::canonicalize(&mut out);
        out
    };
    let mut doc = Document::default();
    doc.meta.title = Some(t(paras[0]));
    let mut author = Author::from_name(paras[1]);
    author.affiliations =
        vec!["Institute of South Asian Studies, National University of Singapore".into()];
    author.email = Some("ivanlidarev@nus.edu.sg".into());
    author.bio = vec![p(t(paras[paras.len() - 1]))];
    doc.meta.authors = vec![author];
    doc.meta.language = Some("en".into());
    doc.meta.date = Some(Date::parse("2025-10-30").unwrap());
    doc.meta.abstract_ = Some(Abstract {
        title: Some(t(paras[2])),
        blocks: vec![p(inlines(paras[3]))],
    });
    doc.blocks = paras[4..paras.len() - 1]
        .iter()
        .map(|para| p(inlines(para)))
        .collect();
    doc
}

fn options() -> WriteOptions {
    WriteOptions {
        timestamp: TIMESTAMP,
        ..WriteOptions::default()
    }
}

fn write_epub(doc: &Document) -> Vec<u8> {
    epub::write(doc, &options())
        .expect("the EPUB writer accepts every document")
        .bytes
}

// ------------------------------------------------------------ reading the book back

fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

fn entry(bytes: &[u8], name: &str) -> String {
    let (_, data) = entries(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name} in the book"));
    String::from_utf8(data).unwrap()
}

// ------------------------------------------------------------ EPUBCheck

use common::epub::{assert_clean, assert_results_clean, epubcheck, keep};

// ------------------------------------------------------------ tests

#[test]
fn hand_built_documents_pass_epubcheck() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.epub");
    std::fs::write(&path, write_epub(&full_document())).unwrap();
    let brief = dir.path().join("sample-brief.epub");
    std::fs::write(&brief, write_epub(&sample_brief())).unwrap();
    let long = dir.path().join("long-split.epub");
    std::fs::write(&long, write_epub(&long_document())).unwrap();
    let books = [path, brief, long];
    keep(&books);
    assert_clean(&books);
}

#[test]
fn sample_brief_keeps_lost_links_visible() {
    let doc = sample_brief();
    let bytes = write_epub(&doc);
    let body = entry(&bytes, "EPUB/body.xhtml");
    assert!(body.contains("<span class=\"link-lost\">"), "{body}");
    let back = entry(&bytes, "EPUB/back.xhtml");
    assert!(back.contains("epub:type=\"contributors\""), "{back}");
    assert_eq!(
        bytes,
        write_epub(&sample_brief()),
        "two conversions are byte-identical"
    );
}

#[test]
fn two_writes_are_byte_identical() {
    let doc = full_document();
    assert_eq!(write_epub(&doc), write_epub(&doc));
    let other = WriteOptions {
        timestamp: TIMESTAMP + 86_400,
        ..WriteOptions::default()
    };
    let later = epub::write(&doc, &other).unwrap().bytes;
    assert_ne!(write_epub(&doc), later, "the timestamp is part of the book");
}

#[test]
fn mimetype_is_first_and_stored() {
    let bytes = write_epub(&full_document());
    let mut z = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    let first = z.by_index(0).unwrap();
    assert_eq!(first.name(), "mimetype");
    assert_eq!(first.compression(), zip::CompressionMethod::Stored);
    drop(first);
    // The OCF rule in bytes: the local header's name at offset 30, then the content.
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..58], b"application/epub+zip");
}

#[test]
fn metadata_reads_back_from_the_package() {
    let bytes = write_epub(&full_document());
    let opf = entry(&bytes, "EPUB/package.opf");
    for want in [
        "unique-identifier=\"pub-id\"",
        "<dc:identifier id=\"pub-id\">10.1234/recto.5678</dc:identifier>",
        "<meta refines=\"#pub-id\" property=\"identifier-type\" scheme=\"onix:codelist5\">06</meta>",
        "<dc:title id=\"title\">One Year After the Kazan Summit: An Assessment</dc:title>",
        "<dc:title id=\"subtitle\">China-India Relations &amp; the &quot;Thaw&quot;</dc:title>",
        "<dc:language>en-GB</dc:language>",
        "<dc:creator id=\"creator-1\">Ivan Lidarev</dc:creator>",
        "<meta refines=\"#creator-1\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
        "<meta refines=\"#creator-1\" property=\"file-as\">Lidarev, Ivan</meta>",
        "<meta refines=\"#creator-2\" property=\"file-as\">van der Berg, Ann</meta>",
        "<dc:date>2025-10-30</dc:date>",
        "<meta property=\"dcterms:modified\">2025-10-30T12:00:00Z</meta>",
        "<dc:publisher>Institute of South Asian Studies</dc:publisher>",
        "<dc:description>The 2024 Kazan Summit marked a successful thaw in China-India relations.</dc:description>",
        "<dc:subject>China</dc:subject>",
        "<dc:subject>border &lt;dispute&gt;</dc:subject>",
        "<dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>",
        "<meta property=\"schema:accessModeSufficient\">textual</meta>",
        "<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>",
        "<meta property=\"schema:accessibilityFeature\">pageNavigation</meta>",
        "<meta property=\"schema:accessibilityHazard\">none</meta>",
    ] {
        assert!(opf.contains(want), "package.opf lacks {want}\n{opf}");
    }
    assert!(opf.contains("4 section headings"), "{opf}");
    assert!(opf.contains("the 2 printed page numbers"), "{opf}");
}

#[test]
fn claims_follow_the_content() {
    let mut doc = Document::default();
    doc.meta.title = Some(t("Plain"));
    doc.blocks = vec![p(t("Only a paragraph."))];
    let bytes = write_epub(&doc);
    let opf = entry(&bytes, "EPUB/package.opf");
    assert!(!opf.contains("structuralNavigation"), "{opf}");
    assert!(!opf.contains("pageNavigation"), "{opf}");
    assert!(!opf.contains("<dc:date>"), "no date was given: {opf}");
    assert!(
        opf.contains("<dc:identifier id=\"pub-id\">urn:uuid:"),
        "{opf}"
    );
    assert!(
        opf.contains(&doc.identifier()),
        "the identifier of every edition"
    );
    assert!(opf.contains("<dc:language>en</dc:language>"));
    let nav = entry(&bytes, "EPUB/nav.xhtml");
    assert!(
        !nav.contains("page-list"),
        "no page list without page markers"
    );
}

#[test]
fn content_is_semantic_and_nothing_is_dropped() {
    let bytes = write_epub(&full_document());
    let title = entry(&bytes, "EPUB/title.xhtml");
    for want in [
        "lang=\"en-GB\" xml:lang=\"en-GB\"",
        "epub:type=\"abstract\" role=\"doc-abstract\"",
        "<em>successful thaw</em>",
        "<span class=\"affiliation\">Example University; Second Institute</span>",
        // The date as a reader says it, in the document's language, and
        // machine-readable.
        "<p class=\"date\"><time datetime=\"2025-10-30\">30 October 2025</time></p>",
    ] {
        assert!(title.contains(want), "title.xhtml lacks {want}\n{title}");
    }
    let body = entry(&bytes, "EPUB/body.xhtml");
    for want in [
        "<h1 id=",
        "<h2 id=",
        "<h3 id=",
        "<span class=\"link-lost\">India-Pakistan conflict</span>",
        "<a href=\"https://www.example.org/report?id=1&amp;lang=en\">official report</a>",
        "<u>underlined words</u>",
        "<code>x &lt; y &amp;&amp; z</code>",
        "epub:type=\"pagebreak\" role=\"doc-pagebreak\"",
        "aria-label=\"12\"",
        "<ol start=\"3\">",
        "<ol type=\"a\" start=\"2\">\n<li>lettered bee</li>",
        "<blockquote>",
        "&lt;hi&gt;",
        "<br/>",
    ] {
        assert!(body.contains(want), "body.xhtml lacks {want}\n{body}");
    }
    let back = entry(&bytes, "EPUB/back.xhtml");
    assert!(back.contains("epub:type=\"bibliography\" role=\"doc-bibliography\""));
    assert!(
        back.contains("Visiting Research Fellow"),
        "the bio is in the end matter"
    );
    let nav = entry(&bytes, "EPUB/nav.xhtml");
    assert!(nav.contains("epub:type=\"page-list\""));
    assert!(nav.contains("epub:type=\"landmarks\""));
    assert!(nav.contains(">Background</a>"));
    assert!(entry(&bytes, "EPUB/toc.ncx").contains("<text>Conclusion</text>"));
}

#[test]
fn control_characters_never_reach_the_xhtml() {
    let mut doc = Document::default();
    doc.meta.title = Some(vec![Inline::text("Form\u{c}feed")]);
    doc.meta.language = Some("C".into());
    doc.blocks = vec![p(vec![Inline::text("a\u{0}b\u{1b}c\u{fffe}")])];
    let out = epub::write(&doc, &options()).unwrap();
    assert!(
        out.warnings.iter().any(|w| w.contains("`C`")),
        "{:?}",
        out.warnings
    );
    for (name, data) in entries(&out.bytes) {
        let text = String::from_utf8_lossy(&data);
        assert!(
            !text.contains(['\u{c}', '\u{0}', '\u{1b}', '\u{fffe}']),
            "{name}"
        );
    }
    let opf = entry(&out.bytes, "EPUB/package.opf");
    assert!(opf.contains("<dc:language>und</dc:language>"), "{opf}");
}

/// Five chapters of 10,000 characters each, with sub-sections and page
/// markers: long enough to be split into one file per chapter.
fn long_document() -> Document {
    let mut doc = Document::default();
    doc.meta.title = Some(t("Long"));
    doc.meta.authors = vec![Author::from_name("Ann Author")];
    doc.blocks.push(p(t("Text before the first chapter.")));
    let para = "word ".repeat(2_000);
    for i in 0..5 {
        doc.blocks.push(h(1, &format!("Chapter {i}")));
        doc.blocks.push(p(cat(vec![
            vec![Inline::PageMarker(format!("{}", i + 1))],
            t(&para),
        ])));
        doc.blocks.push(h(2, &format!("Section {i}.1")));
        doc.blocks.push(p(t("More.")));
    }
    doc
}

#[test]
fn nested_links_and_unusable_targets_stay_valid() {
    let mut doc = Document::default();
    doc.meta.title = Some(t("Links"));
    doc.blocks = vec![p(vec![
        Inline::Link {
            target: Some("https://example.org/outer".into()),
            content: vec![Inline::Link {
                target: Some("https://example.org/inner".into()),
                content: t("inner"),
            }],
        },
        Inline::Space,
        Inline::Link {
            target: Some("www.example.org".into()),
            content: t("no scheme"),
        },
    ])];
    let body = entry(&write_epub(&doc), "EPUB/body.xhtml");
    assert_eq!(body.matches("<a ").count(), 1, "no <a> inside <a>: {body}");
    assert!(
        body.contains("<span class=\"link-lost\" title=\"https://example.org/inner\">inner</span>"),
        "{body}"
    );
    assert!(
        body.contains("<span class=\"link-lost\" title=\"www.example.org\">no scheme</span>"),
        "{body}"
    );
}

#[test]
fn a_timestamp_beyond_year_9999_is_a_clear_error() {
    let options = WriteOptions {
        timestamp: 253_402_300_800,
        ..WriteOptions::default()
    };
    let err = epub::write(&full_document(), &options)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("epub") && err.contains("SOURCE_DATE_EPOCH"),
        "{err}"
    );
}

#[test]
fn long_documents_are_split_per_top_level_section() {
    let bytes = write_epub(&long_document());
    let names: Vec<String> = entries(&bytes).into_iter().map(|(n, _)| n).collect();
    for i in 1..=5 {
        assert!(
            names.contains(&format!("EPUB/body-{i:03}.xhtml")),
            "{names:?}"
        );
    }
    assert!(entry(&bytes, "EPUB/package.opf").contains("<itemref idref=\"doc-body-005\"/>"));
    assert!(entry(&bytes, "EPUB/body-001.xhtml").contains("Text before the first chapter."));
    let nav = entry(&bytes, "EPUB/nav.xhtml");
    assert!(
        nav.contains("href=\"body-003.xhtml#page-"),
        "page list points into the split files"
    );
    assert!(nav.contains(">Section 2.1</a>"), "{nav}");
}

#[test]
fn a_user_stylesheet_replaces_the_builtin() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("epub")).unwrap();
    std::fs::write(dir.path().join("epub/style.css"), "body { color: teal; }\n").unwrap();
    let options = WriteOptions {
        timestamp: TIMESTAMP,
        templates: Templates::from_dir(dir.path()),
        ..WriteOptions::default()
    };
    let bytes = epub::write(&full_document(), &options).unwrap().bytes;
    assert_eq!(entry(&bytes, "EPUB/style.css"), "body { color: teal; }\n");
    assert_eq!(
        entry(&write_epub(&full_document()), "EPUB/style.css"),
        epub::BUILTIN_CSS
    );
}

// ------------------------------------------------------------ random documents

/// Text with any characters, controls and XML-forbidden ones included.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9]{1,8}",
        "\\PC{1,6}",
        proptest::collection::vec(any::<char>(), 1..6).prop_map(|v| v.into_iter().collect()),
        Just("<&>\"'".to_string()),
        Just("\u{c}\u{0}\u{1}\u{fffe}\u{ffff}".to_string()),
    ]
}

fn inline() -> BoxedStrategy<Inline> {
    let leaf = prop_oneof![
        any_text().prop_map(Inline::Text),
        Just(Inline::Space),
        Just(Inline::SoftBreak),
        Just(Inline::LineBreak),
        any_text().prop_map(Inline::Code),
        any_text().prop_map(Inline::PageMarker),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        let kids = proptest::collection::vec(inner, 0..4);
        let target = prop_oneof![
            Just(None),
            Just(Some("https://example.org/a b".to_string())),
            Just(Some("mailto:x@example.org".to_string())),
            any_text().prop_map(Some),
        ];
        prop_oneof![
            kids.clone().prop_map(Inline::Emphasis),
            kids.clone().prop_map(Inline::Strong),
            kids.clone().prop_map(Inline::Underline),
            (target, kids).prop_map(|(target, content)| Inline::Link { target, content }),
        ]
    })
    .boxed()
}

fn block() -> BoxedStrategy<Block> {
    let inlines = proptest::collection::vec(inline(), 0..6);
    let leaf = prop_oneof![
        (0u8..9, inlines.clone()).prop_map(|(level, content)| Block::heading(
            level,
            content,
            Span::UNKNOWN
        )),
        inlines.prop_map(|c| Block::paragraph(c, Span::UNKNOWN)),
        (proptest::option::of(any::<u64>()), any_text()).prop_map(|(_, text)| Block::CodeBlock {
            language: None,
            text,
            span: Span::UNKNOWN
        }),
        Just(Block::ThematicBreak {
            span: Span::UNKNOWN
        }),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (
                proptest::option::of(any::<u64>()),
                common::strategies::numbering(),
                proptest::collection::vec(proptest::collection::vec(inner.clone(), 0..3), 0..3)
            )
                .prop_map(|(start, numbering, items)| Block::List {
                    start,
                    numbering,
                    items,
                    span: Span::UNKNOWN
                }),
            proptest::collection::vec(inner, 0..3).prop_map(|blocks| Block::BlockQuote {
                blocks,
                span: Span::UNKNOWN
            }),
        ]
    })
    .boxed()
}

fn document() -> impl Strategy<Value = Document> {
    (
        proptest::option::of(proptest::collection::vec(inline(), 0..4)),
        proptest::collection::vec((any_text(), proptest::collection::vec(block(), 0..2)), 0..3),
        proptest::option::of(any_text()),
        proptest::collection::vec(block(), 0..8),
        proptest::collection::vec(proptest::collection::vec(block(), 0..3), 0..2),
        proptest::option::of(proptest::collection::vec(block(), 0..2)),
        proptest::collection::vec(any_text(), 0..3),
    )
        .prop_map(
            |(title, authors, language, blocks, back, abstract_, keywords)| {
                let mut doc = Document::default();
                doc.meta.title = title;
                doc.meta.authors = authors
                    .into_iter()
                    .map(|(name, bio)| Author {
                        bio,
                        affiliations: vec![name.clone()],
                        ..Author::from_name(&name)
                    })
                    .collect();
                doc.meta.language = language;
                doc.meta.keywords = keywords.clone();
                doc.meta.license = keywords.first().cloned();
                doc.meta.identifier = keywords.get(1).cloned();
                doc.meta.abstract_ = abstract_.map(|blocks| Abstract {
                    title: None,
                    blocks,
                });
                doc.blocks = blocks;
                doc.back = back
                    .into_iter()
                    .map(|blocks| BackMatter {
                        kind: BackKind::Notes,
                        title: None,
                        blocks,
                    })
                    .collect();
                doc
            },
        )
}

/// Random documents: the writer never panics and the result is always a
/// valid book. Written in one batch so EPUBCheck starts once.
#[test]
fn random_documents_pass_epubcheck() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 12,
        ..ProptestConfig::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let mut books = Vec::new();
    for i in 0..12 {
        let doc = document().new_tree(&mut runner).unwrap().current();
        let bytes = write_epub(&doc);
        assert_eq!(bytes, write_epub(&doc), "deterministic");
        let path = dir.path().join(format!("random-{i:02}.epub"));
        std::fs::write(&path, bytes).unwrap();
        std::fs::write(path.with_extension("json"), doc.to_json()).unwrap();
        books.push(path);
    }
    keep(&books);
    if let Some(results) = epubcheck(&books) {
        let dirty: Vec<_> = results.iter().filter(|(_, bad)| !bad.is_empty()).collect();
        if !dirty.is_empty() {
            // Keep the failing books and their documents for a look.
            let keep = std::env::temp_dir().join("recto-epub-failures");
            std::fs::create_dir_all(&keep).unwrap();
            for (f, _) in &dirty {
                std::fs::copy(f, keep.join(f.file_name().unwrap())).unwrap();
                let json = f.with_extension("json");
                std::fs::copy(&json, keep.join(json.file_name().unwrap())).unwrap();
            }
            eprintln!("failing books kept in {}", keep.display());
        }
        assert_results_clean(&results);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Without EPUBCheck: every document gives a book whose XML files are
    /// free of characters XML forbids.
    #[test]
    fn any_document_gives_xml_safe_files(doc in document()) {
        let bytes = write_epub(&doc);
        for (name, data) in entries(&bytes) {
            let text = String::from_utf8(data).expect("UTF-8");
            prop_assert!(text.chars().all(recto::write::xml_text::is_xml_char), "{}", name);
        }
    }
}
