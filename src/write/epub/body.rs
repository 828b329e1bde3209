//! The body: nested sections from the headings, split into several
//! content documents when the document is long.

use crate::model::{Block, Document, Section, plain_text, sections};

use super::nav::Landmark;
use super::xhtml::{Renderer, TocNode, label};
use super::{ContentDoc, SPLIT_ABOVE_CHARS, XHTML_END, xhtml_head};
use crate::write::labels::Labels;

/// The body: nested sections from the headings, in one content document or,
/// above [`SPLIT_ABOVE_CHARS`], one per top-level section.
pub(super) fn body(
    doc: &Document,
    lang: &str,
    title: &str,
    r: &mut Renderer,
    docs: &mut Vec<ContentDoc>,
    toc: &mut Vec<TocNode>,
    landmarks: &mut Vec<Landmark>,
) {
    let blocks = clamped_blocks(doc);
    if blocks.is_empty() {
        return;
    }
    r.name_sections_by_unique_headings(&blocks);
    let all = sections(&blocks);
    let chars: usize = blocks.iter().map(|b| b.plain_text().chars().count()).sum();
    let mut chunks: Vec<Vec<&Section<'_>>> = Vec::new();
    if chars > SPLIT_ABOVE_CHARS && all.len() > 1 {
        for s in &all {
            // The text before the first heading opens the first chapter's file.
            match chunks.last_mut() {
                Some(last) if last.len() == 1 && last[0].heading.is_none() => last.push(s),
                _ => chunks.push(vec![s]),
            }
        }
    } else {
        chunks.push(all.iter().collect());
    }
    let single = chunks.len() == 1;
    let labels = Labels::for_language(lang);
    for (i, chunk) in chunks.iter().enumerate() {
        r.file = if single {
            "body.xhtml".into()
        } else {
            format!("body-{:03}.xhtml", i + 1)
        };
        let mut inner = String::new();
        let entries = toc.len();
        for s in chunk {
            toc.extend(r.section(&mut inner, s));
        }
        if toc.len() == entries && i == 0 {
            // A body without headings still has its place in the table of
            // contents, between the title page and the end matter.
            toc.push(TocNode {
                label: labels.text.into(),
                href: r.file.clone(),
                children: Vec::new(),
            });
        }
        let head_title = chunk
            .iter()
            .find_map(|s| s.heading.and_then(Block::inlines))
            .map(|c| label(&plain_text(c)))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| title.to_string());
        let mut out = xhtml_head(lang, &head_title, "bodymatter");
        out.push_str(&inner);
        out.push_str(XHTML_END);
        if i == 0 {
            landmarks.push(Landmark {
                kind: "bodymatter",
                label: labels.start_of_content.into(),
                href: r.file.clone(),
            });
        }
        docs.push(ContentDoc {
            file: r.file.clone(),
            xhtml: out,
        });
    }
}

/// The body's blocks with heading levels clamped to 1-6 (shared with the
/// HTML edition): levels outside would break the section structure, and the
/// model allows them in hand-built documents.
pub fn clamped_blocks(doc: &Document) -> Vec<Block> {
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Heading {
                level,
                content,
                id,
                span,
            } => Block::Heading {
                level: (*level).clamp(1, 6),
                content: content.clone(),
                id: id.clone(),
                span: *span,
            },
            other => other.clone(),
        })
        .collect()
}
