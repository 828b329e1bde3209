//! Rows that end in the same number of numbers: a program's report or a
//! data listing (`sp|P08010|GSTM2_RAT Glutathione S-transferase ( 218)
//! 1248 312.0 7.7e-86`, `GARY  30  10  8  10`), where the extractor kept no
//! wide gap between the columns, or kept them where they line up on no
//! common column. Lines of prose that end in several numbers happen;
//! consecutive lines that each end in the same count of them, at least
//! [`MIN_NUMBERS`], are columns.
//!
//! Each row becomes its label (the text before the numbers, as it stands)
//! and one cell per number, so the prose passes neither join the rows into
//! a paragraph nor re-space them.

use super::Found;
use crate::normalize::lines::Line;

/// Numbers a row ends in: with fewer, a sentence ending in a year and a
/// page, or a version and a count, looks alike.
const MIN_NUMBERS: usize = 3;

/// Rows of one run: one line alone is no column.
const MIN_ROWS: usize = 2;

/// Whether the token is a number as data sets print them: `1248`, `-.1`,
/// `7.7e-86`, `74.003%`, `13,143`; it ends in a digit or `%`, so that the
/// last word of a sentence (`3.`, `4,`) is not taken for one.
pub fn is_number(token: &str) -> bool {
    let t = token.strip_prefix(['-', '+']).unwrap_or(token);
    let t = t.strip_suffix('%').unwrap_or(t);
    let (mantissa, exponent) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    mantissa.chars().any(|c| c.is_ascii_digit())
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && mantissa.ends_with(|c: char| c.is_ascii_digit())
        && exponent.is_none_or(digits)
}

/// The row's cells: the label before its numbers (left out when empty),
/// then each number; `( 218)` and `(2137)`, a number in parentheses, is
/// one; a lone `;` after the last number (a statement's end in a data
/// file) stays with it. `None` when the line ends in fewer than
/// [`MIN_NUMBERS`] numbers.
pub fn cells(text: &str) -> Option<Vec<String>> {
    let (label, numbers) = label_and_numbers(text)?;
    let mut out = Vec::with_capacity(numbers.len() + 1);
    if !label.is_empty() {
        out.push(label.to_string());
    }
    out.extend(numbers);
    Some(out)
}

/// The text before the numbers a row ends in, and the numbers.
fn label_and_numbers(text: &str) -> Option<(&str, Vec<String>)> {
    let text = text.trim();
    // Asked of every line: a row ends in a number, `)` or `;`, and most
    // lines do not, so they need no word list.
    if !text.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | ')' | ';')) {
        return None;
    }
    // Words with their byte offsets.
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut end = words.len();
    let terminator = words
        .last()
        .filter(|(_, w)| w.chars().all(|c| c == ';'))
        .map(|&(_, w)| w);
    if terminator.is_some() {
        end -= 1;
    }
    let mut numbers: Vec<String> = Vec::new();
    let mut label_end = text.len();
    while end > 0 {
        let (at, w) = words[end - 1];
        let inner = w.strip_suffix(')').unwrap_or(w);
        let bracketed = w.starts_with('(') && w.ends_with(')') && is_number(&inner[1..]);
        if is_number(w) || bracketed {
            numbers.push(w.to_string());
            label_end = at;
            end -= 1;
        } else if w.ends_with(')') && is_number(inner) && end >= 2 && words[end - 2].1 == "(" {
            numbers.push(format!("( {inner})"));
            label_end = words[end - 2].0;
            end -= 2;
        } else {
            break;
        }
    }
    if numbers.len() < MIN_NUMBERS {
        return None;
    }
    numbers.reverse();
    if let (Some(t), Some(last)) = (terminator, numbers.last_mut()) {
        last.push(' ');
        last.push_str(t);
    }
    Some((text[..label_end].trim(), numbers))
}

/// The shape two rows of one run share: the number of numbers, and
/// whether there is a label before them.
fn shape(text: &str) -> Option<(usize, bool)> {
    let (label, numbers) = label_and_numbers(text)?;
    Some((numbers.len(), !label.is_empty()))
}

/// A run of at least [`MIN_ROWS`] free lines from `start` that all end in
/// the same number of numbers, as a table, and its last line.
pub fn table(lines: &[Line], start: usize, free: &dyn Fn(usize) -> bool) -> Option<(Found, usize)> {
    let first = shape(&lines[start].text)?;
    let mut k = start + 1;
    while k < lines.len() && free(k) && shape(&lines[k].text) == Some(first) {
        k += 1;
    }
    if k - start < MIN_ROWS {
        return None;
    }
    let texts: Vec<String> = (start..k)
        .map(|j| cells(&lines[j].text).unwrap_or_default().join("\t"))
        .collect();
    Some((
        Found::Table {
            start,
            end: k - 1,
            rows: texts.len(),
            columns: first.0 + usize::from(first.1),
            texts,
            rule: "numeric-columns",
        },
        k - 1,
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
    fn numbers_as_data_sets_print_them() {
        for n in ["1248", "-.1", ".03", "7.7e-86", "74.003%", "13,143", "+2"] {
            assert!(is_number(n), "{n}");
        }
        for n in ["3.", "4,", "e5", "1.2.x", "-", "abc", "2e"] {
            assert!(!is_number(n), "{n}");
        }
    }

    #[test]
    fn a_report_keeps_its_rows_and_parenthesized_lengths() {
        let text = "sp|P08010|GSTM2_RAT Glutathione S-transferase Mu 2; GT ( 218) 1248 312.0 7.7e-86\n\
                    sp|P11277|SPTB1_HUMAN Spectrin beta chain, erythrocytic; Beta- (2137) 108 31.6 1.9\n";
        let Some(Found::Table { texts, columns, .. }) = found(text) else {
            panic!("no table");
        };
        assert_eq!(columns, 5);
        assert_eq!(
            texts[0],
            "sp|P08010|GSTM2_RAT Glutathione S-transferase Mu 2; GT\t( 218)\t1248\t312.0\t7.7e-86"
        );
        assert_eq!(
            texts[1],
            "sp|P11277|SPTB1_HUMAN Spectrin beta chain, erythrocytic; Beta-\t(2137)\t108\t31.6\t1.9"
        );
    }

    #[test]
    fn a_closing_semicolon_stays_with_the_last_number() {
        let text = "GARY 30 10 8 10 11 71 6\nPITT 26 14 17 13 31 104 20 ;\n";
        let Some(Found::Table { texts, .. }) = found(text) else {
            panic!("no table");
        };
        assert_eq!(texts[1], "PITT\t26\t14\t17\t13\t31\t104\t20 ;");
    }

    #[test]
    fn prose_ending_in_numbers_is_no_table() {
        // Fewer than three numbers at the end of each line.
        assert_eq!(
            found("The release of 2021 had 3 parts and\nthe next one 4 or 5\n"),
            None
        );
        // One line alone.
        assert_eq!(found("Scores were 10 20 30\nand that was all.\n"), None);
        // A different count of numbers on each line: no columns.
        assert_eq!(found("alpha 1 2 3\nbeta 1 2 3 4\n"), None);
        // Sentence ends are no numbers.
        assert_eq!(found("pages 3, 4, 5.\nchapters 6, 7, 8.\n"), None);
    }
}
