//! Golden tests of the readers: each file in tests/data is read (without
//! normalization) and its document model compared with tests/golden.
//! `UPDATE_GOLDEN=1 cargo test --test readers` rewrites the golden files;
//! review the diff before committing.

use std::path::Path;

use recto::read::{self, InputFormat};

fn check(name: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("tests/data").join(name);
    let bytes = std::fs::read(&input).unwrap();
    let text = read::decode(&bytes, &input, false).unwrap();
    let doc = match InputFormat::from_path(&input) {
        InputFormat::Text => read::text::parse(&text),
        InputFormat::Markdown => read::markdown::parse(&text).0,
    };
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
    let json = doc.to_json();
    let golden = root.join("tests/golden").join(format!("{name}.ast.json"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &json).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", golden.display()));
    assert_eq!(json, expected, "{name}: the reader's model changed");
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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["wrapped-brief.txt.ast.json", "structured.md.ast.json"] {
        let json = std::fs::read_to_string(root.join("tests/golden").join(name)).unwrap();
        let doc = recto::model::Document::from_json(&json).unwrap();
        assert_eq!(doc.to_json(), json);
    }
}
