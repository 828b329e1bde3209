//! Markdown reader + normalization. Checks: no panic (deep nesting included),
//! a valid tree after reading and after repair, and the plain-text writer
//! accepts the result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recto::{normalize, read, write};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (doc, _front_matter) = read::markdown::parse(&text);
    let problems = doc.validate();
    assert!(
        problems.is_empty(),
        "reader made an invalid tree: {problems:?}"
    );
    let (doc, _log) = normalize::normalize_document(doc, &normalize::Options::default());
    let problems = doc.validate();
    assert!(
        problems.is_empty(),
        "normalization made an invalid tree: {problems:?}"
    );
    let out = write::write(write::Format::Txt, &doc, &write::WriteOptions::default())
        .expect("the plain-text writer accepts every valid document");
    assert!(std::str::from_utf8(&out.bytes).is_ok());
});
