//! The list of rejected edits an editor downloads from the review page: one
//! edit id per line (`e` and 12 hex digits); `#` starts a comment.

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::{Error, Result};

/// Reads a reject list, refusing anything that is not an edit id (naming
/// the file and line), so that a wrong file is not taken for an empty list.
pub fn read(path: &Path) -> Result<BTreeSet<String>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(&text).map_err(|(line, token)| {
        Error::Usage(format!(
            "{}:{line}: `{token}` is not an edit id (e and 12 hex digits, as the review page downloads them)",
            path.display()
        ))
    })
}

/// The ids of a reject list, or the line and token that is not one.
pub fn parse(text: &str) -> std::result::Result<BTreeSet<String>, (usize, String)> {
    let mut ids = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        for token in line.split([' ', '\t', ',']).filter(|t| !t.is_empty()) {
            if !is_edit_id(token) {
                return Err((i + 1, token.to_string()));
            }
            ids.insert(token.to_string());
        }
    }
    Ok(ids)
}

/// `e` followed by 12 lowercase hex digits (see `normalize::edit_id`).
pub fn is_edit_id(token: &str) -> bool {
    token.len() == 13
        && token.starts_with('e')
        && token[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_with_comments_and_refuse_strangers() {
        let ids = parse(
            "# rejected on the review page\ne0123456789ab\n\ne0123456789ab, efedcba987654 # two\n",
        )
        .unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(parse("e0123456789ab\nby22\n"), Err((2, "by22".into())));
        assert!(parse("E0123456789AB").is_err());
    }
}
