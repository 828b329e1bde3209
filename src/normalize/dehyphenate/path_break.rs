//! Paths and addresses broken at a line end.
//!
//! A typesetter may break a long path after one of its slashes ("target/" /
//! "debug/", "src/a/" / "mod.rs") or an address inside its host name
//! ("https://crates." / "io/"), and an extractor then sets a space between
//! the halves: the path the reader should copy is gone. Whether a space
//! stood there only the document can tell ("copy build/" / "dist/ to it" is
//! two paths), so the halves are joined where the document writes the joined
//! path elsewhere, whole or as the start of a longer one ("target/debug/"
//! from "target/debug/foo.d"), and never inside a list of paths set one per
//! line. An address broken after its scheme ("https:" / "//www.acm.org")
//! needs no such proof: no text sets a space between `https:` and `//`.

use rustc_hash::FxHashSet;

use crate::normalize::lines::Line;

/// A path's prefixes are kept up to this many slashes: deeper ones make the
/// set grow with the square of a pathological token's length.
const MAX_PREFIXES: usize = 16;

/// Characters that open a path's token without being part of it.
const OPENERS: &[char] = &['(', '[', '{', '"', '\'', '`', '“', '‘'];

/// Characters that close a path's token (or its sentence) without being
/// part of it. A slash is the path's own.
const CLOSERS: &[char] = &[
    ')', ']', '}', '"', '\'', '`', '”', '’', ',', ';', ':', '.', '!', '?',
];

/// "available at https:" / "//www.acm.org/publications": a URL broken
/// after its scheme. Gives the text before and after the join.
pub fn url_join(first: &str, next: &str) -> Option<(String, String)> {
    let a = first.split_whitespace().last()?;
    let b = next.split_whitespace().next()?;
    let scheme = a.strip_suffix(':')?;
    let address = b.strip_prefix("//")?;
    let glued = matches!(
        scheme.to_ascii_lowercase().as_str(),
        "http" | "https" | "ftp"
    ) && address.starts_with(|c: char| c.is_ascii_alphanumeric());
    glued.then(|| (format!("{a} {b}"), format!("{a}{b}")))
}

/// The paths and addresses a document writes, each also as every start of
/// it that ends at a slash: the spellings a broken path is checked against.
pub struct PathSpellings(FxHashSet<String>);

impl PathSpellings {
    pub fn of(lines: &[Line]) -> PathSpellings {
        let mut set = FxHashSet::default();
        let tokens = lines
            .iter()
            .filter(|l| l.text.contains('/'))
            .flat_map(|l| l.text.split_whitespace())
            .filter(|t| t.contains('/'));
        for token in tokens {
            let token = without_soft_hyphens(token);
            let path = trim_path(&token);
            for (n, (at, _)) in path.match_indices('/').enumerate() {
                if n == MAX_PREFIXES {
                    break;
                }
                set.insert(path[..=at].to_string());
            }
            set.insert(path.to_string());
        }
        PathSpellings(set)
    }

    fn writes(&self, path: &str) -> bool {
        self.0.contains(path)
    }
}

/// A path broken at the end of line `i`, going on at the start of line `j`:
/// its shape only, before any evidence is read. Gives the halves.
pub fn candidate(lines: &[Line], i: usize, j: usize) -> Option<(&str, &str)> {
    let a = lines[i].text.split_whitespace().last()?;
    let b = lines[j].text.split_whitespace().next()?;
    let head = a.trim_start_matches(OPENERS);
    let mut before_end = head.chars().rev().skip(1);
    let broken = if head.ends_with('/') {
        // "target/", "<build-dir>/", "${index(1)}/"; not a comment's "*/".
        before_end
            .next()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '>' | ')' | '}' | '_'))
    } else {
        // "https://crates." inside the host name.
        head.ends_with('.')
            && head.contains("://")
            && before_end.next().is_some_and(char::is_alphanumeric)
    };
    let mut rest = b.chars();
    let opens_a_part = match rest.next() {
        Some(c) if c.is_alphanumeric() => !c.is_uppercase(),
        Some('_' | '<' | '$') => true,
        Some('.') => rest.next().is_some_and(char::is_alphanumeric),
        _ => false,
    };
    // A part of a path opens the next line, not a path of its own.
    (broken && opens_a_part && !b.contains("://")).then_some((a, b))
}

/// Whether the halves `a` and `b` of [`candidate`] are one path: `Ok` with
/// the evidence for the log, `Err` with what is missing where `b` looks
/// like a part of a path, `None` where it reads as the sentence going on
/// after a path ("bin/" / "directory").
pub fn decide(
    lines: &[Line],
    i: usize,
    j: usize,
    (a, b): (&str, &str),
    spellings: &PathSpellings,
) -> Option<Result<String, String>> {
    let joined = without_soft_hyphens(&format!("{a}{b}"));
    let path = trim_path(&joined);
    let written = spellings.writes(path);
    if !written && !b.contains('/') && !is_file_name(b) {
        return None;
    }
    Some(if !written {
        Err(format!(
            "the document writes '{path}' nowhere, and '{a}' may end a path of its own"
        ))
    } else if in_list_of_paths(lines, i, j) {
        Err(format!(
            "the lines around hold a path each, a list, though the document writes '{path}'"
        ))
    } else {
        Ok(format!("the document writes '{path}'"))
    })
}

/// Whether the line before `i` or after `j` (with no blank between) holds
/// nothing but one path, as a list of paths set one per line does.
fn in_list_of_paths(lines: &[Line], i: usize, j: usize) -> bool {
    let lone_path = |k: usize| {
        let mut tokens = lines[k].text.split_whitespace();
        let one = tokens.next();
        tokens.next().is_none() && one.is_some_and(|t| t.contains('/') || is_file_name(t))
    };
    (i > 0 && !lines[i - 1].is_blank() && lone_path(i - 1))
        || (j + 1 < lines.len() && !lines[j + 1].is_blank() && lone_path(j + 1))
}

/// A token without the soft hyphens a typesetter set inside it: the
/// document's spelling of a path has none.
fn without_soft_hyphens(token: &str) -> String {
    token.chars().filter(|&c| c != '\u{AD}').collect()
}

/// A path's token without what opens or closes it: "(see" no, "`src/a/`,"
/// becomes "src/a/".
fn trim_path(token: &str) -> &str {
    token.trim_start_matches(OPENERS).trim_end_matches(CLOSERS)
}

/// "template.tex", "style.css,": a name with a dot inside before a
/// lower-case letter, the end of a file's name ("asmejour-" /
/// "template.tex"), whose spelling only the document knows; not two
/// sentences glued at their full stop ("national.The").
pub fn is_file_name(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == '.' && w[0].is_alphanumeric() && w[2].is_lowercase())
}
