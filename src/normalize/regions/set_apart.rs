//! Set apart: lines of code or names that the author set apart from the
//! running text around them, where the layout, not the line's own
//! characters, is the evidence (`code.rs` reads the characters).
//!
//! Each rule finds a run of lines inside a unit (a run of non-blank lines)
//! and returns its last line; `code_regions` in `mod.rs` makes it a
//! candidate with the rule's name, so that the log says which evidence
//! set it apart:
//! - after a lead-in: text that ends with a colon introduces a listing;
//! - an indented display: lines indented deeper than the text around;
//! - a display in a sentence: a line of names the sentence goes on after,
//!   whose line before ended short;
//! - between sentences: a prompt and its value quoted between two
//!   sentences;
//! - a statement run: short statements one per line.
//!
//! Every rule must read the repaired text as it read the input: the
//! repaired text sets the run apart, and a second reading finds the same
//! evidence there (see each rule).

use std::cell::OnceCell;

use super::code::{self, Signal};
use crate::normalize::lexicon::is_abbreviation;
use crate::normalize::lines::{Line, page_break_between};
use crate::normalize::paragraphs::numbered_heading_line;
use crate::normalize::structure::has_word_of_letters;

/// The listing a lead-in introduces, from line `i` to the returned last
/// line (within the unit that ends at `unit_end`): the line before `i`
/// (across blank lines) is text that ends with a colon ("you can do:",
/// "Example:"), and `i` and the lines after it each fit a listing
/// ([`code::fits_lead_in_listing`]). The run must end where the unit ends
/// or where a new sentence starts: a run that the sentence goes on after
/// ("as follows: x/y is the ratio") is text.
///
/// Both readings decide alike: the repaired text sets the lead-in and the
/// listing apart, and the lead-in still ends with its colon. A page break
/// between the lead-in and the run ends the evidence (see below).
pub(super) fn lead_in_listing(
    lines: &[Line],
    signals: &[Signal],
    i: usize,
    unit_end: usize,
) -> Option<usize> {
    let before = line_before(lines, i)?;
    let lead = lines[before].text.trim_end();
    let introduces = lead.ends_with(':')
        && !lead.ends_with("::")
        && (matches!(signals[before], Signal::Prose | Signal::Neutral)
            || ends_sentence_of_prose(lines, signals, before));
    // A lead-in on the page before introduces what its page ends with, as
    // far as the evidence goes: a run at the top of the next page is as
    // likely a list whose bullets the extractor lost.
    if !introduces || page_break_between(lines, before, i) {
        return None;
    }
    let fits = |k: usize| code::fits_lead_in_listing(&lines[k].text, signals[k]);
    if !fits(i) {
        return None;
    }
    let end = run_end(i, unit_end, fits);
    let next = lines.get(end + 1).map_or("", |l| l.trimmed());
    // A numbered heading ("5.2  Options") after the run starts anew as a
    // capital does.
    // A line that opens on a digit after a run that ended short, and not
    // on a full stop that closes the sentence, starts a paragraph of its
    // own in the repaired text as a capital does (a short line before
    // either ends its paragraph), and a second reading finds the run set
    // apart there.
    let new_sentence = end == unit_end
        || next.starts_with(|c: char| c.is_uppercase())
        || starts_numbers(next)
        || numbered_heading_line(next)
        || (next.starts_with(|c: char| c.is_ascii_digit())
            && !ends_sentence_or_lead_in(&lines[end].text)
            && next_word_fitted(lines, before, end));
    (new_sentence || names_set_apart(lines, before, i, end)).then_some(end)
}

/// Whether a line is numbers without a word ("8 16", a matrix's size on
/// the line before its rows; "1   2   n", a display's subscripts): a block
/// of data starts there, not the rest of the sentence, and the repaired
/// text sets it apart from the run before.
fn starts_numbers(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit()) && !has_word_of_letters(text)
}

/// Whether line `k` ends a sentence that a line of prose right before it
/// began ("... in the file" / "4x4.mat:"): the repaired text joins the two
/// into one line of prose, which a second reading takes as the lead-in, so
/// the first reading must too.
fn ends_sentence_of_prose(lines: &[Line], signals: &[Signal], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1) else {
        return false;
    };
    !lines[prev].is_blank()
        && !lines[k].page_break
        && matches!(signals[prev], Signal::Prose)
        && !ends_sentence_or_lead_in(&lines[prev].text)
}

/// Whether the run `i..=end` after the lead-in on line `lead` is set apart
/// from the text that goes on after it in lower case ("go to:" / a URL /
/// "where :org is ..."): every line of the run is made of names only
/// ([`code::names_only`]), and its last line ended short: the next line's
/// first word would have fit after it within the widest line of the text
/// around (the lead-in's lines and the run's). A typesetter breaks a line
/// early only where the author set something apart; a run that wrapped
/// because the next word did not fit is part of the sentence.
fn names_set_apart(lines: &[Line], lead: usize, i: usize, end: usize) -> bool {
    let Some(after) = lines.get(end + 1).filter(|l| !l.is_blank()) else {
        return false;
    };
    if !after.trimmed().starts_with(|c: char| c.is_lowercase())
        || !lines[i..=end].iter().all(|l| code::names_only(l.trimmed()))
    {
        return false;
    }
    next_word_fitted(lines, lead, end)
}

/// Whether the first word of the line after `end` would have fitted on
/// line `end` within the widest line of the text around them (from the
/// block that holds line `from` to the block that holds the next line):
/// then the break after `end` is no wrap, the author set it.
fn next_word_fitted(lines: &[Line], from: usize, end: usize) -> bool {
    let width = |l: &Line| l.text.trim_end().chars().count();
    let first = (0..from)
        .rev()
        .find(|&k| lines[k].is_blank())
        .map_or(0, |k| k + 1);
    let last = (end + 1..lines.len())
        .find(|&k| lines[k].is_blank())
        .unwrap_or(lines.len());
    let widest = lines[first..last].iter().map(width).max().unwrap_or(0);
    let next_word = lines
        .get(end + 1)
        .and_then(|l| l.trimmed().split_whitespace().next())
        .unwrap_or("");
    width(&lines[end]) + 1 + next_word.chars().count() <= widest
}

/// The text around a display is set at most this many columns left of
/// it: `-layout` and `txtwrite` keep a display's indentation (a command
/// set apart, centred or indented, inside a sentence), and the repaired
/// text indents a listing by four.
const DISPLAY_INDENT: usize = 4;

/// Fewest plain words on a line that wrapped into the next rather than
/// ended a display: a sentence's worth.
const WRAPPED_MIN_WORDS: usize = 6;

/// A display inside running text, from line `i` to the returned last line
/// (within the unit that ends at `unit_end`): lines that each fit a
/// listing ([`code::fits_lead_in_listing`]) and are indented at least
/// [`DISPLAY_INDENT`] columns deeper than the text lines just before and
/// after them (across blank lines). The indentation is the document's own
/// evidence that the line was set apart; the code shape, that it is not a
/// quotation or a wrapped line of prose.
pub(super) fn indented_display(
    lines: &[Line],
    signals: &[Signal],
    i: usize,
    unit_end: usize,
) -> Option<usize> {
    let before = line_before(lines, i)?;
    let text = |k: usize| matches!(signals[k], Signal::Prose | Signal::Neutral);
    // The text's margin: a paragraph's first line may be indented by a few
    // columns (TeX's paragraph indent) from the line right above it.
    let margin = before
        .checked_sub(1)
        .filter(|&k| !lines[k].is_blank() && text(k))
        .map(|k| lines[k].indent())
        .filter(|&m| (1..=DISPLAY_INDENT).contains(&lines[before].indent().saturating_sub(m)))
        .unwrap_or(lines[before].indent());
    let fits = |k: usize| {
        code::fits_lead_in_listing(&lines[k].text, signals[k])
            && lines[k].indent() >= margin + DISPLAY_INDENT
    };
    if !text(before) || !fits(i) {
        return None;
    }
    let end = run_end(i, unit_end, fits);
    let after = (end + 1..lines.len()).find(|&k| !lines[k].is_blank())?;
    // A full line of words that the text after it goes on in lower case
    // wrapped there: the first line of an item or a paragraph set in from
    // the margin ("<<, >>: left and right binary shift. By definition, ..."
    // / "otherwise. Right shift is"), not a display. A display is short
    // ("v1.3a   2021/01/21" over a centred subtitle).
    let wrapped = after == end + 1
        && lines[end]
            .trimmed()
            .split_whitespace()
            .filter(|w| code::is_plain_word(w))
            .count()
            >= WRAPPED_MIN_WORDS
        && lines[after]
            .trimmed()
            .starts_with(|c: char| c.is_lowercase())
        && !next_word_fitted(lines, i, end);
    (text(after) && !wrapped && lines[end].indent() >= lines[after].indent() + DISPLAY_INDENT)
        .then_some(end)
}

/// A line of names set on a line of its own inside a sentence ("and
/// call" / `4ti2-normalform 4coins` / "to produce the file"), within the
/// unit `a..=unit_end`: the line is made of names only
/// ([`code::names_only`]) and ends no sentence, the text before it goes
/// on without a sentence end, the text after it goes on in lower case,
/// and the line before ends short: the line's first name would have fit after it within the
/// unit's widest line. A typesetter breaks a line early only where the
/// author set something apart; a name that wrapped because it did not fit
/// is a word of the sentence.
///
/// The repaired text sets the line apart, indented: there
/// [`indented_display`] reads it alike.
pub(super) fn display_in_sentence(
    lines: &[Line],
    signals: &[Signal],
    (a, unit_end): (usize, usize),
    i: usize,
    unit_width: &OnceCell<usize>,
) -> Option<usize> {
    if i == a || i == unit_end {
        return None;
    }
    // Text of a sentence: a word of prose in it (not the cells of a
    // matrix or the pieces of a formula around the line).
    let text = |k: usize| {
        matches!(signals[k], Signal::Prose | Signal::Neutral)
            && lines[k].text.split_whitespace().any(code::is_plain_word)
    };
    let (before, after) = (&lines[i - 1], &lines[i + 1]);
    let t = lines[i].trimmed();
    // A wide gap inside the line sets columns apart: cells, or a
    // formula's sub- and superscripts.
    let shape = (matches!(signals[i], Signal::Neutral | Signal::Weak(_)) && code::names_only(t))
        || sets_a_shell_variable(t);
    if !shape
        || t.contains("   ")
        || ends_sentence_or_lead_in(t)
        || !text(i - 1)
        || !text(i + 1)
        || ends_sentence_or_lead_in(&before.text)
        || !after.trimmed().starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    let width = |l: &Line| l.text.trim_end().chars().count();
    let widest =
        *unit_width.get_or_init(|| lines[a..=unit_end].iter().map(width).max().unwrap_or(0));
    let first = t.split_whitespace().next()?.chars().count();
    (width(before) + 1 + first <= widest).then_some(i)
}

/// A shell command that sets a variable to a path with a variable in it
/// (`setenv PATH /opt/x/bin:$PATH`, `export PATH=/opt/x/bin:$PATH`): a
/// command name in lower case, then a path that expands a variable or is
/// assigned, which ends the line. Its first word reads as a word of prose,
/// so it is no line of names only, yet nothing in a sentence has that
/// shape. Words after the path are the sentence going on ("the scale
/// d=4,b=0,m=-(4-1)*2/N (which gives ..."): a formula quoted in the text.
fn sets_a_shell_variable(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let command = words.next().unwrap_or("");
    !command.is_empty()
        && command.chars().all(|c| c.is_ascii_lowercase())
        && words
            .last()
            .is_some_and(|w| w.contains('/') && w.contains(['$', '=']))
}

/// Most words of a line [`statement_run`] takes: a declaration or a call
/// (`let ebx: u32;`), not a clause of a sentence.
const STATEMENT_RUN_WORDS: usize = 4;

/// Short statements one per line (`let ebx: u32;` / `let ecx: u32;`), from
/// line `i` to the returned last line (within the unit that ends at
/// `unit_end`): two or more lines in a row, each ending on a semicolon
/// with at most [`STATEMENT_RUN_WORDS`] words, one of which is no word of
/// prose (`u32;`, `x[0];`), between a sentence end (or a lead-in, or a
/// blank line) and the end of the unit or a capital. One such line alone
/// may be a clause that a wrap ended on its semicolon; lines that each
/// stop on one, short and after a finished sentence, are a listing.
pub(super) fn statement_run(
    lines: &[Line],
    signals: &[Signal],
    i: usize,
    unit_end: usize,
) -> Option<usize> {
    let statement = |k: usize| {
        let t = lines[k].trimmed();
        let words: Vec<&str> = t.split_whitespace().collect();
        !matches!(signals[k], Signal::Prose)
            && t.ends_with(';')
            && words.len() <= STATEMENT_RUN_WORDS
            && words.iter().any(|w| !code::is_plain_word(w))
    };
    if !statement(i) {
        return None;
    }
    let opens =
        line_before(lines, i).is_none_or(|k| k + 1 < i || ends_sentence_or_lead_in(&lines[k].text));
    let end = run_end(i, unit_end, statement);
    let closes = end == unit_end || lines[end + 1].trimmed().starts_with(char::is_uppercase);
    (opens && closes && end > i).then_some(end)
}

/// Most lines [`lines_between_sentences`] takes: a short message or a
/// value quoted between two sentences, not a passage of text.
const MAX_BETWEEN_SENTENCES_LINES: usize = 4;

/// Lines that are no sentence, quoted between two sentences (a program's
/// prompt and the value typed at it, after "Then at the prompt put in the
/// token."), from line `i` to the returned last line (within the unit that
/// ends at `unit_end`): the text before ends a sentence on a word (not an
/// abbreviation such as "e.g."), yet line `i` starts in lower case; no
/// line of the run ends on punctuation; one of them is made of names
/// only ([`code::names_only`]); and the run ends where its unit does, or
/// before a capital that its last line had room for within the widest
/// line around. At least two lines: one line alone keeps its breaks
/// anyway. Joining such lines would run a message and its value together
/// as one sentence; keeping them as they stand loses nothing.
pub(super) fn lines_between_sentences(lines: &[Line], i: usize, unit_end: usize) -> Option<usize> {
    let before = line_before(lines, i)?;
    if !ends_sentence_on_word(lines[before].trimmed())
        || !lines[i].trimmed().starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    let mut end = i;
    loop {
        if lines[end]
            .trimmed()
            .ends_with(|c: char| c.is_ascii_punctuation() && c != '/')
        {
            return None;
        }
        if end == unit_end {
            break;
        }
        if lines[end + 1].trimmed().starts_with(char::is_uppercase) {
            if !next_word_fitted(lines, before, end) {
                return None;
            }
            break;
        }
        end += 1;
        if end + 1 - i > MAX_BETWEEN_SENTENCES_LINES {
            return None;
        }
    }
    let names = lines[i..=end].iter().any(|l| code::names_only(l.trimmed()));
    (end > i && names).then_some(end)
}

/// Whether a line ends a sentence on a word: a full stop, question or
/// exclamation mark after a word of two letters or more without a dot of
/// its own ("specified.", not "e.g." or "etc." after a lower-case word
/// that an abbreviation could be).
fn ends_sentence_on_word(t: &str) -> bool {
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let Some(word) = last.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    word.chars().count() >= 2 && word.chars().all(char::is_alphabetic) && !is_abbreviation(word)
}

/// Whether a prose line ends a sentence or introduces what follows (a
/// full stop, question or exclamation mark, or colon, before closing
/// quotes or brackets).
pub(super) fn ends_sentence_or_lead_in(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}'])
        .ends_with(['.', '!', '?', ':'])
}

/// The last non-blank line before line `i`, across blank lines.
fn line_before(lines: &[Line], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| !lines[k].is_blank())
}

/// The last line of the run from line `i` (which the caller has checked)
/// over the lines after it that `fits` accepts, within the unit that ends
/// at `unit_end`.
fn run_end(i: usize, unit_end: usize, fits: impl Fn(usize) -> bool) -> usize {
    let mut end = i;
    while end < unit_end && fits(end + 1) {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::super::tests::{classify, kinds};

    #[test]
    fn a_shell_command_set_apart_inside_a_sentence_is_code() {
        // The lines before the commands end short: "setenv" and "export"
        // would have fitted after them. The commands set a variable to a
        // path, a shape no sentence has, though their first word is a word.
        let text = "directory where MPICH has been installed is /home/you/mpich-installed,\n\
                    and that you have added that directory to your path, using\n\
                    setenv PATH /home/you/mpich-installed/bin:$PATH\n\
                    for tcsh and csh, or\n\
                    export PATH=/home/you/mpich-installed/bin:$PATH\n\
                    for bash or sh. Then to run an MPI program, albeit only on one machine,";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcpcp", "{:?}", log.changes);
        // A path in a sentence that wrapped there is prose.
        let text = "directory where MPICH has been installed is /home/you/mpich-installed,\n\
                    and that you have added that directory to your own search path in\n\
                    setenv PATH /home/you/mpich-installed/bin:$PATH\n\
                    for tcsh and csh.";
        assert_eq!(kinds(&classify(text).0), "pppp");
        // A formula the sentence goes on after, on a full line of the
        // paragraph (AMC's manual), is no command set apart.
        let text = "responses. To do so, just input the value N. For example, to get a scale yielding 4 as the maximal score\n\
                    and such as the mean expected score of a student checking randomly the boxes is 1, one can use the\n\
                    scale d=4,b=0,m=-(4-1)*2/N (which give the score -2 if every response is false, i.e. the wrong boxes\n\
                    have been checked and the right boxes are not). Operations allowed in those formulas are the four\n\
                    simple operations (+ - * /), test operator ( ? : ), parenthesis and all perl operators.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppppp", "{:?}", log.changes);
    }

    #[test]
    fn a_lead_in_that_ends_a_sentence_of_prose_introduces_a_listing() {
        // "4x4.mat:" alone is a file name, but it ends the sentence the
        // line before began; the repaired text joins the two, and a second
        // reading takes that paragraph as the lead-in. Both readings must
        // set the file name apart; numbers after it ("8 16", no word) are
        // the data that follows, not the sentence going on.
        let text = "Write the matrix that defines our toric ideal in the file\n\
                    4x4.mat:\n\
                    4x4.mat\n\
                    8 16\n\
                    \n\
                    Let us compute the Markov basis.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcppp", "{:?}", log.changes);
        let repaired = "Write the matrix that defines our toric ideal in the file 4x4.mat:\n\
                        \n\
                        4x4.mat\n\
                        \n\
                        8 16";
        assert_eq!(kinds(&classify(repaired).0), "ppcpp");
    }

    #[test]
    fn commands_after_a_lead_in_are_code() {
        // Weak signals only (a path, a flag), but a colon introduces them
        // and the unit ends after them.
        let text = "Then to run an MPI program, albeit only on one machine,\n\
                    you can do:\n\
                    cd /home/you/mpich-installed/examples\n\
                    mpiexec -n 3 ./cpi\n\
                    \n\
                    The program prints its rank.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppccpp", "{:?}", log.changes);
        // Names with digits and dots, no word of prose: also a listing.
        let text = "and call it with the file:\n4ti2-normalform 4coins\nThe output is below.";
        assert_eq!(kinds(&classify(text).0), "pcp");
        // The repaired text reads alike: the listing set apart by blank
        // lines after its lead-in paragraph.
        let text = "Example:\n\n[object] interface IB : IA { import \"foo.idl\"; }\n\n\
                    This defines a type.";
        assert_eq!(kinds(&classify(text).0), "ppcpp");
        // A numbered section heading after the listing starts anew as a
        // capital does.
        let text = "Now we redefine \\@setfontsize:\n\
                    14 \\let\\old@setfontsize=\\@setfontsize\n\
                    15 \\let\\@setfontsize=\\cc@setfontsize\n\
                    5.2  Options";
        assert_eq!(kinds(&classify(text).0), "pccp");
    }

    #[test]
    fn an_indented_command_inside_a_sentence_is_code() {
        // `-layout` keeps the display's indentation: the sentence goes on
        // after it, but the command was set apart.
        let text = "and that you have added that directory to your path, using\n\
                    \n\
                    \x20   setenv PATH /home/you/mpich-installed/bin:$PATH\n\
                    \n\
                    for tcsh and csh, or\n\
                    \x20                      4ti2-normalform 4coins\n\
                    to produce the file.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcppcp", "{:?}", log.changes);
        // The same lines flush with the text are part of the sentence, and
        // an indented line of prose is a quotation, not a display.
        let text = "added to your path, using\nsetenv PATH /usr/bin:$PATH\nfor tcsh.";
        assert_eq!(kinds(&classify(text).0), "ppp");
        let text = "He wrote\n\x20       that the results were final\nand left.";
        assert_eq!(kinds(&classify(text).0), "ppp");
    }

    #[test]
    fn a_display_after_an_indented_first_line_is_code() {
        // TeX indents a paragraph's first line: the display is set apart
        // from the text's margin, not from that indent.
        let text = "and we obtain the characteristic polynomial ch of u again. (Whose\n\
                    u is indeed a unit.)\n\
                    \x20   There is of course no reason for u to be a fundamental unit. Type\n\
                    \x20      F = factor(subst(ch, x, x^2))\n\
                    We see that ch(x^2) is a product of 2 polynomials of degree 4, hence\n\
                    now want to find its square root. A simple method is as follows:";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pppcpp", "{:?}", log.changes);
        // A line indented far from the one above is no first line: a
        // title's date stays text.
        let text = "\x20                     The concmath package\n\
                    \x20                                  Ulrik Vieth\n\
                    \x20                                1999-03-10 v2.0\n\
                    The package does things.";
        assert_eq!(kinds(&classify(text).0), "pppp");
    }

    #[test]
    fn a_full_line_that_wraps_into_lower_case_is_no_display() {
        // The first line of an item set in from the margin: the sentence
        // goes on at the margin.
        let text = "/: exact division (3/2 yields 3/2, not 1.5).\n\
                    \x20   <<, >>: left and right binary shift. By definition, x<<n = x * 2n if n > 0, and\n\
                    otherwise. Right shift is defined by x>>n = x<<(-n), as the text says here.";
        let (lines, log) = classify(text);
        assert!(!kinds(&lines).contains('c'), "{:?}", log.changes);
    }

    #[test]
    fn a_lead_in_does_not_make_text_or_lists_code() {
        // The sentence goes on after the symbols: text.
        let text = "The ratio is computed as follows:\nx/y of the values in\n\
                    the table, rounded down.";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // A list after its lead-in stays a list.
        let text = "The options are:\n- a/b for the path\n- c/d for the name";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // A lead-in on the page before: the run may be a list whose
        // bullets were lost, not a listing.
        let text = "the syntax is one of these:\n\u{c}$[ ... ], e.g.: $[count(value)]\n\
                    $:, e.g. $:count(value)\nAnother sigil.";
        let (lines, log) = classify(text);
        assert!(
            !log.changes
                .iter()
                .any(|c| c.after.contains("after-lead-in")),
            "{:?} {}",
            log.changes,
            kinds(&lines)
        );
        // Paths in a table's cells, joined after a lead-in (as the
        // repaired text writes them): a name of prose opens the line.
        let text = "with each profile stored in a separate subdirectory:

                    Directory target/debug/ target/release/ target/foo/

                    Directory target/<triple>/debug/ http://docs.example.org/a.html";
        assert_eq!(kinds(&classify(text).0), "ppppp");
    }

    #[test]
    fn a_url_and_its_wrapped_end_after_a_lead_in_are_code() {
        let text = "To check this, you can go to:
                    https://github.com/organizations/:org/settings/oauth_
                    application_policy

where :org is the name.";
        assert_eq!(kinds(&classify(text).0), "pccpp");
    }

    #[test]
    fn a_listing_goes_on_past_its_indented_display() {
        // The comment's last word sits at the text's margin: the display
        // ends there, the listing does not.
        let text = "- Purpose: Gives error information to Cargo

                        {\"Err\":{
                            // Error: The credential could not be found in the
                        provider.
                            \"kind\":\"operation-not-supported\"
                        }}

                    Sent if the provider does not support the operation.";
        let (lines, log) = classify(text);
        // One region of five lines (the comment then rejoined).
        assert_eq!(kinds(&lines), "ppccccpp", "{:?}", log.changes);
        let regions = log
            .changes
            .iter()
            .filter(|c| c.rule == "code-region" && !c.declined)
            .count();
        assert_eq!(regions, 1, "{:?}", log.changes);
    }

    #[test]
    fn a_command_set_apart_inside_a_sentence_is_code() {
        // "and call" ends short: the command would have fit after it.
        let text = "We write the following four lines into a file named 4coins.feas
                    and call
                    4ti2-normalform 4coins
                    to produce the file that also contains the desired solution.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcp", "{:?}", log.changes);
        // The repaired text reads alike: the command indented, apart.
        let text = "We write the following lines into a file and call

                        4ti2-normalform 4coins

                    to produce the file that also contains the desired solution.";
        assert_eq!(kinds(&classify(text).0), "ppcpp");
    }

    #[test]
    fn a_name_that_wrapped_inside_a_sentence_stays_text() {
        // The line before is full: the name did not fit after it.
        let text = "When building for another target the output is placed in
                    target/thumbv7em-none-eabihf/debug/
                    and the release profile goes next to it.";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // Pieces of a formula between pieces of a formula: not a sentence.
        let text = "Explicit multiplication may be avoided by moving it into preset tables
                    a11 a12 . . . a1n
                    r2
                    a21 a22 . . . a2n";
        assert_eq!(kinds(&classify(text).0), "pppp");
        // A heading in a large font, its last word a name: the sentence
        // ends on the line.
        let text = "How does a team actually use
                    cloud.gov?
                    cloud.gov can be used via web interface or command-line interface.";
        assert_eq!(kinds(&classify(text).0), "ppp");
    }

    #[test]
    fn a_name_set_apart_after_a_lead_in_is_code_before_lower_case_text() {
        // The URL line had room for "where": the break after it is no
        // wrap, the author set the URL apart.
        let text = "An additional barrier is that the organization may be actively\n\
                    denying third party access. To check this, you can go to:\n\
                    https://github.com/organizations/:org/settings/policy\n\
                    where :org is the name of the organization. You may see\n\
                    something like this in the settings of the organization.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcpp", "{:?}", log.changes);
        // A name that wrapped because the next word did not fit is a word
        // of the sentence.
        let text = "An additional barrier is that the organization may be actively\n\
                    denying access. To check this, go to:\n\
                    https://github.com/organizations/:org/settings/oauth_policy\n\
                    where :org is the name of the organization. You may see\n\
                    something like this in the settings of the organization.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppppp", "{:?}", log.changes);
    }

    #[test]
    fn a_prompt_and_its_value_between_sentences_are_code() {
        // Lower case after a sentence end, no punctuation, a line of names
        // only, and room left before the next sentence's capital.
        let text = "Then at the prompt put in the token specified.\n\
                    please paste the API Token found on https://crates.io/me below\n\
                    abcdefghijklmnopqrstuvwxyz012345\n\
                    This command will inform Cargo of your API token and store it\n\
                    locally in your home directory.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "pccpp", "{:?}", log.changes);
        // The repaired text reads alike: the lines set apart, indented.
        let text = "Then at the prompt put in the token specified.\n\n\
                    \x20   please paste the API Token found on https://crates.io/me below\n\
                    \x20   abcdefghijklmnopqrstuvwxyz012345\n\n\
                    This command will inform Cargo of your API token.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppccpp", "{:?}", log.changes);
    }

    #[test]
    fn lower_case_text_after_a_sentence_end_stays_prose() {
        // After an abbreviation the sentence goes on.
        let text = "The tools read many formats, e.g.\n\
                    tar archives and zip files from\n\
                    release_v2 or later";
        assert_eq!(kinds(&classify(text).0), "ppp");
        // Without a line of names, it is text (a page's lost capital).
        let text = "The first run ends here.\n\
                    the second run starts on the next line\n\
                    and goes on\n\
                    Then it ends.";
        assert_eq!(kinds(&classify(text).0), "pppp");
        // A run whose last line is full wrapped into the next sentence.
        let text = "The value is set by the tool at every start of the program.\n\
                    set abcdefghijklmnopqrstuvwxyz012345 to the value of\n\
                    abcdefghijklmnopqrstuvwxyz012345 release_v2 abcdefghij012\n\
                    Then it ends.";
        assert_eq!(kinds(&classify(text).0), "pppp");
    }

    #[test]
    fn short_statements_after_a_sentence_end_are_code() {
        let text = "It may need to save and restore this\n\
                    state around the inline assembly block.\n\
                    let ebx: u32;\n\
                    let ecx: u32;";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppcc", "{:?}", log.changes);
        // The repaired text reads alike: the statements set apart.
        let text = "state around the inline assembly block.\n\n\
                    \x20   let ebx: u32;\n\
                    \x20   let ecx: u32;\n\n\
                    The values are read.";
        let (lines, log) = classify(text);
        assert_eq!(kinds(&lines), "ppccpp", "{:?}", log.changes);
        // Inside a sentence, or one line alone, or clauses of plain
        // words, they stay text.
        for text in [
            "the results are given\nin Table 2;\nin Figure 3;\nand the appendix.",
            "The results are final.\nsee Table 2;\nThen it ends.",
            "The results are final.\nsome red apples;\nsome green pears;\nThen it ends.",
        ] {
            let (lines, log) = classify(text);
            assert!(!kinds(&lines).contains('c'), "{text}: {:?}", log.changes);
        }
    }
}
