//! Recto repairs damaged text into one document model and writes PDF, EPUB 3,
//! JATS XML and plain-text editions from it.
//!
//! ```
//! use recto::{normalize, write};
//!
//! let raw = "A Title\n\nSome text that was\nwrapped by hand.\n";
//! let (doc, log) = normalize::normalize_text(raw, &normalize::Options::default());
//! let txt = write::write(write::Format::Txt, &doc, &write::WriteOptions::default()).unwrap();
//! assert!(String::from_utf8(txt.bytes).unwrap().contains("wrapped by hand."));
//! # let _ = log;
//! ```

pub mod batch;
pub mod cli;
pub mod convert;
pub mod error;
pub mod fsutil;
pub mod hash;
pub mod meta;
pub mod model;
pub mod normalize;
pub mod read;
pub mod review;
pub mod write;

pub use error::{Error, Result};
