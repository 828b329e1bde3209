//! Ligatures an extractor read as other letters. A PDF's subset font may
//! map its ligature glyphs to wrong characters: ghostscript's txtwrite
//! reads Chromium's prints as "üle", "speciüed", "diûerent", "ýoating"
//! ("file", "specified", "different", "floating"). Which letter stands for
//! which ligature depends on the font, so each word decides, as for a
//! ligature's code (`ligature_codes`): the one ligature that makes the run
//! of letters a word of the word list, or one the document spells with
//! letters elsewhere, goes in.
//!
//! Those letters are letters of other languages too ("über", "für"): the
//! document decides first. Only where nearly every distinct word holding
//! the letter is no word as written and one ligature makes it one is the
//! letter read as a ligature anywhere; German text, whose "natürlich" and
//! "Müller" no ligature makes words of, keeps its letters.

use super::RepairLog;
use super::lexicon::{DocVocabulary, Lexicon};
use super::ligature_codes::{one_ligature, run_around};
use super::lines::Line;

/// The letters seen standing for ligatures: Latin-1's accented small
/// letters past the German and French ones an English word list never
/// holds (ü, û, ý, þ, ÿ).
const MISREAD: [char; 5] = ['ü', 'û', 'ý', 'þ', 'ÿ'];

/// Fewest distinct words holding the letter for the document to decide:
/// one or two are as likely a name ("Brüno") as a misread glyph.
const MIN_WORDS: usize = 3;

/// Share of those words that one ligature must make words of.
const MIN_SHARE: f64 = 0.8;

/// Puts the ligatures back where the document shows that a letter stands
/// for them; logs each word as `pass`'s `misread-ligature`, and each word
/// of such a letter that no ligature makes a word of as declined.
pub fn restore(lines: &mut [Line], log: &mut RepairLog, pass: &'static str) {
    // Nearly every document has none of these letters (a search for one
    // character is a byte search, faster than one for any of five).
    let present: Vec<char> = MISREAD
        .into_iter()
        .filter(|&c| lines.iter().any(|l| l.text.contains(c)))
        .collect();
    if present.is_empty() {
        return;
    }
    let text = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let vocab = DocVocabulary::from_text(&text);
    let lexicon = Lexicon::english();
    let letters: Vec<char> = present
        .into_iter()
        .filter(|&c| stands_for_ligatures(&text, c, lexicon, &vocab))
        .collect();
    if letters.is_empty() {
        return;
    }
    let misread = |c: char| letters.contains(&c);
    for line in lines.iter_mut() {
        if !line.text.contains(misread) {
            continue;
        }
        let span = line.span();
        let mut out = String::with_capacity(line.text.len() + 8);
        for piece in line.text.split_inclusive(char::is_whitespace) {
            let token = piece.trim_end();
            if !token.contains(misread) {
                out.push_str(piece);
                continue;
            }
            // The log shows the whole token ("user-deüned"), as the other
            // repairs of a word do.
            let (spelled, evidence, declined) = respell(token, misread, lexicon, &vocab);
            if !evidence.is_empty() {
                log.record_cited(
                    pass,
                    "misread-ligature",
                    span,
                    token,
                    &spelled,
                    evidence.join("; "),
                );
            }
            if declined {
                log.decline_cited(
                    pass,
                    "misread-ligature",
                    span,
                    token,
                    "no one ligature makes a word of it",
                );
            }
            out.push_str(&spelled);
            out.push_str(&piece[token.len()..]);
        }
        line.text = out;
    }
}

/// `token` with each run of letters holding a misread letter respelled
/// where one ligature makes a word of it; the evidence for each, and
/// whether some run was left as it was.
fn respell(
    token: &str,
    misread: impl Fn(char) -> bool + Copy,
    lexicon: &Lexicon,
    vocab: &DocVocabulary,
) -> (String, Vec<String>, bool) {
    let mut out = String::with_capacity(token.len() + 4);
    let mut evidence = Vec::new();
    let mut declined = false;
    let mut rest = token;
    while let Some(at) = rest.find(misread) {
        let (start, end) = run_around(rest, at, char::is_alphabetic);
        out.push_str(&rest[..start]);
        let word = &rest[start..end];
        match ligature_for(word, misread, lexicon, vocab) {
            Some((spelled, why)) => {
                out.push_str(&spelled);
                evidence.push(why);
            }
            None => {
                out.push_str(word);
                declined = true;
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, evidence, declined)
}

/// Whether the document's distinct words holding `c` are, nearly all, no
/// words as written and words with one ligature in its place.
fn stands_for_ligatures(text: &str, c: char, lexicon: &Lexicon, vocab: &DocVocabulary) -> bool {
    let mut words: Vec<&str> = text
        .split(|ch: char| !ch.is_alphabetic())
        .filter(|w| w.contains(c))
        .collect();
    words.sort_unstable();
    words.dedup();
    let spelled = words
        .iter()
        .filter(|w| ligature_for(w, |ch| ch == c, lexicon, vocab).is_some())
        .count();
    words.len() >= MIN_WORDS && spelled as f64 >= words.len() as f64 * MIN_SHARE
}

/// The word `word` spells with its one misread letter replaced by a
/// ligature, and the evidence; `None` where the word is one as written,
/// holds more than one such letter, or no one ligature makes a word of it.
fn ligature_for(
    word: &str,
    misread: impl Fn(char) -> bool,
    lexicon: &Lexicon,
    vocab: &DocVocabulary,
) -> Option<(String, String)> {
    if word.chars().filter(|&c| misread(c)).count() != 1 || lexicon.is_word(word) {
        return None;
    }
    one_ligature(|l| word.replace(&misread, l), Some(lexicon), vocab).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restored(text: &str) -> (Vec<String>, RepairLog) {
        crate::normalize::lines::repaired_lines(text, |lines, log| restore(lines, log, "hygiene"))
    }

    /// txtwrite's reading of a Chromium print of FFmpeg's manual: "ü" is
    /// "fi", "û" is "ff" in its font; "ffmpeg" is no word of the word
    /// list, but the document writes "FFmpeg".
    #[test]
    fn a_letter_that_stands_for_ligatures_is_read_as_them() {
        let (lines, log) = restored(
            "The üle is speciüed ürst.\nFFmpeg reads a diûerent üle to no eûect: ûmpeg -i in out",
        );
        assert_eq!(
            lines,
            [
                "The file is specified first.",
                "FFmpeg reads a different file to no effect: ffmpeg -i in out"
            ]
        );
        assert!(log.changes.iter().all(|c| !c.declined));
    }

    /// German keeps its letters: "über" and "für" would make English
    /// words with a ligature, but most of its words with "ü" do not.
    #[test]
    fn words_of_another_language_keep_their_letters() {
        let text = "Die Grüße gehen über die Brücke, natürlich für Müller.";
        let (lines, log) = restored(text);
        assert_eq!(lines, [text]);
        assert!(log.changes.is_empty());
    }
}
