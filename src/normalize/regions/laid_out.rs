//! Lines in columns that no reading could cut into cells.
//!
//! A table whose columns are centred, or whose cells run into each other
//! on some rows (`pdftotext -layout` of a reference card, of a typeset
//! table with wrapped cells), has wide gaps on every line but no gutter
//! that all lines leave blank, and the table reader declines it. Read as
//! prose, its rows would be joined into sentences that no row wrote
//! ("|k| N k up N lines |j| N j down N lines"). Where the declined lines
//! are short pieces of text apart by wide gaps, they are kept as they were
//! set, as a preformatted block, and the report says so. Prose that an
//! extractor spread with double spaces between its words has long pieces,
//! or no gap wider than two spaces, and stays prose.
//!
//! A table whose last cell wraps (a parameter beside its description) has
//! the gap on one line of each row only: the description goes on alone at
//! its column. Those lines count with the rows, and the block takes them
//! in before its first row and after its last.

use super::super::RepairLog;
use super::super::lines::{Line, LineKind, is_rule};
use super::{NAME, table};

/// Spaces between two pieces of text that no justification of a line
/// gives: extractors that space words apart write two.
const WIDE_GAP: usize = 3;

/// Fewest lines with a wide gap: two lines line up by chance.
const MIN_WIDE_LINES: usize = 3;

/// Share of the lines with a wide gap: the others are cells wrapped onto
/// lines of their own.
const WIDE_SHARE: f64 = 2.0 / 3.0;

/// Most words of the median piece: a table's cells are short, running
/// text spread over a line has long pieces.
const MAX_MEDIAN_PIECE_WORDS: usize = 4;

/// The stretches of prose lines, between blank lines and lines another
/// reading took, among the lines `start..=end`.
pub fn stretches(lines: &[Line], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = start;
    while k <= end {
        if !lines[k].kind.is_prose() || lines[k].is_blank() {
            k += 1;
            continue;
        }
        let first = k;
        while k < end && lines[k + 1].kind.is_prose() && !lines[k + 1].is_blank() {
            k += 1;
        }
        out.push((first, k));
        k += 1;
    }
    out
}

/// The rows of a stretch of a declined run: the lines from the first with
/// a gap to the last with a gap or indented past that first line. Read
/// again, the rows stand apart, and a run of aligned-looking lines starts
/// at a line with a gap and goes on over such lines; a line of running
/// text at either end (no wide gap, more words than a cell) is the
/// paragraph before or after them, and a rule line after the last row the
/// border a second reading may leave apart. Both readings then decide on
/// the same lines.
pub fn rows(lines: &[Line], first: usize, last: usize) -> (usize, usize) {
    let sentence = |k: usize| {
        !table::has_gap_of(&lines[k].text, WIDE_GAP)
            && lines[k].trimmed().split_whitespace().count() > MAX_MEDIAN_PIECE_WORDS
    };
    let under = |first: usize, k: usize| {
        !table::has_gap(&lines[k].text)
            && (is_rule(lines[k].trimmed()) || lines[k].indent() <= lines[first].indent())
    };
    let (mut first, mut last) = (first, last);
    while first < last && (sentence(first) || !table::has_gap(&lines[first].text)) {
        first += 1;
    }
    while last > first && (sentence(last) || under(first, last)) {
        last -= 1;
    }
    (first, last)
}

/// Keeps the rows `first..=last` (see [`rows`]) as set if they show short
/// pieces of text apart by wide gaps; logs what it keeps and declines.
pub fn keep_stretch(lines: &mut [Line], first: usize, last: usize, log: &mut RepairLog) {
    let (mut first, mut last) = (first, last);
    let stretch = &lines[first..=last];
    let wide = stretch
        .iter()
        .filter(|l| table::has_gap_of(&l.text, WIDE_GAP))
        .count();
    // A last cell that wraps goes on at its column on lines of its own,
    // with the other cells of its row set beside one of them (a table of
    // parameters whose description wraps, the parameter centred beside it).
    let column = last_cell_column(stretch);
    let wrapped = column.map_or(0, |column| {
        stretch
            .iter()
            .filter(|l| !table::has_gap_of(&l.text, WIDE_GAP) && l.indent() == column)
            .count()
    });
    let laid_out = wide + wrapped;
    if wide < MIN_WIDE_LINES || (laid_out as f64) < stretch.len() as f64 * WIDE_SHARE {
        return;
    }
    let span = lines[first].span().join(lines[last].span());
    let median = median_piece_words(stretch.iter().map(|l| l.text.as_str()));
    if median > MAX_MEDIAN_PIECE_WORDS {
        log.decline(
            NAME,
            "laid-out",
            span,
            format!(
                "{} (pieces of {median} words: running text with wide gaps)",
                lines[first].trimmed()
            ),
        );
        return;
    }
    // A line of code right before or after the block (a prompt under a
    // program's report) was read as one line inside a paragraph; with the
    // block set apart it stands alone, and a second reading takes it for
    // code: it goes with the block.
    let code_beside = |k: usize| {
        let line = &lines[k];
        line.kind.is_prose() && !line.is_blank() && super::is_code_line(&line.text)
    };
    // The wrapped last cell goes on over lines of its own at its column,
    // before the first row and after the last, and so do rows whose last
    // cell starts there or whose cells all stand left of it (a row or two
    // between such lines make no run of their own that the table reader
    // would take).
    if let Some(column) = column {
        let continues = |k: usize| {
            let line = &lines[k];
            let text = line.text.trim_end();
            let row = table::has_gap_of(text, WIDE_GAP)
                && (last_piece_start(text) == Some(column) || text.chars().count() < column);
            line.kind.is_prose() && !line.is_blank() && (row || line.indent() == column)
        };
        while first > 0 && continues(first - 1) {
            first -= 1;
        }
        while last + 1 < lines.len() && continues(last + 1) {
            last += 1;
        }
    }
    while first > 0 && code_beside(first - 1) {
        first -= 1;
    }
    while last + 1 < lines.len() && code_beside(last + 1) {
        last += 1;
    }
    log.record(
        NAME,
        "laid-out",
        lines[first].span().join(lines[last].span()),
        lines[first].trimmed(),
        format!(
            "{} lines in columns no gutter separates: kept as set",
            last + 1 - first
        ),
    );
    for line in &mut lines[first..=last] {
        line.kind = LineKind::Code;
    }
}

/// The column of a last cell that wraps: the indent that most lines
/// without a wide gap share, right of the stretch's left edge, where the
/// last piece of a line with a wide gap starts too.
fn last_cell_column(stretch: &[Line]) -> Option<usize> {
    let left = stretch.iter().map(Line::indent).min()?;
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for line in stretch
        .iter()
        .filter(|l| !table::has_gap_of(&l.text, WIDE_GAP))
    {
        let indent = line.indent();
        match counts.iter_mut().find(|(column, _)| *column == indent) {
            Some((_, n)) => *n += 1,
            None => counts.push((indent, 1)),
        }
    }
    let (column, n) = counts.into_iter().max_by_key(|&(column, n)| (n, column))?;
    let starts_a_cell = stretch
        .iter()
        .any(|l| last_piece_start(&l.text) == Some(column));
    (n >= 2 && column >= left + WIDE_GAP && starts_a_cell).then_some(column)
}

/// The column (in characters) where the text after the line's last run of
/// [`WIDE_GAP`] spaces or more starts.
fn last_piece_start(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    table::gaps(&chars)
        .into_iter()
        .rev()
        .find(|&(start, past)| past - start >= WIDE_GAP)
        .map(|(_, past)| past)
}

/// The word count of the median piece of text, the lines cut at every run
/// of two spaces or more.
fn median_piece_words<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    let mut words: Vec<usize> = texts
        .flat_map(|t| t.trim().split("  "))
        .filter(|piece| !piece.trim().is_empty())
        .map(|piece| piece.split_whitespace().count())
        .collect();
    if words.is_empty() {
        return 0;
    }
    words.sort_unstable();
    words[words.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::super::tests::{classify, kinds};
    use super::*;
    use crate::normalize::lines::split;

    /// A reference card's rows: the columns are set apart by wide gaps,
    /// but a long entry pushes its row's cells right, so no gutter is
    /// blank on every line (Vim's quickref, by `pdftotext -layout`).
    const CARD: &str = "Up-down motions\n\n\
        |k|         N    k      up N lines (also: CTRL-P and <Up>)\n\
        |j|         N    j      down N lines (also: CTRL-J, CTRL-N, <NL>, and <Down>)\n\
        |+|         N    +      down N lines, on the first non-blank character (also:\n\
        \x20                          CTRL-M and <CR>)\n\
        |_|     N _             down N-1 lines, on the first non-blank character\n\
        |G|     N G             goto line N (default: last line), on the first\n\
        \x20                          non-blank character\n\n\
        Left-right motions follow.";

    #[test]
    fn rows_no_gutter_separates_are_kept_as_set() {
        let (lines, log) = classify(CARD);
        assert_eq!(kinds(&lines), "ppcccccccpp", "{:?}", log.changes);
        assert_eq!(lines[3].text, split(CARD)[3].text, "kept as it was");
        assert!(
            log.changes
                .iter()
                .any(|c| c.rule == "laid-out" && !c.declined && c.after.contains("7 lines")),
            "{:?}",
            log.changes
        );
    }

    /// A table of parameters whose description wraps, each parameter
    /// centred beside its description (AMC's manual by `pdftotext
    /// -layout`): most lines are the description's alone, at its column.
    const WRAPPED: &str = include_str!("../../../tests/data/wrapped-parameters.txt");

    #[test]
    fn a_table_whose_last_cell_wraps_is_kept_as_set() {
        let (lines, log) = classify(WRAPPED);
        assert_eq!(kinds(&lines), "ppccccccccccccccpp", "{:?}", log.changes);
        assert_eq!(lines[8].text, split(WRAPPED)[8].text, "kept as it was");
    }

    /// An extractor that writes two spaces between words (pdfminer) leaves
    /// gaps that line up nowhere; the text is prose all the same.
    #[test]
    fn prose_spaced_apart_stays_prose() {
        let text = "archive  is  defined  as  a  STATIC  library  --  an  archive  containing\n\
                    the  target_link_libraries()  command.  It  is  a  type  which  is  loaded\n\
                    A  SHARED library may be marked with the  FRAMEWORK target property to\n\
                    create  an  macOS  framework  from  the  objects  it  was  given  here.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pppp", "{:?}", log.changes);
    }

    /// Wide gaps between long pieces are running text spread wide.
    #[test]
    fn long_pieces_with_wide_gaps_are_declined() {
        let text = "The quick brown fox jumps over     the lazy dog by the river bank\n\
                    and then it runs away into     the dark forest where it lives\n\
                    with all of its many friends     and the rest of its family";
        let mut lines = split(text);
        let mut log = RepairLog::default();
        let (first, last) = rows(&lines, 0, 2);
        keep_stretch(&mut lines, first, last, &mut log);
        assert!(lines.iter().all(|l| l.kind.is_prose()));
        assert!(
            log.changes
                .iter()
                .any(|c| c.rule == "laid-out" && c.declined)
        );
    }

    /// A sentence at either end of the stretch is the text around the
    /// columns; a prompt under them goes with them.
    #[test]
    fn sentences_around_stay_prose_and_a_prompt_goes_with_the_block() {
        let text = "The summary of the data frame follows here as printed by R now\n\
                    \x20    height         weight\n\
                    \x20Min.   :58.0   Min.   :115.0\n\
                    \x20Median :65.0   Median :135.0\n\
                    \x20Max.   :72.0   Max.   :164.0\n\
                    > rm(summary.data.frame)\n\
                    At the browser prompt one can enter any R expression, so for example";
        let mut lines = split(text);
        let mut log = RepairLog::default();
        // The run of aligned-looking lines took in the sentence before;
        // the prompt after it was read as a line of its own.
        let (first, last) = rows(&lines, 0, 4);
        keep_stretch(&mut lines, first, last, &mut log);
        assert_eq!(kinds(&lines), "pcccccp", "{:?}", log.changes);
    }

    #[test]
    fn a_wide_gap_is_three_spaces_between_text() {
        assert!(table::has_gap_of("  |k|    N", WIDE_GAP));
        assert!(!table::has_gap_of("    the  TARGET  in  a  use", WIDE_GAP));
        assert!(!table::has_gap_of("one two", WIDE_GAP));
        assert!(!table::has_gap_of("one two   ", WIDE_GAP));
    }

    #[test]
    fn pieces_are_cut_at_double_spaces() {
        let texts = ["|k|         N    k      up N lines (also: CTRL-P and <Up>)"];
        assert_eq!(median_piece_words(texts.into_iter()), 1);
        let prose = ["The quick brown fox jumps   over the lazy dog near the bank"];
        assert_eq!(median_piece_words(prose.into_iter()), 7);
    }
}
