//! The metadata file's `[links]` table: link text whose URL was lost gets
//! its URL back, in every edition at once.

use std::collections::BTreeMap;

use crate::model::{Block, Document, Inline, plain_text};

fn key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Sets the target of every target-less link whose text is a key of `map`
/// (compared ignoring case and spacing). Returns a warning for each key that
/// matched no link.
pub fn apply_links(doc: &mut Document, map: &BTreeMap<String, String>) -> Vec<String> {
    let wanted: BTreeMap<String, &str> = map.iter().map(|(k, v)| (key(k), v.as_str())).collect();
    let mut used = std::collections::BTreeSet::new();
    let mut visit = |inlines: &mut Vec<Inline>| fill(inlines, &wanted, &mut used);
    for_each_inlines(&mut doc.blocks, &mut visit);
    for back in &mut doc.back {
        for_each_inlines(&mut back.blocks, &mut visit);
    }
    for author in &mut doc.meta.authors {
        for_each_inlines(&mut author.bio, &mut visit);
    }
    if let Some(abs) = &mut doc.meta.abstract_ {
        for_each_inlines(&mut abs.blocks, &mut visit);
    }
    map.keys()
        .filter(|k| !used.contains(&key(k)))
        .map(|k| format!("links: no link text \"{k}\" in the document; the entry was not used"))
        .collect()
}

fn fill(
    inlines: &mut [Inline],
    wanted: &BTreeMap<String, &str>,
    used: &mut std::collections::BTreeSet<String>,
) {
    for inline in inlines {
        if let Inline::Link {
            target: target @ None,
            content,
        } = inline
        {
            let k = key(&plain_text(content));
            if let Some(url) = wanted.get(&k) {
                *target = Some(url.to_string());
                used.insert(k);
            }
        } else if let Some(children) = inline.children_mut() {
            fill(children, wanted, used);
        }
    }
}

/// Calls `f` on the inline content of every block, nested ones included.
pub fn for_each_inlines(blocks: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>)) {
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => f(content),
            Block::List { items, .. } => items.iter_mut().for_each(|i| for_each_inlines(i, f)),
            Block::BlockQuote { blocks, .. } => for_each_inlines(blocks, f),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, inlines_from_text};

    #[test]
    fn fills_lost_targets_and_reports_unused_keys() {
        let mut doc = Document::default();
        doc.blocks.push(Block::paragraph(
            vec![Inline::Link {
                target: None,
                content: inlines_from_text("India-Pakistan  conflict"),
            }],
            Span::UNKNOWN,
        ));
        let mut map = BTreeMap::new();
        map.insert(
            "India-Pakistan conflict".to_string(),
            "https://example.org/a".to_string(),
        );
        map.insert("nowhere".to_string(), "https://example.org/b".to_string());
        let warnings = apply_links(&mut doc, &map);
        assert_eq!(warnings.len(), 1);
        assert!(matches!(
            &doc.blocks[0].inlines().unwrap()[0],
            Inline::Link { target: Some(u), .. } if u == "https://example.org/a"
        ));
    }
}
