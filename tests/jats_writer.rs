//! The JATS edition: validated against the real JATS 1.3 DTDs with xmllint,
//! for a hand-built document with every kind of metadata and for random
//! documents; plus determinism (every document of `tests/corpus` is
//! validated in `tests/local_corpus.rs`).
//!
//! The DTDs are the ones vendored in `tests/schemas/jats/1.3`. When xmllint
//! is missing the validating tests print why and return, unless
//! `RECTO_REQUIRE_VALIDATORS=1` is set, which turns the skip into a failure.

mod common;

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use recto::model::{
    Abstract, Author, BackKind, BackMatter, Block, Counter, Date, Delimiter, Document, Inline,
    Numbering, Span, inlines_from_text,
};
use recto::write::{JatsTagset, WriteOptions, jats};

// ------------------------------------------------------------ validators

use common::jats::{TAGSETS, xmllint_available as validators_available, xpath};

/// Validates files against the vendored DTD of `tagset` (Ok when xmllint is
/// missing and validators are not required: `validators_available` said so).
fn validate(files: &[PathBuf], tagset: JatsTagset) -> Result<(), String> {
    common::jats::validate(files, tagset).unwrap_or(Ok(()))
}

fn write_jats(doc: &Document, tagset: JatsTagset) -> String {
    let options = WriteOptions {
        jats_tagset: tagset,
        ..WriteOptions::default()
    };
    let out = jats::write(doc, &options).expect("the JATS writer accepts every document");
    String::from_utf8(out.bytes).expect("JATS output is UTF-8")
}

// ------------------------------------------------------------ documents

fn t(s: &str) -> Vec<Inline> {
    inlines_from_text(s)
}

fn p(s: &str) -> Block {
    Block::paragraph(t(s), Span::UNKNOWN)
}

fn para(content: Vec<Inline>) -> Block {
    Block::paragraph(content, Span::UNKNOWN)
}

fn h(level: u8, s: &str) -> Block {
    Block::heading(level, t(s), Span::UNKNOWN)
}

fn list(start: Option<u64>, items: Vec<Vec<Block>>) -> Block {
    Block::List {
        start,
        numbering: Numbering::default(),
        items,
        span: Span::UNKNOWN,
    }
}

fn full_document() -> Document {
    let mut doc = Document::default();
    let m = &mut doc.meta;
    m.title = Some(t("Rivers of the Northern Plains"));
    m.subtitle = Some(t("A Survey"));
    let mut ada = Author::from_name("Ada Lindqvist");
    ada.affiliations = vec!["Institute of Hydrology, University of Oslo, Norway".into()];
    ada.orcid = Some("0000-0002-1825-0097".into());
    ada.email = Some("ada@example.org".into());
    ada.bio = vec![p("Ada Lindqvist studies rivers.")];
    let mut bob = Author::from_name("Bob Nakamura");
    bob.affiliations = vec![
        "Institute of Hydrology, University of Oslo, Norway".into(),
        "Water Research Centre, Kyoto University, Japan".into(),
    ];
    bob.email = Some("bob@example.org".into());
    bob.bio = vec![p("Bob Nakamura maps floods.")];
    m.authors = vec![ada, bob];
    m.date = Some(Date::parse("2025-10-23").unwrap());
    m.language = Some("en-GB".into());
    m.identifier = Some("doi:10.1234/rivers.2025".into());
    m.publisher = Some("Northern Press".into());
    m.keywords = vec!["rivers".into(), "floods".into()];
    m.license = Some("https://creativecommons.org/licenses/by/4.0/".into());
    m.abstract_ = Some(Abstract {
        title: Some(t("Summary")),
        blocks: vec![
            para(vec![
                Inline::text("Rivers"),
                Inline::Space,
                Inline::Emphasis(t("really")),
                Inline::Space,
                Inline::text("matter."),
            ]),
            list(None, vec![vec![p("a listed point")]]),
        ],
    });
    doc.blocks = vec![
        p("Lead paragraph before any heading."),
        h(1, "Introduction"),
        para(vec![
            Inline::text("See"),
            Inline::Space,
            Inline::Link {
                target: Some("https://example.org/a?b=1&c=2".into()),
                content: t("the map"),
            },
            Inline::Space,
            Inline::text("and"),
            Inline::Space,
            Inline::Link {
                target: None,
                content: t("the lost report"),
            },
            Inline::Space,
            Inline::Underline(t("underlined")),
            Inline::Space,
            Inline::Strong(t("bold")),
            Inline::Space,
            Inline::Code("x < y".into()),
            Inline::PageMarker("p-marker-77".into()),
        ]),
        h(2, "Methods"),
        list(
            None,
            vec![
                vec![
                    p("outer one"),
                    list(Some(3), vec![vec![p("inner three")], vec![]]),
                ],
                vec![
                    p("outer two"),
                    Block::CodeBlock {
                        language: None,
                        text: "in a list".into(),
                        span: Span::UNKNOWN,
                    },
                ],
            ],
        ),
        Block::BlockQuote {
            blocks: vec![p("A quoted line."), h(3, "Quoted heading")],
            span: Span::UNKNOWN,
        },
        Block::CodeBlock {
            language: Some("rust".into()),
            text: "fn main() {\n    println!(\"<&>\");\n}".into(),
            span: Span::UNKNOWN,
        },
        Block::ThematicBreak {
            span: Span::UNKNOWN,
        },
        h(3, "Deep"),
        p("Three levels down."),
        h(1, "Conclusion"),
        p("Done."),
    ];
    doc.back = vec![
        BackMatter {
            kind: BackKind::Acknowledgements,
            title: Some(t("Acknowledgements")),
            blocks: vec![p("Thanks to the river keepers.")],
        },
        BackMatter {
            kind: BackKind::Disclaimer,
            title: None,
            blocks: vec![p("The authors bear full responsibility.")],
        },
        BackMatter {
            kind: BackKind::References,
            title: Some(t("References")),
            blocks: vec![list(None, vec![vec![p("Smith, J. (2020). Rivers.")]])],
        },
    ];
    doc
}

// ------------------------------------------------------------ tests

#[test]
fn full_document_maps_every_field() {
    let xml = write_jats(&full_document(), JatsTagset::Archiving);
    for expected in [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN\" \"http://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3.dtd\">\n",
        "dtd-version=\"1.3\" xml:lang=\"en-GB\"",
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
        "xmlns:ali=\"http://www.niso.org/schemas/ali/1.0/\"",
        "<publisher-name>Northern Press</publisher-name>",
        "<article-id pub-id-type=\"doi\">10.1234/rivers.2025</article-id>",
        "<article-title>Rivers of the Northern Plains</article-title>",
        "<subtitle>A Survey</subtitle>",
        "<contrib-id contrib-id-type=\"orcid\">https://orcid.org/0000-0002-1825-0097</contrib-id>",
        "<surname>Lindqvist</surname>",
        "<given-names>Ada</given-names>",
        "<email>ada@example.org</email>",
        "<xref ref-type=\"aff\" rid=\"aff2\">2</xref>",
        "<aff id=\"aff1\"><label>1</label><institution>Institute of Hydrology</institution>, <institution>University of Oslo</institution>, <country country=\"NO\">Norway</country></aff>",
        "<bio>\n            <p>Ada Lindqvist studies rivers.</p>\n          </bio>",
        "iso-8601-date=\"2025-10-23\"",
        "<day>23</day>",
        "<license xlink:href=\"https://creativecommons.org/licenses/by/4.0/\">",
        "<ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref>",
        "<abstract>\n        <title>Summary</title>\n        <p>Rivers <italic>really</italic> matter.</p>",
        "<kwd>floods</kwd>",
        "<body>\n    <p>Lead paragraph before any heading.</p>\n    <sec id=\"sec-1\">\n      <title>Introduction</title>",
        "<ext-link ext-link-type=\"uri\" xlink:href=\"https://example.org/a?b=1&amp;c=2\">the map</ext-link>",
        "<underline>the lost report</underline>",
        "<underline>underlined</underline>",
        "<bold>bold</bold>",
        "<monospace>x &lt; y</monospace>",
        "<sec id=\"sec-1-1\">",
        "<list list-type=\"bullet\">",
        "<list list-type=\"order\">",
        "<label>3.</label>",
        "<disp-quote>",
        "<p><bold>Quoted heading</bold></p>",
        "<code language=\"rust\">fn main() {\n    println!(\"&lt;&amp;&gt;\");\n}</code>",
        "<preformat preformat-type=\"code\">in a list</preformat>",
        "<ack id=\"back-1\">",
        "<notes id=\"back-2\" notes-type=\"disclaimer\">",
        "<mixed-citation>Smith, J. (2020). Rivers.</mixed-citation>",
    ] {
        assert!(xml.contains(expected), "missing {expected:?} in\n{xml}");
    }
    // A page marker writes nothing in the body; with no pages in the
    // metadata, the printed page is the article's first page.
    assert_eq!(xml.matches("p-marker-77").count(), 1, "{xml}");
    assert!(xml.contains("<fpage>p-marker-77</fpage>"), "{xml}");
    assert!(xml.ends_with("</article>\n"));
}

/// The document's own markers: "(a)" stays "(a)", not "1.".
#[test]
fn lettered_lists_keep_their_markers_and_validate() {
    let numbered = |start: u64, counter, delimiter| Block::List {
        start: Some(start),
        numbering: Numbering::new(counter, delimiter),
        items: vec![vec![p("one point")], vec![p("another point")]],
        span: Span::UNKNOWN,
    };
    let mut doc = Document::default();
    doc.meta.title = Some(t("Lettered Lists"));
    doc.blocks = vec![
        p("The group has these properties."),
        numbered(1, Counter::LowerAlpha, Delimiter::Parens),
        p("And two steps."),
        numbered(1, Counter::LowerAlpha, Delimiter::Period),
        p("And two more."),
        numbered(1, Counter::Decimal, Delimiter::Paren),
    ];
    let dir = tempfile::tempdir().unwrap();
    for tagset in TAGSETS {
        let xml = write_jats(&doc, tagset);
        assert_eq!(
            xml.matches("<list list-type=\"alpha-lower\">").count(),
            2,
            "{xml}"
        );
        assert_eq!(
            xml.matches("<list list-type=\"order\">").count(),
            1,
            "{xml}"
        );
        // The list type names the counter; the punctuation is in labels,
        // which "a." (the plain form) does not need.
        for label in ["(a)", "(b)", "1)", "2)"] {
            assert!(
                xml.contains(&format!("<label>{label}</label>")),
                "{label} in {xml}"
            );
        }
        assert!(!xml.contains("<label>a.</label>"), "{xml}");
        if validators_available() {
            let file = dir.path().join(format!("{tagset:?}.xml"));
            std::fs::write(&file, xml).unwrap();
            validate(std::slice::from_ref(&file), tagset).unwrap();
        }
    }
}

#[test]
fn full_document_is_valid_in_both_tag_sets_and_reads_back() {
    if !validators_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = full_document();
    for tagset in TAGSETS {
        let file = dir.path().join(format!("{tagset:?}.xml"));
        std::fs::write(&file, write_jats(&doc, tagset)).unwrap();
        validate(std::slice::from_ref(&file), tagset).unwrap();
        let read = |e: &str| xpath(&file, &format!("string({e})"));
        let meta = "/article/front/article-meta";
        assert_eq!(
            read(&format!("{meta}/title-group/article-title")),
            "Rivers of the Northern Plains"
        );
        assert_eq!(read(&format!("{meta}/title-group/subtitle")), "A Survey");
        assert_eq!(
            read(&format!("{meta}/contrib-group/contrib[2]/name/surname")),
            "Nakamura"
        );
        assert_eq!(
            read(&format!("{meta}/contrib-group/contrib[2]/name/given-names")),
            "Bob"
        );
        assert_eq!(
            read(&format!("{meta}/contrib-group/contrib[1]/email")),
            "ada@example.org"
        );
        assert_eq!(
            read(&format!("{meta}/contrib-group/contrib[2]/bio/p")),
            "Bob Nakamura maps floods."
        );
        assert_eq!(read(&format!("count({meta}/aff)")), "2");
        assert_eq!(read(&format!("{meta}/aff[@id='aff2']/country")), "Japan");
        // The ISO 3166-1 code that JATS4R asks for, from the name.
        assert_eq!(
            read(&format!("{meta}/aff[@id='aff2']/country/@country")),
            "JP"
        );
        assert_eq!(
            read(&format!("{meta}/article-id[@pub-id-type='doi']")),
            "10.1234/rivers.2025"
        );
        assert_eq!(
            read(&format!("{meta}/pub-date/@iso-8601-date")),
            "2025-10-23"
        );
        assert_eq!(read(&format!("{meta}/abstract/title")), "Summary");
        assert_eq!(read(&format!("count({meta}/kwd-group/kwd)")), "2");
        assert_eq!(read("/article/@xml:lang"), "en-GB");
        assert_eq!(
            read("/article/front/journal-meta/publisher/publisher-name"),
            "Northern Press"
        );
        assert_eq!(read("count(//sec)"), "4");
        assert_eq!(read("/article/body/sec[1]/sec[1]/title"), "Methods");
        assert_eq!(read("/article/back/ref-list/title"), "References");
    }
}

/// Several affiliations, none shared: each sits in its author's `contrib`
/// (the relation is structure, no `xref` to resolve); the full document's
/// shared affiliation keeps numbered `xref`s and labelled `aff`s.
#[test]
fn own_affiliations_sit_in_their_contrib_and_shared_ones_are_numbered() {
    let mut doc = full_document();
    doc.meta.authors[1].affiliations.remove(0);
    let xml = write_jats(&doc, JatsTagset::Archiving);
    let contribs: Vec<&str> = xml.split("<contrib contrib-type").skip(1).collect();
    assert_eq!(contribs.len(), 2);
    assert!(contribs[0].contains("<aff id=\"aff1\"><institution>Institute of Hydrology"));
    assert!(contribs[1].contains("<aff id=\"aff2\"><institution>Water Research Centre"));
    assert!(!xml.contains("<xref ref-type=\"aff\""), "{xml}");
    assert!(!xml.contains("<label>1</label>"), "{xml}");
    assert_eq!(xml.matches("<aff ").count(), 2, "each written once");
    if validators_available() {
        let dir = tempfile::tempdir().unwrap();
        for tagset in TAGSETS {
            let file = dir.path().join(format!("{tagset:?}.xml"));
            std::fs::write(&file, write_jats(&doc, tagset)).unwrap();
            validate(std::slice::from_ref(&file), tagset).unwrap();
        }
    }
    let shared = write_jats(&full_document(), JatsTagset::Archiving);
    assert!(shared.contains("<xref ref-type=\"aff\" rid=\"aff1\">1</xref>"));
    assert!(shared.contains("</contrib-group>\n      <aff id=\"aff1\"><label>1</label>"));
}

#[test]
fn publishing_tag_set_has_its_doctype_and_required_journal_meta() {
    let mut doc = full_document();
    doc.meta.publisher = None;
    let out = jats::write(
        &doc,
        &WriteOptions {
            jats_tagset: JatsTagset::Publishing,
            ..WriteOptions::default()
        },
    )
    .unwrap();
    let xml = String::from_utf8(out.bytes).unwrap();
    assert!(xml.contains("<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN\" \"http://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd\">"));
    assert!(
        xml.contains("<journal-meta>\n      <journal-id/>\n      <issn/>\n    </journal-meta>")
    );
    assert!(out.warnings.iter().any(|w| w.contains("<issn>")));
    assert!(out.warnings.iter().any(|w| w.contains("thematic break")));
}

#[test]
fn output_is_deterministic() {
    let doc = full_document();
    for tagset in TAGSETS {
        assert_eq!(write_jats(&doc, tagset), write_jats(&doc, tagset));
    }
    let mut plain = Document::default();
    plain.blocks.push(p("No metadata at all."));
    assert_eq!(
        write_jats(&plain, JatsTagset::Archiving),
        write_jats(&plain, JatsTagset::Archiving)
    );
}

#[test]
fn empty_document_is_valid() {
    if !validators_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.xml");
    for tagset in TAGSETS {
        std::fs::write(&file, write_jats(&Document::default(), tagset)).unwrap();
        validate(std::slice::from_ref(&file), tagset).unwrap();
    }
}

// ------------------------------------------------------------ random documents

/// Text with the characters writers get wrong: every C0 control, markup
/// characters, the CDATA end, the non-characters U+FFFE and U+FFFF, and
/// anything else in Unicode.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        Just("<".to_string()),
        Just("&".to_string()),
        Just("]]>".to_string()),
        Just("\"'".to_string()),
        Just("\u{FFFE}".to_string()),
        Just("\u{FFFF}".to_string()),
        Just(" ".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
        "[a-zA-Z]{1,8}",
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// Nasty text, often behind one of `prefixes` (identifier schemes and the
/// like), so that prefix handling meets multi-byte characters too.
fn prefixed(prefixes: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        proptest::option::of(proptest::sample::select(prefixes)),
        nasty_text(),
    )
        .prop_map(|(prefix, text)| format!("{}{text}", prefix.unwrap_or("")))
}

fn inline_strategy() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        nasty_text().prop_map(Inline::Text),
        Just(Inline::Space),
        Just(Inline::SoftBreak),
        Just(Inline::LineBreak),
        nasty_text().prop_map(Inline::Code),
        nasty_text().prop_map(Inline::PageMarker),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        let kids = proptest::collection::vec(inner, 0..4);
        prop_oneof![
            kids.clone().prop_map(Inline::Emphasis),
            kids.clone().prop_map(Inline::Strong),
            kids.clone().prop_map(Inline::Underline),
            (proptest::option::of(nasty_text()), kids)
                .prop_map(|(target, content)| Inline::Link { target, content }),
        ]
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    proptest::collection::vec(inline_strategy(), 0..5)
}

fn block_strategy() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        3 => inlines().prop_map(|c| Block::paragraph(c, Span::UNKNOWN)),
        2 => (prop_oneof![Just(0u8), 1u8..7, any::<u8>()], inlines())
            .prop_map(|(level, c)| Block::heading(level, c, Span::UNKNOWN)),
        1 => (proptest::option::of(nasty_text()), nasty_text()).prop_map(|(language, text)| {
            Block::CodeBlock { language, text, span: Span::UNKNOWN }
        }),
        1 => Just(Block::ThematicBreak { span: Span::UNKNOWN }),
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
}

fn blocks() -> impl Strategy<Value = Vec<Block>> {
    proptest::collection::vec(block_strategy(), 0..6)
}

fn author_strategy() -> impl Strategy<Value = Author> {
    (
        nasty_text(),
        proptest::option::of(nasty_text()),
        proptest::option::of(nasty_text()),
        proptest::collection::vec(nasty_text(), 0..3),
        proptest::option::of(nasty_text()),
        proptest::option::of(prefixed(&["https://orcid.org/", "orcid.org/"])),
        blocks(),
    )
        .prop_map(
            |(name, given_names, surname, affiliations, email, orcid, bio)| Author {
                name,
                given_names,
                surname,
                affiliations,
                email,
                orcid,
                bio,
            },
        )
}

fn date_strategy() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of(
        (1000i32..3000, proptest::option::of(1u8..13), 1u8..29).prop_map(|(y, m, d)| {
            let s = match m {
                Some(m) => format!("{y:04}-{m:02}-{d:02}"),
                None => format!("{y:04}"),
            };
            Date::parse(&s).unwrap()
        }),
    )
}

fn back_strategy() -> impl Strategy<Value = BackMatter> {
    let kind = prop_oneof![
        Just(BackKind::Acknowledgements),
        Just(BackKind::Disclaimer),
        Just(BackKind::Notes),
        Just(BackKind::References),
        Just(BackKind::Other),
    ];
    (kind, proptest::option::of(inlines()), blocks()).prop_map(|(kind, title, blocks)| BackMatter {
        kind,
        title,
        blocks,
    })
}

fn document_strategy() -> impl Strategy<Value = Document> {
    let meta_text = (
        proptest::option::of(inlines()),
        proptest::option::of(inlines()),
        proptest::collection::vec(author_strategy(), 0..3),
        date_strategy(),
        proptest::option::of(nasty_text()),
        proptest::option::of(prefixed(&[
            "10.",
            "doi:",
            "https://doi.org/",
            "isbn:",
            "urn:uuid:",
        ])),
        proptest::option::of(nasty_text()),
        proptest::option::of(nasty_text()),
    );
    let meta_rest = (
        proptest::option::of((proptest::option::of(inlines()), blocks())),
        proptest::collection::vec(nasty_text(), 0..3),
        proptest::option::of(prefixed(&["CC BY ", "cc0", "https://"])),
        proptest::collection::btree_map(
            prop_oneof![
                Just("article-type".to_string()),
                Just("copyright".to_string())
            ],
            nasty_text(),
            0..2,
        ),
    );
    (
        meta_text,
        meta_rest,
        blocks(),
        proptest::collection::vec(back_strategy(), 0..3),
    )
        .prop_map(
            |(
                (title, subtitle, authors, date, language, identifier, publisher, series),
                (abs, keywords, license, extra),
                blocks,
                back,
            )| {
                let mut doc = Document {
                    blocks,
                    back,
                    ..Document::default()
                };
                let m = &mut doc.meta;
                (m.title, m.subtitle, m.authors, m.date) = (title, subtitle, authors, date);
                (m.language, m.identifier, m.publisher, m.series) =
                    (language, identifier, publisher, series);
                m.abstract_ = abs.map(|(title, blocks)| Abstract { title, blocks });
                (m.keywords, m.license, m.extra) = (keywords, license, extra);
                doc
            },
        )
}

/// Random documents, written in both tag sets: every one is checked in
/// process (no forbidden character, deterministic), and the first
/// `VALIDATED` are validated with one xmllint call per tag set. A
/// deterministic runner keeps failures reproducible.
#[test]
fn random_documents_give_valid_jats() {
    const CASES: usize = 256;
    const VALIDATED: usize = 32;
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let strategy = document_strategy();
    let docs: Vec<Document> = (0..CASES)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect();
    let validate_now = validators_available();
    let dir = tempfile::tempdir().unwrap();
    for tagset in TAGSETS {
        let mut files = Vec::new();
        for (n, doc) in docs.iter().enumerate() {
            let xml = write_jats(doc, tagset);
            assert!(
                xml.chars().all(recto::write::xml_text::is_xml_char),
                "case {n}: a character XML 1.0 forbids"
            );
            assert_eq!(xml, write_jats(doc, tagset), "case {n}: not deterministic");
            if n < VALIDATED {
                let file = dir.path().join(format!("{tagset:?}-{n:03}.xml"));
                std::fs::write(&file, xml).unwrap();
                files.push(file);
            }
        }
        if validate_now && let Err(e) = validate(&files, tagset) {
            // Keep the failing files for a look.
            let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("jats-random");
            std::fs::create_dir_all(&keep).unwrap();
            for f in &files {
                std::fs::copy(f, keep.join(f.file_name().unwrap())).unwrap();
            }
            panic!("{e}\n(files kept in {})", keep.display());
        }
    }
}

// ------------------------------------------------------------ the sample brief

/// A document shaped like the sample brief: title, one author with e-mail,
/// affiliation and bio, a "Summary" abstract, paragraphs whose links lost
/// their URLs.
fn sample_brief() -> Document {
    let mut doc = Document::default();
    let m = &mut doc.meta;
    m.title = Some(t(
        "One Year After the Kazan Summit: An Assessment of China-India Relations",
    ));
    let mut author = Author::from_name("Ivan Lidarev");
    author.email = Some("ivanlidarev@nus.edu.sg".into());
    author.affiliations =
        vec!["Institute of South Asian Studies, National University of Singapore".into()];
    author.bio = vec![p(
        "Dr Ivan Lidarev is a Visiting Research Fellow at the Institute of South Asian Studies (ISAS), an autonomous research institute at the National University of Singapore (NUS). He can be contacted at ivanlidarev@nus.edu.sg.",
    )];
    m.authors = vec![author];
    m.language = Some("en".into());
    m.abstract_ = Some(Abstract {
        title: Some(t("Summary")),
        blocks: vec![p(
            "The 2024 Kazan Summit marked a successful thaw in China-India relations, stabilising their border and easing several economic restrictions.",
        )],
    });
    let lost = |s: &str| Inline::Link {
        target: None,
        content: t(s),
    };
    let mut para1 = t("The thaw has survived crises such as the");
    para1.extend([
        Inline::Space,
        lost("India-Pakistan conflict"),
        Inline::Space,
    ]);
    para1.extend(t("in May 2025 and the"));
    para1.extend([
        Inline::Space,
        lost("Dalai Lama's announcement of his reincarnation plans"),
        Inline::text("."),
    ]);
    let mut para2 = t("The two sides set up");
    para2.extend([Inline::Space, lost("three new mechanisms"), Inline::Space]);
    para2.extend(t("to manage military tensions along the border."));
    doc.blocks = vec![para(para1), para(para2)];
    doc.back = vec![BackMatter {
        kind: BackKind::Disclaimer,
        title: None,
        blocks: vec![p(
            "The author bears full responsibility for the facts cited and opinions expressed in this paper.",
        )],
    }];
    doc
}

/// The sample's JATS against a reviewed golden file (`UPDATE_GOLDEN=1`
/// rewrites it), and valid in both tag sets.
#[test]
fn sample_brief_matches_golden_and_is_valid() {
    let xml = write_jats(&sample_brief(), JatsTagset::Archiving);
    common::golden::assert_golden("jats/sample-brief.xml", &xml, "the sample's JATS");
    for needle in [
        "<underline>India-Pakistan conflict</underline>",
        "<underline>Dalai Lama's announcement of his reincarnation plans</underline>",
        "<underline>three new mechanisms</underline>",
        "<surname>Lidarev</surname>",
        "<given-names>Ivan</given-names>",
        "<institution>Institute of South Asian Studies</institution>, <institution>National University of Singapore</institution>",
        "xml:lang=\"en\"",
    ] {
        assert!(xml.contains(needle), "missing {needle:?}");
    }
    if !validators_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for tagset in TAGSETS {
        let file = dir.path().join("sample.xml");
        std::fs::write(&file, write_jats(&sample_brief(), tagset)).unwrap();
        validate(std::slice::from_ref(&file), tagset).unwrap();
    }
}
