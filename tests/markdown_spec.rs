//! The Markdown reader against the spec examples for tables, footnotes,
//! strikethrough and task lists: the examples of the CommonMark/GFM spec
//! and of pulldown-cmark's own extension specs, with the HTML the spec
//! expects (`tests/data/markdown-spec/`, vendored with their licences).
//!
//! Recto reads Markdown into its own model, not into HTML, so each example
//! is checked for what its expected HTML holds: the table cells row by row
//! (and the column alignments), the struck-out texts, the task boxes and
//! whether each is ticked, the footnotes and the references to them. The
//! few places where Recto reads differently on purpose are listed in
//! `DIFFERENT` with the reason.

mod common;

use recto::read::markdown;
use regex::Regex;
use serde_json::Value;

#[derive(serde::Deserialize)]
struct Example {
    name: String,
    markdown: String,
    html: String,
}

fn examples() -> Vec<Example> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/markdown-spec/examples.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Examples Recto reads differently on purpose, and why. Their words must
/// still all be read (nothing lost), with `~` aside.
const SINGLE_TILDE: &str = "a single tilde marks subscript (`H~2~O`), as in pandoc's Markdown, \
     which Recto's users write; GFM reads it as strikethrough, and `~~` is strikethrough in both";
const DIFFERENT: &[(&str, &str)] = &[
    ("gfm_strikethrough_test_1", SINGLE_TILDE),
    ("strikethrough_test_6", SINGLE_TILDE),
    ("strikethrough_test_7", SINGLE_TILDE),
    ("strikethrough_test_9", SINGLE_TILDE),
    ("strikethrough_test_15", SINGLE_TILDE),
];

/// What an example holds, in document order.
#[derive(Debug, Default, PartialEq)]
struct Facts {
    /// Each table row: its cells' text, whitespace collapsed.
    rows: Vec<Vec<String>>,
    /// Each table's column alignments (`left`, `center`, `right`, `default`).
    alignments: Vec<Vec<String>>,
    struck: Vec<String>,
    boxes: Vec<bool>,
    notes: usize,
    note_refs: usize,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an HTML fragment: tags dropped, the five entities decoded.
fn html_text(html: &str) -> String {
    let tags = Regex::new(r"<[^>]*>").unwrap();
    let text = tags.replace_all(html, "");
    collapse(
        &text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// The facts of the HTML the spec expects.
fn expected(html: &str) -> Facts {
    let row = Regex::new(r"(?s)<tr>(.*?)</tr>").unwrap();
    let cell = Regex::new(r#"(?s)<t[hd](?: style="text-align: (\w+)")?>(.*?)</t[hd]>"#).unwrap();
    let table = Regex::new(r"(?s)<table>(.*?)</table>").unwrap();
    let del = Regex::new(r"(?s)<del>(.*?)</del>").unwrap();
    let checkbox = Regex::new(r#"<input disabled="" type="checkbox"( checked="")?/>"#).unwrap();
    let mut facts = Facts::default();
    for t in table.captures_iter(html) {
        let rows: Vec<_> = row.captures_iter(&t[1]).collect();
        if let Some(first) = rows.first() {
            facts.alignments.push(
                cell.captures_iter(&first[1])
                    .map(|c| c.get(1).map_or("default", |m| m.as_str()).to_string())
                    .collect(),
            );
        }
        for r in rows {
            facts.rows.push(
                cell.captures_iter(&r[1])
                    .map(|c| html_text(&c[2]))
                    .collect(),
            );
        }
    }
    facts.struck = del.captures_iter(html).map(|c| html_text(&c[1])).collect();
    facts.boxes = checkbox
        .captures_iter(html)
        .map(|c| c.get(1).is_some())
        .collect();
    facts.notes = html.matches("class=\"footnote-definition\"").count();
    facts.note_refs = html.matches("class=\"footnote-reference\"").count();
    facts
}

/// The facts of the model Recto reads from `markdown`.
fn read(markdown: &str) -> Facts {
    let (doc, _) = markdown::parse(markdown);
    let json = serde_json::to_value(&doc).unwrap();
    let mut facts = Facts {
        notes: json["notes"].as_array().map_or(0, Vec::len),
        ..Facts::default()
    };
    collect(&json, &mut facts);
    facts
}

fn collect(v: &Value, facts: &mut Facts) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, facts)),
        Value::Object(map) => {
            match map.get("t").and_then(Value::as_str) {
                Some("Table") => {
                    let table = &map["table"];
                    facts.alignments.push(
                        table["columns"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|c| c.as_str().unwrap().to_string())
                            .collect(),
                    );
                    for part in ["head", "body"] {
                        for row in table[part].as_array().into_iter().flatten() {
                            facts.rows.push(
                                row["cells"]
                                    .as_array()
                                    .unwrap()
                                    .iter()
                                    .map(|c| common::model_json_text(&c["content"]))
                                    .collect(),
                            );
                        }
                    }
                }
                Some("Strikeout") => facts.struck.push(common::model_json_text(&map["c"])),
                Some("Checkbox") => facts.boxes.push(map["c"].as_bool().unwrap()),
                Some("NoteRef") => facts.note_refs += 1,
                _ => {}
            }
            // Notes are counted from the document's list; their content
            // (and a table inside a struck-out span) is walked all the same.
            for (k, child) in map {
                if k != "t" && k != "span" {
                    collect(child, facts);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn the_reader_holds_what_the_spec_examples_expect() {
    let examples = examples();
    assert!(examples.len() >= 80, "{} examples", examples.len());
    let mut failures = Vec::new();
    for ex in &examples {
        if DIFFERENT.iter().any(|(name, _)| *name == ex.name) {
            let (doc, _) = markdown::parse(&ex.markdown);
            let text = common::model_json_text(&serde_json::to_value(&doc).unwrap()["blocks"]);
            let words = |s: &str| -> Vec<String> {
                s.split(|c: char| c.is_whitespace() || c == '~')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            if words(&text) != words(&html_text(&ex.html)) {
                failures.push(format!("{}: words lost or changed: {text:?}", ex.name));
            }
            continue;
        }
        let (want, got) = (expected(&ex.html), read(&ex.markdown));
        if want != got {
            failures.push(format!(
                "{}:\n--- markdown\n{}--- expected\n{want:?}\n--- read\n{got:?}",
                ex.name, ex.markdown
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples differ:\n\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n\n")
    );
}
