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

/// [`for_each_inlines`], skipping the lists `needs` (which reads a list in
/// its compact form, at rest) says `f` would leave as they are: those are
/// neither expanded for `f` nor compacted again, which is most of the cost
/// of a pass that changes a few lists.
pub fn for_each_inlines_where(
    doc: &mut Document,
    needs: &dyn Fn(&[Inline]) -> bool,
    f: &mut dyn FnMut(&mut Vec<Inline>, Span),
) {
    let f = &mut |inlines: &mut Vec<Inline>, span: Span| {
        if !needs(inlines) {
            return;
        }
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
/// marker back where its text went: after the visible (non-space)
/// characters that were before it, before the next word, or after the word
/// that now holds that place when `f` joined two words. The visible
/// characters before and after `f` are aligned ([`align`]), so edits on
/// both sides of a marker (markup taken out before it and after it, a
/// ligature expanded) do not shift it by the characters they added or
/// removed.
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
    let bound = align(&old, &new);
    // Where each marker goes among the inlines: before the first inline
    // that starts at or after its place, or after the one that holds its
    // place. The places only grow (the alignment keeps the order), so one
    // walk over the inlines serves every marker: linear in the paragraph
    // however many pages it runs over.
    let lens: Vec<usize> = inlines.iter().map(visible_len).collect();
    let (mut k, mut seen) = (0, 0);
    let mut placed: Vec<(usize, Inline)> = Vec::with_capacity(markers.len());
    for (at, marker) in markers {
        let at = bound[at.min(old.len())];
        let pos = loop {
            let Some(&n) = lens.get(k) else {
                break lens.len();
            };
            if n == 0 {
                k += 1;
            } else if seen >= at {
                break k;
            } else if seen + n > at {
                break k + 1;
            } else {
                seen += n;
                k += 1;
            }
        };
        placed.push((pos, marker));
    }
    // Markers that share a place keep their order.
    let mut placed = placed.into_iter().peekable();
    let mut out = Vec::with_capacity(inlines.len() + placed.len());
    for (i, inline) in inlines.drain(..).enumerate() {
        while let Some((_, marker)) = placed.next_if(|(pos, _)| *pos == i) {
            out.push(marker);
        }
        out.push(inline);
    }
    out.extend(placed.map(|(_, marker)| marker));
    *inlines = out;
}

/// How far an edit may reach, in characters, before the alignment takes it
/// for a replacement of one character by another.
const MAX_EDIT: usize = 8;

/// Characters that must agree after an edit for the alignment to take up
/// the text again there.
const RESYNC: usize = 3;

/// Aligns the visible characters before (`old`) and after (`new`) a pass:
/// entry `i` is how many characters of `new` stand where the first `i` of
/// `old` stood. Equal characters are matched in order; where they differ,
/// the nearest point at which the two agree again for a few characters
/// (within [`MAX_EDIT`] characters skipped on either side) ends the edit:
/// the skipped characters of `old` were removed or replaced, those of `new`
/// added. A boundary before added text stays before it. Linear time: each
/// step tries a bounded number of resynchronisation points.
fn align(old: &[char], new: &[char]) -> Vec<usize> {
    let agree = |i: usize, j: usize| {
        let (a, b) = (&old[i.min(old.len())..], &new[j.min(new.len())..]);
        if a.len() >= RESYNC && b.len() >= RESYNC {
            a[..RESYNC] == b[..RESYNC]
        } else {
            a == b
        }
    };
    let mut bound = vec![0; old.len() + 1];
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        if old[i] == new[j] {
            i += 1;
            j += 1;
            bound[i] = j;
            continue;
        }
        let resync = (1..=MAX_EDIT)
            .flat_map(|k| (0..=k).map(move |a| (a, k - a)))
            .find(|&(a, b)| i + a <= old.len() && j + b <= new.len() && agree(i + a, j + b));
        // No point where the two agree again: one character replaced.
        let (a, b) = resync.unwrap_or((1, 1));
        j += b;
        for _ in 0..a {
            i += 1;
            bound[i] = j;
        }
    }
    for b in &mut bound[i + 1..] {
        *b = new.len();
    }
    bound[old.len()] = new.len();
    bound
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

    #[test]
    fn edits_on_both_sides_of_a_marker_do_not_move_it() {
        // Markup taken out before and after the marker: the old count of
        // characters before it would put it one word late.
        let mut v = crate::model::inlines_from_text("**bold** start here next words **end**");
        let at = v.iter().position(|i| *i == Inline::text("next")).unwrap();
        v.insert(at, Inline::PageMarker("5".into()));
        zero_width(&mut v, |l| {
            for_each_text(l, &mut |t| t.retain(|c| c != '*'));
        });
        assert_eq!(
            words_and_markers(&v),
            ["bold", "start", "here", "[5]", "next", "words", "end"]
        );
        // A ligature expanded before it and a hyphen restored after it.
        let mut v = crate::model::inlines_from_text("the ﬁrst page ends here co operation");
        let at = v.iter().position(|i| *i == Inline::text("co")).unwrap();
        v.insert(at - 2, Inline::PageMarker("9".into()));
        zero_width(&mut v, |l| {
            for_each_text(l, &mut |t| {
                if t == "ﬁrst" {
                    *t = "first".into();
                }
            });
            let co = l.iter().position(|i| *i == Inline::text("co")).unwrap();
            l.splice(co..co + 3, [Inline::text("co-operation")]);
        });
        assert_eq!(
            words_and_markers(&v),
            [
                "the",
                "first",
                "page",
                "ends",
                "[9]",
                "here",
                "co-operation"
            ]
        );
    }

    #[test]
    fn alignment_maps_boundaries_through_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(align(&c("abc"), &c("abc")), [0, 1, 2, 3]);
        // "*ab*cd" -> "abcd": the boundary after "*ab*" is after "ab".
        assert_eq!(align(&c("*ab*cd"), &c("abcd"))[4], 2);
        // Everything replaced: still one entry per boundary, ending at the end.
        let b = align(&c("xxxxxxxxxxxxxxxxxxxx"), &c("yy"));
        assert_eq!((b.len(), b[20]), (21, 2));
        assert_eq!(align(&c(""), &c("abc")), [3]);
        assert_eq!(align(&c("abc"), &c("")), [0, 0, 0, 0]);
    }
}
