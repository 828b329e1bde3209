//! Whether the words after a line-end soft hyphen go on the same word.
//!
//! A soft hyphen (U+00AD) at a line end is the typesetter's own break inside
//! a word: in running text the next line starts with the rest of that word.
//! In a table set in narrow columns it is not so: each cell breaks its own
//! words, and an extractor that reads the page line by line prints the
//! fragments of several cells side by side ("Sym­ Inte­" over "bol ger"), so
//! the next line may start with the rest of another cell's word. Joining
//! there invents words ("Intebol"). This module reads the layout evidence
//! that the line is a table cell; the caller joins a word that no word list
//! and no other line of the document knows only where there is none.

use crate::normalize::lines::Line;

/// A line of running text that the typesetter broke holds at least this
/// many words; fewer is a narrow cell (or a cell's last fragment).
const MIN_RUNNING_WORDS: usize = 3;

/// Spaces inside a line that only a gap between columns makes
/// (`pdftotext -layout`); justified text spreads words by one or two.
const COLUMN_GAP: usize = 3;

/// The layout evidence that a broken line is a table cell.
#[derive(Debug)]
pub struct Cells {
    /// What shows it, for the log.
    pub why: String,
    /// The broken line is one word: a cell of its own, whose word the next
    /// line may well go on (a narrow column breaks a word over its lines).
    /// Else the line may hold several cells side by side, and the next
    /// line's first word the rest of any of them.
    pub one_word: bool,
}

/// Why the line after line `i` (`j`, the next non-blank line) may not
/// continue the word broken at the end of line `i`: the layout shows
/// table cells. `None`: the lines read as running text.
pub fn cell_evidence(lines: &[Line], i: usize, j: usize) -> Option<Cells> {
    let here = words(&lines[i].text);
    let cells = |why: String| {
        Some(Cells {
            why,
            one_word: here == 1,
        })
    };
    if here < MIN_RUNNING_WORDS {
        return cells(format!(
            "the broken line holds {here} word{}: a narrow table cell, not a line of running text",
            if here == 1 { "" } else { "s" }
        ));
    }
    for k in [i, j] {
        if has_column_gap(&lines[k].text) {
            return cells(format!(
                "'{}' has a gap of {COLUMN_GAP}+ spaces between words: columns side by side",
                lines[k].trimmed()
            ));
        }
    }
    if words(&lines[j].text) < MIN_RUNNING_WORDS && fragment_goes_on(lines, j) {
        return cells(format!(
            "the next line '{}' is a short fragment and the text goes on after it: cells side by side",
            lines[j].trimmed()
        ));
    }
    None
}

/// The first word of the line above line `i` (adjacent, not joined to it):
/// in a table row, the start of a cell whose rest may stand on line `i`
/// ("Sub­ std::ops::Sub" over "trac­" over "tion").
pub fn word_above(lines: &[Line], i: usize) -> Option<&str> {
    let above = lines.get(i.checked_sub(1)?)?;
    if above.is_blank() || above.glue || lines[i].page_break {
        return None;
    }
    let first = above.trimmed().split_whitespace().next()?;
    let first = first.trim_end_matches('\u{AD}');
    first.chars().all(char::is_alphabetic).then_some(first)
}

/// The word that a narrow cell spells over consecutive lines of one
/// fragment each, every one but the last ending in a hyphen or a soft
/// hyphen ("Sub­" / "trac­" / "tion"), through the break between lines `i` and `j`. The
/// fragments before `i` count where this pass already joined them (their
/// line is glued and lost its soft hyphen). `None` unless line `i` is such
/// a fragment.
pub fn spelled_word(lines: &[Line], i: usize, j: usize) -> Option<String> {
    let piece = |k: usize| fragment(&lines[k].text);
    let mut word = piece(i)?.to_string();
    let mut k = i;
    while k > 0 && lines[k - 1].glue {
        let Some(p) = piece(k - 1) else { break };
        word.insert_str(0, p);
        k -= 1;
    }
    let mut m = j;
    while lines[m].text.trim_end().ends_with(['\u{AD}', '-'])
        && m + 1 < lines.len()
        && !lines[m + 1].is_blank()
    {
        word.push_str(piece(m)?);
        m += 1;
    }
    let rest = lines[m].trimmed().split_whitespace().next()?;
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    (end > 0).then(|| word + &rest[..end])
}

/// The letters of a line that is one word fragment, its hyphen aside.
fn fragment(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches(['\u{AD}', '-']);
    (!t.is_empty() && t.chars().all(char::is_alphabetic)).then_some(t)
}

/// Whitespace tokens holding a letter or a digit.
fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count()
}

/// A run of [`COLUMN_GAP`] or more spaces between two words (indentation
/// and trailing spaces aside).
fn has_column_gap(text: &str) -> bool {
    let mut run = 0;
    for c in text.trim().chars() {
        if c == ' ' {
            run += 1;
            if run >= COLUMN_GAP {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// A short line `j` ends a paragraph of running text; a cell fragment is
/// followed by more of the same sentence: it ends in a hyphen itself, or
/// the next non-blank line starts in lower case.
fn fragment_goes_on(lines: &[Line], j: usize) -> bool {
    let text = lines[j].text.trim_end();
    if text.ends_with(['-', '\u{AD}']) {
        return true;
    }
    lines[j + 1..]
        .iter()
        .find(|l| !l.is_blank())
        .filter(|l| !l.page_break)
        .and_then(|l| l.trimmed().chars().next())
        .is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn evidence(text: &str) -> Option<String> {
        let lines = split(text);
        cell_evidence(&lines, 0, 1).map(|c| c.why)
    }

    #[test]
    fn the_word_above_starts_a_cell() {
        let lines = split("Sub\u{AD} std::ops::Sub\ntrac\u{AD}\ntion");
        assert_eq!(word_above(&lines, 1), Some("Sub"));
        assert_eq!(word_above(&lines, 0), None);
        let lines = split("std::ops::Sub\ntrac\u{AD}\ntion");
        assert_eq!(word_above(&lines, 1), None);
    }

    #[test]
    fn a_narrow_cell_spells_a_word_over_its_lines() {
        let lines = split("Sub\u{AD}\ntrac\u{AD}\ntion\n\nnext");
        assert_eq!(spelled_word(&lines, 0, 1).as_deref(), Some("Subtraction"));
        // The second break, once the first was joined (glued, hyphen gone).
        let mut lines = split("Sub\ntrac\u{AD}\ntion");
        lines[0].glue = true;
        assert_eq!(spelled_word(&lines, 1, 2).as_deref(), Some("Subtraction"));
        // A line of several words is no fragment of one cell.
        let lines = split("Sub\u{AD} std::ops::Sub\ntrac\u{AD}\ntion");
        assert_eq!(spelled_word(&lines, 0, 1), None);
    }

    #[test]
    fn running_text_has_none() {
        assert_eq!(
            evidence(
                "full debug info on will improve backtraces and debug\u{AD}\ngability when needed:\n\nNext."
            ),
            None
        );
        assert_eq!(
            evidence("and appear in mono\u{AD}\nspace font.\n\nThe next paragraph."),
            None
        );
    }

    #[test]
    fn a_narrow_cell_is_evidence() {
        let why = evidence("Sym\u{AD} Inte\u{AD}\nbol ger").unwrap();
        assert!(why.contains("holds 2 words"), "{why}");
        let lines = split("Mul\u{AD}\ntipli\u{AD}\ncation");
        assert!(cell_evidence(&lines, 0, 1).unwrap().one_word);
        assert!(evidence("Mul\u{AD}\ntipli\u{AD}\ncation").is_some());
    }

    #[test]
    fn a_column_gap_is_evidence() {
        let why = evidence("   strong strong + al\u{AD} all strong + al\u{AD}\n     rent         low         low partial").unwrap();
        assert!(why.contains("gap"), "{why}");
        // Indentation is no gap.
        assert_eq!(
            evidence(
                "      a line that is indented by the lay\u{AD}\n      out of the page and goes on"
            ),
            None
        );
    }

    #[test]
    fn a_short_fragment_that_goes_on_is_evidence() {
        let text = "dep Dep (Optional) Information about the Item's depreca\u{AD}\nre re\u{AD}\ntion, if present.";
        assert!(evidence(text).unwrap().contains("short fragment"));
        let text = "Gener Information about the struct's type parame\u{AD}\nics ics\nters and where clauses.";
        assert!(evidence(text).is_some());
        // A short last line of a paragraph is running text.
        assert_eq!(
            evidence("the struct's type parame\u{AD}\nters here.\nThe next one."),
            None
        );
    }
}
