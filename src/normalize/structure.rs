//! Structure: the title and author lines at the top, headings, and lists.
//!
//! * **Title**: the first block when a running header (removed by
//!   `page-artifacts`, which logged it) repeats its text, or else when it is
//!   short, has no sentence punctuation and is followed by more text.
//! * **Authors**: the block right after the title when it is a list of
//!   personal names ("by A and B", "A, B").
//! * **Headings**: one-line blocks that are short and carry no sentence
//!   punctuation ("What we tried", "1. Introduction", "Summary").
//! * **Lists**: blocks that start with a list marker become items; adjacent
//!   items of the same kind, numbered the same way ("1.", "(a)"), make one
//!   list.

use crate::model::{
    Author, Block, Counter, Delimiter, Document, Inline, Numbering, Span, plain_text,
};

use super::lexicon::is_part_word;
use super::page_markers;
use super::paragraphs::{ends_sentence, starts_capital, starts_capital_letter};
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "recognise the title, authors, headings and lists",
    stage: Stage::TextTree(run),
};

/// Longest heading, in words. Section titles are short; a longer line without
/// punctuation is more likely a fragment of text.
const MAX_HEADING_WORDS: usize = 12;

/// A line before a listing with a comma in it and at least this many words
/// is the sentence that leads in to the listing, not its title.
const LEAD_IN_MIN_WORDS: usize = 8;

/// Longest title, in words.
const MAX_TITLE_WORDS: usize = 20;

/// Most names on an author line.
const MAX_AUTHORS: usize = 6;

/// Section names that are headings even when the layout says little.
const SECTION_NAMES: &[&str] = &[
    "summary",
    "abstract",
    "introduction",
    "background",
    "conclusion",
    "conclusions",
    "acknowledgements",
    "acknowledgments",
    "references",
    "bibliography",
    "notes",
    "disclaimer",
    "appendix",
    "contents",
    "table of contents",
    "preface",
    "foreword",
    "glossary",
    "index",
    "list of figures",
    "list of tables",
];

pub fn run(doc: &mut Document, log: &mut RepairLog) {
    let headers = running_headers(log);
    let markers = page_markers::collect(&doc.blocks);
    title_and_authors(doc, &headers, log);
    // A page that starts on the title or byline, which went into the
    // metadata, is marked at the first word of the text.
    let taken = markers.len() - page_markers::collect(&doc.blocks).len();
    if let Some(title) = &mut doc.meta.title {
        page_markers::take_from(title);
    }
    page_markers::prepend(&mut doc.blocks, markers[..taken].to_vec());
    headings(doc, log);
    lists(doc, log);
}

/// The running headers `page-artifacts` removed, split where the header set
/// parts apart with wide spaces ("Title      Author"), page numbers dropped.
fn running_headers(log: &RepairLog) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    for c in &log.changes {
        if c.pass == "page-artifacts" && c.rule == "running-header" && !c.declined {
            for part in c.before.split("   ") {
                let words: Vec<&str> = part
                    .split_whitespace()
                    .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
                    .collect();
                let text = words.join(" ");
                if !text.is_empty() && !raw.contains(&text) {
                    raw.push(text);
                }
            }
        }
    }
    // "policy2", "policy3": a page number glued on by text extraction shows
    // as digits that change from page to page; "tier1" on every page is text.
    let strip = |t: &str| t.trim_end_matches(|c: char| c.is_ascii_digit()).to_string();
    let mut out: Vec<String> = Vec::new();
    for t in &raw {
        let base = strip(t);
        let varies = base.ends_with(char::is_alphabetic)
            && raw.iter().filter(|o| strip(o) == base).count() >= 2;
        let text = if varies { base } else { t.clone() };
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{AD}', "")
        .to_lowercase()
}

/// A label of a part of the document by its number alone ("Chapter 1",
/// "Part II"): the heading of a part, not the document's title.
fn is_part_label(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let numbered = |w: &str| {
        let w = w.trim_end_matches(['.', ':']);
        !w.is_empty()
            && (w.chars().all(|c| c.is_ascii_digit())
                || w.chars().all(|c| "IVXLCivxlc".contains(c))
                || (w.chars().count() == 1 && w.chars().all(|c| c.is_ascii_uppercase())))
    };
    words.len() == 2 && is_part_word(words[0]) && numbered(words[1])
}

fn title_and_authors(doc: &mut Document, headers: &[String], log: &mut RepairLog) {
    if doc.meta.title.is_some() || doc.blocks.is_empty() {
        return;
    }
    let texts: Vec<String> = doc.blocks.iter().take(3).map(Block::plain_text).collect();
    let is_para = |b: &Block| matches!(b, Block::Paragraph { .. });
    // A title split over up to three blocks that together read as a header.
    let mut title_blocks = 0;
    for n in (1..=texts.len()).rev() {
        if !doc.blocks[..n].iter().all(is_para) {
            continue;
        }
        let joined = squash(&texts[..n].join(" "));
        if headers.iter().any(|h| squash(h) == joined) {
            title_blocks = n;
            break;
        }
    }
    if title_blocks == 0 && is_para(&doc.blocks[0]) && doc.blocks.len() > 1 {
        let t = &texts[0];
        let words = t.split_whitespace().count();
        if words <= MAX_TITLE_WORDS
            && !ends_sentence(t)
            && !t.ends_with(',')
            // A line that opens on a digit is a page number ("344"), a
            // numbered section ("4 Details on Compound Labels") or a line of
            // a listing when an excerpt starts inside a document.
            && starts_capital_letter(t)
            && !is_part_label(t)
            && list_marker(t).is_none()
            // "Libraries After Hours" has the shape of a name, but words
            // that are all ordinary English make a title, not a person.
            && author_names(t).is_none_or(|names| names.iter().all(|n| is_common_phrase(n)))
            && !SECTION_NAMES.contains(&t.trim_end_matches(':').to_lowercase().as_str())
        {
            title_blocks = 1;
        }
    }
    if title_blocks == 0 {
        return;
    }
    if title_blocks == 1 && continues_title(&texts) && is_para(&doc.blocks[1]) {
        // "One Year After the Kazan Summit: An" / "Assessment of ...": a
        // title set on two lines. A title does not end on an article, a
        // preposition or a conjunction; the line that finishes it is the
        // document's own evidence.
        title_blocks = 2;
    }
    let taken = &doc.blocks[..title_blocks];
    let span = taken.iter().fold(Span::UNKNOWN, |s, b| s.join(b.span()));
    let mut title = Vec::new();
    for b in taken {
        if !title.is_empty() {
            title.push(Inline::Space);
        }
        if let Block::Paragraph { content, .. } = b {
            title.extend(content.iter().cloned());
        }
    }
    // A title the editor rejected stays in the text, and so does the
    // byline under it: without a title there is no title page to read.
    if !log.approve(NAME, "title", span, plain_text(&title), "title") {
        return;
    }
    doc.blocks.drain(..title_blocks);
    doc.meta.title = Some(title);

    // The authors: the next block, or the next few when each holds names
    // (a typeset title page sets one author per line).
    while doc.meta.authors.len() < MAX_AUTHORS {
        let Some(Block::Paragraph { content, span }) = doc.blocks.first() else {
            break;
        };
        let text = plain_text(content);
        let Some(names) = author_names(&text).filter(|n| n.iter().all(|n| !is_common_phrase(n)))
        else {
            break;
        };
        if !log.approve(NAME, "authors", *span, text.clone(), names.join("; ")) {
            break;
        }
        doc.meta
            .authors
            .extend(names.iter().map(|n| Author::from_name(n)));
        doc.blocks.remove(0);
    }
    affiliation_line(doc, log);
    identifier_line(doc, log);
}

/// A title page (Recto's EPUB sets one) may print the document's
/// identifier on a line of its own under the byline: a `urn:`, `doi:` or
/// DOI address alone in its block is the identifier, not a paragraph.
fn identifier_line(doc: &mut Document, log: &mut RepairLog) {
    if doc.meta.identifier.is_some() || doc.meta.title.is_none() {
        return;
    }
    let Some(Block::Paragraph { content, span }) = doc.blocks.first() else {
        return;
    };
    let text = plain_text(content);
    let text = text.trim();
    let lower = text.to_lowercase();
    let is_identifier = !text.contains(char::is_whitespace)
        && ["urn:uuid:", "urn:isbn:", "doi:10.", "https://doi.org/10."]
            .iter()
            .any(|p| lower.starts_with(p) && lower.len() > p.len());
    if !is_identifier {
        return;
    }
    if !log.approve(NAME, "identifier", *span, text, "identifier") {
        return;
    }
    doc.meta.identifier = Some(text.to_string());
    doc.blocks.remove(0);
}

/// Words that name an institution: a line under the byline that holds one
/// is where the authors work, not a heading.
const INSTITUTION_WORDS: &[&str] = &[
    "university",
    "institute",
    "college",
    "school",
    "department",
    "centre",
    "center",
    "laboratory",
    "faculty",
    "academy",
    "foundation",
    "hospital",
    "universität",
    "université",
    "universidad",
];

/// A title page sets the affiliation on the line under the author's name
/// ("Institute of South Asian Studies, National University of Singapore").
/// Taken into the one author's affiliations when that author has none yet,
/// the line is short, ends no sentence and names an institution.
fn affiliation_line(doc: &mut Document, log: &mut RepairLog) {
    let [author] = doc.meta.authors.as_mut_slice() else {
        return;
    };
    let Some(Block::Paragraph { content, span }) = doc.blocks.first() else {
        return;
    };
    let text = plain_text(content);
    let institution = text
        .split(|c: char| !c.is_alphabetic())
        .any(|w| INSTITUTION_WORDS.contains(&w.to_lowercase().as_str()));
    if !author.affiliations.is_empty()
        || !institution
        || text.split_whitespace().count() > MAX_TITLE_WORDS
        || ends_sentence(&text)
        || !starts_capital(&text)
    {
        return;
    }
    if !log.approve(NAME, "affiliation", *span, text.clone(), "affiliation") {
        return;
    }
    author.affiliations.push(text);
    doc.blocks.remove(0);
}

/// Words a title cannot end on: articles, prepositions and conjunctions.
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "nor", "but", "for", "to", "in", "on", "at", "by", "with",
    "from", "into", "onto", "about", "after", "before", "between", "against", "versus", "vs",
    "via", "as", "&",
];

/// Whether the second of the first blocks finishes a title the first one
/// leaves hanging on a dangling word: the first ends on one of
/// [`DANGLING_WORDS`], the second is a short line that starts with a
/// capital and ends no sentence, and together they are no longer than a
/// title.
fn continues_title(texts: &[String]) -> bool {
    let [first, next, ..] = texts else {
        return false;
    };
    let last = first.split_whitespace().last().unwrap_or("").to_lowercase();
    DANGLING_WORDS.contains(&last.as_str())
        && first.split_whitespace().count() + next.split_whitespace().count() <= MAX_TITLE_WORDS
        && starts_capital(next)
        && !ends_sentence(next)
        && !next.ends_with(',')
        && list_marker(next).is_none()
        && author_names(next).is_none_or(|names| names.iter().all(|n| is_common_phrase(n)))
}

/// Words that are all ordinary English words ("Executive Summary", "Next
/// Steps") make a heading, not a person's name.
fn is_common_phrase(name: &str) -> bool {
    let lexicon = super::lexicon::Lexicon::english();
    name.split_whitespace()
        .all(|w| lexicon.lookup(w).is_some_and(|e| e.is_common()))
}

/// The names on an author line: "by A", "A and B", "A, B & C". Each name is
/// two to four capitalised words (initials and particles allowed).
pub fn author_names(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let t = t
        .strip_prefix("by ")
        .or_else(|| t.strip_prefix("By "))
        .unwrap_or(t);
    if t.is_empty() || ends_sentence(t) && !t.ends_with('.') {
        return None;
    }
    let mut names = Vec::new();
    for part in t.split([',', ';', '&']) {
        for name in part.split(" and ") {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            let personal = (2..=4).contains(&words.len())
                && words.iter().all(|w| {
                    let first = w.chars().next().unwrap_or(' ');
                    (first.is_uppercase()
                        && w.chars()
                            .skip(1)
                            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
                        || [
                            "van", "von", "de", "der", "da", "di", "du", "la", "le", "bin",
                        ]
                        .contains(w)
                });
            if !personal {
                return None;
            }
            names.push(name.to_string());
        }
    }
    (!names.is_empty() && names.len() <= MAX_AUTHORS).then_some(names)
}

/// Whether a one-line block reads as a heading.
pub fn is_heading_text(t: &str) -> bool {
    let words = t.split_whitespace().count();
    if words == 0 || words > MAX_HEADING_WORDS || !has_word_of_letters(t) {
        return false;
    }
    // A section number is one word, and the title follows it ("1
    // Overflow", "1.1 opt-level", "6.1.1 -C my-flag"), not more numbers:
    // "2 4 1 3 6 7 5 the vertices in canonical order" is a line of a
    // program's output.
    if t.starts_with(|c: char| c.is_ascii_digit())
        && t.split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let lower = t.to_lowercase();
    if SECTION_NAMES.contains(&lower.trim_end_matches(':')) {
        return true;
    }
    if t.ends_with('?') {
        // A question can be a section title ("Why use it?"), not a quotation.
        return words <= 10 && !t.contains(['"', '“', '”']) && starts_capital(t);
    }
    !ends_sentence(t)
        && !holds_sentence_end(t)
        && !t.ends_with([',', '-', '–', '—'])
        // A semicolon joins two clauses of a sentence (a program's report:
        // "score: 179; 25.6% identity"), which no title has.
        && !t.contains("; ")
        && !t.contains(['“', '”', '"'])
        // A TeX command's arguments: a numbered line of a listing
        // ("1 \\NeedsTeXFormat{LaTeX2e}"), not a title.
        && !t.contains(['{', '}'])
        && !ends_on_cut_word(t)
        && starts_capital(t)
}

/// Modal verbs, in lower case.
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// Whether `t` holds a modal verb and the word it governs, both in lower
/// case ("questionnaires can be produced with option", "Cargo should not
/// make major breaking changes"): a clause, which a title written as a
/// statement does not hold. A title asks with one ("What can be said?"),
/// and those end on the question mark; in title case ("What Can Go
/// Wrong") the word after it is capitalised.
fn has_modal_clause(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words
        .windows(2)
        .any(|w| MODALS.contains(&w[0]) && w[1].chars().next().is_some_and(char::is_lowercase))
}

/// Whether `t` says what something is, in lower case and at some length
/// ("Another complication in Figure 20 is the use of the displayed
/// equation", a sentence cut before a display): "is", "are", "was" or
/// "were" before an article, in a line of six words or more. A title
/// names its subject ("The use of displayed equations"); one that asks
/// ("What is a crate?") ends on the question mark.
fn has_copula_clause(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= COPULA_CLAUSE_MIN_WORDS
        && words.windows(2).any(|w| {
            matches!(w[0], "is" | "are" | "was" | "were") && matches!(w[1], "the" | "a" | "an")
        })
}

/// Whether `t` opens with a pronoun as its subject and the word after it
/// in lower case ("This defines a macro of the form", "It is possible to
/// nest", "This is similar to how pgf handles this", a footnote glued to
/// its mark): a sentence. A title names its subject ("The Pages
/// dictionary"); it does not start a clause about it.
pub fn opens_with_subject(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    // A footnote's mark may be glued to it ("2This is similar").
    let first = first.trim_start_matches(|c: char| c.is_ascii_digit());
    SUBJECTS.contains(&first) && second.starts_with(|c: char| c.is_lowercase())
}

/// Pronouns that open a sentence as its subject.
const SUBJECTS: &[&str] = &[
    "He", "I", "It", "She", "There", "These", "They", "This", "We", "You",
];

/// Words that open a sentence and link it to the one before, with their
/// comma, in lower case.
const CONNECTIVES: &[&str] = &[
    "thus,",
    "so,",
    "hence,",
    "however,",
    "therefore,",
    "then,",
    "also,",
    "otherwise,",
    "instead,",
    "moreover,",
    "furthermore,",
    "similarly,",
    "consequently,",
    "alternatively,",
    "additionally,",
    "nevertheless,",
    "likewise,",
    "for instance,",
    "for example,",
    "in particular,",
    "in addition,",
    "in general,",
    "in practice,",
    "in short,",
    "in this case,",
    "by default,",
    "of course,",
    "in other words,",
    "that is,",
];

/// Whether `t` opens with a connective and its comma ("Thus, references
/// are sorted according to", "So, for instance", "For instance, the entry
/// for"): a sentence that goes on from the one before it, cut where a
/// display follows. A title stands on its own.
fn opens_with_connective(t: &str) -> bool {
    let opening = t
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    CONNECTIVES.iter().any(|c| opening.starts_with(c))
}

/// Whether `t` is a line of a configuration listing, a keyword and its
/// value: a word and a name that code writes ("Host example_author",
/// "IdentityFile ~/.ssh/id_author"), or a resource with "*" between its
/// letters and its value ("Ghostscript*xResolution: 72"). A title names
/// such a name among words of its own ("3.1.3 mp_run_data",
/// "RESOURCE_GROUPS Property", "Feature Name: rustdoc_json", "Example for
/// list (4*itemize)").
fn is_directive_line(t: &str) -> bool {
    let inside = |w: &str, sign: char| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.char_indices().any(|(i, c)| {
            c == sign
                && w[..i].ends_with(char::is_alphanumeric)
                && w[i + 1..].starts_with(char::is_alphanumeric)
        })
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    match words[..] {
        [keyword, value] => {
            (keyword.chars().all(char::is_alphabetic)
                && (value.starts_with("~/") || inside(value, '_')))
                || (keyword.ends_with(':') && inside(keyword, '*'))
        }
        _ => false,
    }
}

/// Fewest words of a line [`has_copula_clause`] reads as a clause: "What
/// is a Crate" may title a section.
const COPULA_CLAUSE_MIN_WORDS: usize = 6;

/// Whether a sentence ends inside `t` and another starts: a word in lower
/// case of three letters or more, a full stop, then a capitalised word
/// ("This prints the call stack. For example"). A title holds one
/// sentence at most; an abbreviation ("Fig. 3", "Dr. Smith", "U.S. Policy")
/// ends no sentence.
fn holds_sentence_end(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).any(|w| {
        w[0].strip_suffix(['.', '!', '?'])
            .is_some_and(|word| word.chars().count() >= 3 && word.chars().all(char::is_lowercase))
            && starts_capital(w[1])
    })
}

/// Words that end no title: a line that stops on one is a sentence cut at
/// the line end ("The major commands are", "the rule to produce a given
/// tree is", "The outputs induced by"). Other prepositions do end titles
/// ("Getting started with", "What to look for").
const CUT_ENDINGS: &[&str] = &[
    "a", "an", "and", "are", "by", "is", "its", "my", "nor", "of", "or", "our", "than", "the",
    "their", "was", "were", "your",
];

/// Whether `t` stops on a word that ends no title.
pub(super) fn ends_on_cut_word(t: &str) -> bool {
    // In lower case only: "Appendix A" ends on a label.
    let last = t.split_whitespace().next_back().unwrap_or("");
    CUT_ENDINGS.contains(&last)
}

/// Whether a line holds a run of two letters or more: a title has words
/// ("1.1 opt-level", "Dependency\\Current"); numbers alone on a line ("8 16",
/// a matrix's size; "2.2.3", a section number whose title the extractor
/// set elsewhere) are no heading.
pub(super) fn has_word_of_letters(t: &str) -> bool {
    t.split(|c: char| !c.is_alphabetic())
        .any(|run| run.chars().count() >= 2)
}

/// Most words of a block [`headings`] reads as a table's cell beside a
/// title-like line: "None", "'solid'", "annotationFlags".
const CELL_MAX_WORDS: usize = 2;

fn headings(doc: &mut Document, log: &mut RepairLog) {
    let cells = short_cells(&doc.blocks);
    for (i, &cell) in cells.iter().enumerate() {
        let next_is_text = doc
            .blocks
            .get(i + 1)
            .is_some_and(|b| !matches!(b, Block::Heading { .. }));
        let next_is_code = matches!(doc.blocks.get(i + 1), Some(Block::CodeBlock { .. }));
        let Block::Paragraph { content, span } = &doc.blocks[i] else {
            continue;
        };
        if content
            .iter()
            .any(|c| matches!(c, Inline::SoftBreak | Inline::LineBreak))
        {
            continue;
        }
        let text = plain_text(content);
        // "For example, to access a counter foo, one could write" before a
        // listing: a long line with a clause set off by a comma leads in to
        // the code; a title before code is short ("Example", "Usage").
        if next_is_code
            && text.contains(',')
            && text.split_whitespace().count() >= LEAD_IN_MIN_WORDS
        {
            continue;
        }
        // "Given the function and calls" / a listing / "within Greeting,
        // who will have ...": the sentence goes on in lower case after the
        // listing, so the line before it leads in to a display inside the
        // sentence. A title of a few words ("Examples", "Data records",
        // "SYNOPSIS") keeps its place: the listing under it may have lost a
        // line to the text after it ("int").
        if next_is_code
            && text.split_whitespace().count() >= CUT_LEAD_IN_MIN_WORDS
            && sentence_goes_on(doc.blocks.get(i + 2))
        {
            continue;
        }
        if list_marker(&text).is_some_and(|m| !is_numbered_heading(&text, m.rest)) {
            continue;
        }
        // A grammar rule or a statement left in a paragraph of its own is
        // no title, however short.
        // A date under a title ("February 26, 2012", "2 February 2015")
        // dates the document; it opens no section (though it ends a line,
        // as a heading does).
        // Nor is a line with "=" in it: a formula ("G(s) = Ke−T s"), a
        // setting ("Default: draw=black!80") or a numbered line of code
        // ("70 step=1.0,%").
        // A modal verb with the verb it governs is a clause (see
        // [`has_modal_clause`]), unless it asks ("What can be deployed?"):
        // here only, where the decision is the block's kind. Where a
        // line's being a heading decides a paragraph break or a section
        // number, a short title such as "What you should know" still
        // counts.
        if !is_heading_text(&text)
            || (has_modal_clause(&text) && !text.ends_with('?'))
            || (has_copula_clause(&text) && !text.ends_with('?'))
            || (opens_with_subject(&text) && !text.ends_with('?'))
            || opens_with_connective(&text)
            || is_directive_line(&text)
            || text.contains('=')
            || is_contents_entry(&text)
            || crate::meta::front_matter::loose_date(&text).is_some()
            || super::regions::is_code_line(&text)
            || !next_is_text && !SECTION_NAMES.contains(&text.to_lowercase().as_str())
        {
            continue;
        }
        // Among cells of a table set one to a block ("tooltip" / "The text
        // to display when hovering over the widget" / "None"), a cell of
        // words is no title: a title stands between text, not between
        // words one or two at a time. (Between two numbers it may: a
        // page's and its own, "13" / "Introduction" / "1".)
        // A numbered title says by its number that it opens a section
        // ("1.1.6 Numbers" over a table's head "Name" / "Example").
        if cell && !opens_with_section_number(&text) {
            continue;
        }
        let level = heading_level(&text);
        let heading = format!("{} {text}", "#".repeat(level as usize));
        if !log.approve(NAME, "heading", *span, text.clone(), heading) {
            continue;
        }
        let span = *span;
        let content = std::mem::take(doc.blocks[i].inlines_mut().expect("a paragraph"));
        doc.blocks[i] = Block::heading(level, content, span);
    }
}

/// Which blocks are cells of a table set one to a block, as the blocks
/// stood before any of them was made a heading (so that one cell made a
/// title does not make the next one look like a title among text): a
/// block between two paragraphs of [`CELL_MAX_WORDS`] words or fewer, one
/// with letters, or a short paragraph with two more of words on one side
/// of it ("TEXT" / "NUMERIC" / "INTEGER", a list whose bullets were lost;
/// "INT" / "INTEGER" / "TINYINT", a table's column set a cell to a line).
/// After numbers alone a title may stand: "30" / "300.0", a table's last
/// row, then "Wide equations".
fn short_cells(blocks: &[Block]) -> Vec<bool> {
    let short: Vec<Option<bool>> = blocks
        .iter()
        .map(|b| {
            let Block::Paragraph { content, .. } = b else {
                return None;
            };
            // Spaces between words at its top level say it has more words
            // than a cell without reading its text (most paragraphs).
            let gaps = content
                .iter()
                .filter(|i| matches!(i, Inline::Space | Inline::SoftBreak | Inline::LineBreak))
                .count();
            if gaps >= CELL_MAX_WORDS {
                return None;
            }
            let text = b.plain_text();
            (text.split_whitespace().count() <= CELL_MAX_WORDS)
                .then(|| text.chars().any(char::is_alphabetic))
        })
        .collect();
    let at = |k: Option<usize>| k.and_then(|k| short.get(k).copied().flatten());
    (0..blocks.len())
        .map(|i| {
            let (before, after) = (at(i.checked_sub(1)), at(Some(i + 1)));
            let between = before.zip(after).is_some_and(|(b, a)| b || a);
            let worded = |k: Option<usize>| at(k) == Some(true);
            let run_after = short[i].is_some() && worded(Some(i + 1)) && worded(Some(i + 2));
            let run_before =
                short[i].is_some() && worded(i.checked_sub(1)) && worded(i.checked_sub(2));
            between || run_after || run_before
        })
        .collect()
}

/// Fewest words of a line before a listing that [`headings`] reads as a
/// sentence's lead-in where the text after the listing goes on in lower
/// case.
const CUT_LEAD_IN_MIN_WORDS: usize = 4;

/// Whether `block` is a paragraph that opens in lower case: a sentence
/// going on after a display set inside it.
fn sentence_goes_on(block: Option<&Block>) -> bool {
    let Some(block @ Block::Paragraph { .. }) = block else {
        return false;
    };
    block
        .plain_text()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// "20 Sectioning commands 63": a section number, a title and the page it
/// starts on, a line of a table of contents set without leader dots (or a
/// running head with its page number). The number after a unit that counts
/// ("Example 3", "Version 2") belongs to the title.
fn is_contents_entry(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [first, .., before_last, last] = words.as_slice() else {
        return false;
    };
    let is_section_number = |w: &str| {
        let w = w.trim_end_matches('.');
        !w.is_empty()
            && w.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let is_page = |w: &str| (1..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    const COUNTED: &[&str] = &[
        "appendix", "chapter", "example", "exercise", "figure", "level", "lesson", "part", "phase",
        "stage", "step", "table", "version",
    ];
    words.len() >= 3
        && is_section_number(first)
        && is_page(last)
        && !COUNTED.contains(&before_last.to_lowercase().as_str())
}

/// "1. Introduction" or "2.3 Scope": a number and a short title without
/// sentence punctuation.
fn is_numbered_heading(text: &str, rest: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(|c| c.is_ascii_digit())
        && rest.split_whitespace().count() <= 6
        && starts_capital(rest)
        && !ends_sentence(rest)
}

/// Whether the first word of `text` is a section number ("2.3", "4.").
fn opens_with_section_number(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.chars().all(|c| c.is_ascii_digit() || c == '.')
        && first.chars().any(|c| c.is_ascii_digit())
}

/// "2.3 Scope" is one level below "2. Background".
fn heading_level(text: &str) -> u8 {
    let first = text.split_whitespace().next().unwrap_or("");
    if opens_with_section_number(text) {
        let parts = first.trim_end_matches('.').split('.').count();
        parts.clamp(1, 6) as u8
    } else {
        1
    }
}

fn lists(doc: &mut Document, log: &mut RepairLog) {
    let mut out: Vec<Block> = Vec::with_capacity(doc.blocks.len());
    for block in doc.blocks.drain(..) {
        let Block::Paragraph { content, span } = &block else {
            out.push(block);
            continue;
        };
        let text = plain_text(content);
        let Some(marker) = list_marker(&text) else {
            out.push(block);
            continue;
        };
        // "4. Februar 2006" is a date written the German way, not item 4.
        if crate::meta::front_matter::loose_date(&text).is_some() {
            out.push(block);
            continue;
        }
        let (ordered, numbering) = (marker.ordinal, marker.numbering);
        let mut content = content.clone();
        strip_marker(&mut content, text.len() - marker.rest.len());
        // Before and after show the same words, with and without the
        // marker, so the log accounts for exactly what was removed.
        let shown = head_words(marker.rest);
        let label = text[..text.len() - marker.rest.len()].trim();
        if !log.approve(NAME, "list-item", *span, format!("{label} {shown}"), shown) {
            out.push(block);
            continue;
        }
        let item = vec![Block::paragraph(content, *span)];
        // An item joins the list before it only when written the same way
        // and, if numbered, with the next number: "(a)" after "1." starts a
        // list of its own, so no writer numbers it "2.", and so does a "3."
        // after a list's "3." (a section "3. News" after a page's notes),
        // which no writer may renumber "4.".
        match out.last_mut() {
            Some(Block::List {
                start,
                numbering: list_numbering,
                items,
                span: list_span,
            }) if start.is_some() == ordered.is_some()
                && *list_numbering == numbering
                && continues(*start, items.len(), ordered) =>
            {
                items.push(item);
                *list_span = list_span.join(*span);
            }
            _ => out.push(Block::List {
                start: ordered,
                numbering,
                items: vec![item],
                span: *span,
            }),
        }
    }
    doc.blocks = out;
}

/// Whether an item numbered `ordered` comes next after a list that starts
/// at `start` and holds `len` items (unnumbered items always do).
fn continues(start: Option<u64>, len: usize, ordered: Option<u64>) -> bool {
    match (start, ordered) {
        (Some(s), Some(n)) => s.checked_add(len as u64) == Some(n),
        _ => true,
    }
}

fn head_words(t: &str) -> String {
    t.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
}

/// Removes the first `len` bytes of plain text (the marker and the space
/// after it) from the start of `content`.
fn strip_marker(content: &mut Vec<Inline>, mut len: usize) {
    // A page marker before the list marker stays where the item begins.
    let pages = page_markers::take_leading(content);
    while len > 0 && !content.is_empty() {
        match &mut content[0] {
            Inline::Text(s) if s.len() <= len => {
                len -= s.len();
                content.remove(0);
            }
            Inline::Text(s) => {
                s.drain(..len);
                // In a compacted run the space after the marker is the
                // next character, not a token of its own.
                let space = s.len() - s.trim_start_matches(' ').len();
                s.drain(..space);
                len = 0;
            }
            Inline::Space | Inline::SoftBreak => {
                len -= 1;
                content.remove(0);
            }
            _ => break,
        }
    }
    while matches!(content.first(), Some(Inline::Space | Inline::SoftBreak)) {
        content.remove(0);
    }
    content.splice(0..0, pages);
}

const NAME: &str = "structure";

/// A list marker at the start of a line: the bullet or number, whether the
/// list is ordered (with its number and how the number is written), and the
/// text after the marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListMarker<'a> {
    pub ordinal: Option<u64>,
    /// "1.", "1)", "a)" or "(a)"; the default for a bullet.
    pub numbering: Numbering,
    pub rest: &'a str,
}

/// Bullets that start a list item. A bullet glued to its text ("•Item") by
/// text extraction still counts; dashes and ASCII markers need a space
/// after them. LaTeX marks the items of a nested list with an en dash.
const BULLETS: &[char] = &['•', '◦', '▪', '‣', '·', '●', '○', '■', '□'];
pub const SPACED_BULLETS: &[char] = &['-', '*', '+', '–'];

/// The list marker that starts `t`, if any: "• x", "•x", "- x", "* x",
/// "1. x", "1) x", "a) x", "(a) x".
pub fn list_marker(t: &str) -> Option<ListMarker<'_>> {
    let t = t.trim_start();
    let first = t.chars().next()?;
    if BULLETS.contains(&first) {
        let rest = t[first.len_utf8()..].trim_start();
        return (!rest.is_empty()).then_some(ListMarker {
            ordinal: None,
            numbering: Numbering::default(),
            rest,
        });
    }
    if SPACED_BULLETS.contains(&first) {
        let rest = &t[first.len_utf8()..];
        // "+ * /": a column of operators (a table's symbol column run
        // together), not an item: an item says something in words or
        // numbers.
        let says_something = rest.chars().any(char::is_alphanumeric)
            // An en dash also opens a formula's term ("– − 2e"): its item
            // starts with words.
            && (first != '–'
                || rest
                    .trim_start()
                    .starts_with(|c: char| c.is_alphanumeric() || "‘“\"'([".contains(c)));
        return (rest.starts_with(' ') && says_something).then(|| ListMarker {
            ordinal: None,
            numbering: Numbering::default(),
            rest: rest.trim_start(),
        });
    }
    let (marker, rest) = t.split_once(' ')?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    let digits = marker.trim_end_matches(['.', ')']);
    if marker.len() == digits.len() + 1
        && (1..=3).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
    {
        let delimiter = if marker.ends_with(')') {
            Delimiter::Paren
        } else {
            Delimiter::Period
        };
        return Some(ListMarker {
            ordinal: digits.parse().ok(),
            numbering: Numbering::new(Counter::Decimal, delimiter),
            rest,
        });
    }
    let (letter, delimiter) = match marker.strip_prefix('(') {
        Some(inner) => (inner.strip_suffix(')')?, Delimiter::Parens),
        None => (marker.strip_suffix(')')?, Delimiter::Paren),
    };
    (letter.len() == 1 && letter.chars().all(|c| c.is_ascii_lowercase())).then(|| ListMarker {
        ordinal: Some(u64::from(letter.as_bytes()[0] - b'a') + 1),
        numbering: Numbering::new(Counter::LowerAlpha, delimiter),
        rest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{Options, normalize_text};

    #[test]
    fn numbers_alone_on_a_line_are_no_heading() {
        for t in [
            "8 16",
            "0",
            "2.2.3",
            "N/A",
            "98_222",
            "1 0",
            "2 4 1 3 6 7 5 the vertices in canonical order",
            "1 \\NeedsTeXFormat{LaTeX2e}[1994/12/01]",
            "The major commands are",
            "Notes on the",
            "The outputs induced by",
        ] {
            assert!(!is_heading_text(t), "{t:?} read as a heading");
        }
        for t in [
            "1.1 opt-level",
            "Dependency\\Current",
            "2.3 Scope",
            "Appendix A",
            "Hints and tips",
        ] {
            assert!(is_heading_text(t), "{t:?} not read as a heading");
        }
    }

    /// The text of every heading the whole repair makes of `text`.
    fn headings_of(text: &str) -> Vec<String> {
        let (doc, _) = normalize_text(text, &Options::default());
        doc.blocks
            .iter()
            .filter(|b| matches!(b, Block::Heading { .. }))
            .map(Block::plain_text)
            .collect()
    }

    /// A modal verb and the verb after it make a clause: a sentence set on
    /// a line of its own, or cut at the line end, is no title.
    #[test]
    fn a_clause_with_a_modal_verb_is_no_heading() {
        for t in [
            "Japanese language questionnaires can be produced with option",
            "Cargo should not make major breaking changes",
            "To create a triangulation you must either",
        ] {
            assert!(has_modal_clause(t), "{t:?} read as a title");
        }
        for t in ["What Can Go Wrong", "Can and will"] {
            assert!(!has_modal_clause(t), "{t:?} read as a clause");
        }
        let text = "Japanese language\n\n\
            What can be said about it?\n\n\
            The questions below can be asked.\n\n\
            Japanese language questionnaires can be produced with option\n\n\
            AMC will make some adjustments on the produced LaTeX source to allow \
            Japanese characters to be included.\n";
        let headings = headings_of(text);
        assert!(
            !headings.iter().any(|h| h.contains("can be produced"))
                && headings.iter().any(|h| h == "What can be said about it?"),
            "{headings:?}"
        );
    }

    /// `reads` holds for every line of `yes` and for none of `no`.
    fn assert_reads(reads: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
        for t in yes {
            assert!(reads(t), "{t:?} not read so");
        }
        for t in no {
            assert!(!reads(t), "{t:?} read so");
        }
    }

    /// No heading that the whole repair makes of `text` holds any of
    /// `words`.
    fn assert_no_heading_holds(text: &str, words: &[&str]) {
        let headings = headings_of(text);
        assert!(
            !headings.iter().any(|h| words.iter().any(|w| h.contains(w))),
            "{headings:?}"
        );
    }

    /// "is" or "are" before an article says what something is: a sentence
    /// cut before a display is no title; a short title or a question may
    /// hold one.
    #[test]
    fn a_clause_saying_what_something_is_is_no_heading() {
        assert_reads(
            has_copula_clause,
            &[
                "Another complication in Figure 20 is the use of the displayed equation",
                "The return value is the current mp_history_state",
                "The renderer is a software fallback",
            ],
            &[
                "What is a Crate",
                "Why Rust is Fast",
                "The Use of Displayed Equations",
            ],
        );
        assert_no_heading_holds(
            "Figure 20: labels with display math\n\n\
            Another complication in Figure 20 is the use of the displayed equation\n\n\
            The display is set with btex and etex, as the figure shows.\n",
            &["complication"],
        );
    }

    /// A line that opens with a pronoun and its verb is a sentence (cut
    /// before the display it introduces), no title; a question may be one.
    #[test]
    fn a_line_opening_with_a_pronoun_and_its_verb_is_no_heading() {
        assert_reads(
            opens_with_subject,
            &[
                "This defines a macro of the form",
                "It is possible to nest",
                "2This is similar to how pgf handles this",
            ],
            &["This Book", "It", "The Pages dictionary", "Italic shapes"],
        );
        assert_no_heading_holds(
            "The keys are set in families, as the first section showed.\n\n\
            This defines a macro of the form\n\n\
            The macro takes one argument, as the next example shows.\n",
            &["defines"],
        );
    }

    /// A keyword and its value, a line of a configuration listing, is no
    /// title; a title that names code among words of its own is one.
    #[test]
    fn a_keyword_and_its_value_is_no_heading() {
        assert_reads(
            is_directive_line,
            &[
                "Host example_author",
                "IdentityFile ~/.ssh/id_author",
                "Ghostscript*xResolution: 72",
            ],
            &[
                "GS_LIB",
                "RESOURCE_GROUPS Property",
                "3.1.3 mp_run_data",
                "Feature Name: rustdoc_json",
                "Example for list (4*itemize)",
                "Host names",
            ],
        );
        assert_no_heading_holds(
            "You could write this in ~/.ssh/config, with the key file:\n\n\
            Host example_author\n\n\
            IdentityFile ~/.ssh/id_author\n\n\
            Then adjust the push URL to use the alias.\n",
            &["example_author", "id_author"],
        );
    }

    /// A line that opens with a connective and its comma goes on from the
    /// sentence before it (cut where a display follows), no title.
    #[test]
    fn a_line_opening_with_a_connective_is_no_heading() {
        assert_reads(
            opens_with_connective,
            &[
                "Thus, references are sorted according to",
                "So, for instance",
                "In addition, the Array prototype's methods are proxied",
            ],
            &[
                "Thus Spoke Zarathustra",
                "So",
                "In addition to the defaults",
            ],
        );
        assert_no_heading_holds(
            "The entries are sorted by the fields below.\n\n\
            Thus, references are sorted according to\n\n\
            The order is author, year, month and title, in that order.\n",
            &["according"],
        );
    }

    /// A line of words between cells of one or two words (a table set one
    /// cell to a block, a table of contents' entries) is a cell, not a
    /// title; between two numbers (a page's and its own) it may be one.
    #[test]
    fn a_cell_among_cells_is_no_heading() {
        let table = "The arguments of the checkbox are these, with their defaults.\n\n\
            tooltip\n\nThe text to display when hovering over the widget\n\nNone\n\n\
            borderStyle\n\nThe border style name\n\n'solid'\n\n\
            The method returns nothing, and the widget is drawn at once.\n";
        let found = headings_of(table);
        assert!(
            !found
                .iter()
                .any(|h| h.contains("hovering") || h.contains("border style")),
            "{found:?}"
        );
        let numbered = "Contents and a preface end here with a sentence.\n\n13\n\n\
            Introduction\n\n1\n\nThis manual assumes that the library is installed.\n";
        assert_eq!(headings_of(numbered), ["Introduction"]);
    }

    /// A column of names set a cell to a line is no run of titles: not at
    /// its ends, and not once the first of them was read as one. A title
    /// with its section number over a table's head stays, and so does one
    /// after a table's last row of numbers.
    #[test]
    fn a_column_of_cells_is_no_run_of_headings() {
        let list = headings_among(&[
            "Each column is assigned one of the following type affinities:",
            "TEXT",
            "NUMERIC",
            "INTEGER",
            "BLOB",
            "A column with TEXT affinity stores all data as text.",
        ]);
        assert_eq!(list, [false; 6]);
        let numbered = headings_among(&[
            "Each literal has a suffix that names its type.",
            "1.1.6 Numbers",
            "Name",
            "Example",
            "The table lists every kind of number.",
        ]);
        assert_eq!(numbered, [false, true, false, false, false]);
        let after_numbers = headings_among(&[
            "The values below are measured in the cold.",
            "30",
            "300.0",
            "Wide equations",
            "The equation that follows is set in a wide format.",
        ]);
        assert_eq!(after_numbers, [false, false, false, true, false]);
    }

    /// A title holds one sentence at most; an abbreviation's full stop
    /// ends none.
    #[test]
    fn two_sentences_are_no_heading() {
        assert!(!is_heading_text("This prints the call stack. For example"));
        for t in ["Fig. 3 Results", "Dr. Smith Goes On", "U.S. Policy Options"] {
            assert!(is_heading_text(t), "{t:?} not read as a heading");
        }
    }

    /// Two clauses joined by a semicolon are a sentence, however short
    /// and capitalised: a program's report above its listing.
    #[test]
    fn clauses_joined_by_a_semicolon_are_no_heading() {
        assert!(!is_heading_text(
            "Smith-Waterman score: 179; 25.6% identity (54.5% similar) in 211 aa overlap"
        ));
        assert!(is_heading_text("Smith-Waterman scores"));
    }

    #[test]
    fn a_line_that_reads_as_code_is_no_heading() {
        // Short, capitalised, no sentence end: only its code signal tells.
        assert!(is_heading_text(
            "TryPropagationExpression -> Expression `?`"
        ));
        assert_eq!(
            headings_among(&[
                "Borrow operators",
                "Some text follows here.",
                "TryPropagationExpression -> Expression `?`",
                "Some text follows here.",
            ]),
            [true, false, false, false]
        );
    }

    /// Which of these one-line paragraphs the heading step makes headings.
    fn headings_among(paragraphs: &[&str]) -> Vec<bool> {
        use crate::model::Span;
        let mut doc = Document {
            blocks: paragraphs
                .iter()
                .map(|t| Block::paragraph(vec![Inline::text(*t)], Span::line(1)))
                .collect(),
            ..Document::default()
        };
        headings(&mut doc, &mut RepairLog::default());
        doc.blocks
            .iter()
            .map(|b| matches!(b, Block::Heading { .. }))
            .collect()
    }

    /// A line of some words before a listing, where the text after the
    /// listing goes on in lower case, leads in to a display inside a
    /// sentence; a title of two words stays a heading.
    #[test]
    fn a_sentence_going_on_after_its_listing_has_no_heading_before_it() {
        for (line, after, heading) in [
            (
                "Given the function and calls",
                "within Greeting, who will have the value nil in the first call.",
                false,
            ),
            (
                "Given the function and calls",
                "Within Greeting, who has the value nil, the call is made.",
                true,
            ),
            (
                "Data records",
                "is a data record, which may be used freely.",
                true,
            ),
        ] {
            assert_eq!(
                heading_before_listing(line, Some(after)),
                heading,
                "{line:?} / {after:?}"
            );
        }
    }

    /// A long line with a comma before a listing leads in to it; a short
    /// title before a listing stays a heading.
    #[test]
    fn a_lead_in_to_a_listing_is_no_heading() {
        for (line, heading) in [
            (
                "For example, to access a C-level counter foo, one could write",
                false,
            ),
            ("Defining alien variables", true),
        ] {
            assert_eq!(heading_before_listing(line, None), heading, "{line:?}");
        }
    }

    /// Whether the heading step makes `line` a heading, set before a
    /// listing and, if given, a paragraph `after` it.
    fn heading_before_listing(line: &str, after: Option<&str>) -> bool {
        use crate::model::Span;
        let para = |t: &str| Block::paragraph(vec![Inline::text(t)], Span::line(1));
        let code = Block::CodeBlock {
            language: None,
            text: "(define-alien-variable \"foo\" int)".into(),
            span: Span::line(2),
        };
        let mut doc = Document {
            blocks: [Some(para(line)), Some(code), after.map(para)]
                .into_iter()
                .flatten()
                .collect(),
            ..Document::default()
        };
        headings(&mut doc, &mut RepairLog::default());
        matches!(doc.blocks[0], Block::Heading { .. })
    }

    #[test]
    fn a_date_or_a_formula_is_no_heading() {
        assert_eq!(
            headings_among(&[
                "February 26, 2012",
                "Some text follows here.",
                "2 February 2015",
                "Some text follows here.",
                "G(s) = Ke−T s",
                "Some text follows here.",
                "Usage",
                "Some text follows here.",
            ]),
            [false, false, false, false, false, false, true, false]
        );
    }

    #[test]
    fn an_ascii_bullet_before_symbols_only_is_no_item() {
        assert!(list_marker("+ * /").is_none());
        assert!(list_marker("- -> <-").is_none());
        assert_eq!(list_marker("+ x, y").map(|m| m.rest), Some("x, y"));
        assert_eq!(list_marker("* 3").map(|m| m.rest), Some("3"));
    }

    #[test]
    fn an_en_dash_marks_a_nested_item_that_starts_with_words() {
        assert_eq!(
            list_marker("– Makefile.in").map(|m| m.rest),
            Some("Makefile.in")
        );
        assert_eq!(
            list_marker("– ‘configure’ script").map(|m| m.rest),
            Some("‘configure’ script")
        );
        assert!(list_marker("– − 2e").is_none(), "a formula's term");
        assert!(list_marker("–4").is_none());
    }

    #[test]
    fn an_ordered_marker_says_how_it_is_written() {
        let numbering = |t: &str| list_marker(t).map(|m| (m.ordinal, m.numbering));
        let style = Numbering::new;
        assert_eq!(numbering("3. x"), Some((Some(3), Numbering::default())));
        assert_eq!(
            numbering("3) x"),
            Some((Some(3), style(Counter::Decimal, Delimiter::Paren)))
        );
        assert_eq!(
            numbering("b) x"),
            Some((Some(2), style(Counter::LowerAlpha, Delimiter::Paren)))
        );
        assert_eq!(
            numbering("(c) x"),
            Some((Some(3), style(Counter::LowerAlpha, Delimiter::Parens)))
        );
        assert_eq!(numbering("• x"), Some((None, Numbering::default())));
        // Not markers: a half parenthesis, two letters, a capital.
        assert_eq!(numbering("(c x"), None);
        assert_eq!(numbering("(ab) x"), None);
        assert_eq!(numbering("C) x"), None);
    }

    fn lists_of(text: &str) -> Vec<(Option<u64>, Numbering, usize)> {
        let (doc, _) = normalize_text(text, &Options::default());
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::List {
                    start,
                    numbering,
                    items,
                    ..
                } => Some((*start, *numbering, items.len())),
                _ => None,
            })
            .collect()
    }

    /// A number that does not come next starts a list of its own, so the
    /// writers print it as written.
    #[test]
    fn an_item_whose_number_does_not_come_next_starts_a_new_list() {
        let text = "The notes of the page are these three.\n\n1. The first note is here.\n\n2. The second note is here.\n\n3. The third note is here.\n\n3. News will be removed some time in the future.\n";
        assert_eq!(
            lists_of(text),
            vec![
                (Some(1), Numbering::default(), 3),
                (Some(3), Numbering::default(), 1)
            ]
        );
        let rendered =
            crate::write::txt::render_repaired(&normalize_text(text, &Options::default()).0, false);
        assert!(rendered.contains("3. News will"), "{rendered}");
    }

    #[test]
    fn a_list_keeps_its_marker_style_and_a_new_style_starts_a_new_list() {
        let letters = Numbering::new(Counter::LowerAlpha, Delimiter::Parens);
        let text = "The group has these properties, among others.\n\n(a) The automorphism group is computed.\n\n(b) The canonical label is computed.\n\n1. The first numbered step is here.\n\n2. The second numbered step is here.\n";
        assert_eq!(
            lists_of(text),
            vec![(Some(1), letters, 2), (Some(1), Numbering::default(), 2)]
        );
        let rendered =
            crate::write::txt::render_repaired(&normalize_text(text, &Options::default()).0, false);
        assert!(rendered.contains("(a) The automorphism"), "{rendered}");
        assert!(rendered.contains("(b) The canonical"), "{rendered}");
        assert!(rendered.contains("2. The second"), "{rendered}");
    }

    #[test]
    fn a_date_written_with_a_numbered_day_is_no_list_item() {
        let text =
            "Das Paket rtklage\n\n4. Februar 2006\n\nDer erste Absatz steht hier und sagt genug.\n";
        assert_eq!(lists_of(text), vec![]);
        let items =
            "Some text is here.\n\n4. The fourth step is here.\n\n5. The fifth step is here.\n";
        assert_eq!(lists_of(items).len(), 1);
    }

    #[test]
    fn a_line_of_a_table_of_contents_is_no_heading() {
        assert!(is_contents_entry("20 Sectioning commands 63"));
        assert!(is_contents_entry(
            "3.4 Mathematical typesetting à la amsmath 11"
        ));
        assert!(!is_contents_entry("1.2.3 Example 3"));
        assert!(!is_contents_entry("2 Usage"));
        assert!(!is_contents_entry("Python 3"));
        // In the heading step: the contents line stays a paragraph.
        assert_eq!(
            headings_among(&[
                "20 Sectioning commands 63",
                "Some text follows here.",
                "2 Usage",
                "Some text follows here.",
            ]),
            [false, false, true, false]
        );
    }

    fn title(text: &str) -> Option<String> {
        let (doc, _) = normalize_text(text, &Options::default());
        doc.meta.title.as_deref().map(plain_text)
    }

    #[test]
    fn a_title_set_on_two_lines_is_one_title() {
        let text = "One Year After the Kazan Summit: An\n\nAssessment of China-India Relations\n\nIvan Lidarev\n\nThe first paragraph is here and it says enough.\n";
        assert_eq!(
            title(text).as_deref(),
            Some("One Year After the Kazan Summit: An Assessment of China-India Relations")
        );
    }

    /// An excerpt that starts inside a document opens on a page number, a
    /// numbered section, a line of a listing or a part's label: none is
    /// the document's title.
    #[test]
    fn a_number_a_section_or_a_part_label_is_no_title() {
        let body = "\n\nThe first paragraph is here and it says enough.\n";
        for first in [
            "344",
            "14.1",
            "4 Details on Compound Labels",
            "389 \\def\\@affiliation#1{%",
            "Chapter 1",
            "Part II",
            "Table of Contents",
            "Preface",
        ] {
            assert_eq!(title(&format!("{first}{body}")), None, "{first}");
        }
        assert_eq!(
            title(&format!("Chapter Notes on Rivers{body}")).as_deref(),
            Some("Chapter Notes on Rivers")
        );
        assert_eq!(
            title(&format!("“Rivers” and Their Banks{body}")).as_deref(),
            Some("“Rivers” and Their Banks")
        );
    }

    #[test]
    fn a_title_ending_on_a_full_word_takes_no_second_line() {
        // Nothing dangles: the next line is a heading, not the title's end.
        let text = "Rivers and Their Banks\n\nIntroduction\n\nThe first paragraph is here and it says enough.\n";
        assert_eq!(title(text).as_deref(), Some("Rivers and Their Banks"));
        // A dangling word, but the next block is a sentence.
        let text = "Notes on the\n\nThe river rose in the night and the town woke to it.\n";
        assert_eq!(title(text).as_deref(), Some("Notes on the"));
    }

    #[test]
    fn an_institution_line_under_the_byline_is_the_affiliation() {
        let text = "A Short Brief on Rivers\n\nJane Doe\n\nInstitute of River Studies, University of Leeds\n\nThe first paragraph is here and it says enough.\n";
        let (doc, log) = normalize_text(text, &Options::default());
        assert_eq!(
            doc.meta.authors[0].affiliations,
            ["Institute of River Studies, University of Leeds"]
        );
        assert!(log.changes.iter().any(|c| c.rule == "affiliation"));
        // A sentence that names a university is body text.
        let text = "A Short Brief on Rivers\n\nJane Doe\n\nThe University of Leeds studied the river for ten years.\n\nMore text here.\n";
        let (doc, _) = normalize_text(text, &Options::default());
        assert!(doc.meta.authors[0].affiliations.is_empty());
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn a_lone_identifier_under_the_byline_is_the_identifier() {
        let text = "A Short Brief on Rivers\n\nJane Doe\n\nurn:uuid:eea80fe1-8e3c-5012-8837-a5a70d336700\n\nThe first paragraph is here.\n";
        let (doc, _) = normalize_text(text, &Options::default());
        assert_eq!(
            doc.meta.identifier.as_deref(),
            Some("urn:uuid:eea80fe1-8e3c-5012-8837-a5a70d336700")
        );
        // In the body it stays text.
        let text = "A Short Brief on Rivers\n\nJane Doe\n\nThe first paragraph is here.\n\nurn:uuid:eea80fe1-8e3c-5012-8837-a5a70d336700\n";
        let (doc, _) = normalize_text(text, &Options::default());
        assert!(doc.meta.identifier.is_none());
    }
}
