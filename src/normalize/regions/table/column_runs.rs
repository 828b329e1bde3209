//! A table read column by column: some extractors (pdftotext's default
//! reading order, pdfminer, pypdf) give each column of a table as a block
//! of its own, one cell a line, the blocks one under the other:
//!
//! ```text
//! Decimal integer      98_222         N/A
//! Hex integer          0xff           N/A
//! Octal integer        0o77           Optional
//! ```
//!
//! comes out as three blocks of three lines. The evidence that such blocks
//! are the columns of one table: at least two of them side by side in the
//! text, each exactly as long as the others (a column has one cell per
//! row), every line short like a cell, and the lines of each block alike
//! (all starting with a capital, or all with a small letter, or all with a
//! digit or sign), as the cells of one column are. A block that mixes them
//! (`Raw byte` / `string`) is a cell wrapped over two lines, and the rows
//! could not be told apart: the run is declined. The rows are rebuilt by
//! reading the blocks across, so that each row's cells come in order.

use super::Found;
use crate::normalize::lines::Line;

/// Rows a table must have. Blocks of three short lines line up by
/// chance: a header cell wrapped over three lines (`Overloading` /
/// `Compound` / `Assignment`) stands beside the first three cells of the
/// column under it.
const MIN_ROWS: usize = 4;

/// Columns: one block of short lines is a list.
const MIN_COLUMNS: usize = 2;

/// A cell line has at most this many words and characters; a line of
/// running text has more.
const MAX_CELL_WORDS: usize = 5;
const MAX_CELL_CHARS: usize = 40;

/// How a cell's first character looks: the cells of one column look alike.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Start {
    Capital,
    Small,
    Other,
}

fn start_of(text: &str) -> Start {
    match text.chars().next() {
        Some(c) if c.is_uppercase() => Start::Capital,
        Some(c) if c.is_lowercase() => Start::Small,
        _ => Start::Other,
    }
}

/// Whether a line reads as one table cell: short, and not the end of a
/// sentence or a word or phrase broken to the next line.
fn is_cell(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.split_whitespace().count() <= MAX_CELL_WORDS
        && t.chars().count() <= MAX_CELL_CHARS
        && !t.ends_with(['.', ',', ';', ':', '&', '-', '\u{ad}'])
        && !t.contains('\t')
}

/// A block of lines from `start`: consecutive free lines, up to a blank
/// line. Its last line.
fn block_end(lines: &[Line], start: usize, free: &dyn Fn(usize) -> bool) -> usize {
    let mut k = start;
    while k + 1 < lines.len() && free(k + 1) {
        k += 1;
    }
    k
}

/// Whether the block's lines are cells of one column.
fn is_column(lines: &[Line], start: usize, end: usize) -> bool {
    let first = start_of(lines[start].trimmed());
    (start..=end).all(|k| is_cell(&lines[k].text) && start_of(lines[k].trimmed()) == first)
}

/// The blocks of a table read column by column from `start` (the first
/// line of a block), as a table of the rows read across, and its last
/// line. `None` when fewer than [`MIN_COLUMNS`] blocks of the same length
/// (at least [`MIN_ROWS`] lines) of cell lines follow one another.
pub fn table(lines: &[Line], start: usize, free: &dyn Fn(usize) -> bool) -> Option<(Found, usize)> {
    if start > 0 && free(start - 1) {
        return None;
    }
    let mut columns: Vec<(usize, usize)> = Vec::new();
    let mut k = start;
    loop {
        let end = block_end(lines, k, free);
        let fits = end + 1 - k >= MIN_ROWS
            && columns.first().is_none_or(|&(s, e)| e - s == end - k)
            && is_column(lines, k, end);
        if !fits {
            break;
        }
        columns.push((k, end));
        // The next block starts after the blank lines; anything else (a
        // line of code, the end) ends the run.
        let mut next = end + 1;
        while next < lines.len() && lines[next].is_blank() {
            next += 1;
        }
        if next == end + 1 || next >= lines.len() || !free(next) {
            break;
        }
        k = next;
    }
    if columns.len() < MIN_COLUMNS {
        return None;
    }
    let (first, _) = columns[0];
    let (_, last) = *columns.last()?;
    let rows = columns[0].1 + 1 - columns[0].0;
    let mut texts: Vec<String> = (0..rows)
        .map(|r| {
            columns
                .iter()
                .map(|&(s, _)| lines[s + r].trimmed().to_string())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect();
    texts.resize(last + 1 - first, String::new());
    Some((
        Found::Table {
            start: first,
            end: last,
            rows,
            columns: columns.len(),
            texts,
            rule: "column-runs",
        },
        last,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn found(text: &str) -> Option<Found> {
        let lines = split(text);
        table(&lines, 0, &|i| !lines[i].is_blank()).map(|(f, _)| f)
    }

    #[test]
    fn columns_given_one_after_the_other_are_read_across() {
        let text = "Decimal integer\nHex integer\nOctal integer\nFloating-point\n\n\
                    98_222\n0xff\n0o77\n123.0E+77\n\n\
                    N/A\nN/A\nN/A\nOptional\n";
        let Some(Found::Table {
            texts,
            rows,
            columns,
            end,
            ..
        }) = found(text)
        else {
            panic!("no table");
        };
        assert_eq!((rows, columns, end), (4, 3, 13));
        assert_eq!(texts[0], "Decimal integer\t98_222\tN/A");
        assert_eq!(texts[3], "Floating-point\t123.0E+77\tOptional");
        assert!(texts[4..].iter().all(String::is_empty));
    }

    #[test]
    fn blocks_of_other_lengths_or_one_block_are_declined() {
        assert_eq!(
            found("alpha\nbeta\ngamma\ndelta\n\none\ntwo\nthree\n"),
            None
        );
        assert_eq!(found("alpha\nbeta\ngamma\ndelta\n"), None);
        // A header cell wrapped over three lines beside a column: too few
        // rows to tell.
        assert_eq!(found("Overload\nCompou\nAssignmen\n\n+\n*\n/\n"), None);
    }

    #[test]
    fn a_cell_wrapped_over_two_lines_declines_the_run() {
        // `Raw byte` / `string` is one cell: the rows cannot be told apart.
        let text = "Byte\nByte string\nRaw byte\nstring\n\n\
                    b'H'\nb\"hello\"\nbr#\"hello\"#\ncr#\"x\"#\n";
        assert_eq!(found(text), None);
    }

    #[test]
    fn running_text_is_no_column() {
        let text = "The first line of a paragraph that runs on\n\
                    and on over several lines of text\nthat are all\nalike until it ends.\n\n\
                    A second paragraph of the same\nlength as the first one\nwith four lines\nends here too.\n";
        assert_eq!(found(text), None);
    }
}
