//! Paragraph boundaries: where blocks start and end in raw text.
//!
//! Hard-wrapped lines of one paragraph stay together (the block builder joins
//! them with soft breaks). This pass adds the boundaries that have no blank
//! line, and removes the blank lines that cut a paragraph:
//!
//! * **end of a paragraph without a blank line**: the line could have taken
//!   the next line's first word and did not, so the break is not a wrap. The
//!   width it is measured against is the document's own line-length profile;
//!   a line ending a sentence needs less room to spare than one that does not
//!   (a short line without punctuation before a capitalised line is a heading
//!   or a title line);
//! * **a line that starts a list item** ("•", "-", "1.", "a)") starts a block;
//!   a number mid-sentence only where it continues the numbered item above,
//!   a dash before a lower-case word mid-sentence only where other bulleted
//!   items stand near it;
//! * **lists whose bullets the extractor dropped**: two or more short lines
//!   in a row after a line ending in ':' end a block each; and what a colon
//!   introduces starts a block when its line starts with a capital letter
//!   (see [`super::paragraph_lists`]);
//! * **a heading-like line** (short, no sentence punctuation, between a
//!   sentence end and a capitalised line) is a block of its own;
//! * **page-break join**: blank lines at a page break are removed when the
//!   paragraph goes on (the last line before the break is full, or does not
//!   end a sentence, or the next one starts in lower case); blank lines
//!   without a page break are removed only when the text before them stops
//!   mid-sentence and the text after goes on in lower case.
//!
//! Do no harm: text already laid out with blank lines between paragraphs and
//! wrapped greedily keeps every boundary, because a greedy wrap never leaves
//! room for the next word.

use super::lexicon::{is_abbreviation, is_function_word};
use super::lines::{Line, blank, page_break_between};
use super::page_artifacts::bare_number;
use super::paragraph_lists::{colon_runs, continued_numbers, markers_nearby, term_items};
use super::regions::has_code_signal;
use super::structure::{SPACED_BULLETS, author_names, is_heading_text, list_marker};
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "find paragraph ends without blank lines; rejoin paragraphs cut by page breaks",
    stage: Stage::Lines(run),
};

const NAME: &str = "paragraphs";

/// The wrap width of a document is taken as this percentile of its line
/// lengths: the longest lines are outliers (URLs, headers), the median is
/// too short for justified text set in a proportional font.
const WIDTH_PERCENTILE: f64 = 0.9;

/// A line ending a sentence ends its paragraph when the next word would have
/// fitted within this share of the width. Below 1.0 because text extracted
/// from a proportional font varies by a few characters from line to line.
const SENTENCE_END_ROOM: f64 = 0.9;

/// A line without sentence punctuation before a capitalised line ends a block
/// (a heading, a title line, a list item) when the next word would have
/// fitted within this share of the width: it must be clearly short.
const NO_PUNCTUATION_ROOM: f64 = 0.8;

/// A line of a run of short lines after a colon (see
/// [`super::paragraph_lists`]) leaves room for the next word within half the
/// width: far from any wrap, so that a line of code or a title set in a
/// wider font is not taken for one.
const RUN_LINE_ROOM: f64 = 0.5;

/// In typeset text the lengths are estimated printed widths (see
/// [`glyph_width`]), which separate a full line from a paragraph's last line
/// more sharply than character counts do: the next word must clearly not
/// have fitted.
const TYPESET_SENTENCE_END_ROOM: f64 = 0.98;

/// How line lengths are measured: characters for plain text (wrapped in a
/// fixed-width font), estimated glyph widths for text from a typeset page.
#[derive(Clone, Copy)]
struct Ruler {
    width: f64,
    typeset: bool,
}

impl Ruler {
    fn len(&self, s: &str) -> f64 {
        if self.typeset {
            printed_len(s)
        } else {
            s.chars().count() as f64
        }
    }

    /// The room a line ending a sentence may leave before it ends its paragraph.
    fn sentence_end_room(&self) -> f64 {
        if self.typeset {
            self.width * TYPESET_SENTENCE_END_ROOM
        } else {
            self.width * SENTENCE_END_ROOM
        }
    }
}

/// The width of a character in a proportional text font, in ems, roughly:
/// enough to tell "illicit" from "maximum", which a character count cannot.
fn glyph_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | '.' | ',' | ';' | ':' | '\'' | '’' | '‘'
        | '!' | '|' | '(' | ')' | '[' | ']' | '-' | ' ' | '\u{AD}' => 0.3,
        'm' | 'w' | 'M' | 'W' | '—' => 0.9,
        c if c.is_uppercase() => 0.7,
        _ => 0.5,
    }
}

/// Fewer lines than this give no reliable width; boundaries then come from
/// blank lines, list markers and headings only.
const MIN_LINES_FOR_PROFILE: usize = 8;

/// Text from a typeset page: page breaks or soft hyphens at line ends.
pub(super) fn is_typeset(lines: &[Line]) -> bool {
    lines
        .iter()
        .any(|l| l.page_break || l.text.trim_end().ends_with('\u{AD}'))
}

/// The estimated printed width of `s` in a proportional font, in ems.
pub(super) fn printed_len(s: &str) -> f64 {
    s.chars().map(glyph_width).sum()
}

/// The column width of typeset text in ems (see [`printed_len`]), or `None`
/// when there are too few lines to tell.
pub(super) fn printed_width(lines: &[Line]) -> Option<f64> {
    wrap_width(lines, true).map(|r| r.width)
}

pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    // Text from a typeset page (page breaks, soft hyphens) puts a blank line
    // before headings and nowhere else inside the text flow.
    let typeset = is_typeset(lines);
    let width = wrap_width(lines, typeset);
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    if content.is_empty() {
        return;
    }
    let short = |a: usize, b: Option<usize>| {
        width.is_some_and(|r| {
            let next = b.map_or("", |b| lines[b].trimmed());
            room_with_next(r, lines[a].trimmed(), next) <= r.width * RUN_LINE_ROOM
        })
    };
    let lists = ListEvidence {
        colon_run: colon_runs(lines, &content, &short),
        term_item: term_items(lines, &content, &|a, b| {
            width.is_some_and(|r| {
                room_with_next(r, lines[a].trimmed(), lines[b].trimmed()) <= r.sentence_end_room()
            })
        }),
        continued_number: continued_numbers(lines, &content),
        next_section: next_sections(lines, &content),
        run_in_section: run_in_sections(lines, &content),
        marker_nearby: markers_nearby(lines, &content),
    };
    // Decisions between consecutive content lines a = content[k], b = content[k + 1].
    let mut split_after = vec![false; lines.len()];
    let mut join_after = vec![false; lines.len()];
    for k in 0..content.len() - 1 {
        let (a, b) = (content[k], content[k + 1]);
        // A verbatim line (code, table) is a block boundary of its own
        // kind: no paragraph decision joins or splits next to it.
        if !lines[a].kind.is_prose() || !lines[b].kind.is_prose() {
            continue;
        }
        let adjacent = b == a + 1;
        let next = content.get(k + 2).copied().filter(|&n| n == b + 1);
        if lines[a].glue {
            join_after[a] = !adjacent;
            continue;
        }
        let after_blank = k > 0 && content[k - 1] + 1 < a && !lines[a].page_break;
        let first_block = content[0] == a || k == 0;
        if adjacent {
            let rule = boundary(lines, a, b, next, width, &lists).or_else(|| {
                (typeset && after_blank && heading_after_blank(lines, a, b, width))
                    .then_some("heading-after-blank")
            });
            let cut = rule.and_then(|r| {
                if r == "lone-dash-line" {
                    let why =
                        "the line before stops mid-sentence and no other list item stands near";
                    return Some((r, why.to_string()));
                }
                sentence_goes_on(lines, a, b, r).map(|why| (r, why))
            });
            if let Some((rule, why)) = cut {
                log.decline_cited(
                    NAME,
                    rule,
                    lines[a].span().join(lines[b].span()),
                    line_pair(lines, a, b),
                    format!("{why}, and no indentation shows a new paragraph"),
                );
            } else if let Some(rule) = rule {
                split_after[a] = true;
                log.record_cited(
                    NAME,
                    rule,
                    lines[a].span().join(lines[b].span()),
                    tail(lines[a].trimmed()),
                    format!("{} ¶", tail(lines[a].trimmed())),
                    rule_evidence(rule),
                );
            }
        } else if let Some(rule) =
            rejoin(lines, a, b, width, &split_after, &join_after).filter(|_| !first_block)
        {
            // What starts after the break whatever the text before it left
            // open: a section number and a short title alone before it, an
            // item that opens on a term (whatever case its term starts in),
            // a section run in with its text; and what goes on after it
            // with the next item, not with its own text: an item of a run
            // of short lines.
            let held = if heading_before_page_break(lines, a, b) {
                Some("a section number and a short title stand alone before the page break")
            } else if lists.term_item[b] {
                Some(rule_evidence("colon-term-item"))
            } else if lists.run_in_section[b] {
                Some("the next line opens a numbered section, in the document's sequence")
            } else if lists.colon_run[a] {
                Some(rule_evidence("colon-run-item"))
            } else if rule == "split-sentence-join" && indented_listing_after(lines, a, b) {
                Some(
                    "the block after the blank line is code, indented as a whole: a listing of its own",
                )
            } else {
                None
            };
            if let Some(why) = held {
                log.decline_cited(
                    NAME,
                    rule,
                    lines[a].span().join(lines[b].span()),
                    line_pair(lines, a, b),
                    why,
                );
                continue;
            }
            join_after[a] = true;
            log.record_cited(
                NAME,
                rule,
                lines[a].span().join(lines[b].span()),
                format!(
                    "{} ¶ {}",
                    tail(lines[a].trimmed()),
                    head(lines[b].trimmed())
                ),
                format!("{} {}", tail(lines[a].trimmed()), head(lines[b].trimmed())),
                rule_evidence(rule),
            );
        }
    }
    let mut out = Vec::with_capacity(lines.len() + 16);
    let mut joining = false;
    for (i, line) in lines.drain(..).enumerate() {
        if line.is_blank() && joining {
            continue;
        }
        if !line.is_blank() {
            joining = join_after[i];
        }
        let number = line.number;
        out.push(line);
        if split_after[i] {
            out.push(blank(number));
        }
    }
    *lines = out;
}

/// What the document's lists show beyond each line break (see
/// [`super::paragraph_lists`]), per line.
struct ListEvidence {
    /// The line is one of a run of short lines after a colon.
    colon_run: Vec<bool>,
    /// The line opens an item on a term and a colon, in a list after a colon.
    term_item: Vec<bool>,
    /// The line is a numbered heading whose number comes next after the
    /// numbered heading above ("1.1.4 ..." then "1.1.5 ...").
    next_section: Vec<bool>,
    /// The line starts with a number that continues the numbered line above.
    continued_number: Vec<bool>,
    /// The line opens a section run in with its text ("7.3.25 FlxqXQ. See
    /// ..."), numbered in the document's sequence (see [`run_in_sections`]).
    run_in_section: Vec<bool>,
    /// Another line near this one starts with a list marker.
    marker_nearby: Vec<bool>,
}

/// The room line `ta` leaves when the first word of `tb` is set after it.
fn room_with_next(ruler: Ruler, ta: &str, tb: &str) -> f64 {
    ruler.len(ta) + ruler.len(" ") + ruler.len(first_word(tb))
}

/// Why a paragraph ends between adjacent lines `a` and `b`, if it does.
fn boundary(
    lines: &[Line],
    a: usize,
    b: usize,
    next: Option<usize>,
    width: Option<Ruler>,
    lists: &ListEvidence,
) -> Option<&'static str> {
    let (ta, tb) = (lines[a].trimmed(), lines[b].trimmed());
    if let Some(m) = list_marker(tb) {
        // A number at the start of a line inside a sentence ("at most\n8.
        // If ...") is running text, not a list; a bullet always starts one,
        // and so does a number that continues the numbered item above.
        let mid_sentence = ta.ends_with(|c: char| c.is_lowercase() || c == ',');
        // A dash, star or plus before a lower-case word mid-sentence is an
        // item only where other items stand near it ("C's -fwrapv" /
        // "- which I").
        let spaced_bullet = tb.starts_with(SPACED_BULLETS);
        if m.ordinal.is_none()
            && mid_sentence
            && spaced_bullet
            && m.rest.starts_with(char::is_lowercase)
            && !lists.marker_nearby[b]
        {
            return Some("lone-dash-line");
        }
        if m.ordinal.is_none() || !mid_sentence {
            return Some("list-item-start");
        }
        if lists.continued_number[b] {
            return Some("numbered-item-continues");
        }
    }
    if lists.colon_run[a] {
        return Some("colon-run-item");
    }
    if lists.term_item[b] {
        return Some("colon-term-item");
    }
    // What a colon introduces (a list, a display, a quotation) starts on a
    // line of its own when that line starts with a capital letter; not a
    // run of names the sentence goes on with ("three countries:" /
    // "China, India and Russia").
    if ta.ends_with(':')
        && starts_upper_letter(tb)
        && !first_word(tb).ends_with([',', ';'])
        && ta.chars().any(char::is_alphabetic)
    {
        return Some("colon-before-capital");
    }
    if ends_sentence(ta) && (numbered_start(tb) || numbered_heading_line(tb)) {
        return Some("numbered-line-start");
    }
    if ends_sentence(ta) && option_term(tb) {
        return Some("option-after-sentence-end");
    }
    if ends_sentence(ta) && outdented(lines, a, b) {
        return Some("outdent-after-sentence-end");
    }
    if ends_sentence(ta) && starts_capital(tb) && first_line_indent(lines, a, b, next) {
        return Some("indent-after-sentence-end");
    }
    if lists.next_section[b] {
        return Some("section-number-continues");
    }
    if numbered_heading_line(ta)
        && starts_section(lines, a)
        && !tb.starts_with(|c: char| c.is_lowercase())
    {
        return Some("numbered-heading-line");
    }
    // A manual page's section names ("NAME" / "xmllint - command line XML
    // tool", "SEE ALSO"): a title in capitals alone on its block's first
    // line, text in lower case or mixed case after it.
    if capitals_title(ta) && starts_section(lines, a) && tb.contains(char::is_lowercase) {
        return Some("capitals-heading-line");
    }
    let ruler = width?;
    let width = ruler.width;
    let fits = |line: &str, following: &str| room_with_next(ruler, line, following);
    let room = fits(ta, tb);
    if ends_sentence(ta) && room <= ruler.sentence_end_room() {
        return Some("short-line-sentence-end");
    }
    if !ends_sentence(ta) && starts_capital(tb) && room <= width * NO_PUNCTUATION_ROOM {
        return Some("short-line-before-capital");
    }
    // A heading-like line `b` after a sentence end: short, no sentence
    // punctuation, followed by a capitalised line (or nothing).
    let heading_like = |h: usize, after: Option<usize>| {
        let t = lines[h].trimmed();
        let short = match after {
            Some(n) => fits(t, lines[n].trimmed()) <= width * NO_PUNCTUATION_ROOM,
            None => ruler.len(t) <= width * NO_PUNCTUATION_ROOM,
        };
        short
            && !ends_sentence(t)
            && !t.ends_with(',')
            && starts_capital(t)
            && after.is_none_or(|n| starts_capital(lines[n].trimmed()))
    };
    if ends_sentence(ta) && heading_like(b, next) {
        return Some("heading-line");
    }
    None
}

/// Most words of a line [`option_term`] reads as an option's term.
const OPTION_TERM_MAX_WORDS: usize = 3;

/// "--cache=directory", "-C directory", "--mode=octal-mode": a program's
/// option and its argument, short, on a line of their own: the term of a
/// manual's list of options, whose description follows. Where the
/// extractor kept no blank line or indent before it, the sentence that
/// ends the description above is what shows the term starts anew.
fn option_term(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() <= OPTION_TERM_MAX_WORDS
        && words
            .first()
            .is_some_and(|w| super::spacing::is_option(w.trim_end_matches(',')))
        && !ends_sentence(t)
}

/// A title set in capitals: one to three words of two capital letters or
/// more, four letters at least, not all of them function words ("NAME",
/// "SEE ALSO", "EXIT STATUS"; not "A", "THE", "IO(3)", nor an
/// abbreviation that opens a line of text: "KV" / "keys. When ...").
fn capitals_title(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=CAPITALS_TITLE_MAX_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()))
        && words.iter().map(|w| w.chars().count()).sum::<usize>() >= 4
        && !words.iter().all(|w| is_function_word(w))
}

/// Longest title in capitals that [`capitals_title`] reads, in words.
const CAPITALS_TITLE_MAX_WORDS: usize = 3;

/// A paragraph's first line set this many columns or more right of the
/// lines around it opens it (TeX's paragraph indent, by `pdftotext
/// -layout` or ghostscript): one column is the wobble of an extract.
const FIRST_LINE_INDENT_MIN: usize = 2;

/// Whether line `b` is a paragraph's indented first line, in text that
/// kept its indentation: `b` starts [`FIRST_LINE_INDENT_MIN`] columns or
/// more right of line `a` and of the line after it (`next`), which go on at
/// one margin. A block indented as a whole (a quotation, a listing) goes on
/// indented after its first line. Where a line holds text in two columns
/// (a page's index beside its text), its indent is the left column's and
/// says nothing of the text's paragraphs.
fn first_line_indent(lines: &[Line], a: usize, b: usize, next: Option<usize>) -> bool {
    let Some(next) = next else {
        return false;
    };
    let one_column = |k: usize| !lines[k].trimmed().contains("   ");
    let (above, first, below) = (lines[a].indent(), lines[b].indent(), lines[next].indent());
    above.abs_diff(below) <= 1
        && first >= above.max(below) + FIRST_LINE_INDENT_MIN
        && [a, b, next].into_iter().all(one_column)
}

/// A line set this many columns or more left of the paragraph's lines
/// above it starts a new block: less is the wobble of a layout extract.
const OUTDENT_MIN: usize = 4;

/// Whether line `b` starts left of a paragraph body that line `a` ends,
/// in text that kept its indentation (`pdftotext -layout`, a manual page):
/// lines `a` and the one above it share their indentation, and `b` starts
/// [`OUTDENT_MIN`] columns or more further left, as the next term of a
/// definition list after its description does ("        ... environment
/// variable." / "comment-begin (``#'')"). A paragraph's own first line,
/// indented deeper than the lines after it, is not such a body, and a line
/// number in the margin starts no block.
fn outdented(lines: &[Line], a: usize, b: usize) -> bool {
    let indent = |t: &str| t.len() - t.trim_start().len();
    let Some(above) = a.checked_sub(1).filter(|&p| !lines[p].is_blank()) else {
        return false;
    };
    let body = indent(&lines[a].text);
    // A line number in the margin ("30 Proin dignissim ...", every fifth
    // line of a critical edition) sticks out of the paragraph it goes on.
    let margin_number = first_word(lines[b].trimmed())
        .chars()
        .all(|c| c.is_ascii_digit());
    indent(&lines[above].text) == body
        && indent(&lines[b].text) + OUTDENT_MIN <= body
        && !margin_number
}

/// Why a paragraph found by width alone (`rule`), or a heading read from a
/// short line after a blank line, would cut a sentence
/// between adjacent lines `a` and `b`: line `a` stops on a comma or on a
/// word that needs a next one ("the", "of", "and"), or line `b` goes on in
/// lower case. `None` when the break may stand: the sentence ended, or the
/// layout shows a new paragraph (line `b` indented deeper than line `a`).
/// List items and headings found by their own marks are not weighed here.
fn sentence_goes_on(lines: &[Line], a: usize, b: usize, rule: &str) -> Option<String> {
    if rule == "colon-term-item" {
        // The item's term is evidence of its own, but not against a
        // sentence that visibly goes on ("the values are 1, 2 and" /
        // "3: ...").
        let ta = lines[a].trimmed();
        if ta.ends_with(',') || ends_with_dash(ta) {
            return Some("the line before ends on a comma or a dash".to_string());
        }
        if ends_on_continuing_word(ta) {
            let last = ta.rsplit(char::is_whitespace).next().unwrap_or("");
            return Some(format!(
                "the line before ends on '{last}', which needs a next word"
            ));
        }
        return None;
    }
    if !matches!(
        rule,
        "short-line-sentence-end"
            | "short-line-before-capital"
            | "heading-line"
            | "numbered-heading-line"
            | "heading-after-blank"
            | "section-number-continues"
    ) {
        return None;
    }
    let indent = |t: &str| t.len() - t.trim_start().len();
    if indent(&lines[b].text) > indent(&lines[a].text) {
        return None;
    }
    let (ta, tb) = (lines[a].trimmed(), lines[b].trimmed());
    if ta.ends_with(',') {
        return Some("the line ends on a comma".to_string());
    }
    let last = ta.rsplit(char::is_whitespace).next().unwrap_or("");
    if ends_on_continuing_word(ta) {
        return Some(format!(
            "the line ends on '{last}', which needs a next word"
        ));
    }
    if starts_lower_word(tb) && !ta.ends_with(['.', '!', '?', ':']) {
        return Some(format!(
            "the next line goes on in lower case ('{}')",
            first_word(tb)
        ));
    }
    None
}

/// Whether `t` ends on a word a sentence does not end on ("the", "of").
/// As written: a capital "A" ends "Appendix A", a heading.
pub(super) fn ends_on_continuing_word(t: &str) -> bool {
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    CONTINUING_WORDS.contains(&last)
}

/// Articles, prepositions, conjunctions and possessives: a sentence does not
/// end on them.
const CONTINUING_WORDS: &[&str] = &[
    "a", "about", "across", "after", "against", "along", "among", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "behind", "between", "both", "but", "by", "during",
    "each", "either", "every", "for", "from", "has", "have", "her", "his", "if", "in", "into",
    "is", "its", "my", "neither", "nor", "of", "on", "onto", "or", "our", "per", "than", "that",
    "the", "their", "these", "this", "those", "through", "to", "toward", "towards", "under",
    "unless", "upon", "via", "was", "were", "whether", "which", "while", "with", "within",
    "without", "your",
];

/// What a boundary rule read in the layout, for the log.
fn rule_evidence(rule: &str) -> &'static str {
    match rule {
        "list-item-start" => "the next line starts with a list marker",
        "numbered-line-start" => "a sentence ends and the next line starts with a section number",
        "section-number-continues" => {
            "the next line is a numbered heading whose number comes next after the one above"
        }
        "numbered-heading-line" => "a section number and a short title stand alone on their line",
        "capitals-heading-line" => "a title in capitals stands alone on its block's first line",
        "short-line-sentence-end" => "a sentence ends on a line that had room for the next word",
        "indent-after-sentence-end" => {
            "a sentence ends, and the next line is indented as a paragraph's first"
        }
        "short-line-before-capital" => {
            "a line with room for the next word, before a capitalised line"
        }
        "heading-line" => "a short line without punctuation between two sentences",
        "numbered-item-continues" => {
            "the next line starts with the number after the numbered item above"
        }
        "colon-run-item" => "one of two or more short lines in a row after a line ending in ':'",
        "colon-term-item" => {
            "one of two or more lines after a line ending in ':' that open on a short term and a colon"
        }
        "colon-before-capital" => "the line ends in ':' and the next starts with a capital letter",
        "option-after-sentence-end" => {
            "a sentence ends and the next line is a program's option alone, a term of a list"
        }
        "outdent-after-sentence-end" => {
            "a sentence ends a paragraph's line and the next line starts further left"
        }
        "heading-after-blank" => "a short line after a blank line, before a capitalised line",
        "page-break-join" => "the text before the page break does not end its paragraph",
        "split-sentence-join" => {
            "the text before the blank line stops mid-sentence, the text after goes on in lower case"
        }
        _ => "the layout of the lines",
    }
}

/// "2 Borrow operators", "1.2.1 Character literals", "2Motivation": a
/// section number (no list marker's period) before a short title without
/// sentence punctuation.
pub(super) fn numbered_heading_line(t: &str) -> bool {
    let first = first_word(t);
    let digits = first
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(first.len());
    let number = &first[..digits];
    let title = t[digits..].trim_start();
    !number.is_empty()
        && number.starts_with(|c: char| c.is_ascii_digit())
        && !number.ends_with('.')
        && number.split('.').all(|p| !p.is_empty() && p.len() <= 3)
        && title.split_whitespace().count() <= MAX_NUMBERED_TITLE_WORDS
        && is_heading_text(title)
}

/// For each line, whether it is a numbered heading line ("1.1.5 Quote
/// escapes") whose number comes next after the last numbered heading line
/// above: the same depth and the next number ("1.1.4" -> "1.1.5"), one level
/// deeper starting at 1 ("2.1" -> "2.1.1"), or the next number at a level
/// above ("1.1.5" -> "1.2", "1.2" -> "2"); the first one of the text is "1"
/// or "0.1". A number in running text rarely continues the document's own
/// section numbering.
fn next_sections(lines: &[Line], content: &[usize]) -> Vec<bool> {
    let mut next = vec![false; lines.len()];
    let mut last: Option<Vec<u32>> = None;
    for &i in content {
        let t = lines[i].trimmed();
        if !lines[i].kind.is_prose() || !numbered_heading_line(t) {
            continue;
        }
        let Some(number) = section_number(first_word(t)) else {
            continue;
        };
        next[i] = match &last {
            Some(prev) => follows(prev, &number),
            None => number == [1] || number == [0, 1],
        };
        last = Some(number);
    }
    next
}

/// For each line, whether it opens a section run in with its text: a
/// section number of two parts or more, then a capitalised word ("7.3.25
/// FlxqXQ. See FpXQXQ operations. In this section, ..."), where the
/// document's next such line continues its number or the one before leads
/// to it ("7.3.25" and "7.3.26"): the document's own numbering, not a
/// number a sentence cites.
fn run_in_sections(lines: &[Line], content: &[usize]) -> Vec<bool> {
    let mut found = vec![false; lines.len()];
    let mut last: Option<(usize, Vec<u32>)> = None;
    for &i in content {
        let t = lines[i].trimmed();
        let first = first_word(t);
        let number = section_number(first).filter(|n| n.len() >= 2);
        let titled = t[first.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase());
        let Some(number) = number.filter(|_| titled && lines[i].kind.is_prose()) else {
            continue;
        };
        if let Some((before, prev)) = &last
            && follows(prev, &number)
        {
            found[*before] = true;
            found[i] = true;
        }
        last = Some((i, number));
    }
    found
}

/// "1.2.3" -> [1, 2, 3].
fn section_number(word: &str) -> Option<Vec<u32>> {
    word.split('.').map(|p| p.parse().ok()).collect()
}

/// Whether section number `cur` comes right after `prev`.
fn follows(prev: &[u32], cur: &[u32]) -> bool {
    let (n, m) = (prev.len(), cur.len());
    if m == n + 1 {
        return cur[..n] == *prev && cur[n] == 1;
    }
    m >= 1 && m <= n && cur[..m - 1] == prev[..m - 1] && cur[m - 1] == prev[m - 1] + 1
}

/// A numbered heading's title is this short at most.
const MAX_NUMBERED_TITLE_WORDS: usize = 8;

/// Whether line `a` starts where a section can: first in the text, after a
/// blank line, a sentence end, a line that is not prose, or a numbered
/// heading whose number line `a`'s own number goes on from ("1.2 Literals"
/// / "1.2.1 Character literals").
fn starts_section(lines: &[Line], a: usize) -> bool {
    let Some(before) = a.checked_sub(1) else {
        return true;
    };
    let prev = &lines[before];
    prev.is_blank()
        || !prev.kind.is_prose()
        || ends_sentence(prev.trimmed())
        || lines[a].page_break
        || subsection_of(lines[a].trimmed(), prev.trimmed())
}

/// "1.2.1 Character literals" under "1.2 Character and string literals":
/// both numbered heading lines, the first number the second's plus one part.
fn subsection_of(t: &str, parent: &str) -> bool {
    if !numbered_heading_line(t) || !numbered_heading_line(parent) {
        return false;
    }
    let (number, parent_number) = (first_word(t), first_word(parent));
    number
        .strip_prefix(parent_number)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
}

/// A numbered heading line ("5 Managing a crate") where a section can start,
/// the last line before a page break: the page ends after a heading, the
/// paragraph after the break is the section's first.
fn heading_before_page_break(lines: &[Line], a: usize, b: usize) -> bool {
    page_break_between(lines, a, b)
        && numbered_heading_line(lines[a].trimmed())
        && starts_section(lines, a)
        && starts_capital(lines[b].trimmed())
}

/// "1.b. The target...", "2.3 Scope": a line opening with a section number.
fn numbered_start(t: &str) -> bool {
    let first = first_word(t);
    let mut parts = first.trim_end_matches('.').split('.');
    let lead = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !lead.is_empty()
        && lead.len() <= 3
        && lead.chars().all(|c| c.is_ascii_digit())
        && !rest.is_empty()
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && t.len() > first.len()
}

/// The first line after a blank line in typeset text, short of the full
/// width, without sentence punctuation, before a capitalised line: a
/// heading printed above its paragraph.
fn heading_after_blank(lines: &[Line], a: usize, b: usize, width: Option<Ruler>) -> bool {
    let (ta, tb) = (lines[a].trimmed(), lines[b].trimmed());
    let Some(ruler) = width else {
        return false;
    };
    ruler.len(ta) < ruler.width * SENTENCE_END_ROOM
        && looks_like_heading(ta)
        && !ta.ends_with(',')
        && starts_capital(tb)
}

/// Why blank lines between `a` and `b` cut one paragraph, if they do.
fn rejoin(
    lines: &[Line],
    a: usize,
    b: usize,
    width: Option<Ruler>,
    split_after: &[bool],
    join_after: &[bool],
) -> Option<&'static str> {
    let (ta, tb) = (lines[a].trimmed(), lines[b].trimmed());
    if list_marker(tb).is_some() || author_names(tb).is_some() {
        return None;
    }
    // A bare number that `page-artifacts` kept (it did not count with its
    // neighbours) stays a block of its own. Joined into a paragraph, it
    // would no longer stand between the bare numbers around it, and a
    // second reading of the repaired text would find those counting up and
    // remove them as page numbers: the repair would not be idempotent.
    if bare_number(ta).is_some() || bare_number(tb).is_some() {
        return None;
    }
    let page_break = page_break_between(lines, a, b);
    let lower_next = starts_lower_word(tb);
    if page_break {
        // A sentence's end before an option ("... with -bbox-layout." /
        // "-colspacing number"): a manual's next entry, not the sentence
        // going on. A question before a capital: a question's title set
        // at the foot of its page ("... using SSH?" / "With most ..."),
        // however wide its line.
        let option_next = super::spacing::is_option(first_word(tb));
        let sentence_ends = ends_sentence(ta) && !ends_on_abbreviation(ta);
        if (option_next && sentence_ends) || (ta.ends_with('?') && starts_capital(tb)) {
            return None;
        }
        if lower_next {
            return Some("page-break-join");
        }
        // A paragraph's last line is short; a full line before the break, or
        // one that stops mid-sentence, means the paragraph goes on after it,
        // unless what follows is a heading.
        let full = width.is_some_and(|r| {
            r.len(ta) + r.len(" ") + r.len(first_word(tb)) > r.sentence_end_room()
        });
        let heading_next = looks_like_heading(tb)
            || is_heading_text(tb)
                && width.is_some_and(|r| r.len(tb) < r.width * NO_PUNCTUATION_ROOM);
        // A list's last item of one line, with room left on it, ends the
        // list before the break though it ends on no full stop ("• SRFI 78
        // – Lightweight testing" / "Documentation on these can be found
        // ..."): items seldom do, and the text after opens a sentence.
        let short_item = list_marker(ta).is_some() && !full && starts_capital(tb);
        if (full || !ends_sentence(ta)) && !heading_next && !short_item {
            return Some("page-break-join");
        }
        return None;
    }
    // No page break: only an unmistakable sentence cut ("on rare" / "earth").
    if lower_next
        && ta.ends_with(|c: char| c.is_alphabetic() || c == ',')
        && !ends_with_dash(ta)
        && paragraph_chars(lines, a, split_after, join_after) >= MIN_CUT_BLOCK_CHARS
    {
        return Some("split-sentence-join");
    }
    None
}

/// Columns right of the block before a blank line from which the whole
/// block after it is set apart (a listing's indent), not a paragraph's
/// first line.
const INDENTED_BLOCK: usize = 4;

/// Whether the block that starts at line `b` is a listing set apart from
/// the text before it ("we used" / "    export MKL_THREADING_LAYER=GNU"):
/// every line of it shows signs of code and stands at least [`INDENTED_BLOCK`]
/// columns right of the leftmost line of the block that ends at line `a`.
/// A sentence cut by a figure goes on in prose, wherever a hanging indent
/// puts it.
fn indented_listing_after(lines: &[Line], a: usize, b: usize) -> bool {
    let block = |range: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        range.take_while(|&i| !lines[i].is_blank()).collect()
    };
    let (before, after) = (block(&mut (0..=a).rev()), block(&mut (b..lines.len())));
    let margin = |block: &[usize]| block.iter().map(|&i| lines[i].indent()).min();
    let (Some(x), Some(y)) = (margin(&before), margin(&after)) else {
        return false;
    };
    y >= x + INDENTED_BLOCK && after.iter().all(|&i| has_code_signal(lines[i].trimmed()))
}

/// A block cut without a page break must be this long (in letters and
/// digits, about six words) before the cut: a shorter one may be a title or
/// a heading followed by text in lower case.
const MIN_CUT_BLOCK_CHARS: usize = 24;

/// Words in the block that ends at line `a` (up to the preceding blank line).
/// Letters and digits (up to `MIN_CUT_BLOCK_CHARS`) of the paragraph that
/// line `a` ends, as the decisions made so far shape it: a join across a
/// blank line continues it, a split ends it. That is the paragraph a second
/// reading of the repaired text sees; and letters, unlike words, do not
/// change when later passes mend the spacing. So both readings decide alike.
///
/// The section number that opens the paragraph is not counted: a first
/// reading may find it on a line of its own ("6.1.1" / "-C
/// my-mitigation-noenforce"), a block apart, which a later pass joins to
/// its title; the second reading sees "6.1.1 -C my-mitigation-noenforce".
fn paragraph_chars(lines: &[Line], a: usize, split_after: &[bool], join_after: &[bool]) -> usize {
    let alphanumeric = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count();
    let mut n = 0;
    let mut i = a;
    loop {
        let t = lines[i].trimmed();
        let prev = (0..i).rev().find(|&j| !lines[j].is_blank());
        let continues = prev.is_some_and(|prev| {
            if prev + 1 < i {
                join_after[prev]
            } else {
                !split_after[prev]
            }
        });
        n += alphanumeric(if continues {
            t
        } else {
            without_section_number(t)
        });
        match prev {
            Some(prev) if continues && n < MIN_CUT_BLOCK_CHARS => i = prev,
            _ => return n,
        }
    }
}

/// The line without the section number it opens with ("6.1.1 -C x" -> "-C
/// x"); a year ("2026 was") or a count is no section number.
fn without_section_number(t: &str) -> &str {
    let first = first_word(t);
    let number = first.starts_with(|c: char| c.is_ascii_digit())
        && first
            .split('.')
            .all(|p| p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()));
    if number && first.len() < t.len() {
        t[first.len()..].trim_start()
    } else {
        t
    }
}

fn looks_like_heading(t: &str) -> bool {
    t.split_whitespace().count() <= 10 && !ends_sentence(t) && starts_capital(t)
}

/// The width lines are wrapped at, or `None` when the text is not wrapped
/// (too few lines to tell).
fn wrap_width(lines: &[Line], typeset: bool) -> Option<Ruler> {
    let probe = Ruler {
        width: 0.0,
        typeset,
    };
    let mut lens: Vec<f64> = lines
        .iter()
        .filter(|l| !l.is_blank() && l.kind.is_prose())
        .map(|l| probe.len(l.trimmed()))
        .collect();
    if lens.len() < MIN_LINES_FOR_PROFILE {
        return None;
    }
    lens.sort_unstable_by(f64::total_cmp);
    let at = ((lens.len() - 1) as f64 * WIDTH_PERCENTILE).round() as usize;
    Some(Ruler {
        width: lens[at],
        typeset,
    })
}

fn first_word(t: &str) -> &str {
    t.split_whitespace().next().unwrap_or("")
}

/// Ends with sentence punctuation, possibly inside closing quotes or brackets.
pub fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_', '」', '』', '）']);
    // Chinese and Japanese end sentences with full-width marks.
    t.ends_with(['.', '!', '?', ':', ';', '…', '。', '！', '？', '：', '；'])
}

/// Whether `t` ends on an abbreviation that a sentence goes on after
/// ("so e.g.", "i.e.", "cf."): letters of one or two between dots, or one
/// of the lexicon's abbreviations.
fn ends_on_abbreviation(t: &str) -> bool {
    let last = t.split_whitespace().next_back().unwrap_or("");
    let Some(body) = last.strip_suffix('.') else {
        return false;
    };
    let dotted = body.contains('.')
        && body
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    dotted || is_abbreviation(body)
}

fn ends_with_dash(t: &str) -> bool {
    t.ends_with(['-', '–', '—'])
}

/// Starts with a capital letter or a digit, perhaps after opening quotes
/// or brackets.
pub fn starts_capital(t: &str) -> bool {
    first_after_openers(t).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Starts with a capital letter (not a digit), perhaps after opening
/// quotes or brackets.
pub fn starts_capital_letter(t: &str) -> bool {
    first_after_openers(t).is_some_and(char::is_uppercase)
}

/// The first character after any opening quotes and brackets.
fn first_after_openers(t: &str) -> Option<char> {
    t.trim_start_matches(['"', '\'', '“', '‘', '(', '['])
        .chars()
        .next()
}

/// Starts with an upper-case letter (not a digit, not a quotation mark).
fn starts_upper_letter(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// Starts with a lower-case word of plain letters ("earth exports"), not a
/// name such as "cloud.gov" or "iPhone" that is lower case by spelling.
fn starts_lower_word(t: &str) -> bool {
    let w = first_word(t).trim_end_matches([',', ';', ':', '.', ')', '”', '’']);
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
}

/// The end of line `a` and the start of line `b`, as a declined decision
/// between them is cited.
fn line_pair(lines: &[Line], a: usize, b: usize) -> String {
    format!(
        "{} / {}",
        tail(lines[a].trimmed()),
        head(lines[b].trimmed())
    )
}

fn tail(t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    words[words.len().saturating_sub(3)..].join(" ")
}

fn head(t: &str) -> String {
    t.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn blocks(text: &str) -> Vec<String> {
        blocks_and_log(text).0
    }

    /// The blocks the pass makes of `text`, and its log.
    fn blocks_and_log(text: &str) -> (Vec<String>, RepairLog) {
        let mut lines = split(text);
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        let doc = crate::normalize::lines::into_document(&lines);
        (doc.blocks.iter().map(|b| b.plain_text()).collect(), log)
    }

    /// Whether the log holds a declined decision of `rule`.
    fn declined(log: &RepairLog, rule: &str) -> bool {
        log.changes.iter().any(|c| c.declined && c.rule == rule)
    }

    const WRAPPED: &str = "The first paragraph is wrapped at a fixed width of about\n\
        sixty characters, as text set in print usually is, and it\n\
        ends here.\n\
        The second one follows it without a blank line between\n\
        them and goes on for a while, also at the same width as\n\
        the first one did.\n\
        A Heading\n\
        The third paragraph comes after a heading that stands on\n\
        its own line and is short, with no sentence punctuation.";

    #[test]
    fn short_lines_end_paragraphs() {
        let b = blocks(WRAPPED);
        assert_eq!(b.len(), 4, "{b:#?}");
        assert!(b[0].ends_with("ends here."));
        assert_eq!(b[2], "A Heading");
    }

    /// A manual page's section names stand alone on their block's first
    /// line ("NAME" / "xmllint - command line XML tool"); an abbreviation
    /// opening a line of text ("KV" / "keys. When ...") does not.
    #[test]
    fn a_title_in_capitals_stands_alone() {
        let text = "The page was set by groff from its source, as manual pages are.\n\n\
                    NAME\n\
                    xmllint - command line XML tool\n\n\
                    SEE ALSO\n\
                    libxml(3)\n\n\
                    KV\n\
                    keys. When the key is used in a macro, it is set.";
        let b = blocks(text);
        assert!(b.contains(&"NAME".to_string()), "{b:#?}");
        assert!(b.contains(&"SEE ALSO".to_string()), "{b:#?}");
        assert!(b.iter().any(|t| t.starts_with("KV keys.")), "{b:#?}");
    }

    #[test]
    fn a_numbered_heading_line_stands_alone() {
        let text = "The text before it ends a sentence as text set in print does.\n\
                    2 Borrow operators\n\
                    ,expressions\n\
                    The grammar of it goes on for a while and ends here.\n\
                    1.2.1 Character literals\n\
                    Text of the section follows the heading at the full width.";
        let b = blocks(text);
        assert!(b.contains(&"2 Borrow operators".to_string()), "{b:#?}");
        // A subsection's heading right under its section's heading.
        let text = "The text before it ends a sentence as text set in print does.\n\
                    1.2 Character and string literals\n\
                    1.2.1 Character literals\n\
                    ,lexer\n\
                    The grammar of it goes on for a while and ends here.";
        let b = blocks(text);
        assert!(
            b.contains(&"1.2.1 Character literals".to_string()),
            "{b:#?}"
        );
        // Not under a heading whose number it does not go on from.
        assert!(!subsection_of(
            "1.3.1 Byte literals",
            "1.2 Character literals"
        ));
        assert!(!subsection_of(
            "1.2 Character literals",
            "1.2 Character literals"
        ));
        assert!(
            b.contains(&"1.2.1 Character literals".to_string()),
            "{b:#?}"
        );
        // A list marker's period, a sentence's number and a title wrapped
        // on to a lower-case line stay as they were.
        for text in [
            "It ends here.\n2. Start the jobs\nAnd the rest.",
            "It grew by\n2 Percent Points\nIn the year.",
            "It ends here.\n4 Publishing a new version of an existing\ncrate and more text",
        ] {
            let b = blocks(text);
            assert!(
                !b.iter()
                    .any(|x| x == "2 Percent Points" || x.ends_with("existing")),
                "{b:#?}"
            );
        }
    }

    #[test]
    fn no_paragraph_starts_inside_a_sentence() {
        // Short lines before capitalised words, but each stops on a word
        // that needs a next one, or on a comma: one paragraph.
        let text = format!(
            "{WRAPPED} It names the\nProject Gutenberg licence and\nRust, Cargo,\n\
             Crates and the rest of them in one sentence that goes on\n\
             to the end of the line here."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(
            b.last().unwrap().starts_with("The third paragraph")
                && b.last()
                    .unwrap()
                    .contains("It names the Project Gutenberg licence and Rust, Cargo, Crates"),
            "{b:#?}"
        );
        // Each declined break is in the log with what was missing.
        let declined: Vec<_> = log
            .changes
            .iter()
            .filter(|c| c.pass == NAME && c.declined)
            .collect();
        assert!(declined.len() >= 2, "{declined:#?}");
        assert!(
            declined.iter().all(|c| c
                .evidence
                .as_deref()
                .is_some_and(|e| e.contains("no indentation"))),
            "{declined:#?}"
        );
    }

    #[test]
    fn an_indented_line_starts_a_paragraph_after_a_comma() {
        let text = format!("{WRAPPED}\nIt lists one,\n    Another paragraph starts here.");
        let b = blocks(&text);
        assert_eq!(
            b.last().unwrap(),
            "Another paragraph starts here.",
            "{b:#?}"
        );
    }

    /// TeX's paragraph indent, as a layout extract keeps it: after a
    /// sentence end, a line set right of the lines around it opens a
    /// paragraph, though the line before filled the measure. A block
    /// indented as a whole, and a left column beside the text, do not.
    #[test]
    fn an_indented_first_line_after_a_sentence_end_starts_a_paragraph() {
        let text = "          Bit scores are convenient because they provide a matrix independent\n\
                    \x20         score, or expectation, provides the most direct measure of the match.\n\
                    \x20             In this example, the GSTP1 RAT and GSTA1 RAT proteins share strong\n\
                    \x20         significant similarity, while the GSTF1 MAIZE sequences do not share it.\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2, "{b:#?}");
        assert!(b[1].starts_with("In this example"), "{b:#?}");
        let quoted = text.replace("\n          significant", "\n              significant");
        assert_eq!(blocks(&quoted).len(), 1, "a block indented as a whole");
        let beside = "     - toArray                              Calling chain will cause all future calls\n\
                      \x20    - partition                            to return wrapped objects, and so on.\n\
                      \x20                                           When you have finished, call value to retrieve it.\n\
                      \x20    Arrays                                 Here is an example of chaining together a map.\n";
        let b = blocks(beside);
        assert!(!b.iter().any(|t| t.starts_with("When")), "{b:#?}");
    }

    /// A definition list's next term, set left of the description above
    /// it, starts a block after a sentence end, in lower case too; a line
    /// number in the margin does not.
    #[test]
    fn a_line_further_left_after_a_sentence_end_starts_a_block() {
        let text = "       colored-stats (Off)\n\
                    \x20              If set to On, readline displays possible completions using different colors\n\
                    \x20              to indicate their file type, taken from the LS_COLORS environment variable.\n\
                    \x20      comment-begin (``#'')\n\
                    \x20              The string that is inserted when the readline insert-comment command runs.\n";
        let b = blocks(text);
        assert!(b[0].ends_with("environment variable."), "{b:#?}");
        assert!(b[1].starts_with("comment-begin (``#'')"), "{b:#?}");
        let numbered = "        Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod\n\
                        \x20       tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim.\n\
                        \x2030  Proin dignissim est et dui venenatis, at tincidunt tortor dignissim.\n";
        let b = blocks(numbered);
        assert_eq!(b.len(), 1, "{b:#?}");
    }

    #[test]
    fn page_break_join() {
        let text = format!(
            "{WRAPPED} But it goes on, and it\nis cut by a page break that\n\n\u{c}falls in the middle of it."
        );
        let b = blocks(&text);
        assert!(
            b.last()
                .unwrap()
                .ends_with("that falls in the middle of it."),
            "{b:#?}"
        );
    }

    /// A manual's next option after a page break starts its own entry
    /// where the text before ended a sentence ("... -bbox-layout." /
    /// "-colspacing number"), not after an abbreviation ("so e.g." / "-C
    /// stack-protector=strong ..."); a question at a page's foot before a
    /// capital is a title ("... using SSH?" / "With most providers ...").
    #[test]
    fn an_option_or_a_question_across_a_page_break_starts_a_block() {
        let option = format!(
            "{WRAPPED} Use the crop box rather than the media box with -bbox and -bbox-layout.\n\n\u{c}-colspacing number\nSpecifies how much spacing is allowed."
        );
        let b = blocks(&option);
        assert!(
            b.iter().any(|x| x.starts_with("-colspacing number")),
            "{b:#?}"
        );
        let abbreviation = format!(
            "{WRAPPED} If a program has multiple flags of the same kind, the last flag wins, so e.g.\n\n\u{c}-C stack-protector=strong-noenforce -C stack-protector=strong is the same."
        );
        let b = blocks(&abbreviation);
        assert!(
            b.last().unwrap().contains("so e.g. -C stack-protector"),
            "{b:#?}"
        );
        let question = format!(
            "{WRAPPED} How do I use multiple accounts with the same hosting provider using SSH?\n\n\u{c}With most hosting providers that support SSH, a single key pair identifies a user."
        );
        let b = blocks(&question);
        assert!(b.last().unwrap().starts_with("With most hosting"), "{b:#?}");
    }

    #[test]
    fn a_numbered_heading_is_not_joined_across_a_page_break() {
        let text = format!(
            "{WRAPPED}\n\n5 Managing a crate\n\n\u{c}Management of crates is done here, at the full width of it."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(b.contains(&"5 Managing a crate".to_string()), "{b:#?}");
        assert!(declined(&log, "page-break-join"), "{:#?}", log.changes);
        // Mid-sentence, a number and words before a page break go on.
        let text = format!("{WRAPPED} It grew by\n2 Percent Points\n\n\u{c}In the year.");
        let b = blocks(&text);
        assert!(
            b.last().unwrap().ends_with("2 Percent Points In the year."),
            "{b:#?}"
        );
    }

    #[test]
    fn a_numbered_section_run_in_with_its_text_starts_after_a_page_break() {
        let text = format!(
            "{WRAPPED}\nGEN FlxqX_eval(GEN P, GEN V, GEN S, GEN T, ulong p, ulong pi)\n\n\u{c}\
             7.3.25 FlxqXQ. See the operations above. In this section, pi is a pseudoinverse.\n\
             The functions follow.\n\n\
             7.3.26 FlxqXn. See the other operations. In this section, we assume pi is set."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(b.iter().any(|p| p.starts_with("7.3.25 FlxqXQ.")), "{b:#?}");
        assert!(declined(&log, "page-break-join"), "{:#?}", log.changes);
    }

    #[test]
    fn a_lone_dash_mid_sentence_is_no_item() {
        let text = format!(
            "{WRAPPED}\nFor local mitigations (e.g. stack protector, or C's -fwrapv\n\
             - which Rust does not have), the mitigation protects the code."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(b.last().unwrap().contains("-fwrapv - which"), "{b:#?}");
        assert!(declined(&log, "lone-dash-line"), "{:#?}", log.changes);
        // Before a capital, or in a list, a dash starts an item even after
        // a line without punctuation.
        let b = blocks(&format!(
            "{WRAPPED}\nOperator expressions\n* Integer division rounds."
        ));
        assert_eq!(b.last().unwrap(), "* Integer division rounds.", "{b:#?}");
        let b = blocks("Intro:\n- one thing and\nanother\n- two goes\non here\n- three");
        assert_eq!(b.len(), 4, "{b:#?}");
    }

    #[test]
    fn split_sentence_join() {
        let b = blocks(
            "Title\n\nOne paragraph that stops in the middle of rare\n\nearth exports to India.",
        );
        assert_eq!(b.len(), 2);
        let b = blocks("A Heading\n\ncloud.gov is a platform.");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn a_sentence_does_not_go_on_into_an_indented_listing() {
        // "we used" introduces the listing set apart below it; a paragraph
        // cut by a figure goes on at its own margin.
        let (b, log) = blocks_and_log(
            "Title\n\nWith 64-bit builds and the GCC compilers, we used\n\n    \
             export MKL_INTERFACE_LAYER=GNU,LP64\n    export MKL_THREADING_LAYER=GNU",
        );
        assert_eq!(b.len(), 3, "{b:#?}");
        assert!(declined(&log, "split-sentence-join"));
        // Displayed equations, numbered at the right.
        let b = blocks(
            "Title\n\nA simple list of equations can be displayed either with one number per equation\n\n\
             \x20                             f (x) = sin(x) + 1 ,                                 (2)\n\
             \x20                             h(x) = f (x) + g(x) − 3 ,                            (3)",
        );
        assert_eq!(b.len(), 3, "{b:#?}");
        let b = blocks(
            "Title\n\nWith 64-bit builds and the GCC compilers, we used\n\n\
             export as the first word of a paragraph set at the margin.",
        );
        assert_eq!(b.len(), 2, "{b:#?}");
    }

    #[test]
    fn a_section_number_does_not_lengthen_a_heading_into_a_cut_sentence() {
        // The number counts for nothing: "-C my-mitigation-noenforce" is
        // too short to be a sentence cut, with its number or without.
        for text in [
            "6.1.1 -C my-mitigation-noenforce\n\nerror",
            "6.1.1\n\n-C my-mitigation-noenforce\n\nerror",
        ] {
            let b = blocks(text);
            assert_eq!(b.last().unwrap(), "error", "{b:#?}");
        }
        // A long paragraph after its number still goes on in lower case.
        let b = blocks(
            "Text before.\n\n6.1 One paragraph that stops in the middle of rare\n\nearth exports.",
        );
        assert_eq!(b.len(), 2, "{b:#?}");
    }

    #[test]
    fn clean_text_is_left_alone() {
        let text =
            "Title line\n\nA paragraph that is wrapped\nat a narrow width.\n\nAnother one here.";
        assert_eq!(blocks(text).len(), 3);
    }

    #[test]
    fn what_a_colon_introduces_starts_a_block() {
        // The full line before it leaves no room, but the colon and the
        // capital say that what follows is what the line announced.
        let text = format!(
            "{WRAPPED} Everything is set up in the following way, as the book says:\n\
                            Artifacts are split in two categories that go on and on."
        );
        let b = blocks(&text);
        assert_eq!(
            b.last().unwrap(),
            "Artifacts are split in two categories that go on and on.",
            "{b:#?}"
        );
        // A lower-case word, a number or a list of names after the colon
        // goes on.
        for next in [
            "it goes on in lower case for a while.",
            "2 of them go on here.",
            "China, India and Russia.",
        ] {
            let text =
                format!("{WRAPPED} It is set up in the following way, as the book says:\n{next}");
            let b = blocks(&text);
            assert!(
                b.last().unwrap().ends_with(&format!("says: {next}")),
                "{b:#?}"
            );
        }
    }

    /// A manual's option after the sentence that ends the description
    /// above it is the next term of the list, even after a full line; an
    /// option that goes on a sentence, or a long line, is not.
    #[test]
    fn an_option_alone_after_a_sentence_end_starts_a_term() {
        let text = format!(
            "{WRAPPED} It can safely be removed at any moment, as the cache is rebuilt.\n\
             --cache=directory\n-C directory\nSpecify the name of the directory."
        );
        let b = blocks(&text);
        assert!(
            b.iter().any(|p| p.starts_with("--cache=directory")),
            "{b:#?}"
        );
        for next in [
            "--cache=directory is the option that sets the cache's place.",
            "-C directory and more words",
        ] {
            let text = format!("{WRAPPED} It can be removed, as the cache is rebuilt when\n{next}");
            let b = blocks(&text);
            assert!(!b.iter().any(|p| p.starts_with(next)), "{b:#?}");
        }
    }

    #[test]
    fn short_lines_after_a_colon_are_items_even_in_lower_case() {
        let text = format!(
            "{WRAPPED}\nBefore publishing, make sure you have the following fields:\n\
             license\ndescription\nhomepage\n\
             It would also be a good idea to include some keywords."
        );
        let b = blocks(&text);
        for item in ["license", "description", "homepage"] {
            assert!(b.contains(&item.to_string()), "{b:#?}");
        }
        // Without the colon, lower-case short lines are not taken apart.
        let text = format!(
            "{WRAPPED}\nBefore publishing, fill in the\nlicense or license-file\ndescription\nhomepage\nIt goes on."
        );
        let b = blocks(&text);
        assert!(!b.contains(&"description".to_string()), "{b:#?}");
    }

    /// A list's last item with room left on its line ends the list before
    /// a page break; a sentence after the break is a paragraph of its own.
    /// An item that goes on in lower case after the break joins.
    #[test]
    fn a_short_last_item_ends_its_list_at_a_page_break() {
        const FF: char = '\u{c}';
        let list = "The following libraries are supplied with the system:\n\
                    • SRFI 74 – Octet-Addressed Binary Blocks\n\
                    • SRFI 78 – Lightweight testing\n\n";
        let text = format!("{WRAPPED}\n{list}{FF}Documentation on these can be found on the web.");
        let b = blocks(&text);
        assert!(
            b.iter().any(|p| p.ends_with("Lightweight testing")),
            "{b:#?}"
        );
        let text = format!("{WRAPPED}\n{list}{FF}and its companion library of assertions.");
        let b = blocks(&text);
        assert!(
            b.iter()
                .any(|p| p.ends_with("testing and its companion library of assertions.")),
            "{b:#?}"
        );
    }

    #[test]
    fn an_item_of_a_run_is_not_joined_across_a_page_break() {
        const FF: char = '\u{c}';
        let text = format!(
            "{WRAPPED}\nThe valid options are as listed here, one a line:\n\
             true: enabled\nfalse: disabled\n\n{FF}\"off\": disabled as well\nThe text goes on."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(b.contains(&"false: disabled".to_string()), "{b:#?}");
        assert!(declined(&log, "page-break-join"), "{:#?}", log.changes);
    }

    #[test]
    fn items_opening_on_a_term_after_a_colon_are_blocks_across_a_page_break() {
        const FF: char = '\u{c}';
        let text = format!(
            "{WRAPPED}\n\nThe valid options are:\n\n{FF}true or \"fat\": performs fat LTO across all of\n\
             the crates in the graph.\n\"thin\": performs thin LTO, which takes less time\n\
             to run.\nfalse: performs thin local LTO\n\"off\": disables it.\nThe text goes on."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(b.contains(&"The valid options are:".to_string()), "{b:#?}");
        assert!(
            b.contains(
                &"true or \"fat\": performs fat LTO across all of the crates in the graph."
                    .to_string()
            ),
            "{b:#?}"
        );
        assert!(
            b.contains(&"false: performs thin local LTO".to_string()),
            "{b:#?}"
        );
        assert!(declined(&log, "page-break-join"), "{:#?}", log.changes);
    }

    #[test]
    fn a_term_item_does_not_start_after_a_line_ending_on_a_comma() {
        let text = format!(
            "{WRAPPED}\nThe valid options are:\ntrue: enabled, which is the default,\n\
             false: disabled\nnone: not set at all"
        );
        let (b, log) = blocks_and_log(&text);
        assert!(
            b.contains(&"true: enabled, which is the default, false: disabled".to_string()),
            "{b:#?}"
        );
        assert!(b.contains(&"none: not set at all".to_string()), "{b:#?}");
        assert!(declined(&log, "colon-term-item"), "{:#?}", log.changes);
    }

    #[test]
    fn a_short_line_after_a_blank_line_is_no_heading_when_it_stops_mid_sentence() {
        const FF: char = '\u{c}';
        let text = format!(
            "{WRAPPED}\n{FF}The next page goes on with its text at the same width as\n\
             the first page did before it.\n\n\
             Note: the examples here are given in one form, but\n\
             Other forms are supported as well, and the text goes on.\n\n\
             Getting Started\n\
             The section's text follows its heading at the full width."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(
            b.contains(
                &"Note: the examples here are given in one form, but Other forms are \
                  supported as well, and the text goes on."
                    .to_string()
            ),
            "{b:#?}"
        );
        assert!(declined(&log, "heading-after-blank"), "{:#?}", log.changes);
        // A heading that ends on a word: a block of its own.
        assert!(b.contains(&"Getting Started".to_string()), "{b:#?}");
    }

    #[test]
    fn a_heading_continuing_the_section_numbering_starts_a_block() {
        let text = format!(
            "1 Tokens\n{WRAPPED}\n\
             the code of a character, up to six hex digits (see the table)\n\
             1.1 Quote escapes\n\
             The text of the section goes on here at the full width as before."
        );
        let (b, log) = blocks_and_log(&text);
        assert!(b.contains(&"1.1 Quote escapes".to_string()), "{b:#?}");
        // Not after a line that stops on a word needing a next one.
        let text = format!(
            "1 Tokens\n{WRAPPED}\nthe code of a character, up to six hex digits of\n\
             1.1 Quote escapes\nThe text goes on."
        );
        let (b2, log2) = blocks_and_log(&text);
        assert!(!b2.contains(&"1.1 Quote escapes".to_string()), "{b2:#?}");
        assert!(
            declined(&log2, "section-number-continues"),
            "{:#?}",
            log2.changes
        );
        // "3" after "1.1" does not continue the numbering.
        assert!(follows(&[1, 1], &[1, 2]) && follows(&[1, 1], &[2]) && follows(&[2], &[2, 1]));
        assert!(!follows(&[1, 1], &[3]) && !follows(&[1], &[1, 2]));
        let _ = log;
    }

    #[test]
    fn a_number_continuing_the_items_above_starts_an_item_mid_sentence() {
        let text = format!(
            "{WRAPPED}\n3. For the first kind of them, if there is any code\n\
             that does not have the mitigation enabled\n\
             4. For the local kind, the mitigation protects it"
        );
        let b = blocks(&text);
        assert_eq!(
            b.last().unwrap(),
            "4. For the local kind, the mitigation protects it",
            "{b:#?}"
        );
        // Without "3." above, the number is part of the sentence.
        let text = format!(
            "{WRAPPED}\nThe number of jobs that may run at the same time is at most\n4. For more, set it."
        );
        let b = blocks(&text);
        assert!(
            b.last()
                .unwrap()
                .ends_with("is at most 4. For more, set it."),
            "{b:#?}"
        );
    }

    #[test]
    fn list_items_split() {
        let b = blocks("Intro:\n• one\n• two goes\non here\n- three");
        assert_eq!(b, vec!["Intro:", "• one", "• two goes on here", "- three"]);
    }
}
