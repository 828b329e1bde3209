//! The file itself: header, indirect objects in number order, cross-reference
//! table and trailer, written the way `lopdf` writes them (so the bytes do
//! not depend on which of the two holds an object).
//!
//! Most objects stay `lopdf` objects, but the structure tree of a long
//! document has an element per paragraph, list item and table cell, and a
//! `lopdf` dictionary costs about a kilobyte of memory (a hash map of boxed
//! names and values) where its serialized text is under two hundred bytes.
//! Such objects are serialized as soon as they are made ([`RawObjects`]) and
//! merged into the file here, by object number.

use std::io::Write;

use lopdf::xref::XrefSection;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use crate::error::{Error, Result};

/// Indirect objects already serialized: each object's text, added in
/// increasing object number, in chunks of about a megabyte so that writing
/// the file can free each chunk once it is copied.
#[derive(Default)]
pub struct RawObjects {
    chunks: Vec<Chunk>,
    len: usize,
}

#[derive(Default)]
struct Chunk {
    bytes: Vec<u8>,
    /// Each object's id and where its text ends in `bytes`.
    ends: Vec<(ObjectId, usize)>,
}

const CHUNK: usize = 1 << 20;

impl RawObjects {
    /// Serializes `object` as indirect object `id`, which must come after
    /// every id added before.
    pub fn push(&mut self, id: ObjectId, object: &Object) {
        self.push_with(id, |out| write_object(out, object));
    }

    /// Adds indirect object `id` whose text `write` produces (a dictionary
    /// or an array: written without the separators that numbers and
    /// references need).
    pub fn push_with(
        &mut self,
        id: ObjectId,
        write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    ) {
        if self.chunks.last().is_none_or(|c| c.bytes.len() >= CHUNK) {
            self.chunks.push(Chunk::default());
        }
        let Some(chunk) = self.chunks.last_mut() else {
            return;
        };
        debug_assert!(chunk.ends.last().is_none_or(|(last, _)| *last < id));
        let start = chunk.bytes.len();
        // Writing to a `Vec` does not fail.
        let _ = write(&mut chunk.bytes);
        self.len += chunk.bytes.len() - start;
        chunk.ends.push((id, chunk.bytes.len()));
    }
}

impl Chunk {
    fn objects(&self) -> impl Iterator<Item = (ObjectId, &[u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|(_, end)| *end));
        self.ends
            .iter()
            .zip(starts)
            .map(|(&(id, end), start)| (id, &self.bytes[start..end]))
    }
}

/// `object` as `lopdf` writes it (its writer is private): names with
/// delimiters and bytes outside `!`..`~` as `#xx`, literal strings with
/// backslashes, carriage returns and unbalanced parentheses escaped.
pub fn write_object(out: &mut Vec<u8>, object: &Object) -> std::io::Result<()> {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(value) => write!(out, "{value}")?,
        Object::Real(value) => write!(out, "{value}")?,
        Object::Name(name) => write_name(out, name),
        Object::String(text, StringFormat::Literal) => write_literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for byte in text {
                write!(out, "{byte:02X}")?;
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && separators(item).0 == " " {
                    out.push(b' ');
                }
                write_object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dictionary(out, dict)?,
        Object::Stream(stream) => {
            write_dictionary(out, &stream.dict)?;
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => write!(out, "{} {} R", id.0, id.1)?,
    }
    Ok(())
}

fn write_dictionary(out: &mut Vec<u8>, dict: &Dictionary) -> std::io::Result<()> {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        write_name(out, key);
        if separators(value).0 == " " {
            out.push(b' ');
        }
        write_object(out, value)?;
    }
    out.extend_from_slice(b">>");
    Ok(())
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            out.extend_from_slice(format!("#{byte:02X}").as_bytes());
        } else {
            out.push(byte);
        }
    }
}

/// A literal string: a `)` without an open `(` before it, a `(` never
/// closed, a backslash and a carriage return are escaped.
fn write_literal(out: &mut Vec<u8>, text: &[u8]) {
    let mut escape = vec![false; text.len()];
    let mut open = Vec::new();
    for (i, &byte) in text.iter().enumerate() {
        match byte {
            b'(' => open.push(i),
            b')' if open.pop().is_none() => escape[i] = true,
            b'\\' | b'\r' => escape[i] = true,
            _ => {}
        }
    }
    for i in open {
        escape[i] = true;
    }
    out.push(b'(');
    for (&byte, escaped) in text.iter().zip(escape) {
        if escaped {
            out.push(b'\\');
            out.push(if byte == b'\r' { b'r' } else { byte });
        } else {
            out.push(byte);
        }
    }
    out.push(b')');
}

/// What `lopdf` writes before and after an object that ends in a number,
/// `null`, a name or a reference, so that the token stays apart from `obj`
/// and `endobj`.
fn separators(object: &Object) -> (&'static str, &'static str) {
    use Object::*;
    let before = matches!(
        object,
        Null | Boolean(_) | Integer(_) | Real(_) | Reference(_)
    );
    let after = before || matches!(object, Name(_) | Stream(_));
    (if before { " " } else { "" }, if after { " " } else { "" })
}

/// Where each object starts in the file, by object number (0 = absent: no
/// object starts at offset 0), and its generation.
struct Offsets {
    offsets: Vec<u64>,
    generations: Vec<u16>,
}

impl Offsets {
    fn set(&mut self, (number, generation): ObjectId, offset: usize) -> Result<()> {
        let slot = number as usize;
        if slot >= self.offsets.len() {
            return Err(Error::write(
                "pdf",
                format!("object {number} past the document's last number"),
            ));
        }
        self.offsets[slot] = offset as u64;
        self.generations[slot] = generation;
        Ok(())
    }
}

/// One `lopdf` object as an indirect object.
fn write_indirect(out: &mut Vec<u8>, id: ObjectId, object: &Object) -> std::io::Result<()> {
    let (before, after) = separators(object);
    write!(out, "{} {} obj\n{before}", id.0, id.1)?;
    write_object(out, object)?;
    write!(out, "{after}\nendobj\n")
}

/// The whole file: `doc`'s objects and `raw`'s, in object number order.
pub fn save(doc: &mut Document, raw: RawObjects) -> Result<Vec<u8>> {
    let fail = |e: std::io::Error| Error::write("pdf", format!("cannot serialize: {e}"));
    // The file's size, near enough that the buffer is not copied to grow.
    let streams: usize = doc
        .objects
        .values()
        .map(|o| match o {
            Object::Stream(s) => s.content.len(),
            _ => 0,
        })
        .sum();
    let count = doc.objects.len() + raw.chunks.iter().map(|c| c.ends.len()).sum::<usize>();
    let mut out: Vec<u8> = Vec::with_capacity(raw.len + streams + count * 64 + 4096);
    let size = doc.max_id as usize + 1;
    let mut offsets = Offsets {
        offsets: vec![0; size],
        generations: vec![0; size],
    };
    writeln!(out, "%PDF-{}", doc.version).map_err(fail)?;
    if !doc.binary_mark.iter().all(|&b| b >= 128) {
        return Err(Error::write("pdf", "invalid binary mark"));
    }
    out.push(b'%');
    out.extend_from_slice(&doc.binary_mark);
    out.push(b'\n');

    let mut lopdf_objects = doc.objects.iter().peekable();
    for chunk in raw.chunks {
        for (id, text) in chunk.objects() {
            while let Some((&before, object)) = lopdf_objects.next_if(|(other, _)| **other < id) {
                offsets.set(before, out.len())?;
                write_indirect(&mut out, before, object).map_err(fail)?;
            }
            offsets.set(id, out.len())?;
            writeln!(out, "{} {} obj", id.0, id.1).map_err(fail)?;
            out.extend_from_slice(text);
            out.extend_from_slice(b"\nendobj\n");
        }
    }
    for (&id, object) in lopdf_objects {
        offsets.set(id, out.len())?;
        write_indirect(&mut out, id, object).map_err(fail)?;
    }

    let xref_start = out.len();
    out.extend_from_slice(b"xref\n");
    write_xref(&mut out, &offsets.offsets, &offsets.generations).map_err(fail)?;
    doc.trailer.set("Size", i64::from(doc.max_id + 1));
    out.extend_from_slice(b"trailer\n");
    write_dictionary(&mut out, &doc.trailer).map_err(fail)?;
    write!(out, "\nstartxref\n{xref_start}\n%%EOF").map_err(fail)?;
    Ok(out)
}

/// The cross-reference table: one section per run of consecutive object
/// numbers, the first holding the free entry 0.
fn write_xref(out: &mut Vec<u8>, offsets: &[u64], generations: &[u16]) -> std::io::Result<()> {
    let mut section = XrefSection::new(0);
    section.add_unusable_free_entry();
    for (number, (&offset, &generation)) in offsets.iter().zip(generations).enumerate().skip(1) {
        if offset == 0 {
            if !section.is_empty() {
                section.write_xref_section(out)?;
                section = XrefSection::new(number as u32 + 1);
            }
            continue;
        }
        if section.is_empty() {
            section = XrefSection::new(number as u32);
        }
        section.add_entry(lopdf::xref::XrefEntry::Normal {
            offset: offset as u32,
            generation,
        });
    }
    section.write_xref_section(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut doc = Document::with_version("1.7");
        // printpdf's documents have a cross-reference table, the one kind
        // `save` writes.
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let pages = doc.new_object_id();
        let page = doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages)),
        ]));
        doc.objects.insert(
            pages,
            Object::Dictionary(Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
                ("Count", Object::Integer(1)),
            ])),
        );
        doc.add_object(Object::Integer(42));
        doc.add_object(Object::Name(b"Odd name".to_vec()));
        doc.add_object(Object::Array(vec![
            Object::String(b"a(b)c)d(e\\f\rg".to_vec(), StringFormat::Literal),
            Object::String(vec![0xFE, 0xFF, 0, 65], StringFormat::Hexadecimal),
            Object::Real(1.25),
            Object::Real(-0.5),
            Object::Null,
            Object::Boolean(true),
            Object::Name("é/x".as_bytes().to_vec()),
            Object::Reference((1, 0)),
        ]));
        doc.add_object(lopdf::Stream::new(
            Dictionary::from_iter(vec![("Length", Object::Integer(3))]),
            b"abc".to_vec(),
        ));
        let catalog = doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
        ]));
        doc.trailer.set("Root", catalog);
        doc
    }

    #[test]
    fn writes_what_lopdf_writes() {
        let mut expected = Vec::new();
        sample().save_to(&mut expected).unwrap();
        let got = save(&mut sample(), RawObjects::default()).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&expected)
        );
    }

    #[test]
    fn raw_objects_take_their_place_by_number() {
        // Objects 3 and 5 of the lopdf document, serialized apart instead.
        let mut whole = sample();
        let mut expected = Vec::new();
        whole.save_to(&mut expected).unwrap();
        let mut doc = sample();
        let mut raw = RawObjects::default();
        for id in [(3, 0), (5, 0)] {
            let object = doc.objects.remove(&id).unwrap();
            raw.push(id, &object);
        }
        // Objects that need separators are not raw in practice; a
        // dictionary and an array are.
        let got = save(&mut doc, raw).unwrap();
        let text = String::from_utf8_lossy(&got);
        assert!(text.contains("3 0 obj\n42\nendobj"), "{text}");
        assert_eq!(got.len() + 2, expected.len());
    }

    #[test]
    fn a_gap_in_the_numbers_splits_the_table() {
        let mut doc = sample();
        doc.objects.remove(&(4, 0));
        let got = save(&mut doc, RawObjects::default()).unwrap();
        let text = String::from_utf8_lossy(&got);
        assert!(text.contains("xref\n0 4\n"), "{text}");
        assert!(text.contains("\n5 3\n"), "{text}");
    }
}
