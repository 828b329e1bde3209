//! The real-document test set (`tests/real/`): loading the extracts and
//! their expectations, repairing them, and the checks that compare what
//! came out with what went in and with the repair log.
//!
//! Word tokens are compared as the corpus scorer reads them: split at
//! whitespace, punctuation stripped from both ends, kept when a letter or a
//! digit is left. Both sides are folded first (NFKC, soft hyphens and
//! zero-width characters dropped), so that expanding a ligature or
//! replacing a no-break space is no change of a word.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use recto::normalize::{Change, Options, RepairLog, normalize_text};
use regex::Regex;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// One real document: its extracts and what a reader of its pages expects.
pub struct RealDocument {
    pub id: String,
    pub extracts: Vec<Extract>,
    pub expect: Expectations,
}

/// The document as one extractor gave it.
pub struct Extract {
    /// `pdftotext`, `layout`, `txtwrite` or `nroff`.
    pub route: String,
    pub text: String,
}

impl Extract {
    /// `document/route`, for messages.
    pub fn name(&self, doc: &RealDocument) -> String {
        format!("{}/{}", doc.id, self.route)
    }
}

/// `expect.toml` (see `tests/real/README.md`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectations {
    #[serde(default)]
    pub code: Vec<String>,
    #[serde(default)]
    pub rows: Vec<String>,
    #[serde(default)]
    pub furniture: Vec<FurnitureSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FurnitureSpec {
    pub pattern: String,
    #[serde(default)]
    pub edge: bool,
}

/// How many non-blank lines at the top and at the foot of a page hold its
/// furniture: a running head can take two lines and the page number a
/// third when an extractor breaks "1 INTRODUCTION 1" into its parts.
pub const EDGE_LINES: usize = 3;

/// The folder of the real documents.
pub fn dir() -> PathBuf {
    super::root().join("tests/real")
}

/// Every document of the set, sorted by name.
pub fn documents() -> Vec<RealDocument> {
    let mut docs = Vec::new();
    let entries = std::fs::read_dir(dir()).expect("tests/real is readable");
    let mut folders: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        docs.push(load(&folder));
    }
    docs
}

fn load(folder: &Path) -> RealDocument {
    let id = folder
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a folder name")
        .to_string();
    let expect_path = folder.join("expect.toml");
    let expect_text = std::fs::read_to_string(&expect_path)
        .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
    let expect: Expectations =
        toml::from_str(&expect_text).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
    let mut extracts = Vec::new();
    for route in ["pdftotext", "layout", "txtwrite", "nroff"] {
        let path = folder.join(format!("{route}.txt"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            extracts.push(Extract {
                route: route.to_string(),
                text,
            });
        }
    }
    assert!(!extracts.is_empty(), "{id}: no extract in {folder:?}");
    RealDocument {
        id,
        extracts,
        expect,
    }
}

/// What Recto made of one extract: the text `recto normalize` prints and
/// the repair log.
pub struct Repaired {
    pub output: String,
    pub log: RepairLog,
}

pub fn repair(text: &str) -> Repaired {
    let (doc, log) = normalize_text(text, &Options::default());
    Repaired {
        output: recto::write::txt::render_repaired(&doc, false),
        log,
    }
}

/// Text folded for comparing words: NFKC (ligatures, no-break spaces),
/// soft hyphens and zero-width characters removed.
pub fn fold(text: &str) -> String {
    text.nfkc()
        .filter(|&c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
            )
        })
        .collect()
}

/// The word tokens of a text (see the module comment).
pub fn word_tokens(text: &str) -> Vec<String> {
    fold(text)
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect()
}

/// Word tokens with their counts.
pub fn token_counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for t in word_tokens(text) {
        *counts.entry(t).or_insert(0) += 1;
    }
    counts
}

fn count_in(counts: &HashMap<String, usize>, token: &str) -> usize {
    counts.get(token).copied().unwrap_or(0)
}

/// Runs of whitespace read as one space, the ends trimmed.
pub fn squeeze(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Input lines (1-based numbers) that are page furniture by the
/// expectations, split into those that must go (`required`) and those that
/// may go (`allowed`: an edge pattern away from a known page edge).
pub struct Furniture {
    pub required: Vec<(u32, String)>,
    pub allowed: Vec<(u32, String)>,
}

pub fn furniture(doc: &RealDocument, extract: &Extract) -> Furniture {
    let specs: Vec<(Regex, bool)> = doc
        .expect
        .furniture
        .iter()
        .map(|f| {
            let re = Regex::new(&f.pattern)
                .unwrap_or_else(|e| panic!("{}: bad pattern {:?}: {e}", doc.id, f.pattern));
            (re, f.edge)
        })
        .collect();
    let lines: Vec<&str> = extract.text.split('\n').collect();
    let edges = page_edges(&lines);
    let mut out = Furniture {
        required: Vec::new(),
        allowed: Vec::new(),
    };
    for (i, line) in lines.iter().enumerate() {
        let text = squeeze(&line.replace('\u{c}', ""));
        if text.is_empty() {
            continue;
        }
        let number = i as u32 + 1;
        let mut matched = None;
        for (re, edge) in &specs {
            if re.is_match(&text) {
                matched = Some(!*edge || edges[i]);
                if !*edge {
                    break;
                }
            }
        }
        match matched {
            Some(true) => out.required.push((number, text)),
            Some(false) => out.allowed.push((number, text)),
            None => {}
        }
    }
    out
}

/// Whether each line is among the first or last [`EDGE_LINES`] non-blank
/// lines of its page. Pages are known from form feeds; without any, only
/// the start and the end of the extract are edges.
fn page_edges(lines: &[&str]) -> Vec<bool> {
    let mut edges = vec![false; lines.len()];
    let mut page: Vec<usize> = Vec::new();
    let mut mark = |page: &mut Vec<usize>| {
        for &i in page.iter().take(EDGE_LINES) {
            edges[i] = true;
        }
        for &i in page.iter().rev().take(EDGE_LINES) {
            edges[i] = true;
        }
        page.clear();
    };
    for (i, line) in lines.iter().enumerate() {
        if line.contains('\u{c}') {
            // The form feed ends the page before; what follows it on the
            // line starts the next one.
            mark(&mut page);
        }
        if !line.replace('\u{c}', "").trim().is_empty() {
            page.push(i);
        }
    }
    mark(&mut page);
    edges
}

/// The applied removals of the page-artifacts pass.
pub fn furniture_removals(log: &RepairLog) -> Vec<&Change> {
    log.changes
        .iter()
        .filter(|c| !c.declined && c.pass == "page-artifacts" && c.after.is_empty())
        .collect()
}

/// How many of `token` the applied changes took away (counted in `before`,
/// not in `after`) and put in (the other way round). Only changes that
/// cite evidence count as putting a token in, when `cited_only` is set.
fn explained(
    log: &RepairLog,
    token: &str,
    cited_only: bool,
    counts: &dyn Fn(&Change) -> bool,
) -> (usize, usize) {
    let mut removed = 0;
    let mut added = 0;
    for c in log.changes.iter().filter(|c| !c.declined && counts(c)) {
        let before = token_counts(&c.before);
        let after = token_counts(&c.after);
        let (b, a) = (count_in(&before, token), count_in(&after, token));
        removed += b.saturating_sub(a);
        if !cited_only || c.evidence.as_deref().is_some_and(|e| !e.trim().is_empty()) {
            added += a.saturating_sub(b);
        }
    }
    (removed, added)
}

impl Furniture {
    /// Whether a logged change removed lines that are all furniture (or
    /// is no page-artifacts removal at all).
    pub fn excuses(&self, c: &Change) -> bool {
        if c.pass != "page-artifacts" {
            return true;
        }
        let listed = |line: u32| {
            self.required
                .iter()
                .chain(&self.allowed)
                .any(|(l, _)| *l == line)
        };
        (c.span.start..=c.span.end.max(c.span.start)).all(listed)
    }
}

/// Word tokens of the input missing from the output and not taken away by
/// a logged change (a page-artifacts removal only of furniture): one line
/// per token, empty when nothing is lost.
pub fn lost_tokens(input: &str, repaired: &Repaired, furniture: &Furniture) -> Vec<String> {
    let inp = token_counts(input);
    let out = token_counts(&repaired.output);
    let mut lost = Vec::new();
    for (token, &n) in &inp {
        let m = count_in(&out, token);
        if n > m {
            let (removed, _) = explained(&repaired.log, token, false, &|c| furniture.excuses(c));
            if n - m > removed {
                lost.push(format!(
                    "{token:?} {n} in, {m} out, {removed} removed by the log"
                ));
            }
        }
    }
    lost.sort();
    lost
}

/// Word tokens of the output that the input does not have as often, and
/// that no logged change citing evidence put in.
pub fn invented_tokens(input: &str, repaired: &Repaired) -> Vec<String> {
    let inp = token_counts(input);
    let out = token_counts(&repaired.output);
    let mut invented = Vec::new();
    for (token, &m) in &out {
        let n = count_in(&inp, token);
        if m > n {
            let (_, added) = explained(&repaired.log, token, true, &|_| true);
            if m - n > added {
                invented.push(format!(
                    "{token:?} {n} in, {m} out, {added} put in by cited repairs"
                ));
            }
        }
    }
    invented.sort();
    invented
}

/// The output's lines, trimmed.
fn output_lines(output: &str) -> Vec<&str> {
    output.lines().map(str::trim).collect()
}

/// Input lines (trimmed) that the code expectation names, and whether the
/// output has each as a whole line, exactly.
pub fn code_lines(expected: &str, input: &str, output: &str) -> Vec<(String, bool)> {
    let want = squeeze(expected);
    let outs = output_lines(output);
    input
        .split('\n')
        .map(|l| l.replace('\u{c}', ""))
        .filter(|l| squeeze(l) == want)
        .map(|l| {
            let line = l.trim().to_string();
            let kept = outs.contains(&line.as_str());
            (line, kept)
        })
        .collect()
}

/// The cells of a table-row expectation, and whether a line holds exactly
/// them in order (cells of several words keep their inner single spaces).
pub fn row_cells(row: &str) -> Vec<String> {
    row.split(" | ").map(squeeze).collect()
}

fn holds_row(line: &str, cells: &[String]) -> bool {
    squeeze(line) == cells.join(" ")
}

/// Whether the input holds the row on one line, and if so whether the
/// output does too.
pub fn table_row(row: &str, input: &str, output: &str) -> Option<bool> {
    let cells = row_cells(row);
    input
        .split('\n')
        .any(|l| holds_row(&l.replace('\u{c}', ""), &cells))
        .then(|| output.lines().any(|l| holds_row(l, &cells)))
}

/// Collects failures of one check over the whole set into one message.
#[derive(Default)]
pub struct Report {
    failures: Vec<String>,
    checked: usize,
}

impl Report {
    pub fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.checked += 1;
        if !ok {
            self.failures.push(what());
        }
    }

    /// Panics with every failure when there is one.
    pub fn finish(self, check: &str) {
        let mut msg = String::new();
        for f in &self.failures {
            let _ = writeln!(msg, "  {f}");
        }
        assert!(
            self.failures.is_empty(),
            "{check}: {} of {} failed:\n{msg}",
            self.failures.len(),
            self.checked
        );
        eprintln!("{check}: {} checked", self.checked);
    }
}
