//! The txt writer on documents built from the fuzz input. Checks: no panic;
//! the output is valid UTF-8, or the writer answers with a clear error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recto::write::{self, Format};

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let doc = recto_fuzz::document(&mut u);
    match write::write(Format::Txt, &doc, &recto_fuzz::write_options()) {
        Ok(out) => {
            assert!(
                std::str::from_utf8(&out.bytes).is_ok(),
                "plain text is UTF-8"
            );
        }
        Err(e) => assert!(recto_fuzz::is_clear_error(&e), "an error without a message"),
    }
});
