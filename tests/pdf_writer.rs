//! The PDF edition checked by real validators: qpdf, pdffonts, pdfinfo and
//! pdftotext (poppler). A missing tool makes a test print a message and
//! return, unless RECTO_REQUIRE_VALIDATORS=1, when it fails. The validators
//! are run through `common::pdf`; every document of `tests/corpus` is checked
//! in `tests/local_corpus.rs`.

mod common;

use common::pdf::*;
use recto::model::{
    Abstract, Author, BackKind, BackMatter, Block, Counter, Date, Delimiter, Document, Inline,
    Numbering, Span,
};
use recto::write::pdf::emit::emit;
use recto::write::pdf::fonts::FontSet;
use recto::write::pdf::info::PdfMeta;
use recto::write::pdf::page::{
    FontFace, Item, Layout, OutlineEntry, Page, StructRef, StructRole, TextRun,
};
use recto::write::{PdfStandard, WriteOptions};

// ------------------------------------------------------------- documents

fn text(s: &str) -> Vec<Inline> {
    recto::model::inlines_from_text(s)
}

fn para(s: &str) -> Block {
    Block::paragraph(text(s), Span::UNKNOWN)
}

/// A document shaped like a policy brief: every kind of content the model has.
fn policy_brief() -> Document {
    let mut doc = Document::default();
    let meta = &mut doc.meta;
    meta.title = Some(text("Water Rights in Shrinking Rivers"));
    meta.subtitle = Some(text("Allocation rules for a drier decade"));
    let mut author = Author::from_name("Amara Okafor");
    author.affiliations = vec!["Institute for Basin Studies".into()];
    author.bio = vec![para(
        "Amara Okafor directs the basin programme and has advised three river commissions on allocation disputes.",
    )];
    meta.authors = vec![author, Author::from_name("Tomás Ruiz")];
    meta.date = Some(Date::parse("2024-03-15").unwrap());
    meta.language = Some("en".into());
    meta.identifier = Some("doi:10.5555/recto.brief.1".into());
    meta.publisher = Some("Institute for Basin Studies".into());
    meta.keywords = vec!["water rights".into(), "drought".into(), "allocation".into()];
    meta.license = Some("CC BY 4.0".into());
    meta.abstract_ = Some(Abstract::from_text(
        "Rivers that supplied fixed volumes for a century now fall short in most summers. \
         This brief compares proportional sharing with seniority-based allocation and recommends \
         a hybrid rule with a protected environmental flow.",
    ));
    let long = "Allocation systems designed around historical averages misjudge the variability \
        of contemporary hydrology, and the administrative infrastructure surrounding them \
        frequently compounds the difficulty: measurement stations are sparse, transfers are \
        slow, and the accountability of irrigation districts remains fragmented across \
        overlapping jurisdictions with incompatible responsibilities.";
    doc.blocks = vec![
        Block::heading(1, text("The problem"), Span::UNKNOWN),
        para(long),
        para(long),
        Block::Paragraph {
            content: vec![
                Inline::text("Read"),
                Inline::Space,
                Inline::Link {
                    target: Some("https://example.org/basin-report".into()),
                    content: text("the basin report"),
                },
                Inline::Space,
                Inline::text("and"),
                Inline::Space,
                Inline::Link {
                    target: None,
                    content: text("the annex"),
                },
                Inline::Space,
                Inline::text("before"),
                Inline::Space,
                Inline::Underline(text("any decision")),
                Inline::Space,
                Inline::Emphasis(text("is taken,")),
                Inline::Space,
                Inline::Strong(text("not after.")),
            ],
            span: Span::UNKNOWN,
        },
        Block::heading(2, text("What the data show"), Span::UNKNOWN),
        Block::List {
            start: None,
            numbering: Numbering::default(),
            items: vec![
                vec![para("Summer flows fell by a fifth since 1990.")],
                vec![para("Groundwater pumping doubled in the same period.")],
                vec![para(
                    "Three of five gauges report gaps longer than a month.",
                )],
            ],
            span: Span::UNKNOWN,
        },
        Block::heading(2, text("Options"), Span::UNKNOWN),
        Block::List {
            start: Some(1),
            numbering: Numbering::default(),
            items: vec![
                vec![para("Keep seniority and buy back the most junior rights.")],
                vec![para("Share shortfalls in proportion to entitlements.")],
            ],
            span: Span::UNKNOWN,
        },
        Block::BlockQuote {
            blocks: vec![para(
                "A right to water that is not there is a right to a lawsuit.",
            )],
            span: Span::UNKNOWN,
        },
        Block::CodeBlock {
            language: None,
            text: "share = entitlement * (flow / total_entitlements)".into(),
            span: Span::UNKNOWN,
        },
        Block::heading(1, text("Recommendations"), Span::UNKNOWN),
        para(long),
    ];
    doc.back = vec![BackMatter {
        kind: BackKind::References,
        title: Some(text("Further reading")),
        blocks: vec![para(
            "Basin Commission. Annual flow statistics, 2023 edition.",
        )],
    }];
    doc
}

fn options() -> WriteOptions {
    WriteOptions {
        timestamp: 1_700_000_000,
        ..WriteOptions::default()
    }
}

fn sref(role: StructRole, id: u32) -> StructRef {
    StructRef {
        role,
        id,
        list: None,
    }
}

fn run_at(x: f32, y: f32, text: &str, face: FontFace, size: f32, s: StructRef) -> Item {
    Item::Text(TextRun {
        x,
        y,
        text: text.into(),
        face,
        size,
        actual_text: None,
        structure: s,
    })
}

/// A layout built by hand, independent of the layout code: a heading, a
/// paragraph with a word hyphenated across lines, a link, a rule and a page
/// number on page 2.
fn hand_layout() -> Layout {
    use recto::write::pdf::page::Measure;
    let fonts = FontSet::load().unwrap();
    let space = fonts.width(" ", FontFace::Regular, 11.0);
    let after_first = 72.0 + fonts.width("Efficient office fluff", FontFace::Regular, 11.0) + space;
    let after_second = 72.0 + fonts.width("tration", FontFace::Regular, 11.0) + space;
    let p = sref(StructRole::Paragraph, 2);
    let mut page1 = vec![
        run_at(
            72.0,
            770.0,
            "Findings",
            FontFace::Bold,
            16.0,
            sref(StructRole::Heading(1), 1),
        ),
        run_at(
            72.0,
            740.0,
            "Efficient office fluff",
            FontFace::Regular,
            11.0,
            p,
        ),
    ];
    page1.push(Item::Text(TextRun {
        x: after_first,
        y: 740.0,
        text: "adminis-".into(),
        face: FontFace::Regular,
        size: 11.0,
        actual_text: Some("administration".into()),
        structure: p,
    }));
    page1.push(Item::Text(TextRun {
        x: 72.0,
        y: 726.0,
        text: "tration".into(),
        face: FontFace::Regular,
        size: 11.0,
        actual_text: Some(Box::default()),
        structure: p,
    }));
    page1.push(run_at(
        after_second,
        726.0,
        "works.",
        FontFace::Italic,
        11.0,
        p,
    ));
    page1.push(run_at(
        72.0,
        700.0,
        "example.org",
        FontFace::Mono,
        10.0,
        sref(StructRole::Paragraph, 3),
    ));
    page1.push(Item::Link {
        x: 72.0,
        y: 697.0,
        width: 66.0,
        height: 12.0,
        target: "https://example.org/".into(),
    });
    page1.push(Item::Rule {
        x1: 72.0,
        y1: 690.0,
        x2: 300.0,
        y2: 690.0,
        width: 0.5,
        artifact: true,
    });
    let page2 = vec![
        run_at(
            72.0,
            800.0,
            "Short title",
            FontFace::Italic,
            9.0,
            sref(StructRole::Artifact, 0),
        ),
        run_at(
            72.0,
            770.0,
            "Second",
            FontFace::Bold,
            14.0,
            sref(StructRole::Heading(2), 4),
        ),
        run_at(
            72.0,
            740.0,
            "More text on the second page.",
            FontFace::Regular,
            11.0,
            sref(StructRole::Paragraph, 5),
        ),
        run_at(
            290.0,
            40.0,
            "2",
            FontFace::Regular,
            9.0,
            sref(StructRole::Artifact, 0),
        ),
    ];
    Layout {
        width: 595.0,
        height: 842.0,
        pages: vec![Page { items: page1 }, Page { items: page2 }],
        outline: vec![
            OutlineEntry {
                title: "Findings".into(),
                level: 1,
                page: 0,
                y: 786.0,
            },
            OutlineEntry {
                title: "Second".into(),
                level: 2,
                page: 1,
                y: 784.0,
            },
        ],
        missing_glyphs: Vec::new(),
        alts: Default::default(),
    }
}

fn hand_meta() -> PdfMeta {
    PdfMeta {
        title: "Hand-built — layout".into(),
        authors: vec!["Ann Author".into(), "Bo Writer".into()],
        subject: Some("An abstract.".into()),
        keywords: vec!["one".into(), "two".into()],
        language: "en".into(),
        identifier: "urn:uuid:00000000-0000-0000-0000-000000000001".into(),
        date: None,
        publisher: None,
        rights: None,
        timestamp: 1_700_000_000,
        standard: PdfStandard::default(),
    }
}

// ----------------------------------------------------------------- tests

#[test]
fn emission_of_a_hand_built_layout_passes_the_validators() {
    let fonts = FontSet::load().unwrap();
    let emitted = emit(hand_layout(), &fonts, &hand_meta()).unwrap();
    assert!(emitted.missing.is_empty());
    if !have_all() {
        return;
    }
    let file = save(&emitted.bytes);
    assert_qpdf_clean(&file.path);
    let names = assert_fonts_embedded(&file.path);
    assert!(
        names.iter().any(|n| n.contains("LibertinusSerif-Regular")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.contains("DejaVuSansMono")),
        "{names:?}"
    );

    let info = pdfinfo(&file.path);
    assert_eq!(
        info_field(&info, "Title"),
        Some("Hand-built — layout"),
        "{info}"
    );
    assert_eq!(
        info_field(&info, "Author"),
        Some("Ann Author; Bo Writer"),
        "{info}"
    );
    assert_eq!(info_field(&info, "Subject"), Some("An abstract."), "{info}");
    assert_eq!(info_field(&info, "Keywords"), Some("one, two"), "{info}");
    assert_eq!(info_field(&info, "Producer"), Some("Recto"), "{info}");
    assert_eq!(info_field(&info, "Tagged"), Some("yes"), "{info}");
    assert_eq!(info_field(&info, "Pages"), Some("2"), "{info}");

    let text = pdftotext(&file.path);
    // Ligatures read back as their letters; the hyphenated word reads as
    // one word and its second half is not repeated.
    assert!(
        text.contains("Efficient office fluff administration"),
        "{text}"
    );
    assert!(!text.contains("adminis-"), "{text}");
    assert_eq!(text.matches("tration").count(), 1, "{text}");
    assert!(text.contains("works."), "{text}");
    assert!(text.contains("More text on the second page."), "{text}");
}

#[test]
fn the_outline_links_and_structure_are_written() {
    let fonts = FontSet::load().unwrap();
    let bytes = emit(hand_layout(), &fonts, &hand_meta()).unwrap().bytes;
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    let mark_info = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
    assert!(mark_info.get(b"Marked").unwrap().as_bool().unwrap());
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    assert!(catalog.get(b"Outlines").is_ok());
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    let prefs = catalog
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());

    let pages = doc.get_pages();
    let first = doc.get_dictionary(pages[&1]).unwrap();
    let annots = first.get(b"Annots").unwrap().as_array().unwrap();
    assert_eq!(annots.len(), 1);
    let annot = doc
        .get_dictionary(annots[0].as_reference().unwrap())
        .unwrap();
    let action = annot.get(b"A").unwrap().as_dict().unwrap();
    assert_eq!(
        action.get(b"URI").unwrap().as_str().unwrap(),
        b"https://example.org/"
    );
    assert!(annot.get(b"StructParent").is_ok());

    // The structure types that appear.
    let mut types = std::collections::BTreeSet::new();
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict() {
            if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"StructElem".as_slice()) {
                types.insert(
                    String::from_utf8_lossy(dict.get(b"S").unwrap().as_name().unwrap())
                        .into_owned(),
                );
            }
        }
    }
    for t in ["Document", "H1", "H2", "P", "Link"] {
        assert!(types.contains(t), "{t} missing from {types:?}");
    }

    // Page furniture is an artifact, not content.
    let content = String::from_utf8_lossy(&doc.get_page_content(pages[&2])).into_owned();
    assert!(content.contains("/Artifact"), "{content}");
    assert!(content.contains("/MCID 0"), "{content}");
}

#[test]
fn the_policy_brief_passes_the_validators() {
    let doc = policy_brief();
    let out = recto::write::pdf::write(&doc, &options()).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    if std::env::var_os("RECTO_KEEP_PDF").is_some() {
        std::fs::write("/tmp/recto-policy-brief.pdf", &out.bytes).unwrap();
        let txt = recto::write::txt::write(&doc, &options()).unwrap();
        std::fs::write("/tmp/recto-policy-brief.txt", &txt.bytes).unwrap();
    }
    if !have_all() {
        return;
    }
    let file = save(&out.bytes);
    assert_qpdf_clean(&file.path);
    assert_fonts_embedded(&file.path);
    let info = pdfinfo(&file.path);
    assert_eq!(
        info_field(&info, "Title"),
        Some("Water Rights in Shrinking Rivers"),
        "{info}"
    );
    assert_eq!(
        info_field(&info, "Author"),
        Some("Amara Okafor; Tomás Ruiz"),
        "{info}"
    );
    assert!(
        info_field(&info, "Subject")
            .unwrap_or("")
            .starts_with("Rivers that supplied"),
        "{info}"
    );
    assert_eq!(
        info_field(&info, "Keywords"),
        Some("water rights, drought, allocation"),
        "{info}"
    );
    assert_eq!(info_field(&info, "Tagged"), Some("yes"), "{info}");
    assert!(info_field(&info, "CreationDate").is_some(), "{info}");

    let extra = policy_brief_extra_words();
    let (rate, detail) = word_error_rate(&doc, &file.path, &extra);
    eprintln!("policy brief word error rate: {:.4}", rate);
    assert!(rate <= 0.005, "word error rate {rate:.4}\n{detail}");
}

/// The PDF draws the markers the document wrote ("(a)", not "1."), as the
/// text edition writes them.
#[test]
fn list_markers_are_drawn_as_the_document_wrote_them() {
    let mut doc = policy_brief();
    let lettered = Numbering::new(Counter::LowerAlpha, Delimiter::Parens);
    for block in &mut doc.blocks {
        if let Block::List {
            start: Some(_),
            numbering,
            ..
        } = block
        {
            *numbering = lettered;
        }
    }
    let out = recto::write::pdf::write(&doc, &options()).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    if !have_all() {
        return;
    }
    let file = save(&out.bytes);
    assert_qpdf_clean(&file.path);
    let drawn = pdftotext(&file.path);
    let starts = |marker: &str| drawn.lines().any(|l| l.trim_start().starts_with(marker));
    assert!(starts("(a)") && starts("(b)"), "{drawn}");
    assert!(!starts("1. ") && !starts("2. "), "{drawn}");
    let extra = policy_brief_extra_words();
    let (rate, detail) = word_error_rate(&doc, &file.path, &extra);
    assert!(rate <= 0.005, "word error rate {rate:.4}\n{detail}");
}

#[test]
fn two_writes_are_byte_identical() {
    let doc = policy_brief();
    let a = recto::write::pdf::write(&doc, &options()).unwrap().bytes;
    let b = recto::write::pdf::write(&doc, &options()).unwrap().bytes;
    assert!(a == b, "two writes of one document differ");
    let fonts = FontSet::load().unwrap();
    let c = emit(hand_layout(), &fonts, &hand_meta()).unwrap().bytes;
    let d = emit(hand_layout(), &fonts, &hand_meta()).unwrap().bytes;
    assert!(c == d);
}

#[test]
fn characters_no_face_has_are_reported() {
    let mut doc = Document::default();
    doc.meta.title = Some(text("Glyphs"));
    // An emoji and a last-plane private-use code point: no face has either.
    doc.blocks = vec![para("Known text, then \u{1F600} and \u{10FFFD}.")];
    let out = recto::write::pdf::write(&doc, &options()).unwrap();
    let joined = out.warnings.join("\n");
    assert!(joined.contains("U+1F600"), "{joined}");
    assert!(joined.contains("U+10FFFD"), "{joined}");
    assert!(!joined.contains("U+004B"), "{joined}");
}

#[test]
fn awkward_documents_still_give_valid_pdfs() {
    let odd = Document {
        blocks: vec![
            para(""),
            Block::Paragraph {
                content: vec![
                    Inline::text("tab\there\u{7}bell\u{AD}soft"),
                    Inline::Space,
                    Inline::Link {
                        target: Some("https://example.org/straße?q=ü".into()),
                        content: text("ünïcode"),
                    },
                ],
                span: Span::UNKNOWN,
            },
            Block::CodeBlock {
                language: None,
                text: "\n\n".into(),
                span: Span::UNKNOWN,
            },
            Block::List {
                start: Some(7),
                numbering: Numbering::default(),
                items: vec![vec![], vec![para("Ελληνικά и кириллица")]],
                span: Span::UNKNOWN,
            },
        ],
        ..Document::default()
    };
    let empty = Document::default();
    // A layout with nothing in it, and one with numbers no layout should produce.
    let mut broken = hand_layout();
    broken.pages.clear();
    let mut nan = hand_layout();
    nan.width = f32::NAN;
    if let Item::Text(run) = &mut nan.pages[0].items[0] {
        run.x = f32::INFINITY;
        run.size = -1.0;
    }
    let fonts = FontSet::load().unwrap();
    let mut files = vec![
        recto::write::pdf::write(&odd, &options()).unwrap().bytes,
        recto::write::pdf::write(&empty, &options()).unwrap().bytes,
    ];
    for layout in [broken, nan] {
        files.push(emit(layout, &fonts, &hand_meta()).unwrap().bytes);
    }
    if !have("qpdf") || !have("pdfinfo") {
        return;
    }
    for bytes in files {
        let file = save(&bytes);
        assert_qpdf_clean(&file.path);
        assert_eq!(info_field(&pdfinfo(&file.path), "Tagged"), Some("yes"));
    }
}

#[test]
fn characters_the_text_face_lacks_come_from_the_fallback_face() {
    use recto::write::pdf::page::Measure;
    let fonts = FontSet::load().unwrap();
    let candidates = "∮⊛ℵ⨁⟶♣␣⌘⊕∴≬⋘⟨⟩↯☞★✓";
    let found: String = candidates
        .chars()
        .filter(|&c| {
            !fonts.has_glyph(FontFace::Regular, c) && fonts.has_glyph(FontFace::Fallback, c)
        })
        .collect();
    assert!(!found.is_empty(), "no candidate needs the fallback face");
    let mut doc = Document::default();
    doc.meta.title = Some(text("Symbols"));
    doc.blocks = vec![para(&format!("Symbols {found} end."))];
    let out = recto::write::pdf::write(&doc, &options()).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    if !have_all() {
        return;
    }
    let file = save(&out.bytes);
    assert_qpdf_clean(&file.path);
    let names = assert_fonts_embedded(&file.path);
    assert!(
        names.iter().any(|n| n.contains("DejaVuSansMono")),
        "{names:?}"
    );
    let extracted = pdftotext(&file.path);
    assert!(extracted.contains(&found), "{found} not in {extracted}");
}

/// Words the PDF prints that the policy brief's body does not hold: the
/// title page's affiliation and date, and the headings the writer adds.
fn policy_brief_extra_words() -> Vec<String> {
    [
        "Institute for Basin Studies",
        "15 March 2024",
        "Abstract",
        "About the author",
    ]
    .map(String::from)
    .to_vec()
}
