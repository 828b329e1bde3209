//! Dehyphenation: a word broken across a line end ("inter-" / "national") is
//! made whole again on the first line, and the hyphen goes or stays:
//!
//! * a soft hyphen (U+00AD) at a line end is the typesetter's own break: the
//!   word is joined without it, unless the joined word is known nowhere (no
//!   word list, no other line of the document) and the layout shows table
//!   cells, whose fragments an extractor prints side by side ("Sym­ Inte­"
//!   over "bol ger"): then the next line may hold another cell's word
//!   ([`soft_break`]), and the break is left as it is;
//! * a plain hyphen stays when the document itself writes the compound
//!   ("China-India" elsewhere), when the joined form is not a word
//!   ("long-" + "suspended"), or when both halves are capitalised names
//!   ("China-" + "India"); it goes when the document or the word list knows
//!   the joined form ("inter-" + "national");
//! * "pre- and post-war" keeps its hanging hyphen and its space.
//!
//! * a dash that joins two words ("happen—who") or two numbers ("1990–"
//!   "2000") and was printed at a line end or start joins the lines without
//!   a space; a word and a number ("door—" "6") stay apart;
//! * a path broken after a slash ("target/" / "debug/") or an address
//!   inside its host name joins where the document writes it whole
//!   ([`path_break`]);
//! * nothing is joined to a line of one letter, the raised "E" of a logo
//!   set on a line of its own (`lone-letter`, declined).
//!
//! The word is not moved between lines: the first line is marked
//! [`Line::glue`], so that `paragraphs` still sees each line's printed length.
//!
//! Runs while line ends still exist (before `paragraphs` joins lines).

mod path_break;
mod soft_break;

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::identifier::{has_inner_dot, identifier_reason, is_code_name, is_identifier};
use super::lexicon::{DocVocabulary, Lexicon, is_function_word};
use super::lines::{Line, page_break_between, path_words, vocabulary};
use super::{Pass, RepairLog, Stage};
use path_break::{PathSpellings, is_file_name, url_join};
use soft_break::Cells;

pub const PASS: Pass = Pass {
    name: NAME,
    about: "rejoin words and paths broken at line ends, keeping real hyphens",
    stage: Stage::Lines(run),
};

const NAME: &str = "dehyphenate";

const PATH_RULE: &str = "path-at-line-end";

const SOFT_HYPHEN: char = '\u{AD}';

/// Words after which a hanging hyphen is a suspended compound ("pre- and
/// post-war", "first- or second-hand"), never a broken word.
const SUSPENSION_WORDS: &[&str] = &["and", "or", "nor", "to", "und", "&"];

// The signature every line pass shares (`Stage::Lines`), though this one
// never adds or removes lines.
#[allow(clippy::ptr_arg)]
pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    // Read the document's spellings (its words, and the parts of its paths)
    // only once a line ends in a hyphen: many documents have none. No line
    // was changed before that point, so they are those of the lines as they
    // came in.
    let mut vocab: Option<(DocVocabulary, FxHashSet<String>)> = None;
    let mut names: Option<HashSet<String>> = None;
    let mut paths_written: Option<PathSpellings> = None;
    let lexicon = Lexicon::for_text(log.other_language);
    for i in 0..lines.len() {
        if lines[i].glue {
            continue;
        }
        let Some(j) = continuation(lines, i) else {
            continue;
        };
        // Code and tables keep their line ends: a hyphen there is text.
        if !lines[i].kind.is_prose() || !lines[j].kind.is_prose() {
            continue;
        }
        // A line of one letter (the raised "E" of a logo that the extractor
        // set on a line of its own) goes on no word: nothing is joined to
        // it. A lone digit may end a number ("3-540-09237-" / "4").
        if is_lone_letter(&lines[j].text) {
            if ends_in_hyphen(&lines[i].text) || dash_join(&lines[i].text, &lines[j].text).is_some()
            {
                log.decline_cited(
                    NAME,
                    "lone-letter",
                    span(lines, i, j),
                    format!("{} {}", last_token(&lines[i].text), lines[j].text.trim()),
                    "the next line is one letter, no part of a word",
                );
            }
            continue;
        }
        if let Some((before, after)) = url_join(&lines[i].text, &lines[j].text) {
            if log.approve_cited(
                NAME,
                "url-at-line-end",
                span(lines, i, j),
                before,
                after,
                "a URL's scheme and the address after it take no space",
            ) {
                lines[i].glue = true;
            }
            continue;
        }
        if let Some((a, b)) = path_break::candidate(lines, i, j) {
            let (before, after) = (format!("{a} {b}"), format!("{a}{b}"));
            let spellings = paths_written.get_or_insert_with(|| PathSpellings::of(lines));
            let joined = match path_break::decide(lines, i, j, (a, b), spellings) {
                None => false,
                Some(Ok(evidence)) => {
                    log.approve_cited(NAME, PATH_RULE, span(lines, i, j), before, after, evidence)
                }
                Some(Err(missing)) => {
                    log.decline_cited(NAME, PATH_RULE, span(lines, i, j), before, missing);
                    false
                }
            };
            lines[i].glue |= joined;
            continue;
        }
        if let Some((before, after)) = dash_join(&lines[i].text, &lines[j].text) {
            if log.approve_cited(
                NAME,
                "dash-at-line-end",
                span(lines, i, j),
                before,
                after,
                "a dash between two words needs no space",
            ) {
                lines[i].glue = true;
            }
            continue;
        }
        if !ends_in_hyphen(&lines[i].text) {
            continue; // nothing for `decide` to do
        }
        let (vocab, paths) = vocab.get_or_insert_with(|| (vocabulary(lines), path_words(lines)));
        let layout = Layout {
            lines,
            i,
            j,
            names: &mut names,
        };
        match decide(
            &lines[i].text,
            &lines[j].text,
            vocab,
            paths,
            lexicon,
            layout,
        ) {
            None => {}
            Some(Edit::Decline { text, missing }) => {
                log.decline_cited(NAME, "ambiguous", span(lines, i, j), text, missing)
            }
            // Across a blank line (no page break), or from a column's foot
            // to the top of the next column (a line printed above this
            // one), the halves must be proven a word or a compound: a
            // default reading joins nothing there.
            Some(Edit::Join { rule, before, .. })
                if UNPROVEN.contains(&rule)
                    && (across_blank(lines, i, j) || lines[j].number < lines[i].number) =>
            {
                log.decline_cited(
                    NAME,
                    rule,
                    span(lines, i, j),
                    before,
                    "a blank line or a column's end lies between the halves, and no word list nor the document spells them as one word",
                )
            }
            Some(Edit::Join {
                rule,
                keep,
                before,
                after,
                evidence,
            }) => {
                if !log.approve_cited(NAME, rule, span(lines, i, j), before, after, evidence) {
                    continue;
                }
                let t = lines[i].text.trim_end();
                let cut = t.len() - t.chars().next_back().map_or(0, char::len_utf8);
                lines[i].text = format!("{}{}", &t[..cut], if keep { "-" } else { "" });
                lines[i].glue = true;
            }
        }
    }
}

/// "happen—" / "who" or "happen" / "—who": a dash between two words, printed
/// at the line break. Spaced dashes ("this — that") are left alone.
fn dash_join(first: &str, next: &str) -> Option<(String, String)> {
    let dashes = ['—', '–'];
    let a = first.split_whitespace().last()?;
    let b = next.split_whitespace().next()?;
    // Letters on both sides, or digits on both ("1990–" / "2000"): a verse
    // number after a dash ("door—" / "6 Only this") starts a line of its own.
    let same_kind = |x: char, y: char| {
        (x.is_alphabetic() && y.is_alphabetic()) || (x.is_numeric() && y.is_numeric())
    };
    let before_dash = a.trim_end_matches(dashes).chars().next_back();
    let glued = (a.ends_with(dashes)
        && before_dash
            .zip(b.chars().next())
            .is_some_and(|(x, y)| same_kind(x, y)))
        // Only an em dash opens a line inside a sentence: an en dash glued
        // to a word there names an option (`--prefix` set as "–prefix") or
        // marks a list item; prose sets its en dash apart, or between
        // numbers ("1990–2000").
        || (b.starts_with('—')
            && b.trim_start_matches(dashes)
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            && a.chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '”' | '’')));
    glued.then(|| (format!("{a} {b}"), format!("{a}{b}")))
}

/// A line that holds one letter and nothing else.
fn is_lone_letter(line: &str) -> bool {
    let mut chars = line.trim().chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// The last whitespace-separated token of a line.
fn last_token(line: &str) -> &str {
    line.split_whitespace().last().unwrap_or("")
}

fn span(lines: &[Line], i: usize, j: usize) -> crate::model::Span {
    lines[i].span().join(lines[j].span())
}

/// The line that continues line `i`: the next non-blank line, across blank
/// lines only where a page break lies between them, or where a word cut by
/// a hyphen goes on in lower case after them (an extractor's blank line
/// inside a list item, "perform opti-" / "" / "mizations across"; `decide`
/// still weighs whether the halves make a word).
fn continuation(lines: &[Line], i: usize) -> Option<usize> {
    if lines[i].is_blank() {
        return None;
    }
    let mut j = i + 1;
    while j < lines.len() && lines[j].is_blank() {
        j += 1;
    }
    if j >= lines.len() {
        return None;
    }
    if across_blank(lines, i, j) && !cut_word_after_blank(&lines[i].text, &lines[j].text) {
        return None;
    }
    Some(j)
}

/// The readings of a break that rest on no spelling the document or the
/// word list shows.
const UNPROVEN: &[&str] = &["hyphenation-by-default", "word-in-cell"];

/// Whether lines `i` and `j` have a blank line and no page break between.
fn across_blank(lines: &[Line], i: usize, j: usize) -> bool {
    j > i + 1 && !page_break_between(lines, i, j)
}

/// "opti-" / "mizations": a line that ends on two letters or more and a
/// hyphen, and a next line that opens on a lower-case letter.
fn cut_word_after_blank(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    line.strip_suffix('-').is_some_and(|before| {
        before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count()
            >= 2
    }) && next.trim_start().starts_with(char::is_lowercase)
}

enum Edit {
    Join {
        rule: &'static str,
        /// Keep a hyphen between the halves.
        keep: bool,
        before: String,
        after: String,
        /// What proves the reading, for the log.
        evidence: String,
    },
    Decline {
        text: String,
        /// What was missing.
        missing: String,
    },
}

/// A line that ends in a hyphen or a soft hyphen (trailing spaces aside):
/// the only lines `decide` looks at.
fn ends_in_hyphen(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with('-') || line.ends_with(SOFT_HYPHEN)
}

/// The run of letters and digits that ends `s` ("glp_ipt" -> "ipt").
fn trailing_alnum(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// The run of letters and digits that starts `s` ("cp," -> "cp").
fn leading_alnum(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// What `decide` may ask about the lines around a soft hyphen, only when
/// the word it joins is known nowhere.
struct Layout<'a> {
    lines: &'a [Line],
    /// The broken line and the line that goes on.
    i: usize,
    j: usize,
    /// The names the document writes inside its tokens (`-Zsanitizer` in
    /// `-Zsanitizer=leak`), read once, when first needed.
    names: &'a mut Option<HashSet<String>>,
}

impl Layout<'_> {
    fn writes_name(&mut self, name: &str) -> bool {
        let lines = self.lines;
        self.names
            .get_or_insert_with(|| name_parts(lines))
            .contains(name)
    }

    /// Why the next line may belong to another table cell (`None`: running text).
    fn cells(&self) -> Option<soft_break::Cells> {
        soft_break::cell_evidence(self.lines, self.i, self.j)
    }

    /// Whether the words before the broken one on its line are whole,
    /// common words: one cell's text ("Overloading Com­"), not fragments
    /// of cells side by side ("re re­", "Sym Inte­").
    fn whole_words_before(&self, lexicon: &Lexicon) -> bool {
        let mut words: Vec<&str> = self.lines[self.i]
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        words.pop();
        words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            is_function_word(w) || (w.chars().count() >= 3 && lexicon.is_common_word(w))
        })
    }

    fn word_above(&self) -> Option<&str> {
        soft_break::word_above(self.lines, self.i)
    }

    /// The whole word a narrow cell spells over several lines, each a single
    /// fragment ending in a soft hyphen ("Sub­" / "trac­" / "tion").
    fn spelled(&self) -> Option<String> {
        soft_break::spelled_word(self.lines, self.i, self.j)
    }
}

/// Every run of letters and digits of the document's lines, as written.
fn name_parts(lines: &[Line]) -> HashSet<String> {
    let mut set = HashSet::new();
    for line in lines {
        for part in line
            .text
            .split(|c: char| !(c.is_alphanumeric() || c == '\u{AD}'))
            .map(|p| p.replace('\u{AD}', ""))
            .filter(|p| !p.is_empty())
        {
            set.insert(part);
        }
    }
    set
}

fn decide(
    first: &str,
    next: &str,
    vocab: &DocVocabulary,
    paths: &FxHashSet<String>,
    lexicon: &Lexicon,
    layout: Layout<'_>,
) -> Option<Edit> {
    if !ends_in_hyphen(first) {
        return None;
    }
    let first = first.trim_end();
    let soft = first.ends_with(SOFT_HYPHEN);
    let body = &first[..first.len() - if soft { SOFT_HYPHEN.len_utf8() } else { 1 }];
    // The broken token: the last whitespace-separated word of the line.
    let token_start = body
        .rfind(char::is_whitespace)
        .map(|p| p + body[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let token = &body[token_start..];
    // The first half: the letters after the token's last hyphen or opening
    // punctuation ("team-repo-ad" -> "ad", "(inter" -> "inter").
    let head = token
        .rsplit(|c: char| c == '-' || !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .next()
        .unwrap_or("");
    if head.is_empty() || !head.chars().last().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let next_trim = next.trim_start();
    let word_end = next_trim
        .find(char::is_whitespace)
        .unwrap_or(next_trim.len());
    let next_token = &next_trim[..word_end];
    // The second half: the leading letters of the next token ("tionship," -> "tionship").
    let tail: &str = {
        let end = next_token
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(next_token.len());
        &next_token[..end]
    };
    if tail.is_empty() {
        return None;
    }
    let before = format!("{token}{} {next_token}", if soft { "\u{AD}" } else { "-" });
    let join = |keep: bool, rule: &'static str, evidence: String| {
        let word = format!("{token}{}{next_token}", if keep { "-" } else { "" });
        Some(Edit::Join {
            rule,
            keep,
            before: before.clone(),
            after: word,
            evidence,
        })
    };
    let decline = |missing: String| {
        Some(Edit::Decline {
            text: before.clone(),
            missing,
        })
    };
    if soft {
        return decide_soft(
            head, tail, token, next_token, vocab, lexicon, layout, join, decline,
        );
    }
    if SUSPENSION_WORDS.contains(&tail.to_lowercase().as_str()) {
        return None;
    }
    // Names from code, paths and numbers ("glp_ipt-" / "cp", "88-" / "59-1",
    // "$BUILD-" / "TOOLS/Site"): no word list knows them, only the
    // document's own spelling decides.
    // A narrow cell of one fragment a line ("Re-" / "main-" / "der**†"):
    // the word it spells decides, whatever marks follow it.
    if let Some(word) = spelled_in_cell(&format!("{head}{tail}"), &layout, lexicon, vocab) {
        return join(
            false,
            "word-in-cell",
            format!("a narrow cell spells '{word}' over its lines"),
        );
    }
    // A command-line option broken at a line end ("-Wno-" /
    // "attributes=ns::attr", "--enable-local-" / "transport"): where the
    // document writes the option joined elsewhere, the line end split a
    // word of it (typst hyphenates "-Zsan-" / "itizer=leak" in running
    // text); otherwise a word after the break is the next of the option's
    // own hyphenated parts.
    if super::spacing::is_option(token) && tail.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        let (left, right) = (trailing_alnum(token), leading_alnum(next_token));
        let joined_run = format!("{left}{right}").to_lowercase();
        // The option's name over the break, from its first part ("fake-"
        // of "--fake-su-" / "per"): where the document writes
        // "--fake-super" (in "-M--fake-super"), the break cut its last part.
        let name = token.trim_start_matches(['-', '–']);
        let joined_name = format!("{name}{right}").to_lowercase();
        if vocab
            .runs_starting_with(&left.to_lowercase())
            .any(|run| run == joined_run)
        {
            return join(
                false,
                "option-at-line-end",
                format!("the document writes the option's '{left}{right}' whole"),
            );
        }
        if joined_name.contains('-') && vocab.writes_within(&joined_name) {
            return join(
                false,
                "option-at-line-end",
                format!("the document writes the option '{name}{right}' whole"),
            );
        }
        // A name in capitals after the option's letter ("-dDE-" /
        // "LAYSAFER" in Ghostscript's "-dDELAYSAFER"), which the document
        // writes whole in other places ("NOSAFER/DELAYSAFER").
        let capitals = left.trim_start_matches(|c: char| c.is_lowercase());
        let name = format!("{capitals}{right}");
        let name_in_capitals = capitals.len() < left.len()
            && !capitals.is_empty()
            && name.chars().all(|c| !c.is_lowercase())
            && (vocab.contains(&name) || paths.contains(&name));
        if name_in_capitals {
            return join(
                false,
                "option-at-line-end",
                format!("the document writes the option's name '{name}' whole"),
            );
        }
        // Options' parts are lower-case words ("-fvect-cost-model"); a piece
        // in capitals is a name ("-dDE-" / "LAYSAFER"), which the line end
        // may have cut anywhere, so the piece itself, a token of the
        // document, is no evidence: the document must write it once more.
        let uses_in_piece = usize::from(
            !right.chars().any(char::is_lowercase)
                && super::lexicon::trim_token(next_token)
                    .is_some_and(|t| t.eq_ignore_ascii_case(right)),
        );
        let word = right.chars().count() >= 3
            && right.chars().all(char::is_alphabetic)
            && (lexicon.is_word(right) || vocab.count(right) > uses_in_piece);
        if word {
            return join(
                true,
                "option-at-line-end",
                format!(
                    "'{token}' opens a command-line option and '{right}' is a word: the line end fell at its hyphen"
                ),
            );
        }
    }
    let digits =
        head.chars().any(|c| c.is_ascii_digit()) || tail.chars().any(|c| c.is_ascii_digit());
    if digits || is_identifier(token) || is_identifier(next_token) || is_file_name(next_token) {
        return decide_identifier(token, next_token, vocab, join, decline);
    }
    // A closing apostrophe ends a possessive ("ednotes’"): the word is
    // looked up without it.
    let tail = tail.trim_end_matches(['\'', '’']);
    let joined = format!("{head}{tail}");
    let compound = format!("{head}-{tail}");
    // A compound the document writes less often than the word joined
    // ("environ-ment" once, where an extractor kept a line-end hyphen,
    // beside "environment" five times) is no spelling of the author's.
    let (whole, hyphened) = (vocab.count(&joined), vocab.count(&compound));
    if whole > hyphened.max(1) {
        return join(
            false,
            "word-in-document",
            format!("the document writes '{joined}' {whole} times, '{compound}' {hyphened}"),
        );
    }
    if vocab.hyphenated(head, tail) || vocab.has_compound(&compound) {
        return join(
            true,
            "compound-in-document",
            format!("the document writes '{compound}'"),
        );
    }
    if vocab.contains(&joined) {
        return join(
            false,
            "word-in-document",
            format!("the document writes '{joined}'"),
        );
    }
    // The document writes the word without its plural "s" ("fix-" + "ups"
    // beside "this fixup type").
    if vocab.has_singular(&joined) {
        return join(
            false,
            "word-in-document",
            format!("the document writes '{}'", &joined[..joined.len() - 1]),
        );
    }
    // A name that one of the document's paths or addresses spells
    // ("tamefloats" in http://ctan.org/pkg/tamefloats).
    if paths.contains(&joined) {
        return join(
            false,
            "word-in-document",
            format!("the document writes '{joined}' in a path"),
        );
    }
    // Among table cells the next line may hold another cell's words: only
    // the document's spelling (above), a word the cell spells over its
    // lines, or a common word of the same cell joins.
    if let Some(cells) = layout.cells() {
        if word_in_cell(&joined, &cells, &layout, lexicon, vocab) {
            return join(
                false,
                "word-in-lexicon",
                format!("word list: '{joined}', in one table cell"),
            );
        }
        return decline(format!(
            "neither '{joined}' nor '{compound}' is written in the document, and {}",
            cells.why
        ));
    }
    // A name is capitalised and goes on in lower case ("China", "McDonald");
    // a word in capitals ("IN-" / "COLLECTION", a keyword or a heading) is
    // no name, and no word list tells its spelling either.
    let capitalised = |s: &str| {
        s.chars().next().is_some_and(char::is_uppercase) && s.chars().any(char::is_lowercase)
    };
    let in_capitals = |s: &str| !s.chars().any(char::is_lowercase);
    if capitalised(head) && capitalised(tail) {
        return join(
            true,
            "compound-of-names",
            format!("'{head}' and '{tail}' are both capitalised: two names joined"),
        );
    }
    // A token already holding a hyphen is a compound being continued
    // ("team-repo-" + "admins"): the break is at a real hyphen unless the
    // last part and the tail make a word.
    if lexicon.is_word(&joined) {
        return join(false, "word-in-lexicon", format!("word list: '{joined}'"));
    }
    if in_capitals(head) && in_capitals(tail) {
        return decline(format!(
            "'{joined}' is in capitals: neither it nor '{compound}' is in the document"
        ));
    }
    // Two words of the English list in a passage of another language
    // ("ip-" + "sum" in Latin filler, "so-" + "dales") are no English
    // compound: the line end broke one word of that language.
    if lexicon.is_word(head)
        && lexicon.is_word(tail)
        && !super::spacing::passage_in_other_language(&format!("{first} {next}"))
    {
        return join(
            true,
            "compound-of-words",
            format!("word list: '{head}' and '{tail}', not '{joined}'"),
        );
    }
    // The second half may have lost the space after it ("re-" + "viewforms"):
    // a word made with the start of the tail, the rest a word too.
    if let Some(word) = glued_word_split(head, tail, lexicon) {
        return join(
            false,
            "word-in-lexicon",
            format!("word list: '{word}', the rest of '{tail}' a word too"),
        );
    }
    // A token that already holds a hyphen ("read-eval-" + "print",
    // "!defstruct-with-alternate-" + "metaclass"), with a common word of
    // four letters or more on one side of the break and none on the other, is a
    // compound broken at one of its own hyphens: its parts are words and
    // names the word list does not know. Where neither side is a word
    // ("β-d-gluco-" + "pyranose") a typesetter split one long word.
    let before_head = &token[..token.len() - head.len()];
    let compound_token = before_head
        .strip_suffix('-')
        .is_some_and(|rest| rest.ends_with(char::is_alphanumeric));
    let word = |w: &str| {
        w.chars().count() >= 4
            // Once is the broken token itself.
            && (vocab.count(w) >= 2 || lexicon.is_common_word(w))
    };
    if compound_token && word(head) != word(tail) {
        return join(
            true,
            "compound-continued",
            format!("'{token}' already holds a hyphen: the line end fell at one of its hyphens"),
        );
    }
    // Neither reading is proven. A real compound is made of words ("long-" +
    // "suspended"); when one half is no word at all ("stakehold-" + "ers"),
    // the line end most likely split one word, often one damaged by other
    // repairs still to come. A capitalised half could be a name: left alone.
    if tail.chars().all(char::is_lowercase) && head.chars().all(char::is_lowercase) {
        let fragment = if lexicon.is_word(tail) { head } else { tail };
        return join(
            false,
            "hyphenation-by-default",
            format!("'{fragment}' is no word: the line end broke one word"),
        );
    }
    decline(format!(
        "neither '{joined}' nor '{compound}' is in the document or the word list"
    ))
}

/// Whether `joined`, made across a line break that the layout shows among
/// table cells, is a word of the cell: a common word where the broken line
/// is one fragment (unless the word began on the line above: "Sub­
/// std::ops::Sub" over "trac­" over "tion" is no "traction"), or after
/// whole words of the same cell ("Overloading Com­" over "pound"). A line
/// of fragments of several cells ("re re­" over "present.", "ca ca­" over
/// "tion tion") pairs pieces of different cells into words.
fn word_in_cell(
    joined: &str,
    cells: &Cells,
    layout: &Layout<'_>,
    lexicon: &Lexicon,
    vocab: &DocVocabulary,
) -> bool {
    if !lexicon.is_common_word(joined) {
        return false;
    }
    if cells.one_word {
        !layout.word_above().is_some_and(|above| {
            let longer = format!("{above}{joined}");
            vocab.contains(&longer) || lexicon.is_common_word(&longer)
        })
    } else {
        layout.whole_words_before(lexicon)
    }
}

/// The word a narrow cell spells over three or more lines of one fragment
/// each ("Multi-" / "plica-" / "tion"), when the document or the word
/// list knows it.
fn spelled_in_cell(
    joined: &str,
    layout: &Layout<'_>,
    lexicon: &Lexicon,
    vocab: &DocVocabulary,
) -> Option<String> {
    layout.spelled().filter(|word| {
        word.len() > joined.len() && (vocab.contains(word) || lexicon.is_common_word(word))
    })
}

/// A line-end soft hyphen: the typesetter's break, to be joined, unless the
/// joined word is known nowhere and the layout says the next line may hold
/// another table cell's words.
#[allow(clippy::too_many_arguments)]
fn decide_soft(
    head: &str,
    tail: &str,
    token: &str,
    next_token: &str,
    vocab: &DocVocabulary,
    lexicon: &Lexicon,
    mut layout: Layout<'_>,
    join: impl Fn(bool, &'static str, String) -> Option<Edit>,
    decline: impl Fn(String) -> Option<Edit>,
) -> Option<Edit> {
    let joined = format!("{head}{tail}");
    let cells = layout.cells();
    // In running text any word of the list will do. Among table cells a
    // word is weaker evidence: a line of several cells ("re re­" over
    // "present.", "ca ca­" over "tion tion") pairs fragments of different
    // cells into words ("represent", "cation"), so only the document's own
    // use of the word counts, or a common word after whole words (one cell,
    // "Overloading Com­" over "pound"); a cell of one fragment may go on with a
    // common word, unless the word began on the line above ("Sub­
    // std::ops::Sub" over "trac­" over "tion" is no "traction").
    let known = vocab.contains(&joined)
        || match &cells {
            None => lexicon.is_word(&joined),
            Some(c) => word_in_cell(&joined, c, &layout, lexicon, vocab),
        };
    if known {
        return join(
            false,
            "soft-hyphen",
            format!("a soft hyphen: the typesetter's own break inside '{joined}'"),
        );
    }
    // A name: joined only as the document writes it elsewhere.
    if is_identifier(token) || is_identifier(next_token) || has_inner_dot(token) {
        let (left, right) = (trailing_alnum(token), leading_alnum(next_token));
        let name = format!("{left}{right}");
        if !left.is_empty() && !right.is_empty() && layout.writes_name(&name) {
            return join(
                false,
                "soft-hyphen",
                format!("a soft hyphen inside a name the document writes: '{name}'"),
            );
        }
        return decline(format!(
            "a soft hyphen inside a name ({}) that the document writes nowhere else as '{name}'",
            identifier_reason(token)
                .or_else(|| identifier_reason(next_token))
                .unwrap_or("a dotted name")
        ));
    }
    // "decla­" + "Decl": no typesetter breaks a word before a capital.
    if head.ends_with(char::is_lowercase) && tail.starts_with(char::is_uppercase) {
        return decline(format!(
            "'{tail}' starts with a capital after '{head}': another cell's word, not the rest of this one"
        ));
    }
    let Some(Cells { why, .. }) = cells else {
        return join(
            false,
            "soft-hyphen",
            format!("a soft hyphen in running text: the typesetter's own break inside '{joined}'"),
        );
    };
    if let Some(word) = spelled_in_cell(&joined, &layout, lexicon, vocab) {
        return join(
            false,
            "soft-hyphen",
            format!("a narrow cell spells '{word}' over its lines, each broken by a soft hyphen"),
        );
    }
    decline(format!(
        "'{joined}' is in no word list nor the document, and {why}"
    ))
}

/// Fewest characters of the line after the break that a name the
/// document writes must hold for [`written_part_across`].
const MIN_PART_ACROSS: usize = 3;

/// The longest name the document writes that opens `joined`, holds
/// [`MIN_PART_ACROSS`] characters or more past the break after `token`,
/// and ends where `joined` opens its next part (a capital, a digit, an
/// underscore): "Tcl_ExternalToUtf" in "Tcl_ExternalToUtfDString".
fn written_part_across<'a>(token: &str, joined: &'a str, vocab: &DocVocabulary) -> Option<&'a str> {
    let from = token.len() + MIN_PART_ACROSS;
    joined
        .char_indices()
        .filter(|&(at, c)| at >= from && (c.is_uppercase() || c.is_ascii_digit() || c == '_'))
        .map(|(at, _)| &joined[..at])
        .rfind(|part| vocab.writes(part))
}

/// The line-end hyphen of an identifier: kept or dropped only as the
/// document itself spells the token, or the name around the break
/// ("BUILD" + "TOOLS" where the document writes "$BUILDTOOLS").
fn decide_identifier(
    token: &str,
    next_token: &str,
    vocab: &DocVocabulary,
    join: impl Fn(bool, &'static str, String) -> Option<Edit>,
    decline: impl Fn(String) -> Option<Edit>,
) -> Option<Edit> {
    let hyphenated = format!("{token}-{next_token}");
    let joined = format!("{token}{next_token}");
    if vocab.writes(&hyphenated) {
        let shown = hyphenated.trim_matches(|c: char| !c.is_alphanumeric());
        return join(
            true,
            "identifier-in-document",
            format!("the document writes '{shown}'"),
        );
    }
    if vocab.writes(&joined) {
        let shown = joined.trim_matches(|c: char| !c.is_alphanumeric());
        return join(
            false,
            "identifier-in-document",
            format!("the document writes '{shown}'"),
        );
    }
    // The name that holds the break, between code punctuation.
    let (left, right) = (trailing_alnum(token), leading_alnum(next_token));
    let name = format!("{left}{right}");
    let name_hyphenated = format!("{left}-{right}");
    if !left.is_empty()
        && !right.is_empty()
        && name.chars().any(char::is_alphabetic)
        && vocab.writes(&name)
        && !vocab.writes(&name_hyphenated)
    {
        return join(
            false,
            "identifier-in-document",
            format!("the document writes '{name}'"),
        );
    }
    if !left.is_empty()
        && !right.is_empty()
        && vocab.writes(&name_hyphenated)
        && !vocab.writes(&name)
    {
        return join(
            true,
            "identifier-in-document",
            format!("the document writes '{name_hyphenated}'"),
        );
    }
    // "Tcl_Ex-" + "ternalToUtfDString" where the document writes
    // "Tcl_ExternalToUtf": a name it writes whole runs on over the break
    // and stops where the joined token opens its next part.
    if let Some(part) = written_part_across(token, &joined, vocab)
        && !vocab.writes(&format!("{token}-{}", &part[token.len()..]))
    {
        return join(
            false,
            "identifier-in-document",
            format!("the document writes '{part}', which runs on over the break"),
        );
    }
    // Between two letters of a name with digits ("18F-" + "owned") the
    // hyphen is the author's: typesetters do not hyphenate such words.
    let letters_at_break = left.ends_with(char::is_alphabetic)
        && right.starts_with(char::is_alphabetic)
        && left.chars().any(|c| c.is_ascii_digit())
        && right.chars().all(char::is_alphabetic);
    if letters_at_break && !is_code_name(token) && !is_code_name(next_token) {
        return join(
            true,
            "compound-with-digits",
            format!("'{left}' holds digits: no typesetter hyphenates it, the hyphen is written"),
        );
    }
    decline(format!(
        "an identifier ({}); the document writes neither '{joined}' nor '{hyphenated}'",
        identifier_reason(token)
            .or_else(|| identifier_reason(next_token))
            .unwrap_or("digits")
    ))
}

/// Whether `head` + a start of `tail` is a word and the rest of `tail` is a
/// word too ("re" + "view|forms").
fn glued_word_split(head: &str, tail: &str, lexicon: &Lexicon) -> Option<String> {
    // Longer runs are no words: trying every split would cost quadratic time.
    if head.len() + tail.len() > 60 {
        return None;
    }
    tail.char_indices().skip(2).find_map(|(p, _)| {
        let (start, rest) = tail.split_at(p);
        let word = format!("{head}{start}");
        (rest.chars().count() >= 2 && lexicon.is_common_word(&word) && lexicon.is_common_word(rest))
            .then_some(word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn fix(text: &str) -> (Vec<String>, RepairLog) {
        let mut lines = split(text);
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        let doc = crate::normalize::lines::into_document(&lines);
        (doc.blocks.iter().map(|b| b.plain_text()).collect(), log)
    }

    #[test]
    fn soft_hyphen_is_removed() {
        let (l, log) = fix("a long rela\u{AD}\ntionship, with care");
        assert_eq!(l, vec!["a long relationship, with care"]);
        assert_eq!(log.changes[0].rule, "soft-hyphen");
    }

    #[test]
    fn lexicon_decides() {
        assert_eq!(
            fix("they built the inter-\nnational order").0,
            vec!["they built the international order"]
        );
        assert_eq!(
            fix("they resumed the long-\nsuspended talks").0,
            vec!["they resumed the long-suspended talks"]
        );
        assert_eq!(
            fix("a dispute over the China-\nIndia border").0,
            vec!["a dispute over the China-India border"]
        );
    }

    /// A command-line option is broken at one of its own hyphens where a
    /// word follows ("--enable-local-transport"), and inside a word of it
    /// where the document writes the option whole elsewhere (typst sets
    /// "-Zsan-" / "itizer=leak" beside "-Zsanitizer=kcfi").
    #[test]
    fn an_option_keeps_the_hyphen_it_was_broken_at() {
        assert_eq!(
            fix("for -Zsanitizer=kcfi but not -Zsan-\nitizer=leak here").0,
            vec!["for -Zsanitizer=kcfi but not -Zsanitizer=leak here"]
        );
        assert_eq!(
            fix("configure with --enable-local-\ntransport for it").0,
            vec!["configure with --enable-local-transport for it"]
        );
        let (_, log) = fix("silence it with -Wno-\nattributes=ns::attr here");
        assert_eq!(log.changes[0].rule, "option-at-line-end");
        assert_eq!(
            fix("the original -O2 -ftree-\nvectorize, as before").0,
            vec!["the original -O2 -ftree-vectorize, as before"]
        );
    }

    /// rsync's man page breaks "--fake-su-" / "per" and sets
    /// "-M--fake-super" in its example: the option the document writes
    /// whole decides, though "per" alone is a word.
    #[test]
    fn an_option_the_document_writes_whole_joins() {
        let text =
            "to pass --fake-su-\nper to the remote rsync:\n\nrsync -av -M--fake-super src/ dest/";
        let (lines, log) = fix(text);
        assert!(
            lines[0].contains("pass --fake-super to the remote"),
            "{lines:?}"
        );
        assert!(
            log.changes
                .iter()
                .any(|c| c.rule == "option-at-line-end" && c.after == "--fake-super")
        );
        assert_eq!(
            fix("to pass --fake-su-\nper to the remote rsync").0,
            vec!["to pass --fake-su-per to the remote rsync"]
        );
    }

    /// A name in capitals after an option's letter is cut where the line
    /// ended, not at a hyphen of its own: Ghostscript's "-dDELAYSAFER" set
    /// as "-dDE-" / "LAYSAFER." joins where the document writes the name
    /// whole, and is left as it is (logged) where nothing shows it; the
    /// piece after the break is no evidence of itself.
    #[test]
    fn a_name_in_capitals_after_an_options_letter_is_no_compound() {
        let text = "its synonym -dDE-\nLAYSAFER. Running with NOSAFER/DELAYSAFER is unsafe";
        assert_eq!(
            fix(text).0,
            vec!["its synonym -dDELAYSAFER. Running with NOSAFER/DELAYSAFER is unsafe"]
        );
        let (lines, log) = fix("or its synonym -dDE-\nLAYSAFER. Running with it");
        assert_eq!(
            lines,
            vec!["or its synonym -dDE- LAYSAFER. Running with it"]
        );
        assert!(
            log.changes
                .iter()
                .any(|c| c.declined && c.before == "-dDE- LAYSAFER.")
        );
    }

    /// Two words of the list broken at a line end are one name where the
    /// document writes it so: after a possessive's apostrophe too, or in
    /// one of its addresses.
    #[test]
    fn a_name_the_document_writes_joins_whole() {
        assert_eq!(
            fix("edfnotes extends ednotes. It modifies ed-\nnotes’ annotation commands").0,
            vec!["edfnotes extends ednotes. It modifies ednotes’ annotation commands"]
        );
        assert_eq!(
            fix("avoided by the tame-\nfloats package, see http://ctan.org/pkg/tamefloats").0,
            vec!["avoided by the tamefloats package, see http://ctan.org/pkg/tamefloats"]
        );
    }

    /// An identifier broken inside a name the document writes elsewhere as
    /// the first part of it joins ("Tcl_ExternalToUtf" in
    /// "Tcl_ExternalToUtfDString"); a name written only up to the break,
    /// or one that ends mid-part, is no evidence.
    #[test]
    fn an_identifier_joins_where_the_document_writes_its_first_parts() {
        let text = "use Tcl_ExternalToUtf for it, or convert with Tcl_Ex-\nternalToUtfDString here";
        assert_eq!(
            fix(text).0,
            vec!["use Tcl_ExternalToUtf for it, or convert with Tcl_ExternalToUtfDString here"]
        );
        for text in [
            "use Tcl_Ex for it, or convert with Tcl_Ex-\nternalToUtfDString here",
            "use Tcl_Exter for it, or convert with Tcl_Ex-\nternalToUtfDString here",
        ] {
            let (_, log) = fix(text);
            assert!(
                log.changes.iter().all(|c| c.declined),
                "{text:?}: {:#?}",
                log.changes
            );
        }
    }

    /// A token that already holds a hyphen is broken at one of its own
    /// hyphens when one side of the break is a common word and the other is
    /// no word; where neither side is a word, one long word was split.
    #[test]
    fn a_hyphenated_compound_keeps_the_hyphen_it_was_broken_at() {
        assert_eq!(
            fix("the Lisp read-eval-\nprint loop should print the values").0,
            vec!["the Lisp read-eval-print loop should print the values"]
        );
        assert_eq!(
            fix("slots definable with !defstruct-with-alternate-\nmetaclass. If generic").0,
            vec!["slots definable with !defstruct-with-alternate-metaclass. If generic"]
        );
        assert_eq!(
            fix("the sugar β-d-gluco-\npyranose in water").0,
            vec!["the sugar β-d-glucopyranose in water"]
        );
    }

    /// Where the document writes a word whole more often than hyphenated
    /// (an extractor kept one line-end hyphen, "environ-ment"), the word
    /// joins whole; a compound written as often as the word keeps its
    /// hyphen.
    #[test]
    fn the_spelling_the_document_writes_more_often_wins() {
        let text = "empgraph (environ-ment) . . 3\nThe environment and the environment, \
                    an environment of the emp environ-\nment for each figure.";
        let (l, log) = fix(text);
        assert!(l[0].contains("emp environment for"), "{l:?}");
        assert!(
            log.changes
                .iter()
                .any(|c| c.evidence.as_deref().is_some_and(|e| e.contains("3 times"))),
            "{:?}",
            log.changes
        );
        assert_eq!(
            fix("send an e-mail or an email; the e-\nmail is read").0,
            vec!["send an e-mail or an email; the e-mail is read"]
        );
    }

    /// The document writing a word without its plural "s" is evidence for
    /// the word, over a pair of words from the list.
    #[test]
    fn a_plural_of_a_word_the_document_writes_joins_whole() {
        assert_eq!(
            fix("this fixup type is never used in the fix-\nups of the VOPs").0,
            vec!["this fixup type is never used in the fixups of the VOPs"]
        );
        // Without it, two words of the list make a compound.
        assert_eq!(
            fix("never used in the fix-\nups of the VOPs").0,
            vec!["never used in the fix-ups of the VOPs"]
        );
    }

    #[test]
    fn a_word_in_capitals_is_no_pair_of_names() {
        // A BibTeX entry type broken by the line end: neither reading is
        // proven, so the break stays as printed and the case is logged.
        let (l, log) = fix("pp. 179-183, a full IN-\nCOLLECTION entry.");
        assert_eq!(l, vec!["pp. 179-183, a full IN- COLLECTION entry."]);
        assert!(log.changes.iter().any(|c| c.declined), "{:?}", log.changes);
        // A heading in capitals that the word list knows still joins.
        assert_eq!(fix("THE INTRO-\nDUCTION").0, vec!["THE INTRODUCTION"]);
    }

    #[test]
    fn soft_hyphen_in_running_text_joins_an_unknown_word() {
        let (l, log) = fix(
            "turning full debug info on will improve backtraces and debug\u{AD}\ngability when needed.\n\nNext.",
        );
        assert_eq!(
            l[0],
            "turning full debug info on will improve backtraces and debuggability when needed."
        );
        assert_eq!(log.changes[0].rule, "soft-hyphen");
    }

    #[test]
    fn soft_hyphens_of_cells_side_by_side_are_declined() {
        // Two cells broken on one printed line: "Inte" goes on with "ger",
        // not with "bol".
        let (l, log) = fix("Sym Inte\u{AD}\nbol ger");
        assert!(!l[0].contains("Intebol"), "{l:?}");
        assert_eq!(log.applied(), 0);
        assert_eq!(log.changes.iter().filter(|c| c.declined).count(), 1);
        // A capital after a lower-case fragment starts another cell.
        let (l, _) = fix("about the function signature, or decla\u{AD}\nDecl\nration.");
        assert!(!l.concat().contains("declaDecl"), "{l:?}");
        // A rare word made of fragments of two cells ("cation").
        let (l, _) = fix("ca ca\u{AD}\ntion tion");
        assert!(!l.concat().contains("cation"), "{l:?}");
        // A name: joined only as the document writes it.
        let (l, _) = fix("the paths, see the build.depinfo\u{AD}\nbasedir config option to use");
        assert!(!l.concat().contains("depinfobasedir"), "{l:?}");
        let (l, _) = fix(
            "sense for -Zsanitizer=address, -Zsan\u{AD}\nitizer=leak, and -Zsanitizer=memory here",
        );
        assert!(l.concat().contains(" -Zsanitizer=leak,"), "{l:?}");
    }

    #[test]
    fn a_cell_of_whole_words_joins_a_common_word() {
        let (l, _) = fix("Overloading Com\u{AD}\npound");
        assert_eq!(l, vec!["Overloading Compound"]);
        let (l, _) = fix("Addi\u{AD}\ntion");
        assert_eq!(l, vec!["Addition"]);
    }

    #[test]
    fn a_narrow_cell_spells_its_word_over_lines() {
        let (l, log) = fix("Multi-\nplica-\ntion\n\nnext");
        assert_eq!(l[0], "Multiplication");
        assert!(log.changes.iter().all(|c| c.rule == "word-in-cell"));
        let (l, _) = fix("Sub\u{AD}\ntrac\u{AD}\ntion");
        assert_eq!(l, vec!["Subtraction"]);
        // The cell's word began on the line above, among other cells.
        let (l, _) = fix("Sub\u{AD} std::ops::Sub\ntrac\u{AD}\ntion");
        assert!(!l.concat().contains(" traction"), "{l:?}");
    }

    #[test]
    fn plain_hyphens_among_cells_need_the_document() {
        // A gap between columns: "As-" goes on in its own column.
        let (l, log) = fix("Overloading     Compound As-\nbol      Point     Trait");
        assert!(!l.concat().contains("As-bol"), "{l:?}");
        assert_eq!(log.applied(), 0);
    }

    #[test]
    fn document_vocabulary_wins() {
        let (l, _) = fix("the rust-lang team and\nthe rust-\nlang database");
        assert_eq!(l[0], "the rust-lang team and the rust-lang database");
    }

    #[test]
    fn suspended_hyphen_stays() {
        let (l, log) = fix("transparent pre-\nand post-award");
        assert_eq!(l, vec!["transparent pre- and post-award"]);
        assert_eq!(log.applied(), 0);
    }

    #[test]
    fn dashes_at_line_ends_join() {
        assert_eq!(
            fix("they happen—\nwho knows").0,
            vec!["they happen—who knows"]
        );
        assert_eq!(
            fix("they happen\n—who knows").0,
            vec!["they happen—who knows"]
        );
        assert_eq!(
            fix("they happen —\nwho knows").0,
            vec!["they happen — who knows"]
        );
    }

    /// A URL broken after its scheme is one token again; a colon before
    /// a comment's `//` (no scheme) is left alone.
    #[test]
    fn a_url_broken_after_its_scheme_joins() {
        assert_eq!(
            fix("available at https:\n//www.acm.org/publications, has").0,
            vec!["available at https://www.acm.org/publications, has"]
        );
        assert_eq!(fix("Note:\n// a comment").0, vec!["Note: // a comment"]);
    }

    /// A path broken after a slash, or an address inside its host name, is
    /// one again where the document writes it whole, or as the start of a
    /// longer path; a path the document never writes so, and the same path
    /// amid a list of paths set one per line, keep their space.
    #[test]
    fn a_path_broken_at_a_line_end_joins_where_the_document_writes_it() {
        let text = "Build output goes to target/debug/foo.d and more.\n\n\
                    target/\ndebug/\n\nContains output for the dev profile.\n\n\
                    target/\nrelease/\n\nContains output for the release profile.\n\n\
                    you can always go to https://crates.\nio/ and re-authenticate\n\n\
                    see https://crates.io/me for tokens";
        let (blocks, log) = fix(text);
        assert_eq!(blocks[1], "target/debug/");
        assert_eq!(blocks[3], "target/ release/");
        assert_eq!(
            blocks[5],
            "you can always go to https://crates.io/ and re-authenticate"
        );
        assert_eq!(
            log.changes
                .iter()
                .filter(|c| c.rule == PATH_RULE && !c.declined)
                .count(),
            2
        );
        // A list of paths, one per line: not one path, whatever the
        // document writes.
        let (blocks, _) = fix("see src/a/mod.rs\n\nsrc/a/\nmod.rs\nlib.rs");
        assert_eq!(blocks[1], "src/a/ mod.rs lib.rs");
        // Prose after a path is no part of it, and a comment's end is no
        // path.
        let (blocks, log) = fix("in the bin/\ndirectory */\n# next");
        assert_eq!(blocks[0], "in the bin/ directory */ # next");
        assert!(log.changes.iter().all(|c| c.rule != PATH_RULE));
    }

    /// An en dash glued to the word that opens a line is an option's
    /// `--` (LaTeX sets it as one en dash) or a list's mark, not a dash
    /// inside a sentence.
    #[test]
    fn an_option_after_an_en_dash_opens_its_own_line() {
        let (lines, _) = fix("Set the directories for MPICH.\n–enable-debuginfo Provide access");
        assert_eq!(
            lines[0],
            "Set the directories for MPICH. –enable-debuginfo Provide access"
        );
    }

    /// A dash between a word and a number is no dash inside a phrase: the
    /// number of a verse line starts its own line. Numbers join numbers.
    #[test]
    fn a_dash_joins_only_letters_to_letters_or_digits_to_digits() {
        assert_eq!(
            fix("at my chamber door—\n6 Only this").0,
            vec!["at my chamber door— 6 Only this"]
        );
        assert_eq!(
            fix("in 1990–\n2000 it rose").0,
            vec!["in 1990–2000 it rose"]
        );
    }

    /// The raised "E" of a logo, on a line of its own, is no part of the
    /// word broken above it.
    #[test]
    fn nothing_joins_a_line_of_one_letter() {
        let (lines, log) = fix("the conventions of the doc-\nE\numentation and more");
        assert_eq!(
            lines[0],
            "the conventions of the doc- E umentation and more"
        );
        assert!(
            log.changes
                .iter()
                .any(|c| c.rule == "lone-letter" && c.declined)
        );
    }

    #[test]
    fn across_a_blank_line_only_a_proven_word() {
        // pdfminer's blank line inside a list item: the word list knows
        // the joined word.
        let (l, _) = fix("which attempts to perform opti-\n\nmizations across all crates");
        assert_eq!(
            l,
            vec!["which attempts to perform optimizations across all crates"]
        );
        // No default reading across a blank line: "su" and "xxx" make no
        // word anyone spells.
        let (l, log) = fix("qui eum amice su-\n\nxxx Cfootnote is only for right side.");
        assert_eq!(l.len(), 2);
        assert!(log.changes.iter().all(|c| c.declined));
        // A capitalised line after the blank is no word's end.
        let (l, _) = fix("as in the well-\n\nKnown case");
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn from_a_column_foot_only_a_proven_word() {
        // The left column's last line, then the right column's first, as
        // separated columns read them: the next line was printed above.
        let columns = |first: &str, next: &str| {
            let mut lines = split(&format!("{first}\n{next}"));
            lines[0].number = 40;
            lines[1].number = 10;
            let mut log = RepairLog::default();
            run(&mut lines, &mut log);
            (lines, log)
        };
        let (lines, log) = columns("field essentially has a quan-", "the z component of");
        assert!(!lines[0].glue);
        assert!(log.changes.iter().all(|c| c.declined));
        let (lines, _) = columns(
            "the light undergoes total internal reflec-",
            "tion at the surface",
        );
        assert!(lines[0].glue);
    }

    #[test]
    fn a_file_name_keeps_the_document_s_spelling() {
        let (l, _) = fix("See the asmejour-template.tex file for the source.\n\n\
             Options are discussed further in the asmejour-\ntemplate.tex file.");
        assert_eq!(
            l[1],
            "Options are discussed further in the asmejour-template.tex file."
        );
    }

    #[test]
    fn across_a_page_break() {
        let (l, _) = fix("a rela\u{AD}\n\n\u{c}tionship that lasts");
        assert_eq!(l, vec!["a relationship that lasts"]);
    }
}
