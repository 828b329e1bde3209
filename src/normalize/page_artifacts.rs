//! Page artifacts: what a printed page adds around the text and a reader
//! must not see in the repaired document. Page numbers ("12", "Page 3 of 7",
//! "- 4 -"), running headers and footers (the title or author repeated on
//! every page), and stray punctuation-only lines (a lone ".").
//!
//! Only whole lines are removed, and only where the layout proves them: a bare
//! number or a repeated line is an artifact at the top or bottom of a page, or
//! when it repeats with a changing page number; in running text a line such as
//! "2018" could be content and is left alone. Where a removed line stood at a
//! page edge, the page break moves to the next line that stays, so that the
//! `paragraphs` pass can still join a paragraph cut by the page.

use std::collections::HashMap;

use super::lines::Line;
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "remove page numbers, running headers and footers, stray punctuation lines",
    stage: Stage::Lines(run),
};

const NAME: &str = "page-artifacts";

/// How many non-blank lines at the top and at the bottom of a page can be
/// page furniture. Two covers a header with a title line and an author line,
/// plus a page number below the text.
const EDGE_LINES: usize = 3;

/// The first lines of the document hold the title and the authors, which the
/// running header repeats; they are never removed as a header.
const TITLE_ZONE: usize = 3;

/// A running header must be at least this long (in characters, after the page
/// number is stripped), so that short repeated headings ("Step 2", "Notes")
/// are not mistaken for one.
const MIN_HEADER_CHARS: usize = 8;

/// Longest line (in characters) that can be a stray punctuation line.
const MAX_STRAY_CHARS: usize = 3;

/// Removing a pair of bare numbers that count up can make the numbers on
/// either side count up in their turn ("0", "0", "1", "1"). That rule alone
/// repeats until it finds nothing (so that a second run finds nothing
/// either), at most this often; the edge rules do not, as each round would
/// eat further into the text at page edges.
const MAX_ROUNDS: usize = 8;

pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let first = find_artifacts(lines);
    if !remove(lines, first, log) {
        return;
    }
    for _ in 0..MAX_ROUNDS {
        let counting = counting_numbers(lines);
        if !remove(lines, counting, log) {
            break;
        }
    }
}

/// Bare numbers that count up through the document: page numbers even where
/// no form feed marks the page.
fn counting_numbers(lines: &[Line]) -> Vec<Option<&'static str>> {
    let mut why: Vec<Option<&'static str>> = vec![None; lines.len()];
    let bare: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| bare_number(line.trimmed()).map(|n| (i, n)))
        .collect();
    for w in bare.windows(2) {
        if w[1].1 == w[0].1 + 1 {
            why[w[0].0] = Some("page-number");
            why[w[1].0] = Some("page-number");
        }
    }
    why
}

/// Removes the lines marked with a rule, logging each; whether any was.
fn remove(lines: &mut Vec<Line>, remove: Vec<Option<&'static str>>, log: &mut RepairLog) -> bool {
    if remove.iter().all(|r| r.is_none()) {
        return false;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut carry_break = false;
    let mut removed = false;
    for (line, why) in lines.drain(..).zip(remove) {
        match why {
            // A line the editor rejected removing stays.
            Some(rule) if log.approve(NAME, rule, line.span(), line.trimmed(), "") => {
                removed = true;
                carry_break |= line.page_break || rule != "stray-punctuation";
            }
            _ => {
                let mut line = line;
                if carry_break && !line.is_blank() {
                    line.page_break = true;
                    carry_break = false;
                }
                out.push(line);
            }
        }
    }
    *lines = out;
    removed
}

/// For each line, the rule that removes it, if any.
fn find_artifacts(lines: &[Line]) -> Vec<Option<&'static str>> {
    let mut why: Vec<Option<&'static str>> = vec![None; lines.len()];
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let title_zone: Vec<usize> = content.iter().take(TITLE_ZONE).copied().collect();
    let edge = page_edges(lines, &content);
    let pages = 1
        + (1..content.len())
            .filter(|&k| page_starts_at(lines, &content, k))
            .count();

    // Page numbers.
    for &i in &content {
        let t = lines[i].trimmed();
        if is_page_label(t) || (bare_number(t).is_some() && edge[i] && !title_zone.contains(&i)) {
            why[i] = Some("page-number");
        }
    }
    for (i, rule) in counting_numbers(lines).into_iter().enumerate() {
        if rule.is_some() {
            why[i] = rule;
        }
    }

    // Running headers and footers: the same line (page number aside) at page
    // edges, or the same line with a changing page number attached.
    let mut groups: HashMap<String, Vec<(usize, Option<u32>)>> = HashMap::new();
    for &i in &content {
        if why[i].is_some() {
            continue;
        }
        let (key, number) = header_key(lines[i].trimmed());
        if key.chars().count() >= MIN_HEADER_CHARS && key.chars().any(char::is_alphabetic) {
            groups.entry(key).or_default().push((i, number));
        }
    }
    for hits in groups.values() {
        if hits.len() < 2 {
            continue;
        }
        let at_edges = hits.iter().filter(|(i, _)| edge[*i]).count();
        let mut numbers: Vec<u32> = hits.iter().filter_map(|(_, n)| *n).collect();
        numbers.dedup();
        let numbered = numbers.len() >= 2;
        if at_edges < 2 && !numbered {
            continue;
        }
        // A running header or footer is on most pages; text that repeats
        // near a page edge twice in a long document is a coincidence.
        if !numbered && at_edges * 2 < pages.max(4) {
            continue;
        }
        for &(i, n) in hits {
            if title_zone.contains(&i) {
                continue;
            }
            if edge[i] || (numbered && n.is_some()) {
                why[i] = Some("running-header");
            }
        }
    }

    // Stray punctuation: a line of one to three dots or commas, left behind
    // when a paragraph's last characters were pushed to a line of their own.
    for &i in &content {
        // A soft hyphen is invisible: ".\u{AD}" is a lone dot too.
        let t = lines[i].trimmed().trim_matches('\u{AD}');
        if why[i].is_none()
            && t.chars().count() <= MAX_STRAY_CHARS
            && t.chars().all(|c| matches!(c, '.' | ',' | ';' | ':' | '·'))
        {
            why[i] = Some("stray-punctuation");
        }
    }
    why
}

/// Which lines lie within `EDGE_LINES` non-blank lines of a page break (or of
/// the end of the document, the bottom of the last page). The top of the first
/// page is not an edge: it holds the title, not a header.
fn page_edges(lines: &[Line], content: &[usize]) -> Vec<bool> {
    let mut edge = vec![false; lines.len()];
    // Positions in `content` where a new page starts.
    let starts: Vec<usize> = (0..content.len())
        .filter(|&k| k > 0 && page_starts_at(lines, content, k))
        .collect();
    if starts.is_empty() {
        return edge;
    }
    for &s in &starts {
        for &i in content.iter().skip(s).take(EDGE_LINES) {
            edge[i] = true;
        }
        for &i in content[s.saturating_sub(EDGE_LINES)..s].iter() {
            edge[i] = true;
        }
    }
    for &i in content.iter().rev().take(EDGE_LINES) {
        edge[i] = true;
    }
    edge
}

/// Whether a page break lies between content line `k - 1` and `k`.
fn page_starts_at(lines: &[Line], content: &[usize], k: usize) -> bool {
    (content[k - 1] + 1..=content[k]).any(|i| lines[i].page_break)
}

/// "Page 3", "Page 3 of 7", "- 4 -", "— 4 —", "[4]": labels that are page
/// numbers wherever they stand.
pub fn is_page_label(t: &str) -> bool {
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix("page ") {
        let mut parts = rest.split_whitespace();
        let first = parts.next();
        return first.is_some_and(is_number)
            && match (parts.next(), parts.next(), parts.next()) {
                (None, _, _) => true,
                (Some("of"), Some(n), None) => is_number(n),
                _ => false,
            };
    }
    // "- 4 -", "—12—": dashes on both sides.
    let dash = |c: char| matches!(c, '-' | '–' | '—');
    if t.starts_with(dash) && t.ends_with(dash) {
        return is_number(t.trim_matches(dash).trim());
    }
    // "[4]", "(4)": one bracket pair around the number, nothing else.
    ["[]", "()"].iter().any(|pair| {
        let (open, close) = pair.split_at(1);
        t.strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
            .is_some_and(|inner| is_number(inner.trim()))
    })
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit())
}

/// A line that is only a number of 1 to 4 digits.
fn bare_number(t: &str) -> Option<u32> {
    is_number(t).then(|| t.parse().ok()).flatten()
}

/// A line with a page number at its start or end stripped ("Title 12",
/// "12 Title", "Title12" after a word), whitespace collapsed, and the number.
fn header_key(t: &str) -> (String, Option<u32>) {
    // Every line goes through here: the words are read from the line
    // itself rather than collected first.
    let words = || t.split_whitespace();
    let mut number = None;
    let (mut drop_first, mut drop_last) = (false, false);
    let mut ends = words();
    if let (Some(first), Some(last)) = (ends.next(), ends.next_back()) {
        // Two words or more.
        if let Some(n) = bare_number(last) {
            number = Some(n);
            drop_last = true;
        } else if let Some(n) = bare_number(first) {
            number = Some(n);
            drop_first = true;
        }
    }
    let mut body = words();
    if drop_first {
        body.next();
    }
    if drop_last {
        body.next_back();
    }
    let mut key = String::with_capacity(t.len());
    for (k, word) in body.enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(word);
    }
    if number.is_none() {
        // A number glued to the last word by text extraction: "policy2".
        let stripped = key.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = &key[stripped.len()..];
        if !digits.is_empty()
            && digits.len() <= 3
            && stripped.ends_with(|c: char| c.is_alphabetic())
        {
            number = digits.parse().ok();
            key.truncate(stripped.len());
        }
    }
    (key, number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.trimmed()).collect()
    }

    #[test]
    fn labels() {
        assert!(is_page_label("Page 3 of 7"));
        assert!(is_page_label("page 3"));
        assert!(is_page_label("- 4 -"));
        assert!(is_page_label("—12—"));
        assert!(!is_page_label("Page one"));
        assert!(!is_page_label("4"));
        assert!(!is_page_label("-4"));
        assert!(is_page_label("[4]"));
        assert!(is_page_label("(12)"));
        assert!(!is_page_label("- 5["), "a bullet item, not a label");
        assert!(!is_page_label("[5 -"));
        assert!(
            !is_page_label("(]1( )"),
            "brackets must pair with the number alone"
        );
        assert!(!is_page_label("-"));
    }

    #[test]
    fn header_keys_strip_page_numbers() {
        assert_eq!(
            header_key("RFC 2872: access-policy2").0,
            "RFC 2872: access-policy"
        );
        assert_eq!(header_key("A Title     12").1, Some(12));
        assert_eq!(header_key("2018").0, "2018");
    }

    #[test]
    fn removes_numbers_and_headers_at_page_edges() {
        let text = "My Title\nText one\ngoes on\n1\n\u{c}My Title\n\ncontinues here\n2\n\u{c}My Title\nend.";
        let mut lines = split(text);
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        assert_eq!(
            texts(&lines),
            vec![
                "My Title",
                "Text one",
                "goes on",
                "",
                "continues here",
                "end."
            ]
        );
        assert!(lines[4].page_break, "the page break moves to the next line");
        assert_eq!(log.applied(), 4);
    }

    #[test]
    fn numbered_headers_without_form_feeds() {
        let text =
            "A Long Title\nby Someone\nbody line\nA Long Title   2\nmore body\nA Long Title 3\nend";
        let mut lines = split(text);
        run(&mut lines, &mut RepairLog::default());
        assert_eq!(
            texts(&lines),
            vec![
                "A Long Title",
                "by Someone",
                "body line",
                "more body",
                "end"
            ]
        );
    }

    #[test]
    fn a_number_in_running_text_stays() {
        let mut lines = split("In the year\n2018\nthings happened.");
        run(&mut lines, &mut RepairLog::default());
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn stray_dot_goes() {
        let mut lines = split("Para one.\n\n.\n\nPara two.");
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        assert_eq!(texts(&lines), vec!["Para one.", "", "", "Para two."]);
        assert_eq!(log.changes[0].rule, "stray-punctuation");
    }
}
