//! The token passes (hygiene, markup, spacing) and the lexicon: each pass on
//! made-up inputs, protected tokens surviving, idempotence, and no letter
//! lost without a logged change.

use recto::model::{Block, Document, Inline, plain_text};
use recto::normalize::lexicon::{DocVocabulary, Lexicon};
use recto::normalize::{Options, RepairLog, normalize_document, normalize_text};
use recto::write::txt::render_repaired;

const TOKEN_PASSES: &[&str] = &["hygiene", "hygiene-inline", "markup", "spacing"];

fn only(passes: &[&str]) -> Options {
    Options {
        only: Some(passes.iter().map(|p| p.to_string()).collect()),
        skip: Vec::new(),
        ..Options::default()
    }
}

fn texts(doc: &Document) -> Vec<String> {
    doc.blocks.iter().map(Block::plain_text).collect()
}

fn all_text(doc: &Document) -> String {
    texts(doc).join("\n")
}

/// Normalizing the repaired text again changes nothing.
fn assert_idempotent(input: &str, options: &Options) {
    let (doc, _) = normalize_text(input, options);
    let once = render_repaired(&doc, false);
    let (doc2, log2) = normalize_text(&once, options);
    let twice = render_repaired(&doc2, false);
    assert_eq!(once, twice, "not idempotent for {input:?}");
    let token_edits: Vec<_> = log2
        .changes
        .iter()
        .filter(|c| !c.declined && ["hygiene", "markup", "spacing"].contains(&c.pass))
        .collect();
    assert!(token_edits.is_empty(), "second run edited: {token_edits:?}");
}

fn rules(log: &RepairLog) -> Vec<String> {
    log.summary().keys().cloned().collect()
}

#[test]
fn lexicon_and_vocabulary() {
    let lex = Lexicon::english();
    assert!(lex.is_word("international") && lex.is_word("Recognised"));
    assert!(!lex.is_word("ofthe"));
    let vocab = DocVocabulary::from_text("the rust-lang site; Rust-lang again");
    assert!(vocab.hyphenated("rust", "lang"));
    assert_eq!(vocab.compound_for("rustlang"), Some("rust-lang"));
    assert_eq!(vocab.count("rust-lang"), 2);
}

#[test]
fn hygiene_cleans_characters_and_logs_each_word() {
    let input = "\u{FEFF}The \u{FB01}nal o\u{FB03}ce\u{200B} has a\u{A0}re\u{AD}port\u{1} and cafe\u{301}.\n";
    let options = only(&["hygiene", "hygiene-inline"]);
    let (doc, log) = normalize_text(input, &options);
    assert_eq!(
        all_text(&doc),
        "The final office has a report and caf\u{E9}."
    );
    let rules = rules(&log);
    for rule in [
        "hygiene/bom",
        "hygiene/ligature",
        "hygiene/zero-width",
        "hygiene/odd-space",
        "hygiene/soft-hyphen",
        "hygiene/control-character",
        "hygiene/nfc",
    ] {
        assert!(
            rules.iter().any(|r| r == rule),
            "{rule} missing from {rules:?}"
        );
    }
    let ligature = log
        .changes
        .iter()
        .find(|c| c.rule == "ligature")
        .expect("ligature logged");
    assert_eq!(ligature.before, "\u{FB01}nal");
    assert_eq!(ligature.after, "final");
    assert_eq!(ligature.span.start, 1);
    assert_idempotent(input, &options);
}

#[test]
fn hygiene_leaves_line_end_soft_hyphens_to_the_line_passes() {
    let input = "an inter\u{AD}\nnational body\n";
    let (doc, _) = normalize_text(input, &only(&["hygiene"]));
    assert!(
        all_text(&doc).contains("inter\u{AD}"),
        "{:?}",
        all_text(&doc)
    );
    // With the whole pipeline the word is joined and no soft hyphen is left.
    let (doc, _) = normalize_text(input, &Options::default());
    assert_eq!(all_text(&doc), "an international body");
}

#[test]
fn hygiene_output_is_legal_xml_text() {
    let mut input = String::from("start ");
    for c in (0u32..0x20).chain([0xFFFE, 0xFFFF, 0xFEFF, 0x200B, 0xAD, 0xA0, 0x0C]) {
        if let Some(c) = char::from_u32(c) {
            input.push('x');
            input.push(c);
        }
    }
    input.push_str(" end\n");
    let (doc, _) = normalize_text(&input, &Options::default());
    let out = render_repaired(&doc, false);
    for c in out.chars() {
        let legal = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
            || c > '\u{FFFF}';
        assert!(legal, "illegal {:?} in {out:?}", c);
        assert!(
            !matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{AD}' | '\u{A0}'),
            "{c:?} left"
        );
    }
}

#[test]
fn hygiene_inline_cleans_structured_input() {
    let doc = Document {
        blocks: vec![Block::paragraph(
            vec![
                Inline::text("o\u{FB03}ce\u{200B}"),
                Inline::Space,
                Inline::Emphasis(vec![Inline::text("\u{FB02}ow\u{7}")]),
            ],
            Default::default(),
        )],
        ..Default::default()
    };
    let (doc, log) = normalize_document(doc, &only(&["hygiene-inline"]));
    assert_eq!(all_text(&doc), "office flow");
    assert!(log.applied() >= 3);
}

#[test]
fn markup_tags_become_inlines() {
    let input = "We had <u>an idea\nworth sharing</u> and <i>some</i> <b>bold</b> <strong>claims</strong>, <em>too</em>.\n";
    let options = only(&["markup"]);
    let (doc, log) = normalize_text(input, &options);
    let Some(Block::Paragraph { content, .. }) = doc.blocks.first() else {
        panic!("{doc:?}")
    };
    assert!(content.iter().any(|i| matches!(
        i,
        Inline::Link { target: None, content } if plain_text(content) == "an idea worth sharing"
    )));
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Emphasis(c) if plain_text(c) == "some"))
    );
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Strong(c) if plain_text(c) == "bold"))
    );
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Strong(c) if plain_text(c) == "claims"))
    );
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Emphasis(c) if plain_text(c) == "too"))
    );
    assert_eq!(
        all_text(&doc),
        "We had an idea worth sharing and some bold claims, too."
    );
    assert_eq!(log.applied(), 5);
    assert_idempotent(input, &options);
}

#[test]
fn unbalanced_markup_is_declined() {
    let input = "A <u>dangling tag and a stray </b> one.\n";
    let (doc, log) = normalize_text(input, &only(&["markup"]));
    assert_eq!(all_text(&doc), "A <u>dangling tag and a stray </b> one.");
    assert_eq!(log.applied(), 0);
    assert_eq!(log.changes.iter().filter(|c| c.declined).count(), 2);
}

#[test]
fn spacing_restores_lost_spaces() {
    let input = "Prices rose by22 percent in the infrastructure.It was\n\
                 near,hope and ofthe plants,\u{201D}says one ; it isthe end .\n\n\
                 Most of the year is the best.\n";
    let options = only(&["spacing"]);
    let (doc, log) = normalize_text(input, &options);
    assert_eq!(
        all_text(&doc),
        "Prices rose by 22 percent in the infrastructure. It was near, hope and of the \
         plants,\u{201D} says one; it is the end.\nMost of the year is the best."
    );
    let rules = rules(&log);
    for rule in [
        "spacing/word-number",
        "spacing/after-punctuation",
        "spacing/run-together",
        "spacing/space-before-punctuation",
    ] {
        assert!(
            rules.iter().any(|r| r == rule),
            "{rule} missing from {rules:?}"
        );
    }
    assert_idempotent(input, &options);
}

#[test]
fn spacing_keeps_a_spaced_ellipsis() {
    let input = "He paused . . . and went on.\n";
    let (doc, _) = normalize_text(input, &only(&["spacing"]));
    assert_eq!(all_text(&doc), "He paused . . . and went on.");
}

#[test]
fn spacing_joins_stray_spaces_inside_words() {
    let input = "The plan was rec ognised by ev ery member as a part of it.\n";
    let (doc, log) = normalize_text(input, &only(&["spacing"]));
    assert_eq!(
        all_text(&doc),
        "The plan was recognised by every member as a part of it."
    );
    assert_eq!(log.summary().get("spacing/stray-space"), Some(&2));
}

/// Text whose extractor lost many spaces: ordinary words are split too.
const RUN_TOGETHER: &str = "Theyare sure that wesay the same thing. It wasalittle late\n\
    when theyneed help. Weknew howmuch it cost. Aman came and sawaphotograph\n\
    of theold house. Nobody knewall of it, and theywill come back.\n";

#[test]
fn spacing_splits_words_run_together_in_a_damaged_document() {
    let (doc, _) = normalize_text(RUN_TOGETHER, &only(&["spacing"]));
    assert_eq!(
        all_text(&doc),
        "They are sure that we say the same thing. It was a little late when they need \
         help. We knew how much it cost. A man came and saw a photograph of the old house. \
         Nobody knew all of it, and they will come back."
    );
    assert_idempotent(RUN_TOGETHER, &only(&["spacing"]));
}

#[test]
fn spacing_keeps_names_in_a_damaged_document() {
    let input = format!("{RUN_TOGETHER}Written by Alla Seiffert and Anna Ina.\n");
    let (doc, _) = normalize_text(&input, &only(&["spacing"]));
    assert!(
        all_text(&doc).ends_with("Written by Alla Seiffert and Anna Ina."),
        "{}",
        all_text(&doc)
    );
}

#[test]
fn spacing_leaves_unknown_words_of_clean_documents_alone() {
    let input = "The datacenter team did the onboarding for the toolchain and the \
                 skillset; nowhere was a codebase mentioned.\n";
    let (doc, log) = normalize_text(input, &only(&["spacing"]));
    assert_eq!(all_text(&doc), input.trim_end());
    assert_eq!(log.applied(), 0);
}

const PROTECTED: &[&str] = &[
    "G20",
    "5G",
    "COVID-19",
    "iPhone",
    "U.S.",
    "e.g.",
    "i.e.",
    "3.5",
    "1,000",
    "https://example.org/a/b.html",
    "www.example.com",
    "person@example.org",
    "10.1000/xyz-123",
    "doi:10.1000/182",
    "v1.2.3",
    "China-India",
    "long-suspended",
    "state-of-the-art",
    "macOS",
    "eBay",
    "GitHub",
    "Node.js",
    "x86_64",
    "aarch64-unknown-linux-gnu",
];

#[test]
fn protected_tokens_survive_every_pass() {
    let sentence = PROTECTED.join(" and ");
    for doc_text in [
        format!("In a clean text we name {sentence} here.\n"),
        format!("{RUN_TOGETHER}In a damaged text we name {sentence} here.\n"),
    ] {
        let (doc, _) = normalize_text(&doc_text, &Options::default());
        let words: Vec<String> = all_text(&doc)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        for token in PROTECTED {
            assert!(
                words.iter().any(|w| w == token),
                "{token} broken in {words:?}"
            );
        }
    }
}

#[test]
fn no_letter_is_lost_without_a_logged_change() {
    let input =
        format!("<u>Links</u> and o\u{FB03}ces {RUN_TOGETHER} rec ognised by22 people.\u{7}\n");
    let (doc, log) = normalize_text(
        &input,
        &only(&["hygiene", "hygiene-inline", "markup", "spacing"]),
    );
    let count = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).count();
    let out = count(&all_text(&doc));
    let removed_by_log: usize = log
        .changes
        .iter()
        .filter(|c| !c.declined)
        .map(|c| count(&c.before).saturating_sub(count(&c.after)))
        .sum();
    // Tags ("u") are removed by logged markup changes.
    assert!(
        out + removed_by_log >= count(&input),
        "{out} + {removed_by_log} < {}",
        count(&input)
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Any text: no panic, the token passes are idempotent, and no
        /// ASCII letter or digit disappears without a logged change.
        #[test]
        fn token_passes_are_safe(
            input in "(?s)([a-zA-Z0-9 .,;:!?'\"\n\u{ad}\u{a0}\u{200b}\u{1}\u{fb01}\u{fb03}“”’-]|<u>|</u>|<i>|</b>|<strong>|the|of|they|are|ofthe){0,80}"
        ) {
            let options = only(TOKEN_PASSES);
            let (doc, log) = normalize_text(&input, &options);
            let once = render_repaired(&doc, false);
            let (doc2, _) = normalize_text(&once, &options);
            prop_assert_eq!(&once, &render_repaired(&doc2, false));
            let count = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).count();
            let removed: usize = log
                .changes
                .iter()
                .filter(|c| !c.declined)
                .map(|c| count(&c.before).saturating_sub(count(&c.after)))
                .sum();
            prop_assert!(count(&all_text(&doc)) + removed >= count(&input));
        }
    }
}

#[test]
fn code_identifiers_are_no_evidence_of_lost_spaces() {
    let input = "Call toString and forEach, then isEmpty, asRef, onClick, onLoad, \
                 toJson and intoIter on the datacenter toolchain.\n";
    let (doc, log) = normalize_text(input, &only(&["spacing"]));
    assert_eq!(all_text(&doc), input.trim_end());
    assert_eq!(log.applied(), 0);
}

#[test]
fn pathological_tokens_are_handled() {
    let long_glue = "the0".repeat(50_000);
    let brackets = "<".repeat(100_000);
    let dots = "ab.".repeat(50_000);
    for input in [long_glue, brackets, dots] {
        // Finishing is the check (quadratic behaviour would not, in a
        // test run); growth with size is the scaling suite's to measure.
        let (doc, _) = normalize_text(&input, &only(TOKEN_PASSES));
        assert!(!all_text(&doc).is_empty());
    }
}

#[test]
fn words_glued_across_markup_are_split() {
    // In a clean document only function words are split ("of|the"), not
    // "report|of": the rules are the same as for the text as read. The
    // document writes "of the" apart, its evidence for the split.
    let input = "Read <u>the report</u>ofthe year and <i>of</i>the rest.\n\n\
                 Most of the year.\n";
    let (doc, _) = normalize_text(input, &only(TOKEN_PASSES));
    assert_eq!(
        all_text(&doc),
        "Read the reportof the year and of the rest.\nMost of the year."
    );
    assert_idempotent(input, &only(TOKEN_PASSES));
}

/// Issue 13, item 3: names from code, paths, numbers and words the document
/// never writes otherwise come out as they went in, and every token
/// decision of the line-end and spacing passes is logged with its evidence.
#[test]
fn identifiers_and_unproven_words_are_kept() {
    let input = "Token harms\n\n\
        Mount the cd-rom drive first; the device is /dev/cdrom on most systems.\n\
        The text is in ISO 8859-1, and two-thirds of the ciphers, twofish\n\
        among them, are in the library. Call stoch_simul to run it.\n\
        A monostable circuit is stable. Run cat ::: outputs to see them.\n\
        The inputs in1 in2 and in3 are read in order.\n";
    let (doc, log) = normalize_text(input, &Options::default());
    let text = all_text(&doc);
    for kept in [
        "/dev/cdrom",
        "ISO 8859-1",
        "twofish",
        "stoch_simul",
        "monostable",
        "cat ::: outputs",
        "in1 in2 and in3",
    ] {
        assert!(text.contains(kept), "{kept:?} changed: {text}\n{log:#?}");
    }
    let uncited: Vec<_> = log
        .changes
        .iter()
        .filter(|c| {
            [
                "dehyphenate",
                "joined-lines",
                "spacing",
                "hyphen-restore",
                "paragraphs",
            ]
            .contains(&c.pass)
                && c.evidence.is_none()
        })
        .collect();
    assert!(uncited.is_empty(), "logged without evidence: {uncited:#?}");
}

/// A line-end hyphen inside an identifier goes as the document spells the
/// identifier elsewhere, and stays undecided (logged) where it does not.
#[test]
fn line_end_hyphen_in_an_identifier_follows_the_document() {
    let input = "Identifiers\n\n\
        The solver is called through the function stoch_sim-\n\
        ul with its options, and stoch_simul returns when it is done.\n";
    let (doc, log) = normalize_text(input, &Options::default());
    let text = all_text(&doc);
    assert!(!text.contains("stoch_sim-ul"), "{text}");
    assert_eq!(text.matches("stoch_simul").count(), 2, "{text}");
    assert!(
        log.changes.iter().any(|c| c.pass == "dehyphenate"
            && c.evidence.as_deref() == Some("the document writes 'stoch_simul'")),
        "{log:#?}"
    );
}

/// Text in another language than English: the English word list decides
/// nothing. Words it does not know stay whole ("weitere" is no run of "we
/// it ere"), words it would join stay apart ("que eram"), and a line-end
/// hyphen between two lower-case fragments still joins them.
#[test]
fn text_in_another_language_keeps_its_words() {
    let german = "Die Arbeit beschreibt, wie die Proben genommen und gemessen wurden, \
                  und weitere Ergebnisse sind in der Tabelle zu finden. "
        .repeat(6);
    let text = format!("{german}\n\nDie Messungen und die Ergeb-\nnisse der Arbeit.\n");
    let (doc, log) = normalize_text(&text, &Options::default());
    let out = all_text(&doc);
    assert!(out.contains("und weitere Ergebnisse"), "{out}");
    assert!(
        out.contains("Die Messungen und die Ergebnisse der Arbeit."),
        "{out}"
    );
    assert!(
        log.changes
            .iter()
            .any(|c| c.rule == "other-language" && c.declined),
        "{:?}",
        rules(&log)
    );
    let portuguese = "Os autores que eram citados no texto estão na lista de referências, \
                      e a data de cada obra segue o nome do autor. "
        .repeat(6);
    let (doc, _) = normalize_text(&portuguese, &Options::default());
    assert!(all_text(&doc).contains("que eram citados"));
}

/// A dotted name the document writes again and again ("Com.Error", an
/// exception of the camlidl manual) is its spelling, no sentence end glued
/// to the next sentence: alone, it is no evidence that the extractor lost
/// the spaces after punctuation.
#[test]
fn a_repeated_dotted_name_is_no_lost_space() {
    let input = "Errors\n\n\
        When a method fails, the exception Com.Error is raised with a message describing the error.\n\
        Failed results are mapped to Com.Error exceptions as before, and successful results are mapped to\n\
        the Caml types of the method. The function create_instance raises Com.Error when the component\n\
        cannot be found. Every other failure raises Com.Error.\n";
    let (doc, log) = normalize_text(input, &Options::default());
    let text = all_text(&doc);
    assert_eq!(text.matches("Com.Error").count(), 4, "{text}\n{log:#?}");
    assert!(!text.contains("Com. Error"), "{text}");
}

/// A name with digits that the document's code writes ("out1" in
/// `val f : in1 -> out1`) keeps its spelling where the prose mentions it:
/// it is no function word glued to a number.
#[test]
fn a_name_from_the_code_keeps_its_digits() {
    let input = "Functions\n\n\
        The Caml function is then given the following type:\n\n\
        \x20   val f : in1 -> out1\n\n\
        where in1 is the type of its input and out1 is the type of its output.\n";
    let (doc, log) = normalize_text(input, &Options::default());
    let text = all_text(&doc);
    assert!(
        text.contains("where in1 is the type of its input and out1 is"),
        "{text}\n{log:#?}"
    );
}
