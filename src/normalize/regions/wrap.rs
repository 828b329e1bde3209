//! Lines of a listing that the printed page wrapped.
//!
//! A listing set in a narrow column wraps its longest lines; in the
//! extracted text the end of a `//` comment then stands on a line of its
//! own ("// Error: The credential could not be found in the" /
//! "provider."), where it reads neither as code nor as a comment. The two
//! lines are one again when the evidence says so:
//!
//! - the first line is a line comment that reaches the right margin of the
//!   document's listings (the longest printed code line shows where that
//!   margin is): the next word would not have fitted;
//! - the second line is plain words only (a sentence's end, "(optional)"),
//!   or ends a `` ` ``-quoted name the comment left open and then has words
//!   only; no code shape, and not a lone word before a closing bracket (a
//!   value the block returns). It may have been read as prose, when the
//!   listing goes on after it.
//!
//! A line of code is rejoined only where the code itself shows the wrap:
//!
//! - it ends inside a string (an odd number of `"`, where strings do not
//!   span lines) and the next line closes that string;
//! - it ends with the space the page broke at (an extractor that keeps
//!   trailing spaces; source code has none), and the next line starts left
//!   of it, at the page's edge;
//! - it leaves a bracket open without ending at it (authors break after an
//!   opening bracket, a comma or a semicolon) and the next line closes it.
//!
//! Each needs the margin too: the next line's first word would have passed
//! it. The break shows whether a space was lost: after `/` or `-` the page
//! may break without one (a URL in a string), between two letters or digits
//! only at a space; where it does not show, the lines stay.
//!
//! Anything else stays on its line; a candidate that fails one test is
//! logged as declined.

use super::NAME;
use super::code::{self, Signal};
use crate::normalize::RepairLog;
use crate::normalize::lines::{Line, LineKind};

/// How far short of the margin a wrapped line may end: the margin is read
/// from the longest line, which may stand two levels of (lost)
/// indentation further left than the wrapped one.
const MARGIN_SLACK: usize = 8;

/// No page sets a listing narrower than this, in characters: below it the
/// longest line is no evidence of a margin.
const MIN_LISTING_WIDTH: usize = 24;

/// Why a rejoin is declined that would take its listing's last strong line
/// into a line that reads weaker (see [`StrongLines`]).
const LOSES_LISTING: &str =
    "joined, the listing's only line with a strong code shape would no longer read as code";

/// Rejoins the wrapped comments of the code lines.
pub fn rejoin_comments(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let margin = code_margin(lines);
    rejoin_where(lines, |line, next, after, _| {
        // The end of the comment may have been read as prose, a line of
        // words between two code lines: the listing goes on after it.
        let inside = next.kind == LineKind::Code
            || next.kind == LineKind::Prose
                && after.is_some_and(|l| l.kind == LineKind::Code && !l.is_blank());
        let candidate = line.kind == LineKind::Code
            && inside
            && code::slash_comment(line.trimmed())
            && !next.is_blank();
        // The comment may have broken inside a quoted name: the next line
        // ends the name, then words.
        let ends_quote = candidate && closes_quote(line.trimmed(), next.trimmed());
        if !candidate || !(ends_quote || words_only(next.trimmed())) {
            return None;
        }
        let first_word = next.trimmed().split_whitespace().next().unwrap_or("");
        let reach = line.len() + 1 + first_word.chars().count();
        let span = line.span().join(next.span());
        // Inside a quoted name the page breaks after a `/` without a space
        // (a path), between two letters or digits only at a space.
        let last = line.trimmed().chars().next_back().unwrap_or(' ');
        let gap = if !ends_quote
            || last.is_alphanumeric() && first_word.starts_with(char::is_alphanumeric)
        {
            Some(" ")
        } else if last == '/' {
            Some("")
        } else {
            None
        };
        let lone_value = next.trimmed().split_whitespace().count() == 1
            && !next.trimmed().ends_with(['.', ')'])
            && after.is_some_and(|l| l.trimmed().starts_with(['}', ')', ']']));
        let why = if margin < MIN_LISTING_WIDTH {
            Some("the listings are too narrow to show a margin")
        } else if reach + MARGIN_SLACK <= margin {
            Some("the comment ends short of the listing's margin")
        } else if lone_value {
            Some("a lone word before a closing bracket may be a value")
        } else if !ends_quote && (next.page_break || !next.page_starts.is_empty()) {
            // (A quoted name the next line closes goes on over the page,
            // as a string does.)
            Some("a page starts at the second line")
        } else if gap.is_none() {
            Some("the break inside the quoted name does not show whether a space was lost")
        } else {
            None
        };
        if let Some(why) = why {
            log.decline(
                NAME,
                "code-wrapped-comment",
                span,
                format!("{} / {} ({why})", line.trimmed(), next.trimmed()),
            );
            return None;
        }
        let gap = gap.unwrap_or(" ");
        let joined = join_lines(line, gap, next.trimmed());
        log.record_cited(
            NAME,
            "code-wrapped-comment",
            span,
            format!("{} / {}", line.trimmed(), next.trimmed()),
            joined.trim().to_string(),
            format!(
                "the comment reaches the listing margin ({margin} characters) and the next line is words only"
            ),
        );
        Some(joined)
    });
}

/// Rejoins code lines the page broke at a space that the extractor kept:
/// an indented line that reaches its listing's margin (the next line's
/// first word would not have fitted after it) and ends with a
/// space (source code has no trailing spaces; the space is the one the
/// page broke at), followed by a line that starts further left than it (at
/// the page's edge, where no line inside the listing's brackets starts):
/// `pub fn traverse_inorder<B>(&self, f: &mut impl FnMut(&T) -> ` /
/// `ControlFlow<B>) -> ControlFlow<B> {`. Declined where the listing's
/// lines end with spaces as a rule (an extractor's padding, no evidence),
/// where the line ends short of the margin, and where the next line closes
/// a bracket (a closing line stands further left by itself).
pub fn rejoin_at_kept_spaces(lines: &mut Vec<Line>, log: &mut RepairLog) {
    // Indentation kept: the margin is where the printed lines end.
    let margins = listing_margins(lines, printed_width);
    let padded = padded_listings(lines);
    let mut strong = StrongLines::new(lines);
    rejoin_where(lines, |line, next, after, at| {
        let inside = next.kind == LineKind::Code
            || next.kind == LineKind::Prose && after.is_some_and(|l| l.kind == LineKind::Code);
        let candidate = line.kind == LineKind::Code
            && inside
            && !next.is_blank()
            && line.text.ends_with(' ')
            && line.indent() > 0
            && next.indent() < line.indent();
        if !candidate {
            return None;
        }
        let margin = margins[at.saturating_sub(1)].max(margins[at]);
        let first_word = next.trimmed().split_whitespace().next().unwrap_or("");
        let reach = printed_width(line) + 1 + first_word.chars().count();
        let span = line.span().join(next.span());
        let before = format!("{} / {}", line.trimmed(), next.trimmed());
        let joined = join_lines(line, " ", next.trimmed());
        let why = if padded[at.saturating_sub(1)] {
            Some("most lines of the listing end with a space")
        } else if margin < MIN_LISTING_WIDTH {
            Some("the listing is too narrow to show a margin")
        } else if reach + MARGIN_SLACK <= margin {
            Some("the next line's first word would have fitted before the margin")
        } else if next.trimmed().starts_with(['}', ')', ']']) {
            Some("the next line closes a bracket")
        } else if !strong.keeps_evidence(line, next, at, &joined) {
            Some(LOSES_LISTING)
        } else {
            None
        };
        if let Some(why) = why {
            log.decline(NAME, "code-wrapped-line", span, format!("{before} ({why})"));
            return None;
        }
        strong.join(line, next, at, &joined);
        log.record_cited(
            NAME,
            "code-wrapped-line",
            span,
            before,
            joined.trim().to_string(),
            format!(
                "the next word would pass its listing's margin ({margin} characters), the line ends with the space the page broke at, the next line starts left of it"
            ),
        );
        Some(joined)
    });
}

/// Where a line ends on the page, its indentation counted.
fn printed_width(line: &Line) -> usize {
    line.text.trim_end().chars().count()
}

/// For every line, whether it stands in a listing most of whose code
/// lines end with a space.
fn padded_listings(lines: &[Line]) -> Vec<bool> {
    let in_listing = |l: &Line| l.kind == LineKind::Code || l.is_blank();
    let mut padded = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        if !in_listing(&lines[start]) {
            start += 1;
            continue;
        }
        let end = start + lines[start..].iter().take_while(|l| in_listing(l)).count();
        let code = lines[start..end]
            .iter()
            .filter(|l| l.kind == LineKind::Code);
        let (n, spaced) = code.fold((0, 0), |(n, s), l| {
            (n + 1, s + usize::from(l.text.ends_with(' ')))
        });
        padded[start..end].fill(spaced * 2 > n);
        start = end;
    }
    padded
}

/// Rejoins code lines the page broke inside brackets: a line (not a
/// comment) that leaves a bracket open without ending at it (not after an
/// opening bracket, a comma or a semicolon, where authors break), and
/// whose next word would have passed the right margin of the document's
/// listings, followed by a line that closes the bracket it left open:
/// `let f1_ptr = unsafe { &raw mut` / `(*uninit.as_mut_ptr()).field };`.
/// The page broke at a space: joined with one, and declined where the
/// break sits after a `/` or `-` or before punctuation (a break inside a
/// token, where the lost space is unknown). Unless the extractor keeps the
/// space a line broke at (see [`keeps_break_spaces`]) and the line has
/// none: then the page broke inside the token, and the line is joined
/// without a space (`(/home/you/src/` / `dump/msrv-resolver)`).
pub fn rejoin_open_brackets(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let margin = code_margin(lines);
    let keeps_spaces = keeps_break_spaces(lines);
    let padded = padded_listings(lines);
    let mut strong = StrongLines::new(lines);
    rejoin_where(lines, |line, next, _, at| {
        let t = line.trimmed();
        let n = next.trimmed();
        let open = bracket_depth(t).0;
        let candidate = line.kind == LineKind::Code
            && next.kind == LineKind::Code
            && !next.is_blank()
            && !is_comment(t)
            && !is_comment(n)
            && open > 0
            && !t.ends_with(['(', '[', '{', ',', ';'])
            && -bracket_depth(n).1 >= 1
            && -bracket_depth(n).1 <= open;
        if !candidate {
            return None;
        }
        let first_word = n.split_whitespace().next().unwrap_or("");
        let reach = line.len() + 1 + first_word.chars().count();
        let span = line.span().join(next.span());
        let before = format!("{t} / {n}");
        let inside_token =
            t.ends_with(['/', '-']) || n.starts_with(['.', ',', ';', ':', ')', ']', '}']);
        let no_space_lost = inside_token
            && keeps_spaces
            && !padded[at.saturating_sub(1)]
            && !line.text.ends_with(' ');
        let space = if no_space_lost { "" } else { " " };
        let joined = join_lines(line, space, n);
        let why = if margin < MIN_LISTING_WIDTH {
            Some("the listings are too narrow to show a margin")
        } else if reach + MARGIN_SLACK <= margin {
            Some("the next line's first word would have fitted before the margin")
        } else if inside_token && !no_space_lost {
            Some("the break does not show whether a space was lost")
        } else if !closes_what_it_opens(&joined) {
            Some("the joined line leaves a bracket open, as no wrapped statement does")
        } else if !strong.keeps_evidence(line, next, at, &joined) {
            Some(LOSES_LISTING)
        } else {
            None
        };
        if let Some(why) = why {
            log.decline(
                NAME,
                "code-wrapped-bracket",
                span,
                format!("{before} ({why})"),
            );
            return None;
        }
        strong.join(line, next, at, &joined);
        let how = if no_space_lost {
            ", the line ends without the space the extractor keeps where a page breaks at one"
        } else {
            ""
        };
        log.record_cited(
            NAME,
            "code-wrapped-bracket",
            span,
            before,
            joined.trim().to_string(),
            format!(
                "the next word would pass the listings' margin ({margin} characters) inside a bracket the next line closes{how}"
            ),
        );
        Some(joined)
    });
}

/// Share of the lines another line follows that must end with a space for
/// [`keeps_break_spaces`]: pypdf and pdfminer keep the space a line broke
/// at on most of them (the rest end a paragraph or a listing's line);
/// pdftotext keeps none.
const KEPT_SPACE_SHARE: f64 = 0.25;

/// Whether the extractor keeps the space a line broke at, as the document
/// shows: at least [`KEPT_SPACE_SHARE`] of its text lines that another
/// line follows end with a space. Then a wrapped line that ends without
/// one broke inside a token (not in a listing most of whose lines end with
/// a space, see [`padded_listings`]: there a missing space says nothing).
fn keeps_break_spaces(lines: &[Line]) -> bool {
    let followed = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && !w[1].is_blank() && w[0].kind == LineKind::Prose);
    let (n, spaced) = followed.fold((0usize, 0usize), |(n, s), w| {
        (n + 1, s + usize::from(w[0].text.ends_with(' ')))
    });
    n > 0 && spaced as f64 >= n as f64 * KEPT_SPACE_SHARE
}

/// Whether a line rejoined from two closes every bracket it opens, but for
/// a block it opens at its end (`... -> ControlFlow<B> {`). A statement
/// the page wrapped comes back whole; a line that still leaves one open
/// took in text from beside the listing (Lua's manual sets a function's
/// stack effect `[-(nargs + 1), ...]` right of its prototype, and the
/// extractor put its first part at the end of the prototype's line).
fn closes_what_it_opens(joined: &str) -> bool {
    let t = joined.trim_end();
    let depth = bracket_depth(t).0;
    depth <= 0 || depth == 1 && t.ends_with(['{', '(', '['])
}

/// The net bracket depth a line leaves, and the lowest depth it reaches
/// (below zero where it closes brackets opened before it); brackets in
/// `"` strings and after a `//` comment do not count. A quote character
/// quoted itself (`` `"` `` in a grammar, `'"'` in C) opens no string.
pub fn bracket_depth(t: &str) -> (i32, i32) {
    let (mut depth, mut lowest) = (0i32, 0i32);
    let (mut in_string, mut escaped) = (false, false);
    let mut prev = ' ';
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if !in_string && c == '"' && matches!(prev, '`' | '\'') && chars.peek() == Some(&prev) {
            prev = c;
            continue;
        }
        if in_string {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_string = false,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if prev == '/' => break,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                lowest = lowest.min(depth);
            }
            _ => {}
        }
        prev = c;
    }
    (depth, lowest)
}

/// Rejoins code lines broken inside a string literal (see the module
/// comment): `"url":"https://registry-url/` / `index/", "name": "x"},`.
pub fn rejoin_broken_strings(lines: &mut Vec<Line>, log: &mut RepairLog) {
    // Each listing's own margin: the document's listings may be set in
    // different widths, and a prose line taken for code must not set it.
    let margins = listing_margins(lines, Line::len);
    let mut strong = StrongLines::new(lines);
    rejoin_where(lines, |line, next, _, at| {
        // Two adjacent code lines stand in one listing: one margin.
        let margin = margins[at];
        let candidate = line.kind == LineKind::Code
            && next.kind == LineKind::Code
            && !is_comment(line.trimmed())
            && !is_comment(next.trimmed())
            && open_string(line.trimmed())
            && open_string(next.trimmed());
        if !candidate {
            return None;
        }
        let span = line.span().join(next.span());
        let before = format!("{} / {}", line.trimmed(), next.trimmed());
        let last = line.trimmed().chars().next_back().unwrap_or(' ');
        let first = next.trimmed().chars().next().unwrap_or(' ');
        let gap = if matches!(last, '/' | '-') {
            Some("")
        } else if last.is_alphanumeric() && first.is_alphanumeric() {
            Some(" ")
        } else {
            None
        };
        // A page start between the two lines does not count against the
        // join: the string goes on over the page all the same, and the
        // repaired text (which no longer shows the page) must read alike.
        let joined = gap.map(|gap| join_lines(line, gap, next.trimmed()));
        let why = if margin < MIN_LISTING_WIDTH {
            Some("the listing is too narrow to show a margin")
        } else if line.len() + MARGIN_SLACK <= margin {
            Some("the line ends short of the listing's margin")
        } else if gap.is_none() {
            Some("the break does not show whether a space was lost")
        } else if joined
            .as_ref()
            .is_some_and(|j| !strong.keeps_evidence(line, next, at, j))
        {
            Some(LOSES_LISTING)
        } else {
            None
        };
        let Some(joined) = joined.filter(|_| why.is_none()) else {
            log.decline(
                NAME,
                "code-broken-string",
                span,
                format!("{before} ({})", why.unwrap_or_default()),
            );
            return None;
        };
        strong.join(line, next, at, &joined);
        log.record_cited(
            NAME,
            "code-broken-string",
            span,
            before,
            joined.trim().to_string(),
            format!(
                "the line reaches its listing's margin ({margin} characters) inside a string the next line closes"
            ),
        );
        Some(joined)
    });
}

/// Runs over the lines once, offering each line (with the one after it) to
/// `joined` together with the line it follows, as already joined: where
/// `joined` gives the text of the two as one, the line is folded into the
/// one before (its line numbers and page starts with it: a page that began
/// inside the joined line is marked where the line starts). One pass that
/// builds a new list: no removal in the middle of the lines, so linear.
fn rejoin_where(
    lines: &mut Vec<Line>,
    mut joined: impl FnMut(&Line, &Line, Option<&Line>, usize) -> Option<String>,
) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut rest = std::mem::take(lines).into_iter().enumerate().peekable();
    while let Some((at, next)) = rest.next() {
        let after = rest.peek().map(|(_, l)| l);
        if let Some(line) = out.last_mut()
            && let Some(text) = joined(line, &next, after, at)
        {
            line.text = text;
            line.last = next.last.max(line.last);
            line.page_starts.extend(next.page_starts);
            continue;
        }
        out.push(next);
    }
    *lines = out;
}

/// The strong lines (a shape prose does not take, see [`code::signal`]) of
/// each unit of lines (a run without blank lines), kept up to date as the
/// rejoins join lines. A listing is found from its strong lines: a rejoin
/// that takes the unit's last strong line into a line that reads weaker
/// (`<#)’;a“ 0’\` is dense with operators, joined to the line before it no
/// longer) would leave a second reading of the repaired text no listing
/// to find, and is declined.
struct StrongLines {
    /// For every line, the index of its unit.
    unit: Vec<usize>,
    /// For every unit, how many of its code lines read strong.
    strong: Vec<usize>,
}

impl StrongLines {
    fn new(lines: &[Line]) -> Self {
        let mut unit = Vec::with_capacity(lines.len());
        let mut strong = vec![0];
        for (k, l) in lines.iter().enumerate() {
            if l.is_blank() && k > 0 && !lines[k - 1].is_blank() {
                strong.push(0);
            }
            unit.push(strong.len() - 1);
            *strong.last_mut().unwrap_or(&mut 0) += usize::from(reads_strong(l));
        }
        Self { unit, strong }
    }

    /// Whether `line` joined with `next` (line `at`) as `joined` leaves
    /// their unit a strong line when it had one.
    fn keeps_evidence(&self, line: &Line, next: &Line, at: usize, joined: &str) -> bool {
        let before = self.strong[self.unit[at]];
        before == 0 || self.after_join(line, next, at, joined) > 0
    }

    /// The unit's count of strong lines once `line` and `next` are `joined`.
    fn after_join(&self, line: &Line, next: &Line, at: usize, joined: &str) -> usize {
        let joined_strong = matches!(code::signal(joined), Signal::Strong(_));
        (self.strong[self.unit[at]] + usize::from(joined_strong))
            .saturating_sub(usize::from(reads_strong(line)) + usize::from(reads_strong(next)))
    }

    /// Notes that `line` and `next` (line `at`) were joined as `joined`.
    fn join(&mut self, line: &Line, next: &Line, at: usize, joined: &str) {
        let unit = self.unit[at];
        self.strong[unit] = self.after_join(line, next, at, joined);
    }
}

/// Whether a code line reads strong on its own.
fn reads_strong(l: &Line) -> bool {
    l.kind == LineKind::Code && matches!(code::signal(&l.text), Signal::Strong(_))
}

/// A line and the one after it as one line, `gap` between them. A soft
/// hyphen that ends the line (kept by `hygiene` only where a line ends)
/// marks a break inside a word: the two are joined without a gap, and the
/// invisible hint goes, as it goes from inside any line (a second reading
/// of the joined line would drop it).
fn join_lines(line: &Line, gap: &str, next: &str) -> String {
    let head = line.text.trim_end();
    match head.strip_suffix('\u{AD}') {
        Some(word_start) => format!("{word_start}{next}"),
        None => format!("{head}{gap}{next}"),
    }
}

/// The right margin of the listing each line stands in: its longest line
/// (a listing runs over code and blank lines); 0 outside listings.
fn listing_margins(lines: &[Line], width: fn(&Line) -> usize) -> Vec<usize> {
    let in_listing = |l: &Line| l.kind == LineKind::Code || l.is_blank();
    let mut margins = vec![0; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        if !in_listing(&lines[start]) {
            start += 1;
            continue;
        }
        let end = start + lines[start..].iter().take_while(|l| in_listing(l)).count();
        let widest = lines[start..end]
            .iter()
            .filter(|l| printed_line(l))
            .map(width)
            .max()
            .unwrap_or(0);
        margins[start..end].fill(widest);
        start = end;
    }
    margins
}

/// The right margin of the document's listings: their longest printed
/// line.
fn code_margin(lines: &[Line]) -> usize {
    lines
        .iter()
        .filter(|l| printed_line(l))
        .map(Line::len)
        .max()
        .unwrap_or(0)
}

/// A code line as the page printed it: one the rejoins before have not
/// made longer than any printed line (the margin is read from those).
fn printed_line(l: &Line) -> bool {
    l.kind == LineKind::Code && l.last <= l.number
}

fn is_comment(t: &str) -> bool {
    t.starts_with("//") || t.starts_with('#') || t.starts_with("/*") || t.starts_with('*')
}

/// Whether a line leaves a `"` string open: an odd number of quotes that
/// no backslash escapes.
fn open_string(t: &str) -> bool {
    let mut open = false;
    let mut escaped = false;
    for c in t.chars() {
        match c {
            '\\' if open => escaped = !escaped,
            '"' if !escaped => open = !open,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    open
}

/// Whether `line` (a comment) leaves a `` ` ``-quoted name open that
/// `next` closes with its first word, followed by words only:
/// `` // Load the `local_data` module from `thread_files/ `` /
/// `` tls.rs` relative to ``.
fn closes_quote(line: &str, next: &str) -> bool {
    let odd = |t: &str| t.matches('`').count() % 2 == 1;
    let Some((name_end, rest)) = next.split_once('`') else {
        return false;
    };
    odd(line)
        && odd(next)
        && !name_end.is_empty()
        && !name_end.contains(char::is_whitespace)
        && (rest.trim().is_empty() || words_only(rest.trim()))
}

/// Plain words only, with ordinary punctuation: the end of a sentence.
fn words_only(t: &str) -> bool {
    !t.starts_with("//")
        && matches!(
            code::signal(t),
            Signal::Neutral | Signal::Prose | Signal::Weak("symbols")
        )
        && t.split_whitespace()
            .all(|w| code::is_plain_word(w) || quoted_name(w))
}

/// A name quoted in a comment: `` `bool`, ``, `` `x` ``.
fn quoted_name(w: &str) -> bool {
    let core = w.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    core.len() > 2
        && core.starts_with('`')
        && core.ends_with('`')
        && !core[1..core.len() - 1].contains(['`', ' '])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    /// The lines of `text`, all taken for code, after `pass`.
    fn after(pass: fn(&mut Vec<Line>, &mut RepairLog), text: &str) -> Vec<String> {
        let mut lines = split(text);
        for l in &mut lines {
            l.kind = LineKind::Code;
        }
        pass(&mut lines, &mut RepairLog::default());
        lines.into_iter().map(|l| l.text).collect()
    }

    fn rejoined(text: &str) -> Vec<String> {
        after(rejoin_comments, text)
    }

    fn rejoined_strings(text: &str) -> Vec<String> {
        after(rejoin_broken_strings, text)
    }

    #[test]
    fn a_wrapped_comment_is_one_line_again() {
        let out = rejoined(
            "{\"Err\":{\n// Error: The credential could not be found in the\nprovider.\n\"kind\":\"not-found\"\n}}",
        );
        assert_eq!(
            out[1],
            "// Error: The credential could not be found in the provider."
        );
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn a_string_broken_by_the_page_is_one_line_again() {
        let out = rejoined_strings(
            "{\n\"registry\":{\"index-url\":\"sparse+https://registry-url/\nindex/\", \"name\": \"my-registry\"},\n\"args\":[]\n}",
        );
        assert_eq!(
            out,
            [
                "{",
                "\"registry\":{\"index-url\":\"sparse+https://registry-url/index/\", \"name\": \"my-registry\"},",
                "\"args\":[]",
                "}"
            ]
        );
        // Between two letters the page broke at a space.
        let out = rejoined_strings("let s = \"a long string that the page\nbroke\";\nlet t = 1;");
        assert_eq!(out[0], "let s = \"a long string that the page broke\";");
    }

    #[test]
    fn strings_closed_on_their_line_and_escaped_quotes_stay() {
        for text in [
            "let a = \"one\";\nlet b = \"two\";",
            "let a = \"say \\\"hi\\\" now\";\nlet b = 2;",
            "// a \"quote in a comment\nlet b = \"x;",
            "short(\"open\nx\") + the longest line of all the listing's lines here",
        ] {
            let want: Vec<String> = text.lines().map(str::to_string).collect();
            assert_eq!(rejoined_strings(text), want, "{text}");
        }
    }

    #[test]
    fn a_comment_end_read_as_prose_inside_a_listing_is_rejoined() {
        let text = "let packed = Packed { f1: 1, f2: 2 };\n// `&packed.f2` would create an unaligned reference, and\nthus be undefined behavior!\nlet raw_f2 = &raw const packed.f2;";
        let with_prose_at = |prose: usize, text: &str| {
            let mut lines = split(text);
            for (i, l) in lines.iter_mut().enumerate() {
                l.kind = if i == prose {
                    LineKind::Prose
                } else {
                    LineKind::Code
                };
            }
            rejoin_comments(&mut lines, &mut RepairLog::default());
            lines.into_iter().map(|l| l.text).collect::<Vec<_>>()
        };
        let out = with_prose_at(2, text);
        assert_eq!(
            out[1],
            "// `&packed.f2` would create an unaligned reference, and thus be undefined behavior!"
        );
        assert_eq!(out.len(), 3);
        // Quoted names are words of a comment too.
        let out = with_prose_at(
            2,
            "let mut uninit = MaybeUninit::<Demo>::uninit();\n// `&uninit.as_mut().field` would create a reference to an\nuninitialized `bool`,\n// and thus be undefined behavior!",
        );
        assert_eq!(
            out[1],
            "// `&uninit.as_mut().field` would create a reference to an uninitialized `bool`,"
        );
        // Prose after the listing's last line is not part of it.
        let text = "let packed = Packed { f1: 1, f2: 2 };\n// `&packed.f2` would create an unaligned reference, and\nthus the next paragraph begins.";
        let out = with_prose_at(2, text);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn a_line_broken_at_a_kept_space_is_one_line_again() {
        let text = "impl<T> TreeNode<T> {\n    pub fn traverse_inorder<B>(&self, f: &mut impl FnMut(&T) -> \nControlFlow<B>) -> ControlFlow<B> {\n        if let Some(left) = &self.left {\n            left.traverse_inorder(f)?;\n        }\n    }\n}";
        let out = after(rejoin_at_kept_spaces, text);
        assert_eq!(
            out[1],
            "    pub fn traverse_inorder<B>(&self, f: &mut impl FnMut(&T) -> ControlFlow<B>) -> ControlFlow<B> {"
        );
        assert_eq!(out.len(), 7);
    }

    #[test]
    fn lines_without_the_kept_space_or_the_margin_stay() {
        for text in [
            // No space at the end: no evidence of a break.
            "fn f() {\n    let a_long_name = call(first_argument, second_argument,\nthird);\n}",
            // Short of the margin.
            "fn f() {\n    let a = call( \nthird);\n    let the_longest_line_of_this_listing_sets_its_margin = 1;\n}",
            // The next line closes a bracket.
            "fn f() {\n    let a_long_name = call(first_argument, second_argument, \n}",
            // Every line ends with a space: the extractor's padding.
            "fn f() { \n    let a_long_name = call(first_argument, second_argument, \nthird); \n} ",
        ] {
            let want: Vec<String> = text.lines().map(str::to_string).collect();
            assert_eq!(after(rejoin_at_kept_spaces, text), want, "{text}");
        }
    }

    #[test]
    fn a_comment_broken_inside_a_quoted_name_is_rejoined() {
        let text = "#[path = \"thread_files\"]\nmod thread {\n// Load the `local_data` module from `thread_files/\ntls.rs` relative to\n// this source file's directory.\n}";
        let out = rejoined(text);
        assert_eq!(
            out[2],
            "// Load the `local_data` module from `thread_files/tls.rs` relative to"
        );
        // Over a page break too: the quoted name goes on on the next page.
        let mut lines = split(text);
        for l in &mut lines {
            l.kind = LineKind::Code;
        }
        lines[3].page_break = true;
        rejoin_comments(&mut lines, &mut RepairLog::default());
        assert_eq!(
            lines[2].text,
            "// Load the `local_data` module from `thread_files/tls.rs` relative to"
        );
        // Between two letters the break was a space.
        let out =
            rejoined("// see `a long quoted name that\nbreaks` here, and the rest of it\nx = 1;");
        assert_eq!(
            out[0],
            "// see `a long quoted name that breaks` here, and the rest of it"
        );
        // After other punctuation the lost space is unknown: declined.
        let text = "// a long comment line quoting `some::path::\nname` for this listing\nx = 1;";
        let want: Vec<String> = text.lines().map(str::to_string).collect();
        assert_eq!(rejoined(text), want);
    }

    #[test]
    fn a_line_broken_inside_brackets_at_the_margin_is_one_line_again() {
        let text = "let mut uninit = MaybeUninit::<Demo>::uninit();\nlet f1_ptr = unsafe { &raw mut\n(*uninit.as_mut_ptr()).field };\nunsafe { f1_ptr.write(true); }";
        let out = after(rejoin_open_brackets, text);
        assert_eq!(
            out[1],
            "let f1_ptr = unsafe { &raw mut (*uninit.as_mut_ptr()).field };"
        );
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn a_path_broken_where_the_extractor_keeps_break_spaces_is_one_token_again() {
        // The paragraph's lines end with the space they broke at (pypdf,
        // pdfminer); the listing's wrapped line ends without one: the page
        // broke inside the path.
        let text = "The text of a paragraph that the page broke at a space \n\
                    and went on here after it.\n\
                    \x20   Checking msrv-resolver v0.1.0 (/home/epage/src/personal/\n\
                    dump/msrv-resolver)\n\
                    \x20   Finished dev target(s) in 2.96s";
        let paths = |prose_spaced: bool| {
            let mut lines = split(text);
            for (k, l) in lines.iter_mut().enumerate() {
                l.kind = if k < 2 {
                    LineKind::Prose
                } else {
                    LineKind::Code
                };
                if k == 0 && !prose_spaced {
                    l.text = l.text.trim_end().to_string();
                }
            }
            rejoin_open_brackets(&mut lines, &mut RepairLog::default());
            lines.into_iter().map(|l| l.text).collect::<Vec<_>>()
        };
        let out = paths(true);
        assert_eq!(
            out[2],
            "    Checking msrv-resolver v0.1.0 (/home/epage/src/personal/dump/msrv-resolver)"
        );
        assert_eq!(out.len(), 4);
        // Where the extractor keeps no break spaces, the break says
        // nothing: the lines stay.
        assert_eq!(paths(false).len(), 5);
    }

    #[test]
    fn brackets_an_author_broke_stay() {
        for text in [
            // Broken after an opening bracket or a comma: the author's.
            "let the_longest_line_of_all = call(\nfirst, second);",
            "let the_longest_line_of_all = call(first,\nsecond);",
            // Short of the margin.
            "let a = f(b\n+ c);\nlet the_longest_line_of_this_listing_sets_its_margin = 1;",
            // The next line does not close the bracket.
            "let the_longest_line_of_all = call(first second\nthird fourth fifth",
            // A bracket in a string or a comment does not count.
            "let the_longest_line_of_all = \"call(first second\"\n) + 1;",
            // After a slash the lost space is unknown.
            "let the_longest_line = path(\"a\", some/\nthing);",
            // Joined, a bracket would stay open: text from beside the
            // listing (a stack effect set right of a prototype).
            "int lua_pcall (lua_State *L, int nargs, int nresults,[-(nargs\nint msgh);",
        ] {
            let want: Vec<String> = text.lines().map(str::to_string).collect();
            assert_eq!(after(rejoin_open_brackets, text), want, "{text}");
        }
    }

    /// A quote character quoted by itself opens no string, so the
    /// brackets after it count.
    #[test]
    fn a_quoted_quote_opens_no_string() {
        assert_eq!(bracket_depth("X -> (!(`\"` `#`{n})"), (1, 0));
        assert_eq!(bracket_depth("if (c == '\"') {"), (1, 0));
        assert_eq!(bracket_depth("s = \"(\" + t"), (0, 0));
    }

    #[test]
    fn a_join_that_would_leave_its_listing_no_code_shape_is_declined() {
        // The second line reads as code by its density of symbols; joined
        // to the first it does not, and nothing else in the listing does:
        // a second reading of the joined line would find no listing.
        let text = "–A{a• ––fifia•’“a –’ 0A\u{ad}\n0}";
        let want: Vec<String> = text.lines().map(str::to_string).collect();
        assert_eq!(after(rejoin_open_brackets, text), want);
        // Another line with a code shape keeps the listing: joined.
        let text = format!("{text}\nlet x = 1;");
        let out = after(rejoin_open_brackets, &text);
        // (The soft hyphen marks a break inside a word: no space.)
        assert_eq!(out[0], "–A{a• ––fifia•’“a –’ 0A0}");
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_soft_hyphen_ending_a_wrapped_line_joins_the_word_without_it() {
        let text = "let value = compute_something(first_argu\u{AD}\nment) + 1;\nlet x = 1;";
        let out = after(rejoin_open_brackets, text);
        assert_eq!(out[0], "let value = compute_something(first_argument) + 1;");
    }

    #[test]
    fn short_comments_and_code_after_them_stay() {
        for text in [
            "// short\nwords after it\n\"kind\":\"not-found\",\n\"a-much-longer-line-of-code-that-sets-the-margin\": 1",
            "fn f() -> u32 {\n// a comment that is as long as the longest line\nvalue\n}",
            "// a comment that is as long as the longest line\nlet x = 1;",
            // The rest of a URL is no comment: the line after it is its own
            // (read again, the joined line would be prose, not code).
            "//www.example.com/a/long/path/to/reach/the/margin\nps:\n// x\nlet a_longer_line = 1;",
        ] {
            let want: Vec<String> = text.lines().map(str::to_string).collect();
            assert_eq!(rejoined(text), want);
        }
    }
}
