//! Lines an extractor joined: some PDF text extractors undo every hyphen at a
//! line end themselves, real ones too. They drop the hyphen and move the whole
//! next line up, so "a slower-" / "than-anticipated process. Originally, we"
//! comes out as one line of twice the column width with "slowerthan" in it.
//!
//! In text from a typeset page every line fits the column, so a line far
//! longer than the column is such a join. It is cut back into its two
//! printed lines where the first one ended: the cut lies about one column
//! width into the line, inside a run of letters that is no word but whose
//! two sides are words ("slower" + "than", "18F" + "owned") or that the
//! document writes elsewhere with the hyphen ("rust-lang"). The hyphen is
//! put back and the first line is marked [`Line::glue`], so the compound is
//! whole again and `paragraphs` sees each line's printed length (a short last
//! line of a paragraph is no longer hidden inside a long one).
//!
//! A long line with no such cut, or with more than one, is left alone and
//! the case is logged as declined.

use rustc_hash::FxHashSet as HashSet;

use super::identifier::{has_inner_dot, is_code_name, is_identifier};
use super::lexicon::{DocVocabulary, Kind, Lexicon, is_function_word};
use super::lines::{Line, path_words, vocabulary};
use super::paragraphs::{is_typeset, printed_len, printed_width};
use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "cut lines an extractor joined at a line-end hyphen, and restore the hyphen",
    stage: Stage::Lines(run),
};

const NAME: &str = "joined-lines";

/// A line longer than this share of the column width cannot have been
/// printed as one line: text in a proportional font varies by a few percent
/// around the width, a joined line is one and a half to two widths long.
const OVERLONG: f64 = 1.2;

/// Where the first printed line may have ended, as a share of the column
/// width: a line broken with a hyphen is a full line. Its length with the
/// hyphen is the column's, within the few percent by which the estimate of
/// a printed length errs; a cut further in would make a line longer than
/// the column holds, where a run of letters beyond the line end is only
/// guessed at ("a coordinatesaxes object" is no "coordinate-saxes", "thus
/// hinding" no "hin-ding").
const FIRST_LINE_MIN: f64 = 0.8;
const FIRST_LINE_MAX: f64 = 1.05;

/// The spaces between pieces of a line set in columns: an extractor that
/// joins two printed lines puts one space between them, or none.
const SET_APART: &str = "   ";

/// Shortest part on either side of a restored hyphen.
const MIN_PART: usize = 2;

pub fn run(lines: &mut Vec<Line>, log: &mut RepairLog) {
    if !is_typeset(lines) {
        return;
    }
    let Some(width) = printed_width(lines) else {
        return;
    };
    let evidence = Evidence {
        vocab: vocabulary(lines),
        paths: path_words(lines),
        called: called_names(lines),
        in_code: names_in_code(lines),
        line_starts: line_starts(lines),
        lexicon: Lexicon::for_text(log.other_language),
    };
    // Each line's printed length, read once: prose lines only, as only
    // they are cut and only they show a paragraph's column.
    let lengths: Vec<Option<f64>> = lines
        .iter()
        .map(|l| (!l.is_blank() && l.kind.is_prose()).then(|| printed_len(l.trimmed())))
        .collect();
    let mut out = Vec::with_capacity(lines.len() + 8);
    for (i, mut line) in lines.drain(..).enumerate() {
        // Verbatim lines (code, tables) are long by their own right.
        let mut length = lengths[i].unwrap_or(0.0);
        let column = paragraph_column(&lengths, i, width);
        while length > width * OVERLONG {
            // Pieces set apart by runs of spaces are columns or cells side
            // by side, long by their layout: an extractor joins with one.
            if line.trimmed().contains(SET_APART) {
                log.decline_cited(
                    NAME,
                    "overlong-line",
                    line.span(),
                    line.trimmed(),
                    "its pieces stand apart by runs of spaces, as columns are set",
                );
                break;
            }
            let mut found = cuts(&line.text, column, &evidence);
            // In a paragraph set narrower than the text, a compound the
            // document writes with its hyphen may still have been cut one
            // of the text's widths in (the paragraph's lines beside may be
            // short for other reasons); words alone prove nothing there.
            if column < width {
                let written = cuts(&line.text, width, &evidence)
                    .into_iter()
                    .filter(|(at, proof)| {
                        matches!(proof, Proof::Written(_)) && !found.iter().any(|(c, _)| c == at)
                    })
                    .collect::<Vec<_>>();
                found.extend(written);
            }
            if found.len() != 1 {
                let missing = if found.is_empty() {
                    "no lost hyphen is proven near the column width"
                } else {
                    "more than one place could have been the line end"
                };
                log.decline_cited(NAME, "overlong-line", line.span(), line.trimmed(), missing);
                break;
            }
            let (cut, proof) = found.remove(0);
            let evidence = proof.evidence();
            let (first, rest) = line.text.split_at(cut);
            let (token_start, token_end) = token_around(&line.text, cut);
            log.record_cited(
                NAME,
                "hyphen-lost-at-line-end",
                line.span(),
                &line.text[token_start..token_end],
                format!(
                    "{}-{}",
                    &line.text[token_start..cut],
                    &line.text[cut..token_end]
                ),
                evidence,
            );
            let mut head = line.clone();
            head.text = format!("{first}-");
            head.glue = true;
            line.text = rest.to_string();
            line.page_break = false;
            // A page that starts here starts with the head's first word.
            line.page_starts.clear();
            out.push(head);
            length = printed_len(line.trimmed());
        }
        out.push(line);
    }
    *lines = out;
}

/// The width of the column that line `i` was printed in (`lengths`: each
/// prose line's printed length): the text's, or
/// that of its paragraph where the line before it and the two after it
/// are all shorter than a full line of the text (a note or a quotation set narrower: "... the HAL
/// framework [http://" / a joined line / "retrieve configuration
/// parameters for them. The HAL maintainers"). There a lost line end lies
/// one narrow column into the joined line, not one of the text's widths,
/// where "hotplug" would have been cut.
fn paragraph_column(lengths: &[Option<f64>], i: usize, width: f64) -> f64 {
    let neighbour = |j: usize| lengths.get(j).copied().flatten();
    // The line before and the two after: one short line beside is as
    // likely a paragraph's last line or a heading ("in existence." over a
    // joined line, "issues requiring style decisions." under it).
    let beside = [
        i.checked_sub(1).and_then(neighbour),
        neighbour(i + 1),
        neighbour(i + 2),
    ];
    let narrow = beside
        .iter()
        .all(|len| len.is_some_and(|len| len < width * FIRST_LINE_MIN));
    match beside.iter().flatten().copied().reduce(f64::max) {
        Some(longest) if narrow => longest,
        _ => width,
    }
}

/// Byte offsets in `text` where a hyphen and a line break were lost, with
/// the evidence for each.
fn cuts(text: &str, width: f64, evidence: &Evidence) -> Vec<(usize, Proof)> {
    let body = text.trim_start();
    let offset = text.len() - body.len();
    let hyphen = printed_len("-");
    let mut found = Vec::new();
    // The printed length of the text before each character, summed as we
    // go: only the first column width is read, so a long line costs no more.
    let mut before = 0.0;
    let mut previous: Option<char> = None;
    for (i, c) in body.char_indices() {
        let first = before + hyphen;
        if first > width * FIRST_LINE_MAX {
            break;
        }
        let at = offset + i;
        if first >= width * FIRST_LINE_MIN
            && previous.is_some_and(char::is_alphanumeric)
            && c.is_alphanumeric()
            && let Some(evidence) = lost_hyphen(text, at, evidence)
        {
            found.push((at, evidence));
        }
        before += printed_len(c.encode_utf8(&mut [0; 4]));
        previous = Some(c);
    }
    found
}

/// What the whole document says about its words, read once for every
/// joined line.
struct Evidence {
    vocab: DocVocabulary,
    /// The words of its paths and addresses.
    paths: HashSet<String>,
    /// The names it calls with arguments somewhere (`coredata(z)`).
    called: HashSet<String>,
    /// The names its code writes (`[linecolor=red]`, `\\setkeys{fam}`).
    in_code: HashSet<String>,
    /// The words that open its lines: where a word was broken at a line
    /// end, its second half stands there ("ically").
    line_starts: DocVocabulary,
    lexicon: &'static Lexicon,
}

/// The first word of every line, counted as [`vocabulary`] counts words.
fn line_starts(lines: &[Line]) -> DocVocabulary {
    let mut starts = DocVocabulary::default();
    for first in lines
        .iter()
        .filter_map(|l| l.text.split_whitespace().next())
    {
        starts.add_text(first);
    }
    starts
}

/// The names the lines call with their arguments (`coredata(z)`,
/// `str(plain)`): names of code, wherever else they stand.
fn called_names(lines: &[Line]) -> HashSet<String> {
    let mut names = HashSet::default();
    for line in lines.iter().filter(|l| l.text.contains('(')) {
        for (at, _) in line.text.match_indices('(') {
            let name_start = line.text[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
                .last()
                .map_or(at, |(i, _)| i);
            let name = &line.text[name_start..at];
            if name.chars().any(char::is_alphabetic) && !names.contains(name) {
                names.insert(name.to_string());
            }
        }
    }
    names
}

/// The names the code writes: every run of letters and digits in a line
/// of code, and in a token of prose that carries code's signs (an option
/// `[linecolor=red]`, a command `\\setkeys{fam}`, a name `line_color`),
/// three characters long or more. Such a name is spelled as the code
/// spells it when the prose mentions it ("the linecolor, ...").
fn names_in_code(lines: &[Line]) -> HashSet<String> {
    let mut names = HashSet::default();
    let code_sign = |t: &&str| t.contains(['=', '[', ']', '{', '}', '\\', '_']);
    for line in lines {
        let code = !line.kind.is_prose();
        for token in line
            .text
            .split_whitespace()
            .filter(|t| code || code_sign(t))
        {
            for run in token.split(|c: char| !c.is_alphanumeric()) {
                if run.chars().nth(2).is_some() && !names.contains(run) {
                    names.insert(run.to_string());
                }
            }
        }
    }
    names
}

/// What proves that a hyphen was lost at a line end.
enum Proof {
    /// The document writes the compound with its hyphen elsewhere.
    Written(String),
    /// The run is no word and both its sides are: proof only where the
    /// column puts the line end.
    Words(String),
}

impl Proof {
    fn evidence(self) -> String {
        match self {
            Proof::Written(why) | Proof::Words(why) => why,
        }
    }
}

/// Whether a hyphen was lost at byte `at`, inside a run of letters and
/// digits: what proves it, or `None`.
fn lost_hyphen(text: &str, at: usize, evidence: &Evidence) -> Option<Proof> {
    let Evidence {
        vocab,
        paths,
        called,
        in_code,
        line_starts,
        lexicon,
    } = evidence;
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| at + i);
    let (head, tail, run) = (&text[start..at], &text[at..end], &text[start..end]);
    if head.chars().count() < MIN_PART || tail.chars().count() < MIN_PART {
        return None;
    }
    // A TeX command ("\\rightarrow") is letters only: a hyphen would end
    // it, whatever the prose around it writes ("a right-arrow").
    if text[..start].ends_with('\\') {
        return None;
    }
    // The document writes the run as one word more often elsewhere than
    // with the hyphen ("linewidth" five times, "line-width" once): its own
    // spelling stands. The run here counts once itself.
    if vocab.count(run).saturating_sub(1) > vocab.count(&format!("{head}-{tail}")) {
        return None;
    }
    // The document writes the compound with its hyphen elsewhere.
    let (token_start, token_end) = token_around(text, at);
    // As written: the shape tests below read code characters at either end
    // ("\\multicolumn" is a command, not a word).
    let token = &text[token_start..token_end];
    let with_hyphen = format!("{}-{}", &text[token_start..at], &text[at..token_end]);
    let with_hyphen = with_hyphen.trim_matches(|c: char| !c.is_alphanumeric());
    // A name from code, a path or a number ("glp_iptcp", "aarch64-unknown-
    // linuxgnu") gets its hyphen back only as the document spells it.
    if vocab.writes(with_hyphen) {
        return Some(Proof::Written(format!(
            "the document writes '{with_hyphen}'"
        )));
    }
    // A name with digits ("18Fowned") may still have lost a hyphen between
    // two words; a number ("8859-1"), a path or a code name may not.
    let digit_at_cut = head.ends_with(|c: char| c.is_ascii_digit())
        || tail.starts_with(|c: char| c.is_ascii_digit());
    // A list written without spaces ("letterpaper,10pt,oneside") names
    // options or values, each spelled as it is.
    let list = token
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .contains(',');
    if is_code_name(token) || (is_identifier(token) && digit_at_cut) || list {
        return None;
    }
    // A name called with its arguments ("ispower(0)") is code.
    if text[end..].starts_with('(') {
        return None;
    }
    let compound = format!("{head}-{tail}");
    if vocab.has_compound(with_hyphen) {
        return Some(Proof::Written(format!(
            "the document writes '{with_hyphen}'"
        )));
    }
    if vocab
        .compound_for(run)
        .is_some_and(|c| c == compound.to_lowercase())
    {
        return Some(Proof::Written(format!("the document writes '{compound}'")));
    }
    // Otherwise: no word as it stands, two words apart. A part is a word
    // in lower case, or one the document writes exactly so on its own
    // ("18F", "AArch64"): a part in capitals or with a capital inside
    // ("INCOLLECTION", "ChipsR-Us") is a keyword or a name, whose spelling
    // no word list knows.
    // Without a word list (text in another language) nothing else proves it.
    if lexicon.is_empty() {
        return None;
    }
    // A part in lower case is an ordinary word of the list, not a name or
    // an abbreviation that happens to match letters ("di" + "rs" in the
    // command "dirs").
    // A part the list does not know counts when the document writes it
    // twice, once inside a line: at a line's start it may be the second
    // half of a word broken at the line end before ("ically" under
    // "automat-" in the other column).
    let word = |w: &str| {
        if !w.chars().all(char::is_lowercase) {
            return vocab.writes(w);
        }
        let count = vocab.count(w);
        lexicon.lookup(w).is_some_and(|e| e.kind == Kind::Word)
            || (vocab.writes(w) && count >= 2 && count > line_starts.count(w))
    };
    // The token as written elsewhere ("bibleref-mouth"), a run that names a
    // part of a path ("tamefloats"), and a file or host name with a dot
    // ("edtable.sty") are spelled as the document spells them.
    let known_run = lexicon.is_word(run)
        || vocab.count(run) >= 2
        || vocab.has_singular(run)
        || vocab.count(token.trim_matches(|c: char| !c.is_alphanumeric())) >= 2
        || paths.contains(run)
        || called.contains(run)
        || in_code.contains(run);
    (!known_run
        && !has_inner_dot(token)
        && word(head)
        && word(tail)
        && !SUFFIX_WORDS.contains(&tail.to_lowercase().as_str())
        && (in_longer_compound(token)
            || (can_join_compound(head, Side::Head, lexicon)
                && can_join_compound(tail, Side::Tail, lexicon)))
        && !names_a_family(head, run, vocab, lexicon))
    .then(|| {
        Proof::Words(format!(
            "'{run}' is no word, '{head}' and '{tail}' are; the line is too long for the column"
        ))
    })
}

/// Words that join no hyphenated compound: articles, conjunctions and
/// the verb "to be" ("auto" + "and", where two columns met, is no
/// "auto-and"). Particles and comparisons do ("built-in", "set-up",
/// "slower-than-expected").
const NO_COMPOUND_PART: &[&str] = &[
    "a", "an", "and", "are", "but", "is", "nor", "or", "the", "was", "were", "which",
];

/// Suffixes that are also words: a word ending in one is a derivation, no
/// compound ("up-to-dateness" is no "up-to-date-ness", "bitwise" no
/// "bit-wise").
const SUFFIX_WORDS: &[&str] = &["ally", "hood", "less", "ness", "ship", "wise"];

/// Which side of a compound a part stands on.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Head,
    Tail,
}

/// The rarest SCOWL level of a two-letter word that opens a compound
/// ("ad-hoc", "em-dash"; not "ph").
const SHORT_HEAD_MAX_LEVEL: u8 = 35;

/// Whether `part` may be one side of a compound that words alone prove:
/// no article or conjunction. A compound ends on two letters only with a
/// particle ("built-in", "set-up"): a two-letter run at the end is as often
/// an abbreviation or the end of a name ("coxph" is no "cox-ph", "upem" no
/// "up-em"). It opens with two letters that are a particle or a common
/// word ("by-product", "ad-hoc").
fn can_join_compound(part: &str, side: Side, lexicon: &Lexicon) -> bool {
    let lower = part.to_lowercase();
    if NO_COMPOUND_PART.contains(&lower.as_str()) {
        return false;
    }
    if lower.chars().count() > 2 || is_function_word(&lower) {
        return true;
    }
    side == Side::Head
        && lexicon
            .lookup(&lower)
            .is_some_and(|e| e.kind == Kind::Word && e.level <= SHORT_HEAD_MAX_LEVEL)
}

/// Whether the run is part of a compound that goes on with a hyphen
/// written ("paperand-ink"): there a conjunction joins its parts
/// ("paper-and-ink", "cut-and-paste").
fn in_longer_compound(token: &str) -> bool {
    token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .contains('-')
}

/// Fewest other names glued to the same first word that make a family of
/// names ("idealadd", "idealdiv", "idealhnf" beside "idealred").
const MIN_FAMILY: usize = 2;

/// Whether the document glues `head` to other letters in names no word
/// list knows, besides `run`: a library names its functions so ("idealred"
/// among "idealadd", "idealdiv", "idealhnf"; "polresultant" among
/// "polcoeff", "poldegree"), and such a name is no two words.
fn names_a_family(head: &str, run: &str, vocab: &DocVocabulary, lexicon: &Lexicon) -> bool {
    let (head, run) = (head.to_lowercase(), run.to_lowercase());
    let mut names: HashSet<&str> = HashSet::default();
    for other in vocab.runs_starting_with(&head) {
        if other != run && !lexicon.is_word(other) {
            names.insert(other);
            if names.len() >= MIN_FAMILY {
                return true;
            }
        }
    }
    false
}

/// The whitespace-delimited token around byte `at`, as byte offsets.
fn token_around(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split;

    /// A typeset page (it starts with a page break) whose fourth line holds
    /// the next line joined to it at "slower-" / "than-anticipated".
    fn page(joined: &str) -> String {
        let full = "the quick brown fox jumps over the lazy dog again and";
        let mut text = String::from("\u{c}");
        for _ in 0..3 {
            text.push_str(full);
            text.push('\n');
        }
        text.push_str(joined);
        text.push('\n');
        for _ in 0..5 {
            text.push_str(full);
            text.push('\n');
        }
        text
    }

    fn fix(text: &str) -> (Vec<Line>, RepairLog) {
        let mut lines = split(text);
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        (lines, log)
    }

    #[test]
    fn joined_line_is_cut_and_hyphen_restored() {
        let joined = "process has involved many of them and led to a slowerthan-anticipated \
                      procurement process. Originally, we had a";
        let (lines, log) = fix(&page(joined));
        assert_eq!(log.applied(), 1, "{:?}", log.changes);
        let head = lines.iter().find(|l| l.glue).expect("a glued first half");
        assert!(head.text.ends_with("a slower-"), "{}", head.text);
        assert!(lines.iter().any(|l| l.text.starts_with("than-anticipated")));
        let doc = crate::normalize::lines::into_document(&lines);
        assert!(
            doc.blocks[0]
                .plain_text()
                .contains("slower-than-anticipated")
        );
        // Idempotent: the cut lines are of ordinary length.
        let mut again = lines.clone();
        let mut log2 = RepairLog::default();
        run(&mut again, &mut log2);
        assert_eq!(again, lines);
        assert_eq!(log2.changes.len(), 0);
    }

    /// The extractor joined this line where the printed one ended with a
    /// hyphen it rightly took away ("abbre-" / "viation"); the run of letters
    /// that words alone would cut lies beyond the column ("hin" + "ding" of
    /// the source's own "hinding"), where no printed line ended.
    #[test]
    fn no_cut_beyond_the_column() {
        let joined = "the quick brown fox jumps over the abbreviation, thus hinding from us \
                      the representation of the type in question";
        let cut_at = joined.find("ding").unwrap();
        let width = printed_width(&split(&page(joined))).expect("a typeset page");
        let first = printed_len(&joined[..cut_at]) + printed_len("-");
        assert!(
            first > width * FIRST_LINE_MAX && first < width * 1.1,
            "the test line puts the cut at {:.3} of the column",
            first / width
        );
        let (lines, log) = fix(&page(joined));
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
        assert!(lines.iter().any(|l| l.text.contains("thus hinding from")));
    }

    /// A run that the document's code writes (`[linecolor=red]`) is a name
    /// spelled as the code spells it, though its two sides are words.
    #[test]
    fn a_name_the_code_writes_gets_no_hyphen() {
        let joined = "process has involved many of them and led to a slowerthan-anticipated \
                      procurement process. Originally, we had a";
        let text = format!("{}\\setup[graph][slowerthan=red]\n", page(joined));
        let (lines, log) = fix(&text);
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
        assert!(lines.iter().any(|l| l.text == joined));
    }

    #[test]
    fn a_page_start_stays_with_the_first_half() {
        use crate::normalize::lines::PageStart;
        let joined = "process has involved many of them and led to a slowerthan-anticipated \
                      procurement process. Originally, we had a";
        let mut lines = split(&page(joined));
        let at = lines
            .iter()
            .position(|l| l.text.contains("slowerthan"))
            .unwrap();
        lines[at].page_starts.push(PageStart {
            label: "7".into(),
            printed: true,
        });
        let mut log = RepairLog::default();
        run(&mut lines, &mut log);
        let marked: Vec<&str> = lines
            .iter()
            .filter(|l| !l.page_starts.is_empty())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(marked.len(), 1, "{marked:?}");
        assert!(marked[0].ends_with("a slower-"), "{marked:?}");
    }

    /// A long line set in columns (a reference card's heading line beside
    /// its columns) is long by its layout: "shiftdim (arr, s)" is no word
    /// broken at a line end.
    #[test]
    fn a_long_line_set_in_columns_is_no_join() {
        let columns = "Octave Quick Reference     Version 3.0     shiftdim (arr, s) rotate the \
                       array elements";
        let (lines, log) = fix(&page(columns));
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
        assert!(lines.iter().any(|l| l.text == columns));
        assert!(
            log.changes
                .iter()
                .any(|c| c.declined && c.rule == "overlong-line")
        );
    }

    #[test]
    fn long_line_without_a_lost_hyphen_is_left_alone() {
        let long = "process has involved many of them and led to a slower procurement \
                    process than anyone had anticipated when we had a";
        let (lines, log) = fix(&page(long));
        assert_eq!(log.applied(), 0);
        assert!(lines.iter().any(|l| l.text == long));
    }

    /// A paragraph set narrower than the text (a note): a line joined at a
    /// space is as long as a line of the text, and a run of no word one
    /// text width in ("hotplug") is no lost line end. A compound that the
    /// document writes with its hyphen still is.
    #[test]
    fn a_narrow_paragraph_cuts_at_its_own_width() {
        let full = "the quick brown fox jumps over the lazy dog again and";
        let narrow = "a note set in a narrower column of";
        let page = |joined: &str| {
            let mut text = String::from("\u{c}");
            for _ in 0..6 {
                text.push_str(full);
                text.push('\n');
            }
            text.push('\n');
            for line in [narrow, joined, narrow, narrow] {
                text.push_str(line);
                text.push('\n');
            }
            text
        };
        let joined = "www.example.org/wiki/hal] to discover devices, hotplug events for them and";
        let (lines, log) = fix(&page(joined));
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
        assert!(lines.iter().any(|l| l.text == joined));
        let (_, log) = fix(&page(
            "the paper says that the CID-keyed font and the CIDkeyed format are gone now",
        ));
        assert_eq!(log.applied(), 1, "{:?}", log.changes);
    }

    /// Words alone prove no compound with a conjunction or an article in
    /// it ("autoand", where two columns met), with a part of two letters
    /// that is no particle ("coxph"), with a part the document writes
    /// only at line starts (the "ically" of words broken in the other
    /// column), ending in a suffix ("up-to-dateness"), or whose run the
    /// document calls as code elsewhere ("coredata(z)").
    #[test]
    fn words_alone_prove_no_compound_of_conjunctions_short_parts_or_names() {
        for (joined, after) in [
            (
                "have additional type requirements beyond the standard autoand Rcpp types",
                "",
            ),
            (
                "methods are provided for lm, glm, rlm, nls, survreg and also the coxph objects",
                "",
            ),
            (
                "have additional type requirements beyond the standard matically adds them",
                "ically included along with the generated code\nically again at a line start\n",
            ),
            (
                "strip off the dates and return a plain vector or matrix coredata can be used",
                "R> plain <- coredata(z)\n",
            ),
            (
                "no claims about the completeness of it or its up-to-dateness or correctness",
                "",
            ),
        ] {
            let (lines, log) = fix(&format!("{}{after}", page(joined)));
            assert_eq!(log.applied(), 0, "{:?}", log.changes);
            assert!(lines.iter().any(|l| l.text == joined));
        }
    }

    /// A caption or a reference set in a smaller font is long for the
    /// column without any join: a command, a keyword in capitals or a name
    /// with a capital inside is no pair of words, whatever the word list
    /// says of its parts.
    #[test]
    fn commands_keywords_and_names_keep_their_spelling() {
        for token in [
            "\\multicolumn",
            "INCOLLECTION",
            "ChipsR-Us,",
            "letterpaper,10pt,oneside.",
        ] {
            let long = format!(
                "process has involved many of them and led to a {token} \
                 procurement process. Originally, we had a"
            );
            let (lines, log) = fix(&page(&long));
            assert_eq!(log.applied(), 0, "{token}: {:?}", log.changes);
            assert!(lines.iter().any(|l| l.text == long), "{token}");
        }
    }

    /// A file name ("edtable.sty"), a token the document writes alike
    /// elsewhere ("bibleref-mouth"), a name its addresses spell
    /// ("tamefloats"), a TeX command whose words the prose writes with a
    /// hyphen ("\\rightarrow", "a right-arrow"), a function named as others
    /// are ("idealred" beside "idealadd") and a call ("ispower(0)") keep
    /// their spelling, though each splits into words.
    #[test]
    fn names_the_document_spells_keep_their_spelling() {
        for (token, elsewhere) in [
            ("edtable.sty", "the ed table"),
            ("bibleref-mouth", "the bibleref-mouth package"),
            ("tamefloats", "see http://ctan.org/pkg/tamefloats"),
            ("\\rightarrow", "draws a right-arrow"),
            ("fixups", "this fixup type"),
            // A function among others named by gluing to the same word.
            ("idealred,", "see idealadd, idealdiv and idealhnf"),
            ("led to ispower(0),", "its power"),
        ] {
            let long = format!(
                "process has involved many of them and {token} \
                 procurement process. Originally, we had a"
            );
            let text = format!("{}{elsewhere}\n", page(&long));
            let (lines, log) = fix(&text);
            assert_eq!(log.applied(), 0, "{token}: {:?}", log.changes);
            assert!(lines.iter().any(|l| l.text == long), "{token}");
        }
    }

    /// A document that writes "linewidth" more often than "line-width"
    /// keeps the word as it stands; one that writes "line-width" more often
    /// gets the hyphen back.
    #[test]
    fn the_more_frequent_spelling_decides() {
        let long = "process has involved many of them and led to a linewidth \
                    procurement process. Originally, we had a";
        let joined = "the linewidth grows, the linewidth falls, a narrow line-width";
        let (lines, log) = fix(&format!("{}{joined}\n", page(long)));
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
        assert!(lines.iter().any(|l| l.text == long));
        let hyphened = "a line-width grows, the line-width falls, the linewidth";
        let (lines, log) = fix(&format!("{}{hyphened}\n", page(long)));
        assert_eq!(log.applied(), 1, "{:?}", log.changes);
        assert!(lines.iter().any(|l| l.text.ends_with("a line-")));
    }

    /// A part in lower case must be an ordinary word: a name or an
    /// abbreviation of the word list ("di", "rs") matches the letters of a
    /// command ("dirs") too easily.
    #[test]
    fn parts_that_are_only_names_prove_nothing() {
        let long = "process has involved many of them and led to the dirs \
                    procurement process. Originally, we had a";
        let (lines, log) = fix(&page(long));
        assert_eq!(log.applied(), 0, "{:?}", log.changes);
        assert!(lines.iter().any(|l| l.text == long));
    }

    #[test]
    fn plain_text_is_left_alone() {
        let text =
            page("a slowerthan-anticipated procurement process went on and on and on and on");
        let text = text.trim_start_matches('\u{c}');
        let (_, log) = fix(text);
        assert!(log.changes.is_empty());
    }
}
