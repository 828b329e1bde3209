//! Three columns or more side by side on a page (`pdftotext -layout` of a
//! reference card, a table of contents or an index in columns, a table no
//! reader recognised): each line holds a piece of every column, and a
//! prose pass would join the pieces into sentences that no column wrote.
//! Two columns are separated elsewhere ([`super::separate_columns`]);
//! here the longest stretch of a page's paragraphs whose lines share two
//! gutters or more, and that no other reading took, is kept as it was
//! set, and the report says so.

use super::super::RepairLog;
use super::super::lines::{Line, LineKind};
use super::NAME;

/// Fewest prose lines on a page to read its gutters from: a few lines may
/// line up by chance.
const MIN_LINES: usize = 12;

/// Share of a page's lines that leave a gutter blank: a heading or a title
/// as wide as the page may cross it.
const CLEAR_SHARE: f64 = 0.9;

/// Share of a page's lines with text on either side of a gutter: a column
/// that most lines fill.
const FILLED_SHARE: f64 = 0.5;

/// Fewest gutters that make three columns.
const MIN_GUTTERS: usize = 2;

/// The indent of a block the repaired text sets apart as verbatim.
const BLOCK_INDENT: usize = 4;

/// Narrowest column (in characters) between two gutters.
const MIN_COLUMN_CHARS: usize = 6;

/// Most lines (blank ones aside) of a stretch of indented paragraphs read
/// as one page: a printed page holds fewer.
const MAX_PAGE_LINES: usize = 120;

/// Widest line (in characters) read for gutters: a printed page is far
/// narrower, and a longer line costs no more than this.
const MAX_WIDTH: usize = 400;

/// Marks as kept the prose lines of each page that stand in three columns
/// or more. Runs after the table reader: a table of three columns is a
/// table.
pub fn keep_pages(lines: &mut [Line], log: &mut RepairLog) {
    if !lines.iter().any(|l| l.page_break) {
        return;
    }
    let mut start = 0;
    while start < lines.len() {
        let end = (start + 1..lines.len())
            .find(|&i| lines[i].page_break)
            .unwrap_or(lines.len());
        keep_in_run(&mut lines[start..end], false, log);
        start = end;
    }
}

/// In a text without page breaks (pasted, extracted without form feeds,
/// or this pass's own repaired text read again), marks as kept the lines
/// in three columns or more among its indented runs. A page kept so is
/// written as one indented block, and read again it stands among the
/// indented blocks next to it, between blank lines. Runs before the table
/// reader: read alone, such a block may look like a table, and the text
/// repaired once must come out of a second repair unchanged.
pub fn keep_indented_runs(lines: &mut [Line], log: &mut RepairLog) {
    if lines.iter().any(|l| l.page_break) {
        return;
    }
    let indented = |l: &Line| l.is_blank() || l.indent() >= BLOCK_INDENT;
    let mut start = 0;
    while start < lines.len() {
        if lines[start].is_blank() || !indented(&lines[start]) {
            start += 1;
            continue;
        }
        let end = (start..lines.len())
            .find(|&i| !indented(&lines[i]))
            .unwrap_or(lines.len());
        keep_in_run(&mut lines[start..end], true, log);
        start = end;
    }
}

/// Whether `texts` show three columns or more by themselves: enough lines,
/// and two gutters that almost all of them leave blank.
pub fn in_many_columns<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let counts = GutterCounts::of(texts);
    counts.lines >= MIN_LINES && counts.gutters().len() >= MIN_GUTTERS
}

/// Keeps, in a page or an indented run, each longest stretch of its
/// paragraphs that shows the gutters by itself. A paragraph ends at a
/// blank line, and at a line another reading took unless `every_kind`. A
/// stretch starts at a paragraph with a line of two pieces of text, and
/// holds a page at most, so the search stays linear.
fn keep_in_run(run: &mut [Line], every_kind: bool, log: &mut RepairLog) {
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    for (i, line) in run.iter().enumerate() {
        match paragraphs.last_mut() {
            _ if line.is_blank() || !(every_kind || line.kind.is_prose()) => {}
            Some((_, end)) if *end + 1 == i => *end = i,
            _ => paragraphs.push((i, i)),
        }
    }
    let mut first = 0;
    while first < paragraphs.len() {
        let (start, end) = paragraphs[first];
        if !run[start..=end].iter().any(|l| has_two_pieces(&l.text)) {
            first += 1;
            continue;
        }
        let mut counts = GutterCounts::default();
        let mut longest = None;
        for (last, &(start, end)) in paragraphs.iter().enumerate().skip(first) {
            if counts.lines + end - start + 1 > MAX_PAGE_LINES {
                break;
            }
            run[start..=end].iter().for_each(|l| counts.add(&l.text));
            if counts.lines >= MIN_LINES && counts.gutters().len() >= MIN_GUTTERS {
                longest = Some(last);
            }
        }
        match longest {
            Some(last) => {
                keep_columns(
                    &mut run[paragraphs[first].0..=paragraphs[last].1],
                    every_kind,
                    log,
                );
                first = last + 1;
            }
            None => first += 1,
        }
    }
}

/// Whether a line holds two pieces of text apart by a gutter's width.
fn has_two_pieces(text: &str) -> bool {
    text.trim().contains("  ")
}

/// Keeps the prose lines of `page` as set where its lines share gutters,
/// read from its prose lines only, or from all its lines (`every_kind`:
/// an indented block whose lines a code reading took in part).
fn keep_columns(page: &mut [Line], every_kind: bool, log: &mut RepairLog) {
    let read: Vec<usize> = (0..page.len())
        .filter(|&i| (every_kind || page[i].kind.is_prose()) && !page[i].is_blank())
        .collect();
    if read.len() < MIN_LINES {
        return;
    }
    let found = gutters(read.iter().map(|&i| page[i].text.as_str()));
    if found.len() < MIN_GUTTERS {
        return;
    }
    let Some((first, last)) = column_span(page, &read, &found) else {
        return;
    };
    let kept = &read[first..=last];
    // Lines another reading took (a table, a listing) cut the kept lines
    // into blocks, and read again each block stands alone: each must show
    // the columns by itself.
    let mut blocks: Vec<&[usize]> = Vec::new();
    let mut from = 0;
    for k in 1..=kept.len() {
        let cut = k == kept.len() || page[kept[k - 1] + 1..kept[k]].iter().any(|l| !l.is_blank());
        if cut {
            blocks.push(&kept[from..k]);
            from = k;
        }
    }
    for block in blocks {
        keep_block(page, block, log);
    }
}

/// Marks as kept the lines `block` of `page` if they show the columns by
/// themselves, and logs the decision.
fn keep_block(page: &mut [Line], block: &[usize], log: &mut RepairLog) {
    let (first, last) = (block[0], block[block.len() - 1]);
    if block.iter().all(|&i| !page[i].kind.is_prose()) {
        return;
    }
    // Read alone, the block's gutters may differ from the page's, and so
    // may the lines that hold the columns: trim it until it holds them
    // from its first line to its last, as a second reading would find it.
    let mut block = block.to_vec();
    let mut gutters = gutters(block.iter().map(|&i| page[i].text.as_str()));
    loop {
        let Some((first, last)) = column_span(page, &block, &gutters) else {
            block.clear();
            break;
        };
        if (first, last) == (0, block.len() - 1) {
            break;
        }
        block = block[first..=last].to_vec();
        gutters = self::gutters(block.iter().map(|&i| page[i].text.as_str()));
    }
    let span = page[first].span().join(page[last].span());
    if block.len() < MIN_LINES || gutters.len() < MIN_GUTTERS {
        log.decline(
            NAME,
            "many-columns",
            span,
            format!(
                "{} (the lines that hold the columns are too few to show them alone)",
                page[first].trimmed()
            ),
        );
        return;
    }
    let (first, last) = (block[0], block[block.len() - 1]);
    let span = page[first].span().join(page[last].span());
    let columns: Vec<String> = gutters.iter().map(|g| g.to_string()).collect();
    log.record(
        NAME,
        "many-columns",
        span,
        page[first].trimmed(),
        format!(
            "{} columns side by side (gutters at character columns {}): {} lines kept as set",
            gutters.len() + 1,
            columns.join(", "),
            block.len()
        ),
    );
    // The blank lines between go with them: the block is written as one,
    // its columns aligned across its paragraphs.
    for line in &mut page[first..=last] {
        line.kind = LineKind::Code;
    }
}

/// Where the columns run among the lines `read` of `page` (positions in
/// `read`): from the first line that holds two columns to the last, and
/// on over the lines after it that go on in a column right of the first
/// (a cell that wraps over more lines than the others). A title or a
/// heading above them, as wide as it likes, is the page's text.
fn column_span(page: &[Line], read: &[usize], gutters: &[usize]) -> Option<(usize, usize)> {
    let first = read
        .iter()
        .position(|&i| in_columns(&page[i].text, gutters))?;
    let mut last = read
        .iter()
        .rposition(|&i| in_columns(&page[i].text, gutters))?;
    while last + 1 < read.len() && in_a_later_column(&page[read[last + 1]].text, gutters) {
        last += 1;
    }
    Some((first, last))
}

/// Whether a line's text stands right of the first gutter and crosses none.
fn in_a_later_column(text: &str, gutters: &[usize]) -> bool {
    let indent = text.chars().take_while(|c| c.is_whitespace()).count();
    gutters.first().is_some_and(|&g| indent >= g) && columns_filled(text, gutters).is_some()
}

/// Whether a line holds text in two columns or more and crosses no gutter.
fn in_columns(text: &str, gutters: &[usize]) -> bool {
    columns_filled(text, gutters).is_some_and(|filled| filled >= 2)
}

/// How many of the columns between `gutters` a line prints in, or `None`
/// when it crosses a gutter.
fn columns_filled(text: &str, gutters: &[usize]) -> Option<usize> {
    let chars: Vec<char> = text.chars().take(MAX_WIDTH).collect();
    let printed = |c: usize| chars.get(c).is_some_and(|ch| !ch.is_whitespace());
    if gutters.iter().any(|&g| printed(g) || printed(g - 1)) {
        return None;
    }
    let mut bounds = vec![0];
    bounds.extend(gutters);
    bounds.push(chars.len().max(bounds[bounds.len() - 1]));
    Some(
        bounds
            .windows(2)
            .filter(|w| (w[0]..w[1]).any(printed))
            .count(),
    )
}

/// The character columns where a gutter starts in `texts`.
fn gutters<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<usize> {
    GutterCounts::of(texts).gutters()
}

/// Per character column, over the lines read so far: how many print a
/// character there or just before it (a single space between words is no
/// gutter), and how many start or end their text there.
struct GutterCounts {
    lines: usize,
    blocked: Vec<usize>,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Default for GutterCounts {
    fn default() -> Self {
        GutterCounts {
            lines: 0,
            blocked: vec![0; MAX_WIDTH + 1],
            starts: vec![0; MAX_WIDTH + 1],
            ends: vec![0; MAX_WIDTH + 1],
        }
    }
}

impl GutterCounts {
    fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        let mut counts = GutterCounts::default();
        texts.for_each(|text| counts.add(text));
        counts
    }

    fn add(&mut self, text: &str) {
        self.lines += 1;
        let (mut first, mut last, mut marked) = (None, 0, usize::MAX);
        for (c, ch) in text.chars().take(MAX_WIDTH).enumerate() {
            if ch.is_whitespace() {
                continue;
            }
            first.get_or_insert(c);
            last = c;
            for column in [c, c + 1] {
                if marked == usize::MAX || column > marked {
                    self.blocked[column] += 1;
                    marked = column;
                }
            }
        }
        if let Some(first) = first {
            self.starts[first] += 1;
            self.ends[last] += 1;
        }
    }

    /// The character columns where a gutter starts: runs of columns that
    /// almost every line leaves blank, two characters wide at least, with
    /// text on both sides in most lines.
    fn gutters(&self) -> Vec<usize> {
        let count = self.lines;
        let lines = count as f64;
        // Lines with text before `column`, and from it on.
        let (mut left, mut right) = (0usize, count);
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut in_gutter = false;
        for column in 0..MAX_WIDTH {
            if column > 0 {
                left += self.starts[column - 1];
                right -= self.ends[column - 1];
            }
            let clear = (count - self.blocked[column]) as f64 >= lines * CLEAR_SHARE;
            let filled =
                left as f64 >= lines * FILLED_SHARE && right as f64 >= lines * FILLED_SHARE;
            let gutter = column > 0 && clear && filled;
            if gutter && !in_gutter {
                // A gutter this close to the last one is the same, broken
                // by a stray mark: no column fits between them.
                match found.last() {
                    Some(&(_, end)) if column - end <= MIN_COLUMN_CHARS => {}
                    _ => found.push((column, column)),
                }
            }
            if gutter && let Some(last) = found.last_mut() {
                last.1 = column;
            }
            in_gutter = gutter;
        }
        found.into_iter().map(|(start, _)| start).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    /// `rows` lines of three columns, each line `indent` spaces in.
    fn three_columns(rows: usize, indent: usize) -> String {
        (0..rows)
            .map(|k| {
                let (left, middle) = (
                    format!("C-{k} moves the cursor"),
                    format!("run history {k} runs it"),
                );
                format!("{:indent$}{left:<30}{middle:<34}speye ({k}) creates it", "")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Runs both readings, as the regions pass does around its tables.
    fn keep(text: &str) -> (Vec<Line>, RepairLog) {
        let mut lines = split(text);
        let mut log = RepairLog::default();
        keep_indented_runs(&mut lines, &mut log);
        keep_pages(&mut lines, &mut log);
        (lines, log)
    }

    fn kept(lines: &[Line]) -> usize {
        lines.iter().filter(|l| l.kind == LineKind::Code).count()
    }

    #[test]
    fn a_page_in_three_columns_is_kept_as_set() {
        let prose = "A sentence of running text goes on and on over the line\n".repeat(3);
        let text = format!("{prose}\u{c}{}\n\u{c}{prose}", three_columns(14, 0));
        let (lines, log) = keep(&text);
        assert_eq!(kept(&lines), 14);
        let record = log.changes.iter().find(|c| c.rule == "many-columns");
        assert!(
            record.is_some_and(|r| r.after.contains("3 columns")),
            "{:?}",
            log.changes
        );
    }

    #[test]
    fn two_columns_prose_and_short_pages_are_left_to_other_readings() {
        let two: String = (0..14)
            .map(|k| {
                format!(
                    "{:<40}{}",
                    format!("left line {k} of text"),
                    "right line of text"
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let prose = "A sentence of running text goes on and on over the line\n".repeat(14);
        for text in [two, prose, three_columns(5, 0)] {
            let (lines, log) = keep(&format!("{text}\n\u{c}{text}"));
            assert!(lines.iter().all(|l| l.kind.is_prose()), "{text}");
            assert!(log.changes.is_empty());
        }
    }

    #[test]
    fn each_page_is_read_alone() {
        let prose = "A sentence of running text goes on and on over the line\n".repeat(14);
        let text = format!("{prose}\u{c}{}", three_columns(14, 0));
        assert_eq!(kept(&keep(&text).0), 14);
    }

    /// The repaired text has no page breaks: a page kept as set is one
    /// indented block there, next to other indented blocks, and is found
    /// again whole, blank lines inside included.
    #[test]
    fn without_page_breaks_the_indented_paragraphs_in_columns_are_kept() {
        let columns = three_columns(14, 4).replacen('\n', "\n\n", 1);
        let listing = "    let x = 1;\n    let y = 2;";
        let text = format!("Some text.\n\n{listing}\n\n{columns}\n\n{listing}\n\nMore text.");
        let (lines, log) = keep(&text);
        let first = lines.iter().position(|l| l.text.contains("C-0")).unwrap();
        assert!(
            lines[first..first + 15]
                .iter()
                .all(|l| l.kind == LineKind::Code)
        );
        assert_eq!(kept(&lines), 15, "{:?}", log.changes);
        // Flush-left columns without page breaks are no indented block.
        assert_eq!(kept(&keep(&three_columns(14, 0)).0), 0);
    }

    /// Lines another reading took cut a page's columns into blocks, and each
    /// must show the columns by itself, as it will when read again.
    #[test]
    fn a_block_cut_too_short_by_a_table_is_declined() {
        let mut lines = split(&format!(
            "{}\n{}",
            three_columns(8, 0),
            three_columns(14, 0)
        ));
        lines[8].kind = LineKind::Table;
        lines[9].kind = LineKind::Table;
        let mut log = RepairLog::default();
        lines[0].page_break = true;
        keep_pages(&mut lines, &mut log);
        assert_eq!(kept(&lines), 12);
        assert!(lines[..8].iter().all(|l| l.kind.is_prose()));
        assert!(
            log.changes
                .iter()
                .any(|c| c.declined && c.rule == "many-columns")
        );
    }

    /// A block is trimmed to the lines that hold its columns before it is
    /// weighed: a heading above eleven lines of columns leaves too few.
    #[test]
    fn a_block_is_weighed_without_the_lines_above_its_columns() {
        let text = format!(
            "{}\nrow\tof a table\nTable of Contents\n{}",
            three_columns(13, 0),
            three_columns(11, 0)
        );
        let mut lines = split(&text);
        lines[13].kind = LineKind::Table;
        lines[0].page_break = true;
        let mut log = RepairLog::default();
        keep_pages(&mut lines, &mut log);
        assert_eq!(kept(&lines), 13);
        assert!(lines[14..].iter().all(|l| l.kind.is_prose()));
    }

    /// A table with a cell that wraps longer than the others, between
    /// paragraphs of prose on its page: the prose is read as prose, and the
    /// table is kept with the lines of its long cell.
    #[test]
    fn a_table_on_a_page_of_prose_is_kept_with_its_wrapped_cells() {
        let prose =
            "A sentence of running text goes on and on over the line and a little further on\n"
                .repeat(3);
        let rows: Vec<String> = (0..10)
            .map(|k| {
                format!(
                    "{:<16}{:<16}{:<20}{}",
                    format!("Wine {k}"),
                    "Pale.",
                    "Fresh, fruity",
                    "Good."
                )
            })
            .chain((0..3).map(|_| format!("{:32}{}", "", "and more notes")))
            .collect();
        let text = format!("\u{c}{prose}\n{}\n\n{prose}", rows.join("\n"));
        let (lines, log) = keep(&text);
        assert_eq!(kept(&lines), 13, "{:?}", log.changes);
        let first = lines
            .iter()
            .position(|l| l.text.starts_with("Wine 0"))
            .unwrap();
        assert!(
            lines[first..first + 13]
                .iter()
                .all(|l| l.kind == LineKind::Code)
        );
    }
}
