//! Lists whose marks the extractor lost or hid, for the `paragraphs` pass.
//!
//! Two kinds of evidence that a line ends a list item although nothing at
//! the line break says so, both read from the document itself:
//!
//! * **a run of short lines after a colon**: a browser draws bullets as
//!   graphics, so text extracted from its PDF keeps the items but not their
//!   bullets ("the following fields:" / "license" / "description" /
//!   "homepage"). Two or more lines in a row, after a line ending in ':',
//!   each of which had clear room for the next line's first word, were not
//!   wrapped: each ends an item, even where the next item starts in lower
//!   case. A line ending on a comma or on a word that needs a next one
//!   ("the", "of") ends the run: it is a sentence cut short; so does a line
//!   ending a sentence: the text after the colon goes on as sentences.
//! * **items that open on a term and a colon after a colon**: "The valid
//!   options are:" / `0, false, or "none": no debug info` / `"full": full
//!   debug info`. Two or more lines after a line ending in ':', the first
//!   right after it, each opening with a short label and a colon, start one
//!   item each, however long the items are and whatever case they start in,
//!   where the line before each ends a sentence or had room for the label's
//!   first word (a wrapped line of an error message, "...: api" / "errors
//!   (status 200 OK): could not", is full).
//!   The list ends at the first line without a label after a line that ends
//!   a sentence (the text goes on as sentences), or at a line that is not
//!   prose.
//! * **a number that continues the document's own numbering**: "4. For
//!   ..." after a line that stops without punctuation starts an item when
//!   the last numbered line before it, not far above, was "3.". A number
//!   inside a sentence ("at most" / "8. If ...") has no "7." above it.

use super::lines::{Line, page_break_between};
use super::paragraphs::ends_on_continuing_word;
use super::structure::list_marker;

/// A numbered item continues the numbering of one at most this many
/// content lines above it (an item of a few wrapped lines, and nested
/// items between).
const MAX_ITEM_DISTANCE: usize = 30;

/// Fewer short lines than this after a colon are no run: one short line
/// may be a display or a sentence's end.
const MIN_RUN_LINES: usize = 2;

/// For each line, whether a run of short lines after a colon ends a block
/// after it: the line with the colon, and each line of the run. `content`
/// lists the non-blank lines; `short(a, Some(b))` tells whether line `a`
/// had clear room for the first word of line `b`, `short(a, None)` whether
/// line `a` is that short on its own.
pub(super) fn colon_runs(
    lines: &[Line],
    content: &[usize],
    short: &dyn Fn(usize, Option<usize>) -> bool,
) -> Vec<bool> {
    let mut ends_item = vec![false; lines.len()];
    let mut k = 0;
    while k + 1 < content.len() {
        let intro = content[k];
        if !is_intro(&lines[intro]) {
            k += 1;
            continue;
        }
        // The members: prose lines after the intro (the first may follow
        // it after a blank line or a page break, as the extractor set it
        // apart), each short before the line that follows it, or short on
        // its own where a blank line ends the run.
        let mut members = Vec::new();
        let mut j = k + 1;
        while j < content.len() {
            let a = content[j];
            if !run_member(&lines[a]) {
                break;
            }
            // Items go on across a page break, not across a blank line.
            let next = content.get(j + 1).copied().filter(|&b| {
                lines[b].kind.is_prose() && (b == a + 1 || page_break_between(lines, a, b))
            });
            if !short(a, next) {
                break;
            }
            members.push(a);
            j += 1;
            if next.is_none() {
                break;
            }
        }
        if members.len() >= MIN_RUN_LINES {
            ends_item[intro] = true;
            for &a in &members {
                ends_item[a] = true;
            }
        }
        k = j.max(k + 1);
    }
    ends_item
}

/// A list of items opening on a term (see [`term_items`]) is looked for
/// this many content lines after its colon at most.
const MAX_TERM_LIST_LINES: usize = 24;

/// A term before an item's colon has at most this many words and
/// characters: a label, not a clause ("true", `0, false, or "none"`).
const MAX_TERM_WORDS: usize = 4;
const MAX_TERM_CHARS: usize = 32;

/// For each line, whether it starts an item of a list whose items open on a
/// term and a colon, after a line ending in ':'. `content` lists the
/// non-blank lines. A blank line ends the list unless a page break stands
/// in it or the line after it opens on a term too. `room(a, b)` tells
/// whether line `a` had room for the first word of line `b`.
pub(super) fn term_items(
    lines: &[Line],
    content: &[usize],
    room: &dyn Fn(usize, usize) -> bool,
) -> Vec<bool> {
    let mut starts = vec![false; lines.len()];
    let mut k = 0;
    while k + 1 < content.len() {
        if !is_intro(&lines[content[k]]) {
            k += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut j = k + 1;
        while j < content.len() && j - k <= MAX_TERM_LIST_LINES {
            let (prev, i) = (content[j - 1], content[j]);
            let line = &lines[i];
            if !line.kind.is_prose() || line.glue {
                break;
            }
            let term = opens_on_term(line.trimmed());
            let gap = i > prev + 1 && !(prev + 1..=i).any(|g| lines[g].page_break);
            if (j == k + 1 || gap) && !term {
                break;
            }
            if !term && super::paragraphs::ends_sentence(lines[prev].trimmed()) && j > k + 1 {
                break;
            }
            let item_ended = j == k + 1
                || gap
                || super::paragraphs::ends_sentence(lines[prev].trimmed())
                || room(prev, i);
            if term && item_ended {
                items.push(i);
            }
            j += 1;
        }
        if items.len() >= MIN_RUN_LINES {
            for &i in &items {
                starts[i] = true;
            }
        }
        k = j.max(k + 1);
    }
    starts
}

/// `true: enabled`, `"line-tables-only": line tables only`, `0, false, or
/// "none": no debug info`: a short label, then a colon and a space (not
/// "::" or "http:"), then the item's text.
pub(super) fn opens_on_term(t: &str) -> bool {
    let Some(colon) = t.find(':') else {
        return false;
    };
    let (term, rest) = (&t[..colon], &t[colon + 1..]);
    let words = term.split_whitespace().count();
    rest.starts_with(' ')
        && !rest.trim().is_empty()
        && (1..=MAX_TERM_WORDS).contains(&words)
        && term.chars().count() <= MAX_TERM_CHARS
        && !term.ends_with(char::is_whitespace)
        && !term.contains([
            '.', '!', '?', ';', '(', ')', '[', ']', '{', '}', '<', '>', '=', '`',
        ])
        && term.chars().any(char::is_alphanumeric)
        && !ends_on_continuing_word(term)
}

/// A prose line ending in ':' that says something before it.
fn is_intro(line: &Line) -> bool {
    let t = line.trimmed();
    line.kind.is_prose() && !line.glue && t.ends_with(':') && t.chars().any(char::is_alphabetic)
}

/// A line that can be an item of a run: prose that ends on a word, a number
/// or a closing bracket or quotation mark. A line ending a sentence ends the
/// run (the text after a colon went on as sentences), and so does one cut
/// mid-sentence: on a comma, a dash, an operator, or a word that needs a
/// next one.
fn run_member(line: &Line) -> bool {
    let t = line.trimmed();
    let ends_on_word = t.chars().last().is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, ')' | ']' | '"' | '\'' | '’' | '”' | '`')
    });
    line.kind.is_prose() && !line.glue && ends_on_word && !ends_on_continuing_word(t)
}

/// For each line starting with a numbered marker ("4.", "4)"), whether the
/// last numbered line above it, at most [`MAX_ITEM_DISTANCE`] content lines
/// up, carries the number before.
pub(super) fn continued_numbers(lines: &[Line], content: &[usize]) -> Vec<bool> {
    let mut continues = vec![false; lines.len()];
    // (number, position in `content`) of the last numbered prose line.
    let mut last: Option<(u64, usize)> = None;
    for (k, &i) in content.iter().enumerate() {
        if !lines[i].kind.is_prose() {
            continue;
        }
        let Some(n) = list_marker(lines[i].trimmed()).and_then(|m| m.ordinal) else {
            continue;
        };
        continues[i] = last.is_some_and(|(p, at)| p + 1 == n && k - at <= MAX_ITEM_DISTANCE);
        last = Some((n, k));
    }
    continues
}

/// Lines around a list item's marker that are looked at for another item.
const MARKER_NEIGHBOURHOOD: usize = 6;

/// For each line that starts with a bullet ("-", "*", "•"), whether another
/// line at most [`MARKER_NEIGHBOURHOOD`] content lines before or after it
/// starts with a bullet (not a number): a dash at the start of a line
/// mid-sentence is an item only in a list of such items.
pub(super) fn markers_nearby(lines: &[Line], content: &[usize]) -> Vec<bool> {
    let bullet = |i: usize| {
        lines[i].kind.is_prose()
            && list_marker(lines[i].trimmed()).is_some_and(|m| m.ordinal.is_none())
    };
    let bullets: Vec<bool> = content.iter().map(|&i| bullet(i)).collect();
    let mut nearby = vec![false; lines.len()];
    for (k, &i) in content.iter().enumerate() {
        if !bullets[k] {
            continue;
        }
        let lo = k.saturating_sub(MARKER_NEIGHBOURHOOD);
        let hi = (k + MARKER_NEIGHBOURHOOD + 1).min(content.len());
        nearby[i] = (lo..hi).any(|j| j != k && bullets[j]);
    }
    nearby
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn short_by_chars(lines: &[Line]) -> impl Fn(usize, Option<usize>) -> bool + '_ {
        |a, b| {
            let next = b.map_or("", |b| {
                lines[b].trimmed().split_whitespace().next().unwrap_or("")
            });
            lines[a].trimmed().chars().count() + 1 + next.chars().count() <= 40
        }
    }

    fn runs(text: &str) -> Vec<String> {
        let lines = split(text);
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        let ends = colon_runs(&lines, &content, &short_by_chars(&lines));
        (0..lines.len())
            .filter(|&i| ends[i])
            .map(|i| lines[i].trimmed().to_string())
            .collect()
    }

    #[test]
    fn a_run_of_short_lines_after_a_colon_ends_an_item_on_each() {
        let text = "Make sure you have filled out the following\nfields:\n\
                    license or license-file\ndescription\nhomepage\n\
                    It would also be a good idea to include some keywords.";
        assert_eq!(
            runs(text),
            [
                "fields:",
                "license or license-file",
                "description",
                "homepage"
            ]
        );
    }

    #[test]
    fn a_run_may_follow_its_colon_after_a_blank_line_and_end_at_one() {
        let text = "The valid options are:\n\ntrue: enabled\nfalse: disabled\n\nThe text goes on.";
        assert_eq!(
            runs(text),
            ["The valid options are:", "true: enabled", "false: disabled"]
        );
        // A run does not go on across a blank line without a page break.
        let text = "The valid options are:\ntrue: enabled\n\nfalse: disabled\nmore";
        assert!(runs(text).is_empty());
    }

    #[test]
    fn no_run_without_a_colon_or_with_one_short_line_or_a_cut_sentence() {
        // No colon before the short lines.
        assert!(runs("The fields\nlicense\ndescription\nhomepage\nAnd more.").is_empty());
        // One short line only: a display, not a list.
        assert!(
            runs("The command is:\ncargo build\nwhich builds the crate and all of it.").is_empty()
        );
        // A line ending on a comma or on "the" is a sentence cut short.
        assert!(runs("It says:\nthe first,\nsecond and\nthird of the\nlist").is_empty());
    }

    fn terms(text: &str) -> Vec<String> {
        let lines = split(text);
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        // Room for the next word: the line is shorter than 70 characters.
        let room = |a: usize, _b: usize| lines[a].trimmed().chars().count() < 70;
        let starts = term_items(&lines, &content, &room);
        (0..lines.len())
            .filter(|&i| starts[i])
            .map(|i| head_words(lines[i].trimmed()))
            .collect()
    }

    fn head_words(t: &str) -> String {
        t.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn items_opening_on_a_term_after_a_colon_start_blocks() {
        let text = "The valid options are:
                    0, false, or \"none\": no debug info at all, default for release
                    \"line-directives-only\": line info directives only. For the
                    targets this enables profiling.
                    true or \"fat\": performs fat LTO which attempts to perform
                    optimizations across all crates.
                    See the chapter on it for more.";
        assert_eq!(
            terms(text),
            ["0, false,", "\"line-directives-only\": line", "true or"]
        );
        // Across a page break's blank lines.
        let text = "The valid options are:

\u{c}true: enabled
false: disabled";
        assert_eq!(terms(text), ["true: enabled", "false: disabled"]);
    }

    #[test]
    fn no_term_items_without_a_colon_a_second_item_or_an_item_end() {
        // No colon before the lines.
        assert!(
            terms(
                "The options
true: enabled
false: disabled"
            )
            .is_empty()
        );
        // One item only.
        assert!(
            terms(
                "It says:
true: enabled
and more text follows here."
            )
            .is_empty()
        );
        // A label in brackets or with a path is no term.
        assert!(
            terms(
                "See:
error (status 200): no
warning (x): yes"
            )
            .is_empty()
        );
        // A full line that stops mid-sentence before the second label:
        // a wrapped message, not two items.
        let text = "You may see an error like:
                    error: failed to invite the owners to the crate named my-crate-name: api
                    errors: could not find the github team org/repo";
        assert!(terms(text).is_empty(), "{:?}", terms(text));
    }

    #[test]
    fn a_term_is_a_short_label_before_a_colon_and_a_space() {
        assert!(opens_on_term("true: enabled"));
        assert!(opens_on_term("\"line-tables-only\": line tables only"));
        assert!(!opens_on_term("std::mem::swap swaps two values"));
        assert!(!opens_on_term("see http://example.org for more"));
        assert!(!opens_on_term("the value of the first of these: it is"));
        assert!(!opens_on_term("true:"));
    }

    fn numbered(text: &str) -> Vec<String> {
        let lines = split(text);
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        let c = continued_numbers(&lines, &content);
        (0..lines.len())
            .filter(|&i| c[i])
            .map(|i| lines[i].trimmed().to_string())
            .collect()
    }

    #[test]
    fn markers_nearby_counts_bulleted_items_only() {
        let text = "- one\n• two\n3. three\n- four\n".to_string()
            + &"filler\n".repeat(8)
            + "4. four\n- lone";
        let lines = split(&text);
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        let near = markers_nearby(&lines, &content);
        assert!(near[0] && near[1] && near[3], "{near:?}");
        let last = content[content.len() - 1];
        assert!(!near[last], "a numbered item is no bulleted item: {near:?}");
    }

    #[test]
    fn a_number_continuing_the_numbering_above_is_an_item() {
        let text = "3. For CFI mitigations, if there is code that\n\
                    does not have the mitigation disabled\n\
                    4. For local mitigations the code is protected";
        assert_eq!(
            numbered(text),
            ["4. For local mitigations the code is protected"]
        );
        // No "7." above: a number inside a sentence.
        assert!(numbered("The limit is at most\n8. If it is more, the run stops.").is_empty());
        // Too far above.
        let far = format!("1. One item\n{}2. Two", "a line of text\n".repeat(40));
        assert!(numbered(&far).is_empty());
    }
}
