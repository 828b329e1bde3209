//! The line stage: raw text as numbered lines, before any block exists.
//!
//! Layout repairs need what blocks hide: line lengths, indentation, form
//! feeds and line-end hyphens. Each line keeps its 1-based input line number
//! so that every change can name where it happened, even after lines were
//! merged or removed.

use crate::model::{Block, Document, Inline, Span, Table, compact, inlines_from_text};

/// One input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text, without its line end and without form feeds. Leading
    /// whitespace (indentation) is kept: layout passes read it.
    pub text: String,
    /// The 1-based input line it came from (the first one, after a merge).
    pub number: u32,
    /// The last input line merged into this one (equal to `number` unless a
    /// pass joined lines).
    pub last: u32,
    /// A form feed stood on or before this line: a new printed page starts here.
    pub page_break: bool,
    /// The word at the end of this line goes on at the start of the next
    /// non-blank line with nothing between them (a word broken at the line
    /// end, "happen—" / "who"). The text stays on its lines, so layout passes
    /// still see the lines as they were printed.
    pub glue: bool,
    /// What the line is, as the `regions` pass classified it. Only prose
    /// lines are repaired; the others are kept verbatim by every later pass.
    pub kind: LineKind,
    /// The printed pages that start at this line (set by `page-artifacts`
    /// on the first line that stays of each page; more than one only where
    /// a page held nothing but furniture). Later passes that merge lines
    /// keep them on the line that holds this line's first word.
    pub page_starts: Vec<PageStart>,
}

/// What a line is: running text, or something that must be kept as it is.
///
/// Set by the `regions` pass before any prose repair. A blank line carries
/// the kind of the region it stands in, so a blank line inside a code
/// listing keeps the listing one block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Running text: the prose passes may join, split and re-space it.
    #[default]
    Prose,
    /// A line of a code listing or other preformatted text.
    Code,
    /// A row of a table: its cells separated by tabs.
    Table,
}

impl LineKind {
    /// Prose, which the repair passes may change. Every other kind is verbatim.
    pub fn is_prose(self) -> bool {
        self == LineKind::Prose
    }

    /// The name used in the repair log and `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            LineKind::Prose => "prose",
            LineKind::Code => "code",
            LineKind::Table => "table",
        }
    }
}

/// Where a printed page of the source starts, and how it was numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStart {
    /// The page's label as printed ("12", "xii"), or as counted from its
    /// neighbours when the page printed none.
    pub label: String,
    /// The label was read from the page's own furniture (not counted).
    pub printed: bool,
}

impl Line {
    pub fn span(&self) -> Span {
        Span::lines(self.number, self.last.max(self.number))
    }

    /// Nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The text without indentation or trailing whitespace.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }

    /// Columns of leading whitespace (a tab counts as one).
    pub fn indent(&self) -> usize {
        self.text.chars().take_while(|c| c.is_whitespace()).count()
    }

    /// Length of the visible text in characters.
    pub fn len(&self) -> usize {
        self.trimmed().chars().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Splits decoded text into lines. A trailing `\r` is a line end; form feeds
/// are taken out of the text, and those that open a line are kept as
/// [`Line::page_break`], so later passes never have to care about them as
/// characters. Only where one may be a font's "fi" ligature (beside a
/// letter) does it stay in the text for `hygiene`, the first pass, to
/// decide.
pub fn split(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pending_break = false;
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // Extractors write a page's form feed at the start of its first
        // line ("\u{c}\u{c}" for an empty page between). One after other
        // characters is a glyph that a font mapped to the control code (a
        // math symbol in ghostscript's text), not a page's edge.
        let page_break = pending_break || raw.starts_with('\u{c}');
        // Copied as it is unless it holds a form feed (a char-by-char copy of
        // every line was a visible share of reading a long document).
        let text: String = if raw.contains('\u{c}') {
            without_page_feeds(raw)
        } else {
            raw.to_string()
        };
        let number = i as u32 + 1;
        // A form feed on a line of its own marks the page for the next line.
        pending_break = page_break && text.trim().is_empty();
        out.push(Line {
            text,
            number,
            last: number,
            page_break: page_break && !pending_break,
            glue: false,
            kind: LineKind::Prose,
            page_starts: Vec::new(),
        });
    }
    // A trailing newline is not a line of its own.
    if out.len() > 1 && out.last().is_some_and(|l| l.text.is_empty()) {
        out.pop();
    }
    out
}

/// A line without its form feeds, but for those inside it beside a letter
/// and a lone one that opens it before a lower-case letter ("\u{c}eld": a
/// page's edge, or the ligature of "field"): a TeX font keeps its "fi"
/// ligature at that code (0x0C), and an extractor that does not know the
/// glyph's letters writes the code ("identi\u{c}er", "\u{c}rst"). `hygiene`
/// puts the letters back where they make a word, and removes (and logs) the
/// code where they do not; one that opens a line stays its page's edge.
fn without_page_feeds(raw: &str) -> String {
    let opening = raw.len() - raw.trim_start_matches('\u{c}').len();
    let mut out = String::with_capacity(raw.len());
    if opening == 1 && raw[1..].starts_with(char::is_lowercase) {
        out.push('\u{c}');
    }
    let mut prev: Option<char> = None;
    let mut chars = raw[opening..].chars();
    while let Some(c) = chars.next() {
        let beside_letter = || {
            prev.is_some_and(char::is_alphabetic)
                || chars.clone().next().is_some_and(char::is_alphabetic)
        };
        if c != '\u{c}' || (prev.is_some() && beside_letter()) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Runs of non-blank prose lines become paragraphs; each line break inside a
/// block is a `SoftBreak`. The structure pass later decides which of them are
/// headings or list items. A run of verbatim lines (see [`LineKind`]) becomes
/// one block of its kind, its text as it stands.
///
/// The words of each line are kept compactly (see [`compact`]): one
/// inline per word and per space was most of the memory a long document
/// took.
///
/// Each printed page start ([`Line::page_starts`]) becomes an
/// [`Inline::PageMarker`] before the first word of its line, after the
/// rejoined word when that word began on the page before (a line glued to
/// this one), and at the end of the prose before a code listing or table
/// that a page starts in (verbatim text has no inlines to hold it).
pub fn into_document(lines: &[Line]) -> Document {
    let mut blocks = Vec::new();
    let mut current: Vec<Inline> = Vec::new();
    let mut span = Span::UNKNOWN;
    let mut glue = false;
    // Page markers waiting for the end of a word broken across lines.
    let mut pending: Vec<Inline> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if !line.kind.is_prose() {
            if !current.is_empty() {
                current.append(&mut pending);
            }
            flush(&mut blocks, &mut current, &mut span);
            glue = false;
            let end = (i..lines.len())
                .find(|&j| lines[j].kind != line.kind)
                .unwrap_or(lines.len());
            pending.extend(page_markers(&lines[i..end]));
            place_before_verbatim(&mut blocks, &mut pending);
            blocks.extend(verbatim_block(&lines[i..end]));
            i = end;
            continue;
        }
        i += 1;
        if line.is_blank() {
            if !glue {
                flush(&mut blocks, &mut current, &mut span);
            }
            continue;
        }
        let mut words = inlines_from_text(line.trimmed());
        pending.extend(page_markers(std::slice::from_ref(line)));
        if glue {
            // The line's first word ends the word the line before broke:
            // the page's marker goes after the whole word.
            let mut rest = words.split_off(1.min(words.len()));
            compact(&mut rest);
            current.append(&mut words);
            if !rest.is_empty() || !line.glue {
                current.append(&mut pending);
            }
            current.extend(rest);
        } else {
            if !current.is_empty() {
                current.push(Inline::SoftBreak);
            }
            current.append(&mut pending);
            compact(&mut words);
            current.append(&mut words);
        }
        span = span.join(line.span());
        glue = line.glue;
    }
    if current.is_empty() {
        // The last pages start in a listing or table at the end: their
        // markers stand after the last prose, never in a block of their own.
        // A document with no prose has nowhere to show them.
        if let Some(inlines) = blocks.iter_mut().rev().find_map(Block::inlines_mut) {
            inlines.append(&mut pending);
        }
        pending.clear();
    }
    current.append(&mut pending);
    flush(&mut blocks, &mut current, &mut span);
    Document {
        blocks,
        ..Document::default()
    }
}

/// The page markers of the page starts on `lines`, in order.
fn page_markers(lines: &[Line]) -> impl Iterator<Item = Inline> + '_ {
    lines
        .iter()
        .flat_map(|l| l.page_starts.iter())
        .map(|p| Inline::PageMarker(p.label.clone()))
}

/// Page markers of a page that starts in a code listing or a table go at
/// the end of the prose block just before it, the last text a reader meets
/// before the verbatim block; with no prose block before, they wait for the
/// next prose word.
fn place_before_verbatim(blocks: &mut [Block], pending: &mut Vec<Inline>) {
    if pending.is_empty() {
        return;
    }
    if let Some(inlines) = blocks
        .last_mut()
        .and_then(Block::inlines_mut)
        .filter(|c| !c.is_empty())
    {
        inlines.append(pending);
    }
}

fn flush(blocks: &mut Vec<Block>, current: &mut Vec<Inline>, span: &mut Span) {
    if !current.is_empty() {
        current.shrink_to_fit();
        blocks.push(Block::paragraph(std::mem::take(current), *span));
    }
    *span = Span::UNKNOWN;
}

/// The block for a run of verbatim lines of one kind, or `None` when the run
/// holds nothing but blank lines.
fn verbatim_block(run: &[Line]) -> Option<Block> {
    let span = run
        .iter()
        .filter(|l| !l.is_blank())
        .fold(Span::UNKNOWN, |s, l| s.join(l.span()));
    if span.is_unknown() {
        return None;
    }
    if run[0].kind == LineKind::Table {
        let texts: Vec<&str> = run
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.as_str())
            .collect();
        let (head, body) = table_rows(&texts);
        return Some(Block::Table {
            table: Table::from_text_rows(head, body),
            span,
        });
    }
    Some(Block::CodeBlock {
        language: None,
        text: verbatim_text(run),
        span,
    })
}

/// The lines as they stand: trailing whitespace and the indentation all
/// lines share removed, blank lines inside kept, blank lines at either end
/// dropped.
pub fn verbatim_text(run: &[Line]) -> String {
    let first = run.iter().position(|l| !l.is_blank()).unwrap_or(0);
    let last = run.iter().rposition(|l| !l.is_blank()).map_or(0, |i| i + 1);
    let run = &run[first..last.max(first)];
    let common = run
        .iter()
        .filter(|l| !l.is_blank())
        .map(Line::indent)
        .min()
        .unwrap_or(0);
    let mut text = String::new();
    for (k, line) in run.iter().enumerate() {
        if k > 0 {
            text.push('\n');
        }
        if !line.is_blank() {
            let start = line
                .text
                .char_indices()
                .nth(common)
                .map_or(line.text.len(), |(b, _)| b);
            text.push_str(line.text[start..].trim_end());
        }
    }
    text
}

/// A rule line: dashes, equals signs, and the corners and bars of a grid.
pub fn is_rule(t: &str) -> bool {
    let t = t.trim();
    // The character test first: it stops at a prose line's first letter,
    // where the count would read the whole line.
    t.chars()
        .all(|c| matches!(c, '-' | '=' | '+' | '|' | ':' | '_' | ' '))
        && t.chars().filter(|c| matches!(c, '-' | '=')).count() >= 3
}

/// Rows of a table from its lines as the `regions` pass wrote them: cells
/// split at tabs; a line whose first cell is empty continues the row above
/// (a cell wrapped onto a second line); the rows above the first rule line
/// are the header.
pub fn table_rows(texts: &[&str]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut head_rows = None;
    for t in texts {
        if is_rule(t) {
            if head_rows.is_none() && !rows.is_empty() {
                head_rows = Some(rows.len());
            }
            continue;
        }
        let cells: Vec<String> = t.split('\t').map(|c| c.trim().to_string()).collect();
        match rows.last_mut() {
            Some(last) if cells.len() > 1 && cells[0].is_empty() => {
                for (k, cell) in cells.into_iter().enumerate() {
                    if cell.is_empty() {
                        continue;
                    }
                    if k >= last.len() {
                        last.resize(k + 1, String::new());
                    }
                    append_to_cell(&mut last[k], &cell);
                }
            }
            _ => rows.push(cells),
        }
    }
    let body = rows.split_off(head_rows.unwrap_or(0));
    (rows, body)
}

/// Appends the next line's piece of a wrapped table cell to the cell, a
/// space between; or, where the cell's line ended on a soft hyphen (the
/// typesetter's own mark of a word it hyphenated at the line end) and a
/// letter stands on both sides, nothing between and the soft hyphen gone:
/// the word is whole again ("repeti\u{ad}" / "tion"). A visible hyphen stays:
/// "inner-" / "most" may be either word.
pub fn append_to_cell(cell: &mut String, piece: &str) {
    const SOFT_HYPHEN: char = '\u{ad}';
    if piece.is_empty() {
        return;
    }
    let hyphenated = cell
        .strip_suffix(SOFT_HYPHEN)
        .is_some_and(|word| word.ends_with(char::is_alphabetic))
        && piece.starts_with(char::is_alphabetic);
    if hyphenated {
        cell.pop();
    } else if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(piece);
}

/// Indices of the lines that are not blank, in order.
pub fn non_blank(lines: &[Line]) -> Vec<usize> {
    (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect()
}

/// Whether a page break lies after line `a`, up to and including line `b`
/// (`a < b`): the two lines stand on different pages.
pub fn page_break_between(lines: &[Line], a: usize, b: usize) -> bool {
    lines[a + 1..=b].iter().any(|l| l.page_break)
}

/// A blank line standing at the place of input line `number` (inserted by a
/// pass to end a paragraph).
pub fn blank(number: u32) -> Line {
    Line {
        text: String::new(),
        number,
        last: number,
        page_break: false,
        glue: false,
        kind: LineKind::Prose,
        page_starts: Vec::new(),
    }
}

/// The document's own vocabulary, read from its lines: the evidence the
/// line passes weigh against the word list.
pub fn vocabulary(lines: &[Line]) -> super::lexicon::DocVocabulary {
    // Line by line reads the same tokens as the lines joined with `\n`,
    // without copying the whole text first.
    let mut vocab = super::lexicon::DocVocabulary::default();
    for line in lines {
        vocab.add_text(&line.text);
    }
    vocab
}

/// The words the document writes as parts of its paths and addresses
/// ("tamefloats" from "http://ctan.org/pkg/tamefloats"): names, spelled as
/// the document spells them.
pub fn path_words(lines: &[Line]) -> rustc_hash::FxHashSet<String> {
    path_words_in(lines.iter().map(|l| l.text.as_str()))
}

/// [`path_words`] of any texts (a block's plain text, a line).
pub fn path_words_in<'a>(
    texts: impl IntoIterator<Item = &'a str>,
) -> rustc_hash::FxHashSet<String> {
    let mut words = rustc_hash::FxHashSet::default();
    for token in texts
        .into_iter()
        .filter(|text| text.contains('/'))
        .flat_map(str::split_whitespace)
        .filter(|t| t.contains('/'))
    {
        for part in token.split(|c: char| !c.is_alphanumeric()) {
            if !part.is_empty() && !words.contains(part) {
                words.insert(part.to_string());
            }
        }
    }
    words
}

/// The texts of `text`'s lines after `repair` (one step of a pass, run on
/// the lines alone), and its log: the unit tests' reading of a line
/// repair.
#[cfg(test)]
pub(crate) fn repaired_lines(
    text: &str,
    repair: impl FnOnce(&mut Vec<Line>, &mut super::RepairLog),
) -> (Vec<String>, super::RepairLog) {
    let mut lines = split(text);
    let mut log = super::RepairLog::default();
    repair(&mut lines, &mut log);
    (lines.into_iter().map(|l| l.text).collect(), log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feeds_become_page_breaks() {
        let l = split("a\n\u{c}B\n\u{c}\nC\n");
        assert_eq!(l.len(), 4);
        assert!(!l[0].page_break);
        assert!(l[1].page_break && l[1].text == "B");
        assert!(!l[2].page_break && l[2].is_blank());
        assert!(l[3].page_break && l[3].text == "C");
        // Before a lower-case letter the code may be a ligature ("\u{c}eld"
        // for "field"): it stays for `hygiene`, which decides.
        let l = split("a\n\u{c}eld");
        assert!(l[1].page_break && l[1].text == "\u{c}eld");
        // A form feed after other characters is a glyph, not a page's edge.
        let l = split("a\ndet(A) = \u{c} \u{c}\n    \u{c} 3 4\u{c}\nb\n");
        assert!(l.iter().all(|l| !l.page_break && !l.text.contains('\u{c}')));
        // Beside a letter it is a ligature's code, for `hygiene` to read.
        assert_eq!(split("an identi\u{c}er")[0].text, "an identi\u{c}er");
    }

    #[test]
    fn blocks_keep_spans() {
        let doc = into_document(&split("\nOne\ntwo\n\nThree"));
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[0].span(), Span::lines(2, 3));
        assert_eq!(doc.blocks[1].span(), Span::line(5));
    }

    #[test]
    fn verbatim_runs_become_one_block_each() {
        let mut lines = split("Intro text:\n    fn a() {\n\n        b();\n    }\nAfter.");
        for l in &mut lines[1..5] {
            l.kind = LineKind::Code;
        }
        let doc = into_document(&lines);
        assert_eq!(doc.blocks.len(), 3, "{:?}", doc.blocks);
        assert_eq!(doc.blocks[1].plain_text(), "fn a() {\n\n    b();\n}");
        assert_eq!(doc.blocks[1].span(), Span::lines(2, 5));
        assert_eq!(doc.blocks[2].plain_text(), "After.");
    }

    #[test]
    fn glued_lines_join_without_a_break() {
        let mut lines = split("a rela\ntionship");
        lines[0].glue = true;
        let doc = into_document(&lines);
        assert_eq!(doc.blocks[0].plain_text(), "a relationship");
    }

    #[test]
    fn wrapped_cells_rejoin_a_word_only_at_a_soft_hyphen() {
        let texts = [
            "${index()}\tThe current index of the inner-most repeti\u{ad}",
            "\ttion.",
            "${len}\tThe length of the inner-",
            "\tmost repetition, 2\u{ad}",
            "\t3 steps out.",
        ];
        let (head, body) = table_rows(&texts);
        assert!(head.is_empty());
        assert_eq!(
            body[0][1],
            "The current index of the inner-most repetition."
        );
        // A visible hyphen, and a soft hyphen after a digit, are no proof
        // of a hyphenated word: the pieces stay apart.
        assert_eq!(
            body[1][1],
            "The length of the inner- most repetition, 2\u{ad} 3 steps out."
        );
    }
}
