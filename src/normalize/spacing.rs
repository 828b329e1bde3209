//! Spacing: spaces lost or added by text extraction.
//!
//! Rules, each logged under its own name:
//! - `space-before-punctuation`: "word ," -> "word,".
//! - `after-punctuation`: "infrastructure.It" -> "infrastructure. It",
//!   "near,hope" -> "near, hope", "plants,”says" -> "plants,” says"; only
//!   where the document's prose glues words to punctuation in two places or
//!   more, and once per 1,000 words at least (a token or two in a long
//!   paper may be the author's spelling: "anonymous,review", a web site).
//! - `word-number`: "by22 percent" -> "by 22 percent", only after a function
//!   word, so "G20", "mp3" and "v1.2" stay.
//! - `stray-space`: "rec ognised" -> "recognised" when one side is not a word
//!   and the join is.
//! - `run-together`: "ofthe" -> "of the". Any split must consist of words.
//!   Some extractors lose most spaces of a document; others never do. So a
//!   document is first checked for that damage: only when many of its
//!   unknown tokens split into words with a common function word among
//!   them ("theyare", "wasalittle"; not "nohyperref", "semper") are
//!   ordinary words split ("recoverquickest");
//!   otherwise only tokens made of function words alone ("ofthe", "isthe").
//!   A part of three letters that the document never writes alone must be
//!   one of the most common words ("now", "two"; not "sup|or|ted"), and a
//!   capitalised word inside a sentence is a name, split only with a
//!   function word among its parts ("via Wikimedia", "and Thenext"), as is
//!   one in PascalCase after an arrow or an assignment ("=> FileVariable").
//!
//! Doubled spaces need no rule: the model keeps one `Space` between words.
//! URLs, e-mail addresses, DOIs, paths and code-like tokens are never
//! touched; neither are numbers ("3.5", "1,000"), abbreviations ("U.S.",
//! "e.g."), single-letter prefixes ("iPhone", "eBay") or hyphenated compounds.

use std::cell::{Cell, OnceCell, RefCell};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::identifier::{
    code_words, identifier_reason, is_camel_case_reason, is_code_name, is_code_reason,
    is_identifier,
};
use super::inline_walk::for_each_inlines;
use super::lexicon::{
    DocVocabulary, Kind, Lexicon, Lower, body_texts, expected_distinct_words, is_function_word,
    singular, trim_token,
};
use super::lines::path_words_in;
use super::{Pass, RepairLog, Stage};
use crate::model::{Document, Inline, Span, plain_text};

pub const PASS: Pass = Pass {
    name: "spacing",
    about: "Restores lost spaces (after punctuation, before numbers, between run-together \
            words) and removes stray ones (inside words, before punctuation)",
    stage: Stage::Tree(run),
};

/// A document is treated as having lost its spaces when at least this many
/// of its distinct tokens, and at least one in `RUN_TOGETHER_RATE` of them,
/// are unknown but split into words glued by a common function word
/// ("ofthe", "thelistmodeanditsfriends"). Clean text has a few such tokens
/// by chance (names, options, jargon, a word of another language: under
/// 2%); text whose extractor lost spaces has them by the dozen (2% to 18%
/// in the extracts measured). Where the two meet, the document is read as
/// clean: a repair missed costs less than a name split.
const RUN_TOGETHER_MIN: usize = 5;
const RUN_TOGETHER_RATE: usize = 50;

/// A run the document writes whole at least this often, and this many
/// times as often as it writes its parts apart, is a word of its own
/// ("xrefstyle" 19 times, "xref style" once): lost spaces are not that
/// consistent. Fewer uses prove nothing ("agencypartners" three times,
/// "agency partners" once, in an extract that lost spaces throughout).
const GLUED_BY_AUTHOR_MIN: usize = 5;
const GLUED_BY_AUTHOR_RATIO: usize = 5;

/// Longest run of letters considered for splitting, and longest part.
const MAX_RUN: usize = 64;
const MAX_PART: usize = 24;
/// Longest token (in bytes) the splitting rules look at.
const MAX_TOKEN: usize = 200;

struct Ctx<'a> {
    lex: &'static Lexicon,
    vocab: &'a DocVocabulary,
    /// The document lost spaces between words (see the module comment).
    run_together: bool,
    /// Pairs of adjacent words (lower-cased) the document writes with a
    /// space: "agency partners" there confirms splitting "agencypartners".
    /// Built from `body` when first asked: most documents split nothing.
    bigrams: OnceCell<Bigrams>,
    /// The document's body texts, which `bigrams` is read from.
    body: &'a [String],
    /// Names the document writes as a module before other names ("csv"
    /// of "csv.reader" and "csv.excel"): "csv.Error" there is one more of
    /// its names, not a sentence end. Built from `body` when first asked.
    namespaces: OnceCell<HashSet<String>>,
    /// Every part of a split must be a word the document writes on its own
    /// somewhere: a split into words it never uses ("a sit can", "ti on")
    /// has no evidence. Off only while the damage itself is measured.
    attested: bool,
    /// Letters the document writes with more than one number ("in" from
    /// "in1" and "in2"): names, not a word glued to a number.
    numbered_stems: HashSet<String>,
    /// Runs of letters the document's code blocks write ("ifthen" from
    /// `\RequirePackage{ifthen}`): names, which the prose mentions as they
    /// are spelled in the code.
    code_words: HashSet<String>,
    /// Runs of letters and digits the document's paths and addresses
    /// write ("mparhack" from "http://ctan.org/pkg/mparhack"), as spelled.
    path_words: HashSet<String>,
    /// The document glues words to a comma, a semicolon or a sentence end
    /// in more than one place, and often enough for its length ("near,hope",
    /// "above,we", "it.The"): the extractor lost those spaces. A token or
    /// two in a long paper ("anonymous,review" naming a class's options,
    /// "Poker-Edge.Com" a web site) are as likely the author's own
    /// spelling, and stay.
    glued_punctuation: bool,
    /// The block being repaired is in another language (Latin verse,
    /// filler text): no run of it is English words run together.
    foreign_block: Cell<bool>,
    /// Decisions that depend on nothing but a token and the evidence above,
    /// remembered for the round: a document repeats most of its words, and
    /// each is weighed once. Per document and per round, so it holds at
    /// most the document's distinct tokens.
    memo: RefCell<Memo>,
    /// The run the run-together rule last left whole that it would have
    /// split, and why, for the log: set by [`run_together_parts`], taken by
    /// [`split_tokens`].
    declined: RefCell<Option<(String, String)>>,
}

impl Ctx<'_> {
    fn bigrams(&self) -> &Bigrams {
        self.bigrams.get_or_init(|| Bigrams::of(self.body))
    }

    fn namespaces(&self) -> &HashSet<String> {
        self.namespaces.get_or_init(|| namespaces_in(self.body))
    }
}

#[derive(Default)]
struct Memo {
    /// Tokens that no splitting rule cuts ([`split_token_if_needed`] gave
    /// `None`, which calls no log).
    whole: HashSet<String>,
    /// [`is_known`] of a run of letters.
    known: HashMap<String, bool>,
}

impl Memo {
    fn sized_for(body: &[String]) -> Memo {
        let n = expected_distinct_words(body);
        Memo {
            whole: HashSet::with_capacity_and_hasher(n, Default::default()),
            known: HashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }
}

/// Distinct tokens with a comma, semicolon or sentence end between two words that
/// show the extractor lost the space after them; one alone is no evidence.
const MIN_GLUED_PUNCTUATION: usize = 2;

/// And at least this many such tokens per 1,000 words of the body: text
/// that lost those spaces glues several per page (3 to 14 per 1,000 words
/// in the extracts measured), a clean paper one or two in all.
const GLUED_PUNCTUATION_PER_THOUSAND: usize = 1;

/// Whether the document glues words to punctuation often enough to show
/// that the extractor lost spaces (see [`Ctx::glued_punctuation`]).
fn lost_spaces_after_punctuation(body: &[String], spelled: &HashSet<String>) -> bool {
    let words: usize = body.iter().map(|t| t.split_whitespace().count()).sum();
    let glued = glued_punctuation(body, spelled);
    glued >= MIN_GLUED_PUNCTUATION && glued * 1000 >= words * GLUED_PUNCTUATION_PER_THOUSAND
}

/// Counts the distinct tokens of prose that glue two words with a comma,
/// a semicolon ([`comma_cut`]) or a sentence end ([`sentence_cut`]). Code
/// writes its own ("[in,out]", "\\email{dave,judy}"), which is no evidence,
/// and so does a token the document writes more than once ([`spelled_tokens`]).
fn glued_punctuation(body: &[String], spelled: &HashSet<String>) -> usize {
    let mut seen: HashSet<&str> = HashSet::default();
    for text in body {
        for token in text.split_whitespace() {
            if !token.contains([',', ';', '.', '!', '?'])
                || seen.contains(token)
                || is_code_name(token)
                || is_spelled_list(token)
                || trim_token(token).is_some_and(|t| spelled.contains(t))
            {
                continue;
            }
            let chars: Vec<(usize, char)> = token.char_indices().collect();
            let glued = (1..chars.len().saturating_sub(1)).any(|k| {
                (matches!(chars[k].1, ',' | ';') && comma_cut(&chars, k)) || sentence_cut(&chars, k)
            });
            if glued {
                seen.insert(token);
            }
        }
    }
    seen.len()
}

/// The tokens with a comma, semicolon or sentence end inside that the body
/// writes at least twice, as [`trim_token`] leaves them: names ("Com.Error" of an exception,
/// "nx,ny" a pair of symbols) are written so again and again, while the
/// same two words seldom meet at a lost space twice. Where an extractor
/// lost the spaces after punctuation, many other tokens show it; a token
/// the document repeats proves nothing by itself.
fn spelled_tokens(body: &[String]) -> HashSet<String> {
    let mut once: HashSet<&str> = HashSet::default();
    let mut twice = HashSet::default();
    for token in body.iter().flat_map(|text| text.split_whitespace()) {
        let Some(token) = trim_token(token) else {
            continue;
        };
        if !token.contains([',', ';', '.', ':', '!', '?']) {
            continue;
        }
        if !once.insert(token) && !twice.contains(token) {
            twice.insert(token.to_string());
        }
    }
    twice
}

/// Lower-cased pairs of adjacent words: first word -> the words after it,
/// each with how often the document writes the pair. Nested so that a
/// lookup needs no owned pair of strings.
#[derive(Default)]
struct Bigrams(HashMap<String, HashMap<String, usize>>);

impl Bigrams {
    /// The pairs of adjacent words in the document's body (its
    /// [`body_texts`]).
    fn of(body: &[String]) -> Bigrams {
        let mut pairs = Bigrams::default();
        for text in body {
            let text = text.to_lowercase();
            let mut words = text
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
            let Some(mut prev) = words.next() else {
                continue;
            };
            for word in words {
                if !prev.is_empty() && !word.is_empty() {
                    pairs.insert(prev, word);
                }
                prev = word;
            }
        }
        pairs
    }

    fn insert(&mut self, a: &str, b: &str) {
        // Most pairs repeat: look before allocating.
        if !self.0.contains_key(a) {
            self.0.insert(a.to_string(), HashMap::default());
        }
        let next = self.0.get_mut(a).expect("inserted above");
        match next.get_mut(b) {
            Some(n) => *n += 1,
            None => {
                next.insert(b.to_string(), 1);
            }
        }
    }

    /// Whether the document writes `a b`, ignoring case.
    fn contains(&self, a: &str, b: &str) -> bool {
        self.count(a, b) > 0
    }

    /// How often the document writes `a b`, ignoring case.
    fn count(&self, a: &str, b: &str) -> usize {
        let (a, b) = (
            Lower::new(a, str::to_lowercase),
            Lower::new(b, str::to_lowercase),
        );
        self.0
            .get(a.as_str())
            .and_then(|next| next.get(b.as_str()))
            .copied()
            .unwrap_or(0)
    }
}

/// Repairs change the evidence the rules weigh (a word split off becomes
/// vocabulary, the rate of lost spaces moves), and a second reading of the
/// repaired text would weigh the new evidence. So the pass repeats while a
/// round changes something, at most this often, and a second run finds
/// nothing left to do.
const MAX_ROUNDS: usize = 3;

fn run(doc: &mut Document, log: &mut RepairLog) {
    // Every rule here weighs words against the English word list and
    // English punctuation ("mot ;" is French typography, "weitere" no run
    // of "we it ere").
    if log.other_language {
        log.decline(
            PASS.name,
            "other-language",
            Span::UNKNOWN,
            "the text is not in English: the English word list cannot tell where its spaces belong",
        );
        return;
    }
    // Read before any repair: a round that splits the glued tokens takes
    // away the evidence the next round would weigh for the ones left.
    let mut body = body_texts(doc);
    let mut glued_punctuation = lost_spaces_after_punctuation(&body, &spelled_tokens(&body));
    for _ in 0..MAX_ROUNDS {
        let before = log.changes.len();
        let run_together = round(doc, &body, glued_punctuation, log);
        glued_punctuation |= run_together;
        if log.changes.len() == before {
            break;
        }
        body = body_texts(doc);
    }
}

/// One reading of the document, whose body's text is `body` (read once
/// for the kinds of evidence); whether it had lost the spaces between its
/// words.
fn round(
    doc: &mut Document,
    body: &[String],
    glued_punctuation: bool,
    log: &mut RepairLog,
) -> bool {
    let vocab = log.vocabulary.of(doc, body);
    let lex = Lexicon::english();
    let (evidence, words) = evidence_in(body, &vocab);
    let run_together = evidence >= RUN_TOGETHER_MIN && evidence * RUN_TOGETHER_RATE >= words;
    let ctx = Ctx {
        lex,
        vocab: &vocab,
        run_together,
        bigrams: OnceCell::new(),
        body,
        namespaces: OnceCell::new(),
        attested: true,
        numbered_stems: numbered_stems(body),
        code_words: code_words(&doc.blocks, body),
        path_words: path_words_in(body.iter().map(String::as_str)),
        // Text that lost the spaces between its words lost those after
        // its punctuation too, however few of them show; a later round,
        // with fewer left, still knows it from the first.
        glued_punctuation: glued_punctuation || run_together,
        foreign_block: Cell::new(false),
        memo: RefCell::new(Memo::sized_for(body)),
        declined: RefCell::default(),
    };
    if ctx.run_together && std::env::var_os("RECTO_DEBUG_SPACING").is_some() {
        eprintln!("lost spaces: {evidence} of {words} runs");
    }
    for_each_inlines(doc, &mut |inlines, span| {
        // Only a document that lost its spaces splits runs into ordinary
        // words, the splits Latin and filler text fall prey to.
        ctx.foreign_block
            .set(ctx.run_together && inlines_in_other_language(inlines));
        fix(inlines, span, &ctx, log)
    });
    run_together
}

/// Counts the distinct runs of letters that look run together (unknown,
/// and splitting into words with one of the [`GLUE_WORDS`] among them),
/// and all distinct runs.
pub fn run_together_evidence(doc: &Document, vocab: &DocVocabulary) -> (usize, usize) {
    evidence_in(&body_texts(doc), vocab)
}

/// [`run_together_evidence`] over the document's [`body_texts`].
fn evidence_in(body: &[String], vocab: &DocVocabulary) -> (usize, usize) {
    let ctx = Ctx {
        lex: Lexicon::english(),
        vocab,
        run_together: true,
        bigrams: OnceCell::new(),
        body: &[],
        namespaces: OnceCell::new(),
        attested: false,
        numbered_stems: HashSet::default(),
        code_words: HashSet::default(),
        path_words: HashSet::default(),
        glued_punctuation: true,
        foreign_block: Cell::new(false),
        memo: RefCell::default(),
        declined: RefCell::default(),
    };
    let n = expected_distinct_words(body);
    let mut seen: HashSet<String> = HashSet::with_capacity_and_hasher(n, Default::default());
    // A token met before adds nothing: its runs are in `seen` already, or
    // it was protected then as now.
    let mut tokens: HashSet<&str> = HashSet::with_capacity_and_hasher(n, Default::default());
    let mut evidence = 0;
    // Latin verse or filler text is no English run together; whether a
    // text is such a passage is asked only of texts with a candidate run.
    for text in body {
        let mut foreign: Option<bool> = None;
        let mut previous = "";
        for token in text.split_whitespace() {
            let command = previous == "\\";
            previous = token;
            if command || !tokens.insert(token) || is_protected(token) || is_code_name(token) {
                continue;
            }
            for (at, run) in letter_runs(token) {
                // Look before inserting: most runs were seen already.
                let lower = Lower::new(run, str::to_lowercase);
                if seen.contains(lower.as_str()) {
                    continue;
                }
                seen.insert(lower.into_string());
                // A capitalised run may be a name ("Docstrip", "Footinbib",
                // "Berman"): it is evidence where it opens with a glue word,
                // as a sentence glued at its start does ("Whenareference",
                // "Thetablewith..."), or glues four words or more with one among
                // them ("Tablewithnumerouscolumns").
                let capitalised = run.starts_with(|c: char| c.is_uppercase());
                if run.chars().count() < 4
                    || ctx.lex.is_word(run)
                    || glued_to_digit_or_hyphen(token, at, run)
                    || is_camel_case(run)
                {
                    continue;
                }
                let Some(parts) = segment(run, &ctx, false) else {
                    continue;
                };
                // "A" opens English sentences ("Athird", "Alimited"); a word of
                // another language seldom splits into it and an English word.
                let glued = if capitalised {
                    parts.first().is_some_and(|p| p == "A" || is_glue_word(p))
                        || (parts.len() >= 4
                            && parts.iter().all(|p| p.chars().count() >= 2)
                            && glued_by_glue_word(&parts))
                } else {
                    glued_by_glue_word(&parts)
                };
                if glued && !*foreign.get_or_insert_with(|| passage_in_other_language(text)) {
                    evidence += 1;
                }
            }
        }
    }
    if std::env::var_os("RECTO_DEBUG_SPACING").is_some() {
        eprintln!("run-together evidence {evidence} of {} runs", seen.len());
    }
    (evidence, seen.len())
}

/// The English words that text which lost its spaces glues to its
/// neighbours most often ("ofthe", "Tocustomizethe", "welcomesyouto"),
/// and that seldom make up a word of another language, a name or an
/// option: "no" and "us" do ("nohyperref", "netus"), and so do "in", "on",
/// "a", "at", "per", "over" and "am" ("Indice", "semper",
/// "overeenstemming", "amout"). Only runs glued by one of these show that
/// an extractor lost the spaces of a document.
const GLUE_WORDS: &[&str] = &[
    "and", "are", "as", "be", "been", "but", "by", "can", "could", "does", "for", "from", "has",
    "have", "how", "if", "into", "is", "it", "its", "may", "must", "not", "of", "or", "our",
    "should", "such", "than", "that", "the", "their", "then", "there", "these", "they", "this",
    "to", "was", "we", "were", "what", "when", "where", "which", "who", "will", "with", "would",
    "you", "your",
];

/// Whether the parts of a run show glue: a glue word of three letters or
/// more ("bandedandupper"), or of two inside the run ("tableofcontents").
/// Two letters at an end are as often a Latin or Italian ending or
/// beginning ("mollis", "tortor", "orci") as a word.
fn glued_by_glue_word(parts: &[String]) -> bool {
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .any(|(i, p)| is_glue_word(p) && (p.chars().count() >= 3 || (i > 0 && i < last)))
}

/// Whether `word` is one of the [`GLUE_WORDS`], ignoring case.
fn is_glue_word(word: &str) -> bool {
    let lower = Lower::new(word, str::to_lowercase);
    GLUE_WORDS.binary_search(&lower.as_str()).is_ok()
}

/// "toString", "forEach": identifiers from code, common in technical
/// prose, are no evidence of lost spaces.
fn is_camel_case(run: &str) -> bool {
    let chars: Vec<char> = run.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

/// "TryPropagationExpression": capitalised, with a capital after a
/// lower-case letter inside.
fn is_pascal_case(run: &str) -> bool {
    run.chars().next().is_some_and(char::is_uppercase) && is_camel_case(run)
}

/// A run of letters that is part of a technical token ("aarch64",
/// "tier1") or of a hyphenated compound ("matter-of-factness").
fn glued_to_digit_or_hyphen(token: &str, at: usize, run: &str) -> bool {
    let before = token[..at].chars().next_back();
    let after = token[at + run.len()..].chars().next();
    [before, after]
        .into_iter()
        .flatten()
        .any(|c| c.is_ascii_digit() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
}

/// Whether a passage (a block's text) is in a language other than
/// English: ten words or more, and English function words of two letters
/// or more for fewer than one word in twenty, none at all in a passage of
/// twenty words or fewer. Latin verse ("Arma virumque cano Troiae qui
/// primus ab oris") and filler text ("Lorem ipsum dolor sit amet") use
/// next to none; English, even with words run together ("Howthe Agile
/// BPAdidn't meet our goals"), keeps some apart. The closed class of
/// [`is_function_word`] is read, not the twenty words of the document's
/// language guess: a short glued line keeps none of those apart.
pub(super) fn passage_in_other_language(text: &str) -> bool {
    let (mut words, mut english) = (0, 0);
    count_function_words(text, &mut words, &mut english);
    reads_as_other_language(words, english)
}

/// [`passage_in_other_language`] of the text of `inlines`, read in place.
fn inlines_in_other_language(inlines: &[Inline]) -> bool {
    fn walk(inlines: &[Inline], words: &mut usize, english: &mut usize) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => count_function_words(t, words, english),
                other => {
                    if let Some(children) = other.children() {
                        walk(children, words, english);
                    }
                }
            }
        }
    }
    let (mut words, mut english) = (0, 0);
    walk(inlines, &mut words, &mut english);
    reads_as_other_language(words, english)
}

/// Adds the words of `text` to `words`, and its English function words of
/// two letters or more to `english`.
fn count_function_words(text: &str, words: &mut usize, english: &mut usize) {
    for word in text.split_whitespace() {
        let core = word.trim_matches(|c: char| !c.is_alphabetic());
        // A run of letters longer than words are ("Whichisbasicallyasquare")
        // is words run together, whose function words do not show: it
        // tells nothing of the passage's language.
        if core.chars().count() > GLUED_RUN_LETTERS {
            continue;
        }
        *words += 1;
        // No function word is longer than eight letters.
        if (2..=8).contains(&core.len()) && is_function_word(core) {
            *english += 1;
        }
    }
}

fn reads_as_other_language(words: usize, english: usize) -> bool {
    words >= MIN_PASSAGE_WORDS && english * PASSAGE_ENGLISH_RATE < words.max(PASSAGE_ENGLISH_RATE)
}

/// Longer runs of letters are words run together, not words of a
/// language (Latin and English words alike are shorter).
const GLUED_RUN_LETTERS: usize = 15;

/// Fewer words than this tell nothing of a passage's language.
const MIN_PASSAGE_WORDS: usize = 10;

/// English uses a function word for about one word in five; a passage
/// with fewer than one in this many is in another language.
const PASSAGE_ENGLISH_RATE: usize = 20;

/// Values or options listed with commas and no spaces, three or more
/// ("geometry,ifthen,keyval", "letterpaper,10pt,oneside"): the author's
/// spelling, as in a package's options. A sentence that lost the spaces
/// after its commas has function words among its pieces ("State,18F,and"),
/// and text that lost them loses one here and there, between two words
/// ("near,hope").
fn is_spelled_list(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    let items: Vec<&str> = core.split(',').collect();
    items.len() >= 3
        && items
            .iter()
            .all(|item| !item.is_empty() && !is_function_word(item))
}

/// The letters that the document writes glued to more than one number
/// ("in1", "in2"; "x86", "x64").
fn numbered_stems(body: &[String]) -> HashSet<String> {
    keys_with_two_values(
        body.iter()
            .flat_map(|text| text.split_whitespace())
            .filter_map(|token| {
                let token = token.trim_matches(|c: char| !c.is_alphanumeric());
                let letters = token.len() - token.trim_start_matches(char::is_alphabetic).len();
                let (stem, number) = token.split_at(letters);
                let numbered =
                    letters > 0 && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
                numbered.then_some((stem, number))
            }),
    )
}

/// The keys (lower-cased) that `pairs` give two or more distinct values.
fn keys_with_two_values<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> HashSet<String> {
    let mut first_value: HashMap<String, &str> = HashMap::default();
    let mut keys = HashSet::default();
    for (key, value) in pairs {
        let key = key.to_lowercase();
        match first_value.get(&key) {
            Some(&first) if first != value => {
                keys.insert(key);
            }
            Some(_) => {}
            None => {
                first_value.insert(key, value);
            }
        }
    }
    keys
}

/// The prefixes the body writes before a dot and two or more distinct
/// names no sentence starts with: a lower-case word ("csv.reader"), or a
/// name with an underscore or inner capitals ("csv.QUOTE_ALL",
/// "csv.DictReader"). One such name could be glued prose ("end.the");
/// two with one prefix are a module's.
fn namespaces_in(body: &[String]) -> HashSet<String> {
    let name_char = |c: char| c.is_alphanumeric() || c == '_';
    keys_with_two_values(
        body.iter()
            .flat_map(|text| text.split_whitespace())
            .filter_map(|token| {
                let (prefix, rest) = token
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .split_once('.')?;
                let name = &rest[..rest.find(|c| !name_char(c)).unwrap_or(rest.len())];
                let capitals = name.chars().filter(|c| c.is_uppercase()).count();
                let no_sentence_start = name.starts_with(|c: char| c.is_lowercase())
                    && name.chars().nth(1).is_some()
                    && !is_function_word(name)
                    || name.contains('_')
                    || (capitals >= 2 && name.chars().any(char::is_lowercase));
                let prefix_ok = prefix.chars().count() >= 2 && prefix.chars().all(name_char);
                (prefix_ok && no_sentence_start).then_some((prefix, name))
            }),
    )
}

fn fix(inlines: &mut Vec<Inline>, span: Span, ctx: &Ctx, log: &mut RepairLog) {
    fix_from(inlines, true, span, ctx, log);
}

/// `at_start`: `inlines` begins its block, so its first word is where a
/// reader looks for a list marker.
fn fix_from(inlines: &mut Vec<Inline>, at_start: bool, span: Span, ctx: &Ctx, log: &mut RepairLog) {
    for (n, inline) in inlines.iter_mut().enumerate() {
        if let Some(children) = inline.children_mut() {
            fix_from(children, at_start && n == 0, span, ctx, log);
        }
    }
    space_before_punctuation(inlines, at_start, span, log);
    merge_stray_spaces(inlines, span, ctx, log);
    split_tokens(inlines, span, ctx, log);
    // Splitting can leave closing punctuation after a space ("sta ??\"ih)"
    // -> "sta ??\" ih)"), which the next reading would join.
    space_before_punctuation(inlines, at_start, span, log);
    split_at_markup_edges(inlines, span, ctx, log);
}

/// A span of markup glued to the next word ("<u>of</u>the"): the words
/// touch across the edge of the span, so the text reads "ofthe". Put the
/// space back where the run-together rules would split the text as read.
fn split_at_markup_edges(inlines: &mut Vec<Inline>, span: Span, ctx: &Ctx, log: &mut RepairLog) {
    let is_markup = |i: &Inline| i.children().is_some();
    let is_word = |i: &Inline| matches!(i, Inline::Text(_)) || i.children().is_some();
    let mut i = 1;
    while i < inlines.len() {
        let (a, b) = (&inlines[i - 1], &inlines[i]);
        if is_word(a) && is_word(b) && (is_markup(a) || is_markup(b)) {
            let left = plain_text(std::slice::from_ref(a));
            let right = plain_text(std::slice::from_ref(b));
            let l = left.split_whitespace().next_back().unwrap_or("");
            let r = right.split_whitespace().next().unwrap_or("");
            let joined = format!("{l}{r}");
            let cuts_at_edge = !l.is_empty()
                && !r.is_empty()
                && joined.len() <= MAX_TOKEN
                && split_token(&joined, ctx, &mut |_, _, _| true)
                    .iter()
                    .scan(0, |at, p| {
                        *at += p.len();
                        Some(*at)
                    })
                    .any(|at| at == l.len());
            if cuts_at_edge {
                let after = format!("{l} {r}");
                let evidence = split_evidence("run-together", &after, ctx);
                if log.approve_cited(PASS.name, "run-together", span, joined, after, evidence) {
                    inlines.insert(i, Inline::Space);
                    i += 1;
                }
            }
        }
        i += 1;
    }
}

/// Tokens that must never be edited: URLs, e-mail addresses, DOIs, paths,
/// code.
fn is_protected(token: &str) -> bool {
    // This runs on every token, more than once: one bit test per byte.
    token.bytes().any(|b| b < 128 && CODE_MASK >> b & 1 == 1)
        || token
            .as_bytes()
            .get(..4)
            .is_some_and(|start| start.eq_ignore_ascii_case(b"www."))
}

/// Characters of code, paths and addresses. All ASCII, so a byte test finds
/// them: no byte of a multi-byte UTF-8 character is ASCII.
const CODE_CHARS: &[u8] = b"/\\@_=<>{}[]|#`~^$&*+";

/// One bit per byte of `CODE_CHARS`.
const CODE_MASK: u128 = {
    let mut mask = 0u128;
    let mut i = 0;
    while i < CODE_CHARS.len() {
        mask |= 1 << CODE_CHARS[i];
        i += 1;
    }
    mask
};

/// Closing punctuation that never follows a space in English text.
fn is_closing_punctuation(token: &str) -> bool {
    let mut chars = token.chars();
    matches!(chars.next(), Some(',' | '.' | ';' | ':' | '!' | '?' | ')'))
        && token != "..."
        && !token.starts_with("..")
        // ":::", "::", ";;" are operators of code ("cat ::: outputs").
        && !token.contains("::")
        && !token.contains(";;")
        // A mark named in a sentence ("when it doesn't, append !:", "type
        // ?, then Enter"): a sentence's own "!" or "?" has no colon,
        // semicolon or comma right after it.
        && !["!:", "!;", "!,", "?:", "?;", "?,"].iter().any(|m| token.starts_with(m))
        && chars.all(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '”' | '"' | '’'))
}

/// "word ," -> "word,". Not at the start of a block when the joined word
/// would read as a list marker ("3 ) text" -> "3) text"): the next reading
/// would make the paragraph a list item.
fn space_before_punctuation(
    inlines: &mut Vec<Inline>,
    at_start: bool,
    span: Span,
    log: &mut RepairLog,
) {
    let mut i = 1;
    while i + 1 < inlines.len() {
        if at_start && i == 1 && reads_as_list_marker(inlines) {
            i += 1;
            continue;
        }
        // A line that starts with closing punctuation is the same stray gap
        // as a space before it: treating both alike keeps the pass
        // idempotent once wrapped lines are joined.
        if matches!(inlines[i], Inline::Space | Inline::SoftBreak)
            && let (Inline::Text(prev), Inline::Text(next)) = (&inlines[i - 1], &inlines[i + 1])
            && is_closing_punctuation(next)
            && prev.chars().last().is_some_and(char::is_alphanumeric)
            // Code spaces its punctuation as it likes ("(&dmap )").
            && !is_protected(prev)
            && !is_code_name(prev)
            // A spaced ellipsis (". . .") is typography, not a stray space.
            && !(next == "." && matches!(inlines.get(i + 3), Some(Inline::Text(t)) if t == "."))
            // A block of one word and one mark ("Symbol" over "!", the
            // cells of a table extracted column by column) is no sentence
            // whose punctuation strayed.
            && inlines.len() > 3
        {
            if let Some(operand) = operator_before(inlines, i + 1) {
                log.decline(
                    PASS.name,
                    "space-before-punctuation",
                    span,
                    format!(
                        "{prev} {next} {operand} (a mark set apart before a word no sentence \
                         opens with is an operator: shell's \"test ! -d\", C's \"a ? b : c\")"
                    ),
                );
                i += 1;
                continue;
            }
            let before = format!("{prev} {next}");
            let after = format!("{prev}{next}");
            if log.approve_cited(
                PASS.name,
                "space-before-punctuation",
                span,
                before,
                after.clone(),
                "closing punctuation never follows a space in prose",
            ) {
                inlines[i - 1] = Inline::Text(after);
                inlines.drain(i..=i + 1);
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
}

/// The word after a lone "!" or "?" at `at`, where it opens as no sentence
/// does: in lower case, or with a dash, a quote, a bracket or a shell's
/// `$` (`test ! -d foo`, `test ! "string"`, `if ! test`). A sentence's own
/// mark ends it, and the next one opens with a capital.
fn operator_before(inlines: &[Inline], at: usize) -> Option<&str> {
    let Some(Inline::Text(mark)) = inlines.get(at) else {
        return None;
    };
    if !matches!(mark.as_str(), "!" | "?") || !matches!(inlines.get(at + 1), Some(Inline::Space)) {
        return None;
    }
    let Some(Inline::Text(operand)) = inlines.get(at + 2) else {
        return None;
    };
    operand
        .starts_with(|c: char| c.is_lowercase() || "-\"'$([{=<>|&`".contains(c))
        .then_some(operand.as_str())
}

/// Whether joining the block's first two words ("3", ")") would start the
/// block with a list marker ("3) ...").
fn reads_as_list_marker(inlines: &[Inline]) -> bool {
    let (Some(Inline::Text(first)), Some(Inline::Text(second))) = (inlines.first(), inlines.get(2))
    else {
        return false;
    };
    super::structure::list_marker(&format!("{first}{second} x")).is_some()
}

/// The maximal runs of letters (with apostrophes between letters) in a
/// token, with their byte offsets. An iterator rather than a `Vec`: it runs
/// on nearly every token, and most tokens are one run.
fn letter_runs(token: &str) -> LetterRuns<'_> {
    LetterRuns {
        token,
        ascii: token.is_ascii(),
        at: 0,
        chars: token.char_indices().peekable(),
    }
}

struct LetterRuns<'a> {
    token: &'a str,
    /// Most tokens are ASCII: their bytes are their chars, read faster.
    ascii: bool,
    /// Where the ASCII scan goes on.
    at: usize,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
}

impl<'a> LetterRuns<'a> {
    /// `next` for an ASCII token: the same rule on bytes (an ASCII letter
    /// is `is_alphabetic`, and the only ASCII apostrophe is `'`).
    fn next_ascii(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.token.as_bytes();
        let mut start: Option<usize> = None;
        while let Some(&b) = bytes.get(self.at) {
            let i = self.at;
            self.at += 1;
            let apostrophe_inside = b == b'\''
                && start.is_some()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
            if b.is_ascii_alphabetic() || apostrophe_inside {
                start.get_or_insert(i);
            } else if let Some(s) = start {
                return Some((s, &self.token[s..i]));
            }
        }
        start.map(|s| (s, &self.token[s..]))
    }
}

impl<'a> Iterator for LetterRuns<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.ascii {
            return self.next_ascii();
        }
        let mut start: Option<usize> = None;
        while let Some((i, c)) = self.chars.next() {
            let apostrophe_inside = is_apostrophe(c)
                && start.is_some()
                && self.chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if c.is_alphabetic() || apostrophe_inside {
                start.get_or_insert(i);
            } else if let Some(s) = start {
                return Some((s, &self.token[s..i]));
            }
        }
        start.map(|s| (s, &self.token[s..]))
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether a run is a word on its own: in the word list, or used elsewhere
/// in this document.
fn is_known(run: &str, ctx: &Ctx) -> bool {
    // Asked of both sides of nearly every space, every round: remembered.
    if let Some(&known) = ctx.memo.borrow().known.get(run) {
        return known;
    }
    // A regular inflection of a listed word is a word ("incipits" beside
    // "incipit"): "use incipits" is no "useincipits" split by a stray space.
    let known =
        ctx.lex.is_word(run) || ctx.vocab.count(run) >= 2 || is_inflected_word(run, ctx.lex);
    ctx.memo.borrow_mut().known.insert(run.to_string(), known);
    known
}

/// A run the document's code blocks, TeX commands, paths or addresses
/// spell: a name.
fn is_name(run: &str, ctx: &Ctx) -> bool {
    ctx.path_words.contains(run)
        || ctx
            .code_words
            .contains(Lower::new(run, str::to_lowercase).as_str())
}

/// "rec ognised" -> "recognised"; in a document with lost spaces also
/// "anylev elofaccess" -> "anylevelofaccess" (split into words afterwards).
fn merge_stray_spaces(inlines: &mut Vec<Inline>, span: Span, ctx: &Ctx, log: &mut RepairLog) {
    let mut i = 1;
    while i + 1 < inlines.len() {
        // The two pieces as written, the word they make, and why.
        let merge = match (&inlines[i - 1], &inlines[i], &inlines[i + 1]) {
            // A word split over two lines without a hyphen is the same
            // stray gap as a space inside it (and the pass stays idempotent
            // once the lines are joined).
            (Inline::Text(left), Inline::Space | Inline::SoftBreak, Inline::Text(right))
                if should_merge(left, right, ctx) =>
            {
                Some((
                    format!("{left} {right}"),
                    format!("{left}{right}"),
                    merge_evidence(left, right, ctx),
                ))
            }
            _ => None,
        };
        let Some((pieces, joined, evidence)) = merge else {
            i += 1;
            continue;
        };
        if in_letter_spaced_run(inlines, i) {
            log.decline_cited(
                PASS.name,
                "stray-space",
                span,
                pieces,
                "inside letters set apart one by one (\"m o d i fi e r\"): \
                 no piece of them is a word's fragment",
            );
            i += 1;
        } else if log.approve_cited(
            PASS.name,
            "stray-space",
            span,
            pieces,
            joined.clone(),
            evidence,
        ) {
            inlines[i - 1] = Inline::Text(joined);
            inlines.drain(i..=i + 1);
        } else {
            i += 1;
        }
    }
}

/// Whether the space at `i` stands among letters an extractor set apart
/// one by one (pypdf of letter-spaced text: "the ‘ !’m o d i fi e r3"):
/// three single letters or more among the three words on either side of
/// it, two of them side by side. Joining two of its pieces ("fi e" ->
/// "fie") makes a word the text never had. A lone "a" or "I" is a word, no
/// such letter; capitals split from their words one word apart ("a P
/// ackage V ersion F ile") are stray spaces each.
fn in_letter_spaced_run(inlines: &[Inline], i: usize) -> bool {
    fn words<'a>(side: impl Iterator<Item = &'a Inline>) -> Vec<&'a str> {
        side.filter_map(|inline| match inline {
            Inline::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .take(3)
        .collect()
    }
    let mut window = words(inlines[..i].iter().rev());
    window.reverse();
    window.extend(words(inlines[i + 1..].iter()));
    let single = |t: &str| {
        let core = t.trim_matches(|c: char| !c.is_alphanumeric());
        let mut chars = core.chars();
        chars.next().is_some_and(char::is_alphabetic)
            && chars.next().is_none()
            && !matches!(core, "a" | "A" | "I")
    };
    let singles: Vec<bool> = window.iter().map(|t| single(t)).collect();
    singles.iter().filter(|s| **s).count() >= 3 && singles.windows(2).any(|w| w[0] && w[1])
}

/// Why two pieces were merged, for the log.
fn merge_evidence(left: &str, right: &str, ctx: &Ctx) -> String {
    let l = letter_runs(left).last().map_or("", |(_, r)| r);
    let r = letter_runs(right).next().map_or("", |(_, r)| r);
    let joined = format!("{l}{r}");
    if ctx.vocab.count(&joined) >= 1 {
        format!("the document writes '{joined}'")
    } else if ctx.lex.is_word(&joined) {
        format!("word list: '{joined}'")
    } else {
        format!("the document lost spaces elsewhere; '{joined}' splits into words it writes")
    }
}

/// A piece this long beside a function word is no fragment of a stray
/// space without more evidence (see [`should_merge`]).
const FUNCTION_BESIDE_LEN: usize = 5;

fn should_merge(left: &str, right: &str, ctx: &Ctx) -> bool {
    // Every test here only declines, so the cheap ones come first: most
    // neighbours are two known words, or do not touch letter to letter.
    // Letters touch across the space only where `left` ends in a letter
    // and `right` starts with a lower-case one (tested again below, on the
    // runs): most neighbours end in punctuation or start a capitalised
    // word, and need no closer look.
    if !left.chars().next_back().is_some_and(char::is_alphabetic)
        || !right.chars().next().is_some_and(char::is_lowercase)
    {
        return false;
    }
    // The letters that touch across the space.
    let Some((l_at, l)) = letter_runs(left).last() else {
        return false;
    };
    let Some((r_at, r)) = letter_runs(right).next() else {
        return false;
    };
    if l_at + l.len() != left.len()
        || r_at != 0
        || !r.starts_with(|c: char| c.is_lowercase())
        || glued_to_digit_or_hyphen(left, l_at, l)
        || glued_to_digit_or_hyphen(right, r_at, r)
    {
        return false;
    }
    let (l_known, r_known) = (is_known(l, ctx), is_known(r, ctx));
    if l_known && r_known {
        return false;
    }
    if is_protected(left) || is_protected(right) || is_identifier(left) || is_identifier(right) {
        return false;
    }
    let joined = format!("{l}{r}");
    // Two pieces make a word of the list ("rec ognised", "lit tle"); but a
    // fragment beside a function word may instead have lost letters to the
    // extractor ("a nal", "a xed": a ligature's "fi" dropped), and joins
    // with it only into a word the document writes elsewhere, never into a
    // new one ("anal", "axed").
    let (word, fragment) = if l_known { (l, r) } else { (r, l) };
    if ctx
        .lex
        .lookup(&joined)
        .is_some_and(|e| e.kind == Kind::Word)
        && !(is_function_word(word)
            && ctx.vocab.count(&joined) == 0
            && lost_ligature(fragment, ctx))
    {
        return true;
    }
    // A piece that the document's code or paths name ("\\eenumsentence",
    // "http://ctan.org/pkg/mparhack") stands on its own: "the
    // eenumsentence" is no fragment of "theeenumsentence".
    if is_name(l, ctx) || is_name(r, ctx) {
        return false;
    }
    // A stray space leaves fragments; a function word beside a piece of
    // five letters or more is most often the author's own space, with a
    // word the list lacks after it ("a minipage", "to reencode"), even
    // where the extractor glued the two once elsewhere ("aminipage"). Only
    // the joined form written more often than the two apart shows the
    // space stray.
    let function_beside_long = (is_function_word(l) && r.chars().count() >= FUNCTION_BESIDE_LEN)
        || (is_function_word(r) && l.chars().count() >= FUNCTION_BESIDE_LEN);
    // (The pairs are counted only when the join is written at all: most
    // documents never need them.)
    if function_beside_long && {
        let whole = ctx.vocab.count(&joined);
        whole == 0 || whole <= ctx.bigrams().count(l, r)
    } {
        return false;
    }
    // A name of the document's code ("\\dotlessi", "\\invacuo") is no
    // evidence that "dotless i" or "in vacuo" is one word split apart.
    // Nor, where the document lost its spaces, is the joined form beside
    // a word that stands on its own: "Thegmverse" elsewhere is the same
    // damage as "The gmverse" would be, not the author's spelling.
    let r_word = r_known && (r.chars().count() >= 2 || matches!(r, "a" | "A" | "I"));
    // A word of three letters or more beside another piece as long is the
    // author's phrase, though the document writes the two joined as a name
    // ("default regexp engine" beside the option 'regexpengine'): a stray
    // space leaves a fragment ("pr operty", "lik e"), not two such pieces.
    let long = |run: &str| run.chars().count() >= 3;
    if !ctx.run_together && long(l) && long(r) && (l_known || r_known) {
        return false;
    }
    if ctx.vocab.count(&joined) >= 1
        && !ctx
            .code_words
            .contains(Lower::new(&joined, str::to_lowercase).as_str())
        && !(ctx.run_together && (l_known || r_word))
    {
        return true;
    }
    if !ctx.run_together {
        return false;
    }
    // A word standing on its own after the space ("Howwide spread",
    // "borrowexpressions it") shows the space is the author's: moving it
    // would make other words ("How widespread", "borrowexpression sit").
    // Only a fragment that is no word shows a stray space.
    // (A lone letter other than "a" or "I" is no such word: "hav e".)
    if r_word {
        return false;
    }
    // A word before words run together ("a newuser") keeps its space:
    // splitting the right side explains it, while moving the space would
    // make other words ("anew user").
    if l_known && segment(r, ctx, false).is_some() {
        return false;
    }
    // A right half made of function words ("inthe") is run together
    // itself; gluing a fragment to it ("lieve inthe" -> "lie vein the")
    // would hide that.
    if segment(r, ctx, true).is_some() {
        return false;
    }
    // Both halves as they stand versus the join, split into words.
    let cost = |run: &str| -> f32 {
        if is_known(run, ctx) {
            part_cost(run, ctx, false)
        } else {
            segment_cost(run, ctx).unwrap_or(f32::INFINITY)
        }
    };
    match segment_with_cost(&joined, ctx, false) {
        Some((parts, c)) => {
            // A split at the old space would only put the space back.
            let mut at = 0;
            let cuts_at_space = parts.iter().any(|p| {
                at += p.len();
                at == l.len()
            });
            !cuts_at_space && c + 0.5 < cost(l) + cost(r)
        }
        None => false,
    }
}

/// Whether the dot at `k` is inside a dotted name that the document's code
/// writes (`as.Date` in prose beside `as.Date("2008-01-01")` in a
/// listing), or, in a document that kept its spaces, a call
/// (`as.Date("2005-02-15")`): a name, not two sentences.
fn dotted_code_name(chars: &[(usize, char)], k: usize, ctx: &Ctx) -> bool {
    let name_char = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let start = (0..k)
        .rev()
        .take_while(|&i| name_char(chars[i].1))
        .last()
        .unwrap_or(k);
    let end = (k + 1..chars.len())
        .take_while(|&i| name_char(chars[i].1))
        .last()
        .map_or(k + 1, |i| i + 1);
    let name: String = chars[start..end].iter().map(|&(_, c)| c).collect();
    // "as.Date(" is a call; "Video.(Mar" a sentence end before a bracket.
    let called = !name.ends_with('.') && chars.get(end).is_some_and(|&(_, c)| c == '(');
    let name = name.trim_matches('.');
    let prefix: String = chars[start..k].iter().map(|&(_, c)| c).collect();
    ctx.code_words.contains(&name.to_lowercase())
        || (called && !ctx.run_together)
        || ctx.namespaces().contains(&prefix.to_lowercase())
}

/// A program's option: one or two dashes, then a letter ("-exitinfo",
/// "--enable-debuginfo", and "–enable-g" where `--` was set as an en
/// dash), spelled as the program spells it.
pub(super) fn is_option(token: &str) -> bool {
    let name = token.trim_start_matches(['-', '–']);
    let dashes = token[..token.len() - name.len()].chars().count();
    // The name up to its value (`--with-pm=hydra`) is letters, digits,
    // hyphens and underscores: "--configure),we..." is an option with
    // words glued after it.
    let key = name
        .split('=')
        .next()
        .unwrap_or_default()
        .trim_end_matches(['.', ',', ';', ':', ')']);
    (1..=2).contains(&dashes)
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
}

/// Two capitals and then a lower-case letter ("RUn", "PDFs"): the case of
/// no word, as words are written, but of a name.
fn is_mixed_case(part: &str) -> bool {
    let chars: Vec<char> = part.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_uppercase() && w[1].is_uppercase() && w[2].is_lowercase())
}

/// Letters a ligature printed as one glyph, which some extractors drop.
const LIGATURES: [&str; 5] = ["fi", "fl", "ff", "ffi", "ffl"];

/// Whether `fragment` is a word with a ligature's letters dropped ("nal"
/// for "final", "xed" for "fixed"): joined to the word beside it, it
/// would make another word ("anal", "axed").
fn lost_ligature(fragment: &str, ctx: &Ctx) -> bool {
    (0..=fragment.len())
        .filter(|&at| fragment.is_char_boundary(at))
        .any(|at| {
            LIGATURES.iter().any(|lig| {
                ctx.lex
                    .is_word(&format!("{}{lig}{}", &fragment[..at], &fragment[at..]))
            })
        })
}

/// A backslash the extractor set apart from its command (`\ tableofcontents`):
/// the token that follows is the name of a command, not words.
fn after_lone_backslash(before: &[Inline]) -> bool {
    matches!(before, [.., Inline::Text(t), Inline::Space] if t == "\\")
}

/// Applies the splitting rules to every `Text` token.
fn split_tokens(inlines: &mut Vec<Inline>, span: Span, ctx: &Ctx, log: &mut RepairLog) {
    let mut out = Vec::with_capacity(inlines.len());
    // A name followed by its version ("colorchoice v1.0.0", "anstyle
    // 1.0.2") is the name of a package, spelled as its author chose.
    let names: Vec<bool> = (0..inlines.len())
        .map(|k| versioned(&inlines[k + 1..]))
        .collect();
    for (inline, name) in inlines.drain(..).zip(names) {
        let Inline::Text(token) = inline else {
            out.push(inline);
            continue;
        };
        if name || after_lone_backslash(&out) || ctx.memo.borrow().whole.contains(token.as_str()) {
            out.push(Inline::Text(token));
            continue;
        }
        // A capitalised word inside a sentence ("via Wikimedia Commons",
        // "Edward Snowden") is a name: it splits only with a function word
        // among its parts ("and Thenext" is words run together), but for a
        // last one of two letters, which ends names too often ("Paul
        // Hewson" is no "Hews on").
        // What is already in `out` ends as the inlines before the token
        // did: a split keeps a token's last letter last.
        let name_inside = is_title_case(&token)
            && token.chars().filter(|c| c.is_alphabetic()).count() <= NAME_MAX_LETTERS
            && inside_sentence(&out);
        // So is a name in PascalCase after an arrow or an assignment
        // ("protection => FileTypedefProtection (string)") where the
        // document lost spaces elsewhere (where it did not, no rule cuts
        // PascalCase).
        let pascal_after_sign = ctx.run_together
            && after_code_sign(&out)
            && is_pascal_case(token.trim_matches(|c: char| !c.is_alphabetic()));
        // So is a word alone in quotes ("the ‘fancybox’ package", "a
        // ‘shortverb’ character"): the name of a package, a command or a
        // term the text mentions.
        let quoted = is_quoted_word(&token);
        let mut kept_as_name = false;
        // What an earlier question (a markup edge's) left is not this
        // token's.
        ctx.declined.borrow_mut().take();
        let pieces = split_token_if_needed(&token, ctx, &mut |rule, before, after| {
            if (name_inside || pascal_after_sign || quoted)
                && rule == "run-together"
                && !has_function_word_but_a_short_last(&after)
            {
                let why = if quoted {
                    "a word alone in quotes is a name the text mentions"
                } else {
                    "a capitalised word inside a sentence is a name"
                };
                log.decline_cited(PASS.name, rule, span, before, why);
                kept_as_name = true;
                return false;
            }
            let evidence = split_evidence(rule, &after, ctx);
            log.approve_cited(PASS.name, rule, span, before, after, evidence)
        });
        if let Some((run, reason)) = ctx.declined.borrow_mut().take() {
            log.decline_cited(PASS.name, "run-together", span, run, reason);
        }
        let Some(pieces) = pieces else {
            // Whole here may be for want of the rules a block in another
            // language does without, or because of where the token stands.
            if !ctx.foreign_block.get() && !kept_as_name {
                ctx.memo.borrow_mut().whole.insert(token.clone());
            }
            out.push(Inline::Text(token));
            continue;
        };
        for (k, piece) in pieces.into_iter().enumerate() {
            if k > 0 {
                out.push(Inline::Space);
            }
            out.push(Inline::Text(piece));
        }
    }
    *inlines = out;
}

/// Whether `token` is one word of letters alone in quotes, with only
/// closing punctuation after them ("‘fancybox’", "“shortverb”.", "'key',").
fn is_quoted_word(token: &str) -> bool {
    let token = token.trim_end_matches(['.', ',', ';', ':', ')']);
    let mut chars = token.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let closes = match open {
        '‘' => '’',
        '“' => '”',
        '"' | '\'' | '`' => open,
        _ => return false,
    };
    close == closes && chars.as_str().chars().count() >= 2 && chars.all(char::is_alphabetic)
}

/// Whether the words of `split` (a token split at spaces) hold a function
/// word, not counting a last one of two letters or fewer.
fn has_function_word_but_a_short_last(split: &str) -> bool {
    let words: Vec<&str> = split
        .split(' ')
        .map(|p| p.trim_matches(|c: char| !c.is_alphabetic()))
        .collect();
    let counted = match words.split_last() {
        Some((last, rest)) if last.chars().count() <= 2 => rest,
        _ => &words[..],
    };
    counted.iter().any(|w| is_function_word(w))
}

/// Whether a token after `before` stands inside a sentence: a word (or a
/// comma) comes before it, not a sentence's end or the block's start.
fn inside_sentence(before: &[Inline]) -> bool {
    let Some(Inline::Space | Inline::SoftBreak) = before.last() else {
        return false;
    };
    match before.iter().rev().nth(1) {
        Some(Inline::Text(t)) => t
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c == ','),
        _ => false,
    }
}

/// Whether the last text of `before` is a sign that code and reference
/// pages put before a name: an arrow, an assignment, a separator ("=>",
/// "->", "=", "|"), with no letter or digit.
fn after_code_sign(before: &[Inline]) -> bool {
    let previous = before.iter().rev().find_map(|inline| match inline {
        Inline::Text(t) => Some(t.as_str()),
        _ => None,
    });
    previous
        .is_some_and(|t| t.contains(['=', '<', '>', '|']) && !t.chars().any(char::is_alphanumeric))
}

/// Longer capitalised runs ("Windowsoperatingsystem") are words run
/// together rather than one name.
const NAME_MAX_LETTERS: usize = 12;

/// "Wikimedia": a capital, then lower-case letters only.
fn is_title_case(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase)
        && token
            .trim_end_matches(|c: char| !c.is_alphabetic())
            .chars()
            .skip(1)
            .all(char::is_lowercase)
}

/// Whether the inlines after a token start with a space and a version
/// number: digits with two dots or more, an optional `v` before them
/// ("v1.0.0", "0.2.1,"). Two numbers with one dot are too often prose
/// ("in 2.5 seconds").
fn versioned(after: &[Inline]) -> bool {
    let [Inline::Space, Inline::Text(next), ..] = after else {
        return false;
    };
    // Asked of every token: most are followed by a word, which no version
    // number starts as.
    if !next.starts_with(|c: char| c.is_ascii_digit() || c == 'v' || c == 'V') {
        return false;
    }
    let core = next.trim_end_matches([',', ';', ')', ':']);
    let core = core.strip_prefix(['v', 'V']).unwrap_or(core);
    let mut parts = 0;
    for part in core.split('.') {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    parts >= 3
}

/// Why a token was split as it was, for the log.
fn split_evidence(rule: &str, after: &str, ctx: &Ctx) -> String {
    let words: Vec<String> = after
        .split(' ')
        .filter_map(|p| {
            let w = p.trim_matches(|c: char| !c.is_alphanumeric());
            (!w.is_empty()).then(|| format!("'{w}'"))
        })
        .collect();
    match rule {
        "after-punctuation" => "punctuation glued to the word after it".to_string(),
        "word-number" => "a function word glued to a number".to_string(),
        _ if ctx.run_together => format!(
            "the document lost spaces elsewhere, and writes {}",
            words.join(", ")
        ),
        _ => format!("function words run together: {}", words.join(", ")),
    }
}

/// Splits one whitespace-free token into the words it should have been.
fn split_token(
    token: &str,
    ctx: &Ctx,
    report: &mut dyn FnMut(&'static str, String, String) -> bool,
) -> Vec<String> {
    split_token_if_needed(token, ctx, report).unwrap_or_else(|| vec![token.to_string()])
}

/// [`split_token`], but `None` when the token stays whole, as nearly every
/// token does: that case then copies nothing.
fn split_token_if_needed(
    token: &str,
    ctx: &Ctx,
    report: &mut dyn FnMut(&'static str, String, String) -> bool,
) -> Option<Vec<String>> {
    // No word is this long: a longer token is data (a hash, a base64
    // blob), and leaving it alone keeps the pass linear in the input.
    // A camel-case name ("IsTerminal", "nLocalVars") is code in a document
    // that kept its spaces; where spaces were lost, "aRequest" is damage.
    if is_listed_word(token, ctx) {
        return None;
    }
    let reason = identifier_reason(token);
    if is_protected(token)
        || is_code_reason(reason)
        || (!ctx.run_together && is_camel_case_reason(reason))
        || token.len() > MAX_TOKEN
        || is_compound_of_names(token, ctx)
        || (!ctx.run_together && is_spelled_list(token))
    {
        return None;
    }
    let word_number = |p: &str| split_word_number(p, ctx);
    // When no rule splits the whole token, none splits anything (each rule
    // then sees the token alone).
    if !splits(token, |p| split_after_punctuation(p, ctx))
        && !splits(token, |p| split_run_together(p, ctx))
        && !splits(token, word_number)
    {
        return None;
    }
    let mut pieces = apply(vec![token.to_string()], "after-punctuation", report, |p| {
        split_after_punctuation(p, ctx)
    });
    pieces = apply(pieces, "run-together", report, |p| {
        split_run_together(p, ctx)
    });
    Some(apply(pieces, "word-number", report, word_number))
}

/// A word of ASCII letters that no rule cuts, perhaps with closing
/// punctuation after it ("word", "Word,", "word.)"), as most tokens are:
/// settled with one lookup rather than by each rule in turn.
///
/// Punctuation at the end has no word after it to split off, no digit
/// follows the letters, and no apostrophe marks a possessive, so only
/// `run-together` could cut the letters, and it leaves a listed word, a
/// run of fewer than three letters and one without a lower-case letter
/// whole (see [`run_together_parts`]).
fn is_listed_word(token: &str, ctx: &Ctx) -> bool {
    let letters = token.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    !letters.is_empty()
        && letters.bytes().all(|b| b.is_ascii_alphabetic())
        && (letters.len() < 3
            || !letters.bytes().any(|b| b.is_ascii_lowercase())
            || ctx.lex.is_word(letters))
}

/// A hyphenated name of code ("anstyle-wincon", "msrv-resolver"): two or
/// more of its parts are no word of the list and never written alone.
/// Spaces lost inside a compound ("well-knownfact") leave one such part.
fn is_compound_of_names(token: &str, ctx: &Ctx) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if !core.contains('-') {
        return false;
    }
    core.split('-')
        .filter(|part| {
            !part.is_empty()
                && part.chars().all(char::is_alphabetic)
                && !ctx.lex.is_word(part)
                && !ctx.vocab.contains(part)
        })
        .count()
        >= 2
}

/// Whether a splitting rule cuts `piece` (the test `apply` makes).
fn splits(piece: &str, split: impl Fn(&str) -> Option<Vec<String>>) -> bool {
    split(piece).is_some_and(|parts| is_real_split(&parts, piece))
}

/// Parts that make progress: more than one, each shorter than the piece.
fn is_real_split(parts: &[String], piece: &str) -> bool {
    parts.len() > 1 && parts.iter().all(|p| p.len() < piece.len())
}

/// Runs one splitting rule over every piece until it splits nothing more
/// ("the0they" -> "the", "0they" -> "0", "they"), logging each piece once.
fn apply(
    pieces: Vec<String>,
    rule: &'static str,
    report: &mut dyn FnMut(&'static str, String, String) -> bool,
    split: impl Fn(&str) -> Option<Vec<String>>,
) -> Vec<String> {
    fn fully(
        parts: Vec<String>,
        split: &dyn Fn(&str) -> Option<Vec<String>>,
        out: &mut Vec<String>,
    ) {
        let mut todo: Vec<String> = parts.into_iter().rev().collect();
        while let Some(piece) = todo.pop() {
            match split(&piece) {
                // Every part is shorter than the piece, so this ends.
                Some(parts) if is_real_split(&parts, &piece) => {
                    todo.extend(parts.into_iter().rev());
                }
                _ => out.push(piece),
            }
        }
    }
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match split(&piece) {
            Some(first) if is_real_split(&first, &piece) => {
                let mut parts = Vec::new();
                fully(first, &split, &mut parts);
                // An edit the editor rejected leaves the piece whole.
                if report(rule, piece.clone(), parts.join(" ")) {
                    out.extend(parts);
                } else {
                    out.push(piece);
                }
            }
            // A piece the rule leaves whole is kept as it is, not copied.
            _ => out.push(piece),
        }
    }
    out
}

/// Cuts a token at the byte offsets given (sorted, inside the token).
fn cut(token: &str, at: &[usize]) -> Vec<String> {
    let mut parts = Vec::with_capacity(at.len() + 1);
    let mut last = 0;
    for &i in at {
        parts.push(token[last..i].to_string());
        last = i;
    }
    parts.push(token[last..].to_string());
    parts
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘')
}

/// Length of the run of letters that ends just before char index `end`.
fn letters_before(chars: &[(usize, char)], end: usize) -> usize {
    chars[..end]
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .count()
}

fn letters_after(chars: &[(usize, char)], start: usize) -> usize {
    chars[start..]
        .iter()
        .take_while(|(_, c)| c.is_alphabetic())
        .count()
}

/// A sentence end at `k` glued to the next sentence, "infrastructure.It":
/// a lower-case word before, a capitalised word after. Evidence, with
/// commas glued the same way, that the extractor lost spaces after
/// punctuation.
fn sentence_cut(chars: &[(usize, char)], k: usize) -> bool {
    matches!(chars[k].1, '.' | '!' | '?')
        && chars[k - 1].1.is_lowercase()
        && letters_before(chars, k) >= 2
        && chars[k + 1].1.is_uppercase()
        && chars.get(k + 2).is_some_and(|c| c.1.is_lowercase())
}

/// A comma or semicolon at `k` between two words (never between digits):
/// "near,hope", "State,18F", "plants,”says". Not before a note's or an
/// affiliation's mark, a number of one or two digits that ends the token
/// or the next comma ("Muench,1", "Burton,2, 3"): a superscript the
/// extractor set on the line.
fn comma_cut(chars: &[(usize, char)], k: usize) -> bool {
    let (c, prev, next) = (chars[k].1, chars[k - 1].1, chars[k + 1].1);
    (letters_before(chars, k) >= 2
        || (prev.is_uppercase() && k >= 2 && chars[k - 2].1.is_ascii_digit()))
        && (letters_after(chars, k + 1) >= 2
            || (c == ',' && next.is_ascii_digit() && !is_mark_number(&chars[k + 1..]))
            || (is_opening_quote(next) && letters_after(chars, k + 2) >= 1))
}

/// One or two digits that end `chars` or stand before a comma: the shape
/// of a superscript mark ("1", "2,"), not of a word ("18F").
fn is_mark_number(chars: &[(usize, char)]) -> bool {
    let digits = chars.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    digits <= 2 && chars.get(digits).is_none_or(|&(_, c)| c == ',')
}

/// "infrastructure.It", "near,hope", "plants,”says", "character,“buoyed".
/// The positions inside the first argument list of a call in `chars`: a
/// name, an opening bracket right after it, and its closing bracket later
/// in the token ("f(a,b)", "x[i;j]"). `None` when there is no such list.
fn argument_list(chars: &[(usize, char)]) -> Option<std::ops::Range<usize>> {
    let open = (1..chars.len())
        .find(|&k| matches!(chars[k].1, '(' | '[') && chars[k - 1].1.is_alphanumeric())?;
    let closer = if chars[open].1 == '(' { ')' } else { ']' };
    let close = (open + 1..chars.len()).rfind(|&k| chars[k].1 == closer)?;
    Some(open + 1..close)
}

/// Whether `rest` is the last argument of a list that began before it: a
/// name (not a number: "Wong,2008)" is a citation) and a closing bracket
/// ("hdutype,status)").
fn closes_later(rest: &[(usize, char)]) -> bool {
    let name = rest
        .iter()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .count();
    let closes = rest
        .get(name)
        .is_some_and(|(_, c)| matches!(c, ')' | ']' | '}' | '⟩'));
    closes && rest[..name].iter().any(|(_, c)| !c.is_ascii_digit())
}

fn split_after_punctuation(token: &str, ctx: &Ctx) -> Option<Vec<String>> {
    // Every cut is next to punctuation or a curly quote (the quotes' UTF-8
    // starts with 0xE2): most tokens have none, and need no closer look.
    if !token
        .bytes()
        .any(|b| matches!(b, b',' | b';' | b'.' | b'?' | b'!' | b':' | b'"' | 0xE2))
    {
        return None;
    }
    // A percent sign after anything but a digit is code's: a TeX comment
    // ("url,url-prefix-x,%:" in a list of options), a format ("%s,%d"),
    // an escape ("a%20b"). "50%," is a share, and prose.
    let code_percent = token
        .match_indices('%')
        .any(|(i, _)| !token[..i].ends_with(|p: char| p.is_ascii_digit()));
    if code_percent {
        return None;
    }
    let chars: Vec<(usize, char)> = token.char_indices().collect();
    let n = chars.len();
    // Where the spaces were lost, a call's shape may be words glued
    // together ("chapter(Obadiah;1John;Jude),you").
    let arguments = if ctx.run_together {
        None
    } else {
        argument_list(&chars)
    };
    let mut cuts = Vec::new();
    for k in 1..n.saturating_sub(1) {
        // Punctuation between a call's brackets separates its arguments
        // (`getS3method("generic","class")`).
        if arguments.as_ref().is_some_and(|r| r.contains(&k)) {
            continue;
        }
        let (at, c) = chars[k];
        let prev = chars[k - 1].1;
        let next = chars[k + 1].1;
        let next_at = chars[k + 1].0;
        let cut_after = match c {
            // A comma or semicolon between two words (never between digits).
            // Not inside brackets that close later in the token, where
            // an argument list began before it ("FTMAHD(unit,nhdu, >
            // hdutype,status)").
            ',' | ';' => {
                ctx.glued_punctuation
                    && comma_cut(&chars, k)
                    && (ctx.run_together || !closes_later(&chars[k + 1..]))
            }
            // A sentence end glued to the next sentence: a lower-case word
            // before (so not "U.S", "e.g"), a capitalised word after (so
            // not "example.com", "Node.js").
            '.' | '?' | '!' | ':' => {
                let before = letters_before(&chars, k);
                // "infrastructure.It", "TalentMAP.This", "18F.From"; not
                // "U.S" or "e.g".
                let alnum_before = chars[..k]
                    .iter()
                    .rev()
                    .take_while(|(_, c)| c.is_alphanumeric())
                    .count();
                let lower_before = (before >= 2 && prev.is_lowercase())
                    || (alnum_before >= 2
                        && prev.is_uppercase()
                        && chars[k - 2].1.is_alphanumeric());
                // The word after must be one: "comm.Bcast" is a name.
                let known_after = || {
                    let word: String = chars[k + 1..]
                        .iter()
                        .map(|&(_, c)| c)
                        .take_while(|c| c.is_alphabetic())
                        .collect();
                    ctx.lex.is_word(&word) || ctx.vocab.count(&word) >= 2
                };
                let word_after = next.is_uppercase()
                    && chars.get(k + 2).is_some_and(|(_, c)| c.is_lowercase())
                    && known_after()
                    && !(c == '.' && dotted_code_name(&chars, k, ctx));
                let quote_after = is_opening_quote(next)
                    && chars.get(k + 2).is_some_and(|(_, c)| c.is_uppercase());
                let before_ok = if c == '.' || c == ':' {
                    lower_before && chars[..k - before].iter().all(|(_, c)| *c != '.')
                } else {
                    before >= 1
                };
                ctx.glued_punctuation && before_ok && (word_after || quote_after)
            }
            // A closing quote glued to the next word; not to the "s" of
            // a plural ("the “b”s").
            '”' => {
                next.is_alphabetic()
                    && (prev.is_alphabetic() || ",.;:!?".contains(prev))
                    && !plural_s(&chars[k + 1..])
            }
            '"' => next.is_alphabetic() && ",.;:!?".contains(prev),
            _ => false,
        };
        if cut_after {
            cuts.push(next_at);
        } else if is_opening_quote(c)
            && (prev.is_alphabetic() || ",.;:!?".contains(prev))
            && next.is_alphanumeric()
        {
            cuts.push(at);
        }
    }
    cuts.dedup();
    (!cuts.is_empty()).then(|| cut(token, &cuts))
}

/// Whether `rest` (the characters after a closing quote) is the "s" of a
/// plural and nothing more of a word: "s", "s.", "s,".
fn plural_s(rest: &[(usize, char)]) -> bool {
    matches!(rest.first(), Some((_, 's'))) && rest.get(1).is_none_or(|(_, c)| !c.is_alphanumeric())
}

/// "by22" -> "by 22", "of90-120" -> "of 90-120", "2015and" -> "2015 and".
/// Not where the document writes the letters with other numbers too
/// ("in1 in2"): those are names.
fn split_word_number(token: &str, ctx: &Ctx) -> Option<Vec<String>> {
    let parts = word_number_cut(token, ctx)?;
    // A name the document's code writes ("out1" of `-> out1 * ... * outq`).
    let name = trim_token(token).map(str::to_lowercase);
    (!name.is_some_and(|name| ctx.code_words.contains(&name))).then_some(parts)
}

/// Where [`split_word_number`] would cut `token`, before the document's
/// code is asked.
fn word_number_cut(token: &str, ctx: &Ctx) -> Option<Vec<String>> {
    let lead = token.len()
        - token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let body = &token[lead..];
    let letters = body.len() - body.trim_start_matches(char::is_alphabetic).len();
    if letters >= 2 && body[letters..].starts_with(|c: char| c.is_ascii_digit()) {
        let stem = &body[..letters];
        let named = ctx.numbered_stems.contains(stem.to_lowercase().as_str());
        // "to11determine": a number glued between two words (a page or
        // note number lost in the line) has no place the text shows.
        let number = &body[letters..];
        let after = number.trim_start_matches(|c: char| c.is_ascii_digit());
        let word_after: String = after.chars().take_while(|c| c.is_lowercase()).collect();
        let glued_between = word_after.chars().count() >= 3 && !is_function_word(&word_after);
        // One digit between a word and a contraction's ending is an
        // apostrophe the extractor read as a digit ("you9re", "it9s"),
        // not a number: "in1990s" has more digits.
        let apostrophe = number.len() - after.len() == 1
            && matches!(
                word_after.as_str(),
                "s" | "re" | "ll" | "ve" | "d" | "t" | "m"
            )
            && !after[word_after.len()..].starts_with(char::is_alphanumeric);
        // Digits again after letters after the number make a part number
        // or a model ("at90s2313", "at90can128"), not a word and a number.
        let part_number = after.starts_with(char::is_alphabetic)
            && after
                .trim_start_matches(char::is_alphabetic)
                .starts_with(|c: char| c.is_ascii_digit());
        // Letters in capitals before a number are a symbol or a name
        // ("SO4", a formula; "IN2"), not a function word.
        let in_capitals = !stem.chars().any(char::is_lowercase);
        return (is_function_word(stem)
            && !in_capitals
            && !named
            && !glued_between
            && !apostrophe
            && !part_number)
            .then(|| cut(token, &[lead + letters]));
    }
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits >= 1 {
        let rest = &body[digits..];
        let word_len = rest.len() - rest.trim_start_matches(char::is_alphabetic).len();
        let word = &rest[..word_len];
        let tail_ok = rest[word_len..].chars().all(|c| !c.is_alphanumeric());
        if word_len >= 3
            && tail_ok
            && word.chars().all(|c| c.is_lowercase())
            && is_function_word(word)
        {
            return Some(cut(token, &[lead + digits]));
        }
    }
    None
}

/// Splits the runs of letters of a token that are words run together.
fn split_run_together(token: &str, ctx: &Ctx) -> Option<Vec<String>> {
    if ctx.foreign_block.get() {
        return None;
    }
    if let Some(parts) = split_after_possessive(token, ctx) {
        return Some(parts);
    }
    if is_option(token) {
        return None;
    }
    let mut out = String::with_capacity(token.len() + 8);
    let mut last = 0;
    let mut changed = false;
    for (at, run) in letter_runs(token) {
        let (at, run, possessive) = after_possessive_s(token, at, run);
        // A dot before a lower-case letter, at either end of the run, ends
        // no sentence: the run names a file, a host or a member
        // ("lineno.sty", "docs.rs").
        let dotted_name = token[at + run.len()..]
            .strip_prefix('.')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_lowercase()))
            || (token[..at].ends_with('.') && run.starts_with(|c: char| c.is_lowercase()));
        if dotted_name {
            continue;
        }
        let Some(parts) = run_together_parts(run, ctx) else {
            continue;
        };
        // Words are lower case, capitalised or in capitals; a part in
        // capitals with lower case after them ("RUn" from "RUnit", "JUn"
        // from "JUnit") was cut out of a name, not off a word. Where the
        // extractor lost the spaces, an acronym glued to a word looks the
        // same ("ACMReferenceFormat", split further later).
        if !ctx.run_together && parts.iter().any(|p| is_mixed_case(p)) {
            continue;
        }
        // A run glued to a number or a hyphen belongs to a technical token
        // ("aarch64") or a compound ("matter-of-factness"), unless it ends in
        // a function word right before a number ("BPAin2015") or, in a
        // document that lost its spaces, it is very common words
        // ("Guide-levelexplanation").
        if glued_to_digit_or_hyphen(token, at, run) {
            let before = token[..at].chars().next_back();
            let after = token[at + run.len()..].chars().next();
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let ends_in_function_word = parts
                .last()
                .is_some_and(|p| p.chars().count() >= 2 && is_function_word(p));
            let before_number = before.is_none() && digit(after) && ends_in_function_word;
            let very_common = parts.iter().all(|p| {
                p.chars().count() >= 3
                    && ctx
                        .lex
                        .lookup(p)
                        .is_some_and(|e| e.kind == Kind::Word && e.level <= 20)
            });
            let in_compound = ctx.run_together && !digit(before) && !digit(after) && very_common;
            if !before_number && !in_compound {
                continue;
            }
        }
        out.push_str(&token[last..at]);
        if possessive {
            out.push(' ');
        }
        out.push_str(&parts.join(" "));
        last = at + run.len();
        changed = true;
    }
    if !changed {
        return None;
    }
    out.push_str(&token[last..]);
    Some(out.split(' ').map(str::to_string).collect())
}

/// A run of letters that opens with the "s" of a possessive after a
/// number ("player2’spayoffsin", read from after the apostrophe), without
/// that "s": the words start after it. Returns where the run starts, the
/// run, and whether an "s" was set apart.
fn after_possessive_s<'t>(token: &'t str, at: usize, run: &'t str) -> (usize, &'t str, bool) {
    let after_number = token[..at]
        .strip_suffix(is_apostrophe)
        .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_digit()));
    match run.strip_prefix('s') {
        Some(rest) if after_number && rest.chars().count() >= 3 => (at + 1, rest, true),
        _ => (at, run, false),
    }
}

/// "18F’sgoal" -> "18F’s goal": in a document that lost its spaces, a
/// possessive ends a word, whatever comes before it (a name with digits is
/// otherwise left alone), when a listed word follows.
fn split_after_possessive(token: &str, ctx: &Ctx) -> Option<Vec<String>> {
    if !ctx.run_together {
        return None;
    }
    let (at, _) = token
        .char_indices()
        .find(|&(i, c)| is_apostrophe(c) && token[i + c.len_utf8()..].starts_with('s'))?;
    let cut = at + token[at..].chars().next()?.len_utf8() + 1;
    let (left, right) = token.split_at(cut);
    let word: String = right.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.chars().next().is_some_and(char::is_lowercase);
    let letters_before = left[..at].chars().any(char::is_alphanumeric);
    (letters_before && lower && word.chars().count() >= 3 && ctx.lex.is_common_word(&word))
        .then(|| vec![left.to_string(), right.to_string()])
}

/// The words a run of letters should be split into, if it is words run
/// together.
fn run_together_parts(run: &str, ctx: &Ctx) -> Option<Vec<String>> {
    let len = run.chars().count();
    if len < 3
        || ctx.lex.is_word(run)
        || is_inflected_word(run, ctx.lex)
        || is_prefixed_word(run, ctx.lex)
        || !run.chars().any(char::is_lowercase)
        || ctx
            .code_words
            .contains(Lower::new(run, str::to_lowercase).as_str())
    {
        return None;
    }
    // The document writes the run as a word of its own, or its singular
    // so, in the same case ("columnheader" for "columnheaders"; a grammar's
    // "BorrowExpression" says nothing of "borrowexpressions").
    let written = ctx.vocab.count(run) >= 2
        || singular(run).is_some_and(|stem| ctx.vocab.writes(stem) && ctx.vocab.count(stem) >= 2);
    if ctx.run_together {
        let parts = segment(run, ctx, false)?;
        // A repeated unknown token is the document's own word ("toolchain"),
        // unless it is glued to a function word ("theyneed") or the document
        // also writes its parts apart ("agency partners").
        // Parts written apart only once in many uses of the run confirm
        // nothing: "xref style" once beside "xrefstyle" nineteen times is
        // the attribute's name and a slip, for no extractor loses the
        // same space that consistently.
        let whole = ctx.vocab.count(run);
        let confirmed = parts.windows(2).all(|w| {
            case_boundary(&w[0], &w[1]) || {
                let apart = ctx.bigrams().count(&w[0], &w[1]);
                apart > 0 && (whole < GLUED_BY_AUTHOR_MIN || whole < GLUED_BY_AUTHOR_RATIO * apart)
            }
        });
        // A run the document writes again and again is its own word
        // ("anstyle", "errno"), unless the document writes its parts apart,
        // or a function word of three letters or more shows the glue
        // ("theyneed", "makethe"): short ones ("an", "no") start and end
        // names too often.
        let glued_by_function_word = parts
            .iter()
            .any(|p| p.chars().count() >= 3 && is_function_word(p))
            || parts.iter().all(|p| is_function_word(p));
        if written && !confirmed && !glued_by_function_word {
            return None;
        }
        // A name in PascalCase that the document writes the same way again
        // ("TryPropagationExpression" in a grammar) is a name from code,
        // even where the prose also writes its parts ("the try propagation
        // expression"): lost spaces do not glue a phrase twice alike.
        if ctx.vocab.count(run) >= 2 && is_pascal_case(run) {
            return None;
        }
        // A capitalised unknown word is often a name ("Alla" is not "Al la"):
        // what follows its first part must be function words or common
        // words of three letters or more ("Makethe", "Nero’spalace").
        let capitalised = run.chars().next().is_some_and(char::is_uppercase)
            && run.chars().skip(1).all(|c| !c.is_uppercase());
        let plain_tail = parts[1..].iter().all(|p| {
            is_function_word(p)
                || (p.chars().count() >= 3
                    && ctx
                        .lex
                        .lookup(p)
                        .is_some_and(|e| e.kind == Kind::Word && e.level <= 35))
        });
        if capitalised && !plain_tail {
            return None;
        }
        // Words of content glued with no function word among them, where
        // the run is one slip from a listed word ("comapared",
        // "demonstates"): a misspelt word, which is the author's to fix;
        // "coma pared" and "demon states" would be new errors.
        if !parts.iter().any(|p| is_function_word(p))
            && let Some(word) = ctx.lex.one_slip_from(run)
        {
            *ctx.declined.borrow_mut() = Some((
                run.to_string(),
                format!(
                    "one letter from '{word}': a word the list lacks or a misspelling, not '{}'",
                    parts.join(" ")
                ),
            ));
            return None;
        }
        Some(parts)
    } else {
        if written {
            return None;
        }
        let parts = segment(run, ctx, true)?;
        // Function words that join into a word ("up" + "per" in
        // "upperand", once "upper- and") cut that word in two.
        let cuts_a_word = parts
            .windows(2)
            .any(|w| ctx.lex.is_word(&format!("{}{}", w[0], w[1])));
        // A document that kept its spaces shows no other glue, so the
        // split needs the pieces written apart in it ("of the" for
        // "ofthe"): "replacing atof with std::stod" names a C function,
        // and no text writes "at of".
        let written_apart = parts
            .windows(2)
            .all(|w| ctx.bigrams().contains(&w[0], &w[1]));
        (!cuts_a_word && written_apart).then_some(parts)
    }
}

/// An inflected form of a listed word that the list itself lacks:
/// "onboarding" from "onboard", "subteams" is not (no "subteam"); and
/// an adjective in "-able" of a listed verb ("scrollable", "seekable"),
/// but not one of a function word ("wereable" is "were able", "wasn’table"
/// "wasn’t able").
fn is_inflected_word(run: &str, lex: &Lexicon) -> bool {
    const SUFFIXES: &[&str] = &["ing", "ed", "es", "s", "ers", "er"];
    let stem_listed = |stem: &str| {
        stem.chars().count() >= 4 && (lex.is_word(stem) || lex.is_word(&format!("{stem}e")))
    };
    SUFFIXES
        .iter()
        .any(|suffix| run.strip_suffix(suffix).is_some_and(stem_listed))
        || run.strip_suffix("able").is_some_and(|stem| {
            stem.chars().all(char::is_alphabetic) && stem_listed(stem) && !is_function_word(stem)
        })
}

/// Prefixes that make a compound with the word after them and seldom
/// stand alone in prose: "kilowords", "multiline", "pseudocode",
/// "hyperref", "autotools", "monostable" are one word each, whether or not
/// the word list knows them.
const BOUND_PREFIXES: &[&str] = &[
    "auto", "giga", "hyper", "intra", "kilo", "mega", "micro", "milli", "mono", "multi", "nano",
    "pico", "poly", "pseudo", "semi", "tera", "ultra",
];

/// A bound prefix and a word of three letters or more after it, in lower
/// case but for a capital that opens it ("Pseudocode").
fn is_prefixed_word(run: &str, lex: &Lexicon) -> bool {
    let lower = Lower::new(run, str::to_lowercase);
    let lower = lower.as_str();
    !run.chars().skip(1).any(char::is_uppercase)
        && BOUND_PREFIXES.iter().any(|prefix| {
            lower.strip_prefix(prefix).is_some_and(|rest| {
                rest.chars().count() >= 3 && (lex.is_word(rest) || is_inflected_word(rest, lex))
            })
        })
}

/// Two parts whose letter case shows where one word ends: "BPA|helped",
/// "of|Thee".
fn case_boundary(left: &str, right: &str) -> bool {
    let l_upper = left.chars().count() >= 2 && left.chars().all(|c| !c.is_lowercase());
    let l_lower = left.chars().all(|c| !c.is_uppercase());
    let r_lower = right.chars().all(|c| !c.is_uppercase());
    let r_title = right.chars().next().is_some_and(char::is_uppercase);
    (l_upper && r_lower) || (l_lower && r_title)
}

/// Whether a part of a split is a word the document shows: one it writes
/// on its own, a function word, or (where the document lost its spaces, so
/// that many words occur only glued to others) a common word or name of the
/// list of three letters or more, or a long one ("Christlike", "Carlyle").
/// Rare short words and fragments ("ti", "po", "pec") need the document's
/// own use.
fn is_attested(part: &str, ctx: &Ctx) -> bool {
    // Function words ("I", "am", "it", "to") are words of every English
    // text, whether or not this one writes them apart.
    if ctx.vocab.contains(part) || is_function_word(part) || matches!(part, "a" | "A" | "I") {
        return true;
    }
    let len = part.chars().count();
    // The shorter the part, the more other words it is a fragment of
    // ("sup|or|ted" from "suported", "den|ing" from "dening"), and the more
    // common it must be.
    let max_level = if len <= ATTESTED_SHORT_LEN {
        ATTESTED_SHORT_MAX_LEVEL
    } else {
        ATTESTED_MAX_LEVEL
    };
    ctx.run_together
        && len >= ATTESTED_MIN_LEN
        && ctx.lex.lookup(part).is_some_and(|e| {
            e.kind != Kind::Abbreviation && (e.level <= max_level || len >= ATTESTED_RARE_LEN)
        })
}

/// A part of at most this many letters...
const ATTESTED_SHORT_LEN: usize = 3;
/// ...must be one of the most common words ("now", "two", "new"), unless
/// the document writes it alone.
const ATTESTED_SHORT_MAX_LEVEL: u8 = 10;

/// A part the document never writes alone must be at least this long...
const ATTESTED_MIN_LEN: usize = 3;
/// ...and a word of at most this SCOWL level (50: the common half of the
/// list; short rare words, "pec", "tat", match fragments of other words too
/// often)...
const ATTESTED_MAX_LEVEL: u8 = 50;
/// ...unless it is this long: a long rare word ("stakeholders") is seldom
/// a fragment.
const ATTESTED_RARE_LEN: usize = 7;

/// The cost of a run as one part: lower for more common words, infinite for
/// anything that is not a word. `strict` accepts function words only.
fn part_cost(part: &str, ctx: &Ctx, strict: bool) -> f32 {
    const NO: f32 = f32::INFINITY;
    if ctx.attested && !is_attested(part, ctx) {
        return NO;
    }
    let first = part.chars().next();
    let last = part.chars().last();
    if first.is_none_or(is_apostrophe) || last.is_some_and(is_apostrophe) {
        return NO;
    }
    let len = part.chars().count();
    let lower = part.chars().all(|c| !c.is_uppercase());
    let title =
        first.is_some_and(char::is_uppercase) && part.chars().skip(1).all(|c| !c.is_uppercase());
    let upper = len >= 2 && part.chars().all(|c| !c.is_lowercase());
    if !(lower || title || upper) {
        // Mixed case ("GitHub") only as the document writes it elsewhere,
        // or as the list's word with one capital inside ("PostScript",
        // "JavaScript"): that capital is the name's spelling, not where one
        // word ends ("PostScriptfiles" is "PostScript files").
        let listed_name = len >= 6
            && title_but_one_capital(part)
            && ctx
                .lex
                .lookup(part)
                .is_some_and(|e| e.kind != Kind::Abbreviation);
        return if ctx.vocab.contains(part) || listed_name {
            1.5
        } else {
            NO
        };
    }
    if strict {
        // Lower-case function words of two letters or more: "ofthe",
        // "isthe"; never a name such as "Amin" or "Ito".
        let ok = len >= 2 && lower && is_function_word(part);
        return if ok { 1.0 } else { NO };
    }
    if len == 1 {
        return if matches!(part, "a" | "A" | "I") {
            1.0
        } else {
            NO
        };
    }
    if upper {
        // An acronym: the document must use it on its own.
        return if ctx.vocab.contains(part)
            || ctx
                .lex
                .lookup(part)
                .is_some_and(|e| e.kind == Kind::Abbreviation)
        {
            2.0
        } else {
            NO
        };
    }
    let short_penalty = if len == 2 && !is_function_word(part) {
        1.0
    } else {
        0.0
    };
    match ctx.lex.lookup(part) {
        Some(e) if e.kind == Kind::Word => {
            short_penalty
                + written_apart_penalty(part, e.level, ctx)
                + match e.level {
                    0..=10 => 1.0,
                    11..=20 => 1.1,
                    21..=35 => 1.25,
                    36..=50 => 1.5,
                    // A rare word still costs less than two common ones:
                    // "stakeholders" is not "stake holders".
                    51..=60 => 1.8,
                    _ => 1.9,
                }
        }
        Some(e) if e.kind == Kind::Name => {
            if title {
                1.6
            } else {
                3.0
            }
        }
        // A word the word list lacks but the document uses ("stakeholders"):
        // as good as a common word when the document uses it again and again.
        _ if len >= 3 && ctx.vocab.count(part) >= 2 => 1.25,
        _ if len >= 3 && ctx.vocab.contains(part) => 2.5,
        _ => NO,
    }
}

/// What a word costs more that the document never writes, where it writes
/// a function word and the rest of it apart: "maybe" in a text that
/// writes "may be" (and lost its spaces in "itmaybepreferableto"), "anew"
/// beside "a new", "beset" beside "be set". The pair is the document's
/// own phrase; the word only a reading of its letters. Enough to turn
/// the two parts' cost with [`APART_BONUS`] below one common word's.
/// An article before a common word ("away", "along", "around") is read
/// as the word still: "a way" and "a long" are common phrases too, and
/// the article glued into the word is the rarer damage. `level` is the
/// word's SCOWL level.
fn written_apart_penalty(part: &str, level: u8, ctx: &Ctx) -> f32 {
    // Most parts are written, or open with no function word: both are
    // settled before the pairs are read.
    if part.len() < 4 || !part.is_ascii() || ctx.vocab.count(part) > 0 {
        return 0.0;
    }
    let apart = (1..part.len() - 1).any(|k| {
        let (head, tail) = part.split_at(k);
        let article = head.eq_ignore_ascii_case("a") || head.eq_ignore_ascii_case("an");
        !(article && level <= COMMON_LEVEL)
            && is_function_word(head)
            && ctx.lex.lookup(tail).is_some_and(|e| e.kind == Kind::Word)
            && ctx.bigrams().contains(head, tail)
    });
    if apart { WRITTEN_APART_PENALTY } else { 0.0 }
}

/// See [`written_apart_penalty`].
const WRITTEN_APART_PENALTY: f32 = 1.0;

/// The rarest SCOWL level of a word that an article glued to it never
/// stands for ([`written_apart_penalty`]).
const COMMON_LEVEL: u8 = 20;

/// A capital, lower case, then one more capital after a lower-case letter
/// and lower case to the end: "PostScript", not "PDFLaTeX" or "MetaPOST".
fn title_but_one_capital(part: &str) -> bool {
    let mut chars = part.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    let inner: Vec<usize> = (0..rest.len())
        .filter(|&i| rest[i].is_uppercase())
        .collect();
    matches!(inner[..], [i] if i > 0 && i + 1 < rest.len() && rest[i - 1].is_lowercase())
        && rest.iter().all(|c| c.is_alphabetic())
}

/// "a" goes before a consonant and "an" before a vowel, and neither before
/// a pronoun or preposition: this settles splits such as "aman" ("a man",
/// not "am an") and "ashe" ("as he", not "a she").
fn article_penalty(part: &str, following: Option<&str>) -> f32 {
    let Some(next) = following else {
        return 0.0;
    };
    if !matches!(part, "a" | "A" | "an" | "An") {
        return 0.0;
    }
    let function = is_function_word(next) && !matches!(next, "few" | "very" | "more" | "most");
    let vowel = next
        .chars()
        .next()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
    let wrong_form = if part.len() == 1 { vowel } else { !vowel };
    if function || wrong_form { 0.5 } else { 0.0 }
}

/// What a pair of adjacent parts that the document writes apart elsewhere
/// takes off the cost of a split: less than the step between two levels of
/// common words, so that it settles near ties ("as it can" over "a sit
/// can") without making rare words out of fragments.
const APART_BONUS: f32 = 0.3;

/// The cheapest split of `run` into two or more parts that are all words;
/// ties go to the split with the shorter first part ("aman" -> "a man").
fn segment(run: &str, ctx: &Ctx, strict: bool) -> Option<Vec<String>> {
    segment_with_cost(run, ctx, strict).map(|(parts, _)| parts)
}

fn segment_cost(run: &str, ctx: &Ctx) -> Option<f32> {
    segment_with_cost(run, ctx, !ctx.run_together).map(|(_, c)| c)
}

fn segment_with_cost(run: &str, ctx: &Ctx, strict: bool) -> Option<(Vec<String>, f32)> {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(run.len()))
        .collect();
    let n = bounds.len() - 1;
    if !(2..=MAX_RUN).contains(&n) {
        return None;
    }
    let mut best = vec![f32::INFINITY; n + 1];
    let mut next = vec![n; n + 1];
    best[n] = 0.0;
    for i in (0..n).rev() {
        for j in i + 1..=(i + MAX_PART).min(n) {
            // The whole run is not one of its own parts.
            if !best[j].is_finite() || (i == 0 && j == n) {
                continue;
            }
            let part = &run[bounds[i]..bounds[j]];
            let following = (j < n).then(|| &run[bounds[j]..bounds[next[j]]]);
            // A run never ends in a one-letter word: "Alla" is a name, not
            // "All a" (an article or "I" always has a word after it).
            if following.is_none() && j - i == 1 {
                continue;
            }
            // Two parts the document also writes apart ("as it", "make
            // up") are its own evidence of the split.
            let apart = match following {
                Some(next) if !strict && ctx.bigrams().contains(part, next) => APART_BONUS,
                _ => 0.0,
            };
            let total =
                part_cost(part, ctx, strict) + article_penalty(part, following) + best[j] - apart;
            if total < best[i] - 1e-4 {
                best[i] = total;
                next[i] = j;
            }
        }
    }
    if !best[0].is_finite() {
        return None;
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while i < n {
        parts.push(run[bounds[i]..bounds[next[i]]].to_string());
        i = next[i];
    }
    Some((parts, best[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_are_settled_as_every_rule_would() {
        let vocab = DocVocabulary::from_text("");
        for run_together in [false, true] {
            let ctx = ctx_with(&vocab, run_together);
            for token in [
                "word",
                "Word,",
                "word.)",
                "the",
                "ofthe",
                "by22",
                "it.The",
                "NASA",
                "ab",
                "near,hope",
                "Makethe",
                "don't",
                "thecat.",
            ] {
                let listed = is_listed_word(token, &ctx);
                // A listed word is one no rule cuts; the rest go through
                // the rules, which here cut the damaged ones.
                if listed {
                    let mut report = |_: &'static str, _: String, _: String| true;
                    let ctx = ctx_with(&vocab, run_together);
                    assert_eq!(
                        split_token_if_needed(token, &ctx, &mut report),
                        None,
                        "{token}"
                    );
                }
            }
            assert!(is_listed_word("word.)", &ctx));
            assert!(!is_listed_word("ofthe", &ctx));
            assert!(!is_listed_word("by22", &ctx));
            assert!(!is_listed_word("it.The", &ctx));
        }
    }

    fn ctx_with(vocab: &DocVocabulary, run_together: bool) -> Ctx<'_> {
        Ctx {
            lex: Lexicon::english(),
            vocab,
            run_together,
            bigrams: OnceCell::new(),
            body: &[],
            namespaces: OnceCell::new(),
            attested: false,
            numbered_stems: HashSet::default(),
            code_words: HashSet::default(),
            path_words: HashSet::default(),
            glued_punctuation: true,
            foreign_block: Cell::new(false),
            memo: RefCell::default(),
            declined: RefCell::default(),
        }
    }

    /// [`split`] without lost spaces, in a document whose body is `body`.
    fn split_in(token: &str, body: &str) -> String {
        let vocab = DocVocabulary::from_text(token);
        let mut ctx = ctx_with(&vocab, false);
        ctx.bigrams = OnceCell::from(Bigrams::of(&[body.to_string()]));
        split_token(token, &ctx, &mut |_, _, _| true).join(" ")
    }

    fn split(token: &str, run_together: bool) -> String {
        let vocab = DocVocabulary::from_text(token);
        let ctx = ctx_with(&vocab, run_together);
        split_token(token, &ctx, &mut |_, _, _| true).join(" ")
    }

    /// The edits the whole repair makes in this pass, applied.
    fn applied(text: &str) -> Vec<crate::normalize::Change> {
        let (_, log) =
            crate::normalize::normalize_text(text, &crate::normalize::Options::default());
        log.changes
            .into_iter()
            .filter(|c| c.pass == PASS.name && !c.declined)
            .collect()
    }

    /// The spaces the whole repair puts in after punctuation, as edited.
    fn after_punctuation(text: &str) -> Vec<String> {
        applied(text)
            .into_iter()
            .filter(|c| c.rule == "after-punctuation")
            .map(|c| c.after)
            .collect()
    }

    #[test]
    fn one_word_glued_to_a_comma_is_the_authors_spelling() {
        let one = "The commands are cargo build,cargo check and cargo test today.\n";
        assert_eq!(after_punctuation(one).len(), 0);
        let two =
            "The river rose near,hope of the town was lost and the rain fell,the night came.\n";
        assert_eq!(after_punctuation(two).len(), 2);
    }

    #[test]
    fn two_glued_tokens_in_a_long_paper_are_the_authors_spelling() {
        let prose = "The paper describes how the samples were taken and measured. ";
        let long = format!(
            "{}The options are anonymous,review for a blind review.\n\n\
             [28] Poker-Edge.Com. 2006. Stats and Analysis.\n",
            prose.repeat(300)
        );
        assert_eq!(after_punctuation(&long), Vec::<String>::new());
        // Code writes its own commas: no evidence of lost spaces.
        let code = "Declare it [in,size_is(len)] or \\email{dave,judy@example.edu} here, \
                    and the river rose near,hope of the town.\n";
        assert_eq!(after_punctuation(code), Vec::<String>::new());
    }

    /// The punctuation between a call's brackets separates its arguments,
    /// in a document that kept its spaces.
    #[test]
    fn a_calls_arguments_keep_their_spelling() {
        let text = "The methods are accessible by getS3method(\"generic\",\"class\") \
                    and by f(x,Y) today.\n";
        assert_eq!(after_punctuation(text), Vec::<String>::new());
        // The list may begin in a token before ("FTMAHD(unit,nhdu, >").
        // The list may begin in a token before ("FTMAHD(unit,nhdu, >"); a
        // year before the bracket ends a citation.
        let text = "Move to a given HDU with FTMAHD(unit,nhdu, > hdutype,status) as in \
                    (Maurer and Wong,2008) and the river rose near,hope of the town.\n";
        assert_eq!(
            after_punctuation(text),
            vec!["Wong, 2008)".to_string(), "near, hope".to_string()]
        );
    }

    /// Options listed with commas and no spaces are the author's spelling
    /// (a package's options), where the document kept its spaces; glued
    /// words beside them still get theirs back.
    #[test]
    fn a_list_written_without_spaces_keeps_its_spelling() {
        let text = "Load geometry,ifthen,keyval,mparhack,makeidx, multicol and \
                    the river rose near,hope of the town and the rain fell,the night came.\n";
        assert_eq!(
            after_punctuation(text),
            vec!["near, hope".to_string(), "fell, the".to_string()]
        );
        // Where the spaces between words were lost, such a token is damage
        // like any other.
        assert_eq!(split("DC,USA,21322.", true), "DC, USA, 21322.");
    }

    /// The edits of this pass, as "before -> after".
    fn spacing_edits(text: &str) -> Vec<String> {
        applied(text)
            .iter()
            .map(|c| format!("{} -> {}", c.before, c.after))
            .collect()
    }

    /// Option names ("nolof", "nohyperref") and a filler passage mixed into
    /// English sentences split into words with "no", "us" or "per" among
    /// them, but no extractor lost those spaces: the document is read as
    /// clean, and "semper" stays one word.
    #[test]
    fn names_and_filler_are_no_evidence_of_lost_spaces() {
        let text = "The class takes the options nolof, nolot, noloa and nohyperref, which \
                    turn off the lists and the links.\n\n\
                    Sed netus et metus, with tortor semper in the text for the tests we set, \
                    as the sample shows it to the reader.\n\n\
                    The sample is set in the same font as the rest of this short guide.\n";
        assert_eq!(spacing_edits(text), Vec::<String>::new());
    }

    /// A backslash set apart from its command ("\\ tableofcontents") leaves
    /// the command's name whole, and no evidence of lost spaces.
    #[test]
    fn a_command_after_a_lone_backslash_is_no_words() {
        let vocab = DocVocabulary::from_text("the table of contents");
        let ctx = ctx_with(&vocab, true);
        let mut inlines = vec![
            Inline::Text("\\".into()),
            Inline::Space,
            Inline::Text("tableofcontents".into()),
        ];
        let mut log = RepairLog::default();
        split_tokens(&mut inlines, Span::UNKNOWN, &ctx, &mut log);
        assert_eq!(plain_text(&inlines), "\\ tableofcontents");
        let body = ["Use \\ tableofcontents and \\ listoffigures here.".to_string()];
        assert_eq!(evidence_in(&body, &vocab).0, 0);
    }

    /// A word the document's code writes is a name that the prose
    /// mentions as it is spelled: "ifthen" is a package, not "if then".
    #[test]
    fn a_word_of_the_documents_code_is_not_split() {
        let text = "I also use ifthen for the booleans the options set.\n\n\
                    \\RequirePackage{ifthen}\n\n\
                    Because the package works with all variants, it loads none; if then \
                    one is missing, nothing breaks.\n";
        assert_eq!(spacing_edits(text), Vec::<String>::new());
        let without_code = "I also use ifthen for the booleans the options set. If then \
                            one is missing, nothing breaks.\n";
        assert_eq!(spacing_edits(without_code), vec!["ifthen -> if then"]);
    }

    /// A name of the document's code is no word split by a stray space
    /// ("dotless i" beside `\dotlessi`).
    #[test]
    fn names_of_the_documents_code_are_no_evidence() {
        let text = "The command \\dotlessi prints the (dotless i of Turkish) \
                    in every font, as the other commands print theirs.\n";
        assert_eq!(spacing_edits(text), Vec::<String>::new());
    }

    /// A mark the sentence names keeps its space ("append !:"); a stray
    /// space before a sentence's own mark goes.
    #[test]
    fn a_named_mark_is_no_stray_punctuation() {
        let text = "If you are not sure, and want no error message when it \
                    doesn't, append !: the command then says nothing .\n";
        assert_eq!(spacing_edits(text), vec!["nothing . -> nothing."]);
    }

    /// A lone "!" or "?" before a word no sentence opens with is an
    /// operator, and keeps its space; before a capital it ends a sentence.
    #[test]
    fn a_mark_between_operands_is_an_operator() {
        let text = "For example, if test ! -d foo is portable, test ! \"string\" is \
                    not, and the ? operator is called the try operator. What a day ! Then \
                    it rained.\n";
        assert_eq!(spacing_edits(text), vec!["day ! -> day!"]);
    }

    /// A word beside another long piece keeps its space though the document
    /// writes the two joined as a name: vim's option 'regexpengine' beside
    /// "default regexp engine to use". A fragment still joins.
    #[test]
    fn a_phrase_beside_its_joined_name_keeps_its_space() {
        let text = "'regexpengine' 're' default regexp engine to use\n\n\
                    The engine is chosen by the option 'regexpengine' and the \
                    pr operty is read for each pattern of the property list.\n";
        assert_eq!(spacing_edits(text), vec!["pr operty -> property"]);
    }

    /// Latin verse or filler text in an English document that lost its
    /// spaces is no English run together ("netus" is no "net us"); short
    /// passages and English with its words run together are judged as
    /// before.
    #[test]
    fn a_passage_in_another_language_is_no_english_run_together() {
        assert!(passage_in_other_language(
            "Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac \
             turpis egestas."
        ));
        assert!(!passage_in_other_language(
            "Howthe Agile BPAdidn't meet our goals, and what we learned from the way it went."
        ));
        assert!(!passage_in_other_language(
            "Auser runs cargo newand starts development."
        ));
        let vocab = DocVocabulary::from_text("the net us and tortor");
        let ctx = ctx_with(&vocab, true);
        let split = |ctx: &Ctx| split_token("netus", ctx, &mut |_, _, _| true).join(" ");
        assert_eq!(split(&ctx), "net us");
        ctx.foreign_block.set(true);
        assert_eq!(split(&ctx), "netus");
    }

    /// Letters in capitals before a number are a formula or a name, not a
    /// function word glued to it; "by22" still is.
    #[test]
    fn a_formula_in_capitals_keeps_its_number() {
        assert_eq!(split("SO4", false), "SO4");
        assert_eq!(split("by22", false), "by 22");
    }

    /// One digit before a contraction's ending is an apostrophe the
    /// extractor misread (txtwrite's "you9re" for "you're"), not a number
    /// glued to "you"; a year is one ("in1990s").
    #[test]
    fn an_apostrophe_read_as_a_digit_is_no_number() {
        assert_eq!(split("you9re", false), "you9re");
        assert_eq!(split("it9s", false), "it9s");
        assert_eq!(split("in1990s", false), "in 1990s");
    }

    /// A closing quote before the "s" of a plural ("the “b”s") lost no
    /// space.
    #[test]
    fn a_quoted_letters_plural_keeps_its_s() {
        assert_eq!(split("“b”s", false), "“b”s");
        assert_eq!(split("“fill”s,", false), "“fill”s,");
        assert_eq!(split("“fill”said", false), "“fill” said");
    }

    /// "use incipits": a word and the plural of a listed word ("incipit")
    /// are two words, even where the document names an option
    /// "useincipits".
    #[test]
    fn an_inflected_word_is_no_fragment_of_a_stray_space() {
        let text = "The option useincipits sets them. We can also use incipits in the list \
                    of poems, as the option says.\n";
        assert_eq!(spacing_edits(text), Vec::<String>::new());
    }

    /// Letters set apart one by one ("m o d i fi e r") hold no fragment of
    /// a stray space: "fi e" is no "fie". A stray space beside words is
    /// one ("e xpanded").
    #[test]
    fn letters_set_apart_one_by_one_are_left_apart() {
        let text = "It was the argument to the ‘ !’m o d i fi e r3 of the table.\n";
        assert_eq!(spacing_edits(text), Vec::<String>::new());
        let text = "The macros are e xpanded once, and never again.\n";
        assert_eq!(spacing_edits(text), ["e xpanded -> expanded"]);
        let text = "Names mangled by g++ v ersions 2.X, 3.X and 4.X are read.\n";
        assert_eq!(spacing_edits(text), ["v ersions -> versions"]);
        let text = "It is explained in Creating a P ackage V ersion F ile below.\n";
        assert!(
            spacing_edits(text).contains(&"V ersion -> Version".to_string()),
            "{:?}",
            spacing_edits(text)
        );
    }

    #[test]
    fn a_word_and_a_lone_mark_are_left_apart() {
        let text = "The first paragraph says enough here.\n\nSymbol\n!\n\nThe cat sat , and then it left.\n";
        let glued: Vec<String> = applied(text)
            .into_iter()
            .filter(|c| c.rule == "space-before-punctuation")
            .map(|c| c.after)
            .collect();
        assert_eq!(glued, ["sat,"]);
    }

    #[test]
    fn splits_after_punctuation() {
        assert_eq!(split("infrastructure.It", false), "infrastructure. It");
        assert_eq!(split("near,hope", false), "near, hope");
        assert_eq!(split("plants,”says", false), "plants,” says");
        assert_eq!(split("character,“buoyed", false), "character, “buoyed");
        assert_eq!(split("way?They", false), "way? They");
        assert_eq!(split("18F.From", false), "18F. From");
        assert_eq!(split("State,18F,and", false), "State, 18F, and");
        // An author's affiliation marks, set on the line.
        assert_eq!(split("Muench,1", false), "Muench,1");
        assert_eq!(split("Burton,2,", false), "Burton,2,");
        assert_eq!(split("year,2024", false), "year, 2024");
        // A TeX comment after a list of options, a format: code.
        assert_eq!(split("url,url-prefix-x,%:", false), "url,url-prefix-x,%:");
        assert_eq!(split("pre-pub,pre-edn,%:", true), "pre-pub,pre-edn,%:");
        assert_eq!(split("%s,%d", false), "%s,%d");
    }

    #[test]
    fn a_pascal_case_name_written_twice_stays_whole() {
        // The prose writes the parts apart, the grammar the name whole,
        // twice: the name is the document's own spelling.
        let text = "the try propagation expression TryPropagationExpression \
                    TryPropagationExpression";
        let vocab = DocVocabulary::from_text(text);
        let mut ctx = ctx_with(&vocab, true);
        ctx.bigrams = OnceCell::from(Bigrams::of(&[text.to_string()]));
        let token = "TryPropagationExpression";
        assert_eq!(
            split_token(token, &ctx, &mut |_, _, _| true).join(" "),
            token
        );
    }

    /// The plural of a word the document writes, in the same case, is
    /// its word too; a grammar's name in another case says nothing.
    #[test]
    fn a_plural_of_the_documents_word_is_not_split() {
        let ctx_for = |text: &str| {
            let vocab = DocVocabulary::from_text(text);
            let split = |token: &str| {
                let ctx = ctx_with(&vocab, true);
                split_token(token, &ctx, &mut |_, _, _| true).join(" ")
            };
            split("keymaps")
        };
        assert_eq!(ctx_for("the keymap and another keymap keymaps"), "keymaps");
        assert_eq!(ctx_for("the KeyMap and the KeyMap keymaps"), "key maps");
    }

    #[test]
    fn names_of_code_with_hyphens_are_not_split() {
        assert_eq!(split("anstyle-wincon", true), "anstyle-wincon");
        assert_eq!(split("well-knownfact", true), "well-known fact");
    }

    #[test]
    fn capitalised_runs_are_no_evidence_of_lost_spaces() {
        // Names in a package's contents ("Docstrip", "Footinbib") split
        // into words with a function word, as run-together text does.
        let names = vec!["Docstrip Checkin Footinbib Bibnotes Berman Snowmanhat".to_string()];
        let vocab = DocVocabulary::from_text(&names[0]);
        assert_eq!(evidence_in(&names, &vocab).0, 0);
        // Inside a sentence, or opening one with a function word, or four
        // words glued with a function word among them.
        let glued =
            vec!["ofthepeople inthemiddle Theyare Athird Tablewithnumerouscolumns".to_string()];
        let vocab = DocVocabulary::from_text(&glued[0]);
        assert_eq!(evidence_in(&glued, &vocab).0, 5);
    }

    #[test]
    fn names_with_a_dot_are_not_split() {
        // A file, a host: a dot before a lower-case letter ends no sentence.
        assert_eq!(split("lineno.sty", true), "lineno.sty");
        assert_eq!(split("www.theyare.org", true), "www.theyare.org");
        assert_eq!(split("(lineno.sty)", true), "(lineno.sty)");
        // A sentence glued to the next one still comes apart.
        assert_eq!(split("ofthedata.The", true), "of the data. The");
    }

    #[test]
    fn splits_a_function_word_from_a_number() {
        assert_eq!(split("by22", false), "by 22");
        assert_eq!(split("with18F.", false), "with 18F.");
        assert_eq!(split("of90-120", false), "of 90-120");
        assert_eq!(split("by22%", false), "by 22%");
        // A part number: letters and digits again after the number.
        assert_eq!(split("at90s2313", false), "at90s2313");
        assert_eq!(split("at90can128,", true), "at90can128,");
        assert_eq!(split("22%", false), "22%");
    }

    #[test]
    fn a_number_glued_between_two_words_stays() {
        // A page or note number lost between "to" and "determine": where
        // it belongs the text does not show.
        assert_eq!(split("to11determine", false), "to11determine");
        assert_eq!(split("to11determine", true), "to11determine");
        // A function word after the number is split off as before.
        assert_eq!(split("in2015and", false), "in 2015 and");
    }

    #[test]
    fn a_name_before_its_version_is_not_split() {
        let after = |t: &str| vec![Inline::Space, Inline::Text(t.to_string())];
        assert!(versioned(&after("v1.0.0")));
        assert!(versioned(&after("0.2.1,")));
        assert!(!versioned(&after("2.5")));
        assert!(!versioned(&after("v1.x.0")));
        assert!(!versioned(&[Inline::Text("v1.0.0".to_string())]));
    }

    #[test]
    fn protected_tokens_survive() {
        for t in [
            "G20",
            "5G",
            "COVID-19",
            "iPhone",
            "U.S.",
            "e.g.",
            "i.e.,",
            "3.5",
            "1,000",
            "https://example.com/a.b",
            "www.Example.Com",
            "name@example.org",
            "10.1000/xyz123",
            "v1.2.3",
            "China-India",
            "long-suspended",
            "Node.js",
            "example.com",
            "mp3",
            "x86",
            "IPv6",
            "macOS",
            "eBay",
            "GitHub",
            "JavaScript",
        ] {
            for mode in [false, true] {
                assert_eq!(split(t, mode), t, "{t} (run-together mode {mode})");
            }
        }
    }

    #[test]
    fn possessive_ends_a_word() {
        assert_eq!(split("18F’sgoal", true), "18F’s goal");
        assert_eq!(split("18F’sgoal", false), "18F’sgoal");
        assert_eq!(split("it’s", true), "it’s");
    }

    #[test]
    fn whole_words_beat_common_parts() {
        assert_eq!(split("manystakeholders", true), "many stakeholders");
        assert_eq!(split("onboarding", true), "onboarding");
        assert_eq!(split("theyneed", true), "they need");
    }

    #[test]
    fn a_word_keeps_its_space_before_run_together_words() {
        let vocab = DocVocabulary::from_text("a newuser");
        let ctx = ctx_with(&vocab, true);
        assert!(!should_merge("a", "newuser", &ctx));
        assert!(should_merge("rec", "ognised", &ctx));
    }

    /// A name of the document's code or paths stands on its own beside a
    /// word: "The mpar" is no "Thempar" to be split into "Them par". (A
    /// longer name beside a function word keeps its space whatever names
    /// the document: see `a_function_word_keeps_its_space_...`.)
    #[test]
    fn a_name_of_the_code_or_a_path_is_no_fragment() {
        let vocab = DocVocabulary::from_text("The mpar them par hack");
        let mut ctx = ctx_with(&vocab, true);
        assert!(should_merge("The", "mpar", &ctx));
        ctx.path_words = path_words_in(["see http://ctan.org/pkg/mpar"]);
        assert!(!should_merge("The", "mpar", &ctx));
        ctx.path_words = HashSet::default();
        ctx.code_words = ["mpar".to_string()].into_iter().collect();
        assert!(!should_merge("The", "mpar", &ctx));
        // A fragment still joins its word.
        assert!(should_merge("rec", "ognised", &ctx));
    }

    /// Where the document lost its spaces, its glued "Thegmverse" is the
    /// damage, no evidence that "The gmverse" is one word; where it kept
    /// them, a word beside a long piece is no fragment either.
    #[test]
    fn a_glued_form_is_no_evidence_beside_a_word_where_spaces_were_lost() {
        let vocab = DocVocabulary::from_text("The gmverse Package. Thegmverse package lef t");
        assert!(!should_merge("The", "gmverse", &ctx_with(&vocab, false)));
        let ctx = ctx_with(&vocab, true);
        assert!(!should_merge("The", "gmverse", &ctx));
        assert!(should_merge("lef", "t", &ctx));
    }

    /// `text` as [`split_tokens`] leaves it, token by token in context.
    fn split_in_context(text: &str, ctx: &Ctx) -> String {
        let mut inlines = crate::model::inlines_from_text(text);
        let mut log = RepairLog::default();
        split_tokens(&mut inlines, Span::default(), ctx, &mut log);
        plain_text(&inlines)
    }

    /// A sentence that lost the spaces between its words often enough for
    /// the pass to read the document as one that lost spaces.
    const LOST_SPACES: &str = "Theriver roseand thetown wasflooded bythe rain whilethe people \
                               ranaway fromthe water asfast asthey could.";

    /// A capitalised word inside a sentence is a name, split only with a
    /// function word among its parts; at a sentence's start it is words
    /// run together as any other.
    #[test]
    fn a_capitalised_word_inside_a_sentence_is_a_name() {
        let vocab = DocVocabulary::from_text("wiki media the next");
        let ctx = ctx_with(&vocab, true);
        let split = |text: &str| split_in_context(text, &ctx);
        assert_eq!(
            split("photo via Wikimedia Commons"),
            "photo via Wikimedia Commons"
        );
        assert_eq!(split("Wikimedia hosts it"), "Wiki media hosts it");
        assert_eq!(split("and Thenext one"), "and The next one");
        // A last part of two letters ends names too often to show glue.
        let text = format!(
            "The textbook Matrix Overview by Paul Hewson, at the site. {LOST_SPACES} \
             And Paristhen slept.\n"
        );
        let edits = spacing_edits(&text);
        assert!(!edits.iter().any(|e| e.starts_with("Hewson")), "{edits:?}");
        assert!(
            edits.contains(&"Paristhen -> Paris then".to_string()),
            "{edits:?}"
        );
    }

    /// After an arrow or an assignment a name in PascalCase is a name from
    /// a reference page, even where the document lost spaces elsewhere; in
    /// a sentence it is still words run together.
    #[test]
    fn a_name_after_an_arrow_stays_whole() {
        let vocab = DocVocabulary::from_text("file variable protection");
        let ctx = ctx_with(&vocab, true);
        let split = |text: &str| split_in_context(text, &ctx);
        assert_eq!(
            split("protection => FileVariableProtection (string)."),
            "protection => FileVariableProtection (string)."
        );
        assert_eq!(
            split("see the FileVariableProtection of it"),
            "see the File Variable Protection of it"
        );
    }

    /// The "s" of a possessive after a number ends the name: the words
    /// glued after it start after it ("player2’spayoffsin").
    #[test]
    fn a_possessive_after_a_number_ends_the_name() {
        assert_eq!(
            split("player2’spayoffsinboth", true),
            "player2’s payoffs in both"
        );
        assert_eq!(split("player2’spayoffs", true), "player2’s payoffs");
    }

    /// A run of content words that is one slip from a listed word is that
    /// word misspelt or one the list lacks, and stays whole, logged; a
    /// slip away from an obscure word only ("takeless", "tameless") is no
    /// evidence, nor a run with a function word in it.
    #[test]
    fn a_misspelt_word_is_not_words_run_together() {
        assert_eq!(split("comapared", true), "comapared");
        assert_eq!(split("demonstates", true), "demonstates");
        assert_eq!(split("takeless", true), "take less");
        assert_eq!(split("agencypartners", true), "agency partners");
        assert_eq!(split("whichmakes", true), "which makes");
        let text = format!("Documents with enormous changes cannot be comapared. {LOST_SPACES}\n");
        let (_, log) =
            crate::normalize::normalize_text(&text, &crate::normalize::Options::default());
        let declined: Vec<(String, String)> = log
            .changes
            .iter()
            .filter(|c| c.pass == PASS.name && c.declined)
            .map(|c| (c.before.clone(), c.evidence.clone().unwrap_or_default()))
            .collect();
        assert!(
            declined
                .iter()
                .any(|(run, why)| run == "comapared" && why.contains("'compared'")),
            "{declined:?}"
        );
        assert!(applied(&text).iter().any(|c| c.before == "Theriver"));
    }

    /// A function word beside a word the list lacks keeps its space, even
    /// where the extractor glued the two once elsewhere ("aminipage") or
    /// the join splits into other words ("toreencode" is "tore encode"):
    /// a stray space leaves fragments. The joined form written more often
    /// than the two apart still closes the space.
    #[test]
    fn a_function_word_keeps_its_space_beside_a_word_the_list_lacks() {
        let glued_once = "Put it inside a minipage, then put in aminipage of its size.\n";
        let lost = format!("{LOST_SPACES} We had to reencode the fonts.\n");
        for text in [glued_once, &lost] {
            let edits = spacing_edits(text);
            assert!(
                !edits
                    .iter()
                    .any(|e| e.starts_with("a minipage") || e.starts_with("to reencode")),
                "{edits:?}"
            );
        }
        let stray = "The tokenizer reads. The tokenizer splits. The to kenizer stops.\n";
        assert!(
            spacing_edits(stray).contains(&"to kenizer -> tokenizer".to_string()),
            "{:?}",
            spacing_edits(stray)
        );
    }

    /// A listed name with a capital inside ("PostScript") is one part of a
    /// run, not two words.
    #[test]
    fn a_listed_name_with_a_capital_inside_stays_whole() {
        assert_eq!(split("PostScriptfiles", true), "PostScript files");
        assert_eq!(split("JavaScriptcode", true), "JavaScript code");
        assert!(title_but_one_capital("PostScript"));
        assert!(!title_but_one_capital("PDFLaTeX"));
        assert!(!title_but_one_capital("Postscript"));
        assert!(!title_but_one_capital("PostScripT"));
    }

    /// A word the document never writes reads as the function word and
    /// word it does write apart: "beset" beside "be set" is "be set"; an
    /// article before a common word is the word still ("away" beside "a
    /// way").
    #[test]
    fn a_pair_written_apart_beats_a_word_never_written() {
        let text = format!("{LOST_SPACES} The keys can be set twice. They shouldbeset once.\n");
        let edits = spacing_edits(&text);
        assert!(
            edits.contains(&"shouldbeset -> should be set".to_string()),
            "{edits:?}"
        );
        let text = format!("{LOST_SPACES} There is a way out. It tooktimeaway from work.\n");
        let edits = spacing_edits(&text);
        assert!(
            edits.contains(&"tooktimeaway -> took time away".to_string()),
            "{edits:?}"
        );
    }

    /// A word alone in quotes is a name the text mentions ("the ‘fancybox’
    /// package"), kept whole where the document lost spaces elsewhere and
    /// writes both halves; unquoted, the same run is words run together.
    #[test]
    fn a_word_alone_in_quotes_is_a_name() {
        let uses = "Ask the agency partners today. The fancy box is red.";
        for (run, split) in [
            ("‘fancybox’", false),
            ("“fancybox”.", false),
            ("fancybox", true),
        ] {
            let text = format!("{LOST_SPACES} {uses} It loads the {run} package.\n");
            let edits = spacing_edits(&text);
            assert_eq!(
                edits.iter().any(|e| e.contains("fancy box")),
                split,
                "{run}: {edits:?}"
            );
        }
        assert!(is_quoted_word("'keyval',"));
        assert!(!is_quoted_word("‘fancy’box"));
        assert!(!is_quoted_word("‘a’"));
    }

    /// A run written whole many times, and its parts apart only once, is
    /// the document's own word even where the document lost spaces; a
    /// run written whole a few times is still words run together.
    #[test]
    fn a_run_written_whole_again_and_again_is_a_word() {
        let uses = "Set the xrefstyle attribute. ".repeat(6);
        let text = format!("{LOST_SPACES} {uses}One xref style is plain.\n");
        let edits = spacing_edits(&text);
        assert!(
            !edits.iter().any(|e| e.starts_with("xrefstyle")),
            "{edits:?}"
        );
        let uses = "Ask the agencypartners today. ".repeat(3);
        let text = format!("{LOST_SPACES} {uses}The agency partners agree.\n");
        let edits = spacing_edits(&text);
        assert!(
            edits.contains(&"agencypartners -> agency partners".to_string()),
            "{edits:?}"
        );
    }

    /// An adjective in "-able" of a listed verb is a word, unless the verb
    /// is a function word.
    #[test]
    fn adjectives_in_able_are_words() {
        assert_eq!(split("scrollable", true), "scrollable");
        assert_eq!(split("parsable", true), "parsable");
        assert_eq!(split("wereable", true), "were able");
        assert_eq!(split("wasn’table", true), "wasn’t able");
    }

    /// A bound prefix and a word make one word: "kilowords" is no "kilo
    /// words"; a free word before a word still splits ("overthe").
    #[test]
    fn a_bound_prefix_and_a_word_are_one_word() {
        for word in [
            "kilowords",
            "multiline",
            "Pseudocode",
            "hyperref",
            "autotools",
        ] {
            assert_eq!(split(word, true), word);
        }
        assert_eq!(split("overthe", true), "over the");
    }

    /// A short part the document never writes alone must be one of the
    /// most common words: "suported" is no "sup or ted", "dening" (a lost
    /// "fi") no "den ing"; "nowtodecouple" is still "now to decouple".
    #[test]
    fn a_short_part_written_nowhere_alone_must_be_common() {
        let vocab = DocVocabulary::from_text("suported dening nowtodecouple");
        let mut ctx = ctx_with(&vocab, true);
        ctx.attested = true;
        let split = |token: &str| split_token(token, &ctx, &mut |_, _, _| true).join(" ");
        assert_eq!(split("suported"), "suported");
        assert_eq!(split("dening"), "dening");
        assert_eq!(split("nowtodecouple"), "now to decouple");
    }

    /// Runs longer than words are words run together: they tell nothing
    /// of a passage's language, and English glued into them still splits.
    #[test]
    fn glued_runs_do_not_make_a_passage_foreign() {
        let glued = "1 Introduction InStochasticGeometryandDigitalImageAnalysis \
                     Whichisbasicallyasquarematrixwith inthemandinterpretedinaspecific \
                     Theconfigurationsaremainlyusedtoestimategeometric suchasthemean \
                     normalmeasure theareadensity andthelengthdensity ofdigitizedrandom \
                     setsintheplane";
        assert!(!passage_in_other_language(glued));
        assert!(passage_in_other_language(
            "Arma virumque cano Troiae qui primus ab oris Italiam fato profugus"
        ));
    }

    #[test]
    fn words_the_document_writes_apart_settle_a_split() {
        let vocab = DocVocabulary::from_text("as it was, the sit-in");
        let mut ctx = ctx_with(&vocab, true);
        let without = segment("asitcan", &ctx, false);
        ctx.bigrams = OnceCell::from(Bigrams::of(&["so much as it was".to_string()]));
        assert_eq!(
            segment("asitcan", &ctx, false),
            Some(vec!["as".to_string(), "it".to_string(), "can".to_string()])
        );
        // Without the document's pair the tie goes as before.
        assert_ne!(without, segment("asitcan", &ctx, false));
    }

    #[test]
    fn a_word_after_the_space_keeps_it() {
        let vocab = DocVocabulary::from_text("the borrowexpressions it How wide spread");
        let ctx = ctx_with(&vocab, true);
        assert!(!should_merge("borrowexpressions", "it", &ctx));
        assert!(!should_merge("Howwide", "spread", &ctx));
        // A lone letter is no such word: "hav e" is one word split.
        assert!(should_merge("Wehav", "e", &ctx));
    }

    #[test]
    fn splits_function_words_in_any_document() {
        assert_eq!(split_in("ofthe", "the end of the day"), "of the");
        assert_eq!(split_in("isthe", "it is the end"), "is the");
        assert_eq!(split("recoverquickest", false), "recoverquickest");
        for name in ["Amin", "Ito", "Hein", "Abe", "Ifan"] {
            assert_eq!(split(name, false), name);
        }
    }

    #[test]
    fn splits_ordinary_words_only_in_damaged_documents() {
        assert_eq!(split("recoverquickest", true), "recover quickest");
        assert_eq!(split("theyare", true), "they are");
        assert_eq!(split("sawaphotograph", true), "saw a photograph");
        assert_eq!(split("Caesar’shousehold.”", true), "Caesar’s household.”");
        assert_eq!(split("Don’tleave", true), "Don’t leave");
        assert_eq!(
            split("Guide-levelexplanation", true),
            "Guide-level explanation"
        );
        assert_eq!(split("matter-of-factness", true), "matter-of-factness");
    }

    /// A word beside a fragment that lost a ligature's letters ("a nal",
    /// where the extractor dropped the "fi" of "final") joins into no new
    /// word ("anal"); "lit tle" still joins into the word it was.
    #[test]
    fn a_word_beside_a_fragment_without_its_ligature_stays_apart() {
        let text = "As a nal footnote, the data set above gives the same results \
                    with a xed seed.\n";
        assert_eq!(spacing_edits(text), Vec::<String>::new());
        let text = "It made a lit tle difference to the results of the method.\n";
        assert_eq!(spacing_edits(text), ["lit tle -> little"]);
    }

    /// Names are kept as the document writes them: a name with two
    /// capitals ("RUnit"), a program's option ("-exitinfo",
    /// "–enable-debuginfo"), a dotted name its code writes or calls
    /// ("as.Date").
    #[test]
    fn names_options_and_dotted_calls_keep_their_spelling() {
        assert_eq!(split("RUnit", false), "RUnit");
        assert_eq!(split("-exitinfo", true), "-exitinfo");
        assert_eq!(split("–enable-debuginfo", true), "–enable-debuginfo");
        let text = "The inverse is given by as.Date.yearmon2 here, as the \
                    listing shows, and by.The other reading is wrong.\n\n\
                    > as.Date.yearmon2 <- function(x, frac = 0) {\n\
                    > if (!is.null(names(x))) return(as.Date(names(x)))\n\
                    > }\n\n\
                    Use as.Date(\"2005-02-15\") for one date,and.Then more.\n";
        let edits = after_punctuation(text);
        assert!(edits.iter().all(|e| !e.contains("as. Date")), "{edits:?}");
    }

    /// Python's csv page names "csv.reader", "csv.excel" and
    /// "csv.Error": the prefix the document writes before other names is a
    /// module's, so "csv.Error" is a name, not a sentence end glued to the
    /// next, even where the document lost spaces after its punctuation.
    #[test]
    fn a_name_in_a_modules_namespace_keeps_its_dot() {
        let glued =
            "The river rose near,hope of the town was lost and the rain fell,the night came.\n\n";
        let names = format!("{glued}Read with csv.reader or csv.excel and catch csv.Error here.\n");
        let edits = after_punctuation(&names);
        assert!(edits.iter().all(|e| !e.contains("csv. Error")), "{edits:?}");
        let alone = format!("{glued}Then catch csv.Error here.\n");
        assert!(
            after_punctuation(&alone)
                .iter()
                .any(|e| e.contains("csv. Error"))
        );
    }

    /// Function words that join into a word ("up" + "per") are no
    /// evidence of a lost space: "upperand" (once "upper- and") stays.
    #[test]
    fn function_words_that_make_a_word_are_no_split() {
        assert_eq!(split("upperand", false), "upperand");
        assert_eq!(split_in("ofthe", "the end of the day"), "of the");
    }

    /// A document that kept its spaces shows no glue but the token itself:
    /// function words are split only where the document writes them apart.
    /// "replacing atof with std::stod" names a C function, and no text
    /// writes "at of".
    #[test]
    fn function_words_never_written_apart_stay_glued() {
        assert_eq!(split_in("atof", "replacing atof with std::stod"), "atof");
        assert_eq!(split_in("ofthe", "the end of a day"), "ofthe");
    }
}
