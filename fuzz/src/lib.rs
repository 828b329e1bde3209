//! Shared pieces of the fuzz targets: a document tree built from fuzz bytes,
//! and the checks that each edition is well formed.
//!
//! The tree is built by hand from an `arbitrary::Unstructured` rather than
//! derived, so the model does not need to know about fuzzing. Every tree it
//! builds satisfies `Document::validate()` (the invariant writers may rely
//! on), except for the date, which is any year, month and day on purpose
//! (writers must not fail on a date outside the contract either), and is not
//! necessarily canonical: empty markup, doubled spaces and stray breaks are
//! left in on purpose.

use std::io::{Cursor, Read};

use arbitrary::{Result, Unstructured};
use recto::model::{
    Abstract, Author, BackKind, BackMatter, Block, Counter, Date, Delimiter, Document, Inline,
    Metadata, Numbering, Span, inlines_from_text,
};

/// Deepest nesting of blocks (quotes, lists) and of inline markup. Deep
/// enough to find recursion bugs, shallow enough to keep runs fast.
const MAX_DEPTH: u32 = 8;

/// Characters that break naive writers, picked often so that they show up in
/// most trees: XML specials, characters XML 1.0 forbids, bidi controls,
/// combining marks, emoji, CJK, a soft hyphen, a ligature.
const HOSTILE: &[&str] = &[
    "<",
    ">",
    "&",
    "]]>",
    "\"",
    "'",
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{fffd}",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "\u{2028}",
    "\u{301}",
    "e\u{301}",
    "\u{fb01}",
    "\u{ad}",
    "😀",
    "👩‍👩‍👧",
    "漢字",
    "עברית",
    "العربية",
    "%",
    "(",
    ")",
    "\\",
    "$",
    "{",
    "}",
    "#",
    "\r",
    "\t",
    "&amp;",
    "<!--",
    "-->",
];

/// A document from fuzz bytes. Never fails: runs out of bytes gracefully.
pub fn document(u: &mut Unstructured<'_>) -> Document {
    build_document(u).unwrap_or_default()
}

fn build_document(u: &mut Unstructured<'_>) -> Result<Document> {
    let meta = metadata(u)?;
    let mut blocks = Vec::new();
    for _ in 0..u.int_in_range(0..=12)? {
        blocks.push(block(u, 0)?);
    }
    let mut back = Vec::new();
    for _ in 0..u.int_in_range(0..=2)? {
        let kind = *u.choose(&[
            BackKind::Acknowledgements,
            BackKind::Disclaimer,
            BackKind::Notes,
            BackKind::References,
            BackKind::Other,
        ])?;
        let title = optional_inlines(u, 0)?;
        let mut list = Vec::new();
        for _ in 0..u.int_in_range(0..=3)? {
            list.push(block(u, 1)?);
        }
        back.push(BackMatter {
            kind,
            title,
            blocks: list,
        });
    }
    Ok(Document {
        meta,
        blocks,
        back,
        ..Document::default()
    })
}

fn metadata(u: &mut Unstructured<'_>) -> Result<Metadata> {
    let mut m = Metadata {
        title: optional_inlines(u, 0)?,
        subtitle: optional_inlines(u, 0)?,
        ..Metadata::default()
    };
    for _ in 0..u.int_in_range(0..=3)? {
        let mut a = Author::from_name(&text(u)?);
        if u.arbitrary()? {
            a.affiliations.push(text(u)?);
        }
        if u.arbitrary()? {
            a.email = Some(text(u)?);
        }
        if u.arbitrary()? {
            a.orcid = Some(text(u)?);
        }
        if u.arbitrary()? {
            a.bio.push(block(u, 1)?);
        }
        m.authors.push(a);
    }
    if u.arbitrary()? {
        let year = u.int_in_range(-9999..=99999)?;
        m.date = Some(Date {
            year,
            month: u.arbitrary::<Option<u8>>()?,
            day: u.arbitrary::<Option<u8>>()?,
        });
    }
    m.language = optional_text(u)?;
    m.identifier = optional_text(u)?;
    m.publisher = optional_text(u)?;
    m.series = optional_text(u)?;
    m.license = optional_text(u)?;
    if u.arbitrary()? {
        let mut a = Abstract::from_text(&text(u)?);
        a.title = optional_inlines(u, 0)?;
        m.abstract_ = Some(a);
    }
    for _ in 0..u.int_in_range(0..=3)? {
        m.keywords.push(text(u)?);
    }
    if u.arbitrary()? {
        m.extra.insert(text(u)?, text(u)?);
    }
    Ok(m)
}

fn block(u: &mut Unstructured<'_>, depth: u32) -> Result<Block> {
    let span = if u.arbitrary()? {
        Span::lines(u.int_in_range(1..=1000)?, u.int_in_range(1..=1000)?)
    } else {
        Span::UNKNOWN
    };
    let leaf = depth >= MAX_DEPTH;
    Ok(match u.int_in_range(0..=9)? {
        0 | 1 => Block::Heading {
            // Levels 1 to 6 are the model's invariant; 0 and 7 would be
            // rejected by `validate()`.
            level: u.int_in_range(1..=6)?,
            content: inlines(u, 0)?,
            id: None,
            span,
        },
        6 if !leaf => {
            let mut items = Vec::new();
            for _ in 0..u.int_in_range(0..=4)? {
                let mut item = Vec::new();
                for _ in 0..u.int_in_range(0..=3)? {
                    item.push(block(u, depth + 1)?);
                }
                items.push(item);
            }
            Block::List {
                start: u.arbitrary()?,
                numbering: numbering(u)?,
                items,
                span,
            }
        }
        7 if !leaf => {
            let mut blocks = Vec::new();
            for _ in 0..u.int_in_range(0..=3)? {
                blocks.push(block(u, depth + 1)?);
            }
            Block::BlockQuote { blocks, span }
        }
        8 => Block::CodeBlock {
            language: optional_text(u)?,
            text: text(u)?,
            span,
        },
        9 => Block::ThematicBreak { span },
        _ => Block::Paragraph {
            content: inlines(u, 0)?,
            span,
        },
    })
}

fn optional_inlines(u: &mut Unstructured<'_>, depth: u32) -> Result<Option<Vec<Inline>>> {
    Ok(if u.arbitrary()? {
        Some(inlines(u, depth)?)
    } else {
        None
    })
}

fn inlines(u: &mut Unstructured<'_>, depth: u32) -> Result<Vec<Inline>> {
    let mut out = Vec::new();
    for _ in 0..u.int_in_range(0..=16)? {
        let leaf = depth >= MAX_DEPTH;
        match u.int_in_range(0..=12)? {
            0 => out.push(Inline::Space),
            1 => out.push(Inline::SoftBreak),
            2 => out.push(Inline::LineBreak),
            3 if !leaf => out.push(Inline::Emphasis(inlines(u, depth + 1)?)),
            4 if !leaf => out.push(Inline::Strong(inlines(u, depth + 1)?)),
            5 if !leaf => out.push(Inline::Underline(inlines(u, depth + 1)?)),
            6 if !leaf => out.push(Inline::Link {
                target: optional_text(u)?,
                content: inlines(u, depth + 1)?,
            }),
            7 => out.push(Inline::Code(text(u)?)),
            8 => out.push(Inline::PageMarker(text(u)?)),
            // Words come through the model's own tokenizer so that `Text`
            // never holds whitespace.
            _ => out.extend(inlines_from_text(&text(u)?)),
        }
    }
    Ok(out)
}

/// Any way an ordered list writes its markers ("1.", "a)", "(a)").
fn numbering(u: &mut Unstructured<'_>) -> Result<Numbering> {
    let counter = if u.arbitrary()? {
        Counter::LowerAlpha
    } else {
        Counter::Decimal
    };
    let delimiter = match u.int_in_range(0..=2)? {
        0 => Delimiter::Period,
        1 => Delimiter::Paren,
        _ => Delimiter::Parens,
    };
    Ok(Numbering::new(counter, delimiter))
}

fn optional_text(u: &mut Unstructured<'_>) -> Result<Option<String>> {
    Ok(if u.arbitrary()? { Some(text(u)?) } else { None })
}

/// A short string: fuzz-chosen characters mixed with hostile pieces.
fn text(u: &mut Unstructured<'_>) -> Result<String> {
    let mut s = String::new();
    for _ in 0..u.int_in_range(0..=6)? {
        if u.ratio(1, 3)? {
            s.push_str(u.choose(HOSTILE)?);
        } else {
            let piece: &str = u.arbitrary()?;
            s.extend(piece.chars().take(64));
        }
    }
    Ok(s)
}

/// Panics unless `bytes` is one well-formed XML document. `what` names it in
/// the panic message.
pub fn assert_well_formed_xml(bytes: &[u8], what: &str) {
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|e| panic!("{what}: not UTF-8 at byte {}", e.valid_up_to()));
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Empty(_)) if depth == 0 => roots += 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{what}: not well-formed XML at byte {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{what}: unclosed elements");
    assert_eq!(
        roots, 1,
        "{what}: an XML document has exactly one root element"
    );
    if let Some(c) = text
        .chars()
        .find(|&c| !recto::write::xml_text::is_xml_char(c))
    {
        panic!("{what}: character U+{:04X} is not allowed in XML", c as u32);
    }
    // A character reference to a forbidden character (`&#1;`) is just as
    // invalid, and the reader does not check it.
    for (at, _) in text.match_indices("&#") {
        let rest = &text[at + 2..];
        let Some(end) = rest.find(';') else { continue };
        let code = match rest[..end].strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16),
            None => rest[..end].parse(),
        };
        let ok = code
            .ok()
            .and_then(char::from_u32)
            .is_some_and(recto::write::xml_text::is_xml_char);
        assert!(
            ok,
            "{what}: character reference &#{}; is not allowed in XML",
            &rest[..end]
        );
    }
}

/// Panics unless `bytes` is a readable EPUB container: a zip whose first
/// entry is the stored `mimetype`, with `META-INF/container.xml`, and whose
/// XML entries (package, navigation, XHTML content) are well formed.
pub fn assert_readable_epub(bytes: &[u8]) {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("EPUB is a readable zip");
    {
        let mut first = zip.by_index(0).expect("EPUB has a first entry");
        assert_eq!(first.name(), "mimetype", "mimetype is the first entry");
        let mut s = String::new();
        first.read_to_string(&mut s).expect("mimetype reads");
        assert_eq!(s, "application/epub+zip");
    }
    assert!(
        zip.by_name("META-INF/container.xml").is_ok(),
        "EPUB has META-INF/container.xml"
    );
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("zip entry reads");
        let name = entry.name().to_string();
        let xml = [".xhtml", ".html", ".opf", ".ncx", ".xml"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if xml {
            let mut body = Vec::new();
            entry
                .read_to_end(&mut body)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_well_formed_xml(&body, &name);
        }
    }
}

/// Panics unless `bytes` is a PDF that parses: header, trailer, and a
/// document with at least one page.
pub fn assert_parsable_pdf(bytes: &[u8]) {
    assert!(bytes.starts_with(b"%PDF-"), "PDF starts with %PDF-");
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    assert!(
        tail.windows(5).any(|w| w == b"%%EOF"),
        "PDF ends with %%EOF"
    );
    let doc = lopdf::Document::load_mem(bytes).expect("PDF parses");
    assert!(!doc.get_pages().is_empty(), "PDF has at least one page");
}

/// The writer options every writer target uses: fixed, so that a crash
/// reproduces from its input alone.
pub fn write_options() -> recto::write::WriteOptions {
    recto::write::WriteOptions::default()
}

/// Whether a writer error is an honest refusal. Writers not yet built on
/// this branch answer "not available in this build yet"; any other error
/// must still be a clear message, never empty.
pub fn is_clear_error(e: &recto::Error) -> bool {
    !e.to_string().trim().is_empty()
}

/// Letters and digits of a text, counted after compatibility decomposition
/// and lower-casing: the forms legitimate repairs (ligatures, NFC, case of a
/// heading) do not change. The same rule as `tests/properties.rs`.
fn alphanumerics(text: &str) -> std::collections::BTreeMap<char, usize> {
    use unicode_normalization::UnicodeNormalization;
    let mut counts = std::collections::BTreeMap::new();
    let lower: String = text
        .nfkd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    for c in lower.nfkd().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

/// Panics unless every letter and digit of `input` is in the repaired
/// document's text (`output`, body and metadata) or in a removal the log
/// records.
pub fn assert_nothing_lost(input: &str, output: &str, log: &recto::normalize::RepairLog) {
    let mut budget = alphanumerics(output);
    for change in log.changes.iter().filter(|c| !c.declined) {
        let after = alphanumerics(&change.after);
        for (c, n) in alphanumerics(&change.before) {
            let kept = after.get(&c).copied().unwrap_or(0);
            *budget.entry(c).or_insert(0) += n.saturating_sub(kept);
        }
    }
    for (c, n) in alphanumerics(input) {
        let have = budget.get(&c).copied().unwrap_or(0);
        assert!(
            have >= n,
            "U+{:04X} {c:?}: {n} in the input, {have} in the output and the logged removals",
            c as u32
        );
    }
}

/// Every piece of text a document holds, body and metadata alike (passes
/// may move the title or the abstract out of the body): the string values
/// of its JSON form, without the type tags and spans the form adds.
pub fn document_text(doc: &Document) -> String {
    fn walk(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push(' ');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    if key != "t" && key != "kind" && key != "span" {
                        walk(value, out);
                    }
                }
            }
            _ => {}
        }
    }
    let json: serde_json::Value = serde_json::from_str(&doc.to_json()).expect("the AST is JSON");
    let mut out = String::new();
    walk(&json, &mut out);
    out
}
