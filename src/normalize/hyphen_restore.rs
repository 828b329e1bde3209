//! Lost hyphens restored: some PDF text extractors remove every hyphen at a
//! line end, real ones too, so "rust-\nlang" comes out as "rustlang". Where
//! the document itself writes the compound elsewhere ("rust-lang"), the
//! hyphen is put back in the same places, keeping the token's own case.
//!
//! Only the document's vocabulary is trusted here: a word list cannot tell
//! "cyberattack" from "cyber-attack", the document can. But a word of the
//! word list ("redefined", "hyperlinks") is left as written even where the
//! document also hyphenates it: authors use both spellings, and nothing
//! shows that this one lost its hyphen.
//!
//! Paths and options are names: a part of one ("stackprotector" in
//! "-C stackprotector=strong") gets its hyphens back only where another
//! path or option writes that part whole ("-C stack-protector=none").

use crate::model::{Block, Document, Inline};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::Arc;

use super::identifier::{code_words, is_identifier};
use super::lexicon::{DocVocabulary, Lexicon, Lower, body_texts};
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "restore hyphens the document's own compounds prove (rustlang -> rust-lang)",
    stage: Stage::Tree(run),
};

const NAME: &str = "hyphen-restore";

pub fn run(doc: &mut Document, log: &mut RepairLog) {
    let body = body_texts(doc);
    let vocab = log.vocabulary.of(doc, &body);
    if vocab.is_empty() {
        return;
    }
    let (name_parts, written_both_ways) = name_part_evidence(&body);
    let ev = Evidence {
        heads: compound_heads(&body),
        name_compounds: compounds_by_letters(&name_parts, written_both_ways),
        name_parts,
        code_words: code_words(&doc.blocks, &body),
        vocab,
    };
    for block in &mut doc.blocks {
        fix_block(block, &ev, log);
    }
}

/// What the document proves about its compounds.
struct Evidence {
    vocab: Arc<DocVocabulary>,
    /// First parts of the hyphenated compounds the document writes, lower
    /// case: "all" from "all-wise", "non" from "non-owner".
    heads: HashSet<String>,
    /// Hyphenated parts of the paths and options the document writes:
    /// "rust-lang" from "rust-lang/rfcs#3309", "stack-protector" from
    /// "-C stack-protector=strong", case kept.
    name_parts: HashSet<String>,
    /// The `name_parts` by their letters without hyphens ("stackprotector"
    /// -> "stack-protector"); `None` where two parts share their letters.
    name_compounds: HashMap<String, Option<String>>,
    /// The words the document writes in code, lower-cased
    /// ("subequations" from `\begin{subequations}`): names, spelled as the
    /// code spells them, whatever the prose hyphenates.
    code_words: HashSet<String>,
}

/// Where a token of names divides: the steps of a path ("rust-lang/rfcs")
/// and an option's key and value ("stack-protector=strong").
const NAME_SEPARATORS: [char; 2] = ['/', '='];

/// The hyphenated parts of the document's tokens that [`NAME_SEPARATORS`]
/// divide, and the letters of those that a token writes
/// beside the same letters without a hyphen: "quantumjournal/quantum-journal"
/// (an account and its repository) spells both as its author chose.
fn name_part_evidence(body: &[String]) -> (HashSet<String>, HashSet<String>) {
    let mut parts = HashSet::default();
    let mut both = HashSet::default();
    for text in body
        .iter()
        .filter(|t| t.contains(NAME_SEPARATORS) && t.contains('-'))
    {
        for token in text
            .split_whitespace()
            .filter(|t| t.contains(NAME_SEPARATORS))
        {
            let pieces: Vec<&str> = token.split(NAME_SEPARATORS).map(path_part).collect();
            for part in pieces.iter().filter(|p| p.contains('-')) {
                if !parts.contains(*part) {
                    parts.insert(part.to_string());
                }
                let joined = without_hyphens(part);
                if pieces.contains(&joined.as_str()) {
                    both.insert(joined);
                }
            }
        }
    }
    (parts, both)
}

/// Each part by its letters without hyphens. Of two parts with the same
/// letters, the one with the other's hyphens and more is kept (a part
/// that lost some hyphens, "deny-partialmitigations", beside the whole
/// "deny-partial-mitigations"); `None` where neither has all the other's
/// ("a-bc" and "ab-c").
/// Letters in `both` (see [`name_part_evidence`]) map to `None` as well.
fn compounds_by_letters(
    parts: &HashSet<String>,
    both: HashSet<String>,
) -> HashMap<String, Option<String>> {
    let mut by_letters: HashMap<String, Option<String>> =
        both.into_iter().map(|letters| (letters, None)).collect();
    for part in parts {
        by_letters
            .entry(without_hyphens(part))
            .and_modify(|found| {
                *found = match found.take() {
                    Some(old) if hyphen_positions(&old).is_subset(&hyphen_positions(part)) => {
                        Some(part.clone())
                    }
                    Some(old) if hyphen_positions(part).is_subset(&hyphen_positions(&old)) => {
                        Some(old)
                    }
                    _ => None,
                }
            })
            .or_insert_with(|| Some(part.clone()));
    }
    by_letters
}

/// Fewer letters make no name whose hyphens the document can prove ("--"
/// in a `sed` expression has none).
const MIN_NAME_PART: usize = 4;

/// A run of a path or an option ("stackprotector" in
/// "stackprotector=strong") that is one of the document's hyphenated
/// [`Evidence::name_parts`] with some or all of its hyphens lost: the same
/// letters in the same case, and hyphens only added, between two letters.
/// An option's dash ("-Zsanitizer" for "Zsanitizer") is no compound's
/// hyphen: the run may name something else.
fn restore_name_part(run: &str, ev: &Evidence) -> Option<String> {
    let letters = without_hyphens(run);
    if letters.chars().count() < MIN_NAME_PART {
        return None;
    }
    let part = ev.name_compounds.get(&letters)?.as_ref()?;
    let same_ends =
        part.starts_with('-') == run.starts_with('-') && part.ends_with('-') == run.ends_with('-');
    (part != run && same_ends && hyphen_positions(run).is_subset(&hyphen_positions(part)))
        .then(|| part.clone())
}

/// The letters (and digits) of a word without its hyphens.
fn without_hyphens(word: &str) -> String {
    word.chars().filter(|&c| c != '-').collect()
}

/// A part of a path or an option without the punctuation around it
/// ("rfcs#3309," keeps "rfcs#3309", "<mitigation>" keeps "mitigation").
fn path_part(part: &str) -> &str {
    part.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// Whether every part of the path or option `token` that `fixed` changes
/// is a part the document writes so in another path or option
/// ("rustlang/rust" -> "rust-lang/rust" where it writes "rust-lang/rfcs";
/// "stackprotector=all" -> "stack-protector=all" where it writes
/// "-C stack-protector=strong"). Extractors drop the hyphen where a
/// printed line broke such a token at it.
fn proven_in_names(token: &str, fixed: &str, parts: &HashSet<String>) -> bool {
    let (before, after): (Vec<&str>, Vec<&str>) = (
        token.split(NAME_SEPARATORS).collect(),
        fixed.split(NAME_SEPARATORS).collect(),
    );
    token.contains(NAME_SEPARATORS)
        && before.len() == after.len()
        && before
            .iter()
            .zip(&after)
            .all(|(b, a)| b == a || parts.contains(path_part(a)))
}

/// The heads of the compounds in the document's [`body_texts`].
fn compound_heads(body: &[String]) -> HashSet<String> {
    let mut heads = HashSet::default();
    // Only tokens with a hyphen can hold a head: look at no other.
    for text in body.iter().filter(|t| t.contains('-')) {
        for token in text.split_whitespace().filter(|t| t.contains('-')) {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some((head, rest)) = token.split_once('-')
                && !head.is_empty()
                && rest.chars().next().is_some_and(char::is_alphanumeric)
            {
                let head = Lower::new(head, str::to_lowercase);
                if !heads.contains(head.as_str()) {
                    heads.insert(head.into_string());
                }
            }
        }
    }
    heads
}

/// Longer tokens are not words (URLs, hashes, damaged runs): trying every
/// split of them would cost time quadratic in their length.
const MAX_WORD_BYTES: usize = 60;

/// Shortest head and tail for a compound restored from a head alone.
const MIN_PART: usize = 3;

/// "allpowerful" when the document writes "all-wise": a token that is no
/// word, made of a head the document hyphenates and a word of the word list.
fn restore_from_head(token: &str, ev: &Evidence) -> Option<String> {
    let lexicon = Lexicon::english();
    if token.contains('-')
        || token.len() > MAX_WORD_BYTES
        || !token.chars().all(char::is_alphanumeric)
        || lexicon.is_word(token)
        || ev.vocab.count(token) > 1
    {
        return None;
    }
    let mut found = None;
    for (p, _) in token.char_indices().skip(MIN_PART.min(2)) {
        let (head, tail) = token.split_at(p);
        // Two-letter heads are bound prefixes ("de", "re", "co") that are
        // as often written solid: "deinduction" beside "de-escalation".
        if tail.chars().count() < MIN_PART || head.chars().count() < MIN_PART {
            continue;
        }
        if ev
            .heads
            .contains(Lower::new(head, str::to_lowercase).as_str())
            && (lexicon.is_common_word(tail) || ev.vocab.contains(tail))
        {
            if found.is_some() {
                return None; // two readings: leave it
            }
            found = Some(format!("{head}-{tail}"));
        }
    }
    found
}

fn fix_block(block: &mut Block, vocab: &Evidence, log: &mut RepairLog) {
    let span = block.span();
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
            // Most blocks hold no word to restore or to decline: their words
            // are judged as they rest, and only the others are split into
            // words for the edit.
            if !has_compound_to_weigh(content, vocab) {
                return;
            }
            // One `Text` per word while the words are looked at.
            let compacted = crate::model::expand(content);
            fix_inlines(content, vocab, log, span);
            if compacted {
                crate::model::compact(content);
            }
        }
        Block::List { items, .. } => {
            for b in items.iter_mut().flatten() {
                fix_block(b, vocab, log);
            }
        }
        Block::BlockQuote { blocks, .. } => {
            for b in blocks {
                fix_block(b, vocab, log);
            }
        }
        _ => {}
    }
}

/// Whether some word of `inlines` (a `Text` holds words joined by plain
/// spaces), at any depth of markup, is one [`fix_inlines`] restores or
/// declines.
fn has_compound_to_weigh(inlines: &[Inline], ev: &Evidence) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(t) => t.split(' ').any(|w| {
            !w.is_empty()
                && (restore(w, ev, Listed::Restore).is_some()
                    || restore_each(w, |w| restore_from_head(w, ev)).is_some())
        }),
        other => other
            .children()
            .is_some_and(|c| has_compound_to_weigh(c, ev)),
    })
}

fn fix_inlines(
    inlines: &mut [Inline],
    vocab: &Evidence,
    log: &mut RepairLog,
    span: crate::model::Span,
) {
    for inline in inlines.iter_mut() {
        match inline {
            Inline::Text(t) => {
                if let Some(fixed) = restore(t, vocab, Listed::Keep) {
                    let written = fixed.trim_matches(|c: char| !c.is_alphanumeric());
                    // A hyphen among digits is a minus sign or a range: "1e3L"
                    // and "1e-3L" are two numbers, both written.
                    if t.chars().any(|c| c.is_ascii_digit()) {
                        log.decline_cited(
                            NAME,
                            "number",
                            span,
                            t.clone(),
                            format!("a token with digits; '{written}' would be another value"),
                        );
                        continue;
                    }
                    if is_identifier(t)
                        && !vocab.vocab.writes(&fixed)
                        && !proven_in_names(t, &fixed, &vocab.name_parts)
                    {
                        log.decline_cited(
                            NAME,
                            "identifier",
                            span,
                            t.clone(),
                            format!("an identifier; the document never writes '{written}'"),
                        );
                        continue;
                    }
                    let evidence = if is_identifier(t) && !vocab.vocab.writes(&fixed) {
                        format!(
                            "the document writes the parts of '{written}' in other paths or options"
                        )
                    } else {
                        format!("the document writes '{}'", spelled_as(&fixed, vocab))
                    };
                    if log.approve_cited(
                        NAME,
                        "compound-in-document",
                        span,
                        t.clone(),
                        fixed.clone(),
                        evidence,
                    ) {
                        *t = fixed;
                    }
                } else if let Some(guess) = restore(t, vocab, Listed::Restore) {
                    let guess = guess.trim_matches(|c: char| !c.is_alphanumeric());
                    log.decline_cited(
                        NAME,
                        "listed-word",
                        span,
                        t.clone(),
                        format!("a word of the word list; the document also writes '{guess}'"),
                    );
                } else if let Some(guess) = restore_each(t, |w| restore_from_head(w, vocab)) {
                    // The document hyphenates the head elsewhere ("all-wise"),
                    // but never this word: no proof for this one.
                    let guess = guess
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_string();
                    log.decline_cited(
                        NAME,
                        "compound-head-only",
                        span,
                        t.clone(),
                        format!("the document never writes '{guess}'"),
                    );
                }
            }
            other => {
                if let Some(children) = other.children_mut() {
                    fix_inlines(children, vocab, log, span)
                }
            }
        }
    }
}

/// Whether [`restore`] may put hyphens into a word of the word list.
#[derive(Clone, Copy, PartialEq)]
enum Listed {
    /// No: "redefined" beside one "re-defined", "hyperlinks" beside
    /// "hyper-links" are the author's two spellings, both words; the
    /// document cannot show that the closed one lost its hyphen.
    Keep,
    /// Yes: only to find the words declined for being listed.
    Restore,
}

/// The token with the hyphens of the document's compounds put back. Each
/// run of letters, digits and hyphens ("rustlang" in "rustlang/rust,") is
/// looked up on its own.
fn restore(token: &str, ev: &Evidence, listed: Listed) -> Option<String> {
    // The repaired token is built only once a run changes: nearly every
    // token stays as it is.
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `token` already in `out`
    let in_names = token.contains(NAME_SEPARATORS);
    for (start, end) in word_runs(token) {
        // A TeX command (`\email`, `\multicolumn`) is letters only: no
        // hyphen belongs in it, whatever the prose writes.
        if token[..start].ends_with('\\') {
            continue;
        }
        // Nor in the name of a dot file (".Xresources", "~/.bashrc").
        let dot_file = token[..start]
            .strip_suffix('.')
            .is_some_and(|before| !before.ends_with(char::is_alphanumeric));
        if dot_file {
            continue;
        }
        let word = &token[start..end];
        if ev
            .code_words
            .contains(Lower::new(word, str::to_lowercase).as_str())
        {
            continue;
        }
        if let Some(fixed) = restore_word(word, &ev.vocab)
            .or_else(|| in_names.then(|| restore_name_part(word, ev)).flatten())
            && (listed == Listed::Restore || !Lexicon::english().is_word(word))
        {
            let out = out.get_or_insert_with(|| String::with_capacity(token.len() + 4));
            out.push_str(&token[copied..start]);
            out.push_str(&fixed);
            copied = end;
        }
    }
    let mut out = out?;
    out.push_str(&token[copied..]);
    Some(out)
}

/// The byte ranges of the maximal runs of letters, digits and hyphens in a
/// token.
fn word_runs(token: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let in_word = |c: char| c.is_alphanumeric() || c == '-';
    let mut chars = token.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| in_word(c))?;
        let mut end = token.len();
        while let Some(&(i, c)) = chars.peek() {
            if !in_word(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// A word that is one of the document's compounds with some or all of its
/// hyphens lost.
fn restore_word(word: &str, vocab: &DocVocabulary) -> Option<String> {
    if word.starts_with('-') || word.ends_with('-') {
        return None;
    }
    let bare: Cow<str> = if word.contains('-') {
        Cow::Owned(without_hyphens(word))
    } else {
        Cow::Borrowed(word)
    };
    if bare.chars().count() < 4 {
        return None;
    }
    let compound = vocab.compound_for(&bare)?;
    // A form the document writes joined more often than hyphenated is a
    // spelling of its own ("online" beside one "on-line"). At a tie the
    // hyphen goes back: one "Floatingpoint" beside one "Floating-point" is
    // nearly always the line end's loss, though an author who writes
    // "preallocate" once and "pre-allocate" once loses a spelling so.
    // (Measured: breaking ties the other way spared dev2's six
    // "pre-allocate" and undid five right repairs there, "Floating-point",
    // "overflow-checks" and "left-hand", and five in tests/real.)
    if compound.eq_ignore_ascii_case(word) || vocab.count(word) > vocab.count(compound) {
        return None;
    }
    // Only add hyphens: every hyphen the word has must be in the compound.
    if !hyphen_positions(word).is_subset(&hyphen_positions(compound)) {
        return None;
    }
    // Put hyphens where the compound has them, keeping the word's letters.
    let mut out = String::with_capacity(compound.len());
    let mut letters = bare.chars();
    for c in compound.chars() {
        if c == '-' {
            out.push('-');
        } else {
            out.push(letters.next()?);
        }
    }
    // A word that has every hyphen of the compound already, in a case the
    // ASCII comparison above cannot fold ("РАСЧЕТНО-ПОЯСНИТЕЛЬНАЯ" beside
    // "расчетно-пояснительная"), needs no repair: none is logged.
    if letters.next().is_some() || out == word {
        return None;
    }
    // The document must write this very word with its hyphens: the same
    // letters in the same case, or capitalised at a sentence start
    // ("Floating-point" for "floating-point"), never "RISC-V" for "riscv".
    (vocab.writes(&out) || vocab.writes(&decapitalised(&out))).then_some(out)
}

/// The word with its first letter in lower case when only that one is
/// upper case ("Floating-point" -> "floating-point"); else unchanged.
fn decapitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() && chars.clone().all(|c| !c.is_uppercase()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => word.to_string(),
    }
}

/// The spelling of `fixed` the document writes (for the log).
fn spelled_as(fixed: &str, ev: &Evidence) -> String {
    let word = fixed.trim_matches(|c: char| !c.is_alphanumeric());
    if ev.vocab.writes(word) {
        word.to_string()
    } else {
        decapitalised(word)
    }
}

/// Where a word's hyphens stand, counted in letters before each.
fn hyphen_positions(word: &str) -> std::collections::BTreeSet<usize> {
    let mut letters = 0;
    let mut out = std::collections::BTreeSet::new();
    for c in word.chars() {
        if c == '-' {
            out.insert(letters);
        } else {
            letters += 1;
        }
    }
    out
}

/// Applies `fix` to each alphanumeric run of a token ("allpowerful." ->
/// "allpowerful").
fn restore_each(token: &str, fix: impl Fn(&str) -> Option<String>) -> Option<String> {
    let start = token.find(char::is_alphanumeric)?;
    let end = token
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())?;
    let fixed = fix(&token[start..end])?;
    Some(format!("{}{fixed}{}", &token[..start], &token[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_from_a_compound_head() {
        let ev = Evidence {
            vocab: Arc::new(DocVocabulary::from_text("he was all-wise and allpowerful")),
            heads: ["all".to_string()].into_iter().collect(),
            name_parts: HashSet::default(),
            name_compounds: HashMap::default(),
            code_words: HashSet::default(),
        };
        assert_eq!(
            restore_each("allpowerful.", |w| restore_from_head(w, &ev)).as_deref(),
            Some("all-powerful.")
        );
        // A word of the list is left alone.
        assert_eq!(restore_from_head("already", &ev), None);
        let ev = Evidence {
            heads: ["de".to_string()].into_iter().collect(),
            ..ev
        };
        assert_eq!(
            restore_from_head("deinduction", &ev),
            None,
            "a prefix written solid stays"
        );
    }

    /// The evidence of a document whose only text is `text`.
    fn evidence(text: &str) -> Evidence {
        Evidence {
            vocab: Arc::new(DocVocabulary::from_text(text)),
            heads: HashSet::default(),
            name_parts: HashSet::default(),
            name_compounds: HashMap::default(),
            code_words: HashSet::default(),
        }
    }

    #[test]
    fn restores_from_the_document() {
        let restore = |token: &str, ev: &Evidence| restore(token, ev, Listed::Keep);
        let vocab = evidence("the rust-lang team and Rust-Lang");
        assert_eq!(restore("rustlang,", &vocab).as_deref(), Some("rust-lang,"));
        assert_eq!(restore("RustLang", &vocab).as_deref(), Some("Rust-Lang"));
        // A TeX command keeps its letters together.
        let tex = evidence("your sub-label, given with \\sublabel");
        assert_eq!(restore("\\sublabel{#1}", &tex), None);
        assert_eq!(restore("sublabel", &tex).as_deref(), Some("sub-label"));
        // So does the name of a dot file.
        let dot = evidence("put it in your X-resources file");
        assert_eq!(restore(".Xresources", &dot), None);
        assert_eq!(restore("~/.Xresources", &dot), None);
        assert_eq!(restore("Xresources", &dot).as_deref(), Some("X-resources"));
        assert_eq!(restore("rusty", &vocab), None);
        assert_eq!(
            restore("rustlang/rust", &vocab).as_deref(),
            Some("rust-lang/rust")
        );
        let vocab = evidence("to-tier1 and to-tier-1");
        assert_eq!(restore("to-tier-1", &vocab), None);
        let vocab = evidence("the aarch64-unknown-linux-gnu target");
        assert_eq!(
            restore("aarch64-unknown-linuxgnu", &vocab).as_deref(),
            Some("aarch64-unknown-linux-gnu")
        );
    }
}

/// A name the document's code writes ("subequations" in
/// `\begin{subequations}`) keeps its spelling, whatever the prose
/// hyphenates ("sub-equations"), at the start of a sentence too.
#[test]
fn a_name_of_the_documents_code_keeps_its_spelling() {
    let log = restored(&[
        "It starts a new list of sub-equations, numbered (2a), (2b).",
        "The \\begin{subequations} environment numbers them alike.",
        "Subequations share the number of their equation.",
    ]);
    assert_eq!(log.applied(), 0, "{:?}", log.changes);
}

/// A word that has its hyphens already is no repair, whatever its script
/// and case: the log holds no edit that changes nothing.
#[test]
fn a_word_with_its_hyphens_is_no_edit() {
    let log = restored(&[
        "РАСЧЕТНО-ПОЯСНИТЕЛЬНАЯ ЗАПИСКА к выпускной работе.",
        "Это расчетно-пояснительная записка, и расчетно-пояснительная часть.",
    ]);
    assert_eq!(log.applied(), 0, "{:?}", log.changes);
}

/// A word of the word list that the document also writes hyphenated
/// ("redefined" beside "re-defined") is the author's other spelling: it
/// keeps its letters, and the log says why.
#[test]
fn a_listed_word_keeps_the_authors_spelling() {
    let log = restored(&[
        "The command has been redefined to behave as the title page does.",
        "The environments are re-defined to be centred, and re-defined again later.",
    ]);
    assert_eq!(log.applied(), 0, "{:?}", log.changes);
    assert!(
        log.changes
            .iter()
            .any(|c| c.declined && c.rule == "listed-word" && c.before.contains("redefined")),
        "{:?}",
        log.changes
    );
}

/// A document of one paragraph per text.
#[cfg(test)]
fn document_of(paragraphs: &[&str]) -> Document {
    let mut doc = Document::default();
    for text in paragraphs {
        doc.blocks.push(Block::Paragraph {
            content: vec![Inline::text(*text)],
            span: crate::model::Span::default(),
        });
    }
    doc
}

/// The text of the document after this pass, one paragraph per text.
#[cfg(test)]
fn restored_text(paragraphs: &[&str]) -> Vec<String> {
    let mut doc = document_of(paragraphs);
    run(&mut doc, &mut RepairLog::default());
    doc.blocks.iter().map(|b| b.plain_text()).collect()
}

/// An option whose line broke at a hyphen lost it ("-C
/// allow-partialmitigations=<mitigation>"): the key is written whole in
/// another option ("-C allow-partial-mitigations=stack-protector"), and
/// so is the value ("stackprotector=strong" beside
/// "-C stack-protector=none"). Each part is proven on its own.
#[test]
fn an_options_parts_are_proven_by_the_documents_other_options() {
    let text = restored_text(&[
        "Use -C allow-partial-mitigations=stack-protector to allow it, or -C stack-protector=none.",
        "The opposite is -C deny-partial-mitigations=overflow-checks for a dependency.",
        "It is turned on via -C allow-partialmitigations=<mitigation> for every mitigation.",
        "So -C stackprotector=strong-noenforce is the same as no flag.",
        "And -C deny-partialmitigations=stack-protector denies it.",
    ]);
    assert!(
        text[2].contains("-C allow-partial-mitigations=<mitigation> for"),
        "{text:?}"
    );
    assert!(
        text[3].contains("-C stack-protector=strong-noenforce is"),
        "{text:?}"
    );
    // A part that lost one hyphen of two is proven by the whole one.
    assert!(
        text[4].contains("-C deny-partial-mitigations=stack-protector"),
        "{text:?}"
    );
}

/// What the parts of names do not prove: a dash before an option
/// ("Zsanitizer" beside "-Zsanitizer=leak"), a part without letters ("--"
/// in a `sed` expression), and letters a token writes both ways
/// ("quantumjournal/quantum-journal": an account and its repository).
#[test]
fn name_parts_prove_only_a_hyphen_between_letters_written_one_way() {
    let paragraphs = [
        "The flags -Zsanitizer=leak and Zsanitizer=kcfi differ.",
        "Run perl -p -i -e s/\\--/-/g on tmp.txt to keep s/a/--/g apart.",
        "The code is at quantumjournal/quantum-journal on the forge.",
    ];
    assert_eq!(restored_text(&paragraphs), paragraphs.to_vec());
}

/// The log of this pass over a document of one paragraph per text.
#[cfg(test)]
fn restored(paragraphs: &[&str]) -> RepairLog {
    let mut doc = document_of(paragraphs);
    let mut log = RepairLog::default();
    run(&mut doc, &mut log);
    log
}

/// A hyphen among digits is a minus sign or a range: the document writing
/// "1e-3L" proves nothing of "1e3L", another number.
#[test]
fn a_number_keeps_its_spelling() {
    let log = restored(&[
        "The constant 1e3L gives 1000 as an integer.",
        "The constant 1e-3L gives a warning, a value that is not an integer.",
    ]);
    assert_eq!(log.applied(), 0, "{:?}", log.changes);
    assert!(
        log.changes.iter().any(|c| c.declined && c.rule == "number"),
        "{:?}",
        log.changes
    );
}
