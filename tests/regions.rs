//! The regions pass: a document that is only code, or only a table, comes
//! out of the repair unchanged (issue 13 item 1: no prose repair touches
//! what is not prose).

use proptest::prelude::*;

use recto::model::Block;
use recto::normalize::{self, Options};
use recto::write;

/// A cell: one short word or number, or two of them (an inner space of
/// one row must not line up with other rows into a gutter:
/// `two_word_cells_that_line_up_stay_whole`).
fn cell() -> impl Strategy<Value = String> {
    "[A-Za-z][a-z0-9_/.]{0,7}( [a-z0-9]{1,5})?"
}

/// Rows of cells, every row as long as the first.
fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    (2usize..5, 3usize..9).prop_flat_map(|(cols, rows)| {
        prop::collection::vec(prop::collection::vec(cell(), cols), rows)
    })
}

/// The rows set in aligned columns, as `pdftotext -layout` prints a table.
fn aligned(rows: &[Vec<String>]) -> String {
    let cols = rows[0].len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0) + 3)
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from("  ");
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < cols {
                line.push_str(&" ".repeat(widths[c] - cell.chars().count()));
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A function of `let` statements.
fn listing() -> impl Strategy<Value = String> {
    (
        "[a-z][a-z_]{2,8}",
        prop::collection::vec(
            ("[a-z][a-z0-9_]{0,6}", "[a-z][a-z_]{1,6}", 0u32..1000),
            1..8,
        ),
    )
        .prop_map(|(name, stmts)| {
            let mut out = format!("fn {name}() {{\n");
            for (var, call, n) in stmts {
                out.push_str(&format!("    let {var} = {call}({n});\n"));
            }
            out.push_str("}\n");
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_document_that_is_only_a_table_comes_out_unchanged(rows in table()) {
        let text = aligned(&rows);
        let (doc, log) = normalize::normalize_text(&text, &Options::default());
        let [Block::Table { table, .. }] = &doc.blocks[..] else {
            panic!("not one table: {:?}\n{:?}", doc.blocks, log.changes);
        };
        let cells: Vec<Vec<String>> = table
            .rows()
            .map(|(_, r)| r.cells.iter().map(|c| c.plain_text()).collect())
            .collect();
        prop_assert_eq!(&cells, &rows);
        let rendered = write::txt::render_repaired(&doc, false);
        let want: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
        prop_assert_eq!(rendered.trim_end(), want.join("\n"));
    }

    #[test]
    fn a_document_that_is_only_code_comes_out_unchanged(code in listing()) {
        let (doc, log) = normalize::normalize_text(&code, &Options::default());
        let [Block::CodeBlock { text, .. }] = &doc.blocks[..] else {
            panic!("not one code block: {:?}\n{:?}", doc.blocks, log.changes);
        };
        prop_assert_eq!(text.as_str(), code.trim_end());
    }
}

#[test]
fn a_table_reads_back_as_the_same_table() {
    let text = "Intro line of prose before it.\n\n\
                Name      Kind      Size\n\
                alpha     file      12\n\
                beta      dir       4\n\
                gamma     link      1\n";
    let options = Options::default();
    let (doc, _) = normalize::normalize_text(text, &options);
    let rendered = write::txt::render_repaired(&doc, false);
    let (again, _) = normalize::normalize_text(&rendered, &options);
    assert_eq!(write::txt::render_repaired(&again, false), rendered);
    assert!(
        again
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Table { .. }))
    );
}

#[test]
fn two_word_cells_that_line_up_stay_whole() {
    let rows: Vec<Vec<String>> = [
        ["A", "a", "a", "a"],
        ["A", "A", "A.0..00 0", "a"],
        ["A", "A", "A", "a"],
        ["a", "A", "a", "A"],
        ["A", "A", "A", "A"],
        ["a", "a", "A0.0a_ aa", "a"],
        ["A", "a", "a", "A"],
        ["A", "e_9a_ 62", "si/", "Gk4_ttr 1e8fj"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    let (doc, _) = normalize::normalize_text(&aligned(&rows), &Options::default());
    let [Block::Table { table, .. }] = &doc.blocks[..] else {
        panic!("not one table: {:?}", doc.blocks);
    };
    let cells: Vec<Vec<String>> = table
        .rows()
        .map(|(_, r)| r.cells.iter().map(|c| c.plain_text()).collect())
        .collect();
    assert_eq!(cells, rows);
}

/// A table a browser's PDF gave `pdftotext` one column after another comes
/// out as its rows, and a second repair keeps them; the words around it
/// stay prose.
#[test]
fn a_table_extracted_column_by_column_gets_its_rows_back() {
    let text = "Integer literals are written in four bases:\n\n\
                Decimal integer\nHex integer\nOctal integer\nBinary integer\n\n\
                98_222\n0xff\n0o77\n0b1111_0000\n\n\
                A suffix may follow any of them.\n";
    let options = Options::default();
    let (doc, log) = normalize::normalize_text(text, &options);
    let tables: Vec<Vec<Vec<String>>> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { table, .. } => Some(
                table
                    .rows()
                    .map(|(_, r)| r.cells.iter().map(|c| c.plain_text()).collect())
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    let rows: Vec<Vec<String>> = [
        ["Decimal integer", "98_222"],
        ["Hex integer", "0xff"],
        ["Octal integer", "0o77"],
        ["Binary integer", "0b1111_0000"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    assert_eq!(tables, vec![rows], "{:?}", log.changes);
    assert!(
        log.changes
            .iter()
            .any(|c| c.rule == "column-by-column" && c.after.contains("4 rows, 2 columns"))
    );
    let rendered = write::txt::render_repaired(&doc, false);
    let (again, _) = normalize::normalize_text(&rendered, &options);
    assert_eq!(write::txt::render_repaired(&again, false), rendered);
}
