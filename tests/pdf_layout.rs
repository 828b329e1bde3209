//! Layout tests: they check the laid-out pages (positions, runs, page
//! breaks), never PDF bytes.

use recto::model::{
    Abstract, Author, BackKind, BackMatter, Block, Date, Document, Inline, Numbering, Span,
    inlines_from_text,
};
use recto::write::Paper;
use recto::write::pdf::layout::{Style, layout};
use recto::write::pdf::page::{FontFace, Item, Layout, Measure, StructRole, TextRun};

/// A measure with fixed-width characters (half the font size), where the
/// text faces lack Cyrillic (the fallback has it) and no face has
/// private-use characters.
struct Simple;

impl Measure for Simple {
    fn width(&self, text: &str, _face: FontFace, size: f32) -> f32 {
        0.5 * size * text.chars().count() as f32
    }
    fn has_glyph(&self, face: FontFace, c: char) -> bool {
        let cyrillic = ('\u{0400}'..='\u{04FF}').contains(&c);
        let private = ('\u{E000}'..='\u{F8FF}').contains(&c);
        !private && (!cyrillic || face == FontFace::Fallback)
    }
}

const EPS: f32 = 0.01;

fn p(t: &str) -> Block {
    Block::paragraph(inlines_from_text(t), Span::UNKNOWN)
}

fn h(level: u8, t: &str) -> Block {
    Block::heading(level, inlines_from_text(t), Span::UNKNOWN)
}

/// Varied English prose, `n` sentences, with long words that invite
/// hyphenation.
fn prose(seed: usize, n: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "policy",
        "recommendations",
        "acknowledge",
        "international",
        "responsibilities",
        "of",
        "governments",
        "and",
        "institutions",
        "towards",
        "sustainable",
        "development",
        "characteristically",
        "in",
        "communities",
        "where",
        "infrastructure",
        "remains",
        "underfunded",
        "a",
        "transparent",
        "accountability",
        "framework",
        "is",
        "necessary",
        "for",
        "implementation",
        "with",
        "measurable",
        "outcomes",
    ];
    let mut out = Vec::new();
    let mut k = seed;
    for s in 0..n {
        let len = 8 + (k % 11);
        for i in 0..len {
            k = k
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let w = WORDS[(k >> 33) % WORDS.len()];
            if i == 0 {
                let mut c = w.chars();
                let first = c.next().unwrap().to_uppercase().collect::<String>();
                out.push(format!("{first}{}", c.as_str()));
            } else if i + 1 == len {
                out.push(format!("{w}."));
            } else {
                out.push(w.to_string());
            }
        }
        let _ = s;
    }
    out.join(" ")
}

fn sample() -> Document {
    let mut doc = Document::default();
    doc.meta.title = Some(inlines_from_text(
        "Sustainable Infrastructure: A Policy Brief on Accountability",
    ));
    doc.meta.subtitle = Some(inlines_from_text("Recommendations for governments"));
    let mut a = Author::from_name("Ada Example");
    a.affiliations = vec!["Institute of Examples".into()];
    a.bio = vec![p(&prose(99, 3))];
    doc.meta.authors = vec![a, Author::from_name("Ben Sample")];
    doc.meta.date = Some(Date::parse("2025-10-30").unwrap());
    doc.meta.language = Some("en".into());
    doc.meta.abstract_ = Some(Abstract::from_text(&prose(7, 4)));
    let mut blocks = Vec::new();
    for s in 0..12 {
        blocks.push(h(1, &format!("Section {s} on accountability")));
        for k in 0..4 {
            blocks.push(p(&prose(s * 10 + k, 3 + (s + k) % 6)));
        }
        blocks.push(h(2, "Sub-section on outcomes"));
        blocks.push(p(&prose(s * 7 + 3, 5)));
    }
    doc.blocks = blocks;
    doc.back = vec![BackMatter {
        kind: BackKind::Notes,
        title: None,
        blocks: vec![p(&prose(5, 3))],
    }];
    doc
}

fn style() -> Style {
    Style::builtin(Paper::A4)
}

fn runs(page: &recto::write::pdf::page::Page) -> impl Iterator<Item = &TextRun> {
    page.items.iter().filter_map(|i| match i {
        Item::Text(r) => Some(r),
        _ => None,
    })
}

fn content_runs(page: &recto::write::pdf::page::Page) -> impl Iterator<Item = &TextRun> {
    runs(page).filter(|r| r.structure.role != StructRole::Artifact)
}

/// The word a run draws: its text without the word space that ends a run
/// another word follows (a real U+0020 for extractors, drawn blank).
fn word(r: &TextRun) -> &str {
    r.text.strip_suffix(' ').unwrap_or(&r.text)
}

/// Where a run's ink ends: the trailing word space is part of the gap, so a
/// justified line's last word, not its space, meets the margin.
fn end(r: &TextRun) -> f32 {
    r.x + Simple.width(word(r), r.face, r.size)
}

/// The words a text extractor would read: runs in order, actual text
/// instead of drawn text, runs that touch on one line joined.
fn extract(l: &Layout) -> Vec<String> {
    let mut text = String::new();
    let mut prev: Option<(f32, f32)> = None;
    for page in &l.pages {
        for r in content_runs(page) {
            if r.structure.role == StructRole::ListLabel {
                continue;
            }
            let touching =
                prev.is_some_and(|(y, e)| (y - r.y).abs() < EPS && (e - r.x).abs() < EPS);
            if !touching {
                text.push(' ');
            }
            text.push_str(r.actual_text.as_deref().unwrap_or(&r.text));
            prev = Some((r.y, end(r)));
        }
    }
    text.split_whitespace().map(str::to_string).collect()
}

/// Lines of a structure element: (page, y, runs), in reading order.
fn element_lines(l: &Layout, id: u32) -> Vec<(usize, f32, Vec<&TextRun>)> {
    let mut out: Vec<(usize, f32, Vec<&TextRun>)> = Vec::new();
    for (pi, page) in l.pages.iter().enumerate() {
        for r in content_runs(page).filter(|r| r.structure.id == id) {
            match out.last_mut() {
                Some((lp, ly, v)) if *lp == pi && (*ly - r.y).abs() < EPS => v.push(r),
                _ => out.push((pi, r.y, vec![r])),
            }
        }
    }
    out
}

fn paragraph_ids(l: &Layout) -> Vec<u32> {
    let mut ids: Vec<u32> = l
        .pages
        .iter()
        .flat_map(content_runs)
        .filter(|r| r.structure.role == StructRole::Paragraph)
        .map(|r| r.structure.id)
        .collect();
    ids.dedup();
    ids
}

#[test]
fn no_line_exceeds_the_measure() {
    let s = style();
    let l = layout(&sample(), &s, &Simple);
    let right = s.width - s.margins.right;
    assert!(l.pages.len() > 3);
    for page in &l.pages {
        for r in content_runs(page) {
            assert!(r.x >= s.margins.left - EPS, "{r:?}");
            assert!(end(r) <= right + EPS, "run passes the right margin: {r:?}");
        }
    }
}

#[test]
fn justified_lines_fill_the_measure_except_last_lines() {
    let s = style();
    let l = layout(&sample(), &s, &Simple);
    let right = s.width - s.margins.right;
    let mut checked = 0;
    for id in paragraph_ids(&l) {
        let lines = element_lines(&l, id);
        // Only body paragraphs are justified across the full measure.
        if lines[0].2[0].size != s.body.size {
            continue;
        }
        for (_, _, line) in &lines[..lines.len() - 1] {
            let e = end(line.last().unwrap());
            assert!(
                (e - right).abs() <= EPS,
                "line ends at {e}, not {right}: {line:?}"
            );
            checked += 1;
        }
        let last = lines.last().unwrap().2.last().copied().unwrap();
        assert!(end(last) <= right + EPS);
    }
    assert!(checked > 100, "only {checked} lines checked");
}

#[test]
fn hyphenation_happens_and_reads_as_whole_words() {
    let l = layout(&sample(), &style(), &Simple);
    let hyphenated: Vec<&TextRun> = l
        .pages
        .iter()
        .flat_map(content_runs)
        .filter(|r| r.text.ends_with('-') && r.actual_text.is_some())
        .collect();
    assert!(!hyphenated.is_empty(), "no word was hyphenated");
    for r in &hyphenated {
        let whole = r.actual_text.as_deref().unwrap();
        let drawn = r.text.trim_end_matches('-');
        assert!(
            whole.starts_with(drawn) && whole.len() > drawn.len(),
            "{r:?}"
        );
    }
    let continuations = l
        .pages
        .iter()
        .flat_map(content_runs)
        .filter(|r| r.actual_text.as_deref().map(str::trim_end) == Some(""))
        .count();
    assert_eq!(continuations, hyphenated.len());
}

#[test]
fn extracted_words_match_the_document() {
    let doc = sample();
    let l = layout(&doc, &style(), &Simple);
    let mut expected: Vec<String> = Vec::new();
    let mut add = |t: &str| expected.extend(t.split_whitespace().map(str::to_string));
    add(&doc.meta.title_text().unwrap());
    add(&doc.meta.subtitle_text().unwrap());
    add("Ada Example, Ben Sample Institute of Examples 30 October 2025 Abstract");
    add(&doc.meta.abstract_text().unwrap());
    for b in &doc.blocks {
        add(&b.plain_text());
    }
    add("About the author");
    add(&doc.meta.authors[0].bio[0].plain_text());
    add("Notes");
    add(&doc.back[0].blocks[0].plain_text());
    assert_eq!(extract(&l), expected);
}

#[test]
fn headings_are_never_last_on_a_page() {
    let l = layout(&sample(), &style(), &Simple);
    for (i, page) in l.pages.iter().enumerate() {
        let last = content_runs(page).last().unwrap();
        assert!(
            !matches!(last.structure.role, StructRole::Heading(_)),
            "page {i} ends with a heading: {last:?}"
        );
    }
}

#[test]
fn no_widows_or_orphans() {
    let l = layout(&sample(), &style(), &Simple);
    let mut split = 0;
    for id in paragraph_ids(&l) {
        let lines = element_lines(&l, id);
        if lines.len() < 4 {
            continue;
        }
        let first_page = lines[0].0;
        let on_first = lines.iter().filter(|x| x.0 == first_page).count();
        if on_first < lines.len() {
            split += 1;
            assert!(on_first >= 2, "orphan: paragraph {id} leaves one line");
            let last_page = lines.last().unwrap().0;
            let on_last = lines.iter().filter(|x| x.0 == last_page).count();
            assert!(on_last >= 2, "widow: paragraph {id} carries one line over");
        }
    }
    assert!(
        split > 0,
        "no paragraph crossed a page: the test proves nothing"
    );
}

#[test]
fn furniture_from_page_two_on() {
    let s = style();
    let l = layout(&sample(), &s, &Simple);
    assert!(
        runs(&l.pages[0]).all(|r| r.structure.role != StructRole::Artifact),
        "page 1 has furniture"
    );
    for (i, page) in l.pages.iter().enumerate().skip(1) {
        let art: Vec<&TextRun> = runs(page)
            .filter(|r| r.structure.role == StructRole::Artifact)
            .collect();
        assert!(
            art.iter().any(|r| word(r) == (i + 1).to_string()),
            "page {i}"
        );
        assert!(
            art.iter().any(|r| r.text.starts_with("Sustainable")),
            "page {i}"
        );
        for r in &art {
            assert!(r.y > s.height - s.margins.top || r.y < s.margins.bottom);
        }
    }
}

#[test]
fn struct_ids_increase_in_reading_order() {
    let l = layout(&sample(), &style(), &Simple);
    let mut seen = std::collections::BTreeSet::new();
    let mut last_new = 0;
    for page in &l.pages {
        for r in content_runs(page) {
            assert!(r.structure.id > 0);
            if seen.insert(r.structure.id) {
                assert!(r.structure.id > last_new, "{r:?}");
                last_new = r.structure.id;
            }
        }
    }
    let title = runs(&l.pages[0]).next().unwrap();
    assert_eq!(title.structure.role, StructRole::Title);
}

#[test]
fn outline_follows_the_headings() {
    let l = layout(&sample(), &style(), &Simple);
    // The title, the abstract under it, every section, the end matter.
    assert_eq!(l.outline.len(), 1 + 1 + 12 * 2 + 2);
    assert!(
        l.outline[0].title.starts_with("Sustainable Infrastructure"),
        "{:?}",
        l.outline[0]
    );
    assert_eq!(l.outline[0].level, 1);
    assert_eq!(l.outline[1].title, "Abstract");
    assert_eq!(l.outline[1].level, 2);
    assert_eq!(l.outline[2].title, "Section 0 on accountability");
    assert_eq!(l.outline[2].level, 1);
    assert_eq!(l.outline[3].level, 2);
    for w in l.outline.windows(2) {
        assert!(w[0].page <= w[1].page);
    }
}

#[test]
fn title_block_abstract_and_end_matter() {
    let s = style();
    let l = layout(&sample(), &s, &Simple);
    let first: Vec<&TextRun> = content_runs(&l.pages[0]).collect();
    assert_eq!(first[0].face, FontFace::Bold);
    assert_eq!(first[0].size, s.title.size);
    assert!(
        first
            .iter()
            .any(|r| word(r) == "Institute" && r.face == FontFace::Italic)
    );
    assert!(first.iter().any(|r| word(r) == "October"));
    // The abstract is smaller and indented on both sides.
    let abs: Vec<&&TextRun> = first.iter().filter(|r| r.size == s.small.size).collect();
    assert!(!abs.is_empty());
    for r in &abs {
        assert!(r.x >= s.margins.left + s.small.abstract_indent - EPS);
        assert!(end(r) <= s.width - s.margins.right - s.small.abstract_indent + EPS);
    }
    // Bios and end matter are set small, their headings too.
    let all: Vec<&TextRun> = l.pages.iter().flat_map(content_runs).collect();
    let about = all.iter().position(|r| word(r) == "About").unwrap();
    assert!(all[about].size < s.headings.size(2));
    assert!(all[about..].iter().all(
        |r| r.size <= s.small.size + EPS || matches!(r.structure.role, StructRole::Heading(_))
    ));
    assert_eq!(all.last().unwrap().size, s.small.size);
}

#[test]
fn lists_quotes_and_code() {
    let s = style();
    let mut doc = Document::default();
    let long_line = format!("let x = {};", "a_very_long_identifier + ".repeat(12));
    doc.blocks = vec![
        Block::List {
            start: None,
            numbering: Numbering::default(),
            items: vec![
                vec![p("first item")],
                vec![
                    p("second item"),
                    Block::List {
                        start: Some(3),
                        numbering: Numbering::default(),
                        items: vec![vec![p("nested three")], vec![p("nested four")]],
                        span: Span::UNKNOWN,
                    },
                ],
            ],
            span: Span::UNKNOWN,
        },
        Block::BlockQuote {
            blocks: vec![p(&prose(3, 3))],
            span: Span::UNKNOWN,
        },
        Block::CodeBlock {
            language: None,
            text: format!("fn main() {{\n    {long_line}\n}}\n"),
            span: Span::UNKNOWN,
        },
    ];
    let l = layout(&doc, &s, &Simple);
    let all: Vec<&TextRun> = l.pages.iter().flat_map(content_runs).collect();
    let labels: Vec<&str> = all
        .iter()
        .filter(|r| r.structure.role == StructRole::ListLabel)
        .map(|r| &*r.text)
        .collect();
    // A label is followed by a real space before the item's text.
    assert_eq!(labels, ["\u{2022} ", "\u{2022} ", "3. ", "4. "]);
    let first = all.iter().find(|r| word(r) == "first").unwrap();
    let nested = all.iter().find(|r| word(r) == "nested").unwrap();
    assert!(nested.x > first.x + s.list.indent - EPS);
    let label = all.iter().find(|r| word(r) == "3.").unwrap();
    assert!((label.y - nested.y).abs() < EPS && end(label) < nested.x);
    let quote: Vec<&&TextRun> = all
        .iter()
        .filter(|r| r.structure.role == StructRole::Quote)
        .collect();
    assert!(
        quote
            .iter()
            .all(|r| r.x >= s.margins.left + s.quote.indent - EPS)
    );
    assert!(quote.iter().all(|r| r.size == s.quote.size));
    let code: Vec<&&TextRun> = all
        .iter()
        .filter(|r| r.structure.role == StructRole::Code)
        .collect();
    assert!(code.iter().all(|r| r.face == FontFace::Mono));
    assert!(code.len() >= 4, "the long code line is broken: {code:?}");
    let right = s.width - s.margins.right;
    assert!(code.iter().all(|r| end(r) <= right + EPS));
    let joined: String = code
        .iter()
        .map(|r| r.actual_text.as_deref().unwrap_or(&r.text))
        .collect();
    assert!(code.iter().any(|r| r.actual_text.as_deref() == Some("")));
    assert_eq!(
        joined.replace(' ', ""),
        format!("fn main() {{{long_line}}}").replace(' ', "")
    );
}

#[test]
fn underlines_and_links() {
    let doc = Document {
        blocks: vec![Block::paragraph(
            vec![
                Inline::text("See"),
                Inline::Space,
                Inline::Underline(inlines_from_text("this part")),
                Inline::Space,
                Inline::Link {
                    target: Some("https://example.org/x".into()),
                    content: inlines_from_text("our site"),
                },
                Inline::Space,
                Inline::Link {
                    target: None,
                    content: vec![Inline::text("nowhere")],
                },
            ],
            Span::UNKNOWN,
        )],
        ..Document::default()
    };
    let l = layout(&doc, &style(), &Simple);
    let items = &l.pages[0].items;
    let rules = items
        .iter()
        .filter(|i| matches!(i, Item::Rule { .. }))
        .count();
    assert_eq!(
        rules, 2,
        "one rule for the underline, one for the target-less link"
    );
    let links: Vec<&Item> = items
        .iter()
        .filter(|i| matches!(i, Item::Link { .. }))
        .collect();
    assert_eq!(links.len(), 1);
    let Item::Link { target, width, .. } = links[0] else {
        unreachable!()
    };
    assert_eq!(target, "https://example.org/x");
    assert!(*width > Simple.width("our site", FontFace::Regular, 10.5));
    assert!(extract(&l).contains(&"(https://example.org/x)".to_string()));
}

#[test]
fn a_word_ending_in_a_hyphen_never_ends_a_line() {
    let text = "pre- and post-war ".repeat(60);
    let doc = Document {
        blocks: vec![p(&text)],
        ..Document::default()
    };
    let l = layout(&doc, &style(), &Simple);
    let mut lines = 0;
    for (_, _, line) in element_lines(&l, 1) {
        lines += 1;
        assert_ne!(&*line.last().unwrap().text, "pre-", "{line:?}");
    }
    assert!(lines > 5);
}

#[test]
fn fallback_face_and_missing_glyphs() {
    let doc = Document {
        blocks: vec![p("plain Жук and \u{E001} here")],
        ..Document::default()
    };
    let l = layout(&doc, &style(), &Simple);
    let all: Vec<&TextRun> = l.pages.iter().flat_map(content_runs).collect();
    assert!(
        all.iter()
            .any(|r| word(r) == "Жук" && r.face == FontFace::Fallback)
    );
    assert_eq!(l.missing_glyphs, vec!['\u{E001}']);
}

#[test]
fn letter_paper_and_user_style() {
    let s = Style::builtin(Paper::Letter);
    let l = layout(&sample(), &s, &Simple);
    assert_eq!((l.width, l.height), (612.0, 792.0));
    let text = recto::write::pdf::layout::BUILTIN_STYLE.replace("size = 10.8", "size = 12.0");
    let big = Style::parse(&text, Paper::A4).unwrap();
    let l2 = layout(&sample(), &big, &Simple);
    assert!(l2.pages.len() > layout(&sample(), &style(), &Simple).pages.len());
}

#[test]
fn style_comes_from_the_template_directory() {
    use recto::write::{Templates, WriteOptions};
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("pdf")).unwrap();
    let text = recto::write::pdf::layout::BUILTIN_STYLE.replace("left = 84.0", "left = 100.0");
    std::fs::write(dir.path().join("pdf/style.toml"), text).unwrap();
    let options = WriteOptions {
        templates: Templates::from_dir(dir.path()),
        paper: Paper::Letter,
        ..WriteOptions::default()
    };
    let s = Style::load(&options).unwrap();
    assert_eq!((s.margins.left, s.width), (100.0, 612.0));
    let builtin = Style::load(&WriteOptions::default()).unwrap();
    assert_eq!(builtin, style());
    // A partial style is merged over the built-in one key by key (#19).
    std::fs::write(dir.path().join("pdf/style.toml"), "[margins]\ntop = 1.0\n").unwrap();
    let partial = Style::load(&options).unwrap();
    assert_eq!(partial.margins.top, 1.0);
    assert_eq!(
        partial.margins.left,
        Style::builtin(Paper::Letter).margins.left
    );
    // An unknown key is an error naming the file and line.
    std::fs::write(dir.path().join("pdf/style.toml"), "[margins]\ntopp = 1.0\n").unwrap();
    let e = Style::load(&options).unwrap_err().to_string();
    assert!(
        e.contains("style.toml:2: unknown key `margins.topp`"),
        "{e}"
    );
}

#[test]
fn odd_documents_still_lay_out() {
    let s = style();
    let empty = layout(&Document::default(), &s, &Simple);
    assert_eq!(empty.pages.len(), 1);
    let mut doc = Document::default();
    doc.meta.title = Some(vec![Inline::text("x".repeat(500))]);
    doc.blocks = vec![
        h(1, "Only a heading"),
        Block::paragraph(vec![Inline::Space, Inline::LineBreak], Span::UNKNOWN),
        p(&"y".repeat(2000)),
        Block::List {
            start: Some(u64::MAX),
            numbering: Numbering::default(),
            items: vec![vec![], vec![]],
            span: Span::UNKNOWN,
        },
        Block::BlockQuote {
            blocks: vec![],
            span: Span::UNKNOWN,
        },
        Block::CodeBlock {
            language: None,
            text: String::new(),
            span: Span::UNKNOWN,
        },
        Block::ThematicBreak {
            span: Span::UNKNOWN,
        },
        h(7, "Too deep"),
    ];
    let l = layout(&doc, &s, &Simple);
    let right = s.width - s.margins.right;
    for page in &l.pages {
        for r in content_runs(page) {
            assert!(end(r) <= right + EPS, "{r:?}");
        }
    }
    assert_eq!(layout(&doc, &s, &Simple), l, "layout is deterministic");
}

#[test]
fn other_languages_are_not_hyphenated() {
    let mut doc = sample();
    doc.meta.language = Some("de".into());
    let l = layout(&doc, &style(), &Simple);
    assert!(
        l.pages
            .iter()
            .flat_map(content_runs)
            .all(|r| !(r.text.ends_with('-') && r.actual_text.is_some()))
    );
}

#[test]
fn a_hundred_pages_lay_out() {
    let mut doc = sample();
    let mut blocks = Vec::new();
    for s in 0..150 {
        blocks.push(h(1, &format!("Part {s}")));
        for k in 0..6 {
            blocks.push(p(&prose(s * 31 + k, 6)));
        }
    }
    doc.blocks = blocks;
    let t = std::time::Instant::now();
    let l = layout(&doc, &style(), &Simple);
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} pages in {secs:.3}s ({:.0} pages/s, test build)",
        l.pages.len(),
        l.pages.len() as f64 / secs
    );
    assert!(l.pages.len() >= 100, "{} pages", l.pages.len());
}

/// The same rules with the embedded fonts' real, shaped widths.
mod real_fonts {
    use super::*;
    use recto::write::pdf::fonts::FontSet;

    fn real_end(m: &FontSet, r: &TextRun) -> f32 {
        r.x + m.width(word(r), r.face, r.size)
    }

    #[test]
    fn lines_fit_and_justified_lines_fill() {
        let fonts = FontSet::load().expect("the bundled fonts load");
        let s = style();
        let l = layout(&sample(), &s, &fonts);
        let right = s.width - s.margins.right;
        for page in &l.pages {
            for r in content_runs(page) {
                assert!(real_end(&fonts, r) <= right + EPS, "{r:?}");
            }
        }
        let mut checked = 0;
        for id in paragraph_ids(&l) {
            let lines = element_lines(&l, id);
            if lines[0].2[0].size != s.body.size {
                continue;
            }
            for (_, _, line) in &lines[..lines.len() - 1] {
                let e = real_end(&fonts, line.last().unwrap());
                assert!((e - right).abs() <= EPS, "line ends at {e}, not {right}");
                checked += 1;
            }
        }
        assert!(checked > 50);
        assert!(l.missing_glyphs.is_empty(), "{:?}", l.missing_glyphs);
    }

    #[test]
    fn a_hundred_pages_with_real_fonts() {
        let fonts = FontSet::load().expect("the bundled fonts load");
        let mut doc = sample();
        doc.blocks = (0..150)
            .flat_map(|s| {
                std::iter::once(h(1, &format!("Part {s}")))
                    .chain((0..6).map(move |k| p(&prose(s * 31 + k, 6))))
            })
            .collect();
        let t = std::time::Instant::now();
        let l = layout(&doc, &style(), &fonts);
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "real fonts: {} pages in {secs:.3}s ({:.0} pages/s, test build)",
            l.pages.len(),
            l.pages.len() as f64 / secs
        );
        assert!(l.pages.len() >= 100);
    }

    #[test]
    fn hyphenation_and_page_rules_hold() {
        let fonts = FontSet::load().expect("the bundled fonts load");
        let l = layout(&sample(), &style(), &fonts);
        assert!(
            l.pages
                .iter()
                .flat_map(content_runs)
                .any(|r| r.text.ends_with('-') && r.actual_text.is_some())
        );
        for page in &l.pages {
            let last = content_runs(page).last().unwrap();
            assert!(!matches!(last.structure.role, StructRole::Heading(_)));
        }
    }
}

/// The sample with every kind of block, for looking at.
fn rich_sample() -> Document {
    let mut doc = sample();
    let extra = vec![
        h(2, "Lists, quotes and code"),
        Block::List {
            start: None,
            numbering: Numbering::default(),
            items: vec![
                vec![p(&prose(1, 2))],
                vec![
                    p(&prose(2, 1)),
                    Block::List {
                        start: Some(1),
                        numbering: Numbering::default(),
                        items: vec![vec![p(&prose(3, 1))], vec![p(&prose(4, 2))]],
                        span: Span::UNKNOWN,
                    },
                ],
            ],
            span: Span::UNKNOWN,
        },
        Block::BlockQuote {
            blocks: vec![p(&prose(5, 3))],
            span: Span::UNKNOWN,
        },
        Block::paragraph(
            vec![
                Inline::text("Read"),
                Inline::Space,
                Inline::Emphasis(inlines_from_text("the full report")),
                Inline::Space,
                Inline::text("at"),
                Inline::Space,
                Inline::Link {
                    target: Some(
                        "https://example.org/reports/2025/accountability-framework".into(),
                    ),
                    content: inlines_from_text("our site"),
                },
                Inline::Space,
                Inline::Strong(inlines_from_text("before")),
                Inline::Space,
                Inline::Underline(inlines_from_text("the deadline")),
                Inline::text("."),
            ],
            Span::UNKNOWN,
        ),
        Block::CodeBlock {
            language: None,
            text: format!(
                "fn main() {{\n    let x = {};\n}}",
                "compute(value) + ".repeat(8)
            ),
            span: Span::UNKNOWN,
        },
        Block::ThematicBreak {
            span: Span::UNKNOWN,
        },
    ];
    doc.blocks.splice(2..2, extra);
    doc
}

/// Writes the PDF of a text file for looking at (`pdftoppm -png -r 80`):
/// `RECTO_LAYOUT_SAMPLE=in.txt cargo test --test pdf_layout -- --ignored`
/// writes `in.txt.pdf` to the temporary directory (`builtin` lays out a
/// built-in sample with every kind of block).
#[test]
#[ignore = "writes a file for visual inspection"]
fn write_sample_pdf() {
    let Ok(path) = std::env::var("RECTO_LAYOUT_SAMPLE") else {
        eprintln!("set RECTO_LAYOUT_SAMPLE to a text file");
        return;
    };
    let doc = if path == "builtin" {
        rich_sample()
    } else {
        recto::read::text::parse(&std::fs::read_to_string(&path).unwrap())
    };
    let out = recto::write::pdf::write(&doc, &recto::write::WriteOptions::default()).unwrap();
    let name = std::path::Path::new(&path)
        .file_name()
        .unwrap()
        .to_string_lossy();
    let dest = std::env::temp_dir().join(format!("{name}.pdf"));
    std::fs::write(&dest, out.bytes).unwrap();
    let txt = recto::write::txt::write(&doc, &recto::write::WriteOptions::default()).unwrap();
    std::fs::write(dest.with_extension("txt"), txt.bytes).unwrap();
    eprintln!("wrote {}; warnings: {:?}", dest.display(), out.warnings);
}

/// The source's page numbers (issue #20): each label is drawn small in the
/// right margin, on the baseline of the line where its page begins, as
/// furniture that reads as nothing; a page that begins inside a word
/// broken over two lines is shown on the line where the word begins.
#[test]
fn source_pages_are_set_in_the_margin_beside_their_line() {
    let words = |from: usize, n: usize| -> Vec<Inline> {
        let mut out = Vec::new();
        for k in from..from + n {
            if !out.is_empty() {
                out.push(Inline::Space);
            }
            out.push(Inline::text(format!("word{k}")));
        }
        out
    };
    let mut content = words(0, 40);
    content.push(Inline::Space);
    content.push(Inline::PageMarker("17".into()));
    content.extend(words(40, 40));
    // A marker inside the paragraph's last word, and one after it.
    content.push(Inline::Space);
    content.push(Inline::text("relation"));
    content.push(Inline::PageMarker("18".into()));
    content.push(Inline::text("ship"));
    content.push(Inline::PageMarker("19".into()));
    let doc = Document {
        blocks: vec![Block::paragraph(content, Span::UNKNOWN)],
        ..Document::default()
    };
    let s = style();
    let l = layout(&doc, &s, &Simple);
    let runs: Vec<&TextRun> = l
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text(r) => Some(r),
            _ => None,
        })
        .collect();
    let marks: Vec<&&TextRun> = runs
        .iter()
        .filter(|r| r.x >= s.width - s.margins.right)
        .collect();
    let labels: Vec<&str> = marks.iter().map(|r| &*r.text).collect();
    assert_eq!(labels, vec!["17", "18 19"]);
    for m in &marks {
        assert_eq!(m.structure.role, StructRole::Artifact);
        assert_eq!(m.actual_text.as_deref(), Some(""));
        assert_eq!(m.size, s.source_pages.size);
        assert_eq!(m.x, s.width - s.margins.right + s.source_pages.gap);
    }
    let line_of = |w: &str| runs.iter().find(|r| word(r).starts_with(w)).unwrap().y;
    assert_eq!(marks[0].y, line_of("word40"));
    assert_eq!(marks[1].y, line_of("rela"));
    // The text itself is as without the markers.
    let mut plain = doc.clone();
    if let Block::Paragraph { content, .. } = &mut plain.blocks[0] {
        content.retain(|i| !matches!(i, Inline::PageMarker(_)));
    }
    let text_runs = |l: &Layout| -> Vec<(String, u32, u32)> {
        l.pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match i {
                Item::Text(r) if r.structure.role != StructRole::Artifact => {
                    Some((r.text.to_string(), r.x.to_bits(), r.y.to_bits()))
                }
                _ => None,
            })
            .collect()
    };
    assert_eq!(text_runs(&l), text_runs(&layout(&plain, &s, &Simple)));
    // The template switch leaves them out.
    let off = recto::write::pdf::layout::BUILTIN_STYLE.replace(
        "[source_pages]\nshow = true",
        "[source_pages]\nshow = false",
    );
    let off = Style::parse(&off, Paper::A4).unwrap();
    assert!(!off.source_pages.show);
    let l = layout(&doc, &off, &Simple);
    assert!(
        l.pages
            .iter()
            .flat_map(|p| &p.items)
            .all(|i| !matches!(i, Item::Text(r) if r.x >= off.width - off.margins.right))
    );
}

/// Pages go to emission as they are finished: the same pages as a whole
/// layout, in order, and a sink that stops the layout gets no page after.
#[test]
fn pages_are_handed_over_one_by_one_and_a_sink_can_stop_them() {
    use recto::write::pdf::layout::layout_pages;
    use std::ops::ControlFlow;
    let whole = layout(&sample(), &style(), &Simple);
    assert!(whole.pages.len() > 4, "{} pages", whole.pages.len());
    let mut streamed = Vec::new();
    let rest = layout_pages(&sample(), &style(), &Simple, &mut |page, _| {
        streamed.push(page);
        ControlFlow::Continue(())
    });
    assert!(rest.pages.is_empty());
    assert_eq!(streamed, whole.pages);
    assert_eq!(rest.outline, whole.outline);

    let mut calls = 0;
    layout_pages(&sample(), &style(), &Simple, &mut |_, _| {
        calls += 1;
        if calls == 3 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(calls, 3);
}

/// A code block a little wider than the text block (a page kept in
/// columns) is set smaller, whole lines on one row each; one far wider is
/// set at the style's smallest code size and broken; a narrow one keeps
/// the code size.
#[test]
fn a_wide_code_block_is_set_smaller_before_its_lines_break() {
    let s = style();
    let room = s.measure() - s.code.indent;
    let fits_at = |size: f32| (room / (0.5 * size)) as usize;
    let code_runs = |text: String| -> Vec<TextRun> {
        let doc = Document {
            blocks: vec![Block::CodeBlock {
                language: None,
                text,
                span: Span::UNKNOWN,
            }],
            ..Document::default()
        };
        let l = layout(&doc, &s, &Simple);
        l.pages
            .iter()
            .flat_map(content_runs)
            .filter(|r| r.structure.role == StructRole::Code)
            .cloned()
            .collect()
    };
    let row = |chars: usize| format!("{:<w$}|", "VIN     ROBE     NEZ", w = chars - 1);
    let min = s.code.min_size.unwrap();

    let wide = code_runs(format!("{}\n{}", row(fits_at(s.code.size) + 20), row(30)));
    let size = wide[0].size;
    assert!(size < s.code.size && size >= min, "{size}");
    assert!(
        wide.iter()
            .all(|r| r.size == size && r.actual_text.is_none())
    );
    let right = s.width - s.margins.right;
    assert!(
        wide.iter()
            .all(|r| r.x + 0.5 * r.size * r.text.chars().count() as f32 <= right + EPS)
    );

    let far = code_runs(row(fits_at(min) * 2));
    assert!(far.iter().all(|r| r.size == min));
    assert!(far.iter().any(|r| r.actual_text.as_deref() == Some("")));

    let narrow = code_runs(row(40));
    assert!(narrow.iter().all(|r| r.size == s.code.size));
}
