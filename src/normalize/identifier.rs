//! Tokens that are names from code, paths, numbers or formulas, not words
//! of prose: `/dev/cdrom`, `stoch_simul`, `std::ops::Add`, `ISO 8859-1`,
//! `atan2(y,x)`, `IsTerminal`, `comm.Bcast`.
//!
//! The token passes (dehyphenate, joined-lines, hyphen-restore, spacing)
//! read a word list and the document's vocabulary to decide where a hyphen
//! or a space belongs. Those guesses are made for words; an identifier has
//! its own spelling, which no list knows. So in such a token a pass changes
//! nothing unless the document itself writes the exact result elsewhere.

use rustc_hash::FxHashSet as HashSet;

use super::lexicon::Lower;
use crate::model::Block;

/// Characters that never occur inside a word of prose. All ASCII, so one
/// byte test finds them (no byte of a multi-byte character is ASCII). Not
/// `%`: "by22%" is prose that lost a space.
const CODE_CHARS: &[u8] = b"/\\@_=<>{}[]|#`~^$&*+";

/// One bit per byte of [`CODE_CHARS`].
const CODE_MASK: u128 = {
    let mut mask = 0u128;
    let mut i = 0;
    while i < CODE_CHARS.len() {
        mask |= 1 << CODE_CHARS[i];
        i += 1;
    }
    mask
};

/// Mathematical operators that typeset formulas hold and words do not.
const MATH_CHARS: &[char] = &['−', '×', '÷', '∗', '≤', '≥', '≠', '→', '∈'];

/// Why a token is an identifier, for the repair log. `None`: a word.
pub fn identifier_reason(token: &str) -> Option<&'static str> {
    // Opening punctuation, and closing punctuation of a sentence, are not
    // part of the name: "(see" and "done." are words.
    let core = token
        .trim_start_matches(['(', '[', '{', '"', '\'', '“', '‘', '«'])
        .trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '”', '’', '»',
        ]);
    let bytes = core.as_bytes();
    // Most tokens of prose are a word in lower case or capitalised: none
    // of the shapes below (code characters, digits, dots, brackets, a
    // capital after a lower-case letter) can occur, so one pass settles it.
    if let Some((first, rest)) = bytes.split_first()
        && first.is_ascii_alphabetic()
        && rest.iter().all(u8::is_ascii_lowercase)
    {
        return None;
    }
    if bytes.iter().any(|&b| b < 128 && CODE_MASK >> b & 1 == 1) {
        return Some("a code character");
    }
    // One pass over pairs of bytes: `str::contains` sets up a substring
    // search per call, and every token of every round passes here.
    if bytes.windows(2).any(|w| w == b"::" || w == b"->") {
        return Some("a path of names (::, ->)");
    }
    if core.is_ascii() {
        // The common case, without collecting characters: the same tests
        // on bytes (no math operator is ASCII).
        return shape_reason(bytes);
    }
    if core.contains(MATH_CHARS) {
        return Some("a mathematical operator");
    }
    let chars: Vec<char> = core.chars().collect();
    shape_reason(&chars)
}

/// One unit of a token as the shape tests read it: a byte of an ASCII
/// token (the common case, read without collecting characters) or a
/// character of any other.
trait Unit: Copy {
    fn alnum(self) -> bool;
    fn digit(self) -> bool;
    fn lower(self) -> bool;
    fn upper(self) -> bool;
    fn opens_arguments(self) -> bool;
    fn dot(self) -> bool;
}

impl Unit for u8 {
    fn alnum(self) -> bool {
        self.is_ascii_alphanumeric()
    }
    fn digit(self) -> bool {
        self.is_ascii_digit()
    }
    fn lower(self) -> bool {
        self.is_ascii_lowercase()
    }
    fn upper(self) -> bool {
        self.is_ascii_uppercase()
    }
    fn opens_arguments(self) -> bool {
        matches!(self, b'(' | b'[')
    }
    fn dot(self) -> bool {
        self == b'.'
    }
}

impl Unit for char {
    fn alnum(self) -> bool {
        self.is_alphanumeric()
    }
    fn digit(self) -> bool {
        self.is_ascii_digit()
    }
    fn lower(self) -> bool {
        self.is_lowercase()
    }
    fn upper(self) -> bool {
        self.is_uppercase()
    }
    fn opens_arguments(self) -> bool {
        matches!(self, '(' | '[')
    }
    fn dot(self) -> bool {
        self == '.'
    }
}

/// [`identifier_reason`] past its code characters, paths and operators:
/// digits, calls and indexes, dotted names, camel case.
fn shape_reason<U: Unit>(units: &[U]) -> Option<&'static str> {
    let alnum = |i: usize| units.get(i).is_some_and(|u| u.alnum());
    // "in1", "x86", "8859-1", "3.5": names with digits and numbers are
    // spelled as they are.
    if units.iter().any(|u| u.digit()) {
        return Some(DIGITS);
    }
    let mut inner_dots = 0;
    for (i, &u) in units.iter().enumerate() {
        if i == 0 || !alnum(i - 1) {
            continue;
        }
        // "atan(x)", "f[i]": a name applied to arguments.
        if u.opens_arguments() {
            return Some("a call or an index");
        }
        if u.dot() && alnum(i + 1) {
            // "U.S", "e.g": single letters between dots are an
            // abbreviation; "comm.Bcast", "example.com" are names.
            let left = units[..i].iter().rev().take_while(|u| u.alnum()).count();
            let right = units[i + 1..].iter().take_while(|u| u.alnum()).count();
            if left > 1 || right > 1 {
                inner_dots += 1;
            }
        }
    }
    if inner_dots >= 2 {
        return Some("a dotted name");
    }
    if is_camel_case(units) {
        return Some(CAMEL_CASE);
    }
    None
}

/// Whether `token` is an identifier (see [`identifier_reason`]).
pub fn is_identifier(token: &str) -> bool {
    identifier_reason(token).is_some()
}

/// An identifier by its code characters, `::`, a call, a dotted name or a
/// formula: shapes that no loss of spaces makes. Text that lost its spaces
/// glues words to numbers ("by22", "State,18F,and") and to capitalised
/// words ("aRequest", "allowState"), so digits and camel case alone are
/// left to the spacing rules to weigh.
pub fn is_code_name(token: &str) -> bool {
    is_code_reason(identifier_reason(token))
}

/// [`is_code_name`] for a reason from [`identifier_reason`] (a caller that
/// asks more than one question of a token reads it once).
pub fn is_code_reason(reason: Option<&str>) -> bool {
    reason.is_some_and(|r| r != DIGITS && r != CAMEL_CASE)
}

/// Whether the only reason a token is an identifier is its camel case, for
/// a reason from [`identifier_reason`].
pub fn is_camel_case_reason(reason: Option<&str>) -> bool {
    reason == Some(CAMEL_CASE)
}

const DIGITS: &str = "digits";
const CAMEL_CASE: &str = "a camel-case name";

/// A lower-case letter, then an upper-case one followed by a lower-case one
/// ("nLocalVars", "IsTerminal", "OperatorExpression"): the shape of a name
/// in code. An acronym glued to a word ("anMSRVwould") is not this shape,
/// nor is a name with a capital prefix ("McDonald" is, and it is a name,
/// which no pass should change either).
fn is_camel_case<U: Unit>(units: &[U]) -> bool {
    units
        .windows(3)
        .any(|w| w[0].lower() && w[1].upper() && w[2].lower())
}

/// Whether a token holds one dot between two runs of letters or digits of
/// which one is longer than a letter ("comm.Bcast", "Node.js",
/// "infrastructure.It"): either a name or a sentence end that lost its space.
pub fn has_inner_dot(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == '.' && w[0].is_alphanumeric() && w[2].is_alphanumeric())
}

/// The runs of three letters or more that the document writes in code: in
/// its code blocks, at any depth, and in the TeX commands its prose
/// mentions (`\RequirePackage{ifthen}`); and the dotted names of its code
/// blocks (`as.date` from `as.Date("2008-01-01")`). Lower-cased. Other
/// shapes of code in prose are not read: in text that lost its spaces, a
/// citation glued into one token ("ACM,NewYork,NY,USA,6pages.https://...")
/// looks like a name of code too.
pub fn code_words(blocks: &[Block], body: &[String]) -> HashSet<String> {
    let mut words = HashSet::default();
    let add = |words: &mut HashSet<String>, code: &str| {
        for run in code.split(|c: char| !c.is_alphabetic()) {
            let run = Lower::new(run, str::to_lowercase);
            if run.as_str().chars().nth(2).is_some() && !words.contains(run.as_str()) {
                words.insert(run.into_string());
            }
        }
    };
    for_each_code_block(blocks, &mut |code| {
        add(&mut words, code);
        for name in code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')) {
            let name = name.trim_matches('.');
            // A dotted name, or one with digits ("out1"): the prose
            // mentions it as the code spells it.
            let with_digits =
                name.contains(|c: char| c.is_ascii_digit()) && name.contains(char::is_alphabetic);
            if has_inner_dot(name) || with_digits {
                words.insert(name.to_lowercase());
            }
        }
    });
    // Only a text with a backslash can name a TeX command: most have none.
    for token in body
        .iter()
        .filter(|text| text.contains('\\'))
        .flat_map(|text| text.split_whitespace())
    {
        if token.starts_with('\\') && is_code_name(token) {
            add(&mut words, token);
        }
    }
    words
}

/// Calls `f` on the text of every code block in `blocks`, at any depth.
fn for_each_code_block(blocks: &[Block], f: &mut dyn FnMut(&str)) {
    for block in blocks {
        match block {
            Block::CodeBlock { text, .. } => f(text),
            Block::List { items, .. } => {
                for item in items {
                    for_each_code_block(item, f);
                }
            }
            Block::BlockQuote { blocks, .. } => for_each_code_block(blocks, f),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_tokens_are_identifiers() {
        for t in [
            "/dev/cdrom",
            "stoch_simul",
            "std::ops::Add",
            "8859-1",
            "atan2(y,x)",
            "atan(x)",
            "IsTerminal",
            "nLocalVars",
            "CS.Berkeley.EDU",
            "Bigarray.Array2.t",
            "$BUILDTOOLS",
            "in1",
            "mpi2-report.html",
            "glp_iptcp,",
            "(K−1−k",
            "a->b",
            "key=value",
        ] {
            assert!(is_identifier(t), "{t}");
        }
    }

    #[test]
    fn ascii_tokens_are_judged_as_by_their_characters() {
        // The byte path for ASCII tokens gives the reasons of the
        // character path.
        for t in [
            "word",
            "in1",
            "atan(x)",
            "f[i]",
            "CS.Berkeley.EDU",
            "U.S",
            "e.g",
            "a.b.c",
            "IsTerminal",
            "McDonald",
            "anMSRVwould",
            "x.",
            ".x",
            "ab.cd",
            "ab.cd.ef",
            "(word",
            "a(",
            "[x",
            "x..y",
            "",
        ] {
            let chars: Vec<char> = t.chars().collect();
            assert_eq!(shape_reason(t.as_bytes()), shape_reason(&chars), "{t}");
        }
    }

    #[test]
    fn words_are_not() {
        for t in [
            "word",
            "(including",
            "done.",
            "U.S.",
            "e.g.,",
            "China-India",
            "long-suspended",
            "don’t",
            "“quoted”",
            "anMSRVwould",
            "MSRV",
            "infrastructure.It",
            "twofish",
            "monostable",
            "Smith-Waterman",
        ] {
            assert!(!is_identifier(t), "{t}");
        }
    }
}
