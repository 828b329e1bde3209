//! TeX's logos as line-grid extractors leave them. TeX prints its name with
//! a lowered E, and LaTeX with a raised small A as well; an extractor that
//! sets the glyphs on a grid of lines (ghostscript's txtwrite, pdftotext
//! `-layout`) puts those letters on a line of their own, below or above:
//!
//! ```text
//!                  A
//!   See the LT X book for
//!                E
//! ```
//!
//! Left so, the lone letters become words of the text ("the LT X book for
//! E how to") and short lines that break paragraphs. A line that holds
//! nothing but such letters, each one standing near the gap of a logo on
//! the line it belongs to (an E below "T X", an A above "LT X"), one letter
//! per logo, gives them back, in the small letters the logos' names spell
//! them with (`\TeX`, `\LaTeX`: "TeX", "LaTeX", "BibTeX"), and the line
//! goes. Any other line of lone letters (a diagram's node "A", a variable)
//! stays as it is.

use rustc_hash::FxHashSet as HashSet;

use super::RepairLog;
use super::lines::Line;
use crate::model::Span;

/// How many columns a lowered or raised letter may stand off the gap it
/// fills: the extractors place the glyphs of proportional fonts on a grid
/// of characters line by line, and a line of one small letter is mapped
/// by other widths than the line of text beside it. Of the 1,326 lowered
/// E's on 1,238 lines of two sweeps of extracts, 96% stood within twenty
/// columns of their gap, most within five. One letter per logo, in order, is the
/// stronger evidence; the distance only keeps a far letter out.
const MAX_SHIFT: usize = 24;

/// Puts the lone letters of TeX logos back into the logos, removing the
/// lines that held them; logs each repaired line as `pass`'s `tex-logo`.
pub fn restore(lines: &mut Vec<Line>, log: &mut RepairLog, pass: &'static str) {
    let mut plans: Vec<Plan> = (0..lines.len())
        .filter_map(|j| Plan::of(lines, j))
        .collect();
    if plans.is_empty() {
        return;
    }
    // LaTeX's logo takes both its letters or neither: "LTEX" or "LAT X"
    // would be a word of its own. A line whose letter has no partner
    // stays, and so may the partner's line then.
    loop {
        let filled = |letter: char| -> HashSet<(usize, usize)> {
            plans
                .iter()
                .flat_map(|p| p.fills.iter())
                .filter(|f| f.letter == letter)
                .map(|f| (f.line, f.gap))
                .collect()
        };
        let (es, as_) = (filled('E'), filled('A'));
        let whole = |f: &Fill| match f.letter {
            'E' => !is_latex(&lines[f.line].text, f.gap) || as_.contains(&(f.line, f.gap)),
            _ => es.contains(&(f.line, f.gap)),
        };
        let before = plans.len();
        plans.retain(|p| p.fills.iter().all(whole));
        if plans.len() == before {
            break;
        }
    }
    let mut fills: Vec<Vec<Fill>> = vec![Vec::new(); lines.len()];
    for fill in plans.iter().flat_map(|p| p.fills.iter()) {
        fills[fill.line].push(*fill);
    }
    let letter_lines: Vec<usize> = plans.iter().map(|p| p.line).collect();
    for (k, mut edits) in fills.into_iter().enumerate() {
        if edits.is_empty() {
            continue;
        }
        // The edit takes the lone letters from their line too: the log
        // shows them with the logo line (the raised A's first, the lowered
        // E's last), so no letter goes unaccounted for.
        let count = |letter: char| edits.iter().filter(|f| f.letter == letter).count();
        let before = format!(
            "{}{}{}",
            "A ".repeat(count('A')),
            lines[k].trimmed(),
            " E".repeat(count('E'))
        );
        let mut chars: Vec<char> = lines[k].text.chars().collect();
        // From the right, so that an inserted A moves no column still to
        // come; at one gap the E first, then the A before the T.
        edits.sort_unstable_by_key(|f| std::cmp::Reverse((f.gap, f.letter)));
        for fill in edits {
            match fill.letter {
                'E' => chars[fill.gap] = 'e',
                _ => {
                    chars.insert(fill.gap - 1, 'a');
                    // The text after the logo keeps its columns (a table's
                    // next cell, the other column of the page) where a run
                    // of spaces can give one up.
                    let after = fill.gap + 3;
                    if chars.get(after) == Some(&' ') && chars.get(after + 1) == Some(&' ') {
                        chars.remove(after);
                    }
                }
            }
        }
        lines[k].text = chars.into_iter().collect();
        let near = |j: usize| j + 1 == k || k + 1 == j;
        let from = letter_lines.iter().copied().filter(|&j| near(j));
        let (first, last) = from.fold((k, k), |(a, b), j| (a.min(j), b.max(j)));
        log.record_cited(
            pass,
            "tex-logo",
            Span::lines(lines[first].number, lines[last].last),
            before,
            lines[k].trimmed(),
            "the logo's lowered E or raised A stood alone on the line below or above",
        );
    }
    for &j in letter_lines.iter().rev() {
        let gone = lines.remove(j);
        if gone.page_break
            && let Some(next) = lines.get_mut(j)
        {
            next.page_break = true;
        }
    }
}

/// A letter going back into a logo: into `line`, at the logo's `gap` (the
/// column of the space in "T X"); an A goes before the T.
#[derive(Clone, Copy)]
struct Fill {
    line: usize,
    gap: usize,
    letter: char,
}

/// A line of lone letters and where each of them goes.
struct Plan {
    line: usize,
    fills: Vec<Fill>,
}

impl Plan {
    /// Line `j`'s letters matched one for one to the logos beside it: its
    /// E's to the gaps of the line above, its A's to the "LT X" below.
    fn of(lines: &[Line], j: usize) -> Option<Plan> {
        let letters = lone_letters(&lines[j].text)?;
        let columns = |letter: char| -> Vec<usize> {
            letters
                .iter()
                .filter(|&&(_, c)| c == letter)
                .map(|&(col, _)| col)
                .collect()
        };
        let mut fills = Vec::new();
        let es = columns('E');
        if !es.is_empty() {
            let above = j.checked_sub(1)?;
            let gaps = gaps(&lines[above].text);
            if !matched(&es, &gaps) {
                return None;
            }
            fills.extend(gaps.into_iter().map(|gap| Fill {
                line: above,
                gap,
                letter: 'E',
            }));
        }
        let as_ = columns('A');
        if !as_.is_empty() {
            let below = lines.get(j + 1)?;
            let latex: Vec<usize> = gaps(&below.text)
                .into_iter()
                .filter(|&gap| is_latex(&below.text, gap))
                .collect();
            // The A stands over the T, a column left of the gap.
            let slots: Vec<usize> = latex.iter().map(|gap| gap - 1).collect();
            if !matched(&as_, &slots) {
                return None;
            }
            fills.extend(latex.into_iter().map(|gap| Fill {
                line: j + 1,
                gap,
                letter: 'A',
            }));
        }
        Some(Plan { line: j, fills })
    }
}

/// Whether the gap at `gap` is LaTeX's ("LT X"), which lost its A too.
fn is_latex(text: &str, gap: usize) -> bool {
    gap >= 2 && text.chars().nth(gap - 2) == Some('L')
}

/// The letters of a line that holds nothing but lone capital A's and E's,
/// with their columns (in characters).
fn lone_letters(text: &str) -> Option<Vec<(usize, char)>> {
    // Nearly every line starts otherwise: settled without a look at the rest.
    if !text.trim_start().starts_with(['A', 'E']) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut letters = Vec::new();
    for (col, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        let apart = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_none_or(|c| c.is_whitespace())
        };
        if !matches!(c, 'A' | 'E') || !apart(col.checked_sub(1)) || !apart(Some(col + 1)) {
            return None;
        }
        letters.push((col, c));
    }
    (!letters.is_empty()).then_some(letters)
}

/// The columns of the gaps in "T X" (where TeX's E was), in order: a T
/// that opens a word or ends a prefix ("BibT X", "LT X", "AMS-LT X").
fn gaps(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(1))
        .filter(|&i| chars[i] == ' ' && chars[i - 1] == 'T' && chars[i + 1] == 'X')
        .filter(|&i| {
            i < 2
                || chars[i - 2].is_alphabetic()
                || chars[i - 2].is_whitespace()
                || chars[i - 2] == '-'
        })
        .collect()
}

/// Whether `letters` (their columns, in order) go one each, in order, to
/// `places`, none more than [`MAX_SHIFT`] columns away.
fn matched(letters: &[usize], places: &[usize]) -> bool {
    letters.len() == places.len()
        && letters
            .iter()
            .zip(places)
            .all(|(&l, &p)| l.abs_diff(p) <= MAX_SHIFT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restored(text: &str) -> (Vec<String>, RepairLog) {
        crate::normalize::lines::repaired_lines(text, |lines, log| restore(lines, log, "hygiene"))
    }

    /// Ghostscript's text of a LaTeX manual: each logo's A above, its E
    /// below, two logos on one line.
    #[test]
    fn lone_letters_go_back_into_their_logos() {
        let text = "\
                            may be used by others.
                                                  A
      author The name(s) of the author(s), in the LT X book.
                                                    E
                         A
      Run BibT X after LT X, then again.
                E          E
      And that is all.";
        let (lines, log) = restored(text);
        assert_eq!(
            lines,
            [
                "may be used by others.",
                "      author The name(s) of the author(s), in the LaTeX book.",
                "      Run BibTeX after LaTeX, then again.",
                "      And that is all.",
            ]
        );
        assert_eq!(log.changes.len(), 2, "{:?}", log.changes);
        // The log takes the lone letters from their lines with the logos.
        assert_eq!(
            log.changes[0].before,
            "A author The name(s) of the author(s), in the LT X book. E"
        );
    }

    /// Ghostscript maps a line of one small letter by other widths than
    /// the line of text beside it: the letters stand fourteen columns off,
    /// and still go back, one for each logo.
    #[test]
    fn letters_off_their_gaps_go_back_one_for_one() {
        let text = "                                                                 A\n          author The name(s) of the author(s), in the format described in the LT X\n                                                                  E\n              book.";
        let (lines, _) = restored(text);
        assert_eq!(
            lines,
            [
                "          author The name(s) of the author(s), in the format described in the LaTeX",
                "              book.",
            ]
        );
    }

    /// A logo in a table's row or a page's left column leaves the columns
    /// after it where they were.
    #[test]
    fn the_columns_after_a_logo_stay() {
        let text = "             A\n  input       LT X        ionumbers       expected\n               E\n  $+1$        +1          +1              +1";
        let (lines, _) = restored(text);
        assert_eq!(
            lines,
            [
                "  input       LaTeX       ionumbers       expected",
                "  $+1$        +1          +1              +1",
            ]
        );
    }

    /// pdftotext -layout sets the A in line, and only the E apart.
    #[test]
    fn a_lowered_e_alone_goes_back() {
        let (lines, _) = restored(
            "expected behaviour for floats in LAT X. If you\n                                    E\nsplit them",
        );
        assert_eq!(
            lines,
            [
                "expected behaviour for floats in LATeX. If you",
                "split them",
            ]
        );
    }

    /// A lone letter that no logo's gap is near, a line of letters that
    /// do not match the logos one for one, or half of LaTeX's letters,
    /// stays: a diagram's node, a variable.
    #[test]
    fn other_lone_letters_stay() {
        for text in [
            "A-B-C                   bad\n                          A\n    done",
            "the T X register\n                                        E\nmore",
            "the T X register\n        E   E\nmore",
            "PART X of the book\n    A\nPART X again",
            // LaTeX's E without its A would make "LTEX".
            "in the LT X2 macros\n           E\nmore",
        ] {
            let (lines, log) = restored(text);
            assert_eq!(lines.join("\n"), text);
            assert!(log.changes.is_empty());
        }
    }
}
