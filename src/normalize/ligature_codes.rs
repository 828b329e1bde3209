//! Ligatures an extractor left as their font's codes. TeX's fonts keep the
//! ligatures ff, fi, fl, ffi and ffl at positions 0x0B-0x0F (OT1) or
//! 0x1B-0x1F (T1) of their encoding; when a PDF does not say which letters
//! a glyph stands for, ghostscript's txtwrite writes the position itself:
//! "di\x1Berent", "\x1Crst", "coe\x1Ecients". Removed as the control
//! characters they are, they would leave "dierent", "rst" and "coecients".
//!
//! Which ligature a code stands for depends on the font ("\x1Brst" is
//! "first" in one document, "di\x1Berent" "different" in another), so the
//! word decides: the one ligature that makes the run of letters around the
//! code a word of the word list, or of the document where it spells that
//! word with letters elsewhere, goes in. A run that no ligature makes a
//! word of, or that more than one does, keeps its code, which the
//! control-character rule then removes, and the case is logged as declined.

use super::RepairLog;
use super::lexicon::{DocVocabulary, Lexicon};
use super::lines::Line;

/// Fewest letters beside the code for the word list to decide: a code
/// beside one letter is as often another glyph of the font as a ligature.
const MIN_LETTERS: usize = 2;

/// The letters each ligature stands for, in the order of both encodings.
const LIGATURES: [&str; 5] = ["ff", "fi", "fl", "ffi", "ffl"];

/// Whether `c` is a position where a TeX font keeps a ligature.
fn is_ligature_code(c: char) -> bool {
    matches!(c, '\u{0B}'..='\u{0F}' | '\u{1B}'..='\u{1F}')
}

/// Puts the letters of ligatures back where an extractor left their codes
/// between letters; logs each word as `pass`'s `ligature-code`.
pub fn restore(lines: &mut [Line], log: &mut RepairLog, pass: &'static str) {
    // Nearly every document has none: read its words only when needed.
    if !lines.iter().any(|l| l.text.contains(is_ligature_code)) {
        return;
    }
    let vocab = DocVocabulary::from_text(
        &lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let lexicon = Lexicon::english();
    for line in lines.iter_mut() {
        if !line.text.contains(is_ligature_code) {
            continue;
        }
        let span = line.span();
        if line.page_break && line.text.starts_with(PAGE_FEED) {
            opening_code(line, lexicon, &vocab, log, pass);
            if !line.text.contains(is_ligature_code) {
                continue;
            }
        }
        let mut out = String::with_capacity(line.text.len());
        let mut rest = line.text.as_str();
        while let Some(at) = rest.find(is_ligature_code) {
            let (start, end) = word_around(rest, at);
            out.push_str(&rest[..start]);
            let word = &rest[start..end];
            match ligature_for(word, lexicon, &vocab) {
                Ok((spelled, evidence)) => {
                    log.record_cited(pass, "ligature-code", span, shown(word), &spelled, evidence);
                    out.push_str(&spelled);
                }
                Err(why) => {
                    if word.chars().any(char::is_alphabetic) {
                        log.decline_cited(pass, "ligature-code", span, shown(word), why);
                    }
                    out.push_str(word);
                }
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        line.text = out;
    }
}

/// The form feed that opens a page, or OT1's "fi" ligature: `split` keeps
/// it at the start of a page's first line where a lower-case letter
/// follows.
const PAGE_FEED: char = '\u{c}';

/// Decides the form feed that opens line `line` ("\u{c}eld"): where the
/// letters after it are no word and one ligature makes them one ("field"),
/// it is that ligature and the line starts no page; else it is the page's
/// edge the line already records, and goes without a log entry.
fn opening_code(
    line: &mut Line,
    lexicon: &Lexicon,
    vocab: &DocVocabulary,
    log: &mut RepairLog,
    pass: &'static str,
) {
    let (_, end) = word_around(&line.text, 0);
    let word = &line.text[..end];
    let bare = &word[PAGE_FEED.len_utf8()..];
    // The word list only: the document's count of "eld" holds these very
    // tokens.
    match ligature_for(word, lexicon, vocab) {
        // A page may open on the last letter of a word ("\u{c}t" after
        // "firs-"): one letter is no evidence.
        Ok((spelled, evidence))
            if bare.chars().count() >= MIN_LETTERS && !lexicon.is_common_word(bare) =>
        {
            log.record_cited(
                pass,
                "ligature-code",
                line.span(),
                shown(word),
                &spelled,
                format!("{evidence}; '{bare}' is no word: the code opens no page"),
            );
            line.text = format!("{spelled}{}", &line.text[end..]);
            line.page_break = false;
        }
        _ => {
            line.text.remove(0);
        }
    }
}

/// The run of letters and ligature codes around the code at byte `at`.
fn word_around(text: &str, at: usize) -> (usize, usize) {
    run_around(text, at, |c| c.is_alphabetic() || is_ligature_code(c))
}

/// The run of characters that are `part` around byte `at` of `text`, as
/// byte offsets.
pub(super) fn run_around(text: &str, at: usize, part: impl Fn(char) -> bool) -> (usize, usize) {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| part(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !part(c))
        .map_or(text.len(), |(i, _)| at + i);
    (start, end)
}

/// The word `word` spells with its one ligature code replaced, and the
/// evidence; or why none is taken.
fn ligature_for(
    word: &str,
    lexicon: &Lexicon,
    vocab: &DocVocabulary,
) -> Result<(String, String), &'static str> {
    let codes = word.chars().filter(|&c| is_ligature_code(c)).count();
    if codes != 1 || !word.chars().any(char::is_alphabetic) {
        return Err("not one ligature's code between letters");
    }
    // The f-ligatures are lower-case letters inside a word: a code beside
    // a capital ("\x1CA", after the word's first letter or at its start)
    // is some other glyph of the font (a Greek capital, a symbol).
    let lower_after_first = word
        .chars()
        .skip(1)
        .filter(|c| c.is_alphabetic())
        .all(char::is_lowercase);
    if !lower_after_first {
        return Err("no word's lower-case letters around the code");
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // Beside one letter, only the document's own spelling proves it ("fit"
    // in a listing's typewriter type, which has no ligatures).
    let lexicon = (letters >= MIN_LETTERS).then_some(lexicon);
    one_ligature(|l| word.replace(is_ligature_code, l), lexicon, vocab)
}

/// The word that the one ligature whose letters `spelled` puts in makes,
/// and the evidence: a word of the word list, where `lexicon` is given and
/// one ligature makes one of it; else a word the document writes.
pub(super) fn one_ligature(
    spelled: impl Fn(&str) -> String,
    lexicon: Option<&Lexicon>,
    vocab: &DocVocabulary,
) -> Result<(String, String), &'static str> {
    if let Some(lexicon) = lexicon {
        let in_lexicon: Vec<String> = LIGATURES
            .iter()
            .map(|l| spelled(l))
            .filter(|w| lexicon.is_word(w))
            .collect();
        match in_lexicon.as_slice() {
            [only] => return Ok((only.clone(), format!("word list: '{only}'"))),
            [] => {}
            _ => return Err("more than one ligature makes a word of it"),
        }
    }
    let in_document: Vec<String> = LIGATURES
        .iter()
        .map(|l| spelled(l))
        .filter(|w| vocab.contains(w))
        .collect();
    match in_document.as_slice() {
        [only] => Ok((only.clone(), format!("the document writes '{only}'"))),
        [] => Err("no ligature makes a word of it"),
        _ => Err("more than one ligature makes a word of it"),
    }
}

/// A word as the log shows it: the code as the replacement character, which
/// any reader of the report can display.
fn shown(word: &str) -> String {
    word.replace(is_ligature_code, "\u{FFFD}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    fn restored(text: &str) -> (Vec<String>, RepairLog) {
        crate::normalize::lines::repaired_lines(text, |lines, log| restore(lines, log, "hygiene"))
    }

    #[test]
    fn the_one_ligature_that_makes_a_word_goes_in() {
        let (lines, log) =
            restored("The \u{1C}rst di\u{1B}erent coe\u{1E}cients\nin\u{1D}uence the cuto\u{1B}.");
        assert_eq!(
            lines,
            ["The first different coefficients", "influence the cutoff."]
        );
        assert_eq!(log.changes.len(), 5);
        assert!(log.changes.iter().all(|c| !c.declined));
        // Another font's code for the same letters.
        let (lines, _) = restored("the \u{1B}rst time");
        assert_eq!(lines, ["the first time"]);
    }

    /// The "fi" of OT1 fonts is 0x0C, a form feed: inside a line, beside a
    /// letter, it is that ligature, not a page's edge; a form feed that
    /// opens a line still starts a page.
    #[test]
    fn a_form_feed_inside_a_word_is_the_fi_ligature() {
        let (lines, log) = restored(
            "The declaration of an identi\u{c}er comes \u{c}rst.\n\u{c}A new page = \u{c} 3",
        );
        assert_eq!(
            lines,
            [
                "The declaration of an identifier comes first.",
                "A new page =  3"
            ]
        );
        assert_eq!(log.changes.len(), 2);
        assert!(split("a\n\u{c}b")[1].page_break);
    }

    /// At a line's start the code is the ligature only where the letters
    /// after it are no word and the ligature makes them one; else it is the
    /// page's edge, silently.
    #[test]
    fn a_form_feed_before_a_broken_word_opens_no_page() {
        let mut lines =
            split("a struct\n\u{c}eld-decl ::= type\n\u{c}the page goes on\n\u{c}at last");
        let mut log = RepairLog::default();
        restore(&mut lines, &mut log, "hygiene");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a struct",
                "field-decl ::= type",
                "the page goes on",
                "at last"
            ]
        );
        let breaks: Vec<bool> = lines.iter().map(|l| l.page_break).collect();
        assert_eq!(breaks, [false, false, true, true]);
        assert_eq!(log.changes.len(), 1, "{:?}", log.changes);
    }

    #[test]
    fn a_name_spelled_with_letters_elsewhere_is_evidence() {
        let (lines, _) = restored("Kalb\u{1D}eisch and Prentice\nsee Kalbfleisch (1980)");
        assert_eq!(lines[0], "Kalbfleisch and Prentice");
    }

    #[test]
    fn no_word_or_two_words_keep_the_code_and_say_so() {
        let (lines, log) = restored("a Zq\u{1C}xv here");
        assert_eq!(lines, ["a Zq\u{1C}xv here"]);
        assert!(log.changes[0].declined);
        assert_eq!(log.changes[0].before, "Zq\u{FFFD}xv");
        // Beside a capital or one letter alone, a code is another glyph
        // ("fig", "flee", "fir" are words, but not written so).
        for other in ["\u{1C}G", "\u{1D}EE", "\u{1C}r from"] {
            let (lines, _) = restored(other);
            assert_eq!(lines, [other]);
        }
        // Unless the document spells the word with letters.
        let (lines, _) = restored("the \u{1C}t is good\n> fit <- coxph(y ~ x)");
        assert_eq!(lines[0], "the fit is good");
    }
}
