//! Inline content: words, the breaks between them, and spans of markup.

use serde::{Deserialize, Serialize};

/// An image: where it comes from (as the source wrote it), what it shows
/// in words, and its title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// The path or URL as written in the source; writers look it up in the
    /// resources the reader loaded.
    pub src: String,
    /// Text that stands in for the image where it cannot be shown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One piece of running text.
///
/// Whitespace is structure, not content: the token passes see `Text` as one
/// word, never holding a space or a line break (those are `Space`,
/// `SoftBreak` and `LineBreak`), so repairs such as joining wrapped lines or
/// fixing spacing are edits of a token list. A document at rest keeps its
/// words more compactly (see [`compact`]): words with one plain space
/// between them share one `Text`, since one inline per word and per space
/// cost about 40 bytes of memory per byte of prose. The passes see words
/// again through [`expand`]. `Code` is the exception: its text is verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Inline {
    /// A word: a run of non-whitespace characters; at rest, words with one
    /// plain space (U+0020) between each two (see [`compact`]).
    Text(String),
    /// The space between two words.
    Space,
    /// A line break in the source that is not meaningful (a wrapped line).
    SoftBreak,
    /// A hard line break that must be kept.
    LineBreak,
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Underline(Vec<Inline>),
    /// Struck-out text (`~~text~~` in Markdown).
    Strikeout(Vec<Inline>),
    /// Raised text (`^text^`).
    Superscript(Vec<Inline>),
    /// Lowered text (`~text~`).
    Subscript(Vec<Inline>),
    /// Inline code, verbatim.
    Code(String),
    /// A formula, kept as its TeX source (verbatim, like code); `display`
    /// when it stands on its own line (`$$...$$`).
    Math {
        display: bool,
        tex: String,
    },
    /// A reference to the footnote with this label (see `Document::notes`).
    NoteRef(String),
    /// An image within the text.
    Image(Image),
    /// The box of a task-list item, ticked or not, where the item begins.
    Checkbox(bool),
    /// A link. `target` is `None` for link text whose URL was lost (text that
    /// was underlined in the source, say): it is still a link, and every
    /// writer shows its text.
    Link {
        target: Option<String>,
        content: Vec<Inline>,
    },
    /// Where a printed page began in the source, with its printed number.
    /// Writers that paginate ignore it; EPUB keeps it as a page-list entry.
    PageMarker(String),
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text(s.into())
    }

    /// The inline children of a markup span, if this is one.
    pub fn children(&self) -> Option<&[Inline]> {
        match self {
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Underline(c)
            | Inline::Strikeout(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => Some(c),
            Inline::Link { content, .. } => Some(content),
            _ => None,
        }
    }

    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Underline(c)
            | Inline::Strikeout(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => Some(c),
            Inline::Link { content, .. } => Some(content),
            _ => None,
        }
    }
}

/// Splits plain text into `Text` and `Space` tokens. Line breaks become
/// `SoftBreak`; any run of whitespace containing a line break is one
/// `SoftBreak`, any other run one `Space`.
pub fn inlines_from_text(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    // Where the word being read starts: each word is copied once, at its
    // end, rather than grown a character at a time.
    let mut word: Option<usize> = None;
    let mut gap: Option<bool> = None; // Some(has_newline) while inside whitespace
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if let Some(start) = word.take() {
                out.push(Inline::Text(text[start..i].to_string()));
            }
            let newline = ch == '\n' || ch == '\r';
            gap = Some(gap.unwrap_or(false) || newline);
        } else {
            if let Some(newline) = gap.take()
                && !out.is_empty()
            {
                out.push(if newline {
                    Inline::SoftBreak
                } else {
                    Inline::Space
                });
            }
            word.get_or_insert(i);
        }
    }
    if let Some(start) = word {
        out.push(Inline::Text(text[start..].to_string()));
    }
    out
}

/// The text of inlines as a reader would see it: spaces and soft breaks as
/// one space, hard breaks as a newline, markup dropped, link text kept,
/// formulas as their TeX source, an image as its alt text, a footnote
/// reference as nothing (its note is text of its own).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(s) | Inline::Code(s) | Inline::Math { tex: s, .. } => out.push_str(s),
            Inline::Image(image) => out.push_str(&image.alt),
            Inline::Space | Inline::SoftBreak => out.push(' '),
            Inline::LineBreak => out.push('\n'),
            Inline::PageMarker(_) | Inline::NoteRef(_) | Inline::Checkbox(_) => {}
            other => push_plain(other.children().unwrap_or_default(), out),
        }
    }
}

/// Brings inlines into canonical form, in place: adjacent `Text` merged, runs
/// of `Space`/`SoftBreak` collapsed to one (a `SoftBreak` wins over a `Space`,
/// a `LineBreak` over both), no empty `Text` or empty markup, no leading or
/// trailing whitespace tokens.
pub fn canonicalize(inlines: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for mut inline in inlines.drain(..) {
        if let Some(children) = inline.children_mut() {
            canonicalize(children);
            let empty = children.is_empty();
            if empty && !matches!(inline, Inline::Link { .. }) {
                continue;
            }
        }
        match (&mut inline, out.last_mut()) {
            (Inline::Text(s), _) if s.is_empty() => {}
            (Inline::Text(s), Some(Inline::Text(prev))) => prev.push_str(s),
            (gap @ (Inline::Space | Inline::SoftBreak | Inline::LineBreak), Some(prev))
                if is_gap(prev) =>
            {
                if rank(gap) > rank(prev) {
                    *prev = gap.clone();
                }
            }
            _ => out.push(inline),
        }
    }
    while out.first().is_some_and(is_gap) {
        out.remove(0);
    }
    while out.last().is_some_and(is_gap) {
        out.pop();
    }
    *inlines = out;
}

/// Joins each run of words with one `Space` between each two into one
/// `Text`, the words separated by one plain space, at every depth of markup.
/// The form a document keeps at rest: [`expand`] gives the tokens back, and
/// every writer reads a space inside `Text` as it reads a `Space`. Only a
/// `Space` between two `Text` tokens is taken in; soft and hard breaks, and
/// a space next to markup, stay tokens of their own.
pub fn compact(inlines: &mut Vec<Inline>) {
    for inline in inlines.iter_mut() {
        if let Some(children) = inline.children_mut() {
            compact(children);
        }
    }
    let joinable = inlines
        .windows(3)
        .any(|w| matches!(w, [Inline::Text(_), Inline::Space, Inline::Text(_)]));
    if !joinable {
        return;
    }
    let is_word = |i: &Inline| matches!(i, Inline::Text(s) if !s.is_empty());
    let mut old = std::mem::take(inlines);
    let mut out: Vec<Inline> = Vec::with_capacity(old.len());
    let mut i = 0;
    while i < old.len() {
        // A run of words, each two with one `Space` between them (an empty
        // `Text`, a pass emptied a word and canonical form has not dropped
        // it yet, is no word to join: the space beside it stays a token, as
        // canonical form expects). Measured first, so that the joined text
        // is allocated once rather than grown word by word.
        let mut end = i + 1;
        let mut len = 0;
        if is_word(&old[i]) {
            while end + 1 < old.len() && matches!(old[end], Inline::Space) && is_word(&old[end + 1])
            {
                end += 2;
            }
            for word in old[i..end].iter().step_by(2) {
                if let Inline::Text(w) = word {
                    len += w.len() + 1;
                }
            }
        }
        if end == i + 1 {
            out.push(std::mem::replace(&mut old[i], Inline::Space));
        } else {
            let mut joined = String::with_capacity(len - 1);
            for word in old[i..end].iter().step_by(2) {
                if let Inline::Text(w) = word {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    joined.push_str(w);
                }
            }
            out.push(Inline::Text(joined));
        }
        i = end;
    }
    for inline in &mut out {
        if let Inline::Text(s) = inline {
            s.shrink_to_fit();
        }
    }
    out.shrink_to_fit();
    *inlines = out;
}

/// The word tokens of a compacted list (see [`compact`]): each `Text` that
/// holds plain spaces split into its words with a `Space` between each two,
/// at every depth of markup. Returns whether anything was split. Other
/// whitespace in a `Text` (never there in a valid document) is left as it is.
pub fn expand(inlines: &mut Vec<Inline>) -> bool {
    let mut split = false;
    for inline in inlines.iter_mut() {
        if let Some(children) = inline.children_mut() {
            split |= expand(children);
        }
    }
    if !inlines
        .iter()
        .any(|i| matches!(i, Inline::Text(s) if s.contains(' ')))
    {
        return split;
    }
    // Sized for every word and space at once: a paragraph is mostly one
    // long `Text`, and growing the list word by word copied it many times.
    let tokens: usize = inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) => 2 * s.bytes().filter(|&b| b == b' ').count() + 1,
            _ => 1,
        })
        .sum();
    let mut out: Vec<Inline> = Vec::with_capacity(tokens);
    for inline in inlines.drain(..) {
        match inline {
            Inline::Text(s) if s.contains(' ') => {
                for (k, word) in s.split(' ').enumerate() {
                    if k > 0 {
                        out.push(Inline::Space);
                    }
                    if !word.is_empty() {
                        out.push(Inline::Text(word.to_string()));
                    }
                }
            }
            other => out.push(other),
        }
    }
    *inlines = out;
    true
}

fn is_gap(inline: &Inline) -> bool {
    matches!(
        inline,
        Inline::Space | Inline::SoftBreak | Inline::LineBreak
    )
}

fn rank(inline: &Inline) -> u8 {
    match inline {
        Inline::Space => 1,
        Inline::SoftBreak => 2,
        Inline::LineBreak => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_breaks() {
        let got = inlines_from_text("  one two\n  three ");
        assert_eq!(
            got,
            vec![
                Inline::text("one"),
                Inline::Space,
                Inline::text("two"),
                Inline::SoftBreak,
                Inline::text("three"),
            ]
        );
        assert_eq!(plain_text(&got), "one two three");
    }

    #[test]
    fn canonical_form_merges_and_trims() {
        let mut v = vec![
            Inline::Space,
            Inline::text("a"),
            Inline::text("b"),
            Inline::Space,
            Inline::SoftBreak,
            Inline::Emphasis(vec![]),
            Inline::text(""),
            Inline::text("c"),
            Inline::Space,
        ];
        canonicalize(&mut v);
        assert_eq!(
            v,
            vec![Inline::text("ab"), Inline::SoftBreak, Inline::text("c")]
        );
    }

    #[test]
    fn compact_joins_words_and_expand_gives_them_back() {
        let words = vec![
            Inline::text("one"),
            Inline::Space,
            Inline::text("two"),
            Inline::SoftBreak,
            Inline::text("three"),
            Inline::Space,
            Inline::Emphasis(vec![Inline::text("a"), Inline::Space, Inline::text("b")]),
            Inline::Space,
            Inline::text("four"),
            Inline::Space,
            Inline::text("five"),
        ];
        let mut v = words.clone();
        compact(&mut v);
        assert_eq!(
            v,
            vec![
                Inline::text("one two"),
                Inline::SoftBreak,
                Inline::text("three"),
                Inline::Space,
                Inline::Emphasis(vec![Inline::text("a b")]),
                Inline::Space,
                Inline::text("four five"),
            ]
        );
        assert_eq!(plain_text(&v), plain_text(&words));
        assert!(expand(&mut v));
        assert_eq!(v, words);
        assert!(!expand(&mut v));
        // An emptied word is not joined: its space stays a token.
        let mut v = vec![Inline::text(""), Inline::Space, Inline::text("ff")];
        compact(&mut v);
        assert_eq!(v.len(), 3);
    }

    #[test]
    fn compact_keeps_doubled_spaces_and_empty_words_as_tokens() {
        // A doubled space, a space after an emptied word and one at the end
        // stay tokens; the runs of words around them are joined.
        let mut v = vec![
            Inline::text("a"),
            Inline::Space,
            Inline::text("b"),
            Inline::Space,
            Inline::Space,
            Inline::text("c"),
            Inline::Space,
            Inline::text(""),
            Inline::Space,
            Inline::text("d"),
            Inline::Space,
            Inline::text("e"),
            Inline::Space,
        ];
        compact(&mut v);
        assert_eq!(
            v,
            vec![
                Inline::text("a b"),
                Inline::Space,
                Inline::Space,
                Inline::text("c"),
                Inline::Space,
                Inline::text(""),
                Inline::Space,
                Inline::text("d e"),
                Inline::Space,
            ]
        );
    }

    #[test]
    fn words_are_read_whole_across_multibyte_letters() {
        assert_eq!(
            inlines_from_text("détente  China’s\n end"),
            vec![
                Inline::text("détente"),
                Inline::Space,
                Inline::text("China’s"),
                Inline::SoftBreak,
                Inline::text("end"),
            ]
        );
    }

    #[test]
    fn empty_link_is_kept_but_empty_emphasis_is_not() {
        let mut v = vec![
            Inline::Link {
                target: Some("https://example.org".into()),
                content: vec![],
            },
            Inline::Strong(vec![Inline::Space]),
        ];
        canonicalize(&mut v);
        assert_eq!(v.len(), 1);
    }
}
