//! Page artifacts: what a printed page adds around the text and a reader
//! must not see in the repaired document. Page numbers ("12", "Page 3 of 7",
//! "— 4 —", "1/3"), running headers and footers (the title, a section title
//! in capitals, an RFC's "RFC 9005  Profiles  March 2026", a browser's date
//! and URL), and stray punctuation-only lines (a lone ".").
//!
//! Furniture is known by its position and by its recurrence, never by its
//! look alone:
//!
//! 1. the pages are found first ([`pages`]): form feeds, or, where the
//!    extractor wrote none, the document's own page counter;
//! 2. only lines at a page edge (the first and last [`EDGE_LINES`] non-blank
//!    lines of a page) can be furniture. A line inside a page is content,
//!    whatever it looks like: a lone number there is a list item, a table
//!    cell or a line of code;
//! 3. an edge line is furniture when it recurs across pages with its page
//!    counter, dates and a capitalised running title abstracted ([`shape`]):
//!    its counter counts the pages (the page number is the page's position
//!    plus one offset shared by the document's pages), or the same line
//!    stands at the same edge of most pages. A line in capitals counts as
//!    a running title only where it stands on two pages or more, or repeats
//!    a heading of the text; a table's row or a line of code stays however
//!    often it recurs, and so does a line whose shape counts up a few lines
//!    apart within a page ("4 TYPEFACES" above "5 TITLE INFORMATION": the
//!    sections' numbers, which fit a page now and then by chance);
//! 4. the first page's title is not a running header, though the header of
//!    later pages repeats it;
//! 5. facing pages print different heads ("Chapter 1. Beginner's guide 19",
//!    "1.2. Brief tutorial 20"), and put the number on the outer side ("38
//!    gnuplot 5.4", "gnuplot 5.4 39"): a head is furniture once, when its
//!    counter fits the page counters around it and the pages beside print
//!    their numbered heads at the same edge; a line of words beside a page's
//!    number where the pages beside have their head is that page's head; a
//!    title in capitals at a page's top that repeats the title opening an
//!    earlier page is the chapter's running head. A number alone is a page
//!    number only where it fits the counter sequence of the other pages
//!    (the front matter's "ii" just before the page numbered 1, too);
//! 6. a head that prints the current section's number and title ("5 New
//!    commands") is known where it is printed twice: right above the
//!    section's own heading, or again at the top of a later page (see
//!    [`section_heads`]).
//!
//! Every removal is logged, and so is every candidate left alone (a number at
//! a page edge that does not count, a header line inside a page). What the
//! pass learns of the pages stays on the lines ([`Line::page_starts`]): where
//! each printed page starts and its printed label, counted from its
//! neighbours where it printed none.

mod pages;
mod shape;

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use self::pages::{Pages, Source};
use self::shape::{Form, Shape, is_release_number, shape, to_roman};
use super::lexicon::{is_function_word, is_part_word};
use super::lines::{Line, PageStart, non_blank};
use super::regions::{is_code_line, is_number, rows_of_one_table};
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "remove page numbers, running headers and footers at page edges, stray punctuation lines",
    stage: Stage::Lines(run),
};

const NAME: &str = "page-artifacts";

/// How many non-blank lines at the top and at the bottom of a page can be
/// furniture: a browser prints a date and a title above the text and a URL
/// and a counter below it, and pdftotext can put a section number between
/// the parts of a LaTeX running head ("1", "JSON MESSAGES", "1.2", "2").
pub const EDGE_LINES: usize = 4;

/// A line with no counter is a running header or footer when it stands at
/// the same edge of at least this many pages (two in a document of two or
/// three pages)...
const MIN_RECURRENCE: usize = 3;

/// ...and of at least half the pages from its first page to its last, so a
/// chapter's running head counts within its chapter, and two pages that
/// happen to open with the same line of code do not.
const MIN_RECURRENCE_SHARE: f64 = 0.5;

/// Lines apart within which a line printed again is the text's own: a
/// running head or foot stands a page from the next, and a page holds more
/// than a few lines.
const CLOSE_RECURRENCE: usize = 4;

/// Longest line (in characters) that can be a stray punctuation line.
const MAX_STRAY_CHARS: usize = 3;

/// A punctuation line this close (in non-blank lines) to a line of code is
/// the listing's: an elision "..." between a prompt and its output.
const CODE_REACH: usize = 2;

pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let content = non_blank(lines);
    let shapes: Vec<Option<Shape>> = content.iter().map(|&i| shape(lines[i].trimmed())).collect();
    let pages = pages::find(lines, &content, &shapes);
    let layout = Layout::new(&pages, content.len());
    let counting = Counting::new(&layout, &shapes);
    let mut why: Vec<Option<&'static str>> = vec![None; lines.len()];
    for (k, rule) in furniture(lines, &content, &shapes, &layout, &counting, log) {
        why[content[k]] = Some(rule);
    }
    for k in cut_titles(lines, &content, &layout) {
        why[content[k]] = why[content[k]].or(Some("title-header"));
    }
    for k in section_heads(lines, &content, &layout, &why) {
        why[content[k]] = Some("section-header");
    }
    for k in titled_heads(lines, &content, &layout, &why) {
        why[content[k]] = Some("section-header");
    }
    let labels = page_labels(&layout, &shapes, &counting, &why, &content);
    for (k, &i) in content.iter().enumerate() {
        if why[i].is_none() && is_stray_punctuation(lines[i].trimmed()) {
            // "..." in a listing or a table elides some of it (a command's
            // output between two prompts, the rows of a data frame).
            let code_beside = (k.saturating_sub(CODE_REACH)..=k + CODE_REACH)
                .filter(|&j| j != k)
                .filter_map(|j| content.get(j))
                .any(|&j| is_code_line(lines[j].trimmed()) || is_row_of_figures(&lines[j].text));
            if code_beside {
                decline(
                    log,
                    "stray-punctuation",
                    &lines[i],
                    "beside a line of code or a row of figures",
                );
            } else {
                why[i] = Some("stray-punctuation");
            }
        }
    }
    apply(lines, &content, &pages, labels, why, log);
}

/// The pages as ranges of non-blank lines, and each line's place on them.
struct Layout {
    /// The first non-blank line of each page, and the end of the last.
    bounds: Vec<usize>,
    /// The page of each non-blank line (0-based).
    page: Vec<usize>,
    /// Each page's place in the printed sequence ([`Pages::ordinals`]).
    ordinals: Vec<i64>,
    top: Vec<bool>,
    bottom: Vec<bool>,
}

impl Layout {
    fn new(pages: &Pages, len: usize) -> Layout {
        let mut page = vec![0; len];
        let (mut top, mut bottom) = (vec![false; len], vec![false; len]);
        for p in 0..pages.starts.len() {
            let range = pages.range(p, len);
            for k in range.clone() {
                page[k] = p;
                top[k] = k < range.start + EDGE_LINES;
                bottom[k] = k + EDGE_LINES >= range.end;
            }
        }
        let mut bounds = pages.starts.clone();
        bounds.push(len);
        Layout {
            bounds,
            page,
            ordinals: pages.ordinals.clone(),
            top,
            bottom,
        }
    }

    fn pages(&self) -> usize {
        self.bounds.len() - 1
    }

    fn at_edge(&self, k: usize) -> bool {
        self.top[k] || self.bottom[k]
    }

    /// Whether line `k` stands at the top (`true`) or the bottom edge of
    /// its page.
    fn at_side(&self, k: usize, top: bool) -> bool {
        if top { self.top[k] } else { self.bottom[k] }
    }

    /// The place in the printed sequence of the page of line `k`.
    fn ordinal_of(&self, k: usize) -> i64 {
        self.ordinals[self.page[k]]
    }

    /// The non-blank lines of page `p`.
    fn lines_of(&self, p: usize) -> Range<usize> {
        self.bounds[p]..self.bounds[p + 1]
    }

    /// The lines between line `k` and the top (`true`) or bottom edge of
    /// its page.
    fn outside(&self, k: usize, top: bool) -> Range<usize> {
        let page = self.lines_of(self.page[k]);
        if top { page.start..k } else { k + 1..page.end }
    }

    /// The pages right before and after page `p`, where there are any.
    fn beside(&self, p: usize) -> Vec<usize> {
        [p.wrapping_sub(1), p + 1]
            .into_iter()
            .filter(|&q| q < self.pages())
            .collect()
    }
}

/// The document's page numbering: the page at ordinal `n` prints `n +
/// offset`. The offset is the one that edge counters of one shape agree on
/// over the most pages (two neighbouring pages at least), apart for roman and arabic numerals,
/// as front matter counts on its own.
struct Counting {
    arabic: Option<i64>,
    roman: Option<i64>,
    /// The shapes of the counters that set the offsets.
    keys: HashSet<String>,
}

impl Counting {
    fn new(layout: &Layout, shapes: &[Option<Shape>]) -> Counting {
        // Votes per line shape: numbers of different shapes that happen to
        // agree on two pages (a "2" on one, a "(3)" on the next) prove nothing.
        let mut votes: HashMap<(&str, bool, i64), HashSet<usize>> = HashMap::default();
        // The pages where the number stands at an edge that a line of words
        // also holds on other pages (a running head).
        let mut headed: HashMap<(&str, bool, i64), HashSet<usize>> = HashMap::default();
        let heads = recurring_edge_lines(shapes, layout);
        for (k, shape) in shapes.iter().enumerate() {
            if let Some(s) = shape
                && let Some((c, _)) = &s.counter
                && layout.at_edge(k)
            {
                let offset = c.value as i64 - layout.ordinal_of(k);
                let vote = (s.facing.as_str(), c.roman, offset);
                votes.entry(vote).or_default().insert(layout.page[k]);
                if heads.contains(&(layout.page[k], layout.top[k])) {
                    headed.entry(vote).or_default().insert(layout.page[k]);
                }
            }
        }
        let best = |roman: bool| {
            votes
                .iter()
                .filter(|(vote, pages)| {
                    let (key, r, _) = vote;
                    *r == roman
                        && (has_neighbours(key, pages, layout)
                            || headed.get(*vote).is_some_and(|h| facing_pages(h, layout)))
                })
                // Among shapes that fit as many pages, a line of words
                // that comes back with the number (a running head "16
                // BENJAMIN M c KAY") over numbers alone, which a figure's
                // or a table's labels ("1", "2", "4") can match by chance.
                .max_by_key(|((key, _, offset), pages)| {
                    (pages.len(), has_words(key), -offset.abs(), *key)
                })
                .map(|((key, _, offset), _)| (*offset, key.to_string()))
        };
        let (arabic, roman) = (best(false), best(true));
        let roman = roman.or_else(|| front_matter(layout, shapes, arabic.as_ref()?.0));
        Counting {
            arabic: arabic.as_ref().map(|a| a.0),
            roman: roman.as_ref().map(|r| r.0),
            keys: arabic
                .into_iter()
                .chain(roman)
                .map(|(_, key)| key)
                .collect(),
        }
    }

    /// The text starts on a page numbered past the first (pages 19 to 21
    /// of a manual): its first page is no title page.
    fn excerpt(&self) -> bool {
        self.roman
            .map_or(self.arabic.is_some_and(|o| o > 0), |o| o > 0)
    }

    /// Whether the line's counter is the number of the page at `ordinal`.
    fn fits(&self, shape: &Shape, ordinal: i64) -> bool {
        let Some((c, _)) = &shape.counter else {
            return false;
        };
        let offset = c.value as i64 - ordinal;
        match if c.roman { self.roman } else { self.arabic } {
            Some(established) => offset == established,
            // A label that names itself a page number, alone, counts when
            // it is the page's position ("Page 1 of 1" on the only page).
            None => offset == 0 && self_evident(shape),
        }
    }
}

/// Whether two of the pages follow each other in the printed sequence: a
/// document prints its numbers on page after page, whereas two numbers of
/// the text that happen to fit one offset on pages far apart (a "545" at the
/// foot of page 2 and a "547" at the head of page 4) prove nothing. A
/// running head with words may alternate with another on facing pages
/// ("Chapter 1. Beginner's guide 19", "1.2. Brief tutorial 20"), so its
/// pages may be two apart.
fn has_neighbours(key: &str, pages: &HashSet<usize>, layout: &Layout) -> bool {
    let ordinals: HashSet<i64> = pages.iter().map(|&p| layout.ordinals[p]).collect();
    let reach = if has_words(key) { 2 } else { 1 };
    ordinals
        .iter()
        .any(|o| (1..=reach).any(|d| ordinals.contains(&(o + d))))
}

/// Whether a line's shape key holds words beside its number (a running
/// head), not the number alone.
fn has_words(key: &str) -> bool {
    key.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The edges (page, top) that hold a line of words that stands at the same
/// edge of another page too: the running head a page number stands with.
fn recurring_edge_lines(shapes: &[Option<Shape>], layout: &Layout) -> HashSet<(usize, bool)> {
    let mut pages_of: HashMap<(bool, &str), HashSet<usize>> = HashMap::default();
    for (k, s) in shapes.iter().enumerate() {
        if let Some(s) = s
            && s.letters() >= 2
            && layout.at_edge(k)
        {
            pages_of
                .entry((layout.top[k], s.literal.as_str()))
                .or_default()
                .insert(layout.page[k]);
        }
    }
    pages_of
        .into_iter()
        .filter(|(_, pages)| pages.len() >= 2)
        .flat_map(|((top, _), pages)| pages.into_iter().map(move |p| (p, top)))
        .collect()
}

/// Whether two of the pages are two apart in the printed sequence: numbers
/// that fit one offset on facing pages, each beside the running head of
/// its page, where the page between printed its number elsewhere.
fn facing_pages(pages: &HashSet<usize>, layout: &Layout) -> bool {
    let ordinals: HashSet<i64> = pages.iter().map(|&p| layout.ordinals[p]).collect();
    ordinals.iter().any(|o| ordinals.contains(&(o + 2)))
}

/// The offset of the front matter's roman numbers: a roman numeral alone,
/// the outermost line of the page just before the one the arabic numbering
/// calls 1 ("ii" at the foot of the contents, "1" on the next page).
fn front_matter(layout: &Layout, shapes: &[Option<Shape>], arabic: i64) -> Option<(i64, String)> {
    let page = (0..layout.pages().saturating_sub(1))
        .find(|&p| layout.ordinals[p] + arabic == 0 && layout.ordinals[p + 1] + arabic == 1)?;
    let (start, end) = (layout.bounds[page], layout.bounds[page + 1]);
    [start, end.checked_sub(1)?]
        .into_iter()
        .filter(|&k| k < end)
        .find_map(|k| {
            let s = shapes[k].as_ref()?;
            match &s.counter {
                Some((c, Form::Bare)) if c.roman => {
                    Some((c.value as i64 - layout.ordinals[page], s.facing.clone()))
                }
                _ => None,
            }
        })
}

/// "Page 3", "Page 3 of 9", "[Page 6]", "— 3 —": a page number by its words.
fn self_evident(shape: &Shape) -> bool {
    matches!(shape.counter, Some((_, Form::Label)))
        && (shape.key.contains("page #") || shape.key.contains("[page #]") || {
            let k = shape.key.replace(' ', "");
            ["-#-", "–#–", "—#—"].contains(&k.as_str())
        })
}

/// The furniture lines (as positions among the non-blank lines) with the
/// rule that removes each; declined candidates are logged.
fn furniture(
    lines: &[Line],
    content: &[usize],
    shapes: &[Option<Shape>],
    layout: &Layout,
    counting: &Counting,
    log: &mut RepairLog,
) -> Vec<(usize, &'static str)> {
    let n = content.len();
    let mut found: Vec<Option<&'static str>> = vec![None; n];
    let mut once: Vec<usize> = Vec::new();
    let line = |k: usize| &lines[content[k]];

    // Counters that count the pages. A number inside a line of text must
    // do so on two pages with the same words around it.
    let mut counted_keys: HashMap<&str, HashSet<usize>> = HashMap::default();
    // A page prints its number once: where the page has a counter of the
    // shape that numbers the pages, another number that fits is content
    // (an equation "(3)" at the foot of page 3).
    let mut numbered: HashSet<usize> = HashSet::default();
    for (k, shape) in shapes.iter().enumerate() {
        if let Some(s) = shape
            && layout.at_edge(k)
            && counting.fits(s, layout.ordinal_of(k))
        {
            let page = layout.page[k];
            counted_keys
                .entry(s.facing.as_str())
                .or_default()
                .insert(page);
            if counting.keys.contains(&s.facing) {
                numbered.insert(page);
            }
        }
    }
    let counting_within =
        pages::counting_within_a_page(shapes, |a, b| layout.page[a] == layout.page[b]);
    for k in 0..n {
        let Some(s) = &shapes[k] else { continue };
        let Some((_, form)) = &s.counter else {
            continue;
        };
        if !layout.at_edge(k) {
            continue;
        }
        // "1 INTRODUCTION" atop page 1 and "3 MODIFICATIONS" atop page 3
        // fit the pages by chance: lines of their shape count up a few
        // lines apart within a page elsewhere ("4 TYPEFACES", "5 TITLE
        // INFORMATION").
        if pages::counts_within_a_page(Some(s), &counting_within) {
            if counting.fits(s, layout.ordinal_of(k)) {
                decline(
                    log,
                    "section-number",
                    line(k),
                    "its number fits the page, but lines of its shape count up a few lines apart: they number sections",
                );
            }
            continue;
        }
        // "Chapter" / "1" / "Introduction" atop a chapter's first page: the
        // number is the chapter's, whatever page it fits. (At a page's foot
        // a label's word alone, "part" in a list of options, may stand
        // above the page's number.)
        if *form == Form::Bare
            && layout.top[k]
            && k > 0
            && layout.page[k - 1] == layout.page[k]
            && is_part_word(line(k - 1).trimmed().trim_end_matches([':', '.']))
        {
            if counting.fits(s, layout.ordinal_of(k)) {
                decline(
                    log,
                    "part-number",
                    line(k),
                    "its number fits the page, but it follows a label such as 'Chapter': it numbers the part",
                );
            }
            continue;
        }
        let numbered_otherwise =
            numbered.contains(&layout.page[k]) && !counting.keys.contains(&s.facing);
        if counting.fits(s, layout.ordinal_of(k)) && !numbered_otherwise {
            let recurs = counted_keys.get(s.facing.as_str()).map_or(0, HashSet::len) >= 2;
            // "opt-level = 2" on page 2 and "opt-level = 3" on page 3 count
            // along with the pages by chance: a line of code is content.
            if *form == Form::InText && is_code_line(line(k).trimmed()) {
                decline(
                    log,
                    "code-line",
                    line(k),
                    "its number fits the page, but the line reads as code",
                );
                continue;
            }
            if *form != Form::InText || recurs || self_evident(s) {
                found[k] = Some(match form {
                    Form::InText => side_rule(layout, k),
                    _ => "page-number",
                });
            } else {
                once.push(k);
            }
        }
    }
    // A head that fits the page's number and stands once (the head of the
    // facing page, "1.2. Brief tutorial 20" between two "Chapter 1.
    // Beginner's guide" pages): furniture where it is the outermost text of
    // its page and the pages beside print their numbered head at the same
    // edge.
    for k in once {
        let top = layout.top[k];
        let beside = layout.beside(layout.page[k]);
        let headed = |q: usize| {
            layout.lines_of(q).any(|j| {
                found[j].is_some()
                    && layout.at_side(j, top)
                    && matches!(
                        shapes[j].as_ref().and_then(|s| s.counter.as_ref()),
                        Some((_, Form::InText))
                    )
            })
        };
        if outermost(k, top, shapes, layout)
            && !beside.is_empty()
            && beside.iter().all(|&q| headed(q))
        {
            found[k] = Some(side_rule(layout, k));
        } else {
            decline(
                log,
                "facing-head",
                line(k),
                "its number fits the page, but the pages beside print no numbered head at this edge",
            );
        }
    }

    // Lines that recur at the same edge of most pages.
    let everywhere = vec![true; n];
    let at_edges = edge_pages(shapes, layout, &found, (&everywhere, &everywhere));
    let candidates = recurring_lines(&at_edges, layout);
    let (top_band, bottom_band, repeated) =
        outer_bands(shapes, layout, &found, &candidates, &at_edges, |k| {
            lines[content[k]].trimmed()
        });
    for k in repeated {
        decline(
            log,
            "repeated-text",
            line(k),
            "recurs at a page edge, but so do the lines after it, past the edge: text printed again page after page",
        );
    }
    let in_bands = edge_pages(shapes, layout, &found, (&top_band, &bottom_band));
    let recurring = recurring_lines(&in_bands, layout);
    // How often each shape stands inside the pages and at their edges,
    // and which recur within a few lines: a running head or foot stands a
    // page from the next. (Counted in lines, not in the pages found: an
    // extract without form feeds may have page boundaries missed.)
    let mut inside: HashMap<&str, usize> = HashMap::default();
    let mut at_edge: HashMap<&str, usize> = HashMap::default();
    let mut last_seen: HashMap<&str, usize> = HashMap::default();
    let mut close_together: HashSet<&str> = HashSet::default();
    for (k, shape) in shapes.iter().enumerate() {
        if let Some(s) = shape {
            let literal = s.literal.as_str();
            let count = if layout.at_edge(k) {
                &mut at_edge
            } else {
                &mut inside
            };
            *count.entry(literal).or_default() += 1;
            if last_seen
                .insert(literal, k)
                .is_some_and(|before| k - before <= CLOSE_RECURRENCE)
            {
                close_together.insert(literal);
            }
        }
    }
    let caps_heads = CapsHeads::of(lines, content, shapes, layout, (&top_band, &bottom_band));
    for k in 0..n {
        if found[k].is_some() {
            continue;
        }
        let Some(s) = &shapes[k] else { continue };
        let top = top_band[k] && recurring.contains(&(true, s.literal.as_str()));
        let bottom = bottom_band[k] && recurring.contains(&(false, s.literal.as_str()));
        if !(top || bottom) {
            continue;
        }
        // A listing's line that opens or ends two pages (`[dependencies]`,
        // `opt-level = 0`), or a line of it between two lines of code, is
        // the listing's, however often it recurs.
        if let Some(why) = code_evidence(k, lines, content, layout) {
            decline(
                log,
                "code-line",
                line(k),
                &format!("recurs at a page edge, but {why}"),
            );
            continue;
        }
        // Running heads and feet are labels; a sentence of the text, or a
        // line that stops in the middle of one, recurring page after page
        // at an edge is the text printed again (a slide revealed step by
        // step repeats its first lines on each step).
        if reads_as_prose(line(k).trimmed()) {
            decline(
                log,
                "prose-line",
                line(k),
                "recurs at a page edge, but reads as a sentence of the text, not a label",
            );
            continue;
        }
        // A table's row that ends (or opens) two pages alike (a medication
        // chart's last row, unchanged from one chart to the next) is the
        // table's: its cells line up with a row beside it on its page.
        if let Some(row) = table_row_beside(k, lines, content, layout) {
            decline(
                log,
                "table-row",
                line(k),
                &format!("recurs at a page edge, but its cells line up with the row '{row}'"),
            );
            continue;
        }
        // A line the text also prints inside its pages (a table's header
        // row, repeated where the table goes on) is content, unless it is
        // the very first or last text of its page, as a running head is
        // that repeats a chapter's title. A line printed again within a few
        // lines, and inside the pages as often as at their edges or more
        // (a file's name beside each entry of a reference), is content
        // wherever it stands. (An extractor may set a running head inside
        // its page, but a page away from the next.)
        let literal = s.literal.as_str();
        let inside_count = inside.get(literal).copied().unwrap_or(0);
        let edge_count = at_edge.get(literal).copied().unwrap_or(0);
        let recurs_as_content =
            inside_count >= edge_count && close_together.contains(literal) && !s.is_caps_head();
        if inside_count > 0
            && (recurs_as_content || !beside_browser_header(k, top, shapes, layout, &found))
        {
            decline(
                log,
                "mid-page",
                line(k),
                "recurs at a page edge, but also inside pages, behind other text",
            );
            continue;
        }
        // Lines in capitals at a page's edge share one shape, whatever
        // their words: a running head in capitals names its chapter or
        // section on two pages or more, or repeats a heading of the text
        // ("SECOND SECTION" over "Second section"). One that does neither is
        // the page's own text (a screenplay's "JOHN" or "FRED (CONT'D)" at
        // the top of a page).
        if s.is_caps_head() && !caps_heads.confirms(lines[content[k]].trimmed()) {
            decline(
                log,
                "caps-line",
                line(k),
                "a line in capitals at a page edge, but no other page prints it and no heading of the text reads so",
            );
            continue;
        }
        if top
            && !bottom
            && layout.page[k] == 0
            && !counting.excerpt()
            && is_title(k, shapes, layout)
        {
            decline(
                log,
                "title-page",
                line(k),
                "the first page's title, repeated by the running header",
            );
            continue;
        }
        found[k] = Some(if top {
            "running-header"
        } else {
            "running-footer"
        });
    }

    // A page prints its number once at an edge, next to its running head
    // if it has one: on the inner side of the head (or of the edge, without
    // a head) only the first number is furniture. A second one that fits
    // the page by chance is the text's own ("2" / "Before publishing" under
    // the head of page 2: a section number).
    for k in 0..n {
        if found[k] != Some("page-number") || !layout.at_edge(k) {
            continue;
        }
        let inside = layout.lines_of(layout.page[k]);
        let top = layout.top[k];
        let step = |j: usize| if top { j.checked_sub(1) } else { Some(j + 1) };
        // Walk towards the edge: past the other numbers found for this
        // page, to the head (or the edge).
        let mut j = step(k).filter(|j| inside.contains(j));
        let mut outer_number = false;
        while let Some(at) = j {
            match found[at] {
                Some("page-number") => outer_number = true,
                Some("running-header" | "running-footer") => break,
                _ => {}
            }
            j = step(at).filter(|j| inside.contains(j));
        }
        if outer_number {
            found[k] = None;
            decline(
                log,
                "second-number",
                line(k),
                "fits the page, but the page printed its number nearer the edge",
            );
        }
    }

    // A page prints its number at one edge, the one where the other pages
    // print theirs: a second number that fits the page at the other edge
    // ("4" / "40" / "400" closing a figure at the foot of page 4, whose
    // head is "4") is the text's own.
    for k in off_side_numbers(&found, layout) {
        found[k] = None;
        decline(
            log,
            "second-number",
            line(k),
            "fits the page, but the page printed its number at the other edge, where its other pages print theirs",
        );
    }

    // A page whose number fits at both edges: the top one that reads with
    // the line under it as a numbered heading ("2" / "Section headings",
    // with "2" at the foot) is the section's, the foot's the page's.
    let text = |k: usize| line(k).trimmed();
    for k in section_numbers_atop(&found, layout, text) {
        found[k] = None;
        decline(
            log,
            "section-number",
            line(k),
            "fits the page, but the page printed its number at its foot too, and this one heads the section under it",
        );
    }

    // The number printed with a running head in capitals ("1" before "JSON
    // MESSAGES"), where it recurs so on two pages or more. A page whose
    // number happens to be its section's ("1" / "INTRODUCTION" / "1" on
    // page 1) shows the same layout, and counts.
    let before_heads: Vec<usize> = (0..n)
        .filter(|&k| matches!(found[k], None | Some("page-number")))
        .filter(|&k| layout.at_edge(k) && layout.page[k] > 0 && is_bare(shapes, k))
        .filter(|&k| before_caps_head(k, shapes, layout, &found))
        .collect();
    let pages: HashSet<usize> = before_heads.iter().map(|&k| layout.page[k]).collect();
    if pages.len() >= 2 {
        for k in before_heads {
            if found[k].is_none() {
                found[k] = Some("running-head-number");
            }
        }
    }

    for k in heads_beside_numbers(lines, content, shapes, layout, &found, log) {
        found[k] = Some(side_rule(layout, k));
    }
    for k in chapter_heads(lines, content, shapes, layout, &found) {
        found[k] = Some("running-header");
    }

    // Numbers at a page edge that do not count the pages, and the shapes of
    // headers and footers inside a page, are content: say so.
    for k in 0..n {
        if found[k].is_none()
            && layout.at_edge(k)
            && let Some(s) = &shapes[k]
            && matches!(s.counter, Some((_, Form::Bare | Form::Label)))
        {
            decline(
                log,
                "page-number",
                line(k),
                "a number at a page edge that does not count the pages",
            );
        }
    }
    let furniture_shapes: HashSet<&str> = (0..n)
        .filter(|&k| found[k].is_some_and(|r| r == "running-header" || r == "running-footer"))
        .filter_map(|k| shapes[k].as_ref().map(|s| s.literal.as_str()))
        .collect();
    for k in 0..n {
        if found[k].is_none()
            && !layout.at_edge(k)
            && let Some(s) = &shapes[k]
            && furniture_shapes.contains(s.literal.as_str())
        {
            decline(
                log,
                "mid-page",
                line(k),
                "like a running header, but inside a page",
            );
        }
    }
    found
        .into_iter()
        .enumerate()
        .filter_map(|(k, r)| r.map(|r| (k, r)))
        .collect()
}

/// Page numbers found at both edges of one page, on the side other than
/// the document's own: the edge where every other page that shows one
/// number shows it, two pages at least.
fn off_side_numbers(found: &[Option<&str>], layout: &Layout) -> Vec<usize> {
    // The sides at which each page's numbers stand: (top, bottom).
    let mut sides: HashMap<usize, (bool, bool)> = HashMap::default();
    let side = |k: usize| match (layout.top[k], layout.bottom[k]) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    };
    let numbers = || (0..found.len()).filter(|&k| found[k] == Some("page-number"));
    for k in numbers() {
        let entry = sides.entry(layout.page[k]).or_default();
        match side(k) {
            Some(true) => entry.0 = true,
            Some(false) => entry.1 = true,
            None => {}
        }
    }
    let votes = |top: bool| sides.values().filter(|&&(t, b)| t != b && t == top).count();
    let usual_top = match (votes(true), votes(false)) {
        (t, 0) if t >= 2 => true,
        (0, b) if b >= 2 => false,
        _ => return Vec::new(),
    };
    numbers()
        .filter(|&k| side(k) == Some(!usual_top))
        .filter(|&k| sides[&layout.page[k]] == (true, true))
        .collect()
}

/// Page numbers at the top of pages that also have one at their foot, each
/// right above a line of its page that no rule took for furniture and that
/// reads, after the number, as a numbered heading ("2 Section headings").
/// All of them or none: a document that prints its number at both edges
/// shows it where a top number stands above plain text ("5" / "multiple
/// references."), and its numbers above headings are the pages' too.
fn section_numbers_atop<'a>(
    found: &[Option<&str>],
    layout: &Layout,
    text: impl Fn(usize) -> &'a str,
) -> Vec<usize> {
    let numbers = || (0..found.len()).filter(|&k| found[k] == Some("page-number"));
    let footed: HashSet<usize> = numbers()
        .filter(|&k| layout.bottom[k] && !layout.top[k])
        .map(|k| layout.page[k])
        .collect();
    let atop: Vec<usize> = numbers()
        .filter(|&k| layout.top[k] && !layout.bottom[k] && footed.contains(&layout.page[k]))
        .collect();
    let heads_section = |k: usize| {
        k + 1 < found.len()
            && layout.page[k + 1] == layout.page[k]
            && found[k + 1].is_none()
            && !text(k + 1).starts_with(|c: char| c.is_ascii_digit())
            && section_title(&format!("{} {}", text(k), text(k + 1)))
    };
    if atop.iter().all(|&k| heads_section(k)) {
        atop
    } else {
        Vec::new()
    }
}

/// The other side of a page's number, at the same edge (top or bottom),
/// where the number is found: the line right beside it, or `None`.
fn number_slot(
    k: usize,
    layout: &Layout,
    found: &[Option<&'static str>],
    shapes: &[Option<Shape>],
) -> Option<usize> {
    let p = layout.page[k];
    let top = layout.top[k];
    let edge = |j: usize| layout.page[j] == p && layout.at_side(j, top);
    let is_number = |j: usize| found[j] == Some("page-number") && is_bare(shapes, j);
    [k.checked_sub(1), Some(k + 1)]
        .into_iter()
        .flatten()
        .find(|&j| j < shapes.len() && edge(j) && is_number(j))
}

/// A head that stands on its own line beside the page's number (pdftotext
/// writes "1.2. Brief tutorial" and "20" apart), once in the text: where
/// the pages beside print a running head beside their numbers at the same
/// edge, this page's line there is its head (facing pages print different
/// heads). Nothing but furniture may stand between it and the edge.
fn heads_beside_numbers(
    lines: &[Line],
    content: &[usize],
    shapes: &[Option<Shape>],
    layout: &Layout,
    found: &[Option<&'static str>],
    log: &mut RepairLog,
) -> Vec<usize> {
    let is_head = |j: usize| {
        matches!(found[j], Some("running-header" | "running-footer"))
            && shapes[j].as_ref().is_some_and(|s| s.letters() >= 2)
    };
    let mut heads = Vec::new();
    for k in 0..shapes.len() {
        let Some(s) = &shapes[k] else { continue };
        if found[k].is_some() || s.counter.is_some() || s.letters() < 2 || !layout.at_edge(k) {
            continue;
        }
        let Some(number) = number_slot(k, layout, found, shapes) else {
            continue;
        };
        let top = layout.top[number];
        let p = layout.page[k];
        // A page that has its head at this edge already: the line beside
        // its number is its text.
        let own_head = layout
            .lines_of(p)
            .any(|j| is_head(j) && layout.at_side(j, top));
        if own_head || !layout.outside(k, top).all(|j| found[j].is_some()) {
            continue;
        }
        // The head of each page beside: a found head right next to its
        // found number, at the same edge.
        let beside: Vec<bool> = layout
            .beside(p)
            .into_iter()
            .map(|q| {
                layout
                    .lines_of(q)
                    .filter(|&j| is_head(j) && layout.at_side(j, top))
                    .any(|j| number_slot(j, layout, found, shapes).is_some())
            })
            .collect();
        if !beside.iter().any(|&b| b) {
            continue;
        }
        if !beside.iter().all(|&b| b) || code_evidence(k, lines, content, layout).is_some() {
            decline(
                log,
                "facing-head",
                &lines[content[k]],
                "beside the page's number, but not every page beside prints its head there, or it reads as code",
            );
            continue;
        }
        // A head is a title; the last line of a page's text may end a
        // sentence beside the number where a chapter's first page prints
        // no head ("... (see Special case: uploads to the stable and
        // oldstable distributions)." over "9").
        if reads_as_sentence(lines[content[k]].trimmed()) {
            decline(
                log,
                "facing-head",
                &lines[content[k]],
                "beside the page's number, but it ends a sentence, as no head does",
            );
            continue;
        }
        heads.push(k);
    }
    heads
}

/// A line of more than [`MAX_SENTENCE_HEAD_WORDS`] words that ends a
/// sentence: the text of a page, not its head. Chinese and Japanese set
/// no spaces between words and end sentences with "。": there, a line of
/// [`MIN_SENTENCE_IDEOGRAPHS`] ideographs or more counts as more words.
fn reads_as_sentence(t: &str) -> bool {
    let ideographs = t.chars().filter(|&c| is_ideograph(c)).count();
    super::paragraphs::ends_sentence(t)
        && (t.split_whitespace().count() > MAX_SENTENCE_HEAD_WORDS
            || ideographs >= MIN_SENTENCE_IDEOGRAPHS)
}

/// See [`reads_as_sentence`]: a head such as "北京大学本科生毕业论文" has ten
/// ideographs, but ends no sentence.
const MIN_SENTENCE_IDEOGRAPHS: usize = 8;

/// A CJK ideograph or a Japanese kana (the scripts that set no spaces).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A head may end on a full stop when it is this short ("Preface.").
const MAX_SENTENCE_HEAD_WORDS: usize = 3;

/// A running head in capitals at the top of a page that repeats, word for
/// word, the title that opens an earlier page (a chapter starts a page:
/// "Appendix A" / "A Complete Example", then "APPENDIX A. A COMPLETE
/// EXAMPLE" on the pages that follow). Case and punctuation aside; the
/// words must be spaced as the title's are.
fn chapter_heads(
    lines: &[Line],
    content: &[usize],
    shapes: &[Option<Shape>],
    layout: &Layout,
    found: &[Option<&'static str>],
) -> Vec<usize> {
    let words = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    // The first text of each page, past its furniture.
    let opening = |p: usize| {
        layout
            .lines_of(p)
            .take(EDGE_LINES)
            .find(|&j| found[j].is_none())
    };
    let mut heads = Vec::new();
    for p in 1..layout.pages() {
        let Some(k) = opening(p) else { continue };
        let text = lines[content[k]].trimmed();
        let caps = shapes[k]
            .as_ref()
            .is_some_and(|s| s.counter.is_none() && s.letters() >= 4)
            && !text.chars().any(char::is_lowercase);
        let head = words(text);
        if !caps || head.len() < 2 {
            continue;
        }
        let repeats = (0..p).any(|q| {
            let Some(start) = opening(q) else {
                return false;
            };
            let mut title: Vec<String> = Vec::new();
            for j in start..layout.bounds[q + 1].min(start + 3) {
                if layout.page[j] != q {
                    break;
                }
                title.extend(words(lines[content[j]].trimmed()));
                if title == head {
                    // The title in the text is not itself in capitals.
                    return (start..=j)
                        .any(|i| lines[content[i]].trimmed().chars().any(char::is_lowercase));
                }
            }
            false
        });
        if repeats {
            heads.push(k);
        }
    }
    heads
}

/// Why line `k` (a position among the non-blank lines) belongs to a code
/// listing: it reads as code itself, or both its neighbours on its page do.
fn code_evidence(
    k: usize,
    lines: &[Line],
    content: &[usize],
    layout: &Layout,
) -> Option<&'static str> {
    let text = |j: usize| lines[content[j]].trimmed();
    if is_code_line(text(k)) && !is_manual_page_name(text(k)) {
        return Some("it reads as code");
    }
    let inside = layout.lines_of(layout.page[k]);
    let code_at = |j: Option<usize>| {
        j.is_some_and(|j| {
            inside.contains(&j) && is_code_line(text(j)) && !is_manual_page_name(text(j))
        })
    };
    (code_at(k.checked_sub(1)) && code_at(Some(k + 1))).then_some("it stands between lines of code")
}

/// A manual page's name and section, as its running head prints them
/// ("GS(1)", "XMLLINT(1)", "git-worktree(1)", "printf(3p)"): a call to the
/// eye of the code rules, a label at a page's edge.
fn is_manual_page_name(t: &str) -> bool {
    let Some((name, section)) = t.strip_suffix(')').and_then(|t| t.split_once('(')) else {
        return false;
    };
    let mut section = section.chars();
    name.chars().count() >= 2
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '+'))
        && section.next().is_some_and(|c| matches!(c, '1'..='9'))
        && section.all(|c| c.is_ascii_lowercase())
}

/// What confirms a line in capitals at a page edge as a running head (see
/// [`CapsHeads::confirms`]), as [`title_words`].
struct CapsHeads<'a> {
    lines: &'a [Line],
    content: &'a [usize],
    /// The lines in capitals at the edges, with the pages they stand on.
    at_edges: HashMap<String, HashSet<usize>>,
    /// The lines that are not in capitals (the text's own headings among
    /// them, often right under the running head). Read only for a line in
    /// capitals to confirm: most documents have none.
    inside: OnceCell<HashSet<String>>,
}

impl<'a> CapsHeads<'a> {
    fn of(
        lines: &'a [Line],
        content: &'a [usize],
        shapes: &[Option<Shape>],
        layout: &Layout,
        bands: (&[bool], &[bool]),
    ) -> CapsHeads<'a> {
        let mut at_edges: HashMap<String, HashSet<usize>> = HashMap::default();
        for (k, shape) in shapes.iter().enumerate() {
            if (bands.0[k] || bands.1[k]) && shape.as_ref().is_some_and(Shape::is_caps_head) {
                at_edges
                    .entry(title_words(lines[content[k]].trimmed()))
                    .or_default()
                    .insert(layout.page[k]);
            }
        }
        CapsHeads {
            lines,
            content,
            at_edges,
            inside: OnceCell::new(),
        }
    }

    fn inside(&self) -> &HashSet<String> {
        self.inside.get_or_init(|| {
            self.content
                .iter()
                .map(|&i| self.lines[i].trimmed())
                .filter(|t| t.chars().any(char::is_lowercase))
                .map(title_words)
                .collect()
        })
    }

    /// Whether the line in capitals `text` stands at the edge of two pages
    /// or more, or a line of the text that is not in capitals reads so, or
    /// opens so with [`MIN_HEADING_WORDS`] words or more (a heading wrapped
    /// over two lines: "Example communication to request a token" under
    /// "EXAMPLE COMMUNICATION TO REQUEST A TOKEN FOR READING").
    fn confirms(&self, text: &str) -> bool {
        let words = title_words(text);
        if self
            .at_edges
            .get(&words)
            .is_some_and(|pages| pages.len() >= 2)
            || self.inside().contains(&words)
        {
            return true;
        }
        let ends: Vec<usize> = words.match_indices(' ').map(|(at, _)| at).collect();
        ends.iter()
            .skip(MIN_HEADING_WORDS - 1)
            .any(|&end| self.inside().contains(&words[..end]))
    }
}

/// The fewest words of a heading's first line that confirm a running head
/// in capitals which goes on past them: fewer ("JOHN" before "JOHN and MARK
/// are at adjacent consoles") open sentences as often.
const MIN_HEADING_WORDS: usize = 3;

/// The words of a line, lower-cased, without its numbers and punctuation:
/// "2   SECOND SECTION    5" and "2 Second section" read "second section".
fn title_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many lines on each side of a recurring line are looked at for a row
/// of its table: a wrapped cell ("Retardtabletten", "due to op") may stand
/// between two rows.
const ROW_REACH: usize = 3;

/// A row of a table beside line `k` (a position among the non-blank lines)
/// on its page, whose cells line up with those of line `k`.
fn table_row_beside<'a>(
    k: usize,
    lines: &'a [Line],
    content: &[usize],
    layout: &Layout,
) -> Option<&'a str> {
    let text = |j: usize| lines[content[j]].text.as_str();
    layout
        .lines_of(layout.page[k])
        .filter(|&j| j != k && j + ROW_REACH >= k && j <= k + ROW_REACH)
        .find(|&j| rows_of_one_table(text(k), text(j)))
        .map(|j| lines[content[j]].trimmed())
}

/// Whether line `k` is the outermost text at its page's top (or bottom)
/// edge: nothing but bare numbers between it and the edge.
fn outermost(k: usize, top: bool, shapes: &[Option<Shape>], layout: &Layout) -> bool {
    outermost_past(k, top, shapes, layout, |_| false)
}

/// [`outermost`], passing over the lines `past` accepts too.
fn outermost_past(
    k: usize,
    top: bool,
    shapes: &[Option<Shape>],
    layout: &Layout,
    past: impl Fn(usize) -> bool,
) -> bool {
    layout.outside(k, top).all(|j| {
        past(j)
            || shapes[j]
                .as_ref()
                .is_some_and(|s| matches!(s.counter, Some((_, Form::Bare | Form::Label))))
    })
}

/// Whether line `k` is the outermost text at its page's edge, or stands
/// only behind what a browser prints there and this pass removed: the date
/// of a printed web page, with the page's title beside it, which pdftotext
/// sets on a line of its own ("12/6/26, 7:29 PM" / "Vim documentation:
/// pattern"); or the page's address at its foot.
fn beside_browser_header(
    k: usize,
    top: bool,
    shapes: &[Option<Shape>],
    layout: &Layout,
    found: &[Option<&'static str>],
) -> bool {
    outermost_past(k, top, shapes, layout, |j| {
        found[j].is_some()
            && shapes[j]
                .as_ref()
                .is_some_and(|s| s.has_date() || s.is_address())
    })
}

/// Whether line `k` is a number alone ("12", "xii", "(12)").
fn is_bare(shapes: &[Option<Shape>], k: usize) -> bool {
    shapes[k]
        .as_ref()
        .is_some_and(|s| matches!(s.counter, Some((_, Form::Bare))))
}

/// Logs that `rule` left `line` alone, and why: "12 (a number at a page
/// edge that does not count the pages)".
fn decline(log: &mut RepairLog, rule: &'static str, line: &Line, why: &str) {
    log.decline(
        NAME,
        rule,
        line.span(),
        format!("{} ({why})", line.trimmed()),
    );
}

fn side_rule(layout: &Layout, k: usize) -> &'static str {
    if layout.top[k] {
        "running-header"
    } else {
        "running-footer"
    }
}

/// The pages on which each literal line shape (with letters) stands at the
/// top (`true`) or the bottom edge, counting only the lines in `within`
/// (top, bottom) that are not furniture already.
fn edge_pages<'a>(
    shapes: &'a [Option<Shape>],
    layout: &Layout,
    found: &[Option<&'static str>],
    within: (&[bool], &[bool]),
) -> EdgePages<'a> {
    let mut pages_of: EdgePages = HashMap::default();
    for (k, s) in shapes.iter().enumerate() {
        let Some(s) = s else { continue };
        // A line of furniture has words, or is a release's number
        // ("10.00.0" in a manual page's foot, the same on every page); a
        // line of one or two letters is the text's ("}", a listing's last
        // line).
        if found[k].is_some() || (s.letters() < 2 && !is_release_number(&s.literal)) {
            continue;
        }
        let top = layout.top[k] && within.0[k];
        let bottom = layout.bottom[k] && within.1[k];
        for (side, at) in [(true, top), (false, bottom)] {
            if at {
                let pages = pages_of.entry((side, s.literal.as_str())).or_default();
                if pages.last() != Some(&layout.page[k]) {
                    pages.push(layout.page[k]);
                }
            }
        }
    }
    pages_of
}

/// Per side (`true` for the top) and literal line shape: pages.
type EdgePages<'a> = HashMap<(bool, &'a str), Vec<usize>>;

/// The line shapes of `pages_of` that stand at their edge of enough pages,
/// see [`MIN_RECURRENCE`].
fn recurring_lines<'a>(pages_of: &EdgePages<'a>, layout: &Layout) -> HashSet<(bool, &'a str)> {
    let needed = needed_pages(layout);
    pages_of
        .iter()
        .filter(|(_, pages)| {
            let span = pages[pages.len() - 1] - pages[0] + 1;
            pages.len() >= needed && pages.len() as f64 >= span as f64 * MIN_RECURRENCE_SHARE
        })
        .map(|(&key, _)| key)
        .collect()
}

/// Fewest words of a line that [`reads_as_prose`].
const PROSE_MIN_WORDS: usize = 6;

/// Whether a line reads as prose rather than as a label: six words (of two
/// letters or more) that end a sentence ("... and set up headers and
/// footers.", with two function words among them) or stop in the middle of
/// one (after a comma or a function word: "... where you choose the").
/// Running heads and feet name a document, a chapter or a page
/// ("Introduction to the ejpecp Class", "ECP 0 (2020), paper 0.",
/// "Copyright © 2022 by ASME").
fn reads_as_prose(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    let real_words = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    if real_words < PROSE_MIN_WORDS {
        return false;
    }
    let function_words = words
        .iter()
        .filter(|w| is_function_word(w.trim_matches(|c: char| !c.is_alphabetic())))
        .count();
    let core = last.trim_end_matches(['.', '!', '?']);
    let ends_sentence = core.len() < last.len()
        && core.chars().count() >= 2
        && core.chars().all(|c| c.is_lowercase());
    let stops_mid_sentence = last.ends_with(',') || is_function_word(last);
    (ends_sentence && function_words >= 2) || stops_mid_sentence
}

/// On how many pages a line must recur to be furniture: see
/// [`MIN_RECURRENCE`].
fn needed_pages(layout: &Layout) -> usize {
    if layout.pages() <= 3 {
        2
    } else {
        MIN_RECURRENCE
    }
}

/// On how many pages each line shape (with letters) stands right past the
/// edge lines, the `EDGE_LINES + 1`-th line from the top (`true`) or the
/// bottom.
fn past_edge_counts<'a>(
    shapes: &'a [Option<Shape>],
    layout: &Layout,
) -> HashMap<(bool, &'a str), usize> {
    let mut counts = HashMap::default();
    for p in 0..layout.pages() {
        let lines = layout.lines_of(p);
        if lines.len() <= EDGE_LINES {
            continue;
        }
        for (side, k) in [
            (true, lines.start + EDGE_LINES),
            (false, lines.end - 1 - EDGE_LINES),
        ] {
            if let Some(s) = shapes[k].as_ref().filter(|s| s.letters() >= 2) {
                *counts.entry((side, s.literal.as_str())).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// A line that is only a number of 1 to 4 digits (a page number, if it
/// stands at a page edge).
pub(super) fn bare_number(t: &str) -> Option<u32> {
    let t = t.trim();
    (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// The outer bands of the pages: from each edge inward, the lines that are
/// page numbers or recurring candidates, up to the first other line. Bare
/// numbers are passed over (the section number of a running head may stand
/// before it). A header or footer is the outermost text of its page; a
/// line that recurs behind text at the edge, or behind a running head in
/// capitals (a table's header row on two pages), is content. So is a band
/// of recurring lines as deep as the edge whose repetition goes on past it:
/// the slides of a presentation that build up one list print the same
/// heading and opening text page after page (`at_edges`: the pages each
/// line shape stands at an edge of). Those lines are returned too, to be
/// logged.
fn outer_bands<'t>(
    shapes: &[Option<Shape>],
    layout: &Layout,
    found: &[Option<&'static str>],
    candidates: &HashSet<(bool, &str)>,
    at_edges: &EdgePages,
    text: impl Fn(usize) -> &'t str,
) -> (Vec<bool>, Vec<bool>, Vec<usize>) {
    let n = shapes.len();
    let (mut top, mut bottom) = (vec![false; n], vec![false; n]);
    let mut repeated = Vec::new();
    let past_edge = past_edge_counts(shapes, layout);
    let needed = needed_pages(layout);
    let mut behind = Vec::new();
    for p in 0..layout.pages() {
        let (start, end) = (layout.bounds[p], layout.bounds[p + 1]);
        for (side, band) in [(true, &mut top), (false, &mut bottom)] {
            let order: Box<dyn Iterator<Item = usize>> = if side {
                Box::new((start..end).take(EDGE_LINES))
            } else {
                Box::new((start..end).rev().take(EDGE_LINES))
            };
            // Past the first line of the page's text, only a printed web
            // address goes on: a browser prints the page's at its foot,
            // and pdftotext may read the last cells of a table after it.
            let mut text_lines = 0;
            for k in order {
                let shape = shapes[k].as_ref();
                let candidate =
                    shape.is_some_and(|s| candidates.contains(&(side, s.literal.as_str())));
                if found[k].is_some() || (candidate && text_lines == 0) {
                    band[k] = true;
                    // A running head in capitals is one line: what follows
                    // it is the page's text (a table's header row). A
                    // manual page's name opens a head of three parts, which
                    // pdftotext sets on lines of their own ("HYPERFINE(1)" /
                    // "User Commands" / "HYPERFINE(1)").
                    if shape.is_some_and(Shape::is_caps_head) && !is_manual_page_name(text(k)) {
                        break;
                    }
                } else if candidate && shape.is_some_and(Shape::is_address) {
                    band[k] = true;
                } else if candidate && text_lines == 1 && shape.is_some_and(Shape::is_caps_head) {
                    behind.push((k, side));
                    break;
                } else if !is_bare(shapes, k) {
                    text_lines += 1;
                }
            }
            let lines = layout.lines_of(p);
            if lines.len() <= EDGE_LINES {
                continue;
            }
            let (edge, past) = if side {
                (
                    lines.start..lines.start + EDGE_LINES,
                    lines.start + EDGE_LINES,
                )
            } else {
                (
                    lines.end - EDGE_LINES..lines.end,
                    lines.end - 1 - EDGE_LINES,
                )
            };
            // How often the line past the edge recurs there: a line of
            // the band that recurs on more pages (the deck's header above
            // each group of slides) is still the page's furniture.
            let repeats = shapes[past]
                .as_ref()
                .and_then(|s| past_edge.get(&(side, s.literal.as_str())))
                .copied()
                .filter(|&pages| pages >= needed);
            if let Some(repeats) = repeats
                && edge.clone().all(|k| band[k])
            {
                let oftener = |k: usize| {
                    shapes[k].as_ref().is_some_and(|s| {
                        at_edges
                            .get(&(side, s.literal.as_str()))
                            .map_or(0, Vec::len)
                            > repeats
                    })
                };
                for k in edge.filter(|&k| found[k].is_none() && !oftener(k)) {
                    band[k] = false;
                    repeated.push(k);
                }
            }
        }
    }
    // pdftotext's reading order may put a page's first line of text before
    // its head ("80" / "8" / "Stream is neither a variable nor a stream" /
    // "PROLOG BUILT-IN PREDICATES"). A head in capitals one line behind is
    // still the band's last line where other pages print the same words as
    // the outermost text at that edge; capitals that no other page prints
    // so ("Copyright by" / "JOE LINGUIST" on a thesis's title pages) are
    // the page's own.
    let heads: HashSet<(bool, &str)> = (0..n)
        .flat_map(|k| [(true, k), (false, k)])
        .filter(|&(side, k)| if side { top[k] } else { bottom[k] })
        .filter(|&(_, k)| shapes[k].as_ref().is_some_and(Shape::is_caps_head))
        .map(|(side, k)| (side, text(k)))
        .collect();
    for (k, side) in behind {
        if heads.contains(&(side, text(k))) {
            if side {
                top[k] = true;
            } else {
                bottom[k] = true;
            }
        }
    }
    (top, bottom, repeated)
}

/// The title as a running head, cut short with an ellipsis, on the first
/// line of a later page: that line repeats the opening lines of the
/// document and ends in "…". Once is evidence enough at a page's top edge:
/// a cut title is no sentence and no heading of the text. A whole title
/// there may be a section that shares the document's name, and stays.
fn cut_titles(lines: &[Line], content: &[usize], layout: &Layout) -> Vec<usize> {
    if layout.pages() < 2 {
        return Vec::new();
    }
    let opening = (0..layout.bounds[1].min(EDGE_LINES + 2))
        .map(|k| lines[content[k]].trimmed())
        .collect::<Vec<_>>()
        .join(" ");
    (1..layout.pages())
        .map(|p| layout.bounds[p])
        .filter(|&k| k < content.len())
        .filter(|&k| {
            let t = lines[content[k]].trimmed();
            let cut = t
                .strip_suffix('\u{2026}')
                .or_else(|| t.strip_suffix("..."))
                .unwrap_or(t)
                .trim_end();
            cut.len() < t.len() && cut.chars().count() >= 16 && opening.starts_with(cut)
        })
        .collect()
}

/// The section's title that a running head prints at the top of a page
/// ("5 New commands", as KOMA-Script and most article styles do), found
/// where it is printed twice: on a later page, the first line that is no
/// other furniture, a section number and a title, when
/// - the same line follows right below it: the head, then the section's
///   own heading, as no author prints a heading twice in a row;
/// - it stands under a running header of its page (the document's title),
///   and another page opens alike: the section goes on over both;
/// - an earlier page opens with the same line: the earliest may be the
///   section's own heading at the top of its page, and stays; the later
///   ones repeat it.
fn section_heads(
    lines: &[Line],
    content: &[usize],
    layout: &Layout,
    why: &[Option<&'static str>],
) -> Vec<usize> {
    let text = |k: usize| lines[content[k]].trimmed();
    let is_header = |k: usize| matches!(why[content[k]], Some("running-header" | "title-header"));
    let firsts: Vec<usize> = (1..layout.pages())
        .filter_map(|p| {
            let k = first_text_line(p, content, layout, why)?;
            let opens_page = k == layout.lines_of(p).start || is_header(k - 1);
            (layout.top[k] && opens_page && section_title(text(k))).then_some(k)
        })
        .collect();
    // Per text, how many pages open with it and the first that does.
    let mut opening: HashMap<&str, (usize, usize)> = HashMap::default();
    for &k in &firsts {
        opening.entry(text(k)).or_insert((0, k)).0 += 1;
    }
    firsts
        .into_iter()
        .filter(|&k| {
            let twin_below = k + 1 < content.len()
                && layout.page[k + 1] == layout.page[k]
                && text(k + 1) == text(k);
            let (pages, earliest) = opening[text(k)];
            let headed_twin = k > layout.lines_of(layout.page[k]).start && pages >= 2;
            twin_below || headed_twin || earliest != k
        })
        .collect()
}

/// The first line of page `p` that is no furniture found so far.
fn first_text_line(
    p: usize,
    content: &[usize],
    layout: &Layout,
    why: &[Option<&'static str>],
) -> Option<usize> {
    layout.lines_of(p).find(|&k| why[content[k]].is_none())
}

/// Fewest letters, and words, of a section's title that a running head
/// without its number is matched against: "Introduction" alone may open a
/// page as a word of the text, a title of a few words does not.
const MIN_HEAD_LETTERS: usize = 12;
const MIN_HEAD_WORDS: usize = 2;
/// Most words of such a title: a heading's, not a sentence's.
const MAX_HEAD_WORDS: usize = 14;

/// Running heads that print a section's title without its number, as
/// DocBook and book styles do ("Why SCons Duplicates Source Files in a
/// Variant Directory Tree" atop the page of "15.2. Why SCons Duplicates
/// Source Files in a" / "Variant Directory Tree"). A page's first line,
/// with the line under it when the head wrapped (`-layout` breaks and
/// hyphenates a long one: "... Directo-" / "ry Tree"), is the head when its
/// letters are exactly those of a numbered heading's title elsewhere in
/// the text, that title with the line under it when it wrapped too. The
/// text's own headings are the evidence: a page that opens with the title
/// of a heading the text prints with its number has no reason to repeat it
/// unnumbered but as its head. The first page is left alone, as in
/// [`section_heads`].
fn titled_heads(
    lines: &[Line],
    content: &[usize],
    layout: &Layout,
    why: &[Option<&'static str>],
) -> Vec<usize> {
    let text = |k: usize| lines[content[k]].trimmed();
    let same_page = |k: usize| k + 1 < content.len() && layout.page[k + 1] == layout.page[k];
    let letters = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // A title, not a line of verse or prose that a line number opens
    // (a critical edition numbers its lines, and a parallel text prints
    // the same lines on another page): a few words, no sentence in it.
    let reads_as_title = |t: &str| {
        let words = t.split_whitespace().count();
        (MIN_HEAD_WORDS..=MAX_HEAD_WORDS).contains(&words)
            && t.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_HEAD_LETTERS
            && !t.contains(['.', ';', ',', '!', '?'])
    };
    // The letters of each numbered heading's title, alone and with the
    // line under it, and the heading's line.
    let mut titles: HashMap<String, usize> = HashMap::default();
    for k in 0..content.len() {
        let t = text(k);
        let Some(title) = numbered_title(t).filter(|_| why[content[k]].is_none()) else {
            continue;
        };
        if reads_as_title(title) {
            titles.insert(letters(title), k);
        }
        if same_page(k) && why[content[k + 1]].is_none() {
            let wrapped = format!("{title} {}", text(k + 1));
            if reads_as_title(&wrapped) {
                titles.insert(letters(&wrapped), k);
            }
        }
    }
    if titles.is_empty() {
        return Vec::new();
    }
    let mut heads = Vec::new();
    for p in 1..layout.pages() {
        let Some(k) = first_text_line(p, content, layout, why) else {
            continue;
        };
        if !layout.top[k] || numbered_title(text(k)).is_some() {
            continue;
        }
        let is_title = |key: &str, head: &str| {
            reads_as_title(head) && titles.get(key).is_some_and(|&heading| heading != k)
        };
        if is_title(&letters(text(k)), text(k)) {
            heads.push(k);
        } else if same_page(k) && layout.top[k + 1] && why[content[k + 1]].is_none() {
            let both = format!("{} {}", text(k), text(k + 1));
            if is_title(&letters(&both), &both) {
                heads.extend([k, k + 1]);
            }
        }
    }
    heads
}

/// The title after a section's number ("15.2. Why SCons Duplicates Source
/// Files in a" gives "Why SCons ..."): a number of one to four parts, then
/// a capital. Looser than [`section_title`], as a title that wraps may end
/// on any word; [`titled_heads`] asks for the same letters elsewhere.
fn numbered_title(t: &str) -> Option<&str> {
    let (number, title) = t.split_once(' ')?;
    let parts: Vec<&str> = number
        .strip_suffix('.')
        .unwrap_or(number)
        .split('.')
        .collect();
    let numbered = parts.len() <= 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let title = title.trim_start();
    // A listing's numbered line (code, or "8   Mary had a little lamb \\",
    // a verse of a song's source that TeX's line break ends) is no
    // section's title.
    (numbered
        && title.starts_with(char::is_uppercase)
        && !title.ends_with("\\\\")
        && !is_code_line(t))
    .then_some(title)
}

/// A section's number and title ("5 New commands", "5. Stoichiometric
/// Factors", "1.2 Usage").
fn section_title(t: &str) -> bool {
    use crate::normalize::paragraphs::numbered_heading_line;
    let (number, title) = t.split_once(' ').unwrap_or((t, ""));
    numbered_heading_line(t)
        || number
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && numbered_heading_line(&format!("{n} {title}")))
}

/// Whether the first page's line `k`, which the running header repeats, is
/// the document's title: not a date, and not printed twice in a row (a
/// browser prints the title in its header right above the page's own).
fn is_title(k: usize, shapes: &[Option<Shape>], layout: &Layout) -> bool {
    let Some(s) = &shapes[k] else { return false };
    if s.has_date() {
        return false;
    }
    !(k + 1..layout.bounds[1].min(k + EDGE_LINES))
        .any(|j| shapes[j].as_ref().is_some_and(|t| t.literal == s.literal))
}

/// Whether bare number `k` stands before a running head in capitals at the
/// same page edge, with nothing but furniture between them, as LaTeX prints
/// a section's number before its title ("1 JSON MESSAGES"). A number after
/// the head is the page's own text (the section that starts there).
fn before_caps_head(
    k: usize,
    shapes: &[Option<Shape>],
    layout: &Layout,
    found: &[Option<&'static str>],
) -> bool {
    let same_edge = |j: usize| {
        layout.page[j] == layout.page[k]
            && ((layout.top[k] && layout.top[j]) || (layout.bottom[k] && layout.bottom[j]))
    };
    for j in (k + 1..shapes.len()).take_while(|&j| same_edge(j)) {
        if found[j].is_some() && shapes[j].as_ref().is_some_and(Shape::is_caps_head) {
            return true;
        }
        if found[j].is_none() {
            return false;
        }
    }
    false
}

/// The label of each page: its counter as printed, or counted from the
/// document's numbering when the page printed none. Empty when the text
/// shows no pages.
fn page_labels(
    layout: &Layout,
    shapes: &[Option<Shape>],
    counting: &Counting,
    why: &[Option<&'static str>],
    content: &[usize],
) -> Vec<PageStart> {
    let pages = layout.pages();
    let mut printed: Vec<Option<String>> = vec![None; pages];
    for (k, s) in shapes.iter().enumerate() {
        let page = layout.page[k];
        if printed[page].is_none()
            && why[content[k]].is_some_and(|r| r != "running-head-number")
            && let Some(s) = s
            && let Some((c, _)) = &s.counter
            && counting.fits(s, layout.ordinals[page])
        {
            printed[page] = Some(c.printed.clone());
        }
    }
    if pages < 2 && printed.iter().all(Option::is_none) {
        return Vec::new();
    }
    printed
        .into_iter()
        .enumerate()
        .map(|(p, label)| match label {
            Some(label) => PageStart {
                label,
                printed: true,
            },
            None => PageStart {
                label: counted_label(counting, layout.ordinals[p]),
                printed: false,
            },
        })
        .collect()
}

/// The number of the page at `position` as the document counts (arabic
/// first, then roman, else its position).
fn counted_label(counting: &Counting, position: i64) -> String {
    if let Some(n) = counting.arabic.map(|o| position + o).filter(|&n| n > 0) {
        return n.to_string();
    }
    if let Some(n) = counting.roman.map(|o| position + o).filter(|&n| n > 0) {
        return to_roman(n as u32);
    }
    position.to_string()
}

/// A line of a table of figures: two numbers or more, and at least as many
/// numbers as other words (`"strptime"  1.70  41.06  1.70  41.06`,
/// `Greenmantle  2.5  650  16.083`).
fn is_row_of_figures(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let figures = words.iter().filter(|w| is_number(w)).count();
    figures >= 2 && figures * 2 >= words.len()
}

/// A line of one to three dots or commas, left behind when a paragraph's
/// last characters were pushed to a line of their own.
fn is_stray_punctuation(t: &str) -> bool {
    // A soft hyphen is invisible: ".\u{AD}" is a lone dot too.
    let t = t.trim_matches('\u{AD}');
    t.chars().count() <= MAX_STRAY_CHARS
        && t.chars().all(|c| matches!(c, '.' | ',' | ';' | ':' | '·'))
}

/// Removes the lines marked with a rule, logging each, and marks where each
/// page starts on the first line of it that stays. A page found without a
/// form feed gets a page break there, as one with a form feed has.
fn apply(
    lines: &mut Vec<Line>,
    content: &[usize],
    pages: &Pages,
    labels: Vec<PageStart>,
    why: Vec<Option<&'static str>>,
    log: &mut RepairLog,
) {
    let mut starts_at: HashMap<usize, (usize, PageStart)> = HashMap::default();
    for (p, label) in labels.into_iter().enumerate() {
        if let Some(&k) = pages.starts.get(p)
            && let Some(&i) = content.get(k)
        {
            starts_at.insert(i, (p, label));
        }
    }
    if starts_at.is_empty() && why.iter().all(Option::is_none) {
        return;
    }
    let found_pages = pages.source == Source::Counter;
    let mut out = Vec::with_capacity(lines.len());
    let mut carry_break = false;
    let mut carry_starts: Vec<PageStart> = Vec::new();
    for (i, (mut line, rule)) in lines.drain(..).zip(why).enumerate() {
        if let Some((p, label)) = starts_at.remove(&i) {
            carry_break |= p > 0 && found_pages;
            carry_starts.push(label);
        }
        carry_break |= line.page_break;
        // A line the editor rejected removing stays.
        if let Some(rule) = rule
            && log.approve(NAME, rule, line.span(), line.trimmed(), "")
        {
            continue;
        }
        if !line.is_blank() {
            line.page_break = carry_break;
            line.page_starts.append(&mut carry_starts);
            carry_break = false;
        }
        out.push(line);
    }
    *lines = out;
}

#[cfg(test)]
mod tests;
