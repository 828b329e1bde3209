//! Raw text reader + normalization: bytes are decoded leniently, read and
//! repaired. Checks: no panic, a valid tree, no letter or digit lost without
//! a log entry, and repairing the repaired text again changes nothing (the
//! passes are idempotent on their own output).
#![no_main]

use libfuzzer_sys::fuzz_target;
use recto::{normalize, read, write};

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.txt");
    // Binary-looking data is refused by the decoder: that is an answer too.
    let Ok(text) = read::decode(data, path, true) else {
        return;
    };
    let options = normalize::Options::default();
    let (doc, log) = normalize::normalize_text(&text, &options);
    let problems = doc.validate();
    assert!(problems.is_empty(), "invalid tree: {problems:?}");
    recto_fuzz::assert_nothing_lost(&text, &recto_fuzz::document_text(&doc), &log);

    let once = write::txt::render_repaired(&doc, false);
    let (again, _) = normalize::normalize_text(&once, &options);
    let twice = write::txt::render_repaired(&again, false);
    assert_eq!(once, twice, "normalizing the repaired text changed it");
});
