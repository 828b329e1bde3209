//! The repair review page: one self-contained HTML file (inline CSS and a
//! little vanilla JavaScript, nothing fetched) that shows the raw input and
//! the repaired document side by side, aligned by source span, with every
//! edit of the [`RepairLog`] highlighted by kind, its rule, before and after;
//! declined decisions apart; counts per rule with filters; `n`/`p` to go
//! from edit to edit. An editor unticks the edits that are wrong and
//! downloads their ids; `recto convert --reject FILE` then leaves them
//! undone (see [`RepairLog::approve`]).

mod marks;
pub mod reject;

use std::collections::BTreeMap;

use crate::model::{Block, Document, Span};
use crate::normalize::{Change, RepairLog};
use crate::write::epub::xhtml::{Renderer, esc, label};

const CSS: &str = include_str!("../../templates/review/style.css");
const JS: &str = include_str!("../../templates/review/script.js");

/// What a review page shows.
pub struct Review<'a> {
    /// The input's name, as shown and as the stem of the download.
    pub name: &'a str,
    /// The decoded input text: line numbers are the spans' line numbers.
    pub source: &'a str,
    pub doc: &'a Document,
    pub log: &'a RepairLog,
}

/// The kind an edit is shown as, from its pass and rule.
pub fn kind(c: &Change) -> &'static str {
    match c.pass {
        "paragraphs" | "joined-lines" => "join",
        "dehyphenate" | "hyphen-restore" => "dehyphenation",
        "spacing" | "hygiene" | "hygiene-inline" => "spacing",
        "page-artifacts" => "furniture",
        "markup" => "markup",
        "structure" if matches!(c.rule, "title" | "authors") => "metadata",
        "end-matter" if c.rule != "back-matter" => "metadata",
        _ => "structure",
    }
}

/// How a kind is named on the page.
fn kind_label(kind: &str) -> &'static str {
    match kind {
        "join" => "line join",
        "dehyphenation" => "dehyphenation",
        "spacing" => "spacing",
        "furniture" => "removed furniture",
        "markup" => "markup",
        "metadata" => "metadata found",
        _ => "structure",
    }
}

/// One edit on the page: its place in the log, id, rule index.
struct Edit<'a> {
    n: usize,
    change: &'a Change,
    id: String,
    rule: usize,
}

/// A stretch of the input and what became of it.
struct Piece {
    span: Span,
    html: String,
}

/// The review page.
pub fn page(review: &Review<'_>) -> String {
    let log = review.log;
    let mut rules: BTreeMap<String, (usize, &'static str)> = BTreeMap::new();
    for c in log.changes.iter().filter(|c| !c.declined) {
        let e = rules
            .entry(format!("{}/{}", c.pass, c.rule))
            .or_insert((0, kind(c)));
        e.0 += 1;
    }
    let rule_index: BTreeMap<&str, usize> = rules
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let edits: Vec<Edit<'_>> = log
        .changes
        .iter()
        .filter(|c| !c.declined)
        .enumerate()
        .map(|(n, c)| Edit {
            n,
            change: c,
            id: c.id(),
            rule: rule_index[format!("{}/{}", c.pass, c.rule).as_str()],
        })
        .collect();
    let declined: Vec<&Change> = log.changes.iter().filter(|c| c.declined).collect();
    let rejected = edits.iter().filter(|e| e.change.rejected).count();

    let mut out = String::with_capacity(review.source.len() * 3 + 64 * 1024);
    let title = format!("Repair review: {}", label(review.name));
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}\n</style>\n",
        esc(&title),
        CSS.trim_end()
    ));
    // One rule per filter: hiding a rule is one class on the body.
    out.push_str("<style>\n");
    for i in 0..rules.len() {
        out.push_str(&format!(
            ".hide-r{i} li.r{i} {{ display: none; }} .hide-r{i} .edit.r{i}, .hide-r{i} .after.r{i} {{ background: none; outline: none; border-color: transparent; }}\n"
        ));
    }
    out.push_str("</style>\n</head>\n<body>\n");

    out.push_str(&format!(
        "<header class=\"top\">\n<h1>{}</h1>\n<p>{} edits ({} rejected), {} declined, {} input lines. \
         Keys: <kbd>n</kbd> next edit, <kbd>p</kbd> previous. <span id=\"position\" aria-live=\"polite\"></span></p>\n</header>\n",
        esc(&title),
        edits.len() - rejected,
        rejected,
        declined.len(),
        review.source.lines().count(),
    ));
    out.push_str(
        "<div class=\"layout\">\n<nav class=\"panel\" aria-label=\"Edits and filters\">\n",
    );
    filters(&mut out, &rules);
    out.push_str(&format!(
        "<section aria-labelledby=\"overrule-h\">\n<h2 id=\"overrule-h\">Overrule</h2>\n\
         <p>Untick an edit to reject it, then download the ids and run \
         <code>recto convert --reject FILE</code>. Rejected: <span id=\"rejected-count\">{rejected}</span>.</p>\n\
         <p><a id=\"download\" href=\"#download\" download=\"{}.reject.txt\" data-name=\"{}\">Download rejected ids</a></p>\n</section>\n",
        esc(&download_stem(review.name)),
        esc(&label(review.name)),
    ));
    entries(&mut out, &edits);
    out.push_str("</nav>\n<main id=\"text\">\n");
    side_by_side(&mut out, review, &edits);
    declined_list(&mut out, &declined);
    out.push_str("</main>\n</div>\n<script>\n");
    out.push_str(JS.trim_end());
    out.push_str("\n</script>\n</body>\n</html>\n");
    out
}

fn download_stem(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() {
        "document".into()
    } else {
        clean
    }
}

fn filters(out: &mut String, rules: &BTreeMap<String, (usize, &'static str)>) {
    out.push_str("<section aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">Rules</h2>\n");
    if rules.is_empty() {
        out.push_str("<p>No edits.</p>\n");
    }
    out.push_str("<ul class=\"filters\">\n");
    for (i, (name, (count, kind))) in rules.iter().enumerate() {
        out.push_str(&format!(
            "<li><label><input type=\"checkbox\" class=\"filter\" data-rule=\"r{i}\" checked> \
             <span class=\"swatch k-{kind}\" title=\"{}\"></span> {} <span class=\"count\">{count}</span></label></li>\n",
            kind_label(kind),
            esc(name)
        ));
    }
    out.push_str("</ul>\n</section>\n");
}

fn entries(out: &mut String, edits: &[Edit<'_>]) {
    out.push_str(&format!(
        "<section aria-labelledby=\"edits-h\">\n<h2 id=\"edits-h\">Edits ({})</h2>\n<ol class=\"entries\">\n",
        edits.len()
    ));
    for e in edits {
        let c = e.change;
        let state = if c.rejected { " rejected" } else { "" };
        out.push_str(&format!(
            "<li class=\"entry r{}{state}\" data-id=\"{}\" data-n=\"{}\"><input type=\"checkbox\" class=\"keep\" id=\"keep-{n}\"{} aria-label=\"Keep edit {} ({}/{})\"> \
             <span class=\"swatch k-{kind}\" title=\"{}\"></span> <a href=\"#e-{n}\">{}</a> <span class=\"rule\">{}/{}</span> <del>{}</del> → <ins>{}</ins>",
            e.rule,
            e.id,
            e.n,
            if c.rejected { "" } else { " checked" },
            e.n + 1,
            esc(c.pass),
            esc(c.rule),
            kind_label(kind(c)),
            if c.span.is_unknown() {
                "metadata".to_string()
            } else {
                format!("line {}", c.span)
            },
            esc(c.pass),
            esc(c.rule),
            esc(&shown(&c.before)),
            esc(&shown(&c.after)),
            n = e.n,
            kind = kind(c),
        ));
        if c.rejected {
            out.push_str(" <span class=\"state\">rejected</span>");
        }
        if let Some(ev) = &c.evidence {
            out.push_str(&format!(" <small>{}</small>", esc(ev)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

/// Text of an edit as shown: line ends visible, empty as a sign.
fn shown(text: &str) -> String {
    if text.is_empty() {
        "∅".into()
    } else {
        text.replace('\n', " ⏎ ")
    }
}

/// The pieces of the repaired document with the input lines they came from:
/// the metadata first (no span), then every block of the body, abstract,
/// end matter and biographies.
fn pieces(doc: &Document) -> Vec<Piece> {
    let mut r = Renderer::default();
    r.html5 = true;
    let mut out = Vec::new();
    let meta = &doc.meta;
    let mut head = String::new();
    if let Some(t) = &meta.title {
        head.push_str("<p class=\"heading level-1\">");
        r.inlines(&mut head, t);
        head.push_str("</p>\n");
    }
    for a in meta.authors.iter().filter(|a| !label(&a.name).is_empty()) {
        head.push_str(&format!(
            "<p class=\"meta\">Author: {}</p>\n",
            esc(&label(&a.name))
        ));
    }
    if !head.is_empty() {
        out.push(Piece {
            span: Span::UNKNOWN,
            html: head,
        });
    }
    let mut add = |blocks: &[Block], r: &mut Renderer| {
        for b in blocks {
            let mut html = String::new();
            r.block(&mut html, b);
            out.push(Piece {
                span: b.span(),
                html: demote_headings(&html),
            });
        }
    };
    if let Some(abs) = &meta.abstract_ {
        add(&abs.blocks, &mut r);
    }
    add(&doc.blocks, &mut r);
    for back in &doc.back {
        add(&back.blocks, &mut r);
    }
    for a in &meta.authors {
        add(&a.bio, &mut r);
    }
    out.sort_by_key(|p| (!p.span.is_unknown(), p.span.start));
    out
}

/// The document's headings shown as styled paragraphs: real headings would
/// break the outline of the review page itself.
fn demote_headings(html: &str) -> String {
    let mut s = html.to_string();
    for level in 1..=6 {
        s = s
            .replace(
                &format!("<h{level}>"),
                &format!("<p class=\"heading level-{level}\">"),
            )
            .replace(&format!("</h{level}>"), "</p>");
    }
    s
}

/// The input and the repaired text in rows aligned by span.
fn side_by_side(out: &mut String, review: &Review<'_>, edits: &[Edit<'_>]) {
    let lines: Vec<&str> = review.source.split('\n').collect();
    let last = lines.len() as u32;
    // Edits by the first line they touch (0: no line, the metadata row).
    let mut by_line: BTreeMap<u32, Vec<&Edit<'_>>> = BTreeMap::new();
    for e in edits {
        let start = e.change.span.start.min(last);
        by_line.entry(start).or_default().push(e);
    }
    out.push_str(
        "<section aria-labelledby=\"text-h\">\n<h2 id=\"text-h\">Input and repaired text</h2>\n\
         <div class=\"row head\" aria-hidden=\"true\"><div class=\"ln\">Line</div><div>Input</div><div>Repaired</div></div>\n",
    );
    let mut cursor: u32 = 1;
    let pieces = pieces(review.doc);
    let row = |out: &mut String, from: u32, to: u32, html: &str, unknown: bool| {
        let mut here: Vec<&Edit<'_>> = Vec::new();
        if unknown {
            here.extend(by_line.get(&0).into_iter().flatten());
        } else {
            for (_, list) in by_line.range(from..=to) {
                here.extend(list);
            }
        }
        let text = if unknown || from > to {
            String::new()
        } else {
            lines[(from - 1) as usize..to as usize].join("\n")
        };
        if !unknown && html.is_empty() && here.is_empty() && text.trim().is_empty() {
            return; // blank lines, nothing removed: no row
        }
        let numbers = match (unknown, from >= to) {
            (true, _) => "meta".to_string(),
            (false, true) => from.to_string(),
            (false, false) => format!("{from}–{to}"),
        };
        let first_line = if unknown { 0 } else { from };
        let raw = marks::raw(&text, first_line, &here);
        let fixed = marks::repaired(html, &here);
        out.push_str(&format!(
            "<div class=\"row\" id=\"L{}\"><div class=\"ln\">{numbers}</div><pre class=\"raw\">{raw}</pre><div class=\"fixed\">{fixed}</div></div>\n",
            if unknown { 0 } else { from }
        ));
    };
    for p in &pieces {
        if p.span.is_unknown() {
            row(out, 0, 0, &p.html, true);
            continue;
        }
        let start = p.span.start.clamp(1, last);
        let end = p.span.end.clamp(start, last);
        if start > cursor {
            row(out, cursor, start - 1, "", false);
        }
        let from = start.max(cursor);
        row(out, from, end, &p.html, false);
        cursor = cursor.max(end + 1);
    }
    if pieces.iter().all(|p| !p.span.is_unknown()) && by_line.contains_key(&0) {
        row(out, 0, 0, "", true);
    }
    if cursor <= last {
        row(out, cursor, last, "", false);
    }
    out.push_str("</section>\n");
}

fn declined_list(out: &mut String, declined: &[&Change]) {
    out.push_str(&format!(
        "<section aria-labelledby=\"declined-h\" class=\"declined\">\n<h2 id=\"declined-h\">Declined ({})</h2>\n",
        declined.len()
    ));
    if declined.is_empty() {
        out.push_str("<p>No case was declined.</p>\n");
    } else {
        out.push_str("<p>Cases a pass saw and left alone as ambiguous.</p>\n<ol>\n");
        for c in declined {
            out.push_str(&format!(
                "<li><span class=\"rule\">{}/{}</span> line {}: <code>{}</code>",
                esc(c.pass),
                esc(c.rule),
                c.span,
                esc(&shown(&c.before))
            ));
            if let Some(ev) = &c.evidence {
                out.push_str(&format!(" <small>{}</small>", esc(ev)));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}
