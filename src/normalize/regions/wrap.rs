//! Comments of a listing that the printed page wrapped.
//!
//! A listing set in a narrow column wraps its longest lines; in the
//! extracted text the end of a `//` comment then stands on a line of its
//! own ("// Error: The credential could not be found in the" /
//! "provider."), where it reads neither as code nor as a comment. The two
//! lines are one again when the evidence says so:
//!
//! - the first line is a line comment that reaches the right margin of the
//!   document's listings (the longest code line shows where that margin
//!   is): the next word would not have fitted;
//! - the second line is plain words only (a sentence's end, "(optional)"),
//!   no code shape, and not a lone word before a closing bracket (a value
//!   the block returns).
//!
//! Anything else stays on its line; a candidate that fails one test is
//! logged as declined. Code itself is never rejoined: whether a wrapped
//! statement had a space at the break is not in the text.

use super::NAME;
use super::code::{self, Signal};
use crate::normalize::RepairLog;
use crate::normalize::lines::{Line, LineKind};

/// How far short of the margin a wrapped line may end: the margin is read
/// from the longest line, which may stand two levels of (lost)
/// indentation further left than the wrapped one.
const MARGIN_SLACK: usize = 8;

/// Rejoins the wrapped comments of the code lines.
pub fn rejoin_comments(lines: &mut Vec<Line>, log: &mut RepairLog) {
    let margin = lines
        .iter()
        .filter(|l| l.kind == LineKind::Code)
        .map(Line::len)
        .max()
        .unwrap_or(0);
    let mut k = 0;
    while k + 1 < lines.len() {
        let (line, next) = (&lines[k], &lines[k + 1]);
        let candidate = line.kind == LineKind::Code
            && next.kind == LineKind::Code
            && line.trimmed().starts_with("//")
            && !next.is_blank()
            && words_only(next.trimmed());
        if !candidate {
            k += 1;
            continue;
        }
        let first_word = next.trimmed().split_whitespace().next().unwrap_or("");
        let reach = line.len() + 1 + first_word.chars().count();
        let span = line.span().join(next.span());
        let lone_value = next.trimmed().split_whitespace().count() == 1
            && !next.trimmed().ends_with(['.', ')'])
            && lines
                .get(k + 2)
                .is_some_and(|l| l.trimmed().starts_with(['}', ')', ']']));
        let why = if reach + MARGIN_SLACK <= margin {
            Some("the comment ends short of the listing's margin")
        } else if lone_value {
            Some("a lone word before a closing bracket may be a value")
        } else if next.page_break || !next.page_starts.is_empty() {
            Some("a page starts at the second line")
        } else {
            None
        };
        if let Some(why) = why {
            log.decline(
                NAME,
                "code-wrapped-comment",
                span,
                format!("{} / {} ({why})", line.trimmed(), next.trimmed()),
            );
            k += 1;
            continue;
        }
        let joined = format!("{} {}", line.text.trim_end(), next.trimmed());
        log.record_cited(
            NAME,
            "code-wrapped-comment",
            span,
            format!("{} / {}", line.trimmed(), next.trimmed()),
            joined.trim().to_string(),
            format!(
                "the comment reaches the listing margin ({margin} characters) and the next line is words only"
            ),
        );
        let next = lines.remove(k + 1);
        let line = &mut lines[k];
        line.text = joined;
        line.last = next.last.max(line.last);
    }
}

/// Plain words only, with ordinary punctuation: the end of a sentence.
fn words_only(t: &str) -> bool {
    !t.starts_with("//")
        && matches!(
            code::signal(t),
            Signal::Neutral | Signal::Prose | Signal::Weak("symbols")
        )
        && t.split_whitespace().all(code::is_plain_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn rejoined(text: &str) -> Vec<String> {
        let mut lines = split(text);
        for l in &mut lines {
            l.kind = LineKind::Code;
        }
        rejoin_comments(&mut lines, &mut RepairLog::default());
        lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn a_wrapped_comment_is_one_line_again() {
        let out = rejoined(
            "{\"Err\":{\n// Error: The credential could not be found in the\nprovider.\n\"kind\":\"not-found\"\n}}",
        );
        assert_eq!(
            out[1],
            "// Error: The credential could not be found in the provider."
        );
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn short_comments_and_code_after_them_stay() {
        for text in [
            "// short\nwords after it\n\"kind\":\"not-found\",\n\"a-much-longer-line-of-code-that-sets-the-margin\": 1",
            "fn f() -> u32 {\n// a comment that is as long as the longest line\nvalue\n}",
            "// a comment that is as long as the longest line\nlet x = 1;",
        ] {
            let want: Vec<String> = text.lines().map(str::to_string).collect();
            assert_eq!(rejoined(text), want);
        }
    }
}
