//! The highlights of the two columns: an edit's `before` marked in the
//! input lines it names, its `after` in the repaired block. An edit whose
//! text cannot be found where its span says (a join across lines, an
//! overlap with another edit) gets a badge at the start of its first line,
//! so that every edit has a highlighted element.

use super::{Edit, kind};
use crate::write::epub::xhtml::esc;

/// Longest `title` tooltip, in characters.
const MAX_TITLE: usize = 200;

/// One highlight in the input column.
enum Mark<'a> {
    Range(usize, usize, &'a Edit<'a>),
    Badge(usize, &'a Edit<'a>),
}

impl Mark<'_> {
    fn at(&self) -> usize {
        match self {
            Mark::Range(s, _, _) | Mark::Badge(s, _) => *s,
        }
    }
}

fn attributes(e: &Edit<'_>, extra: &str) -> String {
    let c = e.change;
    let mut title = format!("{}/{}: {} → {}", c.pass, c.rule, c.before, c.after);
    if title.chars().count() > MAX_TITLE {
        title = title.chars().take(MAX_TITLE).collect::<String>() + "…";
    }
    format!(
        "class=\"edit {extra}k-{} r{}{}\" id=\"e-{}\" data-rule=\"r{}\" data-id=\"{}\" title=\"{}\"",
        kind(c),
        e.rule,
        if c.rejected { " rejected" } else { "" },
        e.n,
        e.rule,
        e.id,
        esc(&title)
    )
}

/// The input lines of a row (`text`, whose first line is `first_line`;
/// 0 for the metadata row), escaped, with every edit marked.
pub(super) fn raw(text: &str, first_line: u32, edits: &[&Edit<'_>]) -> String {
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut marks: Vec<Mark<'_>> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for &e in edits {
        let before = e.change.before.as_str();
        let line = e.change.span.start.saturating_sub(first_line) as usize;
        let from = if first_line == 0 {
            0
        } else {
            line_starts.get(line).copied().unwrap_or(0)
        };
        let found = (!before.trim().is_empty())
            .then(|| {
                text[from..]
                    .match_indices(before)
                    .map(|(i, m)| (from + i, from + i + m.len()))
                    .find(|&(s, end)| taken.iter().all(|&(a, b)| end <= a || s >= b))
            })
            .flatten();
        match found {
            Some((s, end)) => {
                taken.push((s, end));
                marks.push(Mark::Range(s, end, e));
            }
            None => marks.push(Mark::Badge(from, e)),
        }
    }
    // Badges before the ranges that start at the same place.
    marks.sort_by_key(|m| (m.at(), matches!(m, Mark::Range(..))));
    let mut out = String::with_capacity(text.len() + marks.len() * 160);
    let mut at = 0;
    for m in &marks {
        out.push_str(&esc(&text[at..m.at().max(at)]));
        at = at.max(m.at());
        match m {
            Mark::Range(s, end, e) => {
                out.push_str(&format!(
                    "<mark {}>{}</mark>",
                    attributes(e, ""),
                    esc(&text[*s..*end])
                ));
                at = *end;
            }
            Mark::Badge(_, e) => {
                out.push_str(&format!(
                    "<span {}>{}</span>",
                    attributes(e, "badge "),
                    esc(e.change.rule)
                ));
            }
        }
    }
    out.push_str(&esc(&text[at..]));
    out
}

/// The repaired block's HTML with each applied edit's `after` marked where
/// it can be found in the text (never inside a tag).
pub(super) fn repaired(html: &str, edits: &[&Edit<'_>]) -> String {
    // Byte ranges of text between tags.
    let mut texts = Vec::new();
    let mut start = 0;
    let mut in_tag = false;
    for (i, b) in html.bytes().enumerate() {
        match b {
            b'<' if !in_tag => {
                texts.push((start, i));
                in_tag = true;
            }
            b'>' if in_tag => {
                start = i + 1;
                in_tag = false;
            }
            _ => {}
        }
    }
    if !in_tag {
        texts.push((start, html.len()));
    }
    let mut marks: Vec<(usize, usize, &Edit<'_>)> = Vec::new();
    for &e in edits {
        let after = e.change.after.trim();
        if e.change.rejected || after.is_empty() {
            continue;
        }
        let needle = esc(after);
        let found = html
            .match_indices(&needle)
            .map(|(i, m)| (i, i + m.len()))
            .find(|&(s, end)| {
                texts.iter().any(|&(a, b)| a <= s && end <= b)
                    && marks.iter().all(|&(a, b, _)| end <= a || s >= b)
            });
        if let Some((s, end)) = found {
            marks.push((s, end, e));
        }
    }
    marks.sort_by_key(|m| m.0);
    let mut out = String::with_capacity(html.len() + marks.len() * 80);
    let mut at = 0;
    for (s, end, e) in marks {
        out.push_str(&html[at..s]);
        out.push_str(&format!(
            "<mark class=\"after k-{} r{}\" data-for=\"e-{}\">{}</mark>",
            kind(e.change),
            e.rule,
            e.n,
            &html[s..end]
        ));
        at = end;
    }
    out.push_str(&html[at..]);
    out
}
