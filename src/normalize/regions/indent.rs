//! Indentation an extractor dropped from a listing, restored from the
//! listing's own brackets.
//!
//! `pdftotext` without `-layout`, pdfminer and pypdf set every line of a
//! listing flush left: the nesting a reader sees in the printed code is
//! gone, while the brackets that made it are still in the text. Where a
//! listing's lines all start at one column and its brackets nest and close
//! cleanly, each line is set one step deeper for every line above it that
//! left a bracket open (a line that opens `{"Ok":{` is one step, as
//! formatters write it), and a line that starts by closing one goes back.
//! Anything less clean (a bracket left open at the end, a closer with no
//! opener, a string running past the end of a line, indentation already
//! there) leaves the listing as it is.
//!
//! The step is the document's own where it shows one (the most common
//! indentation step among the listings that kept theirs); otherwise four
//! spaces, the step of the common formatters. Every restored listing is
//! logged with the evidence, every declined one with the reason.

use super::NAME;
use crate::normalize::RepairLog;
use crate::normalize::lines::{Line, LineKind};

/// The step when the document shows none: `rustfmt`, `black`, `gofmt`'s
/// tab width and the JSON pretty-printers all indent by four.
const DEFAULT_STEP: usize = 4;

/// The largest step the document's own listings may suggest; wider
/// differences are alignment (a continued argument list), not nesting.
const MAX_STEP: usize = 8;

const LEFT_OPEN: &str = "a bracket is left open at the end";

/// Restores the indentation of every run of code lines that lost it.
pub fn restore(lines: &mut [Line], log: &mut RepairLog) {
    let runs = code_runs(lines);
    let (step, source) = match document_step(lines, &runs) {
        Some(step) => (step, "the step the document's other listings use"),
        None => (
            DEFAULT_STEP,
            "no listing of the document shows a step: four spaces",
        ),
    };
    for (start, end) in runs {
        if !flush(&lines[start..=end]) {
            continue;
        }
        for (a, b) in listings(&lines[start..=end]) {
            restore_one(&mut lines[start + a..=start + b], step, source, log);
        }
    }
}

/// The listings of a run of code lines: pieces between blank lines, each
/// extended over the next while a bracket is still open at its end (two
/// listings set one after the other are judged one by one).
fn listings(run: &[Line]) -> Vec<(usize, usize)> {
    let pieces = super::units(run);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (a, b) in pieces {
        let (a, b) = open.map_or((a, b), |(s, _)| (s, b));
        if levels(&run[a..=b]) == Err(LEFT_OPEN) {
            open = Some((a, b));
        } else {
            out.push((a, b));
            open = None;
        }
    }
    out.extend(open);
    out
}

fn restore_one(run: &mut [Line], step: usize, source: &str, log: &mut RepairLog) {
    let span = run[0].span().join(run[run.len() - 1].span());
    let levels = match levels(run) {
        Ok(levels) => levels,
        Err(why) => {
            if has_bracket(run) {
                log.decline(
                    NAME,
                    "code-indent",
                    span,
                    format!("{} ({why})", run[0].trimmed()),
                );
            }
            return;
        }
    };
    if levels.iter().all(|&l| l == 0) {
        return;
    }
    let deepest = levels.iter().max().copied().unwrap_or(0);
    let before = run[0].trimmed().to_string();
    for (line, level) in run.iter_mut().zip(&levels) {
        if line.is_blank() || *level == 0 {
            continue;
        }
        line.text = format!("{}{}", " ".repeat(level * step), line.text);
    }
    log.record_cited(
        NAME,
        "code-indent",
        span,
        before,
        format!("indentation restored, {deepest} levels of {step} spaces"),
        format!("brackets nest and close on every line; the step: {source}"),
    );
}

/// Runs of code lines, blank lines inside included, as (first, last).
fn code_runs(lines: &[Line]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kind != LineKind::Code {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].kind == LineKind::Code {
            i += 1;
        }
        out.push((start, i - 1));
    }
    out
}

/// All non-blank lines start at the same column: the extractor kept no
/// indentation (or the listing has none).
fn flush(run: &[Line]) -> bool {
    let mut indents = run.iter().filter(|l| !l.is_blank()).map(Line::indent);
    let first = indents.next();
    first.is_some() && indents.all(|i| Some(i) == first)
}

/// The most common step between consecutive lines of the listings that
/// kept their indentation, if any does.
fn document_step(lines: &[Line], runs: &[(usize, usize)]) -> Option<usize> {
    let mut counts = [0usize; MAX_STEP + 1];
    for &(start, end) in runs {
        let indents: Vec<usize> = lines[start..=end]
            .iter()
            .filter(|l| !l.is_blank())
            .map(Line::indent)
            .collect();
        for pair in indents.windows(2) {
            let step = pair[1].saturating_sub(pair[0]);
            if (1..=MAX_STEP).contains(&step) {
                counts[step] += 1;
            }
        }
    }
    let (step, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(step, &n)| (n, std::cmp::Reverse(step)))?;
    (n > 0).then_some(step)
}

fn has_bracket(run: &[Line]) -> bool {
    run.iter()
        .any(|l| brackets(&l.text).map(|b| !b.is_empty()).unwrap_or(true))
}

/// The nesting level of every line: one level for each line above whose
/// brackets are still open, less the ones the line itself starts by
/// closing.
fn levels(run: &[Line]) -> Result<Vec<usize>, &'static str> {
    // Each level: how many brackets its line left open.
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(run.len());
    for line in run {
        let Some(marks) = brackets(&line.text) else {
            return Err("a string runs past the end of a line");
        };
        let leading = line
            .trimmed()
            .chars()
            .take_while(|c| matches!(c, '}' | ')' | ']'))
            .count();
        let mut level = None;
        let mut opened_here = false;
        for (k, open) in marks.iter().enumerate() {
            if k == leading.min(marks.len()) && level.is_none() {
                level = Some(stack.len());
            }
            if *open {
                if opened_here {
                    if let Some(top) = stack.last_mut() {
                        *top += 1;
                    }
                } else {
                    stack.push(1);
                    opened_here = true;
                }
            } else {
                let Some(top) = stack.last_mut() else {
                    return Err("a bracket closes that no line opened");
                };
                *top -= 1;
                if *top == 0 {
                    stack.pop();
                    opened_here = false;
                }
            }
        }
        out.push(level.unwrap_or(stack.len()));
    }
    if !stack.is_empty() {
        return Err(LEFT_OPEN);
    }
    Ok(out)
}

/// The brackets of a line in order (`true` opens), outside string literals
/// and comments; `None` when a string literal is still open at the line's
/// end (a string cut by a wrap, or one that spans lines: the nesting is not
/// to be read from it).
fn brackets(text: &str) -> Option<Vec<bool>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        match c {
            // A string literal, or a token quoted in backticks.
            '"' | '`' => {
                k += 1;
                loop {
                    match chars.get(k) {
                        None => return None,
                        Some('\\') => k += 2,
                        Some(&q) if q == c => break,
                        Some(_) => k += 1,
                    }
                }
            }
            // A character literal: '{', '\n'.
            '\'' if chars.get(k + 2) == Some(&'\'') && chars.get(k + 1) != Some(&'\\') => k += 2,
            '\'' if chars.get(k + 1) == Some(&'\\') && chars.get(k + 3) == Some(&'\'') => k += 3,
            '/' if chars.get(k + 1) == Some(&'/') => break,
            '#' if chars.get(k + 1).is_none_or(|n| n.is_whitespace())
                && (k == 0 || chars[k - 1].is_whitespace()) =>
            {
                break;
            }
            '{' | '(' | '[' => out.push(true),
            '}' | ')' | ']' => out.push(false),
            _ => {}
        }
        k += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn restored(text: &str) -> (String, RepairLog) {
        let mut lines = split(text);
        for l in &mut lines {
            l.kind = LineKind::Code;
        }
        let mut log = RepairLog::default();
        restore(&mut lines, &mut log);
        let out: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        (out.join("\n"), log)
    }

    #[test]
    fn nesting_comes_back_from_the_brackets() {
        let (text, log) = restored("fn main() {\nlet v = vec![\n1,\n];\nif x {\ny();\n}\n}");
        assert_eq!(
            text,
            "fn main() {\n    let v = vec![\n        1,\n    ];\n    if x {\n        y();\n    }\n}"
        );
        assert_eq!(log.applied(), 1);
    }

    #[test]
    fn two_brackets_opened_on_one_line_are_one_step() {
        let (text, _) = restored("{\"Ok\":{\n// a { comment\n\"kind\":\"get\"\n}}");
        assert_eq!(
            text,
            "{\"Ok\":{\n    // a { comment\n    \"kind\":\"get\"\n}}"
        );
    }

    #[test]
    fn unbalanced_or_indented_listings_stay_as_they_are() {
        for text in [
            "fn main() {\nlet x = 1;",
            "}\nfoo {\nbar\n}",
            "let s = \"a {\nb\";\n}",
            "fn main() {\n  x();\n}",
        ] {
            assert_eq!(restored(text).0, text);
        }
    }

    #[test]
    fn listings_one_after_the_other_are_judged_one_by_one() {
        let (text, _) = restored("a {\nb\n}\n\nc {\nd\n\ne\n}\n\nf {\ng");
        assert_eq!(text, "a {\n    b\n}\n\nc {\n    d\n\n    e\n}\n\nf {\ng");
    }

    #[test]
    fn brackets_quoted_in_backticks_are_no_nesting() {
        let text = "Module ->\n`mod` IDENTIFIER `{`\nItem*\n`}`";
        assert_eq!(restored(text).0, text);
    }

    #[test]
    fn the_documents_own_step_is_used() {
        let mut lines = split("a {\n  b\n}\nSome prose between the two.\nc {\nd\n}");
        for (k, l) in lines.iter_mut().enumerate() {
            if k != 3 {
                l.kind = LineKind::Code;
            }
        }
        restore(&mut lines, &mut RepairLog::default());
        assert_eq!(lines[5].text, "  d");
    }
}
