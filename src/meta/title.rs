//! The title of a document that states none, decided once so that every
//! edition carries the same one: the text of its first heading, else the
//! name of its file. Either way a warning says so.
//!
//! A first heading that opens the document and is its only heading of the
//! top level is the document's title in all but name (a Markdown file that
//! starts with `# Title`): it moves from the body into the metadata, so that
//! no edition prints it twice. Any other first heading names a section and
//! stays where it is.

use std::path::Path;

use crate::model::{Block, Document, inlines_from_text, plain_text};

use super::Source;

/// What [`settle`] decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    /// Where the title came from.
    pub source: Source,
    /// What the user should be told.
    pub warning: String,
}

/// Gives `doc` a title when its metadata has none: its first heading, else
/// the stem of `input` (`-`, standard input, has none: then "Untitled").
/// Returns `None` when the document already had a title.
pub fn settle(doc: &mut Document, input: &Path) -> Option<Settled> {
    let stated = doc
        .meta
        .title
        .as_deref()
        .is_some_and(|t| !plain_text(t).trim().is_empty());
    if stated {
        return None;
    }
    let first = doc.blocks.iter().position(
        |b| matches!(b, Block::Heading { content, .. } if !plain_text(content).trim().is_empty()),
    );
    if let Some(at) = first {
        let Block::Heading {
            level,
            content,
            span,
            ..
        } = doc.blocks[at].clone()
        else {
            unreachable!("position found a heading");
        };
        let text = one_line(&plain_text(&content));
        let alone_at_top = doc.blocks[at + 1..]
            .iter()
            .all(|b| !matches!(b, Block::Heading { level: l, .. } if *l <= level));
        let promoted = at == 0 && alone_at_top;
        if promoted {
            doc.blocks.remove(0);
        }
        doc.meta.title = Some(content);
        let line = (!span.is_unknown()).then_some(span.start);
        let place = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        let how = if promoted {
            "it opens the document, so it is the title and no longer a section heading"
        } else {
            "the heading stays in the text"
        };
        return Some(Settled {
            source: Source::Detected(line),
            warning: format!("no title stated: titled by the first heading `{text}`{place}; {how}"),
        });
    }
    let stem = (input != Path::new("-"))
        .then(|| input.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .flatten()
        .map(|s| one_line(&s))
        .filter(|s| !s.is_empty());
    let (title, said) = match stem {
        Some(stem) => (stem.clone(), format!("titled by the file name `{stem}`")),
        None => ("Untitled".to_string(), "titled `Untitled`".to_string()),
    };
    doc.meta.title = Some(inlines_from_text(&title));
    Some(Settled {
        source: Source::Default,
        warning: format!(
            "no title stated and no heading: {said}; give one with --set title=... or a metadata file"
        ),
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn heading(level: u8, text: &str, line: u32) -> Block {
        Block::heading(level, inlines_from_text(text), Span::line(line))
    }

    fn para(text: &str) -> Block {
        Block::paragraph(inlines_from_text(text), Span::UNKNOWN)
    }

    #[test]
    fn a_lone_opening_heading_becomes_the_title() {
        let mut doc = Document {
            blocks: vec![heading(1, "My Notes", 1), para("x"), heading(2, "Part", 5)],
            ..Document::default()
        };
        let settled = settle(&mut doc, Path::new("notes.md")).unwrap();
        assert_eq!(doc.meta.title_text().as_deref(), Some("My Notes"));
        assert_eq!(doc.blocks.len(), 2, "the heading left the body");
        assert_eq!(settled.source, Source::Detected(Some(1)));
        assert!(settled.warning.contains("`My Notes` (line 1)"));
    }

    #[test]
    fn a_section_heading_names_the_document_and_stays() {
        let mut doc = Document {
            blocks: vec![heading(1, "One", 1), para("x"), heading(1, "Two", 3)],
            ..Document::default()
        };
        settle(&mut doc, Path::new("a.md")).unwrap();
        assert_eq!(doc.meta.title_text().as_deref(), Some("One"));
        assert_eq!(doc.blocks.len(), 3);
        let mut doc = Document {
            blocks: vec![para("intro"), heading(2, "Later", 3)],
            ..Document::default()
        };
        settle(&mut doc, Path::new("a.md")).unwrap();
        assert_eq!(doc.meta.title_text().as_deref(), Some("Later"));
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn without_a_heading_the_file_name_titles_it() {
        let mut doc = Document {
            blocks: vec![para("x")],
            ..Document::default()
        };
        let settled = settle(&mut doc, Path::new("dir/field-notes.md")).unwrap();
        assert_eq!(doc.meta.title_text().as_deref(), Some("field-notes"));
        assert_eq!(settled.source, Source::Default);
        let mut doc = Document::default();
        settle(&mut doc, Path::new("-")).unwrap();
        assert_eq!(doc.meta.title_text().as_deref(), Some("Untitled"));
    }

    #[test]
    fn a_stated_title_is_kept() {
        let mut doc = Document::default();
        doc.meta.title = Some(inlines_from_text("Given"));
        doc.blocks.push(heading(1, "Heading", 1));
        assert!(settle(&mut doc, Path::new("a.md")).is_none());
        assert_eq!(doc.blocks.len(), 1);
    }
}
