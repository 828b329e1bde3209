//! Section numbers: a heading's number that the extractor set apart from its
//! title comes back to it.
//!
//! Two damages, both common in real extracts and both losing the number a
//! reader cites ("see section 2.1"):
//!
//! * **Detached**: the number stands in a block of its own, the title in the
//!   next one (`pdftotext` of LaTeX, whose number and title sit in separate
//!   boxes: `1` / blank line / `Dep-info files`).
//! * **Glued**: the space between number and title is lost (ghostscript's
//!   `txtwrite`: `2Motivation`).
//!
//! A lone number is also what a page number, a table cell or a list marker
//! looks like, so the shape alone is no evidence. The evidence is the
//! document's own section numbering: a candidate is repaired only where its
//! number continues the sequence of the numbered headings around it (`2`
//! after `1` or `1.3`, `2.1` after `2`); the first one only when the next
//! numbered heading continues from it. Every other candidate is declined and
//! logged with the number it would have had to follow.
//!
//! Page numbers count up too, and an extract without page breaks (ghostscript's
//! `txtwrite`) leaves them on lines of their own, so the text after a number
//! must read as a section title: not a title that carries its own number
//! ("Appendix C", "II Preliminaries", "Figure 2:"), a list item ("• The
//! fonts"), a title no document numbers ("Contents") or a piece of a sentence
//! ("the rule to produce a given tree is", "will be opened").

use rustc_hash::FxHashSet as HashSet;

use crate::model::{Block, Document, Inline, plain_text};

use super::lexicon::is_function_word;
use super::paragraphs::ends_sentence;
use super::regions::is_code_line;
use super::structure::{
    ends_on_cut_word, has_word_of_letters, is_heading_text, opens_with_subject,
};
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "rejoin section numbers that the extractor split from or glued to their titles",
    stage: Stage::TextTree(run),
};

const NAME: &str = "section-numbers";

/// Deepest section number taken (`1.2.3.4.5.6`): headings go six levels
/// deep in every edition.
const MAX_DEPTH: usize = 6;

/// Fewest numbers in a run with no text between that makes them numbered
/// lines ([`numbered_lines`]).
const MIN_NUMBERED_LINES: usize = 3;

/// A title that wrapped has at most this many lines.
const MAX_TITLE_LINES: usize = 2;

/// Longest title, in words (as for headings found by their shape).
const MAX_TITLE_WORDS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// The block is the number alone; the title is the next block.
    Detached,
    /// The block starts with the number glued to the title's first letter;
    /// the number is this many bytes long.
    Glued(usize),
    /// A heading already written `2.1 Title`: no repair, but it is part of
    /// the numbering the others are checked against.
    Written,
    /// A number alone whose title the extractor moved away (a listing's
    /// comment between them): no repair, but where it continues the
    /// numbering, the numbering goes on from it.
    Bare,
}

struct Candidate {
    block: usize,
    number: Vec<u32>,
    shape: Shape,
}

pub fn run(doc: &mut Document, log: &mut RepairLog) {
    let candidates = candidates(&doc.blocks);
    let numbered_lines = numbered_lines(&candidates);
    let mut previous: Option<&[u32]> = None;
    // Whether the heading `previous` names writes its number with a period.
    let mut previous_dotted = false;
    let mut repairs: Vec<&Candidate> = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        if matches!(c.shape, Shape::Detached | Shape::Glued(_)) && numbered_lines[k] {
            log.decline_cited(
                NAME,
                rule(c.shape),
                doc.blocks[c.block].span(),
                block_text(&doc.blocks, c),
                "one of three numbers or more that follow each other with no text between: \
                 numbered lines, not sections",
            );
            continue;
        }
        if c.shape == Shape::Bare {
            if previous.is_some_and(|p| continues(p, &c.number)) && !numbered_lines[k] {
                previous = Some(&c.number);
                previous_dotted = false;
            }
            continue;
        }
        // The first numbered heading starts the numbering where the next
        // one follows it. The next one with a title counts too: in a table
        // of contents ("6 Writing files" / "22" / "7 Pretty printing" /
        // "23") the page numbers between the titles count up on their own,
        // and the titles' numbering, once read, keeps "23" / "II" from
        // starting one of its own. One number between, not more: past a
        // run of numbered lines, a number before a title may be a row of
        // a listing ("4" / "nv nde d v e").
        let titled_after = |j: usize| {
            candidates
                .iter()
                .enumerate()
                .skip(j + 1)
                .take(2)
                .find(|(_, n)| n.shape != Shape::Bare)
        };
        let next_titled = titled_after(k);
        let after = next_titled.and_then(|(j, _)| titled_after(j));
        let (next_titled, after) = (next_titled.map(|(_, n)| n), after.map(|(_, n)| n));
        let starts = [candidates.get(k + 1), next_titled]
            .into_iter()
            .flatten()
            .any(|next| continues(&c.number, &next.number));
        // The body after the contents starts it again at 1, where the next
        // two titles follow it ("1 Introduction", "1.1 Presentation", "1.2
        // The fp package"); a listing's first numbered line ("1" /
        // "⟨∗package⟩") is seldom followed so.
        let starts_again = || {
            c.number == [1]
                && next_titled.zip(after).is_some_and(|(n, m)| {
                    continues(&c.number, &n.number) && continues(&n.number, &m.number)
                })
        };
        let fits = match previous {
            Some(p) => continues(p, &c.number) || starts_again(),
            None => starts,
        };
        // The heading before writes "1." and this number has no period: a
        // page number or an equation's fragment ("2" / "An"), not the next
        // section of a document that writes "2. Theory".
        if fits
            && c.shape == Shape::Detached
            && previous_dotted
            && previous.is_some_and(|p| p.len() == c.number.len())
        {
            log.decline_cited(
                NAME,
                rule(c.shape),
                doc.blocks[c.block].span(),
                block_text(&doc.blocks, c),
                "the heading before writes its number with a period, and this one has none",
            );
            continue;
        }
        if fits {
            previous = Some(&c.number);
            previous_dotted = c.shape == Shape::Written && written_with_period(&doc.blocks, c);
            // A title with no word of three letters is a figure's label
            // under a number ("14" / "AC161", "1" / "I-GH" on a board,
            // "0" / "dy" in a formula), unless it is an acronym alone
            // ("4.1" / "ID"): it keeps its place in the numbering, but no
            // heading is made.
            let labelled = c.shape == Shape::Detached
                && !doc
                    .blocks
                    .get(c.block + 1)
                    .and_then(title_text)
                    .is_some_and(|t| has_word_of_three_letters(&t) || is_acronym(t.trim()));
            if labelled {
                log.decline_cited(
                    NAME,
                    rule(c.shape),
                    doc.blocks[c.block].span(),
                    block_text(&doc.blocks, c),
                    "the title has no word of three letters: a label, not a section's title",
                );
            } else if c.shape != Shape::Written {
                repairs.push(c);
            }
        } else if c.shape != Shape::Written {
            let after = previous.map_or(
                "no numbered heading before it and none that follows it".to_string(),
                |p| format!("does not continue the section numbering after {}", label(p)),
            );
            log.decline_cited(
                NAME,
                rule(c.shape),
                doc.blocks[c.block].span(),
                block_text(&doc.blocks, c),
                after,
            );
        }
    }
    let repairs = without_empty_runs(&doc.blocks, &candidates, repairs, log);
    // Back to front, so that merging two blocks leaves the indexes of the
    // earlier candidates valid.
    for c in repairs.into_iter().rev() {
        repair(doc, c, log);
    }
}

/// Fewest words of a paragraph that reads as a section's text for
/// [`without_empty_runs`] where it ends no sentence: text, not a cell or
/// a name (a listing's lines are no such text either).
const SECTION_TEXT_MIN_WORDS: usize = 6;

/// The repairs less those of runs of [`MIN_NUMBERED_LINES`] or more
/// siblings that follow each other in the numbering and none of whose
/// sections holds a paragraph that ends a sentence or has
/// [`SECTION_TEXT_MIN_WORDS`] words: a table's column of numbers
/// extracted one cell to a block ("1" / "INT2" / "INT8" / "TEXT" / "2" /
/// "BLOB" / ...), whose numbers count up by themselves. A document may
/// leave a section or two empty, not three in a row.
fn without_empty_runs<'a>(
    blocks: &[Block],
    candidates: &'a [Candidate],
    repairs: Vec<&'a Candidate>,
    log: &mut RepairLog,
) -> Vec<&'a Candidate> {
    // Where each repair's text ends: at the next candidate of any shape.
    let text_of = |c: &Candidate| {
        let from = c.block
            + match c.shape {
                Shape::Detached => 2,
                _ => 1,
            };
        // Candidates stand in the order of their blocks.
        let next = candidates.partition_point(|n| n.block <= c.block);
        let to = candidates
            .get(next)
            .map_or(blocks.len(), |n| n.block)
            .max(from);
        &blocks[from..to]
    };
    let holds_text = |c: &Candidate| {
        text_of(c).iter().any(|b| {
            matches!(b, Block::Paragraph { .. }) && {
                let text = b.plain_text();
                ends_sentence(&text) || text.split_whitespace().count() >= SECTION_TEXT_MIN_WORDS
            }
        })
    };
    let with_text: Vec<bool> = repairs.iter().map(|c| holds_text(c)).collect();
    let mut keep = vec![true; repairs.len()];
    let mut start = 0;
    for k in 1..=repairs.len() {
        // Siblings only: a section that opens with a subsection ("1.1
        // Examples" / "1.1.1 ...") or holds a table alone is a document's.
        let goes_on = k < repairs.len()
            && repairs[k - 1].number.len() == repairs[k].number.len()
            && continues(&repairs[k - 1].number, &repairs[k].number)
            && !with_text[k - 1];
        if goes_on {
            continue;
        }
        if k - start >= MIN_NUMBERED_LINES && !with_text[start..k].contains(&true) {
            keep[start..k].fill(false);
        }
        start = k;
    }
    for (c, _) in repairs.iter().zip(&keep).filter(|(_, kept)| !**kept) {
        log.decline_cited(
            NAME,
            rule(c.shape),
            blocks[c.block].span(),
            block_text(blocks, c),
            "one of three numbers or more that count up with no sentence in any of their \
             sections: a table's cells, not sections",
        );
    }
    repairs
        .into_iter()
        .zip(keep)
        .filter_map(|(c, kept)| kept.then_some(c))
        .collect()
}

/// A section holds text, though a document may leave one or two empty
/// ("5 Drawbacks" right before "6 Rationale"). Three numbers or more of one
/// depth, each following the one before at once with nothing between
/// ("1" / ", 1 August Muench" / "2" / "(AAS Journals Data Editors)" / "3"
/// / ...), number lines, not sections: whether each candidate is in such a
/// run.
fn numbered_lines(candidates: &[Candidate]) -> Vec<bool> {
    let end = |c: &Candidate| {
        c.block
            + match c.shape {
                Shape::Detached => 2,
                _ => 1,
            }
    };
    let follows = |a: &Candidate, b: &Candidate| {
        end(a) == b.block && a.number.len() == b.number.len() && continues(&a.number, &b.number)
    };
    let mut in_run = vec![false; candidates.len()];
    let mut start = 0;
    for k in 1..=candidates.len() {
        if k < candidates.len() && follows(&candidates[k - 1], &candidates[k]) {
            continue;
        }
        if k - start >= MIN_NUMBERED_LINES {
            in_run[start..k].fill(true);
        }
        start = k;
    }
    in_run
}

/// "1. Introduction": a heading written whole with a period after its
/// number.
fn written_with_period(blocks: &[Block], c: &Candidate) -> bool {
    one_line_text(&blocks[c.block]).is_some_and(|t| {
        t.split_whitespace()
            .next()
            .is_some_and(|first| first.ends_with('.'))
    })
}

fn rule(shape: Shape) -> &'static str {
    match shape {
        Shape::Detached => "detached-number",
        Shape::Glued(_) => "glued-number",
        Shape::Written | Shape::Bare => "numbered-heading",
    }
}

fn label(number: &[u32]) -> String {
    number
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

fn block_text(blocks: &[Block], c: &Candidate) -> String {
    let text = one_line_text(&blocks[c.block]).unwrap_or_default();
    match c.shape {
        Shape::Detached => {
            let title = blocks
                .get(c.block + 1)
                .and_then(title_text)
                .unwrap_or_default();
            format!("{text} / {title}")
        }
        _ => text,
    }
}

fn repair(doc: &mut Document, c: &Candidate, log: &mut RepairLog) {
    let evidence = format!(
        "section {} continues the document's own numbering",
        label(&c.number)
    );
    match c.shape {
        Shape::Detached => {
            let number = one_line_text(&doc.blocks[c.block]).unwrap_or_default();
            let title = doc
                .blocks
                .get(c.block + 1)
                .and_then(title_text)
                .unwrap_or_default();
            let span = doc.blocks[c.block]
                .span()
                .join(doc.blocks[c.block + 1].span());
            if !log.approve_cited(
                NAME,
                rule(c.shape),
                span,
                format!("{number} / {title}"),
                format!("{} {number} {title}", marks(c)),
                evidence,
            ) {
                return;
            }
            let title_block = doc.blocks.remove(c.block + 1);
            let Block::Paragraph { content: title, .. } = title_block else {
                unreachable!("a candidate's title is a paragraph");
            };
            let Some(content) = doc.blocks[c.block].inlines_mut() else {
                unreachable!("a candidate is a paragraph");
            };
            let mut content = std::mem::take(content);
            content.push(Inline::Space);
            content.extend(title.into_iter().map(|i| match i {
                Inline::SoftBreak => Inline::Space,
                other => other,
            }));
            doc.blocks[c.block] = Block::heading(level(c), content, span);
        }
        Shape::Glued(at) => {
            let span = doc.blocks[c.block].span();
            let Some(content) = doc.blocks[c.block].inlines_mut() else {
                return;
            };
            let Some((index, word)) = first_text(content) else {
                return;
            };
            let (number, title) = word.split_at(at);
            let (number, title) = (number.to_string(), title.to_string());
            if !log.approve_cited(
                NAME,
                rule(c.shape),
                span,
                word.to_string(),
                format!("{} {number} {title}", marks(c)),
                evidence,
            ) {
                return;
            }
            content.splice(
                index..=index,
                [Inline::Text(number), Inline::Space, Inline::Text(title)],
            );
            let content = std::mem::take(content);
            doc.blocks[c.block] = Block::heading(level(c), content, span);
        }
        Shape::Written | Shape::Bare => {}
    }
}

/// A repaired number makes its block a heading, one level per part of the
/// number (`2.1` is level 2), as the numbering itself says.
fn level(c: &Candidate) -> u8 {
    c.number.len().clamp(1, MAX_DEPTH) as u8
}

/// The heading's level as Markdown marks, for the log.
fn marks(c: &Candidate) -> String {
    "#".repeat(level(c) as usize)
}

/// The first text inline of a block (markers before it are zero-width).
fn first_text(content: &[Inline]) -> Option<(usize, &str)> {
    content
        .iter()
        .enumerate()
        .find_map(|(i, inline)| match inline {
            Inline::Text(t) => Some((i, t.as_str())),
            Inline::PageMarker(_) => None,
            _ => Some((i, "")),
        })
        .filter(|(_, t)| !t.is_empty())
}

fn candidates(blocks: &[Block]) -> Vec<Candidate> {
    // Read only once a title opens with a letter: most documents have none.
    let labels = std::cell::OnceCell::new();
    let series_label = |l: char| labels.get_or_init(|| letter_labels(blocks)).contains(&l);
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let Some(text) = one_line_text(block) else {
            continue;
        };
        if let Some(number) = bare_number(&text) {
            let titled = blocks
                .get(i + 1)
                .and_then(title_text)
                .is_some_and(|t| is_section_title(&t, &series_label));
            out.push(Candidate {
                block: i,
                number,
                shape: if titled { Shape::Detached } else { Shape::Bare },
            });
            continue;
        }
        let first = text.split_whitespace().next().unwrap_or("");
        if let Some((number, at)) = glued_number(first) {
            // The same number glued to other words of the line ("5Mose 5Mos
            // 5Mo Deuteronomium") makes a row of names, not a title: a
            // section number stands once.
            let prefix = &first[..at];
            let repeated = text.split_whitespace().skip(1).any(|w| {
                w.strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with(char::is_alphabetic))
            });
            if !repeated && is_heading_text(&text[at..]) && !is_cut_sentence(&text[at..]) {
                out.push(Candidate {
                    block: i,
                    number,
                    shape: Shape::Glued(at),
                });
            }
            continue;
        }
        if let Some(number) = bare_number(first.trim_end_matches('.')) {
            let rest = text[first.len()..].trim_start();
            if !rest.is_empty() && is_heading_text(rest) {
                out.push(Candidate {
                    block: i,
                    number,
                    shape: Shape::Written,
                });
            }
        }
    }
    out
}

/// A title set apart from its number: short, not a sentence, not another
/// number. Unlike a heading guessed from its shape alone it may start in
/// lower case or quote code (`1.1 opt-level`, `4.3.2 kind == "module"`):
/// the numbering is the evidence here, not the look of the line.
/// `series_label` tells whether a letter labels the document's lines as a
/// series does (see [`letter_labels`]).
fn is_section_title(t: &str, series_label: &dyn Fn(char) -> bool) -> bool {
    let words = t.split_whitespace().count();
    (1..=MAX_TITLE_WORDS).contains(&words)
        && has_word_of_letters(t)
        && !ends_sentence(t)
        && !t.ends_with([',', '-', '–', '—'])
        && !t.starts_with(|c: char| c.is_ascii_digit())
        && !t.starts_with([',', ';', ':', '!', '?', ')', ']', '}'])
        && !starts_with_bullet(t)
        && !numbered_by_itself(t)
        && !letter_label(t).is_some_and(series_label)
        && !is_cut_sentence(t)
        && !UNNUMBERED_TITLES.contains(&t.to_lowercase().as_str())
        // A numbered line of a listing ("6" / "\\tl_new:N \\l__dept_tl",
        // "9" / "%Important: ..."): code, a TeX command, its arguments or a
        // TeX comment open no title.
        && !t.starts_with(['\\', '%'])
        && !t.contains(['{', '}'])
        && !is_code_line(t)
        // A text that closes a bracket it never opened ("module for
        // Occitan]") goes on from a line before it: the rest of a
        // listing's line or of a sentence.
        && super::regions::bracket_depth(t).1 >= 0
}

/// A word of three letters or more, or of two ideographs ("背景").
fn has_word_of_three_letters(t: &str) -> bool {
    t.split(|c: char| !c.is_alphabetic()).any(|run| {
        let n = run.chars().count();
        n >= 3 || (n == 2 && run.chars().all(|c| c >= '\u{2E80}'))
    })
}

/// Two capital letters and nothing else ("ID", "IO").
fn is_acronym(t: &str) -> bool {
    t.chars().count() == 2 && t.chars().all(|c| c.is_ascii_uppercase())
}

/// A list item's mark, never a section title's start: "•", or "-" and a
/// space ("-C my-flag" is an option's name).
fn starts_with_bullet(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some('•' | '◦' | '▪' | '‣' | '∙' | '●' | '○' | '■' | '□') => true,
        Some('-' | '*' | '–' | '—') => chars.next().is_some_and(char::is_whitespace),
        _ => false,
    }
}

/// Titles a document never numbers: a number before one is a page number
/// ("2" / "Contents").
const UNNUMBERED_TITLES: &[&str] = &[
    "contents",
    "table of contents",
    "list of figures",
    "list of tables",
];

/// Words that name a numbered unit, whose own number follows them
/// ("Appendix C", "Chapter 2", "Figure 2:", "Act II").
const NUMBERED_UNITS: &[&str] = &[
    "act", "appendix", "book", "chapter", "fig.", "figure", "lecture", "part", "scene", "section",
    "table", "volume",
];

/// A title that carries its own number, so the number before it is some
/// other count (a page, a table of contents' page column): "Appendix C",
/// "Chapter 2", "Figure 2: aligned", "II Preliminaries".
fn numbered_by_itself(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next();
    let is_roman =
        |w: &str| w.len() <= 4 && !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let is_label = |w: &str| {
        let w = w.trim_end_matches([':', '.']);
        is_roman(w)
            || w.chars().all(|c| c.is_ascii_digit() || c == '.')
            || (w.chars().count() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    (NUMBERED_UNITS.contains(&first.to_lowercase().as_str()) && second.is_some_and(is_label))
        || (is_roman(first.trim_end_matches('.')) && second.is_some())
}

/// The capital letter that opens a line as a label before a capitalised
/// word ("A Miscellaneous macros", "B Block macros"), if it does.
fn letter_label(t: &str) -> Option<char> {
    let mut words = t.split_whitespace();
    let mut first = words.next()?.chars();
    let letter = first.next().filter(char::is_ascii_uppercase)?;
    let second = words.next()?;
    (first.next().is_none() && second.starts_with(char::is_uppercase)).then_some(letter)
}

/// The letters that label lines of the document as a series does
/// (appendices "A Miscellaneous macros", "B Block macros", in their
/// headings or a table of contents): a letter opening a line before a
/// capitalised word where the letter before or after it opens another.
/// Such a title carries its own label, and a number before it (a page's,
/// "5" / "A Miscellaneous macros") is none of its; alone, "A Rogues'
/// Gallery" or "C Interfaces" is a title like any other.
fn letter_labels(blocks: &[Block]) -> HashSet<char> {
    let mut seen = HashSet::default();
    for block in blocks {
        if let Block::Paragraph { content, .. } | Block::Heading { content, .. } = block {
            for line in content.split(|c| matches!(c, Inline::SoftBreak | Inline::LineBreak)) {
                if let Some(l) = letter_label(&plain_text(line)) {
                    seen.insert(l);
                }
            }
        }
    }
    let neighbour = |l: char, step: i32| char::from_u32((l as i32 + step) as u32);
    seen.iter()
        .copied()
        .filter(|&l| {
            [-1, 1]
                .into_iter()
                .any(|step| neighbour(l, step).is_some_and(|n| seen.contains(&n)))
        })
        .collect()
}

/// A line that stops on a word that ends no title, that starts with a
/// function word in lower case ("will be opened"), or with a pronoun and
/// its verb ("This is similar to how pgf handles this", a footnote glued
/// to its mark): a piece of a sentence.
fn is_cut_sentence(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    ends_on_cut_word(t)
        || (first.starts_with(|c: char| c.is_lowercase()) && is_function_word(first))
        || opens_with_subject(t)
}

/// The text of a paragraph that is one line, else `None`.
fn one_line_text(block: &Block) -> Option<String> {
    let Block::Paragraph { content, .. } = block else {
        return None;
    };
    if content
        .iter()
        .any(|c| matches!(c, Inline::SoftBreak | Inline::LineBreak))
    {
        return None;
    }
    Some(plain_text(content))
}

/// The text of a paragraph that can be a title: at most
/// [`MAX_TITLE_LINES`] wrapped lines.
fn title_text(block: &Block) -> Option<String> {
    let Block::Paragraph { content, .. } = block else {
        return None;
    };
    let breaks = content
        .iter()
        .filter(|c| matches!(c, Inline::SoftBreak))
        .count();
    let hard = content.iter().any(|c| matches!(c, Inline::LineBreak));
    (!hard && breaks < MAX_TITLE_LINES).then(|| plain_text(content))
}

/// `2`, `2.1`, `1.1.3`: a section number alone, without the trailing
/// period of a list marker (`2.` numbers list items more often than
/// sections).
fn bare_number(t: &str) -> Option<Vec<u32>> {
    let t = t.trim();
    if t.is_empty() || t.ends_with('.') {
        return None;
    }
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() > MAX_DEPTH {
        return None;
    }
    parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect()
}

/// `2Motivation`, `2.1Status`: a number glued to a capitalised word (a
/// capital and a lower-case letter, so that `3D` or `2FA` stay whole).
/// Returns the number and its length in bytes.
fn glued_number(word: &str) -> Option<(Vec<u32>, usize)> {
    let at = word.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let (number, rest) = word.split_at(at);
    let mut chars = rest.chars();
    let (first, second) = (chars.next()?, chars.next()?);
    if !(first.is_uppercase() && second.is_lowercase()) {
        return None;
    }
    Some((bare_number(number)?, at))
}

/// Whether `next` can follow `previous` in a section numbering: the next
/// section at the same or a higher level (`2.3` -> `2.4`, `2.3` -> `3`),
/// or the first subsection (`2` -> `2.1`).
fn continues(previous: &[u32], next: &[u32]) -> bool {
    if next.len() == previous.len() + 1 {
        return next[..previous.len()] == *previous && next[previous.len()] == 1;
    }
    if next.is_empty() || next.len() > previous.len() {
        return false;
    }
    let k = next.len() - 1;
    next[..k] == previous[..k] && next[k] == previous[k] + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, inlines_from_text};

    fn para(t: &str) -> Block {
        Block::paragraph(inlines_from_text(t), Span::default())
    }

    fn repaired(blocks: &[&str]) -> (Vec<String>, RepairLog) {
        let mut doc = Document {
            blocks: blocks.iter().map(|b| para(b)).collect(),
            ..Document::default()
        };
        let mut log = RepairLog::default();
        run(&mut doc, &mut log);
        (doc.blocks.iter().map(Block::plain_text).collect(), log)
    }

    #[test]
    fn numbering_continues_and_subsections_start_at_one() {
        assert!(continues(&[1], &[2]));
        assert!(continues(&[1], &[1, 1]));
        assert!(continues(&[2, 3], &[3]));
        assert!(continues(&[2, 3], &[2, 4]));
        assert!(continues(&[1, 1, 2], &[1, 2]));
        assert!(!continues(&[1], &[1]));
        assert!(!continues(&[1], &[3]));
        assert!(!continues(&[1], &[1, 2]));
        assert!(!continues(&[2, 3], &[2, 3, 2]));
    }

    #[test]
    fn a_symbol_after_a_number_is_no_title() {
        // "4" / "%": the "%" that opens a listing is no section title, so
        // the "4" stays alone (it still carries the numbering on from "3").
        let (blocks, log) =
            repaired(&["3", "Data Structures", "Some text.", "4", "%", "More text."]);
        assert_eq!(
            blocks,
            ["3 Data Structures", "Some text.", "4", "%", "More text."]
        );
        assert_eq!(log.applied(), 1);
    }

    /// A numbered listing's line whose text went on to the next line
    /// ("2 \ProvidesFile{...}[... polyglossia:" / "3" / "module for
    /// Occitan]"): the text after the bare "3" closes a bracket it never
    /// opened, so it goes on from before and is no title.
    #[test]
    fn a_line_closing_a_bracket_it_never_opened_is_no_title() {
        let rows = [
            "1",
            "Usage",
            "Text.",
            "2",
            "module for Occitan]",
            "More text.",
        ];
        let (blocks, log) = repaired(&rows);
        assert_eq!(
            blocks,
            ["1 Usage", "Text.", "2", "module for Occitan]", "More text."]
        );
        assert_eq!(log.applied(), 1);
        // A title may hold brackets of its own.
        let (blocks, _) = repaired(&["1", "Usage", "Text.", "2", "Options (advanced)", "More."]);
        assert_eq!(
            blocks,
            ["1 Usage", "Text.", "2 Options (advanced)", "More."]
        );
    }

    /// A label under a number (a figure's "AC161", a formula's "dy") is no
    /// title: no heading is made, but the number keeps its place in the
    /// numbering. An acronym alone is a title ("4.1 ID").
    #[test]
    fn a_label_under_a_number_is_no_title() {
        let (blocks, log) = repaired(&[
            "1",
            "Overview",
            "Some text.",
            "2",
            "AC161",
            "More text.",
            "3",
            "Results",
            "End.",
        ]);
        assert_eq!(
            blocks,
            [
                "1 Overview",
                "Some text.",
                "2",
                "AC161",
                "More text.",
                "3 Results",
                "End."
            ]
        );
        assert_eq!(log.applied(), 2, "{:?}", log.changes);
        let (blocks, _) = repaired(&["4", "Types", "Some text.", "4.1", "ID", "More text."]);
        assert_eq!(blocks, ["4 Types", "Some text.", "4.1 ID", "More text."]);
    }

    /// A table of contents gives each title its page number on a line of
    /// its own; the page numbers count up too ("23", "24"), but the
    /// titles' numbering ("6", "7", "8") is the document's, and a part's
    /// label after a page number ("23" / "II") opens no section 23.
    #[test]
    fn page_numbers_in_a_table_of_contents_number_no_section() {
        let toc = [
            "6 Writing files",
            "22",
            "7 Pretty printing",
            "23",
            "8 Known problems",
            "23",
            "II",
            "24",
            "Package fancyvrb-ex",
            "10 Example environment",
            "24",
        ];
        let (blocks, log) = repaired(&toc);
        assert_eq!(blocks, toc);
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
    }

    /// The body after a table of contents numbers its sections from 1
    /// again: where the next two titles follow it, the numbering restarts.
    #[test]
    fn the_body_after_the_contents_starts_the_numbering_again() {
        let (blocks, log) = repaired(&[
            "1 Introduction",
            "3",
            "2 Basics",
            "5",
            "1",
            "Introduction",
            "Text.",
            "1.1",
            "Presentation",
            "Text.",
            "1.2",
            "The fp package",
            "Text.",
        ]);
        assert_eq!(
            blocks[4..],
            [
                "1 Introduction",
                "Text.",
                "1.1 Presentation",
                "Text.",
                "1.2 The fp package",
                "Text."
            ]
        );
        assert_eq!(log.applied(), 3, "{:?}", log.changes);
    }

    /// A listing numbers its lines as a document numbers its sections:
    /// a line of code, a TeX command or a TeX comment after a number is
    /// the listing's line, never a section title.
    #[test]
    fn a_numbered_line_of_code_is_no_section() {
        for code in [
            "\\tl_new:N \\l__pkg_dept_tl",
            "%Important: empty first optional argument",
            "\\author*{Jane Doe}{jane@example.org}",
        ] {
            let (blocks, log) = repaired(&["1", "Overview", "Some text.", "2", code, "More text."]);
            assert_eq!(
                blocks,
                ["1 Overview", "Some text.", "2", code, "More text."],
                "{code}"
            );
            assert_eq!(log.applied(), 1, "{:?}", log.changes);
        }
    }

    /// Page numbers count up as section numbers do; what stands after one
    /// is no title when it carries its own number ("Appendix C"), opens a
    /// list item ("•"), is a title no document numbers ("Contents") or is
    /// a piece of a sentence ("the rule to produce a given tree is").
    #[test]
    fn a_page_number_before_text_that_is_no_title_stays_alone() {
        for not_title in [
            "Appendix C",
            "II Preliminaries",
            "Figure 2: aligned environment",
            "• The Concrete text fonts",
            "Contents",
            "In sum, then, the rule to produce a given tree is",
            "will be opened",
        ] {
            let (blocks, log) = repaired(&["1", "Introduction", "Text.", "2", not_title, "3"]);
            assert_eq!(blocks[1..3], ["Text.", "2"], "{not_title}");
            assert_eq!(log.applied(), 1, "{not_title}");
        }
        // An option's name is a title; so is one that starts with "A".
        for title in ["-C my-flag", "A Rogues’ Gallery of derivatives"] {
            let (blocks, _) = repaired(&["1", "Introduction", "Text.", "2", title, "3"]);
            assert_eq!(blocks[1..3], ["Text.".to_string(), format!("2 {title}")]);
        }
    }

    /// A title whose letter labels it in a series the document writes ("A
    /// Miscellaneous macros" beside "B Block macros") carries its own
    /// label: the page number before it stays a number. Without the
    /// series, "A" opens a title as a word.
    #[test]
    fn a_title_labelled_by_a_letter_of_a_series_takes_no_number() {
        let doc = |last: &str| {
            repaired(&[
                "3",
                "Usage",
                "Text.",
                "4",
                "Files",
                "Text.",
                "5",
                "A Miscellaneous macros",
                "Text.",
                last,
                "Text.",
            ])
        };
        let (blocks, _) = doc("B Block macros");
        assert!(
            blocks.contains(&"A Miscellaneous macros".to_string()),
            "{blocks:?}"
        );
        assert!(blocks.contains(&"5".to_string()), "{blocks:?}");
        let (blocks, _) = doc("Closing words");
        assert!(
            blocks.contains(&"5 A Miscellaneous macros".to_string()),
            "{blocks:?}"
        );
        assert_eq!(letter_label("B Block macros"), Some('B'));
        assert_eq!(letter_label("Bb Block"), None);
        assert_eq!(letter_label("A small subset"), None);
    }

    /// A number glued to several words of a line ("5Mose 5Mos 5Mo") names
    /// things in a table; a section number stands once.
    #[test]
    fn a_column_of_numbered_cells_is_no_run_of_sections() {
        // SQLite's table of type names extracted a cell to a block: the
        // rule's number, then the next row's names, no sentence anywhere.
        let lines = [
            "The table shows how type names map to affinities.",
            "1",
            "INT2",
            "INT8",
            "TEXT",
            "2",
            "BLOB",
            "no datatype specified",
            "3",
            "REAL",
            "DOUBLE",
            "4",
            "NUMERIC",
            "DECIMAL(10,5)",
        ];
        let (blocks, log) = repaired(&lines);
        assert_eq!(blocks, lines);
        assert_eq!(log.applied(), 0);
        // Sections of one short sentence each are a document's.
        let (blocks, log) = repaired(&[
            "1",
            "Scope",
            "It is short.",
            "2",
            "Terms",
            "See RFC 2119.",
            "3",
            "Usage",
            "Run it.",
        ]);
        assert_eq!(blocks[0], "1 Scope");
        assert_eq!(log.applied(), 3);
    }

    #[test]
    fn numbers_that_follow_each_other_with_no_text_between_number_lines() {
        // A draft's line numbers beside its author block: three numbers in
        // a row, each right after the one before.
        let lines = [
            "1",
            ", 1 August Muench",
            "2",
            "(AAS Journals Data Editors)",
            "3",
            "Butler Burton and Amy Hendrickson",
            "4",
            "1 American Astronomical Society",
            "Text.",
        ];
        let (blocks, log) = repaired(&lines);
        assert_eq!(blocks, lines);
        assert_eq!(log.applied(), 0);
        // Two empty sections in a row are a document's own ("5 Drawbacks"
        // with nothing under it).
        let (blocks, log) = repaired(&[
            "4",
            "Design",
            "Text.",
            "5",
            "Drawbacks",
            "6",
            "Rationale",
            "Text.",
        ]);
        assert_eq!(
            blocks[1..],
            ["Text.", "5 Drawbacks", "6 Rationale", "Text."]
        );
        assert_eq!(log.applied(), 3);
    }

    #[test]
    fn after_a_heading_written_with_a_period_a_bare_number_is_none() {
        // elsarticle's "1. Introduction", then a page number and an
        // equation's fragment: "2" / "An".
        let (blocks, log) = repaired(&["1. Introduction", "Text.", "2", "An", "Text."]);
        assert_eq!(blocks, ["1. Introduction", "Text.", "2", "An", "Text."]);
        assert_eq!(log.applied(), 0);
        // Written without one, the numbering goes on as before.
        let (blocks, _) = repaired(&["1 Introduction", "Text.", "2", "Methods", "Text."]);
        assert_eq!(blocks[2], "2 Methods");
    }

    #[test]
    fn a_title_never_opens_with_a_comma() {
        let (blocks, _) = repaired(&["1", ", 1 August Muench", "Text.", "2", "Methods", "Text."]);
        assert_eq!(blocks[..2], ["1", ", 1 August Muench"]);
    }

    #[test]
    fn a_number_glued_to_several_words_is_no_section_number() {
        let rows = [
            "1Usage",
            "Text.",
            "2Details",
            "Text.",
            "3Mose 3Mos 3Mo Levitikus",
            "4Mose 4Mos 4Mo Numeri",
        ];
        let (blocks, log) = repaired(&rows);
        assert_eq!(
            blocks[4..],
            ["3Mose 3Mos 3Mo Levitikus", "4Mose 4Mos 4Mo Numeri"]
        );
        assert_eq!(log.applied(), 2);
    }

    /// A footnote glued to its mark ("2This is similar to how pgf handles
    /// this") opens with a sentence's subject and verb: no section 2.
    #[test]
    fn a_footnote_glued_to_its_mark_is_no_section() {
        let rows = [
            "1Usage",
            "Text.",
            "2This is similar to how pgf handles this resources",
            "2Details",
        ];
        let (blocks, log) = repaired(&rows);
        assert_eq!(
            blocks,
            [
                "1 Usage",
                "Text.",
                "2This is similar to how pgf handles this resources",
                "2 Details"
            ]
        );
        assert_eq!(log.applied(), 2);
    }

    #[test]
    fn a_number_set_apart_from_its_title_comes_back_to_it() {
        let (blocks, log) = repaired(&[
            "Intro text.",
            "1",
            "Dep-info files",
            "Some text.",
            "2",
            "Shared cache",
            "More text.",
        ]);
        assert_eq!(
            blocks,
            [
                "Intro text.",
                "1 Dep-info files",
                "Some text.",
                "2 Shared cache",
                "More text."
            ]
        );
        assert_eq!(log.applied(), 2);
    }

    #[test]
    fn a_number_glued_to_its_title_gets_its_space() {
        let (blocks, _) = repaired(&[
            "1Summary",
            "Text.",
            "2Motivation",
            "2.1 Status Quo",
            "Text.",
            "3Guide-level explanation",
        ]);
        assert_eq!(
            blocks,
            [
                "1 Summary",
                "Text.",
                "2 Motivation",
                "2.1 Status Quo",
                "Text.",
                "3 Guide-level explanation"
            ]
        );
    }

    #[test]
    fn numbers_outside_the_numbering_stay_where_they_are() {
        // A page number before a short line, a table cell, a lone section
        // without a second one to confirm it: all kept, all logged.
        let (blocks, log) = repaired(&["Text.", "7", "Directory", "More text."]);
        assert_eq!(blocks, ["Text.", "7", "Directory", "More text."]);
        assert_eq!(log.applied(), 0);
        assert!(log.changes.iter().any(|c| c.declined));

        let (blocks, _) = repaired(&["1", "Overview", "Text.", "2", "Details", "1", "Note"]);
        assert_eq!(blocks, ["1 Overview", "Text.", "2 Details", "1", "Note"]);
    }

    #[test]
    fn a_repaired_number_makes_a_heading_of_its_level_even_in_lower_case() {
        let mut doc = Document {
            blocks: [
                "1",
                "Profile settings",
                "Text.",
                "1.1",
                "opt-level",
                "Text.",
            ]
            .iter()
            .map(|b| para(b))
            .collect(),
            ..Document::default()
        };
        run(&mut doc, &mut RepairLog::default());
        let headings: Vec<(u8, String)> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, content, .. } => Some((*level, plain_text(content))),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                (1, "1 Profile settings".into()),
                (2, "1.1 opt-level".into())
            ]
        );
    }

    #[test]
    fn a_number_whose_title_moved_away_still_carries_the_numbering() {
        let (blocks, _) = repaired(&[
            "2.1",
            "dev",
            "Text.",
            "2.2",
            "# Platform-specific.",
            "debug",
            "2.3",
            "release",
        ]);
        assert_eq!(
            blocks,
            [
                "2.1 dev",
                "Text.",
                "2.2",
                "# Platform-specific.",
                "debug",
                "2.3 release"
            ]
        );
    }

    #[test]
    fn list_markers_and_glued_abbreviations_are_not_section_numbers() {
        let (blocks, _) = repaired(&["1.", "Start", "2.", "Split", "3D Printing", "4G Networks"]);
        assert_eq!(
            blocks,
            ["1.", "Start", "2.", "Split", "3D Printing", "4G Networks"]
        );
    }

    #[test]
    fn a_title_wrapped_on_two_lines_joins_its_number() {
        let (blocks, _) = repaired(&[
            "3",
            "Uploading",
            "4",
            "Publishing a new version of an existing\ncrate",
        ]);
        assert_eq!(
            blocks,
            [
                "3 Uploading",
                "4 Publishing a new version of an existing crate"
            ]
        );
    }
}
