//! Where a word may be hyphenated, from the pattern dictionaries of the
//! `hyphenation` crate. Only the dictionaries built into the binary are
//! used (American English); other languages are set without hyphenation.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use hyphenation::{Hyphenator as _, Language, Load, Standard};

/// Shortest word worth hyphenating: shorter words gain little and their
/// halves look odd.
const MIN_WORD_CHARS: usize = 5;

/// Hyphenates words of one language. One hyphenator serves one document and
/// remembers the words it has seen: a document repeats its words, and the
/// pattern lookup is the costly part.
pub struct Hyphenator {
    dictionary: Option<&'static Standard>,
    seen: RefCell<HashMap<String, Vec<usize>>>,
}

impl Hyphenator {
    /// The hyphenator for a BCP 47 language tag (`en`, `en-GB`): English
    /// uses the built-in American English patterns; every other language
    /// gets none, so its words are never split.
    pub fn for_language(tag: &str) -> Hyphenator {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let dictionary = (primary == "en").then(english).flatten();
        Hyphenator {
            dictionary,
            seen: RefCell::default(),
        }
    }

    /// A hyphenator that never splits a word.
    pub fn none() -> Hyphenator {
        Hyphenator {
            dictionary: None,
            seen: RefCell::default(),
        }
    }

    /// Byte offsets inside `word` where it may be split with a hyphen.
    /// Leading and trailing punctuation stay attached to their halves;
    /// words with digits, inner punctuation or all capitals (acronyms) are
    /// left whole.
    pub fn points(&self, word: &str) -> Vec<usize> {
        let Some(dict) = self.dictionary else {
            return Vec::new();
        };
        if let Some(points) = self.seen.borrow().get(word) {
            return points.clone();
        }
        let points = Self::lookup(dict, word);
        self.seen
            .borrow_mut()
            .insert(word.to_string(), points.clone());
        points
    }

    fn lookup(dict: &Standard, word: &str) -> Vec<usize> {
        let start = word
            .char_indices()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(word.len(), |(i, _)| i);
        let end = word
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(start, |(i, c)| i + c.len_utf8());
        if start >= end {
            return Vec::new();
        }
        let core = &word[start..end];
        if core.chars().count() < MIN_WORD_CHARS
            || !core.chars().all(char::is_alphabetic)
            || core.chars().all(char::is_uppercase)
        {
            return Vec::new();
        }
        dict.hyphenate(core)
            .breaks
            .iter()
            .map(|b| b + start)
            .filter(|b| word.is_char_boundary(*b))
            .collect()
    }
}

/// The American English dictionary, loaded once per process.
fn english() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok())
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_get_points() {
        let h = Hyphenator::for_language("en-GB");
        let p = h.points("hyphenation");
        assert!(!p.is_empty());
        let p = h.points("(international),");
        assert!(p.iter().all(|&i| i > 1 && i < 14));
    }

    #[test]
    fn other_languages_and_odd_words_stay_whole() {
        assert!(
            Hyphenator::for_language("de")
                .points("Silbentrennung")
                .is_empty()
        );
        let h = Hyphenator::for_language("en");
        assert!(h.points("NATO").is_empty());
        assert!(h.points("UNESCOWORLD").is_empty());
        assert!(h.points("covid19cases").is_empty());
        assert!(h.points("").is_empty());
        assert!(h.points("...").is_empty());
    }
}
