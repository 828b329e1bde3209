//! Raw text to the model: blocks are runs of non-blank lines; each line
//! break inside a block is a `SoftBreak`. Structure (headings, lists, the
//! title) is left to normalization, which sees the same lines.

use crate::model::{Block, Document, Inline, Span, inlines_from_text};

/// Reads raw text (already decoded, `\n` line ends) into paragraphs.
/// Never fails: every non-blank line ends up in exactly one block.
pub fn parse(text: &str) -> Document {
    let mut blocks = Vec::new();
    let mut current: Vec<Inline> = Vec::new();
    let mut start = 0u32;
    let mut end = 0u32;
    for (i, line) in text.split('\n').enumerate() {
        let number = i as u32 + 1;
        if is_blank(line) {
            flush(&mut blocks, &mut current, start, end);
            continue;
        }
        if current.is_empty() {
            start = number;
        } else {
            current.push(Inline::SoftBreak);
        }
        current.extend(inlines_from_text(line));
        end = number;
    }
    flush(&mut blocks, &mut current, start, end);
    Document {
        blocks,
        ..Document::default()
    }
}

/// A line with nothing but whitespace (form feeds included) on it.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

fn flush(blocks: &mut Vec<Block>, current: &mut Vec<Inline>, start: u32, end: u32) {
    if !current.is_empty() {
        blocks.push(Block::paragraph(
            std::mem::take(current),
            Span::lines(start, end),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    #[test]
    fn blocks_split_on_blank_lines_with_spans() {
        let doc = parse("\n\nTitle\n\nOne line\nwrapped here.\n \nLast");
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.blocks[0].span(), Span::line(3));
        assert_eq!(doc.blocks[1].span(), Span::lines(5, 6));
        assert_eq!(doc.blocks[2].span(), Span::line(8));
        let inl = doc.blocks[1].inlines().unwrap();
        assert!(inl.contains(&Inline::SoftBreak));
        assert_eq!(plain_text(inl), "One line wrapped here.");
        assert!(doc.validate().is_empty());
    }

    #[test]
    fn form_feed_lines_are_blank() {
        assert_eq!(parse("a\n\u{c}\nb").blocks.len(), 2);
    }

    #[test]
    fn empty_text_is_an_empty_document() {
        assert!(parse("").blocks.is_empty());
        assert!(parse(" \n\t\n").blocks.is_empty());
    }
}

/// The keys of the `Key: value` header Recto writes at the top of its text
/// edition (`templates/txt/header.txt`).
const HEADER_KEYS: &[&str] = &[
    "Title",
    "Subtitle",
    "Author",
    "Date",
    "Language",
    "Identifier",
    "Publisher",
    "Series",
    "Keywords",
    "License",
    "Abstract",
];

/// The metadata header of a Recto text edition, read back: the first lines
/// of `text` when they are `Key: value` lines with the keys of the header
/// (the first one `Title:`, at least two keys), continuation lines indented
/// by two spaces. Returns the fields as front matter (a JSON object, which
/// the YAML front matter reader reads) and the number of header lines.
/// The abstract is left out: the body repeats it with its paragraphs.
pub fn recto_header(text: &str) -> Option<(String, usize)> {
    let mut entries: Vec<(&str, String)> = Vec::new();
    let mut count = 0;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            break;
        }
        if let Some(more) = line.strip_prefix("  ") {
            let (_, value) = entries.last_mut()?;
            value.push(' ');
            value.push_str(more.trim());
        } else {
            let (key, value) = line.split_once(": ")?;
            let key = HEADER_KEYS.iter().find(|k| **k == key)?;
            entries.push((key, value.trim().to_string()));
        }
        count += 1;
    }
    if entries.len() < 2 || entries[0].0 != "Title" {
        return None;
    }
    let mut fields = serde_json::Map::new();
    let mut authors = Vec::new();
    for (key, value) in entries {
        match key {
            "Abstract" => {}
            "Author" => authors.push(header_author(&value)),
            "Keywords" => {
                let list: Vec<&str> = value.split(", ").collect();
                fields.insert("keywords".into(), list.into());
            }
            _ => {
                fields.insert(key.to_lowercase(), value.into());
            }
        }
    }
    if !authors.is_empty() {
        fields.insert("authors".into(), authors.into());
    }
    Some((serde_json::Value::Object(fields).to_string(), count))
}

/// `Name (Affiliation; Other) <email>`, as the header writes an author.
fn header_author(text: &str) -> serde_json::Value {
    let mut rest = text.trim();
    let mut author = serde_json::Map::new();
    if let Some(open) = rest.rfind(" <")
        && rest.ends_with('>')
    {
        author.insert("email".into(), rest[open + 2..rest.len() - 1].into());
        rest = rest[..open].trim_end();
    }
    if rest.ends_with(')')
        && let Some(open) = rest.find(" (")
    {
        let affiliations: Vec<&str> = rest[open + 2..rest.len() - 1].split("; ").collect();
        author.insert("affiliations".into(), affiliations.into());
        rest = rest[..open].trim_end();
    }
    author.insert("name".into(), rest.into());
    serde_json::Value::Object(author)
}

#[cfg(test)]
mod header_tests {
    use super::*;

    #[test]
    fn the_text_edition_header_reads_back() {
        let text = "Title: One Year After the Kazan Summit: An Assessment of\n  China-India Relations\nAuthor: Ivan Lidarev (Institute of South Asian Studies; NUS) <i@nus.edu.sg>\nAuthor: Bo Chan\nKeywords: a, b\nAbstract: Short.\n  More.\n\nOne Year\n";
        let (json, lines) = recto_header(text).unwrap();
        assert_eq!(lines, 7);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            v["title"],
            "One Year After the Kazan Summit: An Assessment of China-India Relations"
        );
        assert_eq!(v["authors"][0]["name"], "Ivan Lidarev");
        assert_eq!(v["authors"][0]["email"], "i@nus.edu.sg");
        assert_eq!(v["authors"][0]["affiliations"][1], "NUS");
        assert_eq!(v["authors"][1]["name"], "Bo Chan");
        assert_eq!(v["keywords"][1], "b");
        assert!(v.get("abstract").is_none());
    }

    #[test]
    fn ordinary_text_has_no_header() {
        assert!(recto_header("Title: only one key\n\nBody.\n").is_none());
        assert!(recto_header("Note: this\nAuthor: x\n").is_none());
        assert!(recto_header("A title\nAuthor: x\n").is_none());
    }
}
