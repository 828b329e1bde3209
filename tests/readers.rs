//! Golden tests of the readers: each file in tests/data is read (without
//! normalization) and its document model compared with tests/golden.
//! `UPDATE_GOLDEN=1 cargo test --test readers` rewrites the golden files;
//! review the diff before committing.

mod common;

use recto::read::{self, InputFormat};

fn check(name: &str) {
    let input = common::data(name);
    let bytes = std::fs::read(&input).unwrap();
    let text = read::decode(&bytes, &input, false).unwrap();
    let doc = match InputFormat::from_path(&input) {
        InputFormat::Text => read::text::parse(&text),
        InputFormat::Markdown => read::markdown::parse(&text).0,
    };
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
    let json = doc.to_json();
    common::golden::assert_golden(
        &format!("{name}.ast.json"),
        &json,
        &format!("{name}: the reader's model"),
    );
}

#[test]
fn raw_text_reader_golden() {
    check("wrapped-brief.txt");
}

#[test]
fn markdown_reader_golden() {
    check("structured.md");
}

#[test]
fn json_form_round_trips() {
    for name in ["wrapped-brief.txt.ast.json", "structured.md.ast.json"] {
        let json = std::fs::read_to_string(common::root().join("tests/golden").join(name)).unwrap();
        let doc = recto::model::Document::from_json(&json).unwrap();
        assert_eq!(doc.to_json(), json);
    }
}
