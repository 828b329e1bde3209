//! The pdf edition (being built).

use crate::error::{Error, Result};
use crate::model::Document;

use super::{Output, WriteOptions};

pub fn write(_doc: &Document, _options: &WriteOptions) -> Result<Output> {
    Err(Error::write(
        "pdf",
        "this edition is not available in this build yet; choose from txt, ast",
    ))
}
pub mod page;
