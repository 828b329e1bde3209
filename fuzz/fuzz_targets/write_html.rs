//! The HTML writer on documents built from the fuzz input. Checks: no panic;
//! one page, UTF-8, its head and body once each, or a clear error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recto::write::{self, Format};

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let doc = recto_fuzz::document(&mut u);
    match write::write(Format::Html, &doc, &recto_fuzz::write_options()) {
        Ok(out) => {
            let page = std::str::from_utf8(&out.bytes).expect("the page is UTF-8");
            assert!(page.starts_with("<!DOCTYPE html>"));
            // No value of the document can end the head or a script early.
            assert_eq!(page.matches("</head>").count(), 1);
            assert_eq!(page.matches("</script>").count(), 1);
        }
        Err(e) => assert!(recto_fuzz::is_clear_error(&e), "an error without a message"),
    }
});
