//! The errors Recto reports. Each says what failed, where, and what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: invalid UTF-8 at byte {offset} (line {line}); convert the file to UTF-8, or pass --lossy to replace bad bytes with U+FFFD",
        path.display()
    )]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
    },
    #[error("{}: looks binary, not text ({what}); give Recto a .txt or .md file", path.display())]
    Binary { path: PathBuf, what: String },
    #[error("{}: the file has no text (it is empty or only whitespace); nothing to convert", path.display())]
    Empty { path: PathBuf },
    #[error(
        "{}: {size} bytes is more than the limit of {limit} bytes; raise it with --max-input-size",
        path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}:{line}: {message}", path.display())]
    Metadata {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(
        "{}: not written: the {profile} profile needs what the document lacks:\n{list}\nGive it in the metadata file or with --set KEY=VALUE (see `recto check --profile {profile}`)",
        path.display()
    )]
    Incomplete {
        path: PathBuf,
        profile: &'static str,
        /// The missing fields, one per line.
        list: String,
    },
    #[error("{0}")]
    Usage(String),
    #[error(
        "internal error (a bug in Recto; this document was skipped, please report it with the input): {0}"
    )]
    Internal(String),
    #[error("{format} writer: {message}")]
    Write {
        format: &'static str,
        message: String,
    },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn write(format: &'static str, message: impl std::fmt::Display) -> Error {
        Error::Write {
            format,
            message: message.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
