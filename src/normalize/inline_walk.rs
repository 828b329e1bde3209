//! Visits every list of inlines in a document, with the input lines of the
//! block it belongs to, so token passes repair the body, the metadata and
//! the end matter alike.

use crate::model::{Block, Document, Inline, Span, compact, expand};

/// Calls `f` on the inline content of every heading and paragraph (nested in
/// lists, quotes and definition lists too), figure captions, footnotes, the
/// title, subtitle, abstract, author biographies and end matter. Code blocks and tables are verbatim and are not visited
/// (a table's cells are content to keep, not prose to repair). Markup
/// children are left to `f`.
///
/// Page markers are zero-width to `f`: they are lifted out of the list
/// before `f` runs and set back after, at the same place in the text (see
/// [`zero_width`]), so no repair sees a marker between two tokens.
///
/// `f` sees one `Text` per word: a list kept compactly (see
/// [`crate::model::compact`]) is expanded for it, one list at a time, and
/// compacted again after.
pub fn for_each_inlines(doc: &mut Document, f: &mut dyn FnMut(&mut Vec<Inline>, Span)) {
    let f = &mut |inlines: &mut Vec<Inline>, span: Span| {
        let compacted = expand(inlines);
        zero_width(inlines, |l| f(l, span));
        if compacted {
            compact(inlines);
        }
    };
    for_each_inlines_raw(doc, f)
}

fn for_each_inlines_raw(doc: &mut Document, f: &mut dyn FnMut(&mut Vec<Inline>, Span)) {
    for inlines in [&mut doc.meta.title, &mut doc.meta.subtitle]
        .into_iter()
        .flatten()
    {
        f(inlines, Span::UNKNOWN);
    }
    if let Some(abs) = &mut doc.meta.abstract_ {
        if let Some(title) = &mut abs.title {
            f(title, Span::UNKNOWN);
        }
        blocks(&mut abs.blocks, f);
    }
    for author in &mut doc.meta.authors {
        blocks(&mut author.bio, f);
    }
    blocks(&mut doc.blocks, f);
    for note in &mut doc.notes {
        blocks(&mut note.blocks, f);
    }
    for back in &mut doc.back {
        if let Some(title) = &mut back.title {
            f(title, Span::UNKNOWN);
        }
        blocks(&mut back.blocks, f);
    }
}

fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>, Span)) {
    for block in list {
        match block {
            Block::Heading { content, span, .. } | Block::Paragraph { content, span } => {
                f(content, *span)
            }
            Block::List { items, .. } => {
                for item in items {
                    blocks(item, f);
                }
            }
            Block::BlockQuote { blocks: inner, .. } => blocks(inner, f),
            Block::Figure { caption, span, .. } => {
                if let Some(c) = caption {
                    f(c, *span)
                }
            }
            Block::DefinitionList { items, span } => {
                for d in items {
                    f(&mut d.term, *span);
                    for def in &mut d.definitions {
                        blocks(def, f);
                    }
                }
            }
            Block::CodeBlock { .. } | Block::ThematicBreak { .. } | Block::Table { .. } => {}
        }
    }
}

/// Calls `f` on every `Text` token, at any depth of markup. Code and link
/// targets are left alone.
pub fn for_each_text(inlines: &mut [Inline], f: &mut dyn FnMut(&mut String)) {
    for inline in inlines {
        match inline {
            Inline::Text(s) => f(s),
            other => {
                if let Some(children) = other.children_mut() {
                    for_each_text(children, f);
                }
            }
        }
    }
}

/// Runs `f` on `inlines` with their page markers lifted out, then sets each
/// marker back where its text went: after the same count of visible
/// (non-space) characters, before the next word, or after the word that now
/// holds that place when `f` joined two words. Where `f` changed the
/// characters around a marker, the count is taken from the unchanged text
/// on the nearer side.
pub fn zero_width(inlines: &mut Vec<Inline>, f: impl FnOnce(&mut Vec<Inline>)) {
    if !inlines.iter().any(|i| matches!(i, Inline::PageMarker(_))) {
        f(inlines);
        return;
    }
    let mut markers: Vec<(usize, Inline)> = Vec::new();
    let mut kept = Vec::with_capacity(inlines.len());
    let mut before = 0;
    for inline in inlines.drain(..) {
        if matches!(inline, Inline::PageMarker(_)) {
            markers.push((before, inline));
        } else {
            before += visible_len(&inline);
            kept.push(inline);
        }
    }
    let old = visible_chars(&kept);
    *inlines = kept;
    f(inlines);
    let new = visible_chars(inlines);
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take_while(|(a, b)| a == b)
        .count()
        .min(old.len().min(new.len()) - prefix);
    for (at, marker) in markers {
        let at = if at <= prefix {
            at
        } else if old.len() - at <= suffix {
            new.len() - (old.len() - at)
        } else {
            at.min(new.len())
        };
        let mut pos = inlines.len();
        let mut seen = 0;
        for (k, inline) in inlines.iter().enumerate() {
            let n = visible_len(inline);
            if n == 0 {
                continue;
            }
            if seen >= at {
                pos = k;
                break;
            }
            if seen + n > at {
                pos = k + 1;
                break;
            }
            seen += n;
        }
        while matches!(inlines.get(pos), Some(Inline::PageMarker(_))) {
            pos += 1;
        }
        inlines.insert(pos, marker);
    }
}

/// The characters a reader sees, without whitespace.
fn visible_chars(inlines: &[Inline]) -> Vec<char> {
    let mut out = Vec::new();
    for inline in inlines {
        push_visible(inline, &mut out);
    }
    out
}

fn visible_len(inline: &Inline) -> usize {
    let mut out = Vec::new();
    push_visible(inline, &mut out);
    out.len()
}

fn push_visible(inline: &Inline, out: &mut Vec<char>) {
    match inline {
        Inline::Text(s) | Inline::Code(s) | Inline::Math { tex: s, .. } => {
            out.extend(s.chars().filter(|c| !c.is_whitespace()))
        }
        Inline::Image(image) => out.extend(image.alt.chars().filter(|c| !c.is_whitespace())),
        other => {
            for child in other.children().unwrap_or_default() {
                push_visible(child, out);
            }
        }
    }
}

/// The words of `inlines` with each page marker as `[label]` where it
/// stands: what the tests of marker placement compare. A compacted run
/// gives its words one by one.
#[cfg(test)]
pub(crate) fn words_and_markers(inlines: &[Inline]) -> Vec<String> {
    inlines
        .iter()
        .flat_map(|i| match i {
            Inline::Text(t) => t.split(' ').map(str::to_string).collect(),
            Inline::PageMarker(l) => vec![format!("[{l}]")],
            _ => Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pass_never_sees_a_marker_and_it_keeps_its_place() {
        let mut v = crate::model::inlines_from_text("by22 percent of");
        v.insert(2, Inline::PageMarker("3".into()));
        v.insert(3, Inline::SoftBreak);
        crate::model::canonicalize(&mut v);
        zero_width(&mut v, |l| {
            assert!(!l.iter().any(|i| matches!(i, Inline::PageMarker(_))));
            l.splice(
                0..1,
                [Inline::text("by"), Inline::Space, Inline::text("22")],
            );
        });
        assert_eq!(words_and_markers(&v), ["by", "22", "[3]", "percent", "of"]);
    }

    #[test]
    fn a_marker_inside_a_joined_word_goes_after_it() {
        let mut v = vec![
            Inline::text("rela"),
            Inline::Space,
            Inline::PageMarker("4".into()),
            Inline::text("tionship"),
            Inline::Space,
            Inline::text("holds"),
        ];
        zero_width(&mut v, |l| {
            l.splice(0..3, [Inline::text("relationship")]);
        });
        assert_eq!(words_and_markers(&v), ["relationship", "[4]", "holds"]);
    }

    #[test]
    fn removed_text_before_the_marker_does_not_move_it() {
        let mut v = crate::model::inlines_from_text("<i>one</i> two three");
        v.insert(4, Inline::PageMarker("2".into()));
        zero_width(&mut v, |l| {
            l[0] = Inline::Emphasis(vec![Inline::text("one")]);
        });
        assert_eq!(v[4], Inline::PageMarker("2".into()), "{v:?}");
    }
}
