//! Heading levels: a heading sits at most one level below the heading it
//! belongs to.
//!
//! `structure` reads a heading's level from its number ("2.3.1 Scope" is
//! level 3), and Markdown from its `#`s; both can skip a level ("1.1.1"
//! right under "1 Introduction" when the extract lost "1.1", `#` then
//! `###`). Every edition shows the outline the levels make: EPUB and HTML
//! `h1`..`h6`, the PDF's `H1`..`H6` tags and bookmarks, JATS `sec` nesting.
//! A skipped level breaks that outline for assistive technology (WCAG 1.3.1,
//! axe `heading-order`, Matterhorn 14-003), so a heading that skips is set
//! one level below its parent, the nearest heading before it with a lower
//! level as found, which is the evidence each edit names. Headings keep
//! their text (and number) as written; only the level changes. Headings
//! under the same parent keep their order among themselves: two "1.1.1"
//! headings under "1" both become level 2, siblings, as they were.
//!
//! Headings inside lists, quotes and end matter are outside the section
//! structure and are left alone.

use crate::model::{Block, Document, plain_text};

use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "keep heading levels from skipping one (a level-3 heading right under level 1 becomes 2)",
    stage: Stage::Tree(run),
};

pub const NAME: &str = "heading-levels";

/// A heading whose section is still open: its level as found, the level
/// it was given, and its text (the evidence for the headings under it).
struct Open {
    found: u8,
    set: u8,
    text: String,
}

pub fn run(doc: &mut Document, log: &mut RepairLog) {
    let mut open: Vec<Open> = Vec::new();
    for block in &mut doc.blocks {
        let Block::Heading {
            level,
            content,
            span,
            ..
        } = block
        else {
            continue;
        };
        // Out-of-range levels count as the nearest valid one, as in
        // `model::sections`.
        let found = (*level).clamp(1, 6);
        while open.last().is_some_and(|o| o.found >= found) {
            open.pop();
        }
        let text = plain_text(content);
        let mut set = found;
        if let Some(parent) = open.last()
            && found > parent.set + 1
        {
            let wanted = parent.set + 1;
            let shown = |l: u8| format!("{} {text}", "#".repeat(usize::from(l)));
            let evidence = format!(
                "it follows \"{}\" (level {}) with no heading of level {} between",
                parent.text, parent.set, wanted
            );
            if log.approve_cited(
                NAME,
                "skipped-level",
                *span,
                shown(*level),
                shown(wanted),
                evidence,
            ) {
                *level = wanted;
                set = wanted;
            }
        }
        open.push(Open { found, set, text });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inline, Span};

    fn h(level: u8, t: &str) -> Block {
        Block::heading(level, vec![Inline::text(t)], Span::line(1))
    }

    fn levels(blocks: &[(u8, &str)]) -> (Vec<u8>, RepairLog) {
        let mut doc = Document {
            blocks: blocks.iter().map(|(l, t)| h(*l, t)).collect(),
            ..Document::default()
        };
        let mut log = RepairLog::default();
        run(&mut doc, &mut log);
        let out = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, .. } => *level,
                _ => 0,
            })
            .collect();
        (out, log)
    }

    #[test]
    fn a_skipped_level_is_closed_and_siblings_stay_siblings() {
        let (got, log) = levels(&[
            (1, "1 Intro"),
            (3, "1.1.1 Detail"),
            (3, "1.1.2 More"),
            (2, "1.2 Scope"),
            (4, "1.2.1.1 Deep"),
            (1, "2 Next"),
        ]);
        assert_eq!(got, vec![1, 2, 2, 2, 3, 1]);
        assert_eq!(log.applied(), 3);
        let first = &log.changes[0];
        assert_eq!(first.before, "### 1.1.1 Detail");
        assert_eq!(first.after, "## 1.1.1 Detail");
        assert!(
            first.evidence.as_deref().unwrap().contains("\"1 Intro\""),
            "{first:?}"
        );
    }

    #[test]
    fn levels_that_do_not_skip_are_left_alone() {
        let input = [(2, "A"), (3, "B"), (1, "C"), (2, "D"), (3, "E"), (2, "F")];
        let (got, log) = levels(&input);
        assert_eq!(got, vec![2, 3, 1, 2, 3, 2]);
        assert_eq!(log.applied(), 0);
    }

    #[test]
    fn running_twice_changes_nothing_more() {
        let mut doc = Document {
            blocks: vec![h(1, "A"), h(4, "B"), h(6, "C"), h(2, "D")],
            ..Document::default()
        };
        let mut log = RepairLog::default();
        run(&mut doc, &mut log);
        let once = doc.clone();
        let mut again = RepairLog::default();
        run(&mut doc, &mut again);
        assert_eq!(doc, once);
        assert_eq!(again.applied(), 0);
    }
}
