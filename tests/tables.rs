//! Tables through the model and all four editions: Markdown pipe tables
//! read into `Block::Table`, then each edition checked by its validator
//! (xmllint with both JATS DTDs, EPUBCheck, qpdf, the PDF structure tree,
//! pdftotext) and by what a reader sees (aligned text columns, cells in
//! row order). Random and extreme tables never panic, stay valid and keep
//! every cell's text.

mod common;

use common::validate::{
    assert_qpdf_clean, epubcheck_problems, in_order, jats_problems, keep, pdftotext,
    pdftotext_layout, struct_tree,
};
use proptest::prelude::*;
use recto::model::{
    Alignment, Block, Document, Span, Table, TableCell, TableRow, inlines_from_text,
};
use recto::write::{self, Format, JatsTagset, WriteOptions};

const MARKDOWN: &str = "\
# Measurements

Readings from the three stations.

| Station | Depth (m) | Notes |
|:--------|----------:|:-----:|
| Alder Creek | 4.2 | clear *water* |
| Birch Hollow | 17.85 | a longer note that wraps in the narrow column of the text edition |
| Cedar Ford | 0.3 | `gauge` and [log](https://example.org/log) |

- A list item holding a table:

  | a | b |
  |---|---|
  | 1 | 2 |

The end.
";

fn doc() -> Document {
    recto::read::markdown::parse(MARKDOWN).0
}

fn tables(doc: &Document) -> Vec<&Table> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
        for b in blocks {
            match b {
                Block::Table { table, .. } => out.push(table),
                _ => b
                    .children()
                    .into_iter()
                    .for_each(|c| walk(std::slice::from_ref(c), out)),
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

fn written(format: Format, doc: &Document, options: &WriteOptions) -> Vec<u8> {
    write::write(format, doc, options)
        .unwrap_or_else(|e| panic!("{} writer failed: {e}", format.name()))
        .bytes
}

fn text_of(format: Format, doc: &Document) -> String {
    String::from_utf8(written(format, doc, &WriteOptions::default())).unwrap()
}

#[test]
fn pipe_tables_are_read_as_tables() {
    let doc = doc();
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
    let found = tables(&doc);
    assert_eq!(found.len(), 2);
    let t = found[0];
    assert_eq!(
        t.columns,
        vec![Alignment::Left, Alignment::Right, Alignment::Center]
    );
    assert_eq!(t.head.len(), 1);
    assert_eq!(t.body.len(), 3);
    assert_eq!(t.head[0].cells[1].plain_text(), "Depth (m)");
    assert_eq!(t.body[2].cells[2].plain_text(), "gauge and log");
    assert!(matches!(doc.blocks[2], Block::Table { span, .. } if span == Span::lines(5, 9)));
    // The table's text: a tab between cells, a newline between rows.
    assert!(
        doc.blocks[2]
            .plain_text()
            .starts_with("Station\tDepth (m)\tNotes\nAlder Creek\t4.2\tclear water\n")
    );
}

#[test]
fn the_repaired_text_writes_one_row_per_line_with_tabs() {
    let text = write::txt::render_repaired(&doc(), false);
    assert!(
        text.contains("\n\nStation\tDepth (m)\tNotes\nAlder Creek\t4.2\tclear water\n"),
        "{text}"
    );
    assert!(text.contains("\n  a\tb\n  1\t2\n"), "{text}");
    let md = write::txt::render_repaired(&doc(), true);
    assert!(
        md.contains("| Station | Depth (m) | Notes |\n| :--- | ---: | :---: |\n"),
        "{md}"
    );
    // The Markdown form reads back as the same table.
    let again = recto::read::markdown::parse(&md).0;
    assert_eq!(tables(&again)[0].body, tables(&doc())[0].body);
}

#[test]
fn the_text_edition_aligns_columns() {
    let text = text_of(Format::Txt, &doc());
    keep("tables.txt", text.as_bytes());
    let lines: Vec<&str> = text.lines().collect();
    let head = lines.iter().position(|l| l.starts_with("Station")).unwrap();
    let rule = lines[head + 1];
    assert!(rule.starts_with("------------  "), "{text}");
    // Column starts: where each run of dashes begins.
    let starts: Vec<usize> = rule
        .char_indices()
        .filter(|&(i, c)| c == '-' && (i == 0 || rule.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(starts.len(), 3, "{rule}");
    assert!(lines[head + 2].starts_with("Alder Creek"));
    // Right-aligned numbers end at the end of their column.
    let depth_end = starts[1] + rule[starts[1]..].find(' ').unwrap();
    assert_eq!(&lines[head + 2][depth_end - 3..depth_end], "4.2", "{text}");
    assert_eq!(
        &lines[head + 3][depth_end - 5..depth_end],
        "17.85",
        "{text}"
    );
    for l in &lines {
        assert!(l.chars().count() <= 72, "{l}");
    }
    // The long note wrapped within its column: its second line starts
    // inside the third column.
    let cont = lines[head + 4];
    assert!(cont.starts_with(&" ".repeat(starts[2])), "{text}");
}

#[test]
fn too_wide_tables_become_records_in_the_text_edition() {
    let head: Vec<String> = (1..=12).map(|i| format!("Heading{i}")).collect();
    let body: Vec<String> = (1..=12).map(|i| format!("value{i}")).collect();
    let doc = Document {
        blocks: vec![Block::Table {
            table: Table::from_text_rows(vec![head], vec![body]),
            span: Span::UNKNOWN,
        }],
        ..Document::default()
    };
    let text = text_of(Format::Txt, &doc);
    // After the header the text edition gives every document (its title).
    assert!(
        text.contains("\n\nHeading1: value1\nHeading2: value2\n"),
        "{text}"
    );
    assert!(text.contains("Heading12: value12"), "{text}");
}

#[test]
fn jats_tables_are_valid_in_both_tag_sets() {
    for tagset in [JatsTagset::Archiving, JatsTagset::Publishing] {
        let options = WriteOptions {
            jats_tagset: tagset,
            ..WriteOptions::default()
        };
        let xml = written(Format::Jats, &doc(), &options);
        let text = String::from_utf8(xml.clone()).unwrap();
        assert!(text.contains("<table-wrap id=\"table-1\">"), "{text}");
        assert!(
            text.contains("<th scope=\"col\" align=\"right\">Depth (m)</th>"),
            "{text}"
        );
        assert!(
            text.contains("<td align=\"center\">clear <italic>water</italic></td>"),
            "{text}"
        );
        if let Some(problems) = jats_problems(&xml, tagset) {
            assert!(problems.is_empty(), "{tagset:?}: {problems}\n{text}");
        }
    }
}

#[test]
fn epub_tables_pass_epubcheck() {
    let epub = written(Format::Epub, &doc(), &WriteOptions::default());
    keep("tables.epub", &epub);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("t.epub");
    std::fs::write(&path, &epub).unwrap();
    let body = common::zip_entry(&path, "EPUB/body.xhtml").unwrap();
    assert!(
        body.contains("<thead>\n<tr><th scope=\"col\" class=\"align-left\">Station</th>"),
        "{body}"
    );
    assert!(
        body.contains("<td class=\"align-right\">17.85</td>"),
        "{body}"
    );
    if let Some(problems) = epubcheck_problems(&epub) {
        assert!(problems.is_empty(), "{problems}");
    }
}

#[test]
fn pdf_tables_are_tagged_and_read_in_row_order() {
    let pdf = written(Format::Pdf, &doc(), &WriteOptions::default());
    keep("tables.pdf", &pdf);
    assert_qpdf_clean(&pdf);
    let tree = struct_tree(&pdf);
    let all = tree.all();
    let tables: Vec<_> = all.iter().filter(|n| n.tag == "Table").collect();
    assert_eq!(tables.len(), 2);
    let rows: Vec<_> = tables[0].kids.iter().filter(|k| k.tag == "TR").collect();
    assert_eq!(rows.len(), 4);
    assert!(
        rows[0]
            .kids
            .iter()
            .all(|c| c.tag == "TH" && c.scope.as_deref() == Some("Column"))
    );
    assert_eq!(rows[0].kids.len(), 3);
    assert!(
        rows[1..]
            .iter()
            .all(|r| r.kids.len() == 3 && r.kids.iter().all(|c| c.tag == "TD"))
    );
    // Every cell, in row order, on the page as printed.
    if let Some(text) = pdftotext_layout(&pdf) {
        in_order(
            &text,
            &[
                "Station",
                "Depth (m)",
                "Notes",
                "Alder Creek",
                "4.2",
                "clear water",
                "Birch Hollow",
                "17.85",
                "a longer note",
                "Cedar Ford",
                "0.3",
                "gauge and log",
            ],
        )
        .unwrap();
    }
    // Without -layout, pdftotext guesses the reading order from the
    // geometry; every cell is still there.
    if let Some(text) = pdftotext(&pdf) {
        for cell in ["Alder Creek", "17.85", "clear water", "gauge and log"] {
            assert!(text.contains(cell), "{cell:?} missing from:\n{text}");
        }
    }
}

// ------------------------------------------------------------ random tables

fn table_doc(table: Table) -> Document {
    Document {
        blocks: vec![
            Block::paragraph(inlines_from_text("Before."), Span::UNKNOWN),
            Block::Table {
                table,
                span: Span::UNKNOWN,
            },
            Block::paragraph(inlines_from_text("After."), Span::UNKNOWN),
        ],
        ..Document::default()
    }
}

fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,8}( [a-z0-9]{1,12}){0,4}",
        1 => Just(String::new()),
        1 => "[a-zA-Z<>&|]{1,400}",
        1 => "[a-z]{1,6}( [a-z]{1,6}){60,120}",
        1 => "[日本語テーブル]{1,12}",
    ]
}

fn row() -> impl Strategy<Value = TableRow> {
    prop::collection::vec((cell_text(), 0u32..4, 0u32..4), 0..7).prop_map(|cells| TableRow {
        cells: cells
            .into_iter()
            .map(|(t, colspan, rowspan)| TableCell {
                content: inlines_from_text(&t),
                colspan,
                rowspan,
            })
            .collect(),
    })
}

fn table() -> impl Strategy<Value = Table> {
    (
        prop::collection::vec(row(), 0..3),
        prop::collection::vec(row(), 0..8),
        prop::collection::vec(
            prop_oneof![
                Just(Alignment::Default),
                Just(Alignment::Left),
                Just(Alignment::Center),
                Just(Alignment::Right)
            ],
            0..5,
        ),
        prop::option::of("[a-z]{1,10}( [a-z]{1,10}){0,5}"),
    )
        .prop_map(|(head, body, columns, caption)| Table {
            caption: caption.map(|c| inlines_from_text(&c)),
            columns,
            head,
            body,
        })
}

/// Every word of every cell, in reading order.
fn cell_words(table: &Table) -> Vec<String> {
    table
        .rows()
        .flat_map(|(_, r)| r.cells.iter())
        .flat_map(|c| {
            c.plain_text()
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Writes `doc` in every edition; checks what needs no external tool:
/// the writers succeed and the text editions keep every cell's words.
fn write_all(doc: &Document, table: &Table) -> Vec<(Format, Vec<u8>)> {
    let mut out = Vec::new();
    for format in Format::EDITIONS {
        out.push((format, written(format, doc, &WriteOptions::default())));
    }
    let words = cell_words(table);
    let txt = String::from_utf8(out[3].1.clone()).unwrap();
    let repaired = write::txt::render_repaired(doc, false);
    let jats = String::from_utf8(out[2].1.clone()).unwrap();
    for w in &words {
        assert!(repaired.contains(w.as_str()), "repaired text lost {w:?}");
        let escaped = w
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(jats.contains(&escaped), "JATS lost {w:?}");
        // Aligned columns may cut a word only where a column is narrower
        // than it, so look for its characters in order instead.
        let flat: String = txt.split_whitespace().collect();
        assert!(
            flat.contains(w.as_str()) || txt.contains(w.as_str()) || words_cut(&txt, w),
            "text edition lost {w:?}"
        );
    }
    out
}

/// Whether `word` appears in `text` cut over several lines.
fn words_cut(text: &str, word: &str) -> bool {
    let letters: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    letters.contains(word)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_tables_never_panic_and_keep_their_text(table in table()) {
        let doc = table_doc(table.clone());
        write_all(&doc, &table);
    }
}

#[test]
fn random_tables_stay_valid_in_every_edition() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for _ in 0..4 {
        let table = table().new_tree(&mut runner).unwrap().current();
        let doc = table_doc(table.clone());
        check_valid(&doc, &table);
    }
}

#[test]
fn extreme_shapes_stay_valid_in_every_edition() {
    let wide = Table::from_text_rows(
        Vec::new(),
        vec![(0..1000).map(|i| format!("c{i}")).collect()],
    );
    let tall = Table::from_text_rows(
        vec![vec!["only".to_string()]],
        (0..1000).map(|i| vec![format!("r{i}")]).collect(),
    );
    let mut spans = Table::from_text_rows(vec![vec!["h".into()]], vec![vec!["x".into()]]);
    spans.head[0].cells[0].colspan = u32::MAX;
    spans.body[0].cells[0].rowspan = u32::MAX;
    for table in [wide, tall, spans, Table::default()] {
        let doc = table_doc(table.clone());
        check_valid(&doc, &table);
    }
}

fn check_valid(doc: &Document, table: &Table) {
    let out = write_all(doc, table);
    for (format, bytes) in &out {
        match format {
            Format::Jats => {
                if let Some(p) = jats_problems(bytes, JatsTagset::Archiving) {
                    assert!(p.is_empty(), "{p}");
                }
                let publishing = WriteOptions {
                    jats_tagset: JatsTagset::Publishing,
                    ..WriteOptions::default()
                };
                let xml = written(Format::Jats, doc, &publishing);
                if let Some(p) = jats_problems(&xml, JatsTagset::Publishing) {
                    assert!(p.is_empty(), "{p}");
                }
            }
            Format::Epub => {
                if let Some(p) = epubcheck_problems(bytes) {
                    assert!(p.is_empty(), "{p}");
                }
            }
            Format::Pdf => {
                assert_qpdf_clean(bytes);
                let tree = struct_tree(bytes);
                let has_text = cell_words(table).iter().any(|w| !w.is_empty());
                if has_text {
                    assert!(tree.all().iter().any(|n| n.tag == "Table"));
                }
            }
            _ => {}
        }
    }
}

#[test]
fn an_empty_corner_cell_is_no_header() {
    // A header row whose first cell is empty (a row-label column): the
    // empty cell is a data cell, the others head their columns.
    let (doc, _) =
        recto::read::markdown::parse("|  | Min | Max |\n|---|---|---|\n| Depth | 1 | 9 |\n");
    let epub = written(Format::Epub, &doc, &WriteOptions::default());
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("t.epub");
    std::fs::write(&path, &epub).unwrap();
    let body = common::zip_entry(&path, "EPUB/body.xhtml").unwrap();
    assert!(
        body.contains("<thead>\n<tr><td></td><th scope=\"col\">Min</th>"),
        "{body}"
    );
}
