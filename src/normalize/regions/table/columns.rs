//! A table extracted column by column (`pdftotext` of a browser's or
//! LaTeX's table): each column comes out as its own block of short lines,
//! one cell per line, the blocks one after another:
//!
//! ```text
//! Decimal integer        98_222
//! Hex integer            0xff
//! Octal integer          0o77
//! ```
//!
//! comes out as "Decimal integer / Hex integer / Octal integer", a blank
//! line, "98_222 / 0xff / 0o77". Read as prose, each cell stands alone or
//! the cells of a column run into a sentence, and no row is left. Where the
//! evidence is unambiguous, the rows are rebuilt: two or more adjacent
//! blocks of the same number of lines (three or more), every line a short
//! cell, at least one block of values (numbers, literals, names of code)
//! beside one of labels in words. A wrapped cell would give its column one
//! line more than the others, and a sentence broken into lines ends lines
//! mid-phrase; either declines the reading.

use crate::normalize::lexicon::{DocVocabulary, Lexicon};
use crate::normalize::lines::{Line, vocabulary};

/// Fewest rows: two lines of two blocks match too often by chance (a
/// comment and its statement, a heading's two halves).
const MIN_ROWS: usize = 3;

/// Widest cell, in characters: a longer line is a sentence's.
const MAX_CELL_CHARS: usize = 40;

/// Most columns read: wider tables are not extracted this way.
const MAX_COLUMNS: usize = 8;

/// A table rebuilt from its columns: the lines `start..=end` (the blocks and
/// the blank lines between them) and its rows, each row's cells.
#[derive(Debug, PartialEq)]
pub struct Rebuilt {
    pub start: usize,
    pub end: usize,
    pub rows: Vec<Vec<String>>,
}

/// The tables among `lines` that came out column by column, where no
/// line is `taken` by another reading.
pub fn find(lines: &[Line], taken: &[bool]) -> Vec<Rebuilt> {
    let blocks = blocks(lines, taken);
    let mut vocab: Option<DocVocabulary> = None;
    let mut found = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let (start, end) = blocks[i];
        let rows = end - start + 1;
        // The adjacent blocks of as many lines, each line a cell.
        let mut j = i;
        while j + 1 < blocks.len()
            && j + 1 - i < MAX_COLUMNS
            && blocks[j + 1].1 - blocks[j + 1].0 + 1 == rows
            && blank_between(lines, blocks[j].1, blocks[j + 1].0)
        {
            j += 1;
        }
        if j == i || rows < MIN_ROWS {
            i += 1;
            continue;
        }
        let columns: Vec<Vec<&str>> = blocks[i..=j]
            .iter()
            .map(|&(a, b)| lines[a..=b].iter().map(Line::trimmed).collect())
            .collect();
        let vocab = vocab.get_or_insert_with(|| vocabulary(lines));
        if is_table(&columns, vocab) {
            let rows = (0..rows)
                .map(|r| columns.iter().map(|c| c[r].to_string()).collect())
                .collect();
            found.push(Rebuilt {
                start,
                end: blocks[j].1,
                rows,
            });
        }
        i = j + 1;
    }
    found
}

/// The runs of non-blank lines that could be a column: every line free,
/// a short cell, no page starting inside.
fn blocks(lines: &[Line], taken: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if lines[k].is_blank() {
            k += 1;
            continue;
        }
        let start = k;
        while k < lines.len() && !lines[k].is_blank() {
            k += 1;
        }
        let run = start..k;
        let cells = run.clone().all(|n| {
            let line = &lines[n];
            !taken[n]
                && !line.glue
                && (n == start || (!line.page_break && line.page_starts.is_empty()))
                && is_cell(line.trimmed())
        });
        if cells {
            out.push((start, k - 1));
        }
    }
    out
}

/// Only blank lines, and at least one, between the two blocks.
fn blank_between(lines: &[Line], end: usize, start: usize) -> bool {
    end + 1 < start
        && lines[end + 1..start]
            .iter()
            .all(|l| l.is_blank() && !l.page_break && l.page_starts.is_empty())
}

/// A line that can be one cell: short, not ending as a phrase goes on
/// (a comma, a colon, a hyphen at the line end), not a sentence's end,
/// and no markup of a listing (`\command`, braces, a `%` comment).
fn is_cell(text: &str) -> bool {
    text.chars().count() <= MAX_CELL_CHARS
        && !text.ends_with(['.', ',', ':', ';', '&', '-', '\u{ad}'])
        && !text.contains(['{', '}', '%'])
        && !text
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'\\' && w[1].is_ascii_alphabetic())
}

/// Whether the blocks read as the columns of one table: one of them holds
/// values on every line, another holds labels in words on every line, and
/// no block is a run of line numbers (a listing's margin).
fn is_table(columns: &[Vec<&str>], vocab: &DocVocabulary) -> bool {
    let values: Vec<bool> = columns
        .iter()
        .map(|c| c.iter().all(|cell| is_value(cell)))
        .collect();
    values.iter().any(|&v| v)
        && values.iter().any(|&v| !v)
        && columns
            .iter()
            .zip(&values)
            .all(|(c, &v)| v || is_label_column(c, vocab))
        && !columns.iter().any(|c| is_line_numbers(c))
}

/// A value: one or two tokens with a digit or a sign in them, and a letter
/// or digit ("98_222", "0xff", "<256", "\n", "std::ops::Add", "b'H'"). A
/// lone sign ("+", "*") is as likely a fragment of a header.
fn is_value(cell: &str) -> bool {
    cell.split_whitespace().count() <= 2
        && cell
            .chars()
            .any(|c| !c.is_alphabetic() && !c.is_whitespace())
        && cell.chars().any(char::is_alphanumeric)
}

/// A column of labels: every cell is a value or holds words (not only
/// digits and signs, as the rows of a matrix in a figure do), every word
/// of three letters or more a word of the list or one the document writes
/// again ("Compou" and "Assignmen", pieces of a header cut by the column's
/// width, are neither); the cells in words start alike, all in capitals or
/// all in lower case (a lower-case line among capitalised ones goes on the
/// cell above it).
fn is_label_column(cells: &[&str], vocab: &DocVocabulary) -> bool {
    let lex = Lexicon::english();
    let known = |w: &str| w.chars().count() < 3 || lex.is_word(w) || vocab.count(w) >= 2;
    let in_words = |cell: &str| {
        let mut words = cell
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty());
        words.clone().any(|w| w.chars().count() >= 2) && words.all(known)
    };
    let labels: Vec<&str> = cells.iter().copied().filter(|c| !is_value(c)).collect();
    let opens_upper = |cell: &str| {
        cell.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    };
    let upper = labels.iter().filter(|cell| opens_upper(cell)).count();
    labels.iter().all(|cell| in_words(cell)) && (upper == 0 || upper == labels.len())
}

/// Consecutive whole numbers ("93", "94", "95"): the margin of a numbered
/// listing, not a column of values.
fn is_line_numbers(cells: &[&str]) -> bool {
    let numbers: Option<Vec<u64>> = cells.iter().map(|c| c.parse().ok()).collect();
    numbers.is_some_and(|n| n.windows(2).all(|w| w[1] == w[0] + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn rebuilt(text: &str) -> Vec<Rebuilt> {
        let lines = split(text);
        let taken = vec![false; lines.len()];
        find(&lines, &taken)
    }

    #[test]
    fn a_column_of_labels_beside_a_column_of_values_is_a_table() {
        let text = "Number literals\n\nDecimal integer\nHex integer\nOctal integer\n\n\
                    98_222\n0xff\n0o77\n\nA suffix follows.\n";
        let found = rebuilt(text);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (2, 8));
        assert_eq!(
            found[0].rows,
            vec![
                vec!["Decimal integer", "98_222"],
                vec!["Hex integer", "0xff"],
                vec!["Octal integer", "0o77"],
            ]
        );
    }

    #[test]
    fn blocks_of_words_alone_are_no_table() {
        // Two stanzas, two lists: no column of values.
        let text = "Apples\nPears\nPlums\n\nRed\nGreen\nBlue\n";
        assert_eq!(rebuilt(text), Vec::new());
        // A sentence broken into lines ends them mid-phrase.
        let text = "The value of\nthe option is\nset by 42\n\n0x1\n0x2\n0x3\n";
        assert_eq!(rebuilt(text), Vec::new());
    }

    #[test]
    fn a_wrapped_cell_or_a_header_in_pieces_declines() {
        // "string" goes on "Raw byte": the label column has a line more.
        let text = "Byte\nByte string\nRaw byte\nstring\n\nb'H'\n0\nb\"hello\"\n0\n";
        assert_eq!(rebuilt(text), Vec::new());
        // A header cut by the column's width, beside signs.
        let text = "Overload\nCompou\nAssignmen\n\n+\n*\n/\n";
        assert_eq!(rebuilt(text), Vec::new());
    }

    #[test]
    fn a_figures_labels_and_matrix_rows_are_no_table() {
        let text = "2\n0\n1\n\n0010 \u{b7} \u{b7} \u{b7} 0\n1100 \u{b7} \u{b7} \u{b7} 0\n\
                    1000 \u{b7} \u{b7} \u{b7} 0\n";
        assert_eq!(rebuilt(text), Vec::new());
    }

    #[test]
    fn a_listing_and_its_line_numbers_are_no_table() {
        let text = "let x = compute(a)\nlet y = compute(b)\nlet z = compute(c)\n\n\
                    93\n94\n95\n";
        assert_eq!(rebuilt(text), Vec::new());
        let text = "\\vspace*{1mm}\n\\end{minipage}\n}}\n\n93\n94\n95\n";
        assert_eq!(rebuilt(text), Vec::new());
    }
}
