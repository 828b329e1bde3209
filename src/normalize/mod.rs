//! Normalization: small, named passes that repair damaged text, each logging
//! every edit it makes (and every case it declines) so an editor can audit it.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::model::{Document, Span};

pub mod lines;

// Layout and structure passes.
pub mod dehyphenate;
pub mod end_matter;
pub mod heading_levels;
pub mod hyphen_restore;
pub mod joined_lines;
pub mod page_artifacts;
pub mod page_markers;
pub mod paragraph_lists;
pub mod paragraphs;
pub mod regions;
pub mod section_numbers;
pub mod structure;

// Token passes (lexicon, hygiene, spacing, markup) are declared below this
// line.
pub mod hygiene;
pub mod identifier;
mod inline_walk;
pub mod lexicon;
mod ligature_codes;
pub mod markup;
mod misread_ligatures;
pub mod spacing;
mod tex_logos;
mod word_table;

use lines::Line;

/// One edit made, or declined, by a pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub pass: &'static str,
    pub rule: &'static str,
    /// Input lines the edit touches.
    pub span: Span,
    pub before: String,
    pub after: String,
    /// The pass saw a candidate but left it alone as ambiguous.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub declined: bool,
    /// What in the document (or the word list) proves a change to a word:
    /// "the document writes 'rust-lang' (2x)", "word list: 'international'".
    /// Every edit that changes a word token names its evidence; for a
    /// declined case, what was missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The editor rejected this edit (`convert --reject`): the pass left the
    /// text as it was.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
}

impl Change {
    /// The edit's stable id (see [`edit_id`]).
    pub fn id(&self) -> String {
        edit_id(self.pass, self.rule, self.span, &self.before, &self.after)
    }
}

/// A stable id for an edit: a hash of its pass, rule, span, before and
/// after, so that the same input and version of Recto give the same ids and
/// an editor's rejections apply to a rerun. `e` and 12 hex digits (48 bits).
pub fn edit_id(pass: &str, rule: &str, span: Span, before: &str, after: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [pass, rule, &span.to_string(), before, after] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let d = h.finalize();
    let mut id = String::with_capacity(13);
    id.push('e');
    for b in &d[..6] {
        id.push_str(&format!("{b:02x}"));
    }
    id
}

/// Every change made while normalizing one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RepairLog {
    pub changes: Vec<Change>,
    /// Ids of edits the editor rejected (see [`RepairLog::approve`]).
    #[serde(skip)]
    rejected: BTreeSet<String>,
    /// The rejected ids a pass met and left undone.
    #[serde(skip)]
    undone: BTreeSet<String>,
    /// How long each pass ran, in the order they ran (for `--verbose`).
    #[serde(skip)]
    pub timings: Vec<(&'static str, Duration)>,
    /// The document's vocabulary, shared by the passes that read it while
    /// its text stays the same (the log is the one thing every pass of one
    /// document holds).
    #[serde(skip)]
    pub(crate) vocabulary: lexicon::VocabularyCache,
    /// The text is in another language than English
    /// ([`crate::meta::is_other_language`]): the passes that weigh words
    /// against the English word list leave its words as they are.
    #[serde(skip)]
    pub(crate) other_language: bool,
}

/// One line of `--verbose`: a pass, the time it took, the edits it made
/// and the cases it declined; or a stage around the passes (reading,
/// writing an edition), which makes no edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassStat {
    pub pass: &'static str,
    pub elapsed: Duration,
    pub applied: usize,
    pub declined: usize,
    /// False for a stage that is not a normalization pass.
    pub edits: bool,
}

impl PassStat {
    /// A stage that is not a normalization pass, `name` taking `elapsed`.
    pub fn stage(name: &'static str, elapsed: Duration) -> PassStat {
        PassStat {
            pass: name,
            elapsed,
            applied: 0,
            declined: 0,
            edits: false,
        }
    }

    /// Adds `other` (the same pass on another document) into `self`.
    pub fn add(&mut self, other: &PassStat) {
        self.elapsed += other.elapsed;
        self.applied += other.applied;
        self.declined += other.declined;
    }

    /// The table `--verbose` prints, one pass a line, in pipeline order.
    pub fn render(stats: &[PassStat]) -> String {
        let mut s = String::from("pass               time      edits  declined\n");
        for p in stats {
            let ms = p.elapsed.as_secs_f64() * 1000.0;
            if p.edits {
                s.push_str(&format!(
                    "{:<16} {ms:>8.2}ms {:>8} {:>9}\n",
                    p.pass, p.applied, p.declined
                ));
            } else {
                s.push_str(&format!(
                    "{:<16} {ms:>8.2}ms {:>8} {:>9}\n",
                    p.pass, "-", "-"
                ));
            }
        }
        s
    }
}

impl RepairLog {
    /// A log that refuses the edits with these ids (from the review page).
    pub fn with_rejected(rejected: BTreeSet<String>) -> RepairLog {
        RepairLog {
            rejected,
            ..RepairLog::default()
        }
    }

    /// The one place where an editor's rejections are applied. A pass asks
    /// before it makes an edit: the edit is recorded and `true` returned,
    /// or, when the editor rejected its id, it is logged once as rejected
    /// and `false` returned, and the pass leaves the text as it was.
    pub fn approve(
        &mut self,
        pass: &'static str,
        rule: &'static str,
        span: Span,
        before: impl Into<String>,
        after: impl Into<String>,
    ) -> bool {
        let (before, after) = (before.into(), after.into());
        if !self.rejected.is_empty() {
            let id = edit_id(pass, rule, span, &before, &after);
            if self.rejected.contains(&id) {
                if self.undone.insert(id) {
                    self.changes.push(Change {
                        pass,
                        rule,
                        span,
                        before,
                        after,
                        declined: false,
                        evidence: None,
                        rejected: true,
                    });
                }
                return false;
            }
        }
        self.record(pass, rule, span, before, after);
        true
    }

    /// [`RepairLog::approve`] for an edit that changes a word, with the
    /// evidence that proves it.
    pub fn approve_cited(
        &mut self,
        pass: &'static str,
        rule: &'static str,
        span: Span,
        before: impl Into<String>,
        after: impl Into<String>,
        evidence: impl Into<String>,
    ) -> bool {
        let approved = self.approve(pass, rule, span, before, after);
        if approved {
            self.cite_last(evidence);
        }
        approved
    }

    /// Attaches `evidence` to the entry just logged.
    fn cite_last(&mut self, evidence: impl Into<String>) {
        if let Some(last) = self.changes.last_mut() {
            last.evidence = Some(evidence.into());
        }
    }

    /// Rejected ids that no pass met: the input changed since the review, or
    /// the edit's pass cannot leave it undone.
    pub fn unmet_rejections(&self) -> Vec<&str> {
        self.rejected
            .difference(&self.undone)
            .map(String::as_str)
            .collect()
    }

    pub fn record(
        &mut self,
        pass: &'static str,
        rule: &'static str,
        span: Span,
        before: impl Into<String>,
        after: impl Into<String>,
    ) {
        self.changes.push(Change {
            pass,
            rule,
            span,
            before: before.into(),
            after: after.into(),
            declined: false,
            evidence: None,
            rejected: false,
        });
    }

    /// [`RepairLog::record`] for an edit that changes a word, with the
    /// evidence that proves it.
    pub fn record_cited(
        &mut self,
        pass: &'static str,
        rule: &'static str,
        span: Span,
        before: impl Into<String>,
        after: impl Into<String>,
        evidence: impl Into<String>,
    ) {
        self.record(pass, rule, span, before, after);
        self.cite_last(evidence);
    }

    pub fn decline(
        &mut self,
        pass: &'static str,
        rule: &'static str,
        span: Span,
        text: impl Into<String>,
    ) {
        let text = text.into();
        self.changes.push(Change {
            pass,
            rule,
            span,
            before: text.clone(),
            after: text,
            declined: true,
            evidence: None,
            rejected: false,
        });
    }

    /// [`RepairLog::decline`] with what the case lacked ("no use of
    /// 'cd-rom' in the document").
    pub fn decline_cited(
        &mut self,
        pass: &'static str,
        rule: &'static str,
        span: Span,
        text: impl Into<String>,
        missing: impl Into<String>,
    ) {
        self.decline(pass, rule, span, text);
        self.cite_last(missing);
    }

    /// Time and counts per pass that ran, in pipeline order.
    pub fn pass_stats(&self) -> Vec<PassStat> {
        let mut stats: Vec<PassStat> = Vec::new();
        for (pass, elapsed) in &self.timings {
            match stats.iter_mut().find(|s| s.pass == *pass) {
                Some(s) => s.elapsed += *elapsed,
                None => stats.push(PassStat {
                    pass,
                    elapsed: *elapsed,
                    applied: 0,
                    declined: 0,
                    edits: true,
                }),
            }
        }
        for c in &self.changes {
            if let Some(s) = stats.iter_mut().find(|s| s.pass == c.pass) {
                if c.declined {
                    s.declined += 1;
                } else if !c.rejected {
                    s.applied += 1;
                }
            }
        }
        stats
    }

    /// Edits made (declined and rejected cases not counted).
    pub fn applied(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| !c.declined && !c.rejected)
            .count()
    }

    /// Count of applied edits per `pass/rule`, sorted by name.
    pub fn summary(&self) -> std::collections::BTreeMap<String, usize> {
        let mut m = std::collections::BTreeMap::new();
        for c in self.changes.iter().filter(|c| !c.declined && !c.rejected) {
            *m.entry(format!("{}/{}", c.pass, c.rule)).or_insert(0) += 1;
        }
        m
    }
}

/// Which passes to run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Run only these passes (all when `None`).
    pub only: Option<Vec<String>>,
    /// Skip these passes.
    pub skip: Vec<String>,
    /// Ids of edits the editor rejected: left undone (see
    /// [`RepairLog::approve`]).
    pub reject: BTreeSet<String>,
}

impl Options {
    pub fn enabled(&self, pass: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.iter().any(|p| p == pass))
            && !self.skip.iter().any(|p| p == pass)
    }
}

/// What a pass works on.
#[derive(Clone, Copy)]
pub enum Stage {
    /// Raw text as numbered lines, before blocks exist: layout repairs that
    /// need line lengths, indentation, page breaks and line-end hyphens.
    Lines(fn(&mut Vec<Line>, &mut RepairLog)),
    /// The document tree, after lines were grouped into blocks. Tree passes
    /// also run on structured input (Markdown).
    Tree(fn(&mut Document, &mut RepairLog)),
    /// A tree pass that guesses structure from the shape of plain text (a
    /// short line is a heading, "•" starts a list item). It runs on raw text
    /// only: Markdown states its structure, and guessing over it would undo
    /// what the author marked.
    TextTree(fn(&mut Document, &mut RepairLog)),
}

/// A named repair. Each one logs every edit it makes with its own name
/// (`RepairLog::record(pass.name, rule, ...)`), is idempotent, and removes no
/// letter or digit without logging it.
#[derive(Clone, Copy)]
pub struct Pass {
    pub name: &'static str,
    /// One line for `--explain` and the docs.
    pub about: &'static str,
    pub stage: Stage,
}

/// The pipeline, in the order the passes run. The order matters:
///
/// 1. `hygiene` first: every later decision (word lookups, line lengths)
///    should see clean characters (ligatures expanded, no-break spaces made
///    plain). It leaves a soft hyphen at the end of a line in place: that is
///    how `dehyphenate` knows a typesetter broke a word there.
/// 2. `page-artifacts` before anything joins lines: page numbers and running
///    headers sit in the middle of paragraphs, and only whole lines and page
///    breaks show what they are.
/// 3. `regions` labels what is not prose (code listings, tables) once the
///    furniture is gone, so that a listing cut by a page break is one
///    region; every later line pass changes prose lines only, and the block
///    builder makes the verbatim lines code and table blocks.
/// 4. `joined-lines` cuts lines an extractor joined at a line-end hyphen back
///    into their printed lines, before anything reads line ends or lengths.
///    Then `dehyphenate` while line ends still exist, and after the artifacts are
///    gone, so that a word broken across a page meets its other half.
/// 5. `paragraphs` decides where blocks start and end (paragraph ends
///    without blank lines, page-break joins); `page-markers` then logs where
///    each printed page begins in the final lines. Then the lines are
///    grouped into blocks, the page starts becoming page markers.
/// 6. `markup` turns tags into inlines, then `structure` (title, authors,
///    headings, lists) takes the title and author lines into the metadata
///    before `spacing` runs: names are not prose, and splitting "Alla" as a
///    run-together "All a" would lose the author. Headings and list markers
///    are recognised as well on text whose spacing is still damaged.
/// 7. `spacing`, then `hyphen-restore`, which needs the whole document's
///    vocabulary with its spacing repaired, then `end-matter` (abstract, bio,
///    disclaimers), which needs the headings and repaired text.
/// 8. `heading-levels` last, on the headings that stay in the body (from
///    `structure` or from Markdown): a heading that skips a level is set one
///    below its parent, so that no edition's outline skips one.
pub fn pipeline() -> Vec<Pass> {
    vec![
        hygiene::PASS,
        page_artifacts::PASS,
        regions::PASS,
        joined_lines::PASS,
        dehyphenate::PASS,
        paragraphs::PASS,
        page_markers::PASS,
        hygiene::INLINE_PASS,
        markup::PASS,
        section_numbers::PASS,
        structure::PASS,
        spacing::PASS,
        hyphen_restore::PASS,
        end_matter::PASS,
        heading_levels::PASS,
    ]
}

/// The names of all passes, in the order they run.
pub fn pass_names() -> Vec<&'static str> {
    pipeline().iter().map(|p| p.name).collect()
}

/// Repairs raw text (decoded, `\n` line ends) into a document.
pub fn normalize_text(text: &str, options: &Options) -> (Document, RepairLog) {
    let mut log = RepairLog::with_rejected(options.reject.clone());
    log.other_language = crate::meta::is_other_language(text);
    let passes: Vec<Pass> = pipeline()
        .into_iter()
        .filter(|p| options.enabled(p.name))
        .collect();
    let mut lines = lines::split(text);
    for pass in &passes {
        if let Stage::Lines(run) = pass.stage {
            let started = Instant::now();
            run(&mut lines, &mut log);
            log.timings.push((pass.name, started.elapsed()));
        }
    }
    if !options.enabled(page_markers::NAME) {
        // The pages were found (page-artifacts needs them), but no marker
        // is wanted.
        for line in &mut lines {
            line.page_starts.clear();
        }
    }
    let mut doc = lines::into_document(&lines);
    // The lines are not read again: their memory goes before the tree
    // passes run.
    drop(lines);
    run_tree(&mut doc, &passes, true, &mut log);
    (doc, log)
}

/// Repairs a document that was read from structured input (Markdown): only
/// the tree passes run, since its lines were already read as blocks.
pub fn normalize_document(mut doc: Document, options: &Options) -> (Document, RepairLog) {
    let mut log = RepairLog::with_rejected(options.reject.clone());
    log.other_language = crate::meta::is_other_language(&lexicon::body_texts(&doc).join("\n"));
    let passes: Vec<Pass> = pipeline()
        .into_iter()
        .filter(|p| options.enabled(p.name))
        .collect();
    run_tree(&mut doc, &passes, false, &mut log);
    (doc, log)
}

fn run_tree(doc: &mut Document, passes: &[Pass], raw_text: bool, log: &mut RepairLog) {
    doc.canonicalize();
    doc.compact();
    for pass in passes {
        let run = match pass.stage {
            Stage::Tree(run) => Some(run),
            Stage::TextTree(run) if raw_text => Some(run),
            _ => None,
        };
        if let Some(run) = run {
            let started = Instant::now();
            run(doc, log);
            doc.canonicalize();
            doc.compact();
            log.timings.push((pass.name, started.elapsed()));
            debug_assert!(
                doc.validate().is_empty(),
                "pass {} left an invalid tree: {:?}",
                pass.name,
                doc.validate()
            );
        }
    }
    // The passes are done: the log outlives them (into the writers), its
    // copy of the text and vocabulary need not.
    log.vocabulary = lexicon::VocabularyCache::default();
}

#[cfg(test)]
mod reject_tests {
    use super::*;

    #[test]
    fn rejected_edits_are_refused_logged_once_and_accounted_for() {
        let span = Span::line(3);
        let id = edit_id("spacing", "word-number", span, "by22", "by 22");
        let unknown = "e000000000000".to_string();
        let mut log = RepairLog::with_rejected([id.clone(), unknown.clone()].into());
        assert!(!log.approve("spacing", "word-number", span, "by22", "by 22"));
        // A second round meets it again: still refused, not logged twice.
        assert!(!log.approve("spacing", "word-number", span, "by22", "by 22"));
        assert!(log.approve("spacing", "word-number", span, "in2020", "in 2020"));
        assert_eq!(log.changes.len(), 2);
        assert!(log.changes[0].rejected && log.changes[0].id() == id);
        assert_eq!(log.applied(), 1);
        assert_eq!(log.summary().get("spacing/word-number"), Some(&1));
        assert_eq!(log.unmet_rejections(), [unknown.as_str()]);
    }

    #[test]
    fn ids_are_stable_and_tell_edits_apart() {
        let a = edit_id("spacing", "word-number", Span::line(3), "by22", "by 22");
        assert_eq!(
            a,
            edit_id("spacing", "word-number", Span::line(3), "by22", "by 22")
        );
        assert_ne!(
            a,
            edit_id("spacing", "word-number", Span::line(4), "by22", "by 22")
        );
        assert!(crate::review::reject::is_edit_id(&a), "{a}");
    }

    #[test]
    fn a_rejected_furniture_line_stays() {
        let text = include_str!("../../input/kazan-summit-china-india-brief.txt");
        let (_, log) = normalize_text(text, &Options::default());
        let c = log
            .changes
            .iter()
            .find(|c| c.pass == "page-artifacts")
            .expect("the sample has a stray line of furniture");
        let options = Options {
            reject: [c.id()].into(),
            ..Options::default()
        };
        let (_, again) = normalize_text(text, &options);
        assert!(again.unmet_rejections().is_empty());
        assert_eq!(again.applied(), log.applied() - 1);
        assert!(again.changes.iter().any(|r| r.rejected && r.id() == c.id()));
    }

    /// A short note with a title page, a summary, headings, a list, markup,
    /// a word hyphenated at a line end and references.
    const NOTE: &str = "A Short Note on Rivers\n\
\n\
Ann Lee\n\
\n\
Summary\n\
\n\
Rivers carry sediment to the sea, and the sea sorts it by size.\n\
\n\
Introduction\n\
\n\
The <i>delta</i> grows each year, and the water-\n\
shed drains into it. The catchment is wide and the flow is strong in spring.\n\
\n\
1. First, measure the flow at the gauge.\n\
2. Then sample the bed at three points.\n\
\n\
References\n\
\n\
Lee, A. (2020). Rivers and their deltas. Oxford: Clarendon Press.\n\
";

    /// Passes whose edits cannot be left undone yet: a rejected id of
    /// theirs is reported as not met (a warning), and the edit stays.
    const CANNOT_UNDO: &[&str] = &["hygiene", "regions", "joined-lines", "paragraphs"];

    /// Every edit of every other pass, on documents that make most of them
    /// (title page, byline, affiliation, abstract, headings, lists, markup,
    /// run-together words, a bio, end matter): run again with its id
    /// rejected, that edit is logged as rejected, the id is met, and the
    /// edit is not made. (Its consequences differ: a rejected title keeps
    /// the byline under it in the text, where later passes may see it.)
    #[test]
    fn every_edit_of_the_honouring_passes_can_be_rejected() {
        let texts = [
            include_str!("../../input/kazan-summit-china-india-brief.txt"),
            include_str!("../../tests/data/wrapped-brief.txt"),
            NOTE,
        ];
        let mut tried = std::collections::BTreeSet::new();
        for text in texts {
            let (_, log) = normalize_text(text, &Options::default());
            for c in log.changes.iter().filter(|c| !c.declined) {
                if CANNOT_UNDO.contains(&c.pass) {
                    continue;
                }
                tried.insert(format!("{}/{}", c.pass, c.rule));
                let options = Options {
                    reject: [c.id()].into(),
                    ..Options::default()
                };
                let (_, again) = normalize_text(text, &options);
                let what = format!("{} {} {:?} -> {:?}", c.pass, c.rule, c.before, c.after);
                assert!(again.unmet_rejections().is_empty(), "{what}: not undone");
                assert!(
                    again.changes.iter().any(|r| r.rejected && r.id() == c.id()),
                    "{what}: not logged as rejected"
                );
                assert!(
                    !again
                        .changes
                        .iter()
                        .any(|r| !r.declined && !r.rejected && r.id() == c.id()),
                    "{what}: made anyway"
                );
            }
        }
        for rule in [
            "structure/title",
            "structure/authors",
            "structure/heading",
            "structure/list-item",
            "markup/emphasis",
            "markup/underline-to-link",
            "end-matter/abstract",
            "end-matter/back-matter",
            "end-matter/author-bio",
            "dehyphenate/word-in-lexicon",
            "spacing/word-number",
            "page-artifacts/stray-punctuation",
        ] {
            assert!(tried.contains(rule), "{rule} not met: {tried:?}");
        }
    }
}
