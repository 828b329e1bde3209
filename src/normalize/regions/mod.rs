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
//! symbol density; or the shape of a sentence); the lines of a call whose
//! brackets close on a later line get the signal of the call joined on one
//! line, as the repaired text writes it. A line with a strong signal
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
//! Some lines carry no code shape strong enough on their own, yet the
//! layout shows that the author set them apart (a colon introduces them,
//! they are indented deeper than the text, a sentence goes on after a line
//! that ended short): `set_apart.rs` holds those rules.
//!
//! Lines in columns that no table reading cuts into cells (centred
//! columns, cells that run into each other) are kept as they were set
//! where they hold short pieces apart by wide gaps (`laid_out.rs`): joined
//! as prose, their rows would become sentences no row wrote.
//!
//! Some extractors set a blank line after every line of a listing
//! (`spaced.rs`): where the document shows that habit, those blank lines do
//! not cut a region, and they are dropped from the listings found.

mod code;
mod indent;
mod laid_out;
mod many_columns;
mod session;
mod set_apart;
mod spaced;
mod table;
mod wrap;

use std::cell::{OnceCell, RefCell};

use rustc_hash::FxHashMap as HashMap;

use code::Signal;
use set_apart::{
    display_in_sentence, ends_sentence_or_lead_in, indented_display, lead_in_listing,
    lines_between_sentences, statement_run,
};
use table::Found;

use super::lines::{Line, LineKind, page_break_between};
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

/// Fewest lines of a listing that no strong signal marks, but a weak one
/// marks every line of, of two kinds at least (`# comment` lines and
/// `key = value` lines: a script in a language that no strong rule knows,
/// such as gri's). Paragraphs of prose have lines without any signal; a
/// run of comments alone, or of formulas alone, is one kind.
const MIN_SIGNALLED_LINES: usize = 6;

/// Most lines a block comment's body is looked for over: a function's
/// documentation may run over a page.
const MAX_BLOCK_COMMENT_LINES: usize = 200;

/// The body of a block comment written with a star on each line, between
/// a line that opens it (`/*`) and one that closes it (`*/`): `* Ideas
/// by:` there is the comment's, not a list item, though no line of it is
/// code by itself. In a listing that numbers its lines (`145 /**`,
/// `146  * Use this function`), the numbers go before the stars.
fn mark_block_comments(lines: &[Line], signals: &mut [Signal]) {
    let mut i = 0;
    while i < lines.len() {
        let opening = lines[i].trimmed();
        let numbered = code::after_line_number(opening).is_some_and(|t| t.starts_with("/*"));
        let text = |k: usize| {
            let t = lines[k].trimmed();
            if numbered {
                code::after_line_number(t).unwrap_or(t)
            } else {
                t
            }
        };
        let t = text(i);
        if !t.starts_with("/*") || t[2..].contains("*/") {
            i += 1;
            continue;
        }
        let body_end = (i + 1..lines.len().min(i + MAX_BLOCK_COMMENT_LINES))
            .find(|&k| !text(k).starts_with('*') || text(k).starts_with("*/"));
        match body_end {
            Some(end) if end > i + 1 && text(end).starts_with("*/") => {
                for signal in &mut signals[i + 1..end] {
                    *signal = Signal::Strong("comment");
                }
                i = end + 1;
            }
            _ => i += 1,
        }
    }
}

/// Lines a call runs over before its brackets close
/// ("target_compile_definitions(tgt PRIVATE" / "$<...:OLD_COMPILER>" / ")"):
/// line by line an open bracket and a lone closing one carry no code signal
/// of their own, but the repaired text writes a paragraph on one line,
/// where a second reading finds the call. Where the lines of such a group
/// (no blank line inside), joined, have a strong signal, each of them gets
/// it.
fn mark_calls_across_lines(lines: &[Line], signals: &mut [Signal]) {
    let mut k = 0;
    while k < lines.len() {
        let mut depth = net_brackets(&lines[k].text);
        let mut m = k;
        while depth > 0 && m + 1 < lines.len() && !lines[m + 1].is_blank() && m - k < MAX_CALL_LINES
        {
            m += 1;
            depth += net_brackets(&lines[m].text);
        }
        if m > k && depth == 0 {
            let joined: Vec<&str> = lines[k..=m].iter().map(Line::trimmed).collect();
            if let Signal::Strong(kind) = code::signal(&joined.join(" ")) {
                for signal in &mut signals[k..=m] {
                    if !matches!(signal, Signal::Strong(_)) {
                        *signal = Signal::Strong(kind);
                    }
                }
                k = m + 1;
                continue;
            }
        }
        k += 1;
    }
}

/// Python's prompt `>>> ` before its continuation `... ` on the next line
/// opens a statement of a session (`>>> with open(f) as g:` /
/// `...     for row in g:`), whatever the words after the prompt: a
/// quoted e-mail's `>>> ` is not followed by `... `. A `...` alone after
/// them ends the statement, and is the listing's too.
fn mark_python_statements(lines: &[Line], signals: &mut [Signal]) {
    let prompted = |t: &str| t.starts_with(">>> ") || t.starts_with("... ");
    for k in 0..lines.len().saturating_sub(1) {
        let (this, next) = (lines[k].trimmed(), lines[k + 1].trimmed());
        if this.starts_with(">>> ") && (next == "..." || next.starts_with("... ")) {
            signals[k] = Signal::Strong("interpreter-prompt");
        }
        if next == "..." && prompted(this) && signals[k + 1] == Signal::Neutral {
            signals[k + 1] = Signal::Weak("interpreter-prompt");
        }
    }
}

/// A man page's entry opens with the names of its option on a line of
/// their own (rsync's "--remote-option=OPTION, -M", curl's "-f, --fail"),
/// and its description follows: where prose follows such a line at once,
/// the line is the term of that description, not the last line of the
/// example above it (which pdftotext sets with no blank line between).
/// Not after a line a shell continues with a backslash.
fn mark_option_entries(lines: &[Line], signals: &mut [Signal]) {
    for k in 0..lines.len().saturating_sub(1) {
        let continued = k > 0 && lines[k - 1].text.trim_end().ends_with('\\');
        if signals[k + 1] == Signal::Prose && !continued && option_entry(lines[k].trimmed()) {
            signals[k] = Signal::Prose;
        }
    }
}

/// Two or more names of one option, apart by commas, each perhaps with
/// its value's placeholder: "-f, --fail", "--remote-option=OPTION, -M",
/// "-o, --output <file>".
fn option_entry(t: &str) -> bool {
    let names: Vec<&str> = t.split(',').map(str::trim).collect();
    names.len() >= 2
        && names.iter().all(|name| {
            let mut words = name.split_whitespace();
            let option = words
                .next()
                .is_some_and(crate::normalize::spacing::is_option);
            let placeholder = words.next().is_none_or(|w| {
                w.starts_with('<') && w.ends_with('>')
                    || w.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            });
            option && placeholder && words.next().is_none()
        })
}

/// Lines a call may run over before its brackets close.
const MAX_CALL_LINES: usize = 8;

/// Brackets a line opens less those it closes, quoted or not: a quoted
/// argument may run over lines (CMake's `message("\` / `...\` / `")`), so
/// unlike `wrap::bracket_depth` a line's quotes are not read as strings
/// that end on it.
fn net_brackets(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '(' | '[' | '{' => 1,
            ')' | ']' | '}' => -1,
            _ => 0,
        })
        .sum()
}

pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    separate_columns(lines, log);
    let mut signals: Vec<Signal> = lines.iter().map(|l| code::signal(&l.text)).collect();
    mark_block_comments(lines, &mut signals);
    mark_calls_across_lines(lines, &mut signals);
    mark_option_entries(lines, &mut signals);
    mark_python_statements(lines, &mut signals);
    let mut in_code = vec![false; lines.len()];
    // Tables whose own marks outweigh any code reading of their cells: a
    // segmented rule, rows with tabs as the text edition writes them, or
    // a header of words over aligned rows.
    let mut table_spans = table::segmented_spans(lines);
    table_spans.extend(table::tabbed_spans(lines));
    table_spans.extend(table::headed_spans(lines));
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
    many_columns::keep_indented_runs(lines, log);
    tables(lines, log);
    many_columns::keep_pages(lines, log);
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

/// For passes that run before this one and must not take a table's row
/// for furniture.
pub use table::{is_number, rows_of_one_table};
pub use wrap::bracket_depth;

/// Whether a line reads as code on its own (a strong signal: braces, a
/// statement end, an assignment, a comment, a prompt). For passes that run
/// before this one and must not take a line of code for furniture.
pub fn is_code_line(text: &str) -> bool {
    matches!(code::signal(text), Signal::Strong(_))
}

/// Whether a line has any signal of code at all, a strong one or a weak
/// one (a code symbol, a command's flag): a line a listing may hold.
pub fn has_code_signal(text: &str) -> bool {
    matches!(code::signal(text), Signal::Strong(_) | Signal::Weak(_))
}

/// Labels tables among the lines that are not code: each table line's text
/// becomes its cells joined by tabs (see `table`), and its kind `Table`.
/// Lines in columns that no table reading cuts into cells are kept as set
/// where they are short pieces apart by wide gaps (see `laid_out`).
fn tables(lines: &mut [Line], log: &mut RepairLog) {
    rebuild_column_tables(lines, log);
    let taken: Vec<bool> = lines.iter().map(|l| !l.kind.is_prose()).collect();
    // Decided after every table is set: a declined run may hold tables.
    let mut unread_columns = Vec::new();
    for found in table::find(lines, &taken) {
        match found {
            Found::Table { .. } => set_table(lines, found, log),
            Found::Declined { start, end, why } => {
                let span = lines[start].span().join(lines[end].span());
                log.decline(
                    NAME,
                    "aligned-columns",
                    span,
                    format!("{} ({why})", lines[start].trimmed()),
                );
                if why == table::NO_COMMON_COLUMN || why == table::NO_BLANK_COLUMN {
                    // Cells wrapped onto lines of their own, at a cell's
                    // column, may stand between two declined runs of one
                    // table (PostgreSQL's "user-specified" / "precision,
                    // exact" under their type's row): one stretch.
                    match unread_columns.last_mut() {
                        Some((first, last))
                            if wrapped_cells_between(lines, *first, *last, start) =>
                        {
                            *last = end;
                        }
                        _ => unread_columns.push((start, end)),
                    }
                }
            }
            Found::TwoColumns { .. } => {}
        }
    }
    // What is left of a declined run, read alone as a second reading of
    // the repaired text reads it (set apart between blank lines), may hold
    // tables; where it holds none, it may be kept as set.
    for (start, end) in unread_columns {
        for (first, last) in laid_out::stretches(lines, start, end) {
            let (first, last) = laid_out::rows(lines, first, last);
            let alone = table::tables_alone(lines, first, last);
            if alone.is_empty() {
                laid_out::keep_stretch(lines, first, last, log);
            }
            for found in alone {
                set_table(lines, found, log);
            }
        }
    }
}

/// Whether the lines between a declined run (`first..=last`) and the next
/// one (from `next`) are all a cell's text indented past the run's first
/// line, as a table sets a cell's wrapped lines, and no reading took them.
fn wrapped_cells_between(lines: &[Line], first: usize, last: usize, next: usize) -> bool {
    // Runs that touch were read apart for reasons of their own.
    let Some(between) = lines.get(last + 1..next).filter(|b| !b.is_empty()) else {
        return false;
    };
    between.len() <= MAX_WRAPPED_CELL_LINES
        && between
            .iter()
            .all(|l| !l.is_blank() && l.kind.is_prose() && l.indent() > lines[first].indent())
}

/// Lines of wrapped cells that may stand between two runs of one table.
const MAX_WRAPPED_CELL_LINES: usize = 4;

/// Tables extracted column by column (see `table::columns`): the rows
/// take the first lines of the span, and the lines left over become blank,
/// so that the table stands alone.
fn rebuild_column_tables(lines: &mut [Line], log: &mut RepairLog) {
    let taken: Vec<bool> = lines.iter().map(|l| !l.kind.is_prose()).collect();
    for table in table::columns::find(lines, &taken) {
        let span = lines[table.start].span().join(lines[table.end].span());
        let rows = table.rows.len();
        let columns = table.rows.first().map_or(0, Vec::len);
        log.record(
            NAME,
            "column-by-column",
            span,
            lines[table.start].trimmed(),
            format!(
                "table: {rows} rows, {columns} columns, rebuilt from columns extracted one after another"
            ),
        );
        for (line, row) in lines[table.start..].iter_mut().zip(&table.rows) {
            line.text = row.join("\t");
            line.kind = LineKind::Table;
        }
        for line in &mut lines[table.start + rows..=table.end] {
            line.text.clear();
            line.kind = LineKind::Prose;
        }
    }
}

/// Sets the lines of a table found as its rows, and logs it.
fn set_table(lines: &mut [Line], found: Found, log: &mut RepairLog) {
    let Found::Table {
        start,
        end,
        texts,
        rows,
        columns,
        rule,
    } = found
    else {
        return;
    };
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

/// Two columns of text printed side by side (`pdftotext -layout` of a
/// two-column page): each line holds a piece of the left column and a piece
/// of the right one. The lines are cut at the gutter and the left column
/// is put before the right one, so that no later pass joins words across
/// the columns. A line of code is never taken for a column.
fn separate_columns(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let taken: Vec<bool> = lines.iter().map(|l| is_code_line(&l.text)).collect();
    let mut found = Vec::new();
    // The lines of tables of three columns or more: a text in two columns
    // may look like a table of two.
    let mut table_at: Vec<Option<(usize, usize)>> = vec![None; lines.len()];
    for f in table::find(lines, &taken) {
        match f {
            Found::TwoColumns { start, end, gutter } => {
                let before = found.last().map(|&(_, end, _)| end);
                for (s, e) in on_one_page(lines, start, end, before) {
                    match found.last_mut() {
                        Some(last) if continues_run(lines, &table_at, *last, s, gutter) => {
                            last.1 = e;
                        }
                        _ => found.push((s, e, gutter)),
                    }
                }
            }
            Found::Table {
                start,
                end,
                columns,
                ..
            } if columns >= 3 => table_at[start..=end].fill(Some((start, end))),
            _ => {}
        }
    }
    // From the end, so that the indices before each region stay valid.
    // The lines from `separated` on are already cut (and more than they
    // were): a region before them extends to them at most.
    let mut separated = lines.len();
    for &(start, end, gutter) in found.iter().rev() {
        if end >= separated {
            continue;
        }
        // A table as wide as the page (rows with cells on both sides of the
        // gutter, three at least, more than lines with a sentence) keeps
        // its rows whole: the columns end where it starts. A table in one
        // column, with the other column's text beside it, is cut with the
        // columns.
        let wide: RefCell<HashMap<usize, bool>> = RefCell::default();
        let stop = |k: usize| {
            taken[k]
                || table_at[k].is_some_and(|(s, e)| {
                    *wide
                        .borrow_mut()
                        .entry(s)
                        .or_insert_with(|| spans_the_gutter(&lines[s..=e], gutter))
                })
        };
        let (start, end) = column_extent(&lines[..separated], stop, start, end, gutter);
        separated = start;
        let texts = lines[start..=end].iter().filter(|l| !l.is_blank());
        if many_columns::in_many_columns(texts.map(|l| l.text.as_str())) {
            log.decline(
                NAME,
                "two-columns",
                lines[start].span().join(lines[end].span()),
                format!(
                    "{} (three columns or more: kept as set if no other reading takes them)",
                    lines[start].trimmed()
                ),
            );
            continue;
        }
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for line in &lines[start..=end] {
            let (l, r) = split_at_column(&line.text, gutter);
            let (l, r) = (l.trim_end().to_string(), r.trim_end().to_string());
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

/// Whether a run of columns from line `start` with `gutter` goes on the
/// run `before` (its start, end and gutter): on the same page, the same
/// gutter, and nothing between them that crosses it (a blank line, a
/// heading in the left column; not a table or a caption as wide as the
/// page). The page's left column is then read whole before its right one.
fn continues_run(
    lines: &[Line],
    table_at: &[Option<(usize, usize)>],
    before: (usize, usize, usize),
    start: usize,
    gutter: usize,
) -> bool {
    let (_, end, before_gutter) = before;
    before_gutter == gutter
        && end < start
        && !page_break_between(lines, end, start)
        && table_at[end + 1..start].iter().all(Option::is_none)
        && lines[end + 1..start]
            .iter()
            .all(|l| clear_of_gutter(l, gutter))
}

/// Whether line `l` leaves the two columns before `gutter` blank (or ends
/// before it): no text of it crosses into the other column.
fn clear_of_gutter(l: &Line, gutter: usize) -> bool {
    let chars: Vec<char> = l.text.chars().collect();
    chars.len() <= gutter
        || chars[gutter.saturating_sub(2)..gutter]
            .iter()
            .all(|c| c.is_whitespace())
}

/// The pieces of the two-column region `start..=end` on each of its pages:
/// each page sets its own columns, and a page's foot read with the next
/// page's columns would run the one page's text into the other's. A piece
/// on the page where the region before ends (on line `before`) is left to
/// that region, which extends over it with its own gutter.
fn on_one_page(
    lines: &[Line],
    start: usize,
    end: usize,
    before: Option<usize>,
) -> Vec<(usize, usize)> {
    let breaks = (start + 1..=end).filter(|&k| lines[k].page_break);
    let firsts: Vec<usize> = std::iter::once(start).chain(breaks).collect();
    let mut pieces: Vec<(usize, usize)> = firsts
        .iter()
        .enumerate()
        .map(|(i, &s)| (s, firsts.get(i + 1).map_or(end, |&next| next - 1)))
        .collect();
    let same_page_as_before =
        before.is_some_and(|before| before < start && !page_break_between(lines, before, start));
    if pieces.len() > 1 && same_page_as_before {
        pieces.remove(0);
    }
    pieces
}

/// `text` cut before its character `column` (all of it left when shorter).
/// Where that falls inside a word, the cut moves to the nearest word start
/// within [`GUTTER_DRIFT`] characters: a line's columns drift when a
/// character the extractor printed is gone ("(\u{f}Cu2O", a glyph of no
/// known letter) or one became two (a ligature spelled out), and a cut in
/// the word would split it ("in" / "g to the vector").
fn split_at_column(text: &str, column: usize) -> (&str, &str) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let starts_word = |k: usize| {
        k > 0 && k < chars.len() && chars[k - 1].1.is_whitespace() && !chars[k].1.is_whitespace()
    };
    let inside_word = column > 0
        && column < chars.len()
        && !chars[column - 1].1.is_whitespace()
        && !chars[column].1.is_whitespace();
    let cut = if inside_word {
        (1..=GUTTER_DRIFT)
            .flat_map(|d| [column.checked_sub(d), Some(column + d)])
            .flatten()
            .find(|&k| starts_word(k))
            .unwrap_or(column)
    } else {
        column
    };
    text.split_at(at(cut))
}

/// How far, in characters, a line's gutter may drift from the column's.
const GUTTER_DRIFT: usize = 3;

/// Words of letters on one side of the gutter of a line that make a
/// sentence, not a row's cells ("FIG. 1. A figure caption" beside a table
/// in the other column; "lst alternative" and "(4e)a" are cells).
const SENTENCE_WORDS: usize = 4;

/// Whether a table's lines are rows across `gutter`: cells on both sides
/// and no sentence on either (as many words of two letters or more as
/// [`SENTENCE_WORDS`]), in three lines at least and more than the lines
/// with a sentence beside the table.
fn spans_the_gutter(table: &[Line], gutter: usize) -> bool {
    let words = |side: &str| {
        side.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
            .count()
    };
    let (mut rows, mut sentences) = (0, 0);
    for line in table {
        let (left, right) = split_at_column(&line.text, gutter);
        if words(left) >= SENTENCE_WORDS || words(right) >= SENTENCE_WORDS {
            sentences += 1;
        } else if !left.trim().is_empty() && !right.trim().is_empty() {
            rows += 1;
        }
    }
    rows >= 3 && rows > sentences
}

/// The lines around a two-column run that belong to it: blank lines and
/// lines with no text across the gutter, within the page; the region ends
/// at the last line with text in the right-hand column (a line of the left
/// one alone may be a full-width line after the columns).
fn column_extent(
    lines: &[Line],
    stop: impl Fn(usize) -> bool,
    start: usize,
    end: usize,
    gutter: usize,
) -> (usize, usize) {
    let fits = |l: &Line| clear_of_gutter(l, gutter);
    let right = |l: &Line| l.text.chars().skip(gutter).any(|c| !c.is_whitespace());
    let mut last = end;
    let mut k = end + 1;
    while k < lines.len() && !lines[k].page_break && !stop(k) && fits(&lines[k]) {
        if right(&lines[k]) {
            last = k;
        }
        k += 1;
    }
    let mut first = start;
    let mut k = start;
    while k > 0 && !lines[k].page_break && !stop(k - 1) && fits(&lines[k - 1]) {
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
/// 3. Candidates (and units of weak lines only) that
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
            // item ends with, set on a line of its own; unless it is words
            // going on in lower case ("... after the column" / "labelled
            // Description;" / "• Show ..."), the end of the item's sentence.
            if start == end
                && start > a
                && end < b
                && prose(start - 1)
                && prose(end + 1)
                && (list_marker(lines[end + 1].trimmed()).is_none()
                    || words_going_on(lines[start].trimmed()))
                && !ends_sentence_or_lead_in(&lines[start - 1].text)
                && !ends_in_example_lead_in(&lines[start - 1].text)
                && !(numbered_heading_line(lines[start - 1].trimmed())
                    && lines[end + 1].trimmed().starts_with(char::is_uppercase))
                && !*joined_is_code.get_or_insert_with(|| unit_reads_as_code(lines, a, b))
                && !complete_statement(lines[start].trimmed(), signals[start])
            {
                c.declined = Some("one line inside a paragraph");
            }
            pieces.push(c);
            i = end + 1;
        }
    }
    // Merge across blank lines and short fragments (see `bridgeable`).
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
        let every_line_signalled =
            c.weak == c.lines && c.lines >= MIN_SIGNALLED_LINES && c.rules.len() >= 2;
        if c.declined.is_none() && c.strong == 0 && !c.set_apart && !every_line_signalled {
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

/// A line that ends by announcing an example ("... the normal size:
/// e.g.," / `defaultscale := 12pt/fontsize defaultfont;`, "... of a
/// single slide, as in" / `\begin{slide*}[7.5in,6in]`): the line of code
/// after it is the example, set apart, though the sentence goes on after
/// it.
fn ends_in_example_lead_in(text: &str) -> bool {
    let t = text.trim_end();
    ["e.g.,", "i.e.,", "example,", "instance,", "as in"]
        .iter()
        .any(|lead| {
            t.len().checked_sub(lead.len()).is_some_and(|at| {
                t.get(at..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(lead))
                    && t[..at].chars().next_back().is_none_or(char::is_whitespace)
            })
        })
}

/// Words and nothing else, the first in lower case, perhaps with the
/// mark that ends an item of a list after them ("labelled Description;").
fn words_going_on(t: &str) -> bool {
    let body = t.trim_end_matches([';', ',', '.']);
    body.starts_with(|c: char| c.is_lowercase())
        && body.chars().all(|c| c.is_alphabetic() || c == ' ')
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
/// and neutral fragments of at most [`MAX_NEUTRAL_WORDS`] words in all,
/// at least one of either. Fragments alone bridge too: the repaired text
/// sets each piece and the fragment between them apart by blank lines, and
/// a second reading must find the region that the first one did (a
/// formula's `K−1` / `X` / `M (x) = ...`).
fn bridgeable(lines: &[Line], signals: &[Signal], end: usize, start: usize) -> bool {
    let between = &lines[end + 1..start];
    if between.is_empty() || numbered_heading_between(between) {
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

/// A declaration ended by a semicolon (`void foo(Bar *OUTPUT);`): a
/// statement whole on its line, which a sentence introduces ("Writing a
/// function like this" / ... / "may not have the intended effect") but no
/// sentence wraps onto a line of its own. (A call is named inside
/// sentences: "is an alias for" / `mklist_typ(t_LIST_RAW);` / "and ...".)
fn complete_statement(line: &str, signal: Signal) -> bool {
    matches!(signal, Signal::Strong("declaration")) && line.ends_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;
    use crate::normalize::lines::{into_document, split};

    pub(super) fn classify(text: &str) -> (Vec<Line>, RepairLog) {
        let mut lines = split(text);
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        (lines, log)
    }

    /// PostgreSQL's table of numeric types by `pdftotext -layout`: rows
    /// whose cells wrap, some rows with one gap only, so that the table
    /// reader declines it in runs with wrapped cells between. The whole
    /// table is kept as set, not its middle joined into a paragraph.
    #[test]
    fn a_tables_runs_with_wrapped_cells_between_are_kept_as_one() {
        let rows = [
            "   smallint          2 bytes          small-range integer             -32768 to +32767",
            "                                      typical choice for",
            "   integer           4 bytes                                          -2147483648 to +2147483647",
            "                                      integer",
            "                                                                      -9223372036854775808 to",
            "   bigint            8 bytes          large-range integer",
            "                                                                      +9223372036854775807",
            "                                                                      up to 131072 digits before the decimal",
            "                                      user-specified",
            "   decimal           variable                                         point; up to 16383 digits after the decimal",
            "                                      precision, exact",
            "                                                                      point",
            "                                                                      up to 131072 digits before the decimal",
            "                                      user-specified",
            "   numeric           variable                                         point; up to 16383 digits after the decimal",
            "                                      precision, exact",
            "                                                                      point",
            "                                      variable-precision,",
            "   real              4 bytes                                          6 decimal digits precision",
            "                                      inexact",
            "   double                             variable-precision,",
            "   precision         8 bytes                                          15 decimal digits precision",
            "                                      inexact",
            "                                      small",
            "   smallserial       2 bytes          autoincrementing                1 to 32767",
            "                                      integer",
            "                                      autoincrementing",
            "   serial            4 bytes                                          1 to 2147483647",
            "                                      integer",
            "                                      large",
            "   bigserial         8 bytes          autoincrementing                1 to 9223372036854775807",
            "                                      integer",
        ];
        let text = format!(
            "Table 8.2 lists the available types.\n\n{}\n\nThe syntax of constants.\n",
            rows.join("\n")
        );
        let (lines, log) = classify(&text);
        let kept = lines[2..2 + rows.len()]
            .iter()
            .filter(|l| !l.kind.is_prose())
            .count();
        assert_eq!(kept, rows.len(), "{:?}", log.changes);
    }

    /// A Python session whose statement opens with words (`with ... as
    /// csvfile:`) is one listing with the lines its prompts continue.
    #[test]
    fn a_python_statement_and_its_continuation_are_one_listing() {
        let text = "A short usage example:\n\n\
                    >>> with open('names.csv', newline='') as csvfile:\n\
                    ...     for row in reader:\n\
                    ...         print(row['first_name'], row['last_name'])\n\
                    ...\n\
                    Eric Idle\n\n\
                    Then the next paragraph of the page goes on in words as prose does.\n";
        let (lines, _) = classify(text);
        assert!(
            lines[2..6].iter().all(|l| l.kind == LineKind::Code),
            "{lines:?}"
        );
    }

    /// rsync's man page by pdftotext: an example's command, then at once
    /// the next entry's option names and their description. The names
    /// open the entry; the example is the command alone. After a line a
    /// shell continues, an option is the command's.
    #[test]
    fn an_options_names_before_its_description_end_a_listing() {
        let text = "For instance:\n\
                    rsync -avR --rsync-path=\"cd /a/b && rsync\" host:c/d /e/\n\
                    --remote-option=OPTION, -M\n\
                    This option is used for more advanced situations where you want effects.\n";
        let (lines, _) = classify(text);
        assert_eq!(lines[1].kind, LineKind::Code);
        assert_ne!(lines[2].kind, LineKind::Code);
        let continued = text.replace("/e/\n", "/e/ \\\n");
        let (lines, _) = classify(&continued);
        assert_eq!(lines[2].kind, LineKind::Code);
        assert!(option_entry("-o, --output <file>"));
        assert!(!option_entry("-o, --output the file"));
    }

    /// Read again, a page kept in three columns is an indented block
    /// without page breaks, and its rows may look like a table's: it is
    /// kept as set before any table reading, as it was the first time.
    #[test]
    fn an_indented_block_in_three_columns_is_kept_before_tables_are_read() {
        let row = |k: usize| {
            format!(
                "    {:<26}{:>4}      {:<26}{:>4}      {:<20}{:>4}",
                format!("{k}.1 General Structure"),
                k + 3,
                format!("{}.2 Greek Letters", k + 6),
                k + 12,
                format!("{}.3 Fischer", k + 20),
                k + 40,
            )
        };
        let rows: Vec<String> = (0..14).map(row).collect();
        let (lines, log) = classify(&format!("Contents\n\n{}\n\nText.", rows.join("\n")));
        assert!(lines[2..16].iter().all(|l| l.kind == LineKind::Code));
        assert_eq!(lines[2].text, row(0), "{:?}", log.changes);
    }

    /// Where the first line that starts with `prefix` stands after the
    /// repair (the order columns are read in).
    fn position(lines: &[Line], prefix: &str) -> Option<usize> {
        lines.iter().position(|l| l.trimmed().starts_with(prefix))
    }

    /// The lines' texts, for a failed assertion's message.
    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.trimmed()).collect()
    }

    /// The log's entries, taken and declined, of one rule.
    fn logged<'a>(log: &'a RepairLog, rule: &str) -> Vec<&'a crate::normalize::Change> {
        log.changes.iter().filter(|c| c.rule == rule).collect()
    }

    pub(super) fn kinds(lines: &[Line]) -> String {
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
    fn a_block_comments_starred_lines_are_code_not_items() {
        let text = "For instance, you could write this:\n\
                    \x20  /*\n\
                    \x20   * Ideas by:\n\
                    \x20   *   Richard Mlynarik <mly@adoc.xerox.com> (1997)\n\
                    \x20   */\n\
                    Ideas by: makes it clear that they contributed only ideas.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pccccp", "{:?}", log.changes);
        // Starred lines with no comment around them stay as they were.
        let text = "The list:\n* Ideas by: one\n* Code by: two\nThat is all.";
        assert!(!kinds(&classify(text).0).contains('c'));
    }

    /// A listing that numbers its lines puts the numbers before the
    /// stars; a function's documentation runs over more than a page.
    #[test]
    fn a_numbered_listings_block_comment_is_code() {
        let mut text = String::from("The header declares it:\n145   /**\n");
        for k in 146..206 {
            text.push_str(&format!(
                "{k}    * - \"w\": Create an empty file for writing, and the file is treated as new\n"
            ));
        }
        text.push_str("206    */\n207   extern DECLSPEC SDL_RWops *SDLCALL SDL_RWFromFile(const char *file);\n");
        let (lines, log) = classify(&text);
        assert!(
            lines[1..].iter().all(|l| l.kind == LineKind::Code),
            "{}\n{:?}",
            kinds(&lines),
            log.changes
        );
    }

    #[test]
    fn pieces_of_a_display_that_a_fragment_separates_are_one_region() {
        // A sum in a formula display: the bound above the sign, the sign
        // ("X", a neutral fragment), the formula and the bound below. The
        // repaired text sets the pieces apart by blank lines; both readings
        // must take one region, or the second re-indents the first's.
        let text = "group gk is concatenation of N W -bit long words:\n\
                    \x20                                  K\u{2212}1\n\
                    \x20                                  X\n\
                    \x20                       M (x) =            gk (x) \u{b7} x(K\u{2212}1\u{2212}k)N W ,\n\
                    \x20                                    k=0\n\
                    \n\
                    The words are then combined.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pccccpp", "{:?}", log.changes);
        let regions = logged(&log, "code-region");
        assert_eq!(regions.len(), 1, "{regions:?}");
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

    /// A line of code after "e.g.," is the example the sentence announces,
    /// set apart though the sentence goes on after it; after other words
    /// it stays in its paragraph.
    #[test]
    fn a_line_of_code_after_e_g_is_the_example() {
        let text = |lead: &str| {
            format!(
                "You can use the fontsize operator\nto find the normal size: {lead}\n\
                 defaultscale := 12pt/fontsize defaultfont;\n\
                 when you change defaultfont, the name should be one that\n\
                 TeX would understand since it reads the file.\n"
            )
        };
        assert_eq!(kinds(&classify(&text("e.g.,")).0), "ppcpp");
        assert_eq!(kinds(&classify(&text("For instance,")).0), "ppcpp");
        assert_eq!(kinds(&classify(&text("as in")).0), "ppcpp");
        assert_eq!(kinds(&classify(&text("with")).0), "ppppp");
        assert_eq!(kinds(&classify(&text("has in")).0), "ppppp");
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

    /// A declaration ended by a semicolon is a statement whole on its
    /// line: a sentence introduces it, no sentence wraps onto it.
    #[test]
    fn a_whole_declaration_inside_a_sentence_is_code() {
        let text = "Be aware that the primary purpose of the file is to support. Writing a function like this
                    void foo(Bar *OUTPUT);
                    may not have the intended effect since the file defines no rule for Bar.";
        let (lines, _) = classify(text);
        assert_eq!(kinds(&lines), "pcp");
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
        // Words in lower case before the next item end its sentence.
        let text = "• Show Account column: Checkbox to display the account.\n\
                    • Show Memo column: Checkbox to display the Memo after the column\n\
                    labelled Description;\n\
                    • Show matched information: Checkbox to display the match.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pppp", "{:?}", log.changes);
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
        let texts = texts(&lines);
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

    /// A page's last lines fit the next page's gutter as well as their own
    /// (elsarticle's sample, `pdftotext -layout`): they are cut with their
    /// own page's columns, so that the foot of the left column is read
    /// before the right one starts.
    #[test]
    fn columns_end_at_the_page_break() {
        let text = concat!(
            "  ?? The second title footnote which is a longer text matter to fill through the     strongly localized polariton-like quasi-particle. This quasi-\n",
            "whole text width and overflow into another line in the footnotes area of the first   particle is formed by the resonant interaction between the\n",
            "page.                                                                                WGM in PMS and QE in the adjacent layer of cuprous oxide.\n",
            "    ∗ Corresponding author\n",
            "                                                                                     The QE interacts with the gradient of the WGM evanescent\n",
            "      Email addresses: J.Migchielsen@elsevier.com (Jos Migchielsen),\n",
            "cvr@sayahna.org (CV Radhakrishnan)                                                   field.\n",
            "      URL: www.stmdocs.in (CV Rajagopal)\n",
            "    1 This is the first author footnote.\n",
            "    2 Another author footnote, this is a very long footnote and it should be a           4 WGM occur at particular resonant wavelengths of light for a given dielec-\n",
            "\n",
            "really long footnote. But this footnote is not yet sufficiently long enough to       tric sphere size. At these wavelengths, the light undergoes total internal reflec-\n",
            "make two lines of footnote text.                                                     tion at the sphere surface and becomes trapped within the particle for timescales\n",
            "    3 Yet another author footnote.                                                   of the order of ns.\n",
            "\n",
            "Preprint submitted to Elsevier                                                                                                                           June 8, 2018\n",
            "\u{c}   There are few experiments concerned with resonant interac-             by dielectric mismatch on the PMS surface. Therefore, we de-\n",
            "tion of the WGM and dipole allowed exciton (DE) [7, 8]. But               fine the evanescent polariton (EP) as an evanescent light - QE\n",
            "the DE has some disadvantages compared to QE when it comes                coherent superposition.\n",
            "to interaction with the WGM. First, the evanescent light has                 Below we compare the evanescent quadrupole polariton and\n",
            "small intensity. Therefore it is not effective for the dipole al-         conventional bulk quadrupole polariton in cuprous oxide. For\n",
            "lowed coupling. But it has a large gradient, so it can effectively        simplicity let us consider the incident polariton wave vector\n",
            "couple through a quadrupole part. Second, the DE has short life           running along the interface (z direction). The polarization of\n",
        );
        let (lines, _) = classify(text);
        let at = |t: &str| position(&lines, t);
        let foot = at("make two lines of footnote text.").unwrap();
        let texts = texts(&lines);
        assert_eq!(at("really long footnote."), Some(foot - 1), "{texts:#?}");
        assert!(
            foot < at("tion at the sphere surface").unwrap(),
            "{texts:#?}"
        );
    }

    #[test]
    fn a_cut_inside_a_word_moves_to_the_word_start() {
        // "(\u{f}Cu2O" lost its control character: the line's right column
        // starts two characters left of the gutter.
        assert_eq!(
            split_at_column("x = 4.6 Å        ing to the vector", 18),
            ("x = 4.6 Å        ", "ing to the vector")
        );
        assert_eq!(
            split_at_column("left words   right", 13),
            ("left words   ", "right")
        );
        // Past the drift, the cut stays where the gutter is.
        assert_eq!(split_at_column("abcdefghij", 5), ("abcde", "fghij"));
    }

    /// Two runs of columns on one page with the same gutter and a heading
    /// of the left column between them (ACM's sample, `pdftotext -layout`):
    /// the left column is read whole before the right one.
    #[test]
    fn runs_of_columns_on_one_page_make_one() {
        let text = concat!(
            "the acmconf template style.                                                  Grouping authors’ names or e-mail addresses, or providing an\n",
            "      • acmconf: The default proceedings template style.                 “e-mail alias,” as shown below, is not acceptable:\n",
            "      • sigchi: Used for SIGCHI conference articles.                        \\author{Brooke Aster, David Mehldau}\n",
            "      • sigplan: Used for SIGPLAN conference articles.                      \\email{dave,judy,steve@university.edu}\n",
            "                                                                            \\email{firstname.lastname@phillips.org}\n",
            "2.2     Template Parameters\n",
            "                                                                             The authornote and authornotemark commands allow a note\n",
            "In addition to specifying the template style to be used in formatting    to apply to multiple authors — for example, if the first two authors\n",
            "your work, there are a number of template parameters which modify        of an article contributed equally to the work.\n",
            "some part of the applied template style. A complete list of these            If your author list is lengthy, you must define a shortened version\n",
            "parameters can be found in the LATEX User’s Guide.                       of the list of authors to be used in the page headers, to prevent\n",
        );
        let (lines, _) = classify(text);
        let at = |t: &str| position(&lines, t).unwrap();
        assert!(
            at("parameters can be found") < at("Grouping authors"),
            "{:#?}",
            texts(&lines)
        );
    }

    /// Two runs of columns with a line of one column between them (REVTeX's
    /// sample paper, `pdftotext -layout`): the second run, cut first,
    /// grows by its cut lines, and the first must not read past its start.
    #[test]
    fn two_runs_of_columns_are_cut_one_after_the_other() {
        let text = concat!(
            "entries in the table share the same footnote. In this case,     should not appear. This is suppressed by using the star\n",
            "there is no choice but to manually create the footnotes us-     version of the appendix command (\\appendix* in the\n",
            "ing \\footnotemark[#1] and \\footnotetext[#1]{#2}.                place of \\appendix).\n",
            "the context of the hyperref package: the second argu-\n",
            "               ACKNOWLEDGMENTS                                  pendix. Note the numbering: we are now in Ap-\n",
            "  We wish to acknowledge the support of the author                Note the equation numbers in this appendix, produced\n",
            "community in using REVTEX, offering suggestions and             with the subequations environment:\n",
        );
        let (lines, _) = classify(text);
        let words = |t: &str| {
            let mut w: Vec<String> = t.split_whitespace().map(str::to_string).collect();
            w.sort();
            w
        };
        let out: String = lines.iter().map(|l| format!("{}\n", l.text)).collect();
        assert_eq!(words(&out), words(text));
    }

    /// A table as wide as the page between runs of two columns (REVTeX's
    /// sample paper, `pdftotext -layout`): its last rows have a gap where
    /// the columns below have their gutter, and stay whole rows.
    #[test]
    fn a_wide_table_above_two_columns_keeps_its_rows() {
        let text = concat!(
            "TABLE II. This is a wide table that spans the full page width in a two-column layout. It is formatted using the table*\n",
            "environment. It also demonstates the use of \\multicolumn in rows with entries that span more than one column.\n",
            "                                              1                                                                  5\n",
            "                                             D4h                                                                D4h\n",
            "Ion                  1st alternative                    2nd alternative                    lst alternative                2nd alternative\n",
            " K                     (2e) + (2f )                            (4i)                          (2c) + (2d)                       (4f )\n",
            "Mn                        (2g)a                       (a) + (b) + (c) + (d)                      (4e)                       (2a) + (2b)\n",
            " Cl               (a) + (b) + (c) + (d)                       (2g)a                             (4e)a\n",
            "He                        (8r)a                               (4j)a                             (4g)a\n",
            "Ag                                                            (4k)a                                                            (4h)a\n",
            "a The z parameter of these positions is z ∼ 1 .\n",
            "                                            4\n",
            "\n",
            "\n",
            "\n",
            "earlier in the document, as was done with Table II:                     Tables I, II, III, and IV show various effects. A table\n",
            "LATEX’s float placement algorithms need to know about                that fits in a single column employs the table environ-\n",
            "a full-page-width float earlier.                                     ment. Table II is a wide table, set with the table* en-\n",
            "   Fig. 2 has content that is too wide for a single column,          vironment. Long tables may need to break across pages.\n",
            "so the figure* environment has been used.                            The most straightforward way to accomplish this is to\n",
        );
        let (lines, log) = classify(text);
        let row = |first: &str| {
            lines
                .iter()
                .find(|l| l.text.starts_with(first))
                .map(|l| l.text.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        assert_eq!(
            row("Cl").as_deref(),
            Some("Cl (a) + (b) + (c) + (d) (2g)a (4e)a")
        );
        assert_eq!(row("He").as_deref(), Some("He (8r)a (4j)a (4g)a"));
        assert_eq!(row("Ag").as_deref(), Some("Ag (4k)a (4h)a"));
        // The prose below is still read one column after the other.
        assert!(logged(&log, "two-columns").iter().any(|c| !c.declined));
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
        let code = logged(&log, "code-region");
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
    fn a_header_of_words_keeps_rows_that_read_as_code_in_its_table() {
        // `pdftotext -layout` of a table of module paths: the rows hold
        // paths and statements, the header names the columns.
        let text = "It can have this filesystem structure:\n\
                    \n\
                    \x20      Module Path         Filesystem Path   File Contents\n\
                    \x20          crate                lib.rs         mod util;\n\
                    \x20        crate::util           util.rs       mod config;\n\
                    \x20    crate::util::config    util/config.rs\n\
                    \n\
                    That is all.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppttttpp", "{:?}", log.changes);
        assert_eq!(lines[4].text, "crate::util\tutil.rs\tmod config;");
        assert!(
            logged(&log, "code-region")
                .iter()
                .all(|c| c.declined && c.after.contains("inside a table")),
            "{:?}",
            log.changes
        );
    }

    #[test]
    fn a_headed_tab_separated_table_keeps_a_row_that_lost_its_empty_last_cell() {
        // The text edition trims the tab of an empty last cell; under a
        // header naming the columns the shorter row is still a row, and the
        // rows that read as code stay in the table.
        let text = "Module Path\tFilesystem Path\tFile Contents\n\
                    crate\tlib.rs\tmod util;\n\
                    crate::util\tutil.rs\tmod config;\n\
                    crate::util::config\tutil/config.rs\n";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "tttt", "{:?}", log.changes);
        assert_eq!(lines[3].text, "crate::util::config\tutil/config.rs");
    }

    #[test]
    fn a_row_with_only_its_first_cell_stays_in_its_tab_separated_table() {
        // How the text edition writes a header wrapped onto two lines and a
        // key wrapped under its row: the empty cells lose their tabs.
        let text = "Source\tinner's File Location\tinner's Module Path\n\
                    File\n\
                    src/a/b.rs\tsrc/a/b/inline/other.rs\tcrate::a::b::inline::inner\n\
                    src/a/\tsrc/a/inline/other.rs\tcrate::a::inline::inner\n\
                    mod.rs\n\
                    \n\
                    A paragraph.\n";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ttttppp", "{:?}", log.changes);
        assert_eq!(lines[1].text, "File\t\t");
        // One line of text after the last row is no row.
        assert_eq!(lines[4].text, "mod.rs");
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
