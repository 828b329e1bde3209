//! A small language guess from function words, used only when no language
//! is given. It needs no data beyond the lists below and tells apart the
//! languages whose function words rarely overlap.

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

/// The first [`SAMPLE_WORDS`] words of `text`, lower-cased: runs of letters.
fn sample_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
        .map(str::to_lowercase)
        .collect()
}

/// The language of `text` as a BCP 47 code; `en` when the text gives no clue.
pub fn detect_language(text: &str) -> &'static str {
    guess_language(text).unwrap_or("en")
}

/// The language whose function words `text` uses most, or `None` when it
/// uses none of them.
pub fn guess_language(text: &str) -> Option<&'static str> {
    let words = sample_words(text);
    let mut best = (None, 0usize);
    for (lang, list) in FUNCTION_WORDS {
        let hits = words.iter().filter(|w| list.contains(&w.as_str())).count();
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
    let words = sample_words(text);
    if words.len() < MIN_WORDS_FOR_LANGUAGE {
        return false;
    }
    // Words of one letter are variables as often as words ("e", "a", "y"
    // in a formula or a listing): only longer function words count.
    let hits = |list: &[&str]| {
        words
            .iter()
            .filter(|w| w.chars().nth(1).is_some() && list.contains(&w.as_str()))
            .count()
    };
    let english = FUNCTION_WORDS
        .iter()
        .find(|(lang, _)| *lang == "en")
        .map_or(0, |(_, list)| hits(list));
    let other = FUNCTION_WORDS
        .iter()
        .filter(|(lang, _)| *lang != "en")
        .map(|(_, list)| hits(list))
        .max()
        .unwrap_or(0);
    (english as f64) < words.len() as f64 * MIN_ENGLISH_SHARE || other * 2 > english * 3
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
