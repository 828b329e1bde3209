//! The epub writer on documents built from the fuzz input. Checks: no panic;
//! the output is a readable zip with mimetype first and well-formed XML/XHTML entries, or the writer answers with a clear error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recto::write::{self, Format};

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let doc = recto_fuzz::document(&mut u);
    match write::write(Format::Epub, &doc, &recto_fuzz::write_options()) {
        Ok(out) => {
            recto_fuzz::assert_readable_epub(&out.bytes);
        }
        Err(e) => assert!(recto_fuzz::is_clear_error(&e), "an error without a message"),
    }
});
