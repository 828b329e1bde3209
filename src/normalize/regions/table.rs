//! Tables in extracted text, found by the shape of their lines.
//!
//! Four kinds of evidence, each strong on its own:
//!
//! - pipe and grid tables (`| a | b |`, `+---+---+`): the cells are
//!   delimited in the text itself;
//! - tables of contents: a title, leader dots, a page number;
//! - aligned columns (`pdftotext -layout`, plain-text manuals): a gutter,
//!   columns of the page that are blank on every line of the run, and every
//!   line's own wide gaps fall on those gutters;
//! - rows that each end in the same count of numbers (a program's report,
//!   a data listing), where no gutter shows the columns (`numeric_rows`).
//!
//! A run of aligned lines whose "cells" hold long runs of words is not a
//! table but two columns of running text printed side by side; the caller
//! gets it as [`Found::TwoColumns`] and separates the columns.
//!
//! Each table line's text becomes its cells joined by tabs (a continuation
//! line of wrapped cells starts with an empty first cell); a rule line
//! (`-----`) is kept as it is and marks the end of the header rows. The block
//! builder turns these lines into one `Block::Table`.

pub mod columns;
mod numeric_rows;
pub use numeric_rows::is_number;

use crate::normalize::lexicon::is_function_word;
use crate::normalize::lines::{Line, append_to_cell, is_rule};

/// Spaces between two cells on one line: one space separates words.
const MIN_GAP: usize = 2;

/// Lines with at least two cells an aligned table needs: two lines of two
/// words each line up by chance too often.
const MIN_ALIGNED_ROWS: usize = 3;

/// Share of the lines with wide gaps whose every gap falls on a gutter.
/// Prose spread by justification has gaps too, but they line up on no
/// gutter.
const CONSISTENT_SHARE: f64 = 0.75;

/// Table cells are short: the median cell has at most this many words.
/// Two columns of running text have long ones.
const MAX_MEDIAN_CELL_WORDS: usize = 4;

/// Two columns of text side by side: the median half-line has at least
/// this many words on each side.
const MIN_COLUMN_WORDS: usize = 4;

/// One line in this many may run a long cell across a gutter.
const OVERRUN_LINES_PER: usize = 8;

/// At most this many lines may run across one gutter.
const MAX_OVERRUN_LINES: usize = 2;

/// Continuation lines (one cell, in a later column) in a row; more is a
/// paragraph under the table.
const MAX_CONTINUATIONS: usize = 2;

/// Why aligned-looking lines are declined when their wide gaps do not
/// line up: a table whose cells no gutter separates, or prose spread wide.
pub const NO_COMMON_COLUMN: &str = "the gaps of the lines fall on no common column";

/// Why aligned-looking lines are declined when no column is blank on
/// (nearly) all of them.
pub const NO_BLANK_COLUMN: &str = "no column is blank on every line";

/// Leader dots before a page number in a table of contents.
const LEADER: &str = "....";
const SPACED_LEADER: &str = ". . .";

/// What a run of lines turned out to be.
#[derive(Debug, PartialEq)]
pub enum Found {
    /// A table: the new text of each line (cells joined by tabs, rule lines
    /// as they are), rows and columns, and the rule that found it.
    Table {
        start: usize,
        end: usize,
        texts: Vec<String>,
        rows: usize,
        columns: usize,
        rule: &'static str,
    },
    /// Two columns of text side by side; `gutter` is the first character
    /// column of the right-hand one.
    TwoColumns {
        start: usize,
        end: usize,
        gutter: usize,
    },
    /// Aligned-looking lines that are not taken, and why.
    Declined {
        start: usize,
        end: usize,
        why: &'static str,
    },
}

/// Finds tables among the lines not `taken` (code), in order.
pub fn find(lines: &[Line], taken: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    let free = |i: usize| !taken[i] && !lines[i].is_blank();
    let mut i = 0;
    while i < lines.len() {
        if !free(i) {
            i += 1;
            continue;
        }
        if let Some((found, end)) = segmented(lines, i, &free) {
            out.push(found);
            i = end + 1;
            continue;
        }
        if let Some(end) = delimited_run(lines, i, &free) {
            out.push(delimited(lines, i, end));
            i = end + 1;
            continue;
        }
        if let Some(rows) = tabbed_run(lines, i, &free) {
            let end = i + rows.len() - 1;
            let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
            let texts: Vec<String> = rows.iter().map(|cells| cells.join("\t")).collect();
            out.push(Found::Table {
                start: i,
                end,
                rows: texts.len(),
                columns,
                texts,
                rule: "tab-separated",
            });
            i = end + 1;
            continue;
        }
        if let Some(end) = leader_run(lines, i, &free) {
            let texts: Vec<String> = (i..=end)
                .map(|k| toc_cells(&lines[k].text).map_or(String::new(), |c| c.join("\t")))
                .collect();
            out.push(Found::Table {
                start: i,
                end,
                rows: texts.len(),
                texts,
                columns: 2,
                rule: "toc-leaders",
            });
            i = end + 1;
            continue;
        }
        let aligned_here = has_gap(&lines[i].text)
            .then(|| {
                let end = aligned_run(lines, i, &free);
                aligned(lines, i, end).map(|found| (found, end))
            })
            .flatten();
        // Aligned columns say more about where the cells are than the
        // numbers at the end of each row; where they are declined or
        // absent, the numbers may still show the rows.
        let declined_or_none = aligned_here
            .as_ref()
            .is_none_or(|(found, _)| matches!(found, Found::Declined { .. }));
        if declined_or_none && let Some((found, end)) = numeric_rows::table(lines, i, &free) {
            out.push(found);
            i = end + 1;
            continue;
        }
        if let Some((found, end)) = aligned_here {
            let declined = matches!(found, Found::Declined { .. });
            out.push(found);
            if declined {
                let within = tables_within(lines, i, end);
                if within.is_empty() {
                    out.extend(numeric_rows_within(lines, i + 1, end, &free));
                }
                out.extend(within);
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// The line spans of the tables drawn with a segmented rule
/// ([`segmented`]), looked for before code: the rule says where the
/// columns are, stronger evidence than the symbols of a cell (`\\x41`,
/// `r#"hello"#`) that make a row look like code.
pub fn segmented_spans(lines: &[Line]) -> Vec<(usize, usize)> {
    let free = |i: usize| !lines[i].is_blank();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match free(i).then(|| segmented(lines, i, &free)).flatten() {
            Some((Found::Table { start, end, .. }, _)) => {
                out.push((start, end));
                i = end + 1;
            }
            Some((_, end)) => i = end + 1,
            None => i += 1,
        }
    }
    out
}

/// Runs of tab-separated rows with the same number of cells in every row:
/// how the text edition writes a table, so a second reading must find the
/// table again even where its cells read as code (`\x41`, `\n`), as for
/// [`segmented_spans`]. Rows of unequal length (code aligned with tabs)
/// are left to the code rules, unless a header names the columns.
pub fn tabbed_spans(lines: &[Line]) -> Vec<(usize, usize)> {
    let free = |i: usize| !lines[i].is_blank();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(rows) = free(i).then(|| tabbed_run(lines, i, &free)).flatten() else {
            i += 1;
            continue;
        };
        let end = i + rows.len() - 1;
        // A row whose last cells are empty loses their tabs when the text
        // edition trims its lines: under a header that names the columns,
        // a shorter row is still a row.
        let equal = rows.windows(2).all(|w| w[0].len() == w[1].len());
        let headed = names_columns(&rows[0]) && rows.iter().all(|r| r.len() <= rows[0].len());
        if equal || headed {
            out.push((i, end));
        }
        i = end + 1;
    }
    out
}

/// Cells a header of words names at least: a line of two words set apart
/// is as often a term and its definition.
const MIN_HEADER_CELLS: usize = 3;

/// Aligned tables under a header of words (`Module Path   Filesystem Path
/// File Contents`), as [`segmented_spans`]: a header naming three columns
/// or more, and rows whose wide gaps fall on its gutters, outweigh the paths
/// and statements in the cells (`crate::util   util.rs   mod config;`)
/// that make a row look like code. A listing set in columns (code and its
/// aligned comments) opens with code, not with a line of plain words.
pub fn headed_spans(lines: &[Line]) -> Vec<(usize, usize)> {
    let free = |i: usize| !lines[i].is_blank();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // The header opens the run: a line of short words inside aligned
        // lines (an index's letters beside each other) is a row.
        let opens = i == 0 || !free(i - 1) || !has_gap(&lines[i - 1].text);
        if !free(i) || !opens || !is_header_of_words(&lines[i].text) {
            i += 1;
            continue;
        }
        let end = aligned_run(lines, i, &free);
        match aligned(lines, i, end) {
            Some(Found::Table { columns, texts, .. })
                if columns >= MIN_HEADER_CELLS && !listings_side_by_side(&texts[1..]) =>
            {
                out.push((i, end));
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether most rows open with a cell that is a line of code by its shape
/// (a TeX command, a brace, a comment, a statement): listings set side by
/// side under a header naming each (`TeX   ConTeXt   LaTeX`), kept as
/// they are printed. A path or a name with an operator (`crate::util`,
/// `src/a.rs`) is the key of a row, not code.
fn listings_side_by_side(rows: &[String]) -> bool {
    let opens_with_code = |row: &str| {
        row.split('\t').find(|c| !c.is_empty()).is_some_and(|cell| {
            matches!(
                super::code::signal(cell),
                super::code::Signal::Strong(rule) if !matches!(rule, "operator" | "symbol-dense")
            )
        })
    };
    let rows = rows.iter().filter(|r| !r.trim().is_empty());
    let code = rows.clone().filter(|r| opens_with_code(r)).count();
    code > 0 && code * 2 >= rows.count()
}

/// A line of at least [`MIN_HEADER_CELLS`] cells (wide gaps between them)
/// that name columns ([`names_columns`]).
fn is_header_of_words(text: &str) -> bool {
    // Asked of every line, and most have no wide gap: that test does not
    // collect the line's characters.
    if !has_gap(text) {
        return false;
    }
    let chars: Vec<char> = text.trim_end().chars().collect();
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    let bounds: Vec<usize> = gaps(&chars).iter().map(|&(_, e)| e - indent).collect();
    names_columns(&split_at(&chars[indent..], &bounds))
}

/// At least [`MIN_HEADER_CELLS`] short cells made of plain words only, each
/// with a word of two letters or more: column names, not the letters of a
/// formula or a diagram (`O   O   O`).
fn names_columns(cells: &[String]) -> bool {
    cells.len() >= MIN_HEADER_CELLS
        && cells.iter().all(|cell| {
            let words: Vec<&str> = cell.split_whitespace().collect();
            !words.is_empty()
                && words.len() <= MAX_MEDIAN_CELL_WORDS
                && words.iter().all(|w| super::code::is_plain_word(w))
                && words
                    .iter()
                    .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        })
}

/// Lines of header a segmented rule may have above it.
const MAX_HEADER_LINES: usize = 3;

/// Lines a table under a segmented rule may run to: a table longer than
/// this is cut there (its rest is read afresh).
const MAX_SEGMENTED_LINES: usize = 400;

/// `------- ---- ------`: a rule cut into segments by spaces, as pandoc's
/// plain-text tables and reStructuredText's simple tables (`=====  ===`)
/// draw the columns under the header. The character columns where each
/// segment starts, at least two of them.
fn rule_segments(text: &str) -> Option<Vec<usize>> {
    if !is_rule(text) || !text.trim().chars().all(|c| matches!(c, '-' | '=' | ' ')) {
        return None;
    }
    let mut starts = Vec::new();
    let mut prev = ' ';
    for (x, c) in text.chars().enumerate() {
        if c != ' ' && prev == ' ' {
            starts.push(x);
        }
        prev = c;
    }
    (starts.len() >= 2).then_some(starts)
}

/// A rule line of one piece (the top or bottom edge of a table).
fn is_full_rule(text: &str) -> bool {
    is_rule(text) && rule_segments(text).is_none() && !text.trim().contains(' ')
}

/// Whether cutting the line at the column starts splits no word: the
/// character before each cut is a space, or the line ends before it.
fn cuts_cleanly(line: &[char], starts: &[usize]) -> bool {
    starts
        .iter()
        .all(|&b| b == 0 || b >= line.len() || line[b - 1] == ' ' || line[b] == ' ')
}

/// A table drawn with a segmented rule under its header (pandoc's simple
/// and multiline tables, reStructuredText's simple tables): the rule gives
/// the columns, so the cells are cut where the document itself says. The
/// header is the lines between the rule and a blank line or a rule above
/// it. The rows run to the closing rule; where a one-piece rule opens the
/// table (a multiline table), blank lines separate rows whose cells wrap
/// over several lines, else (a simple table) a blank line ends the table.
/// Declined when a cut would split a word, or a multiline table has no
/// closing rule.
fn segmented(lines: &[Line], start: usize, free: &dyn Fn(usize) -> bool) -> Option<(Found, usize)> {
    // The segmented rule: within the header's reach below `start`, with
    // nothing blank before it.
    let top_rule = is_full_rule(&lines[start].text);
    let first_header = start + usize::from(top_rule);
    let rule = (first_header..lines.len().min(first_header + MAX_HEADER_LINES + 1))
        .take_while(|&k| free(k))
        .find(|&k| rule_segments(&lines[k].text).is_some())?;
    // A header starts the table only where it starts a block: a blank line,
    // the top rule or nothing above it.
    if !top_rule && start > 0 && !lines[start - 1].is_blank() {
        return None;
    }
    let starts = rule_segments(&lines[rule].text)?;
    let limit = lines.len().min(rule + MAX_SEGMENTED_LINES);
    let mut end = None;
    let mut k = rule + 1;
    while k < limit {
        let line = &lines[k];
        if line.is_blank() {
            if !top_rule {
                break;
            }
        } else if !free(k) {
            break;
        } else if is_rule(&line.text) {
            end = Some(k);
            break;
        }
        k += 1;
    }
    let end = match end {
        Some(e) => e,
        None if !top_rule => {
            // A simple table ends at its last row.
            let last = (rule + 1..k).rev().find(|&j| !lines[j].is_blank())?;
            if last == rule {
                return None;
            }
            last
        }
        None => {
            return Some((
                Found::Declined {
                    start,
                    end: k.saturating_sub(1).max(rule),
                    why: "a multiline table with no closing rule",
                },
                rule,
            ));
        }
    };
    let chars: Vec<Vec<char>> = (start..=end)
        .map(|j| lines[j].text.trim_end().chars().collect())
        .collect();
    let is_content = |j: usize| !lines[j].is_blank() && !is_rule(&lines[j].text);
    if (start..=end)
        .filter(|&j| is_content(j))
        .any(|j| !cuts_cleanly(&chars[j - start], &starts))
    {
        return Some((
            Found::Declined {
                start,
                end,
                why: "a line's text runs across a column start of the rule",
            },
            end,
        ));
    }
    let cells = |j: usize| split_at(&chars[j - start], &starts[1..]);
    let mut texts: Vec<String> = (start..=end)
        .map(|j| {
            if lines[j].is_blank() {
                String::new()
            } else {
                lines[j].trimmed().to_string()
            }
        })
        .collect();
    // Rows: the header (the lines above the rule), then the body, each row
    // one line of a simple table, or one blank-separated group of lines of
    // a multiline one. A row's cells go on its first line.
    let mut groups: Vec<Vec<usize>> = vec![(first_header..rule).collect()];
    let mut group: Vec<usize> = Vec::new();
    for j in rule + 1..=end {
        if is_content(j) {
            group.push(j);
            if !top_rule {
                groups.push(std::mem::take(&mut group));
            }
        } else if !group.is_empty() {
            groups.push(std::mem::take(&mut group));
        }
    }
    if !group.is_empty() {
        groups.push(group);
    }
    // (first line, last line, cells) of each row.
    let mut rows: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for g in groups.iter().filter(|g| !g.is_empty()) {
        let (first, last) = (g[0], g[g.len() - 1]);
        let mut row = vec![String::new(); starts.len()];
        for &j in g {
            append_cells(&mut row, cells(j));
        }
        // A row cut by a page break: its first cell is empty and a page
        // starts between it and the row above, so its text continues
        // that row's cells.
        let cut = row[0].is_empty()
            && rows.len() > 1
            && (rows[rows.len() - 1].1 + 1..=first)
                .any(|x| lines[x].page_break || !lines[x].page_starts.is_empty());
        match rows.last_mut() {
            Some((_, end_line, above)) if cut => {
                append_cells(above, row);
                *end_line = last;
            }
            _ => rows.push((first, last, row)),
        }
        for &j in g {
            texts[j - start] = String::new();
        }
    }
    let header = first_header < rule;
    for (j, _, row) in &rows {
        texts[j - start] = row.join("\t");
    }
    // The rule under the header marks where the header ends; the other
    // rules are edges, and a rule after rows would mark them all as
    // header: they go.
    for j in start..=end {
        if is_rule(&lines[j].text) && !(header && j == rule) {
            texts[j - start] = String::new();
        }
    }
    Some((
        Found::Table {
            start,
            end,
            texts,
            rows: rows.len(),
            columns: starts.len(),
            rule: "segmented-rule",
        },
        end,
    ))
}

/// Appends each piece to its cell ([`append_to_cell`]).
fn append_cells(row: &mut [String], pieces: Vec<String>) {
    for (cell, piece) in row.iter_mut().zip(pieces) {
        append_to_cell(cell, &piece);
    }
}

/// `| a | b |`: the cells of a pipe-table row.
fn pipe_cells(t: &str) -> Option<Vec<String>> {
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<String> = inner.split('|').map(|c| c.trim().to_string()).collect();
    (cells.len() >= 2 && cells.iter().any(|c| !c.is_empty())).then_some(cells)
}

/// The last line of a run of pipe rows and rule lines from `start` with at
/// least two rows.
fn delimited_run(lines: &[Line], start: usize, free: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut end = start;
    let mut rows = 0;
    let mut k = start;
    while k < lines.len() && free(k) {
        let t = lines[k].trimmed();
        if pipe_cells(t).is_some() {
            rows += 1;
        } else if !(is_rule(t) && (t.starts_with(['|', '+']) || k > start)) {
            break;
        }
        end = k;
        k += 1;
    }
    (rows >= 2).then_some(end)
}

fn delimited(lines: &[Line], start: usize, end: usize) -> Found {
    let mut rows = 0;
    let mut columns = 0;
    let mut grid = false;
    let texts = (start..=end)
        .map(|k| {
            let t = lines[k].trimmed();
            match pipe_cells(t) {
                Some(cells) => {
                    rows += 1;
                    columns = columns.max(cells.len());
                    cells.join("\t")
                }
                None => {
                    grid |= t.starts_with('+');
                    t.to_string()
                }
            }
        })
        .collect();
    Found::Table {
        start,
        end,
        texts,
        rows,
        columns,
        rule: if grid { "grid-table" } else { "pipe-table" },
    }
}

/// `a<TAB>b`: the cells of a tab-separated row (how a table comes out of
/// the repair, so that a second reading finds it again). A tab at the start
/// is an empty first cell (`<TAB>Name`: a header over a column of keys), as
/// the text edition writes one; such a line is a row only within a run of
/// full rows ([`tabbed_run`]).
fn tab_cells(text: &str) -> Option<Vec<String>> {
    let t = text.trim_end().trim_start_matches(' ');
    t.contains('\t')
        .then(|| {
            t.split('\t')
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells.len() >= 2 && cells.iter().any(|c| !c.is_empty()))
}

/// The cells of each row of a run from `start` (one row per line) of at
/// least two tab-separated rows with two filled cells, or of a header with
/// an empty first cell over one such row of as many cells (`<TAB>Name` /
/// `\x41<TAB>7-bit code`: a table of one entry, as the text edition writes
/// it).
fn tabbed_run(
    lines: &[Line],
    start: usize,
    free: &dyn Fn(usize) -> bool,
) -> Option<Vec<Vec<String>>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut k = start;
    while k < lines.len() && free(k) {
        match tab_cells(&lines[k].text) {
            Some(cells) => rows.push(cells),
            // A row whose only filled cell is its first (a wrapped key, a
            // header's second line): the text edition trims the tabs of the
            // empty cells after it. Between two rows it is a row too.
            None if rows.last().is_some_and(|prev| prev.len() >= 2)
                && lines[k].trimmed().split_whitespace().count() <= MAX_MEDIAN_CELL_WORDS
                && k + 1 < lines.len()
                && free(k + 1)
                && tab_cells(&lines[k + 1].text).is_some() =>
            {
                let width = rows.last().map_or(1, Vec::len);
                let mut cells = vec![String::new(); width];
                cells[0] = lines[k].trimmed().to_string();
                rows.push(cells);
            }
            None => break,
        }
        k += 1;
    }
    let full = rows
        .iter()
        .filter(|c| c.iter().filter(|c| !c.is_empty()).count() >= 2)
        .count();
    let header_over_one_row = rows.len() == 2
        && full == 1
        && rows[0].first().is_some_and(String::is_empty)
        && rows[0].len() == rows[1].len();
    (full >= 2 || header_over_one_row).then_some(rows)
}

/// `2.1 Installing ........ 14`: a title and its page number.
fn leader_cells(t: &str) -> Option<[String; 2]> {
    let at = t.find(LEADER).or_else(|| t.find(SPACED_LEADER))?;
    let title = t[..at].trim();
    let page = t[at..].trim_start_matches(['.', ' ']).trim();
    let is_page = !page.is_empty()
        && (page.chars().all(|c| c.is_ascii_digit())
            || page.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')));
    (!title.is_empty() && is_page).then(|| [title.to_string(), page.to_string()])
}

/// `8 Checkpointing          10`: a numbered entry and its page number
/// after a wide gap, with no leader dots. A table of contents sets its
/// chapter entries so, between section entries with leaders; alone, such a
/// line is as likely a numbered heading with a number set far right.
fn gap_entry_cells(text: &str) -> Option<[String; 2]> {
    let t = text.trim();
    let (title, page) = t.rsplit_once(char::is_whitespace)?;
    let wide = title.len() - title.trim_end().len() + 1 >= MIN_GAP;
    let title = title.trim_end();
    let (label, words) = title.split_once(' ')?;
    let numbered = label.chars().all(|c| c.is_ascii_digit() || c == '.')
        && label.starts_with(|c: char| c.is_ascii_digit())
        || label.len() == 1 && label.starts_with(|c: char| c.is_ascii_uppercase());
    let is_page = !page.is_empty() && page.len() <= 4 && page.chars().all(|c| c.is_ascii_digit());
    (wide && numbered && is_page && words.trim_start().starts_with(char::is_uppercase))
        .then(|| [title.to_string(), page.to_string()])
}

/// The cells of a table-of-contents line: with leader dots, or a numbered
/// entry and a page number after a wide gap.
fn toc_cells(text: &str) -> Option<[String; 2]> {
    leader_cells(text.trim()).or_else(|| gap_entry_cells(text))
}

/// The last line of a run of at least two table-of-contents lines, at
/// least one of them with leader dots (the evidence that the run is a
/// table of contents; entries without leaders join it).
fn leader_run(lines: &[Line], start: usize, free: &dyn Fn(usize) -> bool) -> Option<usize> {
    let has_leaders = |k: usize| leader_cells(lines[k].trimmed()).is_some();
    let mut k = start;
    while k < lines.len() && free(k) && toc_cells(&lines[k].text).is_some() {
        k += 1;
    }
    (k >= start + 2 && (start..k).any(has_leaders)).then(|| k - 1)
}

/// Whether the text has a wide gap between two words (indentation aside).
pub(super) fn has_gap(text: &str) -> bool {
    has_gap_of(text, MIN_GAP)
}

/// Whether the text has `width` spaces or more between two visible
/// characters (indentation aside).
pub(super) fn has_gap_of(text: &str, width: usize) -> bool {
    // The test of [`gaps`], without collecting the characters of the line:
    // asked of every line, and most have no gap.
    let mut seen_text = false;
    let mut spaces = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            if seen_text {
                spaces += 1;
            }
        } else {
            if spaces >= width {
                return true;
            }
            spaces = 0;
            seen_text = true;
        }
    }
    false
}

/// Runs of at least [`MIN_GAP`] spaces between visible characters, as
/// character columns `(first, past the last)`.
pub(super) fn gaps(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut seen_text = false;
    let mut run_start = None;
    for (x, c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            if seen_text && run_start.is_none() {
                run_start = Some(x);
            }
        } else {
            if let Some(s) = run_start.take()
                && x - s >= MIN_GAP
            {
                out.push((s, x));
            }
            seen_text = true;
        }
    }
    out
}

/// The last line of a run of lines with wide gaps from `start`, with rule
/// lines and short runs of continuation lines (one piece of text, indented
/// past the run's first column) inside.
fn aligned_run(lines: &[Line], start: usize, free: &dyn Fn(usize) -> bool) -> usize {
    let left = lines[start].indent();
    let mut end = start;
    let mut continuations = 0;
    let mut k = start + 1;
    while k < lines.len() && free(k) {
        let line = &lines[k];
        if has_gap(&line.text) {
            continuations = 0;
            end = k;
        } else if is_rule(line.trimmed()) {
            end = k;
        } else if continuations < MAX_CONTINUATIONS
            && (line.indent() > left
                || line.trimmed().split_whitespace().count() == 1
                    && k + 1 < lines.len()
                    && free(k + 1)
                    && has_gap(&lines[k + 1].text))
        {
            // Indented into a later column, or one word of a wrapped first
            // cell with the table going on below it.
            continuations += 1;
            end = k;
        } else {
            break;
        }
        k += 1;
    }
    end
}

/// The tables inside a declined run of aligned-looking lines: the run may
/// hold several tables set one under the other with columns of their own
/// (a table per page, a running head between two), or a line set apart
/// from the table under it. Each stretch whose lines share a cell start
/// (see [`shares_column`]) with the line before is decided on its own.
fn tables_within(lines: &[Line], start: usize, end: usize) -> Vec<Found> {
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut last_gapped: Option<usize> = None;
    for k in start..=end {
        let gapped = has_gap(&lines[k].text);
        match blocks.last_mut() {
            Some(block)
                if !gapped
                    || last_gapped
                        .is_some_and(|p| shares_column(&lines[p].text, &lines[k].text)) =>
            {
                block.1 = k;
            }
            _ => blocks.push((k, k)),
        }
        if gapped {
            last_gapped = Some(k);
        }
    }
    if blocks.len() < 2 {
        return Vec::new();
    }
    blocks
        .into_iter()
        .filter_map(|(a, b)| aligned(lines, a, b))
        .filter(|f| matches!(f, Found::Table { .. }))
        .collect()
}

/// Where the cells of a line start: its indent and the end of each wide
/// gap, as character columns.
fn cell_starts(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.trim_end().chars().collect();
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    std::iter::once(indent)
        .chain(gaps(&chars).into_iter().map(|(_, e)| e))
        .collect()
}

/// Whether two lines are rows of one table: two cells or more after the
/// first start at the same character columns in both. A line of prose has
/// no such cells, and two columns of text share one gutter at most.
pub fn rows_of_one_table(a: &str, b: &str) -> bool {
    let b = cell_starts(b);
    cell_starts(a)
        .iter()
        .skip(1)
        .filter(|x| b[1..].contains(x))
        .count()
        >= 2
}

/// Whether two lines start a cell at the same character column.
fn shares_column(a: &str, b: &str) -> bool {
    let b = cell_starts(b);
    cell_starts(a).iter().any(|x| b.contains(x))
}

/// The runs of rows ending in numbers (see [`numeric_rows`]) inside a
/// declined run of aligned-looking lines: a report's header set apart from
/// its rows leaves the run without common gutters, the rows are still rows.
fn numeric_rows_within(
    lines: &[Line],
    start: usize,
    end: usize,
    free: &dyn Fn(usize) -> bool,
) -> Vec<Found> {
    let inside = |k: usize| k <= end && free(k);
    let mut out = Vec::new();
    let mut k = start;
    while k <= end {
        match inside(k)
            .then(|| numeric_rows::table(lines, k, &inside))
            .flatten()
        {
            Some((found, last)) => {
                out.push(found);
                k = last + 1;
            }
            None => k += 1,
        }
    }
    out
}

/// The tables among the lines `start..=end` read alone, as a second
/// reading of the repaired text reads them once they stand apart: part of
/// a declined run may show gutters that the whole run does not. Indices
/// are the lines' own.
pub fn tables_alone(lines: &[Line], start: usize, end: usize) -> Vec<Found> {
    let alone = &lines[start..=end];
    let mut tables = find(alone, &vec![false; alone.len()]);
    tables.retain(|found| matches!(found, Found::Table { .. }));
    for found in &mut tables {
        if let Found::Table {
            start: s, end: e, ..
        } = found
        {
            *s += start;
            *e += start;
        }
    }
    tables
}

/// Decides a run of aligned-looking lines: a table, two columns of text,
/// or neither.
fn aligned(lines: &[Line], start: usize, end: usize) -> Option<Found> {
    if end + 1 - start < MIN_ALIGNED_ROWS {
        return None;
    }
    let run: Vec<Vec<char>> = (start..=end)
        .map(|k| lines[k].text.trim_end().chars().collect())
        .collect();
    let is_row = |k: usize| !is_rule(&lines[start + k].text);
    let width = run.iter().map(Vec::len).max().unwrap_or(0);
    let left = run
        .iter()
        .enumerate()
        .filter(|(k, _)| is_row(*k))
        .map(|(_, l)| l.iter().take_while(|c| c.is_whitespace()).count())
        .min()
        .unwrap_or(0);
    // A line of one piece of text between rows (a cell wrapped onto a line
    // of its own, set across the columns) says nothing about where the
    // gutters are: the lines with gaps place them, and it stays one cell.
    // After the last row with gaps it may be the paragraph under the table:
    // there it counts.
    let last_gapped = (0..run.len())
        .rev()
        .find(|&k| is_row(k) && !gaps(&run[k]).is_empty())
        .unwrap_or(0);
    let wrapped = |k: usize| is_row(k) && k < last_gapped && gaps(&run[k]).is_empty();
    let places_gutters = |k: usize| is_row(k) && !wrapped(k);
    let mut occupied = vec![0usize; width];
    for (k, l) in run.iter().enumerate() {
        if !places_gutters(k) {
            continue;
        }
        for (x, c) in l.iter().enumerate() {
            occupied[x] += usize::from(!c.is_whitespace());
        }
    }
    // A long cell may run into the next column on a few lines (it is then
    // not cut: see `split_at`).
    let tolerance = (run.len() / OVERRUN_LINES_PER).min(MAX_OVERRUN_LINES);
    let blank = |x: usize| occupied[x] <= tolerance;
    // Gutters: columns blank on (nearly) every row, at least MIN_GAP wide.
    let mut gutters: Vec<(usize, usize)> = Vec::new();
    let mut x = left;
    while x < width {
        if !blank(x) {
            x += 1;
            continue;
        }
        let s = x;
        while x < width && blank(x) {
            x += 1;
        }
        if x - s >= MIN_GAP && x < width {
            gutters.push((s, x));
        }
    }
    // The tolerance is for lines that run across a gutter: blank columns
    // side by side where different lines each put a character (an inner
    // space of one cell next to an inner space of another) are no gutter.
    // There only the columns blank on every row count. A cell that starts
    // inside the gutter after a wide gap (a header set a little left of its
    // column) runs across nothing.
    if tolerance > 0 {
        let touching = |s: usize, e: usize| {
            run.iter()
                .enumerate()
                .filter(|(k, l)| places_gutters(*k) && runs_across(l, s, e))
                .count()
        };
        gutters = gutters
            .into_iter()
            .flat_map(|(s, e)| {
                if touching(s, e) <= tolerance {
                    return vec![(s, e)];
                }
                let mut strict = Vec::new();
                let mut x = s;
                while x < e {
                    if occupied[x] > 0 {
                        x += 1;
                        continue;
                    }
                    let from = x;
                    while x < e && occupied[x] == 0 {
                        x += 1;
                    }
                    if x - from >= MIN_GAP {
                        strict.push((from, x));
                    }
                }
                strict
            })
            .collect();
    }
    let declined = |why| Some(Found::Declined { start, end, why });
    // A gutter ends a column that most rows fill: blank space that only
    // some lines reach into (the left edge of a right-aligned column) is
    // not a gutter.
    let row_lines = (0..run.len()).filter(|&k| is_row(k)).count();
    let mut from = left;
    gutters.retain(|&(s, e)| {
        let filled = run
            .iter()
            .enumerate()
            .filter(|(k, l)| {
                is_row(*k)
                    && l[from.min(l.len())..s.min(l.len())]
                        .iter()
                        .any(|c| !c.is_whitespace())
            })
            .count();
        let keep = filled * 2 >= row_lines;
        if keep {
            from = e;
        }
        keep
    });
    if gutters.is_empty() {
        return declined(NO_BLANK_COLUMN);
    }
    // Every wide gap of a line lies on a gutter.
    let (mut gap_lines, mut consistent) = (0usize, 0usize);
    for l in &run {
        let g = gaps(l);
        if g.is_empty() {
            continue;
        }
        gap_lines += 1;
        consistent += usize::from(
            g.iter()
                .all(|&(a, b)| gutters.iter().any(|&(s, e)| a < e && s < b)),
        );
    }
    if (consistent as f64) < gap_lines as f64 * CONSISTENT_SHARE {
        return declined(NO_COMMON_COLUMN);
    }
    let bounds: Vec<usize> = gutters.iter().map(|&(_, e)| e).collect();
    let cells: Vec<Option<Vec<String>>> = run
        .iter()
        .enumerate()
        .map(|(k, l)| {
            is_row(k).then(|| {
                if wrapped(k) {
                    one_cell(l, &gutters)
                } else {
                    split_at(l, &cuts_in_gutters(l, &gutters))
                }
            })
        })
        .collect();
    let full_rows = cells
        .iter()
        .flatten()
        .filter(|c| c.iter().filter(|s| !s.is_empty()).count() >= 2)
        .count();
    if full_rows < MIN_ALIGNED_ROWS {
        return declined("fewer than three lines with two cells");
    }
    if full_rows * 2 < row_lines {
        return declined("most lines hold one piece of text: a paragraph, not a table");
    }
    if bounds.len() == 1 && numbered_lines(&cells) {
        return declined("numbered headings or items, not a table");
    }
    // A table in one column with the other column's text beside it
    // (REVTeX's guide: its contents, then the text of section II): the
    // last column is running text, and is cut off as a column.
    if bounds.len() >= 2 && runs_on(&cells, bounds.len()) {
        return Some(Found::TwoColumns {
            start,
            end,
            gutter: bounds[bounds.len() - 1],
        });
    }
    let mut words: Vec<usize> = cells
        .iter()
        .flatten()
        .flatten()
        .filter(|s| !s.is_empty())
        .map(|s| s.split_whitespace().count())
        .collect();
    words.sort_unstable();
    let median = words[words.len() / 2];
    if median > MAX_MEDIAN_CELL_WORDS {
        if bounds.len() == 1 && two_columns(&cells) {
            return Some(Found::TwoColumns {
                start,
                end,
                gutter: bounds[0],
            });
        }
        return declined("long cells: text with aligned gaps, not a table");
    }
    let texts: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(k, c)| match c {
            Some(cells) => cells.join("\t"),
            None => lines[start + k].trimmed().to_string(),
        })
        .collect();
    Some(Found::Table {
        start,
        end,
        texts,
        rows: cells
            .iter()
            .flatten()
            .filter(|c| c.first().is_some_and(|s| !s.is_empty()))
            .count(),
        columns: bounds.len() + 1,
        rule: "aligned-columns",
    })
}

/// A line's text as one cell, in the column where it starts.
fn one_cell(line: &[char], gutters: &[(usize, usize)]) -> Vec<String> {
    let indent = line.iter().take_while(|c| c.is_whitespace()).count();
    let column = gutters.iter().filter(|&&(s, _)| s <= indent).count();
    let mut cells = vec![String::new(); gutters.len() + 1];
    cells[column] = line.iter().collect::<String>().trim().to_string();
    cells
}

/// Whether a cell of the line that starts left of column `s` reaches into
/// the columns `s..e` (a cell is text between wide gaps).
fn runs_across(line: &[char], s: usize, e: usize) -> bool {
    let Some(x) = (s..e.min(line.len())).find(|&x| !line[x].is_whitespace()) else {
        return false;
    };
    let mut from = x;
    while from > 0
        && !(line[from - 1].is_whitespace() && (from < 2 || line[from - 2].is_whitespace()))
    {
        from -= 1;
    }
    from < s
}

/// The character columns where the line is cut, one in each gutter: the
/// gutter's end; where a word runs across the end, the start of that word
/// if it lies inside the gutter (a cell set a little left of its column),
/// else the end (the cell is not cut, see [`split_at`]).
fn cuts_in_gutters(line: &[char], gutters: &[(usize, usize)]) -> Vec<usize> {
    gutters
        .iter()
        .map(|&(s, e)| {
            if e == 0 || e >= line.len() || line[e - 1].is_whitespace() || line[e].is_whitespace() {
                return e;
            }
            (s + 1..e)
                .rev()
                .find(|&p| line[p - 1].is_whitespace() && !line[p].is_whitespace())
                .unwrap_or(e)
        })
        .collect()
}

/// "5   Drawbacks", "6.1   Syntax alternatives": every first cell is a
/// section or item number, so the lines are numbered headings or list
/// items set with a wide gap.
fn numbered_lines(cells: &[Option<Vec<String>>]) -> bool {
    cells.iter().flatten().all(|c| {
        c.first().is_some_and(|n| {
            !n.is_empty()
                && n.chars().next().is_some_and(|d| d.is_ascii_digit())
                && n.chars()
                    .all(|d| d.is_ascii_digit() || matches!(d, '.' | ')'))
        })
    })
}

/// Whether the cells of column `side` are lines of running text: as many
/// words as a column's line ([`MIN_COLUMN_WORDS`], the median), and a
/// third of them stop where no cell would, on a word cut by a hyphen or
/// on a function word, to go on in the next row's ("a close approximation
/// to" / "the actual journal's appearance"; "jour-" / "nals"). A table's
/// descriptions ("J0 Bessel function of x in radians") end on their
/// subject.
fn runs_on(cells: &[Option<Vec<String>>], side: usize) -> bool {
    let texts: Vec<&str> = cells
        .iter()
        .flatten()
        .filter_map(|c| c.get(side))
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let cut = texts
        .windows(2)
        .filter(|w| {
            let last = w[0].split_whitespace().next_back().unwrap_or("");
            let hyphen = last
                .strip_suffix('-')
                .is_some_and(|head| head.ends_with(char::is_alphabetic));
            (hyphen || (last.starts_with(char::is_lowercase) && is_function_word(last)))
                && w[1].starts_with(|c: char| c.is_lowercase())
        })
        .count();
    median_words(cells, side) >= MIN_COLUMN_WORDS && texts.len() >= 3 && cut * 3 >= texts.len()
}

/// The median number of words of the non-empty cells of column `side`.
fn median_words(cells: &[Option<Vec<String>>], side: usize) -> usize {
    let mut words: Vec<usize> = cells
        .iter()
        .flatten()
        .filter_map(|c| c.get(side))
        .filter(|s| !s.is_empty())
        .map(|s| s.split_whitespace().count())
        .collect();
    words.sort_unstable();
    words.get(words.len() / 2).copied().unwrap_or(0)
}

/// Whether both halves of the lines hold running text.
fn two_columns(cells: &[Option<Vec<String>>]) -> bool {
    median_words(cells, 0) >= MIN_COLUMN_WORDS && median_words(cells, 1) >= MIN_COLUMN_WORDS
}

/// The line cut at the given character columns, each piece trimmed. A
/// bound inside a word (a long cell run into the next column) is not cut:
/// the cell keeps its text and the next column is empty on this line.
pub fn split_at(line: &[char], bounds: &[usize]) -> Vec<String> {
    let mut out = Vec::with_capacity(bounds.len() + 1);
    let mut skipped = 0;
    let mut from = 0;
    for &b in bounds.iter().chain(std::iter::once(&usize::MAX)) {
        let to = b.min(line.len());
        if to > 0 && to < line.len() && !line[to - 1].is_whitespace() && !line[to].is_whitespace() {
            skipped += 1;
            continue;
        }
        let piece: String = line[from.min(to)..to].iter().collect();
        out.push(piece.trim().to_string());
        out.extend(std::iter::repeat_n(String::new(), skipped));
        skipped = 0;
        from = to;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_gap_is_a_wide_gap_between_words() {
        for text in [
            "a  b",
            "    indented  then gap",
            "one\t\ttwo",
            "a b",
            "   indented only",
            "trailing   ",
            "",
            "x \u{a0}y",
        ] {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(has_gap(text), !gaps(&chars).is_empty(), "{text:?}");
        }
        assert!(has_gap("name  value"));
        assert!(!has_gap("  name value  "));
    }
    use crate::normalize::lines::{split, table_rows as rows};

    fn found(text: &str) -> Vec<Found> {
        let lines = split(text);
        find(&lines, &vec![false; lines.len()])
    }

    #[test]
    fn aligned_columns_with_a_rule_and_a_wrapped_cell() {
        let text = "   Parameter    Options                     Current\n\
                    \x20  ------------------------------------------------\n\
                    \x20  Nucmodel     4by4/Doublet/Codon           4by4\n\
                    \x20  Nst          1/2/6/Mixed                  6\n\
                    \x20  Code         Universal/Vertmt/\n\
                    \x20               Ciliate/Metmt                Universal\n\
                    \x20  Ploidy       Haploid/Diploid              Diploid";
        let f = found(text);
        let [Found::Table { texts, columns, .. }] = &f[..] else {
            panic!("{f:?}");
        };
        assert_eq!(*columns, 3);
        assert_eq!(texts[2], "Nucmodel\t4by4/Doublet/Codon\t4by4");
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (head, body) = rows(&texts);
        assert_eq!(head, vec![vec!["Parameter", "Options", "Current"]]);
        assert_eq!(body.len(), 4);
        assert_eq!(
            body[2],
            vec!["Code", "Universal/Vertmt/ Ciliate/Metmt", "Universal"]
        );
    }

    #[test]
    fn justified_prose_is_no_table() {
        let text = "This  line  of  text  was  spread  out  by  the  typesetter\n\
                    so  that  it  fills  the  measure  and  every  gap  is  wide\n\
                    and  the  gaps  of  one  line  do  not  line  up  with  others.";
        assert!(
            found(text)
                .iter()
                .all(|f| matches!(f, Found::Declined { .. }))
        );
    }

    #[test]
    fn two_columns_of_prose_are_found() {
        let text = "The left column starts here and     The right column runs beside it\n\
                    it goes on with more words that     with words of its own that a\n\
                    make a sentence of some length.     reader reads after the left one.";
        assert_eq!(
            found(text),
            vec![Found::TwoColumns {
                start: 0,
                end: 2,
                gutter: 36
            }]
        );
    }

    /// REVTeX's guide (`pdftotext -layout`): its contents in the left
    /// column, two cells a row, and the text of section II beside them.
    #[test]
    fn a_table_with_running_text_beside_it_is_two_columns() {
        let text = concat!(
            "\n",
            "VII. Figures                                              4\n",
            "      VII.1. Figure inclusions                            4                     II.    FORMATTING\n",
            "      VII.2. Figure placement                             4\n",
            "                                                                II.1.   Preprint, reprint, and twocolumn options\n",
            "VIII. Tables                                              5\n",
            "      VIII.1. Doubled rules and table formatting          5      REVTEX 4.2 offers a reprint class option to typeset\n",
            "      VIII.2. Wide tables                                 5   a manuscript in a format that is a close approximation to\n",
            "      VIII.3. Table placement                             5   the actual journal’s appearance. It should be emphasized\n",
            "      VIII.4. Aligning columns on a decimal point         5   that this is only an approximation; a manuscript may be\n",
            "      VIII.5. Tablenotes                                  5   substantially different in length or appearance after it\n",
            "                                                              goes through our production process. This is mostly due\n",
            " IX. Author-defined macros                                5   to the choice of fonts and the scaling of figures.\n",
            "                                                                 REVTEX 4.2 is designed to make it straightforward to\n",
            "  X. Summary                                              5   switch between two-column and single-column format-\n",
            "                                                              ting just by changing the class option. Authors may\n",
            "                                                              submit with either the reprint or the twocolumn class\n",
            "                                                              options. The preprint primarily does three things: It\n",
            "                                                              increases the font size to 12pt, increases the line spacing,\n",
        );
        let found = found(text);
        assert!(
            matches!(found[..], [Found::TwoColumns { gutter, .. }] if gutter > 50),
            "{found:?}"
        );
    }

    #[test]
    fn pipe_grid_and_leader_tables() {
        let pipe = "| Name | Value |\n|------|-------|\n| a | 1 |";
        let [Found::Table { texts, rule, .. }] = &found(pipe)[..] else {
            panic!();
        };
        assert_eq!(*rule, "pipe-table");
        assert_eq!(texts[0], "Name\tValue");
        let toc =
            "1 Introduction .......... 1\n2 Installing . . . . . . . 14\n2.1 Linux ....... 15";
        let [Found::Table { texts, rule, .. }] = &found(toc)[..] else {
            panic!();
        };
        assert_eq!(*rule, "toc-leaders");
        assert_eq!(texts[1], "2 Installing\t14");
    }

    #[test]
    fn a_segmented_rule_gives_the_columns() {
        // pandoc's simple table: header, segmented rule, one row a line.
        let simple = "Intro.\n\n  Name    Value  Note\n  ------- ------ --------\n  a b     1      first one\n  c       22     second\n\nAfter.";
        let f = found(simple);
        let [
            Found::Table {
                start,
                end,
                texts,
                columns,
                rule,
                ..
            },
        ] = &f[..]
        else {
            panic!("{f:?}");
        };
        assert_eq!((*start, *end, *columns, *rule), (2, 5, 3, "segmented-rule"));
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (head, body) = rows(&texts);
        assert_eq!(head, vec![vec!["Name", "Value", "Note"]]);
        assert_eq!(
            body,
            vec![vec!["a b", "1", "first one"], vec!["c", "22", "second"]]
        );
    }

    #[test]
    fn a_multiline_table_keeps_wrapped_cells_in_their_rows() {
        // pandoc's multiline table: rows separated by blank lines, a cell
        // wrapped within its column, closing rule.
        let text = "  ----------------------------\n  Command         Profile\n  --------------- ------------\n  cargo run,      dev profile\n  cargo build\n\n  cargo test      test\n                  profile\n  ----------------------------";
        let f = found(text);
        let [Found::Table { texts, rows: n, .. }] = &f[..] else {
            panic!("{f:?}");
        };
        assert_eq!(*n, 3);
        // The builder skips the lines left blank (rows of several lines
        // are written on their first line).
        let texts: Vec<&str> = texts
            .iter()
            .map(String::as_str)
            .filter(|t| !t.is_empty())
            .collect();
        let (head, body) = rows(&texts);
        assert_eq!(head, vec![vec!["Command", "Profile"]]);
        assert_eq!(
            body,
            vec![
                vec!["cargo run, cargo build", "dev profile"],
                vec!["cargo test", "test profile"]
            ]
        );
    }

    #[test]
    fn a_segmented_rule_that_cuts_a_word_is_declined() {
        let text = "\n  Name    Value\n  ---- ---------\n  alphabet  1\n  b       2";
        assert!(
            found(text)
                .iter()
                .all(|f| !matches!(f, Found::Table { .. }))
        );
        // A multiline table must close.
        let open =
            "  ------------------\n  A      B\n  ------ -----------\n  x      y\n\n  z      w";
        assert!(
            found(open)
                .iter()
                .all(|f| !matches!(f, Found::Table { .. }))
        );
    }

    #[test]
    fn a_toc_entry_without_leaders_joins_entries_with_them() {
        let toc = "  7.1   TotalView . . . . . . . . . . . . .    9\n\
                   8 Checkpointing                                10\n\
                   \x20 8.1   Taking checkpoints . . . . . . . .    11\n\
                   A Frequently Asked Questions                   13";
        let f = found(toc);
        let [Found::Table { texts, rule, .. }] = &f[..] else {
            panic!("{f:?}");
        };
        assert_eq!(*rule, "toc-leaders");
        assert_eq!(texts[1], "8 Checkpointing\t10");
        assert_eq!(texts[3], "A Frequently Asked Questions\t13");
        // Without a line with leaders, numbered lines with a number far
        // right are no table of contents on that evidence.
        let numbered = "8 Checkpointing                                10\n\
                        9 Other Tools Provided with MPICH              11";
        assert!(
            found(numbered)
                .iter()
                .all(|f| !matches!(f, Found::Table { .. }))
        );
        // A sentence with a wide gap before a number is no entry.
        assert_eq!(gap_entry_cells("8 checkpoints were taken  10"), None);
        assert_eq!(gap_entry_cells("8 Checkpointing 10"), None);
    }

    #[test]
    fn wrapped_cells_and_a_header_set_left_of_its_column() {
        // Long cells run across the gutter (some wrapped onto lines of
        // their own), and the header of the last column starts two
        // characters left of the cells under it.
        let text = "   Parameter    Options                               Current Setting\n\
                    \x20  ------------------------------------------------------------------\n\
                    \x20  Nucmodel     4by4/Doublet/Codon/Protein              4by4\n\
                    \x20  Nst          1/2/6/Mixed                             6\n\
                    \x20  Code         Universal/Vertmt/Invermt/Yeast/Mycoplasma/\n\
                    \x20               Ciliate/Echinoderm/Euplotid/Metmt       Universal\n\
                    \x20  Ploidy       Haploid/Diploid/Zlinked                 Diploid\n\
                    \x20  Rates        Equal/Gamma/LNorm/Propinv/\n\
                    \x20               Invgamma/Adgamma/Kmixture               Invgamma\n\
                    \x20  Ngammacat    <number>                                4\n\
                    \x20  Nlnormcat    <number>                                4\n\
                    \x20  Nmixtcat     <number>                                4\n\
                    \x20  Nbetacat     <number>                                5\n\
                    \x20  Omegavar     Equal/Ny98/M3                           Equal\n\
                    \x20  Covarion     No/Yes                                  No\n\
                    \x20  Coding       All/Variable/Informative/Nosingletons\n\
                    \x20               Noabsencesites/Nopresencesites/\n\
                    \x20               Nosingletonabsence/Nosingletonpresence All\n\
                    \x20  Parsmodel    No/Yes                                  No";
        let f = found(text);
        let [Found::Table { texts, columns, .. }] = &f[..] else {
            panic!("{f:?}");
        };
        assert_eq!(*columns, 3);
        assert_eq!(texts[0], "Parameter\tOptions\tCurrent Setting");
        assert_eq!(
            texts[4],
            "Code\tUniversal/Vertmt/Invermt/Yeast/Mycoplasma/\t"
        );
        assert_eq!(texts[14], "Covarion\tNo/Yes\tNo");
        // A wrapped line without a wide gap stays one cell.
        assert_eq!(texts[17], "\tNosingletonabsence/Nosingletonpresence All\t");
    }

    #[test]
    fn a_cell_running_across_from_the_left_still_touches_a_gutter() {
        let line: Vec<char> = "ab  cdef ghij".chars().collect();
        // "cdef ghij" starts at 4 and runs across 8..10.
        assert!(runs_across(&line, 8, 10));
        // A cell that starts inside the columns runs across nothing.
        assert!(!runs_across(&line, 3, 6));
    }

    #[test]
    fn tables_one_under_the_other_in_one_run_are_decided_apart() {
        // A line set apart (a running head) and two tables whose columns
        // differ (a page break moved them): as one run no column is blank
        // on every line.
        let text = "   Name      Kind      Size\n\
                    \x20  alpha     file      12\n\
                    \x20  beta      dir       4\n\
                    \x20  gamma     file      7\n\
                    \x20     14                  CHAPTER 2. TUTORIAL\n\
                    \x20        delta       link        3\n\
                    \x20        epsilon     file        9\n\
                    \x20        zeta        dir         1";
        let f = found(text);
        let tables: Vec<(usize, usize)> = f
            .iter()
            .filter_map(|f| match f {
                Found::Table { start, end, .. } => Some((*start, *end)),
                _ => None,
            })
            .collect();
        assert_eq!(tables, vec![(0, 3), (5, 7)], "{f:?}");
        // Prose lines with a stray wide gap share no columns: nothing is
        // found inside them.
        let prose = "The first line of a paragraph  has a wide gap in it\n\
                     and the second one too,  though at another place, and\n\
                     the third line  has one as well at a third place.";
        assert!(
            found(prose)
                .iter()
                .all(|f| !matches!(f, Found::Table { .. }))
        );
    }
}
