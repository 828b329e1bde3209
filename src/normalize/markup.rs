//! Inline markup left in the text as tags: `<u>`, `<i>`, `<em>`, `<b>`,
//! `<strong>` become model inlines.
//!
//! `<u>text</u>` is link text whose URL was lost (web pages underline
//! links; copying the page keeps the underline and drops the address), so
//! it becomes `Link { target: None }`, which every writer shows as text.
//! A span may cover several words and lines. Tags must nest: when a closing
//! tag does not match the innermost open one, or a tag is never closed, the
//! tags of that paragraph are left as text and logged as declined.

use super::inline_walk::for_each_inlines_where;
use super::{Pass, RepairLog, Stage};
use crate::model::{Document, Inline, Span, plain_text};

pub const PASS: Pass = Pass {
    name: "markup",
    about: "Turns <u>, <i>, <em>, <b>, <strong> tags left in the text into links, \
            emphasis and strong text",
    stage: Stage::Tree(run),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Underline,
    Emphasis,
    Strong,
}

impl Tag {
    fn parse(name: &str) -> Option<Tag> {
        match name.to_ascii_lowercase().as_str() {
            "u" => Some(Tag::Underline),
            "i" | "em" => Some(Tag::Emphasis),
            "b" | "strong" => Some(Tag::Strong),
            _ => None,
        }
    }

    fn rule(self) -> &'static str {
        match self {
            Tag::Underline => "underline-to-link",
            Tag::Emphasis => "emphasis",
            Tag::Strong => "strong",
        }
    }

    fn wrap(self, content: Vec<Inline>) -> Inline {
        match self {
            Tag::Underline => Inline::Link {
                target: None,
                content,
            },
            Tag::Emphasis => Inline::Emphasis(content),
            Tag::Strong => Inline::Strong(content),
        }
    }
}

/// An inline, or a tag cut out of a `Text` token.
#[derive(Debug, Clone)]
enum Item {
    Inline(Inline),
    Open(Tag, String),
    /// A closing tag; it pairs by name with its opening tag.
    Close(String),
}

fn run(doc: &mut Document, log: &mut RepairLog) {
    // `fix` reads only lists with a `<` in their text: the others (nearly
    // all) are not split into words at all.
    for_each_inlines_where(doc, &has_angle_bracket, &mut |inlines, span| {
        fix(inlines, span, log)
    });
}

/// Whether some `Text` of `inlines`, at any depth of markup, holds a `<`.
fn has_angle_bracket(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(t) => t.contains('<'),
        other => other.children().is_some_and(has_angle_bracket),
    })
}

fn fix(inlines: &mut Vec<Inline>, span: Span, log: &mut RepairLog) {
    for inline in inlines.iter_mut() {
        if let Some(children) = inline.children_mut() {
            fix(children, span, log);
        }
    }
    if !inlines
        .iter()
        .any(|i| matches!(i, Inline::Text(t) if t.contains('<')))
    {
        return;
    }
    let mut items = items(std::mem::take(inlines));
    let partner = match_tags(&items);
    for (i, item) in items.iter().enumerate() {
        if let Item::Open(_, lit) | Item::Close(lit) = item
            && partner[i].is_none()
        {
            log.decline(PASS.name, "unbalanced-tag", span, lit.clone());
        }
    }
    let len = items.len();
    *inlines = build(&mut items, 0, len, &partner, span, log);
}

/// Cuts the tags out of `Text` tokens.
fn items(inlines: Vec<Inline>) -> Vec<Item> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let Inline::Text(text) = inline else {
            out.push(Item::Inline(inline));
            continue;
        };
        if !text.contains('<') {
            // No tag in it: the token moves over as it is.
            out.push(Item::Inline(Inline::Text(text)));
            continue;
        }
        let mut rest = text.as_str();
        while let Some((before, tag, literal, after)) = next_tag(rest) {
            if !before.is_empty() {
                out.push(Item::Inline(Inline::Text(before.to_string())));
            }
            out.push(tag(literal.to_string()));
            rest = after;
        }
        if !rest.is_empty() {
            out.push(Item::Inline(Inline::Text(rest.to_string())));
        }
    }
    out
}

type MakeTag = Box<dyn Fn(String) -> Item>;

/// The first known tag in `s`: text before it, a constructor for the item,
/// the tag as written, and the text after it.
fn next_tag(s: &str) -> Option<(&str, MakeTag, &str, &str)> {
    let mut from = 0;
    while let Some(lt) = s[from..].find('<').map(|i| i + from) {
        let tail = &s[lt + 1..];
        let (closing, name_start) = match tail.strip_prefix('/') {
            Some(t) => (true, t),
            None => (false, tail),
        };
        // Tag names are short: look no further than "strong>".
        let window = &name_start[..name_start
            .char_indices()
            .nth(7)
            .map_or(name_start.len(), |(i, _)| i)];
        if let Some(gt) = window.find('>')
            && let Some(tag) = Tag::parse(&name_start[..gt])
        {
            let end = lt + 1 + usize::from(closing) + gt + 1;
            let make: MakeTag = if closing {
                Box::new(Item::Close)
            } else {
                Box::new(move |lit| Item::Open(tag, lit))
            };
            return Some((&s[..lt], make, &s[lt..end], &s[end..]));
        }
        from = lt + 1;
    }
    None
}

/// For every tag, the index of the tag it pairs with. Tags must nest like
/// HTML, and a closing tag must name its opening tag (`<b>` ... `</b>`).
/// When any tag of the list is unbalanced, no tag is paired: converting
/// some and leaving others as text could pair the leftovers on a second run.
fn match_tags(items: &[Item]) -> Vec<Option<usize>> {
    let mut partner = vec![None; items.len()];
    let mut stack: Vec<(String, usize)> = Vec::new();
    let name = |lit: &str| {
        lit.trim_matches(|c| c == '<' || c == '>' || c == '/')
            .to_ascii_lowercase()
    };
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Open(_, lit) => stack.push((name(lit), i)),
            Item::Close(lit) => match stack.pop() {
                Some((open_name, open)) if open_name == name(lit) => {
                    partner[open] = Some(i);
                    partner[i] = Some(open);
                }
                _ => return vec![None; items.len()],
            },
            Item::Inline(_) => {}
        }
    }
    if stack.is_empty() {
        partner
    } else {
        vec![None; items.len()]
    }
}

/// The inlines of `items[from..to]`. Each item is read once, so its inline
/// is moved out rather than copied.
fn build(
    items: &mut [Item],
    from: usize,
    to: usize,
    partner: &[Option<usize>],
    span: Span,
    log: &mut RepairLog,
) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let (tag, lit) = match &mut items[i] {
            Item::Inline(inline) => {
                out.push(std::mem::replace(inline, Inline::Space));
                i += 1;
                continue;
            }
            Item::Close(lit) => {
                out.push(Inline::Text(lit.clone()));
                i += 1;
                continue;
            }
            Item::Open(tag, lit) => (*tag, lit.clone()),
        };
        match partner[i] {
            Some(j) if j > i && j < to => {
                let mut content = build(items, i + 1, j, partner, span, log);
                // Spaces just inside the tags belong outside the span.
                let lead = content
                    .iter()
                    .take_while(|x| matches!(x, Inline::Space | Inline::SoftBreak))
                    .count();
                let leading: Vec<Inline> = content.drain(..lead).collect();
                let trail = content
                    .iter()
                    .rev()
                    .take_while(|x| matches!(x, Inline::Space | Inline::SoftBreak))
                    .count();
                let trailing: Vec<Inline> = content.drain(content.len() - trail..).collect();
                let text = plain_text(&content);
                let close = match &items[j] {
                    Item::Close(l) => l.clone(),
                    _ => String::new(),
                };
                let before = format!("{lit}{text}{close}");
                if !log.approve(PASS.name, tag.rule(), span, before, text) {
                    // Rejected by the editor: the markup stays as written.
                    out.push(Inline::Text(lit));
                    out.extend(leading);
                    out.extend(content);
                    out.extend(trailing);
                    out.push(Inline::Text(close));
                    i = j + 1;
                    continue;
                }
                out.extend(leading);
                if !content.is_empty() {
                    out.push(tag.wrap(content));
                }
                out.extend(trailing);
                i = j;
            }
            _ => out.push(Inline::Text(lit)),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inlines_from_text;

    fn convert(text: &str) -> (Vec<Inline>, RepairLog) {
        let mut inlines = inlines_from_text(text);
        let mut log = RepairLog::default();
        fix(&mut inlines, Span::line(1), &mut log);
        crate::model::canonicalize(&mut inlines);
        (inlines, log)
    }

    #[test]
    fn underline_becomes_a_link_without_target() {
        let (inlines, log) = convert("see <u>an idea</u> here");
        assert_eq!(
            inlines,
            vec![
                Inline::text("see"),
                Inline::Space,
                Inline::Link {
                    target: None,
                    content: vec![Inline::text("an"), Inline::Space, Inline::text("idea")],
                },
                Inline::Space,
                Inline::text("here"),
            ]
        );
        assert_eq!(log.applied(), 1);
        assert_eq!(log.changes[0].before, "<u>an idea</u>");
    }

    #[test]
    fn spans_lines_and_nests() {
        let (inlines, _) = convert("<b>bold\nand <i>both</i></b>, done");
        let Inline::Strong(inner) = &inlines[0] else {
            panic!("{inlines:?}")
        };
        assert!(inner.iter().any(|i| matches!(i, Inline::Emphasis(_))));
        assert_eq!(plain_text(&inlines), "bold and both, done");
    }

    #[test]
    fn unbalanced_tags_stay_text_and_are_declined() {
        let (inlines, log) = convert("a <u>lost tag and <i>x</b>");
        assert_eq!(plain_text(&inlines), "a <u>lost tag and <i>x</b>");
        assert_eq!(log.applied(), 0);
        assert_eq!(log.changes.len(), 3);
        assert!(log.changes.iter().all(|c| c.declined));
        // Crossing tags, or a </b> closing <strong>, convert nothing.
        for text in [
            "<u><i>x</u></i>",
            "<strong>x</b>",
            "</u><strong><u></b></u>",
        ] {
            let (inlines, log) = convert(text);
            assert_eq!(plain_text(&inlines), text);
            assert_eq!(log.applied(), 0);
        }
    }

    #[test]
    fn other_angle_brackets_are_text() {
        let (inlines, log) = convert("if a <b then Vec<u8> <em>x</em>");
        assert_eq!(plain_text(&inlines), "if a <b then Vec<u8> x");
        assert_eq!(log.applied(), 1);
    }
}
