//! Console sessions: where the output of a command after a shell prompt ends.
//!
//! A listing that shows a session prints a prompt line (`$ cargo check`)
//! and then what the program wrote: progress records (`Downloaded clap
//! v4.4.8`, `Adding errno v0.3.6`), diagnostics (`error: ...` and the
//! lines its message wraps onto). Those lines have few of the symbols a
//! line of code has, so the region grows over them only while they are
//! short, and the rest of the output turns into paragraphs. Taking every
//! line up to the next blank line is no answer: extractors that write no
//! blank lines (pypdf) go straight on with the next paragraph.
//!
//! So a line after the prompt is output only when it has the shape of a
//! log line, from its own characters and its neighbours':
//!
//! - a diagnostic: a lower-case word and a colon open it (`error:`,
//!   `warning:`, `note:`), and the lines its message wraps onto after it,
//!   which go on without a capital and end no sentence;
//! - a record: no sentence of plain words and no sentence end, with a
//!   version (`v0.6.4`, `1.64.0`) in it, or a code signal, or the same
//!   first word as the record next to it (a run of `Checking ...` lines),
//!   or a name (`crates.io`) when the line after it is output too.
//!
//! The output ends at the first line that has neither shape: a sentence
//! (words of prose, or a sentence end), a heading, a lead-in, a list item.
//! No line after it is taken, so a paragraph that follows the session
//! without a blank line stays a paragraph.

use super::code::{self, Signal};
use crate::normalize::lines::Line;
use crate::normalize::structure::list_marker;

/// How one line after a prompt reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// A diagnostic or a line its message wraps onto: the lines after it
    /// may go on with the message.
    Message,
    /// A record of the program's output, or a line of code.
    Record,
    /// A line with a name (`crates.io`) and no other shape of a log line:
    /// a record only when the line after it is output.
    Named,
    /// Not output: the session ends before this line, for this reason.
    End(&'static str),
}

/// Why a name line ends the session when the line after it is not output.
const NO_SHAPE: &str = "no shape of a log line";

/// Where the output after the session in `start..=end` ends, within the
/// unit that ends at `unit_end`: the last line of the output (at least
/// `end`), and the first line after it that was not taken, with the reason,
/// when one in the unit was read and refused. A region without a prompt
/// line is returned as it is.
pub fn output_end(
    lines: &[Line],
    signals: &[Signal],
    start: usize,
    end: usize,
    unit_end: usize,
) -> (usize, Option<(usize, &'static str)>) {
    let Some(prompt) = (start..=end)
        .rev()
        .find(|&k| signals[k] == Signal::Strong("shell-prompt"))
    else {
        return (end, None);
    };
    let mut in_message = false;
    let mut last = end;
    // The last name line of a run already followed, and whether the line
    // after the run is output: every name line of the run reads the same,
    // so a long run is followed once, not once per line.
    let mut named_run: Option<(usize, bool)> = None;
    for k in prompt + 1..=unit_end {
        if lines[k].is_blank() {
            break;
        }
        let mut reading = read(lines, signals, k, prompt, unit_end, in_message);
        if k <= end {
            // Already in the region on its own signals: only the message
            // it may carry on matters.
            in_message = reading == Reading::Message;
            continue;
        }
        if reading == Reading::Named {
            let (run_end, output) = match named_run {
                Some(known) if k <= known.0 => known,
                _ => follow_names(lines, signals, k, prompt, unit_end),
            };
            named_run = Some((run_end, output));
            reading = if output {
                Reading::Record
            } else {
                Reading::End(NO_SHAPE)
            };
        }
        match reading {
            Reading::Message => in_message = true,
            Reading::Record | Reading::Named => in_message = false,
            Reading::End(why) => return (last, Some((k, why))),
        }
        last = k;
    }
    (last, None)
}

/// From the name line `k`: the last name line of the run it starts, and
/// whether the line after that run is output (read on its own, outside any
/// message). Iterative, so that a run of any length costs one pass.
fn follow_names(
    lines: &[Line],
    signals: &[Signal],
    k: usize,
    prompt: usize,
    unit_end: usize,
) -> (usize, bool) {
    let mut last_name = k;
    loop {
        // A name line has a non-blank line after it (see `read`).
        match read(lines, signals, last_name + 1, prompt, unit_end, false) {
            Reading::Named => last_name += 1,
            Reading::Message | Reading::Record => return (last_name, true),
            Reading::End(_) => return (last_name, false),
        }
    }
}

fn read(
    lines: &[Line],
    signals: &[Signal],
    k: usize,
    prompt: usize,
    unit_end: usize,
    in_message: bool,
) -> Reading {
    let t = lines[k].trimmed();
    let words: Vec<&str> = t.split_whitespace().collect();
    if list_marker(t).is_some() {
        return Reading::End("a list item");
    }
    if code::numbered_heading(&words) || code::lead_in(&words) {
        return Reading::End("a heading or a lead-in");
    }
    if diagnostic(&words) {
        return Reading::Message;
    }
    let ends_sentence = code::ends_like_sentence(t);
    if in_message && !t.starts_with(char::is_uppercase) && !ends_sentence {
        return Reading::Message;
    }
    if matches!(signals[k], Signal::Strong(_)) {
        return Reading::Record;
    }
    if ends_sentence {
        return Reading::End("ends a sentence");
    }
    if code::is_prose_sentence(&words) {
        return Reading::End("a sentence of plain words");
    }
    if opens_a_sentence(&words) {
        return Reading::End("opens a sentence");
    }
    let neighbour_shares_first_word = |n: usize| {
        let other = lines[n].trimmed();
        let other_words: Vec<&str> = other.split_whitespace().collect();
        !other_words.is_empty()
            && other_words[0] == words[0]
            && !code::is_prose_sentence(&other_words)
            && !code::ends_like_sentence(other)
    };
    let run = words[0].starts_with(char::is_alphabetic)
        && ((k > prompt + 1 && neighbour_shares_first_word(k - 1))
            || (k < unit_end && neighbour_shares_first_word(k + 1)));
    if matches!(signals[k], Signal::Weak(_)) || words.iter().any(|w| is_version(w)) || run {
        return Reading::Record;
    }
    // A name (`crates.io`) says less: a heading or a running head may
    // have one. Only before a line of the output (not the next command,
    // which may follow a line of text as well); the caller reads on.
    if listed_names(lines, k, unit_end) {
        return Reading::Record;
    }
    let named = words.iter().any(|w| code::is_identifier_like(w))
        && k < unit_end
        && !lines[k + 1].is_blank()
        && !matches!(signals[k + 1], Signal::Strong(_));
    if named {
        Reading::Named
    } else {
        Reading::End(NO_SHAPE)
    }
}

/// Most names on a line of what a command listed.
const LISTED_NAMES: usize = 6;

/// Most lines of names before the blank line: a short listing is read
/// this way, and each line of a long run looks this far ahead only.
const LISTED_LINES: usize = 16;

/// Whether the lines from `k` to the blank line that ends the unit are
/// what a command listed (`hello` / `hello.o` after `% ls build`): short
/// lines of lower-case names, none a function word, at least one line of
/// names only (`hello.o`). The blank line ends the output as it ends the
/// listing; a heading there opens with a capital, a sentence has words.
fn listed_names(lines: &[Line], k: usize, unit_end: usize) -> bool {
    let Some(end) =
        (k..=unit_end.min(k + LISTED_LINES)).find(|&j| j == unit_end || lines[j + 1].is_blank())
    else {
        return false;
    };
    let run = &lines[k..=end];
    let bare = |t: &str| {
        let words: Vec<&str> = t.split_whitespace().collect();
        (1..=LISTED_NAMES).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
                    && !crate::normalize::lexicon::is_function_word(w)
            })
            && !code::ends_like_sentence(t)
    };
    run.iter().all(|l| bare(l.trimmed())) && run.iter().any(|l| code::names_only(l.trimmed()))
}

/// "Again, consulting ...", "Then, ...": a capitalised word of prose and a
/// comma open the line, as a sentence opens; a program's record starts with
/// a verb or a name, not with a clause.
fn opens_a_sentence(words: &[&str]) -> bool {
    words.len() >= 2
        && words[0].starts_with(char::is_uppercase)
        && words[0]
            .strip_suffix(',')
            .is_some_and(|w| w.chars().all(char::is_alphabetic))
}

/// `error: ...`, `warning: ...`: a lower-case word and a colon, then the
/// message.
fn diagnostic(words: &[&str]) -> bool {
    words.len() >= 2
        && words[0]
            .strip_suffix(':')
            .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// `v0.6.4`, `1.64.0`, `4.3.24`: three or more dotted numbers, a `v`
/// before them (quotes, brackets and commas around them allowed).
fn is_version(w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '`' | '"' | '\'' | ';'));
    let w = w.strip_prefix('v').unwrap_or(w);
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    /// The lines the session beginning at the first line takes, and the
    /// reason it ended, if a line was refused.
    fn session(text: &str) -> (Vec<String>, Option<&'static str>) {
        let lines = split(text);
        let signals: Vec<Signal> = lines.iter().map(|l| code::signal(&l.text)).collect();
        let unit_end = lines
            .iter()
            .position(Line::is_blank)
            .map_or(lines.len() - 1, |b| b - 1);
        let (last, stop) = output_end(&lines, &signals, 0, 0, unit_end);
        let taken = lines[..=last].iter().map(|l| l.trimmed().to_string());
        (taken.collect(), stop.map(|(_, why)| why))
    }

    #[test]
    fn records_and_a_diagnostic_after_a_prompt_are_output() {
        let text = "$ cargo +1.64.0 check\n\
                    Updating crates.io index\n\
                    Downloaded clap v4.4.8\n\
                    Downloaded anstyle v1.0.4\n\
                    Downloaded 6 crates (289.3 KB) in 0.35s\n\
                    error: package `clap_builder v4.4.8` cannot be built because\n\
                    it requires rustc 1.70.0 or newer, while the currently ac\n\
                    tive rustc version is 1.64.0\n\
                    Thankfully, crates.io now shows supported Rust versions, so\n\
                    I pick v4.3.24.";
        let (taken, stop) = session(text);
        assert_eq!(taken.len(), 8, "{taken:?}");
        assert_eq!(taken[7], "tive rustc version is 1.64.0");
        assert_eq!(stop, Some("a sentence of plain words"));
    }

    #[test]
    fn a_run_of_records_with_the_same_first_word_is_output() {
        let text = "$ cargo update -p clap --precise 4.3.24\n\
                    Downgrading anstream v0.6.4 -> v0.3.2\n\
                    Adding bitflags v2.4.1\n\
                    Checking utf8parse\n\
                    Checking colorchoice\n\
                    Finished dev [unoptimized + debuginfo] target(s) in 2.96s\n\
                    Success! Mixed with many tears and less hair.";
        let (taken, stop) = session(text);
        assert_eq!(taken.len(), 6, "{taken:?}");
        assert_eq!(stop, Some("ends a sentence"));
    }

    #[test]
    fn prose_after_a_prompt_is_no_output() {
        // pypdf writes no blank line between a listing and the next
        // paragraph: the paragraph's first line ends the session.
        for text in [
            "$ cargo publish --dry-run\n\
             You can inspect the generated .crate file in the target/package directory. crates.io\n\
             currently has a 10MB size limit on the .crate file.",
            "$ cargo login\n\
             Then at the prompt put in the token specified.\n\
             please paste the API Token found on https://crates.io/me below",
            "$ rustdoc lib.rs --output-format json\n\
             This will output a JSON file in the current directory (by default). For\n\
             example, say you have the following crate:",
            "$ cargo owner --add github-handle\n\
             The owner IDs given to these commands must be GitHub user names or GitHub teams.",
        ] {
            let (taken, stop) = session(text);
            assert_eq!(taken.len(), 1, "{text:?}: {taken:?}");
            assert!(stop.is_some(), "{text:?}");
        }
    }

    #[test]
    fn a_heading_a_list_or_a_lone_name_ends_the_output() {
        for text in [
            "$ cargo publish\nPublishing on crates.io\nCargo will ignore files.",
            "$ cargo publish\nPublishing on crates.io\nTo do so:",
            "$ cargo build\n- the first item of a list",
            "$ cargo build\n2.1 Supported hardware",
            "$ cargo build\nFor example:",
            "$ cargo build\nCargo.toml format",
            "$ cargo check\nAgain, consulting crates.io\n$ cargo update -p clap",
            "$ cargo check\nsee crates.io\n$ cargo update -p clap",
        ] {
            let (taken, stop) = session(text);
            assert_eq!(taken.len(), 1, "{text:?}: {taken:?}");
            assert!(stop.is_some(), "{text:?}");
        }
    }

    /// What `ls` lists, names alone up to the blank line after them, is
    /// output; a line of words there, or a capitalised name (a heading),
    /// is not.
    #[test]
    fn names_up_to_the_blank_line_are_output() {
        let (taken, stop) = session("% ls build\nhello\nhello.o\n\nThe text goes on.");
        assert_eq!(taken, ["% ls build", "hello", "hello.o"]);
        assert_eq!(stop, None);
        for text in [
            "% ls build\nthe file is here\n\nMore.",
            "$ cargo build\nCargo.toml\n\nMore.",
        ] {
            let (taken, stop) = session(text);
            assert_eq!(taken.len(), 1, "{text:?}: {taken:?}");
            assert!(stop.is_some(), "{text:?}");
        }
    }

    #[test]
    fn a_message_ends_at_a_capital_or_a_sentence_end() {
        let text = "$ cargo check\n\
                    Updating crates.io index\n\
                    error: failed to select a version for the requirement\n\
                    candidate versions found which didn't match: 4.3.24\n\
                    perhaps a crate was updated and forgotten to be re-vendored?\n\
                    more text";
        let (taken, stop) = session(text);
        assert_eq!(taken.len(), 4, "{taken:?}");
        assert_eq!(stop, Some("ends a sentence"));
    }

    #[test]
    fn a_run_of_name_lines_reads_as_the_line_after_it_at_any_length() {
        // Each name line is output when the line after the run is; a long
        // run is followed once (it once recursed per line and overflowed
        // the stack).
        // First words differ from line to line, so no line is a run of
        // records by itself.
        let names: String = (0..50_000)
            .map(|i| format!("{} crates{i}.io\n", ["alpha", "beta"][i % 2]))
            .collect();
        let (taken, stop) = session(&format!("$ cargo check\n{names}Downloaded clap v4.4.8"));
        assert_eq!((taken.len(), stop), (50_002, None));
        let (taken, stop) = session(&format!("$ cargo check\n{names}It went on."));
        assert_eq!((taken.len(), stop), (1, Some(NO_SHAPE)));
    }

    #[test]
    fn lines_without_a_prompt_are_left_alone() {
        let lines = split("let x = 1;\nDownloaded clap v4.4.8");
        let signals: Vec<Signal> = lines.iter().map(|l| code::signal(&l.text)).collect();
        assert_eq!(output_end(&lines, &signals, 0, 0, 1), (0, None));
    }

    #[test]
    fn versions() {
        for w in ["v0.6.4", "1.64.0", "`clap_builder", "4.3.24)", "(v0.1.0"] {
            assert_eq!(is_version(w), !w.contains('_'), "{w}");
        }
        for w in ["1.5", "v2", "0.35s", "2.1.", "a.b.c"] {
            assert!(!is_version(w), "{w}");
        }
    }
}
