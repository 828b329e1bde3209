//! Lost hyphens restored: some PDF text extractors remove every hyphen at a
//! line end, real ones too, so "rust-\nlang" comes out as "rustlang". Where
//! the document itself writes the compound elsewhere ("rust-lang"), the
//! hyphen is put back in the same places, keeping the token's own case.
//!
//! Only the document's vocabulary is trusted here: a word list cannot tell
//! "cyberattack" from "cyber-attack", the document can.

use crate::model::{Block, Document, Inline};

use super::lexicon::DocVocabulary;
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "restore hyphens the document's own compounds prove (rustlang -> rust-lang)",
    stage: Stage::Tree(run),
};

const NAME: &str = "hyphen-restore";

pub fn run(doc: &mut Document, log: &mut RepairLog) {
    let vocab = DocVocabulary::from_document(doc);
    if vocab.is_empty() {
        return;
    }
    for block in &mut doc.blocks {
        fix_block(block, &vocab, log);
    }
}

fn fix_block(block: &mut Block, vocab: &DocVocabulary, log: &mut RepairLog) {
    let span = block.span();
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
            fix_inlines(content, vocab, log, span)
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

fn fix_inlines(
    inlines: &mut [Inline],
    vocab: &DocVocabulary,
    log: &mut RepairLog,
    span: crate::model::Span,
) {
    for inline in inlines.iter_mut() {
        match inline {
            Inline::Text(t) => {
                if let Some(fixed) = restore(t, vocab) {
                    log.record(NAME, "compound-in-document", span, t.clone(), fixed.clone());
                    *t = fixed;
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

/// The token with the hyphens of the document's compounds put back. Each
/// run of letters, digits and hyphens ("rustlang" in "rustlang/rust,") is
/// looked up on its own.
fn restore(token: &str, vocab: &DocVocabulary) -> Option<String> {
    let mut out = String::with_capacity(token.len() + 4);
    let mut changed = false;
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String, changed: &mut bool| {
        match restore_word(run, vocab) {
            Some(fixed) => {
                out.push_str(&fixed);
                *changed = true;
            }
            None => out.push_str(run),
        }
        run.clear();
    };
    for c in token.chars() {
        if c.is_alphanumeric() || c == '-' {
            run.push(c);
        } else {
            flush(&mut run, &mut out, &mut changed);
            out.push(c);
        }
    }
    flush(&mut run, &mut out, &mut changed);
    changed.then_some(out)
}

/// A word that is one of the document's compounds with some or all of its
/// hyphens lost.
fn restore_word(word: &str, vocab: &DocVocabulary) -> Option<String> {
    if word.starts_with('-') || word.ends_with('-') {
        return None;
    }
    let bare: String = word.chars().filter(|&c| c != '-').collect();
    if bare.chars().count() < 4 {
        return None;
    }
    let compound = vocab.compound_for(&bare)?;
    // A form the document writes joined at least as often as hyphenated is a
    // spelling of its own ("online" beside one "on-line").
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
    letters.next().is_none().then_some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_from_the_document() {
        let vocab = DocVocabulary::from_text("the rust-lang team and Rust-Lang");
        assert_eq!(restore("rustlang,", &vocab).as_deref(), Some("rust-lang,"));
        assert_eq!(restore("RustLang", &vocab).as_deref(), Some("Rust-Lang"));
        assert_eq!(restore("rusty", &vocab), None);
        assert_eq!(
            restore("rustlang/rust", &vocab).as_deref(),
            Some("rust-lang/rust")
        );
        let vocab = DocVocabulary::from_text("to-tier1 and to-tier-1");
        assert_eq!(restore("to-tier-1", &vocab), None);
        let vocab = DocVocabulary::from_text("the aarch64-unknown-linux-gnu target");
        assert_eq!(
            restore("aarch64-unknown-linuxgnu", &vocab).as_deref(),
            Some("aarch64-unknown-linux-gnu")
        );
    }
}
