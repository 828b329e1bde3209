//! The jats writer on documents built from the fuzz input. Checks: no panic;
//! the output is well-formed XML with no character XML 1.0 forbids, or the writer answers with a clear error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recto::write::{self, Format};

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let doc = recto_fuzz::document(&mut u);
    match write::write(Format::Jats, &doc, &recto_fuzz::write_options()) {
        Ok(out) => {
            recto_fuzz::assert_well_formed_xml(&out.bytes, "JATS");
        }
        Err(e) => assert!(recto_fuzz::is_clear_error(&e), "an error without a message"),
    }
});
