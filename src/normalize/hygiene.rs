//! Encoding hygiene: characters that are invisible, illegal in XML, or
//! typesetting artifacts rather than text.
//!
//! Two passes share the rules. `hygiene` runs first on raw lines so that
//! every later decision sees clean letters ("ﬁnance" is looked up as
//! "finance"), and TeX logos whole ([`super::tex_logos`]). It leaves a soft
//! hyphen at the very end of a line alone: that is where a typesetter broke
//! a word, and `dehyphenate` needs to see it.
//! Form feeds never reach it (the line splitter turns them into page breaks).
//! `hygiene-inline` runs on the document tree: it cleans structured input
//! (Markdown never goes through the line stage) and whatever a line-end soft
//! hyphen left behind, so no writer ever sees one of these characters.

use std::borrow::Cow;

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use super::inline_walk::{for_each_inlines_where, for_each_text};
use super::lines::Line;
use super::{Pass, RepairLog, Stage};
use crate::model::{Document, Inline, Span};

pub const PASS: Pass = Pass {
    name: "hygiene",
    about: "Removes BOMs, control, zero-width and soft-hyphen characters, \
            expands ligatures (and puts back those left as font codes), makes \
            odd spaces plain and text NFC, puts TeX logos' lone letters back",
    stage: Stage::Lines(run_lines),
};

pub const INLINE_PASS: Pass = Pass {
    name: "hygiene-inline",
    about: "The hygiene rules on the document tree (structured input, leftovers)",
    stage: Stage::Tree(run_tree),
};

const SOFT_HYPHEN: char = '\u{AD}';

/// One rule: its name, and the repair of a whitespace-free piece of text.
/// `line_end` is true for the last piece of a line whose line-end soft
/// hyphen must be kept.
type Rule = (&'static str, fn(&str, bool) -> Cow<'_, str>);

/// In order: characters are removed before ligatures are expanded and the
/// result is composed (NFC), so composition sees the final letters.
const RULES: &[Rule] = &[
    ("bom", bom),
    ("control-character", control),
    ("zero-width", zero_width),
    ("odd-space", odd_space),
    ("ligature", ligature),
    ("soft-hyphen", soft_hyphen),
    ("nfc", nfc),
];

// The signature is the line stage's (`Stage::Lines`), shared with passes
// that add and remove lines.
#[allow(clippy::ptr_arg)]
fn run_lines(lines: &mut Vec<Line>, log: &mut RepairLog) {
    // Before any control character goes: a ligature's code is letters.
    super::ligature_codes::restore(lines, log, PASS.name);
    super::misread_ligatures::restore(lines, log, PASS.name);
    let hyphens_written_soft = lines
        .iter()
        .any(|l| l.text.contains(SOFT_HYPHEN) && soft_hyphen_opens_a_word(&l.text));
    for line in lines.iter_mut() {
        let span = line.span();
        if hyphens_written_soft && let Some(hyphens) = soft_hyphens_as_hyphens(&line.text) {
            log.record(
                PASS.name,
                "soft-hyphen-as-hyphen",
                span,
                line.trimmed(),
                hyphens.trim(),
            );
            line.text = hyphens;
        }
        if let Some(apart) = numbers_kept_apart(&line.text) {
            log.record(
                PASS.name,
                "control-character",
                span,
                line.trimmed(),
                apart.trim(),
            );
            line.text = apart;
        }
        if let Some(clean) = clean(&line.text, true, &mut |rule, before, after| {
            log.record(PASS.name, rule, span, before, after)
        }) {
            line.text = clean;
        }
    }
    super::tex_logos::restore(lines, log, PASS.name);
}

fn run_tree(doc: &mut Document, log: &mut RepairLog) {
    // Lists whose words need no rule (most of them) are not split into
    // words at all.
    for_each_inlines_where(doc, &may_need_rules, &mut |inlines, span: Span| {
        for_each_text(inlines, &mut |text| {
            if let Some(clean) = clean(text, false, &mut |rule, before, after| {
                log.record(INLINE_PASS.name, rule, span, before, after)
            }) {
                // `Text` holds no whitespace: an odd space or a lone CR in a
                // token would have split it when it was read, so the repairs
                // here only remove or replace visible letters.
                *text = clean;
            }
        });
    });
    for author in &mut doc.meta.authors {
        if let Some(clean) = clean(&author.name, false, &mut |rule, before, after| {
            log.record(INLINE_PASS.name, rule, Span::UNKNOWN, before, after)
        }) {
            author.name = clean;
        }
    }
}

/// Whether no rule has anything to change in `text`, by a look at its
/// characters. Every test is of single characters or (NFC) restarts at
/// each ASCII character, so it holds of words joined by spaces exactly
/// when it holds of each word.
fn needs_no_rule(text: &str) -> bool {
    // The common case: plain ASCII.
    (text.is_ascii() && !text.chars().any(|c| c.is_ascii_control() && c != '\t'))
        // Nearly as common (curly quotes, accents): no rule has anything to
        // change, so none needs to split the text into pieces.
        || (!text.chars().any(may_need_a_rule)
            && is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes)
}

/// Whether some `Text` of `inlines`, at any depth of markup, may need a
/// rule (see [`needs_no_rule`]).
fn may_need_rules(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(s) => !needs_no_rule(s),
        other => other.children().is_some_and(may_need_rules),
    })
}

/// Applies every rule to `text`; `None` when nothing changed. Each repaired
/// piece (text between plain spaces and tabs) is reported once per rule with
/// its text before and after, so a log reads "ﬁnance -> finance".
pub fn clean(
    text: &str,
    keep_line_end_soft_hyphen: bool,
    report: &mut dyn FnMut(&'static str, String, String),
) -> Option<String> {
    if needs_no_rule(text) {
        return None;
    }
    let mut current = text.to_string();
    let mut changed = false;
    for (name, rule) in RULES {
        let pieces: Vec<&str> = current.split([' ', '\t']).collect();
        let last_word = pieces.iter().rposition(|p| !p.is_empty());
        let mut out = String::with_capacity(current.len());
        let mut rest = current.as_str();
        let mut rule_changed = false;
        for (i, piece) in pieces.iter().enumerate() {
            let line_end = keep_line_end_soft_hyphen && Some(i) == last_word;
            let fixed = rule(piece, line_end);
            if let Cow::Owned(fixed) = &fixed
                && fixed != piece
            {
                report(name, piece.to_string(), fixed.clone());
                rule_changed = true;
            }
            out.push_str(&fixed);
            // Copy the separator that followed this piece.
            rest = &rest[piece.len()..];
            if let Some(sep) = rest.chars().next() {
                out.push(sep);
                rest = &rest[sep.len_utf8()..];
            }
        }
        if rule_changed {
            current = out;
            changed = true;
        }
    }
    changed.then_some(current)
}

/// Whether some rule other than `nfc` may change a text holding `c` (each
/// rule's own test, joined; text without any of them is left alone by all).
fn may_need_a_rule(c: char) -> bool {
    is_stripped_control(c)
        || matches!(
            c,
            '\u{FFFE}'
                | '\u{FFFF}'
                | '\u{FEFF}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{A0}'
                | '\u{1680}'
                | '\u{2000}'..='\u{200A}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FB00}'..='\u{FB06}'
                | SOFT_HYPHEN
        )
}

/// Keeps the characters for which `keep` is true, borrowing when all are.
fn retain(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if s.chars().all(&keep) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| keep(c)).collect())
    }
}

/// A byte-order mark at the start of the text (a BOM elsewhere is a
/// zero-width no-break space, handled by `zero_width`).
fn bom(s: &str, _: bool) -> Cow<'_, str> {
    match s.strip_prefix('\u{FEFF}') {
        Some(rest) => Cow::Owned(rest.to_string()),
        None => Cow::Borrowed(s),
    }
}

/// A control character between two digits ("4\u{15}5", a dash of a font
/// the extractor could not map) becomes a space: removed, it would glue two
/// numbers into one that the document never printed ("45"). Only where the
/// text is still lines: a `Text` of the tree holds no whitespace.
fn numbers_kept_apart(text: &str) -> Option<String> {
    // Nearly every line has no control character: no need to look closer.
    if !text.contains(is_stripped_control) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // Whether the nearest character that is no control, after each
    // position, is a digit; one pass from the end keeps it linear.
    let mut digit_after = vec![false; chars.len() + 1];
    for i in (0..chars.len()).rev() {
        digit_after[i] = if is_stripped_control(chars[i]) {
            digit_after[i + 1]
        } else {
            chars[i].is_ascii_digit()
        };
    }
    let mut digit_before = false;
    let mut changed = false;
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if !is_stripped_control(c) {
            digit_before = c.is_ascii_digit();
            out.push(c);
        } else if digit_before && digit_after[i + 1] {
            changed = true;
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    changed.then_some(out)
}

/// Characters XML 1.0 forbids: C0 controls other than tab, LF and CR, and
/// the non-characters U+FFFE and U+FFFF. A form feed among them would be a
/// fatal error in an EPUB. CR is dropped too: line ends were already split.
fn control(s: &str, _: bool) -> Cow<'_, str> {
    retain(s, |c| {
        !(c == '\u{FFFE}' || c == '\u{FFFF}' || is_stripped_control(c))
    })
}

/// A C0 control character that [`control`] removes: all but tab and LF.
fn is_stripped_control(c: char) -> bool {
    c.is_ascii_control() && c != '\t' && c != '\n'
}

fn zero_width(s: &str, _: bool) -> Cow<'_, str> {
    retain(s, |c| {
        !matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
    })
}

/// No-break and other typographic spaces become plain spaces: the model
/// keeps spacing as structure, not as characters.
fn odd_space(s: &str, _: bool) -> Cow<'_, str> {
    let odd = |c: char| {
        matches!(
            c,
            '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
        )
    };
    if s.chars().any(odd) {
        Cow::Owned(s.chars().map(|c| if odd(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// The Latin ligatures U+FB00-FB06 spelled out.
fn ligature(s: &str, _: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether a soft hyphen opens a word (`\u{AD}\u{AD}target`, a flag): a
/// hyphenation hint stands between letters, never before the first, so
/// here the extractor wrote the document's hyphens as soft hyphens, as
/// pypdf and pdfminer do for some fonts.
fn soft_hyphen_opens_a_word(text: &str) -> bool {
    let mut before = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == SOFT_HYPHEN
            && (before.is_whitespace() || matches!(before, '(' | '"' | '\'' | '“' | '‘'))
        {
            while chars.next_if_eq(&SOFT_HYPHEN).is_some() {}
            if chars.peek().is_some_and(|c| c.is_alphabetic()) {
                return true;
            }
        }
        before = c;
    }
    false
}

/// In a document that writes its hyphens as soft hyphens (see
/// [`soft_hyphen_opens_a_word`]), each soft hyphen with text right after it
/// on its line is a hyphen: `first\u{AD}come` is "first-come", `\u{AD}\u{AD}dry\u{AD}run` is
/// "--dry-run". One that ends a line, or a cell before a wide gap, is where
/// a word was broken, left to the soft-hyphen rule and `dehyphenate`.
/// `None` when the line has none.
fn soft_hyphens_as_hyphens(text: &str) -> Option<String> {
    if !text.contains(SOFT_HYPHEN) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != SOFT_HYPHEN {
            out.push(c);
            continue;
        }
        // A run of soft hyphens is decided by what follows the whole run.
        let mut run = 1;
        while chars.next_if_eq(&SOFT_HYPHEN).is_some() {
            run += 1;
        }
        let mark = if chars.peek().is_some_and(|n| !n.is_whitespace()) {
            '-'
        } else {
            SOFT_HYPHEN
        };
        out.extend(std::iter::repeat_n(mark, run));
    }
    (out != text).then_some(out)
}

/// Soft hyphens are invisible hyphenation hints; only the one ending a line
/// (while lines still exist) right after a letter carries information, for
/// `dehyphenate`: it marks a break inside a word.
fn soft_hyphen(s: &str, line_end: bool) -> Cow<'_, str> {
    if !s.contains(SOFT_HYPHEN) {
        return Cow::Borrowed(s);
    }
    let body = if line_end {
        s.trim_end_matches(SOFT_HYPHEN)
    } else {
        s
    };
    let mut out: String = body.chars().filter(|&c| c != SOFT_HYPHEN).collect();
    if line_end && body.len() < s.len() && out.chars().last().is_some_and(char::is_alphabetic) {
        out.push(SOFT_HYPHEN);
    }
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

fn nfc(s: &str, _: bool) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    let composed: String = s.nfc().collect();
    if composed == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(composed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_needs_rules_when_one_of_its_words_does() {
        use crate::model::Inline;
        // The test on words joined by spaces is the test on each word.
        for text in [
            "plain words",
            "China’s détente",
            "ﬁnance and more",
            "a\u{200B}b c",
        ] {
            let joined = needs_no_rule(text);
            let each = text.split(' ').all(needs_no_rule);
            assert_eq!(joined, each, "{text:?}");
            assert_eq!(may_need_rules(&[Inline::text(text)]), !joined, "{text:?}");
        }
        assert!(may_need_rules(&[Inline::Emphasis(vec![Inline::text(
            "ﬁne"
        )])]));
    }

    /// The pass reads a ligature's code and a letter read for a ligature
    /// back as the ligature's letters, before any other rule sees them.
    #[test]
    fn ligatures_an_extractor_lost_come_back() {
        let mut lines = crate::normalize::lines::split(
            "The \u{1C}rst üle is speciüed as a user-deüned\nüle, and so is the next.",
        );
        let mut log = RepairLog::default();
        run_lines(&mut lines, &mut log);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The first file is specified as a user-defined",
                "file, and so is the next."
            ]
        );
    }

    fn run(text: &str, keep: bool) -> (String, Vec<(&'static str, String, String)>) {
        let mut changes = Vec::new();
        let out = clean(text, keep, &mut |r, b, a| changes.push((r, b, a)))
            .unwrap_or_else(|| text.to_string());
        (out, changes)
    }

    #[test]
    fn soft_hyphens_are_hyphens_where_one_opens_a_word() {
        let lines_of = |text: &str| {
            let mut lines = crate::normalize::lines::split(text);
            let mut log = RepairLog::default();
            run_lines(&mut lines, &mut log);
            let texts: Vec<String> = lines.into_iter().map(|l| l.text).collect();
            (texts, log)
        };
        // pypdf's text of a page: a flag's dashes open a word, so the
        // extractor wrote every hyphen as a soft hyphen. The one ending a
        // line is a break, left for dehyphenate.
        let (texts, log) = lines_of(
            "Run cargo publish \u{AD}\u{AD}dry\u{AD}run first, on a first\u{AD}come\n\
             basis; it is gen\u{AD}\nerally safe.\n",
        );
        assert_eq!(
            texts[0],
            "Run cargo publish --dry-run first, on a first-come"
        );
        assert_eq!(texts[1], "basis; it is gen\u{AD}");
        assert!(
            log.changes
                .iter()
                .any(|c| c.rule == "soft-hyphen-as-hyphen")
        );
        // Hyphenation hints between letters only (text copied from a web
        // page): they are invisible, and go.
        let (texts, log) = lines_of("hy\u{AD}phen\u{AD}ation and first\u{AD}come\n");
        assert_eq!(texts[0], "hyphenation and firstcome");
        assert!(log.changes.iter().all(|c| c.rule == "soft-hyphen"));
    }

    #[test]
    fn a_control_character_between_digits_keeps_the_numbers_apart() {
        let mut lines =
            crate::normalize::lines::split("lines 4\u{15}5 and 22\u{15}23, de\u{15}ned\n");
        let mut log = RepairLog::default();
        run_lines(&mut lines, &mut log);
        assert_eq!(lines[0].text, "lines 4 5 and 22 23, dened");
        assert!(log.changes.iter().all(|c| c.rule == "control-character"));
    }

    #[test]
    fn expands_ligatures_and_logs_the_word() {
        let (out, changes) = run("the \u{FB01}nance o\u{FB03}ce", false);
        assert_eq!(out, "the finance office");
        assert_eq!(
            changes[0],
            (
                "ligature",
                "\u{FB01}nance".to_string(),
                "finance".to_string()
            )
        );
        assert_eq!(changes.len(), 2);
    }

    #[test]
    fn keeps_a_line_end_soft_hyphen_only_on_lines() {
        let text = "a re\u{AD}port inter\u{AD}";
        assert_eq!(run(text, true).0, "a report inter\u{AD}");
        assert_eq!(run(text, false).0, "a report inter");
        // Trailing spaces after it do not hide the line end.
        assert_eq!(run("inter\u{AD}  ", true).0, "inter\u{AD}  ");
        // Only after a letter: a soft hyphen after punctuation marks nothing.
        assert_eq!(run("x :\u{AD}", true).0, "x :");
    }

    #[test]
    fn removes_invisible_and_illegal_characters() {
        let (out, _) = run("\u{FEFF}a\u{200B}b c\u{1}d\u{FFFF} e\u{7}", false);
        assert_eq!(out, "ab cd e");
    }

    #[test]
    fn makes_odd_spaces_plain() {
        assert_eq!(run("10\u{A0}km and\u{2009}so", false).0, "10 km and so");
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(run("cafe\u{301}", false).0, "caf\u{E9}");
    }

    #[test]
    fn clean_text_is_untouched() {
        assert!(clean("plain ASCII text, G20 5G", true, &mut |_, _, _| panic!()).is_none());
        assert!(
            clean(
                "caf\u{E9} \u{2014} \u{201C}q\u{201D}",
                true,
                &mut |_, _, _| panic!()
            )
            .is_none()
        );
    }

    #[test]
    fn is_idempotent() {
        let text = "\u{FEFF}x\u{A0}\u{FB00}\u{AD}y e\u{301} \u{3}z\u{AD}";
        for keep in [true, false] {
            let once = run(text, keep).0;
            assert_eq!(run(&once, keep).0, once);
        }
    }
}
