//! Which strings are English words: an embedded word list for the language in
//! general, and a vocabulary built from the document being repaired.
//!
//! Repairs such as dehyphenation ("inter-" + "national") and spacing ("ofthe")
//! must tell a word from a fragment. The general list answers "is this a word
//! at all"; the document's own vocabulary answers "does this document use this
//! form", which beats any list for names, jargon and compounds.
//!
//! The list is SCOWL (see `data/words/README.md`), up to size 70, lower-cased,
//! with the SCOWL level kept as a rough frequency: level 10 holds the most
//! common words, 70 rare ones. Nothing is loaded from disk or the network.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::Arc;

use super::word_table;

/// The word list as a hash table, built from `data/words/en.txt` by the
/// build script (see `word_table`) and read in place.
static ENGLISH: Lexicon = Lexicon {
    table: include_bytes!(concat!(env!("OUT_DIR"), "/english-words.bin")),
};

/// A word list of no words, in the layout of `word_table`: one slot, empty.
/// For text in another language, where the English list must not decide.
static NONE: Lexicon = Lexicon {
    table: &[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};

/// What sort of entry a word is in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An ordinary word (including contractions and inflected forms).
    Word,
    /// A capitalised word or proper name ("London", "Tuesday").
    Name,
    /// An abbreviation ("CIA", "bd").
    Abbreviation,
}

/// One entry of the word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// SCOWL level: 10 (most common) up to 70 (rare).
    pub level: u8,
    pub kind: Kind,
}

impl Entry {
    /// An ordinary word that is common enough that meeting it is not a
    /// coincidence: short rare entries ("th", "ina") match fragments too often
    /// to be trusted when splitting run-together text.
    pub fn is_common(&self) -> bool {
        self.kind == Kind::Word && self.level <= 50
    }
}

/// A word list with case-insensitive lookups.
#[derive(Debug)]
pub struct Lexicon {
    /// Lower-cased words with their entries, in the layout of `word_table`.
    table: &'static [u8],
}

impl Lexicon {
    /// The English word list (American and British spellings), embedded.
    pub fn english() -> &'static Lexicon {
        &ENGLISH
    }

    /// The English word list for English text; for text in another
    /// language (see [`crate::meta::is_other_language`]) a list that knows
    /// no word, so that only the document's own spellings decide.
    pub fn for_text(other_language: bool) -> &'static Lexicon {
        if other_language { &NONE } else { &ENGLISH }
    }

    /// The number of distinct words in the list.
    pub fn len(&self) -> usize {
        word_table::len(self.table)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, key: &str) -> Option<Entry> {
        let (level, kind) = word_table::lookup(self.table, key.as_bytes())?;
        let kind = match kind {
            1 => Kind::Name,
            2 => Kind::Abbreviation,
            _ => Kind::Word,
        };
        Some(Entry { level, kind })
    }

    /// The entry for `word`, ignoring case, a possessive `'s` and the
    /// typographic apostrophe. `None` when it is not in the list.
    pub fn lookup(&self, word: &str) -> Option<Entry> {
        let key = lookup_key(word)?;
        let key = key.as_str();
        self.get(key).or_else(|| {
            // "users'" (plural possessive) -> "users".
            key.strip_suffix('\'').and_then(|k| self.get(k))
        })
    }

    /// Whether `word` is in the list in any form (word, name or abbreviation).
    pub fn is_word(&self, word: &str) -> bool {
        self.lookup(word).is_some()
    }

    /// Whether `word` is an ordinary, reasonably common word (see
    /// [`Entry::is_common`]).
    pub fn is_common_word(&self, word: &str) -> bool {
        self.lookup(word).is_some_and(|e| e.is_common())
    }

    /// A listed word (not a name, an abbreviation or one of the list's
    /// obscure words, level 70) of at least [`MISSPELT_MIN_LEN`] letters
    /// that `word`, in ASCII letters, is one typing slip away from: a letter
    /// left out, added, changed, or two swapped ("comapared" -> "compared",
    /// "usefull" -> "usefully"). `None` for a shorter word: short words are
    /// one slip from too many others; and an obscure word ("tameless" for
    /// "takeless") is no likelier a misspelling's aim than chance.
    pub fn one_slip_from(&self, word: &str) -> Option<String> {
        if word.len() < MISSPELT_MIN_LEN || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let w = word.to_ascii_lowercase().into_bytes();
        let listed = |candidate: &[u8]| {
            let candidate = std::str::from_utf8(candidate).ok()?;
            (candidate.len() >= MISSPELT_MIN_LEN
                && self
                    .get(candidate)
                    .is_some_and(|e| e.kind == Kind::Word && e.level < OBSCURE_LEVEL))
            .then(|| candidate.to_string())
        };
        let mut buf = Vec::with_capacity(w.len() + 1);
        for i in 0..w.len() {
            // Left out: the word has a letter the list's lacks.
            buf.clear();
            buf.extend_from_slice(&w[..i]);
            buf.extend_from_slice(&w[i + 1..]);
            if let Some(found) = listed(&buf) {
                return Some(found);
            }
            // Two letters swapped.
            if i + 1 < w.len() && w[i] != w[i + 1] {
                buf.clear();
                buf.extend_from_slice(&w);
                buf.swap(i, i + 1);
                if let Some(found) = listed(&buf) {
                    return Some(found);
                }
            }
        }
        for i in 0..=w.len() {
            for c in b'a'..=b'z' {
                // A letter added before position i...
                buf.clear();
                buf.extend_from_slice(&w[..i]);
                buf.push(c);
                buf.extend_from_slice(&w[i..]);
                if let Some(found) = listed(&buf) {
                    return Some(found);
                }
                // ...or the letter at i changed.
                if i < w.len() && w[i] != c {
                    buf.clear();
                    buf.extend_from_slice(&w);
                    buf[i] = c;
                    if let Some(found) = listed(&buf) {
                        return Some(found);
                    }
                }
            }
        }
        None
    }
}

/// The shortest word [`Lexicon::one_slip_from`] weighs.
const MISSPELT_MIN_LEN: usize = 7;

/// SCOWL's level of obscure words, the rarest of the list.
const OBSCURE_LEVEL: u8 = 70;

/// `word` without a plural "s", when three letters or more are left
/// ("fixups" -> "fixup"); `None` otherwise.
pub fn singular(word: &str) -> Option<&str> {
    word.strip_suffix('s')
        .filter(|stem| stem.chars().count() >= 3)
}

/// English function words: articles, pronouns, prepositions, conjunctions,
/// auxiliaries. A closed class, so the list is complete enough to be written
/// down; text extracted without spaces runs them into their neighbours
/// ("ofthe", "theyare", "by22"), which makes them the best evidence of that
/// damage.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "after", "against", "all", "am", "an", "and", "any", "are", "around",
    "as", "at", "be", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "during", "each", "few", "for", "from", "had", "has", "have",
    "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "me",
    "might", "more", "most", "must", "my", "no", "nor", "not", "of", "off", "on", "once", "only",
    "or", "our", "out", "over", "per", "same", "shall", "she", "should", "since", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "within", "without", "would", "you", "your",
];

/// Words that label a part of a document by its number ("Chapter 1",
/// "Part II", "Kapitel 3").
const PART_WORDS: &[&str] = &[
    "chapter",
    "part",
    "section",
    "appendix",
    "book",
    "volume",
    "lecture",
    "lesson",
    "kapitel",
    "chapitre",
    "capitolo",
    "capítulo",
    "teil",
];

/// Whether `word` labels a part of a document by its number ("Chapter",
/// "Kapitel"), ignoring case.
pub fn is_part_word(word: &str) -> bool {
    PART_WORDS.contains(&word.to_lowercase().as_str())
}

/// Abbreviations that end on a full stop inside a sentence ("cf.",
/// "etc.", "Fig."), in lower case, without their dot.
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "cf", "eq", "etc", "fig", "figs", "no", "nos", "pp", "resp", "sec", "viz",
    "vol", "vs",
];

/// Whether `word` (without its dot) is one of the [`ABBREVIATIONS`],
/// ignoring case.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Whether `word` is an English function word ("of", "the", "they"),
/// ignoring case.
pub fn is_function_word(word: &str) -> bool {
    let lower = Lower::new(word, str::to_lowercase);
    FUNCTION_WORDS.binary_search(&lower.as_str()).is_ok()
}

/// Longest ASCII word lower-cased on the stack; longer ones are rare.
const STACK_WORD: usize = 32;

/// A lower-cased word, without allocating for the common case: a short
/// ASCII word. Every lookup lower-cases its word, and spacing alone makes
/// millions of lookups in a long document, so a `String` per lookup was a
/// large share of the time of the whole pipeline.
pub enum Lower<'a> {
    /// The word was lower-case already.
    Same(&'a str),
    /// A short ASCII word, lower-cased.
    Stack {
        buf: [u8; STACK_WORD],
        len: usize,
    },
    Heap(String),
}

impl<'a> Lower<'a> {
    /// `word` lower-cased: ASCII words directly, others with `slow` (for
    /// non-ASCII text, `str::to_lowercase` and `char::to_lowercase` differ
    /// on a final sigma, so each caller keeps its own).
    pub fn new(word: &'a str, slow: impl Fn(&str) -> String) -> Lower<'a> {
        let bytes = word.as_bytes();
        if bytes.len() <= STACK_WORD {
            // One pass: lower-case into the buffer while checking that the
            // word is ASCII and whether anything changed.
            let mut buf = [0u8; STACK_WORD];
            let (mut ascii, mut changed) = (true, false);
            for (to, &b) in buf.iter_mut().zip(bytes) {
                ascii &= b.is_ascii();
                *to = b.to_ascii_lowercase();
                changed |= *to != b;
            }
            return match (ascii, changed) {
                (false, _) => Lower::Heap(slow(word)),
                (true, false) => Lower::Same(word),
                (true, true) => Lower::Stack {
                    buf,
                    len: bytes.len(),
                },
            };
        }
        if !word.is_ascii() {
            Lower::Heap(slow(word))
        } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Lower::Heap(word.to_ascii_lowercase())
        } else {
            Lower::Same(word)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Stack { buf, len } => std::str::from_utf8(&buf[..*len]).expect("ASCII"),
            Lower::Heap(s) => s,
        }
    }

    pub fn into_string(self) -> String {
        match self {
            Lower::Heap(s) => s,
            other => other.as_str().to_string(),
        }
    }

    /// Drops the last `n` bytes (a suffix that ends at a char boundary).
    fn truncate(&mut self, n: usize) {
        match self {
            Lower::Same(s) => *s = &s[..s.len() - n],
            Lower::Stack { len, .. } => *len -= n,
            Lower::Heap(s) => s.truncate(s.len() - n),
        }
    }
}

/// Lower-cases, maps `’` to `'` and drops a possessive `'s`. `None` for an
/// empty result.
fn lookup_key(word: &str) -> Option<Lower<'_>> {
    let mut key = Lower::new(word, |word| {
        word.chars()
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect()
    });
    let k = key.as_str();
    if k.len() > 2 && k.ends_with("'s") {
        key.truncate(2);
    }
    (!key.as_str().is_empty()).then_some(key)
}

/// The words of one document: how often each occurs (ignoring case) and
/// which hyphenated compounds it uses.
#[derive(Debug, Clone, Default)]
pub struct DocVocabulary {
    counts: HashMap<String, usize>,
    /// Lower-cased compounds as written, e.g. "china-india", "state-of-the-art".
    compounds: HashSet<String>,
    /// Adjacent parts of every compound, e.g. "of" -> {"the"} from
    /// "state-of-the-art". Nested rather than keyed by a pair of strings so
    /// that a lookup needs no owned key.
    pairs: HashMap<String, HashSet<String>>,
    /// A compound with its hyphens removed -> the compound ("rustlang" -> "rust-lang").
    unhyphenated: HashMap<String, String>,
    /// Every token as written, case kept, surrounding punctuation trimmed
    /// ("$BUILDTOOLS" as "BUILDTOOLS"): the exact spellings an identifier
    /// is checked against.
    forms: HashSet<String>,
}

impl DocVocabulary {
    /// Collects the words of raw text. Tokens are split on whitespace and
    /// trimmed of surrounding punctuation. A token ending in a hyphen is a
    /// line-end hyphenation whose meaning is still unknown, so it is not
    /// counted; soft hyphens (U+00AD) inside a token are ignored.
    pub fn from_text(text: &str) -> DocVocabulary {
        let mut vocab = DocVocabulary::default();
        vocab.add_text(text);
        vocab
    }

    /// Adds the words of more raw text (see [`DocVocabulary::from_text`]).
    pub fn add_text(&mut self, text: &str) {
        for raw in text.split_whitespace() {
            self.add_token(raw);
        }
    }

    /// Collects the words of a document's text: title, abstract, body and
    /// end matter.
    pub fn from_document(doc: &crate::model::Document) -> DocVocabulary {
        DocVocabulary::from_document_with_body(doc, &body_texts(doc))
    }

    /// [`DocVocabulary::from_document`] for a caller that holds the body
    /// already as [`body_texts`], and reads it for other evidence as well.
    pub fn from_document_with_body(doc: &crate::model::Document, body: &[String]) -> DocVocabulary {
        let mut vocab = DocVocabulary::default();
        // Sized once for the body's words, rather than grown and rehashed
        // step by step.
        let distinct = expected_distinct_words(body);
        vocab.counts.reserve(distinct);
        vocab.forms.reserve(distinct);
        let mut add = |text: &str| vocab.add_text(text);
        if let Some(t) = doc.meta.title_text() {
            add(&t);
        }
        if let Some(t) = doc.meta.abstract_text() {
            add(&t);
        }
        for text in body {
            add(text);
        }
        for back in &doc.back {
            for block in &back.blocks {
                add(&block.plain_text());
            }
        }
        vocab
    }

    // Called for every token of the document, several times per document:
    // it allocates only for a word seen for the first time.
    fn add_token(&mut self, raw: &str) {
        if raw.ends_with('-') || raw.ends_with('\u{AD}') {
            return;
        }
        let cleaned: Cow<str> = if raw.contains('\u{AD}') {
            Cow::Owned(raw.chars().filter(|&c| c != '\u{AD}').collect())
        } else {
            Cow::Borrowed(raw)
        };
        let Some(word) = trim_token(&cleaned) else {
            return;
        };
        if !self.forms.contains(word) {
            self.forms.insert(word.to_string());
        }
        let Some(key) = lookup_key(word) else {
            return;
        };
        let key = key.as_str();
        if key.contains('-') {
            self.add_compound(key);
        }
        match self.counts.get_mut(key) {
            Some(n) => *n += 1,
            None => {
                self.counts.insert(key.to_string(), 1);
            }
        }
    }

    /// Records a lower-cased token holding a hyphen, if it is a compound.
    fn add_compound(&mut self, key: &str) {
        let parts: Vec<&str> = key.split('-').collect();
        // Only letter/digit parts make a compound ("China-India",
        // "pre-2020"), not "--" or a range of punctuation.
        if parts.len() < 2
            || !parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().any(char::is_alphanumeric))
        {
            return;
        }
        if self.compounds.contains(key) {
            return; // seen before: its pairs and joined form are in place
        }
        for pair in parts.windows(2) {
            self.pairs
                .entry(pair[0].to_string())
                .or_default()
                .insert(pair[1].to_string());
        }
        self.unhyphenated
            .entry(parts.concat())
            .or_insert_with(|| key.to_string());
        self.compounds.insert(key.to_string());
    }

    /// Whether the document uses `word` as a whole token (ignoring case).
    pub fn contains(&self, word: &str) -> bool {
        self.count(word) > 0
    }

    /// How often the document uses `word` as a whole token (ignoring case).
    /// The parts of a compound are not counted: "long-term" does not count
    /// as a use of "long".
    pub fn count(&self, word: &str) -> usize {
        lookup_key(word)
            .and_then(|k| self.counts.get(k.as_str()).copied())
            .unwrap_or(0)
    }

    /// Whether the document uses `word` without a plural "s" ("fixup" for
    /// "fixups"): a word of the document, though no word list knows it.
    pub fn has_singular(&self, word: &str) -> bool {
        singular(word).is_some_and(|stem| self.contains(stem))
    }

    /// Whether the document writes `a` and `b` joined by a hyphen, alone
    /// ("China-India") or inside a longer compound ("state-of-the-art" for
    /// "of", "the"). Ignores case.
    pub fn hyphenated(&self, a: &str, b: &str) -> bool {
        match (lookup_key(a), lookup_key(b)) {
            (Some(a), Some(b)) => self
                .pairs
                .get(a.as_str())
                .is_some_and(|next| next.contains(b.as_str())),
            _ => false,
        }
    }

    /// The hyphenated compound the document uses whose letters, without the
    /// hyphens, spell `joined` ("rustlang" -> "rust-lang"), lower-cased.
    pub fn compound_for(&self, joined: &str) -> Option<&str> {
        let key = lookup_key(joined)?;
        self.unhyphenated.get(key.as_str()).map(String::as_str)
    }

    /// Whether the document writes `word` exactly so, case and all, as a
    /// whole token (surrounding punctuation aside).
    pub fn writes(&self, word: &str) -> bool {
        trim_token(word).is_some_and(|w| self.forms.contains(w))
    }

    /// Whether the document uses the exact compound `word` ("China-India").
    pub fn has_compound(&self, word: &str) -> bool {
        lookup_key(word).is_some_and(|k| self.compounds.contains(k.as_str()))
    }

    /// The runs of letters and digits that open the document's words
    /// (lower-cased, each word once), for those that start with `head` and
    /// go on: "idealadd" and "idealdiv" for "ideal", "ispower" for "is"
    /// from "ispower(1),". Reads every word: for the rare question only.
    pub fn runs_starting_with<'a>(&'a self, head: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.counts.keys().filter_map(move |key| {
            let end = key
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(key.len(), |(i, _)| i);
            let run = &key[..end];
            (run.len() > head.len() && run.starts_with(head)).then_some(run)
        })
    }

    /// Whether a word of the document holds `piece` (lower-case) between
    /// two ends of runs of letters and digits: "fake-super" in
    /// "-M--fake-super". Reads every word: for the rare question only.
    pub fn writes_within(&self, piece: &str) -> bool {
        self.counts.keys().any(|key| {
            key.match_indices(piece).any(|(at, _)| {
                let open = !key[..at].ends_with(char::is_alphanumeric);
                let close = !key[at + piece.len()..].starts_with(char::is_alphanumeric);
                open && close
            })
        })
    }

    /// The number of distinct words seen.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The vocabulary of a document, kept with the texts it was read from, so
/// that passes reading a text no pass has changed since (the last round of
/// spacing, which changed nothing, and hyphen-restore after it) build it
/// once. Holds one document's vocabulary: it lives in that document's
/// [`super::RepairLog`].
#[derive(Debug, Clone, Default)]
pub struct VocabularyCache {
    /// The texts [`DocVocabulary::from_document_with_body`] reads, in the
    /// order it reads them: the same texts make the same vocabulary.
    texts: Vec<String>,
    vocab: Arc<DocVocabulary>,
}

impl VocabularyCache {
    /// [`DocVocabulary::from_document_with_body`], built again only when
    /// the document's text changed since the last call.
    pub fn of(&mut self, doc: &crate::model::Document, body: &[String]) -> Arc<DocVocabulary> {
        // The body is compared where it is, not copied for the comparison.
        let head: Vec<String> = doc
            .meta
            .title_text()
            .into_iter()
            .chain(doc.meta.abstract_text())
            .collect();
        let back: Vec<String> = doc
            .back
            .iter()
            .flat_map(|b| b.blocks.iter().map(|block| block.plain_text()))
            .collect();
        let texts = || head.iter().chain(body).chain(&back).map(String::as_str);
        let same = !self.texts.is_empty()
            && self.texts.len() == head.len() + body.len() + back.len()
            && self.texts.iter().map(String::as_str).eq(texts());
        if !same {
            // The old copy and vocabulary go before the new ones are made.
            *self = VocabularyCache::default();
            self.vocab = Arc::new(DocVocabulary::from_document_with_body(doc, body));
            self.texts = texts().map(str::to_string).collect();
        }
        Arc::clone(&self.vocab)
    }
}

/// Distinct words to expect in a body, to size the sets that hold them:
/// about one in a dozen bytes of a short text. A long text repeats its
/// words more and more, so the estimate stops at [`MAX_EXPECTED_WORDS`]
/// (sets grow past it as they must): reserving for a million lines would
/// hold hundreds of megabytes no document fills.
pub fn expected_distinct_words(body: &[String]) -> usize {
    (body.iter().map(String::len).sum::<usize>() / 12).min(MAX_EXPECTED_WORDS)
}

/// See [`expected_distinct_words`].
const MAX_EXPECTED_WORDS: usize = 8192;

/// The plain text of each block of a document's body, in order.
pub fn body_texts(doc: &crate::model::Document) -> Vec<String> {
    doc.blocks.iter().map(|b| b.plain_text()).collect()
}

/// Strips punctuation around a token ("(word)," -> "word"), keeping what is
/// inside ("U.S", "e-mail", "don't"). `None` when nothing is left.
pub(super) fn trim_token(token: &str) -> Option<&str> {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_vocabulary_follows_the_text() {
        use crate::model::{Block, Document, Inline, Span};
        let paragraph = |text: &str| Block::Paragraph {
            content: vec![Inline::text(text)],
            span: Span::default(),
        };
        let mut doc = Document::default();
        doc.blocks.push(paragraph("the rust-lang team"));
        let mut cache = VocabularyCache::default();
        let first = cache.of(&doc, &body_texts(&doc));
        assert_eq!(first.count("team"), 1);
        // The same text: the same vocabulary, not built again.
        assert!(Arc::ptr_eq(&first, &cache.of(&doc, &body_texts(&doc))));
        // Changed text: built again, and it says so.
        doc.blocks.push(paragraph("team"));
        let second = cache.of(&doc, &body_texts(&doc));
        assert!(!Arc::ptr_eq(&first, &second));
        assert_eq!(second.count("team"), 2);
    }

    /// The word list the build script reads.
    const ENGLISH_DATA: &str = include_str!("../../data/words/en.txt");

    #[test]
    fn list_has_as_many_words_as_lines() {
        // Every line is a header or one word, each word listed once.
        let words = ENGLISH_DATA
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(Lexicon::english().len(), words);
    }

    #[test]
    fn embedded_table_is_the_word_list() {
        // Every word of the file is found in its own section, and the
        // embedded table is the one the builder makes of the file.
        let entries = word_table::parse(ENGLISH_DATA);
        let lex = Lexicon::english();
        for &(word, level, kind) in &entries {
            assert_eq!(
                word_table::lookup(lex.table, word.as_bytes()),
                Some((level, kind)),
                "{word}"
            );
        }
        assert_eq!(word_table::build(&entries).unwrap(), lex.table);
    }

    #[test]
    fn table_reads_sections_and_misses() {
        let entries = word_table::parse("#10 word\nthe\n\n#20 name\nlondon\nthe\n#x abbr\ncia\n");
        assert_eq!(entries, [("the", 10, 0), ("london", 20, 1), ("cia", 70, 2)]);
        let table = word_table::build(&entries).unwrap();
        assert_eq!(word_table::len(&table), 3);
        assert_eq!(word_table::lookup(&table, b"the"), Some((10, 0)));
        assert_eq!(word_table::lookup(&table, b"london"), Some((20, 1)));
        assert_eq!(word_table::lookup(&table, b"cia"), Some((70, 2)));
        for miss in [&b""[..], b"th", b"thee", b"London", b"abcdefghijklmnopq"] {
            assert_eq!(word_table::lookup(&table, miss), None);
        }
        let empty = word_table::build(&[]).unwrap();
        assert_eq!(word_table::lookup(&empty, b"the"), None);
    }

    #[test]
    fn knows_common_words_in_both_spellings() {
        let lex = Lexicon::english();
        assert!(lex.len() > 100_000, "only {} words", lex.len());
        for w in [
            "the",
            "international",
            "recognised",
            "recognized",
            "infrastructure",
            "exports",
            "suspended",
            "percent",
        ] {
            assert!(lex.is_word(w), "{w} should be a word");
        }
        for w in ["ofthe", "isthe", "ognised", "rustlang", "nternational"] {
            assert!(!lex.is_word(w), "{w} should not be a word");
        }
    }

    #[test]
    fn lookups_ignore_case_and_possessives() {
        let lex = Lexicon::english();
        assert!(lex.is_word("The"));
        assert!(lex.is_word("THE"));
        assert!(lex.is_word("government's"));
        assert!(lex.is_word("government\u{2019}s"));
        assert!(lex.is_word("users'"));
        assert!(lex.is_word("London"));
        assert!(lex.is_word("don't"));
        assert!(!lex.is_word(""));
    }

    #[test]
    fn levels_separate_common_words_from_rare_fragments() {
        let lex = Lexicon::english();
        assert!(lex.is_common_word("of"));
        assert!(lex.is_common_word("the"));
        assert!(!lex.is_common_word("th"));
        assert_eq!(lex.lookup("the").map(|e| e.level), Some(10));
    }

    /// Each kind of slip finds the word; a short word, one near only
    /// obscure words, one far from any word or one not in ASCII letters
    /// finds none.
    #[test]
    fn one_slip_finds_the_word_meant() {
        let lex = Lexicon::english();
        let slip = |w: &str| lex.one_slip_from(w);
        assert_eq!(slip("comapared").as_deref(), Some("compared")); // added
        assert_eq!(slip("demonstates").as_deref(), Some("demonstrates")); // left out
        assert_eq!(slip("enviroment").as_deref(), Some("environment"));
        assert_eq!(slip("recieved").as_deref(), Some("received")); // swapped
        assert_eq!(slip("Definetely").as_deref(), Some("definitely")); // changed
        assert_eq!(slip("takeless"), None); // only obscure words near
        assert_eq!(slip("teh"), None); // too short
        assert_eq!(slip("agencypartners"), None);
        assert_eq!(slip("naïveté"), None); // not ASCII letters
    }

    #[test]
    fn function_words_are_sorted_and_found() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_function_word("The"));
        assert!(is_function_word("by"));
        assert!(!is_function_word("percent"));
    }

    #[test]
    fn vocabulary_counts_words_and_compounds() {
        let v = DocVocabulary::from_text(
            "The China-India border. Rust-lang is used, the state-of-the-art \
             rust-lang tools. inter-\nnational",
        );
        assert_eq!(v.count("the"), 2);
        assert_eq!(v.count("THE"), 2);
        assert!(v.contains("border"));
        assert!(v.hyphenated("China", "India"));
        assert!(v.hyphenated("of", "the"));
        assert!(!v.hyphenated("India", "China"));
        assert_eq!(v.compound_for("rustlang"), Some("rust-lang"));
        assert!(v.has_compound("rust-lang"));
        assert_eq!(v.count("rust-lang"), 2);
        // A line-end hyphen is not a compound, nor a word.
        assert!(!v.contains("inter"));
        assert!(!v.contains("inter-"));
        // Parts of a compound are not uses of the part.
        assert!(!v.contains("china"));
    }

    #[test]
    fn vocabulary_ignores_soft_hyphens_and_punctuation() {
        let v = DocVocabulary::from_text("(re\u{AD}port), report. «report»");
        assert_eq!(v.count("report"), 3);
        assert!(!v.is_empty());
    }
}
