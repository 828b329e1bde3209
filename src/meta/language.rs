//! A small language guess from function words, used only when no language
//! is given. It needs no data beyond the lists below and tells apart the
//! languages whose function words rarely overlap.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

/// The most frequent function words of each language. A text's language is
/// the one whose words it uses most; short lists keep the guess cheap.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on",
            "are", "this", "by", "have", "from", "not", "which",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "un", "une", "du", "que", "qui", "dans", "pour",
            "pas", "sur", "au", "avec", "sont", "ce", "il",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "den", "mit", "sich", "des", "auf", "ein",
            "eine", "dem", "zu", "im", "auch", "es", "sind", "wird",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "que", "en", "un", "una", "del", "por", "con", "para", "es",
            "se", "no", "como", "su", "al", "lo", "más",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "del", "della", "gli",
            "le", "con", "è", "si", "nel", "anche", "come",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "e", "que", "do", "da", "em", "um", "uma", "para", "com", "não",
            "por", "se", "dos", "mais", "como", "ao", "é",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met",
            "voor", "die", "ook", "aan", "er", "maar", "om", "wordt",
        ],
    ),
];

/// How many words of the text are looked at: enough for a stable guess.
const SAMPLE_WORDS: usize = 2000;

/// How many of the text's first [`SAMPLE_WORDS`] words (runs of letters,
/// lower-cased) of `min_letters` letters or more are function words of
/// each language of [`FUNCTION_WORDS`], in its order; and how many words
/// were read, of any length.
fn function_word_counts(text: &str, min_letters: usize) -> ([usize; FUNCTION_WORDS.len()], usize) {
    let lists = languages_of_words();
    let mut counts = [0; FUNCTION_WORDS.len()];
    let mut words = 0;
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
    {
        words += 1;
        // Function words are short: a longer word is none, and needs no
        // lower-casing to tell.
        if word.len() > MAX_FUNCTION_WORD_BYTES || word.chars().nth(min_letters - 1).is_none() {
            continue;
        }
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if let Some(&bits) = lists.get(key) {
            for (i, count) in counts.iter_mut().enumerate() {
                *count += usize::from(bits & (1 << i) != 0);
            }
        }
    }
    (counts, words)
}

/// No function word of the lists is longer, in UTF-8 bytes.
const MAX_FUNCTION_WORD_BYTES: usize = 8;

/// Each function word of the lists, with the languages (bits of their
/// index in [`FUNCTION_WORDS`]) whose lists hold it. Built once.
fn languages_of_words() -> &'static HashMap<&'static str, u16> {
    static LISTS: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut map = HashMap::default();
        for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            for word in *list {
                *map.entry(*word).or_insert(0) |= 1 << i;
            }
        }
        map
    })
}

/// The language of `text` as a BCP 47 code; `en` when the text gives no clue.
pub fn detect_language(text: &str) -> &'static str {
    guess_language(text).unwrap_or("en")
}

/// The language whose function words `text` uses most, or `None` when it
/// uses none of them.
pub fn guess_language(text: &str) -> Option<&'static str> {
    let (counts, _) = function_word_counts(text, 1);
    let mut best = (None, 0usize);
    for ((lang, _), &hits) in FUNCTION_WORDS.iter().zip(&counts) {
        if hits > best.1 {
            best = (Some(*lang), hits);
        }
    }
    best.0
}

/// Fewer words than this tell too little to set the word list aside.
const MIN_WORDS_FOR_LANGUAGE: usize = 100;

/// English text uses its function words for one word in five; text in a
/// language the lists do not know (Latin filler, Russian, Chinese, Hungarian)
/// uses them for fewer than this share. Manuals thick with code still use
/// them for one word in twenty-five.
const MIN_ENGLISH_SHARE: f64 = 0.02;

/// Whether `text` is in a language other than English, clearly enough that
/// an English word list must not weigh its words ("weitere" is no run of
/// "we it ere", "que eram" no broken "queeram"): another language's
/// function words outnumber the English ones by half again, or the English
/// ones are rare. Short text and text without words read as English.
pub fn is_other_language(text: &str) -> bool {
    // Words of one letter are variables as often as words ("e", "a", "y"
    // in a formula or a listing): only longer function words count.
    let (counts, words) = function_word_counts(text, 2);
    if words < MIN_WORDS_FOR_LANGUAGE {
        return false;
    }
    let english = FUNCTION_WORDS
        .iter()
        .zip(&counts)
        .find(|((lang, _), _)| *lang == "en")
        .map_or(0, |(_, &n)| n);
    let other = FUNCTION_WORDS
        .iter()
        .zip(&counts)
        .filter(|((lang, _), _)| *lang != "en")
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    (english as f64) < words as f64 * MIN_ENGLISH_SHARE || other * 2 > english * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_common_languages() {
        assert_eq!(
            detect_language("The thaw has not produced a reset in the relations of the two sides."),
            "en"
        );
        assert_eq!(
            detect_language(
                "Le dégel n'a pas produit une relance des relations entre les deux pays et la Chine."
            ),
            "fr"
        );
        assert_eq!(
            detect_language(
                "Die Beziehungen sind nicht besser geworden, und das ist auch nicht zu erwarten."
            ),
            "de"
        );
        assert_eq!(detect_language("12345 !!!"), "en");
        let german = "Die Arbeit beschreibt, wie die Proben genommen und gemessen wurden, \
                      und weitere Ergebnisse sind in der Tabelle zu finden. "
            .repeat(8);
        assert!(is_other_language(&german));
        let latin = "Lorem ipsum dolor sit amet, consectetuer adipiscing elit, sed feugiat \
                     nulla facilisis vel velit. "
            .repeat(8);
        assert!(is_other_language(&latin));
        let english = "The paper describes how the samples were taken and measured, and the \
                       other results are in the table. "
            .repeat(8);
        assert!(!is_other_language(&english));
        assert!(!is_other_language("Die Arbeit und die Ergebnisse."));
        assert_eq!(guess_language("12345 !!!"), None);
    }
}
