//! Where the printed pages start, known before anything is removed.
//!
//! A form feed is a page boundary. Extractors that write none (pypdf,
//! ghostscript's txtwrite) still print every page's furniture, and the
//! document's own furniture then shows the boundaries: a page counter that
//! goes up by one from page to page, a page's length of text apart, on lines
//! of the same shape ("1" ... "2" ... "3" under the same header, "Page 2 of
//! 7", "Build cache 2", "1 JSON MESSAGES 2", "http://.../x.html 1/3"), on
//! the heads of facing pages that alternate ("Chapter 1. Guide 19", "1.2.
//! Brief tutorial 20", "Chapter 1. Guide 21") or put the number on the outer
//! side ("38 gnuplot 5.4", "gnuplot 5.4 39"), on numbers alone that count
//! from the excerpt's first line or up to its last ("15" ... "16" ... "17"),
//! or on numbers alone, set off from the margin, that count every page from
//! the first ("1" ... "2" ... "6" in ghostscript's text of six pages). A
//! number in brackets ("(3)") counts equations or examples there, and lines
//! of words whose numbers count up a few lines apart somewhere ("4
//! TYPEFACES" above "5 TITLE INFORMATION") number sections, not pages.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::shape::{Form, Shape};
use crate::normalize::lines::Line;
use crate::normalize::regions::is_code_line;

/// How the page boundaries were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// One page only: no form feed, no counting furniture.
    None,
    FormFeeds,
    /// A page counter recurring every page's length of lines.
    Counter,
}

#[derive(Debug, Clone)]
pub struct Pages {
    /// Positions in the document's non-blank lines where a page starts; the
    /// first is 0.
    pub starts: Vec<usize>,
    /// Each page's place in the printed sequence (1 for the first): its
    /// position, except where a page counter shows that pages were skipped
    /// (a page number lost in a table line: the page found holds two).
    pub ordinals: Vec<i64>,
    pub source: Source,
}

impl Pages {
    /// The range of non-blank-line positions of page `p` (0-based).
    pub fn range(&self, p: usize, content_len: usize) -> std::ops::Range<usize> {
        let end = self.starts.get(p + 1).copied().unwrap_or(content_len);
        self.starts[p]..end
    }

    fn single() -> Pages {
        Pages {
            starts: vec![0],
            ordinals: vec![1],
            source: Source::None,
        }
    }
}

/// Most times a line beside the page counters may occur in the text per
/// counter for it to be read as furniture: a running head or foot occurs
/// once a page, and a few more where a page's number was lost.
const MAX_RECURRENCES_PER_PAGE: usize = 2;

/// Fewest non-blank lines between the counters of two pages, so that lines
/// a few apart that count up (a list, a table column, code) are never read
/// as pages. Printed pages hold far more: a small page of 12x17 cm holds 25.
pub const MIN_PAGE_LINES: usize = 10;

/// The longest page may be at most this many times the shortest (counted
/// between counters): pages of one document hold about the same amount of
/// text, whereas numbers that merely count up (steps, sections) stand
/// wherever the text puts them.
const MAX_PAGE_RATIO: usize = 3;

/// Columns right of the text's left margin from which a number alone is
/// set off as a page number is printed, centred or at the right: more than
/// a listing's or a quotation's indent.
const MIN_SET_OFF: usize = 10;

/// Numbers alone that count from 1 are page numbers only where the longest
/// page holds at most this many times the lines of the shortest: their own
/// regularity is all the evidence they give.
const MAX_FIRST_PAGES_RATIO: usize = 2;

/// A chain whose first number is at most this is taken to number the pages
/// from 1, so the first counter's place says whether it heads or ends its
/// page; past it, the document is an excerpt and the last counter's place
/// says it.
const MAX_START_VALUE: i64 = 3;

/// A line of text with a counter that goes up page by page is a running
/// header when it has this many words: "Step 3" or "Example 2" is content.
const MIN_HEADER_WORDS: usize = 4;

/// How close (in non-blank lines) the line that recurs with a page counter
/// stands to it: a header right below a footer, a date above a URL.
const NEIGHBOUR_LINES: usize = 2;

/// `content` lists the non-blank lines; `shapes[k]` is the shape of line
/// `content[k]`.
pub fn find(lines: &[Line], content: &[usize], shapes: &[Option<Shape>]) -> Pages {
    if content.is_empty() {
        return Pages::single();
    }
    if content.iter().any(|&i| lines[i].page_break) {
        let mut starts = vec![0];
        starts.extend(
            (1..content.len())
                .filter(|&k| (content[k - 1] + 1..=content[k]).any(|i| lines[i].page_break)),
        );
        return Pages {
            ordinals: (1..=starts.len() as i64).collect(),
            starts,
            source: Source::FormFeeds,
        };
    }
    let texts: Vec<&str> = content.iter().map(|&i| lines[i].trimmed()).collect();
    let margin = content
        .iter()
        .map(|&i| lines[i].indent())
        .min()
        .unwrap_or(0);
    let set_off: Vec<bool> = content
        .iter()
        .map(|&i| lines[i].indent() >= margin + MIN_SET_OFF)
        .collect();
    match counter_chain(shapes, &texts, &set_off) {
        Some(chain) => from_chain(&chain, shapes, &set_off, content.len()),
        None => Pages::single(),
    }
}

/// One line of a chain: its position among the non-blank lines.
struct Link {
    at: usize,
    previous: Option<usize>,
    length: usize,
    /// Where the chain that ends here starts.
    first: usize,
}

/// A chain may skip this many page numbers in a row (a number lost where
/// the extractor glued it to a line of text), when the lines between hold
/// that many pages.
const MAX_SKIPPED: u32 = 2;

/// How many links ending on one value (of one shape) stay candidates for
/// the next value in the second round of the search: the best, and the
/// nearest runner-up. A number that counts something else a page's length
/// before the true page number (an equation's subscript "2" below the
/// page's "2") can make the longer chain, which fails; the true one must
/// still be weighed.
const ALTERNATIVES: usize = 2;

/// How many chain lines, all candidates together, are weighed per non-blank
/// line of the document before the search gives up (and the text is read as
/// one page). A document's page counters make a handful of chains; only a
/// text of nothing but numbers makes chains without end, and weighing each
/// of them would cost the square of its length.
const CHAIN_WORK_PER_LINE: usize = 4;

/// Per (shape key, roman, value): every line of that shape and value.
type Places<'a> = HashMap<(&'a str, bool, u32), Vec<usize>>;

/// The longest run of lines of one shape whose counter goes up by one, each
/// at least a page's length after the last, with the evidence that they are
/// furniture (see [`is_furniture_chain`]). Every candidate line looks up
/// the best earlier link; the candidates are weighed longest first within a
/// budget of work linear in the document. When none of them is furniture,
/// a second round also weighs the chains through each value's runner-up.
fn counter_chain(shapes: &[Option<Shape>], texts: &[&str], set_off: &[bool]) -> Option<Vec<usize>> {
    let literal_counts = literal_counts(shapes, texts);
    let repeating_labels = repeating_bare_labels(shapes);
    let title = content_title(shapes);
    let evidence = Evidence {
        shapes,
        texts,
        set_off,
        literal_counts: &literal_counts,
        repeating_labels: &repeating_labels,
        title: title.as_deref(),
    };
    let heads_by_value = heads_by_value(shapes);
    let counting_within = counting_within_a_page(shapes, |_, _| true);
    [1, ALTERNATIVES].into_iter().find_map(|kept| {
        let (links, places) = chain_links(shapes, kept);
        weigh_chains(
            &links,
            &places,
            &evidence,
            &heads_by_value,
            &counting_within,
        )
    })
}

/// The links of every counting line to the best `kept` links of the value
/// before (the nearest value with one a page's length back), and the lines
/// of each shape and value. The best link of a value is its longest, the
/// earliest among equals; its runners-up are the next longest, the latest
/// among equals (nearest to the next page).
fn chain_links(shapes: &[Option<Shape>], kept: usize) -> (Vec<Link>, Places<'_>) {
    let mut best: HashMap<(&str, bool, u32), Vec<usize>> = HashMap::default();
    let mut links: Vec<Link> = Vec::new();
    let mut places: Places = HashMap::default();
    for (k, shape) in shapes.iter().enumerate() {
        let Some(shape) = shape else { continue };
        let Some((counter, _)) = &shape.counter else {
            continue;
        };
        // A number in brackets of its own counts equations, examples or
        // references far more often than pages: it marks a page only
        // where a form feed shows the page's edge.
        if matches!(shape.key.as_str(), "(#)" | "[#]") {
            continue;
        }
        let previous: Vec<Option<usize>> = (1..=MAX_SKIPPED + 1)
            .find_map(|step| {
                let v = counter.value.checked_sub(step)?;
                let fitting: Vec<Option<usize>> = best
                    .get(&(shape.facing.as_str(), counter.roman, v))?
                    .iter()
                    .copied()
                    .filter(|&p| k - links[p].at >= MIN_PAGE_LINES * step as usize)
                    .map(Some)
                    .collect();
                (!fitting.is_empty()).then_some(fitting)
            })
            .unwrap_or_else(|| vec![None]);
        let place = (shape.facing.as_str(), counter.roman, counter.value);
        places.entry(place).or_default().push(k);
        for previous in previous {
            let (length, first) =
                previous.map_or((1, k), |p| (links[p].length + 1, links[p].first));
            links.push(Link {
                at: k,
                previous,
                length,
                first,
            });
            let ranked = best.entry(place).or_default();
            ranked.push(links.len() - 1);
            ranked.sort_by_key(|&l| (std::cmp::Reverse(links[l].length), links[l].at));
            ranked[1..].sort_by_key(|&l| std::cmp::Reverse((links[l].length, links[l].at)));
            ranked.truncate(kept);
        }
    }
    (links, places)
}

/// The first chain of `links`, longest first, that is furniture.
fn weigh_chains(
    links: &[Link],
    places: &Places,
    evidence: &Evidence,
    heads_by_value: &HashMap<(bool, u32), Vec<usize>>,
    counting_within: &HashSet<&str>,
) -> Option<Vec<usize>> {
    let shapes = evidence.shapes;
    // Longest first; among equals the first in the document.
    let mut ends: Vec<usize> = (0..links.len()).filter(|&i| links[i].length >= 2).collect();
    ends.sort_by(|&a, &b| {
        (links[b].length.cmp(&links[a].length)).then(links[a].first.cmp(&links[b].first))
    });
    let mut budget = CHAIN_WORK_PER_LINE * shapes.len();
    for end in ends {
        let Some(left) = budget.checked_sub(links[end].length) else {
            break;
        };
        budget = left;
        let mut chain = Vec::with_capacity(links[end].length + 1);
        let mut at = Some(end);
        while let Some(p) = at {
            chain.push(links[p].at);
            at = links[p].previous;
        }
        chain.reverse();
        // Lines of words whose numbers count up a few lines apart
        // somewhere ("4 TYPEFACES" four lines above "5 TITLE INFORMATION")
        // number sections or steps, not pages, wherever else they stand a
        // page's length apart.
        if counts_within_a_page(shapes[chain[0]].as_ref(), counting_within) {
            continue;
        }
        let (chain, short_last) = extended(chain, shapes, places);
        // The short last page proves nothing about page lengths, but its
        // counter and what stands beside it count as evidence.
        let paced = &chain[..chain.len() - usize::from(short_last)];
        // The heads of facing pages first: a chain of the odd pages'
        // heads may be furniture by itself, but the even pages' heads are
        // its pages' too.
        if let Some(chain) = with_facing_heads(&chain, shapes, heads_by_value, counting_within) {
            return Some(chain);
        }
        if is_furniture_chain(paced, &chain, evidence) {
            return Some(chain);
        }
    }
    None
}

/// A running head that alternates on facing pages ("Chapter 1. Beginner's
/// guide 19", "1.2. Brief tutorial 20", "Chapter 1. Beginner's guide 21"):
/// the chain of one head skips every other number, and each skipped number
/// stands on a line of words of its own about halfway between. The chain
/// with those lines, when all are there, the pages hold about the same text,
/// and three pages at least show it.
fn with_facing_heads(
    chain: &[usize],
    shapes: &[Option<Shape>],
    heads_by_value: &HashMap<(bool, u32), Vec<usize>>,
    counting_within: &HashSet<&str>,
) -> Option<Vec<usize>> {
    let first = shapes[chain[0]].as_ref()?;
    let (counter, form) = first.counter.as_ref()?;
    if *form != Form::InText
        || first.letters() < 2
        || counting_within.contains(first.facing.as_str())
    {
        return None;
    }
    let value = |k: usize| shapes[k].as_ref().and_then(counter_value).unwrap_or(0);
    let mut filled = vec![chain[0]];
    for w in chain.windows(2) {
        let (a, b) = (w[0], w[1]);
        for v in value(a) + 1..value(b) {
            let after = filled[filled.len() - 1] + MIN_PAGE_LINES;
            let facing = heads_by_value
                .get(&(counter.roman, v))?
                .iter()
                .copied()
                // A numbered heading ("3 AUTHORS AND AFFILIATIONS") is no
                // head of a facing page.
                .filter(|&j| !counts_within_a_page(shapes[j].as_ref(), counting_within))
                .find(|&j| j >= after && j + MIN_PAGE_LINES <= b)?;
            filled.push(facing);
        }
        filled.push(b);
    }
    let gaps: Vec<usize> = filled.windows(2).map(|w| w[1] - w[0]).collect();
    if !(filled.len() > chain.len() && filled.len() >= 3 && even_pages(&gaps).is_some()) {
        return None;
    }
    // The heads of the pages just before and after the chain, a page's
    // length away at most, in a shape the chain's pages print.
    let longest = gaps.iter().copied().max().unwrap_or(0);
    let (first, last) = (filled[0], filled[filled.len() - 1]);
    let facing = |k: usize| shapes[k].as_ref().map(|s| s.facing.as_str());
    let printed: HashSet<&str> = filled.iter().filter_map(|&k| facing(k)).collect();
    let heads_of = |v: u32| {
        heads_by_value
            .get(&(counter.roman, v))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| facing(j).is_some_and(|f| printed.contains(f)))
    };
    let before = value(first)
        .checked_sub(1)
        .and_then(|v| heads_of(v).rfind(|&j| j + MIN_PAGE_LINES <= first && first - j <= longest));
    let after =
        heads_of(value(last) + 1).find(|&j| j >= last + MIN_PAGE_LINES && j - last <= longest);
    Some(before.into_iter().chain(filled).chain(after).collect())
}

/// Whether `shape` is a line of words with a number whose shape counts up
/// within a page's length (see [`counting_within_a_page`]).
pub fn counts_within_a_page(shape: Option<&Shape>, counting_within: &HashSet<&str>) -> bool {
    shape.is_some_and(|s| {
        s.letters() >= 2
            && matches!(s.counter, Some((_, Form::InText)))
            && counting_within.contains(s.facing.as_str())
    })
}

/// The line shapes whose numbers count up within a page's length
/// somewhere: "1 John", "2 John", "3 John" on lines next to each other
/// are a table's or a list's, wherever else the names stand. Two lines
/// count together only where `same_page(a, b)` holds (before the pages are
/// known, always; after, a short last page's counter beside the one before
/// it is no count within a page).
pub fn counting_within_a_page(
    shapes: &[Option<Shape>],
    same_page: impl Fn(usize, usize) -> bool,
) -> HashSet<&str> {
    let mut last: HashMap<&str, (usize, u32)> = HashMap::default();
    let mut counting = HashSet::default();
    for (k, shape) in shapes.iter().enumerate() {
        let Some(s) = shape else { continue };
        let Some(value) = counter_value(s) else {
            continue;
        };
        let key = s.facing.as_str();
        if let Some(&(at, before)) = last.get(key)
            && k - at < MIN_PAGE_LINES
            && same_page(at, k)
            && before.checked_add(1) == Some(value)
        {
            counting.insert(key);
        }
        last.insert(key, (k, value));
    }
    counting
}

/// The shortest of the pages' lengths (in lines), when the longest holds at
/// most [`MAX_PAGE_RATIO`] times as much: the pages of one document hold
/// about the same amount of text.
fn even_pages(lengths: &[usize]) -> Option<usize> {
    let (shortest, longest) = (*lengths.iter().min()?, *lengths.iter().max()?);
    (longest <= shortest * MAX_PAGE_RATIO).then_some(shortest)
}

/// The lines of words that end or start with a counter, by its value: the
/// heads that may face a chain's pages.
fn heads_by_value(shapes: &[Option<Shape>]) -> HashMap<(bool, u32), Vec<usize>> {
    let mut heads: HashMap<(bool, u32), Vec<usize>> = HashMap::default();
    for (k, shape) in shapes.iter().enumerate() {
        if let Some(s) = shape
            && let Some((c, Form::InText)) = &s.counter
            && s.letters() >= 2
        {
            heads.entry((c.roman, c.value)).or_default().push(k);
        }
    }
    heads
}

/// The chain with the next number of the same shape after it, however
/// close (the last page can be short), and no farther than the chain's
/// longest page. Also whether it was added. `places` lists the lines of
/// each shape and value, in order.
fn extended(
    mut chain: Vec<usize>,
    shapes: &[Option<Shape>],
    places: &Places,
) -> (Vec<usize>, bool) {
    let Some(last) = chain.last().and_then(|&k| shapes[k].as_ref()) else {
        return (chain, false);
    };
    let Some((counter, _)) = &last.counter else {
        return (chain, false);
    };
    let from = chain[chain.len() - 1] + 1;
    let longest = chain.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
    // The first line after the chain with the next value, in either
    // numeral.
    let next = counter.value.checked_add(1).and_then(|want| {
        [false, true]
            .into_iter()
            .filter_map(|roman| places.get(&(last.facing.as_str(), roman, want)))
            .filter_map(|at| at.get(at.partition_point(|&k| k < from)).copied())
            .min()
            .filter(|&k| k < shapes.len().min(from + longest))
    });
    let added = next.is_some();
    chain.extend(next);
    (chain, added)
}

fn counter_value(shape: &Shape) -> Option<u32> {
    shape.counter.as_ref().map(|(c, _)| c.value)
}

/// How often each literal line shape (with letters) occurs, keyed by
/// [`recurrence_key`].
fn literal_counts<'a>(shapes: &'a [Option<Shape>], texts: &[&'a str]) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::default();
    for (shape, text) in shapes.iter().zip(texts) {
        let Some(shape) = shape else { continue };
        if shape.letters() >= 2 {
            *counts.entry(recurrence_key(shape, text)).or_insert(0) += 1;
        }
    }
    counts
}

/// The shapes of page labels without words ("1/3", "- 3 -") in which a
/// value comes back: a table's column of fractions ("1/3", "2/3", "1/3"),
/// not the pages of one text, each numbered once.
fn repeating_bare_labels(shapes: &[Option<Shape>]) -> HashSet<&str> {
    let mut seen: HashSet<(&str, u32)> = HashSet::default();
    let mut repeating = HashSet::default();
    for shape in shapes.iter().flatten() {
        if is_bare_label(shape)
            && let Some(value) = counter_value(shape)
            && !seen.insert((shape.key.as_str(), value))
        {
            repeating.insert(shape.key.as_str());
        }
    }
    repeating
}

/// A page label without words: "1/3", "- 3 -", not "Page 3 of 9".
fn is_bare_label(shape: &Shape) -> bool {
    matches!(shape.counter, Some((_, Form::Label))) && shape.letters() == 0
}

/// What must come back page after page for a line to recur beside the page
/// counters: its literal shape, except for a title in capitals alone on its
/// line (no counter, no section number), whose own words must: the cells of
/// a table extracted column by column ("GARY", "PITT", "CLEV") are as short
/// and as capitalised as a running title, and they do not repeat.
fn recurrence_key<'a>(shape: &'a Shape, text: &'a str) -> &'a str {
    if shape.literal == "caps" {
        text
    } else {
        shape.literal.as_str()
    }
}

/// What a chain of counters is weighed against: the shape and text of each
/// non-blank line, how often each line recurs, and the document's title.
struct Evidence<'a> {
    shapes: &'a [Option<Shape>],
    texts: &'a [&'a str],
    /// Whether each line stands well right of the text's left margin.
    set_off: &'a [bool],
    literal_counts: &'a HashMap<&'a str, usize>,
    /// See [`repeating_bare_labels`].
    repeating_labels: &'a HashSet<&'a str>,
    title: Option<&'a str>,
}

/// The document's first line, which a running header often repeats.
fn content_title(shapes: &[Option<Shape>]) -> Option<String> {
    shapes.first()?.as_ref().map(|s| s.literal.clone())
}

/// Fewest numbers alone in a chain whose pages may be of any length (see
/// [`is_furniture_chain`]).
const MIN_UNEVEN_CHAIN: usize = 5;

/// Whether a chain of counting lines is page furniture and not content that
/// counts (numbered steps, sections, list items a page apart): its pages are
/// of about the same length, and the lines say they are page numbers
/// ("Page 3 of 9", "1/3"), or repeat the document's title or a running
/// head in capitals beside the number, or stand next to a line that recurs
/// on every page (a header right after each footer).
fn is_furniture_chain(paced: &[usize], chain: &[usize], evidence: &Evidence) -> bool {
    let Evidence {
        shapes,
        texts,
        set_off,
        literal_counts,
        repeating_labels,
        title,
    } = *evidence;
    let shape = |k: usize| shapes[k].as_ref().expect("chain lines have shapes");
    let value = |k: usize| counter_value(shape(k)).unwrap_or(0);
    // Lines per page, a skipped number counting as a page.
    let gaps: Vec<usize> = paced
        .windows(2)
        .map(|w| {
            let pages = value(w[1]).saturating_sub(value(w[0])).max(1) as usize;
            (w[1] - w[0]) / pages
        })
        .collect();
    let content_len = shapes.len();
    let (head, tail) = (chain[0], content_len - 1 - chain[chain.len() - 1]);
    let bare = chain.iter().all(|&k| shape(k).key == "#");
    // Numbers alone, set off from the margin, one after another without a
    // gap over many pages, the last on the text's very last line (or the
    // first on its first): a page of figures may hold a few lines only,
    // but no list, table or equation numbers so many lines apart out at
    // the text's edge.
    if bare
        && chain.len() >= MIN_UNEVEN_CHAIN
        && (head == 0 || tail == 0)
        && chain.iter().all(|&k| set_off[k])
        && chain.windows(2).all(|w| value(w[1]) == value(w[0]) + 1)
    {
        return true;
    }
    let Some(shortest) = even_pages(&gaps) else {
        return false;
    };
    // A head printed on the outer side of facing pages: its number swaps
    // sides from page to page, as no line of the text does.
    let swaps = chain
        .windows(2)
        .all(|w| shape(w[0]).counter_first() != shape(w[1]).counter_first());
    if chain.len() >= 3 && swaps {
        return true;
    }
    // Numbers alone that count up page by page from the very first line of
    // the text, or up to its very last: the text's own edge is a page's
    // edge, and the pages before or after the chain hold no more than the
    // chain's pages do. The chain starts past the first pages (an
    // excerpt's numbers): steps and sections count from 1.
    if bare
        && chain.len() >= 3
        && value(chain[0]) as i64 > MAX_START_VALUE
        && ((head == 0 && tail < shortest * MAX_PAGE_RATIO)
            || (tail == 0 && head < shortest * MAX_PAGE_RATIO))
    {
        return true;
    }
    // Numbers alone that count the pages from the first, printed centred
    // or on the right (where the extractor kept the columns: a footnote's
    // or a step's number stands at the margin): at least two whole pages
    // between them, of about the same length, and the text before the
    // first holds no more than the pages it numbers (a title page may
    // print none: the count starts at 2 or 3) and after the last no more
    // than a page, so every page of the text has its number. Steps,
    // sections and the cells of a contents page that count from 1 are not
    // spread that evenly over the whole text.
    let longest = gaps.iter().copied().max().unwrap_or(0);
    let first_value = value(chain[0]);
    if bare
        && chain.iter().all(|&k| set_off[k])
        && gaps.len() >= 2
        && longest <= shortest * MAX_FIRST_PAGES_RATIO
        && (1..=MAX_START_VALUE).contains(&i64::from(first_value))
        && head <= longest * first_value as usize
        && tail <= longest
    {
        return true;
    }
    let first = shape(chain[0]);
    if first
        .counter
        .as_ref()
        .is_some_and(|(_, form)| *form == Form::Label)
    {
        // "Page 3 of 9" says what it is. A label without words may be a
        // table's cell: it numbers pages where no value of its shape comes
        // back, as each page is numbered once.
        return !(is_bare_label(first) && repeating_labels.contains(first.key.as_str()));
    }
    let key_text = first.key.replace('#', "");
    let key_text = key_text.trim();
    // The title may be wrapped on the first page and whole in the header.
    if first.letters() >= 2
        && title.is_some_and(|t| t == key_text || (t.contains(' ') && key_text.starts_with(t)))
    {
        return true;
    }
    // A running head in capitals (its title changes), or a line of several
    // words that comes back with the next number on every page. LaTeX's
    // whole head, a section number, a title in capitals and the page
    // number, is its own evidence.
    if first.key == "§ caps #" {
        return true;
    }
    // A chapter's first page prints its number alone and counts too.
    let labelled_pages = || with_unheaded_pages(chain, shapes, set_off).len();
    if (chain.len() >= 3
        && (first.is_caps_head()
            || first.is_labelled_head()
            || key_text.split(' ').count() >= MIN_HEADER_WORDS))
        || (first.is_labelled_head() && labelled_pages() >= 3)
    {
        return true;
    }
    // A line that recurs about once a page (not many times more often: a
    // table's header row "Description" that heads every table and so, now
    // and then, also the table after a page number) stands beside most of the
    // counters (more than half): one line, the same beside each and at the
    // same place (a footer's "Cargo Book" on the line above the number),
    // as furniture is laid out; not a different recurring line beside each,
    // nor one that stands now above, now below (a table's row labels
    // "GARY", "PITT" and "CLEV" beside the numbers of its columns).
    let mut beside: HashMap<(isize, &str), usize> = HashMap::default();
    for &k in chain {
        for j in k.saturating_sub(NEIGHBOUR_LINES)..=k + NEIGHBOUR_LINES {
            if j == k || j >= shapes.len() {
                continue;
            }
            let Some(s) = shapes[j].as_ref() else {
                continue;
            };
            // A line of code that recurs beside each number ("(1)" /
            // "\begin{equation}" in a paper's listings) is the author's
            // pattern, not the page's.
            if is_code_line(texts[j]) {
                continue;
            }
            let key = recurrence_key(s, texts[j]);
            let count = literal_counts.get(key).copied().unwrap_or(0);
            if s.letters() >= 2
                && count + 1 >= chain.len()
                && count <= chain.len() * MAX_RECURRENCES_PER_PAGE
            {
                *beside.entry((j as isize - k as isize, key)).or_insert(0) += 1;
            }
        }
    }
    let most = beside.values().copied().max().unwrap_or(0);
    chain.len() >= 3 && most * 2 > chain.len()
}

/// A chain of running heads with the pages that print none: a chapter's
/// first page carries its number alone, centred at its foot, where the
/// pages around it print a head ("Chapter 4: Functions 29", then "30" over
/// "5 Object-oriented programming", then "Chapter 5: Object-oriented
/// programming 31"). Where the chain skips a number and a single number
/// alone with that value, set off from the margin, stands between the two
/// heads, its page starts there (an extractor without form feeds prints
/// the foot where the page's text stream has it, and a foot printed last
/// leaves a page of that number alone).
fn with_unheaded_pages(chain: &[usize], shapes: &[Option<Shape>], set_off: &[bool]) -> Vec<usize> {
    let counter = |k: usize| shapes[k].as_ref().and_then(|s| s.counter.as_ref());
    let Some((first, _)) = counter(chain[0]) else {
        return chain.to_vec();
    };
    // A number alone, set off from the margin, with value `v`.
    let with_value = |k: usize, v: u32| {
        shapes[k].as_ref().is_some_and(|s| s.key == "#")
            && set_off[k]
            && counter(k).is_some_and(|(c, _)| c.value == v && c.roman == first.roman)
    };
    let mut out = vec![chain[0]];
    for w in chain.windows(2) {
        let (a, b) = (w[0], w[1]);
        if let (Some((ca, _)), Some((cb, _))) = (counter(a), counter(b)) {
            for v in ca.value + 1..cb.value {
                let mut found = (a + 1..b).filter(|&k| with_value(k, v));
                if let (Some(k), None) = (found.next(), found.next()) {
                    out.push(k);
                }
            }
        }
        out.push(b);
    }
    // A chapter's first page just before a chain of chapter heads, or just
    // after it, within half as much again as the chain's longest page (a
    // page's length varies, and its number may stand on its first line).
    let labelled = shapes[chain[0]]
        .as_ref()
        .is_some_and(Shape::is_labelled_head);
    let longest = chain
        .windows(2)
        .map(|w| w[1] - w[0])
        .max()
        .map(|l| l + l / 2);
    if let (true, Some(longest)) = (labelled, longest) {
        let start = chain[0];
        let before = first
            .value
            .checked_sub(1)
            .and_then(|v| (start.saturating_sub(longest)..start).find(|&k| with_value(k, v)));
        let last = chain[chain.len() - 1];
        let after = counter(last).and_then(|(c, _)| {
            (last + 1..(last + longest).min(shapes.len())).find(|&k| with_value(k, c.value + 1))
        });
        out = before.into_iter().chain(out).chain(after).collect();
    }
    out
}

/// Whether a chain of counters stands at the foot of its pages. A counter
/// on the document's first lines heads the pages; one on its last lines
/// ends them. Otherwise the first counter's place tells, where the pages
/// are numbered from 1: page `n`'s header stands about `n - 1` pages into
/// the text, its footer about `n` pages.
fn is_footer(chain: &[usize], value: &dyn Fn(usize) -> i64, content_len: usize) -> bool {
    let (first, last) = (chain[0], chain[chain.len() - 1]);
    if first < super::EDGE_LINES {
        return false;
    }
    let mut gaps: Vec<usize> = chain.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_unstable();
    let page = gaps.get(gaps.len() / 2).copied().unwrap_or(first) as f64;
    let n = value(first);
    if (1..=MAX_START_VALUE).contains(&n) {
        let as_header = (first as f64 - (n - 1) as f64 * page).abs();
        let as_footer = (first as f64 - n as f64 * page).abs();
        return as_footer < as_header;
    }
    content_len - last <= super::EDGE_LINES
}

/// Pages from a chain of counters: each page ends after its counter when
/// they are footers (the last one closes the text), and starts with it when
/// they are headers. A page's ordinal follows its counter, so a skipped
/// number leaves a gap in the ordinals.
fn from_chain(
    chain: &[usize],
    shapes: &[Option<Shape>],
    set_off: &[bool],
    content_len: usize,
) -> Pages {
    let value = |k: usize| shapes[k].as_ref().and_then(counter_value).unwrap_or(0) as i64;
    let footer = is_footer(chain, &value, content_len);
    let with_unheaded;
    let chain = if footer {
        chain
    } else {
        with_unheaded = with_unheaded_pages(chain, shapes, set_off);
        &with_unheaded
    };
    let first = value(chain[0]);
    let mut pages = Pages {
        starts: vec![0],
        ordinals: vec![1],
        source: Source::Counter,
    };
    if footer {
        for (i, &k) in chain.iter().enumerate() {
            // Counter `i` closes page `i`; the next page starts after it.
            pages.ordinals[i] = value(k) - first + 1;
            if k + 1 >= content_len {
                break;
            }
            pages.starts.push(k + 1);
            pages.ordinals.push(value(k) - first + 2);
        }
    } else {
        // A page before the first header has no counter of its own.
        let base = if chain[0] > 0 { 2 } else { 1 };
        for &k in chain {
            let ordinal = value(k) - first + base;
            if k == 0 {
                pages.ordinals[0] = ordinal;
            } else {
                pages.starts.push(k);
                pages.ordinals.push(ordinal);
            }
        }
    }
    pages
}
