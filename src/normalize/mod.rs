//! Normalization: small, named passes that repair damaged text, each logging
//! every edit it makes (and every case it declines) so an editor can audit it.

use serde::Serialize;

use crate::model::{Document, Span};

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
}

/// Every change made while normalizing one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RepairLog {
    pub changes: Vec<Change>,
}

impl RepairLog {
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
        });
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
        });
    }

    /// Edits made (declined cases not counted).
    pub fn applied(&self) -> usize {
        self.changes.iter().filter(|c| !c.declined).count()
    }

    /// Count of applied edits per `pass/rule`, sorted by name.
    pub fn summary(&self) -> std::collections::BTreeMap<String, usize> {
        let mut m = std::collections::BTreeMap::new();
        for c in self.changes.iter().filter(|c| !c.declined) {
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
}

impl Options {
    pub fn enabled(&self, pass: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.iter().any(|p| p == pass))
            && !self.skip.iter().any(|p| p == pass)
    }
}

/// The names of all passes, in the order they run.
pub fn pass_names() -> Vec<&'static str> {
    Vec::new()
}

/// Repairs raw text (decoded, `\n` line ends) into a document.
pub fn normalize_text(text: &str, options: &Options) -> (Document, RepairLog) {
    let doc = crate::read::text::parse(text);
    normalize_document(doc, options)
}

/// Repairs a document that was read from structured input (Markdown).
pub fn normalize_document(mut doc: Document, _options: &Options) -> (Document, RepairLog) {
    doc.canonicalize();
    (doc, RepairLog::default())
}
