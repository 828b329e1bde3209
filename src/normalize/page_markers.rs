//! Page markers: where each printed page of the source began, kept in the
//! text so that the editions can cite the source's pages (an EPUB page list,
//! `fpage`/`lpage` in JATS, `[p. 12]` in the text edition).
//!
//! `page-artifacts` finds the pages and their printed labels and leaves them
//! on the lines ([`Line::page_starts`]); the block builder
//! ([`super::lines::into_document`]) turns each into an
//! [`Inline::PageMarker`](crate::model::Inline::PageMarker) at the first
//! word of its page, or after the rejoined word when a word was broken
//! across the page. This pass runs once the lines are final and logs every
//! marker with where it stands and what its label rests on: the page's own
//! printed number, or a count from its neighbours when the page printed
//! none. A marker the editor rejects is not set. Skipping the pass
//! (`--skip page-markers`) sets none.
//!
//! Markers are zero-width: no word is changed, and the token passes work
//! on the text around them as if they were not there (see
//! [`super::inline_walk::for_each_inlines`]).

use super::lines::Line;
use super::{Pass, RepairLog, Stage};
use crate::model::{Block, Inline};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "mark where each printed page of the source begins, with its printed number",
    stage: Stage::Lines(run),
};

pub const NAME: &str = "page-markers";

/// Words of context shown around a marker in the log.
const CONTEXT_WORDS: usize = 4;

// The signature every line pass shares (`Stage::Lines`); no line is added
// or removed.
#[allow(clippy::ptr_arg)]
pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let mut previous: Option<usize> = None;
    for i in 0..lines.len() {
        if lines[i].is_blank() {
            continue;
        }
        let glued = previous.is_some_and(|p| lines[p].glue && lines[p].kind.is_prose());
        if !lines[i].page_starts.is_empty() {
            let (before, after_marker) = context(lines, i, previous, glued);
            let starts = std::mem::take(&mut lines[i].page_starts);
            for start in starts {
                let (rule, evidence) = if start.printed {
                    (
                        "printed-page",
                        format!(
                            "page {} printed its number at its edge (removed as furniture)",
                            start.label
                        ),
                    )
                } else {
                    (
                        "counted-page",
                        format!(
                            "the page printed no number: {} is counted from its neighbours",
                            start.label
                        ),
                    )
                };
                let after = after_marker(&start.label);
                if log.approve_cited(NAME, rule, lines[i].span(), &before, after, evidence) {
                    lines[i].page_starts.push(start);
                }
            }
        }
        previous = Some(i);
    }
}

/// The text around the marker on line `i`, as the log shows it: the words
/// as they stand, and a function that writes them with the marker in
/// place.
fn context(
    lines: &[Line],
    i: usize,
    previous: Option<usize>,
    glued: bool,
) -> (String, impl Fn(&str) -> String + use<>) {
    let line = &lines[i];
    let words: Vec<&str> = line.trimmed().split_whitespace().collect();
    let (head, rest): (String, Vec<&str>) = if !line.kind.is_prose() {
        // Verbatim text holds no marker: it stands with the prose before.
        (format!("({} line)", line.kind.name()), words)
    } else if glued {
        let broken = previous
            .and_then(|p| lines[p].trimmed().split_whitespace().last())
            .unwrap_or("");
        let first = words.first().copied().unwrap_or("");
        (
            format!("{broken}{first}"),
            words.into_iter().skip(1).collect(),
        )
    } else {
        (String::new(), words)
    };
    let shown: Vec<&str> = rest.into_iter().take(CONTEXT_WORDS).collect();
    let tail = shown.join(" ");
    let before = [head.as_str(), tail.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let verbatim = !line.kind.is_prose();
    let after = move |label: &str| {
        let marker = format!("[p. {label}]");
        if verbatim {
            format!("{marker} before the {head} {tail}")
        } else if head.is_empty() {
            format!("{marker} {tail}")
        } else {
            format!("{head} {marker} {tail}")
        }
        .trim_end()
        .to_string()
    };
    (before, after)
}

/// The page markers of `blocks` in order, at any depth.
pub fn collect(blocks: &[Block]) -> Vec<Inline> {
    fn inlines(list: &[Inline], out: &mut Vec<Inline>) {
        for i in list {
            match i {
                Inline::PageMarker(_) => out.push(i.clone()),
                other => inlines(other.children().unwrap_or_default(), out),
            }
        }
    }
    let mut out = Vec::new();
    for b in blocks {
        if let Some(list) = b.inlines() {
            inlines(list, &mut out);
        }
        out.extend(collect_owned(b.children()));
    }
    out
}

fn collect_owned(children: Vec<&Block>) -> Vec<Inline> {
    children
        .into_iter()
        .flat_map(|b| collect(std::slice::from_ref(b)))
        .collect()
}

/// Removes the page markers at the top level of `inlines`, returning them.
pub fn take_from(inlines: &mut Vec<Inline>) -> Vec<Inline> {
    let (markers, rest) = std::mem::take(inlines)
        .into_iter()
        .partition(|i| matches!(i, Inline::PageMarker(_)));
    *inlines = rest;
    markers
}

/// Removes the page markers that open `inlines`, returning them.
pub fn take_leading(inlines: &mut Vec<Inline>) -> Vec<Inline> {
    let n = inlines
        .iter()
        .take_while(|i| matches!(i, Inline::PageMarker(_)))
        .count();
    inlines.drain(..n).collect()
}

/// Sets `markers` before the first word of the first block that holds
/// inline text.
pub fn prepend(blocks: &mut [Block], markers: Vec<Inline>) {
    if markers.is_empty() {
        return;
    }
    if let Some(inlines) = blocks.iter_mut().find_map(Block::inlines_mut) {
        inlines.splice(0..0, markers);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::{PageStart, into_document, split};

    fn start(label: &str, printed: bool) -> PageStart {
        PageStart {
            label: label.into(),
            printed,
        }
    }

    #[test]
    fn a_marker_stands_before_the_first_word_of_its_page() {
        let mut lines = split("the last words\nof page one");
        lines[1].page_starts.push(start("2", true));
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        let doc = into_document(&lines);
        assert_eq!(doc.blocks.len(), 1);
        let Block::Paragraph { content, .. } = &doc.blocks[0] else {
            panic!()
        };
        assert_eq!(
            crate::normalize::inline_walk::words_and_markers(content),
            ["the", "last", "words", "[2]", "of", "page", "one"]
        );
        assert_eq!(log.changes.len(), 1);
        let c = &log.changes[0];
        assert_eq!((c.pass, c.rule), (NAME, "printed-page"));
        assert_eq!(c.after, "[p. 2] of page one");
        assert!(c.evidence.as_deref().unwrap().contains("printed"));
    }

    #[test]
    fn after_a_word_broken_across_the_page_the_marker_follows_the_whole_word() {
        let mut lines = split("a close rela\ntionship of pages");
        lines[0].glue = true;
        lines[1].page_starts.push(start("iv", false));
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        let doc = into_document(&lines);
        let content = doc.blocks[0].inlines().unwrap();
        let mut content = content.to_vec();
        crate::model::canonicalize(&mut content);
        assert_eq!(
            crate::normalize::inline_walk::words_and_markers(&content),
            ["a", "close", "relationship", "[iv]", "of", "pages"]
        );
        let c = &log.changes[0];
        assert_eq!(c.rule, "counted-page");
        assert_eq!(c.after, "relationship [p. iv] of pages");
        assert!(c.evidence.as_deref().unwrap().contains("counted"));
    }

    #[test]
    fn a_rejected_marker_is_not_set() {
        let mut lines = split("one\ntwo");
        lines[1].page_starts.push(start("5", true));
        let mut log = RepairLog::default();
        run(&mut lines.clone(), &mut log);
        let mut log = RepairLog::with_rejected([log.changes[0].id()].into());
        run(&mut lines, &mut log);
        assert!(lines[1].page_starts.is_empty());
        let doc = into_document(&lines);
        assert!(
            !doc.blocks[0]
                .inlines()
                .unwrap()
                .iter()
                .any(|i| matches!(i, Inline::PageMarker(_)))
        );
    }

    #[test]
    fn a_page_that_starts_in_a_listing_is_marked_before_it() {
        let mut lines = split("Text before:\n    code()\n    more()\nAfter.");
        for l in &mut lines[1..3] {
            l.kind = crate::normalize::lines::LineKind::Code;
        }
        lines[2].page_starts.push(start("8", true));
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        let doc = into_document(&lines);
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(
            doc.blocks[0].inlines().unwrap().last(),
            Some(&Inline::PageMarker("8".into()))
        );
        assert_eq!(doc.blocks[1].plain_text(), "code()\nmore()");
        assert!(log.changes[0].after.contains("before the (code line)"));
    }

    #[test]
    fn markers_never_make_a_paragraph_of_their_own() {
        let mut lines = split("&\n\"\n");
        for l in &mut lines {
            l.kind = crate::normalize::lines::LineKind::Code;
        }
        lines[0].page_starts.push(start("1", true));
        lines[1].page_starts.push(start("2", true));
        let doc = into_document(&lines);
        assert_eq!(doc.blocks.len(), 1, "{:?}", doc.blocks);
        assert!(matches!(doc.blocks[0], Block::CodeBlock { .. }));
    }
}
