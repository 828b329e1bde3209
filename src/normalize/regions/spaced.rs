//! Blank lines an extractor set between every two lines of a listing.
//!
//! Some extractors give every printed line of a listing its own text box
//! (pdfminer on a browser's print-out does), and write a blank line after
//! each box: the listing comes out as `[profile.dev]`, blank,
//! `opt-level = 0`, blank, `debug = true`, ... Read as it is, every line is
//! a paragraph of its own and the listing falls apart. The blank lines are
//! the extractor's, not the author's, when the document shows it as a
//! habit:
//!
//! - it has stretches of at least [`MIN_PROOF_UNITS`] single lines (or
//!   pairs: the extractor's box may hold two), each set apart from the
//!   next by exactly one blank line, none of them prose and at least two of
//!   them strong code lines (no author writes four lines of code in a row
//!   each with a blank line after it), and
//! - its code lines stand apart far more often than together: two adjacent
//!   lines with code signals are at most one in [`MIN_SPACED_PER_ADJACENT`]
//!   of the spaced pairs (a document whose extractor keeps listings
//!   together only spaces the listings its author spaced).
//!
//! Then the blank lines inside every such stretch with a strong code line
//! do not separate the lines for the grouping (a region may grow over
//! them), and those that end up between two code lines are dropped when
//! the lines are labelled. A document without the habit keeps every blank
//! line, and says why in the log.

use super::NAME;
use super::code::Signal;
use crate::normalize::RepairLog;
use crate::normalize::lines::Line;

/// Short units in a row, each set apart by one blank line, that prove the
/// habit (with at least two strong code lines among them).
const MIN_PROOF_UNITS: usize = 4;

/// Spaced pairs of lines per pair of adjacent code lines the document must
/// show at least.
const MIN_SPACED_PER_ADJACENT: usize = 4;

/// The most lines one text box of a spaced listing holds.
const MAX_UNIT_LINES: usize = 2;

/// For every line, whether it is a blank line the extractor put between
/// two lines of a listing (see the module comment).
pub fn spacers(lines: &[Line], signals: &[Signal], log: &mut RepairLog) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let runs = spaced_runs(lines, signals);
    let strong = |i: &usize| matches!(signals[*i], Signal::Strong(_));
    let proofs: Vec<&Vec<usize>> = runs
        .iter()
        .filter(|r| {
            spaced_pairs(r) + 1 >= MIN_PROOF_UNITS && r.iter().filter(|i| strong(i)).count() >= 2
        })
        .collect();
    let Some(first) = proofs.first() else {
        return out;
    };
    let spaced: usize = proofs.iter().map(|r| spaced_pairs(r)).sum();
    let adjacent = adjacent_code_pairs(lines, signals);
    let span = lines[first[0]]
        .span()
        .join(lines[first[first.len() - 1]].span());
    let evidence = format!(
        "{} stretches of single lines set apart by one blank line each ({spaced} spaced pairs), {adjacent} pairs of adjacent code lines",
        proofs.len()
    );
    if adjacent * MIN_SPACED_PER_ADJACENT > spaced {
        log.decline(
            NAME,
            "spaced-listing",
            span,
            format!(
                "{} ({evidence}: the document also sets code lines together)",
                lines[first[0]].trimmed()
            ),
        );
        return out;
    }
    log.record_cited(
        NAME,
        "spaced-listing",
        span,
        lines[first[0]].trimmed(),
        "blank lines between the lines of listings are the extractor's",
        evidence,
    );
    for run in runs.iter().filter(|r| r.iter().any(strong)) {
        for pair in run.windows(2) {
            if pair[1] == pair[0] + 2 {
                out[pair[0] + 1] = true;
            }
        }
    }
    out
}

/// Maximal stretches of at least two short units (one or two non-blank
/// lines between blank lines or the edges: an extractor's text box may
/// hold two lines), each one blank line after the one before, none of
/// their lines prose: the indices of their lines.
fn spaced_runs(lines: &[Line], signals: &[Signal]) -> Vec<Vec<usize>> {
    let mut runs = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for (a, b) in super::units(lines) {
        let short = b - a < MAX_UNIT_LINES && signals[a..=b].iter().all(|s| *s != Signal::Prose);
        if !short {
            push_run(&mut runs, std::mem::take(&mut run));
            continue;
        }
        if run.last().is_some_and(|&last| last + 2 != a) {
            push_run(&mut runs, std::mem::take(&mut run));
        }
        run.extend(a..=b);
    }
    push_run(&mut runs, run);
    runs
}

/// Pairs of lines in a run with one blank line between them.
fn spaced_pairs(run: &[usize]) -> usize {
    run.windows(2).filter(|p| p[1] == p[0] + 2).count()
}

fn push_run(runs: &mut Vec<Vec<usize>>, run: Vec<usize>) {
    if run.len() >= 2 {
        runs.push(run);
    }
}

/// Pairs of adjacent non-blank lines that both carry a code signal, one of
/// them strong. (Two weak lines may be running text full of symbols,
/// "U+0022 (double-quote)", as two prose lines in a row.)
fn adjacent_code_pairs(lines: &[Line], signals: &[Signal]) -> usize {
    let code = |i: usize| {
        !lines[i].is_blank() && matches!(signals[i], Signal::Strong(_) | Signal::Weak(_))
    };
    let strong = |i: usize| matches!(signals[i], Signal::Strong(_));
    (1..lines.len())
        .filter(|&i| code(i - 1) && code(i) && (strong(i - 1) || strong(i)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;
    use crate::normalize::regions::code;

    fn marked(text: &str) -> Vec<usize> {
        let lines = split(text);
        let signals: Vec<Signal> = lines.iter().map(|l| code::signal(&l.text)).collect();
        let out = spacers(&lines, &signals, &mut RepairLog::default());
        (0..lines.len()).filter(|&i| out[i]).collect()
    }

    #[test]
    fn a_listing_spaced_line_by_line_is_marked() {
        let text = "The default settings are:\n\n[profile.dev]\n\nopt-level = 0\n\ndebug = true\n\nlto = false\n\nNext paragraph of running text follows here.";
        assert_eq!(marked(text), [3, 5, 7]);
    }

    #[test]
    fn spacing_without_the_habit_is_kept() {
        // Only three lines: no proof.
        let short =
            "Intro text of a paragraph goes here.\n\nlet a = 1;\n\nlet b = 2;\n\nlet c = 3;";
        assert!(marked(short).is_empty());
        // The document also writes its code lines together.
        let together = "[profile.dev]\n\nopt-level = 0\n\ndebug = true\n\nlto = false\n\nx = 1;\ny = 2;\nz = 3;\nw = 4;\n\n[a]\nb = 1\n[c]\nd = 2";
        assert!(marked(together).is_empty());
        // Two lines of running text full of symbols do not count as code
        // set together; a strong line among them does.
        let symbols = "[a]\n\nb = 1\n\nc = 2\n\nd = 3\n\nthe character U+0022 (double-quote)\n(NUL) and U+0027 (quote)";
        assert_eq!(marked(symbols), [1, 3, 5]);
        // Short paragraphs of prose are no listing.
        let prose = "One.\n\nTwo words.\n\nThree more words.\n\nFour.";
        assert!(marked(prose).is_empty());
    }
}
