//! The document model: one tree that every reader produces and every writer
//! reads. No I/O and no knowledge of any file format lives here.

mod block;
mod inline;
mod metadata;
mod numbering;
mod table;

pub use block::{BackKind, BackMatter, Block, Definition, Note, Section, Span, sections};
pub use inline::{Image, Inline, canonicalize, compact, expand, inlines_from_text, plain_text};
pub use metadata::{
    Abstract, Author, Date, IdentifierKind, Metadata, Publication, civil_from_unix,
};
pub use numbering::{Counter, Delimiter, Numbering};
pub use table::{Alignment, Grid, MAX_COLSPAN, Placed, RowKind, Table, TableCell, TableRow};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Version of the JSON form written by [`Document::to_json`]. Bump it when
/// the shape of the model changes.
pub const JSON_VERSION: u32 = 1;

/// A whole document: what is known about it, its body, and its end matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub back: Vec<BackMatter>,
    /// Footnotes, referenced from the text by `Inline::NoteRef(label)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Serialize, Deserialize)]
struct Versioned<T> {
    version: u32,
    #[serde(flatten)]
    document: T,
}

impl Document {
    /// The versioned JSON form: `{"version": 1, "meta": ..., "blocks": ..., "back": ...}`.
    pub fn to_json(&self) -> String {
        // The JSON form shows one `Text` per word, whatever form the
        // document is held in (see `Inline::Text`).
        let mut words = self.clone();
        words.expand();
        let mut s = serde_json::to_string_pretty(&Versioned {
            version: JSON_VERSION,
            document: &words,
        })
        .expect("the model serializes to JSON");
        s.push('\n');
        s
    }

    pub fn from_json(json: &str) -> Result<Document, String> {
        let v: Versioned<Document> = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if v.version != JSON_VERSION {
            return Err(format!(
                "JSON form version {} is not supported (this build reads version {JSON_VERSION})",
                v.version
            ));
        }
        Ok(v.document)
    }

    /// The language of the document: the metadata's, or `en`.
    pub fn language(&self) -> &str {
        self.meta.language.as_deref().unwrap_or("en")
    }

    /// The identifier of the document: the metadata's, or a `urn:uuid:`
    /// derived from the content, so that every edition names the same one.
    pub fn identifier(&self) -> String {
        self.meta
            .identifier
            .clone()
            .unwrap_or_else(|| self.content_uuid())
    }

    /// A name-based UUID (version 5 layout, SHA-256 truncated) of the title,
    /// authors and text of the document: stable across runs and machines.
    pub fn content_uuid(&self) -> String {
        let mut hash = Sha256::new();
        hash.update(b"recto-document\0");
        if let Some(title) = self.meta.title_text() {
            hash.update(title.as_bytes());
        }
        for author in &self.meta.authors {
            hash.update(b"\0");
            hash.update(author.name.as_bytes());
        }
        if let Some(abs) = self.meta.abstract_text() {
            hash.update(b"\0");
            hash.update(abs.as_bytes());
        }
        for block in &self.blocks {
            hash.update(b"\n");
            hash.update(block.plain_text().as_bytes());
        }
        for note in &self.notes {
            hash.update(b"\0note\0");
            hash.update(note.label.as_bytes());
            for block in &note.blocks {
                hash.update(b"\n");
                hash.update(block.plain_text().as_bytes());
            }
        }
        let d = hash.finalize();
        let mut b = [0u8; 16];
        b.copy_from_slice(&d[..16]);
        b[6] = (b[6] & 0x0f) | 0x50;
        b[8] = (b[8] & 0x3f) | 0x80;
        format!(
            "urn:uuid:{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
            b[0],
            b[1],
            b[2],
            b[3],
            b[4],
            b[5],
            b[6],
            b[7],
            b[8],
            b[9],
            b[10],
            b[11],
            b[12],
            b[13],
            b[14],
            b[15]
        )
    }

    /// Brings every inline list into canonical form (see [`canonicalize`]) and
    /// drops paragraphs and headings left empty.
    pub fn canonicalize(&mut self) {
        fn blocks(list: &mut Vec<Block>) {
            for b in list.iter_mut() {
                match b {
                    Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                        canonicalize(content)
                    }
                    Block::List { items, .. } => {
                        items.iter_mut().for_each(blocks);
                        items.retain(|i| !i.is_empty());
                    }
                    Block::BlockQuote { blocks: inner, .. } => blocks(inner),
                    Block::Figure {
                        caption: Some(c), ..
                    } => canonicalize(c),
                    Block::DefinitionList { items, .. } => {
                        for d in items.iter_mut() {
                            canonicalize(&mut d.term);
                            d.definitions.iter_mut().for_each(blocks);
                        }
                        items.retain(|d| !d.term.is_empty() || !d.definitions.is_empty());
                    }
                    // Canonical form changes no character of a cell, so
                    // cells take it too; an empty cell is kept (it holds
                    // its place in the row).
                    Block::Table { table, .. } => {
                        if let Some(caption) = &mut table.caption {
                            canonicalize(caption);
                        }
                        if table.caption.as_ref().is_some_and(Vec::is_empty) {
                            table.caption = None;
                        }
                        for row in table.head.iter_mut().chain(table.body.iter_mut()) {
                            for cell in &mut row.cells {
                                canonicalize(&mut cell.content);
                            }
                        }
                    }
                    _ => {}
                }
            }
            list.retain(|b| match b {
                Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                    !content.is_empty()
                }
                Block::List { items, .. } => !items.is_empty(),
                Block::DefinitionList { items, .. } => !items.is_empty(),
                Block::Table { table, .. } => !table.is_empty() || table.caption.is_some(),
                _ => true,
            });
        }
        blocks(&mut self.blocks);
        for back in &mut self.back {
            blocks(&mut back.blocks);
        }
        self.back.retain(|b| !b.blocks.is_empty());
        // A note left empty is kept: a reference still points at it.
        for note in &mut self.notes {
            blocks(&mut note.blocks);
        }
        for author in &mut self.meta.authors {
            blocks(&mut author.bio);
        }
        if let Some(abs) = &mut self.meta.abstract_ {
            blocks(&mut abs.blocks);
        }
        for t in [&mut self.meta.title, &mut self.meta.subtitle]
            .into_iter()
            .flatten()
        {
            canonicalize(t);
        }
    }

    /// Keeps the words of every paragraph and heading compactly (see
    /// [`compact`]): the form a document holds at rest, between passes and
    /// for the writers. Titles, captions, terms and table cells are short
    /// and stay as they are.
    pub fn compact(&mut self) {
        self.for_each_inline_list(false, &mut |list| compact(list));
    }

    /// Every inline list as word tokens (see [`expand`]): the form the JSON
    /// form shows, whatever form the document holds.
    pub fn expand(&mut self) {
        self.for_each_inline_list(true, &mut |list| {
            expand(list);
        });
    }

    /// Calls `f` on the content of every paragraph and heading, at any depth
    /// of blocks; with `all`, on titles, captions, terms and cells too.
    fn for_each_inline_list(&mut self, all: bool, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        fn blocks(list: &mut [Block], all: bool, f: &mut dyn FnMut(&mut Vec<Inline>)) {
            for b in list {
                match b {
                    Block::Heading { content, .. } | Block::Paragraph { content, .. } => f(content),
                    Block::List { items, .. } => items.iter_mut().for_each(|i| blocks(i, all, f)),
                    Block::BlockQuote { blocks: inner, .. } => blocks(inner, all, f),
                    Block::DefinitionList { items, .. } => {
                        for d in items.iter_mut() {
                            if all {
                                f(&mut d.term);
                            }
                            d.definitions.iter_mut().for_each(|d| blocks(d, all, f));
                        }
                    }
                    Block::Figure {
                        caption: Some(c), ..
                    } if all => f(c),
                    Block::Table { table, .. } if all => {
                        if let Some(c) = &mut table.caption {
                            f(c);
                        }
                        for row in table.head.iter_mut().chain(table.body.iter_mut()) {
                            for cell in &mut row.cells {
                                f(&mut cell.content);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        blocks(&mut self.blocks, all, f);
        for back in &mut self.back {
            if all && let Some(t) = &mut back.title {
                f(t);
            }
            blocks(&mut back.blocks, all, f);
        }
        for note in &mut self.notes {
            blocks(&mut note.blocks, all, f);
        }
        for author in &mut self.meta.authors {
            blocks(&mut author.bio, all, f);
        }
        if let Some(abs) = &mut self.meta.abstract_ {
            if all && let Some(t) = &mut abs.title {
                f(t);
            }
            blocks(&mut abs.blocks, all, f);
        }
        if all {
            for t in [&mut self.meta.title, &mut self.meta.subtitle]
                .into_iter()
                .flatten()
            {
                f(t);
            }
        }
    }

    /// The labels of every footnote reference, in reading order (body, then
    /// the notes themselves, then end matter).
    pub fn note_refs(&self) -> Vec<String> {
        fn inlines(list: &[Inline], out: &mut Vec<String>) {
            for i in list {
                match i {
                    Inline::NoteRef(label) => out.push(label.clone()),
                    other => inlines(other.children().unwrap_or_default(), out),
                }
            }
        }
        fn blocks(list: &[Block], out: &mut Vec<String>) {
            for b in list {
                match b {
                    Block::Table { table, .. } => {
                        if let Some(c) = &table.caption {
                            inlines(c, out);
                        }
                        for (_, row) in table.rows() {
                            row.cells.iter().for_each(|c| inlines(&c.content, out));
                        }
                    }
                    Block::Figure { caption, .. } => {
                        inlines(caption.as_deref().unwrap_or_default(), out)
                    }
                    Block::DefinitionList { items, .. } => {
                        for d in items {
                            inlines(&d.term, out);
                            d.definitions.iter().for_each(|b| blocks(b, out));
                        }
                    }
                    other => {
                        inlines(other.inlines().unwrap_or_default(), out);
                        if !matches!(other, Block::DefinitionList { .. }) {
                            for c in other.children() {
                                blocks(std::slice::from_ref(c), out);
                            }
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        blocks(&self.blocks, &mut out);
        for note in &self.notes {
            blocks(&note.blocks, &mut out);
        }
        for back in &self.back {
            blocks(&back.blocks, &mut out);
        }
        out
    }

    /// The printed page labels of the source's page markers, in reading
    /// order (body, then end matter): the pages the document covers.
    pub fn page_labels(&self) -> Vec<&str> {
        fn inlines<'a>(list: &'a [Inline], out: &mut Vec<&'a str>) {
            for i in list {
                match i {
                    Inline::PageMarker(label) => out.push(label),
                    other => inlines(other.children().unwrap_or_default(), out),
                }
            }
        }
        fn blocks<'a>(list: &'a [Block], out: &mut Vec<&'a str>) {
            for b in list {
                inlines(b.inlines().unwrap_or_default(), out);
                for c in b.children() {
                    blocks(std::slice::from_ref(c), out);
                }
            }
        }
        let mut out = Vec::new();
        blocks(&self.blocks, &mut out);
        for back in &self.back {
            blocks(&back.blocks, &mut out);
        }
        out
    }

    /// The footnotes in the order writers number them: first by their
    /// first reference, then the notes nothing refers to, in the order
    /// they were defined. Each with its number (from 1).
    pub fn numbered_notes(&self) -> Vec<(usize, &Note)> {
        let mut order: Vec<&Note> = Vec::with_capacity(self.notes.len());
        let mut seen = std::collections::BTreeSet::new();
        for label in self.note_refs() {
            if seen.insert(label.clone())
                && let Some(note) = self.notes.iter().find(|n| n.label == label)
            {
                order.push(note);
            }
        }
        for note in &self.notes {
            if !seen.contains(&note.label) {
                order.push(note);
            }
        }
        order
            .into_iter()
            .enumerate()
            .map(|(i, n)| (i + 1, n))
            .collect()
    }

    /// Checks the invariants writers rely on; returns what is wrong. Runs in
    /// tests and debug builds after every pass.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        fn inlines(list: &[Inline], at: &str, problems: &mut Vec<String>) {
            for i in list {
                match i {
                    Inline::Text(s) if s.is_empty() => problems.push(format!("{at}: empty text")),
                    // Words with one plain space between each two (the
                    // compact form) and no other whitespace.
                    Inline::Text(s)
                        if s.split(' ')
                            .any(|w| w.is_empty() || w.contains(char::is_whitespace)) =>
                    {
                        problems.push(format!("{at}: text {s:?} holds whitespace"))
                    }
                    other => {
                        if let Some(c) = other.children() {
                            inlines(c, at, problems)
                        }
                    }
                }
            }
        }
        fn blocks(list: &[Block], problems: &mut Vec<String>) {
            for b in list {
                let at = format!("block at line {}", b.span());
                match b {
                    Block::Heading { level, .. } if !(1..=6).contains(level) => {
                        problems.push(format!("{at}: heading level {level}"))
                    }
                    Block::List { items, .. } => items.iter().for_each(|i| blocks(i, problems)),
                    Block::BlockQuote { blocks: inner, .. } => blocks(inner, problems),
                    Block::Figure {
                        caption: Some(c), ..
                    } => inlines(c, &format!("{at}: caption"), problems),
                    Block::DefinitionList { items, .. } => {
                        for d in items {
                            inlines(&d.term, &format!("{at}: term"), problems);
                            d.definitions.iter().for_each(|b| blocks(b, problems));
                        }
                    }
                    Block::Table { table, .. } => {
                        if let Some(caption) = &table.caption {
                            inlines(caption, &format!("{at}: caption"), problems);
                        }
                        for (r, (_, row)) in table.rows().enumerate() {
                            for (c, cell) in row.cells.iter().enumerate() {
                                let here = format!("{at}: row {}, cell {}", r + 1, c + 1);
                                if cell.colspan == 0 || cell.rowspan == 0 {
                                    problems.push(format!("{here}: a span of 0"));
                                }
                                inlines(&cell.content, &here, problems);
                            }
                        }
                    }
                    _ => {}
                }
                if let Some(c) = b.inlines() {
                    inlines(c, &at, problems);
                }
            }
        }
        blocks(&self.blocks, &mut problems);
        for back in &self.back {
            blocks(&back.blocks, &mut problems);
        }
        let mut labels = std::collections::BTreeSet::new();
        for note in &self.notes {
            if !labels.insert(note.label.as_str()) {
                problems.push(format!("note `{}` is defined twice", note.label));
            }
            blocks(&note.blocks, &mut problems);
        }
        for label in self.note_refs() {
            if !labels.contains(label.as_str()) {
                problems.push(format!("note reference `{label}` has no note"));
            }
        }
        // A date must be one its own text form reads back as: a day needs a
        // month, and each part must be in range.
        if let Some(date) = self.meta.date
            && Date::parse(&date.to_string()) != Ok(date)
        {
            problems.push(format!(
                "metadata: date {date:?} is not a YYYY, YYYY-MM or YYYY-MM-DD date"
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut doc = Document::default();
        doc.meta.title = Some(inlines_from_text("A Title"));
        doc.meta.authors.push(Author::from_name("Ada Lovelace"));
        doc.meta.date = Some(Date::parse("2025-10-01").unwrap());
        doc.blocks.push(Block::paragraph(
            inlines_from_text("Hello world."),
            Span::line(3),
        ));
        doc
    }

    #[test]
    fn json_round_trip_is_versioned() {
        let doc = sample();
        let json = doc.to_json();
        assert!(json.starts_with("{\n  \"version\": 1,"));
        assert_eq!(Document::from_json(&json).unwrap(), doc);
        let wrong = json.replace("\"version\": 1", "\"version\": 99");
        assert!(Document::from_json(&wrong).unwrap_err().contains("99"));
    }

    #[test]
    fn content_uuid_is_stable_and_content_bound() {
        let a = sample();
        assert_eq!(a.content_uuid(), sample().content_uuid());
        assert!(a.content_uuid().starts_with("urn:uuid:"));
        assert_eq!(a.content_uuid().len(), "urn:uuid:".len() + 36);
        let mut b = sample();
        b.blocks.clear();
        assert_ne!(a.content_uuid(), b.content_uuid());
    }

    #[test]
    fn validate_finds_dates_that_do_not_read_back() {
        let mut doc = sample();
        assert!(doc.validate().is_empty());
        doc.meta.date = Some(Date {
            year: 0,
            month: None,
            day: Some(1),
        });
        assert_eq!(doc.validate().len(), 1, "{:?}", doc.validate());
        doc.meta.date = Some(Date {
            year: 2025,
            month: Some(13),
            day: None,
        });
        assert_eq!(doc.validate().len(), 1);
    }

    #[test]
    fn validate_finds_whitespace_in_text() {
        let mut doc = sample();
        assert!(doc.validate().is_empty());
        doc.blocks.push(Block::paragraph(
            vec![Inline::text("two  words"), Inline::text(" lead")],
            Span::UNKNOWN,
        ));
        doc.blocks.push(Block::paragraph(
            vec![Inline::text("tab\tword"), Inline::text("two words")],
            Span::UNKNOWN,
        ));
        // Words with one plain space between them are the compact form.
        assert_eq!(doc.validate().len(), 3, "{:?}", doc.validate());
    }
}
