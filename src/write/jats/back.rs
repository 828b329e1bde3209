//! `<back>`: end matter that is not an author bio (bios are in the
//! contributors). Acknowledgements become `<ack>`, disclaimers and notes
//! `<notes>` with their `notes-type`, references a `<ref-list>`.

use crate::model::{BackKind, BackMatter, Block, Document, Inline};

use super::body::{self, Allowed};
use super::xml::Xml;
use super::{Ctx, inline};

pub fn write(x: &mut Xml, cx: &mut Ctx, doc: &Document) {
    let parts: Vec<&BackMatter> = doc
        .back
        .iter()
        .filter(|b| b.blocks.iter().any(body::emits) || b.title.is_some())
        .collect();
    let notes = doc.numbered_notes();
    if parts.is_empty() && notes.is_empty() {
        return;
    }
    x.open("back", &[]);
    if !notes.is_empty() {
        x.open("fn-group", &[]);
        for (n, note) in &notes {
            let id = format!("fn-{n}");
            x.open("fn", &[("id", id.as_str())]);
            x.line("label", &[], &n.to_string());
            body::paras(x, cx, &note.blocks);
            x.close("fn");
        }
        x.close("fn-group");
    }
    for (n, part) in parts.iter().enumerate() {
        let id = format!("back-{}", n + 1);
        match part.kind {
            BackKind::References => ref_list(x, cx, part, &id),
            BackKind::Acknowledgements => {
                container(x, cx, part, "ack", &[("id", &id)], Allowed::Paras)
            }
            BackKind::Disclaimer => container(
                x,
                cx,
                part,
                "notes",
                &[("id", &id), ("notes-type", "disclaimer")],
                Allowed::ParaLevel,
            ),
            BackKind::Notes | BackKind::Other => {
                container(x, cx, part, "notes", &[("id", &id)], Allowed::ParaLevel)
            }
        }
    }
    x.close("back");
}

fn title(x: &mut Xml, cx: &mut Ctx, part: &BackMatter) {
    if let Some(title) = &part.title {
        x.open_line("title", &[]);
        inline::write(x, cx, title);
        x.end("title");
    }
}

fn container(
    x: &mut Xml,
    cx: &mut Ctx,
    part: &BackMatter,
    name: &str,
    attrs: &[(&str, &str)],
    allowed: Allowed,
) {
    x.open(name, attrs);
    title(x, cx, part);
    let prefix = format!("{}-sec", attrs[0].1);
    body::flow(x, cx, &part.blocks, &prefix, allowed);
    x.close(name);
}

/// References: each paragraph or list item is one `<ref>` holding a
/// `<mixed-citation>` with its text; anything else stays a block before them.
fn ref_list(x: &mut Xml, cx: &mut Ctx, part: &BackMatter, id: &str) {
    let mut entries: Vec<Vec<Inline>> = Vec::new();
    let mut other: Vec<&Block> = Vec::new();
    for block in &part.blocks {
        match block {
            Block::Paragraph { content, .. } if !content.is_empty() => {
                entries.push(content.clone())
            }
            Block::List { items, .. } => {
                for item in items {
                    let text = citation_text(item);
                    if !text.is_empty() {
                        entries.push(text);
                    }
                }
            }
            b if body::emits(b) => other.push(b),
            _ => {}
        }
    }
    x.open("ref-list", &[("id", id)]);
    title(x, cx, part);
    // The content model puts paragraph-level blocks before the references.
    for b in other {
        body::block(x, cx, b, Allowed::ParaLevel);
    }
    for (n, entry) in entries.iter().enumerate() {
        x.open("ref", &[("id", &format!("{id}-ref-{}", n + 1))]);
        x.open_line("mixed-citation", &[]);
        inline::write(x, cx, entry);
        x.end("mixed-citation");
        x.close("ref");
    }
    x.close("ref-list");
}

/// The inlines of a list item's paragraphs, joined by spaces.
fn citation_text(item: &[Block]) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in item {
        let inlines = match b {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => content.clone(),
            other => crate::model::inlines_from_text(&other.plain_text()),
        };
        if inlines.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Inline::Space);
        }
        out.extend(inlines);
    }
    out
}
