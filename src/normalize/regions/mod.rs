//! Regions: what is not prose, decided before any prose repair.
//!
//! Extracted text mixes running text with what must be kept as it is: code
//! listings, tables, tables of contents. The prose passes after this one
//! join lines, rejoin broken words and re-space tokens; on a listing each of
//! those is damage. So this pass labels every line first (its
//! [`LineKind`]), as a layout analyser labels the lines of a page before it
//! builds paragraphs, and the later line passes leave every line that is not
//! prose alone. `lines::into_document` turns each run of verbatim lines into
//! one block of its kind.
//!
//! How a region is found: every line gets a signal from its own characters
//! (`code.rs`: braces, statement ends, assignments, comments, prompts,
//! symbol density; or the shape of a sentence). A line with a strong signal
//! starts a region; the region grows over its neighbours while they carry
//! code signals or say nothing either way, and stops at a sentence. It is
//! kept when enough of its lines are code-like. Every region is logged with
//! its rules, span, first line and confidence; a candidate that is not kept
//! is logged as declined.
//!
//! A console session (`session.rs`) goes on after its prompt line with the
//! program's output, which has few code signals of its own: the region
//! takes the lines that have the shape of a log (records, diagnostics)
//! and ends at the first one that does not.
//!
//! Some extractors set a blank line after every line of a listing
//! (`spaced.rs`): where the document shows that habit, those blank lines do
//! not cut a region, and they are dropped from the listings found.

mod code;
mod indent;
mod session;
mod spaced;
mod table;
mod wrap;

use std::cell::OnceCell;

use code::Signal;
use table::Found;

use super::lines::{Line, LineKind};
use super::paragraphs::numbered_heading_line;
use super::structure::list_marker;
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "label code listings and tables, which the prose repairs then leave verbatim",
    stage: Stage::Lines(run),
};

const NAME: &str = "regions";

/// Words of neutral lines (short fragments) a region may cross between two
/// of its code lines: about one line's worth, such as a comment's last words
/// that an extractor set on a line of their own. Counted in words, not
/// lines, so that a second reading of the repaired text (where such lines
/// were joined into one) decides alike.
const MAX_NEUTRAL_WORDS: usize = 6;

/// A unit of lines with only weak code signals (`# comment` lines, lines
/// of flags and symbols) joins an adjacent code region when it has at least
/// this many lines. One such line alone is as likely a paragraph of prose;
/// the repaired text writes each paragraph on one line, so a second reading
/// never takes a paragraph for such a unit.
const MIN_WEAK_UNIT_LINES: usize = 2;

pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    separate_columns(lines, log);
    let signals: Vec<Signal> = lines.iter().map(|l| code::signal(&l.text)).collect();
    let mut in_code = vec![false; lines.len()];
    // Tables whose own marks outweigh any code reading of their cells: a
    // segmented rule, or rows with tabs as the text edition writes them.
    let mut table_spans = table::segmented_spans(lines);
    table_spans.extend(table::tabbed_spans(lines));
    let spacers = spaced::spacers(lines, &signals, log);
    for region in code_regions(lines, &signals, &spacers) {
        let first = lines[region.start].trimmed();
        let span = lines[region.start].span().join(lines[region.end].span());
        let in_a_table = table_spans
            .iter()
            .any(|&(start, end)| start <= region.start && region.end <= end);
        let outside = outside_tables(&region, signals.as_slice(), &table_spans);
        let declined = region
            .declined
            .or(in_a_table.then_some("inside a table"))
            .or(outside
                .is_empty()
                .then_some("a table takes the lines with a code shape"));
        if let Some(why) = declined {
            log.decline(
                NAME,
                "code-region",
                span,
                format!("{first} ({why}: {})", region.rules.join(", ")),
            );
            continue;
        }
        for &(k, why) in &region.session_ends {
            log.decline(
                NAME,
                "session-output",
                lines[k].span(),
                format!(
                    "{} (the output of the session before it ends: {why})",
                    lines[k].trimmed()
                ),
            );
        }
        log.record(
            NAME,
            "code-region",
            span,
            first,
            format!(
                "code: {} lines, confidence {:.2} ({})",
                region.lines,
                region.confidence(),
                region.rules.join(", ")
            ),
        );
        for (start, end) in outside {
            in_code[start..=end].fill(true);
        }
    }
    for &(start, end) in &table_spans {
        in_code[start..=end].fill(false);
    }
    label(lines, &in_code, &spacers, log);
    wrap::rejoin_comments(lines, log);
    wrap::rejoin_at_kept_spaces(lines, log);
    wrap::rejoin_open_brackets(lines, log);
    wrap::rejoin_broken_strings(lines, log);
    indent::restore(lines, log);
    tables(lines, log);
}

/// The runs of a region's lines that no table takes and that still read
/// as code by themselves: a table that takes the lines with a code shape
/// (a tab-separated row dense with symbols) leaves the rest of the region
/// no evidence of its own (a region is found from its strong lines unless
/// the layout sets it apart), and a second reading of the repaired text,
/// where the table stands apart, would not find it.
fn outside_tables(
    region: &Candidate,
    signals: &[Signal],
    table_spans: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let in_table = |k: usize| table_spans.iter().any(|&(a, b)| a <= k && k <= b);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for k in region.start..=region.end {
        if in_table(k) {
            continue;
        }
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == k => *end = k,
            _ => runs.push((k, k)),
        }
    }
    let cut = runs.len() != 1 || runs[0] != (region.start, region.end);
    if cut && !region.set_apart {
        runs.retain(|&(a, b)| {
            signals[a..=b]
                .iter()
                .any(|s| matches!(s, Signal::Strong(_)))
        });
    }
    runs
}

/// Whether a line reads as code on its own (a strong signal: braces, a
/// statement end, an assignment, a comment, a prompt). For passes that run
/// before this one and must not take a line of code for furniture.
pub fn is_code_line(text: &str) -> bool {
    matches!(code::signal(text), Signal::Strong(_))
}

/// Labels tables among the lines that are not code: each table line's text
/// becomes its cells joined by tabs (see `table`), and its kind `Table`.
fn tables(lines: &mut [Line], log: &mut RepairLog) {
    let taken: Vec<bool> = lines.iter().map(|l| !l.kind.is_prose()).collect();
    for found in table::find(lines, &taken) {
        match found {
            Found::Table {
                start,
                end,
                texts,
                rows,
                columns,
                rule,
            } => {
                let span = lines[start].span().join(lines[end].span());
                log.record(
                    NAME,
                    rule,
                    span,
                    lines[start].trimmed(),
                    format!("table: {rows} rows, {columns} columns"),
                );
                for (line, text) in lines[start..=end].iter_mut().zip(texts) {
                    line.text = text;
                    line.kind = LineKind::Table;
                }
            }
            Found::Declined { start, end, why } => {
                let span = lines[start].span().join(lines[end].span());
                log.decline(
                    NAME,
                    "aligned-columns",
                    span,
                    format!("{} ({why})", lines[start].trimmed()),
                );
            }
            Found::TwoColumns { .. } => {}
        }
    }
}

/// Two columns of text printed side by side (`pdftotext -layout` of a
/// two-column page): each line holds a piece of the left column and a piece
/// of the right one. The lines are cut at the gutter and the left column
/// is put before the right one, so that no later pass joins words across
/// the columns. A line of code is never taken for a column.
fn separate_columns(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let taken: Vec<bool> = lines.iter().map(|l| is_code_line(&l.text)).collect();
    let found: Vec<(usize, usize, usize)> = table::find(lines, &taken)
        .into_iter()
        .filter_map(|f| match f {
            Found::TwoColumns { start, end, gutter } => Some((start, end, gutter)),
            _ => None,
        })
        .collect();
    // From the end, so that the indices before each region stay valid.
    for &(start, end, gutter) in found.iter().rev() {
        let (start, end) = column_extent(lines, &taken, start, end, gutter);
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for line in &lines[start..=end] {
            let chars: Vec<char> = line.text.chars().collect();
            let cut = gutter.min(chars.len());
            let l: String = chars[..cut]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string();
            let r: String = chars[cut..]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string();
            if line.is_blank() {
                left.push(line.clone());
                right.push(line.clone());
                continue;
            }
            for (side, text) in [(&mut left, l), (&mut right, r)] {
                if !text.trim().is_empty() {
                    side.push(Line {
                        text,
                        page_break: line.page_break && side.is_empty(),
                        ..line.clone()
                    });
                }
            }
        }
        let span = lines[start].span().join(lines[end].span());
        log.record(
            NAME,
            "two-columns",
            span,
            lines[start].trimmed(),
            format!(
                "columns separated at character column {gutter}: {} lines left, then {} right",
                left.len(),
                right.len()
            ),
        );
        left.extend(right);
        lines.splice(start..=end, left);
    }
}

/// The lines around a two-column run that belong to it: blank lines and
/// lines with no text across the gutter, within the page; the region ends
/// at the last line with text in the right-hand column (a line of the left
/// one alone may be a full-width line after the columns).
fn column_extent(
    lines: &[Line],
    taken: &[bool],
    start: usize,
    end: usize,
    gutter: usize,
) -> (usize, usize) {
    let fits = |l: &Line| {
        let chars: Vec<char> = l.text.chars().collect();
        chars.len() <= gutter
            || chars[gutter.saturating_sub(2)..gutter]
                .iter()
                .all(|c| c.is_whitespace())
    };
    let right = |l: &Line| l.text.chars().skip(gutter).any(|c| !c.is_whitespace());
    let mut last = end;
    let mut k = end + 1;
    while k < lines.len() && !lines[k].page_break && !taken[k] && fits(&lines[k]) {
        if right(&lines[k]) {
            last = k;
        }
        k += 1;
    }
    let mut first = start;
    let mut k = start;
    while k > 0 && !lines[k].page_break && !taken[k - 1] && fits(&lines[k - 1]) {
        k -= 1;
        if right(&lines[k]) {
            first = k;
        }
    }
    (first, last)
}

/// Sets the kinds, and drops the blank lines a page break put inside a
/// listing (the margins of two pages, not lines of the code), and those
/// an extractor set between every two lines of a listing (`spacers`).
fn label(lines: &mut Vec<Line>, in_code: &[bool], spacers: &[bool], log: &mut RepairLog) {
    let mut keep = vec![true; lines.len()];
    let mut spaced_from: Option<usize> = None;
    for i in 0..lines.len() {
        if !in_code[i] {
            continue;
        }
        lines[i].kind = LineKind::Code;
        if spacers[i] && i > 0 && in_code[i - 1] && in_code.get(i + 1) == Some(&true) {
            keep[i] = false;
            spaced_from.get_or_insert(i - 1);
        }
        if let Some(from) = spaced_from
            && (i + 1 == lines.len() || !in_code[i + 1])
        {
            log.record(
                NAME,
                "spaced-listing",
                lines[from].span().join(lines[i].span()),
                lines[from].trimmed(),
                "the blank lines between its lines dropped",
            );
            spaced_from = None;
        }
        if lines[i].page_break {
            let mut j = i;
            while j > 0 && in_code[j - 1] && lines[j - 1].is_blank() {
                j -= 1;
                keep[j] = false;
            }
            if j < i {
                log.record(
                    NAME,
                    "page-break-in-code",
                    lines[j].span().join(lines[i].span()),
                    "",
                    "",
                );
            }
        }
    }
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut k = 0;
    lines.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// A stretch of lines that may be code, with the evidence for it.
#[derive(Debug)]
struct Candidate {
    /// First and last line (indices); both carry a code signal.
    start: usize,
    end: usize,
    /// Non-blank lines, and how many carry a strong or weak code signal.
    lines: usize,
    strong: usize,
    weak: usize,
    /// The rules that fired, each once, in order.
    rules: Vec<&'static str>,
    /// Why the candidate is not taken as code, if it is not.
    declined: Option<&'static str>,
    /// Whether the layout sets it apart from the text around it (a lead-in,
    /// see [`lead_in_listing`]; an indentation, see [`indented_display`]):
    /// then weak signals suffice.
    set_apart: bool,
    /// Lines right after the output of a console session that were read
    /// and refused as output (see `session`), with the reason.
    session_ends: Vec<(usize, &'static str)>,
    /// Whether its last lines are the output of a console session that
    /// the session's shape added.
    ends_in_output: bool,
}

impl Candidate {
    /// Strong lines count fully, weak ones half.
    fn confidence(&self) -> f64 {
        (self.strong as f64 + self.weak as f64 / 2.0) / self.lines as f64
    }
}

/// The code regions, taken and declined, in order.
///
/// 1. Within a unit (a run of non-blank lines), a candidate grows from a
///    strong line up and down over lines with code signals and short
///    fragments, and stops at prose; it starts and ends at lines with code
///    signals.
/// 2. A one-line candidate between two lines of prose is declined: a code
///    word quoted in a paragraph, not a listing.
/// 3. Across blank lines, candidates (and units of weak lines only) that
///    nothing but blank lines and short fragments separate make one region:
///    a listing with blank lines inside, or cut by a page break. After the
///    output of a console session only blank lines: the output's own
///    shape said where it ends, and a fragment after it ("Again,
///    consulting crates.io") is the text that goes on.
///
/// A blank line that `spacers` marks does not end a unit.
fn code_regions(lines: &[Line], signals: &[Signal], spacers: &[bool]) -> Vec<Candidate> {
    let mut pieces: Vec<Candidate> = Vec::new();
    for (a, b) in units_joining(lines, spacers) {
        if b + 1 - a >= MIN_WEAK_UNIT_LINES
            && signals[a..=b].iter().all(|s| matches!(s, Signal::Weak(_)))
        {
            pieces.push(if lead_in_listing(lines, signals, a, b) == Some(b) {
                set_apart_candidate(lines, signals, a, b, "after-lead-in")
            } else if statement_run(lines, signals, a, b) == Some(b) {
                set_apart_candidate(lines, signals, a, b, "statement-run")
            } else {
                candidate(lines, signals, a, b)
            });
            continue;
        }
        // The unit as the repaired text writes a paragraph: on one line.
        let mut joined_is_code: Option<bool> = None;
        // The unit's widest line, measured once for all its lines.
        let unit_width = OnceCell::new();
        let mut i = a;
        while i <= b {
            let set_apart = lead_in_listing(lines, signals, i, b)
                .map(|end| (end, "after-lead-in"))
                .or_else(|| {
                    indented_display(lines, signals, i, b).map(|end| (end, "indented-display"))
                })
                .or_else(|| {
                    display_in_sentence(lines, signals, (a, b), i, &unit_width)
                        .map(|end| (end, "display-in-sentence"))
                })
                .or_else(|| {
                    lines_between_sentences(lines, i, b).map(|end| (end, "between-sentences"))
                })
                .or_else(|| statement_run(lines, signals, i, b).map(|end| (end, "statement-run")));
            if let Some((end, rule)) = set_apart {
                // The layout adds lines to a listing, it never cuts one: a
                // listing that goes on past the set-apart lines (a wrapped
                // comment's last word at the text's margin) grows as any
                // other does, so that the repaired text, where the margins
                // differ, reads the same listing.
                let strong = signals[i..=end]
                    .iter()
                    .any(|s| matches!(s, Signal::Strong(_)));
                let end = if strong {
                    grow(lines, signals, end, i, b, false).max(end)
                } else {
                    end
                };
                let c = set_apart_candidate(lines, signals, i, end, rule);
                let c = with_session_output(lines, signals, c, b);
                let end = c.end;
                pieces.push(c);
                i = end + 1;
                continue;
            }
            if !matches!(signals[i], Signal::Strong(_)) {
                i += 1;
                continue;
            }
            let floor = pieces.last().map_or(a, |c| (c.end + 1).max(a));
            let start = grow(lines, signals, i, floor, b, true);
            let end = grow(lines, signals, i, floor, b, false);
            let mut c =
                with_session_output(lines, signals, candidate(lines, signals, start, end), b);
            let end = c.end;
            let prose = |j: usize| matches!(signals[j], Signal::Prose);
            // A line that continues the sentence of the prose line before it
            // ("... using" / `setenv PATH ...` / "for tcsh") stays in its
            // paragraph. After a sentence end or a colon, or between a
            // numbered heading and a sentence's capital ("4The try
            // propagation expression" / grammar line / "The ..."), it is a
            // paragraph of
            // its own, which a second reading of the repaired text reads
            // alone, as code: so it is code on the first reading too.
            // Unless the paragraph reads as code once its lines are joined:
            // a second reading of the repaired text would take it for code.
            // Nor is a line inside a paragraph when the next line opens a
            // list item ("2. sends the message" / `{ "v": [1] }` / "3. ..."):
            // the item's marker ends the paragraph, so the line is what the
            // item ends with, set on a line of its own.
            if start == end
                && start > a
                && end < b
                && prose(start - 1)
                && prose(end + 1)
                && list_marker(lines[end + 1].trimmed()).is_none()
                && !ends_sentence_or_lead_in(&lines[start - 1].text)
                && !(numbered_heading_line(lines[start - 1].trimmed())
                    && lines[end + 1].trimmed().starts_with(char::is_uppercase))
                && !*joined_is_code.get_or_insert_with(|| unit_reads_as_code(lines, a, b))
            {
                c.declined = Some("one line inside a paragraph");
            }
            pieces.push(c);
            i = end + 1;
        }
    }
    // Merge across blank lines.
    let mut out: Vec<Candidate> = Vec::new();
    for piece in pieces {
        if piece.declined.is_none()
            && let Some(last) = out.last_mut()
            && last.declined.is_none()
            && bridgeable(lines, signals, last.end, piece.start)
            && !(last.ends_in_output
                && lines[last.end + 1..piece.start]
                    .iter()
                    .any(|l| !l.is_blank()))
        {
            let mut merged = candidate(lines, signals, last.start, piece.end);
            merged.set_apart = last.set_apart || piece.set_apart;
            merged.session_ends = std::mem::take(&mut last.session_ends);
            merged.session_ends.extend(piece.session_ends);
            merged.ends_in_output = piece.ends_in_output;
            if (last.ends_in_output || piece.ends_in_output)
                && !merged.rules.contains(&"session-output")
            {
                merged.rules.push("session-output");
            }
            *last = merged;
            continue;
        }
        out.push(piece);
    }
    for c in &mut out {
        if c.declined.is_none() && c.strong == 0 && !c.set_apart {
            c.declined = Some("weak signals only");
        }
    }
    out
}

/// The candidate with the output of the console session in it added
/// (within the unit that ends at `unit_end`), and the line after the
/// output that was refused noted: see `session`. A candidate without a
/// prompt comes back as it is.
fn with_session_output(
    lines: &[Line],
    signals: &[Signal],
    c: Candidate,
    unit_end: usize,
) -> Candidate {
    let (last, refused) = session::output_end(lines, signals, c.start, c.end, unit_end);
    let mut out = if last > c.end {
        let mut grown = candidate(lines, signals, c.start, last);
        grown.set_apart = c.set_apart;
        for rule in c.rules.into_iter().chain(["session-output"]) {
            if !grown.rules.contains(&rule) {
                grown.rules.push(rule);
            }
        }
        grown.ends_in_output = true;
        grown
    } else {
        c
    };
    out.session_ends.extend(refused);
    out
}

/// The listing a lead-in introduces, from line `i` to the returned last
/// line (within the unit that ends at `unit_end`): the line before `i`
/// (across blank lines) is text that ends with a colon ("you can do:",
/// "Example:"), and `i` and the lines after it each fit a listing
/// ([`code::fits_lead_in_listing`]). The run must end where the unit ends
/// or where a new sentence starts: a run that the sentence goes on after
/// ("as follows: x/y is the ratio") is text.
///
/// Both readings decide alike: the repaired text sets the lead-in and the
/// listing apart, and the lead-in still ends with its colon. A page break
/// between the lead-in and the run ends the evidence (see below).
fn lead_in_listing(lines: &[Line], signals: &[Signal], i: usize, unit_end: usize) -> Option<usize> {
    let before = (0..i).rev().find(|&k| !lines[k].is_blank())?;
    let lead = lines[before].text.trim_end();
    let introduces = lead.ends_with(':')
        && !lead.ends_with("::")
        && matches!(signals[before], Signal::Prose | Signal::Neutral);
    // A lead-in on the page before introduces what its page ends with, as
    // far as the evidence goes: a run at the top of the next page is as
    // likely a list whose bullets the extractor lost.
    if !introduces || lines[before + 1..=i].iter().any(|l| l.page_break) {
        return None;
    }
    let fits = |k: usize| code::fits_lead_in_listing(&lines[k].text, signals[k]);
    if !fits(i) {
        return None;
    }
    let mut end = i;
    while end < unit_end && fits(end + 1) {
        end += 1;
    }
    let new_sentence = end == unit_end
        || lines[end + 1]
            .trimmed()
            .starts_with(|c: char| c.is_uppercase());
    (new_sentence || names_set_apart(lines, before, i, end)).then_some(end)
}

/// Whether the run `i..=end` after the lead-in on line `lead` is set apart
/// from the text that goes on after it in lower case ("go to:" / a URL /
/// "where :org is ..."): every line of the run is made of names only
/// ([`code::names_only`]), and its last line ended short: the next line's
/// first word would have fit after it within the widest line of the text
/// around (the lead-in's lines and the run's). A typesetter breaks a line
/// early only where the author set something apart; a run that wrapped
/// because the next word did not fit is part of the sentence.
fn names_set_apart(lines: &[Line], lead: usize, i: usize, end: usize) -> bool {
    let Some(after) = lines.get(end + 1).filter(|l| !l.is_blank()) else {
        return false;
    };
    if !after.trimmed().starts_with(|c: char| c.is_lowercase())
        || !lines[i..=end].iter().all(|l| code::names_only(l.trimmed()))
    {
        return false;
    }
    next_word_fitted(lines, lead, end)
}

/// Whether the first word of the line after `end` would have fitted on
/// line `end` within the widest line of the text around them (from the
/// block that holds line `from` to the block that holds the next line):
/// then the break after `end` is no wrap, the author set it.
fn next_word_fitted(lines: &[Line], from: usize, end: usize) -> bool {
    let width = |l: &Line| l.text.trim_end().chars().count();
    let first = (0..from)
        .rev()
        .find(|&k| lines[k].is_blank())
        .map_or(0, |k| k + 1);
    let last = (end + 1..lines.len())
        .find(|&k| lines[k].is_blank())
        .unwrap_or(lines.len());
    let widest = lines[first..last].iter().map(width).max().unwrap_or(0);
    let next_word = lines
        .get(end + 1)
        .and_then(|l| l.trimmed().split_whitespace().next())
        .unwrap_or("");
    width(&lines[end]) + 1 + next_word.chars().count() <= widest
}

/// The text around a display is set at most this many columns left of
/// it: `-layout` and `txtwrite` keep a display's indentation (a command
/// set apart, centred or indented, inside a sentence), and the repaired
/// text indents a listing by four.
const DISPLAY_INDENT: usize = 4;

/// A display inside running text, from line `i` to the returned last line
/// (within the unit that ends at `unit_end`): lines that each fit a
/// listing ([`code::fits_lead_in_listing`]) and are indented at least
/// [`DISPLAY_INDENT`] columns deeper than the text lines just before and
/// after them (across blank lines). The indentation is the document's own
/// evidence that the line was set apart; the code shape, that it is not a
/// quotation or a wrapped line of prose.
fn indented_display(
    lines: &[Line],
    signals: &[Signal],
    i: usize,
    unit_end: usize,
) -> Option<usize> {
    let before = (0..i).rev().find(|&k| !lines[k].is_blank())?;
    let fits = |k: usize| {
        code::fits_lead_in_listing(&lines[k].text, signals[k])
            && lines[k].indent() >= lines[before].indent() + DISPLAY_INDENT
    };
    let text = |k: usize| matches!(signals[k], Signal::Prose | Signal::Neutral);
    if !text(before) || !fits(i) {
        return None;
    }
    let mut end = i;
    while end < unit_end && fits(end + 1) {
        end += 1;
    }
    let after = (end + 1..lines.len()).find(|&k| !lines[k].is_blank())?;
    (text(after) && lines[end].indent() >= lines[after].indent() + DISPLAY_INDENT).then_some(end)
}

/// A line of names set on a line of its own inside a sentence ("and
/// call" / `4ti2-normalform 4coins` / "to produce the file"), within the
/// unit `a..=unit_end`: the line is made of names only
/// ([`code::names_only`]) and ends no sentence, the text before it goes
/// on without a sentence end, the text after it goes on in lower case,
/// and the line before ends short: the line's first name would have fit after it within the
/// unit's widest line. A typesetter breaks a line early only where the
/// author set something apart; a name that wrapped because it did not fit
/// is a word of the sentence.
///
/// The repaired text sets the line apart, indented: there
/// [`indented_display`] reads it alike.
fn display_in_sentence(
    lines: &[Line],
    signals: &[Signal],
    (a, unit_end): (usize, usize),
    i: usize,
    unit_width: &OnceCell<usize>,
) -> Option<usize> {
    if i == a || i == unit_end {
        return None;
    }
    // Text of a sentence: a word of prose in it (not the cells of a
    // matrix or the pieces of a formula around the line).
    let text = |k: usize| {
        matches!(signals[k], Signal::Prose | Signal::Neutral)
            && lines[k].text.split_whitespace().any(code::is_plain_word)
    };
    let (before, after) = (&lines[i - 1], &lines[i + 1]);
    let t = lines[i].trimmed();
    // A wide gap inside the line sets columns apart: cells, or a
    // formula's sub- and superscripts.
    if !matches!(signals[i], Signal::Neutral | Signal::Weak(_))
        || t.contains("   ")
        || !code::names_only(t)
        || ends_sentence_or_lead_in(t)
        || !text(i - 1)
        || !text(i + 1)
        || ends_sentence_or_lead_in(&before.text)
        || !after.trimmed().starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    let width = |l: &Line| l.text.trim_end().chars().count();
    let widest =
        *unit_width.get_or_init(|| lines[a..=unit_end].iter().map(width).max().unwrap_or(0));
    let first = t.split_whitespace().next()?.chars().count();
    (width(before) + 1 + first <= widest).then_some(i)
}

/// Most words of a line [`statement_run`] takes: a declaration or a call
/// (`let ebx: u32;`), not a clause of a sentence.
const STATEMENT_RUN_WORDS: usize = 4;

/// Short statements one per line (`let ebx: u32;` / `let ecx: u32;`), from
/// line `i` to the returned last line (within the unit that ends at
/// `unit_end`): two or more lines in a row, each ending on a semicolon
/// with at most [`STATEMENT_RUN_WORDS`] words, one of which is no word of
/// prose (`u32;`, `x[0];`), between a sentence end (or a lead-in, or a
/// blank line) and the end of the unit or a capital. One such line alone
/// may be a clause that a wrap ended on its semicolon; lines that each
/// stop on one, short and after a finished sentence, are a listing.
fn statement_run(lines: &[Line], signals: &[Signal], i: usize, unit_end: usize) -> Option<usize> {
    let statement = |k: usize| {
        let t = lines[k].trimmed();
        let words: Vec<&str> = t.split_whitespace().collect();
        !matches!(signals[k], Signal::Prose)
            && t.ends_with(';')
            && words.len() <= STATEMENT_RUN_WORDS
            && words.iter().any(|w| !code::is_plain_word(w))
    };
    if !statement(i) {
        return None;
    }
    let opens = (0..i)
        .rev()
        .find(|&k| !lines[k].is_blank())
        .is_none_or(|k| k + 1 < i || ends_sentence_or_lead_in(&lines[k].text));
    let mut end = i;
    while end < unit_end && statement(end + 1) {
        end += 1;
    }
    let closes = end == unit_end || lines[end + 1].trimmed().starts_with(char::is_uppercase);
    (opens && closes && end > i).then_some(end)
}

/// Most lines [`lines_between_sentences`] takes: a short message or a
/// value quoted between two sentences, not a passage of text.
const MAX_BETWEEN_SENTENCES_LINES: usize = 4;

/// Lines that are no sentence, quoted between two sentences (a program's
/// prompt and the value typed at it, after "Then at the prompt put in the
/// token."), from line `i` to the returned last line (within the unit that
/// ends at `unit_end`): the text before ends a sentence on a word (not an
/// abbreviation such as "e.g."), yet line `i` starts in lower case; no
/// line of the run ends on punctuation; one of them is made of names
/// only ([`code::names_only`]); and the run ends where its unit does, or
/// before a capital that its last line had room for within the widest
/// line around. At least two lines: one line alone keeps its breaks
/// anyway. Joining such lines would run a message and its value together
/// as one sentence; keeping them as they stand loses nothing.
fn lines_between_sentences(lines: &[Line], i: usize, unit_end: usize) -> Option<usize> {
    let before = (0..i).rev().find(|&k| !lines[k].is_blank())?;
    if !ends_sentence_on_word(lines[before].trimmed())
        || !lines[i].trimmed().starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    let mut end = i;
    loop {
        if lines[end]
            .trimmed()
            .ends_with(|c: char| c.is_ascii_punctuation() && c != '/')
        {
            return None;
        }
        if end == unit_end {
            break;
        }
        if lines[end + 1].trimmed().starts_with(char::is_uppercase) {
            if !next_word_fitted(lines, before, end) {
                return None;
            }
            break;
        }
        end += 1;
        if end + 1 - i > MAX_BETWEEN_SENTENCES_LINES {
            return None;
        }
    }
    let names = lines[i..=end].iter().any(|l| code::names_only(l.trimmed()));
    (end > i && names).then_some(end)
}

/// Whether a line ends a sentence on a word: a full stop, question or
/// exclamation mark after a word of two letters or more without a dot of
/// its own ("specified.", not "e.g." or "etc." after a lower-case word
/// that an abbreviation could be).
fn ends_sentence_on_word(t: &str) -> bool {
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let Some(word) = last.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && !ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Abbreviations that end on a full stop inside a sentence.
const ABBREVIATIONS: &[&str] = &[
    "al", "cf", "etc", "eq", "fig", "figs", "no", "nos", "pp", "resp", "sec", "vol", "vs",
];

/// Whether a prose line ends a sentence or introduces what follows (a
/// full stop, question or exclamation mark, or colon, before closing
/// quotes or brackets).
fn ends_sentence_or_lead_in(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}'])
        .ends_with(['.', '!', '?', ':'])
}

/// Whether the lines `a..=b`, joined by spaces, read as code (a strong
/// signal).
fn unit_reads_as_code(lines: &[Line], a: usize, b: usize) -> bool {
    let joined = lines[a..=b]
        .iter()
        .map(|l| l.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    matches!(code::signal(&joined), Signal::Strong(_))
}

/// Runs of non-blank lines, as (first, last) indices.
pub(super) fn units(lines: &[Line]) -> Vec<(usize, usize)> {
    units_joining(lines, &[])
}

/// Runs of non-blank lines, where a blank line marked in `joined` does not
/// end a run.
fn units_joining(lines: &[Line], joined: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let blank = line.is_blank() && !joined.get(i).copied().unwrap_or(false);
        match (blank, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i - 1));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, lines.len() - 1));
    }
    out
}

/// Grows a candidate from the strong line `from` within `floor..=ceiling`
/// (one unit), upwards or downwards: over lines with code signals, and over
/// neutral fragments of at most [`MAX_NEUTRAL_WORDS`] words in a row; it
/// stops at prose. Returns the farthest line with a code signal.
fn grow(
    lines: &[Line],
    signals: &[Signal],
    from: usize,
    floor: usize,
    ceiling: usize,
    up: bool,
) -> usize {
    let mut reached = from;
    let mut at = from;
    let mut neutral_words = 0;
    loop {
        let next = if up {
            at.checked_sub(1).filter(|&p| p >= floor)
        } else {
            Some(at + 1).filter(|&n| n <= ceiling)
        };
        let Some(n) = next else {
            break;
        };
        match signals[n] {
            Signal::Strong(_) | Signal::Weak(_) => {
                reached = n;
                neutral_words = 0;
            }
            Signal::Neutral => {
                neutral_words += words(&lines[n]);
                if neutral_words > MAX_NEUTRAL_WORDS {
                    break;
                }
            }
            Signal::Prose => break,
        }
        at = n;
    }
    reached
}

fn words(line: &Line) -> usize {
    line.text.split_whitespace().count()
}

/// Whether the lines strictly between `end` and `start` are blank lines
/// (at least one) and neutral fragments of at most [`MAX_NEUTRAL_WORDS`]
/// words in all.
fn bridgeable(lines: &[Line], signals: &[Signal], end: usize, start: usize) -> bool {
    let between = &lines[end + 1..start];
    if !between.iter().any(Line::is_blank) || numbered_heading_between(between) {
        return false;
    }
    let mut neutral_words = 0;
    for (line, signal) in between.iter().zip(&signals[end + 1..start]) {
        if line.is_blank() {
            continue;
        }
        if *signal != Signal::Neutral {
            return false;
        }
        neutral_words += words(line);
    }
    neutral_words <= MAX_NEUTRAL_WORDS
}

/// A section number on a line of its own ("3", "2.1") and a title after it
/// (a capital, plain words), as an extractor sets a numbered heading apart:
/// between two listings it is the heading of the next section, not a
/// fragment of code.
fn numbered_heading_between(between: &[Line]) -> bool {
    let texts: Vec<&str> = between
        .iter()
        .filter(|l| !l.is_blank())
        .map(Line::trimmed)
        .collect();
    texts.windows(2).any(|pair| {
        section_number(pair[0])
            && pair[1].starts_with(char::is_uppercase)
            && pair[1].split_whitespace().all(code::is_plain_word)
    })
}

/// "3", "2.1", "4.3.1": digits in at most three dotted parts.
fn section_number(t: &str) -> bool {
    let parts: Vec<&str> = t.trim_end_matches('.').split('.').collect();
    parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
}

/// A candidate that the layout sets apart, with the rule that says how.
fn set_apart_candidate(
    lines: &[Line],
    signals: &[Signal],
    start: usize,
    end: usize,
    rule: &'static str,
) -> Candidate {
    let mut c = candidate(lines, signals, start, end);
    c.set_apart = true;
    c.rules.push(rule);
    c
}

fn candidate(lines: &[Line], signals: &[Signal], start: usize, end: usize) -> Candidate {
    let mut c = Candidate {
        start,
        end,
        lines: 0,
        strong: 0,
        weak: 0,
        rules: Vec::new(),
        declined: None,
        set_apart: false,
        session_ends: Vec::new(),
        ends_in_output: false,
    };
    for (line, signal) in lines[start..=end].iter().zip(&signals[start..=end]) {
        if line.is_blank() {
            continue;
        }
        c.lines += 1;
        let rule = match *signal {
            Signal::Strong(rule) => {
                c.strong += 1;
                rule
            }
            Signal::Weak(rule) => {
                c.weak += 1;
                rule
            }
            Signal::Neutral | Signal::Prose => continue,
        };
        if !c.rules.contains(&rule) {
            c.rules.push(rule);
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;
    use crate::normalize::lines::{into_document, split};

    fn classify(text: &str) -> (Vec<Line>, RepairLog) {
        let mut lines = split(text);
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        (lines, log)
    }

    fn kinds(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|l| match l.kind {
                LineKind::Prose => 'p',
                LineKind::Code => 'c',
                LineKind::Table => 't',
            })
            .collect()
    }

    #[test]
    fn a_listing_after_prose_is_code() {
        let text = "Settings can be changed with key/value pairs like this:\n\
                    [profile.dev]\n\
                    opt-level = 1\n\
                    overflow-checks = false\n\
                    \n\
                    Cargo only looks at the profile settings in the manifest.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pcccpp");
        assert_eq!(log.applied(), 1, "{:?}", log.changes);
        let doc = into_document(&lines);
        assert_eq!(
            doc.blocks[1].plain_text(),
            "[profile.dev]\nopt-level = 1\noverflow-checks = false"
        );
    }

    #[test]
    fn commands_after_a_lead_in_are_code() {
        // Weak signals only (a path, a flag), but a colon introduces them
        // and the unit ends after them.
        let text = "Then to run an MPI program, albeit only on one machine,\n\
                    you can do:\n\
                    cd /home/you/mpich-installed/examples\n\
                    mpiexec -n 3 ./cpi\n\
                    \n\
                    The program prints its rank.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppccpp", "{:?}", log.changes);
        // Names with digits and dots, no word of prose: also a listing.
        let text = "and call it with the file:\n4ti2-normalform 4coins\nThe output is below.";
        assert_eq!(kinds(&classify(text).0), "pcp");
        // The repaired text reads alike: the listing set apart by blank
        // lines after its lead-in paragraph.
        let text = "Example:\n\n[object] interface IB : IA { import \"foo.idl\"; }\n\n\
                    This defines a type.";
        assert_eq!(kinds(&classify(text).0), "ppcpp");
    }

    #[test]
    fn an_indented_command_inside_a_sentence_is_code() {
        // `-layout` keeps the display's indentation: the sentence goes on
        // after it, but the command was set apart.
        let text = "and that you have added that directory to your path, using\n\
                    \n\
                    \x20   setenv PATH /home/you/mpich-installed/bin:$PATH\n\
                    \n\
                    for tcsh and csh, or\n\
                    \x20                      4ti2-normalform 4coins\n\
                    to produce the file.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcppcp", "{:?}", log.changes);
        // The same lines flush with the text are part of the sentence, and
        // an indented line of prose is a quotation, not a display.
        let text = "added to your path, using\nsetenv PATH /usr/bin:$PATH\nfor tcsh.";
        assert_eq!(kinds(&classify(text).0), "ppp");
        let text = "He wrote\n\x20       that the results were final\nand left.";
        assert_eq!(kinds(&classify(text).0), "ppp");
    }

    #[test]
    fn a_lead_in_does_not_make_text_or_lists_code() {
        // The sentence goes on after the symbols: text.
        let text = "The ratio is computed as follows:\nx/y of the values in\n\
                    the table, rounded down.";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // A list after its lead-in stays a list.
        let text = "The options are:\n- a/b for the path\n- c/d for the name";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // A lead-in on the page before: the run may be a list whose
        // bullets were lost, not a listing.
        let text = "the syntax is one of these:\n\u{c}$[ ... ], e.g.: $[count(value)]\n\
                    $:, e.g. $:count(value)\nAnother sigil.";
        let (lines, log) = classify(text);
        assert!(
            !log.changes
                .iter()
                .any(|c| c.after.contains("after-lead-in")),
            "{:?} {}",
            log.changes,
            kinds(&lines)
        );
        // Paths in a table's cells, joined after a lead-in (as the
        // repaired text writes them): a name of prose opens the line.
        let text = "with each profile stored in a separate subdirectory:

                    Directory target/debug/ target/release/ target/foo/

                    Directory target/<triple>/debug/ http://docs.example.org/a.html";
        assert_eq!(kinds(&classify(text).0), "ppppp");
    }

    #[test]
    fn a_url_and_its_wrapped_end_after_a_lead_in_are_code() {
        let text = "To check this, you can go to:
                    https://github.com/organizations/:org/settings/oauth_
                    application_policy

where :org is the name.";
        assert_eq!(kinds(&classify(text).0), "pccpp");
    }

    #[test]
    fn a_listing_goes_on_past_its_indented_display() {
        // The comment's last word sits at the text's margin: the display
        // ends there, the listing does not.
        let text = "- Purpose: Gives error information to Cargo

                        {\"Err\":{
                            // Error: The credential could not be found in the
                        provider.
                            \"kind\":\"operation-not-supported\"
                        }}

                    Sent if the provider does not support the operation.";
        let (lines, log) = classify(text);
        // One region of five lines (the comment then rejoined).
        assert_eq!(kinds(&lines), "ppccccpp", "{:?}", log.changes);
        let regions = log
            .changes
            .iter()
            .filter(|c| c.rule == "code-region" && !c.declined)
            .count();
        assert_eq!(regions, 1, "{:?}", log.changes);
    }

    #[test]
    fn a_command_set_apart_inside_a_sentence_is_code() {
        // "and call" ends short: the command would have fit after it.
        let text = "We write the following four lines into a file named 4coins.feas
                    and call
                    4ti2-normalform 4coins
                    to produce the file that also contains the desired solution.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcp", "{:?}", log.changes);
        // The repaired text reads alike: the command indented, apart.
        let text = "We write the following lines into a file and call

                        4ti2-normalform 4coins

                    to produce the file that also contains the desired solution.";
        assert_eq!(kinds(&classify(text).0), "ppcpp");
    }

    #[test]
    fn a_name_that_wrapped_inside_a_sentence_stays_text() {
        // The line before is full: the name did not fit after it.
        let text = "When building for another target the output is placed in
                    target/thumbv7em-none-eabihf/debug/
                    and the release profile goes next to it.";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // Pieces of a formula between pieces of a formula: not a sentence.
        let text = "Explicit multiplication may be avoided by moving it into preset tables
                    a11 a12 . . . a1n
                    r2
                    a21 a22 . . . a2n";
        assert_eq!(kinds(&classify(text).0), "pppp");
        // A heading in a large font, its last word a name: the sentence
        // ends on the line.
        let text = "How does a team actually use
                    cloud.gov?
                    cloud.gov can be used via web interface or command-line interface.";
        assert_eq!(kinds(&classify(text).0), "ppp");
    }

    #[test]
    fn a_listing_cut_by_a_page_break_stays_one_block() {
        let text = "An example of a module:\n\
                    mod math {\n\
                    \x20   fn sin(f: f64) -> f64 {\n\
                    \x20       unimplemented!();\n\
                    \n\
                    \n\
                    \u{c}    }\n\
                    }\n\
                    \n\
                    Modules are defined in the type namespace of the module.";
        let (lines, log) = classify(text);
        let doc = into_document(&lines);
        assert_eq!(doc.blocks.len(), 3, "{:#?}", doc.blocks);
        assert_eq!(
            doc.blocks[1].plain_text(),
            "mod math {\n    fn sin(f: f64) -> f64 {\n        unimplemented!();\n    }\n}"
        );
        assert!(log.changes.iter().any(|c| c.rule == "page-break-in-code"));
    }

    #[test]
    fn prose_with_code_words_is_prose() {
        let text = "The opt-level setting controls the -C opt-level flag which\n\
                    controls the level of optimization. With crate::util's\n\
                    contents in a file named util/mod.rs it is not allowed.\n\
                    true or false. strip = true is equivalent to strip = \"symbols\".";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pppp");
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
    }

    #[test]
    fn a_code_word_inside_a_paragraph_is_declined_and_logged() {
        let text = "The first line of a paragraph goes on here and
                    x = 1
                    then the paragraph goes on with more words.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppp");
        assert_eq!(log.applied(), 0);
        assert!(
            log.changes
                .iter()
                .any(|c| c.declined && c.rule == "code-region")
        );
    }

    #[test]
    fn a_grammar_line_between_a_numbered_heading_and_a_sentence_is_code() {
        // The heading sets the line apart above, the sentence's capital
        // below: alone, as a second reading sees it, it is code.
        let text = "Then it is moved.\n\
                    4The try propagation expression\n\
                    TryPropagationExpression -> Expression `?`\n\
                    The try propagation expression uses the value of the\n\
                    inner expression to decide.";
        let (lines, _) = classify(text);
        assert_eq!(kinds(&lines), "ppcpp");
        // Before a line that goes on in lower case or with a symbol it
        // declines as before: the grammar may go on there.
        let text = "Then it is moved.\n\
                    4The try propagation expression\n\
                    TryPropagationExpression -> Expression `?`\n\
                    the value of the inner expression is used.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pppp");
        assert!(
            log.changes
                .iter()
                .any(|c| c.declined && c.rule == "code-region")
        );
    }

    #[test]
    fn a_command_line_after_a_sentence_end_is_code() {
        // After a full stop the line is a paragraph of its own, which a
        // second reading of the repaired text takes for code: it is code on
        // the first reading too.
        let text = "Then run the cargo login command.\n\
                    $ cargo login\n\
                    Then at the prompt put in the token specified.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pcp");
        assert_eq!(log.applied(), 1, "{:?}", log.changes);
        // Inside a sentence the same line stays in its paragraph.
        let text = "Then run the command, using\n\
                    $ cargo login\n\
                    then put in the token specified at the prompt.";
        let (lines, _) = classify(text);
        assert_eq!(kinds(&lines), "ppp");
    }

    #[test]
    fn a_name_set_apart_after_a_lead_in_is_code_before_lower_case_text() {
        // The URL line had room for "where": the break after it is no
        // wrap, the author set the URL apart.
        let text = "An additional barrier is that the organization may be actively\n\
                    denying third party access. To check this, you can go to:\n\
                    https://github.com/organizations/:org/settings/policy\n\
                    where :org is the name of the organization. You may see\n\
                    something like this in the settings of the organization.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcpp", "{:?}", log.changes);
        // A name that wrapped because the next word did not fit is a word
        // of the sentence.
        let text = "An additional barrier is that the organization may be actively\n\
                    denying access. To check this, go to:\n\
                    https://github.com/organizations/:org/settings/oauth_policy\n\
                    where :org is the name of the organization. You may see\n\
                    something like this in the settings of the organization.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppppp", "{:?}", log.changes);
    }

    #[test]
    fn a_prompt_and_its_value_between_sentences_are_code() {
        // Lower case after a sentence end, no punctuation, a line of names
        // only, and room left before the next sentence's capital.
        let text = "Then at the prompt put in the token specified.\n\
                    please paste the API Token found on https://crates.io/me below\n\
                    abcdefghijklmnopqrstuvwxyz012345\n\
                    This command will inform Cargo of your API token and store it\n\
                    locally in your home directory.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pccpp", "{:?}", log.changes);
        // The repaired text reads alike: the lines set apart, indented.
        let text = "Then at the prompt put in the token specified.\n\n\
                    \x20   please paste the API Token found on https://crates.io/me below\n\
                    \x20   abcdefghijklmnopqrstuvwxyz012345\n\n\
                    This command will inform Cargo of your API token.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppccpp", "{:?}", log.changes);
    }

    #[test]
    fn lower_case_text_after_a_sentence_end_stays_prose() {
        // After an abbreviation the sentence goes on.
        let text = "The tools read many formats, e.g.\n\
                    tar archives and zip files from\n\
                    release_v2 or later";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // Without a line of names, it is text (a page's lost capital).
        let text = "The first run ends here.\n\
                    the second run starts on the next line\n\
                    and goes on\n\
                    Then it ends.";
        assert_eq!(kinds(&classify(text).0), "pppp");
        // A run whose last line is full wrapped into the next sentence.
        let text = "The value is set by the tool at every start of the program.\n\
                    set abcdefghijklmnopqrstuvwxyz012345 to the value of\n\
                    abcdefghijklmnopqrstuvwxyz012345 release_v2 abcdefghij012\n\
                    Then it ends.";
        assert_eq!(kinds(&classify(text).0), "pppp");
    }

    #[test]
    fn short_statements_after_a_sentence_end_are_code() {
        let text = "It may need to save and restore this\n\
                    state around the inline assembly block.\n\
                    let ebx: u32;\n\
                    let ecx: u32;";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcc", "{:?}", log.changes);
        // The repaired text reads alike: the statements set apart.
        let text = "state around the inline assembly block.\n\n\
                    \x20   let ebx: u32;\n\
                    \x20   let ecx: u32;\n\n\
                    The values are read.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppccpp", "{:?}", log.changes);
        // Inside a sentence, or one line alone, or clauses of plain
        // words, they stay text.
        for text in [
            "the results are given\nin Table 2;\nin Figure 3;\nand the appendix.",
            "The results are final.\nsee Table 2;\nThen it ends.",
            "The results are final.\nsome red apples;\nsome green pears;\nThen it ends.",
        ] {
            let (lines, log) = classify(text);
            assert!(!kinds(&lines).contains('c'), "{text}: {:?}", log.changes);
        }
    }

    #[test]
    fn a_code_line_before_the_next_list_item_is_code() {
        // The next item's marker ends the paragraph: the line is what the
        // item above ends with, set on a line of its own.
        let text = "1. Cargo spawns the process.\n\
                    2. The process sends the message\n\
                    { \"v\": [1] }\n\
                    3. Cargo sends the request to the process.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcp", "{:?}", log.changes);
        // Before a line that goes on with the sentence it declines.
        let text = "1. Cargo spawns the process.\n\
                    2. The process sends the message\n\
                    { \"v\": [1] }\n\
                    to Cargo, then waits for the request.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pppp");
        assert!(
            log.changes
                .iter()
                .any(|c| c.declined && c.rule == "code-region")
        );
    }

    #[test]
    fn the_output_of_a_console_session_is_code_up_to_the_next_sentence() {
        // No blank lines (pypdf): the records and the diagnostic after the
        // prompt are output, the paragraph after them is text.
        let text = "After waiting several minutes, it went on.\n\
                    $ cargo +1.64.0 check\n\
                    Updating crates.io index\n\
                    Downloaded clap v4.4.8\n\
                    Downloaded anstyle-parse v0.2.2\n\
                    Downloaded anstyle v1.0.4\n\
                    Downloaded anstream v0.6.4\n\
                    Downloaded 6 crates (289.3 KB) in 0.35s\n\
                    error: package `clap_builder v4.4.8` cannot be built because\n\
                    it requires rustc 1.70.0 or newer, while the currently ac\n\
                    tive rustc version is 1.64.0\n\
                    Thankfully, crates.io now shows supported Rust versions, so\n\
                    I pick v4.3.24.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pccccccccccpp", "{:?}", log.changes);
        assert!(
            log.changes
                .iter()
                .any(|c| !c.declined && c.after.contains("session-output")),
            "{:?}",
            log.changes
        );
        assert!(
            log.changes.iter().any(|c| c.declined
                && c.rule == "session-output"
                && c.after.contains("Thankfully")),
            "{:?}",
            log.changes
        );
    }

    #[test]
    fn text_after_a_prompt_stays_text() {
        // A paragraph straight after the command, without a blank line.
        let text = "You can check this with:\n\
                    $ cargo publish --dry-run\n\
                    You can inspect the generated .crate file in the target/package directory. crates.io\n\
                    currently has a 10MB size limit on the .crate file.";
        assert_eq!(kinds(&classify(text).0), "pcpp");
        // A short sentence between two sessions, after a blank line: the
        // output's shape ended the first session, and no fragment joins it
        // to the next one.
        let text = "$ cargo +1.64.0 check\n\
                    error: package `clap_lex v0.5.1` cannot be built because it\n\
                    rustc version is 1.64.0\n\
                    \n\
                    Again, consulting crates.io\n\
                    \n\
                    $ cargo update -p clap_lex --precise 0.5.0";
        assert_eq!(kinds(&classify(text).0), "ccc".to_string() + "ppp" + "c");
    }

    #[test]
    fn an_aligned_table_becomes_a_table_block() {
        let text = "The sizes are these:\n\
                    \n\
                    Name      Kind      Size\n\
                    alpha     file      12\n\
                    beta      dir       4\n\
                    \n\
                    That is all.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pptttpp");
        assert!(log.changes.iter().any(|c| c.rule == "aligned-columns"));
        let doc = into_document(&lines);
        let Block::Table { table, .. } = &doc.blocks[1] else {
            panic!("{:?}", doc.blocks);
        };
        assert_eq!(
            table.plain_text(),
            "Name\tKind\tSize\nalpha\tfile\t12\nbeta\tdir\t4"
        );
    }

    #[test]
    fn two_columns_side_by_side_are_read_one_after_the_other() {
        let text = "The left column starts here and     The right column runs beside it\n\
                    it goes on with more words that     with words of its own that a\n\
                    make a sentence of some length.     reader reads after the left one.";
        let (lines, log) = classify(text);
        let texts: Vec<&str> = lines.iter().map(|l| l.trimmed()).collect();
        assert_eq!(
            texts,
            [
                "The left column starts here and",
                "it goes on with more words that",
                "make a sentence of some length.",
                "The right column runs beside it",
                "with words of its own that a",
                "reader reads after the left one.",
            ]
        );
        assert!(log.changes.iter().any(|c| c.rule == "two-columns"));
    }

    #[test]
    fn a_listing_spaced_line_by_line_is_one_block_without_the_blanks() {
        let text = "The default settings for the dev profile are:\n\n[profile.dev]\n\nopt-level = 0\n\n\
                    debug = true\n\nsplit-debuginfo = '...'  # Platform-specific.\n\nstrip = \"none\"\n\n\
                    The next paragraph says something else about profiles.\n";
        let (lines, log) = classify(text);
        let code: Vec<&str> = lines
            .iter()
            .filter(|l| l.kind == LineKind::Code)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            code,
            [
                "[profile.dev]",
                "opt-level = 0",
                "debug = true",
                "split-debuginfo = '...'  # Platform-specific.",
                "strip = \"none\""
            ]
        );
        assert!(!lines[2..7].iter().any(Line::is_blank), "{lines:?}");
        assert!(
            log.changes
                .iter()
                .any(|e| e.rule == "spaced-listing" && !e.declined)
        );
    }

    #[test]
    fn blank_lines_of_a_document_that_also_sets_code_together_stay() {
        let text = "Intro text of the first paragraph:\n\nlet a = 1;\n\nlet b = 2;\n\nlet c = 3;\n\nlet d = 4;\n\n\
                    Then a listing without blanks:\n\nfn f() {\n    g(1);\n    h(2);\n}\nfn g() {\n    x();\n}\n";
        let (lines, _) = classify(text);
        let b = lines.iter().position(|l| l.text == "let b = 2;").unwrap();
        assert!(lines[b - 1].is_blank() && lines[b + 1].is_blank());
    }

    #[test]
    fn a_numbered_heading_between_two_listings_ends_the_first() {
        let text = "let f1_ptr = unsafe { &raw mut (*uninit.as_mut_ptr()).field };\n\
                    let init = unsafe { uninit.assume_init() };\n\n3\n\nThe dereference operator\n\n\
                    DereferenceExpression -> `*` Expression\n";
        let (lines, _) = classify(text);
        let kind = |t: &str| lines.iter().find(|l| l.text == t).unwrap().kind;
        assert_eq!(kind("3"), LineKind::Prose);
        assert_eq!(kind("The dereference operator"), LineKind::Prose);
        assert_eq!(
            kind("let init = unsafe { uninit.assume_init() };"),
            LineKind::Code
        );
        // A short fragment that is no heading is still bridged.
        let text = "fn a() {\n}\n\nvalue\n\nfn b() {\n}\n";
        let (lines, _) = classify(text);
        assert!(
            lines
                .iter()
                .filter(|l| !l.is_blank())
                .all(|l| l.kind == LineKind::Code)
        );
    }

    #[test]
    fn comment_lines_after_a_listing_join_it() {
        let text = "Change them like this:
                    [profile.dev]
                    opt-level = 1
                    optimizations.
                    overflow-checks = false
                    checks.
                    
                    # Use slightly better
                    # Disable integer overflow
                    
                    Cargo only looks at the profile settings in the manifest.";
        let (lines, _) = classify(text);
        assert_eq!(kinds(&lines), "pccccccccpp");
    }

    #[test]
    fn a_tab_separated_table_is_read_again_even_where_its_cells_read_as_code() {
        // How the text edition writes a table whose header has an empty
        // first cell, with escapes for keys: a second reading must find the
        // same table, not a listing.
        let text = "Escapes:\n\
                    \n\
                    \tName\n\
                    \\x41\t7-bit character code\n\
                    \\n\tNewline\n\
                    \\t\tTab\n\
                    \n\
                    \tName\n\
                    \\u{7FFF}\t24-bit Unicode character code\n";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppttttptt");
        // What a code reading of the cells found is logged as declined, not
        // as a listing the text does not show.
        let code: Vec<_> = log
            .changes
            .iter()
            .filter(|c| c.rule == "code-region")
            .collect();
        assert!(!code.is_empty(), "{:?}", log.changes);
        assert!(
            code.iter()
                .all(|c| c.declined && c.after.contains("inside a table")),
            "{code:?}"
        );
        assert_eq!(lines[2].text, "\tName");
        assert_eq!(lines[8].text, "\\u{7FFF}\t24-bit Unicode character code");
    }

    #[test]
    fn a_region_whose_code_shaped_line_a_table_takes_is_no_listing() {
        // "<infor-" has a code symbol only; the line dense with symbols
        // after it is a row of a tab-separated table. Without that row the
        // region has no evidence of its own: it is text, as a second
        // reading (where the table stands apart) reads it.
        let (lines, log) = classify("<infor-\nA&\t–\nword\tword");
        assert_eq!(kinds(&lines), "ptt");
        assert!(
            log.changes
                .iter()
                .any(|c| c.rule == "code-region" && c.declined),
            "{:?}",
            log.changes
        );
        // A line with a code shape of its own stays a listing.
        let (lines, _) = classify("let x = 1;\n<infor-\nA&\t–\nword\tword");
        assert_eq!(kinds(&lines), "cctt");
    }

    #[test]
    fn code_aligned_with_tabs_stays_code() {
        // Rows of unequal length: a listing aligned with tabs, not a table.
        let text = "int\tcount;\t/* items */\n\
                    char\t*name;\n\
                    \tlong\tsize;\t/* bytes */\n\
                    double\tratio;\n";
        let (lines, _) = classify(text);
        assert_eq!(kinds(&lines), "cccc");
    }
}
